// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The BPF-LSM bridge: decision functions exported as kfuncs.
 *
 * On a stock kernel a module cannot register LSM hooks, so thin BPF-LSM
 * programs (kernel/bpf/ctrpolicy.bpf.c) attached to the hooks call these
 * kfuncs.  Each is generated from the hook table (hooks.h) and does what
 * the native hook does: it returns the hook's decision.
 */

#include <linux/bpf.h>
#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/module.h>
#include <linux/string.h>

#include "caps.h"
#include "compat.h"
#include "hooks.h"
#include "kfuncs.h"
#include "mount.h"
#include "net.h"
#include "protect.h"
#include "store.h"

/* Where a string or void * arrived as an address: the hook's own type. */
#define KFUNC_UNPACK(kind, type, name) KFUNC_UNPACK_##kind(type, name)
#define KFUNC_UNPACK_VAL(type, name)
#define KFUNC_UNPACK_PTR(type, name)
#define KFUNC_UNPACK_ADDR(type, name) type name __maybe_unused = (type)name##_addr;
#define KFUNC_UNPACK_SKIP(type, name)

/*
 * The tracing kfunc's parameters: a pointer is named as compat.h says an
 * untrusted one must be (CTRPOLICY_UNTRUSTED), and given the hook's name
 * in the body.
 */
#define KFUNC_TRACING_PARAM(kind, type, name) KFUNC_TRACING_PARAM_##kind(type, name)
#define KFUNC_TRACING_PARAM_VAL(type, name) CTRPOLICY_KFUNC_PARAM_VAL(type, name)
#define KFUNC_TRACING_PARAM_PTR(type, name) type CTRPOLICY_UNTRUSTED(name)
#define KFUNC_TRACING_PARAM_ADDR(type, name) CTRPOLICY_KFUNC_PARAM_ADDR(type, name)
#define KFUNC_TRACING_PARAM_SKIP(type, name) CTRPOLICY_KFUNC_PARAM_SKIP(type, name)
#define KFUNC_TRACING_UNPACK(kind, type, name) KFUNC_TRACING_UNPACK_##kind(type, name)
#define KFUNC_TRACING_UNPACK_VAL(type, name)
#define KFUNC_TRACING_UNPACK_PTR(type, name) type name __maybe_unused = CTRPOLICY_UNTRUSTED(name);
#define KFUNC_TRACING_UNPACK_ADDR(type, name) KFUNC_UNPACK_ADDR(type, name)
#define KFUNC_TRACING_UNPACK_SKIP(type, name)

/*
 * kfunc NAME: the hook's decision, where it may sleep or not (SLEEP), its
 * parameters declared by PARAM and made the hook's by UNPACK.
 */
#define KFUNC_DEF(name, sleep, ret, decision, param, unpack, ...)	\
__bpf_kfunc ret name(CTRPOLICY_MAP(param, CTRPOLICY_COMMA, __VA_ARGS__)) \
{									\
	const bool may_sleep __maybe_unused = CTRPOLICY_MAY_SLEEP_##sleep; \
									\
	CTRPOLICY_MAP(unpack, CTRPOLICY_NOTHING, __VA_ARGS__)		\
	CTRPOLICY_RETURN_##ret decision;				\
}

/*
 * Each hook has two kfuncs: ctrpolicy_<hook>() for its BPF-LSM program,
 * and ctrpolicy_<hook>_tracing() for its fmod_ret (or fentry) program on
 * security_<hook>().  The second never sleeps (such programs may not), and
 * does not ask for trusted arguments: the verifier trusts the arguments
 * of an LSM hook, not those of a traced function (6.12 refuses the call
 * of a KF_TRUSTED_ARGS kfunc there; from 7.0, where every kfunc wants
 * trusted pointers, its pointer parameters are named for the verifier to
 * skip: CTRPOLICY_UNTRUSTED in compat.h).  They are the pointers the
 * kernel passed to security_<hook>(), as valid as the hook's.
 */
#define KFUNC(hook, ret, sleep, decision, ...)				\
	KFUNC_DEF(ctrpolicy_##hook, sleep, ret, decision,		\
		  CTRPOLICY_KFUNC_PARAM, KFUNC_UNPACK, __VA_ARGS__)	\
	KFUNC_DEF(ctrpolicy_##hook##_tracing, ATOMIC, ret, decision,	\
		  KFUNC_TRACING_PARAM, KFUNC_TRACING_UNPACK, __VA_ARGS__)

#define KF_FLAGS_ATOMIC		CTRPOLICY_KF_TRUSTED_ARGS
#define KF_FLAGS_SLEEPABLE	(KF_SLEEPABLE | CTRPOLICY_KF_TRUSTED_ARGS)
#define KFUNC_ID(hook, ret, sleep, ...)					\
	BTF_ID_FLAGS(func, ctrpolicy_##hook, KF_FLAGS_##sleep)		\
	BTF_ID_FLAGS(func, ctrpolicy_##hook##_tracing)

CTRPOLICY_KFUNC_DEFS_START;

/**
 * ctrpolicy_abi_version - The netlink ABI version of the loaded module
 *
 * Return: %CTRPOLICY_GENL_VERSION.
 */
__bpf_kfunc u32 ctrpolicy_abi_version(void)
{
	return CTRPOLICY_GENL_VERSION;
}

/*
 * ctrpolicy_<hook>() for each hook of the table: the hook's parameters, a
 * string or void * as an address; returns the hook's decision, 0 or
 * -EPERM; and ctrpolicy_<hook>_tracing(), the same decision without
 * sleeping, for the hook's tracing program.
 */
CTRPOLICY_HOOKS(KFUNC)

CTRPOLICY_KFUNC_DEFS_END;

CTRPOLICY_KFUNCS_START(ctrpolicy_kfunc_ids)
BTF_ID_FLAGS(func, ctrpolicy_abi_version)
CTRPOLICY_HOOKS(KFUNC_ID)
CTRPOLICY_KFUNCS_END(ctrpolicy_kfunc_ids)

#ifdef CTRPOLICY_HAVE_KFUNC_FILTER
/*
 * The programs that may call the kfuncs: BPF-LSM ones, and tracing ones
 * only as ctrpolicy's fallback glue is, fmod_ret or fentry on a
 * security_*() function.  Any other program of the kfunc hook (a tracing
 * program on any other function, a tracepoint or perf event one, in any
 * context) is refused the call at load time.
 */
static int ctrpolicy_kfunc_filter(const struct bpf_prog *prog, u32 kfunc_id)
{
	const char *name = prog->aux->attach_func_name;

	if (prog->type == BPF_PROG_TYPE_LSM)
		return 0;
	if (prog->type == BPF_PROG_TYPE_TRACING &&
	    (prog->expected_attach_type == BPF_MODIFY_RETURN ||
	     prog->expected_attach_type == BPF_TRACE_FENTRY) &&
	    name && str_has_prefix(name, "security_"))
		return 0;
	return -EACCES;
}
#endif

static const struct btf_kfunc_id_set ctrpolicy_kfunc_set = {
	.owner = THIS_MODULE,
	.set = &ctrpolicy_kfunc_ids,
#ifdef CTRPOLICY_HAVE_KFUNC_FILTER
	.filter = ctrpolicy_kfunc_filter,
#endif
};

/**
 * ctrpolicy_kfuncs_register - Make the kfuncs callable from BPF programs
 *
 * From BPF-LSM programs, and from tracing programs: the fmod_ret and
 * fentry programs on security_*() that enforce where the BPF LSM is not
 * active.  BPF_PROG_TYPE_LSM and BPF_PROG_TYPE_TRACING share one kfunc
 * hook (bpf_prog_type_to_kfunc_hook() in kernel/bpf/btf.c, 6.1 and
 * 6.12), so the one registration covers both; a second one, for
 * BPF_PROG_TYPE_TRACING, is refused with a warning (6.1: a module may
 * register one set per hook).  Where the kernel has kfunc filters (6.8),
 * only those tracing programs may call them.  Before 6.8, any tracing
 * program may: one that its loader (with CAP_BPF and CAP_PERFMON, as a
 * policy's capability rules allow) attaches elsewhere can make a decision
 * out of place, which decides nothing but counts and reports a denial that
 * did not happen.
 *
 * Without module BTF the kernel only warns and the kfuncs are silently
 * missing; the ctrpolicy tool checks for them before it attaches.
 *
 * Return: 0 on success, or the error of register_btf_kfunc_id_set().
 */
int ctrpolicy_kfuncs_register(void)
{
	return register_btf_kfunc_id_set(BPF_PROG_TYPE_LSM,
					 &ctrpolicy_kfunc_set);
}
