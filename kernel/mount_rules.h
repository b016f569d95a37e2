/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Mount rules and how a request matches them (pure functions).
 */
#ifndef _SECURITY_CTRPOLICY_MOUNT_RULES_H
#define _SECURITY_CTRPOLICY_MOUNT_RULES_H

#include <linux/bits.h>
#include <linux/types.h>

/**
 * struct ctrpolicy_mount_rule - one rule of the mount area
 * @action: enum ctrpolicy_action
 * @op: enum ctrpolicy_mount_op
 * @require: CTRPOLICY_MOUNT_F_* that must all be set
 * @forbid: CTRPOLICY_MOUNT_F_* that must all be clear
 * @fstype: the file system type, or NULL for any
 * @source: the source, or NULL for any
 * @target: the target path, or NULL for any
 * @source_len: strlen(@source)
 * @target_len: strlen(@target)
 */
struct ctrpolicy_mount_rule {
	u32 action;
	u32 op;
	u32 require;
	u32 forbid;
	const char *fstype;
	const char *source;
	const char *target;
	u32 source_len;
	u32 target_len;
};

/**
 * struct ctrpolicy_mount_rules - the mount area of a policy
 * @default_action: enum ctrpolicy_action for operations no rule matches
 * @n_rules: the number of @rules
 * @rules: the rules, in order: the first that matches decides
 */
struct ctrpolicy_mount_rules {
	u32 default_action;
	u32 n_rules;
	struct ctrpolicy_mount_rule *rules;
};

/* The parts of a mount request (struct ctrpolicy_mount_request). */
#define CTRPOLICY_MOUNT_FIELD_FSTYPE	BIT(0)
#define CTRPOLICY_MOUNT_FIELD_SOURCE	BIT(1)
#define CTRPOLICY_MOUNT_FIELD_TARGET	BIT(2)
#define CTRPOLICY_MOUNT_FIELD_FLAGS	BIT(3)

/**
 * struct ctrpolicy_mount_request - a mount operation asked for
 * @op: enum ctrpolicy_mount_op
 * @fstype: the file system type
 * @source: the source
 * @target: the target path
 * @flags: CTRPOLICY_MOUNT_F_*
 * @deferred: CTRPOLICY_MOUNT_FIELD_* this hook does not know but another
 *	hook of the same operation checks
 * @unknown: CTRPOLICY_MOUNT_FIELD_* no hook of this operation knows
 */
struct ctrpolicy_mount_request {
	u32 op;
	const char *fstype;
	const char *source;
	const char *target;
	u32 flags;
	u32 deferred;
	u32 unknown;
};

u32 ctrpolicy_mount_action(const struct ctrpolicy_mount_rules *mount,
			   const struct ctrpolicy_mount_request *req);

#endif /* _SECURITY_CTRPOLICY_MOUNT_RULES_H */
