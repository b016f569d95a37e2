// SPDX-License-Identifier: GPL-2.0
/*
 * The policy language (docs/policy-language.md): parser and printer.
 *
 * The input is read line by line and split into tokens by lex() (lex.c);
 * messages and suggestions are diag.c's.  The first token of a line picks
 * the statement: at the top level from top_keywords[] or sections[],
 * inside a section from the section's own table of statements.  Each
 * statement has a function that parses the rest of its line.  Adding a
 * section is adding an entry to sections[] with its statement table, its
 * state in struct parser, and its printer.  What the files of the language
 * share is in policy_parse.h; a large section has a file of its own
 * (policy_net.c), and so have files and include (policy_files.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caps.h"
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
};

static const char *const mount_ops[CTRPOLICY_MOUNT_OP_MAX + 1] = {
	[CTRPOLICY_MOUNT_OP_MOUNT] = "mount",
	[CTRPOLICY_MOUNT_OP_BIND] = "bind",
	[CTRPOLICY_MOUNT_OP_REMOUNT] = "remount",
	[CTRPOLICY_MOUNT_OP_MOVE] = "move",
	[CTRPOLICY_MOUNT_OP_UMOUNT] = "umount",
	[CTRPOLICY_MOUNT_OP_PIVOT_ROOT] = "pivot_root",
	[CTRPOLICY_MOUNT_OP_PROPAGATION] = "propagation",
};

/* In bit order, which is the order they are printed in. */
static const struct {
	const char *name;
	uint32_t flag;
} mount_flags[] = {
	{ "ro", CTRPOLICY_MOUNT_F_RDONLY },
	{ "nosuid", CTRPOLICY_MOUNT_F_NOSUID },
	{ "nodev", CTRPOLICY_MOUNT_F_NODEV },
	{ "noexec", CTRPOLICY_MOUNT_F_NOEXEC },
	{ "shared", CTRPOLICY_MOUNT_F_SHARED },
	{ "private", CTRPOLICY_MOUNT_F_PRIVATE },
	{ "slave", CTRPOLICY_MOUNT_F_SLAVE },
	{ "unbindable", CTRPOLICY_MOUNT_F_UNBINDABLE },
};

/* The clauses of a mount rule, in the order they must come in. */
enum clause { CL_FSTYPE, CL_FROM, CL_TARGET, CL_REQUIRE, CL_FORBID, CL_COUNT };

static const struct {
	const char *name;
	enum clause clause;
} clause_words[] = {
	{ "from", CL_FROM },
	{ "on", CL_TARGET },
	{ "to", CL_TARGET },
	{ "require", CL_REQUIRE },
	{ "forbid", CL_FORBID },
};

#define MOUNT_RULE_HINT \
	"a mount rule is: allow|deny OP [FSTYPE] [from SOURCE] [on|to TARGET] [require FLAGS] [forbid FLAGS]"
#define FSTYPE_CHARS_HINT \
	"a file system type is 1 to 63 of: a-z 0-9 . _ - (as in /proc/filesystems)"

static const struct {
	const char *name;
	enum ctrpolicy_mode mode;
} modes[] = {
	{ "enforce", CTRPOLICY_MODE_ENFORCE },
	{ "audit", CTRPOLICY_MODE_AUDIT },
};

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

/* ---- section mount -------------------------------------------------------- */

static bool is_fstype_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
	       c == '_' || c == '-';
}

/* The clause a keyword token starts, or -1. */
static int clause_of(const struct token *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(clause_words); i++) {
		if (tok_is(t, clause_words[i].name))
			return clause_words[i].clause;
	}
	return -1;
}

/* The clause keyword closest to a misspelt T, or NULL. */
static const char *clause_closest(const struct token *t)
{
	struct name_list l = { .n = 0 };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(clause_words); i++)
		list_add(&l, clause_words[i].name);
	return list_closest(&l, t);
}

static void list_add_mount_flags(struct name_list *l)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(mount_flags); i++)
		list_add(l, mount_flags[i].name);
}

/* PATH without its empty and '.' components and trailing '/', into OUT. */
static void path_tidy(const char *path, char *out)
{
	size_t i = 0, n = 0, end;

	while (path[i]) {
		while (path[i] == '/')
			i++;
		for (end = i; path[end] && path[end] != '/'; end++)
			;
		if (end > i && !(end - i == 1 && path[i] == '.')) {
			out[n++] = '/';
			memcpy(out + n, path + i, end - i);
			n += end - i;
		}
		i = end;
	}
	if (!n)
		out[n++] = '/';
	out[n] = '\0';
}

/*
 * Check the absolute path PATH of LEN bytes, the text of token T, for a
 * rule: no empty, '.' or '..' component, no trailing '/', a '*' only as a
 * last component.  WHAT is "target" or "source".
 */
static int check_path(struct parser *p, const struct token *t,
		      const char *path, size_t len, const char *what)
{
	char q[QUOTE_BUF], tidy[CTRPOLICY_PATH_MAX];
	size_t i, end;
	const char *star;

	if (path[0] != '/') {
		error_at(p, t->line, t->col, "the %s '%s' is not an absolute path",
			 what, quote(q, path, len));
		hint(p, "paths in rules start with '/'");
		return -1;
	}
	for (i = 1; i <= len; i = end + 1) {
		for (end = i; end < len && path[end] != '/'; end++)
			;
		if (end == i) {
			if (len == 1)
				return 0;	/* "/" */
			path_tidy(path, tidy);
			if (end == len)
				error_at(p, t->line, text_col(t, i - 1),
					 "trailing '/' in a path");
			else
				error_at(p, t->line, text_col(t, i),
					 "empty path component ('//')");
			hint(p, "write it as '%s'", quote(q, tidy, strlen(tidy)));
			return -1;
		}
		if (end - i == 1 && path[i] == '.') {
			path_tidy(path, tidy);
			error_at(p, t->line, text_col(t, i),
				 "'.' is not allowed in a path");
			hint(p, "write it as '%s'", quote(q, tidy, strlen(tidy)));
			return -1;
		}
		if (end - i == 2 && path[i] == '.' && path[i + 1] == '.') {
			error_at(p, t->line, text_col(t, i),
				 "'..' is not allowed in a path");
			hint(p, "rules match paths as the kernel resolves them, which have no '..'");
			return -1;
		}
		star = memchr(path + i, '*', end - i);
		if (star && (end - i != 1 || end != len)) {
			error_at(p, t->line, text_col(t, star - path),
				 "'*' is only valid as the last component of a path");
			hint(p, "'/mnt/*' matches every path below /mnt, '/*' every path");
			return -1;
		}
	}
	return 0;
}

/* The flag list of token T ("ro,nodev") into *FLAGS; REQUIRED for forbid. */
static int parse_mount_flags(struct parser *p, const struct token *t,
			     uint32_t required, uint32_t *flags)
{
	struct name_list valid = { .n = 0 };
	char q[QUOTE_BUF];
	size_t i = 0, end, f;
	struct token w;

	list_add_mount_flags(&valid);
	*flags = 0;
	for (;;) {
		for (end = i; end < t->len && t->s[end] != ','; end++)
			;
		w = *t;
		w.s = t->s + i;
		w.len = end - i;
		w.col = t->col + i;
		if (!w.len) {
			error_at(p, w.line, w.col, "empty mount flag in '%s'",
				 quote(q, t->s, t->len));
			hint(p, "separate mount flags with commas, without spaces: 'nosuid,nodev'");
			return -1;
		}
		for (f = 0; f < ARRAY_SIZE(mount_flags); f++) {
			if (tok_is(&w, mount_flags[f].name))
				break;
		}
		if (f == ARRAY_SIZE(mount_flags)) {
			error_unknown(p, &w, "mount flag", NULL, &valid);
			hint_valid(p, "mount flags", &valid);
			return -1;
		}
		if (required & mount_flags[f].flag)
			return error_at(p, w.line, w.col,
					"mount flag '%s' is both required and forbidden",
					mount_flags[f].name);
		*flags |= mount_flags[f].flag;
		if (end == t->len)
			return 0;
		i = end + 1;
	}
}

/* A token where a clause keyword or the end of the rule belongs. */
static int error_rule_word(struct parser *p, const struct token *t)
{
	const char *best = clause_closest(t);
	char q[QUOTE_BUF];
	size_t f;

	if (is_punct(*t->s))
		return error_punct(p, t);
	if (best && t->s[0] != '/' && t->s[0] != '"') {
		error_at(p, t->line, t->col,
			 "unknown clause '%s' in a mount rule; did you mean '%s'?",
			 quote(q, t->s, t->len), best);
		hint(p, MOUNT_RULE_HINT);
		return -1;
	}
	error_at(p, t->line, t->col, "unexpected '%s' in a mount rule",
		 quote(q, t->s, t->len));
	for (f = 0; f < ARRAY_SIZE(mount_flags); f++) {
		if (tok_is(t, mount_flags[f].name)) {
			hint(p, "separate mount flags with commas, without spaces: 'nosuid,nodev'");
			return -1;
		}
	}
	if (t->s[0] == '/' || t->s[0] == '"')
		hint(p, "a path follows 'from' (the source) or 'on' or 'to' (the target), as in 'on /data'");
	else
		hint(p, MOUNT_RULE_HINT);
	return -1;
}

static bool op_has_source(uint32_t op)
{
	return op == CTRPOLICY_MOUNT_OP_MOUNT || op == CTRPOLICY_MOUNT_OP_BIND ||
	       op == CTRPOLICY_MOUNT_OP_MOVE ||
	       op == CTRPOLICY_MOUNT_OP_PIVOT_ROOT;
}

/* Whether the source of OP is a path (checked as one), not any word. */
static bool op_source_is_path(uint32_t op)
{
	return op_has_source(op) && op != CTRPOLICY_MOUNT_OP_MOUNT;
}

/* The word FSTYPE after the operation, in token T. */
static int parse_fstype(struct parser *p, const struct token *t,
			struct mount_rule *rule)
{
	char q[QUOTE_BUF];
	size_t i;

	for (i = 0; i < t->len; i++) {
		if (!is_fstype_char(t->s[i])) {
			error_at(p, t->line, t->col + i,
				 "invalid character '%s' in file system type",
				 quote(q, t->s + i, 1));
			hint(p, FSTYPE_CHARS_HINT);
			return -1;
		}
	}
	if (t->len >= CTRPOLICY_FSTYPE_MAX) {
		error_at(p, t->line, t->col,
			 "file system type is %zu characters long; the limit is %d",
			 t->len, CTRPOLICY_FSTYPE_MAX - 1);
		hint(p, FSTYPE_CHARS_HINT);
		return -1;
	}
	memcpy(rule->fstype, t->s, t->len);
	rule->fstype[t->len] = '\0';
	return 0;
}

/* Output that may only be measured: F NULL counts the bytes only. */
struct sink {
	FILE *f;
	size_t len;
};

static void sink_put(struct sink *o, const char *s, size_t n)
{
	if (o->f)
		fwrite(s, 1, n, o->f);
	o->len += n;
}

static void sink_puts(struct sink *o, const char *s)
{
	sink_put(o, s, strlen(s));
}

/* Whether S would not be read back as the same single word. */
static bool needs_quotes(const char *s)
{
	struct token t = { .s = s, .len = strlen(s) };

	if (!*s || *s == '"' || clause_of(&t) >= 0)
		return true;
	for (; *s; s++) {
		if (is_blank(*s) || is_punct(*s) || *s == '#')
			return true;
	}
	return false;
}

/* S as a word: as it is, or quoted with '"' and '\' escaped. */
static void sink_word(struct sink *o, const char *s)
{
	if (!needs_quotes(s)) {
		sink_puts(o, s);
		return;
	}
	sink_put(o, "\"", 1);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			sink_put(o, "\\", 1);
		sink_put(o, s, 1);
	}
	sink_put(o, "\"", 1);
}

static void sink_flags(struct sink *o, const char *clause, uint32_t flags)
{
	const char *sep = " ";
	size_t i;

	if (!flags)
		return;
	sink_puts(o, " ");
	sink_puts(o, clause);
	for (i = 0; i < ARRAY_SIZE(mount_flags); i++) {
		if (flags & mount_flags[i].flag) {
			sink_puts(o, sep);
			sink_puts(o, mount_flags[i].name);
			sep = ",";
		}
	}
}

/* The line of a rule in canonical form, with its tab, without its newline. */
static void sink_rule(struct sink *o, const struct mount_rule *r)
{
	sink_puts(o, "\t");
	sink_puts(o, policy_action_name(r->action));
	sink_puts(o, " ");
	sink_puts(o, policy_mount_op_name(r->op));
	if (r->fstype[0]) {
		sink_puts(o, " ");
		sink_put(o, r->fstype, strnlen(r->fstype, sizeof(r->fstype)));
	}
	if (r->source) {
		sink_puts(o, " from ");
		sink_word(o, r->source);
	}
	if (r->target) {
		sink_puts(o, r->op == CTRPOLICY_MOUNT_OP_MOVE ? " to " : " on ");
		sink_word(o, r->target);
	}
	sink_flags(o, "require", r->require);
	sink_flags(o, "forbid", r->forbid);
}

/* Append RULE, whose strings are in SOURCE and TARGET (NULL: none). */
static int add_mount_rule(struct parser *p, struct mount_rule *rule,
			  const char *source, const char *target)
{
	struct policy *pol = &p->pol;

	if (pol->n_mount_rules == p->mount.cap) {
		size_t cap = p->mount.cap ? 2 * p->mount.cap : 8;
		struct mount_rule *rules = realloc(pol->mount_rules,
						   cap * sizeof(*rules));

		if (!rules)
			return file_error(p->err, p->file, "out of memory");
		pol->mount_rules = rules;
		p->mount.cap = cap;
	}
	rule->source = source ? strdup(source) : NULL;
	rule->target = target ? strdup(target) : NULL;
	if ((source && !rule->source) || (target && !rule->target)) {
		free(rule->source);
		free(rule->target);
		return file_error(p->err, p->file, "out of memory");
	}
	pol->mount_rules[pol->n_mount_rules++] = *rule;
	return 0;
}

/*
 * "allow|deny OP [FSTYPE] [from SOURCE] [on|to TARGET] [require FLAGS]
 * [forbid FLAGS]", each clause at most once and in this order.
 */
static int parse_mount_rule(struct parser *p, struct lexer *lx,
			    const struct token *kw, uint32_t action)
{
	char source[CTRPOLICY_PATH_MAX], target[CTRPOLICY_PATH_MAX];
	struct token t, v, clause_tok[CL_COUNT], next;
	struct name_list valid = { .n = 0 };
	struct mount_rule rule;
	struct lexer ahead;
	bool has_source = false, has_target = false;
	int cl, last = -1;
	char q[QUOTE_BUF];
	struct sink measure = { NULL, 0 };
	size_t len;
	int op;

	if (p->pol.n_mount_rules == CTRPOLICY_MAX_MOUNT_RULES)
		return error_at(p, kw->line, kw->col,
				"too many mount rules; the limit is %d",
				CTRPOLICY_MAX_MOUNT_RULES);
	memset(&rule, 0, sizeof(rule));
	rule.action = action;
	list_add_names(&valid, mount_ops, CTRPOLICY_MOUNT_OP_MOUNT,
		       CTRPOLICY_MOUNT_OP_MAX);
	if (!lex(lx, &t)) {
		error_at(p, kw->line, col_after(kw),
			 "expected a mount operation after '%.*s'",
			 (int)kw->len, kw->s);
		hint_valid(p, "mount operations", &valid);
		return -1;
	}
	if (is_punct(*t.s))
		return error_punct(p, &t);
	op = find_name(mount_ops, CTRPOLICY_MOUNT_OP_MOUNT,
		       CTRPOLICY_MOUNT_OP_MAX, &t);
	if (op < 0) {
		error_unknown(p, &t, "mount operation", NULL, &valid);
		hint_valid(p, "mount operations", &valid);
		return -1;
	}
	rule.op = op;

	if (lex(lx, &t) && !is_punct(*t.s) && clause_of(&t) < 0 &&
	    t.s[0] != '/' && t.s[0] != '"') {
		/* "allow bind form /a on /b": a misspelt clause, no fstype. */
		ahead = *lx;
		if (clause_closest(&t) && lex(&ahead, &next) && clause_of(&next) < 0)
			return error_rule_word(p, &t);
		if (parse_fstype(p, &t, &rule))
			return -1;
		last = CL_FSTYPE;
		clause_tok[CL_FSTYPE] = t;
		lex(lx, &t);	/* t.len is 0 at the end of the line */
	}
	for (; t.len; last = cl, lex(lx, &t)) {
		cl = clause_of(&t);
		if (cl < 0)
			return error_rule_word(p, &t);
		if (cl <= last) {
			if (cl == last) {
				error_at(p, t.line, t.col,
					 "duplicate clause '%.*s' (first at column %u)",
					 (int)t.len, t.s, clause_tok[cl].col);
				if (clause_tok[cl].len != t.len ||
				    memcmp(clause_tok[cl].s, t.s, t.len))
					hint(p, "'on' and 'to' are the same clause");
				return -1;
			}
			error_at(p, t.line, t.col,
				 "clause '%.*s' must come before '%.*s'",
				 (int)t.len, t.s, (int)clause_tok[last].len,
				 clause_tok[last].s);
			hint(p, "the clauses of a mount rule come in this order: FSTYPE, from, on|to, require, forbid");
			return -1;
		}
		clause_tok[cl] = t;
		if (cl == CL_FROM && !op_has_source(rule.op)) {
			error_at(p, t.line, t.col,
				 "'from' is not valid for '%s'",
				 mount_ops[rule.op]);
			hint(p, "remount, umount and propagation have no source: name the mount with 'on'");
			return -1;
		}
		if (!lex(lx, &v) || clause_of(&v) >= 0) {
			error_at(p, t.line, col_after(&t),
				 "expected %s after '%.*s'",
				 cl == CL_FROM ? "a source" :
				 cl == CL_TARGET ? "a target path" : "mount flags",
				 (int)t.len, t.s);
			if (cl == CL_REQUIRE || cl == CL_FORBID) {
				valid.n = 0;
				list_add_mount_flags(&valid);
				hint_valid(p, "mount flags", &valid);
			} else if (cl == CL_FROM && v.len) {
				quote(q, v.s, v.len);
				hint(p, "a source named '%s' is written in quotes: \"%s\"",
				     q, q);
			}
			return -1;
		}
		if (is_punct(*v.s))
			return error_punct(p, &v);
		switch (cl) {
		case CL_FROM:
			if (tok_text(p, &v, source, sizeof(source), &len,
				     "the source"))
				return -1;
			if (op_source_is_path(rule.op) &&
			    check_path(p, &v, source, len, "source"))
				return -1;
			has_source = true;
			break;
		case CL_TARGET:
			if (tok_text(p, &v, target, sizeof(target), &len,
				     "the target") ||
			    check_path(p, &v, target, len, "target"))
				return -1;
			has_target = true;
			break;
		case CL_REQUIRE:
			if (parse_mount_flags(p, &v, 0, &rule.require))
				return -1;
			break;
		case CL_FORBID:
			if (parse_mount_flags(p, &v, rule.require, &rule.forbid))
				return -1;
			break;
		}
	}

	/* Printed back, the rule must fit on a line. */
	rule.source = has_source ? source : NULL;
	rule.target = has_target ? target : NULL;
	sink_rule(&measure, &rule);
	if (measure.len > POLICY_LINE_MAX) {
		error_at(p, kw->line, kw->col,
			 "mount rule too long: printed back, it takes %zu bytes; the limit is %d",
			 measure.len, POLICY_LINE_MAX);
		hint(p, "the canonical form of a rule is indented by a tab and must fit on a line");
		return -1;
	}
	return add_mount_rule(p, &rule, rule.source, rule.target);
}

static int parse_mount_allow(struct parser *p, struct lexer *lx,
			     const struct token *kw)
{
	return parse_mount_rule(p, lx, kw, CTRPOLICY_ACTION_ALLOW);
}

static int parse_mount_deny(struct parser *p, struct lexer *lx,
			    const struct token *kw)
{
	return parse_mount_rule(p, lx, kw, CTRPOLICY_ACTION_DENY);
}

/* "default allow|deny", at most once. */
static int parse_mount_default(struct parser *p, struct lexer *lx,
			       const struct token *kw)
{
	return parse_default(p, lx, kw, &p->mount.default_line,
			     &p->pol.mount_default);
}

/* "default ACTION", then the rules in order. */
static void print_mount(FILE *f, const struct policy *pol)
{
	struct sink o = { f, 0 };
	size_t i;

	fprintf(f, "\tdefault %s\n", policy_action_name(pol->mount_default));
	for (i = 0; i < pol->n_mount_rules; i++) {
		sink_rule(&o, &pol->mount_rules[i]);
		fputc('\n', f);
	}
}

/* Both absent, or both present and equal. */
static bool same_string(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool mount_rule_equal(const struct mount_rule *a,
			     const struct mount_rule *b)
{
	return a->action == b->action && a->op == b->op &&
	       a->require == b->require && a->forbid == b->forbid &&
	       !strncmp(a->fstype, b->fstype, sizeof(a->fstype)) &&
	       same_string(a->source, b->source) &&
	       same_string(a->target, b->target);
}

static bool mount_equal(const struct policy *a, const struct policy *b)
{
	size_t i;

	if (a->mount_default != b->mount_default ||
	    a->n_mount_rules != b->n_mount_rules)
		return false;
	for (i = 0; i < a->n_mount_rules; i++) {
		if (!mount_rule_equal(&a->mount_rules[i], &b->mount_rules[i]))
			return false;
	}
	return true;
}

static void mount_free_rules(struct policy *pol)
{
	size_t i;

	for (i = 0; i < pol->n_mount_rules; i++) {
		free(pol->mount_rules[i].source);
		free(pol->mount_rules[i].target);
	}
	free(pol->mount_rules);
	pol->mount_rules = NULL;
	pol->n_mount_rules = 0;
}

static const struct keyword mount_stmts[] = {
	{ "default", parse_mount_default, true },
	{ "allow", parse_mount_allow, false },
	{ "deny", parse_mount_deny, false },
};

const struct section mount_section = {
	.name = "mount",
	.stmts = mount_stmts,
	.n_stmts = ARRAY_SIZE(mount_stmts),
	.print = print_mount,
	.equal = mount_equal,
	.free_rules = mount_free_rules,
};

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
		fprintf(f, "\n%s {\n", sections[i]->name);
		sections[i]->print(f, p);
		fputs("}\n", f);
	}
}

const char *policy_mount_op_name(uint32_t op)
{
	return op <= CTRPOLICY_MOUNT_OP_MAX && mount_ops[op] ? mount_ops[op] :
							       "unknown";
}

size_t policy_mount_flags_format(uint32_t flags, char *buf, size_t size)
{
	size_t i, n = 0;
	int len;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(mount_flags); i++) {
		if (!(flags & mount_flags[i].flag))
			continue;
		len = snprintf(buf + (n < size ? n : size), n < size ? size - n : 0,
			       "%s%s", n ? "," : "", mount_flags[i].name);
		n += len;
	}
	return n;
}

bool policy_equal(const struct policy *a, const struct policy *b)
{
	size_t i;

	if (strncmp(a->name, b->name, sizeof(a->name)) || a->mode != b->mode)
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
