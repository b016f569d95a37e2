#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The bash completion (contrib/bash-completion/ctrpolicy), sourced into this
# shell: set COMP_WORDS and COMP_CWORD as readline would, call the function
# that 'complete' registered, and compare COMPREPLY.  Cgroups and container
# ids come from a fake cgroup tree.  Usage: test_completion.sh BUILD_DIR
# shellcheck source=tests/unit/lib.sh
source "$(dirname "$0")/lib.sh"

# shellcheck source=contrib/bash-completion/ctrpolicy
if ! source "$root/contrib/bash-completion/ctrpolicy"; then
	echo "not ok - completion: the script sources"
	exit 1
fi
func=$(complete -p ctrpolicy 2> /dev/null | sed -n 's/.*-F \([^ ]*\) ctrpolicy$/\1/p')
if [ -n "$func" ]; then
	echo "ok - completion: 'complete -F $func ctrpolicy' is registered"
else
	echo "not ok - completion: a function is registered for ctrpolicy"
	exit 1
fi

export CTRPOLICY_CGROUP_ROOT=$tmp/cgroup
cg=$CTRPOLICY_CGROUP_ROOT
mkdir -p "$cg/system.slice/docker-3f2a9c1e0b7d4c5e.scope" \
	"$cg/machine.slice/libpod-aa11bb22cc33dd44.scope" \
	"$cg/system.slice/sshd.service" "$cg/docker/0123456789abcdef" \
	"$cg/user.slice" "$tmp/pol/sub"
touch "$tmp/pol/web.policy" "$tmp/pol/web-server.policy" "$tmp/pol/notes.txt"

# expect DESCRIPTION "EXPECTED REPLIES" WORD...: complete the last word.
expect() {
	local what=$1 want=$2 got
	shift 2
	COMP_WORDS=("$@")
	COMP_CWORD=$(($# - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	"$func" ctrpolicy "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd ' ')
	if [ "$got" = "$want" ]; then
		echo "ok - completion: $what"
	else
		echo "# words:    $*"
		echo "# expected: $want"
		echo "# got:      $got"
		echo "not ok - completion: $what"
	fi
}

expect "every command" \
	"attach check detach diff learn list load monitor oci-hook runtime show status unload" \
	ctrpolicy ""
expect "commands by prefix" "detach diff" ctrpolicy d
expect "commands after -j" "learn list load" ctrpolicy -j l
expect "learn's subcommands" "policy show start" ctrpolicy learn ""
expect "options of learn policy" "--cidr --cidr6" ctrpolicy learn policy --cgroup /x --ci
expect "global options" "--help --json" ctrpolicy --
expect "options of load" "--cgroup --container" ctrpolicy load web.policy --c
expect "options of show" "--cgroup --container" ctrpolicy show -
expect "options of monitor" "--count" ctrpolicy monitor -
expect "no completion after --count" "" ctrpolicy monitor --count ""
expect "no options for list" "" ctrpolicy list -
expect "oci-hook stages" "createRuntime poststop" ctrpolicy oci-hook ""
expect "nothing for runtime: the arguments are the runtime's" "" ctrpolicy runtime --
expect "--cgroup offers the cgroup2 mount first" "$cg/" ctrpolicy unload --cgroup ""
expect "--cgroup: the directories below it" \
	"$cg/docker $cg/machine.slice $cg/system.slice $cg/user.slice" \
	ctrpolicy unload --cgroup "$cg/"
expect "--cgroup: a directory by prefix" \
	"$cg/system.slice/docker-3f2a9c1e0b7d4c5e.scope" \
	ctrpolicy load x.policy --cgroup "$cg/system.slice/d"
expect "--cgroup=PATH" "$cg/user.slice" ctrpolicy show --cgroup = "$cg/u"
expect "--container: the ids of container cgroups" \
	"0123456789abcdef 3f2a9c1e0b7d4c5e aa11bb22cc33dd44" ctrpolicy show --container ""
expect "--container: an id by prefix" "3f2a9c1e0b7d4c5e" ctrpolicy unload --container 3f
expect "load: policy files and directories" \
	"$tmp/pol/sub $tmp/pol/web-server.policy $tmp/pol/web.policy" \
	ctrpolicy load "$tmp/pol/"
expect "check: policy files by prefix" "$tmp/pol/web-server.policy $tmp/pol/web.policy" \
	ctrpolicy check "$tmp/pol/web"
expect "check: any file when no policy file matches" "$tmp/pol/notes.txt" \
	ctrpolicy check a.policy "$tmp/pol/n"
expect "diff: policy files" "$tmp/pol/web.policy" ctrpolicy diff "$tmp/pol/web."
