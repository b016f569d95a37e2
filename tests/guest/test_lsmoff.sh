# SPDX-License-Identifier: GPL-2.0
# A kernel booted without the BPF LSM (lsm= lacking bpf, as Ubuntu, Azure
# Linux and Flatcar boot): BPF-LSM programs would attach and never be
# called, so attach puts the same calls on the kernel's security_*()
# functions as fmod_ret programs.  attach succeeds, status says mode
# fmod_ret and what differs, and policies are enforced.  tests/run.sh boots
# such a kernel for this group and the rest of the guest suite; in any
# other boot it has nothing to test.

if ! grep -Eq '(^|,)bpf(,|$)' /sys/kernel/security/lsm; then
	:
elif [ -n "$NATIVE" ]; then
	skip "the BPF LSM is off: attach uses fmod_ret" \
		"ctrpolicy is built into this kernel: nothing to attach"
	return 0
else
	check "enforcement is on (module loaded, programs attached)" enforce_on
	check "with the BPF LSM on, status says mode bpf-lsm" sh -c \
		"ctrpolicy -j status | grep -q '\"mode\":\"bpf-lsm\"'"
	check "enforcement is off" enforce_off
	return 0
fi
check "control: bpf is not in the kernel's LSM list" \
	sh -c "! grep -q bpf /sys/kernel/security/lsm"
check "the module loads" load_module
check_exit 0 "attach succeeds: exit 0" ctrpolicy attach
check "  status -j: mode fmod_ret, attached and enforced" sh -c \
	"ctrpolicy -j status | grep '\"mode\":\"fmod_ret\"' | grep -q '\"attached\":true.*\"enforced\":true'"
check_exit 0 "  status: exit 0" ctrpolicy status
check "  status says the mode, what differs, and how to boot for the BPF LSM" sh -c \
	"ctrpolicy status | grep -q '^mode: fmod_ret' &&
	 ctrpolicy status | grep -q '^fmod_ret fallback: a denial skips the whole security_' &&
	 ctrpolicy status | grep -q 'boot with: lsm=.*,bpf'"
mkdir -p $CG/t-lsmoff
check "control: before any policy, sethostname works in the cgroup" \
	in_cgroup $CG/t-lsmoff $TRY sethostname vm-lsmoff0
write_policy /tmp/lsmoff.policy lsmoff enforce chown
check "load gives no warning" sh -c \
	"out=\$(ctrpolicy load /tmp/lsmoff.policy --cgroup $CG/t-lsmoff 2>&1) &&
	 ! echo \"\$out\" | grep -q warning"
check "sethostname, denied by the policy, fails in the cgroup (EPERM)" \
	in_cgroup $CG/t-lsmoff $TRY --expect EPERM sethostname vm-lsmoff1
check "  control: and works outside it" $TRY sethostname vm-lsmoff2
check_exit 5 "a confined root cannot detach (exit 5)" \
	in_cgroup $CG/t-lsmoff ctrpolicy detach
check "  and the policy still holds (EPERM)" \
	in_cgroup $CG/t-lsmoff $TRY --expect EPERM sethostname vm-lsmoff3
check "unload" ctrpolicy unload --cgroup $CG/t-lsmoff
check "  control: sethostname works again in the cgroup" \
	in_cgroup $CG/t-lsmoff $TRY sethostname vm-lsmoff4
rmdir $CG/t-lsmoff
check "detach" ctrpolicy detach
check "the module unloads" unload_module
