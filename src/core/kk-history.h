/* kk-history.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KK_TYPE_HISTORY (kk_history_get_type ())

G_DECLARE_FINAL_TYPE (KkHistory, kk_history, KK, HISTORY, GObject)

/**
 * KkHistoryFlags:
 * @KK_HISTORY_STEP: the change is one step of undo
 * @KK_HISTORY_MERGE: the change joins the previous one when that changed the
 *   same property of the same object, as typing into one field does
 */
typedef enum
{
  KK_HISTORY_STEP = 0,
  KK_HISTORY_MERGE = 1 << 0,
} KkHistoryFlags;

KkHistory *kk_history_new          (void);
gboolean   kk_history_set_property (KkHistory      *self,
                                    GObject        *object,
                                    const char     *property,
                                    const GValue   *value,
                                    KkHistoryFlags  flags);
gboolean   kk_history_insert_item  (KkHistory    *self,
                                    GListStore   *store,
                                    guint         position,
                                    gpointer      item);
gboolean   kk_history_remove_item  (KkHistory    *self,
                                    GListStore   *store,
                                    guint         position);
gboolean   kk_history_move_item    (KkHistory    *self,
                                    GListStore   *store,
                                    guint         from,
                                    guint         to);
void       kk_history_begin_group  (KkHistory    *self);
void       kk_history_end_group    (KkHistory    *self);
void       kk_history_seal         (KkHistory    *self);
gboolean   kk_history_get_can_undo (KkHistory    *self);
gboolean   kk_history_get_can_redo (KkHistory    *self);
gboolean   kk_history_get_dirty    (KkHistory    *self);
gboolean   kk_history_undo         (KkHistory    *self);
gboolean   kk_history_redo         (KkHistory    *self);
void       kk_history_mark_saved   (KkHistory    *self);
void       kk_history_mark_unsaved (KkHistory    *self);

G_END_DECLS
