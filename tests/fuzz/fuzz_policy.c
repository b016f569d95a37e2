// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer entry point for the policy parser.  Any input must be parsed
 * or refused without a memory error or a leak, leaving the output policy
 * untouched; an error message must be an error line, maybe a hint, then
 * one note per include level, every line complete; a policy that parses
 * must print to text that parses back to the same policy and prints the
 * same again, every line within the parser's line limit, without include.
 *
 * Includes never reach the file system: the input is split at each line
 * "%%" (FILE_SEPARATOR) into the loaded file "main" and the files "a" to
 * "i", the only files an include statement finds ('include "a"', also
 * "./a"); any other name is a file that does not exist.  So cycles, the
 * depth limit (9 files), the limit on include statements and errors in
 * included files are all reachable.
 *
 *   make fuzz                   builds build/fuzz_policy
 *   tests/fuzz/run.sh build 60  runs it for 60 s, as make check does
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"

#define FILE_SEPARATOR	"\n%%\n"
#define FILES_MAX	10	/* "main", then the files that can be included */

static const char *const file_names[FILES_MAX] = {
	"main", "a", "b", "c", "d", "e", "f", "g", "h", "i",
};

/* The files of one input: where each starts in it, and its length. */
struct files {
	const char *text[FILES_MAX];
	size_t len[FILES_MAX];
	size_t n;
};

static void split(const char *data, size_t size, struct files *files)
{
	const size_t sep_len = strlen(FILE_SEPARATOR);
	const char *end = data + size, *sep;

	files->n = 0;
	for (;;) {
		files->text[files->n] = data;
		sep = files->n + 1 < FILES_MAX ?
		      memmem(data, end - data, FILE_SEPARATOR, sep_len) : NULL;
		files->len[files->n++] = (sep ? sep : end) - data;
		if (!sep)
			return;
		data = sep + sep_len;
	}
}

static int read_file(void *data, const char *path, char **text, size_t *len)
{
	const struct files *files = data;
	size_t i;

	for (i = 1; i < files->n; i++) {
		if (strcmp(path, file_names[i]))
			continue;
		*text = malloc(files->len[i] + 1);
		if (!*text)
			return ENOMEM;
		memcpy(*text, files->text[i], files->len[i]);
		*len = files->len[i];
		return 0;
	}
	return ENOENT;
}

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

/*
 * The kind of message line LINE of LEN bytes (its newline excluded) is:
 * 'e' for "FILE[:L:C]: error: ...", 'h' for "FILE:L:C: hint: ...", 'n'
 * for exactly "FILE:L:C: note: included from here", FILE being one of the
 * files of the input; 0 for any other line.
 */
static int line_kind(const char *line, size_t len)
{
	static const char note[] = " note: included from here";
	const char *p = NULL, *end = line + len;
	size_t i, n;
	int fields;

	for (i = 0; i < FILES_MAX && !p; i++) {
		n = strlen(file_names[i]);
		if (n < len && !strncmp(line, file_names[i], n) && line[n] == ':')
			p = line + n + 1;
	}
	if (!p)
		return 0;
	/* ":L:C:" after the name, or nothing for an error about a file. */
	for (fields = 0; fields < 2 && p < end && *p >= '0' && *p <= '9';
	     fields++) {
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == end || *p++ != ':')
			return 0;
	}
	if (fields == 1)
		return 0;
	if ((size_t)(end - p) >= 8 && !memcmp(p, " error: ", 8))
		return 'e';
	if (!fields)
		return 0;
	if ((size_t)(end - p) >= 7 && !memcmp(p, " hint: ", 7))
		return 'h';
	if ((size_t)(end - p) == strlen(note) && !memcmp(p, note, end - p))
		return 'n';
	return 0;
}

/*
 * MSG: an error line, maybe a hint, then at most one note per include
 * level, each line complete.
 */
static void check_error(const char *msg)
{
	unsigned int n = 0, notes = 0;
	const char *line, *nl;
	int kind;

	for (line = msg; *line; line = nl + 1, n++) {
		nl = strchr(line, '\n');
		if (!nl)
			abort();
		kind = line_kind(line, nl - line);
		if (!kind || (n == 0) != (kind == 'e') ||
		    (kind == 'h' && (n != 1)))
			abort();
		notes += kind == 'n';
	}
	if (!n || notes > POLICY_INCLUDE_DEPTH_MAX)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy_source source;
	struct policy_error err;
	struct policy p, q, before;
	struct files files;
	char *text, *again;

	split((const char *)data, size, &files);
	source.read = read_file;
	source.data = &files;
	memset(&p, 0x5a, sizeof(p));
	before = p;
	if (policy_parse_source(file_names[0], files.text[0], files.len[0],
				&source, &p, &err)) {
		if (memcmp(&p, &before, sizeof(p)))
			abort();
		check_error(err.msg);
		return 0;
	}
	if (!p.name[0] || memchr(p.name, '\0', sizeof(p.name)) == NULL)
		abort();
	if (p.n_mount_rules > CTRPOLICY_MAX_MOUNT_RULES ||
	    p.n_socket_rules > CTRPOLICY_MAX_SOCKET_RULES ||
	    p.n_net_rules > CTRPOLICY_MAX_NET_RULES)
		abort();
	text = print_to_string(&p);
	/* The printed form has no include: no source needed to read it. */
	if (!lines_fit(text) ||
	    policy_parse_source("printed", text, strlen(text), NULL, &q, &err) ||
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
