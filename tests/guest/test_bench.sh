# SPDX-License-Identifier: GPL-2.0
# The benchmarks' smoke test: bench.sh (what make bench runs) in a small
# version, one short round with 20 other policies and 100 network rules,
# learned sets of 512 and 1024, 2 container starts of each kind and a tree
# of 200 files to walk.
# It checks that every benchmark ran or says why not, never how fast.

# The configurations load and unload the module: with ctrpolicy built
# into the kernel there is none.
if [ -n "$NATIVE" ]; then
	skip "the benchmarks" "ctrpolicy is built into this kernel: the benchmarks compare the module loaded and not"
	return 0
fi

raw=/tmp/bench-smoke.out	# not $out: check() has a local of that name
$TESTS/bench.sh -r 1 -t 2 -b 1 -o 20 -n 100 -s 1:100 -R 1 -S 0 -L 512:1024 -c 2 -W 200 > $raw 2>&1
ops=$($TESTS/bench -l | cut -f 1)

# has CONFIG OP: a number, or with "na" at least a reason.
has() { grep -Eq "^(result 1 $1 $2 [0-9.]+|na 1 $1 $2 .+)$" $raw; }
every() {
	local config op
	for config in a g h b0 n b c d e f l; do
		for op in $ops; do has $config $op || { echo "($config) $op: nothing"; return 1; }
		done
	done
}
numbers() {
	local op
	for op in $ops; do grep -q "^result 1 $1 $op " $raw || { grep "1 $1 $op " $raw; return 1; }; done
}

check "bench.sh ran to the end" grep -q '^# bench done' $raw
check "every operation in every configuration has a result or a reason" every
check "(a) module not loaded: every operation measured" numbers a
check "(n) module loaded, no policy, nothing attached: every operation measured" numbers n
check "(b) module attached, task unconfined: every operation measured" numbers b
# hooks_of CONFIG: the hooks CONFIG attached, from bench.sh's record.
hooks_of() { sed -n "s/^hooks $1 //p" $raw; }
same_hooks() {
	[ -n "$(hooks_of b0)" ] && [ "$(hooks_of b0)" = "$(hooks_of b)" ] && return
	echo "(b0): $(hooks_of b0)"
	echo "(b): $(hooks_of b)"
	return 1
}
FLOOR_OFF="the floor is of the BPF-LSM path"
unless_fmod_ret "$FLOOR_OFF" check "(b0) the floor, programs that return at once: every operation measured" numbers b0
unless_fmod_ret "$FLOOR_OFF" check "(b0) attaches exactly the hooks (b) attaches" same_hooks
if grep -q '^note c .*without its network section' $raw; then
	skip "(c) confined: every operation measured" "the tool refused the policy's network section"
else
	check "(c) confined: every operation measured" numbers c
fi
if grep -q '^note l .*without its network section' $raw; then
	skip "(l) learn mode: every operation measured" "the tool refused the policy's network section"
else
	check "(l) learn mode: every operation measured" numbers l
fi
# (g) AppArmor and (h) Landlock, where the kernel has them.
if grep -qw apparmor /sys/kernel/security/lsm && command -v apparmor_parser > /dev/null; then
	check "(g) AppArmor: every operation measured" numbers g
	check "(g) the benchmark runs in the profile" sh -c \
		'[ "$(/tmp/bench-aa-exec cat /proc/self/attr/apparmor/current)" = "ctrpolicy-bench (enforce)" ]'
else
	check "(g) AppArmor not here: every operation says why" sh -c \
		"[ \$(grep -Ec '^na 1 g [^ ]+ (AppArmor is not active|no apparmor_parser)' $raw) -eq $(echo $ops | wc -w) ]"
fi
if $TESTS/landlock_net -c 2> /dev/null; then
	check "(h) Landlock: every operation measured" numbers h
	check "(h) the benchmark's TCP is restricted: a port outside the ruleset is refused (EACCES)" sh -c \
		"$TESTS/landlock_net 5555 $TESTS/bench -p 6000 -t 1 -b 1 tcp-connect | grep -q 'tcp-connect error in set-up: Permission denied'"
	check "(h) control: the same port unrestricted" sh -c \
		"$TESTS/bench -p 6000 -t 1 -b 1 tcp-connect | grep -q '^tcp-connect [0-9]'"
else
	check "(h) no Landlock network rules: every operation says why" sh -c \
		"[ \$(grep -Ec '^na 1 h [^ ]+ .*(without network rules|Landlock is not available)' $raw) -eq $(echo $ops | wc -w) ]"
fi
check "load, replace and delete of 1 and 100 rules timed" sh -c \
	"[ \$(grep -Ec '^load (1|100) (load|replace|delete) [0-9.]+ ' $raw) -eq 6 ]"
# A delta may be negative: the kernel stack and page tables of the previous
# command are freed late (RCU), inside the next measurement.
check "memory per policy and per rule measured" sh -c \
	"[ \$(grep -Ec '^memory (policies 20|rules 1|rules 100) -?[0-9]+ ' $raw) -eq 3 ]"
check "memory of learned sets of 512 and 1024 measured" sh -c \
	"[ \$(grep -Ec '^memory learn (512|1024) -?[0-9]+ ' $raw) -eq 2 ]"
# Container starts: a number, or n/a with its reason (no crun in the image).
check "container start, bare crun, with hooks, through ctrpolicy-runc: timed or a reason" sh -c \
	"[ \$(grep -Ec '^start (bare|hooks|runtime) ([0-9.]+ [0-9.]+ [0-9.]+|na .+)\$' $raw) -eq 3 ]"
if command -v crun > /dev/null; then
	check "container start: timed in each way (crun is in the image)" sh -c \
		"[ \$(grep -Ec '^start (bare|hooks|runtime) [0-9.]+ ' $raw) -eq 3 ]"
fi
check "runtime.conf as it was (the benchmark's own removed)" \
	test ! -e /etc/ctrpolicy/runtime.conf.bench-saved
check "the benchmark's cgroups are gone" test ! -e $CG/bench -a ! -e $CG/bench-oci
grep -E '^(na|note|hooks|load|memory|start)' $raw | sed 's/^/#   /'
check "module unloaded" sh -c '! test -d /sys/module/ctrpolicy'
