// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - KUnit tests of mount rule matching: paths, "DIR/" + "*",
 * required and forbidden flags, the parts of a request that a hook defers
 * to another or does not know, first match and default.
 *
 * Included at the end of mount_rules.c (see common.h).
 */

#include <kunit/test.h>

#define ALLOW		CTRPOLICY_ACTION_ALLOW
#define DENY		CTRPOLICY_ACTION_DENY
#define OP_MOUNT	CTRPOLICY_MOUNT_OP_MOUNT
#define OP_BIND		CTRPOLICY_MOUNT_OP_BIND
#define OP_REMOUNT	CTRPOLICY_MOUNT_OP_REMOUNT
#define OP_UMOUNT	CTRPOLICY_MOUNT_OP_UMOUNT
#define OP_PROPAGATION	CTRPOLICY_MOUNT_OP_PROPAGATION
#define F_RDONLY	CTRPOLICY_MOUNT_F_RDONLY
#define F_NOSUID	CTRPOLICY_MOUNT_F_NOSUID
#define F_NODEV		CTRPOLICY_MOUNT_F_NODEV
#define F_NOEXEC	CTRPOLICY_MOUNT_F_NOEXEC
#define F_PRIVATE	CTRPOLICY_MOUNT_F_PRIVATE
#define F_SHARED	CTRPOLICY_MOUNT_F_SHARED
#define FSTYPE		CTRPOLICY_MOUNT_FIELD_FSTYPE
#define SOURCE		CTRPOLICY_MOUNT_FIELD_SOURCE
#define TARGET		CTRPOLICY_MOUNT_FIELD_TARGET
#define FLAGS		CTRPOLICY_MOUNT_FIELD_FLAGS

/* A rule as ctrpolicy_policy_parse() fills it: the lengths of its paths. */
static struct ctrpolicy_mount_rule mount_rule(u32 action, u32 op, const char *fstype,
					      const char *source, const char *target,
					      u32 require, u32 forbid)
{
	return (struct ctrpolicy_mount_rule) {
		.action = action,
		.op = op,
		.fstype = fstype,
		.source = source,
		.target = target,
		.source_len = source ? strlen(source) : 0,
		.target_len = target ? strlen(target) : 0,
		.require = require,
		.forbid = forbid,
	};
}

/* The verdict of @rules (then @default_action) on @req. */
static u32 verdict(const struct ctrpolicy_mount_rule *rules, u32 n,
		   u32 default_action, const struct ctrpolicy_mount_request *req)
{
	const struct ctrpolicy_mount_rules mount = {
		.default_action = default_action,
		.n_rules = n,
		.rules = (struct ctrpolicy_mount_rule *)rules,
	};

	return ctrpolicy_mount_action(&mount, req);
}

/* Whether the one rule @rule matches @req: its action, not the default. */
static bool matches(const struct ctrpolicy_mount_rule *rule,
		    const struct ctrpolicy_mount_request *req)
{
	u32 other = rule->action == ALLOW ? DENY : ALLOW;

	return verdict(rule, 1, other, req) == rule->action;
}

/* A request with everything known. */
static struct ctrpolicy_mount_request mount_req(u32 op, const char *fstype,
						const char *source,
						const char *target, u32 flags)
{
	return (struct ctrpolicy_mount_request) {
		.op = op,
		.fstype = fstype,
		.source = source,
		.target = target,
		.flags = flags,
	};
}

static bool target_matches(const char *pattern, const char *target)
{
	struct ctrpolicy_mount_rule rule =
		mount_rule(ALLOW, OP_UMOUNT, NULL, NULL, pattern, 0, 0);
	struct ctrpolicy_mount_request req =
		mount_req(OP_UMOUNT, "tmpfs", "none", target, 0);

	return matches(&rule, &req);
}

static void exact_path(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, target_matches("/data", "/data"));
	KUNIT_EXPECT_FALSE(test, target_matches("/data", "/data/x"));
	KUNIT_EXPECT_FALSE(test, target_matches("/data", "/data/"));
	KUNIT_EXPECT_FALSE(test, target_matches("/data", "/dat"));
	KUNIT_EXPECT_FALSE(test, target_matches("/data", "/data2"));
	KUNIT_EXPECT_FALSE(test, target_matches("/data", "/"));
	KUNIT_EXPECT_FALSE(test, target_matches("/data", ""));
	/* A star anywhere but after a final slash is a character. */
	KUNIT_EXPECT_TRUE(test, target_matches("/data*", "/data*"));
	KUNIT_EXPECT_FALSE(test, target_matches("/data*", "/data1"));
	KUNIT_EXPECT_FALSE(test, target_matches("/a/*/b", "/a/x/b"));
}

static void dir_star(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, target_matches("/mnt/*", "/mnt/a"));
	KUNIT_EXPECT_TRUE(test, target_matches("/mnt/*", "/mnt/a/b/c"));
	KUNIT_EXPECT_TRUE(test, target_matches("/mnt/*", "/mnt/*"));
	/* Below the directory, not the directory itself. */
	KUNIT_EXPECT_FALSE(test, target_matches("/mnt/*", "/mnt"));
	KUNIT_EXPECT_FALSE(test, target_matches("/mnt/*", "/mnt/"));
	KUNIT_EXPECT_FALSE(test, target_matches("/mnt/*", "/mntx/a"));
	KUNIT_EXPECT_FALSE(test, target_matches("/mnt/*", "/mn"));
	KUNIT_EXPECT_FALSE(test, target_matches("/mnt/*", "/"));
	KUNIT_EXPECT_TRUE(test, target_matches("/a/b/*", "/a/b/c"));
	KUNIT_EXPECT_FALSE(test, target_matches("/a/b/*", "/a/bc/d"));
	KUNIT_EXPECT_FALSE(test, target_matches("/a/b/*", "/a/c/d"));
}

static void root_star(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, target_matches("/*", "/"));
	KUNIT_EXPECT_TRUE(test, target_matches("/*", "/a"));
	KUNIT_EXPECT_TRUE(test, target_matches("/*", "/a/b/c"));
	KUNIT_EXPECT_TRUE(test, target_matches("/*", ""));
	/* "/" alone is the root and nothing else. */
	KUNIT_EXPECT_TRUE(test, target_matches("/", "/"));
	KUNIT_EXPECT_FALSE(test, target_matches("/", "/a"));
}

static void source_and_fstype(struct kunit *test)
{
	struct ctrpolicy_mount_rule bind =
		mount_rule(ALLOW, OP_BIND, NULL, "/srv/*", "/data", 0, 0);
	struct ctrpolicy_mount_rule tmpfs =
		mount_rule(ALLOW, OP_MOUNT, "tmpfs", NULL, "/tmp", 0, 0);
	struct ctrpolicy_mount_request req;

	req = mount_req(OP_BIND, "ext4", "/srv/www", "/data", 0);
	KUNIT_EXPECT_TRUE(test, matches(&bind, &req));
	req.source = "/srv";
	KUNIT_EXPECT_FALSE(test, matches(&bind, &req));
	req.source = "/etc/shadow";
	KUNIT_EXPECT_FALSE(test, matches(&bind, &req));
	req = mount_req(OP_BIND, "ext4", "/srv/www", "/data/x", 0);
	KUNIT_EXPECT_FALSE(test, matches(&bind, &req));

	req = mount_req(OP_MOUNT, "tmpfs", "none", "/tmp", 0);
	KUNIT_EXPECT_TRUE(test, matches(&tmpfs, &req));
	req.fstype = "tmpfs2";
	KUNIT_EXPECT_FALSE(test, matches(&tmpfs, &req));
	req.fstype = "tmp";
	KUNIT_EXPECT_FALSE(test, matches(&tmpfs, &req));
	req.fstype = "";
	KUNIT_EXPECT_FALSE(test, matches(&tmpfs, &req));
}

static void operation_must_match(struct kunit *test)
{
	struct ctrpolicy_mount_rule rule =
		mount_rule(ALLOW, OP_BIND, NULL, NULL, NULL, 0, 0);
	struct ctrpolicy_mount_request req = mount_req(OP_BIND, "", "/a", "/b", 0);
	u32 op;

	KUNIT_EXPECT_TRUE(test, matches(&rule, &req));
	for (op = CTRPOLICY_MOUNT_OP_MOUNT; op <= CTRPOLICY_MOUNT_OP_MAX; op++) {
		if (op == OP_BIND)
			continue;
		req.op = op;
		KUNIT_EXPECT_FALSE_MSG(test, matches(&rule, &req), "operation %u", op);
	}
}

static void require_flags(struct kunit *test)
{
	struct ctrpolicy_mount_rule rule = mount_rule(ALLOW, OP_MOUNT, "tmpfs", NULL,
						      "/tmp", F_NOSUID | F_NODEV, 0);
	struct ctrpolicy_mount_request req =
		mount_req(OP_MOUNT, "tmpfs", "none", "/tmp", F_NOSUID | F_NODEV);

	KUNIT_EXPECT_TRUE(test, matches(&rule, &req));
	req.flags = F_NOSUID | F_NODEV | F_NOEXEC | F_RDONLY;
	KUNIT_EXPECT_TRUE(test, matches(&rule, &req));
	req.flags = F_NOSUID;
	KUNIT_EXPECT_FALSE(test, matches(&rule, &req));
	req.flags = F_NODEV;
	KUNIT_EXPECT_FALSE(test, matches(&rule, &req));
	req.flags = 0;
	KUNIT_EXPECT_FALSE(test, matches(&rule, &req));
}

static void forbid_flags(struct kunit *test)
{
	struct ctrpolicy_mount_rule rule = mount_rule(ALLOW, OP_PROPAGATION, NULL, NULL,
						      NULL, F_PRIVATE, F_SHARED);
	struct ctrpolicy_mount_request req =
		mount_req(OP_PROPAGATION, "", "", "/", F_PRIVATE);

	KUNIT_EXPECT_TRUE(test, matches(&rule, &req));
	req.flags = F_PRIVATE | F_SHARED;
	KUNIT_EXPECT_FALSE(test, matches(&rule, &req));
	req.flags = F_SHARED;
	KUNIT_EXPECT_FALSE(test, matches(&rule, &req));

	rule = mount_rule(DENY, OP_REMOUNT, NULL, NULL, "/data", 0, F_RDONLY);
	req = mount_req(OP_REMOUNT, "ext4", "", "/data", F_NOSUID);
	KUNIT_EXPECT_TRUE(test, matches(&rule, &req));
	req.flags = F_RDONLY | F_NOSUID;
	KUNIT_EXPECT_FALSE(test, matches(&rule, &req));
}

static void first_match_wins(struct kunit *test)
{
	const struct ctrpolicy_mount_rule rules[] = {
		mount_rule(DENY, OP_MOUNT, NULL, NULL, "/proc/*", 0, 0),
		mount_rule(ALLOW, OP_MOUNT, "proc", NULL, "/*", 0, 0),
		mount_rule(ALLOW, OP_MOUNT, NULL, NULL, "/proc/sys", 0, 0),
		mount_rule(DENY, OP_MOUNT, NULL, NULL, "/*", 0, 0),
	};
	struct ctrpolicy_mount_request req;

	req = mount_req(OP_MOUNT, "proc", "proc", "/proc/sys", 0);
	KUNIT_EXPECT_EQ(test, verdict(rules, ARRAY_SIZE(rules), ALLOW, &req), DENY);
	req = mount_req(OP_MOUNT, "proc", "proc", "/proc", 0);
	KUNIT_EXPECT_EQ(test, verdict(rules, ARRAY_SIZE(rules), DENY, &req), ALLOW);
	req = mount_req(OP_MOUNT, "sysfs", "sysfs", "/sys", 0);
	KUNIT_EXPECT_EQ(test, verdict(rules, ARRAY_SIZE(rules), ALLOW, &req), DENY);
	/* Without the first two rules, the allow of /proc/sys comes first. */
	req = mount_req(OP_MOUNT, "sysfs", "sysfs", "/proc/sys", 0);
	KUNIT_EXPECT_EQ(test, verdict(rules + 2, 2, DENY, &req), ALLOW);
}

static void default_action(struct kunit *test)
{
	const struct ctrpolicy_mount_rule rule =
		mount_rule(ALLOW, OP_MOUNT, "tmpfs", NULL, NULL, 0, 0);
	struct ctrpolicy_mount_request req = mount_req(OP_MOUNT, "ext4", "/dev/sda", "/", 0);

	KUNIT_EXPECT_EQ(test, verdict(NULL, 0, DENY, &req), DENY);
	KUNIT_EXPECT_EQ(test, verdict(NULL, 0, ALLOW, &req), ALLOW);
	KUNIT_EXPECT_EQ(test, verdict(&rule, 1, DENY, &req), DENY);
	KUNIT_EXPECT_EQ(test, verdict(&rule, 1, ALLOW, &req), ALLOW);
}

/*
 * A clause on a deferred part (another hook of the operation checks it):
 * an allow rule matches, so that this hook does not deny what the other
 * will allow; a deny rule waits for the hook that knows.
 */
static void deferred_parts(struct kunit *test)
{
	static const u32 fields[] = { FSTYPE, SOURCE, TARGET, FLAGS };
	struct ctrpolicy_mount_rule allow =
		mount_rule(ALLOW, OP_MOUNT, "tmpfs", "none", "/tmp", F_NOSUID, F_RDONLY);
	struct ctrpolicy_mount_rule deny =
		mount_rule(DENY, OP_MOUNT, "tmpfs", "none", "/tmp", F_NOSUID, F_RDONLY);
	/* Every known part differs from what the rules name. */
	struct ctrpolicy_mount_request req = {
		.op = OP_MOUNT,
		.fstype = "ext4",
		.source = "/dev/sda",
		.target = "/etc",
		.flags = F_RDONLY,
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		req.deferred = FSTYPE | SOURCE | TARGET | FLAGS;
		KUNIT_EXPECT_TRUE(test, matches(&allow, &req));
		KUNIT_EXPECT_FALSE(test, matches(&deny, &req));
		/* One part known, and wrong: neither matches. */
		req.deferred &= ~fields[i];
		KUNIT_EXPECT_FALSE_MSG(test, matches(&allow, &req), "field %#x known", fields[i]);
		KUNIT_EXPECT_FALSE_MSG(test, matches(&deny, &req), "field %#x known", fields[i]);
	}
	/* The hook that knows the target decides it. */
	req = mount_req(OP_MOUNT, "ext4", "/dev/sda", "/tmp", F_NOSUID);
	req.deferred = FSTYPE | SOURCE;
	KUNIT_EXPECT_TRUE(test, matches(&allow, &req));
	KUNIT_EXPECT_FALSE(test, matches(&deny, &req));
	req.target = "/etc";
	KUNIT_EXPECT_FALSE(test, matches(&allow, &req));
}

/*
 * A clause on an unknown part (no hook of the operation knows it): an
 * allow rule does not match, a deny rule does.  Unknowns never widen.
 */
static void unknown_parts(struct kunit *test)
{
	static const u32 fields[] = { FSTYPE, SOURCE, TARGET, FLAGS };
	struct ctrpolicy_mount_rule allow =
		mount_rule(ALLOW, OP_BIND, "ext4", "/srv/*", "/data", F_NOSUID, F_RDONLY);
	struct ctrpolicy_mount_rule deny =
		mount_rule(DENY, OP_BIND, "ext4", "/srv/*", "/data", F_NOSUID, F_RDONLY);
	/* Every known part is what the rules name. */
	struct ctrpolicy_mount_request req =
		mount_req(OP_BIND, "ext4", "/srv/www", "/data", F_NOSUID);
	int i;

	KUNIT_EXPECT_TRUE(test, matches(&allow, &req));
	KUNIT_EXPECT_TRUE(test, matches(&deny, &req));
	for (i = 0; i < ARRAY_SIZE(fields); i++) {
		req.unknown = fields[i];
		KUNIT_EXPECT_FALSE_MSG(test, matches(&allow, &req), "field %#x unknown", fields[i]);
		KUNIT_EXPECT_TRUE_MSG(test, matches(&deny, &req), "field %#x unknown", fields[i]);
	}
	/* Deferred is looked at first: a part is one or the other. */
	req.unknown = SOURCE;
	req.deferred = SOURCE;
	KUNIT_EXPECT_TRUE(test, matches(&allow, &req));
	KUNIT_EXPECT_FALSE(test, matches(&deny, &req));
}

/* A rule that names no part is not concerned by what the request lacks. */
static void unnamed_parts_match_anything(struct kunit *test)
{
	struct ctrpolicy_mount_rule allow =
		mount_rule(ALLOW, OP_REMOUNT, NULL, NULL, NULL, 0, 0);
	struct ctrpolicy_mount_rule deny =
		mount_rule(DENY, OP_REMOUNT, NULL, NULL, NULL, 0, 0);
	struct ctrpolicy_mount_request req = {
		.op = OP_REMOUNT,
		.fstype = "",
		.source = "",
		.target = "",
		.unknown = SOURCE | TARGET | FLAGS,
		.deferred = FSTYPE,
	};

	KUNIT_EXPECT_TRUE(test, matches(&allow, &req));
	KUNIT_EXPECT_TRUE(test, matches(&deny, &req));
}

/*
 * fspick() + fsconfig(FSCONFIG_CMD_RECONFIGURE) tells neither target nor
 * flags: "allow remount on /data require ro" must not let it through,
 * "deny remount on /data" must stop it, and a deny of some other part
 * still applies before a later allow.
 */
static void remount_without_target(struct kunit *test)
{
	const struct ctrpolicy_mount_rule allow_only[] = {
		mount_rule(ALLOW, OP_REMOUNT, NULL, NULL, "/data", F_RDONLY, 0),
	};
	const struct ctrpolicy_mount_rule deny_then_allow[] = {
		mount_rule(DENY, OP_REMOUNT, NULL, NULL, "/data", 0, 0),
		mount_rule(ALLOW, OP_REMOUNT, "ext4", NULL, NULL, 0, 0),
	};
	struct ctrpolicy_mount_request req = {
		.op = OP_REMOUNT,
		.fstype = "ext4",
		.source = "",
		.target = "",
		.unknown = SOURCE | TARGET | FLAGS,
	};

	KUNIT_EXPECT_EQ(test, verdict(allow_only, 1, DENY, &req), DENY);
	KUNIT_EXPECT_EQ(test, verdict(deny_then_allow, 2, DENY, &req), DENY);
	/* sb_remount of mount(2): everything known, /srv is not /data. */
	req = mount_req(OP_REMOUNT, "ext4", "", "/srv", 0);
	KUNIT_EXPECT_EQ(test, verdict(deny_then_allow, 2, DENY, &req), ALLOW);
}

static struct kunit_case mount_rules_cases[] = {
	KUNIT_CASE(exact_path),
	KUNIT_CASE(dir_star),
	KUNIT_CASE(root_star),
	KUNIT_CASE(source_and_fstype),
	KUNIT_CASE(operation_must_match),
	KUNIT_CASE(require_flags),
	KUNIT_CASE(forbid_flags),
	KUNIT_CASE(first_match_wins),
	KUNIT_CASE(default_action),
	KUNIT_CASE(deferred_parts),
	KUNIT_CASE(unknown_parts),
	KUNIT_CASE(unnamed_parts_match_anything),
	KUNIT_CASE(remount_without_target),
	{}
};

static struct kunit_suite mount_rules_suite = {
	.name = "ctrpolicy_mount_rules",
	.test_cases = mount_rules_cases,
};

kunit_test_suite(mount_rules_suite);
