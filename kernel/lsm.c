// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Native LSM glue, for a kernel built with ctrpolicy inside
 * (CONFIG_SECURITY_CTRPOLICY).
 *
 * The hooks of the table (hooks.h), each returning the same decision as
 * its kfunc, registered as stackable LSM hooks.  Not part of the loadable
 * module: security_add_hooks() is __init and works only at boot.
 */

#define pr_fmt(fmt) "ctrpolicy: " fmt

#include <linux/bpf.h>
#include <linux/init.h>
#include <linux/lsm_hooks.h>

#include "caps.h"
#include "common.h"
#include "hooks.h"
#include "mount.h"
#include "net.h"
#include "netlink.h"
#include "protect.h"
#include "store.h"

#define NATIVE_HOOK(hook, ret, sleep, decision, ...)			\
static ret hook_##hook(CTRPOLICY_MAP(CTRPOLICY_HOOK_PARAM,		\
				     CTRPOLICY_COMMA, __VA_ARGS__))	\
{									\
	const bool may_sleep __maybe_unused = CTRPOLICY_MAY_SLEEP_##sleep; \
									\
	CTRPOLICY_RETURN_##ret decision;				\
}
CTRPOLICY_HOOKS(NATIVE_HOOK)

#define NATIVE_HOOK_INIT(hook, ...) LSM_HOOK_INIT(hook, hook_##hook),

static struct security_hook_list ctrpolicy_hooks[] __lsm_ro_after_init = {
	CTRPOLICY_HOOKS(NATIVE_HOOK_INIT)
};

/* Whether the LSM was enabled at boot (it is in the lsm= list). */
static bool ctrpolicy_lsm_enabled __ro_after_init;

static int __init ctrpolicy_lsm_init(void)
{
	int err;

	err = ctrpolicy_store_init() ?: ctrpolicy_mount_init();
	if (err)
		return err;
	ctrpolicy_lsm_enabled = true;
	security_add_hooks(ctrpolicy_hooks, ARRAY_SIZE(ctrpolicy_hooks),
			   "ctrpolicy");
	pr_info("version %s (ABI %d) active\n", CTRPOLICY_VERSION,
		CTRPOLICY_GENL_VERSION);
	return 0;
}

DEFINE_LSM(ctrpolicy) = {
	.name = "ctrpolicy",
	.init = ctrpolicy_lsm_init,
};

/*
 * Generic netlink is not up yet when the LSMs initialise.  A kernel that
 * has ctrpolicy built in but not enabled leaves the family to the module.
 */
static int __init ctrpolicy_lsm_netlink_init(void)
{
	return ctrpolicy_lsm_enabled ? ctrpolicy_netlink_init() : 0;
}
late_initcall(ctrpolicy_lsm_netlink_init);
