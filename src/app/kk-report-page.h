/* kk-report-page.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kk-report.h"

G_BEGIN_DECLS

#define KK_TYPE_REPORT_PAGE (kk_report_page_get_type ())

G_DECLARE_FINAL_TYPE (KkReportPage, kk_report_page, KK, REPORT_PAGE, GtkWidget)

GtkWidget    *kk_report_page_new            (void);
KkReport     *kk_report_page_get_report     (KkReportPage *self);
void          kk_report_page_set_report     (KkReportPage *self,
                                             KkReport     *report);
guint         kk_report_page_get_page       (KkReportPage *self);
void          kk_report_page_set_page       (KkReportPage *self,
                                             guint         page);
GtkPageSetup *kk_report_page_get_page_setup (KkReportPage *self);
void          kk_report_page_set_page_setup (KkReportPage *self,
                                             GtkPageSetup *page_setup);

G_END_DECLS
