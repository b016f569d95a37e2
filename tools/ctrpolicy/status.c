// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy status: is the module loaded, are its kfuncs usable, is the
 * BPF LSM active in this kernel, and which mode enforces: native, bpf-lsm
 * or (the BPF LSM not active) fmod_ret.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <bpf/btf.h>

#include "ctrpolicy.h"
#include "nl.h"

#define MODULE_BTF_PATH		"/sys/kernel/btf/ctrpolicy"
#define LSM_LIST_PATH		"/sys/kernel/security/lsm"
/* Any kfunc of the module proves that its BTF set was registered. */
#define PROBE_KFUNC		"ctrpolicy_abi_version"
#define NOT_ATTACHED		"enforcement is not attached: run 'ctrpolicy attach'"

static bool read_line(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	bool ok;

	if (!f)
		return false;
	ok = fgets(buf, size, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

/* The kfuncs exist only if the module carries BTF that names them. */
bool module_kfuncs_present(void)
{
	struct btf *vmlinux, *module;
	bool found = false;

	vmlinux = btf__load_vmlinux_btf();
	if (!vmlinux)
		return false;
	module = btf__parse_split(MODULE_BTF_PATH, vmlinux);
	if (module) {
		found = btf__find_by_name_kind(module, PROBE_KFUNC,
					       BTF_KIND_FUNC) > 0;
		btf__free(module);
	}
	btf__free(vmlinux);
	return found;
}

static bool lsm_list_has(const char *list, const char *name)
{
	size_t len = strlen(name);
	const char *p = list;

	while ((p = strstr(p, name))) {
		if ((p == list || p[-1] == ',') && (p[len] == ',' || !p[len]))
			return true;
		p += len;
	}
	return false;
}

/* The CTRPOLICY_STATUS_A_HOOK names of status nest STATUS, into HELD. */
static int collect_hooks(struct nlattr *status, struct hook_names *held)
{
	struct nlattr *attr;
	int rem;

	nla_for_each_nested(attr, status, rem) {
		if (nla_type(attr) != CTRPOLICY_STATUS_A_HOOK)
			continue;
		if (held->n == CTRPOLICY_MAX_LINKS)
			return -EPROTO;
		snprintf(held->names[held->n++], sizeof(held->names[0]), "%s",
			 nla_get_string(attr));
	}
	return 0;
}

static int on_status_hooks(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[CTRPOLICY_A_MAX + 1];

	if (nl_reply_parse(msg, tb) || !tb[CTRPOLICY_A_STATUS])
		return -EPROTO;
	return collect_hooks(tb[CTRPOLICY_A_STATUS], arg);
}

int module_held_hooks(struct hook_names *held)
{
	struct nl_ctx ctx;
	struct nl_msg *msg;
	int err;

	held->n = 0;
	if (nl_ctx_open(&ctx))
		return -ENOENT;
	msg = nl_ctx_msg(&ctx, CTRPOLICY_CMD_STATUS_GET, 0);
	err = msg ? nl_ctx_request(&ctx, msg, on_status_hooks, held, "status") : -ENOMEM;
	nl_ctx_close(&ctx);
	return err;
}

/* What the module says of itself that status decides on. */
struct module_view {
	struct hook_names held;
	unsigned int policies;
};

/* Prints the module's status and collects what ARG, a module_view, holds. */
static int on_status(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[CTRPOLICY_A_MAX + 1], *st[CTRPOLICY_STATUS_A_MAX + 1];
	struct module_view *view = arg;

	if (nl_reply_parse(msg, tb) || !tb[CTRPOLICY_A_STATUS] ||
	    nla_parse_nested(st, CTRPOLICY_STATUS_A_MAX, tb[CTRPOLICY_A_STATUS], NULL))
		return -EPROTO;
	if (st[CTRPOLICY_STATUS_A_ABI])
		out_uint("abi", "netlink ABI: %llu\n", nla_get_u32(st[CTRPOLICY_STATUS_A_ABI]));
	if (st[CTRPOLICY_STATUS_A_POLICIES]) {
		view->policies = nla_get_u32(st[CTRPOLICY_STATUS_A_POLICIES]);
		out_uint("policies", "policies loaded: %llu\n", view->policies);
	}
	if (st[CTRPOLICY_STATUS_A_USERS])
		out_uint("module_users", "programs holding the module: %llu\n",
			 nla_get_u32(st[CTRPOLICY_STATUS_A_USERS]));
	if (st[CTRPOLICY_STATUS_A_EVENTS_SENT])
		out_uint("events_sent", "events sent: %llu\n",
			 nla_get_u64(st[CTRPOLICY_STATUS_A_EVENTS_SENT]));
	if (st[CTRPOLICY_STATUS_A_EVENTS_DROPPED])
		out_uint("events_dropped", "events dropped: %llu\n",
			 nla_get_u64(st[CTRPOLICY_STATUS_A_EVENTS_DROPPED]));
	return collect_hooks(tb[CTRPOLICY_A_STATUS], &view->held);
}

/*
 * The module's own view, over netlink, printed and collected into VIEW:
 * 0 or -errno.
 */
static int print_module_status(struct module_view *view)
{
	struct nl_ctx ctx;
	struct nl_msg *msg;
	int err;

	view->held.n = 0;
	if (nl_ctx_open(&ctx))
		return -ENOENT;
	msg = nl_ctx_msg(&ctx, CTRPOLICY_CMD_STATUS_GET, 0);
	err = msg ? nl_ctx_request(&ctx, msg, on_status, view, "status") : -ENOMEM;
	nl_ctx_close(&ctx);
	return err;
}

/* ctrpolicy built into the kernel: its hooks need no module or programs. */
bool native_lsm_active(void)
{
	char lsms[512];

	return read_line(LSM_LIST_PATH, lsms, sizeof(lsms)) &&
	       lsm_list_has(lsms, "ctrpolicy");
}

/*
 * Built in when the kernel's LSM list names ctrpolicy; else BPF-LSM
 * programs, unless the list shows the BPF LSM not active (its programs
 * would attach and never be called): then fmod_ret programs.  An
 * unreadable list (securityfs not mounted) proves nothing either way: the
 * BPF LSM, as on most kernels.
 */
enum enforcement_mode enforcement_mode(void)
{
	char lsms[512];

	if (!read_line(LSM_LIST_PATH, lsms, sizeof(lsms)))
		return MODE_BPF_LSM;
	if (lsm_list_has(lsms, "ctrpolicy"))
		return MODE_NATIVE;
	return lsm_list_has(lsms, "bpf") ? MODE_BPF_LSM : MODE_FMOD_RET;
}

static const char *const mode_names[] = {
	[MODE_NATIVE] = "native",
	[MODE_BPF_LSM] = "bpf-lsm",
	[MODE_FMOD_RET] = "fmod_ret",
};

/* What the fmod_ret fallback does otherwise than the BPF LSM, one a line. */
static const char *const fmod_ret_differences[] = {
	"ctrpolicy decides before the other LSMs, not after them: it also counts and reports denials that one of them would make",
	"a denial skips the whole security_*() function, the other LSMs' hooks included",
	"mount(2) binds and moves: the source is not looked up again, so only a rule that names no source admits them",
	"the BPF LSM would not need BPF trampolines; this does",
};

/* On the fallback, the next step back to the BPF LSM: into BUF. */
static void print_fallback(const char *lsms, char *buf, size_t size)
{
	unsigned int i;

	out_begin_named_array("fallback_differs");
	for (i = 0; i < sizeof(fmod_ret_differences) / sizeof(fmod_ret_differences[0]); i++)
		out_string(NULL, "fmod_ret fallback: %s\n", fmod_ret_differences[i]);
	out_end_array();
	snprintf(buf, size, "lsm=%s,bpf", lsms);
	out_string("bpf_lsm_boot", "for the BPF LSM instead, boot with: %s\n", buf);
}

const char *enforcement_gap(char *buf, size_t size)
{
	if (native_lsm_active())
		return NULL;
	if (!enforcement_attached()) {
		snprintf(buf, size, "%s", NOT_ATTACHED);
		return buf;
	}
	return NULL;
}

/* The hooks not enforced, as a line of text or a JSON array. */
static void print_not_enforced(const struct hook_names *missing)
{
	unsigned int i;

	out_begin_named_array("not_enforced");
	out_text("hooks not enforced:");
	for (i = 0; i < missing->n; i++)
		out_string(NULL, " %s", missing->names[i]);
	out_text("\n");
	out_end_array();
}

int cmd_status(int argc, char **argv)
{
	enum enforcement_mode mode = enforcement_mode();
	bool native = mode == MODE_NATIVE, bpf_lsm = false;
	char version[64], lsms[512], next[640];
	bool loaded, kfuncs, have_lsms, attached, idle, enforced;
	/* Policies unknown until the module says: as if some were loaded. */
	struct module_view view = { .policies = 1 };
	struct hook_names missing = { 0 };
	int held_err = -ENOENT;

	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "ctrpolicy status: takes no arguments\n");
		return EXIT_USAGE;
	}
	have_lsms = read_line(LSM_LIST_PATH, lsms, sizeof(lsms));
	if (have_lsms)
		bpf_lsm = lsm_list_has(lsms, "bpf");
	loaded = read_line(MODULE_VERSION_PATH, version, sizeof(version));
	kfuncs = loaded && module_kfuncs_present();

	out_begin_object();
	out_bool("native", "built into the kernel: %s\n", native);
	if (!native) {
		out_bool("module_loaded", "module loaded: %s\n", loaded);
		if (loaded)
			out_string("module_version", "module version: %s\n", version);
		out_bool("kfuncs", "kfuncs usable: %s\n", kfuncs);
	}
	if (native || loaded)
		held_err = print_module_status(&view);
	attached = native ||
		   (loaded && !hooks_not_enforced(held_err ? NULL : &view.held, &missing) &&
		    !missing.n);
	/*
	 * Nothing attached and nothing to enforce: the first policy loaded
	 * attaches (attach.c), and the host pays for no hook until then.
	 */
	idle = !attached && loaded && !held_err && !view.held.n && !view.policies;
	enforced = attached || idle;
	out_bool("attached", "enforcement attached: %s\n", attached);
	if (idle)
		out_text("enforcement attaches with the first policy loaded\n");
	else if (missing.n)
		print_not_enforced(&missing);
	if (have_lsms)
		out_string("lsm", "kernel LSMs: %s\n", lsms);
	out_bool("bpf_lsm", "BPF LSM active: %s\n", bpf_lsm);
	out_string("mode", "mode: %s\n", mode_names[mode]);
	if (mode == MODE_FMOD_RET)
		print_fallback(lsms, next, sizeof(next));
	/* The programs of the mode in force, so attached means enforced. */
	out_bool("enforced", "policies enforced: %s\n", enforced);
	out_end_object();

	if (native)
		return EXIT_OK;
	if (!loaded) {
		fprintf(stderr, "ctrpolicy: module not loaded: run 'modprobe ctrpolicy'\n");
		return EXIT_NO_MODULE;
	}
	if (!kfuncs) {
		fprintf(stderr, "ctrpolicy: the module has no usable kfuncs (%s lacks %s): rebuild it with BTF for this kernel\n",
			MODULE_BTF_PATH, PROBE_KFUNC);
		return EXIT_NO_MODULE;
	}
	if (!enforced) {
		fprintf(stderr, "ctrpolicy: policies are not enforced: %s\n", NOT_ATTACHED);
		return EXIT_NOT_ATTACHED;
	}
	return EXIT_OK;
}
