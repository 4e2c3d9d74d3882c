/* kk-application.c: the Keikaku application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>

#include "kk-accessible.h"
#include "kk-application.h"
#include "kk-command-line.h"
#include "kk-document.h"
#include "kk-lock.h"
#include "kk-plan-file.h"
#include "kk-recovery.h"
#include "kk-window.h"

#define KK_RECENT_MAX 8
/* How long opening or saving goes before it says so: a quick one does not
 * flash a notice. */
#define KK_PROGRESS_DELAY_MS 500

struct _KkApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  /* The plans opened or saved lately, newest first, for every window's menu. */
  GMenu *recent_menu;
  /* What an earlier session left unsaved is offered once, at the start. */
  gboolean recovery_offered;
  guint progress_delay;
  /* How many plans are being read. */
  guint n_opening;
  /* The sources that end the application when it is told to. */
  guint end_signal_ids[3];
};

G_DEFINE_FINAL_TYPE (KkApplication, kk_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_PROGRESS_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How a plan is opened, after what the clerk said about its lock. */
typedef enum
{
  KK_OPEN_WRITABLE,
  KK_OPEN_READ_ONLY,
  KK_OPEN_TAKE_OVER,
} KkOpenMode;

/* A plan being read, and what shows it to the clerk. */
typedef struct
{
  KkApplication *application;
  GFile *file;
  KkOpenMode mode;
  GCancellable *cancellable;
  guint progress_id;
  GtkWindow *progress;
} KkOpening;

/* GtkRecentManager records the application by this name; a process that
 * never set one (a test) has no recent plans of its own. */
static gboolean
kk_recent_info_is_plan (GtkRecentInfo *info)
{
  const char *application_name = g_get_application_name ();

  return application_name != NULL &&
         gtk_recent_info_has_application (info, application_name) &&
         g_str_has_suffix (gtk_recent_info_get_uri (info), ".json");
}

static int
kk_recent_info_compare_newest_first (gconstpointer a,
                                     gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified (*(GtkRecentInfo **)a);
  GDateTime *time_b = gtk_recent_info_get_modified (*(GtkRecentInfo **)b);

  return g_date_time_compare (time_b, time_a);
}

static void
kk_application_update_recent (KkApplication *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  g_autoptr(GPtrArray) plans = g_ptr_array_new ();

  for (GList *l = items; l != NULL; l = l->next)
    if (kk_recent_info_is_plan (l->data))
      g_ptr_array_add (plans, l->data);
  g_ptr_array_sort (plans, kk_recent_info_compare_newest_first);

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; i < MIN (plans->len, KK_RECENT_MAX); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (plans, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "app.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
  g_list_free_full (items, (GDestroyNotify)gtk_recent_info_unref);
}

/**
 * kk_application_remember_file:
 * @file: a plan file just opened or saved
 *
 * Puts @file first among the recent plans and opens it on the next start.
 */
void
kk_application_remember_file (KkApplication *self,
                              GFile         *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (KK_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-file", uri);
}

/**
 * kk_application_get_recent_menu:
 *
 * Returns: (transfer none): the menu of recent plans
 */
GMenuModel *
kk_application_get_recent_menu (KkApplication *self)
{
  g_return_val_if_fail (KK_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->recent_menu);
}

static void kk_application_offer_recovery (KkApplication *self,
                                           GtkWindow     *parent,
                                           GListModel    *entries);

static KkWindow *
kk_application_show_document (KkApplication *self,
                              KkDocument    *document)
{
  KkWindow *window = kk_window_new_for_document (self, document);
  GFile *file = kk_document_get_file (document);

  if (file != NULL)
    kk_application_remember_file (self, file);
  gtk_window_present (GTK_WINDOW (window));
  if (!self->recovery_offered)
    {
      g_autoptr(GFile) folder = kk_recovery_dup_default_folder ();
      g_autoptr(GListModel) entries = kk_recovery_list_entries (folder);

      self->recovery_offered = TRUE;
      kk_application_offer_recovery (self, GTK_WINDOW (window), entries);
    }
  return window;
}

static void
kk_application_deletion_response (AdwMessageDialog *dialog,
                                  const char       *response,
                                  KkRecoveryEntry  *entry)
{
  if (g_strcmp0 (response, "delete") == 0)
    kk_recovery_entry_discard (entry);
}

/* Changes that cannot be restored would be offered at every start: the
 * clerk may delete them, knowing why they cannot be restored. */
static void
kk_application_offer_deletion (GtkWindow       *parent,
                               KkRecoveryEntry *entry,
                               const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Restore the Changes"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", error->message,
                                  _("Delete them? Kept, they are offered again at the next "
                                    "start."));
  /* The last response takes the focus when the buttons stand in a column:
   * Enter must not delete. */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "delete", _("_Delete"),
                                    "keep", _("_Keep"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_data (dialog, "response", G_CALLBACK (kk_application_deletion_response),
                         g_object_ref (entry), (GClosureNotify)(void (*) (void))g_object_unref,
                         0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Returns the window of the restored plan, or @parent when it failed. */
static GtkWindow *
kk_application_restore (KkApplication   *self,
                        GtkWindow       *parent,
                        KkRecoveryEntry *entry)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_recovery_entry_load (entry, &error);
  g_autoptr(KkDocument) document = NULL;
  KkWindow *window;

  if (plan == NULL)
    {
      kk_application_offer_deletion (parent, entry, error);
      return parent;
    }
  /* The restored plan's window writes it aside anew at once. */
  document = kk_document_new (plan, kk_recovery_entry_get_file (entry));
  kk_document_set_file_state (document, kk_recovery_entry_get_etag (entry), FALSE);
  window = kk_window_new_for_document (self, document);
  gtk_window_present (GTK_WINDOW (window));
  kk_recovery_entry_discard (entry);
  /* The plan shown at the start gives way, unless it was edited already;
   * once the dialog over it is gone. */
  if (KK_IS_WINDOW (parent) && !kk_plan_get_dirty (kk_window_get_plan (KK_WINDOW (parent))))
    kk_window_destroy_when_idle (KK_WINDOW (parent));
  return GTK_WINDOW (window);
}

static void
kk_application_recovery_response (AdwMessageDialog *dialog,
                                  const char       *response,
                                  KkApplication    *self)
{
  GListModel *entries = g_object_get_data (G_OBJECT (dialog), "entries");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(KkRecoveryEntry) entry = g_list_model_get_item (entries, 0);
  g_autoptr(GListStore) rest = g_list_store_new (KK_TYPE_RECOVERY_ENTRY);

  for (guint i = 1; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(KkRecoveryEntry) other = g_list_model_get_item (entries, i);

      g_list_store_append (rest, other);
    }
  if (g_strcmp0 (response, "restore") == 0)
    parent = kk_application_restore (self, parent, entry);
  else if (g_strcmp0 (response, "discard") == 0)
    kk_recovery_entry_discard (entry);
  /* Later keeps the entry for the next start. */
  kk_application_offer_recovery (self, parent, G_LIST_MODEL (rest));
}

/* Asks about the latest entry, then about the next. */
static void
kk_application_offer_recovery (KkApplication *self,
                               GtkWindow     *parent,
                               GListModel    *entries)
{
  g_autoptr(KkRecoveryEntry) entry = NULL;
  g_autofree char *title = NULL;
  g_autofree char *changed = NULL;
  GtkWidget *dialog;

  if (g_list_model_get_n_items (entries) == 0)
    return;
  entry = g_list_model_get_item (entries, 0);
  title = kk_recovery_entry_dup_title (entry);
  /* Translators: a g_date_time_format() format: the time of the last change */
  changed = g_date_time_format (kk_recovery_entry_get_changed (entry), _("%Y-%m-%d %H:%M"));
  dialog = adw_message_dialog_new (parent, _("Restore Unsaved Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Keikaku closed before the changes to “%s” were saved. "
                                    "The last change was made at %s."), title, changed);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data_full (G_OBJECT (dialog), "entries", g_object_ref (entries), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (kk_application_recovery_response),
                           self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kk_application_show_error (KkApplication *self,
                           const char    *heading,
                           GFile         *file,
                           const GError  *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, heading, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", name, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
kk_application_local_command_line (GApplication   *application,
                                   char         ***arguments,
                                   int            *exit_status)
{
  if (kk_command_line_run (*arguments, exit_status))
    return TRUE;

  return G_APPLICATION_CLASS (kk_application_parent_class)->local_command_line (application,
                                                                                arguments,
                                                                                exit_status);
}

/* A last file that is gone is forgotten quietly: the clerk moved it. One
 * that no longer loads is reported, over the embedded plan. */
static gboolean
kk_application_reopen_last_file (KkApplication *self)
{
  g_autofree char *uri = g_settings_get_string (self->settings, "last-file");
  g_autoptr(GFile) file = NULL;

  if (*uri == '\0')
    return FALSE;
  file = g_file_new_for_uri (uri);
  if (!g_file_query_exists (file, NULL))
    {
      g_settings_reset (self->settings, "last-file");
      return FALSE;
    }
  g_application_open (G_APPLICATION (self), &file, 1, "");
  return TRUE;
}

/* The embedded plan, unless a window is open already. */
static void
kk_application_show_default (KkApplication *self)
{
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(KkDocument) document = NULL;

  if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
    return;
  plan = kk_plan_load_default ();
  document = kk_document_new (plan, NULL);
  kk_application_show_document (self, document);
}

static void
kk_application_activate (GApplication *application)
{
  KkApplication *self = KK_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (kk_application_reopen_last_file (self))
    return;
  kk_application_show_default (self);
}

static void
kk_application_explain_newer (KkWindow     *window,
                              const GError *newer_error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Opened Read-Only"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", newer_error->message,
                                  _("You can read, print and export it here. Save As writes a "
                                    "copy in this version's format; what only the newer version "
                                    "understands is kept as it was."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kk_application_opening_free (KkOpening *opening)
{
  g_clear_handle_id (&opening->progress_id, g_source_remove);
  if (opening->progress != NULL)
    gtk_window_destroy (opening->progress);
  g_clear_weak_pointer (&opening->progress);
  g_object_unref (opening->file);
  g_object_unref (opening->cancellable);
  g_free (opening);
}

static void
kk_application_opened (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  KkOpening *opening = user_data;
  KkApplication *self = opening->application;
  g_autoptr(GFile) file = g_object_ref (opening->file);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) newer_error = NULL;
  g_autoptr(KkDocument) document = kk_document_load_finish (result, &newer_error, &error);
  KkOpenMode mode = opening->mode;
  KkWindow *window;

  kk_application_opening_free (opening);
  self->n_opening--;
  if (document != NULL)
    {
      window = kk_application_show_document (self, document);
      if (newer_error != NULL)
        kk_application_explain_newer (window, newer_error);
      else if (mode == KK_OPEN_TAKE_OVER && !kk_document_take_over_lock (document, &error))
        kk_application_show_error (self, _("Could Not Take the Plan Over"), file, error);
    }
  else
    {
      /* A plan not opened leaves every window as it was, or the embedded
       * plan at the start. */
      kk_application_show_default (self);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        kk_application_show_error (self, _("Could Not Open the Plan"), file, error);
    }
  g_application_release (G_APPLICATION (self));
}

static void
kk_application_progress_response (KkOpening *opening)
{
  g_cancellable_cancel (opening->cancellable);
}

/* A plan that takes long to read says so, and can be given up. */
static gboolean
kk_application_show_progress (gpointer user_data)
{
  KkOpening *opening = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (opening->application));
  g_autofree char *name = g_file_get_basename (opening->file);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Opening the Plan"), NULL);
  GtkWidget *spinner = gtk_spinner_new ();

  opening->progress_id = 0;
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), _("Reading “%s”…"), name);
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (kk_application_progress_response),
                            opening);
  g_set_weak_pointer (&opening->progress, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

/* Reads @file in a worker: the windows go on working meanwhile. */
static void
kk_application_open_file (KkApplication *self,
                          GFile         *file,
                          KkOpenMode     mode)
{
  KkOpening *opening = g_new0 (KkOpening, 1);

  opening->application = self;
  opening->file = g_object_ref (file);
  opening->mode = mode;
  opening->cancellable = g_cancellable_new ();
  opening->progress_id = g_timeout_add (self->progress_delay, kk_application_show_progress,
                                        opening);
  /* Without a window yet, the reading alone keeps the application. */
  g_application_hold (G_APPLICATION (self));
  self->n_opening++;
  kk_document_load_async (file, mode == KK_OPEN_READ_ONLY, opening->cancellable,
                          kk_application_opened, opening);
}

/**
 * kk_application_describe_lock:
 * @lock: the lock someone else holds on @file
 *
 * Returns: (transfer full): who has @file open, where and since when, or
 *   what is known of a lock file that cannot be read
 */
char *
kk_application_describe_lock (KkLock *lock,
                              GFile  *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a g_date_time_format() format: when a plan was opened */
  g_autofree char *since = g_date_time_format (kk_lock_get_time (lock), _("%Y-%m-%d %H:%M"));
  const char *user = kk_lock_get_user (lock);
  const char *host = kk_lock_get_host (lock);

  if (kk_lock_get_read_error (lock) != NULL)
    return g_strdup_printf (_("Someone may have “%s” open: its lock file, written at %s, cannot "
                              "be read (%s)."), name, since, kk_lock_get_read_error (lock));
  return g_strdup_printf (_("%s has had “%s” open on %s since %s."),
                          user && *user ? user : _("Someone"), name, host ? host : "?", since);
}

/* A lock this computer cannot check: written on another one, whose
 * process may be long gone, or not readable at all. */
static gboolean
kk_lock_may_be_stale (KkLock *lock)
{
  return kk_lock_get_read_error (lock) != NULL ||
         g_strcmp0 (kk_lock_get_host (lock), g_get_host_name ()) != 0;
}

static void
kk_application_take_over_response (AdwMessageDialog *dialog,
                                   const char       *response,
                                   KkApplication    *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "take-over") == 0)
    kk_application_open_file (self, file, KK_OPEN_TAKE_OVER);
  g_application_release (G_APPLICATION (self));
}

/* Opening anyway is right only when the holder no longer edits the plan:
 * the clerk says so once more. */
static void
kk_application_confirm_take_over (KkApplication *self,
                                  GFile         *file,
                                  const char    *holder)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Open Anyway?"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s", holder,
                                  _("If they still edit it, one of you will overwrite the "
                                    "other's changes. Open it anyway only when you know they "
                                    "closed it, for example because their computer stopped."));
  /* The last response takes the focus when the buttons stand in a column:
   * Enter must not take a colleague's plan. */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "take-over", _("_Open Anyway"),
                                    "cancel", _("_Cancel"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "take-over",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (kk_application_take_over_response),
                           self, 0);
  g_application_hold (G_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kk_application_locked_response (AdwMessageDialog *dialog,
                                const char       *response,
                                KkApplication    *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "read-only") == 0)
    kk_application_open_file (self, file, KK_OPEN_READ_ONLY);
  else if (g_strcmp0 (response, "open-anyway") == 0)
    kk_application_confirm_take_over (self, file, g_object_get_data (G_OBJECT (dialog), "holder"));
  g_application_release (G_APPLICATION (self));
}

/* Another clerk has the plan open: say who, since when, and offer to read
 * it without saving over their work; when their lock cannot be checked
 * from here, also to open it anyway. */
static void
kk_application_ask_about_lock (KkApplication *self,
                               GFile         *file,
                               KkLock        *lock)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *holder = kk_application_describe_lock (lock, file);
  GtkWidget *dialog = adw_message_dialog_new (parent, _("The Plan Is Open Elsewhere"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s", holder,
                                  _("You can open it read-only and save your changes under "
                                    "another name."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  if (kk_lock_may_be_stale (lock))
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "open-anyway",
                                     _("Open _Anyway…"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                   _("Open _Read-Only"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "holder", g_steal_pointer (&holder), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (kk_application_locked_response),
                           self, 0);
  /* Without a window yet, the dialog alone keeps the application. */
  g_application_hold (G_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kk_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  KkApplication *self = KK_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(KkLock) other = kk_lock_find_other (files[i]);

      if (other != NULL)
        kk_application_ask_about_lock (self, files[i], other);
      else
        kk_application_open_file (self, files[i], KK_OPEN_WRITABLE);
    }
}

/* Each window asks about its unsaved changes before it goes; the
 * application ends with its last window. */
static void
kk_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));
  g_autoptr(GList) copy = g_list_copy (windows);

  for (GList *l = copy; l != NULL; l = l->next)
    if (KK_IS_WINDOW (l->data))
      gtk_window_close (l->data);
}

static void
kk_application_open_recent_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  g_application_open (G_APPLICATION (user_data), &file, 1, "");
}

static void
kk_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *about = adw_about_window_new ();

  adw_about_window_set_application_name (ADW_ABOUT_WINDOW (about), _("Keikaku"));
  adw_about_window_set_application_icon (ADW_ABOUT_WINDOW (about), APPLICATION_ID);
  adw_about_window_set_version (ADW_ABOUT_WINDOW (about), PACKAGE_VERSION);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Write the annual business plan, print it, and review its "
                                   "budget and targets"));
  adw_about_window_set_license_type (ADW_ABOUT_WINDOW (about), GTK_LICENSE_GPL_3_0);
  adw_about_window_set_translator_credits (ADW_ABOUT_WINDOW (about), _("translator-credits"));
  gtk_window_set_transient_for (GTK_WINDOW (about), parent);
  gtk_window_present (GTK_WINDOW (about));
}

typedef struct
{
  const char *action;
  const char *accels[3];
} KkAccels;

static void
kk_application_set_accels (GtkApplication *application)
{
  static const KkAccels accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.save", { "<Control>s", NULL } },
    { "win.save-as", { "<Control><Shift>s", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.print-preview", { "<Control><Shift>p", NULL } },
    { "win.export-pdf", { "<Control>e", NULL } },
    { "win.export-table::workbook", { "<Control><Shift>e", NULL } },
    { "win.new-plan", { "<Control><Shift>n", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.toggle-check", { "<Control>k", NULL } },
    { "win.add-program", { "<Control>n", NULL } },
    { "win.duplicate-program", { "<Control>d", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

/* Told to end (SIGTERM from the session or from kill, SIGHUP from a closed
 * terminal, SIGINT from Ctrl+C): nobody can be asked about unsaved
 * changes, so they are written aside for the next start to offer, and
 * the plans' locks go. */
static gboolean
kk_application_end (gpointer user_data)
{
  GApplication *application = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (application)); l; l = l->next)
    if (KK_IS_WINDOW (l->data))
      kk_window_keep_aside (l->data);
  g_application_quit (application);
  return G_SOURCE_CONTINUE;
}

static void
kk_application_watch_end_signals (KkApplication *self)
{
  static const int signals[] = { SIGTERM, SIGHUP, SIGINT };

  G_STATIC_ASSERT (G_N_ELEMENTS (signals) == G_N_ELEMENTS (self->end_signal_ids));
  for (gsize i = 0; i < G_N_ELEMENTS (signals); i++)
    self->end_signal_ids[i] = g_unix_signal_add (signals[i], kk_application_end, self);
}

static void
kk_application_startup (GApplication *application)
{
  KkApplication *self = KK_APPLICATION (application);
  static const GActionEntry actions[] = {
    { "quit", kk_application_quit_action },
    { "about", kk_application_about_action },
    { "open-recent", kk_application_open_recent_action, "s" },
  };

  G_APPLICATION_CLASS (kk_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions,
                                   G_N_ELEMENTS (actions), application);
  kk_application_set_accels (GTK_APPLICATION (application));
  kk_accessible_name_dialog_buttons ();
  kk_application_watch_end_signals (self);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (kk_application_update_recent), self, G_CONNECT_SWAPPED);
  kk_application_update_recent (self);
}

static void
kk_application_dispose (GObject *object)
{
  KkApplication *self = KK_APPLICATION (object);

  for (gsize i = 0; i < G_N_ELEMENTS (self->end_signal_ids); i++)
    g_clear_handle_id (&self->end_signal_ids[i], g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);

  G_OBJECT_CLASS (kk_application_parent_class)->dispose (object);
}

static void
kk_application_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KkApplication *self = KK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_PROGRESS_DELAY:
      g_value_set_uint (value, self->progress_delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_application_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KkApplication *self = KK_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_PROGRESS_DELAY:
      kk_application_set_progress_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_application_class_init (KkApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = kk_application_dispose;
  object_class->get_property = kk_application_get_property;
  object_class->set_property = kk_application_set_property;

  /**
   * KkApplication:progress-delay:
   *
   * How long, in milliseconds, opening or saving a plan goes before the
   * window says so.
   */
  properties[PROP_PROGRESS_DELAY] =
    g_param_spec_uint ("progress-delay", NULL, NULL, 0, G_MAXUINT, KK_PROGRESS_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->local_command_line = kk_application_local_command_line;
  app_class->startup = kk_application_startup;
  app_class->activate = kk_application_activate;
  app_class->open = kk_application_open;
}

static void
kk_application_init (KkApplication *self)
{
  self->recent_menu = g_menu_new ();
  self->progress_delay = KK_PROGRESS_DELAY_MS;
}

KkApplication *
kk_application_new (void)
{
  return g_object_new (KK_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

guint
kk_application_get_progress_delay (KkApplication *self)
{
  g_return_val_if_fail (KK_IS_APPLICATION (self), 0);
  return self->progress_delay;
}

void
kk_application_set_progress_delay (KkApplication *self,
                                   guint          delay_ms)
{
  g_return_if_fail (KK_IS_APPLICATION (self));

  if (self->progress_delay == delay_ms)
    return;
  self->progress_delay = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS_DELAY]);
}

/**
 * kk_application_get_opening:
 *
 * Returns: whether a plan is being read
 */
gboolean
kk_application_get_opening (KkApplication *self)
{
  g_return_val_if_fail (KK_IS_APPLICATION (self), FALSE);
  return self->n_opening > 0;
}
