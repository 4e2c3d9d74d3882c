/* test-document.c: opening and saving on a slow drive never freeze the
 * window; opening can be given up; a plan edited during its save stays
 * unsaved
 *
 * The drive is made slow with kk_document_set_test_delay(), which makes
 * every load and save wait in its worker until cancelled; the notices show
 * at once (progress-delay 0).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kk-document.h"
#include "kk-plan-file.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

typedef struct
{
  char *dir;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("keikaku-document-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "令和6年度事業計画.json", NULL);
  fixture->file = g_file_new_for_path (path);
  g_assert_true (kk_plan_save_file (plan, fixture->file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  kk_application_set_progress_delay (app, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  GList *windows;

  kk_document_set_test_delay (0);
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  kk_test_run_until_idle ();
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->file);
}

static gboolean
dialog_shown (gpointer heading)
{
  return kk_test_find_dialog (heading) != NULL;
}

static gboolean
saving_bar_shown (gpointer window)
{
  GtkWidget *bar = kk_test_find_named (window, "saving-bar");

  return bar != NULL && gtk_info_bar_get_revealed (GTK_INFO_BAR (bar));
}

static KkWindow *
open_window_on_embedded_plan (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_window_new (app, plan, NULL);

  gtk_window_present (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  return window;
}

/* Opening a plan that takes long shows what is read, over a window that
 * goes on working; Cancel gives it up and leaves that window and its plan
 * as they were, with no other window and no error. */
static void
test_open_cancel (Fixture       *fixture,
                  gconstpointer  data)
{
  KkWindow *window = open_window_on_embedded_plan ();
  KkPlan *plan = kk_window_get_plan (window);
  g_autoptr(GBytes) before = kk_plan_to_bytes (plan);
  g_autoptr(GBytes) after = NULL;
  AdwMessageDialog *dialog;

  kk_document_set_test_delay (60 * 1000);
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  kk_test_wait_until (dialog_shown, "Opening the Plan");
  dialog = kk_test_find_dialog ("Opening the Plan");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "令和6年度事業計画.json"));
  g_assert_true (kk_application_get_opening (app));

  /* The window is not frozen: the clerk edits while the plan is read. */
  kk_test_rename_first_program (plan, "読み込み中の入力");
  kk_history_undo (kk_plan_get_history (plan));

  kk_test_respond (dialog, "cancel");
  kk_test_wait_opened (app);
  g_assert_null (kk_test_find_dialog (NULL));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) == GTK_WINDOW (window));
  after = kk_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (kk_plan_get_dirty (plan));
}

/* Without the delay the same file opens in a window of its own, and the
 * notice goes. */
static void
test_open_slow (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *window;

  kk_document_set_test_delay (200);
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  kk_test_wait_until (dialog_shown, "Opening the Plan");
  kk_test_wait_opened (app);
  g_assert_null (kk_test_find_dialog ("Opening the Plan"));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (KK_IS_WINDOW (window));
  g_assert_true (g_file_equal (kk_window_get_file (KK_WINDOW (window)), fixture->file));
}

/* A save that takes long says so; the clerk goes on editing, and the
 * change made during the save is not marked saved: the file holds the
 * plan as it was when the save began. */
static void
test_save_slow (Fixture       *fixture,
                gconstpointer  data)
{
  KkWindow *window;
  KkPlan *plan;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) written = NULL;

  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  kk_test_wait_opened (app);
  window = KK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  plan = kk_window_get_plan (window);
  kk_test_rename_first_program (plan, "保存した事業名");
  saved = kk_plan_to_bytes (plan);

  kk_document_set_test_delay (300);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (kk_document_get_busy (kk_window_get_document (window)));
  kk_test_wait_until (saving_bar_shown, window);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  kk_test_rename_first_program (plan, "保存中に入力した事業名");

  kk_test_wait_saved (window);
  g_assert_false (saving_bar_shown (window));
  g_assert_null (kk_test_find_dialog (NULL));
  written = g_file_load_bytes (fixture->file, NULL, NULL, NULL);
  g_assert_true (g_bytes_equal (written, saved));
  g_assert_true (kk_plan_get_dirty (plan));
  /* Undoing the change made meanwhile does not pretend the file holds it. */
  kk_history_undo (kk_plan_get_history (plan));
  g_assert_true (kk_plan_get_dirty (plan));

  kk_document_set_test_delay (0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  kk_test_wait_saved (window);
  g_assert_false (kk_plan_get_dirty (plan));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  app = kk_test_application_new ();

  g_test_add ("/document/open/cancel", Fixture, NULL,
              fixture_set_up, test_open_cancel, fixture_tear_down);
  g_test_add ("/document/open/slow", Fixture, NULL,
              fixture_set_up, test_open_slow, fixture_tear_down);
  g_test_add ("/document/save/slow", Fixture, NULL,
              fixture_set_up, test_save_slow, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
