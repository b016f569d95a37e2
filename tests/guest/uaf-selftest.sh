#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The debug lane's self-test, on a kernel built with
# CONFIG_SECURITY_CTRPOLICY_TEST_UAF: unloading a policy named
# "test-use-after-free" reads it after it was freed.  KASAN must report it
# (and panic_on_warn stop the kernel); the host checks the console log.
. /ctrpolicy/tests/lib.sh
group=uaf
mkdir -p $CG/t-uaf
write_policy /tmp/uaf.policy test-use-after-free enforce none
ctrpolicy load /tmp/uaf.policy --cgroup $CG/t-uaf
ctrpolicy unload --cgroup $CG/t-uaf
echo "# uaf: the kernel went on after the injected use-after-free"
