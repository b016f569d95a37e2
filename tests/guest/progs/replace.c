// SPDX-License-Identifier: GPL-2.0
/*
 * replace - replace the policy of a cgroup N times over one netlink
 * socket, alternating between a policy that allows CAP_SYS_ADMIN and one
 * that does not, and finish on the first.  The hammer of test_replace.sh:
 * an exec of the tool per replacement is slow on the debug kernel.
 *
 *   replace CGROUP_DIR N
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <libmnl/libmnl.h>
#include <linux/capability.h>
#include <linux/ctrpolicy.h>
#include <linux/genetlink.h>

static struct mnl_socket *nl;
static char buf[8192];
static unsigned int seq;

/* Send NLH and wait for its ack: 0, or the negative errno. */
static int request(struct nlmsghdr *nlh, mnl_cb_t cb, void *data)
{
	unsigned int portid = mnl_socket_get_portid(nl);
	int n, ret;

	nlh->nlmsg_seq = ++seq;
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -errno;
	do {
		n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
		if (n < 0)
			return -errno;
		ret = mnl_cb_run(buf, n, seq, portid, cb, data);
	} while (ret > 0);
	return ret < 0 ? -errno : 0;
}

static int family_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nlattr *attr;

	mnl_attr_for_each(attr, nlh, GENL_HDRLEN)
		if (mnl_attr_get_type(attr) == CTRL_ATTR_FAMILY_ID)
			*(int *)data = mnl_attr_get_u16(attr);
	return MNL_CB_OK;
}

static struct nlmsghdr *genl_msg(int family, int cmd)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *genl;

	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = family == GENL_ID_CTRL ? 1 : CTRPOLICY_GENL_VERSION;
	return nlh;
}

static int set_policy(int family, unsigned long long cgroup, int allow)
{
	struct nlmsghdr *nlh = genl_msg(family, CTRPOLICY_CMD_POLICY_SET);
	struct nlattr *policy, *mount;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, cgroup);
	policy = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	mnl_attr_put_strz(nlh, CTRPOLICY_POLICY_A_NAME,
			  allow ? "allow-sysadmin" : "deny-sysadmin");
	mnl_attr_put_u32(nlh, CTRPOLICY_POLICY_A_MODE, CTRPOLICY_MODE_ENFORCE);
	mnl_attr_put_u64(nlh, CTRPOLICY_POLICY_A_CAPS,
			 1ULL << (allow ? CAP_SYS_ADMIN : CAP_CHOWN));
	mount = mnl_attr_nest_start(nlh, CTRPOLICY_POLICY_A_MOUNT);
	mnl_attr_put_u32(nlh, CTRPOLICY_MOUNT_A_DEFAULT, CTRPOLICY_ACTION_DENY);
	mnl_attr_nest_end(nlh, mount);
	mnl_attr_nest_end(nlh, policy);
	return request(nlh, NULL, NULL);
}

int main(int argc, char **argv)
{
	struct nlmsghdr *nlh;
	struct timespec t0, t1;
	int family = -1, err;
	long i, n;
	struct stat st;

	if (argc != 3 || stat(argv[1], &st) || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: replace CGROUP_DIR N\n");
		return 2;
	}
	nl = mnl_socket_open(NETLINK_GENERIC);
	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0) {
		perror("replace: netlink");
		return 1;
	}
	nlh = genl_msg(GENL_ID_CTRL, CTRL_CMD_GETFAMILY);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, CTRPOLICY_GENL_NAME);
	err = request(nlh, family_cb, &family);
	if (err || family < 0) {
		fprintf(stderr, "replace: no family %s: %s\n", CTRPOLICY_GENL_NAME,
			strerror(-err));
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* Odd steps deny, even steps allow; the last (step n) allows. */
	for (i = n - 1; i >= 0; i--) {
		err = set_policy(family, st.st_ino, i % 2 == 0);
		if (err) {
			fprintf(stderr, "replace: set %ld: %s\n", n - i, strerror(-err));
			return 1;
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("replaced %ld times in %.1f ms\n", n,
	       (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6);
	mnl_socket_close(nl);
	return 0;
}
