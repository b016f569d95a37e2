// SPDX-License-Identifier: GPL-2.0
/*
 * The policy language (docs/policy-language.md): parser and printer.
 *
 * The input is read line by line.  lex() splits a line into tokens: words,
 * and '{' and '}' which are tokens of their own; '#' starts a comment.  The
 * first token of a line picks the statement: at the top level from
 * top_keywords[] or sections[], inside a section from the section's own
 * table of statements.  Each statement has a function that parses the rest
 * of its line.  Adding a section is adding an entry to sections[] with its
 * statement table, its state in struct parser, and its printer.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caps.h"
#include "policy.h"

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define POLICY_NAME_LEN_MAX	(CTRPOLICY_NAME_MAX - 1)
#define PRINT_WIDTH		72	/* columns of a printed line */
#define TAB_WIDTH		8
#define FILENAME_QUOTE_MAX	200	/* bytes of the file name in a message */
#define TOKEN_QUOTE_MAX		40	/* bytes of a token in a message */
#define QUOTE_BUF		(TOKEN_QUOTE_MAX * 4 + 4)
#define SUGGEST_DISTANCE_MAX	2	/* "did you mean" up to this edit distance */
#define SUGGEST_LEN_MAX		32
#define NAME_LIST_MAX		16

#define NAME_CHARS_HINT	"a policy name is 1 to 63 letters, digits, '.', '_' or '-'"

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
 * line, KW being the keyword's token.  ONCE: at most one per file.
 */
struct keyword {
	const char *name;
	int (*parse)(struct parser *p, struct lexer *lx, const struct token *kw);
	bool once;
};

/*
 * A section "NAME {" ... "}": the statements valid inside, an optional
 * check when it closes, and the printer of its canonical form (the lines
 * between the braces).
 */
struct section {
	const char *name;
	const struct keyword *stmts;
	size_t n_stmts;
	int (*end)(struct parser *p, const struct token *close);
	void (*print)(FILE *f, const struct policy *pol);
};

static int parse_policy(struct parser *p, struct lexer *lx,
			const struct token *kw);
static int parse_mode(struct parser *p, struct lexer *lx,
		      const struct token *kw);
static int parse_cap_allow(struct parser *p, struct lexer *lx,
			   const struct token *kw);
static int parse_cap_deny(struct parser *p, struct lexer *lx,
			  const struct token *kw);
static void print_caps(FILE *f, const struct policy *pol);

enum { KW_POLICY, KW_MODE, KW_COUNT };

static const struct keyword top_keywords[KW_COUNT] = {
	[KW_POLICY] = { "policy", parse_policy, true },
	[KW_MODE] = { "mode", parse_mode, true },
};

static const struct keyword cap_stmts[] = {
	{ "allow", parse_cap_allow, false },
	{ "deny", parse_cap_deny, false },
};

static const struct section sections[] = {
	{ "capabilities", cap_stmts, ARRAY_SIZE(cap_stmts), NULL, print_caps },
};

static const struct {
	const char *name;
	enum ctrpolicy_mode mode;
} modes[] = {
	{ "enforce", CTRPOLICY_MODE_ENFORCE },
	{ "audit", CTRPOLICY_MODE_AUDIT },
};

struct parser {
	const char *file;
	struct policy_error *err;
	struct policy pol;
	/* Line of the first of each statement and section, 0 if none yet. */
	unsigned int keyword_line[ARRAY_SIZE(top_keywords)];
	unsigned int section_line[ARRAY_SIZE(sections)];
	const struct section *open;	/* the section being parsed */
	unsigned int open_line;
	unsigned int eof_line, eof_col;	/* just past the last byte */
	unsigned int err_line, err_col;	/* of the error reported */
	struct {
		unsigned int statements;
		unsigned int none_line;	/* of "allow none" */
	} caps;
};

/* ---- messages ------------------------------------------------------------ */

/* TEXT as it may appear in a message: control bytes escaped, truncated. */
static const char *quote(char *buf, const char *text, size_t len)
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

/* KIND is "error" or "hint". */
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
static int __attribute__((format(printf, 3, 4)))
file_error(struct policy_error *err, const char *file, const char *fmt, ...)
{
	va_list ap;

	err->msg[0] = '\0';
	va_start(ap, fmt);
	err_vline(err, file, 0, 0, "error", fmt, ap);
	va_end(ap);
	return -1;
}

/* The error at LINE:COL; a hint() may follow.  Returns -1. */
static int __attribute__((format(printf, 4, 5)))
error_at(struct parser *p, unsigned int line, unsigned int col,
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

/* A hint at the position of the error just reported. */
static void __attribute__((format(printf, 2, 3)))
hint(struct parser *p, const char *fmt, ...)
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

/* The closest candidate to a misspelt word, first best in offer order. */
struct suggestion {
	const char *word;
	size_t len;
	const char *best;
	unsigned int distance;
};

static void suggest_init(struct suggestion *s, const char *word, size_t len)
{
	s->word = word;
	s->len = len;
	s->best = NULL;
	s->distance = SUGGEST_DISTANCE_MAX + 1;
}

static void suggest_offer(struct suggestion *s, const char *candidate)
{
	unsigned int d = edit_distance(s->word, s->len, candidate,
				       strlen(candidate));

	/* A word wholly replaced is no typo ("ab" is not "bpf"). */
	if (d < s->distance && d < s->len) {
		s->best = candidate;
		s->distance = d;
	}
}

/* The names valid at some place, for suggestions and hints. */
struct name_list {
	const char *names[NAME_LIST_MAX];
	size_t n;
};

static void list_add(struct name_list *l, const char *name)
{
	if (l->n < NAME_LIST_MAX)
		l->names[l->n++] = name;
}

static void list_add_keywords(struct name_list *l, const struct keyword *k,
			      size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		list_add(l, k[i].name);
}

static void list_add_sections(struct name_list *l)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sections); i++)
		list_add(l, sections[i].name);
}

static const char *list_closest(const struct name_list *l,
				const struct token *t)
{
	struct suggestion s;
	size_t i;

	suggest_init(&s, t->s, t->len);
	for (i = 0; i < l->n; i++)
		suggest_offer(&s, l->names[i]);
	return s.best;
}

/* "unknown WHAT 'word'[ in section 'x'][; did you mean 'y'?]" */
static int error_unknown(struct parser *p, const struct token *t,
			 const char *what, const char *where,
			 const struct name_list *valid)
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

static void hint_valid(struct parser *p, const char *what,
		       const struct name_list *l)
{
	char buf[256] = "";
	size_t i, len = 0;

	for (i = 0; i < l->n && len < sizeof(buf); i++)
		len += snprintf(buf + len, sizeof(buf) - len, "%s%s",
				i ? ", " : "", l->names[i]);
	hint(p, "valid %s: %s", what, buf);
}

/* ---- lexer ---------------------------------------------------------------- */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static bool is_punct(char c)
{
	return c == '{' || c == '}';
}

/*
 * The next token of the line into *T: false at the end of the line, *T
 * then being empty at the end of the line.
 */
static bool lex(struct lexer *lx, struct token *t)
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

static bool tok_is(const struct token *t, const char *word)
{
	return strlen(word) == t->len && !memcmp(t->s, word, t->len);
}

static bool tok_is_nocase(const struct token *t, const char *word)
{
	return strlen(word) == t->len && !strncasecmp(t->s, word, t->len);
}

/* The column just after token T, where a missing token belongs. */
static unsigned int col_after(const struct token *t)
{
	return t->col + t->len;
}

/* A '{' or '}' where it does not belong. */
static int error_punct(struct parser *p, const struct token *t)
{
	error_at(p, t->line, t->col, "unexpected '%c'", *t->s);
	if (*t->s == '}')
		hint(p, "'}' closes a section and must be alone on its line");
	else
		hint(p, "'{' must end the first line of a section, as in '%s {'",
		     sections[0].name);
	return -1;
}

/* Nothing but a comment may follow on the line; AFTER names what precedes. */
static int expect_end(struct parser *p, struct lexer *lx, const char *after)
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

/* ---- top-level statements ------------------------------------------------- */

static bool is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

static int parse_policy(struct parser *p, struct lexer *lx,
			const struct token *kw)
{
	char q[QUOTE_BUF];
	struct token t;
	size_t i;

	if (!lex(lx, &t)) {
		error_at(p, kw->line, col_after(kw),
			 "expected a policy name after 'policy'");
		hint(p, NAME_CHARS_HINT);
		return -1;
	}
	for (i = 0; i < t.len; i++) {
		if (!is_name_char(t.s[i])) {
			error_at(p, t.line, t.col + i,
				 "invalid character '%s' in policy name",
				 quote(q, t.s + i, 1));
			hint(p, NAME_CHARS_HINT);
			return -1;
		}
	}
	if (t.len > POLICY_NAME_LEN_MAX) {
		error_at(p, t.line, t.col,
			 "policy name is %zu characters long; the limit is %d",
			 t.len, POLICY_NAME_LEN_MAX);
		hint(p, NAME_CHARS_HINT);
		return -1;
	}
	memcpy(p->pol.name, t.s, t.len);
	p->pol.name[t.len] = '\0';
	return expect_end(p, lx, "the policy name");
}

static int parse_mode(struct parser *p, struct lexer *lx,
		      const struct token *kw)
{
	struct name_list valid = { .n = 0 };
	struct token t;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(modes); i++)
		list_add(&valid, modes[i].name);
	if (!lex(lx, &t)) {
		error_at(p, kw->line, col_after(kw),
			 "expected a mode after 'mode'");
		hint_valid(p, "modes", &valid);
		return -1;
	}
	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		if (tok_is(&t, modes[i].name)) {
			p->pol.mode = modes[i].mode;
			return expect_end(p, lx, "the mode");
		}
	}
	if (is_punct(*t.s))
		return error_punct(p, &t);
	error_unknown(p, &t, "mode", NULL, &valid);
	hint_valid(p, "modes", &valid);
	return -1;
}

/* ---- section capabilities ------------------------------------------------- */

/* The capabilities word T names, into *MASK: a name or "all". */
static int parse_cap_word(struct parser *p, const struct token *t,
			  uint64_t *mask)
{
	struct suggestion s;
	char q[QUOTE_BUF];
	const char *name;
	unsigned int i;
	int cap;

	if (is_punct(*t->s))
		return error_punct(p, t);
	if (tok_is_nocase(t, "all")) {
		*mask = CAP_MASK_KNOWN;
		return 0;
	}
	cap = cap_from_name(t->s, t->len);
	if (cap >= 0) {
		*mask = 1ULL << cap;
		return 0;
	}
	if (t->len > 4 && !strncasecmp(t->s, "cap_", 4))
		suggest_init(&s, t->s + 4, t->len - 4);
	else
		suggest_init(&s, t->s, t->len);
	for (i = 0; (name = cap_name(i)); i++)
		suggest_offer(&s, name);
	suggest_offer(&s, "all");
	suggest_offer(&s, "none");
	if (s.best)
		return error_at(p, t->line, t->col,
				"unknown capability '%s'; did you mean '%s'?",
				quote(q, t->s, t->len), s.best);
	error_at(p, t->line, t->col, "unknown capability '%s'",
		 quote(q, t->s, t->len));
	hint(p, "capabilities are named as in capabilities(7), e.g. 'net_admin' or 'CAP_NET_ADMIN', or 'all'");
	return -1;
}

/* "allow CAP..." and "deny CAP...", applied in order to the set. */
static int parse_cap_stmt(struct parser *p, struct lexer *lx,
			  const struct token *kw, bool allow)
{
	uint64_t set = 0, mask = 0;
	struct token t, extra;
	bool any = false;

	if (p->caps.none_line)
		return error_at(p, kw->line, kw->col,
				"no statement may follow 'allow none' (line %u) in section 'capabilities'",
				p->caps.none_line);
	while (lex(lx, &t)) {
		if (tok_is_nocase(&t, "none")) {
			if (!allow || any || lex(lx, &extra))
				return error_at(p, t.line, t.col,
						"'none' is only valid alone on an 'allow' line");
			if (p->caps.statements)
				return error_at(p, t.line, t.col,
						"'allow none' must be the only statement of section 'capabilities'");
			p->caps.none_line = t.line;
			any = true;
			break;
		}
		if (parse_cap_word(p, &t, &mask))
			return -1;
		set |= mask;
		any = true;
	}
	if (!any) {
		error_at(p, kw->line, col_after(kw),
			 "expected a capability name after '%.*s'",
			 (int)kw->len, kw->s);
		if (allow)
			hint(p, "'allow none' states that no capability is allowed");
		return -1;
	}
	p->caps.statements++;
	if (allow)
		p->pol.caps |= set;
	else
		p->pol.caps &= ~set;
	return 0;
}

static int parse_cap_allow(struct parser *p, struct lexer *lx,
			   const struct token *kw)
{
	return parse_cap_stmt(p, lx, kw, true);
}

static int parse_cap_deny(struct parser *p, struct lexer *lx,
			  const struct token *kw)
{
	return parse_cap_stmt(p, lx, kw, false);
}

/*
 * "allow all", "allow none", or the capabilities in number order on
 * "allow" lines of at most PRINT_WIDTH columns.
 */
static void print_caps(FILE *f, const struct policy *pol)
{
	uint64_t caps = pol->caps & CAP_MASK_KNOWN;
	unsigned int cap, col = 0;
	const char *name;

	if (caps == CAP_MASK_KNOWN) {
		fputs("\tallow all\n", f);
		return;
	}
	if (!caps) {
		fputs("\tallow none\n", f);
		return;
	}
	for (cap = 0; (name = cap_name(cap)); cap++) {
		if (!(caps & (1ULL << cap)))
			continue;
		if (col && col + 1 + strlen(name) > PRINT_WIDTH) {
			fputc('\n', f);
			col = 0;
		}
		if (!col) {
			fputs("\tallow", f);
			col = TAB_WIDTH + strlen("allow");
		}
		fprintf(f, " %s", name);
		col += 1 + strlen(name);
	}
	fputc('\n', f);
}

/* ---- lines ---------------------------------------------------------------- */

static const struct keyword *find_keyword(const struct keyword *k, size_t n,
					  const struct token *t)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (tok_is(t, k[i].name))
			return &k[i];
	}
	return NULL;
}

static const struct section *find_section(const struct token *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sections); i++) {
		if (tok_is(t, sections[i].name))
			return &sections[i];
	}
	return NULL;
}

static int open_section(struct parser *p, struct lexer *lx,
			const struct token *t, const struct section *sec)
{
	unsigned int *first = &p->section_line[sec - sections];
	char q[QUOTE_BUF];
	struct token next;

	if (*first)
		return error_at(p, t->line, t->col,
				"duplicate section '%s' (first at line %u)",
				sec->name, *first);
	if (!lex(lx, &next)) {
		error_at(p, t->line, col_after(t), "expected '{' after '%s'",
			 sec->name);
		hint(p, "a section opens with '{' at the end of its first line: '%s {'",
		     sec->name);
		return -1;
	}
	if (!tok_is(&next, "{"))
		return error_at(p, next.line, next.col,
				"expected '{' after '%s', found '%s'",
				sec->name, quote(q, next.s, next.len));
	if (lex(lx, &next)) {
		error_at(p, next.line, next.col, "unexpected '%s' after '{'",
			 quote(q, next.s, next.len));
		hint(p, "the statements of a section and its closing '}' go on lines of their own");
		return -1;
	}
	*first = t->line;
	p->open = sec;
	p->open_line = t->line;
	return 0;
}

static int parse_top_line(struct parser *p, struct lexer *lx,
			  const struct token *t)
{
	struct name_list valid = { .n = 0 };
	const struct section *sec;
	const struct keyword *kw;
	unsigned int *first;
	struct token next;

	if (is_punct(*t->s)) {
		if (*t->s == '}')
			return error_at(p, t->line, t->col,
					"unexpected '}' outside a section");
		return error_punct(p, t);
	}
	kw = find_keyword(top_keywords, ARRAY_SIZE(top_keywords), t);
	if (kw) {
		first = &p->keyword_line[kw - top_keywords];
		if (kw->once && *first)
			return error_at(p, t->line, t->col,
					"duplicate '%s' statement (first at line %u)",
					kw->name, *first);
		if (!*first)
			*first = t->line;
		return kw->parse(p, lx, t);
	}
	sec = find_section(t);
	if (sec)
		return open_section(p, lx, t, sec);
	if (lex(lx, &next) && tok_is(&next, "{")) {
		list_add_sections(&valid);
		error_unknown(p, t, "section", NULL, &valid);
		hint_valid(p, "sections", &valid);
		return -1;
	}
	list_add_keywords(&valid, top_keywords, ARRAY_SIZE(top_keywords));
	list_add_sections(&valid);
	error_unknown(p, t, "keyword", NULL, &valid);
	hint_valid(p, "keywords", &valid);
	return -1;
}

static int parse_section_line(struct parser *p, struct lexer *lx,
			      const struct token *t)
{
	const struct section *sec = p->open;
	struct name_list valid = { .n = 0 };
	const struct keyword *kw;
	char what[64];

	if (tok_is(t, "}")) {
		if (expect_end(p, lx, "'}'"))
			return -1;
		if (sec->end && sec->end(p, t))
			return -1;
		p->open = NULL;
		return 0;
	}
	kw = find_keyword(sec->stmts, sec->n_stmts, t);
	if (kw)
		return kw->parse(p, lx, t);
	if (is_punct(*t->s)) {
		error_at(p, t->line, t->col, "unexpected '{'");
		hint(p, "sections cannot be nested");
		return -1;
	}
	if (find_keyword(top_keywords, ARRAY_SIZE(top_keywords), t) ||
	    find_section(t)) {
		error_at(p, t->line, t->col,
			 "'%.*s' is not valid inside section '%s'",
			 (int)t->len, t->s, sec->name);
		hint(p, "close section '%s' (opened at line %u) with '}' first",
		     sec->name, p->open_line);
		return -1;
	}
	list_add_keywords(&valid, sec->stmts, sec->n_stmts);
	error_unknown(p, t, "statement", sec->name, &valid);
	snprintf(what, sizeof(what), "statements in section '%s'", sec->name);
	hint_valid(p, what, &valid);
	return -1;
}

static int parse_line(struct parser *p, struct lexer *lx)
{
	struct token t;

	if (!lex(lx, &t))
		return 0;
	if (p->open)
		return parse_section_line(p, lx, &t);
	return parse_top_line(p, lx, &t);
}

static int parse_end(struct parser *p)
{
	if (p->open) {
		error_at(p, p->eof_line, p->eof_col,
			 "unterminated section '%s' opened at line %u",
			 p->open->name, p->open_line);
		hint(p, "close it with '}' on a line of its own");
		return -1;
	}
	if (!p->keyword_line[KW_POLICY]) {
		error_at(p, 1, 1, "missing 'policy NAME' statement");
		hint(p, "every policy file names its policy, as in 'policy web-frontend'");
		return -1;
	}
	return 0;
}

/* The position of byte OFFSET of TEXT, which must exist. */
static void position_of(const char *text, size_t offset, unsigned int *line,
			unsigned int *col)
{
	size_t i, line_start = 0;

	*line = 1;
	for (i = 0; i < offset; i++) {
		if (text[i] == '\n') {
			(*line)++;
			line_start = i + 1;
		}
	}
	*col = offset - line_start + 1;
}

int policy_parse_buffer(const char *filename, const char *text, size_t len,
			struct policy *out, struct policy_error *err)
{
	struct parser p;
	struct lexer lx;
	size_t pos = 0, end, check;
	unsigned int line = 1, col;
	const char *nl, *nul;

	memset(&p, 0, sizeof(p));
	p.file = filename ? filename : "<input>";
	p.err = err;
	p.pol.mode = CTRPOLICY_MODE_ENFORCE;
	p.eof_line = 1;
	p.eof_col = 1;
	err->msg[0] = '\0';

	if (len > POLICY_FILE_MAX) {
		position_of(text, POLICY_FILE_MAX, &line, &col);
		return error_at(&p, line, col,
				"file larger than %d bytes (1 MiB)",
				POLICY_FILE_MAX);
	}
	for (; pos < len; pos = end + 1, line++) {
		nl = memchr(text + pos, '\n', len - pos);
		end = nl ? (size_t)(nl - text) : len;
		check = end - pos < POLICY_LINE_MAX ? end - pos : POLICY_LINE_MAX;
		nul = memchr(text + pos, '\0', check);
		if (nul)
			return error_at(&p, line, nul - (text + pos) + 1,
					"NUL byte in input");
		if (end - pos > POLICY_LINE_MAX)
			return error_at(&p, line, POLICY_LINE_MAX + 1,
					"line longer than %d bytes",
					POLICY_LINE_MAX);
		lx.s = text + pos;
		lx.len = end - pos;
		lx.pos = 0;
		lx.line = line;
		if (parse_line(&p, &lx))
			return -1;
		p.eof_line = line;
		p.eof_col = end - pos + 1;
	}
	if (parse_end(&p))
		return -1;
	*out = p.pol;
	return 0;
}

int policy_parse_file(const char *path, struct policy *out,
		      struct policy_error *err)
{
	bool is_stdin = !strcmp(path, "-");
	const char *name = is_stdin ? "<stdin>" : path;
	size_t len;
	char *buf;
	FILE *f;
	int ret;

	f = is_stdin ? stdin : fopen(path, "r");
	if (!f)
		return file_error(err, name, "cannot open: %s", strerror(errno));
	buf = malloc(POLICY_FILE_MAX + 1);
	if (!buf) {
		if (!is_stdin)
			fclose(f);
		return file_error(err, name, "out of memory");
	}
	/* One byte more than the limit tells a file that is too large. */
	len = fread(buf, 1, POLICY_FILE_MAX + 1, f);
	if (ferror(f)) {
		ret = file_error(err, name, "cannot read: %s", strerror(errno));
	} else {
		ret = policy_parse_buffer(name, buf, len, out, err);
	}
	if (!is_stdin)
		fclose(f);
	free(buf);
	return ret;
}

/* ---- printer -------------------------------------------------------------- */

const char *policy_mode_name(enum ctrpolicy_mode mode)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(modes); i++) {
		if (modes[i].mode == mode)
			return modes[i].name;
	}
	return "unknown";
}

void policy_print(FILE *f, const struct policy *p)
{
	size_t i;

	fprintf(f, "policy %.*s\n", CTRPOLICY_NAME_MAX - 1, p->name);
	fprintf(f, "mode %s\n", policy_mode_name(p->mode));
	for (i = 0; i < ARRAY_SIZE(sections); i++) {
		fprintf(f, "\n%s {\n", sections[i].name);
		sections[i].print(f, p);
		fputs("}\n", f);
	}
}

bool policy_equal(const struct policy *a, const struct policy *b)
{
	return !strncmp(a->name, b->name, sizeof(a->name)) &&
	       a->mode == b->mode && a->caps == b->caps;
}
