#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# DKMS: dkms.conf's version is the module's; the Makefile takes the running
# kernel's BTF for the running kernel only, and the BTF inside
# /boot/vmlinuz-KREL for any other; and the sources 'make install-dkms'
# installs build, as dkms.conf says, a module for the cached Debian kernel
# whose BTF names the kfuncs and whose BTF ids are resolved.  With dkms
# installed, dkms itself runs 'add' and 'build' on trees of its own under a
# scratch directory (nothing is installed, no key is made: signing is
# pointed at a program that does not exist); without, the MAKE line of
# dkms.conf is run as dkms would.  Usage: test_dkms.sh BUILD_DIR (the cache
# is $CACHE, else .cache of the work tree).
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"
build=${1:?usage: test_dkms.sh BUILD_DIR}

version=$(sed -n 's/^#define CTRPOLICY_VERSION "\(.*\)"/\1/p' "$root/kernel/common.h")
conf_version=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"$/\1/p' "$root/dkms.conf")
if [ -n "$version" ] && [ "$conf_version" = "$version" ]; then
	echo "ok - dkms: dkms.conf's PACKAGE_VERSION is CTRPOLICY_VERSION ($version)"
else
	echo "not ok - dkms: dkms.conf's PACKAGE_VERSION ($conf_version) is CTRPOLICY_VERSION ($version)"
fi

# btf_base RELEASE: BTF_BASE as the Makefile sets it for headers of RELEASE.
btf_base() {
	mkdir -p "$tmp/kdir-$1/include/generated"
	echo "#define UTS_RELEASE \"$1\"" > "$tmp/kdir-$1/include/generated/utsrelease.h"
	# shellcheck disable=SC2016 # a make variable
	printf 'print-btf-base:\n\t@echo $(BTF_BASE)\n' |
		make -s -C "$root" -f Makefile -f - KDIR="$tmp/kdir-$1" BUILD="$tmp/b" \
			print-btf-base
}
if [ -r /sys/kernel/btf/vmlinux ]; then
	base=$(btf_base "$(uname -r)")
	if [ "$base" = /sys/kernel/btf/vmlinux ]; then
		echo "ok - dkms: headers of the running kernel take /sys/kernel/btf/vmlinux"
	else
		echo "not ok - dkms: headers of the running kernel take /sys/kernel/btf/vmlinux, not '$base'"
	fi
else
	echo "ok - dkms: the running kernel's BTF # SKIP no /sys/kernel/btf/vmlinux here"
fi
base=$(btf_base 9.9.9-other)
if [ "$base" = "$tmp/b/vmlinux-9.9.9-other.btf" ]; then
	echo "ok - dkms: headers of another kernel take a BTF extracted for it"
else
	echo "not ok - dkms: headers of another kernel take a BTF extracted for it, not '$base'"
fi
if make -n -C "$root" KDIR="$tmp/kdir-9.9.9-other" BUILD="$tmp/b" \
	"$tmp/b/vmlinux-9.9.9-other.btf" 2>&1 |
	grep -q "^tools/vmlinux-btf.sh /boot/vmlinuz-9.9.9-other $tmp/b/vmlinux-9.9.9-other.btf$"; then
	echo "ok - dkms:   from /boot/vmlinuz-RELEASE"
else
	echo "not ok - dkms:   from /boot/vmlinuz-RELEASE"
fi

mk=$cache/kernel.mk
if [ ! -f "$mk" ]; then
	echo "ok - dkms: a build for Debian's kernel # SKIP no $mk (make fetches it)"
	exit 0
fi
krel=$(kernel_mk VM_KREL)
kdir=$(kernel_mk VM_KDIR)
vm_btf=$(kernel_mk VM_BTF)
boot=$(dirname "$(kernel_mk VM_VMLINUZ)")

if ! make -C "$root" --no-print-directory CACHE="$cache" BUILD="$build" \
	DESTDIR="$tmp/root" install-dkms > "$tmp/log" 2>&1; then
	sed 's/^/# /' "$tmp/log"
	echo "not ok - dkms: make install-dkms succeeds"
	exit 1
fi
src=$tmp/root/usr/src/ctrpolicy-$version

# /boot/vmlinuz-KREL is the cache's: BOOT, from the environment, which dkms
# passes on to make.
export BOOT=$boot
# dkms builds with the environment it is given, not that of a 'make check
# KERNEL=...' (which would move the build directory away from dkms.conf's
# BUILT_MODULE_LOCATION): the test stands for a host's dkms.
unset KERNEL
if command -v dkms > /dev/null; then
	how="dkms add, dkms build"
	trees=(--dkmstree "$tmp/dkms" --sourcetree "$tmp/root/usr/src"
	       --installtree "$tmp/installed" -k "$krel" --kernelsourcedir "$kdir")
	mkdir -p "$tmp/dkms" "$tmp/installed"
	# dkms asks make for the kernel's CC: with the MAKEFLAGS of a
	# 'make check' around it, make's "Entering directory" would be
	# part of the answer.
	dkms=(env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL sign_file=/nonexistent dkms)
	if "${dkms[@]}" add "ctrpolicy/$version" "${trees[@]}" > "$tmp/log" 2>&1 &&
	   "${dkms[@]}" build "ctrpolicy/$version" "${trees[@]}" >> "$tmp/log" 2>&1; then
		ok=1
	else
		ok=
		cat "$tmp"/dkms/ctrpolicy/"$version"/build/make.log >> "$tmp/log" 2> /dev/null
	fi
	ko=$(find "$tmp/dkms/ctrpolicy/$version/$krel" -name 'ctrpolicy.ko*' 2> /dev/null | head -n1)
	makelog=$(find "$tmp/dkms/ctrpolicy/$version/$krel" -name make.log 2> /dev/null | head -n1)
else
	how="the MAKE line of dkms.conf"
	# As dkms runs it: in a copy of the sources, with -j and KERNELRELEASE.
	cp -a "$src" "$tmp/build-tree"
	# shellcheck disable=SC2034 # read by dkms.conf
	kernel_source_dir=$kdir kernelver=$krel
	# shellcheck disable=SC1091
	source "$root/dkms.conf"
	if (cd "$tmp/build-tree" &&
	    eval "${MAKE[0]/#make/make -j2 KERNELRELEASE=$krel}") > "$tmp/log" 2>&1; then
		ok=1
	else
		ok=
	fi
	ko=$tmp/build-tree/${BUILT_MODULE_LOCATION[0]}${BUILT_MODULE_NAME[0]}.ko
	makelog=$tmp/log
fi
if [ -n "$ok" ] && [ -f "$ko" ]; then
	echo "ok - dkms: $how for $krel from the installed sources"
else
	sed 's/^/# /' "$tmp/log"
	echo "not ok - dkms: $how for $krel from the installed sources"
	exit 1
fi
case "$ko" in
*.xz) xz -dc "$ko" > "$tmp/m.ko" ;;
*.gz) gzip -dc "$ko" > "$tmp/m.ko" ;;
*.zst) zstd -dcq "$ko" > "$tmp/m.ko" ;;
*) cp "$ko" "$tmp/m.ko" ;;
esac

if grep -q "BTF .*(base .*/vmlinux-$krel.btf)" "$makelog"; then
	echo "ok - dkms: the module's BTF is built against the BTF of /boot/vmlinuz-$krel"
else
	sed 's/^/# /' "$makelog"
	echo "not ok - dkms: the module's BTF is built against the BTF of /boot/vmlinuz-$krel"
fi
id=$(bpftool -B "$vm_btf" btf dump file "$tmp/m.ko" 2> "$tmp/err" |
	sed -n "s/^\[\([0-9]*\)\] FUNC 'ctrpolicy_abi_version' .*/\1/p")
if [ -n "$id" ]; then
	echo "ok - dkms: the module's BTF, on $krel's, names the kfunc ctrpolicy_abi_version ($id)"
else
	sed 's/^/# /' "$tmp/err"
	echo "not ok - dkms: the module's BTF, on $krel's, names the kfunc ctrpolicy_abi_version"
fi
# The kfunc set in .BTF_ids holds the ids of the kfuncs once resolved.
if objcopy --dump-section .BTF_ids="$tmp/ids" "$tmp/m.ko" "$tmp/scratch.o" 2> /dev/null &&
   [ -n "$id" ] && od -An -tu4 -v "$tmp/ids" | tr -s ' ' '\n' | grep -qx "$id"; then
	echo "ok - dkms: its .BTF_ids are resolved (they hold that id)"
else
	echo "not ok - dkms: its .BTF_ids are resolved (they hold that id)"
fi
