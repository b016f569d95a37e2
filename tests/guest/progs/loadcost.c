// SPDX-License-Identifier: GPL-2.0
/*
 * loadcost - what loading, replacing and deleting a policy costs, request
 * by request over netlink, for policies of N network address rules.
 *
 *   loadcost time CGROUP_DIR REPEATS N...
 *	For each N, REPEATS times: load a policy of N address rules on
 *	CGROUP_DIR (which has none), replace it with the same policy, delete
 *	it.  Each request is timed from its send to its ack, with the
 *	message built beforehand.  One line for each N and action:
 *	  load N load|replace|delete MEDIAN_US MIN_US MAX_US
 *	A request that fails gives "load N ACTION na REASON" for each action.
 *   loadcost set CGROUP_DIR N
 *	Load such a policy and leave it there (for memory accounting).
 *   loadcost exec REPEATS COMMAND...
 *	Run COMMAND REPEATS times: "MEDIAN_US MIN_US MAX_US" of the runs,
 *	or "na REASON" if one fails.
 *
 * The rules are distinct /24 networks in 10.0.0.0/8, alternately "deny
 * connect tcp" and "deny send udp": the shape of the benchmark's policy of
 * 10,000 network rules.  The policy allows every capability and denies
 * every mount; its network default is allow.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>

#include "genl.h"

#define ALL_CAPS	(~0ULL >> (63 - CAP_LAST_CAP))

enum action { LOAD, REPLACE, DELETE, ACTIONS };

static const char *const action_names[ACTIONS] = { "load", "replace", "delete" };

static void *xmalloc(size_t size)
{
	void *p = calloc(1, size);

	if (!p) {
		perror("loadcost");
		exit(1);
	}
	return p;
}

/* Rule I of the benchmark's network rules. */
static void net_rule(struct ctrpolicy_net_rule *r, unsigned int i)
{
	memset(r, 0, sizeof(*r));
	r->addr[0] = 10;
	r->addr[1] = i >> 8;
	r->addr[2] = i;
	r->prefix_len = 24;
	r->family = AF_INET;
	r->port_max = 65535;
	r->proto = i % 2 ? CTRPOLICY_NET_PROTO_UDP : CTRPOLICY_NET_PROTO_TCP;
	r->ops = 1U << (i % 2 ? CTRPOLICY_NET_OP_SEND : CTRPOLICY_NET_OP_CONNECT);
	r->action = CTRPOLICY_ACTION_DENY;
}

/* The POLICY_SET request for cgroup ID with N rules, in a new buffer. */
static struct nlmsghdr *set_msg(int family, unsigned long long id, unsigned int n)
{
	size_t per_attr = CTRPOLICY_NET_RULES_PER_ATTR * sizeof(struct ctrpolicy_net_rule);
	void *buf = xmalloc(MNL_SOCKET_BUFFER_SIZE + n * sizeof(struct ctrpolicy_net_rule) +
			    (n / CTRPOLICY_NET_RULES_PER_ATTR + 1) * MNL_ATTR_HDRLEN);
	struct nlmsghdr *nlh = genl_msg(buf, family, CTRPOLICY_CMD_POLICY_SET, NLM_F_ACK);
	struct ctrpolicy_net_rule *rules = xmalloc(n * sizeof(*rules) + 1);
	struct nlattr *policy, *nest;
	unsigned int i;
	size_t done;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, id);
	policy = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	mnl_attr_put_strz(nlh, CTRPOLICY_POLICY_A_NAME, "loadcost");
	mnl_attr_put_u32(nlh, CTRPOLICY_POLICY_A_MODE, CTRPOLICY_MODE_ENFORCE);
	mnl_attr_put_u64(nlh, CTRPOLICY_POLICY_A_CAPS, ALL_CAPS);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_POLICY_A_MOUNT);
	mnl_attr_put_u32(nlh, CTRPOLICY_MOUNT_A_DEFAULT, CTRPOLICY_ACTION_DENY);
	mnl_attr_nest_end(nlh, nest);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_POLICY_A_NET);
	mnl_attr_put_u32(nlh, CTRPOLICY_NET_A_DEFAULT, CTRPOLICY_ACTION_ALLOW);
	mnl_attr_nest_end(nlh, nest);
	mnl_attr_nest_end(nlh, policy);
	for (i = 0; i < n; i++)
		net_rule(&rules[i], i);
	for (done = 0; done < n * sizeof(*rules); done += per_attr) {
		size_t len = n * sizeof(*rules) - done;

		mnl_attr_put(nlh, CTRPOLICY_A_NET_RULES, len < per_attr ? len : per_attr,
			     (char *)rules + done);
	}
	free(rules);
	return nlh;
}

static struct nlmsghdr *del_msg(int family, unsigned long long id)
{
	struct nlmsghdr *nlh = genl_msg(xmalloc(MNL_SOCKET_BUFFER_SIZE), family,
					CTRPOLICY_CMD_POLICY_DEL, NLM_F_ACK);

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, id);
	return nlh;
}

/* The kernel refuses a message larger than the socket's send buffer. */
static void fit_send_buffer(size_t len)
{
	int size = len + 4096;

	setsockopt(mnl_socket_get_fd(genl_sock), SOL_SOCKET, SO_SNDBUFFORCE,
		   &size, sizeof(size));
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* NLH's round trip in microseconds, or a negative errno. */
static double timed(struct nlmsghdr *nlh)
{
	double start = now_us();
	int err = genl_request(nlh, NULL, NULL);

	return err ? err : now_us() - start;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* "MEDIAN MIN MAX" of the N times T, which it sorts. */
static void print_stats(double *t, int n)
{
	qsort(t, n, sizeof(double), cmp_double);
	printf("%.1f %.1f %.1f\n",
	       n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2, t[0], t[n - 1]);
}

static void time_one(int family, unsigned long long id, unsigned int n, int repeats)
{
	struct nlmsghdr *set = set_msg(family, id, n), *del = del_msg(family, id);
	struct nlmsghdr *msgs[ACTIONS] = { set, set, del };
	double *t[ACTIONS];
	int a, r, err = 0;

	fit_send_buffer(set->nlmsg_len);
	for (a = 0; a < ACTIONS; a++)
		t[a] = xmalloc(repeats * sizeof(double));
	for (r = 0; r < repeats && !err; r++) {
		for (a = 0; a < ACTIONS && !err; a++) {
			t[a][r] = timed(msgs[a]);
			if (t[a][r] < 0)
				err = t[a][r];
		}
	}
	for (a = 0; a < ACTIONS; a++) {
		printf("load %u %s ", n, action_names[a]);
		if (err)
			printf("na netlink: %s\n", strerror(-err));
		else
			print_stats(t[a], repeats);
		free(t[a]);
	}
	fflush(stdout);
	free(set);
	free(del);
}

static int exec_timed(int repeats, char **argv)
{
	double *t = xmalloc(repeats * sizeof(double)), start;
	int r, status;
	pid_t pid;

	for (r = 0; r < repeats; r++) {
		start = now_us();
		pid = fork();
		if (pid == 0) {
			execvp(argv[0], argv);
			_exit(127);
		}
		if (pid < 0 || waitpid(pid, &status, 0) < 0 || status) {
			printf("na %s failed (status %d)\n", argv[0], pid < 0 ? -1 : status);
			return 1;
		}
		t[r] = now_us() - start;
	}
	print_stats(t, repeats);
	free(t);
	return 0;
}

/* N as a rule count the kernel takes, or 0. */
static unsigned int rule_count(const char *s)
{
	long n = atol(s);

	return n >= 0 && n <= CTRPOLICY_MAX_NET_RULES ? n : 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: loadcost time CGROUP_DIR REPEATS N...\n"
			"       loadcost set CGROUP_DIR N\n"
			"       loadcost exec REPEATS COMMAND...\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct nlmsghdr *set;
	struct stat st;
	int family, repeats, i, err;

	if (argc >= 4 && !strcmp(argv[1], "exec") && (repeats = atoi(argv[2])) > 0)
		return exec_timed(repeats, argv + 3);
	if (argc < 4 || stat(argv[2], &st))
		return usage();
	family = genl_open();
	if (family < 0) {
		fprintf(stderr, "loadcost: no family %s: %s\n", CTRPOLICY_GENL_NAME,
			strerror(-family));
		return 1;
	}
	if (!strcmp(argv[1], "set") && argc == 4) {
		set = set_msg(family, st.st_ino, rule_count(argv[3]));
		fit_send_buffer(set->nlmsg_len);
		err = genl_request(set, NULL, NULL);
		if (err)
			fprintf(stderr, "loadcost: load: %s\n", strerror(-err));
		return !!err;
	}
	if (strcmp(argv[1], "time") || argc < 5 || (repeats = atoi(argv[3])) < 1)
		return usage();
	for (i = 4; i < argc; i++)
		time_one(family, st.st_ino, rule_count(argv[i]), repeats);
	return 0;
}
