/* kk-report.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kk-plan.h"
#include "kk-render-enums.h"
#include "kk-report-types.h"

G_BEGIN_DECLS

/* ISO A4 in points, the paper the reports are made for. */
#define KK_REPORT_A4_WIDTH (210 / 25.4 * 72)
#define KK_REPORT_A4_HEIGHT (297 / 25.4 * 72)

#define KK_TYPE_REPORT (kk_report_get_type ())

G_DECLARE_FINAL_TYPE (KkReport, kk_report, KK, REPORT, GObject)

KkReport     *kk_report_new                (KkPlan         *plan,
                                            KkReportKind    kind);
KkPlan       *kk_report_get_plan           (KkReport       *self);
void          kk_report_set_plan           (KkReport       *self,
                                            KkPlan         *plan);
KkReportKind  kk_report_get_kind           (KkReport       *self);
void          kk_report_set_kind           (KkReport       *self,
                                            KkReportKind    kind);
KkDivision   *kk_report_get_division       (KkReport       *self);
void          kk_report_set_division       (KkReport       *self,
                                            KkDivision     *division);
char         *kk_report_dup_title          (KkReport       *self);
guint         kk_report_get_n_pages        (KkReport       *self,
                                            double          paper_width,
                                            double          paper_height);
gboolean      kk_report_get_page_landscape (KkReport       *self,
                                            double          paper_width,
                                            double          paper_height,
                                            guint           page);
void          kk_report_draw_page          (KkReport       *self,
                                            cairo_t        *cr,
                                            double          paper_width,
                                            double          paper_height,
                                            guint           page);
GBytes       *kk_report_render_pdf         (KkReport       *self,
                                            double          paper_width,
                                            double          paper_height,
                                            GCancellable   *cancellable,
                                            GError        **error);
void          kk_report_describe_pdf       (KkReport       *self,
                                            cairo_surface_t *surface,
                                            double          paper_width,
                                            double          paper_height,
                                            gboolean        with_outline);
gboolean      kk_report_export_pdf         (KkReport       *self,
                                            GFile          *file,
                                            double          paper_width,
                                            double          paper_height,
                                            GCancellable   *cancellable,
                                            GError        **error);
gboolean      kk_report_kind_from_name     (const char     *name,
                                            KkReportKind   *kind);
char         *kk_report_dup_kind_names     (void);

G_END_DECLS
