// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer entry point for the policy parser.  Any input must be parsed
 * or refused without a memory error or a leak, leaving the output policy
 * untouched; an error message must be one or two complete lines; a policy
 * that parses must print to text that parses back to the same policy and
 * prints the same again, every line within the parser's line limit.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -I include/uapi \
 *	-I tools/ctrpolicy -o fuzz_policy tests/fuzz/fuzz_policy.c \
 *	tools/ctrpolicy/policy.c tools/ctrpolicy/policy_net.c \
 *	tools/ctrpolicy/caps.c
 *   ./fuzz_policy -max_len=8192 -dict=tests/fuzz/policy.dict CORPUS_DIR \
 *	tests/unit/policy
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

static char *print_to_string(const struct policy *p)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	if (!f)
		abort();
	policy_print(f, p);
	fclose(f);
	return buf;
}

/* Every line of TEXT at most POLICY_LINE_MAX bytes long. */
static int lines_fit(const char *text)
{
	const char *nl;

	for (; (nl = strchr(text, '\n')); text = nl + 1) {
		if (nl - text > POLICY_LINE_MAX)
			return 0;
	}
	return strlen(text) <= POLICY_LINE_MAX;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy_error err;
	struct policy p, q, before;
	char *text, *again;
	size_t len, lines = 0, i;

	memset(&p, 0x5a, sizeof(p));
	before = p;
	if (policy_parse_buffer("f", (const char *)data, size, &p, &err)) {
		len = strlen(err.msg);
		if (!len || err.msg[len - 1] != '\n' || strncmp(err.msg, "f:", 2) ||
		    memcmp(&p, &before, sizeof(p)))
			abort();
		for (i = 0; i < len; i++)
			lines += err.msg[i] == '\n';
		if (lines > 2)
			abort();
		return 0;
	}
	if (!p.name[0] || memchr(p.name, '\0', sizeof(p.name)) == NULL)
		abort();
	if (p.n_mount_rules > CTRPOLICY_MAX_MOUNT_RULES ||
	    p.n_socket_rules > CTRPOLICY_MAX_SOCKET_RULES ||
	    p.n_net_rules > CTRPOLICY_MAX_NET_RULES)
		abort();
	text = print_to_string(&p);
	if (!lines_fit(text) ||
	    policy_parse_buffer("printed", text, strlen(text), &q, &err) ||
	    !policy_equal(&p, &q))
		abort();
	again = print_to_string(&q);
	if (strcmp(text, again))
		abort();
	policy_free(&p);
	policy_free(&q);
	free(text);
	free(again);
	return 0;
}
