/* fuzz_report_html.c — libFuzzer target for the HTML report (--format html)
 * and the --html-dir page names. Escaping is checked by difference: the
 * report of the article and the report of the same result with every
 * character that HTML gives a meaning to (< > & " ') replaced by 'x' in the
 * text, the file name, the messages and the suggestions must parse (gumbo)
 * to the same tree of elements, attributes and comments. Any character of
 * the article that escaped its escaping would add, remove or change a node. */
#include <gumbo.h>

#include "alloc.h"
#include "buffer.h"
#include "fuzz_common.h"
#include "report_html.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    fz_init();
    return 0;
}

static char *ht_defang(const char *s, size_t n)
{
    char *d = mtc_xmalloc(n + 1);
    for (size_t i = 0; i < n; i++)
        d[i] = strchr("<>&\"'", s[i]) && s[i] ? 'x' : s[i];
    d[n] = '\0';
    return d;
}

/* The element/attribute/comment skeleton of a parsed page, as a string. */
static void ht_shape(mtc_buf *b, const GumboNode *node)
{
    if (node->type == GUMBO_NODE_COMMENT) {
        mtc_buf_puts(b, "<!---->");
        return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
        return;
    const GumboElement *el = &node->v.element;
    mtc_buf_putc(b, '<');
    if (el->tag == GUMBO_TAG_UNKNOWN)
        mtc_buf_put(b, el->original_tag.data, el->original_tag.length);
    else
        mtc_buf_puts(b, gumbo_normalized_tagname(el->tag));
    for (unsigned i = 0; i < el->attributes.length; i++) {
        const GumboAttribute *at = el->attributes.data[i];
        mtc_buf_putc(b, ' ');
        mtc_buf_puts(b, at->name);
    }
    mtc_buf_putc(b, '>');
    for (unsigned i = 0; i < el->children.length; i++)
        ht_shape(b, el->children.data[i]);
    mtc_buf_puts(b, "</>");
}

static char *ht_page_shape(const char *html, size_t len)
{
    GumboOutput *g = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
    mtc_buf b = MTC_BUF_INIT;
    ht_shape(&b, g->root);
    gumbo_destroy_output(&kGumboDefaultOptions, g);
    return mtc_buf_detach(&b);
}

static void ht_check_page_name(const char *path)
{
    for (size_t idx = 0; idx < 1200; idx += 1199) {
        char *name = mtc_html_page_name(path, idx);
        size_t n = strlen(name);
        if (n == 0 || n > 200 || name[0] == '.' || strcmp(name + n - 5, ".html") != 0)
            abort();
        for (size_t i = 0; i < n; i++) {
            char c = name[i];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.'))
                abort(); /* a page name must never leave the folder */
        }
        free(name);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_article a;
    if (fz_check(data, size, &a) != 0)
        return 0;
    ht_check_page_name(a.path);
    const mtc_document *doc = a.doc;
    /* the defanged twin: same lengths, so every span stays valid */
    mtc_document twin = *doc;
    twin.text = ht_defang(doc->text, doc->len);
    twin.source = doc->source == doc->text ? twin.text : ht_defang(doc->source, doc->source_len);
    twin.path = ht_defang(doc->path, strlen(doc->path));
    mtc_result rtwin = *a.res;
    rtwin.doc = &twin;
    rtwin.issues = mtc_xcalloc(a.res->n_issues + 1, sizeof *rtwin.issues);
    for (size_t i = 0; i < a.res->n_issues; i++) {
        rtwin.issues[i] = a.res->issues[i];
        rtwin.issues[i].message = ht_defang(a.res->issues[i].message, strlen(a.res->issues[i].message));
        for (size_t k = 0; k < rtwin.issues[i].n_suggestions; k++)
            rtwin.issues[i].suggestions[k] =
                ht_defang(a.res->issues[i].suggestions[k], strlen(a.res->issues[i].suggestions[k]));
    }
    size_t len1, len2;
    char *page1 = fz_report(&mtc_reporter_html, &a, &len1);
    fz_article b = a;
    b.doc = &twin;
    b.res = &rtwin;
    char *page2 = fz_report(&mtc_reporter_html, &b, &len2);
    char *shape1 = ht_page_shape(page1, len1);
    char *shape2 = ht_page_shape(page2, len2);
    if (strcmp(shape1, shape2) != 0)
        abort(); /* article text changed the page's structure: escaping broken */
    free(shape1);
    free(shape2);
    free(page1);
    free(page2);
    for (size_t i = 0; i < a.res->n_issues; i++) {
        free(rtwin.issues[i].message);
        for (size_t k = 0; k < rtwin.issues[i].n_suggestions; k++)
            free(rtwin.issues[i].suggestions[k]);
    }
    free(rtwin.issues);
    if (twin.source != twin.text)
        free(twin.source);
    free(twin.text);
    free(twin.path);
    fz_free(&a);
    return 0;
}
