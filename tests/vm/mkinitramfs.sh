#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the VM's initramfs: busybox-static, the module, the tool, bpftool,
# the test programs and the guest test scripts.  Dynamically linked
# programs bring their libraries, found with ldd.
#
# usage: mkinitramfs.sh OUTPUT.cpio MODULE.ko BUILD_DIR
set -euo pipefail

out=$1 module=$2 build=$3
src=$(cd "$(dirname "$0")/../.." && pwd)
stage="$out.d"

rm -rf "$stage"
mkdir -p "$stage"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,proc,sys,dev,tmp,run,etc,root} \
	"$stage/ctrpolicy/tests"

busybox=$(command -v busybox)
file -L "$busybox" | grep -q 'statically linked' || {
	echo "mkinitramfs: $busybox is not static: apt-get install busybox-static" >&2
	exit 1
}
cp "$busybox" "$stage/bin/busybox"
for applet in $("$busybox" --list-full); do
	[ -e "$stage/$applet" ] || ln -s /bin/busybox "$stage/$applet"
done

# Copy a program and the shared libraries it needs, at the same paths.
add_program() {
	local prog=$1 dest=$2 lib
	install -D -m 0755 "$prog" "$stage$dest"
	for lib in $(ldd "$prog" 2>/dev/null | grep -o '/[^ ]*'); do
		[ -e "$stage$lib" ] || install -D -m 0755 "$lib" "$stage$lib"
	done
}

add_program "$build/ctrpolicy" /usr/sbin/ctrpolicy
add_program "$(command -v bpftool)" /usr/sbin/bpftool
# iproute2's ip for network tests (lib.sh: $IP); busybox's cannot name a
# veth peer and has no "ip netns" or "nodad".
add_program "$(command -v ip)" /usr/sbin/ip
for prog in "$build"/tests/*; do
	[ -f "$prog" ] && [ -x "$prog" ] && add_program "$prog" "/ctrpolicy/tests/$(basename "$prog")"
done
cp "$module" "$stage/ctrpolicy/ctrpolicy.ko"
install -m 0755 "$src"/tests/guest/*.sh "$stage/ctrpolicy/tests/"
mkdir -p "$stage/ctrpolicy/policies"
cp "$src"/policies/*.policy "$stage/ctrpolicy/policies/"
install -m 0755 "$src/tests/vm/init" "$stage/init"
echo "root:x:0:0:root:/root:/bin/sh" > "$stage/etc/passwd"
echo "root:x:0:" > "$stage/etc/group"
echo "nobody:x:65534:65534:nobody:/:/bin/false" >> "$stage/etc/passwd"
echo "nogroup:x:65534:" >> "$stage/etc/group"

(cd "$stage" && find . -print0 | LC_ALL=C sort -z |
	cpio --null -o -H newc --quiet) > "$out.tmp"
mv "$out.tmp" "$out"
rm -rf "$stage"
