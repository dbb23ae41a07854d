/* spelling_dict.h — the spelling analyzer's dictionaries: finding and
 * opening the hunspell dictionary of a language, and reading word lists
 * (--dict files, the repository word list) from disk. Internal to the
 * spelling analyzer; declared here so the tests can call the search. */
#ifndef MTC_SPELLING_DICT_H
#define MTC_SPELLING_DICT_H

#include <stddef.h>

#include "config.h"
#include "mtcheck.h"
#include "wordset.h"

/* Name of the repository word list, looked up next to a checked article:
 * in the article's folder and each parent folder up to the repository root
 * (the first folder that contains .git). One word per line, '#' comments. */
#define MTC_REPO_WORDS_NAME ".mtcheck-words.txt"

/* Finds LANG.aff and LANG.dic for cfg->lang. Directories, in order:
 * cfg->dicpaths, the colon-separated env_dicpath (the value of
 * $MTCHECK_DICPATH; NULL = none), MTC_INSTALL_DICTDIR, /usr/share/hunspell.
 * Writes the two paths (size bytes each). On failure returns MTC_ERR_DICT
 * with a message naming the language and every directory searched. */
mtc_status mtc_spelling_find_dict(const mtc_config *cfg, const char *env_dicpath, char *aff,
                                  char *dic, size_t size, mtc_error *err);

/* Reads a word list file (one word per line, '#' comments) and calls
 * fn(word, len, ctx) for every entry. MTC_ERR_IO when it cannot be read. */
typedef void (*mtc_spelling_word_fn)(const char *word, size_t len, void *ctx);
mtc_status mtc_spelling_read_words(const char *path, mtc_spelling_word_fn fn, void *ctx,
                                   mtc_error *err);

/* The words of every repository word list that applies to an article in
 * folder dir (see MTC_REPO_WORDS_NAME), or NULL when there is none.
 * The caller frees the set (mtc_wordset_free). */
mtc_wordset *mtc_spelling_repo_words(const char *dir);

#endif
