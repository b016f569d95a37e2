# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Sourced by unit tests: root, the work tree; tmp, a scratch directory
# removed on exit; cache, the kernel cache ($CACHE, else .cache of the work
# tree) and kernel_mk, to read its kernel.mk (tests/vm/fetch-kernel.sh).
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cache=${CACHE:-$root/.cache}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# kernel_mk VARIABLE: its value in the cache's kernel.mk (VM_KREL, ...).
kernel_mk() {
	sed -n "s/^$1 := //p" "$cache/kernel.mk"
}
