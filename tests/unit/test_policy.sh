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

set -u

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 1
fi
build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
cc=${CC:-cc}
parser=(tools/ctrpolicy/policy.c tools/ctrpolicy/policy_net.c
	tools/ctrpolicy/policy_files.c tools/ctrpolicy/caps.c)

mkdir -p "$build" || { echo "Bail out! cannot create $build"; exit 1; }
if ! out=$(cd "$root" && "$cc" -Wall -Wextra -Werror -O2 -g \
		-fsanitize=address,undefined -fno-sanitize-recover=all \
		-I include/uapi -I tools/ctrpolicy \
		-o "$build/test_policy" tests/unit/policy/test_policy.c \
		"${parser[@]}" 2>&1); then
	printf '%s\n' "$out" | sed 's/^/# /'
	echo "not ok - policy: the unit test builds"
	exit 1
fi
# The fixtures and the binary are found from here, whatever the directory.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
"$build/test_policy" "$root/tests/unit/policy"
rc=$?

if ! libnl=$(pkg-config --cflags --libs libnl-genl-3.0 2>/dev/null); then
	echo "ok - policy: netlink # SKIP libnl-genl-3.0 not found (pkg-config)"
	exit $rc
fi
# shellcheck disable=SC2086 # $libnl is a list of options
if ! out=$(cd "$root" && "$cc" -Wall -Wextra -Werror -O2 -g \
		-fsanitize=address,undefined -fno-sanitize-recover=all \
		-I include/uapi -I tools/ctrpolicy \
		-o "$build/test_nl" tests/unit/policy/test_nl.c \
		tools/ctrpolicy/nl.c "${parser[@]}" $libnl 2>&1); then
	printf '%s\n' "$out" | sed 's/^/# /'
	echo "not ok - policy: the netlink unit test builds"
	exit 1
fi
"$build/test_nl" "$root/tests/unit/policy" || rc=1
exit $rc
