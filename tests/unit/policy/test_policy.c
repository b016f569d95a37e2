// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the policy language: the parser and printer of
 * tools/ctrpolicy/ (lex.c, diag.c, policy*.c) and caps.c.
 * ASan checks that nothing leaks, on success (policy_free()) and on errors.
 *
 * usage: test_policy FIXTURE_DIR
 *
 * Prints a TAP line without a number for every check, "# " lines explain a
 * failure; exits 1 if any check failed.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/socket.h>
#include <linux/capability.h>

#include "caps.h"
#include "policy.h"

#define TAP_PREFIX "policy: "
#include "tap.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define CAP(n)		(1ULL << (n))
#define ALL		CAP_MASK_KNOWN
#define FILE_NAME	"t.policy"
/* What a policy without mount or network rules prints after its capabilities. */
#define NO_MOUNT	"\nmount {\n\tdefault deny\n}\n\nnetwork {\n\tdefault deny\n}\n"

static const char *fixtures;

/* TEXT as "# " lines, with its newlines and tabs made visible. */
static void diag(const char *label, const char *text)
{
	const char *s;

	printf("#   %s: ", label);
	if (!text) {
		printf("(null)\n");
		return;
	}
	putchar('"');
	for (s = text; *s; s++) {
		if (*s == '\n')
			printf(s[1] ? "\\n\n#     " : "\\n");
		else if (*s == '\t')
			printf("\\t");
		else
			putchar(*s);
	}
	printf("\"\n");
}

static void diag_policy(const char *label, const struct policy *p)
{
	const struct mount_rule *r;
	size_t i;

	printf("#   %s: name '%s' mode %d caps %#llx mount default %u, %zu rules\n",
	       label, p->name, p->mode, (unsigned long long)p->caps,
	       p->mount_default, p->n_mount_rules);
	printf("#     network default %u, %zu socket rules, %zu address rules\n",
	       p->net_default, p->n_socket_rules, p->n_net_rules);
	for (i = 0; i < p->n_mount_rules && i < 20; i++) {
		r = &p->mount_rules[i];
		printf("#     action %u op %u fstype '%s' source %s%s%s target %s%s%s require %#x forbid %#x\n",
		       r->action, r->op, r->fstype, r->source ? "'" : "",
		       r->source ? r->source : "NULL", r->source ? "'" : "",
		       r->target ? "'" : "", r->target ? r->target : "NULL",
		       r->target ? "'" : "", r->require, r->forbid);
	}
}

/* The output of policy_print(), malloc'ed. */
static char *print_to_string(const struct policy *p)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	if (!f) {
		perror("open_memstream");
		exit(1);
	}
	policy_print(f, p);
	fclose(f);
	return buf;
}

static char *read_fixture(const char *name)
{
	char path[4096];
	char *buf;
	long len;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", fixtures, name);
	f = fopen(path, "r");
	if (!f) {
		printf("Bail out! %s: %s\n", path, strerror(errno));
		exit(1);
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	buf = calloc(1, len + 1);
	if (!buf || fread(buf, 1, len, f) != (size_t)len) {
		printf("Bail out! cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	return buf;
}

/* TEXT parsed into *P, or bail out. */
static void parse_ok(const char *text, struct policy *p)
{
	struct policy_error err;

	if (policy_parse_buffer(FILE_NAME, text, strlen(text), p, &err)) {
		printf("Bail out! %s", err.msg);
		exit(1);
	}
}

/* ---- capability names ----------------------------------------------------- */

static void test_caps(void)
{
#define C(x)	{ #x, x }
	static const struct {
		const char *name;
		int number;
	} kernel[] = {
		C(CAP_CHOWN), C(CAP_DAC_OVERRIDE), C(CAP_DAC_READ_SEARCH),
		C(CAP_FOWNER), C(CAP_FSETID), C(CAP_KILL), C(CAP_SETGID),
		C(CAP_SETUID), C(CAP_SETPCAP), C(CAP_LINUX_IMMUTABLE),
		C(CAP_NET_BIND_SERVICE), C(CAP_NET_BROADCAST),
		C(CAP_NET_ADMIN), C(CAP_NET_RAW), C(CAP_IPC_LOCK),
		C(CAP_IPC_OWNER), C(CAP_SYS_MODULE), C(CAP_SYS_RAWIO),
		C(CAP_SYS_CHROOT), C(CAP_SYS_PTRACE), C(CAP_SYS_PACCT),
		C(CAP_SYS_ADMIN), C(CAP_SYS_BOOT), C(CAP_SYS_NICE),
		C(CAP_SYS_RESOURCE), C(CAP_SYS_TIME), C(CAP_SYS_TTY_CONFIG),
		C(CAP_MKNOD), C(CAP_LEASE), C(CAP_AUDIT_WRITE),
		C(CAP_AUDIT_CONTROL), C(CAP_SETFCAP), C(CAP_MAC_OVERRIDE),
		C(CAP_MAC_ADMIN), C(CAP_SYSLOG), C(CAP_WAKE_ALARM),
		C(CAP_BLOCK_SUSPEND), C(CAP_AUDIT_READ), C(CAP_PERFMON),
		C(CAP_BPF), C(CAP_CHECKPOINT_RESTORE),
	};
#undef C
	char lower[64];
	size_t i, j;
	int ok = 1;

	for (i = 0; i < ARRAY_SIZE(kernel); i++) {
		const char *name = kernel[i].name;
		int n = kernel[i].number;

		for (j = 0; name[j + 4]; j++)
			lower[j] = tolower((unsigned char)name[j + 4]);
		lower[j] = '\0';
		if (!cap_name(n) || strcmp(cap_name(n), lower) ||
		    cap_from_name(name, strlen(name)) != n ||
		    cap_from_name(lower, strlen(lower)) != n ||
		    cap_from_name(name + 4, strlen(name + 4)) != n) {
			printf("#   %s = %d: cap_name gives '%s'\n", name, n,
			       cap_name(n) ? cap_name(n) : "(null)");
			ok = 0;
		}
	}
	check(ok && ARRAY_SIZE(kernel) == CAP_LAST_KNOWN + 1,
	      "caps: the 41 names and numbers of <linux/capability.h>, with and without cap_, in any case");
	check(cap_name(CAP_LAST_KNOWN + 1) == NULL && cap_name(-1U) == NULL,
	      "caps: cap_name is NULL past checkpoint_restore");
	check(cap_from_name("cap_", 4) == -1 && cap_from_name("", 0) == -1 &&
	      cap_from_name("chow", 4) == -1 &&
	      cap_from_name("chownx", 6) == -1 &&
	      cap_from_name("chown\0", 6) == -1 &&
	      cap_from_name("cap_cap_chown", 13) == -1 &&
	      cap_from_name("all", 3) == -1,
	      "caps: cap_from_name refuses prefixes, extensions, NUL, 'cap_cap_' and 'all'");
	check(cap_from_name("chown kill", 5) == 0 &&
	      cap_from_name("Sys_Admin", 9) == 21 &&
	      cap_from_name("CaP_bPf", 7) == 39,
	      "caps: cap_from_name takes a length and ignores case");
}

/* ---- valid policies ------------------------------------------------------- */

static const struct valid_case {
	const char *desc;
	const char *text;
	const char *name;
	enum ctrpolicy_mode mode;
	uint64_t caps;
} valid_cases[] = {
	{ "minimal policy: mode defaults to enforce, capabilities to none",
	  "policy a\n", "a", CTRPOLICY_MODE_ENFORCE, 0 },
	{ "mode audit", "policy a\nmode audit\n", "a",
	  CTRPOLICY_MODE_AUDIT, 0 },
	{ "mode enforce, no newline at the end",
	  "mode enforce\npolicy a", "a", CTRPOLICY_MODE_ENFORCE, 0 },
	{ "the example of the brief (Docker's default set)",
	  "# Docker's default capability set.\n"
	  "policy docker-default          # name\n"
	  "mode enforce                   # mode\n"
	  "\n"
	  "capabilities {\n"
	  "\tallow chown dac_override fowner fsetid kill setgid setuid setpcap\n"
	  "\tallow net_bind_service net_raw sys_chroot mknod audit_write setfcap\n"
	  "}\n",
	  "docker-default", CTRPOLICY_MODE_ENFORCE,
	  CAP(0) | CAP(1) | CAP(3) | CAP(4) | CAP(5) | CAP(6) | CAP(7) |
	  CAP(8) | CAP(10) | CAP(13) | CAP(18) | CAP(27) | CAP(29) | CAP(31) },
	{ "cap_ prefix, upper and mixed case",
	  "policy a\ncapabilities {\n"
	  "allow CAP_SYS_ADMIN cap_net_admin Net_Raw sys_chroot CAP_bpf\n}\n",
	  "a", CTRPOLICY_MODE_ENFORCE,
	  CAP(21) | CAP(12) | CAP(13) | CAP(18) | CAP(39) },
	{ "the last capability, checkpoint_restore = 40",
	  "policy a\ncapabilities {\nallow checkpoint_restore\n}\n",
	  "a", CTRPOLICY_MODE_ENFORCE, CAP(40) },
	{ "allow all", "policy a\ncapabilities {\n\tallow all\n}\n", "a",
	  CTRPOLICY_MODE_ENFORCE, ALL },
	{ "ALL and None in any case",
	  "policy a\ncapabilities {\n\tallow ALL\n}\n", "a",
	  CTRPOLICY_MODE_ENFORCE, ALL },
	{ "allow all, then deny some",
	  "policy a\ncapabilities {\n\tallow all\n\tdeny sys_admin sys_module\n}\n",
	  "a", CTRPOLICY_MODE_ENFORCE, ALL & ~(CAP(21) | CAP(16)) },
	{ "allow, deny, allow again: file order",
	  "policy a\ncapabilities {\nallow chown kill\ndeny chown\nallow chown\n}\n",
	  "a", CTRPOLICY_MODE_ENFORCE, CAP(0) | CAP(5) },
	{ "deny before allow removes nothing allowed later",
	  "policy a\ncapabilities {\ndeny chown\nallow chown\n}\n",
	  "a", CTRPOLICY_MODE_ENFORCE, CAP(0) },
	{ "allow then deny of the same capability",
	  "policy a\ncapabilities {\nallow kill\ndeny kill\n}\n",
	  "a", CTRPOLICY_MODE_ENFORCE, 0 },
	{ "deny all after allows",
	  "policy a\ncapabilities {\nallow kill chown\ndeny all\n}\n",
	  "a", CTRPOLICY_MODE_ENFORCE, 0 },
	{ "allow none", "policy a\ncapabilities {\n\tallow none\n}\n", "a",
	  CTRPOLICY_MODE_ENFORCE, 0 },
	{ "allow NONE in upper case",
	  "policy a\ncapabilities {\n\tallow NONE\n}\n", "a",
	  CTRPOLICY_MODE_ENFORCE, 0 },
	{ "an empty section allows nothing",
	  "policy a\ncapabilities {\n}\n", "a", CTRPOLICY_MODE_ENFORCE, 0 },
	{ "a capability named twice on a line",
	  "policy a\ncapabilities {\nallow kill kill cap_kill\n}\n", "a",
	  CTRPOLICY_MODE_ENFORCE, CAP(5) },
	{ "comments everywhere (valid form)",
	  "# head\n"
	  "policy x # after the name\n"
	  "    # indented\n"
	  "mode audit#no space before it\n"
	  "capabilities { # after the brace\n"
	  "\t# inside\n"
	  "\tallow chown# no space before it\n"
	  "\t\tallow kill\n"
	  "} # after the closing brace\n"
	  "# tail",
	  "x", CTRPOLICY_MODE_AUDIT, CAP(0) | CAP(5) },
	{ "blank lines, spaces, tabs and CRLF line ends",
	  "\r\n  \t \n\tpolicy \t  a\r\n\r\nmode\taudit \r\n"
	  "capabilities\t{\r\n  allow\t kill  \r\n}\r\n",
	  "a", CTRPOLICY_MODE_AUDIT, CAP(5) },
	{ "'{' right after the section name",
	  "policy a\ncapabilities{\nallow kill\n}\n", "a",
	  CTRPOLICY_MODE_ENFORCE, CAP(5) },
	{ "the section before the policy statement",
	  "capabilities {\nallow kill\n}\nmode audit\npolicy a\n", "a",
	  CTRPOLICY_MODE_AUDIT, CAP(5) },
	{ "a name of 63 characters",
	  "policy abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-\n",
	  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-",
	  CTRPOLICY_MODE_ENFORCE, 0 },
	{ "a name of one character, '.' alone",
	  "policy .\n", ".", CTRPOLICY_MODE_ENFORCE, 0 },
};

static void test_valid(void)
{
	const struct valid_case *c;
	struct policy_error err;
	struct policy p;
	size_t i;
	int rc;

	for (i = 0; i < ARRAY_SIZE(valid_cases); i++) {
		c = &valid_cases[i];
		memset(&p, 0xa5, sizeof(p));
		rc = policy_parse_buffer(FILE_NAME, c->text, strlen(c->text),
					 &p, &err);
		check(rc == 0 && !strcmp(p.name, c->name) && p.mode == c->mode &&
		      p.caps == c->caps, "valid: %s", c->desc);
		if (rc) {
			diag("input", c->text);
			diag("error", err.msg);
		} else if (strcmp(p.name, c->name) || p.mode != c->mode ||
			   p.caps != c->caps) {
			diag("input", c->text);
			diag_policy("got", &p);
			printf("#   expected: name '%s' mode %d caps %#llx\n",
			       c->name, c->mode, (unsigned long long)c->caps);
		}
		if (!rc) {
			check(p.mount_default == CTRPOLICY_ACTION_DENY &&
			      p.n_mount_rules == 0 && !p.mount_rules,
			      "valid: %s: no mount section, every mount denied",
			      c->desc);
			check(p.net_default == CTRPOLICY_ACTION_DENY &&
			      p.n_socket_rules == 0 && p.n_net_rules == 0 &&
			      !p.net_rules,
			      "valid: %s: no network section, every socket denied",
			      c->desc);
			policy_free(&p);
		}
	}
}

/* ---- errors --------------------------------------------------------------- */

static const struct error_case {
	const char *desc;
	const char *text;
	size_t len;		/* 0: strlen(text) */
	const char *msg;
} error_cases[] = {
	{ "events: a rate without its unit",
	  "policy a\nevents {\n\trate 100\n}\n", 0,
	  "t.policy:3:7: error: invalid rate '100'\n"
	  "t.policy:3:7: hint: a rate is a number of events a second, 1 to 10000, as in 'rate 100/s'\n" },
	{ "events: a rate of 0",
	  "policy a\nevents {\n\trate 0/s\n}\n", 0,
	  "t.policy:3:7: error: rate '0/s' is out of range\n"
	  "t.policy:3:7: hint: a rate is a number of events a second, 1 to 10000, as in 'rate 100/s'\n" },
	{ "events: a rate above 10000",
	  "policy a\nevents {\n\trate 10001/s\n}\n", 0,
	  "t.policy:3:7: error: rate '10001/s' is out of range\n"
	  "t.policy:3:7: hint: a rate is a number of events a second, 1 to 10000, as in 'rate 100/s'\n" },
	{ "events: a rate far above 10000 does not wrap",
	  "policy a\nevents {\n\trate 4294967297/s\n}\n", 0,
	  "t.policy:3:7: error: rate '4294967297/s' is out of range\n"
	  "t.policy:3:7: hint: a rate is a number of events a second, 1 to 10000, as in 'rate 100/s'\n" },
	{ "events: a rate per minute is not a rate",
	  "policy a\nevents {\n\trate 5/m\n}\n", 0,
	  "t.policy:3:7: error: invalid rate '5/m'\n"
	  "t.policy:3:7: hint: a rate is a number of events a second, 1 to 10000, as in 'rate 100/s'\n" },
	{ "events: a negative rate",
	  "policy a\nevents {\n\trate -1/s\n}\n", 0,
	  "t.policy:3:7: error: invalid rate '-1/s'\n"
	  "t.policy:3:7: hint: a rate is a number of events a second, 1 to 10000, as in 'rate 100/s'\n" },
	{ "events: a rate missing",
	  "policy a\nevents {\n\trate\n}\n", 0,
	  "t.policy:3:6: error: expected a rate after 'rate'\n"
	  "t.policy:3:6: hint: a rate is a number of events a second, 1 to 10000, as in 'rate 100/s'\n" },
	{ "events: a burst with a unit",
	  "policy a\nevents {\n\tburst 5/s\n}\n", 0,
	  "t.policy:3:8: error: invalid burst '5/s'\n"
	  "t.policy:3:8: hint: a burst is a number of events, 1 to 10000, as in 'burst 200'\n" },
	{ "events: a burst of 0",
	  "policy a\nevents {\n\tburst 0\n}\n", 0,
	  "t.policy:3:8: error: burst '0' is out of range\n"
	  "t.policy:3:8: hint: a burst is a number of events, 1 to 10000, as in 'burst 200'\n" },
	{ "events: a burst missing",
	  "policy a\nevents {\n\tburst # none\n}\n", 0,
	  "t.policy:3:7: error: expected a number after 'burst'\n"
	  "t.policy:3:7: hint: a burst is a number of events, 1 to 10000, as in 'burst 200'\n" },
	{ "events: a second rate",
	  "policy a\nevents {\n\trate 5/s\n\trate 6/s\n}\n", 0,
	  "t.policy:4:2: error: duplicate 'rate' statement (first at line 3)\n" },
	{ "events: words after the rate",
	  "policy a\nevents {\n\trate 5/s burst 6\n}\n", 0,
	  "t.policy:3:11: error: unexpected 'burst' after the rate\n" },
	{ "events: a misspelt statement",
	  "policy a\nevents {\n\trat 5/s\n}\n", 0,
	  "t.policy:3:2: error: unknown statement 'rat' in section 'events'; did you mean 'rate'?\n"
	  "t.policy:3:2: hint: valid statements in section 'events': rate, burst\n" },
	{ "events: a second section",
	  "policy a\nevents {\n}\nevents {\n}\n", 0,
	  "t.policy:4:1: error: duplicate section 'events' (first at line 2)\n" },
	{ "capability typo, with a suggestion",
	  "policy a\ncapabilities {\n\tallow chown sys_admn\n}\n", 0,
	  "t.policy:3:14: error: unknown capability 'sys_admn'; did you mean 'sys_admin'?\n" },
	{ "capability typo with CAP_ prefix: the suggestion is canonical",
	  "policy a\ncapabilities {\nallow CAP_NET_AMDIN\n}\n", 0,
	  "t.policy:3:7: error: unknown capability 'CAP_NET_AMDIN'; did you mean 'net_admin'?\n" },
	{ "unknown capability, no suggestion",
	  "policy a\ncapabilities {\n  deny frobnicate\n}\n", 0,
	  "t.policy:3:8: error: unknown capability 'frobnicate'\n"
	  "t.policy:3:8: hint: capabilities are named as in capabilities(7), e.g. 'net_admin' or 'CAP_NET_ADMIN', or 'all'\n" },
	{ "unknown section",
	  "policy a\nfirewall {\n}\n", 0,
	  "t.policy:2:1: error: unknown section 'firewall'\n"
	  "t.policy:2:1: hint: valid sections: capabilities, mount, network, events\n" },
	{ "misspelt section",
	  "policy a\ncapabilites {\n}\n", 0,
	  "t.policy:2:1: error: unknown section 'capabilites'; did you mean 'capabilities'?\n"
	  "t.policy:2:1: hint: valid sections: capabilities, mount, network, events\n" },
	{ "unknown keyword",
	  "polcy a\n", 0,
	  "t.policy:1:1: error: unknown keyword 'polcy'; did you mean 'policy'?\n"
	  "t.policy:1:1: hint: valid keywords: policy, mode, include, capabilities, mount, network, events\n" },
	{ "keywords are lower case",
	  "POLICY a\n", 0,
	  "t.policy:1:1: error: unknown keyword 'POLICY'; did you mean 'policy'?\n"
	  "t.policy:1:1: hint: valid keywords: policy, mode, include, capabilities, mount, network, events\n" },
	{ "missing '}' at the end of the file",
	  "policy a\ncapabilities {\n\tallow chown\n", 0,
	  "t.policy:3:13: error: unterminated section 'capabilities' opened at line 2\n"
	  "t.policy:3:13: hint: close it with '}' on a line of its own\n" },
	{ "duplicate section",
	  "policy a\ncapabilities {\n}\n\ncapabilities {\n}\n", 0,
	  "t.policy:5:1: error: duplicate section 'capabilities' (first at line 2)\n" },
	{ "duplicate policy statement",
	  "# x\npolicy a\nmode audit\npolicy a\n", 0,
	  "t.policy:4:1: error: duplicate 'policy' statement (first at line 2)\n" },
	{ "duplicate mode statement",
	  "policy a\nmode audit\n  mode audit\n", 0,
	  "t.policy:3:3: error: duplicate 'mode' statement (first at line 2)\n" },
	{ "name too long (64 characters)",
	  "policy abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._\n", 0,
	  "t.policy:1:8: error: policy name is 64 characters long; the limit is 63\n"
	  "t.policy:1:8: hint: a policy name is 1 to 63 letters, digits, '.', '_' or '-'\n" },
	{ "bad character in the name",
	  "policy my/policy\n", 0,
	  "t.policy:1:10: error: invalid character '/' in policy name\n"
	  "t.policy:1:10: hint: a policy name is 1 to 63 letters, digits, '.', '_' or '-'\n" },
	{ "non-ASCII character in the name, escaped in the message",
	  "policy caf\xc3\xa9\n", 0,
	  "t.policy:1:11: error: invalid character '\\xc3' in policy name\n"
	  "t.policy:1:11: hint: a policy name is 1 to 63 letters, digits, '.', '_' or '-'\n" },
	{ "missing name",
	  "policy   # none\n", 0,
	  "t.policy:1:7: error: expected a policy name after 'policy'\n"
	  "t.policy:1:7: hint: a policy name is 1 to 63 letters, digits, '.', '_' or '-'\n" },
	{ "name too long (65 characters, every allowed character)",
	  "policy abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-\n", 0,
	  "t.policy:1:8: error: policy name is 65 characters long; the limit is 63\n"
	  "t.policy:1:8: hint: a policy name is 1 to 63 letters, digits, '.', '_' or '-'\n" },
	{ "two names",
	  "policy a b\n", 0,
	  "t.policy:1:10: error: unexpected 'b' after the policy name\n" },
	{ "missing policy statement",
	  "mode audit\ncapabilities {\n}\n", 0,
	  "t.policy:1:1: error: missing 'policy NAME' statement\n"
	  "t.policy:1:1: hint: every policy file names its policy, as in 'policy web-frontend'\n" },
	{ "empty input",
	  "", 0,
	  "t.policy:1:1: error: missing 'policy NAME' statement\n"
	  "t.policy:1:1: hint: every policy file names its policy, as in 'policy web-frontend'\n" },
	{ "NUL byte",
	  "policy a\nmode au\0dit\n", 20,
	  "t.policy:2:8: error: NUL byte in input\n" },
	{ "NUL byte in a comment",
	  "policy a # \0\n", 13,
	  "t.policy:1:12: error: NUL byte in input\n" },
	{ "unknown mode, with a suggestion",
	  "policy a\nmode audti\n", 0,
	  "t.policy:2:6: error: unknown mode 'audti'; did you mean 'audit'?\n"
	  "t.policy:2:6: hint: valid modes: enforce, audit, learn\n" },
	{ "unknown mode",
	  "policy a\nmode permissive\n", 0,
	  "t.policy:2:6: error: unknown mode 'permissive'\n"
	  "t.policy:2:6: hint: valid modes: enforce, audit, learn\n" },
	{ "missing mode",
	  "policy a\nmode\n", 0,
	  "t.policy:2:5: error: expected a mode after 'mode'\n"
	  "t.policy:2:5: hint: valid modes: enforce, audit, learn\n" },
	{ "missing '{'",
	  "policy a\ncapabilities\nallow chown\n}\n", 0,
	  "t.policy:2:13: error: expected '{' after 'capabilities'\n"
	  "t.policy:2:13: hint: a section opens with '{' at the end of its first line: 'capabilities {'\n" },
	{ "a word instead of '{'",
	  "policy a\ncapabilities allow {\n}\n", 0,
	  "t.policy:2:14: error: expected '{' after 'capabilities', found 'allow'\n" },
	{ "a statement after '{'",
	  "policy a\ncapabilities { allow chown\n}\n", 0,
	  "t.policy:2:16: error: unexpected 'allow' after '{'\n"
	  "t.policy:2:16: hint: the statements of a section and its closing '}' go on lines of their own\n" },
	{ "'}' after a statement",
	  "policy a\ncapabilities {\nallow chown }\n", 0,
	  "t.policy:3:13: error: unexpected '}'\n"
	  "t.policy:3:13: hint: '}' closes a section and must be alone on its line\n" },
	{ "a word after '}'",
	  "policy a\ncapabilities {\n} mode\n", 0,
	  "t.policy:3:3: error: unexpected 'mode' after '}'\n" },
	{ "'}' outside a section",
	  "policy a\n}\n", 0,
	  "t.policy:2:1: error: unexpected '}' outside a section\n" },
	{ "'{' alone",
	  "policy a\ncapabilities\n{\n}\n", 0,
	  "t.policy:2:13: error: expected '{' after 'capabilities'\n"
	  "t.policy:2:13: hint: a section opens with '{' at the end of its first line: 'capabilities {'\n" },
	{ "'{' at the start of a line",
	  "policy a\n{\n", 0,
	  "t.policy:2:1: error: unexpected '{'\n"
	  "t.policy:2:1: hint: '{' must end the first line of a section, as in 'capabilities {'\n" },
	{ "unknown statement in a section",
	  "policy a\ncapabilities {\n\tpermit chown\n}\n", 0,
	  "t.policy:3:2: error: unknown statement 'permit' in section 'capabilities'\n"
	  "t.policy:3:2: hint: valid statements in section 'capabilities': allow, deny\n" },
	{ "misspelt statement in a section",
	  "policy a\ncapabilities {\n\talow chown\n}\n", 0,
	  "t.policy:3:2: error: unknown statement 'alow' in section 'capabilities'; did you mean 'allow'?\n"
	  "t.policy:3:2: hint: valid statements in section 'capabilities': allow, deny\n" },
	{ "a comment glued to a keyword leaves it without capabilities",
	  "policy a\ncapabilities {\n\tdeny#x\n}\n", 0,
	  "t.policy:3:6: error: expected a capability name after 'deny'\n" },
	{ "allow without capabilities",
	  "policy a\ncapabilities {\n\tallow\n}\n", 0,
	  "t.policy:3:7: error: expected a capability name after 'allow'\n"
	  "t.policy:3:7: hint: 'allow none' states that no capability is allowed\n" },
	{ "a top-level keyword inside a section",
	  "policy a\ncapabilities {\n\tallow chown\n\nmode audit\n", 0,
	  "t.policy:5:1: error: 'mode' is not valid inside section 'capabilities'\n"
	  "t.policy:5:1: hint: close section 'capabilities' (opened at line 2) with '}' first\n" },
	{ "a nested section",
	  "policy a\ncapabilities {\n\tcapabilities {\n}\n}\n", 0,
	  "t.policy:3:2: error: 'capabilities' is not valid inside section 'capabilities'\n"
	  "t.policy:3:2: hint: close section 'capabilities' (opened at line 2) with '}' first\n" },
	{ "'none' with other capabilities",
	  "policy a\ncapabilities {\n\tallow none chown\n}\n", 0,
	  "t.policy:3:8: error: 'none' is only valid alone on an 'allow' line\n" },
	{ "'none' after other capabilities",
	  "policy a\ncapabilities {\n\tallow chown none\n}\n", 0,
	  "t.policy:3:14: error: 'none' is only valid alone on an 'allow' line\n" },
	{ "'deny none'",
	  "policy a\ncapabilities {\n\tdeny none\n}\n", 0,
	  "t.policy:3:7: error: 'none' is only valid alone on an 'allow' line\n" },
	{ "'allow none' after another statement",
	  "policy a\ncapabilities {\n\tallow kill\n\tallow none\n}\n", 0,
	  "t.policy:4:8: error: 'allow none' must be the only statement of section 'capabilities'\n" },
	{ "a statement after 'allow none'",
	  "policy a\ncapabilities {\n\tallow none\n\tdeny kill\n}\n", 0,
	  "t.policy:4:2: error: no statement may follow 'allow none' (line 3) in section 'capabilities'\n" },
	{ "control bytes are escaped in messages",
	  "policy a\ncapabilities {\n\tallow \x01\x7f\\\n}\n", 0,
	  "t.policy:3:8: error: unknown capability '\\x01\\x7f\\x5c'\n"
	  "t.policy:3:8: hint: capabilities are named as in capabilities(7), e.g. 'net_admin' or 'CAP_NET_ADMIN', or 'all'\n" },
	{ "long words are truncated in messages",
	  "policy a\ncapabilities {\n\tallow "
	  "aaaaaaaaaabbbbbbbbbbccccccccccddddddddddeeeeeeeeee\n}\n", 0,
	  "t.policy:3:8: error: unknown capability 'aaaaaaaaaabbbbbbbbbbccccccccccdddddddddd...'\n"
	  "t.policy:3:8: hint: capabilities are named as in capabilities(7), e.g. 'net_admin' or 'CAP_NET_ADMIN', or 'all'\n" },
	/* The mount section; "M" puts RULE on line 3 of a policy. */
#define M(rule)	"policy a\nmount {\n" rule "\n}\n"
	{ "mount: unknown operation, with a suggestion",
	  M("\tallow mnt on /x"), 0,
	  "t.policy:3:8: error: unknown mount operation 'mnt'; did you mean 'mount'?\n"
	  "t.policy:3:8: hint: valid mount operations: mount, bind, remount, move, umount, pivot_root, propagation\n" },
	{ "mount: 'unmount' is 'umount'",
	  M("deny unmount"), 0,
	  "t.policy:3:6: error: unknown mount operation 'unmount'; did you mean 'umount'?\n"
	  "t.policy:3:6: hint: valid mount operations: mount, bind, remount, move, umount, pivot_root, propagation\n" },
	{ "mount: unknown operation, no suggestion",
	  M("allow chroot"), 0,
	  "t.policy:3:7: error: unknown mount operation 'chroot'\n"
	  "t.policy:3:7: hint: valid mount operations: mount, bind, remount, move, umount, pivot_root, propagation\n" },
	{ "mount: operations are lower case",
	  M("allow MOUNT"), 0,
	  "t.policy:3:7: error: unknown mount operation 'MOUNT'; did you mean 'mount'?\n"
	  "t.policy:3:7: hint: valid mount operations: mount, bind, remount, move, umount, pivot_root, propagation\n" },
	{ "mount: no operation",
	  M("\tdeny   # nothing"), 0,
	  "t.policy:3:6: error: expected a mount operation after 'deny'\n"
	  "t.policy:3:6: hint: valid mount operations: mount, bind, remount, move, umount, pivot_root, propagation\n" },
	{ "mount: unknown statement",
	  M("\tpermit mount"), 0,
	  "t.policy:3:2: error: unknown statement 'permit' in section 'mount'\n"
	  "t.policy:3:2: hint: valid statements in section 'mount': default, allow, deny\n" },
	{ "mount: misspelt 'default'",
	  M("defualt allow"), 0,
	  "t.policy:3:1: error: unknown statement 'defualt' in section 'mount'; did you mean 'default'?\n"
	  "t.policy:3:1: hint: valid statements in section 'mount': default, allow, deny\n" },
	{ "mount: unknown flag, with a suggestion",
	  M("\tallow mount tmpfs on /tmp require nodev,nosiud"), 0,
	  "t.policy:3:42: error: unknown mount flag 'nosiud'; did you mean 'nosuid'?\n"
	  "t.policy:3:42: hint: valid mount flags: ro, nosuid, nodev, noexec, shared, private, slave, unbindable\n" },
	{ "mount: unknown flag, no suggestion",
	  M("allow remount forbid readonly"), 0,
	  "t.policy:3:22: error: unknown mount flag 'readonly'\n"
	  "t.policy:3:22: hint: valid mount flags: ro, nosuid, nodev, noexec, shared, private, slave, unbindable\n" },
	{ "mount: flags are lower case",
	  M("allow remount require RO"), 0,
	  "t.policy:3:23: error: unknown mount flag 'RO'; did you mean 'ro'?\n"
	  "t.policy:3:23: hint: valid mount flags: ro, nosuid, nodev, noexec, shared, private, slave, unbindable\n" },
	{ "mount: a flag both required and forbidden",
	  M("allow remount require nosuid,ro forbid nodev,ro"), 0,
	  "t.policy:3:46: error: mount flag 'ro' is both required and forbidden\n" },
	{ "mount: flags separated by a space",
	  M("allow remount require ro nodev"), 0,
	  "t.policy:3:26: error: unexpected 'nodev' in a mount rule\n"
	  "t.policy:3:26: hint: separate mount flags with commas, without spaces: 'nosuid,nodev'\n" },
	{ "mount: flags separated by a comma and a space",
	  M("allow remount require ro, nodev"), 0,
	  "t.policy:3:26: error: empty mount flag in 'ro,'\n"
	  "t.policy:3:26: hint: separate mount flags with commas, without spaces: 'nosuid,nodev'\n" },
	{ "mount: two commas",
	  M("allow remount require ro,,nodev"), 0,
	  "t.policy:3:26: error: empty mount flag in 'ro,,nodev'\n"
	  "t.policy:3:26: hint: separate mount flags with commas, without spaces: 'nosuid,nodev'\n" },
	{ "mount: a leading comma",
	  M("allow remount require ,ro"), 0,
	  "t.policy:3:23: error: empty mount flag in ',ro'\n"
	  "t.policy:3:23: hint: separate mount flags with commas, without spaces: 'nosuid,nodev'\n" },
	{ "mount: no flags after 'require'",
	  M("allow remount on /x require"), 0,
	  "t.policy:3:28: error: expected mount flags after 'require'\n"
	  "t.policy:3:28: hint: valid mount flags: ro, nosuid, nodev, noexec, shared, private, slave, unbindable\n" },
	{ "mount: a clause instead of the flags of 'require'",
	  M("allow remount require forbid ro"), 0,
	  "t.policy:3:22: error: expected mount flags after 'require'\n"
	  "t.policy:3:22: hint: valid mount flags: ro, nosuid, nodev, noexec, shared, private, slave, unbindable\n" },
	{ "mount: a relative target",
	  M("allow mount tmpfs on tmp"), 0,
	  "t.policy:3:22: error: the target 'tmp' is not an absolute path\n"
	  "t.policy:3:22: hint: paths in rules start with '/'\n" },
	{ "mount: a relative source for bind",
	  M("allow bind from srv/data on /data"), 0,
	  "t.policy:3:17: error: the source 'srv/data' is not an absolute path\n"
	  "t.policy:3:17: hint: paths in rules start with '/'\n" },
	{ "mount: a relative quoted target",
	  M("allow umount on \"my dir\""), 0,
	  "t.policy:3:17: error: the target 'my dir' is not an absolute path\n"
	  "t.policy:3:17: hint: paths in rules start with '/'\n" },
	{ "mount: '..' in a path",
	  M("allow umount on /a/../b"), 0,
	  "t.policy:3:20: error: '..' is not allowed in a path\n"
	  "t.policy:3:20: hint: rules match paths as the kernel resolves them, which have no '..'\n" },
	{ "mount: '..' at the end of a path",
	  M("allow move from /a/.. to /b"), 0,
	  "t.policy:3:20: error: '..' is not allowed in a path\n"
	  "t.policy:3:20: hint: rules match paths as the kernel resolves them, which have no '..'\n" },
	{ "mount: '.' in a path",
	  M("allow umount on /a/./b/."), 0,
	  "t.policy:3:20: error: '.' is not allowed in a path\n"
	  "t.policy:3:20: hint: write it as '/a/b'\n" },
	{ "mount: a trailing slash",
	  M("allow umount on /a/b/"), 0,
	  "t.policy:3:21: error: trailing '/' in a path\n"
	  "t.policy:3:21: hint: write it as '/a/b'\n" },
	{ "mount: a trailing slash in a quoted path: columns count the quote",
	  M("allow umount on \"/a b/\""), 0,
	  "t.policy:3:22: error: trailing '/' in a path\n"
	  "t.policy:3:22: hint: write it as '/a b'\n" },
	{ "mount: '//' in a path",
	  M("allow umount on /a//b"), 0,
	  "t.policy:3:20: error: empty path component ('//')\n"
	  "t.policy:3:20: hint: write it as '/a/b'\n" },
	{ "mount: '//' at the start of a path",
	  M("allow umount on //"), 0,
	  "t.policy:3:18: error: empty path component ('//')\n"
	  "t.policy:3:18: hint: write it as '/'\n" },
	{ "mount: a column after escapes",
	  M("allow umount on \"/\\\"\\\\/./x\""), 0,
	  "t.policy:3:24: error: '.' is not allowed in a path\n"
	  "t.policy:3:24: hint: write it as '/\"\\x5c/x'\n" },
	{ "mount: '/*' in the middle of a path",
	  M("deny umount on /mnt/*/x"), 0,
	  "t.policy:3:21: error: '*' is only valid as the last component of a path\n"
	  "t.policy:3:21: hint: '/mnt/*' matches every path below /mnt, '/*' every path\n" },
	{ "mount: a '*' inside a name",
	  M("deny umount on /mnt/a*"), 0,
	  "t.policy:3:22: error: '*' is only valid as the last component of a path\n"
	  "t.policy:3:22: hint: '/mnt/*' matches every path below /mnt, '/*' every path\n" },
	{ "mount: '/**'",
	  M("deny umount on /**"), 0,
	  "t.policy:3:17: error: '*' is only valid as the last component of a path\n"
	  "t.policy:3:17: hint: '/mnt/*' matches every path below /mnt, '/*' every path\n" },
	{ "mount: a duplicate clause",
	  M("allow bind from /a from /b"), 0,
	  "t.policy:3:20: error: duplicate clause 'from' (first at column 12)\n" },
	{ "mount: 'on' then 'to'",
	  M("allow move on /a to /b"), 0,
	  "t.policy:3:18: error: duplicate clause 'to' (first at column 12)\n"
	  "t.policy:3:18: hint: 'on' and 'to' are the same clause\n" },
	{ "mount: a duplicate 'require'",
	  M("allow mount require ro require nodev"), 0,
	  "t.policy:3:24: error: duplicate clause 'require' (first at column 13)\n" },
	{ "mount: clauses out of order",
	  M("allow bind on /b from /a"), 0,
	  "t.policy:3:18: error: clause 'from' must come before 'on'\n"
	  "t.policy:3:18: hint: the clauses of a mount rule come in this order: FSTYPE, from, on|to, require, forbid\n" },
	{ "mount: forbid before require",
	  M("allow mount forbid nosuid require ro"), 0,
	  "t.policy:3:27: error: clause 'require' must come before 'forbid'\n"
	  "t.policy:3:27: hint: the clauses of a mount rule come in this order: FSTYPE, from, on|to, require, forbid\n" },
	{ "mount: a file system type after a clause",
	  M("allow mount on /tmp tmpfs"), 0,
	  "t.policy:3:21: error: unexpected 'tmpfs' in a mount rule\n"
	  "t.policy:3:21: hint: a mount rule is: allow|deny OP [FSTYPE] [from SOURCE] [on|to TARGET] [require FLAGS] [forbid FLAGS]\n" },
	{ "mount: a path without 'on'",
	  M("allow umount /proc"), 0,
	  "t.policy:3:14: error: unexpected '/proc' in a mount rule\n"
	  "t.policy:3:14: hint: a path follows 'from' (the source) or 'on' or 'to' (the target), as in 'on /data'\n" },
	{ "mount: a misspelt clause",
	  M("allow mount tmpfs on /tmp requir ro"), 0,
	  "t.policy:3:27: error: unknown clause 'requir' in a mount rule; did you mean 'require'?\n"
	  "t.policy:3:27: hint: a mount rule is: allow|deny OP [FSTYPE] [from SOURCE] [on|to TARGET] [require FLAGS] [forbid FLAGS]\n" },
	{ "mount: a misspelt clause where the type would be",
	  M("allow bind form /a on /b"), 0,
	  "t.policy:3:12: error: unknown clause 'form' in a mount rule; did you mean 'from'?\n"
	  "t.policy:3:12: hint: a mount rule is: allow|deny OP [FSTYPE] [from SOURCE] [on|to TARGET] [require FLAGS] [forbid FLAGS]\n" },
	{ "mount: 'in' for 'on'",
	  M("allow umount in /proc"), 0,
	  "t.policy:3:14: error: unknown clause 'in' in a mount rule; did you mean 'on'?\n"
	  "t.policy:3:14: hint: a mount rule is: allow|deny OP [FSTYPE] [from SOURCE] [on|to TARGET] [require FLAGS] [forbid FLAGS]\n" },
	{ "mount: a bad character in a file system type",
	  M("allow mount ext4/x"), 0,
	  "t.policy:3:17: error: invalid character '/' in file system type\n"
	  "t.policy:3:17: hint: a file system type is 1 to 63 of: a-z 0-9 . _ - (as in /proc/filesystems)\n" },
	{ "mount: file system types are lower case",
	  M("allow mount Tmpfs"), 0,
	  "t.policy:3:13: error: invalid character 'T' in file system type\n"
	  "t.policy:3:13: hint: a file system type is 1 to 63 of: a-z 0-9 . _ - (as in /proc/filesystems)\n" },
	{ "mount: 'from' for an operation without a source",
	  M("allow umount from /a"), 0,
	  "t.policy:3:14: error: 'from' is not valid for 'umount'\n"
	  "t.policy:3:14: hint: remount, umount and propagation have no source: name the mount with 'on'\n" },
	{ "mount: 'from' for remount",
	  M("allow remount ext4 from /dev/sda on /x"), 0,
	  "t.policy:3:20: error: 'from' is not valid for 'remount'\n"
	  "t.policy:3:20: hint: remount, umount and propagation have no source: name the mount with 'on'\n" },
	{ "mount: no source",
	  M("allow mount from"), 0,
	  "t.policy:3:17: error: expected a source after 'from'\n" },
	{ "mount: a source that is a clause keyword",
	  M("allow mount from on /x"), 0,
	  "t.policy:3:17: error: expected a source after 'from'\n"
	  "t.policy:3:17: hint: a source named 'on' is written in quotes: \"on\"\n" },
	{ "mount: no target",
	  M("allow mount tmpfs on # /tmp"), 0,
	  "t.policy:3:21: error: expected a target path after 'on'\n" },
	{ "mount: an unterminated quote",
	  M("allow mount on \"/my dir"), 0,
	  "t.policy:3:16: error: unterminated quoted string\n"
	  "t.policy:3:16: hint: close it with '\"' on the same line\n" },
	{ "mount: an escaped quote does not end the string",
	  M("allow mount on \"/a\\\""), 0,
	  "t.policy:3:16: error: unterminated quoted string\n"
	  "t.policy:3:16: hint: close it with '\"' on the same line\n" },
	{ "mount: a backslash at the end of the line",
	  M("allow mount from \"a\\"), 0,
	  "t.policy:3:18: error: unterminated quoted string\n"
	  "t.policy:3:18: hint: close it with '\"' on the same line\n" },
	{ "mount: an unknown escape",
	  M("allow mount on \"/a\\tb\""), 0,
	  "t.policy:3:19: error: invalid escape '\\t' in a quoted string\n"
	  "t.policy:3:19: hint: inside quotes, write \\\" for a quote and \\\\ for a backslash; nothing else is escaped\n" },
	{ "mount: a word glued to a closing quote",
	  M("allow mount from \"a\"on /x"), 0,
	  "t.policy:3:21: error: unexpected 'on' after a quoted string\n"
	  "t.policy:3:21: hint: separate words with a space\n" },
	{ "mount: a quoted keyword is no keyword",
	  M("allow mount \"on\" /x"), 0,
	  "t.policy:3:13: error: unexpected '\"on\"' in a mount rule\n"
	  "t.policy:3:13: hint: a path follows 'from' (the source) or 'on' or 'to' (the target), as in 'on /data'\n" },
	{ "mount: a brace in a rule",
	  M("allow mount on /x }"), 0,
	  "t.policy:3:19: error: unexpected '}'\n"
	  "t.policy:3:19: hint: '}' closes a section and must be alone on its line\n" },
	{ "mount: duplicate 'default'",
	  "policy a\nmount {\n\tdefault allow\n\tallow mount\n\tdefault allow\n}\n", 0,
	  "t.policy:5:2: error: duplicate 'default' statement (first at line 3)\n" },
	{ "mount: unknown default action",
	  M("default permit"), 0,
	  "t.policy:3:9: error: unknown action 'permit'\n"
	  "t.policy:3:9: hint: valid actions: allow, deny\n" },
	{ "mount: misspelt default action",
	  M("default alow"), 0,
	  "t.policy:3:9: error: unknown action 'alow'; did you mean 'allow'?\n"
	  "t.policy:3:9: hint: valid actions: allow, deny\n" },
	{ "mount: no default action",
	  M("default"), 0,
	  "t.policy:3:8: error: expected an action after 'default'\n"
	  "t.policy:3:8: hint: valid actions: allow, deny\n" },
	{ "mount: a word after the default action",
	  M("default deny all"), 0,
	  "t.policy:3:14: error: unexpected 'all' after the default action\n" },
	{ "mount: duplicate section",
	  "policy a\nmount {\n}\ncapabilities {\n}\nmount {\n}\n", 0,
	  "t.policy:6:1: error: duplicate section 'mount' (first at line 2)\n" },
	{ "mount: unterminated section",
	  "policy a\nmount {\n\tallow mount\n", 0,
	  "t.policy:3:13: error: unterminated section 'mount' opened at line 2\n"
	  "t.policy:3:13: hint: close it with '}' on a line of its own\n" },
	{ "mount: an error after rules (they are freed)",
	  "policy a\nmount {\n\tallow mount from \"a b\" on \"/c d\"\n\tallow bind from /x on /y\n}\nmode x\n", 0,
	  "t.policy:6:6: error: unknown mode 'x'\n"
	  "t.policy:6:6: hint: valid modes: enforce, audit, learn\n" },
	{ "mount: capability statements are not mount statements",
	  M("allow chown"), 0,
	  "t.policy:3:7: error: unknown mount operation 'chown'\n"
	  "t.policy:3:7: hint: valid mount operations: mount, bind, remount, move, umount, pivot_root, propagation\n" },
	{ "a quoted string is one token elsewhere too",
	  "policy \"a b\"\n", 0,
	  "t.policy:1:8: error: invalid character '\"' in policy name\n"
	  "t.policy:1:8: hint: a policy name is 1 to 63 letters, digits, '.', '_' or '-'\n" },
#undef M
	/* The network section; "N" puts RULE on line 3 of a policy. */
#define N(rule)	"policy a\nnetwork {\n" rule "\n}\n"
#define PORTS_HINT \
	"hint: ports are P or P-Q from 0 to 65535, separated by commas without spaces, as in 'port 80,443,8000-8080'\n"
#define ADDR_HINT \
	"hint: an address is IPv4 or IPv6 with an optional prefix length, as in '10.0.0.0/8' or '2001:db8::/32', or 'any'\n"
#define RULE_HINT \
	"hint: an address rule is: allow|deny OPS [PROTO] [ADDRESS] [port PORTS]\n"
#define SOCKET_HINT \
	"hint: a socket rule is: socket allow|deny [FAMILY] [PROTO], with at least one of the two\n"
	{ "network: misspelt statement",
	  N("\tsokcet allow unix"), 0,
	  "t.policy:3:2: error: unknown statement 'sokcet' in section 'network'; did you mean 'socket'?\n"
	  "t.policy:3:2: hint: valid statements in section 'network': default, socket, allow, deny\n" },
	{ "network: duplicate 'default'",
	  "policy a\nnetwork {\n\tdefault allow\n\tallow connect\n\tdefault deny\n}\n", 0,
	  "t.policy:5:2: error: duplicate 'default' statement (first at line 3)\n" },
	{ "network: misspelt default action",
	  N("default dney"), 0,
	  "t.policy:3:9: error: unknown action 'dney'; did you mean 'deny'?\n"
	  "t.policy:3:9: hint: valid actions: allow, deny\n" },
	{ "network: no action after 'socket'",
	  N("\tsocket"), 0,
	  "t.policy:3:8: error: expected an action after 'socket'\n"
	  "t.policy:3:8: hint: valid actions: allow, deny\n" },
	{ "network: misspelt socket action",
	  N("socket alow unix"), 0,
	  "t.policy:3:8: error: unknown action 'alow'; did you mean 'allow'?\n"
	  "t.policy:3:8: hint: valid actions: allow, deny\n" },
	{ "network: a socket rule without family or protocol",
	  N("socket deny # all?"), 0,
	  "t.policy:3:12: error: expected a socket family or protocol after 'deny'\n"
	  "t.policy:3:12: " SOCKET_HINT },
	{ "network: misspelt family, with a suggestion",
	  N("socket allow inte"), 0,
	  "t.policy:3:14: error: unknown socket family or protocol 'inte'; did you mean 'inet'?\n"
	  "t.policy:3:14: hint: valid families: any, unix, inet, inet6, netlink, packet, key, can, tipc, bluetooth, alg, vsock, xdp; protocols: tcp, udp, icmp, raw\n" },
	{ "network: unknown family, no suggestion",
	  N("socket allow appletalk"), 0,
	  "t.policy:3:14: error: unknown socket family or protocol 'appletalk'\n"
	  "t.policy:3:14: hint: valid families: any, unix, inet, inet6, netlink, packet, key, can, tipc, bluetooth, alg, vsock, xdp; protocols: tcp, udp, icmp, raw\n" },
	{ "network: families are lower case",
	  N("socket allow INET6"), 0,
	  "t.policy:3:14: error: unknown socket family or protocol 'INET6'; did you mean 'inet6'?\n"
	  "t.policy:3:14: hint: valid families: any, unix, inet, inet6, netlink, packet, key, can, tipc, bluetooth, alg, vsock, xdp; protocols: tcp, udp, icmp, raw\n" },
	{ "network: misspelt protocol after a family",
	  N("socket allow inet6 upd"), 0,
	  "t.policy:3:20: error: unknown protocol 'upd'; did you mean 'udp'?\n"
	  "t.policy:3:20: hint: valid protocols: tcp, udp, icmp, raw\n" },
	{ "network: 'any' is no protocol",
	  N("socket allow inet6 any"), 0,
	  "t.policy:3:20: error: a socket rule names one family; 'any' is another\n"
	  "t.policy:3:20: hint: write a rule for each family\n" },
	{ "network: two families",
	  N("socket allow inet inet6"), 0,
	  "t.policy:3:19: error: a socket rule names one family; 'inet6' is another\n"
	  "t.policy:3:19: hint: write a rule for each family\n" },
	{ "network: a protocol the family does not have",
	  N("socket allow unix tcp"), 0,
	  "t.policy:3:19: error: 'tcp' is a protocol of inet and inet6 sockets, not of 'unix'\n"
	  "t.policy:3:19: hint: 'socket allow tcp' covers tcp over IPv4 and IPv6\n" },
	{ "network: the protocol before the family",
	  N("socket deny udp inet"), 0,
	  "t.policy:3:17: error: the family 'inet' must come before the protocol\n"
	  "t.policy:3:17: " SOCKET_HINT },
	{ "network: a word after the protocol",
	  N("socket deny inet raw please"), 0,
	  "t.policy:3:22: error: unexpected 'please' after the protocol\n" },
	{ "network: a brace in a socket rule",
	  N("socket deny packet }"), 0,
	  "t.policy:3:20: error: unexpected '}'\n"
	  "t.policy:3:20: hint: '}' closes a section and must be alone on its line\n" },
	{ "network: no operation",
	  N("allow"), 0,
	  "t.policy:3:6: error: expected network operations after 'allow'\n"
	  "t.policy:3:6: hint: valid network operations: bind, connect, listen, send\n" },
	{ "network: misspelt operation",
	  N("deny conect 10.0.0.0/8"), 0,
	  "t.policy:3:6: error: unknown network operation 'conect'; did you mean 'connect'?\n"
	  "t.policy:3:6: hint: valid network operations: bind, connect, listen, send\n" },
	{ "network: a misspelt operation in a list",
	  N("allow bind,lisen tcp port 80"), 0,
	  "t.policy:3:12: error: unknown network operation 'lisen'; did you mean 'listen'?\n"
	  "t.policy:3:12: hint: valid network operations: bind, connect, listen, send\n" },
	{ "network: a protocol where the operations belong",
	  N("allow tcp port 80"), 0,
	  "t.policy:3:7: error: unknown network operation 'tcp'\n"
	  "t.policy:3:7: hint: valid network operations: bind, connect, listen, send\n" },
	{ "network: 'socket' as an address operation",
	  N("deny connect,socket"), 0,
	  "t.policy:3:14: error: 'socket' is not an operation of address rules\n"
	  "t.policy:3:14: hint: sockets have rules of their own: 'socket allow|deny [FAMILY] [PROTO]'\n" },
	{ "network: an empty operation",
	  N("allow connect,,send"), 0,
	  "t.policy:3:15: error: empty network operation in 'connect,,send'\n"
	  "t.policy:3:15: hint: separate operations with commas, without spaces: 'connect,send'\n" },
	{ "network: operations separated by a space",
	  N("allow connect send udp"), 0,
	  "t.policy:3:15: error: unexpected 'send' in an address rule\n"
	  "t.policy:3:15: hint: separate operations with commas, without spaces: 'connect,send'\n" },
	{ "network: misspelt protocol",
	  N("allow connect tpc port 443"), 0,
	  "t.policy:3:15: error: unknown protocol 'tpc'; did you mean 'tcp'?\n"
	  "t.policy:3:15: hint: valid protocols: tcp, udp, icmp, raw\n" },
	{ "network: misspelt 'port'",
	  N("allow connect tcp prot 443"), 0,
	  "t.policy:3:19: error: unexpected 'prot' in an address rule; did you mean 'port'?\n"
	  "t.policy:3:19: " RULE_HINT },
	{ "network: a host name",
	  N("allow connect tcp example.org port 443"), 0,
	  "t.policy:3:19: error: unexpected 'example.org' in an address rule\n"
	  "t.policy:3:19: " RULE_HINT },
	{ "network: a family where the address belongs",
	  N("allow connect inet6"), 0,
	  "t.policy:3:15: error: unexpected 'inet6' in an address rule\n"
	  "t.policy:3:15: hint: address rules name networks, not families: '0.0.0.0/0' is every IPv4 address, '::/0' every IPv6 address\n" },
	{ "network: host bits after the prefix",
	  N("allow connect 10.0.0.1/8"), 0,
	  "t.policy:3:15: error: host bits set after the prefix in '10.0.0.1/8'\n"
	  "t.policy:3:15: hint: the network is '10.0.0.0/8'\n" },
	{ "network: host bits of an IPv6 network",
	  N("deny send udp 2001:db8::1/32 port 53"), 0,
	  "t.policy:3:15: error: host bits set after the prefix in '2001:db8::1/32'\n"
	  "t.policy:3:15: hint: the network is '2001:db8::/32'\n" },
	{ "network: host bits of a mapped IPv4 network, hint in IPv6",
	  N("allow connect ::ffff:10.0.0.1/104"), 0,
	  "t.policy:3:15: error: host bits set after the prefix in '::ffff:10.0.0.1/104'\n"
	  "t.policy:3:15: hint: the network is '::ffff:10.0.0.0/104'\n" },
	{ "network: an IPv4 address out of range",
	  N("allow connect 10.0.0.256"), 0,
	  "t.policy:3:15: error: invalid address '10.0.0.256'\n"
	  "t.policy:3:15: " ADDR_HINT },
	{ "network: an IPv4 address with a leading zero",
	  N("allow connect 010.0.0.1"), 0,
	  "t.policy:3:15: error: invalid address '010.0.0.1'\n"
	  "t.policy:3:15: " ADDR_HINT },
	{ "network: an IPv4 address of three parts",
	  N("allow connect 10.0.1/24"), 0,
	  "t.policy:3:15: error: invalid address '10.0.1'\n"
	  "t.policy:3:15: " ADDR_HINT },
	{ "network: an IPv6 address with a zone",
	  N("allow connect fe80::1%eth0"), 0,
	  "t.policy:3:15: error: invalid address 'fe80::1%eth0'\n"
	  "t.policy:3:15: " ADDR_HINT },
	{ "network: an IPv6 address with two '::'",
	  N("allow connect 2001::db8::1"), 0,
	  "t.policy:3:15: error: invalid address '2001::db8::1'\n"
	  "t.policy:3:15: " ADDR_HINT },
	{ "network: an IPv4 prefix length of 33",
	  N("allow connect 10.0.0.0/33"), 0,
	  "t.policy:3:24: error: invalid prefix length '33'\n"
	  "t.policy:3:24: hint: the prefix length of an IPv4 address is 0 to 32\n" },
	{ "network: an IPv6 prefix length of 129",
	  N("allow connect ::/129"), 0,
	  "t.policy:3:18: error: invalid prefix length '129'\n"
	  "t.policy:3:18: hint: the prefix length of an IPv6 address is 0 to 128\n" },
	{ "network: a prefix length that is no number",
	  N("allow connect 10.0.0.0/+8"), 0,
	  "t.policy:3:24: error: invalid prefix length '+8'\n"
	  "t.policy:3:24: hint: the prefix length of an IPv4 address is 0 to 32\n" },
	{ "network: a '/' without a prefix length",
	  N("allow connect 10.0.0.0/ port 80"), 0,
	  "t.policy:3:24: error: missing prefix length after '/'\n"
	  "t.policy:3:24: hint: the prefix length of an IPv4 address is 0 to 32\n" },
	{ "network: 'any' with a prefix length",
	  N("allow connect any/0"), 0,
	  "t.policy:3:15: error: unexpected 'any/0' in an address rule; did you mean 'any'?\n"
	  "t.policy:3:15: " RULE_HINT },
	{ "network: the protocol after the address",
	  N("allow connect 10.0.0.0/8 tcp"), 0,
	  "t.policy:3:26: error: the protocol must come before the address\n"
	  "t.policy:3:26: " RULE_HINT },
	{ "network: the address after the ports",
	  N("allow connect port 53 ::1"), 0,
	  "t.policy:3:23: error: the address must come before 'port'\n"
	  "t.policy:3:23: " RULE_HINT },
	{ "network: two protocols",
	  N("allow connect,send tcp udp port 53"), 0,
	  "t.policy:3:24: error: duplicate protocol 'udp' (first at column 20)\n"
	  "t.policy:3:24: " RULE_HINT },
	{ "network: two addresses",
	  N("allow connect 10.0.0.1 10.0.0.2"), 0,
	  "t.policy:3:24: error: duplicate address '10.0.0.2' (first at column 15)\n"
	  "t.policy:3:24: hint: a rule has one address: write a rule for each\n" },
	{ "network: 'port' twice",
	  N("allow bind port 80 port 443"), 0,
	  "t.policy:3:20: error: duplicate 'port' (first at column 12)\n" },
	{ "network: no ports after 'port'",
	  N("allow bind tcp port # none"), 0,
	  "t.policy:3:20: error: expected ports after 'port'\n"
	  "t.policy:3:20: " PORTS_HINT },
	{ "network: ports separated by a space",
	  N("allow bind tcp port 80 443"), 0,
	  "t.policy:3:24: error: unexpected '443' after the ports\n"
	  "t.policy:3:24: " PORTS_HINT },
	{ "network: ports separated by a comma and a space",
	  N("allow bind tcp port 80, 443"), 0,
	  "t.policy:3:24: error: empty port in '80,'\n"
	  "t.policy:3:24: " PORTS_HINT },
	{ "network: two commas between ports",
	  N("allow bind tcp port 80,,443"), 0,
	  "t.policy:3:24: error: empty port in '80,,443'\n"
	  "t.policy:3:24: " PORTS_HINT },
	{ "network: a port that is no number",
	  N("allow connect tcp port 80,https"), 0,
	  "t.policy:3:27: error: invalid port 'https'\n"
	  "t.policy:3:27: " PORTS_HINT },
	{ "network: a port above 65535",
	  N("allow connect tcp port 1-65536"), 0,
	  "t.policy:3:26: error: port 65536 is out of range; the largest is 65535\n" },
	{ "network: a port of many digits",
	  N("allow connect tcp port 4294967376"), 0,
	  "t.policy:3:24: error: port 4294967376 is out of range; the largest is 65535\n" },
	{ "network: a range without its end",
	  N("allow connect tcp port 8000-"), 0,
	  "t.policy:3:29: error: missing port in range '8000-'\n"
	  "t.policy:3:29: " PORTS_HINT },
	{ "network: a range without its start",
	  N("allow connect tcp port -8080"), 0,
	  "t.policy:3:24: error: missing port in range '-8080'\n"
	  "t.policy:3:24: " PORTS_HINT },
	{ "network: a range of three ports",
	  N("allow connect tcp port 1-2-3"), 0,
	  "t.policy:3:26: error: invalid port '2-3'\n"
	  "t.policy:3:26: " PORTS_HINT },
	{ "network: a range upside down",
	  N("allow bind udp port 80,9000-8000"), 0,
	  "t.policy:3:24: error: invalid port range '9000-8000': 9000 is larger than 8000\n"
	  "t.policy:3:24: hint: write the lower port first, as in '8000-8080'\n" },
	{ "network: ports in an icmp rule",
	  N("allow send icmp 10.0.0.0/8 port 0"), 0,
	  "t.policy:3:28: error: 'port' does not apply to icmp rules\n"
	  "t.policy:3:28: hint: ICMP and raw sockets have no ports: they count as port 0, which a rule without 'port' matches\n" },
	{ "network: ports in a raw rule",
	  N("deny send raw port 1-2"), 0,
	  "t.policy:3:15: error: 'port' does not apply to raw rules\n"
	  "t.policy:3:15: hint: ICMP and raw sockets have no ports: they count as port 0, which a rule without 'port' matches\n" },
	{ "network: a brace after 'port'",
	  N("allow bind port }"), 0,
	  "t.policy:3:17: error: unexpected '}'\n"
	  "t.policy:3:17: hint: '}' closes a section and must be alone on its line\n" },
	{ "network: a quoted address is no address",
	  N("allow connect \"10.0.0.1\""), 0,
	  "t.policy:3:15: error: unexpected '\"10.0.0.1\"' in an address rule\n"
	  "t.policy:3:15: " RULE_HINT },
	{ "network: an error after address rules (they are freed)",
	  "policy a\nnetwork {\n\tallow connect tcp port 1,2,3\n}\nmode x\n", 0,
	  "t.policy:5:6: error: unknown mode 'x'\n"
	  "t.policy:5:6: hint: valid modes: enforce, audit, learn\n" },
	{ "network: ports at the very end of the input, no newline",
	  "policy a\nnetwork {\n\tallow bind tcp port 80 41,", 0,
	  "t.policy:3:25: error: unexpected '41,' after the ports\n"
	  "t.policy:3:25: hint: ports are P or P-Q from 0 to 65535, separated by commas without spaces, as in 'port 80,443,8000-8080'\n" },
	{ "network: duplicate section",
	  "policy a\nnetwork {\n}\nnetwork {\n}\n", 0,
	  "t.policy:4:1: error: duplicate section 'network' (first at line 2)\n" },
#undef N
#undef PORTS_HINT
#undef ADDR_HINT
#undef RULE_HINT
#undef SOCKET_HINT
};

/*
 * Parse TEXT, which must fail with exactly MSG; *OUT must stay as it was.
 * The parser reads a copy of exactly LEN bytes, without a NUL after them,
 * as it reads a file: ASan sees a read past the end.
 */
static void expect_error(const char *desc, const char *text, size_t len,
			 const char *msg)
{
	struct policy p, before;
	struct policy_error err;
	char *copy = malloc(len ? len : 1);
	int rc;

	if (!copy) {
		printf("Bail out! out of memory\n");
		exit(1);
	}
	memcpy(copy, text, len);
	memset(&p, 0x5a, sizeof(p));
	before = p;
	memset(&err, 0, sizeof(err));
	rc = policy_parse_buffer(FILE_NAME, copy, len, &p, &err);
	free(copy);
	check(rc == -1 && !strcmp(err.msg, msg) &&
	      !memcmp(&p, &before, sizeof(p)), "error: %s", desc);
	if (rc != -1) {
		printf("#   parsed without error\n");
		diag_policy("got", &p);
	} else if (strcmp(err.msg, msg)) {
		diag("got", err.msg);
		diag("expected", msg);
	} else if (memcmp(&p, &before, sizeof(p))) {
		printf("#   the output policy was changed\n");
	}
}

/* A long file name is cut; the message still ends its lines. */
static void test_long_file_name(void)
{
	static const char text[] = "policy a\ncapabilities allow\n";
	struct policy_error err;
	char name[1000];
	struct policy p;
	size_t len;
	int rc;

	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	rc = policy_parse_buffer(name, text, strlen(text), &p, &err);
	len = strlen(err.msg);
	check(rc == -1 && len < sizeof(err.msg) && err.msg[len - 1] == '\n' &&
	      !strncmp(err.msg + 200, ":2:14: error: expected '{' after 'capabilities', found 'allow'\n", 61),
	      "error: a file name of 999 bytes is cut to 200 in messages");
	if (rc != -1 || strncmp(err.msg + 200, ":2:14: error:", 13))
		diag("got", err.msg);
}

static void test_errors(void)
{
	const struct error_case *c;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(error_cases); i++) {
		c = &error_cases[i];
		expect_error(c->desc, c->text, c->len ? c->len : strlen(c->text),
			     c->msg);
	}
	test_long_file_name();
}

/* ---- input limits --------------------------------------------------------- */

static void test_limits(void)
{
	struct policy_error err;
	struct policy p;
	size_t len;
	char *buf;
	int rc;

	/* "policy a\n# xxx...": line 2 of exactly 4096 bytes, then 4097. */
	buf = malloc(POLICY_FILE_MAX + 2);
	memcpy(buf, "policy a\n# ", 11);
	memset(buf + 11, 'x', 4096 - 2);
	len = 9 + 4096;
	rc = policy_parse_buffer(FILE_NAME, buf, len, &p, &err);
	check(rc == 0, "limits: a line of 4096 bytes is accepted");
	if (rc)
		diag("error", err.msg);
	buf[len++] = 'x';
	expect_error("limits: a line of 4097 bytes", buf, len,
		     "t.policy:2:4097: error: line longer than 4096 bytes\n");
	buf[len++] = '\n';
	expect_error("limits: a line of 4097 bytes and its newline", buf, len,
		     "t.policy:2:4097: error: line longer than 4096 bytes\n");
	buf[9 + 4096] = '\0';
	expect_error("limits: a NUL byte at column 4097 is a line too long", buf,
		     len, "t.policy:2:4097: error: line longer than 4096 bytes\n");
	buf[9 + 4000] = '\0';
	expect_error("limits: a NUL byte in a long line", buf, len,
		     "t.policy:2:4001: error: NUL byte in input\n");

	/* 1 MiB of "policy a\n" and comment lines of 64 bytes. */
	memcpy(buf, "policy a\n", 9);
	for (len = 9; len + 64 <= POLICY_FILE_MAX; len += 64) {
		memset(buf + len, '#', 63);
		buf[len + 63] = '\n';
	}
	memset(buf + len, '#', POLICY_FILE_MAX - len);
	len = POLICY_FILE_MAX;
	rc = policy_parse_buffer(FILE_NAME, buf, len, &p, &err);
	check(rc == 0, "limits: a file of exactly 1 MiB is accepted");
	if (rc)
		diag("error", err.msg);
	buf[len++] = '#';
	/* Byte 1048576 is the 56th of line 16385 (9 + 16383 * 64 + 55). */
	expect_error("limits: a file of 1 MiB and one byte", buf, len,
		     "t.policy:16385:56: error: file larger than 1048576 bytes (1 MiB)\n");
	free(buf);
}

/* ---- printer and round trips ---------------------------------------------- */

/*
 * Every line of the capabilities section of TEXT within 72 columns, a tab
 * counting 8 (mount rules take the room they need).
 */
static int width_ok(const char *text)
{
	const char *end;
	int col = 0;

	text = strstr(text, "capabilities {\n");
	if (!text)
		return 0;
	end = strstr(text, "}\n");
	for (; *text && text < end; text++) {
		if (*text == '\n')
			col = 0;
		else
			col += *text == '\t' ? 8 : 1;
		if (col > 72)
			return 0;
	}
	return 1;
}

/* print -> parse gives P again, and printing that gives the same text. */
static int round_trip(const struct policy *p, int verbose)
{
	struct policy_error err;
	struct policy q;
	char *text, *again;
	int ok;

	text = print_to_string(p);
	memset(&q, 0, sizeof(q));
	if (policy_parse_buffer("printed", text, strlen(text), &q, &err)) {
		if (verbose) {
			diag("printed", text);
			diag("error", err.msg);
		}
		free(text);
		return 0;
	}
	again = print_to_string(&q);
	ok = policy_equal(p, &q) && !strcmp(text, again) && width_ok(text);
	if (!ok && verbose) {
		diag("printed", text);
		diag_policy("parsed", &q);
	}
	policy_free(&q);
	free(text);
	free(again);
	return ok;
}

static void random_mount(uint64_t *x, struct policy *p);
static void random_net(uint64_t *x, struct policy *p);

static void test_print(void)
{
	static const struct {
		const char *desc;
		struct policy p;
		const char *text;
	} cases[] = {
		{ "no capability: 'allow none'",
		  { .name = "empty", .mode = CTRPOLICY_MODE_ENFORCE, .caps = 0 },
		  "policy empty\nmode enforce\n\ncapabilities {\n\tallow none\n}\n"
		  NO_MOUNT },
		{ "every capability: 'allow all'",
		  { .name = "root-ish", .mode = CTRPOLICY_MODE_AUDIT, .caps = ALL },
		  "policy root-ish\nmode audit\n\ncapabilities {\n\tallow all\n}\n"
		  NO_MOUNT },
		{ "one capability",
		  { .name = "one", .mode = CTRPOLICY_MODE_ENFORCE, .caps = CAP(40) },
		  "policy one\nmode enforce\n\ncapabilities {\n\tallow checkpoint_restore\n}\n"
		  NO_MOUNT },
		{ "all but one, wrapped to 72 columns",
		  { .name = "most", .mode = CTRPOLICY_MODE_ENFORCE, .caps = ALL & ~CAP(0) },
		  "policy most\nmode enforce\n\ncapabilities {\n"
		  "\tallow dac_override dac_read_search fowner fsetid kill setgid\n"
		  "\tallow setuid setpcap linux_immutable net_bind_service\n"
		  "\tallow net_broadcast net_admin net_raw ipc_lock ipc_owner\n"
		  "\tallow sys_module sys_rawio sys_chroot sys_ptrace sys_pacct\n"
		  "\tallow sys_admin sys_boot sys_nice sys_resource sys_time\n"
		  "\tallow sys_tty_config mknod lease audit_write audit_control\n"
		  "\tallow setfcap mac_override mac_admin syslog wake_alarm\n"
		  "\tallow block_suspend audit_read perfmon bpf checkpoint_restore\n"
		  "}\n" NO_MOUNT },
	};
	struct policy p;
	uint64_t x = 0x9e3779b97f4a7c15ULL;
	char *text;
	size_t i;
	int ok, n;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		text = print_to_string(&cases[i].p);
		check(!strcmp(text, cases[i].text), "print: %s", cases[i].desc);
		if (strcmp(text, cases[i].text)) {
			diag("got", text);
			diag("expected", cases[i].text);
		}
		free(text);
		check(round_trip(&cases[i].p, 1), "round trip: %s",
		      cases[i].desc);
	}

	/* Bits above CAP_LAST_KNOWN are not printed. */
	p = cases[0].p;
	p.caps = ~0ULL;
	text = print_to_string(&p);
	check(strstr(text, "\tallow all\n") != NULL,
	      "print: bits above capability 40 are ignored");
	free(text);

	/* Pseudo-random sets, names and modes. */
	ok = 1;
	for (n = 0; n < 5000 && ok; n++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		memset(&p, 0, sizeof(p));
		snprintf(p.name, sizeof(p.name), "p-%d.%.*s", n,
			 (int)(x % 50), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWX_");
		p.mode = x & (1ULL << 63) ? CTRPOLICY_MODE_AUDIT :
					     CTRPOLICY_MODE_ENFORCE;
		/* Sparse, dense and random sets. */
		p.caps = n % 3 == 0 ? x & (x >> 11) & (x >> 23) :
			 n % 3 == 1 ? x | (x >> 5) : x;
		p.caps &= CAP_MASK_KNOWN;
		random_mount(&x, &p);
		random_net(&x, &p);
		ok = round_trip(&p, 1);
		policy_free(&p);
	}
	check(ok, "round trip: 5000 pseudo-random policies with mount and network rules, every capability line within 72 columns");

	/* Every single capability, and every set of all but one. */
	ok = 1;
	for (i = 0; i <= CAP_LAST_KNOWN && ok; i++) {
		memset(&p, 0, sizeof(p));
		strcpy(p.name, "single");
		p.caps = CAP(i);
		ok = round_trip(&p, 1);
		p.caps = ALL & ~CAP(i);
		ok = ok && round_trip(&p, 1);
	}
	check(ok, "round trip: each single capability and each all-but-one set");
}

/* ---- mount section -------------------------------------------------------- */

#define RO		CTRPOLICY_MOUNT_F_RDONLY
#define NOSUID		CTRPOLICY_MOUNT_F_NOSUID
#define NODEV		CTRPOLICY_MOUNT_F_NODEV
#define NOEXEC		CTRPOLICY_MOUNT_F_NOEXEC
#define SHARED		CTRPOLICY_MOUNT_F_SHARED
#define PRIVATE		CTRPOLICY_MOUNT_F_PRIVATE
#define SLAVE		CTRPOLICY_MOUNT_F_SLAVE
#define UNBINDABLE	CTRPOLICY_MOUNT_F_UNBINDABLE
#define ALLOW		CTRPOLICY_ACTION_ALLOW
#define DENY		CTRPOLICY_ACTION_DENY

/* A rule as expected: NULL strings are absent clauses. */
struct rule_spec {
	uint32_t action, op;
	const char *fstype, *source, *target;
	uint32_t require, forbid;
};

static int rule_is(const struct mount_rule *r, const struct rule_spec *e)
{
	return r->action == e->action && r->op == e->op &&
	       !strcmp(r->fstype, e->fstype ? e->fstype : "") &&
	       (e->source ? r->source && !strcmp(r->source, e->source) :
			    !r->source) &&
	       (e->target ? r->target && !strcmp(r->target, e->target) :
			    !r->target) &&
	       r->require == e->require && r->forbid == e->forbid;
}

/* The example of the brief, and the parsed rules field by field. */
static void test_mount_rules(void)
{
	static const char text[] =
		"policy a\n"
		"mount {\n"
		"\tdefault deny                       # or allow\n"
		"\tallow mount tmpfs on /tmp require nosuid,nodev,noexec\n"
		"\tallow mount proc on /proc\n"
		"\tallow bind from /srv/data on /data forbid shared\n"
		"\tallow remount on /data require ro\n"
		"\tdeny umount on /proc/*\n"
		"\tallow move from /mnt/a to /mnt/b\n"
		"\tallow pivot_root\n"
		"\tallow propagation on /* forbid shared\n"
		"\tallow mount cifs from \"//srv/my share\" on \"/my dir/a\\\"b\\\\c\" require ro forbid nosuid,noexec\n"
		"\tdeny bind on / require slave,private,unbindable,shared\n"
		"\tallow move on /x\n"
		"\tdeny mount from \"\" to \"/#{}\"\n"
		"\tallow mount from none\n"
		"\tallow pivot_root ext4 from /old/* on /new\n"
		"}\n";
	static const struct rule_spec expected[] = {
		{ ALLOW, CTRPOLICY_MOUNT_OP_MOUNT, "tmpfs", NULL, "/tmp",
		  NOSUID | NODEV | NOEXEC, 0 },
		{ ALLOW, CTRPOLICY_MOUNT_OP_MOUNT, "proc", NULL, "/proc", 0, 0 },
		{ ALLOW, CTRPOLICY_MOUNT_OP_BIND, NULL, "/srv/data", "/data", 0,
		  SHARED },
		{ ALLOW, CTRPOLICY_MOUNT_OP_REMOUNT, NULL, NULL, "/data", RO, 0 },
		{ DENY, CTRPOLICY_MOUNT_OP_UMOUNT, NULL, NULL, "/proc/*", 0, 0 },
		{ ALLOW, CTRPOLICY_MOUNT_OP_MOVE, NULL, "/mnt/a", "/mnt/b", 0, 0 },
		{ ALLOW, CTRPOLICY_MOUNT_OP_PIVOT_ROOT, NULL, NULL, NULL, 0, 0 },
		{ ALLOW, CTRPOLICY_MOUNT_OP_PROPAGATION, NULL, NULL, "/*", 0,
		  SHARED },
		{ ALLOW, CTRPOLICY_MOUNT_OP_MOUNT, "cifs", "//srv/my share",
		  "/my dir/a\"b\\c", RO, NOSUID | NOEXEC },
		{ DENY, CTRPOLICY_MOUNT_OP_BIND, NULL, NULL, "/",
		  SHARED | PRIVATE | SLAVE | UNBINDABLE, 0 },
		{ ALLOW, CTRPOLICY_MOUNT_OP_MOVE, NULL, NULL, "/x", 0, 0 },
		{ DENY, CTRPOLICY_MOUNT_OP_MOUNT, NULL, "", "/#{}", 0, 0 },
		{ ALLOW, CTRPOLICY_MOUNT_OP_MOUNT, NULL, "none", NULL, 0, 0 },
		{ ALLOW, CTRPOLICY_MOUNT_OP_PIVOT_ROOT, "ext4", "/old/*", "/new",
		  0, 0 },
	};
	struct policy_error err;
	struct policy p;
	size_t i;
	int ok;

	if (policy_parse_buffer(FILE_NAME, text, strlen(text), &p, &err)) {
		check(0, "mount: the rules of every operation and clause, in file order");
		diag("error", err.msg);
		return;
	}
	ok = p.mount_default == DENY && p.n_mount_rules == ARRAY_SIZE(expected);
	for (i = 0; ok && i < ARRAY_SIZE(expected); i++) {
		ok = rule_is(&p.mount_rules[i], &expected[i]);
		if (!ok)
			printf("#   rule %zu differs\n", i + 1);
	}
	check(ok, "mount: the rules of every operation and clause, in file order");
	if (!ok)
		diag_policy("got", &p);
	check(round_trip(&p, 1), "mount: the rules print and parse back");
	policy_free(&p);
	check(p.n_mount_rules == 0 && p.mount_rules == NULL,
	      "mount: policy_free leaves no rule");
	policy_free(&p);
	memset(&p, 0, sizeof(p));
	policy_free(&p);
	check(1, "mount: policy_free on a freed and on a zeroed policy");
}

/* Section bodies and how their rules print. */
static const struct mount_case {
	const char *desc;
	const char *body;		/* between "mount {" and "}" */
	const char *printed;		/* the same in canonical form */
} mount_cases[] = {
	{ "an empty section: default deny",
	  "", "\tdefault deny\n" },
	{ "default allow",
	  "  default allow  # comment\n", "\tdefault allow\n" },
	{ "default after rules prints first",
	  "allow pivot_root\ndefault allow\n",
	  "\tdefault allow\n\tallow pivot_root\n" },
	{ "every operation, bare",
	  "allow mount\nallow bind\ndeny remount\nallow move\ndeny umount\n"
	  "allow pivot_root\nallow propagation\n",
	  "\tdefault deny\n\tallow mount\n\tallow bind\n\tdeny remount\n"
	  "\tallow move\n\tdeny umount\n\tallow pivot_root\n"
	  "\tallow propagation\n" },
	{ "'to' and 'on' are synonyms: 'to' for move, 'on' otherwise",
	  "allow move on /a\nallow bind to /b\nallow mount to /c\n"
	  "allow move to /d\n",
	  "\tdefault deny\n\tallow move to /a\n\tallow bind on /b\n"
	  "\tallow mount on /c\n\tallow move to /d\n" },
	{ "flags print in canonical order, once",
	  "allow mount require unbindable,slave,private,shared,noexec,nodev,nosuid,ro,ro\n",
	  "\tdefault deny\n\tallow mount require ro,nosuid,nodev,noexec,shared,private,slave,unbindable\n" },
	{ "require and forbid",
	  "deny remount on /data forbid ro\nallow remount require ro forbid nosuid\n",
	  "\tdefault deny\n\tdeny remount on /data forbid ro\n"
	  "\tallow remount require ro forbid nosuid\n" },
	{ "file system types with digits, dots, dashes and underscores",
	  "allow mount fuse.sshfs\nallow mount 9p\nallow mount my_fs-2\n",
	  "\tdefault deny\n\tallow mount fuse.sshfs\n\tallow mount 9p\n"
	  "\tallow mount my_fs-2\n" },
	{ "a word after the operation is a type, even one close to a clause",
	  "allow mount form\nallow mount form on /x\n",
	  "\tdefault deny\n\tallow mount form\n\tallow mount form on /x\n" },
	{ "quotes only where needed",
	  "allow mount from \"none\" on \"/tmp\"\n"
	  "allow mount from \"a b\" on \"/a b\"\n"
	  "allow mount from \"a#b\" on \"/a#b\"\n"
	  "allow mount from \"{\" on \"/}\"\n"
	  "allow mount from \"\\\"x\" on /\"y\n"
	  "allow mount from a\"b\\c on /a\"b\\c\n"
	  "allow mount from \"tab\there\" on \"/cr\rhere\"\n",
	  "\tdefault deny\n"
	  "\tallow mount from none on /tmp\n"
	  "\tallow mount from \"a b\" on \"/a b\"\n"
	  "\tallow mount from \"a#b\" on \"/a#b\"\n"
	  "\tallow mount from \"{\" on \"/}\"\n"
	  "\tallow mount from \"\\\"x\" on /\"y\n"
	  "\tallow mount from a\"b\\c on /a\"b\\c\n"
	  "\tallow mount from \"tab\there\" on \"/cr\rhere\"\n" },
	{ "a source that is a clause keyword or empty is quoted",
	  "allow mount from \"on\"\nallow mount from \"to\"\n"
	  "allow mount from \"from\"\nallow mount from \"require\"\n"
	  "allow mount from \"forbid\"\nallow mount from \"\"\n"
	  "allow mount from onx\n",
	  "\tdefault deny\n\tallow mount from \"on\"\n\tallow mount from \"to\"\n"
	  "\tallow mount from \"from\"\n\tallow mount from \"require\"\n"
	  "\tallow mount from \"forbid\"\n\tallow mount from \"\"\n"
	  "\tallow mount from onx\n" },
	{ "the source of mount is any word; of bind, move, pivot_root a path",
	  "allow mount from server:/export\nallow mount from //srv/share\n"
	  "allow mount from ../x/./y/\nallow bind from /a/* on /b\n"
	  "allow move from / to /c\nallow pivot_root from /old on /new\n",
	  "\tdefault deny\n\tallow mount from server:/export\n"
	  "\tallow mount from //srv/share\n\tallow mount from ../x/./y/\n"
	  "\tallow bind from /a/* on /b\n\tallow move from / to /c\n"
	  "\tallow pivot_root from /old on /new\n" },
	{ "paths: '/', '/*', '/a/*', names with dots and stars inside quotes",
	  "deny umount on /\ndeny umount on /*\ndeny umount on /a/*\n"
	  "deny umount on /.a/..b/c.\ndeny umount on \"/x y/*\"\n",
	  "\tdefault deny\n\tdeny umount on /\n\tdeny umount on /*\n"
	  "\tdeny umount on /a/*\n\tdeny umount on /.a/..b/c.\n"
	  "\tdeny umount on \"/x y/*\"\n" },
	{ "non-ASCII and control bytes in paths stay as they are",
	  "allow bind from /caf\xc3\xa9 on /\x01\n",
	  "\tdefault deny\n\tallow bind from /caf\xc3\xa9 on /\x01\n" },
	{ "comments, blanks and CRLF around rules",
	  "\t# c\r\n  allow   mount\ttmpfs   on  /tmp#x\r\n\r\n",
	  "\tdefault deny\n\tallow mount tmpfs on /tmp\n" },
	{ "a '#' inside quotes is no comment",
	  "allow mount on \"/a # b\" # but this is\n",
	  "\tdefault deny\n\tallow mount on \"/a # b\"\n" },
	{ "the same rule twice is kept twice, in order",
	  "deny umount\nallow umount\ndeny umount\n",
	  "\tdefault deny\n\tdeny umount\n\tallow umount\n\tdeny umount\n" },
};

/* Section NAME of TEXT without its braces, or "". */
static char *section_body(const char *text, const char *name)
{
	const char *start, *end;
	char head[64];

	snprintf(head, sizeof(head), "\n%s {\n", name);
	start = strstr(text, head);
	if (!start)
		return strdup("");
	start += strlen(head);
	end = strstr(start, "\n}\n");
	return strndup(start, end ? (size_t)(end - start + 1) : strlen(start));
}

/* Each case's body in section NAME prints as expected and round-trips. */
static void test_section_cases(const char *name, const struct mount_case *cases,
			       size_t n)
{
	const struct mount_case *c;
	struct policy_error err;
	struct policy p;
	char *text, *printed, *body;
	size_t i, len;
	int ok;

	for (i = 0; i < n; i++) {
		c = &cases[i];
		len = strlen(c->body) + 64;
		text = malloc(len);
		snprintf(text, len, "policy a\n%s {\n%s}\n", name, c->body);
		if (policy_parse_buffer(FILE_NAME, text, strlen(text), &p, &err)) {
			check(0, "%s: %s", name, c->desc);
			diag("input", text);
			diag("error", err.msg);
			free(text);
			continue;
		}
		printed = print_to_string(&p);
		body = section_body(printed, name);
		ok = !strcmp(body, c->printed);
		check(ok && round_trip(&p, 1), "%s: %s", name, c->desc);
		if (!ok) {
			diag("got", body);
			diag("expected", c->printed);
		}
		policy_free(&p);
		free(body);
		free(printed);
		free(text);
	}
}

static void test_mount_cases(void)
{
	test_section_cases("mount", mount_cases, ARRAY_SIZE(mount_cases));
}

/*
 * "policy a\nNAME {\n" + N copies of RULE + TAIL + "}\n", malloc'ed.
 */
static char *section_text(const char *name, const char *rule, size_t n,
			  const char *tail)
{
	size_t len = strlen(rule), i;
	char *text = malloc(32 + strlen(name) + n * len + strlen(tail));
	char *t = text;

	t += sprintf(t, "policy a\n%s {\n", name);
	for (i = 0; i < n; i++, t += len)
		memcpy(t, rule, len);
	sprintf(t, "%s}\n", tail);
	return text;
}

/*
 * Section NAME with MAX copies of RULE parses into MAX rules (the count at
 * OFFSET in struct policy) and round-trips; with two more, the first rule
 * over is refused: "too many WHAT; the limit is MAX".
 */
static void test_rule_limit(const char *name, const char *rule, size_t max,
			    size_t offset, const char *what)
{
	char msg[256], desc[128], *text;
	struct policy_error err;
	struct policy p;
	int rc;

	text = section_text(name, rule, max, "");
	rc = policy_parse_buffer(FILE_NAME, text, strlen(text), &p, &err);
	check(rc == 0 && *(size_t *)((char *)&p + offset) == max &&
	      round_trip(&p, 1),
	      "%s limits: %zu %s are accepted and round-trip", name, max, what);
	if (rc)
		diag("error", err.msg);
	else
		policy_free(&p);
	free(text);
	text = section_text(name, rule, max + 2, "");
	snprintf(msg, sizeof(msg),
		 "t.policy:%zu:2: error: too many %s; the limit is %zu\n",
		 2 + max + 1, what, max);
	snprintf(desc, sizeof(desc), "%s limits: the first rule over %zu %s is refused",
		 name, max, what);
	expect_error(desc, text, strlen(text), msg);
	free(text);
}

static void test_mount_limits(void)
{
	char line[POLICY_LINE_MAX + 2], *text;
	struct policy_error err;
	struct policy p;
	size_t n;
	int rc;

	test_rule_limit("mount", "\tdeny umount on /proc/*\n",
			CTRPOLICY_MAX_MOUNT_RULES,
			offsetof(struct policy, n_mount_rules), "mount rules");

	/* A file system type of 63 characters, then 64. */
	strcpy(line, "policy a\nmount {\nallow mount ");
	n = strlen(line);
	memset(line + n, 'x', 63);
	strcpy(line + n + 63, "\n}\n");
	rc = policy_parse_buffer(FILE_NAME, line, strlen(line), &p, &err);
	check(rc == 0 && strlen(p.mount_rules[0].fstype) == 63,
	      "mount limits: a file system type of 63 characters");
	if (rc)
		diag("error", err.msg);
	else
		policy_free(&p);
	memset(line + n, 'x', 64);
	strcpy(line + n + 64, "\n}\n");
	expect_error("mount limits: a file system type of 64 characters", line,
		     strlen(line),
		     "t.policy:3:13: error: file system type is 64 characters long; the limit is 63\n"
		     "t.policy:3:13: hint: a file system type is 1 to 63 of: a-z 0-9 . _ - (as in /proc/filesystems)\n");

	/*
	 * A rule line of 4096 bytes that prints as 4096 (it has its tab),
	 * then one without indentation that would print as 4097.
	 */
	text = malloc(POLICY_LINE_MAX + 64);
	strcpy(text, "policy a\nmount {\n\tallow mount on /");
	n = strlen(text);
	memset(text + n, 'p', POLICY_LINE_MAX - (n - 17));
	n += POLICY_LINE_MAX - (n - 17);
	strcpy(text + n, "\n}\n");
	rc = policy_parse_buffer(FILE_NAME, text, strlen(text), &p, &err);
	check(rc == 0 && strlen(p.mount_rules[0].target) == POLICY_LINE_MAX - 16,
	      "mount limits: a rule of 4096 bytes, tab included");
	if (rc)
		diag("error", err.msg);
	else
		policy_free(&p);
	memmove(text + 17, text + 18, n - 18);
	text[n - 1] = 'p';
	strcpy(text + n, "\n}\n");
	expect_error("mount limits: a rule of 4096 bytes that prints as 4097",
		     text, strlen(text),
		     "t.policy:3:1: error: mount rule too long: printed back, it takes 4097 bytes; the limit is 4096\n"
		     "t.policy:3:1: hint: the canonical form of a rule is indented by a tab and must fit on a line\n");
	free(text);
}

/* xorshift64 */
static uint64_t next_random(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* A word of 0 to MAX bytes from CHARS. */
static void random_word(uint64_t *x, char *out, size_t max, const char *chars)
{
	size_t n = next_random(x) % (max + 1), i, nc = strlen(chars);

	for (i = 0; i < n; i++)
		out[i] = chars[next_random(x) % nc];
	out[n] = '\0';
}

/* An absolute path as the parser takes it, maybe ending in '/' + '*'. */
static char *random_path(uint64_t *x)
{
	static const char chars[] = "abcz09._-~ \t\"\\#{},:@\x01\xc3\xa9";
	char path[256] = "", comp[16];
	size_t n = next_random(x) % 5, i;

	for (i = 0; i < n; i++) {
		do
			random_word(x, comp, 8, chars);
		while (!comp[0] || !strcmp(comp, ".") || !strcmp(comp, ".."));
		strcat(path, "/");
		strcat(path, comp);
	}
	if (next_random(x) % 4 == 0)
		strcat(path, "/*");
	else if (!n)
		strcpy(path, "/");
	return strdup(path);
}

static int is_clause_word(const char *word)
{
	static const char *const words[] = { "from", "on", "to", "require",
					     "forbid" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(words); i++) {
		if (!strcmp(word, words[i]))
			return 1;
	}
	return 0;
}

/* Random valid mount rules (0 to 12) and default into P. */
static void random_mount(uint64_t *x, struct policy *p)
{
	static const char *const words[] = { "on", "to", "from", "require",
					     "forbid", "", "none", "\"q" };
	struct mount_rule *r;
	size_t i;
	char word[32];

	p->mount_default = next_random(x) & 1;
	p->n_mount_rules = next_random(x) % 13;
	p->mount_rules = calloc(p->n_mount_rules + 1, sizeof(*p->mount_rules));
	for (i = 0; i < p->n_mount_rules; i++) {
		r = &p->mount_rules[i];
		r->action = next_random(x) & 1;
		r->op = 1 + next_random(x) % CTRPOLICY_MOUNT_OP_MAX;
		/* A type is any such word but the clause words. */
		if (next_random(x) & 1)
			do
				random_word(x, r->fstype, 20,
					    "abcdefghijklmnopqrstuvwxyz0123456789._-");
			while (!r->fstype[0] || is_clause_word(r->fstype));
		if (r->op == CTRPOLICY_MOUNT_OP_MOUNT && next_random(x) % 3 == 0) {
			if (next_random(x) & 1) {
				random_word(x, word, 12, "ab/: \t\"\\#{}*.");
				r->source = strdup(word);
			} else {
				r->source = strdup(words[next_random(x) %
							 ARRAY_SIZE(words)]);
			}
		} else if (r->op != CTRPOLICY_MOUNT_OP_REMOUNT &&
			   r->op != CTRPOLICY_MOUNT_OP_UMOUNT &&
			   r->op != CTRPOLICY_MOUNT_OP_PROPAGATION &&
			   next_random(x) & 1) {
			r->source = random_path(x);
		}
		if (next_random(x) & 1)
			r->target = random_path(x);
		if (next_random(x) & 1)
			r->require = next_random(x) & CTRPOLICY_MOUNT_F_ALL;
		if (next_random(x) & 1)
			r->forbid = next_random(x) & CTRPOLICY_MOUNT_F_ALL &
				    ~r->require;
	}
}

/* ---- network section ------------------------------------------------------ */

#define N_SORT(rules)	"policy a\nnetwork {\n" rules "}\n"
#define ANY_PROTO	CTRPOLICY_NET_PROTO_ANY
#define TCP		CTRPOLICY_NET_PROTO_TCP
#define UDP		CTRPOLICY_NET_PROTO_UDP
#define ICMP		CTRPOLICY_NET_PROTO_ICMP
#define RAW		CTRPOLICY_NET_PROTO_RAW
#define OP(o)		(1U << CTRPOLICY_NET_OP_##o)

/* The example of the brief. */
static const char net_example[] =
	"policy a\n"
	"network {\n"
	"\tdefault deny                       # at most once; deny when absent\n"
	"\tsocket allow unix                  # socket rules: first match decides, file order\n"
	"\tsocket allow inet tcp\n"
	"\tsocket allow inet6 udp\n"
	"\tsocket deny raw                    # any family, SOCK_RAW\n"
	"\tsocket deny packet\n"
	"\tallow connect tcp 10.0.0.0/8 port 443\n"
	"\tallow connect,send udp 10.0.0.53 port 53\n"
	"\tdeny connect 192.168.0.0/16\n"
	"\tallow bind,listen tcp port 80,443,8000-8080   # no address = any address of both families\n"
	"\tallow connect tcp 2001:db8::/32 port 1-1024\n"
	"\tallow send icmp 0.0.0.0/0          # every IPv4 address;  ::/0 = every IPv6 address\n"
	"}\n";

static int net_rule_is(const struct ctrpolicy_net_rule *r, uint8_t action,
		       uint8_t ops, uint8_t proto, uint8_t family,
		       const uint8_t *addr, uint8_t prefix_len,
		       uint16_t port_min, uint16_t port_max)
{
	static const uint8_t zero[16];
	static const uint8_t pad[7];

	return r->action == action && r->ops == ops && r->proto == proto &&
	       r->family == family &&
	       !memcmp(r->addr, addr ? addr : zero, sizeof(r->addr)) &&
	       r->prefix_len == prefix_len && r->port_min == port_min &&
	       r->port_max == port_max && !memcmp(r->pad, pad, sizeof(pad));
}

static void diag_net(const struct policy *p)
{
	const struct ctrpolicy_net_rule *r;
	size_t i, j;

	for (i = 0; i < p->n_socket_rules; i++)
		printf("#     socket action %u family %u proto %u\n",
		       p->socket_rules[i].action, p->socket_rules[i].family,
		       p->socket_rules[i].proto);
	for (i = 0; i < p->n_net_rules && i < 20; i++) {
		r = &p->net_rules[i];
		printf("#     action %u ops %#x proto %u family %u addr ",
		       r->action, r->ops, r->proto, r->family);
		for (j = 0; j < sizeof(r->addr); j++)
			printf("%02x", r->addr[j]);
		printf("/%u ports %u-%u\n", r->prefix_len, r->port_min,
		       r->port_max);
	}
}

/* The brief's example, struct by struct, as the ABI carries it. */
static void test_net_rules(void)
{
	static const uint8_t ten[16] = { 10 }, ten53[16] = { 10, 0, 0, 53 };
	static const uint8_t v192[16] = { 192, 168 };
	static const uint8_t db8[16] = { 0x20, 0x01, 0x0d, 0xb8 };
	static const struct ctrpolicy_socket_rule sockets[] = {
		{ ALLOW, AF_UNIX, ANY_PROTO, 0 },
		{ ALLOW, AF_INET, TCP, 0 },
		{ ALLOW, AF_INET6, UDP, 0 },
		{ DENY, AF_UNSPEC, RAW, 0 },
		{ DENY, AF_PACKET, ANY_PROTO, 0 },
	};
	const struct ctrpolicy_net_rule *r;
	struct policy_error err;
	struct policy p;
	int ok;

	if (policy_parse_buffer(FILE_NAME, net_example, strlen(net_example),
				&p, &err)) {
		check(0, "network: the example's rules, struct by struct");
		diag("error", err.msg);
		return;
	}
	r = p.net_rules;
	ok = p.net_default == DENY &&
	     p.n_socket_rules == ARRAY_SIZE(sockets) &&
	     !memcmp(p.socket_rules, sockets, sizeof(sockets)) &&
	     p.n_net_rules == 8 &&
	     net_rule_is(&r[0], ALLOW, OP(CONNECT), TCP, AF_INET, ten, 8, 443, 443) &&
	     net_rule_is(&r[1], ALLOW, OP(CONNECT) | OP(SEND), UDP, AF_INET,
			 ten53, 32, 53, 53) &&
	     net_rule_is(&r[2], DENY, OP(CONNECT), ANY_PROTO, AF_INET, v192, 16,
			 0, 65535) &&
	     net_rule_is(&r[3], ALLOW, OP(BIND) | OP(LISTEN), TCP, AF_UNSPEC,
			 NULL, 0, 80, 80) &&
	     net_rule_is(&r[4], ALLOW, OP(BIND) | OP(LISTEN), TCP, AF_UNSPEC,
			 NULL, 0, 443, 443) &&
	     net_rule_is(&r[5], ALLOW, OP(BIND) | OP(LISTEN), TCP, AF_UNSPEC,
			 NULL, 0, 8000, 8080) &&
	     net_rule_is(&r[6], ALLOW, OP(CONNECT), TCP, AF_INET6, db8, 32, 1,
			 1024) &&
	     net_rule_is(&r[7], ALLOW, OP(SEND), ICMP, AF_INET, NULL, 0, 0,
			 65535);
	check(ok, "network: the example's rules, struct by struct: one per port range, addresses in network order");
	if (!ok)
		diag_net(&p);
	check(round_trip(&p, 1), "network: the example prints and parses back");
	policy_free(&p);
	check(p.n_net_rules == 0 && p.net_rules == NULL,
	      "network: policy_free leaves no address rule");

	/* A mapped network: the IPv4 one, AF_INET, its bytes first. */
	parse_ok("policy a\nnetwork {\nallow connect ::ffff:10.1.0.0/112\n"
		 "allow connect ::ffff:192.0.2.1\n}\n", &p);
	check(p.n_net_rules == 2 &&
	      net_rule_is(&p.net_rules[0], ALLOW, OP(CONNECT), ANY_PROTO,
			  AF_INET, (const uint8_t[16]){ 10, 1 }, 16, 0, 65535) &&
	      net_rule_is(&p.net_rules[1], ALLOW, OP(CONNECT), ANY_PROTO,
			  AF_INET, (const uint8_t[16]){ 192, 0, 2, 1 }, 32, 0,
			  65535),
	      "network: an IPv4-mapped IPv6 network is stored as the IPv4 network");
	policy_free(&p);
}

/* Section bodies and how their rules print. */
static const struct mount_case net_cases[] = {
	{ "an empty section: default deny",
	  "", "\tdefault deny\n" },
	{ "default allow",
	  "  default allow  # comment\n", "\tdefault allow\n" },
	{ "default prints first, socket rules before address rules",
	  "allow connect\nsocket allow unix\ndefault allow\n",
	  "\tdefault allow\n\tsocket allow unix\n\tallow connect\n" },
	{ "socket rules in file order; 'any' where no family is named",
	  "socket allow unix\nsocket allow tcp\nsocket deny raw\n"
	  "socket allow inet6 udp\nsocket deny packet\nsocket allow any\n"
	  "socket allow inet icmp\nsocket allow packet raw\nsocket deny any udp\n",
	  "\tdefault deny\n\tsocket allow unix\n\tsocket allow any tcp\n"
	  "\tsocket deny any raw\n\tsocket allow inet6 udp\n"
	  "\tsocket deny packet\n\tsocket allow any\n\tsocket allow inet icmp\n"
	  "\tsocket allow packet raw\n\tsocket deny any udp\n" },
	{ "every family by name",
	  "socket allow key\nsocket allow can\nsocket allow tipc\n"
	  "socket allow bluetooth\nsocket allow alg\nsocket allow vsock\n"
	  "socket allow xdp\nsocket allow packet raw\n",
	  "\tdefault deny\n\tsocket allow key\n\tsocket allow can\n"
	  "\tsocket allow tipc\n\tsocket allow bluetooth\n\tsocket allow alg\n"
	  "\tsocket allow vsock\n\tsocket allow xdp\n\tsocket allow packet raw\n" },
	{ "the example of the brief",
	  "\tsocket allow unix\n\tallow connect tcp 10.0.0.0/8 port 443\n"
	  "\tallow connect,send udp 10.0.0.53 port 53\n"
	  "\tdeny connect 192.168.0.0/16\n"
	  "\tallow bind,listen tcp port 80,443,8000-8080\n"
	  "\tallow connect tcp 2001:db8::/32 port 1-1024\n"
	  "\tallow send icmp 0.0.0.0/0\n",
	  "\tdefault deny\n\tsocket allow unix\n"
	  "\tallow connect tcp 10.0.0.0/8 port 443\n"
	  "\tallow connect,send udp 10.0.0.53/32 port 53\n"
	  "\tdeny connect 192.168.0.0/16\n"
	  "\tallow bind,listen tcp port 80\n"
	  "\tallow bind,listen tcp port 443\n"
	  "\tallow bind,listen tcp port 8000-8080\n"
	  "\tallow connect tcp 2001:db8::/32 port 1-1024\n"
	  "\tallow send icmp 0.0.0.0/0\n" },
	{ "operations print as bind,connect,listen,send, each once",
	  "allow send,listen,connect,bind,send\ndeny listen,bind\n",
	  "\tdefault deny\n\tallow bind,connect,listen,send\n\tdeny bind,listen\n" },
	{ "a bare address is /32 or /128",
	  "allow connect 192.0.2.1\nallow connect 2001:db8::1\n",
	  "\tdefault deny\n\tallow connect 192.0.2.1/32\n"
	  "\tallow connect 2001:db8::1/128\n" },
	{ "IPv6 prints compressed, in lower case",
	  "allow connect 2001:0DB8:0000:0000:0000:0000:0000:0000/32\n"
	  "allow connect 0:0:0:0:0:0:0:1\nallow connect fe80:0:0:0:1:0:0:0/80\n",
	  "\tdefault deny\n\tallow connect 2001:db8::/32\n"
	  "\tallow connect ::1/128\n\tallow connect fe80::1:0:0:0/80\n" },
	{ "IPv4-mapped networks are IPv4 networks",
	  "allow connect ::ffff:10.0.0.0/104\nallow connect ::ffff:192.0.2.1\n"
	  "deny send ::FFFF:c000:0201/128\nallow connect ::ffff:0:0/96\n",
	  "\tdefault deny\n\tallow connect 10.0.0.0/8\n"
	  "\tallow connect 192.0.2.1/32\n\tdeny send 192.0.2.1/32\n"
	  "\tallow connect 0.0.0.0/0\n" },
	{ "networks next to the mapped range stay IPv6",
	  "allow connect ::fffe:0:0/96\nallow connect ::/80\n"
	  "allow connect ::1.2.3.4\n",
	  "\tdefault deny\n\tallow connect ::fffe:0:0/96\n\tallow connect ::/80\n"
	  "\tallow connect ::1.2.3.4/128\n" },
	{ "every IPv4 address, every IPv6 address, and 'any'",
	  "allow send icmp 0.0.0.0/0\nallow send icmp ::/0\nallow connect any\n"
	  "allow connect udp any port 53\n",
	  "\tdefault deny\n\tallow send icmp 0.0.0.0/0\n\tallow send icmp ::/0\n"
	  "\tallow connect\n\tallow connect udp port 53\n" },
	{ "ports: 0-65535 is no port clause, P-P is P",
	  "allow connect tcp port 0-65535\nallow connect tcp port 22-22\n"
	  "allow connect tcp port 0\nallow connect tcp port 65535\n"
	  "allow connect tcp port 0-1\n",
	  "\tdefault deny\n\tallow connect tcp\n\tallow connect tcp port 22\n"
	  "\tallow connect tcp port 0\n\tallow connect tcp port 65535\n"
	  "\tallow connect tcp port 0-1\n" },
	{ "leading zeros in ports and prefix lengths",
	  "allow connect 10.0.0.0/08 port 0080\n",
	  "\tdefault deny\n\tallow connect 10.0.0.0/8 port 80\n" },
	{ "overlapping and repeated rules are kept, in order",
	  "deny connect 10.0.0.0/8\nallow connect 10.0.0.0/8\n"
	  "allow connect tcp port 1-100,50-150,50-150\n",
	  "\tdefault deny\n\tdeny connect 10.0.0.0/8\n\tallow connect 10.0.0.0/8\n"
	  "\tallow connect tcp port 1-100\n\tallow connect tcp port 50-150\n"
	  "\tallow connect tcp port 50-150\n" },
	{ "raw and icmp rules, no ports",
	  "allow send raw 10.0.0.0/8\nallow connect,send icmp ::/0\n",
	  "\tdefault deny\n\tallow send raw 10.0.0.0/8\n"
	  "\tallow connect,send icmp ::/0\n" },
	{ "comments, blanks and CRLF around rules",
	  "\t# c\r\n  allow   connect\ttcp  10.0.0.0/8  port 443#x\r\n\r\n"
	  " socket  allow\tunix # y\r\n",
	  "\tdefault deny\n\tsocket allow unix\n"
	  "\tallow connect tcp 10.0.0.0/8 port 443\n" },
};

static void test_net_cases(void)
{
	test_section_cases("network", net_cases, ARRAY_SIZE(net_cases));
}

/* Sorted, the same address rules in another order print the same. */
static void test_net_sort(void)
{
	static const char one[] = N_SORT("\tallow connect tcp 10.0.0.0/8 port 443\n"
		"\tdeny connect ::1\n\tallow bind any port 80,8080\n"
		"\tdeny send udp 10.1.0.0/16\n\tallow connect 10.0.0.0/8\n");
	static const char two[] = N_SORT("\tallow connect 10.0.0.0/8\n"
		"\tallow bind any port 8080\n\tdeny send udp 10.1.0.0/16\n"
		"\tdeny connect ::1/128\n\tallow bind port 80\n"
		"\tallow connect tcp 10.0.0.0/8 port 443\n");
	struct policy a, b;
	char *ta, *tb;

	parse_ok(one, &a);
	parse_ok(two, &b);
	policy_net_sort(&a);
	policy_net_sort(&b);
	ta = print_to_string(&a);
	tb = print_to_string(&b);
	check(policy_equal(&a, &b) && !strcmp(ta, tb) && round_trip(&a, 1),
	      "network: sorted, address rules in any order print the same");
	if (strcmp(ta, tb)) {
		diag("one", ta);
		diag("two", tb);
	}
	free(ta);
	free(tb);
	policy_free(&a);
	policy_free(&b);
}

static void test_net_limits(void)
{
	char msg[256], *text;

	test_rule_limit("network", "\tsocket deny packet\n",
			CTRPOLICY_MAX_SOCKET_RULES,
			offsetof(struct policy, n_socket_rules), "socket rules");
	test_rule_limit("network", "\tdeny connect 10.0.0.0/8\n",
			CTRPOLICY_MAX_NET_RULES,
			offsetof(struct policy, n_net_rules), "address rules");

	/* 16383 rules, then a statement of three port ranges. */
	text = section_text("network", "\tdeny connect 10.0.0.0/8\n",
			    CTRPOLICY_MAX_NET_RULES - 1,
			    "\tallow bind tcp port 1,2,3\n");
	snprintf(msg, sizeof(msg),
		 "t.policy:%d:2: error: too many address rules; the limit is 16384\n"
		 "t.policy:%d:2: hint: each port range of a statement is an address rule of its own\n",
		 2 + CTRPOLICY_MAX_NET_RULES, 2 + CTRPOLICY_MAX_NET_RULES);
	expect_error("network limits: port ranges count, the statement that goes over is refused",
		     text, strlen(text), msg);
	free(text);
}

/* A file of 10000 address rules, all different, in a few hundred KiB. */
static void test_net_many_rules(void)
{
	size_t size = 10000 * 64, len, i;
	struct policy_error err;
	struct policy p;
	char *text = malloc(size);
	int rc, ok;

	len = sprintf(text, "policy many\nnetwork {\n\tdefault allow\n");
	for (i = 0; i < 10000; i++)
		len += sprintf(text + len, i % 2 ?
			       "\tdeny connect tcp 10.%zu.%zu.0/24 port %zu\n" :
			       "\tallow send udp 2001:db8:%zx:%zx::/64 port %zu\n",
			       i / 256, i % 256, 1 + i % 65535);
	len += sprintf(text + len, "}\n");
	rc = policy_parse_buffer(FILE_NAME, text, len, &p, &err);
	ok = rc == 0 && p.n_net_rules == 10000 &&
	     p.net_rules[9999].family == AF_INET &&
	     p.net_rules[9999].port_min == 10000 &&
	     p.net_rules[9998].family == AF_INET6;
	check(ok && round_trip(&p, 1),
	      "network: a file of 10000 address rules (%zu bytes) parses and round-trips",
	      len);
	if (rc)
		diag("error", err.msg);
	else
		policy_free(&p);
	free(text);
}

/* An address of FAMILY with random bytes, cut to a random prefix. */
static void random_network(uint64_t *x, struct ctrpolicy_net_rule *r)
{
	static const uint8_t families[] = { AF_UNSPEC, AF_INET, AF_INET6 };
	static const uint8_t v4mapped[12] = { [10] = 0xff, [11] = 0xff };
	unsigned int max, i;

	r->family = families[next_random(x) % 3];
	if (r->family == AF_UNSPEC)
		return;
	max = r->family == AF_INET ? 32 : 128;
	for (i = 0; i < max / 8; i++)
		r->addr[i] = next_random(x);
	/* Some of them inside ::ffff:0:0/96, which the parser would turn to IPv4. */
	if (r->family == AF_INET6 && next_random(x) % 4 == 0)
		memcpy(r->addr, v4mapped, sizeof(v4mapped));
	r->prefix_len = next_random(x) % (max + 1);
	for (i = 0; i < max; i++) {
		if (i >= r->prefix_len)
			r->addr[i / 8] &= ~(0x80 >> (i % 8));
	}
	if (r->family == AF_INET6 && r->prefix_len >= 96 &&
	    !memcmp(r->addr, v4mapped, sizeof(v4mapped)))
		r->addr[0] = 0x20;
}

/* Random valid network rules (0 to 8 socket rules, 0 to 12 address rules). */
static void random_net(uint64_t *x, struct policy *p)
{
	static const uint8_t families[] = {
		AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, AF_NETLINK, AF_PACKET,
		AF_KEY, AF_CAN, AF_TIPC, AF_BLUETOOTH, AF_ALG, AF_VSOCK, AF_XDP,
	};
	struct ctrpolicy_socket_rule *s;
	struct ctrpolicy_net_rule *r;
	uint16_t a, b;
	size_t i;

	p->net_default = next_random(x) & 1;
	p->n_socket_rules = next_random(x) % 9;
	for (i = 0; i < p->n_socket_rules; i++) {
		s = &p->socket_rules[i];
		s->action = next_random(x) & 1;
		do {
			s->family = families[next_random(x) % ARRAY_SIZE(families)];
			s->proto = next_random(x) % (RAW + 1);
		} while ((s->family == AF_UNSPEC && s->proto == ANY_PROTO) ||
			 (s->family != AF_UNSPEC && s->family != AF_INET &&
			  s->family != AF_INET6 && s->proto != ANY_PROTO &&
			  !(s->proto == RAW && s->family == AF_PACKET)));
	}
	p->n_net_rules = next_random(x) % 13;
	p->net_rules = calloc(p->n_net_rules + 1, sizeof(*p->net_rules));
	for (i = 0; i < p->n_net_rules; i++) {
		r = &p->net_rules[i];
		r->action = next_random(x) & 1;
		do
			r->ops = next_random(x) & CTRPOLICY_NET_OPS_ADDRESS;
		while (!r->ops);
		r->proto = next_random(x) % (RAW + 1);
		random_network(x, r);
		a = next_random(x);
		b = next_random(x);
		r->port_min = a < b ? a : b;
		r->port_max = a < b ? b : a;
		if (r->proto == ICMP || r->proto == RAW || next_random(x) % 3 == 0) {
			r->port_min = 0;
			r->port_max = 65535;
		} else if (next_random(x) % 2 == 0) {
			r->port_max = r->port_min;
		}
	}
}

/* Every policy shipped in policies/ parses and round-trips. */
static void test_shipped_policies(void)
{
	char dir[4096], path[4096 + 256];
	struct policy_error err;
	struct dirent *e;
	struct policy p;
	size_t n = 0, len;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/../../../policies", fixtures);
	d = opendir(dir);
	if (!d) {
		check(0, "shipped policies: %s: %s", dir, strerror(errno));
		return;
	}
	while ((e = readdir(d))) {
		len = strlen(e->d_name);
		if (len < 8 || strcmp(e->d_name + len - 7, ".policy"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		n++;
		if (policy_parse_file(path, &p, &err)) {
			check(0, "shipped policies: %s parses", e->d_name);
			diag("error", err.msg);
			continue;
		}
		check(round_trip(&p, 1), "shipped policies: %s parses and round-trips",
		      e->d_name);
		policy_free(&p);
	}
	closedir(d);
	check(n >= 5, "shipped policies: %zu files, at least the 5 documented", n);
}

/* ---- files ---------------------------------------------------------------- */

static void test_fixture(const char *base)
{
	char path[4096], name[256];
	struct policy_error err;
	struct policy p;
	char *expected, *text;

	snprintf(path, sizeof(path), "%s/%s.policy", fixtures, base);
	snprintf(name, sizeof(name), "%s.expected", base);
	expected = read_fixture(name);
	if (policy_parse_file(path, &p, &err)) {
		check(0, "file: %s.policy prints as %s", base, name);
		diag("error", err.msg);
		free(expected);
		return;
	}
	text = print_to_string(&p);
	check(!strcmp(text, expected) && round_trip(&p, 1),
	      "file: %s.policy prints as %s", base, name);
	policy_free(&p);
	if (strcmp(text, expected)) {
		diag("got", text);
		diag("expected", expected);
	}
	free(text);
	free(expected);
}

static void test_files(void)
{
	char path[4096], msg[8192];
	struct policy_error err;
	struct policy p;

	test_fixture("docker-default");
	test_fixture("variants");
	test_fixture("mount");
	test_fixture("network");

	snprintf(path, sizeof(path), "%s/does-not-exist.policy", fixtures);
	snprintf(msg, sizeof(msg),
		 "%s: error: cannot open: No such file or directory\n", path);
	check(policy_parse_file(path, &p, &err) == -1 && !strcmp(err.msg, msg),
	      "file: a missing file");
	if (strcmp(err.msg, msg))
		diag("got", err.msg);

	snprintf(msg, sizeof(msg), "%s: error: cannot read: Is a directory\n",
		 fixtures);
	check(policy_parse_file(fixtures, &p, &err) == -1 &&
	      !strcmp(err.msg, msg), "file: a directory");
	if (strcmp(err.msg, msg))
		diag("got", err.msg);

	/* "-" reads standard input; errors name it <stdin>. */
	snprintf(path, sizeof(path), "%s/docker-default.policy", fixtures);
	if (!freopen(path, "r", stdin)) {
		printf("Bail out! %s: %s\n", path, strerror(errno));
		exit(1);
	}
	check(policy_parse_file("-", &p, &err) == 0 &&
	      !strcmp(p.name, "docker-default"), "file: '-' reads stdin");
	policy_free(&p);
	snprintf(path, sizeof(path), "%s/variants.expected", fixtures);
	if (!freopen(path, "r", stdin)) {
		printf("Bail out! %s: %s\n", path, strerror(errno));
		exit(1);
	}
	check(policy_parse_file("-", &p, &err) == 0 &&
	      !strcmp(p.name, "build.runner_2-x"),
	      "file: '-' reads stdin again");
	policy_free(&p);
	if (!freopen("/dev/null", "r", stdin)) {
		printf("Bail out! /dev/null: %s\n", strerror(errno));
		exit(1);
	}
	strcpy(msg, "<stdin>:1:1: error: missing 'policy NAME' statement\n"
		    "<stdin>:1:1: hint: every policy file names its policy, as in 'policy web-frontend'\n");
	check(policy_parse_file("-", &p, &err) == -1 && !strcmp(err.msg, msg),
	      "file: errors on stdin name it <stdin>");
	if (strcmp(err.msg, msg))
		diag("got", err.msg);
}

/* ---- include -------------------------------------------------------------- */

/* An in-memory file system for include: a table of files. */
struct memfile {
	const char *path;
	const char *text;
};

#define MEMFILES_MAX	10

/* Each read counts, to check that files are read no more than needed. */
struct memfs {
	const struct memfile *files;
	unsigned int reads;
};

static int memfs_read(void *data, const char *path, char **text, size_t *len)
{
	struct memfs *fs = data;
	size_t i;

	for (i = 0; i < MEMFILES_MAX && fs->files[i].path; i++) {
		if (strcmp(fs->files[i].path, path))
			continue;
		fs->reads++;
		*text = strdup(fs->files[i].text);
		if (!*text)
			return ENOMEM;
		*len = strlen(*text);
		return 0;
	}
	return ENOENT;
}

/* The main file is dir/main.policy: relative includes start in dir/. */
#define MAIN_FILE	"dir/main.policy"
#define CAPS_SECTION	"capabilities {\n\tallow chown kill\n}\n"
#define MOUNT_SECTION	"mount {\n\tallow mount tmpfs on /tmp\n}\n"
#define NET_SECTION	"network {\n\tsocket allow unix\n}\n"
#define INCLUDED_HINT \
	"hint: an included file holds sections and include statements; 'policy' and 'mode' belong to the file that is loaded\n"

/*
 * MAIN with FILES: parses as INLINE does (the same policy), or fails with
 * exactly MSG.
 */
static const struct include_case {
	const char *desc;
	const char *main;
	struct memfile files[MEMFILES_MAX];
	const char *inline_text;
	const char *msg;
} include_cases[] = {
	{ "sections of an included file count as if written in its place",
	  "policy a\ninclude \"caps.inc\"\n" MOUNT_SECTION,
	  { { "dir/caps.inc", "# shared\n" CAPS_SECTION } },
	  "policy a\n" CAPS_SECTION MOUNT_SECTION, NULL },
	{ "includes nest; paths are relative to the including file",
	  "policy a\nmode audit\ninclude \"sub/one.inc\"\n",
	  { { "dir/sub/one.inc", CAPS_SECTION "include \"two.inc\"\n" },
	    { "dir/sub/two.inc", MOUNT_SECTION "include \"../three.inc\"\n" },
	    { "dir/sub/../three.inc", NET_SECTION } },
	  "policy a\nmode audit\n" CAPS_SECTION MOUNT_SECTION NET_SECTION, NULL },
	{ "an absolute path is taken as it is; '.' and '//' are dropped",
	  "policy a\ninclude \"/etc/ctrpolicy//./caps.inc\"\ninclude \"./x//y.inc\"\n",
	  { { "/etc/ctrpolicy/caps.inc", CAPS_SECTION },
	    { "dir/x/y.inc", NET_SECTION } },
	  "policy a\n" CAPS_SECTION NET_SECTION, NULL },
	{ "an included file of comments only, included twice",
	  "include \"empty.inc\" # first\npolicy a\ninclude \"empty.inc\"\n",
	  { { "dir/empty.inc", "# nothing\n\n" } },
	  "policy a\n", NULL },
	{ "a section in two files: the error names both places",
	  "policy a\n" CAPS_SECTION "include \"caps.inc\"\n",
	  { { "dir/caps.inc", "\n" CAPS_SECTION } },
	  NULL,
	  "dir/caps.inc:2:1: error: duplicate section 'capabilities' (first at dir/main.policy:2)\n"
	  "dir/main.policy:5:1: note: included from here\n" },
	{ "a section in an included file, then in the main file",
	  "policy a\ninclude \"caps.inc\"\n" CAPS_SECTION,
	  { { "dir/caps.inc", CAPS_SECTION } },
	  NULL,
	  "dir/main.policy:3:1: error: duplicate section 'capabilities' (first at dir/caps.inc:1)\n" },
	{ "a file included twice defines its sections twice",
	  "policy a\ninclude \"caps.inc\"\ninclude \"caps.inc\"\n",
	  { { "dir/caps.inc", CAPS_SECTION } },
	  NULL,
	  "dir/caps.inc:1:1: error: duplicate section 'capabilities' (first at dir/caps.inc:1)\n"
	  "dir/main.policy:3:1: note: included from here\n" },
	{ "'policy' in an included file",
	  "policy a\ninclude \"p.inc\"\n",
	  { { "dir/p.inc", "policy b\n" } },
	  NULL,
	  "dir/p.inc:1:1: error: 'policy' is not allowed in an included file\n"
	  "dir/p.inc:1:1: " INCLUDED_HINT
	  "dir/main.policy:2:1: note: included from here\n" },
	{ "'mode' in an included file",
	  "policy a\n\n  include \"m.inc\"\n",
	  { { "dir/m.inc", "\tmode audit\n" } },
	  NULL,
	  "dir/m.inc:1:2: error: 'mode' is not allowed in an included file\n"
	  "dir/m.inc:1:2: " INCLUDED_HINT
	  "dir/main.policy:3:3: note: included from here\n" },
	{ "an error two files deep: one note per include, innermost first",
	  "policy a\ninclude \"one.inc\"\n",
	  { { "dir/one.inc", "\ninclude \"two.inc\"\n" },
	    { "dir/two.inc", "capabilities {\n\tallow sys_admn\n}\n" } },
	  NULL,
	  "dir/two.inc:2:8: error: unknown capability 'sys_admn'; did you mean 'sys_admin'?\n"
	  "dir/one.inc:2:1: note: included from here\n"
	  "dir/main.policy:2:1: note: included from here\n" },
	{ "a section must end in the file it starts in",
	  "policy a\ninclude \"open.inc\"\n}\n",
	  { { "dir/open.inc", "mount {\n\tdefault allow\n" } },
	  NULL,
	  "dir/open.inc:2:15: error: unterminated section 'mount' opened at line 1\n"
	  "dir/open.inc:2:15: hint: close it with '}' on a line of its own\n"
	  "dir/main.policy:2:1: note: included from here\n" },
	{ "include inside a section",
	  "policy a\nmount {\n\tinclude \"m.inc\"\n}\n",
	  { { "dir/m.inc", "" } },
	  NULL,
	  "dir/main.policy:3:2: error: 'include' is not valid inside section 'mount'\n"
	  "dir/main.policy:3:2: hint: close section 'mount' (opened at line 2) with '}' first\n" },
	{ "a file that includes itself",
	  "policy a\ninclude \"self.inc\"\n",
	  { { "dir/self.inc", NET_SECTION "include \"./self.inc\"\n" } },
	  NULL,
	  "dir/self.inc:4:9: error: include cycle: dir/self.inc -> dir/self.inc\n"
	  "dir/self.inc:4:9: hint: a file cannot include itself, directly or through other files\n"
	  "dir/main.policy:2:1: note: included from here\n" },
	{ "a cycle through two files back to the main file",
	  "policy a\ninclude \"one.inc\"\n",
	  { { "dir/one.inc", "include \"two.inc\"\n" },
	    { "dir/two.inc", "include \"main.policy\"\n" } },
	  NULL,
	  "dir/two.inc:1:9: error: include cycle: dir/main.policy -> dir/one.inc -> dir/two.inc -> dir/main.policy\n"
	  "dir/two.inc:1:9: hint: a file cannot include itself, directly or through other files\n"
	  "dir/one.inc:1:1: note: included from here\n"
	  "dir/main.policy:2:1: note: included from here\n" },
	{ "a cycle through '..' back to the main file",
	  "policy a\ninclude \"sub/one.inc\"\n",
	  { { "dir/sub/one.inc", "include \"../main.policy\"\n" } },
	  NULL,
	  "dir/sub/one.inc:1:9: error: include cycle: dir/main.policy -> dir/sub/one.inc -> dir/sub/../main.policy\n"
	  "dir/sub/one.inc:1:9: hint: a file cannot include itself, directly or through other files\n"
	  "dir/main.policy:2:1: note: included from here\n" },
	{ "'..' above the start of a relative path is no cycle",
	  "policy a\ninclude \"../../x/../dir/two.inc\"\n",
	  { { "dir/../../x/../dir/two.inc", CAPS_SECTION } },
	  "policy a\n" CAPS_SECTION, NULL },
	{ "8 files deep is the limit",
	  "policy a\ninclude \"1\"\n",
	  { { "dir/1", "include \"2\"\n" }, { "dir/2", "include \"3\"\n" },
	    { "dir/3", "include \"4\"\n" }, { "dir/4", "include \"5\"\n" },
	    { "dir/5", "include \"6\"\n" }, { "dir/6", "include \"7\"\n" },
	    { "dir/7", "include \"8\"\n" },
	    { "dir/8", CAPS_SECTION "include \"9\"\n" },
	    { "dir/9", "" } },
	  NULL,
	  "dir/8:4:1: error: includes nested more than 8 deep\n"
	  "dir/7:1:1: note: included from here\n"
	  "dir/6:1:1: note: included from here\n"
	  "dir/5:1:1: note: included from here\n"
	  "dir/4:1:1: note: included from here\n"
	  "dir/3:1:1: note: included from here\n"
	  "dir/2:1:1: note: included from here\n"
	  "dir/1:1:1: note: included from here\n"
	  "dir/main.policy:2:1: note: included from here\n" },
	{ "a file that is not there",
	  "policy a\ninclude  \"gone.inc\"\n",
	  { { "dir/other.inc", "" } },
	  NULL,
	  "dir/main.policy:2:10: error: cannot include 'dir/gone.inc': No such file or directory\n" },
	{ "the file name must be quoted",
	  "policy a\ninclude caps.inc\n", { { NULL, NULL } }, NULL,
	  "dir/main.policy:2:9: error: the file name after 'include' must be quoted\n"
	  "dir/main.policy:2:9: hint: write it as include \"caps.inc\"\n" },
	{ "a missing file name",
	  "policy a\ninclude # what?\n", { { NULL, NULL } }, NULL,
	  "dir/main.policy:2:8: error: expected a file name after 'include'\n"
	  "dir/main.policy:2:8: hint: the file name is a quoted string: include \"common.policy\"\n" },
	{ "an empty file name",
	  "policy a\ninclude \"\"\n", { { NULL, NULL } }, NULL,
	  "dir/main.policy:2:9: error: empty file name after 'include'\n" },
	{ "a control character in the file name",
	  "policy a\ninclude \"a\tb\"\n", { { NULL, NULL } }, NULL,
	  "dir/main.policy:2:9: error: control character '\\x09' in the file name\n" },
	{ "a word after the file name",
	  "policy a\ninclude \"a\" \"b\"\n", { { NULL, NULL } }, NULL,
	  "dir/main.policy:2:13: error: unexpected '\"b\"' after the file name\n" },
	{ "a brace after include",
	  "policy a\ninclude {\n", { { NULL, NULL } }, NULL,
	  "dir/main.policy:2:9: error: unexpected '{'\n"
	  "dir/main.policy:2:9: hint: '{' must end the first line of a section, as in 'capabilities {'\n" },
	{ "a misspelt include",
	  "policy a\ninclde \"a\"\n", { { NULL, NULL } }, NULL,
	  "dir/main.policy:2:1: error: unknown keyword 'inclde'; did you mean 'include'?\n"
	  "dir/main.policy:2:1: hint: valid keywords: policy, mode, include, capabilities, mount, network, events\n" },
	{ "an included file without the policy's name is not a policy",
	  "include \"caps.inc\"\n",
	  { { "dir/caps.inc", CAPS_SECTION } },
	  NULL,
	  "dir/main.policy:1:1: error: missing 'policy NAME' statement\n"
	  "dir/main.policy:1:1: hint: every policy file names its policy, as in 'policy web-frontend'\n" },
};

static void test_include_case(const struct include_case *c)
{
	struct memfs fs = { c->files, 0 };
	struct policy_source source = { memfs_read, &fs };
	struct policy p, expected, before;
	struct policy_error err;
	int rc;

	memset(&p, 0x5a, sizeof(p));
	before = p;
	rc = policy_parse_source(MAIN_FILE, c->main, strlen(c->main), &source,
				 &p, &err);
	if (c->msg) {
		check(rc == -1 && !strcmp(err.msg, c->msg) &&
		      !memcmp(&p, &before, sizeof(p)), "include: %s", c->desc);
		if (rc != -1)
			diag_policy("parsed", &p);
		else if (strcmp(err.msg, c->msg)) {
			diag("got", err.msg);
			diag("expected", c->msg);
		}
		if (rc != -1)
			policy_free(&p);
		return;
	}
	if (rc) {
		check(0, "include: %s", c->desc);
		diag("error", err.msg);
		return;
	}
	parse_ok(c->inline_text, &expected);
	check(policy_equal(&p, &expected), "include: %s", c->desc);
	if (!policy_equal(&p, &expected)) {
		diag_policy("got", &p);
		diag_policy("expected", &expected);
	}
	policy_free(&p);
	policy_free(&expected);
}

/* 64 include statements in all, the 65th refused. */
static void test_include_count(void)
{
	static const struct memfile files[] = { { "e", "\n" }, { NULL, NULL } };
	struct memfs fs = { files, 0 };
	struct policy_source source = { memfs_read, &fs };
	struct policy_error err;
	char text[2048], msg[256];
	struct policy p;
	size_t len;
	int i, rc;

	len = snprintf(text, sizeof(text), "policy a\n");
	for (i = 0; i < POLICY_INCLUDE_MAX; i++)
		len += snprintf(text + len, sizeof(text) - len, "include \"e\"\n");
	rc = policy_parse_source("m", text, len, &source, &p, &err);
	check(rc == 0 && fs.reads == POLICY_INCLUDE_MAX,
	      "include: %d include statements", POLICY_INCLUDE_MAX);
	if (rc)
		diag("error", err.msg);
	else
		policy_free(&p);
	len += snprintf(text + len, sizeof(text) - len, "include \"e\"\n");
	rc = policy_parse_source("m", text, len, &source, &p, &err);
	snprintf(msg, sizeof(msg),
		 "m:%d:1: error: too many include statements; the limit is %d\n",
		 POLICY_INCLUDE_MAX + 2, POLICY_INCLUDE_MAX);
	check(rc == -1 && !strcmp(err.msg, msg), "include: the %dth is refused",
	      POLICY_INCLUDE_MAX + 1);
	if (rc != -1) {
		policy_free(&p);
	} else if (strcmp(err.msg, msg)) {
		diag("got", err.msg);
		diag("expected", msg);
	}
}

/* A file too large to include, and parsing without a source. */
static void test_include_limits(void)
{
	static const char *msg =
		"m:1:1: error: include is not available here\n";
	struct memfile files[] = { { "big", NULL }, { NULL, NULL } };
	struct memfs fs = { files, 0 };
	struct policy_source source = { memfs_read, &fs };
	static const char text[] = "include \"big\"\n";
	struct policy_error err;
	struct policy p;
	char *big;
	int rc;

	rc = policy_parse_source("m", text, strlen(text), NULL, &p, &err);
	check(rc == -1 && !strcmp(err.msg, msg), "include: without a source");
	if (strcmp(err.msg, msg))
		diag("got", err.msg);

	big = malloc(POLICY_FILE_MAX + 2);
	if (!big) {
		printf("Bail out! out of memory\n");
		exit(1);
	}
	memset(big, '\n', POLICY_FILE_MAX + 1);
	big[POLICY_FILE_MAX + 1] = '\0';
	files[0].text = big;
	msg = "big:1048577:1: error: file larger than 1048576 bytes (1 MiB)\n"
	      "m:1:1: note: included from here\n";
	rc = policy_parse_source("m", text, strlen(text), &source, &p, &err);
	check(rc == -1 && !strcmp(err.msg, msg),
	      "include: an included file over 1 MiB");
	if (strcmp(err.msg, msg))
		diag("got", err.msg);
	free(big);
}

/* Includes from the file system: include.policy and what it includes. */
static void test_include_files(void)
{
	char path[4096], *expected, *text;
	struct policy_error err;
	struct policy p;

	snprintf(path, sizeof(path), "%s/include.policy", fixtures);
	if (policy_parse_file(path, &p, &err)) {
		check(0, "include: include.policy prints as include.expected");
		diag("error", err.msg);
		return;
	}
	expected = read_fixture("include.expected");
	text = print_to_string(&p);
	check(!strcmp(text, expected),
	      "include: include.policy prints as include.expected");
	if (strcmp(text, expected)) {
		diag("got", text);
		diag("expected", expected);
	}
	free(text);
	free(expected);
	policy_free(&p);
}

/* ---- the events section -------------------------------------------------- */

static void test_events(void)
{
	static const struct {
		const char *desc;
		const char *text;
		uint32_t rate, burst;
		const char *printed;	/* the section as printed, "" if left out */
	} cases[] = {
		{ "no events section: the default limit, not printed",
		  "policy a\n", 200, 200, "" },
		{ "a rate alone: the burst is the rate",
		  "policy a\nevents {\n\trate 5/s\n}\n", 5, 5,
		  "\nevents {\n\trate 5/s\n\tburst 5\n}\n" },
		{ "a rate and a burst, in any order",
		  "policy a\nevents {\n  burst 300 # at once\n  rate 100/s\n}\n", 100, 300,
		  "\nevents {\n\trate 100/s\n\tburst 300\n}\n" },
		{ "a burst alone: the default rate",
		  "policy a\nevents {\n\tburst 1\n}\n", 200, 1,
		  "\nevents {\n\trate 200/s\n\tburst 1\n}\n" },
		{ "the limits: 1 and 10000",
		  "policy a\nevents {\n\trate 1/s\n\tburst 10000\n}\n", 1, 10000,
		  "\nevents {\n\trate 1/s\n\tburst 10000\n}\n" },
		{ "the defaults spelt out: not printed",
		  "policy a\nevents {\n\trate 200/s\n}\n", 200, 200, "" },
		{ "an empty section: the defaults",
		  "policy a\nevents {\n}\n", 200, 200, "" },
	};
	struct policy p, zero = { .name = "a" };
	char *text, *section;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		parse_ok(cases[i].text, &p);
		text = print_to_string(&p);
		section = strstr(text, "\nevents {");
		check(p.event_rate == cases[i].rate && p.event_burst == cases[i].burst &&
		      policy_event_rate(&p) == cases[i].rate &&
		      policy_event_burst(&p) == cases[i].burst,
		      "events: %s", cases[i].desc);
		if (p.event_rate != cases[i].rate || p.event_burst != cases[i].burst)
			printf("#   got rate %u burst %u\n", p.event_rate, p.event_burst);
		check(!strcmp(section ? section : "", cases[i].printed) &&
		      round_trip(&p, 1), "events: %s: printed last, and read back",
		      cases[i].desc);
		if (strcmp(section ? section : "", cases[i].printed))
			diag("printed", text);
		free(text);
		policy_free(&p);
	}
	/* A zeroed policy (not from the parser) has the default limit. */
	parse_ok("policy a\n", &p);
	check(policy_equal(&p, &zero) && policy_event_rate(&zero) == 200 &&
	      policy_event_burst(&zero) == 200,
	      "events: 0 stands for the default limit, equal to it");
	parse_ok("policy a\nevents {\n\trate 10/s\n}\n", &p);
	check(!policy_equal(&p, &zero), "events: another limit makes another policy");
}

static void test_include(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(include_cases); i++)
		test_include_case(&include_cases[i]);
	test_include_count();
	test_include_limits();
	test_include_files();
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s FIXTURE_DIR\n", argv[0]);
		return 2;
	}
	fixtures = argv[1];
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_caps();
	test_valid();
	test_errors();
	test_limits();
	test_print();
	test_mount_rules();
	test_mount_cases();
	test_mount_limits();
	test_net_rules();
	test_net_cases();
	test_net_limits();
	test_net_sort();
	test_net_many_rules();
	test_files();
	test_shipped_policies();
	test_include();
	test_events();
	return failures ? 1 : 0;
}
