/* spelling.c — the spelling analyzer: misspelled words with libhunspell,
 * made usable on translated news. Owns, per worker, one hunspell handle
 * (the language's dictionary + --dict files; dictionaries/news-words.txt is
 * searched beside it, sorted at build time), a verdict cache, a suggestion
 * cache (every distinct word is looked up once per worker) and a bounded
 * cache of what the word alone decides (skipped, known, a US/UK variant),
 * the US/UK variant table, and the repository word lists
 * (.mtcheck-words.txt, see spelling_dict.h) cached per folder.
 *
 * All the work happens in the article hook, in one walk over the tokens:
 * - skipped: numbers, ordinals, URLs, e-mail addresses, handles, hashtags,
 *   words with digits, foreign scripts, ALL-CAPS words up to 6 letters,
 *   mixed-case words (iPhone), one-letter words; a trailing possessive
 *   ('s, ’s, ') is not part of the checked word;
 * - lowercase words the dictionary does not know: spelling.unknown-word
 *   (major with a suggestion within 2 edits, else minor), except two known
 *   words written together (longlisted) and a word quoted on its own
 *   ("whassup" is mentioned, not used);
 * - skipped too: dotted abbreviations (U.S., a.m., p.m., a.k.a., E.ON);
 * - capitalised unknown words are taken for names, unless the article shows
 *   they are not: the same word is also misspelled in lowercase ("comitee"
 *   … "Comitee"), or it occurs once, outside any name context, one edit away
 *   from a common word (dictionaries/common-words.txt), or it occurs once,
 *   at a sentence start or in a headline, with no name evidence (no
 *   capitalised neighbour that could be a name, no possessive, no "said" or
 *   apposition after it) and one typing slip from a frequent word
 *   (dictionaries/frequent-words*.txt: Goverment, Recieved, Teh; in a word
 *   of six letters or more also one wrong letter, the first only a vowel
 *   for a vowel: Someboby, Onother): spelling.unknown-capitalised; a word
 *   that reads as a pinyin name (core/pinyin.h: Daqing, Zhuge) is never
 *   taken for a slip; with name evidence, a word one slip from a function
 *   word of grammar-closed-classes.tsv is still one ("Teh Kremlin said");
 * - hyphenated words are checked whole, then part by part; in a word with a
 *   capitalised part (Kim Jong-un, Jean-Luc) the lowercase parts are names;
 * - the same name spelled two ways (one edit apart, same first letter):
 *   spelling.inconsistent-name, once, on the minority spelling;
 * - US/UK spellings (dictionaries/variants-us-gb.tsv): spelling.variant for
 *   words of the other variant than --lang (off by default and when
 *   cfg->accept_both_variants is set), spelling.mixed-variants once per
 *   minority word when an article uses both;
 * - an abbreviation with and without full stops in one article (U.S., US):
 *   spelling.mixed-abbreviation on each form the house style does not use. */
#include <hunspell.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "analyzer.h"
#include "data.h"
#include "hunspell_check.h"
#include "pinyin.h"
#include "spelling_dict.h"
#include "suggest.h"
#include "suggest_keys.h"
#include "utf8.h"
#include "words.h"
#include "wordset.h"

/* The analyzer's rules: indexes into rules[] (a misspelled id does not compile). */
enum { R_UNKNOWN, R_UNKNOWN_CAP, R_NAME, R_VARIANT, R_MIXED, R_MIXED_ABBR, N_RULES };

static const mtc_rule_info rules[N_RULES] = {
    [R_UNKNOWN] = {"spelling.unknown-word", "spelling", MTC_SEV_MAJOR, 1,
     "Word the dictionary does not know (major with a close suggestion, else minor)"},
    [R_UNKNOWN_CAP] = {"spelling.unknown-capitalised", "spelling", MTC_SEV_MAJOR, 1,
     "Capitalised unknown word the article shows is no name (also misspelled in lowercase, "
     "one letter from a common word, or at a sentence start one slip from a frequent word)"},
    [R_NAME] = {"spelling.inconsistent-name", "spelling", MTC_SEV_MINOR, 1,
     "The same name spelled two ways in one article (Zelenskyy/Zelensky): the minority spelling"},
    [R_VARIANT] = {"spelling.variant", "spelling", MTC_SEV_MINOR, 0,
     "Spelling of the other English variant than --lang (programme under en_US); "
     "off by default, house style"},
    [R_MIXED] = {"spelling.mixed-variants", "spelling", MTC_SEV_MINOR, 1,
     "Article mixes American and British spellings: each word of the minority variant, once"},
    [R_MIXED_ABBR] = {"spelling.mixed-abbreviation", "spelling", MTC_SEV_MINOR, 1,
     "Article writes an abbreviation with and without full stops (U.S. and US): each "
     "form the house style (--lang) does not use"},
};

/* Longest word (bytes) sent to hunspell; it silently rejects >= 300. */
#define MAX_WORD 128
#define MAX_CP 64

enum { V_OK = 1, V_BAD = 2 };
/* The part cache (sp_state.parts): a word skipped (or known in lowercase),
 * a US/UK variant (value: PC_VARIANT | is_gb << 2 | capitalised << 3 |
 * length in bytes << 4 | pair << 12), or anything else (checked in full). */
enum { PC_SKIP = 0, PC_VARIANT = 1, PC_OTHER = 2 };
#define PART_CACHE_MAX 200000

#define NEWS_FILE "dictionaries/news-words-sorted.txt"
enum { MARK_US = 1, MARK_GB = 2 };

typedef struct sugg_list {
    size_t n;
    char *s[MTC_MAX_SUGGESTIONS];
} sugg_list;

typedef struct variant_pair {
    char *us, *gb;
    int mark; /* MARK_US | MARK_GB: which form the other dictionary rejects */
} variant_pair;

typedef struct repo_entry {
    char *dir;
    mtc_wordset *words; /* NULL: no word list applies */
} repo_entry;

typedef struct sp_state {
    Hunhandle *h;
    mtc_suggester *sx; /* suggestions (suggest.c): the built-in index + --dict words */
    int house_gb;
    int accept_both;
    mtc_wordset *verdicts; /* word -> V_OK / V_BAD */
    mtc_wordset *sugg_idx; /* word -> index into sugg */
    sugg_list *sugg;
    size_t n_sugg, cap_sugg;
    variant_pair *pairs;
    size_t n_pairs, cap_pairs;
    mtc_wordset *us_forms; /* lowercase US form -> pair index */
    mtc_wordset *gb_forms; /* lowercase GB form -> pair index */
    mtc_wordset *parts;    /* the bytes of a checked word (or part of a
                            * hyphenated one) -> PC_*: what check_part
                            * decides from the word alone; at most
                            * PART_CACHE_MAX entries */
    mtc_wordset *variants; /* both, resolved as check_part reads them (a GB
                            * form the US dictionary rejects first): lowercase
                            * form -> pair index * 2 + 1 if GB; one look-up */
    mtc_wordset *common;   /* dictionaries/common-words.txt */
    mtc_wordset *frequent; /* dictionaries/frequent-words.txt (SCOWL sizes 10-20) */
    mtc_wordset *most_frequent; /* dictionaries/frequent-words-10.txt (size 10) */
    mtc_wordset *speech;   /* dictionaries/segment-speech-verbs.txt: said, told */
    mtc_wordset *function_words; /* every word of grammar-closed-classes.tsv of
                                  * three letters or more (the, and, from) */
    mtc_wordset *subjects; /* subject pronouns (tag subj of
                            * dictionaries/grammar-closed-classes.tsv) */
    const char *news;      /* dictionaries/news-words.txt sorted at build time
                            * (gen-sorted-words.py; embedded, not owned):
                            * binary search, nothing to load (into hunspell
                            * it would triple the start-up time) */
    size_t news_len;
    repo_entry *repos;
    size_t n_repos, cap_repos;
} sp_state;

/* ---- loading --------------------------------------------------------- */

static void add_word(const char *w, size_t len, void *ctx)
{
    sp_state *st = ctx;
    Hunhandle *h = st->h;
    char buf[MAX_WORD + 1];
    if (len == 0 || len > MAX_WORD)
        return;
    memcpy(buf, w, len);
    buf[len] = '\0';
    /* "word/model": the word inflects like the model (Brexit/Britain) */
    char *slash = strchr(buf, '/');
    if (slash && slash != buf && slash[1]) {
        *slash = '\0';
        Hunspell_add_with_affix(h, buf, slash + 1);
    } else {
        Hunspell_add(h, buf);
    }
    mtc_suggester_add_word(st->sx, buf, strlen(buf));
}

static char *dup_lower(const char *s, size_t len)
{
    char buf[MAX_WORD * 2];
    size_t n = mtc_utf8_lower(s, len, buf, sizeof buf);
    if (n == (size_t)-1)
        return mtc_xstrndup(s, len);
    return mtc_xstrndup(buf, n);
}

static int variant_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    sp_state *st = ctx;
    const char *t1 = memchr(line, '\t', len);
    if (!t1)
        return -1;
    const char *rest = t1 + 1;
    size_t rlen = len - (size_t)(rest - line);
    const char *t2 = memchr(rest, '\t', rlen);
    if (!t2)
        return -1;
    const char *mark = t2 + 1;
    size_t mlen = len - (size_t)(mark - line);
    int m = 0;
    if (mlen == 2 && memcmp(mark, "us", 2) == 0)
        m = MARK_US;
    else if (mlen == 2 && memcmp(mark, "gb", 2) == 0)
        m = MARK_GB;
    else if (mlen == 4 && memcmp(mark, "both", 4) == 0)
        m = MARK_US | MARK_GB;
    else
        return -1;
    mtc_grow((void **)&st->pairs, &st->cap_pairs, st->n_pairs + 1, sizeof *st->pairs);
    variant_pair *p = &st->pairs[st->n_pairs];
    p->us = dup_lower(line, (size_t)(t1 - line));
    p->gb = dup_lower(rest, (size_t)(t2 - rest));
    p->mark = m;
    mtc_wordset_put(st->us_forms, p->us, strlen(p->us), (intptr_t)st->n_pairs);
    mtc_wordset_put(st->gb_forms, p->gb, strlen(p->gb), (intptr_t)st->n_pairs);
    st->n_pairs++;
    return 0;
}

static void sp_destroy(void *state);

/* A line "word<TAB>tags" of grammar-closed-classes.tsv: the word goes into
 * the set when its tags include subj (they, he, it). */
static int subject_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    const char *tab = memchr(line, '\t', len);
    if (!tab)
        return 0;
    const char *tags = tab + 1;
    size_t tlen = len - (size_t)(tags - line);
    for (size_t i = 0; i + 4 <= tlen; i++)
        if (memcmp(tags + i, "subj", 4) == 0 && (i == 0 || tags[i - 1] == ',') &&
            (i + 4 == tlen || tags[i + 4] == ','))
            mtc_wordset_add(ctx, line, (size_t)(tab - line));
    return 0;
}

/* A line "word<TAB>tags" of grammar-closed-classes.tsv: the word of three
 * letters or more goes into the set, whatever its tags. */
static int function_word_line(const char *line, size_t len, long lineno, void *ctx)
{
    (void)lineno;
    const char *tab = memchr(line, '\t', len);
    if (tab && tab - line >= 3)
        mtc_wordset_add(ctx, line, (size_t)(tab - line));
    return 0;
}

/* Adds the lowercase form w to st->variants as it resolves: the pair of
 * its GB form when that pair marks GB, else the pair of its US form when
 * that pair marks US, else nothing. */
static void resolve_variant(sp_state *st, const char *w)
{
    size_t n = strlen(w);
    intptr_t pi;
    if (mtc_wordset_get(st->gb_forms, w, n, &pi) && (st->pairs[pi].mark & MARK_GB))
        mtc_wordset_put(st->variants, w, n, pi * 2 + 1);
    else if (mtc_wordset_get(st->us_forms, w, n, &pi) && (st->pairs[pi].mark & MARK_US))
        mtc_wordset_put(st->variants, w, n, pi * 2);
}

/* The first word of the .dic file (line 2, before any '/'), to check that
 * hunspell really loaded the dictionary (Hunspell_create never fails). */
static int first_dic_word(const char *dic, char *out, size_t size)
{
    FILE *f = fopen(dic, "rb");
    if (!f)
        return 0;
    char line[512];
    int ok = 0;
    if (fgets(line, sizeof line, f)) {
        char *p = line;
        if ((unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF)
            p += 3;
        if (mtc_ascii_is_digit((unsigned char)p[0])) {
            while (fgets(line, sizeof line, f)) {
                size_t n = strcspn(line, "/\t\r\n");
                if (n > 0 && n < size) {
                    memcpy(out, line, n);
                    out[n] = '\0';
                    ok = 1;
                    break;
                }
            }
        }
    }
    fclose(f);
    return ok;
}

static mtc_status sp_create(const mtc_config *cfg, void **state, mtc_error *err)
{
    char aff[1100], dic[1100];
    mtc_status s = mtc_spelling_find_dict(cfg, cfg->env_dicpath, aff, dic, sizeof aff, err);
    if (s != MTC_OK)
        return s;
    s = mtc_hunspell_check(aff, dic, err); /* libhunspell trusts its counts */
    if (s != MTC_OK)
        return s;
    char probe[256];
    if (!first_dic_word(dic, probe, sizeof probe)) {
        mtc_error_set(err, MTC_ERR_DICT, dic, -1, -1,
                      "not a hunspell dictionary for language '%s' (no word count line)",
                      cfg->lang);
        return MTC_ERR_DICT;
    }
    sp_state *st = mtc_xcalloc(1, sizeof *st);
    st->h = Hunspell_create(aff, dic);
    if (!st->h || !Hunspell_spell(st->h, probe)) {
        mtc_error_set(err, MTC_ERR_DICT, dic, -1, -1,
                      "hunspell could not load the dictionary for language '%s'", cfg->lang);
        sp_destroy(st);
        return MTC_ERR_DICT;
    }
    s = mtc_suggester_new(&st->sx, err);
    if (s != MTC_OK) {
        sp_destroy(st);
        return s;
    }
    st->house_gb = strncmp(cfg->lang, "en_GB", 5) == 0;
    st->accept_both = cfg->accept_both_variants;
    st->verdicts = mtc_wordset_new();
    st->sugg_idx = mtc_wordset_new();
    st->us_forms = mtc_wordset_new();
    st->gb_forms = mtc_wordset_new();
    st->variants = mtc_wordset_new();
    st->parts = mtc_wordset_new();
    st->common = mtc_wordset_new();
    st->frequent = mtc_wordset_new();
    st->most_frequent = mtc_wordset_new();
    st->speech = mtc_wordset_new();
    st->subjects = mtc_wordset_new();
    st->function_words = mtc_wordset_new();
    st->news = mtc_data_get(NEWS_FILE, &st->news_len);
    if (!st->news) {
        mtc_error_set(err, MTC_ERR_CONFIG, NEWS_FILE, -1, -1,
                      "data file is not built into mtcheck");
        s = MTC_ERR_CONFIG;
    }
    if (s == MTC_OK)
        s = mtc_data_load_lines("dictionaries/variants-us-gb.tsv", variant_line, st, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->common, "dictionaries/common-words.txt", 0, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->frequent, "dictionaries/frequent-words.txt", 0, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->most_frequent, "dictionaries/frequent-words-10.txt", 0, err);
    if (s == MTC_OK)
        s = mtc_wordset_load(st->speech, "dictionaries/segment-speech-verbs.txt", 1, err);
    if (s == MTC_OK)
        s = mtc_data_load_lines("dictionaries/grammar-closed-classes.tsv", subject_line,
                                st->subjects, err);
    if (s == MTC_OK)
        s = mtc_data_load_lines("dictionaries/grammar-closed-classes.tsv", function_word_line,
                                st->function_words, err);
    if (s == MTC_OK) {
        /* the lists the slip and compound searches ask about many
         * candidates, nearly all absent */
        mtc_wordset_add_filter(st->common);
        mtc_wordset_add_filter(st->frequent);
        mtc_wordset_add_filter(st->most_frequent);
    }
    for (size_t i = 0; s == MTC_OK && i < st->n_pairs; i++) {
        resolve_variant(st, st->pairs[i].us);
        resolve_variant(st, st->pairs[i].gb);
    }
    for (size_t i = 0; s == MTC_OK && i < cfg->n_dicts; i++)
        s = mtc_spelling_read_words(cfg->dicts[i], add_word, st, err);
    if (s != MTC_OK) {
        sp_destroy(st);
        return s;
    }
    *state = st;
    return MTC_OK;
}

static void sp_destroy(void *state)
{
    sp_state *st = state;
    if (!st)
        return;
    if (st->h)
        Hunspell_destroy(st->h);
    mtc_suggester_free(st->sx);
    mtc_wordset_free(st->verdicts);
    mtc_wordset_free(st->sugg_idx);
    for (size_t i = 0; i < st->n_sugg; i++)
        for (size_t k = 0; k < st->sugg[i].n; k++)
            free(st->sugg[i].s[k]);
    free(st->sugg);
    for (size_t i = 0; i < st->n_pairs; i++) {
        free(st->pairs[i].us);
        free(st->pairs[i].gb);
    }
    free(st->pairs);
    mtc_wordset_free(st->us_forms);
    mtc_wordset_free(st->gb_forms);
    mtc_wordset_free(st->variants);
    mtc_wordset_free(st->parts);
    mtc_wordset_free(st->common);
    mtc_wordset_free(st->frequent);
    mtc_wordset_free(st->most_frequent);
    mtc_wordset_free(st->speech);
    mtc_wordset_free(st->subjects);
    mtc_wordset_free(st->function_words);
    for (size_t i = 0; i < st->n_repos; i++) {
        free(st->repos[i].dir);
        mtc_wordset_free(st->repos[i].words);
    }
    free(st->repos);
    free(st);
}

/* The repository word list for the article at path (cached per folder). */
static const mtc_wordset *repo_words(sp_state *st, const char *path)
{
    if (!path || !path[0] || strcmp(path, "-") == 0)
        return NULL;
    const char *slash = strrchr(path, '/');
    char *dir = slash ? mtc_xstrndup(path, (size_t)(slash - path)) : mtc_xstrdup(".");
    if (!dir[0]) {
        free(dir);
        dir = mtc_xstrdup("/");
    }
    for (size_t i = 0; i < st->n_repos; i++) {
        if (strcmp(st->repos[i].dir, dir) == 0) {
            free(dir);
            return st->repos[i].words;
        }
    }
    mtc_grow((void **)&st->repos, &st->cap_repos, st->n_repos + 1, sizeof *st->repos);
    st->repos[st->n_repos].dir = dir;
    st->repos[st->n_repos].words = mtc_spelling_repo_words(dir);
    return st->repos[st->n_repos++].words;
}

/* ---- words ----------------------------------------------------------- */

/* Letter case of a word (first letter, then all letters). */
enum { C_LOWER, C_CAP, C_UPPER, C_MIXED };

static int word_case(const char *w, size_t len, size_t *letters)
{
    size_t pos = 0, n = 0, up = 0;
    int first_up = -1, mixed = 0, prev_lower = 0;
    while (pos < len) {
        unsigned char c = (unsigned char)w[pos];
        if (c < 0x80) { /* ASCII: the same steps without the Unicode tables */
            pos++;
            if (!mtc_ascii_is_alpha(c)) {
                prev_lower = 0;
                continue;
            }
            int u = mtc_ascii_is_upper(c);
            if (first_up < 0)
                first_up = u;
            if (u && prev_lower)
                mixed = 1;
            prev_lower = !u;
            up += (size_t)u;
            n++;
            continue;
        }
        int32_t cp;
        pos += (size_t)mtc_utf8_next(w, len, pos, &cp);
        if (!mtc_cp_is_letter(cp)) {
            prev_lower = 0;
            continue;
        }
        int u = mtc_cp_is_upper(cp);
        if (first_up < 0)
            first_up = u;
        if (u && prev_lower)
            mixed = 1;
        prev_lower = !u;
        up += (size_t)u;
        n++;
    }
    if (letters)
        *letters = n;
    if (n == 0 || first_up <= 0)
        return up ? C_MIXED : C_LOWER;
    if (up == n)
        return C_UPPER;
    return mixed ? C_MIXED : C_CAP;
}

/* Copies the word into out with ’ as ' and without a trailing possessive
 * ('s or '). Returns the new length (0 when it does not fit); *poss = 1 when
 * a possessive was removed. */
static size_t normalise(const char *w, size_t len, char *out, size_t size, int *poss)
{
    size_t n = 0;
    *poss = 0;
    if (len < size && !memchr(w, 0xE2, len)) { /* no ’: a plain copy */
        memcpy(out, w, len);
        n = len;
    } else {
        for (size_t i = 0; i < len; i++) {
            if (n + 1 >= size)
                return 0;
            if (i + 2 < len && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
                (unsigned char)w[i + 2] == 0x99) {
                out[n++] = '\'';
                i += 2;
            } else {
                out[n++] = w[i];
            }
        }
    }
    if (n >= 2 && out[n - 2] == '\'' && (out[n - 1] == 's' || out[n - 1] == 'S')) {
        n -= 2;
        *poss = 1;
    } else if (n >= 1 && out[n - 1] == '\'') {
        n -= 1;
        *poss = 1;
    }
    out[n] = '\0';
    return n;
}

/* Maps a length in the normalised word back to bytes of the original. */
static size_t orig_len(const char *w, size_t len, size_t norm_len)
{
    if (!memchr(w, 0xE2, len))
        return norm_len; /* byte for byte */
    size_t i = 0, n = 0;
    while (i < len && n < norm_len) {
        if (i + 2 < len && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99)
            i += 3;
        else
            i++;
        n++;
    }
    return i;
}

/* A word list's look-up: 1 when it has w[0..len) exactly. */
typedef int (*has_fn)(const void *list, const char *w, size_t len);

/* 1 when a word list has w the way hunspell would accept it: as written,
 * lowercase (covid accepts Covid, COVID) or capitalised (Beijing accepts
 * BEIJING); BBC accepts only BBC. */
static int list_knows(has_fn has, const void *list, const char *w, size_t len)
{
    if (has(list, w, len))
        return 1;
    char low[MAX_WORD * 2];
    size_t n = mtc_utf8_lower(w, len, low, sizeof low);
    if (n != (size_t)-1 && has(list, low, n))
        return 1;
    if (n != (size_t)-1 && n > 0 && word_case(w, len, NULL) == C_UPPER) {
        char cap[MAX_WORD * 2];
        int32_t cp;
        int k = mtc_utf8_next(low, n, 0, &cp);
        int m = mtc_utf8_encode(mtc_cp_toupper(cp), cap);
        if ((size_t)m + n - (size_t)k < sizeof cap) {
            memcpy(cap + m, low + k, n - (size_t)k);
            if (has(list, cap, (size_t)m + n - (size_t)k))
                return 1;
        }
    }
    return 0;
}

static int wordset_has(const void *set, const char *w, size_t len)
{
    return mtc_wordset_contains(set, w, len);
}

/* 1 when the sorted list (gen-sorted-words.py: a first line saying what made
 * it, then one entry a line, in memcmp order) has w: binary search over the
 * bytes, each probe reading the line around its middle. */
static int sorted_has(const void *list, const char *w, size_t len)
{
    const sp_state *st = list;
    const char *d = st->news;
    const char *first = memchr(d, '\n', st->news_len);
    size_t lo = first ? (size_t)(first - d) + 1 : st->news_len, hi = st->news_len;
    while (lo < hi) { /* [lo, hi) holds whole lines */
        size_t mid = lo + (hi - lo) / 2, a = mid;
        while (a > lo && d[a - 1] != '\n')
            a--;
        const char *nl = memchr(d + a, '\n', hi - a);
        size_t b = nl ? (size_t)(nl - d) : hi;
        size_t n = b - a < len ? b - a : len;
        int c = memcmp(d + a, w, n);
        if (c == 0)
            c = (b - a > len) - (b - a < len);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = b + 1;
        else
            hi = a;
    }
    return 0;
}

/* list_knows over a word set (NULL: no list). */
static int set_knows(const mtc_wordset *set, const char *w, size_t len)
{
    return set && list_knows(wordset_has, set, w, len);
}

/* 1 when the dictionaries know w (NUL-terminated, normalised). */
static int knows(sp_state *st, const mtc_wordset *repo, const char *w, size_t len)
{
    if (len == 0 || len > MAX_WORD)
        return 1;
    if (set_knows(repo, w, len))
        return 1;
    intptr_t v;
    if (mtc_wordset_get(st->verdicts, w, len, &v))
        return v == V_OK;
    int ok = Hunspell_spell(st->h, w) != 0 || list_knows(sorted_has, st, w, len);
    mtc_wordset_put(st->verdicts, w, len, ok ? V_OK : V_BAD);
    return ok;
}

static int is_common(const char *word, void *ctx);

/* 1 when a lowercase word is two common words written together
 * (longlisted, counterculturally): the first at least 4 letters, the second
 * at least 5, both ASCII and both common words (a rare dictionary word as a
 * part splits too many misspellings: comm+unites, pedes+train); and no
 * common word is one edit from the whole (missleading is miss+leading, but
 * one letter from misleading). */
static int compound_known(sp_state *st, const mtc_wordset *repo, const char *w, size_t len)
{
    if (len < 9 || len > MAX_WORD)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!mtc_ascii_is_lower((unsigned char)w[i]))
            return 0;
    char buf[MAX_WORD + 1];
    int split = 0;
    for (size_t i = 4; i + 5 <= len && !split; i++) {
        memcpy(buf, w, i);
        buf[i] = '\0';
        if (!mtc_wordset_contains(st->common, buf, i) || !knows(st, repo, buf, i))
            continue;
        split = mtc_wordset_contains(st->common, w + i, len - i) &&
                knows(st, repo, w + i, len - i);
    }
    return split && !mtc_suggest_any_within_one(st->sx, w, len, is_common, st);
}

/* Optimal string alignment distance over code points (case-insensitive),
 * or limit+1 when larger than limit. */
static size_t edit_distance(const char *a, size_t alen, const char *b, size_t blen, size_t limit)
{
    int32_t x[MAX_CP], y[MAX_CP];
    size_t m = 0, n = 0;
    for (size_t p = 0; p < alen && m < MAX_CP;) {
        int32_t cp;
        p += (size_t)mtc_utf8_next(a, alen, p, &cp);
        x[m++] = mtc_cp_tolower(cp);
    }
    for (size_t p = 0; p < blen && n < MAX_CP;) {
        int32_t cp;
        p += (size_t)mtc_utf8_next(b, blen, p, &cp);
        y[n++] = mtc_cp_tolower(cp);
    }
    if ((m > n ? m - n : n - m) > limit)
        return limit + 1;
    size_t d[MAX_CP + 1][MAX_CP + 1];
    for (size_t i = 0; i <= m; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= n; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= m; i++) {
        for (size_t j = 1; j <= n; j++) {
            size_t c = x[i - 1] == y[j - 1] ? 0 : 1;
            size_t best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + c < best)
                best = d[i - 1][j - 1] + c;
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[m][n] > limit ? limit + 1 : d[m][n];
}

/* A candidate the dictionaries know (hunspell for --lang, the news words,
 * the --dict lists), so that en_US gets no British spellings. */
static int suggestion_known(const char *word, void *ctx)
{
    const char *space = strchr(word, ' '); /* two words: each known */
    if (space) {
        char first[MAX_WORD + 1];
        size_t n = (size_t)(space - word);
        if (n > MAX_WORD)
            return 0;
        memcpy(first, word, n);
        first[n] = '\0';
        return knows(ctx, NULL, first, n) && knows(ctx, NULL, space + 1, strlen(space + 1));
    }
    return knows(ctx, NULL, word, strlen(word));
}

/* The suggestions for w (at most 3, cached per worker): suggest.c's
 * deterministic engine, filtered by the dictionaries. */
static const sugg_list *suggest(sp_state *st, const char *w, size_t len)
{
    intptr_t idx;
    if (mtc_wordset_get(st->sugg_idx, w, len, &idx))
        return &st->sugg[idx];
    char found[MTC_MAX_SUGGESTIONS][MTC_SUGGEST_WORD_MAX];
    size_t n = mtc_suggest(st->sx, w, len, suggestion_known, st, found, MTC_MAX_SUGGESTIONS);
    mtc_grow((void **)&st->sugg, &st->cap_sugg, st->n_sugg + 1, sizeof *st->sugg);
    sugg_list *sl = &st->sugg[st->n_sugg];
    memset(sl, 0, sizeof *sl);
    for (size_t i = 0; i < n; i++)
        sl->s[sl->n++] = mtc_xstrdup(found[i]);
    mtc_wordset_put(st->sugg_idx, w, len, (intptr_t)st->n_sugg);
    return &st->sugg[st->n_sugg++];
}

static mtc_severity severity_for(const char *w, size_t len, const sugg_list *sl)
{
    for (size_t i = 0; i < sl->n; i++)
        if (edit_distance(w, len, sl->s[i], strlen(sl->s[i]), 2) <= 2)
            return MTC_SEV_MAJOR;
    return MTC_SEV_MINOR;
}

static void add_suggestions(mtc_issue *is, const sugg_list *sl)
{
    for (size_t i = 0; i < sl->n; i++)
        mtc_issue_suggest(is, sl->s[i], strlen(sl->s[i]));
}

/* 1 when the lowercase form of an index word is a common word. */
static int is_common(const char *word, void *ctx)
{
    const sp_state *st = ctx;
    char low[MAX_WORD * 2];
    size_t n = mtc_utf8_lower(word, strlen(word), low, sizeof low);
    return n != (size_t)-1 && mtc_wordset_contains(st->common, low, n);
}

/* Common words (dictionaries/common-words.txt) one edit from the ASCII
 * word w, lowercased (at most max). */
static size_t one_edit_words(sp_state *st, const char *w, size_t len, char out[][MAX_WORD + 1],
                             size_t max)
{
    char low[MAX_WORD + 2];
    if (len + 2 >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (!mtc_ascii_is_alpha((unsigned char)w[i]))
            return 0;
        low[i] = (char)mtc_ascii_tolower((unsigned char)w[i]);
    }
    low[len] = '\0';
    /* most names are one edit from no common word: the index says so in a
     * few look-ups, before the hundreds of edits below */
    if (!mtc_suggest_any_within_one(st->sx, low, len, is_common, st))
        return 0;
    size_t found = 0;
    char cand[MAX_WORD + 2];
#define TRY()                                                                                  \
    do {                                                                                       \
        size_t cl_ = strlen(cand);                                                             \
        int dup_ = 0;                                                                          \
        for (size_t f_ = 0; f_ < found; f_++)                                                  \
            dup_ |= strcmp(out[f_], cand) == 0;                                                \
        if (!dup_ && cl_ > 2 && cl_ <= MAX_WORD && mtc_wordset_contains(st->common, cand, cl_)) {\
            memcpy(out[found], cand, cl_ + 1);                                                 \
            if (++found == max)                                                                \
                return found;                                                                  \
        }                                                                                      \
    } while (0)
    for (size_t i = 0; i < len; i++) { /* deletion */
        memcpy(cand, low, i);
        memcpy(cand + i, low + i + 1, len - i);
        TRY();
    }
    for (size_t i = 0; i + 1 < len; i++) { /* transposition */
        memcpy(cand, low, len + 1);
        cand[i] = low[i + 1];
        cand[i + 1] = low[i];
        TRY();
    }
    for (size_t i = 0; i < len; i++) { /* substitution */
        for (char c = 'a'; c <= 'z'; c++) {
            if (c == low[i])
                continue;
            memcpy(cand, low, len + 1);
            cand[i] = c;
            TRY();
        }
    }
    for (size_t i = 0; i <= len; i++) { /* insertion */
        for (char c = 'a'; c <= 'z'; c++) {
            memcpy(cand, low, i);
            cand[i] = c;
            memcpy(cand + i + 1, low + i, len - i + 1);
            TRY();
        }
    }
#undef TRY
    return found;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Frequent words (dictionaries/frequent-words.txt) that the ASCII word w,
 * lowercased, is one typing slip from (at most max, lowercased into out).
 * A slip keeps the first letter (misspellings rarely change it; a name one
 * letter from a word usually differs there: Jing/king, Pham/ham) and is one
 * of: two neighbouring letters swapped (Teh, Recieved; anywhere), a letter
 * dropped (Wich, Goverment), a letter doubled (Buut, Annd; 4 letters or
 * more); and in words of 5 letters or more, where a short name is too often
 * one letter from a short word, also a letter added (Officiall) or a vowel
 * written for another (Minester). A word of 4 letters or fewer is matched
 * only against the most frequent words (SCOWL size 10: the, they, but):
 * a short name is one slip from many less frequent ones (Rui/ruin,
 * Chun/chunk). */
static size_t slip_words(sp_state *st, const char *w, size_t len, char out[][MAX_WORD + 1],
                         size_t max)
{
    char low[MAX_WORD + 2];
    if (len < 3 || len + 2 >= sizeof low)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (!mtc_ascii_is_alpha((unsigned char)w[i]))
            return 0;
        low[i] = (char)mtc_ascii_tolower((unsigned char)w[i]);
    }
    low[len] = '\0';
    size_t found = 0;
    char cand[MAX_WORD + 2];
    /* the most frequent words for a short word, else the frequent ones; for
     * two letters swapped in a word of eight letters or more, which few
     * names are, the common ones (Comemrcials: commercials) */
    const mtc_wordset *words = len <= 4 ? st->most_frequent : st->frequent;
    const mtc_wordset *swap_words = len >= 8 ? st->common : words;
    const mtc_wordset *in_ = swap_words;
#define TRY()                                                                                  \
    do {                                                                                       \
        size_t cl_ = strlen(cand);                                                             \
        int dup_ = 0;                                                                          \
        for (size_t f_ = 0; f_ < found; f_++)                                                  \
            dup_ |= strcmp(out[f_], cand) == 0;                                                \
        if (!dup_ && cl_ > 2 && mtc_wordset_contains(in_, cand, cl_)) {                        \
            memcpy(out[found], cand, cl_ + 1);                                                 \
            if (++found == max)                                                                \
                return found;                                                                  \
        }                                                                                      \
    } while (0)
    for (size_t i = 0; i + 1 < len; i++) { /* swapped */
        if (low[i] == low[i + 1])
            continue;
        memcpy(cand, low, len + 1);
        cand[i] = low[i + 1];
        cand[i + 1] = low[i];
        TRY();
    }
    in_ = words;
    for (size_t i = 1; i <= len; i++) { /* dropped */
        for (char c = 'a'; c <= 'z'; c++) {
            memcpy(cand, low, i);
            cand[i] = c;
            memcpy(cand + i + 1, low + i, len - i + 1);
            TRY();
        }
    }
    for (size_t i = 1; len >= 4 && i < len; i++) { /* doubled */
        if (low[i] != low[i - 1])
            continue;
        memcpy(cand, low, i);
        memcpy(cand + i, low + i + 1, len - i);
        TRY();
    }
    if (len >= 5) {
        for (size_t i = 1; i < len; i++) { /* added */
            memcpy(cand, low, i);
            memcpy(cand + i, low + i + 1, len - i);
            TRY();
        }
        for (size_t i = 1; i < len; i++) { /* wrong vowel */
            if (!is_vowel(low[i]))
                continue;
            for (const char *v = "aeiou"; *v; v++) {
                if (*v == low[i])
                    continue;
                memcpy(cand, low, len + 1);
                cand[i] = *v;
                TRY();
            }
        }
    }
    if (len >= 6) { /* a wrong letter in a longer word (Someboby); the first
                     * one only a vowel for a vowel (Onother), as a name's
                     * first letter is its most stable (Readline, not deadline) */
        for (size_t i = 0; i < len; i++) {
            for (char c = 'a'; c <= 'z'; c++) {
                if (c == low[i] || (i == 0 && !(is_vowel(c) && is_vowel(low[0]))))
                    continue;
                memcpy(cand, low, len + 1);
                cand[i] = c;
                TRY();
            }
        }
    }
#undef TRY
    return found;
}

/* ---- the article walk ------------------------------------------------- */

/* One distinct checked word form of the article (case kept). */
typedef struct sp_form {
    char word[MAX_WORD + 1];
    size_t len, letters;
    int wcase;     /* C_* */
    int known;     /* the dictionaries know it; -1: not asked yet (a
                    * capitalised form is asked only when a rule needs it:
                    * form_known) */
    int hyph_part; /* seen as part of a hyphenated word */
    int name_ctx;  /* evidence that it is a name: possessive, next to a name */
    int name_next; /* NEXT_*: followed by what follows a name: a speech verb
                    * (Zhao said), an apposition (Zhao, a spokesman,) */
    int after_the; /* preceded by "the" (plurals of names: the Kims) */
    size_t count, mid; /* occurrences; those not sentence-initial */
    size_t first, last; /* occurrence indexes (chain through occ.next) */
    int reported;
} sp_form;

/* 12 bytes: a big article has millions (a 64 MB one 1.8 million). Text
 * offsets and occurrence indexes fit 32 bits (a text is below 4 GiB, so
 * it has fewer tokens than that). */
#define OCC_END UINT32_MAX
typedef struct sp_occ {
    uint32_t start, end; /* span in doc->text */
    uint32_t next;       /* next occurrence of the same form, OCC_END = none */
    uint32_t ctx_tok;    /* a headline token whose name context is decided only
                          * when a rule needs it (headline_name_ctx); OCC_END:
                          * none pending */
} sp_occ;

typedef struct sp_variant_occ {
    size_t start, end;
    size_t pair;
    int is_gb; /* the word is the pair's GB form */
    int first_case_upper;
} sp_variant_occ;

typedef struct sp_article {
    mtc_wordset *index; /* form word -> index */
    sp_form *forms;
    size_t n_forms, cap_forms;
    sp_occ *occs;
    size_t n_occs, cap_occs;
    sp_variant_occ *vars;
    size_t n_vars, cap_vars;
} sp_article;

static sp_form *record(sp_article *a, const char *w, size_t len, size_t start, size_t end,
                       int initial, size_t ctx_tok)
{
    intptr_t idx;
    sp_form *f;
    if (mtc_wordset_get(a->index, w, len, &idx)) {
        f = &a->forms[idx];
    } else {
        mtc_grow((void **)&a->forms, &a->cap_forms, a->n_forms + 1, sizeof *a->forms);
        f = &a->forms[a->n_forms];
        memset(f, 0, sizeof *f);
        memcpy(f->word, w, len);
        f->word[len] = '\0';
        f->len = len;
        f->wcase = word_case(w, len, &f->letters);
        f->first = f->last = SIZE_MAX;
        mtc_wordset_put(a->index, w, len, (intptr_t)a->n_forms);
        a->n_forms++;
    }
    mtc_grow((void **)&a->occs, &a->cap_occs, a->n_occs + 1, sizeof *a->occs);
    sp_occ *o = &a->occs[a->n_occs];
    o->start = (uint32_t)start;
    o->end = (uint32_t)end;
    o->next = OCC_END;
    o->ctx_tok = ctx_tok == SIZE_MAX ? OCC_END : (uint32_t)ctx_tok;
    if (f->last == SIZE_MAX)
        f->first = a->n_occs;
    else
        a->occs[f->last].next = (uint32_t)a->n_occs;
    f->last = a->n_occs++;
    f->count++;
    if (!initial)
        f->mid++;
    return f;
}

/* 1 when the dictionaries know the form (asked on the first call). */
static int form_known(sp_state *st, const mtc_wordset *repo, sp_form *f)
{
    if (f->known < 0)
        f->known = knows(st, repo, f->word, f->len);
    return f->known;
}

static int is_capitalised_token(const mtc_token *t)
{
    return t->kind == MTC_TOK_WORD && (t->flags & (MTC_TF_INITIAL_UPPER | MTC_TF_ALL_UPPER));
}

/* Punctuation after which a word is sentence-initial-like (quotes,
 * brackets, colon, dashes). */
static int opens_clause(const mtc_document *d, const mtc_token *t)
{
    const char *s = mtc_tok_text(d, t);
    size_t n = mtc_tok_len(t);
    if (n == 1)
        return strchr("\"'([{:;-", s[0]) != NULL;
    return (n == 3 && (memcmp(s, "\xE2\x80\x9C", 3) == 0 || memcmp(s, "\xE2\x80\x98", 3) == 0 ||
                       memcmp(s, "\xE2\x80\x94", 3) == 0 || memcmp(s, "\xE2\x80\x93", 3) == 0 ||
                       memcmp(s, "\xE2\x80\x9D", 3) == 0)) ||
           (n == 2 && (memcmp(s, "\xC2\xAB", 2) == 0));
}

static void add_variant(sp_article *a, size_t start, size_t end, size_t pair, int is_gb,
                        int first_case_upper, size_t *us_n, size_t *gb_n)
{
    mtc_grow((void **)&a->vars, &a->cap_vars, a->n_vars + 1, sizeof *a->vars);
    sp_variant_occ *v = &a->vars[a->n_vars++];
    v->start = start;
    v->end = end;
    v->pair = pair;
    v->is_gb = is_gb;
    v->first_case_upper = first_case_upper;
    if (is_gb)
        (*gb_n)++;
    else
        (*us_n)++;
}

/* Remembers what check_part decided about the bytes p[0..plen) when that
 * depends on nothing else (PC_OTHER: the full path is taken every time). */
static void part_cache_put(sp_state *st, const char *p, size_t plen, intptr_t v)
{
    if (mtc_wordset_count(st->parts) >= PART_CACHE_MAX) { /* bounded memory */
        mtc_wordset_free(st->parts);
        st->parts = mtc_wordset_new();
    }
    mtc_wordset_put(st->parts, p, plen, v);
}

/* The part cache's value for p (1) or 0; mw, when not NULL, is the interned
 * word of a token whose bytes p are, in memo slot (MTC_WM_SP_PART: p is the
 * lowercase ASCII form itself; MTC_WM_SP_CAP: the form capitalised), which
 * keeps the value for the article's other occurrences and, through the
 * worker's vocabulary, for the next articles. */
static int part_cached(sp_state *st, mtc_word *mw, unsigned slot, const char *p, size_t plen,
                       intptr_t *pc)
{
    if (mw && (mw->memo_have & (1u << slot))) {
        *pc = (intptr_t)mw->memo[slot];
        return 1;
    }
    if (!mtc_wordset_get(st->parts, p, plen, pc))
        return 0;
    if (mw && *pc >= 0 && *pc <= (intptr_t)UINT32_MAX) {
        mw->memo[slot] = (uint32_t)*pc;
        mw->memo_have |= (uint16_t)(1u << slot);
    }
    return 1;
}

static void check_part(sp_state *st, const mtc_wordset *repo, sp_article *a, mtc_word *mw,
                       unsigned slot, const char *p, size_t plen, size_t start, int initial,
                       int in_hyphen, int skip_lower, int name_ctx, size_t ctx_tok, int name_next,
                       int after_the, size_t *us_n, size_t *gb_n)
{
    intptr_t pc;
    int cached = part_cached(st, mw, slot, p, plen, &pc);
    if (cached) {
        switch (pc & 3) {
        case PC_SKIP:
            return;
        case PC_VARIANT:
            add_variant(a, start, start + (size_t)((pc >> 4) & 0xFF), (size_t)(pc >> 12),
                        (int)((pc >> 2) & 1), (int)((pc >> 3) & 1), us_n, gb_n);
            return;
        default: /* PC_OTHER: the full path below */
            break;
        }
    }
    char w[MAX_WORD + 1];
    int poss;
    size_t n = normalise(p, plen, w, sizeof w, &poss);
    if (n == 0) {
        part_cache_put(st, p, plen, PC_SKIP);
        return;
    }
    size_t olen = orig_len(p, plen, n);
    size_t end = start + olen;
    size_t letters;
    int wc = word_case(w, n, &letters);
    /* a cached PC_OTHER was put after these tests found nothing: no skip,
     * no variant, no ALL-CAPS word */
    if (!cached) {
        if ((letters < 2 || wc == C_MIXED) || (wc == C_UPPER && letters <= 6) ||
            (wc == C_CAP && n >= 3 && w[n - 1] == 's' && letters <= 7 &&
             word_case(w, n - 1, NULL) == C_UPPER /* plural of an acronym: WLANs */)) {
            part_cache_put(st, p, plen, PC_SKIP);
            return;
        }
        /* US/UK variants */
        char low[MAX_WORD * 2];
        size_t ln = mtc_utf8_lower(w, n, low, sizeof low);
        if (ln != (size_t)-1 && wc != C_UPPER) {
            intptr_t pi;
            int is_gb = -1;
            if (mtc_wordset_get(st->variants, low, ln, &pi)) {
                is_gb = (int)(pi & 1);
                pi >>= 1;
            }
            if (is_gb >= 0) {
                add_variant(a, start, end, (size_t)pi, is_gb, wc == C_CAP, us_n, gb_n);
                part_cache_put(st, p, plen,
                               PC_VARIANT | (intptr_t)is_gb << 2 | (intptr_t)(wc == C_CAP) << 3 |
                                   (intptr_t)olen << 4 | pi << 12);
                return; /* a variant spelling is no misspelling */
            }
        }
        if (wc == C_UPPER) {
            part_cache_put(st, p, plen, PC_SKIP);
            return; /* long ALL-CAPS words: headlines, datelines; taken for names */
        }
    }
    if (wc == C_LOWER) {
        if (!cached) {
            /* known without the repository's word list: known with any */
            int known = knows(st, NULL, w, n) || compound_known(st, NULL, w, n);
            part_cache_put(st, p, plen, known ? PC_SKIP : PC_OTHER);
            if (known)
                return;
        }
        /* jae, un in Moon Jae-in, Kim Jong-un; a word quoted on its own
         * ("whassup") is mentioned, not used */
        if (skip_lower)
            return;
        if (knows(st, repo, w, n) || compound_known(st, repo, w, n))
            return;
    } else if (!cached) {
        part_cache_put(st, p, plen, PC_OTHER);
    }
    sp_form *f = record(a, w, n, start, end, initial, ctx_tok);
    if (f->count == 1) /* a capitalised form: asked when a rule needs it */
        f->known = wc == C_LOWER ? knows(st, repo, w, n) : -1;
    f->hyph_part |= in_hyphen;
    f->name_ctx |= name_ctx || poss;
    f->name_next |= name_next;
    f->after_the |= after_the;
}

/* 1 when the dictionary knows the lowercase form of a capitalised token
 * (The, Comitee -> the, comitee): such a word says nothing about names. */
static int lower_known(sp_state *st, const mtc_wordset *repo, const mtc_document *d,
                       const mtc_token *t)
{
    char w[MAX_WORD + 1], low[MAX_WORD * 2];
    int poss;
    size_t n = normalise(mtc_tok_text(d, t), mtc_tok_len(t), w, sizeof w, &poss);
    if (n == 0)
        return 1;
    size_t ln = mtc_utf8_lower(w, n, low, sizeof low);
    if (ln == (size_t)-1 || ln > MAX_WORD)
        return 1;
    return knows(st, repo, low, ln);
}

/* The name context of a headline token (its index ti), where every word
 * may be capitalised: a capitalised neighbour in the same sentence that is
 * no dictionary word in lowercase. Decided only for a form a rule may
 * report (it asks the dictionaries about both neighbours). */
static int headline_name_ctx(sp_state *st, const mtc_wordset *repo, const mtc_document *d,
                             size_t ti)
{
    const mtc_sentence *s = &d->sentences[mtc_tok_sentence(d, ti)];
    size_t k = ti - s->first_token;
    const mtc_token *prev = k > 0 ? &d->tokens[ti - 1] : NULL;
    const mtc_token *next = k + 1 < s->n_tokens ? &d->tokens[ti + 1] : NULL;
    return (prev && is_capitalised_token(prev) && !lower_known(st, repo, d, prev)) ||
           (next && is_capitalised_token(next) && !lower_known(st, repo, d, next));
}

/* 1 when the lowercase form of a word token is in set (ASCII words only). */
static int lower_in(const mtc_wordset *set, const mtc_document *d, const mtc_token *t)
{
    char low[MAX_WORD + 1];
    size_t n = mtc_tok_len(t);
    if (t->kind != MTC_TOK_WORD || n > MAX_WORD)
        return 0;
    const mtc_word *lw = mtc_tok_word(d, t); /* interned: lowercased and hashed once */
    if (lw->ascii && lw->len == n)
        return mtc_wordset_get_hashed(set, mtc_word_text(d, lw), n, lw->hash, NULL);
    const char *w = mtc_tok_text(d, t);
    for (size_t i = 0; i < n; i++)
        low[i] = (char)mtc_ascii_tolower((unsigned char)w[i]);
    return mtc_wordset_contains(set, low, n);
}

static int token_is(const mtc_document *d, const mtc_token *t, const char *s)
{
    size_t n = strlen(s);
    return mtc_tok_len(t) == n && memcmp(mtc_tok_text(d, t), s, n) == 0;
}

enum { NEXT_SPEECH = 1, NEXT_APPOSITION = 2 };

/* What the tokens after a word show (NEXT_*, 0 = nothing): a speech verb
 * ("Zhao said", "Li told") or an apposition ("Zhao, a spokesman, said",
 * "Li, who ..."); not a comma and "the" alone ("Plus, the court ..."). */
static int name_follows(const sp_state *st, const mtc_document *d, const mtc_sentence *s,
                        size_t k)
{
    size_t ti = s->first_token + k;
    if (k + 1 >= s->n_tokens)
        return 0;
    const mtc_token *n1 = &d->tokens[ti + 1];
    if (n1->kind == MTC_TOK_WORD)
        return !(n1->flags & MTC_TF_INITIAL_UPPER) && lower_in(st->speech, d, n1) ? NEXT_SPEECH
                                                                                   : 0;
    if (!token_is(d, n1, ",") || k + 2 >= s->n_tokens)
        return 0;
    const mtc_token *n2 = &d->tokens[ti + 2];
    if (n2->kind != MTC_TOK_WORD)
        return 0;
    if (token_is(d, n2, "who") || token_is(d, n2, "whose"))
        return NEXT_APPOSITION;
    if (!token_is(d, n2, "a") && !token_is(d, n2, "an") && !token_is(d, n2, "the"))
        return 0;
    /* a noun phrase closed by a second comma within a few words */
    for (size_t j = k + 3; j < s->n_tokens && j <= k + 8; j++) {
        const mtc_token *x = &d->tokens[s->first_token + j];
        if (token_is(d, x, ","))
            return NEXT_APPOSITION;
        if (x->kind == MTC_TOK_PUNCT && !token_is(d, x, "'") && !token_is(d, x, "-"))
            return 0;
    }
    return 0;
}

/* A quotation mark token (straight or curly, single or double). */
static int is_quote(const mtc_document *d, const mtc_token *t)
{
    const char *s = mtc_tok_text(d, t);
    size_t n = mtc_tok_len(t);
    if (n == 1)
        return s[0] == '"' || s[0] == '\'';
    return n == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
           ((unsigned char)s[2] >= 0x98 && (unsigned char)s[2] <= 0x9F);
}

static int token_is_the(const mtc_document *d, const mtc_token *t)
{
    return t->kind == MTC_TOK_WORD && mtc_tok_len(t) == 3 &&
           (memcmp(mtc_tok_text(d, t), "the", 3) == 0 || memcmp(mtc_tok_text(d, t), "The", 3) == 0);
}

static void walk(sp_state *st, const mtc_wordset *repo, const mtc_document *d, sp_article *a,
                 size_t *us_n, size_t *gb_n)
{
    for (size_t si = 0; si < d->n_sentences; si++) {
        const mtc_sentence *s = &d->sentences[si];
        int headline = s->paragraph < d->n_paragraphs && d->paragraphs[s->paragraph].is_headline;
        int seen_word = 0;
        for (size_t k = 0; k < s->n_tokens; k++) {
            size_t ti = s->first_token + k;
            const mtc_token *t = &d->tokens[ti];
            const mtc_token *prev = k > 0 ? &d->tokens[ti - 1] : NULL;
            const mtc_token *next = k + 1 < s->n_tokens ? &d->tokens[ti + 1] : NULL;
            int initial = headline || !seen_word || (prev && opens_clause(d, prev));
            if (t->kind == MTC_TOK_PUNCT || t->kind == MTC_TOK_SYMBOL)
                continue;
            seen_word = 1;
            if (t->kind != MTC_TOK_WORD)
                continue;
            if (t->flags & (MTC_TF_NON_LATIN | MTC_TF_HAS_DIGIT | MTC_TF_MIXED_CASE))
                continue;
            size_t len = mtc_tok_len(t);
            if (len > MAX_WORD)
                continue;
            const char *w = mtc_tok_text(d, t);
            if (memchr(w, '.', len))
                continue; /* an abbreviation: U.S., a.m., p.m., a.k.a., E.ON */
            /* a run of capitalised words (Maria Kowalska, Lin Haoran); after the
             * sentence's first word only when that is no frequent word (The,
             * Recent); in a headline, where every word may be capitalised,
             * only next to a word that is no dictionary word in lowercase */
            int name_ctx = 0;
            size_t ctx_tok = SIZE_MAX;
            if (headline)
                ctx_tok = ti; /* headline_name_ctx, when a rule needs it */
            else
                name_ctx = (prev && !initial && is_capitalised_token(prev) &&
                            (!(k == 1 || (k >= 2 && opens_clause(d, &d->tokens[ti - 2]))) ||
                             !lower_in(st->frequent, d, prev))) ||
                           (next && is_capitalised_token(next));
            int name_next = name_follows(st, d, s, k);
            int quoted = prev && next && is_quote(d, prev) && is_quote(d, next);
            int after_the = prev && token_is_the(d, prev);
            if (!(t->flags & MTC_TF_HAS_HYPHEN) || memchr(w, '-', len) == NULL) {
                /* an ASCII token that is its interned form (lowercase) or the
                 * form capitalised: the part verdict is memoised per word */
                mtc_word *mw = mtc_tok_word(d, t);
                unsigned slot = MTC_WM_SP_PART;
                if (!mw->ascii || mw->len != len) {
                    mw = NULL;
                } else {
                    const char *f = mtc_word_text(d, mw);
                    if (memcmp(f, w, len) == 0)
                        slot = MTC_WM_SP_PART;
                    else if (mtc_ascii_is_upper((unsigned char)w[0]) &&
                             f[0] == (char)mtc_ascii_tolower((unsigned char)w[0]) &&
                             memcmp(f + 1, w + 1, len - 1) == 0)
                        slot = MTC_WM_SP_CAP;
                    else
                        mw = NULL;
                }
                check_part(st, repo, a, mw, slot, w, len, t->start, initial, 0, quoted, name_ctx,
                           ctx_tok, name_next, after_the, us_n, gb_n);
                continue;
            }
            /* hyphenated: whole word first, then each part */
            char whole[MAX_WORD + 1];
            int poss;
            size_t wn = normalise(w, len, whole, sizeof whole, &poss);
            if (wn && knows(st, repo, whole, wn))
                continue;
            int any_cap = 0;
            for (size_t i = 0; i < len;) {
                size_t j = i;
                while (j < len && w[j] != '-')
                    j++;
                if (j > i && word_case(w + i, j - i, NULL) != C_LOWER)
                    any_cap = 1;
                i = j + 1;
            }
            for (size_t i = 0; i < len;) {
                size_t j = i;
                while (j < len && w[j] != '-')
                    j++;
                if (j > i)
                    check_part(st, repo, a, NULL, 0, w + i, j - i, t->start + i,
                               initial || i > 0, 1, any_cap, 1, SIZE_MAX, 0, 0, us_n, gb_n);
                i = j + 1;
            }
        }
    }
}

/* The occurrence after o of the same form, SIZE_MAX after the last. */
static size_t occ_next(const sp_article *a, size_t o)
{
    uint32_t n = a->occs[o].next;
    return n == OCC_END ? SIZE_MAX : n;
}

static void emit_unknown(sp_state *st, mtc_emitter *em, const sp_article *a, const sp_form *f,
                         int rule, const char *why)
{
    const sugg_list *sl = suggest(st, f->word, f->len);
    mtc_severity sev = severity_for(f->word, f->len, sl);
    for (size_t o = f->first; o != SIZE_MAX; o = occ_next(a, o)) {
        mtc_issue *is = mtc_emit(em, rule, sev, a->occs[o].start, a->occs[o].end,
                                 "unknown word '%s'%s", f->word, why);
        add_suggestions(is, sl);
    }
}

/* "Comitee" where the article also has the misspelled "comitee": reported with
 * the lowercase word's suggestions, capitalised. */
static void emit_cap_paired(sp_state *st, mtc_emitter *em, const sp_article *a,
                            const sp_form *f, const sp_form *lower)
{
    const sugg_list *sl = suggest(st, lower->word, lower->len);
    mtc_severity sev = severity_for(lower->word, lower->len, sl);
    for (size_t o = f->first; o != SIZE_MAX; o = occ_next(a, o)) {
        mtc_issue *is = mtc_emit(em, R_UNKNOWN_CAP, sev, a->occs[o].start, a->occs[o].end,
                                 "unknown word '%s' (the article also has the misspelled "
                                 "'%s': not a name)",
                                 f->word, lower->word);
        for (size_t i = 0; i < sl->n; i++) {
            char buf[MAX_WORD + 1];
            snprintf(buf, sizeof buf, "%s", sl->s[i]);
            buf[0] = (char)mtc_ascii_toupper((unsigned char)buf[0]);
            mtc_issue_suggest(is, buf, strlen(buf));
        }
    }
}

/* (fw_only: the article gives the word name evidence; it is reported only
 * when it is one slip from a function word, which no name is.) */
/* A capitalised unknown word seen once, at the start of a sentence or in a
 * headline, with nothing in the article that makes it a name (no other
 * occurrence, no capitalised neighbour, no possessive, no apposition after
 * it): reported when it is one typing slip from a frequent word (Goverment,
 * Recieved, Teh); a name is usually farther from every frequent word (Lin,
 * Haoran, Kowalska). A speech verb after it ("Lin said") makes it a name
 * unless the word it is a slip from is a subject pronoun too ("Thye
 * added": they). */
static void emit_initial_slip(sp_state *st, mtc_emitter *em, const sp_article *a, sp_form *f,
                              int fw_only)
{
    char found[MTC_MAX_SUGGESTIONS][MAX_WORD + 1];
    if (mtc_pinyin_name_like(f->word, f->len))
        return; /* Zhuge, Daqing: a pinyin name, not a slip from huge, daring */
    size_t nf = slip_words(st, f->word, f->len, found, MTC_MAX_SUGGESTIONS);
    if (nf == 0)
        return;
    if (fw_only) {
        /* name evidence beside it (a capitalised neighbour, "said", an
         * apposition) gives way when the word is one slip from a function
         * word: "Teh Kremlin said", "Nad officials added" */
        size_t k = 0;
        while (k < nf && !mtc_wordset_contains(st->function_words, found[k], strlen(found[k])))
            k++;
        if (k == nf)
            return;
        if (k > 0) {
            char tmp[MAX_WORD + 1];
            memcpy(tmp, found[k], sizeof tmp);
            memcpy(found[k], found[0], sizeof tmp);
            memcpy(found[0], tmp, sizeof tmp);
        }
        nf = 1;
    } else if (f->name_next & NEXT_SPEECH) {
        size_t k = 0;
        while (k < nf && !mtc_wordset_contains(st->subjects, found[k], strlen(found[k])))
            k++;
        if (k == nf)
            return; /* Zhao said: a name */
        if (k > 0) { /* the pronoun first */
            char tmp[MAX_WORD + 1];
            memcpy(tmp, found[k], sizeof tmp);
            memcpy(found[k], found[0], sizeof tmp);
            memcpy(found[0], tmp, sizeof tmp);
        }
    }
    const sp_occ *o = &a->occs[f->first];
    mtc_issue *is = mtc_emit(em, R_UNKNOWN_CAP, MTC_SEV_MAJOR, o->start, o->end,
                             fw_only ? "unknown word '%s' at the start of a sentence: one slip "
                                       "from the function word '%s'"
                                     : "unknown word '%s' at the start of a sentence: not used as "
                                       "a name in this article, and one slip from '%s'",
                             f->word, found[0]);
    for (size_t k = 0; k < nf; k++) {
        found[k][0] = (char)mtc_ascii_toupper((unsigned char)found[k][0]);
        mtc_issue_suggest(is, found[k], strlen(found[k]));
    }
    f->reported = 1;
}

/* 1 when b is a plus a trailing "s" and b is used as a plural (the Kims). */
static int plural_pair(const sp_form *a, const sp_form *b)
{
    return b->len == a->len + 1 && memcmp(a->word, b->word, a->len) == 0 &&
           b->word[a->len] == 's' && b->after_the;
}

/* 1 when b is a plus a demonym ending: Kazakhstan/Kazakhstani, Korea/Korean. */
static int derived_pair(const sp_form *a, const sp_form *b)
{
    return b->len == a->len + 1 && memcmp(a->word, b->word, a->len) == 0 &&
           (b->word[a->len] == 'i' || b->word[a->len] == 'n');
}

/* A capitalised form of at least 4 letters, by its first code point. */
typedef struct name_key {
    int32_t first;
    size_t form;
    size_t cps; /* characters edit_distance compares (at most MAX_CP) */
} name_key;

static int name_key_cmp(const void *pa, const void *pb)
{
    const name_key *x = pa, *y = pb;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return x->form < y->form ? -1 : x->form > y->form;
}

/* A candidate pair of name keys (indexes into the sorted keys, x < y). */
typedef struct name_pair {
    size_t x, y;
} name_pair;

/* A one-deletion key of a name key: the hash of its first code point and
 * its lowercase code points with at most one deleted. */
typedef struct name_del {
    uint64_t hash;
    size_t key;
} name_del;
#define DEL_END UINT32_MAX /* no deletion form (name_candidates' chains) */

static int name_pair_cmp(const void *pa, const void *pb)
{
    const name_pair *p = pa, *q = pb;
    if (p->x != q->x)
        return p->x < q->x ? -1 : 1;
    return p->y < q->y ? -1 : p->y > q->y;
}

/* The pairs of keys [k0, k1) (one first letter) that share a one-deletion
 * form, appended to *pairs. */
static void group_candidates(const sp_article *a, const name_key *keys, size_t k0, size_t k1,
                             name_pair **pairs, size_t *n_pairs, size_t *cap_pairs)
{
    name_del *dels = NULL;
    size_t n_dels = 0, cap_dels = 0, want = 0;
    for (size_t ki = k0; ki < k1; ki++) /* a form and its deletions, as below */
        want += 1 + keys[ki].cps;
    mtc_grow((void **)&dels, &cap_dels, want ? want : 1, sizeof *dels);
    for (size_t ki = k0; ki < k1; ki++) {
        const sp_form *x = &a->forms[keys[ki].form];
        int32_t cp[MAX_CP + 1];
        size_t n = 0;
        cp[n++] = keys[ki].first;
        for (size_t p = 0; p < x->len && n < MAX_CP + 1;) {
            int32_t c;
            p += (size_t)mtc_utf8_next(x->word, x->len, p, &c);
            cp[n++] = mtc_cp_tolower(c);
        }
        mtc_grow((void **)&dels, &cap_dels, n_dels + n, sizeof *dels);
        dels[n_dels++] = (name_del){mtc_sx_hash(cp, n, MTC_SX_NONE, MTC_SX_NONE), ki};
        for (size_t i = 1; i < n; i++)
            dels[n_dels++] = (name_del){mtc_sx_hash(cp, n, i, MTC_SX_NONE), ki};
    }
    /* the deletion forms grouped by hash in a table (was a sort of them all:
     * 4% of the per-article work): each form pairs with the earlier forms
     * of its hash, chained through next[] (keys come in order, so x <= y).
     * Indexes of 32 bits: the table is much of the analyzer's memory on a
     * big article */
    if (n_dels >= DEL_END)
        abort(); /* 4 billion deletion forms: 64 GB of them before this */
    size_t cap = 16;
    while (cap < 2 * n_dels)
        cap *= 2;
    uint32_t *head = mtc_xmalloc(cap * sizeof *head);
    uint32_t *next = mtc_xmalloc((n_dels ? n_dels : 1) * sizeof *next);
    for (size_t i = 0; i < cap; i++)
        head[i] = DEL_END;
    for (size_t d = 0; d < n_dels; d++) {
        size_t j = (size_t)dels[d].hash & (cap - 1);
        while (head[j] != DEL_END && dels[head[j]].hash != dels[d].hash)
            j = (j + 1) & (cap - 1);
        for (uint32_t e = head[j]; e != DEL_END; e = next[e]) {
            if (dels[e].key == dels[d].key)
                continue;
            mtc_grow((void **)pairs, cap_pairs, *n_pairs + 1, sizeof **pairs);
            (*pairs)[(*n_pairs)++] = (name_pair){dels[e].key, dels[d].key};
        }
        next[d] = head[j];
        head[j] = (uint32_t)d;
    }
    free(head);
    free(next);
    free(dels);
}

/* The pairs of name keys (same first letter) that may be one edit apart:
 * those sharing a one-deletion form (every pair within one edit does, by
 * substitution, insertion, deletion or transposition), in key order and
 * without repeats. Replaces comparing every pair (40,000 names: 93 s).
 * Only forms with the same first letter pair up, and the keys are sorted
 * by it: one letter's keys at a time, so the tables hold the deletion
 * forms of one letter, not of every name of the article (a 64 MB article:
 * 1.2 million of them, 41 MB). */
static name_pair *name_candidates(const sp_article *a, const name_key *keys, size_t nk,
                                  size_t *n_out)
{
    name_pair *pairs = NULL;
    size_t n_pairs = 0, cap_pairs = 0;
    for (size_t k0 = 0, k1; k0 < nk; k0 = k1) {
        for (k1 = k0 + 1; k1 < nk && keys[k1].first == keys[k0].first; k1++)
            ;
        group_candidates(a, keys, k0, k1, &pairs, &n_pairs, &cap_pairs);
    }
    if (n_pairs > 1)
        qsort(pairs, n_pairs, sizeof *pairs, name_pair_cmp);
    size_t u = 0;
    for (size_t i = 0; i < n_pairs; i++)
        if (u == 0 || pairs[i].x != pairs[u - 1].x || pairs[i].y != pairs[u - 1].y)
            pairs[u++] = pairs[i];
    *n_out = u;
    return pairs;
}

static void check_names(sp_state *st, const mtc_wordset *repo, mtc_emitter *em, sp_article *a)
{
    /* only forms with the same first letter pair up: group them by it (in
     * each group the pairs come in the order of the forms, as before) */
    name_key *keys = mtc_xmalloc((a->n_forms ? a->n_forms : 1) * sizeof *keys);
    size_t nk = 0;
    for (size_t i = 0; i < a->n_forms; i++) {
        const sp_form *x = &a->forms[i];
        if (x->wcase != C_CAP || x->letters < 4)
            continue;
        mtc_utf8_next(x->word, x->len, 0, &keys[nk].first);
        size_t cps = mtc_utf8_count(x->word, x->len);
        keys[nk].cps = cps < MAX_CP ? cps : MAX_CP;
        keys[nk++].form = i;
    }
    qsort(keys, nk, sizeof *keys, name_key_cmp);
    size_t n_pairs;
    name_pair *pairs = name_candidates(a, keys, nk, &n_pairs);
    for (size_t pi = 0; pi < n_pairs; pi++) {
        size_t ki = pairs[pi].x, kj = pairs[pi].y;
        if (keys[kj].first != keys[ki].first)
            continue;
        sp_form *x = &a->forms[keys[ki].form];
        {
            sp_form *y = &a->forms[keys[kj].form];
            if (keys[ki].cps > keys[kj].cps + 1 || keys[kj].cps > keys[ki].cps + 1)
                continue; /* more than one edit apart (edit_distance's own first test) */
            if ((x->letters > y->letters ? x->letters : y->letters) < 5)
                continue;
            if (plural_pair(x, y) || plural_pair(y, x) || derived_pair(x, y) ||
                derived_pair(y, x))
                continue;
            if (edit_distance(x->word, x->len, y->word, y->len, 1) != 1)
                continue;
            /* the dictionaries last: only pairs one edit apart ask them */
            int xk = form_known(st, repo, x), yk = form_known(st, repo, y);
            if (xk && yk)
                continue;
            sp_form *minor = NULL, *major = NULL;
            if (x->count != y->count) {
                minor = x->count < y->count ? x : y;
            } else if (xk != yk) {
                minor = xk ? y : x;
            } else {
                minor = y; /* later first occurrence */
            }
            major = minor == x ? y : x;
            if (minor->reported)
                continue;
            minor->reported = 1;
            const sp_occ *o = &a->occs[minor->first];
            mtc_issue *is = mtc_emit(em, R_NAME, MTC_SEV_DEFAULT, o->start, o->end,
                                     "name spelled two ways in this article: '%s' (%zu) and "
                                     "'%s' (%zu)",
                                     minor->word, minor->count, major->word, major->count);
            mtc_issue_suggest(is, major->word, major->len);
        }
    }
    free(pairs);
    free(keys);
}

static void check_variants(sp_state *st, mtc_emitter *em, const mtc_document *d, sp_article *a,
                           size_t us_n, size_t gb_n)
{
    if (st->accept_both || a->n_vars == 0)
        return;
    int variant_on = mtc_rule_on(em, R_VARIANT);
    if (variant_on) {
        for (size_t i = 0; i < a->n_vars; i++) {
            const sp_variant_occ *v = &a->vars[i];
            if (v->is_gb != st->house_gb) {
                const variant_pair *p = &st->pairs[v->pair];
                const char *house = st->house_gb ? p->gb : p->us;
                mtc_issue *is = mtc_emit(em, R_VARIANT, MTC_SEV_DEFAULT, v->start, v->end,
                                         "%s spelling '%.*s' (the house style is %s English)",
                                         v->is_gb ? "British" : "American",
                                         (int)(v->end - v->start), d->text + v->start,
                                         st->house_gb ? "British" : "American");
                char sug[MAX_WORD + 1];
                snprintf(sug, sizeof sug, "%s", house);
                if (v->first_case_upper)
                    sug[0] = (char)mtc_ascii_toupper((unsigned char)sug[0]);
                mtc_issue_suggest(is, sug, strlen(sug));
            }
        }
    }
    if (us_n == 0 || gb_n == 0)
        return;
    int minority_gb = gb_n < us_n ? 1 : us_n < gb_n ? 0 : !st->house_gb;
    if (variant_on && minority_gb != st->house_gb)
        return; /* already reported as spelling.variant */
    mtc_wordset *done = mtc_wordset_new();
    for (size_t i = 0; i < a->n_vars; i++) {
        const sp_variant_occ *v = &a->vars[i];
        if (v->is_gb != minority_gb)
            continue;
        const variant_pair *p = &st->pairs[v->pair];
        const char *mine = v->is_gb ? p->gb : p->us;
        if (mtc_wordset_contains(done, mine, strlen(mine)))
            continue;
        mtc_wordset_add(done, mine, strlen(mine));
        const char *other = v->is_gb ? p->us : p->gb;
        mtc_issue *is = mtc_emit(
            em, R_MIXED, MTC_SEV_DEFAULT, v->start, v->end,
            "%s spelling '%.*s' in an article that also uses %s spellings (%zu American, "
            "%zu British)",
            v->is_gb ? "British" : "American", (int)(v->end - v->start), d->text + v->start,
            v->is_gb ? "American" : "British", us_n, gb_n);
        char sug[MAX_WORD + 1];
        snprintf(sug, sizeof sug, "%s", other);
        if (v->first_case_upper)
            sug[0] = (char)mtc_ascii_toupper((unsigned char)sug[0]);
        mtc_issue_suggest(is, sug, strlen(sug));
    }
    mtc_wordset_free(done);
}

/* ---- spelling.inconsistent-name: a name with and without its hyphen ---- */

typedef struct hyphen_name {
    size_t hyphened, spaced;   /* occurrences of each form */
    size_t first_h, first_s;   /* the first token of each (the spaced form's first word) */
} hyphen_name;

/* The lowercase letters of a capitalised ASCII name part into out (at most
 * cap - 1 bytes), appended at *len; 0 when the token is no such part. */
static int name_part(const mtc_document *d, const mtc_token *t, char *out, size_t *len, size_t cap)
{
    const char *w = mtc_tok_text(d, t);
    size_t n = mtc_tok_len(t);
    if (t->kind != MTC_TOK_WORD || n < 2 || !mtc_ascii_is_upper((unsigned char)w[0]))
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (w[i] == '-' && i > 1 && i + 2 < n)
            continue; /* the hyphen between two parts of two letters or more */
        if (!mtc_ascii_is_alpha((unsigned char)w[i]) || *len + 1 >= cap)
            return 0;
        out[(*len)++] = (char)mtc_ascii_tolower((unsigned char)w[i]);
    }
    out[*len] = '\0';
    return 1;
}

/* "Kim Jong-un" and "Kim Jong Un" in one article: a hyphenated capitalised
 * name (two parts of two letters or more, one hyphen) that the article also
 * writes as two capitalised words. Reported once, on the first occurrence
 * of the less frequent form (the spaced one on a tie), the other form
 * suggested. */
static void check_name_hyphens(mtc_emitter *em, const mtc_document *d)
{
    mtc_wordset *index = NULL; /* key -> index into names */
    hyphen_name *names = NULL;
    size_t n_names = 0, cap_names = 0;
    char key[64];
    for (size_t i = 0; i < d->n_tokens; i++) {
        const mtc_token *t = &d->tokens[i];
        if (!(t->flags & MTC_TF_HAS_HYPHEN) || !(t->flags & MTC_TF_INITIAL_UPPER))
            continue;
        const char *w = mtc_tok_text(d, t);
        size_t n = mtc_tok_len(t), hyphens = 0, at = 0;
        for (size_t k = 0; k < n; k++)
            if (w[k] == '-') {
                hyphens++;
                at = k;
            }
        size_t len = 0;
        if (hyphens != 1 || at < 2 || at + 3 > n || !name_part(d, t, key, &len, sizeof key))
            continue;
        if (!index)
            index = mtc_wordset_new();
        intptr_t v;
        if (!mtc_wordset_get(index, key, len, &v)) {
            if (n_names == cap_names) {
                cap_names = cap_names ? cap_names * 2 : 8;
                names = mtc_xrealloc(names, cap_names * sizeof *names);
            }
            memset(&names[n_names], 0, sizeof names[n_names]);
            names[n_names].first_h = i;
            v = (intptr_t)n_names++;
            mtc_wordset_put(index, key, len, v);
        }
        names[v].hyphened++;
    }
    if (!index)
        return;
    for (size_t i = 0; i + 1 < d->n_tokens; i++) {
        const mtc_token *a = &d->tokens[i], *b = &d->tokens[i + 1];
        if ((b->flags & MTC_TF_SENTENCE_START) || b->start != a->end + 1 ||
            d->text[a->end] != ' ' || (a->flags & MTC_TF_HAS_HYPHEN) ||
            (b->flags & MTC_TF_HAS_HYPHEN))
            continue;
        size_t len = 0;
        if (!name_part(d, a, key, &len, sizeof key) || !name_part(d, b, key, &len, sizeof key))
            continue;
        intptr_t v;
        if (!mtc_wordset_get(index, key, len, &v))
            continue;
        if (names[v].spaced++ == 0)
            names[v].first_s = i;
    }
    for (size_t k = 0; k < n_names; k++) {
        const hyphen_name *h = &names[k];
        if (!h->hyphened || !h->spaced)
            continue;
        int spaced_minor = h->spaced <= h->hyphened;
        const mtc_token *ht = &d->tokens[h->first_h];
        const mtc_token *s0 = &d->tokens[h->first_s], *s1 = &d->tokens[h->first_s + 1];
        size_t start = spaced_minor ? s0->start : ht->start, end = spaced_minor ? s1->end : ht->end;
        size_t ostart = spaced_minor ? ht->start : s0->start, oend = spaced_minor ? ht->end : s1->end;
        mtc_issue *is = mtc_emit(em, R_NAME, MTC_SEV_DEFAULT, start, end,
                                 "'%.*s' and '%.*s': one name written two ways in the article "
                                 "(%zu and %zu times)",
                                 (int)(end - start), d->text + start, (int)(oend - ostart),
                                 d->text + ostart, spaced_minor ? h->spaced : h->hyphened,
                                 spaced_minor ? h->hyphened : h->spaced);
        mtc_issue_suggest(is, d->text + ostart, oend - ostart);
    }
    mtc_wordset_free(index);
    free(names);
}

/* ---- spelling.mixed-abbreviation ---- */

enum { ABBR_DOTTED = 1, ABBR_PLAIN = 2, ABBR_MAX = 8 };

/* The letters of an abbreviation token into key: "U.S." -> "US" (dotted,
 * capitals only, two letters or more); "US" -> "US" (plain: two to five
 * capitals). Returns ABBR_DOTTED, ABBR_PLAIN or 0. */
static int abbreviation_key(const mtc_document *d, const mtc_token *t, char key[ABBR_MAX])
{
    const char *w = mtc_tok_text(d, t);
    size_t n = mtc_tok_len(t);
    if (t->kind != MTC_TOK_WORD || !(t->flags & MTC_TF_ALL_UPPER))
        return 0;
    if (n >= 4 && w[n - 1] == '.') {
        size_t k = 0;
        for (size_t i = 0; i + 1 < n + 1; i += 2) {
            if (i + 1 >= n || !mtc_ascii_is_upper((unsigned char)w[i]) || w[i + 1] != '.' ||
                k + 1 >= ABBR_MAX)
                return 0;
            key[k++] = w[i];
            if (i + 2 == n)
                break;
        }
        key[k] = '\0';
        return k >= 2 ? ABBR_DOTTED : 0;
    }
    if (n < 2 || n > 5)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!mtc_ascii_is_upper((unsigned char)w[i]))
            return 0;
    memcpy(key, w, n);
    key[n] = '\0';
    return ABBR_PLAIN;
}

/* 1 when token i stands in a run of capitals ("THE US ECONOMY"): a word of
 * capitals before or after it in its sentence, where no form is chosen. */
static int in_capitals_run(const mtc_document *d, size_t i)
{
    const mtc_sentence *s = &d->sentences[mtc_tok_sentence(d, i)];
    for (int dir = -1; dir <= 1; dir += 2) {
        for (size_t j = i;;) {
            if (dir < 0 ? j == s->first_token : j + 1 >= s->first_token + s->n_tokens)
                break;
            j = dir < 0 ? j - 1 : j + 1;
            const mtc_token *t = &d->tokens[j];
            if (t->kind == MTC_TOK_PUNCT)
                continue;
            if (t->kind == MTC_TOK_WORD && (t->flags & MTC_TF_ALL_UPPER) && mtc_tok_len(t) > 1 &&
                mtc_tok_text(d, t)[mtc_tok_len(t) - 1] != '.')
                return 1;
            break;
        }
    }
    return 0;
}

/* An article that writes one abbreviation both with and without full stops
 * ("U.S." and "US"): every occurrence of the form the house style does not
 * use (American: U.S., U.N.; British: US, UN). An article that keeps to
 * one form, either, is consistent and left alone. */
static void check_abbreviations(const sp_state *st, mtc_emitter *em, const mtc_document *d)
{
    mtc_wordset *seen = NULL; /* key -> ABBR_* bits */
    char key[ABBR_MAX];
    for (size_t i = 0; i < d->n_tokens; i++) {
        int form = abbreviation_key(d, &d->tokens[i], key);
        if (!form || (form == ABBR_PLAIN && in_capitals_run(d, i)))
            continue;
        if (!seen)
            seen = mtc_wordset_new();
        intptr_t v = 0;
        mtc_wordset_get(seen, key, strlen(key), &v);
        mtc_wordset_put(seen, key, strlen(key), v | form);
    }
    if (!seen)
        return;
    int odd = st->house_gb ? ABBR_DOTTED : ABBR_PLAIN;
    for (size_t i = 0; i < d->n_tokens; i++) {
        const mtc_token *t = &d->tokens[i];
        int form = abbreviation_key(d, t, key);
        intptr_t v = 0;
        if (form != odd || !mtc_wordset_get(seen, key, strlen(key), &v) ||
            v != (ABBR_DOTTED | ABBR_PLAIN) || (form == ABBR_PLAIN && in_capitals_run(d, i)))
            continue;
        char other[2 * ABBR_MAX];
        size_t m = 0;
        for (size_t k = 0; key[k]; k++) {
            other[m++] = key[k];
            if (!st->house_gb)
                other[m++] = '.';
        }
        other[m] = '\0';
        mtc_issue *is = mtc_emit(em, R_MIXED_ABBR, MTC_SEV_DEFAULT, t->start, t->end,
                                 "'%.*s' in an article that also writes '%s' (the %s house style)",
                                 (int)mtc_tok_len(t), mtc_tok_text(d, t), other,
                                 st->house_gb ? "British" : "American");
        mtc_issue_suggest(is, other, m);
    }
    mtc_wordset_free(seen);
}

static void sp_check_article(void *state, const mtc_context *ctx, mtc_emitter *em)
{
    sp_state *st = state;
    const mtc_document *d = ctx->doc;
    const mtc_wordset *repo = repo_words(st, d->path);
    sp_article a;
    memset(&a, 0, sizeof a);
    a.index = mtc_wordset_new();
    size_t us_n = 0, gb_n = 0;
    walk(st, repo, d, &a, &us_n, &gb_n);

    /* lowercase unknown words */
    int unknown_on = mtc_rule_on(em, R_UNKNOWN);
    int cap_on = mtc_rule_on(em, R_UNKNOWN_CAP);
    for (size_t i = 0; i < a.n_forms; i++) {
        sp_form *f = &a.forms[i];
        if (f->wcase == C_LOWER && !form_known(st, repo, f) && unknown_on) {
            emit_unknown(st, em, &a, f, R_UNKNOWN, "");
            f->reported = 1;
        }
    }
    /* capitalised unknown words the article shows are no names */
    for (size_t i = 0; cap_on && i < a.n_forms; i++) {
        sp_form *f = &a.forms[i];
        if (f->wcase != C_CAP)
            continue;
        char low[MAX_WORD * 2];
        size_t ln = mtc_utf8_lower(f->word, f->len, low, sizeof low);
        intptr_t li;
        int paired = ln != (size_t)-1 && mtc_wordset_get(a.index, low, ln, &li) &&
                     a.forms[li].wcase == C_LOWER && !form_known(st, repo, &a.forms[li]);
        int slip = f->count == 1 && f->mid == 0 && !(f->name_next & NEXT_APPOSITION) &&
                   !f->hyph_part;
        int one_edit = f->count == 1 && f->mid == 1 && !f->hyph_part && f->letters >= 5 &&
                       !mtc_pinyin_name_like(f->word, f->len);
        if ((slip || one_edit) && !f->name_ctx && a.occs[f->first].ctx_tok != OCC_END)
            f->name_ctx = headline_name_ctx(st, repo, d, a.occs[f->first].ctx_tok);
        /* with name evidence, still a slip from a function word (Teh) */
        int fw_slip = slip && (f->name_ctx || (f->name_next & NEXT_SPEECH)) && f->letters <= 6;
        fw_slip |= f->count == 1 && f->mid == 0 && !f->hyph_part &&
                   (f->name_next & NEXT_APPOSITION) && f->letters <= 6;
        slip = slip && !f->name_ctx;
        one_edit = one_edit && !f->name_ctx;
        /* the dictionaries are asked only about a form one of these may
         * report (most names have a name beside them or occur twice); then
         * before the frequent words near it (a hunspell call costs less
         * than finding them) */
        if (!(paired || slip || one_edit || fw_slip) || form_known(st, repo, f))
            continue;
        if (paired) {
            emit_cap_paired(st, em, &a, f, &a.forms[li]);
            f->reported = 1;
            continue;
        }
        if (slip || fw_slip) {
            if (slip)
                emit_initial_slip(st, em, &a, f, 0);
            if (!f->reported && fw_slip)
                emit_initial_slip(st, em, &a, f, 1);
            continue;
        }
        char found[MTC_MAX_SUGGESTIONS][MAX_WORD + 1];
        size_t nf = one_edit_words(st, f->word, f->len, found, MTC_MAX_SUGGESTIONS);
        if (nf == 0)
            continue;
        const sp_occ *o = &a.occs[f->first];
        mtc_issue *is = mtc_emit(em, R_UNKNOWN_CAP, MTC_SEV_MAJOR, o->start, o->end,
                                 "unknown word '%s': not used as a name here, and one letter "
                                 "from '%s'",
                                 f->word, found[0]);
        for (size_t k = 0; k < nf; k++) {
            found[k][0] = (char)mtc_ascii_toupper((unsigned char)found[k][0]);
            mtc_issue_suggest(is, found[k], strlen(found[k]));
        }
        f->reported = 1;
    }
    if (mtc_rule_on(em, R_NAME)) {
        check_names(st, repo, em, &a);
        check_name_hyphens(em, d);
    }
    check_variants(st, em, d, &a, us_n, gb_n);
    if (mtc_rule_on(em, R_MIXED_ABBR))
        check_abbreviations(st, em, d);

    mtc_wordset_free(a.index);
    free(a.forms);
    free(a.occs);
    free(a.vars);
}

const mtc_analyzer mtc_analyzer_spelling = {
    "spelling", rules, sizeof rules / sizeof rules[0], sp_create, sp_destroy, NULL,
    sp_check_article, NULL,
};
