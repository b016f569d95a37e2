/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The system call a hook runs in, for what no hook names:
 * mount_setattr(2) and open_tree(2) clones (mount.c), the messages of a
 * sendmmsg(2) that the kernel passes to no hook (net.c).
 */
#ifndef _SECURITY_CTRPOLICY_SYSCALL_H
#define _SECURITY_CTRPOLICY_SYSCALL_H

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

/* The current system call's arguments into @args. */
static inline void ctrpolicy_syscall_args(unsigned long args[6])
{
	syscall_get_arguments(current, task_pt_regs(current), args);
}

#endif /* _SECURITY_CTRPOLICY_SYSCALL_H */
