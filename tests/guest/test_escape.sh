# SPDX-License-Identifier: GPL-2.0
# Escapes tried by root in a confined cgroup whose policy allows every
# capability, every mount and the whole network: self-protection holds
# whatever the policy allows.  The routes: kernel knobs that start programs
# or change the host at large, the cgroups of other containers, and tasks
# outside the confined subtree (tracing, their memory, signals).  Each
# denial names its errno; each has a control, the same action succeeding
# unconfined; one per class shows the event.

check "enforcement is on" enforce_on
mkdir -p $CG/t-esc/sub $CG/t-sib $CG/t-other $CG/t-out
write_policy /tmp/esc.policy escape-all enforce all
printf 'mount {\n\tdefault allow\n}\n' >> /tmp/esc.policy
write_policy /tmp/other.policy other enforce none
ctrpolicy load /tmp/esc.policy --cgroup $CG/t-esc
ctrpolicy load /tmp/other.policy --cgroup $CG/t-other
ctrpolicy load /tmp/other.policy --cgroup $CG/t-sib

confined() { in_cgroup $CG/t-esc "$@"; }
unconfined() { in_cgroup $CG/t-out "$@"; }

# denied_and_control DESC FILE VALUE: a confined write of VALUE to FILE
# fails with EPERM, and the same write succeeds unconfined.  A kernel
# built without FILE skips both.
denied_and_control() {
	if [ ! -e "$2" ]; then
		skip "$1" "this kernel has no $2"
		return
	fi
	check "$1: denied (EPERM)" confined $TRY --expect EPERM write "$2" "$3"
	check "$1: unconfined, the write succeeds" unconfined $TRY write "$2" "$3"
}

# denied_where_possible DESC ERRNO ACTION...: ACTION fails confined with
# ERRNO, and succeeds unconfined; skipped where the kernel lacks it (the
# unconfined attempt fails with ENOSYS).
denied_where_possible() {
	local desc=$1 errno=$2
	shift 2
	if unconfined $TRY --expect ENOSYS "$@" > /dev/null; then
		skip "$desc" "this kernel has no $1"
		return
	fi
	check "$desc: denied ($errno)" confined $TRY --expect $errno "$@"
	check "$desc: unconfined, it succeeds" unconfined $TRY "$@"
}

check "sanity: the policy allows sys_admin in the cgroup" confined $TRY sethostname vm

# ---- kernel knobs that start programs as host root ------------------------
for knob in core_pattern modprobe poweroff_cmd hotplug; do
	f=/proc/sys/kernel/$knob
	denied_and_control "kernel.$knob" $f "$(cat $f 2> /dev/null)"
done
# (Every kernel has poweroff_cmd: the program started to power off.)
knob=/proc/sys/kernel/poweroff_cmd
await_event /tmp/events.json confined $TRY --expect EPERM write $knob /tmp/helper
check "the poweroff_cmd denial is reported as self-protection" grep -q \
	'"area":"protect","operation":"write a file of the host at large"' /tmp/events.json
check "poweroff_cmd is unchanged" sh -c "! grep -q helper $knob"
denied_and_control "vm.drop_caches, a host-global sysctl" /proc/sys/vm/drop_caches 1
forward=$(cat /proc/sys/net/ipv4/ip_forward)
denied_and_control "net.ipv4.ip_forward of the host's network namespace" \
	/proc/sys/net/ipv4/ip_forward "$forward"
check "net.ipv4.ip_forward of its own network namespace is allowed" \
	confined unshare -n $TRY write /proc/sys/net/ipv4/ip_forward 1
check "kernel.hostname of the host's UTS namespace is denied (EPERM)" \
	confined $TRY --expect EPERM write /proc/sys/kernel/hostname esc
check "kernel.hostname of its own UTS namespace is allowed" \
	confined unshare -u $TRY write /proc/sys/kernel/hostname esc
if [ -e /proc/sys/kernel/shmmax ]; then
	check "kernel.shmmax of its own IPC namespace is allowed" \
		confined unshare -i $TRY write /proc/sys/kernel/shmmax 4096
else
	skip "kernel.shmmax of its own IPC namespace" "this kernel has no System V IPC"
fi
denied_and_control "the magic SysRq key" /proc/sysrq-trigger h
check "reboot(2) in the host's PID namespace: denied (EPERM)" \
	confined $TRY --expect EPERM reboot-cad
check "reboot(2) in the host's PID namespace: unconfined, it succeeds" \
	unconfined $TRY reboot-cad
# (It ends the namespace: its first process exits as if by SIGHUP.)
check "reboot(2) in its own PID namespace is allowed" confined sh -c \
	"unshare -p -f $TRY reboot-restart; test \$? -eq 129"
helper=
for f in /sys/kernel/uevent_helper /sys/kernel/mm/transparent_hugepage/enabled \
	 /sys/module/printk/parameters/time; do
	[ -w $f ] && helper=$f && break
done
if [ -n "$helper" ]; then
	value=$(cat $helper)
	case $value in *\[*) value=$(echo "$value" | sed 's/.*\[\(.*\)\].*/\1/') ;; esac
	denied_and_control "sysfs ($helper)" $helper "$value"
else
	skip "sysfs" "no writable sysfs knob to try"
fi
# A cgroup v1 hierarchy runs its release_agent as host root.
v1="mkdir -p /tmp/v1 && mount -t cgroup -o none,name=esc cgroup /tmp/v1"
if unconfined unshare -m sh -c "$v1" 2> /dev/null; then
	check "a cgroup v1 release_agent: denied (EPERM)" confined unshare -m sh -c \
		"$v1 && $TRY --expect EPERM write /tmp/v1/release_agent /tmp/helper"
	check "a cgroup v1 release_agent: unconfined, the write succeeds" \
		unconfined unshare -m sh -c "$v1 && $TRY write /tmp/v1/release_agent /tmp/helper"
else
	skip "a cgroup v1 release_agent" "this kernel mounts no cgroup v1 hierarchy"
fi
denied_where_possible "kexec_load" EPERM kexec-unload
denied_where_possible "iopl(3), CAP_SYS_RAWIO" EPERM iopl 3

# ---- cgroups outside the confined subtree ---------------------------------
for f in cgroup.max.descendants:max cgroup.freeze:0 cgroup.kill:1 cgroup.max.depth:max; do
	denied_and_control "writing the sibling's ${f%%:*}" $CG/t-sib/${f%%:*} "${f#*:}"
done
await_event /tmp/events.json confined $TRY --expect EPERM write $CG/t-sib/cgroup.kill 1
check "the cgroup.kill denial is reported as self-protection" grep -q \
	'"area":"protect","operation":"write a cgroup file outside its confinement"' /tmp/events.json
check "removing a sibling cgroup with a policy is denied (EPERM)" \
	confined $TRY --expect EPERM rmdir $CG/t-other
check "the sibling's policy is still loaded" sh -c "ctrpolicy list | grep -q other"
check "creating a cgroup in the sibling is denied (EPERM)" \
	confined $TRY --expect EPERM mkdir $CG/t-sib/x
check "unconfined, creating it succeeds" unconfined $TRY mkdir $CG/t-sib/x
check "renaming the sibling's cgroup is denied (EPERM)" \
	confined $TRY --expect EPERM rename $CG/t-sib/x $CG/t-sib/y
check "removing the sibling's cgroup is denied (EPERM)" \
	confined $TRY --expect EPERM rmdir $CG/t-sib/x
check "unconfined, removing it succeeds" unconfined $TRY rmdir $CG/t-sib/x
check "creating a cgroup at the root is denied (EPERM)" \
	confined $TRY --expect EPERM mkdir $CG/t-esc-new
check "through its own mount of cgroup2 the sibling is out of reach too (EPERM)" \
	confined unshare -m sh -c "mkdir -p /tmp/cg2 && mount -t cgroup2 none /tmp/cg2 && $TRY --expect EPERM write /tmp/cg2/t-sib/cgroup.max.descendants 5"
check "inside its subtree: creating a cgroup is allowed" confined $TRY mkdir $CG/t-esc/sub/x
check "inside its subtree: writing a cgroup file is allowed" \
	confined $TRY write $CG/t-esc/sub/x/cgroup.max.descendants 3
check "inside its subtree: removing a cgroup is allowed" confined $TRY rmdir $CG/t-esc/sub/x

# ---- tasks outside the confined subtree ----------------------------------
sleep 1000 &
host=$!
addr=$(head -n 1 /proc/$host/maps | cut -d- -f1)
check "PTRACE_ATTACH to a host process: denied (EPERM)" \
	confined $TRY --expect EPERM ptrace-attach $host
check "PTRACE_ATTACH to a host process: unconfined, it succeeds" \
	unconfined $TRY ptrace-attach $host
await_event /tmp/events.json confined $TRY --expect EPERM ptrace-attach $host
check "the ptrace denial is reported as self-protection" grep -q \
	'"area":"protect","operation":"trace a task outside its confinement"' /tmp/events.json
denied_where_possible "process_vm_readv of a host process" EPERM vm-readv $host $addr
check "/proc/PID/mem of a host process: denied (EACCES)" \
	confined $TRY --expect EACCES read /proc/$host/mem
check "/proc/PID/mem of a host process: unconfined, it opens (EIO at 0)" \
	unconfined $TRY --expect EIO read /proc/$host/mem
check "/proc/PID/environ of a host process: denied (EACCES)" \
	confined $TRY --expect EACCES read /proc/$host/environ
check "/proc/PID/environ of a host process: unconfined, it reads" \
	unconfined $TRY read /proc/$host/environ
check "pidfd_getfd from a host process: denied (EPERM)" \
	confined $TRY --expect EPERM pidfd-getfd $host 1
check "pidfd_getfd from a host process: unconfined, it succeeds" \
	unconfined $TRY pidfd-getfd $host 1
# Joining a host process's namespaces asks the same ptrace check.
check "setns to a host process's namespaces by pidfd: denied (EPERM)" \
	confined $TRY --expect EPERM setns-pidfd $host
check "setns to a host process's namespaces by pidfd: unconfined, it succeeds" \
	unconfined $TRY setns-pidfd $host
check "setns to a host process's mount namespace by /proc/PID/ns: denied (EACCES)" \
	confined $TRY --expect EACCES setns /proc/$host/ns/mnt
check "setns to a host process's mount namespace by /proc/PID/ns: unconfined, it succeeds" \
	unconfined $TRY setns /proc/$host/ns/mnt
check "/proc/PID/oom_score_adj of a host process: denied (EPERM)" \
	confined $TRY --expect EPERM write /proc/$host/oom_score_adj 0
check "/proc/PID/oom_score_adj of a host process: unconfined, it is written" \
	unconfined $TRY write /proc/$host/oom_score_adj 0
check "signalling a host process: denied (EPERM)" \
	confined $TRY --expect EPERM kill $host 0
check "signalling a host process: unconfined, it succeeds" \
	unconfined $TRY kill $host 0
# Pulled into the subtree, a host process would be "inside" and traceable,
# with the host's namespaces and files.
check "moving a host process into its own subtree: denied (EPERM)" \
	confined $TRY --expect EPERM write $CG/t-esc/sub/cgroup.procs $host
check "moving a host process into its subtree: unconfined, it succeeds" \
	unconfined $TRY write $CG/t-esc/sub/cgroup.procs $host
echo $host > $CG/cgroup.procs
for change in setpriority ioprio-set setaffinity prlimit migrate-pages; do
	# (the debug kernel has neither the block layer nor NUMA)
	denied_where_possible "$change of a host process" EPERM $change $host
	unconfined $TRY --expect ENOSYS $change $host > /dev/null && continue
	check "inside its subtree: $change of itself is allowed" \
		confined sh -c "exec $TRY $change \$\$"
done
check "inside its subtree: tracing its own child is allowed" \
	confined sh -c "sleep 100 & p=\$!; $TRY ptrace-attach \$p; r=\$?; kill -KILL \$p; exit \$r"
check "inside its subtree: its own /proc/self files are written" \
	confined $TRY write /proc/self/oom_score_adj 0
check "perf events of a host process: denied (EPERM)" \
	confined $TRY --expect EPERM perf-open $host -1
check "perf events of a host process: unconfined, they open" \
	unconfined $TRY perf-open $host -1
kill $host
check "perf events of every task on CPU 0: denied (EPERM)" \
	confined $TRY --expect EPERM perf-open -1 0
check "perf events of every task on CPU 0: unconfined, they open" \
	unconfined $TRY perf-open -1 0
check "inside its subtree: perf events of itself are allowed" \
	confined $TRY perf-open 0 -1

# A watch on a whole mount or file system sees every task's file access,
# and a permission event holds each access until the watcher answers.
for what in filesystem mount; do
	denied_where_possible "fanotify on a whole $what" EPERM fanotify-mark $what / open
done
denied_where_possible "fanotify permission events on a file" EPERM \
	fanotify-mark inode /bin/busybox open-perm
if ! unconfined $TRY --expect ENOSYS fanotify-mark inode / open > /dev/null; then
	check "inside its subtree: fanotify notification on a file is allowed" \
		confined $TRY fanotify-mark inode /bin/busybox open
fi

# A terminal's input is read by whoever reads it next: the host shell that
# started the container, once it exits.
check "typing into a terminal (TIOCSTI): denied (EPERM)" \
	confined $TRY --expect EPERM tiocsti
check "typing into a terminal (TIOCSTI): unconfined, the input is read back" \
	unconfined $TRY tiocsti
# A 32-bit program's ioctl takes the compat entry (exit status: errno).
status_is() { local want=$1; shift; "$@"; [ $? -eq $want ]; }
# (abi.vsyscall32 exists where the kernel runs 32-bit programs.)
if [ -e /proc/sys/abi/vsyscall32 ]; then
	check "typing into a terminal from a 32-bit program: denied (EPERM)" \
		status_is 1 confined $TESTS/tiocsti32
	check "typing into a terminal from a 32-bit program: unconfined, it is read back" \
		unconfined $TESTS/tiocsti32
else
	skip "typing into a terminal from a 32-bit program" \
		"this kernel runs no 32-bit program"
fi

# A file's owner gets its SIGIO (or the signal of F_SETSIG), sent without
# kill(2)'s checks.
sleep 1000 &
victim=$!
check "F_SETOWN of a socket to a host process: denied (EPERM)" \
	confined $TRY --expect EPERM sigio $victim
# (A process SIGIO ended is a zombie until this shell reaps it.)
alive() { [ -e /proc/$1 ] && ! grep -q ') Z ' /proc/$1/stat; }
ended() { ! alive $1; }
check "the host process is alive" alive $victim
check "inside its subtree: F_SETOWN to itself is allowed" \
	confined sh -c "trap '' IO; exec $TRY sigio \$\$"
check "F_SETOWN of a socket to a host process: unconfined, it succeeds" \
	unconfined $TRY sigio $victim
check "  and SIGIO ends the host process" eventually ended $victim
kill $victim 2> /dev/null
wait $victim 2> /dev/null

# ---- BPF programs that run beyond the task's own sockets -------------------
# Tracing programs run in every task (bpf_probe_write_user() writes their
# memory); cgroup, tc and XDP programs run for other cgroups or rewrite
# addresses after the network rules.
for type in kprobe tracepoint cgroup_sock_addr cgroup_device sched_cls; do
	check "loading a $type BPF program: denied (EPERM)" \
		confined $TRY --expect EPERM bpf-prog-load $type
	check "loading a $type BPF program: unconfined, it loads" \
		unconfined $TRY bpf-prog-load $type
done
await_event /tmp/events.json confined $TRY --expect EPERM bpf-prog-load kprobe
check "the BPF program denial is reported as self-protection" grep -q \
	'"area":"protect","operation":"load a BPF program beyond its own sockets"' \
	/tmp/events.json
check "inside its subtree: a socket filter loads" \
	confined $TRY bpf-prog-load socket_filter

# ---- modprobe, which the kernel starts as host root for a module named ------
# A socket family the kernel lacks (AppleTalk, 5) makes it run
# kernel.modprobe with "net-pf-5"; the stand-in records its arguments.
modprobe=$(cat /proc/sys/kernel/modprobe)
printf '#!/bin/sh\necho "$*" >> /tmp/modprobe.log\n' > /tmp/modprobe.sh
chmod +x /tmp/modprobe.sh
echo /tmp/modprobe.sh > /proc/sys/kernel/modprobe
rm -f /tmp/modprobe.log
await_event /tmp/events.json confined $TRY --expect EAFNOSUPPORT socket 5 2
check "a confined task's module request does not start modprobe" \
	test ! -e /tmp/modprobe.log
check "the module request denial is reported as self-protection" grep -q \
	'"area":"protect","operation":"make the kernel load a module"' /tmp/events.json
check "unconfined, the same socket() starts modprobe for net-pf-5" unconfined sh -c \
	"$TRY --expect EAFNOSUPPORT socket 5 2 && grep -q net-pf-5 /tmp/modprobe.log"
echo "$modprobe" > /proc/sys/kernel/modprobe

# traceme EXPECT MOVE: a confined shell's child asks to be traced by it,
# as try EXPECT; with MOVE=1 the host has moved the child out of the
# confined subtree first.
traceme() {
	local expect=$1 move=$2
	rm -f /tmp/go /tmp/child.pid
	confined sh -c "$TRY $expect traceme-after /tmp/go & echo \$! > /tmp/child.pid; wait \$!" &
	while [ ! -s /tmp/child.pid ]; do sleep 0.05; done
	[ "$move" = 0 ] || echo "$(cat /tmp/child.pid)" > $CG/t-out/cgroup.procs
	touch /tmp/go
	wait $!
}
check "PTRACE_TRACEME by a task moved out of its confined parent's subtree is denied (EPERM)" \
	traceme "--expect EPERM" 1
check "PTRACE_TRACEME inside the confined parent's subtree is allowed" traceme "" 0

# ---- mount calls no mount hook sees --------------------------------------
# mount_setattr() and open_tree() clones are decided by the mount rules at
# their CAP_SYS_ADMIN check, as a remount and a bind.
printf 'policy no-remount\ncapabilities {\n\tallow all\n}\nmount {\n\tdefault allow\n\tdeny remount\n\tdeny bind\n}\n' \
	> /tmp/no-remount.policy
ctrpolicy load /tmp/no-remount.policy --cgroup $CG/t-esc
mkdir -p /tmp/esc-mnt /tmp/esc-bind
setattr="$TRY mount none /tmp/esc-mnt tmpfs - && $TRY --expect EPERM mount-setattr-rw /tmp/esc-mnt"
await_event /tmp/events.json confined $TESTS/mntns sh -c "$setattr"
check "mount_setattr() under 'deny remount' is denied (EPERM) and reported as a remount" \
	grep -q '"area":"mount","operation":"remount"' /tmp/events.json
check "  unconfined, it succeeds" $TESTS/mntns sh -c \
	"$TRY mount none /tmp/esc-mnt tmpfs - && $TRY mount-setattr-rw /tmp/esc-mnt"
check "open_tree(OPEN_TREE_CLONE) under 'deny bind' is denied (EPERM)" \
	confined $TESTS/mntns $TRY --expect EPERM open-tree-clone /tmp /tmp/esc-bind
check "  unconfined, it succeeds" $TESTS/mntns $TRY open-tree-clone /tmp /tmp/esc-bind
ctrpolicy load /tmp/esc.policy --cgroup $CG/t-esc

# ---- enforcement held by a file system the container can reach -----------
# The module holds the programs' links: unmounting, covering or moving the
# BPF file system (or what holds it) leaves them attached.
mkdir -p $CG/t-held
write_policy /tmp/held.policy held enforce none
ctrpolicy load /tmp/held.policy --cgroup $CG/t-held
# still_enforced: a policy still denies, and status says all is attached.
still_enforced() {
	in_cgroup $CG/t-held $TRY --expect EPERM sethostname vm &&
		ctrpolicy status > /dev/null
}
remount_sys() {
	mount -t sysfs sysfs /sys && mount -t securityfs securityfs /sys/kernel/security &&
		mount -t bpf bpf /sys/fs/bpf && mount -t cgroup2 cgroup2 /sys/fs/cgroup
}
if [ -z "$NATIVE" ]; then
	check_exit 5 "a confined root cannot detach enforcement (exit 5)" confined ctrpolicy detach
	check "  it is still enforced" still_enforced
	check "a confined root unmounts the BPF file system (lazily)" \
		confined $TRY umount-lazy /sys/fs/bpf
	check "  it is gone" sh -c "! grep -q ' /sys/fs/bpf ' /proc/mounts"
	check "  it is still enforced" still_enforced
	mount -t bpf bpf /sys/fs/bpf
	check "a confined root mounts a tmpfs over the BPF file system" \
		confined $TRY mount none /sys/fs/bpf tmpfs -
	check "  it is still enforced" still_enforced
	umount /sys/fs/bpf
	mkdir -p /tmp/bpf-moved
	check "a confined root moves the BPF file system away" \
		confined $TRY mount /sys/fs/bpf /tmp/bpf-moved - move
	check "  it is still enforced" still_enforced
	umount -l /tmp/bpf-moved; mount -t bpf bpf /sys/fs/bpf
	check "a confined root unmounts /sys, and the BPF file system with it" \
		confined $TRY umount-lazy /sys
	check "  /sys mounts again" remount_sys
	check "  it is still enforced" still_enforced
	check "the host detaches" ctrpolicy detach
	check_exit 6 "then status: exit 6" ctrpolicy status
	check "status names the hooks not enforced" \
		output_has "hooks not enforced:.* capable.* socket_connect" ctrpolicy status
	check "status -j lists them" sh -c \
		"ctrpolicy -j status | grep -q '\"attached\":false,\"not_enforced\":\[.*\"capable\"'"
	check "attach again" ctrpolicy attach
	check "  it is enforced again" still_enforced
else
	skip "links held by the module" "ctrpolicy is built into this kernel (native LSM)"
fi

# ---- audit mode, and what is left standing --------------------------------
write_policy /tmp/esc-audit.policy escape-audit audit all
printf 'mount {\n\tdefault allow\n}\n' >> /tmp/esc-audit.policy
ctrpolicy load /tmp/esc-audit.policy --cgroup $CG/t-esc
check "in audit mode too, poweroff_cmd is denied (EPERM)" \
	confined $TRY --expect EPERM write $knob /tmp/helper
check "in audit mode too, the sibling's cgroup.kill is denied (EPERM)" \
	confined $TRY --expect EPERM write $CG/t-sib/cgroup.kill 1
check "every policy is still loaded" sh -c \
	"ctrpolicy list | grep -q escape-audit && ctrpolicy list | grep -q other"
check "a denied action still fails in the sibling (EPERM)" \
	in_cgroup $CG/t-sib $TRY --expect EPERM sethostname vm
check "enforcement is still attached" ctrpolicy status

check "enforcement is off" enforce_off
