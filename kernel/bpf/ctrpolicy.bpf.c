// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - BPF-LSM hook glue for a stock kernel.
 *
 * One program per LSM hook, each a call into the module: no policy logic
 * lives here.  A hook that an earlier LSM (or an earlier BPF program)
 * already denied keeps that verdict and is not counted.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int ctrpolicy_capable(const struct cred *cred, int cap,
			     unsigned int opts) __ksym;
extern int ctrpolicy_bpf(int cmd) __ksym;
extern int ctrpolicy_inode_permission(struct inode *inode, int mask) __ksym;
extern int ctrpolicy_dir_change(struct inode *dir) __ksym;
extern int ctrpolicy_sb_mount(unsigned long dev_name, const struct path *path,
			      unsigned long type, unsigned long flags) __ksym;
extern int ctrpolicy_sb_kern_mount(const struct super_block *sb) __ksym;
extern int ctrpolicy_sb_remount(const struct super_block *sb) __ksym;
extern int ctrpolicy_move_mount(const struct path *from,
				const struct path *to) __ksym;
extern int ctrpolicy_sb_umount(struct vfsmount *mnt) __ksym;
extern int ctrpolicy_sb_pivotroot(const struct path *old_path,
				  const struct path *new_path) __ksym;
extern int ctrpolicy_socket_create(int family, int type, int protocol,
				   int kern) __ksym;
extern int ctrpolicy_socket_bind(struct socket *sock, struct sockaddr *address,
				 int addrlen) __ksym;
extern int ctrpolicy_socket_connect(struct socket *sock,
				    struct sockaddr *address, int addrlen) __ksym;
extern int ctrpolicy_socket_listen(struct socket *sock) __ksym;
extern int ctrpolicy_socket_sendmsg(struct socket *sock,
				    struct msghdr *msg) __ksym;
extern void ctrpolicy_bprm_committed_creds(void) __ksym;

/*
 * A struct that the program never reads is only a forward declaration in
 * its BTF, which libbpf does not match with the kfunc's prototype; this
 * makes clang emit the definition.
 */
#define NEEDS_DEFINITION(type)	bpf_core_type_exists(type)

SEC("lsm/capable")
int BPF_PROG(capable, const struct cred *cred, struct user_namespace *ns,
	     int cap, unsigned int opts, int ret)
{
	return ret ?: ctrpolicy_capable(cred, cap, opts);
}

SEC("lsm/bpf")
int BPF_PROG(bpf, int cmd, union bpf_attr *attr, unsigned int size, int ret)
{
	return ret ?: ctrpolicy_bpf(cmd);
}

SEC("lsm/inode_permission")
int BPF_PROG(inode_permission, struct inode *inode, int mask, int ret)
{
	return ret ?: ctrpolicy_inode_permission(inode, mask);
}

SEC("lsm/inode_unlink")
int BPF_PROG(inode_unlink, struct inode *dir, struct dentry *dentry, int ret)
{
	return ret ?: ctrpolicy_dir_change(dir);
}

SEC("lsm/inode_rmdir")
int BPF_PROG(inode_rmdir, struct inode *dir, struct dentry *dentry, int ret)
{
	return ret ?: ctrpolicy_dir_change(dir);
}

SEC("lsm/inode_rename")
int BPF_PROG(inode_rename, struct inode *old_dir, struct dentry *old_dentry,
	     struct inode *new_dir, struct dentry *new_dentry, int ret)
{
	return ret ?: ctrpolicy_dir_change(old_dir) ?: ctrpolicy_dir_change(new_dir);
}

/* Sleepable: the source of a bind or move is looked up in the module. */
SEC("lsm.s/sb_mount")
int BPF_PROG(sb_mount, const char *dev_name, const struct path *path,
	     const char *type, unsigned long flags, void *data, int ret)
{
	return ret ?: ctrpolicy_sb_mount((unsigned long)dev_name, path,
					 (unsigned long)type, flags);
}

SEC("lsm/sb_kern_mount")
int BPF_PROG(sb_kern_mount, struct super_block *sb, int ret)
{
	return ret ?: ctrpolicy_sb_kern_mount(sb);
}

SEC("lsm/sb_remount")
int BPF_PROG(sb_remount, struct super_block *sb, void *mnt_opts, int ret)
{
	return ret ?: ctrpolicy_sb_remount(sb);
}

SEC("lsm/move_mount")
int BPF_PROG(move_mount, const struct path *from_path,
	     const struct path *to_path, int ret)
{
	return ret ?: ctrpolicy_move_mount(from_path, to_path);
}

SEC("lsm/sb_umount")
int BPF_PROG(sb_umount, struct vfsmount *mnt, int flags, int ret)
{
	if (!NEEDS_DEFINITION(struct vfsmount))
		return ret;
	return ret ?: ctrpolicy_sb_umount(mnt);
}

SEC("lsm/sb_pivotroot")
int BPF_PROG(sb_pivotroot, const struct path *old_path,
	     const struct path *new_path, int ret)
{
	return ret ?: ctrpolicy_sb_pivotroot(old_path, new_path);
}

SEC("lsm/socket_create")
int BPF_PROG(socket_create, int family, int type, int protocol, int kern,
	     int ret)
{
	return ret ?: ctrpolicy_socket_create(family, type, protocol, kern);
}

SEC("lsm/socket_bind")
int BPF_PROG(socket_bind, struct socket *sock, struct sockaddr *address,
	     int addrlen, int ret)
{
	if (!NEEDS_DEFINITION(struct socket) || !NEEDS_DEFINITION(struct sockaddr))
		return ret;
	return ret ?: ctrpolicy_socket_bind(sock, address, addrlen);
}

SEC("lsm/socket_connect")
int BPF_PROG(socket_connect, struct socket *sock, struct sockaddr *address,
	     int addrlen, int ret)
{
	if (!NEEDS_DEFINITION(struct socket) || !NEEDS_DEFINITION(struct sockaddr))
		return ret;
	return ret ?: ctrpolicy_socket_connect(sock, address, addrlen);
}

SEC("lsm/socket_listen")
int BPF_PROG(socket_listen, struct socket *sock, int backlog, int ret)
{
	if (!NEEDS_DEFINITION(struct socket))
		return ret;
	return ret ?: ctrpolicy_socket_listen(sock);
}

SEC("lsm/socket_sendmsg")
int BPF_PROG(socket_sendmsg, struct socket *sock, struct msghdr *msg, int size,
	     int ret)
{
	if (!NEEDS_DEFINITION(struct socket) || !NEEDS_DEFINITION(struct msghdr))
		return ret;
	return ret ?: ctrpolicy_socket_sendmsg(sock, msg);
}

/* Past the point of no return of an execve(): pending policies arm. */
SEC("lsm/bprm_committed_creds")
int BPF_PROG(bprm_committed_creds, struct linux_binprm *bprm)
{
	ctrpolicy_bprm_committed_creds();
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
