/* test_tokenize.c — token kinds, flags and exact byte offsets
 * (checker/tokenize.c), and the sentence each token belongs to. */
#include <criterion/criterion.h>
#include <string.h>

#include "document.h"
#include "testutil.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

typedef struct exp_tok {
    const char *text;
    int kind;
    unsigned flags; /* exact flag set */
} exp_tok;

/* Asserts that text tokenizes into exactly the expected tokens. */
static void expect_tokens(const char *text, const exp_tok *exp, size_t n)
{
    mtc_document *d = tu_doc(text);
    size_t shown = d->n_tokens < n ? d->n_tokens : n;
    for (size_t i = 0; i < shown; i++) {
        const mtc_token *t = &d->tokens[i];
        size_t len = t->end - t->start;
        cr_assert(len == strlen(exp[i].text) && memcmp(d->text + t->start, exp[i].text, len) == 0,
                  "token %zu: got [%.*s], expected [%s]", i, (int)len, d->text + t->start,
                  exp[i].text);
        cr_assert_eq(t->kind, exp[i].kind, "token %zu [%s]: kind %d, expected %d", i, exp[i].text,
                     t->kind, exp[i].kind);
        /* the shape flags exactly; the sentence start where a sentence starts */
        unsigned shape = t->flags & ~(unsigned)MTC_TF_SENTENCE_START;
        cr_assert_eq(shape, exp[i].flags, "token %zu [%s]: flags 0x%x, expected 0x%x", i,
                     exp[i].text, shape, exp[i].flags);
        cr_assert_eq(!!(t->flags & MTC_TF_SENTENCE_START),
                     i == d->sentences[mtc_tok_sentence(d, i)].first_token,
                     "token %zu [%s]: sentence start", i, exp[i].text);
    }
    if (d->n_tokens > n) {
        const mtc_token *t = &d->tokens[n];
        cr_assert_fail("%zu tokens, expected %zu; extra [%.*s]", d->n_tokens, n,
                       (int)(t->end - t->start), d->text + t->start);
    }
    cr_assert_eq(d->n_tokens, n, "%zu tokens, expected %zu", d->n_tokens, n);
    mtc_document_free(d);
}

#define TOKS(name, text, ...)                                                                      \
    Test(tokenize, name)                                                                           \
    {                                                                                              \
        const exp_tok exp[] = {__VA_ARGS__};                                                       \
        expect_tokens(text, exp, N_OF(exp));                                                       \
    }

enum {
    IU = MTC_TF_INITIAL_UPPER,
    AU = MTC_TF_ALL_UPPER,
    DG = MTC_TF_HAS_DIGIT,
    HY = MTC_TF_HAS_HYPHEN,
    AP = MTC_TF_HAS_APOSTROPHE,
    NL = MTC_TF_NON_LATIN,
    MX = MTC_TF_MIXED_CASE,
    W = MTC_TOK_WORD,
    NUM = MTC_TOK_NUMBER,
    ORD = MTC_TOK_ORDINAL,
    P = MTC_TOK_PUNCT,
    SYM = MTC_TOK_SYMBOL,
    OW = MTC_TOK_OTHER_WORD,
};

TOKS(plain_words, "The talks went well.", {"The", W, IU}, {"talks", W, 0}, {"went", W, 0},
     {"well", W, 0}, {".", P, 0})

TOKS(accented_latin_words, "Türkiye, Zürich and São Paulo", {"Türkiye", W, IU}, {",", P, 0},
     {"Zürich", W, IU}, {"and", W, 0}, {"São", W, IU}, {"Paulo", W, IU})

TOKS(combining_mark_continues_word, "Zu\xCC\x88rich", {"Zu\xCC\x88rich", W, IU})

TOKS(apostrophes_inside_words, "Kim Jong-un's aide: don’t trust CNN’s O'Brien", {"Kim", W, IU},
     {"Jong-un's", W, IU | HY | AP}, {"aide", W, 0}, {":", P, 0}, {"don’t", W, AP}, {"trust", W, 0},
     {"CNN’s", W, IU | AP}, {"O'Brien", W, IU | AP})

TOKS(trailing_apostrophe_is_punct, "the countries’ leaders and the workers' union", {"the", W, 0},
     {"countries", W, 0}, {"’", P, 0}, {"leaders", W, 0}, {"and", W, 0}, {"the", W, 0},
     {"workers", W, 0}, {"'", P, 0}, {"union", W, 0})

TOKS(quotes_are_punct, "“Hi,” he said, ‘no’ and \"yes\" 'ok'", {"“", P, 0}, {"Hi", W, IU},
     {",", P, 0}, {"”", P, 0}, {"he", W, 0}, {"said", W, 0}, {",", P, 0}, {"‘", P, 0}, {"no", W, 0},
     {"’", P, 0}, {"and", W, 0}, {"\"", P, 0}, {"yes", W, 0}, {"\"", P, 0}, {"'", P, 0},
     {"ok", W, 0}, {"'", P, 0})

TOKS(hyphenated_compounds, "Sino-US ties are well-known - and non‑stop", {"Sino-US", W, IU | HY},
     {"ties", W, 0}, {"are", W, 0}, {"well-known", W, HY}, {"-", P, 0}, {"and", W, 0},
     {"non‑stop", W, HY})

TOKS(numbers, "12 3.5 1,000 2.0.1 1,000,000 2023", {"12", NUM, DG}, {"3.5", NUM, DG},
     {"1,000", NUM, DG}, {"2.0.1", NUM, DG}, {"1,000,000", NUM, DG}, {"2023", NUM, DG})

TOKS(comma_not_thousands, "1,2 and 5,", {"1", NUM, DG}, {",", P, 0}, {"2", NUM, DG}, {"and", W, 0},
     {"5", NUM, DG}, {",", P, 0})

TOKS(units_and_percent, "5km 3.5% 1990s 10mg", {"5km", NUM, DG}, {"3.5%", NUM, DG},
     {"1990s", NUM, DG}, {"10mg", NUM, DG})

TOKS(negative_number_hyphen_is_punct, "-3 and $126.5 million", {"-", P, 0}, {"3", NUM, DG},
     {"and", W, 0}, {"$", SYM, 0}, {"126.5", NUM, DG}, {"million", W, 0})

TOKS(ordinals, "the 21st century, 2nd, 3rd and 4th places, 11TH", {"the", W, 0}, {"21st", ORD, DG},
     {"century", W, 0}, {",", P, 0}, {"2nd", ORD, DG}, {",", P, 0}, {"3rd", ORD, DG}, {"and", W, 0},
     {"4th", ORD, DG}, {"places", W, 0}, {",", P, 0}, {"11TH", ORD, DG | IU | AU})

TOKS(letters_with_digits, "COVID-19 G7 MH370 F-16s", {"COVID-19", OW, IU | AU | DG | HY},
     {"G7", OW, IU | AU | DG}, {"MH370", OW, IU | AU | DG}, {"F-16s", OW, IU | DG | HY})

TOKS(number_then_hyphenated_word, "a 5-year-old and 19th-century art", {"a", W, 0}, {"5", NUM, DG},
     {"-", P, 0}, {"year-old", W, HY}, {"and", W, 0}, {"19th", ORD, DG}, {"-", P, 0},
     {"century", W, 0}, {"art", W, 0})

TOKS(score_and_time, "won 4-1 at 12:15", {"won", W, 0}, {"4", NUM, DG}, {"-", P, 0}, {"1", NUM, DG},
     {"at", W, 0}, {"12", NUM, DG}, {":", P, 0}, {"15", NUM, DG})

TOKS(urls, "see https://www.cbsnews.com/news/a-b/?x=1. Or http://x.com/a(b), www.xinhuanet.com!",
     {"see", W, 0}, {"https://www.cbsnews.com/news/a-b/?x=1", MTC_TOK_URL, 0}, {".", P, 0},
     {"Or", W, IU}, {"http://x.com/a(b)", MTC_TOK_URL, 0}, {",", P, 0},
     {"www.xinhuanet.com", MTC_TOK_URL, 0}, {"!", P, 0})

TOKS(url_in_parentheses, "(see http://example.org/page)", {"(", P, 0}, {"see", W, 0},
     {"http://example.org/page", MTC_TOK_URL, 0}, {")", P, 0})

TOKS(email_handle_hashtag, "Write to press.office@dhs.gov, @XHNews or #MeToo; #1 seed",
     {"Write", W, IU}, {"to", W, 0}, {"press.office@dhs.gov", MTC_TOK_EMAIL, 0}, {",", P, 0},
     {"@XHNews", MTC_TOK_HANDLE, 0}, {"or", W, 0}, {"#MeToo", MTC_TOK_HASHTAG, 0}, {";", P, 0},
     {"#", P, 0}, {"1", NUM, DG}, {"seed", W, 0})

TOKS(not_an_email, "a@b and user@ x", {"a", W, 0}, {"@", P, 0}, {"b", W, 0}, {"and", W, 0},
     {"user", W, 0}, {"@", P, 0}, {"x", W, 0})

TOKS(dotted_acronyms, "U.S. officials, at 3 p.m. and e.g. D.C.", {"U.S.", W, IU | AU},
     {"officials", W, 0}, {",", P, 0}, {"at", W, 0}, {"3", NUM, DG}, {"p.m.", W, 0}, {"and", W, 0},
     {"e.g.", W, 0}, {"D.C.", W, IU | AU})

TOKS(initial_is_word_and_punct, "Richard N. Smith", {"Richard", W, IU}, {"N", W, IU | AU},
     {".", P, 0}, {"Smith", W, IU})

TOKS(initial_dotted_onto_word, "E.ON said E.ON's E.ON-led unit, not A.Bc or E.on",
     {"E.ON", W, IU | AU}, {"said", W, 0}, {"E.ON's", W, IU | AP}, {"E.ON-led", W, IU | HY},
     {"unit", W, 0}, {",", P, 0}, {"not", W, 0}, {"A", W, IU | AU}, {".", P, 0}, {"Bc", W, IU},
     {"or", W, 0}, {"E", W, IU | AU}, {".", P, 0}, {"on", W, 0})

TOKS(abbreviation_period_is_punct, "Mr. Sun", {"Mr", W, IU}, {".", P, 0}, {"Sun", W, IU})

TOKS(missing_space_after_period, "said.The", {"said", W, 0}, {".", P, 0}, {"The", W, IU})

TOKS(case_flags, "iPhone McDonald NASA nasa Nasa I a", {"iPhone", W, MX}, {"McDonald", W, IU | MX},
     {"NASA", W, IU | AU}, {"nasa", W, 0}, {"Nasa", W, IU}, {"I", W, IU | AU}, {"a", W, 0})

TOKS(non_latin_words, "中国外交部 Москва Ελλάδα Nguyễn", {"中国外交部", W, NL},
     {"Москва", W, IU | NL}, {"Ελλάδα", W, IU | NL}, {"Nguyễn", W, IU})

TOKS(mixed_script_word, "Xi中国", {"Xi中国", W, IU | NL})

TOKS(ellipsis_and_dots, "wait… no... ok", {"wait", W, 0}, {"…", P, 0}, {"no", W, 0}, {".", P, 0},
     {".", P, 0}, {".", P, 0}, {"ok", W, 0})

TOKS(symbols, "£52,000 + 5 = € ©", {"£", SYM, 0}, {"52,000", NUM, DG}, {"+", SYM, 0},
     {"5", NUM, DG}, {"=", SYM, 0}, {"€", SYM, 0}, {"©", SYM, 0})

TOKS(fullwidth_punctuation, "好，是。", {"好", W, NL}, {"，", P, 0}, {"是", W, NL}, {"。", P, 0})

Test(tokenize, exact_offsets_multibyte)
{
    const char *text = "“Türkiye’s” 3.5% — 中国.";
    mtc_document *d = tu_doc(text);
    struct {
        const char *s;
        size_t start, end;
    } exp[] = {
        {"“", 0, 3},   {"Türkiye’s", 3, 15}, {"”", 15, 18}, {"3.5%", 19, 23},
        {"—", 24, 27}, {"中国", 28, 34},     {".", 34, 35},
    };
    cr_assert_eq(d->n_tokens, N_OF(exp));
    for (size_t i = 0; i < N_OF(exp); i++) {
        cr_assert_eq(d->tokens[i].start, exp[i].start, "token %zu start", i);
        cr_assert_eq(d->tokens[i].end, exp[i].end, "token %zu end", i);
        cr_assert(memcmp(text + exp[i].start, exp[i].s, strlen(exp[i].s)) == 0, "%zu", i);
    }
    cr_assert_eq(d->tokens[1].flags, IU | AP);
    mtc_document_free(d);
}

Test(tokenize, tokens_belong_to_sentences)
{
    const char *text = "Headline words\n\nThe U.S. The Pentagon said no. It left.\n";
    mtc_document *d = tu_doc(text);
    cr_assert_eq(d->n_sentences, 4);
    size_t expect_n[] = {2, 2, 5, 3};
    size_t next = 0;
    for (size_t s = 0; s < d->n_sentences; s++) {
        const mtc_sentence *sent = &d->sentences[s];
        cr_assert_eq(sent->first_token, next, "sentence %zu", s);
        cr_assert_eq(sent->n_tokens, expect_n[s], "sentence %zu", s);
        for (size_t i = sent->first_token; i < sent->first_token + sent->n_tokens; i++) {
            cr_assert_eq(mtc_tok_sentence(d, i), s);
            cr_assert_eq(!!(d->tokens[i].flags & MTC_TF_SENTENCE_START),
                         i == sent->first_token);
            cr_assert(d->tokens[i].start >= sent->start && d->tokens[i].end <= sent->end);
        }
        next += sent->n_tokens;
    }
    cr_assert_eq(next, d->n_tokens);
    mtc_document_free(d);
}

Test(tokenize, invalid_bytes_and_controls)
{
    /* a document normally holds valid UTF-8; stray bytes must not break spans */
    const char text[] = "ab\x01 c\xE2\x80\x8B"
                        "d \xFF\xFEx";
    mtc_document *d = tu_doc(text);
    cr_assert_eq(d->n_tokens, 8);
    cr_assert_eq(d->tokens[5].kind, MTC_TOK_SYMBOL); /* invalid byte: one byte each */
    cr_assert_eq(d->tokens[5].end - d->tokens[5].start, 1);
    cr_assert_eq(d->tokens[6].end - d->tokens[6].start, 1);
    cr_assert_eq(d->tokens[7].kind, MTC_TOK_WORD);
    cr_assert_eq(d->tokens[1].kind, MTC_TOK_SYMBOL);
    cr_assert_eq(d->tokens[1].end - d->tokens[1].start, 1);
    cr_assert_eq(d->tokens[3].kind, MTC_TOK_SYMBOL); /* zero-width space */
    cr_assert_eq(d->tokens[3].end - d->tokens[3].start, 3);
    mtc_document_free(d);
}

Test(tokenize, long_runs_are_linear_and_complete)
{
    /* a long run without spaces: "a.a.a.a..." and digits with dots */
    size_t n = 200000;
    char *text = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        text[i] = (i % 2) ? '.' : 'a';
    text[n] = '\0';
    mtc_document *d = tu_doc(text);
    cr_assert_eq(d->n_sentences, 1);
    /* "a.a." opens a dotted acronym, so the run becomes one long word */
    size_t covered = 0;
    for (size_t i = 0; i < d->n_tokens; i++)
        covered += d->tokens[i].end - d->tokens[i].start;
    cr_assert_eq(covered, n);
    mtc_document_free(d);
    free(text);
}

/* mtc_tok_sentence on a model with empty sentences (no tokens) between and
 * after the others: a token belongs to the sentence whose range holds it. */
Test(tokenize, token_sentence_with_empty_sentences)
{
    mtc_sentence sents[5];
    memset(sents, 0, sizeof sents);
    const size_t first[5] = {0, 2, 2, 5, 5}, n[5] = {2, 0, 3, 0, 0};
    for (size_t s = 0; s < 5; s++) {
        sents[s].first_token = first[s];
        sents[s].n_tokens = n[s];
    }
    mtc_document doc;
    memset(&doc, 0, sizeof doc);
    doc.sentences = sents;
    doc.n_sentences = 5;
    doc.n_tokens = 5;
    const size_t want[5] = {0, 0, 2, 2, 2};
    for (size_t t = 0; t < 5; t++)
        cr_assert_eq(mtc_tok_sentence(&doc, t), want[t], "token %zu", t);
}
