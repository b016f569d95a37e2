// SPDX-License-Identifier: GPL-2.0
/* Stands in for vmlinux: its BTF is the base of the fixture's split BTF. */

struct base_struct {
	int a;
	long b;
};

int base_func(struct base_struct *s)
{
	return s->a;
}
