/* kk-report-private.h: what the tests read of a report's pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-report-document.h"
#include "kk-report.h"

G_BEGIN_DECLS

KkReportDocument *kk_report_get_document (KkReport *self,
                                          double    paper_width,
                                          double    paper_height);

G_END_DECLS
