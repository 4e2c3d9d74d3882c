/* kk-kpi-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_KPI_ROW (kk_kpi_row_get_type ())

G_DECLARE_FINAL_TYPE (KkKpiRow, kk_kpi_row, KK, KPI_ROW, AdwExpanderRow)

GtkWidget *kk_kpi_row_new          (KkPlan   *plan,
                                    KkKpi    *kpi);
KkKpi     *kk_kpi_row_get_kpi      (KkKpiRow *self);
void       kk_kpi_row_set_position (KkKpiRow *self,
                                    guint     position,
                                    guint     n_kpis);
void       kk_kpi_row_focus_name   (KkKpiRow *self);
gboolean   kk_kpi_row_focus_field  (KkKpiRow   *self,
                                    KkKpiValue *value,
                                    const char *field);
void       kk_kpi_row_focus_move   (KkKpiRow *self,
                                    int       offset);
void       kk_kpi_row_reset        (KkKpiRow *self);
void       kk_kpi_row_commit       (KkKpiRow *self);

G_END_DECLS
