// Prints every symbol occurrence of the Swift index store whose source file lies under the
// given prefix, one per line: role (D definition, R reference), flags, kind, subkind,
// properties, USR, name, file, line. scripts/check-unused-code reads it; this program only
// reads the store that `swift build` writes (.build/debug/index/store).
#include <indexstore/indexstore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    indexstore_t store;
    const char *prefix;
    char **seen;
    size_t seenCount, seenCapacity;
    const char *file;
} Context;

static int alreadySeen(Context *ctx, const char *record) {
    for (size_t i = 0; i < ctx->seenCount; i++)
        if (strcmp(ctx->seen[i], record) == 0) return 1;
    if (ctx->seenCount == ctx->seenCapacity) {
        ctx->seenCapacity = ctx->seenCapacity ? ctx->seenCapacity * 2 : 256;
        ctx->seen = realloc(ctx->seen, ctx->seenCapacity * sizeof(char *));
    }
    ctx->seen[ctx->seenCount++] = strdup(record);
    return 0;
}

static bool relation(void *flags, indexstore_symbol_relation_t rel) {
    *(uint64_t *)flags |= indexstore_symbol_relation_get_roles(rel);
    return true;
}

static bool occurrence(void *context, indexstore_occurrence_t occ) {
    Context *ctx = context;
    uint64_t roles = indexstore_occurrence_get_roles(occ);
    int definition = (roles & INDEXSTORE_SYMBOL_ROLE_DEFINITION) != 0;
    int reference = (roles & INDEXSTORE_SYMBOL_ROLE_REFERENCE) != 0;
    if (!definition && !reference) return true;
    uint64_t related = 0;
    indexstore_occurrence_relations_apply_f(occ, &related, relation);
    indexstore_symbol_t sym = indexstore_occurrence_get_symbol(occ);
    indexstore_string_ref_t usr = indexstore_symbol_get_usr(sym);
    indexstore_string_ref_t name = indexstore_symbol_get_name(sym);
    unsigned line = 0, column = 0;
    indexstore_occurrence_get_line_col(occ, &line, &column);
    printf("%c\t%d\t%d\t%d\t%d\t%llu\t%.*s\t%.*s\t%s\t%u\n", definition ? 'D' : 'R',
           (roles & INDEXSTORE_SYMBOL_ROLE_IMPLICIT) != 0, (related & INDEXSTORE_SYMBOL_ROLE_REL_OVERRIDEOF) != 0,
           (int)indexstore_symbol_get_kind(sym), (int)indexstore_symbol_get_subkind(sym),
           (unsigned long long)indexstore_symbol_get_properties(sym), (int)usr.length, usr.data, (int)name.length,
           name.data, ctx->file, line);
    return true;
}

static bool dependency(void *context, indexstore_unit_dependency_t dep) {
    Context *ctx = context;
    if (indexstore_unit_dependency_get_kind(dep) != INDEXSTORE_UNIT_DEPENDENCY_RECORD) return true;
    indexstore_string_ref_t path = indexstore_unit_dependency_get_filepath(dep);
    indexstore_string_ref_t record = indexstore_unit_dependency_get_name(dep);
    size_t prefixLength = strlen(ctx->prefix);
    if (path.length < prefixLength || strncmp(path.data, ctx->prefix, prefixLength) != 0) return true;
    char file[4096], name[1024];
    snprintf(file, sizeof file, "%.*s", (int)path.length, path.data);
    snprintf(name, sizeof name, "%.*s", (int)record.length, record.data);
    if (alreadySeen(ctx, name)) return true;
    indexstore_error_t error = NULL;
    indexstore_record_reader_t reader = indexstore_record_reader_create(ctx->store, name, &error);
    if (!reader) {
        fprintf(stderr, "index-dump: %s: %s\n", name, indexstore_error_get_description(error));
        indexstore_error_dispose(error);
        return true;
    }
    ctx->file = file;
    indexstore_record_reader_occurrences_apply_f(reader, ctx, occurrence);
    indexstore_record_reader_dispose(reader);
    return true;
}

static bool unit(void *context, indexstore_string_ref_t unitName) {
    Context *ctx = context;
    char name[1024];
    snprintf(name, sizeof name, "%.*s", (int)unitName.length, unitName.data);
    indexstore_error_t error = NULL;
    indexstore_unit_reader_t reader = indexstore_unit_reader_create(ctx->store, name, &error);
    if (!reader) {
        fprintf(stderr, "index-dump: unit %s: %s\n", name, indexstore_error_get_description(error));
        indexstore_error_dispose(error);
        return true;
    }
    indexstore_unit_reader_dependencies_apply_f(reader, ctx, dependency);
    indexstore_unit_reader_dispose(reader);
    return true;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: index-dump STORE PATH-PREFIX\n");
        return 2;
    }
    indexstore_error_t error = NULL;
    Context ctx = {0};
    ctx.store = indexstore_store_create(argv[1], &error);
    if (!ctx.store) {
        fprintf(stderr, "index-dump: %s: %s\n", argv[1], indexstore_error_get_description(error));
        return 1;
    }
    ctx.prefix = argv[2];
    indexstore_store_units_apply_f(ctx.store, 0, &ctx, unit);
    indexstore_store_dispose(ctx.store);
    return 0;
}
