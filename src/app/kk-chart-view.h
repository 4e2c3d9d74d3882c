/* kk-chart-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-chart.h"
#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_CHART_VIEW (kk_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (KkChartView, kk_chart_view, KK, CHART_VIEW, AdwBin)

void     kk_chart_view_set_plan     (KkChartView *self,
                                     KkPlan      *plan);
void     kk_chart_view_set_programs (KkChartView *self,
                                     GListModel  *programs);
KkChart *kk_chart_view_get_chart    (KkChartView *self);

G_END_DECLS
