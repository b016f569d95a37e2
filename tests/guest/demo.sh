#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The scripted demo run by 'make demo' (the module is already loaded).

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { echo "\$ $*"; "$@"; }
# A shell "inside the container": a member of the confined cgroup.
confined() {
	echo "[container]\$ $*"
	sh -c 'echo $$ > /sys/fs/cgroup/container/cgroup.procs && exec "$@"' confined "$@"
}

say "The BPF LSM is active, the module is loaded"
run cat /sys/kernel/security/lsm
run lsmod
say "Attach the BPF-LSM programs that call the module"
run ctrpolicy attach
run ctrpolicy status

say "A container's cgroup and its policy: no sys_admin, no chown"
mkdir -p /sys/fs/cgroup/container
cat > /tmp/container.policy <<'POLICY'
# What this container may do with its capabilities.
policy demo-container
mode enforce

capabilities {
	allow setuid setgid kill net_bind_service
}
POLICY
run cat /tmp/container.policy
run ctrpolicy load /tmp/container.policy --cgroup /sys/fs/cgroup/container
run ctrpolicy list

say "Denials, live (ctrpolicy monitor)"
ctrpolicy monitor --count 2 2>/dev/null | sed 's/^/[monitor] /' &
sleep 1
touch /tmp/file && chown 1000 /tmp/file
confined hostname container
confined chown 0 /tmp/file
sleep 1

say "The host is not confined"
run hostname host-renamed
run chown 0 /tmp/file
run hostname

say "Counters"
run ctrpolicy list
