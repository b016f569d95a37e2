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
 * Which rules match a request is net_rules.c's concern.
 */

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <net/inet_sock.h>
#include <net/ipv6.h>
#include <net/sock.h>

#include "decide.h"
#include "net.h"
#include "net_rules.h"
#include "policy.h"
#include "store.h"

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
	req.proto = ctrpolicy_net_proto_class(family, type, protocol);
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
	req->proto = ctrpolicy_net_proto_class(sk->sk_family, sk->sk_type, sk->sk_protocol);
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
