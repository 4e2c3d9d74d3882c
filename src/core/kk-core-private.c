/* kk-core-private.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
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

/* What a save writes first, beside the file: .~keikaku.NAME.XXXXXX. A
 * name of our own, so that what a killed save left is known for ours. */
#define TEMP_PREFIX ".~keikaku."
#define TEMP_RANDOM "XXXXXX"
/* A temporary file untouched for this long is no save under way. */
#define TEMP_STALE_SECONDS 60

static void
kk_set_write_error (GError     **error,
                    const char  *path,
                    int          saved_errno)
{
  kk_set_error_from_errno (error, saved_errno, _("Could not write “%s”: %s"), path);
}

static gboolean
kk_fd_write_all (int         fd,
                 const char *data,
                 gsize       len,
                 off_t       offset)
{
  while (len > 0)
    {
      gssize n = pwrite (fd, data, len, offset);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      len -= n;
      offset += n;
    }
  return TRUE;
}

/* The rename of a file written aside is itself on disk. */
static void
kk_sync_folder_of (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

/* Gives the new file @fd the mode of @like and, with @keep_owner, its
 * owner and group: FALSE when this user may not give them (another owner,
 * a group this user is not in: only the administrator may). */
static gboolean
kk_fd_take_owner (int                fd,
                  const struct stat *like,
                  gboolean           keep_owner)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    return FALSE;
  if (keep_owner && (st.st_uid != like->st_uid || st.st_gid != like->st_gid) &&
      fchown (fd, like->st_uid, like->st_gid) != 0)
    return FALSE;
  /* After fchown(), which clears the set-id bits. */
  return fchmod (fd, like->st_mode & (keep_owner ? 07777 : 0777)) == 0;
}

typedef enum
{
  KK_WRITE_DONE,
  KK_WRITE_FAILED,
  KK_WRITE_CANNOT_KEEP_OWNER,
} KkWriteResult;

/* Writes @data to a new file beside @path, syncs it and renames it over
 * @path: whole or not at all. The new file gets the mode of @like, and its
 * owner and group with @keep_owner; without @like, the mode of a new file
 * (0666 less the umask). */
static KkWriteResult
kk_file_write_aside (const char         *path,
                     const char         *data,
                     gsize               len,
                     const struct stat  *like,
                     gboolean            keep_owner,
                     GError            **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *temp_name = g_strconcat (TEMP_PREFIX, name, ".", TEMP_RANDOM, NULL);
  g_autofree char *temp = g_build_filename (dir, temp_name, NULL);
  int fd;
  int saved_errno;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, like ? 0600 : 0666);
  if (fd < 0)
    {
      kk_set_write_error (error, path, errno);
      return KK_WRITE_FAILED;
    }
  if (like != NULL && !kk_fd_take_owner (fd, like, keep_owner))
    {
      saved_errno = errno;
      close (fd);
      g_unlink (temp);
      if (keep_owner)
        return KK_WRITE_CANNOT_KEEP_OWNER;
      kk_set_write_error (error, path, saved_errno);
      return KK_WRITE_FAILED;
    }
  if (kk_fd_write_all (fd, data, len, 0) && fsync (fd) == 0 && close (fd) == 0)
    {
      if (rename (temp, path) == 0)
        {
          kk_sync_folder_of (path);
          return KK_WRITE_DONE;
        }
      fd = -1;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp);
  kk_set_write_error (error, path, saved_errno);
  return KK_WRITE_FAILED;
}

/* Copies the text of @path to name~, read back from the disk and compared
 * before anything else is written: the one copy of the earlier text when
 * the file itself is then written in place.
 *
 * Returns: (transfer full) (nullable): the earlier text */
static GBytes *
kk_file_back_up (const char         *path,
                 const struct stat  *st,
                 GError            **error)
{
  g_autofree char *backup = g_strconcat (path, "~", NULL);
  g_autoptr(GBytes) old = kk_file_read_regular (path, G_MAXSSIZE, error);
  g_autoptr(GBytes) read_back = NULL;
  g_autofree char *display = NULL;
  gsize len;
  const char *data;

  if (old == NULL)
    return NULL;
  data = g_bytes_get_data (old, &len);
  /* The backup is this user's file, readable by whom the file is. */
  if (kk_file_write_aside (backup, data, len, st, FALSE, error) != KK_WRITE_DONE)
    return NULL;
  read_back = kk_file_read_regular (backup, len, error);
  if (read_back == NULL)
    return NULL;
  if (g_bytes_equal (read_back, old))
    return g_steal_pointer (&old);
  display = g_filename_display_name (backup);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The backup “%s” does not read back as it was written"), display);
  return NULL;
}

/* Writes @data over the file @fd is open on, which keeps its owner, group,
 * mode and every hard link. A failure halfway puts @old back; name~ holds
 * it in any case. */
static gboolean
kk_file_write_in_place (int          fd,
                        const char  *path,
                        GBytes      *old,
                        const char  *data,
                        gsize        len,
                        GError     **error)
{
  g_autofree char *display = NULL;
  gsize old_len;
  const char *old_data;
  int saved_errno;

  if (kk_fd_write_all (fd, data, len, 0) && ftruncate (fd, len) == 0 && fsync (fd) == 0)
    return TRUE;
  saved_errno = errno;
  old_data = g_bytes_get_data (old, &old_len);
  if (kk_fd_write_all (fd, old_data, old_len, 0) && ftruncate (fd, old_len) == 0)
    fsync (fd);
  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write “%s”: %s. Its earlier text is also in “%s~”."),
               display, g_strerror (saved_errno), display);
  return FALSE;
}

/**
 * kk_file_remove_if_stale:
 * @path: a temporary file that a write killed halfway may have left
 *
 * Removes @path when it is a regular file untouched for a minute: not a
 * write under way, of this process or another.
 */
void
kk_file_remove_if_stale (const char *path)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GStatBuf st;

  if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > TEMP_STALE_SECONDS)
    g_unlink (path);
}

/* TEMP_PREFIX NAME . XXXXXX, of this file or of its backup; also NAME~.XXXXXX,
 * which g_file_set_contents() left for the backup of earlier versions. */
static gboolean
kk_is_temp_name_of (const char *candidate,
                    const char *name)
{
  g_autofree char *ours = g_strconcat (TEMP_PREFIX, name, ".", NULL);
  g_autofree char *ours_backup = g_strconcat (TEMP_PREFIX, name, "~.", NULL);
  g_autofree char *glib_backup = g_strconcat (name, "~.", NULL);
  const char *prefixes[] = { ours, ours_backup, glib_backup };

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_str_has_prefix (candidate, prefixes[i]) &&
        strlen (candidate) == strlen (prefixes[i]) + strlen (TEMP_RANDOM))
      return TRUE;
  return FALSE;
}

/* What saves of @path that were killed left beside it: each as large as
 * the plan. Only regular files of our names, untouched for a while, so
 * that a colleague's save under way keeps its file. */
static void
kk_file_remove_stale_temps (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *candidate;

  while (dir != NULL && (candidate = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *candidate_path = NULL;

      if (!kk_is_temp_name_of (candidate, name))
        continue;
      candidate_path = g_build_filename (dir_path, candidate, NULL);
      kk_file_remove_if_stale (candidate_path);
    }
}

static gboolean
kk_is_in_group (gid_t gid)
{
  int n = getgroups (0, NULL);
  g_autofree gid_t *groups = NULL;

  if (n <= 0)
    return FALSE;
  groups = g_new (gid_t, n);
  n = getgroups (n, groups);
  for (int i = 0; i < n; i++)
    if (groups[i] == gid)
      return TRUE;
  return FALSE;
}

/* Whether a file written aside can be given the owner and group of @st. */
static gboolean
kk_can_keep_owner (const struct stat *st)
{
  if (geteuid () == 0)
    return TRUE;
  if (st->st_uid != geteuid ())
    return FALSE;
  return st->st_gid == getegid () || kk_is_in_group (st->st_gid);
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

/* The file at @path, which exists: kept as what it is, a file of its owner,
 * group and mode, with all its hard links. Written aside and renamed over
 * when a new file can be given all that; otherwise written in place, after
 * a backup that is read back and compared. */
static gboolean
kk_file_replace_existing (const char         *path,
                          const struct stat  *st,
                          const char         *data,
                          gsize               len,
                          gboolean            make_backup,
                          GError            **error)
{
  g_autoptr(GBytes) old = NULL;
  KkWriteResult result;
  gboolean written;
  int fd;

  kk_file_remove_stale_temps (path);
  if (st->st_nlink == 1 && kk_can_keep_owner (st))
    {
      if (make_backup && (old = kk_file_back_up (path, st, error)) == NULL)
        return FALSE;
      result = kk_file_write_aside (path, data, len, st, TRUE, error);
      if (result != KK_WRITE_CANNOT_KEEP_OWNER)
        return result == KK_WRITE_DONE;
    }
  /* Opened before the backup is written: a file this user may not write
   * gets no backup for nothing. */
  fd = open (path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    {
      kk_set_write_error (error, path, errno);
      return FALSE;
    }
  if (old == NULL)
    old = kk_file_back_up (path, st, error);
  written = old != NULL && kk_file_write_in_place (fd, path, old, data, len, error);
  close (fd);
  return written;
}

/**
 * kk_file_replace_bytes:
 * @etag: (nullable): the version @file must still be, or %NULL for any
 * @make_backup: whether to keep the earlier text as name~
 * @new_etag: (out) (optional): the version written
 *
 * Writes @bytes to @file so that a failure (a full disk, a folder gone)
 * leaves @file as it was, and a crash leaves the old or the new text,
 * whole, and so that @file stays what it was on a shared drive:
 *
 * - Through a symbolic link, the file the link leads to is written; the
 *   link stays.
 * - The text is written to a new file beside @file (.~keikaku.NAME.XXXXXX),
 *   synced to disk and renamed over @file, when the new file can be given
 *   the owner, group and mode of @file. Where it cannot (a colleague's
 *   file this user may write, in a folder of the group) or where @file has
 *   other hard links, @file is written in place, keeping them: after a
 *   backup name~ that is synced, read back and compared, and with the old
 *   text put back when writing fails halfway.
 * - What a save that was killed left beside @file (its temporary files,
 *   untouched for a minute) is removed.
 *
 * GIO's own g_file_replace() makes the same choice for a local file, but
 * writes in place by truncating the file first, with an unverified copy to
 * name~ only when asked for one. A file GIO reaches through a network
 * protocol rather than a path is left to GIO. When @file is no longer the
 * version @etag names, nothing is written: %G_IO_ERROR_WRONG_ETAG.
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
  g_autoptr(GFile) target = NULL;
  g_autofree char *path = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  struct stat st;
  gboolean written;

  if (!kk_file_check_etag (file, etag, cancellable, error))
    return FALSE;
  target = kk_file_resolve_links (file);
  path = g_file_get_path (target);
  if (path == NULL)
    return g_file_replace_contents (file, data, len, NULL, make_backup, G_FILE_CREATE_NONE,
                                    new_etag, cancellable, error);
  if (lstat (path, &st) != 0)
    {
      if (errno != ENOENT)
        {
          kk_set_write_error (error, path, errno);
          return FALSE;
        }
      written = kk_file_write_aside (path, data, len, NULL, FALSE, error) == KK_WRITE_DONE;
    }
  else if (!S_ISREG (st.st_mode))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), display);
      written = FALSE;
    }
  else
    written = kk_file_replace_existing (path, &st, data, len, make_backup, error);
  if (written && new_etag != NULL)
    *new_etag = kk_file_dup_etag (file, cancellable);
  return written;
}
