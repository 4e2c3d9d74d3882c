/* kk-chart-axis.h: the value axis of a chart, ticked on round numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KkChartScale:
 * @KK_CHART_SCALE_MONEY: thousand yen (千円), as the plan prints every amount
 *   and as the bars' figures are written
 * @KK_CHART_SCALE_PERCENT: ratios, ticked as percentages
 * @KK_CHART_SCALE_NUMBER: a KPI's figures in its own unit
 */
typedef enum
{
  KK_CHART_SCALE_MONEY,
  KK_CHART_SCALE_PERCENT,
  KK_CHART_SCALE_NUMBER,
} KkChartScale;

/**
 * KkChartAxis:
 * @min: the first tick, in the unit of the values
 * @max: the last tick, always above @min
 * @step: between ticks: 1, 2 or 5 times a power of ten
 * @n_ticks: ticks from @min to @max
 */
typedef struct
{
  KkChartScale scale;
  double min;
  double max;
  double step;
  guint n_ticks;
} KkChartAxis;

void    kk_chart_axis_init           (KkChartAxis       *axis,
                                      KkChartScale       scale,
                                      double             low,
                                      double             high,
                                      double             min_step,
                                      guint              max_ticks);
double  kk_chart_axis_get_tick       (const KkChartAxis *axis,
                                      guint              index);
double  kk_chart_axis_get_fraction   (const KkChartAxis *axis,
                                      double             value);
char   *kk_chart_axis_dup_tick_label (const KkChartAxis *axis,
                                      guint              index);
char   *kk_chart_axis_dup_title      (const KkChartAxis *axis,
                                      const char        *unit,
                                      gboolean           printed);

G_END_DECLS
