// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Network rules: checked as user space gives them, compiled
 * into a lookup, and matched (pure functions).
 *
 * Address rules are held sorted by prefix length (longest first) and then
 * address, IPv4 as IPv4-mapped IPv6 so that one ordering serves both, and
 * indexed by a hash of (prefix length, network).  A lookup tries each
 * prefix length the policy uses, longest first, with one hash lookup: O(P)
 * for P distinct prefix lengths, however many rules.
 */

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/jhash.h>
#include <linux/log2.h>
#include <linux/socket.h>
#include <linux/sort.h>
#include <net/ipv6.h>

#include "common.h"
#include "net_rules.h"

/* An IPv4 prefix of length N is this plus N in the IPv4-mapped space. */
#define MAPPED_PREFIX	96


/**
 * ctrpolicy_net_proto_class - The class of a socket
 * @family: AF_*
 * @type: SOCK_*
 * @protocol: the protocol number
 *
 * Return: enum ctrpolicy_net_proto.
 */
u8 ctrpolicy_net_proto_class(int family, int type, int protocol)
{
	if (type == SOCK_RAW && (family == AF_INET || family == AF_INET6 ||
				 family == AF_PACKET))
		return CTRPOLICY_NET_PROTO_RAW;
	if (family != AF_INET && family != AF_INET6)
		return CTRPOLICY_NET_PROTO_OTHER;
	switch (type) {
	case SOCK_STREAM:
		if (!protocol || protocol == IPPROTO_TCP || protocol == IPPROTO_MPTCP)
			return CTRPOLICY_NET_PROTO_TCP;
		break;
	case SOCK_DGRAM:
		if (!protocol || protocol == IPPROTO_UDP || protocol == IPPROTO_UDPLITE)
			return CTRPOLICY_NET_PROTO_UDP;
		if (protocol == IPPROTO_ICMP || protocol == IPPROTO_ICMPV6)
			return CTRPOLICY_NET_PROTO_ICMP;
		break;
	}
	return CTRPOLICY_NET_PROTO_OTHER;
}

static bool proto_matches(u8 rule_proto, u8 proto)
{
	return rule_proto == CTRPOLICY_NET_PROTO_ANY || rule_proto == proto;
}

/*
 * Longest prefix first, then by address: the order of the lookup.  The
 * other fields only make the order total, so that a policy written back
 * reads the same whatever order its rules were given in.
 */
static int rule_cmp(const void *a, const void *b)
{
	const struct ctrpolicy_net_addr_rule *x = a, *y = b;
	int d;

	if (x->prefix_len != y->prefix_len)
		return x->prefix_len > y->prefix_len ? -1 : 1;
	d = ipv6_addr_cmp(&x->addr, &y->addr);
	if (d)
		return d;
	return (int)x->family - y->family ?: (int)x->proto - y->proto ?:
	       (int)x->ops - y->ops ?: (int)x->port_min - y->port_min ?:
	       (int)x->port_max - y->port_max ?: (int)x->action - y->action;
}

/**
 * ctrpolicy_net_rule_check - Check an address rule from user space
 * @rule: the rule
 * @extack: for the error message
 * @attr: the attribute that holds it, for the error message
 *
 * Return: 0, or -EINVAL with a message.
 */
int ctrpolicy_net_rule_check(const struct ctrpolicy_net_rule *rule,
			     struct netlink_ext_ack *extack,
			     const struct nlattr *attr)
{
	const char *why = NULL;
	struct in6_addr addr, net;

	memcpy(&addr, rule->addr, sizeof(addr));
	if (memchr_inv(rule->pad, 0, sizeof(rule->pad)))
		why = "an address rule's padding is not zero";
	else if (rule->action > CTRPOLICY_ACTION_MAX)
		why = "an address rule has an unknown action";
	else if (!rule->ops || rule->ops & ~CTRPOLICY_NET_OPS_ADDRESS)
		why = "an address rule needs operations among bind, connect, listen and send";
	else if (rule->proto >= CTRPOLICY_NET_PROTO_OTHER)
		why = "an address rule has an unknown protocol";
	else if (rule->port_min > rule->port_max)
		why = "an address rule's port range is empty";
	else if (rule->family == AF_UNSPEC &&
		 (rule->prefix_len || !ipv6_addr_any(&addr)))
		why = "an address rule for any family has an address";
	else if (rule->family == AF_INET && rule->prefix_len > 32)
		why = "an IPv4 address rule's prefix is longer than 32 bits";
	else if (rule->family == AF_INET && memchr_inv(rule->addr + 4, 0, 12))
		why = "an IPv4 address rule has bytes after its four";
	else if (rule->family == AF_INET6 && rule->prefix_len > 128)
		why = "an IPv6 address rule's prefix is longer than 128 bits";
	else if (rule->family != AF_UNSPEC && rule->family != AF_INET &&
		 rule->family != AF_INET6)
		why = "an address rule's family is not AF_INET, AF_INET6 or AF_UNSPEC";
	else if (rule->family == AF_INET6 && rule->prefix_len >= MAPPED_PREFIX &&
		 ipv6_addr_v4mapped(&addr))
		why = "an IPv6 address rule holds an IPv4-mapped network: give it as IPv4";
	if (!why && rule->family != AF_UNSPEC) {
		/* Host bits after the prefix: a typo the rule would hide. */
		ipv6_addr_prefix(&net, &addr, rule->prefix_len);
		if (!ipv6_addr_equal(&net, &addr))
			why = "an address rule's address has bits set after its prefix";
	}
	if (why) {
		ctrpolicy_set_err(extack, attr, why);
		return -EINVAL;
	}
	return 0;
}

/* The rule as the lookup holds it. */
static void rule_import(struct ctrpolicy_net_addr_rule *out,
			const struct ctrpolicy_net_rule *in)
{
	out->port_min = in->port_min;
	out->port_max = in->port_max;
	out->family = in->family;
	out->proto = in->proto;
	out->ops = in->ops;
	out->action = in->action;
	if (in->family == AF_INET) {
		ipv6_addr_set_v4mapped(*(const __be32 *)in->addr, &out->addr);
		out->prefix_len = MAPPED_PREFIX + in->prefix_len;
	} else {
		memcpy(&out->addr, in->addr, sizeof(out->addr));
		out->prefix_len = in->prefix_len;
	}
}

/**
 * ctrpolicy_net_rule_export - An address rule as user space gave it
 * @out: the rule
 * @in: the rule as the lookup holds it
 */
void ctrpolicy_net_rule_export(struct ctrpolicy_net_rule *out,
			       const struct ctrpolicy_net_addr_rule *in)
{
	memset(out, 0, sizeof(*out));
	out->port_min = in->port_min;
	out->port_max = in->port_max;
	out->family = in->family;
	out->proto = in->proto;
	out->ops = in->ops;
	out->action = in->action;
	if (in->family == AF_INET) {
		memcpy(out->addr, &in->addr.s6_addr32[3], 4);
		out->prefix_len = in->prefix_len - MAPPED_PREFIX;
	} else {
		memcpy(out->addr, &in->addr, sizeof(out->addr));
		out->prefix_len = in->prefix_len;
	}
}

/**
 * ctrpolicy_net_rules_import - Add address rules to a policy being built
 * @net: its network area, with room in @addr_rules for these rules
 * @rules: the rules, checked by ctrpolicy_net_rule_check()
 * @n: how many
 */
void ctrpolicy_net_rules_import(struct ctrpolicy_net_rules *net,
				const struct ctrpolicy_net_rule *rules, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		rule_import(&net->addr_rules[net->n_addr_rules++], &rules[i]);
}

/**
 * ctrpolicy_net_index_size - The slots of the address rules' hash index
 * @n_rules: the number of address rules
 *
 * Return: 0 without rules, else a power of two at least twice @n_rules.
 */
u32 ctrpolicy_net_index_size(u32 n_rules)
{
	return n_rules ? roundup_pow_of_two(2 * n_rules) : 0;
}

static u32 index_slot(const struct ctrpolicy_net_rules *net,
		      const struct in6_addr *prefix, u32 prefix_len)
{
	return jhash2(prefix->s6_addr32, ARRAY_SIZE(prefix->s6_addr32), prefix_len) &
	       net->index_mask;
}

/* Index the first rule of each (prefix length, address) of sorted rules. */
static void index_build(struct ctrpolicy_net_rules *net)
{
	const struct ctrpolicy_net_addr_rule *rules = net->addr_rules;
	u32 i, slot;

	for (i = 0; i < net->n_addr_rules; i++) {
		if (i && rules[i].prefix_len == rules[i - 1].prefix_len &&
		    ipv6_addr_equal(&rules[i].addr, &rules[i - 1].addr))
			continue;
		slot = index_slot(net, &rules[i].addr, rules[i].prefix_len);
		while (net->index[slot])
			slot = (slot + 1) & net->index_mask;
		net->index[slot] = i + 1;
	}
}

/**
 * ctrpolicy_net_rules_build - Build the lookup of a policy's address rules
 * @net: its network area, whose @addr_rules were imported and whose
 *	@levels has room for %CTRPOLICY_NET_LEVELS levels if it has address
 *	rules
 */
void ctrpolicy_net_rules_build(struct ctrpolicy_net_rules *net)
{
	struct ctrpolicy_net_addr_rule *rules = net->addr_rules;
	struct ctrpolicy_net_level *level = NULL;
	u32 i;

	sort(rules, net->n_addr_rules, sizeof(*rules), rule_cmp, NULL);
	net->n_levels = 0;
	net->denied_ops = 0;
	for (i = 0; i < net->n_addr_rules; i++) {
		if (rules[i].action == CTRPOLICY_ACTION_DENY)
			net->denied_ops |= rules[i].ops;
		if (!level || level->prefix_len != rules[i].prefix_len) {
			level = &net->levels[net->n_levels++];
			level->prefix_len = rules[i].prefix_len;
			level->start = i;
		}
		level->end = i + 1;
	}
	index_build(net);
}

static bool addr_rule_matches(const struct ctrpolicy_net_addr_rule *rule,
			      const struct ctrpolicy_net_request *req)
{
	return (rule->ops & BIT(req->op)) &&
	       (rule->family == AF_UNSPEC || rule->family == req->family) &&
	       proto_matches(rule->proto, req->proto) &&
	       req->port >= rule->port_min && req->port <= rule->port_max;
}

/*
 * The first rule whose network is @net of @prefix_len bits, or
 * @net->n_addr_rules: one hash and, the index being at most half full, a
 * probe or two, however many rules the policy has.
 */
static u32 rule_find(const struct ctrpolicy_net_rules *net,
		     const struct in6_addr *prefix, u32 prefix_len)
{
	u32 slot = index_slot(net, prefix, prefix_len), first;

	while ((first = net->index[slot])) {
		const struct ctrpolicy_net_addr_rule *rule =
			&net->addr_rules[first - 1];

		if (rule->prefix_len == prefix_len &&
		    ipv6_addr_equal(&rule->addr, prefix))
			return first - 1;
		slot = (slot + 1) & net->index_mask;
	}
	return net->n_addr_rules;
}

/*
 * The action of the longest prefix holding the address that has a rule for
 * the request; deny wins among the rules of one prefix.
 */
static u32 addr_action(const struct ctrpolicy_net_rules *net,
		       const struct ctrpolicy_net_request *req)
{
	u32 l;

	for (l = 0; l < net->n_levels; l++) {
		const struct ctrpolicy_net_level *level = &net->levels[l];
		bool allowed = false;
		struct in6_addr prefix;
		u32 i;

		ipv6_addr_prefix(&prefix, &req->addr, level->prefix_len);
		for (i = rule_find(net, &prefix, level->prefix_len);
		     i < level->end &&
		     ipv6_addr_equal(&net->addr_rules[i].addr, &prefix); i++) {
			const struct ctrpolicy_net_addr_rule *rule =
				&net->addr_rules[i];

			if (!addr_rule_matches(rule, req))
				continue;
			if (rule->action == CTRPOLICY_ACTION_DENY)
				return CTRPOLICY_ACTION_DENY;
			allowed = true;
		}
		if (allowed)
			return CTRPOLICY_ACTION_ALLOW;
	}
	return net->default_action;
}

static u32 socket_action(const struct ctrpolicy_net_rules *net,
			 const struct ctrpolicy_net_request *req)
{
	u32 i;

	for (i = 0; i < net->n_socket_rules; i++) {
		const struct ctrpolicy_socket_rule *rule = &net->socket_rules[i];

		if ((rule->family == AF_UNSPEC || rule->family == req->family) &&
		    proto_matches(rule->proto, req->proto))
			return rule->action;
	}
	return net->default_action;
}

/**
 * ctrpolicy_net_action - What a policy's network rules say of a request
 * @net: the rules
 * @req: the request
 *
 * A socket creation takes the first socket rule that matches; an address
 * operation the longest prefix holding the address that has a rule for it,
 * where deny wins among the rules of one prefix.
 *
 * Return: enum ctrpolicy_action, the default where no rule matches.
 */
u32 ctrpolicy_net_action(const struct ctrpolicy_net_rules *net,
			 const struct ctrpolicy_net_request *req)
{
	if (req->op == CTRPOLICY_NET_OP_SOCKET)
		return socket_action(net, req);
	return addr_action(net, req);
}

/**
 * ctrpolicy_net_allows_any_address - Whether rules allow an operation anywhere
 * @net: the rules
 * @op: enum ctrpolicy_net_op, an address operation
 *
 * True when the default allows and no address rule denies @op, for any
 * address, port or protocol: what a request whose address is not known
 * needs.  O(1): the denied operations are gathered when the rules are
 * built.
 *
 * Return: whether @op is allowed to every address.
 */
bool ctrpolicy_net_allows_any_address(const struct ctrpolicy_net_rules *net,
				      u32 op)
{
	return net->default_action == CTRPOLICY_ACTION_ALLOW &&
	       !(net->denied_ops & BIT(op));
}

#ifdef CTRPOLICY_KUNIT_TEST
#include "net_rules_test.c"
#endif
