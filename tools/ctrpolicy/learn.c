// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy learn: put a cgroup's policy in learn mode, show what it
 * learned, and print the policy that allows it (learn_gen.c).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "caps.h"
#include "ctrpolicy.h"
#include "learn_gen.h"
#include "nl.h"
#include "policy.h"
#include "policy_cmds.h"

#define USAGE_LEARN_START	"learn start " TARGET_USAGE " [--from FILE] [--size N] [--keep]"
#define USAGE_LEARN_SHOW	"learn show " TARGET_USAGE
#define USAGE_LEARN_POLICY	"learn policy " TARGET_USAGE \
	" [--cidr N] [--cidr6 N] [--ports-as-seen] [--mount-dir DIR]..."

/* Where the kernel's ephemeral ports come from (this network namespace). */
#define PORT_RANGE_PATH		"/proc/sys/net/ipv4/ip_local_port_range"

/* The requests of a learned set, as the kernel sent them. */
struct learned {
	size_t n, cap;
	struct ctrpolicy_learned *reqs;
	uint64_t overflow;
};

static int on_learned(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gnlh = genlmsg_hdr(nlmsg_hdr(msg));
	struct learned *l = arg;
	struct nlattr *attr;
	int rem;

	nla_for_each_attr(attr, genlmsg_attrdata(gnlh, 0),
			  genlmsg_attrlen(gnlh, 0), rem) {
		if (nla_type(attr) == CTRPOLICY_A_LEARN_OVERFLOW &&
		    nla_len(attr) == sizeof(uint64_t))
			l->overflow = nla_get_u64(attr);
		if (nla_type(attr) != CTRPOLICY_A_LEARNED)
			continue;
		if (nla_len(attr) != sizeof(*l->reqs))
			return -EPROTO;
		if (l->n == l->cap) {
			size_t cap = l->cap ? 2 * l->cap : 64;
			struct ctrpolicy_learned *reqs =
				realloc(l->reqs, cap * sizeof(*reqs));

			if (!reqs)
				return -ENOMEM;
			l->reqs = reqs;
			l->cap = cap;
		}
		memcpy(&l->reqs[l->n++], nla_data(attr), sizeof(*l->reqs));
	}
	return 0;
}

static void learned_reset(void *arg)
{
	struct learned *l = arg;

	l->n = 0;
	l->overflow = 0;
}

/* The learned set of cgroup ID into *L (free L->reqs): an exit code. */
static int learned_fetch(uint64_t id, struct learned *l)
{
	/* A set dropped meanwhile is read again. */
	int err = nl_ctx_dump(CTRPOLICY_CMD_LEARNED_GET, id, 0, learned_reset,
			  on_learned, l, "learn");

	return err < 0 ? errno_exit(err) : err;
}

/* ---- learn start ---------------------------------------------------------- */

enum { OPT_FROM = COMMAND_OPTION_FIRST, OPT_SIZE, OPT_KEEP, OPT_CIDR,
       OPT_CIDR6, OPT_PORTS_AS_SEEN, OPT_MOUNT_DIR };

/* A decimal number from 1 to MAX in ARG into *VALUE: 0, or -1. */
static int number(const char *arg, unsigned long max, unsigned int *value)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || *arg == '-' || !n || n > max)
		return -1;
	*value = n;
	return 0;
}

struct start_options {
	const char *from;
	unsigned int size;
	bool keep;
};

static int parse_start_option(int opt, const char *arg, void *data)
{
	struct start_options *o = data;

	if (opt == OPT_FROM)
		o->from = arg;
	else if (opt == OPT_KEEP)
		o->keep = true;
	else
		return number(arg, CTRPOLICY_LEARN_SIZE_MAX, &o->size);
	return 0;
}

static int learn_start(int argc, char **argv)
{
	static const struct option options[] = {
		{ "from", required_argument, NULL, OPT_FROM },
		{ "size", required_argument, NULL, OPT_SIZE },
		{ "keep", no_argument, NULL, OPT_KEEP },
		{ 0 }
	};
	struct start_options o = { 0 };
	struct command_options more = { options, parse_start_option, &o };
	struct policy policy = { 0 };
	struct targets targets;
	uint64_t id;
	int err;

	err = one_target(argc, argv, USAGE_LEARN_START, 0, &more, &targets, &id);
	if (!err && o.from)
		err = policy_read(o.from, &policy, NULL);
	else if (!err)
		err = policy_fetch(id, &policy);
	/* Nothing loaded: learn from a policy that allows nothing. */
	if (err == EXIT_NOT_FOUND && !o.from) {
		memset(&policy, 0, sizeof(policy));
		snprintf(policy.name, sizeof(policy.name), "learned");
		err = EXIT_OK;
	}
	if (!err) {
		policy.mode = CTRPOLICY_MODE_LEARN;
		policy.learn_size = o.size;
		err = policy_load_id(&policy, id, o.keep);
	}
	if (!err)
		fprintf(stderr, "ctrpolicy: learning on %s: policy %s, up to %u requests\n",
			targets.paths[0], policy.name, policy_learn_size(&policy));
	policy_free(&policy);
	targets_free(&targets);
	return err;
}

/* ---- learn show ----------------------------------------------------------- */

static void show_mount(const struct ctrpolicy_learned *r)
{
	char flags[128];

	policy_mount_flags_format(r->mount_flags, flags, sizeof(flags));
	out_string("op", " %s", policy_mount_op_name(r->op));
	out_string("fstype", r->fstype[0] ? " %s" : "", r->fstype);
	out_string("source", r->source[0] ? " from %s" : "", r->source);
	out_string("target", r->target[0] ? " on %s" : "", r->target);
	out_string("flags", flags[0] ? " flags %s" : "", flags);
	out_uint("truncated", r->truncated ? " (cut short)" : "", r->truncated);
}

static void show_net(const struct ctrpolicy_learned *r)
{
	const char *family = policy_net_family_name(r->family);
	char addr[INET6_ADDRSTRLEN];

	out_string("op", " %s", policy_net_op_name(r->op));
	out_string("family", " %s", family ? family : "unknown");
	out_string("proto", " %s", policy_net_proto_name(r->proto));
	if (r->op == CTRPOLICY_NET_OP_SOCKET) {
		out_uint("type", " type %llu", r->sock_type);
		out_uint("protocol", " protocol %llu", r->protocol);
		return;
	}
	inet_ntop(r->family == AF_INET ? AF_INET : AF_INET6,
		  r->family == AF_INET ? r->addr + 12 : r->addr, addr, sizeof(addr));
	out_string("address", " %s", addr);
	out_uint("port", " port %llu", r->port);
}

static void show_request(const struct ctrpolicy_learned *r)
{
	out_begin_object();
	out_string("area", "%s", area_name(r->area));
	if (r->area == CTRPOLICY_AREA_CAPABILITY) {
		const char *name = cap_name(r->capability);

		if (name)
			out_string("capability", " %s", name);
		else
			out_uint("capability", " %llu", r->capability);
	} else if (r->area == CTRPOLICY_AREA_MOUNT) {
		show_mount(r);
	} else {
		show_net(r);
	}
	out_text("\n");
	out_end_object();
}

static int learn_show(int argc, char **argv)
{
	struct learned l = { 0 };
	struct targets targets;
	uint64_t id;
	size_t i;
	int err;

	err = one_target(argc, argv, USAGE_LEARN_SHOW, 0, NULL, &targets, &id);
	if (!err)
		err = learned_fetch(id, &l);
	if (!err) {
		out_begin_object();
		out_string("cgroup", "%s:", targets.paths[0]);
		out_uint("learned", " %llu requests learned", l.n);
		out_uint("overflow", ", %llu not recorded (the set was full)\n",
			 l.overflow);
		out_begin_named_array("requests");
		for (i = 0; i < l.n; i++)
			show_request(&l.reqs[i]);
		out_end_array();
		out_end_object();
	}
	free(l.reqs);
	targets_free(&targets);
	return err;
}

/* ---- learn policy --------------------------------------------------------- */

struct policy_options {
	struct learn_options gen;
	const char *dirs[64];
};

static int parse_policy_option(int opt, const char *arg, void *data)
{
	struct policy_options *o = data;

	switch (opt) {
	case OPT_CIDR:
		return number(arg, 32, &o->gen.cidr4);
	case OPT_CIDR6:
		return number(arg, 128, &o->gen.cidr6);
	case OPT_PORTS_AS_SEEN:
		o->gen.ports_as_seen = true;
		return 0;
	case OPT_MOUNT_DIR:
		if (arg[0] != '/' || o->gen.n_dirs == sizeof(o->dirs) / sizeof(o->dirs[0]))
			return -1;
		o->dirs[o->gen.n_dirs++] = arg;
		return 0;
	}
	return -1;
}

/* The ephemeral port range of this network namespace into O, if known. */
static void ephemeral_ports(struct learn_options *o)
{
	unsigned int min, max;
	FILE *f = fopen(PORT_RANGE_PATH, "r");

	if (!f)
		return;
	if (fscanf(f, "%u %u", &min, &max) == 2 && min && min <= max &&
	    max <= 65535) {
		o->ephemeral_min = min;
		o->ephemeral_max = max;
	}
	fclose(f);
}

void learn_options_default(struct learn_options *o)
{
	memset(o, 0, sizeof(*o));
	o->cidr4 = 32;
	o->cidr6 = 128;
	ephemeral_ports(o);
}

int learn_policy_print(uint64_t id, const struct learn_options *o, FILE *out)
{
	struct learned l = { 0 };
	struct policy policy = { 0 };
	int err;

	err = learned_fetch(id, &l);
	if (!err)
		err = policy_fetch(id, &policy);
	if (!err && learn_generate(&policy, l.reqs, l.n, o, stderr)) {
		fprintf(stderr, "ctrpolicy: learn policy: more rules than a policy holds; widen them (--cidr, --mount-dir)\n");
		err = EXIT_FAILURE_GENERIC;
	}
	if (!err && nl_policy_size(&policy) > NL_POLICY_SIZE_MAX) {
		fprintf(stderr, "ctrpolicy: learn policy: the policy would be too large to load; widen its mount rules (--mount-dir)\n");
		err = EXIT_FAILURE_GENERIC;
	}
	if (!err && l.overflow)
		fprintf(stderr, "ctrpolicy: warning: %llu requests were not recorded (the learned set was full): learn again with a larger 'mode learn size'\n",
			(unsigned long long)l.overflow);
	if (!err)
		policy_print(out, &policy);
	policy_free(&policy);
	free(l.reqs);
	return err;
}

static int learn_policy(int argc, char **argv)
{
	static const struct option options[] = {
		{ "cidr", required_argument, NULL, OPT_CIDR },
		{ "cidr6", required_argument, NULL, OPT_CIDR6 },
		{ "ports-as-seen", no_argument, NULL, OPT_PORTS_AS_SEEN },
		{ "mount-dir", required_argument, NULL, OPT_MOUNT_DIR },
		{ 0 }
	};
	struct policy_options o;
	struct command_options more = { options, parse_policy_option, &o };
	struct targets targets;
	uint64_t id;
	int err;

	learn_options_default(&o.gen);
	o.gen.dirs = o.dirs;
	err = one_target(argc, argv, USAGE_LEARN_POLICY, 0, &more, &targets, &id);
	if (!err)
		err = learn_policy_print(id, &o.gen, stdout);
	targets_free(&targets);
	return err;
}

static const struct command learn_commands[] = {
	{ "start", USAGE_LEARN_START, learn_start },
	{ "show", USAGE_LEARN_SHOW, learn_show },
	{ "policy", USAGE_LEARN_POLICY, learn_policy },
};

int cmd_learn(int argc, char **argv)
{
	size_t i;

	for (i = 0; argc > 1 && i < sizeof(learn_commands) / sizeof(learn_commands[0]); i++) {
		if (!strcmp(argv[1], learn_commands[i].name))
			return learn_commands[i].run(argc - 1, argv + 1);
	}
	fprintf(stderr, "usage:\n");
	for (i = 0; i < sizeof(learn_commands) / sizeof(learn_commands[0]); i++)
		fprintf(stderr, "  ctrpolicy %s\n", learn_commands[i].usage);
	return EXIT_USAGE;
}
