# SPDX-License-Identifier: GPL-2.0
# A kernel booted without the BPF LSM (lsm= lacking bpf, as Ubuntu, Azure
# Linux and Flatcar boot): the programs would attach and never be called.
# No command may report or imply enforcement: attach refuses, status and
# load say the policies are not enforced and what to do.  tests/run.sh
# boots such a kernel for this group alone; in any other boot it has
# nothing to test.

if grep -Eq '(^|,)bpf(,|$)' /sys/kernel/security/lsm; then
	skip "the BPF LSM is off: attach, status and load say so" \
		"this boot has the BPF LSM active (tests/run.sh boots one without for this group)"
	return 0
fi
check "control: bpf is not in the kernel's LSM list" \
	sh -c "! grep -q bpf /sys/kernel/security/lsm"
check "the module loads" load_module
check_exit 6 "attach refuses: exit 6" ctrpolicy attach
check "  saying the BPF LSM is not active and how to boot" \
	output_has "BPF LSM is not active.*boot with lsm=.*,bpf" ctrpolicy attach
check "  and attaches nothing" sh -c \
	"ctrpolicy -j status 2>/dev/null | grep -q '\"attached\":false'"
check_exit 6 "status: exit 6" ctrpolicy status
check "  saying policies are not enforced and how to boot" \
	output_has "policies are not enforced: the BPF LSM is not active.*boot with lsm=" \
	ctrpolicy status
check "  -j says enforced false and bpf_lsm false" sh -c \
	"ctrpolicy -j status 2>/dev/null | grep -q '\"bpf_lsm\":false,\"enforced\":false'"
mkdir -p $CG/t-lsmoff
write_policy /tmp/lsmoff.policy lsmoff enforce chown
check "load warns that the policy is loaded but not enforced, and why" \
	output_has "warning: the policy is loaded but not enforced: the BPF LSM is not active" \
	ctrpolicy load /tmp/lsmoff.policy --cgroup $CG/t-lsmoff
check "  (which is true: sethostname, denied by the policy, succeeds)" \
	in_cgroup $CG/t-lsmoff $TRY sethostname vm-lsmoff
check "unload" ctrpolicy unload --cgroup $CG/t-lsmoff
rmdir $CG/t-lsmoff
check "the module unloads" unload_module
