# SPDX-License-Identifier: GPL-2.0
# Policies are freed when they go: all at once by detach and rmmod with
# policies loaded (the module), or one by one when their cgroups are
# removed (both paths).  The module charges its allocations to the memory
# cgroup of the task that loads a policy, so a loader in a cgroup of its own
# shows what the policies cost and that the cost is gone afterwards.

POLICIES=300

memstat() { sed -n "s/^$2 //p" "$1/memory.stat"; }
# Slab and per-CPU memory charged to cgroup $1, in bytes.
charged() { echo $(( $(memstat "$1" slab_unreclaimable) + $(memstat "$1" percpu) )); }

# The target cgroups, made and removed by one command each: a process per
# cgroup takes seconds on the debug kernel.
TARGETS=$(for i in $(seq $POLICIES); do echo $CG/t-targets/c$i; done)

# load_policies: POLICIES policies on as many new cgroups, from t-loader.
load_policies() {
	mkdir -p $TARGETS &&
	in_cgroup $CG/t-loader ctrpolicy load /tmp/unload.policy \
		$(for d in $TARGETS; do echo --cgroup $d; done)
}

# check_freed HOW BEFORE LOADED: the charge went back to about BEFORE.
check_freed() {
	local after per_policy i=0
	# RCU callbacks free the policies: wait for them, 10 s at most.
	while after=$(charged $CG/t-loader); [ $i -lt 50 ] &&
	      [ $(( after - $2 )) -ge $(( ($3 - $2) / 10 )) ]; do
		sleep 0.2
		i=$((i + 1))
	done
	per_policy=$(( ($3 - $2) / POLICIES ))
	echo "# $1: charged to the loader: before $2, loaded $3, after $after bytes; about $per_policy bytes per policy"
	check "$1: the policies were charged to the loader's memory cgroup" test $per_policy -gt 64
	check "$1: afterwards at most a tenth of it is still charged" \
		test $(( after - $2 )) -lt $(( ($3 - $2) / 10 ))
}

echo +memory > $CG/cgroup.subtree_control
mkdir -p $CG/t-loader
write_policy /tmp/unload.policy unload-test enforce chown
check "enforcement is on" enforce_on
# Settle the loader's own allocations (exec, page tables) before measuring.
in_cgroup $CG/t-loader ctrpolicy list > /dev/null

before=$(charged $CG/t-loader)
check "$POLICIES policies load" load_policies
loaded=$(charged $CG/t-loader)
check "$POLICIES policies are listed" test "$(ctrpolicy list | grep -c unload-test)" -eq $POLICIES
rmdir $TARGETS
# The module's worker reclaims them a moment after the removals.
check "after their cgroups are removed no policy is listed" \
	eventually sh -c "[ \"\$(ctrpolicy list | grep -c unload-test)\" -eq 0 ]"
check_freed "cgroups removed" "$before" "$loaded"

if [ -z "$NATIVE" ]; then
	before=$(charged $CG/t-loader)
	check "$POLICIES policies load again" load_policies
	loaded=$(charged $CG/t-loader)
	detach_and_unload() { ctrpolicy detach && unload_module; }
	check "detach and rmmod with the policies loaded" detach_and_unload
	check "the module is gone" sh -c '! test -d /sys/module/ctrpolicy'
	check_freed "rmmod" "$before" "$loaded"
else
	skip "detach and rmmod with the policies loaded" "ctrpolicy is built into this kernel (native LSM)"
fi
enforce_off
