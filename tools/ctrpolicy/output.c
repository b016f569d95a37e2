// SPDX-License-Identifier: GPL-2.0
/*
 * One print call serves both the human text and the -j JSON output, as in
 * iproute2: the text format is used as given, the key names the JSON member.
 * The structure calls (objects, arrays) print nothing in text mode.  A value
 * only JSON has gets an empty text format; what only the text has (a table's
 * header, a sum of JSON's values) goes through out_text(), iproute2's
 * PRINT_FP.
 */
#include <stdarg.h>
#include <stdio.h>

#include "ctrpolicy.h"

static int json_depth;
static bool json_need_comma;

static void json_separator(void)
{
	if (json_need_comma)
		putchar(',');
	json_need_comma = true;
}

/* A member's key; none (NULL) for an element of an array. */
static void json_key(const char *key)
{
	json_separator();
	if (key)
		printf("\"%s\":", key);
}

static void json_escaped(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void json_open(char bracket)
{
	putchar(bracket);
	json_depth++;
	json_need_comma = false;
}

static void json_close(char bracket)
{
	putchar(bracket);
	json_need_comma = true;
	if (--json_depth == 0) {
		putchar('\n');
		json_need_comma = false;
		fflush(stdout);
	}
}

void out_begin_object(void)
{
	if (!opt_json)
		return;
	json_separator();
	json_open('{');
}

void out_begin_named_object(const char *key)
{
	if (!opt_json)
		return;
	json_key(key);
	json_open('{');
}

void out_end_object(void)
{
	if (opt_json)
		json_close('}');
}

void out_begin_array(void)
{
	if (!opt_json)
		return;
	json_separator();
	json_open('[');
}

void out_begin_named_array(const char *key)
{
	if (!opt_json)
		return;
	json_key(key);
	json_open('[');
}

void out_end_array(void)
{
	if (opt_json)
		json_close(']');
}

void out_string(const char *key, const char *text_fmt, const char *value)
{
	if (!opt_json) {
		printf(text_fmt, value);
		return;
	}
	json_key(key);
	json_escaped(value ? value : "");
}

void out_bool(const char *key, const char *text_fmt, bool value)
{
	if (!opt_json) {
		printf(text_fmt, value ? "yes" : "no");
		return;
	}
	json_key(key);
	fputs(value ? "true" : "false", stdout);
}

void out_text(const char *fmt, ...)
{
	va_list ap;

	if (opt_json)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

void out_uint(const char *key, const char *text_fmt, unsigned long long value)
{
	if (!opt_json) {
		printf(text_fmt, value);
		return;
	}
	json_key(key);
	printf("%llu", value);
}
