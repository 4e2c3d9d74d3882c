/* kk-chart-area.c: a widget that draws a chart as tall as its width needs
 *
 * Charts grow with their rows, so the area asks for height for width; the
 * drawing and the geometry are KkChart's. The item with the keyboard focus
 * gets a dashed frame while the area has the focus.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-chart-area.h"

/* A width to ask for: a chart is readable from there, and good on a slide. */
#define KK_CHART_AREA_MIN_WIDTH 320
#define KK_CHART_AREA_NATURAL_WIDTH 960

struct _KkChartArea
{
  GtkWidget parent_instance;

  KkChart *chart;
  int focus_item;
};

G_DEFINE_FINAL_TYPE (KkChartArea, kk_chart_area, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_FOCUS_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_chart_area_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  KkChartArea *self = KK_CHART_AREA (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = KK_CHART_AREA_MIN_WIDTH;
      *natural = KK_CHART_AREA_NATURAL_WIDTH;
      return;
    }
  *minimum = *natural = self->chart == NULL
                        ? 0
                        : kk_chart_get_natural_height (self->chart,
                                                       for_size > 0 ? for_size
                                                                    : KK_CHART_AREA_NATURAL_WIDTH);
}

static GtkSizeRequestMode
kk_chart_area_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kk_chart_area_draw_focus (KkChartArea *self,
                          cairo_t     *cr)
{
  GtkWidget *widget = GTK_WIDGET (self);
  cairo_rectangle_t rect;
  GdkRGBA color;

  if (self->focus_item < 0 || !gtk_widget_has_focus (widget) ||
      !kk_chart_area_get_item_rect (self, self->focus_item, &rect))
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 2);
  cairo_set_dash (cr, (double[]) { 4, 2 }, 2, 0);
  cairo_rectangle (cr, rect.x - 2, rect.y - 2, rect.width + 4, rect.height + 4);
  cairo_stroke (cr);
}

static void
kk_chart_area_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  KkChartArea *self = KK_CHART_AREA (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  kk_chart_draw (self->chart, cr, width, height);
  kk_chart_area_draw_focus (self, cr);
  cairo_destroy (cr);
}

/* New figures may need another height. */
static void
kk_chart_area_chart_changed (KkChartArea *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
kk_chart_area_dispose (GObject *object)
{
  KkChartArea *self = KK_CHART_AREA (object);

  kk_chart_area_set_chart (self, NULL);

  G_OBJECT_CLASS (kk_chart_area_parent_class)->dispose (object);
}

static void
kk_chart_area_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KkChartArea *self = KK_CHART_AREA (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_FOCUS_ITEM:
      g_value_set_int (value, self->focus_item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_chart_area_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KkChartArea *self = KK_CHART_AREA (object);

  switch (prop_id)
    {
    case PROP_CHART:
      kk_chart_area_set_chart (self, g_value_get_object (value));
      break;
    case PROP_FOCUS_ITEM:
      kk_chart_area_set_focus_item (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_chart_area_class_init (KkChartAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_chart_area_dispose;
  object_class->get_property = kk_chart_area_get_property;
  object_class->set_property = kk_chart_area_set_property;
  widget_class->measure = kk_chart_area_measure;
  widget_class->get_request_mode = kk_chart_area_get_request_mode;
  widget_class->snapshot = kk_chart_area_snapshot;

  /**
   * KkChartArea:chart:
   *
   * The chart drawn.
   */
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, KK_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkChartArea:focus-item:
   *
   * The item framed while the area has the focus; -1 for none.
   */
  properties[PROP_FOCUS_ITEM] =
    g_param_spec_int ("focus-item", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kk-chart-area");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
kk_chart_area_init (KkChartArea *self)
{
  self->focus_item = -1;
}

GtkWidget *
kk_chart_area_new (KkChart *chart)
{
  return g_object_new (KK_TYPE_CHART_AREA, "chart", chart, NULL);
}

KkChart *
kk_chart_area_get_chart (KkChartArea *self)
{
  g_return_val_if_fail (KK_IS_CHART_AREA (self), NULL);
  return self->chart;
}

void
kk_chart_area_set_chart (KkChartArea *self,
                         KkChart     *chart)
{
  g_return_if_fail (KK_IS_CHART_AREA (self));
  g_return_if_fail (chart == NULL || KK_IS_CHART (chart));

  if (self->chart == chart)
    return;
  if (self->chart != NULL)
    g_signal_handlers_disconnect_by_func (self->chart, kk_chart_area_chart_changed, self);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    g_signal_connect_swapped (chart, "changed", G_CALLBACK (kk_chart_area_chart_changed), self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

int
kk_chart_area_get_focus_item (KkChartArea *self)
{
  g_return_val_if_fail (KK_IS_CHART_AREA (self), -1);
  return self->focus_item;
}

void
kk_chart_area_set_focus_item (KkChartArea *self,
                              int          item)
{
  g_return_if_fail (KK_IS_CHART_AREA (self));
  g_return_if_fail (item >= -1);

  if (self->focus_item == item)
    return;
  self->focus_item = item;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_ITEM]);
}

/**
 * kk_chart_area_hit_test:
 *
 * Returns: the item at @x, @y of the area, or -1
 */
int
kk_chart_area_hit_test (KkChartArea *self,
                        double       x,
                        double       y)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_val_if_fail (KK_IS_CHART_AREA (self), -1);

  if (self->chart == NULL || gtk_widget_get_width (widget) <= 0)
    return -1;
  return kk_chart_hit_test (self->chart, gtk_widget_get_width (widget),
                            gtk_widget_get_height (widget), x, y);
}

gboolean
kk_chart_area_get_item_rect (KkChartArea       *self,
                             int                item,
                             cairo_rectangle_t *rect)
{
  GtkWidget *widget = GTK_WIDGET (self);

  g_return_val_if_fail (KK_IS_CHART_AREA (self), FALSE);

  if (self->chart == NULL || item < 0 || gtk_widget_get_width (widget) <= 0)
    return FALSE;
  return kk_chart_get_item_rect (self->chart, gtk_widget_get_width (widget),
                                 gtk_widget_get_height (widget), item, rect);
}
