#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The benchmarks, inside the VM (make bench boots it for this; test_bench.sh
# runs a small version).  In one boot:
#
#  1. rounds: in each, the benchmarks (the program bench: system calls, an
#     HTTP exchange and a tree walk) run once in every configuration, (a),
#     (g) and (h) (AppArmor and Landlock instead of ctrpolicy), (b0), (n),
#     (b) to (f) and (l), and with a base revision in the image (make bench
#     BENCH_BASE=REV) (pb) and (pc), in the order below;
#  2. policy load cost: load, replace and delete policies of 1, 100 and
#     10,000 network address rules over netlink (loadcost), and the tool's
#     load of the 10,000-rule policy file, end to end;
#  3. container start: a container running true started STARTS times by
#     crun without hooks, by crun with ctrpolicy's OCI hooks in its
#     config.json, and by ctrpolicy-runc (ctrpolicy runtime) over crun,
#     the three taking turns;
#  4. memory: what the module charges to the memory cgroup of the task that
#     loads policies: 10,000 policies, policies of 1 to 10,000 rules, and
#     learn-mode policies of two learned-set sizes.
#
# usage: bench.sh [-r ROUNDS] [-t MS] [-b BATCHES] [-o OTHERS] [-n RULES]
#                 [-s LOAD_SIZES] [-R LOAD_REPEATS] [-S SETTLE]
#                 [-L LEARN_SIZES] [-c STARTS] [-W WALK_FILES]
#
# LOAD_SIZES: rule counts separated by colons (1:100:10000).  SETTLE: the
# seconds to wait before reading memory statistics (default 3: the kernel
# flushes them every 2 s, and frees replaced policies after RCU).
# LEARN_SIZES: learned-set sizes ('mode learn size N') separated by colons
# (512:16384).  STARTS: container starts timed in each way (20).
# WALK_FILES: the files of the tree the walk row visits (20000).
#
# Raw results on stdout, a record a line, for bench/report.sh:
#   meta KEY VALUE
#   op OP DESCRIPTION                     what bench -l lists
#   config ID DESCRIPTION
#   result ROUND CONFIG OP NS             ns per operation
#   na ROUND CONFIG OP REASON             no number, and why
#   note CONFIG TEXT                      how a configuration was made
#   hooks CONFIG HOOK...                  what (b0) and (b) attach, round 1
#   load RULES ACTION MEDIAN MIN MAX      microseconds
#   load RULES ACTION na REASON
#   memory policies|rules|learn COUNT KERNEL SLAB PERCPU     bytes charged
#   memory policies|rules|learn COUNT na REASON
#   start bare|hooks|runtime MEDIAN MIN MAX    microseconds a container start
#   start bare|hooks|runtime na REASON
# and progress as "# ..." lines.  It never stops on a failure: what could
# not be measured is "na", with the reason.

. /ctrpolicy/tests/lib.sh

rounds=9 ms=10 batches=15 others=10000 rules=10000 load_sizes="1 100 10000"
load_repeats=7 settle=3 memory_enabled= learn_sizes="512 16384" starts=20
walk_files=20000
while getopts r:t:b:o:n:s:R:S:L:c:W: opt; do
	case $opt in
	r) rounds=$OPTARG ;;
	t) ms=$OPTARG ;;
	b) batches=$OPTARG ;;
	o) others=$OPTARG ;;
	n) rules=$OPTARG ;;
	s) load_sizes=$(echo $OPTARG | tr : ' ') ;;
	R) load_repeats=$OPTARG ;;
	S) settle=$OPTARG ;;
	L) learn_sizes=$(echo $OPTARG | tr : ' ') ;;
	c) starts=$OPTARG ;;
	W) walk_files=$OPTARG ;;
	*) echo "usage: bench.sh [-r ROUNDS] [-t MS] [-b BATCHES] [-o OTHERS] [-n RULES] [-s SIZES] [-R REPEATS] [-S SETTLE] [-L LEARN_SIZES] [-c STARTS] [-W WALK_FILES]" >&2
	   exit 2 ;;
	esac
done

BENCH=$TESTS/bench
K8S=/ctrpolicy/policies/k8s-restricted.policy
B=$CG/bench
MEM=$CG/bench-mem
MNT=/tmp/bench-mnt
PORT=5555
# The configurations in the order a round runs them, and where their
# benchmark runs: (e) is (c)'s cgroup once the others hold policies.  (g)
# and (h) run while the module is not loaded, as (a).
CONFIGS="a g h b0 n b c l d f e"
# (h)'s TCP ports: the benchmarks' own, PORT and the HTTP server's PORT + 1.
LANDLOCK_PORTS=$PORT,$((PORT + 1))
# The module and tool of a base revision, to measure beside this tree's.
BASE=/ctrpolicy/base
[ ! -f $BASE/revision ] || CONFIGS="$CONFIGS pb pc"
# Which tool attached the programs, to detach them with.
ATTACHED_BY=/tmp/bench-attached-by
AA_PROFILE=ctrpolicy-bench
# Runs its arguments in the profile: asked for the next exec (the shell
# writes to its own attr file).
AA_EXEC=/tmp/bench-aa-exec
DEEP=$B/f1/f2/f3/f4/f5/f6/f7/f8

describe() {
	case $1 in
	a) echo "module not loaded (baseline)" ;;
	g) echo "AppArmor instead: module not loaded, an AppArmor profile saying what (c)'s policy says" ;;
	h) echo "Landlock instead: module not loaded, the benchmark restricted by Landlock to (c)'s TCP bind and connect" ;;
	b0) echo "the floor: module not loaded, the same hooks attached with BPF-LSM programs that return at once" ;;
	n) echo "module loaded, no policy loaded: nothing attached (the first policy attaches)" ;;
	b) echo "module loaded, programs attached (ctrpolicy attach), task unconfined (no policy loaded)" ;;
	c) echo "confined: k8s-restricted plus the benchmarks' own allow rules" ;;
	d) echo "as (c) with $rules network address rules more" ;;
	e) echo "as (c) while $others other cgroups each hold a policy (k8s-restricted)" ;;
	f) echo "8 nested cgroups, each with (c)'s policy; the task in the deepest" ;;
	l) echo "as (c) in learn mode (mode learn): nothing denied, would-be denials recorded" ;;
	pb) echo "as (b), with the module and tool of the base revision $(cat $BASE/revision)" ;;
	pc) echo "as (c), with the module and tool of the base revision $(cat $BASE/revision)" ;;
	esac
}

cgroup_of() {
	case $1 in
	a|g|h|b0|n|b|pb) echo $B/free ;;
	c|e|pc) echo $B/c ;;
	d) echo $B/d ;;
	f) echo $DEEP ;;
	l) echo $B/l ;;
	esac
}

# bench_policy NAME RULES NET [MODE] < BASE: the policy BASE renamed NAME,
# in MODE if given ("learn", "learn size N": the base's mode line goes), with
# what the benchmarks need allowed at the end of each section (a section
# it lacks is added): CAP_SYS_ADMIN (sethostname, mount), tmpfs on $MNT and
# in it (the mount points bench makes there) and the unmount of $MNT,
# and TCP and UDP on 127.0.0.0/8.  RULES distinct network deny rules for
# 10.X.Y.0/24 follow.  With NET 0 the network section is left out, the
# base's too.  A prefix shorter than the rules' makes each benchmarked
# lookup pass the level that holds them.
bench_policy() {
	awk -v name="$1" -v rules="$2" -v net="$3" -v mode="$4" -v mnt="$MNT" '
	function extra(s, i) {
		if (s == "capabilities")
			print "\tallow sys_admin"
		if (s == "mount") {
			print "\tallow mount tmpfs on " mnt
			print "\tallow mount tmpfs on " mnt "/*"
			print "\tallow umount on " mnt
		}
		if (s == "network") {
			print "\tsocket allow inet tcp"
			print "\tsocket allow inet udp"
			print "\tallow bind,connect,listen,send 127.0.0.0/8"
			for (i = 0; i < rules; i++)
				printf "\tdeny %s 10.%d.%d.0/24\n", i % 2 ? "send udp" : "connect tcp",
					int(i / 256) % 256, i % 256
		}
	}
	function open_section(s) {
		print s " {"
		if (s == "mount")
			print "\tdefault deny"
		if (s == "network")
			print "\tdefault " (rules ? "allow" : "deny")
	}
	$1 == "policy" {
		print "policy " name
		if (mode != "")
			print "mode " mode
		next
	}
	mode != "" && $1 == "mode" { next }
	match($0, /^[ \t]*(capabilities|mount|network)[ \t]*\{/) {
		section = $1
		sub(/\{.*/, "", section)
		seen[section] = 1
		if (section == "network" && !net) { skip = 1; next }
	}
	section != "" && $1 == "}" {
		if (!skip)
			extra(section)
		section = ""
		if (skip) { skip = 0; next }
	}
	!skip { print }
	END {
		n = split("capabilities mount network", all, " ")
		for (i = 1; i <= n; i++) {
			if (seen[all[i]] || (all[i] == "network" && !net))
				continue
			open_section(all[i])
			extra(all[i])
			print "}"
		}
	}'
}

# as_cgroup_options DIR...: each as --cgroup=DIR, a line each.
as_cgroup_options() { for d; do echo "--cgroup=$d"; done; }

# policy_mode CONFIG: the mode of CONFIG's policy, if not the base's.
policy_mode() { [ $1 != l ] || echo learn; }

# tool_of CONFIG: the ctrpolicy that loads CONFIG's policies.
tool_of() {
	case $1 in
	pb|pc) echo $BASE/ctrpolicy ;;
	*) echo ctrpolicy ;;
	esac
}

# attach_with TOOL: TOOL attaches the programs of the module loaded, and
# is remembered to detach them.
attach_with() { $1 attach > /dev/null && echo $1 > $ATTACHED_BY; }

# load_policy CONFIG NAME RULES DIR...: (c)'s, (l)'s or (d)'s policy on each DIR.
# When the tool refuses the network section, (c)'s policy (RULES 0) goes
# without it (and says so in a note); (d) has no such fallback.  Prints
# the reason on failure.
load_policy() {
	local config=$1 name=$2 n=$3 file=/tmp/$2.policy err tool=$(tool_of $1)
	shift 3
	bench_policy $name $n 1 "$(policy_mode $config)" < $K8S > $file
	err=$($tool load $file $(as_cgroup_options "$@") 2>&1) && return 0
	err=$(echo "$err" | head -n 1)
	if [ "$n" -gt 0 ]; then
		echo "ctrpolicy load: $err"
		return 1
	fi
	bench_policy $name 0 0 "$(policy_mode $config)" < $K8S > $file.nonet
	if $tool load $file.nonet $(as_cgroup_options "$@") > /dev/null 2>&1; then
		[ "$round" = 1 ] || return 0
		echo "note $config policy loaded without its network section, so sockets are denied: the tool refused it: $err" >&3
		[ $config != c ] || echo "note e as (c): its policy has no network section" >&3
		return 0
	fi
	echo "ctrpolicy load: $err"
	return 1
}

# apparmor_profile NAME < POLICY: an AppArmor profile NAME saying what the
# ctrpolicy POLICY says, where AppArmor can say it: capabilities, socket
# families and types, mount and umount rules.  What it cannot say (address
# and port rules, mount flags) is a comment "# not in AppArmor: RULE".
# AppArmor mediates files, signals and ptrace where ctrpolicy does not: the
# profile allows them all, so that (g) and (c) decide the same things.
apparmor_profile() {
	awk -v name="$1" '
	function say(s) { print "\t" s }
	function cannot(s) { sub(/^[ \t]+/, "", s); say("# not in AppArmor: " s) }
	BEGIN { print "profile " name " {"; say("file,"); say("signal,"); say("ptrace,") }
	/^[ \t]*#/ || NF == 0 { next }
	/^[ \t]*}/ { section = ""; next }
	match($0, /^[ \t]*(capabilities|mount|network)[ \t]*\{/) { section = $1; next }
	section == "capabilities" && $1 == "allow" {
		n = split($2, caps, ",")
		for (i = 1; i <= n; i++) say("capability " caps[i] ",")
		next
	}
	section == "mount" && $1 == "default" { if ($2 == "allow") say("mount,"); next }
	section == "mount" && $1 == "allow" && $2 == "mount" && $4 == "on" && NF == 5 {
		say("mount fstype=" $3 " -> " $5 "/,")
		next
	}
	section == "mount" && $1 == "allow" && $2 == "umount" && $3 == "on" && NF == 4 {
		say("umount " $4 "/,")
		next
	}
	section == "network" && $1 == "default" { if ($2 == "allow") say("network,"); next }
	section == "network" && $1 == "socket" {
		type = $4 == "tcp" ? "stream" : $4 == "udp" ? "dgram" : $4
		say(($2 == "deny" ? "deny " : "") "network " $3 (type != "" ? " " type : "") ",")
		next
	}
	section != "" { cannot($0) }
	END { print "}" }
	'
}

OPS=$($BENCH -l | cut -f 1)

# not_measured ROUND CONFIG REASON: every operation of CONFIG is n/a.
not_measured() {
	local op
	for op in $OPS; do echo "na $1 $2 $op $3"; done
}

# cpu_ticks: all CPUs' ticks so far, and of them the idle ones.
cpu_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $5 + $6 + $7 + $8, $5 + $6 }' /proc/stat; }

# wait_idle: wait, 20 s at most, until the guest's CPUs were at least 90%
# idle for half a second.  Work that a change of configuration leaves
# behind (RCU callbacks, the reaper, kworkers) would otherwise run on the
# other vCPU beside the benchmark and take host time from it: under TCG
# each vCPU is a host thread.
wait_idle() {
	local total idle i=0
	while [ $i -lt 40 ]; do
		set -- $(cpu_ticks)
		total=$1 idle=$2
		sleep 0.5
		set -- $(cpu_ticks)
		[ $(( ($1 - total - $2 + idle) * 10 )) -le $(( $1 - total )) ] && return
		i=$((i + 1))
	done
	echo "# the guest stayed busy for 20 s; measuring anyway"
}

# confined_by CONFIG: the command that runs its arguments confined as
# CONFIG says, where ctrpolicy's cgroups do not: (g) in AppArmor's profile
# (entered at the exec), (h) restricted by Landlock.
confined_by() {
	case $1 in
	g) echo $AA_EXEC ;;
	h) echo $TESTS/landlock_net $LANDLOCK_PORTS ;;
	esac
}

# measure ROUND CONFIG: the benchmarks in CONFIG's cgroup, on CPU 1.
measure() {
	local op rest seen=
	in_cgroup $(cgroup_of $2) taskset -c 1 $(confined_by $2) $BENCH -t $ms -b $batches \
		-m $MNT -p $PORT -W $walk_files all > /tmp/bench.out 2>&1
	while read -r op rest; do
		case $rest in
		error*) echo "na $1 $2 $op ${rest#error }" ;;
		*) echo "result $1 $2 $op $rest" ;;
		esac
		seen="$seen $op "
	done < /tmp/bench.out
	for op in $OPS; do
		case $seen in
		*" $op "*) ;;
		*) echo "na $1 $2 $op bench gave no result: $(head -n 1 /tmp/bench.out)" ;;
		esac
	done
}

# prepare CONFIG: make CONFIG's state from the previous configuration's.
prepare() {
	local why
	case $1 in
	a) enforcement_off ;;
	g) apparmor_setup ;;
	h) why=$($TESTS/landlock_net -c 2>&1) || { echo "${why#landlock_net: }"; return 1; }
	   [ "$round" = 1 ] || return 0
	   echo "note h Landlock restricts TCP bind(2) and connect(2) to ports $LANDLOCK_PORTS: the rows that use UDP, and mount, pass no Landlock check of their own (Landlock has no UDP rules, and a ruleset that handles no file system access restricts no mount)" >&3 ;;
	b0) [ -z "$FMOD_RET" ] || { echo "the BPF LSM is not active: (b) runs fmod_ret programs, and the floor is that of the BPF-LSM path"; return 1; }
	    $TESTS/bench_floor attach && attached_hooks b0 $FLOOR_PINS ;;
	n) $TESTS/bench_floor detach && load_module && [ ! -e /sys/fs/bpf/ctrpolicy ] ||
	   { echo "enforcement is attached with no policy loaded"; return 1; } ;;
	b) $TESTS/bench_floor detach && load_module && attach_with ctrpolicy &&
	   attached_hooks b /sys/fs/bpf/ctrpolicy ;;
	pb) enforcement_off && insmod $BASE/ctrpolicy.ko && attach_with $BASE/ctrpolicy ;;
	pc) load_policy pc bench-typical 0 $B/c ;;
	c) load_policy c bench-typical 0 $B/c ;;
	l) load_policy l bench-learn 0 $B/l ;;
	d) load_policy d bench-10k $rules $B/d ;;
	f) load_policy f bench-typical 0 $B/f1 $B/f1/f2 $B/f1/f2/f3 $B/f1/f2/f3/f4 \
		$B/f1/f2/f3/f4/f5 $B/f1/f2/f3/f4/f5/f6 $B/f1/f2/f3/f4/f5/f6/f7 $DEEP ;;
	e) [ -z "$c_failed" ] || { echo "$c_failed"; return 1; }
	   load_others ;;
	esac
}

FLOOR_PINS=/sys/fs/bpf/ctrpolicy-bench-floor

# apparmor_setup: (g)'s profile made from (c)'s policy and loaded (replaced
# from round 2 on), with the program that enters it; why not, if not.
apparmor_setup() {
	local policy=/tmp/bench-aa.policy profile=/tmp/bench-aa.profile err
	grep -qw apparmor /sys/kernel/security/lsm ||
		{ echo "AppArmor is not active in this kernel ($(cat /sys/kernel/security/lsm))"; return 1; }
	command -v apparmor_parser > /dev/null ||
		{ echo "no apparmor_parser in the image (tests/vm/fetch-package.sh fetches it)"; return 1; }
	bench_policy bench-typical 0 1 < $K8S > $policy
	apparmor_profile $AA_PROFILE < $policy > $profile
	err=$(apparmor_parser -r $profile 2>&1) ||
		{ echo "apparmor_parser: $(echo "$err" | tail -n 1)"; return 1; }
	printf '#!/bin/sh\necho "exec %s" > /proc/self/attr/apparmor/exec && exec "$@"\n' \
		$AA_PROFILE > $AA_EXEC && chmod 755 $AA_EXEC || return 1
	[ "$round" = 1 ] || return 0
	echo "note g AppArmor profile $AA_PROFILE, from (c)'s policy: $(grep -v '^profile\|^}' $profile | sed 's/^\t//' | tr '\n' ' ')" >&3
}

# attached_hooks CONFIG PIN_DIR: in round 1, the hooks CONFIG attached (the
# pins of its BPF-LSM programs are named after them), for the smoke test
# to compare (b0) with (b).
attached_hooks() {
	[ "$round" = 1 ] || return 0
	echo "hooks $1 $(ls $2 | sort | tr '\n' ' ')" >&3
}

# k8s-restricted on each of the other cgroups.
LOAD_OTHERS="seq $others | sed 's|^|--cgroup=$B/o/|' | xargs ctrpolicy load $K8S"
load_others() { sh -c "$LOAD_OTHERS"; }

# Programs detached (the floor's too), module unloaded, the policies gone
# with it.
enforcement_off() {
	$TESTS/bench_floor detach || return 1
	if [ -e /sys/fs/bpf/ctrpolicy ]; then
		$(cat $ATTACHED_BY 2>/dev/null || echo ctrpolicy) detach > /dev/null || return 1
	fi
	unload_module
}

one_round() {
	local config why
	c_failed= module_failed=
	for config in $CONFIGS; do
		echo "# round $round: ($config) $(describe $config)"
		if [ -n "$module_failed" ] && [ $config != a ]; then
			not_measured $round $config "$module_failed"
			continue
		fi
		if why=$(prepare $config 2>&1); then
			wait_idle
			measure $round $config
			continue
		fi
		why=$(echo "${why:-setting up failed}" | head -n 1)
		not_measured $round $config "$why"
		case $config in
		a|n|b) module_failed="($config) could not be set up: $why" ;;
		c) c_failed="as (c): $why" ;;
		esac
	done
}

# ---- load cost ------------------------------------------------------------

# Each size's load, replace and delete over netlink; then the tool's
# replace of the policy of (d) by itself (a first load checks that it
# loads), parsing included.
load_cost() {
	local err file=/tmp/bench-10k.policy
	$TESTS/loadcost time $B/load $load_repeats $load_sizes
	bench_policy bench-10k $rules 1 < $K8S > $file
	if err=$(ctrpolicy load $file --cgroup $B/load 2>&1); then
		$TESTS/loadcost exec $load_repeats ctrpolicy load $file \
			--cgroup $B/load | sed "s/^/load $rules tool /"
	else
		echo "load $rules tool na $(echo "$err" | head -n 1)"
	fi
	ctrpolicy unload --cgroup $B/load > /dev/null 2>&1
}

# ---- container start ------------------------------------------------------

RUNTIME_CONF=/etc/ctrpolicy/runtime.conf
START=/tmp/bench-start

# start_once BUNDLE COMMAND...: one run of the container of BUNDLE by
# COMMAND (its arguments before the bundle's), from the bundle's original
# config.json (ctrpolicy-runc rewrites it; the copy is paid in every way):
# its time in microseconds, or "na REASON".
start_once() {
	local dir=$1 out
	shift
	out=$($TESTS/loadcost exec 1 sh -c \
		'cp "$0/orig.json" "$0/config.json" && exec "$@" run --no-pivot -b "$0" bench-start' \
		"$dir" "$@" 2> $dir/err | tail -n 1)
	case $out in
	[0-9]*) echo "${out%% *}" ;;
	na*) echo "$out: $(cat $dir/err $dir/hooks.err 2>/dev/null | tail -n 1)" ;;
	*) echo "na ${out:-no output}: $(cat $dir/err $dir/hooks.err 2>/dev/null | tail -n 1)" ;;
	esac
}

# start_kind KIND: start_once with KIND's bundle and command.
start_kind() {
	case $1 in
	bare) start_once $START/bare $CRUN ;;
	hooks) start_once $START/hooks $CRUN ;;
	runtime) start_once $START/bare ctrpolicy-runc --cgroup-manager=cgroupfs ;;
	esac
}

# start_summary KIND: "start KIND MEDIAN MIN MAX" of KIND's times, or its
# "na REASON".
start_summary() {
	if grep -q '^na' $START/$1.times; then
		echo "start $1 $(head -n 1 $START/$1.times)"
		return
	fi
	sort -n $START/$1.times | awk -v kind=$1 '{ t[NR] = $1 }
	END {
		if (!NR) { print "start " kind " na no start timed"; exit }
		m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
		print "start", kind, m, t[1], t[NR]
	}'
}

# What ctrpolicy-runc adds to a container start: a container running true,
# started by crun from a bundle without hooks (bare), by crun with
# ctrpolicy's hooks in config.json (hooks: what an engine's hooks.d gives;
# the hook loads the policy k8s-restricted and unloads it), and by
# ctrpolicy-runc over crun from the bundle without hooks (runtime: it adds
# them, then runs crun).  The module is loaded and attached.  The three
# take turns start by start, each round beginning with the next one, so
# that what else runs on the host weighs on each alike; round 0 warms up
# (translates crun, the hook and the front end under TCG) and is not
# counted.
start_cost() {
	local kind saved= i t kinds
	if ! command -v crun > /dev/null; then
		for kind in bare hooks runtime; do
			echo "start $kind na crun is not in the image (the host had none when it was built)"
		done
		return
	fi
	(
	OCI_CGROUP=bench-oci
	. $TESTS/oci.sh
	oci_bundle $START/hooks k8s-restricted true
	oci_bundle $START/bare k8s-restricted true
	# The bundle without hooks: the same, its "hooks" object left out.
	sed -i '/"hooks": {/,/^\t},$/d' $START/bare/config.json
	cp $START/hooks/config.json $START/hooks/orig.json
	cp $START/bare/config.json $START/bare/orig.json
	if [ -e $RUNTIME_CONF ]; then
		saved=$RUNTIME_CONF.bench-saved
		mv $RUNTIME_CONF $saved
	fi
	mkdir -p ${RUNTIME_CONF%/*}
	printf 'runtime = %s\npolicy-dir = /ctrpolicy/policies\n' "$(command -v crun)" > $RUNTIME_CONF
	for kind in bare hooks runtime; do : > $START/$kind.times; done
	wait_idle
	i=0
	while [ $i -le $starts ]; do
		case $((i % 3)) in
		0) kinds="bare hooks runtime" ;;
		1) kinds="hooks runtime bare" ;;
		2) kinds="runtime bare hooks" ;;
		esac
		for kind in $kinds; do
			grep -q '^na' $START/$kind.times && continue
			t=$(start_kind $kind)
			case $t in
			na*) echo "$t" > $START/$kind.times ;;
			*) [ $i -eq 0 ] || echo "$t" >> $START/$kind.times ;;
			esac
			# The front end's rewrite of config.json: both hooks added.
			if [ $kind = runtime ] && [ "${t#na}" = "$t" ] &&
			   [ "$(grep -o oci-hook $START/bare/config.json | wc -l)" -lt 2 ]; then
				echo "na ctrpolicy-runc did not add ctrpolicy's hooks to config.json" > $START/runtime.times
			fi
		done
		i=$((i + 1))
	done
	for kind in bare hooks runtime; do start_summary $kind; done
	rm -f $RUNTIME_CONF
	[ -z "$saved" ] || mv $saved $RUNTIME_CONF
	)
	rm -rf $START
	rmdir $CG/bench-oci 2>/dev/null
}

# ---- memory ---------------------------------------------------------------

memstat() { sed -n "s/^$1 //p" $MEM/memory.stat; }
charged() { sleep $settle; echo "$(memstat kernel) $(memstat slab) $(memstat percpu)"; }

# charge WHAT COUNT COMMAND...: what COMMAND, run in $MEM, leaves charged
# there: "memory WHAT COUNT KERNEL SLAB PERCPU".
charge() {
	local what=$1 count=$2 before after err
	shift 2
	before=$(charged)
	if ! err=$(in_cgroup $MEM "$@" 2>&1); then
		echo "memory $what $count na $(echo "$err" | head -n 1)"
		return
	fi
	after=$(charged)
	echo "memory $what $count $before $after" |
		awk '{ print $1, $2, $3, $7 - $4, $8 - $5, $9 - $6 }'
}

memory() {
	local n
	enforcement_off && load_module && attach_with ctrpolicy || {
		echo "memory policies $others na module could not be loaded"
		return
	}
	grep -qw memory $CG/cgroup.subtree_control || memory_enabled=1
	echo +memory > $CG/cgroup.subtree_control && mkdir -p $MEM || {
		echo "memory policies $others na no memory controller"
		return
	}
	# The loader's own allocations settle in a first run.
	in_cgroup $MEM ctrpolicy list > /dev/null
	charge policies $others sh -c "$LOAD_OTHERS"
	for n in $load_sizes; do
		charge rules $n $TESTS/loadcost set $B/load $n
		ctrpolicy unload --cgroup $B/load > /dev/null
	done
	# A learn-mode policy allocates its learned set when it is loaded:
	# k8s-restricted in learn mode with each size, the difference between
	# two sizes being that of their sets.
	for n in $learn_sizes; do
		bench_policy bench-learn 0 1 "learn size $n" < $K8S > /tmp/bench-learn-$n.policy
		charge learn $n ctrpolicy load /tmp/bench-learn-$n.policy --cgroup $B/load
		ctrpolicy unload --cgroup $B/load > /dev/null 2>&1
	done
}

# ---- the run --------------------------------------------------------------

exec 3>&1
echo "# bench: $rounds rounds of $batches batches of ${ms} ms; $others other policies; $rules rules"
echo "meta kernel $(uname -r)"
echo "meta cpus $(nproc)"
echo "meta rounds $rounds"
echo "meta batches $batches"
echo "meta batch_ms $ms"
echo "meta others $others"
echo "meta rules $rules"
echo "meta starts $starts"
$BENCH -l | sed 's/^/op /; s/\t/ /'
for config in $CONFIGS; do echo "config $config $(describe $config)"; done

mkdir -p $B/free $B/c $B/l $B/d $B/load $DEEP $B/o
echo "# creating $others cgroups"
(cd $B/o && seq $others | xargs mkdir -p)

for round in $(seq $rounds); do
	one_round
done

echo "# load cost"
enforcement_off && load_module && attach_with ctrpolicy
load_cost
echo "# container start: $starts starts each"
start_cost
echo "# memory"
memory
enforcement_off
find $B $MEM -depth -type d 2>/dev/null | xargs rmdir
[ -z "$memory_enabled" ] || echo -memory > $CG/cgroup.subtree_control
echo "# bench done"
