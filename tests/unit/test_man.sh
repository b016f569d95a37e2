#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The man pages (man/): they render without a warning with groff (all
# warnings on), man-db's 'man -l' and mandoc's linter; ctrpolicy.8 names
# every command of the tool and every exit code; the examples of
# ctrpolicy.policy.5 are valid policies.  Usage: test_man.sh BUILD_DIR
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"
build=${1:?usage: test_man.sh BUILD_DIR}
pages=("$root/man/ctrpolicy.8" "$root/man/ctrpolicy.policy.5")
export LC_ALL=C.UTF-8 MANWIDTH=80

# quiet DESCRIPTION COMMAND...: succeeds and prints nothing on stderr.
quiet() {
	local what=$1
	shift
	if "$@" > /dev/null 2> "$tmp/err" && [ ! -s "$tmp/err" ]; then
		echo "ok - man: $what"
	else
		sed 's/^/# /' "$tmp/err"
		echo "not ok - man: $what"
	fi
}

for page in "${pages[@]}"; do
	name=$(basename "$page")
	quiet "$name: groff -man -ww renders it without a warning" \
		groff -man -Tutf8 -ww -z "$page"
	if command -v man > /dev/null; then
		quiet "$name: man -l renders it without a warning" \
			man --warnings=w -l "$page"
	else
		echo "ok - man: $name: man -l # SKIP man-db is not installed"
	fi
	if command -v mandoc > /dev/null; then
		# (Style messages too: they flag real slips, such as a sentence
		# not starting on a new line.)
		if mandoc -Tlint -Wstyle "$page" > "$tmp/err" 2>&1; then
			echo "ok - man: $name: mandoc -Tlint finds nothing"
		else
			sed 's/^/# /' "$tmp/err"
			echo "not ok - man: $name: mandoc -Tlint finds nothing"
		fi
	else
		echo "ok - man: $name: mandoc -Tlint # SKIP mandoc is not installed"
	fi
done

# Every command the tool lists in its usage has its entry in ctrpolicy.8.
page8=$(groff -man -Tutf8 -P-cbou "$root/man/ctrpolicy.8" 2> /dev/null)
if [ -x "$build/ctrpolicy" ]; then
	commands=$("$build/ctrpolicy" --help | sed -n 's/^  ctrpolicy \([a-z-]*\).*/\1/p')
	missing=
	for c in $commands; do
		# In the synopsis, and an entry of its own under COMMANDS.
		if ! printf '%s\n' "$page8" | grep -q "^       ctrpolicy $c\b" ||
		   ! printf '%s\n' "$page8" | grep -q "^       $c\b"; then
			missing="$missing $c"
		fi
	done
	if [ -n "$commands" ] && [ -z "$missing" ]; then
		echo "ok - man: ctrpolicy.8 documents every command of 'ctrpolicy --help' (${commands//$'\n'/ })"
	else
		echo "not ok - man: ctrpolicy.8 documents every command (missing:$missing)"
	fi
else
	echo "ok - man: the commands of ctrpolicy.8 # SKIP $build/ctrpolicy is not built"
fi

# Every exit code of tools/ctrpolicy/ctrpolicy.h in EXIT STATUS.
codes=$(sed -n 's/^\tEXIT_[A-Z_]* = \([0-9]*\),.*/\1/p' "$root/tools/ctrpolicy/ctrpolicy.h")
missing=
for c in $codes; do
	printf '%s\n' "$page8" | sed -n '/^EXIT STATUS/,/^FILES/p' |
		grep -q "^       $c  " || missing="$missing $c"
done
if [ -n "$codes" ] && [ -z "$missing" ]; then
	echo "ok - man: ctrpolicy.8 lists every exit code (${codes//$'\n'/ })"
else
	echo "not ok - man: ctrpolicy.8 lists every exit code (missing:$missing)"
fi

# The examples of ctrpolicy.policy.5, taken from its EXAMPLES section: a
# policy, a policy that includes a fragment, and the fragment.
awk -v dir="$tmp" '
	/^\.SH EXAMPLES/ { on = 1 }
	/^\.SH FILES/ { on = 0 }
	on && /^\.EE/ { n++; block = 0 }
	on && block { print > (dir "/example" n + 0) }
	on && /^\.EX/ { block = 1 }' "$root/man/ctrpolicy.policy.5"
sed -i -e 's/\\-/-/g' -e 's/\\e/\\/g' "$tmp"/example*
mkdir -p "$tmp/fragments"
mv "$tmp/example0" "$tmp/web.policy"
mv "$tmp/example1" "$tmp/trial.policy"
mv "$tmp/example2" "$tmp/fragments/no-raw-sockets.net"
if [ -x "$build/ctrpolicy" ] && "$build/ctrpolicy" --help | grep -q '^  ctrpolicy check'; then
	for f in web.policy trial.policy; do
		if "$build/ctrpolicy" check "$tmp/$f" > "$tmp/err" 2>&1; then
			echo "ok - man: the example $f of ctrpolicy.policy.5 is valid"
		else
			sed 's/^/# /' "$tmp/err"
			echo "not ok - man: the example $f of ctrpolicy.policy.5 is valid"
		fi
	done
else
	echo "ok - man: the examples of ctrpolicy.policy.5 are valid # SKIP the tool has no 'check' command yet"
fi
