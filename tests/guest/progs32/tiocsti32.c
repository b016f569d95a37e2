// SPDX-License-Identifier: GPL-2.0
/*
 * tiocsti32: TIOCSTI from a 32-bit program, which reaches the kernel as a
 * compat ioctl (security_file_ioctl_compat(), not security_file_ioctl()).
 * "id" and a newline are typed into a new pseudo-terminal and read back.
 *
 * Exit status: 0 when the input was read back, else the errno of the step
 * that failed (EPERM is 1), or 200 when the bytes read back differ.
 *
 * Freestanding (no 32-bit C library is needed to build it): system calls
 * through int $0x80 with the i386 numbers.
 */
#define NR_EXIT		1
#define NR_READ		3
#define NR_OPEN		5
#define NR_IOCTL	54

#define O_RDWR		2
#define O_NOCTTY	0400
#define O_NONBLOCK	04000

#define TIOCSTI		0x5412
#define TIOCSPTLCK	0x40045431
#define TIOCGPTPEER	0x5441

static long syscall3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile("int $0x80"
			 : "=a"(ret)
			 : "a"(nr), "b"(a), "c"(b), "d"(c)
			 : "memory");
	return ret;
}

static void __attribute__((noreturn)) leave(long status)
{
	for (;;)
		syscall3(NR_EXIT, status, 0, 0);
}

/* A failed system call returns -errno: exit with errno. */
static long must(long ret)
{
	if (ret < 0)
		leave(-ret);
	return ret;
}

void __attribute__((noreturn, force_align_arg_pointer)) _start(void)
{
	static const char typed[] = "id\n";
	char back[8];
	int unlock = 0;
	long master, slave, i;

	master = must(syscall3(NR_OPEN, (long)"/dev/ptmx", O_RDWR | O_NOCTTY, 0));
	must(syscall3(NR_IOCTL, master, TIOCSPTLCK, (long)&unlock));
	slave = must(syscall3(NR_IOCTL, master, TIOCGPTPEER,
			      O_RDWR | O_NOCTTY | O_NONBLOCK));
	for (i = 0; i < 3; i++)
		must(syscall3(NR_IOCTL, slave, TIOCSTI, (long)&typed[i]));
	if (must(syscall3(NR_READ, slave, (long)back, sizeof(back))) != 3 ||
	    back[0] != 'i' || back[1] != 'd' || back[2] != '\n')
		leave(200);
	leave(0);
}
