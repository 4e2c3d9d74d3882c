/* kk-chart-area.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kk-chart.h"

G_BEGIN_DECLS

#define KK_TYPE_CHART_AREA (kk_chart_area_get_type ())

G_DECLARE_FINAL_TYPE (KkChartArea, kk_chart_area, KK, CHART_AREA, GtkWidget)

GtkWidget *kk_chart_area_new            (KkChart     *chart);
KkChart   *kk_chart_area_get_chart      (KkChartArea *self);
void       kk_chart_area_set_chart      (KkChartArea *self,
                                         KkChart     *chart);
int        kk_chart_area_get_focus_item (KkChartArea *self);
void       kk_chart_area_set_focus_item (KkChartArea *self,
                                         int          item);
int        kk_chart_area_hit_test       (KkChartArea *self,
                                         double       x,
                                         double       y);
gboolean   kk_chart_area_get_item_rect  (KkChartArea       *self,
                                         int                item,
                                         cairo_rectangle_t *rect);

G_END_DECLS
