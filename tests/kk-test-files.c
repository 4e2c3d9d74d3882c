/* kk-test-files.c: folders the tests make and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "kk-test-files.h"

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
