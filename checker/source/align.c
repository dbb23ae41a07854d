/* align.c — aligns a translation with its source (source_align.h).
 * When the paragraph counts agree, paragraph i renders source paragraph i.
 * When they differ, a dynamic programme over both paragraph sequences
 * chooses among 1:1, 2:1, 1:2, 1:0 (a source paragraph left untranslated)
 * and 0:1 (a paragraph without a source), scoring each pair by how far its
 * length ratio is from the language pair's (log scale) and rewarding
 * shared anchors (numbers, Latin-script tokens). Every unit says how it was
 * aligned, so the checks report what was not aligned by order instead of
 * guessing silently. Owns the units; borrows both documents. */
#include "source_align.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "source_numbers.h"
#include "utf8.h"

static int is_han(int32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F);
}

size_t mtc_source_size(const char *text, size_t a, size_t b, mtc_source_script script)
{
    size_t n = 0;
    for (size_t i = a; i < b;) {
        int32_t cp;
        int l = mtc_utf8_next(text, b, i, &cp);
        if (script == MTC_SCRIPT_HAN ? is_han(cp)
                                     : !(cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r'))
            n++;
        i += (size_t)(l > 0 ? l : 1);
    }
    return n;
}

double mtc_source_expected_ratio(mtc_source_script script)
{
    switch (script) {
    case MTC_SCRIPT_HAN: return 3.9;  /* dev: median over 1,900 zh→en segments */
    case MTC_SCRIPT_LATIN: return 0.95; /* German/French → English run a little shorter */
    default: return 1.0;
    }
}

static mtc_source_script detect_script(const mtc_document *src)
{
    size_t han = 0, latin = 0, other = 0;
    for (size_t i = 0; i < src->len;) {
        int32_t cp;
        int l = mtc_utf8_next(src->text, src->len, i, &cp);
        if (is_han(cp) || (cp >= 0x3040 && cp <= 0x30FF))
            han++;
        else if ((cp < 128 && mtc_ascii_is_alpha((int)cp)) || (cp >= 0xC0 && cp < 0x250))
            latin++;
        else if (cp > 0x250 && cp != 0x3002 && !(cp >= 0xFF00 && cp <= 0xFFEF) &&
                 !(cp >= 0x2000 && cp <= 0x206F) && !(cp >= 0x3000 && cp <= 0x303F))
            other++;
        i += (size_t)(l > 0 ? l : 1);
    }
    /* one Han character carries about as much as a Latin word of 3-4 letters */
    if (han * 3 >= latin && han >= other)
        return MTC_SCRIPT_HAN;
    if (latin >= other)
        return MTC_SCRIPT_LATIN;
    return MTC_SCRIPT_OTHER;
}

/* Numbers of every paragraph, to reward shared anchors. */
typedef struct para_info {
    size_t size;
    mtc_number_list nums;
} para_info;

static double anchors_shared(const para_info *s, size_t sn, const para_info *t, size_t tn)
{
    size_t shared = 0, total = 0;
    for (size_t a = 0; a < sn; a++)
        for (size_t i = 0; i < s[a].nums.n; i++) {
            total++;
            int found = 0;
            for (size_t b = 0; b < tn && !found; b++)
                for (size_t j = 0; j < t[b].nums.n && !found; j++)
                    found = mtc_number_match(&s[a].nums.items[i], &t[b].nums.items[j]);
            shared += (size_t)found;
        }
    (void)total;
    return (double)(shared > 3 ? 3 : shared);
}

static double pair_cost(const para_info *s, size_t sn, const para_info *t, size_t tn, double r0)
{
    double ss = 0, ts = 0;
    for (size_t i = 0; i < sn; i++)
        ss += (double)s[i].size;
    for (size_t i = 0; i < tn; i++)
        ts += (double)t[i].size;
    double dev = fabs(log((ts + r0) / ((ss + 1) * r0))) / 0.3;
    double cost = dev - 1.0 * anchors_shared(s, sn, t, tn);
    if (sn + tn > 2)
        cost += 1.5;
    return cost;
}

#define SKIP_COST 3.0
#define MAX_CELLS ((size_t)4 * 1000 * 1000)

mtc_source_align *mtc_source_align_build(const mtc_document *tr, const mtc_document *src)
{
    mtc_source_align *al = mtc_xcalloc(1, sizeof *al);
    al->src = src;
    al->tr = tr;
    al->script = detect_script(src);
    size_t S = src->n_paragraphs, T = tr->n_paragraphs;
    if (S == T) {
        al->units = mtc_xcalloc(S ? S : 1, sizeof *al->units);
        for (size_t i = 0; i < S; i++)
            al->units[i] = (mtc_align_unit){i, 1, i, 1, MTC_ALIGN_ORDER};
        al->n_units = S;
        return al;
    }
    al->by_length = 1;
    if ((S + 1) * (T + 1) > MAX_CELLS) {
        /* too many paragraphs for the programme: pair by order and report
         * the rest as unaligned (never a silent guess) */
        size_t n = S < T ? S : T;
        al->units = mtc_xcalloc(S + T + 1, sizeof *al->units);
        for (size_t i = 0; i < n; i++)
            al->units[al->n_units++] = (mtc_align_unit){i, 1, i, 1, MTC_ALIGN_LENGTH};
        for (size_t i = n; i < S; i++)
            al->units[al->n_units++] = (mtc_align_unit){i, 1, T, 0, MTC_ALIGN_LENGTH};
        for (size_t i = n; i < T; i++)
            al->units[al->n_units++] = (mtc_align_unit){S, 0, i, 1, MTC_ALIGN_LENGTH};
        return al;
    }
    double r0 = mtc_source_expected_ratio(al->script);
    para_info *sp = mtc_xcalloc(S + 1, sizeof *sp), *tp = mtc_xcalloc(T + 1, sizeof *tp);
    for (size_t i = 0; i < S; i++) {
        const mtc_paragraph *p = &src->paragraphs[i];
        sp[i].size = mtc_source_size(src->text, p->start, p->end, al->script);
        mtc_numbers_source(src->text, p->start, p->end, &sp[i].nums);
    }
    for (size_t i = 0; i < T; i++) {
        const mtc_paragraph *p = &tr->paragraphs[i];
        tp[i].size = mtc_source_size(tr->text, p->start, p->end, MTC_SCRIPT_LATIN);
        mtc_numbers_english(tr->text, p->start, p->end, &tp[i].nums);
    }
    size_t W = T + 1;
    double *cost = mtc_xmalloc((S + 1) * W * sizeof *cost);
    unsigned char *move = mtc_xcalloc((S + 1) * W, 1);
    /* move codes: 1 = 1:1, 2 = 1:0, 3 = 0:1, 4 = 2:1, 5 = 1:2 */
    for (size_t i = 0; i <= S; i++)
        for (size_t j = 0; j <= T; j++) {
            double best = i == 0 && j == 0 ? 0 : HUGE_VAL;
            unsigned char bm = 0;
            if (i >= 1 && j >= 1) {
                double c = cost[(i - 1) * W + j - 1] + pair_cost(&sp[i - 1], 1, &tp[j - 1], 1, r0);
                if (c < best) { best = c; bm = 1; }
            }
            if (i >= 1) {
                double c = cost[(i - 1) * W + j] + SKIP_COST;
                if (c < best) { best = c; bm = 2; }
            }
            if (j >= 1) {
                double c = cost[i * W + j - 1] + SKIP_COST;
                if (c < best) { best = c; bm = 3; }
            }
            if (i >= 2 && j >= 1) {
                double c = cost[(i - 2) * W + j - 1] + pair_cost(&sp[i - 2], 2, &tp[j - 1], 1, r0);
                if (c < best) { best = c; bm = 4; }
            }
            if (i >= 1 && j >= 2) {
                double c = cost[(i - 1) * W + j - 2] + pair_cost(&sp[i - 1], 1, &tp[j - 2], 2, r0);
                if (c < best) { best = c; bm = 5; }
            }
            cost[i * W + j] = best;
            move[i * W + j] = bm;
        }
    /* trace back */
    mtc_align_unit *rev = mtc_xcalloc(S + T + 1, sizeof *rev);
    size_t n = 0, i = S, j = T;
    while (i > 0 || j > 0) {
        unsigned char m = move[i * W + j];
        size_t ds = m == 1 || m == 2 || m == 5 ? 1 : m == 4 ? 2 : 0;
        size_t dt = m == 1 || m == 3 || m == 4 ? 1 : m == 5 ? 2 : 0;
        if (ds == 0 && dt == 0)
            break; /* cannot happen: every cell but (0,0) has a move */
        rev[n++] = (mtc_align_unit){i - ds, ds, j - dt, dt, MTC_ALIGN_LENGTH};
        i -= ds;
        j -= dt;
    }
    al->units = mtc_xcalloc(n ? n : 1, sizeof *al->units);
    for (size_t k = 0; k < n; k++)
        al->units[k] = rev[n - 1 - k];
    al->n_units = n;
    free(rev);
    free(cost);
    free(move);
    for (size_t k = 0; k < S; k++)
        mtc_number_list_free(&sp[k].nums);
    for (size_t k = 0; k < T; k++)
        mtc_number_list_free(&tp[k].nums);
    free(sp);
    free(tp);
    return al;
}

void mtc_source_align_free(mtc_source_align *al)
{
    if (!al)
        return;
    free(al->units);
    free(al);
}
