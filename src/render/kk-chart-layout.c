/* kk-chart-layout.c: where everything of a chart goes at one size
 *
 * A chart is laid out top to bottom: title, subtitle, legend, one row per
 * item (its label, its bar, its figure), the tick labels, the unit of the
 * axis and the note. Every text is measured with Pango before it is placed,
 * and placed so that it neither overlaps another nor leaves the chart: labels
 * are ellipsized, legends and notes wrap, ticks thin out, and rows too thin
 * to read lose their texts rather than crowd them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "kk-chart-layout.h"

/* Sizes in user units (CSS pixels at scale 1). */
#define MARGIN 16.0
#define TITLE_SIZE 18.0
#define CAPTION_SIZE 12.0
#define LABEL_SIZE 13.0
#define MIN_LABEL_SIZE 7.0
#define SMALL_SIZE 11.0
#define MESSAGE_SIZE 15.0
#define SWATCH 12.0
#define SWATCH_GAP 6.0
#define GAP 8.0
#define VALUE_GAP 6.0
#define TICK_GAP 6.0
#define ROW_PADDING 10.0
#define ROW_MIN_PADDING 2.0
#define MAX_ROW_GROWTH 1.6
#define BAR_FILL 0.64
#define LABEL_SHARE 0.38
#define BARS_SHARE 0.25
#define MIN_BARS_WIDTH 80.0
#define MAX_TICKS 11

/* Laying out one chart: @top is the next free y, and the axis maps onto
 * zone_left..zone_right, between the labels and the widest figures. */
typedef struct
{
  KkChartLayout *layout;
  KkChartData *data;
  PangoContext *context;
  PangoFontDescription *title_font;
  PangoFontDescription *caption_font;
  PangoFontDescription *small_font;
  PangoFontDescription *label_font;
  double top;
  double row_height;
  double rows_top;
  double rows_bottom;
  double zone_left;
  double zone_right;
  KkChartAxis axis;
} KkBuilder;

static PangoFontDescription *
kk_font_new (double   size,
             gboolean bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, KK_CHART_FONT_FAMILY);
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static void
kk_chart_text_clear (KkChartText *text)
{
  g_clear_object (&text->layout);
}

static double
kk_content_width (KkBuilder *b)
{
  return MAX (b->layout->width - 2 * MARGIN, 1);
}

static PangoLayout *
kk_builder_new_text (KkBuilder                  *b,
                     const PangoFontDescription *font,
                     const char                 *text)
{
  PangoLayout *layout = pango_layout_new (b->context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* One line, ellipsized at its end where it is wider than @width. */
static PangoLayout *
kk_builder_new_line (KkBuilder                  *b,
                     const PangoFontDescription *font,
                     const char                 *text,
                     double                      width,
                     PangoAlignment              alignment)
{
  PangoLayout *layout = kk_builder_new_text (b, font, text);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_width (layout, (int)(width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

/* A paragraph wrapped to @width, Japanese between any two characters. */
static PangoLayout *
kk_builder_new_paragraph (KkBuilder                  *b,
                          const PangoFontDescription *font,
                          const char                 *text,
                          PangoAlignment              alignment)
{
  PangoLayout *layout = kk_builder_new_text (b, font, text);

  pango_layout_set_width (layout, (int)(kk_content_width (b) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

static PangoRectangle
kk_logical_extents (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical;
}

static double
kk_text_width (PangoLayout *layout)
{
  return (double)kk_logical_extents (layout).width / PANGO_SCALE;
}

static double
kk_text_height (PangoLayout *layout)
{
  return (double)kk_logical_extents (layout).height / PANGO_SCALE;
}

/* Takes @layout and draws it with its origin at @x, @y; the text is valid
 * until the next is placed. */
static KkChartText *
kk_builder_place (KkBuilder    *b,
                  PangoLayout  *layout,
                  double        x,
                  double        y,
                  KkChartColor  color)
{
  PangoRectangle logical = kk_logical_extents (layout);
  KkChartText text = {
    .layout = layout,
    .x = x,
    .y = y,
    .extents = {
      x + (double)logical.x / PANGO_SCALE,
      y + (double)logical.y / PANGO_SCALE,
      (double)logical.width / PANGO_SCALE,
      (double)logical.height / PANGO_SCALE,
    },
    .color = color,
  };

  g_array_append_val (b->layout->texts, text);
  return &g_array_index (b->layout->texts, KkChartText, b->layout->texts->len - 1);
}

static void
kk_builder_add_line (KkBuilder    *b,
                     double        x0,
                     double        y0,
                     double        x1,
                     double        y1,
                     double        width,
                     KkChartColor  color,
                     gboolean      dashed,
                     gboolean      over_bars)
{
  KkChartLine line = { x0, y0, x1, y1, width, color, dashed, over_bars };

  g_array_append_val (b->layout->lines, line);
}

/* The title and subtitle wrap rather than lose their ends: a KPI's chart
 * is titled with its group and name, which may be longer than a line. */
static void
kk_builder_add_title (KkBuilder *b)
{
  PangoLayout *title = kk_builder_new_paragraph (b, b->title_font, b->data->title,
                                                 PANGO_ALIGN_LEFT);
  const KkChartText *text = kk_builder_place (b, title, MARGIN, b->top, KK_CHART_COLOR_TEXT);

  b->top += text->extents.height + 2;
  if (b->data->subtitle != NULL && *b->data->subtitle != '\0')
    {
      PangoLayout *subtitle = kk_builder_new_paragraph (b, b->caption_font, b->data->subtitle,
                                                        PANGO_ALIGN_LEFT);

      text = kk_builder_place (b, subtitle, MARGIN, b->top, KK_CHART_COLOR_TEXT_DIM);
      b->top += text->extents.height;
    }
  b->top += GAP + 2;
}

static void
kk_builder_add_swatch (KkBuilder                *b,
                       const KkChartLegendEntry *entry,
                       double                    x,
                       double                    y)
{
  KkChartBox swatch = { { x, y, SWATCH, SWATCH }, entry->color };

  if (entry->is_line)
    kk_builder_add_line (b, x, y + SWATCH / 2, x + SWATCH, y + SWATCH / 2, 1.5, entry->color,
                         TRUE, TRUE);
  else
    g_array_append_val (b->layout->swatches, swatch);
}

/* Entries flow left to right and wrap; one wider than the chart is ellipsized. */
static void
kk_builder_add_legend (KkBuilder *b)
{
  double right = b->layout->width - MARGIN;
  double x = MARGIN;
  double y = b->top;
  double line_height = 0;

  if (b->data->legend->len == 0)
    return;
  for (guint i = 0; i < b->data->legend->len; i++)
    {
      const KkChartLegendEntry *entry = g_ptr_array_index (b->data->legend, i);
      double max_width = MAX (kk_content_width (b) - SWATCH - SWATCH_GAP, 1);
      PangoLayout *label = kk_builder_new_line (b, b->caption_font, entry->label, max_width,
                                                PANGO_ALIGN_LEFT);
      double width = SWATCH + SWATCH_GAP + kk_text_width (label);
      double height = kk_text_height (label);

      if (x > MARGIN && x + width > right)
        {
          x = MARGIN;
          y += line_height + 4;
        }
      line_height = MAX (line_height, height);
      kk_builder_add_swatch (b, entry, x, y + (height - SWATCH) / 2);
      kk_builder_place (b, label, x + SWATCH + SWATCH_GAP, y, KK_CHART_COLOR_TEXT);
      x += width + 2 * GAP;
    }
  b->top = y + line_height + GAP + 4;
}

static double
kk_builder_measure (KkBuilder                  *b,
                    const PangoFontDescription *font,
                    const char                 *text)
{
  g_autoptr(PangoLayout) layout = kk_builder_new_text (b, font, text);

  return kk_text_height (layout);
}

/* The space under the rows: tick labels, the axis' unit and the note. */
static double
kk_builder_footer_height (KkBuilder *b,
                          double     note_height)
{
  double line = kk_builder_measure (b, b->small_font, "0");

  return TICK_GAP + line + 2 + line + (note_height > 0 ? GAP + note_height : 0);
}

static PangoLayout *
kk_builder_new_note (KkBuilder *b)
{
  if (b->data->note == NULL)
    return NULL;
  return kk_builder_new_paragraph (b, b->small_font, b->data->note, PANGO_ALIGN_LEFT);
}

static void
kk_builder_add_note (KkBuilder   *b,
                     PangoLayout *note,
                     double       y)
{
  if (note != NULL)
    kk_builder_place (b, note, MARGIN, y, KK_CHART_COLOR_TEXT_DIM);
}

static void
kk_builder_add_empty_message (KkBuilder *b,
                              int        height)
{
  g_autoptr(PangoFontDescription) font = kk_font_new (MESSAGE_SIZE, FALSE);
  PangoLayout *message = kk_builder_new_paragraph (b, font, b->data->empty_message,
                                                   PANGO_ALIGN_CENTER);
  PangoLayout *note = kk_builder_new_note (b);
  double note_height = note ? kk_text_height (note) + GAP : 0;
  double message_height = kk_text_height (message);
  double space = 4 * message_height;

  if (height > 0)
    space = MAX (height - MARGIN - note_height - b->top, message_height);
  else
    b->layout->height = (int)ceil (b->top + space + note_height + MARGIN);
  kk_builder_place (b, message, MARGIN, b->top + (space - message_height) / 2,
                    KK_CHART_COLOR_TEXT_DIM);
  kk_builder_add_note (b, note, b->top + space + GAP);
}

static KkChartItem *
kk_builder_get_item (KkBuilder *b,
                     guint      index)
{
  return g_ptr_array_index (b->data->items, index);
}

/* Rows are as tall as a label and some air need, and grow a little when
 * there is room. When there is too little, the air goes first, then the
 * labels shrink, and at last disappear rather than overlap. */
static gboolean
kk_builder_size_rows (KkBuilder *b,
                      int        height,
                      double     footer)
{
  guint n = b->data->items->len;
  double line = kk_builder_measure (b, b->label_font, "【0】事業");
  double natural = line + ROW_PADDING;
  double rows_height = MAX (height - MARGIN - footer - b->top, 0);
  double label_size = LABEL_SIZE;

  b->row_height = height <= 0 ? natural : MIN (rows_height / n, natural * MAX_ROW_GROWTH);
  if (b->row_height < line + ROW_MIN_PADDING)
    label_size = LABEL_SIZE * (b->row_height - ROW_MIN_PADDING) / line;
  if (label_size < MIN_LABEL_SIZE)
    return FALSE;
  pango_font_description_set_absolute_size (b->label_font, label_size * PANGO_SCALE);
  return TRUE;
}

static double
kk_builder_x (KkBuilder *b,
              double     value)
{
  double fraction = kk_chart_axis_get_fraction (&b->axis, value);

  return b->zone_left + fraction * (b->zone_right - b->zone_left);
}

static void
kk_clear_tick (gpointer tick)
{
  g_clear_object (&tick);
}

/* Tick labels centred on their ticks, kept inside the chart, and apart.
 * Where even the fewest ticks crowd, a label that would touch the one
 * before it is left out (%NULL): its grid line still shows. */
static GPtrArray *
kk_builder_try_ticks (KkBuilder *b,
                      gboolean   must_fit)
{
  g_autoptr(GPtrArray) ticks = g_ptr_array_new_with_free_func (kk_clear_tick);
  double previous_right = -G_MAXDOUBLE;

  for (guint i = 0; i < b->axis.n_ticks; i++)
    {
      g_autofree char *text = kk_chart_axis_dup_tick_label (&b->axis, i);
      PangoLayout *tick = kk_builder_new_text (b, b->small_font, text);
      double width = kk_text_width (tick);
      double x = kk_builder_x (b, kk_chart_axis_get_tick (&b->axis, i)) - width / 2;

      x = CLAMP (x, MARGIN, b->layout->width - MARGIN - width);
      if (x < previous_right + GAP)
        {
          g_object_unref (tick);
          if (!must_fit)
            return NULL;
          g_ptr_array_add (ticks, NULL);
          continue;
        }
      g_ptr_array_add (ticks, tick);
      previous_right = x + width;
    }
  return g_steal_pointer (&ticks);
}

/* The "others" bar of a large plan can add up to many times the largest
 * program; the axis fits the programs, and that bar is drawn broken. */
static void
kk_builder_value_range (KkBuilder *b,
                        double    *low,
                        double    *high)
{
  *low = 0;
  *high = b->data->has_reference ? 1 : 0;
  for (guint i = 0; i < b->data->items->len; i++)
    {
      const KkChartItem *item = kk_builder_get_item (b, i);

      if (item->is_others)
        continue;
      *low = MIN (*low, item->value);
      *high = MAX (*high, item->value);
    }
}

/* As many ticks on round numbers as fit without their labels touching. */
static GPtrArray *
kk_builder_choose_ticks (KkBuilder *b)
{
  double low;
  double high;
  guint failed = 0;

  kk_builder_value_range (b, &low, &high);
  for (guint max_ticks = MAX_TICKS; ; max_ticks--)
    {
      GPtrArray *ticks;

      kk_chart_axis_init (&b->axis, b->data->scale, low, high, b->data->min_step, max_ticks);
      if (b->axis.n_ticks == failed && max_ticks > 3)
        continue;
      ticks = kk_builder_try_ticks (b, max_ticks == 3);
      if (ticks != NULL)
        return ticks;
      failed = b->axis.n_ticks;
    }
}

static void
kk_builder_add_ticks (KkBuilder *b,
                      GPtrArray *ticks)
{
  for (guint i = 0; i < ticks->len; i++)
    {
      PangoLayout *tick = g_ptr_array_index (ticks, i);
      double value = kk_chart_axis_get_tick (&b->axis, i);
      double x = kk_builder_x (b, value);
      double grid_x = floor (x) + 0.5;
      double width;

      kk_builder_add_line (b, grid_x, b->rows_top, grid_x, b->rows_bottom, 1,
                           value == 0 ? KK_CHART_COLOR_AXIS : KK_CHART_COLOR_GRID, FALSE,
                           value == 0);
      if (tick == NULL)
        continue;
      width = kk_text_width (tick);
      x = CLAMP (x - width / 2, MARGIN, b->layout->width - MARGIN - width);
      kk_builder_place (b, g_object_ref (tick), x, b->rows_bottom + TICK_GAP,
                        KK_CHART_COLOR_TEXT_DIM);
    }
}

static GPtrArray *
kk_builder_new_row_texts (KkBuilder *b,
                          gboolean   values)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < b->data->items->len; i++)
    {
      KkChartItem *item = kk_builder_get_item (b, i);

      g_ptr_array_add (texts, kk_builder_new_text (b, b->label_font,
                                                   values ? item->value_label : item->label));
    }
  return texts;
}

static double
kk_max_width (GPtrArray *texts)
{
  double width = 0;

  for (guint i = 0; texts && i < texts->len; i++)
    width = MAX (width, kk_text_width (g_ptr_array_index (texts, i)));
  return width;
}

/* The widest figure on each side of zero, so that the bars leave room. */
static void
kk_builder_value_widths (KkBuilder *b,
                         GPtrArray *values,
                         double    *negative,
                         double    *positive)
{
  *negative = 0;
  *positive = 0;
  for (guint i = 0; i < values->len; i++)
    {
      double width = kk_text_width (g_ptr_array_index (values, i)) + VALUE_GAP;

      if (kk_builder_get_item (b, i)->value < 0)
        *negative = MAX (*negative, width);
      else
        *positive = MAX (*positive, width);
    }
}

/* Splits the width between labels, bars and figures; returns the width of
 * the label column. Labels are whole where the bars keep a quarter of the
 * width and their figures, and get no less than LABEL_SHARE otherwise,
 * ellipsized. Figures that would squeeze the bars too much are dropped: the
 * tooltips and the table still give them. */
static double
kk_builder_split_width (KkBuilder  *b,
                        GPtrArray  *labels,
                        GPtrArray **values)
{
  double left = MARGIN;
  double right = b->layout->width - MARGIN;
  double negative = 0;
  double positive = 0;
  double spare;
  double label_width;
  double bars_left;

  if (*values != NULL)
    kk_builder_value_widths (b, *values, &negative, &positive);
  spare = right - left - GAP - negative - positive - MAX (MIN_BARS_WIDTH, BARS_SHARE * (right - left));
  label_width = MIN (kk_max_width (labels), MAX (spare, LABEL_SHARE * (right - left)));
  bars_left = labels ? left + label_width + GAP : left;
  b->zone_left = bars_left + negative;
  b->zone_right = right - positive;
  if (b->zone_right - b->zone_left < MAX (40, 0.3 * (right - bars_left)))
    {
      g_clear_pointer (values, g_ptr_array_unref);
      b->zone_left = bars_left;
      b->zone_right = MAX (right, bars_left + 1);
    }
  return label_width;
}

/* Two slanted cuts near the end of a bar longer than the axis. */
static void
kk_builder_add_break (KkBuilder               *b,
                      const cairo_rectangle_t *bar,
                      gboolean                 at_right)
{
  double slant = bar->height / 3;

  for (int cut = 1; cut <= 2; cut++)
    {
      double x = at_right ? bar->x + bar->width - 6 * cut : bar->x + 6 * cut;

      kk_builder_add_line (b, x - slant, bar->y + bar->height + 1, x + slant, bar->y - 1, 2,
                           KK_CHART_COLOR_BACKGROUND, FALSE, TRUE);
    }
}

/* Right-aligned against the bars, ellipsized to the label column. */
static void
kk_builder_add_row_label (KkBuilder   *b,
                          PangoLayout *label,
                          double       width,
                          double       middle)
{
  pango_layout_set_width (label, (int)(width * PANGO_SCALE));
  pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (label, PANGO_ALIGN_RIGHT);
  pango_layout_set_single_paragraph_mode (label, TRUE);
  kk_builder_place (b, g_object_ref (label), MARGIN, middle - kk_text_height (label) / 2,
                    KK_CHART_COLOR_TEXT);
}

/* Beyond the end of the bar, on whichever side of zero it grows. */
static void
kk_builder_add_row_value (KkBuilder   *b,
                          PangoLayout *value,
                          double       bar_end,
                          gboolean     negative,
                          double       middle)
{
  double width = kk_text_width (value);
  double x = negative ? bar_end - VALUE_GAP - width : bar_end + VALUE_GAP;
  KkChartText *text = kk_builder_place (b, g_object_ref (value), x,
                                        middle - kk_text_height (value) / 2, KK_CHART_COLOR_TEXT);

  text->halo = TRUE;
}

static void
kk_builder_add_row (KkBuilder   *b,
                    guint        index,
                    PangoLayout *label,
                    PangoLayout *value,
                    double       label_width)
{
  KkChartItem *item = kk_builder_get_item (b, index);
  double top = b->rows_top + index * b->row_height;
  double middle = top + b->row_height / 2;
  double bar_height = MAX (round (b->row_height * BAR_FILL), MIN (b->row_height, 1));
  double x0 = kk_builder_x (b, 0);
  double x1 = CLAMP (kk_builder_x (b, item->value), b->zone_left, b->zone_right);
  cairo_rectangle_t row = { MARGIN, top, b->layout->width - 2 * MARGIN, b->row_height };
  KkChartBox bar = {
    { MIN (x0, x1), round (middle - bar_height / 2), fabs (x1 - x0), bar_height },
    item->color,
  };

  g_array_append_val (b->layout->rows, row);
  g_array_append_val (b->layout->bars, bar);
  if (x1 != kk_builder_x (b, item->value))
    kk_builder_add_break (b, &bar.rect, x1 > x0);
  if (label != NULL)
    kk_builder_add_row_label (b, label, label_width, middle);
  if (value != NULL)
    kk_builder_add_row_value (b, value, x1, item->value < 0, middle);
}

/* The dashed line at 100 % of the achievement chart. */
static void
kk_builder_add_reference (KkBuilder *b)
{
  double x = floor (kk_builder_x (b, 1)) + 0.5;

  kk_builder_add_line (b, x, b->rows_top - 2, x, b->rows_bottom + 2, 1.5, KK_CHART_COLOR_TEXT,
                       TRUE, TRUE);
}

static double
kk_builder_add_axis_title (KkBuilder *b,
                           double     y)
{
  g_autofree char *title = kk_chart_axis_dup_title (&b->axis, b->data->unit,
                                                          b->data->printed);
  PangoLayout *layout;

  if (title == NULL)
    return y;
  layout = kk_builder_new_line (b, b->small_font, title, kk_content_width (b), PANGO_ALIGN_RIGHT);
  return y + kk_builder_place (b, layout, MARGIN, y, KK_CHART_COLOR_TEXT_DIM)->extents.height;
}

static void
kk_builder_add_rows (KkBuilder *b,
                     int        height)
{
  PangoLayout *note = kk_builder_new_note (b);
  double note_height = note ? kk_text_height (note) : 0;
  double footer = kk_builder_footer_height (b, note_height);
  gboolean with_texts = kk_builder_size_rows (b, height, footer);
  g_autoptr(GPtrArray) labels = with_texts ? kk_builder_new_row_texts (b, FALSE) : NULL;
  g_autoptr(GPtrArray) values = with_texts ? kk_builder_new_row_texts (b, TRUE) : NULL;
  double label_width = kk_builder_split_width (b, labels, &values);
  g_autoptr(GPtrArray) ticks = NULL;
  double y;

  b->rows_top = b->top;
  b->rows_bottom = b->top + b->data->items->len * b->row_height;
  ticks = kk_builder_choose_ticks (b);
  kk_builder_add_ticks (b, ticks);
  for (guint i = 0; i < b->data->items->len; i++)
    kk_builder_add_row (b, i, labels ? g_ptr_array_index (labels, i) : NULL,
                        values ? g_ptr_array_index (values, i) : NULL, label_width);
  if (b->data->has_reference)
    kk_builder_add_reference (b);

  y = b->rows_bottom + TICK_GAP + kk_text_height (g_ptr_array_index (ticks, 0)) + 2;
  y = kk_builder_add_axis_title (b, y);
  kk_builder_add_note (b, note, y + GAP);
  if (height <= 0)
    b->layout->height = (int)ceil (y + (note ? GAP + note_height : 0) + MARGIN);
}

/**
 * kk_chart_layout_new:
 * @context: measures the texts; its font options decide the metrics
 * @height: the height, or 0 for the height the chart needs at @width
 *
 * Returns: (transfer full): where everything of the chart goes
 */
KkChartLayout *
kk_chart_layout_new (KkChartData  *data,
                     PangoContext *context,
                     int           width,
                     int           height)
{
  KkChartLayout *layout = g_new0 (KkChartLayout, 1);
  KkBuilder b = { layout, data, context };

  layout->width = width;
  layout->height = height;
  layout->texts = g_array_new (FALSE, TRUE, sizeof (KkChartText));
  g_array_set_clear_func (layout->texts, (GDestroyNotify)kk_chart_text_clear);
  layout->swatches = g_array_new (FALSE, TRUE, sizeof (KkChartBox));
  layout->lines = g_array_new (FALSE, TRUE, sizeof (KkChartLine));
  layout->bars = g_array_new (FALSE, TRUE, sizeof (KkChartBox));
  layout->rows = g_array_new (FALSE, TRUE, sizeof (cairo_rectangle_t));

  b.title_font = kk_font_new (TITLE_SIZE, TRUE);
  b.caption_font = kk_font_new (CAPTION_SIZE, FALSE);
  b.small_font = kk_font_new (SMALL_SIZE, FALSE);
  b.label_font = kk_font_new (LABEL_SIZE, FALSE);
  b.top = MARGIN;

  kk_builder_add_title (&b);
  kk_builder_add_legend (&b);
  if (data->items->len == 0)
    kk_builder_add_empty_message (&b, height);
  else
    kk_builder_add_rows (&b, height);

  pango_font_description_free (b.title_font);
  pango_font_description_free (b.caption_font);
  pango_font_description_free (b.small_font);
  pango_font_description_free (b.label_font);
  return layout;
}

void
kk_chart_layout_free (KkChartLayout *self)
{
  g_array_unref (self->texts);
  g_array_unref (self->swatches);
  g_array_unref (self->lines);
  g_array_unref (self->bars);
  g_array_unref (self->rows);
  g_free (self);
}

/* One fill per colour: thousands of bars cost little more than a few. */
static void
kk_draw_boxes (cairo_t  *cr,
               GArray   *boxes,
               gboolean  dark)
{
  for (KkChartColor color = 0; color < KK_CHART_N_COLORS; color++)
    {
      for (guint i = 0; i < boxes->len; i++)
        {
          const KkChartBox *box = &g_array_index (boxes, KkChartBox, i);

          if (box->color == color)
            cairo_rectangle (cr, box->rect.x, box->rect.y, box->rect.width, box->rect.height);
        }
      kk_chart_set_source_color (cr, color, dark);
      cairo_fill (cr);
    }
}

static void
kk_draw_lines (cairo_t       *cr,
               const GArray  *lines,
               gboolean       over_bars,
               gboolean       dark)
{
  static const double dashes[] = { 4, 3 };

  for (guint i = 0; i < lines->len; i++)
    {
      const KkChartLine *line = &g_array_index (lines, KkChartLine, i);

      if (line->over_bars != over_bars)
        continue;
      kk_chart_set_source_color (cr, line->color, dark);
      cairo_set_line_width (cr, line->width);
      cairo_set_dash (cr, dashes, line->dashed ? G_N_ELEMENTS (dashes) : 0, 0);
      cairo_move_to (cr, line->x0, line->y0);
      cairo_line_to (cr, line->x1, line->y1);
      cairo_stroke (cr);
    }
}

static void
kk_draw_halos (cairo_t      *cr,
               const GArray *texts,
               gboolean      dark)
{
  kk_chart_set_source_color (cr, KK_CHART_COLOR_BACKGROUND, dark);
  for (guint i = 0; i < texts->len; i++)
    {
      const KkChartText *text = &g_array_index (texts, KkChartText, i);

      if (text->halo)
        cairo_rectangle (cr, text->extents.x - 2, text->extents.y, text->extents.width + 4,
                         text->extents.height);
    }
  cairo_fill (cr);
}

/**
 * kk_chart_layout_draw:
 *
 * Draws the chart, background included, in the user space of @cr: any
 * device scale, any surface.
 */
void
kk_chart_layout_draw (const KkChartLayout *self,
                      cairo_t             *cr,
                      gboolean             dark)
{
  cairo_save (cr);
  kk_chart_set_source_color (cr, KK_CHART_COLOR_BACKGROUND, dark);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  kk_draw_lines (cr, self->lines, FALSE, dark);
  kk_draw_boxes (cr, self->bars, dark);
  kk_draw_boxes (cr, self->swatches, dark);
  kk_draw_lines (cr, self->lines, TRUE, dark);
  kk_draw_halos (cr, self->texts, dark);
  for (guint i = 0; i < self->texts->len; i++)
    {
      const KkChartText *text = &g_array_index (self->texts, KkChartText, i);

      kk_chart_set_source_color (cr, text->color, dark);
      cairo_move_to (cr, text->x, text->y);
      pango_cairo_show_layout (cr, text->layout);
    }
  cairo_restore (cr);
}

/**
 * kk_chart_layout_hit_test:
 *
 * A row counts across the whole chart, label and figure included, so that
 * a short bar is as easy to point at as a long one.
 *
 * Returns: the item under @x, @y, or -1
 */
int
kk_chart_layout_hit_test (const KkChartLayout *self,
                          double               x,
                          double               y)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      const cairo_rectangle_t *row = &g_array_index (self->rows, cairo_rectangle_t, i);

      if (x >= row->x && x < row->x + row->width && y >= row->y && y < row->y + row->height)
        return (int)i;
    }
  return -1;
}
