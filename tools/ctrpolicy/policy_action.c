// SPDX-License-Identifier: GPL-2.0
/*
 * Actions, "allow" and "deny": the word that the mount and network
 * sections' rules start with or follow, the "default allow|deny" statement
 * both sections have, and the names of actions.  A layer between lex.c and
 * diag.c below and the sections above.
 */
#include <stdint.h>

#include "policy_parse.h"

static const char *const actions[CTRPOLICY_ACTION_MAX + 1] = {
	[CTRPOLICY_ACTION_DENY] = "deny",
	[CTRPOLICY_ACTION_ALLOW] = "allow",
};

const char *policy_action_name(uint32_t action)
{
	return action <= CTRPOLICY_ACTION_MAX ? actions[action] : "unknown";
}

uint32_t action_of(const struct token *kw)
{
	return tok_is(kw, actions[CTRPOLICY_ACTION_ALLOW]) ?
	       CTRPOLICY_ACTION_ALLOW : CTRPOLICY_ACTION_DENY;
}

int parse_action(struct parser *p, struct lexer *lx, const struct token *after,
		 uint32_t *action, struct token *word)
{
	struct name_list valid = { .n = 0 };
	struct token t;
	int i;

	/* "allow" first, as a rule is most often written. */
	list_add(&valid, actions[CTRPOLICY_ACTION_ALLOW]);
	list_add(&valid, actions[CTRPOLICY_ACTION_DENY]);
	if (!lex(lx, &t)) {
		error_at(p, after->line, col_after(after),
			 "expected an action after '%.*s'", (int)after->len,
			 after->s);
		hint_valid(p, "actions", &valid);
		return -1;
	}
	i = find_name(actions, 0, CTRPOLICY_ACTION_MAX, &t);
	if (i >= 0) {
		*action = i;
		if (word)
			*word = t;
		return 0;
	}
	if (is_punct(*t.s))
		return error_punct(p, &t);
	error_unknown(p, &t, "action", NULL, &valid);
	hint_valid(p, "actions", &valid);
	return -1;
}

int parse_default(struct parser *p, struct lexer *lx, const struct token *kw,
		  unsigned int *line, uint32_t *action)
{
	/* struct keyword's ONCE is checked at the top level only. */
	if (*line)
		return error_at(p, kw->line, kw->col,
				"duplicate 'default' statement (first at line %u)",
				*line);
	if (parse_action(p, lx, kw, action, NULL))
		return -1;
	*line = kw->line;
	return expect_end(p, lx, "the default action");
}
