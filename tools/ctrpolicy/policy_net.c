// SPDX-License-Identifier: GPL-2.0
/*
 * The network section of the policy language (docs/policy-language.md):
 *
 *	network {
 *		default allow|deny
 *		socket allow|deny [FAMILY] [PROTO]
 *		allow|deny OPS [PROTO] [ADDRESS] [port PORTS]
 *	}
 *
 * Socket rules become struct ctrpolicy_socket_rule, address rules struct
 * ctrpolicy_net_rule, one per port range, as the ABI carries them.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "policy_parse.h"

#define PORT_MAX		65535
#define SOCKET_RULE_HINT \
	"a socket rule is: socket allow|deny [FAMILY] [PROTO], with at least one of the two"
#define ADDRESS_RULE_HINT \
	"an address rule is: allow|deny OPS [PROTO] [ADDRESS] [port PORTS]"
#define ADDRESS_HINT \
	"an address is IPv4 or IPv6 with an optional prefix length, as in '10.0.0.0/8' or '2001:db8::/32', or 'any'"
#define PORTS_HINT \
	"ports are P or P-Q from 0 to 65535, separated by commas without spaces, as in 'port 80,443,8000-8080'"
#define OPS_HINT \
	"separate operations with commas, without spaces: 'connect,send'"

/* The families rules name: the common ones first, then by number. */
static const struct {
	const char *name;
	unsigned int family;
} families[] = {
	{ "any", AF_UNSPEC },
	{ "unix", AF_UNIX },
	{ "inet", AF_INET },
	{ "inet6", AF_INET6 },
	{ "netlink", AF_NETLINK },
	{ "packet", AF_PACKET },
	{ "key", AF_KEY },
	{ "can", AF_CAN },
	{ "tipc", AF_TIPC },
	{ "bluetooth", AF_BLUETOOTH },
	{ "alg", AF_ALG },
	{ "vsock", AF_VSOCK },
	{ "xdp", AF_XDP },
};

static const char *const protos[CTRPOLICY_NET_PROTO_MAX + 1] = {
	[CTRPOLICY_NET_PROTO_ANY] = "any",
	[CTRPOLICY_NET_PROTO_TCP] = "tcp",
	[CTRPOLICY_NET_PROTO_UDP] = "udp",
	[CTRPOLICY_NET_PROTO_ICMP] = "icmp",
	[CTRPOLICY_NET_PROTO_RAW] = "raw",
	[CTRPOLICY_NET_PROTO_OTHER] = "other",
};

/* The protocols a rule may name. */
#define PROTO_FIRST		CTRPOLICY_NET_PROTO_TCP
#define PROTO_LAST		CTRPOLICY_NET_PROTO_RAW

static const char *const net_ops[CTRPOLICY_NET_OP_MAX + 1] = {
	[CTRPOLICY_NET_OP_SOCKET] = "socket",
	[CTRPOLICY_NET_OP_BIND] = "bind",
	[CTRPOLICY_NET_OP_CONNECT] = "connect",
	[CTRPOLICY_NET_OP_LISTEN] = "listen",
	[CTRPOLICY_NET_OP_SEND] = "send",
};

/* The operations of address rules, in bit order. */
#define OP_FIRST		CTRPOLICY_NET_OP_BIND
#define OP_LAST			CTRPOLICY_NET_OP_SEND

/* The parts of an address rule after its operations, in their order. */
enum net_part { NP_PROTO, NP_ADDRESS, NP_PORT, NP_COUNT };

static const char *const part_names[NP_COUNT] = {
	[NP_PROTO] = "the protocol",
	[NP_ADDRESS] = "the address",
	[NP_PORT] = "'port'",
};

/* ---- names ---------------------------------------------------------------- */

const char *policy_net_family_name(unsigned int family)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(families); i++) {
		if (families[i].family == family)
			return families[i].name;
	}
	return NULL;
}

const char *policy_net_proto_name(uint32_t proto)
{
	return proto <= CTRPOLICY_NET_PROTO_MAX ? protos[proto] : "unknown";
}

const char *policy_net_op_name(uint32_t op)
{
	return op <= CTRPOLICY_NET_OP_MAX && net_ops[op] ? net_ops[op] :
							   "unknown";
}

size_t policy_net_ops_format(uint32_t ops, char *buf, size_t size)
{
	return format_bits(ops, net_ops, OP_FIRST, OP_LAST, buf, size);
}

const char *policy_net_addr_format(const struct ctrpolicy_net_rule *r,
				   char *buf)
{
	char addr[INET6_ADDRSTRLEN];

	if (r->family != AF_INET && r->family != AF_INET6)
		return strcpy(buf, r->family == AF_UNSPEC ? "any" : "unknown");
	inet_ntop(r->family, r->addr, addr, sizeof(addr));
	snprintf(buf, POLICY_NET_ADDR_MAX, "%s/%u", addr, r->prefix_len);
	return buf;
}

static int find_family(const struct token *t)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(families); i++) {
		if (tok_is(t, families[i].name))
			return i;
	}
	return -1;
}

/* The protocol a rule may name that T is, or -1. */
static int find_proto(const struct token *t)
{
	return find_name(protos, PROTO_FIRST, PROTO_LAST, t);
}

static int find_op(const struct token *t)
{
	return find_name(net_ops, CTRPOLICY_NET_OP_SOCKET, CTRPOLICY_NET_OP_MAX, t);
}

static void list_add_families(struct name_list *l)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(families); i++)
		list_add(l, families[i].name);
}

static void list_add_protos(struct name_list *l)
{
	list_add_names(l, protos, PROTO_FIRST, PROTO_LAST);
}

static void list_add_ops(struct name_list *l)
{
	list_add_names(l, net_ops, OP_FIRST, OP_LAST);
}

/* ---- default -------------------------------------------------------------- */

static int parse_net_default(struct parser *p, struct lexer *lx,
			     const struct token *kw)
{
	return parse_default(p, lx, kw, &p->net.default_line,
			     &p->pol.net_default);
}

/* ---- socket rules --------------------------------------------------------- */

/* A word where a socket family or a protocol belongs. */
static int error_socket_word(struct parser *p, const struct token *t,
			     bool family_too)
{
	struct name_list fams = { .n = 0 }, prots = { .n = 0 }, all = { .n = 0 };
	char f[256], q[QUOTE_BUF];

	if (is_punct(*t->s))
		return error_punct(p, t);
	list_add_protos(&prots);
	if (!family_too) {
		if (find_family(t) >= 0) {
			error_at(p, t->line, t->col,
				 "a socket rule names one family; '%s' is another",
				 quote(q, t->s, t->len));
			hint(p, "write a rule for each family");
			return -1;
		}
		if (tok_is(t, "any")) {
			error_at(p, t->line, t->col, "'any' is not a protocol");
			hint(p, "leave the protocol out to match any");
			return -1;
		}
		error_unknown(p, t, "protocol", NULL, &prots);
		hint_valid(p, "protocols", &prots);
		return -1;
	}
	list_add_families(&fams);
	list_add_families(&all);
	list_add_protos(&all);
	error_unknown(p, t, "socket family or protocol", NULL, &all);
	hint(p, "valid families: %s; protocols: %s",
	     list_format(&fams, f, sizeof(f)),
	     list_format(&prots, q, sizeof(q)));
	return -1;
}

/* Whether sockets of FAMILY can speak PROTO at all. */
static bool family_has_proto(unsigned int family, int proto)
{
	if (family == AF_UNSPEC ||
	    (proto == CTRPOLICY_NET_PROTO_RAW && family == AF_PACKET))
		return true;
	return family == AF_INET || family == AF_INET6;
}

/* What may follow the protocol of a socket rule: nothing. */
static int socket_rule_end(struct parser *p, struct lexer *lx)
{
	struct lexer ahead = *lx;
	char q[QUOTE_BUF];
	struct token t;

	if (lex(&ahead, &t) && find_family(&t) >= 0) {
		error_at(p, t.line, t.col,
			 "the family '%s' must come before the protocol",
			 quote(q, t.s, t.len));
		hint(p, SOCKET_RULE_HINT);
		return -1;
	}
	return expect_end(p, lx, "the protocol");
}

/* "socket allow|deny [FAMILY] [PROTO]", at least one of the two. */
static int parse_socket(struct parser *p, struct lexer *lx,
			const struct token *kw)
{
	struct ctrpolicy_socket_rule rule = { 0 };
	struct policy *pol = &p->pol;
	struct token act, t, fam = { 0 };
	uint32_t action;
	int i, proto;

	if (pol->n_socket_rules == CTRPOLICY_MAX_SOCKET_RULES)
		return error_at(p, kw->line, kw->col,
				"too many socket rules; the limit is %d",
				CTRPOLICY_MAX_SOCKET_RULES);
	if (parse_action(p, lx, kw, &action, &act))
		return -1;
	rule.action = action;
	if (!lex(lx, &t)) {
		error_at(p, act.line, col_after(&act),
			 "expected a socket family or protocol after '%.*s'",
			 (int)act.len, act.s);
		hint(p, SOCKET_RULE_HINT);
		return -1;
	}
	i = find_family(&t);
	if (i >= 0) {
		rule.family = families[i].family;
		fam = t;
		if (!lex(lx, &t))
			goto add;
	}
	proto = find_proto(&t);
	if (proto < 0)
		return error_socket_word(p, &t, i < 0);
	if (i >= 0 && !family_has_proto(rule.family, proto)) {
		error_at(p, t.line, t.col,
			 "'%s' is a protocol of inet%s sockets, not of '%.*s'",
			 protos[proto],
			 proto == CTRPOLICY_NET_PROTO_RAW ? ", inet6 and packet" :
			 " and inet6", (int)fam.len, fam.s);
		hint(p, "'socket %s %s' covers %s over IPv4 and IPv6%s",
		     policy_action_name(action), protos[proto], protos[proto],
		     proto == CTRPOLICY_NET_PROTO_RAW ? ", and packet sockets" : "");
		return -1;
	}
	rule.proto = proto;
	if (socket_rule_end(p, lx))
		return -1;
add:
	pol->socket_rules[pol->n_socket_rules++] = rule;
	return 0;
}

/* ---- address rules -------------------------------------------------------- */

/* The operation list of word T ("connect,send") into *OPS. */
static int parse_ops(struct parser *p, const struct token *t, uint8_t *ops)
{
	struct name_list valid = { .n = 0 };
	struct token w;
	size_t pos = 0;
	int op, more;

	if (is_punct(*t->s))
		return error_punct(p, t);
	list_add_ops(&valid);
	*ops = 0;
	while ((more = next_list_item(p, t, &pos, &w, "network operation",
				      OPS_HINT)) > 0) {
		op = find_op(&w);
		if (op == CTRPOLICY_NET_OP_SOCKET) {
			error_at(p, w.line, w.col,
				 "'socket' is not an operation of address rules");
			hint(p, "sockets have rules of their own: 'socket allow|deny [FAMILY] [PROTO]'");
			return -1;
		}
		if (op < 0) {
			error_unknown(p, &w, "network operation", NULL, &valid);
			hint_valid(p, "network operations", &valid);
			return -1;
		}
		*ops |= 1U << op;
	}
	return more;
}

/*
 * Clear the bits of the LEN-byte address A after its first PLEN; false if
 * any was set.
 */
static bool clear_host_bits(unsigned char *a, size_t len, unsigned int plen)
{
	bool clean = true;
	unsigned int bit;
	unsigned char mask;
	size_t i;

	for (i = 0; i < len; i++) {
		bit = i * 8;
		if (bit >= plen)
			mask = 0;
		else if (plen - bit >= 8)
			mask = 0xff;
		else
			mask = 0xff << (8 - (plen - bit));
		if (a[i] & ~mask)
			clean = false;
		a[i] &= mask;
	}
	return clean;
}

/* The prefix length after the '/' at byte SLASH of the address word T. */
static int parse_prefix_len(struct parser *p, const struct token *t,
			    size_t slash, unsigned int max, unsigned int *plen)
{
	struct token n = sub_token(t, slash + 1, t->len);
	char q[QUOTE_BUF];
	size_t i;

	*plen = 0;
	for (i = 0; i < n.len && i < 4; i++) {
		if (n.s[i] < '0' || n.s[i] > '9')
			break;
		*plen = *plen * 10 + (n.s[i] - '0');
	}
	if (!n.len) {
		error_at(p, n.line, n.col, "missing prefix length after '/'");
	} else if (i < n.len || *plen > max) {
		error_at(p, n.line, n.col, "invalid prefix length '%s'",
			 quote(q, n.s, n.len));
	} else {
		return 0;
	}
	hint(p, "the prefix length of an %s address is 0 to %u",
	     max == 32 ? "IPv4" : "IPv6", max);
	return -1;
}

/*
 * The address word T, "any" or ADDR[/LEN], into RULE: the network in
 * network byte order, with host bits refused, an IPv4-mapped IPv6 network
 * turned into the IPv4 one.
 */
static int parse_address(struct parser *p, const struct token *t,
			 struct ctrpolicy_net_rule *rule)
{
	static const unsigned char v4mapped[12] = {
		0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff
	};
	char text[INET6_ADDRSTRLEN], net[POLICY_NET_ADDR_MAX], q[QUOTE_BUF];
	struct ctrpolicy_net_rule tidy;
	unsigned char a[16] = { 0 };
	const char *slash;
	unsigned int plen, max;
	size_t len;
	int af;

	if (tok_is(t, "any")) {
		rule->family = AF_UNSPEC;
		return 0;
	}
	slash = memchr(t->s, '/', t->len);
	len = slash ? (size_t)(slash - t->s) : t->len;
	af = memchr(t->s, ':', len) ? AF_INET6 : AF_INET;
	max = af == AF_INET6 ? 128 : 32;
	if (len < sizeof(text)) {
		memcpy(text, t->s, len);
		text[len] = '\0';
	}
	if (len >= sizeof(text) || inet_pton(af, text, a) != 1) {
		error_at(p, t->line, t->col, "invalid address '%s'",
			 quote(q, t->s, len));
		hint(p, ADDRESS_HINT);
		return -1;
	}
	plen = max;
	if (slash && parse_prefix_len(p, t, len, max, &plen))
		return -1;
	if (!clear_host_bits(a, max / 8, plen)) {
		error_at(p, t->line, t->col,
			 "host bits set after the prefix in '%s'",
			 quote(q, t->s, t->len));
		tidy.family = af;
		tidy.prefix_len = plen;
		memcpy(tidy.addr, a, sizeof(a));
		hint(p, "the network is '%s'", policy_net_addr_format(&tidy, net));
		return -1;
	}
	if (af == AF_INET6 && plen >= 96 && !memcmp(a, v4mapped, 12)) {
		memmove(a, a + 12, 4);
		memset(a + 4, 0, 12);
		af = AF_INET;
		plen -= 96;
	}
	rule->family = af;
	rule->prefix_len = plen;
	memcpy(rule->addr, a, sizeof(rule->addr));
	return 0;
}

/* One port of a range, word T (not empty), into *PORT. */
static int parse_port(struct parser *p, const struct token *t, uint16_t *port)
{
	char q[QUOTE_BUF];
	unsigned long v = 0;
	size_t i;

	for (i = 0; i < t->len; i++) {
		if (t->s[i] < '0' || t->s[i] > '9') {
			error_at(p, t->line, t->col, "invalid port '%s'",
				 quote(q, t->s, t->len));
			hint(p, PORTS_HINT);
			return -1;
		}
		if (v <= PORT_MAX)
			v = v * 10 + (t->s[i] - '0');
	}
	if (v > PORT_MAX)
		return error_at(p, t->line, t->col,
				"port %s is out of range; the largest is %d",
				quote(q, t->s, t->len), PORT_MAX);
	*port = v;
	return 0;
}

/* "P" or "P-Q", word T, into RULE. */
static int parse_port_range(struct parser *p, const struct token *t,
			    struct ctrpolicy_net_rule *rule)
{
	const char *dash = memchr(t->s, '-', t->len);
	size_t end = dash ? (size_t)(dash - t->s) : t->len;
	struct token first = sub_token(t, 0, end);
	struct token last = sub_token(t, dash ? end + 1 : end, t->len);
	char q[QUOTE_BUF];

	if (!first.len || (dash && !last.len)) {
		error_at(p, t->line, first.len ? last.col : first.col,
			 "missing port in range '%s'", quote(q, t->s, t->len));
		hint(p, PORTS_HINT);
		return -1;
	}
	if (parse_port(p, &first, &rule->port_min))
		return -1;
	rule->port_max = rule->port_min;
	if (dash && parse_port(p, &last, &rule->port_max))
		return -1;
	if (rule->port_min > rule->port_max) {
		error_at(p, t->line, t->col,
			 "invalid port range '%s': %u is larger than %u",
			 quote(q, t->s, t->len), rule->port_min,
			 rule->port_max);
		hint(p, "write the lower port first, as in '8000-8080'");
		return -1;
	}
	return 0;
}

/* Append RULE; KW is the statement's keyword, SPLIT that of a later range. */
static int add_net_rule(struct parser *p, const struct ctrpolicy_net_rule *rule,
			const struct token *kw, bool split)
{
	struct policy *pol = &p->pol;
	struct ctrpolicy_net_rule *rules;
	size_t cap;

	if (pol->n_net_rules == CTRPOLICY_MAX_NET_RULES) {
		error_at(p, kw->line, kw->col,
			 "too many address rules; the limit is %d",
			 CTRPOLICY_MAX_NET_RULES);
		if (split)
			hint(p, "each port range of a statement is an address rule of its own");
		return -1;
	}
	if (pol->n_net_rules == p->net.cap) {
		cap = p->net.cap ? 2 * p->net.cap : 64;
		rules = realloc(pol->net_rules, cap * sizeof(*rules));
		if (!rules)
			return file_error(p->err, p->file, "out of memory");
		pol->net_rules = rules;
		p->net.cap = cap;
	}
	pol->net_rules[pol->n_net_rules++] = *rule;
	return 0;
}

/* The rules of RULE for each port range of the list, word T. */
static int add_port_ranges(struct parser *p, const struct token *kw,
			   const struct token *t, struct ctrpolicy_net_rule *rule)
{
	struct token w;
	size_t pos = 0;
	int more;

	while ((more = next_list_item(p, t, &pos, &w, "port", PORTS_HINT)) > 0) {
		/* Past the first range, the statement splits into rules. */
		if (parse_port_range(p, &w, rule) ||
		    add_net_rule(p, rule, kw, w.s != t->s))
			return -1;
	}
	return more;
}

/* "port PORTS", PORT being the keyword: the rules of RULE for each range. */
static int parse_ports(struct parser *p, struct lexer *lx,
		       const struct token *kw, const struct token *port,
		       struct ctrpolicy_net_rule *rule)
{
	struct token ports;

	if (rule->proto == CTRPOLICY_NET_PROTO_ICMP ||
	    rule->proto == CTRPOLICY_NET_PROTO_RAW) {
		error_at(p, port->line, port->col,
			 "'port' does not apply to %s rules", protos[rule->proto]);
		hint(p, "ICMP and raw sockets have no ports: they count as port 0, which a rule without 'port' matches");
		return -1;
	}
	if (!lex(lx, &ports)) {
		error_at(p, port->line, col_after(port),
			 "expected ports after 'port'");
		hint(p, PORTS_HINT);
		return -1;
	}
	if (is_punct(*ports.s))
		return error_punct(p, &ports);
	return add_port_ranges(p, kw, &ports, rule);
}

/* Whether T looks like an address: a digit first, or a ':' in it. */
static bool is_address_like(const struct token *t)
{
	return (t->s[0] >= '0' && t->s[0] <= '9') || memchr(t->s, ':', t->len);
}

/*
 * Whether T is a list of ports, as a misplaced one would be.  T need not
 * end with a NUL: the input is not terminated.
 */
static bool is_ports_like(const struct token *t)
{
	size_t i;

	for (i = 0; i < t->len; i++) {
		if ((t->s[i] < '0' || t->s[i] > '9') && t->s[i] != ',' &&
		    t->s[i] != '-')
			return false;
	}
	return true;
}

/* Which part of an address rule T is, its protocol into *PROTO; or -1. */
static int part_of(const struct token *t, int *proto)
{
	if (tok_is(t, "port"))
		return NP_PORT;
	*proto = find_proto(t);
	if (*proto >= 0)
		return NP_PROTO;
	if (tok_is(t, "any") || is_address_like(t))
		return NP_ADDRESS;
	return -1;
}

/* A word that is no part of an address rule. */
static int error_address_rule_word(struct parser *p, const struct token *t)
{
	struct name_list valid = { .n = 0 }, prots = { .n = 0 };
	char q[QUOTE_BUF];
	const char *best;

	if (is_punct(*t->s))
		return error_punct(p, t);
	quote(q, t->s, t->len);
	list_add_protos(&prots);
	list_add_protos(&valid);
	list_add(&valid, "any");
	list_add(&valid, "port");
	best = list_closest(&valid, t);
	if (best && find_op(t) < 0 && find_family(t) < 0) {
		if (strcmp(best, "any") && strcmp(best, "port")) {
			error_unknown(p, t, "protocol", NULL, &prots);
			hint_valid(p, "protocols", &prots);
			return -1;
		}
		error_at(p, t->line, t->col,
			 "unexpected '%s' in an address rule; did you mean '%s'?",
			 q, best);
		hint(p, ADDRESS_RULE_HINT);
		return -1;
	}
	error_at(p, t->line, t->col, "unexpected '%s' in an address rule", q);
	if (find_op(t) >= 0)
		hint(p, OPS_HINT);
	else if (find_family(t) >= 0)
		hint(p, "address rules name networks, not families: '0.0.0.0/0' is every IPv4 address, '::/0' every IPv6 address");
	else
		hint(p, ADDRESS_RULE_HINT);
	return -1;
}

/* A part of an address rule that comes twice, or out of order. */
static int error_part_order(struct parser *p, const struct token *t,
			    enum net_part part, enum net_part last,
			    const struct token *first)
{
	char q[QUOTE_BUF];

	quote(q, t->s, t->len);
	if (last == NP_PORT && is_ports_like(t)) {
		error_at(p, t->line, t->col, "unexpected '%s' after the ports",
			 q);
		hint(p, PORTS_HINT);
		return -1;
	}
	if (part == NP_PORT && last == NP_PORT)
		return error_at(p, t->line, t->col,
				"duplicate 'port' (first at column %u)",
				first->col);
	if (part == last) {
		error_at(p, t->line, t->col,
			 "duplicate %s '%s' (first at column %u)",
			 part == NP_PROTO ? "protocol" : "address", q, first->col);
		hint(p, part == NP_ADDRESS ?
		     "a rule has one address: write a rule for each" :
		     ADDRESS_RULE_HINT);
		return -1;
	}
	error_at(p, t->line, t->col, "%s must come before %s",
		 part_names[part], part_names[last]);
	hint(p, ADDRESS_RULE_HINT);
	return -1;
}

/*
 * "allow|deny OPS [PROTO] [ADDRESS] [port PORTS]", KW being "allow" or
 * "deny": a rule for each port range, or one for every port.
 */
static int parse_net_rule(struct parser *p, struct lexer *lx,
			  const struct token *kw)
{
	struct ctrpolicy_net_rule rule = {
		.action = action_of(kw),
		.port_max = PORT_MAX,
	};
	struct token t, parts[NP_COUNT];
	struct name_list valid = { .n = 0 };
	int part, last = -1, proto;

	if (!lex(lx, &t)) {
		list_add_ops(&valid);
		error_at(p, kw->line, col_after(kw),
			 "expected network operations after '%.*s'",
			 (int)kw->len, kw->s);
		hint_valid(p, "network operations", &valid);
		return -1;
	}
	if (parse_ops(p, &t, &rule.ops))
		return -1;
	while (lex(lx, &t)) {
		part = part_of(&t, &proto);
		if (part < 0)
			return error_address_rule_word(p, &t);
		if (part <= last)
			return error_part_order(p, &t, part, last, &parts[part]);
		parts[part] = t;
		last = part;
		if (part == NP_PROTO) {
			rule.proto = proto;
		} else if (part == NP_ADDRESS) {
			if (parse_address(p, &t, &rule))
				return -1;
		} else if (parse_ports(p, lx, kw, &t, &rule)) {
			return -1;
		}
	}
	if (last == NP_PORT)
		return 0;
	return add_net_rule(p, &rule, kw, false);
}

/* ---- printer -------------------------------------------------------------- */

static void print_socket_rule(FILE *f, const struct ctrpolicy_socket_rule *r)
{
	const char *family = policy_net_family_name(r->family);

	fprintf(f, "\tsocket %s %s", policy_action_name(r->action),
		family ? family : "unknown");
	if (r->proto != CTRPOLICY_NET_PROTO_ANY)
		fprintf(f, " %s", policy_net_proto_name(r->proto));
	fputc('\n', f);
}

static void print_net_rule(FILE *f, const struct ctrpolicy_net_rule *r)
{
	char ops[64], addr[POLICY_NET_ADDR_MAX];

	policy_net_ops_format(r->ops, ops, sizeof(ops));
	fprintf(f, "\t%s %s", policy_action_name(r->action), ops);
	if (r->proto != CTRPOLICY_NET_PROTO_ANY)
		fprintf(f, " %s", policy_net_proto_name(r->proto));
	if (r->family != AF_UNSPEC)
		fprintf(f, " %s", policy_net_addr_format(r, addr));
	if (r->port_min == r->port_max)
		fprintf(f, " port %u", r->port_min);
	else if (r->port_min != 0 || r->port_max != PORT_MAX)
		fprintf(f, " port %u-%u", r->port_min, r->port_max);
	fputc('\n', f);
}

/* "default ACTION", the socket rules, then the address rules, in order. */
static void print_net(FILE *f, const struct policy *pol)
{
	size_t i;

	fprintf(f, "\tdefault %s\n", policy_action_name(pol->net_default));
	for (i = 0; i < pol->n_socket_rules; i++)
		print_socket_rule(f, &pol->socket_rules[i]);
	for (i = 0; i < pol->n_net_rules; i++)
		print_net_rule(f, &pol->net_rules[i]);
}

/* ---- comparison ----------------------------------------------------------- */

static bool socket_rule_equal(const struct ctrpolicy_socket_rule *a,
			      const struct ctrpolicy_socket_rule *b)
{
	return a->action == b->action && a->family == b->family &&
	       a->proto == b->proto;
}

static bool net_rule_equal(const struct ctrpolicy_net_rule *a,
			   const struct ctrpolicy_net_rule *b)
{
	return !memcmp(a->addr, b->addr, sizeof(a->addr)) &&
	       a->port_min == b->port_min && a->port_max == b->port_max &&
	       a->prefix_len == b->prefix_len && a->family == b->family &&
	       a->proto == b->proto && a->ops == b->ops &&
	       a->action == b->action;
}

static bool net_equal(const struct policy *a, const struct policy *b)
{
	size_t i;

	if (a->net_default != b->net_default ||
	    a->n_socket_rules != b->n_socket_rules ||
	    a->n_net_rules != b->n_net_rules)
		return false;
	for (i = 0; i < a->n_socket_rules; i++) {
		if (!socket_rule_equal(&a->socket_rules[i], &b->socket_rules[i]))
			return false;
	}
	for (i = 0; i < a->n_net_rules; i++) {
		if (!net_rule_equal(&a->net_rules[i], &b->net_rules[i]))
			return false;
	}
	return true;
}

/*
 * The order of policy_net_sort(): family, longest prefix first, address,
 * then the other fields, so that it is total.
 */
static int net_rule_cmp(const void *x, const void *y)
{
	const struct ctrpolicy_net_rule *a = x, *b = y;
	int d;

	if (a->family != b->family)
		return a->family < b->family ? -1 : 1;
	if (a->prefix_len != b->prefix_len)
		return a->prefix_len > b->prefix_len ? -1 : 1;
	d = memcmp(a->addr, b->addr, sizeof(a->addr));
	if (d)
		return d;
	return (int)a->proto - b->proto ?: (int)a->ops - b->ops ?:
	       (int)a->port_min - b->port_min ?:
	       (int)a->port_max - b->port_max ?: (int)a->action - b->action;
}

void policy_net_sort(struct policy *p)
{
	if (p->n_net_rules)
		qsort(p->net_rules, p->n_net_rules, sizeof(*p->net_rules),
		      net_rule_cmp);
}

/* ---- the section ---------------------------------------------------------- */

static void net_free_rules(struct policy *pol)
{
	free(pol->net_rules);
	pol->net_rules = NULL;
	pol->n_net_rules = 0;
}

static const struct keyword net_stmts[] = {
	{ "default", parse_net_default, true },
	{ "socket", parse_socket, false },
	{ "allow", parse_net_rule, false },
	{ "deny", parse_net_rule, false },
};

const struct section net_section = {
	.name = "network",
	.stmts = net_stmts,
	.n_stmts = ARRAY_SIZE(net_stmts),
	.print = print_net,
	.equal = net_equal,
	.free_rules = net_free_rules,
};
