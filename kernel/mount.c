// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Mount confinement.
 *
 * Every way to change the mount table reaches one of these hooks:
 *
 *   sb_mount       mount(2): new mount, MS_BIND, MS_REMOUNT, MS_MOVE and
 *                  the propagation flags; the target as the kernel resolved
 *                  it, the source re-resolved for bind and move
 *   sb_kern_mount  a new superblock: mount(2) and fsconfig(CMD_CREATE);
 *                  only the file system type is known here, target and
 *                  flags are checked where the mount is attached
 *   sb_remount     reconfiguration of a superblock: mount(2) MS_REMOUNT and
 *                  fspick() + fsconfig(CMD_RECONFIGURE), which tells an LSM
 *                  neither target nor flags
 *   move_mount     move_mount(2): a detached mount (fsmount(), or
 *                  open_tree(OPEN_TREE_CLONE)) attached is a new mount, an
 *                  attached one moved is a move
 *   sb_umount      umount2(2)
 *   sb_pivotroot   pivot_root(2)
 *
 * mount_setattr(2) and open_tree(2) with OPEN_TREE_CLONE reach none of
 * these hooks; both ask capable(CAP_SYS_ADMIN) first, which decides them
 * here too (ctrpolicy_decide_mount_syscall()).  Which rules match a request
 * is mount_rules.c's concern.
 */

#include <linux/compat.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/path.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <uapi/linux/mount.h>

#include "compat.h"
#include "decide.h"
#include "mount.h"
#include "mount_rules.h"
#include "policy.h"
#include "store.h"
#include "syscall.h"

/* Where the paths of a request are written, one set per CPU. */
struct mount_paths {
	char source[CTRPOLICY_PATH_MAX];
	char target[CTRPOLICY_PATH_MAX];
};

static struct mount_paths __percpu *mount_paths;

static bool mount_allows(const struct ctrpolicy_policy *policy,
			 const struct ctrpolicy_request *request)
{
	return ctrpolicy_mount_action(&policy->mount, request->mount) ==
	       CTRPOLICY_ACTION_ALLOW;
}

static const char *const op_names[CTRPOLICY_MOUNT_OP_MAX + 1] = {
	[CTRPOLICY_MOUNT_OP_MOUNT] = "mount",
	[CTRPOLICY_MOUNT_OP_BIND] = "bind",
	[CTRPOLICY_MOUNT_OP_REMOUNT] = "remount",
	[CTRPOLICY_MOUNT_OP_MOVE] = "move",
	[CTRPOLICY_MOUNT_OP_UMOUNT] = "umount",
	[CTRPOLICY_MOUNT_OP_PIVOT_ROOT] = "pivot_root",
	[CTRPOLICY_MOUNT_OP_PROPAGATION] = "propagation",
};

/*
 * Decide @req, whose paths (if any) are still to be written: @source_path
 * and @target_path are resolved into this CPU's buffers first, without
 * sleeping, so that the hooks that may not sleep can use this too.
 */
static int decide(struct ctrpolicy_mount_request *req,
		  const struct path *source_path, const struct path *target_path)
{
	struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_MOUNT,
		.operation = op_names[req->op],
		.mount = req,
	};
	struct mount_paths *paths;
	int ret;

	if (!ctrpolicy_current_confined())
		return 0;
	paths = get_cpu_ptr(mount_paths);
	if (source_path) {
		req->source = d_path(source_path, paths->source, sizeof(paths->source));
		if (IS_ERR(req->source)) {
			req->source = "";
			req->unknown |= CTRPOLICY_MOUNT_FIELD_SOURCE;
		}
	}
	if (target_path) {
		req->target = d_path(target_path, paths->target, sizeof(paths->target));
		if (IS_ERR(req->target)) {
			req->target = "";
			req->unknown |= CTRPOLICY_MOUNT_FIELD_TARGET;
		}
	}
	ret = ctrpolicy_decide(&request, mount_allows);
	put_cpu_ptr(mount_paths);
	return ret;
}

static u32 flags_of_mnt(const struct vfsmount *mnt)
{
	return (mnt->mnt_flags & MNT_READONLY ? CTRPOLICY_MOUNT_F_RDONLY : 0) |
	       (mnt->mnt_flags & MNT_NOSUID ? CTRPOLICY_MOUNT_F_NOSUID : 0) |
	       (mnt->mnt_flags & MNT_NODEV ? CTRPOLICY_MOUNT_F_NODEV : 0) |
	       (mnt->mnt_flags & MNT_NOEXEC ? CTRPOLICY_MOUNT_F_NOEXEC : 0);
}

static u32 flags_of_ms(unsigned long flags)
{
	return (flags & MS_RDONLY ? CTRPOLICY_MOUNT_F_RDONLY : 0) |
	       (flags & MS_NOSUID ? CTRPOLICY_MOUNT_F_NOSUID : 0) |
	       (flags & MS_NODEV ? CTRPOLICY_MOUNT_F_NODEV : 0) |
	       (flags & MS_NOEXEC ? CTRPOLICY_MOUNT_F_NOEXEC : 0) |
	       (flags & MS_SHARED ? CTRPOLICY_MOUNT_F_SHARED : 0) |
	       (flags & MS_PRIVATE ? CTRPOLICY_MOUNT_F_PRIVATE : 0) |
	       (flags & MS_SLAVE ? CTRPOLICY_MOUNT_F_SLAVE : 0) |
	       (flags & MS_UNBINDABLE ? CTRPOLICY_MOUNT_F_UNBINDABLE : 0);
}

/*
 * Whether the current task is in mount(2), which sb_mount decided with
 * everything known, rather than in the new mount API, which other hooks
 * see only in part.  (A 32-bit task counts as the new API: never wider.)
 */
static bool via_mount_syscall(void)
{
	return !in_compat_syscall() && ctrpolicy_syscall_nr() == __NR_mount;
}

/**
 * ctrpolicy_decide_mount_syscall - Decide a mount call no mount hook sees
 *
 * Called at every capable(CAP_SYS_ADMIN) of a confined task, as
 * mount_setattr(2) and open_tree(2) with OPEN_TREE_CLONE ask it
 * (may_mount()) before they act, in process context.  mount_setattr()
 * changes the flags, propagation or idmapping of mounts: a remount whose
 * file system, target and flags are not known here.  OPEN_TREE_CLONE
 * copies a mount tree into a detached mount that move_mount(2) attaches
 * later: a bind whose source and target are not known here.  Unknown parts
 * never widen: an allow rule that names one does not match, a deny rule
 * does.  (Those numbers are the same for 32-bit tasks.)
 *
 * Return: 0 when allowed or another call, -EPERM when denied.
 */
int ctrpolicy_decide_mount_syscall(void)
{
	struct ctrpolicy_mount_request req = {
		.fstype = "",
		.source = "",
		.target = "",
		.unknown = CTRPOLICY_MOUNT_FIELD_FSTYPE | CTRPOLICY_MOUNT_FIELD_SOURCE |
			   CTRPOLICY_MOUNT_FIELD_TARGET | CTRPOLICY_MOUNT_FIELD_FLAGS,
	};
	unsigned long args[6];

	if (ctrpolicy_none_loaded() || !in_task())
		return 0;
	switch (ctrpolicy_syscall_nr()) {
	case __NR_mount_setattr:
		req.op = CTRPOLICY_MOUNT_OP_REMOUNT;
		break;
	case __NR_open_tree:
		ctrpolicy_syscall_args(args);
		if (!(args[2] & OPEN_TREE_CLONE))
			return 0;
		req.op = CTRPOLICY_MOUNT_OP_BIND;
		break;
	default:
		return 0;
	}
	return decide(&req, NULL, NULL);
}

/*
 * A bind or move names its source by a path string: look it up again.  If
 * that fails (it may succeed for the kernel a moment later), or if the
 * caller may not sleep (the lookup may), the source is unknown.
 */
static int decide_with_source(struct ctrpolicy_mount_request *req,
			      const char *dev_name, const struct path *target,
			      bool may_sleep)
{
	struct path source;
	int ret;

	/* Before the lookup, which only a confined task needs. */
	if (!ctrpolicy_current_confined())
		return 0;
	if (!dev_name || !may_sleep ||
	    kern_path(dev_name, LOOKUP_FOLLOW, &source)) {
		req->fstype = "";
		req->unknown = CTRPOLICY_MOUNT_FIELD_SOURCE | CTRPOLICY_MOUNT_FIELD_FSTYPE;
		return decide(req, NULL, target);
	}
	req->fstype = source.mnt->mnt_sb->s_type->name;
	ret = decide(req, &source, target);
	path_put(&source);
	return ret;
}

/**
 * ctrpolicy_decide_sb_mount - Decide a mount(2) call
 * @dev_name: the source as given: a device, a name, or a path
 * @path: the target, resolved
 * @type: the file system type, or NULL
 * @flags: MS_* flags
 * @may_sleep: whether the caller may sleep
 *
 * May sleep if @may_sleep: the source of a bind or a move is then resolved
 * here again.  Otherwise (an fmod_ret program, which may not sleep) that
 * source is unknown: only a rule that names no source admits it.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_sb_mount(const char *dev_name, const struct path *path,
			      const char *type, unsigned long flags,
			      bool may_sleep)
{
	struct ctrpolicy_mount_request req = {
		.op = CTRPOLICY_MOUNT_OP_MOUNT,
		.fstype = type ?: "",
		.source = dev_name ?: "",
		.flags = flags_of_ms(flags),
	};

	/* In the kernel's order (path_mount()). */
	if (flags & MS_REMOUNT) {
		req.op = CTRPOLICY_MOUNT_OP_REMOUNT;
	} else if (flags & MS_BIND) {
		req.op = CTRPOLICY_MOUNT_OP_BIND;
		return decide_with_source(&req, dev_name, path, may_sleep);
	} else if (flags & (MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE)) {
		req.op = CTRPOLICY_MOUNT_OP_PROPAGATION;
	} else if (flags & MS_MOVE) {
		req.op = CTRPOLICY_MOUNT_OP_MOVE;
		return decide_with_source(&req, dev_name, path, may_sleep);
	} else {
		return decide(&req, NULL, path);
	}
	/* Remount and propagation act on the target's mount: no source. */
	req.fstype = path->mnt->mnt_sb->s_type->name;
	req.unknown = CTRPOLICY_MOUNT_FIELD_SOURCE;
	return decide(&req, NULL, path);
}

/**
 * ctrpolicy_decide_sb_kern_mount - Decide the creation of a superblock
 * @sb: the new superblock
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_sb_kern_mount(const struct super_block *sb)
{
	struct ctrpolicy_mount_request req = {
		.op = CTRPOLICY_MOUNT_OP_MOUNT,
		.fstype = sb->s_type->name,
		.deferred = CTRPOLICY_MOUNT_FIELD_TARGET | CTRPOLICY_MOUNT_FIELD_FLAGS,
	};

	/*
	 * mount(2) was decided whole at sb_mount; fsconfig(CMD_CREATE) gets
	 * its target and flags checked at move_mount, its source never.
	 */
	if (via_mount_syscall())
		req.deferred |= CTRPOLICY_MOUNT_FIELD_SOURCE;
	else
		req.unknown = CTRPOLICY_MOUNT_FIELD_SOURCE;
	return decide(&req, NULL, NULL);
}

/**
 * ctrpolicy_decide_sb_remount - Decide the reconfiguration of a superblock
 * @sb: the superblock
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_sb_remount(const struct super_block *sb)
{
	struct ctrpolicy_mount_request req = {
		.op = CTRPOLICY_MOUNT_OP_REMOUNT,
		.fstype = sb->s_type->name,
		.unknown = CTRPOLICY_MOUNT_FIELD_SOURCE,
	};
	const u32 unseen = CTRPOLICY_MOUNT_FIELD_TARGET | CTRPOLICY_MOUNT_FIELD_FLAGS;

	/*
	 * mount(2) was decided whole at sb_mount; fspick() + fsconfig() was
	 * not, and nothing tells this hook its target and flags.
	 */
	if (via_mount_syscall())
		req.deferred = unseen;
	else
		req.unknown |= unseen;
	return decide(&req, NULL, NULL);
}

/* Whether @path is in the current task's tree (not a detached mount). */
static bool attached(const struct path *path)
{
	struct fs_struct *fs = current->fs;
	struct path root;
	unsigned int seq;
	bool under;

	rcu_read_lock();
	do {
		seq = ctrpolicy_fs_read_begin(fs);
		root = fs->root;
	} while (ctrpolicy_fs_read_retry(fs, seq));
	under = path_is_under(path, &root);
	rcu_read_unlock();
	return under;
}

/**
 * ctrpolicy_decide_move_mount - Decide a move_mount(2) call
 * @from: the mount to attach or move
 * @to: where
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_move_mount(const struct path *from, const struct path *to)
{
	struct ctrpolicy_mount_request req = {
		.op = CTRPOLICY_MOUNT_OP_MOVE,
		.fstype = from->mnt->mnt_sb->s_type->name,
		.flags = flags_of_mnt(from->mnt),
	};

	if (ctrpolicy_none_loaded())
		return 0;
	if (!attached(from)) {
		/* fsmount() or open_tree(OPEN_TREE_CLONE): a new mount. */
		req.op = CTRPOLICY_MOUNT_OP_MOUNT;
		req.unknown = CTRPOLICY_MOUNT_FIELD_SOURCE;
		return decide(&req, NULL, to);
	}
	return decide(&req, from, to);
}

/**
 * ctrpolicy_decide_sb_umount - Decide an unmount
 * @mnt: the mount
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_sb_umount(struct vfsmount *mnt)
{
	struct ctrpolicy_mount_request req = {
		.op = CTRPOLICY_MOUNT_OP_UMOUNT,
		.fstype = mnt->mnt_sb->s_type->name,
		.flags = flags_of_mnt(mnt),
		.unknown = CTRPOLICY_MOUNT_FIELD_SOURCE,
	};
	struct path target = { .mnt = mnt, .dentry = mnt->mnt_root };

	return decide(&req, NULL, &target);
}

/**
 * ctrpolicy_decide_sb_pivotroot - Decide a pivot_root(2) call
 * @old_path: where the old root goes (the source of the rule)
 * @new_path: the new root (the target of the rule)
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_sb_pivotroot(const struct path *old_path,
				  const struct path *new_path)
{
	struct ctrpolicy_mount_request req = {
		.op = CTRPOLICY_MOUNT_OP_PIVOT_ROOT,
		.fstype = new_path->mnt->mnt_sb->s_type->name,
		.flags = flags_of_mnt(new_path->mnt),
	};

	return decide(&req, old_path, new_path);
}

/**
 * ctrpolicy_mount_init - Allocate the per-CPU path buffers
 *
 * Return: 0 or -ENOMEM.
 */
int ctrpolicy_mount_init(void)
{
	mount_paths = alloc_percpu(struct mount_paths);
	return mount_paths ? 0 : -ENOMEM;
}

/**
 * ctrpolicy_mount_exit - Free the per-CPU path buffers
 */
void ctrpolicy_mount_exit(void)
{
	free_percpu(mount_paths);
}
