/* kk-row-model.c: rows that stay in place while the programs below them change
 *
 * GTK 4.8's list widgets build new widgets for every item that comes into
 * view and destroy those of the items that leave it. A search over a large
 * plan replaces most of the rows on screen at each key, and building their
 * cells is most of the time a key takes. A KkRowModel gives the view rows
 * that keep their places: when the programs below change, each row takes
 * the program now at its place, so the view redraws the cells it has. Only
 * a change in the number of programs reaches the view as added or removed
 * rows, at the end.
 *
 * Rows are made when the view asks for them, so that a change touches the
 * few the view has seen, not every program of the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-program.h"
#include "kk-row.h"
#include "kk-row-model.h"

struct _KkRowModel
{
  GObject parent_instance;

  GListModel *programs;
  /* One KkRow or NULL for each program, by position. */
  GPtrArray *rows;
};

static void kk_row_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KkRowModel, kk_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      kk_row_model_list_model_init))

enum {
  PROP_0,
  PROP_PROGRAMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
kk_row_model_get_item_type (GListModel *model)
{
  return KK_TYPE_ROW;
}

static guint
kk_row_model_get_n_items (GListModel *model)
{
  return KK_ROW_MODEL (model)->rows->len;
}

static gpointer
kk_row_model_get_item (GListModel *model,
                       guint       position)
{
  KkRowModel *self = KK_ROW_MODEL (model);
  KkRow *row;

  if (position >= self->rows->len)
    return NULL;
  row = g_ptr_array_index (self->rows, position);
  if (row == NULL)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (self->programs, position);

      row = kk_row_new (program);
      self->rows->pdata[position] = row;
    }
  return g_object_ref (row);
}

static void
kk_row_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = kk_row_model_get_item_type;
  iface->get_n_items = kk_row_model_get_n_items;
  iface->get_item = kk_row_model_get_item;
}

/* The rows from @first to @last (excluded) take the programs now at their places. */
static void
kk_row_model_update_rows (KkRowModel *self,
                          guint       first,
                          guint       last)
{
  for (guint i = first; i < last; i++)
    {
      KkRow *row = g_ptr_array_index (self->rows, i);

      if (row != NULL)
        {
          g_autoptr(KkProgram) program = g_list_model_get_item (self->programs, i);

          kk_row_set_program (row, program);
        }
    }
}

static void
kk_row_model_programs_changed (KkRowModel *self,
                               guint       position,
                               guint       removed,
                               guint       added)
{
  guint old_n = self->rows->len;
  guint new_n = g_list_model_get_n_items (self->programs);
  /* When the count changes, every program after @position moves. */
  guint last = removed == added ? position + added : MIN (old_n, new_n);

  kk_row_model_update_rows (self, position, last);
  if (old_n == new_n)
    return;
  g_ptr_array_set_size (self->rows, new_n);
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

static void
kk_row_model_set_programs (KkRowModel *self,
                           GListModel *programs)
{
  self->programs = g_object_ref (programs);
  g_ptr_array_set_size (self->rows, g_list_model_get_n_items (programs));
  g_signal_connect_object (programs, "items-changed",
                           G_CALLBACK (kk_row_model_programs_changed), self, G_CONNECT_SWAPPED);
}

static void
kk_row_model_dispose (GObject *object)
{
  KkRowModel *self = KK_ROW_MODEL (object);

  g_clear_object (&self->programs);

  G_OBJECT_CLASS (kk_row_model_parent_class)->dispose (object);
}

static void
kk_row_model_finalize (GObject *object)
{
  KkRowModel *self = KK_ROW_MODEL (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kk_row_model_parent_class)->finalize (object);
}

static void
kk_row_model_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  KkRowModel *self = KK_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_PROGRAMS:
      g_value_set_object (value, self->programs);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_row_model_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  KkRowModel *self = KK_ROW_MODEL (object);

  switch (prop_id)
    {
    case PROP_PROGRAMS:
      kk_row_model_set_programs (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_row_model_class_init (KkRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kk_row_model_dispose;
  object_class->finalize = kk_row_model_finalize;
  object_class->get_property = kk_row_model_get_property;
  object_class->set_property = kk_row_model_set_property;

  /**
   * KkRowModel:programs:
   *
   * The programs the rows show, in the order they are shown.
   */
  properties[PROP_PROGRAMS] =
    g_param_spec_object ("programs", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* Rows not asked for yet are NULL. */
static void
kk_row_free (gpointer row)
{
  if (row != NULL)
    g_object_unref (row);
}

static void
kk_row_model_init (KkRowModel *self)
{
  self->rows = g_ptr_array_new_with_free_func (kk_row_free);
}

KkRowModel *
kk_row_model_new (GListModel *programs)
{
  g_return_val_if_fail (G_IS_LIST_MODEL (programs), NULL);

  return g_object_new (KK_TYPE_ROW_MODEL, "programs", programs, NULL);
}

/**
 * kk_row_model_get_programs:
 *
 * Returns: (transfer none): the programs the rows show
 */
GListModel *
kk_row_model_get_programs (KkRowModel *self)
{
  g_return_val_if_fail (KK_IS_ROW_MODEL (self), NULL);
  return self->programs;
}
