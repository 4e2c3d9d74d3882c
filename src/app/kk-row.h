/* kk-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-program.h"

G_BEGIN_DECLS

#define KK_TYPE_ROW (kk_row_get_type ())

G_DECLARE_FINAL_TYPE (KkRow, kk_row, KK, ROW, GObject)

KkRow     *kk_row_new         (KkProgram *program);
KkProgram *kk_row_get_program (KkRow     *self);
void       kk_row_set_program (KkRow     *self,
                               KkProgram *program);

G_END_DECLS
