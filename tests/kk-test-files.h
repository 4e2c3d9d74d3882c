/* kk-test-files.h: files and folders the tests make and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void kk_test_write_file  (const char *dir,
                          const char *name,
                          const char *contents,
                          gboolean    stale);
void kk_test_remove_tree (const char *path);

G_END_DECLS
