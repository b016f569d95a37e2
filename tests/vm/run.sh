#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot Debian's kernel in QEMU (TCG) with the project's initramfs.
#
# usage: run.sh --kernel VMLINUZ --initrd INITRD --mode check|uaf|bench|shell|demo
#               [--filter NAME] [--timeout SECONDS] [--log CONSOLE_LOG]
#               [--append KERNEL_ARGS] [--boot-retry]
# TCG_THREAD in the environment: QEMU's TCG thread=single or multi (its
# default for this guest).
#
# check: the guest's TAP lines stream to stdout; the kernel console goes to
# the log, which is scanned for warnings afterwards.  A guest that did not
# finish ("# guest done" missing: a panic, a hang, a dead runner) and a
# console with a kernel warning are "not ok" lines; the exit status is
# non-zero only when the guest could not be run at all.
# bench: the same, the guest's lines being raw benchmark results.
# --boot-retry: a kernel that stops before the guest wrote its first line
# is booted once more, its console kept in CONSOLE_LOG.first-boot and its
# last lines shown.  Only for a stock kernel with ctrpolicy as a module
# the guest loads later: no ctrpolicy code had run.  (Under a loaded host,
# TCG has been seen to stop Debian's kernel at boot with a spurious int3
# while it patched its own text.)
# shell, demo: the console is this terminal.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
kernel= initrd= mode=check filter= timeout=900 log= append= boot_retry=
while [ $# -gt 0 ]; do
	case "$1" in
	--kernel) kernel=$2; shift 2 ;;
	--initrd) initrd=$2; shift 2 ;;
	--mode) mode=$2; shift 2 ;;
	--filter) filter=$2; shift 2 ;;
	--timeout) timeout=$2; shift 2 ;;
	--log) log=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--boot-retry) boot_retry=1; shift ;;
	*) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
	esac
done
[ -f "$kernel" ] && [ -f "$initrd" ] || {
	echo "run.sh: need --kernel and --initrd (run through 'make check', 'make vm')" >&2
	exit 2
}

# KVM hangs on this class of machine; TCG is slower but dependable.
# panic_on_warn turns any kernel warning into a failed run.
cmdline="console=ttyS0 panic=-1 panic_on_warn=1 oops=panic ctrpolicy_mode=$mode"
[ -n "$filter" ] && cmdline="$cmdline ctrpolicy_filter=$filter"
[ -n "$append" ] && cmdline="$cmdline $append"
# TCG_THREAD=single (the Makefile's default for KERNEL=newest) runs both
# vCPUs on one host thread: on a loaded host, multi-threaded TCG let 7.2's
# text patching (text_poke_bp(), int3 on a live instruction) be seen
# half-done by the other vCPU, a spurious "Oops: int3" at boot and later.
qemu=(qemu-system-x86_64 -accel "tcg${TCG_THREAD:+,thread=$TCG_THREAD}"
      -cpu max -m 1G -smp 2 -no-reboot
      -kernel "$kernel" -initrd "$initrd" -nic none)

# shell and demo are interactive; the others report on the second port.
if [ "$mode" = shell ] || [ "$mode" = demo ]; then
	exec "${qemu[@]}" -nographic -append "$cmdline quiet"
fi

# Beside the console log (in the build directory), or in a temporary one.
if [ -n "$log" ]; then
	work=$(dirname "$log")
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	log=$work/console.log
fi
out=$work/guest.tap
# boot: run the guest once; its status in $status.
boot() {
	: > "$out"
	timeout --foreground -k 5 "$timeout" "${qemu[@]}" -display none -monitor none \
		-serial "file:$log" -serial "file:$out" -append "$cmdline" </dev/null &
	local qemu_pid=$! tail_pid
	tail -n +1 -f --pid=$qemu_pid "$out" &
	tail_pid=$!
	status=0
	wait $qemu_pid || status=$?
	wait $tail_pid 2>/dev/null || true
}
boot
if [ -n "$boot_retry" ] && [ $status -ne 124 ] && [ ! -s "$out" ]; then
	echo "# vm: the kernel stopped before the guest's first line (qemu exit $status); booting once more"
	echo "#   its last console lines (all in $log.first-boot):"
	tail -n 15 "$log" | sed 's/^/#   /'
	mv "$log" "$log.first-boot"
	boot
fi

# last_group: the group the guest started last (tests/guest/run-groups.sh
# announces each with a line "# GROUP"; the serial line ends lines with CR).
last_group() {
	tr -d '\r' < "$out" | sed -n 's/^# \([A-Za-z0-9_-]*\)$/\1/p' | tail -n 1
}
if [ $status -eq 124 ]; then
	echo "not ok - vm: guest finished within ${timeout}s"
	echo "#   the last group it started: $(last_group)"
elif ! grep -q '^# guest done' "$out"; then
	echo "not ok - vm: guest finished (qemu exit $status; last console lines follow)"
	echo "#   the last group it started: $(last_group)"
	tail -n 30 "$log" | sed 's/^/#   /'
else
	echo "ok - vm: guest finished"
fi
if "$here/scanlog.sh" "$log" > "$work/scan" 2>&1; then
	echo "ok - vm: kernel log has no warning, oops or sanitizer report"
else
	echo "not ok - vm: kernel log has no warning, oops or sanitizer report"
	sed 's/^/#   /' "$work/scan"
fi
