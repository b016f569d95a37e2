#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# 'make install', 'make install-dkms' and 'make uninstall' into a scratch
# DESTDIR: the files and their modes, the unit pointing at PREFIX (and
# accepted by systemd-analyze, man pages included), policies an admin edited
# kept.  Usage: test_install.sh BUILD_DIR (the cache is $CACHE, else .cache
# of the work tree).
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"
build=${1:?usage: test_install.sh BUILD_DIR}

# mk DESTDIR TARGET [VARIABLE=VALUE...]
mk() {
	local dest=$1
	shift
	make -C "$root" --no-print-directory CACHE="$cache" BUILD="$build" \
		DESTDIR="$dest" "$@" > "$tmp/make.log" 2>&1
}

# listing DIR: "MODE PATH" of every file and link below DIR.
listing() {
	(cd "$1" && find . \( -type f -o -type l \) -printf '%m %P\n' | sort -k2)
}

# same DESCRIPTION EXPECTED-FILE ACTUAL-FILE
same() {
	if diff -u "$2" "$3" > "$tmp/diff"; then
		echo "ok - install: $1"
	else
		sed 's/^/# /' "$tmp/diff"
		echo "not ok - install: $1"
	fi
}

# expected PREFIX KREL: the listing of 'make install'.
expected() {
	local prefix=${1#/} krel=$2 p
	{
		echo "644 etc/ctrpolicy/boot.conf"
		echo "644 etc/ctrpolicy/runtime.conf"
		for p in "$root"/policies/*.policy; do
			echo "644 etc/ctrpolicy/$(basename "$p")"
		done
		echo "644 lib/modules/$krel/updates/ctrpolicy.ko"
		echo "755 $prefix/lib/ctrpolicy/ctrpolicy-boot"
		echo "644 $prefix/lib/systemd/system/ctrpolicy.service"
		echo "755 $prefix/sbin/ctrpolicy"
		echo "777 $prefix/sbin/ctrpolicy-runc"
		echo "644 $prefix/share/bash-completion/completions/ctrpolicy"
		echo "644 $prefix/share/man/man5/ctrpolicy.policy.5"
		echo "644 $prefix/share/man/man8/ctrpolicy.8"
	} | sort -k2
}

d=$tmp/root
if ! mk "$d" install; then
	sed 's/^/# /' "$tmp/make.log"
	echo "not ok - install: make install DESTDIR=... succeeds"
	exit 1
fi
echo "ok - install: make install DESTDIR=... succeeds"
krel=$(basename "$(dirname "$(dirname "$(find "$d/lib/modules" -name ctrpolicy.ko)")")")
expected /usr/local "$krel" > "$tmp/want"
listing "$d" > "$tmp/got"
same "the files under PREFIX=/usr/local, /etc and /lib/modules ($krel)" "$tmp/want" "$tmp/got"

if readelf -S "$d/lib/modules/$krel/updates/ctrpolicy.ko" 2> /dev/null | grep -q ' \.BTF '; then
	echo "ok - install: the installed module has BTF"
else
	echo "not ok - install: the installed module has BTF"
fi
unit=$d/usr/local/lib/systemd/system/ctrpolicy.service
grep '^Exec' "$unit" > "$tmp/got"
cat > "$tmp/want" <<'EOF'
ExecStartPre=-/sbin/modprobe ctrpolicy
ExecStartPre=/usr/local/sbin/ctrpolicy status
ExecStart=/usr/local/lib/ctrpolicy/ctrpolicy-boot
ExecReload=/usr/local/lib/ctrpolicy/ctrpolicy-boot
EOF
same "the unit runs the tool and the helper from PREFIX" "$tmp/want" "$tmp/got"
page=$d/usr/local/share/man/man8/ctrpolicy.8
if grep -q '^\.I /usr/local/lib/ctrpolicy/ctrpolicy\\-boot$' "$page" &&
   grep -q '"path": "/usr/local/sbin/ctrpolicy"' "$page" && ! grep -q '/usr/sbin/\|/usr/lib/' "$page"; then
	echo "ok - install: ctrpolicy.8 names the helper and the tool under PREFIX"
else
	grep -n '/usr/' "$page" | sed 's/^/# /'
	echo "not ok - install: ctrpolicy.8 names the helper and the tool under PREFIX"
fi

# systemd-analyze checks that the programs exist and, through man(1), that
# the pages of Documentation= do: point both into DESTDIR.
if command -v systemd-analyze > /dev/null && command -v man > /dev/null; then
	mkdir -p "$tmp/unit"
	sed "s|/usr/local/|$d/usr/local/|" "$unit" > "$tmp/unit/ctrpolicy.service"
	if MANPATH=$d/usr/local/share/man systemd-analyze verify \
		"$tmp/unit/ctrpolicy.service" > "$tmp/out" 2>&1 && [ ! -s "$tmp/out" ]; then
		echo "ok - install: systemd-analyze verify accepts the installed unit and finds its man pages"
	else
		sed 's/^/# /' "$tmp/out"
		echo "not ok - install: systemd-analyze verify accepts the installed unit and finds its man pages"
	fi
else
	echo "ok - install: systemd-analyze verify # SKIP systemd or man-db is not installed"
fi

# A second install keeps what the admin changed in /etc/ctrpolicy.
echo "# mine" >> "$d/etc/ctrpolicy/web-server.policy"
echo "machine.slice web-server.policy" > "$d/etc/ctrpolicy/boot.conf"
cp "$d/etc/ctrpolicy/web-server.policy" "$d/etc/ctrpolicy/boot.conf" "$tmp/"
if mk "$d" install && cmp -s "$tmp/web-server.policy" "$d/etc/ctrpolicy/web-server.policy" &&
   cmp -s "$tmp/boot.conf" "$d/etc/ctrpolicy/boot.conf"; then
	echo "ok - install: a second install keeps the edited policy and boot.conf"
else
	echo "not ok - install: a second install keeps the edited policy and boot.conf"
fi

if mk "$d" uninstall; then
	listing "$d" > "$tmp/got"
	printf '644 etc/ctrpolicy/boot.conf\n644 etc/ctrpolicy/web-server.policy\n' > "$tmp/want"
	same "make uninstall removes all but the files the admin edited" "$tmp/want" "$tmp/got"
else
	sed 's/^/# /' "$tmp/make.log"
	echo "not ok - install: make uninstall succeeds"
fi

# PREFIX=/usr: the unit follows.
d=$tmp/usr
if mk "$d" install PREFIX=/usr && grep -qx 'ExecStart=/usr/lib/ctrpolicy/ctrpolicy-boot' \
	"$d/usr/lib/systemd/system/ctrpolicy.service" && [ -x "$d/usr/sbin/ctrpolicy" ]; then
	echo "ok - install: PREFIX=/usr puts the tool in /usr/sbin and the unit's helper in /usr/lib/ctrpolicy"
else
	sed 's/^/# /' "$tmp/make.log"
	echo "not ok - install: PREFIX=/usr puts the tool in /usr/sbin and the unit's helper in /usr/lib/ctrpolicy"
fi

# install-dkms: the module's sources instead of the module.
d=$tmp/dkms
version=$(sed -n 's/^#define CTRPOLICY_VERSION "\(.*\)"/\1/p' "$root/kernel/common.h")
if mk "$d" install-dkms; then
	listing "$d" > "$tmp/got"
	if grep -q ' lib/modules/' "$tmp/got"; then
		echo "not ok - install: install-dkms installs no module"
	else
		echo "ok - install: install-dkms installs no module"
	fi
	src=usr/src/ctrpolicy-$version
	for f in dkms.conf Makefile Kbuild kernel/module.c include/uapi/linux/ctrpolicy.h \
		 tools/btfids/btfids.c; do
		grep -qx "644 $src/$f" "$tmp/got" || echo "# missing: 644 $src/$f"
	done > "$tmp/missing"
	grep -qx "755 $src/tools/vmlinux-btf.sh" "$tmp/got" ||
		echo "# missing: 755 $src/tools/vmlinux-btf.sh" >> "$tmp/missing"
	grep -q "usr/local/sbin/ctrpolicy$" "$tmp/got" || echo "# missing: the tool" >> "$tmp/missing"
	if [ ! -s "$tmp/missing" ]; then
		echo "ok - install: install-dkms puts the sources in /$src, and the tool"
	else
		cat "$tmp/missing"
		echo "not ok - install: install-dkms puts the sources in /$src, and the tool"
	fi
	mk "$d" uninstall
	if [ ! -e "$d/$src" ]; then
		echo "ok - install: make uninstall removes /$src"
	else
		echo "not ok - install: make uninstall removes /$src"
	fi
else
	sed 's/^/# /' "$tmp/make.log"
	echo "not ok - install: make install-dkms succeeds"
fi
