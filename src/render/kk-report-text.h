/* kk-report-text.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-report-block.h"
#include "kk-report-style.h"

G_BEGIN_DECLS

/**
 * KkReportTextDecoration:
 * @KK_REPORT_TEXT_PLAIN: the text alone
 * @KK_REPORT_TEXT_BAR: a bar in the accent colour left of the first line,
 *   as headings of a sheet have
 * @KK_REPORT_TEXT_UNDERLINE: a rule under the text across the page, as
 *   titles have
 */
typedef enum
{
  KK_REPORT_TEXT_PLAIN,
  KK_REPORT_TEXT_BAR,
  KK_REPORT_TEXT_UNDERLINE,
} KkReportTextDecoration;

#define KK_TYPE_REPORT_TEXT (kk_report_text_get_type ())

G_DECLARE_FINAL_TYPE (KkReportText, kk_report_text, KK, REPORT_TEXT, KkReportBlock)

KkReportBlock *kk_report_text_new            (KkReportFont            font,
                                              const char             *text);
void           kk_report_text_set_alignment  (KkReportText           *self,
                                              PangoAlignment          alignment);
void           kk_report_text_set_indent     (KkReportText           *self,
                                              double                  indent);
void           kk_report_text_set_justify    (KkReportText           *self,
                                              gboolean                justify);
void           kk_report_text_set_color      (KkReportText           *self,
                                              KkReportColor           color);
void           kk_report_text_set_decoration (KkReportText           *self,
                                              KkReportTextDecoration  decoration);

G_END_DECLS
