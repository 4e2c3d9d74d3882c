/* kk-test-files.h: files and folders the tests make and remove
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pwd.h>

#include "kk-plan.h"

G_BEGIN_DECLS

void kk_test_write_file  (const char *dir,
                          const char *name,
                          const char *contents,
                          gboolean    stale);
void kk_test_remove_tree (const char *path);
KkPlan *kk_test_load_plan (const char *name);

/* Writes something as the user nobody; %FALSE with @error set when it
 * could not. */
typedef gboolean (*KkTestWriteFunc) (gpointer   data,
                                     GError   **error);

struct passwd *kk_test_get_nobody    (void);
char          *kk_test_run_as_nobody (KkTestWriteFunc func,
                                      gpointer        data);

G_END_DECLS
