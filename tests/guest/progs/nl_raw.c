// SPDX-License-Identifier: GPL-2.0
/*
 * nl_raw - feed the "ctrpolicy" generic netlink family hand-built and
 * deliberately malformed requests, and check that the kernel refuses them.
 *
 * The requests are assembled attribute by attribute with libmnl, not by the
 * ctrpolicy tool, so nothing between this program and the kernel can tidy
 * them up.  The program proves that:
 *
 *  - a well-formed POLICY_SET, POLICY_GET, dump and POLICY_DEL work, and a
 *    SET on a cgroup that already has a policy replaces it;
 *  - every malformed or unprivileged request gets a negative errno in its
 *    NLMSG_ERROR ack together with an extended-ack message
 *    (NLMSGERR_ATTR_MSG) or, for a missing attribute,
 *    NLMSGERR_ATTR_MISS_TYPE naming it;
 *  - after each refusal the store is unchanged: the baseline policy reads
 *    back identically and a dump counts as many policies as before.
 *
 * Usage: nl_raw CGROUP_DIR
 *
 * Run it as root, from outside CGROUP_DIR, on an existing cgroup v2
 * directory that has no policy yet.  It creates and removes one child
 * cgroup, CGROUP_DIR/nl_raw.nopolicy, for the "delete where there is no
 * policy" case.  It prints TAP lines without numbers ("ok - netlink: ..."),
 * each followed by "#   " diagnostics that quote the kernel's extack
 * message, and exits 1 if any line failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <linux/capability.h>
#include <linux/genetlink.h>
#include <linux/magic.h>
#include <linux/netlink.h>
#include <libmnl/libmnl.h>
#include <linux/ctrpolicy.h>

#include "genl.h"

#define GROUP			"netlink"
#define REPLY_TIMEOUT_S		5
#define UNPRIV_ID		65534
#define NO_SUCH_CGROUP_ID	0xfffffffffff0ULL
#define CHILD_CGROUP		"nl_raw.nopolicy"

#define BASE_NAME		"baseline"
#define BASE_MODE		CTRPOLICY_MODE_ENFORCE
#define BASE_CAPS		((1ULL << CAP_CHOWN) | (1ULL << CAP_NET_BIND_SERVICE))
/*
 * The policy every bad SET asks for where its fault lies elsewhere.  It
 * differs from the baseline in every field, so a request the kernel wrongly
 * accepts shows up in the store.
 */
#define BAD_NAME		"bad"
#define BAD_MODE		CTRPOLICY_MODE_AUDIT
#define BAD_CAPS		0ULL
#define ALL_CAPS		(~0ULL >> (63 - CAP_LAST_CAP))

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define TX_SIZE			(96 * 1024)
/* The ack of a refused request echoes it: ~70 KiB for the oversize case. */
#define RX_SIZE			(256 * 1024)
#define OVERSIZE_LEN		(70 * 1024)
#define FILLER_LEN		1020	/* payload of one unknown filler attribute */

static char txbuf[TX_SIZE] __attribute__((aligned(8)));
static char rxbuf[RX_SIZE] __attribute__((aligned(8)));

/* ---- TAP output ---------------------------------------------------------- */

static int failures;
static char notes[16384];
static size_t notes_len;

/* Queue a "#   " diagnostic; report() prints it under its TAP line. */
static void __attribute__((format(printf, 1, 2))) note(const char *fmt, ...)
{
	char line[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	n = snprintf(notes + notes_len, sizeof(notes) - notes_len, "#   %s\n",
		     line);
	if (n > 0)
		notes_len += (size_t)n < sizeof(notes) - notes_len ?
			     (size_t)n : sizeof(notes) - notes_len - 1;
}

static void flush_notes(void)
{
	fputs(notes, stdout);
	notes_len = 0;
	notes[0] = '\0';
	fflush(stdout);
}

static void __attribute__((format(printf, 2, 3)))
report(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s - " GROUP ": ", ok ? "ok" : "not ok");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	flush_notes();
	if (!ok)
		failures++;
}

static void __attribute__((format(printf, 3, 4)))
append(char *buf, size_t size, const char *fmt, ...)
{
	size_t len = strlen(buf);
	va_list ap;

	if (len + 1 >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + len, size - len, fmt, ap);
	va_end(ap);
}

static const char *errname(int e)
{
	static const struct {
		int e;
		const char *name;
	} names[] = {
#define ERRNAME(e) { e, #e }
		ERRNAME(EPERM), ERRNAME(ENOENT), ERRNAME(ESRCH),
		ERRNAME(EINTR), ERRNAME(EIO), ERRNAME(E2BIG),
		ERRNAME(EAGAIN), ERRNAME(ENOMEM), ERRNAME(EACCES),
		ERRNAME(EFAULT), ERRNAME(EBUSY), ERRNAME(EEXIST),
		ERRNAME(ENODEV), ERRNAME(EINVAL), ERRNAME(ENOSPC),
		ERRNAME(ERANGE), ERRNAME(EBADMSG), ERRNAME(EPROTO),
		ERRNAME(EMSGSIZE), ERRNAME(EOPNOTSUPP), ERRNAME(ENOBUFS),
		ERRNAME(ENOTCONN), ERRNAME(ETIMEDOUT), ERRNAME(EBADF),
#undef ERRNAME
		{ 524, "ENOTSUPP" },	/* kernel-internal, leaks out at times */
	};
	size_t i;

	if (e == 0)
		return "0";
	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].e == e)
			return names[i].name;
	return "errno";
}

/* ---- netlink transport --------------------------------------------------- */

struct nl_ctx {
	struct mnl_socket *nl;
	uint32_t seq;
	uint16_t family;
	uint64_t cgid;			/* CGROUP_DIR */
	uint64_t nopolicy_cgid;		/* its child without a policy, or 0 */
	unsigned int events_group;	/* the "events" multicast group */
};

/* How a request ended: the NLMSG_ERROR (or NLMSG_DONE) and its extack. */
struct nl_result {
	int sys_err;		/* errno of a failed send or receive, or 0 */
	bool acked;
	int err;		/* the ack's error: 0 or -errno */
	int replies;		/* family messages before the ack */
	char msg[256];		/* NLMSGERR_ATTR_MSG, "" if none */
	bool has_offs, has_miss_type, has_miss_nest;
	uint32_t offs, miss_type, miss_nest;
};

typedef void (*reply_cb)(const struct nlmsghdr *nlh, void *data);

static int nl_open(struct nl_ctx *c)
{
	struct timeval tv = { .tv_sec = REPLY_TIMEOUT_S };
	int one = 1, zero = 0, rcvbuf = 1 << 20, fd, err;

	c->nl = mnl_socket_open(NETLINK_GENERIC);
	if (!c->nl)
		return -errno;
	fd = mnl_socket_get_fd(c->nl);
	if (mnl_socket_bind(c->nl, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_setsockopt(c->nl, NETLINK_EXT_ACK, &one, sizeof(one)) < 0 ||
	    mnl_socket_setsockopt(c->nl, NETLINK_CAP_ACK, &zero, sizeof(zero)) < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0) {
		err = -errno;
		mnl_socket_close(c->nl);
		c->nl = NULL;
		return err;
	}
	/* Best effort: the kernel caps it at net.core.rmem_max. */
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	return 0;
}

static void copy_printable(char *dst, size_t size, const char *src)
{
	size_t i;

	for (i = 0; i + 1 < size && src[i]; i++)
		dst[i] = src[i] >= 0x20 && src[i] < 0x7f ? src[i] : '?';
	dst[i] = '\0';
}

static void parse_ext_ack(const void *tlvs, size_t len, struct nl_result *r)
{
	const struct nlattr *attr;

	mnl_attr_for_each_payload(tlvs, len) {
		switch (mnl_attr_get_type(attr)) {
		case NLMSGERR_ATTR_MSG:
			if (mnl_attr_validate(attr, MNL_TYPE_NUL_STRING) == 0)
				copy_printable(r->msg, sizeof(r->msg),
					       mnl_attr_get_str(attr));
			break;
		case NLMSGERR_ATTR_OFFS:
			if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0) {
				r->has_offs = true;
				r->offs = mnl_attr_get_u32(attr);
			}
			break;
		case NLMSGERR_ATTR_MISS_TYPE:
			if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0) {
				r->has_miss_type = true;
				r->miss_type = mnl_attr_get_u32(attr);
			}
			break;
		case NLMSGERR_ATTR_MISS_NEST:
			if (mnl_attr_validate(attr, MNL_TYPE_U32) == 0) {
				r->has_miss_nest = true;
				r->miss_nest = mnl_attr_get_u32(attr);
			}
			break;
		}
	}
}

/*
 * NLMSG_ERROR: struct nlmsgerr, then - unless NLM_F_CAPPED - the rest of
 * the request it answers, then - if NLM_F_ACK_TLVS - the extack attributes.
 */
static void parse_error(const struct nlmsghdr *nlh, struct nl_result *r)
{
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	size_t len = mnl_nlmsg_get_payload_len(nlh), off = sizeof(*e);

	if (len < sizeof(*e)) {
		r->sys_err = EBADMSG;
		return;
	}
	r->acked = true;
	r->err = e->error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (e->msg.nlmsg_len < NLMSG_HDRLEN)
			return;
		off += NLMSG_ALIGN(e->msg.nlmsg_len - NLMSG_HDRLEN);
	}
	if (off < len)
		parse_ext_ack((const char *)e + off, len - off, r);
}

/* NLMSG_DONE: the dump's int error, then - if NLM_F_ACK_TLVS - extack. */
static void parse_done(const struct nlmsghdr *nlh, struct nl_result *r)
{
	const int *err = mnl_nlmsg_get_payload(nlh);
	size_t len = mnl_nlmsg_get_payload_len(nlh);

	r->acked = true;
	if (len < sizeof(*err))
		return;
	r->err = *err;
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) && len > sizeof(*err))
		parse_ext_ack(err + 1, len - sizeof(*err), r);
}

/* Hand the messages answering @seq to @cb until the ack or NLMSG_DONE. */
static void consume(const struct nl_ctx *c, ssize_t n, uint32_t seq,
		    reply_cb cb, void *data, struct nl_result *r)
{
	const struct nlmsghdr *nlh = (const struct nlmsghdr *)rxbuf;
	int len = (int)n;

	for (; mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
		if (nlh->nlmsg_seq != seq)
			continue;	/* late answer to an earlier request */
		switch (nlh->nlmsg_type) {
		case NLMSG_ERROR:
			parse_error(nlh, r);
			return;
		case NLMSG_DONE:
			parse_done(nlh, r);
			return;
		case NLMSG_NOOP:
		case NLMSG_OVERRUN:
			break;
		default:
			if (nlh->nlmsg_type != c->family)
				break;
			r->replies++;
			if (cb)
				cb(nlh, data);
		}
	}
}

/* Send @nlh and collect its answer; returns 0 once acked. */
static int nl_transact(struct nl_ctx *c, struct nlmsghdr *nlh, reply_cb cb,
		       void *data, struct nl_result *r)
{
	uint32_t seq = ++c->seq;
	ssize_t n;

	memset(r, 0, sizeof(*r));
	nlh->nlmsg_seq = seq;
	nlh->nlmsg_pid = 0;
	n = mnl_socket_sendto(c->nl, nlh, nlh->nlmsg_len);
	if (n != (ssize_t)nlh->nlmsg_len) {
		r->sys_err = n < 0 ? errno : EMSGSIZE;
		return -1;
	}
	while (!r->acked && !r->sys_err) {
		n = mnl_socket_recvfrom(c->nl, rxbuf, sizeof(rxbuf));
		if (n < 0) {
			r->sys_err = errno;
			return -1;
		}
		consume(c, n, seq, cb, data, r);
	}
	return r->acked ? 0 : -1;
}

/* ---- diagnostics --------------------------------------------------------- */

static uint32_t offset_in(const struct nlmsghdr *nlh, const struct nlattr *a)
{
	return (uint32_t)((const char *)a - (const char *)nlh);
}

/*
 * Whether the attribute at byte offset @offs of @req is @nest's or one
 * nested in it, at any depth: its type and its nest's into @buf.
 */
static bool describe_in(const struct nlmsghdr *req, const struct nlattr *nest,
			uint32_t offs, char *buf, size_t size)
{
	const struct nlattr *inner;

	mnl_attr_for_each_nested(inner, nest) {
		if (offset_in(req, inner) == offs) {
			snprintf(buf, size, "attribute type %u in nest type %u",
				 mnl_attr_get_type(inner), mnl_attr_get_type(nest));
			return true;
		}
		if ((inner->nla_type & NLA_F_NESTED) &&
		    describe_in(req, inner, offs, buf, size))
			return true;
	}
	return false;
}

/* Name the attribute at byte offset @offs of request @req. */
static void describe_offset(const struct nlmsghdr *req, uint32_t offs,
			    char *buf, size_t size)
{
	const struct nlattr *attr;

	snprintf(buf, size, "not the start of an attribute");
	if (!req || offs >= req->nlmsg_len) {
		snprintf(buf, size, "outside the request");
		return;
	}
	mnl_attr_for_each(attr, req, GENL_HDRLEN) {
		if (offset_in(req, attr) == offs) {
			snprintf(buf, size, "attribute type %u",
				 mnl_attr_get_type(attr));
			return;
		}
		if ((attr->nla_type & NLA_F_NESTED) &&
		    describe_in(req, attr, offs, buf, size))
			return;
	}
}

/* Note how a request was answered; @req, if known, names the offsets. */
static void note_result(const struct nl_result *r, const struct nlmsghdr *req)
{
	char where[96];

	if (r->sys_err) {
		note("no ack: %s", strerror(r->sys_err));
		return;
	}
	if (r->msg[0])
		note("ack: %s (%d), extack: \"%s\"", errname(-r->err), r->err,
		     r->msg);
	else
		note("ack: %s (%d), no extack message", errname(-r->err),
		     r->err);
	if (r->has_offs) {
		describe_offset(req, r->offs, where, sizeof(where));
		note("extack offset %u: %s", r->offs, where);
	}
	if (r->has_miss_type)
		note("extack missing attribute: type %u", r->miss_type);
	if (r->has_miss_nest) {
		describe_offset(req, r->miss_nest, where, sizeof(where));
		note("extack missing attribute nest at offset %u: %s",
		     r->miss_nest, where);
	}
}

/* ---- reading policies back ----------------------------------------------- */

struct snapshot {
	bool found;			/* a reply carried CTRPOLICY_A_POLICY */
	bool has_cgid, has_name, has_mode, has_caps;
	uint64_t cgid, caps;
	uint32_t mode;
	char name[CTRPOLICY_NAME_MAX];
	char problem[80];		/* why the reply did not parse, or "" */
};

struct attr_table {
	const struct nlattr **tb;
	uint16_t max;
};

/* Attribute types above @max are newer than this program: ignore them. */
static int table_cb(const struct nlattr *attr, void *data)
{
	struct attr_table *t = data;
	uint16_t type = mnl_attr_get_type(attr);

	if (type <= t->max)
		t->tb[type] = attr;
	return MNL_CB_OK;
}

static void snap_make(struct snapshot *s, uint64_t cgid, const char *name,
		      uint32_t mode, uint64_t caps)
{
	memset(s, 0, sizeof(*s));
	s->found = s->has_cgid = s->has_name = s->has_mode = s->has_caps = true;
	s->cgid = cgid;
	snprintf(s->name, sizeof(s->name), "%s", name);
	s->mode = mode;
	s->caps = caps;
}

static bool snap_equal(const struct snapshot *a, const struct snapshot *b)
{
	return a->found == b->found &&
	       a->has_cgid == b->has_cgid && a->cgid == b->cgid &&
	       a->has_name == b->has_name && !strcmp(a->name, b->name) &&
	       a->has_mode == b->has_mode && a->mode == b->mode &&
	       a->has_caps == b->has_caps && a->caps == b->caps;
}

static void note_snapshot(const char *what, const struct snapshot *s)
{
	char cgid[24] = "-", name[CTRPOLICY_NAME_MAX + 2] = "-";
	char mode[12] = "-", caps[24] = "-";

	if (!s->found) {
		note("%s: no policy%s%s", what, s->problem[0] ? ": " : "",
		     s->problem);
		return;
	}
	if (s->has_cgid)
		snprintf(cgid, sizeof(cgid), "%" PRIu64, s->cgid);
	if (s->has_name)
		snprintf(name, sizeof(name), "\"%s\"", s->name);
	if (s->has_mode)
		snprintf(mode, sizeof(mode), "%" PRIu32, s->mode);
	if (s->has_caps)
		snprintf(caps, sizeof(caps), "%#" PRIx64, s->caps);
	note("%s: cgroup %s, name %s, mode %s, caps %s%s%s", what, cgid, name,
	     mode, caps, s->problem[0] ? "; " : "", s->problem);
}

static void snapshot_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRPOLICY_A_MAX + 1] = { NULL };
	const struct nlattr *pb[CTRPOLICY_POLICY_A_MAX + 1] = { NULL };
	struct attr_table top = { tb, CTRPOLICY_A_MAX };
	struct attr_table pol = { pb, CTRPOLICY_POLICY_A_MAX };
	struct snapshot *s = data;
	const struct nlattr *a;

	memset(s, 0, sizeof(*s));
	if (mnl_attr_parse(nlh, GENL_HDRLEN, table_cb, &top) < 0 ||
	    !tb[CTRPOLICY_A_POLICY] ||
	    mnl_attr_parse_nested(tb[CTRPOLICY_A_POLICY], table_cb, &pol) < 0) {
		snprintf(s->problem, sizeof(s->problem),
			 "the reply has no CTRPOLICY_A_POLICY nest");
		return;
	}
	s->found = true;
	a = tb[CTRPOLICY_A_CGROUP_ID];
	if (a && mnl_attr_validate(a, MNL_TYPE_U64) == 0) {
		s->has_cgid = true;
		s->cgid = mnl_attr_get_u64(a);
	}
	a = pb[CTRPOLICY_POLICY_A_NAME];
	if (a && (mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0 ||
		  mnl_attr_get_payload_len(a) > CTRPOLICY_NAME_MAX))
		snprintf(s->problem, sizeof(s->problem),
			 "malformed NAME (%u bytes)",
			 (unsigned int)mnl_attr_get_payload_len(a));
	else if (a) {
		s->has_name = true;
		memcpy(s->name, mnl_attr_get_str(a), mnl_attr_get_payload_len(a));
	}
	a = pb[CTRPOLICY_POLICY_A_MODE];
	if (a && mnl_attr_validate(a, MNL_TYPE_U32) == 0) {
		s->has_mode = true;
		s->mode = mnl_attr_get_u32(a);
	}
	a = pb[CTRPOLICY_POLICY_A_CAPS];
	if (a && mnl_attr_validate(a, MNL_TYPE_U64) == 0) {
		s->has_caps = true;
		s->caps = mnl_attr_get_u64(a);
	}
}

struct dump_info {
	int count;
	uint64_t cgid;		/* look out for this cgroup's policy */
	bool seen;
};

static void dump_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRPOLICY_A_MAX + 1] = { NULL };
	struct attr_table top = { tb, CTRPOLICY_A_MAX };
	struct dump_info *d = data;
	const struct nlattr *a;

	d->count++;
	if (mnl_attr_parse(nlh, GENL_HDRLEN, table_cb, &top) < 0)
		return;
	a = tb[CTRPOLICY_A_CGROUP_ID];
	if (a && mnl_attr_validate(a, MNL_TYPE_U64) == 0 &&
	    mnl_attr_get_u64(a) == d->cgid)
		d->seen = true;
}

/* ---- building requests --------------------------------------------------- */

static struct nlmsghdr *set_msg(void *buf, const struct nl_ctx *c)
{
	return genl_msg(buf, c->family, CTRPOLICY_CMD_POLICY_SET, NLM_F_ACK);
}

static void put_name_mode_caps(struct nlmsghdr *nlh, const char *name,
			       uint32_t mode, uint64_t caps)
{
	mnl_attr_put_strz(nlh, CTRPOLICY_POLICY_A_NAME, name);
	mnl_attr_put_u32(nlh, CTRPOLICY_POLICY_A_MODE, mode);
	mnl_attr_put_u64(nlh, CTRPOLICY_POLICY_A_CAPS, caps);
}

static void put_policy(struct nlmsghdr *nlh, const char *name, uint32_t mode,
		       uint64_t caps)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);

	put_name_mode_caps(nlh, name, mode, caps);
	mnl_attr_nest_end(nlh, nest);
}

/* A well-formed SET: the valid cases, and the base of most bad ones. */
static struct nlmsghdr *build_set(void *buf, const struct nl_ctx *c,
				  uint64_t cgid, const char *name,
				  uint32_t mode, uint64_t caps)
{
	struct nlmsghdr *nlh = set_msg(buf, c);

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, cgid);
	put_policy(nlh, name, mode, caps);
	return nlh;
}

static struct nlmsghdr *build_del(void *buf, const struct nl_ctx *c,
				  uint64_t cgid)
{
	struct nlmsghdr *nlh = genl_msg(buf, c->family,
					CTRPOLICY_CMD_POLICY_DEL, NLM_F_ACK);

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, cgid);
	return nlh;
}

static struct nlmsghdr *build_get(void *buf, const struct nl_ctx *c,
				  uint64_t cgid)
{
	struct nlmsghdr *nlh = genl_msg(buf, c->family,
					CTRPOLICY_CMD_POLICY_GET, NLM_F_ACK);

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, cgid);
	return nlh;
}

/* A bad SET whose NAME is @chars letters and a NUL. */
static struct nlmsghdr *build_set_long_name(void *buf, const struct nl_ctx *c,
					    size_t chars)
{
	char name[256];

	memset(name, 'n', chars);
	name[chars] = '\0';
	return build_set(buf, c, c->cgid, name, BAD_MODE, BAD_CAPS);
}

/* ---- the bad requests ---------------------------------------------------- */

static struct nlmsghdr *build_no_cgroup(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = set_msg(buf, c);

	put_policy(nlh, BAD_NAME, BAD_MODE, BAD_CAPS);
	return nlh;
}

static struct nlmsghdr *build_no_policy(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = set_msg(buf, c);

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	return nlh;
}

static struct nlmsghdr *build_no_name(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = set_msg(buf, c);
	struct nlattr *nest;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	mnl_attr_put_u32(nlh, CTRPOLICY_POLICY_A_MODE, BAD_MODE);
	mnl_attr_put_u64(nlh, CTRPOLICY_POLICY_A_CAPS, BAD_CAPS);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *build_cgroup_u32(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = set_msg(buf, c);

	mnl_attr_put_u32(nlh, CTRPOLICY_A_CGROUP_ID, (uint32_t)c->cgid);
	put_policy(nlh, BAD_NAME, BAD_MODE, BAD_CAPS);
	return nlh;
}

static struct nlmsghdr *build_name_unterminated(void *buf,
						const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = set_msg(buf, c);
	struct nlattr *nest;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	/* nla_len covers "bad" only; the alignment padding is not in it. */
	mnl_attr_put(nlh, CTRPOLICY_POLICY_A_NAME, strlen(BAD_NAME), BAD_NAME);
	mnl_attr_put_u32(nlh, CTRPOLICY_POLICY_A_MODE, BAD_MODE);
	mnl_attr_put_u64(nlh, CTRPOLICY_POLICY_A_CAPS, BAD_CAPS);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *build_name_200(void *buf, const struct nl_ctx *c)
{
	return build_set_long_name(buf, c, 199);
}

/* CTRPOLICY_NAME_MAX counts the NUL: 64 letters are one too many. */
static struct nlmsghdr *build_name_64(void *buf, const struct nl_ctx *c)
{
	return build_set_long_name(buf, c, CTRPOLICY_NAME_MAX);
}

static struct nlmsghdr *build_mode_7(void *buf, const struct nl_ctx *c)
{
	return build_set(buf, c, c->cgid, BAD_NAME, 7, BAD_CAPS);
}

/* A SET of a policy with a LEARN_SIZE of SIZE, in MODE. */
static struct nlmsghdr *build_learn_size(void *buf, const struct nl_ctx *c,
					 uint32_t mode, uint32_t size)
{
	struct nlmsghdr *nlh = set_msg(buf, c);
	struct nlattr *nest;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	put_name_mode_caps(nlh, BAD_NAME, mode, BAD_CAPS);
	mnl_attr_put_u32(nlh, CTRPOLICY_POLICY_A_LEARN_SIZE, size);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *build_learn_size_enforce(void *buf, const struct nl_ctx *c)
{
	return build_learn_size(buf, c, CTRPOLICY_MODE_ENFORCE, 16);
}

static struct nlmsghdr *build_learn_size_0(void *buf, const struct nl_ctx *c)
{
	return build_learn_size(buf, c, CTRPOLICY_MODE_LEARN, 0);
}

static struct nlmsghdr *build_learn_size_big(void *buf, const struct nl_ctx *c)
{
	return build_learn_size(buf, c, CTRPOLICY_MODE_LEARN,
				CTRPOLICY_LEARN_SIZE_MAX + 1);
}

/* A dump of a learned set: of the baseline's cgroup, or without one. */
static struct nlmsghdr *build_learned(void *buf, const struct nl_ctx *c,
				      bool cgroup)
{
	struct nlmsghdr *nlh = genl_msg(buf, c->family, CTRPOLICY_CMD_LEARNED_GET,
					NLM_F_DUMP | NLM_F_ACK);

	if (cgroup)
		mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	return nlh;
}

static struct nlmsghdr *build_learned_no_cgroup(void *buf, const struct nl_ctx *c)
{
	return build_learned(buf, c, false);
}

/* The baseline policy enforces: it learned nothing. */
static struct nlmsghdr *build_learned_not_learning(void *buf, const struct nl_ctx *c)
{
	return build_learned(buf, c, true);
}

static struct nlmsghdr *build_caps_63(void *buf, const struct nl_ctx *c)
{
	return build_set(buf, c, c->cgid, BAD_NAME, BAD_MODE, 1ULL << 63);
}

static struct nlmsghdr *build_caps_next(void *buf, const struct nl_ctx *c)
{
	return build_set(buf, c, c->cgid, BAD_NAME, BAD_MODE,
			 1ULL << (CAP_LAST_CAP + 1));
}

/* A SET whose policy has an events nest of RATE and BURST (0: left out). */
static struct nlmsghdr *build_events(void *buf, const struct nl_ctx *c,
				     uint32_t rate, uint32_t burst)
{
	struct nlmsghdr *nlh = set_msg(buf, c);
	struct nlattr *nest, *events;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	put_name_mode_caps(nlh, BAD_NAME, BAD_MODE, BAD_CAPS);
	events = mnl_attr_nest_start(nlh, CTRPOLICY_POLICY_A_EVENTS);
	if (rate != ~0U)
		mnl_attr_put_u32(nlh, CTRPOLICY_EVENTS_A_RATE, rate);
	if (burst != ~0U)
		mnl_attr_put_u32(nlh, CTRPOLICY_EVENTS_A_BURST, burst);
	mnl_attr_nest_end(nlh, events);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *build_events_rate_0(void *buf, const struct nl_ctx *c)
{
	return build_events(buf, c, 0, ~0U);
}

static struct nlmsghdr *build_events_rate_big(void *buf, const struct nl_ctx *c)
{
	return build_events(buf, c, CTRPOLICY_EVENT_RATE_MAX + 1, 5);
}

static struct nlmsghdr *build_events_burst_0(void *buf, const struct nl_ctx *c)
{
	return build_events(buf, c, 5, 0);
}

static struct nlmsghdr *build_suppressed_in_set(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = build_set(buf, c, c->cgid, BAD_NAME, BAD_MODE,
					 BAD_CAPS);

	mnl_attr_put_u64(nlh, CTRPOLICY_A_SUPPRESSED, 1);
	return nlh;
}

static struct nlmsghdr *build_unknown_attr(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = build_set(buf, c, c->cgid, BAD_NAME, BAD_MODE,
					 BAD_CAPS);

	mnl_attr_put_u32(nlh, CTRPOLICY_A_MAX + 5, 0);
	return nlh;
}

static struct nlmsghdr *build_unknown_nested(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = set_msg(buf, c);
	struct nlattr *nest;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	put_name_mode_caps(nlh, BAD_NAME, BAD_MODE, BAD_CAPS);
	mnl_attr_put_u32(nlh, CTRPOLICY_POLICY_A_MAX + 5, 0);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

/*
 * A complete, valid SET followed by a CGROUP_ID whose nla_len runs 64 bytes
 * past the end of the message: a kernel that skips the broken tail instead
 * of refusing the request would apply the SET.
 */
static struct nlmsghdr *build_truncated(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = build_set(buf, c, c->cgid, BAD_NAME, BAD_MODE,
					 BAD_CAPS);
	struct nlattr *tail = mnl_nlmsg_get_payload_tail(nlh);

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	tail->nla_len += 64;
	return nlh;
}

static struct nlmsghdr *build_no_such_cgroup(void *buf, const struct nl_ctx *c)
{
	return build_set(buf, c, NO_SUCH_CGROUP_ID, BAD_NAME, BAD_MODE,
			 BAD_CAPS);
}

static struct nlmsghdr *build_del_no_policy(void *buf, const struct nl_ctx *c)
{
	if (!c->nopolicy_cgid) {
		note("no child cgroup " CHILD_CGROUP " to ask about");
		return NULL;
	}
	return build_del(buf, c, c->nopolicy_cgid);
}

/*
 * ~70 KiB: the POLICY nest filled with unknown attributes up to the 64 KiB
 * an nla_len can describe, then unknown top-level attributes up to
 * OVERSIZE_LEN.  The attributes stay well-formed; only their number and
 * types are wrong.
 */
static struct nlmsghdr *build_oversize(void *buf, const struct nl_ctx *c)
{
	static const char zeros[FILLER_LEN];
	const size_t filler = MNL_ATTR_HDRLEN + MNL_ALIGN(FILLER_LEN);
	struct nlmsghdr *nlh = set_msg(buf, c);
	struct nlattr *nest;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	put_name_mode_caps(nlh, BAD_NAME, BAD_MODE, BAD_CAPS);
	while ((char *)mnl_nlmsg_get_payload_tail(nlh) - (char *)nest + filler
	       <= UINT16_MAX)
		mnl_attr_put(nlh, CTRPOLICY_POLICY_A_MAX + 1, FILLER_LEN, zeros);
	mnl_attr_nest_end(nlh, nest);
	while (nlh->nlmsg_len < OVERSIZE_LEN && nlh->nlmsg_len + filler <= TX_SIZE)
		mnl_attr_put(nlh, CTRPOLICY_A_MAX + 1, FILLER_LEN, zeros);
	return nlh;
}

/* ---- malformed network rules ----------------------------------------------- */

/* A well-formed address rule: deny connect to 10.0.0.0/8, any port. */
static struct ctrpolicy_net_rule good_net_rule(void)
{
	struct ctrpolicy_net_rule r = {
		.addr = { 10 },
		.port_max = 65535,
		.prefix_len = 8,
		.family = AF_INET,
		.ops = 1 << CTRPOLICY_NET_OP_CONNECT,
		.action = CTRPOLICY_ACTION_DENY,
	};

	return r;
}

/* A SET whose only fault is the address rule @r (or its length @len). */
static struct nlmsghdr *set_with_net_rule(void *buf, const struct nl_ctx *c,
					  const struct ctrpolicy_net_rule *r,
					  size_t len)
{
	struct nlmsghdr *nlh = build_set(buf, c, c->cgid, BAD_NAME, BAD_MODE,
					 BAD_CAPS);

	mnl_attr_put(nlh, CTRPOLICY_A_NET_RULES, len, r);
	return nlh;
}

#define NET_RULE_CASE(fn, field_change)					\
static struct nlmsghdr *fn(void *buf, const struct nl_ctx *c)		\
{									\
	struct ctrpolicy_net_rule r = good_net_rule();			\
									\
	field_change;							\
	return set_with_net_rule(buf, c, &r, sizeof(r));		\
}

NET_RULE_CASE(build_net_host_bits, r.addr[3] = 1)
NET_RULE_CASE(build_net_prefix_33, r.prefix_len = 33)
NET_RULE_CASE(build_net_no_ops, r.ops = 0)
NET_RULE_CASE(build_net_socket_op, r.ops = 1 << CTRPOLICY_NET_OP_SOCKET)
NET_RULE_CASE(build_net_ports_reversed, r.port_min = 2; r.port_max = 1)
NET_RULE_CASE(build_net_pad, r.pad[6] = 1)
NET_RULE_CASE(build_net_unspec_addr, r.family = AF_UNSPEC)
NET_RULE_CASE(build_net_family_unix, r.family = AF_UNIX; r.prefix_len = 0;
	      r.addr[0] = 0)
NET_RULE_CASE(build_net_proto_other, r.proto = CTRPOLICY_NET_PROTO_OTHER)
NET_RULE_CASE(build_net_mapped, r.family = AF_INET6; r.prefix_len = 104;
	      r.addr[0] = 0; r.addr[10] = 0xff; r.addr[11] = 0xff;
	      r.addr[12] = 10)

static struct nlmsghdr *build_net_short(void *buf, const struct nl_ctx *c)
{
	struct ctrpolicy_net_rule r = good_net_rule();

	return set_with_net_rule(buf, c, &r, sizeof(r) - 4);
}

/* A POLICY nest whose NET nest holds @type with @len bytes of @data. */
static struct nlmsghdr *set_with_net_attr(void *buf, const struct nl_ctx *c,
					  uint16_t type, const void *data,
					  size_t len)
{
	struct nlmsghdr *nlh = set_msg(buf, c);
	struct nlattr *nest, *net;

	mnl_attr_put_u64(nlh, CTRPOLICY_A_CGROUP_ID, c->cgid);
	nest = mnl_attr_nest_start(nlh, CTRPOLICY_A_POLICY);
	put_name_mode_caps(nlh, BAD_NAME, BAD_MODE, BAD_CAPS);
	net = mnl_attr_nest_start(nlh, CTRPOLICY_POLICY_A_NET);
	mnl_attr_put(nlh, type, len, data);
	mnl_attr_nest_end(nlh, net);
	mnl_attr_nest_end(nlh, nest);
	return nlh;
}

static struct nlmsghdr *build_socket_family(void *buf, const struct nl_ctx *c)
{
	struct ctrpolicy_socket_rule r = { .family = AF_MAX };

	return set_with_net_attr(buf, c, CTRPOLICY_NET_A_SOCKET_RULES, &r,
				 sizeof(r));
}

static struct nlmsghdr *build_socket_short(void *buf, const struct nl_ctx *c)
{
	struct ctrpolicy_socket_rule r = { .family = AF_INET };

	return set_with_net_attr(buf, c, CTRPOLICY_NET_A_SOCKET_RULES, &r,
				 sizeof(r) - 1);
}

static struct nlmsghdr *build_net_rule_count(void *buf, const struct nl_ctx *c)
{
	uint32_t count = 1;

	return set_with_net_attr(buf, c, CTRPOLICY_NET_A_RULE_COUNT, &count,
				 sizeof(count));
}

/* LINKS_SET handing over file descriptor @fd. */
static struct nlmsghdr *links_set_fd(void *buf, const struct nl_ctx *c, uint32_t fd)
{
	struct nlmsghdr *nlh = genl_msg(buf, c->family, CTRPOLICY_CMD_LINKS_SET,
					NLM_F_ACK);

	mnl_attr_put_u32(nlh, CTRPOLICY_A_LINK_FD, fd);
	return nlh;
}

/* Standard input: a file, not a BPF link. */
static struct nlmsghdr *build_links_not_link(void *buf, const struct nl_ctx *c)
{
	return links_set_fd(buf, c, 0);
}

static struct nlmsghdr *build_links_bad_fd(void *buf, const struct nl_ctx *c)
{
	return links_set_fd(buf, c, 999);
}

static struct nlmsghdr *build_links_fd_u64(void *buf, const struct nl_ctx *c)
{
	struct nlmsghdr *nlh = genl_msg(buf, c->family, CTRPOLICY_CMD_LINKS_SET,
					NLM_F_ACK);

	mnl_attr_put_u64(nlh, CTRPOLICY_A_LINK_FD, 0);
	return nlh;
}

enum extack_need {
	EXTACK_ANY,		/* note whatever came, require nothing */
	EXTACK_MSG,		/* a non-empty NLMSGERR_ATTR_MSG */
	EXTACK_MISSING,		/* NLMSGERR_ATTR_MISS_TYPE == .missing, or a
				 * message if MISS_TYPE is absent */
};

struct bad_case {
	const char *desc;
	struct nlmsghdr *(*build)(void *buf, const struct nl_ctx *c);
	int errnos[3];		/* accepted errnos, 0-terminated; none: any */
	enum extack_need extack;
	uint16_t missing;
	/* If set: the message holds it, and NLMSGERR_ATTR_OFFS points somewhere. */
	const char *msg_has;
};

static const struct bad_case bad_cases[] = {
	{ .desc = "set without CGROUP_ID", .build = build_no_cgroup,
	  .errnos = { EINVAL }, .extack = EXTACK_MISSING,
	  .missing = CTRPOLICY_A_CGROUP_ID },
	{ .desc = "set without POLICY", .build = build_no_policy,
	  .errnos = { EINVAL }, .extack = EXTACK_MISSING,
	  .missing = CTRPOLICY_A_POLICY },
	{ .desc = "set with a POLICY nest lacking NAME", .build = build_no_name,
	  .errnos = { EINVAL }, .extack = EXTACK_MISSING,
	  .missing = CTRPOLICY_POLICY_A_NAME },
	{ .desc = "set with CGROUP_ID as u32", .build = build_cgroup_u32,
	  .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with a NAME not NUL-terminated",
	  .build = build_name_unterminated,
	  .errnos = { EINVAL, ERANGE }, .extack = EXTACK_MSG },
	{ .desc = "set with a NAME of 200 bytes", .build = build_name_200,
	  .errnos = { EINVAL, ERANGE }, .extack = EXTACK_MSG },
	{ .desc = "set with a NAME of 64 characters (CTRPOLICY_NAME_MAX counts the NUL)",
	  .build = build_name_64,
	  .errnos = { EINVAL, ERANGE }, .extack = EXTACK_MSG },
	{ .desc = "set with MODE 7", .build = build_mode_7,
	  .errnos = { EINVAL, ERANGE }, .extack = EXTACK_MSG },
	{ .desc = "set with a LEARN_SIZE in enforce mode", .build = build_learn_size_enforce,
	  .errnos = { EINVAL }, .extack = EXTACK_MSG, .msg_has = "needs learn mode" },
	{ .desc = "set with LEARN_SIZE 0", .build = build_learn_size_0,
	  .errnos = { EINVAL, ERANGE }, .extack = EXTACK_MSG },
	{ .desc = "set with LEARN_SIZE CTRPOLICY_LEARN_SIZE_MAX + 1",
	  .build = build_learn_size_big,
	  .errnos = { EINVAL, ERANGE }, .extack = EXTACK_MSG },
	{ .desc = "learned dump without CGROUP_ID", .build = build_learned_no_cgroup,
	  .errnos = { EINVAL }, .extack = EXTACK_MISSING,
	  .missing = CTRPOLICY_A_CGROUP_ID },
	{ .desc = "learned dump of a policy that does not learn",
	  .build = build_learned_not_learning,
	  /* A dump's error comes in its NLMSG_DONE: a message, no offset. */
	  .errnos = { ENOENT }, .extack = EXTACK_MSG },
	{ .desc = "set with CAPS bit 63", .build = build_caps_63,
	  .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with CAPS bit CAP_LAST_CAP + 1", .build = build_caps_next,
	  .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an unknown top-level attribute (CTRPOLICY_A_MAX + 5)",
	  .build = build_unknown_attr,
	  .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an unknown attribute in the POLICY nest",
	  .build = build_unknown_nested,
	  .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an attribute running past the end of the message",
	  .build = build_truncated, .extack = EXTACK_ANY },
	{ .desc = "set for a cgroup that does not exist",
	  .build = build_no_such_cgroup,
	  .errnos = { ENOENT }, .extack = EXTACK_MSG },
	{ .desc = "del of a cgroup without a policy",
	  .build = build_del_no_policy,
	  .errnos = { ENOENT }, .extack = EXTACK_MSG },
	{ .desc = "oversize set (70 KiB, POLICY nest filled with unknown attributes)",
	  .build = build_oversize, .extack = EXTACK_ANY },
	{ .desc = "set with an address rule with bits set after its prefix",
	  .build = build_net_host_bits, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an IPv4 address rule of prefix 33",
	  .build = build_net_prefix_33, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an address rule without operations",
	  .build = build_net_no_ops, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an address rule for socket creation",
	  .build = build_net_socket_op, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an address rule of an empty port range",
	  .build = build_net_ports_reversed, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an address rule with padding not zero",
	  .build = build_net_pad, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an any-family address rule that has an address",
	  .build = build_net_unspec_addr, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an address rule of family AF_UNIX",
	  .build = build_net_family_unix, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an address rule of protocol OTHER",
	  .build = build_net_proto_other, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an IPv6 address rule of an IPv4-mapped network",
	  .build = build_net_mapped, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with NET_RULES not a multiple of a rule's size",
	  .build = build_net_short, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with a socket rule of family AF_MAX",
	  .build = build_socket_family, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with SOCKET_RULES not a multiple of a rule's size",
	  .build = build_socket_short, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	{ .desc = "set with an events rate of 0",
	  .build = build_events_rate_0, .errnos = { EINVAL }, .extack = EXTACK_MSG,
	  .msg_has = "CTRPOLICY_EVENTS_A_RATE" },
	{ .desc = "set with an events rate of CTRPOLICY_EVENT_RATE_MAX + 1",
	  .build = build_events_rate_big, .errnos = { EINVAL }, .extack = EXTACK_MSG,
	  .msg_has = "CTRPOLICY_EVENTS_A_RATE" },
	{ .desc = "set with an events burst of 0",
	  .build = build_events_burst_0, .errnos = { EINVAL }, .extack = EXTACK_MSG,
	  .msg_has = "CTRPOLICY_EVENTS_A_BURST" },
	{ .desc = "set with the reply-only SUPPRESSED",
	  .build = build_suppressed_in_set, .errnos = { EINVAL },
	  .extack = EXTACK_MSG },
	{ .desc = "set with the reply-only RULE_COUNT",
	  .build = build_net_rule_count, .errnos = { EINVAL }, .extack = EXTACK_MSG },
	/* EOPNOTSUPP where ctrpolicy is built in: it holds no links. */
	{ .desc = "links set with a file that is no BPF link",
	  .build = build_links_not_link, .errnos = { EINVAL, EOPNOTSUPP },
	  .extack = EXTACK_MSG },
	{ .desc = "links set with a file descriptor not open",
	  .build = build_links_bad_fd, .errnos = { EBADF, EOPNOTSUPP },
	  .extack = EXTACK_MSG },
	{ .desc = "links set with LINK_FD as u64",
	  .build = build_links_fd_u64, .errnos = { EINVAL }, .extack = EXTACK_MSG },
};

/* ---- the store ----------------------------------------------------------- */

struct store {
	struct snapshot base;	/* the baseline policy as GET returned it */
	int count;		/* policies a dump lists */
};

static void get_policy(struct nl_ctx *c, uint64_t cgid, struct snapshot *s,
		       struct nl_result *r)
{
	memset(s, 0, sizeof(*s));
	nl_transact(c, build_get(txbuf, c, cgid), snapshot_cb, s, r);
}

/* The number of policies a dump lists, or -1. */
static int dump_policies(struct nl_ctx *c, struct dump_info *d,
			 struct nl_result *r)
{
	struct nlmsghdr *nlh = genl_msg(txbuf, c->family,
					CTRPOLICY_CMD_POLICY_GET, NLM_F_DUMP);

	memset(d, 0, sizeof(*d));
	d->cgid = c->cgid;
	if (nl_transact(c, nlh, dump_cb, d, r) < 0 || r->err)
		return -1;
	return d->count;
}

static bool set_policy(struct nl_ctx *c, const char *name, uint32_t mode,
		       uint64_t caps, struct nl_result *r)
{
	nl_transact(c, build_set(txbuf, c, c->cgid, name, mode, caps), NULL,
		    NULL, r);
	return r->acked && r->err == 0;
}

/*
 * Does the store still hold exactly the baseline?  Notes what differs and
 * puts the baseline back, so that the next case starts from it.
 */
static bool store_unchanged(struct nl_ctx *c, struct store *st)
{
	struct snapshot now;
	struct dump_info d;
	struct nl_result r;
	bool same = true;
	int n;

	get_policy(c, c->cgid, &now, &r);
	if (!r.acked || r.err || !snap_equal(&now, &st->base)) {
		same = false;
		note("the store changed; get now answers:");
		note_result(&r, NULL);
		note_snapshot("get", &now);
		if (!set_policy(c, st->base.name, st->base.mode, st->base.caps,
				&r)) {
			note("restoring the baseline failed:");
			note_result(&r, NULL);
		}
	}
	n = dump_policies(c, &d, &r);
	if (n != st->count) {
		same = false;
		note("a dump lists %d policies, %d before", n, st->count);
		if (n < 0) {
			note_result(&r, NULL);
		} else {
			note("later cases compare with %d", n);
			st->count = n;
		}
	}
	return same;
}

static bool errno_expected(const struct bad_case *bc, int err)
{
	size_t i;

	if (err >= 0)
		return false;
	if (!bc->errnos[0])
		return true;
	for (i = 0; i < ARRAY_SIZE(bc->errnos) && bc->errnos[i]; i++)
		if (-err == bc->errnos[i])
			return true;
	return false;
}

static bool extack_expected(const struct bad_case *bc,
			    const struct nl_result *r)
{
	switch (bc->extack) {
	case EXTACK_MSG:
		return r->msg[0];
	case EXTACK_MISSING:
		if (r->has_miss_type)
			return r->miss_type == bc->missing;
		return r->msg[0];
	default:
		return true;
	}
}

static void case_title(const struct bad_case *bc, char *buf, size_t size)
{
	size_t i;

	snprintf(buf, size, "%s ->", bc->desc);
	if (!bc->errnos[0])
		append(buf, size, " an error");
	for (i = 0; i < ARRAY_SIZE(bc->errnos) && bc->errnos[i]; i++)
		append(buf, size, "%s %s", i ? " or" : "",
		       errname(bc->errnos[i]));
	if (bc->extack == EXTACK_MSG)
		append(buf, size, " with extack");
	else if (bc->extack == EXTACK_MISSING)
		append(buf, size, " naming the missing attribute");
	append(buf, size, ", store unchanged");
}

/* Whether the extack's offset is that of an attribute of @req. */
static bool points_at_attr(const struct nlmsghdr *req, const struct nl_result *r)
{
	char what[96];

	if (!r->has_offs)
		return false;
	describe_offset(req, r->offs, what, sizeof(what));
	return !strncmp(what, "attribute type", 14);
}

static void run_case(struct nl_ctx *c, struct store *st,
		     const struct bad_case *bc)
{
	struct nlmsghdr *nlh;
	struct nl_result r;
	char title[256];
	bool ok = false;

	case_title(bc, title, sizeof(title));
	nlh = bc->build(txbuf, c);
	if (!nlh) {
		report(false, "%s", title);
		return;
	}
	nl_transact(c, nlh, NULL, NULL, &r);
	note_result(&r, nlh);
	if (r.acked) {
		if (r.err == 0)
			note("the kernel accepted the request");
		else if (!errno_expected(bc, r.err))
			note("wrong errno");
		else if (!extack_expected(bc, &r))
			note(bc->extack == EXTACK_MISSING ?
			     "extack names no missing attribute (or the wrong one) and has no message" :
			     "extack has no message");
		else if (bc->msg_has && (!strstr(r.msg, bc->msg_has) ||
					 !points_at_attr(nlh, &r)))
			note("extack does not name %s, or points at no attribute",
			     bc->msg_has);
		else
			ok = true;
	}
	ok &= store_unchanged(c, st);
	report(ok, "%s", title);
}

/* ---- unprivileged requests ----------------------------------------------- */

/*
 * Who may do what: reads (get, dump, the events group) need CAP_NET_ADMIN,
 * changes CAP_MAC_ADMIN, each without the other; a task with neither gets
 * nothing but the status.
 */
enum unpriv_op {
	UNPRIV_SET,		/* the bad policy */
	UNPRIV_SET_BASE,	/* the baseline again: a change that changes nothing */
	UNPRIV_DEL,
	UNPRIV_LINKS_DEL,
	UNPRIV_GET,
	UNPRIV_DUMP,
	UNPRIV_JOIN_EVENTS,
	UNPRIV_STATUS,
};

#define NO_CAP	(-1)

struct unpriv_report {
	char failed[64];	/* the child's step that failed, "" if none */
	int sys_err;
	struct nl_result r;
	struct snapshot snap;
	int dumped;		/* policies a dump listed */
};

/*
 * Become uid/gid 65534 with no capability but @keep (NO_CAP: none at all),
 * in the effective and permitted sets; capget() checks.
 */
static const char *drop_privileges(int keep)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3];
	struct __user_cap_data_struct want[_LINUX_CAPABILITY_U32S_3];

	memset(want, 0, sizeof(want));
	if (keep != NO_CAP) {
		want[keep / 32].effective = 1U << (keep % 32);
		want[keep / 32].permitted = 1U << (keep % 32);
	}
	if (setgroups(0, NULL))
		return "setgroups";
	if (prctl(PR_SET_KEEPCAPS, keep != NO_CAP, 0, 0, 0))
		return "prctl(PR_SET_KEEPCAPS)";
	if (setresgid(UNPRIV_ID, UNPRIV_ID, UNPRIV_ID))
		return "setresgid";
	if (setresuid(UNPRIV_ID, UNPRIV_ID, UNPRIV_ID))
		return "setresuid";
	if (syscall(SYS_capset, &hdr, want))
		return "capset";
	if (syscall(SYS_capget, &hdr, caps))
		return "capget";
	if (memcmp(caps, want, sizeof(caps))) {
		errno = EPERM;
		return "capabilities other than the one kept";
	}
	return NULL;
}

static bool write_full(int fd, const void *buf, size_t len)
{
	const char *p = buf;
	ssize_t n;

	while (len) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		p += n;
		len -= n;
	}
	return true;
}

static size_t read_full(int fd, void *buf, size_t len)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = read(fd, (char *)buf + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += n;
	}
	return done;
}

/* Join the "events" multicast group: what `ctrpolicy monitor` does first. */
static void join_events(const struct nl_ctx *c, struct nl_result *r)
{
	unsigned int group = c->events_group;

	r->acked = true;
	r->err = mnl_socket_setsockopt(c->nl, NETLINK_ADD_MEMBERSHIP, &group,
				       sizeof(group)) ? -errno : 0;
}

static void __attribute__((noreturn))
unpriv_child(const struct nl_ctx *parent, enum unpriv_op op, int keep, int fd)
{
	struct unpriv_report rep;
	struct nl_ctx c = *parent;
	struct dump_info d;
	const char *failed;
	int err;

	memset(&rep, 0, sizeof(rep));
	failed = drop_privileges(keep);
	if (failed) {
		rep.sys_err = errno;
	} else if ((err = nl_open(&c))) {
		failed = "opening a netlink socket";
		rep.sys_err = -err;
	} else if (op == UNPRIV_SET) {
		nl_transact(&c, build_set(txbuf, &c, c.cgid, BAD_NAME, BAD_MODE,
					  BAD_CAPS), NULL, NULL, &rep.r);
	} else if (op == UNPRIV_SET_BASE) {
		nl_transact(&c, build_set(txbuf, &c, c.cgid, BASE_NAME, BASE_MODE,
					  BASE_CAPS), NULL, NULL, &rep.r);
	} else if (op == UNPRIV_DEL) {
		nl_transact(&c, build_del(txbuf, &c, c.cgid), NULL, NULL, &rep.r);
	} else if (op == UNPRIV_LINKS_DEL) {
		nl_transact(&c, genl_msg(txbuf, c.family, CTRPOLICY_CMD_LINKS_DEL,
					 NLM_F_ACK), NULL, NULL, &rep.r);
	} else if (op == UNPRIV_GET) {
		get_policy(&c, c.cgid, &rep.snap, &rep.r);
	} else if (op == UNPRIV_DUMP) {
		rep.dumped = dump_policies(&c, &d, &rep.r);
	} else if (op == UNPRIV_JOIN_EVENTS) {
		join_events(&c, &rep.r);
	} else {
		nl_transact(&c, genl_msg(txbuf, c.family, CTRPOLICY_CMD_STATUS_GET,
					 NLM_F_ACK), NULL, NULL, &rep.r);
	}
	if (failed)
		snprintf(rep.failed, sizeof(rep.failed), "%s", failed);
	_exit(write_full(fd, &rep, sizeof(rep)) ? 0 : 1);
}

/* Run @op in a child that kept capability @keep only; false if it could not. */
static bool run_unprivileged(const struct nl_ctx *c, enum unpriv_op op,
			     int keep, struct unpriv_report *rep)
{
	int fds[2], status = 0;
	size_t n;
	pid_t pid;

	if (pipe(fds)) {
		note("pipe: %s", strerror(errno));
		return false;
	}
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		note("fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return false;
	}
	if (pid == 0) {
		close(fds[0]);
		unpriv_child(c, op, keep, fds[1]);
	}
	close(fds[1]);
	n = read_full(fds[0], rep, sizeof(*rep));
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (n != sizeof(*rep)) {
		note("the unprivileged child sent no report (wait status %#x)",
		     status);
		return false;
	}
	if (rep->failed[0]) {
		note("the unprivileged child failed: %s: %s", rep->failed,
		     strerror(rep->sys_err));
		return false;
	}
	return true;
}

struct unpriv_case {
	enum unpriv_op op;
	int keep;		/* the one capability kept, or NO_CAP */
	int err;		/* the errno expected, 0 for success */
	const char *msg;	/* in the extack message, or NULL */
	const char *title;
};

static const struct unpriv_case unpriv_cases[] = {
	{ UNPRIV_SET, NO_CAP, EPERM, "CAP_MAC_ADMIN", "no capabilities: set" },
	{ UNPRIV_DEL, NO_CAP, EPERM, "CAP_MAC_ADMIN", "no capabilities: del" },
	{ UNPRIV_LINKS_DEL, NO_CAP, EPERM, "CAP_MAC_ADMIN",
	  "no capabilities: links del" },
	{ UNPRIV_GET, NO_CAP, EPERM, NULL, "no capabilities: get" },
	{ UNPRIV_DUMP, NO_CAP, EPERM, NULL, "no capabilities: dump" },
	{ UNPRIV_JOIN_EVENTS, NO_CAP, EPERM, NULL,
	  "no capabilities: join the events group" },
	{ UNPRIV_STATUS, NO_CAP, 0, NULL, "no capabilities: status" },
	{ UNPRIV_SET, CAP_NET_ADMIN, EPERM, "CAP_MAC_ADMIN",
	  "CAP_NET_ADMIN only: set" },
	{ UNPRIV_DEL, CAP_NET_ADMIN, EPERM, "CAP_MAC_ADMIN",
	  "CAP_NET_ADMIN only: del" },
	{ UNPRIV_LINKS_DEL, CAP_NET_ADMIN, EPERM, "CAP_MAC_ADMIN",
	  "CAP_NET_ADMIN only: links del" },
	{ UNPRIV_GET, CAP_NET_ADMIN, 0, NULL, "CAP_NET_ADMIN only: get" },
	{ UNPRIV_DUMP, CAP_NET_ADMIN, 0, NULL, "CAP_NET_ADMIN only: dump" },
	{ UNPRIV_JOIN_EVENTS, CAP_NET_ADMIN, 0, NULL,
	  "CAP_NET_ADMIN only: join the events group" },
	{ UNPRIV_GET, CAP_MAC_ADMIN, EPERM, NULL, "CAP_MAC_ADMIN only: get" },
	{ UNPRIV_DUMP, CAP_MAC_ADMIN, EPERM, NULL, "CAP_MAC_ADMIN only: dump" },
	{ UNPRIV_JOIN_EVENTS, CAP_MAC_ADMIN, EPERM, NULL,
	  "CAP_MAC_ADMIN only: join the events group" },
	{ UNPRIV_SET_BASE, CAP_MAC_ADMIN, 0, NULL,
	  "CAP_MAC_ADMIN only: set (the baseline policy again)" },
};

/*
 * One case: the expected errno (and extack message), what a read returned,
 * and a store as it was (a change allowed here sets what is already there).
 */
static void test_unprivileged(struct nl_ctx *c, struct store *st,
			      const struct unpriv_case *t)
{
	struct unpriv_report rep;
	bool ok = false;

	if (run_unprivileged(c, t->op, t->keep, &rep)) {
		note_result(&rep.r, NULL);
		ok = rep.r.acked && rep.r.err == -t->err;
		if (!ok)
			note("expected %s", t->err ? errname(t->err) : "success");
		if (t->msg && !strstr(rep.r.msg, t->msg)) {
			note("expected an extack message naming %s", t->msg);
			ok = false;
		}
		if (!t->err && t->op == UNPRIV_GET) {
			note_snapshot("get", &rep.snap);
			ok &= snap_equal(&rep.snap, &st->base);
		}
		if (!t->err && t->op == UNPRIV_DUMP && rep.dumped != st->count) {
			note("the dump listed %d policies, not %d", rep.dumped,
			     st->count);
			ok = false;
		}
	}
	ok &= store_unchanged(c, st);
	report(ok, "uid %d, %s -> %s, store unchanged", UNPRIV_ID, t->title,
	       t->err ? errname(t->err) : "0");
}

/* ---- the sequence -------------------------------------------------------- */

struct family_info {
	uint16_t id;
	uint32_t version, maxattr;
	uint32_t events_group;
};

/* The id of the "events" group among CTRL_ATTR_MCAST_GROUPS, or 0. */
static uint32_t events_group_id(const struct nlattr *groups)
{
	const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1];
	struct attr_table t = { tb, CTRL_ATTR_MCAST_GRP_MAX };
	const struct nlattr *grp;

	mnl_attr_for_each_nested(grp, groups) {
		memset(tb, 0, sizeof(tb));
		if (mnl_attr_parse_nested(grp, table_cb, &t) < 0 ||
		    !tb[CTRL_ATTR_MCAST_GRP_NAME] || !tb[CTRL_ATTR_MCAST_GRP_ID] ||
		    mnl_attr_validate(tb[CTRL_ATTR_MCAST_GRP_ID], MNL_TYPE_U32) ||
		    strcmp(mnl_attr_get_str(tb[CTRL_ATTR_MCAST_GRP_NAME]),
			   CTRPOLICY_MCGRP_EVENTS))
			continue;
		return mnl_attr_get_u32(tb[CTRL_ATTR_MCAST_GRP_ID]);
	}
	return 0;
}

static void family_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1] = { NULL };
	struct attr_table t = { tb, CTRL_ATTR_MAX };
	struct family_info *f = data;

	if (mnl_attr_parse(nlh, GENL_HDRLEN, table_cb, &t) < 0)
		return;
	if (tb[CTRL_ATTR_FAMILY_ID] &&
	    mnl_attr_validate(tb[CTRL_ATTR_FAMILY_ID], MNL_TYPE_U16) == 0)
		f->id = mnl_attr_get_u16(tb[CTRL_ATTR_FAMILY_ID]);
	if (tb[CTRL_ATTR_VERSION] &&
	    mnl_attr_validate(tb[CTRL_ATTR_VERSION], MNL_TYPE_U32) == 0)
		f->version = mnl_attr_get_u32(tb[CTRL_ATTR_VERSION]);
	if (tb[CTRL_ATTR_MAXATTR] &&
	    mnl_attr_validate(tb[CTRL_ATTR_MAXATTR], MNL_TYPE_U32) == 0)
		f->maxattr = mnl_attr_get_u32(tb[CTRL_ATTR_MAXATTR]);
	if (tb[CTRL_ATTR_MCAST_GROUPS])
		f->events_group = events_group_id(tb[CTRL_ATTR_MCAST_GROUPS]);
}

static bool test_resolve(struct nl_ctx *c)
{
	struct family_info f = { 0 };
	struct nlmsghdr *nlh;
	struct nl_result r;
	bool ok = false;
	int err;

	err = nl_open(c);
	if (err) {
		note("cannot open a generic netlink socket: %s", strerror(-err));
		goto out;
	}
	c->family = GENL_ID_CTRL;
	nlh = genl_msg(txbuf, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, NLM_F_ACK);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, CTRPOLICY_GENL_NAME);
	nl_transact(c, nlh, family_cb, &f, &r);
	if (r.acked && r.err == -ENOENT) {
		note("the kernel has no generic netlink family \"%s\": is the ctrpolicy module loaded?",
		     CTRPOLICY_GENL_NAME);
	} else if (!r.acked || r.err) {
		note_result(&r, nlh);
	} else if (!f.id) {
		note("the reply carries no CTRL_ATTR_FAMILY_ID");
	} else {
		note("family id %u, version %u, maxattr %u (the header says version %u, CTRPOLICY_A_MAX %u)",
		     f.id, f.version, f.maxattr, CTRPOLICY_GENL_VERSION,
		     CTRPOLICY_A_MAX);
		ok = f.version == CTRPOLICY_GENL_VERSION;
		if (!ok)
			note("this program speaks version %u of the ABI",
			     CTRPOLICY_GENL_VERSION);
		if (!f.events_group) {
			note("the reply names no \"%s\" multicast group",
			     CTRPOLICY_MCGRP_EVENTS);
			ok = false;
		}
	}
	c->family = f.id;
	c->events_group = f.events_group;
out:
	report(ok, "resolve the generic netlink family \"%s\"",
	       CTRPOLICY_GENL_NAME);
	return ok;
}

static bool test_cgroup_dir(struct nl_ctx *c, const char *dir)
{
	char child[4096];
	struct statfs sfs;
	struct stat stb;
	bool ok = false;

	if (stat(dir, &stb) || statfs(dir, &sfs))
		note("%s: %s", dir, strerror(errno));
	else if (!S_ISDIR(stb.st_mode) || sfs.f_type != CGROUP2_SUPER_MAGIC)
		note("%s is not a directory in a cgroup2 file system", dir);
	else
		ok = true;
	if (ok) {
		c->cgid = stb.st_ino;
		note("cgroup id %" PRIu64, c->cgid);
		snprintf(child, sizeof(child), "%s/" CHILD_CGROUP, dir);
		if ((mkdir(child, 0755) && errno != EEXIST) || stat(child, &stb))
			note("%s: %s", child, strerror(errno));
		else
			c->nopolicy_cgid = stb.st_ino;
	}
	report(ok, "%s is a cgroup v2 directory", dir);
	return ok;
}

static bool test_baseline(struct nl_ctx *c, struct store *st, int *before)
{
	struct snapshot want, got;
	struct dump_info d;
	struct nl_result r;
	bool ok;
	int n;

	get_policy(c, c->cgid, &got, &r);
	note_result(&r, NULL);
	report(r.acked && r.err == -ENOENT,
	       "get of a cgroup without a policy -> ENOENT");

	*before = dump_policies(c, &d, &r);
	if (*before < 0)
		note_result(&r, NULL);

	ok = set_policy(c, BASE_NAME, BASE_MODE, BASE_CAPS, &r);
	note_result(&r, NULL);
	report(ok, "set the baseline policy -> 0");
	if (!ok)
		return false;

	snap_make(&want, c->cgid, BASE_NAME, BASE_MODE, BASE_CAPS);
	get_policy(c, c->cgid, &got, &r);
	note_result(&r, NULL);
	note_snapshot("get", &got);
	ok = r.acked && r.err == 0 && r.replies == 1 && snap_equal(&got, &want);
	if (!ok)
		note_snapshot("expected", &want);
	report(ok, "get returns the baseline policy");
	if (!ok)
		return false;
	st->base = got;

	n = dump_policies(c, &d, &r);
	if (n < 0)
		note_result(&r, NULL);
	note("a dump lists %d policies, %d before the set; ours %s", n,
	     *before, d.seen ? "among them" : "missing");
	report(*before >= 0 && n == *before + 1 && d.seen,
	       "dump lists the baseline policy, one more than before");
	if (n < 0)
		return false;
	st->count = n;
	return true;
}

/* SET on a cgroup that has a policy replaces it. */
static void test_replace(struct nl_ctx *c, struct store *st, const char *label,
			 const char *what, const char *name, uint32_t mode,
			 uint64_t caps)
{
	struct nl_result r, dr;
	struct snapshot want, got;
	struct dump_info d;
	bool ok;
	int n;

	ok = set_policy(c, name, mode, caps, &r);
	note_result(&r, NULL);
	report(ok, "set %s -> 0", what);

	snap_make(&want, c->cgid, name, mode, caps);
	get_policy(c, c->cgid, &got, &r);
	note_result(&r, NULL);
	note_snapshot("get", &got);
	ok = r.acked && r.err == 0 && snap_equal(&got, &want);
	if (!ok)
		note_snapshot("expected", &want);
	n = dump_policies(c, &d, &dr);
	if (n < 0)
		note_result(&dr, NULL);
	note("a dump lists %d policies, %d before", n, st->count);
	report(ok && n == st->count,
	       "get returns the %s policy, dump count unchanged", label);
}

static void test_valid_sets(struct nl_ctx *c, struct store *st)
{
	char longest[CTRPOLICY_NAME_MAX];

	test_replace(c, st, "replaced",
		     "replacing the policy (name \"replaced\", CAPS 0)",
		     "replaced", CTRPOLICY_MODE_ENFORCE, 0);

	memset(longest, 'l', sizeof(longest) - 1);
	longest[sizeof(longest) - 1] = '\0';
	test_replace(c, st, "longest-name",
		     "with the longest NAME (63 characters), MODE AUDIT and every capability",
		     longest, CTRPOLICY_MODE_AUDIT, ALL_CAPS);

	test_replace(c, st, "baseline", "restoring the baseline policy",
		     BASE_NAME, BASE_MODE, BASE_CAPS);
}

static void test_delete(struct nl_ctx *c, int before)
{
	struct nlmsghdr *nlh;
	struct snapshot got;
	struct dump_info d;
	struct nl_result r;
	int n;

	nlh = build_del(txbuf, c, c->cgid);
	nl_transact(c, nlh, NULL, NULL, &r);
	note_result(&r, nlh);
	report(r.acked && r.err == 0, "del the baseline policy -> 0");

	get_policy(c, c->cgid, &got, &r);
	note_result(&r, NULL);
	report(r.acked && r.err == -ENOENT, "get after del -> ENOENT");

	n = dump_policies(c, &d, &r);
	if (n < 0)
		note_result(&r, NULL);
	note("a dump lists %d policies, %d before the baseline", n, before);
	report(n == before && !d.seen, "dump count back to where it started");
}

static void cleanup(struct nl_ctx *c, const char *dir)
{
	char child[4096];
	struct nl_result r;

	if (c->nopolicy_cgid) {
		snprintf(child, sizeof(child), "%s/" CHILD_CGROUP, dir);
		if (rmdir(child))
			printf("# nl_raw: cannot remove %s: %s\n", child,
			       strerror(errno));
	}
	if (c->nl) {
		/* Normally answered ENOENT: test_delete() removed it. */
		if (c->family && c->cgid)
			nl_transact(c, build_del(txbuf, c, c->cgid), NULL,
				    NULL, &r);
		mnl_socket_close(c->nl);
	}
}

/*
 * With no enforcement attached, a valid SET is refused -ENOLINK, saying
 * so, and loads nothing: no policy is ever in force unenforced.
 */
static void test_unattached(struct nl_ctx *c)
{
	struct snapshot got;
	struct nl_result r;

	set_policy(c, BASE_NAME, BASE_MODE, BASE_CAPS, &r);
	note_result(&r, NULL);
	report(r.acked && r.err == -ENOLINK && strstr(r.msg, "not attached"),
	       "set with no enforcement attached -> ENOLINK, \"not attached\"");
	get_policy(c, c->cgid, &got, &r);
	note_result(&r, NULL);
	report(r.acked && r.err == -ENOENT, "  and no policy is loaded (get -> ENOENT)");
}

/*
 * Enforcement attached: a LINKS_SET that asks to be the first (as a load
 * that found nothing attached does) is refused -EEXIST, saying so, and
 * takes nothing away: the links held stay, whatever it carried (here
 * none, which without the flag would leave nothing attached).
 */
static void test_links_first(struct nl_ctx *c)
{
	struct nlmsghdr *nlh = genl_msg(txbuf, c->family,
					CTRPOLICY_CMD_LINKS_SET, NLM_F_ACK);
	struct nl_result r;

	char lsms[512] = "";
	FILE *f;

	/* Built in, ctrpolicy holds no links: it has hooks of its own. */
	f = fopen("/sys/kernel/security/lsm", "r");
	if (f) {
		if (!fgets(lsms, sizeof(lsms), f))
			lsms[0] = 0;
		fclose(f);
	}
	mnl_attr_put(nlh, CTRPOLICY_A_LINKS_FIRST, 0, NULL);
	nl_transact(c, nlh, NULL, NULL, &r);
	note_result(&r, nlh);
	if (strstr(lsms, "ctrpolicy"))
		report(r.acked && r.err == -EOPNOTSUPP,
		       "links set, ctrpolicy built in -> EOPNOTSUPP");
	else
		report(r.acked && r.err == -EEXIST && strstr(r.msg, "attached already"),
		       "links set 'first' while links are held -> EEXIST, \"attached already\"");
}

int main(int argc, char **argv)
{
	bool unattached = argc == 3 && !strcmp(argv[1], "--unattached");
	const char *dir = argv[argc - 1];
	struct nl_ctx c = { 0 };
	struct store st;
	int before = -1;
	size_t i;

	if (argc != 2 && !unattached) {
		fprintf(stderr, "usage: nl_raw [--unattached] CGROUP_DIR\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	memset(&st, 0, sizeof(st));

	if (!test_resolve(&c) || !test_cgroup_dir(&c, dir))
		goto out;
	if (unattached) {
		test_unattached(&c);
		goto out;
	}
	if (!test_baseline(&c, &st, &before)) {
		printf("# nl_raw: no baseline policy, the remaining cases are skipped\n");
		goto out;
	}
	for (i = 0; i < ARRAY_SIZE(bad_cases); i++)
		run_case(&c, &st, &bad_cases[i]);
	for (i = 0; i < ARRAY_SIZE(unpriv_cases); i++)
		test_unprivileged(&c, &st, &unpriv_cases[i]);
	test_valid_sets(&c, &st);
	test_delete(&c, before);
	test_links_first(&c);
out:
	cleanup(&c, dir);
	flush_notes();
	return failures ? 1 : 0;
}
