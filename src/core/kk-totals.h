/* kk-totals.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-plan.h"

G_BEGIN_DECLS

/**
 * KkTotals:
 * @budget: sum of 事業費
 * @previous_budget: sum of last year's 事業費 of the continuing programs
 * @difference: sum of 前年度比, new programs counting with their whole budget
 * @n_programs: programs counted
 * @n_new: of which new (新規)
 * @n_continuing: of which continuing (継続)
 * @n_confirmed: of which confirmed (確定) in the year's review
 *
 * Sums over a set of programs, in thousand yen.
 */
typedef struct
{
  gint64 budget;
  gint64 previous_budget;
  gint64 difference;
  guint n_programs;
  guint n_new;
  guint n_continuing;
  guint n_confirmed;
} KkTotals;

char      *kk_totals_format_summary   (const KkTotals     *totals,
                                       const char         *format);
char      *kk_totals_dup_summary      (const KkTotals     *totals);

typedef gboolean (*KkProgramPredicate) (KkProgram *program,
                                        gpointer   user_data);

void       kk_totals_add              (KkTotals           *totals,
                                       KkProgram          *program);
KkTotals   kk_totals_for_programs     (GListModel         *programs,
                                       KkProgramPredicate  predicate,
                                       gpointer            user_data);
KkTotals   kk_totals_for_plan         (KkPlan             *plan);
KkTotals   kk_totals_for_pillar       (KkPlan             *plan,
                                       KkPillar           *pillar);
KkTotals   kk_totals_for_division     (KkPlan             *plan,
                                       KkDivision         *division);
KkTotals   kk_totals_for_funding      (KkPlan             *plan,
                                       const char         *funding_label);
GStrv      kk_plan_dup_funding_labels (KkPlan             *plan);

G_END_DECLS
