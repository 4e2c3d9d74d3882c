/* kk-import-problem.c: a cell of a CSV import that cannot be read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kk-import-problem.h"

struct _KkImportProblem
{
  GObject parent_instance;
  guint line;
  guint column;
  char *reason;
};

G_DEFINE_FINAL_TYPE (KkImportProblem, kk_import_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  PROP_COLUMN,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_import_problem_finalize (GObject *object)
{
  KkImportProblem *self = KK_IMPORT_PROBLEM (object);

  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (kk_import_problem_parent_class)->finalize (object);
}

static void
kk_import_problem_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KkImportProblem *self = KK_IMPORT_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_COLUMN:
      g_value_set_uint (value, self->column);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_import_problem_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KkImportProblem *self = KK_IMPORT_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_LINE:
      self->line = g_value_get_uint (value);
      break;
    case PROP_COLUMN:
      self->column = g_value_get_uint (value);
      break;
    case PROP_REASON:
      self->reason = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_import_problem_class_init (KkImportProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                            G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = kk_import_problem_finalize;
  object_class->get_property = kk_import_problem_get_property;
  object_class->set_property = kk_import_problem_set_property;

  /**
   * KkImportProblem:line:
   *
   * The line of the file, from 1 for the header, where the cell starts.
   */
  properties[PROP_LINE] = g_param_spec_uint ("line", NULL, NULL, 1, G_MAXUINT, 1, flags);

  /**
   * KkImportProblem:column:
   *
   * The cell's column, from 1 as a spreadsheet counts (A is 1).
   */
  properties[PROP_COLUMN] = g_param_spec_uint ("column", NULL, NULL, 1, G_MAXUINT, 1, flags);

  /**
   * KkImportProblem:reason:
   *
   * What is wrong with the cell, in a sentence.
   */
  properties[PROP_REASON] = g_param_spec_string ("reason", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_import_problem_init (KkImportProblem *self)
{
}

KkImportProblem *
kk_import_problem_new (guint       line,
                       guint       column,
                       const char *reason)
{
  return g_object_new (KK_TYPE_IMPORT_PROBLEM,
                       "line", line,
                       "column", column,
                       "reason", reason,
                       NULL);
}

guint
kk_import_problem_get_line (KkImportProblem *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_PROBLEM (self), 0);
  return self->line;
}

guint
kk_import_problem_get_column (KkImportProblem *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_PROBLEM (self), 0);
  return self->column;
}

const char *
kk_import_problem_get_reason (KkImportProblem *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_PROBLEM (self), NULL);
  return self->reason;
}

/**
 * kk_import_problem_dup_message:
 *
 * Returns: (transfer full): the problem on one line, where first
 */
char *
kk_import_problem_dup_message (KkImportProblem *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_PROBLEM (self), NULL);
  return g_strdup_printf (_("line %u, column %u: %s"), self->line, self->column, self->reason);
}
