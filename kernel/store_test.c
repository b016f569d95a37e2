// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - KUnit tests of the policy store's chains: which policies a
 * cgroup's chain holds, and that this CPU's cached chain is used while the
 * store is unchanged and rebuilt after an insert, a replace, an arming and
 * a delete.
 *
 * Included at the end of store.c (see common.h).  The tests use the store
 * of the running kernel, so they need ctrpolicy active (in lsm=): they put
 * policies on fake cgroups, of ids no cgroup has, through store_set_level()
 * (a real cgroup of level 1 or more would need a cgroup2 mount).  The
 * reaper, which would drop the policies of cgroups that do not exist,
 * waits meanwhile.
 */

#include <kunit/test.h>
#include <linux/kernfs.h>
#include <linux/overflow.h>

/*
 * Ids no cgroup has: kernfs gives a cgroup the inode number in the low 32
 * bits and a generation, counting from 1, in the high ones.
 */
#define TEST_ID(n)	(0xc7c7c7c700000000ULL + (n))

/**
 * struct store_test - the fake cgroup tree of a test
 * @root: level 0
 * @a: level 1, below @root
 * @b: level 2, below @a
 * @c: level 2, below @a
 * @d: level 3, below @b
 */
struct store_test {
	struct cgroup *root, *a, *b, *c, *d;
};

/* A cgroup as ctrpolicy_store_chain() sees it: id, level, ancestors. */
static struct cgroup *fake_cgroup(struct kunit *test, struct cgroup *parent,
				  u64 id)
{
	int level = parent ? parent->level + 1 : 0;
	struct kernfs_node *kn;
	struct cgroup *cgrp;

	cgrp = kunit_kzalloc(test, struct_size(cgrp, ancestors, level + 1), GFP_KERNEL);
	kn = kunit_kzalloc(test, sizeof(*kn), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, cgrp);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, kn);
	kn->id = id;
	cgrp->kn = kn;
	cgrp->level = level;
	if (parent)
		memcpy(cgrp->ancestors, parent->ancestors,
		       level * sizeof(*cgrp->ancestors));
	cgrp->ancestors[level] = cgrp;
	return cgrp;
}

/* A policy for the store to own. */
static struct ctrpolicy_policy *new_policy(struct kunit *test, const char *name)
{
	struct ctrpolicy_policy *policy = kvzalloc(sizeof(*policy), GFP_KERNEL);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, policy);
	strscpy(policy->name, name, sizeof(policy->name));
	return policy;
}

/* Puts @policy on @cgrp, a new one waiting for an execve() if @on_exec. */
static void set_policy(struct kunit *test, const struct cgroup *cgrp,
		       struct ctrpolicy_policy *policy, bool on_exec)
{
	KUNIT_EXPECT_EQ(test, store_set_level(cgroup_id(cgrp), cgrp->level, policy,
					      on_exec, false, NULL), 0);
}

/**
 * struct chain_view - a chain as this CPU gave it
 * @len: its length
 * @gen: the generation it was built in
 * @entries: its first entries, never dereferenced: an entry of a stale
 *	chain may be freed
 */
struct chain_view {
	unsigned int len;
	unsigned long gen;
	const struct ctrpolicy_entry *entries[4];
};

static struct chain_view chain_of(const struct cgroup *cgrp)
{
	const struct ctrpolicy_chain *chain;
	struct chain_view view = {};
	unsigned int i;

	rcu_read_lock();
	preempt_disable();
	chain = ctrpolicy_store_chain(cgrp);
	view.len = chain->len;
	view.gen = chain->gen;
	for (i = 0; i < chain->len && i < ARRAY_SIZE(view.entries); i++)
		view.entries[i] = chain->entries[i];
	preempt_enable();
	rcu_read_unlock();
	return view;
}

/* The entry of @cgrp's policy, NULL without one. */
static const struct ctrpolicy_entry *entry_of(const struct cgroup *cgrp)
{
	const struct ctrpolicy_entry *entry;

	rcu_read_lock();
	entry = ctrpolicy_store_find(cgroup_id(cgrp));
	rcu_read_unlock();
	return entry;
}

/* The policy in force on @cgrp, compared and never dereferenced. */
static const void *policy_of(const struct cgroup *cgrp)
{
	const struct ctrpolicy_entry *entry;
	const void *policy = NULL;

	rcu_read_lock();
	entry = ctrpolicy_store_find(cgroup_id(cgrp));
	if (entry)
		policy = rcu_dereference(entry->policy);
	rcu_read_unlock();
	return policy;
}

/* The chain of @cgrp is the entries of @cgrps' policies, in that order. */
#define EXPECT_CHAIN(test, cgrp, ...) do {					\
	const struct cgroup *want[] = { __VA_ARGS__ };				\
	struct chain_view view = chain_of(cgrp);				\
	unsigned int i;								\
										\
	KUNIT_EXPECT_EQ(test, view.len, ARRAY_SIZE(want));			\
	KUNIT_EXPECT_EQ(test, view.gen, ctrpolicy_store_seq());			\
	for (i = 0; i < view.len && i < ARRAY_SIZE(want); i++)			\
		KUNIT_EXPECT_PTR_EQ_MSG(test, view.entries[i], entry_of(want[i]), \
					"entry %u of the chain of %s", i, #cgrp); \
} while (0)

#define EXPECT_EMPTY_CHAIN(test, cgrp)						\
	KUNIT_EXPECT_EQ_MSG(test, chain_of(cgrp).len, 0, "the chain of %s", #cgrp)

static int store_test_init(struct kunit *test)
{
	struct store_test *t;

	if (!chains)
		kunit_skip(test, "ctrpolicy is not active (not in lsm=)");
	cancel_delayed_work_sync(&reap_work);
	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t);
	t->root = fake_cgroup(test, NULL, TEST_ID(0));
	t->a = fake_cgroup(test, t->root, TEST_ID(1));
	t->b = fake_cgroup(test, t->a, TEST_ID(2));
	t->c = fake_cgroup(test, t->a, TEST_ID(3));
	t->d = fake_cgroup(test, t->b, TEST_ID(4));
	test->priv = t;
	return 0;
}

static void store_test_exit(struct kunit *test)
{
	int i;

	if (!chains)
		return;
	/* What a test that stopped early left. */
	for (i = 0; i <= 4; i++)
		ctrpolicy_store_delete(TEST_ID(i));
	schedule_delayed_work(&reap_work, REAP_INTERVAL);
}

static void chain_of_nested_policies(struct kunit *test)
{
	struct store_test *t = test->priv;

	EXPECT_EMPTY_CHAIN(test, t->b);
	set_policy(test, t->b, new_policy(test, "b"), false);
	set_policy(test, t->a, new_policy(test, "a"), false);
	/* The root's first; each cgroup sees its ancestors' and its own. */
	EXPECT_CHAIN(test, t->b, t->a, t->b);
	EXPECT_CHAIN(test, t->d, t->a, t->b);
	EXPECT_CHAIN(test, t->a, t->a);
	EXPECT_CHAIN(test, t->c, t->a);
	EXPECT_EMPTY_CHAIN(test, t->root);
	KUNIT_ASSERT_NOT_NULL(test, entry_of(t->a));
	KUNIT_ASSERT_NOT_NULL(test, entry_of(t->b));
	KUNIT_EXPECT_EQ(test, entry_of(t->a)->level, 1);
	KUNIT_EXPECT_EQ(test, entry_of(t->b)->level, 2);
	KUNIT_EXPECT_TRUE(test, ctrpolicy_store_levels & BIT(1));
	KUNIT_EXPECT_TRUE(test, ctrpolicy_store_levels & BIT(2));
}

/*
 * While the store does not change, this CPU's chain is returned as it is:
 * one emptied behind the store's back stays empty.
 */
static void chain_cached_while_unchanged(struct kunit *test)
{
	struct store_test *t = test->priv;
	struct ctrpolicy_chain *chain;
	unsigned int len, cached_len;

	set_policy(test, t->b, new_policy(test, "b"), false);
	rcu_read_lock();
	preempt_disable();
	chain = ctrpolicy_store_chain(t->b);
	len = chain->len;
	chain->len = 0;
	cached_len = ctrpolicy_store_chain(t->b)->len;
	/* Not a chain of any cgroup any more: the next look rebuilds it. */
	chain->cgroup_id = 0;
	preempt_enable();
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, len, 1);
	KUNIT_EXPECT_EQ(test, cached_len, 0);
	EXPECT_CHAIN(test, t->b, t->b);
}

/*
 * After each change, the chain this CPU cached before it is stale.  The
 * test stays on one CPU, so that the chain it looks at was cached there.
 */
static void chain_rebuilt_on_insert(struct kunit *test)
{
	struct store_test *t = test->priv;
	struct chain_view before;

	set_policy(test, t->b, new_policy(test, "b"), false);
	migrate_disable();
	before = chain_of(t->b);
	set_policy(test, t->a, new_policy(test, "a"), false);
	EXPECT_CHAIN(test, t->b, t->a, t->b);
	migrate_enable();
	KUNIT_EXPECT_EQ(test, before.len, 1);
	KUNIT_EXPECT_NE(test, before.gen, ctrpolicy_store_seq());
}

static void chain_rebuilt_on_replace(struct kunit *test)
{
	struct store_test *t = test->priv;
	struct ctrpolicy_policy *old = new_policy(test, "old");
	struct ctrpolicy_policy *new = new_policy(test, "new");
	const struct ctrpolicy_entry *entry;
	struct chain_view before;

	set_policy(test, t->b, old, false);
	entry = entry_of(t->b);
	migrate_disable();
	before = chain_of(t->b);
	set_policy(test, t->b, new, false);
	/* The same entry, its new policy in force, the counters kept. */
	EXPECT_CHAIN(test, t->b, t->b);
	migrate_enable();
	KUNIT_EXPECT_NE(test, before.gen, ctrpolicy_store_seq());
	KUNIT_EXPECT_PTR_EQ(test, entry_of(t->b), entry);
	KUNIT_EXPECT_PTR_EQ(test, policy_of(t->b), (const void *)new);
}

static void chain_rebuilt_on_delete(struct kunit *test)
{
	struct store_test *t = test->priv;
	unsigned long levels = READ_ONCE(ctrpolicy_store_levels);

	set_policy(test, t->a, new_policy(test, "a"), false);
	set_policy(test, t->b, new_policy(test, "b"), false);
	migrate_disable();
	EXPECT_CHAIN(test, t->d, t->a, t->b);
	KUNIT_EXPECT_EQ(test, ctrpolicy_store_delete(cgroup_id(t->a)), 0);
	EXPECT_CHAIN(test, t->d, t->b);
	KUNIT_EXPECT_EQ(test, ctrpolicy_store_delete(cgroup_id(t->b)), 0);
	EXPECT_EMPTY_CHAIN(test, t->d);
	migrate_enable();
	KUNIT_EXPECT_EQ(test, ctrpolicy_store_delete(cgroup_id(t->b)), -ENOENT);
	KUNIT_EXPECT_NULL(test, entry_of(t->b));
	/* The levels that held only these policies hold none any more. */
	KUNIT_EXPECT_EQ(test, READ_ONCE(ctrpolicy_store_levels), levels);
}

/*
 * A new policy loaded to wait for an execve() is in no chain until it is
 * armed; a replace without waiting arms it, one with waiting leaves a
 * policy in force as it is.
 */
static void pending_policy_armed_by_replace(struct kunit *test)
{
	struct store_test *t = test->priv;
	int pending = atomic_read(&store_pending);
	struct ctrpolicy_policy *waits = new_policy(test, "c waits");
	struct ctrpolicy_policy *waits_still = new_policy(test, "c waits still");
	struct ctrpolicy_policy *armed = new_policy(test, "c");
	struct ctrpolicy_policy *again = new_policy(test, "c again");

	set_policy(test, t->a, new_policy(test, "a"), false);
	migrate_disable();
	EXPECT_CHAIN(test, t->c, t->a);
	set_policy(test, t->c, waits, true);
	EXPECT_CHAIN(test, t->c, t->a);
	KUNIT_EXPECT_EQ(test, atomic_read(&store_pending), pending + 1);
	set_policy(test, t->c, waits_still, true);
	EXPECT_CHAIN(test, t->c, t->a);
	set_policy(test, t->c, armed, false);
	EXPECT_CHAIN(test, t->c, t->a, t->c);
	set_policy(test, t->c, again, true);
	EXPECT_CHAIN(test, t->c, t->a, t->c);
	migrate_enable();
	KUNIT_EXPECT_EQ(test, atomic_read(&store_pending), pending);
}

/* A policy on a descendant is no part of an ancestor's or a sibling's chain. */
static void chain_only_of_ancestors(struct kunit *test)
{
	struct store_test *t = test->priv;

	set_policy(test, t->d, new_policy(test, "d"), false);
	set_policy(test, t->c, new_policy(test, "c"), false);
	EXPECT_CHAIN(test, t->d, t->d);
	EXPECT_CHAIN(test, t->c, t->c);
	EXPECT_EMPTY_CHAIN(test, t->b);
	EXPECT_EMPTY_CHAIN(test, t->a);
	EXPECT_EMPTY_CHAIN(test, t->root);
}

/*
 * A chain's fold stays while the chain does, and is emptied with it: a
 * replaced policy decides again.
 */
static void fold_emptied_on_replace(struct kunit *test)
{
	struct store_test *t = test->priv;
	struct ctrpolicy_chain *chain;
	bool kept, emptied;

	set_policy(test, t->b, new_policy(test, "old"), false);
	migrate_disable();
	rcu_read_lock();
	preempt_disable();
	chain = ctrpolicy_store_chain(t->b);
	__set_bit(CAP_CHOWN, chain->fold.caps);
	kept = test_bit(CAP_CHOWN, ctrpolicy_store_chain(t->b)->fold.caps);
	preempt_enable();
	rcu_read_unlock();
	set_policy(test, t->b, new_policy(test, "new"), false);
	rcu_read_lock();
	preempt_disable();
	emptied = !test_bit(CAP_CHOWN, ctrpolicy_store_chain(t->b)->fold.caps);
	preempt_enable();
	rcu_read_unlock();
	migrate_enable();
	KUNIT_EXPECT_TRUE(test, kept);
	KUNIT_EXPECT_TRUE(test, emptied);
}

static struct kunit_case store_cases[] = {
	KUNIT_CASE(chain_of_nested_policies),
	KUNIT_CASE(chain_cached_while_unchanged),
	KUNIT_CASE(chain_rebuilt_on_insert),
	KUNIT_CASE(chain_rebuilt_on_replace),
	KUNIT_CASE(chain_rebuilt_on_delete),
	KUNIT_CASE(fold_emptied_on_replace),
	KUNIT_CASE(pending_policy_armed_by_replace),
	KUNIT_CASE(chain_only_of_ancestors),
	{}
};

static struct kunit_suite store_suite = {
	.name = "ctrpolicy_store",
	.init = store_test_init,
	.exit = store_test_exit,
	.test_cases = store_cases,
};

kunit_test_suite(store_suite);
