/* test_quote_char.c — the one answer to "is this a quotation mark"
 * (mtc_quote_char, quotemap.c) that the segmenter, typography and grammar
 * ask. */
#include <criterion/criterion.h>

#include "quotemap.h"

Test(quote_char, english_marks_with_their_sides_and_families)
{
    cr_assert_eq(mtc_quote_char(0x201C), MTC_QC_ENGLISH | MTC_QC_OPENS | MTC_QC_DOUBLE);
    cr_assert_eq(mtc_quote_char(0x201D), MTC_QC_ENGLISH | MTC_QC_CLOSES | MTC_QC_DOUBLE);
    cr_assert_eq(mtc_quote_char(0x2018), MTC_QC_ENGLISH | MTC_QC_OPENS);
    cr_assert_eq(mtc_quote_char(0x2019), MTC_QC_ENGLISH | MTC_QC_CLOSES);
    cr_assert_eq(mtc_quote_char('"'),
                 MTC_QC_ENGLISH | MTC_QC_OPENS | MTC_QC_CLOSES | MTC_QC_DOUBLE);
    cr_assert_eq(mtc_quote_char('\''), MTC_QC_ENGLISH | MTC_QC_OPENS | MTC_QC_CLOSES);
}

Test(quote_char, foreign_marks_come_from_the_data_file)
{
    cr_assert_eq(mtc_quote_char(0x00AB), MTC_QC_FOREIGN | MTC_QC_OPENS | MTC_QC_DOUBLE);  /* « */
    cr_assert_eq(mtc_quote_char(0x00BB), MTC_QC_FOREIGN | MTC_QC_CLOSES | MTC_QC_DOUBLE); /* » */
    cr_assert_eq(mtc_quote_char(0x201E), MTC_QC_FOREIGN | MTC_QC_OPENS | MTC_QC_DOUBLE);  /* „ */
    cr_assert_eq(mtc_quote_char(0x300E), MTC_QC_FOREIGN | MTC_QC_OPENS);                  /* 『 */
    cr_assert_eq(mtc_quote_char(0x300F), MTC_QC_FOREIGN | MTC_QC_CLOSES);                 /* 』 */
}

Test(quote_char, other_characters_are_no_quotation_marks)
{
    const int32_t none[] = {'a', '(', ')', '[', '-', '`', 0x00B4 /* ´ */, 0x2032 /* ′ */,
                            0x2033 /* ″ */, 0x3010 /* 【 */, ' ', 0, -1};
    for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
        cr_assert_eq(mtc_quote_char(none[i]), 0, "U+%04X", (unsigned)none[i]);
}
