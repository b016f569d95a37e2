// SPDX-License-Identifier: GPL-2.0
/*
 * Test program: an LSM program that calls a kfunc of the module.  Loading
 * it proves the module's BTF and its resolved kfunc set; running it proves
 * the call reaches the module.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern u32 ctrpolicy_abi_version(void) __ksym;

__u32 target_tgid;
__u32 seen_abi_version;
__u32 calls;

SEC("lsm/capable")
int BPF_PROG(probe_capable, const struct cred *cred, struct user_namespace *ns,
	     int cap, unsigned int opts, int ret)
{
	if (bpf_get_current_pid_tgid() >> 32 != target_tgid)
		return ret;
	seen_abi_version = ctrpolicy_abi_version();
	__sync_fetch_and_add(&calls, 1);
	return ret;
}

char LICENSE[] SEC("license") = "GPL";
