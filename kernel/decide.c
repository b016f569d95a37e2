// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The decision walk.
 *
 * A task's effective policy is every policy on its cgroup and its
 * ancestors (store.c builds that chain); a request is allowed only if each
 * of them allows it, so a nested policy narrows and never widens.  Each
 * policy counts its verdicts and reports what it did not allow.
 */

#include <linux/bitops.h>
#include <linux/cgroup.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/string.h>

#include "decide.h"
#include "events.h"
#include "fold.h"
#include "learn.h"
#include "net_rules.h"
#include "policy.h"
#include "store.h"

static void count(const struct ctrpolicy_entry *entry,
		  enum ctrpolicy_area area, enum ctrpolicy_count what)
{
	this_cpu_inc(entry->counters->count[area][what]);
}

/* Padding too: keys are compared whole. */
static void fold_net_key(struct ctrpolicy_fold_net *key,
			 const struct ctrpolicy_net_request *req)
{
	memset(key, 0, sizeof(*key));
	key->addr = req->addr;
	key->op = req->op;
	key->family = req->family;
	key->port = req->port;
	key->proto = req->proto;
}

/* Whether every policy of the chain allowed @request before. */
static bool fold_allows(const struct ctrpolicy_fold *fold,
			const struct ctrpolicy_request *request)
{
	struct ctrpolicy_fold_net key;
	unsigned int i;

	switch (request->fold) {
	case CTRPOLICY_FOLD_CAPABILITY:
		return request->capability <= CAP_LAST_CAP &&
		       test_bit(request->capability, fold->caps);
	case CTRPOLICY_FOLD_NETWORK:
		fold_net_key(&key, request->net);
		for (i = 0; i < fold->n_net; i++)
			if (!memcmp(&fold->net[i], &key, sizeof(key)))
				return true;
		return false;
	default:
		return false;
	}
}

/* Remember that every policy of the chain allowed @request. */
static void fold_in(struct ctrpolicy_fold *fold,
		    const struct ctrpolicy_request *request)
{
	switch (request->fold) {
	case CTRPOLICY_FOLD_CAPABILITY:
		if (request->capability <= CAP_LAST_CAP)
			__set_bit(request->capability, fold->caps);
		break;
	case CTRPOLICY_FOLD_NETWORK:
		fold_net_key(&fold->net[fold->next_net], request->net);
		fold->next_net = (fold->next_net + 1) % CTRPOLICY_FOLD_NET;
		if (fold->n_net < CTRPOLICY_FOLD_NET)
			fold->n_net++;
		break;
	default:
		break;
	}
}

/**
 * ctrpolicy_decide_as - Decide a request by the policies of a task
 * @subject: the task whose policies decide: current, or the task on whose
 *	confinement the request depends (a tracer)
 * @request: what is asked
 * @allows: the area's rule check
 *
 * Every policy on @subject's cgroup and its ancestors takes part: each
 * counts its verdict, and each that does not allow the request reports it.
 * An enforcing policy that does not allow the request denies it; a
 * learning one records it in its learned set.  The report names the
 * current task as the one that asked.  A request that every policy of the
 * chain allowed before, the chain's fold allows at once (fold.h), counted
 * as allowed by each.
 *
 * Return: 0 when allowed (or @subject is unconfined), -EPERM when denied.
 */
int ctrpolicy_decide_as(struct task_struct *subject,
			const struct ctrpolicy_request *request,
			ctrpolicy_allows_t allows)
{
	const struct ctrpolicy_policy *policy;
	struct ctrpolicy_chain *chain;
	struct ctrpolicy_entry *entry;
	bool all_allowed = true;
	struct cgroup *cgrp;
	unsigned int i;
	int ret = 0;

	if (ctrpolicy_none_loaded() || !in_task())
		return 0;

	rcu_read_lock();
	preempt_disable();
	cgrp = task_dfl_cgroup(subject);
	chain = ctrpolicy_store_chain(cgrp);
	if (chain->len && fold_allows(&chain->fold, request)) {
		for (i = 0; i < chain->len; i++)
			count(chain->entries[i], request->area, CTRPOLICY_COUNT_ALLOWED);
		goto out;
	}
	for (i = 0; i < chain->len; i++) {
		enum ctrpolicy_verdict verdict;

		entry = chain->entries[i];
		policy = rcu_dereference(entry->policy);
		if (allows && allows(policy, request)) {
			count(entry, request->area, CTRPOLICY_COUNT_ALLOWED);
			continue;
		}
		all_allowed = false;
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
	if (chain->len && all_allowed)
		fold_in(&chain->fold, request);
out:
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

#ifdef CTRPOLICY_KUNIT_TEST
#include "decide_test.c"
#endif
