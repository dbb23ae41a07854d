/* report_text.c — the terminal reporter (--format text): gcc-style lines
 * `path:line:column: severity: message [rule-id]`, on a terminal followed by
 * the sentence and a caret line under the span, then a score line per
 * article and a summary. Colours only when the caller says so (a terminal
 * without NO_COLOR). Owns only its small state. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "alloc.h"
#include "buffer.h"
#include "document.h"
#include "report.h"
#include "report_util.h"
#include "utf8.h"

typedef struct text_state {
    FILE *out;
    mtc_report_options opt;
} text_state;

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_YELLOW "\033[1;33m"
#define C_CYAN "\033[1;36m"
#define C_GREEN "\033[1;32m"
#define C_DIM "\033[2m"

static const char *sev_color(mtc_severity s)
{
    switch (s) {
    case MTC_SEV_CRITICAL: return C_RED;
    case MTC_SEV_MAJOR: return C_YELLOW;
    default: return C_CYAN;
    }
}

static void *text_begin(FILE *out, const mtc_report_options *opt)
{
    text_state *st = mtc_xcalloc(1, sizeof *st);
    st->out = out;
    st->opt = *opt;
    return st;
}

/* Display width of a code point in a terminal (CJK wide = 2). */
static int cp_width(int32_t cp)
{
    if (cp < 0)
        return 1;
    int w = utf8proc_charwidth(cp);
    return w < 0 ? 0 : w;
}

/* Appends text[a..b) with whitespace folded to spaces and control
 * characters replaced; returns its display width. */
static size_t put_plain(mtc_buf *b, const char *t, size_t a, size_t e)
{
    size_t width = 0;
    size_t i = a;
    while (i < e) {
        size_t run = i; /* printable ASCII (width 1 each): copied as a run */
        while (run < e && (unsigned char)t[run] >= 0x20 && (unsigned char)t[run] < 0x7F)
            run++;
        if (run > i) {
            mtc_buf_put(b, t + i, run - i);
            width += run - i;
            i = run;
            continue;
        }
        int32_t cp;
        int n = mtc_utf8_next(t, e, i, &cp);
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029) {
            mtc_buf_putc(b, ' ');
            width++;
        } else {
            mtc_buf_put(b, t + i, (size_t)n);
            width += (size_t)cp_width(cp);
        }
        i += (size_t)n;
    }
    return width;
}

/* Display width of one code point as put_plain prints it. */
static size_t plain_width(int32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
        return 1;
    return (size_t)cp_width(cp);
}

/* Moves off back from off (not below lo) over at most `cols` columns;
 * *used gets the columns passed. */
static size_t back_cols(const char *t, size_t off, size_t lo, size_t cols, size_t *used)
{
    *used = 0;
    while (off > lo) {
        int32_t cp;
        size_t p = mtc_utf8_prev(t, off, &cp);
        size_t w = plain_width(cp);
        if (*used + w > cols)
            break;
        *used += w;
        off = p;
    }
    return off;
}

/* Moves off forward (not beyond hi) over at most `cols` columns. */
static size_t fwd_cols(const char *t, size_t off, size_t hi, size_t cols, size_t *used)
{
    *used = 0;
    while (off < hi) {
        int32_t cp;
        int n = mtc_utf8_next(t, hi, off, &cp);
        size_t w = plain_width(cp);
        if (*used + w > cols)
            break;
        *used += w;
        off += (size_t)n;
    }
    return off;
}

/* The sentence around the issue on one line of the output's width (4
 * columns of indent), the span in the middle, "…" where text is cut; a
 * span longer than the line is cut too. Then the caret line under it. */
static void put_context(text_state *st, mtc_buf *b, const mtc_result *res, const mtc_issue *is)
{
    const mtc_document *doc = res->doc;
    const char *t = doc->text;
    size_t s0 = is->start, s1 = is->end;
    if (is->sentence < doc->n_sentences) {
        s0 = doc->sentences[is->sentence].start;
        s1 = doc->sentences[is->sentence].end;
    }
    if (s0 > is->start)
        s0 = is->start;
    if (s1 < is->end)
        s1 = is->end;
    size_t width = st->opt.width >= 20 ? (size_t)st->opt.width : 80;
    size_t avail = width - 4 - 1; /* indent; the last column stays free */
    size_t span_w, used;
    size_t span_end = fwd_cols(t, is->start, is->end, avail - 1, &span_w);
    int span_cut = span_end < is->end;
    if (span_cut) /* room for the "…" after it */
        span_end = fwd_cols(t, is->start, is->end, avail - 2, &span_w);
    size_t room = avail - span_w - (span_cut ? 1 : 0);
    size_t a = is->start, e = span_end, wb = 0;
    if (!span_cut) {
        /* the room left is shared; a side that needs less gives the rest */
        size_t wa_all, wb_all;
        size_t a_all = back_cols(t, is->start, s0, room, &wb_all);
        size_t e_all = fwd_cols(t, is->end, s1, room, &wa_all);
        int before_whole = a_all == s0, after_whole = e_all == s1;
        size_t bb, ab;
        if (before_whole && after_whole && wb_all + wa_all <= room)
            bb = wb_all, ab = wa_all;
        else if (before_whole && wb_all <= room / 2)
            bb = wb_all, ab = room - wb_all;
        else if (after_whole && wa_all <= room - room / 2)
            ab = wa_all, bb = room - wa_all;
        else
            bb = room / 2, ab = room - room / 2;
        a = back_cols(t, is->start, s0, bb, &wb);
        if (a > s0) /* cut: the "…" takes a column */
            a = back_cols(t, is->start, s0, bb ? bb - 1 : 0, &wb);
        e = fwd_cols(t, is->end, s1, ab, &used);
        if (e < s1)
            e = fwd_cols(t, is->end, s1, ab ? ab - 1 : 0, &used);
    }
    mtc_buf_puts(b, "    ");
    if (a > s0)
        mtc_buf_puts(b, "…");
    size_t before = put_plain(b, t, a, is->start) + (a > s0 ? 1 : 0);
    if (st->opt.color)
        mtc_buf_puts(b, C_BOLD);
    span_w = put_plain(b, t, is->start, span_end);
    if (st->opt.color)
        mtc_buf_puts(b, C_RESET);
    if (span_cut) {
        mtc_buf_puts(b, "…");
    } else {
        put_plain(b, t, is->end, e);
        if (e < s1)
            mtc_buf_puts(b, "…");
    }
    mtc_buf_puts(b, "\n    ");
    for (size_t k = 0; k < before; k++)
        mtc_buf_putc(b, ' ');
    if (st->opt.color)
        mtc_buf_puts(b, C_GREEN);
    mtc_buf_putc(b, '^');
    for (size_t k = 1; k < span_w; k++)
        mtc_buf_putc(b, '~');
    if (span_cut)
        mtc_buf_puts(b, "…");
    if (st->opt.color)
        mtc_buf_puts(b, C_RESET);
    mtc_buf_putc(b, '\n');
}

static void text_article(void *state, const mtc_result *res)
{
    text_state *st = state;
    const mtc_document *doc = res->doc;
    if (st->opt.quiet && !res->failed)
        return; /* --quiet: an article that passes prints nothing */
    mtc_buf b = MTC_BUF_INIT;
    mtc_buf_stream(&b, st->out, st->opt.spill);
    for (size_t i = 0; i < res->n_issues; i++) {
        const mtc_issue *is = &res->issues[i];
        long line, col;
        mtc_document_line_col(doc, is->start, &line, &col);
        if (st->opt.color)
            mtc_buf_puts(&b, C_BOLD);
        put_plain(&b, doc->path, 0, strlen(doc->path));
        mtc_buf_printf(&b, ":%ld:%ld:", line, col);
        if (st->opt.color)
            mtc_buf_printf(&b, C_RESET " %s%s:" C_RESET " ", sev_color(is->severity),
                           mtc_severity_name(is->severity));
        else
            mtc_buf_printf(&b, " %s: ", mtc_severity_name(is->severity));
        put_plain(&b, is->message, 0, strlen(is->message));
        if (is->n_suggestions) {
            mtc_buf_puts(&b, " (suggest: ");
            for (size_t k = 0; k < is->n_suggestions; k++) {
                if (k)
                    mtc_buf_puts(&b, ", ");
                put_plain(&b, is->suggestions[k], 0, strlen(is->suggestions[k]));
            }
            mtc_buf_putc(&b, ')');
        }
        mtc_buf_printf(&b, st->opt.color ? " " C_DIM "[%s]" C_RESET "\n" : " [%s]\n", is->rule);
        if (st->opt.show_context)
            put_context(st, &b, res, is);
    }
    if (st->opt.color)
        mtc_buf_puts(&b, C_BOLD);
    put_plain(&b, doc->path, 0, strlen(doc->path));
    if (st->opt.color)
        mtc_buf_puts(&b, C_RESET);
    mtc_buf_printf(&b, ": score %.1f/100, %zu issue%s (%zu critical, %zu major, %zu minor), "
                       "%.1f penalty per 100 words, %zu words: ",
                   res->score, res->n_issues, res->n_issues == 1 ? "" : "s",
                   res->by_severity[MTC_SEV_CRITICAL], res->by_severity[MTC_SEV_MAJOR],
                   res->by_severity[MTC_SEV_MINOR], res->penalty_per_100_words, doc->n_words);
    if (st->opt.color)
        mtc_buf_puts(&b, res->failed ? C_RED "FAIL" C_RESET "\n" : C_GREEN "pass" C_RESET "\n");
    else
        mtc_buf_puts(&b, res->failed ? "FAIL\n" : "pass\n");
    mtc_buf_flush(&b);
    mtc_buf_free(&b);
}

static void text_unread(void *state, const mtc_unread *u)
{
    text_state *st = state;
    mtc_buf b = MTC_BUF_INIT, what = MTC_BUF_INIT;
    mtc_unread_describe(&what, u);
    if (st->opt.color)
        mtc_buf_puts(&b, C_BOLD);
    put_plain(&b, what.data, 0, what.len);
    if (st->opt.color)
        mtc_buf_puts(&b, C_RESET);
    mtc_buf_puts(&b, ": not checked: ");
    put_plain(&b, u->reason, 0, strlen(u->reason));
    mtc_buf_puts(&b, st->opt.color ? ": " C_RED "FAIL" C_RESET "\n" : ": FAIL\n");
    fwrite(b.data, 1, b.len, st->out);
    mtc_buf_free(&b);
    mtc_buf_free(&what);
}

static int text_end(void *state, const mtc_summary *sum)
{
    text_state *st = state;
    if (sum->n_unread)
        fprintf(st->out, "%zu files checked, %zu failed, %zu not checked, %zu issues (%zu critical, %zu major, %zu minor)\n",
                sum->files, sum->failed_files, sum->n_unread, sum->issues,
                sum->by_severity[MTC_SEV_CRITICAL], sum->by_severity[MTC_SEV_MAJOR],
                sum->by_severity[MTC_SEV_MINOR]);
    else if (sum->files > 1 && (!st->opt.quiet || sum->failed_files))
        fprintf(st->out, "%zu files checked, %zu failed, %zu issues (%zu critical, %zu major, %zu minor)\n",
                sum->files, sum->failed_files, sum->issues, sum->by_severity[MTC_SEV_CRITICAL],
                sum->by_severity[MTC_SEV_MAJOR], sum->by_severity[MTC_SEV_MINOR]);
    int rc = ferror(st->out) ? -1 : 0;
    free(st);
    return rc;
}

const mtc_reporter mtc_reporter_text = {"text", text_begin, text_article, text_end, text_unread};
