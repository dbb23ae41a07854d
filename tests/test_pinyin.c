/* test_pinyin.c — the pinyin syllable table and splits (checker/core/pinyin.c):
 * the fewest-syllables split the source checks use, and the name test
 * spelling uses to keep romanized Chinese names out of its slip rules. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "pinyin.h"

Test(pinyin, syllable_table)
{
    int k = mtc_pinyin_index("zhuang");
    cr_assert_geq(k, 0);
    cr_expect_str_eq(mtc_pinyin_syllable(k), "zhuang");
    cr_expect_eq(mtc_pinyin_index("th"), -1);
    cr_expect_eq(mtc_pinyin_index(""), -1);
    cr_expect_str_eq(mtc_pinyin_syllable(-1), "");
    cr_expect_str_eq(mtc_pinyin_syllable(100000), "");
}

Test(pinyin, split_part_takes_the_fewest_syllables)
{
    int out[8];
    cr_expect_eq(mtc_pinyin_split_part("yonggang", 8, out, 8), 2);
    cr_expect_str_eq(mtc_pinyin_syllable(out[0]), "yong");
    cr_expect_str_eq(mtc_pinyin_syllable(out[1]), "gang");
    cr_expect_eq(mtc_pinyin_split_part("Xian", 4, out, 8), 1);
    cr_expect_eq(mtc_pinyin_split_part("street", 6, out, 8), 0);
    cr_expect_eq(mtc_pinyin_split_part("yonggang", 8, out, 1), 0, "more syllables than room");
}

Test(pinyin, name_like)
{
    const char *names[] = {"Zhuge", "Daqing", "Yining", "Huning", "Zhang", "Yi-ning", "Xi'an",
                           "Enlai", "Ouyang"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        cr_expect(mtc_pinyin_name_like(names[i], strlen(names[i])), "%s", names[i]);
    /* a syllable that begins with a vowel after the first is written after
     * an apostrophe in pinyin: he-er, me-er are no names; nor is English */
    const char *words[] = {"Heer", "Meer", "Someboby", "Onother", "Government", "Kim", "", "Zh4ng"};
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        cr_expect(!mtc_pinyin_name_like(words[i], strlen(words[i])), "%s", words[i]);
}

/* The look-up (packed numbers, not strcmp) finds every syllable at its
 * place and nothing else: not a prefix, an extension, another case, the
 * empty string or a string longer than eight bytes. */
Test(pinyin, index_finds_exactly_the_syllables)
{
    int n = 0;
    for (int k = 0; *mtc_pinyin_syllable(k); k++, n++) {
        const char *y = mtc_pinyin_syllable(k);
        cr_assert_eq(mtc_pinyin_index(y), k, "%s", y);
        char longer[16];
        snprintf(longer, sizeof longer, "%sz", y);
        if (mtc_pinyin_index(longer) >= 0)
            cr_assert_str_eq(mtc_pinyin_syllable(mtc_pinyin_index(longer)), longer);
        if (strlen(y) > 1) {
            char prefix[16];
            snprintf(prefix, sizeof prefix, "%.*s", (int)strlen(y) - 1, y);
            int p = mtc_pinyin_index(prefix);
            cr_assert(p < 0 || strcmp(mtc_pinyin_syllable(p), prefix) == 0, "%s", prefix);
        }
    }
    cr_assert_gt(n, 400);
    const char *none[] = {"", "Zhang", "zhuangg", "q", "zhuangzh", "zhuangzhuang", "aaaaaaaaa"};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        cr_assert_eq(mtc_pinyin_index(none[i]), -1, "[%s]", none[i]);
}
