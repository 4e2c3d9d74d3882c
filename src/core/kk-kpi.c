/* kk-kpi.c: a target (成果目標値) with its figures across years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "kk-core-private.h"
#include "kk-enums.h"
#include "kk-format.h"
#include "kk-kpi.h"

struct _KkKpi
{
  GObject parent_instance;
  char *label;
  char *name;
  char *group;
  char *unit;
  char *note;
  KkComparator comparator;
  GListStore *values;
};

G_DEFINE_FINAL_TYPE (KkKpi, kk_kpi, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_NAME,
  PROP_GROUP,
  PROP_UNIT,
  PROP_COMPARATOR,
  PROP_NOTE,
  PROP_VALUES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_kpi_dispose (GObject *object)
{
  KkKpi *self = (KkKpi *)object;

  g_clear_object (&self->values);

  G_OBJECT_CLASS (kk_kpi_parent_class)->dispose (object);
}

static void
kk_kpi_finalize (GObject *object)
{
  KkKpi *self = (KkKpi *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->group, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kk_kpi_parent_class)->finalize (object);
}

static void
kk_kpi_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  KkKpi *self = KK_KPI (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;
    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;
    case PROP_COMPARATOR:
      g_value_set_enum (value, self->comparator);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_VALUES:
      g_value_set_object (value, self->values);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_kpi_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  KkKpi *self = KK_KPI (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      kk_kpi_set_label (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      kk_kpi_set_name (self, g_value_get_string (value));
      break;
    case PROP_GROUP:
      kk_kpi_set_group (self, g_value_get_string (value));
      break;
    case PROP_UNIT:
      kk_kpi_set_unit (self, g_value_get_string (value));
      break;
    case PROP_COMPARATOR:
      kk_kpi_set_comparator (self, g_value_get_enum (value));
      break;
    case PROP_NOTE:
      kk_kpi_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_kpi_class_init (KkKpiClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kk_kpi_dispose;
  object_class->finalize = kk_kpi_finalize;
  object_class->get_property = kk_kpi_get_property;
  object_class->set_property = kk_kpi_set_property;

  /**
   * KkKpi:label:
   *
   * The KPI's number as the plan prints it before the name, e.g. (1), 1
   * or ①, so that notes can refer to it; %NULL when it has none.
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpi:name:
   *
   * What is counted, e.g. 計画認定件数.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpi:group:
   *
   * A heading that several KPIs of a sheet share, or %NULL.
   */
  properties[PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpi:unit:
   *
   * The unit of every figure: 件, 回, 人, 千円 …
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpi:comparator:
   *
   * How an actual meets the target: reaching it, at least (以上), at most (以下).
   */
  properties[PROP_COMPARATOR] =
    g_param_spec_enum ("comparator", NULL, NULL, KK_TYPE_COMPARATOR, KK_COMPARATOR_EXACT,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpi:note:
   *
   * A remark on the KPI as a whole, or %NULL.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpi:values:
   *
   * The figures, a #GListModel of #KkKpiValue.
   */
  properties[PROP_VALUES] =
    g_param_spec_object ("values", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_kpi_init (KkKpi *self)
{
  self->name = g_strdup ("");
  self->unit = g_strdup ("");
  self->values = g_list_store_new (KK_TYPE_KPI_VALUE);
}

KkKpi *
kk_kpi_new (const char *name,
            const char *unit)
{
  return g_object_new (KK_TYPE_KPI, "name", name, "unit", unit, NULL);
}

const char *
kk_kpi_get_label (KkKpi *self)
{
  g_return_val_if_fail (KK_IS_KPI (self), NULL);
  return self->label;
}

void
kk_kpi_set_label (KkKpi      *self,
                  const char *label)
{
  g_return_if_fail (KK_IS_KPI (self));
  kk_update_string (self, &self->label, label, properties[PROP_LABEL]);
}

const char *
kk_kpi_get_name (KkKpi *self)
{
  g_return_val_if_fail (KK_IS_KPI (self), NULL);
  return self->name;
}

void
kk_kpi_set_name (KkKpi      *self,
                 const char *name)
{
  g_return_if_fail (KK_IS_KPI (self));
  g_return_if_fail (name != NULL);
  kk_update_string (self, &self->name, name, properties[PROP_NAME]);
}

const char *
kk_kpi_get_group (KkKpi *self)
{
  g_return_val_if_fail (KK_IS_KPI (self), NULL);
  return self->group;
}

void
kk_kpi_set_group (KkKpi      *self,
                  const char *group)
{
  g_return_if_fail (KK_IS_KPI (self));
  kk_update_string (self, &self->group, group, properties[PROP_GROUP]);
}

const char *
kk_kpi_get_unit (KkKpi *self)
{
  g_return_val_if_fail (KK_IS_KPI (self), NULL);
  return self->unit;
}

void
kk_kpi_set_unit (KkKpi      *self,
                 const char *unit)
{
  g_return_if_fail (KK_IS_KPI (self));
  g_return_if_fail (unit != NULL);
  kk_update_string (self, &self->unit, unit, properties[PROP_UNIT]);
}

KkComparator
kk_kpi_get_comparator (KkKpi *self)
{
  g_return_val_if_fail (KK_IS_KPI (self), KK_COMPARATOR_EXACT);
  return self->comparator;
}

void
kk_kpi_set_comparator (KkKpi        *self,
                       KkComparator  comparator)
{
  g_return_if_fail (KK_IS_KPI (self));

  if (self->comparator == comparator)
    return;
  self->comparator = comparator;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARATOR]);
}

const char *
kk_kpi_get_note (KkKpi *self)
{
  g_return_val_if_fail (KK_IS_KPI (self), NULL);
  return self->note;
}

void
kk_kpi_set_note (KkKpi      *self,
                 const char *note)
{
  g_return_if_fail (KK_IS_KPI (self));
  kk_update_string (self, &self->note, note, properties[PROP_NOTE]);
}

GListModel *
kk_kpi_get_values (KkKpi *self)
{
  g_return_val_if_fail (KK_IS_KPI (self), NULL);
  return G_LIST_MODEL (self->values);
}

void
kk_kpi_append_value (KkKpi      *self,
                     KkKpiValue *value)
{
  g_return_if_fail (KK_IS_KPI (self));
  g_return_if_fail (KK_IS_KPI_VALUE (value));
  g_list_store_append (self->values, value);
}

/**
 * kk_kpi_find_value:
 *
 * Returns: (transfer none) (nullable): the first figure of that year and kind
 * that has a number
 */
KkKpiValue *
kk_kpi_find_value (KkKpi     *self,
                   int        fiscal_year,
                   KkKpiKind  kind)
{
  guint n;

  g_return_val_if_fail (KK_IS_KPI (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->values));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (G_LIST_MODEL (self->values), i);

      if (kk_kpi_value_get_fiscal_year (value) == fiscal_year &&
          kk_kpi_value_get_kind (value) == kind &&
          kk_kpi_value_get_has_value (value))
        return value;
    }
  return NULL;
}

/**
 * kk_kpi_find_goal:
 *
 * The figure an actual of @fiscal_year is measured against: its target
 * (目標), or its plan (計画) where the year has no target, as 【16】 sets
 * plans rather than targets.
 *
 * Returns: (transfer none) (nullable): the target or plan of that year
 */
KkKpiValue *
kk_kpi_find_goal (KkKpi *self,
                  int    fiscal_year)
{
  KkKpiValue *target;

  g_return_val_if_fail (KK_IS_KPI (self), NULL);

  target = kk_kpi_find_value (self, fiscal_year, KK_KPI_KIND_TARGET);
  return target ? target : kk_kpi_find_value (self, fiscal_year, KK_KPI_KIND_PLAN);
}

/**
 * kk_kpi_get_achievement:
 * @ratio: (out): 1.0 when the goal is exactly met
 *
 * Achievement is the actual of @fiscal_year against its goal (see
 * kk_kpi_find_goal()), for any year: last year's as the plan reports it,
 * this year's where the plan already has actuals. The window, the charts and
 * the reports all compute it here. For an at-most KPI a smaller actual is
 * better, so the ratio is inverted.
 *
 * Returns: %FALSE when the year lacks a goal or an actual, or the ratio
 * would divide by zero
 */
gboolean
kk_kpi_get_achievement (KkKpi  *self,
                        int     fiscal_year,
                        double *ratio)
{
  KkKpiValue *goal;
  KkKpiValue *actual;
  double numerator;
  double denominator;

  g_return_val_if_fail (KK_IS_KPI (self), FALSE);
  g_return_val_if_fail (ratio != NULL, FALSE);

  goal = kk_kpi_find_goal (self, fiscal_year);
  actual = kk_kpi_find_value (self, fiscal_year, KK_KPI_KIND_ACTUAL);
  if (goal == NULL || actual == NULL)
    return FALSE;

  numerator = kk_kpi_value_get_value (actual);
  denominator = kk_kpi_value_get_value (goal);
  if (self->comparator == KK_COMPARATOR_AT_MOST)
    {
      double swap = numerator;
      numerator = denominator;
      denominator = swap;
    }
  if (denominator <= 0 || numerator < 0)
    return FALSE;

  *ratio = numerator / denominator;
  return TRUE;
}

/* The figure in @unit: the KPI's own, or none where a column says it. */
static char *
kk_kpi_dup_figure_in (KkKpi      *self,
                      KkKpiValue *value,
                      const char *unit)
{
  g_autofree char *number = NULL;
  const char *comparator = "";
  KkKpiKind kind;
  double amount;

  if (!kk_kpi_value_get_has_value (value))
    return g_strdup (kk_kpi_value_get_note (value) ? kk_kpi_value_get_note (value) : "");
  amount = kk_kpi_value_get_value (value);
  number = amount == trunc (amount) && fabs (amount) < 1e15 ? kk_format_grouped ((gint64)amount)
                                                             : kk_format_number (amount);
  kind = kk_kpi_value_get_kind (value);
  if (kind == KK_KPI_KIND_TARGET || kind == KK_KPI_KIND_PLAN)
    {
      if (self->comparator == KK_COMPARATOR_AT_LEAST)
        comparator = "以上";
      else if (self->comparator == KK_COMPARATOR_AT_MOST)
        comparator = "以下";
    }
  return g_strconcat (number, unit, comparator, NULL);
}

/**
 * kk_kpi_dup_figure:
 * @value: a figure of @kpi
 *
 * The comparator qualifies what the plan aims at, its targets and plans,
 * never what happened or is expected: a target reads 70回以上, its actual
 * 58回 and its forecast 75回. The reports, the charts and the window all
 * write a figure with this.
 *
 * Returns: (transfer full): the figure as the plan prints it: 2,878件,
 *   2回以上, 220.6千円以上, or its words (未定) where it has no number
 */
char *
kk_kpi_dup_figure (KkKpi      *self,
                   KkKpiValue *value)
{
  g_return_val_if_fail (KK_IS_KPI (self), NULL);
  g_return_val_if_fail (KK_IS_KPI_VALUE (value), NULL);

  return kk_kpi_dup_figure_in (self, value, self->unit);
}

/**
 * kk_kpi_dup_number:
 * @value: a figure of @kpi
 *
 * Returns: (transfer full): the figure as kk_kpi_dup_figure() writes it
 *   but without the unit, for a table whose column gives it: 2,878, 2以上
 */
char *
kk_kpi_dup_number (KkKpi      *self,
                   KkKpiValue *value)
{
  g_return_val_if_fail (KK_IS_KPI (self), NULL);
  g_return_val_if_fail (KK_IS_KPI_VALUE (value), NULL);

  return kk_kpi_dup_figure_in (self, value, "");
}
