/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CTRPOLICY_CGROUP_H
#define CTRPOLICY_CGROUP_H

#include <stddef.h>
#include <stdint.h>

#define CGROUP2_MOUNT "/sys/fs/cgroup"

/* The id of the cgroup v2 directory PATH; prints why not and returns -1. */
int cgroup_id_of(const char *path, uint64_t *id);

/*
 * Paths of the cgroups IDS[0..N-1] into PATHS (each PATH_MAX bytes), as
 * seen under the cgroup2 mount; a cgroup not found gets "cgroup:ID".
 */
void cgroup_paths_of(const uint64_t *ids, size_t n, char (*paths)[4096]);

/*
 * The cgroup v2 directory of process PID: its "0::" line of
 * /proc/PID/cgroup under the cgroup2 mount of /proc/self/mountinfo, into
 * PATH (SIZE bytes).  0, or -1 after printing why not.
 */
int cgroup_of_pid(int pid, char *path, size_t size);

#endif
