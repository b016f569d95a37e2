#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unit test of the unified diff of 'ctrpolicy diff',
# tools/ctrpolicy/line_diff.c: builds tests/unit/diff/test_line_diff.c with
# it and output.c, with ASan and UBSan, into BUILD_DIR and runs it.  Prints
# TAP.  Usage: test_line_diff.sh BUILD_DIR

set -u

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 1
fi
build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)

mkdir -p "$build" || { echo "Bail out! cannot create $build"; exit 1; }
if ! out=$(cd "$root" && "${CC:-cc}" -Wall -Wextra -Werror -O2 -g \
		-fsanitize=address,undefined -fno-sanitize-recover=all \
		-I include/uapi -I tools/ctrpolicy \
		-o "$build/test_line_diff" tests/unit/diff/test_line_diff.c \
		tools/ctrpolicy/line_diff.c tools/ctrpolicy/output.c 2>&1); then
	printf '%s\n' "$out" | sed 's/^/# /'
	echo "not ok - diff: the unit test builds"
	exit 1
fi
"$build/test_line_diff"
