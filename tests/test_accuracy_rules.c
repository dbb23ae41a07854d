/* test_accuracy_rules.c — rules added from the benchmark study of what
 * machine translation breaks (issues 3–5 follow-up): grammar.run-together,
 * two sentences joined without a full stop. Positive and negative cases
 * from news-like sentences, each checked with only that rule on. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define RT "grammar.run-together"

typedef struct rt_case {
    const char *text;
    const char *span; /* NULL: no issue */
} rt_case;

Test(run_together, flags_a_sentence_start_inside_a_sentence)
{
    static const rt_case cases[] = {
        {"Buyers compared the price with the other housing stock The discount is greater than "
         "before.",
         "The"},
        {"In the Chinese suit market of the 1990s, the brand The market share was once as high "
         "as 37%.",
         "The"},
        {"Some 22% think that domestic economic activities It will speed up the recovery.", "It"},
        {"She also appeared at the anniversary dinner the next night At the parade, she stood "
         "beside her father.",
         "At"},
        {"The developer will refund the difference to every buyer This is the first such offer "
         "in ten years.",
         "This"},
        {"Rescue teams searched the collapsed buildings through the night They found two "
         "survivors on Monday.",
         "They"},
        {"The ministry released the figures on Friday morning According to the report, exports "
         "fell.",
         NULL}, /* "According" is no function word: not this rule's business */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        tu_expect(RT, cases[i].text, cases[i].span);
}

Test(run_together, leaves_titles_names_and_letters_alone)
{
    static const char *const texts[] = {
        /* a title after a preposition, or followed by a capitalised word */
        "The delegation visited the art space of The Venetian Macau on Friday.",
        "She wrote for The Guardian before joining the BBC in 2015.",
        "The company, which owns The Times, said profits fell.",
        /* months and names that are also modal verbs */
        "Prices have risen since early May amid strong demand for housing.",
        "The actor Will Smith said on Tuesday that he regretted the incident.",
        /* single letters and I-contractions are always capitals */
        "The engineers chose option A because it was cheaper.",
        "The results of Plan A were published in March.",
        "He said he knew I'm not going anywhere, the coach told reporters.",
        /* acronyms and sentence starts */
        "Imports from the US rose by 8% last year.",
        "The minister arrived in Beijing. The talks began an hour later.",
        /* a quotation opening mid-sentence */
        "The minister said \"The talks were useful\" after the meeting.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        tu_expect(RT, texts[i], NULL);
}

Test(run_together, reports_one_word_with_a_message)
{
    tu_run *r = tu_check("Officials inspected the damaged bridge all morning They said repairs "
                         "would take a month.",
                         RT);
    cr_assert_eq(tu_count(r, RT), 1);
    const mtc_issue *is = tu_find(r, RT, 0);
    cr_assert_not_null(is);
    char *txt = tu_issue_text(r, is);
    cr_expect_str_eq(txt, "They");
    free(txt);
    tu_free(r);
}

Test(run_together, is_on_by_default)
{
    tu_run *r = tu_check("The buyers waited for the developer The developer may exchange the "
                         "property.",
                         NULL);
    cr_expect_eq(tu_count(r, RT), 1);
    tu_free(r);
}

/* ---- grammar.narrative-person: the generic "you" of a condition ---- */

#define NP "grammar.narrative-person"

Test(narrative_person, generic_you_after_a_condition_is_not_reported)
{
    static const char *const texts[] = {
        "Roughly 177,000 residents immigrated to Norway. When you include those born in Oslo "
        "to foreign parents, the proportion rises.",
        "The fares are cheaper if you book a week ahead, the airline said on Monday.",
        "Unless you live near the border, the new rules change little, officials said.",
        "The forms are simple once you find them on the ministry's website.",
        "Whenever you drive through the town, the new bridge is visible from the road.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        tu_expect(NP, texts[i], NULL);
}

Test(narrative_person, narrative_you_is_still_reported)
{
    static const rt_case cases[] = {
        {"In his reply, the president said that you have overcome difficulties in work and "
         "life.",
         "you"},
        {"The police reminded the public that you should not click on unknown links.", "you"},
        {"The ministry praised the medical team and said your work is highly appreciated.", "your"},
        {"Officials said you will be able to apply online from March.", "you"},
        {"The company said that if customers call, you must verify their identity first.", "you"},
    };
    /* each in a narrative told in the third person (a sentence checked
     * alone has no voice to shift from) */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text, "The announcement came on Monday. %s", cases[i].text);
        tu_expect(NP, text, cases[i].span);
    }
}
