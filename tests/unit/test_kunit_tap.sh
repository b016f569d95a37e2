#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The debug lane's KUnit reader (tests/debug/kunit-tap.sh): a TAP line per
# ctrpolicy KUnit case of a console log, a failure when a case failed, when
# a suite stopped short, or when no ctrpolicy suite ran; and the console
# scanner leaves KUnit's own lines alone.
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"
reader=$root/tests/debug/kunit-tap.sh
fixtures=$root/tests/unit/fixtures
out=$tmp/out

# report STATUS DESCRIPTION: the TAP line of a check that ended in STATUS.
report() {
	if [ "$1" -eq 0 ]; then
		echo "ok - kunit-tap: $2"
	else
		echo "not ok - kunit-tap: $2"
		sed 's/^/#   /' "$out"
	fi
}

bash "$reader" "$fixtures/console-kunit.log" > "$out"
[ "$(grep -c '^ok - kunit: ctrpolicy_' "$out")" = 36 ] &&
	[ "$(grep -c '^not ok - kunit: ctrpolicy_' "$out")" = 3 ] &&
	! grep -q list_test "$out"
report $? "one line per case of the ctrpolicy suites, the others' left out"
grep -qx 'not ok - kunit: ctrpolicy_net_rules: deny_wins_ties' "$out" &&
	grep -q '^#   # deny_wins_ties: EXPECTATION FAILED at' "$out" &&
	grep -qx '#   connect to 10.1.1.1 port 443' "$out" &&
	grep -qx 'not ok - kunit: ctrpolicy_mount_rules: dir_star' "$out"
report $? "a failed case is not ok, its messages follow"
grep -qx 'ok - kunit: ctrpolicy_store: chain_cached_while_unchanged # SKIP ctrpolicy is not active (not in lsm=)' "$out"
report $? "a skipped case keeps its reason"
! "$root/tests/tap-summary.sh" < "$out" > /dev/null
report $? "a failed case fails the summary"

bash "$reader" "$fixtures/console-kunit-cut.log" > "$out"
grep -qx 'ok - kunit: ctrpolicy_mount_rules: exact_path' "$out" &&
	grep -qx 'not ok - kunit: ctrpolicy_mount_rules: all 3 cases reported (2 missing)' "$out"
report $? "a suite cut short by a crash fails"

bash "$reader" "$fixtures/console-debug-clean.log" > "$out"
[ "$(cat "$out")" = "not ok - kunit: the ctrpolicy suites ran (none in the console log)" ]
report $? "a boot without the ctrpolicy suites fails"
bash "$reader" "$tmp/missing.log" > "$out"
grep -q '^not ok - kunit: a console log to read' "$out"
report $? "a missing console log fails"

"$root/tests/vm/scanlog.sh" "$fixtures/console-kunit.log" > "$out"
report $? "the console scanner passes KUnit's lines, a failed case's included"
