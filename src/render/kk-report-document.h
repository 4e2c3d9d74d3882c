/* kk-report-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "kk-report-block.h"

G_BEGIN_DECLS

/**
 * KkReportSectionFlags:
 * @KK_REPORT_SECTION_PLAIN: pages with the running header and page numbers
 * @KK_REPORT_SECTION_COVER: a cover: no running header, no page number
 */
typedef enum
{
  KK_REPORT_SECTION_PLAIN = 0,
  KK_REPORT_SECTION_COVER = 1 << 0,
} KkReportSectionFlags;

/* The parent of the outline's top entries. */
#define KK_REPORT_OUTLINE_ROOT 0

#define KK_TYPE_REPORT_DOCUMENT (kk_report_document_get_type ())

G_DECLARE_FINAL_TYPE (KkReportDocument, kk_report_document, KK, REPORT_DOCUMENT, GObject)

KkReportDocument *kk_report_document_new                (const char           *header_start,
                                                         const char           *header_end);
void              kk_report_document_begin_section      (KkReportDocument     *self,
                                                         KkReportSectionFlags  flags);
void              kk_report_document_set_continued      (KkReportDocument     *self,
                                                         const char           *title);
guint             kk_report_document_add_outline_entry  (KkReportDocument     *self,
                                                         guint                 parent,
                                                         const char           *title);
void              kk_report_document_take_block         (KkReportDocument     *self,
                                                         KkReportBlock        *block);
guint             kk_report_document_paginate           (KkReportDocument     *self,
                                                         double                paper_width,
                                                         double                paper_height);
guint             kk_report_document_get_n_pages        (KkReportDocument     *self);
gboolean          kk_report_document_get_page_landscape (KkReportDocument     *self,
                                                         guint                 page);
void              kk_report_document_get_page_size      (KkReportDocument     *self,
                                                         guint                 page,
                                                         double               *width,
                                                         double               *height);
void              kk_report_document_draw_page          (KkReportDocument     *self,
                                                         cairo_t              *cr,
                                                         guint                 page);
void              kk_report_document_get_frame          (KkReportDocument     *self,
                                                         guint                 page,
                                                         cairo_rectangle_t    *header,
                                                         cairo_rectangle_t    *body,
                                                         cairo_rectangle_t    *footer);
GArray           *kk_report_document_dup_part_rects     (KkReportDocument     *self,
                                                         guint                 page);
guint             kk_report_document_get_n_outline_entries (KkReportDocument  *self);
const char       *kk_report_document_get_outline_entry  (KkReportDocument     *self,
                                                         guint                 index,
                                                         guint                *page,
                                                         guint                *parent);
void              kk_report_document_add_pdf_outline    (KkReportDocument     *self,
                                                         cairo_surface_t      *surface);

G_END_DECLS
