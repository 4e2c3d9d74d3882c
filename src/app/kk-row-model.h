/* kk-row-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KK_TYPE_ROW_MODEL (kk_row_model_get_type ())

G_DECLARE_FINAL_TYPE (KkRowModel, kk_row_model, KK, ROW_MODEL, GObject)

KkRowModel *kk_row_model_new          (GListModel *programs);
GListModel *kk_row_model_get_programs (KkRowModel *self);

G_END_DECLS
