/* kk-test-files.c: files and folders the tests make and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <utime.h>

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
