// SPDX-License-Identifier: GPL-2.0
/*
 * The parser's messages: "FILE:LINE:COL: error: ...", the hint and the
 * notes that may follow it (their form is documented at struct
 * policy_error), and the "did you mean" suggestion for a misspelt word,
 * found by edit distance among the words valid at its place.
 *
 * The position of an error is kept in the parser so that hint() needs
 * none: a hint always belongs to the error just reported.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "policy_parse.h"	/* struct parser: the file, where messages go */

#define SUGGEST_DISTANCE_MAX	2	/* "did you mean" up to this edit distance */
#define SUGGEST_LEN_MAX		32

/* ---- messages ------------------------------------------------------------- */

/* TEXT as it may appear in a message: control bytes escaped, truncated. */
const char *quote(char *buf, const char *text, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len && i < TOKEN_QUOTE_MAX; i++) {
		unsigned char c = text[i];

		if (c >= 0x20 && c < 0x7f && c != '\\')
			buf[n++] = c;
		else
			n += sprintf(buf + n, "\\x%02x", c);
	}
	if (i < len) {
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}

static void err_vappend(struct policy_error *err, const char *fmt, va_list ap)
{
	size_t len = strlen(err->msg);

	if (len < sizeof(err->msg) - 1)
		vsnprintf(err->msg + len, sizeof(err->msg) - len, fmt, ap);
}

static void __attribute__((format(printf, 2, 3)))
err_append(struct policy_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vappend(err, fmt, ap);
	va_end(ap);
}

/* End the message's last line, even if it had to be truncated. */
static void err_end_line(struct policy_error *err)
{
	size_t len = strlen(err->msg);

	if (len < sizeof(err->msg) - 1)
		strcpy(err->msg + len, "\n");
	else
		err->msg[len - 1] = '\n';
}

/* KIND is "error", "hint" or "note". */
static void err_vline(struct policy_error *err, const char *file,
		      unsigned int line, unsigned int col, const char *kind,
		      const char *fmt, va_list ap)
{
	if (line)
		err_append(err, "%.*s:%u:%u: %s: ", FILENAME_QUOTE_MAX, file,
			   line, col, kind);
	else
		err_append(err, "%.*s: %s: ", FILENAME_QUOTE_MAX, file, kind);
	err_vappend(err, fmt, ap);
	err_end_line(err);
}

/* An error about the whole file, without a position. */
int file_error(struct policy_error *err, const char *file, const char *fmt, ...)
{
	va_list ap;

	err->msg[0] = '\0';
	va_start(ap, fmt);
	err_vline(err, file, 0, 0, "error", fmt, ap);
	va_end(ap);
	return -1;
}

/* The error at LINE:COL; a hint() may follow.  Returns -1. */
int error_at(struct parser *p, unsigned int line, unsigned int col,
	     const char *fmt, ...)
{
	va_list ap;

	p->err->msg[0] = '\0';
	p->err_line = line;
	p->err_col = col;
	va_start(ap, fmt);
	err_vline(p->err, p->file, line, col, "error", fmt, ap);
	va_end(ap);
	return -1;
}

int note_at(struct parser *p, unsigned int line, unsigned int col,
	    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vline(p->err, p->file, line, col, "note", fmt, ap);
	va_end(ap);
	return -1;
}

/* A hint at the position of the error just reported. */
void hint(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err_vline(p->err, p->file, p->err_line, p->err_col, "hint",
		  fmt, ap);
	va_end(ap);
}

/* ---- suggestions ---------------------------------------------------------- */

static int lower(char c)
{
	return tolower((unsigned char)c);
}

/*
 * Optimal string alignment distance, ignoring case: insertions, deletions,
 * substitutions and transpositions of adjacent bytes each count 1.  Above
 * SUGGEST_DISTANCE_MAX it only says "too far".
 */
static unsigned int edit_distance(const char *a, size_t la, const char *b,
				  size_t lb)
{
	unsigned int rows[3][SUGGEST_LEN_MAX + 1];
	unsigned int *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *tmp;
	size_t i, j;

	if (la > SUGGEST_LEN_MAX || lb > SUGGEST_LEN_MAX ||
	    la > lb + SUGGEST_DISTANCE_MAX || lb > la + SUGGEST_DISTANCE_MAX)
		return SUGGEST_DISTANCE_MAX + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			unsigned int v = prev[j - 1] +
					 (lower(a[i - 1]) != lower(b[j - 1]));

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
			    lower(a[i - 2]) == lower(b[j - 1]) &&
			    prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		tmp = prev2;
		prev2 = prev;
		prev = cur;
		cur = tmp;
	}
	return prev[lb];
}

void suggest_init(struct suggestion *s, const char *word, size_t len)
{
	s->word = word;
	s->len = len;
	s->best = NULL;
	s->distance = SUGGEST_DISTANCE_MAX + 1;
}

void suggest_offer(struct suggestion *s, const char *candidate)
{
	unsigned int d = edit_distance(s->word, s->len, candidate,
				       strlen(candidate));

	/* A word wholly replaced is no typo ("ab" is not "bpf"). */
	if (d < s->distance && d < s->len) {
		s->best = candidate;
		s->distance = d;
	}
}

void list_add(struct name_list *l, const char *name)
{
	if (l->n < NAME_LIST_MAX)
		l->names[l->n++] = name;
}

void list_add_names(struct name_list *l, const char *const *names, int first,
		    int last)
{
	int i;

	for (i = first; i <= last; i++)
		list_add(l, names[i]);
}

const char *list_closest(const struct name_list *l, const struct token *t)
{
	struct suggestion s;
	size_t i;

	suggest_init(&s, t->s, t->len);
	for (i = 0; i < l->n; i++)
		suggest_offer(&s, l->names[i]);
	return s.best;
}

/* "unknown WHAT 'word'[ in section 'x'][; did you mean 'y'?]" */
int error_unknown(struct parser *p, const struct token *t, const char *what,
		  const char *where, const struct name_list *valid)
{
	const char *best = list_closest(valid, t);
	char q[QUOTE_BUF], in[96] = "", mean[96] = "";

	if (where)
		snprintf(in, sizeof(in), " in section '%s'", where);
	if (best)
		snprintf(mean, sizeof(mean), "; did you mean '%s'?", best);
	return error_at(p, t->line, t->col, "unknown %s '%s'%s%s", what,
			quote(q, t->s, t->len), in, mean);
}

const char *list_format(const struct name_list *l, char *buf, size_t size)
{
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < l->n && len < size; i++)
		len += snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
				l->names[i]);
	return buf;
}

void hint_valid(struct parser *p, const char *what, const struct name_list *l)
{
	char buf[256];

	hint(p, "valid %s: %s", what, list_format(l, buf, sizeof(buf)));
}
