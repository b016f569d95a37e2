#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Number the TAP lines on standard input as they arrive, pass the rest
# through, and end with "N passed, N failed" (", N skipped" when any were).
# Exit status 1 on any failure, or when no test ran.
exec awk '
	/^(not )?ok( [0-9]+)?( -|$)/ {
		failed_line = /^not ok/
		sub(/^(not )?ok( [0-9]+)?/, "")
		n++
		if (failed_line) { failed++; print "not ok " n $0 }
		else if ($0 ~ /# SKIP/) { skipped++; print "ok " n $0 }
		else { passed++; print "ok " n $0 }
		fflush()
		next
	}
	/^Bail out!/ { failed++; n++ }
	{ print; fflush() }
	END {
		line = sprintf("%d passed, %d failed", passed, failed)
		if (skipped) line = line sprintf(", %d skipped", skipped)
		print line
		exit (failed > 0 || n == 0)
	}'
