/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CTRPOLICY_CONTAINER_H
#define CTRPOLICY_CONTAINER_H

#include <stdbool.h>
#include <stddef.h>

#define CONTAINER_ID_LEN	64	/* hex digits of a full id */
#define CONTAINER_PREFIX_MIN	4	/* of an id given by its start */

/*
 * The container id that a cgroup directory named NAME stands for, into ID
 * (CONTAINER_ID_LEN + 1 bytes): "docker-ID.scope" (Docker with systemd),
 * "cri-containerd-ID.scope" (containerd's CRI), "crio-ID.scope" (CRI-O),
 * "libpod-ID.scope" (podman), each also without ".scope" (their cgroupfs
 * drivers), and ID alone (Docker's and containerd's cgroupfs drivers:
 * /docker/ID, /kubepods/.../podUID/ID).  false for any other name, such as
 * "libpod-conmon-ID.scope", the monitor beside the container.
 */
bool container_id_of_name(const char *name, char *id);

/*
 * The cgroup v2 directory, under ROOT, of the container whose id is ID or
 * starts with ID (at least CONTAINER_PREFIX_MIN hex digits, any case),
 * into PATH of SIZE bytes.  0; or, having said on stderr why and what to
 * do, EXIT_USAGE (ID is no id, or the start of several) or EXIT_NOT_FOUND.
 */
int container_cgroup(const char *root, const char *id, char *path, size_t size);

#endif
