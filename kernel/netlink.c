// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The generic netlink family "ctrpolicy".
 *
 * Every command has its own strict attribute policy.  Who may do what:
 * - the status (module, ABI, attached or not) is anyone's to read;
 * - policies, their counters and the "events" group reveal what every
 *   container may do and does (pids, command names, addresses, mount
 *   paths): CAP_NET_ADMIN in the initial user namespace, as for the
 *   kernel's other families that show the whole host;
 * - changing policies or what enforces them: CAP_MAC_ADMIN in the initial
 *   user namespace, the capability the kernel reserves for changes of
 *   mandatory access control (SELinux, Smack and AppArmor ask it to load a
 *   policy).  CAP_NET_ADMIN is not enough: network daemons, and the
 *   containers of network plugins, hold it for reasons of their own.  And
 *   never a confined task, whatever it holds.
 * Errors carry an extack message naming the attribute.  Dumps resume after
 * the last cgroup id sent and flag a store change in between
 * (NLM_F_DUMP_INTR).  Nothing a request does deletes anything: policies of
 * removed cgroups go in the store's worker.
 */

#include <linux/capability.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "common.h"
#include "compat.h"
#include "events.h"
#include "learn.h"
#include "links.h"
#include "netlink.h"
#include "policy.h"
#include "protect.h"
#include "store.h"

static const struct nla_policy set_policy[CTRPOLICY_A_MAX + 1] = {
	[CTRPOLICY_A_CGROUP_ID] = { .type = NLA_U64 },
	[CTRPOLICY_A_POLICY] = NLA_POLICY_NESTED(ctrpolicy_policy_nl_policy),
	/* Checked rule by rule in ctrpolicy_policy_parse(). */
	[CTRPOLICY_A_NET_RULES] = { .type = NLA_BINARY },
	[CTRPOLICY_A_ON_EXEC] = { .type = NLA_FLAG },
	[CTRPOLICY_A_LEARN_KEEP] = { .type = NLA_FLAG },
};

static const struct nla_policy cgroup_policy[CTRPOLICY_A_MAX + 1] = {
	[CTRPOLICY_A_CGROUP_ID] = { .type = NLA_U64 },
};

static const struct nla_policy status_policy[CTRPOLICY_A_MAX + 1] = {};

static const struct nla_policy links_policy[CTRPOLICY_A_MAX + 1] = {
	[CTRPOLICY_A_LINK_FD] = { .type = NLA_U32 },
	[CTRPOLICY_A_LINKS_FIRST] = { .type = NLA_FLAG },
};

static struct genl_family ctrpolicy_family;

/*
 * Room for one policy message of a dump: the policy without its address
 * rules, its cgroup id and counters.
 */
#define POLICY_MSG_SIZE	(CTRPOLICY_POLICY_SIZE_MAX + 2048)

enum ctrpolicy_mcgrp {
	CTRPOLICY_MCGRP_EVENTS_ID,
};

static const struct genl_multicast_group ctrpolicy_mcgrps[] = {
	[CTRPOLICY_MCGRP_EVENTS_ID] = {
		.name = CTRPOLICY_MCGRP_EVENTS,
		.flags = GENL_MCAST_CAP_NET_ADMIN,
	},
};

/*
 * A change needs CAP_MAC_ADMIN in the initial user namespace, held by the
 * socket's opener and the sender alike (netlink_capable()), and is refused
 * to a confined task whatever it holds.  @operation names the change in
 * the report, @msg in the reply.
 */
static int refuse_change(struct sk_buff *skb, struct genl_info *info,
			 const char *operation, const char *msg)
{
	if (ctrpolicy_protect(operation)) {
		ctrpolicy_set_err(info->extack, NULL, msg);
		return -EPERM;
	}
	if (!netlink_capable(skb, CAP_MAC_ADMIN)) {
		NL_SET_ERR_MSG(info->extack,
			       "changing what ctrpolicy enforces needs CAP_MAC_ADMIN");
		return -EPERM;
	}
	return 0;
}

static int refuse_policy_change(struct sk_buff *skb, struct genl_info *info)
{
	return refuse_change(skb, info, "change policies",
			     "a confined task cannot change policies");
}

static int refuse_links_change(struct sk_buff *skb, struct genl_info *info)
{
	return refuse_change(skb, info, "attach or detach enforcement",
			     "a confined task cannot attach or detach enforcement");
}

static int policy_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct ctrpolicy_policy *policy;
	int err;

	err = refuse_policy_change(skb, info);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CTRPOLICY_A_CGROUP_ID) ||
	    GENL_REQ_ATTR_CHECK(info, CTRPOLICY_A_POLICY))
		return -EINVAL;

	policy = ctrpolicy_policy_parse(info->attrs[CTRPOLICY_A_POLICY],
					info->nlhdr, info->extack);
	if (IS_ERR(policy))
		return PTR_ERR(policy);
	/* Never a policy in force that nothing enforces. */
	if (!ctrpolicy_links_held()) {
		ctrpolicy_policy_free(policy);
		NL_SET_ERR_MSG(info->extack,
			       "enforcement is not attached: run 'ctrpolicy attach' (ctrpolicy load does)");
		return -ENOLINK;
	}
	err = ctrpolicy_store_set(nla_get_u64(info->attrs[CTRPOLICY_A_CGROUP_ID]),
				  policy,
				  nla_get_flag(info->attrs[CTRPOLICY_A_ON_EXEC]),
				  nla_get_flag(info->attrs[CTRPOLICY_A_LEARN_KEEP]),
				  info->extack);
	if (err == -ENOENT || err == -EINVAL)
		NL_SET_BAD_ATTR(info->extack, info->attrs[CTRPOLICY_A_CGROUP_ID]);
	return err;
}

static int policy_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	int err;

	err = refuse_policy_change(skb, info);
	if (err)
		return err;
	if (GENL_REQ_ATTR_CHECK(info, CTRPOLICY_A_CGROUP_ID))
		return -EINVAL;
	err = ctrpolicy_store_delete(nla_get_u64(info->attrs[CTRPOLICY_A_CGROUP_ID]));
	if (err == -ENOENT)
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[CTRPOLICY_A_CGROUP_ID],
				    "this cgroup has no policy");
	return err;
}

static int put_counters(struct sk_buff *skb, const struct ctrpolicy_entry *entry)
{
	struct ctrpolicy_counters sum;
	struct nlattr *all, *area_nest;
	int area;

	ctrpolicy_entry_counters(entry, &sum);
	all = nla_nest_start(skb, CTRPOLICY_A_COUNTERS);
	if (!all)
		return -EMSGSIZE;
	for (area = CTRPOLICY_AREA_UNSPEC + 1; area <= CTRPOLICY_AREA_MAX; area++) {
		const u64 *c = sum.count[area];

		area_nest = nla_nest_start(skb, area);
		if (!area_nest ||
		    nla_put_u64_64bit(skb, CTRPOLICY_COUNTER_A_CHECKS,
				      c[CTRPOLICY_COUNT_CHECKS], CTRPOLICY_COUNTER_A_PAD) ||
		    nla_put_u64_64bit(skb, CTRPOLICY_COUNTER_A_ALLOWED,
				      c[CTRPOLICY_COUNT_ALLOWED], CTRPOLICY_COUNTER_A_PAD) ||
		    nla_put_u64_64bit(skb, CTRPOLICY_COUNTER_A_DENIED,
				      c[CTRPOLICY_COUNT_DENIED], CTRPOLICY_COUNTER_A_PAD) ||
		    nla_put_u64_64bit(skb, CTRPOLICY_COUNTER_A_AUDITED,
				      c[CTRPOLICY_COUNT_AUDITED], CTRPOLICY_COUNTER_A_PAD))
			return -EMSGSIZE;
		nla_nest_end(skb, area_nest);
	}
	nla_nest_end(skb, all);
	return 0;
}

/*
 * One policy message, without its address rules (see policy_dump_one()).
 * Caller holds rcu_read_lock().
 */
static int fill_policy(struct sk_buff *skb, const struct ctrpolicy_entry *entry,
		       const struct ctrpolicy_policy *policy,
		       u32 portid, u32 seq, int flags, struct netlink_callback *cb)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &ctrpolicy_family, flags,
			  CTRPOLICY_CMD_POLICY_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (cb)
		genl_dump_check_consistent(cb, hdr);
	if (nla_put_u64_64bit(skb, CTRPOLICY_A_CGROUP_ID, entry->cgroup_id,
			      CTRPOLICY_A_PAD))
		goto cancel;
	if (READ_ONCE(entry->pending) && nla_put_flag(skb, CTRPOLICY_A_PENDING))
		goto cancel;
	if (ctrpolicy_policy_fill(skb, policy) || put_counters(skb, entry) ||
	    nla_put_u64_64bit(skb, CTRPOLICY_A_SUPPRESSED,
			      ctrpolicy_event_suppressed(entry), CTRPOLICY_A_PAD))
		goto cancel;
	genlmsg_end(skb, hdr);
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

static int policy_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct ctrpolicy_entry *entry;
	struct sk_buff *msg;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, CTRPOLICY_A_CGROUP_ID))
		return -EINVAL;
	msg = genlmsg_new(POLICY_MSG_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	rcu_read_lock();
	entry = ctrpolicy_store_find(nla_get_u64(info->attrs[CTRPOLICY_A_CGROUP_ID]));
	err = entry ? fill_policy(msg, entry, rcu_dereference(entry->policy),
				  info->snd_portid, info->snd_seq, 0, NULL) :
		      -ENOENT;
	rcu_read_unlock();
	if (err) {
		if (err == -ENOENT)
			NL_SET_ERR_MSG_ATTR(info->extack,
					    info->attrs[CTRPOLICY_A_CGROUP_ID],
					    "this cgroup has no policy");
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* The state of a dump, in cb->args. */
enum {
	DUMP_FROM_ID,	/* every policy: the cgroup id to go on from */
	DUMP_CGROUP,	/* one cgroup's policy: its id */
	DUMP_RULE,	/* ... the next address rule to send, 1-based */
};

static int policy_dump_start(struct netlink_callback *cb)
{
	const struct nlattr *id = ctrpolicy_dump_attrs(cb)[CTRPOLICY_A_CGROUP_ID];
	bool found;

	/* Every message of the dump has room for the largest policy. */
	cb->min_dump_alloc = POLICY_MSG_SIZE;
	if (!id)
		return 0;
	cb->args[DUMP_CGROUP] = nla_get_u64(id);
	rcu_read_lock();
	found = ctrpolicy_store_find(cb->args[DUMP_CGROUP]);
	rcu_read_unlock();
	if (!found) {
		NL_SET_ERR_MSG_ATTR(cb->extack, id, "this cgroup has no policy");
		return -ENOENT;
	}
	return 0;
}

/* One message of address rules of @policy, from the DUMP_RULE'th on. */
static int fill_net_rules(struct sk_buff *skb, const struct ctrpolicy_policy *policy,
			  struct netlink_callback *cb)
{
	u32 first = cb->args[DUMP_RULE] - 1, n;
	void *hdr;
	int room;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &ctrpolicy_family, NLM_F_MULTI, CTRPOLICY_CMD_POLICY_GET);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	if (nla_put_u64_64bit(skb, CTRPOLICY_A_CGROUP_ID, cb->args[DUMP_CGROUP],
			      CTRPOLICY_A_PAD))
		goto cancel;
	room = skb_tailroom(skb) - nla_total_size(0);
	n = min3(policy->net.n_addr_rules - first, (u32)CTRPOLICY_NET_RULES_PER_ATTR,
		 (u32)max(room, 0) / (u32)sizeof(struct ctrpolicy_net_rule));
	if (!n || ctrpolicy_net_rules_put(skb, policy, first, n))
		goto cancel;
	genlmsg_end(skb, hdr);
	cb->args[DUMP_RULE] += n;
	return 0;

cancel:
	genlmsg_cancel(skb, hdr);
	return -EMSGSIZE;
}

/*
 * One cgroup's policy: its message, then messages of its address rules.
 * A policy replaced meanwhile changes the store's sequence number, which
 * marks the dump inconsistent (NLM_F_DUMP_INTR): the reader starts over.
 */
static int policy_dump_one(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct ctrpolicy_policy *policy;
	struct ctrpolicy_entry *entry;
	int err = 0;

	rcu_read_lock();
	cb->seq = ctrpolicy_store_seq();
	entry = ctrpolicy_store_find(cb->args[DUMP_CGROUP]);
	if (!entry) {
		/* Removed since: what was sent is no longer true. */
		cb->seq++;
		goto out;
	}
	policy = rcu_dereference(entry->policy);
	if (!cb->args[DUMP_RULE]) {
		err = fill_policy(skb, entry, policy, NETLINK_CB(cb->skb).portid,
				  cb->nlh->nlmsg_seq, NLM_F_MULTI, cb);
		if (err)
			goto out;
		cb->args[DUMP_RULE] = 1;
	}
	while (!err && cb->args[DUMP_RULE] <= policy->net.n_addr_rules)
		err = fill_net_rules(skb, policy, cb);
out:
	rcu_read_unlock();
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/* The message being filled by a dump of every policy. */
struct dump_all {
	struct sk_buff *skb;
	struct netlink_callback *cb;
};

static int dump_all_fill(void *arg, const struct ctrpolicy_entry *entry)
{
	struct dump_all *dump = arg;
	struct netlink_callback *cb = dump->cb;
	int err;

	err = fill_policy(dump->skb, entry, rcu_dereference(entry->policy),
			  NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  NLM_F_MULTI, cb);
	if (!err)
		cb->args[DUMP_FROM_ID] = entry->cgroup_id + 1;
	return err;
}

/*
 * Every policy, in cgroup id order: a message resumes after the id of the
 * last policy sent, wherever it is in the store by then.
 */
static int policy_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct dump_all dump = { .skb = skb, .cb = cb };
	int err;

	if (cb->args[DUMP_CGROUP])
		return policy_dump_one(skb, cb);

	cb->seq = ctrpolicy_store_seq();
	err = ctrpolicy_store_dump(cb->args[DUMP_FROM_ID], dump_all_fill, &dump);
	/* A full message is not an error: the dump goes on in the next one. */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/* The state of a dump of a learned set, in cb->args. */
enum {
	LEARNED_CGROUP,	/* the cgroup */
	LEARNED_SLOT,	/* the slot to go on from */
	LEARNED_STARTED,	/* the cgroup was checked */
};

/*
 * The first message of a dump of a learned set: the cgroup asked for.  Not
 * a .start: from 6.1 to 6.x a .start has no extack (cb->extack is set for
 * .dumpit only), and an error of the first .dumpit ends the dump with an
 * NLMSG_DONE that carries it with its message.
 */
static int learned_dump_check(struct netlink_callback *cb)
{
	const struct nlattr *id = ctrpolicy_dump_attrs(cb)[CTRPOLICY_A_CGROUP_ID];
	struct ctrpolicy_entry *entry;
	bool found;

	if (!id) {
		NL_SET_ERR_MSG(cb->extack,
			       "a learned set is a cgroup's: CTRPOLICY_A_CGROUP_ID missing");
		NL_SET_ERR_ATTR_MISS(cb->extack, NULL, CTRPOLICY_A_CGROUP_ID);
		return -EINVAL;
	}
	cb->args[LEARNED_CGROUP] = nla_get_u64(id);
	rcu_read_lock();
	entry = ctrpolicy_store_find(cb->args[LEARNED_CGROUP]);
	found = entry && rcu_access_pointer(entry->learned);
	rcu_read_unlock();
	if (!found) {
		NL_SET_ERR_MSG_ATTR(cb->extack, id,
				    "this cgroup has no policy that learned");
		return -ENOENT;
	}
	cb->args[LEARNED_STARTED] = 1;
	return 0;
}

/*
 * One message of a learned set: the requests of the slots from
 * LEARNED_SLOT on, as many as fit.  Slots never move while a set lives;
 * a set dropped meanwhile changes the store's sequence number, which
 * marks the dump inconsistent (NLM_F_DUMP_INTR).
 */
static int learned_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct ctrpolicy_learned *req;
	const struct ctrpolicy_learn_set *set;
	struct ctrpolicy_entry *entry;
	u32 slot = cb->args[LEARNED_SLOT];
	int err = 0;
	void *hdr;

	if (!cb->args[LEARNED_STARTED]) {
		err = learned_dump_check(cb);
		if (err)
			return err;
	}
	rcu_read_lock();
	cb->seq = ctrpolicy_store_seq();
	entry = ctrpolicy_store_find(cb->args[LEARNED_CGROUP]);
	set = entry ? rcu_dereference(entry->learned) : NULL;
	if (!set) {
		/* Removed since: what was sent is no longer true. */
		cb->seq++;
		goto out;
	}
	if (slot >= ctrpolicy_learn_slots(set))
		goto out;
	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &ctrpolicy_family, NLM_F_MULTI, CTRPOLICY_CMD_LEARNED_GET);
	if (!hdr) {
		err = -EMSGSIZE;
		goto out;
	}
	genl_dump_check_consistent(cb, hdr);
	if (nla_put_u64_64bit(skb, CTRPOLICY_A_CGROUP_ID, entry->cgroup_id,
			      CTRPOLICY_A_PAD) ||
	    nla_put_u64_64bit(skb, CTRPOLICY_A_LEARN_OVERFLOW,
			      atomic64_read(&set->overflow), CTRPOLICY_A_PAD)) {
		genlmsg_cancel(skb, hdr);
		err = -EMSGSIZE;
		goto out;
	}
	for (; slot < ctrpolicy_learn_slots(set); slot++) {
		req = ctrpolicy_learn_get(set, slot);
		if (req && nla_put(skb, CTRPOLICY_A_LEARNED, sizeof(*req), req))
			break;
	}
	genlmsg_end(skb, hdr);
	cb->args[LEARNED_SLOT] = slot;
out:
	rcu_read_unlock();
	return err ?: skb->len;
}

static int links_set_doit(struct sk_buff *skb, struct genl_info *info)
{
	return refuse_links_change(skb, info) ?:
	       ctrpolicy_links_set(info->nlhdr, GENL_HDRLEN,
				   nla_get_flag(info->attrs[CTRPOLICY_A_LINKS_FIRST]),
				   info->extack);
}

static int links_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	int err = refuse_links_change(skb, info);

	if (!err)
		ctrpolicy_links_release();
	return err;
}

/* The BPF programs holding the module; none when built in. */
static unsigned int module_users(void)
{
#ifdef MODULE
	return module_refcount(THIS_MODULE);
#else
	return 0;
#endif
}

static int status_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *nest;
	struct sk_buff *msg;
	u64 sent, dropped;
	void *hdr;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &ctrpolicy_family, 0,
				CTRPOLICY_CMD_STATUS_GET);
	if (!hdr)
		goto nospace;
	ctrpolicy_events_stats(&sent, &dropped);
	nest = nla_nest_start(msg, CTRPOLICY_A_STATUS);
	if (!nest ||
	    nla_put_string(msg, CTRPOLICY_STATUS_A_VERSION, CTRPOLICY_VERSION) ||
	    nla_put_u32(msg, CTRPOLICY_STATUS_A_ABI, CTRPOLICY_GENL_VERSION) ||
	    nla_put_u32(msg, CTRPOLICY_STATUS_A_POLICIES, ctrpolicy_store_count()) ||
	    nla_put_u32(msg, CTRPOLICY_STATUS_A_USERS, module_users()) ||
	    nla_put_u64_64bit(msg, CTRPOLICY_STATUS_A_EVENTS_SENT, sent,
			      CTRPOLICY_STATUS_A_PAD) ||
	    nla_put_u64_64bit(msg, CTRPOLICY_STATUS_A_EVENTS_DROPPED, dropped,
			      CTRPOLICY_STATUS_A_PAD) ||
	    ctrpolicy_links_fill(msg))
		goto nospace;
	nla_nest_end(msg, nest);
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

nospace:
	nlmsg_free(msg);
	return -EMSGSIZE;
}

static const struct genl_ops ctrpolicy_ops[] = {
	{
		.cmd = CTRPOLICY_CMD_POLICY_SET,
		.doit = policy_set_doit,
		.policy = set_policy,
		.maxattr = CTRPOLICY_A_MAX,
	},
	{
		.cmd = CTRPOLICY_CMD_POLICY_DEL,
		.doit = policy_del_doit,
		.policy = cgroup_policy,
		.maxattr = CTRPOLICY_A_MAX,
	},
	{
		.cmd = CTRPOLICY_CMD_POLICY_GET,
		.doit = policy_get_doit,
		.start = policy_dump_start,
		.dumpit = policy_dumpit,
		.policy = cgroup_policy,
		.maxattr = CTRPOLICY_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = CTRPOLICY_CMD_LEARNED_GET,
		.dumpit = learned_dumpit,
		.policy = cgroup_policy,
		.maxattr = CTRPOLICY_A_MAX,
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = CTRPOLICY_CMD_STATUS_GET,
		.doit = status_get_doit,
		.policy = status_policy,
		.maxattr = CTRPOLICY_A_MAX,
	},
	{
		.cmd = CTRPOLICY_CMD_LINKS_SET,
		.doit = links_set_doit,
		.policy = links_policy,
		.maxattr = CTRPOLICY_A_MAX,
	},
	{
		.cmd = CTRPOLICY_CMD_LINKS_DEL,
		.doit = links_del_doit,
		.policy = status_policy,
		.maxattr = CTRPOLICY_A_MAX,
	},
};

static struct genl_family ctrpolicy_family __ro_after_init = {
	.name = CTRPOLICY_GENL_NAME,
	.version = CTRPOLICY_GENL_VERSION,
	.netnsok = false,
	.module = THIS_MODULE,
	.ops = ctrpolicy_ops,
	.n_ops = ARRAY_SIZE(ctrpolicy_ops),
	.resv_start_op = CTRPOLICY_CMD_MAX + 1,
	.mcgrps = ctrpolicy_mcgrps,
	.n_mcgrps = ARRAY_SIZE(ctrpolicy_mcgrps),
};

/**
 * ctrpolicy_netlink_init - Register the generic netlink family
 *
 * Return: 0, -ENOMEM, or the error of genl_register_family().
 */
int ctrpolicy_netlink_init(void)
{
	int err = ctrpolicy_events_init();

	if (err)
		return err;
	err = genl_register_family(&ctrpolicy_family);
	if (err) {
		ctrpolicy_events_exit();
		return err;
	}
	ctrpolicy_events_start(&ctrpolicy_family, CTRPOLICY_MCGRP_EVENTS_ID);
	return 0;
}

/**
 * ctrpolicy_netlink_exit - Unregister the generic netlink family
 *
 * Events still queued are dropped.
 */
void ctrpolicy_netlink_exit(void)
{
	ctrpolicy_links_release();
	ctrpolicy_events_stop();
	genl_unregister_family(&ctrpolicy_family);
	ctrpolicy_events_exit();
}
