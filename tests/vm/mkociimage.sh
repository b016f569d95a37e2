#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# An OCI image archive (image-layout: oci-layout, index.json, blobs) of a
# root file system directory: one uncompressed layer, a config, a
# manifest, named NAME for 'ctr image import' (the annotation
# io.containerd.image.name).  The same tree gives the same archive.
#
# usage: mkociimage.sh ROOTFS OUTPUT.tar NAME
set -euo pipefail

rootfs=$1 out=$2 name=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
blobs=$work/blobs/sha256
mkdir -p "$blobs"
tar_opts=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=posix
	  --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)

# blob FILE: FILE moved into the blobs; prints "DIGEST SIZE".
blob() {
	local digest size
	digest=$(sha256sum "$1" | cut -d' ' -f1)
	size=$(stat -c %s "$1")
	mv "$1" "$blobs/$digest"
	echo "$digest $size"
}

# The layer: the tree's entries without a leading "./".
(cd "$rootfs" && find . -mindepth 1 | LC_ALL=C sort | sed 's|^\./||' |
	tar "${tar_opts[@]}" --no-recursion -cf "$work/layer" -T -)
read -r layer layer_size < <(blob "$work/layer")

cat > "$work/config" <<JSON
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=/usr/sbin:/usr/bin:/sbin:/bin"],"Cmd":["sh"],"WorkingDir":"/"},"rootfs":{"type":"layers","diff_ids":["sha256:$layer"]}}
JSON
read -r config config_size < <(blob "$work/config")

cat > "$work/manifest" <<JSON
{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.image.config.v1+json","digest":"sha256:$config","size":$config_size},"layers":[{"mediaType":"application/vnd.oci.image.layer.v1.tar","digest":"sha256:$layer","size":$layer_size}]}
JSON
read -r manifest manifest_size < <(blob "$work/manifest")

echo '{"imageLayoutVersion":"1.0.0"}' > "$work/oci-layout"
cat > "$work/index.json" <<JSON
{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"sha256:$manifest","size":$manifest_size,"platform":{"architecture":"amd64","os":"linux"},"annotations":{"io.containerd.image.name":"$name","org.opencontainers.image.ref.name":"${name##*:}"}}]}
JSON
tar "${tar_opts[@]}" -C "$work" -cf "$out.tmp" oci-layout index.json blobs
mv "$out.tmp" "$out"
