#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch a Debian package of the host's suite into a cache, unpacked with
# dpkg-deb, never installed, for programs the guest runs that the host
# need not have: containerd (containerd, ctr, containerd-shim-runc-v2, for
# tests/guest/test_runtime.sh) and apparmor (apparmor_parser, for the
# benchmark's AppArmor configuration).  Checks that each PROGRAM is in
# DIR of the package and prints that directory.  Without apt metadata
# (offline), an already fetched version is reused.
#
# usage: fetch-package.sh CACHE_DIR PACKAGE DIR PROGRAM...
set -euo pipefail

usage="usage: fetch-package.sh CACHE_DIR PACKAGE DIR PROGRAM..."
[ $# -ge 4 ] || { echo "$usage" >&2; exit 2; }
cache=$(realpath -m "$1")
package=$2 dir=$3
shift 3
mkdir -p "$cache"

# (awk reads to the end: see fetch-kernel.sh.)
version=$(apt-cache show "$package" 2>/dev/null |
	awk '/^Version: / && !v { v = $2 } END { print v }')
if [ -z "$version" ]; then
	found=$(ls -d "$cache/$package"-*/.complete 2>/dev/null | tail -n 1)
	if [ -n "$found" ]; then
		echo "fetch-package: apt knows no $package; reusing $(dirname "$found")" >&2
		echo "$(dirname "$found")/$dir"
		exit 0
	fi
	echo "fetch-package: cannot find Debian's $package: run 'apt-get update' (as root) first" >&2
	exit 1
fi

root="$cache/$package-${version//[~:]/_}"
if [ ! -f "$root/.complete" ]; then
	debs="$cache/debs-$package"
	rm -rf "$root" "$debs"
	mkdir -p "$debs" "$root"
	echo "fetch-package: downloading Debian $package $version" >&2
	# (apt-get download writes into the current directory; the sandbox
	# warning is expected, as for the kernel.)
	(cd "$debs" && apt-get download -q "$package=$version" 2>&1 |
		grep -v 'unsandboxed' >&2 || true)
	for deb in "$debs"/*.deb; do
		dpkg-deb -x "$deb" "$root"
	done
	for prog in "$@"; do
		[ -x "$root/$dir/$prog" ] || {
			echo "fetch-package: download failed: no $dir/$prog in $debs" >&2
			exit 1
		}
	done
	rm -rf "$debs"
	touch "$root/.complete"
fi
echo "$root/$dir"
