/* kk-recovery.c: unsaved changes written aside, so that a crash or a power
 * cut loses none of them
 *
 * A KkRecovery watches a plan's history. A change schedules a write of the
 * whole plan to the recovery folder at most KK_RECOVERY_DELAY_MS later,
 * so that a burst of typing costs one write; the plan is serialised on
 * the main thread, which owns it, and written and synced to disk in a
 * worker thread, so that typing never waits for the disk. When the plan is
 * saved, or undone back to what is on disk, or its changes are discarded,
 * the files go. A process told to end writes its changes aside at once
 * (kk_recovery_write_now()), without waiting for the delay.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kk-core-private.h"
#include "kk-plan-file.h"
#include "kk-recovery.h"

#define PLAN_SUFFIX ".keikaku"
#define INFO_SUFFIX ".info"

struct _KkRecovery
{
  GObject parent_instance;

  GFile *folder;
  KkPlan *plan;
  KkHistory *history;
  GFile *file;
  char *etag;
  char *plan_path;
  char *info_path;
  GDateTime *changed;

  guint delay_ms;
  guint timeout_id;
  guint64 last_serial;
  guint64 written_serial;
  gboolean writing;
  gboolean discarded;
  char *write_error;
};

G_DEFINE_FINAL_TYPE (KkRecovery, kk_recovery, G_TYPE_OBJECT)

static guint default_delay_ms = KK_RECOVERY_DELAY_MS;

/* Held while an entry is written: a write made at once on the way out and
 * one a worker finishes later go to disk one after the other, the newer
 * last. */
static GMutex write_order;

enum {
  PROP_0,
  PROP_WRITE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a worker writes: the plan, then the key file that makes it an
 * entry, each replaced whole and synced. */
typedef struct
{
  guint64 serial;
  char *folder;
  char *plan_path;
  GBytes *plan;
  char *info_path;
  char *info;
} KkRecoveryWrite;

static void
kk_recovery_write_free (KkRecoveryWrite *write)
{
  g_free (write->folder);
  g_free (write->plan_path);
  g_clear_pointer (&write->plan, g_bytes_unref);
  g_free (write->info_path);
  g_free (write->info);
  g_free (write);
}

static gboolean
kk_recovery_write_files (KkRecoveryWrite  *write,
                         GError          **error)
{
  GFileSetContentsFlags flags = G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE;
  gsize len;
  const char *data = g_bytes_get_data (write->plan, &len);

  if (g_mkdir_with_parents (write->folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", write->folder, g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents_full (write->plan_path, data, len, flags, 0600, error) &&
         g_file_set_contents_full (write->info_path, write->info, -1, flags, 0600, error);
}

/* A write older than the one on disk already is left out, not written
 * over it. */
static gboolean
kk_recovery_write_in_order (KkRecovery       *self,
                            KkRecoveryWrite  *write,
                            GError          **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&write_order);

  if (write->serial <= self->written_serial)
    return TRUE;
  if (!kk_recovery_write_files (write, error))
    return FALSE;
  self->written_serial = write->serial;
  return TRUE;
}

static void
kk_recovery_write_thread (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  GError *error = NULL;

  if (kk_recovery_write_in_order (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
kk_recovery_delete_files (KkRecovery *self)
{
  g_unlink (self->plan_path);
  g_unlink (self->info_path);
}

static char *
kk_recovery_dup_info (KkRecovery *self)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *changed = g_date_time_format_iso8601 (self->changed);
  g_autofree char *uri = self->file ? g_file_get_uri (self->file) : NULL;

  g_key_file_set_string (info, "Recovery", "File", uri ? uri : "");
  if (self->etag != NULL)
    g_key_file_set_string (info, "Recovery", "Version", self->etag);
  g_key_file_set_string (info, "Recovery", "Changed", changed);
  return g_key_file_to_data (info, NULL, NULL);
}

static void kk_recovery_schedule (KkRecovery *self);

/* Logged once for each new reason, not at each change while it lasts. */
static void
kk_recovery_set_write_error (KkRecovery   *self,
                             const GError *error)
{
  const char *message = error ? error->message : NULL;

  if (!kk_set_string (&self->write_error, message))
    return;
  if (message != NULL)
    g_message ("Could not write the unsaved changes aside: %s", message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITE_ERROR]);
}

/* The plan may have been saved or discarded, or changed again, meanwhile. */
static void
kk_recovery_write_done (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  KkRecovery *self = KK_RECOVERY (object);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  g_task_propagate_boolean (G_TASK (result), &error);
  kk_recovery_set_write_error (self, error);
  if (self->discarded || !kk_history_get_dirty (self->history))
    kk_recovery_delete_files (self);
}

/* The plan as it is now, serialised on the main thread, which owns it. */
static KkRecoveryWrite *
kk_recovery_write_new (KkRecovery *self)
{
  KkRecoveryWrite *write = g_new0 (KkRecoveryWrite, 1);

  write->serial = ++self->last_serial;
  write->folder = g_file_get_path (self->folder);
  write->plan_path = g_strdup (self->plan_path);
  write->plan = kk_plan_to_bytes (self->plan);
  write->info_path = g_strdup (self->info_path);
  write->info = kk_recovery_dup_info (self);
  return write;
}

static gboolean
kk_recovery_write (gpointer user_data)
{
  KkRecovery *self = user_data;
  g_autoptr(GTask) task = NULL;
  KkRecoveryWrite *write;

  self->timeout_id = 0;
  if (self->writing)
    {
      /* The change comes after what is being written: once more. */
      kk_recovery_schedule (self);
      return G_SOURCE_REMOVE;
    }
  write = kk_recovery_write_new (self);

  self->writing = TRUE;
  task = g_task_new (self, NULL, kk_recovery_write_done, NULL);
  g_task_set_source_tag (task, kk_recovery_write);
  g_task_set_task_data (task, write, (GDestroyNotify)kk_recovery_write_free);
  g_task_run_in_thread (task, kk_recovery_write_thread);
  return G_SOURCE_REMOVE;
}

static void
kk_recovery_schedule (KkRecovery *self)
{
  if (self->timeout_id == 0)
    self->timeout_id = g_timeout_add (self->delay_ms, kk_recovery_write, self);
}

static void
kk_recovery_history_changed_cb (KkRecovery *self,
                                GObject    *object,
                                GParamSpec *pspec,
                                KkHistory  *history)
{
  g_clear_pointer (&self->changed, g_date_time_unref);
  self->changed = g_date_time_new_now_local ();
  if (kk_history_get_dirty (history))
    kk_recovery_schedule (self);
}

/* Unsaved without a change of its own (kk_history_mark_unsaved()): written
 * aside as a change is. Saved, or undone back to what is on disk: nothing
 * to recover. */
static void
kk_recovery_dirty_cb (KkRecovery *self,
                      GParamSpec *pspec,
                      KkHistory  *history)
{
  if (kk_history_get_dirty (history))
    {
      kk_recovery_schedule (self);
      return;
    }
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->writing)
    kk_recovery_delete_files (self);
}

static void
kk_recovery_dispose (GObject *object)
{
  KkRecovery *self = (KkRecovery *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (kk_recovery_parent_class)->dispose (object);
}

static void
kk_recovery_finalize (GObject *object)
{
  KkRecovery *self = (KkRecovery *)object;

  g_clear_object (&self->folder);
  g_clear_object (&self->file);
  g_free (self->etag);
  g_clear_pointer (&self->changed, g_date_time_unref);
  g_free (self->plan_path);
  g_free (self->info_path);
  g_free (self->write_error);

  G_OBJECT_CLASS (kk_recovery_parent_class)->finalize (object);
}

static void
kk_recovery_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KkRecovery *self = KK_RECOVERY (object);

  switch (prop_id)
    {
    case PROP_WRITE_ERROR:
      g_value_set_string (value, self->write_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_recovery_class_init (KkRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kk_recovery_dispose;
  object_class->finalize = kk_recovery_finalize;
  object_class->get_property = kk_recovery_get_property;

  /**
   * KkRecovery:write-error:
   *
   * Why the last write aside failed (a folder that cannot be written, a
   * full disk), for the window to show until a write succeeds again;
   * %NULL while the unsaved changes are safe.
   */
  properties[PROP_WRITE_ERROR] =
    g_param_spec_string ("write-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_recovery_init (KkRecovery *self)
{
  self->delay_ms = default_delay_ms;
}

/**
 * kk_recovery_dup_default_folder:
 *
 * Returns: (transfer full): where the unsaved changes go: keikaku/recovery
 *   in the user's state folder ($XDG_STATE_HOME)
 */
GFile *
kk_recovery_dup_default_folder (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "keikaku", "recovery", NULL);

  return g_file_new_for_path (path);
}

/**
 * kk_recovery_new:
 * @folder: where to write, a local folder made when first needed
 * @plan: the plan to watch
 *
 * Returns: (transfer full): a recovery that writes @plan aside from its
 *   next change on, until disposed or discarded
 */
KkRecovery *
kk_recovery_new (GFile  *folder,
                 KkPlan *plan)
{
  KkRecovery *self;
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *folder_path = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);

  self = g_object_new (KK_TYPE_RECOVERY, NULL);
  self->folder = g_object_ref (folder);
  self->plan = g_object_ref (plan);
  self->history = g_object_ref (kk_plan_get_history (plan));
  self->changed = g_date_time_new_now_local ();
  folder_path = g_file_get_path (folder);
  self->plan_path = g_strconcat (folder_path, G_DIR_SEPARATOR_S, id, PLAN_SUFFIX, NULL);
  self->info_path = g_strconcat (folder_path, G_DIR_SEPARATOR_S, id, INFO_SUFFIX, NULL);
  g_signal_connect_swapped (self->history, "changed",
                            G_CALLBACK (kk_recovery_history_changed_cb), self);
  g_signal_connect_swapped (self->history, "notify::dirty", G_CALLBACK (kk_recovery_dirty_cb), self);
  /* A plan restored from an earlier entry is unsaved from the start. */
  if (kk_history_get_dirty (self->history))
    kk_recovery_schedule (self);
  return self;
}

/**
 * kk_recovery_set_file:
 * @file: (nullable): the file the plan was opened from or saved to, to name
 *   in the entry
 * @etag: (nullable): the version of @file the plan was read from or last
 *   saved as, so that saving a restored plan still notices a change by
 *   someone else
 */
void
kk_recovery_set_file (KkRecovery *self,
                      GFile      *file,
                      const char *etag)
{
  g_return_if_fail (KK_IS_RECOVERY (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  g_free (self->etag);
  self->etag = g_strdup (etag);
}

/**
 * kk_recovery_set_delay:
 * @delay_ms: how long after a change its plan is written aside, at the
 *   most
 *
 * For tests, which need not wait for KK_RECOVERY_DELAY_MS.
 */
void
kk_recovery_set_delay (KkRecovery *self,
                       guint       delay_ms)
{
  g_return_if_fail (KK_IS_RECOVERY (self));
  self->delay_ms = delay_ms;
}

/**
 * kk_recovery_set_default_delay:
 * @delay_ms: how long after a change its plan is written aside, at the
 *   most, by the recoveries made from now on
 *
 * For tests of what is written at once, which must not race the delay.
 */
void
kk_recovery_set_default_delay (guint delay_ms)
{
  default_delay_ms = delay_ms;
}

/**
 * kk_recovery_write_now:
 *
 * Writes the unsaved changes aside at once, in the calling thread, for a
 * process that is about to end without asking the clerk; a write already
 * under way in a worker never overwrites it with older changes. Nothing
 * is written when there are no unsaved changes.
 *
 * Returns: %FALSE with @error set when the changes could not be written
 */
gboolean
kk_recovery_write_now (KkRecovery  *self,
                       GError     **error)
{
  KkRecoveryWrite *write;
  gboolean written;

  g_return_val_if_fail (KK_IS_RECOVERY (self), FALSE);

  if (self->discarded || !kk_history_get_dirty (self->history))
    return TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  write = kk_recovery_write_new (self);
  written = kk_recovery_write_in_order (self, write, error);
  kk_recovery_write_free (write);
  return written;
}

/**
 * kk_recovery_get_pending:
 *
 * Returns: whether a write is scheduled or under way
 */
gboolean
kk_recovery_get_pending (KkRecovery *self)
{
  g_return_val_if_fail (KK_IS_RECOVERY (self), FALSE);
  return self->timeout_id != 0 || self->writing;
}

/**
 * kk_recovery_get_write_error:
 *
 * Returns: (nullable): why the last write aside failed; %NULL when it
 *   succeeded or none was made yet
 */
const char *
kk_recovery_get_write_error (KkRecovery *self)
{
  g_return_val_if_fail (KK_IS_RECOVERY (self), NULL);
  return self->write_error;
}

/**
 * kk_recovery_discard:
 *
 * The clerk discarded the changes: removes what was written and writes no
 * more.
 */
void
kk_recovery_discard (KkRecovery *self)
{
  g_return_if_fail (KK_IS_RECOVERY (self));

  self->discarded = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (self->history, self);
  if (!self->writing)
    kk_recovery_delete_files (self);
}

static gint
kk_recovery_entry_compare_newest_first (gconstpointer a,
                                        gconstpointer b,
                                        gpointer      user_data)
{
  return g_date_time_compare (kk_recovery_entry_get_changed ((KkRecoveryEntry *)b),
                              kk_recovery_entry_get_changed ((KkRecoveryEntry *)a));
}

static KkRecoveryEntry *
kk_recovery_entry_for_plan (GFile      *folder,
                            const char *plan_name)
{
  g_autofree char *id = g_strndup (plan_name, strlen (plan_name) - strlen (PLAN_SUFFIX));
  g_autofree char *info_name = g_strconcat (id, INFO_SUFFIX, NULL);
  g_autoptr(GFile) plan_file = g_file_get_child (folder, plan_name);
  g_autoptr(GFile) info_file = g_file_get_child (folder, info_name);

  return kk_recovery_entry_new (plan_file, info_file);
}

/* ID.keikaku.XXXXXX or ID.info.XXXXXX: what g_file_set_contents_full()
 * writes first, left when a session was killed in the middle of a write. */
static gboolean
kk_recovery_is_temp_name (const char *name)
{
  const char *dot = strrchr (name, '.');
  g_autofree char *written = NULL;

  if (dot == NULL || strlen (dot + 1) != strlen ("XXXXXX"))
    return FALSE;
  written = g_strndup (name, dot - name);
  return g_str_has_suffix (written, PLAN_SUFFIX) || g_str_has_suffix (written, INFO_SUFFIX);
}

/**
 * kk_recovery_list_entries:
 * @folder: the recovery folder
 *
 * Lists without reading the plans: what is in the folder cannot make the
 * start wait. Removes the temporary files of writes that were killed.
 *
 * Returns: (transfer full): the #KkRecoveryEntry of each plan whose changes
 *   were left unsaved, the latest first; none when @folder does not exist
 */
GListModel *
kk_recovery_list_entries (GFile *folder)
{
  GListStore *entries = g_list_store_new (KK_TYPE_RECOVERY_ENTRY);
  g_autofree char *path = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  path = g_file_get_path (folder);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(KkRecoveryEntry) entry = NULL;

      if (kk_recovery_is_temp_name (name))
        {
          g_autofree char *temp = g_build_filename (path, name, NULL);

          kk_file_remove_if_stale (temp);
          continue;
        }
      if (!g_str_has_suffix (name, PLAN_SUFFIX))
        continue;
      entry = kk_recovery_entry_for_plan (folder, name);
      g_list_store_insert_sorted (entries, entry, kk_recovery_entry_compare_newest_first, NULL);
    }
  return G_LIST_MODEL (entries);
}
