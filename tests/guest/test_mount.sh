# SPDX-License-Identifier: GPL-2.0
# Mount confinement: each operation allowed and denied by rule, the ways
# around sb_mount (the new mount API), and paths given every which way.
# The confined shell holds every capability in its own mount namespace.

check "enforcement is on" enforce_on
M=/tmp/m
mkdir -p $CG/t-mount $M/ok $M/other $M/src $M/bindok $M/moved $M/newroot/old \
	$M/order/first $M/order/second
ln -sfn $M/ok $M/link-ok
ln -sfn $M/other $M/link-other
cat > /tmp/mount.policy <<POLICY
policy mount-test
capabilities {
	allow all
}
mount {
	default deny
	allow mount tmpfs on $M/ok require nosuid,nodev,noexec
	allow bind from $M/src on $M/bindok
	allow remount on $M/bindok require ro
	allow umount on $M/*
	allow move from $M/ok to $M/moved
	allow propagation on $M/* forbid shared
	deny mount tmpfs on $M/order/first
	allow mount tmpfs on $M/order/* require nosuid,nodev,noexec
}
POLICY
check "load a policy with mount rules" ctrpolicy load /tmp/mount.policy --cgroup $CG/t-mount

# mounted SCRIPT: run shell commands confined, in a mount namespace of their
# own (unshare leaves propagation alone: changing it is an operation too).
mounted() {
	in_cgroup $CG/t-mount $TESTS/mntns sh -c "$1"
}
allowed() { check "$1" mounted "$2"; }
denied() { check "$1 (EPERM)" mounted "$TRY --expect EPERM $2"; }

allowed "tmpfs with nosuid,nodev,noexec on the allowed target" \
	"$TRY mount none $M/ok tmpfs nosuid,nodev,noexec"
denied "the same tmpfs without the required flags" "mount none $M/ok tmpfs -"
denied "tmpfs on another target" "mount none $M/other tmpfs nosuid,nodev,noexec"
denied "a proc mount" "mount proc $M/ok proc nosuid,nodev,noexec"
allowed "new mount API: fsopen, fsmount with the flags, move_mount to the allowed target" \
	"$TRY newapi-mount tmpfs $M/ok nosuid,nodev,noexec"
denied "new mount API without the flags" "newapi-mount tmpfs $M/ok -"
denied "new mount API to another target" "newapi-mount tmpfs $M/other nosuid,nodev,noexec"
denied "open_tree(OPEN_TREE_CLONE) + move_mount" "open-tree-clone $M/src $M/bindok"
# In fmod_ret mode sb_mount may not sleep: the source of a bind or a move
# is not looked up again, and a rule that names it does not match.
NO_SOURCE="a bind's or move's source is not looked up (no sleeping), so 'allow bind from' does not match"
unless_fmod_ret "$NO_SOURCE" \
	allowed "bind of the allowed source" "$TRY mount $M/src $M/bindok - bind"
[ -z "$FMOD_RET" ] ||
	denied "fmod_ret mode: bind of the allowed source, whose source is unknown" \
		"mount $M/src $M/bindok - bind"
denied "bind of / into the container" "mount / $M/bindok - bind"
denied "bind of another host path" "mount /etc $M/bindok - bind"
denied "bind of / spelled $M/src/../../.." "mount $M/src/../../.. $M/bindok - bind"
unless_fmod_ret "$NO_SOURCE (the check binds first)" allowed "remount of the bind read-only" \
	"$TRY mount $M/src $M/bindok - bind && $TRY mount none $M/bindok - remount,bind,ro"
unless_fmod_ret "$NO_SOURCE (the check binds first)" \
	check "remount read-write after a read-only remount is denied (EPERM)" mounted \
	"$TRY mount $M/src $M/bindok - bind && $TRY mount none $M/bindok - remount,bind,ro && $TRY --expect EPERM mount none $M/bindok - remount,bind"
denied "remount of /proc read-write" "mount none /proc - remount"
denied "fspick + reconfigure read-write" "fspick-rw /proc"
allowed "umount of an allowed mount" \
	"$TRY mount none $M/ok tmpfs nosuid,nodev,noexec && $TRY umount $M/ok"
denied "umount of a mount that hides something (/proc)" "umount /proc"
denied "pivot_root" "pivot-root $M/newroot $M/newroot/old"
allowed "propagation private on an allowed target" \
	"$TRY mount none $M/ok tmpfs nosuid,nodev,noexec && $TRY mount none $M/ok - private"
denied "propagation shared" "mount none $M - shared"
unless_fmod_ret "$NO_SOURCE" allowed "mount --move to the allowed target" \
	"$TRY mount none $M/ok tmpfs nosuid,nodev,noexec && $TRY mount $M/ok $M/moved - move"
check "mount --move elsewhere is denied (EPERM)" mounted \
	"$TRY mount none $M/ok tmpfs nosuid,nodev,noexec && $TRY --expect EPERM mount $M/ok $M/other - move"

# Rules are tried in order; the first that matches decides.
denied "a deny rule before an allow rule that also matches wins" \
	"mount none $M/order/first tmpfs nosuid,nodev,noexec"
allowed "the allow rule after it still applies elsewhere" \
	"$TRY mount none $M/order/second tmpfs nosuid,nodev,noexec"

# Root of its own user namespace (a rootless container) is confined alike.
userns_mounted() {
	in_cgroup $CG/t-mount $TESTS/mntns -U sh -c "$1"
}
check "user namespace root: tmpfs with the required flags on the allowed target" \
	userns_mounted "$TRY mount none $M/ok tmpfs nosuid,nodev,noexec"
check "user namespace root: tmpfs without the flags is denied (EPERM)" \
	userns_mounted "$TRY --expect EPERM mount none $M/ok tmpfs -"
check "user namespace root: bind of / is denied (EPERM)" \
	userns_mounted "$TRY --expect EPERM mount / $M/bindok - bind,rec"
check "user namespace root: new mount API to another target is denied (EPERM)" \
	userns_mounted "$TRY --expect EPERM newapi-mount tmpfs $M/other nosuid,nodev,noexec"
check "user namespace root: open_tree clone + move_mount is denied (EPERM)" \
	userns_mounted "$TRY --expect EPERM open-tree-clone $M/src $M/bindok"

# The target is the path the kernel resolved, however it was written.
allowed "target as a relative path" "cd $M && $TRY mount none ok tmpfs nosuid,nodev,noexec"
allowed "target through .." "$TRY mount none $M/other/../ok tmpfs nosuid,nodev,noexec"
allowed "target through a symlink to the allowed target" \
	"$TRY mount none $M/link-ok tmpfs nosuid,nodev,noexec"
denied "target through a symlink elsewhere" "mount none $M/link-other tmpfs nosuid,nodev,noexec"
allowed "target as /proc/self/fd/N" \
	"exec 5<$M/ok && $TRY mount none /proc/self/fd/5 tmpfs nosuid,nodev,noexec"
check "target as /proc/self/fd/N of another directory is denied (EPERM)" mounted \
	"exec 5<$M/other && $TRY --expect EPERM mount none /proc/self/fd/5 tmpfs nosuid,nodev,noexec"

# mount_setattr() reaches no mount hook: its capable(CAP_SYS_ADMIN) is
# decided as a remount whose target and flags are unknown, which the allow
# rule (on a target, with a flag) does not cover.
unless_fmod_ret "$NO_SOURCE (the check binds first)" \
	check "mount_setattr clearing read-only is denied as a remount (EPERM)" mounted \
	"$TRY mount $M/src $M/bindok - bind && $TRY mount none $M/bindok - remount,bind,ro && $TRY --expect EPERM mount-setattr-rw $M/bindok"
check "  outside the cgroup it clears read-only" $TESTS/mntns sh -c \
	"$TRY mount $M/src $M/bindok - bind && $TRY mount none $M/bindok - remount,bind,ro && $TRY mount-setattr-rw $M/bindok"
# open_tree(OPEN_TREE_CLONE) is a bind, whatever move_mount() then sees: a
# tmpfs the mount rule would admit (nosuid,nodev,noexec on $M/ok) is not
# bound there from elsewhere.
mkdir -p /tmp/m-tmpfs && mount -t tmpfs -o nosuid,nodev,noexec none /tmp/m-tmpfs
denied "open_tree clone of a tmpfs the mount rule admits, moved onto its target" \
	"open-tree-clone /tmp/m-tmpfs $M/ok"
check "  outside the cgroup it is bound" $TESTS/mntns sh -c \
	"$TRY open-tree-clone /tmp/m-tmpfs $M/ok"
umount /tmp/m-tmpfs

# A read-only mount that a user namespace inherits is locked read-only by
# the kernel itself: mount_setattr() cannot clear it there.
mount --bind $M/src $M/src && mount -o remount,bind,ro $M/src
check "a locked read-only mount stays read-only under mount_setattr (EPERM)" \
	userns_mounted "$TRY --expect EPERM mount-setattr-rw $M/src"
umount $M/src

# A rule on a file system type covers its subtypes: "fuse" is "fuse.sshfs"
# as mount(2) names it.
mkdir -p $CG/t-mount-fuse
printf 'policy no-fuse\ncapabilities {\n\tallow all\n}\nmount {\n\tdefault allow\n\tdeny mount fuse\n}\n' \
	> /tmp/no-fuse.policy
ctrpolicy load /tmp/no-fuse.policy --cgroup $CG/t-mount-fuse
fused() { in_cgroup $CG/t-mount-fuse $TESTS/mntns sh -c "$1"; }
check "deny mount fuse: a fuse mount is denied (EPERM)" \
	fused "$TRY --expect EPERM mount none $M/ok fuse -"
check "deny mount fuse: a fuse.sshfs mount is denied (EPERM)" \
	fused "$TRY --expect EPERM mount none $M/ok fuse.sshfs -"
check "deny mount fuse: fusex, no subtype of fuse, reaches the kernel (ENODEV)" \
	fused "$TRY --expect ENODEV mount none $M/ok fusex -"

check "outside the cgroup the denied mounts work" sh -c \
	"$TESTS/mntns sh -c '$TRY mount proc $M/ok proc - && $TRY mount / $M/bindok - bind'"

await_event /tmp/events.json mounted "$TRY --expect EPERM mount proc $M/other proc -"
check "the denial event names operation, type, target and flags" \
	grep -q "\"area\":\"mount\",\"operation\":\"mount\".*\"fstype\":\"proc\".*\"target\":\"$M/other\"" /tmp/events.json
sed 's/^/#   /' /tmp/events.json

write_policy /tmp/nomount.policy caps-only enforce all
ctrpolicy load /tmp/nomount.policy --cgroup $CG/t-mount
check "a policy without a mount section denies every mount (EPERM)" mounted \
	"$TRY --expect EPERM mount none $M/ok tmpfs nosuid,nodev,noexec"
check "enforcement off, test cgroups removed" enforce_off
