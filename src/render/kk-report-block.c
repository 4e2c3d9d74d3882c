/* kk-report-block.c: something that flows down the pages of a report
 *
 * A block is laid out at the width of a page's body, and says how tall it
 * is and where a page may end inside it: between the lines of a paragraph,
 * between the rows of a table. Those are good breaks. A forced break, such
 * as one between the lines inside a table row, is only taken where the
 * block would not otherwise fit on a whole page. Breaks are always between
 * lines, so that no part of a page cuts through a glyph.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-report-block.h"

typedef struct
{
  double y;
  gboolean forced;
} KkReportBreak;

typedef struct
{
  double space_before;
  gboolean keep_with_next;

  double height;
  double repeat_height;
  GArray *breaks;
} KkReportBlockPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KkReportBlock, kk_report_block, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SPACE_BEFORE,
  PROP_KEEP_WITH_NEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static double
kk_report_block_real_get_min_width (KkReportBlock *self,
                                    PangoContext  *context)
{
  return 0;
}

static void
kk_report_block_finalize (GObject *object)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (KK_REPORT_BLOCK (object));

  g_clear_pointer (&priv->breaks, g_array_unref);

  G_OBJECT_CLASS (kk_report_block_parent_class)->finalize (object);
}

static void
kk_report_block_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KkReportBlock *self = KK_REPORT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_SPACE_BEFORE:
      g_value_set_double (value, kk_report_block_get_space_before (self));
      break;
    case PROP_KEEP_WITH_NEXT:
      g_value_set_boolean (value, kk_report_block_get_keep_with_next (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_block_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KkReportBlock *self = KK_REPORT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_SPACE_BEFORE:
      kk_report_block_set_space_before (self, g_value_get_double (value));
      break;
    case PROP_KEEP_WITH_NEXT:
      kk_report_block_set_keep_with_next (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_block_class_init (KkReportBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kk_report_block_finalize;
  object_class->get_property = kk_report_block_get_property;
  object_class->set_property = kk_report_block_set_property;
  klass->get_min_width = kk_report_block_real_get_min_width;

  /**
   * KkReportBlock:space-before:
   *
   * The space above the block in points, left out at the top of a page.
   */
  properties[PROP_SPACE_BEFORE] =
    g_param_spec_double ("space-before", NULL, NULL, 0, G_MAXDOUBLE, 0, flags);

  /**
   * KkReportBlock:keep-with-next:
   *
   * Whether the block goes to the next page rather than end a page without
   * the start of the block after it, as a heading does.
   */
  properties[PROP_KEEP_WITH_NEXT] =
    g_param_spec_boolean ("keep-with-next", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_report_block_init (KkReportBlock *self)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  priv->breaks = g_array_new (FALSE, FALSE, sizeof (KkReportBreak));
}

double
kk_report_block_get_min_width (KkReportBlock *self,
                               PangoContext  *context)
{
  g_return_val_if_fail (KK_IS_REPORT_BLOCK (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  return KK_REPORT_BLOCK_GET_CLASS (self)->get_min_width (self, context);
}

/**
 * kk_report_block_layout:
 * @width: the width of a page's body, in points
 * @max_height: the height of a page's body; a block that cannot break
 *   makes itself no taller
 */
void
kk_report_block_layout (KkReportBlock *self,
                        PangoContext  *context,
                        double         width,
                        double         max_height)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_if_fail (KK_IS_REPORT_BLOCK (self));
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (width > 0 && max_height > 0);

  g_array_set_size (priv->breaks, 0);
  priv->height = 0;
  priv->repeat_height = 0;
  KK_REPORT_BLOCK_GET_CLASS (self)->layout (self, context, width, max_height);
}

double
kk_report_block_get_height (KkReportBlock *self)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_val_if_fail (KK_IS_REPORT_BLOCK (self), 0);
  return priv->height;
}

/**
 * kk_report_block_get_repeat_height:
 *
 * Returns: the height of what the block draws again above each part after
 *   the first, such as a table's header row
 */
double
kk_report_block_get_repeat_height (KkReportBlock *self)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_val_if_fail (KK_IS_REPORT_BLOCK (self), 0);
  return priv->repeat_height;
}

/**
 * kk_report_block_get_part_height:
 *
 * Returns: the height the part from @from to @to takes on a page
 */
double
kk_report_block_get_part_height (KkReportBlock *self,
                                 double         from,
                                 double         to)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_val_if_fail (KK_IS_REPORT_BLOCK (self), 0);
  return to - from + (from > 0 ? priv->repeat_height : 0);
}

/* The last break at or above @limit, or NULL. */
static const KkReportBreak *
kk_report_block_last_break_before (KkReportBlockPrivate *priv,
                                   double                limit,
                                   gboolean              forced)
{
  guint low = 0;
  guint high = priv->breaks->len;

  while (low < high)
    {
      guint middle = (low + high) / 2;

      if (g_array_index (priv->breaks, KkReportBreak, middle).y <= limit)
        low = middle + 1;
      else
        high = middle;
    }
  while (low > 0)
    {
      const KkReportBreak *candidate = &g_array_index (priv->breaks, KkReportBreak, --low);

      if (forced || !candidate->forced)
        return candidate;
    }
  return NULL;
}

/**
 * kk_report_block_find_break:
 * @from: where the part starts: 0 or a break
 * @height: the height left on the page
 * @forced: whether forced breaks count, as when the part starts a page
 *
 * Returns: where the longest part from @from that takes at most @height
 *   ends: the block's height when the rest fits, @from when nothing does
 */
double
kk_report_block_find_break (KkReportBlock *self,
                            double         from,
                            double         height,
                            gboolean       forced)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);
  const KkReportBreak *found;
  double limit;

  g_return_val_if_fail (KK_IS_REPORT_BLOCK (self), from);

  limit = from + height - (from > 0 ? priv->repeat_height : 0);
  if (priv->height <= limit)
    return priv->height;
  found = kk_report_block_last_break_before (priv, limit, forced);
  return found != NULL && found->y > from ? found->y : from;
}

/**
 * kk_report_block_draw:
 * @cr: where to draw, the part's top left at 0, 0, in points
 * @from: a break, or 0
 * @to: a break, or the block's height
 */
void
kk_report_block_draw (KkReportBlock *self,
                      cairo_t       *cr,
                      double         from,
                      double         to)
{
  g_return_if_fail (KK_IS_REPORT_BLOCK (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  KK_REPORT_BLOCK_GET_CLASS (self)->draw (self, cr, from, to);
  cairo_restore (cr);
}

double
kk_report_block_get_space_before (KkReportBlock *self)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_val_if_fail (KK_IS_REPORT_BLOCK (self), 0);
  return priv->space_before;
}

void
kk_report_block_set_space_before (KkReportBlock *self,
                                  double         space_before)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_if_fail (KK_IS_REPORT_BLOCK (self));
  g_return_if_fail (space_before >= 0);

  if (priv->space_before == space_before)
    return;
  priv->space_before = space_before;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPACE_BEFORE]);
}

gboolean
kk_report_block_get_keep_with_next (KkReportBlock *self)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_val_if_fail (KK_IS_REPORT_BLOCK (self), FALSE);
  return priv->keep_with_next;
}

void
kk_report_block_set_keep_with_next (KkReportBlock *self,
                                    gboolean       keep_with_next)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_if_fail (KK_IS_REPORT_BLOCK (self));

  keep_with_next = !!keep_with_next;
  if (priv->keep_with_next == keep_with_next)
    return;
  priv->keep_with_next = keep_with_next;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_WITH_NEXT]);
}

/**
 * kk_report_block_set_extent:
 * @height: the block's height at the width it was laid out at
 * @repeat_height: the height of what it repeats above every later part
 *
 * For the layout of subclasses.
 */
void
kk_report_block_set_extent (KkReportBlock *self,
                            double         height,
                            double         repeat_height)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);

  g_return_if_fail (KK_IS_REPORT_BLOCK (self));
  g_return_if_fail (height >= 0 && repeat_height >= 0);

  priv->height = height;
  priv->repeat_height = repeat_height;
}

/**
 * kk_report_block_add_break:
 * @y: from the block's top; breaks are added top to bottom
 * @forced: the break is taken only where the block would not fit otherwise
 *
 * For the layout of subclasses.
 */
void
kk_report_block_add_break (KkReportBlock *self,
                           double         y,
                           gboolean       forced)
{
  KkReportBlockPrivate *priv = kk_report_block_get_instance_private (self);
  KkReportBreak point = { y, forced };

  g_return_if_fail (KK_IS_REPORT_BLOCK (self));
  g_return_if_fail (priv->breaks->len == 0 ||
                    g_array_index (priv->breaks, KkReportBreak, priv->breaks->len - 1).y < y);

  g_array_append_val (priv->breaks, point);
}
