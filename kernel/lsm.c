// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Native LSM glue, for a kernel built with ctrpolicy inside
 * (CONFIG_SECURITY_CTRPOLICY).
 *
 * The same decision functions as the kfuncs call, registered as stackable
 * LSM hooks.  Not part of the loadable module: security_add_hooks() is
 * __init and works only at boot.
 */

#define pr_fmt(fmt) "ctrpolicy: " fmt

#include <linux/bpf.h>
#include <linux/init.h>
#include <linux/lsm_hooks.h>

#include "ctrpolicy.h"

static int hook_capable(const struct cred *cred, struct user_namespace *ns,
			int cap, unsigned int opts)
{
	return ctrpolicy_decide_capable(cred, cap, opts);
}

#ifdef CONFIG_BPF_SYSCALL
static int hook_bpf(int cmd, union bpf_attr *attr, unsigned int size)
{
	return ctrpolicy_decide_bpf(cmd);
}
#endif

static int hook_inode_permission(struct inode *inode, int mask)
{
	return ctrpolicy_decide_inode_permission(inode, mask);
}

static int hook_inode_unlink(struct inode *dir, struct dentry *dentry)
{
	return ctrpolicy_decide_bpffs_change(dir);
}

static int hook_inode_rename(struct inode *old_dir, struct dentry *old_dentry,
			     struct inode *new_dir, struct dentry *new_dentry)
{
	return ctrpolicy_decide_bpffs_change(old_dir) ?:
	       ctrpolicy_decide_bpffs_change(new_dir);
}

static int hook_sb_mount(const char *dev_name, const struct path *path,
			 const char *type, unsigned long flags, void *data)
{
	return ctrpolicy_decide_sb_mount(dev_name, path, type, flags);
}

static int hook_sb_kern_mount(struct super_block *sb)
{
	return ctrpolicy_decide_sb_kern_mount(sb);
}

static int hook_sb_remount(struct super_block *sb, void *mnt_opts)
{
	return ctrpolicy_decide_sb_remount(sb);
}

static int hook_sb_umount(struct vfsmount *mnt, int flags)
{
	return ctrpolicy_decide_sb_umount(mnt);
}

static int hook_socket_sendmsg(struct socket *sock, struct msghdr *msg, int size)
{
	return ctrpolicy_decide_socket_sendmsg(sock, msg);
}

static int hook_socket_listen(struct socket *sock, int backlog)
{
	return ctrpolicy_decide_socket_listen(sock);
}

static void hook_bprm_committed_creds(struct linux_binprm *bprm)
{
	ctrpolicy_store_exec();
}

static struct security_hook_list ctrpolicy_hooks[] __lsm_ro_after_init = {
	LSM_HOOK_INIT(capable, hook_capable),
#ifdef CONFIG_BPF_SYSCALL
	LSM_HOOK_INIT(bpf, hook_bpf),
#endif
	LSM_HOOK_INIT(inode_permission, hook_inode_permission),
	LSM_HOOK_INIT(inode_unlink, hook_inode_unlink),
	LSM_HOOK_INIT(inode_rmdir, hook_inode_unlink),
	LSM_HOOK_INIT(inode_rename, hook_inode_rename),
	LSM_HOOK_INIT(sb_mount, hook_sb_mount),
	LSM_HOOK_INIT(sb_kern_mount, hook_sb_kern_mount),
	LSM_HOOK_INIT(sb_remount, hook_sb_remount),
	LSM_HOOK_INIT(move_mount, ctrpolicy_decide_move_mount),
	LSM_HOOK_INIT(sb_umount, hook_sb_umount),
	LSM_HOOK_INIT(sb_pivotroot, ctrpolicy_decide_sb_pivotroot),
	LSM_HOOK_INIT(socket_create, ctrpolicy_decide_socket_create),
	LSM_HOOK_INIT(socket_bind, ctrpolicy_decide_socket_bind),
	LSM_HOOK_INIT(socket_connect, ctrpolicy_decide_socket_connect),
	LSM_HOOK_INIT(socket_listen, hook_socket_listen),
	LSM_HOOK_INIT(socket_sendmsg, hook_socket_sendmsg),
	LSM_HOOK_INIT(bprm_committed_creds, hook_bprm_committed_creds),
};

/* Whether the LSM was enabled at boot (it is in the lsm= list). */
static bool ctrpolicy_lsm_enabled __ro_after_init;

static int __init ctrpolicy_lsm_init(void)
{
	int err;

	err = ctrpolicy_store_init() ?: ctrpolicy_mount_init();
	if (err)
		return err;
	ctrpolicy_lsm_enabled = true;
	security_add_hooks(ctrpolicy_hooks, ARRAY_SIZE(ctrpolicy_hooks),
			   "ctrpolicy");
	pr_info("version %s (ABI %d) active\n", CTRPOLICY_VERSION,
		CTRPOLICY_GENL_VERSION);
	return 0;
}

DEFINE_LSM(ctrpolicy) = {
	.name = "ctrpolicy",
	.init = ctrpolicy_lsm_init,
};

/*
 * Generic netlink is not up yet when the LSMs initialise.  A kernel that
 * has ctrpolicy built in but not enabled leaves the family to the module.
 */
static int __init ctrpolicy_lsm_netlink_init(void)
{
	return ctrpolicy_lsm_enabled ? ctrpolicy_netlink_init() : 0;
}
late_initcall(ctrpolicy_lsm_netlink_init);
