/* test-next-year.c: next year's plan carried from the embedded FY2024 plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kk-csv.h"
#include "kk-plan-file.h"

static KkPlan *
new_next_year (KkPlan *plan)
{
  g_autoptr(GError) error = NULL;
  KkPlan *next = kk_plan_new_next_year (plan, &error);

  g_assert_no_error (error);
  g_assert_nonnull (next);
  return next;
}

static void
test_header (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = new_next_year (plan);
  KkHistory *history = kk_plan_get_history (next);

  g_assert_cmpint (kk_plan_get_fiscal_year (next), ==, 2025);
  g_assert_cmpstr (kk_plan_get_title (next), ==, "令和7年度 事業計画書");
  g_assert_cmpstr (kk_plan_get_organization (next), ==, "公益財団法人三重県産業支援センター");
  g_assert_cmpint (kk_plan_get_origin_fiscal_year (next), ==, 2024);
  g_assert_cmpstr (kk_plan_get_origin_title (next), ==, "令和6年度 事業計画書");
  /* The month of issue and the transcription notes are this year's document's. */
  g_assert_null (kk_plan_get_issued (next));
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_corrections (next)), ==, 0);
  g_assert_false (kk_history_get_can_undo (history));
  g_assert_false (kk_plan_get_dirty (next));
  /* A plan written from the start records no origin. */
  g_assert_cmpint (kk_plan_get_origin_fiscal_year (plan), ==, 0);
  g_assert_null (kk_plan_get_origin_title (plan));
}

static void
test_lists_are_its_own (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = new_next_year (plan);
  GListModel *lists[][2] = {
    { kk_plan_get_funding_sources (plan), kk_plan_get_funding_sources (next) },
    { kk_plan_get_pillars (plan), kk_plan_get_pillars (next) },
    { kk_plan_get_divisions (plan), kk_plan_get_divisions (next) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      guint n = g_list_model_get_n_items (lists[i][0]);

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (lists[i][1]), ==, n);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (lists[i][0], j);
          g_autoptr(GObject) copy = g_list_model_get_item (lists[i][1], j);
          g_autofree char *name = NULL;
          g_autofree char *copy_name = NULL;

          g_object_get (item, "name", &name, NULL);
          g_object_get (copy, "name", &copy_name, NULL);
          g_assert_cmpstr (copy_name, ==, name);
          g_assert_true (copy != item);
        }
    }
}

static void
assert_program_refers_to (KkProgram *program,
                          KkPlan    *plan)
{
  GPtrArray *funding = kk_program_get_funding (program);
  KkPillar *pillar = kk_program_get_pillar (program);
  KkDivision *lead = kk_program_get_lead_division (program);
  GPtrArray *divisions = kk_sheet_get_divisions (kk_program_get_sheet (program));
  guint position;

  g_assert_true (kk_plan_find_pillar (plan, kk_pillar_get_number (pillar)) == pillar);
  g_assert_true (kk_plan_find_division (plan, kk_division_get_name (lead)) == lead);
  for (guint i = 0; i < funding->len; i++)
    g_assert_true (kk_plan_find_funding (plan, kk_funding_get_code (funding->pdata[i])) ==
                   funding->pdata[i]);
  for (guint i = 0; i < divisions->len; i++)
    g_assert_true (kk_plan_find_division (plan, kk_division_get_name (divisions->pdata[i])) ==
                   divisions->pdata[i]);
  g_assert_true (g_list_store_find (G_LIST_STORE (kk_plan_get_sheets (plan)),
                                    kk_program_get_sheet (program), &position));
}

static void
assert_same_sheet_texts (KkSheet *sheet,
                         KkSheet *copy)
{
  g_autofree char *numbers = kk_sheet_dup_numbers_label (sheet, ";");
  g_autofree char *copy_numbers = kk_sheet_dup_numbers_label (copy, ";");
  g_autofree char *divisions = kk_sheet_dup_divisions_label (sheet, ";");
  g_autofree char *copy_divisions = kk_sheet_dup_divisions_label (copy, ";");

  g_assert_true (copy != sheet);
  g_assert_cmpstr (copy_numbers, ==, numbers);
  g_assert_cmpstr (kk_sheet_get_purpose (copy), ==, kk_sheet_get_purpose (sheet));
  g_assert_cmpstr (kk_sheet_get_overview (copy), ==, kk_sheet_get_overview (sheet));
  g_assert_cmpstr (kk_sheet_get_targets_text (copy), ==, kk_sheet_get_targets_text (sheet));
  g_assert_cmpstr (kk_sheet_get_targets_notes (copy), ==, kk_sheet_get_targets_notes (sheet));
  g_assert_cmpstr (kk_sheet_get_activities (copy), ==, kk_sheet_get_activities (sheet));
  g_assert_cmpstr (copy_divisions, ==, divisions);
  g_assert_true (g_strv_equal ((const char * const *)kk_sheet_get_partners (copy),
                               (const char * const *)kk_sheet_get_partners (sheet)));
  g_assert_cmpuint (g_list_model_get_n_items (kk_sheet_get_kpis (copy)), ==,
                    g_list_model_get_n_items (kk_sheet_get_kpis (sheet)));
}

/* Every program is carried: the same program, continuing under the same
 * name, with this year's budget as its previous one and as its figure, and
 * not yet reviewed for the new year. */
static void
test_programs_carried (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = new_next_year (plan);
  GListModel *programs = kk_plan_get_programs (plan);
  GListModel *carried = kk_plan_get_programs (next);
  guint n = g_list_model_get_n_items (programs);

  g_assert_cmpuint (n, ==, 25);
  g_assert_cmpuint (g_list_model_get_n_items (carried), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      g_autoptr(KkProgram) copy = g_list_model_get_item (carried, i);
      g_autofree char *funding = kk_program_dup_funding_label (program, "・");
      g_autofree char *copy_funding = kk_program_dup_funding_label (copy, "・");

      g_assert_cmpuint (kk_program_get_number (copy), ==, kk_program_get_number (program));
      g_assert_cmpstr (kk_program_get_name (copy), ==, kk_program_get_name (program));
      g_assert_cmpuint (kk_pillar_get_number (kk_program_get_pillar (copy)), ==,
                        kk_pillar_get_number (kk_program_get_pillar (program)));
      g_assert_cmpstr (copy_funding, ==, funding);
      g_assert_cmpstr (kk_division_get_name (kk_program_get_lead_division (copy)), ==,
                       kk_division_get_name (kk_program_get_lead_division (program)));
      g_assert_cmpint (kk_program_get_budget (copy), ==, kk_program_get_budget (program));
      g_assert_cmpint (kk_program_get_previous_budget (copy), ==, kk_program_get_budget (program));
      g_assert_cmpint (kk_program_get_difference (copy), ==, 0);
      g_assert_cmpint (kk_program_get_status (copy), ==, KK_PROGRAM_STATUS_CONTINUING);
      /* 同上: the file holds no previous name when it is the name. */
      g_assert_null (kk_program_get_previous_name (copy));
      g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_CONFIRMED);
      g_assert_cmpint (kk_program_get_review_state (copy), ==, KK_REVIEW_STATE_DRAFT);
      assert_program_refers_to (copy, next);
      assert_same_sheet_texts (kk_program_get_sheet (program), kk_program_get_sheet (copy));
    }
}

/* This year's new program and renamed ones start the next year as any other. */
static void
test_new_and_renamed_programs (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = new_next_year (plan);
  KkProgram *was_new = kk_plan_find_program (next, 15);
  KkProgram *was_renamed = kk_plan_find_program (next, 11);

  g_assert_cmpint (kk_program_get_status (kk_plan_find_program (plan, 15)), ==, KK_PROGRAM_STATUS_NEW);
  g_assert_cmpint (kk_program_get_status (was_new), ==, KK_PROGRAM_STATUS_CONTINUING);
  g_assert_cmpint (kk_program_get_previous_budget (was_new), ==,
                   kk_program_get_budget (kk_plan_find_program (plan, 15)));
  g_assert_nonnull (kk_program_get_previous_name (kk_plan_find_program (plan, 11)));
  g_assert_null (kk_program_get_previous_name (was_renamed));
  g_assert_cmpint (kk_program_get_previous_budget (was_renamed), ==, 183480);
}

static guint
count_lines (GBytes *bytes)
{
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  guint lines = 0;

  for (gsize i = 0; i < size; i++)
    lines += text[i] == '\n';
  return lines;
}

/* Every figure of every KPI is kept, so that the KPIs table of the two plans
 * is the same, row for row. */
static void
test_every_kpi_figure_kept (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = new_next_year (plan);
  g_autoptr(GBytes) kpis = kk_csv_export (plan, KK_CSV_TABLE_KPIS);
  g_autoptr(GBytes) carried = kk_csv_export (next, KK_CSV_TABLE_KPIS);
  GListModel *sheets = kk_plan_get_sheets (plan);

  g_assert_cmpuint (count_lines (kpis), >, 100);
  g_assert_true (g_bytes_equal (kpis, carried));
  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) this_year = g_list_model_get_item (sheets, i);
      g_autoptr(KkSheet) next_year = g_list_model_get_item (kk_plan_get_sheets (next), i);

      for (guint j = 0; j < g_list_model_get_n_items (kk_sheet_get_kpis (this_year)); j++)
        {
          g_autoptr(KkKpi) a = g_list_model_get_item (kk_sheet_get_kpis (this_year), j);
          g_autoptr(KkKpi) b = g_list_model_get_item (kk_sheet_get_kpis (next_year), j);

          g_assert_true (a != b);
          g_assert_cmpstr (kk_kpi_get_label (b), ==, kk_kpi_get_label (a));
          g_assert_cmpstr (kk_kpi_get_note (b), ==, kk_kpi_get_note (a));
        }
    }
}

static void
test_shared_sheets_stay_shared (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = new_next_year (plan);
  KkSheet *sheet8 = kk_program_get_sheet (kk_plan_find_program (next, 8));
  KkSheet *sheet22 = kk_program_get_sheet (kk_plan_find_program (next, 22));
  KkSheet *this_year = kk_program_get_sheet (kk_plan_find_program (plan, 8));
  g_autofree char *purpose = g_strdup (kk_sheet_get_purpose (this_year));

  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_sheets (next)), ==, 21);
  g_assert_true (kk_program_get_sheet (kk_plan_find_program (next, 9)) == sheet8);
  g_assert_true (kk_program_get_sheet (kk_plan_find_program (next, 10)) == sheet8);
  g_assert_true (kk_program_get_sheet (kk_plan_find_program (next, 23)) == sheet22);
  g_assert_true (kk_program_get_sheet (kk_plan_find_program (next, 24)) == sheet22);
  g_assert_true (sheet8 != this_year);

  /* Editing next year's sheet leaves this year's as it is. */
  g_assert_true (kk_plan_edit (next, sheet8, "purpose", "来年度の目的"));
  g_assert_cmpstr (kk_sheet_get_purpose (this_year), ==, purpose);
  g_assert_cmpstr (kk_sheet_get_purpose (kk_program_get_sheet (kk_plan_find_program (next, 10))),
                   ==, "来年度の目的");
}

static void
test_this_year_unchanged (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) before = kk_plan_to_bytes (plan);
  g_autoptr(KkPlan) next = new_next_year (plan);
  g_autoptr(GBytes) after = NULL;

  kk_plan_edit (next, kk_plan_find_program (next, 1), "budget", (gint64)1);
  after = kk_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_cmpint (kk_program_get_budget (kk_plan_find_program (plan, 1)), ==, 74990);
}

/* Saved and opened again, the plan is the same, its origin with it. */
static void
test_file_round_trip (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = new_next_year (plan);
  g_autofree char *dir = g_dir_make_tmp ("keikaku-next-year-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r7.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = kk_plan_to_bytes (next);
  g_autoptr(KkPlan) loaded = NULL;
  g_autoptr(GBytes) again = NULL;

  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved),
                                  "\"version\": \"1.2\",\n  \"fiscal_year\": 2025,"));
  g_assert_true (kk_plan_save_file (next, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  loaded = kk_plan_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kk_plan_get_origin_fiscal_year (loaded), ==, 2024);
  g_assert_cmpstr (kk_plan_get_origin_title (loaded), ==, "令和6年度 事業計画書");
  g_assert_cmpint (kk_program_get_previous_budget (kk_plan_find_program (loaded, 2)), ==, 95249);
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (loaded, 2)), ==,
                   KK_REVIEW_STATE_DRAFT);
  again = kk_plan_to_bytes (loaded);
  g_assert_true (g_bytes_equal (saved, again));

  g_unlink (path);
  g_rmdir (dir);
}

/* The year after next is carried from the carried plan in turn. */
static void
test_year_after_next (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = new_next_year (plan);
  g_autoptr(KkPlan) after = NULL;

  kk_plan_edit (next, kk_plan_find_program (next, 2), "budget", (gint64)100000);
  after = new_next_year (next);
  g_assert_cmpstr (kk_plan_get_title (after), ==, "令和8年度 事業計画書");
  g_assert_cmpint (kk_plan_get_origin_fiscal_year (after), ==, 2025);
  g_assert_cmpstr (kk_plan_get_origin_title (after), ==, "令和7年度 事業計画書");
  g_assert_cmpint (kk_program_get_previous_budget (kk_plan_find_program (after, 2)), ==, 100000);
  g_assert_cmpint (kk_program_get_budget (kk_plan_find_program (after, 2)), ==, 100000);
}

static void
test_last_fiscal_year (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) next = NULL;

  kk_plan_set_fiscal_year (plan, KK_FISCAL_YEAR_MAX);
  next = kk_plan_new_next_year (plan, &error);
  g_assert_null (next);
  g_assert_error (error, KK_PLAN_ERROR, KK_PLAN_ERROR_NO_NEXT_YEAR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/next-year/header", test_header);
  g_test_add_func ("/next-year/lists-are-its-own", test_lists_are_its_own);
  g_test_add_func ("/next-year/programs-carried", test_programs_carried);
  g_test_add_func ("/next-year/new-and-renamed", test_new_and_renamed_programs);
  g_test_add_func ("/next-year/kpi-figures-kept", test_every_kpi_figure_kept);
  g_test_add_func ("/next-year/shared-sheets", test_shared_sheets_stay_shared);
  g_test_add_func ("/next-year/this-year-unchanged", test_this_year_unchanged);
  g_test_add_func ("/next-year/file-round-trip", test_file_round_trip);
  g_test_add_func ("/next-year/year-after-next", test_year_after_next);
  g_test_add_func ("/next-year/last-fiscal-year", test_last_fiscal_year);

  return g_test_run ();
}
