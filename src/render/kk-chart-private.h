/* kk-chart-private.h: what the tests read of a chart's layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-chart-data.h"
#include "kk-chart-layout.h"
#include "kk-chart.h"

G_BEGIN_DECLS

KkChartData   *kk_chart_get_data   (KkChart *self);
KkChartLayout *kk_chart_get_layout (KkChart *self,
                                    int      width,
                                    int      height);

G_END_DECLS
