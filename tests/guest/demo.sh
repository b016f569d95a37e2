#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The scripted demo run by 'make demo' (the module is already loaded).

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
run() { echo "\$ $*"; "$@"; }

say "The kernel's LSMs: the BPF LSM is active"
run cat /sys/kernel/security/lsm; echo
say "ctrpolicy is loaded and its kfuncs are usable by BPF-LSM programs"
run lsmod
run ctrpolicy status
say "A BPF LSM program on the capable hook calls the module"
run /ctrpolicy/tests/kfunc_probe
