// SPDX-License-Identifier: GPL-2.0
/*
 * veth - create a veth pair, which busybox's ip cannot.
 *
 *   veth NAME PEER [PID]
 *
 * With PID, the peer is created in the network namespace of process PID.
 * Addresses and links are then set with busybox's ip (nsenter for the peer).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>

int main(int argc, char **argv)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	struct nlattr *linkinfo, *data, *peer;
	struct mnl_socket *nl;
	struct nlmsghdr *nlh;
	struct ifinfomsg *ifm;
	unsigned int seq = time(NULL);
	int n;

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: veth NAME PEER [PID]\n");
		return 2;
	}
	nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_NEWLINK;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK;
	nlh->nlmsg_seq = seq;
	ifm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifm));
	ifm->ifi_family = AF_UNSPEC;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, argv[1]);
	linkinfo = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "veth");
	data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
	peer = mnl_attr_nest_start(nlh, VETH_INFO_PEER);
	/* The peer's attributes follow an ifinfomsg of their own. */
	memset(mnl_nlmsg_get_payload_tail(nlh), 0, sizeof(*ifm));
	nlh->nlmsg_len += MNL_ALIGN(sizeof(*ifm));
	mnl_attr_put_strz(nlh, IFLA_IFNAME, argv[2]);
	if (argc == 4)
		mnl_attr_put_u32(nlh, IFLA_NET_NS_PID, atoi(argv[3]));
	mnl_attr_nest_end(nlh, peer);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, linkinfo);

	nl = mnl_socket_open(NETLINK_ROUTE);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0) {
		perror("veth: netlink");
		return 1;
	}
	n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
	if (n < 0 || mnl_cb_run(buf, n, seq, mnl_socket_get_portid(nl), NULL, NULL) < 0) {
		fprintf(stderr, "veth: creating %s and %s: %s\n", argv[1], argv[2],
			strerror(errno));
		return 1;
	}
	mnl_socket_close(nl);
	return 0;
}
