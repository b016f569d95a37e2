# SPDX-License-Identifier: GPL-2.0
# Events: a denial reported from under a lock of the hook's caller (prlimit
# asks capable(CAP_SYS_RESOURCE) under task_lock()) while a listener waits,
# and the rate limit of each policy: a noisy container over its limit does
# not hide another one's denial, the event after a suppression says how
# many were suppressed, and the counters stay exact.

check "enforcement is on (module loaded, programs attached)" enforce_on
mkdir -p $CG/t-ev-quiet $CG/t-ev-noisy

# no_lock_report: the kernel log has no lockdep report, no sleep in atomic
# context and no warning (the debug lanes' kernels have lockdep).
no_lock_report() {
	! dmesg | grep -E 'possible (recursive|circular) locking|inconsistent lock state|lock held when returning|BUG: (sleeping function|scheduling while atomic|spinlock|using smp_processor_id)|WARNING: (CPU|at)'
}

# json_number FILE_OR_TEXT KEY: the first number of "KEY":N in the text.
json_number() {
	printf '%s\n' "$1" | grep -o "\"$2\":[0-9]*" | head -1 | cut -d: -f2
}

# shown_events CGROUP: the events section of CGROUP's policy on one line.
shown_events() {
	ctrpolicy show --cgroup "$1" | sed -n '/^events {/,/^}/p' | tr -d '\t' | tr '\n' ' '
}

# --- a denial under task_lock(), with a listener --------------------------
write_policy /tmp/ev-quiet.policy ev-quiet enforce chown
check "load a policy without sys_resource" \
	ctrpolicy load /tmp/ev-quiet.policy --cgroup $CG/t-ev-quiet
check "raising its hard RLIMIT_NOFILE is denied (EPERM)" \
	in_cgroup $CG/t-ev-quiet $TRY --expect EPERM raise-rlimit
await_event /tmp/ev-prlimit.json in_cgroup $CG/t-ev-quiet $TRY --expect EPERM raise-rlimit
check "with a listener, prlimit() is denied and reported: capable sys_resource, asked under task_lock()" \
	grep -q '"verdict":"deny","area":"capability","operation":"capable","capability":"sys_resource".*"comm":"try".*"policy":"ev-quiet"' \
	/tmp/ev-prlimit.json
sed 's/^/#   /' /tmp/ev-prlimit.json
check "no lockdep report, sleep in atomic context or warning in the kernel log" no_lock_report

# --- the rate limit of a policy -------------------------------------------
printf 'policy ev-noisy\nmode enforce\ncapabilities {\n\tallow chown\n}\nnetwork {\n\tdefault allow\n}\nevents {\n\trate 2/s\n\tburst 3\n}\n' \
	> /tmp/ev-noisy.policy
check "load a policy with 'events { rate 2/s, burst 3 }'" \
	ctrpolicy load /tmp/ev-noisy.policy --cgroup $CG/t-ev-noisy
check "show prints its events section back" \
	test "$(shown_events $CG/t-ev-noisy)" = "events { rate 2/s burst 3 } "
check "list -j shows its limit and nothing suppressed yet" sh -c \
	"ctrpolicy -j list | grep -q '\"policy\":\"ev-noisy\".*\"events\":{\"rate\":2,\"burst\":3,\"suppressed\":0}'"

printf 'policy ev-bad\nevents {\n\trate 0/s\n}\n' > /tmp/ev-bad.policy
check_fails "a rate of 0 is refused with file:line:col and a hint" \
	"^/tmp/ev-bad.policy:3:7: error: rate '0/s' is out of range" \
	ctrpolicy load /tmp/ev-bad.policy --cgroup $CG/t-ev-noisy
printf 'policy ev-bad\nevents {\n\trate 10/s\n\tburst 20000\n}\n' > /tmp/ev-bad.policy
check_fails "a burst above 10000 is refused with file:line:col" \
	"^/tmp/ev-bad.policy:4:8: error: burst '20000' is out of range" \
	ctrpolicy load /tmp/ev-bad.policy --cgroup $CG/t-ev-noisy
noisy_unchanged() {
	ctrpolicy show --cgroup $CG/t-ev-noisy | grep -q '^policy ev-noisy$' &&
		test "$(shown_events $CG/t-ev-noisy)" = "events { rate 2/s burst 3 } "
}
check "after both refusals the loaded policy is unchanged" noisy_unchanged

# One listener for the whole flood; it listens once it reports a denial of
# the quiet cgroup (sys_admin: the flood's own denials are of the noisy one).
: > /tmp/ev-all.json
timeout 300 ctrpolicy -j monitor > /tmp/ev-all.json 2> /tmp/ev-monitor.err &
monitor=$!
i=0
while ! grep -q '"policy":"ev-quiet"' /tmp/ev-all.json && [ $i -lt 150 ] &&
	kill -0 $monitor 2>/dev/null; do
	in_cgroup $CG/t-ev-quiet $TRY sethostname vm > /dev/null 2>&1
	sleep 0.2
	i=$((i + 1))
done
check "the monitor listens" grep -q '"policy":"ev-quiet"' /tmp/ev-all.json

status_before=$(ctrpolicy -j status)
list_before=$(ctrpolicy -j list | grep -o '"policy":"ev-noisy".*')
denied_before=$(json_number "$list_before" denied)

rm -f /tmp/ev-stop
start=$(cut -d. -f1 /proc/uptime)
in_cgroup $CG/t-ev-noisy $TRY sethostname-until /tmp/ev-stop > /tmp/ev-flood.out 2>&1 &
flood=$!
sleep 3
# The quiet policy's one denial, of another capability, in mid-flood.
check "in mid-flood, the other cgroup's prlimit() is denied" \
	in_cgroup $CG/t-ev-quiet $TRY --expect EPERM raise-rlimit
sleep 1
touch /tmp/ev-stop
wait $flood
elapsed=$(( $(cut -d. -f1 /proc/uptime) - start ))
flood_denied=$(sed -n 's/.*denied=\([0-9]*\).*/\1/p' /tmp/ev-flood.out)
check "the flood was denied, and nothing else happened to it" \
	grep -Eq '^allowed=0 denied=[1-9][0-9]* other=0$' /tmp/ev-flood.out
sed 's/^/#   /' /tmp/ev-flood.out
# Past the flood the bucket refills (a token every 0.5 s): the noisy
# policy's next denial, of another capability, is reported.
sleep 2
check "after the flood, the noisy cgroup's prlimit() is denied" \
	in_cgroup $CG/t-ev-noisy $TRY --expect EPERM raise-rlimit
i=0
while ! grep -q '"capability":"sys_resource".*"policy":"ev-noisy"' /tmp/ev-all.json &&
	[ $i -lt 150 ]; do
	sleep 0.2
	i=$((i + 1))
done
kill $monitor 2>/dev/null
wait $monitor 2>/dev/null
status_after=$(ctrpolicy -j status)
list_after=$(ctrpolicy -j list | grep -o '"policy":"ev-noisy".*')

check "the noisy policy over its limit did not hide the quiet one's denial" \
	grep -q '"capability":"sys_resource".*"policy":"ev-quiet"' /tmp/ev-all.json
noisy_events=$(grep -c '"policy":"ev-noisy"' /tmp/ev-all.json)
limit=$((3 + 2 * (elapsed + 3) + 2))
check "the noisy policy's events kept to its limit ($noisy_events events in ${elapsed}s of flood, at most $limit)" \
	test "$noisy_events" -ge 2 -a "$noisy_events" -le "$limit"
# The next event that passes carries what was suppressed before it: one
# of the flood's, or the one after it when the flood's last denials were
# held back (which it is depends on where the flood ends).
check "an event of the noisy policy carries suppressed N > 0" sh -c \
	"grep '\"policy\":\"ev-noisy\"' /tmp/ev-all.json | grep -q '\"suppressed\":[1-9]'"

suppressed_sum=$(grep '"policy":"ev-noisy"' /tmp/ev-all.json |
	grep -o '"suppressed":[0-9]*' | cut -d: -f2 | awk '{ s += $1 } END { print s + 0 }')
suppressed_total=$(printf '%s\n' "$list_after" | grep -o '"events":{[^}]*}' | head -1 |
	grep -o '"suppressed":[0-9]*' | cut -d: -f2)
denied_after=$(json_number "$list_after" denied)
dropped=$(( $(json_number "$status_after" events_dropped) - $(json_number "$status_before" events_dropped) ))
echo "# flood: $flood_denied denied; noisy: $noisy_events events, suppressed $suppressed_sum in events, $suppressed_total listed; denied $denied_before -> $denied_after; dropped $dropped"
check "the deny counter is exact: every denial of the flood and the one after it" \
	test "$((denied_after - denied_before))" -eq "$((flood_denied + 1))"
check "list's suppressed count is what the events said they suppressed" \
	test "$suppressed_total" -eq "$suppressed_sum" -a "$suppressed_total" -gt 0
check "each denial was either reported or suppressed (or dropped, counted)" \
	test "$((noisy_events + suppressed_total + dropped))" -eq "$((flood_denied + 1))"
check "list shows the suppressed count in its SUPPRESSED column" sh -c \
	"ctrpolicy list | head -1 | grep -q 'SUPPRESSED\$' &&
	 ctrpolicy list | grep ev-noisy | grep -q ' $suppressed_total\$'"

# The text of monitor: a flood until the monitor has five events of the
# noisy policy, the later ones after suppressions.
rm -f /tmp/ev-stop
: > /tmp/ev-text.out
timeout 120 ctrpolicy monitor --count 5 > /tmp/ev-text.out 2>/dev/null &
monitor=$!
in_cgroup $CG/t-ev-noisy $TRY sethostname-until /tmp/ev-stop > /dev/null 2>&1 &
flood=$!
wait $monitor
touch /tmp/ev-stop
wait $flood
check "monitor's text shows suppressed=N on an event after suppressions" \
	grep -Eq 'policy=ev-noisy .*suppressed=[1-9]' /tmp/ev-text.out
sed 's/^/#   /' /tmp/ev-text.out

# A replace keeps the count, as it keeps the counters.
printf 'policy ev-noisy2\nmode enforce\ncapabilities {\n\tallow chown\n}\nevents {\n\trate 100/s\n}\n' \
	> /tmp/ev-noisy2.policy
before=$(ctrpolicy -j list | grep -o '"policy":"ev-noisy".*' | grep -o '"events":{[^}]*}' | head -1 |
	grep -o '"suppressed":[0-9]*' | cut -d: -f2)
ctrpolicy load /tmp/ev-noisy2.policy --cgroup $CG/t-ev-noisy
check "a replaced policy keeps its suppressed count, with the new limit" sh -c \
	"ctrpolicy -j list | grep -q '\"policy\":\"ev-noisy2\".*\"events\":{\"rate\":100,\"burst\":100,\"suppressed\":$before}'"
check "no lockdep report, sleep in atomic context or warning after the floods" no_lock_report

check "enforcement off, test cgroups removed" enforce_off
