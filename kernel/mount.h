/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Mount confinement: the mount hooks' decisions.
 */
#ifndef _SECURITY_CTRPOLICY_MOUNT_H
#define _SECURITY_CTRPOLICY_MOUNT_H

struct path;
struct super_block;
struct vfsmount;

int ctrpolicy_decide_sb_mount(const char *dev_name, const struct path *path,
			      const char *type, unsigned long flags,
			      bool may_sleep);
int ctrpolicy_decide_sb_kern_mount(const struct super_block *sb);
int ctrpolicy_decide_sb_remount(const struct super_block *sb);
int ctrpolicy_decide_move_mount(const struct path *from, const struct path *to);
int ctrpolicy_decide_sb_umount(struct vfsmount *mnt);
int ctrpolicy_decide_sb_pivotroot(const struct path *old_path,
				  const struct path *new_path);
int ctrpolicy_decide_mount_syscall(void);
int ctrpolicy_mount_init(void);
void ctrpolicy_mount_exit(void);

#endif /* _SECURITY_CTRPOLICY_MOUNT_H */
