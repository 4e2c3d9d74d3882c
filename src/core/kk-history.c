/* kk-history.c: the record of every edit, for undo, redo and the unsaved mark
 *
 * An edit is a property change of a model object. The history keeps each as
 * its value before and after, so that undo and redo replay the change through
 * the same property machinery that views bind to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-core-private.h"
#include "kk-history.h"

typedef enum
{
  KK_CHANGE_PROPERTY,
  KK_CHANGE_INSERT,
  KK_CHANGE_REMOVE,
  KK_CHANGE_GROUP,
} KkChangeKind;

typedef struct
{
  KkChangeKind kind;
  /* A property: object, pspec, before and after. An item inserted into or
   * removed from a list store: object is the store, item the item. */
  GObject *object;
  GParamSpec *pspec;
  GValue before;
  GValue after;
  guint position;
  GObject *item;
  /* A group: changes made as one step, in the order made. */
  GPtrArray *children;
} KkChange;

struct _KkHistory
{
  GObject parent_instance;
  GPtrArray *changes;
  /* changes[0 .. position) are done, the rest undone and ready for redo. */
  guint position;
  /* The position at the last save; G_MAXUINT once that state is unreachable. */
  guint saved_position;
  /* The last change may take in the next one of the same property. */
  gboolean open;
  /* While a group is open, changes go into it rather than onto the stack. */
  KkChange *group;
  guint group_depth;
};

G_DEFINE_FINAL_TYPE (KkHistory, kk_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  REPLAYED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
kk_change_free (KkChange *change)
{
  g_clear_object (&change->object);
  g_clear_pointer (&change->pspec, g_param_spec_unref);
  if (G_IS_VALUE (&change->before))
    g_value_unset (&change->before);
  if (G_IS_VALUE (&change->after))
    g_value_unset (&change->after);
  g_clear_object (&change->item);
  g_clear_pointer (&change->children, g_ptr_array_unref);
  g_free (change);
}

/* A value out of the property's range is the caller's mistake: the editors
 * check what the user typed before they edit. */
static gboolean
kk_history_value_is_valid (GParamSpec   *pspec,
                           const GValue *value)
{
  g_auto(GValue) checked = G_VALUE_INIT;

  g_value_init (&checked, pspec->value_type);
  g_value_copy (value, &checked);
  return !g_param_value_validate (pspec, &checked);
}

/* Boxed values compare by pointer in GLib; lists compare by content here. */
static gboolean
kk_history_values_equal (GParamSpec   *pspec,
                         const GValue *a,
                         const GValue *b)
{
  if (pspec->value_type == G_TYPE_PTR_ARRAY)
    return kk_ptr_array_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (pspec->value_type == G_TYPE_STRV)
    return kk_strv_equal0 (g_value_get_boxed (a), g_value_get_boxed (b));
  return g_param_values_cmp (pspec, a, b) == 0;
}

typedef struct
{
  gboolean can_undo;
  gboolean can_redo;
  gboolean dirty;
} KkHistoryState;

static KkHistoryState
kk_history_state (KkHistory *self)
{
  return (KkHistoryState) {
    .can_undo = kk_history_get_can_undo (self),
    .can_redo = kk_history_get_can_redo (self),
    .dirty = kk_history_get_dirty (self),
  };
}

static void
kk_history_notify_changes (KkHistory      *self,
                           KkHistoryState  before)
{
  KkHistoryState after = kk_history_state (self);

  if (before.can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before.can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before.dirty != after.dirty)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
kk_history_dispose (GObject *object)
{
  KkHistory *self = (KkHistory *)object;

  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->group, kk_change_free);

  G_OBJECT_CLASS (kk_history_parent_class)->dispose (object);
}

static void
kk_history_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KkHistory *self = KK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, kk_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, kk_history_get_can_redo (self));
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, kk_history_get_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_history_class_init (KkHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kk_history_dispose;
  object_class->get_property = kk_history_get_property;

  /**
   * KkHistory:can-undo:
   *
   * Whether there is an edit to undo.
   */
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);

  /**
   * KkHistory:can-redo:
   *
   * Whether there is an undone edit to redo.
   */
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);

  /**
   * KkHistory:dirty:
   *
   * Whether the plan differs from what was last saved or opened.
   */
  properties[PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KkHistory::changed:
   * @object: the object whose property changed, or the list store an item
   *   was inserted into or removed from
   * @pspec: (nullable): the property, or %NULL for a list store
   *
   * Emitted after an edit, an undo or a redo changed a property, so that
   * views showing figures derived from many objects can update.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_PARAM);

  /**
   * KkHistory::replayed:
   *
   * Emitted after an undo or a redo, once all its changes are made, so that
   * a field holding what was typed but not applied shows the plan again.
   */
  signals[REPLAYED] =
    g_signal_new ("replayed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kk_history_init (KkHistory *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)kk_change_free);
}

KkHistory *
kk_history_new (void)
{
  return g_object_new (KK_TYPE_HISTORY, NULL);
}

static void
kk_history_apply (KkHistory    *self,
                  KkChange     *change,
                  const GValue *value)
{
  g_object_set_property (change->object, change->pspec->name, value);
  g_signal_emit (self, signals[CHANGED], 0, change->object, change->pspec);
}

/* Does @change, or undoes it when @forward is %FALSE. */
static void
kk_history_run (KkHistory *self,
                KkChange  *change,
                gboolean   forward)
{
  gboolean insert;

  switch (change->kind)
    {
    case KK_CHANGE_PROPERTY:
      kk_history_apply (self, change, forward ? &change->after : &change->before);
      break;
    case KK_CHANGE_INSERT:
    case KK_CHANGE_REMOVE:
      insert = (change->kind == KK_CHANGE_INSERT) == forward;
      if (insert)
        g_list_store_insert (G_LIST_STORE (change->object), change->position, change->item);
      else
        g_list_store_remove (G_LIST_STORE (change->object), change->position);
      g_signal_emit (self, signals[CHANGED], 0, change->object, NULL);
      break;
    case KK_CHANGE_GROUP:
    default:
      for (guint i = 0; i < change->children->len; i++)
        kk_history_run (self,
                        g_ptr_array_index (change->children,
                                           forward ? i : change->children->len - 1 - i),
                        forward);
      break;
    }
}

/* A new step drops the undone ones, and with them maybe the saved state. */
static void
kk_history_append_step (KkHistory *self,
                        KkChange  *change)
{
  g_ptr_array_set_size (self->changes, self->position);
  if (self->saved_position > self->position)
    self->saved_position = G_MAXUINT;
  g_ptr_array_add (self->changes, change);
  self->position++;
}

/* Does @change and keeps it: in the open group, or as the next step. */
static void
kk_history_push (KkHistory *self,
                 KkChange  *change)
{
  if (self->group != NULL)
    g_ptr_array_add (self->group->children, change);
  else
    kk_history_append_step (self, change);
  kk_history_run (self, change, TRUE);
}

static KkChange *
kk_history_open_change (KkHistory  *self,
                        GObject    *object,
                        GParamSpec *pspec)
{
  KkChange *last;

  if (!self->open || self->group != NULL || self->position == 0 ||
      self->position != self->changes->len)
    return NULL;
  last = g_ptr_array_index (self->changes, self->position - 1);
  return last->kind == KK_CHANGE_PROPERTY && last->object == object && last->pspec == pspec
         ? last : NULL;
}

/* Typing on into the field the last change was made in: one step for all. */
static void
kk_history_merge (KkHistory    *self,
                  KkChange     *change,
                  const GValue *value)
{
  g_value_copy (value, &change->after);
  kk_history_apply (self, change, value);
  /* Typed and deleted again: nothing is left to undo. */
  if (kk_history_values_equal (change->pspec, &change->before, &change->after))
    {
      g_ptr_array_set_size (self->changes, --self->position);
      self->open = FALSE;
    }
}

static void
kk_history_record (KkHistory    *self,
                   GObject      *object,
                   GParamSpec   *pspec,
                   const GValue *value)
{
  KkChange *change = g_new0 (KkChange, 1);

  change->kind = KK_CHANGE_PROPERTY;
  change->object = g_object_ref (object);
  change->pspec = g_param_spec_ref (pspec);
  g_value_init (&change->before, pspec->value_type);
  g_object_get_property (object, pspec->name, &change->before);
  g_value_init (&change->after, pspec->value_type);
  g_value_copy (value, &change->after);
  kk_history_push (self, change);
}

static gboolean
kk_history_is_unchanged (GObject      *object,
                         GParamSpec   *pspec,
                         const GValue *value)
{
  g_auto(GValue) current = G_VALUE_INIT;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (object, pspec->name, &current);
  return kk_history_values_equal (pspec, &current, value);
}

/**
 * kk_history_set_property:
 * @flags: whether the change may join the previous one
 *
 * Sets @property of @object to @value and records the change. Setting a
 * property to the value it has records nothing.
 *
 * Returns: %TRUE when the property changed
 */
gboolean
kk_history_set_property (KkHistory      *self,
                         GObject        *object,
                         const char     *property,
                         const GValue   *value,
                         KkHistoryFlags  flags)
{
  KkHistoryState before = kk_history_state (self);
  GParamSpec *pspec;
  KkChange *open_change;

  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL && (pspec->flags & G_PARAM_WRITABLE), FALSE);
  g_return_val_if_fail (G_VALUE_HOLDS (value, pspec->value_type), FALSE);
  g_return_val_if_fail (kk_history_value_is_valid (pspec, value), FALSE);

  if (kk_history_is_unchanged (object, pspec, value))
    return FALSE;

  open_change = (flags & KK_HISTORY_MERGE) ? kk_history_open_change (self, object, pspec) : NULL;
  if (open_change != NULL)
    kk_history_merge (self, open_change, value);
  else
    {
      kk_history_record (self, object, pspec, value);
      self->open = (flags & KK_HISTORY_MERGE) != 0;
    }

  kk_history_notify_changes (self, before);
  return TRUE;
}

static gboolean
kk_history_record_list_change (KkHistory    *self,
                               KkChangeKind  kind,
                               GListStore   *store,
                               guint         position,
                               GObject      *item)
{
  KkHistoryState before = kk_history_state (self);
  KkChange *change = g_new0 (KkChange, 1);

  change->kind = kind;
  change->object = g_object_ref (G_OBJECT (store));
  change->position = position;
  change->item = g_object_ref (item);
  self->open = FALSE;
  kk_history_push (self, change);
  kk_history_notify_changes (self, before);
  return TRUE;
}

/**
 * kk_history_insert_item:
 * @store: a list of the plan
 * @item: (transfer none): what to insert at @position
 *
 * Inserts @item into @store and records it.
 *
 * Returns: %TRUE
 */
gboolean
kk_history_insert_item (KkHistory  *self,
                        GListStore *store,
                        guint       position,
                        gpointer    item)
{
  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)), FALSE);
  g_return_val_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (item, g_list_model_get_item_type (G_LIST_MODEL (store))), FALSE);

  return kk_history_record_list_change (self, KK_CHANGE_INSERT, store, position, item);
}

/**
 * kk_history_remove_item:
 *
 * Removes the item at @position of @store and records it.
 *
 * Returns: %TRUE
 */
gboolean
kk_history_remove_item (KkHistory  *self,
                        GListStore *store,
                        guint       position)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (position < g_list_model_get_n_items (G_LIST_MODEL (store)), FALSE);

  item = g_list_model_get_item (G_LIST_MODEL (store), position);
  return kk_history_record_list_change (self, KK_CHANGE_REMOVE, store, position, item);
}

/**
 * kk_history_move_item:
 * @from: the item's position in @store
 * @to: where it goes, counted in @store as it is now
 *
 * Moves an item of @store, as one step: undo puts it back.
 *
 * Returns: %TRUE
 */
gboolean
kk_history_move_item (KkHistory  *self,
                      GListStore *store,
                      guint       from,
                      guint       to)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (store), FALSE);
  g_return_val_if_fail (from < g_list_model_get_n_items (G_LIST_MODEL (store)), FALSE);
  g_return_val_if_fail (to < g_list_model_get_n_items (G_LIST_MODEL (store)), FALSE);

  item = g_list_model_get_item (G_LIST_MODEL (store), from);
  kk_history_begin_group (self);
  kk_history_remove_item (self, store, from);
  kk_history_insert_item (self, store, to, item);
  kk_history_end_group (self);
  return TRUE;
}

/**
 * kk_history_begin_group:
 *
 * Starts a step of several changes, such as deleting a program with the
 * sheet only it had: undo takes them back together. Groups nest; the step
 * ends with the outermost kk_history_end_group().
 */
void
kk_history_begin_group (KkHistory *self)
{
  g_return_if_fail (KK_IS_HISTORY (self));

  if (self->group_depth++ > 0)
    return;
  self->open = FALSE;
  self->group = g_new0 (KkChange, 1);
  self->group->kind = KK_CHANGE_GROUP;
  self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify)kk_change_free);
}

void
kk_history_end_group (KkHistory *self)
{
  KkHistoryState before;
  KkChange *group;

  g_return_if_fail (KK_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;
  before = kk_history_state (self);
  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    {
      kk_change_free (group);
      return;
    }
  /* Its changes are done already; the group only becomes the next step. */
  kk_history_append_step (self, group);
  kk_history_notify_changes (self, before);
}

/**
 * kk_history_seal:
 *
 * Ends the typing into one field: the next change is a step of its own.
 */
void
kk_history_seal (KkHistory *self)
{
  g_return_if_fail (KK_IS_HISTORY (self));
  self->open = FALSE;
}

gboolean
kk_history_get_can_undo (KkHistory *self)
{
  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);
  return self->position > 0;
}

gboolean
kk_history_get_can_redo (KkHistory *self)
{
  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);
  return self->position < self->changes->len;
}

/* The changes of an open group are made before the group becomes a step:
 * from the first of them on, the plan differs from its file, and whoever
 * watches #KkHistory::changed (the recovery) must see it dirty then. */
gboolean
kk_history_get_dirty (KkHistory *self)
{
  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);
  return self->position != self->saved_position ||
         (self->group != NULL && self->group->children->len > 0);
}

gboolean
kk_history_undo (KkHistory *self)
{
  KkHistoryState before;
  KkChange *change;

  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);

  if (self->position == 0)
    return FALSE;

  before = kk_history_state (self);
  self->open = FALSE;
  change = g_ptr_array_index (self->changes, --self->position);
  kk_history_run (self, change, FALSE);
  kk_history_notify_changes (self, before);
  g_signal_emit (self, signals[REPLAYED], 0);
  return TRUE;
}

gboolean
kk_history_redo (KkHistory *self)
{
  KkHistoryState before;
  KkChange *change;

  g_return_val_if_fail (KK_IS_HISTORY (self), FALSE);

  if (self->position == self->changes->len)
    return FALSE;

  before = kk_history_state (self);
  self->open = FALSE;
  change = g_ptr_array_index (self->changes, self->position++);
  kk_history_run (self, change, TRUE);
  kk_history_notify_changes (self, before);
  g_signal_emit (self, signals[REPLAYED], 0);
  return TRUE;
}

/**
 * kk_history_mark_saved:
 *
 * Records the present state as the one on disk, so that undoing back to it
 * clears #KkHistory:dirty.
 */
void
kk_history_mark_saved (KkHistory *self)
{
  KkHistoryState before;

  g_return_if_fail (KK_IS_HISTORY (self));

  before = kk_history_state (self);
  self->open = FALSE;
  self->saved_position = self->position;
  kk_history_notify_changes (self, before);
}

/**
 * kk_history_mark_unsaved:
 *
 * Records that no state of the plan is on disk, as for a plan restored
 * from its recovery file: it stays dirty until saved, whatever is undone.
 */
void
kk_history_mark_unsaved (KkHistory *self)
{
  KkHistoryState before;

  g_return_if_fail (KK_IS_HISTORY (self));

  before = kk_history_state (self);
  self->saved_position = G_MAXUINT;
  kk_history_notify_changes (self, before);
}
