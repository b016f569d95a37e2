/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The BPF-LSM glue of the loadable module.
 */
#ifndef _SECURITY_CTRPOLICY_KFUNCS_H
#define _SECURITY_CTRPOLICY_KFUNCS_H

int ctrpolicy_kfuncs_register(void);

#endif /* _SECURITY_CTRPOLICY_KFUNCS_H */
