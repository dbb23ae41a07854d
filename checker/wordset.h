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
/* Adds every entry of an embedded line file (data.h); with lower != 0 the
 * entries are lowercased (ASCII + Unicode) first. */
mtc_status mtc_wordset_load(mtc_wordset *set, const char *name, int lower, mtc_error *err);

#endif
