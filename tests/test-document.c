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
#include "kk-recovery.h"
#include "kk-test-files.h"
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
  GList *windows;

  kk_document_set_test_delay (0);
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  kk_test_run_until_idle ();
  kk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->file);
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
  dialog = kk_test_wait_for_dialog ("Opening the Plan");
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
  kk_test_wait_for_dialog ("Opening the Plan");
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

static gboolean
recovery_bar_shown (gpointer window)
{
  GtkWidget *bar = kk_test_find_named (window, "recovery-bar");

  return bar != NULL && gtk_info_bar_get_revealed (GTK_INFO_BAR (bar));
}

/* The warning is drawn, and says why. */
static gboolean
recovery_warning_mapped (gpointer window)
{
  return kk_test_find_label (window, "Your changes cannot be kept safe until you save them: ") !=
         NULL;
}

static gboolean
recovery_bar_hidden (gpointer window)
{
  return !recovery_bar_shown (window);
}

/* The recovery folder cannot be made (a file stands where it should be;
 * root could write into a folder without permission): the window says
 * so until a write succeeds again. */
static void
test_recovery_error_shown (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) folder = kk_recovery_dup_default_folder ();
  g_autofree char *blocker = g_file_get_path (folder);
  g_autofree char *parent = g_path_get_dirname (blocker);
  KkWindow *window = open_window_on_embedded_plan ();
  KkPlan *plan = kk_window_get_plan (window);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  /* What the tests before left aside goes. */
  kk_test_remove_tree (blocker);
  g_file_set_contents (blocker, "", 0, &error);
  g_assert_no_error (error);
  g_assert_false (recovery_bar_shown (window));
  kk_test_rename_first_program (plan, "控えられない入力");
  kk_test_wait_until (recovery_bar_shown, window);
  g_assert_nonnull (kk_document_get_recovery_error (kk_window_get_document (window)));
  kk_test_wait_until (recovery_warning_mapped, window);

  g_assert_cmpint (g_unlink (blocker), ==, 0);
  kk_test_rename_first_program (plan, "控えられる入力");
  kk_test_wait_until (recovery_bar_hidden, window);
  g_assert_null (kk_document_get_recovery_error (kk_window_get_document (window)));
}

static void
write_entry (GFile      *folder,
             const char *id,
             const char *plan,
             gsize       plan_len,
             const char *info)
{
  g_autofree char *folder_path = g_file_get_path (folder);
  g_autofree char *plan_path = g_strdup_printf ("%s/%s.keikaku", folder_path, id);
  g_autofree char *info_path = g_strdup_printf ("%s/%s.info", folder_path, id);

  g_assert_cmpint (g_mkdir_with_parents (folder_path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (plan_path, plan, plan_len, NULL));
  g_assert_true (g_file_set_contents (info_path, info, -1, NULL));
}

/* At the start: changes whose description is damaged are still offered
 * and restored from their plan; changes whose plan does not load are
 * offered for deletion, with the reason, and deleted on request. The
 * application offers them once: this test runs first. */
static void
test_recovery_entries_at_start (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) folder = kk_recovery_dup_default_folder ();
  g_autoptr(KkPlan) expected = kk_plan_load_default ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) restored_bytes = NULL;
  g_autoptr(GListModel) left = NULL;
  AdwMessageDialog *dialog;
  gboolean offered_deletion = FALSE;
  guint n_restored = 0;
  GtkWindow *window;

  kk_test_rename_first_program (expected, "説明の壊れた変更");
  bytes = kk_plan_to_bytes (expected);
  write_entry (folder, "damaged-info", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
               "\x01 not a key file");
  write_entry (folder, "damaged-plan", "{ \"format\": ", 13,
               "[Recovery]\nFile=\nChanged=2024-04-01T09:30:00+09:00\n");

  g_application_activate (G_APPLICATION (app));
  kk_test_wait_opened (app);
  while ((dialog = kk_test_find_dialog (NULL)) != NULL)
    {
      const char *heading = adw_message_dialog_get_heading (dialog);

      if (g_str_equal (heading, "Could Not Restore the Changes"))
        {
          const char *body = adw_message_dialog_get_body (dialog);

          /* The reason first, then the question. */
          g_assert_false (g_str_has_prefix (body, "Delete them?"));
          g_assert_nonnull (strstr (body, "\n\nDelete them?"));
          g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "keep");
          kk_test_respond (dialog, "delete");
          offered_deletion = TRUE;
        }
      else
        {
          g_assert_cmpstr (heading, ==, "Restore Unsaved Changes?");
          kk_test_respond (dialog, "restore");
          n_restored++;
        }
      kk_test_run_until_idle ();
    }
  g_assert_true (offered_deletion);
  g_assert_cmpuint (n_restored, ==, 2);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (KK_IS_WINDOW (window));
  restored_bytes = kk_plan_to_bytes (kk_window_get_plan (KK_WINDOW (window)));
  g_assert_true (g_bytes_equal (restored_bytes, bytes));
  /* The restored one is written aside anew under another name; the
   * deleted one is gone. */
  left = kk_recovery_list_entries (folder);
  for (guint i = 0; i < g_list_model_get_n_items (left); i++)
    {
      g_autoptr(KkRecoveryEntry) entry = g_list_model_get_item (left, i);
      g_autoptr(KkPlan) plan = kk_recovery_entry_load (entry, NULL);

      g_assert_nonnull (plan);
    }
  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  kk_test_run_until_idle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *state_dir = g_dir_make_tmp ("keikaku-state-XXXXXX", NULL);
  int status;

  /* GLib 2.74 isolates no state folder, where the changes go aside. */
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  app = kk_test_application_new ();

  g_test_add ("/document/recovery/entries-at-start", Fixture, NULL,
              fixture_set_up, test_recovery_entries_at_start, fixture_tear_down);
  g_test_add ("/document/open/cancel", Fixture, NULL,
              fixture_set_up, test_open_cancel, fixture_tear_down);
  g_test_add ("/document/open/slow", Fixture, NULL,
              fixture_set_up, test_open_slow, fixture_tear_down);
  g_test_add ("/document/save/slow", Fixture, NULL,
              fixture_set_up, test_save_slow, fixture_tear_down);
  g_test_add ("/document/recovery/error-shown", Fixture, NULL,
              fixture_set_up, test_recovery_error_shown, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  kk_test_remove_tree (state_dir);
  return status;
}
