/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Denial reports to the "events" multicast group.
 */
#ifndef _SECURITY_CTRPOLICY_EVENTS_H
#define _SECURITY_CTRPOLICY_EVENTS_H

#include <linux/types.h>
#include <uapi/linux/ctrpolicy.h>

struct ctrpolicy_entry;
struct ctrpolicy_policy;
struct ctrpolicy_request;
struct genl_family;

void ctrpolicy_event_report(const struct ctrpolicy_request *request,
			    const struct ctrpolicy_entry *entry,
			    const struct ctrpolicy_policy *policy,
			    u64 task_cgroup_id, enum ctrpolicy_verdict verdict);
void ctrpolicy_events_stats(u64 *sent, u64 *dropped);
void ctrpolicy_events_start(const struct genl_family *family,
			    unsigned int group);
void ctrpolicy_events_stop(void);

#endif /* _SECURITY_CTRPOLICY_EVENTS_H */
