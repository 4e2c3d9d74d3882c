/* kk-report-preview.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-report.h"

G_BEGIN_DECLS

#define KK_TYPE_REPORT_PREVIEW (kk_report_preview_get_type ())

G_DECLARE_FINAL_TYPE (KkReportPreview, kk_report_preview, KK, REPORT_PREVIEW, AdwWindow)

KkReportPreview *kk_report_preview_new            (GtkWindow       *parent,
                                                   KkReport        *report,
                                                   GtkPageSetup    *page_setup);
KkReport        *kk_report_preview_get_report     (KkReportPreview *self);
GtkPageSetup    *kk_report_preview_get_page_setup (KkReportPreview *self);
void             kk_report_preview_set_page_setup (KkReportPreview *self,
                                                   GtkPageSetup    *page_setup);
void             kk_report_preview_add_toast      (KkReportPreview *self,
                                                   AdwToast        *toast);

G_END_DECLS
