/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the commands on policies share (policy_cmds.c): the cgroups they act
 * on, policy files, and loaded policies.
 */
#ifndef CTRPOLICY_POLICY_CMDS_H
#define CTRPOLICY_POLICY_CMDS_H

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

#include "policy.h"

/* The cgroups given by --cgroup PATH and --container ID, in order. */
struct targets {
	int n;
	char (*paths)[PATH_MAX];
	bool on_exec;		/* load --on-exec */
};

/*
 * The options of ARGV into *T: one target exactly, or with MANY at least
 * one; then WANT_ARGS arguments, from ARGV[optind].  EXIT_OK, or an exit
 * code after saying why (USAGE is the command's line of 'ctrpolicy
 * --help').  targets_free() *T in either case.
 */
int targets_parse(int argc, char **argv, const char *usage, int want_args,
		  bool many, struct targets *t);
void targets_free(struct targets *t);

/*
 * The policy in file PATH ("-": standard input) into *POLICY, checked as
 * 'load' would check it (the language, and the size it takes in a
 * request).  EXIT_OK, or EXIT_POLICY with the reason in *ERR (with ERR
 * NULL, on stderr).
 */
int policy_read(const char *path, struct policy *policy,
		struct policy_error *err);

/*
 * The policy loaded on cgroup ID, with its address rules, into *POLICY.
 * EXIT_OK; EXIT_NOT_FOUND, quietly, when the cgroup has none; or another
 * exit code after saying why.
 */
int policy_fetch(uint64_t id, struct policy *policy);

/* The exit code for a negative errno from the kernel. */
int errno_exit(int err);

#endif
