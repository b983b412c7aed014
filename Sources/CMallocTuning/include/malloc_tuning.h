#ifndef JURYREPORT_MALLOC_TUNING_H
#define JURYREPORT_MALLOC_TUNING_H

/// Tunes the C library's allocator for this program's threads, once, before any other
/// thread starts. See malloc_tuning.c.
void juryreport_tune_malloc(void);

/// Hands the pages of freed memory back to the system: after a large buffer is let go, so
/// the memory the next stage takes is not added on top of it. A few milliseconds for a
/// large heap; call it only after freeing something large.
void juryreport_release_free_memory(void);

#endif
