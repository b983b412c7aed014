#include "malloc_tuning.h"
#include <stdlib.h>  // defines __GLIBC__ on glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// glibc gives each thread that allocates an arena of its own, a heap of up to 64 MiB
// reserved without access, and makes it writable as it grows: one mprotect call for every
// few pages. A second core making a large outline or half a YAML file spent more time in
// those calls (and waiting on the address space's lock they take) than in its own work.
// With this pad a new heap is made writable whole at once. The cost: a thread's heap keeps
// up to this much freed memory instead of handing it back at once (a few MiB more at the
// peak of a large export).
void juryreport_tune_malloc(void) {
#if defined(__GLIBC__)
    mallopt(M_TOP_PAD, 64 << 20);
#endif
}

// The other side of that pad: a large buffer freed (an edition file's bytes once parsed, its
// parsed document once read) stays in its thread's heap, resident, for the next allocation.
// The peak of a large export is where those buffers meet the model being made, so hand the
// free pages back at once.
void juryreport_release_free_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
