// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Denial reports.
 *
 * Hooks run in any context, often under locks netlink must not nest in, so
 * a denial is recorded in a small queue and sent to the "events" multicast
 * group from a work item.  Nothing is recorded when nobody listens, and a
 * rate limit keeps a denial storm from flooding listeners; what is dropped
 * is counted.
 *
 * The family to send with is handed over when it is registered
 * (netlink.c, which sits above this file); until then nobody can listen.
 */

#include <linux/atomic.h>
#include <linux/kfifo.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>

#include "events.h"
#include "mount_rules.h"
#include "net_rules.h"
#include "policy.h"
#include "request.h"
#include "store.h"

#define EVENT_QUEUE_LEN		256	/* a power of 2 */
#define EVENT_RATE_BURST	200	/* events per... */
#define EVENT_RATE_INTERVAL	HZ	/* ...this interval */

/* A denial, as queued for the work item that sends it. */
struct ctrpolicy_event {
	u64 cgroup_id;
	u64 policy_cgroup_id;
	u32 pid;
	u32 area;
	u32 verdict;
	u32 capability;
	char policy_name[CTRPOLICY_NAME_MAX];
	u32 mount_flags;
	char comm[16];
	char operation[48];
	char fstype[CTRPOLICY_FSTYPE_MAX];
	char source[128];
	char target[128];
	struct in6_addr net_addr;
	u32 net_op;
	u32 net_family;
	u32 net_proto;
	u32 net_sock_type;
	u32 net_protocol;
	u32 net_port;
};

static DEFINE_SPINLOCK(event_lock);
static DECLARE_KFIFO(event_queue, struct ctrpolicy_event, EVENT_QUEUE_LEN);
static DEFINE_RATELIMIT_STATE(event_ratelimit, EVENT_RATE_INTERVAL,
			      EVENT_RATE_BURST);
static atomic64_t events_sent = ATOMIC64_INIT(0);
static atomic64_t events_dropped = ATOMIC64_INIT(0);
/* Set while the family is registered. */
static const struct genl_family *events_family;
static unsigned int events_group;

/* Whether anyone listens for events.  Safe in any context. */
static bool has_listeners(void)
{
	const struct genl_family *family = READ_ONCE(events_family);

	return family && genl_has_listeners(family, &init_net, events_group);
}

static int put_net_event(struct sk_buff *msg, const struct ctrpolicy_event *event)
{
	if (nla_put_u32(msg, CTRPOLICY_EVENT_A_NET_OP, event->net_op) ||
	    nla_put_u32(msg, CTRPOLICY_EVENT_A_NET_FAMILY, event->net_family) ||
	    nla_put_u32(msg, CTRPOLICY_EVENT_A_NET_PROTO, event->net_proto) ||
	    nla_put_u32(msg, CTRPOLICY_EVENT_A_NET_SOCK_TYPE, event->net_sock_type) ||
	    nla_put_u32(msg, CTRPOLICY_EVENT_A_NET_PROTOCOL, event->net_protocol))
		return -EMSGSIZE;
	if (event->net_op == CTRPOLICY_NET_OP_SOCKET)
		return 0;
	if (event->net_family == AF_INET)
		return nla_put_in_addr(msg, CTRPOLICY_EVENT_A_NET_ADDR,
				       event->net_addr.s6_addr32[3]) ?:
		       nla_put_u32(msg, CTRPOLICY_EVENT_A_NET_PORT, event->net_port);
	return nla_put_in6_addr(msg, CTRPOLICY_EVENT_A_NET_ADDR, &event->net_addr) ?:
	       nla_put_u32(msg, CTRPOLICY_EVENT_A_NET_PORT, event->net_port);
}

/* Send one event to the "events" group: 0, or a negative errno. */
static int event_send(const struct ctrpolicy_event *event)
{
	const struct genl_family *family = READ_ONCE(events_family);
	struct nlattr *nest;
	struct sk_buff *msg;
	void *hdr;
	int err;

	if (!family)
		return -ESRCH;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put(msg, 0, 0, family, 0, CTRPOLICY_CMD_EVENT);
	if (!hdr)
		goto nospace;
	nest = nla_nest_start(msg, CTRPOLICY_A_EVENT);
	if (!nest ||
	    nla_put_u64_64bit(msg, CTRPOLICY_EVENT_A_CGROUP_ID, event->cgroup_id,
			      CTRPOLICY_EVENT_A_PAD) ||
	    nla_put_u64_64bit(msg, CTRPOLICY_EVENT_A_POLICY_CGROUP_ID,
			      event->policy_cgroup_id, CTRPOLICY_EVENT_A_PAD) ||
	    nla_put_string(msg, CTRPOLICY_EVENT_A_POLICY_NAME, event->policy_name) ||
	    nla_put_u32(msg, CTRPOLICY_EVENT_A_PID, event->pid) ||
	    nla_put_string(msg, CTRPOLICY_EVENT_A_COMM, event->comm) ||
	    nla_put_u32(msg, CTRPOLICY_EVENT_A_AREA, event->area) ||
	    nla_put_u32(msg, CTRPOLICY_EVENT_A_VERDICT, event->verdict) ||
	    nla_put_string(msg, CTRPOLICY_EVENT_A_OPERATION, event->operation))
		goto nospace;
	if (event->area == CTRPOLICY_AREA_CAPABILITY &&
	    nla_put_u32(msg, CTRPOLICY_EVENT_A_CAPABILITY, event->capability))
		goto nospace;
	if (event->area == CTRPOLICY_AREA_MOUNT &&
	    (nla_put_string(msg, CTRPOLICY_EVENT_A_FSTYPE, event->fstype) ||
	     nla_put_string(msg, CTRPOLICY_EVENT_A_SOURCE, event->source) ||
	     nla_put_string(msg, CTRPOLICY_EVENT_A_TARGET, event->target) ||
	     nla_put_u32(msg, CTRPOLICY_EVENT_A_MOUNT_FLAGS, event->mount_flags)))
		goto nospace;
	if (event->area == CTRPOLICY_AREA_NETWORK && put_net_event(msg, event))
		goto nospace;
	nla_nest_end(msg, nest);
	genlmsg_end(msg, hdr);
	err = genlmsg_multicast(family, msg, 0, events_group, GFP_KERNEL);
	/* -ESRCH: the last listener left meanwhile; not a failure. */
	return err == -ESRCH ? 0 : err;

nospace:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

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
		if (event_send(&event))
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
 * Caller holds rcu_read_lock(); may run in atomic context, with interrupts
 * off, and with locks of the hook's caller held: it takes none of theirs.
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

	if (!has_listeners())
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
	/*
	 * Not get_task_comm(): it takes task_lock(current), and a hook's
	 * caller may hold another task's (ptrace_attach() holds the
	 * tracee's), or tasklist_lock with interrupts off (PTRACE_TRACEME).
	 * comm always ends in a NUL; a racing rename gives one name or the
	 * other's bytes, nothing unsafe.
	 */
	strscpy(event.comm, current->comm, sizeof(event.comm));

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
 * ctrpolicy_events_start - Send events with a registered family
 * @family: the family, registered
 * @group: the index of its "events" multicast group
 */
void ctrpolicy_events_start(const struct genl_family *family,
			    unsigned int group)
{
	events_group = group;
	smp_store_release(&events_family, family);
}

/**
 * ctrpolicy_events_stop - Stop sending before the family is unregistered
 *
 * What is still queued is dropped; when this returns no event is being
 * sent.
 */
void ctrpolicy_events_stop(void)
{
	WRITE_ONCE(events_family, NULL);
	flush_work(&event_work);
}
