// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - KUnit tests of a chain's fold: what it remembers of the
 * requests every policy allowed, and nothing more.
 *
 * Included at the end of decide.c (see common.h).
 */

#include <kunit/test.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/net.h>
#include <linux/socket.h>

static const struct ctrpolicy_net_request connect_req = {
	.addr = IN6ADDR_LOOPBACK_INIT,
	.op = CTRPOLICY_NET_OP_CONNECT,
	.family = AF_INET6,
	.proto = CTRPOLICY_NET_PROTO_TCP,
	.port = 443,
};

static struct ctrpolicy_request net_request(const struct ctrpolicy_net_request *net)
{
	return (struct ctrpolicy_request){
		.area = CTRPOLICY_AREA_NETWORK,
		.fold = CTRPOLICY_FOLD_NETWORK,
		.net = net,
	};
}

static void fold_empty_allows_nothing(struct kunit *test)
{
	struct ctrpolicy_fold fold = {};
	struct ctrpolicy_request cap = {
		.area = CTRPOLICY_AREA_CAPABILITY,
		.fold = CTRPOLICY_FOLD_CAPABILITY,
		.capability = CAP_CHOWN,
	};
	struct ctrpolicy_request net = net_request(&connect_req);

	KUNIT_EXPECT_FALSE(test, fold_allows(&fold, &cap));
	KUNIT_EXPECT_FALSE(test, fold_allows(&fold, &net));
}

static void fold_capability_only_that_one(struct kunit *test)
{
	struct ctrpolicy_fold fold = {};
	struct ctrpolicy_request cap = {
		.area = CTRPOLICY_AREA_CAPABILITY,
		.fold = CTRPOLICY_FOLD_CAPABILITY,
		.capability = CAP_NET_BIND_SERVICE,
	};
	struct ctrpolicy_request other = cap;

	fold_in(&fold, &cap);
	KUNIT_EXPECT_TRUE(test, fold_allows(&fold, &cap));
	other.capability = CAP_NET_ADMIN;
	KUNIT_EXPECT_FALSE(test, fold_allows(&fold, &other));
	/* A capability beyond the kernel's is never remembered. */
	other.capability = CAP_LAST_CAP + 1;
	fold_in(&fold, &other);
	KUNIT_EXPECT_FALSE(test, fold_allows(&fold, &other));
}

/* A request that does not say how it folds is never folded. */
static void fold_none_never(struct kunit *test)
{
	struct ctrpolicy_fold fold = {};
	struct ctrpolicy_request net = net_request(&connect_req);
	struct ctrpolicy_request unread = net;

	unread.fold = CTRPOLICY_FOLD_NONE;
	fold_in(&fold, &unread);
	KUNIT_EXPECT_EQ(test, fold.n_net, 0);
	fold_in(&fold, &net);
	KUNIT_EXPECT_TRUE(test, fold_allows(&fold, &net));
	KUNIT_EXPECT_FALSE(test, fold_allows(&fold, &unread));
}

/* Each field the network rules read tells two requests apart. */
static void fold_network_every_field(struct kunit *test)
{
	struct ctrpolicy_request net = net_request(&connect_req), req;
	struct ctrpolicy_net_request others[5], same = connect_req;
	struct ctrpolicy_fold fold = {};
	unsigned int i;

	fold_in(&fold, &net);
	for (i = 0; i < ARRAY_SIZE(others); i++)
		others[i] = connect_req;
	others[0].addr.s6_addr[15] = 2;
	others[1].op = CTRPOLICY_NET_OP_BIND;
	others[2].family = AF_INET;
	others[3].proto = CTRPOLICY_NET_PROTO_UDP;
	others[4].port = 444;
	for (i = 0; i < ARRAY_SIZE(others); i++) {
		req = net_request(&others[i]);
		KUNIT_EXPECT_FALSE_MSG(test, fold_allows(&fold, &req), "field %u", i);
	}
	/* What the rules do not read does not tell them apart. */
	same.sock_type = SOCK_STREAM;
	same.protocol = IPPROTO_TCP;
	req = net_request(&same);
	KUNIT_EXPECT_TRUE(test, fold_allows(&fold, &req));
}

/* The oldest of the remembered network requests makes room. */
static void fold_network_oldest_replaced(struct kunit *test)
{
	struct ctrpolicy_net_request nets[CTRPOLICY_FOLD_NET + 1];
	struct ctrpolicy_fold fold = {};
	struct ctrpolicy_request req;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(nets); i++) {
		nets[i] = connect_req;
		nets[i].port = 1000 + i;
		req = net_request(&nets[i]);
		fold_in(&fold, &req);
	}
	KUNIT_EXPECT_EQ(test, fold.n_net, CTRPOLICY_FOLD_NET);
	req = net_request(&nets[0]);
	KUNIT_EXPECT_FALSE(test, fold_allows(&fold, &req));
	for (i = 1; i < ARRAY_SIZE(nets); i++) {
		req = net_request(&nets[i]);
		KUNIT_EXPECT_TRUE(test, fold_allows(&fold, &req));
	}
}

static struct kunit_case fold_cases[] = {
	KUNIT_CASE(fold_empty_allows_nothing),
	KUNIT_CASE(fold_capability_only_that_one),
	KUNIT_CASE(fold_none_never),
	KUNIT_CASE(fold_network_every_field),
	KUNIT_CASE(fold_network_oldest_replaced),
	{}
};

static struct kunit_suite fold_suite = {
	.name = "ctrpolicy_fold",
	.test_cases = fold_cases,
};

kunit_test_suite(fold_suite);
