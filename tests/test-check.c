/* test-check.c: the consistency check finds each mistake, and nothing
 * false in the embedded plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "kk-check.h"
#include "kk-plan-file.h"

static KkProgram *
program_at (KkPlan *plan,
            guint   number)
{
  KkProgram *program = kk_plan_find_program (plan, number);

  g_assert_nonnull (program);
  return program;
}

static KkKpi *
kpi_of (KkPlan *plan,
        guint   number,
        guint   position)
{
  GListModel *kpis = kk_sheet_get_kpis (kk_program_get_sheet (program_at (plan, number)));
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, position);

  g_assert_nonnull (kpi);
  return kpi;
}

static KkKpiValue *
value_of (KkKpi *kpi,
          guint  position)
{
  g_autoptr(KkKpiValue) value = g_list_model_get_item (kk_kpi_get_values (kpi), position);

  g_assert_nonnull (value);
  return value;
}

static guint
count_check (GListModel *findings,
             const char *check)
{
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KkFinding) finding = g_list_model_get_item (findings, i);

      count += g_strcmp0 (kk_finding_get_check (finding), check) == 0;
    }
  return count;
}

/* The finding of @check on @subject's @field, which must be there once. */
static KkFinding *
find (GListModel *findings,
      const char *check,
      gpointer    subject,
      const char *field)
{
  KkFinding *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KkFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (kk_finding_get_check (finding), check) != 0 ||
          kk_finding_get_subject (finding) != subject ||
          g_strcmp0 (kk_finding_get_field (finding), field) != 0)
        continue;
      g_assert_null (found);
      found = finding;
    }
  g_assert_nonnull (found);
  g_assert_cmpstr (kk_finding_get_message (found), !=, "");
  return found;
}

/* The embedded plan's one irregularity (docs/fy2024-plan.md): program 13
 * prints grant decisions already made for FY2024, no targets. */
static void
test_embedded_plan (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = kk_check_plan (plan);

  g_assert_cmpuint (g_list_model_get_n_items (findings), ==, 2);
  g_assert_cmpuint (count_check (findings, "missing-target"), ==, 2);
  find (findings, "missing-target", kpi_of (plan, 13, 0), "values");
  find (findings, "missing-target", kpi_of (plan, 13, 1), "values");
}

static void
test_previous_budget (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = NULL;
  KkFinding *finding;

  kk_program_set_previous_budget (program_at (plan, 1), 0);
  kk_program_set_budget (program_at (plan, 2), 0);
  kk_program_set_status (program_at (plan, 3), KK_PROGRAM_STATUS_NEW);
  findings = kk_check_plan (plan);

  finding = find (findings, "previous-budget-missing", program_at (plan, 1), "previous-budget");
  g_assert_true (kk_finding_get_program (finding) == program_at (plan, 1));
  g_assert_cmpint (kk_finding_get_severity (finding), ==, KK_SEVERITY_WARNING);
  g_assert_true (g_str_has_prefix (kk_finding_get_place (finding), "【1】 "));
  find (findings, "budget-zero", program_at (plan, 2), "budget");
  finding = find (findings, "new-with-previous-budget", program_at (plan, 3), "previous-budget");
  g_assert_cmpint (kk_finding_get_severity (finding), ==, KK_SEVERITY_ERROR);
  g_assert_cmpuint (count_check (findings, "previous-budget-missing"), ==, 1);
  g_assert_cmpuint (count_check (findings, "budget-zero"), ==, 1);
  g_assert_cmpuint (count_check (findings, "new-with-previous-budget"), ==, 1);
  /* By program: 【1】 first, the embedded plan's 【13】 after 【3】. */
  {
    g_autoptr(KkFinding) first = g_list_model_get_item (findings, 0);

    g_assert_true (kk_finding_get_program (first) == program_at (plan, 1));
  }
}

static void
test_previous_name (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = NULL;
  KkProgram *four = program_at (plan, 4);

  kk_program_set_previous_name (four, kk_program_get_name (four));
  kk_program_set_previous_name (program_at (plan, 5), "同上");
  findings = kk_check_plan (plan);

  find (findings, "previous-name-same", four, "previous-name");
  find (findings, "previous-name-same", program_at (plan, 5), "previous-name");
  /* Programs 11 and 17 had other names last year. */
  g_assert_cmpuint (count_check (findings, "previous-name-same"), ==, 2);
}

static void
test_duplicate_names (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = NULL;

  kk_program_set_name (program_at (plan, 7), kk_program_get_name (program_at (plan, 6)));
  findings = kk_check_plan (plan);

  g_assert_cmpuint (count_check (findings, "duplicate-name"), ==, 2);
  g_assert_nonnull (strstr (kk_finding_get_message (find (findings, "duplicate-name",
                                                          program_at (plan, 6), "name")),
                            "6・7"));
  find (findings, "duplicate-name", program_at (plan, 7), "name");
}

static void
test_unused_choices (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPillar) pillar = kk_pillar_new (7, "新しい柱");
  g_autoptr(KkDivision) division = kk_division_new ("新しい課");
  g_autoptr(KkFunding) funding = kk_funding_new ("他", "その他");
  g_autoptr(GListModel) findings = NULL;
  KkFinding *finding;

  kk_plan_add_pillar (plan, pillar);
  kk_plan_add_division (plan, division);
  kk_plan_add_funding (plan, funding);
  findings = kk_check_plan (plan);

  finding = find (findings, "unused-pillar", pillar, "name");
  g_assert_null (kk_finding_get_program (finding));
  g_assert_cmpint (kk_finding_get_severity (finding), ==, KK_SEVERITY_NOTE);
  g_assert_nonnull (strstr (kk_finding_get_place (finding), "新しい柱"));
  find (findings, "unused-division", division, "name");
  find (findings, "unused-funding", funding, "name");
  g_assert_cmpuint (count_check (findings, "unused-pillar"), ==, 1);
  g_assert_cmpuint (count_check (findings, "unused-division"), ==, 1);
  g_assert_cmpuint (count_check (findings, "unused-funding"), ==, 1);
  /* The plan's lists come after the programs. */
  {
    g_autoptr(KkFinding) last = g_list_model_get_item (findings,
                                                       g_list_model_get_n_items (findings) - 1);

    g_assert_null (kk_finding_get_program (last));
  }
}

/* A division a sheet names is used even where it leads nothing (庶務経理課
 * on the sheet of 22–24 leads 8–10 only; 技術支援課 on sheet 21). */
static void
test_lead_division (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = NULL;
  KkProgram *program = program_at (plan, 25);
  KkDivision *other = kk_program_get_lead_division (program_at (plan, 1));

  kk_program_set_lead_division (program, other);
  findings = kk_check_plan (plan);

  g_assert_nonnull (strstr (kk_finding_get_message (find (findings, "lead-division-not-on-sheet",
                                                          program, "lead-division")),
                            kk_division_get_name (other)));
  g_assert_cmpuint (count_check (findings, "lead-division-not-on-sheet"), ==, 1);
}

static void
test_missing_target (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkKpiValue) actual = kk_kpi_value_new (2024, KK_KPI_KIND_ACTUAL);
  g_autoptr(GListModel) findings = NULL;
  KkKpi *kpi = kpi_of (plan, 2, 0);
  KkFinding *finding;

  kk_kpi_value_set_value (actual, 10);
  kk_kpi_append_value (kpi, actual);
  findings = kk_check_plan (plan);

  finding = find (findings, "missing-target", kpi, "values");
  g_assert_true (kk_finding_get_program (finding) == program_at (plan, 2));
  g_assert_true (g_str_has_prefix (kk_finding_get_place (finding), "【2】 1次対応相談件数(親族内)"));
  g_assert_cmpuint (count_check (findings, "missing-target"), ==, 3);
}

/* Program 6's 以上 qualifies its targets; program 13's KPIs have actuals
 * only. */
static void
test_comparator (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = NULL;
  KkKpi *actuals_only = kpi_of (plan, 13, 0);
  KkKpiValue *actual = value_of (kpi_of (plan, 6, 1), 1);

  g_assert_cmpint (kk_kpi_value_get_kind (actual), ==, KK_KPI_KIND_ACTUAL);
  kk_kpi_set_comparator (actuals_only, KK_COMPARATOR_AT_LEAST);
  kk_kpi_value_set_note (actual, "58回以上");
  findings = kk_check_plan (plan);

  find (findings, "comparator-without-target", actuals_only, "comparator");
  find (findings, "comparator-on-actual", actual, "note");
  g_assert_cmpuint (count_check (findings, "comparator-without-target"), ==, 1);
  g_assert_cmpuint (count_check (findings, "comparator-on-actual"), ==, 1);
}

static void
test_as_of (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = NULL;
  KkKpiValue *early = value_of (kpi_of (plan, 2, 0), 1);
  KkKpiValue *late = value_of (kpi_of (plan, 2, 1), 1);
  KkFinding *finding;

  kk_kpi_value_set_as_of (early, "2023-03-31");
  kk_kpi_value_set_as_of (late, "2024-03-31");
  findings = kk_check_plan (plan);
  find (findings, "as-of-outside-previous-year", early, "as-of");
  g_assert_cmpuint (count_check (findings, "as-of-outside-previous-year"), ==, 1);
  g_assert_cmpuint (count_check (findings, "as-of-after-issue"), ==, 0);
  g_clear_object (&findings);

  /* Issued in January, a figure of 31 March is from the future. */
  kk_plan_set_issued (plan, "2024-01");
  findings = kk_check_plan (plan);
  finding = find (findings, "as-of-after-issue", late, "as-of");
  g_assert_true (kk_finding_get_program (finding) == program_at (plan, 2));
  g_assert_cmpuint (count_check (findings, "as-of-after-issue"), ==, 1);
}

/* A figure's kind changed to one its KPI has for that year: the second
 * is found, on its kind, and taking the change back ends it. */
static void
test_figure_twice (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GListModel) after = NULL;
  KkKpi *kpi = kpi_of (plan, 2, 0);
  KkKpiValue *first = value_of (kpi, 0);
  KkKpiValue *second = value_of (kpi, 1);
  KkKpiKind kind = kk_kpi_value_get_kind (second);

  g_assert_cmpint (kk_kpi_value_get_fiscal_year (first), ==, kk_kpi_value_get_fiscal_year (second));
  g_assert_cmpint (kk_kpi_value_get_kind (first), !=, kind);
  findings = kk_check_plan (plan);
  g_assert_cmpuint (count_check (findings, "figure-twice"), ==, 0);

  kk_kpi_value_set_kind (second, kk_kpi_value_get_kind (first));
  after = kk_check_plan (plan);
  find (after, "figure-twice", second, "kind");
  g_assert_cmpuint (count_check (after, "figure-twice"), ==, 1);
  kk_kpi_value_set_kind (second, kind);
  g_clear_object (&after);
  after = kk_check_plan (plan);
  g_assert_cmpuint (count_check (after, "figure-twice"), ==, 0);
}

static void
test_not_confirmed (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListModel) findings = NULL;
  KkFinding *finding;

  kk_program_set_review_state (program_at (plan, 8), KK_REVIEW_STATE_DRAFT);
  kk_program_set_review_state (program_at (plan, 9), KK_REVIEW_STATE_PENDING);
  findings = kk_check_plan (plan);

  finding = find (findings, "not-confirmed", program_at (plan, 8), "review-state");
  g_assert_cmpint (kk_finding_get_severity (finding), ==, KK_SEVERITY_NOTE);
  find (findings, "not-confirmed", program_at (plan, 9), "review-state");
  g_assert_cmpuint (count_check (findings, "not-confirmed"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check/embedded-plan", test_embedded_plan);
  g_test_add_func ("/check/previous-budget", test_previous_budget);
  g_test_add_func ("/check/previous-name", test_previous_name);
  g_test_add_func ("/check/duplicate-names", test_duplicate_names);
  g_test_add_func ("/check/unused-choices", test_unused_choices);
  g_test_add_func ("/check/lead-division", test_lead_division);
  g_test_add_func ("/check/missing-target", test_missing_target);
  g_test_add_func ("/check/comparator", test_comparator);
  g_test_add_func ("/check/as-of", test_as_of);
  g_test_add_func ("/check/not-confirmed", test_not_confirmed);
  g_test_add_func ("/check/figure-twice", test_figure_twice);

  return g_test_run ();
}
