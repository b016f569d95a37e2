// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Loadable module entry points.
 *
 * The module holds the policies and decides; BPF-LSM programs that call its
 * kfuncs are the hooks.  While such a program is attached it holds a
 * reference on the module, so the module cannot go away under a hook.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/init.h>
#include <linux/module.h>

#include "common.h"
#include "kfuncs.h"
#include "mount.h"
#include "netlink.h"
#include "store.h"

static int __init ctrpolicy_module_init(void)
{
	int err;

	err = ctrpolicy_store_init();
	if (err)
		return err;
	err = ctrpolicy_mount_init();
	if (err)
		goto out_store;
	err = ctrpolicy_kfuncs_register();
	if (err) {
		pr_err("cannot register kfuncs: %d\n", err);
		goto out_mount;
	}
	err = ctrpolicy_netlink_init();
	if (err) {
		pr_err("cannot register the netlink family: %d\n", err);
		goto out_mount;
	}
	pr_info("version %s (ABI %d) loaded\n", CTRPOLICY_VERSION,
		CTRPOLICY_GENL_VERSION);
	return 0;

out_mount:
	ctrpolicy_mount_exit();
out_store:
	ctrpolicy_store_exit();
	return err;
}

static void __exit ctrpolicy_module_exit(void)
{
	/* No hook runs any more: no BPF program holds the module. */
	ctrpolicy_netlink_exit();
	ctrpolicy_store_exit();
	ctrpolicy_mount_exit();
	pr_info("unloaded\n");
}

module_init(ctrpolicy_module_init);
module_exit(ctrpolicy_module_exit);

MODULE_DESCRIPTION("Per-cgroup confinement of capabilities, mounts and network");
MODULE_LICENSE("GPL");
MODULE_VERSION(CTRPOLICY_VERSION);
