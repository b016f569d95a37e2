// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - BPF-LSM hook glue for a stock kernel.
 *
 * One program per LSM hook, each a call into the module: no policy logic
 * lives here.  A hook that an earlier LSM (or an earlier BPF program)
 * already denied keeps that verdict and is not counted.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int ctrpolicy_capable(const struct cred *cred, int cap,
			     unsigned int opts) __ksym;
extern int ctrpolicy_bpf(int cmd) __ksym;
extern int ctrpolicy_inode_permission(struct inode *inode, int mask) __ksym;
extern int ctrpolicy_dir_change(struct inode *dir) __ksym;

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

char LICENSE[] SEC("license") = "GPL";
