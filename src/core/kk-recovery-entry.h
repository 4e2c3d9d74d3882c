/* kk-recovery-entry.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_RECOVERY_ENTRY (kk_recovery_entry_get_type ())

G_DECLARE_FINAL_TYPE (KkRecoveryEntry, kk_recovery_entry, KK, RECOVERY_ENTRY, GObject)

KkRecoveryEntry *kk_recovery_entry_new         (GFile            *plan_file,
                                                GFile            *info_file);
GFile           *kk_recovery_entry_get_file    (KkRecoveryEntry  *self);
const char      *kk_recovery_entry_get_etag    (KkRecoveryEntry  *self);
GDateTime       *kk_recovery_entry_get_changed (KkRecoveryEntry  *self);
char            *kk_recovery_entry_dup_title   (KkRecoveryEntry  *self);
KkPlan          *kk_recovery_entry_load        (KkRecoveryEntry  *self,
                                                GError          **error);
void             kk_recovery_entry_discard     (KkRecoveryEntry  *self);

G_END_DECLS
