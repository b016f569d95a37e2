# SPDX-License-Identifier: GPL-2.0
# A policy loaded with --on-exec waits for the first execve() in its
# cgroup's subtree: the tasks there run unconfined until then (a container
# runtime finishing its setup), and all of them are confined from that
# execve() on, the program it starts from its first instruction.

check "enforcement is on (module loaded, programs attached)" enforce_on
mkdir -p $CG/t-exec/child $CG/t-exec2
write_policy /tmp/exec.policy exec-test enforce chown

# pending CGROUP, in_force CGROUP: ctrpolicy -j list has a policy on
# CGROUP, and says it waits, or that it does not.
pending_is() {
	ctrpolicy -j list | tr '{' '\n' | grep -F "\"cgroup\":\"$1\"" | grep -q "\"pending\":$2"
}
pending() { pending_is "$1" true; }
in_force() { pending_is "$1" false; }

# The number of tasks in t-exec that run try.  The kernel names a task
# after its program only once its execve() committed.
tries_in_cgroup() {
	local pid n=0
	for pid in $(cat $CG/t-exec/cgroup.procs); do
		[ "$(cat /proc/$pid/comm 2>/dev/null)" = try ] && n=$((n + 1))
	done
	echo $n
}

# hammering FILE OUT N: the Nth task in t-exec that calls sethostname()
# until FILE exists, started now and past its execve() once this returns;
# its pid in $!.
hammering() {
	in_cgroup $CG/t-exec $TRY sethostname-until "$1" > "$2" &
	while [ "$(tries_in_cgroup)" -lt "$3" ]; do sleep 0.1; done
}

# Two tasks run in the cgroup from before the load, and exec nothing.
rm -f /tmp/exec.stop1 /tmp/exec.stop2
hammering /tmp/exec.stop1 /tmp/exec.out1 1
early1=$!
hammering /tmp/exec.stop2 /tmp/exec.out2 2
early2=$!
check "load with --on-exec" ctrpolicy load /tmp/exec.policy --cgroup $CG/t-exec --on-exec
check "the policy is listed as pending (JSON)" pending $CG/t-exec
check "and marked in the text listing" sh -c \
	"ctrpolicy list | grep -F '$CG/t-exec ' | grep -q 'enforce\*' && ctrpolicy list | grep -q '^\* pending'"
sleep 0.5
touch /tmp/exec.stop1
wait $early1
check "until an execve() in the cgroup, its tasks are not confined ($(head -n1 /tmp/exec.out1))" \
	grep -q 'denied=0 other=0' /tmp/exec.out1
check "a pending policy counts no check" sh -c \
	"ctrpolicy -j list | grep -q '\"policy\":\"exec-test\".*\"capability\":{\"checks\":0,'"

# The first execve() in the cgroup: the program it starts is confined.
check "the first execve() in the cgroup runs confined: sethostname is denied (EPERM)" \
	in_cgroup $CG/t-exec $TRY --expect EPERM sethostname exec1
check "the policy is no longer pending" in_force $CG/t-exec
# The early task runs on when the guest gets to it, which a busy host can
# delay past any fixed pause: stop it once the policy has denied it (the
# first execve()'s own denial is the one before), or after 30 s.
capability_denials() {
	ctrpolicy -j list | tr '{' '\n' | sed -n 's/.*"denied":\([0-9]*\).*/\1/p' | head -n 1
}
i=0
while [ "$(capability_denials)" -lt 2 ] && [ $i -lt 300 ]; do
	sleep 0.1
	i=$((i + 1))
done
touch /tmp/exec.stop2
wait $early2
check "a task that ran before that execve() is confined from it on ($(head -n1 /tmp/exec.out2))" \
	grep -q 'denied=[1-9][0-9]* other=0' /tmp/exec.out2

# An execve() in a child cgroup puts its ancestors' pending policies in force.
ctrpolicy unload --cgroup $CG/t-exec
check "load with --on-exec again" ctrpolicy load /tmp/exec.policy --cgroup $CG/t-exec --on-exec
check "an execve() in a child cgroup puts the parent's policy in force" \
	in_cgroup $CG/t-exec/child $TRY --expect EPERM sethostname exec2
check "so the parent's policy is no longer pending" in_force $CG/t-exec

# Replacing: a policy in force stays in force; a pending one is put in force
# by a load without --on-exec.
check "a reload with --on-exec of a policy in force" \
	ctrpolicy load /tmp/exec.policy --cgroup $CG/t-exec --on-exec
check "leaves it in force" in_force $CG/t-exec
check "load a pending policy on another cgroup" \
	ctrpolicy load /tmp/exec.policy --cgroup $CG/t-exec2 --on-exec
check "replace it without --on-exec" ctrpolicy load /tmp/exec.policy --cgroup $CG/t-exec2
check "puts it in force at once" in_force $CG/t-exec2
ctrpolicy unload --cgroup $CG/t-exec2
ctrpolicy load /tmp/exec.policy --cgroup $CG/t-exec2 --on-exec
$TRY sethostname vm > /dev/null
in_cgroup $CG/t-exec $TRY --expect EPERM sethostname vm > /dev/null
check "an execve() outside the cgroup, or in a sibling, puts nothing in force" \
	pending $CG/t-exec2
check "a pending policy can be unloaded" ctrpolicy unload --cgroup $CG/t-exec2
check "and is gone" not_listed "$CG/t-exec2 "

check "enforcement off, test cgroups removed" enforce_off
