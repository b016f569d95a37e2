# SPDX-License-Identifier: GPL-2.0
# OCI bundles for crun, with ctrpolicy's hook; sourced by test_oci.sh and
# demo.sh.  Every container shares the busybox root file system that
# tests/vm/mkinitramfs.sh put in /ctrpolicy/oci/rootfs, with the test
# programs try and net in /bin, and sees the host's $OCI_OUT as /out.
#
# The initramfs root cannot be pivot_root'ed away from, so crun runs with
# --no-pivot (a move and a chroot); cgroups are managed by crun itself
# (cgroupfs), there being no systemd.

OCI_ROOTFS=/ctrpolicy/oci/rootfs
OCI_OUT=/tmp/oci-out
OCI_CGROUP=${OCI_CGROUP:-t-oci}
# The hook's options: the policies of the image, and no default.
OCI_HOOK_OPTS=${OCI_HOOK_OPTS:---policy-dir /ctrpolicy/policies}
CRUN="crun --cgroup-manager=cgroupfs"

# A JSON array of strings from the arguments, in one process (a process
# per argument costs seconds a container on the debug kernel).
json_array() {
	awk 'BEGIN {
		printf "["
		for (i = 1; i < ARGC; i++) {
			s = ARGV[i]
			gsub(/\\/, "\\\\", s); gsub(/"/, "\\\"", s)
			gsub(/\t/, "\\t", s); gsub(/\n/, "\\n", s)
			printf "%s\"%s\"", (i > 1 ? ", " : ""), s
		}
		printf "]"
	}' "$@"
}

# The hook as a config.json entry: ctrpolicy oci-hook OPTIONS [STAGE].
oci_hook_json() {
	# shellcheck disable=SC2086 # the options are words
	printf '{"path": "/usr/sbin/ctrpolicy", "args": %s}' \
		"$(json_array ctrpolicy oci-hook $OCI_HOOK_OPTS "$@")"
}

# oci_bundle DIR ANNOTATION COMMAND...: a bundle in DIR whose container
# runs COMMAND as root with a wide set of capabilities (so that what fails
# is ctrpolicy's doing), in its own PID, mount, UTS and IPC namespaces and
# the host's network.  ANNOTATION is the value of org.ctrpolicy.policy, or
# "-" for none; OCI_ANNOTATIONS, if set, are more ("KEY": "VALUE", ...).
# With OCI_STAGE_ARGS=no the hooks name no stage: the hook
# tells it from the state, as with the hooks.d file.  crun writes what the
# hooks print on standard error to DIR/hooks.err.
oci_bundle() {
	local dir=$1 annotation=$2 caps create poststop annotations
	shift 2
	caps=$(json_array CAP_SYS_ADMIN CAP_NET_RAW CAP_NET_ADMIN CAP_CHOWN \
		CAP_SETUID CAP_SETGID CAP_SETPCAP CAP_KILL CAP_NET_BIND_SERVICE \
		CAP_DAC_OVERRIDE CAP_SYS_CHROOT)
	if [ "${OCI_STAGE_ARGS:-yes}" = no ]; then
		create=$(oci_hook_json)
		poststop=$create
	else
		create=$(oci_hook_json createRuntime)
		poststop=$(oci_hook_json poststop)
	fi
	annotations="\"run.oci.hooks.stderr\": \"$dir/hooks.err\""
	[ "$annotation" = - ] ||
		annotations="$annotations, \"org.ctrpolicy.policy\": \"$annotation\""
	[ -z "${OCI_ANNOTATIONS:-}" ] || annotations="$annotations, $OCI_ANNOTATIONS"
	mkdir -p "$dir" "$OCI_OUT"
	cat > "$dir/config.json" <<EOF
{
	"ociVersion": "1.0.2",
	"process": {
		"terminal": false,
		"user": { "uid": 0, "gid": 0 },
		"args": $(json_array "$@"),
		"env": [ "PATH=/bin:/sbin:/usr/bin:/usr/sbin" ],
		"cwd": "/",
		"capabilities": {
			"bounding": $caps, "effective": $caps, "permitted": $caps
		}
	},
	"root": { "path": "$OCI_ROOTFS" },
	"hostname": "container",
	"mounts": [
		{ "destination": "/proc", "type": "proc", "source": "proc" },
		{ "destination": "/dev", "type": "tmpfs", "source": "tmpfs",
		  "options": [ "nosuid", "mode=755" ] },
		{ "destination": "/tmp", "type": "tmpfs", "source": "tmpfs" },
		{ "destination": "/out", "type": "bind", "source": "$OCI_OUT",
		  "options": [ "rbind", "rw" ] }
	],
	"hooks": {
		"createRuntime": [ $create ],
		"poststop": [ $poststop ]
	},
	"annotations": { $annotations },
	"linux": {
		"namespaces": [
			{ "type": "pid" }, { "type": "mount" }, { "type": "uts" },
			{ "type": "ipc" }
		],
		"cgroupsPath": "/$OCI_CGROUP/$(basename "$dir")"
	}
}
EOF
}

# oci_run NAME ANNOTATION COMMAND...: run a container named NAME to its
# end (crun run), from a bundle made for it; crun's exit status is the
# container's, or crun's own failure.
oci_run() {
	local name=$1
	shift
	oci_bundle "/tmp/oci/$name" "$@" && $CRUN run --no-pivot -b "/tmp/oci/$name" "$name"
}
