// SPDX-License-Identifier: GPL-2.0
/*
 * The policy language (docs/policy-language.md): the top of its parser
 * and printer, which dispatches to the sections.
 *
 * The input is read line by line and split into tokens by lex() (lex.c);
 * messages are diag.c's.  The first token of a line picks the statement:
 * at the top level from top_keywords[] ("policy", "mode", and "include" of
 * policy_files.c) or sections[], inside a section from the section's own
 * table of statements.  Each statement has a function that parses the
 * rest of its line.  Each section is a file that exports its struct
 * section (policy_caps.c, policy_mount.c, policy_net.c, policy_events.c):
 * adding one is
 * adding that file, its state in struct parser, and an entry in
 * sections[], through which the policy is also printed, compared and
 * freed.
 */
#include <stdio.h>
#include <string.h>

#include "policy.h"
#include "policy_parse.h"

#define POLICY_NAME_LEN_MAX	(CTRPOLICY_NAME_MAX - 1)

#define NAME_CHARS_HINT	"a policy name is 1 to 63 letters, digits, '.', '_' or '-'"

static int parse_policy(struct parser *p, struct lexer *lx,
			const struct token *kw);
static int parse_mode(struct parser *p, struct lexer *lx,
		      const struct token *kw);

static const struct keyword top_keywords[KW_COUNT] = {
	[KW_POLICY] = { "policy", parse_policy, true },
	[KW_MODE] = { "mode", parse_mode, true },
	[KW_INCLUDE] = { "include", parse_include, false },
};

/* In the order they are printed in. */
static const struct section *const sections[SECTION_COUNT] = {
	[SECTION_CAPS] = &caps_section,
	[SECTION_MOUNT] = &mount_section,
	[SECTION_NETWORK] = &net_section,
	[SECTION_EVENTS] = &events_section,
};

static const struct {
	const char *name;
	enum ctrpolicy_mode mode;
} modes[] = {
	{ "enforce", CTRPOLICY_MODE_ENFORCE },
	{ "audit", CTRPOLICY_MODE_AUDIT },
	{ "learn", CTRPOLICY_MODE_LEARN },
};

#define LEARN_SIZE_HINT	"a learned set holds 1 to 16384 requests, as in 'mode learn size 4096'"

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

/* What may follow "mode learn": "size N". */
static int parse_learn_size(struct parser *p, struct lexer *lx,
			    const struct token *mode)
{
	unsigned long n = 0;
	char q[QUOTE_BUF];
	struct token t;
	size_t i;

	if (!lex(lx, &t))
		return 0;
	if (!tok_is(&t, "size")) {
		error_at(p, t.line, t.col, "unexpected '%s' after '%.*s'",
			 quote(q, t.s, t.len), (int)mode->len, mode->s);
		hint(p, LEARN_SIZE_HINT);
		return -1;
	}
	if (!lex(lx, &t)) {
		error_at(p, t.line, col_after(&t), "expected a number after 'size'");
		hint(p, LEARN_SIZE_HINT);
		return -1;
	}
	for (i = 0; i < t.len && t.s[i] >= '0' && t.s[i] <= '9' &&
		    n <= CTRPOLICY_LEARN_SIZE_MAX; i++)
		n = n * 10 + (t.s[i] - '0');
	if (i < t.len || !n || n > CTRPOLICY_LEARN_SIZE_MAX) {
		error_at(p, t.line, t.col, "invalid learn size '%s'",
			 quote(q, t.s, t.len));
		hint(p, LEARN_SIZE_HINT);
		return -1;
	}
	p->pol.learn_size = n;
	return expect_end(p, lx, "the learn size");
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
			if (p->pol.mode == CTRPOLICY_MODE_LEARN)
				return parse_learn_size(p, lx, &t);
			return expect_end(p, lx, "the mode");
		}
	}
	if (is_punct(*t.s))
		return error_punct(p, &t);
	error_unknown(p, &t, "mode", NULL, &valid);
	hint_valid(p, "modes", &valid);
	return -1;
}

/* ---- lines ---------------------------------------------------------------- */

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
		list_add(l, sections[i]->name);
}

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

/* The index in sections[] of the section T names, or -1. */
static int find_section(const struct token *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sections); i++) {
		if (tok_is(t, sections[i]->name))
			return i;
	}
	return -1;
}

/* The line "NAME {" that opens sections[INDEX], T being its NAME. */
static int open_section(struct parser *p, struct lexer *lx,
			const struct token *t, int index)
{
	const struct section *sec = sections[index];
	unsigned int *first = &p->section_line[index];
	const char **first_file = &p->section_file[index];
	char q[QUOTE_BUF];
	struct token next;

	if (*first && *first_file == p->file)
		return error_at(p, t->line, t->col,
				"duplicate section '%s' (first at line %u)",
				sec->name, *first);
	if (*first)
		return error_at(p, t->line, t->col,
				"duplicate section '%s' (first at %s:%u)",
				sec->name, *first_file, *first);
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
	*first_file = p->file;
	p->open = sec;
	p->open_line = t->line;
	return 0;
}

static int parse_top_line(struct parser *p, struct lexer *lx,
			  const struct token *t)
{
	struct name_list valid = { .n = 0 };
	const struct keyword *kw;
	unsigned int *first;
	struct token next;
	int section;

	if (is_punct(*t->s)) {
		if (*t->s == '}')
			return error_at(p, t->line, t->col,
					"unexpected '}' outside a section");
		return error_punct(p, t);
	}
	kw = find_keyword(top_keywords, ARRAY_SIZE(top_keywords), t);
	if (kw && kw->once && p->inc.depth) {
		error_at(p, t->line, t->col,
			 "'%s' is not allowed in an included file", kw->name);
		hint(p, "an included file holds sections and include statements; 'policy' and 'mode' belong to the file that is loaded");
		return -1;
	}
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
	section = find_section(t);
	if (section >= 0)
		return open_section(p, lx, t, section);
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
	    find_section(t) >= 0) {
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

int parse_text(struct parser *p, const char *text, size_t len)
{
	/* Just past the last byte. */
	unsigned int line = 1, col, eof_line = 1, eof_col = 1;
	size_t pos = 0, end, check;
	const char *nl, *nul;
	struct lexer lx;

	if (len > POLICY_FILE_MAX) {
		position_of(text, POLICY_FILE_MAX, &line, &col);
		return error_at(p, line, col, "file larger than %d bytes (1 MiB)",
				POLICY_FILE_MAX);
	}
	for (; pos < len; pos = end + 1, line++) {
		nl = memchr(text + pos, '\n', len - pos);
		end = nl ? (size_t)(nl - text) : len;
		check = end - pos < POLICY_LINE_MAX ? end - pos : POLICY_LINE_MAX;
		nul = memchr(text + pos, '\0', check);
		if (nul)
			return error_at(p, line, nul - (text + pos) + 1,
					"NUL byte in input");
		if (end - pos > POLICY_LINE_MAX)
			return error_at(p, line, POLICY_LINE_MAX + 1,
					"line longer than %d bytes", POLICY_LINE_MAX);
		lx.s = text + pos;
		lx.len = end - pos;
		lx.pos = 0;
		lx.line = line;
		if (parse_line(p, &lx))
			return -1;
		eof_line = line;
		eof_col = end - pos + 1;
	}
	if (p->open) {
		error_at(p, eof_line, eof_col,
			 "unterminated section '%s' opened at line %u",
			 p->open->name, p->open_line);
		hint(p, "close it with '}' on a line of its own");
		return -1;
	}
	return 0;
}

int policy_parse_source(const char *filename, const char *text, size_t len,
			const struct policy_source *source, struct policy *out,
			struct policy_error *err)
{
	struct parser p;
	int ret;

	memset(&p, 0, sizeof(p));
	p.file = filename ? filename : "<input>";
	p.err = err;
	p.pol.mode = CTRPOLICY_MODE_ENFORCE;
	p.pol.mount_default = CTRPOLICY_ACTION_DENY;
	p.pol.net_default = CTRPOLICY_ACTION_DENY;
	p.pol.event_rate = CTRPOLICY_EVENT_RATE_DEFAULT;
	p.pol.event_burst = CTRPOLICY_EVENT_BURST_DEFAULT;
	p.inc.source = source;
	p.inc.files[0] = p.file;
	err->msg[0] = '\0';

	ret = parse_text(&p, text, len);
	if (!ret)
		ret = parse_end(&p);
	include_free(&p);
	if (ret) {
		policy_free(&p.pol);
		return -1;
	}
	*out = p.pol;
	return 0;
}

int policy_parse_buffer(const char *filename, const char *text, size_t len,
			struct policy *out, struct policy_error *err)
{
	return policy_parse_source(filename, text, len, &policy_source_files,
				   out, err);
}

/* ---- printer -------------------------------------------------------------- */

uint32_t policy_learn_size(const struct policy *p)
{
	if (p->mode != CTRPOLICY_MODE_LEARN)
		return 0;
	return p->learn_size ? p->learn_size : CTRPOLICY_LEARN_SIZE_DEFAULT;
}

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
	fprintf(f, "mode %s", policy_mode_name(p->mode));
	if (p->mode == CTRPOLICY_MODE_LEARN && p->learn_size &&
	    p->learn_size != CTRPOLICY_LEARN_SIZE_DEFAULT)
		fprintf(f, " size %u", p->learn_size);
	fputc('\n', f);
	for (i = 0; i < ARRAY_SIZE(sections); i++) {
		if (sections[i]->omitted && sections[i]->omitted(p))
			continue;
		fprintf(f, "\n%s {\n", sections[i]->name);
		sections[i]->print(f, p);
		fputs("}\n", f);
	}
}

bool policy_equal(const struct policy *a, const struct policy *b)
{
	size_t i;

	if (strncmp(a->name, b->name, sizeof(a->name)) || a->mode != b->mode ||
	    policy_learn_size(a) != policy_learn_size(b))
		return false;
	for (i = 0; i < ARRAY_SIZE(sections); i++) {
		if (!sections[i]->equal(a, b))
			return false;
	}
	return true;
}

void policy_free(struct policy *p)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(sections); i++) {
		if (sections[i]->free_rules)
			sections[i]->free_rules(p);
	}
}
