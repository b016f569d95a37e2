/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Policy objects: immutable once built from netlink attributes.
 */
#ifndef _SECURITY_CTRPOLICY_POLICY_H
#define _SECURITY_CTRPOLICY_POLICY_H

#include <linux/bits.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <net/netlink.h>
#include <uapi/linux/ctrpolicy.h>

#include "learn.h"
#include "mount_rules.h"
#include "net_rules.h"

struct nlmsghdr;
struct sk_buff;

/**
 * struct ctrpolicy_policy - an immutable policy
 * @rcu: frees the policy after the readers that may still see it
 * @mode: enum ctrpolicy_mode
 * @caps: bit N allows capability N
 * @mount: the mount rules; they, their strings and the network rules live
 *	in the same allocation as the policy
 * @net: the network rules
 * @event_rate: events a second its rate limit lets through on average
 * @event_burst: and at once
 * @learn_size: learn mode: the most distinct requests @learned holds
 * @learned: learn mode: where what the policy does not allow is recorded;
 *	the policy owns it until it is published, the store's entry from
 *	then on (it may outlive the policy, and a replacing policy may take
 *	it over)
 * @name: the administrator's name for it
 *
 * A policy is never changed once published: a replace publishes a new one.
 * Only the set @learned points to changes.
 */
struct ctrpolicy_policy {
	struct rcu_head rcu;
	u32 mode;
	u64 caps;
	struct ctrpolicy_mount_rules mount;
	struct ctrpolicy_net_rules net;
	u32 event_rate;
	u32 event_burst;
	u32 learn_size;
	struct ctrpolicy_learn_set *learned;
	char name[CTRPOLICY_NAME_MAX];
};

/**
 * ctrpolicy_policy_allows_cap - Whether a policy allows a capability
 * @policy: the policy
 * @cap: a valid capability
 *
 * Return: true if @policy's capability set holds @cap.
 */
static inline bool ctrpolicy_policy_allows_cap(const struct ctrpolicy_policy *policy,
					       int cap)
{
	return policy->caps & BIT_ULL(cap);
}

extern const struct nla_policy ctrpolicy_policy_nl_policy[CTRPOLICY_POLICY_A_MAX + 1];
struct ctrpolicy_policy *ctrpolicy_policy_parse(const struct nlattr *nest,
					       const struct nlmsghdr *nlh,
					       struct netlink_ext_ack *extack);
void ctrpolicy_policy_free(struct ctrpolicy_policy *policy);
int ctrpolicy_policy_fill(struct sk_buff *skb,
			  const struct ctrpolicy_policy *policy);
int ctrpolicy_net_rules_put(struct sk_buff *skb,
			    const struct ctrpolicy_policy *policy, u32 first, u32 n);

#endif /* _SECURITY_CTRPOLICY_POLICY_H */
