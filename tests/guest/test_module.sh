# SPDX-License-Identifier: GPL-2.0
# The module loads with usable kfuncs, a BPF LSM program can call them, and
# it unloads cleanly.

if [ -n "$NATIVE" ]; then
	skip "module load, kfuncs and unload" "ctrpolicy is built into this kernel (native LSM)"
	return 0
fi

check "insmod loads the module" insmod "$MODULE"
check "lsmod lists the module" sh -c 'lsmod | grep -q "^ctrpolicy "'
check "the module logs its version" sh -c 'dmesg | grep -q "ctrpolicy: version .* loaded"'
check "module BTF names the kfuncs" sh -c \
	'bpftool btf dump file /sys/kernel/btf/ctrpolicy | grep -q "FUNC '\''ctrpolicy_abi_version'\''"'
check "ctrpolicy status finds the kfuncs" sh -c "ctrpolicy status | grep -q 'kfuncs usable: yes'"
unless_fmod_ret "the BPF LSM is off: a BPF-LSM program is never called (lsmoff checks the fmod_ret programs)" \
	check "a BPF LSM program calling the kfunc loads and runs" "$TESTS/kfunc_probe"
check "rmmod unloads the module once the program is gone" unload_module
check "the module is gone after rmmod" sh -c '! test -d /sys/module/ctrpolicy'
check_fails "without the module the BPF program does not load: the kfunc is not found" \
	"extern \(func ksym\) 'ctrpolicy_abi_version': not found in kernel or module BTFs" \
	"$TESTS/kfunc_probe"
check "the module loads again after unloading" insmod "$MODULE"
unload_module
