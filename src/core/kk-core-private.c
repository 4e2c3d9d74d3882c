/* kk-core-private.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

static void
kk_set_error_from_errno (GError     **error,
                         int          saved_errno,
                         const char  *format,
                         const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), format, display,
               g_strerror (saved_errno));
}

/**
 * kk_file_read_regular:
 * @path: a local file
 * @max_size: the largest file accepted
 *
 * Reads @path whole when it is a regular file, also behind a link. A named
 * pipe, a device or a folder is refused at once: the file is opened with
 * O_NONBLOCK, so that opening a pipe nobody writes to does not wait, and
 * its type is checked on what was opened, so that nothing can be swapped
 * in between. The size is checked before reading.
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
kk_file_read_regular (const char  *path,
                      gsize        max_size,
                      GError     **error)
{
  g_autofree char *display = NULL;
  g_autofree char *data = NULL;
  struct stat st;
  gsize len = 0;
  int fd;

  fd = open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    {
      kk_set_error_from_errno (error, errno, _("Could not read “%s”: %s"), path);
      return NULL;
    }
  display = g_filename_display_name (path);
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), display);
      return NULL;
    }
  if ((guint64)st.st_size > max_size)
    {
      g_autofree char *limit = g_format_size (max_size);

      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("“%s” is larger than %s"), display, limit);
      return NULL;
    }
  /* One byte more than the size: a file that grew meanwhile is noticed. */
  data = g_malloc ((gsize)st.st_size + 1);
  for (;;)
    {
      gssize n = read (fd, data + len, (gsize)st.st_size + 1 - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          kk_set_error_from_errno (error, saved_errno, _("Could not read “%s”: %s"), path);
          return NULL;
        }
      if (n == 0 || (len += n) > (gsize)st.st_size)
        break;
    }
  close (fd);
  if (len > (gsize)st.st_size)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                   _("“%s” changed while it was read"), display);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

/**
 * kk_file_resolve_links:
 *
 * Follows @file while it is a symbolic link, also one to a file not yet
 * made, so that saving writes the file it points to, and the lock is put
 * beside that file, where every clerk reaching it by any path sees it.
 *
 * Returns: (transfer full): the file @file leads to; @file itself when it
 *   is not a link, is not local, or leads round in a loop
 */
GFile *
kk_file_resolve_links (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  /* As many links as the kernel follows (MAXSYMLINKS). */
  for (guint i = 0; path != NULL && i < 40; i++)
    {
      g_autofree char *target = g_file_read_link (path, NULL);
      g_autofree char *dir = NULL;

      if (target == NULL)
        return g_file_new_for_path (path);
      dir = g_path_get_dirname (path);
      g_free (path);
      path = g_path_is_absolute (target) ? g_steal_pointer (&target)
                                         : g_build_filename (dir, target, NULL);
    }
  return g_object_ref (file);
}

/* The version of @file as GIO names it (its time of change), or NULL
 * when it does not exist. */
static char *
kk_file_dup_etag (GFile        *file,
                  GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static guint
kk_file_get_mode (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_UNIX_MODE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info == NULL || !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    return 0666;
  return g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;
}

/* Writes whole or not at all: a failure leaves @path as it was. Says which
 * file could not be written and why, without the name of the temporary
 * file GLib writes first. */
static gboolean
kk_file_write_whole (const char  *path,
                     const char  *data,
                     gsize        len,
                     guint        mode,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  const char *reason;

  if (g_file_set_contents_full (path, data, len,
                                G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                mode, &local_error))
    return TRUE;
  reason = strrchr (local_error->message, ':');
  reason = reason ? reason + 1 + strspn (reason + 1, " ") : local_error->message;
  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (local_error->code),
               _("Could not write “%s”: %s"), display, reason);
  return FALSE;
}

/* name~ beside @file, itself replaced whole, so that a failure leaves the
 * earlier backup as it was. */
static gboolean
kk_file_back_up (const char    *path,
                 guint          mode,
                 GError       **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return TRUE;
  return kk_file_write_whole (backup, contents, len, mode, error);
}

static gboolean
kk_file_check_etag (GFile         *file,
                    const char    *etag,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autofree char *current = NULL;

  if (etag == NULL)
    return TRUE;
  current = kk_file_dup_etag (file, cancellable);
  if (g_strcmp0 (current, etag) == 0)
    return TRUE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG,
                       _("The file was changed by someone else"));
  return FALSE;
}

/**
 * kk_file_replace_bytes:
 * @etag: (nullable): the version @file must still be, or %NULL for any
 * @new_etag: (out) (optional): the version written
 *
 * Writes @bytes to a file beside @file, syncs it to disk and renames it over
 * @file, so that a failure (a full disk, a folder gone) leaves @file as it
 * was, and a crash leaves the old or the new text, whole: GIO's own
 * replace writes a local file in place. With @make_backup the old text is
 * written to name~ first, in the same way. A file GIO reaches through a
 * network protocol rather than a path is left to GIO. When @file is no longer the version @etag names,
 * nothing is written: %G_IO_ERROR_WRONG_ETAG.
 *
 * Returns: %TRUE on success
 */
gboolean
kk_file_replace_bytes (GFile         *file,
                       GBytes        *bytes,
                       const char    *etag,
                       gboolean       make_backup,
                       char         **new_etag,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  guint mode;

  if (!kk_file_check_etag (file, etag, cancellable, error))
    return FALSE;
  if (path == NULL)
    return g_file_replace_contents (file, data, len, NULL, make_backup, G_FILE_CREATE_NONE,
                                    new_etag, cancellable, error);
  mode = kk_file_get_mode (file);
  if ((make_backup && !kk_file_back_up (path, mode, error)) ||
      !kk_file_write_whole (path, data, len, mode, error))
    return FALSE;
  if (new_etag != NULL)
    *new_etag = kk_file_dup_etag (file, cancellable);
  return TRUE;
}
