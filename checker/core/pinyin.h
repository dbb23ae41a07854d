/* pinyin.h — the syllables of standard Mandarin pinyin without tones
 * (pinyin.c): the source checks read Chinese names with them, spelling
 * tells a pinyin name from a misspelled English word. */
#ifndef MTC_PINYIN_H
#define MTC_PINYIN_H

#include <stddef.h>

/* The index of syllable s (NUL-terminated, lowercase) in the table, or -1. */
int mtc_pinyin_index(const char *s);

/* The syllable of index k ("" when out of range). */
const char *mtc_pinyin_syllable(int k);

/* Splits the letters w[0, n) (one part of a word: no '-' or '\'') into the
 * fewest pinyin syllables; writes their indexes to out (up to cap). Returns
 * the count, or 0 when the letters do not split. */
int mtc_pinyin_split_part(const char *w, size_t n, int *out, int cap);

/* 1 if word w[0, n) reads as a romanized Chinese name: each part between
 * '-' and '\'' splits wholly into syllables, and every syllable after a
 * part's first begins with a consonant (pinyin writes Xi'an, not Xian, for
 * a syllable that begins with a vowel): Zhuge, Daqing, Yining, Huning are
 * name-like; Heer (he-er) and Meer (me-er) are not. */
int mtc_pinyin_name_like(const char *w, size_t n);

#endif
