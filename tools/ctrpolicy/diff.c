// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy diff: what loading a policy file on a cgroup would change, as
 * a unified diff (line_diff.c) of the canonical forms of the loaded policy
 * and of the file, both with their address rules sorted, since their order
 * does not matter.  Exit status as diff(1): 0 the same, 1 different.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cgroup.h"
#include "ctrpolicy.h"
#include "line_diff.h"
#include "policy.h"
#include "policy_cmds.h"

/* The canonical form of P (NULL: no policy, no line), malloc'ed. */
static char *canonical_text(struct policy *p)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f;

	f = open_memstream(&text, &size);
	if (!f)
		return NULL;
	if (p) {
		policy_net_sort(p);
		policy_print(f, p);
	}
	if (fclose(f)) {
		free(text);
		return NULL;
	}
	return text;
}

/*
 * The diff from the policy loaded on CGROUP (none if LOADED is NULL) to
 * the policy of FILE; EXIT_OK when they are the same, EXIT_DIFFERENT.
 */
static int print_diff(const char *cgroup, struct policy *loaded,
		      const char *file, struct policy *policy)
{
	char *old = canonical_text(loaded), *new = canonical_text(policy);
	struct line_diff d;
	bool same;

	if (!old || !new) {
		free(old);
		free(new);
		goto out_of_memory;
	}
	if (line_diff(&d, old, new)) {
		line_diff_free(&d);
		goto out_of_memory;
	}
	same = line_diff_same(&d);
	/* As diff(1): nothing at all when they are the same. */
	if (opt_json || !same) {
		out_begin_object();
		out_string("cgroup", "--- %s", cgroup);
		out_bool("loaded", loaded ? " (loaded)\n" : " (no policy)\n",
			 loaded);
		out_string("file", "+++ %s\n", file);
		out_bool("identical", "", same);
		line_diff_print(&d);
		out_end_object();
	}
	line_diff_free(&d);
	return same ? EXIT_OK : EXIT_DIFFERENT;
out_of_memory:
	fprintf(stderr, "ctrpolicy: out of memory\n");
	return EXIT_DIFF_FAILED;
}

/* 1 says "different": a failure without a code of its own is 8. */
static int diff_failed(int err)
{
	return err == EXIT_FAILURE_GENERIC ? EXIT_DIFF_FAILED : err;
}

int cmd_diff(int argc, char **argv)
{
	struct policy loaded, policy;
	struct targets targets;
	bool has_loaded;
	uint64_t id;
	int err;

	err = diff_failed(targets_parse(argc, argv, USAGE_DIFF, 1, false,
					&targets));
	if (!err && cgroup_id_of(targets.paths[0], &id))
		err = EXIT_NOT_FOUND;
	if (err)
		goto out;
	err = policy_read(argv[optind], &policy, NULL);
	if (err)
		goto out;
	err = diff_failed(policy_fetch(id, &loaded));
	has_loaded = !err;
	if (!err || err == EXIT_NOT_FOUND)
		err = print_diff(targets.paths[0], has_loaded ? &loaded : NULL,
				 argv[optind], &policy);
	if (has_loaded)
		policy_free(&loaded);
	policy_free(&policy);
out:
	targets_free(&targets);
	return err;
}
