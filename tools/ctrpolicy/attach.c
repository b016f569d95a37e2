// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy attach and detach: the BPF-LSM programs that call the module,
 * or where the BPF LSM is not active the same calls as fmod_ret programs
 * on the kernel's security_*() functions (kernel/bpf/ctrpolicy.bpf.c).
 *
 * The module holds the links (CTRPOLICY_CMD_LINKS_SET), so that enforcement
 * outlives the tool and depends on no file system a confined task could
 * unmount; they are pinned under PIN_DIR too, for bpftool and the like.
 * Detach asks the module to let go and removes the pins.  While a program
 * is attached it holds a reference on the module, so rmmod fails until
 * detach.
 *
 * Nothing need run attach: the module refuses a policy while it holds no
 * links (-ENOLINK), and loading then attaches (policy_cmds.c), so that a
 * host pays for no hook until its first policy and no policy is ever
 * loaded without enforcement.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "ctrpolicy.h"
#include "ctrpolicy.skel.h"
#include "nl.h"

/*
 * The hook a program attaches to: its section name after "lsm/", or after
 * "fmod_ret/security_" (or "fentry/security_").
 */
static const char *program_hook(const struct bpf_program *prog)
{
	const char *section = bpf_program__section_name(prog);
	const char *slash = strchr(section, '/');
	const char *hook = slash ? slash + 1 : section;

	return strncmp(hook, "security_", 9) ? hook : hook + 9;
}

/*
 * Whether the running kernel's bpf hook has 6.15's prototype, with a last
 * parameter bool kernel: bpf_lsm_bpf() (the BPF LSM's attach point) then
 * takes four.  Its BTF says so; without BTF, no (the load fails anyway).
 */
static bool bpf_hook_grown(void)
{
	static int grown = -1;
	const struct btf_type *t;
	struct btf *vmlinux;
	int id;

	if (grown >= 0)
		return grown;
	grown = 0;
	vmlinux = btf__load_vmlinux_btf();
	if (!vmlinux)
		return false;
	id = btf__find_by_name_kind(vmlinux, "bpf_lsm_bpf", BTF_KIND_FUNC);
	t = id > 0 ? btf__type_by_id(vmlinux, btf__type_by_id(vmlinux, id)->type) : NULL;
	if (t && btf_is_func_proto(t))
		grown = btf_vlen(t) > 3;
	btf__free(vmlinux);
	return grown;
}

/*
 * Whether PROG is of the set MODE attaches: the BPF-LSM programs, or the
 * tracing programs on security_*() where the BPF LSM is not active.  Of
 * the bpf hook's two BPF-LSM programs (kernel/bpf/ctrpolicy.bpf.c), the
 * one for the kernel's prototype: bpf, or bpf_grown for 6.15's.
 */
static bool program_in_mode(const struct bpf_program *prog,
			    enum enforcement_mode mode)
{
	bool lsm = bpf_program__type(prog) == BPF_PROG_TYPE_LSM;
	const char *name = bpf_program__name(prog);

	if (mode == MODE_FMOD_RET)
		return !lsm;
	if (lsm && !strcmp(name, "bpf"))
		return !bpf_hook_grown();
	if (lsm && !strcmp(name, "bpf_grown"))
		return bpf_hook_grown();
	return lsm;
}

static bool hook_in(const struct hook_names *set, const char *hook)
{
	unsigned int i;

	for (i = 0; i < set->n; i++)
		if (!strcmp(set->names[i], hook))
			return true;
	return false;
}

int hooks_not_enforced(const struct hook_names *held,
		       struct hook_names *missing)
{
	enum enforcement_mode mode = enforcement_mode();
	struct ctrpolicy_bpf *skel;
	struct bpf_program *prog;

	missing->n = 0;
	skel = ctrpolicy_bpf__open();
	if (!skel)
		return -errno;
	bpf_object__for_each_program(prog, skel->obj) {
		if (!program_in_mode(prog, mode) ||
		    (held && hook_in(held, program_hook(prog))))
			continue;
		if (missing->n < CTRPOLICY_MAX_LINKS)
			snprintf(missing->names[missing->n++], sizeof(missing->names[0]),
				 "%s", program_hook(prog));
	}
	ctrpolicy_bpf__destroy(skel);
	return 0;
}

/* Attached means: the module holds the link of every program. */
bool enforcement_attached(void)
{
	struct hook_names held, missing;
	int err = module_held_hooks(&held);

	return !hooks_not_enforced(err ? NULL : &held, &missing) && !missing.n;
}

/*
 * Send CMD with the file descriptors of the N LINKS (none for
 * CTRPOLICY_CMD_LINKS_DEL), with FIRST CTRPOLICY_A_LINKS_FIRST: 0 or
 * -errno, the kernel's reason printed but for -EEXIST, which FIRST expects.
 */
static int links_request(int cmd, struct bpf_link **links, unsigned int n,
			 bool first, const char *what)
{
	struct nl_ctx ctx;
	struct nl_msg *msg;
	unsigned int i;
	int err;

	err = nl_ctx_open(&ctx);
	if (err)
		return -ENOENT;
	ctx.quiet_error = first ? EEXIST : 0;
	msg = nl_ctx_msg(&ctx, cmd, 0);
	if (msg && first && nla_put_flag(msg, CTRPOLICY_A_LINKS_FIRST)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	for (i = 0; msg && i < n; i++) {
		if (nla_put_u32(msg, CTRPOLICY_A_LINK_FD, bpf_link__fd(links[i]))) {
			nlmsg_free(msg);
			msg = NULL;
		}
	}
	err = msg ? nl_ctx_request(&ctx, msg, NULL, NULL, what) : -ENOMEM;
	nl_ctx_close(&ctx);
	return err;
}

/* The exit code of a links_request() that failed with ERR, or EXIT_OK. */
static int links_exit(int err)
{
	if (err == -EPERM)
		return EXIT_PERMISSION;
	return err ? EXIT_FAILURE_GENERIC : EXIT_OK;
}

/* The module lets go of the links it holds. */
static int release_links(void)
{
	/* Without the module (or with ctrpolicy built in) none is held. */
	if (access(MODULE_VERSION_PATH, F_OK) || native_lsm_active())
		return EXIT_OK;
	return links_exit(links_request(CTRPOLICY_CMD_LINKS_DEL, NULL, 0, false,
					"detach"));
}

/* Remove the pins: 0, or the exit code of the first that stays. */
static int remove_pins(void)
{
	struct dirent *d;
	char path[512];
	int err = EXIT_OK;
	DIR *dir;

	dir = opendir(PIN_DIR);
	if (!dir)
		return errno == ENOENT ? EXIT_OK : EXIT_FAILURE_GENERIC;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", PIN_DIR, d->d_name);
		if (unlink(path)) {
			fprintf(stderr, "ctrpolicy: cannot remove %s: %s\n", path,
				strerror(errno));
			err = errno == EPERM ? EXIT_PERMISSION : EXIT_FAILURE_GENERIC;
		}
	}
	closedir(dir);
	if (!err && rmdir(PIN_DIR) && errno != ENOENT)
		err = EXIT_FAILURE_GENERIC;
	return err;
}

static int libbpf_quiet(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	return level == LIBBPF_WARN ? vfprintf(stderr, fmt, ap) : 0;
}

/*
 * Pin the N LINKS in PIN_DIR, each named after its hook in HOOKS, in place
 * of what an earlier attach left.
 */
static void pin_links(struct bpf_link **links, const char **hooks, unsigned int n)
{
	char path[256];
	unsigned int i;

	if (remove_pins() || (mkdir(PIN_DIR, 0700) && errno != EEXIST))
		return;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", PIN_DIR, hooks[i]);
		if (bpf_link__pin(links[i], path))
			fprintf(stderr, "ctrpolicy: warning: cannot pin %s: %s (enforcement holds: the module holds the link)\n",
				path, strerror(errno));
	}
}

/*
 * Load and attach the programs of MODE, and hand their links to the
 * module, which holds them until detach: then no file system, pinned or
 * unmounted, decides whether they stay attached.  With FIRST only where
 * the module holds none: of tools that attach at once, one hands its links
 * over, and the others find enforcement attached.  On any failure nothing
 * of this attach is held and nothing held before is touched: its links go
 * when this process lets go of them.  Pinned for inspection once held.
 */
static int attach_programs(enum enforcement_mode mode, bool first)
{
	struct bpf_link *links[CTRPOLICY_MAX_LINKS];
	const char *hooks[CTRPOLICY_MAX_LINKS];
	struct ctrpolicy_bpf *skel;
	struct bpf_program *prog;
	unsigned int n = 0;
	int err = EXIT_OK;

	/* Where nothing could be pinned, say so before anything is attached. */
	if (mkdir(PIN_DIR, 0700) && errno != EEXIST) {
		fprintf(stderr, "ctrpolicy: %s: %s (is bpffs mounted on /sys/fs/bpf?)\n",
			PIN_DIR, strerror(errno));
		return EXIT_FAILURE_GENERIC;
	}
	libbpf_set_print(libbpf_quiet);
	skel = ctrpolicy_bpf__open();
	if (!skel) {
		fprintf(stderr, "ctrpolicy: cannot open the BPF programs: %s\n",
			strerror(errno));
		return EXIT_FAILURE_GENERIC;
	}
	/* One set: the BPF-LSM programs, or the fmod_ret ones. */
	bpf_object__for_each_program(prog, skel->obj)
		bpf_program__set_autoload(prog, program_in_mode(prog, mode));
	if (ctrpolicy_bpf__load(skel)) {
		fprintf(stderr, "ctrpolicy: cannot load the BPF programs: %s (%s; see 'ctrpolicy status')\n",
			strerror(errno), mode == MODE_FMOD_RET ?
			"the BPF LSM is not active: fmod_ret programs need BPF trampolines (CONFIG_DYNAMIC_FTRACE_WITH_DIRECT_CALLS)" :
			"is the BPF LSM active?");
		err = EXIT_FAILURE_GENERIC;
		goto out;
	}
	bpf_object__for_each_program(prog, skel->obj) {
		struct bpf_link *link;

		if (!program_in_mode(prog, mode))
			continue;
		link = n < CTRPOLICY_MAX_LINKS ? bpf_program__attach(prog) : NULL;
		if (!link) {
			fprintf(stderr, "ctrpolicy: cannot attach %s: %s\n",
				bpf_program__name(prog), strerror(errno));
			err = EXIT_FAILURE_GENERIC;
			goto out;
		}
		/* Named after the hook, whichever program: the same in every mode. */
		hooks[n] = program_hook(prog);
		links[n++] = link;
	}
	err = links_request(CTRPOLICY_CMD_LINKS_SET, links, n, first, "attach");
	if (!err)
		pin_links(links, hooks, n);
	/* Another tool's links came first: they enforce. */
	err = err == -EEXIST ? EXIT_OK : links_exit(err);
out:
	/* The module and the pins hold the links; this process lets go. */
	while (n)
		bpf_link__destroy(links[--n]);
	ctrpolicy_bpf__destroy(skel);
	return err;
}

int attach_enforcement(bool quiet)
{
	enum enforcement_mode mode = enforcement_mode();

	if (mode == MODE_NATIVE) {
		if (!quiet)
			fprintf(stderr, "ctrpolicy: built into this kernel: nothing to attach\n");
		return EXIT_OK;
	}
	if (!module_kfuncs_present()) {
		fprintf(stderr, "ctrpolicy: the module is not loaded or has no usable kfuncs: run 'modprobe ctrpolicy', then 'ctrpolicy status'\n");
		return EXIT_NO_MODULE;
	}
	if (enforcement_attached()) {
		if (!quiet)
			fprintf(stderr, "ctrpolicy: already attached (held by the module, pinned in %s)\n",
				PIN_DIR);
		return EXIT_OK;
	}
	/*
	 * A load attaches only where nothing is held (the first of several
	 * at once); attach replaces what is, a partial set included.
	 */
	return attach_programs(mode, quiet);
}

int cmd_attach(int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: ctrpolicy attach\n");
		return EXIT_USAGE;
	}
	return attach_enforcement(false);
}

int cmd_detach(int argc, char **argv)
{
	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: ctrpolicy detach\n");
		return EXIT_USAGE;
	}
	return release_links() ?: remove_pins();
}
