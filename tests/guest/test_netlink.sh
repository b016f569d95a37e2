# SPDX-License-Identifier: GPL-2.0
# Malformed and unprivileged netlink requests, sent raw with libmnl: each
# gets an errno and an extack message, and the store stays as it was.

# The module loaded, nothing attached: a valid policy is refused.
if [ -z "$NATIVE" ]; then
	ctrpolicy detach
	check "the module is loaded, nothing attached" load_module
	mkdir -p $CG/t-netlink-unattached
	"$TESTS/nl_raw" --unattached $CG/t-netlink-unattached
	status=$?
	check "nl_raw --unattached ran to its end (exit status $status)" test $status -le 1
else
	skip "a policy with no enforcement attached is refused" "ctrpolicy is built into this kernel (native LSM): nothing to attach"
fi
check "enforcement is on" enforce_on
mkdir -p $CG/t-netlink
# nl_raw prints its own TAP lines and exits 1 when one of them failed; any
# other status (a crash, a missing program) means it stopped before its end.
"$TESTS/nl_raw" $CG/t-netlink
status=$?
check "nl_raw ran to its end (exit status $status: 0, or 1 after a failed case)" \
	test $status -le 1
check "enforcement is still attached" ctrpolicy status
check "enforcement off, test cgroups removed" enforce_off
