/* kk-funding.c: a funding source, printed as a mark such as (国)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-funding.h"

struct _KkFunding
{
  GObject parent_instance;
  char *code;
  char *name;
};

G_DEFINE_FINAL_TYPE (KkFunding, kk_funding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_funding_finalize (GObject *object)
{
  KkFunding *self = (KkFunding *)object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (kk_funding_parent_class)->finalize (object);
}

static void
kk_funding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KkFunding *self = KK_FUNDING (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_funding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KkFunding *self = KK_FUNDING (object);

  switch (prop_id)
    {
    case PROP_CODE:
      self->code = g_value_dup_string (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_funding_class_init (KkFundingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kk_funding_finalize;
  object_class->get_property = kk_funding_get_property;
  object_class->set_property = kk_funding_set_property;

  /**
   * KkFunding:code:
   *
   * The one-character mark of the index: 国, 県, 市 or 自.
   */
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KkFunding:name:
   *
   * The source written out, e.g. 国費.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_funding_init (KkFunding *self)
{
}

KkFunding *
kk_funding_new (const char *code,
                const char *name)
{
  g_return_val_if_fail (code != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (KK_TYPE_FUNDING, "code", code, "name", name, NULL);
}

const char *
kk_funding_get_code (KkFunding *self)
{
  g_return_val_if_fail (KK_IS_FUNDING (self), NULL);

  return self->code;
}

const char *
kk_funding_get_name (KkFunding *self)
{
  g_return_val_if_fail (KK_IS_FUNDING (self), NULL);

  return self->name;
}
