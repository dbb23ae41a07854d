/* test_quotemap.c — the shared quotation map: apostrophes of every kind,
 * direction from context for curly and straight marks, pairing across
 * sentences and paragraphs, nesting, foreign marks, and
 * mtc_quotemap_inside(). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data.h"
#include "document.h"
#include "quotemap.h"
#include "testutil.h"

typedef struct qm_run {
    mtc_document *doc;
    mtc_quotemap *qm;
} qm_run;

static qm_run build(const char *text)
{
    qm_run r;
    r.doc = tu_doc(text);
    cr_assert_not_null(r.doc);
    r.qm = mtc_quotemap_build(r.doc);
    cr_assert_not_null(r.qm);
    return r;
}

static void done(qm_run *r)
{
    mtc_quotemap_free(r->qm);
    mtc_document_free(r->doc);
}

/* Offset of the nth (0-based) occurrence of s in the document. */
static size_t nth_offset(const qm_run *r, const char *s, int nth)
{
    const char *p = r->doc->text;
    for (;;) {
        p = strstr(p, s);
        cr_assert_not_null(p, "'%s' #%d not found", s, nth);
        if (nth-- == 0)
            return (size_t)(p - r->doc->text);
        p += strlen(s);
    }
}

/* The mark that starts at byte off. */
static const mtc_quote_mark *mark_at(const qm_run *r, size_t off)
{
    for (size_t i = 0; i < r->qm->n_marks; i++)
        if (r->qm->marks[i].start == off)
            return &r->qm->marks[i];
    cr_assert_fail("no quotation mark at byte %zu", off);
    return NULL;
}

static long index_of(const qm_run *r, const mtc_quote_mark *m)
{
    return (long)(m - r->qm->marks);
}

Test(quotemap, apostrophes_never_quote)
{
    const char *texts[] = {
        "CNN’s reporters said they don’t know.",
        "The countries’ leaders met in the ’90s.",
        "They played rock ’n’ roll all night.",
        "CNN's reporters said they don't know.",
        "The countries' leaders met in the '90s.",
        "They played rock 'n' roll, and ’tis the season.",
        "O’Neil and the Joneses’ dog",
    };
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        qm_run r = build(texts[t]);
        cr_expect_gt(r.qm->n_marks, 0, "no mark found in: %s", texts[t]);
        for (size_t i = 0; i < r.qm->n_marks; i++)
            cr_expect_eq(r.qm->marks[i].role, MTC_QR_APOSTROPHE, "mark %zu of '%s' has role %d", i,
                         texts[t], r.qm->marks[i].role);
        cr_expect_eq(r.qm->n_quoted, 0, "quoted text in: %s", texts[t]);
        done(&r);
    }
}

Test(quotemap, curly_pair_and_inside)
{
    qm_run r = build("He said “we will go” and left.");
    cr_assert_eq(r.qm->n_marks, 2);
    const mtc_quote_mark *o = &r.qm->marks[0], *c = &r.qm->marks[1];
    cr_expect_eq(o->role, MTC_QR_OPEN);
    cr_expect_eq(c->role, MTC_QR_CLOSE);
    cr_expect_eq(o->partner, 1);
    cr_expect_eq(c->partner, 0);
    cr_expect(o->is_double && !o->is_straight && !o->is_foreign);
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "we", 0)));
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "go", 0)));
    cr_expect(mtc_quotemap_inside(r.qm, o->start));
    cr_expect(mtc_quotemap_inside(r.qm, c->start));
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "He", 0)));
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "left", 0)));
    done(&r);
}

Test(quotemap, straight_direction_from_context)
{
    qm_run r = build("\"We will respond,\" the ministry said. It called the plan \"unfair\".");
    cr_assert_eq(r.qm->n_marks, 4);
    int roles[] = {MTC_QR_OPEN, MTC_QR_CLOSE, MTC_QR_OPEN, MTC_QR_CLOSE};
    for (size_t i = 0; i < 4; i++) {
        cr_expect_eq(r.qm->marks[i].role, roles[i], "mark %zu", i);
        cr_expect(r.qm->marks[i].is_straight);
        cr_expect_eq(r.qm->marks[i].glyph, MTC_QR_UNKNOWN);
    }
    cr_expect_eq(r.qm->marks[0].partner, 1);
    cr_expect_eq(r.qm->marks[2].partner, 3);
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "ministry", 0)));
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "unfair", 0)));
    done(&r);
}

Test(quotemap, quotation_over_sentences)
{
    qm_run r = build("“Doing so means sanctions. Rejecting it means isolation,” he wrote. "
                     "Officials agreed.");
    cr_assert_eq(r.qm->n_marks, 2);
    cr_expect_eq(r.qm->marks[0].partner, 1);
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "Rejecting", 0)));
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "Officials", 0)));
    done(&r);
}

Test(quotemap, multi_paragraph_quotation)
{
    qm_run r = build("“The first paragraph of the quote.\n\n“The second paragraph.\n\n"
                     "“The last paragraph,” the ministry said.\n\nOfficials agreed.");
    cr_assert_eq(r.qm->n_marks, 4);
    const mtc_quote_mark *m = r.qm->marks;
    cr_expect_eq(m[0].role, MTC_QR_OPEN);
    cr_expect(m[0].continued);
    cr_expect_eq(m[0].partner, 1);
    cr_expect(m[1].continues && m[1].continued);
    cr_expect_eq(m[1].partner, 2);
    cr_expect(m[2].continues && !m[2].continued);
    cr_expect_eq(m[2].partner, 3);
    cr_expect_eq(m[3].role, MTC_QR_CLOSE);
    cr_expect_eq(m[3].partner, 2);
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "first", 0)));
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "second", 0)));
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "last", 0)));
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "ministry", 0)));
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "Officials", 0)));
    done(&r);
}

Test(quotemap, unclosed_paragraph_does_not_leak)
{
    qm_run r = build("The statement said “the talks were useful.\n\nNo date was set.");
    cr_assert_eq(r.qm->n_marks, 1);
    cr_expect_eq(r.qm->marks[0].role, MTC_QR_OPEN);
    cr_expect_eq(r.qm->marks[0].partner, -1);
    cr_expect(!r.qm->marks[0].continued);
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "talks", 0)));
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "No date", 0)));
    done(&r);
}

Test(quotemap, wrong_direction_closes)
{
    qm_run r = build("“Doing so means sanctions. Will keep it open, “Richard wrote on Twitter.");
    cr_assert_eq(r.qm->n_marks, 2);
    const mtc_quote_mark *c = &r.qm->marks[1];
    cr_expect_eq(c->glyph, MTC_QR_OPEN);
    cr_expect_eq(c->role, MTC_QR_CLOSE);
    cr_expect_eq(c->partner, 0);
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "keep", 0)));
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "Richard", 0)));
    done(&r);
}

Test(quotemap, nesting)
{
    qm_run r = build("“He said ‘no’ twice and called it “fake news”,” the aide recalled.");
    cr_assert_eq(r.qm->n_marks, 6);
    const mtc_quote_mark *m = r.qm->marks;
    cr_expect_eq(m[1].role, MTC_QR_OPEN);
    cr_expect_eq(m[1].depth, 1);
    cr_expect_eq(m[1].parent, 0);
    cr_expect(!m[1].is_double);
    cr_expect_eq(m[2].partner, 1);
    cr_expect_eq(m[3].role, MTC_QR_OPEN);
    cr_expect_eq(m[3].parent, 0);
    cr_expect_eq(m[4].partner, 3);
    cr_expect_eq(m[5].partner, 0);
    cr_expect_eq(r.qm->n_quoted, 1); /* outermost quotations only */
    done(&r);
}

Test(quotemap, adjacent_quotations)
{
    qm_run r = build("He called the claims “disinformation” “with ominous intentions.”");
    cr_assert_eq(r.qm->n_marks, 4);
    cr_expect_eq(r.qm->marks[0].partner, 1);
    cr_expect_eq(r.qm->marks[2].partner, 3);
    cr_expect_eq(r.qm->marks[2].depth, 0);
    cr_expect_eq(r.qm->n_quoted, 2);
    done(&r);
}

Test(quotemap, primes_are_not_quotes)
{
    qm_run r = build("The phone has a 12\" screen and the player is 5'10\" tall.");
    for (size_t i = 0; i < r.qm->n_marks; i++)
        cr_expect(r.qm->marks[i].role == MTC_QR_UNKNOWN || r.qm->marks[i].role == MTC_QR_APOSTROPHE,
                  "mark %zu has role %d", i, r.qm->marks[i].role);
    cr_expect_eq(r.qm->n_quoted, 0);
    done(&r);
}

Test(quotemap, foreign_marks)
{
    qm_run r = build("The newspaper 《People’s Daily》 quoted him: 「We are ready」.");
    const mtc_quote_mark *o = mark_at(&r, nth_offset(&r, "《", 0));
    const mtc_quote_mark *c = mark_at(&r, nth_offset(&r, "》", 0));
    cr_expect(o->is_foreign && c->is_foreign);
    cr_expect_eq(o->role, MTC_QR_OPEN);
    cr_expect_eq(c->role, MTC_QR_CLOSE);
    cr_expect_eq(o->partner, index_of(&r, c));
    cr_expect_eq(o->english, 0x201C);
    cr_expect_eq(c->english, 0x201D);
    const mtc_quote_mark *apos = mark_at(&r, nth_offset(&r, "’", 0));
    cr_expect_eq(apos->role, MTC_QR_APOSTROPHE);
    cr_expect(mtc_quotemap_inside(r.qm, nth_offset(&r, "ready", 0)));
    cr_expect(!mtc_quotemap_inside(r.qm, nth_offset(&r, "quoted", 0)));
    done(&r);
}

Test(quotemap, empty_and_plain_documents)
{
    qm_run r = build("");
    cr_expect_eq(r.qm->n_marks, 0);
    cr_expect(!mtc_quotemap_inside(r.qm, 0));
    done(&r);
    r = build("No quotation here at all.");
    cr_expect_eq(r.qm->n_marks, 0);
    cr_expect_eq(r.qm->n_quoted, 0);
    cr_expect(!mtc_quotemap_inside(r.qm, 3));
    done(&r);
    mtc_quotemap_free(NULL);
    cr_expect(!mtc_quotemap_inside(NULL, 0));
}

/* Every mark listed in dictionaries/quotes-foreign.tsv is recognised as a
 * foreign mark with its English replacement. */
static int each_foreign(const char *line, size_t len, long lineno, void *ctx)
{
    size_t *count = ctx;
    size_t tab = 0;
    while (tab < len && line[tab] != '\t')
        tab++;
    cr_assert_lt(tab, len, "quotes-foreign.tsv:%ld: no tab", lineno);
    char text[64];
    snprintf(text, sizeof text, "He said %.*s so.", (int)tab, line);
    qm_run r = build(text);
    cr_assert_eq(r.qm->n_marks, 1, "quotes-foreign.tsv:%ld: %zu marks", lineno, r.qm->n_marks);
    cr_expect(r.qm->marks[0].is_foreign, "quotes-foreign.tsv:%ld", lineno);
    cr_expect_neq(r.qm->marks[0].english, 0, "quotes-foreign.tsv:%ld", lineno);
    done(&r);
    (*count)++;
    return 0;
}

Test(quotemap, foreign_data_file)
{
    size_t len, count = 0;
    const char *data = mtc_data_get("dictionaries/quotes-foreign.tsv", &len);
    cr_assert_not_null(data);
    cr_assert_eq(mtc_data_each_line(data, len, each_foreign, &count, NULL), 0);
    cr_expect_geq(count, 15);
}

/* Look-ups in any order (forward, backward, jumps, the same offset twice)
 * answer as the spans say: the cursor the previous look-up left is only a
 * hint. */
Test(quotemap, inside_answers_in_any_order)
{
    mtc_document *d = tu_doc("He said “one” and “two three”, then “four”. ‘Five’ was "
                             "last, “six.” End.\n");
    mtc_quotemap *qm = mtc_quotemap_build(d);
    cr_assert_geq(qm->n_quoted, 4);
    size_t n = d->len + 2;
    char *want = malloc(n);
    for (size_t off = 0; off < n; off++) {
        want[off] = 0;
        for (size_t i = 0; i < qm->n_quoted; i++)
            if (qm->quoted[i].start <= off && off < qm->quoted[i].end)
                want[off] = 1;
    }
    for (size_t off = 0; off < n; off++) /* forward */
        cr_assert_eq(mtc_quotemap_inside(qm, off), want[off], "forward %zu", off);
    for (size_t off = n; off-- > 0;) /* backward */
        cr_assert_eq(mtc_quotemap_inside(qm, off), want[off], "backward %zu", off);
    unsigned x = 12345;
    for (int k = 0; k < 2000; k++) { /* jumps */
        x = x * 1103515245u + 12345u;
        size_t off = (x >> 8) % n;
        cr_assert_eq(mtc_quotemap_inside(qm, off), want[off], "jump to %zu", off);
        cr_assert_eq(mtc_quotemap_inside(qm, off), want[off], "again %zu", off);
    }
    free(want);
    mtc_quotemap_free(qm);
    mtc_document_free(d);
}
