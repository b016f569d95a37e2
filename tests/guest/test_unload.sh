# SPDX-License-Identifier: GPL-2.0
# Unloading with policies loaded frees everything.  The module charges its
# allocations to the memory cgroup of the task that loads a policy, so a
# loader in a cgroup of its own shows what the policies cost and that the
# cost is gone after detach and rmmod.

POLICIES=300

memstat() { sed -n "s/^$2 //p" "$1/memory.stat"; }
# Slab and per-CPU memory charged to cgroup $1, in bytes.
charged() { echo $(( $(memstat "$1" slab_unreclaimable) + $(memstat "$1" percpu) )); }

echo +memory > $CG/cgroup.subtree_control
mkdir -p $CG/t-loader $CG/t-targets
check "the module loads and the programs attach" enforce_on
for i in $(seq $POLICIES); do mkdir $CG/t-targets/c$i; done
write_policy /tmp/unload.policy unload-test enforce chown

# Settle the loader's own allocations (exec, page tables) before measuring.
in_cgroup $CG/t-loader ctrpolicy list > /dev/null
before=$(charged $CG/t-loader)
in_cgroup $CG/t-loader sh -c "for i in \$(seq $POLICIES); do ctrpolicy load /tmp/unload.policy --cgroup $CG/t-targets/c\$i || exit 1; done"
check "$POLICIES policies load" test $? -eq 0
loaded=$(charged $CG/t-loader)
check "$POLICIES policies are listed" test "$(ctrpolicy list | grep -c unload-test)" -eq $POLICIES
detach_and_unload() { ctrpolicy detach && unload_module; }
check "detach and rmmod with the policies loaded" detach_and_unload
sleep 1
after=$(charged $CG/t-loader)
per_policy=$(( (loaded - before) / POLICIES ))
echo "# charged to the loader: before $before, loaded $loaded, after unload $after bytes; about $per_policy bytes per policy"
check "the policies were charged to the loader's memory cgroup" test $per_policy -gt 64
check "after rmmod at most a tenth of it is still charged" \
	test $(( after - before )) -lt $(( (loaded - before) / 10 ))
check "the module is gone" sh -c '! test -d /sys/module/ctrpolicy'
enforce_off
