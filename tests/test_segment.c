/* test_segment.c — paragraphs, headlines and sentence boundaries
 * (checker/segment.c) on sentences taken from real news. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <pthread.h>
#include <string.h>

#include "document.h"
#include "segment.h"
#include "testutil.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Asserts that text splits into exactly the expected sentences. */
static void expect_sentences(const char *text, const char *const *exp, size_t n)
{
    mtc_document *d = tu_doc(text);
    cr_assert_not_null(d);
    size_t shown = d->n_sentences < n ? d->n_sentences : n;
    for (size_t i = 0; i < shown; i++) {
        const mtc_sentence *s = &d->sentences[i];
        size_t len = s->end - s->start;
        cr_assert(len == strlen(exp[i]) && memcmp(d->text + s->start, exp[i], len) == 0,
                  "sentence %zu: got [%.*s], expected [%s]", i, (int)len, d->text + s->start,
                  exp[i]);
    }
    if (d->n_sentences > n) {
        const mtc_sentence *s = &d->sentences[n];
        cr_assert_fail("%zu sentences, expected %zu; extra: [%.*s]", d->n_sentences, n,
                       (int)(s->end - s->start), d->text + s->start);
    }
    cr_assert_eq(d->n_sentences, n, "%zu sentences, expected %zu", d->n_sentences, n);
    mtc_document_free(d);
}

#define SPLIT(name, text, ...)                                                                     \
    Test(segment, name)                                                                            \
    {                                                                                              \
        const char *const exp[] = {__VA_ARGS__};                                                   \
        expect_sentences(text, exp, N_OF(exp));                                                    \
    }

/* ---- plain boundaries ---- */

SPLIT(two_plain,
      "He acknowledged that the Ukrainian troops were mounting fierce resistance. Russia "
      "suffered a series of humiliating setbacks in the fall.",
      "He acknowledged that the Ukrainian troops were mounting fierce resistance.",
      "Russia suffered a series of humiliating setbacks in the fall.")

SPLIT(question_and_exclamation,
      "Everybody's into whodunnits now, right? So some series of ads will follow! It is "
      "over.",
      "Everybody's into whodunnits now, right?", "So some series of ads will follow!",
      "It is over.")

SPLIT(digit_starts_sentence,
      "The toll rose again on Tuesday. 20,000 people have died since the quake.",
      "The toll rose again on Tuesday.", "20,000 people have died since the quake.")

SPLIT(lowercase_does_not_split, "The value is 3.5 percent. and it rose again.",
      "The value is 3.5 percent. and it rose again.")

SPLIT(no_space_no_split, "Growth was 5.2 percent in 2023.The figure was revised.",
      "Growth was 5.2 percent in 2023.The figure was revised.")

SPLIT(line_break_inside_paragraph_is_space,
      "The work of the rescuers is hampered by debris.\nFirst medical aid is also provided.",
      "The work of the rescuers is hampered by debris.", "First medical aid is also provided.")

SPLIT(multiple_spaces_between,
      "Not only was his claim insensitive, it was also a lie.   Another skyscraper became "
      "the tallest building.",
      "Not only was his claim insensitive, it was also a lie.",
      "Another skyscraper became the tallest building.")

SPLIT(non_latin_sentence_start, "The sign read as follows. 中国外交部 said nothing more.",
      "The sign read as follows.", "中国外交部 said nothing more.")

/* ---- quotes and brackets ---- */

SPLIT(closing_curly_quote_belongs_to_sentence,
      "“That is our concern,” the adviser said. “We have informed Beijing.” Next, the "
      "talks began.",
      "“That is our concern,” the adviser said.", "“We have informed Beijing.”",
      "Next, the talks began.")

SPLIT(closing_straight_quote_belongs_to_sentence,
      "He told reporters, \"We will cooperate with this Congress. I think that's our "
      "responsibility.\" He conceded that \"it will take time\" to comply.",
      "He told reporters, \"We will cooperate with this Congress.",
      "I think that's our responsibility.\"", "He conceded that \"it will take time\" to comply.")

SPLIT(question_in_quote_lowercase_attribution, "“Why?” he asked. The minister did not answer.",
      "“Why?” he asked.", "The minister did not answer.")

SPLIT(question_in_quote_named_attribution,
      "“Why now?” Polis asked. “What day is it?” Reeves said, laughing.", "“Why now?” Polis asked.",
      "“What day is it?” Reeves said, laughing.")

SPLIT(question_in_quote_then_new_sentence, "“What day is it today?” Trump said nothing about it.",
      "“What day is it today?”", "Trump said nothing about it.")

SPLIT(exclamation_in_quote_lowercase_attribution,
      "\"Buy the difference!\" shouted the traders on the floor.",
      "\"Buy the difference!\" shouted the traders on the floor.")

SPLIT(opening_straight_quote_starts_sentence,
      "a DHS spokesperson said in a statement Friday. \"DHS will continue prioritizing its "
      "work.\"",
      "a DHS spokesperson said in a statement Friday.",
      "\"DHS will continue prioritizing its work.\"")

SPLIT(closing_bracket_belongs_to_sentence,
      "The bank issued a statement (in Lagos.) Officials declined to comment.",
      "The bank issued a statement (in Lagos.)", "Officials declined to comment.")

SPLIT(opening_bracket_starts_sentence,
      "Putin's forces advanced. [Russian President Vladimir] Putin's aggression continued.",
      "Putin's forces advanced.", "[Russian President Vladimir] Putin's aggression continued.")

SPLIT(stray_closing_quote_after_space,
      "Impress Beijing that it will not be offered. ” Revised by most of the western world.",
      "Impress Beijing that it will not be offered. ”", "Revised by most of the western world.")

SPLIT(mistyped_closing_quote_at_end,
      "“It is essential to cool the tensions. We will push for a diplomatic solution. “",
      "“It is essential to cool the tensions.", "We will push for a diplomatic solution. “")

/* ---- abbreviations and initials ---- */

SPLIT(title_mr, "A prospective buyer, Mr. Sun, told reporters that he found a flat.",
      "A prospective buyer, Mr. Sun, told reporters that he found a flat.")

SPLIT(title_gov, "On Friday, Colorado Gov. Jared Polis said that he has a lot of concern.",
      "On Friday, Colorado Gov. Jared Polis said that he has a lot of concern.")

SPLIT(title_dr_and_prof,
      "Dr. Maria Lopez and Prof. Alan Reed signed the letter. It was published Monday.",
      "Dr. Maria Lopez and Prof. Alan Reed signed the letter.", "It was published Monday.")

SPLIT(month_before_number,
      "Recall that Trump tried and failed to block the House Jan. 6 committee from getting "
      "records.",
      "Recall that Trump tried and failed to block the House Jan. 6 committee from getting "
      "records.")

SPLIT(dateline_month,
      "BEIJING, Feb. 11 (Xinhua) -- China lodged stern representations. The embassy replied.",
      "BEIJING, Feb. 11 (Xinhua) -- China lodged stern representations.", "The embassy replied.")

SPLIT(sept_eleven,
      "The day of the Sept. 11, 2001, terrorist attacks that destroyed the World Trade "
      "Center, he bragged.",
      "The day of the Sept. 11, 2001, terrorist attacks that destroyed the World Trade "
      "Center, he bragged.")

SPLIT(number_abbreviation, "The fund ranked No. 1 in its class last year.",
      "The fund ranked No. 1 in its class last year.")

SPLIT(volume_abbreviation, "The report appeared in Vol. 3 of the journal. It was cited.",
      "The report appeared in Vol. 3 of the journal.", "It was cited.")

SPLIT(us_before_lowercase, "U.S. officials told reporters on Sunday that talks went well.",
      "U.S. officials told reporters on Sunday that talks went well.")

SPLIT(us_before_title_word,
      "The talks escalated tensions, and U.S. Secretary of State Antony Blinken cancelled "
      "his trip.",
      "The talks escalated tensions, and U.S. Secretary of State Antony Blinken cancelled "
      "his trip.")

SPLIT(us_before_proper_noun, "The government asked the U.S. Embassy in China to intervene.",
      "The government asked the U.S. Embassy in China to intervene.")

SPLIT(us_ends_sentence_before_the,
      "The balloon drifted across the U.S. The Pentagon tracked it for days.",
      "The balloon drifted across the U.S.", "The Pentagon tracked it for days.")

SPLIT(us_ends_sentence_before_pronoun,
      "The company moved its headquarters to the U.S. It later opened an office in London.",
      "The company moved its headquarters to the U.S.", "It later opened an office in London.")

SPLIT(pm_before_weekday, "The meeting starts at 3 p.m. Sunday in the capital.",
      "The meeting starts at 3 p.m. Sunday in the capital.")

SPLIT(pm_ends_sentence, "The quake struck at 4:17 a.m. The second one followed nine hours later.",
      "The quake struck at 4:17 a.m.", "The second one followed nine hours later.")

SPLIT(company_suffix_inside,
      "Guangzhou Aviation Technology Co. Ltd. and Shanxi Aviation were added to the list.",
      "Guangzhou Aviation Technology Co. Ltd. and Shanxi Aviation were added to the list.")

SPLIT(company_suffix_ends, "The stake was sold to Apple Inc. The deal closed in March.",
      "The stake was sold to Apple Inc.", "The deal closed in March.")

SPLIT(etc_ends_sentence, "They bought rice, oil, flour, etc. But prices kept rising.",
      "They bought rice, oil, flour, etc.", "But prices kept rising.")

SPLIT(middle_initial,
      "In 1876, Belknap, who served in President Ulysses S. Grant's administration, was "
      "acquitted.",
      "In 1876, Belknap, who served in President Ulysses S. Grant's administration, was "
      "acquitted.")

SPLIT(two_initials_spaced, "The novel by J. K. Rowling sold well. Critics disagreed.",
      "The novel by J. K. Rowling sold well.", "Critics disagreed.")

SPLIT(dotted_initials, "The novel by J.K. Rowling sold well.",
      "The novel by J.K. Rowling sold well.")

SPLIT(saint_place, "They visited the Ruins of St. Paul's, Taipa Old Town and the museum.",
      "They visited the Ruins of St. Paul's, Taipa Old Town and the museum.")

SPLIT(versus_and_eg, "The final, China vs. Japan, was delayed, e.g. by rain. Fans waited.",
      "The final, China vs. Japan, was delayed, e.g. by rain.", "Fans waited.")

SPLIT(lowercase_no_ends_sentence, "He said no. The vote failed.", "He said no.", "The vote failed.")

/* ---- numbers, ellipses, doubled punctuation ---- */

SPLIT(decimal_and_version,
      "A 7.7 magnitude quake hit early Monday. Version 2.0.1 of the app was released.",
      "A 7.7 magnitude quake hit early Monday.", "Version 2.0.1 of the app was released.")

SPLIT(ellipsis_before_uppercase, "The talks went on and on... Nobody expected a deal.",
      "The talks went on and on...", "Nobody expected a deal.")

SPLIT(unicode_ellipsis_before_uppercase, "The talks went on… Nobody expected a deal.",
      "The talks went on…", "Nobody expected a deal.")

SPLIT(ellipsis_before_lowercase, "He paused… and then spoke again.",
      "He paused… and then spoke again.")

SPLIT(doubled_punctuation_stays,
      "It would be a decisive moment for the 21st century. .. The report was updated.",
      "It would be a decisive moment for the 21st century. ..", "The report was updated.")

SPLIT(question_exclamation_run, "Can you believe it?! The crowd roared.", "Can you believe it?!",
      "The crowd roared.")

SPLIT(numbered_list_item, "1. Pay more attention to network security information.",
      "1. Pay more attention to network security information.")

SPLIT(fullwidth_period, "The delegation arrived on Monday。 The talks began on Tuesday.",
      "The delegation arrived on Monday。", "The talks began on Tuesday.")

/* ---- paragraphs and headlines ---- */

Test(segment, paragraphs_at_blank_lines)
{
    mtc_document *d = tu_doc("Wagner owner says war will drag on\n\nThe owner spoke. He "
                             "predicted years.\n\n\nA third paragraph.\n");
    cr_assert_eq(d->n_paragraphs, 3);
    cr_assert_eq(d->paragraphs[0].is_headline, 1);
    cr_assert_eq(d->paragraphs[0].n_sentences, 1);
    cr_assert_eq(d->paragraphs[1].is_headline, 0);
    cr_assert_eq(d->paragraphs[1].first_sentence, 1);
    cr_assert_eq(d->paragraphs[1].n_sentences, 2);
    cr_assert_eq(d->paragraphs[2].first_sentence, 3);
    cr_assert_eq(d->n_sentences, 4);
    for (size_t i = 0; i < d->n_sentences; i++) {
        size_t p = d->sentences[i].paragraph;
        cr_assert(d->sentences[i].start >= d->paragraphs[p].start &&
                  d->sentences[i].end <= d->paragraphs[p].end);
    }
    cr_assert_eq(d->sentences[3].paragraph, 2);
    mtc_document_free(d);
}

Test(segment, paragraph_spans_trimmed)
{
    const char *text = "  \t Kazakh rescuers pull out survivors  \n \n\n   The work goes on.   \n";
    mtc_document *d = tu_doc(text);
    cr_assert_eq(d->n_paragraphs, 2);
    cr_assert_eq(d->paragraphs[0].start, 4);
    cr_assert_eq(d->paragraphs[0].end, 4 + strlen("Kazakh rescuers pull out survivors"));
    cr_assert_eq(d->paragraphs[1].start, strstr(text, "The work") - text);
    cr_assert_eq(d->paragraphs[1].end, strstr(text, "on.") - text + 3);
    cr_assert_eq(d->sentences[1].start, d->paragraphs[1].start);
    cr_assert_eq(d->sentences[1].end, d->paragraphs[1].end);
    mtc_document_free(d);
}

Test(segment, whitespace_only_line_is_blank)
{
    mtc_document *d = tu_doc("First paragraph.\n \t \nSecond paragraph.\n\xC2\xA0\nThird.");
    cr_assert_eq(d->n_paragraphs, 3);
    mtc_document_free(d);
}

Test(segment, crlf_blank_lines)
{
    const char *text = "Headline here\r\n\r\nFirst sentence. Second one.\r\nSame paragraph.\r\n";
    mtc_document *d = tu_doc(text);
    cr_assert_eq(d->n_paragraphs, 2);
    cr_assert_eq(d->paragraphs[0].is_headline, 1);
    cr_assert_eq(d->paragraphs[0].end, strlen("Headline here"));
    cr_assert_eq(d->paragraphs[1].n_sentences, 3);
    cr_assert_eq(d->paragraphs[1].is_headline, 0);
    const mtc_sentence *s = &d->sentences[2];
    cr_assert_eq(s->end - s->start, strlen("Second one."));
    cr_assert_eq(d->text[d->paragraphs[1].end - 1], '.');
    mtc_document_free(d);
}

Test(segment, cr_only_blank_lines)
{
    mtc_document *d = tu_doc("Headline\r\rBody text here.\rMore text.\r\r\rLast.");
    cr_assert_eq(d->n_paragraphs, 3);
    cr_assert_eq(d->paragraphs[0].is_headline, 1);
    cr_assert_eq(d->paragraphs[1].n_sentences, 2);
    cr_assert_eq(d->paragraphs[2].is_headline, 0);
    mtc_document_free(d);
}

Test(segment, headline_rules)
{
    struct {
        const char *text;
        int headline;
    } cases[] = {
        {"Jared O'Mara should never have been a Labour candidate, says Rachel Reeves", 1},
        {"Anti-fraud tips:", 1},
        {"Some Super Bowl Commercials I Can't Wait to See", 1},
        {"Kazakh rescuers pull out 7 survivors: 11 February 2023, 12:15", 1},
        {"U.S. warns China about the dangers of the war", 1},
        {"Not only was his claim insensitive, it was also a lie.", 0},
        {"Everybody's into whodunnits now, right?", 0},
        {"“It is over.”", 0},
        {"A headline that wraps\nonto a second line", 0},
        {"The first sentence ends. The second lost its period", 0},
        {"there is people making projects", 0},  /* no headline starts in lowercase */
        {"\u201cthey goes home", 0},
        {"iPhone sales fall in China", 1},       /* a name written so, not a lowercase word */
        {"42 survivors pulled out in Kazakhstan", 1},
    };
    /* each case opens an article: a body paragraph follows it (a text of
     * one line alone is judged by its form: segment::one_line_text) */
    for (size_t i = 0; i < N_OF(cases); i++) {
        char text[512];
        snprintf(text, sizeof text, "%s\n\nThe story follows here.", cases[i].text);
        mtc_document *d = tu_doc(text);
        cr_assert_eq(d->n_paragraphs, 2, "case %zu", i);
        cr_assert_eq(d->paragraphs[0].is_headline, cases[i].headline, "case %zu: %s", i,
                     cases[i].text);
        cr_assert_eq(d->paragraphs[1].is_headline, 0, "case %zu", i);
        if (cases[i].headline)
            cr_assert_eq(d->paragraphs[0].n_sentences, 1, "case %zu", i);
        mtc_document_free(d);
    }
}

Test(segment, one_line_text)
{
    /* a text of one line is a sentence to check unless its form is a
     * headline's: title case, or a lead-in ending in ':' */
    struct {
        const char *text;
        int headline;
    } cases[] = {
        {"They goes home", 0},
        {"Jared O'Mara should never have been a Labour candidate, says Rachel Reeves", 0},
        {"I have a logging application where I are append to a topic", 0},
        {"Some Super Bowl Commercials I Can't Wait to See", 1},
        {"Trump's Prized 40 Wall Street Building On 'Lender Watch' Amid Dropping Income", 1},
        {"Anti-fraud tips:", 1},
        {"Everybody's into whodunnits now, right?", 0},
    };
    for (size_t i = 0; i < N_OF(cases); i++) {
        mtc_document *d = tu_doc(cases[i].text);
        cr_assert_eq(d->n_paragraphs, 1, "case %zu", i);
        cr_assert_eq(d->paragraphs[0].is_headline, cases[i].headline, "case %zu: %s", i,
                     cases[i].text);
        mtc_document_free(d);
    }
}

Test(segment, empty_and_blank_documents)
{
    const char *texts[] = {"", "\n", "\n\n\n", "  \r\n \t\r\n"};
    for (size_t i = 0; i < N_OF(texts); i++) {
        mtc_document *d = tu_doc(texts[i]);
        cr_assert_eq(d->n_paragraphs, 0, "case %zu", i);
        cr_assert_eq(d->n_sentences, 0, "case %zu", i);
        cr_assert_eq(d->n_tokens, 0, "case %zu", i);
        mtc_document_free(d);
    }
}

Test(segment, sentences_cover_all_text)
{
    /* every non-space byte of a paragraph lies in exactly one sentence */
    const char *text = "The owner spoke (on Friday). “Why?” he asked! The U.S. The end...\n\n"
                       "Mr. Sun said: \"no.\" 2. Then… it ended. ”";
    mtc_document *d = tu_doc(text);
    size_t prev_end = 0;
    for (size_t i = 0; i < d->n_sentences; i++) {
        const mtc_sentence *s = &d->sentences[i];
        cr_assert(s->start >= prev_end && s->end > s->start);
        for (size_t k = prev_end; k < s->start; k++)
            cr_assert(d->text[k] == ' ' || d->text[k] == '\n', "gap byte %zu", k);
        prev_end = s->end;
    }
    cr_assert_eq(prev_end, strlen(text));
    mtc_document_free(d);
}

Test(segment, is_abbreviation)
{
    const char *yes[] = {"Mr.", "Dr.", "Jan.", "No.", "U.S.", "a.m.", "etc.", "D.C.", "N."};
    const char *no[] = {"no.", "said.", "May.", "The.", "5."};
    for (size_t i = 0; i < N_OF(yes); i++)
        cr_assert(mtc_segment_is_abbreviation(yes[i], strlen(yes[i])), "%s", yes[i]);
    for (size_t i = 0; i < N_OF(no); i++)
        cr_assert_not(mtc_segment_is_abbreviation(no[i], strlen(no[i])), "%s", no[i]);
}

/* The last entry of each word list works: the whole file was parsed. */
SPLIT(last_list_entries_loaded,
      "The study by Smith et al. found a link. It was cited by Chen et al. Through the "
      "year, “Really?” Lee tweeted.",
      "The study by Smith et al. found a link.", "It was cited by Chen et al.",
      "Through the year, “Really?” Lee tweeted.")

static void *segment_worker(void *arg)
{
    size_t *out = arg;
    mtc_document *d = tu_doc("The balloon drifted across the U.S. The Pentagon tracked it. "
                             "Mr. Sun said so at 3 p.m. Sunday.");
    *out = d->n_sentences;
    mtc_document_free(d);
    return NULL;
}

Test(segment, lists_load_once_across_threads)
{
    pthread_t th[4];
    size_t n[4] = {0};
    for (int i = 0; i < 4; i++)
        cr_assert_eq(pthread_create(&th[i], NULL, segment_worker, &n[i]), 0);
    for (int i = 0; i < 4; i++) {
        pthread_join(th[i], NULL);
        cr_assert_eq(n[i], 3, "thread %d: %zu sentences", i, n[i]);
    }
}
