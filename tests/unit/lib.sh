# SPDX-License-Identifier: GPL-2.0
#
# Sourced by the unit tests of the tool (test_*.sh BUILD_DIR): sets $build
# and $root (the tree), and builds C unit tests with ASan and UBSan.

set -u

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 1
fi
build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$build" || { echo "Bail out! cannot create $build"; exit 1; }
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

# build_test WHAT OUTPUT SOURCE_OR_OPTION...: compile, from the tree's
# root, with the tool's headers; on failure print the compiler's messages
# and "not ok - WHAT builds", and return 1.
build_test() {
	local what=$1 output=$2 out
	shift 2
	if ! out=$(cd "$root" && "${CC:-cc}" -Wall -Wextra -Werror -O2 -g \
			-fsanitize=address,undefined -fno-sanitize-recover=all \
			-I include/uapi -I tools/ctrpolicy -o "$output" "$@" 2>&1); then
		printf '%s\n' "$out" | sed 's/^/# /'
		echo "not ok - $what builds"
		return 1
	fi
}
