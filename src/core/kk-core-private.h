/* kk-core-private.h: helpers shared by the model types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Replaces *field with a copy of value; TRUE when the text changed, so that
 * setters notify only on change. */
static inline gboolean
kk_set_string (char       **field,
               const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* Sets a text property's field and notifies when the text changed. */
static inline void
kk_update_string (gpointer     object,
                  char       **field,
                  const char  *value,
                  GParamSpec  *pspec)
{
  if (kk_set_string (field, value))
    g_object_notify_by_pspec (G_OBJECT (object), pspec);
}

static inline gboolean
kk_set_int64 (gint64 *field,
              gint64  value)
{
  if (*field == value)
    return FALSE;
  *field = value;
  return TRUE;
}

gboolean kk_strv_equal0   (const char * const *a,
                           const char * const *b);
gboolean kk_ptr_array_equal (GPtrArray *a,
                             GPtrArray *b);
GPtrArray *kk_object_array_copy (GPtrArray *array);
gpointer   kk_object_copy       (gpointer   source);

gboolean kk_file_replace_bytes (GFile         *file,
                                GBytes        *bytes,
                                const char    *etag,
                                gboolean       make_backup,
                                char         **new_etag,
                                GCancellable  *cancellable,
                                GError       **error);

GBytes   *kk_file_read_regular  (const char    *path,
                                gsize          max_size,
                                GError       **error);
GFile    *kk_file_resolve_links (GFile         *file);
void      kk_file_remove_if_stale (const char  *path);

const char *kk_enum_get_nick   (GType       enum_type,
                                int         value);
gboolean    kk_enum_from_nick  (GType       enum_type,
                                const char *nick,
                                int        *value);
char       *kk_enum_dup_nicks  (GType       enum_type);

char       *kk_dup_printable   (const char *text);

G_END_DECLS

#include "kk-program.h"

G_BEGIN_DECLS

/* Only a sheet sets the back-reference of the programs it covers. */
void kk_program_set_sheet (KkProgram *self,
                           KkSheet   *sheet);

G_END_DECLS
