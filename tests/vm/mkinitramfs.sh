#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the VM's initramfs: busybox-static, the module, the tool, bpftool,
# the test programs and the guest test scripts; crun, where the host has
# it, and a busybox root file system for its containers; with CONTAINERD_BIN
# (a directory tests/vm/fetch-package.sh prints) also containerd, ctr,
# its runc shim and the same root file system as an OCI image archive; with
# APPARMOR_BIN (another) AppArmor's parser, apparmor_parser; with BASE_BUILD
# (make bench BENCH_BASE=REV builds it) that revision's module, tool and
# name, in /ctrpolicy/base, for the benchmark to measure beside this tree's.  Dynamically linked
# programs bring their libraries, found with ldd.  MODDIR, the kernel's
# /lib/modules/RELEASE, gives the in-tree modules the tests load (veth);
# a kernel that has them built in needs none.
#
# usage: mkinitramfs.sh OUTPUT.cpio MODULE.ko BUILD_DIR [MODDIR]
set -euo pipefail

out=$1 module=$2 build=$3 moddir=${4:-}
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

# Copy a program and the shared libraries it needs, at the same paths, into
# the image or, with ROOT, into a directory of it.
add_program() {
	local prog=$1 dest=$2 root=${3:-$stage} lib
	install -D -m 0755 "$prog" "$root$dest"
	for lib in $(ldd "$prog" 2>/dev/null | grep -o '/[^ ]*'); do
		[ -e "$root$lib" ] || install -D -m 0755 "$lib" "$root$lib"
	done
}

# Busybox and its applets, into the image or, with ROOT, a directory of it.
add_busybox() {
	local root=${1:-$stage} applet
	add_program "$busybox" /bin/busybox "$root"
	for applet in $("$busybox" --list-full); do
		[ -e "$root/$applet" ] || { mkdir -p "$root/$(dirname "$applet")" &&
			ln -s /bin/busybox "$root/$applet"; }
	done
}

add_busybox
add_program "$build/ctrpolicy" /usr/sbin/ctrpolicy
ln -s ctrpolicy "$stage/usr/sbin/ctrpolicy-runc"
add_program "$(command -v bpftool)" /usr/sbin/bpftool
# An OCI runtime and a container's root file system: busybox and the test
# programs (tests/guest/oci.sh makes bundles of it).
if command -v crun > /dev/null; then
	add_program "$(command -v crun)" /usr/bin/crun
	rootfs=$stage/ctrpolicy/oci/rootfs
	add_busybox "$rootfs"
	for prog in try net; do
		add_program "$build/tests/$prog" "/bin/$prog" "$rootfs"
	done
	mkdir -p "$rootfs"/{proc,sys,dev,tmp,mnt,out,etc}
	if [ -n "${CONTAINERD_BIN:-}" ] && [ -x "$CONTAINERD_BIN/containerd" ]; then
		for prog in containerd ctr containerd-shim-runc-v2; do
			add_program "$CONTAINERD_BIN/$prog" "/usr/bin/$prog"
		done
		"$src/tests/vm/mkociimage.sh" "$rootfs" "$stage/ctrpolicy/oci/busybox.tar" \
			docker.io/ctrpolicy/busybox:test
	fi
fi
if [ -n "${APPARMOR_BIN:-}" ] && [ -x "$APPARMOR_BIN/apparmor_parser" ]; then
	add_program "$APPARMOR_BIN/apparmor_parser" /sbin/apparmor_parser
fi
if [ -n "${BASE_BUILD:-}" ] && [ -f "$BASE_BUILD/revision" ]; then
	install -D -m 0644 "$BASE_BUILD/ctrpolicy.ko" "$stage/ctrpolicy/base/ctrpolicy.ko"
	add_program "$BASE_BUILD/ctrpolicy" /ctrpolicy/base/ctrpolicy
	cp "$BASE_BUILD/revision" "$stage/ctrpolicy/base/revision"
fi
for prog in "$build"/tests/*; do
	[ -f "$prog" ] && [ -x "$prog" ] && add_program "$prog" "/ctrpolicy/tests/$(basename "$prog")"
done
cp "$module" "$stage/ctrpolicy/ctrpolicy.ko"
mkdir -p "$stage/ctrpolicy/modules"
# veth for the network tests; SCTP (and what it needs, in load order)
# for the network side doors.  A kernel may lack one as a file: 7.x has
# CRC32C in its own lib, built in, and neither crc32c_generic nor libcrc32c
# (sctp's dependencies are udp_tunnel and ip6_udp_tunnel there).
for ko in drivers/net/veth crypto/crc32c_generic lib/libcrc32c \
	net/ipv4/udp_tunnel net/ipv6/ip6_udp_tunnel net/sctp/sctp; do
	if [ -n "$moddir" ] && [ -e "$moddir/kernel/$ko.ko.xz" ]; then
		xz -dc "$moddir/kernel/$ko.ko.xz" > "$stage/ctrpolicy/modules/$(basename $ko).ko"
	elif [ -n "$moddir" ] && [ -e "$moddir/kernel/$ko.ko" ]; then
		cp "$moddir/kernel/$ko.ko" "$stage/ctrpolicy/modules/"
	elif [ -n "$moddir" ]; then
		case "$ko" in
		crypto/crc32c_generic|lib/libcrc32c) ;;
		*) echo "mkinitramfs: no $ko.ko in $moddir" >&2; exit 1 ;;
		esac
	fi
done
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
