/* kk-correction.c: how an error of the source document was resolved
 *
 * The printed plan has extraction errors (白 for 自, garbled tables). The data
 * resolves them by the document's own evidence and keeps a record of each, so
 * that a reader can check the resolution against the printed page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-correction.h"

struct _KkCorrection
{
  GObject parent_instance;
  char *where;
  char *printed;
  char *resolved;
  char *evidence;
};

G_DEFINE_FINAL_TYPE (KkCorrection, kk_correction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WHERE,
  PROP_PRINTED,
  PROP_RESOLVED,
  PROP_EVIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
kk_correction_field (KkCorrection *self,
                     guint         prop_id)
{
  switch (prop_id)
    {
    case PROP_WHERE: return &self->where;
    case PROP_PRINTED: return &self->printed;
    case PROP_RESOLVED: return &self->resolved;
    case PROP_EVIDENCE: return &self->evidence;
    default: return NULL;
    }
}

static void
kk_correction_finalize (GObject *object)
{
  KkCorrection *self = (KkCorrection *)object;

  for (guint prop_id = PROP_WHERE; prop_id < N_PROPS; prop_id++)
    g_clear_pointer (kk_correction_field (self, prop_id), g_free);

  G_OBJECT_CLASS (kk_correction_parent_class)->finalize (object);
}

static void
kk_correction_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  char **field = kk_correction_field (KK_CORRECTION (object), prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field);
}

static void
kk_correction_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  char **field = kk_correction_field (KK_CORRECTION (object), prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    *field = g_value_dup_string (value);
}

static void
kk_correction_class_init (KkCorrectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const names[N_PROPS] = {
    [PROP_WHERE] = "where",
    [PROP_PRINTED] = "printed",
    [PROP_RESOLVED] = "resolved",
    [PROP_EVIDENCE] = "evidence",
  };

  object_class->finalize = kk_correction_finalize;
  object_class->get_property = kk_correction_get_property;
  object_class->set_property = kk_correction_set_property;

  for (guint prop_id = PROP_WHERE; prop_id < N_PROPS; prop_id++)
    properties[prop_id] =
      g_param_spec_string (names[prop_id], NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_correction_init (KkCorrection *self)
{
}

KkCorrection *
kk_correction_new (const char *where,
                   const char *printed,
                   const char *resolved,
                   const char *evidence)
{
  return g_object_new (KK_TYPE_CORRECTION,
                       "where", where,
                       "printed", printed,
                       "resolved", resolved,
                       "evidence", evidence,
                       NULL);
}

const char *
kk_correction_get_where (KkCorrection *self)
{
  g_return_val_if_fail (KK_IS_CORRECTION (self), NULL);
  return self->where;
}

const char *
kk_correction_get_printed (KkCorrection *self)
{
  g_return_val_if_fail (KK_IS_CORRECTION (self), NULL);
  return self->printed;
}

const char *
kk_correction_get_resolved (KkCorrection *self)
{
  g_return_val_if_fail (KK_IS_CORRECTION (self), NULL);
  return self->resolved;
}

const char *
kk_correction_get_evidence (KkCorrection *self)
{
  g_return_val_if_fail (KK_IS_CORRECTION (self), NULL);
  return self->evidence;
}
