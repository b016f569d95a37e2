// SPDX-License-Identifier: GPL-2.0
/*
 * runas: run a command with less privilege than root, in new namespaces if
 * asked, for the tests of who may read and change what.
 *
 *   runas [--uid N] [--keep CAP] [--userns] [--cgroupns] COMMAND [ARGS]
 *
 * --uid N      become uid and gid N, with no supplementary groups;
 * --keep CAP   with --uid: keep capability number CAP (and no other)
 *              across the uid change and the exec, as an ambient one;
 * --userns     then enter a new user namespace, as its root (N mapped to
 *              0): every capability there, none in the initial one;
 * --cgroupns   then enter a new cgroup namespace rooted at the current
 *              cgroup: the cgroups outside it are out of sight.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/capability.h>

#define NO_CAP	(-1)

static void die(const char *what)
{
	fprintf(stderr, "runas: %s: %s\n", what, strerror(errno));
	exit(125);
}

static void write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		die(path);
	close(fd);
}

/* Permitted, effective and inheritable: @keep only (or nothing). */
static void set_caps(int keep)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3];

	memset(caps, 0, sizeof(caps));
	if (keep != NO_CAP) {
		caps[keep / 32].effective = 1U << (keep % 32);
		caps[keep / 32].permitted = 1U << (keep % 32);
		caps[keep / 32].inheritable = 1U << (keep % 32);
	}
	if (syscall(SYS_capset, &hdr, caps))
		die("capset");
	if (keep != NO_CAP &&
	    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, keep, 0, 0))
		die("raising the ambient capability");
}

static void become(unsigned int id, int keep)
{
	if (setgroups(0, NULL))
		die("setgroups");
	if (prctl(PR_SET_KEEPCAPS, keep != NO_CAP, 0, 0, 0))
		die("prctl(PR_SET_KEEPCAPS)");
	if (setresgid(id, id, id))
		die("setresgid");
	if (setresuid(id, id, id))
		die("setresuid");
	/* A uid change makes /proc/self root's; the uid map is written there. */
	if (prctl(PR_SET_DUMPABLE, 1, 0, 0, 0))
		die("prctl(PR_SET_DUMPABLE)");
	set_caps(keep);
}

static void enter_userns(void)
{
	char map[64];
	unsigned int uid = geteuid(), gid = getegid();

	if (unshare(CLONE_NEWUSER))
		die("unshare(CLONE_NEWUSER)");
	write_file("/proc/self/setgroups", "deny");
	snprintf(map, sizeof(map), "0 %u 1\n", uid);
	write_file("/proc/self/uid_map", map);
	snprintf(map, sizeof(map), "0 %u 1\n", gid);
	write_file("/proc/self/gid_map", map);
}

static void usage(void)
{
	fprintf(stderr,
		"usage: runas [--uid N] [--keep CAP] [--userns] [--cgroupns] COMMAND [ARGS]\n");
	exit(125);
}

int main(int argc __attribute__((unused)), char **argv)
{
	bool userns = false, cgroupns = false, change_uid = false;
	unsigned int uid = 0;
	int keep = NO_CAP;
	char *end;

	for (argv++; *argv && !strncmp(*argv, "--", 2); argv++) {
		if (!strcmp(*argv, "--uid") && argv[1]) {
			uid = strtoul(*++argv, &end, 10);
			if (*end)
				usage();
			change_uid = true;
		} else if (!strcmp(*argv, "--keep") && argv[1]) {
			keep = strtol(*++argv, &end, 10);
			if (*end || keep < 0 || keep > CAP_LAST_CAP)
				usage();
		} else if (!strcmp(*argv, "--userns")) {
			userns = true;
		} else if (!strcmp(*argv, "--cgroupns")) {
			cgroupns = true;
		} else {
			usage();
		}
	}
	/* Root's exec would give every capability back. */
	if (!*argv || (keep != NO_CAP && !change_uid))
		usage();
	if (change_uid)
		become(uid, keep);
	if (userns)
		enter_userns();
	if (cgroupns && unshare(CLONE_NEWCGROUP))
		die("unshare(CLONE_NEWCGROUP)");
	execvp(argv[0], argv);
	die(argv[0]);
}
