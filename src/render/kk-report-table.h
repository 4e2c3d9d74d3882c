/* kk-report-table.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-report-block.h"

G_BEGIN_DECLS

/**
 * KkReportColumnFlags:
 * @KK_REPORT_COLUMN_TEXT: left aligned, as wide as its widest cell
 * @KK_REPORT_COLUMN_EXPAND: takes the width the other columns leave, and
 *   wraps its cells in it
 * @KK_REPORT_COLUMN_NUMBER: right aligned, for amounts and figures
 * @KK_REPORT_COLUMN_CENTER: centred, for short codes and marks
 * @KK_REPORT_COLUMN_FIT: as wide as its widest cell while the page has room,
 *   else as wide as the room the other columns leave, its cells wrapped; a
 *   table of such columns is no wider than its content
 */
typedef enum
{
  KK_REPORT_COLUMN_TEXT = 0,
  KK_REPORT_COLUMN_EXPAND = 1 << 0,
  KK_REPORT_COLUMN_NUMBER = 1 << 1,
  KK_REPORT_COLUMN_CENTER = 1 << 2,
  KK_REPORT_COLUMN_FIT = 1 << 3,
} KkReportColumnFlags;

/**
 * KkReportRowFlags:
 * @KK_REPORT_ROW_NORMAL: a row of figures
 * @KK_REPORT_ROW_TOTAL: a total: bold on a shaded band
 * @KK_REPORT_ROW_HEADER: a header inside the table, shaded as the header is
 * @KK_REPORT_ROW_SPAN: the first cell spans the row, as a group's heading
 * @KK_REPORT_ROW_DIM: a row shown for reference, not counted in the totals
 * @KK_REPORT_ROW_KEEP_WITH_NEXT: no page ends after this row
 */
typedef enum
{
  KK_REPORT_ROW_NORMAL = 0,
  KK_REPORT_ROW_TOTAL = 1 << 0,
  KK_REPORT_ROW_HEADER = 1 << 1,
  KK_REPORT_ROW_SPAN = 1 << 2,
  KK_REPORT_ROW_DIM = 1 << 3,
  KK_REPORT_ROW_KEEP_WITH_NEXT = 1 << 4,
} KkReportRowFlags;

#define KK_TYPE_REPORT_TABLE (kk_report_table_get_type ())

G_DECLARE_FINAL_TYPE (KkReportTable, kk_report_table, KK, REPORT_TABLE, KkReportBlock)

KkReportBlock *kk_report_table_new        (void);
void           kk_report_table_set_ruled  (KkReportTable       *self,
                                           gboolean             ruled);
void           kk_report_table_add_column (KkReportTable       *self,
                                           const char          *title,
                                           KkReportColumnFlags  flags);
guint          kk_report_table_add_row    (KkReportTable       *self,
                                           KkReportRowFlags     flags,
                                           const char * const  *cells);
void           kk_report_table_set_note   (KkReportTable       *self,
                                           guint                row,
                                           guint                column,
                                           const char          *note);
guint          kk_report_table_get_n_rows (KkReportTable       *self);

G_END_DECLS
