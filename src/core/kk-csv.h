/* kk-csv.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-plan.h"

G_BEGIN_DECLS

/* What joins several values in one cell: funding codes, divisions, related
 * bodies, the programs of a shared sheet. */
#define KK_CSV_JOIN ";"

/**
 * KkCsvTable:
 * @KK_CSV_TABLE_PROGRAMS: one row a program
 * @KK_CSV_TABLE_KPIS: one row a KPI figure
 */
typedef enum
{
  KK_CSV_TABLE_PROGRAMS,
  KK_CSV_TABLE_KPIS,
} KkCsvTable;

gboolean kk_csv_table_from_name (const char    *name,
                                 KkCsvTable    *table);
GBytes  *kk_csv_export          (KkPlan        *plan,
                                 KkCsvTable     table);
gboolean kk_csv_export_file     (KkPlan        *plan,
                                 KkCsvTable     table,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
