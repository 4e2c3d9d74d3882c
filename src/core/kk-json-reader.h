/* kk-json-reader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KK_JSON_MAX_DEPTH 32
#define KK_JSON_MAX_STRING (1024 * 1024)

typedef enum
{
  KK_JSON_NULL,
  KK_JSON_BOOLEAN,
  KK_JSON_INTEGER,
  KK_JSON_DOUBLE,
  KK_JSON_STRING,
  KK_JSON_OBJECT,
  KK_JSON_ARRAY,
} KkJsonKind;

/* A value of a tree: its index, 0 for the value read. */
typedef guint KkJsonRef;

typedef struct _KkJsonTree KkJsonTree;

typedef struct
{
  KkJsonTree *tree;
  gsize pos;
  gsize end;
  /* Where the text not given back yet begins. */
  gsize kept;
} KkJsonIter;

KkJsonTree *kk_json_tree_new       (const char  *text,
                                    gsize        length);
void        kk_json_tree_free      (KkJsonTree  *self);
void        kk_json_tree_set_discard_read (KkJsonTree *self,
                                    gboolean     discard_read);
gboolean    kk_json_tree_read_root (KkJsonTree  *self,
                                    GError     **error);
void        kk_json_tree_read      (KkJsonTree  *self,
                                    gsize        start);

KkJsonKind  kk_json_kind           (KkJsonTree  *self,
                                    KkJsonRef    ref);
guint       kk_json_n_children     (KkJsonTree  *self,
                                    KkJsonRef    ref);
KkJsonRef   kk_json_first          (KkJsonTree  *self,
                                    KkJsonRef    ref);
KkJsonRef   kk_json_next           (KkJsonTree  *self,
                                    KkJsonRef    ref);
gboolean    kk_json_lookup         (KkJsonTree  *self,
                                    KkJsonRef    object,
                                    const char  *name,
                                    KkJsonRef   *out);
const char *kk_json_name           (KkJsonTree  *self,
                                    KkJsonRef    ref);
const char *kk_json_string         (KkJsonTree  *self,
                                    KkJsonRef    ref);
gint64      kk_json_int            (KkJsonTree  *self,
                                    KkJsonRef    ref);
double      kk_json_double         (KkJsonTree  *self,
                                    KkJsonRef    ref);
gboolean    kk_json_boolean        (KkJsonTree  *self,
                                    KkJsonRef    ref);
const char *kk_json_text           (KkJsonTree  *self,
                                    KkJsonRef    ref,
                                    gsize       *length);

void        kk_json_iter_init      (KkJsonIter  *iter,
                                    KkJsonTree  *root,
                                    KkJsonRef    array,
                                    KkJsonTree  *items);
gboolean    kk_json_iter_next      (KkJsonIter  *iter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KkJsonTree, kk_json_tree_free)

G_END_DECLS
