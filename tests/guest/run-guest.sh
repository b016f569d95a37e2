#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The guest's test run: the groups whose file name contains FILTER, or one
# of its comma-separated parts (all when empty; run-groups.sh), then a
# kmemleak scan where the kernel has kmemleak.  "# guest done" comes last:
# the host fails a run without it (a guest that panicked, hung or died).
filter=$1
cd /ctrpolicy/tests
uptime_s() { cut -d. -f1 /proc/uptime; }
./run-groups.sh "$filter"
status=$?
[ $status -eq 0 ] ||
	echo "not ok - guest: the group runner ran to its end (exit status $status)"

echo "# kmemleak"
kmemleak=/sys/kernel/debug/kmemleak
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
start=$(uptime_s)
if [ -e $kmemleak ]; then
	# An object is reported once it was unreferenced in two scans.
	echo scan > $kmemleak && sleep 1 && echo scan > $kmemleak
	if [ -s $kmemleak ]; then
		echo "not ok - kmemleak: no leak after the tests"
		sed 's/^/#   /' $kmemleak
	else
		echo "ok - kmemleak: no leak after the tests"
	fi
else
	echo "ok - kmemleak: no leak after the tests # SKIP this kernel has no kmemleak"
fi
echo "# kmemleak: $(( $(uptime_s) - start ))s"
echo "# guest done"
