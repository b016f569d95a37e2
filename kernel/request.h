/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - A request of the current task, as the decision walk and the
 * denial report see it.
 */
#ifndef _SECURITY_CTRPOLICY_REQUEST_H
#define _SECURITY_CTRPOLICY_REQUEST_H

#include <linux/types.h>
#include <uapi/linux/ctrpolicy.h>

struct ctrpolicy_mount_request;
struct ctrpolicy_net_request;
struct ctrpolicy_policy;

/*
 * How a request folds into its chain's fold (fold.h): by the fields its
 * rule check reads, and no other.
 */
enum ctrpolicy_fold_by {
	CTRPOLICY_FOLD_NONE,
	CTRPOLICY_FOLD_CAPABILITY,	/* @capability */
	CTRPOLICY_FOLD_NETWORK,		/* what ctrpolicy_net_action() reads of @net */
};

/**
 * struct ctrpolicy_request - an action a confined task asks for
 * @area: which part of a policy decides
 * @fold: whether and by what a request every policy allowed is
 *	remembered (fold.h); its caller vouches that the rule check it
 *	passes reads nothing else
 * @operation: what was asked, for the denial report
 * @capability: the capability, for %CTRPOLICY_AREA_CAPABILITY
 * @quiet: decide and count, but send no event (CAP_OPT_NOAUDIT)
 * @mount: the operation, for %CTRPOLICY_AREA_MOUNT
 * @net: the operation, for %CTRPOLICY_AREA_NETWORK
 */

struct ctrpolicy_request {
	enum ctrpolicy_area area;
	enum ctrpolicy_fold_by fold;
	const char *operation;
	u32 capability;
	bool quiet;
	const struct ctrpolicy_mount_request *mount;
	const struct ctrpolicy_net_request *net;
};

/* Whether @policy allows @request, one function per area. */
typedef bool (*ctrpolicy_allows_t)(const struct ctrpolicy_policy *policy,
				   const struct ctrpolicy_request *request);

#endif /* _SECURITY_CTRPOLICY_REQUEST_H */
