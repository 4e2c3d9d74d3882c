/* kk-division.c: a division (担当課) of the organization
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-core-private.h"
#include "kk-division.h"

struct _KkDivision
{
  GObject parent_instance;
  char *name;
};

G_DEFINE_FINAL_TYPE (KkDivision, kk_division, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_division_finalize (GObject *object)
{
  KkDivision *self = (KkDivision *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (kk_division_parent_class)->finalize (object);
}

static void
kk_division_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KkDivision *self = KK_DIVISION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_division_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KkDivision *self = KK_DIVISION (object);

  switch (prop_id)
    {
    case PROP_NAME:
      kk_division_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_division_class_init (KkDivisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kk_division_finalize;
  object_class->get_property = kk_division_get_property;
  object_class->set_property = kk_division_set_property;

  /**
   * KkDivision:name:
   *
   * The division's name as the plan prints it, e.g. 経営支援課.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_division_init (KkDivision *self)
{
  self->name = g_strdup ("");
}

KkDivision *
kk_division_new (const char *name)
{
  return g_object_new (KK_TYPE_DIVISION, "name", name, NULL);
}

const char *
kk_division_get_name (KkDivision *self)
{
  g_return_val_if_fail (KK_IS_DIVISION (self), NULL);

  return self->name;
}

void
kk_division_set_name (KkDivision *self,
                      const char *name)
{
  g_return_if_fail (KK_IS_DIVISION (self));
  g_return_if_fail (name != NULL);

  kk_update_string (self, &self->name, name, properties[PROP_NAME]);
}
