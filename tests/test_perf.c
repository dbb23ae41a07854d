/* test_perf.c — the fast paths added for speed give the same answers as the
 * plain code they shortcut: the inline ASCII character classes against
 * utf8proc, the eight-byte scanning helpers against byte-by-byte tests,
 * lowercasing into buffers of every size, the word set with presized
 * tables and awkward keys, and the build-time sorted news words. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "testutil.h"
#include "utf8.h"
#include "wordset.h"

Test(perf, ascii_classes_match_utf8proc)
{
    for (int32_t cp = -1; cp < 0x300; cp++) {
        cr_assert_eq(mtc_cp_is_letter(cp), mtc_ucp_is_letter(cp), "letter %d", cp);
        cr_assert_eq(mtc_cp_is_mark(cp), mtc_ucp_is_mark(cp), "mark %d", cp);
        cr_assert_eq(mtc_cp_is_upper(cp), mtc_ucp_is_upper(cp), "upper %d", cp);
        cr_assert_eq(mtc_cp_is_lower(cp), mtc_ucp_is_lower(cp), "lower %d", cp);
        cr_assert_eq(mtc_cp_is_digit(cp), mtc_ucp_is_digit(cp), "digit %d", cp);
        cr_assert_eq(mtc_cp_is_space(cp), mtc_ucp_is_space(cp), "space %d", cp);
        cr_assert_eq(mtc_cp_is_punct(cp), mtc_ucp_is_punct(cp), "punct %d", cp);
        cr_assert_eq(mtc_cp_is_symbol(cp), mtc_ucp_is_symbol(cp), "symbol %d", cp);
        cr_assert_eq(mtc_cp_tolower(cp), mtc_ucp_tolower(cp), "tolower %d", cp);
        cr_assert_eq(mtc_cp_toupper(cp), mtc_ucp_toupper(cp), "toupper %d", cp);
    }
    /* the punctuation/symbol split of ASCII, spelled out */
    cr_assert(mtc_cp_is_punct('!') && mtc_cp_is_punct('_') && mtc_cp_is_punct('@'));
    cr_assert(mtc_cp_is_symbol('$') && mtc_cp_is_symbol('|') && mtc_cp_is_symbol('~'));
    cr_assert_not(mtc_cp_is_punct('$') || mtc_cp_is_symbol('!') || mtc_cp_is_punct('a'));
}

Test(perf, eight_byte_helpers_are_exact)
{
    unsigned seed = 12345;
    for (int trial = 0; trial < 20000; trial++) {
        unsigned char b[8];
        for (int k = 0; k < 8; k++) {
            seed = seed * 1103515245u + 12345u;
            b[k] = (unsigned char)((seed >> 16) % 128);
        }
        if (trial < 128 * 8)
            b[trial / 128] = (unsigned char)(trial % 128);
        uint64_t v = mtc_load8((const char *)b);
        uint64_t sp = mtc_space_mask(v);
        unsigned spaces = 0;
        for (int k = 0; k < 8; k++) {
            int want = mtc_ascii_is_space(b[k]);
            spaces += (unsigned)want;
            /* on either byte order, byte k of the load is b[k] */
            unsigned char got;
            memcpy(&got, (const char *)&sp + k, 1);
            cr_assert_eq(got == 0x80, want, "byte %d = %d", k, b[k]);
        }
        cr_assert_eq(mtc_count_high(sp), spaces);
        cr_assert_eq(mtc_has_high(v), 0);
        for (int c = 0; c < 256; c++) {
            int want = memchr(b, c, 8) != NULL;
            cr_assert_eq(mtc_has_byte(v, (unsigned char)c) != 0, want);
        }
    }
    cr_assert_neq(mtc_has_high(mtc_load8("abc\xC3\xA9xyz")), 0);
}

Test(perf, lower_fits_exactly_as_before)
{
    const char *words[] = {"", "Beijing", "ÉCOLE", "İstanbul", "KELVIN \xE2\x84\xAA", "a\xFF" "b",
                           "MIXED ascii Ünïcödé TEXT"};
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        size_t len = strlen(words[w]);
        char full[128];
        size_t n = mtc_utf8_lower(words[w], len, full, sizeof full);
        cr_assert_neq(n, (size_t)-1);
        /* a buffer of n + 1 bytes fits, n bytes does not: whatever the path */
        for (size_t size = 0; size <= n + 3; size++) {
            char out[128];
            memset(out, 'Z', sizeof out);
            size_t m = mtc_utf8_lower(words[w], len, out, size);
            if (len == 0 && size == 0) {
                cr_assert_eq(m, 0); /* nothing to write, not even the NUL */
                cr_assert_eq(out[0], 'Z');
            } else if (size >= n + 1) {
                cr_assert_eq(m, n, "%s in %zu bytes", words[w], size);
                cr_assert_eq(memcmp(out, full, n + 1), 0);
            } else {
                cr_assert_eq(m, (size_t)-1, "%s in %zu bytes", words[w], size);
            }
        }
    }
    char out[16];
    cr_assert_eq(mtc_utf8_lower("HeLLo", 5, out, sizeof out), 5);
    cr_assert_str_eq(out, "hello");
}

Test(perf, wordset_reserve_and_awkward_keys)
{
    mtc_wordset *set = mtc_wordset_new();
    mtc_wordset_reserve(set, 50000, 1 << 20);
    char key[64];
    for (int i = 0; i < 50000; i++) {
        int n = snprintf(key, sizeof key, "k%d", i * 7919);
        mtc_wordset_put(set, key, (size_t)n, i);
    }
    /* keys of every length around the 4-, 8- and 16-byte compare paths */
    const char *base = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (size_t n = 0; n <= 36; n++)
        mtc_wordset_put(set, base, n, (intptr_t)(1000000 + n));
    mtc_wordset_put(set, "a\0b", 3, -5); /* bytes, not C strings */
    cr_assert_eq(mtc_wordset_count(set), 50000 + 37 + 1);
    intptr_t v;
    for (size_t n = 0; n <= 36; n++) {
        cr_assert(mtc_wordset_get(set, base, n, &v));
        cr_assert_eq(v, (intptr_t)(1000000 + n));
    }
    cr_assert(mtc_wordset_get(set, "a\0b", 3, &v));
    cr_assert_eq(v, -5);
    cr_assert_not(mtc_wordset_contains(set, "a\0c", 3));
    cr_assert_not(mtc_wordset_contains(set, "abcdefghijklmnopqrstuvwxyz0123456788", 36));
    cr_assert_not(mtc_wordset_contains(set, "bbcdefgh", 8));
    cr_assert(mtc_wordset_get(set, "k7919", 5, &v));
    cr_assert_eq(v, 1);
    cr_assert_not(mtc_wordset_contains(set, "k7918", 5));
    mtc_wordset_free(set);

    size_t n, bytes;
    mtc_wordset_size_hint("dictionaries/common-words.txt", &n, &bytes);
    cr_assert_gt(n, 100);
    cr_assert_gt(bytes, n);
    mtc_wordset_size_hint("dictionaries/no-such-file.txt", &n, &bytes);
    cr_assert_eq(n, 0);
    cr_assert_eq(bytes, 0);
}

/* The news words reach the binary sorted (gen-sorted-words.py): the same
 * entries as the list, in memcmp order, after one header line. */
Test(perf, news_words_sorted_at_build_time)
{
    size_t len, slen;
    const char *plain = mtc_data_get("dictionaries/news-words.txt", &len);
    const char *sorted = mtc_data_get("dictionaries/news-words-sorted.txt", &slen);
    cr_assert_not_null(plain);
    cr_assert_not_null(sorted);
    cr_assert_eq(sorted[0], '#');
    const char *p = (const char *)memchr(sorted, '\n', slen) + 1;
    size_t entries = 0;
    const char *prev = NULL;
    size_t prev_len = 0;
    while (p < sorted + slen) {
        const char *nl = memchr(p, '\n', (size_t)(sorted + slen - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(sorted + slen - p);
        if (prev) {
            size_t m = n < prev_len ? n : prev_len;
            int c = memcmp(prev, p, m);
            cr_assert(c < 0 || (c == 0 && prev_len < n), "not sorted at %.*s", (int)n, p);
        }
        prev = p;
        prev_len = n;
        entries++;
        p += n + 1;
    }
    mtc_wordset *set = mtc_wordset_new();
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_wordset_load(set, "dictionaries/news-words.txt", 0, &err), MTC_OK);
    cr_assert_eq(entries, mtc_wordset_count(set));
    mtc_wordset_free(set);
}

/* End to end: a word of the news list that hunspell rejects is known, an
 * unknown word next to it is still reported. */
Test(perf, news_words_still_known)
{
    tu_run *r = tu_check("The nonaqueous solvent spilled and the comitee met.", "spelling");
    cr_assert(tu_has(r, "spelling.unknown-word", "comitee"));
    cr_assert_not(tu_has(r, "spelling.unknown-word", "nonaqueous"));
    cr_assert_eq(tu_count(r, "spelling.unknown-word"), 1);
    tu_free(r);
}

/* tokenize.c ends a word at an ASCII space or punctuation mark without the
 * general joiner tests: only - and ' join letters, and . and , join digits
 * (1,000 and 3.5) and a number takes a glued %; every other ASCII mark ends
 * the token, and a letter after digits stays in the token (5km). */
Test(perf, tokenizer_ascii_word_end_fast_path)
{
    for (int c = 0x21; c < 0x7F; c++) {
        if (mtc_ascii_is_alnum(c))
            continue;
        char text[32];
        snprintf(text, sizeof text, "ab%ccd 12%c345 5k%c", c, c, c);
        mtc_document *d = tu_doc(text);
        cr_assert_geq(d->n_tokens, 1);
        const mtc_token *t = &d->tokens[0];
        size_t want = c == '-' || c == '\'' ? 5 : 2; /* "ab-cd" or "ab" */
        cr_assert_eq(t->end - t->start, want, "after a word, %c: token of %u bytes", c,
                     (unsigned)(t->end - t->start));
        /* the number: 12,345 and 12.345 are one token; "12-345" is not */
        size_t k = 0;
        while (k < d->n_tokens && d->text[d->tokens[k].start] != '1')
            k++;
        cr_assert_lt(k, d->n_tokens);
        size_t nlen = d->tokens[k].end - d->tokens[k].start;
        size_t nwant = c == ',' || c == '.' ? 6u : c == '%' ? 3u : 2u; /* 12% */
        cr_assert_eq(nlen, nwant, "after digits, %c: %zu bytes", c, nlen);
        cr_assert_eq(d->tokens[k].kind, MTC_TOK_NUMBER);
        /* "5k" then the mark: the unit letter stays with the number */
        size_t u = k + 1;
        while (u < d->n_tokens && d->text[d->tokens[u].start] != '5')
            u++;
        cr_assert_lt(u, d->n_tokens);
        cr_assert_eq(d->tokens[u].end - d->tokens[u].start, 2u, "5k then %c", c);
        mtc_document_free(d);
    }
}

/* Token offsets are 32-bit (document.h): a token far into a long text keeps
 * its exact offsets. */
Test(perf, token_offsets_beyond_16_bits)
{
    size_t pad = 300000;
    char *text = malloc(pad + 32);
    cr_assert_not_null(text);
    memset(text, ' ', pad);
    strcpy(text + pad, "Hello world.");
    mtc_document *d = tu_doc(text);
    cr_assert_eq(d->n_tokens, 3);
    cr_assert_eq(d->tokens[1].start, pad + 6);
    cr_assert_eq(d->tokens[1].end, pad + 11);
    mtc_document_free(d);
    free(text);
}
