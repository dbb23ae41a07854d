/* test_typography.c — the typography analyzer: doubled punctuation, space
 * before punctuation, doubled words; positive and negative cases. */
#include <criterion/criterion.h>
#include <string.h>

#include "testutil.h"

static void expect(const char *rule, const char *text, const char *span)
{
    tu_run *r = tu_check(text, rule);
    if (span) {
        if (!tu_has(r, rule, span))
            tu_dump(r);
        cr_expect(tu_has(r, rule, span), "%s: expected '%s' in: %s", rule, span, text);
    } else {
        if (tu_count(r, rule) != 0)
            tu_dump(r);
        cr_expect_eq(tu_count(r, rule), 0, "%s: expected nothing in: %s", rule, text);
    }
    tu_free(r);
}

#define DP "typography.doubled-punctuation"
#define SP "typography.space-before-punctuation"
#define DW "typography.doubled-word"

Test(typography, doubled_punctuation_positive)
{
    expect(DP, "Such a choice would be a decisive moment for China and the 21st century. ..", ". ..");
    expect(DP, "The talks ended on Monday,, officials said.", ",,");
    expect(DP, "The ministry did not comment..", "..");
    expect(DP, "Why would Beijing agree?? Analysts are divided.", "??");
    expect(DP, "The deal was signed in Rome, , and in Paris.", ", ,");
    expect(DP, "The talks were held in Rome,. Officials said nothing.", ",.");
}

Test(typography, doubled_punctuation_negative)
{
    expect(DP, "The talks ended... and then the ministers left.", NULL);
    expect(DP, "Officials in the U.S. said the talks were over.", NULL);
    expect(DP, "He said he was leaving…", NULL);
    expect(DP, "The output was far less than that..about 1000MW, he said.", NULL);
    expect(DP, "Prices rose 3.5% in March, the bureau said.", NULL);
    expect(DP, "“Why?” he asked. “Why not?”", NULL);
}

Test(typography, space_before_punctuation_positive)
{
    expect(SP, "The meeting lasted seven hours , officials said.", " ,");
    expect(SP, "Beijing responded .", " .");
    expect(SP, "There were three issues : trade, technology and rights.", " :");
    expect(SP, "Will China help Russia ?", " ?");
    expect(SP, "The talks failed ; both sides blamed the other.", " ;");
}

Test(typography, space_before_punctuation_negative)
{
    expect(SP, "The meeting lasted seven hours, officials said.", NULL);
    expect(SP, "The rate fell to .5 percent last year.", NULL);
    expect(SP, "He paused ... and then continued.", NULL);
    expect(SP, "Will China help Russia? Nobody knows.", NULL);
    expect(SP, "There were three issues: trade, technology and rights.", NULL);
}

Test(typography, doubled_word_positive)
{
    expect(DW, "The the meeting was held in Rome.", "The the");
    expect(DW, "Officials said that the the talks were constructive.", "the the");
    expect(DW, "China will will remain a neutral party, it said.", "will will");
    expect(DW, "The summit in in Zurich was short.", "in in");
    expect(DW, "They will discuss trade and and technology.", "and and");
}

Test(typography, doubled_word_negative)
{
    expect(DW, "He had had enough of the talks.", NULL);
    expect(DW, "She said that that was not the case.", NULL);
    expect(DW, "The \"zoom zoom\" kid was back on television.", NULL);
    expect(DW, "The meeting was held in Rome. Rome was chosen by both sides.", NULL);
    expect(DW, "They met, met again, and parted.", NULL);
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
