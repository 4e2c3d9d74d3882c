/* kk-kpi-value.c: one figure of a KPI: a year, a kind and a number
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-core-private.h"
#include "kk-enums.h"
#include "kk-kpi-value.h"

struct _KkKpiValue
{
  GObject parent_instance;
  int fiscal_year;
  KkKpiKind kind;
  double value;
  gboolean has_value;
  char *as_of;
  char *note;
};

G_DEFINE_FINAL_TYPE (KkKpiValue, kk_kpi_value, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FISCAL_YEAR,
  PROP_KIND,
  PROP_VALUE,
  PROP_HAS_VALUE,
  PROP_AS_OF,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_kpi_value_finalize (GObject *object)
{
  KkKpiValue *self = (KkKpiValue *)object;

  g_clear_pointer (&self->as_of, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kk_kpi_value_parent_class)->finalize (object);
}

static void
kk_kpi_value_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KkKpiValue *self = KK_KPI_VALUE (object);

  switch (prop_id)
    {
    case PROP_FISCAL_YEAR:
      g_value_set_int (value, self->fiscal_year);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    case PROP_HAS_VALUE:
      g_value_set_boolean (value, self->has_value);
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_kpi_value_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KkKpiValue *self = KK_KPI_VALUE (object);

  switch (prop_id)
    {
    case PROP_FISCAL_YEAR:
      kk_kpi_value_set_fiscal_year (self, g_value_get_int (value));
      break;
    case PROP_KIND:
      kk_kpi_value_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_VALUE:
      kk_kpi_value_set_value (self, g_value_get_double (value));
      break;
    case PROP_HAS_VALUE:
      if (!g_value_get_boolean (value))
        kk_kpi_value_clear_value (self);
      else
        kk_kpi_value_set_value (self, self->value);
      break;
    case PROP_AS_OF:
      kk_kpi_value_set_as_of (self, g_value_get_string (value));
      break;
    case PROP_NOTE:
      kk_kpi_value_set_note (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_kpi_value_class_init (KkKpiValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kk_kpi_value_finalize;
  object_class->get_property = kk_kpi_value_get_property;
  object_class->set_property = kk_kpi_value_set_property;

  /**
   * KkKpiValue:fiscal-year:
   *
   * The fiscal year of the figure as its starting calendar year.
   */
  properties[PROP_FISCAL_YEAR] =
    g_param_spec_int ("fiscal-year", NULL, NULL, 1, 9999, 2024,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpiValue:kind:
   *
   * Whether the figure is a plan, a target, an actual or a forecast.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KK_TYPE_KPI_KIND, KK_KPI_KIND_TARGET,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpiValue:value:
   *
   * The figure in the unit of its KPI; meaningful when #KkKpiValue:has-value.
   */
  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpiValue:has-value:
   *
   * FALSE when the plan gives words only (未定); the note says which.
   */
  properties[PROP_HAS_VALUE] =
    g_param_spec_boolean ("has-value", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpiValue:as-of:
   *
   * The date, as YYYY-MM-DD, that the figure stands at, or %NULL.
   */
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpiValue:note:
   *
   * What the plan prints beside the figure, or %NULL.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_kpi_value_init (KkKpiValue *self)
{
  self->fiscal_year = 2024;
  self->kind = KK_KPI_KIND_TARGET;
}

KkKpiValue *
kk_kpi_value_new (int       fiscal_year,
                  KkKpiKind kind)
{
  return g_object_new (KK_TYPE_KPI_VALUE,
                       "fiscal-year", fiscal_year,
                       "kind", kind,
                       NULL);
}

int
kk_kpi_value_get_fiscal_year (KkKpiValue *self)
{
  g_return_val_if_fail (KK_IS_KPI_VALUE (self), 0);
  return self->fiscal_year;
}

void
kk_kpi_value_set_fiscal_year (KkKpiValue *self,
                              int         fiscal_year)
{
  g_return_if_fail (KK_IS_KPI_VALUE (self));

  if (self->fiscal_year == fiscal_year)
    return;
  self->fiscal_year = fiscal_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
}

KkKpiKind
kk_kpi_value_get_kind (KkKpiValue *self)
{
  g_return_val_if_fail (KK_IS_KPI_VALUE (self), 0);
  return self->kind;
}

void
kk_kpi_value_set_kind (KkKpiValue *self,
                       KkKpiKind   kind)
{
  g_return_if_fail (KK_IS_KPI_VALUE (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gboolean
kk_kpi_value_get_has_value (KkKpiValue *self)
{
  g_return_val_if_fail (KK_IS_KPI_VALUE (self), FALSE);
  return self->has_value;
}

double
kk_kpi_value_get_value (KkKpiValue *self)
{
  g_return_val_if_fail (KK_IS_KPI_VALUE (self), 0);
  return self->value;
}

void
kk_kpi_value_set_value (KkKpiValue *self,
                        double      value)
{
  g_return_if_fail (KK_IS_KPI_VALUE (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->value != value)
    {
      self->value = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
    }
  if (!self->has_value)
    {
      self->has_value = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_VALUE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
kk_kpi_value_clear_value (KkKpiValue *self)
{
  g_return_if_fail (KK_IS_KPI_VALUE (self));

  if (!self->has_value)
    return;
  self->has_value = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_VALUE]);
}

const char *
kk_kpi_value_get_as_of (KkKpiValue *self)
{
  g_return_val_if_fail (KK_IS_KPI_VALUE (self), NULL);
  return self->as_of;
}

void
kk_kpi_value_set_as_of (KkKpiValue *self,
                        const char *as_of)
{
  g_return_if_fail (KK_IS_KPI_VALUE (self));

  kk_update_string (self, &self->as_of, as_of, properties[PROP_AS_OF]);
}

const char *
kk_kpi_value_get_note (KkKpiValue *self)
{
  g_return_val_if_fail (KK_IS_KPI_VALUE (self), NULL);
  return self->note;
}

void
kk_kpi_value_set_note (KkKpiValue *self,
                       const char *note)
{
  g_return_if_fail (KK_IS_KPI_VALUE (self));

  kk_update_string (self, &self->note, note, properties[PROP_NOTE]);
}
