/* kk-import-change.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KK_TYPE_IMPORT_CHANGE (kk_import_change_get_type ())

G_DECLARE_FINAL_TYPE (KkImportChange, kk_import_change, KK, IMPORT_CHANGE, GObject)

KkImportChange *kk_import_change_new               (guint           number,
                                                    const char     *program_label,
                                                    const char     *field,
                                                    const char     *old_value,
                                                    const char     *new_value);
guint           kk_import_change_get_number        (KkImportChange *self);
const char     *kk_import_change_get_program_label (KkImportChange *self);
const char     *kk_import_change_get_field         (KkImportChange *self);
const char     *kk_import_change_get_old_value     (KkImportChange *self);
const char     *kk_import_change_get_new_value     (KkImportChange *self);

G_END_DECLS
