// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Capability confinement.
 *
 * The capable hook runs for every capability check, in every user
 * namespace: root in a container's own user namespace still asks it.
 *
 * Subject: ctrpolicy confines the task on whose behalf the kernel acts
 * (current), whichever credentials the check names.  The kernel also asks
 * about credentials that are not current's: a file opener's
 * (file_ns_capable(), e.g. /proc/iomem shows real addresses if its opener
 * had CAP_SYS_ADMIN) or another task's (has_ns_capability()).  Credentials
 * carry no cgroup, and a fork or a capset() gives a task a new credentials
 * object, so deciding only for current's own credentials would let a
 * confined task use a file opened by its unconfined parent -- or by itself
 * before a capset() -- with the parent's capabilities.  So every check made
 * in a confined task's context is decided by that task's policies.
 */

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/pid_namespace.h>
#include <linux/security.h>

#include "caps.h"
#include "decide.h"
#include "mount.h"
#include "policy.h"
#include "protect.h"
#include "syscall.h"

/* i386 numbers, for 32-bit tasks (arch/x86/entry/syscalls/syscall_32.tbl). */
#define COMPAT_NR_SWAPON		87
#define COMPAT_NR_SWAPOFF		115
#define COMPAT_NR_OPEN_BY_HANDLE_AT	342
#define COMPAT_NR_BPF			357

/*
 * What capability @cap would let the current system call do to the host
 * at large, whatever the policy: the operation to deny, or NULL.
 */
static const char *host_at_large(int cap)
{
	switch (cap) {
	case CAP_DAC_READ_SEARCH:
		if (ctrpolicy_in_syscall(__NR_open_by_handle_at,
					 COMPAT_NR_OPEN_BY_HANDLE_AT))
			return "open a file by its handle";
		return NULL;
	case CAP_PERFMON:
	case CAP_SYS_ADMIN:
		if (ctrpolicy_in_syscall(__NR_bpf, COMPAT_NR_BPF))
			return "let a BPF program read any memory";
		if (cap == CAP_PERFMON)
			return NULL;
		if (ctrpolicy_in_syscall(__NR_swapon, COMPAT_NR_SWAPON) ||
		    ctrpolicy_in_syscall(__NR_swapoff, COMPAT_NR_SWAPOFF))
			return "change the host's swap";
		return NULL;
	case CAP_SYS_PACCT:
		if (task_active_pid_ns(current) == &init_pid_ns)
			return "switch the host's process accounting";
		return NULL;
	default:
		return NULL;
	}
}

static bool caps_allow(const struct ctrpolicy_policy *policy,
		       const struct ctrpolicy_request *request)
{
	return ctrpolicy_policy_allows_cap(policy, request->capability);
}

/**
 * ctrpolicy_decide_capable - Decide a capability check
 * @cred: the credentials checked; the policies of current decide
 * @cap: the capability
 * @opts: CAP_OPT_* flags of the check
 *
 * CAP_SYS_MODULE and CAP_SYS_RAWIO are denied to every confined task
 * whatever its policy: a task that can load or unload modules, or reach
 * physical memory and I/O ports, can remove its own confinement.  So is
 * CAP_SYS_BOOT in the initial PID namespace, where reboot(2) restarts the
 * host rather than the task's own PID namespace.
 * Some checks let a system call act on the host at large, and are denied
 * whatever the policy (host_at_large()): open_by_handle_at(2) asks only
 * CAP_DAC_READ_SEARCH to open any file of a file system by its handle,
 * outside the task's mount root too.  In bpf(2), CAP_PERFMON and
 * CAP_SYS_ADMIN give a program the helpers that read kernel memory and the
 * memory of whichever task it runs in (a socket filter runs in the
 * sender's), and let it leak pointers: a confined task loads its programs
 * with CAP_BPF alone.  swapon(2) and swapoff(2) change the host's memory;
 * acct(2) in the host's PID namespace switches the host's process
 * accounting.
 * CAP_SYS_ADMIN is where mount_setattr(2) and open_tree(2) clones, which
 * reach no mount hook, are decided by the mount rules.
 *
 * Return: 0 when allowed (at once for an unconfined task), -EPERM when
 * denied, -EINVAL for a capability the kernel does not have.
 */
int ctrpolicy_decide_capable(const struct cred *cred, int cap,
			     unsigned int opts)
{
	struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_CAPABILITY,
		.fold = CTRPOLICY_FOLD_CAPABILITY,
		.operation = "capable",
		.capability = cap,
		.quiet = opts & CAP_OPT_NOAUDIT,
	};

	const char *operation;

	if (WARN_ON_ONCE(!cap_valid(cap)))
		return -EINVAL;
	/*
	 * Every host task asks this hook, many times a system call: leave
	 * before the tests of the system call below, which only decide for
	 * a confined task.
	 */
	if (!ctrpolicy_current_confined())
		return 0;
	if (cap == CAP_SYS_MODULE)
		return ctrpolicy_protect_as(current, "load or unload kernel modules",
					    request.quiet);
	if (cap == CAP_SYS_RAWIO)
		return ctrpolicy_protect_as(current,
					    "reach physical memory or I/O ports",
					    request.quiet);
	if (cap == CAP_SYS_BOOT && task_active_pid_ns(current) == &init_pid_ns)
		return ctrpolicy_protect_as(current, "reboot or halt the host",
					    request.quiet);
	operation = host_at_large(cap);
	if (operation)
		return ctrpolicy_protect_as(current, operation, request.quiet);
	if (cap == CAP_SYS_ADMIN) {
		int err = ctrpolicy_decide_mount_syscall();

		if (err)
			return err;
	}
	return ctrpolicy_decide(&request, caps_allow);
}
