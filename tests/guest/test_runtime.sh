# SPDX-License-Identifier: GPL-2.0
# The engines without hooks.d: containerd (Debian 12's 1.6, with ctr and
# its runc shim) runs containers of a local image with 'ctr run
# --runc-binary /usr/sbin/ctrpolicy-runc', and ctrpolicy runtime over crun
# adds the hook: the container's first action is denied, the policy goes
# with the task, a container without a policy does not start.  Then the
# front end over crun alone, with hooks of the container's own.

if ! command -v containerd > /dev/null || ! command -v crun > /dev/null; then
	skip "containers under containerd through ctrpolicy-runc" \
		"containerd or crun is not in the image (tests/vm/fetch-package.sh)"
	return 0
fi
. ./oci.sh

IMAGE=docker.io/ctrpolicy/busybox:test
# runtime_conf LINE...: /etc/ctrpolicy/runtime.conf, crun and the image's
# policies, then LINEs.
runtime_conf() {
	mkdir -p /etc/ctrpolicy
	printf 'runtime = /tmp/crun-np\npolicy-dir = /ctrpolicy/policies\n' \
		> /etc/ctrpolicy/runtime.conf
	printf '%s\n' "$@" >> /etc/ctrpolicy/runtime.conf
}
# The real runtime below the front end: crun, after recording the
# arguments it got (what containerd's runc shim passes, through the front
# end) in /tmp/rt-argv.txt.  The initramfs root cannot be pivot_root'ed
# away from, so it adds --no-pivot to create: ctr's own --no-pivot would
# drop --runc-binary (in containerd 1.6 the task's options replace the
# container's, BinaryName included).
cat > /tmp/crun-np <<'EOF2'
#!/bin/sh
echo "$*" >> /tmp/rt-argv.txt
added=
for a; do
	shift
	set -- "$@" "$a"
	if [ -z "$added" ] && [ "$a" = create ]; then
		set -- "$@" --no-pivot
		added=1
	fi
done
exec /usr/bin/crun "$@"
EOF2
chmod +x /tmp/crun-np
# ctrun ARG...: ctr run through the front end (RUNC_BINARY, where set,
# instead); privileged, so that what is denied is ctrpolicy's doing; the
# native snapshotter needs no overlayfs.
ctrun() {
	ctr run --snapshotter native --runc-binary "${RUNC_BINARY:-/usr/sbin/ctrpolicy-runc}" \
		--privileged "$@"
}

check "enforcement is on (module loaded, programs attached)" enforce_on
mkdir -p /etc/containerd /var/lib/containerd
# (Without CRI: no Kubernetes here, and its plugin wants CNI.)
cat > /etc/containerd/config.toml <<'EOF'
version = 2
disabled_plugins = ["io.containerd.grpc.v1.cri"]
EOF
containerd --config /etc/containerd/config.toml > /tmp/containerd.log 2>&1 &
containerd=$!
# containerd_up: containerd answers within a minute (its start under TCG
# takes seconds); its log when it does not.
containerd_up() {
	local i=0
	while [ $i -lt 300 ]; do
		ctr version > /dev/null 2>&1 && return 0
		sleep 0.2
		i=$((i + 1))
	done
	tail -n 20 /tmp/containerd.log
	return 1
}
check "containerd answers" containerd_up
check "ctr image import of the project's busybox image (OCI archive)" \
	ctr image import --snapshotter native /ctrpolicy/oci/busybox.tar
check "the image is listed" sh -c "ctr image ls -q | grep -qx '$IMAGE'"

ctrpolicy monitor > /tmp/rt-events.txt 2>/dev/null &
monitor=$!
sleep 0.5

runtime_conf "default = none"
check "default = none: an unannotated container runs unconfined (sethostname succeeds)" \
	ctrun --rm "$IMAGE" free try sethostname free
echo "# what containerd's runc shim passed to the runtime:"
sed 's/^/#   /' /tmp/rt-argv.txt
# The shim's create, as tests/unit/test_runtime.sh passes it through byte
# for byte: global options (--root, --log, --log-format json) first.
check "the shim's create vector reached crun untouched (the unit tests' form)" \
	grep -qE '^--root /run/containerd/runc/default --log [^ ]*/free/log.json --log-format json create --bundle [^ ]*/free --pid-file [^ ]*/free/init.pid free$' /tmp/rt-argv.txt
check "annotation k8s-restricted: the container's first action, sethostname, is denied (EPERM)" \
	ctrun --rm --annotation org.ctrpolicy.policy=k8s-restricted "$IMAGE" ann \
	try --expect EPERM sethostname ann
check "environment CTRPOLICY_POLICY=k8s-restricted (Docker's way): denied (EPERM)" \
	ctrun --rm --env CTRPOLICY_POLICY=k8s-restricted "$IMAGE" env \
	try --expect EPERM sethostname env

# The policy lives as long as the task.
check "a detached container under k8s-restricted" \
	ctrun -d --annotation org.ctrpolicy.policy=k8s-restricted "$IMAGE" long sleep 600
check "while it runs, its cgroup has the policy, in force" \
	eventually sh -c "ctrpolicy list | grep -E '/long +k8s-restricted +enforce '"
ctrpolicy list | sed 's/^/#   /'
check "the hook recorded its cgroup" test -e /run/ctrpolicy/containers/long
ctr task kill -s KILL long
check "ctr task delete: the poststop hook ran" eventually ctr task delete long
check "after the task is gone its policy is gone" not_listed "/long +"
check "and so is the record" test ! -e /run/ctrpolicy/containers/long
check "ctr container delete" ctr container delete long

# No policy: not started, and containerd says why.
runtime_conf
# not_started NAME PATTERN ARG...: ctr run fails, its message (the shim's,
# from the runtime's JSON log) matches PATTERN, the program did not run.
not_started() {
	local name=$1 pattern=$2 out
	shift 2
	rm -f "$OCI_OUT/$name"
	mkdir -p "$OCI_OUT"
	if out=$(ctrun --rm --mount "type=bind,src=$OCI_OUT,dst=/out,options=rbind:rw" \
			"$@" "$IMAGE" "$name" touch "/out/$name" 2>&1); then
		echo "ctr run succeeded: $out"
		return 1
	fi
	echo "ctr: $out"
	ctr container delete "$name" > /dev/null 2>&1
	echo "$out" | grep -q -- "$pattern" && [ ! -e "$OCI_OUT/$name" ]
}
check "no policy and no default: the container does not start, ctr shows why" \
	not_started nopol 'ctrpolicy.*no policy: the container asks for none'
# Fail closed: a config.json the front end cannot parse (cut short by a
# runtime placed before it) stops the container, and its message, written
# in the JSON log format containerd's shim asks for, reaches ctr.
printf '#!/bin/sh\nprev=\nfor a; do\n\t[ "$prev" = --bundle ] && printf "{\\"ociVersion\\": " > "$a/config.json"\n\tprev=$a\ndone\nexec /usr/sbin/ctrpolicy-runc "$@"\n' > /tmp/rt-cut
chmod +x /tmp/rt-cut
runtime_conf "default = none"
RUNC_BINARY=/tmp/rt-cut
check "a config.json cut short: the container does not start, ctr shows ctrpolicy's message" \
	not_started cut 'ctrpolicy.*config.json.*not started'
unset RUNC_BINARY
check "control: the same image and default starts through the front end" \
	ctrun --rm "$IMAGE" uncut true
runtime_conf "allow = docker-default"
check "a policy not in runtime.conf's allow list: the container does not start" \
	not_started notallowed "policy 'k8s-restricted', asked for by the environment variable" \
	--env CTRPOLICY_POLICY=k8s-restricted
check "runtime.conf's allow list: an allowed policy runs" \
	ctrun --rm --env CTRPOLICY_POLICY=docker-default "$IMAGE" allowed true

kill $monitor
wait $monitor 2>/dev/null
sed 's/^/#   /' /tmp/rt-events.txt
check "monitor: the sethostname denials, by the container's policy" \
	grep -q 'deny capability.*sys_admin.*comm=try.*policy=k8s-restricted' /tmp/rt-events.txt
check "monitor: nothing of containerd's, the shim's or crun's setup was denied" \
	sh -c "! grep -v 'comm=try' /tmp/rt-events.txt | grep -q deny"

# The front end over crun alone, with a createRuntime and a prestart hook
# of the container's own: both kept, both run.
runtime_conf
oci_bundle /tmp/oci/own k8s-restricted try --expect EPERM sethostname own
sed -i -e '/"createRuntime": \[/d' -e 's|"poststop": \[.*\]|"prestart": [{"path": "/bin/touch", "args": ["touch", "/tmp/oci/own.prestart"]}], "createRuntime": [{"path": "/bin/touch", "args": ["touch", "/tmp/oci/own.createRuntime"]}]|' \
	/tmp/oci/own/config.json
check "crun through ctrpolicy-runc: confined (EPERM)" \
	ctrpolicy-runc --cgroup-manager=cgroupfs run --no-pivot -b /tmp/oci/own own
check "the container's own prestart and createRuntime hooks ran" \
	test -e /tmp/oci/own.prestart -a -e /tmp/oci/own.createRuntime
check "its policy is gone with it" not_listed "$OCI_CGROUP/own"

kill $containerd
wait $containerd 2>/dev/null
check "containerd logged no panic" sh -c "! grep -q panic /tmp/containerd.log"
check "enforcement off, test cgroups removed" enforce_off
