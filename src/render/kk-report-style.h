/* kk-report-style.h: the fonts, colours and text measures of the reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Explicit Japanese families first, so that kanji never take a Chinese
 * font's forms, then whatever the system has: Gothic for headings and
 * tables, Mincho for running text, as Japanese official documents are set.
 * BIZ UD, made for official documents, comes first because it is TrueType:
 * cairo 1.16 embeds a TrueType font by reading the glyphs a page uses, but
 * an OpenType/CFF one such as Noto CJK by copying its whole CFF table (15
 * to 22 MB) twice, to check its kind and to subset it: most of the time
 * and memory of an export. Noto CJK stays the fallback for what BIZ UD
 * lacks. */
#define KK_REPORT_SANS_FAMILY "BIZ UDGothic,Noto Sans CJK JP,IPAexGothic,sans-serif"
#define KK_REPORT_SERIF_FAMILY "BIZ UDPMincho,Noto Serif CJK JP,IPAexMincho,serif"

/**
 * KkReportFont:
 * @KK_REPORT_FONT_COVER_TITLE: the title on a cover
 * @KK_REPORT_FONT_COVER: the other lines of a cover
 * @KK_REPORT_FONT_TITLE: the title of a part: a division, 予算総括表
 * @KK_REPORT_FONT_HEADING: a heading inside a part: 事業の目的
 * @KK_REPORT_FONT_BODY: running text
 * @KK_REPORT_FONT_TABLE: the cells of a table
 * @KK_REPORT_FONT_TABLE_BOLD: table headers and totals
 * @KK_REPORT_FONT_NOTE: notes, figures' dates, the running header and footer
 */
typedef enum
{
  KK_REPORT_FONT_COVER_TITLE,
  KK_REPORT_FONT_COVER,
  KK_REPORT_FONT_TITLE,
  KK_REPORT_FONT_HEADING,
  KK_REPORT_FONT_BODY,
  KK_REPORT_FONT_TABLE,
  KK_REPORT_FONT_TABLE_BOLD,
  KK_REPORT_FONT_NOTE,
  KK_REPORT_N_FONTS
} KkReportFont;

typedef enum
{
  KK_REPORT_COLOR_TEXT,
  KK_REPORT_COLOR_TEXT_DIM,
  KK_REPORT_COLOR_ACCENT,
  KK_REPORT_COLOR_RULE,
  KK_REPORT_COLOR_HEADER_FILL,
  KK_REPORT_COLOR_TOTAL_FILL,
  KK_REPORT_N_COLORS
} KkReportColor;

PangoContext         *kk_report_pango_context_new  (void);
PangoFontDescription *kk_report_font_describe      (KkReportFont   font);
void                  kk_report_set_source_color   (cairo_t       *cr,
                                                    KkReportColor  color);
PangoLayout          *kk_report_layout_new         (PangoContext  *context,
                                                    KkReportFont   font,
                                                    const char    *text,
                                                    double         width);
double                kk_report_layout_get_width   (PangoLayout   *layout);
double                kk_report_layout_get_height  (PangoLayout   *layout);
GArray               *kk_report_layout_get_line_ends (PangoLayout *layout);
PangoAttrList        *kk_report_note_attributes_new (guint        start_index);

G_END_DECLS
