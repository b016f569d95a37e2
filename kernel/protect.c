// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Self-protection.
 *
 * Self-protection holds whatever the policy allows.  A confined task, root
 * in any namespace with every capability its policy grants, cannot:
 *  - change or remove policies (netlink.c), load or unload modules, replace
 *    the kernel (kexec) or reach physical memory and I/O ports (caps.c);
 *  - reach the enforcement programs through bpf() or the BPF file system,
 *    or load a BPF program beyond its own sockets;
 *  - leave its confined subtree, or create, remove, rename or write the
 *    files of cgroups outside it;
 *  - trace a task outside its confined subtree, read or write its memory,
 *    signal it, change its limits or scheduling, make it the owner of a
 *    file (which gets the file's SIGIO): a less-confined process would act
 *    for it; sample the tasks of a whole CPU; type into a terminal another
 *    process reads; watch a whole mount or file system, or hold up other
 *    tasks' file access (fanotify permission events);
 *  - make the kernel run a program for it outside its cgroup (modprobe for
 *    a module it names, request-key for a key it asks, ...), or change the
 *    host at large: host-global sysctls (core_pattern, modprobe, hotplug,
 *    poweroff_cmd, ...), sysfs (uevent_helper, ...), debugfs, tracefs,
 *    securityfs, configfs, efivarfs, pstore, binfmt_misc, fusectl, the
 *    magic SysRq key, a cgroup v1 release_agent, /proc files of tasks
 *    outside its subtree, the kernel's log (cleared), forged uevents,
 *    /dev/snapshot, frozen file systems; cgroup v1 controllers and release
 *    agents; with the capabilities of caps.c's host_at_large().
 * These denials hold in audit mode too.
 *
 * A task's confinement is the subtree of the deepest cgroup of its ancestry
 * whose policy is in force: every other policy of its chain sits above it.
 */

#include <linux/bpf.h>
#include <linux/cgroup.h>
#include <linux/cred.h>
#include <linux/fcntl.h>
#include <linux/fs.h>
#include <linux/fsnotify_backend.h>
#include <linux/ipc_namespace.h>
#include <linux/kernel_read_file.h>
#include <linux/kernfs.h>
#include <linux/kdev_t.h>
#include <linux/miscdevice.h>
#include <linux/netlink.h>
#include <linux/key-type.h>
#include <linux/magic.h>
#include <linux/nsproxy.h>
#include <linux/perf_event.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/proc_fs.h>
#include <linux/proc_ns.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/security.h>
#include <linux/sockios.h>
#include <linux/string.h>
#include <linux/syslog.h>
#include <linux/tty.h>
#include <linux/utsname.h>
#include <net/net_namespace.h>
#include <net/sock.h>

#include "common.h"
#include "compat.h"
#include "decide.h"
#include "protect.h"
#include "store.h"
#include "syscall.h"

/**
 * ctrpolicy_protect - Deny a self-protection operation to a confined task
 * @operation: what was asked, for the report
 *
 * Return: 0 for an unconfined task, -EPERM for a confined one.
 */
int ctrpolicy_protect(const char *operation)
{
	return ctrpolicy_protect_as(current, operation, false);
}

/**
 * ctrpolicy_protect_as - Deny a self-protection operation by a task's policies
 * @subject: the task whose confinement forbids it
 * @operation: what was asked, for the report
 * @quiet: count the denial but report no event
 *
 * Return: 0 when @subject is unconfined, -EPERM when it is confined.
 */
int ctrpolicy_protect_as(struct task_struct *subject, const char *operation,
			 bool quiet)
{
	const struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_PROTECT,
		.operation = operation,
		.quiet = quiet,
	};

	return ctrpolicy_decide_as(subject, &request, NULL);
}

/*
 * Whether a BPF program of @type runs only for the sockets its loader holds.
 * Every other type runs for other tasks (tracing, LSM, struct_ops: code in
 * any task on the host, bpf_probe_write_user() into its memory), for a
 * cgroup or network namespace that may be another container's, or rewrites
 * the addresses of packets after the network rules decided them (cgroup
 * sock_addr programs, tc, XDP).
 */
static bool prog_type_of_own_sockets(u32 type)
{
	switch (type) {
	case BPF_PROG_TYPE_SOCKET_FILTER:
	case BPF_PROG_TYPE_SK_REUSEPORT:
	case BPF_PROG_TYPE_SK_SKB:
	case BPF_PROG_TYPE_SK_MSG:
		return true;
	default:
		return false;
	}
}

/**
 * ctrpolicy_decide_bpf - Decide a bpf() command
 * @cmd: the command
 * @attr: its attributes, a kernel copy
 *
 * Denies the commands that reach existing BPF objects by id or by pin, or
 * detach or replace a link: the enforcement programs are such objects.
 * Denies loading a program that would run beyond the task's own sockets,
 * and switching the host's BPF statistics.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_bpf(int cmd, const union bpf_attr *attr)
{
	switch (cmd) {
	case BPF_OBJ_PIN:
	case BPF_OBJ_GET:
	case BPF_PROG_GET_FD_BY_ID:
	case BPF_MAP_GET_FD_BY_ID:
	case BPF_BTF_GET_FD_BY_ID:
	case BPF_LINK_GET_FD_BY_ID:
	case BPF_LINK_UPDATE:
	case BPF_LINK_DETACH:
	case BPF_PROG_DETACH:
		return ctrpolicy_protect("bpf");
	case BPF_PROG_LOAD:
		if (prog_type_of_own_sockets(attr->prog_type))
			return 0;
		return ctrpolicy_protect("load a BPF program beyond its own sockets");
	case BPF_ENABLE_STATS:
		return ctrpolicy_protect("bpf");
	default:
		return 0;
	}
}

/* Not in 6.1's uapi <linux/magic.h>. */
#define CONFIGFS_MAGIC		0x62656570
#define FUSE_CTL_SUPER_MAGIC	0x65735543
#ifndef FS_IOC_SHUTDOWN
/* ext4's, XFS's and f2fs's shutdown: one number, in uapi's <linux/fs.h> later. */
#define FS_IOC_SHUTDOWN		_IOR('X', 125, __u32)
#endif

/*
 * Whether cgroup @target lies inside @subject's confinement.  Under RCU, in
 * task context.
 */
static bool within_confinement(struct task_struct *subject,
			       const struct cgroup *target)
{
	const struct ctrpolicy_chain *chain;
	const struct ctrpolicy_entry *deepest;
	bool inside = true;

	preempt_disable();
	chain = ctrpolicy_store_chain(task_dfl_cgroup(subject));
	if (chain->len) {
		deepest = chain->entries[chain->len - 1];
		inside = target->level >= deepest->level &&
			 cgroup_id(target->ancestors[deepest->level]) ==
			 deepest->cgroup_id;
	}
	preempt_enable();
	return inside;
}

/* Whether task @task lies inside @subject's confinement. */
static bool task_within(struct task_struct *subject, struct task_struct *task)
{
	bool inside;

	rcu_read_lock();
	inside = within_confinement(subject, task_dfl_cgroup(task));
	rcu_read_unlock();
	return inside;
}

/* Whether the cgroup of cgroup2 directory @dir lies inside current's. */
static bool dir_within(struct kernfs_node *dir)
{
	struct cgroup *cgrp;
	bool inside;

	rcu_read_lock();
	/* Cleared, and the cgroup freed after a grace period, on removal. */
	cgrp = rcu_dereference(*(void __rcu __force **)&dir->priv);
	inside = !cgrp || within_confinement(current, cgrp);
	rcu_read_unlock();
	return inside;
}

/*
 * Whether cgroup2 file @kn moves a task into its cgroup when written:
 * cgroup.procs and cgroup.threads, which clone3(CLONE_INTO_CGROUP) asks
 * write access to as well.
 */
static bool moves_tasks(const struct kernfs_node *kn)
{
	return !strcmp(kn->name, "cgroup.procs") ||
	       !strcmp(kn->name, "cgroup.threads");
}

/**
 * ctrpolicy_decide_inode_permission - Decide access to an inode
 * @inode: the inode
 * @mask: MAY_* access
 *
 * A confined task may write the files of cgroups inside its confinement
 * only, wherever the cgroup2 file system is mounted: it can neither move a
 * task out nor touch another container's cgroups (cgroup.kill,
 * cgroup.freeze, memory.max, ...).
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_inode_permission(struct inode *inode, int mask)
{
	struct kernfs_node *kn, *parent;
	bool inside;

	if (!(mask & MAY_WRITE) || inode->i_sb->s_magic != CGROUP2_SUPER_MAGIC)
		return 0;
	kn = inode->i_private;
	if (!kn || kernfs_type(kn) != KERNFS_FILE ||
	    !ctrpolicy_current_confined())
		return 0;
	rcu_read_lock();
	parent = ctrpolicy_kernfs_parent(kn);
	inside = !parent || dir_within(parent);
	rcu_read_unlock();
	if (inside)
		return 0;
	return ctrpolicy_protect(moves_tasks(kn) ?
				 "move a task out of its confined cgroup" :
				 "write a cgroup file outside its confinement");
}

/**
 * ctrpolicy_decide_dir_change - Decide a change of a directory's entries
 * @dir: the directory of the mkdir, unlink, rmdir or rename
 *
 * Removing a pin can detach an enforcement program; creating, removing or
 * renaming a cgroup outside its confinement touches another container.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_dir_change(struct inode *dir)
{
	switch (dir->i_sb->s_magic) {
	case BPF_FS_MAGIC:
		return ctrpolicy_protect("remove or rename a BPF pin");
	case CGROUP2_SUPER_MAGIC:
		if (!dir->i_private || !ctrpolicy_current_confined() ||
		    dir_within(dir->i_private))
			return 0;
		return ctrpolicy_protect("change cgroups outside its confinement");
	default:
		return 0;
	}
}

/**
 * ctrpolicy_decide_rmdir - Decide the removal of a directory
 * @dir: the directory it is removed from
 *
 * As ctrpolicy_decide_dir_change(); a cgroup removed also has the store
 * look for the policies of removed cgroups soon, so that they are gone
 * from listings without a request deleting anything.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_rmdir(struct inode *dir)
{
	int err = ctrpolicy_decide_dir_change(dir);

	if (!err && dir->i_sb->s_magic == CGROUP2_SUPER_MAGIC)
		ctrpolicy_store_cgroup_removed();
	return err;
}

#define CGROUP1_POWERS "mount cgroup v1 controllers or a release agent"

/*
 * Whether cgroup v1 superblock @sb is a hierarchy without controllers and
 * without a release agent (a "none,name=" one, as old systemd mounts).
 */
static bool cgroup1_inert(const struct super_block *sb)
{
	const struct kernfs_node *kn = sb->s_root && d_inode(sb->s_root) ?
				       d_inode(sb->s_root)->i_private : NULL;
	const struct cgroup *cgrp = kn ? kn->priv : NULL;

	/* The root's node holds the root cgroup, which knows its hierarchy. */
	return cgrp && !cgrp->root->subsys_mask &&
	       !READ_ONCE(cgrp->root->release_agent_path[0]);
}

/**
 * ctrpolicy_decide_cgroup1_mount - Decide the superblock a new mount gets
 * @sb: the superblock, new or found, of mount(2) or fsconfig(2)'s
 *      FSCONFIG_CMD_CREATE, as the file system has set it up: both ask
 *      the sb_kern_mount hook then, so no other hook is attached for it
 *
 * A cgroup v1 hierarchy with controllers moves, freezes and throttles any
 * task of the host (its cgroup.procs and tasks files take any pid), and
 * one with a release agent (a mount option: "release_agent=PROGRAM") has
 * the kernel run that program as host root when a cgroup empties.  A
 * confined task mounts only hierarchies with neither, whatever it asked:
 * decided on the hierarchy, so that no option and no default escapes.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_cgroup1_mount(const struct super_block *sb)
{
	if (sb->s_magic != CGROUP_SUPER_MAGIC || !ctrpolicy_current_confined() ||
	    cgroup1_inert(sb))
		return 0;
	return ctrpolicy_protect(CGROUP1_POWERS);
}

/**
 * ctrpolicy_decide_cgroup1_remount - Decide the reconfiguration of a superblock
 * @sb: the superblock
 *
 * A cgroup v1 hierarchy reconfigured may gain controllers or a release
 * agent (see ctrpolicy_decide_cgroup1_mount()), which its options, not
 * known here, decide: a confined task reconfigures none.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_cgroup1_remount(const struct super_block *sb)
{
	if (sb->s_magic != CGROUP_SUPER_MAGIC)
		return 0;
	return ctrpolicy_protect(CGROUP1_POWERS);
}

/**
 * ctrpolicy_decide_ptrace_access_check - Decide a ptrace access
 * @child: the task to trace or whose memory or files are accessed
 * @mode: PTRACE_MODE_*
 *
 * Covers PTRACE_ATTACH and PTRACE_SEIZE, /proc/PID/mem and the other
 * ptrace-checked /proc files, process_vm_readv(2) and process_vm_writev(2),
 * pidfd_getfd(2) and kcmp(2).  A confined task may reach only tasks inside
 * its confinement, whose chain of policies holds its own.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_ptrace_access_check(struct task_struct *child,
					 unsigned int mode)
{
	if (!ctrpolicy_current_confined() || task_within(current, child))
		return 0;
	return ctrpolicy_protect_as(current, "trace a task outside its confinement",
				    mode & PTRACE_MODE_NOAUDIT);
}

/**
 * ctrpolicy_decide_ptrace_traceme - Decide a PTRACE_TRACEME
 * @parent: the task that would trace the current one
 *
 * The tracer's confinement must hold the tracee, as for an attach: a
 * confined parent cannot be handed a less-confined child.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_ptrace_traceme(struct task_struct *parent)
{
	if (ctrpolicy_none_loaded() || !in_task() || task_within(parent, current))
		return 0;
	return ctrpolicy_protect_as(parent, "trace a task outside its confinement",
				    false);
}

/**
 * ctrpolicy_decide_task_kill - Decide a signal
 * @task: the task signalled
 *
 * kill(2), tgkill(2), rt_sigqueueinfo(2), pidfd_send_signal(2): a confined
 * task signals only tasks inside its confinement.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_task_kill(struct task_struct *task)
{
	if (!ctrpolicy_current_confined() || task_within(current, task))
		return 0;
	return ctrpolicy_protect("signal a task outside its confinement");
}

#define CHANGE_OUTSIDE "change a task outside its confinement"

/**
 * ctrpolicy_decide_task_change - Decide a change to a task's scheduling
 * @task: the task changed
 *
 * setpriority(2), ioprio_set(2), sched_setscheduler(2), sched_setattr(2),
 * sched_setaffinity(2), migrate_pages(2), move_pages(2): a confined task
 * changes only tasks inside its confinement, as it signals only them.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_task_change(struct task_struct *task)
{
	if (!ctrpolicy_current_confined() || task_within(current, task))
		return 0;
	return ctrpolicy_protect(CHANGE_OUTSIDE);
}

/**
 * ctrpolicy_decide_task_prlimit - Decide prlimit(2) on another process
 * @flags: LSM_PRLIMIT_READ, LSM_PRLIMIT_WRITE
 *
 * A limit set on a task outside the confinement ends it (RLIMIT_CPU) or
 * starves it.  The hook names the two credentials only; its one caller is
 * prlimit64(2), in every ABI with the process id as first argument.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_task_prlimit(unsigned int flags)
{
	unsigned long args[6];
	struct task_struct *task;
	bool inside;

	if (!(flags & LSM_PRLIMIT_WRITE) || !ctrpolicy_current_confined())
		return 0;
	ctrpolicy_syscall_args(args);
	rcu_read_lock();
	task = pid_task(find_vpid((pid_t)args[0]), PIDTYPE_PID);
	inside = task && within_confinement(current, task_dfl_cgroup(task));
	rcu_read_unlock();
	return inside ? 0 : ctrpolicy_protect(CHANGE_OUTSIDE);
}

/* The sysctls of an IPC namespace, below /proc/sys. */
static bool ipc_sysctl(const char *name)
{
	static const char *const names[] = {
		"kernel/shmmax", "kernel/shmall", "kernel/shmmni",
		"kernel/shm_rmid_forced", "kernel/msgmax", "kernel/msgmni",
		"kernel/msgmnb", "kernel/sem", "kernel/auto_msgmni",
		"kernel/sem_next_id", "kernel/msg_next_id", "kernel/shm_next_id",
	};
	int i;

	if (str_has_prefix(name, "fs/mqueue/"))
		return true;
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/*
 * Whether sysctl @name (its path below /proc/sys) belongs to a namespace
 * that the current task does not share with the host.  Every other sysctl
 * is the host's: kernel.core_pattern, kernel.modprobe, kernel.hotplug,
 * kernel.poweroff_cmd, vm.*, fs.* ...
 */
static bool sysctl_namespaced(const char *name)
{
	struct nsproxy *ns = current->nsproxy;

	if (str_has_prefix(name, "net/"))
		return ns->net_ns != &init_net;
	if (!strcmp(name, "kernel/hostname") || !strcmp(name, "kernel/domainname"))
		return ns->uts_ns != &init_uts_ns;
	if (ipc_sysctl(name))
		return ns->ipc_ns->ns.inum != PROC_IPC_INIT_INO;
	if (str_has_prefix(name, "user/"))
		return current_user_ns() != &init_user_ns;
	return false;
}

/*
 * Whether @path (below /proc) is a file of a task inside the current task's
 * confinement: /PID/... or /PID/task/TID/..., that task's (a task gone
 * counts as inside: it is nobody's to reach).  @path is cut up.
 */
static bool proc_task_inside(char *path, struct super_block *sb)
{
	struct task_struct *task;
	unsigned int nr;
	char *slash;
	bool inside;

	slash = strchr(path + 1, '/');
	if (slash)
		*slash = '\0';
	if (kstrtouint(path + 1, 10, &nr))
		return false;	/* /proc/sysrq-trigger and the like */
	/* A thread's own directory: its id. */
	if (slash && str_has_prefix(slash + 1, "task/")) {
		char *tid = slash + 1 + strlen("task/");
		char *end = strchr(tid, '/');

		if (end)
			*end = '\0';
		if (kstrtouint(tid, 10, &nr))
			return false;
	}
	rcu_read_lock();
	task = pid_task(find_pid_ns(nr, proc_pid_ns(sb)), PIDTYPE_PID);
	inside = !task || within_confinement(current, task_dfl_cgroup(task));
	rcu_read_unlock();
	return inside;
}

/*
 * Whether the /proc file of @file is the current task's to write: a
 * namespaced sysctl, or a file of a task inside its confinement.
 */
static bool proc_writable(const struct file *file)
{
	char buf[256];
	char *path;

	path = dentry_path_raw(file->f_path.dentry, buf, sizeof(buf));
	if (IS_ERR(path))
		return false;
	if (str_has_prefix(path, "/sys/"))
		return sysctl_namespaced(path + strlen("/sys/"));
	return proc_task_inside(path, file->f_path.dentry->d_sb);
}

/*
 * The /proc files of a task that read or write its memory, or map it out:
 * those fs/proc opens through proc_mem_open().
 */
static bool proc_memory_file(const char *name)
{
	static const char *const names[] = {
		"mem", "environ", "auxv", "pagemap", "maps", "smaps",
		"smaps_rollup", "numa_maps",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return true;
	return false;
}

/*
 * Whether @file is a memory file (proc_memory_file()) of a task outside the
 * current task's confinement.  The kernel asks ptrace_access_check before
 * it opens one, which ctrpolicy denies (ctrpolicy_decide_ptrace_access_check())
 * -- but not on every path: on Debian's 7.2 a confined root read
 * /proc/PID/environ of a host task without that hook denying.  So the
 * open itself is decided, for the whole class.
 */
static bool proc_memory_outside(const struct file *file)
{
	struct dentry *dentry = file->f_path.dentry;
	char buf[256];
	char *path;

	if (!proc_memory_file(dentry->d_name.name))
		return false;
	path = dentry_path_raw(dentry, buf, sizeof(buf));
	if (IS_ERR(path))
		return true;
	return !proc_task_inside(path, dentry->d_sb);
}

/**
 * ctrpolicy_decide_file_open - Decide the opening of a file
 * @file: the file
 *
 * Files that change the host at large or make the kernel start a program
 * are not opened for writing by a confined task (see the top of this
 * file), nor the memory files of a task outside its confinement
 * (/proc/PID/mem, environ, maps, ...) at all.  Nor is the hibernation
 * device, /dev/snapshot: it reads out all memory, restores a kernel image
 * of the task's making over the running kernel, and powers the host off,
 * asking CAP_SYS_ADMIN only, where the capabilities of those deeds
 * (CAP_SYS_RAWIO, CAP_SYS_BOOT) are denied to confined tasks whatever
 * their policy.
 *
 * Return: 0 when allowed, -EPERM when denied (-EACCES for a memory file,
 * as the kernel's own refusal).
 */
int ctrpolicy_decide_file_open(struct file *file)
{
	const struct inode *inode = file_inode(file);

	if (unlikely(S_ISCHR(inode->i_mode)) &&
	    inode->i_rdev == MKDEV(MISC_MAJOR, SNAPSHOT_MINOR))
		return ctrpolicy_protect("replace the kernel or read all memory");
	/* The errno of the kernel's own refusal (mm_access()). */
	if (file->f_path.dentry->d_sb->s_magic == PROC_SUPER_MAGIC &&
	    ctrpolicy_current_confined() && proc_memory_outside(file))
		return ctrpolicy_protect("open a task's memory file outside its subtree") ?
		       -EACCES : 0;
	if (!(file->f_mode & FMODE_WRITE))
		return 0;
	switch (file->f_path.dentry->d_sb->s_magic) {
	case PROC_SUPER_MAGIC:
		if (!ctrpolicy_current_confined() || proc_writable(file))
			return 0;
		break;
	case CGROUP_SUPER_MAGIC:
		/* A cgroup v1 hierarchy's program for emptied cgroups. */
		if (strcmp(file->f_path.dentry->d_name.name, "release_agent"))
			return 0;
		break;
	case SYSFS_MAGIC:
	case DEBUGFS_MAGIC:
	case TRACEFS_MAGIC:
	case SECURITYFS_MAGIC:
	case CONFIGFS_MAGIC:
	case EFIVARFS_MAGIC:
	case PSTOREFS_MAGIC:
	case BINFMTFS_MAGIC:
	case FUSE_CTL_SUPER_MAGIC:
		break;
	default:
		return 0;
	}
	return ctrpolicy_protect("write a file of the host at large");
}

/**
 * ctrpolicy_decide_path_notify - Decide a file system watch
 * @mask: the events watched
 * @obj_type: what is watched: an inode, a mount, or a whole file system
 *
 * A watch on a mount or a file system (fanotify) sees the file access of
 * every task there, the host's included; a permission event (fanotify's
 * FAN_*_PERM) makes each access wait for the watcher's verdict, and so
 * blocks or denies other tasks' access.  Confined tasks watch inodes
 * (inotify, dnotify, fanotify inode marks), for notification only.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_path_notify(u64 mask, unsigned int obj_type)
{
	if (obj_type == FSNOTIFY_OBJ_TYPE_INODE &&
	    !(mask & ALL_FSNOTIFY_PERM_EVENTS))
		return 0;
	return ctrpolicy_protect("watch or hold up the file access of other tasks");
}

#define SIGIO_BEYOND "send SIGIO beyond its confinement"

/**
 * ctrpolicy_decide_file_ioctl - Decide an ioctl
 * @cmd: the ioctl command
 *
 * TIOCSTI types into a terminal, and TIOCLINUX pastes into a virtual
 * console: the input is read by whoever reads the terminal next, such as
 * the host shell that started the container, after it exits.  FIOSETOWN
 * and SIOCSPGRP set a file's owner, as F_SETOWN_EX does.  FIFREEZE and
 * the file systems' shutdown (ext4's, XFS's and f2fs's, one number) stop
 * every task's writes to a file system, the host's too if it shares it:
 * any file of it opened will do, a bind-mounted /etc/resolv.conf.  A 32-bit
 * program's ioctl comes through file_ioctl_compat with the same numbers.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_file_ioctl(unsigned int cmd)
{
	switch (cmd) {
	case TIOCSTI:
	case TIOCLINUX:
		return ctrpolicy_protect("type into a terminal");
	case FIOSETOWN:
	case SIOCSPGRP:
		/* The owner is read from memory after the hook: see below. */
		return ctrpolicy_protect(SIGIO_BEYOND);
	case FIFREEZE:
	case FITHAW:
	case FS_IOC_SHUTDOWN:
		return ctrpolicy_protect("freeze or shut down a file system");
	default:
		return 0;
	}
}

/**
 * ctrpolicy_decide_file_fcntl - Decide an fcntl
 * @cmd: the fcntl command
 * @arg: its argument
 *
 * The owner of a file receives its SIGIO, or the signal F_SETSIG chose (as
 * SIGKILL), and the kernel sends it without the checks of kill(2): a
 * confined task's files may have as owner only a process inside its
 * confinement, by pid.  A process group may hold tasks outside (the shell
 * that started it); F_SETOWN_EX, FIOSETOWN and SIOCSPGRP pass the owner in
 * memory that another thread may change after this check, so they are
 * denied to confined tasks.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_file_fcntl(unsigned int cmd, unsigned long arg)
{
	struct task_struct *owner;
	pid_t nr = (pid_t)arg;
	bool inside;

	if ((cmd != F_SETOWN && cmd != F_SETOWN_EX) ||
	    !ctrpolicy_current_confined())
		return 0;
	if (cmd == F_SETOWN && nr >= 0) {
		rcu_read_lock();
		owner = nr ? pid_task(find_vpid(nr), PIDTYPE_PID) : current;
		inside = owner && within_confinement(current, task_dfl_cgroup(owner));
		rcu_read_unlock();
		if (inside)
			return 0;
	}
	return ctrpolicy_protect(SIGIO_BEYOND);
}

/**
 * ctrpolicy_decide_kernel_module_request - Decide a module's autoloading
 *
 * A socket family, file system type, device or crypto algorithm the kernel
 * lacks makes it start modprobe as host root outside any container's
 * cgroup, for a module the task named: code the host would not otherwise
 * run, into the kernel.  Modules a container needs are loaded by the host.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_kernel_module_request(void)
{
	return ctrpolicy_protect("make the kernel load a module");
}

#ifdef CONFIG_KEYS
/**
 * ctrpolicy_decide_key_alloc - Decide a new key
 * @key: the key, its type set
 *
 * A key that request_key() does not find is constructed by a program the
 * kernel starts as host root, outside any container's cgroup
 * (/sbin/request-key, or the key type's own upcall such as NFS's
 * rpc.idmapd), with a description and callout data the task chose.  The
 * kernel first makes the authorisation key that program works with, of
 * type .request_key_auth: refusing it to a confined task refuses the
 * upcall (request_key() fails with EPERM, and the key it asked for is
 * negative for a while), whether the task asked or a file system it
 * mounted did.  Every other key is the task's own.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_key_alloc(const struct key *key)
{
	if (strcmp(key->type->name, ".request_key_auth"))
		return 0;
	return ctrpolicy_protect("make the kernel upcall to construct a key");
}
#endif

#ifdef CONFIG_PERF_EVENTS
/**
 * ctrpolicy_decide_perf_event_alloc - Decide a new perf event
 * @event: the event, of one task (its target) or of a whole CPU
 *
 * An event samples the registers, user stack and addresses of the tasks it
 * counts.  The ptrace check perf_event_open(2) makes for a task is skipped
 * for a holder of CAP_PERFMON, and a CPU-wide event (a CPU, or a cgroup on
 * a CPU) counts every task that runs there: a confined task's events count
 * only tasks inside its confinement.  Events inherited at fork target the
 * child, and the kernel's own (watchdog, KVM's PMU) no confined task.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_perf_event_alloc(struct perf_event *event)
{
	struct task_struct *target = event->hw.target;

	if (!ctrpolicy_current_confined() ||
	    (target && task_within(current, target)))
		return 0;
	return ctrpolicy_protect(target ? "observe a task outside its confinement" :
					  "observe every task of a CPU");
}
#endif

/**
 * ctrpolicy_decide_syslog - Decide an action on the kernel's log
 * @type: SYSLOG_ACTION_*, of syslog(2) or /dev/kmsg
 *
 * The kernel's log is the host's, one for every namespace: a confined task
 * reads it as its policy allows (CAP_SYSLOG) but neither clears it, which
 * erases the host's record, nor switches or sets the console.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_syslog(int type)
{
	switch (type) {
	case SYSLOG_ACTION_READ_CLEAR:
	case SYSLOG_ACTION_CLEAR:
	case SYSLOG_ACTION_CONSOLE_OFF:
	case SYSLOG_ACTION_CONSOLE_ON:
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		return ctrpolicy_protect("clear the host's log or set its console");
	default:
		return 0;
	}
}

/**
 * ctrpolicy_decide_uevent_send - Decide a message sent on a socket
 * @sock: the socket
 *
 * A message sent to the kernel on a NETLINK_KOBJECT_UEVENT socket is
 * broadcast to the socket's network namespace as a uevent from the
 * kernel: in the host's, the host's udevd takes it for a device event and
 * runs its rules as host root, outside the task's cgroup (loading the
 * module a MODALIAS names, running RUN programs).  A confined task sends
 * none there; in a network namespace of its own only its own tasks listen.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_uevent_send(const struct socket *sock)
{
	const struct sock *sk = sock->sk;

	if (likely(!sk || sk->sk_family != AF_NETLINK ||
		   sk->sk_protocol != NETLINK_KOBJECT_UEVENT ||
		   !net_eq(sock_net(sk), &init_net)))
		return 0;
	return ctrpolicy_protect("forge a device event for the host");
}

/**
 * ctrpolicy_decide_kernel_load - Decide loading data into the kernel
 * @id: what the data is, enum kernel_load_data_id or kernel_read_file_id
 *
 * A kernel image for kexec, a module or a policy would replace or bypass
 * the enforcement; firmware is loaded for devices the task may use.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_kernel_load(int id)
{
	if (id == LOADING_FIRMWARE || id == READING_FIRMWARE)
		return 0;
	return ctrpolicy_protect("load code or policy into the kernel");
}
