// SPDX-License-Identifier: GPL-2.0
/* A module whose .BTF_ids names a function that has no BTF. */
#include "btf_ids.h"

int present_fn(int x)
{
	return x;
}

BTF_ID_LIST(missing_list)
BTF_ID(func, present_fn)
BTF_ID(func, no_such_fn)
