# SPDX-License-Identifier: GPL-2.0
#
# ctrpolicy: the kernel module, the admin tool, and the tests that boot
# Debian's stock kernel in QEMU.
#
#   make                  module (for KDIR) and tool
#   make check [T=name]   unit tests, a minute of fuzzing, then the in-VM tests
#   make check KERNEL=6.12   the same on Debian's 6.12 (bookworm-backports)
#                         instead of Debian 12's stock 6.1: any VM goal takes
#                         KERNEL (tests/vm/fetch-kernel.sh)
#   make check KERNEL=newest the same on the newest Debian kernel (unstable's),
#                         its module built with unstable's compiler in a tree
#                         under the cache (tests/vm/toolchain.sh, as root)
#   make fuzz             the parser's libFuzzer target (tests/fuzz/)
#   make check-debug      the in-VM tests on a KASAN/lockdep/kmemleak kernel
#                         with ctrpolicy built in (native hooks, then module)
#   make vm               a shell in the VM with the module loaded
#   make demo             a short scripted scenario in the VM
#   make bench            what confinement costs, in one boot of the VM:
#                         bench/results/latest.{md,json} (bench/README.md)
#   sudo make install     module, tool, man pages, completion, systemd unit
#   sudo make install-dkms   the same, with the module's sources for DKMS
#                         (dkms.conf) instead of the module
#   sudo make uninstall

# (The rule for kernel.mk below comes first: a plain 'make' means 'all'.)
.DEFAULT_GOAL := all

CACHE	?= $(CURDIR)/.cache
# The kernel the VM boots and the module is built for when the host has no
# headers: 6.1 (Debian 12's own, the default), 6.12 or newest.  Another kernel's
# files and build outputs (tool and test programs included: vmlinux.h is
# that kernel's) are kept apart from the default's.
KERNEL	?= 6.1
ifeq ($(KERNEL),6.1)
KERNEL_MK := $(CACHE)/kernel.mk
BUILD	?= $(CURDIR)/build
else
KERNEL_MK := $(CACHE)/kernel-$(KERNEL).mk
BUILD	?= $(CURDIR)/build/kernel-$(KERNEL)
endif
CFLAGS	?= -O2 -g
CLANG	?= clang
BPFTOOL	?= bpftool
PAHOLE	?= pahole
PREFIX	?= /usr/local
WARNINGS := -Wall -Wextra -Werror
T	?=

# Goals that boot the VM need Debian's kernel in the cache; so does a plain
# build on a host without headers for its running kernel.
VM_GOALS := check check-debug check-vm vm demo bench initramfs vm-module
HOST_KDIR := /lib/modules/$(shell uname -r)/build
ifeq ($(origin KDIR),undefined)
ifneq ($(wildcard $(HOST_KDIR)/Makefile),)
KDIR := $(HOST_KDIR)
BTF_BASE ?= /sys/kernel/btf/vmlinux
endif
endif
ifeq ($(filter clean distclean,$(MAKECMDGOALS)),)
ifneq ($(KDIR),)
ifneq ($(filter $(VM_GOALS),$(MAKECMDGOALS)),)
include $(KERNEL_MK)
endif
else
include $(KERNEL_MK)
KDIR := $(VM_KDIR)
BTF_BASE ?= $(VM_BTF)
# (The VM's headers, built for as the VM's module is.)
KBUILD_RUN = $(VM_KBUILD_RUN)
endif
endif

$(KERNEL_MK): tests/vm/fetch-kernel.sh
	tests/vm/fetch-kernel.sh $(CACHE) $(KERNEL)

# The newest kernel's headers want a newer compiler, host tools and pahole
# than Debian 12 has: its module is built in a Debian unstable tree
# (tests/vm/toolchain.sh), which sees the sources, the cache and the build
# directory at their own paths.  Its vmlinux.h wants -fms-extensions: 7.2
# is built with it (a struct may embed another tagged struct without a
# member name, as struct socket_alloc does), and bpftool writes what BTF
# keeps, an anonymous "struct socket_alloc;" member.
ifeq ($(KERNEL),newest)
VM_KBUILD_RUN ?= $(CURDIR)/tests/vm/toolchain.sh $(CACHE) run $(CURDIR) $(CACHE) $(BUILD) --
BPF_CFLAGS += -fms-extensions -Wno-microsoft-anon-tag
# Its VM runs both vCPUs on one host thread (tests/vm/run.sh).
TCG_THREAD ?= single
endif

# The module is built out of a mirror of the sources, one per kernel
# release, so that modules for the host and for the VM do not clobber each
# other's objects.
kernel_release = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' \
		   $(1)/include/generated/utsrelease.h 2>/dev/null)
MODULE_SOURCES := Kbuild $(wildcard kernel/*.[ch]) include/uapi/linux/ctrpolicy.h

# The distribution's resolve_btfids where KDIR ships one, else our own.
resolve_btfids = $(or $(wildcard $(1)/tools/bpf/resolve_btfids/resolve_btfids),$(BUILD)/btfids)

# $(1): KDIR, $(2): BTF base, $(3): output directory, $(4): the module
# with BTF, $(5): a command that Kbuild runs under (VM_KBUILD_RUN) or none.
# Kbuild's own .ko stays as linked: BTF and resolved ids are added
# to a copy, since the id resolver must see a freshly linked module.
define build_module
	@mkdir -p $(3)
	@for f in $(MODULE_SOURCES); do \
		mkdir -p $(3)/$$(dirname $$f); ln -sfn $(CURDIR)/$$f $(3)/$$f; done
	$(5) $(MAKE) -C $(1) M=$(3) modules
	@if [ ! -e $(4) ] || [ $(3)/ctrpolicy.ko -nt $(4) ]; then \
		cp $(3)/ctrpolicy.ko $(4).tmp && \
		if [ ! -e $(1)/vmlinux ]; then \
			echo "  BTF     $(4) (base $(2))" && \
			LLVM_OBJCOPY=objcopy $(PAHOLE) -J $$(PAHOLE=$(PAHOLE) \
				$(1)/scripts/pahole-flags.sh) --btf_base $(2) \
				$(4).tmp && \
			$(call resolve_btfids,$(1)) -b $(2) $(4).tmp; \
		fi && mv $(4).tmp $(4); \
	fi
endef

KREL = $(call kernel_release,$(KDIR))

# The base of the module's split BTF when KDIR was named: the running
# kernel's own when KDIR is its, else the BTF inside the kernel's image, as
# when DKMS builds for a kernel just installed (design.md).
BOOT	?= /boot
BTF_BASE ?= $(if $(and $(filter $(shell uname -r),$(KREL)),$(wildcard /sys/kernel/btf/vmlinux)),\
	      /sys/kernel/btf/vmlinux,$(BUILD)/vmlinux-$(KREL).btf)
MODOUT = $(BUILD)/module-$(KREL)
MODULE = $(BUILD)/ctrpolicy-$(KREL).ko
VM_MODOUT = $(BUILD)/module-$(VM_KREL)
VM_MODULE = $(BUILD)/ctrpolicy-$(VM_KREL).ko

# Keep the BPF objects and skeletons between runs.
.SECONDARY:

.PHONY: all module vm-module dkms tool tests clean distclean check check-debug \
	check-unit check-vm vm demo bench initramfs install install-module \
	install-dkms install-common uninstall

all: module tool

# (With a vmlinux in KDIR, Kbuild makes the BTF itself and needs no base.)
module: $(BUILD)/btfids $(if $(wildcard $(KDIR)/vmlinux),,$(BTF_BASE))
	@test -n "$(KDIR)" || { echo "no KDIR: install kernel headers or set KDIR"; exit 1; }
	$(call build_module,$(KDIR),$(BTF_BASE),$(MODOUT),$(MODULE),$(KBUILD_RUN))

# For dkms.conf: the module where DKMS looks for it.
dkms: module
	@mkdir -p $(BUILD)/dkms
	cp $(MODULE) $(BUILD)/dkms/ctrpolicy.ko

vm-module: $(BUILD)/btfids
	$(call build_module,$(VM_KDIR),$(VM_BTF),$(VM_MODOUT),$(VM_MODULE),$(VM_KBUILD_RUN))

$(BUILD)/vmlinux-%.btf: tools/vmlinux-btf.sh
	@mkdir -p $(@D)
	tools/vmlinux-btf.sh $(BOOT)/vmlinuz-$* $@

# ---- user space -----------------------------------------------------------

# (Expanded only when the tool is built: a DKMS build needs neither.)
LIBNL_CFLAGS = $(shell pkg-config --cflags libnl-genl-3.0)
LIBNL_LIBS = $(shell pkg-config --libs libnl-genl-3.0)
JSON_CFLAGS = $(shell pkg-config --cflags json-c)
JSON_LIBS = $(shell pkg-config --libs json-c)
USER_CFLAGS = $(CFLAGS) $(WARNINGS) -I$(CURDIR)/include/uapi -I$(BUILD)
TOOL_SOURCES := $(wildcard tools/ctrpolicy/*.c)
TOOL_HEADERS := $(wildcard tools/ctrpolicy/*.h) include/uapi/linux/ctrpolicy.h

$(BUILD)/btfids: tools/btfids/btfids.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(WARNINGS) -o $@ $< -lbpf -lelf

# CO-RE: one vmlinux.h from the target kernel's BTF serves any kernel that
# has the fields the programs read.
$(BUILD)/vmlinux.h: $(BTF_BASE)
	@mkdir -p $(@D)
	$(BPFTOOL) btf dump file $< format c > $@.tmp && mv $@.tmp $@

BPF_CC = @mkdir -p $(@D) && echo "  BPF     $@" && \
	$(CLANG) -target bpf -g -O2 -D__TARGET_ARCH_x86 -I$(BUILD) \
	-I$(CURDIR)/include/uapi $(BPF_CFLAGS) -Wall -Werror -c $< -o $@

$(BUILD)/%.skel.h: $(BUILD)/%.bpf.o
	$(BPFTOOL) gen skeleton $< name $(notdir $*)_bpf > $@.tmp && mv $@.tmp $@

$(BUILD)/ctrpolicy.bpf.o: kernel/bpf/ctrpolicy.bpf.c kernel/hooks.h $(BUILD)/vmlinux.h
	$(BPF_CC)

# The tool is linked statically unless TOOL_LINK=shared: it runs as an OCI
# hook and in early boot with nothing but itself, with the libbpf it was
# tested with, and it starts four times faster (most of a start of a
# dynamic one is the loader's work; the tests start it hundreds of times).
# Static glibc warns at link time about its name lookups, which libnl's
# address and protocol helpers reference; the tool never calls them, so
# those warnings are dropped and any other linker message is shown.
TOOL_LINK ?= static
ifeq ($(TOOL_LINK),static)
TOOL_LIBS = -static $(shell pkg-config --static --libs libnl-genl-3.0 json-c libbpf)
else
TOOL_LIBS = $(LIBNL_LIBS) $(JSON_LIBS) -lbpf -lelf
endif

$(BUILD)/ctrpolicy: $(TOOL_SOURCES) $(TOOL_HEADERS) $(BUILD)/ctrpolicy.skel.h
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) $(LIBNL_CFLAGS) $(JSON_CFLAGS) -o $@ $(TOOL_SOURCES) \
		$(TOOL_LIBS) 2> $@.ld; status=$$?; \
		grep -v -e 'libnl-3\.a(.*: in function' \
			-e "warning: Using '[a-z]*' in statically linked applications" $@.ld >&2; \
		rm -f $@.ld; exit $$status

tool: $(BUILD)/ctrpolicy

# ---- tests ------------------------------------------------------------------

GUEST_PROGS := $(patsubst tests/guest/progs/%.c,$(BUILD)/tests/%, \
		 $(wildcard tests/guest/progs/*.c))
GUEST_BPF := $(patsubst tests/guest/progs/%.bpf.c,$(BUILD)/tests/%.skel.h, \
	       $(wildcard tests/guest/progs/*.bpf.c))
GUEST_PROGS := $(filter-out %.bpf,$(GUEST_PROGS))
GUEST_BPF += $(BUILD)/tests/bench_floor.skel.h

$(BUILD)/tests/%.bpf.o: tests/guest/progs/%.bpf.c $(BUILD)/vmlinux.h
	$(BPF_CC)

# The benchmarks' floor (bench_floor): ctrpolicy's BPF-LSM programs from
# the same hook table, each returning at once.
$(BUILD)/tests/bench_floor.bpf.o: kernel/bpf/ctrpolicy.bpf.c kernel/hooks.h $(BUILD)/vmlinux.h
	$(BPF_CC) -DCTRPOLICY_FLOOR

# The programs that need no library are static: the tests start them
# thousands of times, and on the debug kernel the dynamic loader's work is
# most of a start; in the micro-benchmarks no PLT stub stands between a
# timed loop and its system call.  The others load only what they use.
GUEST_STATIC := bench mntns net try

$(BUILD)/tests/%: tests/guest/progs/%.c $(GUEST_BPF) $(wildcard tests/guest/progs/*.h) \
		  include/uapi/linux/ctrpolicy.h
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -I$(BUILD)/tests -o $@ $< \
		$(if $(filter $*,$(GUEST_STATIC)),-static,-Wl,--as-needed -lbpf -lelf -lmnl)

# 32-bit programs, for the kernel's compat entry points: freestanding, so
# that no 32-bit C library is needed to build them.
GUEST_PROGS32 := $(patsubst tests/guest/progs32/%.c,$(BUILD)/tests/%, \
		   $(wildcard tests/guest/progs32/*.c))

$(BUILD)/tests/%: tests/guest/progs32/%.c
	@mkdir -p $(@D)
	$(CC) -m32 -static -nostdlib -ffreestanding -fno-pic -fno-stack-protector \
		-O2 -Wall -Wextra -Werror -o $@ $<

tests: tool $(BUILD)/btfids $(GUEST_PROGS) $(GUEST_PROGS32)

# The parser under libFuzzer (tests/fuzz/fuzz_policy.c); make check runs it
# for a minute (tests/fuzz/run.sh).
PARSER_SOURCES := tools/ctrpolicy/lex.c tools/ctrpolicy/diag.c \
	tools/ctrpolicy/policy_action.c tools/ctrpolicy/policy_caps.c \
	tools/ctrpolicy/policy_mount.c tools/ctrpolicy/policy_net.c \
	tools/ctrpolicy/policy_events.c \
	tools/ctrpolicy/policy.c tools/ctrpolicy/policy_files.c \
	tools/ctrpolicy/caps.c
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined

$(BUILD)/fuzz_policy: tests/fuzz/fuzz_policy.c $(PARSER_SOURCES) $(TOOL_HEADERS)
	@mkdir -p $(@D)
	$(CLANG) $(FUZZ_CFLAGS) $(WARNINGS) -I$(CURDIR)/include/uapi \
		-Itools/ctrpolicy -o $@ $< $(PARSER_SOURCES)

.PHONY: fuzz
fuzz: $(BUILD)/fuzz_policy

INITRAMFS := $(BUILD)/initramfs-$(VM_KREL).cpio

# containerd and AppArmor's parser where apt can fetch them (the guest
# test of 'ctrpolicy runtime' says SKIP without containerd, the benchmark's
# AppArmor configuration n/a without the parser).
initramfs: vm-module tests
	CONTAINERD_BIN=$$(tests/vm/fetch-package.sh $(CACHE) containerd usr/bin \
		containerd ctr containerd-shim-runc-v2) || true; \
	APPARMOR_BIN=$$(tests/vm/fetch-package.sh $(CACHE) apparmor sbin \
		apparmor_parser) || true; \
	CONTAINERD_BIN=$$CONTAINERD_BIN APPARMOR_BIN=$$APPARMOR_BIN BASE_BUILD=$(IMAGE_BASE) \
		tests/vm/mkinitramfs.sh $(INITRAMFS) $(VM_MODULE) $(BUILD) $(VM_MODDIR)

check: tests initramfs fuzz
	CACHE=$(CACHE) TCG_THREAD=$(TCG_THREAD) tests/run.sh --build $(BUILD) --kernel $(VM_VMLINUZ) \
		--initrd $(INITRAMFS) --filter '$(T)'

check-debug: tests $(BUILD)/btfids
	tests/debug/check.sh $(CACHE) $(BUILD) '$(T)'

.PHONY: bench-base
bench-base:
	rm -rf $(BASE_BUILD)
ifneq ($(BENCH_BASE),)
	mkdir -p $(BASE_BUILD)/src
	git archive --format=tar $(BENCH_BASE) | tar -x -C $(BASE_BUILD)/src
	$(MAKE) -C $(BASE_BUILD)/src BUILD=$(BASE_BUILD) CACHE=$(CACHE) KERNEL=$(KERNEL) \
		vm-module tool
	cp $(BASE_BUILD)/ctrpolicy-$(VM_KREL).ko $(BASE_BUILD)/ctrpolicy.ko
	git describe --always $(BENCH_BASE) > $(BASE_BUILD)/revision
endif

check-unit: tests fuzz
	CACHE=$(CACHE) tests/run.sh --build $(BUILD) --unit-only --filter '$(T)'

vm: initramfs
	TCG_THREAD=$(TCG_THREAD) tests/vm/run.sh --kernel $(VM_VMLINUZ) --initrd $(INITRAMFS) --mode shell

demo: initramfs
	TCG_THREAD=$(TCG_THREAD) tests/vm/run.sh --kernel $(VM_VMLINUZ) --initrd $(INITRAMFS) --mode demo

# BENCH_ARGS: arguments of tests/guest/bench.sh, e.g. "-r 5 -t 20".
# BENCH_BASE: a git revision whose module and tool the same boot measures
# beside this tree's, configurations (pb) and (pc) (bench/README.md).
BENCH_ARGS ?=
BENCH_BASE ?=
BASE_BUILD := $(BUILD)/base
# Only the benchmark's image holds the base (initramfs inherits this).
bench: IMAGE_BASE = $(BASE_BUILD)
bench: bench-base initramfs
	TCG_THREAD=$(TCG_THREAD) bench/run.sh --kernel $(VM_VMLINUZ) --initrd $(INITRAMFS) --build $(BUILD) \
		--out $(CURDIR)/bench/results --args '$(BENCH_ARGS)'

# ---- install ------------------------------------------------------------

VERSION := $(shell sed -n 's/^\#define CTRPOLICY_VERSION "\(.*\)"/\1/p' kernel/common.h)
SBINDIR := $(PREFIX)/sbin
LIBDIR := $(PREFIX)/lib/ctrpolicy
MANDIR := $(PREFIX)/share/man
COMPLETIONDIR := $(PREFIX)/share/bash-completion/completions
UNITDIR := $(PREFIX)/lib/systemd/system
CONFDIR := /etc/ctrpolicy
DKMSDIR := /usr/src/ctrpolicy-$(VERSION)
# What DKMS needs to build the module: Kbuild and this Makefile, the
# module's sources, the BTF tools.
DKMS_SOURCES := dkms.conf Makefile Kbuild COPYING $(wildcard kernel/*.[ch]) \
		include/uapi/linux/ctrpolicy.h tools/btfids/btfids.c tools/vmlinux-btf.sh

install: install-module install-common

install-dkms: install-common
	for f in $(DKMS_SOURCES); do \
		install -D -m $$(if [ -x $$f ]; then echo 0755; else echo 0644; fi) \
			$$f $(DESTDIR)$(DKMSDIR)/$$f || exit 1; done
	@echo "now: dkms install ctrpolicy/$(VERSION)"

install-module: module
	install -D -m 0644 $(MODULE) $(DESTDIR)/lib/modules/$(KREL)/updates/ctrpolicy.ko
	[ -n "$(DESTDIR)" ] || depmod -a $(KREL)

# Everything but the module.  The unit and ctrpolicy.8 name the tool and
# the unit's helper by their paths for PREFIX=/usr: they get PREFIX's.  The
# policies, boot.conf and runtime.conf in CONFDIR are the admin's: an
# existing one is never replaced.  ctrpolicy-runc is the tool's name as an
# OCI runtime (ctrpolicy runtime).
PREFIX_PATHS := sed -e 's|/usr/sbin/|$(SBINDIR)/|' -e 's|/usr/lib/ctrpolicy/|$(LIBDIR)/|'
install-common: tool
	install -D -m 0755 $(BUILD)/ctrpolicy $(DESTDIR)$(SBINDIR)/ctrpolicy
	ln -sf ctrpolicy $(DESTDIR)$(SBINDIR)/ctrpolicy-runc
	@mkdir -p $(DESTDIR)$(MANDIR)/man8 $(DESTDIR)$(UNITDIR)
	$(PREFIX_PATHS) man/ctrpolicy.8 > $(DESTDIR)$(MANDIR)/man8/ctrpolicy.8
	install -D -m 0644 man/ctrpolicy.policy.5 $(DESTDIR)$(MANDIR)/man5/ctrpolicy.policy.5
	install -D -m 0644 contrib/bash-completion/ctrpolicy \
		$(DESTDIR)$(COMPLETIONDIR)/ctrpolicy
	install -D -m 0755 contrib/systemd/ctrpolicy-boot $(DESTDIR)$(LIBDIR)/ctrpolicy-boot
	$(PREFIX_PATHS) contrib/systemd/ctrpolicy.service > $(DESTDIR)$(UNITDIR)/ctrpolicy.service
	chmod 0644 $(DESTDIR)$(MANDIR)/man8/ctrpolicy.8 $(DESTDIR)$(UNITDIR)/ctrpolicy.service
	install -d -m 0755 $(DESTDIR)$(CONFDIR)
	for f in policies/*.policy contrib/systemd/boot.conf contrib/runtime.conf; do \
		t=$(DESTDIR)$(CONFDIR)/$$(basename $$f); \
		[ -e $$t ] || install -m 0644 $$f $$t || exit 1; done

# Files of CONFDIR go only while they are as installed: an edited one is
# the admin's.  A module DKMS installed stays: 'dkms remove' first.
uninstall:
	rm -f $(DESTDIR)/lib/modules/$(KREL)/updates/ctrpolicy.ko
	[ -n "$(DESTDIR)" ] || [ -z "$(KREL)" ] || depmod -a $(KREL)
	rm -f $(DESTDIR)$(SBINDIR)/ctrpolicy $(DESTDIR)$(SBINDIR)/ctrpolicy-runc \
		$(DESTDIR)$(MANDIR)/man8/ctrpolicy.8 \
		$(DESTDIR)$(MANDIR)/man5/ctrpolicy.policy.5 \
		$(DESTDIR)$(COMPLETIONDIR)/ctrpolicy \
		$(DESTDIR)$(UNITDIR)/ctrpolicy.service $(DESTDIR)$(LIBDIR)/ctrpolicy-boot
	rmdir $(DESTDIR)$(LIBDIR) 2> /dev/null || true
	rm -rf $(DESTDIR)$(DKMSDIR)
	for f in policies/*.policy contrib/systemd/boot.conf contrib/runtime.conf; do \
		t=$(DESTDIR)$(CONFDIR)/$$(basename $$f); \
		! cmp -s $$f $$t || rm -f $$t; done
	rmdir $(DESTDIR)$(CONFDIR) 2> /dev/null || true

clean:
	rm -rf $(BUILD)

distclean: clean
	rm -rf $(CACHE)
