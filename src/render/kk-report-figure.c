/* kk-report-figure.c: a chart on a page of a report
 *
 * The chart is laid out at the width of a screen's chart and scaled to the
 * page, so that its labels come out at the size of the table text; a chart
 * taller than a page shrinks to fit it. A page never breaks a chart, and
 * the chart speaks the plan's words, as the rest of the report does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-report-figure.h"

/* In the chart's units: its 13-unit labels come out at about 9 points on
 * the body of a portrait A4 page. */
#define CHART_WIDTH 760

struct _KkReportFigure
{
  KkReportBlock parent_instance;

  KkChart *chart;
  int chart_height;
  double scale;
  double x;
};

G_DEFINE_FINAL_TYPE (KkReportFigure, kk_report_figure, KK_TYPE_REPORT_BLOCK)

static void
kk_report_figure_layout (KkReportBlock *block,
                         PangoContext  *context,
                         double         width,
                         double         max_height)
{
  KkReportFigure *self = KK_REPORT_FIGURE (block);

  self->chart_height = kk_chart_get_natural_height (self->chart, CHART_WIDTH);
  self->scale = MIN (width / CHART_WIDTH, max_height / self->chart_height);
  self->x = (width - CHART_WIDTH * self->scale) / 2;
  kk_report_block_set_extent (block, self->chart_height * self->scale, 0);
}

static void
kk_report_figure_draw (KkReportBlock *block,
                       cairo_t       *cr,
                       double         from,
                       double         to)
{
  KkReportFigure *self = KK_REPORT_FIGURE (block);

  cairo_translate (cr, self->x, 0);
  cairo_scale (cr, self->scale, self->scale);
  kk_chart_draw (self->chart, cr, CHART_WIDTH, self->chart_height);
}

static void
kk_report_figure_dispose (GObject *object)
{
  KkReportFigure *self = (KkReportFigure *)object;

  g_clear_object (&self->chart);

  G_OBJECT_CLASS (kk_report_figure_parent_class)->dispose (object);
}

static void
kk_report_figure_class_init (KkReportFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KkReportBlockClass *block_class = KK_REPORT_BLOCK_CLASS (klass);

  object_class->dispose = kk_report_figure_dispose;
  block_class->layout = kk_report_figure_layout;
  block_class->draw = kk_report_figure_draw;
}

static void
kk_report_figure_init (KkReportFigure *self)
{
}

/**
 * kk_report_figure_new:
 *
 * Returns: (transfer full): a block that draws @chart across the page
 */
KkReportBlock *
kk_report_figure_new (KkChart *chart)
{
  KkReportFigure *self;

  g_return_val_if_fail (KK_IS_CHART (chart), NULL);

  self = g_object_new (KK_TYPE_REPORT_FIGURE, NULL);
  self->chart = g_object_ref (chart);
  kk_chart_set_printed (chart, TRUE);
  return KK_REPORT_BLOCK (self);
}
