/* test_artifacts.c — the artifacts analyzer: foreign script, untranslated
 * sentences, translation loops and repeated sentences, page furniture and
 * page metadata; positive and negative cases, and the sample article. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define FS "artifacts.foreign-script"
#define UT "artifacts.untranslated"
#define RP "artifacts.repetition"
#define PC "artifacts.page-chrome"
#define PM "artifacts.page-metadata"

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
    tu_free(r);
}

/* ------------------------------------------------------ foreign-script */

Test(artifacts, foreign_script_positive)
{
    tu_expect(FS, "The ministry said the 经济 reforms would continue next year, officials said.",
           "经济");
    tu_expect(FS,
           "Sugo founder Zheng Yonggang passed away after a sudden heart attack - 经济观察网 - "
           "专业财经新闻网站",
           "经济观察网 - 专业财经新闻网站");
    tu_expect(FS, "The statement, signed by Путин himself, was published by the Kremlin on Friday.",
           "Путин");
    tu_expect(FS, "Protesters carried banners reading الحرية through the centre of the capital.",
           "الحرية");
    tu_expect(FS, "The restaurant, which sells ラーメン to office workers, reopened in March.",
           "ラーメン");
    tu_expect(FS, "The temple, known locally as วัดพระแก้ว, reopened to tourists on Monday morning.",
           "วัดพระแก้ว");
    tu_expect(FS, "The minister, quoted as saying रुपया would recover, spoke in Delhi on Monday.",
           "रुपया");
    tu_expect(FS, "The chairman of the party, whose name was given as Ελλάδα, spoke in Athens.",
           "Ελλάδα");
}

Test(artifacts, foreign_script_cjk_punctuation)
{
    /* full-width punctuation alone is reported, as minor */
    tu_run *r =
        tu_check("The delegation visited Macau，and then returned to Beijing on Friday.", FS);
    cr_assert(tu_has(r, FS, "，"));
    cr_expect_eq(tu_find(r, FS, 0)->severity, MTC_SEV_MINOR);
    tu_free(r);
    /* and travels with the letters it follows */
    tu_expect(FS,
           "The official newspaper printed the headline 我们认为。 next to a photograph of the "
           "leaders shaking hands in the capital.",
           "我们认为。");
    tu_expect(FS, "2023-02-11 13:09:10 Font:【Large Medium Small】", "【");
}

/* Chinese marks that are not wide: the name separator between Latin words
 * and the doubled dash, each reported on the mark with its English
 * replacement, as minor. */
Test(artifacts, foreign_script_chinese_marks_positive)
{
    tu_expect(FS, "The new product is Postal Savings Bank Wealth Tianyi·Hongjin, the bank said.",
              "·");
    tu_expect(FS, "The agency launched its Tianyi‧Hongjin product on Friday.", "‧");
    tu_expect(FS, "Promoting modernization is a systematic project——Four Discussions on the speech.",
              "——");
    tu_expect(FS, "The plan——drawn up in 2021——was approved.", "——");
    tu_expect(FS, "The series on the reform――Four Discussions――was published.", "――");
    tu_run *r = tu_check("The bank sold Tianyi·Hongjin and the project——Four was set.", FS);
    cr_expect_eq(tu_count(r, FS), 2);
    const mtc_issue *dot = tu_find(r, FS, 0), *dash = tu_find(r, FS, 1);
    cr_assert_not_null(dot);
    cr_assert_not_null(dash);
    cr_expect_eq(dot->severity, MTC_SEV_MINOR);
    cr_expect_eq(dash->severity, MTC_SEV_MINOR);
    cr_assert_geq(dot->n_suggestions, 1);
    cr_expect_str_eq(dot->suggestions[0], " ");
    cr_assert_geq(dash->n_suggestions, 1);
    cr_expect_str_eq(dash->suggestions[0], "—");
    tu_free(r);
}

Test(artifacts, foreign_script_chinese_marks_negative)
{
    /* Catalan l·l, dictionary syllables, a spaced separator, a quoted title */
    tu_expect(FS, "She studied at the Col·legi d'Arquitectes in Barcelona, near the Paral·lel.",
              NULL);
    tu_expect(FS, "The dictionary splits it as hy‧phen‧a‧tion for printers.", NULL);
    tu_expect(FS, "News · Sport · Weather · Travel", NULL);
    tu_expect(FS, "He visited the “Time Travel‧Tour” exhibition and the ‘Tianyi·Hongjin’ stand.",
              NULL);
    /* the English two-em dash of an omission, and single em dashes */
    tu_expect(FS, "Mr. B—— of Paris wrote that it was D——d cold, and the —— of them left.", NULL);
    tu_expect(FS, "Prices rose 5%—the sharpest rise since 2008—the bureau said.", NULL);
}

Test(artifacts, foreign_script_negative)
{
    tu_expect(FS, "Officials met in São Paulo and Zürich before flying on to Türkiye.", NULL);
    tu_expect(FS, "The drug targets α-synuclein and β-amyloid in the brain, researchers said.", NULL);
    tu_expect(FS, "The particles measured 2.5 μm across, and the current was 3 µA.", NULL);
    tu_expect(FS, "Prices rose 5% — the sharpest rise since 2008 — the bureau said.", NULL);
    tu_expect(FS, "The naïve café owner’s résumé was published in Kraków.", NULL);
    tu_expect(FS, "The post, which ended with 😀, was deleted within an hour.", NULL);
    tu_expect(FS, "Vietnamese Prime Minister Phạm Minh Chính arrived in Hanoi on Sunday.", NULL);
    tu_expect(FS, "The Δ variant spread faster than the value of π would suggest.", NULL);
    tu_expect(FS, "“We will continue,” he said, quoting the ‘Time Travel‧Tour’ exhibition.", NULL);
}

/* -------------------------------------------------------- untranslated */

Test(artifacts, untranslated_positive)
{
    tu_expect(UT, "中国外交部发言人表示，双方进行了坦诚的沟通。",
           "中国外交部发言人表示，双方进行了坦诚的沟通。");
    tu_expect(UT, "Москва не прокомментировала эти сообщения.",
           "Москва не прокомментировала эти сообщения.");
    tu_expect(UT, "The spokesman said: 我们坚决反对任何形式的干涉。",
           "The spokesman said: 我们坚决反对任何形式的干涉。");
    tu_expect(UT, "قال المتحدث إن المحادثات ستستمر.", "قال المتحدث إن المحادثات ستستمر.");
    tu_expect(UT, "政府は新しい政策を発表した。", "政府は新しい政策を発表した。");
    /* untranslated wins: no second issue on the same text */
    tu_run *r = tu_check("Москва не прокомментировала эти сообщения.", "artifacts");
    cr_expect_eq(tu_count(r, FS), 0);
    cr_expect_eq(tu_find(r, UT, 0)->severity, MTC_SEV_CRITICAL);
    tu_free(r);
}

Test(artifacts, untranslated_negative)
{
    tu_expect(UT, "The term 共同富裕, or common prosperity, has become a slogan of the party.", NULL);
    tu_expect(UT, "Officials in São Paulo said the talks would resume in Zürich.", NULL);
    tu_expect(UT, "The value of π is about 3.14, the teacher reminded the class.", NULL);
    tu_expect(UT, "Kazakh rescuers pull out 7 survivors in Türkiye.", NULL);
    tu_expect(UT, "Xi Jinping met Joe Biden in Bali, and both sides said 好.", NULL);
    tu_expect(UT, "Ελλάδα and Κύπρος are Greece and Cyprus in the languages of their citizens.", NULL);
}

/* ---------------------------------------------------------- repetition */

Test(artifacts, repetition_positive)
{
    tu_expect(RP, "Officials said the the the talks had ended without an agreement.", "the the");
    tu_expect(RP,
           "The two remaining products are the Chinese bank's financial products, the Chinese "
           "bank's financial products, the Chinese bank's financial products.",
           "the Chinese bank's financial products, the Chinese bank's financial products");
    tu_expect(RP, "The result of the talks of the talks of the talks was not announced.",
           "of the talks of the talks");
    tu_expect(RP, "The report repeated reform, reform, reform, reform, reform on every page.",
           "reform, reform, reform, reform");
    /* a stretch of over eight words said twice: too long for a slip */
    expect_last(RP,
                "The bureau said the new rules for overseas buyers would take effect in March the "
                "new rules for overseas buyers would take effect in March, officials said.",
                "the new rules for overseas buyers would take effect in March");
}

/* A phrase of two to eight words said once more is typography.doubled-phrase's,
 * not a loop. */
Test(artifacts, repetition_leaves_doubled_phrases_to_typography)
{
    tu_expect(RP,
           "He sat in the middle of the table in the middle of the table, but also on the "
           "stage with the guests.",
           NULL);
    tu_expect(RP, "The delegation visited the Samba Bar, the Samba Bar, and the old town.", NULL);
    tu_expect(RP, "The talks went on from the from the morning until late at night.", NULL);
}

/* The loop's weight grows with its length: three copies are major, five
 * copies or over 100 characters of repeated text critical. */
static mtc_severity repetition_severity(const char *text)
{
    tu_run *r = tu_check(text, RP);
    const mtc_issue *is = tu_find(r, RP, 0);
    if (!is || tu_count(r, RP) != 1)
        tu_dump(r);
    cr_assert_not_null(is, "no loop found in: %s", text);
    cr_expect_eq(tu_count(r, RP), 1);
    mtc_severity sev = is->severity;
    tu_free(r);
    return sev;
}

Test(artifacts, repetition_severity_grows_with_the_loop)
{
    cr_expect_eq(repetition_severity("Officials said the the the talks had ended."), MTC_SEV_MAJOR);
    cr_expect_eq(repetition_severity("The result of the talks of the talks of the talks was not "
                                     "announced."),
                 MTC_SEV_MAJOR);
    /* five copies of one word, even of one that may stand three times
     * ("very very very"), and of a phrase */
    cr_expect_eq(repetition_severity("The plan covers trade and and and and and and investment."),
                 MTC_SEV_CRITICAL);
    cr_expect_eq(repetition_severity("He said the the the the the talks had ended."),
                 MTC_SEV_CRITICAL);
    cr_expect_eq(repetition_severity("The products are the bank's products, the bank's products, "
                                     "the bank's products, the bank's products, the bank's "
                                     "products."),
                 MTC_SEV_CRITICAL);
    /* three copies of a long unit: over 100 characters repeated */
    cr_expect_eq(repetition_severity("They sold the wealth management products of the Chinese bank "
                                     "the wealth management products of the Chinese bank the wealth "
                                     "management products of the Chinese bank in the city."),
                 MTC_SEV_CRITICAL);
    /* a long sentence twice in a row is a loop; again later in the article, a repeat */
    cr_expect_eq(repetition_severity("The two remaining products are the only ones of the bank's "
                                     "financial products that are still sold to retail buyers. The "
                                     "two remaining products are the only ones of the bank's "
                                     "financial products that are still sold to retail buyers."),
                 MTC_SEV_CRITICAL);
    cr_expect_eq(repetition_severity("The two remaining products are the only ones of the bank's "
                                     "financial products that are still sold to retail buyers.\n\n"
                                     "Sales fell.\n\nThe two remaining products are the only ones of "
                                     "the bank's financial products that are still sold to retail "
                                     "buyers.\n"),
                 MTC_SEV_MAJOR);
    /* a short sentence twice in a row: under 100 characters */
    cr_expect_eq(repetition_severity("The ministry said the new rules would take effect in March. "
                                     "The ministry said the new rules would take effect in March."),
                 MTC_SEV_MAJOR);
}

/* A looping article cannot pass the gate: not the default one (major), not
 * --fail-on critical, and the loop costs it far more than one major issue. */
Test(artifacts, looping_article_fails_the_gate)
{
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "%s",
                                "Two products remain on sale.\n\nThe two remaining products are the "
                                "only one of the Chinese bank's financial products");
    for (int k = 0; k < 35; k++)
        n += (size_t)snprintf(text + n, sizeof text - n, ", the Chinese bank's financial products");
    snprintf(text + n, sizeof text - n, ".\n\nThe bank did not comment on the sales.\n");

    tu_run *r = tu_check(text, NULL); /* the default configuration */
    const mtc_issue *is = tu_find(r, RP, 0);
    cr_assert_not_null(is);
    cr_expect_eq(is->severity, MTC_SEV_CRITICAL);
    cr_expect(r->res->failed, "a looping article passed the default gate");
    cr_expect_lt(r->res->score, 85.0, "score %.1f", r->res->score);
    tu_free(r);

    mtc_config *cfg = mtc_config_new();
    cfg->fail_on = MTC_SEV_CRITICAL;
    r = tu_check_cfg(text, cfg);
    cr_expect(r->res->failed, "a looping article passed --fail-on critical");
    tu_free(r);

    /* the same article without the loop passes --fail-on critical */
    cfg = mtc_config_new();
    cfg->fail_on = MTC_SEV_CRITICAL;
    r = tu_check_cfg("Two products remain on sale.\n\nThe two remaining products are the only one "
                     "of the Chinese bank's financial products.\n\nThe bank did not comment on the "
                     "sales.\n",
                     cfg);
    cr_expect(!r->res->failed);
    tu_free(r);
}

/* A loop's weight grows with its length: each copy after the first counts
 * in the score, so a longer loop weighs more. */
static double loop_penalty(int copies, unsigned *count)
{
    char text[8192];
    size_t n = (size_t)snprintf(text, sizeof text, "%s",
                                "Two products remain on sale.\n\nThe bank said that its sales of "
                                "the products rose in the first quarter of the year");
    for (int k = 0; k < copies; k++)
        n += (size_t)snprintf(text + n, sizeof text - n, ", the financial products");
    snprintf(text + n, sizeof text - n, ".\n\nThe bank did not comment on the sales.\n");
    tu_run *r = tu_check(text, NULL);
    const mtc_issue *is = tu_find(r, RP, 0);
    cr_assert_not_null(is, "%d copies are a loop", copies);
    *count = is->count;
    double penalty = r->res->penalty;
    tu_free(r);
    return penalty;
}

Test(artifacts, loop_weight_grows_with_its_length)
{
    unsigned c5, c10, c35;
    double s5 = loop_penalty(5, &c5), s10 = loop_penalty(10, &c10), s35 = loop_penalty(35, &c35);
    cr_expect_eq(c5, 4, "five copies count four times: %u", c5);
    cr_expect_eq(c10, 9);
    cr_expect_eq(c35, 34);
    cr_expect_lt(s5, s10, "a longer loop weighs more (%.1f, %.1f)", s5, s10);
    cr_expect_lt(s10, s35, "(%.1f, %.1f)", s10, s35);
    cr_expect_geq(s35, 34 * 10.0, "34 critical errors: %.1f", s35);
    /* a phrase said twice is one error */
    tu_run *r = tu_check("The bank said the products sold well, sold well in March.\n", NULL);
    for (size_t i = 0; i < r->res->n_issues; i++)
        cr_expect_eq(r->res->issues[i].count, 1);
    tu_free(r);
}

/* The loop and duplicate checks compare words by a hash of their lowercase
 * form kept per interned word (issue 15), and per token for a form too long
 * to lowercase in their buffer: a sentence said again in capitals (accented
 * ones too), or with a word of 300 letters, is still a repeated sentence. */
Test(artifacts, repetition_by_lowercase_form)
{
    /* the same sentence twice, the second in capitals, accented ones too */
    expect_last(RP,
                "The ministry said the new café rules would take effect in March after a long "
                "public consultation. Sales fell. THE MINISTRY SAID THE NEW CAFÉ RULES WOULD TAKE "
                "EFFECT IN MARCH AFTER A LONG PUBLIC CONSULTATION.",
                "THE MINISTRY SAID THE NEW CAFÉ RULES WOULD TAKE EFFECT IN MARCH AFTER A LONG "
                "PUBLIC CONSULTATION.");
    /* a word of 300 letters in a sentence said twice */
    char word[301], sentence[600], text[1400];
    memset(word, 'x', 300);
    word[300] = '\0';
    snprintf(sentence, sizeof sentence,
             "The ministry said the new rules %s would take effect in March after a long public "
             "consultation.",
             word);
    snprintf(text, sizeof text, "%s\n\nBusinesses welcomed the decision.\n\n%s\n", sentence,
             sentence);
    expect_last(RP, text, sentence);
}

Test(artifacts, repetition_duplicate_sentence)
{
    const char *text = "The ministry said the new rules would take effect in March after a long "
                       "public consultation.\n\nBusinesses welcomed the decision.\n\nThe ministry "
                       "said the new rules would take effect in March after a long public "
                       "consultation.\n";
    expect_last(RP, text,
                "The ministry said the new rules would take effect in March after a long public "
                "consultation.");
    /* case and punctuation do not hide the repeat */
    expect_last(RP,
                "Prices of new homes rose in most of the seventy cities surveyed in January. "
                "Sales fell. PRICES OF NEW HOMES ROSE IN MOST OF THE SEVENTY CITIES SURVEYED IN "
                "JANUARY!",
                "PRICES OF NEW HOMES ROSE IN MOST OF THE SEVENTY CITIES SURVEYED IN JANUARY!");
}

Test(artifacts, repetition_negative)
{
    tu_expect(RP, "He said it was very, very, very difficult to reach an agreement.", NULL);
    tu_expect(RP, "It was very very very hot, and \"no no no no no\" was all he said.", NULL);
    tu_expect(RP, "Voters want jobs, jobs, jobs, the senator told the crowd on Monday.", NULL);
    tu_expect(RP, "The judges' scores were 10, 10, 10 and 9 in the final round.", NULL);
    tu_expect(RP, "\"Do not worry, do not worry,\" he told the buyers at the sales office.", NULL);
    tu_expect(RP, "He said no.\n\nThen he left the room.\n\nHe said no.\n", NULL);
    tu_expect(RP, "Hanoi, Vietnam News Agency - Vietnam News Agency special correspondent reports.",
           NULL);
    tu_expect(RP,
           "The key is promoting Chinese-style modernization. Promoting Chinese-style "
           "modernization is the central task.",
           NULL);
    tu_expect(RP, "Li Li, the party secretary, spoke at the meeting on Monday.", NULL);
    tu_expect(RP, "More and more and more buyers came back, day by day by day.", NULL);
    tu_expect(RP, "The number of industrial parks (industrial parks) will exceed 100.", NULL);
    tu_expect(RP, "The crowd chanted \"ha ha ha\" as the minister left the stage.", NULL);
    tu_expect(RP, "Figures for 2020, 2021 and 2022 were given as N/A N/A N/A in the table.", NULL);
    /* a short sentence said twice, and a quotation repeated as a pull quote */
    tu_expect(RP,
           "\"We want them to vet it with us and share the whole plan,\" he said.\n\nHe added "
           "nothing.\n\n\"We want them to vet it with us and share the whole plan,\" he said.\n",
           NULL);
}

/* --------------------------------------------------------- page chrome */

Test(artifacts, page_chrome_positive)
{
    tu_expect(PC,
           "The talks ended on Monday.\n\nShare this article\n\nOfficials said more talks "
           "were planned.\n",
           "Share this article");
    tu_expect(PC,
           "The talks ended on Monday.\n\nAdvertisement\n\nOfficials said more talks were "
           "planned.\n",
           "Advertisement");
    tu_expect(PC, "The talks ended on Monday.\n\nRead more: China's exports rise for a third month\n",
           "Read more: China's exports rise for a third month");
    tu_expect(PC,
           "The talks ended on Monday.\n\nWe use cookies to improve your experience. By "
           "continuing to browse, you agree to our use of cookies.\n",
           "We use cookies to improve your experience. By continuing to browse, you agree to our "
           "use of cookies.");
    tu_expect(PC, "The talks ended on Monday.\n\nSign up for our newsletter.\n",
           "Sign up for our newsletter.");
    tu_expect(PC,
           "The talks ended on Monday. Click here to subscribe. Officials said more talks "
           "were planned.",
           "Click here to subscribe.");
    tu_expect(PC, "The talks ended on Monday.\n\n• Related articles\n", "• Related articles");
    tu_expect(PC, "The talks ended on Monday.\n\nLEAVE A REPLY\n", "LEAVE A REPLY");
}

Test(artifacts, page_chrome_negative)
{
    tu_expect(PC,
           "The talks ended on Monday.\n\nThis story has been updated with additional "
           "development.\n",
           NULL);
    tu_expect(PC, "Our correspondents in Beijing and Moscow contributed to this report.", NULL);
    tu_expect(PC, "Advertisement revenue fell sharply in the third quarter, the company said.", NULL);
    tu_expect(PC, "The author of the report, a former diplomat, said the talks would fail.", NULL);
    tu_expect(PC, "Readers can share their views on the ministry's website.", NULL);
    tu_expect(PC, "Home prices rose 3% in January.\n\nKey meeting\n\nThe two sides met.\n", NULL);
    tu_expect(PC,
           "The top 10 countries for returning graduates. Source: 2022 Employment Survey "
           "Report.",
           NULL);
    tu_expect(PC, "Comments made by the minister drew criticism from the opposition.", NULL);
    tu_expect(PC, "Related talks are planned for March, the ministry said.", NULL);
}

Test(artifacts, seed_article)
{
    char path[4096];
    tu_root_path("tests/fixtures/seed-article.txt", path, sizeof path);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "cannot open %s", path);
    char *buf = malloc(1 << 20);
    cr_assert_not_null(buf);
    size_t n = fread(buf, 1, (1 << 20) - 1, f);
    fclose(f);
    buf[n] = '\0';
    tu_run *r = tu_check(buf, "artifacts");
    cr_expect(tu_has(r, PC, "About the author"));
    cr_expect(tu_has(r, PC, "Leave a Comment"));
    cr_expect_eq(tu_count(r, PC), 2);
    cr_expect_eq(tu_count(r, FS), 0);
    cr_expect_eq(tu_count(r, UT), 0);
    cr_expect_eq(tu_count(r, RP), 0);
    cr_expect_eq(tu_count(r, PM), 0);
    for (size_t i = 0; i < tu_count(r, PC); i++) {
        char *s = tu_issue_text(r, tu_find(r, PC, i));
        cr_expect(strstr(s, "updated") == NULL && strstr(s, "contributed") == NULL, "%s", s);
        free(s);
    }
    tu_free(r);
    free(buf);
}

/* ------------------------------------------------------- page metadata */

Test(artifacts, page_metadata_positive)
{
    tu_expect(PM, "Shenzhen builds a world-leading pioneer city - China News Network\n\nBody.\n",
           "China News Network");
    tu_expect(PM, "Nanjing property market sees refund pledges return -Chinanews.com\n\nBody.\n",
           "Chinanews.com");
    tu_expect(PM, "An important engine of global recovery | Example.com\n\nBody.\n", "Example.com");
    const char *chain = "Xi replies to the medical team - Rolling News - Hunan Daily - Example "
                        "Online\n\nBody text.\n";
    tu_expect(PM, chain, "Example Online");
    tu_expect(PM, chain, "Hunan Daily");
    tu_expect(PM, chain, "Rolling News");
    const char *meta = "Headline of the story\n\n2023-02-11 13:09:10 [Source: Xinhua News Agency] "
                       "[Editor: Li Ming] Font: [Large Medium Small]\n\nBody text.\n";
    tu_expect(PM, meta, "[Source: Xinhua News Agency]");
    tu_expect(PM, meta, "[Editor: Li Ming]");
    tu_expect(PM, meta, "Font: [Large Medium Small]");
}

Test(artifacts, page_metadata_negative)
{
    tu_expect(PM, "Man dies in motorway crash - police\n\nBody text.\n", NULL);
    tu_expect(PM, "Biden to visit Kyiv - reports\n\nBody text.\n", NULL);
    tu_expect(PM, "Body text comes first.\n\nSomething happened - China News Network\n", NULL);
    tu_expect(PM, "Kazakh rescuers pull out 7 survivors in Türkiye: 11 February 2023, 12:15\n", NULL);
    tu_expect(PM, "\"He [the president] said the talks would go on,\" the aide said.", NULL);
    tu_expect(PM, "China News Network\n\nBody text.\n", NULL);
    /* off by default, and silent while only the other artifacts rules run */
    const mtc_analyzer *owner = NULL;
    const mtc_rule_info *ri = mtc_rule_find(PM, &owner);
    cr_assert_not_null(ri);
    cr_expect_eq(ri->enabled, 0);
    cr_expect_str_eq(owner->name, "artifacts");
    tu_run *r = tu_check("Shenzhen builds a pioneer city - China News Network\n\n2023-02-11 "
                         "[Editor: Li Ming]\n\nBody text.\n",
                         FS "," UT "," RP "," PC);
    cr_expect_eq(tu_count(r, PM), 0);
    cr_expect_eq(tu_count(r, NULL), 0);
    tu_free(r);
}
