/* SPDX-License-Identifier: GPL-2.0 */
#ifndef CTRPOLICY_TOOL_H
#define CTRPOLICY_TOOL_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/ctrpolicy.h>

/* Exit codes, documented in the README and by 'ctrpolicy --help'. */
enum {
	EXIT_OK = 0,
	EXIT_FAILURE_GENERIC = 1,	/* the operation failed */
	EXIT_DIFFERENT = 1,		/* diff: the policies differ */
	EXIT_USAGE = 2,			/* bad command line */
	EXIT_NO_MODULE = 3,		/* module not loaded or without kfuncs */
	EXIT_POLICY = 4,		/* the policy file is invalid */
	EXIT_PERMISSION = 5,		/* the kernel refused: without
					 * CAP_NET_ADMIN (reads) or
					 * CAP_MAC_ADMIN (changes), or a
					 * confined caller */
	EXIT_NOT_ATTACHED = 6,		/* enforcement programs not attached */
	EXIT_NOT_FOUND = 7,		/* no such cgroup, container or
					 * loaded policy */
	EXIT_DIFF_FAILED = 8,		/* diff: failed for a reason without
					 * a code above (1 means different) */
};

/* The usage lines of the commands that print them besides the table. */
#define TARGET_USAGE	"--cgroup PATH|--container ID"
#define USAGE_LOAD	"load FILE " TARGET_USAGE "... [--on-exec]"
#define USAGE_UNLOAD	"unload " TARGET_USAGE
#define USAGE_SHOW	"show " TARGET_USAGE
#define USAGE_CHECK	"check FILE..."
#define USAGE_DIFF	"diff FILE " TARGET_USAGE
#define USAGE_RUNTIME	"runtime [RUNC-OPTION]... COMMAND [ARG]...  (also as ctrpolicy-runc)"
#define USAGE_LEARN	"learn start|show|policy " TARGET_USAGE " [OPTIONS]"

struct command {
	const char *name;
	const char *usage;
	int (*run)(int argc, char **argv);
};

/* Global options. */
extern bool opt_json;

/* output.c: one call prints a value as text or as JSON. */
void out_begin_object(void);
void out_begin_named_object(const char *key);
void out_end_object(void);
void out_begin_array(void);
void out_begin_named_array(const char *key);
void out_end_array(void);
void out_string(const char *key, const char *text_fmt, const char *value);
void out_bool(const char *key, const char *text_fmt, bool value);
void out_uint(const char *key, const char *text_fmt, unsigned long long value);
/* Text only, as printf(): what the text says and JSON does not. */
void __attribute__((format(printf, 1, 2))) out_text(const char *fmt, ...);

int cmd_status(int argc, char **argv);
int cmd_load(int argc, char **argv);
int cmd_unload(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_diff(int argc, char **argv);
int cmd_monitor(int argc, char **argv);
int cmd_attach(int argc, char **argv);
int cmd_detach(int argc, char **argv);
int cmd_oci_hook(int argc, char **argv);
/* runtime.c: argv[1] on are the runtime's arguments. */
int cmd_runtime(int argc, char **argv);
int cmd_learn(int argc, char **argv);

/* nl.c: "capability", "mount", ...; "unknown" for others. */
const char *area_name(unsigned int area);

/* The loaded module's version; absent when it is not loaded. */
#define MODULE_VERSION_PATH "/sys/module/ctrpolicy/version"
/* attach.c: where the enforcement links are pinned. */
#define PIN_DIR "/sys/fs/bpf/ctrpolicy"
/* A set of hook names (capable, sb_mount, ...). */
struct hook_names {
	unsigned int n;
	char names[CTRPOLICY_MAX_LINKS][64];
};
/*
 * attach.c: the hooks of ctrpolicy's programs that are not in HELD (every
 * one when HELD is NULL: the module did not say), into MISSING: 0, or
 * -errno when the programs cannot be read.
 */
int hooks_not_enforced(const struct hook_names *held,
		       struct hook_names *missing);
bool enforcement_attached(void);
/*
 * attach.c: attach unless attached, saying nothing of that unless QUIET:
 * the exit code.
 */
int attach_enforcement(bool quiet);
/* status.c: the hooks whose links the module holds: 0 or -errno. */
int module_held_hooks(struct hook_names *held);
bool module_kfuncs_present(void);
/* status.c */
bool native_lsm_active(void);
/*
 * status.c: how ctrpolicy's hooks run on this kernel: built in, BPF-LSM
 * programs, or (the BPF LSM not active) fmod_ret programs on security_*().
 */
enum enforcement_mode {
	MODE_NATIVE,
	MODE_BPF_LSM,
	MODE_FMOD_RET,
};
enum enforcement_mode enforcement_mode(void);
/*
 * status.c: why loaded policies are not enforced, with the next step, in
 * BUF; NULL when they are.
 */
const char *enforcement_gap(char *buf, size_t size);
/*
 * policy_cmds.c: the paths of load and unload, for other commands.  Both
 * print why they fail and return an exit code.  ON_EXEC: a new policy
 * waits for the first execve() in its cgroup.  LEARN: the policy is loaded
 * in learn mode, whatever its file says.  MISSING_OK: a cgroup without a
 * policy is no error.
 */
int policy_load_file(const char *file, const char *const *cgroups, int n,
		     bool on_exec, bool learn);
int policy_unload_id(uint64_t id, bool missing_ok);

#endif
