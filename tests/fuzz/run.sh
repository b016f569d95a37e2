#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A bounded run of the parser's fuzz target (make fuzz): SECONDS (60 by
# default) from the seed corpus (tests/fuzz/corpus/ and policies/), new
# inputs kept in BUILD_DIR/fuzz/corpus for the next run.  Prints one TAP
# line, "ok - fuzz: ... N runs, no crash"; on a crash, the input is in
# BUILD_DIR/fuzz/ and the end of libFuzzer's report follows as "# " lines.
#
# usage: run.sh BUILD_DIR [SECONDS]
set -u

build=$1 seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
fuzzer=$build/fuzz_policy
work=$build/fuzz

if [ ! -x "$fuzzer" ]; then
	echo "not ok - fuzz: $fuzzer is missing (make fuzz: clang and libclang-rt-14-dev)"
	exit 1
fi
mkdir -p "$work/corpus" || { echo "Bail out! cannot create $work"; exit 1; }
# Quiet about each new input; the statistics at the end give the runs.
"$fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
	-dict="$root/tests/fuzz/policy.dict" -artifact_prefix="$work/" \
	-print_final_stats=1 -close_fd_mask=1 \
	"$work/corpus" "$root/tests/fuzz/corpus" "$root/policies" \
	> "$work/log" 2>&1
rc=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
desc="fuzz: the policy parser, includes from memory, ${seconds} s"
if [ $rc -eq 0 ] && [ -n "$runs" ]; then
	echo "ok - $desc: $runs runs, no crash"
else
	echo "not ok - $desc: libFuzzer exited with $rc"
	tail -n 40 "$work/log" | sed 's/^/#   /'
	exit 1
fi
