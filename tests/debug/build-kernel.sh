#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build a small debug kernel (KASAN, lockdep, kmemleak) with ctrpolicy built
# in as a native LSM, from Debian's linux-source-6.1 package, and cache it.
#
# usage: build-kernel.sh CACHE_DIR
#
# The last line on stdout is a directory D holding:
#   D/bzImage         the kernel
#   D/vmlinux.btf     its raw BTF (a BTF base for pahole, bpftool, btfids)
#   D/kernel.release  its release string
#   D/config          its .config
#   D/build           a KDIR for external modules (make -C D/build M=DIR):
#                     what Kbuild needs from the output directory, like a
#                     distribution's headers package, plus vmlinux, so
#                     Kbuild generates module BTF itself
# D is CACHE_DIR/linux-debug/kernel-HASH, HASH over every input (source
# package version, debug.config, the variant, this script, the toolchain,
# the project's kernel/ minus kernel/bpf/, and its uapi header), never over
# where the project is: another checkout or a fresh clone with the same
# sources and the same CACHE_DIR finds the same D.  When D/bzImage exists
# the script prints D at once.  Otherwise it builds, incrementally, in one
# Kbuild output directory per variant (CACHE_DIR/linux-debug/obj-VARIANT):
# a changed kernel/ file recompiles only that file and relinks.  D is then
# self-contained and never changes, so checkouts that differ can share one
# CACHE_DIR and run at the same time; the newest few D are kept.
#
# Everything goes under CACHE_DIR.  Diagnostics go to stderr; the build log
# is CACHE_DIR/linux-debug/build-VARIANT.log.
set -euo pipefail

say() { echo "build-kernel: $*" >&2; }
die() { say "$*"; exit 1; }

[ $# -eq 1 ] || { echo "usage: build-kernel.sh CACHE_DIR" >&2; exit 2; }
cache=$1
# One configuration; the name keeps its files apart from other kernels'.
variant=debug

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
self=$here/$(basename "${BASH_SOURCE[0]}")
project=$(cd "$here/../.." && pwd)
fragment=$here/debug.config
tarball=/usr/src/linux-source-6.1.tar.xz
uapi_header=$project/include/uapi/linux/ctrpolicy.h

if [ ! -f "$tarball" ]; then
	say "$tarball is missing; install it with:"
	echo "apt-get install linux-source-6.1" >&2
	exit 1
fi
version=$(dpkg-query -W -f='${Version}' linux-source-6.1 2>/dev/null) ||
	die "$tarball exists but the linux-source-6.1 package is not installed: apt-get install linux-source-6.1"
[ -f "$fragment" ] || die "missing $fragment"
[ -d "$project/kernel" ] && [ -f "$uapi_header" ] ||
	die "cannot find the project's kernel/ and $uapi_header from $self"

mkdir -p "$cache/linux-debug"
cache=$(cd "$cache" && pwd)
base=$cache/linux-debug

# The project's in-tree sources: kernel/ without kernel/bpf/, hidden files
# and build leftovers of the out-of-tree module (*.o, .*.cmd, ...).
kernel_files() {
	find "$project/kernel" -path "$project/kernel/bpf" -prune -o -type f \
		! -name '.*' ! -name '*~' ! -name '*.o' ! -name '*.ko' \
		! -name '*.mod' ! -name '*.mod.c' ! -name '*.a' \
		! -name 'modules.order' ! -name 'Module.symvers' -print |
		LC_ALL=C sort
}

cache_key() {
	local f
	echo "linux-source-6.1 $version"
	echo "variant $variant"
	echo "gcc $(gcc --version 2>/dev/null | head -n 1)"
	echo "ld $(ld --version 2>/dev/null | head -n 1)"
	echo "pahole $(pahole --version 2>/dev/null || echo none)"
	for f in "$self" "$fragment" $(kernel_files) "$uapi_header"; do
		echo "== ${f#"$project"/}"
		sha256sum < "$f"
	done
}
hash=$(cache_key | sha256sum | cut -c1-16)
out=$base/kernel-$hash

# Kernel directories kept: the most recently used (each use touches one).
keep=4

if [ -f "$out/bzImage" ]; then
	touch "$out"
	echo "$out"
	exit 0
fi

# One build at a time per cache; the winner may have built ours meanwhile.
exec 9>"$base/.lock"
if ! flock -n 9; then
	say "waiting for another build in $base"
	flock 9
fi
if [ -f "$out/bzImage" ]; then
	touch "$out"
	echo "$out"
	exit 0
fi

missing=
for tool in gcc make flex bison bc pahole objcopy perl xz; do
	command -v $tool > /dev/null || missing="$missing $tool"
done
[ -f /usr/include/gelf.h ] || missing="$missing libelf-dev"
[ -f /usr/include/openssl/opensslv.h ] || missing="$missing libssl-dev"
[ -z "$missing" ] || die "missing build tools:$missing (apt-get install gcc make flex bison bc dwarves libelf-dev libssl-dev perl xz-utils)"

log=$base/build-$variant.log
: > "$log"
started=$SECONDS
step() { say "$* ($((SECONDS - started))s)"; echo "==== $*" >> "$log"; }
on_error() {
	say "FAILED; build log: $log"
	tail -n 40 "$log" | sed 's/^/    /' >&2
}
trap on_error ERR

# ---- 1. the source tree, unpacked once per package version ----------------
srcdir=$base/src-$(printf '%s' "$version" | tr -c 'A-Za-z0-9.+-' '_')
if [ ! -d "$srcdir" ]; then
	step "unpacking $tarball into $srcdir"
	rm -rf "$srcdir.tmp"
	mkdir -p "$srcdir.tmp"
	tar -xJf "$tarball" -C "$srcdir.tmp" --strip-components=1
	mv "$srcdir.tmp" "$srcdir"
fi

# ---- 2. the project, linked in as security/ctrpolicy -----------------------
# kernel/Makefile finds the uapi header through this link.  The header is
# not linked into the shared tree's include/: external module builds against
# any kernel of this cache would take it from there, whichever checkout
# linked it last.
ln -sfn "$project/kernel" "$srcdir/security/ctrpolicy"
if [ -L "$srcdir/include/uapi/linux/ctrpolicy.h" ]; then
	rm -f "$srcdir/include/uapi/linux/ctrpolicy.h"
fi
kconfig_line='source "security/ctrpolicy/Kconfig"'
if ! grep -qxF "$kconfig_line" "$srcdir/security/Kconfig"; then
	if grep -qxF 'source "security/landlock/Kconfig"' "$srcdir/security/Kconfig"; then
		sed -i "\\|^source \"security/landlock/Kconfig\"\$|a $kconfig_line" \
			"$srcdir/security/Kconfig"
	else
		echo "$kconfig_line" >> "$srcdir/security/Kconfig"
	fi
fi
make_line='obj-$(CONFIG_SECURITY_CTRPOLICY)	+= ctrpolicy/'
grep -qxF "$make_line" "$srcdir/security/Makefile" ||
	echo "$make_line" >> "$srcdir/security/Makefile"

# ---- 3. the configuration -----------------------------------------------------
obj=$base/obj-$variant
mkdir -p "$obj"
# Objects from another project checkout may be older than ours: start over.
if [ "$(cat "$obj/.ctrpolicy-project" 2>/dev/null)" != "$project" ]; then
	rm -rf "$obj/security/ctrpolicy"
	echo "$project" > "$obj/.ctrpolicy-project"
fi

fragments=("$fragment")

kmake() {
	make -C "$srcdir" O="$obj" ARCH=x86_64 LOCALVERSION= \
		KBUILD_BUILD_USER=ctrpolicy KBUILD_BUILD_HOST=debug "$@"
}

step "configuring $obj (tinyconfig + ${fragments[*]##*/})"
[ -f "$obj/.config" ] && cp -p "$obj/.config" "$obj/.config.prev"
kmake tinyconfig >> "$log" 2>&1
"$srcdir/scripts/kconfig/merge_config.sh" -m -O "$obj" "$obj/.config" \
	"${fragments[@]}" >> "$log" 2>&1
kmake olddefconfig >> "$log" 2>&1

# Kconfig drops, without a word, an option whose dependencies are not met.
bad=()
while IFS= read -r line; do
	case "$line" in
	"# CONFIG_"*" is not set")
		sym=${line#\# }
		sym=${sym%% *}
		have=$(grep "^$sym=" "$obj/.config" || true)
		[ -z "$have" ] || bad+=("$line   (got: $have)")
		;;
	CONFIG_*=*)
		sym=${line%%=*}
		if ! grep -qxF -- "$line" "$obj/.config"; then
			have=$(grep -e "^$sym=" -e "^# $sym is not set" "$obj/.config" || true)
			bad+=("$line   (got: ${have:-nothing: the option does not exist or is hidden})")
		fi
		;;
	esac
done < <(cat "${fragments[@]}")
if [ ${#bad[@]} -gt 0 ]; then
	trap - ERR
	say "the configuration did not take these options (unmet dependencies?):"
	printf '    %s\n' "${bad[@]}" >&2
	say "inspect: make -C $srcdir O=$obj ARCH=x86_64 menuconfig (search with /)"
	exit 1
fi
# Same configuration as last time: keep its timestamp, so Kbuild does not
# even resync it.
if [ -f "$obj/.config.prev" ] && cmp -s "$obj/.config" "$obj/.config.prev"; then
	touch -r "$obj/.config.prev" "$obj/.config"
fi
rm -f "$obj/.config.prev"

# ---- 4. the build -------------------------------------------------------------
step "building with make -j$(nproc) (log: $log)"
kmake -j"$(nproc)" all >> "$log" 2>&1

# ---- 5. the output directory ------------------------------------------------
step "collecting $out"
rm -rf "$out.tmp"
mkdir -p "$out.tmp/build"
cp "$obj/arch/x86/boot/bzImage" "$out.tmp/bzImage.tmp"
objcopy -O binary --only-section=.BTF "$obj/vmlinux" "$out.tmp/vmlinux.btf"
[ "$(od -An -tx1 -N2 "$out.tmp/vmlinux.btf" | tr -d ' ')" = 9feb ] ||
	die "$obj/vmlinux has no usable .BTF section"
cp "$obj/include/config/kernel.release" "$out.tmp/kernel.release"
cp "$obj/.config" "$out.tmp/config"
echo "$variant" > "$out.tmp/variant"
# The Makefile there includes the source tree's, which stays where it is.
(cd "$obj" && cp -a --parents .config Makefile Module.symvers vmlinux \
	include/config include/generated arch/x86/include/generated scripts \
	tools/objtool/objtool tools/bpf/resolve_btfids/resolve_btfids \
	"$out.tmp/build")
mv "$out.tmp/bzImage.tmp" "$out.tmp/bzImage"
mv "$out.tmp" "$out"
trap - ERR
# The oldest kernel directories go (each holds a vmlinux of about 170 MB).
ls -dt "$base"/kernel-* | tail -n +$((keep + 1)) | while IFS= read -r old; do
	say "removing the old kernel directory $old"
	rm -rf "$old"
done
say "built $(cat "$out/kernel.release") in $((SECONDS - started))s"
echo "$out"
