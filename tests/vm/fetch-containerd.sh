#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch Debian's containerd (containerd, ctr, containerd-shim-runc-v2) into
# a cache, unpacked with dpkg-deb, never installed, for the guest test of
# 'ctrpolicy runtime' with a real engine (tests/guest/test_runtime.sh).
# Prints the directory of the three programs.  Without apt metadata
# (offline), an already fetched one is reused.
#
# usage: fetch-containerd.sh CACHE_DIR
set -euo pipefail

cache=$(realpath -m "${1:?usage: fetch-containerd.sh CACHE_DIR}")
mkdir -p "$cache"

# (awk reads to the end: see fetch-kernel.sh.)
version=$(apt-cache show containerd 2>/dev/null |
	awk '/^Version: / && !v { v = $2 } END { print v }')
if [ -z "$version" ]; then
	found=$(ls -d "$cache"/containerd-*/.complete 2>/dev/null | tail -n 1)
	if [ -n "$found" ]; then
		echo "fetch-containerd: apt knows no containerd; reusing $(dirname "$found")" >&2
		echo "$(dirname "$found")/usr/bin"
		exit 0
	fi
	echo "fetch-containerd: cannot find Debian's containerd: run 'apt-get update' (as root) first" >&2
	exit 1
fi

root="$cache/containerd-${version//[~:]/_}"
if [ ! -f "$root/.complete" ]; then
	debs="$cache/debs-containerd"
	rm -rf "$root" "$debs"
	mkdir -p "$debs" "$root"
	echo "fetch-containerd: downloading Debian containerd $version" >&2
	# (apt-get download writes into the current directory; the sandbox
	# warning is expected, as for the kernel.)
	(cd "$debs" && apt-get download -q "containerd=$version" 2>&1 |
		grep -v 'unsandboxed' >&2 || true)
	for deb in "$debs"/*.deb; do
		dpkg-deb -x "$deb" "$root"
	done
	for prog in containerd ctr containerd-shim-runc-v2; do
		[ -x "$root/usr/bin/$prog" ] || {
			echo "fetch-containerd: download failed: no $prog in $debs" >&2
			exit 1
		}
	done
	rm -rf "$debs"
	touch "$root/.complete"
fi
echo "$root/usr/bin"
