#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unit test of --container: the cgroup names of container engines and the
# search of a (fake) cgroup hierarchy, tools/ctrpolicy/container.c.  Builds
# tests/unit/container/test_container.c with it, with ASan and UBSan, into
# BUILD_DIR and runs it.  Prints TAP.  Usage: test_container.sh BUILD_DIR

. "$(dirname "$0")/lib.sh"

build_test "container: the unit test" "$build/test_container" \
	tests/unit/container/test_container.c tools/ctrpolicy/container.c || exit 1
"$build/test_container"
