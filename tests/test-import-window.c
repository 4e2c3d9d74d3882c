/* test-import-window.c: a CSV import in the window, previewed before
 * anything changes, applied as one step that Undo takes back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kk-csv.h"
#include "kk-import-dialog.h"
#include "kk-plan-file.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

typedef struct
{
  char *dir;
  GFile *file;
  KkWindow *window;
  KkPlan *plan;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("keikaku-import-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "事業一覧.csv", NULL);
  fixture->file = g_file_new_for_path (path);
  fixture->window = kk_window_new (app, plan, NULL);
  fixture->plan = kk_window_get_plan (fixture->window);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kk_test_run_until_idle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (fixture->file);
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  kk_test_run_until_idle ();
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->file);
}

/* The embedded plan's programs table, with program 3's budget typed anew
 * and program 5 renamed, as a clerk edits it in a spreadsheet. */
static void
write_edited_table (Fixture    *fixture,
                    const char *budget)
{
  g_autoptr(KkPlan) copy = kk_plan_load_default ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *cell = g_strdup_printf (",%s,,3797,", budget);
  g_autofree char *path = g_file_get_path (fixture->file);

  kk_program_set_name (kk_plan_find_program (copy, 5), "プロ人材拠点事業");
  bytes = kk_csv_export (copy, KK_CSV_TABLE_PROGRAMS);
  csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  parts = g_strsplit (csv, ",3797,,3797,", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoinv (cell, parts);
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
}

static KkImportDialog *
import_and_find_dialog (Fixture *fixture)
{
  GtkWindow *dialog;

  kk_window_import_csv (fixture->window, fixture->file);
  dialog = kk_test_find_toplevel (KK_TYPE_IMPORT_DIALOG, GTK_WINDOW (fixture->window));
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  return KK_IMPORT_DIALOG (dialog);
}

static gboolean
dialog_closed (gpointer window)
{
  return kk_test_find_toplevel (KK_TYPE_IMPORT_DIALOG, window) == NULL;
}

static void
click (KkImportDialog *dialog,
       const char     *name)
{
  GtkWidget *button = kk_test_find_named (GTK_WIDGET (dialog), name);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static void
test_apply_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = kk_plan_to_bytes (fixture->plan);
  g_autoptr(GBytes) after = NULL;
  KkImportDialog *dialog;
  GtkWidget *apply;

  write_edited_table (fixture, "\"4,000\"");
  dialog = import_and_find_dialog (fixture);

  /* Every change, shown before anything is applied. */
  g_assert_cmpuint (g_list_model_get_n_items (
                      kk_csv_import_get_changes (kk_import_dialog_get_import (dialog))), ==, 2);
  kk_test_wait_for_label (GTK_WIDGET (dialog), "3,797");
  kk_test_wait_for_label (GTK_WIDGET (dialog), "4,000");
  kk_test_wait_for_label (GTK_WIDGET (dialog), "プロ人材拠点事業");
  g_assert_null (kk_test_find_label (GTK_WIDGET (dialog), "Cells That Cannot Be Read"));
  after = kk_plan_to_bytes (fixture->plan);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&after, g_bytes_unref);

  apply = kk_test_find_named (GTK_WIDGET (dialog), "apply-button");
  g_assert_true (gtk_widget_is_sensitive (apply));
  click (dialog, "apply-button");
  kk_test_wait_until (dialog_closed, fixture->window);
  g_assert_cmpint (kk_program_get_budget (kk_plan_find_program (fixture->plan, 3)), ==, 4000);
  g_assert_cmpstr (kk_program_get_name (kk_plan_find_program (fixture->plan, 5)), ==,
                   "プロ人材拠点事業");
  g_assert_true (kk_plan_get_dirty (fixture->plan));

  /* One Undo restores the plan exactly. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  after = kk_plan_to_bytes (fixture->plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (kk_plan_get_dirty (fixture->plan));
}

/* A cell that cannot be read is shown with its line and column; Apply
 * stays off and Cancel leaves the plan as it was. */
static void
test_problem_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) before = kk_plan_to_bytes (fixture->plan);
  g_autoptr(GBytes) after = NULL;
  KkImportDialog *dialog;
  GtkWidget *problem;

  write_edited_table (fixture, "37a97");
  dialog = import_and_find_dialog (fixture);

  kk_test_wait_for_label (GTK_WIDGET (dialog), "Cells That Cannot Be Read");
  problem = kk_test_wait_for_label (GTK_WIDGET (dialog), "“37a97”");
  g_assert_true (gtk_widget_is_drawable (problem));
  g_assert_false (gtk_widget_is_sensitive (kk_test_find_named (GTK_WIDGET (dialog),
                                                               "apply-button")));
  click (dialog, "cancel-button");
  kk_test_wait_until (dialog_closed, fixture->window);
  after = kk_plan_to_bytes (fixture->plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (fixture->plan)));
}

/* A file that is no programs table at all says so, and changes nothing. */
static void
test_not_a_table (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_file_get_path (fixture->file);
  AdwMessageDialog *error;

  g_assert_true (g_file_set_contents (path, "name,budget\r\nA,1\r\n", -1, NULL));
  kk_window_import_csv (fixture->window, fixture->file);
  error = kk_test_find_dialog ("Could Not Import the File");
  g_assert_nonnull (error);
  g_assert_null (kk_test_find_toplevel (KK_TYPE_IMPORT_DIALOG, NULL));
  kk_test_respond (error, "close");
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (fixture->plan)));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  app = kk_test_application_new ();

  g_test_add ("/import-window/apply-and-undo", Fixture, NULL,
              fixture_set_up, test_apply_and_undo, fixture_tear_down);
  g_test_add ("/import-window/problem-refused", Fixture, NULL,
              fixture_set_up, test_problem_refused, fixture_tear_down);
  g_test_add ("/import-window/not-a-table", Fixture, NULL,
              fixture_set_up, test_not_a_table, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
