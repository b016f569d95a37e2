// SPDX-License-Identifier: GPL-2.0
/*
 * Cgroup v2 paths and ids.  The id of a cgroup is the inode number of its
 * directory in the cgroup2 file system.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <linux/magic.h>

#include "cgroup.h"

int cgroup_id_of(const char *path, uint64_t *id)
{
	struct statfs fs;
	struct stat st;

	if (stat(path, &st) || statfs(path, &fs)) {
		fprintf(stderr, "ctrpolicy: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fs.f_type != CGROUP2_SUPER_MAGIC || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "ctrpolicy: %s is not a cgroup v2 directory (try a path under %s)\n",
			path, CGROUP2_MOUNT);
		return -1;
	}
	*id = st.st_ino;
	return 0;
}

static struct {
	const uint64_t *ids;
	size_t n;
	char (*paths)[4096];
} walk;

static int visit(const char *path, const struct stat *st, int type,
		 struct FTW *ftw)
{
	size_t i;

	(void)ftw;
	if (type != FTW_D)
		return 0;
	for (i = 0; i < walk.n; i++)
		if (walk.ids[i] == st->st_ino)
			snprintf(walk.paths[i], sizeof(walk.paths[i]), "%s", path);
	return 0;
}

void cgroup_paths_of(const uint64_t *ids, size_t n, char (*paths)[4096])
{
	size_t i;

	for (i = 0; i < n; i++)
		snprintf(paths[i], sizeof(paths[i]), "cgroup:%" PRIu64, ids[i]);
	walk.ids = ids;
	walk.n = n;
	walk.paths = paths;
	if (n)
		nftw(CGROUP2_MOUNT, visit, 32, FTW_PHYS | FTW_MOUNT);
}
