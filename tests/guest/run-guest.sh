#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run the guest tests whose file name contains FILTER, or one of its
# comma-separated parts (all when empty), then a kmemleak scan where the
# kernel has kmemleak.
# Each group's time (guest seconds) is a TAP comment: where a slow kernel
# spends it.
filter=$1
cd /ctrpolicy/tests
uptime_s() { cut -d. -f1 /proc/uptime; }
for t in test_*.sh; do
	selected=
	for part in $(echo "$filter" | tr , ' '); do
		case "$t" in *"$part"*) selected=1 ;; esac
	done
	[ -z "$filter" ] || [ -n "$selected" ] || continue
	group=${t#test_}
	group=${group%.sh}
	echo "# $group"
	start=$(uptime_s)
	group=$group sh -c ". ./lib.sh; . ./$t"
	echo "# $group: $(( $(uptime_s) - start ))s"
done

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
