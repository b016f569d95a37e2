// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of tools/ctrpolicy/learn_gen.c, the policy 'ctrpolicy learn
 * policy' prints: the rules it adds to the policy learned from, merged and
 * widened only as asked, its deny rules kept; and that what it prints
 * parses back to the same policy.
 *
 * usage: test_learn_gen
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "learn_gen.h"
#include "policy.h"

#define TAP_PREFIX "learn: "
#include "../policy/tap.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static const char base_text[] =
	"policy app\n"
	"mode learn\n"
	"network {\n"
	"\tdefault deny\n"
	"\tdeny connect 10.0.0.0/8\n"
	"}\n";

static struct ctrpolicy_learned cap(unsigned int c)
{
	return (struct ctrpolicy_learned){ .area = CTRPOLICY_AREA_CAPABILITY,
					   .capability = c };
}

static struct ctrpolicy_learned mount_req(const char *target, uint16_t truncated)
{
	struct ctrpolicy_learned r = {
		.area = CTRPOLICY_AREA_MOUNT, .op = CTRPOLICY_MOUNT_OP_MOUNT,
		.mount_flags = CTRPOLICY_MOUNT_F_NOSUID, .truncated = truncated,
	};

	strcpy(r.fstype, "tmpfs");
	strcpy(r.source, "tmpfs");
	snprintf(r.target, sizeof(r.target), "%s", target);
	return r;
}

static struct ctrpolicy_learned net_req(uint8_t op, uint8_t proto,
					const char *addr, uint16_t port)
{
	struct ctrpolicy_learned r = {
		.area = CTRPOLICY_AREA_NETWORK, .op = op, .family = AF_INET,
		.proto = proto, .port = port,
	};

	r.addr[10] = r.addr[11] = 0xff;
	inet_pton(AF_INET, addr, r.addr + 12);
	return r;
}

static struct ctrpolicy_learned socket_req(uint8_t proto)
{
	return (struct ctrpolicy_learned){
		.area = CTRPOLICY_AREA_NETWORK, .op = CTRPOLICY_NET_OP_SOCKET,
		.family = AF_INET, .proto = proto, .sock_type = SOCK_STREAM,
	};
}

/* The canonical text of P, malloc'ed. */
static char *printed(const struct policy *p)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f) {
		printf("Bail out! open_memstream\n");
		exit(1);
	}
	policy_print(f, p);
	fclose(f);
	return text;
}

/* The policy of BASE_TEXT with the REQS learned, as O asks. */
static char *generate(const struct ctrpolicy_learned *reqs, size_t n,
		      const struct learn_options *o, FILE *warn)
{
	struct policy p, back;
	struct policy_error err;
	char *text;
	int ret;

	if (policy_parse_buffer("base", base_text, strlen(base_text), &p, &err)) {
		printf("Bail out! %s", err.msg);
		exit(1);
	}
	ret = learn_generate(&p, reqs, n, o, warn);
	check(!ret, "learn_generate() succeeds");
	text = printed(&p);
	ret = policy_parse_buffer("printed", text, strlen(text), &back, &err);
	check(!ret && policy_equal(&p, &back),
	      "what it prints parses back to the same policy%s%s",
	      ret ? ": " : "", ret ? err.msg : "");
	if (!ret)
		policy_free(&back);
	policy_free(&p);
	return text;
}

int main(void)
{
	const char *dirs[] = { "/run/app" };
	struct ctrpolicy_learned reqs[] = {
		cap(0),		/* chown */
		cap(0),
		mount_req("/run/app/1234/data", 0),
		mount_req("/mnt/a/very/long/path/that/was/cut", CTRPOLICY_LEARNED_T_TARGET),
		socket_req(CTRPOLICY_NET_PROTO_TCP),
		net_req(CTRPOLICY_NET_OP_BIND, CTRPOLICY_NET_PROTO_TCP, "127.0.0.1", 8080),
		net_req(CTRPOLICY_NET_OP_LISTEN, CTRPOLICY_NET_PROTO_TCP, "127.0.0.1", 8080),
		net_req(CTRPOLICY_NET_OP_CONNECT, CTRPOLICY_NET_PROTO_TCP, "127.0.0.2", 7),
		net_req(CTRPOLICY_NET_OP_CONNECT, CTRPOLICY_NET_PROTO_TCP, "127.0.0.3", 7),
		net_req(CTRPOLICY_NET_OP_CONNECT, CTRPOLICY_NET_PROTO_TCP, "10.1.2.3", 80),
		net_req(CTRPOLICY_NET_OP_BIND, CTRPOLICY_NET_PROTO_UDP, "0.0.0.0", 40000),
	};
	struct learn_options o = {
		.cidr4 = 32, .cidr6 = 128, .ephemeral_min = 32768,
		.ephemeral_max = 60999, .n_dirs = 1, .dirs = dirs,
	};
	char *warnings = NULL, *text;
	size_t warnings_len = 0;
	FILE *warn = open_memstream(&warnings, &warnings_len);

	text = generate(reqs, ARRAY_SIZE(reqs), &o, warn);
	fclose(warn);
	check(strstr(text, "policy app\nmode enforce\n") != NULL,
	      "the policy learned from, in enforce mode");
	check(strstr(text, "\tallow chown\n") != NULL, "the capability used, once");
	check(strstr(text, "\tallow mount tmpfs from tmpfs on /run/app/* require nosuid forbid ro,nodev,noexec,shared,private,slave,unbindable\n") != NULL,
	      "a target below --mount-dir: DIR/*, the flags seen required, the others forbidden");
	check(strstr(text, "on /mnt/a/very/long/path/that/was/* ") != NULL,
	      "a target cut short: its directory and below");
	check(strstr(text, "\tsocket allow inet tcp\n") != NULL, "the socket, after the policy's rules");
	check(strstr(text, "\tallow bind,listen tcp 127.0.0.1/32 port 8080\n") != NULL,
	      "bind and listen of one address and port: one rule");
	check(strstr(text, "\tallow connect tcp 127.0.0.2/32 port 7\n") &&
	      strstr(text, "\tallow connect tcp 127.0.0.3/32 port 7\n"),
	      "each peer a host rule");
	check(strstr(text, "\tdeny connect 10.0.0.0/8\n") && !strstr(text, "10.1.2.3"),
	      "the policy's deny rule stays, and the request it matches is left out");
	check(warnings && strstr(warnings, "stays denied"), "... which is said");
	check(strstr(text, "\tallow bind udp 0.0.0.0/32 port 32768-60999\n") != NULL,
	      "an ephemeral port: the whole range");
	free(text);
	free(warnings);

	o.ports_as_seen = true;
	o.cidr4 = 24;
	warn = fopen("/dev/null", "w");
	if (!warn) {
		printf("Bail out! /dev/null\n");
		return 1;
	}
	text = generate(reqs, ARRAY_SIZE(reqs), &o, warn);
	fclose(warn);
	check(strstr(text, "\tallow bind udp 0.0.0.0/32 port 40000\n") == NULL &&
	      strstr(text, "\tallow bind udp 0.0.0.0/24 port 40000\n") != NULL,
	      "--ports-as-seen keeps the port, --cidr 24 widens the address");
	check(strstr(text, "\tallow connect tcp 127.0.0.0/24 port 7\n") != NULL &&
	      !strstr(text, "127.0.0.3"),
	      "--cidr 24: the two peers are one rule");
	free(text);
	return failures ? 1 : 0;
}
