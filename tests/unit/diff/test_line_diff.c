// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of tools/ctrpolicy/line_diff.c, the unified diff of 'ctrpolicy
 * diff': hunks as diff -u prints them for small cases, and for random texts
 * that the hunks turn the old text into the new one with as few changed
 * lines as a longest common subsequence allows.
 *
 * usage: test_line_diff
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctrpolicy.h"
#include "line_diff.h"

#define TAP_PREFIX "diff: "
#include "../policy/tap.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

bool opt_json;	/* of main.c, which output.c reads */

/* What line_diff_print() writes to stdout, malloc'ed; *SAME as computed. */
static char *diff_output(const char *old, const char *new, bool *same)
{
	struct line_diff d;
	char *out;
	FILE *f = tmpfile();
	int saved = dup(STDOUT_FILENO);
	long len;

	fflush(stdout);
	if (!f || saved < 0 || dup2(fileno(f), STDOUT_FILENO) < 0) {
		printf("Bail out! cannot redirect stdout: %s\n", strerror(errno));
		exit(1);
	}
	if (line_diff(&d, strdup(old), strdup(new))) {
		printf("Bail out! line_diff: out of memory\n");
		exit(1);
	}
	*same = line_diff_same(&d);
	line_diff_print(&d);
	line_diff_free(&d);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	len = ftell(f);
	out = calloc(1, len + 1);
	rewind(f);
	if (!out || fread(out, 1, len, f) != (size_t)len) {
		printf("Bail out! cannot read the output back\n");
		exit(1);
	}
	fclose(f);
	return out;
}

static const struct diff_case {
	const char *desc;
	const char *old, *new;
	const char *out;	/* text mode */
} cases[] = {
	{ "the same text", "a\nb\n", "a\nb\n", "" },
	{ "both empty", "", "", "" },
	{ "one line changed, with 3 lines of context",
	  "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n",
	  "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n" },
	{ "all added to nothing",
	  "", "a\nb\n", "@@ -0,0 +1,2 @@\n+a\n+b\n" },
	{ "all removed",
	  "a\nb\n", "", "@@ -1,2 +0,0 @@\n-a\n-b\n" },
	{ "a line added at the start",
	  "a\nb\nc\nd\ne\n", "new\na\nb\nc\nd\ne\n",
	  "@@ -1,3 +1,4 @@\n+new\n a\n b\n c\n" },
	{ "a line removed at the end",
	  "a\nb\nc\nd\ne\n", "a\nb\nc\nd\n",
	  "@@ -2,4 +2,3 @@\n b\n c\n d\n-e\n" },
	{ "changes 6 lines apart share a hunk",
	  "x\n1\n2\n3\n4\n5\n6\ny\n", "X\n1\n2\n3\n4\n5\n6\nY\n",
	  "@@ -1,8 +1,8 @@\n-x\n+X\n 1\n 2\n 3\n 4\n 5\n 6\n-y\n+Y\n" },
	{ "changes 7 lines apart are two hunks",
	  "x\n1\n2\n3\n4\n5\n6\n7\ny\n", "X\n1\n2\n3\n4\n5\n6\n7\nY\n",
	  "@@ -1,4 +1,4 @@\n-x\n+X\n 1\n 2\n 3\n@@ -6,4 +6,4 @@\n 5\n 6\n 7\n-y\n+Y\n" },
	{ "an insertion between kept lines",
	  "\tallow a\n\tallow c\n", "\tallow a\n\tallow b\n\tallow c\n",
	  "@@ -1,2 +1,3 @@\n \tallow a\n+\tallow b\n \tallow c\n" },
};

#define JSON_EXPECTED \
	"\"hunks\":[{\"old_start\":1,\"old_lines\":1,\"new_start\":1," \
	"\"new_lines\":1,\"lines\":[{\"op\":\"-\",\"text\":\"a\"}," \
	"{\"op\":\"+\",\"text\":\"b\"}]}]\n"

static void test_cases(void)
{
	const struct diff_case *c;
	bool same;
	char *out;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		c = &cases[i];
		out = diff_output(c->old, c->new, &same);
		check(!strcmp(out, c->out) && same == !strcmp(c->old, c->new),
		      "%s", c->desc);
		if (strcmp(out, c->out))
			printf("#   got:\n%s#   expected:\n%s", out, c->out);
		free(out);
	}
	opt_json = true;
	out = diff_output("a\n", "b\n", &same);
	opt_json = false;
	check(!strcmp(out, JSON_EXPECTED), "JSON: the hunks and their lines");
	if (strcmp(out, JSON_EXPECTED))
		printf("#   got: %s", out);
	free(out);
}

static uint64_t next_random(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* N lines of one letter from the first K of the alphabet. */
static char *random_text(uint64_t *x, size_t n, unsigned int k)
{
	char *text = malloc(2 * n + 1);
	size_t i;

	for (i = 0; i < n; i++) {
		text[2 * i] = 'a' + next_random(x) % k;
		text[2 * i + 1] = '\n';
	}
	text[2 * n] = '\0';
	return text;
}

/* The longest common subsequence of the lines of A and B, one byte each. */
static size_t lcs_length(const char *a, const char *b)
{
	size_t n = strlen(a) / 2, m = strlen(b) / 2, i, j, best;
	size_t *row = calloc((n + 1) * (m + 1), sizeof(*row));

	for (i = 1; i <= n; i++) {
		for (j = 1; j <= m; j++) {
			if (a[2 * (i - 1)] == b[2 * (j - 1)])
				best = row[(i - 1) * (m + 1) + j - 1] + 1;
			else if (row[(i - 1) * (m + 1) + j] > row[i * (m + 1) + j - 1])
				best = row[(i - 1) * (m + 1) + j];
			else
				best = row[i * (m + 1) + j - 1];
			row[i * (m + 1) + j] = best;
		}
	}
	best = row[n * (m + 1) + m];
	free(row);
	return best;
}

/*
 * Apply the hunks of text OUT to OLD: the new text, malloc'ed, and the
 * number of lines removed and added into *CHANGED; NULL if a hunk does not
 * fit OLD (its numbers or its context lines).
 */
static char *apply(const char *old, const char *out, size_t *changed)
{
	size_t len = strlen(old), pos = 0, n = 0, line = 0;
	unsigned long a, b, c, d;
	char *new = calloc(1, strlen(old) + strlen(out) + 1);
	const char *s = out;

	*changed = 0;
	while (*s) {
		if (sscanf(s, "@@ -%lu,%lu +%lu,%lu @@\n", &a, &b, &c, &d) != 4)
			goto bad;
		s = strchr(s, '\n') + 1;
		/* Copy the old lines before the hunk. */
		for (; line + 1 < a || (b == 0 && line < a); line++) {
			memcpy(new + n, old + pos, 2);
			n += 2;
			pos += 2;
		}
		while (*s == ' ' || *s == '-' || *s == '+') {
			if (*s != '+' && (pos >= len || old[pos] != s[1]))
				goto bad;
			if (*s != '-') {
				new[n++] = s[1];
				new[n++] = '\n';
			}
			if (*s != '+') {
				pos += 2;
				line++;
			}
			*changed += *s != ' ';
			s += 3;
		}
	}
	memcpy(new + n, old + pos, len - pos + 1);
	return new;
bad:
	free(new);
	return NULL;
}

static void test_random(void)
{
	uint64_t x = 0x2545f4914f6cdd1dULL;
	size_t i, changed, lcs, n, m, bad = 0;
	char *old, *new, *out, *got;
	bool same;

	for (i = 0; i < 2000; i++) {
		n = next_random(&x) % 30;
		m = next_random(&x) % 30;
		old = random_text(&x, n, 2 + i % 4);
		new = random_text(&x, m, 2 + i % 4);
		out = diff_output(old, new, &same);
		got = apply(old, out, &changed);
		lcs = lcs_length(old, new);
		if (!got || strcmp(got, new) || changed != n + m - 2 * lcs ||
		    same != !strcmp(old, new)) {
			if (!bad++)
				printf("#   old:\n%s#   new:\n%s#   diff:\n%s", old,
				       new, out);
		}
		free(old);
		free(new);
		free(out);
		free(got);
	}
	check(!bad, "random texts: the hunks apply, and are as short as the LCS allows (%zu of 2000 not)",
	      bad);
}

/* Beyond the LCS table: removed, then added, and still correct. */
static void test_large(void)
{
	size_t n = 3000, changed;
	char *old, *new, *out, *got;
	uint64_t x = 42;
	bool same;

	old = random_text(&x, n, 26);
	new = random_text(&x, n, 26);
	out = diff_output(old, new, &same);
	got = apply(old, out, &changed);
	check(got && !strcmp(got, new) && !same,
	      "texts of 3000 lines beyond the LCS table: the hunks apply");
	free(old);
	free(new);
	free(out);
	free(got);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_cases();
	test_random();
	test_large();
	return failures ? 1 : 0;
}
