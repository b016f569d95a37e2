// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink client: requests, acks, and the kernel's extended
 * error messages, which say which attribute was wrong.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>

#include "ctrpolicy.h"
#include "nl.h"
#include "policy.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

int nl_ctx_open(struct nl_ctx *ctx)
{
	int one = 1;

	ctx->quiet_error = 0;
	ctx->sock = nl_socket_alloc();
	if (!ctx->sock) {
		fprintf(stderr, "ctrpolicy: out of memory\n");
		return EXIT_FAILURE_GENERIC;
	}
	if (genl_connect(ctx->sock)) {
		fprintf(stderr, "ctrpolicy: cannot open a generic netlink socket\n");
		goto fail;
	}
	setsockopt(nl_socket_get_fd(ctx->sock), SOL_NETLINK, NETLINK_EXT_ACK,
		   &one, sizeof(one));
	/*
	 * Replies of any size: a policy with many mount rules is large.  The
	 * kernel sizes the messages of a dump by the reads it saw (up to
	 * 32 KiB): read with a buffer that large, from the first read on.
	 */
	nl_socket_enable_msg_peek(ctx->sock);
	nl_socket_set_msg_buf_size(ctx->sock, 32768);
	ctx->family = genl_ctrl_resolve(ctx->sock, CTRPOLICY_GENL_NAME);
	if (ctx->family < 0) {
		fprintf(stderr, "ctrpolicy: module not loaded: run 'modprobe ctrpolicy'\n");
		nl_socket_free(ctx->sock);
		return EXIT_NO_MODULE;
	}
	return EXIT_OK;
fail:
	nl_socket_free(ctx->sock);
	return EXIT_FAILURE_GENERIC;
}

void nl_ctx_close(struct nl_ctx *ctx)
{
	nl_socket_free(ctx->sock);
}

struct nl_msg *nl_ctx_msg(struct nl_ctx *ctx, int cmd, int flags)
{
	return nl_ctx_msg_size(ctx, cmd, flags, 0);
}

struct nl_msg *nl_ctx_msg_size(struct nl_ctx *ctx, int cmd, int flags,
			       size_t payload)
{
	size_t size = nlmsg_total_size(GENL_HDRLEN + payload);
	struct nl_msg *msg;

	/* At least libnl's default size (a page). */
	msg = payload ? nlmsg_alloc_size(size) : nlmsg_alloc();

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, ctx->family, 0,
				flags, cmd, CTRPOLICY_GENL_VERSION)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	return msg;
}

struct request_state {
	int (*on_reply)(struct nl_msg *msg, void *arg);
	void *arg;
	int error;
	char kernel_msg[256];
	int done;
};

/*
 * The NLMSGERR_ATTR_MSG text of the extended ack in message HDR whose
 * attributes start OFFSET bytes into its payload, if any.
 */
static void extack_message(struct nlmsghdr *hdr, size_t offset, char *buf,
			   size_t size)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { 0 };
	char *payload = (char *)hdr + NLMSG_HDRLEN;

	buf[0] = '\0';
	if (!(hdr->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    NLMSG_HDRLEN + offset >= hdr->nlmsg_len)
		return;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)(payload + offset),
		      hdr->nlmsg_len - NLMSG_HDRLEN - offset, NULL))
		return;
	if (tb[NLMSGERR_ATTR_MSG])
		snprintf(buf, size, "%.*s", nla_len(tb[NLMSGERR_ATTR_MSG]),
			 (char *)nla_data(tb[NLMSGERR_ATTR_MSG]));
	else if (tb[NLMSGERR_ATTR_MISS_TYPE])
		snprintf(buf, size, "missing attribute %u",
			 nla_get_u32(tb[NLMSGERR_ATTR_MISS_TYPE]));
}

static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *err, void *arg)
{
	struct nlmsghdr *hdr = (struct nlmsghdr *)((char *)err - NLMSG_HDRLEN);
	struct request_state *state = arg;
	size_t offset = sizeof(*err);

	(void)nla;
	if (!(hdr->nlmsg_flags & NLM_F_CAPPED))
		offset += err->msg.nlmsg_len - NLMSG_HDRLEN;
	state->error = err->error;
	extack_message(hdr, offset, state->kernel_msg, sizeof(state->kernel_msg));
	state->done = 1;
	return NL_STOP;
}

/*
 * The end of a dump: its payload is the dump's error, 0 or negative, which
 * a dump that fails in its first message (such as a cgroup without what it
 * asks for) sends with its extended ack.
 */
static int on_finish(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *hdr = nlmsg_hdr(msg);
	struct request_state *state = arg;
	int error;

	state->done = 1;
	if (hdr->nlmsg_len < NLMSG_HDRLEN + sizeof(error))
		return NL_STOP;
	memcpy(&error, nlmsg_data(hdr), sizeof(error));
	if (error < 0) {
		state->error = error;
		extack_message(hdr, sizeof(error), state->kernel_msg,
			       sizeof(state->kernel_msg));
	}
	return NL_STOP;
}

static int on_ack(struct nl_msg *msg, void *arg)
{
	struct request_state *state = arg;

	(void)msg;
	state->done = 1;
	return NL_STOP;
}

static int on_valid(struct nl_msg *msg, void *arg)
{
	struct request_state *state = arg;

	if (state->on_reply && state->on_reply(msg, state->arg) < 0)
		state->error = -EPROTO;
	return NL_OK;
}

/*
 * Make the socket buffer OPT (SO_SNDBUF or SO_RCVBUF; FORCE is its
 * SO_*BUFFORCE) at least SIZE bytes.  The *FORCE options pass
 * net.core.wmem_max and rmem_max with CAP_NET_ADMIN, which root has; a
 * loader with CAP_MAC_ADMIN alone gets the plain option, capped there.
 * Whether the buffer is now as large.
 */
static bool fit_buffer(struct nl_ctx *ctx, int opt, int force, size_t size)
{
	int fd = nl_socket_get_fd(ctx->sock), have = 0, want;
	socklen_t optlen = sizeof(have);

	if (getsockopt(fd, SOL_SOCKET, opt, &have, &optlen) == 0 &&
	    (size_t)have >= size)
		return true;
	want = size / 2 + 1;	/* the kernel doubles it */
	if (setsockopt(fd, SOL_SOCKET, force, &want, sizeof(want)))
		setsockopt(fd, SOL_SOCKET, opt, &want, sizeof(want));
	optlen = sizeof(have);
	return getsockopt(fd, SOL_SOCKET, opt, &have, &optlen) == 0 &&
	       (size_t)have >= size;
}

/*
 * The kernel refuses a message larger than the socket's send buffer
 * (32 KiB by libnl's default): grow it for a large policy, such as one of
 * 16384 address rules (some 530 KB).
 */
static void fit_send_buffer(struct nl_ctx *ctx, size_t len)
{
	if (!fit_buffer(ctx, SO_SNDBUF, SO_SNDBUFFORCE, len + 4096))
		fprintf(stderr, "ctrpolicy: cannot grow the socket's send buffer to %zu bytes (net.core.wmem_max): run as root, or raise net.core.wmem_max\n",
			len + 4096);
}

int nl_ctx_request(struct nl_ctx *ctx, struct nl_msg *msg,
		   int (*on_reply)(struct nl_msg *msg, void *arg), void *arg,
		   const char *what)
{
	struct request_state state = { .on_reply = on_reply, .arg = arg };
	struct nl_cb *cb;
	int err;

	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!cb) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	nl_cb_err(cb, NL_CB_CUSTOM, on_error, &state);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, on_ack, &state);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_finish, &state);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_valid, &state);

	nlmsg_hdr(msg)->nlmsg_flags |= NLM_F_ACK;
	fit_send_buffer(ctx, nlmsg_hdr(msg)->nlmsg_len);
	err = nl_send_auto(ctx->sock, msg);
	nlmsg_free(msg);
	while (err >= 0 && !state.done)
		err = nl_recvmsgs(ctx->sock, cb);
	nl_cb_put(cb);
	/* libnl turns the kernel's error into its own: report the kernel's. */
	if (state.error && state.error == -ctx->quiet_error)
		return state.error;
	if (state.error) {
		fprintf(stderr, "ctrpolicy: %s: %s%s%s\n", what, strerror(-state.error),
			state.kernel_msg[0] ? ": " : "", state.kernel_msg);
		/* Refused before the command ran: a read of policies. */
		if (state.error == -EPERM && !state.kernel_msg[0])
			fprintf(stderr, "ctrpolicy: reading policies needs CAP_NET_ADMIN: run it as root\n");
		return state.error;
	}
	if (err == -NLE_DUMP_INTR)
		return -EAGAIN;
	if (err < 0) {
		fprintf(stderr, "ctrpolicy: %s: netlink: %s\n", what, nl_geterror(err));
		return -EIO;
	}
	return 0;
}

int nl_ctx_dump(int cmd, uint64_t id, int quiet_error, void (*reset)(void *arg),
	    int (*on_reply)(struct nl_msg *msg, void *arg), void *arg,
	    const char *what)
{
	struct nl_ctx ctx;
	struct nl_msg *msg;
	int err, tries = 0;

	err = nl_ctx_open(&ctx);
	if (err)
		return err;
	ctx.quiet_error = quiet_error;
	do {
		reset(arg);
		msg = nl_ctx_msg(&ctx, cmd, NLM_F_DUMP);
		if (!msg || (id && nla_put_u64(msg, CTRPOLICY_A_CGROUP_ID, id))) {
			nlmsg_free(msg);
			err = -ENOMEM;
			break;
		}
		err = nl_ctx_request(&ctx, msg, on_reply, arg, what);
	} while (err == -EAGAIN && ++tries < 5);
	nl_ctx_close(&ctx);
	return err;
}

const char *area_name(unsigned int area)
{
	static const char *const names[CTRPOLICY_AREA_MAX + 1] = {
		[CTRPOLICY_AREA_CAPABILITY] = "capability",
		[CTRPOLICY_AREA_MOUNT] = "mount",
		[CTRPOLICY_AREA_NETWORK] = "network",
		[CTRPOLICY_AREA_PROTECT] = "protect",
	};

	return area <= CTRPOLICY_AREA_MAX && names[area] ? names[area] : "unknown";
}

int nl_reply_parse(struct nl_msg *msg, struct nlattr **tb)
{
	return genlmsg_parse(nlmsg_hdr(msg), 0, tb, CTRPOLICY_A_MAX, NULL);
}

/* A nest, flagged NLA_F_NESTED: the kernel's strict validation wants it. */
static struct nlattr *nest_start(struct nl_msg *msg, int type)
{
	struct nlattr *nest = nla_nest_start(msg, type);

	if (nest)
		nest->nla_type |= NLA_F_NESTED;	/* libnl >= 3.5 sets it already */
	return nest;
}

size_t nl_policy_size(const struct policy *policy)
{
	size_t i, size;

	size = nla_total_size(0) +				/* A_POLICY */
	       nla_total_size(strnlen(policy->name, CTRPOLICY_NAME_MAX - 1) + 1) +
	       nla_total_size(sizeof(uint32_t)) +		/* MODE */
	       nla_total_size(sizeof(uint64_t)) +		/* CAPS */
	       nla_total_size(0) +				/* MOUNT */
	       nla_total_size(sizeof(uint32_t)) +		/* DEFAULT */
	       nla_total_size(0) +				/* NET */
	       nla_total_size(sizeof(uint32_t)) +		/* DEFAULT */
	       nla_total_size(0) +				/* EVENTS */
	       2 * nla_total_size(sizeof(uint32_t));		/* RATE, BURST */
	if (policy_learn_size(policy))
		size += nla_total_size(sizeof(uint32_t));	/* LEARN_SIZE */
	if (policy->n_socket_rules)
		size += nla_total_size(policy->n_socket_rules *
				       sizeof(*policy->socket_rules));
	if (policy->n_mount_rules)
		size += nla_total_size(0);			/* RULES */
	for (i = 0; i < policy->n_mount_rules; i++) {
		const struct mount_rule *r = &policy->mount_rules[i];
		size_t fstype = strnlen(r->fstype, sizeof(r->fstype) - 1);

		size += nla_total_size(0) + 4 * nla_total_size(sizeof(uint32_t));
		if (fstype)
			size += nla_total_size(fstype + 1);
		if (r->source)
			size += nla_total_size(strlen(r->source) + 1);
		if (r->target)
			size += nla_total_size(strlen(r->target) + 1);
	}
	return size;
}

static int put_mount_rule(struct nl_msg *msg, const struct mount_rule *r)
{
	struct nlattr *nest = nest_start(msg, CTRPOLICY_MOUNT_A_RULE);
	char fstype[CTRPOLICY_FSTYPE_MAX];

	snprintf(fstype, sizeof(fstype), "%.*s", (int)sizeof(fstype) - 1,
		 r->fstype);
	if (!nest ||
	    nla_put_u32(msg, CTRPOLICY_MOUNT_RULE_A_ACTION, r->action) ||
	    nla_put_u32(msg, CTRPOLICY_MOUNT_RULE_A_OP, r->op) ||
	    (fstype[0] &&
	     nla_put_string(msg, CTRPOLICY_MOUNT_RULE_A_FSTYPE, fstype)) ||
	    (r->source &&
	     nla_put_string(msg, CTRPOLICY_MOUNT_RULE_A_SOURCE, r->source)) ||
	    (r->target &&
	     nla_put_string(msg, CTRPOLICY_MOUNT_RULE_A_TARGET, r->target)) ||
	    nla_put_u32(msg, CTRPOLICY_MOUNT_RULE_A_REQUIRE, r->require) ||
	    nla_put_u32(msg, CTRPOLICY_MOUNT_RULE_A_FORBID, r->forbid) ||
	    nla_nest_end(msg, nest))
		return -EMSGSIZE;
	return 0;
}

/* NET { DEFAULT, SOCKET_RULES? }: the socket rules only when there are. */
static int put_net(struct nl_msg *msg, const struct policy *policy)
{
	struct nlattr *net = nest_start(msg, CTRPOLICY_POLICY_A_NET);

	if (!net ||
	    nla_put_u32(msg, CTRPOLICY_NET_A_DEFAULT, policy->net_default) ||
	    (policy->n_socket_rules &&
	     nla_put(msg, CTRPOLICY_NET_A_SOCKET_RULES,
		     policy->n_socket_rules * sizeof(*policy->socket_rules),
		     policy->socket_rules)) ||
	    nla_nest_end(msg, net))
		return -EMSGSIZE;
	return 0;
}

/* EVENTS { RATE, BURST }: the limit in force, the defaults spelt out. */
static int put_events(struct nl_msg *msg, const struct policy *policy)
{
	struct nlattr *events = nest_start(msg, CTRPOLICY_POLICY_A_EVENTS);

	if (!events ||
	    nla_put_u32(msg, CTRPOLICY_EVENTS_A_RATE, policy_event_rate(policy)) ||
	    nla_put_u32(msg, CTRPOLICY_EVENTS_A_BURST, policy_event_burst(policy)) ||
	    nla_nest_end(msg, events))
		return -EMSGSIZE;
	return 0;
}

/*
 * CTRPOLICY_A_POLICY { NAME, MODE, CAPS, MOUNT { DEFAULT, RULES { RULE {
 * ACTION, OP, FSTYPE?, SOURCE?, TARGET?, REQUIRE, FORBID } ... } }, NET {
 * DEFAULT, SOCKET_RULES? }, EVENTS { RATE, BURST } }.  The mount and
 * network nests always, so that a policy without rules says so
 * explicitly; RULES only when there are rules (libnl drops an empty nest).
 */
int nl_put_policy(struct nl_msg *msg, const struct policy *policy)
{
	struct nlattr *nest, *mount, *rules;
	size_t i;

	if (nl_policy_size(policy) > NL_POLICY_SIZE_MAX)
		return -E2BIG;
	nest = nest_start(msg, CTRPOLICY_A_POLICY);
	if (!nest ||
	    nla_put_string(msg, CTRPOLICY_POLICY_A_NAME, policy->name) ||
	    nla_put_u32(msg, CTRPOLICY_POLICY_A_MODE, policy->mode) ||
	    (policy_learn_size(policy) &&
	     nla_put_u32(msg, CTRPOLICY_POLICY_A_LEARN_SIZE,
			 policy_learn_size(policy))) ||
	    nla_put_u64(msg, CTRPOLICY_POLICY_A_CAPS, policy->caps))
		return -EMSGSIZE;
	mount = nest_start(msg, CTRPOLICY_POLICY_A_MOUNT);
	if (!mount ||
	    nla_put_u32(msg, CTRPOLICY_MOUNT_A_DEFAULT, policy->mount_default))
		return -EMSGSIZE;
	if (policy->n_mount_rules) {
		rules = nest_start(msg, CTRPOLICY_MOUNT_A_RULES);
		if (!rules)
			return -EMSGSIZE;
		for (i = 0; i < policy->n_mount_rules; i++) {
			if (put_mount_rule(msg, &policy->mount_rules[i]))
				return -EMSGSIZE;
		}
		if (nla_nest_end(msg, rules))
			return -EMSGSIZE;
	}
	if (nla_nest_end(msg, mount) || put_net(msg, policy) ||
	    put_events(msg, policy) || nla_nest_end(msg, nest))
		return -EMSGSIZE;
	return 0;
}

/* The rules of each CTRPOLICY_A_NET_RULES: as many as fit, the last the rest. */
static size_t chunk_rules(size_t n, size_t first)
{
	return n - first < CTRPOLICY_NET_RULES_PER_ATTR ?
	       n - first : CTRPOLICY_NET_RULES_PER_ATTR;
}

size_t nl_net_rules_size(const struct policy *policy)
{
	size_t i, size = 0;

	for (i = 0; i < policy->n_net_rules;
	     i += CTRPOLICY_NET_RULES_PER_ATTR)
		size += nla_total_size(chunk_rules(policy->n_net_rules, i) *
				       sizeof(*policy->net_rules));
	return size;
}

int nl_put_net_rules(struct nl_msg *msg, const struct policy *policy)
{
	size_t i, n;

	if (policy->n_net_rules > CTRPOLICY_MAX_NET_RULES)
		return -E2BIG;
	for (i = 0; i < policy->n_net_rules;
	     i += CTRPOLICY_NET_RULES_PER_ATTR) {
		n = chunk_rules(policy->n_net_rules, i);
		if (nla_put(msg, CTRPOLICY_A_NET_RULES,
			    n * sizeof(*policy->net_rules),
			    &policy->net_rules[i]))
			return -EMSGSIZE;
	}
	return 0;
}

static int get_u32(struct nlattr *attr, uint32_t *value)
{
	if (nla_len(attr) < (int)sizeof(uint32_t))
		return -EPROTO;
	*value = nla_get_u32(attr);
	return 0;
}

/* A copy of string attribute ATTR, NUL terminated and shorter than MAX. */
static int get_string(struct nlattr *attr, size_t max, char **s)
{
	size_t len = strnlen(nla_data(attr), nla_len(attr));

	if (len == (size_t)nla_len(attr) || len >= max)
		return -EPROTO;
	*s = strdup(nla_data(attr));
	return *s ? 0 : -ENOMEM;
}

/* RULE into *R, zeroed first; on failure nothing is left allocated. */
static int get_mount_rule(struct nlattr *attr, struct mount_rule *r)
{
	struct nlattr *tb[CTRPOLICY_MOUNT_RULE_A_MAX + 1], *fstype;
	int err = 0;

	memset(r, 0, sizeof(*r));
	if (nla_type(attr) != CTRPOLICY_MOUNT_A_RULE ||
	    nla_parse_nested(tb, CTRPOLICY_MOUNT_RULE_A_MAX, attr, NULL) ||
	    !tb[CTRPOLICY_MOUNT_RULE_A_ACTION] || !tb[CTRPOLICY_MOUNT_RULE_A_OP] ||
	    get_u32(tb[CTRPOLICY_MOUNT_RULE_A_ACTION], &r->action) ||
	    get_u32(tb[CTRPOLICY_MOUNT_RULE_A_OP], &r->op) ||
	    (tb[CTRPOLICY_MOUNT_RULE_A_REQUIRE] &&
	     get_u32(tb[CTRPOLICY_MOUNT_RULE_A_REQUIRE], &r->require)) ||
	    (tb[CTRPOLICY_MOUNT_RULE_A_FORBID] &&
	     get_u32(tb[CTRPOLICY_MOUNT_RULE_A_FORBID], &r->forbid)))
		return -EPROTO;
	fstype = tb[CTRPOLICY_MOUNT_RULE_A_FSTYPE];
	if (fstype) {
		size_t len = strnlen(nla_data(fstype), nla_len(fstype));

		if (len == (size_t)nla_len(fstype) || len >= CTRPOLICY_FSTYPE_MAX)
			return -EPROTO;
		memcpy(r->fstype, nla_data(fstype), len + 1);
	}
	if (tb[CTRPOLICY_MOUNT_RULE_A_SOURCE])
		err = get_string(tb[CTRPOLICY_MOUNT_RULE_A_SOURCE],
				 CTRPOLICY_PATH_MAX, &r->source);
	if (!err && tb[CTRPOLICY_MOUNT_RULE_A_TARGET])
		err = get_string(tb[CTRPOLICY_MOUNT_RULE_A_TARGET],
				 CTRPOLICY_PATH_MAX, &r->target);
	if (err) {
		free(r->source);
		free(r->target);
		r->source = r->target = NULL;
	}
	return err;
}

/* The MOUNT nest into POLICY, whose rules are none yet. */
static int get_mount(struct nlattr *nest, struct policy *policy)
{
	struct nlattr *tb[CTRPOLICY_MOUNT_A_MAX + 1], *attr;
	size_t n = 0;
	int rem, err;

	if (nla_parse_nested(tb, CTRPOLICY_MOUNT_A_MAX, nest, NULL) ||
	    (tb[CTRPOLICY_MOUNT_A_DEFAULT] &&
	     get_u32(tb[CTRPOLICY_MOUNT_A_DEFAULT], &policy->mount_default)))
		return -EPROTO;
	if (!tb[CTRPOLICY_MOUNT_A_RULES])
		return 0;
	nla_for_each_nested(attr, tb[CTRPOLICY_MOUNT_A_RULES], rem)
		n++;
	if (!n)
		return 0;
	policy->mount_rules = calloc(n, sizeof(*policy->mount_rules));
	if (!policy->mount_rules)
		return -ENOMEM;
	nla_for_each_nested(attr, tb[CTRPOLICY_MOUNT_A_RULES], rem) {
		err = get_mount_rule(attr, &policy->mount_rules[policy->n_mount_rules]);
		if (err)
			return err;
		policy->n_mount_rules++;
	}
	return 0;
}

/* The NET nest into POLICY, whose socket rules are none yet. */
static int get_net(struct nlattr *nest, struct policy *policy)
{
	struct nlattr *tb[CTRPOLICY_NET_A_MAX + 1], *rules;
	size_t len;

	if (nla_parse_nested(tb, CTRPOLICY_NET_A_MAX, nest, NULL) ||
	    (tb[CTRPOLICY_NET_A_DEFAULT] &&
	     get_u32(tb[CTRPOLICY_NET_A_DEFAULT], &policy->net_default)))
		return -EPROTO;
	rules = tb[CTRPOLICY_NET_A_SOCKET_RULES];
	if (!rules)
		return 0;
	len = nla_len(rules);
	if (len % sizeof(*policy->socket_rules) ||
	    len > sizeof(policy->socket_rules))
		return -EPROTO;
	memcpy(policy->socket_rules, nla_data(rules), len);
	policy->n_socket_rules = len / sizeof(*policy->socket_rules);
	return 0;
}

/*
 * The EVENTS nest into POLICY; a module that sends none has the default
 * limit, which 0 stands for.
 */
static int get_events(struct nlattr *nest, struct policy *policy)
{
	struct nlattr *tb[CTRPOLICY_EVENTS_A_MAX + 1];

	if (nla_parse_nested(tb, CTRPOLICY_EVENTS_A_MAX, nest, NULL) ||
	    (tb[CTRPOLICY_EVENTS_A_RATE] &&
	     get_u32(tb[CTRPOLICY_EVENTS_A_RATE], &policy->event_rate)) ||
	    (tb[CTRPOLICY_EVENTS_A_BURST] &&
	     get_u32(tb[CTRPOLICY_EVENTS_A_BURST], &policy->event_burst)))
		return -EPROTO;
	return 0;
}

int nl_get_policy(struct nlattr *nest, struct policy *policy)
{
	struct nlattr *tb[CTRPOLICY_POLICY_A_MAX + 1];
	uint32_t mode;
	int err = 0;

	memset(policy, 0, sizeof(*policy));
	if (nla_parse_nested(tb, CTRPOLICY_POLICY_A_MAX, nest, NULL) ||
	    !tb[CTRPOLICY_POLICY_A_NAME] || !tb[CTRPOLICY_POLICY_A_MODE] ||
	    get_u32(tb[CTRPOLICY_POLICY_A_MODE], &mode) ||
	    (tb[CTRPOLICY_POLICY_A_CAPS] &&
	     nla_len(tb[CTRPOLICY_POLICY_A_CAPS]) < (int)sizeof(uint64_t)))
		return -EPROTO;
	nla_strlcpy(policy->name, tb[CTRPOLICY_POLICY_A_NAME], sizeof(policy->name));
	policy->mode = mode;
	if (tb[CTRPOLICY_POLICY_A_CAPS])
		policy->caps = nla_get_u64(tb[CTRPOLICY_POLICY_A_CAPS]);
	if (tb[CTRPOLICY_POLICY_A_LEARN_SIZE] &&
	    get_u32(tb[CTRPOLICY_POLICY_A_LEARN_SIZE], &policy->learn_size))
		return -EPROTO;
	/*
	 * No mount nest: every mount operation denied; no network nest: every
	 * socket denied; both as in a zeroed policy.
	 */
	if (tb[CTRPOLICY_POLICY_A_MOUNT])
		err = get_mount(tb[CTRPOLICY_POLICY_A_MOUNT], policy);
	if (!err && tb[CTRPOLICY_POLICY_A_NET])
		err = get_net(tb[CTRPOLICY_POLICY_A_NET], policy);
	if (!err && tb[CTRPOLICY_POLICY_A_EVENTS])
		err = get_events(tb[CTRPOLICY_POLICY_A_EVENTS], policy);
	if (err) {
		policy_free(policy);
		memset(policy, 0, sizeof(*policy));
	}
	return err;
}

int nl_get_net_rule_count(struct nlattr *nest, uint32_t *count)
{
	struct nlattr *tb[CTRPOLICY_POLICY_A_MAX + 1];
	struct nlattr *net[CTRPOLICY_NET_A_MAX + 1];

	if (nla_parse_nested(tb, CTRPOLICY_POLICY_A_MAX, nest, NULL) ||
	    !tb[CTRPOLICY_POLICY_A_NET] ||
	    nla_parse_nested(net, CTRPOLICY_NET_A_MAX, tb[CTRPOLICY_POLICY_A_NET],
			     NULL) ||
	    !net[CTRPOLICY_NET_A_RULE_COUNT])
		return -ENOENT;
	return get_u32(net[CTRPOLICY_NET_A_RULE_COUNT], count);
}

/*
 * Each CTRPOLICY_A_NET_RULES at the top level of MSG's attributes in
 * order: the number of rules into *N, or, with RULES, the rules too.
 */
static int walk_net_rules(struct nl_msg *msg, size_t *n,
			  struct ctrpolicy_net_rule *rules)
{
	struct genlmsghdr *gnlh = genlmsg_hdr(nlmsg_hdr(msg));
	size_t size = sizeof(*rules), len;
	struct nlattr *attr;
	int rem;

	*n = 0;
	nla_for_each_attr(attr, genlmsg_attrdata(gnlh, 0),
			  genlmsg_attrlen(gnlh, 0), rem) {
		if (nla_type(attr) != CTRPOLICY_A_NET_RULES)
			continue;
		len = nla_len(attr);
		if (len % size || *n + len / size > CTRPOLICY_MAX_NET_RULES)
			return -EPROTO;
		if (rules)
			memcpy(&rules[*n], nla_data(attr), len);
		*n += len / size;
	}
	return 0;
}

int nl_get_net_rules(struct nl_msg *msg, struct policy *policy)
{
	struct ctrpolicy_net_rule *rules;
	size_t n;
	int err;

	err = walk_net_rules(msg, &n, NULL);
	if (err || !n)
		return err;
	if (policy->n_net_rules + n > CTRPOLICY_MAX_NET_RULES)
		return -EPROTO;
	rules = realloc(policy->net_rules,
			(policy->n_net_rules + n) * sizeof(*rules));
	if (!rules)
		return -ENOMEM;
	walk_net_rules(msg, &n, rules + policy->n_net_rules);
	policy->net_rules = rules;
	policy->n_net_rules += n;
	return 0;
}
