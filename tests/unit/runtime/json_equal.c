// SPDX-License-Identifier: GPL-2.0
/*
 * json_equal A B: exit 0 when the files hold the same JSON value (json-c's
 * json_object_equal: the order of an object's members does not matter,
 * that of an array's elements does), 1 when not, 2 when one does not parse.
 */
#include <stdio.h>
#include <json-c/json.h>

int main(int argc, char **argv)
{
	struct json_object *a, *b;
	int equal;

	if (argc != 3) {
		fprintf(stderr, "usage: json_equal A B\n");
		return 2;
	}
	a = json_object_from_file(argv[1]);
	b = json_object_from_file(argv[2]);
	if (!a || !b) {
		fprintf(stderr, "json_equal: %s\n", json_util_get_last_err());
		return 2;
	}
	equal = json_object_equal(a, b);
	json_object_put(a);
	json_object_put(b);
	return !equal;
}
