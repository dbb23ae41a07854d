/* freeze_lexicon.c — build-time generator of the grammar lexicon's image
 * (checker/analyzers/grammar_lexicon.c): parses the embedded lexicon files
 * with the library's own code and writes their two word sets as they are
 * in memory, with the files' fingerprint; lexicon_blob.S links the image
 * into mtcheck, which then reads the lexicon with nothing to parse. Linked
 * against libmtcheck.a without the image (its weak reference is then
 * empty, so the files are parsed here). Usage: freeze_lexicon OUT.bin */
#include <stdio.h>
#include <stdlib.h>

#include "buffer.h"
#include "grammar_lexicon.h"

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: freeze_lexicon OUT.bin\n");
        return 2;
    }
    mtc_buf b = MTC_BUF_INIT;
    mtc_error err;
    if (mtc_grammar_lexicon_freeze(&b, &err) != MTC_OK) {
        fprintf(stderr, "freeze_lexicon: %s:%ld: %s\n", err.path, err.line, err.message);
        return 1;
    }
    FILE *f = fopen(argv[1], "wb");
    if (!f || fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
        fprintf(stderr, "freeze_lexicon: cannot write %s\n", argv[1]);
        return 1;
    }
    mtc_buf_free(&b);
    return 0;
}
