// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - KUnit tests of the learned set: records, deduplication, the
 * bound and the overflow count.  Included by learn.c.
 */

#include <kunit/test.h>
#include <net/ipv6.h>

static void cap_key(struct ctrpolicy_learned *key, u32 cap)
{
	struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_CAPABILITY,
		.capability = cap,
	};

	ctrpolicy_learn_key(key, &request);
}

static u32 count_recorded(const struct ctrpolicy_learn_set *set)
{
	u32 i, n = 0;

	for (i = 0; i < ctrpolicy_learn_slots(set); i++)
		n += !!ctrpolicy_learn_get(set, i);
	return n;
}

static void learn_dedup(struct kunit *test)
{
	struct ctrpolicy_learn_set *set = ctrpolicy_learn_alloc(8);
	struct ctrpolicy_learned key;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, set);
	KUNIT_EXPECT_EQ(test, ctrpolicy_learn_slots(set), 16U);
	for (i = 0; i < 5; i++) {
		cap_key(&key, 21);
		KUNIT_EXPECT_TRUE(test, ctrpolicy_learn_record(set, &key));
		cap_key(&key, 0);
		KUNIT_EXPECT_TRUE(test, ctrpolicy_learn_record(set, &key));
	}
	KUNIT_EXPECT_EQ(test, count_recorded(set), 2U);
	KUNIT_EXPECT_EQ(test, atomic64_read(&set->overflow), 0LL);
	kvfree(set);
}

static void learn_bound_and_overflow(struct kunit *test)
{
	struct ctrpolicy_learn_set *set = ctrpolicy_learn_alloc(4);
	struct ctrpolicy_learned key;
	u32 cap, recorded = 0;

	KUNIT_ASSERT_NOT_NULL(test, set);
	for (cap = 0; cap < 10; cap++) {
		cap_key(&key, cap);
		recorded += ctrpolicy_learn_record(set, &key);
	}
	KUNIT_EXPECT_EQ(test, recorded, 4U);
	KUNIT_EXPECT_EQ(test, count_recorded(set), 4U);
	KUNIT_EXPECT_EQ(test, atomic64_read(&set->overflow), 6LL);
	/* A request already recorded is found in a full set. */
	for (cap = 0; cap < 10; cap++) {
		cap_key(&key, cap);
		if (ctrpolicy_learn_record(set, &key))
			recorded--;
	}
	KUNIT_EXPECT_EQ(test, recorded, 0U);
	KUNIT_EXPECT_EQ(test, atomic64_read(&set->overflow), 12LL);
	kvfree(set);
}

static void learn_keys(struct kunit *test)
{
	struct ctrpolicy_mount_request mount = {
		.op = CTRPOLICY_MOUNT_OP_MOUNT, .fstype = "tmpfs",
		.source = "tmpfs", .target = "/mnt", .flags = CTRPOLICY_MOUNT_F_NOSUID,
	};
	struct ctrpolicy_net_request net = {
		.op = CTRPOLICY_NET_OP_CONNECT, .family = AF_INET,
		.proto = CTRPOLICY_NET_PROTO_TCP, .port = 80,
		.sock_type = SOCK_STREAM, .protocol = 6,
	};
	struct ctrpolicy_request request = {
		.area = CTRPOLICY_AREA_MOUNT, .mount = &mount,
	};
	struct ctrpolicy_learned key;
	char *long_path;

	ctrpolicy_learn_key(&key, &request);
	KUNIT_EXPECT_STREQ(test, key.fstype, "tmpfs");
	KUNIT_EXPECT_STREQ(test, key.target, "/mnt");
	KUNIT_EXPECT_EQ(test, key.mount_flags, CTRPOLICY_MOUNT_F_NOSUID);
	KUNIT_EXPECT_EQ(test, key.truncated, 0);

	long_path = kunit_kzalloc(test, CTRPOLICY_LEARN_PATH_MAX + 10, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, long_path);
	memset(long_path, 'a', CTRPOLICY_LEARN_PATH_MAX + 9);
	long_path[0] = '/';
	mount.target = long_path;
	mount.source = NULL;
	ctrpolicy_learn_key(&key, &request);
	KUNIT_EXPECT_EQ(test, key.truncated, CTRPOLICY_LEARNED_T_TARGET);
	KUNIT_EXPECT_STREQ(test, key.source, "");

	/* An address request keeps its address and port, not its socket. */
	request.area = CTRPOLICY_AREA_NETWORK;
	request.net = &net;
	ipv6_addr_set_v4mapped(htonl(0x0a000001), &net.addr);
	ctrpolicy_learn_key(&key, &request);
	KUNIT_EXPECT_EQ(test, key.port, 80);
	KUNIT_EXPECT_EQ(test, key.sock_type, 0);
	KUNIT_EXPECT_EQ(test, key.addr[15], 1);
	/* A socket request keeps its socket, not an address. */
	net.op = CTRPOLICY_NET_OP_SOCKET;
	ctrpolicy_learn_key(&key, &request);
	KUNIT_EXPECT_EQ(test, key.port, 0);
	KUNIT_EXPECT_EQ(test, key.sock_type, SOCK_STREAM);
	KUNIT_EXPECT_EQ(test, key.addr[15], 0);
}

static struct kunit_case learn_cases[] = {
	KUNIT_CASE(learn_dedup),
	KUNIT_CASE(learn_bound_and_overflow),
	KUNIT_CASE(learn_keys),
	{}
};

static struct kunit_suite learn_suite = {
	.name = "ctrpolicy_learn",
	.test_cases = learn_cases,
};

kunit_test_suite(learn_suite);
