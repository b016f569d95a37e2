// SPDX-License-Identifier: GPL-2.0
/*
 * The events section of the policy language (docs/policy-language.md):
 *
 *	events {
 *		rate N/s
 *		burst N
 *	}
 *
 * The rate limit of the policy's events: at most N events a second on
 * average and a burst of N at once; what goes over is counted as
 * suppressed, and the next event says how many.  The denials themselves,
 * and the policy's counters, are never limited.  Without the section,
 * CTRPOLICY_EVENT_RATE_DEFAULT a second; without "burst", the rate.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "policy_parse.h"

#define RATE_HINT	"a rate is a number of events a second, 1 to 10000, as in 'rate 100/s'"
#define BURST_HINT	"a burst is a number of events, 1 to 10000, as in 'burst 200'"

uint32_t policy_event_rate(const struct policy *p)
{
	return p->event_rate ? p->event_rate : CTRPOLICY_EVENT_RATE_DEFAULT;
}

uint32_t policy_event_burst(const struct policy *p)
{
	if (p->event_burst)
		return p->event_burst;
	return p->event_rate ? p->event_rate : CTRPOLICY_EVENT_BURST_DEFAULT;
}

/*
 * The decimal number that the first LEN bytes of T are into *VALUE: 0, or
 * 1 when they are not a number (empty, not digits) and 2 when it is above
 * MAX.
 */
static int decimal(const struct token *t, size_t len, uint32_t max,
		   uint32_t *value)
{
	unsigned long long n = 0;
	size_t i;

	if (!len)
		return 1;
	for (i = 0; i < len; i++) {
		if (t->s[i] < '0' || t->s[i] > '9')
			return 1;
		if (n <= max)
			n = n * 10 + (t->s[i] - '0');
	}
	*value = n;
	return n > max ? 2 : 0;
}

/*
 * The number after keyword KW, in the word T: with UNIT ("/s"), it must
 * end the word.  The value, 1 to MAX, into *VALUE.
 */
static int parse_count(struct parser *p, struct lexer *lx,
		       const struct token *kw, unsigned int *line,
		       const char *unit, uint32_t max, const char *how,
		       uint32_t *value)
{
	size_t unit_len = strlen(unit), len;
	char q[QUOTE_BUF];
	struct token t;
	int bad;

	if (*line)
		return error_at(p, kw->line, kw->col,
				"duplicate '%.*s' statement (first at line %u)",
				(int)kw->len, kw->s, *line);
	if (!lex(lx, &t)) {
		error_at(p, kw->line, col_after(kw), "expected %s after '%.*s'",
			 unit_len ? "a rate" : "a number", (int)kw->len, kw->s);
		hint(p, "%s", how);
		return -1;
	}
	if (is_punct(*t.s))
		return error_punct(p, &t);
	len = t.len;
	if (unit_len && (len <= unit_len ||
			 memcmp(t.s + len - unit_len, unit, unit_len)))
		bad = 1;
	else
		bad = decimal(&t, len - unit_len, max, value);
	if (!bad && !*value)
		bad = 2;
	if (bad) {
		error_at(p, t.line, t.col, bad == 1 ? "invalid %.*s '%s'" :
			 "%.*s '%s' is out of range", (int)kw->len, kw->s,
			 quote(q, t.s, t.len));
		hint(p, "%s", how);
		return -1;
	}
	*line = kw->line;
	return expect_end(p, lx, unit_len ? "the rate" : "the burst");
}

/* "rate N/s" */
static int parse_rate(struct parser *p, struct lexer *lx, const struct token *kw)
{
	return parse_count(p, lx, kw, &p->events.rate_line, "/s",
			   CTRPOLICY_EVENT_RATE_MAX, RATE_HINT, &p->pol.event_rate);
}

/* "burst N" */
static int parse_burst(struct parser *p, struct lexer *lx, const struct token *kw)
{
	return parse_count(p, lx, kw, &p->events.burst_line, "",
			   CTRPOLICY_EVENT_BURST_MAX, BURST_HINT, &p->pol.event_burst);
}

/* A rate without a burst allows a second's worth at once. */
static int events_end(struct parser *p, const struct token *close)
{
	(void)close;
	if (!p->events.burst_line)
		p->pol.event_burst = p->pol.event_rate;
	return 0;
}

static void print_events(FILE *f, const struct policy *pol)
{
	fprintf(f, "\trate %u/s\n\tburst %u\n", policy_event_rate(pol),
		policy_event_burst(pol));
}

/* The defaults go without saying: a policy without the section. */
static bool events_omitted(const struct policy *pol)
{
	return policy_event_rate(pol) == CTRPOLICY_EVENT_RATE_DEFAULT &&
	       policy_event_burst(pol) == CTRPOLICY_EVENT_BURST_DEFAULT;
}

/* ---- the section ---------------------------------------------------------- */

static bool events_equal(const struct policy *a, const struct policy *b)
{
	return policy_event_rate(a) == policy_event_rate(b) &&
	       policy_event_burst(a) == policy_event_burst(b);
}

static const struct keyword events_stmts[] = {
	{ "rate", parse_rate, false },
	{ "burst", parse_burst, false },
};

const struct section events_section = {
	.name = "events",
	.stmts = events_stmts,
	.n_stmts = ARRAY_SIZE(events_stmts),
	.end = events_end,
	.print = print_events,
	.omitted = events_omitted,
	.equal = events_equal,
};
