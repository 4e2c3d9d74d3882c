/* kk-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-application.h"
#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_WINDOW (kk_window_get_type ())

G_DECLARE_FINAL_TYPE (KkWindow, kk_window, KK, WINDOW, AdwApplicationWindow)

KkWindow *kk_window_new      (KkApplication *application,
                              KkPlan        *plan,
                              GFile         *file);
KkPlan   *kk_window_get_plan (KkWindow      *self);
GFile    *kk_window_get_file (KkWindow      *self);

G_END_DECLS
