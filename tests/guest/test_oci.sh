# SPDX-License-Identifier: GPL-2.0
# Real containers: crun runs busybox containers whose hooks call
# 'ctrpolicy oci-hook'.  The policy named by the annotation
# org.ctrpolicy.policy, or the hook's --default, confines the container
# from its program's first instruction; a container without a usable
# policy does not start; the policy goes with the container.

if ! command -v crun > /dev/null; then
	skip "containers run under crun" "crun is not in the image (apt-get install crun)"
	return 0
fi
. ./oci.sh

# with_hook_opts OPTIONS COMMAND...: the hooks of COMMAND's bundles get
# OPTIONS; without_stage COMMAND...: they name no stage.
with_hook_opts() { local OCI_HOOK_OPTS=$1; shift; "$@"; }
without_stage() { local OCI_STAGE_ARGS=no; "$@"; }

check "enforcement is on (module loaded, programs attached)" enforce_on
rm -rf /tmp/oci "$OCI_OUT"

# The denials of the whole test, as ctrpolicy monitor prints them, and the
# hook's messages in syslog.
ctrpolicy monitor > /tmp/oci-events.txt 2>/dev/null &
monitor=$!
syslogd -n -O /tmp/oci-syslog &
syslogd=$!
sleep 0.5

# Each container's program is the test program itself: its very first
# action is the one checked, so nothing ran before it unconfined.
check "unconfined (--default none), a container's program may mount" \
	with_hook_opts "--default none" oci_run open - try mount none /tmp tmpfs -
check "k8s-restricted: the container's first action, a mount, is denied (EPERM)" \
	oci_run mount k8s-restricted try --expect EPERM mount none /tmp tmpfs -
check "k8s-restricted: a raw socket is denied (EPERM)" \
	oci_run raw k8s-restricted net --expect EPERM socket inet raw icmp
check "k8s-restricted: a connect is allowed (nothing listens: ECONNREFUSED)" \
	oci_run connect-ok k8s-restricted net --expect ECONNREFUSED connect tcp 127.0.0.1 9
cat > /tmp/no-loopback.policy <<'EOF'
policy no-loopback
mode enforce
capabilities {
	allow net_bind_service
}
network {
	default allow
	deny connect 127.0.0.0/8
}
EOF
check "a policy by absolute path that denies connects to loopback: connect is denied (EPERM)" \
	oci_run connect /tmp/no-loopback.policy net --expect EPERM connect tcp 127.0.0.1 9

kill $monitor
wait $monitor 2>/dev/null
sed 's/^/#   /' /tmp/oci-events.txt
check "monitor: the mount's denial, by the container's policy" \
	grep -q 'deny mount mount type=tmpfs .*comm=try .*policy=k8s-restricted' /tmp/oci-events.txt
check "monitor: the raw socket's denial" \
	grep -q 'deny network socket inet raw .*comm=net .*policy=k8s-restricted' /tmp/oci-events.txt
check "monitor: the connect's denial, with the address" \
	grep -q 'deny network connect tcp.* 127.0.0.1:9 .*comm=net .*policy=no-loopback' /tmp/oci-events.txt
check "monitor: nothing of the runtime's own setup was denied (only try and net)" \
	sh -c "! grep -v 'comm=try\|comm=net' /tmp/oci-events.txt | grep -q deny"

# The default, and where it is missing.
check "an unannotated container gets --default k8s-restricted" \
	with_hook_opts "--policy-dir /ctrpolicy/policies --default k8s-restricted" \
	oci_run default - try --expect EPERM mount none /tmp tmpfs -
# not_started NAME PATTERN ANNOTATION: crun fails and says that the hook
# did, the hook's message matches PATTERN on its standard error (which crun
# shows only with run.oci.hooks.stderr) and in syslog, and the container's
# program never ran.
not_started() {
	local out
	rm -f "$OCI_OUT/$1"
	if out=$(oci_run "$1" "$3" touch "/out/$1" 2>&1); then
		echo "crun run succeeded: $out"
		return 1
	fi
	echo "crun: $out"
	echo "hook: $(cat "/tmp/oci/$1/hooks.err")"
	echo "$out" | grep -q 'error executing hook .*ctrpolicy.* (exit code: [1-9]' &&
		grep -q -- "$2" "/tmp/oci/$1/hooks.err" &&
		grep -q "ctrpolicy.*$2" /tmp/oci-syslog &&
		[ ! -e "$OCI_OUT/$1" ]
}
check "no annotation and no --default: the container does not start, crun shows why" \
	not_started no-default 'no org.ctrpolicy.policy annotation and no --default' -
printf 'policy broken\ncapabilities {\n\tallow sys_admn\n}\n' > /tmp/broken.policy
check "a broken policy file: the container does not start; the parse error is shown" \
	not_started broken '/tmp/broken.policy:3:8: error: unknown capability' /tmp/broken.policy
check "an unknown policy name: the container does not start" \
	not_started unknown 'no-such-policy.policy.*No such file' no-such-policy
check "a policy name that is not a plain name: the container does not start" \
	not_started traversal 'neither a name' ../policies/k8s-restricted
# The hook alone, with a state of the runtime's making.
check_fails "a state that is not JSON: the hook fails" \
	'the state on standard input is not a JSON object' \
	sh -c "echo '{\"id\": ' | ctrpolicy oci-hook createRuntime"
check_fails "a state without an id: the hook fails" \
	'no usable "id"' sh -c "echo '{\"pid\": 1}' | ctrpolicy oci-hook createRuntime"
check_fails "a program started without an execve() (crun's wasm handler): the hook fails" \
	'run.oci.handler: the runtime would start the program without an execve' \
	sh -c "echo '{\"id\": \"w\", \"pid\": $$, \"status\": \"creating\", \"annotations\": {\"org.ctrpolicy.policy\": \"k8s-restricted\", \"run.oci.handler\": \"wasm\"}}' | ctrpolicy oci-hook createRuntime"
check "no container's record is left behind" sh -c '! ls /run/ctrpolicy/containers/* 2>/dev/null'
check "syslog has a line for each policy loaded" \
	grep -q 'ctrpolicy.*container mount: policy /ctrpolicy/policies/k8s-restricted.policy on /sys/fs/cgroup/t-oci/mount, in force from its first execve()' /tmp/oci-syslog

# The policy lives as long as the container.
# run_detached NAME: crun run -d of bundle /tmp/oci/NAME; the container
# keeps what crun's standard streams are, so they go to a file.
run_detached() {
	$CRUN run -d --no-pivot -b "/tmp/oci/$1" "$1" > "/tmp/oci/$1.out" 2>&1 < /dev/null
	local status=$?
	cat "/tmp/oci/$1.out"
	return $status
}
oci_bundle /tmp/oci/long k8s-restricted sleep 600
check "a detached container under k8s-restricted" run_detached long
check "while it runs, its cgroup has the policy, in force" sh -c \
	"ctrpolicy list | grep -E '^$CG/$OCI_CGROUP/long +k8s-restricted +enforce '"
check "the hook recorded the cgroup for poststop" \
	grep -q " $CG/$OCI_CGROUP/long\$" /run/ctrpolicy/containers/long
check "crun delete -f: the container is killed, the poststop hook runs" \
	$CRUN delete -f long
check "after the container is gone its policy is gone" not_listed "$OCI_CGROUP/long"
check "and so is the record" test ! -e /run/ctrpolicy/containers/long
check "the poststop hook unloaded it (syslog)" \
	grep -q 'ctrpolicy.*container long: policy unloaded' /tmp/oci-syslog
check "after the containers that ran to their end, no policy is left" \
	not_listed "$OCI_CGROUP/"

# One hooks.d entry serves both stages: the hook tells them apart by the
# state's status.
check "hooks without a stage argument (hooks.d): confined" \
	without_stage oci_run nostage k8s-restricted try --expect EPERM mount none /tmp tmpfs -
nostage_gone() {
	not_listed "$OCI_CGROUP/nostage" && test ! -e /run/ctrpolicy/containers/nostage
}
check "and its policy is unloaded at poststop" nostage_gone

kill $syslogd
check "enforcement off, test cgroups removed" enforce_off
