/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The generic netlink family: the top of the module.
 */
#ifndef _SECURITY_CTRPOLICY_NETLINK_H
#define _SECURITY_CTRPOLICY_NETLINK_H

int ctrpolicy_netlink_init(void);
void ctrpolicy_netlink_exit(void);

#endif /* _SECURITY_CTRPOLICY_NETLINK_H */
