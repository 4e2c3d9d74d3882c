/* kk-render-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KkChartKind:
 * @KK_CHART_KIND_PROGRAMS: budget by program, largest first
 * @KK_CHART_KIND_PILLARS: budget by pillar (施策の柱), with shares
 * @KK_CHART_KIND_DIVISIONS: budget by lead division (担当課), with shares
 * @KK_CHART_KIND_FUNDING: budget by funding combination (県・市), with shares
 * @KK_CHART_KIND_CHANGE: difference from last year by program (前年度比)
 * @KK_CHART_KIND_ACHIEVEMENT: last year's actual against target, by KPI
 * @KK_CHART_KIND_KPI: one KPI's figures across fiscal years
 *
 * The nicks are the names the command line takes.
 */
typedef enum
{
  KK_CHART_KIND_PROGRAMS,
  KK_CHART_KIND_PILLARS,
  KK_CHART_KIND_DIVISIONS,
  KK_CHART_KIND_FUNDING,
  KK_CHART_KIND_CHANGE,
  KK_CHART_KIND_ACHIEVEMENT,
  KK_CHART_KIND_KPI,
} KkChartKind;

/**
 * KkChartFormat:
 * @KK_CHART_FORMAT_PNG: a bitmap
 * @KK_CHART_FORMAT_SVG: vector drawing; glyphs as outlines
 * @KK_CHART_FORMAT_PDF: vector drawing with its text as text
 *
 * The nicks are the file name extensions.
 */
typedef enum
{
  KK_CHART_FORMAT_PNG,
  KK_CHART_FORMAT_SVG,
  KK_CHART_FORMAT_PDF,
} KkChartFormat;

G_END_DECLS
