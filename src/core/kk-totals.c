/* kk-totals.c: budget totals of the plan, its pillars, divisions and funding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kk-format.h"
#include "kk-totals.h"

/**
 * kk_totals_format_summary:
 * @format: a printf() format for the count (%u), then the budget, last
 *   year's and the change (%s each), in thousand yen
 *
 * Returns: (transfer full): the count and amounts in one line
 */
char *
kk_totals_format_summary (const KkTotals *totals,
                          const char     *format)
{
  g_autofree char *budget = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *difference = NULL;

  g_return_val_if_fail (totals != NULL, NULL);
  g_return_val_if_fail (format != NULL, NULL);

  budget = kk_format_thousand_yen (totals->budget);
  previous = kk_format_thousand_yen (totals->previous_budget);
  difference = kk_format_thousand_yen (totals->difference);
  return g_strdup_printf (format, totals->n_programs, budget, previous, difference);
}

/**
 * kk_totals_dup_summary:
 *
 * Returns: (transfer full): the count and amounts in one line, as the window
 *   shows them below a list of programs
 */
char *
kk_totals_dup_summary (const KkTotals *totals)
{
  g_return_val_if_fail (totals != NULL, NULL);

  return kk_totals_format_summary (totals,
                                   ngettext ("%u program · budget %s · last year %s · change %s "
                                             "(thousand yen)",
                                             "%u programs · budget %s · last year %s · change %s "
                                             "(thousand yen)",
                                             totals->n_programs));
}

/* The totals of a plan cannot overflow: an amount is at most
 * KK_BUDGET_MAX, and a plan has at most 999,999 programs. A sum that would
 * overflow anyway stops at the limit rather than wrap to the other sign. */
G_STATIC_ASSERT (KK_BUDGET_MAX <= G_MAXINT64 / 999999 / 2);

static void
kk_amount_add (gint64 *total,
               gint64  amount)
{
  if (__builtin_add_overflow (*total, amount, total))
    *total = amount > 0 ? G_MAXINT64 : G_MININT64;
}

void
kk_totals_add (KkTotals  *totals,
               KkProgram *program)
{
  g_return_if_fail (totals != NULL);
  g_return_if_fail (KK_IS_PROGRAM (program));

  kk_amount_add (&totals->budget, kk_program_get_budget (program));
  kk_amount_add (&totals->difference, kk_program_get_difference (program));
  totals->n_programs++;
  if (kk_program_get_review_state (program) == KK_REVIEW_STATE_CONFIRMED)
    totals->n_confirmed++;
  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW)
    {
      totals->n_new++;
    }
  else
    {
      totals->n_continuing++;
      kk_amount_add (&totals->previous_budget, kk_program_get_previous_budget (program));
    }
}

/**
 * kk_totals_for_programs:
 * @programs: a #GListModel of #KkProgram
 * @predicate: (nullable): which programs count; all when %NULL
 *
 * Returns: the totals of the programs of @programs that @predicate accepts
 */
KkTotals
kk_totals_for_programs (GListModel         *programs,
                        KkProgramPredicate  predicate,
                        gpointer            user_data)
{
  KkTotals totals = { 0 };
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (programs), totals);

  n = g_list_model_get_n_items (programs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      if (predicate == NULL || predicate (program, user_data))
        kk_totals_add (&totals, program);
    }
  return totals;
}

KkTotals
kk_totals_for_plan (KkPlan *plan)
{
  return kk_totals_for_programs (kk_plan_get_programs (plan), NULL, NULL);
}

static gboolean
kk_program_in_pillar (KkProgram *program,
                      gpointer   pillar)
{
  return kk_program_get_pillar (program) == pillar;
}

KkTotals
kk_totals_for_pillar (KkPlan   *plan,
                      KkPillar *pillar)
{
  return kk_totals_for_programs (kk_plan_get_programs (plan), kk_program_in_pillar, pillar);
}

static gboolean
kk_program_led_by (KkProgram *program,
                   gpointer   division)
{
  return kk_program_get_lead_division (program) == division;
}

/**
 * kk_totals_for_division:
 *
 * A division's totals count the programs it leads, each once; programs it
 * only co-manages count under their lead division.
 */
KkTotals
kk_totals_for_division (KkPlan     *plan,
                        KkDivision *division)
{
  return kk_totals_for_programs (kk_plan_get_programs (plan), kk_program_led_by, division);
}

static gboolean
kk_program_funded_as (KkProgram *program,
                      gpointer   funding_label)
{
  g_autofree char *label = kk_program_dup_funding_label (program, "・");

  return g_str_equal (label, funding_label);
}

/**
 * kk_totals_for_funding:
 * @funding_label: a combination of funding codes as printed, e.g. 県・市
 *
 * Returns: the totals of the programs funded by exactly that combination
 */
KkTotals
kk_totals_for_funding (KkPlan     *plan,
                       const char *funding_label)
{
  return kk_totals_for_programs (kk_plan_get_programs (plan),
                                 kk_program_funded_as, (gpointer)funding_label);
}

/**
 * kk_plan_dup_funding_labels:
 *
 * Returns: (transfer full): the funding combinations the programs use, e.g.
 * 国, 県, 県・市, in the order they first appear
 */
GStrv
kk_plan_dup_funding_labels (KkPlan *plan)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *programs = kk_plan_get_programs (plan);
  guint n = g_list_model_get_n_items (programs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      char *label = kk_program_dup_funding_label (program, "・");

      if (g_hash_table_add (seen, label))
        g_strv_builder_add (builder, label);
    }
  return g_strv_builder_end (builder);
}
