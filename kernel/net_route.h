/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The hops of source routes and routing headers (pure
 * functions over kernel memory).
 */
#ifndef _SECURITY_CTRPOLICY_NET_ROUTE_H
#define _SECURITY_CTRPOLICY_NET_ROUTE_H

#include <linux/in6.h>
#include <linux/types.h>

struct ip_options;
struct ipv6_rt_hdr;
struct msghdr;

/*
 * Called once per hop, IPv4 as IPv4-mapped IPv6; a non-zero return stops
 * the walk and is returned by it.
 */
typedef int (*ctrpolicy_hop_fn)(void *ctx, const struct in6_addr *hop);

int ctrpolicy_route_ip_opts(const u8 *opts, unsigned int len,
			    ctrpolicy_hop_fn fn, void *ctx);
int ctrpolicy_route_ip_options(const struct ip_options *opt,
			       ctrpolicy_hop_fn fn, void *ctx);
int ctrpolicy_route_rthdr(const struct ipv6_rt_hdr *rthdr, unsigned int len,
			  ctrpolicy_hop_fn fn, void *ctx);
int ctrpolicy_route_cmsgs(const struct msghdr *msg, ctrpolicy_hop_fn fn,
			  void *ctx);

#endif /* _SECURITY_CTRPOLICY_NET_ROUTE_H */
