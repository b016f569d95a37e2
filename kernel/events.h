/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Denial reports to the "events" multicast group.
 */
#ifndef _SECURITY_CTRPOLICY_EVENTS_H
#define _SECURITY_CTRPOLICY_EVENTS_H

#include <linux/atomic.h>
#include <linux/types.h>
#include <uapi/linux/ctrpolicy.h>

struct ctrpolicy_entry;
struct ctrpolicy_policy;
struct ctrpolicy_request;
struct genl_family;

/**
 * struct ctrpolicy_event_limit - the rate limit state of a cgroup's policy
 * @tat: the limiter's "theoretical arrival time" (GCRA), in nanoseconds of
 *	ktime_get_mono_fast_ns(): the bucket is full when it is in the past,
 *	and empty when it is more than the burst's worth of intervals ahead
 * @pending: events suppressed since the last one queued; the next queued
 *	event carries them (%CTRPOLICY_EVENT_A_SUPPRESSED)
 * @suppressed: every event suppressed, for listings
 *
 * Lives in the policy's store entry, beside its counters, so that it
 * survives a replacement of the policy; zeroed, it is a full bucket.  Only
 * atomics: the hooks update it without a lock.
 */
struct ctrpolicy_event_limit {
	atomic64_t tat;
	atomic_long_t pending;
	atomic_long_t suppressed;
};

void ctrpolicy_event_report(const struct ctrpolicy_request *request,
			    struct ctrpolicy_entry *entry,
			    const struct ctrpolicy_policy *policy,
			    u64 task_cgroup_id, enum ctrpolicy_verdict verdict);
u64 ctrpolicy_event_suppressed(const struct ctrpolicy_entry *entry);
void ctrpolicy_events_stats(u64 *sent, u64 *dropped);
int ctrpolicy_events_init(void);
void ctrpolicy_events_start(const struct genl_family *family,
			    unsigned int group);
void ctrpolicy_events_stop(void);
void ctrpolicy_events_exit(void);

#endif /* _SECURITY_CTRPOLICY_EVENTS_H */
