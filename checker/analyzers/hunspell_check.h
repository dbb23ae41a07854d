/* hunspell_check.h — a dictionary pair validated before libhunspell reads
 * it (hunspell_check.c): table counts, line lengths, the word count. */
#ifndef MTC_HUNSPELL_CHECK_H
#define MTC_HUNSPELL_CHECK_H

#include "mtcheck.h"

/* MTC_OK, or MTC_ERR_DICT with the file and line of the first problem. */
mtc_status mtc_hunspell_check(const char *aff, const char *dic, mtc_error *err);

#endif
