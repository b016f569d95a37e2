#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The debug lane: a kernel with KASAN, lockdep, RCU checking and kmemleak,
# with ctrpolicy built in (build-kernel.sh).  The guest tests run twice on
# it: against the native LSM hooks, and, with ctrpolicy left out of lsm=,
# against the module and its BPF-LSM programs.  A third boot proves the lane
# bites: an injected use-after-free must be reported and fail the run.
#
# usage: check.sh CACHE_DIR BUILD_DIR [FILTER]
set -uo pipefail

cache=$1 filter=${3:-}
build=$(mkdir -p "$2" && cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
vm=$project/tests/vm

# lane NAME RUN_ARGS...: the guest tests, their TAP lines tagged NAME.
lane() {
	local name=$1
	shift
	echo "# debug: $name"
	mkdir -p "$build/debug-$name"
	"$vm/run.sh" --kernel "$kernel/bzImage" --initrd "$initrd" --timeout 2400 \
		--log "$build/debug-$name/console.log" "$@" |
		sed -E "s/^((not )?ok) - /\1 - $name: /"
}

run_lanes() {
	local krel
	if ! kernel=$("$here/build-kernel.sh" "$cache" | tail -n 1) ||
	   [ ! -f "$kernel/bzImage" ]; then
		echo "not ok - debug: build the debug kernel"
		return
	fi
	krel=$(cat "$kernel/kernel.release")
	echo "ok - debug: kernel $krel with ctrpolicy built in"
	# Each build of the kernel gets its own module: module BTF is split
	# BTF on top of this very kernel's, and Kbuild does not see it change.
	modbuild=$build/debug-$(basename "$kernel")
	if ! make -s -C "$project" module KDIR="$kernel/build" \
		BTF_BASE="$kernel/vmlinux.btf" BUILD="$modbuild" >&2; then
		echo "not ok - debug: build the module for $krel"
		return
	fi
	initrd=$build/initramfs-$krel.cpio
	"$vm/mkinitramfs.sh" "$initrd" "$modbuild/ctrpolicy-$krel.ko" "$build"

	lane native --filter "$filter"
	lane module --filter "$filter" --append "lsm=landlock,lockdown,yama,bpf"

	echo "# debug: the lane bites"
	mkdir -p "$build/debug-uaf"
	log=$build/debug-uaf/console.log
	"$vm/run.sh" --kernel "$kernel/bzImage" --initrd "$initrd" --mode uaf \
		--timeout 600 --log "$log" > /dev/null
	if grep -q 'BUG: KASAN: use-after-free' "$log" && ! "$vm/scanlog.sh" "$log" > /dev/null; then
		echo "ok - debug: an injected use-after-free is reported by KASAN and fails the run"
	else
		echo "not ok - debug: an injected use-after-free is reported by KASAN and fails the run"
		tail -n 20 "$log" | sed 's/^/#   /'
	fi
}

run_lanes | "$project/tests/tap-summary.sh"
