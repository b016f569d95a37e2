#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unit test of --container: the cgroup names of container engines and the
# search of a (fake) cgroup hierarchy, tools/ctrpolicy/container.c.  Builds
# tests/unit/container/test_container.c with it, with ASan and UBSan, into
# BUILD_DIR and runs it.  Prints TAP.  Usage: test_container.sh BUILD_DIR

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
		-o "$build/test_container" tests/unit/container/test_container.c \
		tools/ctrpolicy/container.c 2>&1); then
	printf '%s\n' "$out" | sed 's/^/# /'
	echo "not ok - container: the unit test builds"
	exit 1
fi
"$build/test_container"
