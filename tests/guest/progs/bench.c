// SPDX-License-Identifier: GPL-2.0
/*
 * bench - micro-benchmarks of the system calls that ctrpolicy's hooks sit
 * on: each operation is a tight loop timed with CLOCK_MONOTONIC, reported
 * in nanoseconds per operation.
 *
 *   bench [-t MS] [-b BATCHES] [-p PORT] [-m DIR] [-f FILE] [-w DIR] [-W FILES]
 *         OP... | all
 *   bench -l
 *
 * Every operation named is set up first.  Then each gets an iteration count
 * that makes one batch last about MS milliseconds (default 20) and runs a
 * batch to warm up (under TCG the first run of code translates it), and
 * the operations run BATCHES batches each (default 5), taking turns batch
 * by batch so that a disturbance spreads over all of them.  One line an
 * operation, in the order named:
 *
 *   OP NS          the fastest batch: the one least disturbed
 *   OP error MSG   the operation failed, e.g. when a policy denies it:
 *                  "in set-up: ..." or "in the loop: ..."; the others
 *                  still run
 *
 * Exit status 1 if any operation failed, 2 on a bad command line.
 * -l lists the operations, "OP<TAB>what one iteration does".
 *
 * The network operations use 127.0.0.1 only: PORT (default 5555) for the
 * UDP receiver and the TCP listener, which they bind themselves; mount
 * mounts tmpfs file systems in DIR (default /tmp/bench-mnt, created if
 * missing); open opens FILE (default /etc/passwd).  Two rows are workloads
 * rather than system calls: http has busybox httpd, started in set-up on
 * PORT + 1 and serving FILE's directory, answer a GET of FILE over a new
 * connection (the server forks for each); walk visits a tree of FILES files
 * (default 20000) in DIR (default /tmp/bench-tree, made if missing) with
 * nftw(3), a stat of each: the path walks every task of the host makes.  A
 * walk takes far longer than a batch is asked to: it runs at most
 * MACRO_BATCHES batches.
 *
 * mount times mount(2) alone: every unmount waits for an RCU grace period
 * (namespace_unlock()), which under TCG takes from tens of microseconds to
 * milliseconds and would swamp the hooks.  Before a batch, a tmpfs is
 * mounted on DIR to hold the batch's mount points, one directory an
 * iteration; after it, one lazy unmount of DIR removes them all, outside
 * the time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdbool.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MAX_BATCHES	100
#define MACRO_BATCHES	5
#define WALK_DIRS	100
/* The UDP receiver is never read: once its small buffer is full, packets are dropped at once. */
#define RCVBUF		4096

struct state {
	const char *mnt;
	long mount_next;		/* the next mount point in DIR */
	const char *file;
	const char *tree;		/* walk's trees, one per size */
	long tree_files;
	char walk_root[PATH_MAX - 64];	/* TREE/FILES; room left for the files */
	struct sockaddr_in http;	/* 127.0.0.1:PORT + 1 */
	pid_t httpd;
	char http_request[PATH_MAX + 32];
	struct sockaddr_in dst;		/* 127.0.0.1:PORT */
	struct sockaddr_in any_port;	/* 127.0.0.1:0 */
	char hostname[64];
	int listen_fd;			/* TCP, on dst */
	int rcv_fd;			/* UDP, on dst */
	int conn_fd;			/* UDP, connected over and over */
	int send_fd;			/* UDP, sends to dst */
};

struct op {
	const char *name;
	const char *what;
	int (*setup)(struct state *st);	/* 0, or -1 with errno */
	/* Before a batch of n iterations, untimed: 0, or -1 with errno. */
	int (*before_batch)(struct state *st, long n);
	int (*run)(struct state *st);	/* one iteration: 0, or -1 with errno */
	/* After a batch, untimed, whether it failed or not: 0, or -1 with errno. */
	int (*after_batch)(struct state *st);
	void (*teardown)(struct state *st);
	int max_batches;		/* 0: as many as asked */
};

/* close() that keeps errno, for the error paths. */
static void close_keep_errno(int fd)
{
	int saved = errno;

	close(fd);
	errno = saved;
}

static int udp_socket(void)
{
	return socket(AF_INET, SOCK_DGRAM, 0);
}

/* ---- set-up and teardown ------------------------------------------------- */

static int setup_hostname(struct state *st)
{
	return gethostname(st->hostname, sizeof(st->hostname) - 1);
}

static int setup_udp_connect(struct state *st)
{
	st->conn_fd = udp_socket();
	return st->conn_fd < 0 ? -1 : 0;
}

static void teardown_udp_connect(struct state *st)
{
	close(st->conn_fd);
}

static int setup_receiver(struct state *st)
{
	int size = RCVBUF;

	st->rcv_fd = udp_socket();
	if (st->rcv_fd < 0)
		return -1;
	if (setsockopt(st->rcv_fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size)) ||
	    bind(st->rcv_fd, (struct sockaddr *)&st->dst, sizeof(st->dst)) ||
	    (st->send_fd = udp_socket()) < 0) {
		close_keep_errno(st->rcv_fd);
		return -1;
	}
	return 0;
}

static void teardown_receiver(struct state *st)
{
	close(st->send_fd);
	close(st->rcv_fd);
}

static int setup_listener(struct state *st)
{
	int one = 1;

	st->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	if (st->listen_fd < 0)
		return -1;
	if (setsockopt(st->listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(st->listen_fd, (struct sockaddr *)&st->dst, sizeof(st->dst)) ||
	    listen(st->listen_fd, 16)) {
		close_keep_errno(st->listen_fd);
		return -1;
	}
	return 0;
}

static void teardown_listener(struct state *st)
{
	close(st->listen_fd);
}

static int setup_mount(struct state *st)
{
	return mkdir(st->mnt, 0755) && errno != EEXIST ? -1 : 0;
}

/* The path of mount point I in DIR, in BUF of SIZE bytes. */
static void mount_point(const struct state *st, long i, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%ld", st->mnt, i);
}

static int hold_mount_points(struct state *st, long n)
{
	char path[PATH_MAX];
	long i;

	if (mount("bench-holder", st->mnt, "tmpfs", 0, NULL))
		return -1;
	for (i = 0; i < n; i++) {
		mount_point(st, i, path, sizeof(path));
		if (mkdir(path, 0755)) {
			int saved = errno;

			umount2(st->mnt, MNT_DETACH);
			errno = saved;
			return -1;
		}
	}
	st->mount_next = 0;
	return 0;
}

static int release_mount_points(struct state *st)
{
	return umount2(st->mnt, MNT_DETACH);
}

static void teardown_http(struct state *st)
{
	int saved = errno;

	kill(st->httpd, SIGTERM);
	waitpid(st->httpd, NULL, 0);
	errno = saved;
}

/* busybox httpd in the foreground, serving FILE's directory. */
static int setup_http(struct state *st)
{
	char dir[PATH_MAX], port[32];
	const char *name;
	int i, fd;

	name = strrchr(st->file, '/');
	if (!name || name == st->file || (size_t)(name - st->file) >= sizeof(dir)) {
		errno = EINVAL;
		return -1;
	}
	snprintf(dir, sizeof(dir), "%.*s", (int)(name - st->file), st->file);
	snprintf(st->http_request, sizeof(st->http_request),
		 "GET %s HTTP/1.0\r\n\r\n", name);
	snprintf(port, sizeof(port), "127.0.0.1:%d", ntohs(st->http.sin_port));
	st->httpd = fork();
	if (st->httpd < 0)
		return -1;
	if (!st->httpd) {
		execlp("busybox", "busybox", "httpd", "-f", "-p", port, "-h", dir,
		       (char *)NULL);
		_exit(127);
	}
	/* Until it listens, while it runs: 5 s at most. */
	for (i = 0; i < 500; i++) {
		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (fd < 0)
			break;
		if (!connect(fd, (struct sockaddr *)&st->http, sizeof(st->http)))
			return close(fd);
		close_keep_errno(fd);
		if (waitpid(st->httpd, NULL, WNOHANG) == st->httpd)
			return -1;	/* with connect's errno */
		usleep(10000);
	}
	teardown_http(st);
	return -1;
}

/*
 * The tree walk visits, TREE/FILES, made once (a file in it says it is
 * whole): WALK_DIRS directories of files.
 */
static int setup_walk(struct state *st)
{
	char path[PATH_MAX], made[PATH_MAX];
	long i;
	int fd;

	if ((size_t)snprintf(st->walk_root, sizeof(st->walk_root), "%s/%ld",
			     st->tree, st->tree_files) >= sizeof(st->walk_root)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	snprintf(made, sizeof(made), "%s/.whole", st->walk_root);
	if (!access(made, F_OK))
		return 0;
	if ((mkdir(st->tree, 0755) && errno != EEXIST) ||
	    (mkdir(st->walk_root, 0755) && errno != EEXIST))
		return -1;
	for (i = 0; i < st->tree_files; i++) {
		snprintf(path, sizeof(path), "%s/%ld", st->walk_root, i % WALK_DIRS);
		if (i < WALK_DIRS && mkdir(path, 0755) && errno != EEXIST)
			return -1;
		snprintf(path, sizeof(path), "%s/%ld/%ld", st->walk_root, i % WALK_DIRS, i);
		fd = open(path, O_WRONLY | O_CREAT, 0644);
		if (fd < 0 || close(fd))
			return -1;
	}
	fd = open(made, O_WRONLY | O_CREAT, 0644);
	return fd < 0 ? -1 : close(fd);
}

/* ---- one iteration each -------------------------------------------------- */

static int run_getppid(struct state *st)
{
	(void)st;
	getppid();
	return 0;
}

static int run_sethostname(struct state *st)
{
	return sethostname(st->hostname, strlen(st->hostname));
}

static int run_socket(struct state *st)
{
	int fd = udp_socket();

	(void)st;
	return fd < 0 ? -1 : close(fd);
}

static int run_bind(struct state *st)
{
	int fd = udp_socket();

	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&st->any_port, sizeof(st->any_port))) {
		close_keep_errno(fd);
		return -1;
	}
	return close(fd);
}

static int run_udp_connect(struct state *st)
{
	return connect(st->conn_fd, (struct sockaddr *)&st->dst, sizeof(st->dst));
}

static int run_udp_sendto(struct state *st)
{
	static const char byte;

	return sendto(st->send_fd, &byte, 1, 0, (struct sockaddr *)&st->dst,
		      sizeof(st->dst)) < 0 ? -1 : 0;
}

/*
 * The client resets the connection as it closes, so that no TIME_WAIT
 * socket holds on to its port: a run makes more connections than there
 * are ephemeral ports.
 */
static int run_tcp_connect(struct state *st)
{
	struct linger reset = { .l_onoff = 1, .l_linger = 0 };
	int fd, conn = -1;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&st->dst, sizeof(st->dst)) ||
	    (conn = accept(st->listen_fd, NULL, NULL)) < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof(reset))) {
		if (conn >= 0)
			close_keep_errno(conn);
		close_keep_errno(fd);
		return -1;
	}
	close(fd);
	return close(conn);
}

static int run_mount(struct state *st)
{
	char path[PATH_MAX];

	mount_point(st, st->mount_next++, path, sizeof(path));
	return mount("bench", path, "tmpfs", 0, NULL);
}

static int run_open(struct state *st)
{
	int fd = open(st->file, O_RDONLY);

	return fd < 0 ? -1 : close(fd);
}

/* A GET, the whole answer read; EPROTO unless it is a 200. */
static int run_http(struct state *st)
{
	static const char ok[] = "HTTP/1.1 200 ";
	char buf[4096];
	size_t len = strlen(st->http_request);
	bool first = true, good = false;
	ssize_t n;
	int fd;

	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&st->http, sizeof(st->http)) ||
	    write(fd, st->http_request, len) != (ssize_t)len)
		goto fail;
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		if (first)
			good = n >= (ssize_t)sizeof(ok) - 1 && !memcmp(buf, ok, sizeof(ok) - 1);
		first = false;
	}
	if (n < 0)
		goto fail;
	if (!good) {
		close(fd);
		errno = EPROTO;
		return -1;
	}
	return close(fd);
fail:
	close_keep_errno(fd);
	return -1;
}

static int visit(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)path;
	(void)sb;
	(void)ftw;
	return type == FTW_NS || type == FTW_DNR ? -1 : 0;
}

static int run_walk(struct state *st)
{
	if (!nftw(st->walk_root, visit, 16, FTW_PHYS))
		return 0;
	if (!errno)
		errno = EIO;
	return -1;
}

static const struct op ops[] = {
	{ "getppid", "getppid(): no hook, the control", .run = run_getppid },
	{ "capable", "sethostname(): one capable(CAP_SYS_ADMIN)",
	  .setup = setup_hostname, .run = run_sethostname },
	{ "socket", "socket(AF_INET, SOCK_DGRAM) + close()", .run = run_socket },
	{ "bind", "UDP socket() + bind(127.0.0.1:0) + close()", .run = run_bind },
	{ "udp-connect", "connect() of a UDP socket to 127.0.0.1",
	  .setup = setup_udp_connect, .run = run_udp_connect,
	  .teardown = teardown_udp_connect },
	{ "udp-sendto", "sendto() of 1 byte over UDP to 127.0.0.1",
	  .setup = setup_receiver, .run = run_udp_sendto,
	  .teardown = teardown_receiver },
	{ "tcp-connect", "TCP socket() + connect() + accept() + close() x2 over loopback",
	  .setup = setup_listener, .run = run_tcp_connect,
	  .teardown = teardown_listener },
	{ "mount", "mount() of a tmpfs (the unmounts are not timed)",
	  .setup = setup_mount, .before_batch = hold_mount_points,
	  .run = run_mount, .after_batch = release_mount_points },
	{ "open", "open() + close() of a file (a path walk)", .run = run_open },
	{ "http", "GET of a file from busybox httpd over loopback, a new connection each",
	  .setup = setup_http, .run = run_http, .teardown = teardown_http },
	{ "walk", "nftw() of a tree of files, a stat of each",
	  .setup = setup_walk, .run = run_walk, .max_batches = MACRO_BATCHES },
};

/* ---- timing -------------------------------------------------------------- */

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* N iterations of OP: the time they took in ns, or -1 with errno. */
static double batch(const struct op *op, struct state *st, long n)
{
	double start, took;
	int err = 0;
	long i;

	if (op->before_batch && op->before_batch(st, n))
		return -1;
	start = now_ns();
	for (i = 0; i < n && !err; i++)
		if (op->run(st))
			err = errno;
	took = now_ns() - start;
	if (op->after_batch && op->after_batch(st) && !err)
		err = errno;
	errno = err;
	return err ? -1 : took;
}

/* The iteration count of a batch of about MS milliseconds, or -1. */
static long calibrate(const struct op *op, struct state *st, double ms)
{
	double took;
	long n;

	/* Double until a batch takes a tenth of the time asked for. */
	for (n = 1;; n *= 2) {
		took = batch(op, st, n);
		if (took < 0)
			return -1;
		if (took >= ms * 1e5 || n >= 1L << 40)
			break;
	}
	n = (long)(n * ms * 1e6 / took);
	return n > 0 ? n : 1;
}

struct result {
	bool set_up;		/* to be torn down */
	const char *failed;	/* what failed, or NULL */
	int err;
	long n;			/* iterations a batch */
	double best;		/* ns an iteration */
};

static void fail(struct result *r, const char *what)
{
	r->failed = what;
	r->err = errno;
}

static const struct op *find_op(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ops); i++)
		if (!strcmp(ops[i].name, name))
			return &ops[i];
	return NULL;
}

static int usage(void)
{
	fprintf(stderr, "usage: bench [-t MS] [-b BATCHES] [-p PORT] [-m DIR] "
		"[-f FILE] [-w DIR] [-W FILES] OP... | all\n       bench -l\n");
	return 2;
}

int main(int argc, char **argv)
{
	struct state st = {
		.mnt = "/tmp/bench-mnt",
		.file = "/etc/passwd",
		.tree = "/tmp/bench-tree",
		.tree_files = 20000,
		.dst = { .sin_family = AF_INET, .sin_port = htons(5555),
			 .sin_addr.s_addr = htonl(INADDR_LOOPBACK) },
		.any_port = { .sin_family = AF_INET,
			      .sin_addr.s_addr = htonl(INADDR_LOOPBACK) },
	};
	const struct op *chosen[ARRAY_SIZE(ops)];
	struct result res[ARRAY_SIZE(ops)] = {};
	size_t n_chosen = 0, i;
	int opt, batches = 5, b, failed = 0;
	double ms = 20, took;

	while ((opt = getopt(argc, argv, "t:b:p:m:f:w:W:l")) != -1) {
		switch (opt) {
		case 't':
			ms = atof(optarg);
			break;
		case 'b':
			batches = atoi(optarg);
			break;
		case 'p':
			st.dst.sin_port = htons(atoi(optarg));
			break;
		case 'm':
			st.mnt = optarg;
			break;
		case 'f':
			st.file = optarg;
			break;
		case 'w':
			st.tree = optarg;
			break;
		case 'W':
			st.tree_files = atol(optarg);
			break;
		case 'l':
			for (i = 0; i < ARRAY_SIZE(ops); i++)
				printf("%s\t%s\n", ops[i].name, ops[i].what);
			return 0;
		default:
			return usage();
		}
	}
	if (optind == argc || ms <= 0 || batches < 1 || batches > MAX_BATCHES ||
	    st.tree_files < 1)
		return usage();
	st.http = st.dst;
	st.http.sin_port = htons(ntohs(st.dst.sin_port) + 1);
	for (; optind < argc; optind++) {
		if (!strcmp(argv[optind], "all")) {
			for (i = 0; i < ARRAY_SIZE(ops); i++)
				chosen[n_chosen++] = &ops[i];
			continue;
		}
		if (n_chosen == ARRAY_SIZE(ops) ||
		    !(chosen[n_chosen++] = find_op(argv[optind]))) {
			fprintf(stderr, "bench: unknown or repeated operation %s\n",
				argv[optind]);
			return usage();
		}
	}

	for (i = 0; i < n_chosen; i++) {
		res[i].best = -1;
		if (chosen[i]->setup && chosen[i]->setup(&st)) {
			fail(&res[i], "in set-up");
			continue;
		}
		res[i].set_up = true;
		res[i].n = calibrate(chosen[i], &st, ms);
		if (res[i].n < 0 || batch(chosen[i], &st, res[i].n) < 0)
			fail(&res[i], "in the loop");
	}
	for (b = 0; b < batches; b++) {
		for (i = 0; i < n_chosen; i++) {
			if (res[i].failed ||
			    (chosen[i]->max_batches && b >= chosen[i]->max_batches))
				continue;
			took = batch(chosen[i], &st, res[i].n);
			if (took < 0)
				fail(&res[i], "in the loop");
			else if (res[i].best < 0 || took / res[i].n < res[i].best)
				res[i].best = took / res[i].n;
		}
	}
	for (i = 0; i < n_chosen; i++) {
		if (res[i].failed) {
			printf("%s error %s: %s\n", chosen[i]->name, res[i].failed,
			       strerror(res[i].err));
			failed = 1;
		} else {
			printf("%s %.1f\n", chosen[i]->name, res[i].best);
		}
		if (res[i].set_up && chosen[i]->teardown)
			chosen[i]->teardown(&st);
	}
	return failed;
}
