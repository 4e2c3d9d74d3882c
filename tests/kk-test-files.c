/* kk-test-files.c: files and folders the tests make and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include "kk-plan-file.h"
#include "kk-test-files.h"

/* Writes @contents to @name in @dir; with @stale, as last changed two
 * minutes ago, as what a killed write left. */
void
kk_test_write_file (const char *dir,
                    const char *name,
                    const char *contents,
                    gboolean    stale)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  if (!stale)
    return;
  times.actime = times.modtime = time (NULL) - 120;
  g_assert_cmpint (utime (path, &times), ==, 0);
}

/* Removes @path and, when it is a folder, all it holds. */
void
kk_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      kk_test_remove_tree (child);
    }
  g_remove (path);
}

struct passwd *
kk_test_get_nobody (void)
{
  struct passwd *nobody = getpwnam ("nobody");

  g_assert_nonnull (nobody);
  return nobody;
}

/* Runs @func as the user nobody, in a child process, as a clerk who may
 * not do all that root may: NULL when it succeeded, or its error message.
 * The child says how it went through the pipe, not by its exit status,
 * which valgrind replaces when it finds a leak in the child's copy of the
 * test's memory. */
char *
kk_test_run_as_nobody (KkTestWriteFunc func,
                       gpointer        data)
{
  struct passwd *nobody = kk_test_get_nobody ();
  char message[1024] = "";
  gssize n = 0;
  int fds[2];
  pid_t pid;
  int status;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *verdict = NULL;

      close (fds[0]);
      if (setgroups (0, NULL) != 0 || setgid (nobody->pw_gid) != 0 ||
          setuid (nobody->pw_uid) != 0)
        _exit (2);
      verdict = func (data, &error) ? g_strdup ("+") : g_strconcat ("-", error->message, NULL);
      _exit (write (fds[1], verdict, strlen (verdict)) < 0 ? 2 : 0);
    }
  close (fds[1]);
  for (gssize got; n < (gssize)sizeof message - 1; n += got)
    {
      got = read (fds[0], message + n, sizeof message - 1 - n);
      if (got <= 0)
        break;
    }
  close (fds[0]);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  /* Nothing said: the child could not become nobody. */
  g_assert_cmpint (n, >, 0);
  message[n] = '\0';
  if (message[0] == '+')
    return NULL;
  return g_strdup (message + 1);
}

/* The plan tests/data/@name, which must load. */
KkPlan *
kk_test_load_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KkPlan *plan = kk_plan_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}
