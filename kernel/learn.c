// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The learned set of a policy in learn mode.
 *
 * What a learning policy does not allow is allowed, and recorded once in a
 * set of distinct requests allocated with the policy: a fixed-size
 * open-addressing hash table of fixed-size records.  A hook claims a free
 * slot with cmpxchg() and fills it; nothing on the hook path sleeps or
 * takes a lock, and a probe looks at no more than CTRPOLICY_LEARN_PROBES
 * slots.  Slots are never freed while the set lives, so a reader (the dump)
 * needs no lock either: a slot whose tag says ready holds its request for
 * good.  What does not fit is counted, never silently lost.
 */

#include <linux/jhash.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/processor.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>

#include "common.h"
#include "learn.h"
#include "mount_rules.h"
#include "net_rules.h"
#include "request.h"

#define TAG_BUSY	1U
#define TAG_READY	2U
#define TAG_STATE	3U

/**
 * ctrpolicy_learn_alloc - Allocate an empty learned set
 * @size: the most distinct requests it holds, 1 to %CTRPOLICY_LEARN_SIZE_MAX
 *
 * The memory is charged to the caller's memory cgroup, like the policy's.
 *
 * Return: the set (kvfree() or kvfree_rcu() it), or NULL: no memory.
 */
struct ctrpolicy_learn_set *ctrpolicy_learn_alloc(u32 size)
{
	struct ctrpolicy_learn_set *set;
	u32 slots = roundup_pow_of_two(size * 2);

	set = kvzalloc(struct_size(set, slots, slots), GFP_KERNEL_ACCOUNT);
	if (!set)
		return NULL;
	set->size = size;
	set->mask = slots - 1;
	return set;
}

static void copy_string(char *to, size_t size, const char *from,
			u16 *truncated, u16 bit)
{
	if (from && strscpy(to, from, size) < 0)
		*truncated |= bit;
}

/**
 * ctrpolicy_learn_key - The record of a request
 * @key: filled; every byte that the request does not set is zero, so that
 *	two records of one request compare equal byte by byte
 * @request: a capability, mount or network request
 */
void ctrpolicy_learn_key(struct ctrpolicy_learned *key,
			 const struct ctrpolicy_request *request)
{
	const struct ctrpolicy_mount_request *mount = request->mount;
	const struct ctrpolicy_net_request *net = request->net;

	memset(key, 0, sizeof(*key));
	key->area = request->area;
	switch (request->area) {
	case CTRPOLICY_AREA_CAPABILITY:
		key->capability = request->capability;
		break;
	case CTRPOLICY_AREA_MOUNT:
		key->op = mount->op;
		key->mount_flags = mount->flags;
		copy_string(key->fstype, sizeof(key->fstype), mount->fstype,
			    &key->truncated, CTRPOLICY_LEARNED_T_FSTYPE);
		copy_string(key->source, sizeof(key->source), mount->source,
			    &key->truncated, CTRPOLICY_LEARNED_T_SOURCE);
		copy_string(key->target, sizeof(key->target), mount->target,
			    &key->truncated, CTRPOLICY_LEARNED_T_TARGET);
		break;
	case CTRPOLICY_AREA_NETWORK:
		key->op = net->op;
		key->family = net->family;
		key->proto = net->proto;
		if (net->op == CTRPOLICY_NET_OP_SOCKET) {
			key->sock_type = net->sock_type;
			key->protocol = net->protocol;
		} else {
			key->port = net->port;
			memcpy(key->addr, &net->addr, sizeof(key->addr));
		}
		break;
	default:
		break;
	}
}

/**
 * ctrpolicy_learn_record - Record a request once
 * @set: the set
 * @key: the request's record (ctrpolicy_learn_key())
 *
 * Lock-free: callable in any task context, with preemption disabled by the
 * caller (a probe may wait for another CPU that is filling a slot of the
 * same hash, which is then a matter of copying one record).
 *
 * Return: true if @key is in @set (now or before), false if it was counted
 * in @set->overflow instead.
 */
bool ctrpolicy_learn_record(struct ctrpolicy_learn_set *set,
			    const struct ctrpolicy_learned *key)
{
	u32 hash = jhash(key, sizeof(*key), 0) & ~TAG_STATE;
	u32 n, probes = min_t(u32, CTRPOLICY_LEARN_PROBES, set->mask + 1);

	for (n = 0; n < probes; n++) {
		struct ctrpolicy_learn_slot *slot =
			&set->slots[(hash / 4 + n) & set->mask];
		u32 tag = smp_load_acquire(&slot->tag);

		if (!tag) {
			if (!atomic_add_unless(&set->used, 1, set->size))
				break;
			tag = cmpxchg(&slot->tag, 0, hash | TAG_BUSY);
			if (!tag) {
				slot->req = *key;
				smp_store_release(&slot->tag, hash | TAG_READY);
				return true;
			}
			/* Another CPU claimed it first: look at what it holds. */
			atomic_dec(&set->used);
		}
		if ((tag & ~TAG_STATE) != hash)
			continue;
		while ((tag & TAG_STATE) == TAG_BUSY) {
			cpu_relax();
			tag = smp_load_acquire(&slot->tag);
		}
		if (!memcmp(&slot->req, key, sizeof(*key)))
			return true;
	}
	atomic64_inc(&set->overflow);
	return false;
}

/**
 * ctrpolicy_learn - Record a request a learning policy does not allow
 * @set: the policy's learned set
 * @request: the request
 */
void ctrpolicy_learn(struct ctrpolicy_learn_set *set,
		     const struct ctrpolicy_request *request)
{
	struct ctrpolicy_learned key;

	ctrpolicy_learn_key(&key, request);
	ctrpolicy_learn_record(set, &key);
}

/**
 * ctrpolicy_learn_get - The request in a slot of a learned set
 * @set: the set
 * @slot: a slot, below ctrpolicy_learn_slots()
 *
 * Return: the request, which stays as it is while @set lives, or NULL if
 * the slot holds none (yet).
 */
const struct ctrpolicy_learned *
ctrpolicy_learn_get(const struct ctrpolicy_learn_set *set, u32 slot)
{
	const struct ctrpolicy_learn_slot *s = &set->slots[slot];

	if ((smp_load_acquire(&s->tag) & TAG_STATE) != TAG_READY)
		return NULL;
	return &s->req;
}

#ifdef CTRPOLICY_KUNIT_TEST
#include "learn_test.c"
#endif
