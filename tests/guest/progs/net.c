// SPDX-License-Identifier: GPL-2.0
/*
 * net - perform one network operation and report how it went.
 *
 *   net [OPTIONS] OP [ARGS]
 *
 * ADDR is an IPv4 or IPv6 literal; it chooses the socket's family, so
 * ::ffff:a.b.c.d is an IPv4-mapped address on an AF_INET6 socket.
 *
 * Options:
 *   --expect ERRNO   the operation must fail with exactly this errno, named
 *                    as in errno.h (EPERM, ECONNREFUSED, EINPROGRESS, ...)
 *   --echo           once the operation succeeded, the peer (net serve)
 *                    must echo what was sent: the connection really works
 *   --nonblock       a non-blocking socket (connect: EINPROGRESS)
 *   --hold READY GO  after creating the socket, create the file READY and
 *                    wait until the file GO exists: a test can load a
 *                    policy between a socket's creation and its use
 *
 * Prints one line, "OP: succeeded" or "OP: failed: ENAME (message)", and
 * exits 0 when that outcome is the expected one (success without
 * --expect), 1 when it is not, 2 on a usage error, and 3 when a step
 * before the operation failed (creating the socket, the bind before a
 * listen, the first connect before a reconnect): a denial there is never
 * taken for one of the operation itself.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <netinet/icmp6.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <linux/io_uring.h>
#include <linux/sctp.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define PAYLOAD "ctrpolicy-net"
#define EXIT_SETUP 3

static struct {
	bool echo, nonblock;
	const char *ready, *go;
	bool hold_later;	/* the operation holds after its setup */
} opt;

static const char *op_name;

struct addr {
	struct sockaddr_storage ss;
	socklen_t len;
	int family;
};

static void usage(void);

/* A step before the operation failed: say which, and leave. */
static void setup_failed(const char *step)
{
	int err = errno;

	printf("%s: %s failed: %s (%s)\n", op_name, step,
	       strerrorname_np(err) ?: "E?", strerror(err));
	exit(EXIT_SETUP);
}

static void parse_addr(const char *text, const char *port, struct addr *a)
{
	struct sockaddr_in *in = (struct sockaddr_in *)&a->ss;
	struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&a->ss;
	char *end;
	long p = strtol(port, &end, 10);

	if (*end || p < 0 || p > 65535)
		usage();
	memset(a, 0, sizeof(*a));
	if (inet_pton(AF_INET, text, &in->sin_addr) == 1) {
		in->sin_family = a->family = AF_INET;
		in->sin_port = htons(p);
		a->len = sizeof(*in);
	} else if (inet_pton(AF_INET6, text, &in6->sin6_addr) == 1) {
		in6->sin6_family = a->family = AF_INET6;
		in6->sin6_port = htons(p);
		a->len = sizeof(*in6);
	} else {
		fprintf(stderr, "net: not an IPv4 or IPv6 address: %s\n", text);
		exit(2);
	}
}

static const struct name_value {
	const char *name;
	int value;
} families[] = {
	{ "unspec", AF_UNSPEC }, { "unix", AF_UNIX }, { "inet", AF_INET },
	{ "inet6", AF_INET6 }, { "netlink", AF_NETLINK }, { "packet", AF_PACKET },
}, types[] = {
	{ "stream", SOCK_STREAM }, { "dgram", SOCK_DGRAM }, { "raw", SOCK_RAW },
	{ "seqpacket", SOCK_SEQPACKET },
}, protocols[] = {
	{ "tcp", IPPROTO_TCP }, { "udp", IPPROTO_UDP }, { "icmp", IPPROTO_ICMP },
	{ "icmpv6", IPPROTO_ICMPV6 }, { "raw", IPPROTO_RAW },
	{ "all", ETH_P_ALL },
};

/* NAME from the table, or a number. */
static int lookup(const struct name_value *table, size_t n, const char *name)
{
	char *end;
	long v;
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(table[i].name, name))
			return table[i].value;
	v = strtol(name, &end, 0);
	if (*end || end == name)
		usage();
	return v;
}

/* With --hold: create the file READY, wait for the file GO. */
static void hold(void)
{
	int r;

	if (!opt.ready)
		return;
	r = open(opt.ready, O_WRONLY | O_CREAT, 0644);
	if (r < 0)
		setup_failed("creating the ready file");
	close(r);
	while (access(opt.go, F_OK))
		usleep(10000);
}

/* A socket; with --hold, the pause between its creation and its use. */
static int open_socket(int family, int type, int protocol)
{
	int fd = socket(family, type | (opt.nonblock ? SOCK_NONBLOCK : 0), protocol);
	struct timeval tv = { .tv_sec = 5 };

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (!opt.hold_later)
		hold();
	return fd;
}

/* The socket for PROTO (tcp, udp, icmp: a ping socket) of FAMILY. */
static int proto_socket(const char *proto, int family)
{
	int fd;

	if (!strcmp(proto, "tcp"))
		fd = open_socket(family, SOCK_STREAM, IPPROTO_TCP);
	else if (!strcmp(proto, "udp"))
		fd = open_socket(family, SOCK_DGRAM, IPPROTO_UDP);
	else if (!strcmp(proto, "icmp"))
		fd = open_socket(family, SOCK_DGRAM,
				 family == AF_INET6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);
	else
		usage();
	if (fd < 0)
		setup_failed("socket");
	return fd;
}

/* Whether FD is a ping socket. */
static bool is_icmp(int fd)
{
	int protocol = 0;
	socklen_t len = sizeof(protocol);

	getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &protocol, &len);
	return protocol == IPPROTO_ICMP || protocol == IPPROTO_ICMPV6;
}

/*
 * What to send: PAYLOAD, behind an echo request header on a ping socket
 * (the kernel fills in its identifier and checksum).
 */
static size_t message(int fd, char *buf, size_t size)
{
	size_t header = is_icmp(fd) ? 8 : 0;
	int family = AF_INET;
	socklen_t len = sizeof(family);

	memset(buf, 0, size);
	if (header) {
		getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &family, &len);
		buf[0] = family == AF_INET6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
	}
	memcpy(buf + header, PAYLOAD, sizeof(PAYLOAD));
	return header + sizeof(PAYLOAD);
}

/*
 * --echo: the peer's reply to what message() made arrives (already sent if
 * SENT): the same data from net serve, an echo reply with the same payload
 * on a ping socket.
 */
static int check_echo(int fd, bool sent)
{
	char out[64], in[64];
	size_t len = message(fd, out, sizeof(out)), got = 0;
	size_t header = is_icmp(fd) ? 8 : 0;
	ssize_t n;

	if (!opt.echo)
		return 0;
	if (!sent && send(fd, out, len, 0) != (ssize_t)len)
		setup_failed("sending for the echo");
	if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK))
		setup_failed("fcntl");
	while (got < len) {
		n = recv(fd, in + got, sizeof(in) - got, 0);
		if (n <= 0) {
			if (n == 0)
				errno = ECONNRESET;
			printf("%s: no echo: %s (%s)\n", op_name,
			       strerrorname_np(errno) ?: "E?", strerror(errno));
			exit(1);
		}
		got += n;
	}
	if (got != len || memcmp(in + header, out + header, len - header) ||
	    (header && in[0] != ICMP_ECHOREPLY && (unsigned char)in[0] != ICMP6_ECHO_REPLY)) {
		printf("%s: the echo differs from what was sent\n", op_name);
		exit(1);
	}
	printf("%s: echo received\n", op_name);
	return 0;
}

/* FAMILY TYPE PROTOCOL; a packet socket's protocol in network byte order. */
static void socket_args(char **args, int *family, int *type, int *protocol)
{
	*family = lookup(families, ARRAY_SIZE(families), args[0]);
	*type = lookup(types, ARRAY_SIZE(types), args[1]);
	*protocol = lookup(protocols, ARRAY_SIZE(protocols), args[2]);
	if (*family == AF_PACKET)
		*protocol = htons(*protocol);
}

/* socket FAMILY TYPE PROTOCOL */
static int do_socket(char **args)
{
	int family, type, protocol;

	socket_args(args, &family, &type, &protocol);
	return open_socket(family, type, protocol) < 0 ? -1 : 0;
}

/* connect tcp|udp|icmp ADDR PORT */
static int do_connect(char **args)
{
	struct addr a;
	int fd;

	parse_addr(args[1], args[2], &a);
	fd = proto_socket(args[0], a.family);
	if (connect(fd, (struct sockaddr *)&a.ss, a.len))
		return -1;
	return check_echo(fd, false);
}

/*
 * connect-ports tcp|udp ADDR FIRST LAST: a connect to each port from FIRST
 * to LAST, each from a socket of its own, in this one process: as many
 * distinct requests, and nothing else in between.  A TCP connect may be
 * refused (nothing listens); it stops at any other failure.
 */
static int do_connect_ports(char **args)
{
	long first = strtol(args[2], NULL, 10), last = strtol(args[3], NULL, 10);
	char port[8];
	struct addr a;
	long p;
	int fd;

	if (first < 1 || last > 65535 || first > last)
		usage();
	for (p = first; p <= last; p++) {
		snprintf(port, sizeof(port), "%ld", p);
		parse_addr(args[1], port, &a);
		fd = proto_socket(args[0], a.family);
		if (connect(fd, (struct sockaddr *)&a.ss, a.len) && errno != ECONNREFUSED)
			return -1;
		close(fd);
	}
	return 0;
}

/* bind tcp|udp ADDR PORT */
static int do_bind(char **args)
{
	struct addr a;
	int fd;

	parse_addr(args[1], args[2], &a);
	fd = proto_socket(args[0], a.family);
	return bind(fd, (struct sockaddr *)&a.ss, a.len);
}

/*
 * bind-unspec tcp|udp PORT: an AF_INET socket bound to an AF_UNSPEC
 * address, which the kernel takes for INADDR_ANY.
 */
static int do_bind_unspec(char **args)
{
	struct addr a;
	int fd;

	parse_addr("0.0.0.0", args[1], &a);
	fd = proto_socket(args[0], AF_INET);
	((struct sockaddr_in *)&a.ss)->sin_family = AF_UNSPEC;
	return bind(fd, (struct sockaddr *)&a.ss, a.len);
}

/* listen ADDR PORT (bound first), or listen inet|inet6 (never bound) */
static int do_listen(char **args)
{
	struct addr a;
	int fd;

	if (!strcmp(args[0], "inet") || !strcmp(args[0], "inet6")) {
		if (args[1])
			usage();
		fd = proto_socket("tcp", !strcmp(args[0], "inet") ? AF_INET : AF_INET6);
	} else {
		if (!args[1])
			usage();
		parse_addr(args[0], args[1], &a);
		fd = proto_socket("tcp", a.family);
		if (bind(fd, (struct sockaddr *)&a.ss, a.len))
			setup_failed("bind");
	}
	return listen(fd, 1);
}

/* sendto udp|icmp ADDR PORT: no connect, the address with the data */
static int do_sendto(char **args)
{
	char buf[64];
	struct addr a;
	size_t len;
	int fd;

	parse_addr(args[1], args[2], &a);
	fd = proto_socket(args[0], a.family);
	len = message(fd, buf, sizeof(buf));
	if (sendto(fd, buf, len, 0, (struct sockaddr *)&a.ss, a.len) != (ssize_t)len)
		return -1;
	return check_echo(fd, true);
}

/* sendmsg udp|icmp ADDR PORT: the address as msg_name */
static int do_sendmsg(char **args)
{
	char buf[64];
	struct addr a;
	struct iovec iov = { .iov_base = buf };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	int fd;

	parse_addr(args[1], args[2], &a);
	fd = proto_socket(args[0], a.family);
	iov.iov_len = message(fd, buf, sizeof(buf));
	msg.msg_name = &a.ss;
	msg.msg_namelen = a.len;
	if (sendmsg(fd, &msg, 0) != (ssize_t)iov.iov_len)
		return -1;
	return check_echo(fd, true);
}

/* sendmmsg udp|icmp ADDR PORT: one message, its address as msg_name */
static int do_sendmmsg(char **args)
{
	char buf[64];
	struct addr a;
	struct iovec iov = { .iov_base = buf };
	struct mmsghdr mm = { .msg_hdr = { .msg_iov = &iov, .msg_iovlen = 1 } };
	int fd;

	parse_addr(args[1], args[2], &a);
	fd = proto_socket(args[0], a.family);
	iov.iov_len = message(fd, buf, sizeof(buf));
	mm.msg_hdr.msg_name = &a.ss;
	mm.msg_hdr.msg_namelen = a.len;
	if (sendmmsg(fd, &mm, 1, 0) != 1)
		return -1;
	return check_echo(fd, true);
}

/*
 * fastopen ADDR PORT: TCP Fast Open, sendto(MSG_FASTOPEN) with the address
 * on a socket that never called connect().
 */
static int do_fastopen(char **args)
{
	struct addr a;
	int fd;

	parse_addr(args[0], args[1], &a);
	fd = proto_socket("tcp", a.family);
	if (sendto(fd, PAYLOAD, sizeof(PAYLOAD), MSG_FASTOPEN,
		   (struct sockaddr *)&a.ss, a.len) != sizeof(PAYLOAD))
		return -1;
	return check_echo(fd, true);
}

/*
 * reconnect udp|tcp ADDR1 PORT1 ADDR2 PORT2: connect to the first address,
 * dissolve the association with connect(AF_UNSPEC), connect to the second.
 */
static int do_reconnect(char **args)
{
	struct sockaddr unspec = { .sa_family = AF_UNSPEC };
	struct addr a, b;
	int fd;

	parse_addr(args[1], args[2], &a);
	parse_addr(args[3], args[4], &b);
	fd = proto_socket(args[0], a.family);
	if (connect(fd, (struct sockaddr *)&a.ss, a.len))
		setup_failed("the first connect");
	if (connect(fd, &unspec, sizeof(unspec)))
		setup_failed("connect(AF_UNSPEC)");
	printf("%s: connected, then disconnected with AF_UNSPEC\n", op_name);
	if (connect(fd, (struct sockaddr *)&b.ss, b.len))
		return -1;
	return check_echo(fd, false);
}

/* ---- io_uring, by its system calls ----------------------------------------- */

struct ring {
	int fd;
	struct io_uring_sqe *sqes;
	unsigned int *sq_tail, *sq_mask, *sq_array;
	unsigned int *cq_head, *cq_tail, *cq_mask;
	struct io_uring_cqe *cqes;
};

static void ring_setup(struct ring *r)
{
	struct io_uring_params p;
	size_t sq_size, cq_size;
	char *sq, *cq;

	memset(&p, 0, sizeof(p));
	r->fd = syscall(SYS_io_uring_setup, 4, &p);
	if (r->fd < 0)
		setup_failed("io_uring_setup");
	sq_size = p.sq_off.array + p.sq_entries * sizeof(unsigned int);
	cq_size = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
	if (p.features & IORING_FEAT_SINGLE_MMAP && cq_size > sq_size)
		sq_size = cq_size;
	sq = mmap(NULL, sq_size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
		  r->fd, IORING_OFF_SQ_RING);
	if (sq == MAP_FAILED)
		setup_failed("mmap of the submission ring");
	cq = sq;
	if (!(p.features & IORING_FEAT_SINGLE_MMAP)) {
		cq = mmap(NULL, cq_size, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_POPULATE, r->fd, IORING_OFF_CQ_RING);
		if (cq == MAP_FAILED)
			setup_failed("mmap of the completion ring");
	}
	r->sqes = mmap(NULL, p.sq_entries * sizeof(struct io_uring_sqe),
		       PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE,
		       r->fd, IORING_OFF_SQES);
	if (r->sqes == MAP_FAILED)
		setup_failed("mmap of the submission entries");
	r->sq_tail = (unsigned int *)(sq + p.sq_off.tail);
	r->sq_mask = (unsigned int *)(sq + p.sq_off.ring_mask);
	r->sq_array = (unsigned int *)(sq + p.sq_off.array);
	r->cq_head = (unsigned int *)(cq + p.cq_off.head);
	r->cq_tail = (unsigned int *)(cq + p.cq_off.tail);
	r->cq_mask = (unsigned int *)(cq + p.cq_off.ring_mask);
	r->cqes = (struct io_uring_cqe *)(cq + p.cq_off.cqes);
}

/* Submit SQE, wait for its completion: its result (a negative errno). */
static int ring_run(struct ring *r, const struct io_uring_sqe *sqe)
{
	unsigned int tail = *r->sq_tail, index = tail & *r->sq_mask, head;
	int res;

	r->sqes[index] = *sqe;
	r->sq_array[index] = index;
	__atomic_store_n(r->sq_tail, tail + 1, __ATOMIC_RELEASE);
	if (syscall(SYS_io_uring_enter, r->fd, 1, 1, IORING_ENTER_GETEVENTS, NULL, 0) < 0)
		setup_failed("io_uring_enter");
	head = *r->cq_head;
	if (head == __atomic_load_n(r->cq_tail, __ATOMIC_ACQUIRE)) {
		errno = EIO;
		setup_failed("io_uring: no completion");
	}
	res = r->cqes[head & *r->cq_mask].res;
	__atomic_store_n(r->cq_head, head + 1, __ATOMIC_RELEASE);
	return res;
}

/* uring-connect ADDR PORT: a TCP connect by IORING_OP_CONNECT */
static int do_uring_connect(char **args)
{
	struct io_uring_sqe sqe;
	struct ring r;
	struct addr a;
	int fd, res;

	parse_addr(args[0], args[1], &a);
	fd = proto_socket("tcp", a.family);
	ring_setup(&r);
	memset(&sqe, 0, sizeof(sqe));
	sqe.opcode = IORING_OP_CONNECT;
	sqe.fd = fd;
	sqe.addr = (uintptr_t)&a.ss;
	sqe.off = a.len;
	res = ring_run(&r, &sqe);
	if (res < 0) {
		errno = -res;
		return -1;
	}
	return check_echo(fd, false);
}

/* uring-socket FAMILY TYPE PROTOCOL: a socket by IORING_OP_SOCKET */
static int do_uring_socket(char **args)
{
	struct io_uring_sqe sqe;
	int family, type, protocol, res;
	struct ring r;

	ring_setup(&r);
	memset(&sqe, 0, sizeof(sqe));
	sqe.opcode = IORING_OP_SOCKET;
	socket_args(args, &family, &type, &protocol);
	sqe.fd = family;
	sqe.off = type;
	sqe.len = protocol;
	res = ring_run(&r, &sqe);
	if (res < 0) {
		errno = -res;
		return -1;
	}
	return 0;
}

/* ---- source routes and routing headers ------------------------------------------ */

/* The route of one test: its hops, as options of the destination's family. */
struct route {
	unsigned char buf[512];
	socklen_t len;
};

/* HOPS (comma-separated) as an IPv4 LSRR option, or an IPv6 routing header:
 * type 2 for one hop (TYPE2), else segment routing (type 4), to DEST. */
static void route_build(struct route *r, int family, char *hops,
			const struct addr *dest, bool type2)
{
	struct in6_addr hop6[8];
	struct in_addr hop4[9];
	char *h, *save = NULL;
	int n = 0, i;

	memset(r, 0, sizeof(*r));
	for (h = strtok_r(hops, ",", &save); h; h = strtok_r(NULL, ",", &save)) {
		if (n >= 8 ||
		    inet_pton(family, h, family == AF_INET ? (void *)&hop4[n] : &hop6[n]) != 1) {
			fprintf(stderr, "net: bad hop for this family: %s\n", h);
			exit(2);
		}
		n++;
	}
	if (family == AF_INET) {
		r->buf[0] = 1;			/* IPOPT_NOOP */
		r->buf[1] = 131;		/* IPOPT_LSRR */
		r->buf[2] = 3 + 4 * n;
		r->buf[3] = 4;
		memcpy(r->buf + 4, hop4, 4 * n);
		r->len = 4 + 4 * n;
	} else if (type2) {
		if (n != 1)
			usage();
		r->buf[1] = 2;			/* hdrlen */
		r->buf[2] = 2;			/* type 2 */
		r->buf[3] = 1;			/* segments left */
		memcpy(r->buf + 8, &hop6[0], 16);
		r->len = 24;
	} else {
		struct in6_addr *seg = (struct in6_addr *)(r->buf + 8);

		r->buf[1] = 2 * (n + 1);
		r->buf[2] = 4;
		r->buf[3] = n;			/* segments left */
		r->buf[4] = n;			/* first (last) segment */
		seg[0] = ((const struct sockaddr_in6 *)&dest->ss)->sin6_addr;
		for (i = 0; i < n; i++)
			seg[n - i] = hop6[i];
		r->len = 8 + 16 * (n + 1);
	}
}

static int route_set(int fd, int family, const struct route *r)
{
	if (family == AF_INET)
		return setsockopt(fd, IPPROTO_IP, IP_OPTIONS, r->buf, r->len);
	return setsockopt(fd, IPPROTO_IPV6, IPV6_RTHDR, r->buf, r->len);
}

/* One datagram to A, or with A NULL to the connected peer; CMSG if given. */
static int route_send(int fd, const struct addr *a, const void *cmsg, size_t cmsglen)
{
	char buf[64];
	struct iovec iov = { .iov_base = buf, .iov_len = message(fd, buf, sizeof(buf)) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
			      .msg_control = (void *)cmsg, .msg_controllen = cmsglen };

	if (a) {
		msg.msg_name = (void *)&a->ss;
		msg.msg_namelen = a->len;
	}
	return sendmsg(fd, &msg, 0) == (ssize_t)iov.iov_len ? 0 : -1;
}

/*
 * Two datagrams to A in one sendmmsg(2), the second with control message
 * CMSG: the kernel passes the second to no hook (same address).
 */
static int route_sendmmsg(int fd, const struct addr *a, const void *cmsg,
			  size_t cmsglen)
{
	char buf[64];
	struct iovec iov = { .iov_base = buf, .iov_len = message(fd, buf, sizeof(buf)) };
	struct mmsghdr mm[2];
	int i;

	memset(mm, 0, sizeof(mm));
	for (i = 0; i < 2; i++) {
		mm[i].msg_hdr.msg_iov = &iov;
		mm[i].msg_hdr.msg_iovlen = 1;
		mm[i].msg_hdr.msg_name = (void *)&a->ss;
		mm[i].msg_hdr.msg_namelen = a->len;
	}
	mm[1].msg_hdr.msg_control = (void *)cmsg;
	mm[1].msg_hdr.msg_controllen = cmsglen;
	return sendmmsg(fd, mm, 2, 0) == 2 ? 0 : -1;
}

/*
 * route tcp|udp MODE HOPS ADDR PORT: reach ADDR through HOPS (an IPv4
 * LSRR, an IPv6 routing header: type 2 for one hop, else type 4):
 *   opt      setsockopt (IP_OPTIONS, IPV6_RTHDR), then connect (tcp) or
 *            sendto (udp)
 *   cmsg     sendmsg with the route as IP_RETOPTS or IPV6_RTHDR (type 2)
 *   mmsg     sendmmsg of two messages to ADDR, the second with that control
 *            message
 *   pktopt   IPV6_2292PKTOPTIONS holding an IPV6_RTHDR (type 2), sendto
 *   send     setsockopt, connect (a step before), then send without address
 *   late     connect (a step before), then setsockopt
 *   stored   setsockopt and connect (steps before; with --hold, the pause
 *            comes after them), then send without address
 * The outcome is the first of setsockopt and the send (or connect) that
 * fails: a policy may refuse the route when it is set.
 */
static int do_route(char **args)
{
	union {
		struct cmsghdr hdr;
		char buf[CMSG_SPACE(sizeof(((struct route *)0)->buf))];
	} c;
	bool tcp = !strcmp(args[0], "tcp");
	const char *mode = args[1];
	struct route r;
	struct addr a;
	int fd;

	parse_addr(args[3], args[4], &a);
	route_build(&r, a.family, args[2], &a,
		    strcmp(mode, "opt") && strcmp(mode, "send") && strcmp(mode, "late") &&
		    strcmp(mode, "stored"));
	opt.hold_later = !strcmp(mode, "stored");
	fd = proto_socket(args[0], a.family);
	if (opt.hold_later) {
		if (route_set(fd, a.family, &r))
			setup_failed("setting the route");
		if (connect(fd, (struct sockaddr *)&a.ss, a.len))
			setup_failed("connect");
		hold();
		return route_send(fd, NULL, NULL, 0);
	}
	if (!strcmp(mode, "opt")) {
		if (route_set(fd, a.family, &r))
			return -1;
		if (tcp)
			return connect(fd, (struct sockaddr *)&a.ss, a.len);
		return route_send(fd, &a, NULL, 0);
	}
	if (!strcmp(mode, "late")) {
		if (connect(fd, (struct sockaddr *)&a.ss, a.len) && errno != EINPROGRESS)
			setup_failed("connect");
		return route_set(fd, a.family, &r);
	}
	if (!strcmp(mode, "send")) {
		if (route_set(fd, a.family, &r))
			return -1;
		if (connect(fd, (struct sockaddr *)&a.ss, a.len))
			setup_failed("connect");
		return route_send(fd, NULL, NULL, 0);
	}
	memset(&c, 0, sizeof(c));
	c.hdr.cmsg_len = CMSG_LEN(r.len);
	c.hdr.cmsg_level = a.family == AF_INET ? IPPROTO_IP : IPPROTO_IPV6;
	c.hdr.cmsg_type = a.family == AF_INET ? IP_RETOPTS : IPV6_RTHDR;
	memcpy(CMSG_DATA(&c.hdr), r.buf, r.len);
	if (!strcmp(mode, "cmsg"))
		return route_send(fd, &a, &c, CMSG_SPACE(r.len));
	if (!strcmp(mode, "mmsg"))
		return route_sendmmsg(fd, &a, &c, CMSG_SPACE(r.len));
	if (!strcmp(mode, "pktopt") && a.family == AF_INET6) {
		if (setsockopt(fd, IPPROTO_IPV6, IPV6_2292PKTOPTIONS, &c, CMSG_SPACE(r.len)))
			return -1;
		return route_send(fd, &a, NULL, 0);
	}
	usage();
	return -1;
}

/* An IPv4 header and 8 bytes of UDP to DST, port 7000: a whole packet. */
static size_t ip_udp_packet(char *buf, const char *dst)
{
	struct iphdr *ip = (struct iphdr *)buf;
	struct udphdr *udp = (struct udphdr *)(ip + 1);

	memset(buf, 0, sizeof(*ip) + sizeof(*udp));
	ip->version = 4;
	ip->ihl = 5;
	ip->ttl = 64;
	ip->protocol = IPPROTO_UDP;
	ip->tot_len = htons(sizeof(*ip) + sizeof(*udp));
	if (inet_pton(AF_INET, dst, &ip->daddr) != 1)
		usage();
	udp->dest = htons(7000);
	udp->len = htons(sizeof(*udp));
	return sizeof(*ip) + sizeof(*udp);
}

/*
 * raw-hdrincl DST ADDR: an IPPROTO_RAW socket (IP_HDRINCL) sends a packet
 * whose own header says DST to ADDR, where the kernel routes it.
 */
static int do_raw_hdrincl(char **args)
{
	char buf[64];
	struct addr a;
	size_t len = ip_udp_packet(buf, args[0]);
	int fd;

	parse_addr(args[1], "0", &a);
	fd = open_socket(AF_INET, SOCK_RAW, IPPROTO_RAW);
	if (fd < 0)
		setup_failed("socket(AF_INET, SOCK_RAW, IPPROTO_RAW)");
	return sendto(fd, buf, len, 0, (struct sockaddr *)&a.ss, a.len) ==
	       (ssize_t)len ? 0 : -1;
}

/* packet-send IFACE DST: a packet socket sends an IPv4 packet to DST out of IFACE. */
static int do_packet_send(char **args)
{
	struct sockaddr_ll ll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_IP),
		.sll_halen = ETH_ALEN,
		.sll_addr = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff },
	};
	char buf[64];
	size_t len = ip_udp_packet(buf, args[1]);
	int fd;

	ll.sll_ifindex = if_nametoindex(args[0]);
	if (!ll.sll_ifindex)
		setup_failed("if_nametoindex");
	fd = open_socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_IP));
	if (fd < 0)
		setup_failed("socket(AF_PACKET, SOCK_DGRAM)");
	return sendto(fd, buf, len, 0, (struct sockaddr *)&ll, sizeof(ll)) ==
	       (ssize_t)len ? 0 : -1;
}

/* ---- SCTP ----------------------------------------------------------------------------- */

/* ADDR PORT pairs packed as SCTP's address lists are; the first's family. */
static int sctp_addrs(char **args, char *buf, size_t size, socklen_t *len)
{
	int family = 0;

	for (*len = 0; args[0] && args[1]; args += 2) {
		struct addr a;

		parse_addr(args[0], args[1], &a);
		if (*len + a.len > size)
			usage();
		memcpy(buf + *len, &a.ss, a.len);
		*len += a.len;
		family = family ?: a.family;
	}
	if (args[0] || !family)
		usage();
	return family;
}

/*
 * sctp-bindx ADDR PORT [ADDR PORT...]: SCTP_SOCKOPT_BINDX_ADD
 * sctp-connectx ADDR PORT [ADDR PORT...]: SCTP_SOCKOPT_CONNECTX, on a
 * non-blocking one-to-one socket (EINPROGRESS is success)
 */
static int do_sctp_list(char **args, int optname)
{
	char buf[512];
	socklen_t len;
	int family = sctp_addrs(args, buf, sizeof(buf), &len), fd;

	fd = socket(family, SOCK_STREAM | SOCK_NONBLOCK, IPPROTO_SCTP);
	if (fd < 0)
		setup_failed("socket(IPPROTO_SCTP)");
	if (setsockopt(fd, IPPROTO_SCTP, optname, buf, len) < 0)
		return errno == EINPROGRESS ? 0 : -1;
	return 0;
}

static int do_sctp_bindx(char **args)
{
	return do_sctp_list(args, SCTP_SOCKOPT_BINDX_ADD);
}

static int do_sctp_connectx(char **args)
{
	return do_sctp_list(args, SCTP_SOCKOPT_CONNECTX);
}

/*
 * sctp-sendmsg ADDR PORT [DSTADDR...]: a one-to-many socket's sendmsg to
 * ADDR that sets up an association, with each DSTADDR (of ADDR's family)
 * as an SCTP_DSTADDRV4/V6 control message
 */
static int do_sctp_sendmsg(char **args)
{
	char cbuf[CMSG_SPACE(sizeof(struct in6_addr)) * 4];
	struct iovec iov = { .iov_base = PAYLOAD, .iov_len = sizeof(PAYLOAD) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct cmsghdr *cmsg;
	struct addr a;
	int fd, i;

	parse_addr(args[0], args[1], &a);
	fd = socket(a.family, SOCK_SEQPACKET, IPPROTO_SCTP);
	if (fd < 0)
		setup_failed("socket(IPPROTO_SCTP)");
	msg.msg_name = &a.ss;
	msg.msg_namelen = a.len;
	memset(cbuf, 0, sizeof(cbuf));
	msg.msg_control = cbuf;
	msg.msg_controllen = sizeof(cbuf);
	cmsg = CMSG_FIRSTHDR(&msg);
	for (i = 2; args[i]; i++) {
		size_t size = a.family == AF_INET ? sizeof(struct in_addr) : sizeof(struct in6_addr);

		if (i > 5)
			usage();
		cmsg->cmsg_level = IPPROTO_SCTP;
		cmsg->cmsg_type = a.family == AF_INET ? SCTP_DSTADDRV4 : SCTP_DSTADDRV6;
		cmsg->cmsg_len = CMSG_LEN(size);
		if (inet_pton(a.family, args[i], CMSG_DATA(cmsg)) != 1)
			usage();
		msg.msg_controllen = (char *)cmsg - cbuf + CMSG_SPACE(size);
		cmsg = CMSG_NXTHDR(&msg, cmsg);
	}
	if (i == 2)
		msg.msg_control = NULL, msg.msg_controllen = 0;
	return sendmsg(fd, &msg, 0) == (ssize_t)sizeof(PAYLOAD) ? 0 : -1;
}

/*
 * sctp-echo ADDR PORT: an SCTP association that carries data: a listener
 * on ADDR PORT, sctp_connectx() to it, a message each way.
 */
static int do_sctp_echo(char **args)
{
	char in[64];
	struct addr a;
	int l, fd, s;

	parse_addr(args[0], args[1], &a);
	l = socket(a.family, SOCK_STREAM, IPPROTO_SCTP);
	fd = socket(a.family, SOCK_STREAM, IPPROTO_SCTP);
	if (l < 0 || fd < 0)
		setup_failed("socket(IPPROTO_SCTP)");
	if (bind(l, (struct sockaddr *)&a.ss, a.len) || listen(l, 1))
		setup_failed("the listener");
	if (setsockopt(fd, IPPROTO_SCTP, SCTP_SOCKOPT_CONNECTX, &a.ss, a.len) < 0)
		return -1;
	s = accept(l, NULL, NULL);
	if (s < 0)
		setup_failed("accept");
	if (send(fd, PAYLOAD, sizeof(PAYLOAD), 0) != sizeof(PAYLOAD) ||
	    recv(s, in, sizeof(in), 0) != sizeof(PAYLOAD) ||
	    send(s, in, sizeof(PAYLOAD), 0) != sizeof(PAYLOAD) ||
	    recv(fd, in, sizeof(in), 0) != sizeof(PAYLOAD) ||
	    memcmp(in, PAYLOAD, sizeof(PAYLOAD)))
		setup_failed("the echo over the association");
	printf("%s: echo received\n", op_name);
	return 0;
}

/* ---- the peer ------------------------------------------------------------------ */

/* A dual-stack (::, IPV6_V6ONLY off) socket of TYPE on PORT. */
static int serve_socket(int type, const char *port)
{
	int fd, off = 0, on = 1;
	struct addr a;

	parse_addr("::", port, &a);
	fd = socket(AF_INET6, type, 0);
	if (fd < 0)
		setup_failed("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
	if (bind(fd, (struct sockaddr *)&a.ss, a.len))
		setup_failed("bind");
	if (type == SOCK_STREAM && listen(fd, 64))
		setup_failed("listen");
	return fd;
}

/* Echo one TCP connection's data until its peer closes it. */
static void serve_connection(int listener)
{
	struct timeval tv = { .tv_sec = 2 };
	char buf[512];
	ssize_t n;
	int fd;

	fd = accept(listener, NULL, NULL);
	if (fd < 0)
		return;
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	while ((n = recv(fd, buf, sizeof(buf), 0)) > 0)
		if (send(fd, buf, n, MSG_NOSIGNAL) != n)
			break;
	close(fd);
}

/* Echo one UDP datagram to its sender. */
static void serve_datagram(int fd)
{
	struct sockaddr_storage from;
	socklen_t len = sizeof(from);
	char buf[512];
	ssize_t n;

	n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT, (struct sockaddr *)&from, &len);
	if (n >= 0)
		sendto(fd, buf, n, 0, (struct sockaddr *)&from, len);
}

/*
 * serve READY PORT...: echo TCP and UDP, IPv4 and IPv6, on every PORT;
 * the file READY is created once all of them listen.  Runs until killed.
 */
static int do_serve(char **args)
{
	struct pollfd fds[32];
	int n = 0, i, r;

	for (i = 1; args[i]; i++) {
		if (n + 2 > (int)ARRAY_SIZE(fds))
			usage();
		fds[n++] = (struct pollfd){ serve_socket(SOCK_STREAM, args[i]), POLLIN, 0 };
		fds[n++] = (struct pollfd){ serve_socket(SOCK_DGRAM, args[i]), POLLIN, 0 };
	}
	r = open(args[0], O_WRONLY | O_CREAT, 0644);
	if (r < 0)
		setup_failed("creating the ready file");
	close(r);
	for (;;) {
		if (poll(fds, n, -1) < 0)
			return -1;
		for (i = 0; i < n; i++) {
			if (!(fds[i].revents & POLLIN))
				continue;
			if (i % 2 == 0)
				serve_connection(fds[i].fd);
			else
				serve_datagram(fds[i].fd);
		}
	}
}

/* ---- the command table ------------------------------------------------------- */

static const struct op {
	const char *name;
	const char *usage;
	int min_args, max_args;	/* max -1: any number */
	int (*run)(char **args);
} ops[] = {
	{ "socket", "FAMILY TYPE PROTOCOL", 3, 3, do_socket },
	{ "connect", "tcp|udp|icmp ADDR PORT", 3, 3, do_connect },
	{ "connect-ports", "tcp|udp ADDR FIRST LAST", 4, 4, do_connect_ports },
	{ "bind", "tcp|udp ADDR PORT", 3, 3, do_bind },
	{ "bind-unspec", "tcp|udp PORT", 2, 2, do_bind_unspec },
	{ "listen", "ADDR PORT | inet | inet6", 1, 2, do_listen },
	{ "sendto", "udp|icmp ADDR PORT", 3, 3, do_sendto },
	{ "sendmsg", "udp|icmp ADDR PORT", 3, 3, do_sendmsg },
	{ "sendmmsg", "udp|icmp ADDR PORT", 3, 3, do_sendmmsg },
	{ "fastopen", "ADDR PORT", 2, 2, do_fastopen },
	{ "reconnect", "tcp|udp ADDR1 PORT1 ADDR2 PORT2", 5, 5, do_reconnect },
	{ "uring-connect", "ADDR PORT", 2, 2, do_uring_connect },
	{ "uring-socket", "FAMILY TYPE PROTOCOL", 3, 3, do_uring_socket },
	{ "route", "tcp|udp opt|cmsg|mmsg|pktopt|send|late|stored HOP[,HOP...] ADDR PORT", 5, 5, do_route },
	{ "raw-hdrincl", "DST ADDR", 2, 2, do_raw_hdrincl },
	{ "packet-send", "IFACE DST", 2, 2, do_packet_send },
	{ "sctp-bindx", "ADDR PORT [ADDR PORT...]", 2, -1, do_sctp_bindx },
	{ "sctp-connectx", "ADDR PORT [ADDR PORT...]", 2, -1, do_sctp_connectx },
	{ "sctp-sendmsg", "ADDR PORT [DSTADDR...]", 2, 6, do_sctp_sendmsg },
	{ "sctp-echo", "ADDR PORT", 2, 2, do_sctp_echo },
	{ "serve", "READY PORT...", 2, -1, do_serve },
};

static void usage(void)
{
	size_t i;

	fprintf(stderr, "usage: net [--expect ERRNO] [--echo] [--nonblock] "
		"[--hold READY GO] OP [ARGS]\n");
	for (i = 0; i < ARRAY_SIZE(ops); i++)
		fprintf(stderr, "  %s %s\n", ops[i].name, ops[i].usage);
	fprintf(stderr, "FAMILY: unix inet inet6 netlink packet or a number; "
		"TYPE: stream dgram raw seqpacket or a number;\n"
		"PROTOCOL: tcp udp icmp icmpv6 raw all (ETH_P_ALL) or a number\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *expect = NULL, *name;
	const struct op *op = NULL;
	int ret, err;
	size_t i;

	for (argv++, argc--; argc > 0 && !strncmp(argv[0], "--", 2); argv++, argc--) {
		if (!strcmp(argv[0], "--expect") && argc > 1) {
			expect = *++argv;
			argc--;
		} else if (!strcmp(argv[0], "--echo")) {
			opt.echo = true;
		} else if (!strcmp(argv[0], "--nonblock")) {
			opt.nonblock = true;
		} else if (!strcmp(argv[0], "--hold") && argc > 2) {
			opt.ready = argv[1];
			opt.go = argv[2];
			argv += 2, argc -= 2;
		} else {
			usage();
		}
	}
	if (argc < 1)
		usage();
	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strcmp(argv[0], ops[i].name))
			op = &ops[i];
	if (!op || argc - 1 < op->min_args ||
	    (op->max_args >= 0 && argc - 1 > op->max_args))
		usage();
	op_name = op->name;
	setvbuf(stdout, NULL, _IOLBF, 0);

	errno = 0;
	ret = op->run(argv + 1);
	err = errno;
	name = strerrorname_np(err) ?: "E?";
	if (ret == 0)
		printf("%s: succeeded\n", op->name);
	else
		printf("%s: failed: %s (%s)\n", op->name, name, strerror(err));
	if (expect)
		return ret != 0 && !strcmp(name, expect) ? 0 : 1;
	return ret == 0 ? 0 : 1;
}
