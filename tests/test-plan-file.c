/* test-plan-file.c: reading and writing plan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "kk-plan-file.h"

static GBytes *
load_source_file (const char *first,
                  const char *second,
                  const char *third)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, first, second, third, NULL);
  g_autoptr(GError) error = NULL;
  char *text;
  gsize len;

  g_file_get_contents (path, &text, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (text, len);
}

static GBytes *
load_fixture (const char *name)
{
  return load_source_file ("data", name, NULL);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  g_assert_cmpmem (g_bytes_get_data (a, NULL), g_bytes_get_size (a),
                   g_bytes_get_data (b, NULL), g_bytes_get_size (b));
}

static void
test_embedded_byte_identical (void)
{
  g_autoptr(GBytes) original = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  /* The embedded plan is data/plans/fy2024.json, bundled as it is. */
  original = load_source_file ("..", "data", "plans/fy2024.json");
  saved = kk_plan_to_bytes (plan);
  assert_bytes_equal (saved, original);
}

static void
test_fixture_byte_identical (void)
{
  g_autoptr(GBytes) original = load_fixture ("small.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_plan_load_bytes (original, &error);
  g_autoptr(GBytes) saved = NULL;

  g_assert_no_error (error);
  saved = kk_plan_to_bytes (plan);
  assert_bytes_equal (saved, original);
}

static void
test_round_trip_equal (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) again = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  KkSheet *sheet;

  /* An edited plan survives a save and a load. */
  kk_plan_edit (plan, kk_plan_find_program (plan, 7), "budget", (gint64)12345);
  sheet = kk_program_get_sheet (kk_plan_find_program (plan, 9));
  kk_plan_edit (plan, sheet, "activities", "改行\nと \"引用\" と \\ と\ttab");
  first = kk_plan_to_bytes (plan);
  again = kk_plan_load_bytes (first, &error);
  g_assert_no_error (error);
  second = kk_plan_to_bytes (again);
  assert_bytes_equal (second, first);

  g_assert_cmpint (kk_program_get_budget (kk_plan_find_program (again, 7)), ==, 12345);
  g_assert_cmpstr (kk_sheet_get_activities (kk_program_get_sheet (kk_plan_find_program (again, 10))),
                   ==, "改行\nと \"引用\" と \\ と\ttab");
  g_assert_false (kk_plan_get_dirty (again));
}

static void
test_round_trip_kpi_figures (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("small.json");
  g_autoptr(KkPlan) plan = kk_plan_load_bytes (bytes, NULL);
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 1));
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kk_sheet_get_kpis (sheet), 1);
  g_autoptr(KkKpiValue) decimal = g_list_model_get_item (kk_kpi_get_values (kpi), 2);
  g_autoptr(KkKpi) first = g_list_model_get_item (kk_sheet_get_kpis (sheet), 0);
  g_autoptr(KkKpiValue) undecided = g_list_model_get_item (kk_kpi_get_values (first), 2);
  g_autoptr(KkKpiValue) dated = g_list_model_get_item (kk_kpi_get_values (first), 1);

  g_assert_cmpint (kk_kpi_get_comparator (kpi), ==, KK_COMPARATOR_AT_MOST);
  g_assert_cmpfloat (kk_kpi_value_get_value (decimal), ==, 220.6);
  g_assert_false (kk_kpi_value_get_has_value (undecided));
  g_assert_cmpstr (kk_kpi_value_get_note (undecided), ==, "未定");
  g_assert_cmpstr (kk_kpi_value_get_as_of (dated), ==, "2024-01-31");
}

/* Version 1.1 added a KPI's printed label and the notes under the table. */
static void
test_round_trip_label_and_notes (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("small.json");
  g_autoptr(KkPlan) plan = kk_plan_load_bytes (bytes, NULL);
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 1));
  g_autoptr(KkKpi) labelled = g_list_model_get_item (kk_sheet_get_kpis (sheet), 0);
  g_autoptr(KkKpi) unlabelled = g_list_model_get_item (kk_sheet_get_kpis (sheet), 1);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KkPlan) again = NULL;
  g_autoptr(KkKpi) relabelled = NULL;

  g_assert_cmpstr (kk_kpi_get_label (labelled), ==, "(1)");
  g_assert_null (kk_kpi_get_label (unlabelled));
  g_assert_cmpstr (kk_sheet_get_targets_notes (sheet), ==, "※(1)の実績は令和6年1月31日現在");

  kk_kpi_set_label (unlabelled, "(2)");
  saved = kk_plan_to_bytes (plan);
  again = kk_plan_load_bytes (saved, NULL);
  sheet = kk_program_get_sheet (kk_plan_find_program (again, 1));
  relabelled = g_list_model_get_item (kk_sheet_get_kpis (sheet), 1);
  g_assert_cmpstr (kk_kpi_get_label (relabelled), ==, "(2)");
  g_assert_null (kk_sheet_get_targets_notes (kk_program_get_sheet (kk_plan_find_program (again, 2))));
}

static GBytes *
fixture_with (const char *from,
              const char *to)
{
  g_autoptr(GBytes) fixture = load_fixture ("small.json");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (fixture, NULL),
                                              g_bytes_get_size (fixture));

  g_assert_cmpuint (g_string_replace (text, from, to, 1), ==, 1);
  return g_string_free_to_bytes (g_steal_pointer (&text));
}

static void
assert_all_confirmed (KkPlan *plan)
{
  GListModel *programs = kk_plan_get_programs (plan);

  g_assert_cmpuint (g_list_model_get_n_items (programs), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_CONFIRMED);
    }
}

/* Version 1.2 added a program's review state; before it, plans were final. */
static void
test_review_state_of_older_files (void)
{
  g_autoptr(GBytes) bytes = fixture_with ("\"version\": \"1.2\",", "\"version\": \"1.1\",");
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_plan_load_bytes (bytes, &error);
  g_autoptr(KkPlan) embedded = kk_plan_load_default ();

  g_assert_no_error (error);
  assert_all_confirmed (plan);
  assert_all_confirmed (embedded);
}

static void
test_round_trip_review_state (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KkPlan) again = NULL;
  g_autoptr(GError) error = NULL;

  kk_program_set_review_state (kk_plan_find_program (plan, 1), KK_REVIEW_STATE_DRAFT);
  kk_program_set_review_state (kk_plan_find_program (plan, 2), KK_REVIEW_STATE_PENDING);
  saved = kk_plan_to_bytes (plan);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL),
                            "\"lead_division\": \"よろず支援・事業承継課\",\n      \"review_state\": \"draft\"\n"));
  again = kk_plan_load_bytes (saved, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (again, 1)), ==,
                   KK_REVIEW_STATE_DRAFT);
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (again, 2)), ==,
                   KK_REVIEW_STATE_PENDING);
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (again, 3)), ==,
                   KK_REVIEW_STATE_CONFIRMED);
}

static void
test_unknown_members_kept (void)
{
  g_autoptr(GBytes) fixture = load_fixture ("small.json");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (fixture, NULL),
                                              g_bytes_get_size (fixture));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  const char *out;

  g_string_replace (text, "\"version\": \"1.2\",", "\"version\": \"1.9\",", 1);
  g_string_replace (text, "\"issued\": \"2024-03\",",
                    "\"issued\": \"2024-03\",\n  \"approved_by\": {\"board\": [1, 2.5, null, true]},", 1);
  g_string_replace (text, "\"name\": \"設備事業\",", "\"name\": \"設備事業\",\n      \"color\": \"赤\",", 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  plan = kk_plan_load_bytes (bytes, &error);
  g_assert_no_error (error);
  saved = kk_plan_to_bytes (plan);
  out = g_bytes_get_data (saved, NULL);

  /* Kept, after our own members of the same object. */
  g_assert_nonnull (strstr (out, "\"lead_division\": \"総務企画課\",\n      \"color\": \"赤\"\n"));
  g_assert_nonnull (strstr (out, "\"approved_by\": {\n    \"board\": [\n      1,\n      2.5,\n"
                                 "      null,\n      true\n    ]\n  }\n}\n"));
}

/* Texts written by other tools may escape what they like. */
static void
test_escapes_are_read (void)
{
  g_autoptr(GBytes) fixture = load_fixture ("small.json");
  g_autoptr(GString) text = g_string_new_len (g_bytes_get_data (fixture, NULL),
                                              g_bytes_get_size (fixture));
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_string_replace (text, "\"テスト財団\"",
                    "\"\\u30c6\\u30b9\\u30c8\\\"\\\\\\/\\t\\ud83d\\ude00\"", 1);
  g_string_replace (text, "\"budget\": 1000,", "\"budget\": 1000 ,", 1);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  plan = kk_plan_load_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kk_plan_get_organization (plan), ==, "テスト\"\\/\t😀");
  g_assert_cmpint (kk_program_get_budget (kk_plan_find_program (plan, 1)), ==, 1000);
}

static void
test_save_file_keeps_backup (void)
{
  g_autofree char *dir = g_dir_make_tmp ("keikaku-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.keikaku", NULL);
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = kk_plan_to_bytes (plan);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (kk_plan_save_file (plan, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  kk_plan_edit (plan, kk_plan_find_program (plan, 1), "name", "新しい名前");
  g_assert_true (kk_plan_get_dirty (plan));
  g_assert_true (kk_plan_save_file (plan, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (kk_plan_get_dirty (plan));

  g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (first, NULL), g_bytes_get_size (first));

  g_unlink (backup);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_save_failure_leaves_plan_dirty (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-keikaku-dir/plan.keikaku");
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GError) error = NULL;

  kk_plan_edit (plan, kk_plan_find_program (plan, 1), "budget", (gint64)1);
  g_assert_false (kk_plan_save_file (plan, file, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (kk_plan_get_dirty (plan));
  g_assert_cmpint (kk_program_get_budget (kk_plan_find_program (plan, 1)), ==, 1);
}

static void
test_load_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-keikaku-dir/plan.keikaku");
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_plan_load_file (file, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plan-file/round-trip/embedded-byte-identical", test_embedded_byte_identical);
  g_test_add_func ("/plan-file/round-trip/fixture-byte-identical", test_fixture_byte_identical);
  g_test_add_func ("/plan-file/round-trip/edited", test_round_trip_equal);
  g_test_add_func ("/plan-file/round-trip/kpi-figures", test_round_trip_kpi_figures);
  g_test_add_func ("/plan-file/round-trip/label-and-notes", test_round_trip_label_and_notes);
  g_test_add_func ("/plan-file/round-trip/review-state", test_round_trip_review_state);
  g_test_add_func ("/plan-file/load/review-state-of-older-files", test_review_state_of_older_files);
  g_test_add_func ("/plan-file/round-trip/unknown-members", test_unknown_members_kept);
  g_test_add_func ("/plan-file/load/escapes", test_escapes_are_read);
  g_test_add_func ("/plan-file/save/backup", test_save_file_keeps_backup);
  g_test_add_func ("/plan-file/save/failure", test_save_failure_leaves_plan_dirty);
  g_test_add_func ("/plan-file/load/missing", test_load_missing_file);

  return g_test_run ();
}
