/* kk-report-budget.c: the budget table (予算総括表)
 *
 * The pillars down, the funding of their programs across, with each
 * pillar's total, last year's and the difference; then the same amounts
 * for each funding. A program funded from several sources counts once,
 * under its combination of sources (県・市), as the plan's index marks it,
 * so that every row and column adds up to the plan's total.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-format.h"
#include "kk-report-budget.h"
#include "kk-report-parts.h"
#include "kk-report-table.h"
#include "kk-report-words.h"

/* Which programs a cell of the table sums: NULL matches any. */
typedef struct
{
  KkPillar *pillar;
  const char *funding;
} KkBudgetCell;

static gboolean
kk_program_in_cell (KkProgram *program,
                    gpointer   user_data)
{
  const KkBudgetCell *cell = user_data;
  g_autofree char *funding = NULL;

  if (cell->pillar != NULL && kk_program_get_pillar (program) != cell->pillar)
    return FALSE;
  if (cell->funding == NULL)
    return TRUE;
  funding = kk_program_dup_funding_label (program, "・");
  return g_str_equal (funding, cell->funding);
}

static KkTotals
kk_budget_cell_sum (KkPlan     *plan,
                    KkPillar   *pillar,
                    const char *funding)
{
  KkBudgetCell cell = { pillar, funding };

  return kk_totals_for_programs (kk_plan_get_programs (plan), kk_program_in_cell, &cell);
}

/* A row of the first table: the budget under each funding, then the
 * totals of the row. @pillar NULL makes the plan's row. */
static void
kk_report_budget_add_pillar_row (KkReportTable     *table,
                                 KkReportRowFlags   flags,
                                 KkPlan            *plan,
                                 KkPillar          *pillar,
                                 const char        *label,
                                 const char * const *fundings)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  KkTotals totals = kk_budget_cell_sum (plan, pillar, NULL);

  g_ptr_array_add (cells, g_strdup (label));
  for (guint i = 0; fundings[i] != NULL; i++)
    {
      KkTotals cell = kk_budget_cell_sum (plan, pillar, fundings[i]);

      g_ptr_array_add (cells, cell.n_programs > 0 ? kk_format_thousand_yen (cell.budget)
                                                   : g_strdup ("—"));
    }
  kk_report_append_amounts (cells, &totals);
  kk_report_add_row (table, flags, cells);
}

static void
kk_report_budget_add_pillar_table (KkReportDocument   *document,
                                   KkPlan             *plan,
                                   const char * const *fundings)
{
  GListModel *pillars = kk_plan_get_pillars (plan);
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);

  kk_report_add_heading (document, KK_WORD_BY_PILLAR_AND_FUNDING);
  kk_report_table_add_column (table, KK_WORD_PILLAR, KK_REPORT_COLUMN_EXPAND);
  for (guint i = 0; fundings[i] != NULL; i++)
    kk_report_table_add_column (table, fundings[i], KK_REPORT_COLUMN_NUMBER);
  kk_report_add_amount_columns (table);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(KkPillar) pillar = g_list_model_get_item (pillars, i);
      g_autofree char *label = kk_pillar_dup_label (pillar);

      kk_report_budget_add_pillar_row (table, KK_REPORT_ROW_NORMAL, plan, pillar, label, fundings);
    }
  kk_report_budget_add_pillar_row (table, KK_REPORT_ROW_TOTAL, plan, NULL, KK_WORD_TOTAL, fundings);
  kk_report_add_unit_caption (document);
  kk_report_add_table (document, block);
}

static void
kk_report_budget_add_funding_table (KkReportDocument   *document,
                                    KkPlan             *plan,
                                    const char * const *fundings)
{
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);
  KkTotals totals = kk_totals_for_plan (plan);

  kk_report_add_heading (document, KK_WORD_BY_FUNDING);
  kk_report_add_count_columns (table, KK_WORD_FUNDING);
  for (guint i = 0; fundings[i] != NULL; i++)
    {
      KkTotals funding_totals = kk_totals_for_funding (plan, fundings[i]);

      kk_report_add_count_row (table, KK_REPORT_ROW_NORMAL, fundings[i], &funding_totals);
    }
  kk_report_add_count_row (table, KK_REPORT_ROW_TOTAL, KK_WORD_TOTAL, &totals);
  kk_report_add_unit_caption (document);
  kk_report_add_table (document, block);
}

/* Where a funding label stands in the legend's order: its sources' places,
 * fewer sources first (国, 県, 市, 自, then 県・市, 県・自, 市・自). */
static guint64
kk_funding_label_rank (KkPlan     *plan,
                       const char *label)
{
  GListModel *sources = kk_plan_get_funding_sources (plan);
  g_auto(GStrv) codes = g_strsplit (label, "・", -1);
  guint64 rank = g_strv_length (codes);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      guint place = g_list_model_get_n_items (sources);

      for (guint j = 0; j < g_list_model_get_n_items (sources); j++)
        {
          g_autoptr(KkFunding) funding = g_list_model_get_item (sources, j);

          if (g_str_equal (kk_funding_get_code (funding), codes[i]))
            place = j;
        }
      rank = rank * 256 + MIN (place, 255);
    }
  for (guint i = g_strv_length (codes); i < 4; i++)
    rank *= 256;
  return rank;
}

static int
kk_compare_funding_labels (gconstpointer a,
                           gconstpointer b,
                           gpointer      plan)
{
  guint64 rank_a = kk_funding_label_rank (plan, *(const char * const *)a);
  guint64 rank_b = kk_funding_label_rank (plan, *(const char * const *)b);

  return rank_a < rank_b ? -1 : rank_a > rank_b;
}

/**
 * kk_report_budget_build:
 *
 * Adds the budget table of @plan to @document.
 */
void
kk_report_budget_build (KkReportDocument *document,
                        KkPlan           *plan)
{
  g_auto(GStrv) fundings = kk_plan_dup_funding_labels (plan);

  g_qsort_with_data (fundings, g_strv_length (fundings), sizeof (char *),
                     kk_compare_funding_labels, plan);
  kk_report_document_begin_section (document, KK_REPORT_SECTION_PLAIN);
  kk_report_add_title (document, KK_REPORT_OUTLINE_ROOT, KK_WORD_BUDGET_SUMMARY,
                       kk_plan_get_title (plan));
  kk_report_budget_add_pillar_table (document, plan, (const char * const *)fundings);
  kk_report_budget_add_funding_table (document, plan, (const char * const *)fundings);
  kk_report_add_funding_legend (document, plan);
}
