// SPDX-License-Identifier: GPL-2.0
/*
 * The generic netlink client: requests, acks, and the kernel's extended
 * error messages, which say which attribute was wrong.
 */
#include <errno.h>
#include <stdio.h>
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
	struct nl_msg *msg = nlmsg_alloc();

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

/* The NLMSGERR_ATTR_MSG text of an extended ack, if any. */
static void extack_message(struct nlmsgerr *err, char *buf, size_t size)
{
	struct nlmsghdr *hdr = (struct nlmsghdr *)((char *)err - NLMSG_HDRLEN);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { 0 };
	size_t offset = sizeof(*err);

	buf[0] = '\0';
	if (!(hdr->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (!(hdr->nlmsg_flags & NLM_F_CAPPED))
		offset += err->msg.nlmsg_len - NLMSG_HDRLEN;
	if (NLMSG_HDRLEN + offset >= hdr->nlmsg_len)
		return;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)((char *)err + offset),
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
	struct request_state *state = arg;

	(void)nla;
	state->error = err->error;
	extack_message(err, state->kernel_msg, sizeof(state->kernel_msg));
	state->done = 1;
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
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_ack, &state);
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_valid, &state);

	nlmsg_hdr(msg)->nlmsg_flags |= NLM_F_ACK;
	err = nl_send_auto(ctx->sock, msg);
	nlmsg_free(msg);
	while (err >= 0 && !state.done)
		err = nl_recvmsgs(ctx->sock, cb);
	nl_cb_put(cb);
	/* libnl turns the kernel's error into its own: report the kernel's. */
	if (state.error) {
		fprintf(stderr, "ctrpolicy: %s: %s%s%s\n", what, strerror(-state.error),
			state.kernel_msg[0] ? ": " : "", state.kernel_msg);
		if (state.error == -EPERM && !state.kernel_msg[0])
			fprintf(stderr, "ctrpolicy: this needs CAP_NET_ADMIN: run it as root\n");
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

int nl_put_policy(struct nl_msg *msg, const struct policy *policy)
{
	struct nlattr *nest = nla_nest_start(msg, CTRPOLICY_A_POLICY);

	if (!nest ||
	    nla_put_string(msg, CTRPOLICY_POLICY_A_NAME, policy->name) ||
	    nla_put_u32(msg, CTRPOLICY_POLICY_A_MODE, policy->mode) ||
	    nla_put_u64(msg, CTRPOLICY_POLICY_A_CAPS, policy->caps))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

int nl_get_policy(struct nlattr *nest, struct policy *policy)
{
	struct nlattr *tb[CTRPOLICY_POLICY_A_MAX + 1];

	if (nla_parse_nested(tb, CTRPOLICY_POLICY_A_MAX, nest, NULL) ||
	    !tb[CTRPOLICY_POLICY_A_NAME] || !tb[CTRPOLICY_POLICY_A_MODE])
		return -EPROTO;
	memset(policy, 0, sizeof(*policy));
	nla_strlcpy(policy->name, tb[CTRPOLICY_POLICY_A_NAME], sizeof(policy->name));
	policy->mode = nla_get_u32(tb[CTRPOLICY_POLICY_A_MODE]);
	if (tb[CTRPOLICY_POLICY_A_CAPS])
		policy->caps = nla_get_u64(tb[CTRPOLICY_POLICY_A_CAPS]);
	return 0;
}
