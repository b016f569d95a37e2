/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A policy from what a learning policy recorded (learn_gen.c): the policy
 * it learned from, plus the fewest allow rules that allow every request.
 */
#ifndef CTRPOLICY_LEARN_GEN_H
#define CTRPOLICY_LEARN_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "policy.h"

/* How far the rules may go beyond the requests seen: only as asked. */
struct learn_options {
	unsigned int cidr4;		/* IPv4 prefix length; 32 by default */
	unsigned int cidr6;		/* IPv6 prefix length; 128 by default */
	bool ports_as_seen;		/* keep ephemeral ports one by one */
	uint16_t ephemeral_min;		/* the ephemeral port range (0 0: none) */
	uint16_t ephemeral_max;
	size_t n_dirs;
	const char *const *dirs;	/* mount targets below one: any
					 * path below it */
};

/*
 * Add to *P (the policy learned from, in any mode) an allow rule for each
 * of the N requests REQS, merged where they are the same rule, after P's
 * own rules; set P to enforce mode.  P's deny rules stay: a mount or
 * socket rule of P decides before the new ones (first match), and an
 * address request that a deny rule of P matches is left out (said on
 * WARN).  0, or -E2BIG (a section's rule limit) or -ENOMEM, P then
 * partly extended.
 */
int learn_generate(struct policy *p, const struct ctrpolicy_learned *reqs,
		   size_t n, const struct learn_options *o, FILE *warn);

/* learn.c: the options without widening, the ephemeral ports of this host. */
void learn_options_default(struct learn_options *o);

/*
 * learn.c: the policy that cgroup ID's policy learned (learn_generate()
 * of its learned set), printed on OUT.  EXIT_OK, or an exit code after
 * saying why.
 */
int learn_policy_print(uint64_t id, const struct learn_options *o, FILE *out);

#endif
