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
#include <linux/mount.h>
#include <linux/net.h>
#include <linux/path.h>
#include <linux/socket.h>

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

/**
 * ctrpolicy_sb_mount - The sb_mount hook
 * @dev_name: the hook's dev_name argument, as an address
 * @path: the target
 * @type: the hook's type argument, as an address
 * @flags: MS_* flags
 *
 * The verifier passes no kernel string to a kfunc in 6.1, so the two
 * strings arrive as the addresses the hook was given.  Sleepable.
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_sb_mount(unsigned long dev_name,
				   const struct path *path, unsigned long type,
				   unsigned long flags)
{
	return ctrpolicy_decide_sb_mount((const char *)dev_name, path,
					 (const char *)type, flags);
}

/**
 * ctrpolicy_sb_kern_mount - The sb_kern_mount hook
 * @sb: the new superblock
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_sb_kern_mount(const struct super_block *sb)
{
	return ctrpolicy_decide_sb_kern_mount(sb);
}

/**
 * ctrpolicy_sb_remount - The sb_remount hook
 * @sb: the superblock
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_sb_remount(const struct super_block *sb)
{
	return ctrpolicy_decide_sb_remount(sb);
}

/**
 * ctrpolicy_move_mount - The move_mount hook
 * @from: the mount to attach or move
 * @to: where
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_move_mount(const struct path *from,
				     const struct path *to)
{
	return ctrpolicy_decide_move_mount(from, to);
}

/**
 * ctrpolicy_sb_umount - The sb_umount hook
 * @mnt: the mount
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_sb_umount(struct vfsmount *mnt)
{
	return ctrpolicy_decide_sb_umount(mnt);
}

/**
 * ctrpolicy_sb_pivotroot - The sb_pivotroot hook
 * @old_path: where the old root goes
 * @new_path: the new root
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_sb_pivotroot(const struct path *old_path,
				       const struct path *new_path)
{
	return ctrpolicy_decide_sb_pivotroot(old_path, new_path);
}

/**
 * ctrpolicy_socket_create - The socket_create hook
 * @family: AF_*
 * @type: SOCK_*
 * @protocol: the protocol number
 * @kern: whether the kernel creates the socket for itself
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_socket_create(int family, int type, int protocol,
					int kern)
{
	return ctrpolicy_decide_socket_create(family, type, protocol, kern);
}

/**
 * ctrpolicy_socket_bind - The socket_bind hook
 * @sock: the socket
 * @address: the local address
 * @addrlen: its length
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_socket_bind(struct socket *sock,
				      struct sockaddr *address, int addrlen)
{
	return ctrpolicy_decide_socket_bind(sock, address, addrlen);
}

/**
 * ctrpolicy_socket_connect - The socket_connect hook
 * @sock: the socket
 * @address: the peer
 * @addrlen: its length
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_socket_connect(struct socket *sock,
					 struct sockaddr *address, int addrlen)
{
	return ctrpolicy_decide_socket_connect(sock, address, addrlen);
}

/**
 * ctrpolicy_socket_listen - The socket_listen hook
 * @sock: the socket
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_socket_listen(struct socket *sock)
{
	return ctrpolicy_decide_socket_listen(sock);
}

/**
 * ctrpolicy_socket_sendmsg - The socket_sendmsg hook
 * @sock: the socket
 * @msg: the message
 *
 * Return: 0 or -EPERM.
 */
__bpf_kfunc int ctrpolicy_socket_sendmsg(struct socket *sock, struct msghdr *msg)
{
	return ctrpolicy_decide_socket_sendmsg(sock, msg);
}

/**
 * ctrpolicy_bprm_committed_creds - The bprm_committed_creds hook
 *
 * Puts the policies that wait for an execve() of the current task's cgroup
 * in force.
 */
__bpf_kfunc void ctrpolicy_bprm_committed_creds(void)
{
	ctrpolicy_store_exec();
}

CTRPOLICY_KFUNC_DEFS_END;

CTRPOLICY_KFUNCS_START(ctrpolicy_kfunc_ids)
BTF_ID_FLAGS(func, ctrpolicy_abi_version)
BTF_ID_FLAGS(func, ctrpolicy_capable)
BTF_ID_FLAGS(func, ctrpolicy_bpf)
BTF_ID_FLAGS(func, ctrpolicy_inode_permission)
BTF_ID_FLAGS(func, ctrpolicy_dir_change)
BTF_ID_FLAGS(func, ctrpolicy_sb_mount, KF_SLEEPABLE)
BTF_ID_FLAGS(func, ctrpolicy_sb_kern_mount)
BTF_ID_FLAGS(func, ctrpolicy_sb_remount)
BTF_ID_FLAGS(func, ctrpolicy_move_mount)
BTF_ID_FLAGS(func, ctrpolicy_sb_umount)
BTF_ID_FLAGS(func, ctrpolicy_sb_pivotroot)
BTF_ID_FLAGS(func, ctrpolicy_socket_create)
BTF_ID_FLAGS(func, ctrpolicy_socket_bind)
BTF_ID_FLAGS(func, ctrpolicy_socket_connect)
BTF_ID_FLAGS(func, ctrpolicy_socket_listen)
BTF_ID_FLAGS(func, ctrpolicy_socket_sendmsg)
BTF_ID_FLAGS(func, ctrpolicy_bprm_committed_creds)
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
