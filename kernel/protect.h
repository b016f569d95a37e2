/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Self-protection: what no policy lets a confined task do.
 */
#ifndef _SECURITY_CTRPOLICY_PROTECT_H
#define _SECURITY_CTRPOLICY_PROTECT_H

#include <linux/types.h>

union bpf_attr;
struct file;
struct inode;
struct key;
struct perf_event;
struct socket;
struct super_block;
struct task_struct;

int ctrpolicy_protect(const char *operation);
int ctrpolicy_protect_as(struct task_struct *subject, const char *operation,
			 bool quiet);
int ctrpolicy_decide_bpf(int cmd, const union bpf_attr *attr);
int ctrpolicy_decide_inode_permission(struct inode *inode, int mask);
int ctrpolicy_decide_dir_change(struct inode *dir);
int ctrpolicy_decide_rmdir(struct inode *dir);
int ctrpolicy_decide_cgroup1_mount(const struct super_block *sb);
int ctrpolicy_decide_cgroup1_remount(const struct super_block *sb);
int ctrpolicy_decide_uevent_send(const struct socket *sock);
int ctrpolicy_decide_syslog(int type);
int ctrpolicy_decide_ptrace_access_check(struct task_struct *child,
					 unsigned int mode);
int ctrpolicy_decide_ptrace_traceme(struct task_struct *parent);
int ctrpolicy_decide_task_kill(struct task_struct *task);
int ctrpolicy_decide_task_change(struct task_struct *task);
int ctrpolicy_decide_task_prlimit(unsigned int flags);
int ctrpolicy_decide_file_open(struct file *file);
int ctrpolicy_decide_file_ioctl(unsigned int cmd);
int ctrpolicy_decide_file_fcntl(unsigned int cmd, unsigned long arg);
int ctrpolicy_decide_path_notify(u64 mask, unsigned int obj_type);
int ctrpolicy_decide_kernel_load(int id);
int ctrpolicy_decide_kernel_module_request(void);
int ctrpolicy_decide_key_alloc(const struct key *key);
int ctrpolicy_decide_perf_event_alloc(struct perf_event *event);

#endif /* _SECURITY_CTRPOLICY_PROTECT_H */
