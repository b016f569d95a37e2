#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch one of Debian's kernels (image, headers, kbuild) into a cache,
# unpacked with dpkg-deb, never installed.  Writes a makefile fragment,
# which the Makefile includes:
#   VM_KREL     the kernel release (uname -r in the VM)
#   VM_KDIR     the headers tree to build the module against
#   VM_VMLINUZ  the kernel to boot
#   VM_BTF      its BTF, the base for the module's split BTF
#   VM_MODDIR   its /lib/modules/VM_KREL (in-tree modules for the initramfs)
#
# usage: fetch-kernel.sh CACHE_DIR [KERNEL]
#
# KERNEL names the kernel:
#   6.1   (the default) Debian 12's stock kernel, from the host's own apt
#         sources; writes CACHE/kernel.mk
#   6.12  Debian's 6.12 from bookworm-backports; writes CACHE/kernel-6.12.mk
#   newest  the newest Debian kernel, unstable's (7.2 on 2026-12-05);
#         writes CACHE/kernel-newest.mk.  Its headers want unstable's
#         compiler and host tools: tests/vm/toolchain.sh builds with them.
# A suite other than the host's is reached through an apt configuration of
# the cache's own (CACHE/apt-SUITE/: a sources list, lists and archives):
# the system's sources are never read or changed.
#
# The version is discovered from the suite's linux-image-amd64 metapackage.
# Without apt metadata (offline), an already fetched kernel is reused.
set -euo pipefail

cache=$(realpath -m "${1:?usage: fetch-kernel.sh CACHE_DIR [KERNEL]}")
kernel=${2:-6.1}
mkdir -p "$cache"

case "$kernel" in
6.1)	suite= mk=$cache/kernel.mk ;;
6.12)	suite=bookworm-backports mk=$cache/kernel-6.12.mk ;;
newest)	suite=unstable mk=$cache/kernel-newest.mk ;;
*)	echo "fetch-kernel: unknown KERNEL '$kernel' (known: 6.1, 6.12, newest)" >&2
	exit 2 ;;
esac

# apt-get and apt-cache with the suite's own configuration: its sources
# list, lists and archives under the cache, and no dpkg status (the host's
# installed packages are no candidates).
apt_opts=()
if [ -n "$suite" ]; then
	aptdir=$cache/apt-$suite
	mkdir -p "$aptdir/lists/partial" "$aptdir/cache/archives/partial"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg]" \
		"${DEBIAN_MIRROR:-http://deb.debian.org/debian} $suite main" \
		> "$aptdir/sources.list"
	apt_opts=(-o "Dir::Etc::sourcelist=$aptdir/sources.list"
		  -o Dir::Etc::sourceparts=-
		  -o "Dir::State::Lists=$aptdir/lists"
		  -o "Dir::Cache=$aptdir/cache"
		  -o Dir::State::status=/dev/null)
	# Offline, the lists of an earlier update (or a fetched kernel) serve.
	apt-get "${apt_opts[@]}" update -q 2>&1 | grep -v 'unsandboxed' >&2 ||
		echo "fetch-kernel: apt-get update of $suite failed" >&2
fi
apt_cache() { apt-cache ${apt_opts[@]+"${apt_opts[@]}"} "$@"; }

discover() {
	apt_cache depends linux-image-amd64 2>/dev/null |
		awk '/^ *Depends: linux-image-[0-9].*-amd64$/ && !k { k = $2 }
		     END { sub(/^linux-image-/, "", k); print k }'
}

krel=$(discover || true)
if [ -z "$krel" ]; then
	if [ -f "$mk" ]; then
		echo "fetch-kernel: apt knows no linux-image-amd64; reusing $mk" >&2
		exit 0
	fi
	echo "fetch-kernel: cannot discover Debian's kernel: run 'apt-get update' (as root) first" >&2
	exit 1
fi

root="$cache/kernel-$krel"
if [ ! -f "$root/.complete" ]; then
	# (awk reads to the end: a reader that quits early makes apt-cache die
	# of SIGPIPE, which pipefail turns into a failure.)
	version=$(apt_cache show "linux-image-$krel" |
		awk '/^Version: / && !v { v = $2 } END { print v }')
	abi=${krel%-amd64}
	# The kbuild package is linux-kbuild-6.1 for 6.1 and
	# linux-kbuild-6.12.95+deb12 for 6.12: the headers name it.
	kbuild=$(apt_cache show "linux-headers-$krel=$version" |
		awk '/^Depends: / && !k { if (match($0, /linux-kbuild-[^ ,]*/))
			k = substr($0, RSTART, RLENGTH) } END { print k }')
	# From 7.x (unstable) linux-image-V is a metapackage: the kernel is in
	# linux-binary-V, its modules in linux-modules-V, System.map and config
	# in linux-base-V, all under /usr/lib/modules/V.  Those the image
	# depends on are fetched with it.
	parts=$(apt_cache show "linux-image-$krel=$version" |
		awk -v k="$krel" '/^Depends: / && !d { d = 1; n = split($0, a, /[ ,|]+/)
			for (i = 1; i <= n; i++)
				# (k has a '+': compared as a string.)
				if (a[i] ~ /^linux-(base|binary|modules)-/ &&
				    substr(a[i], length(a[i]) - length(k) + 1) == k)
					printf "%s ", a[i] }')
	debs="$cache/debs-$krel"
	rm -rf "$root" "$debs"
	mkdir -p "$debs" "$root"
	echo "fetch-kernel: downloading Debian kernel $krel ($version)" >&2
	# apt-get download writes into the current directory; _apt cannot
	# write into a root-owned cache, hence the sandbox warning is expected.
	# shellcheck disable=SC2046 # parts: package names, one word each
	(cd "$debs" && apt-get ${apt_opts[@]+"${apt_opts[@]}"} download -q \
		"linux-image-$krel=$version" \
		$(for p in $parts; do echo "$p=$version"; done) \
		"linux-headers-$krel=$version" \
		"linux-headers-$abi-common=$version" \
		"$kbuild=$version" 2>&1 | grep -v 'unsandboxed' >&2 || true)
	for deb in "$debs"/*.deb; do
		dpkg-deb -x "$deb" "$root"
	done
	# (The older place, then the newer one.)
	for vmlinuz in "$root/boot/vmlinuz-$krel" "$root/usr/lib/modules/$krel/vmlinuz" ""; do
		[ -z "$vmlinuz" ] || [ -f "$vmlinuz" ] && break
	done
	[ -n "$vmlinuz" ] || {
		echo "fetch-kernel: download failed: no vmlinuz-$krel in $debs" >&2
		exit 1
	}

	# The -amd64 headers' Makefile includes the -common tree by its absolute
	# /usr/src path (and from 7.x names itself as KBUILD_OUTPUT so); point
	# them inside the cache instead.
	sed -i "s|/usr/src/|$root/usr/src/|g" "$root/usr/src/linux-headers-$krel/Makefile"

	# vmlinuz carries an XZ-compressed ELF that keeps its .BTF section.
	"$(dirname "$0")/../../tools/vmlinux-btf.sh" "$vmlinuz" \
		"$root/vmlinux.btf"
	rm -rf "$debs"
	touch "$root/.complete"
fi

vmlinuz=$root/boot/vmlinuz-$krel moddir=$root/lib/modules/$krel
if [ ! -f "$vmlinuz" ]; then
	vmlinuz=$root/usr/lib/modules/$krel/vmlinuz moddir=$root/usr/lib/modules/$krel
fi
cat > "$mk.tmp" <<MK
VM_KREL := $krel
VM_KDIR := $root/usr/src/linux-headers-$krel
VM_VMLINUZ := $vmlinuz
VM_BTF := $root/vmlinux.btf
VM_MODDIR := $moddir
MK
mv "$mk.tmp" "$mk"
