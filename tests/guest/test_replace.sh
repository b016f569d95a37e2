# SPDX-License-Identifier: GPL-2.0
# Policy replacement is atomic: while one process checks a capability in a
# loop, another replaces the policy 1,000 times; every check sees one of
# the two policies, never an error or a half-built one.

check "enforcement is on" enforce_on
mkdir -p $CG/t-replace
write_policy /tmp/allow.policy allow-sysadmin enforce sys_admin
write_policy /tmp/deny.policy deny-sysadmin enforce chown
ctrpolicy load /tmp/allow.policy --cgroup $CG/t-replace
rm -f /tmp/replace.done
in_cgroup $CG/t-replace $TRY sethostname-until /tmp/replace.done > /tmp/hammer.out 2>&1 &
hammer=$!
# Replace only once the hammer runs in the cgroup.
# (cgroup files report size 0: read them.)
until grep -q . $CG/t-replace/cgroup.procs; do sleep 0.1; done
sleep 0.5
check "1,000 replacements succeeded" $TESTS/replace $CG/t-replace 1000
touch /tmp/replace.done
wait $hammer
hammer_status=$?
sed 's/^/#   /' /tmp/hammer.out
check "no check failed with anything but EPERM" test "$hammer_status" -eq 0
check "checks saw both policies" grep -q 'allowed=[1-9][0-9]* denied=[1-9][0-9]* other=0' /tmp/hammer.out
check "the last policy loaded is in force" sh -c \
	"ctrpolicy show --cgroup $CG/t-replace | grep -q 'policy allow-sysadmin'"
check "the policy's counters survived the replacements" sh -c \
	"ctrpolicy -j list | grep -q '\"capability\":{\"checks\":[1-9][0-9][0-9]'"
check "enforcement off, test cgroups removed" enforce_off
