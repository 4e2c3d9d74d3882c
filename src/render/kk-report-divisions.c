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

#include "kk-format.h"
#include "kk-report-divisions.h"
#include "kk-report-figure.h"
#include "kk-report-parts.h"
#include "kk-report-table.h"
#include "kk-report-words.h"
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

/* Returns: the cover's outline entry, which the divisions go under. */
static guint
kk_report_divisions_add_cover (KkReportDocument *document,
                               KkPlan           *plan)
{
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);
  GListModel *divisions = kk_plan_get_divisions (plan);
  KkTotals totals = kk_totals_for_plan (plan);
  guint entry;

  kk_report_document_begin_section (document, KK_REPORT_SECTION_PLAIN);
  entry = kk_report_add_title (document, KK_REPORT_OUTLINE_ROOT, KK_WORD_DIVISION_SUMMARIES,
                               kk_plan_get_title (plan));
  kk_report_add_unit_caption (document);
  kk_report_add_count_columns (table, KK_WORD_DIVISION);
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);
      KkTotals division_totals = kk_totals_for_division (plan, division);

      kk_report_add_count_row (table, KK_REPORT_ROW_NORMAL, kk_division_get_name (division),
                               &division_totals);
    }
  kk_report_add_count_row (table, KK_REPORT_ROW_TOTAL, KK_WORD_TOTAL, &totals);
  kk_report_add_table (document, block);
  kk_report_add_note (document, KK_WORD_COUNTED_ONCE);
  return entry;
}

/* 番号, 事業名, 財源, 事業費, 前年度, 増減, 継続/新規. */
static KkReportBlock *
kk_report_program_table_new (void)
{
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);

  kk_report_table_add_column (table, KK_WORD_NUMBER, KK_REPORT_COLUMN_CENTER);
  kk_report_table_add_column (table, KK_WORD_PROGRAM, KK_REPORT_COLUMN_EXPAND);
  kk_report_table_add_column (table, KK_WORD_FUNDING, KK_REPORT_COLUMN_CENTER);
  kk_report_add_amount_columns (table);
  kk_report_table_add_column (table, KK_WORD_STATUS, KK_REPORT_COLUMN_CENTER);
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
  g_ptr_array_add (cells, g_strdup_printf (KK_WORD_SUBTOTAL_FORMAT, totals->n_programs));
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

  kk_report_add_heading (document, KK_WORD_PROGRAMS_IT_LEADS);
  if (g_list_model_get_n_items (led) == 0)
    {
      kk_report_add_paragraph (document, KK_WORD_LEADS_NO_PROGRAM);
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
  kk_report_add_heading (document, KK_WORD_PROGRAMS_IT_SHARES);
  block = kk_report_program_table_new ();
  for (guint i = 0; i < shared->len; i++)
    {
      KkProgram *program = g_ptr_array_index (shared, i);
      KkDivision *lead = kk_program_get_lead_division (program);
      g_autofree char *mark = g_strdup_printf (KK_WORD_LED_BY_FORMAT, kk_division_get_name (lead));
      guint row = kk_report_add_program_row (KK_REPORT_TABLE (block), KK_REPORT_ROW_DIM, program);

      kk_report_table_set_note (KK_REPORT_TABLE (block), row, 1, mark);
    }
  kk_report_add_unit_caption (document);
  kk_report_add_table (document, block);
  kk_report_add_note (document, KK_WORD_SHARED_COUNT_ELSEWHERE);
}

/* The kinds of figure in the order the KPI table sets their columns. */
static const KkKpiKind kpi_kinds[] = {
  KK_KPI_KIND_PLAN, KK_KPI_KIND_TARGET, KK_KPI_KIND_ACTUAL, KK_KPI_KIND_FORECAST,
};

/* A KPI of the division and the numbers of the programs its sheet covers. */
typedef struct
{
  char *numbers;
  KkKpi *kpi;
} KkDivisionKpi;

static void
kk_division_kpi_free (KkDivisionKpi *item)
{
  g_free (item->numbers);
  g_object_unref (item->kpi);
  g_free (item);
}

/* The columns a division's KPI table needs: a column for each kind of
 * figure its KPIs hold, and 達成率 where one has an achievement. */
typedef struct
{
  gboolean kinds[G_N_ELEMENTS (kpi_kinds)];
  gboolean achievement;
} KkKpiColumns;

static int
kk_compare_years (gconstpointer a,
                  gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* Every year the KPI holds a figure or words for, in order. */
static GArray *
kk_kpi_dup_years (KkKpi *kpi)
{
  GListModel *values = kk_kpi_get_values (kpi);
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);
      int year = kk_kpi_value_get_fiscal_year (value);
      guint index;

      if (!g_array_binary_search (years, &year, kk_compare_years, &index))
        {
          g_array_append_val (years, year);
          g_array_sort (years, kk_compare_years);
        }
    }
  return years;
}

static void
kk_kpi_columns_add (KkKpiColumns *columns,
                    KkKpi        *kpi)
{
  GListModel *values = kk_kpi_get_values (kpi);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);
      double ratio;

      for (guint k = 0; k < G_N_ELEMENTS (kpi_kinds); k++)
        columns->kinds[k] |= kk_kpi_value_get_kind (value) == kpi_kinds[k];
      columns->achievement |= kk_kpi_get_achievement (kpi, kk_kpi_value_get_fiscal_year (value),
                                                      &ratio);
    }
}

static KkReportBlock *
kk_report_kpi_table_new (const KkKpiColumns *columns)
{
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);

  kk_report_table_add_column (table, KK_WORD_NUMBER, KK_REPORT_COLUMN_CENTER);
  kk_report_table_add_column (table, KK_WORD_KPI, KK_REPORT_COLUMN_EXPAND);
  kk_report_table_add_column (table, KK_WORD_FISCAL_YEAR, KK_REPORT_COLUMN_CENTER);
  for (guint k = 0; k < G_N_ELEMENTS (kpi_kinds); k++)
    if (columns->kinds[k])
      kk_report_table_add_column (table, kk_report_get_kind_label (kpi_kinds[k]),
                                  KK_REPORT_COLUMN_NUMBER);
  if (columns->achievement)
    kk_report_table_add_column (table, KK_WORD_ACHIEVEMENT, KK_REPORT_COLUMN_NUMBER);
  return block;
}

/* The number of the note under the table that says @text, ※1 for the
 * first; figures that stand at the same date share it. */
static guint
kk_notes_mark (GPtrArray  *notes,
               const char *text)
{
  guint index;

  if (!g_ptr_array_find_with_equal_func (notes, text, g_str_equal, &index))
    {
      index = notes->len;
      g_ptr_array_add (notes, g_strdup (text));
    }
  return index + 1;
}

/* Every figure of @kind in @fiscal_year, one a line, each marked with the
 * note that says the date it stands at: figures stay alone in their cells. */
static char *
kk_dup_figures (GPtrArray *notes,
                KkKpi     *kpi,
                int        fiscal_year,
                KkKpiKind  kind)
{
  GListModel *values = kk_kpi_get_values (kpi);
  g_autoptr(GString) figures = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);
      g_autofree char *figure = NULL;
      g_autofree char *as_of = NULL;

      if (kk_kpi_value_get_fiscal_year (value) != fiscal_year ||
          kk_kpi_value_get_kind (value) != kind)
        continue;
      figure = kk_report_dup_kpi_figure (kpi, value);
      g_string_append_printf (figures, "%s%s", figures->len > 0 ? "\n" : "", figure);
      if ((as_of = kk_report_dup_as_of (value)) != NULL)
        g_string_append_printf (figures, "※%u", kk_notes_mark (notes, as_of));
    }
  if (figures->len == 0)
    g_string_append (figures, "—");
  return g_string_free (g_steal_pointer (&figures), FALSE);
}

/* A row for each year the KPI has figures in, its numbers and name on the
 * first; the rows of a KPI stay on one page. */
static void
kk_report_add_kpi_rows (KkReportTable      *table,
                        const KkKpiColumns *columns,
                        GPtrArray          *notes,
                        KkDivisionKpi      *item)
{
  const char *group = kk_kpi_get_group (item->kpi);
  g_autofree char *name = group ? g_strdup_printf ("%s %s", group, kk_kpi_get_name (item->kpi))
                                : g_strdup (kk_kpi_get_name (item->kpi));
  g_autoptr(GArray) years = kk_kpi_dup_years (item->kpi);

  for (guint y = 0; y < MAX (years->len, 1); y++)
    {
      g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
      int year = years->len > 0 ? g_array_index (years, int, y) : 0;
      KkReportRowFlags flags = y + 1 < years->len ? KK_REPORT_ROW_KEEP_WITH_NEXT
                                                  : KK_REPORT_ROW_NORMAL;
      double ratio;

      g_ptr_array_add (cells, g_strdup (y == 0 ? item->numbers : ""));
      g_ptr_array_add (cells, g_strdup (y == 0 ? name : ""));
      g_ptr_array_add (cells, years->len > 0 ? kk_format_fiscal_year (year) : g_strdup ("—"));
      for (guint k = 0; k < G_N_ELEMENTS (kpi_kinds); k++)
        if (columns->kinds[k])
          g_ptr_array_add (cells, kk_dup_figures (notes, item->kpi, year, kpi_kinds[k]));
      if (columns->achievement)
        g_ptr_array_add (cells, kk_kpi_get_achievement (item->kpi, year, &ratio)
                                ? kk_format_percent (ratio) : g_strdup ("—"));
      kk_report_table_add_row (table, flags, (const char * const *)cells->pdata);
    }
}

/* ※1 令和6年1月31日現在, each a note under @table and kept with it. */
static void
kk_report_add_numbered_notes (KkReportDocument *document,
                              KkReportBlock    *table,
                              GPtrArray        *notes)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (lines, g_strdup_printf ("※%u %s", i + 1,
                                             (const char *)g_ptr_array_index (notes, i)));
  kk_report_add_notes_under (document, table, lines);
}

/* The KPIs of every sheet of the programs the division leads, a shared
 * sheet once. */
static GPtrArray *
kk_division_dup_kpis (GListModel *led)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify)kk_division_kpi_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (led); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (led, i);
      KkSheet *sheet = kk_program_get_sheet (program);
      GListModel *kpis;

      if (sheet == NULL || !g_hash_table_add (seen, sheet))
        continue;
      kpis = kk_sheet_get_kpis (sheet);
      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          KkDivisionKpi *item = g_new0 (KkDivisionKpi, 1);

          item->numbers = kk_sheet_dup_numbers_label (sheet, "・");
          item->kpi = g_list_model_get_item (kpis, k);
          g_ptr_array_add (items, item);
        }
    }
  return items;
}

/* Every figure the plan holds for the KPIs, whatever their years and
 * kinds: a row for each KPI and year, a column for each kind. */
static void
kk_report_divisions_add_kpis (KkReportDocument *document,
                              GListModel       *led)
{
  g_autoptr(GPtrArray) items = kk_division_dup_kpis (led);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  KkKpiColumns columns = { { FALSE }, FALSE };
  KkReportBlock *block;

  kk_report_add_heading (document, KK_WORD_TARGETS);
  if (items->len == 0)
    {
      kk_report_add_paragraph (document,
                               KK_WORD_NO_FIGURES);
      return;
    }
  for (guint i = 0; i < items->len; i++)
    kk_kpi_columns_add (&columns, ((KkDivisionKpi *)g_ptr_array_index (items, i))->kpi);
  block = kk_report_kpi_table_new (&columns);
  for (guint i = 0; i < items->len; i++)
    kk_report_add_kpi_rows (KK_REPORT_TABLE (block), &columns, notes, g_ptr_array_index (items, i));
  kk_report_add_table (document, block);
  kk_report_add_numbered_notes (document, block, notes);
}

static void
kk_report_divisions_add_chart (KkReportDocument *document,
                               KkPlan           *plan,
                               KkDivision       *division,
                               GListModel       *led)
{
  g_autoptr(KkChart) chart = NULL;
  KkReportBlock *figure;

  if (g_list_model_get_n_items (led) == 0)
    return;
  chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  kk_chart_set_programs (chart, led);
  kk_chart_set_subject (chart, kk_division_get_name (division));
  kk_chart_set_max_bars (chart, CHART_MAX_BARS);
  figure = kk_report_figure_new (chart);
  kk_report_block_set_space_before (figure, 16);
  kk_report_document_take_block (document, figure);
}

static void
kk_report_divisions_add_division (KkReportDocument *document,
                                  KkPlan           *plan,
                                  guint             part,
                                  KkDivision       *division)
{
  g_auto(KkDivisionPrograms) programs = { 0 };
  KkTotals totals = kk_totals_for_division (plan, division);
  g_autofree char *summary = kk_totals_format_summary (&totals, KK_WORD_DIVISION_TOTALS_FORMAT);

  kk_division_programs_init (&programs, plan, division);
  kk_report_document_begin_section (document, KK_REPORT_SECTION_PLAIN);
  kk_report_add_title (document, part, kk_division_get_name (division), summary);
  kk_report_divisions_add_led (document, G_LIST_MODEL (programs.led));
  kk_report_divisions_add_shared (document, programs.shared);
  kk_report_divisions_add_kpis (document, G_LIST_MODEL (programs.led));
  kk_report_divisions_add_chart (document, plan, division, G_LIST_MODEL (programs.led));
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
  guint part = KK_REPORT_OUTLINE_ROOT;

  if (division == NULL)
    part = kk_report_divisions_add_cover (document, plan);
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) item = g_list_model_get_item (divisions, i);

      if (division == NULL || item == division)
        kk_report_divisions_add_division (document, plan, part, item);
    }
}
