/* test_grammar.c — the grammar analyzer: narrative person (a shift from
 * the article's own voice), dangling words, fragments, missing subjects
 * (and the instructions of lists and tips), a/an agreement, lowercase
 * starts; positive and negative cases from news-like sentences, the
 * generated lexicon, the acceptance checks on the sample article, and the
 * held-out first-person set (tests/heldout/first-person/). */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grammar_lexicon.h"
#include "wordset.h"
#include "testutil.h"

#define NP "grammar.narrative-person"
#define DW "grammar.dangling-word"
#define FR "grammar.fragment"
#define MS "grammar.missing-subject"
#define AA "grammar.article-agreement"
#define LS "grammar.lowercase-start"

/* ---- the lexicon ---- */

Test(grammar, lexicon_is_generated_from_link_grammar)
{
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_grammar_lexicon *lx = mtc_grammar_lexicon_load(&err);
    cr_assert_not_null(lx, "%s", err.message);
    cr_expect_gt(mtc_grammar_lexicon_size(lx), 20000);
    cr_expect(mtc_grammar_open(lx, "discuss", 7, NULL) & MTC_LX_VERB);
    cr_expect(mtc_grammar_open(lx, "Reports", 7, NULL) & MTC_LX_VERB_S);
    cr_expect(mtc_grammar_open(lx, "reports", 7, NULL) & MTC_LX_NOUN);
    cr_expect(mtc_grammar_open(lx, "revised", 7, NULL) & MTC_LX_VERB_D);
    cr_expect(mtc_grammar_open(lx, "taking", 6, NULL) & MTC_LX_VERB_G);
    cr_expect(mtc_grammar_open(lx, "quickly", 7, NULL) & MTC_LX_ADV);
    cr_expect(mtc_grammar_open(lx, "important", 9, NULL) & MTC_LX_ADJ);
    int known = 1;
    cr_expect_eq(mtc_grammar_open(lx, "qzxv", 4, &known), 0);
    cr_expect_eq(known, 0);
    cr_expect(mtc_grammar_closed(lx, "Will", 4) & MTC_CC_MODAL);
    cr_expect(mtc_grammar_closed(lx, "their", 5) & MTC_CC_POSS);
    cr_expect(mtc_grammar_closed(lx, "doesn’t", strlen("doesn’t")) & MTC_CC_AUX);
    cr_expect_eq(mtc_grammar_closed(lx, "minister", 8), 0);
    mtc_grammar_lexicon_free(lx);
}

/* ---- grammar.narrative-person ---- */

/* Every key of one set is in the other with the same value. */
typedef struct same_ctx {
    const mtc_wordset *other;
    size_t checked, differ;
} same_ctx;

static void same_entry(const char *key, size_t len, intptr_t value, void *ctx)
{
    same_ctx *c = ctx;
    intptr_t v = -1;
    if (!mtc_wordset_get(c->other, key, len, &v) || v != value)
        c->differ++;
    c->checked++;
}

/* The lexicon the build froze into the binary equals the one parsed from
 * the files: both word sets, every word with the same classes. */
Test(grammar, frozen_lexicon_equals_the_parsed_one)
{
    size_t len = 0;
    const char *image = mtc_grammar_lexicon_image(&len);
    cr_assert_not_null(image, "the binary links the lexicon's image");
    mtc_error err;
    mtc_grammar_lexicon *parsed = mtc_grammar_lexicon_parse(&err);
    cr_assert_not_null(parsed, "%s", err.message);
    mtc_grammar_lexicon *frozen = mtc_grammar_lexicon_thaw(image, len);
    cr_assert_not_null(frozen, "the image fits the embedded files");
    for (int closed = 0; closed <= 1; closed++) {
        const mtc_wordset *p = mtc_grammar_lexicon_set(parsed, closed);
        const mtc_wordset *f = mtc_grammar_lexicon_set(frozen, closed);
        cr_assert_eq(mtc_wordset_count(p), mtc_wordset_count(f));
        same_ctx c = {f, 0, 0};
        mtc_wordset_each(p, same_entry, &c);
        cr_assert_eq(c.checked, mtc_wordset_count(p));
        cr_assert_eq(c.differ, 0, "%zu of %zu words differ", c.differ, c.checked);
    }
    cr_assert_gt(mtc_wordset_count(mtc_grammar_lexicon_set(parsed, 0)), 50000);
    /* the shared lexicon answers as the parsed copy */
    const mtc_grammar_lexicon *shared = mtc_grammar_lexicon_load(&err);
    const char *words[] = {"court", "went", "the", "quickly", "zzzx", "teams"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i]);
        cr_assert_eq(mtc_grammar_open_all(shared, words[i], n),
                     mtc_grammar_open_all(parsed, words[i], n), "%s", words[i]);
        cr_assert_eq(mtc_grammar_closed(shared, words[i], n),
                     mtc_grammar_closed(parsed, words[i], n), "%s", words[i]);
    }
    mtc_grammar_lexicon_discard(frozen);
    mtc_grammar_lexicon_discard(parsed);
}

/* An image made from other files, cut short or misaligned is not used. */
Test(grammar, frozen_lexicon_refuses_another_image)
{
    size_t len = 0;
    const char *image = mtc_grammar_lexicon_image(&len);
    cr_assert_not_null(image);
    char *copy = aligned_alloc(64, (len + 63) / 64 * 64);
    memcpy(copy, image, len);
    mtc_grammar_lexicon *ok = mtc_grammar_lexicon_thaw(copy, len);
    cr_assert_not_null(ok, "an aligned copy of the image is fine");
    mtc_grammar_lexicon_discard(ok);
    copy[9] ^= 1; /* the fingerprint: made from other files */
    cr_assert_null(mtc_grammar_lexicon_thaw(copy, len));
    copy[9] ^= 1;
    cr_assert_null(mtc_grammar_lexicon_thaw(copy, len / 2), "cut short");
    cr_assert_null(mtc_grammar_lexicon_thaw(copy, 20), "shorter than its header");
    memmove(copy + 1, copy, 4096);
    cr_assert_null(mtc_grammar_lexicon_thaw(copy + 1, len - 1), "misaligned");
    free(copy);
}

Test(grammar, narrative_person_positive)
{
    tu_expect(NP, "China denies the request. I denied the claim that I did.", "I");
    tu_expect(NP, "The government set low growth goals. You will be wary of that.", "You");
    /* each after a sentence of third-person narrative: a sentence checked
     * alone has no voice to shift from (narrative_person_needs_...) */
    tu_expect(NP, "China has aided Africa for decades. "
                  "In 1963, my country sent its first medical team to Algeria.", "my");
    tu_expect(NP, "Xi said in his letter that you have overcome many difficulties in Africa.", "you");
    tu_expect(NP, "The teams left on Monday. "
                  "The ministry hopes the teams will not forget your original mission.", "your");
    tu_expect(NP, "The envoys met in Geneva. "
                  "This is different from the previous meetings I attended.", "I");
}

Test(grammar, narrative_person_negative)
{
    tu_expect(NP, "“That is our concern, and we do not support it,” Sullivan said.", NULL);
    tu_expect(NP, "“I will not resign,” the minister told reporters on Monday.", NULL);
    tu_expect(NP, "The talks were the first since World War I ended, historians said.", NULL);
    tu_expect(NP, "US officials said the meeting in Rome lasted seven hours.", NULL);
    tu_expect(NP, "Do you know where the money went? Investors are asking.", NULL);
    tu_expect(NP, "The minister said the talks had been useful. Both sides will meet again.", NULL);
    /* a paragraph that quotes someone carries on their voice */
    tu_expect(NP, "He said: “Our enquiries are ongoing.” I would also appeal to witnesses.", NULL);
}

Test(grammar, narrative_person_own_voice_is_not_a_shift)
{
    /* a column told in the first person */
    tu_expect(NP, "I moved to the city in 2015. My first flat had no heating.\n\n"
                  "Every winter I promised myself that I would leave. I never did.\n\n"
                  "The city has changed since then, and so have I.", NULL);
    /* a talk to its audience */
    tu_expect(NP, "Thank you for coming. I want you to imagine a city without cars.\n\n"
                  "You would hear birds in the morning. Your children could walk to school.\n\n"
                  "I have seen such a city, and I believe yours can be one.", NULL);
    /* the same share of "I" in a third-person report is a shift */
    tu_expect(NP, "The ministry published the figures on Monday. Exports rose by 5 percent.\n\n"
                  "Analysts said the rise was larger than expected. I denied the claim.\n\n"
                  "The central bank will meet next week.", "I");
}

Test(grammar, narrative_person_speech_is_exempt)
{
    /* "Name:" turns of a transcript */
    tu_expect(NP, "Reporters visited the hospital last week.\n\n"
                  "Patient He Ying: After the new policy, the doctor told me that in my case the "
                  "cost would be covered.\n\n"
                  "Doctor Liu Min: I see more patients from the villages now.", NULL);
    /* Q: and A: pairs */
    tu_expect(NP, "Q: Can I deduct my rent?\n\nA: Yes, if you rent where you work.\n\n"
                  "Q: When do I apply?\n\nA: You can apply at any time.", NULL);
    /* a label needs capitalised words: reported speech with a colon is not a turn */
    tu_expect(NP, "Officials met in Addis Ababa.\n\n"
                  "The ministry said: you have overcome many difficulties in Africa.", "you");
}

Test(grammar, narrative_person_advice_and_tips)
{
    tu_expect(NP, "If asked for a password, you should be extra cautious.", NULL);
    tu_expect(NP, "Police issued advice on Monday.\n\nSafety tips:\n\n"
                  "Do not click unknown links.\n\nInstall antivirus software on your phone.",
              NULL);
    /* a reported clause that kept the speaker's "you" is still a shift */
    tu_expect(NP, "The students wrote to Xi last year.\n\n"
                  "Xi said in his reply that you have overcome difficulties.", "you");
    tu_expect(NP, "Officials said the plan would help. You will be wary of that.", "You");
}

Test(grammar, narrative_person_needs_a_third_person_narrative)
{
    /* a sentence checked alone has no narrative voice to shift from */
    tu_expect(NP, "I went to the market and bought some fish.", NULL);
    tu_expect(NP, "You should check the figures before you publish them.", NULL);
    tu_expect(NP, "We will open the new school in May.", NULL);
    /* one third-person sentence is enough to shift from */
    tu_expect(NP, "The mayor opened the market on Monday. I bought some fish there.", "I");
}

Test(grammar, missing_subject_needs_a_narrative)
{
    /* an instruction checked alone */
    tu_expect(MS, "Close the door when you leave.", NULL);
    tu_expect(MS, "Install the update before Friday.", NULL);
    /* the same opening in a news narrative is a dropped subject */
    tu_expect(MS, "The city council met on Monday.\n\nBuild a new network of bus lanes.", "Build");
    /* a finite verb opening is never an instruction */
    tu_expect(MS, "Intends to expand the network next year.", "Intends");
}

Test(grammar, narrative_person_headline_exempt)
{
    tu_expect(NP, "Why I changed my mind about the budget\n\nThe budget passed on Monday.", NULL);
}

/* ---- grammar.dangling-word ---- */

Test(grammar, dangling_word_positive)
{
    tu_expect(DW, "Both sides discussed relations internationally and. They will meet again.", "and");
    tu_expect(DW, "The delegation visited several cities in the.", "the");
    tu_expect(DW, "Officials met to discuss the future of.", "of");
    tu_expect(DW, "The companies reported higher profits for their.", "their");
    tu_expect(DW, "The talks covered trade, technology or.", "or");
    tu_expect(DW, "The market is expected to grow between.", "between");
}

Test(grammar, dangling_word_negative)
{
    tu_expect(DW, "Both sides discussed relations and trade.", NULL);
    tu_expect(DW, "This is the country they came from.", NULL);
    tu_expect(DW, "Prices went up.", NULL);
    tu_expect(DW, "The plan was drafted by Unit A.", NULL);
    tu_expect(DW, "She said she had nothing to add to.", NULL); /* "to" may be stranded */
    tu_expect(DW, "Asked whether he would run, he said he did not know yet.", NULL);
}

/* ---- grammar.fragment ---- */

Test(grammar, fragment_positive)
{
    tu_expect(FR, "Officials met on Monday. Revised by most of the western world.", "Revised");
    tu_expect(FR, "The delegation visited the port. Two days to get more publicity.", "Two");
    tu_expect(FR, "Prices rose. A significant increase in the price of pork.", "A");
    tu_expect(FR, "The mayor spoke. Great progress in the construction of the new bridge.",
           "Great");
    tu_expect(FR, "The team arrived. Signed by the representatives of both countries.", "Signed");
}

Test(grammar, fragment_negative)
{
    tu_expect(FR, "Beijing responded.", NULL);
    tu_expect(FR, "Officials say the economy is recovering.", NULL);
    tu_expect(FR, "Key meeting\n\nThe meeting was held in Rome.", NULL);
    tu_expect(FR, "Xinhua News Agency, Beijing, February 11.", NULL);
    tu_expect(FR, "Deaths: 12.", NULL);
    tu_expect(FR, "“A historic day for our country.” The crowd cheered.", NULL);
    tu_expect(FR, "By Sam Reporter and Jane Writer.", NULL);
}

/* ---- grammar.missing-subject ---- */

Test(grammar, missing_subject_positive)
{
    tu_expect(MS, "The rules changed. Will keep it open, officials wrote on Twitter.", "Will");
    tu_expect(MS, "Washington left the door open. Impress Beijing that it will not be offered.",
           "Impress");
    tu_expect(MS, "The spokesperson said so on Sunday. Discuss “impact”.", "Discuss");
    tu_expect(MS, "The project was launched. Formulate service specifications for public places.",
           "Formulate");
    tu_expect(MS, "The conditions are not low. Intends to buy a new house in Jiangbei.", "Intends");
    tu_expect(MS, "The report was published. Is expected to rise further next year.", "Is");
}

Test(grammar, missing_subject_verb_with_object)
{
    tu_expect(MS, "Speeds have improved. Build a high-quality city-level wireless network.", "Build");
    tu_expect(MS, "The plan was approved. Support the enterprises in expanding their networks.",
           "Support");
    tu_expect(MS, "Support grew among voters in the north.", NULL);
    tu_expect(MS, "Research shows the policy worked.", NULL);
    tu_expect(MS, "Talks between the two sides resumed on Monday.", NULL);
}

Test(grammar, missing_subject_instructions_in_lists_pass)
{
    /* after a lead-in ending in ":" */
    tu_expect(MS, "Anti-fraud tips:\n\nPay more attention to security information.\n\n"
                  "Install antivirus software and update it regularly.", NULL);
    /* a lead-in in the same paragraph */
    tu_expect(MS, "Anti-fraud tips: do not click links. Install antivirus software. Check the "
                  "address of every website.", NULL);
    /* a run of brief instructions that speak to the reader */
    tu_expect(MS, "The police reminded the public of the following.\n\n"
                  "Do not log into unknown websites.\n\nInstall antivirus software on your phone.",
              NULL);
    /* bulleted and numbered items */
    tu_expect(MS, "Advice:\n\n- Drink water regularly.\n\n- Avoid going out at noon.", NULL);
    /* list lines ending in ";" are items, not headlines; in a list they pass */
    tu_expect(MS, "Households are advised to:\n\ncheck stoves before lighting them;\n\n"
                  "Keep a window open when burning coal;\n\nInstall a carbon monoxide alarm.",
              NULL);
}

Test(grammar, missing_subject_outside_lists_still_reported)
{
    /* a lone line ending in ";" is body text now, not a headline */
    tu_expect(MS, "The plan was published on Monday.\n\nDiscuss the impact on prices;\n\n"
                  "Officials said more details would follow in the spring.", "Discuss");
    /* two bare verbs in a row, no lead-in, no reader addressed: a plan's points
     * translated without their subject */
    tu_expect(MS, "The plan sets out the work for this year.\n\n"
                  "Build a high-quality city-level wireless network.\n\n"
                  "Establish specifications for public wireless services.", "Build");
    /* a modal opening is never an instruction, even in a list */
    tu_expect(MS, "Measures:\n\nWill keep the border open.", "Will");
    /* a verb in -s is not an imperative */
    tu_expect(MS, "Tips:\n\nIntends to buy a house in Jiangbei.", "Intends");
}

Test(grammar, missing_subject_negative)
{
    tu_expect(MS, "Will China help Russia? Analysts are divided.", NULL);
    tu_expect(MS, "Should the talks fail, sanctions will follow.", NULL);
    tu_expect(MS, "Had he known, he would have stayed at home.", NULL);
    tu_expect(MS, "Reeves said she had nothing to do with the selection.", NULL);
    tu_expect(MS, "Let us be clear about the consequences, the minister said.", NULL);
    tu_expect(MS, "Reports say the ceasefire is holding.", NULL);
    tu_expect(MS, "“Keep calm and carry on,” the poster said.", NULL);
}

/* ---- grammar.article-agreement ---- */

Test(grammar, article_agreement_positive)
{
    tu_expect(AA, "Chinese brands will naturally form a echelon of brands.", "a");
    tu_expect(AA, "It turned into an miserable afternoon for the club.", "an");
    tu_expect(AA, "The ministry issued a urgent warning on Monday.", "a");
    tu_expect(AA, "He was elected for a eight-year term.", "a");
    tu_expect(AA, "She is an university professor in Beijing.", "an");
    tu_expect(AA, "He spoke to an US official after the meeting.", "an");
    tu_expect(AA, "Officials waited for a hour before the talks began.", "a");
}

Test(grammar, article_agreement_negative)
{
    tu_expect(AA, "He waited for an hour and then left.", NULL);
    tu_expect(AA, "She is a university professor and an honest broker.", NULL);
    tu_expect(AA, "It was a one-time payment to a European company.", NULL);
    tu_expect(AA, "He spoke to an MP and a US official on Monday.", NULL);
    tu_expect(AA, "An 18-year-old and an 80-year-old were rescued.", NULL);
    tu_expect(AA, "The ruling affects Plan A and Section B of the law.", NULL);
    tu_expect(AA, "It was an historic day, and a historic vote.", NULL);
}

/* ---- grammar.lowercase-start ---- */

Test(grammar, lowercase_start_positive)
{
    tu_expect(LS, "The talks ended.\n\nthe ministers left Rome on Tuesday.", "the");
    tu_expect(LS, "Prices rose sharply last year.\n\nofficials said the trend would continue.",
           "officials");
    tu_expect(LS, "The plan was approved on Friday!\n\nanalysts were surprised by the decision.",
           "analysts");
    tu_expect(LS, "It rained all week.\n\nwho are deluded, doubters.", "who");
    tu_expect(LS, "Trade fell in March.\n\nbeijing responded with new tariffs.", "beijing");
}

Test(grammar, lowercase_start_negative)
{
    tu_expect(LS, "The talks ended... and then the ministers left.", NULL);
    tu_expect(LS, "The new iPhone went on sale on Friday.\n\niPhone sales rose 5%.", NULL);
    tu_expect(LS, "Sales rose.\n\neBay said its profits doubled.", NULL);
    tu_expect(LS, "“We will win,” he said. “and we will do it soon.”", NULL);
    tu_expect(LS, "The ministers left Rome on Tuesday.", NULL);
    tu_expect(LS, "Markets were calm.\n\ne-commerce sales rose in March.", NULL);
}

Test(grammar, lowercase_start_off_by_default)
{
    tu_run *r = tu_check("The talks ended.\n\nthe ministers left Rome on Tuesday.", NULL);
    cr_expect_eq(tu_count(r, LS), 0);
    tu_free(r);
}

Test(grammar, lowercase_start_after_closing_quote)
{
    tu_expect(LS, "“The talks are over.”\n\nthe ministers left Rome on Tuesday.", "the");
    tu_expect(LS, "He said it was “over…” and left the room.", NULL);
}

Test(grammar, default_rules_report_with_exact_spans)
{
    tu_run *r = tu_check("The ministry did not comment. You will be wary of that.", NULL);
    const mtc_issue *is = tu_find(r, NP, 0);
    cr_assert_not_null(is);
    char *span = tu_issue_text(r, is);
    cr_expect_str_eq(span, "You");
    free(span);
    cr_expect_eq(is->severity, MTC_SEV_MAJOR);
    cr_expect_str_eq(is->category, "grammar");
    tu_free(r);
}

Test(grammar, article_agreement_suggests_the_other_article)
{
    tu_run *r = tu_check("The ministry issued a urgent warning on Monday.", AA);
    const mtc_issue *is = tu_find(r, AA, 0);
    cr_assert_not_null(is);
    cr_assert_eq(is->n_suggestions, 1);
    cr_expect_str_eq(is->suggestions[0], "an");
    tu_free(r);
}

/* ---- the sample article (issue 5 acceptance) ---- */

static char *read_fixture(const char *rel)
{
    char path[4096];
    tu_root_path(rel, path, sizeof path);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* 1 if an issue of the grammar analyzer starts inside the first occurrence
 * of `needle` in the article. */
static int flagged_in(const tu_run *r, const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    cr_assert_not_null(p, "not in the sample: %s", needle);
    size_t a = (size_t)(p - text), b = a + strlen(needle);
    for (size_t i = 0; i < r->res->n_issues; i++) {
        const mtc_issue *is = &r->res->issues[i];
        if (strncmp(is->rule, "grammar.", 8) == 0 && is->start >= a && is->start < b)
            return 1;
    }
    return 0;
}

Test(grammar, sample_article_acceptance)
{
    char *text = read_fixture("tests/fixtures/seed-article.txt");
    tu_run *r = tu_check(text, "grammar");
    /* reported */
    cr_expect(tu_has(r, NP, "I"), "first-person narrative");
    cr_expect(flagged_in(r, text, "I denied the claim that I did."));
    cr_expect(flagged_in(r, text, "You will be wary of that."));
    cr_expect(tu_has(r, NP, "You"));
    cr_expect(flagged_in(r, text, "internationally and."));
    cr_expect(tu_has(r, DW, "and"));
    cr_expect(flagged_in(r, text, "Discuss"));
    cr_expect(flagged_in(r, text, "Impress Beijing"));
    /* not reported */
    cr_expect(!flagged_in(r, text, "“That is our concern, and we have informed Beijing that we do not "
                                   "support or allow any country to compensate for Russia’s loss due "
                                   "to economic sanctions,” Sullivan said."));
    cr_expect(!flagged_in(r, text, "“China’s position on the Ukrainian issue is consistent and we have "
                                   "played a constructive role"));
    cr_expect(!flagged_in(r, text, "Instead of making the situation worse, we will push for a "
                                   "diplomatic solution."));
    cr_expect(!flagged_in(r, text, "“Continuous efforts to manage competition between the two "
                                   "countries” and “Russia’s war with Ukraine gives regional and "
                                   "global security,”"));
    cr_expect(!flagged_in(r, text, "Key meeting"));
    cr_expect(!flagged_in(r, text, "CNN’s Sam Fossum, Kaitlan Collins, Jim Sciutto, and Kylie Atwood "
                                   "contributed to this report."));
    cr_expect(!flagged_in(r, text, "This story has been updated with additional development."));
    cr_expect(!flagged_in(r, text, "We will exchange views on regional issues."));
    if (tu_count(r, NULL) > 10)
        tu_dump(r);
    cr_expect_leq(tu_count(r, NULL), 10, "the grammar analyzer should not flood the sample");
    tu_free(r);
    free(text);
}

/* ---- the held-out first-person set (tests/heldout/first-person/) ---- */

/* Calls fn on every .txt file of tests/heldout/first-person/SUB, in name order. */
static size_t each_heldout(const char *sub, void (*fn)(const char *rel, const char *name))
{
    char dir[4096], rel[512];
    snprintf(rel, sizeof rel, "tests/heldout/first-person/%s", sub);
    tu_root_path(rel, dir, sizeof dir);
    struct dirent **names = NULL;
    int n = scandir(dir, &names, NULL, alphasort);
    cr_assert_geq(n, 0, "cannot read %s", dir);
    size_t done = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(names[i]->d_name);
        if (len > 4 && strcmp(names[i]->d_name + len - 4, ".txt") == 0) {
            char file[600];
            snprintf(file, sizeof file, "%s/%s", rel, names[i]->d_name);
            fn(file, names[i]->d_name);
            done++;
        }
        free(names[i]);
    }
    free(names);
    return done;
}

static void expect_quiet(const char *rel, const char *name)
{
    (void)name;
    char *text = read_fixture(rel);
    tu_run *r = tu_check(text, "grammar.narrative-person,grammar.missing-subject,grammar.fragment");
    cr_expect_eq(tu_count(r, NP), 0, "%s: narrative-person should stay quiet", rel);
    cr_expect_eq(tu_count(r, MS), 0, "%s: missing-subject should stay quiet", rel);
    cr_expect_eq(tu_count(r, FR), 0, "%s: fragment should stay quiet", rel);
    if (tu_count(r, NULL))
        tu_dump(r);
    tu_free(r);
    free(text);
}

/* The shift articles: NAME.expected lists the pronouns narrative-person
 * must report, one a line, in text order (and nothing else). */
static void expect_shift(const char *rel, const char *name)
{
    (void)name;
    char *text = read_fixture(rel);
    char exp_rel[600];
    snprintf(exp_rel, sizeof exp_rel, "%.*s.expected", (int)(strlen(rel) - 4), rel);
    char *expected = read_fixture(exp_rel);
    tu_run *r = tu_check(text, "grammar.narrative-person");
    size_t k = 0;
    for (char *line = strtok(expected, "\n"); line; line = strtok(NULL, "\n"), k++) {
        const mtc_issue *is = tu_find(r, NP, k);
        cr_expect_not_null(is, "%s: finding %zu ('%s') missing", rel, k + 1, line);
        if (!is)
            continue;
        char *got = tu_issue_text(r, is);
        cr_expect_str_eq(got, line, "%s: finding %zu", rel, k + 1);
        free(got);
    }
    cr_expect_eq(tu_count(r, NP), k, "%s: %zu findings expected", rel, k);
    if (tu_count(r, NP) != k)
        tu_dump(r);
    tu_free(r);
    free(expected);
    free(text);
}

Test(grammar, heldout_first_person_articles_stay_quiet)
{
    cr_expect_geq(each_heldout("quiet", expect_quiet), 10);
}

Test(grammar, heldout_person_shifts_are_found)
{
    cr_expect_geq(each_heldout("shift", expect_shift), 3);
}
