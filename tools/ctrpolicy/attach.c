// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy attach and detach: the BPF-LSM programs that call the module.
 *
 * The links are pinned under PIN_DIR so that enforcement outlives the tool;
 * removing the pins detaches them.  While a program is attached it holds a
 * reference on the module, so rmmod fails until detach.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "ctrpolicy.h"
#include "ctrpolicy.skel.h"

bool enforcement_attached(void)
{
	struct ctrpolicy_bpf *skel = NULL;
	struct bpf_program *prog;
	char path[256];
	bool all = true;

	/* Attached means: every program of the object has its pinned link. */
	skel = ctrpolicy_bpf__open();
	if (!skel)
		return false;
	bpf_object__for_each_program(prog, skel->obj) {
		snprintf(path, sizeof(path), "%s/%s", PIN_DIR, bpf_program__name(prog));
		if (access(path, F_OK))
			all = false;
	}
	ctrpolicy_bpf__destroy(skel);
	return all;
}

static int libbpf_quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, ap) : 0;
}

int cmd_attach(int argc, char **argv)
{
	struct ctrpolicy_bpf *skel;
	struct bpf_program *prog;
	struct bpf_link *link;
	char path[256];
	int err;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: ctrpolicy attach\n");
		return EXIT_USAGE;
	}
	if (native_lsm_active()) {
		fprintf(stderr, "ctrpolicy: built into this kernel: nothing to attach\n");
		return EXIT_OK;
	}
	if (!module_kfuncs_present()) {
		fprintf(stderr, "ctrpolicy: the module is not loaded or has no usable kfuncs: run 'modprobe ctrpolicy', then 'ctrpolicy status'\n");
		return EXIT_NO_MODULE;
	}
	if (enforcement_attached()) {
		fprintf(stderr, "ctrpolicy: already attached (pins in %s)\n", PIN_DIR);
		return EXIT_OK;
	}
	libbpf_set_print(libbpf_quiet);
	skel = ctrpolicy_bpf__open_and_load();
	if (!skel) {
		fprintf(stderr, "ctrpolicy: cannot load the BPF programs: %s (is the BPF LSM active? see 'ctrpolicy status')\n",
			strerror(errno));
		return EXIT_FAILURE_GENERIC;
	}
	if (mkdir(PIN_DIR, 0700) && errno != EEXIST) {
		fprintf(stderr, "ctrpolicy: %s: %s (is bpffs mounted on /sys/fs/bpf?)\n",
			PIN_DIR, strerror(errno));
		err = EXIT_FAILURE_GENERIC;
		goto out;
	}
	err = EXIT_OK;
	bpf_object__for_each_program(prog, skel->obj) {
		snprintf(path, sizeof(path), "%s/%s", PIN_DIR, bpf_program__name(prog));
		link = bpf_program__attach_lsm(prog);
		if (!link || bpf_link__pin(link, path)) {
			fprintf(stderr, "ctrpolicy: cannot attach %s: %s\n",
				bpf_program__name(prog), strerror(errno));
			bpf_link__destroy(link);
			err = EXIT_FAILURE_GENERIC;
			break;
		}
		/* The pin keeps the link; this process's reference goes. */
		bpf_link__destroy(link);
	}
out:
	ctrpolicy_bpf__destroy(skel);
	if (err)
		cmd_detach(1, argv);
	return err;
}

int cmd_detach(int argc, char **argv)
{
	struct dirent *d;
	char path[512];
	int err = EXIT_OK;
	DIR *dir;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: ctrpolicy detach\n");
		return EXIT_USAGE;
	}
	dir = opendir(PIN_DIR);
	if (!dir)
		return errno == ENOENT ? EXIT_OK : EXIT_FAILURE_GENERIC;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", PIN_DIR, d->d_name);
		if (unlink(path)) {
			fprintf(stderr, "ctrpolicy: cannot remove %s: %s\n", path,
				strerror(errno));
			err = errno == EPERM ? EXIT_PERMISSION : EXIT_FAILURE_GENERIC;
		}
	}
	closedir(dir);
	if (!err && rmdir(PIN_DIR) && errno != ENOENT)
		err = EXIT_FAILURE_GENERIC;
	return err;
}
