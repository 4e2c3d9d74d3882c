/* kk-recovery.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-plan.h"
#include "kk-recovery-entry.h"

G_BEGIN_DECLS

/* How long after a change its plan is written aside, at the most. */
#define KK_RECOVERY_DELAY_MS 2000

#define KK_TYPE_RECOVERY (kk_recovery_get_type ())

G_DECLARE_FINAL_TYPE (KkRecovery, kk_recovery, KK, RECOVERY, GObject)

GFile      *kk_recovery_dup_default_folder (void);
KkRecovery *kk_recovery_new                (GFile       *folder,
                                            KkPlan      *plan);
void        kk_recovery_set_file           (KkRecovery  *self,
                                            GFile       *file,
                                            const char  *etag);
void        kk_recovery_set_delay          (KkRecovery  *self,
                                            guint        delay_ms);
void        kk_recovery_set_default_delay  (guint        delay_ms);
gboolean    kk_recovery_write_now          (KkRecovery  *self,
                                            GError     **error);
gboolean    kk_recovery_get_pending        (KkRecovery  *self);
const char *kk_recovery_get_write_error    (KkRecovery  *self);
void        kk_recovery_discard            (KkRecovery  *self);
GListModel *kk_recovery_list_entries       (GFile       *folder);

G_END_DECLS
