/* kk-fuzz.h: what the fuzz targets share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdint.h>

#include "kk-plan.h"

G_BEGIN_DECLS

/* Called by libFuzzer; declared for -Wmissing-prototypes. */
int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const uint8_t  *data,
                            size_t          size);

G_NORETURN
void    kk_fuzz_fail (const char    *format,
                      ...) G_GNUC_PRINTF (1, 2);
KkPlan *kk_fuzz_load (const uint8_t *data,
                      size_t         size);

G_END_DECLS
