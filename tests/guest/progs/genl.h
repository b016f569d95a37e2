/* SPDX-License-Identifier: GPL-2.0 */
/*
 * genl.h - requests to the "ctrpolicy" generic netlink family over libmnl,
 * for the test programs that build them by hand.
 */
#ifndef GENL_H
#define GENL_H

#include <errno.h>
#include <libmnl/libmnl.h>
#include <linux/ctrpolicy.h>
#include <linux/genetlink.h>

/* Unused by the programs that only build messages with genl_msg(). */
static struct mnl_socket *genl_sock __attribute__((unused));
static unsigned int genl_seq __attribute__((unused));
/* Replies land here, so that a request can be sent again as it is. */
static char genl_reply[8192] __attribute__((unused));

/* Send NLH and wait for its ack: 0, or the negative errno. */
static inline int genl_request(struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	unsigned int portid = mnl_socket_get_portid(genl_sock);
	int n, ret;

	nlh->nlmsg_seq = ++genl_seq;
	if (mnl_socket_sendto(genl_sock, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		n = mnl_socket_recvfrom(genl_sock, genl_reply, sizeof(genl_reply));
		if (n < 0)
			return -errno;
		ret = mnl_cb_run(genl_reply, n, genl_seq, portid, cb, data);
	} while (ret > 0);
	return ret < 0 ? -errno : 0;
}

/* A request for command CMD of FAMILY, at the start of BUF. */
static inline struct nlmsghdr *genl_msg(void *buf, int family, int cmd,
					unsigned int flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = family == GENL_ID_CTRL ? 1 : CTRPOLICY_GENL_VERSION;
	return nlh;
}

static inline int genl_family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
		if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID)
			*(int *)data = mnl_attr_get_u16(attr);
	return MNL_CB_OK;
}

/*
 * Open the socket and look up the family: its id, or a negative errno
 * (-ENOENT when the module is not loaded).
 */
static inline int genl_open(void)
{
	struct nlmsghdr *nlh;
	int family = -ENOENT, err;

	genl_sock = mnl_socket_open(NETLINK_GENERIC);
	if (!genl_sock)
		return -errno;
	if (mnl_socket_bind(genl_sock, 0, MNL_SOCKET_AUTOPID) < 0)
		return -errno;
	nlh = genl_msg(genl_reply, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, NLM_F_ACK);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, CTRPOLICY_GENL_NAME);
	err = genl_request(nlh, genl_family_cb, &family);
	return err ?: family;
}

#endif /* GENL_H */
