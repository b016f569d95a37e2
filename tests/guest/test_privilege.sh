# SPDX-License-Identifier: GPL-2.0
# Who may read and change what, through the tool: reading policies and
# events needs CAP_NET_ADMIN, changing them CAP_MAC_ADMIN (each tried with
# only the other), the status is anyone's.  A read changes nothing, from
# whatever namespaces it comes (a reader whose cgroup namespace hides the
# policies' cgroups once deleted them).  Policies of removed cgroups go
# without a request; threaded cgroups take no policy.  nl_raw (group
# netlink) sends the same requests raw.

RUNAS=$TESTS/runas
NOBODY="$RUNAS --uid 65534"
CAP_NET_ADMIN=12
CAP_MAC_ADMIN=33
NET_ADMIN_ONLY="$RUNAS --uid 65534 --keep $CAP_NET_ADMIN"
MAC_ADMIN_ONLY="$RUNAS --uid 65534 --keep $CAP_MAC_ADMIN"

check "enforcement is on" enforce_on
mkdir -p $CG/t-priv/a $CG/t-priv/b $CG/t-priv/reader
write_policy /tmp/priv-a.policy priv-a enforce chown
write_policy /tmp/priv-b.policy priv-b enforce chown
write_policy /tmp/priv-new.policy priv-new enforce chown
chmod 644 /tmp/priv-*.policy
check "a policy on cgroup a" ctrpolicy load /tmp/priv-a.policy --cgroup $CG/t-priv/a
check "a policy on cgroup b" ctrpolicy load /tmp/priv-b.policy --cgroup $CG/t-priv/b

# still_enforced: both policies listed, and each still denies sethostname.
still_enforced() {
	local out
	out=$(ctrpolicy list 2>&1) || { printf '%s\n' "$out"; return 1; }
	printf '%s\n' "$out" | grep -q 'priv-a' &&
		printf '%s\n' "$out" | grep -q 'priv-b' ||
		{ printf '%s\n' "$out"; return 1; }
	! in_cgroup $CG/t-priv/a $TRY sethostname vm-a &&
		! in_cgroup $CG/t-priv/b $TRY sethostname vm-b
}
check "control: both policies listed and enforced" still_enforced
check "control: sethostname works outside them" $TRY sethostname vm

# --- no privilege: the status only ---
check "unprivileged: status works" $NOBODY ctrpolicy status
check_exit 5 "unprivileged: list exits 5" $NOBODY ctrpolicy list
check_fails "  and says it needs CAP_NET_ADMIN" "needs CAP_NET_ADMIN" \
	$NOBODY ctrpolicy list
check_exit 5 "unprivileged: -j list exits 5" $NOBODY ctrpolicy -j list
check_exit 5 "unprivileged: show exits 5" \
	$NOBODY ctrpolicy show --cgroup $CG/t-priv/a
check_exit 5 "unprivileged: monitor exits 5" $NOBODY ctrpolicy monitor --count 1
check_fails "  and says it needs CAP_NET_ADMIN" "needs CAP_NET_ADMIN" \
	$NOBODY ctrpolicy monitor --count 1
check_fails "unprivileged: load is refused, naming CAP_MAC_ADMIN" "CAP_MAC_ADMIN" \
	$NOBODY ctrpolicy load /tmp/priv-new.policy --cgroup $CG/t-priv/a
check_exit 5 "unprivileged: unload exits 5" \
	$NOBODY ctrpolicy unload --cgroup $CG/t-priv/a
check "  and both policies are as they were" still_enforced

# --- one capability, not the other ---
check "CAP_NET_ADMIN alone: list works" $NET_ADMIN_ONLY ctrpolicy list
check "CAP_NET_ADMIN alone: show works" \
	$NET_ADMIN_ONLY ctrpolicy show --cgroup $CG/t-priv/a
check_fails "CAP_NET_ADMIN alone: load is refused, naming CAP_MAC_ADMIN" \
	"CAP_MAC_ADMIN" \
	$NET_ADMIN_ONLY ctrpolicy load /tmp/priv-new.policy --cgroup $CG/t-priv/a
check_fails "CAP_NET_ADMIN alone: unload is refused, naming CAP_MAC_ADMIN" \
	"CAP_MAC_ADMIN" $NET_ADMIN_ONLY ctrpolicy unload --cgroup $CG/t-priv/a
if_module check_fails "CAP_NET_ADMIN alone: detach is refused, naming CAP_MAC_ADMIN" \
	"CAP_MAC_ADMIN" \
	$NET_ADMIN_ONLY ctrpolicy detach
check "  and both policies are as they were" still_enforced
check_exit 5 "CAP_MAC_ADMIN alone: list exits 5" $MAC_ADMIN_ONLY ctrpolicy list
check_exit 5 "CAP_MAC_ADMIN alone: monitor exits 5" \
	$MAC_ADMIN_ONLY ctrpolicy monitor --count 1
check "CAP_MAC_ADMIN alone: load replaces a policy" \
	$MAC_ADMIN_ONLY ctrpolicy load /tmp/priv-new.policy --cgroup $CG/t-priv/a
check "  which is in force" output_has "priv-new" ctrpolicy show --cgroup $CG/t-priv/a
check "CAP_MAC_ADMIN alone: unload removes it" \
	$MAC_ADMIN_ONLY ctrpolicy unload --cgroup $CG/t-priv/a
check "  (the first one back)" ctrpolicy load /tmp/priv-a.policy --cgroup $CG/t-priv/a

# --- reads from other namespaces change nothing ---
# The reader sits in a cgroup of its own, then makes it the root of a new
# cgroup namespace: a and b are out of its sight.
read_from_ns() {
	(echo 0 > $CG/t-priv/reader/cgroup.procs && exec "$@")
}
check_exit 5 "uid 65534 as root of a new user and cgroup namespace: list exits 5" \
	read_from_ns $NOBODY --userns --cgroupns ctrpolicy list
check "  and both policies are still there and enforced" still_enforced
check_exit 5 "  and the same with -j" \
	read_from_ns $NOBODY --userns --cgroupns ctrpolicy -j list
check "  and both policies are still there and enforced" still_enforced
check "root in a new cgroup namespace: list works" \
	read_from_ns $RUNAS --cgroupns ctrpolicy list
check "  and both policies are still there and enforced" still_enforced

# --- policies of removed cgroups go, without a request ---
rmdir $CG/t-priv/b
check "the policy of a removed cgroup is reclaimed" eventually not_listed priv-b
check "  and the other one stays" output_has "priv-a" ctrpolicy list

# --- threaded cgroups ---
mkdir -p $CG/t-thr/dom/threads
echo threaded > $CG/t-thr/dom/threads/cgroup.type
check "control: the cgroup is threaded" output_has '^threaded$' \
	cat $CG/t-thr/dom/threads/cgroup.type
check_fails "a policy on a threaded cgroup is refused, naming the type" \
	"cgroup type is threaded" \
	ctrpolicy load /tmp/priv-new.policy --cgroup $CG/t-thr/dom/threads
check "control: its threaded domain takes one" \
	ctrpolicy load /tmp/priv-new.policy --cgroup $CG/t-thr/dom
check "enforcement off, test cgroups removed" enforce_off
