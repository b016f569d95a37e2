// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Self-protection.
 *
 * A confined task must not undo its confinement, whatever capabilities it
 * holds in any namespace: it cannot change policies (netlink.c), load or
 * unload modules (caps.c), reach the enforcement programs through bpf() or
 * the BPF file system, or move a task out of its confined subtree.  These
 * denials hold in audit mode too.
 */

#include <linux/bpf.h>
#include <linux/cgroup.h>
#include <linux/fs.h>
#include <linux/kernfs.h>
#include <linux/magic.h>
#include <linux/string.h>

#include "common.h"
#include "decide.h"
#include "protect.h"
#include "store.h"

/**
 * ctrpolicy_protect - Deny a self-protection operation to a confined task
 * @operation: what was asked, for the report
 *
 * Return: 0 for an unconfined task, -EPERM for a confined one.
 */
int ctrpolicy_protect(const char *operation)
{
	const struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_PROTECT,
		.operation = operation,
	};

	return ctrpolicy_decide(&request, NULL);
}

/**
 * ctrpolicy_decide_bpf - Decide a bpf() command
 * @cmd: the command
 *
 * Denies the commands that reach existing BPF objects by id or by pin, or
 * detach or replace a link: the enforcement programs are such objects.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_bpf(int cmd)
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
	default:
		return 0;
	}
}

/*
 * The cgroup directory whose cgroup.procs or cgroup.threads file @inode is,
 * or NULL.  Writing such a file moves a task into that cgroup; clone3()
 * with CLONE_INTO_CGROUP asks for write access to the same files.
 */
static struct kernfs_node *migration_target(struct inode *inode)
{
	struct kernfs_node *kn = inode->i_private;

	if (!kn || kernfs_type(kn) != KERNFS_FILE || !kn->parent)
		return NULL;
	if (strcmp(kn->name, "cgroup.procs") && strcmp(kn->name, "cgroup.threads"))
		return NULL;
	return kn->parent;
}

/*
 * Whether the cgroup of directory @dir lies inside every confined subtree
 * of the current task.
 */
static bool inside_confinement(struct kernfs_node *dir)
{
	struct ctrpolicy_entry *entry;
	struct cgroup *cgrp, *target;
	bool inside = true;
	int level;

	rcu_read_lock();
	/* Cleared, and the cgroup freed after a grace period, on removal. */
	target = rcu_dereference(*(void __rcu __force **)&dir->priv);
	if (!target)
		goto out;
	cgrp = task_dfl_cgroup(current);
	for (level = min(cgrp->level, CTRPOLICY_MAX_LEVEL); level > 0; level--) {
		entry = ctrpolicy_store_find(cgroup_id(cgrp->ancestors[level]));
		if (!entry)
			continue;
		if (target->level < level ||
		    cgroup_id(target->ancestors[level]) != entry->cgroup_id) {
			inside = false;
			break;
		}
	}
out:
	rcu_read_unlock();
	return inside;
}

/**
 * ctrpolicy_decide_inode_permission - Decide access to an inode
 * @inode: the inode
 * @mask: MAY_* access
 *
 * A confined task may move tasks only into cgroups inside its confinement,
 * wherever the cgroup2 file system is mounted.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_inode_permission(struct inode *inode, int mask)
{
	struct kernfs_node *target;

	if (!(mask & MAY_WRITE) || inode->i_sb->s_magic != CGROUP2_SUPER_MAGIC)
		return 0;
	target = migration_target(inode);
	if (!target || !ctrpolicy_current_confined() || inside_confinement(target))
		return 0;
	return ctrpolicy_protect("move a task out of its confined cgroup");
}

/**
 * ctrpolicy_decide_bpffs_change - Decide a change of the BPF file system
 * @dir: the directory of the unlink, rmdir or rename
 *
 * Removing a pin can detach an enforcement program.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_bpffs_change(struct inode *dir)
{
	if (dir->i_sb->s_magic != BPF_FS_MAGIC)
		return 0;
	return ctrpolicy_protect("remove or rename a BPF pin");
}
