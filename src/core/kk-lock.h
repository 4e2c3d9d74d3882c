/* kk-lock.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KK_TYPE_LOCK (kk_lock_get_type ())

G_DECLARE_FINAL_TYPE (KkLock, kk_lock, KK, LOCK, GObject)

KkLock     *kk_lock_new            (GFile      *file);
gboolean    kk_lock_is_held        (KkLock     *self);
gboolean    kk_lock_take_over      (KkLock     *self,
                                    GError    **error);
KkLock     *kk_lock_find_other     (GFile      *file);
const char *kk_lock_get_user       (KkLock     *self);
const char *kk_lock_get_host       (KkLock     *self);
GDateTime  *kk_lock_get_time       (KkLock     *self);
const char *kk_lock_get_read_error (KkLock     *self);

G_END_DECLS
