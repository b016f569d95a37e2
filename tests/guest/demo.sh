#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The scripted demo run by 'make demo' (the module is already loaded): a
# container started by crun, confined by the policy its annotation names
# through ctrpolicy's OCI hook, its denials shown live.

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { echo "\$ $*"; "$@"; }

cd /ctrpolicy/tests || exit 1
if ! command -v crun > /dev/null; then
	echo "demo: crun is not in the image: install it on the build host (apt-get install crun)"
	exit 1
fi
. ./oci.sh
OCI_CGROUP=demo

say "The BPF LSM is active, the module is loaded"
run cat /sys/kernel/security/lsm
echo
run lsmod
say "Attach the BPF-LSM programs that call the module"
run ctrpolicy attach
run ctrpolicy status

say "A policy for a web container: no mounts, no raw sockets, no connects but DNS"
cat > /tmp/web.policy <<'POLICY'
policy web
mode enforce

capabilities {
	allow chown setuid setgid net_bind_service
}

mount {
	default deny
}

network {
	default allow
	socket deny inet raw
	socket deny packet
	deny connect tcp
	allow connect udp port 53
}
POLICY
run cat /tmp/web.policy

# What the container runs: its program is the shell, confined from its
# first instruction.
oci_bundle /tmp/oci/web /tmp/web.policy sh -c '
	echo "[container] I am $(hostname), pid $$, cgroup $(cut -d: -f3 /proc/self/cgroup)"
	for cmd in "mount -t tmpfs none /mnt" "hostname pwned" \
		"net socket inet raw icmp" "net connect tcp 10.0.0.1 443" \
		"net connect udp 127.0.0.1 53"; do
		echo "[container]\$ $cmd"
		$cmd 2>&1 | while read -r line; do echo "[container] $line"; done
		sleep 0.3
	done
	touch /out/web.done
	sleep 2'
say "Its OCI bundle: the hook runs ctrpolicy at createRuntime and poststop"
run grep -A3 -E '"(createRuntime|poststop|annotations)"' /tmp/oci/web/config.json

say "Denials, live (ctrpolicy monitor), while crun runs the container"
# (sed would print each line only once it has read the next one)
ctrpolicy monitor 2>/dev/null | while read -r line; do echo "[monitor] $line"; done &
sleep 1
rm -f "$OCI_OUT/web.done"
run $CRUN run -d --no-pivot -b /tmp/oci/web web
while [ ! -e "$OCI_OUT/web.done" ]; do sleep 0.2; done

say "While it runs: the policy on its cgroup, and the counters"
run ctrpolicy list
while ! $CRUN state web | grep -q '"stopped"'; do sleep 0.2; done
say "It has exited: crun delete runs the poststop hook, which unloads the policy"
run $CRUN delete web
run ctrpolicy list

say "A container without a policy (no annotation, no --default) does not start"
oci_bundle /tmp/oci/nopolicy - echo "this never runs"
run $CRUN run --no-pivot -b /tmp/oci/nopolicy nopolicy
echo "(exit status $?; the hook said:)"
cat /tmp/oci/nopolicy/hooks.err

say "The host is not confined"
mkdir -p /mnt
run mount -t tmpfs none /mnt
run umount /mnt
run hostname
