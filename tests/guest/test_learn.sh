# SPDX-License-Identifier: GPL-2.0
# Learn mode (issue 21): a policy in learn mode denies nothing and records
# each distinct request it does not allow, once, in a bounded set;
# 'ctrpolicy learn' shows the set and prints the policy that allows it.
# A crun container's workload (httpd, a UDP query, connects to two peers,
# a tmpfs mount, chown) is learned through the OCI hook from a policy that
# allows nothing; the policy learned lets the same workload run enforced,
# and denies what the workload did not do.

NET=$TESTS/net
L=$CG/t-learn
check "enforcement is on (module loaded, programs attached)" enforce_on
mkdir -p $L $L/base $L/small $L/keep $L/rt $L/enforce

# ---- the learned set on a cgroup ------------------------------------------

printf 'policy flood\nmode learn size 16\n' > /tmp/learn-small.policy
printf 'policy flood\nmode learn\n' > /tmp/learn-base.policy
check "a policy in learn mode, size 16, loads" \
	ctrpolicy load /tmp/learn-small.policy --cgroup $L/small
check "show gives it back: mode learn size 16" \
	output_has '^mode learn size 16$' ctrpolicy show --cgroup $L/small
check "the default size is not written" \
	sh -c "ctrpolicy load /tmp/learn-base.policy --cgroup $L/base && ctrpolicy show --cgroup $L/base | grep -qx 'mode learn'"
check "learn show of an empty set: 0 requests, 0 not recorded" \
	output_has ': 0 requests learned, 0 not recorded' ctrpolicy learn show --cgroup $L/base

# The same flood in both: 200 UDP connects to distinct ports, one process.
check "learning denies nothing: 200 connects to ports a policy without rules does not allow" \
	in_cgroup $L/base $NET connect-ports udp 127.0.0.1 1000 1199
check "the same under a set of 16" \
	in_cgroup $L/small $NET connect-ports udp 127.0.0.1 1000 1199
# learned_count CGROUP and overflow_count CGROUP, from learn show -j.
learned_count() {
	ctrpolicy -j learn show --cgroup "$1" | sed -n 's/.*"learned":\([0-9]*\).*/\1/p'
}
overflow_count() {
	ctrpolicy -j learn show --cgroup "$1" | sed -n 's/.*"overflow":\([0-9]*\).*/\1/p'
}
base_n=$(learned_count $L/base)
small_n=$(learned_count $L/small)
small_over=$(overflow_count $L/small)
# Besides the 200 connects and their socket: what the exec asked, if anything.
check "the large set holds every distinct request once, nothing lost ($base_n)" \
	test "$base_n" -ge 201 -a "$base_n" -le 220 -a "$(overflow_count $L/base)" = 0
check "the set of 16 holds 16 (got $small_n)" test "$small_n" = 16
check "its overflow counter is exact: $base_n distinct requests - 16 = $small_over" \
	test "$small_over" = $((base_n - 16))
check "the connect of port 1100 is one learned request" \
	output_has '^network connect inet udp 127.0.0.1 port 1100$' ctrpolicy learn show --cgroup $L/base
again_same() {
	in_cgroup $L/base $NET connect-ports udp 127.0.0.1 1000 1199 &&
		[ "$(learned_count $L/base)" = "$base_n" ] &&
		[ "$(overflow_count $L/base)" = 0 ]
}
check "the flood again: nothing recorded twice, no overflow" again_same
check "no kernel warning from the floods" sh -c '! dmesg | grep -E "WARNING|BUG"'
check "learn show -j: JSON with the requests" \
	output_has '"requests":\[\{"area":"(capability|mount|network)"' ctrpolicy -j learn show --cgroup $L/small

# Keep or drop the set on replace.
keep_start() {
	ctrpolicy learn start --cgroup $L/small --keep && [ "$(learned_count $L/small)" = 16 ]
}
check "learn start --keep: the set stays" keep_start
check "learn start without --keep: a new, empty set" \
	sh -c "ctrpolicy learn start --cgroup $L/small && ctrpolicy learn show --cgroup $L/small | grep -q ': 0 requests learned, 0 not recorded'"
check "k8s-restricted, enforcing, loads" \
	ctrpolicy load /ctrpolicy/policies/k8s-restricted.policy --cgroup $L/enforce
check_exit 7 "learn show of a policy that does not learn: not found" \
	ctrpolicy learn show --cgroup $L/enforce
check_fails "... and the kernel says why (ENOENT)" 'no policy that learned' \
	ctrpolicy learn show --cgroup $L/enforce
printf 'policy x\nmode learn size 0\n' > /tmp/bad-size.policy
check_fails "mode learn with a size out of range: file:line:col" \
	'/tmp/bad-size.policy:2:17: error: invalid learn size' ctrpolicy check /tmp/bad-size.policy

# The policy printed from the large set: checked, loaded, shown, diffed.
check "learn policy prints a policy that passes check" \
	sh -c "ctrpolicy learn policy --cgroup $L/base > /tmp/gen.policy && ctrpolicy check /tmp/gen.policy"
sed 's/^/#   /' /tmp/gen.policy | head -20
check "it is in enforce mode" grep -qx 'mode enforce' /tmp/gen.policy
check "it allows each port as seen" grep -qx '	allow connect udp 127.0.0.1/32 port 1100' /tmp/gen.policy
check "--cidr 24 widens the address" \
	output_has '^	allow connect udp 127.0.0.0/24 port 1100$' ctrpolicy learn policy --cgroup $L/base --cidr 24
check "it round-trips: load, then show gives the same text" \
	sh -c "ctrpolicy load /tmp/gen.policy --cgroup $L/rt && ctrpolicy show --cgroup $L/rt > /tmp/gen-shown.policy && diff -u /tmp/gen.policy /tmp/gen-shown.policy"
check_exit 0 "diff against its loaded copy: the same" ctrpolicy diff /tmp/gen.policy --cgroup $L/rt
check_exit 1 "diff against the policy learning: they differ" \
	ctrpolicy diff /tmp/gen.policy --cgroup $L/base
check "enforced, the learned connects are allowed" \
	in_cgroup $L/rt $NET connect-ports udp 127.0.0.1 1000 1199
check_fails "enforced, a port not learned is denied (EPERM)" EPERM \
	in_cgroup $L/rt $NET connect udp 127.0.0.1 1200
check "control: unconfined, that connect works" $NET connect udp 127.0.0.1 1200

# ---- a container learned through the OCI hook ------------------------------

# containers: the workload learned in one container, enforced in others.
containers() {
	. ./oci.sh
	rm -rf /tmp/oci "$OCI_OUT"
	printf 'policy workload\nmode enforce\n' > /tmp/nothing.policy
	# The workload: httpd on a port and a client, a DNS-like UDP query, TCP
	# connects to two peers (nothing listens: refused), a tmpfs mount, chown.
	WORKLOAD='set -e
	mkdir -p /tmp/www /tmp/m
	echo learned > /tmp/www/index.html
	httpd -f -p 127.0.0.1:18080 -h /tmp/www &
	i=0
	until wget -q -O /tmp/page http://127.0.0.1:18080/ || [ $i -gt 50 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q learned /tmp/page
	net sendto udp 127.0.0.1 53
	net --expect ECONNREFUSED connect tcp 127.0.0.2 7
	net --expect ECONNREFUSED connect tcp 127.0.0.3 7
	mount -t tmpfs tmpfs /tmp/m
	touch /tmp/f
	chown 1:1 /tmp/f
	kill $!'
	learn_run() { local OCI_ANNOTATIONS='"org.ctrpolicy.learn": "true"'; oci_run "$@"; }
	unconfined() { local OCI_HOOK_OPTS="--default none"; oci_run "$@"; }

	check_fails "control: enforced, the policy that allows nothing stops the workload (EPERM)" \
		EPERM oci_run deny /tmp/nothing.policy sh -c "$WORKLOAD"
	check "in learn mode under it the workload runs: nothing denied" \
		learn_run learner /tmp/nothing.policy sh -c "$WORKLOAD"
	written() {
		test -s /run/ctrpolicy/containers/learner.policy ||
			{ cat /tmp/oci/learner/hooks.err; return 1; }
	}
	check "at poststop the hook wrote the learned policy next to the record (the runtime removed the cgroup before: the set outlives it)" \
		written
	# Moved out: the oci group wants no file of a container left behind.
	mv /run/ctrpolicy/containers/learner.policy /tmp/learned.policy
	sed 's/^/#   /' /tmp/learned.policy
	check "it passes check" ctrpolicy check /tmp/learned.policy
	check "it enforces" grep -qx 'mode enforce' /tmp/learned.policy
	check "it allows chown" grep -Eq '^	allow( [a-z_]+)* chown( |$)' /tmp/learned.policy
	check "it allows the tmpfs mount on its target" grep -q 'allow mount tmpfs from tmpfs on .*/tmp/m' /tmp/learned.policy
	check "it allows the connects to the two peers" \
		sh -c "grep -q 'allow connect tcp 127.0.0.2/32 port 7' /tmp/learned.policy && grep -q 'allow connect tcp 127.0.0.3/32 port 7' /tmp/learned.policy"
	check "the container's record is gone" test ! -e /run/ctrpolicy/containers/learner
	check "and so is its policy" not_listed "$OCI_CGROUP/learner"

	ctrpolicy monitor > /tmp/learn-events.txt 2>/dev/null &
	monitor=$!
	sleep 0.5
	check "enforced, the learned policy lets the same workload run" \
		oci_run again /tmp/learned.policy sh -c "$WORKLOAD"
	sleep 0.5
	kill $monitor
	wait $monitor 2>/dev/null
	check "with no denial" sh -c '! grep deny /tmp/learn-events.txt'

	check "enforced, a learned peer is allowed (nothing listens: ECONNREFUSED)" \
		oci_run peer2 /tmp/learned.policy net --expect ECONNREFUSED connect tcp 127.0.0.2 7
	check "enforced, a third peer is denied (EPERM)" \
		oci_run peer4 /tmp/learned.policy net --expect EPERM connect tcp 127.0.0.4 7
	check "control: unconfined, the third peer is reached (ECONNREFUSED)" \
		unconfined peer4-ok - net --expect ECONNREFUSED connect tcp 127.0.0.4 7
	check "enforced, a raw socket is denied (EPERM)" \
		oci_run raw /tmp/learned.policy net --expect EPERM socket inet raw icmp
	check "control: unconfined, a raw socket is created" \
		unconfined raw-ok - net socket inet raw icmp
	check "enforced, mounting proc is denied (EPERM)" \
		oci_run proc /tmp/learned.policy try --expect EPERM mount proc /tmp proc -
	check "control: unconfined, proc mounts" \
		unconfined proc-ok - try mount proc /tmp proc -
	check_fails "enforced, a capability the workload did not use (sys_chroot) is denied (EPERM)" \
		EPERM oci_run chroot /tmp/learned.policy chroot / true
	check "control: unconfined, chroot works" unconfined chroot-ok - chroot / true
	check "no policy is left behind" not_listed "$OCI_CGROUP/"
}

if command -v crun > /dev/null; then
	containers
else
	skip "containers learn under crun" "crun is not in the image (apt-get install crun)"
fi
check "enforcement off, test cgroups removed" enforce_off
