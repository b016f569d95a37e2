/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CTRPOLICY_NL_H
#define CTRPOLICY_NL_H

#include <netlink/genl/genl.h>
#include <netlink/msg.h>

struct policy;

struct nl_ctx {
	struct nl_sock *sock;
	int family;
	int quiet_error;	/* an errno the caller reports itself, or 0 */
};

/* Connect to the family; prints what to do when the module is missing. */
int nl_ctx_open(struct nl_ctx *ctx);
void nl_ctx_close(struct nl_ctx *ctx);
/* A new request for CMD with NLM_F_REQUEST plus FLAGS. */
struct nl_msg *nl_ctx_msg(struct nl_ctx *ctx, int cmd, int flags);
/* The same, with room for PAYLOAD bytes of attributes (and at least a page). */
struct nl_msg *nl_ctx_msg_size(struct nl_ctx *ctx, int cmd, int flags,
			       size_t payload);
/*
 * Send MSG (consumed), pass each reply to ON_REPLY and wait for the ack.
 * Returns 0 or a negative errno, after printing "ctrpolicy: WHAT: error:
 * kernel message" for a failure other than -ctx->quiet_error.
 */
int nl_ctx_request(struct nl_ctx *ctx, struct nl_msg *msg,
		   int (*on_reply)(struct nl_msg *msg, void *arg), void *arg,
		   const char *what);
/*
 * A dump of CMD for cgroup ID (0: every cgroup), each reply passed to
 * ON_REPLY.  A dump that raced with a change (-EAGAIN) is read again from
 * the start, after RESET(ARG), up to five times.  QUIET_ERROR as in struct
 * nl_ctx.  Returns 0, nl_ctx_open()'s exit code (positive) when the family
 * cannot be reached, or nl_ctx_request()'s negative errno.
 */
int nl_ctx_dump(int cmd, uint64_t id, int quiet_error, void (*reset)(void *arg),
	    int (*on_reply)(struct nl_msg *msg, void *arg), void *arg,
	    const char *what);
/* The attributes of a reply of our family, or NULL if malformed. */
int nl_reply_parse(struct nl_msg *msg, struct nlattr **tb);

/*
 * A netlink attribute, nests included, holds at most 65535 bytes: the
 * limit of a policy's CTRPOLICY_A_POLICY, which its mount rules' strings
 * fill first.  8 bytes are left for the pad attribute the kernel may put
 * before CAPS when it sends the policy back.
 */
#define NL_POLICY_SIZE_MAX	CTRPOLICY_POLICY_SIZE_MAX

/* The bytes nl_put_policy() adds to a message for POLICY. */
size_t nl_policy_size(const struct policy *policy);
/*
 * POLICY as CTRPOLICY_A_POLICY; 0, -E2BIG when it is larger than
 * NL_POLICY_SIZE_MAX, or -EMSGSIZE when MSG is too small.
 */
int nl_put_policy(struct nl_msg *msg, const struct policy *policy);
/*
 * CTRPOLICY_A_POLICY into *POLICY, which then owns its mount rules
 * (policy_free()), and has no address rules (see nl_get_net_rules()).
 * 0, or -EPROTO (malformed) or -ENOMEM with *POLICY left zeroed, nothing
 * allocated.
 */
int nl_get_policy(struct nlattr *nest, struct policy *policy);
/*
 * The CTRPOLICY_NET_A_RULE_COUNT in the policy nest NEST (a dump's
 * replies carry it instead of the rules) into *COUNT; -ENOENT if it has
 * none, -EPROTO if malformed.
 */
int nl_get_net_rule_count(struct nlattr *nest, uint32_t *count);

/*
 * The address rules of POLICY travel beside CTRPOLICY_A_POLICY: a
 * CTRPOLICY_A_NET_RULES attribute of at most CTRPOLICY_NET_RULES_PER_ATTR
 * rules (an attribute holds at most 65535 bytes), as many as needed, none
 * for a policy without address rules.  nl_net_rules_size() is the bytes
 * they add to a message; nl_put_net_rules() adds them: 0, -E2BIG beyond
 * CTRPOLICY_MAX_NET_RULES, or -EMSGSIZE when MSG is too small.
 */
size_t nl_net_rules_size(const struct policy *policy);
int nl_put_net_rules(struct nl_msg *msg, const struct policy *policy);
/*
 * The rules of every CTRPOLICY_A_NET_RULES of reply MSG, in order, added
 * after the address rules POLICY has: a dump of one cgroup sends them in
 * as many messages as they need.  0, or -EPROTO (an attribute that is no
 * whole number of rules, more than CTRPOLICY_MAX_NET_RULES in all) or
 * -ENOMEM with POLICY unchanged.
 */
int nl_get_net_rules(struct nl_msg *msg, struct policy *policy);

#endif
