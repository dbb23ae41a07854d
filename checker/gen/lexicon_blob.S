/* lexicon_blob.S — links the grammar lexicon's image (build/gen/
 * grammar-lexicon.bin, written by checker/gen/freeze_lexicon.c) into the
 * binary as read-only data: mapped with the program, nothing to parse at
 * start-up. MTC_LEXICON_BLOB is its path, given by the Makefile. */
    .section .rodata
    .balign 64
    .globl mtc_lexicon_blob
mtc_lexicon_blob:
    .incbin MTC_LEXICON_BLOB
    .globl mtc_lexicon_blob_end
mtc_lexicon_blob_end:
    .section .note.GNU-stack,"",@progbits
