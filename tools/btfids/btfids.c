// SPDX-License-Identifier: GPL-2.0
/*
 * btfids - fill in the .BTF_ids section of a kernel module.
 *
 * Kbuild finishes module BTF by running tools/bpf/resolve_btfids on the
 * .ko, but Debian's kernel headers package ships neither that tool nor a
 * vmlinux.  Our build therefore runs pahole itself to add a split .BTF
 * section to the module, and then runs this tool to do what
 * resolve_btfids does for a module (as of Linux 6.1):
 *
 *  - every __BTF_ID__<kind>__<name>__<n> symbol in .BTF_ids gets the id of
 *    the BTF type of that kind and name, looked up in the module's split
 *    BTF on top of the base (vmlinux) BTF;
 *  - every __BTF_ID__set__<name> and __BTF_ID__set8__<name> symbol gets
 *    its entry count, computed from the symbol size, and its entries are
 *    sorted by id (set8 entries keep their flags), because the kernel
 *    bsearches these sets.
 *
 * Unlike resolve_btfids, which only warns and leaves a zero id behind, an
 * unresolved symbol is an error here, and so is a second run on the same
 * module, which would pair set8 ids with the wrong flags.  The module is
 * modified in place; only bytes inside the existing .BTF_ids section are
 * rewritten.
 */

#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/btf.h>

#define BTF_IDS_SECTION	".BTF_ids"
#define BTF_SECTION	".BTF"
#define BTF_ID_PREFIX	"__BTF_ID__"

/* Symbol kinds understood by Linux 6.1 resolve_btfids. */
enum id_kind { ID_FUNC, ID_STRUCT, ID_UNION, ID_TYPEDEF, ID_SET, ID_SET8 };

static const struct {
	const char *name;
	int btf_kind;		/* BTF kind looked up, sets have none */
} kinds[] = {
	[ID_FUNC]	= { "func",	BTF_KIND_FUNC },
	[ID_STRUCT]	= { "struct",	BTF_KIND_STRUCT },
	[ID_UNION]	= { "union",	BTF_KIND_UNION },
	[ID_TYPEDEF]	= { "typedef",	BTF_KIND_TYPEDEF },
	[ID_SET]	= { "set",	BTF_KIND_UNKN },
	[ID_SET8]	= { "set8",	BTF_KIND_UNKN },
};

struct object {
	const char *path;
	int fd;
	Elf *elf;
	Elf_Data *ids;		/* .BTF_ids contents, patched in place */
	GElf_Addr ids_addr;	/* .BTF_ids sh_addr, 0 in a .ko */
	size_t ids_shndx;
	Elf_Data *symtab;
	size_t strtab_shndx;
	bool has_btf;		/* non-empty .BTF, written by pahole */
	struct btf *base_btf;	/* vmlinux BTF */
	struct btf *btf;	/* split BTF of the module, on top of base_btf */
	bool verbose;
};

/* One parsed __BTF_ID__ symbol. */
struct id_sym {
	const char *sym;	/* full symbol name */
	enum id_kind kind;
	const char *name;	/* type or set name, not NUL-terminated */
	size_t name_len;
	size_t off;		/* offset inside .BTF_ids */
	size_t size;		/* st_size */
};

typedef int (*id_sym_fn)(struct object *obj, const struct id_sym *s);

static int fail(const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "btfids: %s: ", file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return -1;
}

static uint32_t get_u32(const void *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static void put_u32(void *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

/* Set entries start with their u32 id: sort by it, unsigned. */
static int cmp_id(const void *a, const void *b)
{
	uint32_t x = get_u32(a), y = get_u32(b);

	return (x > y) - (x < y);
}

static int check_ident(struct object *obj)
{
	const char *ident = elf_getident(obj->elf, NULL);

	if (elf_kind(obj->elf) != ELF_K_ELF || !ident)
		return fail(obj->path, "not an ELF file");
	if (ident[EI_CLASS] != ELFCLASS64)
		return fail(obj->path, "not a 64-bit ELF file; only x86_64 modules are supported");
	if (ident[EI_DATA] != ELFDATA2LSB)
		return fail(obj->path, "not a little-endian ELF file; only x86_64 modules are supported");
	return 0;
}

static int scan_sections(struct object *obj)
{
	Elf_Scn *scn = NULL;
	size_t shstrndx;

	if (elf_getshdrstrndx(obj->elf, &shstrndx))
		return fail(obj->path, "cannot read section names: %s", elf_errmsg(-1));

	while ((scn = elf_nextscn(obj->elf, scn))) {
		const char *name;
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh))
			return fail(obj->path, "cannot read section header: %s", elf_errmsg(-1));
		name = elf_strptr(obj->elf, shstrndx, sh.sh_name);
		if (!name)
			return fail(obj->path, "cannot read section name: %s", elf_errmsg(-1));

		if (sh.sh_type == SHT_SYMTAB) {
			obj->symtab = elf_getdata(scn, NULL);
			obj->strtab_shndx = sh.sh_link;
			if (!obj->symtab)
				return fail(obj->path, "cannot read symbol table: %s", elf_errmsg(-1));
		} else if (!strcmp(name, BTF_IDS_SECTION)) {
			obj->ids = elf_getdata(scn, NULL);
			obj->ids_addr = sh.sh_addr;
			obj->ids_shndx = elf_ndxscn(scn);
			if (!obj->ids)
				return fail(obj->path, "cannot read %s: %s", name, elf_errmsg(-1));
		} else if (!strcmp(name, BTF_SECTION)) {
			obj->has_btf = sh.sh_size > 0;
		}
	}
	return 0;
}

static int open_object(struct object *obj)
{
	obj->fd = open(obj->path, O_RDWR);
	if (obj->fd < 0)
		return fail(obj->path, "cannot open: %s", strerror(errno));

	elf_version(EV_CURRENT);
	obj->elf = elf_begin(obj->fd, ELF_C_RDWR, NULL);
	if (!obj->elf)
		return fail(obj->path, "cannot read ELF: %s", elf_errmsg(-1));
	/* Keep the file layout: only .BTF_ids contents may change. */
	elf_flagelf(obj->elf, ELF_C_SET, ELF_F_LAYOUT);

	if (check_ident(obj))
		return -1;
	return scan_sections(obj);
}

static void close_object(struct object *obj)
{
	btf__free(obj->btf);
	btf__free(obj->base_btf);
	elf_end(obj->elf);
	if (obj->fd >= 0)
		close(obj->fd);
}

static int load_btf(struct object *obj, const char *base_path)
{
	if (!obj->has_btf)
		return fail(obj->path, "no %s section; run 'pahole -J --btf_base %s %s' first",
			    BTF_SECTION, base_path, obj->path);

	obj->base_btf = btf__parse_raw(base_path);
	if (!obj->base_btf)
		return fail(base_path, "cannot load base BTF: %s", strerror(errno));

	obj->btf = btf__parse_elf_split(obj->path, obj->base_btf);
	if (!obj->btf)
		return fail(obj->path, "cannot load %s on top of base BTF %s: %s (was pahole run with --btf_base %s?)",
			    BTF_SECTION, base_path, strerror(errno), base_path);
	return 0;
}

/*
 * Parse "__BTF_ID__<kind>__<name>[__<n>]" the way resolve_btfids does:
 * sets have no unique suffix, other kinds end in "__<n>", cut at the
 * last "__" so that names containing "__" survive.
 */
static int parse_id_sym(struct object *obj, const char *sym, struct id_sym *s)
{
	const char *kind = sym + strlen(BTF_ID_PREFIX);
	const char *name = strstr(kind, "__");
	const char *end;
	size_t i;

	s->sym = sym;
	if (!name)
		return fail(obj->path, "malformed symbol %s", sym);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strlen(kinds[i].name) == (size_t)(name - kind) &&
		    !strncmp(kind, kinds[i].name, name - kind))
			break;
	if (i == sizeof(kinds) / sizeof(kinds[0]))
		return fail(obj->path, "symbol %s: unsupported kind '%.*s'",
			    sym, (int)(name - kind), kind);
	s->kind = i;
	s->name = name + 2;
	end = s->name + strlen(s->name);

	if (s->kind != ID_SET && s->kind != ID_SET8) {
		const char *suffix = strrchr(s->name, '_');

		if (!suffix || suffix == s->name || suffix[-1] != '_' ||
		    !suffix[1] || strspn(suffix + 1, "0123456789") != strlen(suffix + 1))
			return fail(obj->path, "malformed symbol %s: no __<number> suffix", sym);
		end = suffix - 1;
	}
	s->name_len = end - s->name;
	if (!s->name_len)
		return fail(obj->path, "malformed symbol %s: empty name", sym);
	return 0;
}

/* Call fn for each __BTF_ID__ symbol defined in .BTF_ids. */
static int for_each_id_sym(struct object *obj, id_sym_fn fn)
{
	size_t nsyms = obj->symtab->d_size / gelf_fsize(obj->elf, ELF_T_SYM, 1, EV_CURRENT);
	size_t i;

	for (i = 0; i < nsyms; i++) {
		struct id_sym s;
		const char *sym;
		GElf_Sym st;

		if (!gelf_getsym(obj->symtab, i, &st))
			return fail(obj->path, "cannot read symbol %zu: %s", i, elf_errmsg(-1));
		if (st.st_shndx != obj->ids_shndx)
			continue;
		sym = elf_strptr(obj->elf, obj->strtab_shndx, st.st_name);
		if (!sym)
			return fail(obj->path, "cannot read name of symbol %zu: %s", i, elf_errmsg(-1));
		if (strncmp(sym, BTF_ID_PREFIX, strlen(BTF_ID_PREFIX)))
			continue;

		if (parse_id_sym(obj, sym, &s))
			return -1;
		if (st.st_value < obj->ids_addr ||
		    st.st_value - obj->ids_addr > obj->ids->d_size)
			return fail(obj->path, "symbol %s lies outside %s", sym, BTF_IDS_SECTION);
		s.off = st.st_value - obj->ids_addr;
		s.size = st.st_size;
		if (fn(obj, &s))
			return -1;
	}
	return 0;
}

/* Pass 1: write the BTF id of each func/struct/union/typedef symbol. */
static int resolve_id(struct object *obj, const struct id_sym *s)
{
	char *name, *slot;
	__s32 id;

	if (s->kind == ID_SET || s->kind == ID_SET8)
		return 0;
	if (obj->ids->d_size - s->off < sizeof(uint32_t))
		return fail(obj->path, "symbol %s lies outside %s", s->sym, BTF_IDS_SECTION);

	/*
	 * A fresh .BTF_ids has zeros here.  A second run would write ids at
	 * the symbols' original places in sets that were sorted since, and
	 * so pair set8 ids with the wrong flags: refuse instead.
	 */
	slot = (char *)obj->ids->d_buf + s->off;
	if (get_u32(slot))
		return fail(obj->path, "%s already holds id %u; run btfids once, on a freshly linked module",
			    s->sym, get_u32(slot));

	name = strndup(s->name, s->name_len);
	if (!name)
		return fail(obj->path, "out of memory");
	id = btf__find_by_name_kind(obj->btf, name, kinds[s->kind].btf_kind);
	if (id <= 0) {
		fail(obj->path, "cannot resolve %s: no %s '%s' in BTF",
		     s->sym, kinds[s->kind].name, name);
		free(name);
		return -1;
	}
	if (obj->verbose)
		printf("%s %s: id %d at offset %zu\n", kinds[s->kind].name, name, id, s->off);
	free(name);

	put_u32(slot, id);
	return 0;
}

/*
 * Pass 2, once all ids are in: write each set's count and sort it.
 * BTF_SET*_START puts the list label before the __BTF_ID__set* symbol,
 * so the symbol size covers the header too, hence the "- 1".
 */
static int sort_set(struct object *obj, const struct id_sym *s)
{
	size_t entsize = s->kind == ID_SET8 ? 2 * sizeof(uint32_t) : sizeof(uint32_t);
	char *set = (char *)obj->ids->d_buf + s->off;
	size_t cnt;

	if (s->kind != ID_SET && s->kind != ID_SET8)
		return 0;
	if (s->size < entsize || s->size % entsize)
		return fail(obj->path, "set %s has bad size %zu (missing BTF_SET%s_END?)",
			    s->sym, s->size, s->kind == ID_SET8 ? "8" : "");
	if (obj->ids->d_size - s->off < s->size)
		return fail(obj->path, "set %s lies outside %s", s->sym, BTF_IDS_SECTION);

	cnt = s->size / entsize - 1;
	put_u32(set, cnt);
	/* set: u32 cnt, u32 ids[]; set8: u32 cnt, u32 flags, {u32 id, flags}[] */
	qsort(set + entsize, cnt, entsize, cmp_id);
	if (obj->verbose)
		printf("%s %.*s: cnt %zu at offset %zu, sorted\n", kinds[s->kind].name,
		       (int)s->name_len, s->name, cnt, s->off);
	return 0;
}

static int patch_ids(struct object *obj, const char *base_path)
{
	if (!obj->symtab)
		return fail(obj->path, "no symbol table");
	if (load_btf(obj, base_path) ||
	    for_each_id_sym(obj, resolve_id) ||
	    for_each_id_sym(obj, sort_set))
		return -1;

	elf_flagdata(obj->ids, ELF_C_SET, ELF_F_DIRTY);
	if (elf_update(obj->elf, ELF_C_WRITE) < 0)
		return fail(obj->path, "cannot write: %s", elf_errmsg(-1));
	return 0;
}

static void usage(void)
{
	fprintf(stderr, "usage: btfids [-v] -b|--btf-base BASE MODULE.ko\n");
	exit(1);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "btf-base",	required_argument,	NULL, 'b' },
		{ "verbose",	no_argument,		NULL, 'v' },
		{ NULL, 0, NULL, 0 }
	};
	struct object obj = { .fd = -1 };
	const char *base_path = NULL;
	int opt, err = 0;

	while ((opt = getopt_long(argc, argv, "b:v", longopts, NULL)) != -1) {
		switch (opt) {
		case 'b':
			base_path = optarg;
			break;
		case 'v':
			obj.verbose = true;
			break;
		default:
			usage();
		}
	}
	if (!base_path || optind != argc - 1)
		usage();
	obj.path = argv[optind];

	if (open_object(&obj))
		err = -1;
	else if (obj.ids)
		err = patch_ids(&obj, base_path);

	close_object(&obj);
	return err ? 1 : 0;
}
