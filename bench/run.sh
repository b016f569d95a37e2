#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: boot the VM once for the benchmarks (tests/guest/bench.sh),
# then write the report (bench/report.sh) and print it.  In OUT:
# latest.md, latest.json, and latest.raw, the guest's raw results, from
# which report.sh can write the report again.
#
# usage: run.sh --kernel VMLINUZ --initrd INITRD --build DIR --out DIR
#               [--args "ARGUMENTS OF bench.sh"]
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
kernel= initrd= build= out= args=
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernel=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--build) build=$2; shift 2 ;;
	--out) out=$2; shift 2 ;;
	--args) args=$2; shift 2 ;;
	*) echo "bench/run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
[ -n "$build" ] && [ -n "$out" ] || { echo "bench/run.sh: need --build and --out" >&2; exit 2; }

mkdir -p "$build/bench" "$out"
append=
[ -z "$args" ] || append="ctrpolicy_args=$(echo "$args" | tr ' ' ,)"
# The guest's lines stream to the terminal as they come: progress is the
# lines that start with "#".
"$here/../tests/vm/run.sh" --kernel "$kernel" --initrd "$initrd" --mode bench \
	--timeout 1800 --log "$build/bench/console.log" ${append:+--append "$append"} |
	tee "$build/bench/vm.out" | grep --line-buffered -E '^(#|ok|not ok)'
if grep -q '^not ok' "$build/bench/vm.out"; then
	echo "bench: the VM run failed (console log: $build/bench/console.log)" >&2
	exit 1
fi
# The serial line ends lines with CR LF.
{
	tr -d '\r' < "$build/bench/vm.out" | grep -v -E '^(ok|not ok)'
	# What ran, for report.sh --compare to name.
	echo "meta date $(date -u +%Y-%m-%dT%H:%MZ)"
	echo "meta commit $(git -C "$here/.." describe --always --dirty 2>/dev/null || echo unknown)"
} > "$out/latest.raw"
"$here/report.sh" "$out/latest.raw" "$out/latest.md" "$out/latest.json"
echo
cat "$out/latest.md"
echo
echo "bench: $out/latest.md, $out/latest.json (raw results: $out/latest.raw)"
