# SPDX-License-Identifier: GPL-2.0
# A chain's fold (kernel/fold.h): a request that every policy of a nested
# chain allowed is allowed again without asking each, and counted by each
# as allowed; a change of any policy of the chain decides again at once;
# what a policy did not allow (audit mode) is never folded.

NET=$TESTS/net
check "enforcement is on" enforce_on
ip link set lo up
OUT=$CG/t-fold IN=$CG/t-fold/in
mkdir -p $IN

# fold_policy NAME MODE CONNECT CAPS: UDP to 127.0.0.1 port 7000 by CONNECT
# (allow or deny), the capabilities CAPS.
fold_policy() {
	printf 'policy %s\nmode %s\ncapabilities {\n\tallow %s\n}\nnetwork {\n\tdefault deny\n\tsocket allow inet udp\n\t%s connect,send udp 127.0.0.1 port 7000\n}\n' \
		"$1" "$2" "$4" "$3" > /tmp/$1.policy
}
fold_policy fold-allow enforce allow sys_admin
fold_policy fold-deny enforce deny chown
fold_policy fold-audit audit deny sys_admin

# connects N: N UDP connects to 127.0.0.1:7000 in the inner cgroup, by one
# shell: every one allowed.
connects() {
	in_cgroup $IN sh -c "i=0; while [ \$i -lt $1 ]; do
		$NET connect udp 127.0.0.1 7000 > /dev/null || exit 1; i=\$((i + 1)); done"
}
# The network counter FIELD of policy NAME.
net_counter() {
	ctrpolicy -j list | sed 's/{"cgroup"/\n&/g' | grep "\"policy\":\"$1\"" |
		sed -n "s/.*\"network\":{[^}]*\"$2\":\([0-9]*\).*/\1/p"
}
# The network counter FIELD of the policy on cgroup DIR.
cgroup_counter() {
	ctrpolicy -j list | sed 's/{"cgroup"/\n&/g' | grep "^{\"cgroup\":\"$1\"" |
		sed -n "s/.*\"network\":{[^}]*\"$2\":\([0-9]*\).*/\1/p"
}
# The network counter FIELD of the policies on OUT and IN.
counters() { echo "$(cgroup_counter $OUT $1) $(cgroup_counter $IN $1) "; }

check "control: a UDP connect to 127.0.0.1:7000 works unconfined" $NET connect udp 127.0.0.1 7000
ctrpolicy load /tmp/fold-allow.policy --cgroup $OUT
ctrpolicy load /tmp/fold-allow.policy --cgroup $IN
before=$(counters checks)
check "nested, both allowing: 50 connects allowed" connects 50
after=$(counters checks)
# counted_alike BEFORE AFTER: both policies counted the same checks, at
# least N, all of them allowed.
counted_alike() {
	set -- $1 $2 $3 $4
	[ $(($3 - $1)) -eq $(($4 - $2)) ] && [ $(($3 - $1)) -ge 50 ] ||
		{ echo "checks of the two policies: $1 -> $3, $2 -> $4"; return 1; }
	[ "$(counters denied)" = "0 0 " ] && [ "$(counters audited)" = "0 0 " ] ||
		{ echo "denied: $(counters denied), audited: $(counters audited)"; return 1; }
}
check "  each policy counted every check, as allowed ($before-> $after)" counted_alike "$before" "$after"
check "  checks are allowed plus denied plus audited" \
	test "$(counters checks)" = "$(counters allowed)"

ctrpolicy load /tmp/fold-deny.policy --cgroup $IN
check "the inner policy replaced by a denying one: the next connect is denied (EPERM)" \
	in_cgroup $IN $NET --expect EPERM connect udp 127.0.0.1 7000
check "  control: it works unconfined" $NET connect udp 127.0.0.1 7000
check "  sethostname is denied too (EPERM)" in_cgroup $IN $TRY --expect EPERM sethostname fold
ctrpolicy load /tmp/fold-allow.policy --cgroup $IN
check "allowed again: 20 connects" connects 20
check "  and sethostname" in_cgroup $IN $TRY sethostname fold
ctrpolicy load /tmp/fold-deny.policy --cgroup $OUT
check "the outer policy replaced by a denying one: the next connect is denied (EPERM)" \
	in_cgroup $IN $NET --expect EPERM connect udp 127.0.0.1 7000
check "  sethostname is denied too (EPERM)" in_cgroup $IN $TRY --expect EPERM sethostname fold
ctrpolicy unload --cgroup $OUT
check "the outer policy unloaded: connects allowed again" connects 20

# Audit mode allows what it does not allow, and reports each: never folded.
ctrpolicy load /tmp/fold-audit.policy --cgroup $OUT
before=$(net_counter fold-audit audited)
check "the outer policy in audit mode, not allowing: 30 connects go through" connects 30
after=$(net_counter fold-audit audited)
check "  each of them audited ($before -> $after)" test $((after - before)) -ge 30

ctrpolicy unload --cgroup $IN
ctrpolicy unload --cgroup $OUT
check "enforcement off, test cgroups removed" enforce_off
