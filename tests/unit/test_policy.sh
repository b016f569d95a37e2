#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unit test of the policy language: the parser and printer of
# tools/ctrpolicy/ (policy*.c, caps.c), and the netlink form of a policy
# (nl.c).  Usage: test_policy.sh BUILD_DIR
#
# Builds tests/unit/policy/test_policy.c and test_nl.c with them, with ASan
# and UBSan, into BUILD_DIR and runs them on the fixtures next to them
# (test_nl needs libnl-genl-3.0; it is skipped without).  Prints TAP; exits
# non-zero if any check failed.

. "$(dirname "$0")/lib.sh"

parser=(tools/ctrpolicy/lex.c tools/ctrpolicy/diag.c
	tools/ctrpolicy/policy_action.c tools/ctrpolicy/policy_caps.c
	tools/ctrpolicy/policy_mount.c tools/ctrpolicy/policy_net.c
	tools/ctrpolicy/policy_events.c
	tools/ctrpolicy/policy.c tools/ctrpolicy/policy_files.c
	tools/ctrpolicy/caps.c)

build_test "policy: the unit test" "$build/test_policy" \
	tests/unit/policy/test_policy.c "${parser[@]}" || exit 1
# The fixtures and the binary are found from here, whatever the directory.
"$build/test_policy" "$root/tests/unit/policy"
rc=$?

if ! libnl=$(pkg-config --cflags --libs libnl-genl-3.0 2>/dev/null); then
	echo "ok - policy: netlink # SKIP libnl-genl-3.0 not found (pkg-config)"
	exit $rc
fi
# shellcheck disable=SC2086 # $libnl is a list of options
build_test "policy: the netlink unit test" "$build/test_nl" \
	tests/unit/policy/test_nl.c tools/ctrpolicy/nl.c "${parser[@]}" \
	$libnl || exit 1
"$build/test_nl" "$root/tests/unit/policy" || rc=1
exit $rc
