/* kk-report-book.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-plan.h"
#include "kk-report-document.h"

G_BEGIN_DECLS

void kk_report_book_build (KkReportDocument *document,
                           KkPlan           *plan);

G_END_DECLS
