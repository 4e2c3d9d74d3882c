/* kk-row.c: one line of the program list, showing whichever program is at its place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-row.h"

struct _KkRow
{
  GObject parent_instance;

  KkProgram *program;
};

G_DEFINE_FINAL_TYPE (KkRow, kk_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kk_row_program_changed (KkRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
kk_row_stop_watching (KkRow *self)
{
  if (self->program != NULL)
    g_signal_handlers_disconnect_by_func (self->program, kk_row_program_changed, self);
}

static void
kk_row_dispose (GObject *object)
{
  KkRow *self = KK_ROW (object);

  kk_row_stop_watching (self);
  g_clear_object (&self->program);

  G_OBJECT_CLASS (kk_row_parent_class)->dispose (object);
}

static void
kk_row_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  KkRow *self = KK_ROW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_row_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  KkRow *self = KK_ROW (object);

  switch (prop_id)
    {
    case PROP_PROGRAM:
      kk_row_set_program (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_row_class_init (KkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kk_row_dispose;
  object_class->get_property = kk_row_get_property;
  object_class->set_property = kk_row_set_property;

  /**
   * KkRow:program:
   *
   * The program the row shows.
   */
  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL, KK_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KkRow::changed:
   *
   * Emitted when the row shows another program, or a property of its
   * program changed: what the row's cells show may have changed. Cells
   * connect to their row once, whichever program comes to it.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kk_row_init (KkRow *self)
{
}

KkRow *
kk_row_new (KkProgram *program)
{
  g_return_val_if_fail (KK_IS_PROGRAM (program), NULL);

  return g_object_new (KK_TYPE_ROW, "program", program, NULL);
}

KkProgram *
kk_row_get_program (KkRow *self)
{
  g_return_val_if_fail (KK_IS_ROW (self), NULL);
  return self->program;
}

void
kk_row_set_program (KkRow     *self,
                    KkProgram *program)
{
  g_return_if_fail (KK_IS_ROW (self));
  g_return_if_fail (KK_IS_PROGRAM (program));

  if (self->program == program)
    return;
  kk_row_stop_watching (self);
  g_set_object (&self->program, program);
  g_signal_connect_swapped (program, "notify", G_CALLBACK (kk_row_program_changed), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
  kk_row_program_changed (self);
}
