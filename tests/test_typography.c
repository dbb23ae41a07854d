/* test_typography.c — the typography analyzer: doubled punctuation, space
 * before punctuation, doubled words and phrases; positive and negative
 * cases. */
#include <criterion/criterion.h>
#include <string.h>

#include "testutil.h"

#define DP "typography.doubled-punctuation"
#define SP "typography.space-before-punctuation"
#define DW "typography.doubled-word"
#define DPH "typography.doubled-phrase"

Test(typography, doubled_punctuation_positive)
{
    tu_expect(DP, "Such a choice would be a decisive moment for China and the 21st century. ..", ". ..");
    tu_expect(DP, "The talks ended on Monday,, officials said.", ",,");
    tu_expect(DP, "The ministry did not comment..", "..");
    tu_expect(DP, "Why would Beijing agree?? Analysts are divided.", "??");
    tu_expect(DP, "The deal was signed in Rome, , and in Paris.", ", ,");
    tu_expect(DP, "The talks were held in Rome,. Officials said nothing.", ",.");
}

Test(typography, doubled_punctuation_negative)
{
    tu_expect(DP, "The talks ended... and then the ministers left.", NULL);
    tu_expect(DP, "Officials in the U.S. said the talks were over.", NULL);
    tu_expect(DP, "He said he was leaving…", NULL);
    tu_expect(DP, "The output was far less than that..about 1000MW, he said.", NULL);
    tu_expect(DP, "Prices rose 3.5% in March, the bureau said.", NULL);
    tu_expect(DP, "“Why?” he asked. “Why not?”", NULL);
}

Test(typography, space_before_punctuation_positive)
{
    tu_expect(SP, "The meeting lasted seven hours , officials said.", " ,");
    tu_expect(SP, "Beijing responded .", " .");
    tu_expect(SP, "There were three issues : trade, technology and rights.", " :");
    tu_expect(SP, "Will China help Russia ?", " ?");
    tu_expect(SP, "The talks failed ; both sides blamed the other.", " ;");
}

Test(typography, space_before_punctuation_negative)
{
    tu_expect(SP, "The meeting lasted seven hours, officials said.", NULL);
    tu_expect(SP, "The rate fell to .5 percent last year.", NULL);
    tu_expect(SP, "He paused ... and then continued.", NULL);
    tu_expect(SP, "Will China help Russia? Nobody knows.", NULL);
    tu_expect(SP, "There were three issues: trade, technology and rights.", NULL);
}

Test(typography, doubled_word_positive)
{
    tu_expect(DW, "The the meeting was held in Rome.", "The the");
    tu_expect(DW, "Officials said that the the talks were constructive.", "the the");
    tu_expect(DW, "China will will remain a neutral party, it said.", "will will");
    tu_expect(DW, "The summit in in Zurich was short.", "in in");
    tu_expect(DW, "They will discuss trade and and technology.", "and and");
}

Test(typography, doubled_word_negative)
{
    tu_expect(DW, "He had had enough of the talks.", NULL);
    tu_expect(DW, "She said that that was not the case.", NULL);
    tu_expect(DW, "The \"zoom zoom\" kid was back on television.", NULL);
    tu_expect(DW, "The meeting was held in Rome. Rome was chosen by both sides.", NULL);
    tu_expect(DW, "They met, met again, and parted.", NULL);
}

/* Doublings decided from the words around them. */
Test(typography, doubled_word_context)
{
    /* "is is": only after a free relative ("what it is is") */
    tu_expect(DW, "The problem is is that nobody read the report.", "is is");
    tu_expect(DW, "What it is is a change of course.", NULL);
    tu_expect(DW, "All the plan was was a promise.", NULL);
    /* "that that": fine as conjunction + pronoun or determiner, a slip
     * before a subject or a determiner */
    tu_expect(DW, "Critics said that that this administration had failed.", "that that");
    tu_expect(DW, "He said that that the talks had failed.", "that that");
    tu_expect(DW, "She knew that that he would resign.", "that that");
    tu_expect(DW, "He argued that that decision was wrong.", NULL);
    tu_expect(DW, "Officials agreed that that was a mistake.", NULL);
    /* "had had": fine before an object, a slip before a participle */
    tu_expect(DW, "The firm had had talks with the bank.", NULL);
    tu_expect(DW, "If they had had more time, they would have won.", NULL);
    tu_expect(DW, "The firm had had been sold before the deadline.", "had had");
    tu_expect(DW, "The firm had had signed the contract.", "had had");
}

Test(typography, doubled_word_emphasis_names_interjections)
{
    tu_expect(DW, "She missed her home so so much.", NULL);
    tu_expect(DW, "The village lay far far away from the coast.", NULL);
    tu_expect(DW, "It was a very very good year.", NULL);
    tu_expect(DW, "Long long ago the town was a port.", NULL);
    tu_expect(DW, "He really really wanted to stay.", NULL);
    tu_expect(DW, "The wine comes from Walla Walla in Washington.", NULL);
    tu_expect(DW, "Tourists flew to Bora Bora for the weekend.", NULL);
    tu_expect(DW, "\"Bye bye,\" she said, and the crowd laughed ha ha.", NULL);
    /* not emphasis: a focus adverb before a verb, an adjective before a noun,
     * a capitalised dictionary word */
    tu_expect(DW, "The ministry also also announced new subsidies.", "also also");
    tu_expect(DW, "The new new rules take effect in March.", "new new");
    tu_expect(DW, "The tour ended at the Samba Bar Bar on the harbour.", "Bar Bar");
}

Test(typography, doubled_word_line_breaks)
{
    tu_expect(DW, "Officials said that the\nthe meeting lasted three hours.", "the\nthe");
    tu_expect(DW, "The talks were held in\r\nin Zurich on Monday.", "in\r\nin");
    tu_expect(DW, "The summit in\nin Zurich was short.", "in\nin");
    /* a heading line above a body line starting with the same word */
    tu_expect(DW, "Samba Bar\nBar owners said the rules would hurt them.", NULL);
}

/* Three copies or more are artifacts.repetition's loops. */
Test(typography, doubled_word_leaves_loops_to_artifacts)
{
    tu_expect(DW, "Officials said the the the talks had ended.", NULL);
    tu_expect(DPH, "The result of the talks of the talks of the talks was not announced.", NULL);
}

/* Expects exactly one issue of rule, on the last occurrence of span. */
static void expect_last(const char *rule, const char *text, const char *span)
{
    tu_run *r = tu_check(text, rule);
    const char *last = NULL;
    for (const char *p = strstr(text, span); p; p = strstr(p + 1, span))
        last = p;
    cr_assert_not_null(last);
    size_t start = (size_t)(last - text);
    const mtc_issue *is = tu_find(r, rule, 0);
    if (!is || tu_count(r, rule) != 1)
        tu_dump(r);
    cr_assert_not_null(is, "%s: expected an issue in: %s", rule, text);
    cr_expect_eq(tu_count(r, rule), 1);
    cr_expect_eq(is->start, start, "%s: issue starts at %zu, expected %zu", rule, is->start, start);
    cr_expect_eq(is->end, start + strlen(span));
    cr_expect_eq(is->severity, MTC_SEV_MAJOR);
    tu_free(r);
}

Test(typography, doubled_phrase_positive)
{
    expect_last(DPH, "The talks went on from the from the morning until late.", "from the");
    expect_last(DPH, "Delegates sat at the at the long table.", "at the");
    expect_last(DPH, "He sat in the middle of the table in the middle of the table, but also on "
                     "the stage.",
                "in the middle of the table");
    expect_last(DPH, "The delegation visited the Samba Bar, the Samba Bar, and the old town.",
                "the Samba Bar");
    expect_last(DPH, "If the buyer fails to pay, the developer The developer may exchange it.",
                "The developer");
    expect_last(DPH, "It was published by the ministry of the\nof the interior.", "of the");
    expect_last(DPH, "He is one of one of the leaders.", "one of");
    expect_last(DPH, "He said it to be to be honest.", "to be");
}

Test(typography, doubled_phrase_negative)
{
    /* chains, idioms and coordination */
    tu_expect(DPH, "More and more and more buyers came back.", NULL);
    tu_expect(DPH, "Prices rose day by day by day.", NULL);
    tu_expect(DPH, "It happened over and over and over again, on and on and on.", NULL);
    tu_expect(DPH, "The lists are updated from time to time to reflect new rules.", NULL);
    tu_expect(DPH, "They benefit the people with benevolence and benevolence and tell the story.",
           NULL);
    /* a short phrase after a comma, speech, a gloss, different punctuation inside */
    tu_expect(DPH, "Well done, well done, the coach said.", NULL);
    tu_expect(DPH, "\"Do not worry, do not worry,\" he told the buyers.", NULL);
    tu_expect(DPH, "The number of industrial parks (industrial parks) will exceed 100.", NULL);
    tu_expect(DPH, "They benefit people with benevolence and benevolence, and tell the story.",
           NULL);
    /* numbers, a sentence break, a heading line */
    tu_expect(DPH, "The scores were 10 10 10 9 in the final.", NULL);
    tu_expect(DPH, "It will happen at the same time. At the same time, prices rose.", NULL);
    tu_expect(DPH, "China Daily\nChina Daily reported the figures on Monday.", NULL);
}

Test(typography, doubled_word_suggests_single)
{
    tu_run *r = tu_check("The summit in in Zurich was short.", DW);
    const mtc_issue *is = tu_find(r, DW, 0);
    cr_assert_not_null(is);
    cr_assert_eq(is->n_suggestions, 1);
    cr_assert_str_eq(is->suggestions[0], "in");
    cr_assert_eq(is->severity, MTC_SEV_MAJOR);
    tu_free(r);
}

Test(typography, severity_override_and_disable)
{
    mtc_config *cfg = mtc_config_new();
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, "typography", 1);
    mtc_config_set_rule(cfg, DW, 0);
    mtc_config_set_severity(cfg, DP, MTC_SEV_CRITICAL);
    tu_run *r = tu_check_cfg("The the talks ended,, officials said.", cfg);
    cr_assert_eq(tu_count(r, DW), 0);
    const mtc_issue *is = tu_find(r, DP, 0);
    cr_assert_not_null(is);
    cr_assert_eq(is->severity, MTC_SEV_CRITICAL);
    tu_free(r);
}

#define NF "typography.number-format"

Test(typography, number_format_positive)
{
    /* five digits or more counting something: always grouped in English news */
    tu_expect(NF, "Some 25000 people joined the march on Sunday.", "25000");
    tu_expect(NF, "The fund paid out $120000 last year.", "120000");
    tu_expect(NF, "Around 1500000 tonnes of grain were shipped.", "1500000");
    /* four digits where the article groups thousands elsewhere */
    tu_expect(NF, "The longest product has 1,095 days. The others run 360 days, 720 days and 1080 days.",
              "1080");
    tu_expect(NF, "About 2,300 workers were hired in March and 4500 workers in April.", "4500");
}

Test(typography, number_format_suggests_grouping)
{
    tu_run *r = tu_check("Officials said 1234567 households lost power.", NF);
    const mtc_issue *is = tu_find(r, NF, 0);
    cr_assert_not_null(is);
    cr_assert_eq(is->n_suggestions, 1);
    cr_assert_str_eq(is->suggestions[0], "1,234,567");
    cr_assert_eq(is->severity, MTC_SEV_MINOR);
    tu_free(r);
}

Test(typography, number_format_negative)
{
    /* four digits in an article that never groups thousands: its house style */
    tu_expect(NF, "The plant can generate 2400 megawatts, up from 2100 megawatts.", NULL);
    tu_expect(NF, "The four terms are 360 days, 720 days and 1080 days.", NULL);
    /* years, even where the article groups thousands */
    tu_expect(NF, "In 2022, 1,500 students returned. The 2022 graduates found jobs.", NULL);
    /* codes, ids, phone numbers, decimals, labels: nothing counted */
    tu_expect(NF, "The company (600884.SH) went public in 1996.", NULL);
    tu_expect(NF, "Call 95588 for help, the bank said.", NULL);
    tu_expect(NF, "Order No. 12345 covers the rest.", NULL);
    tu_expect(NF, "The constant is 3.14159 and the ratio 1,000 to 1.", NULL);
    tu_expect(NF, "Flight 10023 passengers were told to wait.", NULL);
    tu_expect(NF, "The lines offer 1000Mbps and 25,000 homes are connected.", NULL);
    tu_expect(NF, "Some 25,000 people joined the march; 12,000 stayed.", NULL);
    tu_expect(NF, "The code 12345 Main St was printed on the box.", NULL);
}

/* equatives and modal homographs are no doubling */
Test(typography, doubled_equatives_and_homographs)
{
    tu_expect(DPH, "Bond yields are already as low as low can be.", NULL);
    tu_expect(DPH, "He needed a bell as big as Big Ben.", NULL);
    tu_expect(DPH, "It is very far as far as I know.", NULL);
    tu_expect(DW, "The can can hold the water.", NULL);
    tu_expect(DW, "Will will notice this, his sister said.", NULL);
    tu_expect(DW, "That is Will Will, the new player.", "Will Will");
    tu_expect(DW, "He will will go there.", "will will");
    tu_expect(DW, "This is is a test.", "is is");
    tu_expect(DPH, "They came from the from the north.", "from the");
}

/* "as" is a function word: doubled, it is a slip, not emphasis ("so so") */
Test(typography, doubled_as)
{
    tu_expect(DW, "He is as as hard as nails.", "as as");
    tu_expect(DW, "She was as good as her word.", NULL);
}

#define DH "typography.double-hyphen"

Test(typography, double_hyphen)
{
    tu_expect(DH, "BEIJING, Feb. 11 (Xinhua) -- According to the report, prices rose.", "--");
    tu_expect(DH, "It is a systematic project--four theses explain it.", "--");
    tu_run *r = tu_check("It was -- he said -- over.", DH);
    cr_assert_eq(tu_count(r, DH), 2);
    cr_assert_str_eq(tu_find(r, DH, 0)->suggestions[0], "\xE2\x80\x94");
    tu_free(r);
    /* options, ranges, rules, symbol strings, a real dash */
    tu_expect(DH, "Run the tool with --help to see the options.", NULL);
    tu_expect(DH, "Use the '--recursive' option for folders.", NULL);
    tu_expect(DH, "Pages 5--10 were read aloud.", NULL);
    tu_expect(DH, "The file had mode 745 (rwxr--r-x) before.", NULL);
    tu_expect(DH, "It was \xE2\x80\x94 he said \xE2\x80\x94 over.", NULL);
}

/* a verb after "to" and its noun homograph modifying the next noun */
Test(typography, doubled_verb_and_noun_modifier)
{
    tu_expect(DW, "To record record profits, the firm cut costs.", NULL);
    tu_expect(DW, "They want to address address problems quickly.", NULL);
    tu_expect(DW, "They want to promote promote the plan.", "promote promote");
    tu_expect(DW, "They want to to go home.", "to to");
}
