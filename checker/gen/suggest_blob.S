/* suggest_blob.S — links the suggestion index (build/gen/suggest-index.bin,
 * made by checker/gen/suggest_index.c) into the binary as read-only data:
 * mapped with the program, nothing to read or build at start-up.
 * MTC_SUGGEST_BLOB is its path, given by the Makefile. */
    .section .rodata
    .balign 16
    .globl mtc_suggest_blob
mtc_suggest_blob:
    .incbin MTC_SUGGEST_BLOB
    .globl mtc_suggest_blob_end
mtc_suggest_blob_end:
    .section .note.GNU-stack,"",@progbits
