# SPDX-License-Identifier: GPL-2.0
# Every command of the admin tool, for real: status, attach, detach, list,
# show, load and unload (by cgroup and by container id), check, diff,
# monitor, include, -j, and the documented exit codes.

ID=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
SCOPE=$CG/system.slice/docker-$ID.scope
TWIN=$CG/t-tool-twin/docker-0123ffff456789abcdef0123456789abcdef0123456789abcdef0123456789ab.scope
cleanup_containers() { rmdir $SCOPE $CG/system.slice $TWIN 2>/dev/null; true; }

if [ -z "$NATIVE" ]; then
	ctrpolicy detach
	unload_module
	check_exit 3 "status without the module: exit 3" ctrpolicy status
	check "status without the module says to run modprobe" \
		output_has "module not loaded: run 'modprobe ctrpolicy'" ctrpolicy status
	check_exit 3 "list without the module: exit 3" ctrpolicy list
	check "list without the module says to run modprobe" \
		output_has "modprobe ctrpolicy" ctrpolicy list
	check "status -j without the module says module_loaded false" sh -c \
		"ctrpolicy -j status 2>/dev/null | grep -q '\"module_loaded\":false'"
	check "the module loads" load_module
	# Nothing attached until the first policy: the host pays for no hook.
	check_exit 0 "status with the module and no policy: exit 0" ctrpolicy status
	check "status says enforcement attaches with the first policy loaded" \
		output_has "enforcement attaches with the first policy loaded" ctrpolicy status
	check "status -j: no policy, no program holding the module, attached false, enforced true" sh -c \
		"ctrpolicy -j status | grep '\"policies\":0,\"module_users\":0' |
		 grep -q '\"attached\":false.*\"enforced\":true'"
	mkdir -p $CG/t-tool-early
	write_policy /tmp/early.policy early enforce chown
	# load_quiet ARGS...: ctrpolicy load works and prints no warning.
	load_quiet() {
		local out
		out=$(ctrpolicy load "$@" 2>&1) && ! printf '%s\n' "$out" | grep -q warning ||
			{ printf '%s\n' "$out"; return 1; }
	}
	check "the first load attaches enforcement, and warns of nothing" \
		load_quiet /tmp/early.policy --cgroup $CG/t-tool-early
	check "  status says enforcement attached" \
		output_has "enforcement attached: yes" ctrpolicy status
	check "  the policy confines at once: sethostname denied (EPERM)" \
		in_cgroup $CG/t-tool-early $TRY --expect EPERM sethostname early
	check "attach again is harmless" ctrpolicy attach
	check "load after attach does not warn" \
		load_quiet /tmp/early.policy --cgroup $CG/t-tool-early
	# Where attaching fails, no policy is loaded: the kernel refuses it.
	check "detach, the policy left loaded" ctrpolicy detach
	check_exit 6 "  status, a policy loaded and nothing attached: exit 6" ctrpolicy status
	check "  unload it" ctrpolicy unload --cgroup $CG/t-tool-early
	umount /sys/fs/bpf
	check_fails "a load that cannot attach (no BPF file system) fails: exit 6" exit=6 \
		ctrpolicy load /tmp/early.policy --cgroup $CG/t-tool-early
	check_fails "  and loads nothing" exit=7 ctrpolicy show --cgroup $CG/t-tool-early
	check_exit 0 "  and status says nothing is to enforce: exit 0" ctrpolicy status
	mount -t bpf bpf /sys/fs/bpf
	# Loads at once with nothing attached attach once, and all load.
	for i in 1 2 3 4; do mkdir -p $CG/t-tool-early$i; done
	check "four loads at once, nothing attached: every one loads" sh -c \
		"pids=; for i in 1 2 3 4; do
		 	ctrpolicy load /tmp/early.policy --cgroup $CG/t-tool-early\$i & pids=\"\$pids \$!\"
		 done
		 fail=0; for p in \$pids; do wait \$p || fail=1; done; exit \$fail"
	check_exit 0 "  status: attached, exit 0" ctrpolicy status
	check "  the last of them confines: sethostname denied (EPERM)" \
		in_cgroup $CG/t-tool-early4 $TRY --expect EPERM sethostname early
	for i in 1 2 3 4; do ctrpolicy unload --cgroup $CG/t-tool-early$i; done
	check "the first load attached: it stays once the policies are unloaded" \
		output_has "enforcement attached: yes" ctrpolicy status
	check "the pins are in /sys/fs/bpf/ctrpolicy" test -d /sys/fs/bpf/ctrpolicy
else
	check "enforcement is on" enforce_on
fi
check_exit 0 "status: exit 0 once attached" ctrpolicy status
check "status says enforcement attached" \
	output_has "enforcement attached: yes" ctrpolicy status
# The mode, and the LSM list that decides it: bpf in it but for fmod_ret.
if [ -n "$NATIVE" ]; then
	mode=native lsms='[^"]*'
elif [ -n "$FMOD_RET" ]; then
	mode=fmod_ret lsms='[^"]*'
else
	mode=bpf-lsm lsms='[^"]*bpf[^"]*'
fi
check "status -j is one JSON object with attached true, the LSM list and mode $mode" sh -c \
	"ctrpolicy -j status | grep '^{.*}$' |
	 grep -q '\"attached\":true.*\"lsm\":\"$lsms\".*\"mode\":\"$mode\"'"

# check: no module needed, but run here all the same.
check_exit 0 "check of every shipped policy: exit 0" sh -c \
	"ctrpolicy check /ctrpolicy/policies/*.policy"
check "check says ok with the policy's name" \
	output_has "web-server.policy: ok \(policy web-server, mode enforce\)" \
	ctrpolicy check /ctrpolicy/policies/web-server.policy
printf 'policy bad\ncapabilities {\n\tallow sys_admn\n}\n' > /tmp/bad.policy
check_exit 4 "check of an invalid file: exit 4" \
	ctrpolicy check /ctrpolicy/policies/no-network.policy /tmp/bad.policy
check "check of an invalid file says file:line:col" \
	output_has "^/tmp/bad.policy:3:8: error: unknown capability 'sys_admn'" \
	ctrpolicy check /tmp/bad.policy
check "check -j gives valid and the error" sh -c \
	"ctrpolicy -j check /tmp/bad.policy | grep -q '\"valid\":false,\"error\":\"/tmp/bad.policy:3:8: error:'"
check_exit 0 "check reads standard input" sh -c \
	"ctrpolicy check - < /ctrpolicy/policies/no-network.policy"
check_exit 2 "check without a file: exit 2" ctrpolicy check

# load, show, list, unload by cgroup path.
mkdir -p $CG/t-tool
write_policy /tmp/tool.policy tool-test enforce chown setuid
check "load --cgroup" ctrpolicy load /tmp/tool.policy --cgroup $CG/t-tool
check "show prints the policy back" sh -c \
	"ctrpolicy show --cgroup $CG/t-tool | grep -q '^policy tool-test$'"
check "show -j names the cgroup and the policy" sh -c \
	"ctrpolicy -j show --cgroup $CG/t-tool | grep -q '\"cgroup\":\"$CG/t-tool\".*\"policy\":\"tool-test\"'"
check "list has the policy on its cgroup" sh -c \
	"ctrpolicy list | grep -q '^$CG/t-tool  *tool-test  *enforce'"
check "list -j is a JSON array with the policy" sh -c \
	"ctrpolicy -j list | grep -q '^\[.*\"policy\":\"tool-test\".*\]$'"
check "the policy confines: sethostname denied (EPERM)" \
	in_cgroup $CG/t-tool $TRY --expect EPERM sethostname tool

# diff: the same, different, against no policy.
check_exit 0 "diff of the loaded file: exit 0, no output" sh -c \
	"test -z \"\$(ctrpolicy diff /tmp/tool.policy --cgroup $CG/t-tool)\""
write_policy /tmp/tool2.policy tool-test enforce chown setuid kill
check_exit 1 "diff of a changed file: exit 1" \
	ctrpolicy diff /tmp/tool2.policy --cgroup $CG/t-tool
ctrpolicy diff /tmp/tool2.policy --cgroup $CG/t-tool > /tmp/tool.diff
sed 's/^/#   /' /tmp/tool.diff
check "diff shows the headers and the changed line" sh -c \
	"grep -q '^--- $CG/t-tool (loaded)$' /tmp/tool.diff &&
	 grep -q '^+++ /tmp/tool2.policy$' /tmp/tool.diff &&
	 grep -q '^@@ -2,7 +2,7 @@$' /tmp/tool.diff &&
	 grep -q '^-	allow chown setuid$' /tmp/tool.diff &&
	 grep -q '^+	allow chown kill setuid$' /tmp/tool.diff"
check "diff -j: identical false and the hunks" sh -c \
	"ctrpolicy -j diff /tmp/tool2.policy --cgroup $CG/t-tool | grep -q '\"identical\":false,\"hunks\":\[{\"old_start\":2'"
mkdir -p $CG/t-tool-empty
ctrpolicy diff /tmp/tool.policy --cgroup $CG/t-tool-empty > /tmp/tool-empty.diff
check "diff against a cgroup without policy: every line added" sh -c \
	"grep -q '^--- $CG/t-tool-empty (no policy)$' /tmp/tool-empty.diff &&
	 grep -q '^@@ -0,0 +1,14 @@$' /tmp/tool-empty.diff"
check_exit 1 "diff against a cgroup without policy exits 1" \
	ctrpolicy diff /tmp/tool.policy --cgroup $CG/t-tool-empty
check_exit 4 "diff of an invalid file: exit 4" \
	ctrpolicy diff /tmp/bad.policy --cgroup $CG/t-tool
check_exit 7 "diff on a path that is no cgroup: exit 7" \
	ctrpolicy diff /tmp/tool.policy --cgroup /tmp
check "after loading the changed file, diff says the same" sh -c \
	"ctrpolicy load /tmp/tool2.policy --cgroup $CG/t-tool &&
	 ctrpolicy diff /tmp/tool2.policy --cgroup $CG/t-tool"

# monitor: one line per denial, -j for JSON lines.  catch_denial FILE
# [OPTION]: what 'ctrpolicy [OPTION] monitor --count 1' prints of a denial.
catch_denial() {
	local monitor
	timeout 10 ctrpolicy ${2:-} monitor --count 1 > "$1" 2>/dev/null &
	monitor=$!
	sleep 0.5
	in_cgroup $CG/t-tool $TRY --expect EPERM sethostname tool > /dev/null
	wait $monitor
}
catch_denial /tmp/tool-events.txt
check "monitor prints the denial with the capability and the policy" sh -c \
	"grep -q '^deny capability .*sys_admin.*policy=tool-test' /tmp/tool-events.txt"
sed 's/^/#   /' /tmp/tool-events.txt
catch_denial /tmp/tool-events.json -j
check "monitor -j prints one JSON object per line" sh -c \
	"grep -q '^{\"verdict\":\"deny\",\"area\":\"capability\".*\"policy\":\"tool-test\".*}$' /tmp/tool-events.json"
check_exit 2 "monitor with a bad count: exit 2" ctrpolicy monitor --count x

# unload; what is not there.
check "unload --cgroup" ctrpolicy unload --cgroup $CG/t-tool
check "after unload, sethostname works again" in_cgroup $CG/t-tool $TRY sethostname tool
check_exit 7 "unload of a cgroup without policy: exit 7" \
	ctrpolicy unload --cgroup $CG/t-tool
check_exit 7 "show of a cgroup without policy: exit 7" \
	ctrpolicy show --cgroup $CG/t-tool
check_exit 7 "load on a cgroup that does not exist: exit 7" \
	ctrpolicy load /tmp/tool.policy --cgroup $CG/t-tool-nonexistent
check_exit 2 "load without a cgroup: exit 2" ctrpolicy load /tmp/tool.policy
check_exit 2 "an unknown command: exit 2" ctrpolicy frobnicate
check_exit 0 "--help: exit 0" ctrpolicy --help
check "--help lists the exit codes" \
	output_has "^  7  no such cgroup, container, or loaded policy$" ctrpolicy --help

# --container: a fake Docker container cgroup (systemd driver).
mkdir -p $SCOPE
check "load --container with the full id" \
	ctrpolicy load /tmp/tool.policy --container $ID
check "the policy is on the container's scope" sh -c \
	"ctrpolicy -j show --cgroup $SCOPE | grep -q '\"policy\":\"tool-test\"'"
check "show --container with a prefix of 12 digits" sh -c \
	"ctrpolicy show --container 0123456789ab | grep -q '^policy tool-test$'"
check "a task in the container is confined" \
	in_cgroup $SCOPE $TRY --expect EPERM sethostname tool
check_exit 0 "diff --container of the loaded file: exit 0" \
	ctrpolicy diff /tmp/tool.policy --container 0123
mkdir -p $TWIN
check_exit 2 "a prefix of two containers is ambiguous: exit 2" \
	ctrpolicy show --container 0123
check "the ambiguous prefix lists both and says what to do" \
	output_has "give more of the id" ctrpolicy show --container 0123
check_exit 7 "a container that does not exist: exit 7" \
	ctrpolicy load /tmp/tool.policy --container fedcba98
check "a container that does not exist: the message says what to do" \
	output_has "is the container running\? Else give its cgroup with --cgroup PATH" \
	ctrpolicy load /tmp/tool.policy --container fedcba98
check_exit 2 "an id of 3 digits: exit 2" ctrpolicy show --container 012
check "load on a container and a cgroup at once" \
	ctrpolicy load /tmp/tool2.policy --container 01234567 --cgroup $CG/t-tool
check "unload --container" ctrpolicy unload --container 01234567
check_exit 7 "after unload --container, show --container: exit 7" \
	ctrpolicy show --container 01234567
ctrpolicy unload --cgroup $CG/t-tool

# include: shared fragments, merged when loaded.
mkdir -p /tmp/inc/common
printf 'capabilities {\n\tallow chown\n}\ninclude "net.inc"\n' > /tmp/inc/common/caps.inc
printf 'network {\n\tdefault allow\n}\n' > /tmp/inc/common/net.inc
printf 'policy with-include\nmode audit\ninclude "common/caps.inc"\n' > /tmp/inc/main.policy
check "load a policy that includes fragments" \
	ctrpolicy load /tmp/inc/main.policy --cgroup $CG/t-tool
check "show prints the merged policy, without include" sh -c \
	"ctrpolicy show --cgroup $CG/t-tool > /tmp/inc.shown &&
	 grep -q '^	allow chown$' /tmp/inc.shown && grep -q '^	default allow$' /tmp/inc.shown &&
	 ! grep -q '^include' /tmp/inc.shown"
check_exit 0 "diff of the including file: exit 0" \
	ctrpolicy diff /tmp/inc/main.policy --cgroup $CG/t-tool
printf 'include "../main.policy"\n' >> /tmp/inc/common/net.inc
check_exit 4 "an include cycle is refused: exit 4" \
	ctrpolicy check /tmp/inc/main.policy
check "the cycle is named, with the include chain" \
	output_has "^/tmp/inc/common/net.inc:4:9: error: include cycle: /tmp/inc/main.policy -> /tmp/inc/common/caps.inc -> /tmp/inc/common/net.inc -> /tmp/inc/common/../main.policy$" \
	ctrpolicy check /tmp/inc/main.policy
ctrpolicy unload --cgroup $CG/t-tool

# A confined task is refused: exit 5.
write_policy /tmp/all.policy everything enforce all
ctrpolicy load /tmp/all.policy --cgroup $CG/t-tool
check_exit 5 "load from a confined task: exit 5" \
	in_cgroup $CG/t-tool ctrpolicy load /tmp/tool.policy --cgroup $CG/t-tool-empty

# detach with a policy loaded, then attach again for the tests that follow.
if_module check "detach" ctrpolicy detach
if_module check_exit 6 "status after detach, a policy loaded: exit 6" ctrpolicy status
if_module check "status -j after detach says attached false" sh -c \
	"ctrpolicy -j status 2>/dev/null | grep -q '\"attached\":false'"
if_module check "attach after detach" ctrpolicy attach
ctrpolicy unload --cgroup $CG/t-tool
cleanup_containers
check "enforcement off, test cgroups removed" enforce_off
