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

/* A request holding P as CTRPOLICY_A_POLICY, sized by nl_policy_size(). */
static struct nl_msg *put(const struct policy *p)
{
	struct nl_msg *msg = nl_ctx_msg_size(&fake_ctx, CTRPOLICY_CMD_POLICY_SET,
					     0, nl_policy_size(p));

	if (!msg) {
		printf("Bail out! out of memory\n");
		exit(1);
	}
	if (nl_put_policy(msg, p)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* The CTRPOLICY_A_POLICY of MSG. */
static struct nlattr *policy_attr(struct nl_msg *msg)
{
	struct nlattr *tb[CTRPOLICY_A_MAX + 1];

	if (nl_reply_parse(msg, tb))
		return NULL;
	return tb[CTRPOLICY_A_POLICY];
}

/* put, then get: whether the policy comes back the same. */
static int round_trip(const struct policy *p)
{
	struct nl_msg *msg = put(p);
	struct policy q;
	int ok;

	if (!msg)
		return 0;
	ok = policy_attr(msg) && !nl_get_policy(policy_attr(msg), &q);
	if (ok) {
		ok = policy_equal(p, &q);
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
	      "policy: NAME, MODE, CAPS, MOUNT (nested)");
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

	/* No mount section: MOUNT still, with DEFAULT deny and no rule. */
	parse_text("policy a\n", &p);
	msg = put(&p);
	pol = msg ? policy_attr(msg) : NULL;
	mount = pol ? find(pol, CTRPOLICY_POLICY_A_MOUNT) : NULL;
	n = mount ? types_of(mount, types, ARRAY_SIZE(types)) : 0;
	check(n == 1 && types[0] == CTRPOLICY_MOUNT_A_DEFAULT &&
	      nla_get_u32(find(mount, CTRPOLICY_MOUNT_A_DEFAULT)) ==
	      CTRPOLICY_ACTION_DENY,
	      "a policy without mount rules: MOUNT { DEFAULT deny }, no RULES");
	nlmsg_free(msg);
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

	parse_text("policy b\n", &p);
	check(round_trip(&p), "a policy without mount rules comes back the same");

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
	policy_free(&p);
	nlmsg_free(msg);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s FIXTURE_DIR\n", argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_layout();
	test_round_trips(argv[1]);
	test_malformed();
	return failures ? 1 : 0;
}
