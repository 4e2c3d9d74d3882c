/* kk-chart-axis.c: the value axis of a chart, ticked on round numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kk-chart-axis.h"
#include "kk-format.h"

/* Quotients of ticks and values are off by rounding; this much is equality. */
#define KK_EPSILON 1e-9

static guint
kk_intervals_for_step (double low,
                       double high,
                       double step)
{
  return (guint)(ceil (high / step - KK_EPSILON) - floor (low / step + KK_EPSILON));
}

/* The smallest of 1, 2 or 5 times a power of ten, no smaller than min_step,
 * that spans low..high in at most max_intervals. A step as large as the
 * range needs two intervals at most, so the search ends. */
static double
kk_nice_step (double low,
              double high,
              double min_step,
              guint  max_intervals)
{
  static const double multiples[] = { 1, 2, 5 };
  double raw = MAX ((high - low) / max_intervals, min_step);
  double magnitude = pow (10, floor (log10 (raw)));

  for (;;)
    {
      for (guint i = 0; i < G_N_ELEMENTS (multiples); i++)
        {
          double step = multiples[i] * magnitude;

          if (step >= min_step * (1 - KK_EPSILON)
              && kk_intervals_for_step (low, high, step) <= max_intervals)
            return step;
        }
      magnitude *= 10;
    }
}

/**
 * kk_chart_axis_init:
 * @low: the smallest value to show
 * @high: the largest value to show
 * @min_step: the finest step that makes sense: 1 for whole numbers
 * @max_ticks: how many ticks fit, at least 3
 *
 * Sets up an axis that includes zero, @low and @high, with as many ticks on
 * round numbers as fit.
 */
void
kk_chart_axis_init (KkChartAxis  *axis,
                    KkChartScale  scale,
                    double        low,
                    double        high,
                    double        min_step,
                    guint         max_ticks)
{
  guint intervals;

  g_return_if_fail (axis != NULL);
  g_return_if_fail (isfinite (low) && isfinite (high) && min_step > 0);
  g_return_if_fail (max_ticks >= 3);

  low = MIN (low, 0);
  high = MAX (high, 0);
  if (high - low < min_step)
    high = low + min_step;

  axis->scale = scale;
  axis->step = kk_nice_step (low, high, min_step, max_ticks - 1);
  axis->min = floor (low / axis->step + KK_EPSILON) * axis->step;
  intervals = kk_intervals_for_step (low, high, axis->step);
  axis->n_ticks = MAX (intervals, 1) + 1;
  axis->max = kk_chart_axis_get_tick (axis, axis->n_ticks - 1);
}

double
kk_chart_axis_get_tick (const KkChartAxis *axis,
                        guint              index)
{
  /* Multiplying the index keeps ticks exact where adding steps would drift. */
  return (round (axis->min / axis->step) + index) * axis->step;
}

/**
 * kk_chart_axis_get_fraction:
 *
 * Returns: where @value lies between the first tick (0) and the last (1)
 */
double
kk_chart_axis_get_fraction (const KkChartAxis *axis,
                            double             value)
{
  return (value - axis->min) / (axis->max - axis->min);
}

static int
kk_decimals_for_step (double step)
{
  return step >= 1 ? 0 : (int)ceil (-log10 (step) - KK_EPSILON);
}

char *
kk_chart_axis_dup_tick_label (const KkChartAxis *axis,
                              guint              index)
{
  double tick = kk_chart_axis_get_tick (axis, index);

  switch (axis->scale)
    {
    case KK_CHART_SCALE_MONEY:
      return kk_format_thousand_yen ((gint64)round (tick));
    case KK_CHART_SCALE_PERCENT:
      return g_strdup_printf ("%.*f%%", kk_decimals_for_step (axis->step * 100), tick * 100);
    case KK_CHART_SCALE_NUMBER:
      if (axis->step >= 1)
        return kk_format_grouped ((gint64)round (tick));
      return g_strdup_printf ("%.*f", kk_decimals_for_step (axis->step), tick);
    default:
      g_assert_not_reached ();
    }
}

/**
 * kk_chart_axis_dup_title:
 * @unit: (nullable): the unit of a KPI's figures
 * @printed: in the plan's words (Japanese), as a printed document is
 *
 * Returns: (transfer full) (nullable): what the tick labels count
 */
char *
kk_chart_axis_dup_title (const KkChartAxis *axis,
                         const char        *unit,
                         gboolean           printed)
{
  switch (axis->scale)
    {
    case KK_CHART_SCALE_MONEY:
      /* Translators: the unit of the axis, as the bars' figures write it
       * after each amount (%s k¥): 千円 */
      return g_strdup (printed ? "千円" : _("k¥"));
    case KK_CHART_SCALE_PERCENT:
      return g_strdup (printed ? "達成率" : _("Achievement"));
    case KK_CHART_SCALE_NUMBER:
      return unit != NULL && *unit != '\0' ? g_strdup (unit) : NULL;
    default:
      g_assert_not_reached ();
    }
}
