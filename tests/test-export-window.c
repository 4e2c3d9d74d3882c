/* test-export-window.c: the tables exported from the window for a
 * spreadsheet, and what the window says of the plan a plan came from
 *
 * Each export goes through its menu action and GTK's own file chooser,
 * answered as a clerk answers it; the files are read back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <unistd.h>

#include "kk-csv-import.h"
#include "kk-chart-view.h"
#include "kk-csv.h"
#include "kk-plan-file.h"
#include "kk-table-export.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

typedef struct
{
  char *dir;
  KkWindow *window;
  KkPlan *plan;
} Fixture;

static void
close_windows (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  fixture->dir = g_dir_make_tmp ("keikaku-export-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->window = kk_test_open_window (app, plan);
  fixture->plan = kk_window_get_plan (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  close_windows ();
  kk_test_run_until_idle ();
  g_chmod (fixture->dir, 0700);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

/* Activates the export of @target from the main menu's action and waits
 * for GTK's file chooser over the window. */
static GtkFileChooser *
open_chooser (Fixture    *fixture,
              const char *target)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-table",
                                             "s", target));
  kk_test_run_until_idle ();
  dialog = kk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  return GTK_FILE_CHOOSER (dialog);
}

/* Exports @target into the fixture's folder under the name the chooser
 * offers, which must be @expected_name, and waits for the notice naming
 * the file. Returns the file's path. */
static char *
export_through_chooser (Fixture    *fixture,
                        const char *target,
                        const char *expected_name)
{
  GtkFileChooser *chooser = open_chooser (fixture, target);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
  g_autofree char *toast = g_strdup_printf ("Exported “%s”", expected_name);

  g_assert_cmpstr (name, ==, expected_name);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  kk_test_wait_for_label (GTK_WIDGET (fixture->window), toast);
  g_assert_null (kk_test_find_dialog (NULL));
  return g_build_filename (fixture->dir, expected_name, NULL);
}

static void
assert_file_is_table (const char *path,
                      KkPlan     *plan,
                      KkCsvTable  table)
{
  g_autoptr(GBytes) expected = kk_csv_export (plan, table);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));
}

/* The programs table, read back by the import, is the plan: nothing to
 * change, nothing it cannot read. */
static void
test_programs_csv (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = export_through_chooser (fixture, "programs",
                                                  "令和6年度 事業計画書 事業一覧.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KkCsvImport) import = NULL;

  assert_file_is_table (path, fixture->plan, KK_CSV_TABLE_PROGRAMS);
  import = kk_csv_import_new_for_file (fixture->plan, file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_changes (import)), ==, 0);
}

/* The KPI table, one row a figure, as the command line writes it. */
static void
test_kpis_csv (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = export_through_chooser (fixture, "kpis",
                                                  "令和6年度 事業計画書 成果目標値.csv");
  g_autofree char *contents = NULL;

  assert_file_is_table (path, fixture->plan, KK_CSV_TABLE_KPIS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "programs,kpi,group,unit,"));
}

/* A name typed but not yet entered is in the table, as the clerk sees it. */
static void
test_typed_name_exported (Fixture       *fixture,
                          gconstpointer  data)
{
  KkProgram *program = kk_plan_find_program (fixture->plan, 4);
  GtkWidget *name = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "事業一覧.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  kk_program_list_set_selected_program (kk_window_get_program_list (fixture->window), program);
  kk_test_run_until_idle ();
  name = kk_test_find_named (GTK_WIDGET (kk_window_get_program_editor (fixture->window)), "name");
  gtk_editable_set_text (GTK_EDITABLE (name), "経営向上ステップアップ事業");

  g_assert_true (kk_window_export_table (fixture->window, KK_TABLE_EXPORT_PROGRAMS, file));
  g_assert_cmpstr (kk_program_get_name (program), ==, "経営向上ステップアップ事業");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\r\n4,経営向上ステップアップ事業,"));
}

/* Ctrl+Shift+E asks where to write the workbook. */
static void
test_workbook_shortcut (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWindow *dialog;
  g_autofree char *name = NULL;

  g_assert_true (kk_test_press_key (GTK_WINDOW (fixture->window), GDK_KEY_e,
                                    GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  dialog = kk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, "令和6年度 事業計画書.xlsx");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  kk_test_run_until_idle ();
}

/* Python's zipfile reads the workbook's sheets and their texts. */
static char *
read_workbook (const char *path)
{
  const char *argv[] = {
    "python3", "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "sys.stdout.write(z.read('xl/workbook.xml').decode() + z.read('xl/sharedStrings.xml').decode())\n",
    path, NULL
  };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static void
test_workbook (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = export_through_chooser (fixture, "workbook",
                                                  "令和6年度 事業計画書.xlsx");
  g_autofree char *parts = read_workbook (path);
  KkProgram *program = kk_plan_find_program (fixture->plan, 1);

  g_assert_nonnull (strstr (parts, "<sheet name=\"事業一覧\""));
  g_assert_nonnull (strstr (parts, "<sheet name=\"成果目標値\""));
  g_assert_nonnull (strstr (parts, kk_program_get_name (program)));
}

/* Cancelled, the chooser writes nothing and says nothing. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  GtkFileChooser *chooser = open_chooser (fixture, "workbook");
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GDir) dir = NULL;

  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  kk_test_run_until_idle ();
  g_assert_null (kk_test_find_label (GTK_WIDGET (fixture->window), "Exported"));
  g_assert_null (kk_test_find_dialog (NULL));
  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

/* Into a folder the clerk may not write (as nobody when the tests run as
 * root, who may write anywhere): the reason in a dialog naming the file,
 * no notice, and nothing left in the folder. */
static void
test_unwritable_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  KkTableExportKind kind = GPOINTER_TO_INT (data);
  g_autofree char *path = g_build_filename (fixture->dir, "書き出し", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  struct passwd *nobody = getpwnam ("nobody");
  gboolean as_nobody = geteuid () == 0;
  AdwMessageDialog *dialog;
  g_autoptr(GDir) dir = NULL;
  gboolean written;

  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  if (as_nobody)
    {
      g_assert_nonnull (nobody);
      g_assert_cmpint (seteuid (nobody->pw_uid), ==, 0);
    }
  written = kk_window_export_table (fixture->window, kind, file);
  if (as_nobody)
    g_assert_cmpint (seteuid (0), ==, 0);

  g_assert_false (written);
  dialog = kk_test_find_dialog (kind == KK_TABLE_EXPORT_WORKBOOK ? "Could Not Export the Workbook"
                                                                 : "Could Not Export the Table");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), g_strerror (EACCES)));
  kk_test_respond (dialog, "close");
  g_assert_null (kk_test_find_label (GTK_WIDGET (fixture->window), "Exported"));
  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

/* A title with characters that file systems refuse gives a name they take. */
static void
test_file_name (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkTableExport) export = NULL;
  g_autofree char *name = NULL;

  kk_plan_set_title (plan, "令和6年度 事業計画書/改訂: 案");
  export = kk_table_export_new (plan, KK_TABLE_EXPORT_PROGRAMS);
  name = kk_table_export_dup_file_name (export);
  g_assert_cmpstr (name, ==, "令和6年度 事業計画書_改訂_ 案 事業一覧.csv");
}

/* ------------------------------------------------------------------------ */
/* The plan a plan came from                                                */

static AdwWindowTitle *
open_title (KkPlan *plan)
{
  KkWindow *window = kk_test_open_window (app, plan);

  return ADW_WINDOW_TITLE (kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));
}

/* Next year's plan says, under its title, the year it was carried from;
 * its tooltip names last year's plan. */
static void
test_origin_shown (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) next = kk_plan_new_next_year (plan, NULL);
  AdwWindowTitle *title = open_title (next);

  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==,
                   "Not saved to a file yet · carried from 令和6年度");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title)), ==,
                   "Carried from the plan “令和6年度 事業計画書”");
  close_windows ();
}

/* A title that does not name its year gets the year beside it. */
static void
test_origin_year_named (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  AdwWindowTitle *title;

  kk_plan_set_origin_fiscal_year (plan, 2023);
  kk_plan_set_origin_title (plan, "事業計画書");
  title = open_title (plan);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==,
                   "Not saved to a file yet · carried from 令和5年度");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (title)), ==,
                   "Carried from the plan “事業計画書” of 令和5年度");
  close_windows ();
}

/* A plan of its own, such as the embedded one, says nothing of an origin. */
static void
test_no_origin (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  AdwWindowTitle *title = open_title (plan);

  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Not saved to a file yet");
  g_assert_null (gtk_widget_get_tooltip_text (GTK_WIDGET (title)));
  close_windows ();
}

/* A chart exported from the charts view says so naming its file, as the
 * other exports do, and the file is the picture. */
static void
test_chart_export_says_its_file (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  GtkWidget *view;
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-view", "s", "charts");
  kk_test_run_until_idle ();
  view = kk_test_find_type (GTK_WIDGET (fixture->window), KK_TYPE_CHART_VIEW);
  g_assert_true (gtk_widget_activate_action (view, "chart.export", "s", "png"));
  kk_test_run_until_idle ();
  chooser = GTK_FILE_CHOOSER (kk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG,
                                                     GTK_WINDOW (fixture->window)));
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (name, ".png"));
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  toast = g_strdup_printf ("Exported “%s”", name);
  kk_test_wait_for_label (GTK_WIDGET (fixture->window), toast);
  path = g_build_filename (fixture->dir, name, NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  app = kk_test_application_new ();

  g_test_add ("/export-window/programs-csv", Fixture, NULL,
              fixture_set_up, test_programs_csv, fixture_tear_down);
  g_test_add ("/export-window/kpis-csv", Fixture, NULL,
              fixture_set_up, test_kpis_csv, fixture_tear_down);
  g_test_add ("/export-window/workbook", Fixture, NULL,
              fixture_set_up, test_workbook, fixture_tear_down);
  g_test_add ("/export-window/typed-name", Fixture, NULL,
              fixture_set_up, test_typed_name_exported, fixture_tear_down);
  g_test_add ("/export-window/shortcut", Fixture, NULL,
              fixture_set_up, test_workbook_shortcut, fixture_tear_down);
  g_test_add ("/export-window/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/export-window/unwritable/table", Fixture,
              GINT_TO_POINTER (KK_TABLE_EXPORT_PROGRAMS),
              fixture_set_up, test_unwritable_folder, fixture_tear_down);
  g_test_add ("/export-window/unwritable/workbook", Fixture,
              GINT_TO_POINTER (KK_TABLE_EXPORT_WORKBOOK),
              fixture_set_up, test_unwritable_folder, fixture_tear_down);
  g_test_add ("/export-window/chart", Fixture, NULL,
              fixture_set_up, test_chart_export_says_its_file, fixture_tear_down);
  g_test_add_func ("/export-window/file-name", test_file_name);
  g_test_add_func ("/window/origin/shown", test_origin_shown);
  g_test_add_func ("/window/origin/year-named", test_origin_year_named);
  g_test_add_func ("/window/origin/none", test_no_origin);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
