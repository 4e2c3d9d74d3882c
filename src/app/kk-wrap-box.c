/* kk-wrap-box.c: a row of controls that wraps onto more rows when narrow
 *
 * The program list's search and filters take one row in a wide window;
 * beside the editor in a narrow one they would make the window wider than
 * the screen. Here a child goes to the next row when the minimum widths of
 * its row would not fit, and each row is laid out as a GtkBox lays out its
 * children. Children stay in their order, which is also the order Tab
 * visits them (GTK sorts them by row, then along it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-wrap-box.h"

struct _KkWrapBox
{
  GtkWidget parent_instance;

  int spacing;
};

G_DEFINE_FINAL_TYPE (KkWrapBox, kk_wrap_box, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  GtkWidget *child;
  guint row;
  int x;
  int width;
} KkWrapPlace;

/* Lays out the row of @places from @row_start in @width as a GtkBox does:
 * each child gets its minimum width, then the room left goes towards the
 * natural widths, then to the children that expand. */
static void
kk_wrap_box_lay_out_row (KkWrapBox *self,
                         GArray    *places,
                         guint      row_start,
                         int        width)
{
  guint n_children = places->len - row_start, n_expanding = 0, n_given = 0;
  g_autofree GtkRequestedSize *sizes = g_new0 (GtkRequestedSize, n_children);
  int spare = width - self->spacing * ((int) n_children - 1);
  int x = 0;

  for (guint i = 0; i < n_children; i++)
    {
      KkWrapPlace *place = &g_array_index (places, KkWrapPlace, row_start + i);

      gtk_widget_measure (place->child, GTK_ORIENTATION_HORIZONTAL, -1,
                          &sizes[i].minimum_size, &sizes[i].natural_size, NULL, NULL);
      spare -= sizes[i].minimum_size;
      if (gtk_widget_compute_expand (place->child, GTK_ORIENTATION_HORIZONTAL))
        n_expanding++;
    }
  spare = gtk_distribute_natural_allocation (MAX (spare, 0), n_children, sizes);
  for (guint i = 0; i < n_children; i++)
    {
      KkWrapPlace *place = &g_array_index (places, KkWrapPlace, row_start + i);

      place->x = x;
      place->width = sizes[i].minimum_size;
      if (gtk_widget_compute_expand (place->child, GTK_ORIENTATION_HORIZONTAL))
        place->width += spare / n_expanding + (n_given++ < (guint) spare % n_expanding ? 1 : 0);
      x += place->width + self->spacing;
    }
}

/* Where each shown child goes in @width: its row, its start and its width.
 * A child goes to the next row when the minimum widths of its row would
 * not fit. */
static GArray *
kk_wrap_box_place (KkWrapBox *self,
                   int        width)
{
  GArray *places = g_array_new (FALSE, FALSE, sizeof (KkWrapPlace));
  guint row = 0, row_start = 0;
  int row_minimum = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      KkWrapPlace place = { child, 0, 0, 0 };
      int minimum;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (places->len > row_start && row_minimum + self->spacing + minimum > width)
        {
          kk_wrap_box_lay_out_row (self, places, row_start, width);
          row++;
          row_start = places->len;
          row_minimum = 0;
        }
      row_minimum += (places->len > row_start ? self->spacing : 0) + minimum;
      place.row = row;
      g_array_append_val (places, place);
    }
  if (places->len > row_start)
    kk_wrap_box_lay_out_row (self, places, row_start, width);
  return places;
}

/* The height of each row of @places: its tallest child's. */
static GArray *
kk_wrap_box_measure_rows (GArray   *places,
                          gboolean  natural)
{
  GArray *heights = g_array_new (FALSE, TRUE, sizeof (int));

  for (guint i = 0; i < places->len; i++)
    {
      KkWrapPlace *place = &g_array_index (places, KkWrapPlace, i);
      int minimum, natural_height;

      gtk_widget_measure (place->child, GTK_ORIENTATION_VERTICAL, place->width,
                          &minimum, &natural_height, NULL, NULL);
      if (place->row >= heights->len)
        g_array_set_size (heights, place->row + 1);
      g_array_index (heights, int, place->row) = MAX (g_array_index (heights, int, place->row),
                                                      natural ? natural_height : minimum);
    }
  return heights;
}

static int
kk_wrap_box_total_height (KkWrapBox *self,
                          GArray    *heights)
{
  int total = 0;

  for (guint row = 0; row < heights->len; row++)
    total += g_array_index (heights, int, row) + (row > 0 ? self->spacing : 0);
  return total;
}

static void
kk_wrap_box_measure_one_row (KkWrapBox *self,
                             int       *minimum,
                             int       *natural)
{
  gboolean first = TRUE;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_minimum, child_natural;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_minimum, &child_natural, NULL, NULL);
      *minimum = MAX (*minimum, child_minimum);
      *natural += child_natural + (first ? 0 : self->spacing);
      first = FALSE;
    }
}

static void
kk_wrap_box_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  KkWrapBox *self = KK_WRAP_BOX (widget);
  g_autoptr(GArray) places = NULL;
  g_autoptr(GArray) minimum_heights = NULL;
  g_autoptr(GArray) natural_heights = NULL;
  int width = for_size;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      kk_wrap_box_measure_one_row (self, minimum, natural);
      return;
    }
  if (width < 0)
    {
      int minimum_width;

      kk_wrap_box_measure_one_row (self, &minimum_width, &width);
    }
  places = kk_wrap_box_place (self, width);
  minimum_heights = kk_wrap_box_measure_rows (places, FALSE);
  natural_heights = kk_wrap_box_measure_rows (places, TRUE);
  *minimum = kk_wrap_box_total_height (self, minimum_heights);
  *natural = kk_wrap_box_total_height (self, natural_heights);
}

static void
kk_wrap_box_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  KkWrapBox *self = KK_WRAP_BOX (widget);
  g_autoptr(GArray) places = kk_wrap_box_place (self, width);
  g_autoptr(GArray) heights = kk_wrap_box_measure_rows (places, TRUE);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  guint row = 0;
  int y = 0;

  if (kk_wrap_box_total_height (self, heights) > height)
    {
      g_array_unref (heights);
      heights = kk_wrap_box_measure_rows (places, FALSE);
    }
  for (guint i = 0; i < places->len; i++)
    {
      KkWrapPlace *place = &g_array_index (places, KkWrapPlace, i);

      for (; row < place->row; row++)
        y += g_array_index (heights, int, row) + self->spacing;
      gtk_widget_size_allocate (place->child,
                                &(GtkAllocation) {
                                  rtl ? width - place->x - place->width : place->x, y,
                                  place->width, g_array_index (heights, int, row)
                                }, -1);
    }
}

static GtkSizeRequestMode
kk_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kk_wrap_box_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (kk_wrap_box_parent_class)->dispose (object);
}

static void
kk_wrap_box_set_spacing (KkWrapBox *self,
                         int        spacing)
{
  if (self->spacing == spacing)
    return;
  self->spacing = spacing;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACING]);
}

static void
kk_wrap_box_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KkWrapBox *self = KK_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_wrap_box_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KkWrapBox *self = KK_WRAP_BOX (object);

  switch (prop_id)
    {
    case PROP_SPACING:
      kk_wrap_box_set_spacing (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_wrap_box_class_init (KkWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_wrap_box_dispose;
  object_class->get_property = kk_wrap_box_get_property;
  object_class->set_property = kk_wrap_box_set_property;
  widget_class->measure = kk_wrap_box_measure;
  widget_class->size_allocate = kk_wrap_box_size_allocate;
  widget_class->get_request_mode = kk_wrap_box_get_request_mode;

  /**
   * KkWrapBox:spacing:
   *
   * The space between children along a row and between rows, in pixels.
   */
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "wrapbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kk_wrap_box_init (KkWrapBox *self)
{
}

