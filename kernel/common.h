/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - What every layer shares: the version, the nesting limit and
 * the netlink error helper.
 */
#ifndef _SECURITY_CTRPOLICY_COMMON_H
#define _SECURITY_CTRPOLICY_COMMON_H

#include <linux/bitops.h>
#include <net/netlink.h>
#include <uapi/linux/ctrpolicy.h>

#define CTRPOLICY_VERSION "0.2.0"

/*
 * Policies live on cgroups of level 1 to CTRPOLICY_MAX_LEVEL: the levels that
 * hold a policy are one word, so a task leaves the hook after one load when
 * none of its ancestors' levels holds any.  Level 0 is the root cgroup: a
 * policy there would confine the host, and the administrator with it.
 */
#define CTRPOLICY_MAX_LEVEL	(BITS_PER_LONG - 1)

/*
 * The KUnit tests: each file X.c that has some includes X_test.c at its end
 * under this, so that the tests reach its static functions.  Only a kernel
 * with ctrpolicy built in holds them: Kbuild compiles the loadable module's
 * files with MODULE defined.
 */
#if IS_ENABLED(CONFIG_SECURITY_CTRPOLICY_KUNIT_TEST) && !defined(MODULE)
#define CTRPOLICY_KUNIT_TEST
#endif

/*
 * NL_SET_ERR_MSG_ATTR() for a message chosen among string literals: @msg
 * must live as long as the module.
 */
static inline void ctrpolicy_set_err(struct netlink_ext_ack *extack,
				     const struct nlattr *attr, const char *msg)
{
	if (extack) {
		extack->_msg = msg;
		extack->bad_attr = attr;
	}
}

#endif /* _SECURITY_CTRPOLICY_COMMON_H */
