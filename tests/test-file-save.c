/* test-file-save.c: saving keeps a file on a shared drive what it was:
 * its owner, group and mode, its links, and nothing left beside it
 *
 * What a clerk may do to a colleague's file depends on who the clerk is:
 * those tests save in a child process that runs as nobody, over files the
 * test (run as root, as CI does) gave to another user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kk-core-private.h"
#include "kk-test-files.h"

#define OLD_TEXT "{\"format\": \"keikaku-plan\", \"old\": true}\n"
#define NEW_TEXT "{\"format\": \"keikaku-plan\", \"new\": true, \"longer\": \"than the old\"}\n"

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("keikaku-file-save-XXXXXX", NULL);
  /* Another user (nobody) reaches the shared folder inside. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "令和6年度.json", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
  g_assert_true (g_file_set_contents (fixture->path, OLD_TEXT, -1, NULL));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_clear_object (&fixture->file);
}

static gboolean
save (GFile   *file,
      gboolean make_backup,
      GError **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (NEW_TEXT, strlen (NEW_TEXT));

  return kk_file_replace_bytes (file, bytes, NULL, make_backup, NULL, NULL, error);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
assert_nothing_else (Fixture             *fixture,
                     const char * const  *expected)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_strv_contains (expected, name))
      g_error ("“%s” was left beside the plan", name);
}

typedef struct
{
  GFile *file;
  gboolean make_backup;
} SaveArgs;

static gboolean
save_args (gpointer   data,
           GError   **error)
{
  SaveArgs *args = data;

  return save (args->file, args->make_backup, error);
}

/* Saves @file as the user nobody, in a child process: NULL when it was
 * saved, or why not. */
static char *
save_as_nobody (GFile    *file,
                gboolean  make_backup)
{
  SaveArgs args = { file, make_backup };

  return kk_test_run_as_nobody (save_args, &args);
}

/* 計画.json in the shared folder of a group nobody is in (its own), of
 * @uid, @gid and @mode. */
static char *
make_shared_file (Fixture *fixture,
                  uid_t    uid,
                  gid_t    gid,
                  mode_t   mode)
{
  g_autofree char *shared = g_build_filename (fixture->dir, "共有", NULL);
  char *path = g_build_filename (shared, "計画.json", NULL);

  g_assert_cmpint (g_mkdir (shared, 02775), ==, 0);
  g_assert_cmpint (chown (shared, 0, kk_test_get_nobody ()->pw_gid), ==, 0);
  g_assert_cmpint (g_chmod (shared, 02775), ==, 0);
  g_assert_true (g_file_set_contents (path, OLD_TEXT, -1, NULL));
  g_assert_cmpint (chown (path, uid, gid), ==, 0);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
  return path;
}

static gboolean
skip_unless_root (void)
{
  if (geteuid () == 0)
    return FALSE;
  g_test_skip ("Giving files to another user needs root, as on CI");
  return TRUE;
}

/* A colleague's file that the group may write: after nobody saved it, it
 * is still the colleague's, of the group, with its mode, so that the
 * colleague can still write it; the earlier text is in name~. */
static void
test_owner_group_mode_kept (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) file = NULL;
  gid_t group = kk_test_get_nobody ()->pw_gid;
  struct stat st;

  if (skip_unless_root ())
    return;
  /* Owned by root here, as by a colleague: nobody cannot give it away. */
  path = make_shared_file (fixture, 0, group, 0664);
  backup = g_strconcat (path, "~", NULL);
  file = g_file_new_for_path (path);

  message = save_as_nobody (file, FALSE);
  g_assert_cmpstr (message, ==, NULL);
  assert_contents (path, NEW_TEXT);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_uid, ==, 0);
  g_assert_cmpuint (st.st_gid, ==, group);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0664);
  /* Written in place, so after a backup checked first. */
  assert_contents (backup, OLD_TEXT);
}

/* nobody's own file of mode 0640 is written aside and keeps that mode,
 * not the 0644 of a new file. */
static void
test_own_mode_kept (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) file = NULL;
  struct passwd *nobody = kk_test_get_nobody ();
  struct stat before;
  struct stat after;

  if (skip_unless_root ())
    return;
  path = make_shared_file (fixture, nobody->pw_uid, nobody->pw_gid, 0640);
  file = g_file_new_for_path (path);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  message = save_as_nobody (file, TRUE);
  g_assert_cmpstr (message, ==, NULL);
  assert_contents (path, NEW_TEXT);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, !=, before.st_ino);
  g_assert_cmpuint (after.st_uid, ==, nobody->pw_uid);
  g_assert_cmpuint (after.st_gid, ==, nobody->pw_gid);
  g_assert_cmpuint (after.st_mode & 07777, ==, 0640);
}

/* A colleague's file nobody may only read: saving fails, says why, and
 * leaves the file and the folder as they were. */
static void
test_read_only_refused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *shared = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GDir) dir = NULL;

  if (skip_unless_root ())
    return;
  path = make_shared_file (fixture, 0, 0, 0644);
  shared = g_path_get_dirname (path);
  file = g_file_new_for_path (path);

  message = save_as_nobody (file, TRUE);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "計画.json"));
  g_assert_nonnull (strstr (message, g_strerror (EACCES)));
  assert_contents (path, OLD_TEXT);
  dir = g_dir_open (shared, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "計画.json");
  g_assert_null (g_dir_read_name (dir));
}

/* Saved through a symbolic link, the file it leads to gets the text, and
 * the link stays a link. */
static void
test_symlink_kept (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, "近道.json", NULL);
  g_autoptr(GFile) link = g_file_new_for_path (link_path);
  g_autoptr(GError) error = NULL;
  const char * const expected[] = { "令和6年度.json", "令和6年度.json~", "近道.json", NULL };

  g_assert_cmpint (symlink ("令和6年度.json", link_path), ==, 0);
  g_assert_true (save (link, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
  assert_contents (fixture->path, NEW_TEXT);
  assert_nothing_else (fixture, expected);
}

/* A file with two names keeps them both, with the new text under each. */
static void
test_hard_link_kept (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "別名.json", NULL);
  g_autofree char *backup = g_strconcat (fixture->path, "~", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;
  struct stat other_st;

  g_assert_cmpint (link (fixture->path, other), ==, 0);
  g_assert_true (save (fixture->file, FALSE, &error));
  g_assert_no_error (error);
  assert_contents (other, NEW_TEXT);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (g_stat (other, &other_st), ==, 0);
  g_assert_cmpuint (st.st_ino, ==, other_st.st_ino);
  g_assert_cmpuint (st.st_nlink, ==, 2);
  assert_contents (backup, OLD_TEXT);
}

/* What saves that were killed left is removed by the next save; a
 * temporary file still written to, one that is no regular file, and a
 * clerk's own file of a like name stay. */
static void
test_stale_temps_removed (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *link_path = g_build_filename (fixture->dir, ".~keikaku.令和6年度.json.link01",
                                                 NULL);
  g_autoptr(GError) error = NULL;
  const char * const expected[] = {
    "令和6年度.json", "令和6年度.json~", ".~keikaku.令和6年度.json.fresh1",
    ".~keikaku.令和6年度.json.link01", "令和6年度.json.backup", "令和6年度.json~.kept",
    NULL
  };

  kk_test_write_file (fixture->dir, ".~keikaku.令和6年度.json.a1B2c3", OLD_TEXT, TRUE);
  kk_test_write_file (fixture->dir, ".~keikaku.令和6年度.json~.d4E5f6", OLD_TEXT, TRUE);
  kk_test_write_file (fixture->dir, "令和6年度.json~.G7h8I9", OLD_TEXT, TRUE);
  kk_test_write_file (fixture->dir, ".~keikaku.令和6年度.json.fresh1", OLD_TEXT, FALSE);
  kk_test_write_file (fixture->dir, "令和6年度.json.backup", OLD_TEXT, TRUE);
  kk_test_write_file (fixture->dir, "令和6年度.json~.kept", OLD_TEXT, TRUE);
  g_assert_cmpint (symlink ("令和6年度.json.backup", link_path), ==, 0);

  g_assert_true (save (fixture->file, TRUE, &error));
  g_assert_no_error (error);
  assert_nothing_else (fixture, expected);
  g_assert_true (g_file_test (link_path, G_FILE_TEST_IS_SYMLINK));
}

/* A named pipe where the file was is refused at once, not waited on. */
static void
test_not_regular (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (fixture->path), ==, 0);
  g_assert_cmpint (mkfifo (fixture->path, 0600), ==, 0);
  g_assert_false (save (fixture->file, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

/* A new file gets the mode the umask leaves, as any new file does. */
static void
test_new_file_mode (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "新規.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  mode_t old_umask = umask (027);
  struct stat st;

  g_assert_true (save (file, TRUE, &error));
  umask (old_umask);
  g_assert_no_error (error);
  assert_contents (path, NEW_TEXT);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 07777, ==, 0640);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/file-save/owner-group-mode-kept", Fixture, NULL,
              fixture_set_up, test_owner_group_mode_kept, fixture_tear_down);
  g_test_add ("/file-save/own-mode-kept", Fixture, NULL,
              fixture_set_up, test_own_mode_kept, fixture_tear_down);
  g_test_add ("/file-save/read-only-refused", Fixture, NULL,
              fixture_set_up, test_read_only_refused, fixture_tear_down);
  g_test_add ("/file-save/symlink-kept", Fixture, NULL,
              fixture_set_up, test_symlink_kept, fixture_tear_down);
  g_test_add ("/file-save/hard-link-kept", Fixture, NULL,
              fixture_set_up, test_hard_link_kept, fixture_tear_down);
  g_test_add ("/file-save/stale-temps-removed", Fixture, NULL,
              fixture_set_up, test_stale_temps_removed, fixture_tear_down);
  g_test_add ("/file-save/not-regular", Fixture, NULL,
              fixture_set_up, test_not_regular, fixture_tear_down);
  g_test_add ("/file-save/new-file-mode", Fixture, NULL,
              fixture_set_up, test_new_file_mode, fixture_tear_down);

  return g_test_run ();
}
