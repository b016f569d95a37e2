// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - KUnit tests of policy objects: capability sets, and policies
 * built by ctrpolicy_policy_parse() from the attributes of a
 * CTRPOLICY_CMD_POLICY_SET message, good and malformed.
 *
 * Included at the end of policy.c (see common.h).  The messages are built
 * in an skb as user space builds them; a parsed policy must not point into
 * the message, which is freed before the policy is used.
 */

#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/skbuff.h>
#include <net/ipv6.h>

/* Room for every message here but the one with too many address rules. */
#define MSG_SIZE	(32 * 1024)

/**
 * struct msg - a CTRPOLICY_CMD_POLICY_SET message being written
 * @skb: the message
 * @nlh: its header
 * @policy: its CTRPOLICY_A_POLICY attribute
 */
struct msg {
	struct sk_buff *skb;
	struct nlmsghdr *nlh;
	struct nlattr *policy;
};

static int res_init(struct kunit_resource *res, void *context)
{
	res->data = context;
	return 0;
}

static void res_kvfree(struct kunit_resource *res)
{
	kvfree(res->data);
}

/* A message not parsed because the test stopped before. */
static void res_msg_free(struct kunit_resource *res)
{
	struct msg *m = res->data;

	kfree_skb(m->skb);
}

/*
 * A message with room for @size bytes of attributes (and a few more), its
 * policy nest open.  It goes with the test, or when it is parsed.
 */
static struct msg *msg_start(struct kunit *test, size_t size)
{
	struct genlmsghdr *hdr;
	struct msg *m;

	m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m);
	m->skb = nlmsg_new(GENL_HDRLEN + size + 1024, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m->skb);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, kunit_alloc_resource(test, res_init, res_msg_free,
								 GFP_KERNEL, m));
	m->nlh = nlmsg_put(m->skb, 0, 1, GENL_ID_CTRL + 1, GENL_HDRLEN, NLM_F_REQUEST);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m->nlh);
	hdr = nlmsg_data(m->nlh);
	hdr->cmd = CTRPOLICY_CMD_POLICY_SET;
	hdr->version = CTRPOLICY_GENL_VERSION;
	m->policy = nla_nest_start(m->skb, CTRPOLICY_A_POLICY);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, m->policy);
	return m;
}

/* Closes the policy nest; address rules may follow. */
static void msg_end_policy(struct msg *m)
{
	nla_nest_end(m->skb, m->policy);
}

static void put_net_rules(struct kunit *test, struct msg *m,
			  const struct ctrpolicy_net_rule *rules, u32 n)
{
	KUNIT_ASSERT_EQ(test, nla_put(m->skb, CTRPOLICY_A_NET_RULES,
				      n * sizeof(*rules), rules), 0);
}

/*
 * The policy of @m, or an ERR_PTR.  The message is freed first: nothing of
 * the policy may point into it.  A policy goes with the test.
 */
static struct ctrpolicy_policy *msg_parse(struct kunit *test, struct msg *m,
					  struct netlink_ext_ack *extack)
{
	struct ctrpolicy_policy *policy;

	nlmsg_end(m->skb, m->nlh);
	policy = ctrpolicy_policy_parse(m->policy, m->nlh, extack);
	kfree_skb(m->skb);
	m->skb = NULL;
	if (!IS_ERR(policy))
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, kunit_alloc_resource(test, res_init,
									 res_kvfree,
									 GFP_KERNEL,
									 policy));
	return policy;
}

/* The message's policy is refused with @err and, if @why, that message. */
static void expect_refused(struct kunit *test, struct msg *m, int err,
			   const char *why)
{
	struct netlink_ext_ack extack = {};
	struct ctrpolicy_policy *policy = msg_parse(test, m, &extack);

	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(policy), err);
	if (why)
		KUNIT_EXPECT_STREQ(test, extack._msg ?: "(none)", why);
}

static struct ctrpolicy_policy *expect_parsed(struct kunit *test, struct msg *m)
{
	struct netlink_ext_ack extack = {};
	struct ctrpolicy_policy *policy = msg_parse(test, m, &extack);

	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(policy), "refused (%ld): %s",
			       PTR_ERR(policy), extack._msg ?: "");
	return policy;
}

/* Opens a mount rule of @action and @op in the open CTRPOLICY_MOUNT_A_RULES. */
static struct nlattr *put_mount_rule(struct kunit *test, struct msg *m,
				     u32 action, u32 op)
{
	struct nlattr *rule = nla_nest_start(m->skb, CTRPOLICY_MOUNT_A_RULE);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, rule);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_ACTION, action), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_OP, op), 0);
	return rule;
}

/* A message of a policy named "t" with one mount rule, its nest open. */
static struct msg *msg_one_mount_rule(struct kunit *test, struct nlattr **mount,
				      struct nlattr **rules)
{
	struct msg *m = msg_start(test, MSG_SIZE);

	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	*mount = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_MOUNT);
	*rules = nla_nest_start(m->skb, CTRPOLICY_MOUNT_A_RULES);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, *rules);
	return m;
}

static void msg_close_mount(struct msg *m, struct nlattr *rule,
			    struct nlattr *rules, struct nlattr *mount)
{
	if (rule)
		nla_nest_end(m->skb, rule);
	nla_nest_end(m->skb, rules);
	nla_nest_end(m->skb, mount);
	nla_nest_end(m->skb, m->policy);
}

/* ---- capability sets ------------------------------------------------------ */

static void caps_each_bit(struct kunit *test)
{
	struct ctrpolicy_policy *policy = kunit_kzalloc(test, sizeof(*policy), GFP_KERNEL);
	int cap;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, policy);
	policy->caps = BIT_ULL(CAP_CHOWN) | BIT_ULL(CAP_NET_BIND_SERVICE) |
		       BIT_ULL(CAP_SYS_ADMIN) | BIT_ULL(CAP_LAST_CAP);
	for (cap = 0; cap <= CAP_LAST_CAP; cap++)
		KUNIT_EXPECT_EQ_MSG(test, ctrpolicy_policy_allows_cap(policy, cap),
				    cap == CAP_CHOWN || cap == CAP_NET_BIND_SERVICE ||
				    cap == CAP_SYS_ADMIN || cap == CAP_LAST_CAP,
				    "capability %d", cap);
}

static void caps_none_and_all(struct kunit *test)
{
	struct ctrpolicy_policy *policy = kunit_kzalloc(test, sizeof(*policy), GFP_KERNEL);
	int cap;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, policy);
	for (cap = 0; cap <= CAP_LAST_CAP; cap++)
		KUNIT_EXPECT_FALSE(test, ctrpolicy_policy_allows_cap(policy, cap));
	policy->caps = GENMASK_ULL(CAP_LAST_CAP, 0);
	for (cap = 0; cap <= CAP_LAST_CAP; cap++)
		KUNIT_EXPECT_TRUE(test, ctrpolicy_policy_allows_cap(policy, cap));
}

/* ---- ctrpolicy_policy_parse(): good input --------------------------------- */

static void parse_minimal(struct kunit *test)
{
	struct msg *m = msg_start(test, MSG_SIZE);
	struct ctrpolicy_mount_request mount = {
		.op = CTRPOLICY_MOUNT_OP_MOUNT, .fstype = "tmpfs", .source = "none",
		.target = "/tmp",
	};
	struct ctrpolicy_net_request sock = {
		.op = CTRPOLICY_NET_OP_SOCKET, .family = AF_UNIX,
		.proto = CTRPOLICY_NET_PROTO_OTHER,
	};
	struct ctrpolicy_policy *policy;
	int cap;

	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "minimal"), 0);
	msg_end_policy(m);
	policy = expect_parsed(test, m);
	KUNIT_EXPECT_STREQ(test, policy->name, "minimal");
	KUNIT_EXPECT_EQ(test, policy->mode, CTRPOLICY_MODE_ENFORCE);
	KUNIT_EXPECT_EQ(test, policy->caps, 0);
	KUNIT_EXPECT_EQ(test, policy->mount.n_rules, 0);
	KUNIT_EXPECT_EQ(test, policy->net.n_socket_rules, 0);
	KUNIT_EXPECT_EQ(test, policy->net.n_addr_rules, 0);
	/* What it does not name, it denies. */
	for (cap = 0; cap <= CAP_LAST_CAP; cap++)
		KUNIT_EXPECT_FALSE(test, ctrpolicy_policy_allows_cap(policy, cap));
	KUNIT_EXPECT_EQ(test, ctrpolicy_mount_action(&policy->mount, &mount),
			CTRPOLICY_ACTION_DENY);
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_action(&policy->net, &sock),
			CTRPOLICY_ACTION_DENY);
}

static void parse_full(struct kunit *test)
{
	static const struct ctrpolicy_socket_rule socket_rules[] = {
		{ .action = CTRPOLICY_ACTION_DENY, .proto = CTRPOLICY_NET_PROTO_RAW },
		{ .action = CTRPOLICY_ACTION_ALLOW, .family = AF_INET,
		  .proto = CTRPOLICY_NET_PROTO_TCP },
	};
	const struct ctrpolicy_net_rule first[] = {
		{ .addr = { 10 }, .prefix_len = 8, .family = AF_INET,
		  .proto = CTRPOLICY_NET_PROTO_TCP, .ops = BIT(CTRPOLICY_NET_OP_CONNECT),
		  .port_min = 5432, .port_max = 5432, .action = CTRPOLICY_ACTION_ALLOW },
	};
	const struct ctrpolicy_net_rule second[] = {
		{ .addr = { 10, 99 }, .prefix_len = 16, .family = AF_INET,
		  .ops = BIT(CTRPOLICY_NET_OP_CONNECT), .port_max = 65535,
		  .action = CTRPOLICY_ACTION_DENY },
		{ .family = AF_UNSPEC, .proto = CTRPOLICY_NET_PROTO_UDP,
		  .ops = BIT(CTRPOLICY_NET_OP_CONNECT) | BIT(CTRPOLICY_NET_OP_SEND),
		  .port_min = 53, .port_max = 53, .action = CTRPOLICY_ACTION_ALLOW },
	};
	struct ctrpolicy_net_request req = {
		.op = CTRPOLICY_NET_OP_CONNECT, .family = AF_INET,
		.proto = CTRPOLICY_NET_PROTO_TCP, .port = 5432,
	};
	struct ctrpolicy_mount_request mreq = {
		.op = CTRPOLICY_MOUNT_OP_MOUNT, .fstype = "tmpfs", .source = "none",
		.target = "/tmp", .flags = CTRPOLICY_MOUNT_F_NOSUID | CTRPOLICY_MOUNT_F_NODEV,
	};
	struct msg *m = msg_start(test, MSG_SIZE);
	struct nlattr *mount, *rules, *rule, *net;
	const struct ctrpolicy_mount_rule *r;
	struct ctrpolicy_policy *policy;

	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "web"), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_POLICY_A_MODE,
					  CTRPOLICY_MODE_AUDIT), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u64_64bit(m->skb, CTRPOLICY_POLICY_A_CAPS,
						BIT_ULL(CAP_NET_BIND_SERVICE) |
						BIT_ULL(CAP_LAST_CAP),
						CTRPOLICY_POLICY_A_PAD), 0);
	mount = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_MOUNT);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_A_DEFAULT,
					  CTRPOLICY_ACTION_DENY), 0);
	rules = nla_nest_start(m->skb, CTRPOLICY_MOUNT_A_RULES);
	rule = put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW, CTRPOLICY_MOUNT_OP_MOUNT);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_MOUNT_RULE_A_FSTYPE, "tmpfs"), 0);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_MOUNT_RULE_A_TARGET, "/tmp"), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_REQUIRE,
					  CTRPOLICY_MOUNT_F_NOSUID | CTRPOLICY_MOUNT_F_NODEV), 0);
	nla_nest_end(m->skb, rule);
	rule = put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW, CTRPOLICY_MOUNT_OP_BIND);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_MOUNT_RULE_A_SOURCE, "/srv/*"), 0);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_MOUNT_RULE_A_TARGET, "/data"), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_FORBID,
					  CTRPOLICY_MOUNT_F_SHARED), 0);
	nla_nest_end(m->skb, rule);
	nla_nest_end(m->skb, rules);
	nla_nest_end(m->skb, mount);
	net = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_NET);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_NET_A_DEFAULT,
					  CTRPOLICY_ACTION_ALLOW), 0);
	KUNIT_ASSERT_EQ(test, nla_put(m->skb, CTRPOLICY_NET_A_SOCKET_RULES,
				      sizeof(socket_rules), socket_rules), 0);
	nla_nest_end(m->skb, net);
	msg_end_policy(m);
	/* The address rules travel in attributes of their own, here two. */
	put_net_rules(test, m, first, ARRAY_SIZE(first));
	KUNIT_ASSERT_EQ(test, nla_put_u64_64bit(m->skb, CTRPOLICY_A_CGROUP_ID, 42,
						CTRPOLICY_A_PAD), 0);
	put_net_rules(test, m, second, ARRAY_SIZE(second));
	policy = expect_parsed(test, m);

	KUNIT_EXPECT_STREQ(test, policy->name, "web");
	KUNIT_EXPECT_EQ(test, policy->mode, CTRPOLICY_MODE_AUDIT);
	KUNIT_EXPECT_TRUE(test, ctrpolicy_policy_allows_cap(policy, CAP_NET_BIND_SERVICE));
	KUNIT_EXPECT_TRUE(test, ctrpolicy_policy_allows_cap(policy, CAP_LAST_CAP));
	KUNIT_EXPECT_FALSE(test, ctrpolicy_policy_allows_cap(policy, CAP_SYS_ADMIN));

	KUNIT_ASSERT_EQ(test, policy->mount.n_rules, 2);
	r = &policy->mount.rules[0];
	KUNIT_EXPECT_EQ(test, r->action, CTRPOLICY_ACTION_ALLOW);
	KUNIT_EXPECT_EQ(test, r->op, CTRPOLICY_MOUNT_OP_MOUNT);
	KUNIT_EXPECT_STREQ(test, r->fstype, "tmpfs");
	KUNIT_EXPECT_NULL(test, r->source);
	KUNIT_EXPECT_STREQ(test, r->target, "/tmp");
	KUNIT_EXPECT_EQ(test, r->target_len, 4);
	KUNIT_EXPECT_EQ(test, r->require, CTRPOLICY_MOUNT_F_NOSUID | CTRPOLICY_MOUNT_F_NODEV);
	KUNIT_EXPECT_EQ(test, r->forbid, 0);
	r = &policy->mount.rules[1];
	KUNIT_EXPECT_EQ(test, r->op, CTRPOLICY_MOUNT_OP_BIND);
	KUNIT_EXPECT_NULL(test, r->fstype);
	KUNIT_EXPECT_STREQ(test, r->source, "/srv/*");
	KUNIT_EXPECT_EQ(test, r->source_len, 6);
	KUNIT_EXPECT_STREQ(test, r->target, "/data");
	KUNIT_EXPECT_EQ(test, r->target_len, 5);
	KUNIT_EXPECT_EQ(test, r->forbid, CTRPOLICY_MOUNT_F_SHARED);
	KUNIT_EXPECT_EQ(test, ctrpolicy_mount_action(&policy->mount, &mreq),
			CTRPOLICY_ACTION_ALLOW);
	mreq.target = "/var/tmp";
	KUNIT_EXPECT_EQ(test, ctrpolicy_mount_action(&policy->mount, &mreq),
			CTRPOLICY_ACTION_DENY);

	KUNIT_EXPECT_EQ(test, policy->net.default_action, CTRPOLICY_ACTION_ALLOW);
	KUNIT_ASSERT_EQ(test, policy->net.n_socket_rules, 2);
	KUNIT_EXPECT_EQ(test, memcmp(policy->net.socket_rules, socket_rules,
				     sizeof(socket_rules)), 0);
	KUNIT_EXPECT_EQ(test, policy->net.n_addr_rules, 3);
	KUNIT_EXPECT_EQ(test, policy->net.n_levels, 3);
	ipv6_addr_set_v4mapped(htonl(0x0a010203), &req.addr);	/* 10.1.2.3 */
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_action(&policy->net, &req),
			CTRPOLICY_ACTION_ALLOW);
	req.port = 5433;
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_action(&policy->net, &req),
			CTRPOLICY_ACTION_ALLOW);	/* the default */
	ipv6_addr_set_v4mapped(htonl(0x0a630203), &req.addr);	/* 10.99.2.3 */
	req.port = 5432;
	KUNIT_EXPECT_EQ(test, ctrpolicy_net_action(&policy->net, &req),
			CTRPOLICY_ACTION_DENY);
}

/* 63 characters and a NUL is the longest name. */
static void parse_name_lengths(struct kunit *test)
{
	char name[CTRPOLICY_NAME_MAX + 1];
	struct ctrpolicy_policy *policy;
	struct msg *m;

	memset(name, 'n', sizeof(name));
	name[CTRPOLICY_NAME_MAX - 1] = '\0';
	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, name), 0);
	msg_end_policy(m);
	policy = expect_parsed(test, m);
	KUNIT_EXPECT_STREQ(test, policy->name, name);

	name[CTRPOLICY_NAME_MAX - 1] = 'n';
	name[CTRPOLICY_NAME_MAX] = '\0';
	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, name), 0);
	msg_end_policy(m);
	expect_refused(test, m, -EINVAL, NULL);
}

/* ---- ctrpolicy_policy_parse(): malformed input ----------------------------- */

static void parse_needs_name(struct kunit *test)
{
	struct msg *m;

	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_POLICY_A_MODE, 0), 0);
	msg_end_policy(m);
	expect_refused(test, m, -EINVAL, "policy needs a non-empty name");

	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, ""), 0);
	msg_end_policy(m);
	expect_refused(test, m, -EINVAL, "policy needs a non-empty name");

	/* Without its NUL. */
	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put(m->skb, CTRPOLICY_POLICY_A_NAME, 4, "name"), 0);
	msg_end_policy(m);
	expect_refused(test, m, -EINVAL, NULL);
}

static void parse_caps_above_last_cap(struct kunit *test)
{
	static const u64 bad[] = {
		BIT_ULL(CAP_LAST_CAP + 1),
		BIT_ULL(63) | BIT_ULL(CAP_CHOWN),
		~0ULL,
	};
	struct ctrpolicy_policy *policy;
	struct msg *m;
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		m = msg_start(test, MSG_SIZE);
		KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
		KUNIT_ASSERT_EQ(test, nla_put_u64_64bit(m->skb, CTRPOLICY_POLICY_A_CAPS, bad[i],
							CTRPOLICY_POLICY_A_PAD), 0);
		msg_end_policy(m);
		expect_refused(test, m, -EINVAL, "capability bits above CAP_LAST_CAP");
	}
	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u64_64bit(m->skb, CTRPOLICY_POLICY_A_CAPS,
						GENMASK_ULL(CAP_LAST_CAP, 0),
						CTRPOLICY_POLICY_A_PAD), 0);
	msg_end_policy(m);
	policy = expect_parsed(test, m);
	KUNIT_EXPECT_EQ(test, policy->caps, GENMASK_ULL(CAP_LAST_CAP, 0));
}

static void parse_mode_and_defaults_in_range(struct kunit *test)
{
	struct nlattr *nest;
	struct msg *m;

	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_POLICY_A_MODE,
					  CTRPOLICY_MODE_MAX + 1), 0);
	msg_end_policy(m);
	expect_refused(test, m, -ERANGE, NULL);

	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	nest = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_MOUNT);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_A_DEFAULT,
					  CTRPOLICY_ACTION_MAX + 1), 0);
	nla_nest_end(m->skb, nest);
	msg_end_policy(m);
	expect_refused(test, m, -ERANGE, NULL);

	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	nest = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_NET);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_NET_A_DEFAULT,
					  CTRPOLICY_ACTION_MAX + 1), 0);
	nla_nest_end(m->skb, nest);
	msg_end_policy(m);
	expect_refused(test, m, -ERANGE, NULL);
}

static void parse_mount_rule_needs_action_and_op(struct kunit *test)
{
	struct nlattr *mount, *rules, *rule;
	struct msg *m;

	m = msg_one_mount_rule(test, &mount, &rules);
	rule = nla_nest_start(m->skb, CTRPOLICY_MOUNT_A_RULE);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_ACTION,
					  CTRPOLICY_ACTION_ALLOW), 0);
	msg_close_mount(m, rule, rules, mount);
	expect_refused(test, m, -EINVAL, "a mount rule needs an action and an operation");

	m = msg_one_mount_rule(test, &mount, &rules);
	rule = nla_nest_start(m->skb, CTRPOLICY_MOUNT_A_RULE);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_OP,
					  CTRPOLICY_MOUNT_OP_BIND), 0);
	msg_close_mount(m, rule, rules, mount);
	expect_refused(test, m, -EINVAL, "a mount rule needs an action and an operation");

	/* Operations are 1 to CTRPOLICY_MOUNT_OP_MAX. */
	m = msg_one_mount_rule(test, &mount, &rules);
	rule = put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW, CTRPOLICY_MOUNT_OP_UNSPEC);
	msg_close_mount(m, rule, rules, mount);
	expect_refused(test, m, -ERANGE, NULL);

	m = msg_one_mount_rule(test, &mount, &rules);
	rule = put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW, CTRPOLICY_MOUNT_OP_MAX + 1);
	msg_close_mount(m, rule, rules, mount);
	expect_refused(test, m, -ERANGE, NULL);

	/* Only CTRPOLICY_MOUNT_A_RULE nests in CTRPOLICY_MOUNT_A_RULES. */
	m = msg_one_mount_rule(test, &mount, &rules);
	rule = nla_nest_start(m->skb, CTRPOLICY_MOUNT_A_DEFAULT);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_ACTION,
					  CTRPOLICY_ACTION_ALLOW), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_OP,
					  CTRPOLICY_MOUNT_OP_BIND), 0);
	msg_close_mount(m, rule, rules, mount);
	expect_refused(test, m, -EINVAL, "expected a mount rule");
}

static void parse_mount_rule_clauses(struct kunit *test)
{
	struct nlattr *mount, *rules, *rule;
	struct msg *m;

	m = msg_one_mount_rule(test, &mount, &rules);
	rule = put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW, CTRPOLICY_MOUNT_OP_UMOUNT);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_MOUNT_RULE_A_TARGET, "mnt/*"), 0);
	msg_close_mount(m, rule, rules, mount);
	expect_refused(test, m, -EINVAL, "a mount rule's target must be an absolute path");

	m = msg_one_mount_rule(test, &mount, &rules);
	rule = put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW, CTRPOLICY_MOUNT_OP_MOUNT);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_REQUIRE,
					  CTRPOLICY_MOUNT_F_NOSUID | CTRPOLICY_MOUNT_F_RDONLY), 0);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_FORBID,
					  CTRPOLICY_MOUNT_F_RDONLY), 0);
	msg_close_mount(m, rule, rules, mount);
	expect_refused(test, m, -EINVAL, "a flag both required and forbidden");

	m = msg_one_mount_rule(test, &mount, &rules);
	rule = put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW, CTRPOLICY_MOUNT_OP_MOUNT);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_MOUNT_RULE_A_REQUIRE,
					  CTRPOLICY_MOUNT_F_ALL + 1), 0);
	msg_close_mount(m, rule, rules, mount);
	expect_refused(test, m, -EINVAL, NULL);
}

static void parse_too_many_mount_rules(struct kunit *test)
{
	struct nlattr *mount, *rules;
	struct ctrpolicy_policy *policy;
	struct msg *m;
	int i;

	m = msg_one_mount_rule(test, &mount, &rules);
	for (i = 0; i < CTRPOLICY_MAX_MOUNT_RULES; i++)
		nla_nest_end(m->skb, put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW,
						   CTRPOLICY_MOUNT_OP_UMOUNT));
	msg_close_mount(m, NULL, rules, mount);
	policy = expect_parsed(test, m);
	KUNIT_EXPECT_EQ(test, policy->mount.n_rules, CTRPOLICY_MAX_MOUNT_RULES);

	m = msg_one_mount_rule(test, &mount, &rules);
	for (i = 0; i <= CTRPOLICY_MAX_MOUNT_RULES; i++)
		nla_nest_end(m->skb, put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW,
						   CTRPOLICY_MOUNT_OP_UMOUNT));
	msg_close_mount(m, NULL, rules, mount);
	expect_refused(test, m, -E2BIG, "too many mount rules");
}

/* Every policy must fit one message of a dump: its paths count. */
static void parse_too_large(struct kunit *test)
{
	struct nlattr *mount, *rules;
	char *path;
	struct msg *m;
	int i;

	path = kunit_kmalloc(test, CTRPOLICY_PATH_MAX, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, path);
	memset(path, 'p', CTRPOLICY_PATH_MAX - 1);
	path[0] = '/';
	path[CTRPOLICY_PATH_MAX - 1] = '\0';
	m = msg_one_mount_rule(test, &mount, &rules);
	/* 6 * 4 KiB of targets: more than CTRPOLICY_POLICY_SIZE_MAX. */
	for (i = 0; i < CTRPOLICY_POLICY_SIZE_MAX / CTRPOLICY_PATH_MAX; i++) {
		struct nlattr *rule = put_mount_rule(test, m, CTRPOLICY_ACTION_ALLOW,
						     CTRPOLICY_MOUNT_OP_UMOUNT);

		KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_MOUNT_RULE_A_TARGET,
						     path), 0);
		nla_nest_end(m->skb, rule);
	}
	msg_close_mount(m, NULL, rules, mount);
	expect_refused(test, m, -E2BIG, "policy too large");
}

static void parse_net_rules_checked(struct kunit *test)
{
	const struct ctrpolicy_net_rule good = {
		.addr = { 10 }, .prefix_len = 8, .family = AF_INET,
		.ops = BIT(CTRPOLICY_NET_OP_CONNECT), .port_max = 65535,
	};
	struct ctrpolicy_net_rule bad = good;
	struct msg *m;

	/* The second attribute holds a rule with host bits. */
	bad.addr[3] = 1;
	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	msg_end_policy(m);
	put_net_rules(test, m, &good, 1);
	put_net_rules(test, m, &bad, 1);
	expect_refused(test, m, -EINVAL,
		       "an address rule's address has bits set after its prefix");

	/* A length that is not a number of rules. */
	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	msg_end_policy(m);
	KUNIT_ASSERT_EQ(test, nla_put(m->skb, CTRPOLICY_A_NET_RULES,
				      sizeof(good) - 1, &good), 0);
	expect_refused(test, m, -EINVAL,
		       "address rules: the length is not a multiple of a rule's");
}

static void parse_too_many_net_rules(struct kunit *test)
{
	const u32 per_attr = CTRPOLICY_NET_RULES_PER_ATTR;
	struct ctrpolicy_net_rule *rules;
	u32 i, n = 0;
	struct msg *m;

	rules = kunit_kcalloc(test, per_attr, sizeof(*rules), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, rules);
	for (i = 0; i < per_attr; i++)
		rules[i] = (struct ctrpolicy_net_rule) {
			.family = AF_INET6, .prefix_len = 128,
			.ops = BIT(CTRPOLICY_NET_OP_BIND), .port_max = 65535,
		};
	m = msg_start(test, (CTRPOLICY_MAX_NET_RULES / per_attr + 1) *
			    nla_total_size(per_attr * sizeof(*rules)));
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	msg_end_policy(m);
	while (n <= CTRPOLICY_MAX_NET_RULES) {
		put_net_rules(test, m, rules, per_attr);
		n += per_attr;
	}
	expect_refused(test, m, -E2BIG, "too many address rules");
}

static void parse_socket_rules_checked(struct kunit *test)
{
	static const struct {
		struct ctrpolicy_socket_rule rule;
		const char *why;
	} bad[] = {
		{ { .action = CTRPOLICY_ACTION_MAX + 1 },
		  "a socket rule has an unknown action" },
		{ { .family = AF_MAX }, "a socket rule has an unknown family" },
		{ { .proto = CTRPOLICY_NET_PROTO_OTHER },
		  "a socket rule has an unknown protocol" },
		{ { .pad = 1 }, "a socket rule's padding is not zero" },
	};
	const struct ctrpolicy_socket_rule ok = { .action = CTRPOLICY_ACTION_ALLOW };
	struct nlattr *net;
	struct msg *m;
	int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct ctrpolicy_socket_rule rules[2] = { ok, bad[i].rule };

		m = msg_start(test, MSG_SIZE);
		KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
		net = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_NET);
		KUNIT_ASSERT_EQ(test, nla_put(m->skb, CTRPOLICY_NET_A_SOCKET_RULES,
					      sizeof(rules), rules), 0);
		nla_nest_end(m->skb, net);
		msg_end_policy(m);
		expect_refused(test, m, -EINVAL, bad[i].why);
	}

	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	net = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_NET);
	KUNIT_ASSERT_EQ(test, nla_put(m->skb, CTRPOLICY_NET_A_SOCKET_RULES, 3, &ok), 0);
	nla_nest_end(m->skb, net);
	msg_end_policy(m);
	expect_refused(test, m, -EINVAL,
		       "socket rules: the length is not a multiple of a rule's");
}

/* The address rule count of a dump is refused in a request. */
static void parse_rule_count_only_in_replies(struct kunit *test)
{
	struct nlattr *net;
	struct msg *m;

	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	net = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_NET);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_NET_A_RULE_COUNT, 0), 0);
	nla_nest_end(m->skb, net);
	msg_end_policy(m);
	expect_refused(test, m, -EINVAL, "the address rule count is only in replies");
}

/* A policy named "t" with an events nest of @rate and @burst (0: left out). */
static struct msg *msg_events(struct kunit *test, u32 rate, u32 burst)
{
	struct msg *m = msg_start(test, MSG_SIZE);
	struct nlattr *events;

	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	events = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_EVENTS);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, events);
	if (rate)
		KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_EVENTS_A_RATE, rate), 0);
	if (burst)
		KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_EVENTS_A_BURST, burst), 0);
	nla_nest_end(m->skb, events);
	msg_end_policy(m);
	return m;
}

static void parse_events_limits(struct kunit *test)
{
	struct ctrpolicy_policy *policy;
	struct msg *m;

	/* No nest: the defaults. */
	m = msg_start(test, MSG_SIZE);
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	msg_end_policy(m);
	policy = expect_parsed(test, m);
	KUNIT_EXPECT_EQ(test, policy->event_rate, CTRPOLICY_EVENT_RATE_DEFAULT);
	KUNIT_EXPECT_EQ(test, policy->event_burst, CTRPOLICY_EVENT_BURST_DEFAULT);

	policy = expect_parsed(test, msg_events(test, 5, 0));
	KUNIT_EXPECT_EQ(test, policy->event_rate, 5);
	KUNIT_EXPECT_EQ(test, policy->event_burst, 5);
	policy = expect_parsed(test, msg_events(test, CTRPOLICY_EVENT_RATE_MAX,
						CTRPOLICY_EVENT_BURST_MAX));
	KUNIT_EXPECT_EQ(test, policy->event_rate, CTRPOLICY_EVENT_RATE_MAX);
	KUNIT_EXPECT_EQ(test, policy->event_burst, CTRPOLICY_EVENT_BURST_MAX);
	policy = expect_parsed(test, msg_events(test, 0, 7));
	KUNIT_EXPECT_EQ(test, policy->event_rate, CTRPOLICY_EVENT_RATE_DEFAULT);
	KUNIT_EXPECT_EQ(test, policy->event_burst, 7);
}

static void parse_events_out_of_range(struct kunit *test)
{
	struct msg *m = msg_start(test, MSG_SIZE);
	struct nlattr *events;

	/* An explicit 0 rate. */
	KUNIT_ASSERT_EQ(test, nla_put_string(m->skb, CTRPOLICY_POLICY_A_NAME, "t"), 0);
	events = nla_nest_start(m->skb, CTRPOLICY_POLICY_A_EVENTS);
	KUNIT_ASSERT_EQ(test, nla_put_u32(m->skb, CTRPOLICY_EVENTS_A_RATE, 0), 0);
	nla_nest_end(m->skb, events);
	msg_end_policy(m);
	expect_refused(test, m, -EINVAL,
		       "events rate (CTRPOLICY_EVENTS_A_RATE) out of range: 1 to 10000 events a second");
	expect_refused(test, msg_events(test, CTRPOLICY_EVENT_RATE_MAX + 1, 0), -EINVAL,
		       "events rate (CTRPOLICY_EVENTS_A_RATE) out of range: 1 to 10000 events a second");
	expect_refused(test, msg_events(test, 1, CTRPOLICY_EVENT_BURST_MAX + 1), -EINVAL,
		       "events burst (CTRPOLICY_EVENTS_A_BURST) out of range: 1 to 10000 events");
}

static struct kunit_case policy_cases[] = {
	KUNIT_CASE(caps_each_bit),
	KUNIT_CASE(caps_none_and_all),
	KUNIT_CASE(parse_minimal),
	KUNIT_CASE(parse_full),
	KUNIT_CASE(parse_name_lengths),
	KUNIT_CASE(parse_needs_name),
	KUNIT_CASE(parse_caps_above_last_cap),
	KUNIT_CASE(parse_mode_and_defaults_in_range),
	KUNIT_CASE(parse_mount_rule_needs_action_and_op),
	KUNIT_CASE(parse_mount_rule_clauses),
	KUNIT_CASE(parse_too_many_mount_rules),
	KUNIT_CASE(parse_too_large),
	KUNIT_CASE(parse_net_rules_checked),
	KUNIT_CASE(parse_too_many_net_rules),
	KUNIT_CASE(parse_socket_rules_checked),
	KUNIT_CASE(parse_rule_count_only_in_replies),
	KUNIT_CASE(parse_events_limits),
	KUNIT_CASE(parse_events_out_of_range),
	{}
};

static struct kunit_suite policy_suite = {
	.name = "ctrpolicy_policy",
	.test_cases = policy_cases,
};

kunit_test_suite(policy_suite);
