/* kk-csv-import.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-import-change.h"
#include "kk-import-problem.h"
#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_CSV_IMPORT_ERROR (kk_csv_import_error_quark ())

/**
 * KkCsvImportError:
 * @KK_CSV_IMPORT_ERROR_ENCODING: the text is neither UTF-8 nor CP932
 * @KK_CSV_IMPORT_ERROR_HEADER: the first line does not name the columns
 * @KK_CSV_IMPORT_ERROR_PROBLEMS: some cells cannot be read, so nothing is applied
 */
typedef enum
{
  KK_CSV_IMPORT_ERROR_ENCODING,
  KK_CSV_IMPORT_ERROR_HEADER,
  KK_CSV_IMPORT_ERROR_PROBLEMS,
} KkCsvImportError;

#define KK_TYPE_CSV_IMPORT (kk_csv_import_get_type ())

G_DECLARE_FINAL_TYPE (KkCsvImport, kk_csv_import, KK, CSV_IMPORT, GObject)

GQuark       kk_csv_import_error_quark  (void);
KkCsvImport *kk_csv_import_new          (KkPlan       *plan,
                                         GBytes       *bytes,
                                         GError      **error);
KkCsvImport *kk_csv_import_new_for_file (KkPlan       *plan,
                                         GFile        *file,
                                         GError      **error);
GListModel  *kk_csv_import_get_changes  (KkCsvImport  *self);
GListModel  *kk_csv_import_get_problems (KkCsvImport  *self);
gboolean     kk_csv_import_get_can_apply (KkCsvImport *self);
gboolean     kk_csv_import_apply        (KkCsvImport  *self,
                                         GError      **error);

G_END_DECLS
