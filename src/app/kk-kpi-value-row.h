/* kk-kpi-value-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_KPI_VALUE_ROW (kk_kpi_value_row_get_type ())

G_DECLARE_FINAL_TYPE (KkKpiValueRow, kk_kpi_value_row, KK, KPI_VALUE_ROW, GtkListBoxRow)

GtkWidget  *kk_kpi_value_row_new         (KkPlan        *plan,
                                          KkKpi         *kpi,
                                          KkKpiValue    *value);
KkKpiValue *kk_kpi_value_row_get_value   (KkKpiValueRow *self);
void        kk_kpi_value_row_set_position (KkKpiValueRow *self,
                                          guint          position,
                                          guint          n_values);
void        kk_kpi_value_row_focus_year  (KkKpiValueRow *self);
void        kk_kpi_value_row_focus_move  (KkKpiValueRow *self,
                                          int            offset);
void        kk_kpi_value_row_show_kpi    (KkKpiValueRow *self);
void        kk_kpi_value_row_reset       (KkKpiValueRow *self);
void        kk_kpi_value_row_commit      (KkKpiValueRow *self);

/* Shared with the KPI rows, which have the same buttons. */
void        kk_move_buttons_update       (GtkWidget     *up_button,
                                          GtkWidget     *down_button,
                                          guint          position,
                                          guint          n_items);
void        kk_move_buttons_focus        (GtkWidget     *up_button,
                                          GtkWidget     *down_button,
                                          int            offset);

G_END_DECLS
