/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parser's messages (diag.c): errors, hints and notes at a position of
 * the file being read, and the "did you mean" suggestions for a misspelt
 * word.  The bottom layer of the parser, beside lex.h.
 */
#ifndef CTRPOLICY_DIAG_H
#define CTRPOLICY_DIAG_H

#include <stddef.h>

#include "lex.h"
#include "policy.h"

#define TOKEN_QUOTE_MAX		40	/* bytes of a token in a message */
#define QUOTE_BUF		(TOKEN_QUOTE_MAX * 4 + 4)
#define FILENAME_QUOTE_MAX	200	/* bytes of a file name in a message */
#define NAME_LIST_MAX		24

struct parser;

/* TEXT as it may appear in a message: control bytes escaped, truncated. */
const char *quote(char *buf, const char *text, size_t len);

/* An error about the whole file, without a position.  Returns -1. */
int __attribute__((format(printf, 3, 4)))
file_error(struct policy_error *err, const char *file, const char *fmt, ...);

/* A note at LINE:COL of the file being read, after the error.  Returns -1. */
int __attribute__((format(printf, 4, 5)))
note_at(struct parser *p, unsigned int line, unsigned int col,
	const char *fmt, ...);

/* The error at LINE:COL; a hint() may follow.  Returns -1. */
int __attribute__((format(printf, 4, 5)))
error_at(struct parser *p, unsigned int line, unsigned int col,
	 const char *fmt, ...);

/* A hint at the position of the error just reported. */
void __attribute__((format(printf, 2, 3)))
hint(struct parser *p, const char *fmt, ...);

/*
 * The closest candidate to a misspelt word, the first best in the order
 * offered: suggest_init(), then suggest_offer() each candidate; BEST is
 * NULL when none is close enough.
 */
struct suggestion {
	const char *word;
	size_t len;
	const char *best;
	unsigned int distance;
};

void suggest_init(struct suggestion *s, const char *word, size_t len);
void suggest_offer(struct suggestion *s, const char *candidate);

/* The names valid at some place, for suggestions and hints. */
struct name_list {
	const char *names[NAME_LIST_MAX];
	size_t n;
};

void list_add(struct name_list *l, const char *name);
/* Add NAMES[FIRST] to NAMES[LAST] to L. */
void list_add_names(struct name_list *l, const char *const *names, int first,
		    int last);
/* The name of L closest to a misspelt T, or NULL. */
const char *list_closest(const struct name_list *l, const struct token *t);
/* The names of L, "a, b, c", into BUF of SIZE bytes, truncated; BUF. */
const char *list_format(const struct name_list *l, char *buf, size_t size);
/* "unknown WHAT 'word'[ in section 'x'][; did you mean 'y'?]".  Returns -1. */
int error_unknown(struct parser *p, const struct token *t, const char *what,
		  const char *where, const struct name_list *valid);
/* "valid WHAT: a, b, c" */
void hint_valid(struct parser *p, const char *what, const struct name_list *l);

#endif
