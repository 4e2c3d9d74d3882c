/* kk-chart-layout.h: where everything of a chart goes at one size
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kk-chart-data.h"

G_BEGIN_DECLS

/**
 * KkChartText:
 * @layout: the text, ready to show
 * @x: where @layout is drawn
 * @y: where @layout is drawn
 * @extents: the logical rectangle the text takes on the chart
 * @halo: the background is painted under the text first, so that grid and
 *   reference lines do not cross it
 */
typedef struct
{
  PangoLayout *layout;
  double x;
  double y;
  cairo_rectangle_t extents;
  KkChartColor color;
  gboolean halo;
} KkChartText;

typedef struct
{
  cairo_rectangle_t rect;
  KkChartColor color;
} KkChartBox;

/**
 * KkChartLine:
 * @over_bars: drawn after the bars, as the zero and reference lines are
 */
typedef struct
{
  double x0;
  double y0;
  double x1;
  double y1;
  double width;
  KkChartColor color;
  gboolean dashed;
  gboolean over_bars;
} KkChartLine;

/**
 * KkChartLayout:
 * @texts: every #KkChartText drawn
 * @swatches: the #KkChartBox of the legend
 * @lines: grid, zero and reference #KkChartLine
 * @bars: the #KkChartBox of each item, in the order of the items; empty
 *   when the chart shows its empty state
 * @rows: the band of each item across the chart, a #cairo_rectangle_t
 *
 * Everything a chart draws at one size, in user units, so that drawing and
 * hit testing only read it.
 */
typedef struct
{
  int width;
  int height;
  GArray *texts;
  GArray *swatches;
  GArray *lines;
  GArray *bars;
  GArray *rows;
} KkChartLayout;

KkChartLayout *kk_chart_layout_new      (KkChartData         *data,
                                         PangoContext        *context,
                                         int                  width,
                                         int                  height);
void           kk_chart_layout_free     (KkChartLayout       *self);
void           kk_chart_layout_draw     (const KkChartLayout *self,
                                         cairo_t             *cr,
                                         gboolean             dark);
int            kk_chart_layout_hit_test (const KkChartLayout *self,
                                         double               x,
                                         double               y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KkChartLayout, kk_chart_layout_free)

G_END_DECLS
