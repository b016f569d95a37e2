// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The BPF-LSM bridge: decision functions exported as kfuncs.
 *
 * On a stock kernel a module cannot register LSM hooks, so thin BPF-LSM
 * programs (kernel/bpf/ctrpolicy.bpf.c) attached to the hooks call these
 * kfuncs.  The kfuncs hold no logic of their own: each calls the decision
 * code shared with the native LSM glue (lsm.c).
 */

#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/module.h>

#include "compat.h"
#include "ctrpolicy.h"

CTRPOLICY_KFUNC_DEFS_START;

/**
 * ctrpolicy_abi_version - The netlink ABI version of the loaded module
 *
 * Return: %CTRPOLICY_GENL_VERSION.
 */
__bpf_kfunc u32 ctrpolicy_abi_version(void)
{
	return CTRPOLICY_GENL_VERSION;
}

/**
 * ctrpolicy_capable - The capable hook
 * @cred: the credentials checked
 * @cap: the capability
 * @opts: CAP_OPT_* flags
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_capable(const struct cred *cred, int cap,
				  unsigned int opts)
{
	return ctrpolicy_decide_capable(cred, cap, opts);
}

/**
 * ctrpolicy_bpf - The bpf hook
 * @cmd: the bpf() command
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_bpf(int cmd)
{
	return ctrpolicy_decide_bpf(cmd);
}

/**
 * ctrpolicy_inode_permission - The inode_permission hook
 * @inode: the inode
 * @mask: MAY_* access
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_inode_permission(struct inode *inode, int mask)
{
	return ctrpolicy_decide_inode_permission(inode, mask);
}

/**
 * ctrpolicy_dir_change - The inode_unlink, inode_rmdir and inode_rename hooks
 * @dir: the directory changed
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_dir_change(struct inode *dir)
{
	return ctrpolicy_decide_bpffs_change(dir);
}

CTRPOLICY_KFUNC_DEFS_END;

CTRPOLICY_KFUNCS_START(ctrpolicy_kfunc_ids)
BTF_ID_FLAGS(func, ctrpolicy_abi_version)
BTF_ID_FLAGS(func, ctrpolicy_capable)
BTF_ID_FLAGS(func, ctrpolicy_bpf)
BTF_ID_FLAGS(func, ctrpolicy_inode_permission)
BTF_ID_FLAGS(func, ctrpolicy_dir_change)
CTRPOLICY_KFUNCS_END(ctrpolicy_kfunc_ids)

static const struct btf_kfunc_id_set ctrpolicy_kfunc_set = {
	.owner = THIS_MODULE,
	.set = &ctrpolicy_kfunc_ids,
};

/**
 * ctrpolicy_kfuncs_register - Make the kfuncs callable from BPF-LSM programs
 *
 * Without module BTF the kernel only warns and the kfuncs are silently
 * missing; the ctrpolicy tool checks for them before it attaches.
 *
 * Return: 0 on success, or the error of register_btf_kfunc_id_set().
 */
int ctrpolicy_kfuncs_register(void)
{
	return register_btf_kfunc_id_set(BPF_PROG_TYPE_LSM,
					 &ctrpolicy_kfunc_set);
}
