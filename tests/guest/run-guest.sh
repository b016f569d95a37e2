#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run the guest tests whose file name contains FILTER (all when empty).
filter=$1
cd /ctrpolicy/tests
for t in test_*.sh; do
	case "$t" in *"$filter"*) ;; *) continue ;; esac
	group=${t#test_}
	group=${group%.sh}
	echo "# $group"
	group=$group sh -c ". ./lib.sh; . ./$t"
done
echo "# guest done"
