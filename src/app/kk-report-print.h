/* kk-report-print.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kk-report.h"

G_BEGIN_DECLS

#define KK_TYPE_REPORT_PRINT (kk_report_print_get_type ())

G_DECLARE_FINAL_TYPE (KkReportPrint, kk_report_print, KK, REPORT_PRINT, GtkPrintOperation)

KkReportPrint *kk_report_print_new        (KkReport         *report,
                                           GtkPageSetup     *page_setup,
                                           GtkPrintSettings *print_settings);
KkReport      *kk_report_print_get_report (KkReportPrint    *self);

char          *kk_report_print_dup_file_name  (KkReport         *report);
GtkPageSetup  *kk_report_print_page_setup_new (void);
void           kk_report_print_get_paper      (GtkPageSetup     *page_setup,
                                               double           *width,
                                               double           *height);

G_END_DECLS
