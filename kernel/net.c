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
 *   socket_setsockopt  a source route or routing header set on a socket
 *                   that already has its peer (see below)
 *   sctp_bind_connect  SCTP's address lists: sctp_bindx(), sctp_connectx(),
 *                   sendmsg() that sets up an association (its msg_name;
 *                   SCTP_DSTADDRV4/V6 are checked at socket_sendmsg, as
 *                   SCTP gives them to no hook), SCTP_PRIMARY_ADDR and
 *                   SCTP_SET_PEER_PRIMARY_ADDR
 *
 * Source routes and routing headers (net_route.c finds their hops): every
 * hop is a destination, checked by the rules of the action that sends to
 * it, "connect" or "send" as above, with the action's port.  The socket's
 * own route (set by setsockopt(), whichever way) is checked at connect,
 * listen (an accepted IPv6 socket inherits it) and every sendmsg, with or
 * without an address; a route in sendmsg()'s control messages with the
 * message.  Linux 6.1's socket_setsockopt hook is not given the option's
 * value, so a route cannot be checked where it is set: setting one on a
 * socket that already has its peer (connected, connecting or listening,
 * which would send by it with no further hook: TCP retransmits,
 * sendfile(2), splice(2)) is denied; set it before connect(2).
 *
 * Wildcard destinations: the kernel sends to 0.0.0.0 as to the socket's
 * bound source address, or 127.0.0.1 (ip_route_output_key_hash_rcu()), and
 * to :: as to ::1; connect, send and hops are decided so.
 *
 * Checks happen at use, so a socket opened before its task was confined is
 * checked like any other.  Address rules apply to AF_INET and AF_INET6
 * sockets; an address is read by its own family, as the kernel reads it (an
 * AF_INET6 socket connects to IPv4 with an AF_INET address, and to
 * ::ffff:a.b.c.d), and IPv4-mapped IPv6 addresses are decided as IPv4.
 *
 * Which rules match a request is net_rules.c's concern.
 */

#include <linux/compat.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/ipv6.h>
#include <linux/net.h>
#include <linux/sctp.h>
#include <linux/socket.h>
#include <net/inet_sock.h>
#include <net/ip.h>
#include <net/ipv6.h>
#include <net/sock.h>
#include <net/tcp_states.h>

#include "compat.h"
#include "decide.h"
#include "net.h"
#include "net_route.h"
#include "net_rules.h"
#include "policy.h"
#include "store.h"
#include "syscall.h"

static const char *const net_op_names[] = {
	[CTRPOLICY_NET_OP_SOCKET] = "socket",
	[CTRPOLICY_NET_OP_BIND] = "bind",
	[CTRPOLICY_NET_OP_CONNECT] = "connect",
	[CTRPOLICY_NET_OP_LISTEN] = "listen",
	[CTRPOLICY_NET_OP_SEND] = "send",
};

static bool net_allows(const struct ctrpolicy_policy *policy,
		       const struct ctrpolicy_request *request)
{
	return ctrpolicy_net_action(&policy->net, request->net) ==
	       CTRPOLICY_ACTION_ALLOW;
}

/* The operation of a hop's check, as the denial report names it. */
static const char *const net_hop_names[] = {
	[CTRPOLICY_NET_OP_CONNECT] = "connect-via",
	[CTRPOLICY_NET_OP_SEND] = "send-via",
};

static int decide_as(struct ctrpolicy_net_request *req, const char *operation)
{
	struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_NETWORK,
		.fold = CTRPOLICY_FOLD_NETWORK,
		.operation = operation,
		.net = req,
	};

	return ctrpolicy_decide(&request, net_allows);
}

static int decide(struct ctrpolicy_net_request *req)
{
	return decide_as(req, net_op_names[req->op]);
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
	req.proto = ctrpolicy_net_proto_class(family, type, protocol);
	return decide(&req);
}

/* Whether address rules decide what @sk does; fills in its class. */
static bool sk_checked(const struct sock *sk, struct ctrpolicy_net_request *req)
{
	if (ctrpolicy_none_loaded() || !sk ||
	    (sk->sk_family != AF_INET && sk->sk_family != AF_INET6))
		return false;
	req->sock_type = sk->sk_type;
	req->protocol = sk->sk_protocol;
	req->proto = ctrpolicy_net_proto_class(sk->sk_family, sk->sk_type, sk->sk_protocol);
	return true;
}

static bool addr_checked(const struct socket *sock,
			 struct ctrpolicy_net_request *req)
{
	return sk_checked(sock->sk, req);
}

/* Sockets without ports are port 0 to the rules. */
static u16 port_of(const struct ctrpolicy_net_request *req, __be16 port)
{
	if (req->proto == CTRPOLICY_NET_PROTO_RAW ||
	    req->proto == CTRPOLICY_NET_PROTO_ICMP)
		return 0;
	return ntohs(port);
}

static void set_family(struct ctrpolicy_net_request *req)
{
	req->family = ipv6_addr_v4mapped(&req->addr) ? AF_INET : AF_INET6;
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
	set_family(req);
	return true;
}

/*
 * A destination as the kernel routes it: 0.0.0.0 is the socket's source
 * address, or 127.0.0.1 when it has none (ip_route_output_key_hash_rcu());
 * :: is ::1, or 127.0.0.1 on a socket bound to an IPv4-mapped address
 * (ip6_datagram_connect(), tcp_v6_connect(), udpv6_sendmsg()).
 */
static void dest_as_routed(struct ctrpolicy_net_request *req,
			   const struct sock *sk)
{
	if (req->family == AF_INET && !req->addr.s6_addr32[3]) {
		__be32 saddr = inet_sk(sk)->inet_saddr;

		ipv6_addr_set_v4mapped(saddr ?: htonl(INADDR_LOOPBACK), &req->addr);
	} else if (req->family == AF_INET6 && ipv6_addr_any(&req->addr)) {
#if IS_ENABLED(CONFIG_IPV6)
		if (sk->sk_family == AF_INET6 &&
		    ipv6_addr_v4mapped(&sk->sk_v6_rcv_saddr))
			ipv6_addr_set_v4mapped(htonl(INADDR_LOOPBACK), &req->addr);
		else
#endif
			req->addr = in6addr_loopback;
		set_family(req);
	}
}

/*
 * The family an address given to @sock is read as.  AF_UNSPEC is the
 * socket's own family where the kernel reads it so: in bind(2) on IPv4
 * (INADDR_ANY), and in sendmsg(2) on IPv4 UDP and raw and on IPv6 raw.
 * Return 0 when there is no address to check.
 */
static int addr_family(const struct sock *sk, const struct sockaddr *address,
		       int len)
{
	if (len < offsetofend(struct sockaddr, sa_family))
		return 0;
	switch (address->sa_family) {
	case AF_INET:
	case AF_INET6:
		return address->sa_family;
	case AF_UNSPEC:
		if (sk->sk_family == AF_INET6 && len < SIN6_LEN_RFC2133)
			return 0;
		return sk->sk_family;
	}
	return 0;
}

/*
 * Reads the address the request is about; a destination (connect, send)
 * as the kernel routes it.  Return: false when there is none to check.
 */
static bool read_address(struct ctrpolicy_net_request *req,
			 const struct sock *sk,
			 const struct sockaddr *address, int len)
{
	int family = addr_family(sk, address, len);

	if (!family || !addr_read(req, family, address, len))
		return false;
	if (req->op == CTRPOLICY_NET_OP_CONNECT || req->op == CTRPOLICY_NET_OP_SEND)
		dest_as_routed(req, sk);
	return true;
}

static int decide_address(struct ctrpolicy_net_request *req,
			  const struct sock *sk,
			  const struct sockaddr *address, int len)
{
	if (!read_address(req, sk, address, len))
		return 0;
	return decide(req);
}

/* ---- source routes and routing headers ---------------------------------------- */

/* What a hop is checked as: the action that sends through it. */
struct hop_ctx {
	const struct ctrpolicy_net_request *action;
	const struct sock *sk;
};

static int hop_decide(void *data, const struct in6_addr *hop)
{
	const struct hop_ctx *ctx = data;
	struct ctrpolicy_net_request req = *ctx->action;

	req.addr = *hop;
	set_family(&req);
	dest_as_routed(&req, ctx->sk);
	return decide_as(&req, net_hop_names[req.op]);
}

/*
 * Whether every policy in force allows @req->op to any address: a route
 * that cannot be read is allowed only then.
 */
static bool net_allows_any_address(const struct ctrpolicy_policy *policy,
				   const struct ctrpolicy_request *request)
{
	return ctrpolicy_net_allows_any_address(&policy->net, request->net->op);
}

/*
 * A request whose destination cannot be read: a route set by setsockopt(),
 * whose value the hook is not given; the later messages of a sendmmsg()
 * batch; a header the task writes itself.  Allowed where any destination
 * would be.  @req has the socket's peer, or the address of the call, for
 * the report.
 */
static int decide_unread(struct ctrpolicy_net_request *req,
			       const char *operation)
{
	struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_NETWORK,
		.operation = operation,
		.net = req,
	};

	return ctrpolicy_decide(&request, net_allows_any_address);
}

#if IS_ENABLED(CONFIG_IPV6)
/*
 * The routing headers an IPv6 socket sends by: its own (IPV6_RTHDR,
 * IPV6_2292PKTOPTIONS), and those of its flow labels, which sendmsg() and
 * connect() merge in for a label named by msg_name, a control message or
 * the socket (fl6_merge_options()): each label the socket holds is
 * checked, used or not.  Caller holds rcu_read_lock().
 */
static int decide_route6(const struct sock *sk, struct hop_ctx *ctx)
{
	const struct ipv6_pinfo *np = inet6_sk(sk);
	const struct ipv6_fl_socklist *sfl;
	const struct ipv6_txoptions *opt;
	int err = 0;

	if (!np)
		return 0;
	opt = rcu_dereference(np->opt);
	if (opt && opt->srcrt)
		err = ctrpolicy_route_rthdr(opt->srcrt, ipv6_optlen(opt->srcrt),
					    hop_decide, ctx);
	for (sfl = rcu_dereference(ctrpolicy_ipv6_fl_list(sk)); !err && sfl;
	     sfl = rcu_dereference(sfl->next)) {
		opt = sfl->fl->opt;
		if (opt && opt->srcrt)
			err = ctrpolicy_route_rthdr(opt->srcrt,
						    ipv6_optlen(opt->srcrt),
						    hop_decide, ctx);
	}
	return err;
}
#else
static int decide_route6(const struct sock *sk, struct hop_ctx *ctx)
{
	return 0;
}
#endif

/*
 * Each hop of the routes @action sends by: the socket's own, whichever
 * family set it (an AF_INET6 socket takes IP_OPTIONS for its IPv4 peers),
 * and those of @msg's control messages.
 */
static int decide_route(const struct ctrpolicy_net_request *action,
			const struct sock *sk, const struct msghdr *msg)
{
	struct hop_ctx ctx = { .action = action, .sk = sk };
	const struct ip_options_rcu *inet_opt;
	int err = 0;

	rcu_read_lock();
	inet_opt = rcu_dereference(inet_sk(sk)->inet_opt);
	if (inet_opt)
		err = ctrpolicy_route_ip_options(&inet_opt->opt, hop_decide, &ctx);
	if (!err)
		err = decide_route6(sk, &ctx);
	rcu_read_unlock();
	if (err || !msg || !msg->msg_controllen)
		return err;
	/*
	 * ____sys_sendmsg() copies control data into the kernel before this
	 * hook; should a caller not, the data cannot be read here.
	 */
	if (msg->msg_control_is_user) {
		struct ctrpolicy_net_request req = *action;

		return decide_unread(&req, "route-unread");
	}
	return ctrpolicy_route_cmsgs(msg, hop_decide, &ctx);
}

/* The socket's peer into @req (for a report), or nothing. */
static void peer_read(struct ctrpolicy_net_request *req, const struct sock *sk)
{
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6)
		req->addr = sk->sk_v6_daddr;
	else
#endif
		ipv6_addr_set_v4mapped(sk->sk_daddr, &req->addr);
	set_family(req);
	req->port = port_of(req, sk->sk_dport);
}

/* ---- the hooks ---------------------------------------------------------------- */

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
	return decide_address(&req, sock->sk, address, addrlen);
}

/**
 * ctrpolicy_decide_socket_connect - Decide a connect(2)
 * @sock: the socket
 * @address: the peer
 * @addrlen: its length
 *
 * The peer as the kernel routes it (a wildcard is a local address), and
 * each hop of the socket's source route or routing header.
 *
 * Return: 0 when allowed, -EPERM when the peer or a hop is denied.
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
	if (!read_address(&req, sock->sk, address, addrlen))
		return 0;
	return decide(&req) ?: decide_route(&req, sock->sk, NULL);
}

/**
 * ctrpolicy_decide_socket_listen - Decide a listen(2)
 * @sock: the socket, whose local address and port are checked
 *
 * Also each hop of its routing header, which its SYN-ACKs take and its
 * accepted IPv6 sockets inherit, as "connect" with port 0 (the peers are
 * not known yet).
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_socket_listen(struct socket *sock)
{
	struct ctrpolicy_net_request req = { .op = CTRPOLICY_NET_OP_LISTEN };
	const struct sock *sk;
	int err;

	if (!addr_checked(sock, &req))
		return 0;
	sk = sock->sk;
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6)
		req.addr = sk->sk_v6_rcv_saddr;
	else
#endif
		ipv6_addr_set_v4mapped(sk->sk_rcv_saddr, &req.addr);
	set_family(&req);
	req.port = port_of(&req, htons(inet_sk(sk)->inet_num));
	err = decide(&req);
	if (err)
		return err;
	req.op = CTRPOLICY_NET_OP_CONNECT;
	req.port = 0;
	return decide_route(&req, sk, NULL);
}

/*
 * SCTP_DSTADDRV4/V6 control messages: more peers of the association that
 * sendmsg() sets up (sctp_sendmsg_new_asoc() adds them with no hook of
 * their own), with msg_name's port; "connect", as the association's.
 */
static int decide_sctp_dstaddrs(const struct ctrpolicy_net_request *action,
				const struct sock *sk, struct msghdr *msg)
{
	struct ctrpolicy_net_request req = *action;
	struct cmsghdr *cmsg;
	int err;

	if (sk->sk_protocol != IPPROTO_SCTP || !msg->msg_controllen ||
	    msg->msg_control_is_user)
		return 0;
	req.op = CTRPOLICY_NET_OP_CONNECT;
	for_each_cmsghdr(cmsg, msg) {
		if (!CMSG_OK(msg, cmsg))
			break;
		if (cmsg->cmsg_level != IPPROTO_SCTP)
			continue;
		if (cmsg->cmsg_type == SCTP_DSTADDRV4 &&
		    cmsg->cmsg_len >= CMSG_LEN(sizeof(struct in_addr))) {
			struct in_addr a;

			memcpy(&a, CMSG_DATA(cmsg), sizeof(a));
			ipv6_addr_set_v4mapped(a.s_addr, &req.addr);
		} else if (cmsg->cmsg_type == SCTP_DSTADDRV6 &&
			   cmsg->cmsg_len >= CMSG_LEN(sizeof(struct in6_addr))) {
			memcpy(&req.addr, CMSG_DATA(cmsg), sizeof(req.addr));
		} else {
			continue;
		}
		set_family(&req);
		dest_as_routed(&req, sk);
		err = decide(&req);
		if (err)
			return err;
	}
	return 0;
}

/*
 * Whether the current task is in a sendmmsg(2) of more than one message,
 * or of a count not known here (socketcall(2) keeps its arguments in the
 * task's memory).  In such a batch the kernel checks only the first
 * message of a run to one address: the next ones pass no hook
 * (____sys_sendmsg()'s used_address), their control messages included.
 */
static bool in_sendmmsg_batch(void)
{
	unsigned long args[6];
	long nr = ctrpolicy_syscall_nr();

	if (!in_compat_syscall()) {
		if (nr != __NR_sendmmsg)
			return false;
	} else if (nr == __NR_ia32_socketcall) {
		ctrpolicy_syscall_args(args);
		return args[0] == SYS_SENDMMSG;
	} else if (nr != __NR_ia32_sendmmsg && nr != __NR_x32_sendmmsg) {
		return false;
	}
	ctrpolicy_syscall_args(args);
	return args[2] > 1;	/* vlen */
}

/*
 * A packet whose headers the task writes itself, on a packet socket or a
 * raw IP socket with IP_HDRINCL (IPPROTO_RAW's too): its destination, and
 * what it carries (a TCP SYN, say), are in data no hook reads.  Allowed
 * only where the policies allow send and connect to every address.
 */
static int decide_own_headers(struct ctrpolicy_net_request *req)
{
	int err;

	req->op = CTRPOLICY_NET_OP_SEND;
	err = decide_unread(req, "send-own-headers");
	if (err)
		return err;
	req->op = CTRPOLICY_NET_OP_CONNECT;
	return decide_unread(req, "send-own-headers");
}

/* A packet socket's message: ctrpolicy_decide_socket_sendmsg(). */
static int decide_packet_sendmsg(const struct sock *sk)
{
	struct ctrpolicy_net_request req = {
		.family = AF_PACKET,
		.sock_type = sk->sk_type,
		.protocol = sk->sk_protocol,
	};

	req.proto = ctrpolicy_net_proto_class(AF_PACKET, sk->sk_type,
					      sk->sk_protocol);
	return decide_own_headers(&req);
}

/**
 * ctrpolicy_decide_socket_sendmsg - Decide a message
 * @sock: the socket
 * @msg: the message: its address (msg_name), the source routes and
 *	routing headers of its control messages, and SCTP's further peers
 *	(SCTP_DSTADDRV4/V6)
 *
 * A message with an address is checked by it; every message by the hops
 * of the routes it is sent by (the socket's and its own), with or without
 * an address: "send" on a datagram or raw socket, "connect" on a stream
 * socket.  The first message with an address of a sendmmsg(2) batch
 * stands for the messages after it, which the kernel may send unchecked
 * with routes of their own: the batch is allowed only where the operation
 * is allowed to every address (a connected socket's batches are checked
 * message by message).  A packet socket's message, and a raw IP socket's
 * that brings its own IP header, go only where the policies allow send and
 * connect to every address.
 *
 * Return: 0 when allowed, -EPERM when the address or a hop is denied.
 */
int ctrpolicy_decide_socket_sendmsg(struct socket *sock, struct msghdr *msg)
{
	struct ctrpolicy_net_request req = { .op = CTRPOLICY_NET_OP_SEND };
	int err;

	if (!addr_checked(sock, &req)) {
		if (sock->sk && sock->sk->sk_family == AF_PACKET &&
		    !ctrpolicy_none_loaded())
			return decide_packet_sendmsg(sock->sk);
		return 0;
	}
	if (sock->sk->sk_type == SOCK_RAW && ctrpolicy_inet_hdrincl(sock->sk)) {
		if (msg->msg_name)
			read_address(&req, sock->sk, msg->msg_name, msg->msg_namelen);
		return decide_own_headers(&req);
	}
	if (sock->sk->sk_type == SOCK_STREAM) {
		/* TCP Fast Open: AF_UNSPEC disconnects as in connect(2). */
		if (msg->msg_name &&
		    msg->msg_namelen >= offsetofend(struct sockaddr, sa_family) &&
		    ((struct sockaddr *)msg->msg_name)->sa_family == AF_UNSPEC)
			return 0;
		req.op = CTRPOLICY_NET_OP_CONNECT;
	}
	if (msg->msg_name &&
	    read_address(&req, sock->sk, msg->msg_name, msg->msg_namelen)) {
		err = decide(&req);
		if (!err && ctrpolicy_current_confined() && in_sendmmsg_batch())
			err = decide_unread(&req, "sendmmsg-batch");
		if (err)
			return err;
	} else {
		peer_read(&req, sock->sk);
	}
	return decide_sctp_dstaddrs(&req, sock->sk, msg) ?:
	       decide_route(&req, sock->sk, msg);
}

/* Whether setsockopt(@level, @optname) may give a socket a route. */
static bool sets_route(int level, int optname)
{
	if (level == SOL_IP)
		return optname == IP_OPTIONS;
	if (level == SOL_IPV6)
		return optname == IPV6_RTHDR || optname == IPV6_2292PKTOPTIONS ||
		       optname == IPV6_FLOWLABEL_MGR;
	return false;
}

/**
 * ctrpolicy_decide_socket_setsockopt - Decide a route set on a socket
 * @sock: the socket
 * @level: the option's level
 * @optname: the option
 *
 * A source route or routing header (IP_OPTIONS, IPV6_RTHDR,
 * IPV6_2292PKTOPTIONS, a flow label's by IPV6_FLOWLABEL_MGR).  The hook is
 * not given the option's value, and a route stored on a socket is used
 * where no hook sees: retransmits, sendfile(2), and a connect() or send()
 * of another thread that passed its own check just before the route was
 * stored.  So it is allowed only where the policies allow the socket's
 * action ("connect" on a stream socket, "send" otherwise) to any address,
 * whatever the socket's state.  Routes in control messages are checked hop
 * by hop, and a route stored before the task was confined when the socket
 * connects or sends.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_socket_setsockopt(struct socket *sock, int level,
				       int optname)
{
	struct ctrpolicy_net_request req = { .op = CTRPOLICY_NET_OP_SEND };
	const struct sock *sk = sock->sk;

	if (!sets_route(level, optname) || !addr_checked(sock, &req))
		return 0;
	if (sk->sk_type == SOCK_STREAM)
		req.op = CTRPOLICY_NET_OP_CONNECT;
	peer_read(&req, sk);
	return decide_unread(&req, "set-route");
}

/* What an address of security_sctp_bind_connect() is to the rules. */
static u32 sctp_op(int optname)
{
	switch (optname) {
	case SCTP_SOCKOPT_BINDX_ADD:
	/* Asks the peer to send to one of our addresses. */
	case SCTP_SET_PEER_PRIMARY_ADDR:
		return CTRPOLICY_NET_OP_BIND;
	default:
		/*
		 * SCTP_SOCKOPT_CONNECTX (and _OLD, CONNECTX3),
		 * SCTP_SENDMSG_CONNECT (msg_name, SCTP_DSTADDRV4/V6,
		 * SCTP_SENDALL's new associations), SCTP_PRIMARY_ADDR and a
		 * peer's ASCONF (SCTP_PARAM_ADD_IP, SCTP_PARAM_SET_PRIMARY):
		 * where the association sends.
		 */
		return CTRPOLICY_NET_OP_CONNECT;
	}
}

/**
 * ctrpolicy_decide_sctp_bind_connect - Decide SCTP's addresses
 * @sk: the SCTP socket
 * @optname: what they are for (SCTP_SOCKOPT_BINDX_ADD, ...)
 * @address: the addresses, packed: each a sockaddr_in or sockaddr_in6 by
 *	its family; a kernel buffer
 * @addrlen: the length of them all
 *
 * Each address is checked as bind (sctp_bindx(), SCTP_SET_PEER_PRIMARY_ADDR)
 * or connect (the others), with its own port, a destination as the kernel
 * routes it.
 *
 * Return: 0 when allowed, -EPERM when an address is denied, -EINVAL when
 * a confined task gives a list the walk cannot read (SCTP refuses those
 * too, as SELinux's hook does).
 */
int ctrpolicy_decide_sctp_bind_connect(struct sock *sk, int optname,
				       struct sockaddr *address, int addrlen)
{
	struct ctrpolicy_net_request req = { .op = sctp_op(optname) };
	int off, len, err;

	if (!sk_checked(sk, &req) || addrlen <= 0)
		return 0;
	for (off = 0; off < addrlen; off += len) {
		const struct sockaddr *sa = (void *)address + off;

		if (addrlen - off < offsetofend(struct sockaddr, sa_family))
			goto invalid;
		switch (sa->sa_family) {
		case AF_INET:
			len = sizeof(struct sockaddr_in);
			break;
		case AF_INET6:
			len = sizeof(struct sockaddr_in6);
			break;
		default:
			goto invalid;
		}
		if (len > addrlen - off)
			goto invalid;
		if (!read_address(&req, sk, sa, len))
			goto invalid;
		err = decide(&req);
		if (err)
			return err;
	}
	return 0;

invalid:
	return ctrpolicy_current_confined() ? -EINVAL : 0;
}
