/* test-recovery.c: unsaved changes written aside and brought back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "kk-plan-file.h"
#include "kk-recovery.h"
#include "kk-test-files.h"

typedef struct
{
  char *path;
  GFile *folder;
  KkPlan *plan;
  KkProgram *program;
  KkRecovery *recovery;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *base = g_dir_make_tmp ("keikaku-recovery-XXXXXX", NULL);

  /* The folder does not exist until a first write makes it. */
  fixture->path = g_build_filename (base, "state", "recovery", NULL);
  fixture->folder = g_file_new_for_path (fixture->path);
  fixture->plan = kk_plan_load_default ();
  fixture->program = g_list_model_get_item (kk_plan_get_programs (fixture->plan), 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *state = g_path_get_dirname (fixture->path);
  g_autofree char *base = g_path_get_dirname (state);

  g_clear_object (&fixture->recovery);
  g_clear_object (&fixture->program);
  g_clear_object (&fixture->plan);
  g_clear_object (&fixture->folder);
  kk_test_remove_tree (base);
  g_free (fixture->path);
}

/* Writes without the delay that spares the disk at each key typed. */
static KkRecovery *
new_recovery (Fixture *fixture,
              KkPlan  *plan)
{
  KkRecovery *recovery = kk_recovery_new (fixture->folder, plan);

  kk_recovery_set_delay (recovery, 1);
  return recovery;
}

static void
wait_for_writes (KkRecovery *recovery)
{
  while (kk_recovery_get_pending (recovery))
    g_main_context_iteration (NULL, TRUE);
}

static void
rename_program (Fixture    *fixture,
                const char *name)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, name);
  g_assert_true (kk_plan_edit_value (fixture->plan, fixture->program, "name", &value));
}

static guint
count_entries (Fixture *fixture)
{
  g_autoptr(GListModel) entries = kk_recovery_list_entries (fixture->folder);

  return g_list_model_get_n_items (entries);
}

static KkRecoveryEntry *
dup_only_entry (Fixture *fixture)
{
  g_autoptr(GListModel) entries = kk_recovery_list_entries (fixture->folder);

  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  return g_list_model_get_item (entries, 0);
}

/* A change is written aside within the delay, with the plan's file and the
 * time of the change, and comes back unsaved. */
static void
test_change_written_and_restored (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/srv/plans/令和6年度.json");
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(KkRecoveryEntry) entry = NULL;
  g_autoptr(KkPlan) restored = NULL;
  g_autoptr(KkProgram) program = NULL;
  g_autoptr(GError) error = NULL;

  fixture->recovery = new_recovery (fixture, fixture->plan);
  kk_recovery_set_file (fixture->recovery, file, "1711929600:123456");
  g_assert_false (kk_recovery_get_pending (fixture->recovery));
  g_assert_cmpuint (count_entries (fixture), ==, 0);

  rename_program (fixture, "復元される事業名");
  g_assert_true (kk_recovery_get_pending (fixture->recovery));
  wait_for_writes (fixture->recovery);

  entry = dup_only_entry (fixture);
  g_assert_true (g_file_equal (kk_recovery_entry_get_file (entry), file));
  g_assert_cmpstr (kk_recovery_entry_get_etag (entry), ==, "1711929600:123456");
  g_assert_cmpint (g_date_time_compare (kk_recovery_entry_get_changed (entry), before), >=, 0);
  restored = kk_recovery_entry_load (entry, &error);
  g_assert_no_error (error);
  program = g_list_model_get_item (kk_plan_get_programs (restored), 0);
  g_assert_cmpstr (kk_program_get_name (program), ==, "復元される事業名");
  g_assert_true (kk_plan_get_dirty (restored));
}

static char *
dup_only_entry_name (Fixture *fixture)
{
  g_autoptr(KkRecoveryEntry) entry = dup_only_entry (fixture);
  g_autoptr(KkPlan) restored = kk_recovery_entry_load (entry, NULL);
  g_autoptr(KkProgram) program = g_list_model_get_item (kk_plan_get_programs (restored), 0);

  return g_strdup (kk_program_get_name (program));
}

/* A process told to end writes its changes aside at once, without the
 * delay; a write a worker finishes later never puts older changes back. */
static void
test_written_now (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  fixture->recovery = kk_recovery_new (fixture->folder, fixture->plan);
  g_assert_true (kk_recovery_write_now (fixture->recovery, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_entries (fixture), ==, 0);

  rename_program (fixture, "すぐ書く変更");
  g_assert_true (kk_recovery_write_now (fixture->recovery, &error));
  g_assert_no_error (error);
  g_assert_false (kk_recovery_get_pending (fixture->recovery));
  name = dup_only_entry_name (fixture);
  g_assert_cmpstr (name, ==, "すぐ書く変更");
  g_clear_pointer (&name, g_free);

  /* A worker's write under way, then a newer change written at once. */
  kk_recovery_set_delay (fixture->recovery, 1);
  rename_program (fixture, "古い変更");
  /* The delay runs out: a worker writes the older change. */
  g_main_context_iteration (NULL, TRUE);
  rename_program (fixture, "新しい変更");
  g_assert_true (kk_recovery_write_now (fixture->recovery, &error));
  g_assert_no_error (error);
  wait_for_writes (fixture->recovery);
  name = dup_only_entry_name (fixture);
  g_assert_cmpstr (name, ==, "新しい変更");
}

/* Saving, or undoing back to what is on disk, leaves nothing to recover. */
static void
test_saved_removes (Fixture       *fixture,
                    gconstpointer  data)
{
  KkHistory *history = kk_plan_get_history (fixture->plan);

  fixture->recovery = new_recovery (fixture, fixture->plan);
  rename_program (fixture, "保存される事業名");
  wait_for_writes (fixture->recovery);
  g_assert_cmpuint (count_entries (fixture), ==, 1);
  kk_history_mark_saved (history);
  g_assert_cmpuint (count_entries (fixture), ==, 0);

  rename_program (fixture, "取り消される事業名");
  wait_for_writes (fixture->recovery);
  g_assert_cmpuint (count_entries (fixture), ==, 1);
  g_assert_true (kk_history_undo (history));
  g_assert_false (kk_plan_get_dirty (fixture->plan));
  g_assert_cmpuint (count_entries (fixture), ==, 0);
  g_assert_false (kk_recovery_get_pending (fixture->recovery));
}

/* Each later change is written again, over the earlier one. */
static void
test_later_change (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KkRecoveryEntry) entry = NULL;
  g_autoptr(KkPlan) restored = NULL;
  g_autoptr(KkProgram) program = NULL;

  fixture->recovery = new_recovery (fixture, fixture->plan);
  rename_program (fixture, "一回目");
  wait_for_writes (fixture->recovery);
  rename_program (fixture, "二回目");
  g_assert_true (kk_recovery_get_pending (fixture->recovery));
  wait_for_writes (fixture->recovery);
  entry = dup_only_entry (fixture);
  restored = kk_recovery_entry_load (entry, NULL);
  program = g_list_model_get_item (kk_plan_get_programs (restored), 0);
  g_assert_cmpstr (kk_program_get_name (program), ==, "二回目");
  g_assert_null (kk_recovery_entry_get_file (entry));
  g_assert_null (kk_recovery_entry_get_etag (entry));
}

static void
test_discard (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(KkRecoveryEntry) entry = NULL;

  fixture->recovery = new_recovery (fixture, fixture->plan);
  rename_program (fixture, "捨てられる事業名");
  wait_for_writes (fixture->recovery);
  kk_recovery_discard (fixture->recovery);
  g_assert_cmpuint (count_entries (fixture), ==, 0);
  rename_program (fixture, "もう書かれない事業名");
  g_assert_false (kk_recovery_get_pending (fixture->recovery));

  /* An entry found at start and discarded there is gone too. */
  g_clear_object (&fixture->recovery);
  fixture->recovery = new_recovery (fixture, fixture->plan);
  rename_program (fixture, "起動時に捨てられる事業名");
  wait_for_writes (fixture->recovery);
  entry = dup_only_entry (fixture);
  kk_recovery_entry_discard (entry);
  g_assert_cmpuint (count_entries (fixture), ==, 0);
}

static guint
count_programs (KkPlan *plan)
{
  return g_list_model_get_n_items (kk_plan_get_programs (plan));
}

/* The plan of the only entry has @n_programs programs. */
static void
assert_entry_programs (Fixture *fixture,
                       guint    n_programs)
{
  g_autoptr(KkRecoveryEntry) entry = dup_only_entry (fixture);
  g_autoptr(KkPlan) restored = NULL;
  g_autoptr(GError) error = NULL;

  restored = kk_recovery_entry_load (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_programs (restored), ==, n_programs);
}

/* Whoever watches each change sees the plan differ from its file from the
 * first change of a step on, not only once the step is whole. */
static void
changed_while_clean_cb (KkHistory  *history,
                        GObject    *object,
                        GParamSpec *pspec,
                        guint      *n_clean)
{
  if (!kk_history_get_dirty (history))
    (*n_clean)++;
}

/* A step of several changes (deleting a program with its sheet, adding a
 * copy) is written aside when it is the first change after opening or
 * after saving, as any other change is. */
static void
test_grouped_first_change (Fixture       *fixture,
                           gconstpointer  data)
{
  guint n_programs = count_programs (fixture->plan);
  guint n_clean = 0;

  g_signal_connect (kk_plan_get_history (fixture->plan), "changed",
                    G_CALLBACK (changed_while_clean_cb), &n_clean);
  fixture->recovery = new_recovery (fixture, fixture->plan);
  kk_plan_delete_program (fixture->plan, fixture->program);
  g_assert_cmpuint (n_clean, ==, 0);
  g_assert_true (kk_plan_get_dirty (fixture->plan));
  g_assert_true (kk_recovery_get_pending (fixture->recovery));
  wait_for_writes (fixture->recovery);
  assert_entry_programs (fixture, n_programs - 1);

  kk_history_mark_saved (kk_plan_get_history (fixture->plan));
  g_assert_cmpuint (count_entries (fixture), ==, 0);
  g_clear_object (&fixture->program);
  fixture->program = g_list_model_get_item (kk_plan_get_programs (fixture->plan), 0);
  g_assert_nonnull (kk_plan_duplicate_program (fixture->plan, fixture->program, "複製"));
  g_assert_cmpuint (n_clean, ==, 0);
  g_assert_true (kk_recovery_get_pending (fixture->recovery));
  wait_for_writes (fixture->recovery);
  assert_entry_programs (fixture, n_programs);
}

/* A plan marked unsaved after the recovery began watching it is written
 * aside, though no property of it changed. */
static void
test_marked_unsaved (Fixture       *fixture,
                     gconstpointer  data)
{
  fixture->recovery = new_recovery (fixture, fixture->plan);
  g_assert_false (kk_recovery_get_pending (fixture->recovery));
  kk_history_mark_unsaved (kk_plan_get_history (fixture->plan));
  g_assert_true (kk_recovery_get_pending (fixture->recovery));
  wait_for_writes (fixture->recovery);
  g_assert_cmpuint (count_entries (fixture), ==, 1);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A write that fails says why, once, until a write succeeds again. */
static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *state = g_path_get_dirname (fixture->path);
  guint notified = 0;

  /* A file where the folder should be: it cannot be made. */
  g_assert_true (g_file_set_contents (state, "", 0, NULL));
  fixture->recovery = new_recovery (fixture, fixture->plan);
  g_signal_connect (fixture->recovery, "notify::write-error", G_CALLBACK (count_notify_cb),
                    &notified);
  g_assert_null (kk_recovery_get_write_error (fixture->recovery));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "*unsaved changes aside*");
  rename_program (fixture, "書けない変更");
  wait_for_writes (fixture->recovery);
  g_test_assert_expected_messages ();
  g_assert_nonnull (kk_recovery_get_write_error (fixture->recovery));
  g_assert_nonnull (strstr (kk_recovery_get_write_error (fixture->recovery), state));
  g_assert_cmpuint (notified, ==, 1);

  rename_program (fixture, "まだ書けない変更");
  wait_for_writes (fixture->recovery);
  g_assert_cmpuint (notified, ==, 1);

  g_assert_cmpint (g_unlink (state), ==, 0);
  rename_program (fixture, "書ける変更");
  wait_for_writes (fixture->recovery);
  g_assert_null (kk_recovery_get_write_error (fixture->recovery));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpuint (count_entries (fixture), ==, 1);
}

/* A restored plan is written aside again at once: it is unsaved. */
static void
test_restored_watched (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KkRecoveryEntry) entry = NULL;
  g_autoptr(KkPlan) restored = NULL;
  g_autoptr(KkRecovery) recovery = NULL;

  fixture->recovery = new_recovery (fixture, fixture->plan);
  rename_program (fixture, "二度目の復元");
  wait_for_writes (fixture->recovery);
  entry = dup_only_entry (fixture);
  restored = kk_recovery_entry_load (entry, NULL);
  kk_recovery_entry_discard (entry);
  g_clear_object (&fixture->recovery);

  recovery = new_recovery (fixture, restored);
  g_assert_true (kk_recovery_get_pending (recovery));
  wait_for_writes (recovery);
  g_assert_cmpuint (count_entries (fixture), ==, 1);
}

/* @name in the recovery folder: the fixture's plan as it is now. */
static void
write_plan (Fixture    *fixture,
            const char *name)
{
  g_autofree char *path = g_build_filename (fixture->path, name, NULL);
  g_autoptr(GBytes) bytes = kk_plan_to_bytes (fixture->plan);

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
}

static KkRecoveryEntry *
find_entry (GListModel *entries,
            const char *plan_name)
{
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(KkRecoveryEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(KkPlan) plan = NULL;

      /* The plans written by write_plan() differ by their title. */
      plan = kk_recovery_entry_load (entry, NULL);
      if (plan != NULL && g_strcmp0 (kk_plan_get_title (plan), plan_name) == 0)
        return g_steal_pointer (&entry);
    }
  return NULL;
}

/* What a crash in the middle of a write can leave: a plan without its key
 * file, a key file that is not one. The plan is offered all the same, of
 * an unknown file, changed when it was written. */
static void
test_damaged_info (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *bad_info = g_build_filename (fixture->path, "b.info", NULL);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(KkRecoveryEntry) lone = NULL;
  g_autoptr(KkRecoveryEntry) damaged = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_local ();

  g_assert_cmpint (g_mkdir_with_parents (fixture->path, 0700), ==, 0);
  kk_plan_set_title (fixture->plan, "a");
  write_plan (fixture, "a.keikaku");
  kk_plan_set_title (fixture->plan, "b");
  write_plan (fixture, "b.keikaku");
  g_assert_true (g_file_set_contents (bad_info, "[Recovery]\nChanged=yesterday\n", -1, NULL));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "*unknown file*");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "*unknown file*");
  entries = kk_recovery_list_entries (fixture->folder);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  lone = find_entry (entries, "a");
  damaged = find_entry (entries, "b");
  g_assert_nonnull (lone);
  g_assert_nonnull (damaged);
  g_assert_null (kk_recovery_entry_get_file (damaged));
  g_assert_null (kk_recovery_entry_get_etag (damaged));
  /* Written within this test: its time is the plan file's. */
  g_assert_cmpint (g_date_time_difference (kk_recovery_entry_get_changed (damaged), before),
                   >, -2 * G_USEC_PER_SEC);
  kk_recovery_entry_discard (damaged);
  g_assert_false (g_file_test (bad_info, G_FILE_TEST_EXISTS));
}

/* A plan that does not load says why at once, so that the clerk can be
 * offered to discard it; the entry can be discarded. Named pipes in the
 * folder neither make the start nor the restore wait for a writer. */
static void
test_unloadable_plans (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *broken = g_build_filename (fixture->path, "c.keikaku", NULL);
  g_autofree char *pipe_info = g_build_filename (fixture->path, "d.info", NULL);
  g_autofree char *pipe_plan = g_build_filename (fixture->path, "d.keikaku", NULL);
  g_autofree char *folder = g_build_filename (fixture->path, "e.keikaku", NULL);
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->path, 0700), ==, 0);
  g_assert_true (g_file_set_contents (broken, "{\"format\": ", -1, NULL));
  g_assert_cmpint (mkfifo (pipe_info, 0600), ==, 0);
  g_assert_cmpint (mkfifo (pipe_plan, 0600), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (guint i = 0; i < 3; i++)
    g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "*unknown file*");
  entries = kk_recovery_list_entries (fixture->folder);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(KkRecoveryEntry) entry = g_list_model_get_item (entries, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(KkPlan) plan = kk_recovery_entry_load (entry, &error);

      g_assert_null (plan);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      kk_recovery_entry_discard (entry);
    }
  dir = g_dir_open (fixture->path, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

/* A session killed in the middle of a write aside left its temporary
 * file, as large as the plan: the next start removes it, unless it may be
 * a write of another session under way. */
static void
test_killed_write_leftovers (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *fresh = g_build_filename (fixture->path, "c.keikaku.Ij56Kl", NULL);
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpint (g_mkdir_with_parents (fixture->path, 0700), ==, 0);
  kk_test_write_file (fixture->path, "a.keikaku.Ab12Cd", "{", TRUE);
  kk_test_write_file (fixture->path, "b.info.Ef34Gh", "[", TRUE);
  kk_test_write_file (fixture->path, "c.keikaku.Ij56Kl", "{", FALSE);
  g_assert_cmpuint (count_entries (fixture), ==, 0);
  dir = g_dir_open (fixture->path, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "c.keikaku.Ij56Kl");
  g_assert_null (g_dir_read_name (dir));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/recovery/change-written-and-restored", Fixture, NULL,
              fixture_set_up, test_change_written_and_restored, fixture_tear_down);
  g_test_add ("/recovery/saved-removes", Fixture, NULL,
              fixture_set_up, test_saved_removes, fixture_tear_down);
  g_test_add ("/recovery/later-change", Fixture, NULL,
              fixture_set_up, test_later_change, fixture_tear_down);
  g_test_add ("/recovery/discard", Fixture, NULL,
              fixture_set_up, test_discard, fixture_tear_down);
  g_test_add ("/recovery/grouped-first-change", Fixture, NULL,
              fixture_set_up, test_grouped_first_change, fixture_tear_down);
  g_test_add ("/recovery/marked-unsaved", Fixture, NULL,
              fixture_set_up, test_marked_unsaved, fixture_tear_down);
  g_test_add ("/recovery/write-error", Fixture, NULL,
              fixture_set_up, test_write_error, fixture_tear_down);
  g_test_add ("/recovery/restored-watched", Fixture, NULL,
              fixture_set_up, test_restored_watched, fixture_tear_down);
  g_test_add ("/recovery/damaged-info", Fixture, NULL,
              fixture_set_up, test_damaged_info, fixture_tear_down);
  g_test_add ("/recovery/unloadable-plans", Fixture, NULL,
              fixture_set_up, test_unloadable_plans, fixture_tear_down);
  g_test_add ("/recovery/written-now", Fixture, NULL,
              fixture_set_up, test_written_now, fixture_tear_down);
  g_test_add ("/recovery/killed-write-leftovers", Fixture, NULL,
              fixture_set_up, test_killed_write_leftovers, fixture_tear_down);

  return g_test_run ();
}
