# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by unit tests (test_*.sh BUILD_DIR): root, the work tree; build,
# BUILD_DIR (created); tmp, a scratch directory removed on exit; cache, the
# kernel cache ($CACHE, else .cache of the work tree) and kernel_mk, to read
# its kernel.mk (tests/vm/fetch-kernel.sh); build_test, to build C unit
# tests with ASan and UBSan.
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build}
mkdir -p "$build" || { echo "Bail out! cannot create $build"; exit 1; }
cache=${CACHE:-$root/.cache}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

# kernel_mk VARIABLE: its value in the cache's kernel.mk (VM_KREL, ...).
kernel_mk() {
	sed -n "s/^$1 := //p" "$cache/kernel.mk"
}

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
