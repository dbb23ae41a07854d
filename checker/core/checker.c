/* checker.c — the pipeline over one document: builds the shared quotation
 * map, runs every enabled analyzer (per sentence, then per article) through
 * an emitter that applies the configuration, drops the issues the article's
 * suppression ranges cover (document.h), sorts and de-duplicates the issues,
 * assigns them to sentences, scores once and applies the gate.
 * An mtc_checker owns one state per analyzer (e.g. a hunspell handle) and
 * the worker's vocabulary (vocab.h: what the analyzers decided of each
 * word, recalled into the next articles) and is used by one thread at a
 * time; mtc_result owns its issues and scores. */
#include "checker.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buffer.h"
#include "source_align.h"
#include "emitter.h"
#include "suppress.h"
#include "quotemap.h"
#include "segment.h"
#include "vocab.h"

struct mtc_checker {
    const mtc_config *cfg;
    analyzer_slot *slots;
    size_t n_slots;
    mtc_vocab *vocab; /* what the analyzers decided of each form, kept
                       * from one article to the next (vocab.h) */
};

mtc_status mtc_checker_new(const mtc_config *cfg, mtc_checker **out, mtc_error *err)
{
    *out = NULL;
    mtc_status bundled = mtc_analyzers_status(err);
    if (bundled != MTC_OK)
        return bundled;
    size_t n;
    const mtc_analyzer *const *all = mtc_analyzers(&n);
    mtc_checker *chk = mtc_xcalloc(1, sizeof *chk);
    chk->cfg = cfg;
    chk->vocab = mtc_vocab_new(0);
    chk->slots = mtc_xcalloc(n + 1, sizeof *chk->slots);
    for (size_t i = 0; i < n + (cfg->user_rules != NULL); i++) {
        /* after the registry, the content repository's own rules */
        const mtc_analyzer *an = i < n ? all[i] : cfg->user_rules;
        analyzer_slot *slot = &chk->slots[chk->n_slots];
        slot->an = an;
        slot->rules = mtc_xcalloc(an->n_rules ? an->n_rules : 1, sizeof *slot->rules);
        for (size_t r = 0; r < an->n_rules; r++) {
            const mtc_rule_info *info = &an->rules[r];
            rule_state *rs = &slot->rules[r];
            rs->info = info;
            rs->enabled =
                mtc_config_rule_enabled(cfg, info->id, an->name, info->category, info->enabled);
            rs->severity = mtc_config_rule_severity(cfg, info->id, an->name, info->category,
                                                    MTC_SEV_DEFAULT);
            rs->severity_overridden = rs->severity != MTC_SEV_DEFAULT;
            if (!rs->severity_overridden)
                rs->severity = info->severity;
            slot->any_enabled |= rs->enabled;
        }
        chk->n_slots++;
        if (!slot->any_enabled)
            continue; /* no state for an analyzer that will not run */
        slot->state = an->data;
        if (an->create) {
            mtc_status st = an->create(cfg, &slot->state, err);
            if (st != MTC_OK) {
                mtc_checker_free(chk);
                return st;
            }
        }
    }
    *out = chk;
    return MTC_OK;
}

void mtc_checker_free(mtc_checker *chk)
{
    if (!chk)
        return;
    for (size_t i = 0; i < chk->n_slots; i++) {
        analyzer_slot *slot = &chk->slots[i];
        if (slot->state && slot->an->create && slot->an->destroy)
            slot->an->destroy(slot->state);
        free(slot->rules);
    }
    free(chk->slots);
    mtc_vocab_free(chk->vocab);
    free(chk);
}

static int issue_cmp(const void *a, const void *b)
{
    const mtc_issue *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

static size_t sentence_of(const mtc_document *doc, size_t off)
{
    if (doc->n_sentences == 0)
        return (size_t)-1;
    size_t lo = 0, hi = doc->n_sentences; /* last sentence with start <= off */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->sentences[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* 1 if a suppression of the document (its index ix) covers issue is of
 * analyzer an: a range holding the issue's start names "all", the rule id,
 * the rule id's prefix (the part before the first '.'), the category or the
 * analyzer. */
static int suppressed(const mtc_document *doc, const mtc_suppress_index *ix,
                      const mtc_analyzer *an, const mtc_issue *is)
{
    size_t off = mtc_document_source_offset(doc, is->start);
    const char *dot = strchr(is->rule, '.');
    return mtc_suppress_index_covers(ix, off, "all", 3) ||
           mtc_suppress_index_covers(ix, off, is->rule, strlen(is->rule)) ||
           (dot && mtc_suppress_index_covers(ix, off, is->rule, (size_t)(dot - is->rule))) ||
           mtc_suppress_index_covers(ix, off, is->category, strlen(is->category)) ||
           mtc_suppress_index_covers(ix, off, an->name, strlen(an->name));
}

/* The inline suppressions, applied once, before scoring: drops the issues
 * em->issues[first..] (those of analyzer an) that a suppression covers. */
static void drop_suppressed(const mtc_document *doc, const mtc_suppress_index *ix,
                            const mtc_analyzer *an, mtc_emitter *em, size_t first)
{
    if (!ix)
        return;
    size_t w = first;
    for (size_t r = first; r < em->n; r++) {
        if (suppressed(doc, ix, an, &em->issues[r])) {
            mtc_issue_clear(&em->issues[r]);
            continue;
        }
        em->issues[w++] = em->issues[r];
    }
    em->n = w;
}

mtc_status mtc_checker_check(mtc_checker *chk, const mtc_document *doc, mtc_result **out,
                             mtc_error *err)
{
    return mtc_checker_check_source(chk, doc, NULL, out, err);
}

mtc_status mtc_checker_check_source(mtc_checker *chk, const mtc_document *doc,
                                    const mtc_document *src, mtc_result **out, mtc_error *err)
{
    (void)err;
    mtc_quotemap *qm = mtc_quotemap_build(doc);
    mtc_source_align *al = src ? mtc_source_align_build(doc, src) : NULL;
    mtc_context ctx = {doc, chk->cfg, qm, al};
    mtc_emitter em;
    memset(&em, 0, sizeof em);
    em.text_len = doc->len;
    mtc_suppress_index *sx = mtc_suppress_index_build(doc->suppressions, doc->n_suppressions);
    mtc_vocab_recall(chk->vocab, doc);
    for (size_t i = 0; i < chk->n_slots; i++) {
        analyzer_slot *slot = &chk->slots[i];
        if (!slot->any_enabled)
            continue;
        em.slot = slot;
        size_t first = em.n;
        if (slot->an->check_sentence)
            for (size_t s = 0; s < doc->n_sentences; s++)
                slot->an->check_sentence(slot->state, &ctx, s, &em);
        if (slot->an->check_article)
            slot->an->check_article(slot->state, &ctx, &em);
        drop_suppressed(doc, sx, slot->an, &em, first);
    }
    mtc_vocab_learn(chk->vocab, doc);
    mtc_suppress_index_free(sx);
    mtc_quotemap_free(qm);
    mtc_source_align_free(al);

    if (em.n > 1)
        qsort(em.issues, em.n, sizeof *em.issues, issue_cmp);
    /* drop exact duplicates (same span and rule) */
    size_t w = 0;
    for (size_t r = 0; r < em.n; r++) {
        if (w > 0 && issue_cmp(&em.issues[w - 1], &em.issues[r]) == 0) {
            mtc_issue_clear(&em.issues[r]);
            continue;
        }
        em.issues[w++] = em.issues[r];
    }
    em.n = w;

    mtc_result *res = mtc_xcalloc(1, sizeof *res);
    res->doc = doc;
    res->source_doc = src;
    res->issues = em.issues;
    res->n_issues = em.n;
    for (size_t i = 0; i < res->n_issues; i++)
        res->issues[i].sentence = sentence_of(doc, res->issues[i].start);
    mtc_score_result(res, chk->cfg);
    mtc_result_apply_gate(res, chk->cfg);
    *out = res;
    return MTC_OK;
}
