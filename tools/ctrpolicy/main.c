// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - administer per-cgroup confinement policies.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "ctrpolicy.h"

bool opt_json;

static const struct command commands[] = {
	{ "load", USAGE_LOAD, cmd_load },
	{ "unload", USAGE_UNLOAD, cmd_unload },
	{ "list", "list", cmd_list },
	{ "show", USAGE_SHOW, cmd_show },
	{ "check", USAGE_CHECK, cmd_check },
	{ "diff", USAGE_DIFF, cmd_diff },
	{ "status", "status", cmd_status },
	{ "monitor", "monitor [--count N]", cmd_monitor },
	{ "learn", USAGE_LEARN, cmd_learn },
	{ "attach", "attach", cmd_attach },
	{ "detach", "detach", cmd_detach },
	{ "oci-hook", "oci-hook [--default POLICY|none] [--policy-dir DIR] [createRuntime|poststop]", cmd_oci_hook },
	{ "runtime", USAGE_RUNTIME, cmd_runtime },
};

/* As in the README's "Exit codes". */
static const char exit_codes[] =
	"exit codes:\n"
	"  0  success; diff: the policies are the same\n"
	"  1  the operation failed; diff: the policies differ\n"
	"  2  bad command line (also an ambiguous container id)\n"
	"  3  module not loaded, or loaded without usable kfuncs\n"
	"  4  the policy file is invalid\n"
	"  5  the kernel refused: not privileged, or a confined caller\n"
	"  6  enforcement not attached: status, with policies loaded; load, when attaching failed\n"
	"  7  no such cgroup, container, or loaded policy\n"
	"  8  diff: failed otherwise\n";

static void usage(FILE *out)
{
	size_t i;

	fprintf(out, "usage: ctrpolicy [-j|--json] COMMAND [ARGS]\n\ncommands:\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(out, "  ctrpolicy %s\n", commands[i].usage);
	fprintf(out, "\n%s", exit_codes);
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	const char *name = strrchr(argv[0], '/');
	size_t i;
	int opt;

	/* Installed as ctrpolicy-runc, it is an OCI runtime: runtime.c. */
	if (!strcmp(name ? name + 1 : argv[0], "ctrpolicy-runc"))
		return cmd_runtime(argc, argv);
	/* '+' stops at the command so that it parses its own options. */
	while ((opt = getopt_long(argc, argv, "+jh", options, NULL)) != -1) {
		switch (opt) {
		case 'j':
			opt_json = true;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return EXIT_USAGE;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (!strcmp(argv[optind], commands[i].name))
			return commands[i].run(argc - optind, argv + optind);
	}
	fprintf(stderr, "ctrpolicy: unknown command '%s'; see 'ctrpolicy --help'\n",
		argv[optind]);
	return EXIT_USAGE;
}
