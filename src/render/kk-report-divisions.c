/* kk-report-divisions.c: the division summaries (担当課別事業一覧)
 *
 * A cover with every division's totals and the plan's, then each division
 * from a new page: the programs it leads and their subtotal, the programs
 * it shares with their lead division, the figures of its programs' targets
 * and a chart of their budgets. A program counts once, under its lead
 * division, as the plan's totals do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-format.h"
#include "kk-report-divisions.h"
#include "kk-report-figure.h"
#include "kk-report-parts.h"
#include "kk-report-table.h"
#include "kk-sheet.h"

/* A summary's chart has a bar for its largest programs and one for the
 * rest, so that it stays small beside the tables. */
#define CHART_MAX_BARS 15

/* The programs a division leads and those it only shares. */
typedef struct
{
  GListStore *led;
  GPtrArray *shared;
} KkDivisionPrograms;

static void
kk_division_programs_clear (KkDivisionPrograms *programs)
{
  g_clear_object (&programs->led);
  g_clear_pointer (&programs->shared, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KkDivisionPrograms, kk_division_programs_clear)

static gboolean
kk_program_shared_with (KkProgram  *program,
                        KkDivision *division)
{
  KkSheet *sheet = kk_program_get_sheet (program);

  return kk_program_get_lead_division (program) != division && sheet != NULL &&
         g_ptr_array_find (kk_sheet_get_divisions (sheet), division, NULL);
}

static void
kk_division_programs_init (KkDivisionPrograms *programs,
                           KkPlan             *plan,
                           KkDivision         *division)
{
  GListModel *all = kk_plan_get_programs (plan);

  programs->led = g_list_store_new (KK_TYPE_PROGRAM);
  programs->shared = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (all, i);

      if (kk_program_get_lead_division (program) == division)
        g_list_store_append (programs->led, program);
      else if (kk_program_shared_with (program, division))
        g_ptr_array_add (programs->shared, g_steal_pointer (&program));
    }
}

static void
kk_report_divisions_add_cover (KkReportDocument *document,
                               KkPlan           *plan)
{
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);
  GListModel *divisions = kk_plan_get_divisions (plan);
  KkTotals totals = kk_totals_for_plan (plan);

  kk_report_document_begin_section (document, KK_REPORT_SECTION_PLAIN);
  kk_report_add_title (document, _("Division Summaries"), kk_plan_get_title (plan));
  kk_report_add_unit_caption (document);
  kk_report_add_count_columns (table, _("Division"));
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);
      KkTotals division_totals = kk_totals_for_division (plan, division);

      kk_report_add_count_row (table, KK_REPORT_ROW_NORMAL, kk_division_get_name (division),
                               &division_totals);
    }
  kk_report_add_count_row (table, KK_REPORT_ROW_TOTAL, _("Total"), &totals);
  kk_report_add_table (document, block);
  kk_report_add_note (document, _("Each program counts once, under the division that leads it."));
}

/* 番号, 事業名, 財源, 事業費, 前年度, 増減, 継続/新規. */
static KkReportBlock *
kk_report_program_table_new (void)
{
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);

  kk_report_table_add_column (table, _("No."), KK_REPORT_COLUMN_CENTER);
  kk_report_table_add_column (table, _("Program"), KK_REPORT_COLUMN_EXPAND);
  kk_report_table_add_column (table, _("Funding"), KK_REPORT_COLUMN_CENTER);
  kk_report_add_amount_columns (table);
  kk_report_table_add_column (table, _("Status"), KK_REPORT_COLUMN_CENTER);
  return block;
}

static guint
kk_report_add_program_row (KkReportTable    *table,
                           KkReportRowFlags  flags,
                           KkProgram        *program)
{
  g_autofree char *number = g_strdup_printf ("%u", kk_program_get_number (program));
  g_autofree char *funding = kk_program_dup_funding_label (program, "・");
  g_autofree char *budget = kk_format_thousand_yen (kk_program_get_budget (program));
  g_autofree char *previous = kk_report_dup_previous_budget (program);
  g_autofree char *difference = kk_format_thousand_yen (kk_program_get_difference (program));
  const char *cells[] = {
    number, kk_program_get_name (program), funding, budget, previous, difference,
    kk_report_get_status_label (program),
  };

  return kk_report_table_add_row (table, flags, cells);
}

static void
kk_report_add_subtotal_row (KkReportTable  *table,
                            const KkTotals *totals)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (""));
  g_ptr_array_add (cells, g_strdup_printf (ngettext ("Subtotal (%u program)",
                                                     "Subtotal (%u programs)",
                                                     totals->n_programs),
                                           totals->n_programs));
  g_ptr_array_add (cells, g_strdup (""));
  kk_report_append_amounts (cells, totals);
  g_ptr_array_add (cells, g_strdup (""));
  kk_report_add_row (table, KK_REPORT_ROW_TOTAL, cells);
}

static void
kk_report_divisions_add_led (KkReportDocument *document,
                             GListModel       *led)
{
  KkReportBlock *block;
  KkTotals totals;

  kk_report_add_heading (document, _("Programs It Leads"));
  if (g_list_model_get_n_items (led) == 0)
    {
      kk_report_add_paragraph (document, _("This division leads no program."));
      return;
    }
  block = kk_report_program_table_new ();
  for (guint i = 0; i < g_list_model_get_n_items (led); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (led, i);

      kk_report_add_program_row (KK_REPORT_TABLE (block), KK_REPORT_ROW_NORMAL, program);
    }
  totals = kk_totals_for_programs (led, NULL, NULL);
  kk_report_add_subtotal_row (KK_REPORT_TABLE (block), &totals);
  kk_report_add_unit_caption (document);
  kk_report_add_table (document, block);
}

/* Marked with their lead division, dimmed, and left out of the subtotal. */
static void
kk_report_divisions_add_shared (KkReportDocument *document,
                                GPtrArray        *shared)
{
  KkReportBlock *block;

  if (shared->len == 0)
    return;
  kk_report_add_heading (document, _("Programs It Shares"));
  block = kk_report_program_table_new ();
  for (guint i = 0; i < shared->len; i++)
    {
      KkProgram *program = g_ptr_array_index (shared, i);
      KkDivision *lead = kk_program_get_lead_division (program);
      g_autofree char *mark = g_strdup_printf (_("Led by %s"), kk_division_get_name (lead));
      guint row = kk_report_add_program_row (KK_REPORT_TABLE (block), KK_REPORT_ROW_DIM, program);

      kk_report_table_set_note (KK_REPORT_TABLE (block), row, 1, mark);
    }
  kk_report_add_unit_caption (document);
  kk_report_add_table (document, block);
  kk_report_add_note (document, _("Shared programs count in their lead division's subtotal, "
                                  "not in this one."));
}

/* A figure of @kind, or of @fallback where the plan has none of @kind,
 * marked with its kind then; the date it stands at goes under it. */
static void
kk_report_add_figure_cell (GPtrArray  *cells,
                           GPtrArray  *notes,
                           KkKpi      *kpi,
                           int         fiscal_year,
                           KkKpiKind   kind,
                           KkKpiKind   fallback)
{
  KkKpiValue *value = kk_report_find_kpi_value (kpi, fiscal_year, kind);
  g_autoptr(GStrvBuilder) note = g_strv_builder_new ();
  g_auto(GStrv) note_parts = NULL;
  g_autofree char *as_of = NULL;

  if (value == NULL && (value = kk_report_find_kpi_value (kpi, fiscal_year, fallback)) != NULL)
    g_strv_builder_add (note, kk_report_get_kind_label (fallback));
  as_of = value ? kk_report_dup_as_of (value) : NULL;
  if (as_of != NULL)
    g_strv_builder_add (note, as_of);
  note_parts = g_strv_builder_end (note);
  g_ptr_array_add (cells, kk_report_dup_kpi_figure (kpi, value));
  g_ptr_array_add (notes, note_parts[0] ? g_strjoinv (" ", note_parts) : NULL);
}

static void
kk_report_add_kpi_row (KkReportTable *table,
                       const char    *numbers,
                       KkKpi         *kpi,
                       int            fiscal_year)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  const char *group = kk_kpi_get_group (kpi);
  double ratio;
  guint row;

  g_ptr_array_add (cells, g_strdup (numbers));
  g_ptr_array_add (cells, group ? g_strdup_printf ("%s %s", group, kk_kpi_get_name (kpi))
                                : g_strdup (kk_kpi_get_name (kpi)));
  g_ptr_array_add (notes, NULL);
  g_ptr_array_add (notes, NULL);
  kk_report_add_figure_cell (cells, notes, kpi, fiscal_year, KK_KPI_KIND_TARGET, KK_KPI_KIND_PLAN);
  kk_report_add_figure_cell (cells, notes, kpi, fiscal_year - 1, KK_KPI_KIND_TARGET,
                             KK_KPI_KIND_PLAN);
  kk_report_add_figure_cell (cells, notes, kpi, fiscal_year - 1, KK_KPI_KIND_ACTUAL,
                             KK_KPI_KIND_FORECAST);
  g_ptr_array_add (cells, kk_kpi_get_achievement (kpi, fiscal_year - 1, &ratio)
                          ? kk_format_percent (ratio) : g_strdup ("—"));
  row = kk_report_table_add_row (table, KK_REPORT_ROW_NORMAL, (const char * const *)cells->pdata);
  for (guint i = 0; i < notes->len; i++)
    if (g_ptr_array_index (notes, i) != NULL)
      kk_report_table_set_note (table, row, i, g_ptr_array_index (notes, i));
}

static KkReportBlock *
kk_report_kpi_table_new (int fiscal_year)
{
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);
  g_autofree char *target = kk_report_dup_year_kind_label (fiscal_year, KK_KPI_KIND_TARGET);
  g_autofree char *last_target = kk_report_dup_year_kind_label (fiscal_year - 1,
                                                                KK_KPI_KIND_TARGET);
  g_autofree char *last_actual = kk_report_dup_year_kind_label (fiscal_year - 1,
                                                                KK_KPI_KIND_ACTUAL);

  kk_report_table_add_column (table, _("Program numbers"), KK_REPORT_COLUMN_CENTER);
  kk_report_table_add_column (table, _("KPI"), KK_REPORT_COLUMN_EXPAND);
  kk_report_table_add_column (table, target, KK_REPORT_COLUMN_NUMBER);
  kk_report_table_add_column (table, last_target, KK_REPORT_COLUMN_NUMBER);
  kk_report_table_add_column (table, last_actual, KK_REPORT_COLUMN_NUMBER);
  kk_report_table_add_column (table, _("Achievement"), KK_REPORT_COLUMN_NUMBER);
  return block;
}

/* The KPIs of every sheet of the programs the division leads, a shared
 * sheet once. */
static void
kk_report_divisions_add_kpis (KkReportDocument *document,
                              KkPlan           *plan,
                              GListModel       *led)
{
  int fiscal_year = kk_plan_get_fiscal_year (plan);
  g_autoptr(KkReportBlock) block = kk_report_kpi_table_new (fiscal_year);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  kk_report_add_heading (document, _("Targets"));
  for (guint i = 0; i < g_list_model_get_n_items (led); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (led, i);
      KkSheet *sheet = kk_program_get_sheet (program);
      g_autofree char *numbers = NULL;
      GListModel *kpis;

      if (sheet == NULL || !g_hash_table_add (seen, sheet))
        continue;
      kpis = kk_sheet_get_kpis (sheet);
      numbers = kk_sheet_dup_numbers_label (sheet, "・");
      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, k);

          kk_report_add_kpi_row (KK_REPORT_TABLE (block), numbers, kpi, fiscal_year);
        }
    }
  if (kk_report_table_get_n_rows (KK_REPORT_TABLE (block)) == 0)
    kk_report_add_paragraph (document, _("The programs of this division set no figures as targets."));
  else
    kk_report_add_table (document, g_steal_pointer (&block));
}

static void
kk_report_divisions_add_chart (KkReportDocument *document,
                               KkPlan           *plan,
                               GListModel       *led)
{
  g_autoptr(KkChart) chart = NULL;
  KkReportBlock *figure;

  if (g_list_model_get_n_items (led) == 0)
    return;
  chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  kk_chart_set_programs (chart, led);
  kk_chart_set_max_bars (chart, CHART_MAX_BARS);
  figure = kk_report_figure_new (chart);
  kk_report_block_set_space_before (figure, 16);
  kk_report_document_take_block (document, figure);
}

static void
kk_report_divisions_add_division (KkReportDocument *document,
                                  KkPlan           *plan,
                                  KkDivision       *division)
{
  g_auto(KkDivisionPrograms) programs = { 0 };
  KkTotals totals = kk_totals_for_division (plan, division);
  g_autofree char *summary = kk_totals_dup_summary (&totals);

  kk_division_programs_init (&programs, plan, division);
  kk_report_document_begin_section (document, KK_REPORT_SECTION_PLAIN);
  kk_report_add_title (document, kk_division_get_name (division), summary);
  kk_report_divisions_add_led (document, G_LIST_MODEL (programs.led));
  kk_report_divisions_add_shared (document, programs.shared);
  kk_report_divisions_add_kpis (document, plan, G_LIST_MODEL (programs.led));
  kk_report_divisions_add_chart (document, plan, G_LIST_MODEL (programs.led));
}

/**
 * kk_report_divisions_build:
 * @division: (nullable): the one division to show, without the cover
 *
 * Adds the division summaries of @plan to @document.
 */
void
kk_report_divisions_build (KkReportDocument *document,
                           KkPlan           *plan,
                           KkDivision       *division)
{
  GListModel *divisions = kk_plan_get_divisions (plan);

  if (division == NULL)
    kk_report_divisions_add_cover (document, plan);
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) item = g_list_model_get_item (divisions, i);

      if (division == NULL || item == division)
        kk_report_divisions_add_division (document, plan, item);
    }
}
