/* test_spelling.c — the spelling analyzer: names vs misspellings, the
 * lowercase/capitalised pair, inconsistent names, skipped token kinds,
 * hyphenated names, user and repository word lists, en_GB and US/UK
 * variants, the dictionary search path and a missing dictionary.
 * Uses the real en_US/en_GB dictionaries for integration and a tiny
 * fixture dictionary (tests/fixtures/spelling/dict) for the search path. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "spelling_dict.h"
#include "testutil.h"

#define UW "spelling.unknown-word"
#define UC "spelling.unknown-capitalised"
#define IN "spelling.inconsistent-name"
#define VA "spelling.variant"
#define MX "spelling.mixed-variants"

static int has_suggestion(const mtc_issue *is, const char *s)
{
    for (size_t i = 0; i < is->n_suggestions; i++)
        if (strcmp(is->suggestions[i], s) == 0)
            return 1;
    return 0;
}

static size_t spelling_count(const tu_run *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->res->n_issues; i++)
        if (strcmp(r->res->issues[i].category, "spelling") == 0)
            n++;
    return n;
}

Test(spelling, lowercase_misspelling_is_reported_with_suggestions)
{
    tu_run *r = tu_check("The ministry said it would recieve the delegation on Monday.", "spelling");
    cr_assert(tu_has(r, UW, "recieve"));
    const mtc_issue *is = tu_find(r, UW, 0);
    cr_assert_not_null(is);
    cr_assert_geq(is->n_suggestions, 1);
    cr_assert_leq(is->n_suggestions, 3);
    cr_assert_eq(is->severity, MTC_SEV_MAJOR, "a close suggestion makes it major");
    cr_assert_eq(tu_count(r, UW), 1);
    tu_free(r);
}

Test(spelling, correct_text_has_no_issue)
{
    tu_run *r = tu_check("Officials said on Sunday that the talks had been constructive and "
                         "that both sides would continue to exchange views.",
                         "spelling");
    cr_assert_eq(spelling_count(r), 0);
    tu_free(r);
}

Test(spelling, names_are_not_misspellings)
{
    /* invented names: no dictionary has them */
    tu_run *r = tu_check("Foreign Ministry spokesperson Qorvath Zelimbek told reporters that "
                         "Tarnowicz and Ulembaya had met in Vrondheim. Later, Zelimbek said "
                         "the meeting between Tarnowicz and the Kremlin envoy went well.",
                         "spelling");
    if (spelling_count(r) != 0)
        tu_dump(r);
    cr_assert_eq(spelling_count(r), 0);
    tu_free(r);
}

Test(spelling, news_supplement_words_are_known)
{
    tu_run *r = tu_check("The influencer and several netizens discussed cybersecurity, a "
                         "hardline telecom regulator, crypto and homebuyers in Sino-US talks "
                         "reported by Xinhua.",
                         "spelling");
    if (spelling_count(r) != 0)
        tu_dump(r);
    cr_assert_eq(spelling_count(r), 0);
    tu_free(r);
}

Test(spelling, sentence_initial_word_is_checked_in_lowercase)
{
    tu_run *r = tu_check("Goverment officials met on Monday. Yesterday they met again.", "spelling");
    /* capitalised only because it starts the sentence: not taken for a name,
     * but without more evidence it is not reported either */
    cr_assert_eq(tu_count(r, UW), 0);
    tu_free(r);
    r = tu_check("Yesterday they met again. The goverment said so.", "spelling");
    cr_assert(tu_has(r, UW, "goverment"));
    tu_free(r);
}

Test(spelling, lowercase_and_capitalised_pair)
{
    tu_run *r = tu_check("The plan would make the country a comitee of one. Observers said "
                         "it tied itself to Comitee, like its neighbour.",
                         "spelling.unknown-word,spelling.unknown-capitalised");
    cr_assert(tu_has(r, UW, "comitee"));
    cr_assert(tu_has(r, UC, "Comitee"));
    const mtc_issue *is = tu_find(r, UC, 0);
    cr_assert_not_null(is);
    cr_assert_geq(is->n_suggestions, 1);
    cr_assert(is->suggestions[0][0] >= 'A' && is->suggestions[0][0] <= 'Z',
              "suggestions for a capitalised word are capitalised");
    tu_free(r);
}

Test(spelling, capitalised_unknown_without_lowercase_twin_is_a_name)
{
    tu_run *r = tu_check("Officials said Comitee would attend. Comitee declined to comment.",
                         "spelling");
    cr_assert_eq(tu_count(r, UC), 0);
    tu_free(r);
}

Test(spelling, capitalised_word_one_letter_from_a_common_word)
{
    tu_run *r = tu_check("The injured were taken to a nearby Hospitel on Monday.", "spelling");
    cr_assert(tu_has(r, UC, "Hospitel"));
    const mtc_issue *is = tu_find(r, UC, 0);
    cr_assert(has_suggestion(is, "Hospital"));
    tu_free(r);
    /* used consistently as a name: twice, or next to another name */
    r = tu_check("The injured were taken to Hospitel on Monday. Hospitel staff said all "
                 "were stable.",
                 "spelling");
    cr_assert_eq(tu_count(r, UC), 0);
    tu_free(r);
    r = tu_check("The injured were taken to Saint Hospitel on Monday.", "spelling");
    cr_assert_eq(tu_count(r, UC), 0);
    tu_free(r);
}

Test(spelling, inconsistent_name_reported_once_on_minority)
{
    tu_run *r = tu_check("President Zelenskyy spoke on Monday. Zelenskyy said the talks were "
                         "useful. Later, Zelensky added that more aid was needed. Zelenskyy "
                         "thanked the allies.",
                         IN);
    cr_assert_eq(tu_count(r, IN), 1);
    cr_assert(tu_has(r, IN, "Zelensky"));
    const mtc_issue *is = tu_find(r, IN, 0);
    cr_assert(has_suggestion(is, "Zelenskyy"));
    cr_assert_eq(is->severity, MTC_SEV_MINOR);
    tu_free(r);
}

Test(spelling, different_names_are_not_inconsistent)
{
    const char *texts[] = {
        "Iran and Iraq signed the deal. Iran said it would comply.",
        "Kazakhstan said the Kazakhstani delegation would attend.",
        "Kim Vrobelt met the Vrobelts at home.",
        "Officials in Vrondheim met officials from Brondheim.",
    };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        tu_run *r = tu_check(texts[i], IN);
        if (tu_count(r, IN))
            tu_dump(r);
        cr_assert_eq(tu_count(r, IN), 0, "no inconsistent name in: %s", texts[i]);
        tu_free(r);
    }
}

Test(spelling, skipped_token_kinds)
{
    tu_run *r = tu_check("See https://qwzxyv.example/pqzr or write to qwzx@qwzxyv.example, "
                         "follow @qwzxyv and #qwzxyvtag. It grew 3.5% to 5km on the 21st. "
                         "The QWZXV unit and the XQ7ZR and MH370 files mention Привет and "
                         "中文 and qwzxy-2.",
                         "spelling");
    if (spelling_count(r) != 0)
        tu_dump(r);
    cr_assert_eq(spelling_count(r), 0);
    tu_free(r);
}

Test(spelling, hyphenated_names_and_words)
{
    tu_run *r = tu_check("Kim Jong-un met Moon Jae-in, and Jean-Luc Vrobelt joined the "
                         "well-known long-term talks.",
                         "spelling");
    if (spelling_count(r) != 0)
        tu_dump(r);
    cr_assert_eq(spelling_count(r), 0);
    tu_free(r);
    r = tu_check("It was a long-terme plan.", "spelling");
    cr_assert(tu_has(r, UW, "terme"));
    tu_free(r);
}

Test(spelling, possessives_and_curly_apostrophes)
{
    tu_run *r = tu_check("Russia’s envoy and the country's officials didn’t attend "
                         "Vrobelt’s briefing on the ministries’ plans.",
                         "spelling");
    if (spelling_count(r) != 0)
        tu_dump(r);
    cr_assert_eq(spelling_count(r), 0);
    tu_free(r);
}

Test(spelling, user_dictionary)
{
    const char *text = "The qwzxyl gadget was shown on Monday.";
    tu_run *r = tu_check(text, "spelling");
    cr_assert(tu_has(r, UW, "qwzxyl"));
    tu_free(r);

    mtc_config *cfg = mtc_config_new();
    char path[1024];
    mtc_config_add_dict(cfg, tu_root_path("tests/fixtures/spelling/user-words.txt", path,
                                          sizeof path));
    r = tu_check_cfg(text, cfg);
    cr_assert_eq(tu_count(r, UW), 0);
    tu_free(r);
}

Test(spelling, missing_user_dictionary_is_an_error)
{
    mtc_config *cfg = mtc_config_new();
    mtc_config_add_dict(cfg, "/nonexistent/mtcheck-words.txt");
    mtc_checker *chk = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    mtc_status st = mtc_checker_new(cfg, &chk, &err);
    cr_assert_neq(st, MTC_OK);
    cr_assert_null(chk);
    cr_assert(strstr(err.path, "mtcheck-words.txt") || strstr(err.message, "mtcheck-words.txt"));
    mtc_config_free(cfg);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "cannot write %s", path);
    fputs(text, f);
    fclose(f);
}

Test(spelling, repository_word_list)
{
    char root[] = "/tmp/mtc-spelling-XXXXXX";
    cr_assert_not_null(mkdtemp(root));
    char p[1200];
    snprintf(p, sizeof p, "%s/.git", root);
    cr_assert_eq(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/news", root);
    cr_assert_eq(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/%s", root, MTC_REPO_WORDS_NAME);
    write_file(p, "# project words\nqwzxyl\n");

    snprintf(p, sizeof p, "%s/news", root);
    mtc_wordset *ws = mtc_spelling_repo_words(p);
    cr_assert_not_null(ws, "the list at the repository root applies to subfolders");
    cr_assert(mtc_wordset_contains(ws, "qwzxyl", 6));
    mtc_wordset_free(ws);

    /* through the checker: an article in the repository */
    const char *text = "The qwzxyl gadget and the vbnmqw gadget were shown.";
    mtc_config *cfg = mtc_config_new();
    mtc_checker *chk = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_checker_new(cfg, &chk, &err), MTC_OK, "%s", err.message);
    snprintf(p, sizeof p, "%s/news/article.txt", root);
    mtc_document *doc = mtc_document_from_utf8(p, mtc_xstrdup(text), strlen(text));
    mtc_result *res = NULL;
    cr_assert_eq(mtc_checker_check(chk, doc, &res, &err), MTC_OK);
    size_t n = 0;
    for (size_t i = 0; i < res->n_issues; i++) {
        if (strcmp(res->issues[i].rule, UW) == 0) {
            n++;
            cr_assert_eq(strncmp(text + res->issues[i].start, "vbnmqw", 6), 0);
        }
    }
    cr_assert_eq(n, 1, "qwzxyl is accepted by the repository list, vbnmqw is not");
    mtc_result_free(res);
    mtc_document_free(doc);
    mtc_checker_free(chk);
    mtc_config_free(cfg);

    snprintf(p, sizeof p, "rm -rf '%s'", root);
    cr_assert_eq(system(p), 0);
}

Test(spelling, en_gb_dictionary_and_variants)
{
    mtc_config *cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "en_GB");
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, "spelling", 1);
    tu_run *r = tu_check_cfg("The programme was organised around the colour of the theatre.", cfg);
    if (spelling_count(r) != 0)
        tu_dump(r);
    cr_assert_eq(spelling_count(r), 0);
    tu_free(r);

    cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "en_GB");
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, VA, 1);
    r = tu_check_cfg("The color of the theatre was chosen.", cfg);
    cr_assert(tu_has(r, VA, "color"));
    cr_assert(has_suggestion(tu_find(r, VA, 0), "colour"));
    tu_free(r);
}

Test(spelling, en_us_variant_rule_and_accept_both)
{
    tu_run *r = tu_check("The programme was cancelled.", VA);
    cr_assert(tu_has(r, VA, "programme"));
    cr_assert(tu_has(r, VA, "cancelled"));
    cr_assert(has_suggestion(tu_find(r, VA, 0), "program"));
    cr_assert_eq(tu_count(r, UW), 0, "a variant spelling is no misspelling");
    tu_free(r);

    mtc_config *cfg = mtc_config_new();
    cfg->accept_both_variants = 1;
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, "spelling", 1);
    r = tu_check_cfg("The programme was cancelled.", cfg);
    cr_assert_eq(spelling_count(r), 0);
    tu_free(r);

    /* off by default: a consistently British article is no error */
    r = tu_check("The programme was cancelled and the centre closed.", NULL);
    cr_assert_eq(tu_count(r, VA), 0);
    cr_assert_eq(tu_count(r, MX), 0);
    tu_free(r);
}

Test(spelling, mixed_variants_reported_once_per_minority_word)
{
    tu_run *r = tu_check("The program to modernize the center was canceled. The color of the "
                         "programme was gray. Another programme followed.",
                         MX);
    cr_assert_eq(tu_count(r, MX), 1, "one issue per distinct minority word");
    cr_assert(tu_has(r, MX, "programme"));
    cr_assert(has_suggestion(tu_find(r, MX, 0), "program"));
    tu_free(r);
}

Test(spelling, quoted_single_word_is_a_mention)
{
    tu_run *r = tu_check("Those \"vbnmqw\" ads were everywhere.", "spelling");
    cr_assert_eq(tu_count(r, UW), 0);
    tu_free(r);
}

Test(spelling, seed_article)
{
    char path[1024];
    FILE *f = fopen(tu_root_path("tests/fixtures/seed-article.txt", path, sizeof path), "rb");
    cr_assert_not_null(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    tu_run *r = tu_check(buf, "spelling");
    /* the misspelled word, lowercase and capitalised; the article's five
     * "US" beside its two "U.S."; nothing else */
    cr_assert_eq(tu_count(r, UW), 1);
    cr_assert_eq(tu_count(r, UC), 1);
    cr_assert_eq(tu_count(r, "spelling.mixed-abbreviation"), 5);
    for (size_t i = 0; i < 5; i++) {
        char *t = tu_issue_text(r, tu_find(r, "spelling.mixed-abbreviation", i));
        cr_assert_str_eq(t, "US");
        free(t);
    }
    cr_assert_eq(spelling_count(r), 7);
    tu_free(r);
}

/* ---- dictionary search ---- */

Test(spelling, search_path_finds_a_fixture_dictionary)
{
    mtc_config *cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "tt_TT");
    char dir[1024], aff[1200], dic[1200];
    tu_root_path("tests/fixtures/spelling/dict", dir, sizeof dir);
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_spelling_find_dict(cfg, NULL, aff, dic, sizeof aff, &err), MTC_ERR_DICT);
    cr_assert_eq(mtc_spelling_find_dict(cfg, dir, aff, dic, sizeof aff, &err), MTC_OK,
                 "found through the MTCHECK_DICPATH value");
    cr_assert(strstr(dic, "tt_TT.dic"));
    mtc_config_add_dicpath(cfg, dir);
    cr_assert_eq(mtc_spelling_find_dict(cfg, "/nonexistent:/also-not", aff, dic, sizeof aff, &err),
                 MTC_OK, "found through --dicpath");

    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, UW, 1);
    tu_run *r = tu_check_cfg("the cat sat on the dog", cfg);
    cr_assert(tu_has(r, UW, "dog"));
    cr_assert_eq(tu_count(r, UW), 2, "on and dog are not in the tiny dictionary");
    tu_free(r);
}

Test(spelling, environment_dicpath)
{
    char dir[1024];
    tu_root_path("tests/fixtures/spelling/dict", dir, sizeof dir);
    char env[1200];
    snprintf(env, sizeof env, "/nonexistent:%s", dir);
    setenv("MTCHECK_DICPATH", env, 1);
    mtc_config *cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "tt_TT");
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, UW, 1);
    tu_run *r = tu_check_cfg("the cat sat on the mat", cfg);
    cr_assert_eq(tu_count(r, UW), 1);
    cr_assert(tu_has(r, UW, "on"));
    tu_free(r);
}

Test(spelling, missing_dictionary_is_a_clear_error)
{
    mtc_config *cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "xx_XX");
    char dir[1024];
    mtc_config_add_dicpath(cfg, tu_root_path("tests/fixtures/spelling/empty", dir, sizeof dir));
    mtc_checker *chk = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_checker_new(cfg, &chk, &err), MTC_ERR_DICT);
    cr_assert_null(chk);
    cr_assert(strstr(err.message, "xx_XX"), "names the language: %s", err.message);
    cr_assert(strstr(err.message, "fixtures/spelling/empty"), "names the folders: %s",
              err.message);
    cr_assert(strstr(err.message, "/usr/share/hunspell"), "%s", err.message);
    mtc_config_free(cfg);
}

Test(spelling, unusable_dictionary_is_an_error)
{
    mtc_config *cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "tt_TT");
    char dir[1024];
    mtc_config_add_dicpath(cfg, tu_root_path("tests/fixtures/spelling/broken", dir, sizeof dir));
    mtc_checker *chk = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_checker_new(cfg, &chk, &err), MTC_ERR_DICT);
    cr_assert_null(chk);
    mtc_config_free(cfg);
}

/* check_names pairs names through an index of one-deletion forms: every
 * kind of single edit still pairs up, two edits or another first letter
 * do not, and among thousands of unrelated names the one pair is found. */
Test(spelling, inconsistent_name_every_single_edit)
{
    static const char *const pairs[][2] = {
        {"Vrobeltson", "Vrobelsson"}, /* substitution */
        {"Vrobeltson", "Vrobeltsson"}, /* insertion */
        {"Vrobeltson", "Vrobltson"},  /* deletion */
        {"Vrobeltson", "Vrobetlson"}, /* transposition */
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 "Officials said %s agreed. Officials said %s left. Officials said %s came.",
                 pairs[i][0], pairs[i][0], pairs[i][1]);
        tu_run *r = tu_check(text, IN);
        cr_expect_eq(tu_count(r, IN), 1, "%s / %s", pairs[i][0], pairs[i][1]);
        cr_expect(tu_has(r, IN, pairs[i][1]), "%s", pairs[i][1]);
        tu_free(r);
    }
    const char *apart[] = {
        "Officials said Vrobeltson agreed. Officials said Vrobeltson left. Officials said Vrobalsson came.",
        "Officials said Vrobeltson agreed. Officials said Vrobeltson left. Officials said Grobeltson came.",
    };
    for (size_t i = 0; i < 2; i++) {
        tu_run *r = tu_check(apart[i], IN);
        cr_expect_eq(tu_count(r, IN), 0, "%s", apart[i]);
        tu_free(r);
    }
}

/* Names are paired one first letter at a time (issue 15: the deletion
 * tables of one letter, not of the whole article): pairs under several
 * letters are each found, in the article's order, and two names one edit
 * apart by their first letter never pair. */
Test(spelling, inconsistent_name_under_several_initials)
{
    tu_run *r = tu_check("Officials said Zhaoxing agreed. Zhaoxing left. Later Zhaoxin came. "
                         "Officials said Baimingro agreed. Baimingro left. Later Baimingra came. "
                         "Officials said Qiaoshanbu agreed. Qiaoshanbu left. Later Kiaoshanbu came. "
                         "Officials said Mulanvero agreed. Mulanvero left. Later Mulanverro came.",
                         IN);
    cr_assert_eq(tu_count(r, IN), 3);
    const char *want[] = {"Zhaoxin", "Baimingra", "Mulanverro"};
    for (size_t i = 0; i < 3; i++) {
        const mtc_issue *is = tu_find(r, IN, i);
        char *t = tu_issue_text(r, is);
        cr_assert_str_eq(t, want[i], "issue %zu", i);
        free(t);
    }
    cr_assert_not(tu_has(r, IN, "Kiaoshanbu"));
    cr_assert_not(tu_has(r, IN, "Qiaoshanbu"));
    tu_free(r);
}

Test(spelling, inconsistent_name_found_among_many_names)
{
    /* 3,000 distinct invented names with one initial, none one edit from
     * another, and one pair that is */
    static const char cons[] = "bdfgklmnprstvz", vow[] = "aeiou";
    size_t cap = 3000 * 48 + 256, len = 0;
    char *text = malloc(cap);
    cr_assert(text);
    for (size_t i = 0; i < 3000; i++) {
        size_t k = i;
        char name[32];
        size_t n = 0;
        name[n++] = 'K';
        /* i in base 70, twice: two names differ in two places, two edits */
        for (int copy = 0; copy < 2; copy++) {
            k = i;
            for (int s = 0; s < 2; s++) {
                name[n++] = cons[k % 14];
                name[n++] = vow[(k / 14) % 5];
                k /= 70;
            }
            name[n++] = copy ? 'x' : 'r';
        }
        name[n] = '\0';
        len += (size_t)snprintf(text + len, cap - len, "Officials said %s agreed. ", name);
    }
    snprintf(text + len, cap - len, "Officials said Kabelmoro agreed. Kabelmoro left. Kabelmora came.");
    tu_run *r = tu_check(text, IN);
    cr_assert_eq(tu_count(r, IN), 1);
    cr_assert(tu_has(r, IN, "Kabelmora"));
    tu_free(r);
    free(text);
}

#define MA "spelling.mixed-abbreviation"

Test(spelling, mixed_abbreviation_positive)
{
    tu_run *r = tu_check("The US and China met. The U.S. side said the U.S. would wait, and the UN "
                         "and the U.N. agreed.",
                         MA);
    cr_assert_eq(tu_count(r, MA), 2);
    cr_assert(tu_has(r, MA, "US"));
    cr_assert(tu_has(r, MA, "UN"));
    cr_assert(has_suggestion(tu_find(r, MA, 0), "U.S."));
    cr_assert_eq(tu_find(r, MA, 0)->severity, MTC_SEV_MINOR);
    tu_free(r);

    /* British house style: the dotted form is the odd one */
    mtc_config *cfg = mtc_config_new();
    snprintf(cfg->lang, sizeof cfg->lang, "en_GB");
    mtc_config_set_rule(cfg, "all", 0);
    mtc_config_set_rule(cfg, MA, 1);
    r = tu_check_cfg("The US and China met. The U.S. side said nothing.", cfg);
    cr_assert_eq(tu_count(r, MA), 1);
    cr_assert(tu_has(r, MA, "U.S."));
    cr_assert(has_suggestion(tu_find(r, MA, 0), "US"));
    tu_free(r);
}

Test(spelling, mixed_abbreviation_negative)
{
    /* one form throughout, either one */
    tu_expect(MA, "The US and China met. The US side said the US would wait.", NULL);
    tu_expect(MA, "The U.S. and China met. The U.S. side said nothing.", NULL);
    /* different abbreviations; a run of capitals; lowercase dotted words */
    tu_expect(MA, "The UN and the U.S. met. The EU waited.", NULL);
    tu_expect(MA, "THE US ECONOMY GREW, the U.S. government said.", NULL);
    tu_expect(MA, "The talks began at 9 a.m. and the AM session ended.", NULL);
}

/* a hyphenated name the article also writes as two words */
Test(spelling, inconsistent_name_hyphen)
{
    tu_run *r = tu_check("Kim Jong-un met officials. Kim Jong-un spoke. Later Kim Jong Un left.", IN);
    cr_assert_eq(tu_count(r, IN), 1);
    cr_assert(tu_has(r, IN, "Jong Un"));
    cr_assert(has_suggestion(tu_find(r, IN, 0), "Jong-un"));
    tu_free(r);
    tu_expect(IN, "Kim Jong-un met officials. Kim Jong-un spoke again.", NULL);
    tu_expect(IN, "The well-known shop sold Well Known brand tea.", NULL);
    tu_expect(IN, "Kim Jong Un met officials. Kim Jong Un spoke again.", NULL);
}

/* A capitalised form is looked up in the dictionaries only when a rule may
 * report it (its verdict is asked late): the verdict still decides, the
 * repository's word list included. */
Test(spelling, capitalised_forms_asked_late_same_findings)
{
    /* one slip from a frequent word at a sentence start: reported unless known */
    tu_run *r = tu_check("Goverment officials met on Monday.", "spelling");
    cr_assert(tu_has(r, UC, "Goverment"));
    tu_free(r);
    r = tu_check("Government officials met on Monday.", "spelling");
    cr_assert_eq(tu_count(r, UC), 0);
    tu_free(r);
    /* two known names one edit apart are no inconsistent name; unknown ones are */
    r = tu_check("Officials in Paris met officials from Parks Canada on Monday.", IN);
    cr_assert_eq(tu_count(r, IN), 0);
    tu_free(r);
    r = tu_check("Officials in Vrondheim met. Vrondheim and Vrondheim agreed; Vrondhaim did not.",
                 IN);
    cr_assert(tu_has(r, IN, "Vrondhaim"));
    tu_free(r);

    /* one letter from a common word, once, mid-sentence: the repository's
     * word list makes it known */
    char root[] = "/tmp/mtc-spelling-XXXXXX";
    cr_assert_not_null(mkdtemp(root));
    char p[1200];
    snprintf(p, sizeof p, "%s/.git", root);
    cr_assert_eq(mkdir(p, 0700), 0);
    snprintf(p, sizeof p, "%s/%s", root, MTC_REPO_WORDS_NAME);
    write_file(p, "Hospitel\n");
    const char *text = "The injured were taken to a nearby Hospitel on Monday.";
    mtc_config *cfg = mtc_config_new();
    mtc_checker *chk = NULL;
    mtc_error err;
    memset(&err, 0, sizeof err);
    cr_assert_eq(mtc_checker_new(cfg, &chk, &err), MTC_OK, "%s", err.message);
    for (int in_repo = 0; in_repo <= 1; in_repo++) {
        snprintf(p, sizeof p, in_repo ? "%s/article.txt" : "/nonexistent-%s/article.txt",
                 in_repo ? root : "x");
        mtc_document *doc = mtc_document_from_utf8(p, mtc_xstrdup(text), strlen(text));
        mtc_result *res = NULL;
        cr_assert_eq(mtc_checker_check(chk, doc, &res, &err), MTC_OK);
        size_t n = 0;
        for (size_t i = 0; i < res->n_issues; i++)
            n += strcmp(res->issues[i].rule, UC) == 0;
        cr_assert_eq(n, in_repo ? 0 : 1, "in the repository: %d", in_repo);
        mtc_result_free(res);
        mtc_document_free(doc);
    }
    mtc_checker_free(chk);
    mtc_config_free(cfg);
    snprintf(p, sizeof p, "rm -rf '%s'", root);
    cr_assert_eq(system(p), 0);
}

/* In a headline a capitalised word is a name when a capitalised neighbour
 * is no dictionary word in lowercase; that is decided only for a word a
 * rule may report, with the same outcome. */
Test(spelling, headline_name_context_decided_late)
{
    tu_run *r = tu_check("Goverment Plans New Budget\n\nThe budget was approved on Monday.\n",
                         "spelling");
    cr_assert(tu_has(r, UC, "Goverment"), "neighbours known in lowercase: no name");
    tu_free(r);
    r = tu_check("Goverment Zhaokyin Visit\n\nThe budget was approved on Monday.\n", "spelling");
    cr_assert_eq(tu_count(r, UC), 0, "beside an unknown capitalised word: a name");
    tu_free(r);
    r = tu_check("Visit Of Zhaokyin Goverment\n\nThe budget was approved on Monday.\n",
                 "spelling");
    cr_assert_eq(tu_count(r, UC), 0, "the neighbour before it counts too");
    tu_free(r);
}
