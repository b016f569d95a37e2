/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Policy files: the parser and the printer of the policy language,
 * described in docs/policy-language.md.
 */
#ifndef CTRPOLICY_POLICY_H
#define CTRPOLICY_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <linux/ctrpolicy.h>

/* Input limits. */
#define POLICY_LINE_MAX		4096		/* bytes, without the newline */
#define POLICY_FILE_MAX		(1024 * 1024)	/* bytes, of each file */
#define POLICY_INCLUDE_DEPTH_MAX 8		/* files included within each other */
#define POLICY_INCLUDE_MAX	64		/* include statements in all */

/*
 * A rule of the mount section.  Absent clauses: an empty FSTYPE, a NULL
 * SOURCE or TARGET, no bit in REQUIRE or FORBID.
 */
struct mount_rule {
	uint32_t action;		/* enum ctrpolicy_action */
	uint32_t op;			/* enum ctrpolicy_mount_op */
	uint32_t require;		/* CTRPOLICY_MOUNT_F_*: all must be set */
	uint32_t forbid;		/* CTRPOLICY_MOUNT_F_*: none may be set */
	char fstype[CTRPOLICY_FSTYPE_MAX];
	char *source;			/* malloc'ed, or NULL */
	char *target;			/* malloc'ed, or NULL */
};

/*
 * A parsed policy: what CTRPOLICY_A_POLICY carries, and the address rules
 * that travel beside it (CTRPOLICY_A_NET_RULES).  It owns its mount and
 * address rules: release it with policy_free().  A zeroed policy is valid,
 * and denies every capability, every mount operation and every socket.
 *
 * The network rules are kept as the ABI carries them: socket rules in file
 * order; address rules in file order, one per port range of a statement,
 * IPv4-mapped IPv6 networks turned into IPv4 ones.
 */
struct policy {
	char name[CTRPOLICY_NAME_MAX];
	enum ctrpolicy_mode mode;
	uint64_t caps;			/* bit N allows capability N */
	uint32_t mount_default;		/* enum ctrpolicy_action */
	size_t n_mount_rules;
	struct mount_rule *mount_rules;	/* malloc'ed, in file order */
	uint32_t net_default;		/* enum ctrpolicy_action */
	size_t n_socket_rules;
	struct ctrpolicy_socket_rule socket_rules[CTRPOLICY_MAX_SOCKET_RULES];
	size_t n_net_rules;
	struct ctrpolicy_net_rule *net_rules;	/* malloc'ed */
	/*
	 * The rate limit of the policy's events (CTRPOLICY_POLICY_A_EVENTS):
	 * events a second, and at once; 0 stands for the default (see
	 * policy_event_rate() and policy_event_burst()).
	 */
	uint32_t event_rate;
	uint32_t event_burst;
	/*
	 * Learn mode: the most distinct requests the learned set holds
	 * (CTRPOLICY_POLICY_A_LEARN_SIZE); 0 for the default.
	 */
	uint32_t learn_size;
};

/*
 * Why parsing failed, ready to print as is: "FILE:LINE:COL: error: ...\n",
 * then often "FILE:LINE:COL: hint: ...\n".  Errors that concern the whole
 * file, such as one that cannot be read, have the form "FILE: error: ...\n".
 * An error in an included file is followed by a line "FILE:LINE:COL: note:
 * included from here\n" for each include statement that led to it, the
 * innermost first.
 */
struct policy_error {
	char msg[4096];
};

/*
 * Where include statements find the files they name.  READ puts the text
 * of the file at PATH into *TEXT (malloc'ed; reading POLICY_FILE_MAX + 1
 * bytes at most is enough to tell a file that is too large) and its length
 * into *LEN, and returns 0; or returns an errno, nothing allocated.
 */
struct policy_source {
	int (*read)(void *data, const char *path, char **text, size_t *len);
	void *data;
};

/* The file system: PATH as open(2) takes it. */
extern const struct policy_source policy_source_files;

/*
 * Parse LEN bytes of TEXT (need not be NUL terminated), named FILENAME in
 * error messages; include statements read their files from SOURCE, a
 * relative path being relative to the directory of the including file's
 * name (FILENAME for the top one).  0 with *OUT filled in, or -1 with ERR
 * filled in and *OUT unchanged (nothing allocated).  On success *OUT owns
 * its mount and address rules: policy_free() it.
 */
int policy_parse_source(const char *filename, const char *text, size_t len,
			const struct policy_source *source, struct policy *out,
			struct policy_error *err);

/* The same, including from the file system. */
int policy_parse_buffer(const char *filename, const char *text, size_t len,
			struct policy *out, struct policy_error *err);

/* Parse the file PATH; "-" reads standard input, named "<stdin>". */
int policy_parse_file(const char *path, struct policy *out,
		      struct policy_error *err);

/*
 * Print P in the canonical form of the language: the statements only, no
 * comment.  Parsing the output gives a policy equal to P, provided P came
 * from the parser (a valid name, a known mode, no bit above CAP_LAST_KNOWN,
 * mount and network rules as the parser accepts them).
 */
void policy_print(FILE *f, const struct policy *p);

/*
 * Whether two policies are the same: name, mode, capabilities, mount
 * default and mount rules, network default, socket rules and address
 * rules, in order, and the rate limit of events.
 */
bool policy_equal(const struct policy *a, const struct policy *b);

/*
 * Free the mount and address rules of P and leave it without any; safe on
 * a zeroed policy and on one already freed.
 */
void policy_free(struct policy *p);

/*
 * The rate limit of P's events in force: its own, or for 0 the default
 * (CTRPOLICY_EVENT_RATE_DEFAULT; a burst of 0 is the rate, or
 * CTRPOLICY_EVENT_BURST_DEFAULT when that is 0 too).
 */
uint32_t policy_event_rate(const struct policy *p);
uint32_t policy_event_burst(const struct policy *p);

/* "allow" or "deny"; "unknown" for any other value. */
const char *policy_action_name(uint32_t action);

/* "mount", "bind", ...; "unknown" for any other value. */
const char *policy_mount_op_name(uint32_t op);

/*
 * The CTRPOLICY_MOUNT_F_* of FLAGS as the language writes them, "ro,nodev"
 * ("" for none, unknown bits left out), into BUF of SIZE bytes, truncated
 * to fit; the length it needs, as snprintf().
 */
size_t policy_mount_flags_format(uint32_t flags, char *buf, size_t size);

/* The size of P's learned set in force: 0 unless P is in learn mode. */
uint32_t policy_learn_size(const struct policy *p);

/* "enforce", "audit" or "learn"; "unknown" (never NULL) for others. */
const char *policy_mode_name(enum ctrpolicy_mode mode);

/* ---- the network section (policy_net.c) ---------------------------------- */

/* An address as inet_ntop() writes it, a '/' and a prefix length. */
#define POLICY_NET_ADDR_MAX	(46 + 4)

/*
 * The name of socket family AF_* FAMILY as the language writes it ("any"
 * for AF_UNSPEC, "inet6", "packet", ...); NULL for a family it does not
 * name.
 */
const char *policy_net_family_name(unsigned int family);

/* "tcp", "udp", "icmp", "raw", "any", "other"; "unknown" for others. */
const char *policy_net_proto_name(uint32_t proto);

/* "socket", "bind", "connect", "listen", "send"; "unknown" for others. */
const char *policy_net_op_name(uint32_t op);

/*
 * The operations OPS (bits 1 << CTRPOLICY_NET_OP_*) as the language writes
 * them, "bind,connect" (unknown bits left out), into BUF of SIZE bytes,
 * truncated to fit; the length it needs, as snprintf().
 */
size_t policy_net_ops_format(uint32_t ops, char *buf, size_t size);

/*
 * Sort the address rules of P into one order, whatever order they came
 * in: the order of address rules does not matter to the decision, and two
 * policies with the same rules then print the same.
 */
void policy_net_sort(struct policy *p);

/*
 * The network of address rule R, "10.0.0.0/8" or "2001:db8::/32", "any"
 * for AF_UNSPEC, into BUF of POLICY_NET_ADDR_MAX bytes.
 */
const char *policy_net_addr_format(const struct ctrpolicy_net_rule *r,
				   char *buf);

#endif
