/* test_quotes.c — the quotes analyzer: every rule with positive and
 * negative cases from news sentences, and the acceptance checks on the
 * sample article. Expected issues are written into the text between ⟦ and ⟧:
 * the helper strips the markers and asserts exactly those spans, and no
 * other issue of the rule under test. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define MAX_SPANS 8
#define OPEN_MARK "\xe2\x9f\xa6"  /* ⟦ */
#define CLOSE_MARK "\xe2\x9f\xa7" /* ⟧ */

typedef struct marked {
    char text[1024];
    size_t start[MAX_SPANS], end[MAX_SPANS];
    size_t n;
} marked;

static void parse_marked(const char *in, marked *m)
{
    size_t o = 0;
    m->n = 0;
    for (const char *p = in; *p;) {
        if (strncmp(p, OPEN_MARK, 3) == 0) {
            cr_assert_lt(m->n, MAX_SPANS);
            m->start[m->n] = o;
            p += 3;
        } else if (strncmp(p, CLOSE_MARK, 3) == 0) {
            m->end[m->n++] = o;
            p += 3;
        } else {
            cr_assert_lt(o + 1, sizeof m->text);
            m->text[o++] = *p++;
        }
    }
    m->text[o] = '\0';
}

static int has_at(const tu_run *r, const char *rule, size_t start, size_t end)
{
    for (size_t i = 0; i < r->res->n_issues; i++) {
        const mtc_issue *is = &r->res->issues[i];
        if (strcmp(is->rule, rule) == 0 && is->start == start && is->end == end)
            return 1;
    }
    return 0;
}

/* Checks `text` with only `rule` on: exactly the marked spans are reported. */
static void expect(const char *rule, const char *text)
{
    marked m;
    parse_marked(text, &m);
    tu_run *r = tu_check(m.text, rule);
    int ok = tu_count(r, rule) == m.n;
    for (size_t k = 0; k < m.n; k++)
        ok = ok && has_at(r, rule, m.start[k], m.end[k]);
    if (!ok)
        tu_dump(r);
    cr_expect_eq(tu_count(r, rule), m.n, "%s: %zu issues expected, %zu found in: %s", rule, m.n,
                 tu_count(r, rule), m.text);
    for (size_t k = 0; k < m.n; k++)
        cr_expect(has_at(r, rule, m.start[k], m.end[k]), "%s: expected [%zu,%zu) in: %s", rule,
                  m.start[k], m.end[k], m.text);
    tu_free(r);
}

/* The first suggestion of the only issue of `rule` in text. */
static void expect_suggestion(const char *rule, const char *text, const char *suggestion)
{
    tu_run *r = tu_check(text, rule);
    const mtc_issue *is = tu_find(r, rule, 0);
    cr_assert_not_null(is, "%s: no issue in: %s", rule, text);
    cr_assert_geq(is->n_suggestions, 1);
    cr_expect_str_eq(is->suggestions[0], suggestion);
    tu_free(r);
}

#define WD "quotes.wrong-direction"
#define UC "quotes.unclosed"
#define UO "quotes.unopened"
#define SP "quotes.spacing"
#define MX "quotes.mixed-style"
#define NE "quotes.nesting"
#define FM "quotes.foreign-marks"
#define BR "brackets.unbalanced"
#define BE "brackets.empty"

/* ---- quotes.wrong-direction ---- */

Test(quotes, wrong_direction_positive)
{
    expect(WD, "“Doing so means sanctions. We will keep it open, ⟦“⟧Richard wrote on Twitter.");
    expect(WD,
           "“Instead of making the situation worse, we will push for a diplomatic solution. ⟦“⟧");
    expect(WD, "“The talks were constructive,⟦“⟧ the minister said.");
    expect(WD, "The spokesman called the report ⟦”⟧fake news” and left the room.");
    expect(WD, "“He told me ⟦’⟧no deal’ twice,” the official said.");
    expect(WD, "The agency said the economy was “stable⟦“⟧ in March.");
    expect(WD,
           "“The first paragraph of the statement is here.\n\n“The second one ends,⟦“⟧ he said.");
}

Test(quotes, wrong_direction_negative)
{
    expect(WD, "“That is our concern, and we have informed Beijing,” the adviser said.");
    expect(WD, "The adviser said: “We are watching carefully.”");
    expect(WD, "“The first part of the statement.\n\n“The second part,” the ministry said.");
    expect(WD, "“He said ‘no’ twice,” the aide recalled.");
    expect(WD, "The spokesman called the claims “disinformation” “with ominous intentions.”");
    expect(WD, "CNN’s reporters said the countries’ leaders met in the ’90s over rock ’n’ roll.");
    expect(WD, "The so-called ‘zero-Covid’ policy ended in December, officials said.");
}

Test(quotes, wrong_direction_suggestions)
{
    expect_suggestion(WD, "“Doing so means sanctions. We will keep it open, “Richard wrote.", "”");
    expect_suggestion(WD, "The spokesman called the report ”fake news” and left.", "“");
    expect_suggestion(WD, "“He told me ’no deal’ twice,” the official said.", "‘");
}

/* ---- quotes.unclosed ---- */

Test(quotes, unclosed_positive)
{
    expect(UC, "Zheng recalled that year, ⟦\"⟧We came to Shanghai to find a way to transform.");
    expect(UC, "⟦“⟧The economy will recover this year, the minister said.\n\n"
               "Officials expect growth of 5 percent.");
    expect(UC, "The statement said ⟦“⟧the talks were useful and frank.\n\n"
               "No date was set for the next round.");
    expect(UC, "The report, titled ⟦“⟧A New Era of Cooperation, was released on Monday.");
    expect(UC, "“The first paragraph of the quotation.\n\n⟦“⟧The second paragraph never closes.");
    expect(UC, "“He called it ⟦‘⟧a historic day, and left,” she said.");
}

Test(quotes, unclosed_negative)
{
    expect(UC, "“The first paragraph of the quotation.\n\n“The second paragraph.\n\n"
               "“The third and last paragraph,” the ministry said.");
    expect(UC, "“We came to Shanghai to find a way to transform,” Zheng recalled.");
    expect(UC, "\"We will respond,\" the ministry said in a statement.");
    expect(UC, "China says \"no\" to new sanctions");
    expect(UC, "The new rules protect the workers’ rights and the farmers’.");
    expect(UC, "The president wrote: \"Sport knows no bounds.\n\n"
               "It brings nations together,\" the letter reads.");
    expect(UC, "\"We also wish to restate our position. \"The bank appeals to the public,\" he "
               "added.");
}

/* ---- quotes.unopened ---- */

Test(quotes, unopened_positive)
{
    expect(UO, "Impress Beijing that it will not be offered. ⟦”⟧ Revised by most of the world.");
    expect(UO, "The company will remain full of vitality in the new five-year plan.⟦\"⟧");
    expect(UO, "The other is that great health has a future.⟦”⟧\n\n"
               "After the direction was set, the firm moved.");
    expect(UO, "Officials said the talks were useful,⟦”⟧ adding that more were planned.");
    expect(UO, "Our party has lost an important leader.\n\n⟦”⟧");
    expect(UO, "The ministry said the plan was ready.⟦’⟧ Officials declined to comment.");
}

Test(quotes, unopened_negative)
{
    expect(UO, "“We will respond,” the ministry said.");
    expect(UO, "The workers’ union and the farmers’ group met on Monday.");
    expect(UO, "Prices in the ’90s were lower, he said, and in the '80s lower still.");
    expect(UO, "The board met on Monday. \"The results were strong,\" the chairman said.");
    expect(UO, "The phone has a 12\" screen and the player is 5'10\" tall.");
    expect(UO, "The president wrote: “Sport knows no bounds.\n\n"
               "It brings nations together,” the letter reads.");
}

/* ---- quotes.spacing ---- */

Test(quotes, spacing_positive)
{
    expect(SP, "Both sides “are a common concern. We will exchange views on regional issues.⟦ ”⟧");
    expect(SP, "Zheng realized that ⟦\" ⟧once the market opened, brands would follow,\" he said.");
    expect(SP, "The minister said⟦“⟧we must act now,” and left.");
    expect(SP, "He called it “a disaster⟦”⟧and resigned the next day.");
    expect(SP, "⟦“ ⟧We will not give up,” the coach said after the match.");
    expect(SP, "The plan, she said, is “simple and fair⟦ ”⟧, officials said.");
}

Test(quotes, spacing_negative)
{
    expect(SP, "“We will not give up,” the coach said.");
    expect(SP, "He said: “No.” Then he left the room.");
    expect(SP, "The “Belt and Road” initiative turns ten this year.");
    expect(SP, "CNN’s report on the countries’ talks was published in the ’90s.");
    expect(SP, "“‘Never again,’ he told us,” she said.");
    expect(SP, "“Why?” he asked. “Why not?”");
}

/* ---- quotes.mixed-style ---- */

Test(quotes, mixed_style_positive)
{
    expect(MX, "The “Belt and Road” initiative and the ⟦\"⟧Silk Road Fund\" were discussed.");
    expect(MX, "⟦\"⟧Fund E-account\" is coming\n\n"
               "The regulator said the ⟦\"⟧fund E account\" app and the \"portal\" were ready.\n\n"
               "Investors called it “convenient”.");
    expect(MX, "Mr Sun found a ⟦\"⟧statement\" and a \"notice\" at the site.\n\n"
               "The “price guarantee” has returned.");
    expect(MX, "Xinhua called it “historic”. ⟦\"⟧We are ready,\" the minister said.");
    expect(MX, "⟦\"⟧Last night, Hans left us,\" the party said.\n\nHe was “a reformer”, it added.");
}

Test(quotes, mixed_style_negative)
{
    expect(MX, "The “Belt and Road” initiative and the “Silk Road Fund” were discussed.");
    expect(MX, "The \"Belt and Road\" initiative and the \"Silk Road Fund\" were discussed.");
    expect(MX, "The “Belt and Road” plan's reach and China's role grew.");
    expect(MX, "“He said 'no' twice,” the aide recalled.");
    expect(MX, "The “flagship” phone has a 6.7\" screen.");
    expect(MX, "\"China’s economy is strong,\" the bureau said.");
}

/* Off in the default configuration (word lift 1.46 on the benchmark, below
 * the 1.5 a default rule needs); a house style turns it on by name. */
Test(quotes, mixed_style_off_by_default)
{
    const char *text = "The “Belt and Road” initiative and the \"Silk Road Fund\" were discussed.";
    tu_run *r = tu_check(text, NULL);
    cr_expect_eq(tu_count(r, MX), 0, "quotes.mixed-style fires in the default configuration");
    tu_free(r);
    r = tu_check(text, MX);
    cr_expect_eq(tu_count(r, MX), 1, "quotes.mixed-style turned on by name finds the straight mark");
    tu_free(r);
    const mtc_rule_info *ri = mtc_rule_find(MX, NULL);
    cr_assert_not_null(ri);
    cr_expect_eq(ri->enabled, 0, "quotes.mixed-style is off by default in its rule table");
}

/* ---- quotes.nesting ---- */

Test(quotes, nesting_positive)
{
    expect(NE, "“He said ⟦“⟧no” twice,” the aide recalled.");
    expect(NE, "“The report calls it ⟦“⟧fake news” and we disagree,” the spokesman said.");
    expect(NE, "“Our position on ⟦“⟧one China” is consistent,” the spokesman said.");
    expect(NE, "The minister said: “We reject the so-called ⟦“⟧debt trap” narrative.”");
    expect(NE, "“Everyone calls it the ⟦“⟧Great Wall” of tariffs,” he wrote on Twitter.");
    expect(NE, "\"We reject the ⟦\"⟧debt trap\" claims,\" he said.");
}

Test(quotes, nesting_negative)
{
    expect(NE, "“He said ‘no’ twice,” the aide recalled.");
    expect(NE, "The spokesman called the claims “disinformation” “with ominous intentions.”");
    expect(NE, "“First part of the statement.\n\n“Second part,” he said.");
    expect(NE, "“We will respond,” the ministry said. “The sanctions are illegal.”");
    expect(NE, "\"We also wish to restate this. \"The bank appeals to the public,\" he added.");
    expect(NE, "“Doing so means sanctions. We will keep it open, “Richard wrote on Twitter.");
}

/* ---- quotes.foreign-marks ---- */

Test(quotes, foreign_marks_positive)
{
    expect(FM, "The newspaper ⟦《⟧People’s Daily⟦》⟧ said the talks went well.");
    expect(FM, "⟦「⟧We are ready⟦」⟧, the spokesman said on Monday.");
    expect(FM, "The minister called it ⟦«⟧a turning point⟦»⟧ for the region.");
    expect(FM, "The German paper wrote ⟦„⟧Zeitenwende“ on its front page.");
    expect(FM, "He said ⟦＂⟧no⟦＂⟧ to the plan.");
    expect(FM, "The book ⟦〈⟧On China⟦〉⟧ was cited twice.");
}

Test(quotes, foreign_marks_negative)
{
    expect(FM, "The newspaper “People’s Daily” said the talks went well.");
    expect(FM, "He said \"no\" to the plan.");
    expect(FM, "The rate is 5% (down from 6%) this year.");
    expect(FM, "The phone has a 6.7\" screen.");
    expect(FM, "CNN’s report on the ’90s was aired.");
}

Test(quotes, foreign_marks_suggestions)
{
    expect_suggestion(FM, "The minister called it «a turning point for the region.", "“");
    expect_suggestion(FM, "The newspaper People’s Daily》 said so.", "”");
}

/* ---- brackets.unbalanced ---- */

Test(quotes, brackets_positive)
{
    expect(BR, "In 1996, the company ⟦(⟧600884.SH went public, the first listed company.");
    expect(BR, "The plan ⟦(⟧which was approved in March will start in May.");
    expect(BR, "The central bank said growth was slowing⟦)⟧ and cut rates.");
    expect(BR, "The fund ⟦[⟧set up in 2015⟦)⟧ invests in roads.");
    expect(BR, "The report ⟦(⟧published on Monday.\n\nIt said growth would be 5 percent⟦)⟧.");
    expect(BR, "The company ⟦（⟧Sugi Holding will list in May.");
}

Test(quotes, brackets_negative)
{
    expect(BR, "“By using diplomatic support, [Russian President Vladimir] Putin’s aggression can "
               "be checked,” he wrote.");
    expect(BR, "The company (600884.SH) went public in 1996.");
    expect(BR, "The options are: 1) raise rates, 2) cut spending.");
    expect(BR, "The index rose (by 3% (a record)) in March.");
    expect(BR, "Sugi Holding Co., Ltd. (hereinafter referred to as “Sugi”) issued an obituary.");
    expect(BR, "Costs (in US dollars) and revenue [in yuan] both rose {slightly}.");
}

/* ---- brackets.empty ---- */

Test(quotes, empty_brackets_positive)
{
    expect(BE, "A banner of hackers named Edalat Ali ⟦()⟧ appeared on the screen.");
    expect(BE, "The company ⟦( )⟧ listed its shares in Shanghai.");
    expect(BE, "⟦()⟧ was all the table showed.");
    expect(BE, "He called it “⟦()⟧ and nothing else”.");
    expect(BE, "The fund (set up in 2015 ⟦()⟧) invests in roads.");
    /* an empty pair is no unbalanced bracket */
    expect(BR, "A banner of hackers named Edalat Ali () appeared on the screen.");
}

Test(quotes, empty_brackets_negative)
{
    expect(BE, "The script calls print() and then exit( ) before it stops.");
    expect(BE, "The applicant(s) and the company (600884.SH) filed papers.");
    expect(BE, "The vote was ( 12 to 3 ) in favour.");
    expect(BE, "The hackers' group, Edalat Ali (Ali's Justice), claimed the attack.");
    expect(BE, "The list （） was printed in full-width brackets.");
    expect(BE, "The box [ ] was left unticked, and {} was empty.");
}

/* ---- the sample article ---- */

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
    cr_assert_eq(fread(buf, 1, (size_t)n, f), (size_t)n);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Offset of the mark just before `after` (which follows it in the text). */
static size_t mark_before(const char *text, const char *after, size_t mark_len)
{
    const char *p = strstr(text, after);
    cr_assert_not_null(p, "'%s' not in the sample", after);
    return (size_t)(p - text) - mark_len;
}

Test(quotes, sample_article)
{
    char *text = read_fixture("tests/fixtures/seed-article.txt");
    tu_run *r = tu_check(text, "quotes");
    size_t haas = mark_before(text, "Haas wrote", 3);
    size_t he = mark_before(text, "he wrote a group", 3);
    size_t revised = mark_before(text, " Revised by", 3);
    size_t solution = mark_before(text, "\n\nKey meeting", 3);
    size_t regional = mark_before(text, "\n\nAccording to Zhao", 3);
    cr_expect(has_at(r, WD, haas, haas + 3), "the opening mark before 'Haas wrote'");
    cr_expect(has_at(r, WD, he, he + 3), "the opening mark before 'he wrote'");
    cr_expect(has_at(r, UO, revised, revised + 3), "the stray mark before 'Revised'");
    cr_expect(has_at(r, WD, solution, solution + 3), "the mark ending 'a diplomatic solution.'");
    cr_expect(has_at(r, SP, regional - 1, regional + 3), "the space before the closing mark");
    /* nothing else: the quotations of Sullivan, Zhao and Horn, the adjacent
     * "disinformation" "with ominous intentions." and the square brackets
     * inside a quotation are correct */
    if (tu_count(r, NULL) != 5)
        tu_dump(r);
    cr_expect_eq(tu_count(r, NULL), 5);
    tu_free(r);
    free(text);
}
