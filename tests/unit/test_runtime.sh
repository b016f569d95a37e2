#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ctrpolicy runtime (tools/ctrpolicy/runtime.c), the OCI runtime front end,
# over a fake runtime that records its arguments: every runc global option
# and command passes through byte for byte, as 'ctrpolicy runtime' and as
# ctrpolicy-runc; create and run add the hooks to config.json, keeping all
# else (compared as JSON with json-c), once; runtime.conf chooses the
# runtime and restricts what a container may ask for; whatever cannot be
# done stops the container before the runtime runs.
# Usage: test_runtime.sh BUILD_DIR
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"

tool=$build/ctrpolicy
if [ ! -x "$tool" ]; then
	echo "ok - runtime # SKIP $tool is not built"
	exit 0
fi
build_test "runtime: the fake runtime" "$build/fake_runtime" \
	tests/unit/runtime/fake_runtime.c || exit 1
build_test "runtime: json_equal" "$build/json_equal" \
	tests/unit/runtime/json_equal.c -ljson-c || exit 1

fixtures=$root/tests/unit/runtime
fake=$build/fake_runtime
self=$(realpath "$tool")
export FAKE_RUNTIME_OUT=$tmp/argv
export CTRPOLICY_RUNTIME_CONF=$tmp/runtime.conf
ln -s "$tool" "$tmp/ctrpolicy-runc"

# conf LINE...: runtime.conf, the fake runtime and LINEs.
conf() {
	printf 'runtime = %s\n' "$fake" > "$CTRPOLICY_RUNTIME_CONF"
	printf '%s\n' "$@" >> "$CTRPOLICY_RUNTIME_CONF"
}

# result DESCRIPTION COMMAND...: ok when COMMAND succeeds; its output is
# shown as a comment when it does not.
result() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		echo "ok - runtime: $what"
	else
		printf '%s\n' "$out" | sed 's/^/# /'
		echo "not ok - runtime: $what"
	fi
}

# bundle DIR [FILE]: a bundle in DIR with FILE (the fixture) as config.json.
bundle() {
	rm -rf "$1"
	mkdir -p "$1"
	cp "${2:-$fixtures/config.json}" "$1/config.json"
}

# ---- pass-through ----------------------------------------------------------

# runc 1.1's 'runc --help' (Debian 12's runc), each global option and each
# command with its options, then the vectors containerd's runc shim (and
# Docker through it) passes, then crun's forms.  BUNDLE is a bundle; one
# vector a line, in shell quoting.
vectors=$(cat <<'EOF'
--debug state c1
--debug=true state c1
--log /run/runc.log state c1
--log=/run/runc.log state c1
-log /run/runc.log state c1
--log-format json state c1
--log-format=text state c1
--root /run/runc state c1
--root=/run/runc state c1
-root /run/runc state c1
--criu /usr/sbin/criu checkpoint c1
--systemd-cgroup create c1
--rootless auto list
--rootless=true list
--help
-h
--version
-v
checkpoint --image-path /tmp/img --work-path /tmp/w --leave-running --tcp-established c1
create --bundle BUNDLE --console-socket /run/sock --pid-file /run/pid --no-pivot --no-new-keyring --preserve-fds 2 c1
create -b BUNDLE c1
create c1
create c1 --bundle BUNDLE
create --help
delete --force c1
delete -f c1
events --interval 5s --stats c1
exec --tty --env A=1 --cwd / --user 0:0 --detach --pid-file /run/p c1 sh -c 'echo "a  b"'
exec -p /run/process.json c1
init
kill c1 KILL
kill --all c1 9
list --format json -q
pause c1
ps --format json c1 -- -ef
restore --image-path /tmp/img --bundle BUNDLE --detach c1
resume c1
run --bundle=BUNDLE --detach --keep c1
run -d -b BUNDLE --no-subreaper c1
run --help
spec --rootless --bundle /tmp/new
start c1
state c1
update --memory 1G --cpu-quota 1000 c1
update -r - c1
features
help
h
help create
--root /run/containerd/runc/default --log BUNDLE/log.json --log-format json create --bundle BUNDLE --pid-file BUNDLE/init.pid c1
--root /var/run/docker/runtime-runc/moby --log BUNDLE/log.json --log-format json --systemd-cgroup create --bundle BUNDLE --pid-file BUNDLE/init.pid --console-socket /tmp/pty.sock c1
--root /run/containerd/runc/default --log BUNDLE/log.json --log-format json start c1
--root /run/containerd/runc/default --log BUNDLE/log.json --log-format json delete --force c1
--root /run/containerd/runc/default --log BUNDLE/log.json --log-format json exec --process /tmp/p.json --detach --pid-file /tmp/p.pid c1
--cgroup-manager=cgroupfs run --no-pivot -b BUNDLE c1
--cgroup-manager cgroupfs --log-level=debug create -bBUNDLE c1
--usage
-V
exec c1 '' ' ' $'\xff\n' --bundle -b --
EOF
)

conf "default = docker-default"
bundle "$tmp/b"
# (create and run without a bundle option take the current directory.)
cd "$tmp/b" || exit 1
# passes VIA WORD...: VIA WORD... ran the runtime with exactly its path and
# the WORDs.
as_command() { "$tool" runtime "$@"; }
as_runc() { "$tmp/ctrpolicy-runc" "$@"; }
passes() {
	local via=$1
	shift
	rm -f "$FAKE_RUNTIME_OUT"
	"$via" "$@" || return 1
	printf '%s\0' "$fake" "$@" > "$tmp/want"
	cmp "$tmp/want" "$FAKE_RUNTIME_OUT"
}
while IFS= read -r line; do
	eval "args=(${line//BUNDLE/$tmp/b})"
	result "passed through byte for byte: $line" passes as_command "${args[@]}"
	result "passed through byte for byte as ctrpolicy-runc: $line" \
		passes as_runc "${args[@]}"
done <<< "$vectors"
cd "$root" || exit 1

# ---- config.json -------------------------------------------------------------

conf "default = docker-default" "policy-dir = /etc/ctrpolicy"
bundle "$tmp/b"
chmod 0640 "$tmp/b/config.json"
sed "s|@CTRPOLICY@|$self|" "$fixtures/expected.json" > "$tmp/expected.json"
result "create: the hooks are added after those there, all else kept (as JSON)" \
	sh -c '"$1" runtime create -b "$2" c1 && "$3" "$2/config.json" "$4"' \
	- "$tool" "$tmp/b" "$build/json_equal" "$tmp/expected.json"
result "the hooks' path is ctrpolicy's own, resolved" \
	grep -qF "\"path\":\"$self\"" "$tmp/b/config.json"
result "config.json keeps its mode (0640)" test "$(stat -c %a "$tmp/b/config.json")" = 640
result "no temporary file is left in the bundle" \
	test "$(ls -A "$tmp/b")" = config.json
cp "$tmp/b/config.json" "$tmp/once.json"
result "a second create adds nothing (byte for byte the same)" \
	sh -c '"$1" runtime run --bundle "$2" c1 && cmp "$2/config.json" "$3"' \
	- "$tool" "$tmp/b" "$tmp/once.json"

# policy_of BUNDLE: the annotation the hook will read.
policy_of() {
	grep -o '"org\.ctrpolicy\.policy":"[^"]*"' "$1/config.json" | cut -d'"' -f4
}
# with_env BUNDLE ITEMS: ITEMS (JSON strings) added to the fixture's env;
# with_annotation BUNDLE POLICY: the fixture's annotation for POLICY.
with_env() {
	sed -i "s|\"HOSTNAME=c1\"|\"HOSTNAME=c1\", $2|" "$1/config.json"
}
with_annotation() {
	sed -i "s|\"io.kubernetes.cri.container-type\": \"container\"|&, \"org.ctrpolicy.policy\": \"$2\"|" \
		"$1/config.json"
}

bundle "$tmp/e"
with_env "$tmp/e" '"CTRPOLICY_POLICY=web-server"'
"$tool" runtime create -b "$tmp/e" c1 > /dev/null 2>&1
result "the environment variable CTRPOLICY_POLICY becomes the annotation the hook reads" \
	test "$(policy_of "$tmp/e")" = web-server
bundle "$tmp/e"
with_env "$tmp/e" '"CTRPOLICY_POLICY=web-server"'
with_annotation "$tmp/e" k8s-restricted
"$tool" runtime create -b "$tmp/e" c1 > /dev/null 2>&1
result "the annotation comes before the environment variable" \
	test "$(policy_of "$tmp/e")" = k8s-restricted

# refused DESCRIPTION PATTERN BUNDLE WORD...: the runtime with the WORDs
# fails with PATTERN on stderr, the real runtime does not run, and
# config.json (if any) is as it was.
refused() {
	local what=$1 pattern=$2 b=$3 status
	shift 3
	rm -f "$FAKE_RUNTIME_OUT"
	[ ! -e "$b/config.json" ] || cp "$b/config.json" "$tmp/before"
	"$tool" runtime "$@" > "$tmp/out" 2> "$tmp/err"
	status=$?
	if [ $status -ne 0 ] && grep -q -- "$pattern" "$tmp/err" &&
	   [ ! -e "$FAKE_RUNTIME_OUT" ] &&
	   { [ ! -e "$b/config.json" ] || cmp -s "$tmp/before" "$b/config.json"; }; then
		echo "ok - runtime: $what (exit $status)"
	else
		sed 's/^/# /' "$tmp/err"
		echo "# exit status $status; runtime ran: $([ -e "$FAKE_RUNTIME_OUT" ] && echo yes || echo no)"
		echo "not ok - runtime: $what"
	fi
}

conf "allow = k8s-restricted docker-default"
bundle "$tmp/a"
with_env "$tmp/a" '"CTRPOLICY_POLICY=web-server"'
refused "allow: a policy asked for that is not in the list stops the container" \
	"policy 'web-server', asked for by the environment variable CTRPOLICY_POLICY, is not one that 'allow'" \
	"$tmp/a" create -b "$tmp/a" c1
bundle "$tmp/a"
with_annotation "$tmp/a" /tmp/mine.policy
refused "allow: a policy file by path, not in the list, stops the container" \
	"policy '/tmp/mine.policy', asked for by the annotation" "$tmp/a" create -b "$tmp/a" c1
bundle "$tmp/a"
with_annotation "$tmp/a" k8s-restricted
result "allow: a policy in the list is taken" \
	sh -c '"$1" runtime create -b "$2" c1 && grep -q k8s-restricted "$2/config.json"' \
	- "$tool" "$tmp/a"
conf "allow =" "default = docker-default"
refused "'allow =' (empty): no container may choose" "is not one that 'allow'" \
	"$tmp/a" create -b "$tmp/a" c1

conf "sources = annotation"
bundle "$tmp/s"
with_env "$tmp/s" '"CTRPOLICY_POLICY=web-server"'
refused "sources = annotation: the environment is not read (and no default: not started)" \
	"no policy: the container asks for none" "$tmp/s" create -b "$tmp/s" c1
conf "sources = env" "default = docker-default"
bundle "$tmp/s"
with_annotation "$tmp/s" web-server
"$tool" runtime create -b "$tmp/s" c1 > /dev/null 2>&1
result "sources = env: the annotation is removed, the hook takes its default" \
	sh -c '! grep -q org.ctrpolicy.policy "$1/config.json" && grep -q -- "--default\",\"docker-default" "$1/config.json"' \
	- "$tmp/s"
conf "sources = label"
refused "an unknown source in runtime.conf stops everything" "unknown source 'label'" \
	"$tmp/s" state c1
conf "alow = k8s-restricted"
refused "an unknown key in runtime.conf stops everything" "unknown key 'alow'" \
	"$tmp/s" state c1

conf
bundle "$tmp/n"
refused "no policy and no default: not started" \
	"no policy: .*has no 'default': not started (fail closed" "$tmp/n" create -b "$tmp/n" c1
bundle "$tmp/t"
with_env "$tmp/t" '"CTRPOLICY_POLICY=a", "CTRPOLICY_POLICY=b"'
refused "the environment sets CTRPOLICY_POLICY twice: not started" "sets CTRPOLICY_POLICY twice" \
	"$tmp/t" create -b "$tmp/t" c1
rm -f "$tmp/log.json" "$tmp/log.txt"
"$tool" runtime --root /run/x --log "$tmp/log.json" --log-format json create \
	--bundle "$tmp/n" c1 > /dev/null 2>&1
result "--log-format json: the reason, as runc logs it, in the --log file" \
	grep -qE '^\{"level":"error","msg":"ctrpolicy runtime: no policy: [^"]*","time":"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z"\}$' \
	"$tmp/log.json"
"$tool" runtime --log "$tmp/log.txt" create --bundle "$tmp/n" c1 > /dev/null 2>&1
result "text --log: the reason as runc's text lines" \
	grep -qE '^time="[0-9T:-]*Z" level=error msg="ctrpolicy runtime: no policy: [^"]*"$' "$tmp/log.txt"
conf "default = none"
result "default = none: an unannotated container runs, with the hooks' --default none" \
	sh -c '"$1" runtime create -b "$2" c1 && grep -q -- "--default\",\"none\",\"createRuntime" "$2/config.json"' \
	- "$tool" "$tmp/n"

# ---- fail closed -------------------------------------------------------------

conf "default = docker-default"
bundle "$tmp/f"
printf '{"ociVersion": "1.0.2", "process": ' > "$tmp/f/config.json"
refused "a config.json that is not JSON: not started" "config.json is not a JSON object" \
	"$tmp/f" create -b "$tmp/f" c1
printf '[]' > "$tmp/f/config.json"
refused "a config.json that is no object: not started" "is not a JSON object: another JSON value" \
	"$tmp/f" run -b "$tmp/f" c1
printf '{"hooks": []}' > "$tmp/f/config.json"
refused "hooks that are not an object: not started" '"hooks" is not an object' \
	"$tmp/f" create -b "$tmp/f" c1
printf '{"hooks": {"poststop": {}}}' > "$tmp/f/config.json"
refused "a hook stage that is not an array: not started" '"hooks" is not an object of arrays' \
	"$tmp/f" create -b "$tmp/f" c1
rm -f "$tmp/f/config.json"
refused "no config.json: not started" "config.json: No such file" "$tmp/f" create -b "$tmp/f" c1
bundle "$tmp/f"
refused "crun's --config (another file than config.json): not started" "drop the option" \
	"$tmp/f" create -b "$tmp/f" --config other.json c1
refused "an unknown global option: nothing runs" "unknown global option '--frobnicate'" \
	"$tmp/f" --frobnicate x create -b "$tmp/f" c1
# A read-only bundle: a read-only bind mount for root (who ignores modes).
if [ "$(id -u)" != 0 ]; then
	chmod a-w "$tmp/f"
	refused "a bundle it cannot write: not started" "cannot write in the bundle" \
		"$tmp/f" create -b "$tmp/f" c1
	chmod u+w "$tmp/f"
elif unshare -m true 2> /dev/null; then
	out=$(unshare -m sh -c 'mount --bind -o ro "$1" "$1" && mount -o remount,bind,ro "$1" &&
		"$2" runtime create -b "$1" c1; echo "exit $?"' - "$tmp/f" "$tool" 2>&1)
	if printf '%s\n' "$out" | grep -q 'cannot write in the bundle: Read-only file system' &&
	   printf '%s\n' "$out" | grep -q '^exit [1-9]' && [ ! -e "$FAKE_RUNTIME_OUT" ]; then
		echo "ok - runtime: a read-only bundle: not started"
	else
		printf '%s\n' "$out" | sed 's/^/# /'
		echo "not ok - runtime: a read-only bundle: not started"
	fi
else
	echo "ok - runtime: a read-only bundle # SKIP no mount namespace for a read-only bind mount"
fi

# ---- which runtime -----------------------------------------------------------

mkdir -p "$tmp/bin"
ln -s "$fake" "$tmp/bin/crun"
: > "$CTRPOLICY_RUNTIME_CONF"
result "no 'runtime': crun in PATH when there is no runc" \
	sh -c 'PATH=$1 "$2" runtime state c1 && grep -qz "^$1/crun\$" "$3"' \
	- "$tmp/bin" "$tool" "$FAKE_RUNTIME_OUT"
ln -s "$fake" "$tmp/bin/runc"
result "no 'runtime': runc in PATH first" \
	sh -c 'PATH=$1 "$2" runtime state c1 && grep -qz "^$1/runc\$" "$3"' \
	- "$tmp/bin" "$tool" "$FAKE_RUNTIME_OUT"
printf 'runtime = runc\n' > "$CTRPOLICY_RUNTIME_CONF"
ln -sf "$tool" "$tmp/bin/runc"
PATH=$tmp/bin:$PATH refused "a runtime that is ctrpolicy itself (runc replaced by a link): refused" \
	"is ctrpolicy itself" "$tmp/f" state c1
printf 'runtime = /nonexistent/runc\n' > "$CTRPOLICY_RUNTIME_CONF"
refused "a runtime that does not exist: refused" "/nonexistent/runc not found" "$tmp/f" state c1
