// SPDX-License-Identifier: GPL-2.0
/*
 * A unified diff of two texts, line by line (see line_diff.h).
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctrpolicy.h"
#include "line_diff.h"

enum { SAME = ' ', REMOVED = '-', ADDED = '+' };

/* The lines of TEXT (malloc'ed, which *L then owns) into *L. */
static int lines_of(char *text, struct lines *l)
{
	size_t i;
	char *s;

	l->text = text;
	l->n = 0;
	for (s = text; *s; s++)
		l->n += *s == '\n';
	l->line = calloc(l->n + 1, sizeof(*l->line));
	if (!l->line)
		return -1;
	for (s = text, i = 0; i < l->n; i++) {
		l->line[i] = s;
		s = strchr(s, '\n');
		*s++ = '\0';
	}
	return 0;
}

/*
 * The N lines from A and M from B, none in common at either end, as
 * SAME, REMOVED and ADDED into OPS.  The number of ops written.
 */
static size_t diff_middle(char **a, size_t n, char **b, size_t m, char *ops)
{
	size_t i, j, k = 0, w = m + 1;
	uint32_t *lcs = NULL;

	/* LCS[i * W + j]: the longest common subsequence of A[i..], B[j..]. */
	if ((n + 1) * w <= LINE_DIFF_CELLS_MAX)
		lcs = calloc((n + 1) * w, sizeof(*lcs));
	if (lcs) {
		for (i = n; i-- > 0;) {
			for (j = m; j-- > 0;) {
				if (!strcmp(a[i], b[j]))
					lcs[i * w + j] = lcs[(i + 1) * w + j + 1] + 1;
				else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])
					lcs[i * w + j] = lcs[(i + 1) * w + j];
				else
					lcs[i * w + j] = lcs[i * w + j + 1];
			}
		}
		for (i = 0, j = 0; i < n && j < m;) {
			if (!strcmp(a[i], b[j])) {
				ops[k++] = SAME;
				i++;
				j++;
			} else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) {
				ops[k++] = REMOVED;
				i++;
			} else {
				ops[k++] = ADDED;
				j++;
			}
		}
		free(lcs);
	} else {
		i = j = 0;
	}
	for (; i < n; i++)
		ops[k++] = REMOVED;
	for (; j < m; j++)
		ops[k++] = ADDED;
	return k;
}

int line_diff(struct line_diff *d, char *old, char *new)
{
	const struct lines *a = &d->old, *b = &d->new;
	size_t head = 0, tail = 0, k;

	memset(d, 0, sizeof(*d));
	d->new.text = new;
	if (lines_of(old, &d->old) || lines_of(new, &d->new))
		return -1;
	d->ops = malloc(a->n + b->n + 1);
	if (!d->ops)
		return -1;
	while (head < a->n && head < b->n &&
	       !strcmp(a->line[head], b->line[head]))
		head++;
	while (tail < a->n - head && tail < b->n - head &&
	       !strcmp(a->line[a->n - 1 - tail], b->line[b->n - 1 - tail]))
		tail++;
	memset(d->ops, SAME, head);
	k = head + diff_middle(a->line + head, a->n - head - tail,
			       b->line + head, b->n - head - tail, d->ops + head);
	memset(d->ops + k, SAME, tail);
	d->n_ops = k + tail;
	return 0;
}

bool line_diff_same(const struct line_diff *d)
{
	return !memchr(d->ops, REMOVED, d->n_ops) &&
	       !memchr(d->ops, ADDED, d->n_ops);
}

/* One hunk: OPS[START..END), whose first lines are old I and new J. */
static void print_hunk(const struct line_diff *d, size_t start, size_t end,
		       size_t i, size_t j)
{
	size_t x, old_n = 0, new_n = 0;
	const char *text;
	char op[2] = "";

	for (x = start; x < end; x++) {
		old_n += d->ops[x] != ADDED;
		new_n += d->ops[x] != REMOVED;
	}
	out_begin_object();
	/* An empty side starts at the line before, as diff -u says it. */
	out_uint("old_start", "@@ -%llu", old_n ? i + 1 : i);
	out_uint("old_lines", ",%llu", old_n);
	out_uint("new_start", " +%llu", new_n ? j + 1 : j);
	out_uint("new_lines", ",%llu @@\n", new_n);
	out_begin_named_array("lines");
	for (x = start; x < end; x++) {
		op[0] = d->ops[x];
		if (d->ops[x] == ADDED) {
			text = d->new.line[j++];
		} else {
			text = d->old.line[i++];
			j += d->ops[x] == SAME;
		}
		out_begin_object();
		out_string("op", "%s", op);
		out_string("text", "%s\n", text);
		out_end_object();
	}
	out_end_array();
	out_end_object();
}

void line_diff_print(const struct line_diff *d)
{
	size_t pos = 0, i = 0, j = 0, change, start, end, x;
	const char *ops = d->ops;

	out_begin_named_array("hunks");
	for (;;) {
		for (change = pos; change < d->n_ops && ops[change] == SAME;
		     change++)
			;
		if (change == d->n_ops)
			break;
		start = change > pos + LINE_DIFF_CONTEXT ?
			change - LINE_DIFF_CONTEXT : pos;
		/* Changes at most 2 * CONTEXT lines apart share a hunk. */
		end = change;
		for (x = change; x < d->n_ops; x++) {
			if (ops[x] != SAME)
				end = x + 1;
			else if (x - end >= 2 * LINE_DIFF_CONTEXT)
				break;
		}
		end = end + LINE_DIFF_CONTEXT < d->n_ops ?
		      end + LINE_DIFF_CONTEXT : d->n_ops;
		for (; pos < start; pos++) {
			i += ops[pos] != ADDED;
			j += ops[pos] != REMOVED;
		}
		print_hunk(d, start, end, i, j);
		for (; pos < end; pos++) {
			i += ops[pos] != ADDED;
			j += ops[pos] != REMOVED;
		}
	}
	out_end_array();
}

void line_diff_free(struct line_diff *d)
{
	free(d->old.text);
	free(d->old.line);
	free(d->new.text);
	free(d->new.line);
	free(d->ops);
	memset(d, 0, sizeof(*d));
}
