/* kk-chart-data.h: the figures a chart shows, derived from the plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-chart-axis.h"
#include "kk-chart-style.h"
#include "kk-plan.h"
#include "kk-render-types.h"

G_BEGIN_DECLS

/**
 * KkChartItem:
 * @label: the category at the start of the row: 【13】事業名, a pillar
 * @value_label: the exact figure at the end of the bar
 * @tooltip: the full label and every figure, one per line
 * @cells: the row of the table of figures
 * @program: (nullable): the program the bar stands for
 * @value: the length of the bar in the unit of the axis
 * @color: the fill of the bar
 * @is_others: the bar adds up many programs; the axis is not stretched to
 *   fit it, and it is drawn broken where it is longer than the axis
 *
 * One bar of a chart.
 */
typedef struct
{
  char *label;
  char *value_label;
  char *tooltip;
  char **cells;
  KkProgram *program;
  double value;
  KkChartColor color;
  gboolean is_others;
} KkChartItem;

/**
 * KkChartLegendEntry:
 * @is_line: the entry is the dashed reference line rather than a swatch
 */
typedef struct
{
  char *label;
  KkChartColor color;
  gboolean is_line;
} KkChartLegendEntry;

/**
 * KkChartData:
 * @unit: (nullable): the unit of a KPI's figures
 * @note: (nullable): what the reader must know that the bars do not show
 * @empty_message: (nullable): set when there is nothing to draw, and why
 * @headers: the header of the table of figures
 * @items: the bars, #KkChartItem, top to bottom
 * @legend: the #KkChartLegendEntry
 * @min_step: the finest step of the axis that makes sense
 * @has_reference: a reference line is drawn at 1 (100 %)
 * @printed: the words are the plan's (Japanese), as a printed document's
 *
 * Everything a chart shows that does not depend on its size.
 */
typedef struct
{
  KkChartScale scale;
  char *unit;
  char *title;
  char *subtitle;
  char *note;
  char *empty_message;
  char **headers;
  GPtrArray *items;
  GPtrArray *legend;
  double min_step;
  gboolean has_reference;
  gboolean printed;
} KkChartData;

KkChartData *kk_chart_data_new  (KkPlan      *plan,
                                 GListModel  *programs,
                                 KkChartKind  kind,
                                 KkKpi       *kpi,
                                 guint        max_bars,
                                 const char  *subject,
                                 gboolean     printed);
void         kk_chart_data_free (KkChartData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KkChartData, kk_chart_data_free)

G_END_DECLS
