# SPDX-License-Identifier: GPL-2.0
# Capability confinement through the BPF-LSM programs, end to end: the tool
# loads a policy over netlink and a task in the cgroup is confined.

check "enforcement is on (module loaded, programs attached)" enforce_on
check "ctrpolicy status reports enforcement attached" ctrpolicy status
mkdir -p $CG/t-caps $CG/t-other
touch /tmp/foreign && chown 1000:1000 /tmp/foreign

check "before any policy, sethostname works in the cgroup" \
	in_cgroup $CG/t-caps $TRY sethostname vm1

write_policy /tmp/caps.policy caps-test enforce chown setuid setgid
write_policy /tmp/all.policy everything enforce all
check "load a policy without sys_admin" ctrpolicy load /tmp/caps.policy --cgroup $CG/t-caps
check "sethostname is denied in the cgroup (EPERM)" \
	in_cgroup $CG/t-caps $TRY --expect EPERM sethostname vm2
check "root of its own user namespace is denied sys_admin there too" \
	in_cgroup $CG/t-caps $TRY --expect EPERM userns-sethostname vm3
check "binding port 80 without net_bind_service is denied (EACCES)" \
	in_cgroup $CG/t-caps $TRY --expect EACCES bind-tcp 80
# /proc/iomem asks about its opener's credentials, not the reader's.
exec 3</proc/iomem
check "a file opened by an unconfined root, read in the cgroup, is decided by the cgroup's policy" \
	in_cgroup $CG/t-caps $TRY --expect EPERM iomem-real 3
exec 3<&-
exec 3</proc/iomem
check "the same file read outside the cgroup shows real addresses" $TRY iomem-real 3
exec 3<&-
check "an allowed capability works: chown of a foreign file" \
	in_cgroup $CG/t-caps $TRY chown /tmp/foreign 0 0
check "outside the cgroup sethostname works" $TRY sethostname vm
check "outside the cgroup root of a new user namespace has sys_admin there" \
	$TRY userns-sethostname vm
check "in a sibling cgroup sethostname works" in_cgroup $CG/t-other $TRY sethostname vm
check "outside the cgroup binding port 80 works" $TRY bind-tcp 80
if_module check_fails "rmmod is refused while the programs are attached (EAGAIN)" EAGAIN \
	rmmod ctrpolicy

# A policy that fails to parse, or that the kernel refuses, changes nothing.
printf 'policy broken\ncapabilities {\n\tallow sys_admn\n}\n' > /tmp/broken.policy
check_fails "a policy with a typo is refused with file:line:col and a hint" \
	"^/tmp/broken.policy:3:8: error: unknown capability 'sys_admn'; did you mean 'sys_admin'" \
	ctrpolicy load /tmp/broken.policy --cgroup $CG/t-caps
check_fails "the root cgroup is refused by the kernel with a reason" \
	'would confine the host' ctrpolicy load /tmp/all.policy --cgroup $CG
check "after both refusals the loaded policy is unchanged" sh -c \
	"ctrpolicy show --cgroup $CG/t-caps | grep -q 'policy caps-test'"
check "and still enforced" in_cgroup $CG/t-caps $TRY --expect EPERM sethostname vm

write_policy /tmp/nochown.policy no-chown enforce setuid
check "replace the policy with one without chown" ctrpolicy load /tmp/nochown.policy --cgroup $CG/t-caps
chown 1000:1000 /tmp/foreign
check "after the replace chown of a foreign file is denied" \
	in_cgroup $CG/t-caps $TRY --expect EPERM chown /tmp/foreign 0 0

# Nesting: the child inherits, may narrow, never widens.
mkdir -p $CG/t-caps/child
ctrpolicy load /tmp/caps.policy --cgroup $CG/t-caps
check "a child cgroup inherits its parent's policy" \
	in_cgroup $CG/t-caps/child $TRY --expect EPERM sethostname vm4
write_policy /tmp/all.policy everything enforce all
check "load a child policy that allows every capability" \
	ctrpolicy load /tmp/all.policy --cgroup $CG/t-caps/child
check "the child policy cannot widen the parent's: sethostname still denied" \
	in_cgroup $CG/t-caps/child $TRY --expect EPERM sethostname vm5
write_policy /tmp/narrow.policy narrow enforce setuid
ctrpolicy load /tmp/narrow.policy --cgroup $CG/t-caps/child
chown 1000:1000 /tmp/foreign
check "a child policy narrows: chown denied in the child" \
	in_cgroup $CG/t-caps/child $TRY --expect EPERM chown /tmp/foreign 0 0
check "while the parent still allows chown" \
	in_cgroup $CG/t-caps $TRY chown /tmp/foreign 0 0
ctrpolicy unload --cgroup $CG/t-caps/child

# Events and counters.
await_event /tmp/events.json in_cgroup $CG/t-caps $TRY --expect EPERM sethostname vm6
check "monitor reports the denial with capability, policy and verdict" \
	grep -q '"verdict":"deny","area":"capability","operation":"capable","capability":"sys_admin".*"comm":"try".*"policy":"caps-test"' /tmp/events.json
cat /tmp/events.json | sed 's/^/#   /'
check "list counts the denials" sh -c \
	"ctrpolicy -j list | grep -q '\"policy\":\"caps-test\".*\"capability\":{\"checks\":[1-9][0-9]*,\"allowed\":[1-9][0-9]*,\"denied\":[1-9]'"
ctrpolicy list | sed 's/^/#   /'

write_policy /tmp/audit.policy audit-test audit chown
ctrpolicy load /tmp/audit.policy --cgroup $CG/t-caps
check "audit mode allows what the policy does not" \
	in_cgroup $CG/t-caps $TRY sethostname vm7
await_event /tmp/events.json in_cgroup $CG/t-caps $TRY sethostname vm7
check "audit mode reports the request as audited" \
	grep -q '"verdict":"audit","area":"capability".*"capability":"sys_admin".*"policy":"audit-test"' /tmp/events.json
check "list counts the audited requests" sh -c \
	"ctrpolicy -j list | grep -q '\"policy\":\"audit-test\".*\"capability\":{[^}]*\"audited\":[1-9]'"

check "show prints the loaded policy back in the policy language" sh -c \
	"ctrpolicy show --cgroup $CG/t-caps | grep -q 'policy audit-test'"
check "unload removes the policy" ctrpolicy unload --cgroup $CG/t-caps
check "after unload sethostname works in the cgroup" \
	in_cgroup $CG/t-caps $TRY sethostname vm

ctrpolicy load /tmp/caps.policy --cgroup $CG/t-other
rmdir $CG/t-other
check "the policy of a removed cgroup is reclaimed" eventually not_listed caps-test
check_fails "unloading a cgroup without policy fails with ENOENT" ENOENT \
	ctrpolicy unload --cgroup $CG/t-caps

check "enforcement off, test cgroups removed" enforce_off
