/* kk-pillar.c: a policy pillar (施策の柱) that groups programs in the index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-core-private.h"
#include "kk-pillar.h"

struct _KkPillar
{
  GObject parent_instance;
  guint number;
  char *name;
};

G_DEFINE_FINAL_TYPE (KkPillar, kk_pillar, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_NAME,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_pillar_finalize (GObject *object)
{
  KkPillar *self = (KkPillar *)object;

  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (kk_pillar_parent_class)->finalize (object);
}

static void
kk_pillar_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KkPillar *self = KK_PILLAR (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_take_string (value, kk_pillar_dup_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_pillar_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KkPillar *self = KK_PILLAR (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;
    case PROP_NAME:
      kk_pillar_set_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_pillar_class_init (KkPillarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kk_pillar_finalize;
  object_class->get_property = kk_pillar_get_property;
  object_class->set_property = kk_pillar_set_property;

  /**
   * KkPillar:number:
   *
   * The pillar's number in the index, from 1.
   */
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 1, G_MAXUINT, 1,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KkPillar:name:
   *
   * The pillar's name, e.g. 経営基盤の強化.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkPillar:label:
   *
   * Number and name as the index prints them: "1 経営基盤の強化".
   */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, "",
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_pillar_init (KkPillar *self)
{
  self->name = g_strdup ("");
}

KkPillar *
kk_pillar_new (guint       number,
               const char *name)
{
  g_return_val_if_fail (number > 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (KK_TYPE_PILLAR, "number", number, "name", name, NULL);
}

guint
kk_pillar_get_number (KkPillar *self)
{
  g_return_val_if_fail (KK_IS_PILLAR (self), 0);

  return self->number;
}

const char *
kk_pillar_get_name (KkPillar *self)
{
  g_return_val_if_fail (KK_IS_PILLAR (self), NULL);

  return self->name;
}

void
kk_pillar_set_name (KkPillar   *self,
                    const char *name)
{
  g_return_if_fail (KK_IS_PILLAR (self));
  g_return_if_fail (name != NULL);

  if (!kk_set_string (&self->name, name))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

char *
kk_pillar_dup_label (KkPillar *self)
{
  g_return_val_if_fail (KK_IS_PILLAR (self), NULL);

  return g_strdup_printf ("%u %s", self->number, self->name);
}
