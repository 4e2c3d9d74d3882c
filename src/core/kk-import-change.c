/* kk-import-change.c: one value a CSV import would change, for its preview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-import-change.h"

struct _KkImportChange
{
  GObject parent_instance;
  guint number;
  char *program_label;
  char *field;
  char *old_value;
  char *new_value;
};

G_DEFINE_FINAL_TYPE (KkImportChange, kk_import_change, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_PROGRAM_LABEL,
  PROP_FIELD,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_import_change_finalize (GObject *object)
{
  KkImportChange *self = KK_IMPORT_CHANGE (object);

  g_clear_pointer (&self->program_label, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->old_value, g_free);
  g_clear_pointer (&self->new_value, g_free);

  G_OBJECT_CLASS (kk_import_change_parent_class)->finalize (object);
}

static void
kk_import_change_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KkImportChange *self = KK_IMPORT_CHANGE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_PROGRAM_LABEL:
      g_value_set_string (value, self->program_label);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_import_change_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KkImportChange *self = KK_IMPORT_CHANGE (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;
    case PROP_PROGRAM_LABEL:
      self->program_label = g_value_dup_string (value);
      break;
    case PROP_FIELD:
      self->field = g_value_dup_string (value);
      break;
    case PROP_OLD_VALUE:
      self->old_value = g_value_dup_string (value);
      break;
    case PROP_NEW_VALUE:
      self->new_value = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_import_change_class_init (KkImportChangeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kk_import_change_finalize;
  object_class->get_property = kk_import_change_get_property;
  object_class->set_property = kk_import_change_set_property;

  /**
   * KkImportChange:number:
   *
   * The number of the program the change is to.
   */
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 1, G_MAXUINT, 1, flags);

  /**
   * KkImportChange:program-label:
   *
   * The program as the preview names it: 【3】 and its name.
   */
  properties[PROP_PROGRAM_LABEL] =
    g_param_spec_string ("program-label", NULL, NULL, NULL, flags);

  /**
   * KkImportChange:field:
   *
   * What changes, in the words of the interface (事業費).
   */
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);

  /**
   * KkImportChange:old-value:
   *
   * The value the plan has, written as the file writes it; empty for a
   * program the file adds.
   */
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, flags);

  /**
   * KkImportChange:new-value:
   *
   * The value the file gives.
   */
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_import_change_init (KkImportChange *self)
{
}

KkImportChange *
kk_import_change_new (guint       number,
                      const char *program_label,
                      const char *field,
                      const char *old_value,
                      const char *new_value)
{
  return g_object_new (KK_TYPE_IMPORT_CHANGE,
                       "number", number,
                       "program-label", program_label,
                       "field", field,
                       "old-value", old_value,
                       "new-value", new_value,
                       NULL);
}

guint
kk_import_change_get_number (KkImportChange *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_CHANGE (self), 0);
  return self->number;
}

const char *
kk_import_change_get_program_label (KkImportChange *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_CHANGE (self), NULL);
  return self->program_label;
}

const char *
kk_import_change_get_field (KkImportChange *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_CHANGE (self), NULL);
  return self->field;
}

const char *
kk_import_change_get_old_value (KkImportChange *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_CHANGE (self), NULL);
  return self->old_value;
}

const char *
kk_import_change_get_new_value (KkImportChange *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_CHANGE (self), NULL);
  return self->new_value;
}
