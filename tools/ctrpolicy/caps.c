// SPDX-License-Identifier: GPL-2.0
/*
 * Capability names, as in capabilities(7) and <linux/capability.h>.
 */
#include <string.h>
#include <strings.h>

#include "caps.h"

static const char *const cap_names[CAP_LAST_KNOWN + 1] = {
	[0] = "chown",
	[1] = "dac_override",
	[2] = "dac_read_search",
	[3] = "fowner",
	[4] = "fsetid",
	[5] = "kill",
	[6] = "setgid",
	[7] = "setuid",
	[8] = "setpcap",
	[9] = "linux_immutable",
	[10] = "net_bind_service",
	[11] = "net_broadcast",
	[12] = "net_admin",
	[13] = "net_raw",
	[14] = "ipc_lock",
	[15] = "ipc_owner",
	[16] = "sys_module",
	[17] = "sys_rawio",
	[18] = "sys_chroot",
	[19] = "sys_ptrace",
	[20] = "sys_pacct",
	[21] = "sys_admin",
	[22] = "sys_boot",
	[23] = "sys_nice",
	[24] = "sys_resource",
	[25] = "sys_time",
	[26] = "sys_tty_config",
	[27] = "mknod",
	[28] = "lease",
	[29] = "audit_write",
	[30] = "audit_control",
	[31] = "setfcap",
	[32] = "mac_override",
	[33] = "mac_admin",
	[34] = "syslog",
	[35] = "wake_alarm",
	[36] = "block_suspend",
	[37] = "audit_read",
	[38] = "perfmon",
	[39] = "bpf",
	[40] = "checkpoint_restore",
};

int cap_from_name(const char *name, size_t len)
{
	unsigned int i;

	if (len > 4 && !strncasecmp(name, "cap_", 4)) {
		name += 4;
		len -= 4;
	}
	for (i = 0; i <= CAP_LAST_KNOWN; i++) {
		if (strlen(cap_names[i]) == len &&
		    !strncasecmp(name, cap_names[i], len))
			return i;
	}
	return -1;
}

const char *cap_name(unsigned int cap)
{
	return cap <= CAP_LAST_KNOWN ? cap_names[cap] : NULL;
}
