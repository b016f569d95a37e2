// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The hops of source routes and routing headers.
 *
 * A source route (IPv4 LSRR/SSRR) or a routing header (IPv6) makes the
 * kernel send a packet to its first hop instead of to the destination, and
 * asks each hop to forward it to the next: every hop is a destination.
 * Where a task sets one, as the kernel accepts them in Linux 6.1:
 *
 *   IPv4  setsockopt(IP_OPTIONS), on AF_INET and (level SOL_IP) AF_INET6
 *         sockets: inet_sk(sk)->inet_opt, compiled (ip_options_compile():
 *         the first hop moved to ->faddr); a sendmsg() control message
 *         IP_RETOPTS, raw option bytes (ip_cmsg_send()).
 *   IPv6  setsockopt(IPV6_RTHDR) of type 2 or 4 (segment routing),
 *         setsockopt(IPV6_2292PKTOPTIONS) and the options of a flow label
 *         (IPV6_FLOWLABEL_MGR), type 2: inet6_sk(sk)->opt and each
 *         label's ->opt; a sendmsg() control message IPV6_RTHDR or
 *         IPV6_2292RTHDR of type 2 (ip6_datagram_send_ctl()).
 *
 * These functions only find the hops; a caller decides them.  They read
 * kernel memory only, never sleep, and accept what the kernel would refuse
 * without harm: whatever the kernel accepts, they walk every hop of.
 */

#include <linux/in.h>
#include <linux/ipv6.h>
#include <linux/socket.h>
#include <net/inet_sock.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <uapi/linux/seg6.h>

#include "net_route.h"

/* The most option bytes an IPv4 header holds (ip_options_get()'s cap). */
#define IP_OPTS_MAX	40

static int ipv4_hop(const u8 *p, ctrpolicy_hop_fn fn, void *ctx)
{
	struct in6_addr hop;
	__be32 addr;

	memcpy(&addr, p, sizeof(addr));
	ipv6_addr_set_v4mapped(addr, &hop);
	return fn(ctx, &hop);
}

/* Each address of the LSRR/SSRR option at @p, @len bytes long. */
static int srr_hops(const u8 *p, unsigned int len, ctrpolicy_hop_fn fn,
		    void *ctx)
{
	unsigned int off;
	int err;

	for (off = 3; off + 4 <= len; off += 4) {
		err = ipv4_hop(p + off, fn, ctx);
		if (err)
			return err;
	}
	return 0;
}

/**
 * ctrpolicy_route_ip_opts - The hops of IPv4 options as user space gave them
 * @opts: the option bytes (an IP_RETOPTS control message's data)
 * @len: their length; bytes after the 40th are ignored, as the kernel does
 * @fn: called for each hop of each LSRR or SSRR option
 * @ctx: passed to @fn
 *
 * Walks the options as ip_options_compile() does; an option whose length
 * does not fit ends the walk (the kernel refuses such options with
 * -EINVAL).
 *
 * Return: 0, or the first non-zero return of @fn.
 */
int ctrpolicy_route_ip_opts(const u8 *opts, unsigned int len,
			    ctrpolicy_hop_fn fn, void *ctx)
{
	unsigned int off = 0, optlen;
	int err;

	len = min_t(unsigned int, len, IP_OPTS_MAX);
	while (off < len) {
		if (opts[off] == IPOPT_END)
			break;
		if (opts[off] == IPOPT_NOOP) {
			off++;
			continue;
		}
		if (len - off < 2)
			break;
		optlen = opts[off + 1];
		if (optlen < 2 || optlen > len - off)
			break;
		if (opts[off] == IPOPT_LSRR || opts[off] == IPOPT_SSRR) {
			err = srr_hops(opts + off, optlen, fn, ctx);
			if (err)
				return err;
		}
		off += optlen;
	}
	return 0;
}

/**
 * ctrpolicy_route_ip_options - The hops of a socket's compiled IPv4 options
 * @opt: inet_sk(sk)->inet_opt's options, under RCU
 * @fn: called for each hop
 * @ctx: passed to @fn
 *
 * ip_options_compile() moved the first hop to @opt->faddr and the others
 * forward; the last slot, where the destination goes when a packet is
 * built, still holds a copy of the last hop.
 *
 * Return: 0, or the first non-zero return of @fn.
 */
int ctrpolicy_route_ip_options(const struct ip_options *opt,
			       ctrpolicy_hop_fn fn, void *ctx)
{
	const u8 *srr;
	int err;

	if (!opt->srr || opt->srr < sizeof(struct iphdr) ||
	    opt->srr - sizeof(struct iphdr) + 2 > opt->optlen)
		return 0;
	err = ipv4_hop((const u8 *)&opt->faddr, fn, ctx);
	if (err)
		return err;
	srr = opt->__data + opt->srr - sizeof(struct iphdr);
	return srr_hops(srr, min_t(unsigned int, srr[1],
				   opt->optlen - (opt->srr - sizeof(struct iphdr))),
			fn, ctx);
}

/**
 * ctrpolicy_route_rthdr - The hops of an IPv6 routing header
 * @rthdr: the header
 * @len: the bytes readable at @rthdr
 * @fn: called for each address the header holds
 * @ctx: passed to @fn
 *
 * Type 4 (segment routing) holds first_segment + 1 segments; types 0 and 2
 * (and any other, read the same way: fl6_update_dst() routes types 0 to 2
 * by their first address) hold hdrlen / 2 addresses.  Each is bounded by
 * the header's length and by @len.
 *
 * Return: 0, or the first non-zero return of @fn.
 */
int ctrpolicy_route_rthdr(const struct ipv6_rt_hdr *rthdr, unsigned int len,
			  ctrpolicy_hop_fn fn, void *ctx)
{
	const struct in6_addr *addrs;
	unsigned int n, i, hdr;
	int err;

	if (len < sizeof(struct rt0_hdr))
		return 0;
	hdr = min_t(unsigned int, len, ipv6_optlen(rthdr));
	if (rthdr->type == IPV6_SRCRT_TYPE_4) {
		const struct ipv6_sr_hdr *srh = (const struct ipv6_sr_hdr *)rthdr;

		addrs = srh->segments;
		n = srh->first_segment + 1;
	} else {
		addrs = ((const struct rt0_hdr *)rthdr)->addr;
		n = rthdr->hdrlen / 2;
	}
	n = min_t(unsigned int, n, (hdr - sizeof(struct rt0_hdr)) / sizeof(*addrs));
	for (i = 0; i < n; i++) {
		struct in6_addr hop;

		memcpy(&hop, &addrs[i], sizeof(hop));
		err = fn(ctx, &hop);
		if (err)
			return err;
	}
	return 0;
}

/**
 * ctrpolicy_route_cmsgs - The hops of a message's control messages
 * @msg: the message, its control data in kernel memory
 * @fn: called for each hop of each IP_RETOPTS, IPV6_RTHDR and
 *	IPV6_2292RTHDR control message, whatever the socket's family
 * @ctx: passed to @fn
 *
 * Return: 0, or the first non-zero return of @fn.
 */
int ctrpolicy_route_cmsgs(const struct msghdr *msg, ctrpolicy_hop_fn fn,
			  void *ctx)
{
	struct cmsghdr *cmsg;
	int err = 0;

	for_each_cmsghdr(cmsg, (struct msghdr *)msg) {
		unsigned int len;

		if (!CMSG_OK(msg, cmsg))
			break;
		len = cmsg->cmsg_len - CMSG_LEN(0);
		if (cmsg->cmsg_level == SOL_IP && cmsg->cmsg_type == IP_RETOPTS)
			err = ctrpolicy_route_ip_opts(CMSG_DATA(cmsg), len, fn, ctx);
		else if (cmsg->cmsg_level == SOL_IPV6 &&
			 (cmsg->cmsg_type == IPV6_RTHDR ||
			  cmsg->cmsg_type == IPV6_2292RTHDR))
			err = ctrpolicy_route_rthdr((struct ipv6_rt_hdr *)CMSG_DATA(cmsg),
						    len, fn, ctx);
		if (err)
			return err;
	}
	return 0;
}
