// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Policy objects: built from netlink attributes, checked, and
 * written back.
 *
 * A policy, its rules and their strings are one allocation, built off to
 * the side and published whole (store.c), never changed afterwards.
 */

#include <linux/capability.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "common.h"
#include "policy.h"

static const struct nla_policy mount_rule_nl_policy[CTRPOLICY_MOUNT_RULE_A_MAX + 1] = {
	[CTRPOLICY_MOUNT_RULE_A_ACTION] = NLA_POLICY_MAX(NLA_U32, CTRPOLICY_ACTION_MAX),
	[CTRPOLICY_MOUNT_RULE_A_OP] = NLA_POLICY_RANGE(NLA_U32, CTRPOLICY_MOUNT_OP_MOUNT,
						       CTRPOLICY_MOUNT_OP_MAX),
	[CTRPOLICY_MOUNT_RULE_A_FSTYPE] = { .type = NLA_NUL_STRING,
					    .len = CTRPOLICY_FSTYPE_MAX - 1 },
	[CTRPOLICY_MOUNT_RULE_A_SOURCE] = { .type = NLA_NUL_STRING,
					    .len = CTRPOLICY_PATH_MAX - 1 },
	[CTRPOLICY_MOUNT_RULE_A_TARGET] = { .type = NLA_NUL_STRING,
					    .len = CTRPOLICY_PATH_MAX - 1 },
	[CTRPOLICY_MOUNT_RULE_A_REQUIRE] = NLA_POLICY_MASK(NLA_U32, CTRPOLICY_MOUNT_F_ALL),
	[CTRPOLICY_MOUNT_RULE_A_FORBID] = NLA_POLICY_MASK(NLA_U32, CTRPOLICY_MOUNT_F_ALL),
};

static const struct nla_policy mount_nl_policy[CTRPOLICY_MOUNT_A_MAX + 1] = {
	[CTRPOLICY_MOUNT_A_DEFAULT] = NLA_POLICY_MAX(NLA_U32, CTRPOLICY_ACTION_MAX),
	[CTRPOLICY_MOUNT_A_RULES] = { .type = NLA_NESTED },
};

static const struct nla_policy net_nl_policy[CTRPOLICY_NET_A_MAX + 1] = {
	[CTRPOLICY_NET_A_DEFAULT] = NLA_POLICY_MAX(NLA_U32, CTRPOLICY_ACTION_MAX),
	[CTRPOLICY_NET_A_SOCKET_RULES] = {
		.type = NLA_BINARY,
		.len = CTRPOLICY_MAX_SOCKET_RULES * sizeof(struct ctrpolicy_socket_rule),
	},
	[CTRPOLICY_NET_A_RULE_COUNT] = {
		.type = NLA_REJECT,
		.reject_message = "the address rule count is only in replies",
	},
};

/* The ranges are checked in events_parse(), whose messages name them. */
static const struct nla_policy events_nl_policy[CTRPOLICY_EVENTS_A_MAX + 1] = {
	[CTRPOLICY_EVENTS_A_RATE] = { .type = NLA_U32 },
	[CTRPOLICY_EVENTS_A_BURST] = { .type = NLA_U32 },
};

/* The attributes of a policy, for CTRPOLICY_A_POLICY (see netlink.c). */
const struct nla_policy ctrpolicy_policy_nl_policy[CTRPOLICY_POLICY_A_MAX + 1] = {
	[CTRPOLICY_POLICY_A_NAME] = { .type = NLA_NUL_STRING,
				      .len = CTRPOLICY_NAME_MAX - 1 },
	[CTRPOLICY_POLICY_A_MODE] = NLA_POLICY_MAX(NLA_U32, CTRPOLICY_MODE_MAX),
	/* 6.1's NLA_POLICY_MASK holds 32 bits: checked in parse_caps(). */
	[CTRPOLICY_POLICY_A_CAPS] = { .type = NLA_U64 },
	[CTRPOLICY_POLICY_A_MOUNT] = NLA_POLICY_NESTED(mount_nl_policy),
	[CTRPOLICY_POLICY_A_NET] = NLA_POLICY_NESTED(net_nl_policy),
	[CTRPOLICY_POLICY_A_EVENTS] = NLA_POLICY_NESTED(events_nl_policy),
	[CTRPOLICY_POLICY_A_LEARN_SIZE] = NLA_POLICY_RANGE(NLA_U32, 1,
							   CTRPOLICY_LEARN_SIZE_MAX),
};

/*
 * The rate limit of the events nest @nest (NULL: the defaults) into *@rate
 * and *@burst; a burst left out is the rate, so that "rate N" alone means
 * a second's worth at once.  0, or -EINVAL with a message naming the
 * attribute.
 */
static int events_parse(const struct nlattr *nest, u32 *rate, u32 *burst,
			struct netlink_ext_ack *extack)
{
	struct nlattr *tb[CTRPOLICY_EVENTS_A_MAX + 1];
	int err;

	*rate = CTRPOLICY_EVENT_RATE_DEFAULT;
	*burst = CTRPOLICY_EVENT_BURST_DEFAULT;
	if (!nest)
		return 0;
	err = nla_parse_nested(tb, CTRPOLICY_EVENTS_A_MAX, nest,
			       events_nl_policy, extack);
	if (err)
		return err;
	if (tb[CTRPOLICY_EVENTS_A_RATE]) {
		*rate = nla_get_u32(tb[CTRPOLICY_EVENTS_A_RATE]);
		*burst = *rate;
		if (!*rate || *rate > CTRPOLICY_EVENT_RATE_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, tb[CTRPOLICY_EVENTS_A_RATE],
					    "events rate (CTRPOLICY_EVENTS_A_RATE) out of range: 1 to "
					    __stringify(CTRPOLICY_EVENT_RATE_MAX) " events a second");
			return -EINVAL;
		}
	}
	if (tb[CTRPOLICY_EVENTS_A_BURST]) {
		*burst = nla_get_u32(tb[CTRPOLICY_EVENTS_A_BURST]);
		if (!*burst || *burst > CTRPOLICY_EVENT_BURST_MAX) {
			NL_SET_ERR_MSG_ATTR(extack, tb[CTRPOLICY_EVENTS_A_BURST],
					    "events burst (CTRPOLICY_EVENTS_A_BURST) out of range: 1 to "
					    __stringify(CTRPOLICY_EVENT_BURST_MAX) " events");
			return -EINVAL;
		}
	}
	return 0;
}

/* The space a rule's strings take, or a negative errno for a bad rule. */
static int mount_rule_check(const struct nlattr *attr, struct nlattr **tb,
			    struct netlink_ext_ack *extack)
{
	int err, size = 0, i;
	static const int strings[] = {
		CTRPOLICY_MOUNT_RULE_A_FSTYPE,
		CTRPOLICY_MOUNT_RULE_A_SOURCE,
		CTRPOLICY_MOUNT_RULE_A_TARGET,
	};

	if (nla_type(attr) != CTRPOLICY_MOUNT_A_RULE) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "expected a mount rule");
		return -EINVAL;
	}
	err = nla_parse_nested(tb, CTRPOLICY_MOUNT_RULE_A_MAX, attr,
			       mount_rule_nl_policy, extack);
	if (err)
		return err;
	if (NL_REQ_ATTR_CHECK(extack, attr, tb, CTRPOLICY_MOUNT_RULE_A_ACTION) ||
	    NL_REQ_ATTR_CHECK(extack, attr, tb, CTRPOLICY_MOUNT_RULE_A_OP)) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "a mount rule needs an action and an operation");
		return -EINVAL;
	}
	if (tb[CTRPOLICY_MOUNT_RULE_A_REQUIRE] && tb[CTRPOLICY_MOUNT_RULE_A_FORBID] &&
	    nla_get_u32(tb[CTRPOLICY_MOUNT_RULE_A_REQUIRE]) &
	    nla_get_u32(tb[CTRPOLICY_MOUNT_RULE_A_FORBID])) {
		NL_SET_ERR_MSG_ATTR(extack, tb[CTRPOLICY_MOUNT_RULE_A_FORBID],
				    "a flag both required and forbidden");
		return -EINVAL;
	}
	if (tb[CTRPOLICY_MOUNT_RULE_A_TARGET] &&
	    *(char *)nla_data(tb[CTRPOLICY_MOUNT_RULE_A_TARGET]) != '/') {
		NL_SET_ERR_MSG_ATTR(extack, tb[CTRPOLICY_MOUNT_RULE_A_TARGET],
				    "a mount rule's target must be an absolute path");
		return -EINVAL;
	}
	for (i = 0; i < ARRAY_SIZE(strings); i++)
		if (tb[strings[i]])
			size += strlen(nla_data(tb[strings[i]])) + 1;
	return size;
}

/* Copies the string of @attr, if any, to *@space. */
static const char *take_string(const struct nlattr *attr, char **space, u32 *len)
{
	char *s = *space;
	size_t n;

	if (!attr)
		return NULL;
	n = strlen(nla_data(attr));
	memcpy(s, nla_data(attr), n + 1);
	*space += n + 1;
	if (len)
		*len = n;
	return s;
}

static void mount_rule_fill(struct ctrpolicy_mount_rule *rule, struct nlattr **tb,
			    char **space)
{
	rule->action = nla_get_u32(tb[CTRPOLICY_MOUNT_RULE_A_ACTION]);
	rule->op = nla_get_u32(tb[CTRPOLICY_MOUNT_RULE_A_OP]);
	if (tb[CTRPOLICY_MOUNT_RULE_A_REQUIRE])
		rule->require = nla_get_u32(tb[CTRPOLICY_MOUNT_RULE_A_REQUIRE]);
	if (tb[CTRPOLICY_MOUNT_RULE_A_FORBID])
		rule->forbid = nla_get_u32(tb[CTRPOLICY_MOUNT_RULE_A_FORBID]);
	rule->fstype = take_string(tb[CTRPOLICY_MOUNT_RULE_A_FSTYPE], space, NULL);
	rule->source = take_string(tb[CTRPOLICY_MOUNT_RULE_A_SOURCE], space,
				   &rule->source_len);
	rule->target = take_string(tb[CTRPOLICY_MOUNT_RULE_A_TARGET], space,
				   &rule->target_len);
}

/*
 * Counts the rules of the mount nest and the space of their strings, or
 * returns a negative errno.
 */
static int mount_measure(const struct nlattr *rules, u32 *n_rules, size_t *strings,
			 struct netlink_ext_ack *extack)
{
	struct nlattr *tb[CTRPOLICY_MOUNT_RULE_A_MAX + 1];
	const struct nlattr *attr;
	int rem, size;

	nla_for_each_nested(attr, rules, rem) {
		if (*n_rules == CTRPOLICY_MAX_MOUNT_RULES) {
			NL_SET_ERR_MSG_ATTR(extack, attr, "too many mount rules");
			return -E2BIG;
		}
		size = mount_rule_check(attr, tb, extack);
		if (size < 0)
			return size;
		*strings += size;
		(*n_rules)++;
	}
	return 0;
}

static int socket_rules_check(const struct nlattr *attr,
			      struct netlink_ext_ack *extack)
{
	const struct ctrpolicy_socket_rule *rule = nla_data(attr);
	int i, n = nla_len(attr) / sizeof(*rule);
	const char *why = NULL;

	if (nla_len(attr) % sizeof(*rule))
		why = "socket rules: the length is not a multiple of a rule's";
	for (i = 0; !why && i < n; i++, rule++) {
		if (rule->action > CTRPOLICY_ACTION_MAX)
			why = "a socket rule has an unknown action";
		else if (rule->family >= AF_MAX)
			why = "a socket rule has an unknown family";
		else if (rule->proto >= CTRPOLICY_NET_PROTO_OTHER)
			why = "a socket rule has an unknown protocol";
		else if (rule->pad)
			why = "a socket rule's padding is not zero";
	}
	if (why) {
		ctrpolicy_set_err(extack, attr, why);
		return -EINVAL;
	}
	return n;
}

/* The CTRPOLICY_A_NET_RULES attributes of @nlh, in order. */
#define for_each_net_rules_attr(attr, nlh, rem)				\
	nlmsg_for_each_attr(attr, nlh, GENL_HDRLEN, rem)			\
		if (nla_type(attr) == CTRPOLICY_A_NET_RULES)

/* Counts and checks the address rules of @nlh. */
static int net_rules_measure(const struct nlmsghdr *nlh, u32 *n_rules,
			     struct netlink_ext_ack *extack)
{
	const struct ctrpolicy_net_rule *rule;
	const struct nlattr *attr;
	int rem, i, n, err;

	for_each_net_rules_attr(attr, nlh, rem) {
		if (nla_len(attr) % sizeof(*rule)) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "address rules: the length is not a multiple of a rule's");
			return -EINVAL;
		}
		n = nla_len(attr) / sizeof(*rule);
		if (*n_rules + n > CTRPOLICY_MAX_NET_RULES) {
			NL_SET_ERR_MSG_ATTR(extack, attr, "too many address rules");
			return -E2BIG;
		}
		for (i = 0, rule = nla_data(attr); i < n; i++, rule++) {
			err = ctrpolicy_net_rule_check(rule, extack, attr);
			if (err)
				return err;
		}
		*n_rules += n;
	}
	return 0;
}

static size_t string_size(const char *s)
{
	return s ? nla_total_size(strlen(s) + 1) : 0;
}

/* What ctrpolicy_policy_fill() writes, in bytes. */
static size_t policy_nl_size(const struct ctrpolicy_policy *policy)
{
	size_t size = nla_total_size(0) +		/* CTRPOLICY_A_POLICY */
		      string_size(policy->name) +
		      nla_total_size(sizeof(u32)) +	/* MODE */
		      nla_total_size_64bit(sizeof(u64)) +	/* CAPS */
		      nla_total_size(0) +		/* MOUNT */
		      nla_total_size(sizeof(u32)) +	/* DEFAULT */
		      nla_total_size(0) +		/* RULES */
		      nla_total_size(0) +		/* NET */
		      nla_total_size(sizeof(u32)) +	/* DEFAULT */
		      nla_total_size(sizeof(u32)) +	/* RULE_COUNT */
		      nla_total_size(0) +		/* EVENTS */
		      2 * nla_total_size(sizeof(u32)) +	/* RATE, BURST */
		      nla_total_size(policy->net.n_socket_rules *
				     sizeof(struct ctrpolicy_socket_rule));
	u32 i;

	if (policy->mode == CTRPOLICY_MODE_LEARN)
		size += nla_total_size(sizeof(u32));	/* LEARN_SIZE */

	for (i = 0; i < policy->mount.n_rules; i++) {
		const struct ctrpolicy_mount_rule *rule = &policy->mount.rules[i];

		size += nla_total_size(0) + 4 * nla_total_size(sizeof(u32)) +
			string_size(rule->fstype) + string_size(rule->source) +
			string_size(rule->target);
	}
	return size;
}

/**
 * ctrpolicy_policy_parse - Build a policy from its netlink attributes
 * @nest: the CTRPOLICY_A_POLICY attribute, validated by its nla_policy
 * @nlh: the message, for its CTRPOLICY_A_NET_RULES attributes
 * @extack: for the error message
 *
 * A policy in learn mode comes with its empty learned set.
 *
 * Return: the policy (ctrpolicy_policy_free() it, or publish it with
 * ctrpolicy_store_set()), or an ERR_PTR: -EINVAL (a bad attribute, such as
 * an events rate or burst out of range, or a learn size without learn
 * mode), -E2BIG (too many rules, or larger than
 * %CTRPOLICY_POLICY_SIZE_MAX written back), -ENOMEM.
 */
struct ctrpolicy_policy *ctrpolicy_policy_parse(const struct nlattr *nest,
					       const struct nlmsghdr *nlh,
					       struct netlink_ext_ack *extack)
{
	struct nlattr *tb[CTRPOLICY_POLICY_A_MAX + 1];
	struct nlattr *mtb[CTRPOLICY_MOUNT_A_MAX + 1] = {};
	struct nlattr *ntb[CTRPOLICY_NET_A_MAX + 1] = {};
	struct nlattr *rtb[CTRPOLICY_MOUNT_RULE_A_MAX + 1];
	u32 n_rules = 0, n_net_rules = 0, n_index, i = 0, rate, burst;
	struct ctrpolicy_policy *policy;
	const struct nlattr *attr;
	size_t strings = 0, size;
	int err, rem, n_socket_rules = 0;
	char *space;

	err = nla_parse_nested(tb, CTRPOLICY_POLICY_A_MAX, nest,
			       ctrpolicy_policy_nl_policy, extack);
	if (err)
		return ERR_PTR(err);
	if (!tb[CTRPOLICY_POLICY_A_NAME] ||
	    !*(char *)nla_data(tb[CTRPOLICY_POLICY_A_NAME])) {
		NL_SET_ERR_MSG_ATTR(extack, nest, "policy needs a non-empty name");
		NL_SET_ERR_ATTR_MISS(extack, nest, CTRPOLICY_POLICY_A_NAME);
		return ERR_PTR(-EINVAL);
	}
	if (tb[CTRPOLICY_POLICY_A_CAPS] &&
	    nla_get_u64(tb[CTRPOLICY_POLICY_A_CAPS]) & ~GENMASK_ULL(CAP_LAST_CAP, 0)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[CTRPOLICY_POLICY_A_CAPS],
				    "capability bits above CAP_LAST_CAP");
		return ERR_PTR(-EINVAL);
	}
	if (tb[CTRPOLICY_POLICY_A_LEARN_SIZE] &&
	    !(tb[CTRPOLICY_POLICY_A_MODE] &&
	      nla_get_u32(tb[CTRPOLICY_POLICY_A_MODE]) == CTRPOLICY_MODE_LEARN)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[CTRPOLICY_POLICY_A_LEARN_SIZE],
				    "a learn size (CTRPOLICY_POLICY_A_LEARN_SIZE) needs learn mode");
		return ERR_PTR(-EINVAL);
	}
	err = events_parse(tb[CTRPOLICY_POLICY_A_EVENTS], &rate, &burst, extack);
	if (err)
		return ERR_PTR(err);
	if (tb[CTRPOLICY_POLICY_A_MOUNT]) {
		err = nla_parse_nested(mtb, CTRPOLICY_MOUNT_A_MAX,
				       tb[CTRPOLICY_POLICY_A_MOUNT], mount_nl_policy,
				       extack);
		if (!err && mtb[CTRPOLICY_MOUNT_A_RULES])
			err = mount_measure(mtb[CTRPOLICY_MOUNT_A_RULES], &n_rules,
					    &strings, extack);
		if (err)
			return ERR_PTR(err);
	}
	if (tb[CTRPOLICY_POLICY_A_NET]) {
		err = nla_parse_nested(ntb, CTRPOLICY_NET_A_MAX,
				       tb[CTRPOLICY_POLICY_A_NET], net_nl_policy,
				       extack);
		if (err)
			return ERR_PTR(err);
		if (ntb[CTRPOLICY_NET_A_SOCKET_RULES]) {
			n_socket_rules = socket_rules_check(ntb[CTRPOLICY_NET_A_SOCKET_RULES],
							    extack);
			if (n_socket_rules < 0)
				return ERR_PTR(n_socket_rules);
		}
	}
	err = net_rules_measure(nlh, &n_net_rules, extack);
	if (err)
		return ERR_PTR(err);
	n_index = ctrpolicy_net_index_size(n_net_rules);

	/* Pointer-aligned parts first, the strings last. */
	size = sizeof(*policy) + array_size(n_rules, sizeof(*policy->mount.rules)) +
	       array_size(n_net_rules, sizeof(*policy->net.addr_rules)) +
	       (n_net_rules ? sizeof(*policy->net.levels) * CTRPOLICY_NET_LEVELS : 0) +
	       array_size(n_index, sizeof(*policy->net.index)) +
	       array_size(n_socket_rules, sizeof(*policy->net.socket_rules)) + strings;
	policy = kvzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!policy)
		return ERR_PTR(-ENOMEM);
	nla_strscpy(policy->name, tb[CTRPOLICY_POLICY_A_NAME], sizeof(policy->name));
	if (tb[CTRPOLICY_POLICY_A_MODE])
		policy->mode = nla_get_u32(tb[CTRPOLICY_POLICY_A_MODE]);
	if (tb[CTRPOLICY_POLICY_A_CAPS])
		policy->caps = nla_get_u64(tb[CTRPOLICY_POLICY_A_CAPS]);
	policy->event_rate = rate;
	policy->event_burst = burst;
	if (mtb[CTRPOLICY_MOUNT_A_DEFAULT])
		policy->mount.default_action = nla_get_u32(mtb[CTRPOLICY_MOUNT_A_DEFAULT]);
	if (ntb[CTRPOLICY_NET_A_DEFAULT])
		policy->net.default_action = nla_get_u32(ntb[CTRPOLICY_NET_A_DEFAULT]);
	policy->mount.n_rules = n_rules;
	policy->mount.rules = (void *)(policy + 1);
	policy->net.addr_rules = (void *)(policy->mount.rules + n_rules);
	policy->net.levels = (void *)(policy->net.addr_rules + n_net_rules);
	policy->net.index = (void *)(policy->net.levels +
				     (n_net_rules ? CTRPOLICY_NET_LEVELS : 0));
	if (n_index)
		policy->net.index_mask = n_index - 1;
	policy->net.socket_rules = (void *)(policy->net.index + n_index);
	space = (char *)(policy->net.socket_rules + n_socket_rules);
	if (n_socket_rules) {
		nla_memcpy(policy->net.socket_rules, ntb[CTRPOLICY_NET_A_SOCKET_RULES],
			   n_socket_rules * sizeof(*policy->net.socket_rules));
		policy->net.n_socket_rules = n_socket_rules;
	}
	for_each_net_rules_attr(attr, nlh, rem)
		ctrpolicy_net_rules_import(&policy->net, nla_data(attr),
					   nla_len(attr) / sizeof(struct ctrpolicy_net_rule));
	ctrpolicy_net_rules_build(&policy->net);
	if (n_rules) {
		nla_for_each_nested(attr, mtb[CTRPOLICY_MOUNT_A_RULES], rem) {
			/* Checked by mount_measure(): cannot fail. */
			nla_parse_nested(rtb, CTRPOLICY_MOUNT_RULE_A_MAX, attr,
					 mount_rule_nl_policy, NULL);
			mount_rule_fill(&policy->mount.rules[i++], rtb, &space);
		}
	}
	/* Every policy must fit one message of a dump. */
	if (policy_nl_size(policy) > CTRPOLICY_POLICY_SIZE_MAX) {
		kvfree(policy);
		NL_SET_ERR_MSG_ATTR(extack, nest, "policy too large");
		return ERR_PTR(-E2BIG);
	}
	if (policy->mode == CTRPOLICY_MODE_LEARN) {
		policy->learn_size = CTRPOLICY_LEARN_SIZE_DEFAULT;
		if (tb[CTRPOLICY_POLICY_A_LEARN_SIZE])
			policy->learn_size = nla_get_u32(tb[CTRPOLICY_POLICY_A_LEARN_SIZE]);
		policy->learned = ctrpolicy_learn_alloc(policy->learn_size);
		if (!policy->learned) {
			kvfree(policy);
			return ERR_PTR(-ENOMEM);
		}
	}
	return policy;
}

/**
 * ctrpolicy_policy_free - Free a policy that was never published
 * @policy: the policy, and its learned set if it has one
 */
void ctrpolicy_policy_free(struct ctrpolicy_policy *policy)
{
	kvfree(policy->learned);
	kvfree(policy);
}

static int mount_rule_put(struct sk_buff *skb, const struct ctrpolicy_mount_rule *rule)
{
	struct nlattr *nest = nla_nest_start(skb, CTRPOLICY_MOUNT_A_RULE);

	if (!nest ||
	    nla_put_u32(skb, CTRPOLICY_MOUNT_RULE_A_ACTION, rule->action) ||
	    nla_put_u32(skb, CTRPOLICY_MOUNT_RULE_A_OP, rule->op) ||
	    nla_put_u32(skb, CTRPOLICY_MOUNT_RULE_A_REQUIRE, rule->require) ||
	    nla_put_u32(skb, CTRPOLICY_MOUNT_RULE_A_FORBID, rule->forbid) ||
	    (rule->fstype &&
	     nla_put_string(skb, CTRPOLICY_MOUNT_RULE_A_FSTYPE, rule->fstype)) ||
	    (rule->source &&
	     nla_put_string(skb, CTRPOLICY_MOUNT_RULE_A_SOURCE, rule->source)) ||
	    (rule->target &&
	     nla_put_string(skb, CTRPOLICY_MOUNT_RULE_A_TARGET, rule->target)))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * ctrpolicy_net_rules_put - Write address rules as a CTRPOLICY_A_NET_RULES
 * @skb: the message
 * @policy: the policy
 * @first: the index of the first rule
 * @n: how many, at most %CTRPOLICY_NET_RULES_PER_ATTR
 *
 * Return: 0, or -EMSGSIZE when they do not fit.
 */
int ctrpolicy_net_rules_put(struct sk_buff *skb,
			    const struct ctrpolicy_policy *policy, u32 first, u32 n)
{
	struct ctrpolicy_net_rule *out;
	struct nlattr *attr;
	u32 i;

	if (WARN_ON_ONCE(n > CTRPOLICY_NET_RULES_PER_ATTR ||
			 first + n > policy->net.n_addr_rules))
		return -EINVAL;
	attr = nla_reserve(skb, CTRPOLICY_A_NET_RULES, n * sizeof(*out));
	if (!attr)
		return -EMSGSIZE;
	out = nla_data(attr);
	for (i = 0; i < n; i++)
		ctrpolicy_net_rule_export(&out[i], &policy->net.addr_rules[first + i]);
	return 0;
}

static int net_put(struct sk_buff *skb, const struct ctrpolicy_policy *policy)
{
	struct nlattr *net = nla_nest_start(skb, CTRPOLICY_POLICY_A_NET);

	if (!net ||
	    nla_put_u32(skb, CTRPOLICY_NET_A_DEFAULT, policy->net.default_action) ||
	    nla_put_u32(skb, CTRPOLICY_NET_A_RULE_COUNT, policy->net.n_addr_rules) ||
	    nla_put(skb, CTRPOLICY_NET_A_SOCKET_RULES,
		    policy->net.n_socket_rules * sizeof(*policy->net.socket_rules),
		    policy->net.socket_rules))
		return -EMSGSIZE;
	nla_nest_end(skb, net);
	return 0;
}

static int events_put(struct sk_buff *skb, const struct ctrpolicy_policy *policy)
{
	struct nlattr *events = nla_nest_start(skb, CTRPOLICY_POLICY_A_EVENTS);

	if (!events ||
	    nla_put_u32(skb, CTRPOLICY_EVENTS_A_RATE, policy->event_rate) ||
	    nla_put_u32(skb, CTRPOLICY_EVENTS_A_BURST, policy->event_burst))
		return -EMSGSIZE;
	nla_nest_end(skb, events);
	return 0;
}

/**
 * ctrpolicy_policy_fill - Write a policy as a CTRPOLICY_A_POLICY attribute
 * @skb: the message
 * @policy: the policy
 *
 * The address rules are not part of it: only their number is; see
 * ctrpolicy_net_rules_put().
 *
 * Return: 0, or -EMSGSIZE when it does not fit.
 */
int ctrpolicy_policy_fill(struct sk_buff *skb,
			  const struct ctrpolicy_policy *policy)
{
	struct nlattr *nest, *mount, *rules;
	u32 i;

	nest = nla_nest_start(skb, CTRPOLICY_A_POLICY);
	if (!nest ||
	    nla_put_string(skb, CTRPOLICY_POLICY_A_NAME, policy->name) ||
	    nla_put_u32(skb, CTRPOLICY_POLICY_A_MODE, policy->mode) ||
	    (policy->learn_size &&
	     nla_put_u32(skb, CTRPOLICY_POLICY_A_LEARN_SIZE, policy->learn_size)) ||
	    nla_put_u64_64bit(skb, CTRPOLICY_POLICY_A_CAPS, policy->caps,
			      CTRPOLICY_POLICY_A_PAD))
		return -EMSGSIZE;
	mount = nla_nest_start(skb, CTRPOLICY_POLICY_A_MOUNT);
	if (!mount ||
	    nla_put_u32(skb, CTRPOLICY_MOUNT_A_DEFAULT, policy->mount.default_action))
		return -EMSGSIZE;
	rules = nla_nest_start(skb, CTRPOLICY_MOUNT_A_RULES);
	if (!rules)
		return -EMSGSIZE;
	for (i = 0; i < policy->mount.n_rules; i++)
		if (mount_rule_put(skb, &policy->mount.rules[i]))
			return -EMSGSIZE;
	nla_nest_end(skb, rules);
	nla_nest_end(skb, mount);
	if (net_put(skb, policy) || events_put(skb, policy))
		return -EMSGSIZE;
	nla_nest_end(skb, nest);
	return 0;
}

#ifdef CTRPOLICY_KUNIT_TEST
#include "policy_test.c"
#endif
