/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The policy store: which policy is on which cgroup, and the
 * chains of policies in force on a task's cgroup.
 */
#ifndef _SECURITY_CTRPOLICY_STORE_H
#define _SECURITY_CTRPOLICY_STORE_H

#include <linux/compiler.h>
#include <linux/rbtree_types.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable-types.h>
#include <linux/types.h>
#include <uapi/linux/ctrpolicy.h>

#include "common.h"
#include "events.h"
#include "fold.h"

struct cgroup;
struct ctrpolicy_learn_set;
struct ctrpolicy_policy;
struct netlink_ext_ack;

/*
 * A decision counts its verdict: allowed, denied or audited; the checks are
 * not counted but summed from those when the counters are read, one
 * increment per policy of a chain.
 */
enum ctrpolicy_count {
	CTRPOLICY_COUNT_CHECKS,
	CTRPOLICY_COUNT_ALLOWED,
	CTRPOLICY_COUNT_DENIED,
	CTRPOLICY_COUNT_AUDITED,
	CTRPOLICY_COUNT_NUM,
};

struct ctrpolicy_counters {
	u64 count[CTRPOLICY_AREA_MAX + 1][CTRPOLICY_COUNT_NUM];
};

/**
 * struct ctrpolicy_entry - the policy slot of one cgroup
 * @node: in the store's hash table, keyed by @cgroup_id
 * @tree: in the store's tree in cgroup id order, under the store mutex
 * @cgroup_id: the cgroup v2 id
 * @level: the cgroup's depth, 1 for a child of the root
 * @pending: 1 while the policy waits for the first execve() below its
 *	cgroup (loaded with %CTRPOLICY_A_ON_EXEC); the walk skips it then
 * @policy: the policy in force, replaced under RCU
 * @counters: per-CPU decision counters; they outlive policy replacements
 * @events: the rate limit of the policy's events, which outlives them too
 * @learned: the learned set of the policy in force, or of one before it
 *	that the replacing policies kept (%CTRPOLICY_A_LEARN_KEEP); NULL if
 *	none learned
 * @removed_at: jiffies when the reaper first found the cgroup removed and
 *	kept the entry for its learned set; 0 until then (store mutex)
 * @rcu: frees the entry after the readers that may still see it
 */
struct ctrpolicy_entry {
	struct rhash_head node;
	struct rb_node tree;
	u64 cgroup_id;
	int level;
	int pending;
	struct ctrpolicy_policy __rcu *policy;
	struct ctrpolicy_counters __percpu *counters;
	struct ctrpolicy_event_limit events;
	struct ctrpolicy_learn_set __rcu *learned;
	unsigned long removed_at;
	struct rcu_head rcu;
};

/**
 * struct ctrpolicy_chain - the entries in force on a cgroup and its
 *	ancestors, root first: what a decision walks
 * @cgroup_id: the cgroup
 * @gen: the store generation it was built in
 * @len: the number of @entries
 * @entries: the entries
 * @fold: what all of them allowed, emptied when the chain is rebuilt
 */
struct ctrpolicy_chain {
	u64 cgroup_id;
	unsigned long gen;
	unsigned int len;
	struct ctrpolicy_entry *entries[CTRPOLICY_MAX_LEVEL];
	struct ctrpolicy_fold fold;
};

extern unsigned long ctrpolicy_store_levels;

/*
 * Whether no policy is loaded at all: the first test of every hook, so that
 * a host without policies pays one load.
 */
static inline bool ctrpolicy_none_loaded(void)
{
	return likely(!READ_ONCE(ctrpolicy_store_levels));
}

struct ctrpolicy_chain *ctrpolicy_store_chain(const struct cgroup *cgrp);
int ctrpolicy_store_set(u64 cgroup_id, struct ctrpolicy_policy *policy,
			bool on_exec, bool keep_learned,
			struct netlink_ext_ack *extack);
void ctrpolicy_store_exec(void);
int ctrpolicy_store_delete(u64 cgroup_id);
struct ctrpolicy_entry *ctrpolicy_store_find(u64 cgroup_id);
int ctrpolicy_store_dump(u64 from_id,
			 int (*fill)(void *arg, const struct ctrpolicy_entry *entry),
			 void *arg);
unsigned long ctrpolicy_store_seq(void);
unsigned int ctrpolicy_store_count(void);
void ctrpolicy_store_cgroup_removed(void);
void ctrpolicy_entry_counters(const struct ctrpolicy_entry *entry,
			      struct ctrpolicy_counters *sum);
int ctrpolicy_store_init(void);
void ctrpolicy_store_exit(void);

#endif /* _SECURITY_CTRPOLICY_STORE_H */
