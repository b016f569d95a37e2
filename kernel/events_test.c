// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - KUnit tests of the events' rate limit (GCRA), at chosen
 * moments rather than the clock's.
 *
 * Included at the end of events.c (see common.h).
 */

#include <kunit/test.h>

#define MS	NSEC_PER_MSEC

/* How many of @n events at @now the limit lets through. */
static unsigned int passed(struct ctrpolicy_event_limit *limit, u32 rate,
			   u32 burst, u64 now, unsigned int n)
{
	unsigned int i, pass = 0;

	for (i = 0; i < n; i++)
		pass += limit_pass_at(limit, rate, burst, now);
	return pass;
}

static void limit_burst_then_rate(struct kunit *test)
{
	struct ctrpolicy_event_limit limit = {};
	u64 t = 1000 * NSEC_PER_SEC;

	/* A full bucket: the burst at once, then nothing. */
	KUNIT_EXPECT_EQ(test, passed(&limit, 10, 5, t, 20), 5);
	/* One interval (100 ms) later, one token. */
	KUNIT_EXPECT_EQ(test, passed(&limit, 10, 5, t + 100 * MS, 20), 1);
	KUNIT_EXPECT_EQ(test, passed(&limit, 10, 5, t + 150 * MS, 20), 0);
	/* A second of silence refills the bucket, never beyond the burst. */
	KUNIT_EXPECT_EQ(test, passed(&limit, 10, 5, t + 10000 * MS, 20), 5);
}

static void limit_steady_rate(struct kunit *test)
{
	struct ctrpolicy_event_limit limit = {};
	u64 t = 1000 * NSEC_PER_SEC;
	unsigned int ms, pass = 0;

	/* A flood, 10 attempts every ms for 10 s: burst + rate * 10 s. */
	for (ms = 0; ms < 10000; ms++)
		pass += passed(&limit, 100, 20, t + ms * MS, 10);
	KUNIT_EXPECT_GE(test, pass, 20 + 999);
	KUNIT_EXPECT_LE(test, pass, 20 + 1000);
}

static void limit_replaced_by_faster(struct kunit *test)
{
	struct ctrpolicy_event_limit limit = {};
	u64 t = 1000 * NSEC_PER_SEC;

	/* A slow limit with a deep bucket, emptied: tat is 100 s ahead. */
	KUNIT_EXPECT_EQ(test, passed(&limit, 1, 100, t, 200), 100);
	/*
	 * A faster limit does not wait out the old backlog: it starts with
	 * an empty bucket, the next event one of its intervals (1 ms) away.
	 */
	KUNIT_EXPECT_EQ(test, passed(&limit, 1000, 1, t + 2 * MS, 1), 0);
	KUNIT_EXPECT_EQ(test, passed(&limit, 1000, 1, t + 4 * MS, 5), 1);
}

static struct kunit_case events_cases[] = {
	KUNIT_CASE(limit_burst_then_rate),
	KUNIT_CASE(limit_steady_rate),
	KUNIT_CASE(limit_replaced_by_faster),
	{}
};

static struct kunit_suite events_suite = {
	.name = "ctrpolicy_events",
	.test_cases = events_cases,
};

kunit_test_suite(events_suite);
