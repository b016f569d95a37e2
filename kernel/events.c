// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Denial reports.
 *
 * Hooks run in any context, often under locks netlink must not nest in, so
 * a denial is recorded in a small queue and sent to the "events" multicast
 * group from a work item.  Nothing is recorded when nobody listens, and a
 * rate limit keeps a denial storm from flooding listeners; what is dropped
 * is counted.
 */

#include <linux/atomic.h>
#include <linux/kfifo.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "ctrpolicy.h"

#define EVENT_QUEUE_LEN		256	/* a power of 2 */
#define EVENT_RATE_BURST	200	/* events per... */
#define EVENT_RATE_INTERVAL	HZ	/* ...this interval */

static DEFINE_SPINLOCK(event_lock);
static DECLARE_KFIFO(event_queue, struct ctrpolicy_event, EVENT_QUEUE_LEN);
static DEFINE_RATELIMIT_STATE(event_ratelimit, EVENT_RATE_INTERVAL,
			      EVENT_RATE_BURST);
static atomic64_t events_sent = ATOMIC64_INIT(0);
static atomic64_t events_dropped = ATOMIC64_INIT(0);

static void event_work_fn(struct work_struct *work)
{
	struct ctrpolicy_event event;
	unsigned long flags;
	bool got;

	for (;;) {
		spin_lock_irqsave(&event_lock, flags);
		got = kfifo_get(&event_queue, &event);
		spin_unlock_irqrestore(&event_lock, flags);
		if (!got)
			break;
		if (ctrpolicy_netlink_send_event(&event))
			atomic64_inc(&events_dropped);
		else
			atomic64_inc(&events_sent);
	}
}

static DECLARE_WORK(event_work, event_work_fn);

/**
 * ctrpolicy_event_report - Report a denial or an audited request
 * @request: what was asked
 * @entry: the entry of the deciding policy
 * @policy: the deciding policy
 * @task_cgroup_id: the cgroup of the current task
 * @verdict: denied or audited
 *
 * Caller holds rcu_read_lock(); may run in atomic context.
 */
void ctrpolicy_event_report(const struct ctrpolicy_request *request,
			    const struct ctrpolicy_entry *entry,
			    const struct ctrpolicy_policy *policy,
			    u64 task_cgroup_id, enum ctrpolicy_verdict verdict)
{
	struct ctrpolicy_event event = {
		.cgroup_id = task_cgroup_id,
		.policy_cgroup_id = entry->cgroup_id,
		.pid = task_tgid_nr(current),
		.area = request->area,
		.verdict = verdict,
		.capability = request->capability,
	};
	unsigned long flags;
	bool queued;

	if (!ctrpolicy_netlink_has_listeners())
		return;
	if (!__ratelimit(&event_ratelimit)) {
		atomic64_inc(&events_dropped);
		return;
	}
	strscpy(event.policy_name, policy->name, sizeof(event.policy_name));
	strscpy(event.operation, request->operation, sizeof(event.operation));
	if (request->mount) {
		const struct ctrpolicy_mount_request *m = request->mount;

		strscpy(event.fstype, m->fstype ?: "", sizeof(event.fstype));
		strscpy(event.source, m->unknown & CTRPOLICY_MOUNT_FIELD_SOURCE ?
			"" : m->source, sizeof(event.source));
		strscpy(event.target, m->unknown & CTRPOLICY_MOUNT_FIELD_TARGET ||
			m->deferred & CTRPOLICY_MOUNT_FIELD_TARGET ? "" : m->target,
			sizeof(event.target));
		event.mount_flags = m->flags;
	}
	if (request->net) {
		const struct ctrpolicy_net_request *n = request->net;

		event.net_op = n->op;
		event.net_family = n->family;
		event.net_proto = n->proto;
		event.net_sock_type = n->sock_type;
		event.net_protocol = n->protocol;
		event.net_addr = n->addr;
		event.net_port = n->port;
	}
	get_task_comm(event.comm, current);

	spin_lock_irqsave(&event_lock, flags);
	queued = kfifo_put(&event_queue, event);
	spin_unlock_irqrestore(&event_lock, flags);
	if (!queued) {
		atomic64_inc(&events_dropped);
		return;
	}
	schedule_work(&event_work);
}

/**
 * ctrpolicy_events_stats - Events sent and dropped since the module loaded
 * @sent: where the number sent goes
 * @dropped: where the number dropped (rate limit, full queue) goes
 */
void ctrpolicy_events_stats(u64 *sent, u64 *dropped)
{
	*sent = atomic64_read(&events_sent);
	*dropped = atomic64_read(&events_dropped);
}

/**
 * ctrpolicy_events_exit - Wait for the queued events to be sent
 *
 * Called after the netlink family is gone, so the queue drains to nowhere.
 */
void ctrpolicy_events_exit(void)
{
	flush_work(&event_work);
}
