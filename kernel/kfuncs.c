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

#define KFUNC(hook, ret, sleep, decision, ...)				\
__bpf_kfunc ret ctrpolicy_##hook(CTRPOLICY_MAP(CTRPOLICY_KFUNC_PARAM,	\
					      CTRPOLICY_COMMA, __VA_ARGS__)) \
{									\
	CTRPOLICY_MAP(KFUNC_UNPACK, CTRPOLICY_NOTHING, __VA_ARGS__)	\
	CTRPOLICY_RETURN_##ret decision;				\
}

#define KF_FLAGS_ATOMIC		CTRPOLICY_KF_TRUSTED_ARGS
#define KF_FLAGS_SLEEPABLE	(KF_SLEEPABLE | CTRPOLICY_KF_TRUSTED_ARGS)
#define KFUNC_ID(hook, ret, sleep, ...)					\
	BTF_ID_FLAGS(func, ctrpolicy_##hook, KF_FLAGS_##sleep)

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
 * -EPERM.
 */
CTRPOLICY_HOOKS(KFUNC)

CTRPOLICY_KFUNC_DEFS_END;

CTRPOLICY_KFUNCS_START(ctrpolicy_kfunc_ids)
BTF_ID_FLAGS(func, ctrpolicy_abi_version)
CTRPOLICY_HOOKS(KFUNC_ID)
CTRPOLICY_KFUNCS_END(ctrpolicy_kfunc_ids)

static const struct btf_kfunc_id_set ctrpolicy_kfunc_set = {
	.owner = THIS_MODULE,
	.set = &ctrpolicy_kfunc_ids,
};

/**
 * ctrpolicy_kfuncs_register - Make the kfuncs callable from BPF-LSM programs
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
