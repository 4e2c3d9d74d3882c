/* kk-chart-style.c: the colours of the charts in light and dark style
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-chart-style.h"

#define RGB(hex) { ((hex) >> 16) / 255.0, (((hex) >> 8) & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* The dark variants keep the hues but are lighter where the light ones would
 * fall below a 3:1 contrast with the dark background. */
static const KkChartRgb colors[2][KK_CHART_N_COLORS] = {
  {
    [KK_CHART_COLOR_BLUE] = RGB (0x0072b2),
    [KK_CHART_COLOR_ORANGE] = RGB (0xe69f00),
    [KK_CHART_COLOR_GREEN] = RGB (0x009e73),
    [KK_CHART_COLOR_PURPLE] = RGB (0xcc79a7),
    [KK_CHART_COLOR_SKY] = RGB (0x56b4e9),
    [KK_CHART_COLOR_VERMILLION] = RGB (0xd55e00),
    [KK_CHART_COLOR_YELLOW] = RGB (0xf0e442),
    [KK_CHART_COLOR_OTHERS] = RGB (0x9a9a9a),
    [KK_CHART_COLOR_BACKGROUND] = RGB (0xffffff),
    [KK_CHART_COLOR_TEXT] = RGB (0x2e2e2e),
    [KK_CHART_COLOR_TEXT_DIM] = RGB (0x5e5e5e),
    [KK_CHART_COLOR_GRID] = RGB (0xe2e2e2),
    [KK_CHART_COLOR_AXIS] = RGB (0x7a7a7a),
  },
  {
    [KK_CHART_COLOR_BLUE] = RGB (0x3a96dd),
    [KK_CHART_COLOR_ORANGE] = RGB (0xe69f00),
    [KK_CHART_COLOR_GREEN] = RGB (0x1fb58a),
    [KK_CHART_COLOR_PURPLE] = RGB (0xd98cb8),
    [KK_CHART_COLOR_SKY] = RGB (0x7cc6f0),
    [KK_CHART_COLOR_VERMILLION] = RGB (0xef7a2a),
    [KK_CHART_COLOR_YELLOW] = RGB (0xf0e442),
    [KK_CHART_COLOR_OTHERS] = RGB (0x8a8a8a),
    [KK_CHART_COLOR_BACKGROUND] = RGB (0x1e1e1e),
    [KK_CHART_COLOR_TEXT] = RGB (0xf2f2f2),
    [KK_CHART_COLOR_TEXT_DIM] = RGB (0xb4b4b4),
    [KK_CHART_COLOR_GRID] = RGB (0x3a3a3a),
    [KK_CHART_COLOR_AXIS] = RGB (0x9a9a9a),
  },
};

/* Yellow comes last: it is the faintest against a white background. */
static const KkChartColor series[] = {
  KK_CHART_COLOR_BLUE,
  KK_CHART_COLOR_ORANGE,
  KK_CHART_COLOR_GREEN,
  KK_CHART_COLOR_PURPLE,
  KK_CHART_COLOR_SKY,
  KK_CHART_COLOR_VERMILLION,
  KK_CHART_COLOR_YELLOW,
};

/**
 * kk_chart_color_for_series:
 * @index: the position of a series, such as a pillar's in the plan
 *
 * Returns: the colour of the series; colours repeat after seven
 */
KkChartColor
kk_chart_color_for_series (guint index)
{
  return series[index % G_N_ELEMENTS (series)];
}

const KkChartRgb *
kk_chart_color_get_rgb (KkChartColor color,
                        gboolean     dark)
{
  g_return_val_if_fail (color < KK_CHART_N_COLORS, &colors[0][KK_CHART_COLOR_TEXT]);

  return &colors[dark ? 1 : 0][color];
}

void
kk_chart_set_source_color (cairo_t      *cr,
                           KkChartColor  color,
                           gboolean      dark)
{
  const KkChartRgb *rgb = kk_chart_color_get_rgb (color, dark);

  cairo_set_source_rgb (cr, rgb->red, rgb->green, rgb->blue);
}
