// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The decision walk.
 *
 * A task's effective policy is every policy on its cgroup and its
 * ancestors (store.c builds that chain); a request is allowed only if each
 * of them allows it, so a nested policy narrows and never widens.  Each
 * policy counts the checks it made and reports what it did not allow.
 */

#include <linux/cgroup.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>

#include "decide.h"
#include "events.h"
#include "learn.h"
#include "policy.h"
#include "store.h"

static void count(const struct ctrpolicy_entry *entry,
		  enum ctrpolicy_area area, enum ctrpolicy_count what)
{
	this_cpu_inc(entry->counters->count[area][what]);
}

/**
 * ctrpolicy_decide_as - Decide a request by the policies of a task
 * @subject: the task whose policies decide: current, or the task on whose
 *	confinement the request depends (a tracer)
 * @request: what is asked
 * @allows: the area's rule check
 *
 * Every policy on @subject's cgroup and its ancestors takes part: each
 * counts the check, and each that does not allow it reports it.  An
 * enforcing policy that does not allow the request denies it; a learning
 * one records it in its learned set.  The report
 * names the current task as the one that asked.
 *
 * Return: 0 when allowed (or @subject is unconfined), -EPERM when denied.
 */
int ctrpolicy_decide_as(struct task_struct *subject,
			const struct ctrpolicy_request *request,
			ctrpolicy_allows_t allows)
{
	const struct ctrpolicy_policy *policy;
	const struct ctrpolicy_chain *chain;
	struct ctrpolicy_entry *entry;
	struct cgroup *cgrp;
	unsigned int i;
	int ret = 0;

	if (ctrpolicy_none_loaded() || !in_task())
		return 0;

	rcu_read_lock();
	preempt_disable();
	cgrp = task_dfl_cgroup(subject);
	chain = ctrpolicy_store_chain(cgrp);
	for (i = 0; i < chain->len; i++) {
		enum ctrpolicy_verdict verdict;

		entry = chain->entries[i];
		policy = rcu_dereference(entry->policy);
		count(entry, request->area, CTRPOLICY_COUNT_CHECKS);
		if (allows && allows(policy, request)) {
			count(entry, request->area, CTRPOLICY_COUNT_ALLOWED);
			continue;
		}
		/*
		 * Self-protection (no rule function) holds in audit and learn
		 * mode too, and is not learned.
		 */
		if (policy->mode != CTRPOLICY_MODE_ENFORCE && allows) {
			if (policy->mode == CTRPOLICY_MODE_LEARN)
				ctrpolicy_learn(policy->learned, request);
			count(entry, request->area, CTRPOLICY_COUNT_AUDITED);
			verdict = CTRPOLICY_VERDICT_AUDITED;
		} else {
			count(entry, request->area, CTRPOLICY_COUNT_DENIED);
			verdict = CTRPOLICY_VERDICT_DENIED;
			ret = -EPERM;
		}
		if (!request->quiet)
			ctrpolicy_event_report(request, entry, policy,
					       cgroup_id(cgrp), verdict);
	}
	preempt_enable();
	rcu_read_unlock();
	return ret;
}

/**
 * ctrpolicy_current_confined - Whether a policy applies to the current task
 *
 * Return: true if the current task's cgroup or an ancestor has a policy.
 */
bool ctrpolicy_current_confined(void)
{
	bool confined;

	if (ctrpolicy_none_loaded() || !in_task())
		return false;
	rcu_read_lock();
	preempt_disable();
	confined = ctrpolicy_store_chain(task_dfl_cgroup(current))->len;
	preempt_enable();
	rcu_read_unlock();
	return confined;
}
