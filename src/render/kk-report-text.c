/* kk-report-text.c: a paragraph, heading or title of a report
 *
 * Text wraps at the width of the page, Japanese between any two characters
 * as the language's rules allow, and a page may break it between any two
 * lines. Pango 1.50 follows UAX #14 for where a line may break, which
 * holds the Japanese rules (kinsoku) the plan needs: no break before a
 * closing mark (。、」）, class CL/CP, rule LB13), a prolonged sound mark,
 * wave dash or small kana (ー〜, NS, and ぁっゃ…, CJ, which break.c takes as
 * NS: rule LB21), and none after an opening mark (「（, OP: LB14). Only
 * where no such break fits the width does PANGO_WRAP_WORD_CHAR break
 * between any two characters, as in a long number in a narrow cell.
 * Justified text spreads a line's spare width over its spaces, or between
 * its characters where it has none (pango-layout.c, justify_words), as a
 * Japanese line has none. Only U+0020 and U+00A0 count as such spaces
 * (break.c, is_expandable_space): the few ASCII spaces of a Japanese line
 * would take all its spare width, so justified text sets each as a space
 * that does not stretch, of the same width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <pango/pangocairo.h>
#include <string.h>

#include "kk-report-text.h"

#define BAR_WIDTH 3.0
#define BAR_GAP 5.0
#define RULE_GAP 3.0
#define RULE_WIDTH 1.0

/* THREE-PER-EM SPACE: as wide as the space of BIZ UDPMincho, the face of
 * running text. Fonts that lack it, as BIZ UD does, get it from HarfBuzz,
 * which sets their own space glyph one third of an em wide
 * (hb-ot-shape-fallback.cc), and Pango keeps the font of the text around
 * a space (itemize.c, consider_as_space). */
#define FIXED_SPACE "\u2004"

struct _KkReportText
{
  KkReportBlock parent_instance;

  KkReportFont font;
  char *text;
  PangoAlignment alignment;
  double indent;
  KkReportColor color;
  KkReportTextDecoration decoration;
  gboolean justify;

  PangoLayout *layout;
  PangoLayout *marker;
  double hang;
  double width;
};

G_DEFINE_FINAL_TYPE (KkReportText, kk_report_text, KK_TYPE_REPORT_BLOCK)

/* The marks a list item of the plan starts with: ・, ○, ■, ※, ⇒, ①, (1),
 * 1), 1., 注1: and 1 before a space or 【 (1 国が設置した…, 1【事業推進】),
 * with the spaces after them. */
static GRegex *
kk_report_text_get_list_marker (void)
{
  static GRegex *marker;

  if (g_once_init_enter (&marker))
    g_once_init_leave (&marker,
                               g_regex_new ("^(?:[・○●◎◇◆□■※⇒]|[①-⑳]|[(（][0-9０-９]+[)）]|"
                                            "[0-9０-９]+[)）.．]|[0-9０-９]+(?=[ 　【])|"
                                            "注[0-9０-９]+[:：])[ 　]*",
                                            G_REGEX_OPTIMIZE, 0, NULL));
  return marker;
}

/* How long the list marker that @self starts with is, its spaces
 * included, in bytes; 0 when @self is no list item. Only a text of one
 * paragraph set from the left is an item, and only one with text after
 * its marker. */
static int
kk_report_text_get_marker_length (KkReportText *self)
{
  g_autoptr(GMatchInfo) match = NULL;
  int end;

  if (self->alignment != PANGO_ALIGN_LEFT || strchr (self->text, '\n') != NULL ||
      !g_regex_match (kk_report_text_get_list_marker (), self->text, 0, &match))
    return 0;
  g_match_info_fetch_pos (match, 0, NULL, &end);
  return self->text[end] != '\0' ? end : 0;
}

/* @text with each ASCII space set as one that justification leaves as it
 * is. */
static char *
kk_report_text_dup_fixed_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text, " ", -1);

  return g_strjoinv (FIXED_SPACE, words);
}

/* A list item's marker stands apart in the hang of its text, which its
 * lines all start under, as the source sets them: the gap after the
 * marker is its spaces, the same on every line whatever the justification
 * does to the text. */
static void
kk_report_text_layout_marker (KkReportText *self,
                              PangoContext *context,
                              int           length)
{
  g_autofree char *marker = g_strndup (self->text, length);

  self->marker = kk_report_layout_new (context, self->font, marker, 0);
  self->hang = kk_report_layout_get_width (self->marker);
}

/* Where the text starts: after the indent, and after the bar. */
static double
kk_report_text_get_left (KkReportText *self)
{
  return self->indent + (self->decoration == KK_REPORT_TEXT_BAR ? BAR_WIDTH + BAR_GAP : 0);
}

/* Where the lines of the text proper start: after the marker, if any. */
static double
kk_report_text_get_text_left (KkReportText *self)
{
  return kk_report_text_get_left (self) + self->hang;
}

static void
kk_report_text_layout (KkReportBlock *block,
                       PangoContext  *context,
                       double         width,
                       double         max_height)
{
  KkReportText *self = KK_REPORT_TEXT (block);
  g_autoptr(GArray) ends = NULL;
  int marker_length = kk_report_text_get_marker_length (self);
  const char *text = self->text + marker_length;
  g_autofree char *fixed = self->justify ? kk_report_text_dup_fixed_spaces (text) : NULL;
  double height;

  g_clear_object (&self->layout);
  g_clear_object (&self->marker);
  self->hang = 0;
  self->width = width;
  if (marker_length > 0)
    kk_report_text_layout_marker (self, context, marker_length);
  self->layout = kk_report_layout_new (context, self->font, fixed != NULL ? fixed : text,
                                       MAX (width - kk_report_text_get_text_left (self), 1));
  pango_layout_set_alignment (self->layout, self->alignment);
  pango_layout_set_justify (self->layout, self->justify);
  height = kk_report_layout_get_height (self->layout);
  if (self->decoration == KK_REPORT_TEXT_UNDERLINE)
    height += RULE_GAP + RULE_WIDTH;
  kk_report_block_set_extent (block, height, 0);

  ends = kk_report_layout_get_line_ends (self->layout);
  for (guint i = 0; i + 1 < ends->len; i++)
    kk_report_block_add_break (block, g_array_index (ends, double, i), FALSE);
}

/* Only the lines of the part: the others belong to other pages. */
static void
kk_report_text_draw_lines (KkReportText *self,
                           cairo_t      *cr,
                           double        from,
                           double        to)
{
  PangoLayoutIter *iter = pango_layout_get_iter (self->layout);
  double left = kk_report_text_get_text_left (self);

  do
    {
      PangoRectangle logical;
      int top;
      int bottom;

      pango_layout_iter_get_line_yrange (iter, &top, &bottom);
      if ((double)top / PANGO_SCALE < from || (double)bottom / PANGO_SCALE > to)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, left + (double)logical.x / PANGO_SCALE,
                     (double)pango_layout_iter_get_baseline (iter) / PANGO_SCALE - from);
      pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* On the baseline of the text's first line. */
static void
kk_report_text_draw_marker (KkReportText *self,
                            cairo_t      *cr)
{
  double baseline = (double)pango_layout_get_baseline (self->layout) / PANGO_SCALE;
  double marker_baseline = (double)pango_layout_get_baseline (self->marker) / PANGO_SCALE;

  cairo_move_to (cr, kk_report_text_get_left (self), baseline - marker_baseline);
  pango_cairo_show_layout (cr, self->marker);
}

static void
kk_report_text_draw_bar (KkReportText *self,
                         cairo_t      *cr)
{
  g_autoptr(GArray) ends = kk_report_layout_get_line_ends (self->layout);
  double first_line = g_array_index (ends, double, 0);

  kk_report_set_source_color (cr, KK_REPORT_COLOR_ACCENT);
  cairo_rectangle (cr, self->indent, first_line * 0.15, BAR_WIDTH, first_line * 0.7);
  cairo_fill (cr);
}

static void
kk_report_text_draw_rule (KkReportText *self,
                          cairo_t      *cr,
                          double        y)
{
  kk_report_set_source_color (cr, KK_REPORT_COLOR_ACCENT);
  cairo_rectangle (cr, self->indent, y, self->width - self->indent, RULE_WIDTH);
  cairo_fill (cr);
}

static void
kk_report_text_draw (KkReportBlock *block,
                     cairo_t       *cr,
                     double         from,
                     double         to)
{
  KkReportText *self = KK_REPORT_TEXT (block);
  double text_height = kk_report_layout_get_height (self->layout);

  if (from == 0 && self->decoration == KK_REPORT_TEXT_BAR)
    kk_report_text_draw_bar (self, cr);
  if (to >= kk_report_block_get_height (block) && self->decoration == KK_REPORT_TEXT_UNDERLINE)
    kk_report_text_draw_rule (self, cr, text_height + RULE_GAP - from);
  kk_report_set_source_color (cr, self->color);
  if (from == 0 && self->marker != NULL)
    kk_report_text_draw_marker (self, cr);
  kk_report_text_draw_lines (self, cr, from, to);
}

static void
kk_report_text_finalize (GObject *object)
{
  KkReportText *self = (KkReportText *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_object (&self->layout);
  g_clear_object (&self->marker);

  G_OBJECT_CLASS (kk_report_text_parent_class)->finalize (object);
}

static void
kk_report_text_class_init (KkReportTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  KkReportBlockClass *block_class = KK_REPORT_BLOCK_CLASS (klass);

  object_class->finalize = kk_report_text_finalize;
  block_class->layout = kk_report_text_layout;
  block_class->draw = kk_report_text_draw;
}

static void
kk_report_text_init (KkReportText *self)
{
  self->alignment = PANGO_ALIGN_LEFT;
  self->color = KK_REPORT_COLOR_TEXT;
}

/**
 * kk_report_text_new:
 * @text: the text; a newline starts a paragraph
 *
 * Returns: (transfer full): a block of @text set in @font
 */
KkReportBlock *
kk_report_text_new (KkReportFont  font,
                    const char   *text)
{
  KkReportText *self;

  g_return_val_if_fail (font < KK_REPORT_N_FONTS, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (KK_TYPE_REPORT_TEXT, NULL);
  self->font = font;
  self->text = g_strdup (text);
  return KK_REPORT_BLOCK (self);
}

void
kk_report_text_set_alignment (KkReportText   *self,
                              PangoAlignment  alignment)
{
  g_return_if_fail (KK_IS_REPORT_TEXT (self));
  self->alignment = alignment;
}

/**
 * kk_report_text_set_indent:
 * @indent: the space left of the text, in points
 */
void
kk_report_text_set_indent (KkReportText *self,
                           double        indent)
{
  g_return_if_fail (KK_IS_REPORT_TEXT (self));
  g_return_if_fail (indent >= 0);
  self->indent = indent;
}

/**
 * kk_report_text_set_justify:
 * @justify: whether the lines of a paragraph, but its last, fill the width
 */
void
kk_report_text_set_justify (KkReportText *self,
                            gboolean      justify)
{
  g_return_if_fail (KK_IS_REPORT_TEXT (self));
  self->justify = !!justify;
}

void
kk_report_text_set_color (KkReportText  *self,
                          KkReportColor  color)
{
  g_return_if_fail (KK_IS_REPORT_TEXT (self));
  g_return_if_fail (color < KK_REPORT_N_COLORS);
  self->color = color;
}

void
kk_report_text_set_decoration (KkReportText           *self,
                               KkReportTextDecoration  decoration)
{
  g_return_if_fail (KK_IS_REPORT_TEXT (self));
  self->decoration = decoration;
}
