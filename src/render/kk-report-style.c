/* kk-report-style.c: the fonts, colours and text measures of the reports
 *
 * Sizes are in points: a report's user space is the paper's, whatever
 * surface it is drawn on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <pango/pangocairo.h>

#include "kk-report-style.h"

typedef struct
{
  const char *family;
  double size;
  gboolean bold;
} KkReportFontSpec;

static const KkReportFontSpec fonts[KK_REPORT_N_FONTS] = {
  [KK_REPORT_FONT_COVER_TITLE] = { KK_REPORT_SANS_FAMILY, 26, TRUE },
  [KK_REPORT_FONT_COVER] = { KK_REPORT_SANS_FAMILY, 14, FALSE },
  [KK_REPORT_FONT_TITLE] = { KK_REPORT_SANS_FAMILY, 15, TRUE },
  [KK_REPORT_FONT_HEADING] = { KK_REPORT_SANS_FAMILY, 10.5, TRUE },
  [KK_REPORT_FONT_BODY] = { KK_REPORT_SERIF_FAMILY, 9.5, FALSE },
  [KK_REPORT_FONT_TABLE] = { KK_REPORT_SANS_FAMILY, 8.5, FALSE },
  [KK_REPORT_FONT_TABLE_BOLD] = { KK_REPORT_SANS_FAMILY, 8.5, TRUE },
  [KK_REPORT_FONT_NOTE] = { KK_REPORT_SANS_FAMILY, 7.5, FALSE },
};

/* BIZ UD sets a line one em high, Noto CJK 1.45 em: lines of this many
 * times their font's height keep the pitch of the pages set in Noto CJK,
 * airy enough for kanji, and so their pagination. */
#define LINE_HEIGHT 1.44

/* Dark enough to print crisp on office lasers, the fills light enough that
 * text on them stays black-on-white in a greyscale copy. */
static const double colors[KK_REPORT_N_COLORS][3] = {
  [KK_REPORT_COLOR_TEXT] = { 0.10, 0.10, 0.10 },
  [KK_REPORT_COLOR_TEXT_DIM] = { 0.35, 0.35, 0.35 },
  [KK_REPORT_COLOR_ACCENT] = { 0.12, 0.31, 0.47 },
  [KK_REPORT_COLOR_RULE] = { 0.45, 0.45, 0.45 },
  [KK_REPORT_COLOR_HEADER_FILL] = { 0.89, 0.92, 0.95 },
  [KK_REPORT_COLOR_TOTAL_FILL] = { 0.95, 0.95, 0.95 },
};

/**
 * kk_report_pango_context_new:
 *
 * Returns: (transfer full): a context that lays text out alike on every
 * surface, so that the pages of a preview, a print and a PDF match
 */
PangoContext *
kk_report_pango_context_new (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Hinting would fit glyphs to the pixels of one device: a page laid out
   * for the preview would break its lines elsewhere on paper. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* Japanese glyph forms, and Japanese rules for where lines may break. */
  pango_context_set_language (context, pango_language_from_string ("ja"));
  cairo_font_options_destroy (options);
  return context;
}

/**
 * kk_report_font_describe:
 *
 * Returns: (transfer full): the font of @font, its size in points
 */
PangoFontDescription *
kk_report_font_describe (KkReportFont font)
{
  PangoFontDescription *description = pango_font_description_new ();

  g_return_val_if_fail (font < KK_REPORT_N_FONTS, description);

  pango_font_description_set_family_static (description, fonts[font].family);
  pango_font_description_set_absolute_size (description, fonts[font].size * PANGO_SCALE);
  if (fonts[font].bold)
    pango_font_description_set_weight (description, PANGO_WEIGHT_BOLD);
  return description;
}

void
kk_report_set_source_color (cairo_t       *cr,
                            KkReportColor  color)
{
  g_return_if_fail (color < KK_REPORT_N_COLORS);

  cairo_set_source_rgb (cr, colors[color][0], colors[color][1], colors[color][2]);
}

static PangoAttrList *
kk_report_attributes_new (void)
{
  PangoAttrList *attributes = pango_attr_list_new ();

  pango_attr_list_insert (attributes, pango_attr_line_height_new (LINE_HEIGHT));
  return attributes;
}

/**
 * kk_report_layout_new:
 * @width: the width to wrap at, in points; 0 or less for lines as long as
 *   the text's own
 *
 * Returns: (transfer full): @text set in @font; wrapped lines break between
 *   words, or between any two characters where a word is longer than a
 *   line, as Japanese text always may
 */
PangoLayout *
kk_report_layout_new (PangoContext *context,
                      KkReportFont  font,
                      const char   *text,
                      double        width)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *description = kk_report_font_describe (font);
  PangoAttrList *attributes = kk_report_attributes_new ();

  pango_layout_set_font_description (layout, description);
  pango_layout_set_attributes (layout, attributes);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_font_description_free (description);
  pango_attr_list_unref (attributes);
  return layout;
}

static PangoRectangle
kk_report_layout_get_logical (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical;
}

/* The width its lines take, not the width it wraps at. */
double
kk_report_layout_get_width (PangoLayout *layout)
{
  return (double)kk_report_layout_get_logical (layout).width / PANGO_SCALE;
}

double
kk_report_layout_get_height (PangoLayout *layout)
{
  return (double)kk_report_layout_get_logical (layout).height / PANGO_SCALE;
}

/**
 * kk_report_layout_get_line_ends:
 *
 * Returns: (transfer full) (element-type double): where each line of
 *   @layout ends, from its top, in points: the places a page may break it
 *   without cutting a glyph
 */
GArray *
kk_report_layout_get_line_ends (PangoLayout *layout)
{
  GArray *ends = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int top;
      int bottom;
      double end;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      end = (double)bottom / PANGO_SCALE;
      g_array_append_val (ends, end);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return ends;
}

/**
 * kk_report_note_attributes_new:
 * @start_index: the byte where the note starts in the layout's text
 *
 * Returns: (transfer full): attributes for a layout of kk_report_layout_new()
 *   that set the text from @start_index as a note, smaller and dimmer than
 *   what it remarks on
 */
PangoAttrList *
kk_report_note_attributes_new (guint start_index)
{
  PangoAttrList *attributes = kk_report_attributes_new ();
  const double *dim = colors[KK_REPORT_COLOR_TEXT_DIM];
  PangoAttribute *size = pango_attr_size_new_absolute (fonts[KK_REPORT_FONT_NOTE].size * PANGO_SCALE);
  PangoAttribute *color = pango_attr_foreground_new (dim[0] * G_MAXUINT16, dim[1] * G_MAXUINT16,
                                                     dim[2] * G_MAXUINT16);

  size->start_index = color->start_index = start_index;
  pango_attr_list_insert (attributes, size);
  pango_attr_list_insert (attributes, color);
  return attributes;
}
