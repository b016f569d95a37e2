/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CTRPOLICY_OCI_H
#define CTRPOLICY_OCI_H

#include <stddef.h>
#include <json-c/json.h>

/* oci.c: what the OCI hook and the runtime front end share. */
#define OCI_ANNOTATION	"org.ctrpolicy.policy"
#define OCI_POLICY_DIR	"/etc/ctrpolicy"

/* KEY's value in OBJ when it is a string, else NULL. */
const char *json_string(struct json_object *obj, const char *key);
/*
 * One JSON object from FD, read to its end, of at most MAX bytes; NULL with
 * the reason in WHY ("is not a JSON object: ...", to follow what was read).
 */
struct json_object *json_read_object(int fd, size_t max, char *why, size_t size);

#endif
