// SPDX-License-Identifier: GPL-2.0
/*
 * try - attempt one privileged action and report how it went.
 *
 *   try [--expect ERRNO] ACTION [ARGS]
 *
 * Exits 0 when the outcome is the expected one: success without --expect,
 * or failure with exactly errno ERRNO (a name such as EPERM).  Prints the
 * outcome either way, so that a failing test shows what happened.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/fanotify.h>
#include <linux/fs.h>
#include <linux/netlink.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <stdbool.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <signal.h>
#include <linux/sched.h>
#include <unistd.h>
#include <linux/bpf.h>
#include <linux/kexec.h>
#include <linux/perf_event.h>
#include <linux/reboot.h>
#include <sys/io.h>
#include <sys/ioctl.h>
#include <sys/klog.h>
#include <sys/swap.h>
#include <sys/ptrace.h>
#include <sys/uio.h>

struct action {
	const char *name;
	const char *usage;
	int nargs;
	int (*run)(char **args);
};

static int do_sethostname(char **args)
{
	return sethostname(args[0], strlen(args[0]));
}

/* Root of a new user namespace creating a UTS namespace it owns. */
static int do_userns_sethostname(char **args)
{
	if (unshare(CLONE_NEWUSER) || unshare(CLONE_NEWUTS))
		return -1;
	return sethostname(args[0], strlen(args[0]));
}

static int do_chown(char **args)
{
	return chown(args[0], atoi(args[1]), atoi(args[2]));
}

/* RET, after closing FD with the errno of the call that gave RET kept. */
static int close_keeping_errno(int fd, int ret)
{
	int saved = errno;

	close(fd);
	errno = saved;
	return ret;
}

static int do_bind_tcp(char **args)
{
	struct sockaddr_in addr = {
		.sin_family = AF_INET,
		.sin_port = htons(atoi(args[0])),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	int fd, ret;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	ret = bind(fd, (struct sockaddr *)&addr, sizeof(addr));
	return close_keeping_errno(fd, ret);
}

static int do_write(char **args)
{
	int fd, ret;

	fd = open(args[0], O_WRONLY);
	if (fd < 0)
		return -1;
	ret = write(fd, args[1], strlen(args[1])) < 0 ? -1 : 0;
	return close_keeping_errno(fd, ret);
}

static int do_unlink(char **args)
{
	return unlink(args[0]);
}

static int do_delete_module(char **args)
{
	return syscall(SYS_delete_module, args[0], O_NONBLOCK);
}

/* bpf(BPF_LINK_DETACH) of the link with id ARG, reached by id. */
static int do_bpf_link_detach(char **args)
{
	union bpf_attr attr;
	int fd, ret;

	memset(&attr, 0, sizeof(attr));
	attr.link_id = atoi(args[0]);
	fd = syscall(SYS_bpf, BPF_LINK_GET_FD_BY_ID, &attr, sizeof(attr));
	if (fd < 0)
		return -1;
	memset(&attr, 0, sizeof(attr));
	attr.link_detach.link_fd = fd;
	ret = syscall(SYS_bpf, BPF_LINK_DETACH, &attr, sizeof(attr));
	return close_keeping_errno(fd, ret);
}

/* bpf(BPF_OBJ_GET) of a pinned object. */
static int do_bpf_obj_get(char **args)
{
	union bpf_attr attr;
	int fd;

	memset(&attr, 0, sizeof(attr));
	attr.pathname = (unsigned long)args[0];
	fd = syscall(SYS_bpf, BPF_OBJ_GET, &attr, sizeof(attr));
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* clone3(CLONE_INTO_CGROUP): a child started directly in cgroup DIR. */
static int do_clone_into_cgroup(char **args)
{
	struct clone_args cl = { .flags = CLONE_INTO_CGROUP,
				 .exit_signal = SIGCHLD };
	int fd, status;
	pid_t pid;

	fd = open(args[0], O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return -1;
	cl.cgroup = fd;
	pid = syscall(SYS_clone3, &cl, sizeof(cl));
	if (pid == 0)
		_exit(0);
	close(fd);
	if (pid < 0)
		return -1;
	waitpid(pid, &status, 0);
	return 0;
}

/*
 * sethostname() in a loop until FILE exists, while another process
 * replaces the policy: prints how many calls were allowed, denied, or
 * failed otherwise, and fails only on the last.
 */
static int do_sethostname_until(char **args)
{
	unsigned long allowed = 0, denied = 0, other = 0;

	while (access(args[0], F_OK)) {
		if (!sethostname("hammer", 6))
			allowed++;
		else if (errno == EPERM)
			denied++;
		else
			other++;
	}
	printf("allowed=%lu denied=%lu other=%lu\n", allowed, denied, other);
	errno = EIO;
	return other ? -1 : 0;
}

/*
 * Whether /proc/iomem, already open as descriptor FD, shows real addresses:
 * it does only if the check of its opener's CAP_SYS_ADMIN passes.  Fails
 * with EPERM when every address reads as zero.
 */
static int do_iomem_real(char **args)
{
	char line[256];
	FILE *f = fdopen(atoi(args[0]), "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (strtoul(line, NULL, 16) != 0)
			return 0;
	errno = EPERM;
	return -1;
}

static const struct {
	const char *name;
	unsigned long ms;	/* mount(2) flag */
	unsigned int attr;	/* fsmount() attribute */
} mount_flags[] = {
	{ "ro", MS_RDONLY, MOUNT_ATTR_RDONLY },
	{ "nosuid", MS_NOSUID, MOUNT_ATTR_NOSUID },
	{ "nodev", MS_NODEV, MOUNT_ATTR_NODEV },
	{ "noexec", MS_NOEXEC, MOUNT_ATTR_NOEXEC },
	{ "bind", MS_BIND, 0 },
	{ "rec", MS_REC, 0 },
	{ "remount", MS_REMOUNT, 0 },
	{ "move", MS_MOVE, 0 },
	{ "shared", MS_SHARED, 0 },
	{ "private", MS_PRIVATE, 0 },
	{ "slave", MS_SLAVE, 0 },
	{ "unbindable", MS_UNBINDABLE, 0 },
};

/* Comma-separated flag names ("-" for none) as MS_* or MOUNT_ATTR_*. */
static unsigned long parse_mount_flags(const char *list, bool attr)
{
	char *copy = strdup(list), *name, *save = NULL;
	unsigned long flags = 0;
	size_t i;

	for (name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(mount_flags) / sizeof(mount_flags[0]); i++)
			if (!strcmp(name, mount_flags[i].name))
				break;
		if (i == sizeof(mount_flags) / sizeof(mount_flags[0])) {
			if (strcmp(name, "-")) {
				fprintf(stderr, "try: unknown mount flag %s\n", name);
				exit(2);
			}
			continue;
		}
		flags |= attr ? mount_flags[i].attr : mount_flags[i].ms;
	}
	free(copy);
	return flags;
}

static int do_mount(char **args)
{
	return mount(args[0], args[1], strcmp(args[2], "-") ? args[2] : NULL,
		     parse_mount_flags(args[3], false), NULL);
}

/* mount(2) with options (its data), as mount -o passes them. */
static int do_mount_data(char **args)
{
	return mount(args[0], args[1], args[2], parse_mount_flags(args[3], false),
		     args[4]);
}

/*
 * fsopen() + fsconfig() of each comma-separated option (KEY or KEY=VALUE)
 * + fsconfig(CMD_CREATE): the superblock a mount would get, not attached.
 */
static int do_fsopen_create(char **args)
{
	char *option, *value, *save = NULL;
	int fs, ret = -1;

	fs = fsopen(args[0], FSOPEN_CLOEXEC);
	if (fs < 0)
		return -1;
	for (option = strtok_r(args[1], ",", &save); option;
	     option = strtok_r(NULL, ",", &save)) {
		value = strchr(option, '=');
		if (value)
			*value++ = '\0';
		if (fsconfig(fs, value ? FSCONFIG_SET_STRING : FSCONFIG_SET_FLAG,
			     option, value, 0))
			goto out;
	}
	ret = fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0);
out:
	return close_keeping_errno(fs, ret);
}

static int do_umount(char **args)
{
	return umount2(args[0], 0);
}

static int do_umount_lazy(char **args)
{
	return umount2(args[0], MNT_DETACH);
}

static int do_pivot_root(char **args)
{
	return syscall(SYS_pivot_root, args[0], args[1]);
}

/* fsopen() + fsconfig(CMD_CREATE) + fsmount() + move_mount(). */
static int do_newapi_mount(char **args)
{
	int fs, mnt, ret = -1;

	fs = fsopen(args[0], FSOPEN_CLOEXEC);
	if (fs < 0)
		return -1;
	if (fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0))
		goto out;
	mnt = fsmount(fs, FSMOUNT_CLOEXEC, parse_mount_flags(args[2], true));
	if (mnt < 0)
		goto out;
	ret = close_keeping_errno(mnt, move_mount(mnt, "", AT_FDCWD, args[1],
						  MOVE_MOUNT_F_EMPTY_PATH));
out:
	return close_keeping_errno(fs, ret);
}

/* open_tree(OPEN_TREE_CLONE) + move_mount(): a bind by the new API. */
static int do_open_tree_clone(char **args)
{
	int fd, ret;

	fd = open_tree(AT_FDCWD, args[0], OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC);
	if (fd < 0)
		return -1;
	ret = move_mount(fd, "", AT_FDCWD, args[1], MOVE_MOUNT_F_EMPTY_PATH);
	return close_keeping_errno(fd, ret);
}

/* fspick() + fsconfig(FSCONFIG_CMD_RECONFIGURE) making a mount read-write. */
static int do_fspick_rw(char **args)
{
	int fd, ret;

	fd = fspick(AT_FDCWD, args[0], FSPICK_CLOEXEC);
	if (fd < 0)
		return -1;
	ret = fsconfig(fd, FSCONFIG_SET_FLAG, "rw", NULL, 0);
	if (!ret)
		ret = fsconfig(fd, FSCONFIG_CMD_RECONFIGURE, NULL, NULL, 0);
	return close_keeping_errno(fd, ret);
}

/* mount_setattr() clearing MOUNT_ATTR_RDONLY. */
static int do_mount_setattr_rw(char **args)
{
	struct mount_attr attr = { .attr_clr = MOUNT_ATTR_RDONLY };

	return mount_setattr(AT_FDCWD, args[0], 0, &attr, sizeof(attr));
}

/* PTRACE_ATTACH, then let the tracee go. */
static int do_ptrace_attach(char **args)
{
	pid_t pid = atoi(args[0]);

	int status;

	if (ptrace(PTRACE_ATTACH, pid, NULL, NULL))
		return -1;
	/*
	 * Until the stop of the attach's SIGSTOP, which the detach then
	 * discards.  A tracee caught in execve() stops for its SIGTRAP
	 * first: detached there, it would stop for good on the SIGSTOP.
	 */
	while (waitpid(pid, &status, __WALL) == pid && WIFSTOPPED(status) &&
	       WSTOPSIG(status) != SIGSTOP)
		ptrace(PTRACE_CONT, pid, NULL, NULL);
	return ptrace(PTRACE_DETACH, pid, NULL, NULL);
}

/*
 * The result of a call that gave @fd through @holder: both closed, its
 * errno kept; 0 when it gave one.
 */
static int close_both(int fd, int holder)
{
	int saved = errno;

	close(holder);
	if (fd >= 0)
		close(fd);
	errno = saved;
	return fd < 0 ? -1 : 0;
}

/* open(2) of FILE for reading (r) or writing (w), closed at once. */
static int do_open(char **args)
{
	int fd = open(args[0], strcmp(args[1], "w") ? O_RDONLY : O_WRONLY);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* FIFREEZE on a file's file system (thawed again if it froze). */
static int do_freeze(char **args)
{
	int fd = open(args[0], O_RDONLY), ret;

	if (fd < 0)
		return -1;
	ret = ioctl(fd, FIFREEZE, 0);
	/* errno is read only when FIFREEZE failed, and then nothing is thawed. */
	if (!ret)
		ioctl(fd, FITHAW, 0);
	return close_keeping_errno(fd, ret);
}

/* open_by_handle_at(2) of FILE by the handle name_to_handle_at() gives. */
static int do_open_by_handle(char **args)
{
	struct {
		struct file_handle handle;
		unsigned char bytes[MAX_HANDLE_SZ];
	} h = { .handle.handle_bytes = MAX_HANDLE_SZ };
	int mount_id, mount_fd, fd;

	if (name_to_handle_at(AT_FDCWD, args[0], &h.handle, &mount_id, 0))
		return -1;
	mount_fd = open(args[0], O_RDONLY);
	if (mount_fd < 0)
		return -1;
	fd = open_by_handle_at(mount_fd, &h.handle, O_RDONLY);
	return close_both(fd, mount_fd);
}

/*
 * A uevent sent to the kernel on a NETLINK_KOBJECT_UEVENT socket, which it
 * broadcasts as its own: 0 once the socket, listening too, has it back.
 */
static int do_uevent_forge(char **args)
{
	static const char payload[] = "add@/devices/ctrpolicy-forged\0"
		"ACTION=add\0DEVPATH=/devices/ctrpolicy-forged\0SUBSYSTEM=ctrpolicy";
	struct sockaddr_nl self = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct timeval wait = { .tv_sec = 2 };
	struct {
		struct nlmsghdr nlh;
		char data[sizeof(payload)];
	} msg = {
		.nlh = { .nlmsg_len = sizeof(msg), .nlmsg_type = NLMSG_MIN_TYPE,
			 .nlmsg_flags = NLM_F_REQUEST },
	};
	char buf[1024];
	ssize_t n;
	int fd, ret = -1;

	(void)args;
	memcpy(msg.data, payload, sizeof(payload));
	fd = socket(AF_NETLINK, SOCK_DGRAM, NETLINK_KOBJECT_UEVENT);
	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&self, sizeof(self)) ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof(wait)) ||
	    sendto(fd, &msg, sizeof(msg), 0, (struct sockaddr *)&kernel,
		   sizeof(kernel)) < 0)
		goto out;
	/* Skip other uevents; a timeout is EAGAIN. */
	while ((n = recv(fd, buf, sizeof(buf), 0)) > 0)
		if (!strcmp(buf, payload)) {
			ret = 0;
			break;
		}
out:
	return close_keeping_errno(fd, ret);
}

/* BPF_PROG_LOAD of COUNT instructions, the program closed at once. */
static int load_bpf_prog(enum bpf_prog_type type,
			 enum bpf_attach_type expected_attach_type,
			 const struct bpf_insn *insns, unsigned int count)
{
	union bpf_attr attr;
	int fd;

	memset(&attr, 0, sizeof(attr));
	attr.prog_type = type;
	attr.expected_attach_type = expected_attach_type;
	attr.insns = (unsigned long)insns;
	attr.insn_cnt = count;
	attr.license = (unsigned long)"GPL";
	fd = syscall(SYS_bpf, BPF_PROG_LOAD, &attr, sizeof(attr));
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/*
 * A socket filter that calls bpf_probe_read_kernel(): the verifier offers
 * that helper only to a loader with CAP_PERFMON (or CAP_SYS_ADMIN).
 */
static int do_bpf_read_kernel(char **args)
{
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_X, .dst_reg = BPF_REG_1,
		  .src_reg = BPF_REG_10 },
		{ .code = BPF_ALU64 | BPF_ADD | BPF_K, .dst_reg = BPF_REG_1, .imm = -8 },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_2, .imm = 8 },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_3, .imm = 0 },
		{ .code = BPF_JMP | BPF_CALL, .imm = BPF_FUNC_probe_read_kernel },
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 0 },
		{ .code = BPF_JMP | BPF_EXIT },
	};

	(void)args;
	return load_bpf_prog(BPF_PROG_TYPE_SOCKET_FILTER, 0, insns,
			     sizeof(insns) / sizeof(insns[0]));
}

static int do_swapon(char **args)
{
	return swapon(args[0], 0);
}

static int do_swapoff(char **args)
{
	return swapoff(args[0]);
}

/* acct(2) on FILE, then off again. */
static int do_acct(char **args)
{
	if (acct(args[0]))
		return -1;
	return acct(NULL);
}

/* syslog(2) action TYPE (SYSLOG_ACTION_*), with no buffer. */
static int do_syslog(char **args)
{
	return klogctl(atoi(args[0]), NULL, 0) < 0 ? -1 : 0;
}

/* One byte of another process's memory at ADDR (hex). */
static int do_vm_readv(char **args)
{
	char byte;
	struct iovec local = { .iov_base = &byte, .iov_len = 1 };
	struct iovec remote = {
		.iov_base = (void *)strtoul(args[1], NULL, 16),
		.iov_len = 1,
	};

	return process_vm_readv(atoi(args[0]), &local, 1, &remote, 1, 0) == 1 ? 0 : -1;
}

/* A duplicate of another process's file descriptor FD. */
static int do_pidfd_getfd(char **args)
{
	int pidfd, fd;

	pidfd = syscall(SYS_pidfd_open, atoi(args[0]), 0);
	if (pidfd < 0)
		return -1;
	fd = syscall(SYS_pidfd_getfd, pidfd, atoi(args[1]), 0);
	return close_both(fd, pidfd);
}

/*
 * setns(2) into the namespaces of process PID, by a pidfd (CLONE_NEWUTS:
 * one every test task may join) or by FILE (such as /proc/PID/ns/mnt).
 */
static int do_setns_pidfd(char **args)
{
	int pidfd, ret;

	pidfd = syscall(SYS_pidfd_open, atoi(args[0]), 0);
	if (pidfd < 0)
		return -1;
	ret = setns(pidfd, CLONE_NEWUTS);
	return close_keeping_errno(pidfd, ret);
}

static int do_setns(char **args)
{
	int fd = open(args[0], O_RDONLY), ret;

	if (fd < 0)
		return -1;
	ret = setns(fd, 0);
	return close_keeping_errno(fd, ret);
}

/*
 * fanotify_mark(2) of WHAT (inode, mount or filesystem) at PATH for EVENT
 * (open, or open-perm: each open waits for this watcher's verdict).
 */
static int do_fanotify_mark(char **args)
{
	unsigned int what = !strcmp(args[0], "mount") ? FAN_MARK_MOUNT :
			    !strcmp(args[0], "filesystem") ? FAN_MARK_FILESYSTEM : 0;
	unsigned long long event = strcmp(args[2], "open-perm") ? FAN_OPEN : FAN_OPEN_PERM;
	int fd, ret;

	fd = fanotify_init(FAN_CLASS_CONTENT, O_RDONLY);
	if (fd < 0)
		return -1;
	ret = fanotify_mark(fd, FAN_MARK_ADD | what, event, AT_FDCWD, args[1]);
	return close_keeping_errno(fd, ret);
}

static int do_kill(char **args)
{
	return kill(atoi(args[0]), atoi(args[1]));
}

/* Once FILE exists, ask the parent to trace this process. */
static int do_traceme_after(char **args)
{
	while (access(args[0], F_OK))
		usleep(10000);
	return ptrace(PTRACE_TRACEME, 0, NULL, NULL) ? -1 : 0;
}

/* kexec_load() of no segment: unloads the kexec kernel, if any. */
/*
 * Lowers the hard RLIMIT_NOFILE by one, which anyone may, then raises it
 * back with prlimit(): do_prlimit() asks capable(CAP_SYS_RESOURCE) while
 * it holds the task's task_lock(), a lock the report of a denial must not
 * nest anything sleeping under.
 */
static int do_raise_rlimit(char **args)
{
	struct rlimit r, lower;

	(void)args;
	if (getrlimit(RLIMIT_NOFILE, &r))
		return -1;
	lower = r;
	lower.rlim_max = r.rlim_max - 1;
	if (lower.rlim_cur > lower.rlim_max)
		lower.rlim_cur = lower.rlim_max;
	if (prlimit(0, RLIMIT_NOFILE, &lower, NULL))
		return -1;
	return prlimit(0, RLIMIT_NOFILE, &r, NULL);
}

static int do_kexec_unload(char **args)
{
	(void)args;
	return syscall(SYS_kexec_load, 0UL, 0UL, NULL, KEXEC_ARCH_DEFAULT);
}

/*
 * bpf(BPF_PROG_LOAD) of the smallest program of a type: "r0 = 1; exit".
 * The types by name, with the attach type the kernel asks of some.
 */
static int do_bpf_prog_load(char **args)
{
	static const struct {
		const char *name;
		enum bpf_prog_type type;
		enum bpf_attach_type attach;
	} types[] = {
		{ "socket_filter", BPF_PROG_TYPE_SOCKET_FILTER, 0 },
		{ "kprobe", BPF_PROG_TYPE_KPROBE, 0 },
		{ "tracepoint", BPF_PROG_TYPE_TRACEPOINT, 0 },
		{ "cgroup_sock_addr", BPF_PROG_TYPE_CGROUP_SOCK_ADDR,
		  BPF_CGROUP_INET4_CONNECT },
		{ "cgroup_device", BPF_PROG_TYPE_CGROUP_DEVICE, 0 },
		{ "sched_cls", BPF_PROG_TYPE_SCHED_CLS, 0 },
	};
	struct bpf_insn insns[] = {
		{ .code = BPF_ALU64 | BPF_MOV | BPF_K, .dst_reg = BPF_REG_0, .imm = 1 },
		{ .code = BPF_JMP | BPF_EXIT },
	};
	size_t i;

	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (!strcmp(args[0], types[i].name))
			break;
	if (i == sizeof(types) / sizeof(types[0])) {
		fprintf(stderr, "try: unknown program type %s\n", args[0]);
		exit(2);
	}
	return load_bpf_prog(types[i].type, types[i].attach, insns,
			     sizeof(insns) / sizeof(insns[0]));
}

/* perf_event_open(2) of a software clock on task PID (-1: every task) and CPU. */
static int do_perf_open(char **args)
{
	struct perf_event_attr attr = {
		.type = PERF_TYPE_SOFTWARE,
		.size = sizeof(attr),
		.config = PERF_COUNT_SW_CPU_CLOCK,
		.exclude_kernel = 1,
	};
	int fd;

	fd = syscall(SYS_perf_event_open, &attr, atoi(args[0]), atoi(args[1]),
		     -1, 0);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* socket(2) of a FAMILY and TYPE by number, then closed. */
static int do_socket(char **args)
{
	int fd = socket(atoi(args[0]), atoi(args[1]), 0);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/*
 * TIOCSTI: "id" and a newline typed into a new pseudo-terminal, then read
 * back from it, as the shell that owns a terminal would read them.
 */
static int do_tiocsti(char **args)
{
	const char *typed = "id\n";
	char buf[8];
	int master, slave = -1, ret = -1, saved;

	(void)args;
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master))
		goto out;
	slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_NONBLOCK);
	if (slave < 0)
		goto out;
	for (; *typed; typed++)
		if (ioctl(slave, TIOCSTI, typed))
			goto out;
	if (read(slave, buf, sizeof(buf)) != 3 || memcmp(buf, "id\n", 3)) {
		errno = EIO;
		goto out;
	}
	ret = 0;
out:
	saved = errno;
	if (slave >= 0)
		close(slave);
	if (master >= 0)
		close(master);
	errno = saved;
	return ret;
}

/*
 * F_SETOWN of a socket to process PID, then I/O on it: the kernel sends PID
 * the socket's SIGIO, whose default action ends a process.
 */
static int do_sigio(char **args)
{
	int fds[2], ret = -1;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds))
		return -1;
	if (!fcntl(fds[0], F_SETOWN, atoi(args[0])) &&
	    !fcntl(fds[0], F_SETFL, O_ASYNC) && write(fds[1], "x", 1) == 1)
		ret = 0;
	return close_keeping_errno(fds[0], close_keeping_errno(fds[1], ret));
}

/* Changes to process PID's limits and scheduling, each to what it was. */
static int do_setpriority(char **args)
{
	return setpriority(PRIO_PROCESS, atoi(args[0]), 0);
}

static int do_ioprio_set(char **args)
{
	/* IOPRIO_WHO_PROCESS, the best-effort class (2) at level 4. */
	return syscall(SYS_ioprio_set, 1, atoi(args[0]), 2 << 13 | 4);
}

static int do_setaffinity(char **args)
{
	cpu_set_t cpus;

	if (sched_getaffinity(atoi(args[0]), sizeof(cpus), &cpus))
		return -1;
	return sched_setaffinity(atoi(args[0]), sizeof(cpus), &cpus);
}

static int do_prlimit(char **args)
{
	struct rlimit limit;

	if (prlimit(atoi(args[0]), RLIMIT_CORE, NULL, &limit))
		return -1;
	return prlimit(atoi(args[0]), RLIMIT_CORE, &limit, NULL);
}

static int do_migrate_pages(char **args)
{
	unsigned long node0 = 1;

	return syscall(SYS_migrate_pages, atoi(args[0]), 8 * sizeof(node0),
		       &node0, &node0) < 0 ? -1 : 0;
}

/*
 * request_key(2) of a key that does not exist: the kernel asks
 * /sbin/request-key to construct it, into the default keyring.
 */
static int do_request_key(char **args)
{
	return syscall(SYS_request_key, args[0], args[1], args[2], 0) < 0 ? -1 : 0;
}

/*
 * reboot(2) with LINUX_REBOOT_CMD_CAD_OFF then CAD_ON, the kernel's
 * default: what Ctrl-Alt-Del does, in the host's PID namespace (a reboot
 * of the host needs the same capability).
 */
static int do_reboot_cad(char **args)
{
	(void)args;
	if (syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		    LINUX_REBOOT_CMD_CAD_OFF, NULL))
		return -1;
	return syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		       LINUX_REBOOT_CMD_CAD_ON, NULL);
}

/* reboot(2) with LINUX_REBOOT_CMD_RESTART: in a PID namespace, its end. */
static int do_reboot_restart(char **args)
{
	(void)args;
	return syscall(SYS_reboot, LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
		       LINUX_REBOOT_CMD_RESTART, NULL);
}

/* Every I/O port for this process. */
static int do_iopl(char **args)
{
	return iopl(atoi(args[0]));
}

static int do_read(char **args)
{
	char buf[64];
	int fd, ret;

	fd = open(args[0], O_RDONLY);
	if (fd < 0)
		return -1;
	ret = read(fd, buf, sizeof(buf)) < 0 ? -1 : 0;
	return close_keeping_errno(fd, ret);
}

static int do_mkdir(char **args)
{
	return mkdir(args[0], 0755);
}

static int do_rmdir(char **args)
{
	return rmdir(args[0]);
}

static int do_rename(char **args)
{
	return rename(args[0], args[1]);
}

static const struct action actions[] = {
	{ "sethostname", "NAME", 1, do_sethostname },
	{ "userns-sethostname", "NAME", 1, do_userns_sethostname },
	{ "chown", "FILE UID GID", 3, do_chown },
	{ "bind-tcp", "PORT", 1, do_bind_tcp },
	{ "write", "FILE TEXT", 2, do_write },
	{ "unlink", "FILE", 1, do_unlink },
	{ "delete-module", "NAME", 1, do_delete_module },
	{ "bpf-link-detach", "LINK_ID", 1, do_bpf_link_detach },
	{ "bpf-obj-get", "PIN", 1, do_bpf_obj_get },
	{ "clone-into-cgroup", "DIR", 1, do_clone_into_cgroup },
	{ "iomem-real", "FD", 1, do_iomem_real },
	{ "mount", "SOURCE TARGET FSTYPE|- FLAGS|-", 4, do_mount },
	{ "mount-data", "SOURCE TARGET FSTYPE FLAGS|- OPTIONS", 5, do_mount_data },
	{ "fsopen-create", "FSTYPE OPTION[,OPTION...]", 2, do_fsopen_create },
	{ "umount", "TARGET", 1, do_umount },
	{ "umount-lazy", "TARGET", 1, do_umount_lazy },
	{ "pivot-root", "NEW_ROOT PUT_OLD", 2, do_pivot_root },
	{ "newapi-mount", "FSTYPE TARGET ATTRS|-", 3, do_newapi_mount },
	{ "open-tree-clone", "SOURCE TARGET", 2, do_open_tree_clone },
	{ "fspick-rw", "TARGET", 1, do_fspick_rw },
	{ "mount-setattr-rw", "TARGET", 1, do_mount_setattr_rw },
	{ "sethostname-until", "FILE", 1, do_sethostname_until },
	{ "ptrace-attach", "PID", 1, do_ptrace_attach },
	{ "vm-readv", "PID ADDR", 2, do_vm_readv },
	{ "pidfd-getfd", "PID FD", 2, do_pidfd_getfd },
	{ "setns-pidfd", "PID", 1, do_setns_pidfd },
	{ "setns", "FILE", 1, do_setns },
	{ "fanotify-mark", "inode|mount|filesystem PATH open|open-perm", 3, do_fanotify_mark },
	{ "kill", "PID SIGNAL", 2, do_kill },
	{ "traceme-after", "FILE", 1, do_traceme_after },
	{ "kexec-unload", "", 0, do_kexec_unload },
	{ "raise-rlimit", "", 0, do_raise_rlimit },
	{ "iopl", "LEVEL", 1, do_iopl },
	{ "bpf-prog-load", "TYPE", 1, do_bpf_prog_load },
	{ "perf-open", "PID CPU", 2, do_perf_open },
	{ "socket", "FAMILY TYPE", 2, do_socket },
	{ "tiocsti", "", 0, do_tiocsti },
	{ "sigio", "PID", 1, do_sigio },
	{ "reboot-cad", "", 0, do_reboot_cad },
	{ "reboot-restart", "", 0, do_reboot_restart },
	{ "setpriority", "PID", 1, do_setpriority },
	{ "ioprio-set", "PID", 1, do_ioprio_set },
	{ "setaffinity", "PID", 1, do_setaffinity },
	{ "prlimit", "PID", 1, do_prlimit },
	{ "migrate-pages", "PID", 1, do_migrate_pages },
	{ "request-key", "TYPE DESCRIPTION CALLOUT", 3, do_request_key },
	{ "read", "FILE", 1, do_read },
	{ "open", "FILE r|w", 2, do_open },
	{ "freeze", "FILE", 1, do_freeze },
	{ "open-by-handle", "FILE", 1, do_open_by_handle },
	{ "uevent-forge", "", 0, do_uevent_forge },
	{ "swapon", "FILE", 1, do_swapon },
	{ "swapoff", "FILE", 1, do_swapoff },
	{ "acct", "FILE", 1, do_acct },
	{ "syslog", "TYPE", 1, do_syslog },
	{ "bpf-read-kernel", "", 0, do_bpf_read_kernel },
	{ "mkdir", "DIR", 1, do_mkdir },
	{ "rmdir", "DIR", 1, do_rmdir },
	{ "rename", "OLD NEW", 2, do_rename },
};

static const struct {
	const char *name;
	int value;
} errnos[] = {
	{ "EPERM", EPERM }, { "EACCES", EACCES }, { "ENOENT", ENOENT },
	{ "EBUSY", EBUSY }, { "EINVAL", EINVAL }, { "EAGAIN", EAGAIN },
	{ "EWOULDBLOCK", EWOULDBLOCK }, { "ENOSYS", ENOSYS },
	{ "EFAULT", EFAULT }, { "EIO", EIO }, { "ENODEV", ENODEV },
	{ "EAFNOSUPPORT", EAFNOSUPPORT }, { "ENOKEY", ENOKEY },
	{ "EOPNOTSUPP", EOPNOTSUPP },
};

static const char *errno_name(int e)
{
	size_t i;

	for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
		if (errnos[i].value == e)
			return errnos[i].name;
	return "E?";
}

static void usage(void)
{
	size_t i;

	fprintf(stderr, "usage: try [--expect ERRNO] ACTION [ARGS]\n");
	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		fprintf(stderr, "  %s %s\n", actions[i].name, actions[i].usage);
	exit(2);
}

int main(int argc, char **argv)
{
	int expect = 0, ret, err;
	size_t i, j;

	argv++, argc--;
	if (argc >= 2 && !strcmp(argv[0], "--expect")) {
		for (j = 0; j < sizeof(errnos) / sizeof(errnos[0]); j++)
			if (!strcmp(argv[1], errnos[j].name))
				expect = errnos[j].value;
		if (!expect)
			usage();
		argv += 2, argc -= 2;
	}
	if (argc < 1)
		usage();
	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++) {
		if (strcmp(argv[0], actions[i].name))
			continue;
		if (argc - 1 != actions[i].nargs)
			usage();
		ret = actions[i].run(argv + 1);
		err = errno;
		if (ret == 0)
			printf("%s: succeeded\n", argv[0]);
		else
			printf("%s: failed: %s (%s)\n", argv[0], errno_name(err),
			       strerror(err));
		if (expect)
			return ret != 0 && err == expect ? 0 : 1;
		return ret == 0 ? 0 : 1;
	}
	usage();
}
