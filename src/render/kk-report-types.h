/* kk-report-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KkReportKind:
 * @KK_REPORT_KIND_DIVISIONS: the division summaries (担当課別事業一覧): a cover
 *   with every division's totals, then each division from a new page
 * @KK_REPORT_KIND_BOOK: the plan book (事業計画書) in the document's own
 *   structure: cover, index, division table and one sheet a page or more
 * @KK_REPORT_KIND_BUDGET: the budget table (予算総括表), pillars by funding
 *
 * The nicks are the names the command line takes.
 */
typedef enum
{
  KK_REPORT_KIND_DIVISIONS,
  KK_REPORT_KIND_BOOK,
  KK_REPORT_KIND_BUDGET,
} KkReportKind;

G_END_DECLS
