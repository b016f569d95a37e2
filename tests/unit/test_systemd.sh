#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The boot helper of ctrpolicy.service (contrib/systemd/ctrpolicy-boot)
# against a fake ctrpolicy on PATH that records its calls, a configuration
# directory and a cgroup root of plain directories: what boot.conf loads,
# and that every kind of broken entry fails loudly while the good entries
# are still loaded.  Then 'systemd-analyze verify' of the unit, when
# systemd is installed.  Usage: test_systemd.sh BUILD_DIR
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"
helper=$root/contrib/systemd/ctrpolicy-boot

# The fake: 'check' fails on a file named broken*, 'load' on refused*.
mkdir -p "$tmp/bin"
cat > "$tmp/bin/ctrpolicy" <<'EOF'
#!/bin/bash
echo "$*" >> "$CALLS"
case "$1" in
check)
	for f in "${@:2}"; do
		case "$(basename "$f")" in
		broken*) echo "$f:1:1: error: unknown keyword 'polcy'" >&2; exit 4 ;;
		esac
	done ;;
load)
	case "$(basename "$2")" in refused*) exit 5 ;; esac ;;
esac
exit 0
EOF
chmod +x "$tmp/bin/ctrpolicy"
export PATH="$tmp/bin:$PATH" CALLS=$tmp/calls

# run DESCRIPTION STATUS BOOT.CONF [POLICIES...]: a fresh configuration and
# cgroup tree, the helper run; its exit status must be STATUS.
run() {
	local what=$1 want=$2 conf=$3 p status
	shift 3
	rm -rf "${tmp:?}/etc" "$tmp/cg" "$tmp/calls"
	mkdir -p "$tmp/etc/ctrpolicy" "$tmp/cg/system.slice"
	touch "$tmp/calls"
	for p in "$@"; do
		echo "policy ${p%.policy}" > "$tmp/etc/ctrpolicy/$p"
	done
	[ "$conf" = "-" ] || printf '%s' "$conf" > "$tmp/etc/ctrpolicy/boot.conf"
	CTRPOLICY_CONFDIR=$tmp/etc/ctrpolicy CTRPOLICY_CGROUP_ROOT=$tmp/cg \
		"$helper" > "$tmp/out" 2>&1
	status=$?
	if [ "$status" -eq "$want" ]; then
		echo "ok - systemd: $what (exit status $want)"
	else
		sed 's/^/# /' "$tmp/out"
		echo "not ok - systemd: $what (exit status $status, expected $want)"
	fi
}

# has DESCRIPTION FILE PATTERN: a line of FILE matches (grep -E).
has() {
	if grep -qE -- "$3" "$2"; then
		echo "ok - systemd:   $1"
	else
		sed 's/^/# /' "$2"
		echo "not ok - systemd:   $1"
	fi
}
hasnt() {
	if ! grep -qE -- "$3" "$2"; then
		echo "ok - systemd:   $1"
	else
		sed 's/^/# /' "$2"
		echo "not ok - systemd:   $1"
	fi
}

E=$tmp/etc/ctrpolicy C=$tmp/cg
run "boot.conf with comments, blank lines, relative and absolute paths" 0 \
"# the policies of this host
system.slice/web.service    web.policy
	# an indented comment

$tmp/cg/machine.slice  $tmp/etc/ctrpolicy/db.policy   # absolute, trailing comment
containers.slice/*	web.policy
last.slice web.policy" web.policy db.policy
has "every policy of the directory is checked, in one call" "$tmp/calls" \
	"^check $E/db.policy $E/web.policy$"
has "a relative entry loads from the directory onto the cgroup root" "$tmp/calls" \
	"^load $E/web.policy --cgroup $C/system.slice/web.service$"
has "an absolute entry is taken as it is" "$tmp/calls" \
	"^load $E/db.policy --cgroup $C/machine.slice$"
has "a pattern is a name, not a glob" "$tmp/calls" \
	"^load $E/web.policy --cgroup $C/containers.slice/\*$"
has "the last line needs no newline" "$tmp/calls" "--cgroup $C/last.slice$"
has "missing cgroups are created" "$tmp/out" "created cgroup $C/machine.slice$"
has "  and exist afterwards" <(ls -d "$C/machine.slice" "$C/system.slice/web.service") \
	"web.service"
has "each load is reported" "$tmp/out" "$C/machine.slice: loaded $E/db.policy"
[ "$(grep -c '^load ' "$tmp/calls")" -eq 4 ] &&
	echo "ok - systemd:   four entries, four loads" ||
	echo "not ok - systemd:   four entries, four loads ($(grep -c '^load ' "$tmp/calls"))"

run "an empty boot.conf loads nothing" 0 "" web.policy
hasnt "no load" "$tmp/calls" "^load"

run "no policy file in the directory: nothing to check" 0 "" 
hasnt "check is not called without files" "$tmp/calls" "^check"

run "a missing boot.conf fails" 1 - web.policy
has "and says so" "$tmp/out" "cannot read $E/boot.conf"

run "a line of one field fails" 1 "system.slice/a web.policy
system.slice/b
system.slice/c web.policy" web.policy
has "the error names file and line" "$tmp/out" "boot.conf:2: expected 'CGROUP_PATH POLICY_FILE', found 1 fields"
has "the entries before it are loaded" "$tmp/calls" "--cgroup $C/system.slice/a$"
has "  and those after it" "$tmp/calls" "--cgroup $C/system.slice/c$"
has "the end says that policies were not loaded" "$tmp/out" "some policies were NOT loaded"

run "a line of three fields fails" 1 "system.slice/a web.policy extra" web.policy
hasnt "and loads nothing" "$tmp/calls" "^load"

run "a missing policy file fails" 1 "system.slice/a nonexistent.policy
system.slice/b web.policy" web.policy
has "the error names the file" "$tmp/out" "boot.conf:1: cannot read policy file '$E/nonexistent.policy'"
hasnt "its cgroup is not created" <(ls "$C/system.slice") "^a$"
has "the next entry is loaded" "$tmp/calls" "--cgroup $C/system.slice/b$"

run "'..' in a cgroup path fails" 1 "system.slice/../../etc web.policy" web.policy
has "and says why" "$tmp/out" "boot.conf:1: 'system.slice/../../etc': '.' and '..' are not allowed"
hasnt "  nothing loaded" "$tmp/calls" "^load"

run "the root cgroup fails" 1 "$tmp/cg/ web.policy" web.policy
has "and says why" "$tmp/out" "the root cgroup cannot take a policy"

run "a path outside the cgroup root fails" 1 "/etc/x web.policy" web.policy
has "and says why" "$tmp/out" "'/etc/x' is not under $C"
hasnt "  nothing created" <(ls -d /etc/x 2> /dev/null) "."

run "a cgroup named twice fails" 1 "system.slice/a web.policy
$tmp/cg/system.slice/a/ web.policy" web.policy
has "and names the first line" "$tmp/out" "boot.conf:2: .* already has a policy at line 1"
[ "$(grep -c '^load ' "$tmp/calls")" -eq 1 ] &&
	echo "ok - systemd:   the first is loaded, once" ||
	echo "not ok - systemd:   the first is loaded, once"

run "an invalid policy in the directory fails" 1 "system.slice/a web.policy" \
	web.policy broken.policy
has "the checker's error is shown" "$tmp/out" "broken.policy:1:1: error"
has "  and the helper's" "$tmp/out" "invalid policies in $E"
has "the valid entries are loaded all the same" "$tmp/calls" "^load $E/web.policy"

run "a load the kernel refuses fails" 1 "system.slice/a refused.policy
system.slice/b web.policy" refused.policy web.policy
has "with the status of ctrpolicy" "$tmp/out" "boot.conf:1: loading $E/refused.policy on $C/system.slice/a failed \(exit status 5\)"
has "the next entry is loaded" "$tmp/calls" "--cgroup $C/system.slice/b$"

# The unit as 'make install' writes it is verified in test_install.sh; here
# the file as shipped, with its programs pointed at this tree.
if ! command -v systemd-analyze > /dev/null; then
	echo "ok - systemd: systemd-analyze verify # SKIP systemd is not installed"
	exit 0
fi
mkdir -p "$tmp/unit"
sed -e "s|/usr/sbin/ctrpolicy|$tmp/bin/ctrpolicy|" -e "s|/usr/lib/ctrpolicy/ctrpolicy-boot|$helper|" \
	"$root/contrib/systemd/ctrpolicy.service" > "$tmp/unit/ctrpolicy.service"
# (It warns of an unknown key or a bad value, and still exits 0.)
if systemd-analyze verify --man=no "$tmp/unit/ctrpolicy.service" > "$tmp/out" 2>&1 &&
   [ ! -s "$tmp/out" ]; then
	echo "ok - systemd: systemd-analyze verify accepts ctrpolicy.service"
else
	sed 's/^/# /' "$tmp/out"
	echo "not ok - systemd: systemd-analyze verify accepts ctrpolicy.service"
fi
