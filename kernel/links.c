// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - The BPF links the loadable module holds: BPF-LSM ones, or
 * fmod_ret and fentry ones on security_*() where the BPF LSM is off.
 *
 * Pinned in the BPF file system only, the enforcement programs would stay
 * attached only as long as that file system: a confined task allowed to
 * unmount it (or a parent of it) would detach every program.  So
 * "ctrpolicy attach" hands the links to the module, which holds a reference
 * on each until "ctrpolicy detach" asks it to let go; neither command is
 * open to a confined task.  A held link keeps its program attached, and its
 * program keeps the module loaded.
 */

#include <linux/bpf.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <net/genetlink.h>

#include "compat.h"
#include "links.h"

/* For bpf_link_get_from_fd() (compat.h). */
CTRPOLICY_IMPORT_NS_BPF_INTERNAL;

static DEFINE_MUTEX(links_mutex);
static struct bpf_link *links[CTRPOLICY_MAX_LINKS];
static unsigned int n_links;

static void put_all(struct bpf_link **held, unsigned int n)
{
	while (n)
		bpf_link_put(held[--n]);
}

/*
 * The hook @link's program is attached to: bpf_lsm_<hook> (a BPF-LSM
 * program), or security_<hook> (an fmod_ret or fentry program).
 */
static const char *hook_of(const struct bpf_link *link)
{
	const char *name = link->prog->aux->attach_func_name;
	size_t len;

	if (!name)
		return "";
	len = str_has_prefix(name, "bpf_lsm_") ?: str_has_prefix(name, "security_");
	return name + len;
}

/*
 * A link of ctrpolicy's glue: a BPF-LSM program, or where the BPF LSM is
 * not active an fmod_ret program (fentry for a void hook) on a
 * security_*() function.
 */
static bool enforcement_link(const struct bpf_link *link)
{
	const struct bpf_prog *prog = link->prog;

	if (link->type != BPF_LINK_TYPE_TRACING)
		return false;
	if (prog->type == BPF_PROG_TYPE_LSM)
		return true;
	return prog->type == BPF_PROG_TYPE_TRACING &&
	       (prog->expected_attach_type == BPF_MODIFY_RETURN ||
		prog->expected_attach_type == BPF_TRACE_FENTRY) &&
	       prog->aux->attach_func_name &&
	       str_has_prefix(prog->aux->attach_func_name, "security_");
}

/**
 * ctrpolicy_links_set - Hold the links of a LINKS_SET request
 * @nlh: the request, whose CTRPOLICY_A_LINK_FD attributes are file
 *	descriptors of the current task
 * @hdrlen: the family header's length
 * @first: only if no links are held: of several tools that attach at
 *	once (each finding none held), one hands its links over
 * @extack: for the error message
 *
 * The links held before are released once the new ones are all held.
 *
 * Return: 0, or -EBADF or -EINVAL (not a BPF-LSM link, nor a tracing link
 * of an fmod_ret or fentry program on a security_*() function) or -E2BIG (more
 * than %CTRPOLICY_MAX_LINKS) or -EEXIST (@first, and links are held), with
 * the links held before kept.
 */
int ctrpolicy_links_set(const struct nlmsghdr *nlh, int hdrlen, bool first,
			struct netlink_ext_ack *extack)
{
	struct bpf_link *held[CTRPOLICY_MAX_LINKS] = {}, *link;
	const struct nlattr *attr;
	unsigned int n = 0, i;
	int rem, err;

	nlmsg_for_each_attr(attr, nlh, hdrlen, rem) {
		if (nla_type(attr) != CTRPOLICY_A_LINK_FD)
			continue;
		err = -E2BIG;
		if (n == ARRAY_SIZE(held)) {
			NL_SET_ERR_MSG_ATTR(extack, attr, "too many links");
			goto out_put;
		}
		link = bpf_link_get_from_fd(nla_get_u32(attr));
		if (IS_ERR(link)) {
			err = PTR_ERR(link);
			NL_SET_ERR_MSG_ATTR(extack, attr, "not a BPF link's file descriptor");
			goto out_put;
		}
		held[n++] = link;
		err = -EINVAL;
		if (!enforcement_link(link)) {
			NL_SET_ERR_MSG_ATTR(extack, attr,
					    "not a BPF-LSM program's link, nor an fmod_ret or fentry one on security_*()");
			goto out_put;
		}
	}
	/* The new links in, the old ones out, to be released unlocked. */
	mutex_lock(&links_mutex);
	if (first && n_links) {
		mutex_unlock(&links_mutex);
		NL_SET_ERR_MSG(extack, "enforcement is attached already");
		err = -EEXIST;
		goto out_put;
	}
	for (i = 0; i < max(n, n_links); i++)
		swap(held[i], links[i]);
	n = xchg(&n_links, n);
	mutex_unlock(&links_mutex);
	put_all(held, n);
	return 0;

out_put:
	put_all(held, n);
	return err;
}

/**
 * ctrpolicy_links_held - Whether the module holds enforcement links
 *
 * "ctrpolicy attach" hands over the links of every hook at once, so any
 * link held means the policies are enforced.  A policy is put in force
 * only then: the host pays for no hook until the first policy (the tool
 * attaches when this refuses a load), and no loaded policy waits
 * unenforced for an attach.
 *
 * Return: true when links are held.
 */
bool ctrpolicy_links_held(void)
{
	return READ_ONCE(n_links);
}

/**
 * ctrpolicy_links_release - Release every link held
 *
 * Their programs detach once nothing else (a pin) holds them.
 */
void ctrpolicy_links_release(void)
{
	struct bpf_link *held[CTRPOLICY_MAX_LINKS];
	unsigned int n;

	mutex_lock(&links_mutex);
	n = n_links;
	memcpy(held, links, n * sizeof(*held));
	WRITE_ONCE(n_links, 0);
	mutex_unlock(&links_mutex);
	put_all(held, n);
}

/**
 * ctrpolicy_links_fill - Name the hooks of the links held
 * @skb: the message, in a %CTRPOLICY_A_STATUS nest
 *
 * Return: 0, or -EMSGSIZE.
 */
int ctrpolicy_links_fill(struct sk_buff *skb)
{
	unsigned int i;
	int err = 0;

	mutex_lock(&links_mutex);
	for (i = 0; i < n_links && !err; i++)
		err = nla_put_string(skb, CTRPOLICY_STATUS_A_HOOK, hook_of(links[i]));
	mutex_unlock(&links_mutex);
	return err;
}
