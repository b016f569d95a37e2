/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Self-protection: what no policy lets a confined task do.
 */
#ifndef _SECURITY_CTRPOLICY_PROTECT_H
#define _SECURITY_CTRPOLICY_PROTECT_H

struct inode;

int ctrpolicy_protect(const char *operation);
int ctrpolicy_decide_bpf(int cmd);
int ctrpolicy_decide_inode_permission(struct inode *inode, int mask);
int ctrpolicy_decide_bpffs_change(struct inode *dir);

#endif /* _SECURITY_CTRPOLICY_PROTECT_H */
