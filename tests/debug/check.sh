#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The debug lane: a kernel with KASAN, lockdep, RCU checking and kmemleak,
# with ctrpolicy built in (build-kernel.sh).  The guest tests run twice on
# it: against the native LSM hooks, and, with ctrpolicy left out of lsm=,
# against the module and its BPF-LSM programs.  A third boot proves the lane
# bites: an injected use-after-free must be reported and fail the run.
#
# The two lanes boot at the same time, and each guest keeps about one host
# core busy, since its tests run one after another.  Both run every group
# but one: the module lane leaves out the benchmarks' smoke test, whose
# module loads and unloads measure nothing on this kernel (make check runs
# it on Debian's), and the native lane skips it by itself (no module).  The
# module lane is the longer (each group loads and attaches, then detaches
# and unloads), so the self-test boots after the native lane, while the
# module lane still runs.
# The module lane's lines wait in a file and are shown last.
#
# The kernel holds ctrpolicy's KUnit tests (the decision code's unit tests),
# which run at boot.  They count once, from the native lane's console
# (kunit-tap.sh): a failed case, or no ctrpolicy suite at all, fails the
# run.  The other boots leave them out (kunit.enable=0).
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
	local name=$1 start=$SECONDS status
	shift
	echo "# debug: $name"
	mkdir -p "$build/debug-$name"
	"$vm/run.sh" --kernel "$kernel/bzImage" --initrd "$initrd" --timeout 1800 \
		--log "$build/debug-$name/console.log" "$@" |
		sed -E "s/^((not )?ok) - /\1 - $name: /"
	status=${PIPESTATUS[0]}
	[ "$status" -eq 0 ] ||
		echo "not ok - $name: tests/vm/run.sh ran the guest (exit status $status)"
	echo "# debug: $name: $((SECONDS - start))s"
}

# console_shows NAME PATTERN WHAT: lane NAME's console log has a line
# matching PATTERN, the proof of WHAT.
console_shows() {
	if grep -q -- "$2" "$build/debug-$1/console.log"; then
		echo "ok - $1: $3"
	else
		echo "not ok - $1: $3"
	fi
}

# bites: the injected use-after-free is reported and fails the run.
bites() {
	local log=$build/debug-uaf/console.log start=$SECONDS
	echo "# debug: the lane bites"
	mkdir -p "$build/debug-uaf"
	"$vm/run.sh" --kernel "$kernel/bzImage" --initrd "$initrd" --mode uaf \
		--timeout 600 --log "$log" --append kunit.enable=0 > /dev/null
	if grep -q 'BUG: KASAN: use-after-free' "$log" && ! "$vm/scanlog.sh" "$log" > /dev/null; then
		echo "ok - debug: an injected use-after-free is reported by KASAN and fails the run"
	else
		echo "not ok - debug: an injected use-after-free is reported by KASAN and fails the run"
		tail -n 20 "$log" | sed 's/^/#   /'
	fi
	echo "# debug: the lane bites: $((SECONDS - start))s"
}

# module_groups: the module lane's groups, comma-separated.
module_groups() {
	local t groups=
	for t in "$project"/tests/guest/test_*.sh; do
		t=${t##*/test_}
		t=${t%.sh}
		[ "$t" = bench ] || groups=$groups${groups:+,}$t
	done
	echo "$groups"
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

	{
		lane module --filter "${filter:-$(module_groups)}" \
			--append "lsm=landlock,lockdown,yama,bpf kunit.enable=0"
		console_shows module 'ctrpolicy: version .* loaded' \
			"the tests ran on the module"
	} > "$build/debug-module.tap" 2>&1 &
	module_lane=$!
	lane native --filter "$filter"
	console_shows native 'ctrpolicy: version .* active' \
		"the tests ran on the built-in LSM (ctrpolicy in /sys/kernel/security/lsm)"
	echo "# debug: KUnit, from the native lane's boot"
	"$here/kunit-tap.sh" "$build/debug-native/console.log"
	bites
	wait $module_lane
	cat "$build/debug-module.tap"
	echo "# debug: ${SECONDS}s in all"
}

run_lanes | "$project/tests/tap-summary.sh"
