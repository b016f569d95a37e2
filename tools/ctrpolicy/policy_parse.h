/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The parser's own machinery, shared by the files of the policy language
 * (policy.c, and one file per section that has grown large enough, such as
 * policy_net.c): tokens, the parser state, messages and suggestions.  Not
 * for the rest of the tool, which uses policy.h.
 */
#ifndef CTRPOLICY_POLICY_PARSE_H
#define CTRPOLICY_POLICY_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "policy.h"

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define TOKEN_QUOTE_MAX		40	/* bytes of a token in a message */
#define QUOTE_BUF		(TOKEN_QUOTE_MAX * 4 + 4)
#define NAME_LIST_MAX		24

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

/*
 * A statement: its keyword and the function that parses the rest of its
 * line, KW being the keyword's token.  ONCE: at most one per policy (at
 * the top level, also: not in an included file).
 */
struct keyword {
	const char *name;
	int (*parse)(struct parser *p, struct lexer *lx, const struct token *kw);
	bool once;
};

/* The statements at the top level, and the sections. */
enum { KW_POLICY, KW_MODE, KW_INCLUDE, KW_COUNT };
enum { SECTION_CAPS, SECTION_MOUNT, SECTION_NETWORK, SECTION_COUNT };

struct parser {
	const char *file;		/* the file being read */
	struct policy_error *err;
	struct policy pol;
	/* Line of the first of each statement and section, 0 if none yet. */
	unsigned int keyword_line[KW_COUNT];
	unsigned int section_line[SECTION_COUNT];
	const char *section_file[SECTION_COUNT];	/* and its file */
	const struct section *open;	/* the section being parsed */
	unsigned int open_line;
	unsigned int err_line, err_col;	/* of the error reported */
	struct {
		const struct policy_source *source;
		/* The files being read, the top one first, FILES[DEPTH] last. */
		const char *files[POLICY_INCLUDE_DEPTH_MAX + 1];
		unsigned int depth;
		/* The path of each file included so far, until the end. */
		char *paths[POLICY_INCLUDE_MAX];
		unsigned int count;
	} inc;
	struct {
		unsigned int statements;
		unsigned int none_line;	/* of "allow none" */
	} caps;
	struct {
		unsigned int default_line;
		size_t cap;		/* room in pol.mount_rules */
	} mount;
	struct {
		unsigned int default_line;
		size_t cap;		/* room in pol.net_rules */
	} net;
};

/* The names valid at some place, for suggestions and hints. */
struct name_list {
	const char *names[NAME_LIST_MAX];
	size_t n;
};

/* ---- policy.c ------------------------------------------------------------- */

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

void list_add(struct name_list *l, const char *name);
/* Add NAMES[FIRST] to NAMES[LAST] to L. */
void list_add_names(struct name_list *l, const char *const *names, int first,
		    int last);
/* The index from FIRST to LAST of the name in NAMES that T is, or -1. */
int find_name(const char *const *names, int first, int last,
	      const struct token *t);
/* The name of L closest to a misspelt T, or NULL. */
const char *list_closest(const struct name_list *l, const struct token *t);
/* "unknown WHAT 'word'[ in section 'x'][; did you mean 'y'?]".  Returns -1. */
int error_unknown(struct parser *p, const struct token *t, const char *what,
		  const char *where, const struct name_list *valid);
/* The names of L, "a, b, c", into BUF of SIZE bytes, truncated; BUF. */
const char *list_format(const struct name_list *l, char *buf, size_t size);
/* "valid WHAT: a, b, c" */
void hint_valid(struct parser *p, const char *what, const struct name_list *l);

/* The next token of the line into *T; false at the end of the line. */
bool lex(struct lexer *lx, struct token *t);
bool is_punct(char c);
bool tok_is(const struct token *t, const char *word);
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

/*
 * The lines of TEXT, LEN bytes, as the file p->file: its statements, then
 * the check that no section is left open.
 */
int parse_text(struct parser *p, const char *text, size_t len);

/*
 * The action ("allow" or "deny") that must follow token AFTER, into
 * *ACTION, and its token into *WORD unless WORD is NULL.
 */
int parse_action(struct parser *p, struct lexer *lx, const struct token *after,
		 uint32_t *action, struct token *word);
/*
 * "default allow|deny" whose keyword is KW: at most once, *LINE being the
 * line of the first (0 before it); the action into *ACTION.
 */
int parse_default(struct parser *p, struct lexer *lx, const struct token *kw,
		  unsigned int *line, uint32_t *action);

/* ---- policy_files.c ------------------------------------------------------- */

/* "include FILE": the statement whose keyword is KW. */
int parse_include(struct parser *p, struct lexer *lx, const struct token *kw);
/* Free the paths of the files included. */
void include_free(struct parser *p);

/* ---- policy_net.c --------------------------------------------------------- */

#define NET_STMT_COUNT		4
extern const struct keyword net_stmts[NET_STMT_COUNT];
void print_net(FILE *f, const struct policy *pol);
/* The network defaults and rules of A and B are the same. */
bool policy_net_equal(const struct policy *a, const struct policy *b);

#endif
