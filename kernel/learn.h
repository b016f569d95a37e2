/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The learned set of a policy in learn mode: the distinct
 * requests it did not allow, each recorded once.
 */
#ifndef _SECURITY_CTRPOLICY_LEARN_H
#define _SECURITY_CTRPOLICY_LEARN_H

#include <linux/atomic.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <uapi/linux/ctrpolicy.h>

struct ctrpolicy_request;

/**
 * struct ctrpolicy_learn_slot - one slot of a learned set
 * @tag: 0 while free; else the request's hash with its two low bits
 *	replaced by the slot's state (being written, or ready)
 * @req: the request, valid once @tag says ready
 */
struct ctrpolicy_learn_slot {
	u32 tag;
	struct ctrpolicy_learned req;
};

/**
 * struct ctrpolicy_learn_set - the distinct requests a policy learned
 * @rcu: frees the set after the readers that may still record in it
 * @size: the most requests it holds
 * @mask: the number of @slots less one (a power of two, at least twice
 *	@size, so that probes stay short)
 * @used: the slots claimed, at most @size
 * @overflow: the requests not recorded: the set was full, or their probe
 *	found no free slot within %CTRPOLICY_LEARN_PROBES
 * @slots: an open-addressing hash table, linear probing, never shrunk:
 *	a slot once claimed keeps its request until the set is freed
 */
struct ctrpolicy_learn_set {
	struct rcu_head rcu;
	u32 size;
	u32 mask;
	atomic_t used;
	atomic64_t overflow;
	struct ctrpolicy_learn_slot slots[];
};

/* The most slots a request's probe looks at: the hook path's bound. */
#define CTRPOLICY_LEARN_PROBES	32

struct ctrpolicy_learn_set *ctrpolicy_learn_alloc(u32 size);
void ctrpolicy_learn_key(struct ctrpolicy_learned *key,
			 const struct ctrpolicy_request *request);
bool ctrpolicy_learn_record(struct ctrpolicy_learn_set *set,
			    const struct ctrpolicy_learned *key);
void ctrpolicy_learn(struct ctrpolicy_learn_set *set,
		     const struct ctrpolicy_request *request);
const struct ctrpolicy_learned *
ctrpolicy_learn_get(const struct ctrpolicy_learn_set *set, u32 slot);

/**
 * ctrpolicy_learn_slots - The number of slots of a learned set
 * @set: the set
 *
 * Return: the number of slots, for a walk with ctrpolicy_learn_get().
 */
static inline u32 ctrpolicy_learn_slots(const struct ctrpolicy_learn_set *set)
{
	return set->mask + 1;
}

#endif /* _SECURITY_CTRPOLICY_LEARN_H */
