/* kk-kpi-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_KPI_EDITOR (kk_kpi_editor_get_type ())

G_DECLARE_FINAL_TYPE (KkKpiEditor, kk_kpi_editor, KK, KPI_EDITOR, AdwBin)

GtkWidget *kk_kpi_editor_new       (void);
KkPlan    *kk_kpi_editor_get_plan  (KkKpiEditor *self);
void       kk_kpi_editor_set_plan  (KkKpiEditor *self,
                                    KkPlan      *plan);
KkSheet   *kk_kpi_editor_get_sheet (KkKpiEditor *self);
void       kk_kpi_editor_set_sheet (KkKpiEditor *self,
                                    KkSheet     *sheet);
void       kk_kpi_editor_commit    (KkKpiEditor *self);
gboolean   kk_kpi_editor_focus_field (KkKpiEditor *self,
                                      GObject     *subject,
                                      const char  *field);

G_END_DECLS
