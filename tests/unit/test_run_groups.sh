#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The guest's group runner (tests/guest/run-groups.sh) with fake groups,
# under busybox sh as in the VM: a group that stops half-way (exit, a
# signal, a shell error) fails instead of vanishing, one that returns after
# a SKIP passes, and check_fails passes only on the failure it was told to
# expect.
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tests/unit/lib.sh
. "$here/lib.sh"
guest=$root/tests/guest
T="run-groups"

if ! command -v busybox > /dev/null; then
	echo "ok - $T: fake groups under busybox sh # SKIP busybox is not installed (busybox-static)"
	exit 0
fi

g=$tmp/groups
mkdir -p "$g"
cp "$guest/run-groups.sh" "$guest/lib.sh" "$g/"

cat > "$g/test_whole.sh" <<'GROUP'
check "first" true
check "second" true
GROUP
cat > "$g/test_exit1.sh" <<'GROUP'
check "before the exit" true
exit 1
check "after the exit" true
GROUP
cat > "$g/test_exit0.sh" <<'GROUP'
check "before the exit" true
exit 0
check "after the exit" true
GROUP
cat > "$g/test_killed.sh" <<'GROUP'
check "before the signal" true
kill -9 $$
check "after the signal" true
GROUP
cat > "$g/test_syntax.sh" <<'GROUP'
check "before the syntax error" true
if then
check "after the syntax error" true
GROUP
cat > "$g/test_skipped.sh" <<'GROUP'
skip "everything" "nothing to run here"
return 0
check "after the return" false
GROUP
# Each check_fails case with the output it gets.  "fails" below: a command
# that prints its arguments and exits 1.
cat > "$g/test_fails.sh" <<'GROUP'
fails() { printf '%s\n' "$*"; return 1; }
check_fails "errno by name" EPERM fails "try: failed: EPERM (Operation not permitted)"
check_fails "errno by message" EPERM fails "mount: mounting none on /tmp failed: Operation not permitted"
check_fails "EAGAIN is EWOULDBLOCK" EWOULDBLOCK fails "rmmod: can't unload module 'x': Resource temporarily unavailable"
check_fails "exit status" exit=5 sh -c "exit 5"
check_fails "message pattern" 'not a JSON object' fails "the state is not a JSON object: x"
check_fails "a missing program is no EPERM" EPERM /nonexistent/program
check_fails "a missing file is no EPERM" EPERM cat /nonexistent/file
check_fails "EACCES is no EPERM" EPERM fails "try: failed: EACCES (Permission denied)"
check_fails "EPERMX is no EPERM" EPERM fails "EPERMX"
check_fails "another exit status" exit=5 sh -c "exit 4"
check_fails "another message" 'not a JSON object' fails "something else"
check_fails "success" EPERM true
GROUP

# With ctrpolicy built into the kernel, if_module skips, with the check's
# description.
cat > "$g/test_native.sh" <<'GROUP'
NATIVE=1
if_module check "a check" false
if_module check_fails "a check_fails" EPERM true
if_module check_exit 6 "a check_exit" true
GROUP

# run FILTER: the runner's output and exit status in $tmp/out, $status.
run() {
	(cd "$tmp" && TMPDIR=$tmp busybox sh "$g/run-groups.sh" "$1" > "$tmp/out" 2>&1)
	status=$?
}

# result ok|fail DESCRIPTION: the TAP line; the output is shown once, at
# the first failure.
shown=
result() {
	if [ "$1" = ok ]; then
		echo "ok - $T: $2"
	else
		echo "not ok - $T: $2"
		[ -n "$shown" ] || sed 's/^/#   /' "$tmp/out"
		shown=1
	fi
}
# has DESCRIPTION LINE: the output has LINE; lacks DESCRIPTION TEXT: no
# line of it contains TEXT.
has() { if grep -qxF -- "$2" "$tmp/out"; then result ok "$1"; else result fail "$1"; fi; }
# has_re DESCRIPTION PATTERN: a line matches the extended regular expression.
has_re() { if grep -qxE -- "$2" "$tmp/out"; then result ok "$1"; else result fail "$1"; fi; }
lacks() { if grep -qF -- "$2" "$tmp/out"; then result fail "$1"; else result ok "$1"; fi; }
# verdicts N DESCRIPTION: N groups have a line "GROUP: the group ran to its end".
verdicts() {
	if [ "$(grep -c ': the group ran to its end$' "$tmp/out")" = "$1" ]; then
		result ok "$2"
	else
		result fail "$2"
	fi
}

run ""
if [ $status = 0 ]; then result ok "the runner exits 0"; else result fail "the runner exits 0 (not $status)"; fi
verdicts 8 "each of the 8 groups has one verdict"
has "a whole group: its checks" "ok - whole: second"
has "  and it ran to its end" "ok - whole: the group ran to its end"
has "exit 1 half-way: the checks before it" "ok - exit1: before the exit"
has "  the group fails" "not ok - exit1: the group ran to its end"
has "  with the exit status" "#   its shell exited with status 1"
has "exit 0 half-way: the group fails" "not ok - exit0: the group ran to its end"
has "  for want of group_done" "#   its shell exited before group_done"
has "killed half-way: the group fails" "not ok - killed: the group ran to its end"
has "  naming the signal" "#   its shell was killed by signal 9"
has "a syntax error half-way: the checks before it" "ok - syntax: before the syntax error"
has "  the group fails" "not ok - syntax: the group ran to its end"
has "  with the shell's exit status" "#   its shell exited with status 2"
lacks "no check after a stop ran" "after the"
has "a group that returns after a SKIP: the SKIP" "ok - skipped: everything # SKIP nothing to run here"
has "  and it ran to its end" "ok - skipped: the group ran to its end"
has_re "each group's time" "# killed: [0-9]+s"
has "check_fails: the errno by name" "ok - fails: errno by name"
has "check_fails: the errno by its message" "ok - fails: errno by message"
has "check_fails: EWOULDBLOCK by its message" "ok - fails: EAGAIN is EWOULDBLOCK"
has "check_fails: exit=N" "ok - fails: exit status"
has "check_fails: a message pattern" "ok - fails: message pattern"
has "check_fails: a missing program fails the check" \
	"not ok - fails: a missing program is no EPERM (it failed with exit status 127, not as expected: EPERM)"
has "check_fails: a missing file fails the check" \
	"not ok - fails: a missing file is no EPERM (it failed with exit status 1, not as expected: EPERM)"
has_re "  and shows the output" "#   cat: .*/nonexistent/file.*: No such file or directory"
has "check_fails: another errno fails the check" \
	"not ok - fails: EACCES is no EPERM (it failed with exit status 1, not as expected: EPERM)"
has "check_fails: an errno name is a whole word" \
	"not ok - fails: EPERMX is no EPERM (it failed with exit status 1, not as expected: EPERM)"
has "check_fails: another exit status fails the check" \
	"not ok - fails: another exit status (it failed with exit status 4, not as expected: exit=5)"
has "check_fails: another message fails the check" \
	"not ok - fails: another message (it failed with exit status 1, not as expected: not a JSON object)"
has "check_fails: success fails the check" "not ok - fails: success (it succeeded)"
native="ctrpolicy is built into this kernel (native LSM)"
has "if_module skips a check on the native LSM" "ok - native: a check # SKIP $native"
has "  and a check_fails" "ok - native: a check_fails # SKIP $native"
has "  and a check_exit, with its description" "ok - native: a check_exit # SKIP $native"

shown=
run "exit1,skip"
verdicts 2 "a filter of two parts: two groups run"
has "  the one" "not ok - exit1: the group ran to its end"
has "  and the other" "ok - skipped: the group ran to its end"
lacks "  and no other" "whole"
