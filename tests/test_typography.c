/* test_typography.c — the typography analyzer: doubled punctuation, space
 * before punctuation, doubled words; positive and negative cases. */
#include <criterion/criterion.h>
#include <string.h>

#include "testutil.h"

#define DP "typography.doubled-punctuation"
#define SP "typography.space-before-punctuation"
#define DW "typography.doubled-word"

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
