// SPDX-License-Identifier: GPL-2.0
/*
 * Loads kfunc_probe.bpf.c, triggers a capability check from this process
 * and verifies that the LSM program called the module's kfunc.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/ctrpolicy.h>

#include "kfunc_probe.skel.h"

int main(void)
{
	struct kfunc_probe_bpf *skel;
	char name[64];
	int err = 1;

	skel = kfunc_probe_bpf__open();
	if (!skel) {
		perror("kfunc_probe: open");
		return 1;
	}
	skel->bss->target_tgid = getpid();
	if (kfunc_probe_bpf__load(skel)) {
		fprintf(stderr, "kfunc_probe: load failed: is ctrpolicy loaded with BTF?\n");
		goto out;
	}
	if (kfunc_probe_bpf__attach(skel)) {
		fprintf(stderr, "kfunc_probe: attach failed: %s\n", strerror(errno));
		goto out;
	}
	/* sethostname() asks capable(CAP_SYS_ADMIN). */
	if (gethostname(name, sizeof(name)) || sethostname(name, strlen(name))) {
		perror("kfunc_probe: sethostname");
		goto out;
	}
	printf("calls=%u abi_version=%u (expected %u)\n", skel->bss->calls,
	       skel->bss->seen_abi_version, CTRPOLICY_GENL_VERSION);
	if (skel->bss->calls > 0 &&
	    skel->bss->seen_abi_version == CTRPOLICY_GENL_VERSION)
		err = 0;
out:
	kfunc_probe_bpf__destroy(skel);
	return err;
}
