// SPDX-License-Identifier: GPL-2.0
/*
 * Stands in for a module: a BTF_SET8 of kfuncs, a BTF_SET and a
 * BTF_ID_LIST, resolved by btfids against split BTF on top of base.c's.
 * The sets list the functions in an order that is not their BTF id
 * order (the test checks this), so that sorting is exercised.
 */
#include "btf_ids.h"

struct base_struct {
	int a;
	long b;
};

struct fx__dunder {
	int x;
};

union fx_union {
	int i;
	long l;
};

typedef unsigned int fx_typedef_t;

int zeta_fn(struct fx__dunder *d)
{
	return d->x;
}

int alpha_fn(struct base_struct *s)
{
	return s->a;
}

int mid_fn(union fx_union *u)
{
	return u->i;
}

fx_typedef_t omega_fn(fx_typedef_t v)
{
	return v + 1;
}

BTF_SET8_START(fx_kfunc_ids)
BTF_ID_FLAGS(func, zeta_fn, 0x101)
BTF_ID_FLAGS(func, alpha_fn, 0x102)
BTF_ID_FLAGS(func, omega_fn, 0x103)
BTF_ID_FLAGS(func, mid_fn, 0x104)
BTF_SET8_END(fx_kfunc_ids)

BTF_SET_START(fx_set)
BTF_ID(func, omega_fn)
BTF_ID(func, zeta_fn)
BTF_ID(func, alpha_fn)
BTF_SET_END(fx_set)

BTF_ID_LIST(fx_list)
BTF_ID(struct, fx__dunder)
BTF_ID(union, fx_union)
BTF_ID(typedef, fx_typedef_t)
BTF_ID_UNUSED
BTF_ID(struct, base_struct)
BTF_ID(func, base_func)
BTF_ID(func, mid_fn)
