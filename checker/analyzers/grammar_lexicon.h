/* grammar_lexicon.h — the word classes the grammar analyzer consults: the
 * part-of-speech lexicon generated at build time from link-grammar's English
 * dictionary (dictionaries/grammar-lexicon.tsv, see
 * dictionaries/gen-grammar-lexicon.py) and the closed classes of function
 * words (dictionaries/grammar-closed-classes.tsv), with noun number and
 * WordNet's parts of speech for the agreement analyzer. One lexicon per
 * process, shared read-only by the analyzers and workers. */
#ifndef MTC_GRAMMAR_LEXICON_H
#define MTC_GRAMMAR_LEXICON_H

#include <stddef.h>

#include "document.h"
#include "mtcheck.h"

/* Open classes (from the generated lexicon). */
enum {
    MTC_LX_NOUN = 1u << 0,      /* N */
    MTC_LX_VERB = 1u << 1,      /* V: base form (infinitive, plural present) */
    MTC_LX_VERB_S = 1u << 2,    /* S: 3rd person singular present */
    MTC_LX_VERB_D = 1u << 3,    /* D: past tense (often also the participle) */
    MTC_LX_VERB_P = 1u << 4,    /* P: past participle only */
    MTC_LX_VERB_G = 1u << 5,    /* G: -ing form */
    MTC_LX_ADJ = 1u << 6,       /* A */
    MTC_LX_ADV = 1u << 7,       /* R */
    MTC_LX_ANY_VERB = MTC_LX_VERB | MTC_LX_VERB_S | MTC_LX_VERB_D | MTC_LX_VERB_P | MTC_LX_VERB_G,
    /* the classes above: what mtc_grammar_open returns */
    MTC_LX_BASIC = MTC_LX_NOUN | MTC_LX_ANY_VERB | MTC_LX_ADJ | MTC_LX_ADV
};

/* Further classes, only from mtc_grammar_open_all: noun number from
 * link-grammar's noun classes, and the parts of speech WordNet gives the
 * word (what else it can be: "further" is also an adverb). */
enum {
    MTC_LX_COUNT = 1u << 8,     /* C: countable singular noun */
    MTC_LX_PLURAL = 1u << 9,    /* L: plural noun */
    MTC_LX_MASS = 1u << 10,     /* M: mass (uncountable) noun */
    MTC_LX_WN_NOUN = 1u << 11,  /* n: WordNet noun */
    MTC_LX_WN_VERB = 1u << 12,  /* v: WordNet verb */
    MTC_LX_WN_ADJ = 1u << 13,   /* a: WordNet adjective */
    MTC_LX_WN_ADV = 1u << 14,   /* r: WordNet adverb */
    MTC_LX_IRREG_VERB = 1u << 15, /* i: irregular verb form (went, became) */
    MTC_LX_IRREG_COMP = 1u << 16, /* c: irregular comparative (easier, best) */
    MTC_LX_COMMON = 1u << 17,     /* f: a common word (SCOWL, sizes up to 60) */
    MTC_LX_PAST_ONLY = 1u << 18,  /* x: a past tense, not the participle (went: gone) */
    MTC_LX_COLLECTIVE = 1u << 19, /* k: a collective or quantity noun (team, number) */
    MTC_LX_BASE_NOT_PART = 1u << 20 /* b: a base form that is not its participle (modify, write) */
};

/* Closed classes (tags of grammar-closed-classes.tsv). */
enum {
    MTC_CC_AUX = 1u << 0,
    MTC_CC_MODAL = 1u << 1,
    MTC_CC_DET = 1u << 2,
    MTC_CC_ART = 1u << 3,
    MTC_CC_POSS = 1u << 4,
    MTC_CC_SUBJ = 1u << 5,
    MTC_CC_CONJ = 1u << 6,
    MTC_CC_PREP = 1u << 7
};

typedef struct mtc_grammar_lexicon mtc_grammar_lexicon;

/* The lexicon of both embedded files, read on the first call of the
 * process and shared, read-only, by every caller after; NULL with err
 * filled on a missing file or a bad line. mtc_grammar_lexicon_free is for
 * symmetry: the shared copy lives until exit. */
mtc_grammar_lexicon *mtc_grammar_lexicon_load(mtc_error *err);
void mtc_grammar_lexicon_free(mtc_grammar_lexicon *lx);

/* Open-class bits (MTC_LX_*) of a word (any case; lowercased here), 0 when
 * unknown. *known (may be NULL) is set to 1 when the word is in the lexicon. */
unsigned mtc_grammar_open(const mtc_grammar_lexicon *lx, const char *word, size_t len, int *known);
/* Every class bit (MTC_LX_*, the further ones included) of a word (any
 * case), 0 when unknown to both sources. */
unsigned mtc_grammar_open_all(const mtc_grammar_lexicon *lx, const char *word, size_t len);
/* Closed-class bits (MTC_CC_*) of a word (any case), 0 when none. */
unsigned mtc_grammar_closed(const mtc_grammar_lexicon *lx, const char *word, size_t len);
/* The three above for a token of doc (its whole text), from its interned
 * word (words.h): the lexicon is asked once per distinct word of the
 * article, whichever analyzer asks. */
unsigned mtc_grammar_open_tok(const mtc_grammar_lexicon *lx, const mtc_document *doc,
                              const mtc_token *tk, int *known);
unsigned mtc_grammar_open_all_tok(const mtc_grammar_lexicon *lx, const mtc_document *doc,
                                  const mtc_token *tk);
unsigned mtc_grammar_closed_tok(const mtc_grammar_lexicon *lx, const mtc_document *doc,
                                const mtc_token *tk);
/* The build step that freezes the lexicon (checker/gen/freeze_lexicon.c):
 * appends to out the image of both word sets, parsed from the embedded
 * files, with their fingerprint. */
struct mtc_buf;
mtc_status mtc_grammar_lexicon_freeze(struct mtc_buf *out, mtc_error *err);
/* For tests: a private copy parsed from the files, or over an image (NULL
 * when it is none, or was made from other files); free it with
 * mtc_grammar_lexicon_discard. The image the binary links (NULL when it
 * links none), and a copy's word sets (closed = 0: the open classes). */
mtc_grammar_lexicon *mtc_grammar_lexicon_parse(mtc_error *err);
mtc_grammar_lexicon *mtc_grammar_lexicon_thaw(const void *image, size_t len);
const void *mtc_grammar_lexicon_image(size_t *len);
void mtc_grammar_lexicon_discard(mtc_grammar_lexicon *lx);
struct mtc_wordset;
const struct mtc_wordset *mtc_grammar_lexicon_set(const mtc_grammar_lexicon *lx, int closed);

/* Number of entries of the generated lexicon (for tests). */
size_t mtc_grammar_lexicon_size(const mtc_grammar_lexicon *lx);

#endif
