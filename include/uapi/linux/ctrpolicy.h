/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * ctrpolicy - per-cgroup confinement of capabilities, mounts and network.
 *
 * The user space ABI: the generic netlink family "ctrpolicy", shared by the
 * kernel module and the ctrpolicy tool.
 *
 * A policy is attached to a cgroup v2, named by its id (the inode number of
 * its directory in the cgroup2 file system), and applies to the cgroup and
 * every descendant.  A task is allowed an action only if every policy on its
 * cgroup and on each ancestor allows it.
 */
#ifndef _UAPI_LINUX_CTRPOLICY_H
#define _UAPI_LINUX_CTRPOLICY_H

#include <linux/types.h>

#define CTRPOLICY_GENL_NAME		"ctrpolicy"
/* Bumped on every incompatible change of the attributes or commands below. */
#define CTRPOLICY_GENL_VERSION		2
#define CTRPOLICY_MCGRP_EVENTS		"events"

/* Limits enforced by the module. */
#define CTRPOLICY_NAME_MAX		64	/* policy name, with its NUL */
#define CTRPOLICY_MAX_POLICIES		65536
#define CTRPOLICY_MAX_MOUNT_RULES	256
#define CTRPOLICY_MAX_SOCKET_RULES	64
#define CTRPOLICY_MAX_NET_RULES		16384
#define CTRPOLICY_PATH_MAX		4096	/* a rule's path, with its NUL */
#define CTRPOLICY_FSTYPE_MAX		64	/* a file system type, with its NUL */
/*
 * The most a policy (the CTRPOLICY_A_POLICY attribute) may take; the
 * network address rules travel beside it, in CTRPOLICY_A_NET_RULES.
 */
#define CTRPOLICY_POLICY_SIZE_MAX	24576
/*
 * The rate limit of a policy's events (CTRPOLICY_POLICY_A_EVENTS): at most
 * RATE events a second on average, BURST at once.  What goes over is
 * suppressed and counted, never the decision.
 */
#define CTRPOLICY_EVENT_RATE_DEFAULT	200
#define CTRPOLICY_EVENT_BURST_DEFAULT	200
#define CTRPOLICY_EVENT_RATE_MAX	10000
#define CTRPOLICY_EVENT_BURST_MAX	10000

/**
 * enum ctrpolicy_cmd - generic netlink commands
 * @CTRPOLICY_CMD_POLICY_SET: create or atomically replace the policy of
 *	%CTRPOLICY_A_CGROUP_ID with %CTRPOLICY_A_POLICY and the address rules
 *	of every %CTRPOLICY_A_NET_RULES (admin only).  With
 *	%CTRPOLICY_A_ON_EXEC a new policy is pending: it takes effect at the
 *	first execve() of a task in the cgroup or below it, so that a
 *	container runtime can finish setting up the container (mounts,
 *	capabilities, pivot_root) before the container's program runs
 *	confined.  A policy already in force is replaced at once either way.
 *	Refused with -ENOLINK while the loadable module holds no
 *	enforcement links (%CTRPOLICY_CMD_LINKS_SET): nothing would enforce
 *	the policy.
 * @CTRPOLICY_CMD_POLICY_DEL: remove the policy of %CTRPOLICY_A_CGROUP_ID
 *	(admin only).
 * @CTRPOLICY_CMD_POLICY_GET: the policy of %CTRPOLICY_A_CGROUP_ID, or with
 *	NLM_F_DUMP every policy; each reply holds %CTRPOLICY_A_CGROUP_ID,
 *	%CTRPOLICY_A_POLICY, %CTRPOLICY_A_COUNTERS and
 *	%CTRPOLICY_A_SUPPRESSED, and %CTRPOLICY_A_PENDING while the policy
 *	waits for an execve(); it
 *	counts the address rules (%CTRPOLICY_NET_A_RULE_COUNT) without
 *	holding them.  A dump with %CTRPOLICY_A_CGROUP_ID is of that cgroup's
 *	policy alone: its message is followed by messages of
 *	%CTRPOLICY_A_CGROUP_ID and %CTRPOLICY_A_NET_RULES that carry its
 *	address rules, in order.
 * @CTRPOLICY_CMD_STATUS_GET: %CTRPOLICY_A_STATUS.
 * @CTRPOLICY_CMD_EVENT: a notification on the "events" group:
 *	%CTRPOLICY_A_EVENT.
 * @CTRPOLICY_CMD_LINKS_SET: hold the BPF-LSM links of every
 *	%CTRPOLICY_A_LINK_FD, file descriptors of the sender, in place of
 *	those held before (admin only; loadable module only).  Held by the
 *	module, the programs stay attached whatever happens to their pins or
 *	to the BPF file system; %CTRPOLICY_STATUS_A_HOOK names their hooks.
 *	With %CTRPOLICY_A_LINKS_FIRST, only where none are held.
 * @CTRPOLICY_CMD_LINKS_DEL: release every link held (admin only).
 * @CTRPOLICY_CMD_LEARNED_GET: dump (NLM_F_DUMP, %CTRPOLICY_A_CGROUP_ID
 *	required) of the requests the cgroup's policy has learned: each
 *	message holds %CTRPOLICY_A_CGROUP_ID, %CTRPOLICY_A_LEARN_OVERFLOW and
 *	one or more %CTRPOLICY_A_LEARNED.
 */
enum ctrpolicy_cmd {
	CTRPOLICY_CMD_UNSPEC,
	CTRPOLICY_CMD_POLICY_SET,
	CTRPOLICY_CMD_POLICY_DEL,
	CTRPOLICY_CMD_POLICY_GET,
	CTRPOLICY_CMD_STATUS_GET,
	CTRPOLICY_CMD_EVENT,
	CTRPOLICY_CMD_LINKS_SET,
	CTRPOLICY_CMD_LINKS_DEL,
	CTRPOLICY_CMD_LEARNED_GET,

	__CTRPOLICY_CMD_MAX,
	CTRPOLICY_CMD_MAX = __CTRPOLICY_CMD_MAX - 1
};

enum ctrpolicy_attr {
	CTRPOLICY_A_UNSPEC,
	CTRPOLICY_A_PAD,
	CTRPOLICY_A_CGROUP_ID,		/* u64 */
	CTRPOLICY_A_POLICY,		/* nest: enum ctrpolicy_policy_attr */
	CTRPOLICY_A_COUNTERS,		/* nest: enum ctrpolicy_area, each a
					 * nest of enum ctrpolicy_counter_attr */
	CTRPOLICY_A_STATUS,		/* nest: enum ctrpolicy_status_attr */
	CTRPOLICY_A_EVENT,		/* nest: enum ctrpolicy_event_attr */
	CTRPOLICY_A_NET_RULES,		/* binary: an array of struct
					 * ctrpolicy_net_rule; repeated when
					 * the rules do not fit one attribute
					 * (CTRPOLICY_NET_RULES_PER_ATTR) */
	CTRPOLICY_A_ON_EXEC,		/* flag: POLICY_SET of a new policy
					 * that waits for an execve() */
	CTRPOLICY_A_PENDING,		/* flag: POLICY_GET, the policy waits
					 * for an execve() */
	CTRPOLICY_A_LINK_FD,		/* u32: LINKS_SET, a BPF link's file
					 * descriptor; once per link */
	CTRPOLICY_A_SUPPRESSED,		/* u64: POLICY_GET, the events of the
					 * cgroup's policy that its rate limit
					 * suppressed, since a policy was first
					 * set on the cgroup (replaces keep it) */
	CTRPOLICY_A_LEARN_KEEP,		/* flag: POLICY_SET of a policy in
					 * learn mode over one that learned:
					 * keep what it learned (else a new,
					 * empty set) */
	CTRPOLICY_A_LEARN_OVERFLOW,	/* u64: LEARNED_GET, requests not
					 * recorded: the set was full */
	CTRPOLICY_A_LEARNED,		/* binary: LEARNED_GET, a struct
					 * ctrpolicy_learned; repeated */
	CTRPOLICY_A_LINKS_FIRST,	/* flag: LINKS_SET only where the
					 * module holds no links (-EEXIST
					 * otherwise): of loads that attach
					 * at once, one hands its links over */

	__CTRPOLICY_A_MAX,
	CTRPOLICY_A_MAX = __CTRPOLICY_A_MAX - 1
};

/**
 * enum ctrpolicy_mode - what a policy does with an action it does not allow
 * @CTRPOLICY_MODE_ENFORCE: deny it with -EPERM and report it.
 * @CTRPOLICY_MODE_AUDIT: allow it and report that it would be denied.
 * @CTRPOLICY_MODE_LEARN: allow it, report it as audit does, and record it
 *	once in the policy's learned set (CTRPOLICY_CMD_LEARNED_GET).
 */
enum ctrpolicy_mode {
	CTRPOLICY_MODE_ENFORCE,
	CTRPOLICY_MODE_AUDIT,
	CTRPOLICY_MODE_LEARN,

	__CTRPOLICY_MODE_MAX,
	CTRPOLICY_MODE_MAX = __CTRPOLICY_MODE_MAX - 1
};

enum ctrpolicy_policy_attr {
	CTRPOLICY_POLICY_A_UNSPEC,
	CTRPOLICY_POLICY_A_PAD,
	CTRPOLICY_POLICY_A_NAME,	/* string, shorter than CTRPOLICY_NAME_MAX */
	CTRPOLICY_POLICY_A_MODE,	/* u32: enum ctrpolicy_mode */
	CTRPOLICY_POLICY_A_CAPS,	/* u64: bit N allows capability N;
					 * bits above CAP_LAST_CAP are refused */
	CTRPOLICY_POLICY_A_MOUNT,	/* nest: enum ctrpolicy_mount_attr;
					 * absent: every mount operation denied */
	CTRPOLICY_POLICY_A_NET,		/* nest: enum ctrpolicy_net_attr;
					 * absent: every socket denied */
	CTRPOLICY_POLICY_A_EVENTS,	/* nest: enum ctrpolicy_events_attr;
					 * absent: the default rate limit */
	CTRPOLICY_POLICY_A_LEARN_SIZE,	/* u32: learn mode: the most distinct
					 * requests its set holds, 1 to
					 * CTRPOLICY_LEARN_SIZE_MAX (default
					 * CTRPOLICY_LEARN_SIZE_DEFAULT) */

	__CTRPOLICY_POLICY_A_MAX,
	CTRPOLICY_POLICY_A_MAX = __CTRPOLICY_POLICY_A_MAX - 1
};

/*
 * The rate limit of a policy's events: a token bucket of BURST tokens that
 * fills at RATE tokens a second; an event takes one, and is suppressed
 * (counted, not sent) when there is none.  Each policy has its own, so that
 * one container's denials cannot crowd out another's.
 */
enum ctrpolicy_events_attr {
	CTRPOLICY_EVENTS_A_UNSPEC,
	CTRPOLICY_EVENTS_A_RATE,	/* u32: events a second, 1 to
					 * CTRPOLICY_EVENT_RATE_MAX (default
					 * CTRPOLICY_EVENT_RATE_DEFAULT) */
	CTRPOLICY_EVENTS_A_BURST,	/* u32: 1 to CTRPOLICY_EVENT_BURST_MAX
					 * (default: the rate if it is given,
					 * else CTRPOLICY_EVENT_BURST_DEFAULT) */

	__CTRPOLICY_EVENTS_A_MAX,
	CTRPOLICY_EVENTS_A_MAX = __CTRPOLICY_EVENTS_A_MAX - 1
};

/* What a rule, or an area's default, does with what it matches. */
enum ctrpolicy_action {
	CTRPOLICY_ACTION_DENY,
	CTRPOLICY_ACTION_ALLOW,

	__CTRPOLICY_ACTION_MAX,
	CTRPOLICY_ACTION_MAX = __CTRPOLICY_ACTION_MAX - 1
};

/*
 * The mount area: rules in order, the first that matches an operation
 * decides it; an operation no rule matches gets the default.
 */
enum ctrpolicy_mount_attr {
	CTRPOLICY_MOUNT_A_UNSPEC,
	CTRPOLICY_MOUNT_A_DEFAULT,	/* u32: enum ctrpolicy_action (deny if absent) */
	CTRPOLICY_MOUNT_A_RULES,	/* nest of CTRPOLICY_MOUNT_A_RULE, in order */
	CTRPOLICY_MOUNT_A_RULE,		/* nest: enum ctrpolicy_mount_rule_attr */

	__CTRPOLICY_MOUNT_A_MAX,
	CTRPOLICY_MOUNT_A_MAX = __CTRPOLICY_MOUNT_A_MAX - 1
};

/**
 * enum ctrpolicy_mount_op - mount operations
 * @CTRPOLICY_MOUNT_OP_MOUNT: a new mount of a file system: mount(2) without
 *	MS_BIND/MS_MOVE/MS_REMOUNT/propagation flags, fsopen() + fsmount() +
 *	move_mount(), and open_tree(OPEN_TREE_CLONE) + move_mount().
 * @CTRPOLICY_MOUNT_OP_BIND: mount(2) with MS_BIND.
 * @CTRPOLICY_MOUNT_OP_REMOUNT: mount(2) with MS_REMOUNT, and fspick() +
 *	fsconfig(FSCONFIG_CMD_RECONFIGURE).
 * @CTRPOLICY_MOUNT_OP_MOVE: mount(2) with MS_MOVE, move_mount() of an
 *	attached mount.
 * @CTRPOLICY_MOUNT_OP_UMOUNT: umount2().
 * @CTRPOLICY_MOUNT_OP_PIVOT_ROOT: pivot_root().
 * @CTRPOLICY_MOUNT_OP_PROPAGATION: mount(2) with MS_SHARED, MS_PRIVATE,
 *	MS_SLAVE or MS_UNBINDABLE.
 */
enum ctrpolicy_mount_op {
	CTRPOLICY_MOUNT_OP_UNSPEC,
	CTRPOLICY_MOUNT_OP_MOUNT,
	CTRPOLICY_MOUNT_OP_BIND,
	CTRPOLICY_MOUNT_OP_REMOUNT,
	CTRPOLICY_MOUNT_OP_MOVE,
	CTRPOLICY_MOUNT_OP_UMOUNT,
	CTRPOLICY_MOUNT_OP_PIVOT_ROOT,
	CTRPOLICY_MOUNT_OP_PROPAGATION,

	__CTRPOLICY_MOUNT_OP_MAX,
	CTRPOLICY_MOUNT_OP_MAX = __CTRPOLICY_MOUNT_OP_MAX - 1
};

/* Mount flags a rule can require or forbid. */
#define CTRPOLICY_MOUNT_F_RDONLY	(1U << 0)
#define CTRPOLICY_MOUNT_F_NOSUID	(1U << 1)
#define CTRPOLICY_MOUNT_F_NODEV		(1U << 2)
#define CTRPOLICY_MOUNT_F_NOEXEC	(1U << 3)
#define CTRPOLICY_MOUNT_F_SHARED	(1U << 4)
#define CTRPOLICY_MOUNT_F_PRIVATE	(1U << 5)
#define CTRPOLICY_MOUNT_F_SLAVE		(1U << 6)
#define CTRPOLICY_MOUNT_F_UNBINDABLE	(1U << 7)
#define CTRPOLICY_MOUNT_F_ALL		((1U << 8) - 1)

enum ctrpolicy_mount_rule_attr {
	CTRPOLICY_MOUNT_RULE_A_UNSPEC,
	CTRPOLICY_MOUNT_RULE_A_ACTION,	/* u32: enum ctrpolicy_action */
	CTRPOLICY_MOUNT_RULE_A_OP,	/* u32: enum ctrpolicy_mount_op */
	CTRPOLICY_MOUNT_RULE_A_FSTYPE,	/* string: file system type; absent: any */
	CTRPOLICY_MOUNT_RULE_A_SOURCE,	/* string: source path or device; absent: any */
	CTRPOLICY_MOUNT_RULE_A_TARGET,	/* string: absolute target path; one
					 * ending in a slash and a star matches
					 * every path below; absent: any */
	CTRPOLICY_MOUNT_RULE_A_REQUIRE,	/* u32: CTRPOLICY_MOUNT_F_* all present */
	CTRPOLICY_MOUNT_RULE_A_FORBID,	/* u32: CTRPOLICY_MOUNT_F_* none present */

	__CTRPOLICY_MOUNT_RULE_A_MAX,
	CTRPOLICY_MOUNT_RULE_A_MAX = __CTRPOLICY_MOUNT_RULE_A_MAX - 1
};

/*
 * The network area.  Socket creation is decided by the socket rules, in
 * order: the first that matches the family and protocol decides.  Binding,
 * connecting, listening and sending to an IPv4 or IPv6 address are decided
 * by the address rules: of the rules that match the operation, protocol and
 * port, those of the longest prefix that holds the address decide, deny
 * winning over allow between rules of the same prefix.  What no rule matches
 * gets the default.  IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are IPv4.
 */
enum ctrpolicy_net_attr {
	CTRPOLICY_NET_A_UNSPEC,
	CTRPOLICY_NET_A_DEFAULT,	/* u32: enum ctrpolicy_action (deny if absent) */
	CTRPOLICY_NET_A_SOCKET_RULES,	/* binary: an array of struct
					 * ctrpolicy_socket_rule, in order */
	CTRPOLICY_NET_A_RULE_COUNT,	/* u32: replies only: the address rules */

	__CTRPOLICY_NET_A_MAX,
	CTRPOLICY_NET_A_MAX = __CTRPOLICY_NET_A_MAX - 1
};

/**
 * enum ctrpolicy_net_proto - what a socket speaks, as rules name it
 * @CTRPOLICY_NET_PROTO_ANY: in a rule: any socket.
 * @CTRPOLICY_NET_PROTO_TCP: AF_INET/AF_INET6 SOCK_STREAM, protocol 0,
 *	IPPROTO_TCP or IPPROTO_MPTCP.
 * @CTRPOLICY_NET_PROTO_UDP: AF_INET/AF_INET6 SOCK_DGRAM, protocol 0,
 *	IPPROTO_UDP or IPPROTO_UDPLITE.
 * @CTRPOLICY_NET_PROTO_ICMP: AF_INET/AF_INET6 SOCK_DGRAM, IPPROTO_ICMP or
 *	IPPROTO_ICMPV6 (ping sockets).
 * @CTRPOLICY_NET_PROTO_RAW: SOCK_RAW of AF_INET, AF_INET6 and AF_PACKET
 *	(raw IP, raw packet).
 * @CTRPOLICY_NET_PROTO_OTHER: anything else (SCTP, SOCK_DGRAM packet
 *	sockets, unix and netlink sockets, ...); only events report it.
 */
enum ctrpolicy_net_proto {
	CTRPOLICY_NET_PROTO_ANY,
	CTRPOLICY_NET_PROTO_TCP,
	CTRPOLICY_NET_PROTO_UDP,
	CTRPOLICY_NET_PROTO_ICMP,
	CTRPOLICY_NET_PROTO_RAW,
	CTRPOLICY_NET_PROTO_OTHER,

	__CTRPOLICY_NET_PROTO_MAX,
	CTRPOLICY_NET_PROTO_MAX = __CTRPOLICY_NET_PROTO_MAX - 1
};

/**
 * enum ctrpolicy_net_op - network operations
 * @CTRPOLICY_NET_OP_SOCKET: socket(2), socketpair(2), and io_uring's socket.
 * @CTRPOLICY_NET_OP_BIND: bind(2) to a local address and port.
 * @CTRPOLICY_NET_OP_CONNECT: connect(2) (also io_uring's), and a TCP
 *	sendmsg(2) with an address (TCP Fast Open connects).
 * @CTRPOLICY_NET_OP_LISTEN: listen(2), on the socket's local address and
 *	port (0 if it was never bound: the kernel picks one afterwards).
 * @CTRPOLICY_NET_OP_SEND: sendto(2)/sendmsg(2)/sendmmsg(2) with an address
 *	on a socket that is not SOCK_STREAM.
 */
enum ctrpolicy_net_op {
	CTRPOLICY_NET_OP_UNSPEC,
	CTRPOLICY_NET_OP_SOCKET,
	CTRPOLICY_NET_OP_BIND,
	CTRPOLICY_NET_OP_CONNECT,
	CTRPOLICY_NET_OP_LISTEN,
	CTRPOLICY_NET_OP_SEND,

	__CTRPOLICY_NET_OP_MAX,
	CTRPOLICY_NET_OP_MAX = __CTRPOLICY_NET_OP_MAX - 1
};

/* The operations an address rule covers: bits (1 << CTRPOLICY_NET_OP_*). */
#define CTRPOLICY_NET_OPS_ADDRESS	((1U << CTRPOLICY_NET_OP_BIND) |	\
					 (1U << CTRPOLICY_NET_OP_CONNECT) |	\
					 (1U << CTRPOLICY_NET_OP_LISTEN) |	\
					 (1U << CTRPOLICY_NET_OP_SEND))

/**
 * struct ctrpolicy_socket_rule - a socket rule
 * @action: enum ctrpolicy_action
 * @family: AF_* of the socket, or AF_UNSPEC for any
 * @proto: enum ctrpolicy_net_proto (not %CTRPOLICY_NET_PROTO_OTHER)
 * @pad: zero
 */
struct ctrpolicy_socket_rule {
	__u8 action;
	__u8 family;
	__u8 proto;
	__u8 pad;
};

/**
 * struct ctrpolicy_net_rule - an address rule
 * @addr: the network, in network byte order: for AF_INET its first four
 *	bytes, the rest zero; for AF_UNSPEC all zero
 * @port_min: the lowest port matched, in host byte order
 * @port_max: the highest, at least @port_min (0 to 65535 for any port;
 *	sockets without ports, raw and ICMP, count as port 0)
 * @prefix_len: the network's prefix length: at most 32 for AF_INET, 128
 *	for AF_INET6, 0 for AF_UNSPEC; the address bits after it are zero
 * @family: AF_INET, AF_INET6, or AF_UNSPEC for every address of both
 * @proto: enum ctrpolicy_net_proto (not %CTRPOLICY_NET_PROTO_OTHER)
 * @ops: the operations, bits (1 << CTRPOLICY_NET_OP_*) within
 *	%CTRPOLICY_NET_OPS_ADDRESS, at least one
 * @action: enum ctrpolicy_action
 * @pad: zero
 */
struct ctrpolicy_net_rule {
	__u8 addr[16];
	__u16 port_min;
	__u16 port_max;
	__u8 prefix_len;
	__u8 family;
	__u8 proto;
	__u8 ops;
	__u8 action;
	__u8 pad[7];
};

/* The most links CTRPOLICY_CMD_LINKS_SET hands over. */
#define CTRPOLICY_MAX_LINKS		64

/* The most rules one CTRPOLICY_A_NET_RULES attribute holds. */
#define CTRPOLICY_NET_RULES_PER_ATTR	2047

/* The areas a policy confines; counters and events are kept per area. */
enum ctrpolicy_area {
	CTRPOLICY_AREA_UNSPEC,
	CTRPOLICY_AREA_CAPABILITY,
	CTRPOLICY_AREA_MOUNT,
	CTRPOLICY_AREA_NETWORK,
	/* Self-protection: policy changes, BPF objects, cgroup escapes. */
	CTRPOLICY_AREA_PROTECT,

	__CTRPOLICY_AREA_MAX,
	CTRPOLICY_AREA_MAX = __CTRPOLICY_AREA_MAX - 1
};

enum ctrpolicy_counter_attr {
	CTRPOLICY_COUNTER_A_UNSPEC,
	CTRPOLICY_COUNTER_A_PAD,
	CTRPOLICY_COUNTER_A_CHECKS,	/* u64: decisions this policy took part in */
	CTRPOLICY_COUNTER_A_ALLOWED,	/* u64: of which it allowed */
	CTRPOLICY_COUNTER_A_DENIED,	/* u64: of which it denied (enforce) */
	CTRPOLICY_COUNTER_A_AUDITED,	/* u64: of which it would have denied (audit) */

	__CTRPOLICY_COUNTER_A_MAX,
	CTRPOLICY_COUNTER_A_MAX = __CTRPOLICY_COUNTER_A_MAX - 1
};

enum ctrpolicy_status_attr {
	CTRPOLICY_STATUS_A_UNSPEC,
	CTRPOLICY_STATUS_A_PAD,
	CTRPOLICY_STATUS_A_VERSION,	/* string: module version */
	CTRPOLICY_STATUS_A_ABI,		/* u32: CTRPOLICY_GENL_VERSION */
	CTRPOLICY_STATUS_A_POLICIES,	/* u32: policies loaded */
	CTRPOLICY_STATUS_A_USERS,	/* u32: BPF programs holding the module */
	CTRPOLICY_STATUS_A_EVENTS_SENT,	/* u64 */
	CTRPOLICY_STATUS_A_EVENTS_DROPPED,	/* u64: lost to a full queue or a
						 * failed send (what a policy's
						 * rate limit suppresses is
						 * counted by the policy:
						 * CTRPOLICY_A_SUPPRESSED) */
	CTRPOLICY_STATUS_A_HOOK,	/* string: a hook whose BPF-LSM link the
					 * module holds; once per link */

	__CTRPOLICY_STATUS_A_MAX,
	CTRPOLICY_STATUS_A_MAX = __CTRPOLICY_STATUS_A_MAX - 1
};

/**
 * enum ctrpolicy_verdict - what happened to an action an event reports
 * @CTRPOLICY_VERDICT_DENIED: denied by an enforcing policy.
 * @CTRPOLICY_VERDICT_AUDITED: allowed; an audit policy would have denied it.
 */
enum ctrpolicy_verdict {
	CTRPOLICY_VERDICT_DENIED,
	CTRPOLICY_VERDICT_AUDITED,
};

enum ctrpolicy_event_attr {
	CTRPOLICY_EVENT_A_UNSPEC,
	CTRPOLICY_EVENT_A_PAD,
	CTRPOLICY_EVENT_A_CGROUP_ID,	/* u64: the task's cgroup */
	CTRPOLICY_EVENT_A_POLICY_CGROUP_ID,	/* u64: the deciding policy's cgroup */
	CTRPOLICY_EVENT_A_POLICY_NAME,	/* string */
	CTRPOLICY_EVENT_A_PID,		/* u32: thread group id, init pid ns */
	CTRPOLICY_EVENT_A_COMM,		/* string */
	CTRPOLICY_EVENT_A_AREA,		/* u32: enum ctrpolicy_area */
	CTRPOLICY_EVENT_A_VERDICT,	/* u32: enum ctrpolicy_verdict */
	CTRPOLICY_EVENT_A_CAPABILITY,	/* u32: capability number */
	CTRPOLICY_EVENT_A_OPERATION,	/* string: what was asked, e.g. "bpf" */
	CTRPOLICY_EVENT_A_FSTYPE,	/* string: mount: the file system type */
	CTRPOLICY_EVENT_A_SOURCE,	/* string: mount: source, may be cut short */
	CTRPOLICY_EVENT_A_TARGET,	/* string: mount: target, may be cut short */
	CTRPOLICY_EVENT_A_MOUNT_FLAGS,	/* u32: mount: CTRPOLICY_MOUNT_F_* */
	CTRPOLICY_EVENT_A_NET_OP,	/* u32: network: enum ctrpolicy_net_op */
	CTRPOLICY_EVENT_A_NET_FAMILY,	/* u32: network: AF_* (the address's
					 * for an address operation; an
					 * IPv4-mapped address is AF_INET) */
	CTRPOLICY_EVENT_A_NET_PROTO,	/* u32: network: enum ctrpolicy_net_proto */
	CTRPOLICY_EVENT_A_NET_SOCK_TYPE,	/* u32: network: SOCK_* */
	CTRPOLICY_EVENT_A_NET_PROTOCOL,	/* u32: network: the protocol number */
	CTRPOLICY_EVENT_A_NET_ADDR,	/* binary: network: 4 or 16 bytes, network
					 * byte order; address operations only */
	CTRPOLICY_EVENT_A_NET_PORT,	/* u32: network: address operations only */
	CTRPOLICY_EVENT_A_SUPPRESSED,	/* u64: events of the same policy its
					 * rate limit suppressed since its
					 * previous event; absent: none */

	__CTRPOLICY_EVENT_A_MAX,
	CTRPOLICY_EVENT_A_MAX = __CTRPOLICY_EVENT_A_MAX - 1
};

/* The distinct requests a learning policy records (its set's size). */
#define CTRPOLICY_LEARN_SIZE_DEFAULT	512
#define CTRPOLICY_LEARN_SIZE_MAX	16384
/* The bytes of a mount string a learned request keeps, with its NUL. */
#define CTRPOLICY_LEARN_FSTYPE_MAX	32
#define CTRPOLICY_LEARN_PATH_MAX	192

/* ctrpolicy_learned.truncated: the mount strings that were cut short. */
#define CTRPOLICY_LEARNED_T_FSTYPE	(1U << 0)
#define CTRPOLICY_LEARNED_T_SOURCE	(1U << 1)
#define CTRPOLICY_LEARNED_T_TARGET	(1U << 2)

/**
 * struct ctrpolicy_learned - a distinct request a learning policy recorded
 * @area: enum ctrpolicy_area: capability, mount or network
 * @op: enum ctrpolicy_mount_op or enum ctrpolicy_net_op
 * @family: network: AF_* of the socket, or of @addr (AF_INET when mapped)
 * @proto: network: enum ctrpolicy_net_proto
 * @sock_type: network: SOCK_* (socket operations)
 * @protocol: network: the protocol number (socket operations)
 * @port: network: the port (address operations)
 * @truncated: mount: CTRPOLICY_LEARNED_T_* of the strings cut short
 * @capability: capability: its number
 * @mount_flags: mount: CTRPOLICY_MOUNT_F_*
 * @addr: network: the address, IPv4 as IPv4-mapped IPv6, network byte
 *	order (address operations)
 * @fstype: mount: the file system type, "" when not known
 * @source: mount: the source, "" when not known
 * @target: mount: the target path, "" when not known
 *
 * Every field an area does not use is zero.
 */
struct ctrpolicy_learned {
	__u8 area;
	__u8 op;
	__u8 family;
	__u8 proto;
	__u16 sock_type;
	__u16 protocol;
	__u16 port;
	__u16 truncated;
	__u32 capability;
	__u32 mount_flags;
	__u8 addr[16];
	char fstype[CTRPOLICY_LEARN_FSTYPE_MAX];
	char source[CTRPOLICY_LEARN_PATH_MAX];
	char target[CTRPOLICY_LEARN_PATH_MAX];
};

#endif /* _UAPI_LINUX_CTRPOLICY_H */
