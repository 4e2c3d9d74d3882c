/* test-lock.c: who has a plan file open
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kk-lock.h"

typedef struct
{
  char *dir;
  GFile *file;
  char *lock_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("keikaku-lock-XXXXXX", NULL);
  path = g_build_filename (fixture->dir, "計画.json", NULL);
  fixture->file = g_file_new_for_path (path);
  fixture->lock_path = g_build_filename (fixture->dir, ".~lock.計画.json#", NULL);
  g_assert_true (g_file_set_contents (path, "{}", -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      if (g_unlink (path) != 0)
        g_rmdir (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->lock_path);
  g_clear_object (&fixture->file);
}

static void
write_lock (Fixture    *fixture,
            const char *host,
            gint64      pid)
{
  g_autofree char *contents = g_strdup_printf ("[Lock]\nUser=山田 花子\nHost=%s\nProcess=%"
                                               G_GINT64_FORMAT "\nTime=2024-04-01T09:30:00+09:00\n",
                                               host, pid);

  g_assert_true (g_file_set_contents (fixture->lock_path, contents, -1, NULL));
}

/* A pid that was a process of this host and is gone. */
static gint64
dead_pid (void)
{
  pid_t pid = fork ();

  if (pid == 0)
    _exit (0);
  g_assert_cmpint (waitpid (pid, NULL, 0), ==, pid);
  return pid;
}

/* Opening takes the lock; nobody else sees it as another's from this
 * process; closing leaves no lock file. */
static void
test_taken_and_released (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(KkLock) lock = kk_lock_new (fixture->file);
  g_autofree char *contents = NULL;

  g_assert_true (kk_lock_is_held (lock));
  g_assert_true (g_file_get_contents (fixture->lock_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, g_get_host_name ()));
  g_assert_null (kk_lock_find_other (fixture->file));
  g_clear_object (&lock);
  g_assert_false (g_file_test (fixture->lock_path, G_FILE_TEST_EXISTS));
}

/* A clerk on another machine has it: who, where and since when. */
static void
test_held_elsewhere (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KkLock) other = NULL;
  g_autoptr(KkLock) lock = NULL;
  g_autoptr(GDateTime) since = g_date_time_new_from_iso8601 ("2024-04-01T09:30:00+09:00", NULL);

  write_lock (fixture, "kikaku-pc-07", 4242);
  other = kk_lock_find_other (fixture->file);
  g_assert_nonnull (other);
  g_assert_cmpstr (kk_lock_get_user (other), ==, "山田 花子");
  g_assert_cmpstr (kk_lock_get_host (other), ==, "kikaku-pc-07");
  g_assert_true (g_date_time_equal (kk_lock_get_time (other), since));

  /* Opening it anyway, read-only, leaves their lock alone. */
  lock = kk_lock_new (fixture->file);
  g_assert_false (kk_lock_is_held (lock));
  g_clear_object (&lock);
  g_assert_true (g_file_test (fixture->lock_path, G_FILE_TEST_EXISTS));
}

/* A lock left by a process of this host that crashed is taken over. */
static void
test_stale_taken_over (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(KkLock) lock = NULL;

  write_lock (fixture, g_get_host_name (), dead_pid ());
  g_assert_null (kk_lock_find_other (fixture->file));
  lock = kk_lock_new (fixture->file);
  g_assert_true (kk_lock_is_held (lock));
}

/* A live process of this host holds it as another clerk would. */
static void
test_live_process_of_this_host (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(KkLock) other = NULL;

  write_lock (fixture, g_get_host_name (), getppid ());
  other = kk_lock_find_other (fixture->file);
  g_assert_nonnull (other);
}

/* A clerk's machine crashed with the plan open: after confirming, this
 * clerk takes the lock over, and the lock file is theirs now. */
static void
test_take_over_foreign (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(KkLock) lock = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  write_lock (fixture, "kikaku-pc-07", 4242);
  lock = kk_lock_new (fixture->file);
  g_assert_false (kk_lock_is_held (lock));
  g_assert_true (kk_lock_take_over (lock, &error));
  g_assert_no_error (error);
  g_assert_true (kk_lock_is_held (lock));
  g_assert_null (kk_lock_find_other (fixture->file));
  g_assert_true (g_file_get_contents (fixture->lock_path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, g_get_host_name ()));
  g_assert_null (strstr (contents, "kikaku-pc-07"));
  g_clear_object (&lock);
  g_assert_false (g_file_test (fixture->lock_path, G_FILE_TEST_EXISTS));
}

/* The lock of @fixture cannot be read: it counts as someone else's, says
 * why, and can be taken over. */
static void
assert_unreadable_taken_over (Fixture    *fixture,
                              const char *reason)
{
  g_autoptr(KkLock) other = kk_lock_find_other (fixture->file);
  g_autoptr(KkLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (other);
  g_assert_null (kk_lock_get_user (other));
  g_assert_nonnull (kk_lock_get_time (other));
  g_assert_nonnull (kk_lock_get_read_error (other));
  g_assert_nonnull (strstr (kk_lock_get_read_error (other), reason));
  lock = kk_lock_new (fixture->file);
  g_assert_false (kk_lock_is_held (lock));
  g_assert_true (kk_lock_take_over (lock, &error));
  g_assert_no_error (error);
  g_assert_null (kk_lock_find_other (fixture->file));
  g_clear_object (&lock);
  g_assert_false (g_file_test (fixture->lock_path, G_FILE_TEST_EXISTS));
}

/* Neither a lock file of some other program nor a named pipe, which no one
 * writes to, is read as a lock or waited for. */
static void
test_unreadable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->lock_path, "\x01\x02 not a key file", -1, NULL));
  assert_unreadable_taken_over (fixture, "key-value");

  g_assert_true (g_file_set_contents (fixture->lock_path, "[Other]\nKey=1\n", -1, NULL));
  assert_unreadable_taken_over (fixture, "not a lock file");

  g_assert_cmpint (mkfifo (fixture->lock_path, 0600), ==, 0);
  assert_unreadable_taken_over (fixture, "not a regular file");
}

/* A folder in the lock's place cannot be replaced: taking over says so. */
static void
test_take_over_fails (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(KkLock) other = NULL;
  g_autoptr(KkLock) lock = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (fixture->lock_path, 0700), ==, 0);
  other = kk_lock_find_other (fixture->file);
  g_assert_nonnull (other);
  g_assert_nonnull (kk_lock_get_read_error (other));
  lock = kk_lock_new (fixture->file);
  g_assert_false (kk_lock_take_over (lock, &error));
  g_assert_nonnull (error);
  g_assert_false (kk_lock_is_held (lock));
}

/* Opened through a symbolic link, the plan is locked beside the file the
 * link leads to, where a clerk opening that file looks. */
static void
test_beside_link_target (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "近道.json", NULL);
  g_autofree char *link_lock = g_build_filename (fixture->dir, ".~lock.近道.json#", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(KkLock) lock = NULL;
  g_autoptr(KkLock) other = NULL;

  g_assert_cmpint (symlink ("計画.json", link_path), ==, 0);
  lock = kk_lock_new (link);
  g_assert_true (kk_lock_is_held (lock));
  g_assert_true (g_file_test (fixture->lock_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (link_lock, G_FILE_TEST_EXISTS));
  g_clear_object (&lock);
  write_lock (fixture, "kikaku-pc-07", 4242);
  other = kk_lock_find_other (link);
  g_assert_nonnull (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lock/taken-and-released", Fixture, NULL,
              fixture_set_up, test_taken_and_released, fixture_tear_down);
  g_test_add ("/lock/held-elsewhere", Fixture, NULL,
              fixture_set_up, test_held_elsewhere, fixture_tear_down);
  g_test_add ("/lock/stale-taken-over", Fixture, NULL,
              fixture_set_up, test_stale_taken_over, fixture_tear_down);
  g_test_add ("/lock/live-process-of-this-host", Fixture, NULL,
              fixture_set_up, test_live_process_of_this_host, fixture_tear_down);

  g_test_add ("/lock/take-over-foreign", Fixture, NULL,
              fixture_set_up, test_take_over_foreign, fixture_tear_down);
  g_test_add ("/lock/unreadable", Fixture, NULL,
              fixture_set_up, test_unreadable, fixture_tear_down);
  g_test_add ("/lock/take-over-fails", Fixture, NULL,
              fixture_set_up, test_take_over_fails, fixture_tear_down);
  g_test_add ("/lock/beside-link-target", Fixture, NULL,
              fixture_set_up, test_beside_link_target, fixture_tear_down);

  return g_test_run ();
}
