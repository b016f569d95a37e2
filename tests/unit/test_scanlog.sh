#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The console log scanner fails a run on a kernel warning and passes a clean
# boot of Debian's kernel with the module loaded (taint notices included).
set -u
here=$(cd "$(dirname "$0")" && pwd)
scan=$here/../vm/scanlog.sh

if out=$("$scan" "$here/fixtures/console-warning.log"); then
	echo "not ok - a log holding a kernel WARNING fails the run"
else
	echo "ok - a log holding a kernel WARNING fails the run"
fi
if printf '%s\n' "$out" | grep -q 'WARNING: CPU: 1 PID: 97'; then
	echo "ok - the scanner prints the warning line"
else
	echo "not ok - the scanner prints the warning line"
fi
if "$scan" "$here/fixtures/console-clean.log" > /dev/null; then
	echo "ok - a clean boot log with module taint notices passes"
else
	echo "not ok - a clean boot log with module taint notices passes"
fi
if out=$("$scan" "$here/fixtures/console-kasan.log"); then
	echo "not ok - a log holding a KASAN report fails the run"
else
	echo "ok - a log holding a KASAN report fails the run"
fi
if "$scan" "$here/fixtures/console-debug-clean.log" > /dev/null; then
	echo "ok - a clean boot of the debug kernel (lockdep, KASAN, kmemleak on) passes"
else
	echo "not ok - a clean boot of the debug kernel (lockdep, KASAN, kmemleak on) passes"
fi
