// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy oci-hook: an OCI runtime hook that confines a container.
 *
 * The runtime runs it with the container's state (runtime-spec state.json:
 * ociVersion, id, status, pid, bundle, annotations) on standard input.
 *
 * createRuntime: the container's init process exists and sits in the
 * container's cgroup, but the runtime has still to finish the container
 * (mounts, pivot_root, hostname, capabilities) from inside it.  The policy
 * is loaded with --on-exec: it takes effect when the runtime execs the
 * container's program, before that program's first instruction, and the
 * runtime's own setup is not confined.  The cgroup is recorded under
 * STATE_DIR, since the state at poststop has no pid.
 *
 * poststop: the recorded cgroup's policy is unloaded.  The cgroup may be
 * gone already, its policy reclaimed by the module: that is a success.
 *
 * With the annotation LEARN_ANNOTATION=true the policy is loaded in learn
 * mode: nothing is denied, and at poststop the policy that allows what the
 * container did (ctrpolicy learn policy) is written next to the record,
 * STATE_DIR/ID.policy, before the policy is unloaded.
 *
 * Any failure at createRuntime exits non-zero with a message on standard
 * error, and the runtime does not start the container: fail closed.  Not
 * every runtime shows a hook's standard error (runc does; crun only with
 * the annotation run.oci.hooks.stderr), so the messages also go to syslog,
 * as does a line for each policy loaded.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>
#include <json-c/json.h>

#include "cgroup.h"
#include "ctrpolicy.h"
#include "learn_gen.h"
#include "oci.h"

#define LEARN_ANNOTATION "org.ctrpolicy.learn"
#define STATE_DIR	"/run/ctrpolicy/containers"
#define STATE_MAX	(1024 * 1024)	/* bytes of state JSON read at most */

#define USAGE "oci-hook [--default POLICY|none] [--policy-dir DIR] [createRuntime|poststop]"

struct hook {
	const char *id;
	int pid;
	const char *status;
	const char *annotation;	/* OCI_ANNOTATION's value, or NULL */
	bool learn;		/* LEARN_ANNOTATION is "true" */
	const char *no_exec;	/* an annotation of NO_EXEC found, or NULL */
};

/*
 * Annotations that make crun run the container's program in its own
 * process, without an execve() (its wasm and libkrun handlers): a policy
 * loaded --on-exec would never be in force.
 */
static const char *const no_exec_annotations[] = {
	"run.oci.handler",
	"module.wasm.image/variant",
};

/* One line on standard error, for the runtime to show. */
#define hook_error(h, fmt, ...) \
	fprintf(stderr, "ctrpolicy: oci-hook: container %s: " fmt "\n", \
		(h)->id ? (h)->id : "?", ##__VA_ARGS__)

/*
 * What the hook and the load path print on standard error is collected
 * (glibc's stderr is a variable), then written to the real standard error
 * and, line by line, to syslog.
 */
static FILE *real_stderr;
static char *collected;
static size_t collected_len;

static void collect_stderr(void)
{
	FILE *mem = open_memstream(&collected, &collected_len);

	openlog("ctrpolicy", LOG_PID, LOG_AUTHPRIV);
	if (mem) {
		real_stderr = stderr;
		stderr = mem;
	}
}

static void flush_stderr(void)
{
	char *line, *next;

	if (!real_stderr)
		return;
	fclose(stderr);
	stderr = real_stderr;
	real_stderr = NULL;
	fputs(collected, stderr);
	for (line = collected; *line; line = next) {
		next = strchrnul(line, '\n');
		syslog(LOG_ERR, "%.*s", (int)(next - line), line);
		if (*next)
			next++;
	}
	free(collected);
	collected = NULL;
}

const char *json_string(struct json_object *obj, const char *key)
{
	struct json_object *value;

	if (!json_object_object_get_ex(obj, key, &value) ||
	    !json_object_is_type(value, json_type_string))
		return NULL;
	return json_object_get_string(value);
}

struct json_object *json_read_object(int fd, size_t max, char *why, size_t size)
{
	struct json_object *root = NULL;
	struct json_tokener *tok;
	enum json_tokener_error jerr;
	size_t len = 0, alloc = 0;
	char *buf = NULL, *more;
	ssize_t n;

	for (;;) {
		if (len == alloc) {
			if (alloc > max) {
				snprintf(why, size, "is larger than %zu bytes", max);
				goto out;
			}
			alloc = alloc ? 2 * alloc : 64 * 1024;
			if (alloc > max + 1)
				alloc = max + 1;
			more = realloc(buf, alloc);
			if (!more) {
				snprintf(why, size, "cannot be read: out of memory");
				goto out;
			}
			buf = more;
		}
		n = read(fd, buf + len, alloc - len);
		if (n == 0)
			break;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			snprintf(why, size, "cannot be read: %s", strerror(errno));
			goto out;
		}
		len += n;
	}
	tok = json_tokener_new();
	if (!tok) {
		snprintf(why, size, "cannot be read: out of memory");
		goto out;
	}
	root = json_tokener_parse_ex(tok, buf, len);
	jerr = json_tokener_get_error(tok);
	if (jerr == json_tokener_continue)	/* the input ended early */
		jerr = json_tokener_error_parse_eof;
	if (jerr != json_tokener_success || !json_object_is_type(root, json_type_object)) {
		if (jerr != json_tokener_success)
			snprintf(why, size, "is not a JSON object: %s at byte %zu",
				 json_tokener_error_desc(jerr),
				 json_tokener_get_parse_end(tok));
		else
			snprintf(why, size, "is not a JSON object: another JSON value");
		json_object_put(root);
		root = NULL;
	}
	json_tokener_free(tok);
out:
	free(buf);
	return root;
}

/* Reads the state JSON on standard input into *ROOT and H. */
static int read_state(struct json_object **root, struct hook *h)
{
	struct json_object *value, *annotations;
	char why[256];

	*root = json_read_object(STDIN_FILENO, STATE_MAX, why, sizeof(why));
	if (!*root) {
		hook_error(h, "the state on standard input %s", why);
		return -1;
	}
	h->id = json_string(*root, "id");
	h->status = json_string(*root, "status");
	if (json_object_object_get_ex(*root, "pid", &value) &&
	    json_object_is_type(value, json_type_int))
		h->pid = json_object_get_int(value);
	if (json_object_object_get_ex(*root, "annotations", &annotations) &&
	    json_object_is_type(annotations, json_type_object)) {
		size_t i;

		const char *learn = json_string(annotations, LEARN_ANNOTATION);

		h->annotation = json_string(annotations, OCI_ANNOTATION);
		h->learn = learn && !strcmp(learn, "true");
		for (i = 0; i < sizeof(no_exec_annotations) / sizeof(no_exec_annotations[0]); i++)
			if (json_object_object_get_ex(annotations, no_exec_annotations[i], NULL))
				h->no_exec = no_exec_annotations[i];
	}
	/* The id names a file under STATE_DIR. */
	if (!h->id || !*h->id || strchr(h->id, '/') || !strcmp(h->id, ".") ||
	    !strcmp(h->id, "..") || strlen(h->id) > 1024) {
		hook_error(h, "the state has no usable \"id\"");
		return -1;
	}
	return 0;
}

/* A policy name is looked up as DIR/NAME.policy; an absolute path is taken. */
static int policy_file(const struct hook *h, const char *policy, const char *dir,
		       char *file, size_t size)
{
	const char *c;

	if (policy[0] == '/')
		return (size_t)snprintf(file, size, "%s", policy) < size ? 0 : -1;
	for (c = policy; *c; c++)
		if (!(*c >= 'a' && *c <= 'z') && !(*c >= 'A' && *c <= 'Z') &&
		    !(*c >= '0' && *c <= '9') && !strchr("._-", *c))
			break;
	if (*c || !*policy || policy[0] == '.') {
		hook_error(h, "policy '%s' is neither a name (letters, digits, '.', '_', '-') nor an absolute path",
			   policy);
		return -1;
	}
	if ((size_t)snprintf(file, size, "%s/%s.policy", dir, policy) >= size) {
		hook_error(h, "policy '%s': path too long", policy);
		return -1;
	}
	return 0;
}

static int record_path(const struct hook *h, char *path, size_t size)
{
	return (size_t)snprintf(path, size, "%s/%s", STATE_DIR, h->id) < size ? 0 : -1;
}

/*
 * Remembers the container's cgroup for poststop: "ID CGROUP", and a line
 * "learn" when the policy learns.
 */
static int record_cgroup(const struct hook *h, const char *cgroup, uint64_t id)
{
	char path[2048], tmp[2100];
	FILE *f;

	if (record_path(h, path, sizeof(path)))
		return -1;
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	if ((mkdir("/run/ctrpolicy", 0700) && errno != EEXIST) ||
	    (mkdir(STATE_DIR, 0700) && errno != EEXIST)) {
		hook_error(h, "%s: %s", STATE_DIR, strerror(errno));
		return -1;
	}
	f = fopen(tmp, "w");
	if (!f || fprintf(f, "%" PRIu64 " %s\n%s", id, cgroup,
			  h->learn ? "learn\n" : "") < 0 ||
	    fclose(f) || rename(tmp, path)) {
		hook_error(h, "%s: %s", path, strerror(errno));
		if (f)
			unlink(tmp);
		return -1;
	}
	return 0;
}

static int create_runtime(const struct hook *h, const char *fallback,
			  const char *dir)
{
	const char *policy = h->annotation ?: fallback;
	char file[4096], cgroup[4096];
	const char *cgroups[1] = { cgroup };
	uint64_t id;
	int err;

	if (!policy) {
		hook_error(h, "no " OCI_ANNOTATION " annotation and no --default policy: not started (fail closed; '--default none' lets such containers run unconfined)");
		return EXIT_FAILURE_GENERIC;
	}
	if (!h->annotation && !strcmp(policy, "none"))
		return EXIT_OK;
	if (h->no_exec) {
		hook_error(h, "annotation %s: the runtime would start the program without an execve(), and the policy would never be in force: not started",
			   h->no_exec);
		return EXIT_FAILURE_GENERIC;
	}
	if (h->pid <= 0) {
		hook_error(h, "the state has no container \"pid\" (is this the createRuntime stage?)");
		return EXIT_FAILURE_GENERIC;
	}
	if (policy_file(h, policy, dir, file, sizeof(file)) ||
	    cgroup_of_pid(h->pid, cgroup, sizeof(cgroup)) ||
	    cgroup_id_of(cgroup, &id))
		goto fail;
	err = policy_load_file(file, cgroups, 1, true, h->learn);
	if (err) {
		hook_error(h, "policy %s not loaded on %s: not started", file, cgroup);
		return err;
	}
	if (!record_cgroup(h, cgroup, id)) {
		syslog(LOG_INFO, "container %s: policy %s on %s%s, in force from its first execve()",
		       h->id, file, cgroup, h->learn ? " in learn mode" : "");
		return EXIT_OK;
	}
	policy_unload_id(id, true);
fail:
	hook_error(h, "not confined: not started");
	return EXIT_FAILURE_GENERIC;
}

/* The learned policy of cgroup ID into RECORD.policy, whole or not at all. */
static int write_learned(const struct hook *h, const char *record, uint64_t id)
{
	char path[2100], tmp[2110];
	struct learn_options o;
	int err;
	FILE *f;

	snprintf(path, sizeof(path), "%s.policy", record);
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f) {
		hook_error(h, "%s: %s", tmp, strerror(errno));
		return EXIT_FAILURE_GENERIC;
	}
	learn_options_default(&o);
	err = learn_policy_print(id, &o, f);
	if (fclose(f) && !err)
		err = EXIT_FAILURE_GENERIC;
	if (!err && rename(tmp, path))
		err = EXIT_FAILURE_GENERIC;
	if (err) {
		hook_error(h, "the learned policy was not written to %s", path);
		unlink(tmp);
		return err;
	}
	syslog(LOG_INFO, "container %s: learned policy in %s", h->id, path);
	return EXIT_OK;
}

static int poststop(const struct hook *h)
{
	char path[2048], line[16] = "";
	uint64_t id;
	int err, learn_err = EXIT_OK;
	FILE *f;

	if (record_path(h, path, sizeof(path)))
		return EXIT_FAILURE_GENERIC;
	f = fopen(path, "r");
	if (!f && errno == ENOENT)	/* no policy was loaded for it */
		return EXIT_OK;
	if (!f) {
		hook_error(h, "%s: %s", path, strerror(errno));
		return EXIT_FAILURE_GENERIC;
	}
	err = fscanf(f, "%" SCNu64 "%*[^\n] %15s", &id, line) >= 1 ?
	      EXIT_OK : EXIT_FAILURE_GENERIC;
	fclose(f);
	if (err)
		hook_error(h, "%s: unreadable", path);
	else if (!strcmp(line, "learn"))
		learn_err = write_learned(h, path, id);
	if (!err)
		err = policy_unload_id(id, true);
	if (!err) {
		unlink(path);
		syslog(LOG_INFO, "container %s: policy unloaded", h->id);
	}
	return err ?: learn_err;
}

/* The stage a hook runs at, from the status the runtime reports then. */
static const char *stage_of_status(const char *status)
{
	if (!status)
		return "(no status)";
	if (!strcmp(status, "creating") || !strcmp(status, "created"))
		return "createRuntime";
	if (!strcmp(status, "stopped"))
		return "poststop";
	return status;
}

int cmd_oci_hook(int argc, char **argv)
{
	static const struct option options[] = {
		{ "default", required_argument, NULL, 'd' },
		{ "policy-dir", required_argument, NULL, 'p' },
		{ 0 }
	};
	const char *fallback = NULL, *dir = OCI_POLICY_DIR, *stage;
	struct json_object *root = NULL;
	struct hook h = { 0 };
	int opt, err;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		if (opt == 'd')
			fallback = optarg;
		else if (opt == 'p')
			dir = optarg;
		else
			goto usage;
	}
	if (argc - optind > 1)
		goto usage;
	collect_stderr();
	if (read_state(&root, &h)) {
		json_object_put(root);
		flush_stderr();
		return EXIT_FAILURE_GENERIC;
	}
	/* Without a stage argument (one hooks.d file for both), the status says. */
	stage = optind < argc ? argv[optind] : stage_of_status(h.status);
	if (!strcmp(stage, "createRuntime") || !strcmp(stage, "prestart")) {
		err = create_runtime(&h, fallback, dir);
	} else if (!strcmp(stage, "poststop")) {
		err = poststop(&h);
	} else {
		hook_error(&h, "unknown stage '%s': pass createRuntime or poststop", stage);
		err = EXIT_USAGE;
	}
	json_object_put(root);
	flush_stderr();
	return err;
usage:
	fprintf(stderr, "usage: ctrpolicy " USAGE "\n");
	return EXIT_USAGE;
}
