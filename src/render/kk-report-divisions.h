/* kk-report-divisions.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-plan.h"
#include "kk-report-document.h"

G_BEGIN_DECLS

void kk_report_divisions_build (KkReportDocument *document,
                                KkPlan           *plan,
                                KkDivision       *division);

G_END_DECLS
