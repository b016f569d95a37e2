#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unit test of the unified diff of 'ctrpolicy diff',
# tools/ctrpolicy/line_diff.c: builds tests/unit/diff/test_line_diff.c with
# it and output.c, with ASan and UBSan, into BUILD_DIR and runs it.  Prints
# TAP.  Usage: test_line_diff.sh BUILD_DIR

. "$(dirname "$0")/lib.sh"

build_test "diff: the unit test" "$build/test_line_diff" \
	tests/unit/diff/test_line_diff.c tools/ctrpolicy/line_diff.c \
	tools/ctrpolicy/output.c || exit 1
"$build/test_line_diff"
