/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One TAP line per check, for the unit test programs: each defines
 * TAP_PREFIX (e.g. "policy: ") before including this.
 */
#ifndef CTRPOLICY_TEST_TAP_H
#define CTRPOLICY_TEST_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int failures;

static void __attribute__((format(printf, 2, 3)))
check(int ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s - " TAP_PREFIX, ok ? "ok" : "not ok");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (!ok)
		failures++;
}

#endif
