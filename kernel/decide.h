/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Deciding a request of the current task by every policy in
 * force on its cgroup.
 */
#ifndef _SECURITY_CTRPOLICY_DECIDE_H
#define _SECURITY_CTRPOLICY_DECIDE_H

#include <linux/sched.h>

#include "request.h"

int ctrpolicy_decide_as(struct task_struct *subject,
			const struct ctrpolicy_request *request,
			ctrpolicy_allows_t allows);

/**
 * ctrpolicy_decide - Decide a request of the current task by its policies
 * @request: what is asked
 * @allows: the area's rule check, or NULL for self-protection
 *
 * Return: 0 when allowed (or the task is unconfined), -EPERM when denied.
 */
static inline int ctrpolicy_decide(const struct ctrpolicy_request *request,
				   ctrpolicy_allows_t allows)
{
	return ctrpolicy_decide_as(current, request, allows);
}
bool ctrpolicy_current_confined(void);

#endif /* _SECURITY_CTRPOLICY_DECIDE_H */
