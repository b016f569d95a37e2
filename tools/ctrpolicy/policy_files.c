// SPDX-License-Identifier: GPL-2.0
/*
 * The files of a policy: reading the file that is loaded, and the include
 * statement (docs/policy-language.md).
 *
 * 'include "FILE"' parses FILE as if its lines stood in place of the
 * statement, through the parser's policy_source: the file system for the
 * tool, an in-memory set of files for the fuzzer.  An included file holds
 * sections and include statements only; a section begins and ends in one
 * file.  A relative path is relative to the directory of the including
 * file.  Includes nest at most POLICY_INCLUDE_DEPTH_MAX deep, a policy has
 * at most POLICY_INCLUDE_MAX of them, and a file that includes itself,
 * directly or not, is refused with the chain of files.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "policy_parse.h"

/*
 * All of F, and one byte more than POLICY_FILE_MAX to tell a file that is
 * too large, into *TEXT (malloc'ed) and *LEN; 0 or an errno.
 */
static int read_stream(FILE *f, char **text, size_t *len)
{
	char *buf = malloc(POLICY_FILE_MAX + 1);

	if (!buf)
		return ENOMEM;
	*len = fread(buf, 1, POLICY_FILE_MAX + 1, f);
	if (ferror(f)) {
		free(buf);
		return errno ? errno : EIO;
	}
	*text = buf;
	return 0;
}

static int read_file(void *data, const char *path, char **text, size_t *len)
{
	FILE *f = fopen(path, "r");
	int err;

	(void)data;
	if (!f)
		return errno;
	err = read_stream(f, text, len);
	fclose(f);
	return err;
}

const struct policy_source policy_source_files = { read_file, NULL };

int policy_parse_file(const char *path, struct policy *out,
		      struct policy_error *err)
{
	bool is_stdin = !strcmp(path, "-");
	const char *name = is_stdin ? "<stdin>" : path;
	size_t len;
	char *text;
	FILE *f;
	int ret;

	f = is_stdin ? stdin : fopen(path, "r");
	if (!f)
		return file_error(err, name, "cannot open: %s", strerror(errno));
	ret = read_stream(f, &text, &len);
	if (!is_stdin)
		fclose(f);
	if (ret)
		return file_error(err, name, "cannot read: %s", strerror(ret));
	ret = policy_parse_buffer(name, text, len, out, err);
	free(text);
	return ret;
}

/*
 * PATH without empty and "." components, into OUT (at least PATH's length
 * plus 2 bytes): the same file, whatever the file system holds.  With
 * DOTDOT, also with "dir/.." taken out, as text: the same file unless a
 * symbolic link comes before the "..".
 */
static void path_normalize(const char *path, char *out, bool dotdot)
{
	bool absolute = path[0] == '/';
	size_t i = 0, n = 0, end, len, floor;

	if (absolute)
		out[n++] = '/';
	floor = n;	/* what ".." cannot take out: "/", or leading ".."s */
	for (; path[i]; i = end) {
		while (path[i] == '/')
			i++;
		for (end = i; path[end] && path[end] != '/'; end++)
			;
		len = end - i;
		if (!len || (len == 1 && path[i] == '.'))
			continue;
		if (dotdot && len == 2 && !memcmp(path + i, "..", 2)) {
			if (n > floor) {
				while (n > floor && out[n - 1] != '/')
					n--;
				if (n > floor)
					n--;
				continue;
			}
			if (absolute)
				continue;	/* "/.." is "/" */
		}
		if (n && out[n - 1] != '/')
			out[n++] = '/';
		memcpy(out + n, path + i, len);
		n += len;
		if (dotdot && len == 2 && !memcmp(path + i, "..", 2))
			floor = n;
	}
	if (!n)
		out[n++] = '.';
	out[n] = '\0';
}

/*
 * The file that PATH names when the file INCLUDER includes it, normalized,
 * into OUT of PATH_MAX bytes; false if it is too long.
 */
static bool include_path(const char *includer, const char *path, char *out)
{
	const char *slash = strrchr(includer, '/');
	char joined[2 * PATH_MAX];

	if (path[0] == '/' || !slash)
		snprintf(joined, sizeof(joined), "%s", path);
	else
		snprintf(joined, sizeof(joined), "%.*s/%s",
			 (int)(slash - includer), includer, path);
	if (strlen(joined) >= PATH_MAX)
		return false;
	path_normalize(joined, out, false);
	return true;
}

/*
 * The depth of the file being read that PATH names too, or -1: the paths
 * compared with ".." taken out as text.
 */
static int include_cycle(const struct parser *p, const char *path)
{
	char name[PATH_MAX + 2], clean[PATH_MAX + 2];
	unsigned int i;

	path_normalize(path, clean, true);
	for (i = 0; i <= p->inc.depth; i++) {
		if (strlen(p->inc.files[i]) >= PATH_MAX)
			continue;
		path_normalize(p->inc.files[i], name, true);
		if (!strcmp(name, clean))
			return i;
	}
	return -1;
}

/* "a.inc -> b.inc -> a.inc": the files from depth FROM, then PATH. */
static const char *cycle_chain(const struct parser *p, unsigned int from,
			       const char *path, char *buf, size_t size)
{
	size_t len = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = from; i <= p->inc.depth && len < size; i++)
		len += snprintf(buf + len, size - len, "%.*s -> ",
				FILENAME_QUOTE_MAX, p->inc.files[i]);
	if (len < size)
		snprintf(buf + len, size - len, "%.*s", FILENAME_QUOTE_MAX, path);
	return buf;
}

/*
 * Parse the file PATH (malloc'ed, which P then owns), named by token NAME
 * of the include statement whose keyword is KW, as part of P.
 */
static int include_file(struct parser *p, const struct token *kw,
			const struct token *name, char *path)
{
	const char *includer = p->file;
	unsigned int line = kw->line, col = kw->col;
	size_t len;
	char *text;
	int err;

	err = p->inc.source->read(p->inc.source->data, path, &text, &len);
	if (err) {
		error_at(p, name->line, name->col, "cannot include '%.*s': %s",
			 FILENAME_QUOTE_MAX, path, strerror(err));
		free(path);
		return -1;
	}
	p->inc.paths[p->inc.count++] = path;
	p->inc.files[++p->inc.depth] = path;
	p->file = path;
	err = parse_text(p, text, len);
	free(text);
	p->file = includer;
	p->inc.depth--;
	if (err)
		return note_at(p, line, col, "included from here");
	return 0;
}

int parse_include(struct parser *p, struct lexer *lx, const struct token *kw)
{
	char name[PATH_MAX], path[PATH_MAX], chain[1024], q[QUOTE_BUF];
	struct token t;
	size_t len, i;
	int cycle;
	char *copy;

	if (!lex(lx, &t)) {
		error_at(p, kw->line, col_after(kw),
			 "expected a file name after 'include'");
		hint(p, "the file name is a quoted string: include \"common.policy\"");
		return -1;
	}
	if (is_punct(*t.s))
		return error_punct(p, &t);
	if (t.s[0] != '"') {
		error_at(p, t.line, t.col,
			 "the file name after 'include' must be quoted");
		hint(p, "write it as include \"%s\"", quote(q, t.s, t.len));
		return -1;
	}
	if (tok_text(p, &t, name, sizeof(name), &len, "the file name") ||
	    expect_end(p, lx, "the file name"))
		return -1;
	if (!len)
		return error_at(p, t.line, t.col, "empty file name after 'include'");
	/* The name goes into messages as it is: one line, printable. */
	for (i = 0; i < len; i++) {
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return error_at(p, t.line, t.col,
					"control character '%s' in the file name",
					quote(q, name + i, 1));
	}
	if (!p->inc.source)
		return error_at(p, kw->line, kw->col,
				"include is not available here");
	if (!include_path(p->file, name, path))
		return error_at(p, t.line, t.col,
				"the path of the included file is longer than %d bytes",
				PATH_MAX - 1);
	cycle = include_cycle(p, path);
	if (cycle >= 0) {
		error_at(p, t.line, t.col, "include cycle: %s",
			 cycle_chain(p, cycle, path, chain, sizeof(chain)));
		hint(p, "a file cannot include itself, directly or through other files");
		return -1;
	}
	if (p->inc.depth == POLICY_INCLUDE_DEPTH_MAX) {
		error_at(p, kw->line, kw->col,
			 "includes nested more than %d deep",
			 POLICY_INCLUDE_DEPTH_MAX);
		return -1;
	}
	if (p->inc.count == POLICY_INCLUDE_MAX)
		return error_at(p, kw->line, kw->col,
				"too many include statements; the limit is %d",
				POLICY_INCLUDE_MAX);
	copy = strdup(path);
	if (!copy)
		return file_error(p->err, p->file, "out of memory");
	return include_file(p, kw, &t, copy);
}

void include_free(struct parser *p)
{
	unsigned int i;

	for (i = 0; i < p->inc.count; i++)
		free(p->inc.paths[i]);
	p->inc.count = 0;
}
