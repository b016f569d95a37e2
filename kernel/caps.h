/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Capability confinement: the capable hook's decision.
 */
#ifndef _SECURITY_CTRPOLICY_CAPS_H
#define _SECURITY_CTRPOLICY_CAPS_H

struct cred;

int ctrpolicy_decide_capable(const struct cred *cred, int cap,
			     unsigned int opts);

#endif /* _SECURITY_CTRPOLICY_CAPS_H */
