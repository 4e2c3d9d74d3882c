/* test-model.c: the embedded FY2024 plan against the document's own figures,
 * aggregation, KPI achievement and the edit history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "kk-plan-file.h"
#include "kk-totals.h"

/* The header row of every sheet of the reference document, with the pillar
 * of the index and the lead division of the division table. */
typedef struct
{
  guint number;
  guint pillar;
  const char *funding;
  const char *lead;
  gint64 budget;
  gint64 previous;      /* -1: — (a new program) */
  gint64 stated_difference;
} DocumentRow;

static const DocumentRow document[] = {
  {  1, 1, "国", "よろず支援・事業承継課", 74990, 74990, 0 },
  {  2, 1, "国", "よろず支援・事業承継課", 95249, 102382, -7133 },
  {  3, 1, "県", "よろず支援・事業承継課", 3797, 3797, 0 },
  {  4, 1, "県", "経営支援課", 13840, 13840, 0 },
  {  5, 1, "県", "雇用プロジェクト推進課", 19736, 13816, 5920 },
  {  6, 1, "県", "経営支援課", 50, 58, -8 },
  {  7, 1, "県", "経営支援課", 34896, 34896, 0 },
  {  8, 1, "自", "庶務経理課", 7264, 7351, -87 },
  {  9, 1, "自", "庶務経理課", 28, 28, 0 },
  { 10, 1, "県", "庶務経理課", 1798, 1798, 0 },
  { 11, 1, "国", "中小企業活性化協議会", 183480, 144635, 38845 },
  { 12, 1, "国", "中小企業活性化協議会", 37983, 37983, 0 },
  { 13, 1, "県", "経営支援課", 319750, 324488, -4738 },
  { 14, 2, "市", "中小企業支援課", 2100, 2100, 0 },
  { 15, 2, "県", "経営支援課", 4869, -1, 4869 },
  { 16, 3, "国", "技術支援課", 3160, 2953, 207 },
  { 17, 3, "県・市", "中小企業支援課", 24472, 26111, -1639 },
  { 18, 3, "国", "技術支援課", 14115, 4273, 9842 },
  { 19, 4, "市・自", "中小企業支援課", 5460, 5460, 0 },
  { 20, 4, "県", "雇用プロジェクト推進課", 97471, 99427, -1956 },
  { 21, 5, "県", "経営支援課", 10489, 2377, 8112 },
  { 22, 5, "県", "総務企画課", 162028, 162131, -103 },
  { 23, 5, "自", "総務企画課", 4432, 4550, -118 },
  { 24, 5, "自", "総務企画課", 1600, 1600, 0 },
  { 25, 6, "県・自", "総務企画課", 22139, 21865, 274 },
};

typedef gboolean (*RowPredicate) (const DocumentRow *row, gconstpointer key);

static KkTotals
document_totals (RowPredicate  predicate,
                 gconstpointer key)
{
  KkTotals totals = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (document); i++)
    {
      const DocumentRow *row = &document[i];

      if (predicate && !predicate (row, key))
        continue;
      totals.n_programs++;
      totals.budget += row->budget;
      totals.difference += row->stated_difference;
      if (row->previous < 0)
        totals.n_new++;
      else
        {
          totals.n_continuing++;
          totals.previous_budget += row->previous;
        }
    }
  return totals;
}

static void
assert_totals_equal (KkTotals computed,
                     KkTotals expected)
{
  g_assert_cmpint (computed.budget, ==, expected.budget);
  g_assert_cmpint (computed.previous_budget, ==, expected.previous_budget);
  g_assert_cmpint (computed.difference, ==, expected.difference);
  g_assert_cmpuint (computed.n_programs, ==, expected.n_programs);
  g_assert_cmpuint (computed.n_new, ==, expected.n_new);
  g_assert_cmpuint (computed.n_continuing, ==, expected.n_continuing);
}

static void
test_document_headers (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_programs (plan)), ==,
                    G_N_ELEMENTS (document));
  for (guint i = 0; i < G_N_ELEMENTS (document); i++)
    {
      const DocumentRow *row = &document[i];
      KkProgram *program = kk_plan_find_program (plan, row->number);
      g_autofree char *funding = NULL;

      g_assert_nonnull (program);
      funding = kk_program_dup_funding_label (program, "・");
      g_assert_cmpstr (funding, ==, row->funding);
      g_assert_cmpuint (kk_pillar_get_number (kk_program_get_pillar (program)), ==, row->pillar);
      g_assert_cmpstr (kk_division_get_name (kk_program_get_lead_division (program)), ==,
                       row->lead);
      g_assert_cmpint (kk_program_get_budget (program), ==, row->budget);
      g_assert_cmpint (kk_program_get_status (program), ==,
                       row->previous < 0 ? KK_PROGRAM_STATUS_NEW : KK_PROGRAM_STATUS_CONTINUING);
      if (row->previous >= 0)
        g_assert_cmpint (kk_program_get_previous_budget (program), ==, row->previous);
    }
}

static void
test_document_differences (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  for (guint i = 0; i < G_N_ELEMENTS (document); i++)
    {
      KkProgram *program = kk_plan_find_program (plan, document[i].number);

      g_assert_cmpint (kk_program_get_difference (program), ==, document[i].stated_difference);
    }
}

static void
test_plan_totals (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkTotals totals = kk_totals_for_plan (plan);

  assert_totals_equal (totals, document_totals (NULL, NULL));
  g_assert_cmpuint (totals.n_new, ==, 1);
  g_assert_cmpuint (totals.n_continuing, ==, 24);
}

static KkProgram *
program_of_budget (guint  number,
                   gint64 budget,
                   gint64 previous_budget)
{
  KkProgram *program = kk_program_new (number, "事業");

  kk_program_set_budget (program, budget);
  kk_program_set_status (program, KK_PROGRAM_STATUS_CONTINUING);
  kk_program_set_previous_budget (program, previous_budget);
  return program;
}

/* 9,300 budgets of 10^15 once added up to a negative total: now every
 * amount is at most KK_BUDGET_MAX, whose sums cannot overflow. */
static void
test_totals_of_the_largest_amounts (void)
{
  g_autoptr(GListStore) programs = g_list_store_new (KK_TYPE_PROGRAM);
  const guint n = 10000;
  KkTotals totals;

  for (guint i = 1; i <= n; i++)
    {
      g_autoptr(KkProgram) program = program_of_budget (i, KK_BUDGET_MAX, 0);

      g_list_store_append (programs, program);
    }
  totals = kk_totals_for_programs (G_LIST_MODEL (programs), NULL, NULL);
  g_assert_cmpint (totals.budget, ==, n * KK_BUDGET_MAX);
  g_assert_cmpint (totals.difference, ==, n * KK_BUDGET_MAX);
  g_assert_cmpint (totals.previous_budget, ==, 0);
}

/* A sum that would overflow anyway stops at the limit, never wraps. */
static void
test_totals_saturate (void)
{
  g_autoptr(KkProgram) growing = program_of_budget (1, KK_BUDGET_MAX, 0);
  g_autoptr(KkProgram) shrinking = program_of_budget (2, 0, KK_BUDGET_MAX);
  KkTotals totals = {
    .budget = G_MAXINT64 - 1,
    .previous_budget = G_MAXINT64 - 1,
    .difference = G_MININT64 + 1,
  };

  kk_totals_add (&totals, growing);
  kk_totals_add (&totals, shrinking);
  g_assert_cmpint (totals.budget, ==, G_MAXINT64);
  g_assert_cmpint (totals.previous_budget, ==, G_MAXINT64);
  /* The one grew as much as the other shrank. */
  g_assert_cmpint (totals.difference, ==, G_MININT64 + 1);
  kk_totals_add (&totals, shrinking);
  g_assert_cmpint (totals.difference, ==, G_MININT64);
  g_assert_cmpuint (totals.n_programs, ==, 3);
}

static gboolean
row_in_pillar (const DocumentRow *row,
               gconstpointer      pillar)
{
  return row->pillar == GPOINTER_TO_UINT (pillar);
}

static void
test_pillar_totals (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  GListModel *pillars = kk_plan_get_pillars (plan);

  g_assert_cmpuint (g_list_model_get_n_items (pillars), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(KkPillar) pillar = g_list_model_get_item (pillars, i);
      guint number = kk_pillar_get_number (pillar);

      assert_totals_equal (kk_totals_for_pillar (plan, pillar),
                           document_totals (row_in_pillar, GUINT_TO_POINTER (number)));
    }
}

static gboolean
row_led_by (const DocumentRow *row,
            gconstpointer      division)
{
  return g_str_equal (row->lead, division);
}

static void
test_division_totals (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  GListModel *divisions = kk_plan_get_divisions (plan);
  gint64 sum = 0;

  g_assert_cmpuint (g_list_model_get_n_items (divisions), ==, 8);
  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);
      KkTotals totals = kk_totals_for_division (plan, division);

      assert_totals_equal (totals, document_totals (row_led_by, kk_division_get_name (division)));
      sum += totals.budget;
    }
  /* Co-managed programs (21, 22–24) count once, under their lead division. */
  g_assert_cmpint (sum, ==, kk_totals_for_plan (plan).budget);
}

static gboolean
row_funded_as (const DocumentRow *row,
               gconstpointer      label)
{
  return g_str_equal (row->funding, label);
}

static void
test_funding_totals (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_auto(GStrv) labels = kk_plan_dup_funding_labels (plan);
  const char * const expected[] = { "国", "県", "自", "市", "県・市", "市・自", "県・自", NULL };

  g_assert_true (g_strv_equal ((const char * const *)labels, expected));
  for (guint i = 0; labels[i]; i++)
    assert_totals_equal (kk_totals_for_funding (plan, labels[i]),
                         document_totals (row_funded_as, labels[i]));
}

static void
test_lookups (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgram *program = kk_plan_find_program (plan, 22);

  g_assert_cmpstr (kk_plan_get_organization (plan), ==, "公益財団法人三重県産業支援センター");
  g_assert_cmpint (kk_plan_get_fiscal_year (plan), ==, 2024);
  g_assert_cmpstr (kk_program_get_name (program), ==, "中小企業支援センター等事業");
  g_assert_null (kk_plan_find_program (plan, 26));
  g_assert_nonnull (kk_plan_find_division (plan, "技術支援課"));
  g_assert_null (kk_plan_find_division (plan, "営業課"));
  g_assert_nonnull (kk_plan_find_funding (plan, "自"));
  g_assert_null (kk_plan_find_funding (plan, "白"));
  g_assert_cmpstr (kk_pillar_get_name (kk_plan_find_pillar (plan, 3)), ==, "新事業・新技術の創出");
  g_assert_cmpstr (kk_program_get_previous_name (kk_plan_find_program (plan, 11)), ==,
                   "中小企業再生支援事業");
  g_assert_null (kk_program_get_previous_name (kk_plan_find_program (plan, 1)));
}

static void
test_shared_sheets (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkSheet *sheet8 = kk_program_get_sheet (kk_plan_find_program (plan, 8));
  KkSheet *sheet22 = kk_program_get_sheet (kk_plan_find_program (plan, 22));
  g_autofree char *numbers8 = kk_sheet_dup_numbers_label (sheet8, ";");
  g_autofree char *numbers22 = kk_sheet_dup_numbers_label (sheet22, ";");
  g_autofree char *divisions22 = kk_sheet_dup_divisions_label (sheet22, "・");

  g_assert_cmpstr (numbers8, ==, "8;9;10");
  g_assert_true (kk_program_get_sheet (kk_plan_find_program (plan, 10)) == sheet8);
  g_assert_cmpstr (numbers22, ==, "22;23;24");
  g_assert_cmpstr (divisions22, ==, "総務企画課・庶務経理課");
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_sheets (plan)), ==, 21);
}

static KkKpi *
make_kpi (KkComparator comparator,
          double       target,
          double       actual)
{
  KkKpi *kpi = kk_kpi_new ("件数", "件");
  g_autoptr(KkKpiValue) t = kk_kpi_value_new (2023, KK_KPI_KIND_TARGET);
  g_autoptr(KkKpiValue) a = kk_kpi_value_new (2023, KK_KPI_KIND_ACTUAL);

  kk_kpi_set_comparator (kpi, comparator);
  kk_kpi_value_set_value (t, target);
  kk_kpi_value_set_value (a, actual);
  kk_kpi_append_value (kpi, t);
  kk_kpi_append_value (kpi, a);
  return kpi;
}

static void
test_achievement (void)
{
  g_autoptr(KkKpi) exact = make_kpi (KK_COMPARATOR_EXACT, 130, 160);
  g_autoptr(KkKpi) at_most = make_kpi (KK_COMPARATOR_AT_MOST, 20, 25);
  g_autoptr(KkKpi) zero = make_kpi (KK_COMPARATOR_AT_LEAST, 0, 3);
  double ratio = 0;

  g_assert_true (kk_kpi_get_achievement (exact, 2023, &ratio));
  g_assert_cmpfloat_with_epsilon (ratio, 160.0 / 130.0, 1e-12);
  g_assert_true (kk_kpi_get_achievement (at_most, 2023, &ratio));
  g_assert_cmpfloat_with_epsilon (ratio, 0.8, 1e-12);
  g_assert_false (kk_kpi_get_achievement (zero, 2023, &ratio));
  g_assert_false (kk_kpi_get_achievement (exact, 2024, &ratio));
}

static void
test_achievement_in_plan (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 4));
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kk_sheet_get_kpis (sheet), 0);
  double ratio = 0;

  /* 計画認定件数: R5 目標 500件, 実績 643件 */
  g_assert_cmpstr (kk_kpi_get_name (kpi), ==, "計画認定件数");
  g_assert_true (kk_kpi_get_achievement (kpi, 2023, &ratio));
  g_assert_cmpfloat_with_epsilon (ratio, 643.0 / 500.0, 1e-12);
}

/* 【16】 sets plans (計画), not targets: its actuals are measured against
 * them, and a year with actuals of its own gets its achievement too. */
static void
test_achievement_against_plan (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 16));
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kk_sheet_get_kpis (sheet), 0);
  g_autoptr(KkKpiValue) target = kk_kpi_value_new (2024, KK_KPI_KIND_TARGET);
  g_autoptr(KkKpiValue) plan_2024 = kk_kpi_value_new (2024, KK_KPI_KIND_PLAN);
  g_autoptr(KkKpiValue) actual = kk_kpi_value_new (2024, KK_KPI_KIND_ACTUAL);
  double ratio = 0;

  /* 特許: R5年度計画 2件, 実績 2件 */
  g_assert_cmpstr (kk_kpi_get_name (kpi), ==, "特許");
  g_assert_true (kk_kpi_find_goal (kpi, 2023) == kk_kpi_find_value (kpi, 2023, KK_KPI_KIND_PLAN));
  g_assert_true (kk_kpi_get_achievement (kpi, 2023, &ratio));
  g_assert_cmpfloat_with_epsilon (ratio, 1.0, 1e-12);
  g_assert_false (kk_kpi_get_achievement (kpi, 2024, &ratio));

  kk_kpi_value_set_value (plan_2024, 4);
  kk_kpi_value_set_value (actual, 3);
  kk_kpi_append_value (kpi, plan_2024);
  kk_kpi_append_value (kpi, actual);
  g_assert_true (kk_kpi_get_achievement (kpi, 2024, &ratio));
  g_assert_cmpfloat_with_epsilon (ratio, 0.75, 1e-12);

  /* A target, where the year has one, is what the actual is measured against. */
  kk_kpi_value_set_value (target, 6);
  kk_kpi_append_value (kpi, target);
  g_assert_true (kk_kpi_find_goal (kpi, 2024) == target);
  g_assert_true (kk_kpi_get_achievement (kpi, 2024, &ratio));
  g_assert_cmpfloat_with_epsilon (ratio, 0.5, 1e-12);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(KkProgram) program = kk_program_new (1, "事業");
  guint budget_notifies = 0;
  guint difference_notifies = 0;

  g_signal_connect (program, "notify::budget", G_CALLBACK (count_notify), &budget_notifies);
  g_signal_connect (program, "notify::difference", G_CALLBACK (count_notify),
                    &difference_notifies);
  kk_program_set_budget (program, 100);
  kk_program_set_budget (program, 100);
  g_assert_cmpuint (budget_notifies, ==, 1);
  g_assert_cmpuint (difference_notifies, ==, 1);
  kk_program_set_status (program, KK_PROGRAM_STATUS_NEW);
  g_assert_cmpuint (difference_notifies, ==, 2);
  g_assert_cmpint (kk_program_get_difference (program), ==, 100);
}

static void
test_edit_undo_redo (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkHistory *history = kk_plan_get_history (plan);
  KkProgram *program = kk_plan_find_program (plan, 2);
  gint64 before = kk_totals_for_plan (plan).budget;

  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_true (kk_plan_edit (plan, program, "budget", (gint64)100000));
  g_assert_true (kk_plan_get_dirty (plan));
  g_assert_cmpint (kk_program_get_difference (program), ==, 100000 - 102382);
  g_assert_cmpint (kk_totals_for_plan (plan).budget, ==, before - 95249 + 100000);

  g_assert_true (kk_history_undo (history));
  g_assert_cmpint (kk_program_get_budget (program), ==, 95249);
  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_true (kk_history_get_can_redo (history));

  g_assert_true (kk_history_redo (history));
  g_assert_cmpint (kk_program_get_budget (program), ==, 100000);
  g_assert_true (kk_plan_get_dirty (plan));
}

static void
test_review_state_undo (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkHistory *history = kk_plan_get_history (plan);
  KkProgram *program = kk_plan_find_program (plan, 3);
  guint notifies = 0;

  g_signal_connect (program, "notify::review-state", G_CALLBACK (count_notify), &notifies);
  g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_CONFIRMED);
  g_assert_true (kk_plan_edit (plan, program, "review-state", KK_REVIEW_STATE_PENDING));
  g_assert_false (kk_plan_edit (plan, program, "review-state", KK_REVIEW_STATE_PENDING));
  g_assert_cmpuint (notifies, ==, 1);
  g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_PENDING);
  g_assert_true (kk_plan_get_dirty (plan));
  g_assert_cmpuint (kk_totals_for_plan (plan).n_confirmed, ==, kk_totals_for_plan (plan).n_programs - 1);

  g_assert_true (kk_history_undo (history));
  g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_CONFIRMED);
  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_true (kk_history_redo (history));
  g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_PENDING);
  g_assert_cmpuint (notifies, ==, 3);
}

static gpointer
copy_object (gconstpointer object,
             gpointer      data)
{
  return g_object_ref ((gpointer)object);
}

static void
type_text (KkPlan     *plan,
           gpointer    object,
           const char *property,
           const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  kk_plan_edit_typing (plan, object, property, &value);
}

static void
test_typing_is_one_step (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkHistory *history = kk_plan_get_history (plan);
  KkProgram *program = kk_plan_find_program (plan, 3);
  g_autofree char *original = g_strdup (kk_program_get_name (program));
  g_autofree char *typed = g_strconcat (original, "改", NULL);

  type_text (plan, program, "name", typed);
  type_text (plan, program, "name", "新しい名前");
  type_text (plan, program, "name", "新しい名前の事業");
  g_assert_cmpstr (kk_program_get_name (program), ==, "新しい名前の事業");

  g_assert_true (kk_history_undo (history));
  g_assert_cmpstr (kk_program_get_name (program), ==, original);
  g_assert_false (kk_history_get_can_undo (history));
  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_true (kk_history_redo (history));
  g_assert_cmpstr (kk_program_get_name (program), ==, "新しい名前の事業");
}

static void
test_typing_elsewhere_is_a_new_step (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkHistory *history = kk_plan_get_history (plan);
  KkProgram *program = kk_plan_find_program (plan, 3);
  KkSheet *sheet = kk_program_get_sheet (program);
  g_autofree char *name = g_strdup (kk_program_get_name (program));

  type_text (plan, program, "name", "一");
  type_text (plan, sheet, "purpose", "目的");
  type_text (plan, program, "name", "一二");
  kk_history_seal (history);
  type_text (plan, program, "name", "一二三");

  g_assert_true (kk_history_undo (history));
  g_assert_cmpstr (kk_program_get_name (program), ==, "一二");
  g_assert_true (kk_history_undo (history));
  g_assert_cmpstr (kk_program_get_name (program), ==, "一");
  g_assert_true (kk_history_undo (history));
  g_assert_true (kk_history_undo (history));
  g_assert_cmpstr (kk_program_get_name (program), ==, name);
  g_assert_false (kk_history_get_can_undo (history));
}

static void
test_typing_back_leaves_nothing (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgram *program = kk_plan_find_program (plan, 3);
  g_autofree char *name = g_strdup (kk_program_get_name (program));

  type_text (plan, program, "name", "一");
  g_assert_true (kk_plan_get_dirty (plan));
  type_text (plan, program, "name", name);
  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (plan)));
}

static void
count_change (KkHistory  *history,
              GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  g_assert_true (KK_IS_PROGRAM (object));
  g_assert_cmpstr (pspec->name, ==, "budget");
  (*count)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkHistory *history = kk_plan_get_history (plan);
  guint count = 0;

  g_signal_connect (history, "changed", G_CALLBACK (count_change), &count);
  kk_plan_edit (plan, kk_plan_find_program (plan, 1), "budget", (gint64)1);
  kk_history_undo (history);
  kk_history_redo (history);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_edit_unchanged_records_nothing (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgram *program = kk_plan_find_program (plan, 2);
  KkSheet *sheet = kk_program_get_sheet (program);
  g_autoptr(GPtrArray) funding = g_ptr_array_copy (kk_program_get_funding (program), copy_object, NULL);
  g_auto(GStrv) partners = g_strdupv ((char **)kk_sheet_get_partners (sheet));

  g_assert_false (kk_plan_edit (plan, program, "budget", (gint64)95249));
  g_assert_false (kk_plan_edit (plan, program, "name", "事業承継・引継ぎ支援センター事業"));
  g_assert_false (kk_plan_edit (plan, program, "funding", funding));
  g_assert_false (kk_plan_edit (plan, sheet, "partners", partners));
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (plan)));
  g_assert_false (kk_plan_get_dirty (plan));
}

static void
test_edit_after_undo_drops_redo (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkHistory *history = kk_plan_get_history (plan);
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 9));

  kk_plan_edit (plan, sheet, "purpose", "一");
  kk_history_mark_saved (history);
  kk_plan_edit (plan, sheet, "purpose", "二");
  kk_history_undo (history);
  g_assert_false (kk_plan_get_dirty (plan));
  kk_history_undo (history);
  g_assert_true (kk_plan_get_dirty (plan));
  kk_plan_edit (plan, sheet, "purpose", "三");
  g_assert_false (kk_history_get_can_redo (history));
  /* The saved state ("一") cannot be reached again by undo or redo. */
  kk_history_undo (history);
  g_assert_true (kk_plan_get_dirty (plan));
  /* The shared sheet's text is the text of all its programs. */
  g_assert_true (kk_program_get_sheet (kk_plan_find_program (plan, 8)) == sheet);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

/* What was changed is saved and loaded back as it is. */
static void
assert_round_trips (KkPlan *plan)
{
  g_autoptr(GBytes) bytes = kk_plan_to_bytes (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) loaded = kk_plan_load_bytes (bytes, &error);
  g_autoptr(GBytes) again = NULL;

  g_assert_no_error (error);
  again = kk_plan_to_bytes (loaded);
  assert_bytes_equal (bytes, again);
}

static guint
position_of (GListModel *model,
             gpointer    item)
{
  guint position;

  g_assert_true (g_list_store_find (G_LIST_STORE (model), item, &position));
  return position;
}

static void
test_create_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) original = kk_plan_to_bytes (plan);
  GListModel *programs = kk_plan_get_programs (plan);
  GListModel *sheets = kk_plan_get_sheets (plan);
  guint n_programs = g_list_model_get_n_items (programs);
  guint n_sheets = g_list_model_get_n_items (sheets);
  KkProgram *after = kk_plan_find_program (plan, 5);
  guint next = kk_plan_get_next_program_number (plan);
  KkProgram *program = kk_plan_create_program (plan, after, "新しい事業");
  g_autoptr(GBytes) undone = NULL;

  g_assert_nonnull (program);
  g_assert_cmpuint (kk_program_get_number (program), ==, next);
  g_assert_cmpuint (position_of (programs, program), ==, position_of (programs, after) + 1);
  g_assert_cmpuint (g_list_model_get_n_items (sheets), ==, n_sheets + 1);
  g_assert_cmpuint (position_of (sheets, kk_program_get_sheet (program)), ==,
                    position_of (sheets, kk_program_get_sheet (after)) + 1);
  g_assert_true (kk_program_get_pillar (program) == kk_program_get_pillar (after));
  g_assert_true (kk_program_get_lead_division (program) == kk_program_get_lead_division (after));
  g_assert_cmpint (kk_program_get_status (program), ==, KK_PROGRAM_STATUS_NEW);
  /* A program just added is still being written. */
  g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_DRAFT);
  g_assert_true (kk_plan_get_dirty (plan));
  assert_round_trips (plan);

  g_assert_true (kk_history_undo (kk_plan_get_history (plan)));
  g_assert_cmpuint (g_list_model_get_n_items (programs), ==, n_programs);
  undone = kk_plan_to_bytes (plan);
  assert_bytes_equal (original, undone);
  g_assert_false (kk_plan_get_dirty (plan));
}

static void
test_duplicate_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) original = kk_plan_to_bytes (plan);
  KkProgram *program = kk_plan_find_program (plan, 4);
  KkSheet *sheet = kk_program_get_sheet (program);
  KkProgram *copy = kk_plan_duplicate_program (plan, program, "経営向上ステップアップ促進事業（複製）");
  KkSheet *copy_sheet = kk_program_get_sheet (copy);
  g_autoptr(GBytes) undone = NULL;

  g_assert_true (copy != program);
  g_assert_true (copy_sheet != sheet);
  g_assert_cmpuint (kk_program_get_number (copy), ==, kk_plan_get_next_program_number (plan) - 1);
  g_assert_cmpint (kk_program_get_budget (copy), ==, kk_program_get_budget (program));
  g_assert_cmpint (kk_program_get_review_state (copy), ==, KK_REVIEW_STATE_DRAFT);
  g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_CONFIRMED);
  g_assert_cmpstr (kk_sheet_get_purpose (copy_sheet), ==, kk_sheet_get_purpose (sheet));
  g_assert_cmpuint (g_list_model_get_n_items (kk_sheet_get_kpis (copy_sheet)), ==,
                    g_list_model_get_n_items (kk_sheet_get_kpis (sheet)));
  g_assert_cmpuint (g_list_model_get_n_items (kk_sheet_get_kpis (sheet)), >, 0);

  /* The copy is a program of its own. */
  kk_plan_edit (plan, copy_sheet, "purpose", "別の目的");
  g_assert_cmpstr (kk_sheet_get_purpose (sheet), !=, "別の目的");
  assert_round_trips (plan);

  kk_history_undo (kk_plan_get_history (plan));
  kk_history_undo (kk_plan_get_history (plan));
  undone = kk_plan_to_bytes (plan);
  assert_bytes_equal (original, undone);
}

static void
test_delete_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) original = kk_plan_to_bytes (plan);
  GListModel *sheets = kk_plan_get_sheets (plan);
  guint n_sheets = g_list_model_get_n_items (sheets);
  KkProgram *shared = kk_plan_find_program (plan, 23);
  KkSheet *shared_sheet = kk_program_get_sheet (shared);
  guint n_shared = g_list_model_get_n_items (kk_sheet_get_programs (shared_sheet));
  g_autoptr(GBytes) undone = NULL;

  g_assert_cmpuint (n_shared, >, 1);
  kk_plan_delete_program (plan, shared);
  g_assert_null (kk_plan_find_program (plan, 23));
  g_assert_cmpuint (g_list_model_get_n_items (kk_sheet_get_programs (shared_sheet)), ==, n_shared - 1);
  g_assert_cmpuint (g_list_model_get_n_items (sheets), ==, n_sheets);

  kk_plan_delete_program (plan, kk_plan_find_program (plan, 1));
  g_assert_cmpuint (g_list_model_get_n_items (sheets), ==, n_sheets - 1);
  assert_round_trips (plan);

  kk_history_undo (kk_plan_get_history (plan));
  kk_history_undo (kk_plan_get_history (plan));
  undone = kk_plan_to_bytes (plan);
  assert_bytes_equal (original, undone);
  g_assert_true (kk_program_get_sheet (kk_plan_find_program (plan, 23)) == shared_sheet);
}

static void
test_renumber_programs (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) undone = NULL;

  kk_plan_delete_program (plan, kk_plan_find_program (plan, 3));
  original = kk_plan_to_bytes (plan);
  kk_plan_renumber_programs (plan);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      g_assert_cmpuint (kk_program_get_number (program), ==, i + 1);
    }
  assert_round_trips (plan);
  kk_history_undo (kk_plan_get_history (plan));
  undone = kk_plan_to_bytes (plan);
  assert_bytes_equal (original, undone);
}

static void
test_create_division_and_pillar (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  guint n_pillars = g_list_model_get_n_items (kk_plan_get_pillars (plan));
  KkDivision *division = kk_plan_create_division (plan, "広報課");
  KkPillar *pillar = kk_plan_create_pillar (plan, "デジタル化の推進");

  g_assert_true (kk_plan_find_division (plan, "広報課") == division);
  g_assert_cmpuint (kk_pillar_get_number (pillar), ==, n_pillars + 1);
  g_assert_true (kk_plan_find_pillar (plan, n_pillars + 1) == pillar);
  assert_round_trips (plan);
  kk_history_undo (kk_plan_get_history (plan));
  g_assert_null (kk_plan_find_pillar (plan, n_pillars + 1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/document/headers", test_document_headers);
  g_test_add_func ("/model/document/differences", test_document_differences);
  g_test_add_func ("/model/totals/plan", test_plan_totals);
  g_test_add_func ("/model/totals/largest-amounts", test_totals_of_the_largest_amounts);
  g_test_add_func ("/model/totals/saturate", test_totals_saturate);
  g_test_add_func ("/model/totals/pillars", test_pillar_totals);
  g_test_add_func ("/model/totals/divisions", test_division_totals);
  g_test_add_func ("/model/totals/funding", test_funding_totals);
  g_test_add_func ("/model/lookups", test_lookups);
  g_test_add_func ("/model/shared-sheets", test_shared_sheets);
  g_test_add_func ("/model/kpi/achievement", test_achievement);
  g_test_add_func ("/model/kpi/achievement-in-plan", test_achievement_in_plan);
  g_test_add_func ("/model/kpi/achievement-against-plan", test_achievement_against_plan);
  g_test_add_func ("/model/notify/only-on-change", test_notify_only_on_change);
  g_test_add_func ("/model/edit/undo-redo", test_edit_undo_redo);
  g_test_add_func ("/model/edit/review-state", test_review_state_undo);
  g_test_add_func ("/model/edit/unchanged", test_edit_unchanged_records_nothing);
  g_test_add_func ("/model/edit/after-undo", test_edit_after_undo_drops_redo);
  g_test_add_func ("/model/edit/typing-is-one-step", test_typing_is_one_step);
  g_test_add_func ("/model/edit/typing-elsewhere", test_typing_elsewhere_is_a_new_step);
  g_test_add_func ("/model/edit/typing-back", test_typing_back_leaves_nothing);
  g_test_add_func ("/model/edit/changed-signal", test_changed_signal);
  g_test_add_func ("/model/structure/create-program", test_create_program);
  g_test_add_func ("/model/structure/duplicate-program", test_duplicate_program);
  g_test_add_func ("/model/structure/delete-program", test_delete_program);
  g_test_add_func ("/model/structure/renumber", test_renumber_programs);
  g_test_add_func ("/model/structure/division-and-pillar", test_create_division_and_pillar);

  return g_test_run ();
}
