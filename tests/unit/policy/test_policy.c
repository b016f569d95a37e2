// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the policy language: tools/ctrpolicy/policy.c and caps.c.
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
	  "t.policy:2:1: hint: valid sections: capabilities, mount, network\n" },
	{ "misspelt section",
	  "policy a\ncapabilites {\n}\n", 0,
	  "t.policy:2:1: error: unknown section 'capabilites'; did you mean 'capabilities'?\n"
	  "t.policy:2:1: hint: valid sections: capabilities, mount, network\n" },
	{ "unknown keyword",
	  "polcy a\n", 0,
	  "t.policy:1:1: error: unknown keyword 'polcy'; did you mean 'policy'?\n"
	  "t.policy:1:1: hint: valid keywords: policy, mode, capabilities, mount, network\n" },
	{ "keywords are lower case",
	  "POLICY a\n", 0,
	  "t.policy:1:1: error: unknown keyword 'POLICY'; did you mean 'policy'?\n"
	  "t.policy:1:1: hint: valid keywords: policy, mode, capabilities, mount, network\n" },
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
	  "t.policy:2:6: hint: valid modes: enforce, audit\n" },
	{ "unknown mode",
	  "policy a\nmode permissive\n", 0,
	  "t.policy:2:6: error: unknown mode 'permissive'\n"
	  "t.policy:2:6: hint: valid modes: enforce, audit\n" },
	{ "missing mode",
	  "policy a\nmode\n", 0,
	  "t.policy:2:5: error: expected a mode after 'mode'\n"
	  "t.policy:2:5: hint: valid modes: enforce, audit\n" },
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
	  "t.policy:6:6: hint: valid modes: enforce, audit\n" },
	{ "mount: capability statements are not mount statements",
	  M("allow chown"), 0,
	  "t.policy:3:7: error: unknown mount operation 'chown'\n"
	  "t.policy:3:7: hint: valid mount operations: mount, bind, remount, move, umount, pivot_root, propagation\n" },
	{ "a quoted string is one token elsewhere too",
	  "policy \"a b\"\n", 0,
	  "t.policy:1:8: error: invalid character '\"' in policy name\n"
	  "t.policy:1:8: hint: a policy name is 1 to 63 letters, digits, '.', '_' or '-'\n" },
#undef M
};

/* Parse TEXT, which must fail with exactly MSG; *OUT must stay as it was. */
static void expect_error(const char *desc, const char *text, size_t len,
			 const char *msg)
{
	struct policy p, before;
	struct policy_error err;
	int rc;

	memset(&p, 0x5a, sizeof(p));
	before = p;
	memset(&err, 0, sizeof(err));
	rc = policy_parse_buffer(FILE_NAME, text, len, &p, &err);
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
		ok = round_trip(&p, 1);
		policy_free(&p);
	}
	check(ok, "round trip: 5000 pseudo-random policies with mount rules, every capability line within 72 columns");

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

/* The mount section of TEXT without its braces, or "" . */
static char *mount_body(const char *text)
{
	const char *start = strstr(text, "\nmount {\n"), *end;

	if (!start)
		return strdup("");
	start += strlen("\nmount {\n");
	end = strstr(start, "\n}\n");
	return strndup(start, end ? (size_t)(end - start + 1) : strlen(start));
}

static void test_mount_cases(void)
{
	const struct mount_case *c;
	struct policy_error err;
	struct policy p;
	char *text, *printed, *body;
	size_t i, len;
	int ok;

	for (i = 0; i < ARRAY_SIZE(mount_cases); i++) {
		c = &mount_cases[i];
		len = strlen(c->body) + 64;
		text = malloc(len);
		snprintf(text, len, "policy a\nmount {\n%s}\n", c->body);
		if (policy_parse_buffer(FILE_NAME, text, strlen(text), &p, &err)) {
			check(0, "mount: %s", c->desc);
			diag("input", text);
			diag("error", err.msg);
			free(text);
			continue;
		}
		printed = print_to_string(&p);
		body = mount_body(printed);
		ok = !strcmp(body, c->printed);
		check(ok && round_trip(&p, 1), "mount: %s", c->desc);
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

/* "policy a\nmount {\n" + N copies of RULE + "}\n", malloc'ed. */
static char *rules_text(const char *rule, size_t n)
{
	size_t len = strlen(rule), i;
	char *text = malloc(32 + n * len), *t = text;

	t += sprintf(t, "policy a\nmount {\n");
	for (i = 0; i < n; i++, t += len)
		memcpy(t, rule, len);
	strcpy(t, "}\n");
	return text;
}

static void test_mount_limits(void)
{
	char line[POLICY_LINE_MAX + 2], msg[256], *text;
	struct policy_error err;
	struct policy p;
	size_t n;
	int rc;

	text = rules_text("\tdeny umount on /proc/*\n", CTRPOLICY_MAX_MOUNT_RULES);
	rc = policy_parse_buffer(FILE_NAME, text, strlen(text), &p, &err);
	check(rc == 0 && p.n_mount_rules == CTRPOLICY_MAX_MOUNT_RULES,
	      "mount limits: 256 rules are accepted");
	if (rc)
		diag("error", err.msg);
	else
		policy_free(&p);
	free(text);
	text = rules_text("\tdeny umount on /proc/*\n", CTRPOLICY_MAX_MOUNT_RULES + 2);
	snprintf(msg, sizeof(msg),
		 "t.policy:%d:2: error: too many mount rules; the limit is 256\n",
		 2 + CTRPOLICY_MAX_MOUNT_RULES + 1);
	expect_error("mount limits: the 257th rule is refused", text,
		     strlen(text), msg);
	free(text);

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
		if (next_random(x) & 1)
			do
				random_word(x, r->fstype, 20,
					    "abcdefghijklmnopqrstuvwxyz0123456789._-");
			while (!r->fstype[0]);
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
	test_files();
	return failures ? 1 : 0;
}
