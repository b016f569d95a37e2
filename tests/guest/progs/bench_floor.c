// SPDX-License-Identifier: GPL-2.0
/*
 * The benchmarks' floor, configuration (b0): attaches the BPF-LSM program of
 * every hook of ctrpolicy's table, each returning at once (ctrpolicy.bpf.c
 * built with -DCTRPOLICY_FLOOR), and pins the links under FLOOR_PIN_DIR,
 * one a hook, named as ctrpolicy attach names its own; detach removes them.
 * The module is not needed: the programs call no kfunc.
 *
 * usage: bench_floor attach|detach
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "bench_floor.skel.h"

#define FLOOR_PIN_DIR "/sys/fs/bpf/ctrpolicy-bench-floor"

/* Remove every pin, and the directory: 0, or 1 if one stays. */
static int detach_floor(void)
{
	struct dirent *d;
	char path[512];
	int err = 0;
	DIR *dir;

	dir = opendir(FLOOR_PIN_DIR);
	if (!dir)
		return errno == ENOENT ? 0 : 1;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", FLOOR_PIN_DIR, d->d_name);
		if (unlink(path)) {
			fprintf(stderr, "bench_floor: %s: %s\n", path, strerror(errno));
			err = 1;
		}
	}
	closedir(dir);
	if (!err && rmdir(FLOOR_PIN_DIR)) {
		fprintf(stderr, "bench_floor: %s: %s\n", FLOOR_PIN_DIR, strerror(errno));
		err = 1;
	}
	return err;
}

static int attach_floor(void)
{
	struct bench_floor_bpf *skel;
	struct bpf_program *prog;
	char path[512];
	int err = 0;

	skel = bench_floor_bpf__open_and_load();
	if (!skel) {
		fprintf(stderr, "bench_floor: cannot load the programs: %s (is the BPF LSM active?)\n",
			strerror(errno));
		return 1;
	}
	if (mkdir(FLOOR_PIN_DIR, 0700)) {
		fprintf(stderr, "bench_floor: %s: %s\n", FLOOR_PIN_DIR, strerror(errno));
		bench_floor_bpf__destroy(skel);
		return 1;
	}
	bpf_object__for_each_program(prog, skel->obj) {
		struct bpf_link *link = bpf_program__attach(prog);

		snprintf(path, sizeof(path), "%s/%s", FLOOR_PIN_DIR, bpf_program__name(prog));
		if (!link || bpf_link__pin(link, path)) {
			fprintf(stderr, "bench_floor: cannot attach %s: %s\n",
				bpf_program__name(prog), strerror(errno));
			err = 1;
		}
		/* The pin holds the link once this process lets go. */
		bpf_link__destroy(link);
		if (err)
			break;
	}
	bench_floor_bpf__destroy(skel);
	if (err)
		detach_floor();
	return err;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "attach"))
		return attach_floor();
	if (argc == 2 && !strcmp(argv[1], "detach"))
		return detach_floor();
	fprintf(stderr, "usage: bench_floor attach|detach\n");
	return 2;
}
