/* kk-lock.c: who has a plan file open, for clerks sharing a drive
 *
 * While a window has a plan file open, a lock file beside it, named as
 * office suites name theirs (.~lock.NAME#), records the user, the host,
 * the process and the time. Another clerk opening the plan learns who has
 * it and may open it read-only. A lock left by a process that is gone on
 * this host (a crash) is stale and taken over; one from another host is
 * trusted, as its process cannot be checked from here, and so is a lock
 * file that cannot be read: the clerk is told what is known and may take
 * it over (kk_lock_take_over()), as office suites offer to.
 *
 * The lock of a file reached through a symbolic link is beside the file
 * the link leads to, where a clerk reaching it by another path looks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "kk-core-private.h"
#include "kk-lock.h"

#define GROUP "Lock"
/* A lock file is a few lines; anything larger is not one. */
#define MAX_LOCK_SIZE 4096

struct _KkLock
{
  GObject parent_instance;

  GFile *lock_file;
  char *user;
  char *host;
  GDateTime *time;
  gint64 pid;
  gboolean held;
  char *read_error;
};

G_DEFINE_FINAL_TYPE (KkLock, kk_lock, G_TYPE_OBJECT)

typedef enum
{
  KK_LOCK_NONE,
  KK_LOCK_READ,
  KK_LOCK_UNREADABLE,
} KkLockState;

static KkLockState kk_lock_read (KkLock *self);

/* Another window of this process may have taken the lock over since. */
static gboolean
kk_lock_is_still_held (KkLock *self)
{
  g_autoptr(KkLock) current = g_object_new (KK_TYPE_LOCK, NULL);

  current->lock_file = g_object_ref (self->lock_file);
  return kk_lock_read (current) == KK_LOCK_READ && current->pid == self->pid &&
         g_strcmp0 (current->host, self->host) == 0 &&
         g_date_time_equal (current->time, self->time);
}

static void
kk_lock_finalize (GObject *object)
{
  KkLock *self = (KkLock *)object;

  if (self->held && kk_lock_is_still_held (self))
    g_file_delete (self->lock_file, NULL, NULL);
  g_clear_object (&self->lock_file);
  g_free (self->user);
  g_free (self->host);
  g_free (self->read_error);
  g_clear_pointer (&self->time, g_date_time_unref);

  G_OBJECT_CLASS (kk_lock_parent_class)->finalize (object);
}

static void
kk_lock_class_init (KkLockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kk_lock_finalize;
}

static void
kk_lock_init (KkLock *self)
{
}

static GFile *
kk_lock_file_for (GFile *file)
{
  g_autoptr(GFile) target = kk_file_resolve_links (file);
  g_autofree char *name = g_file_get_basename (target);
  g_autofree char *lock_name = g_strconcat (".~lock.", name, "#", NULL);
  g_autoptr(GFile) parent = g_file_get_parent (target);

  return g_file_get_child (parent, lock_name);
}

static const char *
kk_lock_get_user_name (void)
{
  const char *real_name = g_get_real_name ();

  return g_strcmp0 (real_name, "Unknown") != 0 && *real_name ? real_name : g_get_user_name ();
}

static KkLock *
kk_lock_new_empty (GFile *file)
{
  KkLock *self = g_object_new (KK_TYPE_LOCK, NULL);

  self->lock_file = kk_lock_file_for (file);
  return self;
}

/* What is known of a lock file that cannot be read: why, and since when it
 * is there. */
static KkLockState
kk_lock_set_unreadable (KkLock       *self,
                        const char   *path,
                        const GError *error)
{
  GStatBuf st;

  self->read_error = g_strdup (error->message);
  self->time = g_lstat (path, &st) == 0 ? g_date_time_new_from_unix_local (st.st_mtime)
                                        : g_date_time_new_now_local ();
  return KK_LOCK_UNREADABLE;
}

/* Reads who holds the lock. A lock file of someone else may be anything:
 * it is read only when it is a small regular file, and never waited for. */
static KkLockState
kk_lock_read (KkLock *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = g_file_get_path (self->lock_file);
  g_autofree char *time = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data;

  if (path == NULL)
    return KK_LOCK_NONE;
  bytes = kk_file_read_regular (path, MAX_LOCK_SIZE, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return KK_LOCK_NONE;
  if (bytes == NULL)
    return kk_lock_set_unreadable (self, path, error);
  data = g_bytes_get_data (bytes, &len);
  if (!g_key_file_load_from_data (keys, data, len, G_KEY_FILE_NONE, &error))
    return kk_lock_set_unreadable (self, path, error);
  if (!g_key_file_has_group (keys, GROUP))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (&error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_GROUP_NOT_FOUND,
                   _("“%s” is not a lock file"), display);
      return kk_lock_set_unreadable (self, path, error);
    }
  self->user = g_key_file_get_string (keys, GROUP, "User", NULL);
  self->host = g_key_file_get_string (keys, GROUP, "Host", NULL);
  self->pid = g_key_file_get_int64 (keys, GROUP, "Process", NULL);
  time = g_key_file_get_string (keys, GROUP, "Time", NULL);
  self->time = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  if (self->time == NULL)
    self->time = g_date_time_new_now_local ();
  return KK_LOCK_READ;
}

static gboolean
kk_lock_is_this_host (KkLock *self)
{
  return g_strcmp0 (self->host, g_get_host_name ()) == 0;
}

/* A lock of a process of this host that is gone, or of this process. */
static gboolean
kk_lock_is_free (KkLock *self)
{
  if (self->read_error != NULL || !kk_lock_is_this_host (self))
    return FALSE;
  return self->pid == getpid () || self->pid <= 0 ||
         (kill ((pid_t)self->pid, 0) != 0 && errno == ESRCH);
}

static char *
kk_lock_dup_contents (KkLock *self)
{
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autofree char *time = g_date_time_format_iso8601 (self->time);

  g_key_file_set_string (keys, GROUP, "User", self->user);
  g_key_file_set_string (keys, GROUP, "Host", self->host);
  g_key_file_set_int64 (keys, GROUP, "Process", self->pid);
  g_key_file_set_string (keys, GROUP, "Time", time);
  return g_key_file_to_data (keys, NULL, NULL);
}

/* Creates the lock file, failing when it exists: of two clerks opening the
 * plan at once, one gets it. */
static gboolean
kk_lock_create (KkLock *self)
{
  g_autofree char *contents = kk_lock_dup_contents (self);
  g_autoptr(GFileOutputStream) stream = NULL;

  stream = g_file_create (self->lock_file, G_FILE_CREATE_NONE, NULL, NULL);
  return stream != NULL &&
         g_output_stream_write_all (G_OUTPUT_STREAM (stream), contents, strlen (contents), NULL,
                                    NULL, NULL) &&
         g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
}

/**
 * kk_lock_find_other:
 * @file: a plan file, to open or to save over (Save As)
 *
 * A lock file that cannot be read counts as someone else's: its
 * kk_lock_get_read_error() says why, and kk_lock_get_time() since when it
 * is there.
 *
 * Returns: (transfer full) (nullable): the lock someone else holds on
 *   @file, to say who and since when; %NULL when nobody else has it open
 */
KkLock *
kk_lock_find_other (GFile *file)
{
  g_autoptr(KkLock) other = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  other = kk_lock_new_empty (file);
  if (kk_lock_read (other) == KK_LOCK_NONE || kk_lock_is_free (other))
    return NULL;
  return g_steal_pointer (&other);
}

/**
 * kk_lock_new:
 * @file: the plan file opened
 *
 * Takes the lock on @file unless someone else holds it; a stale lock is
 * taken over. Where no lock file can be written (a read-only folder) the
 * plan is simply not locked. The lock goes with the object.
 *
 * Returns: (transfer full): the lock, held or not
 */
KkLock *
kk_lock_new (GFile *file)
{
  KkLock *self;
  g_autoptr(KkLock) other = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = kk_lock_new_empty (file);
  self->user = g_strdup (kk_lock_get_user_name ());
  self->host = g_strdup (g_get_host_name ());
  self->pid = getpid ();
  self->time = g_date_time_new_now_local ();

  other = kk_lock_new_empty (file);
  if (kk_lock_read (other) != KK_LOCK_NONE)
    {
      if (!kk_lock_is_free (other))
        return self;
      g_file_delete (self->lock_file, NULL, NULL);
    }
  self->held = kk_lock_create (self);
  return self;
}

/**
 * kk_lock_take_over:
 * @self: a lock of kk_lock_new() that someone else held
 *
 * Replaces whatever lock file there is with this one, after the clerk
 * confirmed that its holder no longer edits the plan (a crashed machine,
 * a lock file that cannot be read). The new lock file is written beside
 * and renamed over the old one, so that no one sees the plan unlocked
 * meanwhile; of two clerks taking over at once, the later one has it,
 * and the other is told.
 *
 * Returns: %TRUE when the lock is held now
 */
gboolean
kk_lock_take_over (KkLock  *self,
                   GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (KK_IS_LOCK (self), FALSE);
  g_return_val_if_fail (self->pid == getpid (), FALSE);

  if (self->held)
    return TRUE;
  contents = kk_lock_dup_contents (self);
  path = g_file_get_path (self->lock_file);
  display = g_filename_display_name (path);
  if (!g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 error))
    return FALSE;
  self->held = kk_lock_is_still_held (self);
  if (!self->held)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY,
                 _("Someone else took the lock “%s” at the same time"), display);
  return self->held;
}

/**
 * kk_lock_get_read_error:
 *
 * Returns: (nullable): why the lock file cannot be read (then user and
 *   host are not known); %NULL for a lock file that was read
 */
const char *
kk_lock_get_read_error (KkLock *self)
{
  g_return_val_if_fail (KK_IS_LOCK (self), NULL);
  return self->read_error;
}

/**
 * kk_lock_is_held:
 *
 * Returns: whether this lock is the plan's lock file
 */
gboolean
kk_lock_is_held (KkLock *self)
{
  g_return_val_if_fail (KK_IS_LOCK (self), FALSE);
  return self->held;
}

/**
 * kk_lock_get_user:
 *
 * Returns: (nullable): the name of the clerk who holds the lock
 */
const char *
kk_lock_get_user (KkLock *self)
{
  g_return_val_if_fail (KK_IS_LOCK (self), NULL);
  return self->user;
}

/**
 * kk_lock_get_host:
 *
 * Returns: (nullable): the machine the lock was taken on
 */
const char *
kk_lock_get_host (KkLock *self)
{
  g_return_val_if_fail (KK_IS_LOCK (self), NULL);
  return self->host;
}

/**
 * kk_lock_get_time:
 *
 * Returns: (transfer none): when the lock was taken; for a lock file that
 *   cannot be read, when it was last written
 */
GDateTime *
kk_lock_get_time (KkLock *self)
{
  g_return_val_if_fail (KK_IS_LOCK (self), NULL);
  return self->time;
}
