/* kk-document.c: a plan and the file it lives in
 *
 * The document owns what a plan needs to live in a file that clerks share:
 * the file, the version of it that was read or last saved (its etag, to
 * notice a save by someone else), the lock that says it is open here,
 * whether Save must go to Save As, and the recovery that writes the
 * unsaved changes aside. Windows only show a document, as GNOME Text
 * Editor's EditorWindow shows an EditorDocument.
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
};

G_DEFINE_FINAL_TYPE (KkDocument, kk_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

/* Every change is written aside until saved or discarded, so that a crash
 * loses none. */
static void
kk_document_constructed (GObject *object)
{
  KkDocument *self = KK_DOCUMENT (object);
  g_autoptr(GFile) folder = kk_recovery_dup_default_folder ();

  G_OBJECT_CLASS (kk_document_parent_class)->constructed (object);

  g_assert (self->plan != NULL);
  self->recovery = kk_recovery_new (folder, self->plan);
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

/**
 * kk_document_load:
 * @file: a plan file
 * @read_only: whether to open it read-only whatever it is
 * @newer_error: (out) (optional): set when @file is of a newer major
 *   format: it was read as far as this version understands it, and opened
 *   read-only
 *
 * Reads the plan of @file. It is read-only when asked, when of a newer
 * format or when this clerk may not write @file.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
KkDocument *
kk_document_load (GFile         *file,
                  gboolean       read_only,
                  GError       **newer_error,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GError) newer = NULL;
  g_autofree char *etag = NULL;
  g_autoptr(KkPlan) plan = NULL;
  KkDocument *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  plan = kk_document_load_plan (file, &etag, &newer, cancellable, error);
  if (plan == NULL)
    return NULL;
  read_only = read_only || newer != NULL || !kk_file_is_writable (file, cancellable);
  self = g_object_new (KK_TYPE_DOCUMENT, "plan", plan, NULL);
  kk_document_set_file_state (self, etag, read_only);
  kk_document_set_file (self, file);
  if (newer != NULL)
    g_propagate_error (newer_error, g_steal_pointer (&newer));
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

/**
 * kk_document_save:
 * @file: where to save the plan
 * @overwrite: whether to write over @file even when someone else saved it
 *   since this document read or saved it
 *
 * Saves the plan to @file, which becomes the document's file, writable.
 * On failure the plan stays as it was, unsaved. Saving over the document's
 * own file that someone else saved meanwhile fails with
 * %G_IO_ERROR_WRONG_ETAG unless @overwrite.
 *
 * Returns: %TRUE when the plan was saved
 */
gboolean
kk_document_save (KkDocument  *self,
                  GFile       *file,
                  gboolean     overwrite,
                  GError     **error)
{
  g_autofree char *etag = NULL;
  gboolean own_file;

  g_return_val_if_fail (KK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  own_file = self->file != NULL && g_file_equal (file, self->file);
  if (!kk_plan_save_file (self->plan, file, own_file && !overwrite ? self->etag : NULL, &etag,
                          NULL, error))
    return FALSE;
  kk_document_set_file (self, file);
  kk_document_set_etag (self, etag);
  kk_document_set_read_only (self, FALSE);
  return TRUE;
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
