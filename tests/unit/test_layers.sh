#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's shape: its files import each other without a circle (a file
# imports X.c when it includes "X.h"), and the hook glues (kfuncs.c, lsm.c,
# bpf/ctrpolicy.bpf.c) name no hook of the table (kernel/hooks.h): each
# hook is written once, in the table.  Usage: test_layers.sh BUILD_DIR
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"

# imports DIR: "A B" for each A.c of DIR that includes "B.h", B.c existing.
imports() {
	local dir=$1 c name h
	for c in "$dir"/*.c; do
		name=$(basename "$c" .c)
		for h in $(sed -n 's/^#include "\([a-z_]*\)\.h"$/\1/p' "$c"); do
			[ "$h" != "$name" ] && [ -e "$dir/$h.c" ] && echo "$name $h"
		done
	done
}

# acyclic DIR: succeeds when DIR's imports have no circle; shows it if not.
acyclic() {
	local out
	out=$(imports "$1" | tsort 2>&1 > /dev/null)
	[ -z "$out" ] || { printf '%s\n' "$out" | sed 's/^/# /'; return 1; }
}

mkdir "$tmp/circle"
printf '#include "b.h"\n' > "$tmp/circle/a.c"
printf '#include "c.h"\n' > "$tmp/circle/b.c"
printf '#include "a.h"\n' > "$tmp/circle/c.c"
if ! acyclic "$tmp/circle" > /dev/null; then
	echo "ok - layers: a circle of three files is found"
else
	echo "not ok - layers: a circle of three files is found"
fi

if acyclic "$root/kernel"; then
	echo "ok - layers: no circle among the imports of kernel/*.c"
else
	echo "not ok - layers: no circle among the imports of kernel/*.c"
fi

hooks=$(sed -n 's/^[[:space:]]*X(\([a-z_]*\),.*/\1/p' "$root/kernel/hooks.h")
if [ "$(echo "$hooks" | wc -w)" -ge 18 ]; then
	echo "ok - layers: the hook table names $(echo "$hooks" | wc -w) hooks"
else
	echo "not ok - layers: the hook table names $(echo "$hooks" | wc -w) hooks, not 18 or more"
fi
# named_hooks FILE: the hooks that FILE's code names, as a word or after
# an underscore (hook_capable, ctrpolicy_capable); includes and comments
# may name what they like.
named_hooks() {
	local hook
	grep -v -e '^#include' -e '^[[:space:]]*/\?\*' "$1" > "$tmp/code"
	for hook in $hooks; do
		grep -Eq -- "(^|[^a-z0-9])$hook([^a-z0-9_]|\$)" "$tmp/code" && printf ' %s' "$hook"
	done
}

if [ "$(named_hooks "$root/tests/unit/fixtures/glue-by-hand.c")" = " capable" ]; then
	echo "ok - layers: a hand-written glue is found"
else
	echo "not ok - layers: a hand-written glue is found"
fi
for glue in kfuncs.c lsm.c bpf/ctrpolicy.bpf.c; do
	named=$(named_hooks "$root/kernel/$glue")
	if [ -z "$named" ]; then
		echo "ok - layers: $glue names no hook: the table generates it"
	else
		echo "not ok - layers: $glue names no hook: the table generates it (it names$named)"
	fi
done
