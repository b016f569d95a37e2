// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Capability confinement.
 *
 * The capable hook runs for every capability check, in every user
 * namespace: root in a container's own user namespace still asks it.
 *
 * Subject: ctrpolicy confines what the current task does.  A check of the
 * current task's own credentials (subjective or objective) is decided by
 * the policies of its cgroup.  A check of other credentials -- another
 * task's (has_ns_capability()), or a file opener's (file_ns_capable()) --
 * describes that other subject, which may live in another cgroup; the
 * credentials carry no cgroup, so ctrpolicy leaves such checks alone.  The
 * kernel pairs the sensitive opener checks with one of the current task
 * (e.g. writing a user namespace's id maps), and that one is decided.
 */

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/security.h>

#include "ctrpolicy.h"

static bool caps_allow(const struct ctrpolicy_policy *policy,
		       const struct ctrpolicy_request *request)
{
	return policy->caps & BIT_ULL(request->capability);
}

/**
 * ctrpolicy_decide_capable - Decide a capability check
 * @cred: the credentials checked
 * @cap: the capability
 * @opts: CAP_OPT_* flags of the check
 *
 * CAP_SYS_MODULE is denied to every confined task whatever its policy: a
 * task that can load or unload modules can remove its own confinement.
 *
 * Return: 0 when allowed, -EPERM when denied.
 */
int ctrpolicy_decide_capable(const struct cred *cred, int cap,
			     unsigned int opts)
{
	struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_CAPABILITY,
		.operation = "capable",
		.capability = cap,
		.quiet = opts & CAP_OPT_NOAUDIT,
	};

	if (cred != current_cred() && cred != current_real_cred())
		return 0;
	if (WARN_ON_ONCE(!cap_valid(cap)))
		return -EINVAL;
	if (cap == CAP_SYS_MODULE)
		return ctrpolicy_protect("load or unload kernel modules");
	return ctrpolicy_decide(&request, caps_allow);
}
