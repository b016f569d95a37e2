// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The policy store.
 *
 * Policies are keyed by cgroup id in a resizable hash table.  Readers (the
 * hooks) run under RCU and never block; writers (netlink) serialise on
 * store_mutex, publish a new immutable policy and free the old one after a
 * grace period.  A tree in cgroup id order, under the mutex, serves what
 * walks every policy: dumps resume by id, the reaper goes one id at a time.
 *
 * A task's effective policy is every policy on its cgroup and its
 * ancestors: its chain.  Building a chain looks up only the ancestor levels
 * that hold a policy somewhere (ctrpolicy_store_levels), so its cost is
 * bounded by the number of such levels, not by the number of policies.
 * Each CPU keeps the chain it built last: a container's tasks ask again and
 * again from the same cgroup, and then the hash lookups are skipped.
 */

#define pr_fmt(fmt) "ctrpolicy: " fmt

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/cgroup.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netlink.h>
#include <linux/percpu.h>
#include <linux/rbtree.h>
#include <linux/rhashtable.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/workqueue.h>

#include "policy.h"
#include "store.h"

/* How often policies of removed cgroups are looked for... */
#define REAP_INTERVAL	(30 * HZ)
/* ...and how soon after a cgroup is removed. */
#define REAP_SOON	(HZ / 10)
/*
 * How long a learned set outlives its removed cgroup: a runtime removes a
 * container's cgroup before it runs the poststop hook that reads the set.
 */
#define LEARNED_GRACE	(60 * HZ)

static const struct rhashtable_params store_params = {
	.key_len = sizeof(u64),
	.key_offset = offsetof(struct ctrpolicy_entry, cgroup_id),
	.head_offset = offsetof(struct ctrpolicy_entry, node),
	.automatic_shrinking = true,
};

static struct rhashtable store_table;
static struct rb_root store_tree = RB_ROOT;	/* by cgroup id */
static DEFINE_MUTEX(store_mutex);
static unsigned int store_count;
/*
 * Bumped after every change of which policies are in force, before an
 * entry is freed: a chain built under an older generation is stale.  Dumps
 * compare it too, to flag inconsistency.
 */
static atomic_long_t store_gen = ATOMIC_LONG_INIT(0);
/* Entries whose policy waits for an execve(): the exec hook's fast exit. */
static atomic_t store_pending = ATOMIC_INIT(0);
/* Bit N: some policy sits on a cgroup of level N. */
unsigned long ctrpolicy_store_levels __read_mostly;
static unsigned int level_policies[CTRPOLICY_MAX_LEVEL + 1];

static void reap_work_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(reap_work, reap_work_fn);
/* Set from a cgroup's removal until the reaper next runs. */
static atomic_t reap_soon = ATOMIC_INIT(0);

static struct ctrpolicy_chain __percpu *chains;

/* Readers that built a chain before this see a newer generation. */
static void store_changed(void)
{
	/*
	 * The change before the new generation: pairs with the smp_rmb() in
	 * ctrpolicy_store_chain(), whose reader, seeing the new generation,
	 * sees the change.
	 */
	smp_mb__before_atomic();
	atomic_long_inc(&store_gen);
}

/* The entry of @cgrp's ancestor at @level, if it has one.  Under RCU. */
static struct ctrpolicy_entry *entry_at_level(const struct cgroup *cgrp,
					      unsigned long level)
{
	u64 id = cgroup_id(cgrp->ancestors[level]);

	return rhashtable_lookup(&store_table, &id, store_params);
}

/* The entry of @cgrp's ancestor at @level if its policy is in force. */
static struct ctrpolicy_entry *entry_in_force(const struct cgroup *cgrp,
					      unsigned long level)
{
	struct ctrpolicy_entry *entry = entry_at_level(cgrp, level);

	return entry && !READ_ONCE(entry->pending) ? entry : NULL;
}

/* Put @entry's policy in force; under RCU or the store mutex. */
static void entry_arm(struct ctrpolicy_entry *entry)
{
	if (READ_ONCE(entry->pending) && xchg(&entry->pending, 0)) {
		atomic_dec(&store_pending);
		store_changed();
	}
}

/* The levels of @cgrp's ancestry (itself included) that hold a policy. */
static unsigned long policy_levels(const struct cgroup *cgrp)
{
	unsigned long levels = READ_ONCE(ctrpolicy_store_levels);

	if (cgrp->level < CTRPOLICY_MAX_LEVEL)
		levels &= GENMASK(cgrp->level, 0);
	return levels;
}

/**
 * ctrpolicy_store_chain - The chain of policies in force on a cgroup
 * @cgrp: the cgroup
 *
 * From this CPU's last chain if it is still valid.  Caller holds
 * rcu_read_lock() with preemption off, in task context: nothing else on
 * this CPU builds a chain meanwhile.  An entry in a chain is not freed
 * before the generation changes, and not before the RCU readers that may
 * hold it are done.
 *
 * Return: the chain, valid until preemption is enabled again; the caller
 * may add to its fold meanwhile.
 */
struct ctrpolicy_chain *ctrpolicy_store_chain(const struct cgroup *cgrp)
{
	struct ctrpolicy_chain *chain = this_cpu_ptr(chains);
	unsigned long gen = atomic_long_read(&store_gen);
	unsigned long levels, level;
	struct ctrpolicy_entry *entry;
	u64 id = cgroup_id(cgrp);

	if (chain->cgroup_id == id && chain->gen == gen)
		return chain;
	/* The generation before the lookups it vouches for. */
	smp_rmb();
	chain->len = 0;
	memset(&chain->fold, 0, sizeof(chain->fold));
	levels = policy_levels(cgrp);
	for_each_set_bit(level, &levels, CTRPOLICY_MAX_LEVEL + 1) {
		entry = entry_in_force(cgrp, level);
		if (entry && !WARN_ON_ONCE(chain->len == ARRAY_SIZE(chain->entries)))
			chain->entries[chain->len++] = entry;
	}
	chain->cgroup_id = id;
	chain->gen = gen;
	return chain;
}

/**
 * ctrpolicy_store_exec - Put pending policies in force at an execve()
 *
 * Called once the current task has committed to a new program, before that
 * program's first instruction: every policy on its cgroup and ancestors
 * that waits for an execve() is in force from now on, for every task of
 * its subtree.
 */
void ctrpolicy_store_exec(void)
{
	unsigned long levels, level;
	struct ctrpolicy_entry *entry;
	struct cgroup *cgrp;

	if (likely(!atomic_read(&store_pending)))
		return;
	rcu_read_lock();
	cgrp = task_dfl_cgroup(current);
	levels = policy_levels(cgrp);
	for_each_set_bit(level, &levels, CTRPOLICY_MAX_LEVEL + 1) {
		entry = entry_at_level(cgrp, level);
		if (entry)
			entry_arm(entry);
	}
	rcu_read_unlock();
}

static void entry_free_rcu(struct rcu_head *head)
{
	struct ctrpolicy_entry *entry =
		container_of(head, struct ctrpolicy_entry, rcu);

	kvfree(rcu_dereference_protected(entry->policy, true));
	kvfree(rcu_dereference_protected(entry->learned, true));
	free_percpu(entry->counters);
	kfree(entry);
}

static void level_add(int level, int delta)
{
	lockdep_assert_held(&store_mutex);
	level_policies[level] += delta;
	if (level_policies[level])
		WRITE_ONCE(ctrpolicy_store_levels, ctrpolicy_store_levels | BIT(level));
	else
		WRITE_ONCE(ctrpolicy_store_levels, ctrpolicy_store_levels & ~BIT(level));
}

static void entry_remove(struct ctrpolicy_entry *entry)
{
	lockdep_assert_held(&store_mutex);
	entry_arm(entry);	/* no longer counted as pending */
	rhashtable_remove_fast(&store_table, &entry->node, store_params);
	rb_erase(&entry->tree, &store_tree);
	level_add(entry->level, -1);
	store_count--;
	store_changed();
	call_rcu(&entry->rcu, entry_free_rcu);
}

/* The level of cgroup @cgroup_id in the caller's cgroup namespace. */
static int cgroup_level(u64 cgroup_id, struct netlink_ext_ack *extack)
{
	struct cgroup *cgrp;
	bool threaded;
	int level;

	cgrp = cgroup_get_from_id(cgroup_id);
	if (IS_ERR(cgrp)) {
		NL_SET_ERR_MSG(extack, "no cgroup v2 with this id");
		return PTR_ERR(cgrp);
	}
	level = cgrp->level;
	/* cgroup_is_threaded(), which is not exported. */
	threaded = cgrp->dom_cgrp != cgrp;
	cgroup_put(cgrp);
	if (threaded) {
		NL_SET_ERR_MSG(extack,
			       "cgroup type is threaded: a policy there would confine some threads of a process and not the others");
		return -EINVAL;
	}
	if (level == 0) {
		NL_SET_ERR_MSG(extack,
			       "a policy on the root cgroup would confine the host");
		return -EINVAL;
	}
	if (level > CTRPOLICY_MAX_LEVEL) {
		NL_SET_ERR_MSG(extack, "cgroup nested too deep for a policy");
		return -EINVAL;
	}
	return level;
}

static bool entry_less(struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct ctrpolicy_entry, tree)->cgroup_id <
	       rb_entry(b, struct ctrpolicy_entry, tree)->cgroup_id;
}

/* The entry of the lowest cgroup id from @cgroup_id on; under the mutex. */
static struct ctrpolicy_entry *entry_from(u64 cgroup_id)
{
	struct rb_node *node = store_tree.rb_node;
	struct ctrpolicy_entry *found = NULL, *entry;

	lockdep_assert_held(&store_mutex);
	while (node) {
		entry = rb_entry(node, struct ctrpolicy_entry, tree);
		if (entry->cgroup_id < cgroup_id) {
			node = node->rb_right;
		} else {
			found = entry;
			node = node->rb_left;
		}
	}
	return found;
}

static struct ctrpolicy_entry *entry_next(struct ctrpolicy_entry *entry)
{
	struct rb_node *node = rb_next(&entry->tree);

	return node ? rb_entry(node, struct ctrpolicy_entry, tree) : NULL;
}

/*
 * ctrpolicy_store_set() once the cgroup is known: @level is its level, 1 to
 * CTRPOLICY_MAX_LEVEL.
 */
/*
 * Hand the learned set of @policy, about to replace the policy of @entry,
 * to @entry: with @keep, a set @entry holds stays, and a learning @policy
 * records in it instead of its own.  Return the set no one holds any more,
 * to free after the readers of the old policy, or NULL.
 */
static struct ctrpolicy_learn_set *take_learned(struct ctrpolicy_entry *entry,
						struct ctrpolicy_policy *policy,
						bool keep)
{
	struct ctrpolicy_learn_set *old =
		rcu_dereference_protected(entry->learned,
					  lockdep_is_held(&store_mutex));
	struct ctrpolicy_learn_set *unused;

	if (keep && old) {
		unused = policy->learned;
		if (unused) {
			policy->learned = old;
			policy->learn_size = old->size;
		}
		return unused;
	}
	rcu_assign_pointer(entry->learned, policy->learned);
	return old;
}

static int store_set_level(u64 cgroup_id, int level,
			   struct ctrpolicy_policy *policy, bool on_exec,
			   bool keep_learned, struct netlink_ext_ack *extack)
{
	struct ctrpolicy_learn_set *learned;
	struct ctrpolicy_entry *entry;
	int err;

	mutex_lock(&store_mutex);
	entry = rhashtable_lookup_fast(&store_table, &cgroup_id, store_params);
	if (entry) {
		learned = take_learned(entry, policy, keep_learned);
		policy = rcu_replace_pointer(entry->policy, policy,
					     lockdep_is_held(&store_mutex));
		if (!on_exec)
			entry_arm(entry);
		store_changed();
		mutex_unlock(&store_mutex);
		kvfree_rcu(policy, rcu);
		if (learned)
			kvfree_rcu(learned, rcu);
		return 0;
	}

	err = -ENOSPC;
	if (store_count >= CTRPOLICY_MAX_POLICIES) {
		NL_SET_ERR_MSG(extack, "too many policies loaded");
		goto out_free_policy;
	}
	err = -ENOMEM;
	entry = kzalloc(sizeof(*entry), GFP_KERNEL_ACCOUNT);
	if (!entry)
		goto out_free_policy;
	entry->counters = alloc_percpu_gfp(struct ctrpolicy_counters,
					   GFP_KERNEL_ACCOUNT);
	if (!entry->counters)
		goto out_free_entry;
	entry->cgroup_id = cgroup_id;
	entry->level = level;
	entry->pending = on_exec;
	RCU_INIT_POINTER(entry->learned, policy->learned);
	RCU_INIT_POINTER(entry->policy, policy);
	/* Counted before it is visible, so that an execve() may arm it. */
	if (on_exec)
		atomic_inc(&store_pending);
	err = rhashtable_insert_fast(&store_table, &entry->node, store_params);
	if (err)
		goto out_uncount;
	rb_add(&entry->tree, &store_tree, entry_less);
	level_add(level, 1);
	store_count++;
	store_changed();
	mutex_unlock(&store_mutex);
	return 0;

out_uncount:
	if (on_exec)
		atomic_dec(&store_pending);
	free_percpu(entry->counters);
out_free_entry:
	kfree(entry);
out_free_policy:
	mutex_unlock(&store_mutex);
	ctrpolicy_policy_free(policy);
	return err;
}

/**
 * ctrpolicy_store_set - Create or atomically replace a cgroup's policy
 * @cgroup_id: the cgroup v2 id
 * @policy: the new policy; the store owns it from now on, also on error
 * @on_exec: a new policy waits for the first execve() in the cgroup's
 *	subtree; a replaced one is in force at once either way
 * @keep_learned: a replaced policy's learned set stays: a learning @policy
 *	goes on recording in it (keeping its size), another leaves it to be
 *	read; without it the set is dropped and @policy's own, if any, takes
 *	its place
 * @extack: for the error message
 *
 * Return: 0, or -ENOENT (no such cgroup), -EINVAL (root or too deep),
 * -ENOSPC (too many policies), -ENOMEM.
 */
int ctrpolicy_store_set(u64 cgroup_id, struct ctrpolicy_policy *policy,
			bool on_exec, bool keep_learned,
			struct netlink_ext_ack *extack)
{
	int level = cgroup_level(cgroup_id, extack);

	if (level < 0) {
		ctrpolicy_policy_free(policy);
		return level;
	}
	return store_set_level(cgroup_id, level, policy, on_exec, keep_learned,
			       extack);
}

#if IS_ENABLED(CONFIG_SECURITY_CTRPOLICY_TEST_UAF) && !defined(MODULE)
/*
 * The debug lane's self-test: a read of a freed policy, for KASAN.  Built
 * in only: the module built against that kernel inherits its config.
 */
static void inject_use_after_free(struct ctrpolicy_entry *entry)
{
	struct ctrpolicy_policy *policy =
		rcu_dereference_protected(entry->policy, lockdep_is_held(&store_mutex));

	if (strcmp(policy->name, "test-use-after-free"))
		return;
	RCU_INIT_POINTER(entry->policy, NULL);
	kvfree(policy);
	pr_info("injected use-after-free: %c\n", READ_ONCE(policy->name[0]));
}
#else
static inline void inject_use_after_free(struct ctrpolicy_entry *entry) { }
#endif

/**
 * ctrpolicy_store_delete - Remove a cgroup's policy
 * @cgroup_id: the cgroup v2 id
 *
 * Return: 0, or -ENOENT when the cgroup has no policy.
 */
int ctrpolicy_store_delete(u64 cgroup_id)
{
	struct ctrpolicy_entry *entry;
	int err = -ENOENT;

	mutex_lock(&store_mutex);
	entry = rhashtable_lookup_fast(&store_table, &cgroup_id, store_params);
	if (entry) {
		inject_use_after_free(entry);
		entry_remove(entry);
		err = 0;
	}
	mutex_unlock(&store_mutex);
	return err;
}

/**
 * ctrpolicy_store_find - The entry of a cgroup
 * @cgroup_id: the cgroup v2 id
 *
 * Caller holds rcu_read_lock().
 *
 * Return: the entry, or NULL.
 */
struct ctrpolicy_entry *ctrpolicy_store_find(u64 cgroup_id)
{
	return rhashtable_lookup(&store_table, &cgroup_id, store_params);
}

/**
 * ctrpolicy_store_dump - Pass policies to a callback in cgroup id order
 * @from_id: the cgroup id to start from
 * @fill: called for each entry, under rcu_read_lock(); a non-zero return
 *	stops the walk
 * @arg: passed to @fill
 *
 * For a dump: each call fills one message, so each takes the store mutex
 * for as long as one message takes, and resuming costs a tree descent
 * rather than a walk over the policies already sent.  The store's
 * sequence number (ctrpolicy_store_seq()) tells the caller of changes in
 * between.
 *
 * Return: 0 once every entry from @from_id on is passed, or what @fill
 * returned.
 */
int ctrpolicy_store_dump(u64 from_id,
			 int (*fill)(void *arg, const struct ctrpolicy_entry *entry),
			 void *arg)
{
	struct ctrpolicy_entry *entry;
	int err = 0;

	mutex_lock(&store_mutex);
	rcu_read_lock();
	for (entry = entry_from(from_id); entry && !err; entry = entry_next(entry))
		err = fill(arg, entry);
	rcu_read_unlock();
	mutex_unlock(&store_mutex);
	return err;
}

/**
 * ctrpolicy_store_seq - The store's change count, for dump consistency
 *
 * Return: a number that changes whenever a policy is set or removed.
 */
unsigned long ctrpolicy_store_seq(void)
{
	return atomic_long_read(&store_gen);
}

/**
 * ctrpolicy_store_count - The number of policies loaded
 *
 * Return: the number of cgroups with a policy.
 */
unsigned int ctrpolicy_store_count(void)
{
	return READ_ONCE(store_count);
}

/**
 * ctrpolicy_entry_counters - Sum an entry's per-CPU counters
 * @entry: the entry, under RCU or the store mutex
 * @sum: where the totals go
 */
void ctrpolicy_entry_counters(const struct ctrpolicy_entry *entry,
			      struct ctrpolicy_counters *sum)
{
	int cpu, area, what;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		const struct ctrpolicy_counters *c =
			per_cpu_ptr(entry->counters, cpu);

		for (area = 0; area <= CTRPOLICY_AREA_MAX; area++)
			for (what = 0; what < CTRPOLICY_COUNT_NUM; what++)
				sum->count[area][what] += c->count[area][what];
	}
	for (area = 0; area <= CTRPOLICY_AREA_MAX; area++) {
		u64 *c = sum->count[area];

		c[CTRPOLICY_COUNT_CHECKS] = c[CTRPOLICY_COUNT_ALLOWED] +
					    c[CTRPOLICY_COUNT_DENIED] +
					    c[CTRPOLICY_COUNT_AUDITED];
	}
}

/* Whether cgroup @cgroup_id is removed, as the reaper's kworker sees it. */
static bool cgroup_removed(u64 cgroup_id)
{
	struct cgroup *cgrp = cgroup_get_from_id(cgroup_id);

	if (IS_ERR(cgrp))
		return true;
	cgroup_put(cgrp);
	return false;
}

/*
 * Whether the entry of a removed cgroup goes now: at once, unless it holds
 * a learned set, which stays for LEARNED_GRACE after the reaper first saw
 * the cgroup removed (a later run of the reaper removes it; an unload, at
 * any time).  Its policy applies to nothing meanwhile.
 */
static bool reap_now(struct ctrpolicy_entry *entry)
{
	lockdep_assert_held(&store_mutex);
	if (!rcu_access_pointer(entry->learned))
		return true;
	if (!entry->removed_at) {
		entry->removed_at = jiffies ?: 1;
		return false;
	}
	return time_after(jiffies, entry->removed_at + LEARNED_GRACE);
}

/*
 * Drop the policies of removed cgroups: cgroup ids are never reused, so
 * such a policy can never apply again.  Only from the work item, never in
 * a request's context: a kworker's cgroup namespace is the initial one, in
 * which cgroup_get_from_id() finds every cgroup (a task's own cgroup
 * namespace would hide cgroups outside it and have their policies taken
 * for removed).  One entry at a time, the mutex held only for the tree
 * step and the removal.
 */
static void store_reap(void)
{
	struct ctrpolicy_entry *entry;
	u64 id = 0;

	for (;; id++) {
		mutex_lock(&store_mutex);
		entry = entry_from(id);
		if (entry)
			id = entry->cgroup_id;
		mutex_unlock(&store_mutex);
		if (!entry)
			return;
		if (cgroup_removed(id)) {
			mutex_lock(&store_mutex);
			entry = rhashtable_lookup_fast(&store_table, &id, store_params);
			if (entry && reap_now(entry))
				entry_remove(entry);
			mutex_unlock(&store_mutex);
		}
		cond_resched();
	}
}

static void reap_work_fn(struct work_struct *work)
{
	atomic_set(&reap_soon, 0);
	store_reap();
	schedule_delayed_work(&reap_work, REAP_INTERVAL);
}

/**
 * ctrpolicy_store_cgroup_removed - Reap soon: a cgroup is being removed
 *
 * Called from the rmdir hook, before the removal, which the reaper sees a
 * moment later.  Takes no lock on repeated calls: the timer is moved once
 * per run of the reaper.
 */
void ctrpolicy_store_cgroup_removed(void)
{
	if (!ctrpolicy_store_count() || atomic_read(&reap_soon) ||
	    atomic_xchg(&reap_soon, 1))
		return;
	mod_delayed_work(system_wq, &reap_work, REAP_SOON);
}

/**
 * ctrpolicy_store_init - Create the empty store
 *
 * Return: 0, -ENOMEM, or the error of rhashtable_init().
 */
int ctrpolicy_store_init(void)
{
	int err;

	chains = alloc_percpu(struct ctrpolicy_chain);
	if (!chains)
		return -ENOMEM;
	err = rhashtable_init(&store_table, &store_params);
	if (err) {
		free_percpu(chains);
		return err;
	}
	schedule_delayed_work(&reap_work, REAP_INTERVAL);
	return 0;
}

/**
 * ctrpolicy_store_exit - Free every policy
 *
 * Called once no hook can run any more (no BPF program holds the module).
 */
void ctrpolicy_store_exit(void)
{
	struct rb_node *node;

	cancel_delayed_work_sync(&reap_work);
	mutex_lock(&store_mutex);
	while ((node = rb_first(&store_tree)))
		entry_remove(rb_entry(node, struct ctrpolicy_entry, tree));
	mutex_unlock(&store_mutex);
	rhashtable_destroy(&store_table);
	/* Wait for the entries' RCU callbacks before the module text goes. */
	rcu_barrier();
	free_percpu(chains);
}

#ifdef CTRPOLICY_KUNIT_TEST
#include "store_test.c"
#endif
