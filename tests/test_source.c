/* test_source.c — checks against the source (issue 17): the alignment
 * (align.c), the source.* analyzer with Chinese and German sources, and
 * every way to give a source on the command line (--source, --source-list,
 * --source-dir, .mtcheck.ini, --stdin-jsonl, a missing source file). */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "clitest.h"
#include "source_align.h"
#include "source_names.h"
#include "source_numbers.h"
#include "testutil.h"

typedef struct src_run {
    mtc_config *cfg;
    mtc_checker *chk;
    mtc_document *doc, *src;
    mtc_result *res;
} src_run;

/* Checks translation tr against source src with only the source analyzer
 * on (plus `extra`, a rule id, when set). */
static src_run *check(const char *tr, const char *src, const char *extra)
{
    src_run *r = calloc(1, sizeof *r);
    r->cfg = mtc_config_new();
    mtc_config_set_rule(r->cfg, "all", 0);
    mtc_config_set_rule(r->cfg, "source", 1);
    mtc_config_set_rule(r->cfg, "source.number-added", 0);
    if (extra)
        mtc_config_set_rule(r->cfg, extra, 1);
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_checker_new(r->cfg, &r->chk, &err), MTC_OK, "%s", err.message);
    r->doc = tu_doc(tr);
    r->src = src ? tu_doc(src) : NULL;
    cr_assert_eq(mtc_checker_check_source(r->chk, r->doc, r->src, &r->res, &err), MTC_OK);
    return r;
}

static void done(src_run *r)
{
    mtc_result_free(r->res);
    mtc_document_free(r->doc);
    mtc_document_free(r->src);
    mtc_checker_free(r->chk);
    mtc_config_free(r->cfg);
    free(r);
}

static size_t count(const src_run *r, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < r->res->n_issues; i++)
        n += !rule || strcmp(r->res->issues[i].rule, rule) == 0;
    return n;
}

/* The first issue of rule, or NULL. */
static const mtc_issue *find(const src_run *r, const char *rule)
{
    for (size_t i = 0; i < r->res->n_issues; i++)
        if (strcmp(r->res->issues[i].rule, rule) == 0)
            return &r->res->issues[i];
    return NULL;
}

static int span_is(const mtc_document *d, size_t a, size_t b, const char *text)
{
    return b - a == strlen(text) && memcmp(d->text + a, text, b - a) == 0;
}

static void dump(const src_run *r)
{
    for (size_t i = 0; i < r->res->n_issues; i++) {
        const mtc_issue *is = &r->res->issues[i];
        fprintf(stderr, "  %s [%zu,%zu) %.*s — %s\n", is->rule, is->start, is->end,
                (int)(is->end - is->start), r->doc->text + is->start, is->message);
    }
}

/* ---- numbers ---- */

Test(source, changed_number_found_at_that_number)
{
    src_run *r = check("The company sold 16,003 cars in January.\n",
                       "该公司1月份卖出了16000辆汽车。\n", NULL);
    const mtc_issue *is = find(r, "source.number-mismatch");
    cr_assert(is, "no mismatch");
    cr_expect(span_is(r->doc, is->start, is->end, "16,003"));
    cr_expect(is->has_source_span);
    cr_expect(span_is(r->src, is->source_start, is->source_end, "16000"));
    cr_expect(strstr(is->message, "16000") != NULL);
    done(r);
}

Test(source, same_numbers_in_other_forms_pass)
{
    static const char *const pairs[][2] = {
        {"The company sold 16,000 cars in January.", "该公司1月份卖出了16000辆汽车。"},
        {"About 16,000 people came.", "约1.6万人到场。"},
        {"Sales reached 350 million yuan.", "销售额达3.5亿元。"},
        {"Prices rose 5% on the year.", "价格同比上涨百分之五。"},
        {"Prices rose 8.6 percent.", "价格上涨8.6%。"},
        {"It was popular in the 1980s.", "它在上世纪80年代很流行。"},
        {"On February 10, the talks began.", "2月10日，会谈开始。"},
        {"Twenty-three people were hurt.", "二十三人受伤。"},
        {"He visited the two countries.", "他访问了两国。"},
        {"Kim and his daughter watched the Hwasong-17 launch.", "金正恩与女儿观看火星17发射。"},
        {"A research institute joined.", "1家研究机构加入。"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        src_run *r = check(pairs[i][0], pairs[i][1], NULL);
        size_t n = count(r, "source.number-mismatch") + count(r, "source.number-missing");
        if (n)
            dump(r);
        cr_expect_eq(n, 0, "pair %zu: %s", i, pairs[i][0]);
        done(r);
    }
}

Test(source, lone_numeral_counted_is_compared)
{
    src_run *r = check("The two-day visit ended.", "为期三天的访问结束。", NULL);
    const mtc_issue *is = find(r, "source.number-mismatch");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "two"));
    done(r);
}

Test(source, missing_number_flags_its_sentence)
{
    src_run *r = check("The companies were added to the list. They help the army.",
                       "这5家公司被列入名单。它们帮助军队。", NULL);
    const mtc_issue *is = find(r, "source.number-missing");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "The companies were added to the list."));
    cr_expect_eq(count(r, "source.number-mismatch"), 0);
    done(r);
}

Test(source, added_number_is_off_by_default)
{
    src_run *r = check("He met 12 ministers.", "他会见了部长们。", NULL);
    cr_expect_eq(count(r, NULL), 0);
    done(r);
    r = check("He met 12 ministers.", "他会见了部长们。", "source.number-added");
    const mtc_issue *is = find(r, "source.number-added");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "12"));
    done(r);
}

Test(source, number_scanner_values)
{
    const char *t = "增长3.5亿，二〇二三年，十分重要，万一";
    mtc_number_list l = {0};
    mtc_numbers_source(t, 0, strlen(t), &l);
    int strong = 0;
    for (size_t i = 0; i < l.n; i++)
        strong += !(l.items[i].flags & MTC_NUM_WEAK);
    cr_expect_eq(strong, 2, "3.5亿 and 二〇二三年 only (十分 and 万一 are words)");
    cr_expect_eq(l.items[0].values[0], 3.5e8);
    mtc_number_list_free(&l);
    const char *e = "a million people, 2.5 billion dollars, twenty-five, COVID-19";
    mtc_numbers_english(e, 0, strlen(e), &l);
    cr_assert_geq(l.n, 3);
    cr_expect_eq(l.items[0].values[0], 1e6);
    cr_expect_eq(l.items[1].values[0], 2.5e9);
    cr_expect_eq(l.items[2].values[0], 25);
    cr_expect(l.items[l.n - 1].flags & MTC_NUM_WEAK, "COVID-19 is a name");
    mtc_number_list_free(&l);
}

/* ---- Latin-script tokens ---- */

Test(source, latin_token_missing)
{
    src_run *r = check("The agency launched a probe.", "美国NASA发射了一个探测器。", NULL);
    const mtc_issue *is = find(r, "source.latin-missing");
    cr_assert(is);
    cr_expect(strstr(is->message, "NASA") != NULL);
    cr_expect(span_is(r->src, is->source_start, is->source_end, "NASA"));
    done(r);
}

Test(source, latin_token_present_in_other_case_or_spacing)
{
    src_run *r = check("Nasa launched a probe. Shanshan (600884. SH) listed; see www.example.com.",
                       "NASA发射了一个探测器。杉杉（600884.SH）上市；见www.example.com。", NULL);
    if (count(r, "source.latin-missing"))
        dump(r);
    cr_expect_eq(count(r, "source.latin-missing"), 0);
    done(r);
}

/* ---- untranslated ---- */

Test(source, untranslated_names_source_sentence)
{
    src_run *r = check("Shanshan founder dies - 经济观察网 - business news",
                       "杉杉创始人过世- 经济观察网－ 专业财经新闻网站", NULL);
    const mtc_issue *is = find(r, "source.untranslated");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "经济观察网"));
    cr_expect(strstr(is->message, "杉杉创始人") != NULL, "%s", is->message);
    done(r);
}

Test(source, han_not_from_source_is_not_untranslated)
{
    src_run *r = check("The word 你好 means hello.", "这个词的意思是问候。", NULL);
    cr_expect_eq(count(r, "source.untranslated"), 0);
    done(r);
}

/* ---- names against their romanization ---- */

Test(source, name_wrong_surname_flagged_at_that_word)
{
    const char *src = "公司创始人郑永刚昨天去世，享年64岁。";
    src_run *r = check("The company's founder Yang Yonggang died yesterday at the age of 64.", src, NULL);
    const mtc_issue *is = find(r, "source.name-mismatch");
    cr_assert(is, "no name flag");
    cr_expect(span_is(r->doc, is->start, is->end, "Yang"));
    cr_expect(strstr(is->message, "zheng yong gang") != NULL, "%s", is->message);
    /* the source span is the name's three characters */
    cr_expect(is->has_source_span);
    cr_expect(span_is(r->src, is->source_start, is->source_end, "郑永刚"));
    cr_expect_eq(count(r, NULL), 1);
    done(r);
}

Test(source, name_as_the_source_reads_passes)
{
    src_run *r = check("The founder Zheng Yonggang and President Xi Jinping met in Ningbo.",
                       "创始人郑永刚与国家主席习近平在宁波会面。", NULL);
    cr_expect_eq(count(r, "source.name-mismatch"), 0);
    done(r);
    /* a name that is not in the source at all (no near reading) is not guessed at */
    r = check("Spokesman Zhang Wenming said so.", "发言人表示如此。", NULL);
    cr_expect_eq(count(r, "source.name-mismatch"), 0);
    done(r);
    /* a Latin-script source: no readings */
    r = check("The founder Yang Yonggang died.", "Der Gründer Zheng Yonggang ist gestorben.", NULL);
    cr_expect_eq(count(r, "source.name-mismatch"), 0);
    done(r);
}

Test(source, pinyin_split)
{
    int n = 0;
    cr_expect(mtc_pinyin_split("Yonggang", 8, &n));
    cr_expect_eq(n, 2);
    cr_expect(mtc_pinyin_split("Yi-ning", 7, &n));
    cr_expect_eq(n, 2);
    cr_expect(mtc_pinyin_split("Xi'an", 5, &n));
    cr_expect_eq(n, 2);
    cr_expect(mtc_pinyin_split("Zhuang", 6, &n));
    cr_expect_eq(n, 1);
    cr_expect(!mtc_pinyin_split("Kim", 3, &n));
    cr_expect(!mtc_pinyin_split("Tsai", 4, &n));
    cr_expect(!mtc_pinyin_split("President", 9, &n));
}

/* ---- quotation parity (off by default) ---- */

Test(source, quote_missing_at_the_quoted_terms_anchor)
{
    const char *src = "报告称《2024城市发展蓝皮书》显示增长放缓。";
    src_run *r = check("The report says the 2024 Urban Development Blue Book shows slower growth.", src,
                       "source.quote-missing");
    const mtc_issue *is = find(r, "source.quote-missing");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "2024"));
    cr_expect(span_is(r->src, is->source_start, is->source_end, "2024城市发展蓝皮书"));
    done(r);
    /* quoted in the translation: nothing */
    r = check("The report says \"2024 Urban Development Blue Book\" shows slower growth.", src,
              "source.quote-missing");
    cr_expect_eq(count(r, "source.quote-missing"), 0);
    done(r);
    /* off by default (50% precision on dev); the name and date checks are on */
    const mtc_rule_info *info = mtc_rule_find("source.quote-missing", NULL);
    cr_assert(info);
    cr_expect_eq(info->enabled, 0);
    cr_expect_eq(mtc_rule_find("source.name-mismatch", NULL)->enabled, 1);
    cr_expect_eq(mtc_rule_find("source.date-mismatch", NULL)->enabled, 1);
}

Test(source, quote_missing_pinyin_anchor_and_german_source)
{
    src_run *r = check("According to the Shenzhen Industry account, the plan was issued.",
                       "据“深圳工信”公众号消息，计划已印发。", "source.quote-missing");
    const mtc_issue *is = find(r, "source.quote-missing");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "Shenzhen"));
    done(r);
    r = check("The programme EU4Health was extended.", "Das Programm „EU4Health“ wurde verlängert.",
              "source.quote-missing");
    is = find(r, "source.quote-missing");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "EU4Health"));
    done(r);
    /* no anchor for the quoted term: left alone rather than guessed */
    r = check("The so-called price protection deal was signed.", "所谓“保价协议”已签署。",
              "source.quote-missing");
    cr_expect_eq(count(r, "source.quote-missing"), 0);
    done(r);
    r = check("Le programme « EU4Health » a été prolongé.", "Le programme « EU4Health » a été prolongé.",
              "source.quote-missing");
    cr_expect_eq(count(r, "source.quote-missing"), 0);
    done(r);
}

/* ---- dates ---- */

Test(source, date_month_added_to_a_day)
{
    src_run *r = check("North Korea held a parade on the evening of August 8.",
                       "朝鲜8日晚间举行了阅兵式。", NULL);
    const mtc_issue *is = find(r, "source.date-mismatch");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "August"));
    cr_expect(strstr(is->message, "no month") != NULL, "%s", is->message);
    done(r);
    r = check("North Korea held a parade on the evening of the 8th.", "朝鲜8日晚间举行了阅兵式。", NULL);
    cr_expect_eq(count(r, "source.date-mismatch"), 0);
    done(r);
}

Test(source, date_month_of_german_and_french_sources)
{
    src_run *r = check("The meeting took place on 8 March.", "Das Treffen fand am 8. Mai statt.", NULL);
    const mtc_issue *is = find(r, "source.date-mismatch");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "March"));
    cr_expect(strstr(is->message, "May") != NULL, "%s", is->message);
    done(r);
    r = check("The meeting took place on May 8.", "Das Treffen fand am 8. Mai statt.", NULL);
    cr_expect_eq(count(r, "source.date-mismatch"), 0);
    done(r);
    r = check("The summit opened on 10 June.", "Le sommet s'est ouvert le 10 juillet.", NULL);
    cr_expect_eq(count(r, "source.date-mismatch"), 1);
    done(r);
    r = check("The summit opened on 10 July.", "Le sommet s'est ouvert le 10 juillet.", NULL);
    cr_expect_eq(count(r, "source.date-mismatch"), 0);
    done(r);
}

Test(source, date_scanners)
{
    mtc_source_dates d;
    const char *zh = "1989 年11 月13 日，2月10日，二十三日，2023-02-11";
    mtc_dates_source(zh, 0, strlen(zh), &d);
    cr_expect_eq(d.months, (1u << 11) | (1u << 2));
    cr_expect_eq(d.days, (1ul << 13) | (1ul << 10) | (1ul << 23) | (1ul << 11));
    const char *de = "am 3. Oktober und am 24.12.2022";
    mtc_dates_source(de, 0, strlen(de), &d);
    cr_expect_eq(d.months, (1u << 10) | (1u << 12));
    cr_expect_eq(d.days, (1ul << 3) | (1ul << 24));
    mtc_english_date e[4];
    const char *en = "On August 8, the 9th of May, 3 June, in August 2023 and may 5";
    size_t n = mtc_dates_english(en, 0, strlen(en), e, 4);
    cr_assert_eq(n, 3);
    cr_expect_eq(e[0].month, 8);
    cr_expect_eq(e[0].day, 8);
    cr_expect_eq(e[1].month, 5);
    cr_expect_eq(e[1].day, 9);
    cr_expect_eq(e[2].month, 6);
    cr_expect_eq(e[2].day, 3);
}

Test(source, compound_ordinal_is_an_ordinal)
{
    src_run *r = check("The Forty-eighth Research Institute was listed.", "第四十八研究所被列入名单。", NULL);
    cr_expect_eq(count(r, NULL), 0);
    dump(r);
    done(r);
}

/* ---- omission, addition, alignment ---- */

Test(source, deleted_paragraph_reported_in_place)
{
    const char *src = "第一段讲的是经济。\n\n第二段讲的是NASA的新火箭和1200名工程师。\n\n"
                      "第三段讲的是天气很冷。\n\n第四段讲的是体育比赛。\n";
    const char *tr = "The first paragraph is about the economy.\n\n"
                     "The third paragraph says the weather is cold.\n\n"
                     "The fourth paragraph is about sports.\n";
    src_run *r = check(tr, src, NULL);
    const mtc_issue *is = find(r, "source.paragraph-missing");
    cr_assert(is, "no omission");
    size_t first_end = strlen("The first paragraph is about the economy.");
    size_t third = strstr(tr, "The third") - tr;
    cr_expect_eq(is->start, first_end);
    cr_expect_eq(is->end, third);
    cr_expect(strstr(is->message, "paragraph 2") != NULL, "%s", is->message);
    cr_expect(strstr(r->src->text + is->source_start, "第二段") == r->src->text + is->source_start);
    cr_expect_eq(count(r, "source.paragraph-added"), 0);
    done(r);
}

Test(source, alignment_by_order_and_by_length)
{
    mtc_document *s = tu_doc("一。\n\n二。\n\n三。\n");
    mtc_document *t = tu_doc("One.\n\nTwo.\n\nThree.\n");
    mtc_source_align *al = mtc_source_align_build(t, s);
    cr_expect_eq(al->n_units, 3);
    cr_expect_eq(al->by_length, 0);
    cr_expect_eq(al->script, MTC_SCRIPT_HAN);
    mtc_source_align_free(al);
    mtc_document_free(t);
    t = tu_doc("One and two, in a longer sentence.\n\nThree.\n");
    al = mtc_source_align_build(t, s);
    cr_expect_eq(al->by_length, 1);
    size_t covered_src = 0, covered_tr = 0;
    for (size_t i = 0; i < al->n_units; i++) {
        covered_src += al->units[i].src_n;
        covered_tr += al->units[i].tr_n;
    }
    cr_expect_eq(covered_src, 3, "every source paragraph is in a unit");
    cr_expect_eq(covered_tr, 2, "every translation paragraph is in a unit");
    mtc_source_align_free(al);
    mtc_document_free(t);
    mtc_document_free(s);
}

Test(source, added_paragraph_reported)
{
    const char *src = "第一段讲的是经济发展。\n\n第二段讲的是天气。\n";
    const char *tr = "The first paragraph is about economic development.\n\n"
                     "A paragraph the translator invented, about something else entirely, long enough.\n\n"
                     "The second paragraph is about the weather.\n";
    src_run *r = check(tr, src, NULL);
    const mtc_issue *is = find(r, "source.paragraph-added");
    cr_assert(is);
    cr_expect(strncmp(r->doc->text + is->start, "A paragraph the translator", 26) == 0);
    done(r);
}

Test(source, far_too_short_paragraph)
{
    const char *src = "国家统计局今天发布数据显示，今年前两个月全国规模以上工业增加值同比增长，"
                      "其中制造业增长较快，高技术产业继续保持较高增速，消费市场稳步恢复。\n";
    src_run *r = check("Data were released.\n", src, NULL);
    cr_expect(find(r, "source.too-short") != NULL);
    done(r);
    r = check("The National Bureau of Statistics released data today showing that the added value "
              "of industries above designated size grew year on year in the first two months, with "
              "manufacturing growing fast, high-tech industries keeping a high growth rate and the "
              "consumer market recovering steadily.\n",
              src, NULL);
    cr_expect_eq(count(r, "source.too-short") + count(r, "source.too-long"), 0);
    done(r);
}

Test(source, no_source_no_source_issues)
{
    src_run *r = check("The company sold 16,003 cars.\n", NULL, NULL);
    cr_expect_eq(count(r, NULL), 0);
    done(r);
}

/* ---- a Latin-script source (German) ---- */

Test(source, german_numbers)
{
    src_run *r = check("The company sold 16,000 cars and earned 3.5 million euros in 2023.",
                       "Das Unternehmen verkaufte 16.000 Autos und verdiente 2023 3,5 Millionen Euro.",
                       NULL);
    if (count(r, NULL))
        dump(r);
    cr_expect_eq(count(r, NULL), 0);
    done(r);
    r = check("The company sold 16,003 cars.", "Das Unternehmen verkaufte 16.000 Autos.", NULL);
    const mtc_issue *is = find(r, "source.number-mismatch");
    cr_assert(is);
    cr_expect(span_is(r->doc, is->start, is->end, "16,003"));
    done(r);
}

Test(source, german_acronyms_not_nouns)
{
    src_run *r = check("The carmaker presented a new car in Munich.",
                       "Der Autohersteller BMW stellte in München ein neues Auto vor.", NULL);
    const mtc_issue *is = find(r, "source.latin-missing");
    cr_assert(is);
    cr_expect(strstr(is->message, "BMW") != NULL);
    cr_expect_eq(count(r, "source.latin-missing"), 1, "Autohersteller, München, Auto are words");
    cr_expect_eq(count(r, "source.untranslated"), 0);
    done(r);
}

/* ---- the command line ---- */

static char *write_pair(const char *dir)
{
    free(ct_write(dir, "zh.txt", "该公司卖出了16000辆汽车。\n", strlen("该公司卖出了16000辆汽车。\n")));
    return ct_write(dir, "en.txt", "The company sold 16,003 cars.\n", 30);
}

Test(source_cli, source_option)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", ct_tmpdir());
    char *en = write_pair(dir);
    char args[2048];
    snprintf(args, sizeof args, "--no-config -f json --source %s/zh.txt %s", dir, en);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 1);
    cr_expect(strstr(r.out, "\"source.number-mismatch\"") != NULL, "%s", r.out);
    cr_expect(strstr(r.out, "\"source\": {\"file\": ") != NULL);
    cr_expect(strstr(r.out, "\"byte_start\": 18, \"byte_end\": 23") != NULL, "%s", r.out);
    ct_free(&r);
    snprintf(args, sizeof args, "--no-config -f sarif --source %s/zh.txt %s", dir, en);
    r = ct_run(args, NULL);
    cr_expect(strstr(r.out, "\"sourceByteStart\": 18") != NULL);
    ct_free(&r);
    /* without the source: checked as today */
    snprintf(args, sizeof args, "--no-config -f json %s", en);
    r = ct_run(args, NULL);
    cr_expect(strstr(r.out, "source.") == NULL);
    ct_free(&r);
    free(en);
}

Test(source_cli, source_list_and_missing_source)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", ct_tmpdir());
    char *en = write_pair(dir);
    free(ct_write(dir, "b.txt", "The company sold 16,003 cars.\n", 30));
    const char *list = "en.txt\tzh.txt\nb.txt\tnot-there.txt\n";
    char *lp = ct_write(dir, "sources.tsv", list, strlen(list));
    char args[2048];
    snprintf(args, sizeof args, "--no-config -f json --source-list %s %s %s/b.txt", lp, en, dir);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2, "a missing source file: exit 2");
    cr_expect(strstr(r.err, "not-there.txt") != NULL, "%s", r.err);
    cr_expect(strstr(r.out, "\"source.number-mismatch\"") != NULL, "en.txt checked with its source");
    cr_expect(strstr(r.out, "b.txt\"") != NULL, "b.txt still checked");
    ct_free(&r);
    const char *bad = "en.txt zh.txt\n";
    char *bp = ct_write(dir, "bad.tsv", bad, strlen(bad));
    snprintf(args, sizeof args, "--no-config --source-list %s %s", bp, en);
    r = ct_run(args, NULL);
    cr_expect_eq(r.status, 2);
    cr_expect(strstr(r.err, "bad.tsv:1") != NULL, "%s", r.err);
    ct_free(&r);
    free(bp);
    free(lp);
    free(en);
}

Test(source_cli, source_dir_and_ini)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", ct_tmpdir());
    char p[1024];
    snprintf(p, sizeof p, "%s/en/a", dir);
    char cmd[2048];
    snprintf(cmd, sizeof cmd, "mkdir -p %s/en/a %s/zh/a", dir, dir);
    cr_assert_eq(system(cmd), 0);
    free(ct_write(dir, "en/a/b.md", "The company sold 16,003 cars.\n", 30));
    free(ct_write(dir, "en/a/c.md", "The company sold 16,000 cars.\n", 30));
    const char *zh = "该公司卖出了16000辆汽车。\n";
    free(ct_write(dir, "zh/a/b.md", zh, strlen(zh)));
    char args[2048];
    snprintf(args, sizeof args, "--no-config -f json --source-dir %s/zh %s/en", dir, dir);
    ct_result r = ct_run(args, NULL);
    cr_expect_eq(r.status, 1);
    cr_expect(strstr(r.out, "\"source.number-mismatch\"") != NULL, "%s", r.out);
    cr_expect(strstr(r.err, "c.md: no source found") != NULL, "a note: %s", r.err);
    ct_free(&r);
    /* the same from .mtcheck.ini */
    const char *ini = "source-dir = zh\n";
    char *ip = ct_write(dir, ".mtcheck.ini", ini, strlen(ini));
    snprintf(args, sizeof args, "-f json --config %s %s/en", ip, dir);
    r = ct_run(args, NULL);
    cr_expect(strstr(r.out, "\"source.number-mismatch\"") != NULL, "%s %s", r.out, r.err);
    ct_free(&r);
    free(ip);
}

Test(source_cli, stdin_jsonl_source)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", ct_tmpdir());
    const char *in = "{\"id\": \"a\", \"text\": \"The company sold 16,003 cars.\", \"source\": \"该公司卖出了16000辆汽车。\"}\n"
                     "{\"id\": \"b\", \"text\": \"The company sold 16,003 cars.\"}\n"
                     "{\"id\": \"c\", \"text\": \"x\", \"source\": 5}\n";
    char *ip = ct_write(dir, "in.jsonl", in, strlen(in));
    ct_result r = ct_run("--no-config --stdin-jsonl", ip);
    const char *a = strstr(r.out, "\"a\"");
    const char *b = strstr(r.out, "\"b\"");
    cr_assert(a && b, "%s", r.out);
    cr_expect(strstr(a, "source.number-mismatch") != NULL && strstr(a, "source.number-mismatch") < b);
    cr_expect(strstr(b, "source.number-mismatch") == NULL);
    cr_expect(strstr(r.err, "\"source\"") != NULL, "a bad source field is reported: %s", r.err);
    ct_free(&r);
    free(ip);
}

Test(source_cli, html_shows_source_beside_translation)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", ct_tmpdir());
    char *en = write_pair(dir);
    char args[2048];
    snprintf(args, sizeof args, "--no-config -f html --source %s/zh.txt %s", dir, en);
    ct_result r = ct_run(args, NULL);
    const char *sp = strstr(r.out, "<div class=\"para source\" data-source-para=\"1\">");
    cr_assert(sp, "no source paragraph");
    const char *link = strstr(sp, "<a class=\"src-iss s-major\" href=\"#");
    cr_expect(link && strstr(link, "\">16000</a>"), "the source number linked to its issue");
    ct_free(&r);
    snprintf(args, sizeof args, "--no-config -f html %s", en);
    r = ct_run(args, NULL);
    cr_expect(strstr(r.out, "para source") == NULL, "no source: no source paragraphs");
    ct_free(&r);
    free(en);
}

Test(source_cli, source_in_another_encoding_and_markdown)
{
    char dir[512];
    snprintf(dir, sizeof dir, "%s", ct_tmpdir());
    /* 该公司卖出了16000辆汽车。 in GB18030 */
    static const char gbk[] = "\xb8\xc3\xb9\xab\xcb\xbe\xc2\xf4\xb3\xf6\xc1\xcb" "16000"
                              "\xc1\xbe\xc6\xfb\xb3\xb5\xa1\xa3\n";
    free(ct_write(dir, "zh.txt", gbk, sizeof gbk - 1));
    char *en = ct_write(dir, "en.txt", "The company sold 16,003 cars.\n", 30);
    char args[2048];
    snprintf(args, sizeof args, "--no-config -f json --source %s/zh.txt %s", dir, en);
    ct_result r = ct_run(args, NULL);
    cr_expect(strstr(r.out, "\"source.number-mismatch\"") != NULL, "%s %s", r.out, r.err);
    ct_free(&r);
    const char *md = "# 标题\n\n该公司卖出了**16000**辆汽车。\n";
    free(ct_write(dir, "zh.md", md, strlen(md)));
    char *en2 = ct_write(dir, "en2.txt", "Title\n\nThe company sold 16,000 cars.\n", 36);
    snprintf(args, sizeof args, "--no-config -f json --source %s/zh.md %s", dir, en2);
    r = ct_run(args, NULL);
    cr_expect(strstr(r.out, "source.") == NULL, "Markdown source read as prose: %s", r.out);
    ct_free(&r);
    free(en);
    free(en2);
}
