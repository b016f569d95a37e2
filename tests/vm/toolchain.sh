#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A Debian unstable tree with the compiler and host tools the newest
# kernel's headers want, and a way to run a command in it.
#
# Debian 12's gcc-12 cannot build against unstable's 7.x headers (they pass
# gcc-16 flags such as -fmin-function-alignment), the headers' host tools
# (modpost, objtool, resolve_btfids in linux-kbuild) need glibc >= 2.38,
# and module BTF for a kernel >= 6.11 wants pahole >= 1.26 (distilled base
# BTF; Debian 12's pahole 1.24 duplicates types such as cred, and the
# verifier then refuses the kfuncs' arguments).  So the module is built in
# a debootstrapped unstable tree (minbase and the packages below), made
# once and kept under the cache; a change of this script or of the package
# list makes it again.  Needs root (debootstrap, chroot, mounts).
#
# usage: toolchain.sh CACHE_DIR              make the tree, print its path
#        toolchain.sh CACHE_DIR run DIR... -- COMMAND...
#                    run COMMAND in the tree, with each DIR (absolute)
#                    bind-mounted at its own path, /dev and /proc mounted,
#                    the current directory kept: paths mean the same
#                    inside and out.  The mounts live in a mount namespace
#                    of the command's own and go with it.
set -euo pipefail

# (Not root: through sudo, as .ci/run installs packages; the objects Kbuild
# makes in the tree are then root's.)
if [ "$(id -u)" -ne 0 ]; then
	exec sudo -- "$0" "$@"
fi

cache=$(realpath -m "${1:?usage: toolchain.sh CACHE_DIR [run DIR... -- COMMAND...]}")
shift
root=$cache/toolchain-unstable
packages=gcc,make,libc6-dev,libelf-dev,dwarves,bc,flex,bison,kmod,libbpf-dev,binutils,gawk
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
hash=$( { cat "$0"; echo "$packages $mirror"; } | sha256sum | cut -c1-16)

if [ "$(cat "$root/.complete" 2>/dev/null)" != "$hash" ]; then
	echo "toolchain: debootstrap of Debian unstable into $root" >&2
	rm -rf "$root"
	mkdir -p "$cache"
	debootstrap --variant=minbase --include="$packages" unstable "$root" \
		"$mirror" > "$cache/toolchain-unstable.log" 2>&1 || {
		echo "toolchain: debootstrap failed; see $cache/toolchain-unstable.log" >&2
		tail -n 20 "$cache/toolchain-unstable.log" >&2
		exit 1
	}
	rm -rf "$root/var/cache/apt/archives/"*.deb
	echo "$hash" > "$root/.complete"
fi

if [ "${1:-}" != run ]; then
	echo "$root"
	exit 0
fi
shift
dirs=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do
	dirs+=("$(realpath -m "$1")")
	shift
done
[ "${1:-}" = -- ] && shift
[ $# -gt 0 ] || { echo "toolchain: run needs -- COMMAND" >&2; exit 2; }

# The mounts, then chroot; the command's words pass through as "$@".
# shellcheck disable=SC2016 # expanded by the inner shell
exec unshare --mount --propagation private bash -c '
	set -e
	root=$1 cwd=$2 n=$3
	shift 3
	mount --rbind /dev "$root/dev"
	mount -t proc proc "$root/proc"
	while [ "$n" -gt 0 ]; do
		mkdir -p "$root$1"
		mount --bind "$1" "$root$1"
		shift; n=$((n - 1))
	done
	exec chroot "$root" /bin/sh -c "cd \"\$0\" && exec \"\$@\"" "$cwd" "$@"
' toolchain "$root" "$PWD" "${#dirs[@]}" "${dirs[@]}" "$@"
