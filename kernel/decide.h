/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Deciding a request of the current task by every policy in
 * force on its cgroup.
 */
#ifndef _SECURITY_CTRPOLICY_DECIDE_H
#define _SECURITY_CTRPOLICY_DECIDE_H

#include "request.h"

int ctrpolicy_decide(const struct ctrpolicy_request *request,
		     ctrpolicy_allows_t allows);
bool ctrpolicy_current_confined(void);

#endif /* _SECURITY_CTRPOLICY_DECIDE_H */
