/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the policy language's parser share: the parser state,
 * statements and sections.  policy.c dispatches to the sections, one file
 * each; they build on policy_action.c, and on the tokens of lex.h and the
 * messages of diag.h.  Not for the rest of the tool, which uses policy.h.
 */
#ifndef CTRPOLICY_POLICY_PARSE_H
#define CTRPOLICY_POLICY_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "lex.h"
#include "policy.h"

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

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

/*
 * A section "NAME {" ... "}": the statements valid inside, an optional
 * check when it closes, the printer of its canonical form (the lines
 * between the braces; OMITTED, if set, says when the section is left out
 * as saying nothing), and its part of policy_equal() and of policy_free()
 * (FREE_RULES NULL: nothing to free).
 */
struct section {
	const char *name;
	const struct keyword *stmts;
	size_t n_stmts;
	int (*end)(struct parser *p, const struct token *close);
	void (*print)(FILE *f, const struct policy *pol);
	bool (*omitted)(const struct policy *pol);
	bool (*equal)(const struct policy *a, const struct policy *b);
	void (*free_rules)(struct policy *pol);
};

/* The sections, a file each, which policy.c dispatches to. */
extern const struct section caps_section;	/* policy_caps.c */
extern const struct section mount_section;	/* policy_mount.c */
extern const struct section net_section;	/* policy_net.c */
extern const struct section events_section;	/* policy_events.c */

/* The statements at the top level, and the sections. */
enum { KW_POLICY, KW_MODE, KW_INCLUDE, KW_COUNT };
enum { SECTION_CAPS, SECTION_MOUNT, SECTION_NETWORK, SECTION_EVENTS,
       SECTION_COUNT };

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
	struct {
		unsigned int rate_line;
		unsigned int burst_line;
	} events;
};

/* ---- policy.c ------------------------------------------------------------- */

/*
 * The lines of TEXT, LEN bytes, as the file p->file: its statements, then
 * the check that no section is left open.
 */
int parse_text(struct parser *p, const char *text, size_t len);

/* ---- policy_action.c ------------------------------------------------------ */

/*
 * The action that KW names, the keyword of a statement "allow ..." or
 * "deny ...": one function parses both statements of a section.
 */
uint32_t action_of(const struct token *kw);
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

#endif
