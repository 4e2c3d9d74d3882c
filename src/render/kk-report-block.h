/* kk-report-block.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define KK_TYPE_REPORT_BLOCK (kk_report_block_get_type ())

G_DECLARE_DERIVABLE_TYPE (KkReportBlock, kk_report_block, KK, REPORT_BLOCK, GObject)

/**
 * KkReportBlockClass:
 * @get_min_width: the narrowest width the block can be laid out at without
 *   breaking its numbers; a page turns landscape for a block wider than a
 *   portrait page
 * @layout: lays the block out at @width, then sets its height and the
 *   places a page may break it with the protected setters
 * @draw: draws the part from @from to @to of the block's height, its top at
 *   y = 0; a part that does not start at 0 is drawn below what the block
 *   repeats on every page, such as a table's header
 *
 * Something that flows down the pages of a report.
 */
struct _KkReportBlockClass
{
  GObjectClass parent_class;

  double (*get_min_width) (KkReportBlock *self,
                           PangoContext  *context);
  void   (*layout)        (KkReportBlock *self,
                           PangoContext  *context,
                           double         width,
                           double         max_height);
  void   (*draw)          (KkReportBlock *self,
                           cairo_t       *cr,
                           double         from,
                           double         to);
};

double   kk_report_block_get_min_width      (KkReportBlock *self,
                                             PangoContext  *context);
void     kk_report_block_layout             (KkReportBlock *self,
                                             PangoContext  *context,
                                             double         width,
                                             double         max_height);
double   kk_report_block_get_height         (KkReportBlock *self);
double   kk_report_block_get_repeat_height  (KkReportBlock *self);
double   kk_report_block_get_part_height    (KkReportBlock *self,
                                             double         from,
                                             double         to);
double   kk_report_block_find_break         (KkReportBlock *self,
                                             double         from,
                                             double         height,
                                             gboolean       forced);
void     kk_report_block_draw               (KkReportBlock *self,
                                             cairo_t       *cr,
                                             double         from,
                                             double         to);
double   kk_report_block_get_space_before   (KkReportBlock *self);
void     kk_report_block_set_space_before   (KkReportBlock *self,
                                             double         space_before);
gboolean kk_report_block_get_keep_with_next (KkReportBlock *self);
void     kk_report_block_set_keep_with_next (KkReportBlock *self,
                                             gboolean       keep_with_next);

/* For the layout of subclasses. */
void     kk_report_block_set_extent         (KkReportBlock *self,
                                             double         height,
                                             double         repeat_height);
void     kk_report_block_add_break          (KkReportBlock *self,
                                             double         y,
                                             gboolean       forced);

G_END_DECLS
