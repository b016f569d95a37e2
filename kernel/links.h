/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The BPF-LSM links the loadable module holds.
 */
#ifndef _SECURITY_CTRPOLICY_LINKS_H
#define _SECURITY_CTRPOLICY_LINKS_H

#include <linux/errno.h>
#include <net/netlink.h>
#include <uapi/linux/ctrpolicy.h>

struct sk_buff;

#ifdef MODULE
int ctrpolicy_links_set(const struct nlmsghdr *nlh, int hdrlen, bool first,
			struct netlink_ext_ack *extack);
bool ctrpolicy_links_held(void);
void ctrpolicy_links_release(void);
int ctrpolicy_links_fill(struct sk_buff *skb);
#else
/* Built in, ctrpolicy has its hooks: no program to hold. */
static inline int ctrpolicy_links_set(const struct nlmsghdr *nlh, int hdrlen,
				      bool first, struct netlink_ext_ack *extack)
{
	NL_SET_ERR_MSG(extack, "ctrpolicy is built into this kernel: no links to hold");
	return -EOPNOTSUPP;
}

static inline bool ctrpolicy_links_held(void)
{
	return true;
}

static inline void ctrpolicy_links_release(void) { }

static inline int ctrpolicy_links_fill(struct sk_buff *skb)
{
	return 0;
}
#endif

#endif /* _SECURITY_CTRPOLICY_LINKS_H */
