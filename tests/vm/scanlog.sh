#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fail when a kernel console log shows a warning, a BUG, an oops, or a
# lockdep, KASAN, UBSAN, kmemleak or RCU report.  Prints the lines found.
#
# usage: scanlog.sh CONSOLE_LOG
set -u

patterns=(
	'WARNING: '
	'BUG: '
	'kernel BUG at'
	'Oops'
	'general protection fault'
	'Kernel panic'
	'Call Trace:'
	'possible circular locking dependency'
	'possible recursive locking'
	'inconsistent lock state'
	'suspicious RCU usage'
	'INFO: possible'
	'bad unlock balance'
	'lock held when returning to user space'
	'KASAN'
	'UBSAN'
	'unreferenced object'
	'kmemleak: .* new suspected memory leaks'
	'INFO: task .* blocked for more than'
	'rcu_sched self-detected stall'
	'rcu: INFO'
)
args=()
for p in "${patterns[@]}"; do
	args+=(-e "$p")
done
if grep -n "${args[@]}" "${1:?usage: scanlog.sh CONSOLE_LOG}"; then
	exit 1
fi
exit 0
