/* kk-csv.c: the plan as CSV tables for spreadsheets
 *
 * UTF-8 with a byte order mark and CRLF line ends, quoted as RFC 4180 says:
 * what Excel on a Japanese desktop opens without garbling. Amounts are plain
 * integers of thousand yen, several values in one cell are joined with
 * KK_CSV_JOIN (";").
 *
 * Besides the cells RFC 4180 requires quoted (a comma, a quote, a line end),
 * a cell holding ";" or a tab is quoted too: LibreOffice's CSV import ticks
 * semicolon and tab as separators beside the comma by default (its
 * configuration's CSVImport Separators is ",;\t"), and would split "県;自" or
 * "22;23;24" into cells of their own, shifting the budgets beside them. Any
 * cell may be quoted, so no RFC 4180 reader minds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-core-private.h"
#include "kk-csv.h"
#include "kk-enums.h"
#include "kk-format.h"

static const char * const table_names[] = { "programs", "kpis", NULL };

typedef struct
{
  GString *out;
  gboolean first;
} KkCsvRow;

static void
kk_csv_cell (KkCsvRow   *row,
             const char *text)
{
  if (!row->first)
    g_string_append_c (row->out, ',');
  row->first = FALSE;

  if (text == NULL)
    return;
  if (strpbrk (text, ",\"\r\n\t" KK_CSV_JOIN) == NULL)
    {
      g_string_append (row->out, text);
      return;
    }
  g_string_append_c (row->out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (row->out, '"');
      g_string_append_c (row->out, *p);
    }
  g_string_append_c (row->out, '"');
}

static void
kk_csv_take_cell (KkCsvRow *row,
                  char     *text)
{
  kk_csv_cell (row, text);
  g_free (text);
}

static void
kk_csv_int_cell (KkCsvRow *row,
                 gint64    value)
{
  kk_csv_take_cell (row, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
kk_csv_end_row (KkCsvRow *row)
{
  g_string_append (row->out, "\r\n");
  row->first = TRUE;
}

static void
kk_csv_header (KkCsvRow           *row,
               const char * const *columns)
{
  for (guint i = 0; columns[i]; i++)
    kk_csv_cell (row, columns[i]);
  kk_csv_end_row (row);
}

static void
kk_csv_program_row (KkCsvRow  *row,
                    KkProgram *program)
{
  KkSheet *sheet = kk_program_get_sheet (program);
  gboolean is_new = kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW;

  kk_csv_int_cell (row, kk_program_get_number (program));
  kk_csv_cell (row, kk_program_get_name (program));
  kk_csv_cell (row, kk_pillar_get_name (kk_program_get_pillar (program)));
  kk_csv_take_cell (row, kk_program_dup_funding_label (program, KK_CSV_JOIN));
  kk_csv_int_cell (row, kk_program_get_budget (program));
  kk_csv_cell (row, kk_program_get_previous_name (program));
  if (is_new)
    kk_csv_cell (row, NULL);
  else
    kk_csv_int_cell (row, kk_program_get_previous_budget (program));
  kk_csv_int_cell (row, kk_program_get_difference (program));
  kk_csv_cell (row, kk_enum_get_nick (KK_TYPE_PROGRAM_STATUS, kk_program_get_status (program)));
  kk_csv_cell (row, kk_enum_get_nick (KK_TYPE_REVIEW_STATE, kk_program_get_review_state (program)));
  kk_csv_cell (row, kk_division_get_name (kk_program_get_lead_division (program)));
  kk_csv_take_cell (row, sheet ? kk_sheet_dup_divisions_label (sheet, KK_CSV_JOIN) : NULL);
  kk_csv_take_cell (row, sheet ? g_strjoinv (KK_CSV_JOIN, (char **)kk_sheet_get_partners (sheet)) : NULL);
  kk_csv_end_row (row);
}

static void
kk_csv_programs (KkCsvRow *row,
                 KkPlan   *plan)
{
  static const char * const columns[] = {
    "number", "name", "pillar", "funding", "budget", "previous_name", "previous_budget",
    "difference", "status", "review_state", "lead_division", "divisions", "partners", NULL
  };
  GListModel *programs = kk_plan_get_programs (plan);

  kk_csv_header (row, columns);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      kk_csv_program_row (row, program);
    }
}

static void
kk_csv_value_row (KkSheet    *sheet,
                  KkKpi      *kpi,
                  KkKpiValue *value,
                  gpointer    user_data)
{
  KkCsvRow *row = user_data;

  kk_csv_take_cell (row, kk_sheet_dup_numbers_label (sheet, KK_CSV_JOIN));
  kk_csv_cell (row, kk_kpi_get_name (kpi));
  kk_csv_cell (row, kk_kpi_get_group (kpi));
  kk_csv_cell (row, kk_kpi_get_unit (kpi));
  kk_csv_cell (row, kk_enum_get_nick (KK_TYPE_COMPARATOR, kk_kpi_get_comparator (kpi)));
  kk_csv_int_cell (row, kk_kpi_value_get_fiscal_year (value));
  kk_csv_cell (row, kk_enum_get_nick (KK_TYPE_KPI_KIND, kk_kpi_value_get_kind (value)));
  if (kk_kpi_value_get_has_value (value))
    kk_csv_take_cell (row, kk_format_number (kk_kpi_value_get_value (value)));
  else
    kk_csv_cell (row, NULL);
  kk_csv_cell (row, kk_kpi_value_get_as_of (value));
  kk_csv_cell (row, kk_kpi_value_get_note (value));
  kk_csv_end_row (row);
}

static void
kk_csv_kpis (KkCsvRow *row,
             KkPlan   *plan)
{
  static const char * const columns[] = {
    "programs", "kpi", "group", "unit", "comparator", "fiscal_year", "kind", "value",
    "as_of", "note", NULL
  };

  kk_csv_header (row, columns);
  kk_plan_foreach_kpi_value (plan, kk_csv_value_row, row);
}

/**
 * kk_csv_table_from_name:
 * @name: "programs" or "kpis"
 *
 * Returns: %FALSE when @name is not a table
 */
gboolean
kk_csv_table_from_name (const char *name,
                        KkCsvTable *table)
{
  for (guint i = 0; table_names[i]; i++)
    if (g_strcmp0 (name, table_names[i]) == 0)
      {
        *table = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * kk_csv_export:
 *
 * Returns: (transfer full): the table as CSV text
 */
GBytes *
kk_csv_export (KkPlan     *plan,
               KkCsvTable  table)
{
  KkCsvRow row = { g_string_new ("\xEF\xBB\xBF"), TRUE };

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);

  if (table == KK_CSV_TABLE_PROGRAMS)
    kk_csv_programs (&row, plan);
  else
    kk_csv_kpis (&row, plan);
  return g_string_free_to_bytes (row.out);
}

/**
 * kk_csv_export_file:
 *
 * Writes the table to @file, replacing it whole: on failure no partial file
 * is left.
 *
 * Returns: %TRUE on success
 */
gboolean
kk_csv_export_file (KkPlan        *plan,
                    KkCsvTable     table,
                    GFile         *file,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = kk_csv_export (plan, table);
  return kk_file_replace_bytes (file, bytes, NULL, FALSE, NULL, cancellable, error);
}
