#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The test runner: host unit tests, a bounded fuzz run of the policy
# parser (FUZZ_SECONDS, 60 by default), then the in-VM tests.  Every test
# prints a TAP line; this numbers them and ends with "N passed, N failed"
# (", N skipped" when any were skipped).  Exit status 1 on any failure.
#
# The guest suite runs twice: on the kernel as it boots, then booted
# without the BPF LSM (fmod_ret mode); FMOD_RET_BOOT=no leaves the second
# out (.ci/run, for the kernels where another suite has run it).
#
# usage: run.sh --build DIR [--kernel VMLINUZ --initrd INITRD | --unit-only]
#               [--filter NAME]
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
build= kernel= initrd= filter= unit_only=
while [ $# -gt 0 ]; do
	case "$1" in
	--build) build=$2; shift 2 ;;
	--kernel) kernel=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--filter) filter=$2; shift 2 ;;
	--unit-only) unit_only=1; shift ;;
	*) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done

# Debian's LSM list less bpf.
LSM_WITHOUT_BPF=landlock,lockdown,yama,apparmor

# matches NAME: NAME contains the filter, or one of its comma-separated parts.
matches() {
	local part
	[ -n "$filter" ] || return 0
	for part in ${filter//,/ }; do
		case "$1" in *"$part"*) return 0 ;; esac
	done
	return 1
}

# unit TEST: run a unit test script.  One that stops with a failure status
# and without a "not ok" line (a crash, a sanitizer's abort, a missing
# tool) fails too.
unit() {
	local out status
	out=$(mktemp)
	bash "$1" "$build" 2>&1 | tee "$out"
	status=${PIPESTATUS[0]}
	if [ "$status" -ne 0 ] && ! grep -q '^not ok' "$out"; then
		echo "not ok - unit: $(basename "$1" .sh) exited with status $status"
	fi
	rm -f "$out"
}

all_tests() {
	local t name
	for t in "$here"/unit/test_*.sh; do
		name=$(basename "$t" .sh)
		matches "$name" || continue
		echo "# unit: ${name#test_}"
		unit "$t"
	done
	if matches fuzz; then
		echo "# fuzz: policy parser"
		bash "$here/fuzz/run.sh" "$build" "${FUZZ_SECONDS:-60}" 2>&1 || true
	fi
	[ -z "$unit_only" ] || return 0
	echo "# vm: booting $(basename "$kernel")"
	# Its TAP lines say how the guest did; a non-zero status, that it
	# could not even run it.
	"$here/vm/run.sh" --kernel "$kernel" --initrd "$initrd" --mode check \
		--filter "$filter" --log "$build/console.log" --boot-retry ||
		echo "not ok - vm: tests/vm/run.sh ran the guest (exit status $?)"
	matches lsmoff || return 0
	if [ "${FMOD_RET_BOOT:-yes}" = no ]; then
		echo "ok - vm: the suite without the BPF LSM (fmod_ret mode) # SKIP FMOD_RET_BOOT=no: another suite runs it"
		return 0
	fi
	# The same kernel booted without the BPF LSM: the same groups, in
	# the fmod_ret mode attach falls back to.
	echo "# vm: booting $(basename "$kernel") with lsm=$LSM_WITHOUT_BPF (fmod_ret mode)"
	"$here/vm/run.sh" --kernel "$kernel" --initrd "$initrd" --mode check \
		--filter "$filter" --append "lsm=$LSM_WITHOUT_BPF" \
		--log "$build/console-lsmoff.log" --boot-retry ||
		echo "not ok - vm: tests/vm/run.sh ran the guest without the BPF LSM (exit status $?)"
}

all_tests | "$here/tap-summary.sh"
