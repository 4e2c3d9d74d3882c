/* kk-chart-style.h: the colours and fonts of the charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* An explicit Japanese family first, so that kanji never fall back to a
 * Chinese font, then whatever the system has; the reports' Gothic, so that
 * a chart on a page adds no font to the PDF (see kk-report-style.h). */
#define KK_CHART_FONT_FAMILY "BIZ UDGothic,Noto Sans CJK JP,IPAexGothic,sans-serif"

/**
 * KkChartColor:
 *
 * The roles a chart paints with. The hues are the Okabe–Ito palette, which
 * readers with any common colour-vision deficiency tell apart; each role has
 * a light and a dark variant.
 */
typedef enum
{
  KK_CHART_COLOR_BLUE,
  KK_CHART_COLOR_ORANGE,
  KK_CHART_COLOR_GREEN,
  KK_CHART_COLOR_PURPLE,
  KK_CHART_COLOR_SKY,
  KK_CHART_COLOR_VERMILLION,
  KK_CHART_COLOR_YELLOW,
  KK_CHART_COLOR_OTHERS,
  KK_CHART_COLOR_BACKGROUND,
  KK_CHART_COLOR_TEXT,
  KK_CHART_COLOR_TEXT_DIM,
  KK_CHART_COLOR_GRID,
  KK_CHART_COLOR_AXIS,
  KK_CHART_N_COLORS
} KkChartColor;

typedef struct
{
  double red;
  double green;
  double blue;
} KkChartRgb;

KkChartColor      kk_chart_color_for_series (guint         index);
const KkChartRgb *kk_chart_color_get_rgb    (KkChartColor  color,
                                             gboolean      dark);
void              kk_chart_set_source_color (cairo_t      *cr,
                                             KkChartColor  color,
                                             gboolean      dark);

G_END_DECLS
