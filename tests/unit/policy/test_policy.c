// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the policy language: tools/ctrpolicy/policy.c and caps.c.
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

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define CAP(n)		(1ULL << (n))
#define ALL		CAP_MASK_KNOWN
#define FILE_NAME	"t.policy"

static int failures;
static const char *fixtures;

static void __attribute__((format(printf, 2, 3)))
check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s - policy: ", ok ? "ok" : "not ok");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!ok)
		failures++;
}

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
	printf("#   %s: name '%s' mode %d caps %#llx\n", label, p->name,
	       p->mode, (unsigned long long)p->caps);
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
	  "policy a\nnetwork {\n}\n", 0,
	  "t.policy:2:1: error: unknown section 'network'\n"
	  "t.policy:2:1: hint: valid sections: capabilities\n" },
	{ "misspelt section",
	  "policy a\ncapabilites {\n}\n", 0,
	  "t.policy:2:1: error: unknown section 'capabilites'; did you mean 'capabilities'?\n"
	  "t.policy:2:1: hint: valid sections: capabilities\n" },
	{ "unknown keyword",
	  "polcy a\n", 0,
	  "t.policy:1:1: error: unknown keyword 'polcy'; did you mean 'policy'?\n"
	  "t.policy:1:1: hint: valid keywords: policy, mode, capabilities\n" },
	{ "keywords are lower case",
	  "POLICY a\n", 0,
	  "t.policy:1:1: error: unknown keyword 'POLICY'; did you mean 'policy'?\n"
	  "t.policy:1:1: hint: valid keywords: policy, mode, capabilities\n" },
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

/* Every line of TEXT within 72 columns, a tab counting 8. */
static int width_ok(const char *text)
{
	int col = 0;

	for (; *text; text++) {
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
	free(text);
	free(again);
	return ok;
}

static void test_print(void)
{
	static const struct {
		const char *desc;
		struct policy p;
		const char *text;
	} cases[] = {
		{ "no capability: 'allow none'",
		  { "empty", CTRPOLICY_MODE_ENFORCE, 0 },
		  "policy empty\nmode enforce\n\ncapabilities {\n\tallow none\n}\n" },
		{ "every capability: 'allow all'",
		  { "root-ish", CTRPOLICY_MODE_AUDIT, ALL },
		  "policy root-ish\nmode audit\n\ncapabilities {\n\tallow all\n}\n" },
		{ "one capability",
		  { "one", CTRPOLICY_MODE_ENFORCE, CAP(40) },
		  "policy one\nmode enforce\n\ncapabilities {\n\tallow checkpoint_restore\n}\n" },
		{ "all but one, wrapped to 72 columns",
		  { "most", CTRPOLICY_MODE_ENFORCE, ALL & ~CAP(0) },
		  "policy most\nmode enforce\n\ncapabilities {\n"
		  "\tallow dac_override dac_read_search fowner fsetid kill setgid\n"
		  "\tallow setuid setpcap linux_immutable net_bind_service\n"
		  "\tallow net_broadcast net_admin net_raw ipc_lock ipc_owner\n"
		  "\tallow sys_module sys_rawio sys_chroot sys_ptrace sys_pacct\n"
		  "\tallow sys_admin sys_boot sys_nice sys_resource sys_time\n"
		  "\tallow sys_tty_config mknod lease audit_write audit_control\n"
		  "\tallow setfcap mac_override mac_admin syslog wake_alarm\n"
		  "\tallow block_suspend audit_read perfmon bpf checkpoint_restore\n"
		  "}\n" },
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
		ok = round_trip(&p, 1);
	}
	check(ok, "round trip: 5000 pseudo-random policies, every line within 72 columns");

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
	check(!strcmp(text, expected), "file: %s.policy prints as %s", base,
	      name);
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
	snprintf(path, sizeof(path), "%s/variants.expected", fixtures);
	if (!freopen(path, "r", stdin)) {
		printf("Bail out! %s: %s\n", path, strerror(errno));
		exit(1);
	}
	check(policy_parse_file("-", &p, &err) == 0 &&
	      !strcmp(p.name, "build.runner_2-x"),
	      "file: '-' reads stdin again");
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
	test_files();
	return failures ? 1 : 0;
}
