/* kk-report-figure.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-chart.h"
#include "kk-report-block.h"

G_BEGIN_DECLS

#define KK_TYPE_REPORT_FIGURE (kk_report_figure_get_type ())

G_DECLARE_FINAL_TYPE (KkReportFigure, kk_report_figure, KK, REPORT_FIGURE, KkReportBlock)

KkReportBlock *kk_report_figure_new (KkChart *chart);

G_END_DECLS
