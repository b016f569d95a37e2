// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the policy's netlink form: nl_put_policy() and
 * nl_get_policy() of tools/ctrpolicy/nl.c, without a kernel.  The layout
 * checked here is the one include/uapi/linux/ctrpolicy.h describes and the
 * module parses with strict validation.
 *
 * usage: test_nl FIXTURE_DIR
 *
 * Prints TAP lines without numbers; exits 1 if any check failed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>

#include "nl.h"
#include "policy.h"

#define TAP_PREFIX "policy: netlink: "
#include "tap.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))


static struct nl_ctx fake_ctx = { .sock = NULL, .family = 0x20 };

static void parse_text(const char *text, struct policy *p)
{
	struct policy_error err;

	if (policy_parse_buffer("t", text, strlen(text), p, &err)) {
		printf("Bail out! %s", err.msg);
		exit(1);
	}
}

/* A request holding what PUT writes for P, of SIZE bytes of attributes. */
static struct nl_msg *put_with(const struct policy *p, size_t size,
			       int (*put)(struct nl_msg *msg,
					  const struct policy *p))
{
	struct nl_msg *msg = nl_ctx_msg_size(&fake_ctx, CTRPOLICY_CMD_POLICY_SET,
					     0, size);

	if (!msg) {
		printf("Bail out! out of memory\n");
		exit(1);
	}
	if (put(msg, p)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* A request holding P as CTRPOLICY_A_POLICY, sized by nl_policy_size(). */
static struct nl_msg *put(const struct policy *p)
{
	return put_with(p, nl_policy_size(p), nl_put_policy);
}

/* The CTRPOLICY_A_POLICY of MSG. */
static struct nlattr *policy_attr(struct nl_msg *msg)
{
	struct nlattr *tb[CTRPOLICY_A_MAX + 1];

	if (nl_reply_parse(msg, tb))
		return NULL;
	return tb[CTRPOLICY_A_POLICY];
}

/* A request holding P's address rules, sized by nl_net_rules_size(). */
static struct nl_msg *put_net_rules(const struct policy *p)
{
	return put_with(p, nl_net_rules_size(p), nl_put_net_rules);
}

/*
 * put, then get: whether the policy comes back the same, its address rules
 * in CTRPOLICY_A_NET_RULES beside it.
 */
static int round_trip(const struct policy *p)
{
	struct nl_msg *msg;
	struct policy q;
	int ok;

	msg = nl_ctx_msg_size(&fake_ctx, CTRPOLICY_CMD_POLICY_SET, 0,
			      nl_policy_size(p) + nl_net_rules_size(p));
	if (!msg || nl_put_policy(msg, p) || nl_put_net_rules(msg, p)) {
		nlmsg_free(msg);
		return 0;
	}
	ok = policy_attr(msg) && !nl_get_policy(policy_attr(msg), &q);
	if (ok) {
		ok = !nl_get_net_rules(msg, &q) && policy_equal(p, &q);
		policy_free(&q);
	}
	nlmsg_free(msg);
	return ok;
}

/* The types of the attributes in NEST, in order, with NLA_F_NESTED. */
static size_t types_of(struct nlattr *nest, unsigned int *types, size_t max)
{
	struct nlattr *a;
	size_t n = 0;
	int rem;

	nla_for_each_nested(a, nest, rem) {
		if (n < max)
			types[n] = a->nla_type;
		n++;
	}
	return n;
}

static struct nlattr *find(struct nlattr *nest, int type)
{
	return nla_find(nla_data(nest), nla_len(nest), type);
}

#define NESTED(t)	((t) | NLA_F_NESTED)

/* The attributes at the top level of MSG, after the genetlink header. */
static size_t top_types(struct nl_msg *msg, unsigned int *types, size_t max)
{
	struct genlmsghdr *gnlh = genlmsg_hdr(nlmsg_hdr(msg));
	struct nlattr *a;
	size_t n = 0;
	int rem;

	nla_for_each_attr(a, genlmsg_attrdata(gnlh, 0),
			  genlmsg_attrlen(gnlh, 0), rem) {
		if (n < max)
			types[n] = a->nla_type;
		n++;
	}
	return n;
}

/* NEST holds only its DEFAULT, attribute TYPE, and that is deny. */
static int only_default_deny(struct nlattr *nest, int type)
{
	unsigned int types[4];

	return nest && types_of(nest, types, ARRAY_SIZE(types)) == 1 &&
	       types[0] == (unsigned int)type &&
	       nla_get_u32(find(nest, type)) == CTRPOLICY_ACTION_DENY;
}

static void test_layout(void)
{
	static const char text[] =
		"policy a\nmode audit\ncapabilities {\nallow kill\n}\n"
		"mount {\n"
		"\tdefault allow\n"
		"\tallow mount tmpfs from none on /tmp require nosuid forbid ro\n"
		"\tdeny umount\n"
		"}\n";
	static const unsigned int policy_types[] = {
		CTRPOLICY_POLICY_A_NAME, CTRPOLICY_POLICY_A_MODE,
		CTRPOLICY_POLICY_A_CAPS, NESTED(CTRPOLICY_POLICY_A_MOUNT),
		NESTED(CTRPOLICY_POLICY_A_NET), NESTED(CTRPOLICY_POLICY_A_EVENTS),
	};
	static const unsigned int mount_types[] = {
		CTRPOLICY_MOUNT_A_DEFAULT, NESTED(CTRPOLICY_MOUNT_A_RULES),
	};
	static const unsigned int rule1_types[] = {
		CTRPOLICY_MOUNT_RULE_A_ACTION, CTRPOLICY_MOUNT_RULE_A_OP,
		CTRPOLICY_MOUNT_RULE_A_FSTYPE, CTRPOLICY_MOUNT_RULE_A_SOURCE,
		CTRPOLICY_MOUNT_RULE_A_TARGET, CTRPOLICY_MOUNT_RULE_A_REQUIRE,
		CTRPOLICY_MOUNT_RULE_A_FORBID,
	};
	static const unsigned int rule2_types[] = {
		CTRPOLICY_MOUNT_RULE_A_ACTION, CTRPOLICY_MOUNT_RULE_A_OP,
		CTRPOLICY_MOUNT_RULE_A_REQUIRE, CTRPOLICY_MOUNT_RULE_A_FORBID,
	};
	unsigned int types[16], rules[4];
	struct nlattr *pol, *mount, *list, *r1, *r2;
	struct nl_msg *msg;
	struct policy p;
	size_t n;

	parse_text(text, &p);
	msg = put(&p);
	pol = msg ? policy_attr(msg) : NULL;
	check(pol && (pol->nla_type & NLA_F_NESTED),
	      "CTRPOLICY_A_POLICY is a nest flagged NLA_F_NESTED");
	if (!pol) {
		policy_free(&p);
		nlmsg_free(msg);
		return;
	}
	n = types_of(pol, types, ARRAY_SIZE(types));
	check(n == ARRAY_SIZE(policy_types) &&
	      !memcmp(types, policy_types, sizeof(policy_types)),
	      "policy: NAME, MODE, CAPS, MOUNT (nested), NET (nested), EVENTS (nested)");
	{
		struct nlattr *events = find(pol, CTRPOLICY_POLICY_A_EVENTS);

		check(events && find(events, CTRPOLICY_EVENTS_A_RATE) &&
		      find(events, CTRPOLICY_EVENTS_A_BURST) &&
		      nla_get_u32(find(events, CTRPOLICY_EVENTS_A_RATE)) ==
		      CTRPOLICY_EVENT_RATE_DEFAULT &&
		      nla_get_u32(find(events, CTRPOLICY_EVENTS_A_BURST)) ==
		      CTRPOLICY_EVENT_BURST_DEFAULT,
		      "events: RATE and BURST, the defaults spelt out");
	}
	mount = find(pol, CTRPOLICY_POLICY_A_MOUNT);
	n = mount ? types_of(mount, types, ARRAY_SIZE(types)) : 0;
	check(n == ARRAY_SIZE(mount_types) &&
	      !memcmp(types, mount_types, sizeof(mount_types)) &&
	      nla_get_u32(find(mount, CTRPOLICY_MOUNT_A_DEFAULT)) ==
	      CTRPOLICY_ACTION_ALLOW,
	      "mount: DEFAULT (u32 allow), RULES (nested)");
	list = mount ? find(mount, CTRPOLICY_MOUNT_A_RULES) : NULL;
	n = list ? types_of(list, rules, ARRAY_SIZE(rules)) : 0;
	check(n == 2 && rules[0] == NESTED(CTRPOLICY_MOUNT_A_RULE) &&
	      rules[1] == NESTED(CTRPOLICY_MOUNT_A_RULE),
	      "rules: a RULE nest (flagged NLA_F_NESTED) per rule, in order");
	if (n != 2) {
		policy_free(&p);
		nlmsg_free(msg);
		return;
	}
	r1 = nla_data(list);
	r2 = nla_next(r1, &(int){ nla_len(list) });
	n = types_of(r1, types, ARRAY_SIZE(types));
	check(n == ARRAY_SIZE(rule1_types) &&
	      !memcmp(types, rule1_types, sizeof(rule1_types)) &&
	      nla_get_u32(find(r1, CTRPOLICY_MOUNT_RULE_A_ACTION)) == CTRPOLICY_ACTION_ALLOW &&
	      nla_get_u32(find(r1, CTRPOLICY_MOUNT_RULE_A_OP)) == CTRPOLICY_MOUNT_OP_MOUNT &&
	      nla_len(find(r1, CTRPOLICY_MOUNT_RULE_A_FSTYPE)) == 6 &&
	      !strcmp(nla_data(find(r1, CTRPOLICY_MOUNT_RULE_A_FSTYPE)), "tmpfs") &&
	      nla_len(find(r1, CTRPOLICY_MOUNT_RULE_A_SOURCE)) == 5 &&
	      !strcmp(nla_data(find(r1, CTRPOLICY_MOUNT_RULE_A_SOURCE)), "none") &&
	      nla_len(find(r1, CTRPOLICY_MOUNT_RULE_A_TARGET)) == 5 &&
	      !strcmp(nla_data(find(r1, CTRPOLICY_MOUNT_RULE_A_TARGET)), "/tmp") &&
	      nla_get_u32(find(r1, CTRPOLICY_MOUNT_RULE_A_REQUIRE)) == CTRPOLICY_MOUNT_F_NOSUID &&
	      nla_get_u32(find(r1, CTRPOLICY_MOUNT_RULE_A_FORBID)) == CTRPOLICY_MOUNT_F_RDONLY,
	      "rule: ACTION, OP, FSTYPE, SOURCE, TARGET (NUL-terminated strings), REQUIRE, FORBID");
	n = types_of(r2, types, ARRAY_SIZE(types));
	check(n == ARRAY_SIZE(rule2_types) &&
	      !memcmp(types, rule2_types, sizeof(rule2_types)) &&
	      nla_get_u32(find(r2, CTRPOLICY_MOUNT_RULE_A_REQUIRE)) == 0 &&
	      nla_get_u32(find(r2, CTRPOLICY_MOUNT_RULE_A_FORBID)) == 0,
	      "rule: absent clauses are absent strings, and REQUIRE and FORBID 0");
	nlmsg_free(msg);
	policy_free(&p);

	/*
	 * No mount or network section: MOUNT and NET still, each with its
	 * DEFAULT deny and no rule; no address rule beside them.
	 */
	parse_text("policy a\n", &p);
	msg = put(&p);
	pol = msg ? policy_attr(msg) : NULL;
	check(pol && only_default_deny(find(pol, CTRPOLICY_POLICY_A_MOUNT),
				       CTRPOLICY_MOUNT_A_DEFAULT),
	      "a policy without mount rules: MOUNT { DEFAULT deny }, no RULES");
	check(pol && only_default_deny(find(pol, CTRPOLICY_POLICY_A_NET),
				       CTRPOLICY_NET_A_DEFAULT) &&
	      nl_net_rules_size(&p) == 0,
	      "network: a policy without a network section sends NET { DEFAULT deny }, no rules");
	nlmsg_free(msg);
	msg = put_net_rules(&p);
	check(msg && top_types(msg, types, ARRAY_SIZE(types)) == 0,
	      "network: no CTRPOLICY_A_NET_RULES for a policy without address rules");
	nlmsg_free(msg);
}

static void test_net_layout(void)
{
	static const char text[] =
		"policy a\nnetwork {\n"
		"\tdefault allow\n"
		"\tsocket allow unix\n"
		"\tsocket deny inet6 raw\n"
		"\tallow connect tcp 10.0.0.0/8 port 443\n"
		"\tdeny bind,send udp 2001:db8::/32 port 1-1024\n"
		"}\n";
	static const struct ctrpolicy_socket_rule sockets[] = {
		{ CTRPOLICY_ACTION_ALLOW, AF_UNIX, CTRPOLICY_NET_PROTO_ANY, 0 },
		{ CTRPOLICY_ACTION_DENY, AF_INET6, CTRPOLICY_NET_PROTO_RAW, 0 },
	};
	const struct ctrpolicy_net_rule *r;
	struct nlattr *pol, *net, *attr;
	unsigned int types[16];
	struct nl_msg *msg;
	struct policy p;
	size_t n;

	parse_text(text, &p);
	msg = put(&p);
	pol = msg ? policy_attr(msg) : NULL;
	net = pol ? find(pol, CTRPOLICY_POLICY_A_NET) : NULL;
	n = net ? types_of(net, types, ARRAY_SIZE(types)) : 0;
	check(n == 2 && types[0] == CTRPOLICY_NET_A_DEFAULT &&
	      types[1] == CTRPOLICY_NET_A_SOCKET_RULES &&
	      nla_len(find(net, CTRPOLICY_NET_A_DEFAULT)) == 4 &&
	      nla_get_u32(find(net, CTRPOLICY_NET_A_DEFAULT)) ==
	      CTRPOLICY_ACTION_ALLOW,
	      "network: NET { DEFAULT (u32 allow), SOCKET_RULES }, never RULE_COUNT");
	attr = net ? find(net, CTRPOLICY_NET_A_SOCKET_RULES) : NULL;
	check(attr && nla_len(attr) == sizeof(sockets) &&
	      !memcmp(nla_data(attr), sockets, sizeof(sockets)),
	      "network: SOCKET_RULES is the array of struct ctrpolicy_socket_rule, in order");
	n = msg ? top_types(msg, types, ARRAY_SIZE(types)) : 0;
	check(n == 1 && types[0] == NESTED(CTRPOLICY_A_POLICY),
	      "network: the address rules are not in CTRPOLICY_A_POLICY");
	nlmsg_free(msg);

	msg = put_net_rules(&p);
	n = msg ? top_types(msg, types, ARRAY_SIZE(types)) : 0;
	attr = msg ? genlmsg_attrdata(genlmsg_hdr(nlmsg_hdr(msg)), 0) : NULL;
	r = attr ? nla_data(attr) : NULL;
	check(n == 1 && types[0] == CTRPOLICY_A_NET_RULES &&
	      nla_len(attr) == 2 * sizeof(*r) && sizeof(*r) == 32 &&
	      r[0].family == AF_INET && r[0].addr[0] == 10 &&
	      r[0].prefix_len == 8 && r[0].port_min == 443 &&
	      r[0].port_max == 443 && r[0].proto == CTRPOLICY_NET_PROTO_TCP &&
	      r[0].ops == 1U << CTRPOLICY_NET_OP_CONNECT &&
	      r[0].action == CTRPOLICY_ACTION_ALLOW &&
	      r[1].family == AF_INET6 && r[1].addr[0] == 0x20 &&
	      r[1].addr[1] == 0x01 && r[1].addr[2] == 0x0d &&
	      r[1].addr[3] == 0xb8 && r[1].prefix_len == 32 &&
	      r[1].port_min == 1 && r[1].port_max == 1024 &&
	      r[1].ops == ((1U << CTRPOLICY_NET_OP_BIND) |
			   (1U << CTRPOLICY_NET_OP_SEND)) &&
	      r[1].action == CTRPOLICY_ACTION_DENY,
	      "network: CTRPOLICY_A_NET_RULES holds struct ctrpolicy_net_rule of 32 bytes, ports in host order");
	nlmsg_free(msg);
	policy_free(&p);
}

/* A policy of N address rules, each different, in *P. */
static void many_rules(struct policy *p, size_t n)
{
	size_t i;

	memset(p, 0, sizeof(*p));
	strcpy(p->name, "many");
	p->n_net_rules = n;
	p->net_rules = calloc(n + 1, sizeof(*p->net_rules));
	for (i = 0; i < n; i++) {
		struct ctrpolicy_net_rule *r = &p->net_rules[i];

		r->family = AF_INET;
		r->addr[0] = 10;
		r->addr[1] = i >> 8;
		r->addr[2] = i;
		r->prefix_len = 24;
		r->port_min = i;
		r->port_max = i;
		r->ops = 1U << CTRPOLICY_NET_OP_CONNECT;
		r->action = i & 1;
	}
}

/* The address rules split into attributes of at most 2047 rules. */
static void test_net_chunks(void)
{
	static const size_t counts[] = { 1, 2047, 2048, 4094, 4095,
					 CTRPOLICY_MAX_NET_RULES };
	struct genlmsghdr *gnlh;
	struct nlattr *attr;
	struct nl_msg *msg;
	struct policy p;
	size_t i, n, want, seen, len;
	int rem, ok;

	for (i = 0; i < ARRAY_SIZE(counts); i++) {
		many_rules(&p, counts[i]);
		msg = put_net_rules(&p);
		gnlh = msg ? genlmsg_hdr(nlmsg_hdr(msg)) : NULL;
		ok = msg && (size_t)genlmsg_attrlen(gnlh, 0) == nl_net_rules_size(&p);
		n = 0;
		seen = 0;
		if (ok) {
			nla_for_each_attr(attr, genlmsg_attrdata(gnlh, 0),
					  genlmsg_attrlen(gnlh, 0), rem) {
				want = counts[i] - seen < CTRPOLICY_NET_RULES_PER_ATTR ?
				       counts[i] - seen : CTRPOLICY_NET_RULES_PER_ATTR;
				len = want * sizeof(*p.net_rules);
				ok = ok && attr->nla_type == CTRPOLICY_A_NET_RULES &&
				     (size_t)nla_len(attr) == len &&
				     !memcmp(nla_data(attr), &p.net_rules[seen], len);
				seen += want;
				n++;
			}
		}
		want = (counts[i] + CTRPOLICY_NET_RULES_PER_ATTR - 1) /
		       CTRPOLICY_NET_RULES_PER_ATTR;
		check(ok && n == want && seen == counts[i] && round_trip(&p),
		      "network: %zu address rules travel in %zu attribute%s of at most 2047, in order, and come back",
		      counts[i], want, want == 1 ? "" : "s");
		nlmsg_free(msg);
		policy_free(&p);
	}

	many_rules(&p, CTRPOLICY_MAX_NET_RULES);
	len = nlmsg_total_size(GENL_HDRLEN + nla_total_size(sizeof(uint64_t)) +
			       nl_policy_size(&p) + nl_net_rules_size(&p));
	check(len > 520000 && len < 540000,
	      "network: a request of 16384 address rules takes %zu bytes", len);
	policy_free(&p);

	many_rules(&p, CTRPOLICY_MAX_NET_RULES + 1);
	msg = nl_ctx_msg_size(&fake_ctx, CTRPOLICY_CMD_POLICY_SET, 0,
			      nl_net_rules_size(&p));
	check(msg && nl_put_net_rules(msg, &p) == -E2BIG,
	      "network: 16385 address rules are refused with E2BIG");
	nlmsg_free(msg);
	policy_free(&p);
}

/* nl_policy_size() is the size of the attribute nl_put_policy() writes. */
static int size_exact(const struct policy *p)
{
	struct nl_msg *msg = put(p);
	struct nlattr *pol = msg ? policy_attr(msg) : NULL;
	int ok = pol && (size_t)nla_total_size(nla_len(pol)) == nl_policy_size(p);

	nlmsg_free(msg);
	return ok;
}

static void test_round_trips(const char *fixtures)
{
	char path[4096], big[CTRPOLICY_PATH_MAX] = "";
	struct policy_error err;
	struct nl_msg *msg;
	struct policy p;
	size_t i, n;

	snprintf(path, sizeof(path), "%s/mount.policy", fixtures);
	if (policy_parse_file(path, &p, &err)) {
		printf("Bail out! %s", err.msg);
		exit(1);
	}
	check(round_trip(&p), "mount.policy comes back the same");
	policy_free(&p);

	snprintf(path, sizeof(path), "%s/network.policy", fixtures);
	if (policy_parse_file(path, &p, &err)) {
		printf("Bail out! %s", err.msg);
		exit(1);
	}
	check(round_trip(&p) && size_exact(&p),
	      "network.policy comes back the same; nl_policy_size() is exact");
	policy_free(&p);

	parse_text("policy b\n", &p);
	check(round_trip(&p), "a policy without mount rules comes back the same");

	parse_text("policy e\nevents {\n\trate 7/s\n\tburst 9\n}\n", &p);
	check(round_trip(&p) && size_exact(&p),
	      "a policy's events rate limit comes back the same; the size is exact");
	policy_free(&p);

	/*
	 * 256 rules with strings that fill the 64 KiB of an attribute: more
	 * than libnl's default message; then one byte more.
	 */
	memset(&p, 0, sizeof(p));
	strcpy(p.name, "big");
	p.mount_default = CTRPOLICY_ACTION_ALLOW;
	p.n_mount_rules = CTRPOLICY_MAX_MOUNT_RULES;
	p.mount_rules = calloc(p.n_mount_rules, sizeof(*p.mount_rules));
	memset(big, 'x', sizeof(big) - 1);
	big[0] = '/';
	for (i = 0; i < p.n_mount_rules; i++) {
		struct mount_rule *r = &p.mount_rules[i];

		r->action = i & 1;
		r->op = 1 + i % CTRPOLICY_MOUNT_OP_MAX;
		memset(r->fstype, 'f', 1 + i % 16);
		r->source = i % 3 ? strdup("/s") : NULL;
		r->target = strndup(big, 1 + i % 32);
		r->require = i & CTRPOLICY_MOUNT_F_ALL;
		r->forbid = ~i & CTRPOLICY_MOUNT_F_ALL;
	}
	check(size_exact(&p), "nl_policy_size() is exact");
	/* Grow targets until the attribute is as large as load sends. */
	for (i = 0; nl_policy_size(&p) < NL_POLICY_SIZE_MAX; i++) {
		n = strlen(p.mount_rules[i].target) +
		    (NL_POLICY_SIZE_MAX - nl_policy_size(&p));
		if (n > sizeof(big) - 1)
			n = sizeof(big) - 1;
		free(p.mount_rules[i].target);
		p.mount_rules[i].target = strndup(big, n);
	}
	check(nl_policy_size(&p) == NL_POLICY_SIZE_MAX && round_trip(&p) &&
	      size_exact(&p),
	      "a policy of %zu bytes (the most load sends) comes back the same",
	      nl_policy_size(&p));
	n = strlen(p.mount_rules[255].target);
	free(p.mount_rules[255].target);
	p.mount_rules[255].target = strndup(big, n + 4);
	msg = nl_ctx_msg_size(&fake_ctx, CTRPOLICY_CMD_POLICY_SET, 0,
			      nl_policy_size(&p));
	check(nl_policy_size(&p) > NL_POLICY_SIZE_MAX &&
	      nl_put_policy(msg, &p) == -E2BIG,
	      "a policy of %zu bytes is refused with E2BIG", nl_policy_size(&p));
	nlmsg_free(msg);
	policy_free(&p);
}

/*
 * A reply of policy "n" with a NET nest of DEFAULT allow, SOCKET_LEN bytes
 * of socket rules (none if 0), RULE_COUNT if COUNT >= 0, then address
 * rule attributes of the RULE_LENS bytes each (0 ends the list).
 */
static struct nl_msg *net_reply(size_t socket_len, long count,
				const size_t *rule_lens)
{
	static const char zero[CTRPOLICY_NET_RULES_PER_ATTR *
			       sizeof(struct ctrpolicy_net_rule) + 64];
	struct nl_msg *msg = nl_ctx_msg_size(&fake_ctx, CTRPOLICY_CMD_POLICY_GET,
					     0, 3 * sizeof(zero));
	struct nlattr *pol, *net;

	pol = nla_nest_start(msg, CTRPOLICY_A_POLICY);
	nla_put_string(msg, CTRPOLICY_POLICY_A_NAME, "n");
	nla_put_u32(msg, CTRPOLICY_POLICY_A_MODE, 0);
	net = nla_nest_start(msg, CTRPOLICY_POLICY_A_NET);
	nla_put_u32(msg, CTRPOLICY_NET_A_DEFAULT, CTRPOLICY_ACTION_ALLOW);
	if (socket_len)
		nla_put(msg, CTRPOLICY_NET_A_SOCKET_RULES, socket_len, zero);
	if (count >= 0)
		nla_put_u32(msg, CTRPOLICY_NET_A_RULE_COUNT, count);
	nla_nest_end(msg, net);
	nla_nest_end(msg, pol);
	for (; rule_lens && *rule_lens; rule_lens++)
		nla_put(msg, CTRPOLICY_A_NET_RULES, *rule_lens, zero);
	return msg;
}

/* Network attributes as a faulty kernel, or a dump, might send them. */
static void test_net_malformed(void)
{
	static const size_t rule_size = sizeof(struct ctrpolicy_net_rule);
	const size_t two[] = { 2 * rule_size, rule_size, 0 };
	const size_t odd[] = { rule_size, rule_size + 4, 0 };
	struct policy p, zero;
	struct nl_msg *msg;
	uint32_t count;
	int rc;

	memset(&zero, 0, sizeof(zero));
	msg = net_reply(3 * sizeof(struct ctrpolicy_socket_rule), 5, two);
	memset(&p, 0x5a, sizeof(p));
	rc = nl_get_policy(policy_attr(msg), &p);
	check(rc == 0 && p.net_default == CTRPOLICY_ACTION_ALLOW &&
	      p.n_socket_rules == 3 && !p.n_net_rules &&
	      !nl_get_net_rules(msg, &p) && p.n_net_rules == 3 &&
	      !nl_get_net_rule_count(policy_attr(msg), &count) && count == 5,
	      "network: socket rules from NET, the address rules of every CTRPOLICY_A_NET_RULES, RULE_COUNT apart");
	policy_free(&p);
	nlmsg_free(msg);

	msg = net_reply(0, -1, NULL);
	rc = nl_get_policy(policy_attr(msg), &p);
	check(rc == 0 && !p.n_socket_rules && !nl_get_net_rules(msg, &p) &&
	      !p.n_net_rules && !p.net_rules &&
	      nl_get_net_rule_count(policy_attr(msg), &count) == -ENOENT,
	      "network: no socket rules, no address rules, no RULE_COUNT");
	policy_free(&p);
	nlmsg_free(msg);

	msg = net_reply(sizeof(struct ctrpolicy_socket_rule) + 2, -1, NULL);
	memset(&p, 0x5a, sizeof(p));
	rc = nl_get_policy(policy_attr(msg), &p);
	check(rc == -EPROTO && !memcmp(&p, &zero, sizeof(p)),
	      "network: refused with EPROTO, nothing kept: SOCKET_RULES not a whole number of rules");
	nlmsg_free(msg);

	msg = net_reply((CTRPOLICY_MAX_SOCKET_RULES + 1) *
			sizeof(struct ctrpolicy_socket_rule), -1, NULL);
	memset(&p, 0x5a, sizeof(p));
	rc = nl_get_policy(policy_attr(msg), &p);
	check(rc == -EPROTO && !memcmp(&p, &zero, sizeof(p)),
	      "network: refused with EPROTO, nothing kept: 65 socket rules");
	nlmsg_free(msg);

	msg = net_reply(0, -1, odd);
	rc = nl_get_policy(policy_attr(msg), &p);
	check(rc == 0 && nl_get_net_rules(msg, &p) == -EPROTO &&
	      !p.n_net_rules && !p.net_rules,
	      "network: refused with EPROTO, nothing kept: CTRPOLICY_A_NET_RULES not a whole number of rules");
	policy_free(&p);
	nlmsg_free(msg);
}

/* Attributes built by hand, as a faulty kernel might send them. */
static void test_malformed(void)
{
	static const struct {
		const char *desc;
		int drop;		/* rule attribute left out, or 0 */
		int bad;		/* rule attribute made malformed, or 0 */
		int outer;		/* a non-RULE attribute in RULES */
	} cases[] = {
		{ "a rule without OP", CTRPOLICY_MOUNT_RULE_A_OP, 0, 0 },
		{ "a rule without ACTION", CTRPOLICY_MOUNT_RULE_A_ACTION, 0, 0 },
		{ "a short u32", 0, CTRPOLICY_MOUNT_RULE_A_REQUIRE, 0 },
		{ "a string without its NUL", 0, CTRPOLICY_MOUNT_RULE_A_TARGET, 0 },
		{ "a file system type of 64 bytes", 0, CTRPOLICY_MOUNT_RULE_A_FSTYPE, 0 },
		{ "an attribute other than RULE in RULES", 0, 0, 1 },
	};
	struct nlattr *pol, *mount, *rules, *rule;
	char fstype[CTRPOLICY_FSTYPE_MAX + 1];
	struct nl_msg *msg;
	struct policy p, zero;
	size_t i;
	int rc;

	memset(fstype, 'f', CTRPOLICY_FSTYPE_MAX);
	fstype[CTRPOLICY_FSTYPE_MAX] = '\0';
	memset(&zero, 0, sizeof(zero));
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		msg = nl_ctx_msg(&fake_ctx, CTRPOLICY_CMD_POLICY_SET, 0);
		pol = nla_nest_start(msg, CTRPOLICY_A_POLICY);
		nla_put_string(msg, CTRPOLICY_POLICY_A_NAME, "m");
		nla_put_u32(msg, CTRPOLICY_POLICY_A_MODE, 0);
		mount = nla_nest_start(msg, CTRPOLICY_POLICY_A_MOUNT);
		nla_put_u32(msg, CTRPOLICY_MOUNT_A_DEFAULT, 1);
		rules = nla_nest_start(msg, CTRPOLICY_MOUNT_A_RULES);
		/* A good rule first: its strings must be freed too. */
		rule = nla_nest_start(msg, CTRPOLICY_MOUNT_A_RULE);
		nla_put_u32(msg, CTRPOLICY_MOUNT_RULE_A_ACTION, 1);
		nla_put_u32(msg, CTRPOLICY_MOUNT_RULE_A_OP, 1);
		nla_put_string(msg, CTRPOLICY_MOUNT_RULE_A_SOURCE, "none");
		nla_put_string(msg, CTRPOLICY_MOUNT_RULE_A_TARGET, "/x");
		nla_nest_end(msg, rule);
		if (cases[i].outer)
			nla_put_u32(msg, CTRPOLICY_MOUNT_A_DEFAULT, 1);
		rule = nla_nest_start(msg, CTRPOLICY_MOUNT_A_RULE);
		if (cases[i].drop != CTRPOLICY_MOUNT_RULE_A_ACTION)
			nla_put_u32(msg, CTRPOLICY_MOUNT_RULE_A_ACTION, 0);
		if (cases[i].drop != CTRPOLICY_MOUNT_RULE_A_OP)
			nla_put_u32(msg, CTRPOLICY_MOUNT_RULE_A_OP, 2);
		nla_put_string(msg, CTRPOLICY_MOUNT_RULE_A_SOURCE, "/s");
		if (cases[i].bad == CTRPOLICY_MOUNT_RULE_A_TARGET)
			nla_put(msg, CTRPOLICY_MOUNT_RULE_A_TARGET, 2, "/t");
		else
			nla_put_string(msg, CTRPOLICY_MOUNT_RULE_A_TARGET, "/t");
		if (cases[i].bad == CTRPOLICY_MOUNT_RULE_A_FSTYPE)
			nla_put_string(msg, CTRPOLICY_MOUNT_RULE_A_FSTYPE, fstype);
		if (cases[i].bad == CTRPOLICY_MOUNT_RULE_A_REQUIRE)
			nla_put(msg, CTRPOLICY_MOUNT_RULE_A_REQUIRE, 2, "\1\1");
		nla_nest_end(msg, rule);
		nla_nest_end(msg, rules);
		nla_nest_end(msg, mount);
		nla_nest_end(msg, pol);
		memset(&p, 0x5a, sizeof(p));
		rc = nl_get_policy(policy_attr(msg), &p);
		check(rc == -EPROTO && !memcmp(&p, &zero, sizeof(p)),
		      "refused with EPROTO, nothing kept: %s", cases[i].desc);
		nlmsg_free(msg);
	}

	test_net_malformed();

	/* No MOUNT at all (an older module): every mount denied. */
	msg = nl_ctx_msg(&fake_ctx, CTRPOLICY_CMD_POLICY_SET, 0);
	pol = nla_nest_start(msg, CTRPOLICY_A_POLICY);
	nla_put_string(msg, CTRPOLICY_POLICY_A_NAME, "old");
	nla_put_u32(msg, CTRPOLICY_POLICY_A_MODE, 1);
	nla_put_u64(msg, CTRPOLICY_POLICY_A_CAPS, 5);
	nla_nest_end(msg, pol);
	memset(&p, 0x5a, sizeof(p));
	rc = nl_get_policy(policy_attr(msg), &p);
	check(rc == 0 && !strcmp(p.name, "old") && p.mode == 1 && p.caps == 5 &&
	      p.mount_default == CTRPOLICY_ACTION_DENY && !p.n_mount_rules &&
	      !p.mount_rules, "a policy without MOUNT denies every mount");
	check(rc == 0 && p.net_default == CTRPOLICY_ACTION_DENY &&
	      !p.n_socket_rules && !p.n_net_rules && !p.net_rules,
	      "a policy without NET denies every socket");
	policy_free(&p);
	nlmsg_free(msg);
}

static int count_reply(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(*(int *)arg)++;
	return 0;
}

/*
 * On a real generic netlink socket, without the module: a request as large
 * as one of 16384 address rules goes out (the send buffer grows).  The
 * genetlink controller answers it, ignoring attributes it does not know.
 * (Replies need no large buffer: a policy's address rules come in a dump.)
 */
static void test_socket_buffers(void)
{
	static char filler[60000];
	struct nl_ctx ctx = { .family = GENL_ID_CTRL };
	int size = 1 << 20, replies = 0, rc, i;
	struct nl_msg *msg;

	ctx.sock = nl_socket_alloc();
	if (!ctx.sock || genl_connect(ctx.sock) ||
	    setsockopt(nl_socket_get_fd(ctx.sock), SOL_SOCKET, SO_RCVBUFFORCE,
		       &size, sizeof(size))) {
		printf("ok - " TAP_PREFIX "socket buffers # SKIP no generic netlink socket, or not allowed to force its buffers (not root)\n");
		nl_socket_free(ctx.sock);
		return;
	}
	msg = nl_ctx_msg_size(&ctx, CTRL_CMD_GETFAMILY, 0,
			      nla_total_size(8) + 9 * nla_total_size(sizeof(filler)));
	nla_put_string(msg, CTRL_ATTR_FAMILY_NAME, "nlctrl");
	for (i = 0; i < 9; i++)
		nla_put(msg, CTRL_ATTR_MAX + 1, sizeof(filler), filler);
	rc = nl_ctx_request(&ctx, msg, count_reply, &replies, "test");
	check(rc == 0 && replies == 1,
	      "a request of more than 530 KB goes out on a real socket (send buffer grown)");
	nl_socket_free(ctx.sock);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s FIXTURE_DIR\n", argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_layout();
	test_net_layout();
	test_net_chunks();
	test_round_trips(argv[1]);
	test_malformed();
	test_socket_buffers();
	return failures ? 1 : 0;
}
