#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run the test groups beside this script (test_GROUP.sh) whose file name
# contains FILTER, or one of its comma-separated parts (all when empty).
#
# Each group runs in a shell of its own, ". ./lib.sh; . ./test_GROUP.sh;
# group_done", and must run to its end: it fails, with a line "not ok -
# GROUP: the group ran to its end", when its shell exits non-zero or
# without group_done's mark -- an exit half-way, a signal, a shell error --
# so that the checks it did not run cannot vanish unnoticed.  Its time
# (seconds of uptime) is a TAP comment: where a slow kernel spends it.
#
# Exit status 0 once every selected group ran, whatever they found.
#
# usage: run-groups.sh [FILTER]
filter=${1:-}
cd "$(dirname "$0")" || exit 1
mark=${TMPDIR:-/tmp}/ctrpolicy-group.done
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
	rm -f "$mark"
	GROUP_DONE=$mark group=$group sh -c ". ./lib.sh; . ./$t; group_done"
	status=$?
	if [ $status -eq 0 ] && [ "$(cat "$mark" 2>/dev/null)" = "$group" ]; then
		echo "ok - $group: the group ran to its end"
	else
		echo "not ok - $group: the group ran to its end"
		if [ $status -gt 128 ]; then
			echo "#   its shell was killed by signal $((status - 128))"
		elif [ $status -ne 0 ]; then
			echo "#   its shell exited with status $status"
		else
			echo "#   its shell exited before group_done"
		fi
		echo "#   (the checks after that point did not run)"
	fi
	rm -f "$mark"
	echo "# $group: $(( $(uptime_s) - start ))s"
done
exit 0
