/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - A chain's fold: requests that every policy of a chain
 * allowed, so that the same request is allowed again without asking each.
 *
 * A nested container asks every policy of its chain (decide.c), which costs
 * as many rule lookups as the chain has policies.  What every policy
 * allowed, the chain allows again as long as it is the same chain of the
 * same policies: the fold lives in the per-CPU chain (store.c), which is
 * rebuilt and its fold emptied when the store generation changes (a policy
 * loaded, replaced, armed or removed).  Only what the rules read is
 * remembered, and only for requests whose caller says that is all their
 * rule check reads (struct ctrpolicy_request's @fold); a request that some
 * policy did not allow is never folded, so every denial, audit, learned
 * request and event comes from the policies themselves.
 */
#ifndef _SECURITY_CTRPOLICY_FOLD_H
#define _SECURITY_CTRPOLICY_FOLD_H

#include <linux/capability.h>
#include <linux/in6.h>
#include <linux/types.h>

/* The network requests a chain remembers, the oldest replaced first. */
#define CTRPOLICY_FOLD_NET	4

/* What the network rules read of a request (ctrpolicy_net_action()). */
struct ctrpolicy_fold_net {
	struct in6_addr addr;
	u32 op;
	u16 family;
	u16 port;
	u8 proto;
};

/**
 * struct ctrpolicy_fold - what every policy of a chain allowed
 * @caps: the capabilities
 * @n_net: the valid entries of @net
 * @next_net: the entry of @net the next network request goes in
 * @net: network requests
 */
struct ctrpolicy_fold {
	DECLARE_BITMAP(caps, CAP_LAST_CAP + 1);
	u8 n_net;
	u8 next_net;
	struct ctrpolicy_fold_net net[CTRPOLICY_FOLD_NET];
};

#endif /* _SECURITY_CTRPOLICY_FOLD_H */
