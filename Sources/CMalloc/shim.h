#ifndef TRESOR_CMALLOC_SHIM_H
#define TRESOR_CMALLOC_SHIM_H
#include <stdlib.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

/// Sets glibc's mmap and trim thresholds (mallopt, which Swift's Glibc module does not export).
/// Returns 1 when glibc accepted both, 0 when it refused one; 1 on other C libraries (no-op).
static inline int cmalloc_set_thresholds(int mmap_threshold, int trim_threshold) {
#ifdef __GLIBC__
    return mallopt(M_MMAP_THRESHOLD, mmap_threshold) == 1 && mallopt(M_TRIM_THRESHOLD, trim_threshold) == 1;
#else
    (void)mmap_threshold;
    (void)trim_threshold;
    return 1;
#endif
}
#endif
