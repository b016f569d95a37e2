#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Unit test for tools/btfids.  Usage: test_btfids.sh BUILD_DIR (holding btfids)
#
# Builds a fake module from tests/unit/btfids/ in a temporary directory:
# base.c's BTF stands in for vmlinux, fixture.c has a BTF_SET8 of kfuncs,
# a BTF_SET and a BTF_ID_LIST written with the Linux 6.1 macros.  pahole
# adds split BTF, btfids fills in .BTF_ids, and the result is checked
# against ids read independently with bpftool.  Prints TAP; exits non-zero
# if any check failed.

set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 BUILD_DIR" >&2
	exit 1
fi
BTFIDS=$(realpath "$1/btfids")
SRC=$(cd "$(dirname "$0")/btfids" && pwd)

for tool in cc clang pahole objcopy bpftool readelf nm od cmp "$BTFIDS"; do
	if ! command -v "$tool" >/dev/null; then
		echo "Bail out! $tool not found"
		exit 1
	fi
done

TMP=$(mktemp -d "$(realpath "$1")/btfids-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
cd "$TMP"
cp "$SRC"/*.c "$SRC"/*.h .

n=0
failed=0

# check DESCRIPTION COMMAND...: one TAP line for COMMAND's success.
check() {
	local desc=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		failed=$((failed + 1))
	fi
}

# run FILE ARGS...: run btfids, its stderr in FILE.err, exit code in $rc.
run() {
	local file=$1
	shift
	rc=0
	"$BTFIDS" "$@" >"$file.out" 2>"$file.err" || rc=$?
}

# btf_id KIND NAME: first id of that kind and name, base BTF first, as
# resolve_btfids picks it.
btf_id() {
	awk -v kind="$1" -v name="'$2'" \
		'$2 == kind && $3 == name { gsub(/[][]/, "", $1); print $1; exit }' \
		base.dump fixture.dump
}

# words FILE OFFSET COUNT: COUNT u32 words of .BTF_ids from OFFSET, one a line.
words() {
	od -A n -t u4 -v -j "$2" -N $(($3 * 4)) "$1" | tr -s ' ' '\n' | sed '/^$/d'
}

# sym_off OBJ SYMBOL: offset of SYMBOL in its section.
sym_off() {
	echo $((16#$(nm "$1" | awk -v s="$2" '$3 == s { print $1 }')))
}

# only_ids_changed OLD NEW: NEW differs from OLD only inside .BTF_ids.
only_ids_changed() {
	local off size pos
	[ "$(stat -c %s "$1")" = "$(stat -c %s "$2")" ] || return 1
	read -r off size < <(readelf -S -W "$2" |
		sed -n 's/^ *\[ *[0-9]*\] \.BTF_ids  *[A-Z]*  *[0-9a-f]* \([0-9a-f]*\) \([0-9a-f]*\) .*/\1 \2/p')
	[ -n "$off" ] || return 1
	for pos in $(cmp -l "$1" "$2" | awk '{ print $1 }'); do
		[ "$pos" -gt $((16#$off)) ] && [ "$pos" -le $((16#$off + 16#$size)) ] || return 1
	done
}

# setup: base BTF, and fixture/missing objects with split BTF on top of it.
build() {
	cc -g -c base.c -o base.o &&
	pahole -J base.o &&
	objcopy --dump-section .BTF=base.btf base.o base.copy.o &&
	cc -g -c fixture.c -o fixture.o &&
	cc -g -c missing.c -o missing.o &&
	cc -g -c missing.c -o nobtf.o &&
	pahole -J --btf_base base.btf fixture.o &&
	pahole -J --btf_base base.btf missing.o &&
	bpftool btf dump file base.btf >base.dump &&
	bpftool -B base.btf btf dump file fixture.o >fixture.dump &&
	cp fixture.o fixture.orig.o
} >build.log 2>&1
if ! build; then
	sed 's/^/# /' build.log
	echo "Bail out! cannot build the fixture"
	exit 1
fi

zeta=$(btf_id FUNC zeta_fn)
alpha=$(btf_id FUNC alpha_fn)
omega=$(btf_id FUNC omega_fn)
mid=$(btf_id FUNC mid_fn)
declared="$zeta $alpha $omega $mid"
check "fixture: all four kfuncs have split BTF ids" \
	test "$(echo $declared | wc -w)" -eq 4 -a "$zeta" -gt "$(btf_id FUNC base_func)"
check "fixture: set8 declaration order ($declared) is not BTF id order" \
	test "$(printf '%s\n' $declared | sort -n | xargs)" != "$declared"

run fixture --btf-base base.btf fixture.o
check "btfids resolves the fixture (exit 0)" test "$rc" -eq 0
sed 's/^/# /' fixture.err
objcopy -O binary --only-section=.BTF_ids fixture.o ids.bin

set8=$(sym_off fixture.o __BTF_ID__set8__fx_kfunc_ids)
check "set8 cnt is 4" test "$(words ids.bin "$set8" 1)" -eq 4
check "set8 header flags left alone" test "$(words ids.bin $((set8 + 4)) 1)" -eq 0
expected=$(printf '%s %s\n' "$zeta" 257 "$alpha" 258 "$omega" 259 "$mid" 260 | sort -n | xargs)
actual=$(words ids.bin $((set8 + 8)) 8 | xargs)
echo "# set8 pairs: expected $expected, got $actual"
check "set8 sorted by id, flags kept with their ids" test "$actual" = "$expected"

set=$(sym_off fixture.o __BTF_ID__set__fx_set)
check "set cnt is 3" test "$(words ids.bin "$set" 1)" -eq 3
expected=$(printf '%s\n' "$omega" "$zeta" "$alpha" | sort -n | xargs)
actual=$(words ids.bin $((set + 4)) 3 | xargs)
check "set sorted by id ($actual)" test "$actual" = "$expected"

list=$(sym_off fixture.o fx_list)
actual=$(words ids.bin "$list" 7 | xargs)
echo "# list: $actual"
check "struct with __ in its name, union, typedef ids from split BTF" \
	test "$(echo "$actual" | cut -d' ' -f1-3)" = \
	"$(btf_id STRUCT fx__dunder) $(btf_id UNION fx_union) $(btf_id TYPEDEF fx_typedef_t)"
check "BTF_ID_UNUSED slot stays 0" test "$(echo "$actual" | cut -d' ' -f4)" -eq 0
check "struct and func ids from base BTF" \
	test "$(echo "$actual" | cut -d' ' -f5-6)" = "$(btf_id STRUCT base_struct) $(btf_id FUNC base_func)"
check "func id in a plain list" test "$(echo "$actual" | cut -d' ' -f7)" = "$mid"
check "only bytes inside .BTF_ids changed" only_ids_changed fixture.orig.o fixture.o

cp fixture.o fixture.once.o
run again --btf-base base.btf fixture.o
sed 's/^/# /' again.err
check "second run refuses (would pair set8 ids with wrong flags)" \
	eval '[ "$rc" -eq 1 ] && grep -q "^btfids: fixture.o: __BTF_ID__.* already holds id" again.err'
check "second run leaves the module unchanged" cmp -s fixture.once.o fixture.o

cp fixture.orig.o verbose.o
run verbose -v --btf-base base.btf verbose.o
check "-v prints resolved ids" grep -qx "func mid_fn: id $mid at offset $((list + 24))" verbose.out
check "-v prints set8 count" grep -qx "set8 fx_kfunc_ids: cnt 4 at offset $set8, sorted" verbose.out

cp missing.o missing.orig.o
run missing --btf-base base.btf missing.o
sed 's/^/# /' missing.err
check "unknown func: exit 1" test "$rc" -eq 1
check "unknown func: message names the symbol and kind" \
	grep -q "^btfids: missing.o: .*__BTF_ID__func__no_such_fn__[0-9]*.*func 'no_such_fn'" missing.err
check "unknown func: module left unchanged" cmp -s missing.orig.o missing.o

run nobtf --btf-base base.btf nobtf.o
sed 's/^/# /' nobtf.err
check "no .BTF: exit 1, says to run pahole" \
	eval '[ "$rc" -eq 1 ] && grep -q "^btfids: nobtf.o: no .BTF section; run .pahole" nobtf.err'

cp base.o base.orig.o
run noids --btf-base base.btf base.o
check "no .BTF_ids: exit 0, nothing done" eval '[ "$rc" -eq 0 ] && cmp -s base.orig.o base.o'

clang --target=i386-linux-gnu -c missing.c -o elf32.o
run elf32 --btf-base base.btf elf32.o
check "32-bit ELF rejected" \
	eval '[ "$rc" -eq 1 ] && grep -q "^btfids: elf32.o: not a 64-bit ELF" elf32.err'

clang --target=powerpc64-linux-gnu -c missing.c -o be.o
run be --btf-base base.btf be.o
check "big-endian ELF rejected" \
	eval '[ "$rc" -eq 1 ] && grep -q "^btfids: be.o: not a little-endian ELF" be.err'

run nobase fixture.o
check "missing --btf-base: usage, exit 1" eval '[ "$rc" -eq 1 ] && grep -q "^usage:" nobase.err'

run badbase --btf-base missing.c fixture.o
check "unreadable base BTF: exit 1, names the base file" \
	eval '[ "$rc" -eq 1 ] && grep -q "^btfids: missing.c: cannot load base BTF" badbase.err'

echo "1..$n"
[ "$failed" -eq 0 ]
