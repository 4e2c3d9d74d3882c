/* test-safe-save.c: saving never loses the clerk's work or another's: a
 * full disk, a file saved by someone else meanwhile, a file of a newer
 * format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>

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
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("keikaku-save-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "令和6年度事業計画.json", NULL);
  fixture->file = g_file_new_for_path (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

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
file_chooser_shown (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

/* The bar that says Save goes to Save As. */
static gboolean
read_only_bar_shown (KkWindow *window)
{
  GtkWidget *bar = kk_test_find_named (GTK_WIDGET (window), "read-only-bar");

  return bar != NULL && gtk_info_bar_get_revealed (GTK_INFO_BAR (bar));
}

static GBytes *
read_file (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* Opens @file as a clerk does: through the application. */
static KkWindow *
open_through_application (GFile *file)
{
  GtkWindow *window;

  g_application_open (G_APPLICATION (app), &file, 1, "");
  kk_test_wait_opened (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (KK_IS_WINDOW (window));
  g_assert_true (g_file_equal (kk_window_get_file (KK_WINDOW (window)), file));
  return KK_WINDOW (window);
}

static void
destroy_every_window (void)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);
  kk_test_run_until_idle ();
}

/* Another clerk saves the plan, renamed, a minute later by the clock. */
static void
save_as_another_clerk (GFile      *file,
                       const char *name)
{
  g_autoptr(KkPlan) theirs = kk_plan_load_file (file, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_now_utc ();

  kk_test_rename_first_program (theirs, name);
  g_assert_true (kk_plan_save_file (theirs, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_date_time_to_unix (later) + 60,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));
  g_assert_no_error (error);
}

static KkWindow *
open_saved_embedded_plan (Fixture *fixture)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (kk_plan_save_file (plan, fixture->file, NULL, NULL, NULL, &error));
  return open_through_application (fixture->file);
}

/* Saving over a file someone saved meanwhile asks, and overwrites theirs
 * only when told to. */
static void
test_conflict_overwrite (Fixture       *fixture,
                         gconstpointer  data)
{
  KkWindow *window = open_saved_embedded_plan (fixture);
  KkPlan *plan = kk_window_get_plan (window);
  g_autoptr(GBytes) theirs = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) ours = NULL;
  AdwMessageDialog *dialog;

  g_assert_false (read_only_bar_shown (window));
  save_as_another_clerk (fixture->file, "他の職員が保存した事業名");
  theirs = read_file (fixture->file);
  kk_test_rename_first_program (plan, "ここで入力した事業名");

  kk_test_save (window);
  dialog = kk_test_find_dialog ("The Plan Changed on Disk");
  g_assert_nonnull (dialog);
  after = read_file (fixture->file);
  g_assert_true (g_bytes_equal (after, theirs));
  g_assert_true (kk_plan_get_dirty (plan));

  kk_test_respond (dialog, "overwrite");
  kk_test_wait_saved (window);
  g_assert_false (kk_plan_get_dirty (plan));
  g_clear_pointer (&after, g_bytes_unref);
  after = read_file (fixture->file);
  ours = kk_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (after, ours));

  /* Saved now by this window: the next save does not ask. */
  kk_test_rename_first_program (plan, "もう一度入力した事業名");
  kk_test_save (window);
  g_assert_null (kk_test_find_dialog ("The Plan Changed on Disk"));
  g_assert_false (kk_plan_get_dirty (plan));
  destroy_every_window ();
}

/* Reloading gives their plan in a window, and this one goes. */
static void
test_conflict_reload (Fixture       *fixture,
                      gconstpointer  data)
{
  KkWindow *window = open_saved_embedded_plan (fixture);
  AdwMessageDialog *dialog;
  GList *windows;
  g_autoptr(KkProgram) program = NULL;

  save_as_another_clerk (fixture->file, "他の職員が保存した事業名");
  kk_test_rename_first_program (kk_window_get_plan (window), "捨てられる入力");
  kk_test_save (window);
  dialog = kk_test_find_dialog ("The Plan Changed on Disk");
  g_assert_nonnull (dialog);
  /* The window goes before the new one comes: a new one may take its
   * memory, so the weak pointer says it went. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&window);
  kk_test_respond (dialog, "reload");
  kk_test_run_until_idle ();
  kk_test_wait_opened (app);

  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_null (window);
  program = g_list_model_get_item (kk_plan_get_programs (kk_window_get_plan (windows->data)), 0);
  g_assert_cmpstr (kk_program_get_name (program), ==, "他の職員が保存した事業名");
  destroy_every_window ();
}

/* The disk fills in the middle of the write, as a file size limit makes
 * it: the old file is whole, nothing else is left, the plan is unsaved. */
static void
test_disk_full (Fixture       *fixture,
                gconstpointer  data)
{
  KkWindow *window = open_saved_embedded_plan (fixture);
  KkPlan *plan = kk_window_get_plan (window);
  g_autoptr(GBytes) before = read_file (fixture->file);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GDir) dir = NULL;
  struct rlimit limit;
  struct rlimit full;
  g_autofree char *plan_name = g_file_get_basename (fixture->file);
  g_autofree char *lock_name = g_strconcat (".~lock.", plan_name, "#", NULL);
  const char *name;
  guint n_files = 0;

  kk_test_rename_first_program (plan, "書けなかった事業名");
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  /* Half the plan: GTK's list of recent files, which it writes while the
   * save goes on, still fits. */
  full.rlim_cur = g_bytes_get_size (before) / 2;
  full.rlim_max = limit.rlim_max;
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &full), ==, 0);
  kk_test_save (window);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  g_assert_nonnull (kk_test_find_dialog ("Could Not Save the Plan"));
  g_assert_true (kk_plan_get_dirty (plan));
  after = read_file (fixture->file);
  g_assert_true (g_bytes_equal (after, before));
  /* The plan and the lock that says it is open here: nothing else. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_true (g_str_equal (name, plan_name) || g_str_equal (name, lock_name));
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, 2);
  destroy_every_window ();
}

/* A plan written by a newer Keikaku opens, read-only, and says why; Save
 * does not write over it. */
static void
test_newer_version_read_only (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) bytes = kk_plan_to_bytes (plan);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_autofree char *version = g_strdup_printf ("\"version\": \"%d.%d\"", KK_PLAN_VERSION_MAJOR,
                                              KK_PLAN_VERSION_MINOR);
  g_autofree char *newer_version = g_strdup_printf ("\"version\": \"%d.0\"",
                                                    KK_PLAN_VERSION_MAJOR + 1);
  g_autoptr(GString) newer = g_string_new (text);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *path = g_file_get_path (fixture->file);
  KkWindow *window;
  AdwMessageDialog *dialog;

  g_assert_cmpuint (g_string_replace (newer, version, newer_version, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, newer->str, newer->len, NULL));
  before = read_file (fixture->file);

  window = open_through_application (fixture->file);
  dialog = kk_test_find_dialog ("Opened Read-Only");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "newer"));
  kk_test_respond (dialog, "close");
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_programs (kk_window_get_plan (window))),
                    ==, g_list_model_get_n_items (kk_plan_get_programs (plan)));

  g_assert_true (read_only_bar_shown (window));
  kk_test_rename_first_program (kk_window_get_plan (window), "新しい版の計画への入力");
  kk_test_save (window);
  g_assert_true (file_chooser_shown ());
  after = read_file (fixture->file);
  g_assert_true (g_bytes_equal (after, before));
  destroy_every_window ();
}

static char *
dup_lock_path (Fixture *fixture)
{
  g_autofree char *name = g_file_get_basename (fixture->file);
  g_autofree char *lock_name = g_strconcat (".~lock.", name, "#", NULL);

  return g_build_filename (fixture->dir, lock_name, NULL);
}

/* Open here: the lock says so to other clerks, until the window goes. */
static void
test_lock_while_open (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *lock_path = dup_lock_path (fixture);
  g_autofree char *contents = NULL;

  open_saved_embedded_plan (fixture);
  g_assert_true (g_file_get_contents (lock_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, g_get_host_name ()));
  destroy_every_window ();
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
}

/* Another clerk has it open: who and where, then read-only on request;
 * their lock and their file stay as they are. */
static void
test_locked_elsewhere (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *lock_path = dup_lock_path (fixture);
  const char *lock = "[Lock]\nUser=山田 花子\nHost=kikaku-pc-07\nProcess=4242\n"
                     "Time=2024-04-01T09:30:00+09:00\n";
  g_autofree char *lock_after = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;

  g_assert_true (kk_plan_save_file (plan, fixture->file, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_set_contents (lock_path, lock, -1, NULL));
  before = read_file (fixture->file);
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  kk_test_run_until_idle ();
  dialog = kk_test_find_dialog ("The Plan Is Open Elsewhere");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "山田 花子"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "kikaku-pc-07"));
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  kk_test_respond (dialog, "read-only");
  kk_test_wait_opened (app);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (KK_IS_WINDOW (window));
  g_assert_true (read_only_bar_shown (KK_WINDOW (window)));
  /* Save then goes to Save As, as for a newer file (/safe-save/newer-version);
   * the file chooser is left out here, since GTK 4.8's loses what it lists of
   * a folder when it is closed while listing. */
  g_assert_true (kk_document_get_read_only (kk_window_get_document (KK_WINDOW (window))));
  kk_test_rename_first_program (kk_window_get_plan (KK_WINDOW (window)), "閲覧中の入力");
  after = read_file (fixture->file);
  g_assert_true (g_bytes_equal (after, before));
  destroy_every_window ();
  g_assert_true (g_file_get_contents (lock_path, &lock_after, NULL, NULL));
  g_assert_cmpstr (lock_after, ==, lock);
}

/* A lock written on another computer, by a clerk whose machine stopped. */
static const char *foreign_lock = "[Lock]\nUser=山田 花子\nHost=kikaku-pc-07\nProcess=4242\n"
                                  "Time=2024-04-01T09:30:00+09:00\n";

static void
write_lock (Fixture    *fixture,
            const char *contents)
{
  g_autofree char *lock_path = dup_lock_path (fixture);
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  g_assert_true (kk_plan_save_file (plan, fixture->file, NULL, NULL, NULL, NULL));
  g_assert_true (g_file_set_contents (lock_path, contents, -1, NULL));
}

/* Opening anyway asks once more, then takes the lock over: the plan opens
 * writable, and the lock file names this computer. */
static void
take_over (Fixture    *fixture,
           const char *expected_body)
{
  g_autofree char *lock_path = dup_lock_path (fixture);
  g_autofree char *lock_after = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;

  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  kk_test_run_until_idle ();
  dialog = kk_test_find_dialog ("The Plan Is Open Elsewhere");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected_body));
  kk_test_respond (dialog, "open-anyway");
  kk_test_run_until_idle ();
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  dialog = kk_test_find_dialog ("Open Anyway?");
  g_assert_nonnull (dialog);
  /* Enter keeps the colleague's lock. */
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  kk_test_respond (dialog, "take-over");
  kk_test_wait_opened (app);

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (KK_IS_WINDOW (window));
  g_assert_false (read_only_bar_shown (KK_WINDOW (window)));
  g_assert_true (g_file_get_contents (lock_path, &lock_after, NULL, NULL));
  g_assert_nonnull (strstr (lock_after, g_get_host_name ()));
  kk_test_rename_first_program (kk_window_get_plan (KK_WINDOW (window)), "引き継いだ後の入力");
  kk_test_save (KK_WINDOW (window));
  g_assert_false (kk_plan_get_dirty (kk_window_get_plan (KK_WINDOW (window))));
  destroy_every_window ();
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
}

static void
test_take_over_foreign_lock (Fixture       *fixture,
                             gconstpointer  data)
{
  write_lock (fixture, foreign_lock);
  take_over (fixture, "kikaku-pc-07");
}

/* A lock file that is not one says so, and may be taken over too. */
static void
test_take_over_unreadable_lock (Fixture       *fixture,
                                gconstpointer  data)
{
  write_lock (fixture, "\x01\x02 not a lock");
  take_over (fixture, "cannot be read");
}

/* Cancelling the confirmation opens nothing and leaves their lock. */
static void
test_take_over_cancelled (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *lock_path = dup_lock_path (fixture);
  g_autofree char *lock_after = NULL;

  write_lock (fixture, foreign_lock);
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  kk_test_run_until_idle ();
  kk_test_respond (kk_test_find_dialog ("The Plan Is Open Elsewhere"), "open-anyway");
  kk_test_run_until_idle ();
  kk_test_respond (kk_test_find_dialog ("Open Anyway?"), "cancel");
  kk_test_wait_opened (app);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_assert_true (g_file_get_contents (lock_path, &lock_after, NULL, NULL));
  g_assert_cmpstr (lock_after, ==, foreign_lock);
}

/* Save As onto a plan another clerk has open names them and asks; the
 * safe answer leaves their file as it was. */
static void
test_save_as_onto_locked (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_window_new (app, plan, NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) ours = NULL;
  AdwMessageDialog *dialog;

  write_lock (fixture, foreign_lock);
  before = read_file (fixture->file);
  kk_test_rename_first_program (plan, "別名で保存する事業名");
  kk_window_save_to (window, fixture->file);
  kk_test_run_until_idle ();
  dialog = kk_test_find_dialog ("Replace the Plan?");
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "山田 花子"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "kikaku-pc-07"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  kk_test_respond (dialog, "cancel");
  kk_test_wait_saved (window);
  after = read_file (fixture->file);
  g_assert_true (g_bytes_equal (after, before));
  g_assert_true (kk_plan_get_dirty (plan));
  g_assert_null (kk_window_get_file (window));

  kk_window_save_to (window, fixture->file);
  kk_test_run_until_idle ();
  kk_test_respond (kk_test_find_dialog ("Replace the Plan?"), "replace");
  kk_test_wait_saved (window);
  g_clear_pointer (&after, g_bytes_unref);
  after = read_file (fixture->file);
  ours = kk_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (after, ours));
  g_assert_false (kk_plan_get_dirty (plan));
  destroy_every_window ();
}

/* Save As onto the plan open here read-only (a newer format) asks too. */
static void
test_save_as_onto_read_only_self (Fixture       *fixture,
                                  gconstpointer  data)
{
  KkWindow *window;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  write_lock (fixture, foreign_lock);
  before = read_file (fixture->file);
  g_application_open (G_APPLICATION (app), &fixture->file, 1, "");
  kk_test_run_until_idle ();
  kk_test_respond (kk_test_find_dialog ("The Plan Is Open Elsewhere"), "read-only");
  kk_test_wait_opened (app);
  window = KK_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (read_only_bar_shown (window));
  kk_test_rename_first_program (kk_window_get_plan (window), "閲覧中の入力");

  kk_window_save_to (window, fixture->file);
  kk_test_run_until_idle ();
  g_assert_nonnull (kk_test_find_dialog ("Replace the Plan?"));
  kk_test_respond (kk_test_find_dialog ("Replace the Plan?"), "cancel");
  kk_test_wait_saved (window);
  after = read_file (fixture->file);
  g_assert_true (g_bytes_equal (after, before));
  g_assert_true (read_only_bar_shown (window));
  destroy_every_window ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  app = kk_test_application_new ();

  g_test_add ("/safe-save/conflict/overwrite", Fixture, NULL,
              fixture_set_up, test_conflict_overwrite, fixture_tear_down);
  g_test_add ("/safe-save/conflict/reload", Fixture, NULL,
              fixture_set_up, test_conflict_reload, fixture_tear_down);
  g_test_add ("/safe-save/disk-full", Fixture, NULL,
              fixture_set_up, test_disk_full, fixture_tear_down);
  g_test_add ("/safe-save/lock/while-open", Fixture, NULL,
              fixture_set_up, test_lock_while_open, fixture_tear_down);
  g_test_add ("/safe-save/lock/elsewhere", Fixture, NULL,
              fixture_set_up, test_locked_elsewhere, fixture_tear_down);
  g_test_add ("/safe-save/lock/take-over/foreign-host", Fixture, NULL,
              fixture_set_up, test_take_over_foreign_lock, fixture_tear_down);
  g_test_add ("/safe-save/lock/take-over/unreadable", Fixture, NULL,
              fixture_set_up, test_take_over_unreadable_lock, fixture_tear_down);
  g_test_add ("/safe-save/lock/take-over/cancelled", Fixture, NULL,
              fixture_set_up, test_take_over_cancelled, fixture_tear_down);
  g_test_add ("/safe-save/save-as/locked", Fixture, NULL,
              fixture_set_up, test_save_as_onto_locked, fixture_tear_down);
  g_test_add ("/safe-save/save-as/read-only-self", Fixture, NULL,
              fixture_set_up, test_save_as_onto_read_only_self, fixture_tear_down);
  g_test_add ("/safe-save/newer-version", Fixture, NULL,
              fixture_set_up, test_newer_version_read_only, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
