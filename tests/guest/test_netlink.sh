# SPDX-License-Identifier: GPL-2.0
# Malformed and unprivileged netlink requests, sent raw with libmnl: each
# gets an errno and an extack message, and the store stays as it was.

check "enforcement is on" enforce_on
mkdir -p $CG/t-netlink
"$TESTS/nl_raw" $CG/t-netlink
check "enforcement off, test cgroups removed" enforce_off
