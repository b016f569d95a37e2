// SPDX-License-Identifier: GPL-2.0
/*
 * ctrpolicy - Mount rule matching.
 *
 * Pure functions of a policy's mount rules and a request: no locks, no
 * allocation, nothing of the task that asks.
 *
 * A request names what its hook knows.  A rule clause on something the
 * hook does not know is "deferred" when another hook of the same operation
 * checks it (allow rules match, deny rules wait), or "unknown" when none
 * does (allow rules do not match, deny rules do): unknowns never widen.
 */

#include <linux/string.h>
#include <uapi/linux/ctrpolicy.h>

#include "common.h"
#include "mount_rules.h"

/* Whether @path matches @pattern: equal, or below it for a "DIR/" + "*". */
static bool path_matches(const char *pattern, size_t len, const char *path)
{
	if (len >= 2 && pattern[len - 2] == '/' && pattern[len - 1] == '*') {
		/* "/" + "*" is everything; "/a/" + "*" what lies below /a. */
		if (len == 2)
			return true;
		return !strncmp(path, pattern, len - 1) && path[len - 1];
	}
	return !strcmp(path, pattern);
}

/*
 * Whether file system type @type is @rule_type or a subtype of it:
 * "fuse" is "fuse" and "fuse.sshfs" alike, so that a rule on a type
 * cannot be stepped around by naming a subtype.
 */
static bool fstype_matches(const char *rule_type, const char *type)
{
	size_t len = strlen(rule_type);

	return !strncmp(type, rule_type, len) &&
	       (type[len] == '\0' || type[len] == '.');
}

enum field_state { KNOWN, DEFERRED, UNKNOWN };

/* Whether a clause on a field in @state lets @rule go on matching. */
static bool clause_open(const struct ctrpolicy_mount_rule *rule,
			enum field_state state)
{
	if (state == DEFERRED)
		return rule->action == CTRPOLICY_ACTION_ALLOW;
	return rule->action == CTRPOLICY_ACTION_DENY;	/* UNKNOWN */
}

static enum field_state state_of(const struct ctrpolicy_mount_request *req,
				 u32 field)
{
	if (req->deferred & field)
		return DEFERRED;
	if (req->unknown & field)
		return UNKNOWN;
	return KNOWN;
}

static bool rule_matches(const struct ctrpolicy_mount_rule *rule,
			 const struct ctrpolicy_mount_request *req)
{
	enum field_state state;

	if (rule->op != req->op)
		return false;
	if (rule->fstype) {
		state = state_of(req, CTRPOLICY_MOUNT_FIELD_FSTYPE);
		if (state == KNOWN ? !fstype_matches(rule->fstype, req->fstype) :
				     !clause_open(rule, state))
			return false;
	}
	if (rule->source) {
		state = state_of(req, CTRPOLICY_MOUNT_FIELD_SOURCE);
		if (state == KNOWN ?
		    !path_matches(rule->source, rule->source_len, req->source) :
		    !clause_open(rule, state))
			return false;
	}
	if (rule->target) {
		state = state_of(req, CTRPOLICY_MOUNT_FIELD_TARGET);
		if (state == KNOWN ?
		    !path_matches(rule->target, rule->target_len, req->target) :
		    !clause_open(rule, state))
			return false;
	}
	if (rule->require | rule->forbid) {
		state = state_of(req, CTRPOLICY_MOUNT_FIELD_FLAGS);
		if (state == KNOWN ?
		    (req->flags & rule->require) != rule->require ||
		    (req->flags & rule->forbid) :
		    !clause_open(rule, state))
			return false;
	}
	return true;
}

/**
 * ctrpolicy_mount_action - What a policy's mount rules say of a request
 * @mount: the rules
 * @req: the request
 *
 * Return: the action of the first rule that matches, else the default
 * (enum ctrpolicy_action).
 */
u32 ctrpolicy_mount_action(const struct ctrpolicy_mount_rules *mount,
			   const struct ctrpolicy_mount_request *req)
{
	u32 i;

	for (i = 0; i < mount->n_rules; i++)
		if (rule_matches(&mount->rules[i], req))
			return mount->rules[i].action;
	return mount->default_action;
}

#ifdef CTRPOLICY_KUNIT_TEST
#include "mount_rules_test.c"
#endif
