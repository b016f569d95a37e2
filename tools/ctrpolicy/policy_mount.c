// SPDX-License-Identifier: GPL-2.0
/*
 * The mount section of the policy language (docs/policy-language.md):
 *
 *	mount {
 *		default allow|deny
 *		allow|deny OP [FSTYPE] [from SOURCE] [on|to TARGET]
 *			[require FLAGS] [forbid FLAGS]
 *	}
 *
 * Each rule becomes a struct mount_rule, in file order: the first rule
 * that matches an operation decides.  Rules are printed through a sink
 * that can also only measure, so that a rule whose canonical form would
 * not fit on a line is refused when it is parsed.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy_parse.h"

static const char *const mount_ops[CTRPOLICY_MOUNT_OP_MAX + 1] = {
	[CTRPOLICY_MOUNT_OP_MOUNT] = "mount",
	[CTRPOLICY_MOUNT_OP_BIND] = "bind",
	[CTRPOLICY_MOUNT_OP_REMOUNT] = "remount",
	[CTRPOLICY_MOUNT_OP_MOVE] = "move",
	[CTRPOLICY_MOUNT_OP_UMOUNT] = "umount",
	[CTRPOLICY_MOUNT_OP_PIVOT_ROOT] = "pivot_root",
	[CTRPOLICY_MOUNT_OP_PROPAGATION] = "propagation",
};

/*
 * The name of flag 1U << N (CTRPOLICY_MOUNT_F_*) at index N, as
 * format_bits() and find_name() take names; bit order is also the order
 * they are printed in.
 */
static const char *const mount_flags[] = {
	"ro",		/* CTRPOLICY_MOUNT_F_RDONLY */
	"nosuid",	/* CTRPOLICY_MOUNT_F_NOSUID */
	"nodev",	/* CTRPOLICY_MOUNT_F_NODEV */
	"noexec",	/* CTRPOLICY_MOUNT_F_NOEXEC */
	"shared",	/* CTRPOLICY_MOUNT_F_SHARED */
	"private",	/* CTRPOLICY_MOUNT_F_PRIVATE */
	"slave",	/* CTRPOLICY_MOUNT_F_SLAVE */
	"unbindable",	/* CTRPOLICY_MOUNT_F_UNBINDABLE */
};

#define MOUNT_FLAG_LAST		((int)ARRAY_SIZE(mount_flags) - 1)
static_assert(1U << ARRAY_SIZE(mount_flags) == CTRPOLICY_MOUNT_F_ALL + 1,
	      "a name for each CTRPOLICY_MOUNT_F_* bit");

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
#define FLAG_LIST_HINT \
	"separate mount flags with commas, without spaces: 'nosuid,nodev'"
#define FSTYPE_CHARS_HINT \
	"a file system type is 1 to 63 of: a-z 0-9 . _ - (as in /proc/filesystems)"

/* ---- names ---------------------------------------------------------------- */

const char *policy_mount_op_name(uint32_t op)
{
	return op <= CTRPOLICY_MOUNT_OP_MAX && mount_ops[op] ? mount_ops[op] :
							       "unknown";
}

size_t policy_mount_flags_format(uint32_t flags, char *buf, size_t size)
{
	return format_bits(flags, mount_flags, 0, MOUNT_FLAG_LAST, buf, size);
}


/* ---- rules ---------------------------------------------------------------- */

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

/* The bit number of the mount flag T names, or -1. */
static int find_mount_flag(const struct token *t)
{
	return find_name(mount_flags, 0, MOUNT_FLAG_LAST, t);
}

static void list_add_mount_flags(struct name_list *l)
{
	list_add_names(l, mount_flags, 0, MOUNT_FLAG_LAST);
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
	struct token w;
	size_t pos = 0;
	int f, more;

	list_add_mount_flags(&valid);
	*flags = 0;
	while ((more = next_list_item(p, t, &pos, &w, "mount flag",
				      FLAG_LIST_HINT)) > 0) {
		f = find_mount_flag(&w);
		if (f < 0) {
			error_unknown(p, &w, "mount flag", NULL, &valid);
			hint_valid(p, "mount flags", &valid);
			return -1;
		}
		if (required & (1U << f))
			return error_at(p, w.line, w.col,
					"mount flag '%s' is both required and forbidden",
					mount_flags[f]);
		*flags |= 1U << f;
	}
	return more;
}

/* A token where a clause keyword or the end of the rule belongs. */
static int error_mount_rule_word(struct parser *p, const struct token *t)
{
	const char *best = clause_closest(t);
	char q[QUOTE_BUF];

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
	if (find_mount_flag(t) >= 0)
		hint(p, FLAG_LIST_HINT);
	else if (t->s[0] == '/' || t->s[0] == '"')
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
	char names[128];

	if (!flags)
		return;
	sink_puts(o, " ");
	sink_puts(o, clause);
	/* Unknown bits have no name: nothing follows the clause then. */
	if (policy_mount_flags_format(flags, names, sizeof(names))) {
		sink_puts(o, " ");
		sink_puts(o, names);
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
			    const struct token *kw)
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
	rule.action = action_of(kw);
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
			return error_mount_rule_word(p, &t);
		if (parse_fstype(p, &t, &rule))
			return -1;
		last = CL_FSTYPE;
		clause_tok[CL_FSTYPE] = t;
		lex(lx, &t);	/* t.len is 0 at the end of the line */
	}
	for (; t.len; last = cl, lex(lx, &t)) {
		cl = clause_of(&t);
		if (cl < 0)
			return error_mount_rule_word(p, &t);
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

/* "default allow|deny", at most once. */
static int parse_mount_default(struct parser *p, struct lexer *lx,
			       const struct token *kw)
{
	return parse_default(p, lx, kw, &p->mount.default_line,
			     &p->pol.mount_default);
}

/* ---- printer -------------------------------------------------------------- */

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

/* ---- comparison ----------------------------------------------------------- */

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

/* ---- the section ---------------------------------------------------------- */

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
	{ "allow", parse_mount_rule, false },
	{ "deny", parse_mount_rule, false },
};

const struct section mount_section = {
	.name = "mount",
	.stmts = mount_stmts,
	.n_stmts = ARRAY_SIZE(mount_stmts),
	.print = print_mount,
	.equal = mount_equal,
	.free_rules = mount_free_rules,
};

