// SPDX-License-Identifier: GPL-2.0
/*
 * Cgroup v2 paths and ids.  The id of a cgroup is the inode number of its
 * directory in the cgroup2 file system.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <ftw.h>
#include <stdlib.h>
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

/* Undo the octal escapes (\040 and the like) of a mountinfo field. */
static void unescape_octal(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') << 6 | (s[2] - '0') << 3 | (s[3] - '0'));
			s += 3;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/* Where cgroup2 is mounted, its root at the mount point, into MNT. */
static int cgroup2_mount(char *mnt, size_t size)
{
	char *line = NULL, *sep, root[16], point[4096];
	size_t cap = 0;
	int found = -1;
	FILE *f;

	f = fopen("/proc/self/mountinfo", "r");
	if (!f) {
		fprintf(stderr, "ctrpolicy: /proc/self/mountinfo: %s\n", strerror(errno));
		return -1;
	}
	while (found && getline(&line, &cap, f) > 0) {
		/* ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - TYPE ... */
		sep = strstr(line, " - ");
		if (!sep || strncmp(sep, " - cgroup2 ", 11) ||
		    sscanf(line, "%*s %*s %*s %15s %4095s", root, point) != 2 ||
		    strcmp(root, "/"))
			continue;
		unescape_octal(point);
		if ((size_t)snprintf(mnt, size, "%s", point) < size)
			found = 0;
	}
	free(line);
	fclose(f);
	if (found)
		fprintf(stderr, "ctrpolicy: cgroup2 is not mounted (no cgroup2 file system in /proc/self/mountinfo)\n");
	return found;
}

int cgroup_of_pid(int pid, char *path, size_t size)
{
	char file[64], *line = NULL, mnt[4096];
	size_t cap = 0;
	int ret = -1;
	ssize_t len;
	FILE *f;

	if (cgroup2_mount(mnt, sizeof(mnt)))
		return -1;
	snprintf(file, sizeof(file), "/proc/%d/cgroup", pid);
	f = fopen(file, "r");
	if (!f) {
		fprintf(stderr, "ctrpolicy: %s: %s\n", file, strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) > 0) {
		if (strncmp(line, "0::/", 4))
			continue;
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		/* "/" joins as the mount point itself. */
		if ((size_t)snprintf(path, size, "%s%s", mnt,
				     strcmp(line + 3, "/") ? line + 3 : "") < size)
			ret = 0;
		else
			fprintf(stderr, "ctrpolicy: %s: cgroup path too long\n", file);
		break;
	}
	if (ret && len <= 0)
		fprintf(stderr, "ctrpolicy: %s: no cgroup v2 entry (\"0::/...\")\n", file);
	free(line);
	fclose(f);
	return ret;
}
