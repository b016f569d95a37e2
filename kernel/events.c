// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Denial reports.
 *
 * Hooks run in any context a task can be in: preemption or interrupts off,
 * with locks of the hook's caller held (do_prlimit() asks capable() under
 * task_lock(), ptrace_attach() the ptrace hook under the tracee's,
 * PTRACE_TRACEME under tasklist_lock with interrupts off), and in BPF
 * programs under migrate_disable().  So the producer side takes no lock at
 * all, not even one of its own that PREEMPT_RT would turn into a sleeping
 * one, and never sleeps or allocates:
 *
 *  1. Nobody listening: nothing is recorded (genl_has_listeners() reads a
 *     bitmap under RCU).
 *  2. The deciding policy's rate limit (struct ctrpolicy_event_limit, in
 *     its store entry): one atomic64 compare-and-exchange, GCRA, a token
 *     bucket in one word.  An event over the limit is suppressed: counted
 *     in the entry with atomic_long_inc(), and the next event of that
 *     policy says how many were (%CTRPOLICY_EVENT_A_SUPPRESSED).  Each
 *     policy has its own limit, so a noisy container cannot hide the
 *     denials of another one.
 *  3. The event is written into this CPU's ring, a single-producer
 *     single-consumer queue: the producer is the CPU itself, made the only
 *     one by local_irq_save() (decisions run in task context with
 *     preemption off; interrupts off also keeps out any interrupt-time
 *     report), the consumer is the one work item.  Producer and consumer
 *     each own one index and hand slots over with release/acquire
 *     (Documentation/core-api/circular-buffers.rst).  A full ring drops the
 *     event and counts it (events_dropped).
 *  4. The work item is kicked through an irq_work: irq_work_queue() is an
 *     atomic claim and a lockless list, safe even in NMI, whereas
 *     schedule_work() takes the worker pool's lock and may wake a worker
 *     (the scheduler's pi_lock and runqueue lock), which the hook's caller
 *     may hold or nest the other way.  The irq_work runs with no lock of
 *     the hook's caller held, and schedules the work item.
 *
 * The rest of the producer is lock-free too: task_tgid_nr() and current->comm
 * are read without task_lock() (see event_fill()), ktime_get_mono_fast_ns()
 * reads a latched copy of the clock, and the counters are atomics.  No
 * ratelimit_state any more: its raw spinlock, even taken with a trylock, is
 * one lock more, and one limit for everyone let a noisy container hide the
 * others.  (atomic64_t is lock-free on 64-bit architectures and on 32-bit
 * x86 and arm; where CONFIG_GENERIC_ATOMIC64 emulates it, it takes a hashed
 * raw spinlock with interrupts off, innermost and held for one update.)
 *
 * The work item (one, never running concurrently with itself) drains the
 * rings round-robin and sends each event to the "events" multicast group,
 * where it may sleep and allocate.  Events of one CPU keep their order;
 * between CPUs there is none.
 *
 * The family to send with is handed over when it is registered
 * (netlink.c, which sits above this file); until then nobody can listen.
 */

#include <linux/atomic.h>
#include <linux/irq_work.h>
#include <linux/irqflags.h>
#include <linux/ktime.h>
#include <linux/percpu.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>

#include "events.h"
#include "mount_rules.h"
#include "net_rules.h"
#include "policy.h"
#include "request.h"
#include "store.h"

/* Slots of each CPU's ring: a power of 2. */
#define EVENT_RING_LEN		32

/* A denial, as queued for the work item that sends it. */
struct ctrpolicy_event {
	u64 cgroup_id;
	u64 policy_cgroup_id;
	u64 suppressed;
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

/**
 * struct event_ring - one CPU's queue of events
 * @head: the next slot to fill; written by the CPU's reports only, with
 *	interrupts off, published with smp_store_release() once the slot is
 *	filled
 * @tail: the next slot to send; written by the work item only, published
 *	with smp_store_release() once the slot is sent
 * @slot: the events; slot i is the producer's while head - tail <
 *	EVENT_RING_LEN and i is not in [tail, head), the consumer's inside
 *
 * The indices run freely and wrap; head - tail is the number queued.
 */
struct event_ring {
	unsigned int head;
	unsigned int tail ____cacheline_aligned;
	struct ctrpolicy_event slot[EVENT_RING_LEN];
};

static struct event_ring __percpu *event_rings;
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
	if (event->suppressed &&
	    nla_put_u64_64bit(msg, CTRPOLICY_EVENT_A_SUPPRESSED, event->suppressed,
			      CTRPOLICY_EVENT_A_PAD))
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

/*
 * Sends what the rings hold, one event of each CPU in turn so that a busy
 * CPU does not starve the others' events.  Runs as the one work item:
 * never concurrently with itself, so it is each ring's single consumer.
 */
static void event_work_fn(struct work_struct *work)
{
	struct event_ring *ring;
	unsigned int tail;
	bool more;
	int cpu;

	do {
		more = false;
		for_each_possible_cpu(cpu) {
			ring = per_cpu_ptr(event_rings, cpu);
			tail = ring->tail;
			/* Acquire: the slot's contents before the index. */
			if (tail == smp_load_acquire(&ring->head))
				continue;
			if (event_send(&ring->slot[tail & (EVENT_RING_LEN - 1)]))
				atomic64_inc(&events_dropped);
			else
				atomic64_inc(&events_sent);
			/* Release: done reading the slot before it is reused. */
			smp_store_release(&ring->tail, tail + 1);
			more = true;
		}
		cond_resched();
	} while (more);
}

static DECLARE_WORK(event_work, event_work_fn);

/* In hard interrupt context (or RT's irq_work thread): no hook's locks. */
static void event_kick_fn(struct irq_work *work)
{
	schedule_work(&event_work);
}

static DEFINE_IRQ_WORK(event_kick, event_kick_fn);

/*
 * Whether a policy whose limit is @rate events a second, @burst at once,
 * lets an event through at @now (ns), updating @limit.  GCRA: @limit->tat
 * moves one interval ahead per event let through; an event is let through
 * if tat is at most (burst - 1) intervals ahead of now.  Lock-free: a
 * compare-and-exchange loop on one word, retried only when another CPU
 * changed it meanwhile.
 */
static bool limit_pass_at(struct ctrpolicy_event_limit *limit, u32 rate,
			  u32 burst, u64 now)
{
	u64 interval = NSEC_PER_SEC / rate;
	u64 tolerance = (u64)(burst - 1) * interval;
	s64 tat = atomic64_read(&limit->tat);
	u64 base, next;
	bool pass;

	for (;;) {
		/*
		 * Never more than a full burst and an interval ahead: a policy
		 * replaced by one of a higher rate or a smaller burst would
		 * otherwise wait out the old one's backlog.
		 */
		base = clamp_t(u64, tat, now, now + tolerance + interval);
		pass = base - now <= tolerance;
		next = pass ? base + interval : base;
		if (next == (u64)tat ||
		    atomic64_try_cmpxchg(&limit->tat, &tat, next))
			return pass;
	}
}

/* limit_pass_at() now, by @policy's limit. */
static bool limit_pass(struct ctrpolicy_event_limit *limit,
		       const struct ctrpolicy_policy *policy)
{
	u32 rate = policy->event_rate, burst = policy->event_burst;

	/* Checked in ctrpolicy_policy_parse(). */
	if (WARN_ON_ONCE(!rate || !burst))
		return false;
	/* NMI-safe and lock-free: a latched copy of the clock. */
	return limit_pass_at(limit, rate, burst, ktime_get_mono_fast_ns());
}

/* Fills @event; a slot of this CPU's ring, with interrupts off. */
static void event_fill(struct ctrpolicy_event *event,
		       const struct ctrpolicy_request *request,
		       const struct ctrpolicy_entry *entry,
		       const struct ctrpolicy_policy *policy,
		       u64 task_cgroup_id, enum ctrpolicy_verdict verdict,
		       long suppressed)
{
	*event = (struct ctrpolicy_event) {
		.cgroup_id = task_cgroup_id,
		.policy_cgroup_id = entry->cgroup_id,
		.suppressed = suppressed,
		.pid = task_tgid_nr(current),
		.area = request->area,
		.verdict = verdict,
		.capability = request->capability,
	};
	strscpy(event->policy_name, policy->name, sizeof(event->policy_name));
	strscpy(event->operation, request->operation, sizeof(event->operation));
	if (request->mount) {
		const struct ctrpolicy_mount_request *m = request->mount;

		strscpy(event->fstype, m->fstype ?: "", sizeof(event->fstype));
		strscpy(event->source, m->unknown & CTRPOLICY_MOUNT_FIELD_SOURCE ?
			"" : m->source, sizeof(event->source));
		strscpy(event->target, m->unknown & CTRPOLICY_MOUNT_FIELD_TARGET ||
			m->deferred & CTRPOLICY_MOUNT_FIELD_TARGET ? "" : m->target,
			sizeof(event->target));
		event->mount_flags = m->flags;
	}
	if (request->net) {
		const struct ctrpolicy_net_request *n = request->net;

		event->net_op = n->op;
		event->net_family = n->family;
		event->net_proto = n->proto;
		event->net_sock_type = n->sock_type;
		event->net_protocol = n->protocol;
		event->net_addr = n->addr;
		event->net_port = n->port;
	}
	/*
	 * Not get_task_comm(): it takes task_lock(current), and a hook's
	 * caller may hold another task's (ptrace_attach() holds the
	 * tracee's), or tasklist_lock with interrupts off (PTRACE_TRACEME).
	 * comm always ends in a NUL; a racing rename gives one name or the
	 * other's bytes, nothing unsafe.
	 */
	strscpy(event->comm, current->comm, sizeof(event->comm));
}

/**
 * ctrpolicy_event_report - Report a denial or an audited request
 * @request: what was asked
 * @entry: the store entry of the deciding policy, for its rate limit
 * @policy: the deciding policy
 * @task_cgroup_id: the cgroup of the current task
 * @verdict: denied or audited
 *
 * Caller holds rcu_read_lock(); may run with preemption or interrupts off
 * and with any lock of the hook's caller held: it takes no lock, sleeps
 * never and allocates nothing (see the top of this file).  Nothing is
 * recorded while nobody listens; an event over @policy's rate limit is
 * counted in @entry instead of queued; one that finds this CPU's ring full
 * is counted as dropped.
 */
void ctrpolicy_event_report(const struct ctrpolicy_request *request,
			    struct ctrpolicy_entry *entry,
			    const struct ctrpolicy_policy *policy,
			    u64 task_cgroup_id, enum ctrpolicy_verdict verdict)
{
	struct ctrpolicy_event_limit *limit = &entry->events;
	struct event_ring *ring;
	unsigned long flags;
	unsigned int head;
	long suppressed;

	if (!has_listeners())
		return;
	if (!limit_pass(limit, policy)) {
		atomic_long_inc(&limit->pending);
		atomic_long_inc(&limit->suppressed);
		return;
	}
	suppressed = atomic_long_xchg(&limit->pending, 0);

	local_irq_save(flags);
	ring = this_cpu_ptr(event_rings);
	head = ring->head;
	/* Acquire: the consumer is done with a slot before it is refilled. */
	if (head - smp_load_acquire(&ring->tail) >= EVENT_RING_LEN) {
		local_irq_restore(flags);
		/* The next event of the policy reports them instead. */
		atomic_long_add(suppressed, &limit->pending);
		atomic64_inc(&events_dropped);
		return;
	}
	event_fill(&ring->slot[head & (EVENT_RING_LEN - 1)], request, entry,
		   policy, task_cgroup_id, verdict, suppressed);
	/* Release: the slot's contents before the index that publishes it. */
	smp_store_release(&ring->head, head + 1);
	local_irq_restore(flags);
	irq_work_queue(&event_kick);
}

/**
 * ctrpolicy_event_suppressed - The events a cgroup's policy suppressed
 * @entry: the store entry, under RCU or the store mutex
 *
 * Return: every event its rate limit suppressed since the entry was made.
 */
u64 ctrpolicy_event_suppressed(const struct ctrpolicy_entry *entry)
{
	return atomic_long_read(&entry->events.suppressed);
}

/**
 * ctrpolicy_events_stats - Events sent and dropped since the module loaded
 * @sent: where the number sent goes
 * @dropped: where the number dropped (full queue, failed send) goes
 */
void ctrpolicy_events_stats(u64 *sent, u64 *dropped)
{
	*sent = atomic64_read(&events_sent);
	*dropped = atomic64_read(&events_dropped);
}

/**
 * ctrpolicy_events_init - Allocate the per-CPU rings
 *
 * Return: 0, or -ENOMEM.
 */
int ctrpolicy_events_init(void)
{
	/* What the per-CPU allocator hands out at most. */
	BUILD_BUG_ON(sizeof(struct event_ring) > PCPU_MIN_UNIT_SIZE);
	BUILD_BUG_ON(!is_power_of_2(EVENT_RING_LEN));
	event_rings = alloc_percpu(struct event_ring);
	return event_rings ? 0 : -ENOMEM;
}

/**
 * ctrpolicy_events_start - Send events with a registered family
 * @family: the family, registered
 * @group: the index of its "events" multicast group
 *
 * Called after ctrpolicy_events_init().
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
	/* The kick schedules the work: wait for it first. */
	irq_work_sync(&event_kick);
	flush_work(&event_work);
}

/**
 * ctrpolicy_events_exit - Free the rings
 *
 * Called after ctrpolicy_events_stop(), once no hook can run any more.
 */
void ctrpolicy_events_exit(void)
{
	free_percpu(event_rings);
	event_rings = NULL;
}

#ifdef CTRPOLICY_KUNIT_TEST
#include "events_test.c"
#endif
