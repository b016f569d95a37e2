/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the commands on policies share (policy_cmds.c): the cgroups they act
 * on, policy files, and loaded policies.
 */
#ifndef CTRPOLICY_POLICY_CMDS_H
#define CTRPOLICY_POLICY_CMDS_H

#include <getopt.h>
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

/*
 * A command's options besides the targets: OPTIONS (ending in a zeroed
 * one, at most COMMAND_OPTIONS_MAX) have values of COMMAND_OPTION_FIRST
 * on; PARSE takes each with its argument (NULL without) and DATA, and
 * returns 0, or -1 for a bad one (the usage is printed).
 */
#define COMMAND_OPTIONS_MAX	8
#define COMMAND_OPTION_FIRST	256
struct command_options {
	const struct option *options;
	int (*parse)(int opt, const char *arg, void *data);
	void *data;
};

/* targets_parse() with MORE options (or NULL). */
int targets_parse_opts(int argc, char **argv, const char *usage, int want_args,
		       bool many, const struct command_options *more,
		       struct targets *t);
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

/*
 * The cgroup of the one target of a command (targets_parse()), and its id
 * into *ID: EXIT_OK, or an exit code after saying why.
 */
int one_target(int argc, char **argv, const char *usage, int want_args,
	       const struct command_options *more, struct targets *targets,
	       uint64_t *id);

/*
 * Load POLICY on cgroup ID, at once; with KEEP_LEARNED the learned set of
 * the policy it replaces stays.  EXIT_OK, or an exit code after saying why.
 */
int policy_load_id(const struct policy *policy, uint64_t id, bool keep_learned);

/* The exit code for a negative errno from the kernel. */
int errno_exit(int err);

#endif
