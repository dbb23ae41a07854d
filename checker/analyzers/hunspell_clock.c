/* hunspell_clock.c — makes hunspell's suggestion time limit per thread.
 *
 * libhunspell 1.7.1 bounds its suggestion search with clock(): the CPU time
 * of the whole process. With several workers (-j N), the other workers' CPU
 * time counts against one worker's limit, so suggestion lists — and with
 * them the severity of spelling issues, which depends on having a close
 * suggestion — came out differently depending on -j and on load. This file
 * defines clock() for the mtcheck process as the calling thread's CPU time
 * (CLOCK_THREAD_CPUTIME_ID), which is what hunspell means to measure; the
 * dynamic linker binds libhunspell's clock() calls to it. Nothing else in
 * mtcheck calls clock(). Owns nothing; no state.
 * spelling.c references mtc_thread_clock_in_use so that this object is
 * always linked in with the spelling analyzer. */
#include <time.h>

const volatile int mtc_thread_clock_in_use = 1;

clock_t clock(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0)
        return (clock_t)-1;
    return (clock_t)((double)ts.tv_sec * CLOCKS_PER_SEC +
                     (double)ts.tv_nsec * (CLOCKS_PER_SEC / 1e9));
}
