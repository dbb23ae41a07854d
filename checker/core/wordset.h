/* wordset.h — an open-addressing hash set of byte strings (word lists,
 * caches). Owns copies of its keys. Not thread-safe for writes; read-only
 * sharing between threads is fine. */
#ifndef MTC_WORDSET_H
#define MTC_WORDSET_H

#include <stddef.h>
#include <stdint.h>

#include "mtcheck.h"

typedef struct mtc_wordset mtc_wordset;

mtc_wordset *mtc_wordset_new(void);
void mtc_wordset_free(mtc_wordset *set);
/* Adds a key with an integer value (replaces the value if present). */
void mtc_wordset_put(mtc_wordset *set, const char *key, size_t len, intptr_t value);
void mtc_wordset_add(mtc_wordset *set, const char *key, size_t len); /* value 1 */
/* 1 if present (and *value set when value != NULL), else 0. */
int mtc_wordset_get(const mtc_wordset *set, const char *key, size_t len, intptr_t *value);
int mtc_wordset_contains(const mtc_wordset *set, const char *key, size_t len);
size_t mtc_wordset_count(const mtc_wordset *set);
/* Makes room for n keys of key_bytes bytes in all (a hint: loading a big
 * list then grows the table once). */
void mtc_wordset_reserve(mtc_wordset *set, size_t n, size_t key_bytes);
/* Upper bounds for a line file's entries (lines) and their bytes, to pass
 * to mtc_wordset_reserve before loading it; 0 when the file is absent. */
void mtc_wordset_size_hint(const char *name, size_t *n, size_t *bytes);
/* Adds every entry of an embedded line file (data.h); with lower != 0 the
 * entries are lowercased (ASCII + Unicode) first. */
mtc_status mtc_wordset_load(mtc_wordset *set, const char *name, int lower, mtc_error *err);

#endif
