/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Kernel version differences, kept in one place.
 *
 * The kfunc declaration macros changed after 6.1: definitions gained
 * __bpf_kfunc_start_defs() in 6.7 and BTF_SET8_START became
 * BTF_KFUNCS_START in 6.9.  inet_sock's flags became bits in 6.6.
 */
#ifndef _SECURITY_CTRPOLICY_COMPAT_H
#define _SECURITY_CTRPOLICY_COMPAT_H

#include <linux/btf.h>
#include <linux/btf_ids.h>
#include <linux/compiler.h>
#include <linux/fs_struct.h>
#include <linux/kernfs.h>
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/seqlock.h>
#include <linux/version.h>
#include <net/genetlink.h>
#include <net/inet_sock.h>

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
#define CTRPOLICY_KFUNC_DEFS_START	__bpf_kfunc_start_defs()
#define CTRPOLICY_KFUNC_DEFS_END	__bpf_kfunc_end_defs()
#else
#define CTRPOLICY_KFUNC_DEFS_START					\
	__diag_push();							\
	__diag_ignore_all("-Wmissing-prototypes",			\
			  "kfuncs are called from BPF programs only")
#define CTRPOLICY_KFUNC_DEFS_END	__diag_pop()
#endif

#ifndef __bpf_kfunc
/* Keeps the kfunc and its BTF even when nothing in the kernel calls it. */
#define __bpf_kfunc __used noinline
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)
#define CTRPOLICY_KFUNCS_START(name)	BTF_KFUNCS_START(name)
#define CTRPOLICY_KFUNCS_END(name)	BTF_KFUNCS_END(name)
#else
#define CTRPOLICY_KFUNCS_START(name)	BTF_SET8_START(name)
#define CTRPOLICY_KFUNCS_END(name)	BTF_SET8_END(name)
#endif

/*
 * A kfunc set's filter, which may refuse a kfunc to some programs:
 * struct btf_kfunc_id_set gained .filter in 6.8 ("bpf: add kfunc filter
 * function to 'struct btf_kfunc_id_set'").  A member leaves no macro to
 * test, hence the version.  Without it, every tracing program may call the
 * kfuncs (kfuncs.c).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 8, 0)
#define CTRPOLICY_HAVE_KFUNC_FILTER
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0) && defined(KF_TRUSTED_ARGS)
#define CTRPOLICY_KF_TRUSTED_ARGS	KF_TRUSTED_ARGS
#else
#define CTRPOLICY_KF_TRUSTED_ARGS	0
#endif

/*
 * The pointer parameters of the tracing kfuncs (kfuncs.c): a tracing
 * program's arguments are not trusted ones.  Before 7.0 a kfunc without
 * KF_TRUSTED_ARGS takes them; from 7.0 every kfunc's pointer arguments
 * must be trusted and the flag is gone (7.2 has no KF_TRUSTED_ARGS), but
 * the verifier skips a parameter whose name ends in "__ign"
 * (is_kfunc_arg_ignore()): those parameters are named so there.  The
 * kfuncs read them as they would untrusted pointers anyway.
 */
#ifdef KF_TRUSTED_ARGS
#define CTRPOLICY_UNTRUSTED(name)	__PASTE(name, _untrusted)
#else
#define CTRPOLICY_UNTRUSTED(name)	__PASTE(name, __ign)
#endif

/*
 * Whether an inet socket sends the IP header it is given (IP_HDRINCL,
 * IPPROTO_RAW): a bit field of struct inet_sock until 6.6, a bit of its
 * inet_flags since ("inet: move inet->hdrincl to inet->inet_flags").
 */
#ifdef inet_test_bit
#define ctrpolicy_inet_hdrincl(sk)	inet_test_bit(HDRINCL, sk)
#else
#define ctrpolicy_inet_hdrincl(sk)	(inet_sk(sk)->hdrincl)
#endif

/*
 * Hook parameters that became const pointers in 6.7 ("lsm: constify 'sb'
 * parameter in security_sb_kern_mount()" and "lsm: constify 'bprm'
 * parameter in security_bprm_committed_creds()", v6.7-rc1): the hook
 * table (hooks.h) declares them CTRPOLICY_CONST_6_7, so that a native
 * hook has the prototype of the kernel it is built into.  (A BPF program
 * reads its arguments as they are: there the word is empty.)
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
#define CTRPOLICY_CONST_6_7	const
#else
#define CTRPOLICY_CONST_6_7
#endif

/*
 * The attributes a dump's request carried: genl_dumpit_info held them
 * itself until 6.1; from 6.2 it holds a struct genl_info with them (the
 * genetlink split-ops series merged for 6.2).  No macro tells the two
 * shapes apart, hence the version.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define ctrpolicy_dump_attrs(cb)	(genl_dumpit_info(cb)->info.attrs)
#else
#define ctrpolicy_dump_attrs(cb)	(genl_dumpit_info(cb)->attrs)
#endif

/*
 * bpf_link_get_from_fd() is exported in the BPF_INTERNAL symbol namespace
 * by newer kernels, and by stable kernels that took that change (Debian's
 * 6.12.95 has it; 6.1.0-57 does not); modpost refuses a module that uses
 * the symbol without importing the namespace.  An import of a namespace
 * that a kernel lacks is a modinfo string and nothing else, so the import
 * is unconditional.  The macro's argument became a string literal in 6.13
 * ("module: Convert symbol namespace to string literal").
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define CTRPOLICY_IMPORT_NS_BPF_INTERNAL	MODULE_IMPORT_NS("BPF_INTERNAL")
#else
#define CTRPOLICY_IMPORT_NS_BPF_INTERNAL	MODULE_IMPORT_NS(BPF_INTERNAL)
#endif

/*
 * A kernfs node's parent: kernfs_node.parent until 6.15, then an RCU
 * pointer, __parent ("kernfs: Use RCU to access kernfs_node::parent.",
 * v6.15-rc1), whose accessor kernfs_parent() is internal to fs/kernfs.
 * The caller holds rcu_read_lock().  A member leaves no macro to test,
 * hence the version.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
#define ctrpolicy_kernfs_parent(kn)	rcu_dereference((kn)->__parent)
#else
#define ctrpolicy_kernfs_parent(kn)	((kn)->parent)
#endif

/*
 * A lockless read of a task's fs_struct (root, pwd): fs_struct.seq was a
 * seqcount_spinlock_t beside a spinlock_t until 6.16, and is a seqlock_t
 * from 6.17 ("fold fs_struct->{lock,seq} into a seqlock").
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)
#define ctrpolicy_fs_read_begin(fs)		read_seqbegin(&(fs)->seq)
#define ctrpolicy_fs_read_retry(fs, seq)	read_seqretry(&(fs)->seq, seq)
#else
#define ctrpolicy_fs_read_begin(fs)		read_seqcount_begin(&(fs)->seq)
#define ctrpolicy_fs_read_retry(fs, seq)	read_seqcount_retry(&(fs)->seq, seq)
#endif

/*
 * The flow labels an IPv6 socket holds (struct ipv6_fl_socklist): a list
 * in struct ipv6_pinfo through 6.12, in struct inet_sock next to pinet6 on
 * 6.19 and 7.2 (6.19's stable tree sets inet->ipv6_fl_list; the release
 * that moved it, after 6.12, was not checked here: a kernel from 6.13 to
 * 6.18 that fails to build on this line wants the other branch).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 19, 0)
#define ctrpolicy_ipv6_fl_list(sk)	(inet_sk(sk)->ipv6_fl_list)
#else
#define ctrpolicy_ipv6_fl_list(sk)	(inet6_sk(sk)->ipv6_fl_list)
#endif

#endif /* _SECURITY_CTRPOLICY_COMPAT_H */
