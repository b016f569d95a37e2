/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lexer of the policy language (lex.c): the tokens of a line, quoted
 * strings, comma-separated lists inside a word (read and written back),
 * and the errors about tokens where they do not belong.  The bottom layer of the parser, beside
 * diag.h, whose messages it reports.
 */
#ifndef CTRPOLICY_LEX_H
#define CTRPOLICY_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct token {
	const char *s;
	size_t len;
	unsigned int line;
	unsigned int col;		/* 1-based, in bytes */
};

/* One line of input, without its newline, and how far lex() got. */
struct lexer {
	const char *s;
	size_t len;
	size_t pos;
	unsigned int line;
};

struct parser;

/* The next token of the line into *T; false at the end of the line. */
bool lex(struct lexer *lx, struct token *t);
/* A space, a tab, or the '\r' of a CRLF line end: what separates tokens. */
bool is_blank(char c);
/* '{' or '}': a token of its own wherever it stands. */
bool is_punct(char c);
bool tok_is(const struct token *t, const char *word);
bool tok_is_nocase(const struct token *t, const char *word);
/* The index from FIRST to LAST of the name in NAMES that T is, or -1. */
int find_name(const char *const *names, int first, int last,
	      const struct token *t);
/* The part of word W from byte I to END, with its own column. */
struct token sub_token(const struct token *w, size_t i, size_t end);
/*
 * The items of a comma-separated list in word LIST ("ro,nodev"), one a
 * call: the next into *ITEM, from *POS (0 for the first).  1 for an item,
 * 0 after the last, -1 after the error "empty WHAT in 'LIST'" with the
 * hint HOW.
 */
int next_list_item(struct parser *p, const struct token *list, size_t *pos,
		   struct token *item, const char *what, const char *how);
/*
 * The other way: the names of the bits set in BITS as such a list, "a,b",
 * NAMES[I] naming bit 1U << I from FIRST to LAST (other bits left out),
 * into BUF of SIZE bytes, truncated to fit; the length it needs, as
 * snprintf().
 */
size_t format_bits(uint32_t bits, const char *const *names, int first,
		   int last, char *buf, size_t size);
/* The column just after token T, where a missing token belongs. */
unsigned int col_after(const struct token *t);

/* A '{' or '}' where it does not belong.  Returns -1. */
int error_punct(struct parser *p, const struct token *t);
/* Nothing but a comment may follow on the line; AFTER names what precedes. */
int expect_end(struct parser *p, struct lexer *lx, const char *after);
/*
 * The text of word T into BUF of SIZE bytes, NUL terminated, its length
 * into *LEN: T itself, or for a quoted string what is between the quotes,
 * '\"' and '\\' unescaped.  WHAT ("the target") names it in errors.
 */
int tok_text(struct parser *p, const struct token *t, char *buf, size_t size,
	     size_t *len, const char *what);
/* The column of byte INDEX of the text of word T (see tok_text()). */
unsigned int text_col(const struct token *t, size_t index);

#endif
