/* kk-document.c: a plan and the file it lives in
 *
 * The document owns what a plan needs to live in a file that clerks share:
 * the file, the version of it that was read or last saved (its etag, to
 * notice a save by someone else), the lock that says it is open here,
 * whether Save must go to Save As, and the recovery that writes the
 * unsaved changes aside. Windows only show a document, as GNOME Text
 * Editor's EditorWindow shows an EditorDocument.
 *
 * Loading and saving run in a worker thread so that a large plan or a slow
 * drive never freezes a window. A plan being loaded is built in the worker
 * and belongs to nobody else until it is handed to the main thread. A plan
 * being saved is serialised on the main thread, which owns it, and only
 * the text goes to the worker; the clerk may go on editing meanwhile, and
 * a plan changed during the save stays unsaved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-core-private.h"
#include "kk-document.h"
#include "kk-lock.h"
#include "kk-plan-file.h"
#include "kk-recovery.h"

struct _KkDocument
{
  GObject parent_instance;

  KkPlan *plan;
  GFile *file;
  /* The version of the file read or last saved, to see whether someone
   * else saved over it since. */
  char *etag;
  /* Save goes to Save As: the file is not writable, or of a newer format,
   * or another clerk has it open. */
  gboolean read_only;
  /* Says to other clerks that the plan is open here. */
  KkLock *lock;
  KkRecovery *recovery;
  /* Counts the plan's changes, to see whether one came during a save. */
  guint64 n_changes;
  gboolean busy;
};

G_DEFINE_FINAL_TYPE (KkDocument, kk_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_READ_ONLY,
  PROP_BUSY,
  PROP_RECOVERY_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How long every load and save waits in its worker first, for tests. */
static guint test_delay_ms;

/* What a restored plan must know of its file: which, and which version. */
static void
kk_document_describe_file_to_recovery (KkDocument *self)
{
  kk_recovery_set_file (self->recovery, self->file, self->etag);
}

/* A read-only plan does not hold its file's lock: it writes no file. */
static void
kk_document_update_lock (KkDocument *self)
{
  if (self->read_only || self->file == NULL)
    g_clear_object (&self->lock);
  else if (self->lock == NULL)
    self->lock = kk_lock_new (self->file);
}

static void
kk_document_set_file (KkDocument *self,
                      GFile      *file)
{
  if (!g_set_object (&self->file, file))
    return;
  g_clear_object (&self->lock);
  kk_document_update_lock (self);
  kk_document_describe_file_to_recovery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

static void
kk_document_set_read_only (KkDocument *self,
                           gboolean    read_only)
{
  if (self->read_only == read_only)
    return;
  self->read_only = read_only;
  kk_document_update_lock (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

static void
kk_document_set_etag (KkDocument *self,
                      const char *etag)
{
  kk_set_string (&self->etag, etag);
  kk_document_describe_file_to_recovery (self);
}

static void
kk_document_set_busy (KkDocument *self,
                      gboolean    busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
kk_document_count_change (KkDocument *self)
{
  self->n_changes++;
}

/* As a slow drive would, until @cancellable is cancelled. */
static void
kk_document_wait_for_test (GCancellable *cancellable)
{
  guint delay_ms = g_atomic_int_get (&test_delay_ms);
  GPollFD fd;

  if (delay_ms == 0)
    return;
  if (g_cancellable_make_pollfd (cancellable, &fd))
    {
      g_poll (&fd, 1, delay_ms);
      g_cancellable_release_fd (cancellable);
    }
  else
    g_usleep (delay_ms * G_TIME_SPAN_MILLISECOND);
}

static void
kk_document_recovery_error_changed (KkDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_ERROR]);
}

/* Every change is written aside until saved or discarded, so that a crash
 * loses none. */
static void
kk_document_constructed (GObject *object)
{
  KkDocument *self = KK_DOCUMENT (object);
  g_autoptr(GFile) folder = kk_recovery_dup_default_folder ();

  G_OBJECT_CLASS (kk_document_parent_class)->constructed (object);

  g_assert (self->plan != NULL);
  g_signal_connect_object (kk_plan_get_history (self->plan), "changed",
                           G_CALLBACK (kk_document_count_change), self, G_CONNECT_SWAPPED);
  self->recovery = kk_recovery_new (folder, self->plan);
  g_signal_connect_object (self->recovery, "notify::write-error",
                           G_CALLBACK (kk_document_recovery_error_changed), self,
                           G_CONNECT_SWAPPED);
  kk_document_update_lock (self);
  kk_document_describe_file_to_recovery (self);
}

static void
kk_document_dispose (GObject *object)
{
  KkDocument *self = KK_DOCUMENT (object);

  g_clear_object (&self->lock);
  g_clear_object (&self->recovery);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (kk_document_parent_class)->dispose (object);
}

static void
kk_document_finalize (GObject *object)
{
  KkDocument *self = KK_DOCUMENT (object);

  g_free (self->etag);

  G_OBJECT_CLASS (kk_document_parent_class)->finalize (object);
}

static void
kk_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  KkDocument *self = KK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_RECOVERY_ERROR:
      g_value_set_string (value, kk_document_get_recovery_error (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  KkDocument *self = KK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_document_class_init (KkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = kk_document_constructed;
  object_class->dispose = kk_document_dispose;
  object_class->finalize = kk_document_finalize;
  object_class->get_property = kk_document_get_property;
  object_class->set_property = kk_document_set_property;

  /**
   * KkDocument:plan:
   *
   * The plan of the document.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KkDocument:file:
   *
   * The file the plan was opened from or last saved to, or %NULL.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KkDocument:read-only:
   *
   * Whether Save must go to Save As: the file is not writable, is of a
   * newer format, or another clerk has it open.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkDocument:busy:
   *
   * Whether the plan is being saved.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkDocument:recovery-error:
   *
   * Why the unsaved changes could not be written aside the last time, or
   * %NULL while they are safe.
   */
  properties[PROP_RECOVERY_ERROR] =
    g_param_spec_string ("recovery-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_document_init (KkDocument *self)
{
}

/**
 * kk_document_new:
 * @plan: the plan
 * @file: (nullable): the file @plan was read from
 *
 * Returns: (transfer full): a document of @plan in @file, writable, which
 *   holds the lock of @file unless someone else does
 */
KkDocument *
kk_document_new (KkPlan *plan,
                 GFile  *file)
{
  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);

  return g_object_new (KK_TYPE_DOCUMENT, "plan", plan, "file", file, NULL);
}

/* A file this clerk may not write opens read-only: Save goes to Save As. */
static gboolean
kk_file_is_writable (GFile        *file,
                     GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, NULL);

  return info == NULL ||
         !g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE) ||
         g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE);
}

/* A plan of a newer major format is read as far as this version
 * understands it, and said so in @newer_error: saving over it would lose
 * what this version does not understand. */
static KkPlan *
kk_document_load_plan (GFile         *file,
                       char         **etag,
                       GError       **newer_error,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GError) version_error = NULL;
  KkPlan *plan = kk_plan_load_file_full (file, KK_PLAN_LOAD_DEFAULT, etag, cancellable,
                                         &version_error);

  if (plan != NULL)
    return plan;
  if (g_error_matches (version_error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_VERSION))
    plan = kk_plan_load_file_full (file, KK_PLAN_LOAD_NEWER_VERSION, etag, cancellable, NULL);
  g_propagate_error (plan ? newer_error : error, g_steal_pointer (&version_error));
  return plan;
}

/* What a worker reads, and what it found. */
typedef struct
{
  GFile *file;
  gboolean read_only;
  KkPlan *plan;
  char *etag;
  GError *newer_error;
} KkDocumentLoad;

static void
kk_document_load_free (KkDocumentLoad *load)
{
  g_clear_object (&load->file);
  g_clear_object (&load->plan);
  g_free (load->etag);
  g_clear_error (&load->newer_error);
  g_free (load);
}

static void
kk_document_load_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  KkDocumentLoad *load = task_data;
  GError *error = NULL;

  kk_document_wait_for_test (cancellable);
  load->plan = kk_document_load_plan (load->file, &load->etag, &load->newer_error, cancellable,
                                      &error);
  if (load->plan == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  load->read_only = load->read_only || load->newer_error != NULL ||
                    !kk_file_is_writable (load->file, cancellable);
  g_task_return_boolean (task, TRUE);
}

/**
 * kk_document_load_async:
 * @file: a plan file
 * @read_only: whether to open it read-only whatever it is
 * @cancellable: (nullable): to stop reading
 *
 * Reads the plan of @file in a worker thread. It is read-only when asked,
 * when of a newer format or when this clerk may not write @file.
 */
void
kk_document_load_async (GFile               *file,
                        gboolean             read_only,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KkDocumentLoad *load;

  g_return_if_fail (G_IS_FILE (file));

  load = g_new0 (KkDocumentLoad, 1);
  load->file = g_object_ref (file);
  load->read_only = read_only;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kk_document_load_async);
  g_task_set_task_data (task, load, (GDestroyNotify)kk_document_load_free);
  g_task_run_in_thread (task, kk_document_load_thread);
}

/**
 * kk_document_load_finish:
 * @newer_error: (out) (optional): set when the file is of a newer major
 *   format: it was read as far as this version understands it, and opened
 *   read-only
 *
 * Returns: (transfer full): the document, or %NULL with @error set;
 *   %G_IO_ERROR_CANCELLED when cancelled
 */
KkDocument *
kk_document_load_finish (GAsyncResult  *result,
                         GError       **newer_error,
                         GError       **error)
{
  KkDocumentLoad *load;
  KkDocument *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kk_document_load_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  load = g_task_get_task_data (G_TASK (result));
  self = g_object_new (KK_TYPE_DOCUMENT, "plan", load->plan, NULL);
  kk_document_set_file_state (self, load->etag, load->read_only);
  kk_document_set_file (self, load->file);
  if (load->newer_error != NULL)
    g_propagate_error (newer_error, g_steal_pointer (&load->newer_error));
  return self;
}

KkPlan *
kk_document_get_plan (KkDocument *self)
{
  g_return_val_if_fail (KK_IS_DOCUMENT (self), NULL);
  return self->plan;
}

GFile *
kk_document_get_file (KkDocument *self)
{
  g_return_val_if_fail (KK_IS_DOCUMENT (self), NULL);
  return self->file;
}

/**
 * kk_document_get_etag:
 *
 * Returns: (nullable): the version of the file read or last saved
 */
const char *
kk_document_get_etag (KkDocument *self)
{
  g_return_val_if_fail (KK_IS_DOCUMENT (self), NULL);
  return self->etag;
}

gboolean
kk_document_get_read_only (KkDocument *self)
{
  g_return_val_if_fail (KK_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

/**
 * kk_document_set_file_state:
 * @etag: (nullable): the version of the document's file its plan was read
 *   from
 * @read_only: whether Save goes to Save As
 */
void
kk_document_set_file_state (KkDocument *self,
                            const char *etag,
                            gboolean    read_only)
{
  g_return_if_fail (KK_IS_DOCUMENT (self));

  kk_document_set_etag (self, etag);
  kk_document_set_read_only (self, read_only);
}

/* What a worker writes, and the version it wrote. */
typedef struct
{
  GFile *file;
  GBytes *bytes;
  char *etag;
  char *new_etag;
  guint64 n_changes;
} KkDocumentSave;

static void
kk_document_save_free (KkDocumentSave *save)
{
  g_clear_object (&save->file);
  g_clear_pointer (&save->bytes, g_bytes_unref);
  g_free (save->etag);
  g_free (save->new_etag);
  g_free (save);
}

static void
kk_document_save_thread (GTask        *task,
                         gpointer      source_object,
                         gpointer      task_data,
                         GCancellable *cancellable)
{
  KkDocumentSave *save = task_data;
  GError *error = NULL;

  kk_document_wait_for_test (cancellable);
  if (kk_file_replace_bytes (save->file, save->bytes, save->etag, TRUE, &save->new_etag,
                             cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The file now holds the plan as it was when the save began: saved, unless
 * the clerk changed it since. */
static void
kk_document_saved (KkDocument     *self,
                   KkDocumentSave *save)
{
  KkHistory *history = kk_plan_get_history (self->plan);

  if (self->n_changes == save->n_changes)
    kk_history_mark_saved (history);
  else
    kk_history_mark_unsaved (history);
  kk_document_set_file (self, save->file);
  kk_document_set_etag (self, save->new_etag);
  kk_document_set_read_only (self, FALSE);
}

static void
kk_document_save_done (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  KkDocument *self = KK_DOCUMENT (object);
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  kk_document_set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  kk_document_saved (self, g_task_get_task_data (G_TASK (result)));
  g_task_return_boolean (task, TRUE);
}

/**
 * kk_document_save_async:
 * @file: where to save the plan
 * @overwrite: whether to write over @file even when someone else saved it
 *   since this document read or saved it
 * @cancellable: (nullable): to stop before the file is replaced
 *
 * Saves the plan to @file, which becomes the document's file, writable.
 * The plan is serialised now; the file is written in a worker thread,
 * while #KkDocument:busy. One save at a time.
 */
void
kk_document_save_async (KkDocument          *self,
                        GFile               *file,
                        gboolean             overwrite,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) worker = NULL;
  GTask *task;
  KkDocumentSave *save;
  gboolean own_file;

  g_return_if_fail (KK_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!self->busy);

  own_file = self->file != NULL && g_file_equal (file, self->file);
  save = g_new0 (KkDocumentSave, 1);
  save->file = g_object_ref (file);
  save->bytes = kk_plan_to_bytes (self->plan);
  save->etag = own_file && !overwrite ? g_strdup (self->etag) : NULL;
  save->n_changes = self->n_changes;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, kk_document_save_async);
  worker = g_task_new (self, cancellable, kk_document_save_done, task);
  g_task_set_task_data (worker, save, (GDestroyNotify)kk_document_save_free);
  kk_document_set_busy (self, TRUE);
  g_task_run_in_thread (worker, kk_document_save_thread);
}

/**
 * kk_document_save_finish:
 *
 * On failure the plan stays as it was, unsaved, and the file as it was.
 * Saving over the document's own file that someone else saved meanwhile
 * fails with %G_IO_ERROR_WRONG_ETAG unless asked to overwrite.
 *
 * Returns: %TRUE when the plan was saved
 */
gboolean
kk_document_save_finish (KkDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (KK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kk_document_save_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * kk_document_get_busy:
 *
 * Returns: whether the plan is being saved
 */
gboolean
kk_document_get_busy (KkDocument *self)
{
  g_return_val_if_fail (KK_IS_DOCUMENT (self), FALSE);
  return self->busy;
}

/**
 * kk_document_set_test_delay:
 * @delay_ms: how long every load and save waits in its worker before it
 *   reads or writes, until cancelled; 0 for none
 *
 * For tests: makes loading and saving as slow as a slow drive would.
 */
void
kk_document_set_test_delay (guint delay_ms)
{
  g_atomic_int_set (&test_delay_ms, delay_ms);
}

/**
 * kk_document_get_recovery_error:
 *
 * Returns: (nullable): why the unsaved changes could not be written aside
 *   the last time; %NULL while they are safe
 */
const char *
kk_document_get_recovery_error (KkDocument *self)
{
  g_return_val_if_fail (KK_IS_DOCUMENT (self), NULL);
  return kk_recovery_get_write_error (self->recovery);
}

/**
 * kk_document_take_over_lock:
 *
 * Takes the lock of the file from whoever holds it, once the clerk
 * confirmed that they no longer edit the plan. On failure the document
 * becomes read-only.
 *
 * Returns: %TRUE when the lock is held now
 */
gboolean
kk_document_take_over_lock (KkDocument  *self,
                            GError     **error)
{
  g_return_val_if_fail (KK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->lock != NULL, FALSE);

  if (kk_lock_take_over (self->lock, error))
    return TRUE;
  kk_document_set_read_only (self, TRUE);
  return FALSE;
}

/**
 * kk_document_unlock:
 *
 * Gives up the lock of the file, for the window that reloads it.
 */
void
kk_document_unlock (KkDocument *self)
{
  g_return_if_fail (KK_IS_DOCUMENT (self));
  g_clear_object (&self->lock);
}

/**
 * kk_document_keep_aside:
 *
 * The process ends without asking the clerk (told to terminate, or the
 * session ends): writes the unsaved changes aside at once, for the next
 * start to offer them, and gives up the lock of the file, so that the plan
 * can be opened again, here or by a colleague.
 *
 * Returns: %FALSE with @error set when the changes could not be written
 */
gboolean
kk_document_keep_aside (KkDocument  *self,
                        GError     **error)
{
  gboolean written;

  g_return_val_if_fail (KK_IS_DOCUMENT (self), FALSE);

  written = kk_recovery_write_now (self->recovery, error);
  kk_document_unlock (self);
  return written;
}

/**
 * kk_document_discard:
 *
 * The clerk discarded the unsaved changes: what was written aside of them
 * goes.
 */
void
kk_document_discard (KkDocument *self)
{
  g_return_if_fail (KK_IS_DOCUMENT (self));
  kk_recovery_discard (self->recovery);
}
