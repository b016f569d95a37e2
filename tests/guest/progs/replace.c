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
#include <linux/capability.h>

#include "genl.h"

static char buf[8192];

static int set_policy(int family, unsigned long long cgroup, int allow)
{
	struct nlmsghdr *nlh = genl_msg(buf, family, CTRPOLICY_CMD_POLICY_SET, NLM_F_ACK);
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
	return genl_request(nlh, NULL, NULL);
}

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	int family, err;
	long i, n;
	struct stat st;

	if (argc != 3 || stat(argv[1], &st) || (n = atol(argv[2])) <= 0) {
		fprintf(stderr, "usage: replace CGROUP_DIR N\n");
		return 2;
	}
	family = genl_open();
	if (family < 0) {
		fprintf(stderr, "replace: no family %s: %s\n", CTRPOLICY_GENL_NAME,
			strerror(-family));
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
	mnl_socket_close(genl_sock);
	return 0;
}
