/* kk-recovery-entry.c: the unsaved changes of a plan left behind by a
 * session that ended without saving or discarding them
 *
 * An entry is two files of the recovery folder: the plan as it was at its
 * last change, and a key file naming the plan's own file (none for a plan
 * never saved), the version of that file it was based on, and the time of
 * that change. The plan is what matters: without a key file that can be
 * read it is still offered, as a plan of unknown file changed when it was
 * written. Either file is read only when it is a regular file, so that
 * nothing put in the folder can stop the start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kk-core-private.h"
#include "kk-plan-file.h"
#include "kk-recovery-entry.h"

/* A key file is a few lines. */
#define MAX_INFO_SIZE 65536

struct _KkRecoveryEntry
{
  GObject parent_instance;

  GFile *plan_file;
  GFile *info_file;
  GFile *file;
  char *etag;
  GDateTime *changed;
};

G_DEFINE_FINAL_TYPE (KkRecoveryEntry, kk_recovery_entry, G_TYPE_OBJECT)

static void
kk_recovery_entry_finalize (GObject *object)
{
  KkRecoveryEntry *self = (KkRecoveryEntry *)object;

  g_clear_object (&self->plan_file);
  g_clear_object (&self->info_file);
  g_clear_object (&self->file);
  g_free (self->etag);
  g_clear_pointer (&self->changed, g_date_time_unref);

  G_OBJECT_CLASS (kk_recovery_entry_parent_class)->finalize (object);
}

static void
kk_recovery_entry_class_init (KkRecoveryEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kk_recovery_entry_finalize;
}

static void
kk_recovery_entry_init (KkRecoveryEntry *self)
{
}

static gboolean
kk_recovery_entry_read_info (KkRecoveryEntry  *self,
                             GError          **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *path = g_file_get_path (self->info_file);
  g_autofree char *uri = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GBytes) bytes = kk_file_read_regular (path, MAX_INFO_SIZE, error);
  gsize len;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  if (!g_key_file_load_from_data (info, data, len, G_KEY_FILE_NONE, error))
    return FALSE;
  changed = g_key_file_get_string (info, "Recovery", "Changed", error);
  if (changed == NULL)
    return FALSE;
  self->changed = g_date_time_new_from_iso8601 (changed, NULL);
  if (self->changed == NULL)
    {
      g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                   "%s: not a time: %s", path, changed);
      return FALSE;
    }
  uri = g_key_file_get_string (info, "Recovery", "File", NULL);
  if (uri != NULL && *uri != '\0')
    self->file = g_file_new_for_uri (uri);
  self->etag = g_key_file_get_string (info, "Recovery", "Version", NULL);
  return TRUE;
}

/* A key file missing or damaged (a crash between the two writes, a full
 * disk) leaves what the plan file itself says: when it was written. */
static void
kk_recovery_entry_forget_info (KkRecoveryEntry *self,
                               const GError    *error)
{
  g_autofree char *path = g_file_get_path (self->plan_file);
  GStatBuf st;

  g_message ("Offering unsaved changes of an unknown file: %s", error->message);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->changed, g_date_time_unref);
  self->changed = g_lstat (path, &st) == 0 ? g_date_time_new_from_unix_local (st.st_mtime)
                                           : g_date_time_new_now_local ();
}

/**
 * kk_recovery_entry_new:
 * @plan_file: the plan as recovered
 * @info_file: the key file of its file and time, which may be missing or
 *   damaged
 *
 * Reads @info_file, not @plan_file: whether the plan can be restored is
 * known when kk_recovery_entry_load() reads it.
 *
 * Returns: (transfer full): the entry
 */
KkRecoveryEntry *
kk_recovery_entry_new (GFile *plan_file,
                       GFile *info_file)
{
  KkRecoveryEntry *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (G_IS_FILE (plan_file), NULL);
  g_return_val_if_fail (G_IS_FILE (info_file), NULL);

  self = g_object_new (KK_TYPE_RECOVERY_ENTRY, NULL);
  self->plan_file = g_object_ref (plan_file);
  self->info_file = g_object_ref (info_file);
  if (!kk_recovery_entry_read_info (self, &error))
    kk_recovery_entry_forget_info (self, error);
  return self;
}

/**
 * kk_recovery_entry_get_file:
 *
 * Returns: (transfer none) (nullable): the file the plan was opened from
 *   or last saved to; %NULL for a plan never saved
 */
GFile *
kk_recovery_entry_get_file (KkRecoveryEntry *self)
{
  g_return_val_if_fail (KK_IS_RECOVERY_ENTRY (self), NULL);
  return self->file;
}

/**
 * kk_recovery_entry_get_etag:
 *
 * Returns: (nullable): the version of the file the plan was read from or
 *   last saved as
 */
const char *
kk_recovery_entry_get_etag (KkRecoveryEntry *self)
{
  g_return_val_if_fail (KK_IS_RECOVERY_ENTRY (self), NULL);
  return self->etag;
}

/**
 * kk_recovery_entry_get_changed:
 *
 * Returns: (transfer none): when the plan was last changed
 */
GDateTime *
kk_recovery_entry_get_changed (KkRecoveryEntry *self)
{
  g_return_val_if_fail (KK_IS_RECOVERY_ENTRY (self), NULL);
  return self->changed;
}

/**
 * kk_recovery_entry_dup_title:
 *
 * Returns: (transfer full): the name the clerk knows the plan by: its
 *   file's, or Unsaved Plan
 */
char *
kk_recovery_entry_dup_title (KkRecoveryEntry *self)
{
  g_return_val_if_fail (KK_IS_RECOVERY_ENTRY (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Unsaved Plan"));
  return g_file_get_parse_name (self->file);
}

/**
 * kk_recovery_entry_load:
 *
 * The plan comes back unsaved: it differs from its file until saved. A
 * plan that cannot be read or is not a plan (a crash of the disk, a file
 * put in the folder) fails at once with the reason, so that the clerk can
 * be offered to discard the entry.
 *
 * Returns: (transfer full) (nullable): the plan as it was at its last change
 */
KkPlan *
kk_recovery_entry_load (KkRecoveryEntry  *self,
                        GError          **error)
{
  KkPlan *plan;

  g_return_val_if_fail (KK_IS_RECOVERY_ENTRY (self), NULL);

  plan = kk_plan_load_file (self->plan_file, NULL, error);
  if (plan != NULL)
    kk_history_mark_unsaved (kk_plan_get_history (plan));
  return plan;
}

/**
 * kk_recovery_entry_discard:
 *
 * Removes the entry's files: the changes are gone.
 */
void
kk_recovery_entry_discard (KkRecoveryEntry *self)
{
  g_return_if_fail (KK_IS_RECOVERY_ENTRY (self));

  g_file_delete (self->plan_file, NULL, NULL);
  g_file_delete (self->info_file, NULL, NULL);
}
