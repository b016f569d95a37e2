#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The benchmark report (bench/report.sh) on raw results made up for it:
# ratios round by round over the rounds run at (a)'s speed and their
# counts, the floor (b0) and the differences it gives, the targets and
# their "missed" marks, n/a with its reason, load and memory, and JSON
# that parses.
set -u
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$(mktemp -d)}
mkdir -p "$build"
md=$build/bench-report.md json=$build/bench-report.json

# has DESCRIPTION FIXED-STRING: the Markdown holds the string.
has() {
	if grep -qF -- "$2" "$md"; then
		echo "ok - bench report: $1"
	else
		echo "not ok - bench report: $1"
		echo "#   no line holds: $2"
	fi
}

if "$here/../../bench/report.sh" "$here/fixtures/bench-raw.txt" "$md" "$json"; then
	echo "ok - bench report: written"
else
	echo "not ok - bench report: written"
fi
has "the baseline in ns/op, the ratio as the median of the kept rounds' ratios and their count, a target met at its limit" \
	"| capable | 1000 ±0% | 1.01 [1.01-1.01] 2/3 | 1.02 [1.01-1.03] 2/3 | 1.04 [1.04-1.04] 3/3 | 1.10 [1.10-1.10] 3/3 **missed** (> 1.09) | 1.05 [1.05-1.05] 3/3 | n/a[1] |"
has "(b) above 1.02 is missed" "| socket | 2000 ±0% | 1.02 [1.02-1.02] 2/3 | 1.05 [1.05-1.05] 2/3 **missed** (> 1.02) |"
has "the control has no target; rounds at another speed than (a)'s dropped, the first's warm-up too" \
	"| getppid | 100 ±0% | 1.00 [1.00-1.00] 2/3 | 1.00 [0.97-1.03] 2/3 | 1.00 [1.00-1.00] 3/3 | 1.05 [1.05-1.05] 3/3 | 1.00 [1.00-1.00] 3/3 | n/a[1] |"
has "the floor splits (b)'s cost: the trampolines, ctrpolicy's own" "| socket | +0.02 | +0.03 |"
has "n/a says why" "1. in set-up: Operation not permitted"
has "notes" "- (e) as (c): a note for the fixture"
has "a 10,000-rule load over 50 ms is missed" "| 10,000 | 60.0 ms [55.0 ms-70.0 ms] **missed** (> 50 ms) | 40.0 ms [35.0 ms-45.0 ms] | 160 µs [150 µs-170 µs] | n/a[2] |"
has "memory per policy" "| per policy | 944 B | 304 B | 640 B |"
has "memory per rule" "| per rule (1 to 10,000 rules) | 52.0 B | 52.0 B | |"
has "the count of targets missed" "3 target(s) missed."
if ! command -v python3 > /dev/null; then
	echo "ok - bench report: the JSON parses # SKIP no python3"
elif python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); b = d["benchmarks"][1]["results"]; assert b["d"]["missed"] is True; assert d["missed"] == 3; assert (b["b"]["rounds_kept"], b["b"]["rounds_with_ratio"]) == (2, 3); assert b["b0"]["ratio_min"] > 1' "$json"; then
	echo "ok - bench report: the JSON parses"
else
	echo "not ok - bench report: the JSON parses"
fi

# Learn mode (l) and the container starts, from a fixture of their own.
md=$build/bench-report-learn.md json=$build/bench-report-learn.json
if "$here/../../bench/report.sh" "$here/fixtures/bench-raw-learn-start.txt" "$md" "$json"; then
	echo "ok - bench report: learn and starts written"
else
	echo "not ok - bench report: learn and starts written"
fi
has "(l), learn mode, in its own column" "| capable | 1000 ±0% | n/a[1] | 1.04 [1.04-1.04] 1/1 | 1.06 [1.06-1.06] 1/1 |"
has "per learned entry, from the two sizes" "| per learned entry (size 512 to 16,384) | 1024.0 B | | |"
has "the front end's own start cost as a share of a bare start" \
	"| **the front end itself: (iii) - (ii)** | +20.0 ms, +5.0% of (i) |"

# A configuration that never ran at (a)'s speed: the first fixture with
# (e)'s getppid taking 1.5 times (a)'s in every round.
md=$build/bench-report-slow.md json=$build/bench-report-slow.json
sed 's/^\(result [0-9] e getppid\) 100$/\1 150/' "$here/fixtures/bench-raw.txt" > $build/bench-raw-slow.txt
if "$here/../../bench/report.sh" $build/bench-raw-slow.txt "$md" "$json"; then
	echo "ok - bench report: a configuration never at (a)'s speed written"
else
	echo "not ok - bench report: a configuration never at (a)'s speed written"
fi
has "a configuration never at (a)'s speed is n/a, with why" \
	"no round of (e) ran at the speed of (a): getppid off by more than 8% in each"

# A run's JSON read back: its table, two runs compared, the README's
# reference table rewritten between its markers.
report=$here/../../bench/report.sh
run=$build/bench-report.json
md=$build/bench-table.md
"$report" --table "$run" > "$md" 2>&1
has "--table: a cell is the median ratio and the rounds kept" \
	"| capable | 1.01 2/3 | 1.02 2/3 | 1.04 3/3 | 1.10 3/3 | 1.05 3/3 | n/a |"
jq '(.benchmarks[] | select(.op == "capable") | .results.b.ratio) += 0.05
    | (.benchmarks[] | select(.op == "socket") | .results.b.ratio) += 0.02
    | (.benchmarks[] | select(.op == "socket") | .description) = "something else"' \
	"$run" > "$build/bench-report-new.json"
md=$build/bench-compare.md
"$report" --compare "$run" "$build/bench-report-new.json" > "$md" 2>&1
has "--compare: worse by more than 0.03 is bold" "| capable | 1.01 → 1.01 (+0.00) | 1.02 → 1.07 **+0.05** |"
has "--compare: worse by 0.03 or less is not" "| socket | 1.02 → 1.02 (+0.00) | 1.05 → 1.07 (+0.02) |"
has "--compare: an operation that measures another thing says so" \
	"socket measured another thing in OLD: "
rm -rf "$build/bench-readme" && mkdir -p "$build/bench-readme"
cp "$here/../../bench/report.sh" "$here/../../bench/report.jq" "$build/bench-readme/"
printf 'before\n<!-- reference run: begin -->\nold table\n<!-- reference run: end -->\nafter\n' \
	> "$build/bench-readme/README.md"
md=$build/bench-readme/README.md
"$build/bench-readme/report.sh" --readme "$run"
has "--readme: the table goes between the markers" "| capable | 1.01 2/3 |"
if grep -q "old table" "$md" || ! grep -q "^before$" "$md" || ! grep -q "^after$" "$md" ||
   ! grep -q "^<!-- reference run: end" "$md"; then
	echo "not ok - bench report: --readme keeps what is outside the markers and drops the old table"
else
	echo "ok - bench report: --readme keeps what is outside the markers and drops the old table"
fi
printf 'no markers\n' > "$md"
if "$build/bench-readme/report.sh" --readme "$run" 2> /dev/null || [ "$(cat "$md")" != "no markers" ]; then
	echo "not ok - bench report: --readme without markers fails and changes nothing"
else
	echo "ok - bench report: --readme without markers fails and changes nothing"
fi

# AppArmor (g) and Landlock (h) beside (c), compared round by round: (c)
# is 1.04 on capable and socket; (g) 1.10 on capable ((c)/(g) 0.95, met)
# and 1.02 on socket (1.02, missed: above 1); (h) has no Landlock network
# rules.  A base revision: (pb) 5% faster than (b) ((b)/(pb) 1.05, worse
# than 1.03), (pc) as (c).
md=$build/bench-report-lsms.md json=$build/bench-report-lsms.json
awk '
	/^config a / { print; print "config g AppArmor instead"; print "config h Landlock instead"
		print "config pb as (b), base"; print "config pc as (c), base"; next }
	$1 == "result" && ($3 == "b" || $3 == "c") {
		print
		print "result", $2, "p" $3, $4, ($3 == "b" && $4 != "getppid" ? $5 * 0.95 : $5)
		next
	}
	$1 == "result" && $3 == "a" {
		print
		f = $4 == "capable" ? 1.10 : $4 == "socket" ? 1.02 : 1
		print "result", $2, "g", $4, $5 * f
		print "na", $2, "h", $4, "this kernel'"'"'s Landlock has ABI 2, without network rules (ABI 4, Linux 6.7)"
		next
	}
	{ print }
' "$here/fixtures/bench-raw.txt" > "$build/bench-raw-lsms.txt"
if "$here/../../bench/report.sh" "$build/bench-raw-lsms.txt" "$md" "$json"; then
	echo "ok - bench report: with (g) and (h) written"
else
	echo "not ok - bench report: with (g) and (h) written"
fi
has "(g) and (h) have columns, (h) n/a with why" "| capable | 1000 ±0% | 1.10 [1.10-1.10] 3/3 | n/a[1] |"
has "(c) dearer than (g): missed" "| socket | 1.02 [1.02-1.02] 3/3 **missed** (> 1) | n/a[1] |"
has "(b) - (pb) worse by more than 0.03, (c) - (pc) not" \
	"| capable | 0.95 [0.95-0.95] 3/3 | n/a[1] | 1.05 [1.05-1.05] 3/3 **worse** (> 1.03) | 1.00 [1.00-1.00] 3/3 |"
has "(h)'s reason" "1. this kernel's Landlock has ABI 2, without network rules (ABI 4, Linux 6.7)"
if jq -e '[.against[] | select(.op == "socket")][0].c_over_g | .worse == true and .rounds_kept == 3 and (.ratio | . > 1.019 and . < 1.021)' "$json" > /dev/null; then
	echo "ok - bench report: the JSON gives (c)/(g), its rounds and its mark"
else
	echo "not ok - bench report: the JSON gives (c)/(g), its rounds and its mark"
fi
md=$build/bench-table-lsms.md
"$report" --table "$build/bench-report-lsms.json" > "$md" 2>&1
has "--table: the paired ratios, marked where worse" "| capable | 0.95 3/3 | 1.05 3/3 **worse** | 1.00 3/3 |"
