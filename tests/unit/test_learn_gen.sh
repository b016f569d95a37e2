#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unit test of the policy 'ctrpolicy learn policy' generates,
# tools/ctrpolicy/learn_gen.c, with the policy language's parser and
# printer, under ASan and UBSan.  Prints TAP.  Usage: test_learn_gen.sh BUILD_DIR

. "$(dirname "$0")/lib.sh"

build_test "learn: the unit test" "$build/test_learn_gen" \
	tests/unit/learn/test_learn_gen.c tools/ctrpolicy/learn_gen.c \
	tools/ctrpolicy/lex.c tools/ctrpolicy/diag.c tools/ctrpolicy/policy_action.c \
	tools/ctrpolicy/policy_caps.c tools/ctrpolicy/policy_mount.c \
	tools/ctrpolicy/policy_net.c tools/ctrpolicy/policy_events.c \
	tools/ctrpolicy/policy.c tools/ctrpolicy/policy_files.c \
	tools/ctrpolicy/caps.c || exit 1
"$build/test_learn_gen"
