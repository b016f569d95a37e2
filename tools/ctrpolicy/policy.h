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
#define POLICY_FILE_MAX		(1024 * 1024)	/* bytes */

/* A parsed policy: what CTRPOLICY_A_POLICY carries. */
struct policy {
	char name[CTRPOLICY_NAME_MAX];
	enum ctrpolicy_mode mode;
	uint64_t caps;			/* bit N allows capability N */
};

/*
 * Why parsing failed, ready to print as is: "FILE:LINE:COL: error: ...\n",
 * then often "FILE:LINE:COL: hint: ...\n".  Errors that concern the whole
 * file, such as one that cannot be read, have the form "FILE: error: ...\n".
 */
struct policy_error {
	char msg[512];
};

/*
 * Parse LEN bytes of TEXT (need not be NUL terminated); FILENAME only names
 * the input in error messages.  0 with *OUT filled in, or -1 with ERR
 * filled in and *OUT unchanged.
 */
int policy_parse_buffer(const char *filename, const char *text, size_t len,
			struct policy *out, struct policy_error *err);

/* Parse the file PATH; "-" reads standard input, named "<stdin>". */
int policy_parse_file(const char *path, struct policy *out,
		      struct policy_error *err);

/*
 * Print P in the canonical form of the language: the statements only, no
 * comment.  Parsing the output gives a policy equal to P, provided P came
 * from the parser (a valid name, a known mode, no bit above CAP_LAST_KNOWN).
 */
void policy_print(FILE *f, const struct policy *p);

/* Whether two policies are the same: name, mode and capabilities. */
bool policy_equal(const struct policy *a, const struct policy *b);

/* "enforce" or "audit"; "unknown" (never NULL) for any other value. */
const char *policy_mode_name(enum ctrpolicy_mode mode);

#endif
