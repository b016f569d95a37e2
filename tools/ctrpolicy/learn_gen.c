// SPDX-License-Identifier: GPL-2.0
/*
 * A policy from a learned set: the policy learned from, and after its
 * rules an allow rule for each distinct request, as narrow as the request
 * unless the options widen it:
 * - capabilities: each one used;
 * - mounts: operation, file system type, source and target as seen, the
 *   flags seen required and the others forbidden; a target below a
 *   directory given with --mount-dir becomes DIR followed by a slash and
 *   a star, every path below it (for paths derived
 *   from pids or other run-time names), and so does one the kernel kept
 *   only in part (its directory);
 * - sockets: family and protocol class;
 * - addresses: the address as a host (/32, /128) unless --cidr/--cidr6,
 *   the port as seen, except a port in the ephemeral range, which becomes
 *   the range (unless --ports-as-seen): a port the kernel or a resolver
 *   picks at random is not worth a rule of its own.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "learn_gen.h"

static int add_cap(struct policy *p, const struct ctrpolicy_learned *r)
{
	if (r->capability < 64)
		p->caps |= 1ULL << r->capability;
	return 0;
}

/* The target of a rule for R: as seen, or every path below a directory. */
static char *mount_target(const struct ctrpolicy_learned *r,
			  const struct learn_options *o)
{
	char *slash, *s;
	size_t i, len;

	if (!r->target[0])
		return NULL;
	for (i = 0; i < o->n_dirs; i++) {
		len = strlen(o->dirs[i]);
		while (len > 1 && o->dirs[i][len - 1] == '/')
			len--;
		if (!strncmp(r->target, o->dirs[i], len) && r->target[len] == '/') {
			s = malloc(len + 3);
			if (s)
				sprintf(s, "%.*s/*", (int)len, o->dirs[i]);
			return s;
		}
	}
	s = strdup(r->target);
	if (s && (r->truncated & CTRPOLICY_LEARNED_T_TARGET)) {
		slash = strrchr(s, '/');
		if (slash)
			strcpy(slash, "/*");
	}
	return s;
}

static bool str_eq(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static bool mount_rule_eq(const struct mount_rule *a, const struct mount_rule *b)
{
	return a->action == b->action && a->op == b->op &&
	       a->require == b->require && a->forbid == b->forbid &&
	       !strcmp(a->fstype, b->fstype) && str_eq(a->source, b->source) &&
	       str_eq(a->target, b->target);
}

static int add_mount(struct policy *p, const struct ctrpolicy_learned *r,
		     const struct learn_options *o, FILE *warn)
{
	struct mount_rule rule = {
		.action = CTRPOLICY_ACTION_ALLOW,
		.op = r->op,
		.require = r->mount_flags,
		.forbid = CTRPOLICY_MOUNT_F_ALL & ~r->mount_flags,
	};
	struct mount_rule *rules;
	size_t i;

	snprintf(rule.fstype, sizeof(rule.fstype), "%s", r->fstype);
	if (r->source[0] && !(r->truncated & CTRPOLICY_LEARNED_T_SOURCE))
		rule.source = strdup(r->source);
	else if (r->source[0])
		fprintf(warn, "ctrpolicy: learn: the source '%s...' was too long to keep: any source\n",
			r->source);
	rule.target = mount_target(r, o);
	if ((r->source[0] && !rule.source && !(r->truncated & CTRPOLICY_LEARNED_T_SOURCE)) ||
	    (r->target[0] && !rule.target))
		goto nomem;
	for (i = 0; i < p->n_mount_rules; i++) {
		if (mount_rule_eq(&p->mount_rules[i], &rule)) {
			free(rule.source);
			free(rule.target);
			return 0;
		}
	}
	if (p->n_mount_rules >= CTRPOLICY_MAX_MOUNT_RULES) {
		free(rule.source);
		free(rule.target);
		return -E2BIG;
	}
	rules = realloc(p->mount_rules, (p->n_mount_rules + 1) * sizeof(*rules));
	if (!rules)
		goto nomem;
	p->mount_rules = rules;
	rules[p->n_mount_rules++] = rule;
	return 0;
nomem:
	free(rule.source);
	free(rule.target);
	return -ENOMEM;
}

static int add_socket(struct policy *p, const struct ctrpolicy_learned *r)
{
	struct ctrpolicy_socket_rule rule = {
		.action = CTRPOLICY_ACTION_ALLOW,
		.family = r->family,
		/* Rules name no "other" protocol: any, of that family. */
		.proto = r->proto == CTRPOLICY_NET_PROTO_OTHER ?
			 CTRPOLICY_NET_PROTO_ANY : r->proto,
	};
	size_t i;

	for (i = 0; i < p->n_socket_rules; i++) {
		if (!memcmp(&p->socket_rules[i], &rule, sizeof(rule)))
			return 0;
	}
	if (p->n_socket_rules >= CTRPOLICY_MAX_SOCKET_RULES)
		return -E2BIG;
	p->socket_rules[p->n_socket_rules++] = rule;
	return 0;
}

/* Whether the network of RULE holds the address of request R. */
static bool prefix_holds(const struct ctrpolicy_net_rule *rule,
			 const struct ctrpolicy_learned *r)
{
	const uint8_t *addr = r->family == AF_INET ? r->addr + 12 : r->addr;
	unsigned int bits = rule->prefix_len, i;

	if (rule->family == AF_UNSPEC)
		return true;
	if (rule->family != r->family)
		return false;
	for (i = 0; i < bits / 8; i++) {
		if (addr[i] != rule->addr[i])
			return false;
	}
	return !(bits % 8) ||
	       !((addr[i] ^ rule->addr[i]) & (0xff00 >> (bits % 8)));
}

static bool net_rule_matches(const struct ctrpolicy_net_rule *rule,
			     const struct ctrpolicy_learned *r)
{
	return (rule->ops & (1U << r->op)) &&
	       (rule->proto == CTRPOLICY_NET_PROTO_ANY || rule->proto == r->proto) &&
	       r->port >= rule->port_min && r->port <= rule->port_max &&
	       prefix_holds(rule, r);
}

static int add_address(struct policy *p, size_t n_own,
		       const struct ctrpolicy_learned *r,
		       const struct learn_options *o, FILE *warn)
{
	struct ctrpolicy_net_rule rule = {
		.action = CTRPOLICY_ACTION_ALLOW,
		.family = r->family,
		.proto = r->proto,
		.ops = 1U << r->op,
		.port_min = r->port,
		.port_max = r->port,
	};
	struct ctrpolicy_net_rule *rules;
	unsigned int i, bits;

	for (i = 0; i < n_own; i++) {
		if (p->net_rules[i].action == CTRPOLICY_ACTION_DENY &&
		    net_rule_matches(&p->net_rules[i], r)) {
			fprintf(warn, "ctrpolicy: learn: a %s to port %u that a deny rule of the policy matches stays denied\n",
				policy_net_op_name(r->op), r->port);
			return 0;
		}
	}
	if (r->family == AF_INET) {
		memcpy(rule.addr, r->addr + 12, 4);
		rule.prefix_len = o->cidr4;
	} else {
		memcpy(rule.addr, r->addr, 16);
		rule.prefix_len = o->cidr6;
	}
	bits = rule.prefix_len;
	for (i = 0; i < 16; i++, bits = bits > 8 ? bits - 8 : 0)
		rule.addr[i] &= bits >= 8 ? 0xff : (uint8_t)(0xff00 >> bits);
	if (!o->ports_as_seen && o->ephemeral_min && r->port >= o->ephemeral_min &&
	    r->port <= o->ephemeral_max) {
		rule.port_min = o->ephemeral_min;
		rule.port_max = o->ephemeral_max;
	}
	/* One rule for the operations on the same address, port, protocol. */
	for (i = n_own; i < p->n_net_rules; i++) {
		struct ctrpolicy_net_rule same = p->net_rules[i];

		same.ops = rule.ops;
		if (!memcmp(&same, &rule, sizeof(rule))) {
			p->net_rules[i].ops |= rule.ops;
			return 0;
		}
	}
	if (p->n_net_rules >= CTRPOLICY_MAX_NET_RULES)
		return -E2BIG;
	rules = realloc(p->net_rules, (p->n_net_rules + 1) * sizeof(*rules));
	if (!rules)
		return -ENOMEM;
	p->net_rules = rules;
	rules[p->n_net_rules++] = rule;
	return 0;
}

int learn_generate(struct policy *p, const struct ctrpolicy_learned *reqs,
		   size_t n, const struct learn_options *o, FILE *warn)
{
	size_t i, n_own = p->n_net_rules;
	int err = 0;

	for (i = 0; i < n && !err; i++) {
		const struct ctrpolicy_learned *r = &reqs[i];

		if (r->area == CTRPOLICY_AREA_CAPABILITY)
			err = add_cap(p, r);
		else if (r->area == CTRPOLICY_AREA_MOUNT)
			err = add_mount(p, r, o, warn);
		else if (r->area == CTRPOLICY_AREA_NETWORK &&
			 r->op == CTRPOLICY_NET_OP_SOCKET)
			err = add_socket(p, r);
		else if (r->area == CTRPOLICY_AREA_NETWORK)
			err = add_address(p, n_own, r, o, warn);
	}
	p->mode = CTRPOLICY_MODE_ENFORCE;
	p->learn_size = 0;
	policy_net_sort(p);
	return err;
}
