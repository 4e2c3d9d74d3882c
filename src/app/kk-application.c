/* kk-application.c: the Keikaku application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-application.h"
#include "kk-command-line.h"
#include "kk-plan-file.h"
#include "kk-window.h"

struct _KkApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (KkApplication, kk_application, ADW_TYPE_APPLICATION)

static void
kk_application_show_plan (KkApplication *self,
                          KkPlan        *plan,
                          GFile         *file)
{
  KkWindow *window = kk_window_new (self, plan, file);

  gtk_window_present (GTK_WINDOW (window));
}

static void
kk_application_show_load_error (KkApplication *self,
                                GFile         *file,
                                const GError  *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Could Not Open the Plan"), NULL);
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

static void
kk_application_activate (GApplication *application)
{
  KkApplication *self = KK_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(KkPlan) plan = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  plan = kk_plan_load_default ();
  kk_application_show_plan (self, plan, NULL);
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
      g_autoptr(GError) error = NULL;
      g_autoptr(KkPlan) plan = kk_plan_load_file (files[i], NULL, &error);

      if (plan != NULL)
        {
          kk_application_show_plan (self, plan, files[i]);
          continue;
        }
      kk_application_activate (application);
      kk_application_show_load_error (self, files[i], error);
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
    { "win.find", { "<Control>f", NULL } },
    { "win.add-program", { "<Control>n", NULL } },
    { "win.duplicate-program", { "<Control>d", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

static void
kk_application_startup (GApplication *application)
{
  static const GActionEntry actions[] = {
    { "quit", kk_application_quit_action },
    { "about", kk_application_about_action },
  };

  G_APPLICATION_CLASS (kk_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), actions,
                                   G_N_ELEMENTS (actions), application);
  kk_application_set_accels (GTK_APPLICATION (application));
}

static void
kk_application_class_init (KkApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->local_command_line = kk_application_local_command_line;
  app_class->startup = kk_application_startup;
  app_class->activate = kk_application_activate;
  app_class->open = kk_application_open;
}

static void
kk_application_init (KkApplication *self)
{
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
