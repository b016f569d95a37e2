#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The ctrpolicy KUnit results of a boot, from its console log, as TAP lines
# for tap-summary.sh: one per case, "ok - kunit: SUITE: CASE" or "not ok -
# kunit: SUITE: CASE" (the failure's messages follow as comments), with
# "# SKIP reason" for a skipped case.  Fails the run, with a "not ok" line,
# when no ctrpolicy suite ran, or when a suite stopped before reporting
# every case it announced.
#
# KUnit runs the suites at boot and writes KTAP on the console, each line
# after the console's timestamp; 6.1 writes no "-" after a result's number,
# later kernels do:
#
#	    KTAP version 1
#	    # Subtest: ctrpolicy_net_rules
#	    1..19
#	    # deny_wins_ties: EXPECTATION FAILED at security/ctrpolicy/...
#	    Expected ...
#	connect to 10.1.1.1 port 443
#	    not ok 3 deny_wins_ties
#	    ok 4 port_ranges # SKIP reason
#	# ctrpolicy_net_rules: pass:18 fail:1 skip:0 total:19
#	not ok 2 ctrpolicy_net_rules
#
# usage: kunit-tap.sh CONSOLE_LOG
set -u
log=${1:?usage: kunit-tap.sh CONSOLE_LOG}
[ -r "$log" ] || { echo "not ok - kunit: a console log to read ($log)"; exit 0; }

exec awk '
	function finish(    missing) {
		if (suite == "")
			return
		if (!ended || seen != planned) {
			missing = planned - seen
			printf "not ok - kunit: %s: all %d cases reported (%d missing)\n",
				suite, planned, missing
		}
		suite = ""
	}
	{
		sub(/\r$/, "")
		sub(/^\[ *[0-9]+\.[0-9]+\] /, "")
	}
	/^    # Subtest: / {
		finish()
		name = substr($0, 16)
		if (name ~ /^ctrpolicy_/) {
			suite = name
			suites++
			planned = seen = ended = 0
			notes = ""
		}
		next
	}
	suite == "" { next }
	/^    1\.\.[0-9]+$/ {
		planned = substr($0, 8) + 0
		next
	}
	/^    (not )?ok [0-9]+ / {
		failed = /^    not ok/
		line = $0
		sub(/^    (not )?ok [0-9]+ (- )?/, "", line)
		seen++
		printf "%s - kunit: %s: %s\n", failed ? "not ok" : "ok", suite, line
		if (failed)
			printf "%s", notes
		notes = ""
		next
	}
	/^(not )?ok [0-9]+ / {
		ended = 1
		finish()
		next
	}
	{
		# The messages of a failure (KUnit indents its own, not those of a case).
		sub(/^    /, "")
		notes = notes "#   " $0 "\n"
	}
	END {
		finish()
		if (!suites)
			print "not ok - kunit: the ctrpolicy suites ran (none in the console log)"
	}' "$log"
