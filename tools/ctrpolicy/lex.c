// SPDX-License-Identifier: GPL-2.0
/*
 * The lexer of the policy language (docs/policy-language.md).
 *
 * The input is read line by line.  lex() splits a line into tokens: words,
 * quoted strings, and '{' and '}' which are tokens of their own; '#' starts
 * a comment.  What a word means is up to the statement that reads it; the
 * helpers here take a word apart (tok_text() for quoted strings,
 * next_list_item() for the comma lists of flags, operations and ports, and
 * format_bits() writes such a list back) and report the tokens that stand
 * where they do not belong.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "lex.h"

bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

bool is_punct(char c)
{
	return c == '{' || c == '}';
}

/*
 * Just past the '"' that closes the quoted string opening at POS of S, or
 * LEN if it is not closed: a backslash escapes the next byte.
 */
static size_t quoted_end(const char *s, size_t pos, size_t len)
{
	size_t i = pos + 1;

	while (i < len) {
		if (s[i] == '\\')
			i += 2;
		else if (s[i++] == '"')
			return i;
	}
	return len;
}

/*
 * The next token of the line into *T: false at the end of the line, *T
 * then being empty at the end of the line.  A token that starts with '"'
 * runs to the closing '"', whatever is inside; what follows that quote up
 * to a blank, '#', '{' or '}' belongs to the token too (and is an error,
 * see tok_text()).
 */
bool lex(struct lexer *lx, struct token *t)
{
	size_t start;

	while (lx->pos < lx->len && is_blank(lx->s[lx->pos]))
		lx->pos++;
	if (lx->pos < lx->len && lx->s[lx->pos] == '#')
		lx->pos = lx->len;
	start = lx->pos;
	if (lx->pos < lx->len && is_punct(lx->s[lx->pos])) {
		lx->pos++;
	} else {
		if (lx->pos < lx->len && lx->s[lx->pos] == '"')
			lx->pos = quoted_end(lx->s, lx->pos, lx->len);
		while (lx->pos < lx->len && !is_blank(lx->s[lx->pos]) &&
		       !is_punct(lx->s[lx->pos]) && lx->s[lx->pos] != '#')
			lx->pos++;
	}
	t->s = lx->s + start;
	t->len = lx->pos - start;
	t->line = lx->line;
	t->col = start + 1;
	return t->len > 0;
}

bool tok_is(const struct token *t, const char *word)
{
	return strlen(word) == t->len && !memcmp(t->s, word, t->len);
}

int find_name(const char *const *names, int first, int last,
	      const struct token *t)
{
	int i;

	for (i = first; i <= last; i++) {
		if (tok_is(t, names[i]))
			return i;
	}
	return -1;
}

bool tok_is_nocase(const struct token *t, const char *word)
{
	return strlen(word) == t->len && !strncasecmp(t->s, word, t->len);
}

/* The part of word W from byte I to END, with its own column. */
struct token sub_token(const struct token *w, size_t i, size_t end)
{
	struct token t = *w;

	t.s = w->s + i;
	t.len = end - i;
	t.col = w->col + i;
	return t;
}

/*
 * The items of a comma-separated list in word LIST ("ro,nodev"), one a
 * call: the next into *ITEM, *POS being where it starts (0 for the
 * first).  1 for an item, 0 after the last.  An empty item ("a,,b", "a,")
 * is the error "empty WHAT in 'LIST'", with HOW as its hint, and -1.
 */
int next_list_item(struct parser *p, const struct token *list, size_t *pos,
		   struct token *item, const char *what, const char *how)
{
	char q[QUOTE_BUF];
	size_t end;

	if (*pos > list->len)
		return 0;
	for (end = *pos; end < list->len && list->s[end] != ','; end++)
		;
	*item = sub_token(list, *pos, end);
	if (!item->len) {
		error_at(p, item->line, item->col, "empty %s in '%s'", what,
			 quote(q, list->s, list->len));
		hint(p, "%s", how);
		return -1;
	}
	*pos = end + 1;
	return 1;
}

size_t format_bits(uint32_t bits, const char *const *names, int first,
		   int last, char *buf, size_t size)
{
	size_t n = 0;
	int i;

	if (size)
		buf[0] = '\0';
	for (i = first; i <= last; i++) {
		if (!(bits & (1U << i)))
			continue;
		n += snprintf(buf + (n < size ? n : size), n < size ? size - n : 0,
			      "%s%s", n ? "," : "", names[i]);
	}
	return n;
}

/* The column just after token T, where a missing token belongs. */
unsigned int col_after(const struct token *t)
{
	return t->col + t->len;
}

/* A '{' or '}' where it does not belong. */
int error_punct(struct parser *p, const struct token *t)
{
	error_at(p, t->line, t->col, "unexpected '%c'", *t->s);
	if (*t->s == '}')
		hint(p, "'}' closes a section and must be alone on its line");
	else
		hint(p, "'{' must end the first line of a section, as in 'capabilities {'");
	return -1;
}

/* Nothing but a comment may follow on the line; AFTER names what precedes. */
int expect_end(struct parser *p, struct lexer *lx, const char *after)
{
	char q[QUOTE_BUF];
	struct token t;

	if (!lex(lx, &t))
		return 0;
	if (is_punct(*t.s))
		return error_punct(p, &t);
	return error_at(p, t.line, t.col, "unexpected '%s' after %s",
			quote(q, t.s, t.len), after);
}

/* The column of byte INDEX of the text of word T (see tok_text()). */
unsigned int text_col(const struct token *t, size_t index)
{
	size_t i = 1, n = 0;

	if (t->s[0] != '"')
		return t->col + index;
	while (i < t->len && n < index) {
		i += t->s[i] == '\\' ? 2 : 1;
		n++;
	}
	return t->col + i;
}

/* Quoted strings: see lex(). */
int tok_text(struct parser *p, const struct token *t, char *buf, size_t size,
	     size_t *len, const char *what)
{
	char q[QUOTE_BUF];
	size_t i, n = 0;
	bool closed = false;

	if (t->s[0] != '"') {
		if (t->len >= size)
			return error_at(p, t->line, t->col,
					"%s is %zu bytes long; the limit is %zu",
					what, t->len, size - 1);
		memcpy(buf, t->s, t->len);
		buf[t->len] = '\0';
		*len = t->len;
		return 0;
	}
	for (i = 1; i < t->len; i++) {
		char c = t->s[i];

		if (c == '"') {
			closed = true;
			break;
		}
		if (c == '\\') {
			if (i + 1 >= t->len)
				break;
			c = t->s[++i];
			if (c != '"' && c != '\\') {
				error_at(p, t->line, t->col + i - 1,
					 "invalid escape '\\%s' in a quoted string",
					 quote(q, &c, 1));
				hint(p, "inside quotes, write \\\" for a quote and \\\\ for a backslash; nothing else is escaped");
				return -1;
			}
		}
		if (n < size - 1)
			buf[n] = c;
		n++;
	}
	if (!closed) {
		error_at(p, t->line, t->col, "unterminated quoted string");
		hint(p, "close it with '\"' on the same line");
		return -1;
	}
	if (i + 1 < t->len) {
		error_at(p, t->line, t->col + i + 1,
			 "unexpected '%s' after a quoted string",
			 quote(q, t->s + i + 1, t->len - i - 1));
		hint(p, "separate words with a space");
		return -1;
	}
	if (n >= size)
		return error_at(p, t->line, t->col,
				"%s is %zu bytes long; the limit is %zu", what, n,
				size - 1);
	buf[n] = '\0';
	*len = n;
	return 0;
}
