// SPDX-License-Identifier: GPL-2.0
/*
 * mntns - run a command in a new mount namespace, leaving propagation as
 * it is (busybox's unshare changes it, and that is a mount operation too).
 *
 *   mntns COMMAND [ARGS]
 */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: mntns COMMAND [ARGS]\n");
		return 2;
	}
	if (unshare(CLONE_NEWNS)) {
		perror("mntns: unshare");
		return 1;
	}
	execvp(argv[1], argv + 1);
	perror("mntns: exec");
	return 127;
}
