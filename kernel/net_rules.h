/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Network rules: their compiled form, their index and how a
 * request matches them (pure functions).
 */
#ifndef _SECURITY_CTRPOLICY_NET_RULES_H
#define _SECURITY_CTRPOLICY_NET_RULES_H

#include <linux/in6.h>
#include <linux/types.h>
#include <uapi/linux/ctrpolicy.h>

struct netlink_ext_ack;
struct nlattr;

/**
 * struct ctrpolicy_net_addr_rule - an address rule, as the lookup holds it
 * @addr: the network, its bits after @prefix_len clear; IPv4 as
 *	IPv4-mapped IPv6
 * @port_min: the lowest port matched
 * @port_max: the highest port matched
 * @prefix_len: in the IPv6 space: an IPv4 /N is /(96 + N)
 * @family: AF_INET, AF_INET6, or AF_UNSPEC for both
 * @proto: enum ctrpolicy_net_proto
 * @ops: bits (1 << CTRPOLICY_NET_OP_*)
 * @action: enum ctrpolicy_action
 */
struct ctrpolicy_net_addr_rule {
	struct in6_addr addr;
	u16 port_min;
	u16 port_max;
	u8 prefix_len;
	u8 family;
	u8 proto;
	u8 ops;
	u8 action;
};

/**
 * struct ctrpolicy_net_level - the address rules of one prefix length
 * @start: the first, in &struct ctrpolicy_net_rules.addr_rules
 * @end: one after the last
 * @prefix_len: their prefix length
 */
struct ctrpolicy_net_level {
	u32 start;
	u32 end;
	u32 prefix_len;
};

/* Prefix lengths an IPv6 address rule may have: 0 to 128. */
#define CTRPOLICY_NET_LEVELS	129

/**
 * struct ctrpolicy_net_rules - the network area of a policy
 * @default_action: enum ctrpolicy_action for operations no rule matches
 * @n_socket_rules: the number of @socket_rules
 * @n_addr_rules: the number of @addr_rules
 * @n_levels: the number of @levels
 * @index_mask: the size of @index less one
 * @denied_ops: BIT(op) for each address operation some rule denies: a
 *	request whose address cannot be read is decided by it
 * @socket_rules: the socket rules, in order: the first that matches decides
 * @addr_rules: the address rules, longest prefix first, then by address
 * @levels: where each prefix length's rules are, longest first
 * @index: open-addressing hash of (prefix length, address) to one more
 *	than the index of the first rule with that prefix and address; 0 for
 *	an empty slot.  At most half full, so that a lookup ends.
 */
struct ctrpolicy_net_rules {
	u32 default_action;
	u32 n_socket_rules;
	u32 n_addr_rules;
	u32 n_levels;
	u32 index_mask;
	u32 denied_ops;
	struct ctrpolicy_socket_rule *socket_rules;
	struct ctrpolicy_net_addr_rule *addr_rules;
	struct ctrpolicy_net_level *levels;
	u32 *index;
};

/**
 * struct ctrpolicy_net_request - a network operation asked for
 * @addr: the address, IPv4 as IPv4-mapped IPv6 (address operations)
 * @op: enum ctrpolicy_net_op
 * @family: AF_* of the socket to create, or of @addr (AF_INET when mapped)
 * @proto: enum ctrpolicy_net_proto of the socket
 * @port: the port, 0 for sockets without ports (address operations)
 * @sock_type: SOCK_* of the socket
 * @protocol: the socket's protocol number
 */
struct ctrpolicy_net_request {
	struct in6_addr addr;
	u32 op;
	u16 family;
	u8 proto;
	u16 port;
	u16 sock_type;
	u16 protocol;
};

u8 ctrpolicy_net_proto_class(int family, int type, int protocol);
int ctrpolicy_net_rule_check(const struct ctrpolicy_net_rule *rule,
			     struct netlink_ext_ack *extack,
			     const struct nlattr *attr);
void ctrpolicy_net_rule_export(struct ctrpolicy_net_rule *out,
			       const struct ctrpolicy_net_addr_rule *in);
void ctrpolicy_net_rules_import(struct ctrpolicy_net_rules *net,
				const struct ctrpolicy_net_rule *rules, u32 n);
u32 ctrpolicy_net_index_size(u32 n_rules);
void ctrpolicy_net_rules_build(struct ctrpolicy_net_rules *net);
u32 ctrpolicy_net_action(const struct ctrpolicy_net_rules *net,
			 const struct ctrpolicy_net_request *req);
bool ctrpolicy_net_allows_any_address(const struct ctrpolicy_net_rules *net,
				      u32 op);

#endif /* _SECURITY_CTRPOLICY_NET_RULES_H */
