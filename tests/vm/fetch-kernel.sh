#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch Debian's current stock kernel (image, headers, kbuild) into a cache,
# unpacked with dpkg-deb, never installed.  Writes CACHE/kernel.mk, which
# the Makefile includes:
#   VM_KREL     the kernel release (uname -r in the VM)
#   VM_KDIR     the headers tree to build the module against
#   VM_VMLINUZ  the kernel to boot
#   VM_BTF      its BTF, the base for the module's split BTF
#   VM_MODDIR   its /lib/modules/VM_KREL (in-tree modules for the initramfs)
#
# The version is discovered from the linux-image-amd64 metapackage.  Without
# apt metadata (offline), an already fetched kernel is reused.
set -euo pipefail

cache=$(realpath -m "${1:?usage: fetch-kernel.sh CACHE_DIR}")
mkdir -p "$cache"

discover() {
	apt-cache depends linux-image-amd64 2>/dev/null |
		awk '/^ *Depends: linux-image-[0-9].*-amd64$/ && !k { k = $2 }
		     END { sub(/^linux-image-/, "", k); print k }'
}

krel=$(discover || true)
if [ -z "$krel" ]; then
	if [ -f "$cache/kernel.mk" ]; then
		echo "fetch-kernel: apt knows no linux-image-amd64; reusing $cache/kernel.mk" >&2
		exit 0
	fi
	echo "fetch-kernel: cannot discover Debian's kernel: run 'apt-get update' (as root) first" >&2
	exit 1
fi

root="$cache/kernel-$krel"
if [ ! -f "$root/.complete" ]; then
	# (awk reads to the end: a reader that quits early makes apt-cache die
	# of SIGPIPE, which pipefail turns into a failure.)
	version=$(apt-cache show "linux-image-$krel" |
		awk '/^Version: / && !v { v = $2 } END { print v }')
	abi=${krel%-amd64}
	debs="$cache/debs-$krel"
	rm -rf "$root" "$debs"
	mkdir -p "$debs" "$root"
	echo "fetch-kernel: downloading Debian kernel $krel ($version)" >&2
	# apt-get download writes into the current directory; _apt cannot
	# write into a root-owned cache, hence the sandbox warning is expected.
	(cd "$debs" && apt-get download -q \
		"linux-image-$krel=$version" \
		"linux-headers-$krel=$version" \
		"linux-headers-$abi-common=$version" \
		"linux-kbuild-6.1=$version" 2>&1 | grep -v 'unsandboxed' >&2 || true)
	for deb in "$debs"/*.deb; do
		dpkg-deb -x "$deb" "$root"
	done
	[ -f "$root/boot/vmlinuz-$krel" ] || {
		echo "fetch-kernel: download failed: no vmlinuz-$krel in $debs" >&2
		exit 1
	}

	# The -amd64 headers' Makefile includes the -common tree by its absolute
	# /usr/src path; point it inside the cache instead.
	echo "include $root/usr/src/linux-headers-$abi-common/Makefile" \
		> "$root/usr/src/linux-headers-$krel/Makefile"

	# vmlinuz carries an XZ-compressed ELF that keeps its .BTF section.
	"$(dirname "$0")/../../tools/vmlinux-btf.sh" "$root/boot/vmlinuz-$krel" \
		"$root/vmlinux.btf"
	rm -rf "$debs"
	touch "$root/.complete"
fi

cat > "$cache/kernel.mk.tmp" <<MK
VM_KREL := $krel
VM_KDIR := $root/usr/src/linux-headers-$krel
VM_VMLINUZ := $root/boot/vmlinuz-$krel
VM_BTF := $root/vmlinux.btf
VM_MODDIR := $root/lib/modules/$krel
MK
mv "$cache/kernel.mk.tmp" "$cache/kernel.mk"
