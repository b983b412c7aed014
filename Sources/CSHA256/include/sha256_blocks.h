#ifndef JURYREPORT_SHA256_BLOCKS_H
#define JURYREPORT_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// SHA-256's 64 round constants (FIPS 180-4, 4.2.2).
extern const uint32_t juryreport_sha256_round_constants[64];

/// Whether this processor has the SHA extensions (with SSSE3 and SSE4.1) that
/// juryreport_sha256_blocks needs: x86-64 processors since about 2017. 0 elsewhere.
int juryreport_sha256_accelerated(void);

/// Adds `blocks` blocks of 64 bytes at `data` to the SHA-256 `state` (its eight words, as
/// FIPS 180-4 orders them) with the processor's SHA instructions. Call it only when
/// juryreport_sha256_accelerated() is not 0.
void juryreport_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
