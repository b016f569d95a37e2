// SPDX-License-Identifier: GPL-2.0
/*
 * --container ID: the cgroup v2 directory of a container, found by the
 * names container engines give the cgroups they make (see container.h).
 * The whole hierarchy is searched, since where the directory lies depends
 * on the engine, its cgroup driver, rootless or not, and Kubernetes'
 * QoS slices: system.slice/docker-ID.scope, /docker/ID,
 * kubepods.slice/kubepods-burstable.slice/kubepods-burstable-podUID.slice/
 * cri-containerd-ID.scope, user.slice/.../user@1000.service/user.slice/
 * libpod-ID.scope, ...
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "container.h"
#include "ctrpolicy.h"

#define WALK_DEPTH_MAX		32	/* cgroup nesting searched */
#define MATCHES_SHOWN		4	/* in the message of an ambiguous id */

/* The prefixes of the names engines give a container's cgroup. */
static const char *const name_prefixes[] = {
	"docker-",		/* Docker, systemd driver */
	"cri-containerd-",	/* containerd's CRI plugin (Kubernetes) */
	"crio-",		/* CRI-O */
	"libpod-",		/* podman */
	"",			/* cgroupfs drivers: the id alone */
};

static bool is_lower_hex(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]) && (s[i] < 'a' || s[i] > 'f'))
			return false;
	}
	return true;
}

bool container_id_of_name(const char *name, char *id)
{
	const char *rest;
	size_t i, len;

	for (i = 0; i < sizeof(name_prefixes) / sizeof(name_prefixes[0]); i++) {
		len = strlen(name_prefixes[i]);
		if (strncmp(name, name_prefixes[i], len))
			continue;
		rest = name + len;
		if (!is_lower_hex(rest, CONTAINER_ID_LEN))
			continue;
		if (rest[CONTAINER_ID_LEN] &&
		    (!len || strcmp(rest + CONTAINER_ID_LEN, ".scope")))
			continue;
		memcpy(id, rest, CONTAINER_ID_LEN);
		id[CONTAINER_ID_LEN] = '\0';
		return true;
	}
	return false;
}

struct search {
	const char *prefix;		/* of the id, lower case */
	size_t prefix_len;
	size_t matches;
	/* The first matches, and whether they are of several containers. */
	char ids[MATCHES_SHOWN][CONTAINER_ID_LEN + 1];
	char paths[MATCHES_SHOWN][PATH_MAX];
	bool several_ids;
	char path[PATH_MAX];		/* of the directory being read */
};

static void found(struct search *s, const char *id)
{
	size_t n = s->matches++;

	if (n && strcmp(id, s->ids[0]))
		s->several_ids = true;
	if (n < MATCHES_SHOWN) {
		strcpy(s->ids[n], id);
		strcpy(s->paths[n], s->path);
	}
}

/* The directories below s->path, which names the open directory DIR. */
static void walk(struct search *s, DIR *dir, unsigned int depth)
{
	size_t len = strlen(s->path);
	char id[CONTAINER_ID_LEN + 1];
	struct dirent *d;
	struct stat st;
	DIR *sub;
	int fd;

	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.' ||
		    (d->d_type != DT_DIR && d->d_type != DT_UNKNOWN))
			continue;
		if (d->d_type == DT_UNKNOWN &&
		    (fstatat(dirfd(dir), d->d_name, &st, AT_SYMLINK_NOFOLLOW) ||
		     !S_ISDIR(st.st_mode)))
			continue;
		if (len + 1 + strlen(d->d_name) >= sizeof(s->path))
			continue;
		sprintf(s->path + len, "/%s", d->d_name);
		if (container_id_of_name(d->d_name, id) &&
		    !strncmp(id, s->prefix, s->prefix_len))
			found(s, id);
		if (depth < WALK_DEPTH_MAX) {
			fd = openat(dirfd(dir), d->d_name,
				    O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
			sub = fd >= 0 ? fdopendir(fd) : NULL;
			if (sub) {
				walk(s, sub, depth + 1);
				closedir(sub);
			} else if (fd >= 0) {
				close(fd);
			}
		}
		s->path[len] = '\0';
	}
}

/* The id ID as given, lower case, into OUT; false if it is none. */
static bool id_valid(const char *id, char *out)
{
	size_t i, len = strlen(id);

	if (len < CONTAINER_PREFIX_MIN || len > CONTAINER_ID_LEN)
		return false;
	for (i = 0; i <= len; i++)
		out[i] = tolower((unsigned char)id[i]);
	return is_lower_hex(out, len);
}

int container_cgroup(const char *root, const char *id, char *path, size_t size)
{
	static struct search s;	/* large: off the stack */
	char prefix[CONTAINER_ID_LEN + 1];
	DIR *dir;
	size_t i;

	if (!id_valid(id, prefix)) {
		fprintf(stderr, "ctrpolicy: '%s' is not a container id: give the id, or its first %d or more hex digits (docker ps, podman ps, crictl ps show them)\n",
			id, CONTAINER_PREFIX_MIN);
		return EXIT_USAGE;
	}
	memset(&s, 0, sizeof(s));
	s.prefix = prefix;
	s.prefix_len = strlen(prefix);
	snprintf(s.path, sizeof(s.path), "%s", root);
	dir = opendir(root);
	if (!dir) {
		fprintf(stderr, "ctrpolicy: %s: %s (is cgroup v2 mounted there?)\n",
			root, strerror(errno));
		return EXIT_NOT_FOUND;
	}
	walk(&s, dir, 1);
	closedir(dir);

	if (!s.matches) {
		fprintf(stderr, "ctrpolicy: no cgroup of container '%s' under %s (looked for docker-ID.scope, cri-containerd-ID.scope, crio-ID.scope, libpod-ID.scope and directories named by the id): is the container running? Else give its cgroup with --cgroup PATH\n",
			id, root);
		return EXIT_NOT_FOUND;
	}
	if (s.matches > 1) {
		if (s.several_ids)
			fprintf(stderr, "ctrpolicy: container id '%s' is ambiguous: %zu cgroups of containers start with it; give more of the id:\n",
				id, s.matches);
		else
			fprintf(stderr, "ctrpolicy: container '%s' has %zu cgroups; give the one meant with --cgroup PATH:\n",
				id, s.matches);
		for (i = 0; i < s.matches && i < MATCHES_SHOWN; i++)
			fprintf(stderr, "  %s  %s\n", s.ids[i], s.paths[i]);
		if (s.matches > MATCHES_SHOWN)
			fprintf(stderr, "  ...\n");
		return EXIT_USAGE;
	}
	if (strlen(s.paths[0]) >= size) {
		fprintf(stderr, "ctrpolicy: %s: path too long\n", s.paths[0]);
		return EXIT_NOT_FOUND;
	}
	strcpy(path, s.paths[0]);
	return EXIT_OK;
}
