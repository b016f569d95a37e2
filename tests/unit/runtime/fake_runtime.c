// SPDX-License-Identifier: GPL-2.0
/*
 * A stand-in for runc in test_runtime.sh: writes its arguments, argv[0]
 * included, each followed by a NUL byte, to the file $FAKE_RUNTIME_OUT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	const char *out = getenv("FAKE_RUNTIME_OUT");
	FILE *f = out ? fopen(out, "w") : NULL;
	int i;

	if (!f) {
		fprintf(stderr, "fake_runtime: set FAKE_RUNTIME_OUT to a writable file\n");
		return 125;
	}
	for (i = 0; i < argc; i++)
		fwrite(argv[i], 1, strlen(argv[i]) + 1, f);
	return fclose(f) ? 125 : 0;
}
