#ifndef JURYREPORT_MALLOC_TUNING_H
#define JURYREPORT_MALLOC_TUNING_H

/// Tunes the C library's allocator for this program's threads, once, before any other
/// thread starts. See malloc_tuning.c.
void juryreport_tune_malloc(void);

#endif
