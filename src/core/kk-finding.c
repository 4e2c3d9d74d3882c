/* kk-finding.c: one thing the consistency check found in a plan
 *
 * A finding names what is wrong and where: the program to open (when there
 * is one), the object that holds the field (the program, its sheet, a KPI,
 * a figure, a pillar, a division or a funding source) and the field as that
 * object's property name, which the window uses to focus it; and the same
 * place in words for people. A finding never changes: the check makes new
 * ones each time it runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-enums.h"
#include "kk-finding.h"

struct _KkFinding
{
  GObject parent_instance;
  char *check;
  KkSeverity severity;
  KkProgram *program;
  GObject *subject;
  char *field;
  char *place;
  char *message;
};

G_DEFINE_FINAL_TYPE (KkFinding, kk_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CHECK,
  PROP_SEVERITY,
  PROP_PROGRAM,
  PROP_SUBJECT,
  PROP_FIELD,
  PROP_PLACE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
kk_finding_text (KkFinding *self,
                 guint      prop_id)
{
  switch (prop_id)
    {
    case PROP_CHECK: return &self->check;
    case PROP_FIELD: return &self->field;
    case PROP_PLACE: return &self->place;
    case PROP_MESSAGE: return &self->message;
    default: return NULL;
    }
}

static void
kk_finding_dispose (GObject *object)
{
  KkFinding *self = KK_FINDING (object);

  g_clear_object (&self->program);
  g_clear_object (&self->subject);

  G_OBJECT_CLASS (kk_finding_parent_class)->dispose (object);
}

static void
kk_finding_finalize (GObject *object)
{
  KkFinding *self = KK_FINDING (object);

  g_clear_pointer (&self->check, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (kk_finding_parent_class)->finalize (object);
}

static void
kk_finding_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KkFinding *self = KK_FINDING (object);
  char **text = kk_finding_text (self, prop_id);

  if (text != NULL)
    {
      g_value_set_string (value, *text);
      return;
    }
  switch (prop_id)
    {
    case PROP_SEVERITY:
      g_value_set_enum (value, self->severity);
      break;
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    case PROP_SUBJECT:
      g_value_set_object (value, self->subject);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_finding_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KkFinding *self = KK_FINDING (object);
  char **text = kk_finding_text (self, prop_id);

  if (text != NULL)
    {
      *text = g_value_dup_string (value);
      return;
    }
  switch (prop_id)
    {
    case PROP_SEVERITY:
      self->severity = g_value_get_enum (value);
      break;
    case PROP_PROGRAM:
      self->program = g_value_dup_object (value);
      break;
    case PROP_SUBJECT:
      self->subject = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_finding_class_init (KkFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kk_finding_dispose;
  object_class->finalize = kk_finding_finalize;
  object_class->get_property = kk_finding_get_property;
  object_class->set_property = kk_finding_set_property;

  /**
   * KkFinding:check:
   *
   * The name of the check that found it, such as `previous-name-same`.
   */
  properties[PROP_CHECK] = g_param_spec_string ("check", NULL, NULL, NULL, flags);

  /**
   * KkFinding:severity:
   *
   * How much it matters.
   */
  properties[PROP_SEVERITY] =
    g_param_spec_enum ("severity", NULL, NULL, KK_TYPE_SEVERITY, KK_SEVERITY_WARNING, flags);

  /**
   * KkFinding:program:
   *
   * The program to open for it, or %NULL when it concerns the plan's lists
   * (an unused pillar, division or funding source).
   */
  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL, KK_TYPE_PROGRAM, flags);

  /**
   * KkFinding:subject:
   *
   * The object whose field is concerned: the program, its sheet, a KPI, a
   * KPI's figure, a pillar, a division or a funding source.
   */
  properties[PROP_SUBJECT] =
    g_param_spec_object ("subject", NULL, NULL, G_TYPE_OBJECT, flags);

  /**
   * KkFinding:field:
   *
   * The property of #KkFinding:subject concerned, such as `previous-budget`,
   * or %NULL for the subject as a whole.
   */
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, flags);

  /**
   * KkFinding:place:
   *
   * Where, in words: `【3】 Last year’s budget`.
   */
  properties[PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, NULL, flags);

  /**
   * KkFinding:message:
   *
   * What is wrong, in a sentence.
   */
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_finding_init (KkFinding *self)
{
  self->severity = KK_SEVERITY_WARNING;
}

KkFinding *
kk_finding_new (const char *check,
                KkSeverity  severity,
                KkProgram  *program,
                GObject    *subject,
                const char *field,
                const char *place,
                const char *message)
{
  g_return_val_if_fail (check != NULL, NULL);
  g_return_val_if_fail (program == NULL || KK_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (G_IS_OBJECT (subject), NULL);
  g_return_val_if_fail (place != NULL && message != NULL, NULL);

  return g_object_new (KK_TYPE_FINDING,
                       "check", check,
                       "severity", severity,
                       "program", program,
                       "subject", subject,
                       "field", field,
                       "place", place,
                       "message", message,
                       NULL);
}

const char *
kk_finding_get_check (KkFinding *self)
{
  g_return_val_if_fail (KK_IS_FINDING (self), NULL);
  return self->check;
}

KkSeverity
kk_finding_get_severity (KkFinding *self)
{
  g_return_val_if_fail (KK_IS_FINDING (self), KK_SEVERITY_WARNING);
  return self->severity;
}

/**
 * kk_finding_get_program:
 *
 * Returns: (transfer none) (nullable): the program to open for it
 */
KkProgram *
kk_finding_get_program (KkFinding *self)
{
  g_return_val_if_fail (KK_IS_FINDING (self), NULL);
  return self->program;
}

/**
 * kk_finding_get_subject:
 *
 * Returns: (transfer none): the object whose field is concerned
 */
GObject *
kk_finding_get_subject (KkFinding *self)
{
  g_return_val_if_fail (KK_IS_FINDING (self), NULL);
  return self->subject;
}

const char *
kk_finding_get_field (KkFinding *self)
{
  g_return_val_if_fail (KK_IS_FINDING (self), NULL);
  return self->field;
}

const char *
kk_finding_get_place (KkFinding *self)
{
  g_return_val_if_fail (KK_IS_FINDING (self), NULL);
  return self->place;
}

const char *
kk_finding_get_message (KkFinding *self)
{
  g_return_val_if_fail (KK_IS_FINDING (self), NULL);
  return self->message;
}
