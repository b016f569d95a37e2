// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Network confinement.
 *
 * The hooks, and what each covers:
 *
 *   socket_create   socket(2), socketpair(2), accept's new socket is not
 *                   created here; kernel-internal sockets are not checked
 *   socket_bind     bind(2): the local address and port asked for
 *   socket_connect  connect(2) and io_uring's IORING_OP_CONNECT; AF_UNSPEC
 *                   is a disconnect and always allowed
 *   socket_listen   listen(2): the socket's local address and port
 *   socket_sendmsg  sendto(2), sendmsg(2), sendmmsg(2) and io_uring's send
 *                   with an address (msg_name): "send" on a datagram or raw
 *                   socket, "connect" on a stream socket (TCP Fast Open
 *                   connects from sendmsg without reaching socket_connect)
 *
 * Checks happen at use, so a socket opened before its task was confined is
 * checked like any other.  Address rules apply to AF_INET and AF_INET6
 * sockets; an address is read by its own family, as the kernel reads it (an
 * AF_INET6 socket connects to IPv4 with an AF_INET address, and to
 * ::ffff:a.b.c.d), and IPv4-mapped IPv6 addresses are decided as IPv4.
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
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/sort.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "ctrpolicy.h"

/* An IPv4 prefix of length N is this plus N in the IPv4-mapped space. */
#define MAPPED_PREFIX	96

static const char *const net_op_names[] = {
	[CTRPOLICY_NET_OP_SOCKET] = "socket",
	[CTRPOLICY_NET_OP_BIND] = "bind",
	[CTRPOLICY_NET_OP_CONNECT] = "connect",
	[CTRPOLICY_NET_OP_LISTEN] = "listen",
	[CTRPOLICY_NET_OP_SEND] = "send",
};

/* The class of a socket of @family, @type and @protocol. */
static u8 proto_class(int family, int type, int protocol)
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
 * ctrpolicy_net_import - Add address rules to a policy being built
 * @policy: the policy, with room in @net_rules for these rules
 * @rules: the rules, checked by ctrpolicy_net_rule_check()
 * @n: how many
 */
void ctrpolicy_net_import(struct ctrpolicy_policy *policy,
			  const struct ctrpolicy_net_rule *rules, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		rule_import(&policy->net_rules[policy->n_net_rules++], &rules[i]);
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

static u32 index_slot(const struct ctrpolicy_policy *policy,
		      const struct in6_addr *net, u32 prefix_len)
{
	return jhash2(net->s6_addr32, ARRAY_SIZE(net->s6_addr32), prefix_len) &
	       policy->net_index_mask;
}

/* Index the first rule of each (prefix length, address) of sorted rules. */
static void index_build(struct ctrpolicy_policy *policy)
{
	const struct ctrpolicy_net_addr_rule *rules = policy->net_rules;
	u32 i, slot;

	for (i = 0; i < policy->n_net_rules; i++) {
		if (i && rules[i].prefix_len == rules[i - 1].prefix_len &&
		    ipv6_addr_equal(&rules[i].addr, &rules[i - 1].addr))
			continue;
		slot = index_slot(policy, &rules[i].addr, rules[i].prefix_len);
		while (policy->net_index[slot])
			slot = (slot + 1) & policy->net_index_mask;
		policy->net_index[slot] = i + 1;
	}
}

/**
 * ctrpolicy_net_build - Build the lookup of a policy's address rules
 * @policy: the policy, whose @net_rules were imported and whose @net_levels
 *	has room for %CTRPOLICY_NET_LEVELS levels if it has address rules
 */
void ctrpolicy_net_build(struct ctrpolicy_policy *policy)
{
	struct ctrpolicy_net_addr_rule *rules = policy->net_rules;
	struct ctrpolicy_net_level *level = NULL;
	u32 i;

	sort(rules, policy->n_net_rules, sizeof(*rules), rule_cmp, NULL);
	policy->n_net_levels = 0;
	for (i = 0; i < policy->n_net_rules; i++) {
		if (!level || level->prefix_len != rules[i].prefix_len) {
			level = &policy->net_levels[policy->n_net_levels++];
			level->prefix_len = rules[i].prefix_len;
			level->start = i;
		}
		level->end = i + 1;
	}
	index_build(policy);
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
 * @policy->n_net_rules: one hash and, the index being at most half full, a
 * probe or two, however many rules the policy has.
 */
static u32 rule_find(const struct ctrpolicy_policy *policy,
		     const struct in6_addr *net, u32 prefix_len)
{
	u32 slot = index_slot(policy, net, prefix_len), first;

	while ((first = policy->net_index[slot])) {
		const struct ctrpolicy_net_addr_rule *rule =
			&policy->net_rules[first - 1];

		if (rule->prefix_len == prefix_len &&
		    ipv6_addr_equal(&rule->addr, net))
			return first - 1;
		slot = (slot + 1) & policy->net_index_mask;
	}
	return policy->n_net_rules;
}

/*
 * The action of the longest prefix holding the address that has a rule for
 * the request; deny wins among the rules of one prefix.
 */
static u32 addr_action(const struct ctrpolicy_policy *policy,
		       const struct ctrpolicy_net_request *req)
{
	u32 l;

	for (l = 0; l < policy->n_net_levels; l++) {
		const struct ctrpolicy_net_level *level = &policy->net_levels[l];
		bool allowed = false;
		struct in6_addr net;
		u32 i;

		ipv6_addr_prefix(&net, &req->addr, level->prefix_len);
		for (i = rule_find(policy, &net, level->prefix_len);
		     i < level->end &&
		     ipv6_addr_equal(&policy->net_rules[i].addr, &net); i++) {
			const struct ctrpolicy_net_addr_rule *rule =
				&policy->net_rules[i];

			if (!addr_rule_matches(rule, req))
				continue;
			if (rule->action == CTRPOLICY_ACTION_DENY)
				return CTRPOLICY_ACTION_DENY;
			allowed = true;
		}
		if (allowed)
			return CTRPOLICY_ACTION_ALLOW;
	}
	return policy->net_default;
}

static u32 socket_action(const struct ctrpolicy_policy *policy,
			 const struct ctrpolicy_net_request *req)
{
	u32 i;

	for (i = 0; i < policy->n_socket_rules; i++) {
		const struct ctrpolicy_socket_rule *rule = &policy->socket_rules[i];

		if ((rule->family == AF_UNSPEC || rule->family == req->family) &&
		    proto_matches(rule->proto, req->proto))
			return rule->action;
	}
	return policy->net_default;
}

static bool net_allows(const struct ctrpolicy_policy *policy,
		       const struct ctrpolicy_request *request)
{
	const struct ctrpolicy_net_request *req = request->net;

	if (req->op == CTRPOLICY_NET_OP_SOCKET)
		return socket_action(policy, req) == CTRPOLICY_ACTION_ALLOW;
	return addr_action(policy, req) == CTRPOLICY_ACTION_ALLOW;
}

static int decide(struct ctrpolicy_net_request *req)
{
	struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_NETWORK,
		.operation = net_op_names[req->op],
		.net = req,
	};

	return ctrpolicy_decide(&request, net_allows);
}

/**
 * ctrpolicy_decide_socket_create - Decide the creation of a socket
 * @family: AF_*
 * @type: SOCK_*, without SOCK_NONBLOCK and SOCK_CLOEXEC
 * @protocol: the protocol number asked for
 * @kern: whether the kernel creates it for itself
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_socket_create(int family, int type, int protocol, int kern)
{
	struct ctrpolicy_net_request req = {
		.op = CTRPOLICY_NET_OP_SOCKET,
		.family = family,
		.sock_type = type,
		.protocol = protocol,
	};

	if (kern || ctrpolicy_none_loaded())
		return 0;
	req.proto = proto_class(family, type, protocol);
	return decide(&req);
}

/* Whether address rules decide what @sock does; fills in its class. */
static bool addr_checked(const struct socket *sock,
			 struct ctrpolicy_net_request *req)
{
	const struct sock *sk = sock->sk;

	if (ctrpolicy_none_loaded() || !sk ||
	    (sk->sk_family != AF_INET && sk->sk_family != AF_INET6))
		return false;
	req->sock_type = sk->sk_type;
	req->protocol = sk->sk_protocol;
	req->proto = proto_class(sk->sk_family, sk->sk_type, sk->sk_protocol);
	return true;
}

/* Sockets without ports are port 0 to the rules. */
static u16 port_of(const struct ctrpolicy_net_request *req, __be16 port)
{
	if (req->proto == CTRPOLICY_NET_PROTO_RAW ||
	    req->proto == CTRPOLICY_NET_PROTO_ICMP)
		return 0;
	return ntohs(port);
}

/*
 * Reads an address of @family from @address into @req.  Return: false when
 * @len is too short for it: every protocol of these families refuses such
 * an address with -EINVAL before it uses it.
 */
static bool addr_read(struct ctrpolicy_net_request *req, int family,
		      const struct sockaddr *address, int len)
{
	if (family == AF_INET) {
		const struct sockaddr_in *sin = (const struct sockaddr_in *)address;

		if (len < sizeof(*sin))
			return false;
		ipv6_addr_set_v4mapped(sin->sin_addr.s_addr, &req->addr);
		req->port = port_of(req, sin->sin_port);
	} else {
		const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)address;

		if (len < SIN6_LEN_RFC2133)
			return false;
		req->addr = sin6->sin6_addr;
		req->port = port_of(req, sin6->sin6_port);
	}
	req->family = ipv6_addr_v4mapped(&req->addr) ? AF_INET : AF_INET6;
	return true;
}

/*
 * The family an address given to @sock is read as.  AF_UNSPEC is the
 * socket's own family where the kernel reads it so: in bind(2) on IPv4
 * (INADDR_ANY), and in sendmsg(2) on IPv4 UDP and raw and on IPv6 raw.
 * Return 0 when there is no address to check.
 */
static int addr_family(const struct socket *sock, const struct sockaddr *address,
		       int len)
{
	if (len < offsetofend(struct sockaddr, sa_family))
		return 0;
	switch (address->sa_family) {
	case AF_INET:
	case AF_INET6:
		return address->sa_family;
	case AF_UNSPEC:
		if (sock->sk->sk_family == AF_INET6 && len < SIN6_LEN_RFC2133)
			return 0;
		return sock->sk->sk_family;
	}
	return 0;
}

static int decide_address(struct ctrpolicy_net_request *req,
			  const struct socket *sock,
			  const struct sockaddr *address, int len)
{
	int family = addr_family(sock, address, len);

	if (!family || !addr_read(req, family, address, len))
		return 0;
	return decide(req);
}

/**
 * ctrpolicy_decide_socket_bind - Decide a bind(2)
 * @sock: the socket
 * @address: the local address asked for
 * @addrlen: its length
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_socket_bind(struct socket *sock, struct sockaddr *address,
				 int addrlen)
{
	struct ctrpolicy_net_request req = { .op = CTRPOLICY_NET_OP_BIND };

	if (!addr_checked(sock, &req))
		return 0;
	return decide_address(&req, sock, address, addrlen);
}

/**
 * ctrpolicy_decide_socket_connect - Decide a connect(2)
 * @sock: the socket
 * @address: the peer
 * @addrlen: its length
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_socket_connect(struct socket *sock,
				    struct sockaddr *address, int addrlen)
{
	struct ctrpolicy_net_request req = { .op = CTRPOLICY_NET_OP_CONNECT };

	if (!addr_checked(sock, &req))
		return 0;
	/* A disconnect: what comes after it is checked again. */
	if (addrlen >= offsetofend(struct sockaddr, sa_family) &&
	    address->sa_family == AF_UNSPEC)
		return 0;
	return decide_address(&req, sock, address, addrlen);
}

/**
 * ctrpolicy_decide_socket_listen - Decide a listen(2)
 * @sock: the socket, whose local address and port are checked
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_socket_listen(struct socket *sock)
{
	struct ctrpolicy_net_request req = { .op = CTRPOLICY_NET_OP_LISTEN };
	const struct sock *sk;

	if (!addr_checked(sock, &req))
		return 0;
	sk = sock->sk;
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6)
		req.addr = sk->sk_v6_rcv_saddr;
	else
#endif
		ipv6_addr_set_v4mapped(sk->sk_rcv_saddr, &req.addr);
	req.family = ipv6_addr_v4mapped(&req.addr) ? AF_INET : AF_INET6;
	req.port = port_of(&req, htons(inet_sk(sk)->inet_num));
	return decide(&req);
}

/**
 * ctrpolicy_decide_socket_sendmsg - Decide a message with an address
 * @sock: the socket
 * @msg: the message; only its address (msg_name) is checked
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_socket_sendmsg(struct socket *sock, struct msghdr *msg)
{
	struct ctrpolicy_net_request req = { .op = CTRPOLICY_NET_OP_SEND };

	if (!msg->msg_name || !addr_checked(sock, &req))
		return 0;
	if (sock->sk->sk_type == SOCK_STREAM) {
		/* TCP Fast Open: AF_UNSPEC disconnects as in connect(2). */
		if (msg->msg_namelen >= offsetofend(struct sockaddr, sa_family) &&
		    ((struct sockaddr *)msg->msg_name)->sa_family == AF_UNSPEC)
			return 0;
		req.op = CTRPOLICY_NET_OP_CONNECT;
	}
	return decide_address(&req, sock, msg->msg_name, msg->msg_namelen);
}
