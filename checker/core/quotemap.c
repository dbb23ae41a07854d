/* quotemap.c — the quotation structure of a document: finds every quotation
 * mark (English curly and straight marks, and the foreign marks listed in
 * dictionaries/quotes-foreign.tsv), tells apostrophes from quotes, decides
 * from context whether each mark opens or closes a quotation (whatever its
 * glyph shows), pairs them across sentences and across paragraphs (a
 * quotation that runs over several paragraphs reopens at the start of each),
 * and records the spans of quoted text. Built once per document by the
 * checker; read-only afterwards. Owns its arrays (mtc_quotemap_free). */
#include "quotemap.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "data.h"
#include "utf8.h"

#define FOREIGN_FILE "dictionaries/quotes-foreign.tsv"
#define ELISION_FILE "dictionaries/quotes-elisions.txt"

enum { FAM_DOUBLE = 1, FAM_SINGLE = 2 };
enum { CTX_OPEN, CTX_CLOSE, CTX_SPACED, CTX_INWORD };

typedef struct foreign_mark {
    int32_t cp;
    uint8_t glyph; /* mtc_quote_role */
    int32_t english;
} foreign_mark;

/* Tables read from the embedded data files, once per process on first use
 * (pthread_once; immutable afterwards, shared by every thread), through the
 * data loader (data.c): no cap on their size, a malformed line is an error
 * naming file:line (mtc_quotemap_tables_status). */
typedef struct tables {
    foreign_mark *foreign;
    size_t n_foreign, cap_foreign;
    char (*elisions)[16]; /* lowercase words; elided_word reads at most 14 letters */
    size_t n_elisions, cap_elisions;
    unsigned char may_mark[256]; /* 0 for an ASCII byte that is no quotation
                                  * mark (English or foreign): collect()
                                  * skips those at once */
    int only_english_ascii;      /* the ASCII marks are " and ' alone */
} tables;

/* Context of one mark inside its paragraph. */
typedef struct mark_ctx {
    uint8_t family;     /* FAM_* */
    uint8_t ctx;        /* CTX_* */
    uint8_t prev_alnum; /* letter or digit just before */
    uint8_t next_alnum; /* letter or digit just after */
    uint8_t next_digit;
    uint8_t prev_digit;
    uint8_t prev_punct; /* , . ! ? ; : … just before (no space) */
    uint8_t at_start;   /* first character of the paragraph */
    uint8_t at_end;     /* last character of the paragraph */
    uint8_t elision;    /* followed by an elided word (’n’, ’tis, ’em) */
    int32_t prev_cp, next_cp;
    int32_t prev_nonspace; /* the last non-space character before (-1: none) */
} mark_ctx;

/* ---- data ---- */

static size_t field_end(const char *s, size_t len, size_t from)
{
    while (from < len && s[from] != '\t')
        from++;
    return from;
}

static int foreign_line(const char *line, size_t len, long lineno, void *vctx)
{
    (void)lineno;
    tables *t = vctx;
    size_t a = field_end(line, len, 0);
    if (a >= len)
        return 1; /* one field: not mark, direction, replacement */
    size_t b = field_end(line, len, a + 1);
    if (a == 0 || b + 1 >= len)
        return 1; /* an empty field */
    int32_t cp, eng;
    mtc_utf8_next(line, a, 0, &cp);
    mtc_utf8_next(line + b + 1, len - b - 1, 0, &eng);
    if (cp < 0 || eng < 0)
        return 1;
    mtc_grow((void **)&t->foreign, &t->cap_foreign, t->n_foreign + 1, sizeof *t->foreign);
    foreign_mark *f = &t->foreign[t->n_foreign++];
    f->cp = cp;
    f->english = eng;
    if (b - a - 1 == 4 && memcmp(line + a + 1, "open", 4) == 0)
        f->glyph = MTC_QR_OPEN;
    else if (b - a - 1 == 5 && memcmp(line + a + 1, "close", 5) == 0)
        f->glyph = MTC_QR_CLOSE;
    else
        f->glyph = MTC_QR_UNKNOWN;
    return 0;
}

static int elision_line(const char *line, size_t len, long lineno, void *vctx)
{
    (void)lineno;
    tables *t = vctx;
    if (len >= sizeof t->elisions[0])
        return 1; /* longer than any word elided_word reads */
    mtc_grow((void **)&t->elisions, &t->cap_elisions, t->n_elisions + 1, sizeof *t->elisions);
    memcpy(t->elisions[t->n_elisions], line, len);
    t->elisions[t->n_elisions][len] = '\0';
    t->n_elisions++;
    return 0;
}

static tables the_tables;
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;
static mtc_status tables_status = MTC_OK; /* set once, under tables_once */
static mtc_error tables_error;

static void tables_load(void)
{
    tables *t = &the_tables;
    mtc_error err;
    mtc_status st = mtc_data_load_lines(FOREIGN_FILE, foreign_line, t, &err);
    if (st == MTC_OK)
        st = mtc_data_load_lines(ELISION_FILE, elision_line, t, &err);
    if (st != MTC_OK) {
        tables_status = st;
        tables_error = err;
    }
    memset(t->may_mark, 0, 0x80);
    memset(t->may_mark + 0x80, 1, 0x80); /* the first byte of a longer character */
    t->may_mark['"'] = t->may_mark['\''] = 1;
    t->only_english_ascii = 1;
    for (size_t i = 0; i < t->n_foreign; i++)
        if (t->foreign[i].cp >= 0 && t->foreign[i].cp < 0x80) {
            t->may_mark[t->foreign[i].cp] = 1;
            t->only_english_ascii = 0;
        }
}

/* ---- classification ---- */

static int english_mark(int32_t cp, uint8_t *family, uint8_t *glyph)
{
    switch (cp) {
    case 0x201C:
    case 0x201F:
        *family = FAM_DOUBLE;
        *glyph = MTC_QR_OPEN;
        return 1;
    case 0x201D:
        *family = FAM_DOUBLE;
        *glyph = MTC_QR_CLOSE;
        return 1;
    case '"':
        *family = FAM_DOUBLE;
        *glyph = MTC_QR_UNKNOWN;
        return 1;
    case 0x2018:
    case 0x201B:
        *family = FAM_SINGLE;
        *glyph = MTC_QR_OPEN;
        return 1;
    case 0x2019:
        *family = FAM_SINGLE;
        *glyph = MTC_QR_CLOSE;
        return 1;
    case '\'':
        *family = FAM_SINGLE;
        *glyph = MTC_QR_UNKNOWN;
        return 1;
    default:
        return 0;
    }
}

static int family_of(int32_t english)
{
    return (english == 0x2018 || english == 0x2019 || english == '\'') ? FAM_SINGLE : FAM_DOUBLE;
}

static const foreign_mark *foreign_find(const tables *t, int32_t cp)
{
    for (size_t i = 0; i < t->n_foreign; i++)
        if (t->foreign[i].cp == cp)
            return &t->foreign[i];
    return NULL;
}

static int is_quote_cp(const tables *t, int32_t cp)
{
    uint8_t f, g;
    return english_mark(cp, &f, &g) || foreign_find(t, cp) != NULL;
}

/* Characters after which a quotation may open. */
static int open_side(const tables *t, int32_t cp)
{
    if (cp < 0)
        return 1; /* paragraph edge */
    if (mtc_cp_is_space(cp) || is_quote_cp(t, cp))
        return 1;
    switch (cp) {
    case '(':
    case '[':
    case '{':
    case 0xFF08:
    case 0x3010:
    case 0x2014:
    case 0x2013:
    case '-':
    case '/':
    case 0x2026:
        return 1;
    default:
        return 0;
    }
}

/* Characters before which a quotation may close. */
static int close_side(const tables *t, int32_t cp)
{
    if (cp < 0)
        return 1;
    if (mtc_cp_is_space(cp) || is_quote_cp(t, cp))
        return 1;
    switch (cp) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case 0x2026:
    case ')':
    case ']':
    case '}':
    case 0xFF09:
    case 0x3011:
    case 0x2014:
    case 0x2013:
    case '-':
    case '/':
    case 0xFF0C:
    case 0x3002:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF01:
    case 0xFF1F:
        return 1;
    default:
        return 0;
    }
}

static int is_alnum_cp(int32_t cp)
{
    return cp >= 0 && (mtc_cp_is_letter(cp) || mtc_cp_is_digit(cp) || mtc_cp_is_mark(cp));
}

static int is_end_punct(int32_t cp)
{
    switch (cp) {
    case '.':
    case ',':
    case ';':
    case ':':
    case '!':
    case '?':
    case 0x2026:
    case 0xFF0C:
    case 0x3002:
    case 0xFF1B:
    case 0xFF1A:
    case 0xFF01:
    case 0xFF1F:
        return 1;
    default:
        return 0;
    }
}

/* 1 if the word starting at text[pos] (up to end) is a listed elision. */
static int elided_word(const tables *t, const char *text, size_t pos, size_t end)
{
    char w[16];
    size_t n = 0;
    while (pos < end && n + 1 < sizeof w && mtc_ascii_is_alpha((unsigned char)text[pos]))
        w[n++] = (char)mtc_ascii_tolower((unsigned char)text[pos++]);
    if (n == 0 || n + 1 >= sizeof w)
        return 0;
    if (pos < end) {
        int32_t cp;
        mtc_utf8_next(text, end, pos, &cp);
        if (is_alnum_cp(cp))
            return 0;
        /* a single letter ('n', 's, 't) only before a space or a mark:
         * 'D-Day or 'T-shirts may well open a quotation */
        if (n == 1 && !mtc_cp_is_space(cp) && cp != '\'' && cp != 0x2019 && cp != 0x2018)
            return 0;
    }
    w[n] = '\0';
    for (size_t i = 0; i < t->n_elisions; i++)
        if (strcmp(t->elisions[i], w) == 0)
            return 1;
    return 0;
}

/* ’90s, '08: an apostrophe before a two-digit year. */
static int year_elision(const char *text, size_t pos, size_t end)
{
    if (pos + 2 > end || !mtc_ascii_is_digit((unsigned char)text[pos]) ||
        !mtc_ascii_is_digit((unsigned char)text[pos + 1]))
        return 0;
    return pos + 2 == end || !mtc_ascii_is_digit((unsigned char)text[pos + 2]);
}

static void context_of(const tables *t, const char *text, const mtc_paragraph *p,
                       const mtc_quote_mark *m, mark_ctx *c)
{
    int32_t prev = -1, next = -1;
    if (m->start > p->start)
        mtc_utf8_prev(text, m->start, &prev);
    if (m->end < p->end)
        mtc_utf8_next(text, p->end, m->end, &next);
    c->prev_cp = prev;
    c->prev_nonspace = -1;
    for (size_t q = m->start; q > p->start;) {
        int32_t cp;
        q = mtc_utf8_prev(text, q, &cp);
        if (!mtc_cp_is_space(cp)) {
            c->prev_nonspace = cp;
            break;
        }
    }
    c->next_cp = next;
    c->at_start = m->start == p->start;
    c->at_end = m->end >= p->end;
    c->prev_alnum = (uint8_t)is_alnum_cp(prev);
    c->next_alnum = (uint8_t)is_alnum_cp(next);
    c->prev_digit = prev >= 0 && mtc_cp_is_digit(prev);
    c->next_digit = next >= 0 && mtc_cp_is_digit(next);
    c->prev_punct = (uint8_t)is_end_punct(prev);
    int l = open_side(t, prev), r = close_side(t, next);
    if (l && !r)
        c->ctx = CTX_OPEN;
    else if (!l && r)
        c->ctx = CTX_CLOSE;
    else if (l && r)
        c->ctx = CTX_SPACED;
    else
        c->ctx = CTX_INWORD;
    c->elision = 0;
    if (c->ctx == CTX_OPEN && m->is_straight + (m->cp == 0x2019) + (m->cp == 0x2018) > 0 &&
        !m->is_double)
        c->elision =
            (uint8_t)(elided_word(t, text, m->end, p->end) || year_elision(text, m->end, p->end));
}

/* ---- pairing ---- */

typedef struct builder {
    const mtc_document *doc;
    mtc_quote_mark *marks;
    mark_ctx *cx;
    size_t n, cap;
    long *stack; /* indices of open marks, innermost last */
    size_t depth, stack_cap;
    mtc_span *quoted;
    size_t n_quoted, cap_quoted;
    /* look-ahead per mark, within its paragraph (lookahead()) */
    long *dbl_after;
    uint8_t *single_closer_after;
    uint8_t *single_better_after;
    size_t n_open[3]; /* open quotations per family (FAM_*) on the stack */
} builder;

static void push(builder *b, long i)
{
    mtc_grow((void **)&b->stack, &b->stack_cap, b->depth + 1, sizeof *b->stack);
    b->marks[i].role = MTC_QR_OPEN;
    b->marks[i].depth = (uint8_t)(b->depth > 255 ? 255 : b->depth);
    b->marks[i].parent = b->depth ? b->stack[b->depth - 1] : -1;
    b->stack[b->depth++] = i;
    b->n_open[b->cx[i].family]++;
}

/* Pops the stack down to depth d (each entry is popped once: linear). */
static void set_depth(builder *b, size_t d)
{
    while (b->depth > d)
        b->n_open[b->cx[b->stack[--b->depth]].family]--;
}

static size_t open_of_family(const builder *b, int family)
{
    return b->n_open[family];
}

/* Closes with mark i the innermost open quotation of its family; marks
 * opened inside it stay unpaired (unclosed). Returns 0 if none is open. */
static int close_with(builder *b, long i)
{
    int fam = b->cx[i].family;
    b->marks[i].role = MTC_QR_CLOSE;
    if (b->n_open[fam] == 0)
        return 0;
    size_t s = b->depth;
    while (s > 0 && b->cx[b->stack[s - 1]].family != fam)
        s--;
    long o = b->stack[s - 1];
    b->marks[o].partner = i;
    b->marks[i].partner = o;
    set_depth(b, s - 1);
    return 1;
}

/* What a mark probably is, from its context alone (before pairing). */
static int likely_double_closer(const builder *b, size_t k)
{
    const mark_ctx *c = &b->cx[k];
    return c->ctx == CTX_CLOSE || (c->ctx != CTX_OPEN && b->marks[k].glyph == MTC_QR_CLOSE);
}

/* Fills the look-ahead tables of the marks [first, end) of one paragraph
 * (one backward pass, so resolving a paragraph stays linear). */
static void lookahead(builder *b, size_t first, size_t end)
{
    long bal = 0;
    uint8_t closer = 0, better = 0;
    for (size_t k = end; k-- > first;) {
        const mark_ctx *c = &b->cx[k];
        /* values for the marks after k */
        b->dbl_after[k] = bal;
        b->single_closer_after[k] = closer;
        b->single_better_after[k] = better;
        if (c->family == FAM_DOUBLE) {
            if (likely_double_closer(b, k))
                bal++;
            else if (c->ctx == CTX_OPEN)
                bal--;
        } else if (!(c->prev_alnum && c->next_alnum)) {
            if (c->ctx == CTX_CLOSE)
                closer = 1;
            if (c->ctx == CTX_OPEN && !c->elision)
                better = 0;
            else if (c->ctx == CTX_CLOSE && !c->prev_alnum)
                better = 1;
        }
    }
}

/* Balance of likely double closers over likely double openers after i in
 * its paragraph. */
static long closers_after(const builder *b, size_t i)
{
    return b->dbl_after[i];
}

/* 1 if a single mark after i in the paragraph, before any new single opener,
 * closes better than i does (punctuation before it, a space or edge after). */
static int better_single_closer(const builder *b, size_t i)
{
    return b->single_better_after[i];
}

/* 1 if a later single mark in the paragraph could close a quotation. */
static int single_closer_ahead(const builder *b, size_t i)
{
    return b->single_closer_after[i];
}

static int sentence_end(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == 0x3002;
}

/* Mark i reopens the outermost open quotation (a quotation over several
 * paragraphs): the open marks are continued by it. */
static void continue_here(builder *b, size_t i)
{
    long o = b->stack[0];
    b->marks[o].continued = 1;
    b->marks[o].partner = (long)i;
    set_depth(b, 0);
    push(b, (long)i);
    b->marks[i].continues = 1;
}

static void resolve_double(builder *b, size_t i)
{
    mtc_quote_mark *m = &b->marks[i];
    const mark_ctx *c = &b->cx[i];
    size_t open = open_of_family(b, FAM_DOUBLE);
    int foreign_dir = m->is_foreign && m->glyph != MTC_QR_UNKNOWN;

    if (foreign_dir) {
        if (m->glyph == MTC_QR_OPEN)
            push(b, (long)i);
        else
            close_with(b, (long)i);
        return;
    }
    if (c->ctx == CTX_CLOSE) {
        if (!open && m->glyph != MTC_QR_OPEN && c->prev_digit) {
            m->role = MTC_QR_UNKNOWN; /* 12" or 6.7” : inches */
            return;
        }
        close_with(b, (long)i);
        return;
    }
    if (m->glyph == MTC_QR_CLOSE) {
        /* ” where the context allows an opening */
        if (open) {
            close_with(b, (long)i);
        } else if (c->ctx == CTX_SPACED && closers_after(b, i) <= 0) {
            close_with(b, (long)i); /* a stray closing mark */
        } else {
            push(b, (long)i);
        }
        return;
    }
    /* “ or " where an opening may belong */
    if (m->glyph == MTC_QR_UNKNOWN && c->prev_alnum && c->next_alnum) {
        m->role = MTC_QR_UNKNOWN; /* 2017"s: a straight mark inside a word */
        return;
    }
    if (!open) {
        if (m->glyph == MTC_QR_UNKNOWN && c->ctx == CTX_SPACED && c->prev_digit) {
            m->role = MTC_QR_UNKNOWN;
            return;
        }
        push(b, (long)i);
        return;
    }
    /* A double quotation is open: a nested opening, or a closing mark in the
     * wrong direction? It closes when the rest of the paragraph cannot close
     * both and the quoted words end here (punctuation, paragraph end). */
    long bal = closers_after(b, i);
    int room = bal >= (long)open + 1;
    if (room && m->glyph == MTC_QR_OPEN) {
        push(b, (long)i);
        return;
    }
    if (c->ctx == CTX_OPEN && sentence_end(c->prev_nonspace) && !room) {
        /* `… first sentence. "Second` with the quotation still open: two
         * paragraphs of one quotation run together; it continues here */
        continue_here(b, i);
        return;
    }
    if (m->glyph == MTC_QR_UNKNOWN) {
        if (room && c->ctx == CTX_OPEN)
            push(b, (long)i);
        else
            close_with(b, (long)i);
        return;
    }
    if (c->prev_punct || c->at_end || (c->ctx == CTX_SPACED && c->next_cp < 0) ||
        (c->prev_cp >= 0 && mtc_cp_is_space(c->prev_cp) && bal < (long)open))
        close_with(b, (long)i);
    else
        push(b, (long)i);
}

static void resolve_single(builder *b, size_t i)
{
    mtc_quote_mark *m = &b->marks[i];
    const mark_ctx *c = &b->cx[i];
    int foreign_dir = m->is_foreign && m->glyph != MTC_QR_UNKNOWN;
    size_t open = open_of_family(b, FAM_SINGLE);
    int top_single = b->depth && b->cx[b->stack[b->depth - 1]].family == FAM_SINGLE;

    if (foreign_dir) {
        if (m->glyph == MTC_QR_OPEN)
            push(b, (long)i);
        else
            close_with(b, (long)i);
        return;
    }
    if (c->prev_alnum && c->next_alnum) {
        m->role = MTC_QR_APOSTROPHE; /* don’t, CNN’s */
        return;
    }
    if (c->elision) {
        m->role = MTC_QR_APOSTROPHE; /* ’90s, ’tis, rock ’n’ roll */
        return;
    }
    switch (c->ctx) {
    case CTX_OPEN:
        if (m->glyph == MTC_QR_OPEN || single_closer_ahead(b, i))
            push(b, (long)i);
        else
            m->role = MTC_QR_APOSTROPHE;
        return;
    case CTX_CLOSE:
        if (c->prev_alnum) {
            /* countries’, goin’: a closing mark only if a quotation in
             * single marks is open and no better closer follows */
            if (top_single && !better_single_closer(b, i))
                close_with(b, (long)i);
            else
                m->role = MTC_QR_APOSTROPHE;
            return;
        }
        if (!open && m->glyph == MTC_QR_UNKNOWN && c->prev_digit) {
            m->role = MTC_QR_UNKNOWN; /* 5' : feet */
            return;
        }
        close_with(b, (long)i);
        return;
    case CTX_SPACED:
        if (open)
            close_with(b, (long)i);
        else if (m->glyph == MTC_QR_OPEN && single_closer_ahead(b, i))
            push(b, (long)i);
        else
            m->role = MTC_QR_UNKNOWN;
        return;
    default: /* between a letter and punctuation the other way round */
        if (m->glyph == MTC_QR_OPEN && single_closer_ahead(b, i))
            push(b, (long)i);
        else if (open && c->prev_punct)
            close_with(b, (long)i);
        else
            m->role = MTC_QR_APOSTROPHE;
        return;
    }
}

/* 1 if mark k can open the paragraph it starts (continuation). */
static int can_continue(const builder *b, size_t k)
{
    const mtc_quote_mark *m = &b->marks[k];
    const mark_ctx *c = &b->cx[k];
    if (!c->at_start || m->role == MTC_QR_APOSTROPHE)
        return 0;
    if (m->glyph == MTC_QR_OPEN)
        return 1;
    return m->glyph == MTC_QR_UNKNOWN && c->ctx != CTX_CLOSE && !c->elision;
}

/* 1 if the first mark of the outermost open quotation's family in marks
 * [first, end) is a closing one. */
static int closes_first(const builder *b, size_t first, size_t end)
{
    int fam = b->cx[b->stack[0]].family;
    for (size_t k = first; k < end; k++) {
        const mark_ctx *c = &b->cx[k];
        if (c->family != fam || (c->prev_alnum && c->next_alnum))
            continue;
        if (fam == FAM_SINGLE && c->prev_alnum)
            continue; /* countries’ */
        return c->ctx == CTX_CLOSE || (c->ctx != CTX_OPEN && b->marks[k].glyph == MTC_QR_CLOSE);
    }
    return 0;
}

static void add_quoted(builder *b, size_t start, size_t end)
{
    if (end <= start)
        return;
    if (b->n_quoted && b->quoted[b->n_quoted - 1].end > start) {
        if (b->quoted[b->n_quoted - 1].end < end)
            b->quoted[b->n_quoted - 1].end = end;
        return;
    }
    mtc_grow((void **)&b->quoted, &b->cap_quoted, b->n_quoted + 1, sizeof *b->quoted);
    b->quoted[b->n_quoted].start = start;
    b->quoted[b->n_quoted].end = end;
    b->n_quoted++;
}

static void collect(builder *b, const tables *t)
{
    const mtc_document *doc = b->doc;
    for (size_t pi = 0; pi < doc->n_paragraphs; pi++) {
        const mtc_paragraph *p = &doc->paragraphs[pi];
        size_t pos = p->start;
        while (pos < p->end) {
            if (t->only_english_ascii && pos + 8 <= p->end) {
                uint64_t v = mtc_load8(doc->text + pos);
                if (!(mtc_has_high(v) | mtc_has_byte(v, '"') | mtc_has_byte(v, '\''))) {
                    pos += 8; /* no quotation mark in these eight bytes */
                    continue;
                }
            }
            if (!t->may_mark[(unsigned char)doc->text[pos]]) {
                pos++; /* no quotation mark: most of the text */
                continue;
            }
            int32_t cp;
            int n = mtc_utf8_next(doc->text, p->end, pos, &cp);
            uint8_t fam, glyph;
            int32_t eng = 0;
            int is_foreign = 0;
            int hit = english_mark(cp, &fam, &glyph);
            if (!hit) {
                const foreign_mark *f = foreign_find(t, cp);
                if (f) {
                    hit = 1;
                    is_foreign = 1;
                    fam = (uint8_t)family_of(f->english);
                    glyph = f->glyph;
                    eng = f->english;
                }
            }
            if (hit) {
                mtc_grow((void **)&b->marks, &b->cap, b->n + 1, sizeof *b->marks);
                mtc_quote_mark *m = &b->marks[b->n];
                memset(m, 0, sizeof *m);
                m->start = pos;
                m->end = pos + (size_t)n;
                m->cp = cp;
                m->role = MTC_QR_UNKNOWN;
                m->glyph = glyph;
                m->is_double = fam == FAM_DOUBLE;
                m->is_straight = cp == '"' || cp == '\'';
                m->is_foreign = (uint8_t)is_foreign;
                m->english = eng;
                m->partner = -1;
                m->parent = -1;
                m->paragraph = pi;
                b->n++;
            }
            pos += (size_t)n;
        }
    }
}

static void resolve(builder *b, const tables *t)
{
    const mtc_document *doc = b->doc;
    size_t n1 = b->n ? b->n : 1;
    b->cx = mtc_xcalloc(n1, sizeof *b->cx);
    b->dbl_after = mtc_xcalloc(n1, sizeof *b->dbl_after);
    b->single_closer_after = mtc_xcalloc(n1, 1);
    b->single_better_after = mtc_xcalloc(n1, 1);
    for (size_t i = 0; i < b->n; i++) {
        b->cx[i].family = b->marks[i].is_double ? FAM_DOUBLE : FAM_SINGLE;
        context_of(t, doc->text, &doc->paragraphs[b->marks[i].paragraph], &b->marks[i], &b->cx[i]);
    }
    size_t i = 0;
    long outer_open = -1; /* start of the current outermost quotation */
    size_t outer_start = 0;
    for (size_t pi = 0; pi < doc->n_paragraphs; pi++) {
        const mtc_paragraph *p = &doc->paragraphs[pi];
        size_t first = i, end = i;
        while (end < b->n && b->marks[end].paragraph == pi)
            end++;
        lookahead(b, first, end);
        /* A quotation carried from the previous paragraph continues only if
         * this paragraph opens with a quotation mark. */
        if (b->depth) {
            if (first < end && can_continue(b, first)) {
                long o = b->stack[0];
                b->marks[o].continued = 1;
                b->marks[o].partner = (long)first;
                set_depth(b, 0);
                push(b, (long)first);
                b->marks[first].continues = 1;
                outer_open = (long)first;
                outer_start = b->marks[first].start;
                i = first + 1;
            } else if (closes_first(b, first, end)) {
                /* no opening mark, but the paragraph's first mark closes the
                 * quotation: a multi-paragraph quotation, loosely typed */
                outer_open = b->stack[0];
                outer_start = p->start;
            } else {
                set_depth(b, 0);
            }
        }
        for (; i < end; i++) {
            size_t before = b->depth;
            if (b->cx[i].family == FAM_DOUBLE)
                resolve_double(b, i);
            else
                resolve_single(b, i);
            if (before == 0 && b->depth > 0) {
                outer_open = (long)i;
                outer_start = b->marks[i].start;
            } else if (before > 0 && b->depth == 0 && outer_open >= 0) {
                add_quoted(b, outer_start, b->marks[i].end);
                outer_open = -1;
            }
        }
        if (b->depth && outer_open >= 0) {
            add_quoted(b, outer_start, p->end);
            outer_open = -1;
        }
    }
    set_depth(b, 0);
}

static unsigned char_flags(uint8_t family, uint8_t glyph)
{
    unsigned f = family == FAM_DOUBLE ? MTC_QC_DOUBLE : 0;
    if (glyph != MTC_QR_CLOSE)
        f |= MTC_QC_OPENS;
    if (glyph != MTC_QR_OPEN)
        f |= MTC_QC_CLOSES;
    return f;
}

unsigned mtc_quote_char(int32_t cp)
{
    uint8_t family, glyph;
    if (english_mark(cp, &family, &glyph))
        return MTC_QC_ENGLISH | char_flags(family, glyph);
    pthread_once(&tables_once, tables_load);
    const foreign_mark *f = foreign_find(&the_tables, cp);
    if (!f)
        return 0;
    return MTC_QC_FOREIGN | char_flags((uint8_t)family_of(f->english), f->glyph);
}

mtc_status mtc_quotemap_tables_status(mtc_error *err)
{
    pthread_once(&tables_once, tables_load);
    if (tables_status != MTC_OK && err)
        *err = tables_error;
    return tables_status;
}

mtc_quotemap *mtc_quotemap_build(const mtc_document *doc)
{
    mtc_quotemap *qm = mtc_xcalloc(1, sizeof *qm);
    if (!doc || !doc->text)
        return qm;
    pthread_once(&tables_once, tables_load);
    const tables *t = &the_tables;
    builder b;
    memset(&b, 0, sizeof b);
    b.doc = doc;
    collect(&b, t);
    resolve(&b, t);
    free(b.cx);
    free(b.dbl_after);
    free(b.single_closer_after);
    free(b.single_better_after);
    free(b.stack);
    qm->marks = b.marks;
    qm->n_marks = b.n;
    qm->quoted = b.quoted;
    qm->n_quoted = b.n_quoted;
    return qm;
}

void mtc_quotemap_free(mtc_quotemap *qm)
{
    if (!qm)
        return;
    free(qm->marks);
    free(qm->quoted);
    free(qm);
}

int mtc_quotemap_inside(const mtc_quotemap *qm, size_t off)
{
    if (!qm || !qm->n_quoted)
        return 0;
    const mtc_span *q = qm->quoted;
    size_t n = qm->n_quoted, c = qm->cursor <= n ? qm->cursor : n, lo;
    /* lo: the first span that ends after off */
    if ((c == 0 || q[c - 1].end <= off) && (c == n || q[c].end > off)) {
        lo = c;
    } else if (c < n && q[c].end <= off && (c + 1 == n || q[c + 1].end > off)) {
        lo = c + 1;
    } else {
        size_t hi = n;
        lo = 0;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (q[mid].end <= off)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    ((mtc_quotemap *)qm)->cursor = lo; /* allocated mutable: see quotemap.h */
    return lo < n && q[lo].start <= off;
}
