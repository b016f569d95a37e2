// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy runtime: an OCI runtime front end, for the engines that read no
 * hooks.d (Docker, containerd).  Registered as the engine's runtime, or
 * installed as ctrpolicy-runc (a link to ctrpolicy: the name alone selects
 * this command), it is called as runc is.  For "create" and "run" it adds
 * the OCI hook (oci.c) at createRuntime and poststop to the bundle's
 * config.json, then it executes the real runtime with the same arguments;
 * for every other command it executes the real runtime at once.
 *
 * The policy a container asks for, by annotation or by the environment
 * variable CTRPOLICY_POLICY of its process, is checked against
 * runtime.conf and handed to the hook as the annotation; the hook loads it.
 *
 * Anything it cannot do stops the container (fail closed), with a message
 * on standard error and, when the engine gave one (--log), in the
 * runtime's log file and format, where containerd's shim reads the reason
 * of a failed create.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <json-c/json.h>

#include "ctrpolicy.h"
#include "oci.h"

#define CONF_FILE	"/etc/ctrpolicy/runtime.conf"
#define CONF_ENV	"CTRPOLICY_RUNTIME_CONF"	/* another file, for tests */
#define POLICY_ENV	"CTRPOLICY_POLICY"
#define CONFIG_MAX	(16 * 1024 * 1024)	/* bytes of config.json at most */

struct conf {
	char *runtime;		/* NULL: runc, else crun, in PATH */
	char *fallback;		/* the hook's --default, or NULL */
	char *policy_dir;	/* the hook's --policy-dir, or NULL */
	char *allow;		/* the names a container may ask for; NULL: any */
	bool from_annotation, from_env;
};

/* Where errors go besides standard error: the engine's --log. */
struct log {
	const char *file;
	bool json;
};

static void __attribute__((format(printf, 2, 3)))
rt_error(const struct log *log, const char *fmt, ...)
{
	char msg[4096], when[32];
	time_t now = time(NULL);
	const char *c;
	va_list ap;
	FILE *f;
	int n;

	va_start(ap, fmt);
	n = snprintf(msg, sizeof(msg), "ctrpolicy runtime: ");
	vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s\n", msg);
	if (!log->file || !(f = fopen(log->file, "ae")))
		return;
	strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
	if (log->json) {	/* as runc's: one object a line */
		struct json_object *line = json_object_new_object();

		json_object_object_add(line, "level", json_object_new_string("error"));
		json_object_object_add(line, "msg", json_object_new_string(msg));
		json_object_object_add(line, "time", json_object_new_string(when));
		fprintf(f, "%s\n", json_object_to_json_string_ext(line,
			JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
		json_object_put(line);
	} else {		/* as runc's text: logfmt */
		fprintf(f, "time=\"%s\" level=error msg=\"", when);
		for (c = msg; *c; c++)
			if (*c == '"' || *c == '\\')
				fprintf(f, "\\%c", *c);
			else if (*c == '\n')
				fputs("\\n", f);
			else
				fputc(*c, f);
		fputs("\"\n", f);
	}
	fclose(f);
}

/* Trims spaces at both ends of S, in place. */
static char *trim(char *s)
{
	char *end = s + strlen(s);

	while (*s == ' ' || *s == '\t')
		s++;
	while (end > s && strchr(" \t\n", end[-1]))
		*--end = '\0';
	return s;
}

/* Whether WORD is one of the space-separated words of LIST. */
static bool has_word(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	if (!n)
		return false;
	for (p = list; (p = strstr(p, word)); p += n)
		if ((p == list || p[-1] == ' ' || p[-1] == '\t') &&
		    (!p[n] || p[n] == ' ' || p[n] == '\t'))
			return true;
	return false;
}

/*
 * runtime.conf: "KEY = VALUE" lines, '#' comments.  A missing file is the
 * defaults; an unknown key or source fails, as a misspelt restriction must
 * not be ignored.
 */
static int read_conf(const struct log *log, struct conf *conf)
{
	const char *path = getenv(CONF_ENV) ?: CONF_FILE;
	char *line = NULL, *key, *value, *eq, *p;
	size_t size = 0;
	int lineno = 0, err = 0;
	FILE *f;

	*conf = (struct conf){ .from_annotation = true, .from_env = true };
	f = fopen(path, "re");
	if (!f && errno == ENOENT)
		return 0;
	if (!f) {
		rt_error(log, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (!err && getline(&line, &size, f) > 0) {
		lineno++;
		if ((p = strchr(line, '#')))
			*p = '\0';
		key = trim(line);
		if (!*key)
			continue;
		eq = strchr(key, '=');
		if (!eq) {
			rt_error(log, "%s:%d: not KEY = VALUE", path, lineno);
			err = -1;
			break;
		}
		*eq = '\0';
		key = trim(key);
		value = strdup(trim(eq + 1));
		if (!value) {
			rt_error(log, "out of memory");
			err = -1;
		} else if (!strcmp(key, "runtime") && *value) {
			conf->runtime = value;
		} else if (!strcmp(key, "default") && *value) {
			conf->fallback = value;
		} else if (!strcmp(key, "policy-dir") && *value) {
			conf->policy_dir = value;
		} else if (!strcmp(key, "allow")) {
			conf->allow = value;
		} else if (!strcmp(key, "sources")) {
			conf->from_annotation = has_word(value, "annotation");
			conf->from_env = has_word(value, "env");
			for (p = strtok(value, " \t"); p; p = strtok(NULL, " \t"))
				if (strcmp(p, "annotation") && strcmp(p, "env")) {
					rt_error(log, "%s:%d: unknown source '%s': the sources are 'annotation' and 'env'",
						 path, lineno, p);
					err = -1;
				}
			free(value);
		} else {
			rt_error(log, "%s:%d: unknown key '%s' or empty value: the keys are runtime, default, policy-dir, allow and sources",
				 path, lineno, key);
			free(value);
			err = -1;
		}
	}
	free(line);
	fclose(f);
	return err;
}

/* The program PATH, else NAME in $PATH, into PATH: 0 or -1. */
static int find_program(const char *name, char *path, size_t size)
{
	const char *dirs = getenv("PATH") ?: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
	const char *dir, *end;

	if (strchr(name, '/'))
		return (size_t)snprintf(path, size, "%s", name) < size &&
		       !access(path, X_OK) ? 0 : -1;
	for (dir = dirs; *dir; dir = *end ? end + 1 : end) {
		end = strchrnul(dir, ':');
		if (end > dir && (size_t)snprintf(path, size, "%.*s/%s", (int)(end - dir),
						    dir, name) < size &&
		    !access(path, X_OK))
			return 0;
	}
	return -1;
}

/* The real runtime into PATH, never this program itself. */
static int find_runtime(const struct log *log, const struct conf *conf,
			const char *self, char *path, size_t size)
{
	char real[PATH_MAX];

	if (conf->runtime ? find_program(conf->runtime, path, size) :
	    find_program("runc", path, size) && find_program("crun", path, size)) {
		rt_error(log, "no runtime to run: %s not found; set 'runtime = PATH' in %s",
			 conf->runtime ?: "runc or crun", CONF_FILE);
		return -1;
	}
	if (realpath(path, real) && !strcmp(real, self)) {
		rt_error(log, "the runtime %s is ctrpolicy itself: set 'runtime = PATH' of the real runtime in %s",
			 path, CONF_FILE);
		return -1;
	}
	return 0;
}

/* The options of runc and crun that take a value, as the next word or after '='. */
static const char *const global_valued[] = {
	"log", "log-format", "root", "criu", "rootless",	/* runc and crun */
	"cgroup-manager", "log-level",				/* crun */
};
static const char *const global_flags[] = {
	"debug", "systemd-cgroup", "help", "h", "version", "v", "V", "?", "usage",
};
static const char *const create_valued[] = {
	"console-socket", "pid-file", "preserve-fds",
};

static bool in(const char *const *names, size_t n, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && !strncmp(names[i], name, len))
			return true;
	return false;
}
#define IN(names, name, len) in(names, sizeof(names) / sizeof(names[0]), name, len)

/*
 * An option's name: ARG without its one or two dashes, NAME_LEN bytes up to
 * any '='; *VALUE, what follows the '=', or NULL.
 */
static const char *option_name(const char *arg, size_t *name_len, const char **value)
{
	const char *name = arg + (arg[1] == '-' ? 2 : 1);

	*value = strchr(name, '=');
	*name_len = *value ? (size_t)(*value - name) : strlen(name);
	if (*value)
		(*value)++;
	return name;
}

/*
 * The index of the command in ARGS (N when there is none), and the log
 * file and format the engine asked for.  An unknown global option fails:
 * whether it takes a value decides which word is the command.
 */
static int find_command(struct log *log, int n, char **args)
{
	const char *name, *value;
	size_t len;
	int i;

	for (i = 0; i < n && args[i][0] == '-' && args[i][1]; i++) {
		if (!strcmp(args[i], "--"))
			return i + 1;
		name = option_name(args[i], &len, &value);
		if (IN(global_flags, name, len))
			continue;
		if (!IN(global_valued, name, len)) {
			rt_error(log, "unknown global option '%s': pass it after the command, or ask for it to be added to ctrpolicy's list",
				 args[i]);
			return -1;
		}
		if (!value && i + 1 < n)
			value = args[++i];
		if (value && len == 3 && !strncmp(name, "log", 3))
			log->file = value;
		else if (value && len == 10 && !strncmp(name, "log-format", 10))
			log->json = !strcmp(value, "json");
	}
	return i;
}

/*
 * The bundle of a create or run, from the options after the command (runc
 * and crun take them before and after the container's id): -b DIR,
 * -b=DIR, -bDIR (crun), --bundle DIR, --bundle=DIR, -bundle DIR (runc).
 * NULL when the runtime is asked for its help only.
 */
static int find_bundle(const struct log *log, int n, char **args, const char **bundle)
{
	const char *name, *value;
	size_t len;
	int i;

	*bundle = ".";
	for (i = 0; i < n && strcmp(args[i], "--"); i++) {
		if (args[i][0] != '-' || !args[i][1])
			continue;
		name = option_name(args[i], &len, &value);
		if ((len == 1 && strchr("h?", name[0])) || (len == 4 && !strncmp(name, "help", 4))) {
			*bundle = NULL;
			return 0;
		}
		if ((len == 1 && name[0] == 'b') || (len == 6 && !strncmp(name, "bundle", 6))) {
			if (!value && i + 1 >= n) {
				rt_error(log, "%s without a directory", args[i]);
				return -1;
			}
			*bundle = value ?: args[++i];
		} else if (args[i][1] == 'b' && len > 1 && strncmp(name, "bundle", 6)) {
			*bundle = args[i] + 2;
		} else if ((len == 1 && name[0] == 'f') || (len == 6 && !strncmp(name, "config", 6))) {
			rt_error(log, "%s: another file than the bundle's config.json is not supported: drop the option",
				 args[i]);
			return -1;
		} else if (!value && IN(create_valued, name, len)) {
			i++;
		}
	}
	return 0;
}

/* The container's CTRPOLICY_POLICY in CONFIG's process.env, or NULL. */
static int env_policy(const struct log *log, struct json_object *config,
		      const char **policy)
{
	struct json_object *process, *env, *item;
	size_t i, n = strlen(POLICY_ENV "=");
	const char *var;

	*policy = NULL;
	if (!json_object_object_get_ex(config, "process", &process) ||
	    !json_object_object_get_ex(process, "env", &env) ||
	    !json_object_is_type(env, json_type_array))
		return 0;
	for (i = 0; i < json_object_array_length(env); i++) {
		item = json_object_array_get_idx(env, i);
		var = json_object_is_type(item, json_type_string) ?
			json_object_get_string(item) : "";
		if (strncmp(var, POLICY_ENV "=", n))
			continue;
		if (*policy) {	/* which one the program sees is its libc's */
			rt_error(log, "the environment sets " POLICY_ENV " twice: not started");
			return -1;
		}
		*policy = var + n;
	}
	return 0;
}

/* The object or array KEY of OBJ, added if missing; NULL if another type. */
static struct json_object *member(struct json_object *obj, const char *key,
				  enum json_type type)
{
	struct json_object *value;

	if (!json_object_object_get_ex(obj, key, &value)) {
		value = type == json_type_array ? json_object_new_array() :
			json_object_new_object();
		json_object_object_add(obj, key, value);
	}
	return json_object_is_type(value, type) ? value : NULL;
}

/*
 * Settles the container's policy in CONFIG: the annotation, else the
 * environment variable, as the sources allow, copied into the annotation
 * the hook reads; else the hook's default.
 */
static int choose_policy(const struct log *log, const struct conf *conf,
			 struct json_object *config)
{
	struct json_object *annotations = member(config, "annotations", json_type_object);
	const char *policy = NULL, *source = "the annotation " OCI_ANNOTATION;

	if (!annotations) {
		rt_error(log, "config.json: \"annotations\" is not an object: not started");
		return -1;
	}
	if (conf->from_annotation)
		policy = json_string(annotations, OCI_ANNOTATION);
	else	/* the hook must not see it */
		json_object_object_del(annotations, OCI_ANNOTATION);
	if (!policy && conf->from_env) {
		if (env_policy(log, config, &policy))
			return -1;
		source = "the environment variable " POLICY_ENV;
		if (policy)
			json_object_object_add(annotations, OCI_ANNOTATION,
					       json_object_new_string(policy));
	}
	if (policy && conf->allow && !has_word(conf->allow, policy)) {
		rt_error(log, "policy '%s', asked for by %s, is not one that 'allow' in %s lets a container choose (%s): not started",
			 policy, source, getenv(CONF_ENV) ?: CONF_FILE,
			 *conf->allow ? conf->allow : "none");
		return -1;
	}
	if (!policy && !conf->fallback) {
		rt_error(log, "no policy: the container asks for none (annotation " OCI_ANNOTATION
			 " or environment variable " POLICY_ENV ", as 'sources' allows) and %s has no 'default': not started (fail closed; 'default = none' lets such containers run unconfined)",
			 getenv(CONF_ENV) ?: CONF_FILE);
		return -1;
	}
	return 0;
}

/* The hook at STAGE: ctrpolicy oci-hook [--policy-dir DIR] [--default P] STAGE. */
static struct json_object *hook_entry(const char *self, const struct conf *conf,
				      const char *stage)
{
	struct json_object *hook = json_object_new_object(),
			   *args = json_object_new_array();

	json_object_object_add(hook, "path", json_object_new_string(self));
	json_object_array_add(args, json_object_new_string("ctrpolicy"));
	json_object_array_add(args, json_object_new_string("oci-hook"));
	if (conf->policy_dir) {
		json_object_array_add(args, json_object_new_string("--policy-dir"));
		json_object_array_add(args, json_object_new_string(conf->policy_dir));
	}
	if (conf->fallback) {
		json_object_array_add(args, json_object_new_string("--default"));
		json_object_array_add(args, json_object_new_string(conf->fallback));
	}
	json_object_array_add(args, json_object_new_string(stage));
	json_object_object_add(hook, "args", args);
	return hook;
}

/* Adds the hooks to CONFIG, after those there; an equal one is not added again. */
static int add_hooks(const struct log *log, const struct conf *conf,
		     const char *self, struct json_object *config)
{
	static const char *const stages[] = { "createRuntime", "poststop" };
	struct json_object *hooks = member(config, "hooks", json_type_object);
	struct json_object *list, *hook;
	size_t s, i;

	for (s = 0; s < 2; s++) {
		list = hooks ? member(hooks, stages[s], json_type_array) : NULL;
		if (!list) {
			rt_error(log, "config.json: \"hooks\" is not an object of arrays: not started");
			return -1;
		}
		hook = hook_entry(self, conf, stages[s]);
		for (i = 0; i < json_object_array_length(list); i++)
			if (json_object_equal(json_object_array_get_idx(list, i), hook))
				break;
		if (i < json_object_array_length(list))
			json_object_put(hook);
		else
			json_object_array_add(list, hook);
	}
	return 0;
}

/* Writes CONFIG over PATH by a rename, with the mode of the file it replaces. */
static int write_config(const struct log *log, const char *bundle, const char *path,
			struct json_object *config, mode_t mode)
{
	char tmp[PATH_MAX];
	const char *text = json_object_to_json_string_ext(config,
		JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	size_t len = strlen(text);
	int fd;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s/.config.json.ctrpolicy-XXXXXX", bundle) >= sizeof(tmp)) {
		rt_error(log, "%s: path too long", path);
		return -1;
	}
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		rt_error(log, "%s: cannot write in the bundle: %s: not started", path, strerror(errno));
		return -1;
	}
	errno = 0;
	if (fchmod(fd, mode) || write(fd, text, len) != (ssize_t)len ||
	    close(fd) || rename(tmp, path)) {
		rt_error(log, "%s: cannot be replaced: %s: not started", path,
			 errno ? strerror(errno) : "short write");
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* create and run: the bundle's config.json gets the hooks. */
static int edit_config(const struct log *log, const struct conf *conf,
		       const char *self, const char *bundle)
{
	struct json_object *config;
	char path[PATH_MAX], why[256];
	struct stat st;
	int fd, err;

	if ((size_t)snprintf(path, sizeof(path), "%s/config.json", bundle) >= sizeof(path)) {
		rt_error(log, "%s: path too long", bundle);
		return -1;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st)) {
		rt_error(log, "%s: %s: not started", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	config = json_read_object(fd, CONFIG_MAX, why, sizeof(why));
	close(fd);
	if (!config) {
		rt_error(log, "%s %s: not started", path, why);
		return -1;
	}
	err = choose_policy(log, conf, config) || add_hooks(log, conf, self, config) ||
	      write_config(log, bundle, path, config, st.st_mode & 07777);
	json_object_put(config);
	return err ? -1 : 0;
}

int cmd_runtime(int argc, char **argv)
{
	char self[PATH_MAX], runtime[PATH_MAX];
	int n = argc - 1, command;
	char **args = argv + 1;
	struct log log = { 0 };
	const char *bundle;
	struct conf conf;

	command = find_command(&log, n, args);
	if (command < 0)
		return EXIT_USAGE;
	if (!realpath("/proc/self/exe", self)) {
		rt_error(&log, "/proc/self/exe: %s", strerror(errno));
		return EXIT_FAILURE_GENERIC;
	}
	if (read_conf(&log, &conf) || find_runtime(&log, &conf, self, runtime, sizeof(runtime)))
		return EXIT_FAILURE_GENERIC;
	if (command < n && (!strcmp(args[command], "create") || !strcmp(args[command], "run")) &&
	    (find_bundle(&log, n - command - 1, args + command + 1, &bundle) ||
	     (bundle && edit_config(&log, &conf, self, bundle))))
		return EXIT_FAILURE_GENERIC;
	/* Its arguments, untouched, after its own name. */
	argv[0] = runtime;
	execv(runtime, argv);
	rt_error(&log, "%s: %s", runtime, strerror(errno));
	return EXIT_FAILURE_GENERIC;
}
