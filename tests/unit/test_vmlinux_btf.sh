#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# tools/vmlinux-btf.sh takes the .BTF section out of a kernel image, plain
# or compressed, past decoy magic bytes; and out of the cached Debian
# vmlinuz it gives the BTF the VM tests use.  Usage: test_vmlinux_btf.sh
# BUILD_DIR (the cache is $CACHE, else .cache of the work tree).
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"
extract=$root/tools/vmlinux-btf.sh

check() {	# check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@" > "$tmp/out" 2>&1; then
		echo "ok - vmlinux-btf: $what"
	else
		sed 's/^/# /' "$tmp/out"
		echo "not ok - vmlinux-btf: $what"
	fi
}
fails() { ! "$@"; }

# A small ELF with a .BTF section: a raw BTF header (magic 0xeb9f, version
# 1, header length 24, no types, a string section of one NUL).
printf '\x9f\xeb\x01\x00\x18\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x00\x00\x00' \
	> "$tmp/btf"
cp /bin/true "$tmp/plain.elf"
# (allocated, as in a kernel: objcopy -O binary copies only such sections;
# it warns that the section lies in no segment.)
objcopy --add-section .BTF="$tmp/btf" --set-section-flags .BTF=alloc,readonly,data \
	"$tmp/plain.elf" 2> /dev/null
# A vmlinuz stand-in: setup bytes holding the gzip and xz magic by chance,
# then the compressed ELF.
{ printf 'setup\x1f\x8b\x08garbage\xfd7zXZ\x00more'; gzip -c "$tmp/plain.elf"; } > "$tmp/vmlinuz.gz"
{ printf 'setup\xfd7zXZ\x00decoy'; xz -c --check=crc32 "$tmp/plain.elf"; } > "$tmp/vmlinuz.xz"
cp /bin/true "$tmp/nobtf.elf"
gzip -c "$tmp/nobtf.elf" > "$tmp/nobtf.gz"

check "an uncompressed ELF" "$extract" "$tmp/plain.elf" "$tmp/o1"
check "  gives its .BTF section" cmp "$tmp/btf" "$tmp/o1"
check "a gzip payload after decoy magic bytes" "$extract" "$tmp/vmlinuz.gz" "$tmp/o2"
check "  gives its .BTF section" cmp "$tmp/btf" "$tmp/o2"
check "an xz payload after a decoy magic" "$extract" "$tmp/vmlinuz.xz" "$tmp/o3"
check "  gives its .BTF section" cmp "$tmp/btf" "$tmp/o3"
check "a kernel without .BTF fails" fails "$extract" "$tmp/nobtf.gz" "$tmp/o4"
check "  and writes nothing" test ! -e "$tmp/o4"
check "a file that is no kernel fails" fails "$extract" /etc/hostname "$tmp/o5"
check "a missing file fails" fails "$extract" "$tmp/none" "$tmp/o6"

mk=$cache/kernel.mk
if [ -f "$mk" ]; then
	vmlinuz=$(kernel_mk VM_VMLINUZ)
	vm_btf=$(kernel_mk VM_BTF)
	check "Debian's vmlinuz ($(basename "$vmlinuz"))" "$extract" "$vmlinuz" "$tmp/vm.btf"
	check "  gives the BTF of the cache" cmp "$vm_btf" "$tmp/vm.btf"
else
	echo "ok - vmlinux-btf: Debian's vmlinuz # SKIP no $mk (make fetches it)"
fi
