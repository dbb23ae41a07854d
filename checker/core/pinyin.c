/* pinyin.c — the syllables of Mandarin pinyin (pinyin.h): the table, the
 * split of a romanized word into syllables, and the test that a
 * capitalised word reads as a pinyin name. Shared by the source checks
 * (names against the source's Han characters) and spelling (a word that
 * reads as pinyin is a name's, not a misspelling's). Owns nothing: the
 * table is constant (its syllables packed into numbers for the look-up are
 * made once per process, read-only after). */
#include "pinyin.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* The syllables of standard Mandarin pinyin without tones (ü written u, as
 * English-language news writes it), sorted: every reading ICU's Han-Latin
 * gives a CJK Unified Ideograph, less the interjections m, n and hm. */
static const char *const syllables[] = {
    "a", "ai", "an", "ang", "ao", "ba", "bai", "ban", "bang", "bao", "bei", "ben", "beng", "bi",
    "bian", "biao", "bie", "bin", "bing", "bo", "bu", "ca", "cai", "can", "cang", "cao", "ce",
    "cen", "ceng", "cha", "chai", "chan", "chang", "chao", "che", "chen", "cheng", "chi",
    "chong", "chou", "chu", "chua", "chuai", "chuan", "chuang", "chui", "chun", "chuo", "ci",
    "cong", "cou", "cu", "cuan", "cui", "cun", "cuo", "da", "dai", "dan", "dang", "dao", "de",
    "den", "deng", "di", "dian", "diao", "die", "ding", "diu", "dong", "dou", "du", "duan",
    "dui", "dun", "duo", "e", "ei", "en", "eng", "er", "fa", "fan", "fang", "fei", "fen",
    "feng", "fiao", "fo", "fou", "fu", "ga", "gai", "gan", "gang", "gao", "ge", "gei", "gen",
    "geng", "gong", "gou", "gu", "gua", "guai", "guan", "guang", "gui", "gun", "guo", "ha",
    "hai", "han", "hang", "hao", "he", "hei", "hen", "heng", "hong", "hou", "hu", "hua", "huai",
    "huan", "huang", "hui", "hun", "huo", "ji", "jia", "jian", "jiang", "jiao", "jie", "jin",
    "jing", "jiong", "jiu", "ju", "juan", "jue", "jun", "ka", "kai", "kan", "kang", "kao", "ke",
    "kei", "ken", "keng", "kong", "kou", "ku", "kua", "kuai", "kuan", "kuang", "kui", "kun",
    "kuo", "la", "lai", "lan", "lang", "lao", "le", "lei", "leng", "li", "lia", "lian", "liang",
    "liao", "lie", "lin", "ling", "liu", "lo", "long", "lou", "lu", "luan", "lue", "lun", "luo",
    "ma", "mai", "man", "mang", "mao", "me", "mei", "men", "meng", "mi", "mian", "miao", "mie",
    "min", "ming", "miu", "mo", "mou", "mu", "na", "nai", "nan", "nang", "nao", "ne", "nei",
    "nen", "neng", "ni", "nian", "niang", "niao", "nie", "nin", "ning", "niu", "nong", "nou",
    "nu", "nuan", "nue", "nun", "nuo", "o", "ou", "pa", "pai", "pan", "pang", "pao", "pei",
    "pen", "peng", "pi", "pian", "piao", "pie", "pin", "ping", "po", "pou", "pu", "qi", "qia",
    "qian", "qiang", "qiao", "qie", "qin", "qing", "qiong", "qiu", "qu", "quan", "que", "qun",
    "ran", "rang", "rao", "re", "ren", "reng", "ri", "rong", "rou", "ru", "rua", "ruan", "rui",
    "run", "ruo", "sa", "sai", "san", "sang", "sao", "se", "sen", "seng", "sha", "shai", "shan",
    "shang", "shao", "she", "shei", "shen", "sheng", "shi", "shou", "shu", "shua", "shuai",
    "shuan", "shuang", "shui", "shun", "shuo", "si", "song", "sou", "su", "suan", "sui", "sun",
    "suo", "ta", "tai", "tan", "tang", "tao", "te", "teng", "ti", "tian", "tiao", "tie", "ting",
    "tong", "tou", "tu", "tuan", "tui", "tun", "tuo", "wa", "wai", "wan", "wang", "wei", "wen",
    "weng", "wo", "wu", "xi", "xia", "xian", "xiang", "xiao", "xie", "xin", "xing", "xiong",
    "xiu", "xu", "xuan", "xue", "xun", "ya", "yan", "yang", "yao", "ye", "yi", "yin", "ying",
    "yo", "yong", "you", "yu", "yuan", "yue", "yun", "za", "zai", "zan", "zang", "zao", "ze",
    "zei", "zen", "zeng", "zha", "zhai", "zhan", "zhang", "zhao", "zhe", "zhen", "zheng", "zhi",
    "zhong", "zhou", "zhu", "zhua", "zhuai", "zhuan", "zhuang", "zhui", "zhun", "zhuo", "zi",
    "zong", "zou", "zu", "zuan", "zui", "zun", "zuo",
};

#define N_SYLLABLES (sizeof syllables / sizeof *syllables)

/* A string of at most 8 bytes as a number whose order is the strings'
 * (strcmp's: big-endian, NUL-padded); 0 for a longer one (no syllable). */
static uint64_t pack8(const char *s)
{
    uint64_t v = 0;
    size_t i = 0;
    for (; i < 8 && s[i]; i++)
        v |= (uint64_t)(unsigned char)s[i] << (8 * (7 - i));
    return i == 8 && s[8] ? 0 : v;
}

/* The syllables packed (pack8), in the table's order: made once per
 * process, read-only after. */
static uint64_t packed[N_SYLLABLES];
static pthread_once_t packed_once = PTHREAD_ONCE_INIT;

static void pack_syllables(void)
{
    for (size_t i = 0; i < N_SYLLABLES; i++)
        packed[i] = pack8(syllables[i]);
}

int mtc_pinyin_index(const char *s)
{
    pthread_once(&packed_once, pack_syllables);
    uint64_t key = pack8(s);
    if (key == 0)
        return -1; /* empty, or longer than any syllable */
    size_t lo = 0, hi = N_SYLLABLES; /* a binary search over numbers, not strcmp */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (packed[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < N_SYLLABLES && packed[lo] == key ? (int)lo : -1;
}

const char *mtc_pinyin_syllable(int k)
{
    return k >= 0 && (size_t)k < N_SYLLABLES ? syllables[k] : "";
}

#define MAX_PART 24 /* letters in one part of a word */

/* The letters w[0, n) in lowercase into low (MAX_PART + 1 bytes); 0 when
 * a byte is no ASCII letter or the part is empty or too long. */
static int lower_part(const char *w, size_t n, char *low)
{
    if (n == 0 || n > MAX_PART)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!mtc_ascii_is_alpha((unsigned char)w[i]))
            return 0;
        low[i] = (char)mtc_ascii_tolower((unsigned char)w[i]);
    }
    return 1;
}

/* Splits the letters w[0, n) (one part of a word: no '-' or '\'') into the
 * fewest pinyin syllables; writes their indexes to out (up to cap). Returns
 * the count, or 0 when the letters do not split. */
int mtc_pinyin_split_part(const char *w, size_t n, int *out, int cap)
{
    char low[MAX_PART + 1];
    if (!lower_part(w, n, low))
        return 0;
    int best[MAX_PART + 1], from[MAX_PART + 1], syl[MAX_PART + 1];
    best[0] = 0;
    for (size_t i = 1; i <= n; i++) {
        best[i] = 1 << 20;
        for (size_t l = 1; l <= 6 && l <= i; l++) {
            if (best[i - l] >= 1 << 20)
                continue;
            char s[7];
            memcpy(s, low + i - l, l);
            s[l] = '\0';
            int k = mtc_pinyin_index(s);
            if (k >= 0 && best[i - l] + 1 < best[i]) {
                best[i] = best[i - l] + 1;
                from[i] = (int)(i - l);
                syl[i] = k;
            }
        }
    }
    if (best[n] >= 1 << 20 || best[n] > cap)
        return 0;
    int count = best[n];
    for (int i = (int)n, k = count; i > 0; i = from[i])
        out[--k] = syl[i];
    return count;
}

/* 1 if the letters w[0, n) split into syllables of which every one but the
 * first begins with a consonant. */
static int name_part(const char *w, size_t n)
{
    char low[MAX_PART + 1];
    if (!lower_part(w, n, low))
        return 0;
    int ok[MAX_PART + 1] = {1}; /* ok[i]: low[0, i) splits */
    for (size_t i = 1; i <= n; i++) {
        for (size_t l = 1; l <= 6 && l <= i && !ok[i]; l++) {
            size_t from = i - l;
            if (!ok[from] || (from > 0 && strchr("aeiou", low[from])))
                continue;
            char s[7];
            memcpy(s, low + from, l);
            s[l] = '\0';
            ok[i] = mtc_pinyin_index(s) >= 0;
        }
    }
    return ok[n];
}

int mtc_pinyin_name_like(const char *w, size_t n)
{
    size_t a = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && w[i] != '-' && w[i] != '\'')
            continue;
        if (!name_part(w + a, i - a))
            return 0;
        a = i + 1;
    }
    return n > 0;
}
