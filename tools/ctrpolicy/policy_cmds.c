// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy load, unload, list and show: policies in the kernel.
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caps.h"
#include "cgroup.h"
#include "ctrpolicy.h"
#include "container.h"
#include "nl.h"
#include "policy.h"
#include "policy_cmds.h"

#define N_TARGET_OPTIONS	3

int targets_parse(int argc, char **argv, const char *usage, int want_args,
		  bool many, struct targets *t)
{
	return targets_parse_opts(argc, argv, usage, want_args, many, NULL, t);
}

int targets_parse_opts(int argc, char **argv, const char *usage, int want_args,
		       bool many, const struct command_options *more,
		       struct targets *t)
{
	static const struct option target_options[N_TARGET_OPTIONS] = {
		{ "cgroup", required_argument, NULL, 'c' },
		{ "container", required_argument, NULL, 'C' },
		{ "on-exec", no_argument, NULL, 'e' },
	};
	struct option options[N_TARGET_OPTIONS + COMMAND_OPTIONS_MAX + 1];
	size_t n_more = 0;
	int opt, err;

	memcpy(options, target_options, sizeof(target_options));
	while (more && more->options[n_more].name)
		n_more++;
	if (n_more)
		memcpy(options + N_TARGET_OPTIONS, more->options,
		       n_more * sizeof(*options));
	memset(&options[N_TARGET_OPTIONS + n_more], 0, sizeof(*options));
	t->n = 0;
	t->on_exec = false;
	t->paths = calloc(argc, sizeof(*t->paths));
	if (!t->paths) {
		fprintf(stderr, "ctrpolicy: out of memory\n");
		return EXIT_FAILURE_GENERIC;
	}
	optind = 0;	/* glibc: rescan from scratch after main's getopt */
	while ((opt = getopt_long(argc, argv, "c:C:", options, NULL)) != -1) {
		/* Only 'load' has --on-exec, and its usage says so. */
		if (opt == 'e' && strstr(usage, "--on-exec")) {
			t->on_exec = true;
			continue;
		}
		if (more && opt >= COMMAND_OPTION_FIRST) {
			if (more->parse(opt, optarg, more->data))
				goto usage;
			continue;
		}
		if ((opt != 'c' && opt != 'C') || (t->n && !many))
			goto usage;
		if (opt == 'c') {
			snprintf(t->paths[t->n++], PATH_MAX, "%s", optarg);
			continue;
		}
		err = container_cgroup(CGROUP2_MOUNT, optarg, t->paths[t->n++],
				       PATH_MAX);
		if (err)
			return err;
	}
	if (argc - optind != want_args || !t->n)
		goto usage;
	return EXIT_OK;
usage:
	fprintf(stderr, "usage: ctrpolicy %s\n", usage);
	return EXIT_USAGE;
}

void targets_free(struct targets *t)
{
	free(t->paths);
	t->paths = NULL;
	t->n = 0;
}

int errno_exit(int err)
{
	if (err == -EPERM)
		return EXIT_PERMISSION;
	if (err == -ENOENT)
		return EXIT_NOT_FOUND;
	if (err == -ENOLINK)
		return EXIT_NOT_ATTACHED;
	return EXIT_FAILURE_GENERIC;
}

int policy_read(const char *path, struct policy *policy,
		struct policy_error *err)
{
	struct policy_error own;
	struct policy_error *why = err ? err : &own;
	size_t size;

	if (policy_parse_file(path, policy, why))
		goto invalid;
	size = nl_policy_size(policy);
	if (size <= NL_POLICY_SIZE_MAX)
		return EXIT_OK;
	snprintf(why->msg, sizeof(why->msg),
		 "%s: error: policy too large: %zu bytes as a netlink attribute; the limit is %d\n"
		 "%s: hint: shorten the paths of its mount rules, or use fewer rules\n",
		 path, size, NL_POLICY_SIZE_MAX, path);
	policy_free(policy);
invalid:
	if (!err)
		fputs(own.msg, stderr);
	return EXIT_POLICY;
}

/*
 * Sends POLICY and its address rules for cgroup ID over CTX; with ON_EXEC
 * a new policy waits for an execve() in the cgroup; with KEEP_LEARNED the
 * learned set of the policy it replaces stays.
 */
static int send_policy(struct nl_ctx *ctx, const struct policy *policy,
		       uint64_t id, bool on_exec, bool keep_learned)
{
	struct nl_msg *msg;

	msg = nl_ctx_msg_size(ctx, CTRPOLICY_CMD_POLICY_SET, 0,
			      2 * nla_total_size(0) + nla_total_size(sizeof(id)) +
			      nla_total_size(0) + nl_policy_size(policy) +
			      nl_net_rules_size(policy));
	if (!msg || nla_put_u64(msg, CTRPOLICY_A_CGROUP_ID, id) ||
	    (on_exec && nla_put_flag(msg, CTRPOLICY_A_ON_EXEC)) ||
	    (keep_learned && nla_put_flag(msg, CTRPOLICY_A_LEARN_KEEP)) ||
	    nl_put_policy(msg, policy) || nl_put_net_rules(msg, policy)) {
		nlmsg_free(msg);
		fprintf(stderr, "ctrpolicy: out of memory\n");
		return -ENOMEM;
	}
	return nl_ctx_request(ctx, msg, NULL, NULL, "load");
}

/*
 * send_policy(), attaching enforcement first where the module holds none
 * (the host's first policy): the module refuses the policy until then.
 */
static int load_one(struct nl_ctx *ctx, const struct policy *policy, uint64_t id,
		    bool on_exec, bool keep_learned)
{
	int err;

	ctx->quiet_error = ENOLINK;
	err = send_policy(ctx, policy, id, on_exec, keep_learned);
	ctx->quiet_error = 0;
	if (err != -ENOLINK)
		return err;
	if (attach_enforcement(true)) {
		fprintf(stderr, "ctrpolicy: load: not loaded: nothing would enforce the policy, and attaching failed (above)\n");
		return -ENOLINK;
	}
	return send_policy(ctx, policy, id, on_exec, keep_learned);
}

/* Loaded is not enforced: say so when nothing enforces the policy. */
static void warn_if_not_enforced(void)
{
	char why[640];

	if (enforcement_gap(why, sizeof(why)))
		fprintf(stderr, "ctrpolicy: warning: the policy is loaded but not enforced: %s\n",
			why);
}

int policy_load_file(const char *file, const char *const *cgroups, int n,
		     bool on_exec, bool learn)
{
	struct policy policy;
	struct nl_ctx ctx;
	uint64_t id;
	int i, err;

	err = policy_read(file, &policy, NULL);
	if (err)
		return err;
	if (learn)
		policy.mode = CTRPOLICY_MODE_LEARN;
	err = nl_ctx_open(&ctx);
	if (err)
		goto out_policy;
	/* One cgroup after the other: each load is atomic on its own. */
	for (i = 0; i < n && !err; i++) {
		if (cgroup_id_of(cgroups[i], &id))
			err = EXIT_NOT_FOUND;
		else if ((err = load_one(&ctx, &policy, id, on_exec, false)))
			err = errno_exit(err);
	}
	nl_ctx_close(&ctx);
	if (!err)
		warn_if_not_enforced();
out_policy:
	policy_free(&policy);
	return err;
}

int policy_load_id(const struct policy *policy, uint64_t id, bool keep_learned)
{
	struct nl_ctx ctx;
	int err;

	err = nl_ctx_open(&ctx);
	if (err)
		return err;
	err = load_one(&ctx, policy, id, false, keep_learned);
	nl_ctx_close(&ctx);
	if (err)
		return errno_exit(err);
	warn_if_not_enforced();
	return EXIT_OK;
}

int cmd_load(int argc, char **argv)
{
	struct targets targets;
	const char **cgroups;
	int i, err;

	err = targets_parse(argc, argv, USAGE_LOAD, 1, true, &targets);
	cgroups = calloc(targets.n + 1, sizeof(*cgroups));
	if (!err && !cgroups)
		err = EXIT_FAILURE_GENERIC;
	for (i = 0; !err && i < targets.n; i++)
		cgroups[i] = targets.paths[i];
	if (!err)
		err = policy_load_file(argv[optind], cgroups, targets.n,
				       targets.on_exec, false);
	free(cgroups);
	targets_free(&targets);
	return err;
}

int one_target(int argc, char **argv, const char *usage, int want_args,
	       const struct command_options *more, struct targets *targets,
	       uint64_t *id)
{
	int err = targets_parse_opts(argc, argv, usage, want_args, false, more,
				     targets);

	if (!err && cgroup_id_of(targets->paths[0], id))
		err = EXIT_NOT_FOUND;
	return err;
}

int policy_unload_id(uint64_t id, bool missing_ok)
{
	struct nl_ctx ctx;
	struct nl_msg *msg;
	int err;

	err = nl_ctx_open(&ctx);
	if (err)
		return err;
	ctx.quiet_error = missing_ok ? ENOENT : 0;
	msg = nl_ctx_msg(&ctx, CTRPOLICY_CMD_POLICY_DEL, 0);
	if (!msg || nla_put_u64(msg, CTRPOLICY_A_CGROUP_ID, id)) {
		nlmsg_free(msg);
		nl_ctx_close(&ctx);
		return EXIT_FAILURE_GENERIC;
	}
	err = nl_ctx_request(&ctx, msg, NULL, NULL, "unload");
	nl_ctx_close(&ctx);
	if (err == -ENOENT && missing_ok)
		err = 0;
	return err ? errno_exit(err) : EXIT_OK;
}

int cmd_unload(int argc, char **argv)
{
	struct targets targets;
	uint64_t id;
	int err;

	err = one_target(argc, argv, USAGE_UNLOAD, 0, NULL, &targets, &id);
	targets_free(&targets);
	return err ?: policy_unload_id(id, false);
}

struct listed {
	uint64_t cgroup_id;
	struct policy policy;		/* with its address rules for 'show' */
	uint32_t net_rule_count;	/* the address rules, also in a dump */
	bool pending;			/* waits for an execve() (--on-exec) */
	uint64_t suppressed;		/* events its rate limit suppressed */
	uint64_t counters[CTRPOLICY_AREA_MAX + 1][CTRPOLICY_COUNTER_A_MAX + 1];
};

struct listing {
	struct listed *items;
	size_t n, cap;
};

/* Forget the items, keeping the array. */
static void listing_clear(struct listing *listing)
{
	size_t i;

	for (i = 0; i < listing->n; i++)
		policy_free(&listing->items[i].policy);
	listing->n = 0;
}

static void listing_reset(void *arg)
{
	listing_clear(arg);
}

static void listing_free(struct listing *listing)
{
	listing_clear(listing);
	free(listing->items);
	listing->items = NULL;
	listing->cap = 0;
}

static void parse_counters(struct nlattr *nest, struct listed *item)
{
	struct nlattr *area, *counter;
	int rem_area, rem_counter;

	nla_for_each_nested(area, nest, rem_area) {
		if (nla_type(area) > CTRPOLICY_AREA_MAX)
			continue;
		nla_for_each_nested(counter, area, rem_counter)
			if (nla_type(counter) <= CTRPOLICY_COUNTER_A_MAX &&
			    nla_len(counter) == sizeof(uint64_t))
				item->counters[nla_type(area)][nla_type(counter)] =
					nla_get_u64(counter);
	}
}

static int on_policy(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[CTRPOLICY_A_MAX + 1];
	struct listing *listing = arg;
	struct listed *item;

	if (nl_reply_parse(msg, tb) || !tb[CTRPOLICY_A_CGROUP_ID])
		return -EPROTO;
	if (!tb[CTRPOLICY_A_POLICY]) {
		/* More address rules of the policy just read. */
		item = listing->n ? &listing->items[listing->n - 1] : NULL;
		if (!item ||
		    item->cgroup_id != nla_get_u64(tb[CTRPOLICY_A_CGROUP_ID]))
			return -EPROTO;
		return nl_get_net_rules(msg, &item->policy) ? -EPROTO : 0;
	}
	if (listing->n == listing->cap) {
		size_t cap = listing->cap ? 2 * listing->cap : 16;
		struct listed *items = realloc(listing->items, cap * sizeof(*items));

		if (!items)
			return -ENOMEM;
		listing->items = items;
		listing->cap = cap;
	}
	item = &listing->items[listing->n];
	memset(item, 0, sizeof(*item));
	item->cgroup_id = nla_get_u64(tb[CTRPOLICY_A_CGROUP_ID]);
	if (nl_get_policy(tb[CTRPOLICY_A_POLICY], &item->policy))
		return -EPROTO;
	item->pending = tb[CTRPOLICY_A_PENDING] != NULL;
	if (nl_get_net_rule_count(tb[CTRPOLICY_A_POLICY], &item->net_rule_count))
		item->net_rule_count = item->policy.n_net_rules;
	if (tb[CTRPOLICY_A_COUNTERS])
		parse_counters(tb[CTRPOLICY_A_COUNTERS], item);
	if (tb[CTRPOLICY_A_SUPPRESSED] &&
	    nla_len(tb[CTRPOLICY_A_SUPPRESSED]) == sizeof(uint64_t))
		item->suppressed = nla_get_u64(tb[CTRPOLICY_A_SUPPRESSED]);
	listing->n++;
	return 0;
}

/*
 * The policy of one cgroup (ID set) or, with ID 0, every policy.  A cgroup
 * without policy is EXIT_NOT_FOUND, said on stderr unless QUIET.
 */
static int fetch_policies(uint64_t id, struct listing *listing, bool quiet)
{
	/*
	 * One cgroup's dump streams its address rules after it; a dump that
	 * raced with a change is read again.
	 */
	int err = nl_ctx_dump(CTRPOLICY_CMD_POLICY_GET, id, quiet ? ENOENT : 0,
			  listing_reset, on_policy, listing, id ? "show" : "list");

	return err < 0 ? errno_exit(err) : err;
}

static void print_socket_rules_json(const struct policy *p)
{
	const struct ctrpolicy_socket_rule *r;
	const char *family;
	size_t i;

	out_begin_named_array("socket_rules");
	for (i = 0; i < p->n_socket_rules; i++) {
		r = &p->socket_rules[i];
		family = policy_net_family_name(r->family);
		out_begin_object();
		out_string("action", "", policy_action_name(r->action));
		out_string("family", "", family ? family : "unknown");
		out_string("proto", "", policy_net_proto_name(r->proto));
		out_end_object();
	}
	out_end_array();
}

static void print_net_rules_json(const struct policy *p)
{
	char ops[64], addr[POLICY_NET_ADDR_MAX];
	const struct ctrpolicy_net_rule *r;
	size_t i;

	out_begin_named_array("address_rules");
	for (i = 0; i < p->n_net_rules; i++) {
		r = &p->net_rules[i];
		policy_net_ops_format(r->ops, ops, sizeof(ops));
		out_begin_object();
		out_string("action", "", policy_action_name(r->action));
		out_string("ops", "", ops);
		out_string("proto", "", policy_net_proto_name(r->proto));
		out_string("address", "", policy_net_addr_format(r, addr));
		out_uint("port_min", "", r->port_min);
		out_uint("port_max", "", r->port_max);
		out_end_object();
	}
	out_end_array();
}

/*
 * The network section, in JSON only (the table has no column for it):
 * default, socket rules, the number of address rules and, with RULES (from
 * 'show'; a dump only counts them), the rules.
 */
static void print_net_json(const struct listed *item, bool rules)
{
	out_begin_named_object("network");
	out_string("default", "", policy_action_name(item->policy.net_default));
	print_socket_rules_json(&item->policy);
	out_uint("address_rule_count", "", item->net_rule_count);
	if (rules)
		print_net_rules_json(&item->policy);
	out_end_object();
}

/*
 * The rate limit of the policy's events, and the events it suppressed: in
 * the text, the last column.
 */
static void print_events(const struct listed *item)
{
	out_begin_named_object("events");
	out_uint("rate", "", policy_event_rate(&item->policy));
	out_uint("burst", "", policy_event_burst(&item->policy));
	out_uint("suppressed", " %10llu", item->suppressed);
	out_end_object();
}

/*
 * The counters of each area; the text has a column each for the sums of
 * the checks, denials and audited requests of all areas instead.
 */
static void print_counters(const struct listed *item)
{
	uint64_t checks = 0, denied = 0, audited = 0;
	int area;

	out_begin_named_object("counters");
	for (area = 1; area <= CTRPOLICY_AREA_MAX; area++) {
		const uint64_t *c = item->counters[area];

		out_begin_named_object(area_name(area));
		out_uint("checks", "", c[CTRPOLICY_COUNTER_A_CHECKS]);
		out_uint("allowed", "", c[CTRPOLICY_COUNTER_A_ALLOWED]);
		out_uint("denied", "", c[CTRPOLICY_COUNTER_A_DENIED]);
		out_uint("audited", "", c[CTRPOLICY_COUNTER_A_AUDITED]);
		out_end_object();
		checks += c[CTRPOLICY_COUNTER_A_CHECKS];
		denied += c[CTRPOLICY_COUNTER_A_DENIED];
		audited += c[CTRPOLICY_COUNTER_A_AUDITED];
	}
	out_end_object();
	out_text(" %10" PRIu64 " %10" PRIu64 " %10" PRIu64, checks, denied,
		 audited);
}

/*
 * A policy as a line of the table of 'list', or as a JSON object (also of
 * 'show -j', with RULES); the text's mode column marks a pending policy
 * with '*', which JSON says in "pending".
 */
static void print_listed(const struct listed *item, const char *path,
			 bool rules)
{
	const char *mode = policy_mode_name(item->policy.mode);
	char marked[16];

	snprintf(marked, sizeof(marked), "%s%s", mode, item->pending ? "*" : "");
	out_begin_object();
	out_string("cgroup", "%-40s ", path);
	out_uint("cgroup_id", "", item->cgroup_id);
	out_string("policy", "%-20s ", item->policy.name);
	out_string("mode", "", mode);
	out_bool("pending", "", item->pending);
	out_text("%-8s", marked);
	print_net_json(item, rules);
	print_counters(item);
	print_events(item);
	out_text("\n");
	out_end_object();
}

int cmd_list(int argc, char **argv)
{
	struct listing listing = { 0 };
	char (*paths)[4096];
	bool pending = false;
	uint64_t *ids;
	size_t i;
	int err;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: ctrpolicy list\n");
		return EXIT_USAGE;
	}
	err = fetch_policies(0, &listing, false);
	if (err) {
		listing_free(&listing);
		return err;
	}
	ids = calloc(listing.n + 1, sizeof(*ids));
	paths = calloc(listing.n + 1, sizeof(*paths));
	if (!ids || !paths) {
		fprintf(stderr, "ctrpolicy: out of memory\n");
		err = EXIT_FAILURE_GENERIC;
		goto out;
	}
	for (i = 0; i < listing.n; i++)
		ids[i] = listing.items[i].cgroup_id;
	cgroup_paths_of(ids, listing.n, paths);

	out_begin_array();
	out_text("%-40s %-20s %-8s %10s %10s %10s %10s\n", "CGROUP", "POLICY",
		 "MODE", "CHECKS", "DENIED", "AUDITED", "SUPPRESSED");
	for (i = 0; i < listing.n; i++) {
		print_listed(&listing.items[i], paths[i], false);
		pending |= listing.items[i].pending;
	}
	out_end_array();
	if (pending)
		out_text("* pending: in force from the first execve() in the cgroup\n");
out:
	free(ids);
	free(paths);
	listing_free(&listing);
	return err;
}

int cmd_show(int argc, char **argv)
{
	struct listing listing = { 0 };
	struct targets targets;
	uint64_t id;
	int err;

	err = one_target(argc, argv, USAGE_SHOW, 0, NULL, &targets, &id);
	if (!err)
		err = fetch_policies(id, &listing, false);
	if (!err && listing.n != 1) {
		/* Removed between the kernel's check and its first message. */
		fprintf(stderr, "ctrpolicy: show: %s has no policy\n", targets.paths[0]);
		err = EXIT_NOT_FOUND;
	}
	if (!err) {
		if (opt_json)
			print_listed(&listing.items[0], targets.paths[0], true);
		else
			policy_print(stdout, &listing.items[0].policy);
	}
	listing_free(&listing);
	targets_free(&targets);
	return err;
}

int policy_fetch(uint64_t id, struct policy *policy)
{
	struct listing listing = { 0 };
	int err;

	err = fetch_policies(id, &listing, true);
	if (!err && listing.n != 1)
		err = EXIT_FAILURE_GENERIC;
	if (!err) {
		*policy = listing.items[0].policy;
		listing.n = 0;	/* *POLICY has its rules now */
	}
	listing_free(&listing);
	return err;
}

int cmd_check(int argc, char **argv)
{
	struct policy_error perr;
	struct policy policy;
	int i, err = EXIT_OK;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] == '-' && argv[i][1])
			break;	/* an option; "-" is standard input */
	}
	if (argc < 2 || i < argc) {
		fprintf(stderr, "usage: ctrpolicy %s\n", USAGE_CHECK);
		return EXIT_USAGE;
	}
	out_begin_array();
	for (i = 1; i < argc; i++) {
		out_begin_object();
		if (policy_read(argv[i], &policy, &perr)) {
			err = EXIT_POLICY;
			out_string("file", "", argv[i]);
			out_bool("valid", "", false);
			if (opt_json)
				out_string("error", "", perr.msg);
			else
				fputs(perr.msg, stderr);
		} else {
			out_string("file", "%s: ok", argv[i]);
			out_bool("valid", "", true);
			out_string("policy", " (policy %s", policy.name);
			out_string("mode", ", mode %s)\n", policy_mode_name(policy.mode));
			policy_free(&policy);
		}
		out_end_object();
	}
	out_end_array();
	return err;
}
