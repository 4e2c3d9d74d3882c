/* kk-core-private.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kk-core-private.h"

gboolean
kk_strv_equal0 (const char * const *a,
                const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal (a ? a : empty, b ? b : empty);
}

gboolean
kk_ptr_array_equal (GPtrArray *a,
                    GPtrArray *b)
{
  guint na = a ? a->len : 0;
  guint nb = b ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_ptr_array_index (a, i) != g_ptr_array_index (b, i))
      return FALSE;
  return TRUE;
}

/* A new array holding its own references to the objects of array. */
GPtrArray *
kk_object_array_copy (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; array && i < array->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (array, i)));
  return copy;
}

/* A new object of the type of @source with the same value of every property
 * that can be both read and written: a copy of a plain model object. Lists
 * that are not properties are the caller's to copy. */
gpointer
kk_object_copy (gpointer source)
{
  g_autofree GParamSpec **pspecs = NULL;
  g_autofree const char **names = NULL;
  GValue *values;
  guint n_pspecs;
  guint n = 0;
  GObject *copy;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n_pspecs);
  names = g_new0 (const char *, n_pspecs);
  values = g_new0 (GValue, n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;
      names[n] = pspecs[i]->name;
      g_value_init (&values[n], pspecs[i]->value_type);
      g_object_get_property (source, pspecs[i]->name, &values[n]);
      n++;
    }
  copy = g_object_new_with_properties (G_OBJECT_TYPE (source), n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);
  g_free (values);
  return copy;
}

/* The names of enum values in files are the nicks of kk-types.h. */
const char *
kk_enum_get_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value (klass, value);

  g_return_val_if_fail (enum_value != NULL, NULL);
  return enum_value->value_nick;
}

gboolean
kk_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *enum_value = g_enum_get_value_by_nick (klass, nick);

  if (enum_value == NULL)
    return FALSE;
  *value = enum_value->value;
  return TRUE;
}

/* "exact, at_least, at_most": the names a file may use, for messages. */
char *
kk_enum_dup_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *nicks = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (nicks, ", ");
      g_string_append (nicks, klass->values[i].value_nick);
    }
  return g_string_free (nicks, FALSE);
}

/* Error messages quote what a file holds and are shown on one line, in the
 * window and on a terminal: a line break or a terminal's escape in them is
 * written as a plan file escapes it, \u000a. */
char *
kk_dup_printable (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* Writes @bytes beside @file and renames them over it, so that a failure
 * (a full disk, a folder gone) leaves @file as it was. */
gboolean
kk_file_replace_bytes (GFile         *file,
                       GBytes        *bytes,
                       gboolean       make_backup,
                       GCancellable  *cancellable,
                       GError       **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return g_file_replace_contents (file, data, len, NULL, make_backup, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}
