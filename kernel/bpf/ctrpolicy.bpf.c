// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - BPF-LSM hook glue for a stock kernel.
 *
 * One program per hook of the table (../hooks.h), each a call into the
 * module's kfunc: no policy logic lives here.  A hook that an earlier LSM
 * (or an earlier BPF program) already denied keeps that verdict and is not
 * counted.
 *
 * Where the BPF LSM is not active (bpf left out of lsm=), its programs
 * would attach and never run.  Each hook then has a second program, the
 * same kfunc call as a tracing program on the kernel's security_<hook>()
 * ("ctrpolicy attach" loads one set or the other):
 *  - an int hook, fmod_ret: it runs before security_<hook>() and, by
 *    returning non-zero, makes it return that value without running its
 *    body -- every LSM's hook included, as is right for a denial.  It
 *    returns 0 to allow, and security_<hook>() runs as without it.  So
 *    ctrpolicy decides before the other LSMs rather than after them (it
 *    counts and reports a denial that one of them would have made too),
 *    and before what the wrapper itself tests first (security_inode_*()
 *    skip private inodes: S_PRIVATE inodes are checked too).  The
 *    trampoline runs fmod_ret programs in turn until one returns non-zero,
 *    so there is no earlier verdict to keep.  A wrapper may take more
 *    parameters than the hook (security_inode_rename()'s flags); the hook's
 *    are its first ones.
 *  - a void hook, fentry: it runs before security_<hook>().
 *  - each calls ctrpolicy_<hook>_tracing(): tracing programs on
 *    security_*() may not sleep, so that kfunc decides without what may
 *    sleep (sb_mount: the source of a bind or move is then unknown), and
 *    their arguments are not trusted ones, which that kfunc does not ask.
 * The kernel's BTF must hold security_<hook>() with the hook's parameters
 * first: every hook of the table has one on 6.1, 6.12 and 7.2 (none is
 * inlined).
 *
 * Built with -DCTRPOLICY_FLOOR, the object is the benchmarks' floor
 * (bench/README.md, configuration (b0)): the BPF-LSM program of each hook
 * of the same table, in the same section, returning at once -- no kfunc,
 * so it loads without the module.  It costs what any BPF-LSM enforcer of
 * these hooks costs before deciding anything: the trampolines.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "../hooks.h"

#define SECTION_ATOMIC		"lsm/"
#define SECTION_SLEEPABLE	"lsm.s/"

#ifdef CTRPOLICY_FLOOR
#define PROGRAM(hook, ret, sleep, decision, ...)			\
SEC(SECTION_##sleep #hook)						\
int BPF_PROG(hook)							\
{									\
	return 0;							\
}
#else /* the glue: each program calls the module */

/* The verdict so far, after the hook's parameters. */
#define VERDICT_PARAM_int	, int ret
#define VERDICT_PARAM_void
#define VERDICT_int		verdict(ret)
#define VERDICT_void		0

/*
 * A struct that the program never reads is only a forward declaration in
 * its BTF, which libbpf does not match with the kfunc's prototype: asking
 * whether each pointed-to type exists makes clang emit its definition.
 */
#define DEFINED(kind, type, name) DEFINED_##kind(name)
#define DEFINED_VAL(name)
#define DEFINED_ADDR(name)
#define DEFINED_SKIP(name)
#define DEFINED_PTR(name) && bpf_core_type_exists(typeof(*name))

#define MAX_ERRNO	4095
#define EPERM		1

/*
 * The verdict, as a BPF-LSM program may return it: the verifier of 6.12
 * on refuses a program that may return anything but 0 or an errno
 * ([-MAX_ERRNO, 0]), and neither the earlier verdict (an argument) nor a
 * kfunc's int result is known to be one.  A value out of range denies.
 * The tests are on the returned register itself, one at a time, and on
 * the whole 64 bits of it (barrier_var): clang would otherwise test a
 * copy (sign-extended, or two tests folded into one unsigned one), which
 * tells the verifier nothing about the value returned.
 */
static __always_inline int verdict(int value)
{
	long v = value;

	barrier_var(v);
	if (v > 0)
		v = -EPERM;
	barrier_var(v);
	if (v < -MAX_ERRNO)
		v = -EPERM;
	return v;
}

#define CALL_int(call)	return verdict(ret ?: call);
#define CALL_void(call)	call; return 0;

/* The tracing program's section, and what it returns. */
#define TRACING_SECTION_int	"fmod_ret/security_"
#define TRACING_SECTION_void	"fentry/security_"
#define TRACING_CALL_int(call)	return verdict(call);
#define TRACING_CALL_void(call)	CALL_void(call)

/*
 * The BPF-LSM program NAME of HOOK, whose prototype has GROWN (none, or
 * ", type name..." of the parameters later kernels added after the hook's
 * own): the verdict so far comes after all of them.
 */
#define LSM_PROGRAM(name, grown, hook, ret, sleep, decision, ...)	\
SEC(SECTION_##sleep #hook)						\
int BPF_PROG(name, CTRPOLICY_MAP(CTRPOLICY_HOOK_PARAM, CTRPOLICY_COMMA,	\
				 __VA_ARGS__) grown VERDICT_PARAM_##ret) \
{									\
	if (!(1 CTRPOLICY_MAP(DEFINED, CTRPOLICY_NOTHING, __VA_ARGS__)))	\
		return VERDICT_##ret;					\
	CALL_##ret(ctrpolicy_##hook(CTRPOLICY_MAP(CTRPOLICY_KFUNC_ARG,	\
						  CTRPOLICY_COMMA, __VA_ARGS__))) \
}

#define PROGRAM(hook, ret, sleep, decision, ...)			\
extern ret ctrpolicy_##hook(CTRPOLICY_MAP(CTRPOLICY_KFUNC_PARAM,	\
					  CTRPOLICY_COMMA, __VA_ARGS__)) __ksym; \
extern ret ctrpolicy_##hook##_tracing(CTRPOLICY_MAP(CTRPOLICY_KFUNC_PARAM, \
						    CTRPOLICY_COMMA, __VA_ARGS__)) __ksym; \
									\
LSM_PROGRAM(hook, , hook, ret, sleep, decision, __VA_ARGS__)		\
									\
SEC(TRACING_SECTION_##ret #hook)					\
int BPF_PROG(security_##hook, CTRPOLICY_MAP(CTRPOLICY_HOOK_PARAM,	\
					    CTRPOLICY_COMMA, __VA_ARGS__)) \
{									\
	if (!(1 CTRPOLICY_MAP(DEFINED, CTRPOLICY_NOTHING, __VA_ARGS__)))	\
		return 0;						\
	TRACING_CALL_##ret(ctrpolicy_##hook##_tracing(			\
		CTRPOLICY_MAP(CTRPOLICY_KFUNC_ARG, CTRPOLICY_COMMA, __VA_ARGS__))) \
}

/*
 * The bpf hook's program for 6.15's prototype, which gained a last
 * parameter (hooks.h): bpf_grown, on the same hook.  ctrpolicy attach
 * loads bpf or bpf_grown, as the running kernel's BTF says (attach.c).
 * (The tracing program reads the function's first parameters only: one
 * serves both.  The floor reads none: it needs no second program.)
 */
#define GROWN_PROGRAM(hook, ret, sleep, decision, ...)			\
	LSM_PROGRAM(hook##_grown, CTRPOLICY_HOOK_BPF_GROWN_PARAMS, hook,	\
		    ret, sleep, decision, __VA_ARGS__)
#endif

CTRPOLICY_HOOKS(PROGRAM)
#ifndef CTRPOLICY_FLOOR
CTRPOLICY_HOOK_BPF(GROWN_PROGRAM)
#endif

char LICENSE[] SEC("license") = "GPL";
