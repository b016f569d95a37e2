/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The system call a hook runs in, for what no hook names:
 * mount_setattr(2) and open_tree(2) clones (mount.c), the messages of a
 * sendmmsg(2) that the kernel passes to no hook (net.c), the capabilities
 * of open_by_handle_at(2) and bpf(2) (caps.c).
 */
#ifndef _SECURITY_CTRPOLICY_SYSCALL_H
#define _SECURITY_CTRPOLICY_SYSCALL_H

#include <linux/compat.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/sched/task_stack.h>
#include <asm/syscall.h>
#include <asm/unistd.h>

/* The current system call's number, the x32 ABI's as x86-64's. */
static inline long ctrpolicy_syscall_nr(void)
{
	long nr = syscall_get_nr(current, task_pt_regs(current));

#ifdef __X32_SYSCALL_BIT
	nr &= ~__X32_SYSCALL_BIT;
#endif
	return nr;
}

/*
 * Whether the current system call is number @nr of the 64-bit ABI, or
 * @compat_nr of the 32-bit one for a 32-bit task (uapi numbers, stable).
 */
static inline bool ctrpolicy_in_syscall(long nr, long compat_nr)
{
	return in_task() &&
	       ctrpolicy_syscall_nr() == (in_compat_syscall() ? compat_nr : nr);
}

/* The current system call's arguments into @args. */
static inline void ctrpolicy_syscall_args(unsigned long args[6])
{
	syscall_get_arguments(current, task_pt_regs(current), args);
}

#endif /* _SECURITY_CTRPOLICY_SYSCALL_H */
