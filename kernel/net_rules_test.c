// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - KUnit tests of the network rules: the checks of address
 * rules from user space, the longest-prefix match with deny winning ties,
 * IPv4-mapped addresses, port ranges, socket rules and socket classes.
 *
 * Included at the end of net_rules.c (see common.h).  A policy's network
 * rules are built here as ctrpolicy_policy_parse() builds them: one
 * allocation sized as it sizes it, the address rules imported, then the
 * lookup built; KASAN sees any access past it.
 */

#include <kunit/test.h>
#include <linux/inet.h>
#include <linux/kernel.h>

#define ALLOW	CTRPOLICY_ACTION_ALLOW
#define DENY	CTRPOLICY_ACTION_DENY
#define BIND	BIT(CTRPOLICY_NET_OP_BIND)
#define CONNECT	BIT(CTRPOLICY_NET_OP_CONNECT)
#define LISTEN	BIT(CTRPOLICY_NET_OP_LISTEN)
#define SEND	BIT(CTRPOLICY_NET_OP_SEND)
#define ANY_OP	CTRPOLICY_NET_OPS_ADDRESS
#define ANY	CTRPOLICY_NET_PROTO_ANY
#define TCP	CTRPOLICY_NET_PROTO_TCP
#define UDP	CTRPOLICY_NET_PROTO_UDP
#define ICMP	CTRPOLICY_NET_PROTO_ICMP
#define RAW	CTRPOLICY_NET_PROTO_RAW

/**
 * struct net_spec - an address rule, as a test writes it
 * @net: "A.B.C.D/N", "IPV6/N", or "any" (every address of both families)
 * @action: ALLOW or DENY
 * @ops: BIND, CONNECT, LISTEN, SEND or ANY_OP
 * @proto: ANY, TCP, UDP, ICMP or RAW
 * @port_min: the lowest port
 * @port_max: the highest port
 */
struct net_spec {
	const char *net;
	u8 action;
	u8 ops;
	u8 proto;
	u16 port_min;
	u16 port_max;
};

/* @net into @rule's family, address and prefix length. */
static void parse_net(struct kunit *test, const char *net,
		      struct ctrpolicy_net_rule *rule)
{
	const char *end;
	u8 len;

	if (!strcmp(net, "any")) {
		rule->family = AF_UNSPEC;
		return;
	}
	if (in4_pton(net, -1, rule->addr, '/', &end)) {
		rule->family = AF_INET;
	} else {
		KUNIT_ASSERT_TRUE_MSG(test,
				      in6_pton(net, -1, rule->addr, '/', &end),
				      "not a network: %s", net);
		rule->family = AF_INET6;
	}
	KUNIT_ASSERT_EQ_MSG(test, *end, '/', "no prefix length: %s", net);
	KUNIT_ASSERT_EQ(test, kstrtou8(end + 1, 10, &len), 0);
	rule->prefix_len = len;
}

/* The rule of user space that @spec describes. */
static struct ctrpolicy_net_rule net_rule(struct kunit *test,
					  const struct net_spec *spec)
{
	struct ctrpolicy_net_rule rule = {
		.action = spec->action,
		.ops = spec->ops,
		.proto = spec->proto,
		.port_min = spec->port_min,
		.port_max = spec->port_max,
	};

	parse_net(test, spec->net, &rule);
	return rule;
}

/*
 * The network area of a policy with @n address rules and @n_socket socket
 * rules, laid out in one allocation as ctrpolicy_policy_parse() lays it
 * out, its socket rules copied and its address rules imported (in two
 * parts, as from two attributes) and built.  Each rule must pass
 * ctrpolicy_net_rule_check().
 */
static struct ctrpolicy_net_rules *
net_rules_from(struct kunit *test, u32 default_action,
	       const struct ctrpolicy_net_rule *rules, u32 n,
	       const struct ctrpolicy_socket_rule *socket_rules, u32 n_socket)
{
	u32 n_index = ctrpolicy_net_index_size(n), i;
	struct ctrpolicy_net_rules *net;
	size_t size;

	for (i = 0; i < n; i++)
		KUNIT_ASSERT_EQ_MSG(test, ctrpolicy_net_rule_check(&rules[i], NULL, NULL),
				    0, "rule %u is refused", i);
	size = sizeof(*net) + array_size(n, sizeof(*net->addr_rules)) +
	       (n ? sizeof(*net->levels) * CTRPOLICY_NET_LEVELS : 0) +
	       array_size(n_index, sizeof(*net->index)) +
	       array_size(n_socket, sizeof(*net->socket_rules));
	net = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, net);
	net->default_action = default_action;
	net->addr_rules = (void *)(net + 1);
	net->levels = (void *)(net->addr_rules + n);
	net->index = (void *)(net->levels + (n ? CTRPOLICY_NET_LEVELS : 0));
	if (n_index)
		net->index_mask = n_index - 1;
	net->socket_rules = (void *)(net->index + n_index);
	if (n_socket)
		memcpy(net->socket_rules, socket_rules,
		       n_socket * sizeof(*socket_rules));
	net->n_socket_rules = n_socket;
	if (n) {
		ctrpolicy_net_rules_import(net, rules, n / 2);
		ctrpolicy_net_rules_import(net, rules + n / 2, n - n / 2);
	}
	KUNIT_ASSERT_EQ(test, net->n_addr_rules, n);
	ctrpolicy_net_rules_build(net);
	return net;
}

/* The network area of address rules written as @specs. */
static struct ctrpolicy_net_rules *
net_rules_of(struct kunit *test, u32 default_action,
	     const struct net_spec *specs, u32 n)
{
	struct ctrpolicy_net_rule *rules;
	u32 i;

	rules = kunit_kcalloc(test, n ?: 1, sizeof(*rules), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, rules);
	for (i = 0; i < n; i++)
		rules[i] = net_rule(test, &specs[i]);
	return net_rules_from(test, default_action, rules, n, NULL, 0);
}

/* What @net says of operation @op of a @proto socket to @addr, @port. */
static u32 addr_verdict(struct kunit *test, const struct ctrpolicy_net_rules *net,
			u32 op, u8 proto, const char *addr, u16 port)
{
	struct ctrpolicy_net_request req = {
		.op = op,
		.proto = proto,
		.port = port,
	};
	__be32 v4;

	/* As net.c reads a sockaddr: IPv4 as IPv4-mapped IPv6. */
	if (in4_pton(addr, -1, (u8 *)&v4, -1, NULL))
		ipv6_addr_set_v4mapped(v4, &req.addr);
	else
		KUNIT_EXPECT_TRUE_MSG(test, in6_pton(addr, -1, req.addr.s6_addr, -1, NULL),
				      "not an address: %s", addr);
	req.family = ipv6_addr_v4mapped(&req.addr) ? AF_INET : AF_INET6;
	return ctrpolicy_net_action(net, &req);
}

#define EXPECT_CONNECT(test, net, proto, addr, port, verdict)		\
	KUNIT_EXPECT_EQ_MSG(test, addr_verdict(test, net, CTRPOLICY_NET_OP_CONNECT, \
					       proto, addr, port), (u32)(verdict), \
			    "connect to %s port %u", addr, port)

/* ---- ctrpolicy_net_rule_check(): address rules from user space ----------- */

/* @rule is refused, with a message naming the attribute that holds it. */
static void expect_refused(struct kunit *test, struct ctrpolicy_net_rule rule,
			   const char *why)
{
	struct netlink_ext_ack extack = {};
	struct nlattr attr = {};

	KUNIT_EXPECT_EQ_MSG(test, ctrpolicy_net_rule_check(&rule, &extack, &attr),
			    -EINVAL, "accepted: %s", why);
	KUNIT_EXPECT_NOT_ERR_OR_NULL_MSG(test, extack._msg, "no message: %s", why);
	KUNIT_EXPECT_PTR_EQ(test, extack.bad_attr, (const struct nlattr *)&attr);
}

static void expect_accepted(struct kunit *test, struct ctrpolicy_net_rule rule,
			    const char *what)
{
	struct netlink_ext_ack extack = {};

	KUNIT_EXPECT_EQ_MSG(test, ctrpolicy_net_rule_check(&rule, &extack, NULL),
			    0, "refused: %s (%s)", what, extack._msg ?: "");
}

static void rule_check_accepts_networks(struct kunit *test)
{
	static const struct net_spec good[] = {
		{ "10.0.0.0/8", ALLOW, CONNECT, TCP, 0, 65535 },
		{ "192.168.1.7/32", DENY, ANY_OP, ANY, 80, 80 },
		{ "0.0.0.0/0", DENY, BIND | LISTEN, UDP, 1, 1023 },
		{ "2001:db8::/32", ALLOW, SEND, UDP, 53, 53 },
		{ "2001:db8::1/128", ALLOW, ANY_OP, ICMP, 0, 0 },
		{ "::/0", DENY, ANY_OP, RAW, 0, 65535 },
		{ "any", ALLOW, ANY_OP, ANY, 0, 65535 },
		/* Wider than the IPv4-mapped space: not an IPv4 network. */
		{ "::fffe:0:0/95", DENY, CONNECT, ANY, 0, 65535 },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(good); i++)
		expect_accepted(test, net_rule(test, &good[i]), good[i].net);
}

static void rule_check_host_bits(struct kunit *test)
{
	static const struct net_spec bad[] = {
		{ "10.0.0.1/8", ALLOW, CONNECT, TCP, 0, 65535 },
		{ "10.1.2.3/31", ALLOW, CONNECT, TCP, 0, 65535 },
		{ "0.0.0.1/0", ALLOW, CONNECT, TCP, 0, 65535 },
		{ "2001:db8::1/64", ALLOW, CONNECT, TCP, 0, 65535 },
		{ "2001:db8:0:1::/63", ALLOW, CONNECT, TCP, 0, 65535 },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		expect_refused(test, net_rule(test, &bad[i]), bad[i].net);
}

static void rule_check_prefix_length(struct kunit *test)
{
	static const struct net_spec v4 = { "10.0.0.0/32", ALLOW, CONNECT, TCP, 0, 65535 };
	static const struct net_spec v6 = { "2001:db8::/128", ALLOW, CONNECT, TCP, 0, 65535 };
	struct ctrpolicy_net_rule rule;

	rule = net_rule(test, &v4);
	rule.prefix_len = 33;
	expect_refused(test, rule, "an IPv4 /33");
	rule = net_rule(test, &v6);
	rule.prefix_len = 129;
	expect_refused(test, rule, "an IPv6 /129");
	/* An IPv4 rule's address is four bytes, the other twelve zero. */
	rule = net_rule(test, &v4);
	rule.addr[4] = 1;
	expect_refused(test, rule, "an IPv4 rule with a fifth byte");
}

static void rule_check_family(struct kunit *test)
{
	static const struct net_spec any = { "any", ALLOW, CONNECT, TCP, 0, 65535 };
	struct ctrpolicy_net_rule rule;

	rule = net_rule(test, &any);
	rule.family = AF_UNIX;
	expect_refused(test, rule, "family AF_UNIX");
	rule.family = AF_PACKET;
	expect_refused(test, rule, "family AF_PACKET");
	rule = net_rule(test, &any);
	rule.addr[0] = 10;
	expect_refused(test, rule, "any family with an address");
	rule = net_rule(test, &any);
	rule.prefix_len = 8;
	expect_refused(test, rule, "any family with a prefix");
}

static void rule_check_mapped_as_ipv6(struct kunit *test)
{
	static const struct net_spec bad[] = {
		{ "::ffff:10.0.0.0/104", ALLOW, CONNECT, TCP, 0, 65535 },
		{ "::ffff:10.1.2.3/128", DENY, CONNECT, TCP, 0, 65535 },
		{ "::ffff:0.0.0.0/96", DENY, CONNECT, TCP, 0, 65535 },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		expect_refused(test, net_rule(test, &bad[i]), bad[i].net);
}

static void rule_check_port_range(struct kunit *test)
{
	static const struct net_spec empty = { "10.0.0.0/8", ALLOW, CONNECT, TCP, 81, 80 };
	static const struct net_spec one = { "10.0.0.0/8", ALLOW, CONNECT, TCP, 80, 80 };
	static const struct net_spec top = { "10.0.0.0/8", ALLOW, CONNECT, TCP, 65535, 65535 };

	expect_refused(test, net_rule(test, &empty), "port range 81-80");
	expect_accepted(test, net_rule(test, &one), "port 80");
	expect_accepted(test, net_rule(test, &top), "port 65535");
}

static void rule_check_fields(struct kunit *test)
{
	static const struct net_spec base = { "10.0.0.0/8", ALLOW, CONNECT, TCP, 0, 65535 };
	struct ctrpolicy_net_rule rule;

	expect_accepted(test, net_rule(test, &base), "the base rule");
	rule = net_rule(test, &base);
	rule.action = CTRPOLICY_ACTION_MAX + 1;
	expect_refused(test, rule, "an unknown action");
	rule = net_rule(test, &base);
	rule.ops = 0;
	expect_refused(test, rule, "no operation");
	rule.ops = BIT(CTRPOLICY_NET_OP_SOCKET);
	expect_refused(test, rule, "the socket operation");
	rule.ops = CONNECT | BIT(CTRPOLICY_NET_OP_MAX + 1);
	expect_refused(test, rule, "an unknown operation");
	rule = net_rule(test, &base);
	rule.proto = CTRPOLICY_NET_PROTO_OTHER;
	expect_refused(test, rule, "protocol OTHER");
	rule = net_rule(test, &base);
	rule.pad[6] = 1;
	expect_refused(test, rule, "padding not zero");
}

/* ---- matching ------------------------------------------------------------- */

static void longest_prefix_wins(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "10.0.0.0/8", ALLOW, CONNECT, ANY, 0, 65535 },
		{ "10.99.0.0/16", DENY, CONNECT, ANY, 0, 65535 },
		{ "10.99.7.0/24", ALLOW, CONNECT, ANY, 0, 65535 },
		{ "10.99.7.66/32", DENY, CONNECT, ANY, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, DENY, specs, ARRAY_SIZE(specs));

	KUNIT_EXPECT_EQ(test, net->n_levels, 4);
	EXPECT_CONNECT(test, net, TCP, "10.1.2.3", 443, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "10.99.1.1", 443, DENY);
	EXPECT_CONNECT(test, net, TCP, "10.99.7.1", 443, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "10.99.7.66", 443, DENY);
	EXPECT_CONNECT(test, net, TCP, "10.99.7.67", 443, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "11.0.0.1", 443, DENY);
	EXPECT_CONNECT(test, net, TCP, "9.255.255.255", 443, DENY);
}

static void longest_prefix_ipv6(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "::/0", DENY, CONNECT, ANY, 0, 65535 },
		{ "2001:db8::/32", ALLOW, CONNECT, ANY, 0, 65535 },
		{ "2001:db8:bad::/48", DENY, CONNECT, ANY, 0, 65535 },
		{ "2001:db8:bad:1::/64", ALLOW, CONNECT, ANY, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, ALLOW, specs, ARRAY_SIZE(specs));

	EXPECT_CONNECT(test, net, TCP, "2001:db8::1", 22, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "2001:db8:bad::1", 22, DENY);
	EXPECT_CONNECT(test, net, TCP, "2001:db8:bad:1::1", 22, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "2001:db9::1", 22, DENY);
	/* ::/0 is IPv6's: IPv4 gets the default. */
	EXPECT_CONNECT(test, net, TCP, "192.0.2.1", 22, ALLOW);
}

static void deny_wins_ties(struct kunit *test)
{
	static const struct net_spec allow_first[] = {
		{ "10.0.0.0/8", ALLOW, CONNECT, TCP, 0, 65535 },
		{ "10.0.0.0/8", DENY, CONNECT, TCP, 443, 443 },
	};
	static const struct net_spec deny_first[] = {
		{ "10.0.0.0/8", DENY, CONNECT, TCP, 443, 443 },
		{ "10.0.0.0/8", ALLOW, CONNECT, TCP, 0, 65535 },
	};
	struct ctrpolicy_net_rules *a, *d;

	a = net_rules_of(test, ALLOW, allow_first, ARRAY_SIZE(allow_first));
	d = net_rules_of(test, ALLOW, deny_first, ARRAY_SIZE(deny_first));
	EXPECT_CONNECT(test, a, TCP, "10.1.1.1", 443, DENY);
	EXPECT_CONNECT(test, d, TCP, "10.1.1.1", 443, DENY);
	EXPECT_CONNECT(test, a, TCP, "10.1.1.1", 80, ALLOW);
	EXPECT_CONNECT(test, d, TCP, "10.1.1.1", 80, ALLOW);
}

/* IPv6's ::/0 and "any" are both prefix 0: the deny of the two wins. */
static void deny_wins_ties_across_families(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "any", ALLOW, CONNECT, ANY, 0, 65535 },
		{ "::/0", DENY, CONNECT, ANY, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, DENY, specs, ARRAY_SIZE(specs));

	EXPECT_CONNECT(test, net, TCP, "2001:db8::1", 80, DENY);
	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 80, ALLOW);
}

/* A tie is between rules that match: one of another protocol takes no part. */
static void tie_only_among_matching_rules(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "10.0.0.0/8", ALLOW, CONNECT, TCP, 0, 65535 },
		{ "10.0.0.0/8", DENY, CONNECT, UDP, 0, 65535 },
		{ "10.0.0.0/8", DENY, BIND, TCP, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, DENY, specs, ARRAY_SIZE(specs));

	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 80, ALLOW);
	EXPECT_CONNECT(test, net, UDP, "10.0.0.1", 53, DENY);
	KUNIT_EXPECT_EQ(test, addr_verdict(test, net, CTRPOLICY_NET_OP_BIND, TCP,
					   "10.0.0.1", 80), DENY);
}

/*
 * The longest prefix that has a rule for the request decides: a longer one
 * whose rules are for other ports or operations lets a shorter one decide.
 */
static void longer_prefix_without_match_falls_through(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "10.0.0.0/8", DENY, CONNECT, ANY, 0, 65535 },
		{ "10.1.0.0/16", ALLOW, CONNECT, TCP, 22, 22 },
		{ "10.1.2.0/24", ALLOW, SEND, UDP, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, ALLOW, specs, ARRAY_SIZE(specs));

	EXPECT_CONNECT(test, net, TCP, "10.1.2.3", 22, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "10.1.2.3", 80, DENY);
	KUNIT_EXPECT_EQ(test, addr_verdict(test, net, CTRPOLICY_NET_OP_SEND, UDP,
					   "10.1.2.3", 53), ALLOW);
	KUNIT_EXPECT_EQ(test, addr_verdict(test, net, CTRPOLICY_NET_OP_SEND, UDP,
					   "10.1.3.3", 53), ALLOW);
}

static void ipv4_mapped_matches_ipv4(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "::/0", DENY, CONNECT, ANY, 0, 65535 },
		{ "10.0.0.0/8", ALLOW, CONNECT, ANY, 0, 65535 },
		{ "10.9.9.9/32", DENY, CONNECT, ANY, 0, 65535 },
		/* Legal, and no IPv4-mapped address falls under it. */
		{ "::fffe:0:0/95", ALLOW, CONNECT, ANY, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, DENY, specs, ARRAY_SIZE(specs));

	EXPECT_CONNECT(test, net, TCP, "::ffff:10.1.2.3", 80, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "::ffff:10.9.9.9", 80, DENY);
	EXPECT_CONNECT(test, net, TCP, "10.9.9.9", 80, DENY);
	EXPECT_CONNECT(test, net, TCP, "::ffff:192.0.2.1", 80, DENY);
	/* Not mapped: IPv4-compatible and NAT64 addresses are IPv6. */
	EXPECT_CONNECT(test, net, TCP, "::10.1.2.3", 80, DENY);
	EXPECT_CONNECT(test, net, TCP, "64:ff9b::10.1.2.3", 80, DENY);
	EXPECT_CONNECT(test, net, TCP, "::fffe:10.1.2.3", 80, ALLOW);
}

/* An IPv4 /0 is /96 in the mapped space: longer than "any" and ::/0. */
static void ipv4_zero_prefix_beats_any(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "any", DENY, CONNECT, ANY, 0, 65535 },
		{ "0.0.0.0/0", ALLOW, CONNECT, ANY, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, DENY, specs, ARRAY_SIZE(specs));

	EXPECT_CONNECT(test, net, TCP, "203.0.113.5", 80, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "::ffff:203.0.113.5", 80, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "2001:db8::5", 80, DENY);
	KUNIT_EXPECT_EQ(test, net->levels[0].prefix_len, MAPPED_PREFIX);
	KUNIT_EXPECT_EQ(test, net->levels[1].prefix_len, 0);
}

static void port_ranges(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "any", ALLOW, CONNECT, TCP, 1000, 2000 },
		{ "any", ALLOW, CONNECT, TCP, 80, 80 },
		{ "any", ALLOW, CONNECT, TCP, 65535, 65535 },
		{ "any", ALLOW, CONNECT, ICMP, 0, 0 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, DENY, specs, ARRAY_SIZE(specs));

	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 999, DENY);
	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 1000, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 1500, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 2000, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 2001, DENY);
	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 79, DENY);
	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 80, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "10.0.0.1", 81, DENY);
	EXPECT_CONNECT(test, net, TCP, "2001:db8::1", 65535, ALLOW);
	EXPECT_CONNECT(test, net, TCP, "2001:db8::1", 0, DENY);
	/* Ping sockets have no ports: port 0. */
	EXPECT_CONNECT(test, net, ICMP, "10.0.0.1", 0, ALLOW);
}

static void operations_and_protocols(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "any", ALLOW, BIND | LISTEN, TCP, 8080, 8080 },
		{ "any", ALLOW, SEND, UDP, 53, 53 },
		{ "127.0.0.0/8", ALLOW, ANY_OP, ANY, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, DENY, specs, ARRAY_SIZE(specs));
	static const struct {
		u32 op;
		u8 proto;
		const char *addr;
		u16 port;
		u32 verdict;
	} cases[] = {
		{ CTRPOLICY_NET_OP_BIND, TCP, "0.0.0.0", 8080, ALLOW },
		{ CTRPOLICY_NET_OP_LISTEN, TCP, "::", 8080, ALLOW },
		{ CTRPOLICY_NET_OP_CONNECT, TCP, "10.0.0.1", 8080, DENY },
		{ CTRPOLICY_NET_OP_BIND, UDP, "0.0.0.0", 8080, DENY },
		{ CTRPOLICY_NET_OP_SEND, UDP, "8.8.8.8", 53, ALLOW },
		{ CTRPOLICY_NET_OP_SEND, RAW, "8.8.8.8", 0, DENY },
		{ CTRPOLICY_NET_OP_CONNECT, UDP, "8.8.8.8", 53, DENY },
		{ CTRPOLICY_NET_OP_CONNECT, RAW, "127.0.0.1", 0, ALLOW },
		{ CTRPOLICY_NET_OP_SEND, UDP, "127.1.2.3", 9, ALLOW },
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		KUNIT_EXPECT_EQ_MSG(test, addr_verdict(test, net, cases[i].op, cases[i].proto,
						       cases[i].addr, cases[i].port),
				    cases[i].verdict, "case %d: %s port %u", i,
				    cases[i].addr, cases[i].port);
}

static void default_without_rules(struct kunit *test)
{
	struct ctrpolicy_net_rules *deny = net_rules_of(test, DENY, NULL, 0);
	struct ctrpolicy_net_rules *allow = net_rules_of(test, ALLOW, NULL, 0);

	KUNIT_EXPECT_EQ(test, deny->n_levels, 0);
	KUNIT_EXPECT_EQ(test, deny->index_mask, 0);
	EXPECT_CONNECT(test, deny, TCP, "10.0.0.1", 80, DENY);
	EXPECT_CONNECT(test, deny, TCP, "::1", 80, DENY);
	EXPECT_CONNECT(test, allow, TCP, "10.0.0.1", 80, ALLOW);
	EXPECT_CONNECT(test, allow, UDP, "::1", 80, ALLOW);
}

/*
 * Whether an operation is allowed to every address, for what the hooks
 * cannot read (a route set by setsockopt(), a sendmmsg() batch, a raw
 * header): the default allows and no rule denies it.
 */
static void allows_any_address(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "10.99.0.0/16", DENY, SEND, ANY, 0, 65535 },
		{ "127.0.0.0/8", ALLOW, CONNECT, TCP, 0, 65535 },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_of(test, ALLOW, specs, ARRAY_SIZE(specs));
	struct ctrpolicy_net_rules *deny = net_rules_of(test, DENY, NULL, 0);

	KUNIT_EXPECT_FALSE(test, ctrpolicy_net_allows_any_address(net, CTRPOLICY_NET_OP_SEND));
	KUNIT_EXPECT_TRUE(test, ctrpolicy_net_allows_any_address(net, CTRPOLICY_NET_OP_CONNECT));
	KUNIT_EXPECT_TRUE(test, ctrpolicy_net_allows_any_address(net, CTRPOLICY_NET_OP_BIND));
	KUNIT_EXPECT_FALSE(test, ctrpolicy_net_allows_any_address(deny, CTRPOLICY_NET_OP_CONNECT));
}

/*
 * Thousands of rules: host routes alternately allowed and denied, with
 * networks around them, so that the index's probes run past collisions.
 * Each rule decides its own address, whatever the order they came in.
 */
static void many_rules_one_lookup_each(struct kunit *test)
{
	const u32 n = 4096;
	struct ctrpolicy_net_rules *net;
	struct ctrpolicy_net_rule *rules;
	u32 i;

	rules = kunit_kcalloc(test, n, sizeof(*rules), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, rules);
	for (i = 0; i < n; i++) {
		/* Given in a scrambled order: 1237 is prime to 4096. */
		u32 k = (i * 1237) % n;

		rules[i] = (struct ctrpolicy_net_rule) {
			.addr = { 10, k >> 8, k & 0xff, 0 },
			.prefix_len = 32,
			.family = AF_INET,
			.ops = CONNECT,
			.port_max = 65535,
			.action = k % 2 ? DENY : ALLOW,
		};
		if (k % 64 == 0) {	/* a /24 instead, of the other action */
			rules[i].prefix_len = 24;
			rules[i].action = rules[i].action == ALLOW ? DENY : ALLOW;
		}
	}
	net = net_rules_from(test, DENY, rules, n, NULL, 0);
	KUNIT_EXPECT_EQ(test, net->index_mask + 1, 2 * n);
	KUNIT_EXPECT_EQ(test, net->n_levels, 2);
	for (i = 0; i < n; i++) {
		struct ctrpolicy_net_request req = {
			.op = CTRPOLICY_NET_OP_CONNECT,
			.family = AF_INET,
			.proto = TCP,
			.port = 80,
		};
		u32 want = i % 2 ? DENY : ALLOW;

		ipv6_addr_set_v4mapped(htonl(0x0a000000 | i << 8), &req.addr);
		if (i % 64 == 0)
			want = want == ALLOW ? DENY : ALLOW;
		KUNIT_EXPECT_EQ_MSG(test, ctrpolicy_net_action(net, &req), want,
				    "10.%u.%u.0", i >> 8, i & 0xff);
		/* Inside a /24 rule: it decides; else no rule holds .1. */
		req.addr.s6_addr[15] = 1;
		KUNIT_EXPECT_EQ_MSG(test, ctrpolicy_net_action(net, &req),
				    i % 64 == 0 ? want : (u32)DENY,
				    "10.%u.%u.1", i >> 8, i & 0xff);
	}
}

/* The lookup's order is total: rules given in any order build the same. */
static void build_is_order_independent(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "10.0.0.0/8", ALLOW, CONNECT, TCP, 80, 80 },
		{ "10.0.0.0/8", DENY, CONNECT, TCP, 80, 80 },
		{ "10.0.0.0/8", ALLOW, SEND, UDP, 0, 65535 },
		{ "2001:db8::/32", ALLOW, CONNECT, ANY, 0, 65535 },
		{ "any", DENY, BIND, ANY, 0, 65535 },
		{ "10.1.0.0/16", ALLOW, CONNECT, TCP, 443, 443 },
	};
	struct ctrpolicy_net_rule fwd[ARRAY_SIZE(specs)], rev[ARRAY_SIZE(specs)];
	struct ctrpolicy_net_rules *a, *b;
	u32 i, n = ARRAY_SIZE(specs);

	for (i = 0; i < n; i++) {
		fwd[i] = net_rule(test, &specs[i]);
		rev[n - 1 - i] = fwd[i];
	}
	a = net_rules_from(test, DENY, fwd, n, NULL, 0);
	b = net_rules_from(test, DENY, rev, n, NULL, 0);
	KUNIT_EXPECT_EQ(test, a->n_levels, 4);
	KUNIT_EXPECT_EQ(test, memcmp(a->addr_rules, b->addr_rules,
				     n * sizeof(*a->addr_rules)), 0);
	KUNIT_EXPECT_EQ(test, memcmp(a->levels, b->levels,
				     a->n_levels * sizeof(*a->levels)), 0);
	/* Longest first: 10.1/16 and 10/8 (mapped), 2001:db8::/32, any. */
	KUNIT_EXPECT_EQ(test, a->levels[0].prefix_len, MAPPED_PREFIX + 16);
	KUNIT_EXPECT_EQ(test, a->levels[1].prefix_len, MAPPED_PREFIX + 8);
	KUNIT_EXPECT_EQ(test, a->levels[2].prefix_len, 32);
	KUNIT_EXPECT_EQ(test, a->levels[3].prefix_len, 0);
	EXPECT_CONNECT(test, a, TCP, "10.2.0.1", 80, DENY);
	EXPECT_CONNECT(test, b, TCP, "10.1.0.1", 443, ALLOW);
}

/* What user space gave is what a dump writes back. */
static void export_round_trip(struct kunit *test)
{
	static const struct net_spec specs[] = {
		{ "192.0.2.0/24", ALLOW, CONNECT | SEND, UDP, 53, 53 },
		{ "0.0.0.0/0", DENY, BIND, TCP, 1, 1023 },
		{ "2001:db8::/32", DENY, LISTEN, TCP, 0, 65535 },
		{ "any", ALLOW, ANY_OP, RAW, 0, 0 },
	};
	struct ctrpolicy_net_addr_rule held;
	struct ctrpolicy_net_rule in, out;
	int i;

	for (i = 0; i < ARRAY_SIZE(specs); i++) {
		in = net_rule(test, &specs[i]);
		rule_import(&held, &in);
		memset(&out, 0xa5, sizeof(out));
		ctrpolicy_net_rule_export(&out, &held);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(&in, &out, sizeof(in)), 0,
				    "%s", specs[i].net);
	}
}

static void index_size(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_index_size(0), 0);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_index_size(1), 2);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_index_size(2), 4);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_index_size(3), 8);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_index_size(1000), 2048);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_index_size(CTRPOLICY_MAX_NET_RULES),
			2 * CTRPOLICY_MAX_NET_RULES);
}

/* ---- socket rules and socket classes ------------------------------------- */

static u32 socket_verdict(const struct ctrpolicy_net_rules *net, int family,
			  int type, int protocol)
{
	struct ctrpolicy_net_request req = {
		.op = CTRPOLICY_NET_OP_SOCKET,
		.family = family,
		.sock_type = type,
		.protocol = protocol,
		.proto = ctrpolicy_net_proto_class(family, type, protocol),
	};

	return ctrpolicy_net_action(net, &req);
}

static void socket_rules_first_match(struct kunit *test)
{
	static const struct ctrpolicy_socket_rule rules[] = {
		{ .action = DENY, .family = AF_INET6, .proto = RAW },
		{ .action = ALLOW, .family = AF_UNSPEC, .proto = RAW },
		{ .action = ALLOW, .family = AF_INET, .proto = TCP },
		{ .action = DENY, .family = AF_INET, .proto = ANY },
		{ .action = ALLOW, .family = AF_UNIX, .proto = ANY },
		{ .action = ALLOW, .family = AF_UNSPEC, .proto = UDP },
	};
	struct ctrpolicy_net_rules *net =
		net_rules_from(test, DENY, NULL, 0, rules, ARRAY_SIZE(rules));

	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_INET6, SOCK_RAW, IPPROTO_RAW), DENY);
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_INET, SOCK_RAW, IPPROTO_ICMP), ALLOW);
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_PACKET, SOCK_RAW, 0), ALLOW);
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_INET, SOCK_STREAM, 0), ALLOW);
	/* The inet deny comes before the udp allow. */
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_INET, SOCK_DGRAM, 0), DENY);
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_INET6, SOCK_DGRAM, 0), ALLOW);
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_UNIX, SOCK_STREAM, 0), ALLOW);
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_UNIX, SOCK_DGRAM, 0), ALLOW);
	/* No rule: the default. */
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_INET6, SOCK_STREAM, 0), DENY);
	KUNIT_EXPECT_EQ(test, socket_verdict(net, AF_NETLINK, SOCK_RAW, 0), DENY);
}

static void socket_default(struct kunit *test)
{
	struct ctrpolicy_net_rules *allow = net_rules_from(test, ALLOW, NULL, 0, NULL, 0);
	struct ctrpolicy_net_rules *deny = net_rules_from(test, DENY, NULL, 0, NULL, 0);

	KUNIT_EXPECT_EQ(test, socket_verdict(allow, AF_INET, SOCK_STREAM, 0), ALLOW);
	KUNIT_EXPECT_EQ(test, socket_verdict(allow, AF_PACKET, SOCK_RAW, 0), ALLOW);
	KUNIT_EXPECT_EQ(test, socket_verdict(deny, AF_UNIX, SOCK_STREAM, 0), DENY);
}

static void proto_class_inet(struct kunit *test)
{
	static const int families[] = { AF_INET, AF_INET6 };
	static const struct {
		int type;
		int protocol;
		u8 class;
	} cases[] = {
		{ SOCK_STREAM, 0, TCP },
		{ SOCK_STREAM, IPPROTO_TCP, TCP },
		{ SOCK_STREAM, IPPROTO_MPTCP, TCP },
		{ SOCK_DGRAM, 0, UDP },
		{ SOCK_DGRAM, IPPROTO_UDP, UDP },
		{ SOCK_DGRAM, IPPROTO_UDPLITE, UDP },
		{ SOCK_DGRAM, IPPROTO_ICMP, ICMP },
		{ SOCK_DGRAM, IPPROTO_ICMPV6, ICMP },
		{ SOCK_RAW, IPPROTO_TCP, RAW },
		{ SOCK_RAW, IPPROTO_RAW, RAW },
		/* SCTP, a sequenced packet socket, mismatched protocols. */
		{ SOCK_STREAM, IPPROTO_SCTP, CTRPOLICY_NET_PROTO_OTHER },
		{ SOCK_SEQPACKET, 0, CTRPOLICY_NET_PROTO_OTHER },
		{ SOCK_STREAM, IPPROTO_UDP, CTRPOLICY_NET_PROTO_OTHER },
		{ SOCK_DGRAM, IPPROTO_TCP, CTRPOLICY_NET_PROTO_OTHER },
	};
	int i, j;

	for (i = 0; i < ARRAY_SIZE(families); i++)
		for (j = 0; j < ARRAY_SIZE(cases); j++)
			KUNIT_EXPECT_EQ_MSG(test, ctrpolicy_net_proto_class(families[i],
									   cases[j].type,
									   cases[j].protocol),
					    cases[j].class, "family %d type %d protocol %d",
					    families[i], cases[j].type, cases[j].protocol);
}

static void proto_class_other_families(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_proto_class(AF_PACKET, SOCK_RAW, 0), RAW);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_proto_class(AF_PACKET, SOCK_DGRAM, 0),
			CTRPOLICY_NET_PROTO_OTHER);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_proto_class(AF_NETLINK, SOCK_RAW, 0),
			CTRPOLICY_NET_PROTO_OTHER);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_proto_class(AF_UNIX, SOCK_STREAM, 0),
			CTRPOLICY_NET_PROTO_OTHER);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_proto_class(AF_UNIX, SOCK_DGRAM, 0),
			CTRPOLICY_NET_PROTO_OTHER);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_proto_class(AF_VSOCK, SOCK_STREAM, 0),
			CTRPOLICY_NET_PROTO_OTHER);
}

static struct kunit_case net_rule_check_cases[] = {
	KUNIT_CASE(rule_check_accepts_networks),
	KUNIT_CASE(rule_check_host_bits),
	KUNIT_CASE(rule_check_prefix_length),
	KUNIT_CASE(rule_check_family),
	KUNIT_CASE(rule_check_mapped_as_ipv6),
	KUNIT_CASE(rule_check_port_range),
	KUNIT_CASE(rule_check_fields),
	{}
};

static struct kunit_suite net_rule_check_suite = {
	.name = "ctrpolicy_net_rule_check",
	.test_cases = net_rule_check_cases,
};

static struct kunit_case net_rules_cases[] = {
	KUNIT_CASE(longest_prefix_wins),
	KUNIT_CASE(longest_prefix_ipv6),
	KUNIT_CASE(deny_wins_ties),
	KUNIT_CASE(deny_wins_ties_across_families),
	KUNIT_CASE(tie_only_among_matching_rules),
	KUNIT_CASE(longer_prefix_without_match_falls_through),
	KUNIT_CASE(ipv4_mapped_matches_ipv4),
	KUNIT_CASE(ipv4_zero_prefix_beats_any),
	KUNIT_CASE(port_ranges),
	KUNIT_CASE(operations_and_protocols),
	KUNIT_CASE(default_without_rules),
	KUNIT_CASE(allows_any_address),
	KUNIT_CASE(many_rules_one_lookup_each),
	KUNIT_CASE(build_is_order_independent),
	KUNIT_CASE(export_round_trip),
	KUNIT_CASE(index_size),
	KUNIT_CASE(socket_rules_first_match),
	KUNIT_CASE(socket_default),
	KUNIT_CASE(proto_class_inet),
	KUNIT_CASE(proto_class_other_families),
	{}
};

static struct kunit_suite net_rules_suite = {
	.name = "ctrpolicy_net_rules",
	.test_cases = net_rules_cases,
};

kunit_test_suites(&net_rule_check_suite, &net_rules_suite);
