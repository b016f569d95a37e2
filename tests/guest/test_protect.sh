# SPDX-License-Identifier: GPL-2.0
# Self-protection: root in a confined cgroup whose policy allows every
# capability still cannot undo its confinement or anybody else's.

check "enforcement is on" enforce_on
mkdir -p $CG/t-prot/sub $CG/t-free
write_policy /tmp/all.policy allow-all enforce all
# Every mount too: the escape below mounts cgroup2 in its own namespace.
printf 'mount {\n\tdefault allow\n}\n' >> /tmp/all.policy
write_policy /tmp/none.policy allow-none enforce none
ctrpolicy load /tmp/all.policy --cgroup $CG/t-prot
ctrpolicy load /tmp/none.policy --cgroup $CG/t-free
link_id=$(bpftool link show | sed -n 's/^\([0-9]*\): tracing .*/\1/p' | head -n 1)

confined() { in_cgroup $CG/t-prot "$@"; }

check "sanity: the policy allows sys_admin in the cgroup" confined $TRY sethostname vm
check_fails "a confined root cannot unload its own policy (EPERM)" EPERM \
	confined ctrpolicy unload --cgroup $CG/t-prot
check_fails "the refusal names the reason" 'confined task cannot change policies' \
	confined ctrpolicy unload --cgroup $CG/t-prot
check_fails "a confined root cannot replace its own policy (EPERM)" EPERM \
	confined ctrpolicy load /tmp/none.policy --cgroup $CG/t-prot
check_fails "a confined root cannot remove another cgroup's policy (EPERM)" EPERM \
	confined ctrpolicy unload --cgroup $CG/t-free
if_module check_fails "a confined root cannot detach the programs by removing the pins (EPERM)" \
	EPERM confined ctrpolicy detach
if_module check "the pins are still there" sh -c "ls /sys/fs/bpf/ctrpolicy | grep -q capable"
if_module check "a link id to try exists" test -n "$link_id"
if_module check "bpf(LINK_GET_FD_BY_ID) + LINK_DETACH is denied (EPERM)" \
	confined $TRY --expect EPERM bpf-link-detach "$link_id"
if_module check "bpf(OBJ_GET) of a pin is denied (EPERM)" \
	confined $TRY --expect EPERM bpf-obj-get /sys/fs/bpf/ctrpolicy/capable
check "delete_module is denied (EPERM) though the policy allows every capability" \
	confined $TRY --expect EPERM delete-module ctrpolicy
check "moving itself to the root cgroup is denied (EPERM)" \
	confined $TRY --expect EPERM write $CG/cgroup.procs 0
check "moving itself to a sibling cgroup is denied (EPERM)" \
	confined $TRY --expect EPERM write $CG/t-free/cgroup.procs 0
check "clone3(CLONE_INTO_CGROUP) out of the subtree is denied (EPERM)" \
	confined $TRY --expect EPERM clone-into-cgroup $CG
check "through its own mount of cgroup2 the escape is denied too (EPERM)" \
	confined unshare -m sh -c "mkdir -p /tmp/cg2 && mount -t cgroup2 none /tmp/cg2 && $TRY --expect EPERM write /tmp/cg2/cgroup.procs 0"
check "moving into its own child cgroup is allowed" \
	confined $TRY write $CG/t-prot/sub/cgroup.procs 0
check "clone3(CLONE_INTO_CGROUP) into its own child cgroup is allowed" \
	confined $TRY clone-into-cgroup $CG/t-prot/sub
check "the denials are counted as protect denials" sh -c \
	"ctrpolicy -j list | grep -q '\"policy\":\"allow-all\".*\"protect\":{\"checks\":[0-9]*,\"allowed\":0,\"denied\":[1-9]'"

write_policy /tmp/audit.policy audit-all audit all
ctrpolicy load /tmp/audit.policy --cgroup $CG/t-prot
check_fails "in audit mode too, a confined root cannot unload its policy (EPERM)" EPERM \
	confined ctrpolicy unload --cgroup $CG/t-prot
check "in audit mode too, leaving the subtree is denied (EPERM)" \
	confined $TRY --expect EPERM write $CG/cgroup.procs 0

check "every policy is still loaded" sh -c \
	"ctrpolicy list | grep -q audit-all && ctrpolicy list | grep -q allow-none"
check "enforcement is still attached" ctrpolicy status
check "unconfined, the administrator turns enforcement off" enforce_off
