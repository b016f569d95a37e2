// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - BPF-LSM hook glue for a stock kernel.
 *
 * One program per hook of the table (../hooks.h), each a call into the
 * module's kfunc: no policy logic lives here.  A hook that an earlier LSM
 * (or an earlier BPF program) already denied keeps that verdict and is not
 * counted.
 */
#include "vmlinux.h"
#include <bpf/bpf_core_read.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "../hooks.h"

#define SECTION_ATOMIC		"lsm/"
#define SECTION_SLEEPABLE	"lsm.s/"

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

#define PROGRAM(hook, ret, sleep, decision, ...)			\
extern ret ctrpolicy_##hook(CTRPOLICY_MAP(CTRPOLICY_KFUNC_PARAM,	\
					  CTRPOLICY_COMMA, __VA_ARGS__)) __ksym; \
									\
SEC(SECTION_##sleep #hook)						\
int BPF_PROG(hook, CTRPOLICY_MAP(CTRPOLICY_HOOK_PARAM, CTRPOLICY_COMMA,	\
				 __VA_ARGS__) VERDICT_PARAM_##ret)	\
{									\
	if (!(1 CTRPOLICY_MAP(DEFINED, CTRPOLICY_NOTHING, __VA_ARGS__)))	\
		return VERDICT_##ret;					\
	CALL_##ret(ctrpolicy_##hook(CTRPOLICY_MAP(CTRPOLICY_KFUNC_ARG,	\
						  CTRPOLICY_COMMA, __VA_ARGS__))) \
}

CTRPOLICY_HOOKS(PROGRAM)

char LICENSE[] SEC("license") = "GPL";
