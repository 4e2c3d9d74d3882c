/* kk-import-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-csv-import.h"

G_BEGIN_DECLS

#define KK_TYPE_IMPORT_DIALOG (kk_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KkImportDialog, kk_import_dialog, KK, IMPORT_DIALOG, AdwWindow)

KkImportDialog *kk_import_dialog_new        (GtkWindow      *parent,
                                             KkCsvImport    *import,
                                             const char     *file_name);
KkCsvImport    *kk_import_dialog_get_import (KkImportDialog *self);

G_END_DECLS
