// SPDX-License-Identifier: GPL-2.0
/*
 * The capabilities section of the policy language
 * (docs/policy-language.md):
 *
 *	capabilities {
 *		allow CAP... | allow all | allow none
 *		deny CAP...
 *	}
 *
 * The statements apply in order to the set of allowed capabilities, one
 * bit per capability in struct policy's CAPS.  Capabilities are named as
 * in capabilities(7), with or without "CAP_", in any case (caps.c).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "caps.h"
#include "policy_parse.h"

#define PRINT_WIDTH		72	/* columns of a printed line */
#define TAB_WIDTH		8

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
			  const struct token *kw)
{
	bool allow = action_of(kw) == CTRPOLICY_ACTION_ALLOW;
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

/* ---- the section ---------------------------------------------------------- */

static bool caps_equal(const struct policy *a, const struct policy *b)
{
	return a->caps == b->caps;
}

static const struct keyword cap_stmts[] = {
	{ "allow", parse_cap_stmt, false },
	{ "deny", parse_cap_stmt, false },
};

const struct section caps_section = {
	.name = "capabilities",
	.stmts = cap_stmts,
	.n_stmts = ARRAY_SIZE(cap_stmts),
	.print = print_caps,
	.equal = caps_equal,
};
