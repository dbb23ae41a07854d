/* ruleset.c — rules as data (ruleset.h): reads rule files (inih) into a
 * rule set and runs it over each sentence as the analyzer "rules".
 * Matching is by tokens: a phrase's words are compared with consecutive
 * tokens of a sentence, then its scope, quotation and length conditions
 * decide. Owns every rule, phrase and string it holds, and the analyzer
 * table pointing into them. */
#include "ruleset.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "alloc.h"
#include "data.h"
#include "quotemap.h"
#include "utf8.h"
#include "words.h"
#include "wordset.h"

enum {
    SC_SENTENCE = 1u << 0,
    SC_SENTENCE_START = 1u << 1,
    SC_SENTENCE_END = 1u << 2,
    SC_CLAUSE_END = 1u << 3,
    SC_LINE = 1u << 4,
    SC_PARA_START = 1u << 5,
    SC_PARA_END = 1u << 6,
    N_SCOPES = 7
};
static const char *const scope_names[N_SCOPES] = {
    "sentence", "sentence-start", "sentence-end", "clause-end", "line", "paragraph-start",
    "paragraph-end",
};

typedef enum { RT_EXISTENCE = 1, RT_SUBSTITUTION } rule_type;
typedef enum { Q_ANY = 0, Q_INSIDE, Q_OUTSIDE } quote_scope;

#define MAX_PIECES 8

/* One phrase (existence) or the wrong side of a swap (substitution). */
typedef struct entry {
    size_t rule;
    char *pieces[MAX_PIECES]; /* words, as written */
    size_t n_pieces;
    unsigned scopes;          /* subset of the rule's scopes */
    char *replacement;        /* substitution only */
    long next;                /* next entry with the same first word (lowercased), or -1 */
} entry;

typedef struct rule {
    rule_type type;
    unsigned scopes;
    quote_scope quotes;
    int ignorecase;
    size_t min_words;
    char *message;
    char *scope_message[N_SCOPES];
    char **good, **bad;
    size_t n_good, n_bad;
    char *source;
    long line; /* of its [section] */
} rule;

struct mtc_ruleset {
    mtc_name_known_fn name_known;
    rule *rules;
    mtc_rule_info *infos; /* parallel to rules; owns id, category, description */
    size_t n_rules, cap_rules;
    entry *entries;
    size_t n_entries, cap_entries;
    mtc_wordset *first; /* lowercased first word -> index of its first entry + 1 */
    int memoise;        /* the words' memo keeps the look-ups in first
                         * (MTC_WM_RS_FIRST): mtc_ruleset_memoise */
    mtc_analyzer an;
};

static void rules_check_sentence(void *state, const mtc_context *ctx, size_t si,
                                 mtc_emitter *em);

mtc_ruleset *mtc_ruleset_new(mtc_name_known_fn name_known)
{
    mtc_ruleset *rs = mtc_xcalloc(1, sizeof *rs);
    rs->name_known = name_known;
    rs->first = mtc_wordset_new();
    rs->an.name = "rules";
    rs->an.check_sentence = rules_check_sentence;
    rs->an.data = rs;
    return rs;
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void rule_free(rule *r, mtc_rule_info *info)
{
    free(r->message);
    for (size_t i = 0; i < N_SCOPES; i++)
        free(r->scope_message[i]);
    free_strings(r->good, r->n_good);
    free_strings(r->bad, r->n_bad);
    free(r->source);
    free((char *)info->id);
    free((char *)info->category);
    free((char *)info->description);
}

static void entry_free(entry *e)
{
    for (size_t i = 0; i < e->n_pieces; i++)
        free(e->pieces[i]);
    free(e->replacement);
}

void mtc_ruleset_free(mtc_ruleset *rs)
{
    if (!rs)
        return;
    for (size_t i = 0; i < rs->n_rules; i++)
        rule_free(&rs->rules[i], &rs->infos[i]);
    for (size_t i = 0; i < rs->n_entries; i++)
        entry_free(&rs->entries[i]);
    free(rs->rules);
    free(rs->infos);
    free(rs->entries);
    mtc_wordset_free(rs->first);
    free(rs);
}

size_t mtc_ruleset_count(const mtc_ruleset *rs)
{
    return rs ? rs->n_rules : 0;
}

const mtc_rule_info *mtc_ruleset_rules(const mtc_ruleset *rs)
{
    return rs->infos;
}

long mtc_ruleset_find(const mtc_ruleset *rs, const char *id)
{
    for (size_t i = 0; rs && i < rs->n_rules; i++)
        if (strcmp(rs->infos[i].id, id) == 0)
            return (long)i;
    return -1;
}

int mtc_ruleset_name_known(const mtc_ruleset *rs, const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; rs && i < rs->n_rules; i++) {
        const char *id = rs->infos[i].id;
        if (strcmp(id, name) == 0 || strcmp(rs->infos[i].category, name) == 0 ||
            (strncmp(id, name, n) == 0 && id[n] == '.'))
            return 1;
    }
    return 0;
}

size_t mtc_ruleset_n_examples(const mtc_ruleset *rs, size_t r, int bad)
{
    return bad ? rs->rules[r].n_bad : rs->rules[r].n_good;
}

const char *mtc_ruleset_example(const mtc_ruleset *rs, size_t r, int bad, size_t k)
{
    return bad ? rs->rules[r].bad[k] : rs->rules[r].good[k];
}

const char *mtc_ruleset_source(const mtc_ruleset *rs, size_t r)
{
    return rs->rules[r].source;
}

const mtc_analyzer *mtc_ruleset_analyzer(const mtc_ruleset *rs)
{
    return &rs->an;
}

/* ------------------------------------------------------------- parsing */

/* The line of every [section] header of the text, in order (inih's handler
 * is not told lines; rule-level errors name the rule's header). */
typedef struct header {
    char *name;
    long line;
} header;

typedef struct parse_ctx {
    mtc_ruleset *rs;
    const char *source;
    size_t first_rule, first_entry; /* what this file added (dropped on error) */
    header *headers;
    size_t n_headers;
    char cur[128];   /* section being read */
    long cur_rule;   /* its index, or -1 */
    char msg[600];
    long err_line;   /* > 0: the error's line is known here (else inih's) */
    int failed;
} parse_ctx;

static int failf(parse_ctx *c, long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int failf(parse_ctx *c, long line, const char *fmt, ...)
{
    if (!c->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->msg, sizeof c->msg, fmt, ap);
        va_end(ap);
        c->err_line = line;
        c->failed = 1;
    }
    return 0;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static long header_line(const parse_ctx *c, const char *name)
{
    for (size_t i = 0; i < c->n_headers; i++)
        if (strcmp(c->headers[i].name, name) == 0)
            return c->headers[i].line;
    return -1;
}

static void scan_headers(parse_ctx *c, const char *text)
{
    long line = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        line++;
        size_t a = 0;
        while (a < len && (p[a] == ' ' || p[a] == '\t'))
            a++;
        if (a < len && p[a] == '[') {
            const char *close = memchr(p + a, ']', len - a);
            if (close) {
                char *name = mtc_xstrndup(p + a + 1, (size_t)(close - p - a - 1));
                c->headers = mtc_xrealloc(c->headers, (c->n_headers + 1) * sizeof *c->headers);
                c->headers[c->n_headers].name = mtc_xstrdup(trim(name));
                c->headers[c->n_headers].line = line;
                c->n_headers++;
                free(name);
            }
        }
        p += len + (nl != NULL);
    }
}

static int valid_id(const char *id)
{
    const char *dot = strchr(id, '.');
    if (!dot || dot == id || !dot[1])
        return 0;
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' ||
              *p == '_'))
            return 0;
    return 1;
}

/* A message may hold '%s' (once at most) and '%%'; nothing else after '%'. */
static int valid_message(const char *m)
{
    int s = 0;
    for (const char *p = m; *p; p++) {
        if (*p != '%')
            continue;
        if (p[1] == '%') {
            p++;
        } else if (p[1] == 's' && !s) {
            s = 1;
            p++;
        } else {
            return 0;
        }
    }
    return 1;
}

static int parse_scopes(const char *value, unsigned *out)
{
    char *copy = mtc_xstrdup(value);
    unsigned bits = 0;
    int ok = 1;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok && ok;
         tok = strtok_r(NULL, ",", &save)) {
        char *t = trim(tok);
        int found = 0;
        for (size_t i = 0; i < N_SCOPES; i++)
            if (strcmp(t, scope_names[i]) == 0) {
                bits |= 1u << i;
                found = 1;
            }
        ok = found;
    }
    free(copy);
    *out = bits;
    return ok && bits;
}

static int parse_bool(const char *v, int *out)
{
    if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "on") || !strcmp(v, "1"))
        *out = 1;
    else if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "off") || !strcmp(v, "0"))
        *out = 0;
    else
        return -1;
    return 0;
}

/* Checks the section just read (when the next begins, or at the end). */
static void finish_rule(parse_ctx *c)
{
    if (c->cur_rule < 0 || c->failed)
        return;
    mtc_ruleset *rs = c->rs;
    rule *r = &rs->rules[c->cur_rule];
    mtc_rule_info *info = &rs->infos[c->cur_rule];
    const char *what = NULL;
    if (!r->type)
        what = "no type (existence or substitution)";
    else if (!r->message)
        what = "no message";
    if (!what) {
        size_t n = 0;
        for (size_t i = c->first_entry; i < rs->n_entries; i++)
            n += rs->entries[i].rule == (size_t)c->cur_rule;
        if (n == 0)
            what = r->type == RT_EXISTENCE ? "no phrase" : "no swap";
    }
    if (what) {
        failf(c, r->line, "rule [%s]: %s", info->id, what);
        return;
    }
    if (!info->category)
        info->category = mtc_xstrndup(info->id, (size_t)(strchr(info->id, '.') - info->id));
    size_t plen = (size_t)(strchr(info->id, '.') - info->id);
    char prefix[128];
    snprintf(prefix, sizeof prefix, "%.*s", (int)plen, info->id);
    if (strcmp(prefix, info->category) != 0 && !(rs->name_known && rs->name_known(prefix))) {
        failf(c, r->line,
              "rule [%s]: the id's prefix '%s' is neither its category '%s' nor a known analyzer "
              "or group",
              info->id, prefix, info->category);
        return;
    }
    if (!info->description)
        info->description = mtc_xstrdup(r->message);
}

static int start_rule(parse_ctx *c, const char *section)
{
    finish_rule(c);
    snprintf(c->cur, sizeof c->cur, "%s", section);
    c->cur_rule = -1;
    long line = header_line(c, section);
    if (!valid_id(section))
        return failf(c, line,
                     "[%s]: a rule id is prefix.name in lowercase letters, digits and '-'",
                     section);
    if (mtc_ruleset_find(c->rs, section) >= 0)
        return failf(c, line, "[%s]: a rule with this id is defined already", section);
    mtc_ruleset *rs = c->rs;
    mtc_grow((void **)&rs->rules, &rs->cap_rules, rs->n_rules + 1, sizeof *rs->rules);
    rs->infos = mtc_xrealloc(rs->infos, rs->cap_rules * sizeof *rs->infos);
    rule *r = &rs->rules[rs->n_rules];
    memset(r, 0, sizeof *r);
    mtc_rule_info *info = &rs->infos[rs->n_rules];
    memset(info, 0, sizeof *info);
    info->id = mtc_xstrdup(section);
    info->severity = MTC_SEV_MINOR;
    info->enabled = 1;
    r->scopes = SC_SENTENCE;
    r->source = mtc_xstrdup(c->source);
    r->line = line;
    c->cur_rule = (long)rs->n_rules++;
    return 1;
}

/* Adds an example with backslash-n read as a line break and a doubled backslash as one. */
static void push_example(char ***v, size_t *n, const char *s)
{
    char *out = mtc_xmalloc(strlen(s) + 1), *o = out;
    for (const char *p = s; *p; p++) {
        if (p[0] == '\\' && (p[1] == 'n' || p[1] == '\\')) {
            *o++ = p[1] == 'n' ? '\n' : '\\';
            p++;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    *v = mtc_xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = out;
}

/* Splits a phrase into words; 0 when it has none or too many. */
static int split_pieces(entry *e, const char *phrase)
{
    char *copy = mtc_xstrdup(phrase);
    int ok = 1;
    for (char *save = NULL, *tok = strtok_r(copy, " \t", &save); tok && ok;
         tok = strtok_r(NULL, " \t", &save)) {
        if (e->n_pieces == MAX_PIECES)
            ok = 0;
        else
            e->pieces[e->n_pieces++] = mtc_xstrdup(tok);
    }
    free(copy);
    return ok && e->n_pieces > 0;
}

static int add_entry(parse_ctx *c, rule *r, const char *name, const char *value)
{
    entry e;
    memset(&e, 0, sizeof e);
    e.rule = (size_t)c->cur_rule;
    e.scopes = r->scopes;
    e.next = -1;
    char *v = mtc_xstrdup(value);
    char *phrase = trim(v);
    int ok = 1;
    if (strcmp(name, "swap") == 0) {
        char *arrow = strstr(phrase, "->");
        if (!arrow) {
            free(v);
            return failf(c, 0, "[%s] swap: write 'wrong -> right', not '%s'", c->cur, value);
        }
        *arrow = '\0';
        char *right = trim(arrow + 2);
        phrase = trim(phrase);
        if (!*right || !*phrase) {
            free(v);
            return failf(c, 0, "[%s] swap: both sides of '->' need words", c->cur);
        }
        e.replacement = mtc_xstrdup(right);
    } else {
        char *at = strstr(phrase, " @");
        if (at) {
            unsigned bits;
            if (!parse_scopes(at + 2, &bits)) {
                failf(c, 0, "[%s] %s: unknown scope in '%s'", c->cur, name, at + 2);
                free(v);
                return 0;
            }
            *at = '\0';
            e.scopes = bits;
            phrase = trim(phrase);
        }
    }
    ok = split_pieces(&e, phrase);
    free(v);
    if (!ok) {
        entry_free(&e);
        return failf(c, 0, "[%s] %s: a phrase of 1 to %d words, not '%s'", c->cur, name,
                     MAX_PIECES, value);
    }
    mtc_ruleset *rs = c->rs;
    mtc_grow((void **)&rs->entries, &rs->cap_entries, rs->n_entries + 1, sizeof *rs->entries);
    rs->entries[rs->n_entries++] = e;
    return 1;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    parse_ctx *c = user;
    if (section[0] == '\0')
        return failf(c, 0, "'%s' outside a [rule.id] section", name);
    if (strcmp(section, c->cur) != 0 && !start_rule(c, section))
        return 0;
    if (c->cur_rule < 0)
        return 0; /* a section already refused */
    rule *r = &c->rs->rules[c->cur_rule];
    mtc_rule_info *info = &c->rs->infos[c->cur_rule];
    if (strcmp(name, "type") == 0) {
        if (strcmp(value, "existence") == 0)
            r->type = RT_EXISTENCE;
        else if (strcmp(value, "substitution") == 0)
            r->type = RT_SUBSTITUTION;
        else
            return failf(c, 0, "[%s] type: existence or substitution, not '%s'", section, value);
    } else if (strcmp(name, "message") == 0 || strncmp(name, "message.", 8) == 0) {
        if (!valid_message(value))
            return failf(c, 0, "[%s] %s: '%%' may only start '%%s' (once) or '%%%%'", section,
                         name);
        char **slot = &r->message;
        if (name[7] == '.') {
            unsigned bits;
            if (!parse_scopes(name + 8, &bits) || (bits & (bits - 1)))
                return failf(c, 0, "[%s] %s: unknown scope '%s'", section, name, name + 8);
            size_t k = 0;
            while (!(bits & (1u << k)))
                k++;
            slot = &r->scope_message[k];
        }
        free(*slot);
        *slot = mtc_xstrdup(value);
    } else if (strcmp(name, "category") == 0) {
        free((char *)info->category);
        info->category = mtc_xstrdup(value);
    } else if (strcmp(name, "description") == 0) {
        free((char *)info->description);
        info->description = mtc_xstrdup(value);
    } else if (strcmp(name, "severity") == 0) {
        mtc_severity sev;
        if (mtc_severity_parse(value, &sev) != 0)
            return failf(c, 0, "[%s] severity: minor, major or critical, not '%s'", section,
                         value);
        info->severity = sev;
    } else if (strcmp(name, "enabled") == 0) {
        if (parse_bool(value, &info->enabled) != 0)
            return failf(c, 0, "[%s] enabled: true or false, not '%s'", section, value);
    } else if (strcmp(name, "ignorecase") == 0) {
        if (parse_bool(value, &r->ignorecase) != 0)
            return failf(c, 0, "[%s] ignorecase: true or false, not '%s'", section, value);
    } else if (strcmp(name, "scope") == 0) {
        for (size_t i = c->first_entry; i < c->rs->n_entries; i++)
            if (c->rs->entries[i].rule == (size_t)c->cur_rule)
                return failf(c, 0, "[%s] scope: set it before the phrases", section);
        if (!parse_scopes(value, &r->scopes))
            return failf(c, 0, "[%s] scope: unknown scope in '%s' (sentence, sentence-start, "
                         "sentence-end, clause-end, line, paragraph-start, paragraph-end)",
                         section, value);
    } else if (strcmp(name, "quotes") == 0) {
        if (strcmp(value, "any") == 0)
            r->quotes = Q_ANY;
        else if (strcmp(value, "inside") == 0)
            r->quotes = Q_INSIDE;
        else if (strcmp(value, "outside") == 0)
            r->quotes = Q_OUTSIDE;
        else
            return failf(c, 0, "[%s] quotes: any, inside or outside, not '%s'", section, value);
    } else if (strcmp(name, "min-words") == 0) {
        char *end;
        errno = 0;
        long v = strtol(value, &end, 10);
        if (end == value || *end || v < 0 || v > 1000 || errno)
            return failf(c, 0, "[%s] min-words: a number of words, not '%s'", section, value);
        r->min_words = (size_t)v;
    } else if (strcmp(name, "phrase") == 0 || strcmp(name, "swap") == 0) {
        if (!r->type)
            return failf(c, 0, "[%s] %s: set the type first", section, name);
        if ((r->type == RT_EXISTENCE) != (strcmp(name, "phrase") == 0))
            return failf(c, 0, "[%s] %s: a rule of type %s takes %s", section, name,
                         r->type == RT_EXISTENCE ? "existence" : "substitution",
                         r->type == RT_EXISTENCE ? "phrase = ..." : "swap = wrong -> right");
        return add_entry(c, r, name, value);
    } else if (strcmp(name, "good") == 0) {
        push_example(&r->good, &r->n_good, value);
    } else if (strcmp(name, "bad") == 0) {
        push_example(&r->bad, &r->n_bad, value);
    } else {
        return failf(c, 0, "[%s] unknown key '%s'", section, name);
    }
    return 1;
}

static void index_entries(mtc_ruleset *rs, size_t from)
{
    for (size_t i = from; i < rs->n_entries; i++) {
        entry *e = &rs->entries[i];
        char low[256];
        size_t n = mtc_utf8_lower(e->pieces[0], strlen(e->pieces[0]), low, sizeof low);
        if (n == (size_t)-1)
            continue; /* a word longer than any token compared */
        intptr_t head = 0;
        if (mtc_wordset_get(rs->first, low, n, &head))
            e->next = (long)head - 1;
        mtc_wordset_put(rs->first, low, n, (intptr_t)i + 1);
    }
}

/* Drops what a failed file added. */
static void roll_back(mtc_ruleset *rs, size_t first_rule, size_t first_entry)
{
    for (size_t i = first_rule; i < rs->n_rules; i++)
        rule_free(&rs->rules[i], &rs->infos[i]);
    rs->n_rules = first_rule;
    for (size_t i = first_entry; i < rs->n_entries; i++)
        entry_free(&rs->entries[i]);
    rs->n_entries = first_entry;
}

mtc_status mtc_ruleset_add_text(mtc_ruleset *rs, const char *name, const char *text,
                                mtc_error *err)
{
    parse_ctx c;
    memset(&c, 0, sizeof c);
    c.rs = rs;
    c.source = name;
    c.first_rule = rs->n_rules;
    c.first_entry = rs->n_entries;
    c.cur_rule = -1;
    scan_headers(&c, text);
    for (size_t i = 1; i < c.n_headers && !c.failed; i++)
        for (size_t k = 0; k < i; k++)
            if (strcmp(c.headers[i].name, c.headers[k].name) == 0) {
                failf(&c, c.headers[i].line, "[%s]: a rule with this id is defined already",
                      c.headers[i].name);
                break;
            }
    int line = c.failed ? 0 : ini_parse_string(text, on_key, &c);
    finish_rule(&c);
    /* a [section] with no key never reaches the handler */
    for (size_t i = 0; i < c.n_headers && !c.failed; i++)
        if (mtc_ruleset_find(rs, c.headers[i].name) < (long)c.first_rule)
            failf(&c, c.headers[i].line, "[%s]: a rule with no keys", c.headers[i].name);
    for (size_t i = 0; i < c.n_headers; i++)
        free(c.headers[i].name);
    free(c.headers);
    if (line != 0 || c.failed) {
        long at = c.err_line > 0 ? c.err_line : line;
        mtc_error_set(err, MTC_ERR_CONFIG, name, -1, at > 0 ? at : -1, "%s",
                      c.failed ? c.msg : "syntax error (expected [rule.id] or key = value)");
        roll_back(rs, c.first_rule, c.first_entry);
        rs->an.rules = rs->infos; /* the table may have moved */
        rs->an.n_rules = rs->n_rules;
        return MTC_ERR_CONFIG;
    }
    index_entries(rs, c.first_entry);
    rs->an.rules = rs->infos;
    rs->an.n_rules = rs->n_rules;
    return MTC_OK;
}

mtc_status mtc_ruleset_add_file(mtc_ruleset *rs, const char *path, mtc_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        mtc_error_set(err, MTC_ERR_CONFIG, path, -1, -1, "cannot open the rule file: %s",
                      strerror(errno));
        return MTC_ERR_CONFIG;
    }
    size_t cap = 4096, n = 0, r;
    char *buf = mtc_xmalloc(cap);
    while ((r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += r;
        if (cap - n < 2)
            mtc_grow((void **)&buf, &cap, cap * 2, 1);
    }
    int bad = ferror(f);
    fclose(f);
    buf[n] = '\0';
    if (bad || strlen(buf) != n) {
        mtc_error_set(err, MTC_ERR_CONFIG, path, -1, -1,
                      bad ? "cannot read the rule file" : "NUL byte in the rule file");
        free(buf);
        return MTC_ERR_CONFIG;
    }
    mtc_status st = mtc_ruleset_add_text(rs, path, buf, err);
    free(buf);
    return st;
}

void mtc_ruleset_memoise(mtc_ruleset *rs)
{
    rs->memoise = 1;
}

/* The first entry + 1 of the rules whose first piece is the word w (0:
 * none), from the word's memo when the ruleset keeps it there. */
static intptr_t first_entry(const mtc_ruleset *rs, const mtc_document *doc, mtc_word *w)
{
    if (rs->memoise && (w->memo_have & (1u << MTC_WM_RS_FIRST)))
        return (intptr_t)w->memo[MTC_WM_RS_FIRST];
    intptr_t head = 0;
    if (!mtc_wordset_get_hashed(rs->first, mtc_word_text(doc, w), w->len, w->hash, &head))
        head = 0;
    if (rs->memoise) {
        w->memo[MTC_WM_RS_FIRST] = (uint32_t)head;
        w->memo_have |= (uint16_t)(1u << MTC_WM_RS_FIRST);
    }
    return head;
}

mtc_status mtc_ruleset_add_bundled(mtc_ruleset *rs, mtc_error *err)
{
    static const char dir[] = "dictionaries/rules/";
    for (size_t i = 0;; i++) {
        const char *name = mtc_data_name(i);
        if (!name)
            break;
        size_t n = strlen(name);
        if (strncmp(name, dir, sizeof dir - 1) != 0 || n < 4 || strcmp(name + n - 4, ".ini") != 0)
            continue;
        mtc_status st = mtc_ruleset_add_text(rs, name, mtc_data_get(name, NULL), err);
        if (st != MTC_OK)
            return st;
    }
    return MTC_OK;
}

/* ------------------------------------------------------------ matching */

static int is_word_tok(const mtc_token *t)
{
    return t->kind == MTC_TOK_WORD || t->kind == MTC_TOK_OTHER_WORD;
}

static int32_t tok_cp(const mtc_document *doc, const mtc_token *t)
{
    int32_t cp = -1;
    if (t->end > t->start)
        mtc_utf8_next(doc->text, t->end, t->start, &cp);
    return cp;
}

/* Closing quotation marks and brackets after a sentence's full stop. */
static int is_closer(int32_t cp)
{
    return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 ||
           cp == 0x2019 || cp == 0x00AB || cp == 0x00BB || cp == 0x201E || cp == 0x300C ||
           cp == 0x300D || cp == 0x300E || cp == 0x300F || cp == ')' || cp == ']' ||
           cp == 0xFF09;
}

static int is_edge_punct(const mtc_token *t)
{
    return t->kind == MTC_TOK_PUNCT || t->kind == MTC_TOK_SYMBOL;
}

/* What matching a sentence needs to know about it. */
typedef struct sent_view {
    const mtc_document *doc;
    const mtc_sentence *s;
    size_t first, end;   /* token range */
    size_t first_word;   /* first word token, or end */
    size_t words;        /* word and number tokens */
} sent_view;

/* Compares token t with phrase word p under the rule's case policy;
 * *capitalised is set when a lowercase word matched in its capitalised form. */
static int piece_matches(const sent_view *v, const rule *r, size_t ti, const char *p,
                         int *capitalised)
{
    const mtc_token *t = &v->doc->tokens[ti];
    const char *w = mtc_tok_text(v->doc, t);
    size_t n = mtc_tok_len(t), pn = strlen(p);
    if (n == pn && memcmp(w, p, n) == 0)
        return 1;
    char low[256];
    size_t ln = mtc_utf8_lower(w, n, low, sizeof low);
    if (ln == (size_t)-1 || ln != pn || memcmp(low, p, pn) != 0) {
        if (!r->ignorecase || ln == (size_t)-1)
            return 0;
        char plow[256];
        size_t pl = mtc_utf8_lower(p, pn, plow, sizeof plow);
        return pl == ln && memcmp(plow, low, ln) == 0;
    }
    /* the token is the word in another case; p is lowercase */
    if (r->ignorecase)
        return 1;
    int32_t cp;
    int k = mtc_utf8_next(w, n, 0, &cp);
    char rest[256];
    size_t rn = mtc_utf8_lower(w + k, n - (size_t)k, rest, sizeof rest);
    if (ti == v->first_word && (t->flags & MTC_TF_INITIAL_UPPER) && rn == n - (size_t)k &&
        memcmp(rest, w + k, rn) == 0) {
        *capitalised = 1;
        return 1;
    }
    return 0;
}

static int newline_between(const char *text, size_t a, size_t b)
{
    return a < b && memchr(text + a, '\n', b - a) != NULL;
}

/* 1 if the match of tokens [i, j) holds in scope bit `sc`. */
static int in_scope(const sent_view *v, unsigned sc, size_t i, size_t j)
{
    const mtc_document *doc = v->doc;
    const mtc_token *tk = doc->tokens;
    switch (sc) {
    case SC_SENTENCE:
        return 1;
    case SC_SENTENCE_START:
        return i == v->first_word;
    case SC_SENTENCE_END: {
        /* tokens j.. are the closing '.' (touching the phrase) and closers */
        if (j >= v->end || tk[j].kind != MTC_TOK_PUNCT || tok_cp(doc, &tk[j]) != '.' ||
            tk[j].start != tk[j - 1].end)
            return 0;
        for (size_t k = j + 1; k < v->end; k++)
            if (tk[k].kind != MTC_TOK_PUNCT || !is_closer(tok_cp(doc, &tk[k])))
                return 0;
        return 1;
    }
    case SC_CLAUSE_END: {
        /* "at the, then": a word before the phrase, ',' or ';' touching its
         * end, and the sentence going on with a word */
        if (j + 1 >= v->end || i == v->first || !is_word_tok(&tk[i - 1]))
            return 0;
        int32_t cp = tok_cp(doc, &tk[j]);
        if (tk[j].kind != MTC_TOK_PUNCT || (cp != ',' && cp != ';') ||
            tk[j].start != tk[j - 1].end)
            return 0;
        return is_word_tok(&tk[j + 1]) || tk[j + 1].kind == MTC_TOK_NUMBER;
    }
    case SC_LINE: {
        /* only punctuation between the line's start and i, and j and its end */
        size_t a = i, b = j;
        while (a > v->first && is_edge_punct(&tk[a - 1]) &&
               !newline_between(doc->text, tk[a - 1].end, tk[a].start))
            a--;
        while (b < v->end && is_edge_punct(&tk[b]) &&
               !newline_between(doc->text, tk[b - 1].end, tk[b].start))
            b++;
        size_t ls = tk[a].start, le = tk[b - 1].end;
        for (; ls > 0 && doc->text[ls - 1] != '\n'; ls--)
            if (doc->text[ls - 1] != ' ' && doc->text[ls - 1] != '\t')
                return 0;
        for (; le < doc->len && doc->text[le] != '\n'; le++)
            if (doc->text[le] != ' ' && doc->text[le] != '\t' && doc->text[le] != '\r')
                return 0;
        return 1;
    }
    case SC_PARA_START:
    case SC_PARA_END: {
        const mtc_paragraph *p = &doc->paragraphs[v->s->paragraph];
        if (sc == SC_PARA_START) {
            if (v->s != &doc->sentences[p->first_sentence])
                return 0;
            for (size_t k = v->first; k < i; k++)
                if (!is_edge_punct(&tk[k]))
                    return 0;
            return 1;
        }
        if (v->s != &doc->sentences[p->first_sentence + p->n_sentences - 1])
            return 0;
        for (size_t k = j; k < v->end; k++)
            if (!is_edge_punct(&tk[k]))
                return 0;
        return 1;
    }
    }
    return 0;
}

/* The message with '%s' replaced by arg and '%%' by '%'. */
static char *format_message(const char *m, const char *arg, size_t arg_len)
{
    size_t cap = strlen(m) + arg_len + 1, n = 0;
    char *out = mtc_xmalloc(cap);
    for (const char *p = m; *p; p++) {
        if (p[0] == '%' && p[1] == 's') {
            memcpy(out + n, arg, arg_len);
            n += arg_len;
            p++;
        } else if (p[0] == '%' && p[1] == '%') {
            out[n++] = '%';
            p++;
        } else {
            out[n++] = *p;
        }
    }
    out[n] = '\0';
    return out;
}

/* The replacement with its first letter capitalised (ASCII and Latin-1
 * letters through utf8proc's case map in utf8.h). */
static char *capitalise(const char *s)
{
    size_t n = strlen(s);
    char *out = mtc_xmalloc(n + 8);
    int32_t cp;
    int k = mtc_utf8_next(s, n, 0, &cp);
    int32_t up = mtc_cp_toupper(cp);
    int el = mtc_utf8_encode(up, out);
    memcpy(out + el, s + k, n - (size_t)k + 1);
    return out;
}

static void emit_match(const mtc_ruleset *rs, const entry *e, unsigned sc, int capitalised,
                       const sent_view *v, size_t i, size_t j, mtc_emitter *em)
{
    const rule *r = &rs->rules[e->rule];
    const mtc_document *doc = v->doc;
    size_t start = doc->tokens[i].start, end = doc->tokens[j - 1].end;
    size_t k = 0;
    while (!(sc & (1u << k)))
        k++;
    const char *m = r->scope_message[k] ? r->scope_message[k] : r->message;
    char *repl = e->replacement && capitalised ? capitalise(e->replacement) : NULL;
    const char *arg = e->replacement ? (repl ? repl : e->replacement) : doc->text + start;
    size_t arg_len = e->replacement ? strlen(arg) : end - start;
    char *msg = format_message(m, arg, arg_len);
    mtc_issue *is = mtc_emit(em, (int)e->rule, MTC_SEV_DEFAULT, start, end, "%s", msg);
    if (e->replacement)
        mtc_issue_suggest(is, arg, arg_len);
    free(msg);
    free(repl);
}

static void rules_check_sentence(void *state, const mtc_context *ctx, size_t si,
                                 mtc_emitter *em)
{
    const mtc_ruleset *rs = state;
    if (!rs || rs->n_entries == 0)
        return;
    const mtc_document *doc = ctx->doc;
    sent_view v;
    v.doc = doc;
    v.s = &doc->sentences[si];
    v.first = v.s->first_token;
    v.end = v.first + v.s->n_tokens;
    v.first_word = v.end;
    v.words = 0;
    for (size_t k = v.first; k < v.end; k++) {
        const mtc_token *t = &doc->tokens[k];
        if (is_word_tok(t) && v.first_word == v.end)
            v.first_word = k;
        v.words += is_word_tok(t) || t->kind == MTC_TOK_NUMBER;
    }
    for (size_t i = v.first; i < v.end;) {
        const mtc_token *t = &doc->tokens[i];
        /* the token's interned lowercase form (words.h), as long as the
         * 255 bytes a first piece may have */
        mtc_word *w = mtc_tok_word(doc, t);
        intptr_t head = 0;
        if (t->kind == MTC_TOK_PUNCT || w->len >= 256 || (head = first_entry(rs, doc, w)) == 0) {
            i++;
            continue;
        }
        size_t matched_end = 0;
        for (long ei = (long)head - 1; ei >= 0 && !matched_end; ei = rs->entries[ei].next) {
            const entry *e = &rs->entries[ei];
            const rule *r = &rs->rules[e->rule];
            if (!mtc_rule_on(em, (int)e->rule) || v.words < r->min_words ||
                i + e->n_pieces > v.end)
                continue;
            int capitalised = 0, ok = 1;
            for (size_t p = 0; p < e->n_pieces && ok; p++)
                ok = piece_matches(&v, r, i + p, e->pieces[p], &capitalised);
            if (!ok)
                continue;
            size_t j = i + e->n_pieces;
            if (r->quotes != Q_ANY) {
                int inside = ctx->quotes && mtc_quotemap_inside(ctx->quotes, t->start);
                if (inside != (r->quotes == Q_INSIDE))
                    continue;
            }
            for (size_t k = 0; k < N_SCOPES; k++) {
                unsigned sc = 1u << k;
                if ((e->scopes & sc) && in_scope(&v, sc, i, j)) {
                    emit_match(rs, e, sc, capitalised, &v, i, j, em);
                    matched_end = j;
                    break;
                }
            }
        }
        i = matched_end ? matched_end : i + 1;
    }
}
