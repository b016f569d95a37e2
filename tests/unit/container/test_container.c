// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of tools/ctrpolicy/container.c: the cgroup names of container
 * engines, and the search of a hierarchy for a container's cgroup, in a
 * fake hierarchy of plain directories made in a temporary directory.
 *
 * usage: test_container
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "container.h"
#include "ctrpolicy.h"

#define TAP_PREFIX "container: "
#include "../policy/tap.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Ids that share their first 4 digits, and one of their own. */
#define ID_DOCKER	"abcd0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab"
#define ID_DOCKER_FS	"abcd1123456789abcdef0123456789abcdef0123456789abcdef0123456789ab"
#define ID_CONTAINERD	"1111111111111111111111111111111111111111111111111111111111111111"
#define ID_CONTAINERD_FS "2222222222222222222222222222222222222222222222222222222222222222"
#define ID_CRIO		"3333333333333333333333333333333333333333333333333333333333333333"
#define ID_PODMAN	"4444444444444444444444444444444444444444444444444444444444444444"
#define ID_ROOTLESS	"5555555555555555555555555555555555555555555555555555555555555555"
#define ID_TWICE	"6666666666666666666666666666666666666666666666666666666666666666"
#define ID_ABSENT	"7777777777777777777777777777777777777777777777777777777777777777"
#define POD_SLICE	"kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0a1b2c3d_4e5f.slice"

static const char *const fake_dirs[] = {
	"system.slice/docker-" ID_DOCKER ".scope",
	"system.slice/docker.service",
	"docker/" ID_DOCKER_FS,
	POD_SLICE "/cri-containerd-" ID_CONTAINERD ".scope",
	"kubepods/besteffort/pod0a1b2c3d-4e5f/" ID_CONTAINERD_FS,
	"machine.slice/crio-" ID_CRIO ".scope",
	"machine.slice/crio-conmon-" ID_CRIO ".scope",
	"machine.slice/libpod-" ID_PODMAN ".scope/container",
	"machine.slice/libpod-conmon-" ID_PODMAN ".scope",
	"user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" ID_ROOTLESS ".scope",
	"system.slice/docker-" ID_TWICE ".scope",
	"libpod_parent/libpod-" ID_TWICE,
};

static const struct name_case {
	const char *desc;
	const char *name;
	const char *id;		/* NULL: no container */
} name_cases[] = {
	{ "docker-ID.scope", "docker-" ID_DOCKER ".scope", ID_DOCKER },
	{ "cri-containerd-ID.scope", "cri-containerd-" ID_CONTAINERD ".scope",
	  ID_CONTAINERD },
	{ "crio-ID.scope", "crio-" ID_CRIO ".scope", ID_CRIO },
	{ "crio-ID", "crio-" ID_CRIO, ID_CRIO },
	{ "libpod-ID.scope", "libpod-" ID_PODMAN ".scope", ID_PODMAN },
	{ "libpod-ID", "libpod-" ID_PODMAN, ID_PODMAN },
	{ "ID alone", ID_DOCKER, ID_DOCKER },
	{ "crio-conmon-ID.scope", "crio-conmon-" ID_CRIO ".scope", NULL },
	{ "libpod-conmon-ID.scope", "libpod-conmon-" ID_PODMAN ".scope", NULL },
	{ "ID.scope", ID_DOCKER ".scope", NULL },
	{ "docker-ID.scope2", "docker-" ID_DOCKER ".scope2", NULL },
	{ "docker-ID0.scope (65 digits)", "docker-" ID_DOCKER "0.scope", NULL },
	{ "docker-abcd0123.scope (8 digits)", "docker-abcd0123.scope", NULL },
	{ "docker-ID.scope with ID in upper case",
	  "docker-ABCD0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789AB.scope",
	  NULL },
	{ "docker.service", "docker.service", NULL },
	{ "podman-ID.scope", "podman-" ID_PODMAN ".scope", NULL },
	{ "an empty name", "", NULL },
};

static void test_names(void)
{
	char id[CONTAINER_ID_LEN + 1];
	const struct name_case *c;
	size_t i;
	bool ok;

	for (i = 0; i < ARRAY_SIZE(name_cases); i++) {
		c = &name_cases[i];
		memset(id, 0, sizeof(id));
		ok = container_id_of_name(c->name, id);
		check(c->id ? ok && !strcmp(id, c->id) : !ok, "name: %s is %s",
		      c->desc, c->id ? "a container's" : "no container's");
	}
}

static char root[64];

static void make_hierarchy(void)
{
	char path[4096], *slash;
	size_t i;

	strcpy(root, "/tmp/ctrpolicy-cgroup-XXXXXX");
	if (!mkdtemp(root)) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		exit(1);
	}
	for (i = 0; i < ARRAY_SIZE(fake_dirs); i++) {
		snprintf(path, sizeof(path), "%s/%s", root, fake_dirs[i]);
		for (slash = path + strlen(root) + 1; (slash = strchr(slash, '/'));
		     slash++) {
			*slash = '\0';
			mkdir(path, 0755);
			*slash = '/';
		}
		if (mkdir(path, 0755)) {
			printf("Bail out! mkdir %s: %s\n", path, strerror(errno));
			exit(1);
		}
	}
}

static void remove_hierarchy(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd))
		printf("# could not remove %s\n", root);
}

static const struct search_case {
	const char *desc;
	const char *id;
	int status;
	const char *path;	/* under the root, when found */
	const char *message;	/* a part of what stderr says */
} search_cases[] = {
	{ "Docker (systemd driver), full id", ID_DOCKER, EXIT_OK,
	  "system.slice/docker-" ID_DOCKER ".scope", NULL },
	{ "Docker, a prefix of 5 digits", "abcd0", EXIT_OK,
	  "system.slice/docker-" ID_DOCKER ".scope", NULL },
	{ "Docker, a prefix in upper case", "ABCD0123", EXIT_OK,
	  "system.slice/docker-" ID_DOCKER ".scope", NULL },
	{ "Docker (cgroupfs driver)", "abcd1", EXIT_OK,
	  "docker/" ID_DOCKER_FS, NULL },
	{ "containerd in a Kubernetes pod slice", "1111", EXIT_OK,
	  POD_SLICE "/cri-containerd-" ID_CONTAINERD ".scope", NULL },
	{ "containerd, cgroupfs driver", ID_CONTAINERD_FS, EXIT_OK,
	  "kubepods/besteffort/pod0a1b2c3d-4e5f/" ID_CONTAINERD_FS, NULL },
	{ "CRI-O, not its conmon", "33333333", EXIT_OK,
	  "machine.slice/crio-" ID_CRIO ".scope", NULL },
	{ "podman, the scope and not its inner cgroup", "4444", EXIT_OK,
	  "machine.slice/libpod-" ID_PODMAN ".scope", NULL },
	{ "rootless podman under user.slice", "55555", EXIT_OK,
	  "user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" ID_ROOTLESS ".scope",
	  NULL },
	{ "a prefix of two containers is ambiguous", "abcd", EXIT_USAGE, NULL,
	  "container id 'abcd' is ambiguous: 2 cgroups of containers start with it; give more of the id" },
	{ "a container with two cgroups", "6666", EXIT_USAGE, NULL,
	  "container '6666' has 2 cgroups; give the one meant with --cgroup PATH" },
	{ "no such container", ID_ABSENT, EXIT_NOT_FOUND, NULL,
	  "is the container running? Else give its cgroup with --cgroup PATH" },
	{ "a prefix of 3 digits", "abc", EXIT_USAGE, NULL,
	  "'abc' is not a container id: give the id, or its first 4 or more hex digits" },
	{ "a name instead of an id", "webserver", EXIT_USAGE, NULL,
	  "'webserver' is not a container id" },
	{ "an id of 65 digits", ID_DOCKER "0", EXIT_USAGE, NULL,
	  "is not a container id" },
};

/* What container_cgroup() says on stderr, through a temporary file. */
static int search_in(const char *top, const char *id, char *path, size_t size,
		     char *said, size_t said_size)
{
	FILE *saved = stderr, *f = tmpfile();
	size_t n;
	int rc;

	if (!f) {
		printf("Bail out! tmpfile: %s\n", strerror(errno));
		exit(1);
	}
	stderr = f;
	rc = container_cgroup(top, id, path, size);
	stderr = saved;
	rewind(f);
	n = fread(said, 1, said_size - 1, f);
	said[n] = '\0';
	fclose(f);
	return rc;
}

static int search(const char *id, char *path, size_t size, char *said,
		  size_t said_size)
{
	return search_in(root, id, path, size, said, said_size);
}

static void test_search(void)
{
	char path[4096], expected[4096], said[4096];
	const struct search_case *c;
	size_t i;
	int rc;

	for (i = 0; i < ARRAY_SIZE(search_cases); i++) {
		c = &search_cases[i];
		path[0] = '\0';
		rc = search(c->id, path, sizeof(path), said, sizeof(said));
		snprintf(expected, sizeof(expected), "%s/%s", root,
			 c->path ? c->path : "");
		check(rc == c->status &&
		      (!c->path || !strcmp(path, expected)) &&
		      (!c->message || strstr(said, c->message)),
		      "search: %s", c->desc);
		if (rc != c->status || (c->path && strcmp(path, expected)) ||
		    (c->message && !strstr(said, c->message)))
			printf("#   status %d, path '%s', said: %s", rc, path, said);
	}
	rc = search(ID_DOCKER, path, 10, said, sizeof(said));
	check(rc == EXIT_NOT_FOUND, "search: a path that does not fit is refused");
	rc = search("abcd0", path, sizeof(path), said, sizeof(said));
	snprintf(expected, sizeof(expected), "%s/system.slice/docker-%s.scope",
		 root, ID_DOCKER);
	check(rc == EXIT_OK && !strcmp(path, expected),
	      "search: the same id again (no state left over)");
	rc = search_in("/nonexistent/cgroup", "abcd", path, sizeof(path), said,
		       sizeof(said));
	check(rc == EXIT_NOT_FOUND && strstr(said, "is cgroup v2 mounted there?"),
	      "search: a root that does not exist");
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_names();
	make_hierarchy();
	test_search();
	remove_hierarchy();
	return failures ? 1 : 0;
}
