# SPDX-License-Identifier: GPL-2.0
# Helpers for the guest test scripts; each prints TAP lines without numbers
# (tests/run.sh numbers them).  Sourced by test_*.sh with $group set.

TESTS=/ctrpolicy/tests
MODULE=/ctrpolicy/ctrpolicy.ko

pass() { echo "ok - $group: $*"; }
fail() { echo "not ok - $group: $*"; }
skip() { echo "ok - $group: $1 # SKIP $2"; }

# group_done: the end of a group.  run-groups.sh runs each group as
# ". ./lib.sh; . ./test_GROUP.sh; group_done" and requires the mark this
# leaves in $GROUP_DONE: a group that stops before its end (exit, a signal,
# a shell error) fails instead of losing the checks it did not run.  A
# group that has nothing to run says SKIP and returns.
group_done() {
	[ -z "${GROUP_DONE:-}" ] || echo "$group" > "$GROUP_DONE"
}

# check DESCRIPTION COMMAND...: passes when COMMAND succeeds; on failure its
# output is shown as TAP diagnostics.
check() {
	local desc=$1 out
	shift
	if out=$("$@" 2>&1); then
		pass "$desc"
	else
		fail "$desc"
		printf '%s\n' "$out" | sed 's/^/#   /'
	fi
}

# errno_text NAME: the message of errno NAME (strerror), for the errno
# names the tests expect.
errno_text() {
	case $1 in
	EPERM) echo 'Operation not permitted' ;;
	ENOENT) echo 'No such file or directory' ;;
	ESRCH) echo 'No such process' ;;
	EACCES) echo 'Permission denied' ;;
	EAGAIN | EWOULDBLOCK) echo 'Resource temporarily unavailable' ;;
	EBUSY) echo 'Device or resource busy' ;;
	EINVAL) echo 'Invalid argument' ;;
	ECONNREFUSED) echo 'Connection refused' ;;
	*) return 1 ;;
	esac
}

# failed_as EXPECTED STATUS OUTPUT: a failure with exit status STATUS and
# OUTPUT is the one EXPECTED names (see check_fails).
failed_as() {
	local text
	case $1 in
	exit=*)
		[ "$2" -eq "${1#exit=}" ] ;;
	E*[!A-Z0-9]* | E)
		printf '%s\n' "$3" | grep -Eq -- "$1" ;;
	E*)
		printf '%s\n' "$3" | grep -Eq -- "(^|[^A-Z0-9_])$1([^A-Z0-9_]|\$)" && return 0
		text=$(errno_text "$1") && printf '%s\n' "$3" | grep -Fq -- "$text" ;;
	*)
		printf '%s\n' "$3" | grep -Eq -- "$1" ;;
	esac
}

# check_fails DESCRIPTION EXPECTED COMMAND...: passes when COMMAND fails,
# and fails the way EXPECTED says:
#   an errno name (EPERM)  the output names it, or has its message
#                          ("failed: EPERM (Operation not permitted)" of try
#                          and net, "...: Operation not permitted" of the
#                          tool and of busybox);
#   exit=N                 COMMAND exits with status N;
#   anything else          an extended regular expression that the output
#                          (stdout and stderr) matches.
# Any other failure (a missing program or file, another errno) fails the
# check, as success does, and shows the output.
check_fails() {
	local desc=$1 want=$2 out rc
	shift 2
	out=$("$@" 2>&1)
	rc=$?
	if [ $rc -eq 0 ]; then
		fail "$desc (it succeeded)"
	elif failed_as "$want" $rc "$out"; then
		pass "$desc"
		return 0
	else
		fail "$desc (it failed with exit status $rc, not as expected: $want)"
	fi
	[ -z "$out" ] || printf '%s\n' "$out" | sed 's/^/#   /'
}

# check_exit STATUS DESCRIPTION COMMAND...: passes when COMMAND exits with
# STATUS; otherwise its output is shown as TAP diagnostics.
check_exit() {
	local want=$1 desc=$2 out rc
	shift 2
	out=$("$@" 2>&1)
	rc=$?
	if [ "$rc" -eq "$want" ]; then
		pass "$desc"
	else
		fail "$desc (exit status $rc, not $want)"
		printf '%s\n' "$out" | sed 's/^/#   /'
	fi
}

# output_has PATTERN COMMAND...: COMMAND's output (stdout and stderr, its
# exit status aside) matches the extended regular expression PATTERN.
output_has() {
	local pattern=$1 out
	shift
	out=$("$@" 2>&1)
	printf '%s\n' "$out"
	printf '%s\n' "$out" | grep -Eq -- "$pattern"
}

# With ctrpolicy built into the kernel (the native LSM) there is no module
# and there are no BPF programs: the tests of those say SKIP.
NATIVE=
grep -q ctrpolicy /sys/kernel/security/lsm && NATIVE=1

# With the BPF LSM off (lsm= lacking bpf), attach puts fmod_ret programs on
# security_*() instead (README, "fmod_ret mode"): the few checks that cannot
# hold there say SKIP with the reason.
FMOD_RET=
if [ -z "$NATIVE" ] && ! grep -Eq '(^|,)bpf(,|$)' /sys/kernel/security/lsm; then
	FMOD_RET=1
fi

# unless_fmod_ret REASON CHECK DESCRIPTION ...: run the check, or in
# fmod_ret mode skip it for REASON (check_exit STATUS DESCRIPTION ...: the
# description comes third).
unless_fmod_ret() {
	local reason=$1
	shift
	if [ -n "$FMOD_RET" ]; then
		if [ "$1" = check_exit ]; then shift; fi
		skip "$2" "fmod_ret mode: $reason"
	else
		"$@"
	fi
}

# if_module CHECK DESCRIPTION ...: run the check only on the module path
# (check_exit STATUS DESCRIPTION ...: the description comes third).
if_module() {
	if [ -n "$NATIVE" ]; then
		if [ "$1" = check_exit ]; then shift; fi
		skip "$2" "ctrpolicy is built into this kernel (native LSM)"
	else
		"$@"
	fi
}

# not_listed PATTERN: ctrpolicy list works and none of its lines matches
# the extended regular expression PATTERN (a list that fails, say without
# the module, does not pass for an empty one).
not_listed() {
	local out
	out=$(ctrpolicy list 2>&1) || { printf '%s\n' "$out"; return 1; }
	! printf '%s\n' "$out" | grep -Eq -- "$1" || { printf '%s\n' "$out"; return 1; }
}

# eventually COMMAND...: COMMAND succeeds within 10 s, tried every 0.2 s;
# the output of the last try is shown when it never does.
eventually() {
	local i=0
	while [ $i -lt 50 ]; do
		"$@" > /dev/null 2>&1 && return 0
		sleep 0.2
		i=$((i + 1))
	done
	"$@"
}

module_loaded() { [ -d /sys/module/ctrpolicy ]; }
load_module() { module_loaded || insmod "$MODULE"; }
# BPF programs that used the kfuncs release the module asynchronously after
# they are destroyed, so rmmod may see it busy for a while: on 6.12 each
# program waits for its own RCU Tasks grace period, about 0.15 s under TCG.
unload_module() {
	local i=0
	while module_loaded; do
		rmmod ctrpolicy 2>/dev/null && return 0
		i=$((i + 1))
		[ $i -lt 300 ] || { rmmod ctrpolicy; return 1; }
		sleep 0.1
	done
}

CG=/sys/fs/cgroup
TRY=$TESTS/try

# await_event FILE COMMAND...: the first event that `ctrpolicy -j monitor`
# reports into FILE, with COMMAND run again until there is one.  The
# monitor joins the events group at its own pace (seconds, on a debug kernel
# under TCG on a busy host): an event sent after a fixed pause can come
# before it listens.  COMMAND's output and status are ignored.
await_event() {
	local file=$1 monitor i=0
	shift
	: > "$file"
	timeout 60 ctrpolicy -j monitor --count 1 > "$file" &
	monitor=$!
	while [ ! -s "$file" ] && [ $i -lt 150 ] && kill -0 $monitor 2>/dev/null; do
		"$@" > /dev/null 2>&1
		sleep 0.2
		i=$((i + 1))
	done
	wait $monitor
}

# in_cgroup DIR COMMAND...: run COMMAND as a member of cgroup DIR.  The
# subshell moves itself (pid 0 is the writer) and becomes COMMAND: no shell
# to start, which the debug kernel makes slow.
in_cgroup() {
	(echo 0 > "$1/cgroup.procs" && shift && exec "$@")
}

# write_policy FILE NAME MODE CAPABILITIES...: a policy file that confines
# capabilities (and mounts: none), not the network.
write_policy() {
	local file=$1 name=$2 mode=$3
	shift 3
	printf 'policy %s\nmode %s\ncapabilities {\n\tallow %s\n}\nnetwork {\n\tdefault allow\n}\n' \
		"$name" "$mode" "${*:-none}" > "$file"
}

# The module loaded and its programs attached (nothing to do when native).
enforce_on() {
	[ -n "$NATIVE" ] || { load_module && ctrpolicy attach; }
}

# Programs detached, module unloaded, test cgroups (t-*) removed.
enforce_off() {
	local d
	if [ -z "$NATIVE" ]; then
		ctrpolicy detach && unload_module || return 1
	fi
	for d in $(find $CG/t-* -depth -type d 2>/dev/null); do
		rmdir "$d" || return 1
	done
}
