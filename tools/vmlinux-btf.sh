#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Write the raw BTF of a kernel image to OUT: the base that the module's
# split BTF is built against when that kernel is not the running one (the
# VM's kernel, or a new kernel DKMS builds for before it is booted), where
# /sys/kernel/btf/vmlinux is the wrong kernel's.
#
# usage: vmlinux-btf.sh IMAGE OUT
#
# IMAGE is an uncompressed vmlinux ELF, or a vmlinuz whose payload is one
# compressed with xz (Debian), zstd or gzip: the payload keeps its .BTF
# section (design.md), and objcopy takes it out as raw BTF.
set -euo pipefail

image=${1:?usage: vmlinux-btf.sh IMAGE OUT}
out=${2:?usage: vmlinux-btf.sh IMAGE OUT}
[ -r "$image" ] || { echo "vmlinux-btf: cannot read $image" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

is_elf() { [ "$(head -c 4 "$1" | od -An -tx1 | tr -d ' ')" = 7f454c46 ]; }

# Like the kernel's scripts/extract-vmlinux: the setup code before the
# payload may hold the magic bytes by chance, so try each place they occur
# until one decompresses to an ELF.  (The pipelines stop reading early by
# design, hence no pipefail there.)
unpack() {
	local magic=$1 offset
	shift
	command -v "$1" > /dev/null || return 1
	for offset in $(set +o pipefail; LC_ALL=C grep -abo "$magic" "$image" |
			cut -d: -f1 | head -n 8); do
		(set +o pipefail; tail -c +"$((offset + 1))" "$image" |
			"$@" > "$tmp/vmlinux" 2> /dev/null) || true
		is_elf "$tmp/vmlinux" && return 0
	done
	return 1
}

if is_elf "$image"; then
	elf=$image
elif unpack $'\xfd7zXZ' xz -dc --single-stream ||
     unpack $'\x28\xb5\x2f\xfd' zstd -dcq ||
     unpack $'\x1f\x8b\x08' gzip -dc; then
	elf=$tmp/vmlinux
else
	echo "vmlinux-btf: no ELF found in $image (compressed with xz, zstd or gzip; is the decompressor installed?)" >&2
	exit 1
fi

objcopy -O binary --only-section=.BTF "$elf" "$tmp/btf"
# Raw BTF starts with the magic 0xeb9f, little-endian on x86.
if [ "$(head -c 2 "$tmp/btf" | od -An -tx1 | tr -d ' ')" != 9feb ]; then
	echo "vmlinux-btf: $image has no .BTF section (kernel built without CONFIG_DEBUG_INFO_BTF)" >&2
	exit 1
fi
cp "$tmp/btf" "$out.tmp" && mv "$out.tmp" "$out"
