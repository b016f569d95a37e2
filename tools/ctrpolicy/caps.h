/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Capability names, as in capabilities(7).
 */
#ifndef CTRPOLICY_CAPS_H
#define CTRPOLICY_CAPS_H

#include <stddef.h>

/* The highest capability this tool knows by name: CAP_CHECKPOINT_RESTORE. */
#define CAP_LAST_KNOWN		40
/* Every capability the tool knows, as a mask of bits 0..CAP_LAST_KNOWN. */
#define CAP_MASK_KNOWN		((1ULL << (CAP_LAST_KNOWN + 1)) - 1)

/*
 * The number of the capability NAME (LEN bytes, need not be NUL terminated):
 * "sys_admin", "cap_sys_admin", "CAP_SYS_ADMIN" and any other mix of case
 * all give 21.  -1 if unknown.
 */
int cap_from_name(const char *name, size_t len);

/*
 * The canonical name of capability CAP: lower case, without "cap_".
 * NULL above CAP_LAST_KNOWN, so that
 *	for (i = 0; (name = cap_name(i)); i++)
 * visits every name in number order.
 */
const char *cap_name(unsigned int cap);

#endif
