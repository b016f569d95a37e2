// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy monitor: one line per denial (or audited request), as the
 * module reports them on the "events" multicast group.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <netlink/genl/ctrl.h>

#include "caps.h"
#include "ctrpolicy.h"
#include "nl.h"
#include "policy.h"

struct monitor {
	long remaining;		/* events left to print; -1: forever */
};

static const char *attr_string(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_string(tb[type]) : "";
}

static uint64_t attr_u64(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u64(tb[type]) : 0;
}

static uint32_t attr_u32(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u32(tb[type]) : 0;
}

/* "stream", "dgram", ... for SOCK_*, or the number into BUF. */
static const char *sock_type_name(uint32_t type, char *buf, size_t size)
{
	static const char *const names[] = {
		[SOCK_STREAM] = "stream",
		[SOCK_DGRAM] = "dgram",
		[SOCK_RAW] = "raw",
		[SOCK_RDM] = "rdm",
		[SOCK_SEQPACKET] = "seqpacket",
		[SOCK_DCCP] = "dccp",
		[SOCK_PACKET] = "packet",
	};

	if (type < sizeof(names) / sizeof(names[0]) && names[type])
		return names[type];
	snprintf(buf, size, "type%u", type);
	return buf;
}

/*
 * A network event: "FAMILY TYPE proto N" for a socket, "PROTO ADDR:PORT"
 * (IPv6 in brackets) for an address operation.
 */
static void print_net_event(struct nlattr **ev)
{
	uint32_t family = attr_u32(ev, CTRPOLICY_EVENT_A_NET_FAMILY);
	uint32_t type = attr_u32(ev, CTRPOLICY_EVENT_A_NET_SOCK_TYPE);
	uint32_t protocol = attr_u32(ev, CTRPOLICY_EVENT_A_NET_PROTOCOL);
	uint32_t port = attr_u32(ev, CTRPOLICY_EVENT_A_NET_PORT);
	const char *proto, *name = policy_net_family_name(family);
	struct nlattr *addr = ev[CTRPOLICY_EVENT_A_NET_ADDR];
	char fam[16], type_buf[16], text[INET6_ADDRSTRLEN];
	int len = addr ? nla_len(addr) : 0;

	proto = policy_net_proto_name(attr_u32(ev, CTRPOLICY_EVENT_A_NET_PROTO));
	if (!name) {
		snprintf(fam, sizeof(fam), "af%u", family);
		name = fam;
	}
	if (attr_u32(ev, CTRPOLICY_EVENT_A_NET_OP) == CTRPOLICY_NET_OP_SOCKET) {
		out_string("family", " %s", name);
		out_string("sock_type", " %s", sock_type_name(type, type_buf,
							      sizeof(type_buf)));
		out_uint("protocol", " proto %llu", protocol);
		out_string("proto", "", proto);
		return;
	}
	out_string("proto", " %s", proto);
	out_string("family", "", name);
	if (ev[CTRPOLICY_EVENT_A_NET_SOCK_TYPE])
		out_string("sock_type", "", sock_type_name(type, type_buf,
							   sizeof(type_buf)));
	if (ev[CTRPOLICY_EVENT_A_NET_PROTOCOL])
		out_uint("protocol", "", protocol);
	if (len == 4 || len == 16) {
		inet_ntop(len == 4 ? AF_INET : AF_INET6, nla_data(addr), text,
			  sizeof(text));
		out_string("address", len == 4 ? " %s" : " [%s]", text);
		out_uint("port", ":%llu", port);
	} else if (ev[CTRPOLICY_EVENT_A_NET_PORT]) {
		out_uint("port", " port %llu", port);
	}
}

static int on_event(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[CTRPOLICY_A_MAX + 1], *ev[CTRPOLICY_EVENT_A_MAX + 1];
	struct monitor *monitor = arg;
	uint32_t area, verdict;
	const char *cap = NULL, *op;

	if (nl_reply_parse(msg, tb) || !tb[CTRPOLICY_A_EVENT] ||
	    nla_parse_nested(ev, CTRPOLICY_EVENT_A_MAX, tb[CTRPOLICY_A_EVENT], NULL))
		return NL_SKIP;
	area = attr_u32(ev, CTRPOLICY_EVENT_A_AREA);
	verdict = attr_u32(ev, CTRPOLICY_EVENT_A_VERDICT);
	if (ev[CTRPOLICY_EVENT_A_CAPABILITY])
		cap = cap_name(nla_get_u32(ev[CTRPOLICY_EVENT_A_CAPABILITY]));

	out_begin_object();
	out_string("verdict", "%s",
		   verdict == CTRPOLICY_VERDICT_AUDITED ? "audit" : "deny");
	out_string("area", " %s", area_name(area));
	op = attr_string(ev, CTRPOLICY_EVENT_A_OPERATION);
	if (!*op && ev[CTRPOLICY_EVENT_A_NET_OP])
		op = policy_net_op_name(nla_get_u32(ev[CTRPOLICY_EVENT_A_NET_OP]));
	out_string("operation", " %s", op);
	if (cap)
		out_string("capability", " %s", cap);
	if (ev[CTRPOLICY_EVENT_A_FSTYPE]) {
		char flags[128];

		out_string("fstype", " type=%s", attr_string(ev, CTRPOLICY_EVENT_A_FSTYPE));
		out_string("source", " source=%s", attr_string(ev, CTRPOLICY_EVENT_A_SOURCE));
		out_string("target", " target=%s", attr_string(ev, CTRPOLICY_EVENT_A_TARGET));
		policy_mount_flags_format(attr_u32(ev, CTRPOLICY_EVENT_A_MOUNT_FLAGS),
				   flags, sizeof(flags));
		out_string("flags", " flags=%s", flags);
	}
	if (ev[CTRPOLICY_EVENT_A_NET_OP])
		print_net_event(ev);
	out_uint("pid", " pid=%llu", attr_u32(ev, CTRPOLICY_EVENT_A_PID));
	out_string("comm", " comm=%s", attr_string(ev, CTRPOLICY_EVENT_A_COMM));
	out_uint("cgroup_id", " cgroup=%llu", attr_u64(ev, CTRPOLICY_EVENT_A_CGROUP_ID));
	out_string("policy", " policy=%s", attr_string(ev, CTRPOLICY_EVENT_A_POLICY_NAME));
	out_uint("policy_cgroup_id", " policy_cgroup=%llu",
		 attr_u64(ev, CTRPOLICY_EVENT_A_POLICY_CGROUP_ID));
	/* Events of the policy its rate limit kept back since its last one. */
	if (ev[CTRPOLICY_EVENT_A_SUPPRESSED])
		out_uint("suppressed", " suppressed=%llu",
			 attr_u64(ev, CTRPOLICY_EVENT_A_SUPPRESSED));
	out_text("\n");
	out_end_object();
	fflush(stdout);
	if (monitor->remaining > 0)
		monitor->remaining--;
	return NL_OK;
}

int cmd_monitor(int argc, char **argv)
{
	static const struct option options[] = {
		{ "count", required_argument, NULL, 'n' },
		{ 0 }
	};
	struct monitor monitor = { .remaining = -1 };
	struct nl_ctx ctx;
	int opt, group, err;
	char *end;

	optind = 0;	/* glibc: rescan from scratch after main's getopt */
	while ((opt = getopt_long(argc, argv, "n:", options, NULL)) != -1) {
		if (opt != 'n')
			goto usage;
		monitor.remaining = strtol(optarg, &end, 10);
		if (*end || monitor.remaining <= 0)
			goto usage;
	}
	if (optind != argc)
		goto usage;

	err = nl_ctx_open(&ctx);
	if (err)
		return err;
	group = genl_ctrl_resolve_grp(ctx.sock, CTRPOLICY_GENL_NAME,
				      CTRPOLICY_MCGRP_EVENTS);
	err = group < 0 ? group : nl_socket_add_membership(ctx.sock, group);
	if (err) {
		nl_ctx_close(&ctx);
		if (err == -NLE_PERM) {
			fprintf(stderr, "ctrpolicy: reading events needs CAP_NET_ADMIN: run it as root\n");
			return EXIT_PERMISSION;
		}
		fprintf(stderr, "ctrpolicy: cannot join the events group: %s\n",
			nl_geterror(err));
		return EXIT_FAILURE_GENERIC;
	}
	/* Events are not replies: no sequence numbers to check. */
	nl_socket_disable_seq_check(ctx.sock);
	nl_socket_modify_cb(ctx.sock, NL_CB_VALID, NL_CB_CUSTOM, on_event, &monitor);
	if (!opt_json)
		fprintf(stderr, "ctrpolicy: listening for denials (Ctrl-C to stop)\n");
	while (monitor.remaining) {
		err = nl_recvmsgs_default(ctx.sock);
		if (err < 0 && err != -NLE_INTR) {
			fprintf(stderr, "ctrpolicy: monitor: %s\n", nl_geterror(err));
			break;
		}
	}
	nl_ctx_close(&ctx);
	return monitor.remaining ? EXIT_FAILURE_GENERIC : EXIT_OK;
usage:
	fprintf(stderr, "usage: ctrpolicy monitor [--count N]\n");
	return EXIT_USAGE;
}
