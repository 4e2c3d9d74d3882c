/* kk-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-lock.h"

G_BEGIN_DECLS

#define KK_TYPE_APPLICATION (kk_application_get_type ())

G_DECLARE_FINAL_TYPE (KkApplication, kk_application, KK, APPLICATION, AdwApplication)

KkApplication *kk_application_new              (void);
void           kk_application_remember_file   (KkApplication *self,
                                               GFile         *file);
GMenuModel    *kk_application_get_recent_menu (KkApplication *self);
guint          kk_application_get_progress_delay (KkApplication *self);
void           kk_application_set_progress_delay (KkApplication *self,
                                                  guint          delay_ms);
gboolean       kk_application_get_opening        (KkApplication *self);
char          *kk_application_describe_lock      (KkLock        *lock,
                                                  GFile         *file);

G_END_DECLS
