/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A unified diff of two texts, line by line, printed with the output.c
 * calls: text as "diff -u" prints its hunks, or JSON.
 */
#ifndef CTRPOLICY_LINE_DIFF_H
#define CTRPOLICY_LINE_DIFF_H

#include <stdbool.h>
#include <stddef.h>

#define LINE_DIFF_CONTEXT	3		/* lines around a change */
#define LINE_DIFF_CELLS_MAX	(4u << 20)	/* of the LCS table: 16 MiB */

/* The lines of a text, which they point into. */
struct lines {
	char *text;
	char **line;
	size_t n;
};

struct line_diff {
	struct lines old, new;
	char *ops;		/* ' ', '-' or '+' for each line of the diff */
	size_t n_ops;
};

/*
 * The diff from text OLD to text NEW, each a malloc'ed string of lines
 * that end with '\n', which *D then owns: 0, or -1 when out of memory;
 * line_diff_free() *D in either case.
 *
 * The lines are matched by a longest common subsequence, after the lines
 * the texts share at their start and end; a middle part whose LCS table
 * would exceed LINE_DIFF_CELLS_MAX is all removed, then all added: still
 * a correct diff, only not the shortest.
 */
int line_diff(struct line_diff *d, char *old, char *new);
bool line_diff_same(const struct line_diff *d);
/*
 * The array "hunks": each "@@ -A,B +C,D @@" and its lines, with
 * LINE_DIFF_CONTEXT lines around the changes.
 */
void line_diff_print(const struct line_diff *d);
void line_diff_free(struct line_diff *d);

#endif
