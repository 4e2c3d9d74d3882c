/* kk-table-export.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kk-plan.h"

G_BEGIN_DECLS

/**
 * KkTableExportKind:
 * @KK_TABLE_EXPORT_PROGRAMS: the programs table as CSV
 * @KK_TABLE_EXPORT_KPIS: the KPI table as CSV
 * @KK_TABLE_EXPORT_WORKBOOK: both tables as sheets of one Excel workbook
 */
typedef enum
{
  KK_TABLE_EXPORT_PROGRAMS,
  KK_TABLE_EXPORT_KPIS,
  KK_TABLE_EXPORT_WORKBOOK,
} KkTableExportKind;

#define KK_TYPE_TABLE_EXPORT (kk_table_export_get_type ())

G_DECLARE_FINAL_TYPE (KkTableExport, kk_table_export, KK, TABLE_EXPORT, GObject)

gboolean       kk_table_export_kind_from_name    (const char         *name,
                                                  KkTableExportKind  *kind);
KkTableExport *kk_table_export_new               (KkPlan             *plan,
                                                  KkTableExportKind   kind);
KkTableExportKind kk_table_export_get_kind      (KkTableExport      *self);
char          *kk_table_export_dup_file_name     (KkTableExport      *self);
const char    *kk_table_export_get_error_heading (KkTableExport      *self);
void           kk_table_export_choose            (KkTableExport      *self,
                                                  GtkWindow          *parent,
                                                  GFile              *folder);
gboolean       kk_table_export_write             (KkTableExport      *self,
                                                  GFile              *file,
                                                  GError            **error);

G_END_DECLS
