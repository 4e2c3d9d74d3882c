/* kk-chart.c: a chart of the plan, drawn on any cairo_t
 *
 * A KkChart follows a list of programs (the plan's, or a window's filtered
 * list) and every edit of the plan, and says so with ::changed. What it shows
 * is worked out lazily: the figures once per change, the layout once per
 * change or size, so that a redraw only paints. The same drawing serves the
 * screen, the exports and the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "kk-chart-data.h"
#include "kk-chart-layout.h"
#include "kk-chart-private.h"
#include "kk-chart.h"
#include "kk-core-private.h"

#define KK_DEFAULT_MAX_BARS 30

struct _KkChart
{
  GObject parent_instance;
  KkPlan *plan;
  GListModel *programs;
  KkChartKind kind;
  KkKpi *kpi;
  gboolean dark;
  guint max_bars;
  char *subject;
  gboolean printed;

  GListModel *watched_programs;
  gulong items_changed_id;
  KkHistory *watched_history;
  gulong history_changed_id;

  PangoContext *pango_context;
  KkChartData *data;
  KkChartLayout *layout;
  gboolean layout_is_natural;
};

G_DEFINE_FINAL_TYPE (KkChart, kk_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_PROGRAMS,
  PROP_KIND,
  PROP_KPI,
  PROP_DARK,
  PROP_MAX_BARS,
  PROP_SUBJECT,
  PROP_PRINTED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static PangoContext *
kk_pango_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics make a text as wide at every device scale and on every
   * surface, so that the screen, PNG, SVG and PDF lay out alike. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* Japanese glyph forms for the kanji that Chinese writes differently. */
  pango_context_set_language (context, pango_language_from_string ("ja"));
  cairo_font_options_destroy (options);
  return context;
}

static void
kk_chart_forget_layout (KkChart *self)
{
  g_clear_pointer (&self->layout, kk_chart_layout_free);
}

/* The figures are stale: work them out again when next asked. */
static void
kk_chart_invalidate (KkChart *self)
{
  kk_chart_forget_layout (self);
  g_clear_pointer (&self->data, kk_chart_data_free);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
kk_chart_items_changed_cb (KkChart    *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *programs)
{
  kk_chart_invalidate (self);
}

/* Every edit, undo and redo of the plan passes the history: one signal
 * covers budgets, names, pillars and KPI figures alike. */
static void
kk_chart_history_changed_cb (KkChart    *self,
                             GObject    *object,
                             GParamSpec *pspec,
                             KkHistory  *history)
{
  kk_chart_invalidate (self);
}

static GListModel *
kk_chart_get_shown_programs (KkChart *self)
{
  if (self->programs != NULL)
    return self->programs;
  return self->plan ? kk_plan_get_programs (self->plan) : NULL;
}

static void
kk_chart_unwatch (KkChart *self)
{
  if (self->watched_programs != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->watched_programs);
  if (self->watched_history != NULL)
    g_clear_signal_handler (&self->history_changed_id, self->watched_history);
  g_clear_object (&self->watched_programs);
  g_clear_object (&self->watched_history);
}

static void
kk_chart_watch (KkChart *self)
{
  GListModel *programs = kk_chart_get_shown_programs (self);

  kk_chart_unwatch (self);
  if (programs != NULL)
    {
      self->watched_programs = g_object_ref (programs);
      self->items_changed_id =
        g_signal_connect_object (programs, "items-changed",
                                 G_CALLBACK (kk_chart_items_changed_cb), self, G_CONNECT_SWAPPED);
    }
  if (self->plan != NULL)
    {
      self->watched_history = g_object_ref (kk_plan_get_history (self->plan));
      self->history_changed_id =
        g_signal_connect_object (self->watched_history, "changed",
                                 G_CALLBACK (kk_chart_history_changed_cb), self, G_CONNECT_SWAPPED);
    }
}

/**
 * kk_chart_get_data:
 *
 * Returns: (transfer none): what the chart shows, worked out once per change
 */
KkChartData *
kk_chart_get_data (KkChart *self)
{
  if (self->data == NULL)
    self->data = kk_chart_data_new (self->plan, kk_chart_get_shown_programs (self), self->kind,
                                    self->kpi, self->max_bars, self->subject, self->printed);
  return self->data;
}

/**
 * kk_chart_get_layout:
 * @height: the height, or 0 for the height the chart needs
 *
 * Returns: (transfer none): where everything goes at that size; valid until
 * the chart changes or is laid out at another size
 */
KkChartLayout *
kk_chart_get_layout (KkChart *self,
                     int      width,
                     int      height)
{
  gboolean natural = height <= 0;

  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  g_return_val_if_fail (width > 0, NULL);

  /* A layout at its natural height serves a draw at that height too, as an
   * export of unspecified size asks for both. */
  if (self->layout != NULL && self->layout->width == width
      && (natural ? self->layout_is_natural : self->layout->height == height))
    return self->layout;
  kk_chart_forget_layout (self);
  if (self->pango_context == NULL)
    self->pango_context = kk_pango_context_new ();
  self->layout = kk_chart_layout_new (kk_chart_get_data (self), self->pango_context, width, height);
  self->layout_is_natural = natural;
  return self->layout;
}

static KkChartItem *
kk_chart_get_item (KkChart *self,
                   guint    position)
{
  KkChartData *data = kk_chart_get_data (self);

  g_return_val_if_fail (position < data->items->len, NULL);
  return g_ptr_array_index (data->items, position);
}

static void
kk_chart_dispose (GObject *object)
{
  KkChart *self = (KkChart *)object;

  kk_chart_unwatch (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->programs);
  g_clear_object (&self->kpi);
  g_clear_object (&self->pango_context);

  G_OBJECT_CLASS (kk_chart_parent_class)->dispose (object);
}

static void
kk_chart_finalize (GObject *object)
{
  KkChart *self = (KkChart *)object;

  g_clear_pointer (&self->layout, kk_chart_layout_free);
  g_clear_pointer (&self->data, kk_chart_data_free);
  g_clear_pointer (&self->subject, g_free);

  G_OBJECT_CLASS (kk_chart_parent_class)->finalize (object);
}

static void
kk_chart_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KkChart *self = KK_CHART (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_PROGRAMS:
      g_value_set_object (value, self->programs);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_KPI:
      g_value_set_object (value, self->kpi);
      break;
    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;
    case PROP_MAX_BARS:
      g_value_set_uint (value, self->max_bars);
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_PRINTED:
      g_value_set_boolean (value, self->printed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_chart_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  KkChart *self = KK_CHART (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kk_chart_set_plan (self, g_value_get_object (value));
      break;
    case PROP_PROGRAMS:
      kk_chart_set_programs (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      kk_chart_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_KPI:
      kk_chart_set_kpi (self, g_value_get_object (value));
      break;
    case PROP_DARK:
      kk_chart_set_dark (self, g_value_get_boolean (value));
      break;
    case PROP_MAX_BARS:
      kk_chart_set_max_bars (self, g_value_get_uint (value));
      break;
    case PROP_SUBJECT:
      kk_chart_set_subject (self, g_value_get_string (value));
      break;
    case PROP_PRINTED:
      kk_chart_set_printed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_chart_class_init (KkChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kk_chart_dispose;
  object_class->finalize = kk_chart_finalize;
  object_class->get_property = kk_chart_get_property;
  object_class->set_property = kk_chart_set_property;

  /**
   * KkChart:plan:
   *
   * The plan charted; without one the chart shows its empty state.
   */
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN, flags);

  /**
   * KkChart:programs:
   *
   * The #KkProgram to chart, such as a window's filtered list; %NULL for
   * all programs of the plan.
   */
  properties[PROP_PROGRAMS] =
    g_param_spec_object ("programs", NULL, NULL, G_TYPE_LIST_MODEL, flags);

  /**
   * KkChart:kind:
   *
   * What the chart shows.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KK_TYPE_CHART_KIND, KK_CHART_KIND_PROGRAMS, flags);

  /**
   * KkChart:kpi:
   *
   * The KPI whose figures a %KK_CHART_KIND_KPI chart shows.
   */
  properties[PROP_KPI] = g_param_spec_object ("kpi", NULL, NULL, KK_TYPE_KPI, flags);

  /**
   * KkChart:dark:
   *
   * Whether to draw in the colours of the dark style.
   */
  properties[PROP_DARK] = g_param_spec_boolean ("dark", NULL, NULL, FALSE, flags);

  /**
   * KkChart:max-bars:
   *
   * How many programs the programs and change charts show with a bar of
   * their own; the rest share one "others" bar. 0 shows every program.
   */
  properties[PROP_MAX_BARS] =
    g_param_spec_uint ("max-bars", NULL, NULL, 0, G_MAXUINT, KK_DEFAULT_MAX_BARS, flags);

  /**
   * KkChart:subject:
   *
   * Whose programs the chart shows, such as a division's name, which heads
   * its title; %NULL when they are simply the plan's.
   */
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, flags);

  /**
   * KkChart:printed:
   *
   * Whether the chart is part of a printed document: its words are then the
   * plan's (Japanese) whatever the interface language, as a report's are.
   */
  properties[PROP_PRINTED] = g_param_spec_boolean ("printed", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KkChart::changed:
   *
   * Emitted when what the chart draws changed: the plan was edited, the
   * programs shown changed, or a property was set. Redraw, and read the
   * items again; positions of earlier items no longer hold.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kk_chart_init (KkChart *self)
{
  self->max_bars = KK_DEFAULT_MAX_BARS;
}

/**
 * kk_chart_new:
 * @plan: (nullable): the plan to chart
 *
 * Returns: (transfer full): a chart of all programs of @plan
 */
KkChart *
kk_chart_new (KkPlan      *plan,
              KkChartKind  kind)
{
  g_return_val_if_fail (plan == NULL || KK_IS_PLAN (plan), NULL);

  return g_object_new (KK_TYPE_CHART, "plan", plan, "kind", kind, NULL);
}

KkPlan *
kk_chart_get_plan (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  return self->plan;
}

void
kk_chart_set_plan (KkChart *self,
                   KkPlan  *plan)
{
  g_return_if_fail (KK_IS_CHART (self));
  g_return_if_fail (plan == NULL || KK_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  kk_chart_watch (self);
  kk_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

GListModel *
kk_chart_get_programs (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  return self->programs;
}

void
kk_chart_set_programs (KkChart    *self,
                       GListModel *programs)
{
  g_return_if_fail (KK_IS_CHART (self));
  g_return_if_fail (programs == NULL || G_IS_LIST_MODEL (programs));
  /* GtkFilterListModel in GTK 4.8 says its items are GObjects. */
  g_return_if_fail (programs == NULL || g_type_is_a (KK_TYPE_PROGRAM, g_list_model_get_item_type (programs)));

  if (!g_set_object (&self->programs, programs))
    return;
  kk_chart_watch (self);
  kk_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMS]);
}

KkChartKind
kk_chart_get_kind (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), KK_CHART_KIND_PROGRAMS);
  return self->kind;
}

void
kk_chart_set_kind (KkChart     *self,
                   KkChartKind  kind)
{
  g_return_if_fail (KK_IS_CHART (self));
  g_return_if_fail (kind <= KK_CHART_KIND_KPI);

  if (self->kind == kind)
    return;
  self->kind = kind;
  kk_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

KkKpi *
kk_chart_get_kpi (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  return self->kpi;
}

void
kk_chart_set_kpi (KkChart *self,
                  KkKpi   *kpi)
{
  g_return_if_fail (KK_IS_CHART (self));
  g_return_if_fail (kpi == NULL || KK_IS_KPI (kpi));

  if (!g_set_object (&self->kpi, kpi))
    return;
  kk_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KPI]);
}

gboolean
kk_chart_get_dark (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), FALSE);
  return self->dark;
}

/* Only the colours change: the figures and the layout stay. */
void
kk_chart_set_dark (KkChart  *self,
                   gboolean  dark)
{
  g_return_if_fail (KK_IS_CHART (self));

  dark = !!dark;
  if (self->dark == dark)
    return;
  self->dark = dark;
  g_signal_emit (self, signals[CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

guint
kk_chart_get_max_bars (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), 0);
  return self->max_bars;
}

void
kk_chart_set_max_bars (KkChart *self,
                       guint    max_bars)
{
  g_return_if_fail (KK_IS_CHART (self));

  if (self->max_bars == max_bars)
    return;
  self->max_bars = max_bars;
  kk_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BARS]);
}

const char *
kk_chart_get_subject (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  return self->subject;
}

void
kk_chart_set_subject (KkChart    *self,
                      const char *subject)
{
  g_return_if_fail (KK_IS_CHART (self));

  if (g_strcmp0 (self->subject, subject) == 0)
    return;
  g_free (self->subject);
  self->subject = g_strdup (subject);
  kk_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBJECT]);
}

gboolean
kk_chart_get_printed (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), FALSE);
  return self->printed;
}

void
kk_chart_set_printed (KkChart  *self,
                      gboolean  printed)
{
  g_return_if_fail (KK_IS_CHART (self));

  printed = !!printed;
  if (self->printed == printed)
    return;
  self->printed = printed;
  kk_chart_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINTED]);
}

/**
 * kk_chart_dup_title:
 *
 * Returns: (transfer full): the title drawn at the top, e.g. for the name
 * of an exported file or an accessible label
 */
char *
kk_chart_dup_title (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  return g_strdup (kk_chart_get_data (self)->title);
}

/**
 * kk_chart_get_natural_height:
 *
 * Returns: the height at which every row gets a readable label at @width,
 * for a scrolled view or an export of unspecified size
 */
int
kk_chart_get_natural_height (KkChart *self,
                             int      width)
{
  g_return_val_if_fail (KK_IS_CHART (self), 0);
  g_return_val_if_fail (width > 0, 0);

  return kk_chart_get_layout (self, width, 0)->height;
}

/**
 * kk_chart_draw:
 * @cr: where to draw, in its user space from 0, 0; any surface and scale
 * @width: the width in user units
 * @height: the height in user units
 *
 * Draws the chart, background included.
 */
void
kk_chart_draw (KkChart *self,
               cairo_t *cr,
               int      width,
               int      height)
{
  g_return_if_fail (KK_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);

  kk_chart_layout_draw (kk_chart_get_layout (self, width, height), cr, self->dark);
}

/**
 * kk_chart_hit_test:
 * @width: the size the chart is drawn at
 * @x: a point in the chart's user units
 *
 * Each item owns its row across the chart, label and figure included.
 *
 * Returns: the position of the item at @x, @y, or -1
 */
int
kk_chart_hit_test (KkChart *self,
                   int      width,
                   int      height,
                   double   x,
                   double   y)
{
  g_return_val_if_fail (KK_IS_CHART (self), -1);
  g_return_val_if_fail (width > 0 && height > 0, -1);

  return kk_chart_layout_hit_test (kk_chart_get_layout (self, width, height), x, y);
}

/**
 * kk_chart_get_item_rect:
 * @rect: (out): the bar of the item; its width is 0 for a value of 0
 *
 * Returns: %FALSE when the item has no bar: the chart shows its empty state
 */
gboolean
kk_chart_get_item_rect (KkChart           *self,
                        int                width,
                        int                height,
                        guint              position,
                        cairo_rectangle_t *rect)
{
  KkChartLayout *layout;

  g_return_val_if_fail (KK_IS_CHART (self), FALSE);
  g_return_val_if_fail (width > 0 && height > 0, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  layout = kk_chart_get_layout (self, width, height);
  if (position >= layout->bars->len)
    return FALSE;
  *rect = g_array_index (layout->bars, KkChartBox, position).rect;
  return TRUE;
}

/**
 * kk_chart_get_n_items:
 *
 * Returns: how many bars the chart has, top to bottom; 0 in its empty state
 */
guint
kk_chart_get_n_items (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), 0);
  return kk_chart_get_data (self)->items->len;
}

/**
 * kk_chart_dup_item_label:
 *
 * Returns: (transfer full): the whole label of the item, which the chart may
 * draw ellipsized
 */
char *
kk_chart_dup_item_label (KkChart *self,
                         guint    position)
{
  KkChartItem *item;

  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  item = kk_chart_get_item (self, position);
  return item ? g_strdup (item->label) : NULL;
}

/**
 * kk_chart_get_item_program:
 *
 * Returns: (transfer none) (nullable): the program of the item; %NULL for
 * a pillar, a division, a funding combination or the "others" bar
 */
KkProgram *
kk_chart_get_item_program (KkChart *self,
                           guint    position)
{
  KkChartItem *item;

  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  item = kk_chart_get_item (self, position);
  return item ? item->program : NULL;
}

/**
 * kk_chart_get_item_value:
 *
 * Returns: the value of the bar: thousand yen, a ratio (1 for 100 %) for
 * achievement, a figure in the KPI's unit
 */
double
kk_chart_get_item_value (KkChart *self,
                         guint    position)
{
  KkChartItem *item;

  g_return_val_if_fail (KK_IS_CHART (self), 0);
  item = kk_chart_get_item (self, position);
  return item ? item->value : 0;
}

/**
 * kk_chart_dup_item_tooltip:
 *
 * Returns: (transfer full): the whole label and the exact figures, one per
 * line, as plain text
 */
char *
kk_chart_dup_item_tooltip (KkChart *self,
                           guint    position)
{
  KkChartItem *item;

  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  item = kk_chart_get_item (self, position);
  return item ? g_strdup (item->tooltip) : NULL;
}

/**
 * kk_chart_dup_table_headers:
 *
 * The chart as a table has these columns and one row per item.
 *
 * Returns: (transfer full): the column headers
 */
GStrv
kk_chart_dup_table_headers (KkChart *self)
{
  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  return g_strdupv (kk_chart_get_data (self)->headers);
}

/**
 * kk_chart_dup_table_row:
 *
 * Returns: (transfer full): the cells of the item's row, amounts in
 * thousand yen as the plan prints them
 */
GStrv
kk_chart_dup_table_row (KkChart *self,
                        guint    position)
{
  KkChartItem *item;

  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  item = kk_chart_get_item (self, position);
  return item ? g_strdupv (item->cells) : NULL;
}

/**
 * kk_chart_format_for_filename:
 * @format: (out): the format that the extension names
 *
 * Returns: %FALSE unless @filename ends in .png, .svg or .pdf, in any case
 */
gboolean
kk_chart_format_for_filename (const char    *filename,
                              KkChartFormat *format)
{
  g_autofree char *basename = NULL;
  g_autofree char *extension = NULL;
  const char *dot;
  int value;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  basename = g_path_get_basename (filename);
  dot = strrchr (basename, '.');
  if (dot == NULL)
    return FALSE;
  extension = g_ascii_strdown (dot + 1, -1);
  if (!kk_enum_from_nick (KK_TYPE_CHART_FORMAT, extension, &value))
    return FALSE;
  *format = value;
  return TRUE;
}

static cairo_status_t
kk_append_bytes (void                *buffer,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (buffer, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* PDF and SVG go to @buffer as they are drawn, PNG once it is finished. */
static cairo_surface_t *
kk_chart_create_surface (KkChart       *self,
                         KkChartFormat  format,
                         int            width,
                         int            height,
                         GByteArray    *buffer)
{
  cairo_surface_t *surface;
  g_autofree char *title = NULL;

  switch (format)
    {
    case KK_CHART_FORMAT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    case KK_CHART_FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (kk_append_bytes, buffer, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;
    case KK_CHART_FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (kk_append_bytes, buffer, width, height);
      title = kk_chart_dup_title (self);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keikaku");
      return surface;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
kk_check_cairo_status (cairo_status_t   status,
                       GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the chart: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * kk_chart_render:
 * @width: in pixels for PNG and SVG, in points (1/72 inch) for PDF
 *
 * Draws the chart into a file's contents, for export or the clipboard. PDF
 * keeps the texts as text and SVG as glyph outlines; neither is rasterised.
 *
 * Returns: (transfer full) (nullable): the contents of the file
 */
GBytes *
kk_chart_render (KkChart        *self,
                 KkChartFormat   format,
                 int             width,
                 int             height,
                 GError        **error)
{
  g_autoptr(GByteArray) buffer = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (KK_IS_CHART (self), NULL);
  g_return_val_if_fail (format <= KK_CHART_FORMAT_PDF, NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  buffer = g_byte_array_new ();
  surface = kk_chart_create_surface (self, format, width, height, buffer);
  cr = cairo_create (surface);
  kk_chart_draw (self, cr, width, height);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == KK_CHART_FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, kk_append_bytes, buffer);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (!kk_check_cairo_status (status, error))
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * kk_chart_export:
 *
 * Writes the chart to @file, replacing it whole: on failure no partial file
 * is left and an earlier file stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
kk_chart_export (KkChart        *self,
                 GFile          *file,
                 KkChartFormat   format,
                 int             width,
                 int             height,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KK_IS_CHART (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = kk_chart_render (self, format, width, height, error);
  if (bytes == NULL)
    return FALSE;
  return kk_file_replace_bytes (file, bytes, NULL, FALSE, NULL, cancellable, error);
}
