/* kk-check-panel.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-finding.h"
#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_CHECK_PANEL (kk_check_panel_get_type ())

G_DECLARE_FINAL_TYPE (KkCheckPanel, kk_check_panel, KK, CHECK_PANEL, AdwBin)

GtkWidget  *kk_check_panel_new          (void);
KkPlan     *kk_check_panel_get_plan     (KkCheckPanel *self);
void        kk_check_panel_set_plan     (KkCheckPanel *self,
                                         KkPlan       *plan);
GListModel *kk_check_panel_get_findings (KkCheckPanel *self);
guint       kk_check_panel_get_delay    (KkCheckPanel *self);
void        kk_check_panel_set_delay    (KkCheckPanel *self,
                                         guint         delay);
void        kk_check_panel_focus_list   (KkCheckPanel *self);

G_END_DECLS
