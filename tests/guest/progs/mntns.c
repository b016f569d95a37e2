// SPDX-License-Identifier: GPL-2.0
/*
 * mntns - run a command in a new mount namespace, leaving propagation as
 * it is (busybox's unshare changes it, and that is a mount operation too).
 *
 *   mntns [-U] COMMAND [ARGS]
 *
 * -U: in a new user namespace too, as its root (uid and gid 0 mapped to
 * the caller's), the way a rootless container runs.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, text, strlen(text)) == (ssize_t)strlen(text);
	close(fd);
	return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
	int userns = argc > 1 && !strcmp(argv[1], "-U");
	char map[64];
	uid_t uid = getuid();
	gid_t gid = getgid();

	argv += userns;
	argc -= userns;
	if (argc < 2) {
		fprintf(stderr, "usage: mntns [-U] COMMAND [ARGS]\n");
		return 2;
	}
	if (unshare(CLONE_NEWNS | (userns ? CLONE_NEWUSER : 0))) {
		perror("mntns: unshare");
		return 1;
	}
	if (userns) {
		snprintf(map, sizeof(map), "0 %u 1", uid);
		if (write_file("/proc/self/setgroups", "deny") ||
		    write_file("/proc/self/uid_map", map)) {
			perror("mntns: uid_map");
			return 1;
		}
		snprintf(map, sizeof(map), "0 %u 1", gid);
		if (write_file("/proc/self/gid_map", map)) {
			perror("mntns: gid_map");
			return 1;
		}
	}
	execvp(argv[1], argv + 1);
	perror("mntns: exec");
	return 127;
}
