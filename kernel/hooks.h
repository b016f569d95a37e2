/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - The LSM hooks ctrpolicy uses, each named once.
 *
 * CTRPOLICY_HOOKS(X) expands X once per hook:
 *
 *	X(hook, ret, sleep, decision, params...)
 *
 * @hook:	the LSM hook (security_<hook>(), LSM_HOOK_INIT(<hook>, ...))
 * @ret:	int, or void for a hook whose verdict the kernel does not ask
 * @sleep:	ATOMIC, or SLEEPABLE where the decision may sleep: its BPF
 *		program is then "lsm.s/" and its kfunc KF_SLEEPABLE
 * @decision:	the expression that decides, over the parameters' names and
 *		may_sleep, which each glue defines: true where the decision
 *		may sleep (a SLEEPABLE hook's native hook, kfunc and
 *		BPF-LSM program), false where it may not (every ATOMIC
 *		hook, and the fmod_ret program of a SLEEPABLE one: see
 *		below)
 * @params:	the hook's parameters in order, each (kind, type, name):
 *		VAL	a value, passed as it is
 *		PTR	a pointer to a struct or union, passed as it is
 *		ADDR	any other pointer (a string, void *), passed to the kfunc
 *			as an address: Linux 6.1's verifier lets a BPF program
 *			pass neither to a kfunc
 *		SKIP	not passed (the kfunc gets 0): a pointer the decision
 *			does not read and the verifier may refuse, being NULL
 *			or not a pointer at all (task_kill's info)
 *
 * Three glues expand the table, and hold no logic of their own:
 *  - kfuncs.c: kfunc ctrpolicy_<hook>() that returns @decision, and the BTF
 *    set that makes it callable from BPF-LSM programs (the module);
 *  - lsm.c: a native hook that returns @decision (ctrpolicy built in);
 *  - bpf/ctrpolicy.bpf.c: the BPF-LSM program of <hook>, which calls the
 *    kfunc unless an earlier LSM already denied; and the same call as an
 *    fmod_ret program on security_<hook>() (fentry for a void hook), for
 *    a kernel whose BPF LSM is not active.  That program calls its own
 *    kfunc, ctrpolicy_<hook>_tracing(), the decision with may_sleep
 *    false: tracing programs on security_*() may not sleep (only
 *    functions marked for error injection take sleepable ones).
 *
 * A hook is one line here plus its decision function.  A kfunc takes at
 * most five arguments, so a hook here has at most five parameters.  The
 * parameter types are those of the oldest kernel the native glue is built
 * for (6.1), with the qualifiers later kernels added (compat.h).
 */
#ifndef _SECURITY_CTRPOLICY_HOOKS_H
#define _SECURITY_CTRPOLICY_HOOKS_H

#ifdef __bpf__
#define CTRPOLICY_CONST_6_7
#else
#include "compat.h"
#endif

/* The bpf hook exists only with the bpf() system call. */
#if defined(CONFIG_BPF_SYSCALL) || defined(__bpf__)
#define CTRPOLICY_HOOK_BPF(X)						\
	X(bpf, int, ATOMIC, ctrpolicy_decide_bpf(cmd, attr),		\
	  (VAL, int, cmd), (PTR, union bpf_attr *, attr),		\
	  (VAL, unsigned int, size))
#else
#define CTRPOLICY_HOOK_BPF(X)
#endif

/*
 * The parameters the bpf hook gained after 6.1's: a last one, bool kernel,
 * in 6.15 (LSM_HOOK(int, 0, bpf, int cmd, union bpf_attr *attr, unsigned
 * int size, bool kernel) in 7.2's include/linux/lsm_hook_defs.h).  A
 * BPF-LSM program reads the verdict so far after the hook's parameters, so
 * the bpf hook has a second program for that prototype
 * (bpf/ctrpolicy.bpf.c, bpf_grown); ctrpolicy attach loads the one that
 * the running kernel's BTF asks for.  The decision needs none of the new
 * parameters: the kfunc and the native hook (built into 6.1 only) keep
 * 6.1's three.
 */
#define CTRPOLICY_HOOK_BPF_GROWN_PARAMS	, bool kernel

/* The perf event hooks exist only with perf events. */
#if defined(CONFIG_PERF_EVENTS) || defined(__bpf__)
#define CTRPOLICY_HOOK_PERF(X)						\
	X(perf_event_alloc, int, ATOMIC,				\
	  ctrpolicy_decide_perf_event_alloc(event),			\
	  (PTR, struct perf_event *, event))
#else
#define CTRPOLICY_HOOK_PERF(X)
#endif

/* The key hooks exist only with keys (request_key() and its upcall). */
#if defined(CONFIG_KEYS) || defined(__bpf__)
#define CTRPOLICY_HOOK_KEYS(X)						\
	X(key_alloc, int, ATOMIC, ctrpolicy_decide_key_alloc(key),	\
	  (PTR, struct key *, key), (PTR, const struct cred *, cred),	\
	  (VAL, unsigned long, flags))
#else
#define CTRPOLICY_HOOK_KEYS(X)
#endif

#define CTRPOLICY_HOOKS(X)						\
	X(capable, int, ATOMIC, ctrpolicy_decide_capable(cred, cap, opts), \
	  (PTR, const struct cred *, cred),				\
	  (PTR, struct user_namespace *, ns),				\
	  (VAL, int, cap), (VAL, unsigned int, opts))			\
	CTRPOLICY_HOOK_BPF(X)						\
	X(inode_permission, int, ATOMIC,				\
	  ctrpolicy_decide_inode_permission(inode, mask),		\
	  (PTR, struct inode *, inode), (VAL, int, mask))		\
	X(inode_mkdir, int, ATOMIC, ctrpolicy_decide_dir_change(dir),	\
	  (PTR, struct inode *, dir), (PTR, struct dentry *, dentry),	\
	  (VAL, umode_t, mode))						\
	X(inode_unlink, int, ATOMIC, ctrpolicy_decide_dir_change(dir),	\
	  (PTR, struct inode *, dir), (PTR, struct dentry *, dentry))	\
	X(inode_rmdir, int, ATOMIC, ctrpolicy_decide_rmdir(dir),	\
	  (PTR, struct inode *, dir), (PTR, struct dentry *, dentry))	\
	X(inode_rename, int, ATOMIC,					\
	  ctrpolicy_decide_dir_change(old_dir) ?:			\
	  ctrpolicy_decide_dir_change(new_dir),				\
	  (PTR, struct inode *, old_dir),				\
	  (PTR, struct dentry *, old_dentry),				\
	  (PTR, struct inode *, new_dir),				\
	  (PTR, struct dentry *, new_dentry))				\
	X(file_open, int, ATOMIC, ctrpolicy_decide_file_open(file),	\
	  (PTR, struct file *, file))					\
	X(file_ioctl, int, ATOMIC, ctrpolicy_decide_file_ioctl(cmd),	\
	  (PTR, struct file *, file), (VAL, unsigned int, cmd),		\
	  (VAL, unsigned long, arg))					\
	X(file_ioctl_compat, int, ATOMIC, ctrpolicy_decide_file_ioctl(cmd), \
	  (PTR, struct file *, file), (VAL, unsigned int, cmd),		\
	  (VAL, unsigned long, arg))					\
	X(file_fcntl, int, ATOMIC, ctrpolicy_decide_file_fcntl(cmd, arg), \
	  (PTR, struct file *, file), (VAL, unsigned int, cmd),		\
	  (VAL, unsigned long, arg))					\
	X(path_notify, int, ATOMIC,					\
	  ctrpolicy_decide_path_notify(mask, obj_type),			\
	  (PTR, const struct path *, path), (VAL, u64, mask),		\
	  (VAL, unsigned int, obj_type))				\
	X(kernel_load_data, int, ATOMIC, ctrpolicy_decide_kernel_load(id), \
	  (VAL, enum kernel_load_data_id, id), (VAL, bool, contents))	\
	X(kernel_read_file, int, ATOMIC, ctrpolicy_decide_kernel_load(id), \
	  (PTR, struct file *, file), (VAL, enum kernel_read_file_id, id), \
	  (VAL, bool, contents))					\
	X(kernel_module_request, int, ATOMIC,				\
	  ctrpolicy_decide_kernel_module_request(),			\
	  (SKIP, char *, kmod_name))					\
	X(syslog, int, ATOMIC, ctrpolicy_decide_syslog(type),		\
	  (VAL, int, type))						\
	CTRPOLICY_HOOK_KEYS(X)						\
	CTRPOLICY_HOOK_PERF(X)						\
	X(ptrace_access_check, int, ATOMIC,				\
	  ctrpolicy_decide_ptrace_access_check(child, mode),		\
	  (PTR, struct task_struct *, child), (VAL, unsigned int, mode)) \
	X(ptrace_traceme, int, ATOMIC,					\
	  ctrpolicy_decide_ptrace_traceme(parent),			\
	  (PTR, struct task_struct *, parent))				\
	X(task_kill, int, ATOMIC, ctrpolicy_decide_task_kill(p),	\
	  (PTR, struct task_struct *, p),				\
	  (SKIP, struct kernel_siginfo *, info), (VAL, int, sig),	\
	  (SKIP, const struct cred *, cred))				\
	X(task_setnice, int, ATOMIC, ctrpolicy_decide_task_change(p),	\
	  (PTR, struct task_struct *, p), (VAL, int, nice))		\
	X(task_setioprio, int, ATOMIC, ctrpolicy_decide_task_change(p),	\
	  (PTR, struct task_struct *, p), (VAL, int, ioprio))		\
	X(task_setscheduler, int, ATOMIC,				\
	  ctrpolicy_decide_task_change(p),				\
	  (PTR, struct task_struct *, p))				\
	X(task_movememory, int, ATOMIC, ctrpolicy_decide_task_change(p), \
	  (PTR, struct task_struct *, p))				\
	X(task_prlimit, int, ATOMIC, ctrpolicy_decide_task_prlimit(flags), \
	  (SKIP, const struct cred *, cred),				\
	  (SKIP, const struct cred *, tcred), (VAL, unsigned int, flags)) \
	X(sb_mount, int, SLEEPABLE,					\
	  ctrpolicy_decide_sb_mount(dev_name, path, type, flags, may_sleep), \
	  (ADDR, const char *, dev_name),				\
	  (PTR, const struct path *, path),				\
	  (ADDR, const char *, type), (VAL, unsigned long, flags),	\
	  (ADDR, void *, data))						\
	X(sb_kern_mount, int, ATOMIC,					\
	  ctrpolicy_decide_cgroup1_mount(sb) ?:				\
	  ctrpolicy_decide_sb_kern_mount(sb),				\
	  (PTR, CTRPOLICY_CONST_6_7 struct super_block *, sb))		\
	X(sb_remount, int, ATOMIC,					\
	  ctrpolicy_decide_cgroup1_remount(sb) ?:			\
	  ctrpolicy_decide_sb_remount(sb),				\
	  (PTR, struct super_block *, sb), (ADDR, void *, mnt_opts))	\
	X(move_mount, int, ATOMIC,					\
	  ctrpolicy_decide_move_mount(from_path, to_path),		\
	  (PTR, const struct path *, from_path),			\
	  (PTR, const struct path *, to_path))				\
	X(sb_umount, int, ATOMIC, ctrpolicy_decide_sb_umount(mnt),	\
	  (PTR, struct vfsmount *, mnt), (VAL, int, flags))		\
	X(sb_pivotroot, int, ATOMIC,					\
	  ctrpolicy_decide_sb_pivotroot(old_path, new_path),		\
	  (PTR, const struct path *, old_path),				\
	  (PTR, const struct path *, new_path))				\
	X(socket_create, int, ATOMIC,					\
	  ctrpolicy_decide_socket_create(family, type, protocol, kern),	\
	  (VAL, int, family), (VAL, int, type), (VAL, int, protocol),	\
	  (VAL, int, kern))						\
	X(socket_bind, int, ATOMIC,					\
	  ctrpolicy_decide_socket_bind(sock, address, addrlen),		\
	  (PTR, struct socket *, sock),					\
	  (PTR, struct sockaddr *, address), (VAL, int, addrlen))	\
	X(socket_connect, int, ATOMIC,					\
	  ctrpolicy_decide_socket_connect(sock, address, addrlen),	\
	  (PTR, struct socket *, sock),					\
	  (PTR, struct sockaddr *, address), (VAL, int, addrlen))	\
	X(socket_listen, int, ATOMIC, ctrpolicy_decide_socket_listen(sock), \
	  (PTR, struct socket *, sock), (VAL, int, backlog))		\
	X(socket_sendmsg, int, ATOMIC,					\
	  ctrpolicy_decide_uevent_send(sock) ?:				\
	  ctrpolicy_decide_socket_sendmsg(sock, msg),			\
	  (PTR, struct socket *, sock), (PTR, struct msghdr *, msg),	\
	  (VAL, int, size))						\
	X(socket_setsockopt, int, ATOMIC,				\
	  ctrpolicy_decide_socket_setsockopt(sock, level, optname),	\
	  (PTR, struct socket *, sock), (VAL, int, level),		\
	  (VAL, int, optname))						\
	/* The address is a kernel buffer of addrlen bytes: a packed list. */ \
	X(sctp_bind_connect, int, ATOMIC,				\
	  ctrpolicy_decide_sctp_bind_connect(sk, optname, address, addrlen), \
	  (PTR, struct sock *, sk), (VAL, int, optname),		\
	  (PTR, struct sockaddr *, address), (VAL, int, addrlen))	\
	/* Past the point of no return of an execve(): pending policies arm. */ \
	X(bprm_committed_creds, void, ATOMIC, ctrpolicy_store_exec(),	\
	  (PTR, CTRPOLICY_CONST_6_7 struct linux_binprm *, bprm))

/*
 * CTRPOLICY_MAP(m, sep, params...): m(kind, type, name) for each parameter,
 * with sep() between two of them.
 */
#define CTRPOLICY_MAP(m, sep, ...)					\
	__CTRPOLICY_MAP(__CTRPOLICY_NARGS(__VA_ARGS__), m, sep, __VA_ARGS__)
#define __CTRPOLICY_NARGS(...) ___CTRPOLICY_NARGS(__VA_ARGS__, 5, 4, 3, 2, 1)
#define ___CTRPOLICY_NARGS(_1, _2, _3, _4, _5, n, ...) n
#define __CTRPOLICY_MAP(n, m, sep, ...) ___CTRPOLICY_MAP(n, m, sep, __VA_ARGS__)
#define ___CTRPOLICY_MAP(n, m, sep, ...) __CTRPOLICY_MAP##n(m, sep, __VA_ARGS__)
#define __CTRPOLICY_MAP1(m, sep, p) m p
#define __CTRPOLICY_MAP2(m, sep, p, ...) m p sep() __CTRPOLICY_MAP1(m, sep, __VA_ARGS__)
#define __CTRPOLICY_MAP3(m, sep, p, ...) m p sep() __CTRPOLICY_MAP2(m, sep, __VA_ARGS__)
#define __CTRPOLICY_MAP4(m, sep, p, ...) m p sep() __CTRPOLICY_MAP3(m, sep, __VA_ARGS__)
#define __CTRPOLICY_MAP5(m, sep, p, ...) m p sep() __CTRPOLICY_MAP4(m, sep, __VA_ARGS__)

#define CTRPOLICY_COMMA() ,
#define CTRPOLICY_NOTHING()

/* A parameter as the hook declares it. */
#define CTRPOLICY_HOOK_PARAM(kind, type, name) type name

/* A parameter as the kfunc declares it. */
#define CTRPOLICY_KFUNC_PARAM(kind, type, name) CTRPOLICY_KFUNC_PARAM_##kind(type, name)
#define CTRPOLICY_KFUNC_PARAM_VAL(type, name) type name
#define CTRPOLICY_KFUNC_PARAM_PTR(type, name) type name
#define CTRPOLICY_KFUNC_PARAM_ADDR(type, name) unsigned long name##_addr
#define CTRPOLICY_KFUNC_PARAM_SKIP(type, name) unsigned long name##_skipped

/* A parameter as the BPF program passes it to the kfunc. */
#define CTRPOLICY_KFUNC_ARG(kind, type, name) CTRPOLICY_KFUNC_ARG_##kind(name)
#define CTRPOLICY_KFUNC_ARG_VAL(name) name
#define CTRPOLICY_KFUNC_ARG_PTR(name) name
#define CTRPOLICY_KFUNC_ARG_ADDR(name) (unsigned long)name
#define CTRPOLICY_KFUNC_ARG_SKIP(name) 0

/* may_sleep, for a glue of an ATOMIC or a SLEEPABLE hook. */
#define CTRPOLICY_MAY_SLEEP_ATOMIC	false
#define CTRPOLICY_MAY_SLEEP_SLEEPABLE	true

/* "return" where the hook returns a verdict. */
#define CTRPOLICY_RETURN_int return
#define CTRPOLICY_RETURN_void

#endif /* _SECURITY_CTRPOLICY_HOOKS_H */
