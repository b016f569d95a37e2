// SPDX-License-Identifier: GPL-2.0
/*
 * landlock_net: run a command restricted by Landlock to TCP bind(2) and
 * connect(2) on the ports given, as a program would restrict itself: the
 * benchmark's configuration (h), what a user picking Landlock instead of
 * ctrpolicy would write.
 *
 *   landlock_net PORT[,PORT...] COMMAND [ARGS]
 *   landlock_net -c
 *
 * The ruleset handles only TCP bind and connect (no file system access, no
 * scope): what ctrpolicy's network rules and Landlock can both say.  -c
 * checks that this kernel's Landlock has network rules (ABI 4, Linux 6.7)
 * and says why not otherwise.  Exit status 125 when the restriction
 * cannot be made, with a message saying why; otherwise COMMAND's.
 *
 * Debian 12's headers are Linux 6.1's, which know no network rules: the
 * ABI 4 structures are declared here.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

#define LANDLOCK_CREATE_RULESET_VERSION	(1U << 0)
#define LANDLOCK_RULE_NET_PORT		2
#define LANDLOCK_ACCESS_NET_BIND_TCP	(1ULL << 0)
#define LANDLOCK_ACCESS_NET_CONNECT_TCP	(1ULL << 1)
#define NET_RULES_ABI			4

/* struct landlock_ruleset_attr as of ABI 4: its size says which fields. */
struct ruleset_attr_abi4 {
	uint64_t handled_access_fs;
	uint64_t handled_access_net;
};

/* struct landlock_net_port_attr (ABI 4). */
struct net_port_attr {
	uint64_t allowed_access;
	uint64_t port;
};

static int die(const char *what)
{
	fprintf(stderr, "landlock_net: %s: %s\n", what, strerror(errno));
	return 125;
}

/* The kernel's Landlock ABI, or -1 with errno (EOPNOTSUPP: disabled). */
static int landlock_abi(void)
{
	return syscall(SYS_landlock_create_ruleset, NULL, 0,
		       LANDLOCK_CREATE_RULESET_VERSION);
}

/* 0 when this kernel's Landlock has network rules; else why not, on stderr. */
static int check_abi(void)
{
	int abi = landlock_abi();

	if (abi < 0) {
		fprintf(stderr, "landlock_net: Landlock is not available in this kernel: %s\n",
			strerror(errno));
		return 125;
	}
	if (abi < NET_RULES_ABI) {
		fprintf(stderr, "landlock_net: this kernel's Landlock has ABI %d, without network rules (ABI %d, Linux 6.7)\n",
			abi, NET_RULES_ABI);
		return 125;
	}
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: landlock_net PORT[,PORT...] COMMAND [ARGS] | -c\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct ruleset_attr_abi4 ruleset = {
		.handled_access_net = LANDLOCK_ACCESS_NET_BIND_TCP |
				      LANDLOCK_ACCESS_NET_CONNECT_TCP,
	};
	struct net_port_attr rule = {
		.allowed_access = ruleset.handled_access_net,
	};
	char *ports, *port, *end;
	int fd, err;

	if (argc == 2 && !strcmp(argv[1], "-c"))
		return check_abi();
	if (argc < 3)
		return usage();
	err = check_abi();
	if (err)
		return err;
	fd = syscall(SYS_landlock_create_ruleset, &ruleset, sizeof(ruleset), 0);
	if (fd < 0)
		return die("landlock_create_ruleset");
	ports = argv[1];
	while ((port = strsep(&ports, ","))) {
		errno = 0;
		rule.port = strtoul(port, &end, 10);
		if (errno || !*port || *end || rule.port > 65535) {
			fprintf(stderr, "landlock_net: %s: not a port\n", port);
			return usage();
		}
		if (syscall(SYS_landlock_add_rule, fd, LANDLOCK_RULE_NET_PORT, &rule, 0))
			return die("landlock_add_rule");
	}
	/* Root in the initial namespaces has CAP_SYS_ADMIN: no need of no_new_privs. */
	if (syscall(SYS_landlock_restrict_self, fd, 0))
		return die("landlock_restrict_self");
	close(fd);
	execvp(argv[2], argv + 2);
	return die(argv[2]);
}
