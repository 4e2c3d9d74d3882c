/* test-recovery-window.c: the app killed in the middle of editing, and
 * started again: every change comes back
 *
 * The test runs itself a second time as the clerk's session: it opens the
 * window on the embedded plan, edits it and goes on running until the test
 * kills it with SIGKILL, as a crash or a power cut would end it, once the
 * changes are written aside. Or the session edits a plan file and the test
 * tells it to end with SIGTERM, as logging out or `kill` does, at once
 * after the change: the change must be written aside on the way out, and
 * the file's lock must go. The test then starts the application as a
 * clerk does and restores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>

#include "kk-plan-file.h"
#include "kk-recovery.h"
#include "kk-test-files.h"
#include "kk-test-ui.h"
#include "kk-window.h"

#define EDITED_NAME "クラッシュ前に入力した事業名"
#define EDITED_BUDGET 123456
#define COPY_NAME "クラッシュ前に複製した事業"

static char *state_dir;
static char *program;
/* The plan file the terminated session edits. */
static char *plan_path;

typedef struct
{
  const char *session;
  void (*make_edits) (KkPlan *plan);
  /* How the session ends: SIGKILL once its changes are written aside,
   * or SIGTERM at once, while they are still waiting for the delay. */
  int end;
} Session;

static void
edit (KkPlan     *plan,
      gpointer    object,
      const char *property,
      GValue     *value)
{
  g_assert_true (kk_plan_edit_value (plan, object, property, value));
  g_value_unset (value);
}

/* The edits of the session: a name typed, a budget typed, a program
 * deleted. */
static void
make_edits (KkPlan *plan)
{
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(KkProgram) first = g_list_model_get_item (programs, 0);
  g_autoptr(KkProgram) second = g_list_model_get_item (programs, 1);
  g_autoptr(KkProgram) last = g_list_model_get_item (programs, g_list_model_get_n_items (programs) - 1);
  GValue value = G_VALUE_INIT;

  g_value_set_string (g_value_init (&value, G_TYPE_STRING), EDITED_NAME);
  edit (plan, first, "name", &value);
  g_value_set_int64 (g_value_init (&value, G_TYPE_INT64), EDITED_BUDGET);
  edit (plan, second, "budget", &value);
  kk_plan_delete_program (plan, last);
}

/* A step of several changes as the only change: a program duplicated with
 * its sheet. */
static void
duplicate_program (KkPlan *plan)
{
  g_autoptr(KkProgram) first = g_list_model_get_item (kk_plan_get_programs (plan), 0);

  g_assert_nonnull (kk_plan_duplicate_program (plan, first, COPY_NAME));
}

static const Session sessions[] = {
  { "edits", make_edits, SIGKILL },
  { "grouped", duplicate_program, SIGKILL },
  { "terminated", make_edits, SIGTERM },
};

static const Session *
find_session (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sessions); i++)
    if (g_str_equal (sessions[i].session, name))
      return &sessions[i];
  g_assert_not_reached ();
}

/* The clerk's session: runs until the test kills it. One told to end runs
 * the application as keikaku does, on a file, and ends when it is told. */
static int
run_session (const Session *session,
             const char    *path)
{
  g_autoptr(KkApplication) app = kk_test_application_new ();
  g_autoptr(GFile) file = path ? g_file_new_for_path (path) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = file ? kk_plan_load_file (file, NULL, &error)
                                  : kk_plan_load_default ();
  KkWindow *window;

  g_assert_no_error (error);
  window = kk_window_new (app, plan, file);
  gtk_window_present (GTK_WINDOW (window));
  session->make_edits (kk_window_get_plan (window));
  g_print ("edited\n");
  if (session->end == SIGTERM)
    return g_application_run (G_APPLICATION (app), 0, NULL);
  for (;;)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_for_line (int         fd,
               const char *expected)
{
  g_autoptr(GIOChannel) channel = g_io_channel_unix_new (fd);
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  g_io_channel_read_line (channel, &line, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, expected);
}

/* An entry whose key file is written too: the last write aside is whole. */
static gboolean
entry_written (gpointer unused)
{
  g_autofree char *folder = g_build_filename (state_dir, "keikaku", "recovery", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".info"))
      return TRUE;
  return FALSE;
}

static gboolean
lock_file_exists (void)
{
  g_autofree char *folder = g_path_get_dirname (plan_path);
  g_autofree char *name = g_path_get_basename (plan_path);
  g_autofree char *lock_name = g_strconcat (".~lock.", name, "#", NULL);
  g_autofree char *lock_path = g_build_filename (folder, lock_name, NULL);

  return g_file_test (lock_path, G_FILE_TEST_EXISTS);
}

static void
end_session_after_editing (const Session *session)
{
  const char *argv[] = { program, "--session", session->session, plan_path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int out;
  int status;

  g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  wait_for_line (out, "edited\n");
  if (session->end == SIGKILL)
    kk_test_wait_until (entry_written, NULL);
  else
    {
      g_assert_false (entry_written (NULL));
      g_assert_true (lock_file_exists ());
    }
  g_assert_cmpint (kill (pid, session->end), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (session->end == SIGKILL)
    g_assert_true (WIFSIGNALED (status));
  else
    {
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_false (lock_file_exists ());
    }
  g_spawn_close_pid (pid);
  close (out);
}

/* The embedded plan as a file of the clerk's. */
static char *
write_plan_file (const char *folder)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) bytes = kk_plan_to_bytes (plan);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (folder, "plan.keikaku", NULL);

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return path;
}

static guint
count_entries (void)
{
  g_autoptr(GFile) folder = kk_recovery_dup_default_folder ();
  g_autoptr(GListModel) entries = kk_recovery_list_entries (folder);

  return g_list_model_get_n_items (entries);
}

static gboolean
no_entry_left (gpointer unused)
{
  return count_entries () == 0;
}

/* The clerk starting the application again. Each test's has an id of its
 * own: the application of an earlier test may still be registered on the
 * bus, whose object path would clash. */
static KkApplication *
restart_application (const Session *session)
{
  g_autofree char *id = g_strconcat ("io.github.keikaku.Keikaku.Test.", session->session, NULL);
  g_autoptr(GError) error = NULL;
  KkApplication *app = g_object_new (KK_TYPE_APPLICATION,
                                     "application-id", id,
                                     "flags", G_APPLICATION_NON_UNIQUE,
                                     NULL);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

static void
test_end_then_restore (gconstpointer data)
{
  const Session *session = data;
  g_autoptr(KkApplication) app = NULL;
  g_autoptr(KkPlan) expected = kk_plan_load_default ();
  g_autoptr(GBytes) expected_bytes = NULL;
  g_autoptr(GBytes) restored_bytes = NULL;
  AdwMessageDialog *dialog;
  GtkWindow *window;
  KkPlan *restored;

  end_session_after_editing (session);
  g_assert_cmpuint (count_entries (), ==, 1);

  app = restart_application (session);
  g_application_activate (G_APPLICATION (app));
  dialog = kk_test_wait_for_dialog ("Restore Unsaved Changes?");
  kk_test_respond (dialog, "restore");
  /* The start's window gives way once idle. */
  kk_test_run_until_idle ();

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (KK_IS_WINDOW (window));
  restored = kk_window_get_plan (KK_WINDOW (window));
  g_assert_true (kk_plan_get_dirty (restored));
  /* Every change, and nothing else: the same plan as the same edits give. */
  session->make_edits (expected);
  expected_bytes = kk_plan_to_bytes (expected);
  restored_bytes = kk_plan_to_bytes (restored);
  g_assert_true (g_bytes_equal (expected_bytes, restored_bytes));
  /* The start's own window gave way to the restored one. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* Discarding the restored changes, written aside anew, leaves nothing
   * to offer again; a write aside still under way removes what it wrote
   * once it is done. */
  kk_test_wait_until (entry_written, NULL);
  g_assert_cmpuint (count_entries (), ==, 1);
  gtk_window_close (window);
  dialog = kk_test_wait_for_dialog (NULL);
  kk_test_respond (dialog, "discard");
  kk_test_wait_until (no_entry_left, NULL);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  program = g_canonicalize_filename (argv[0], NULL);
  if (argc == 4 && g_str_equal (argv[1], "--session"))
    {
      const Session *session = find_session (argv[2]);

      gtk_init ();
      adw_init ();
      /* Only the way out may write the terminated session's change aside;
       * a killed session's changes are written aside at once, for the test
       * to wait for the write, not for the delay. */
      kk_recovery_set_default_delay (session->end == SIGTERM ? G_MAXUINT : 0);
      return run_session (session, session->end == SIGTERM ? argv[3] : NULL);
    }

  /* The session and the restart share a state folder of their own. */
  state_dir = g_dir_make_tmp ("keikaku-state-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  plan_path = write_plan_file (state_dir);
  /* The restored plan is written aside anew at once. */
  kk_recovery_set_default_delay (0);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_data_func ("/recovery/sigkill-then-restore", &sessions[0], test_end_then_restore);
  /* The first change after opening, a step of several changes. */
  g_test_add_data_func ("/recovery/sigkill-then-restore/grouped", &sessions[1],
                        test_end_then_restore);
  g_test_add_data_func ("/recovery/sigterm-then-restore", &sessions[2], test_end_then_restore);

  status = g_test_run ();
  kk_test_remove_tree (state_dir);
  g_free (state_dir);
  g_free (plan_path);
  g_free (program);
  return status;
}
