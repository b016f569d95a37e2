/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Shared declarations of the decision engine.
 */
#ifndef _SECURITY_CTRPOLICY_H
#define _SECURITY_CTRPOLICY_H

#include <linux/in6.h>
#include <linux/rcupdate.h>
#include <linux/rhashtable-types.h>
#include <linux/types.h>
#include <net/netlink.h>
#include <uapi/linux/ctrpolicy.h>

struct cred;
struct inode;
struct netlink_ext_ack;
struct nlattr;
struct msghdr;
struct nlmsghdr;
struct path;
struct sk_buff;
struct sockaddr;
struct socket;
struct super_block;
struct vfsmount;

#define CTRPOLICY_VERSION "0.2.0"

/*
 * Policies live on cgroups of level 1 to CTRPOLICY_MAX_LEVEL: the levels that
 * hold a policy are one word, so a task leaves the hook after one load when
 * none of its ancestors' levels holds any.  Level 0 is the root cgroup: a
 * policy there would confine the host, and the administrator with it.
 */
#define CTRPOLICY_MAX_LEVEL	(BITS_PER_LONG - 1)

enum ctrpolicy_count {
	CTRPOLICY_COUNT_CHECKS,
	CTRPOLICY_COUNT_ALLOWED,
	CTRPOLICY_COUNT_DENIED,
	CTRPOLICY_COUNT_AUDITED,
	CTRPOLICY_COUNT_NUM,
};

/**
 * struct ctrpolicy_mount_rule - one rule of the mount area
 * @action: enum ctrpolicy_action
 * @op: enum ctrpolicy_mount_op
 * @require: CTRPOLICY_MOUNT_F_* that must all be set
 * @forbid: CTRPOLICY_MOUNT_F_* that must all be clear
 * @fstype: the file system type, or NULL for any
 * @source: the source, or NULL for any
 * @target: the target path, or NULL for any
 * @source_len: strlen(@source)
 * @target_len: strlen(@target)
 */
struct ctrpolicy_mount_rule {
	u32 action;
	u32 op;
	u32 require;
	u32 forbid;
	const char *fstype;
	const char *source;
	const char *target;
	u32 source_len;
	u32 target_len;
};

/**
 * struct ctrpolicy_net_addr_rule - an address rule, as the lookup holds it
 * @addr: the network, its bits after @prefix_len clear; IPv4 as
 *	IPv4-mapped IPv6
 * @port_min: the lowest port matched
 * @port_max: the highest port matched
 * @prefix_len: in the IPv6 space: an IPv4 /N is /(96 + N)
 * @family: AF_INET, AF_INET6, or AF_UNSPEC for both
 * @proto: enum ctrpolicy_net_proto
 * @ops: bits (1 << CTRPOLICY_NET_OP_*)
 * @action: enum ctrpolicy_action
 */
struct ctrpolicy_net_addr_rule {
	struct in6_addr addr;
	u16 port_min;
	u16 port_max;
	u8 prefix_len;
	u8 family;
	u8 proto;
	u8 ops;
	u8 action;
};

/**
 * struct ctrpolicy_net_level - the address rules of one prefix length
 * @start: the first, in the policy's @net_rules
 * @end: one after the last
 * @prefix_len: their prefix length
 */
struct ctrpolicy_net_level {
	u32 start;
	u32 end;
	u32 prefix_len;
};

/* Prefix lengths an IPv6 address rule may have: 0 to 128. */
#define CTRPOLICY_NET_LEVELS	129

/**
 * struct ctrpolicy_policy - an immutable policy
 * @rcu: frees the policy after the readers that may still see it
 * @mode: enum ctrpolicy_mode
 * @caps: bit N allows capability N
 * @mount_default: enum ctrpolicy_action for mount operations no rule matches
 * @n_mount_rules: the number of @mount_rules
 * @mount_rules: the mount rules, in order; they, their strings and the
 *	network rules live in the same allocation as the policy
 * @net_default: enum ctrpolicy_action for network operations no rule matches
 * @n_socket_rules: the number of @socket_rules
 * @n_net_rules: the number of @net_rules
 * @n_net_levels: the number of @net_levels
 * @socket_rules: the socket rules, in order
 * @net_rules: the address rules, longest prefix first, then by address
 * @net_levels: where each prefix length's rules are, longest first
 * @net_index_mask: the size of @net_index less one
 * @net_index: open-addressing hash of (prefix length, address) to one more
 *	than the index of the first rule with that prefix and address; 0 for
 *	an empty slot.  At most half full, so that a lookup ends.
 * @name: the administrator's name for it
 *
 * A policy is never changed once published: a replace publishes a new one.
 */
struct ctrpolicy_policy {
	struct rcu_head rcu;
	u32 mode;
	u64 caps;
	u32 mount_default;
	u32 n_mount_rules;
	struct ctrpolicy_mount_rule *mount_rules;
	u32 net_default;
	u32 n_socket_rules;
	u32 n_net_rules;
	u32 n_net_levels;
	u32 net_index_mask;
	struct ctrpolicy_socket_rule *socket_rules;
	struct ctrpolicy_net_addr_rule *net_rules;
	struct ctrpolicy_net_level *net_levels;
	u32 *net_index;
	char name[CTRPOLICY_NAME_MAX];
};

/* The parts of a mount request (struct ctrpolicy_mount_request). */
#define CTRPOLICY_MOUNT_FIELD_FSTYPE	BIT(0)
#define CTRPOLICY_MOUNT_FIELD_SOURCE	BIT(1)
#define CTRPOLICY_MOUNT_FIELD_TARGET	BIT(2)
#define CTRPOLICY_MOUNT_FIELD_FLAGS	BIT(3)

/**
 * struct ctrpolicy_mount_request - a mount operation asked for
 * @op: enum ctrpolicy_mount_op
 * @fstype: the file system type
 * @source: the source
 * @target: the target path
 * @flags: CTRPOLICY_MOUNT_F_*
 * @deferred: CTRPOLICY_MOUNT_FIELD_* this hook does not know but another
 *	hook of the same operation checks
 * @unknown: CTRPOLICY_MOUNT_FIELD_* no hook of this operation knows
 */
struct ctrpolicy_mount_request {
	u32 op;
	const char *fstype;
	const char *source;
	const char *target;
	u32 flags;
	u32 deferred;
	u32 unknown;
};

/**
 * struct ctrpolicy_net_request - a network operation asked for
 * @addr: the address, IPv4 as IPv4-mapped IPv6 (address operations)
 * @op: enum ctrpolicy_net_op
 * @family: AF_* of the socket to create, or of @addr (AF_INET when mapped)
 * @proto: enum ctrpolicy_net_proto of the socket
 * @port: the port, 0 for sockets without ports (address operations)
 * @sock_type: SOCK_* of the socket
 * @protocol: the socket's protocol number
 */
struct ctrpolicy_net_request {
	struct in6_addr addr;
	u32 op;
	u16 family;
	u8 proto;
	u16 port;
	u16 sock_type;
	u16 protocol;
};

struct ctrpolicy_counters {
	u64 count[CTRPOLICY_AREA_MAX + 1][CTRPOLICY_COUNT_NUM];
};

/**
 * struct ctrpolicy_entry - the policy slot of one cgroup
 * @node: in the store's hash table, keyed by @cgroup_id
 * @list: in the store's list, the order of dumps
 * @cgroup_id: the cgroup v2 id
 * @level: the cgroup's depth, 1 for a child of the root
 * @pending: 1 while the policy waits for the first execve() below its
 *	cgroup (loaded with %CTRPOLICY_A_ON_EXEC); the walk skips it then
 * @policy: the policy in force, replaced under RCU
 * @counters: per-CPU decision counters; they outlive policy replacements
 * @rcu: frees the entry after the readers that may still see it
 */
struct ctrpolicy_entry {
	struct rhash_head node;
	struct list_head list;
	u64 cgroup_id;
	int level;
	int pending;
	struct ctrpolicy_policy __rcu *policy;
	struct ctrpolicy_counters __percpu *counters;
	struct rcu_head rcu;
};

/**
 * struct ctrpolicy_request - an action a confined task asks for
 * @area: which part of a policy decides
 * @operation: what was asked, for the denial report
 * @capability: the capability, for %CTRPOLICY_AREA_CAPABILITY
 * @quiet: decide and count, but send no event (CAP_OPT_NOAUDIT)
 * @mount: the operation, for %CTRPOLICY_AREA_MOUNT
 * @net: the operation, for %CTRPOLICY_AREA_NETWORK
 */
struct ctrpolicy_request {
	enum ctrpolicy_area area;
	const char *operation;
	u32 capability;
	bool quiet;
	const struct ctrpolicy_mount_request *mount;
	const struct ctrpolicy_net_request *net;
};

/* Whether @policy allows @request, one function per area. */
typedef bool (*ctrpolicy_allows_t)(const struct ctrpolicy_policy *policy,
				   const struct ctrpolicy_request *request);

/*
 * NL_SET_ERR_MSG_ATTR() for a message chosen among string literals: @msg
 * must live as long as the module.
 */
static inline void ctrpolicy_set_err(struct netlink_ext_ack *extack,
				     const struct nlattr *attr, const char *msg)
{
	if (extack) {
		extack->_msg = msg;
		extack->bad_attr = attr;
	}
}

/* store.c */
extern unsigned long ctrpolicy_store_levels;

/*
 * Whether no policy is loaded at all: the first test of every hook, so that
 * a host without policies pays one load.
 */
static inline bool ctrpolicy_none_loaded(void)
{
	return likely(!READ_ONCE(ctrpolicy_store_levels));
}

int ctrpolicy_decide(const struct ctrpolicy_request *request,
		     ctrpolicy_allows_t allows);
bool ctrpolicy_current_confined(void);
int ctrpolicy_store_set(u64 cgroup_id, struct ctrpolicy_policy *policy,
			bool on_exec, struct netlink_ext_ack *extack);
void ctrpolicy_store_exec(void);
int ctrpolicy_store_delete(u64 cgroup_id);
struct ctrpolicy_entry *ctrpolicy_store_find(u64 cgroup_id);
struct ctrpolicy_entry *ctrpolicy_store_nth(unsigned long index);
struct ctrpolicy_entry *ctrpolicy_store_next(struct ctrpolicy_entry *entry);
unsigned long ctrpolicy_store_seq(void);
unsigned int ctrpolicy_store_count(void);
void ctrpolicy_store_reap(void);
void ctrpolicy_entry_counters(const struct ctrpolicy_entry *entry,
			      struct ctrpolicy_counters *sum);
int ctrpolicy_store_init(void);
void ctrpolicy_store_exit(void);

/* caps.c */
int ctrpolicy_decide_capable(const struct cred *cred, int cap,
			     unsigned int opts);

/* policy.c */
extern const struct nla_policy ctrpolicy_policy_nl_policy[CTRPOLICY_POLICY_A_MAX + 1];
struct ctrpolicy_policy *ctrpolicy_policy_parse(const struct nlattr *nest,
					       const struct nlmsghdr *nlh,
					       struct netlink_ext_ack *extack);
int ctrpolicy_policy_fill(struct sk_buff *skb,
			  const struct ctrpolicy_policy *policy);
int ctrpolicy_net_rules_put(struct sk_buff *skb,
			    const struct ctrpolicy_policy *policy, u32 first, u32 n);

/* net.c */
int ctrpolicy_net_rule_check(const struct ctrpolicy_net_rule *rule,
			     struct netlink_ext_ack *extack,
			     const struct nlattr *attr);
void ctrpolicy_net_rule_export(struct ctrpolicy_net_rule *out,
			       const struct ctrpolicy_net_addr_rule *in);
void ctrpolicy_net_import(struct ctrpolicy_policy *policy,
			  const struct ctrpolicy_net_rule *rules, u32 n);
void ctrpolicy_net_build(struct ctrpolicy_policy *policy);
u32 ctrpolicy_net_index_size(u32 n_rules);
int ctrpolicy_decide_socket_create(int family, int type, int protocol, int kern);
int ctrpolicy_decide_socket_bind(struct socket *sock, struct sockaddr *address,
				 int addrlen);
int ctrpolicy_decide_socket_connect(struct socket *sock,
				    struct sockaddr *address, int addrlen);
int ctrpolicy_decide_socket_listen(struct socket *sock);
int ctrpolicy_decide_socket_sendmsg(struct socket *sock, struct msghdr *msg);

/* mount.c */
int ctrpolicy_decide_sb_mount(const char *dev_name, const struct path *path,
			      const char *type, unsigned long flags);
int ctrpolicy_decide_sb_kern_mount(const struct super_block *sb);
int ctrpolicy_decide_sb_remount(const struct super_block *sb);
int ctrpolicy_decide_move_mount(const struct path *from, const struct path *to);
int ctrpolicy_decide_sb_umount(struct vfsmount *mnt);
int ctrpolicy_decide_sb_pivotroot(const struct path *old_path,
				  const struct path *new_path);
int ctrpolicy_mount_init(void);
void ctrpolicy_mount_exit(void);

/* protect.c */
int ctrpolicy_protect(const char *operation);
int ctrpolicy_decide_bpf(int cmd);
int ctrpolicy_decide_inode_permission(struct inode *inode, int mask);
int ctrpolicy_decide_bpffs_change(struct inode *dir);

/* events.c */
void ctrpolicy_event_report(const struct ctrpolicy_request *request,
			    const struct ctrpolicy_entry *entry,
			    const struct ctrpolicy_policy *policy,
			    u64 task_cgroup_id, enum ctrpolicy_verdict verdict);
void ctrpolicy_events_stats(u64 *sent, u64 *dropped);
void ctrpolicy_events_exit(void);

/* kfuncs.c */
int ctrpolicy_kfuncs_register(void);

/* netlink.c */
int ctrpolicy_netlink_init(void);
void ctrpolicy_netlink_exit(void);
bool ctrpolicy_netlink_has_listeners(void);
struct ctrpolicy_event;
int ctrpolicy_netlink_send_event(const struct ctrpolicy_event *event);

/**
 * struct ctrpolicy_event - a denial, queued for the "events" group
 */
struct ctrpolicy_event {
	u64 cgroup_id;
	u64 policy_cgroup_id;
	u32 pid;
	u32 area;
	u32 verdict;
	u32 capability;
	char policy_name[CTRPOLICY_NAME_MAX];
	u32 mount_flags;
	char comm[16];
	char operation[48];
	char fstype[CTRPOLICY_FSTYPE_MAX];
	char source[128];
	char target[128];
	struct in6_addr net_addr;
	u32 net_op;
	u32 net_family;
	u32 net_proto;
	u32 net_sock_type;
	u32 net_protocol;
	u32 net_port;
};

#endif /* _SECURITY_CTRPOLICY_H */
