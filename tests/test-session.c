/* test-session.c: logging out while a plan has unsaved changes
 *
 * While an application inhibits logging out, GNOME's session manager asks
 * the clerk first and lists the application with its reason. The test
 * serves a session manager of its own on the test's session bus (from a
 * thread with a main context of its own, since GTK calls it synchronously
 * from the main thread) and follows what the window tells it as the plan
 * is edited, saved, undone and closed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kk-plan-file.h"
#include "kk-test-files.h"
#include "kk-test-ui.h"
#include "kk-window.h"

#define SM_NAME "org.gnome.SessionManager"
#define SM_PATH "/org/gnome/SessionManager"

static const char sm_xml[] =
  "<node>"
  "  <interface name='org.gnome.SessionManager'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' name='app_id' direction='in'/>"
  "      <arg type='u' name='toplevel_xid' direction='in'/>"
  "      <arg type='s' name='reason' direction='in'/>"
  "      <arg type='u' name='flags' direction='in'/>"
  "      <arg type='u' name='inhibit_cookie' direction='out'/>"
  "    </method>"
  "    <method name='Uninhibit'>"
  "      <arg type='u' name='inhibit_cookie' direction='in'/>"
  "    </method>"
  "    <method name='IsInhibited'>"
  "      <arg type='u' name='flags' direction='in'/>"
  "      <arg type='b' name='is_inhibited' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

/* What the session manager holds: shared by its thread and the test's. */
typedef struct
{
  GMutex lock;
  GCond ready_cond;
  gboolean ready;
  GMainLoop *loop;
  guint next_cookie;
  guint cookie;
  char *app_id;
  char *reason;
  guint flags;
} SessionManager;

static SessionManager sm;

static void
sm_inhibit (GVariant *parameters)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sm.lock);
  g_autofree char *app_id = NULL;
  g_autofree char *reason = NULL;
  guint xid;

  /* One inhibitor at a time is what the tests expect. */
  g_assert_cmpuint (sm.cookie, ==, 0);
  g_variant_get (parameters, "(susu)", &app_id, &xid, &reason, &sm.flags);
  sm.cookie = ++sm.next_cookie;
  g_free (sm.app_id);
  sm.app_id = g_steal_pointer (&app_id);
  g_free (sm.reason);
  sm.reason = g_steal_pointer (&reason);
}

static void
sm_uninhibit (GVariant *parameters)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sm.lock);
  guint cookie;

  g_variant_get (parameters, "(u)", &cookie);
  g_assert_cmpuint (cookie, ==, sm.cookie);
  sm.cookie = 0;
}

static void
sm_method_call (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  if (g_str_equal (method_name, "Inhibit"))
    {
      sm_inhibit (parameters);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", sm.cookie));
    }
  else if (g_str_equal (method_name, "Uninhibit"))
    {
      sm_uninhibit (parameters);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(b)", sm.cookie != 0));
}

static GDBusConnection *
sm_connect (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  GDBusConnection *connection;

  g_assert_no_error (error);
  connection = g_dbus_connection_new_for_address_sync (address,
                                                       G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                       G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                       NULL, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

static void
sm_own_name (GDBusConnection *connection)
{
  static const GDBusInterfaceVTable vtable = { sm_method_call };
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (sm_xml, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  guint result;

  g_dbus_connection_register_object (connection, SM_PATH, node->interfaces[0], &vtable,
                                     NULL, NULL, &error);
  g_assert_no_error (error);
  /* 4: DBUS_NAME_FLAG_DO_NOT_QUEUE */
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", SM_NAME, 4), G_VARIANT_TYPE ("(u)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(u)", &result);
  /* 1: DBUS_REQUEST_NAME_REPLY_PRIMARY_OWNER */
  g_assert_cmpuint (result, ==, 1);
}

static gpointer
sm_thread (gpointer data)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GDBusConnection) connection = NULL;

  g_main_context_push_thread_default (context);
  connection = sm_connect ();
  sm_own_name (connection);
  sm.loop = g_main_loop_new (context, FALSE);

  g_mutex_lock (&sm.lock);
  sm.ready = TRUE;
  g_cond_signal (&sm.ready_cond);
  g_mutex_unlock (&sm.lock);

  g_main_loop_run (sm.loop);
  g_main_context_pop_thread_default (context);
  return NULL;
}

/* Before the application starts: GTK looks for a session manager then. */
static GThread *
sm_start (void)
{
  GThread *thread = g_thread_new ("session-manager", sm_thread, NULL);

  g_mutex_lock (&sm.lock);
  while (!sm.ready)
    g_cond_wait (&sm.ready_cond, &sm.lock);
  g_mutex_unlock (&sm.lock);
  return thread;
}

static gboolean
sm_is_inhibited (gpointer data)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sm.lock);

  return sm.cookie != 0;
}

static gboolean
sm_is_free (gpointer data)
{
  return !sm_is_inhibited (data);
}

static gboolean
plan_saved (gpointer data)
{
  return !kk_plan_get_dirty (kk_window_get_plan (data));
}

static void
assert_inhibited_for (const char *name)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&sm.lock);
  g_autofree char *reason = g_strdup_printf ("“%s” has unsaved changes", name);

  g_assert_cmpuint (sm.cookie, !=, 0);
  g_assert_cmpstr (sm.app_id, ==, "io.github.keikaku.Keikaku.Test");
  g_assert_cmpuint (sm.flags, ==, GTK_APPLICATION_INHIBIT_LOGOUT);
  g_assert_cmpstr (sm.reason, ==, reason);
}

/* Unsaved changes hold off logging out, saved ones or none do not; the
 * session hears of it at once, since it may end at any moment. */
static void
test_unsaved_changes_inhibit_logout (void)
{
  g_autoptr(KkApplication) app = kk_test_application_new ();
  g_autofree char *folder = g_dir_make_tmp ("keikaku-session-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (folder, "plan.keikaku", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KkPlan) embedded = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, embedded);
  KkPlan *plan = kk_window_get_plan (window);
  AdwMessageDialog *dialog;

  g_assert_false (sm_is_inhibited (NULL));

  /* The first change, on a plan not saved yet: named by its title. */
  kk_test_rename_first_program (plan, "ログアウト前の変更");
  assert_inhibited_for (kk_plan_get_title (plan));

  /* Saved: nothing to lose. */
  kk_window_save_to (window, file);
  kk_test_wait_until (plan_saved, window);
  kk_test_wait_until (sm_is_free, NULL);

  /* Changed again, then undone back to what is on disk. */
  kk_test_rename_first_program (plan, "二度目の変更");
  assert_inhibited_for ("plan.keikaku");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_false (kk_plan_get_dirty (plan));
  kk_test_wait_until (sm_is_free, NULL);

  /* Changed, and the window closed with the changes discarded. */
  kk_test_rename_first_program (plan, "捨てる変更");
  assert_inhibited_for ("plan.keikaku");
  gtk_window_close (GTK_WINDOW (window));
  dialog = kk_test_find_dialog (NULL);
  g_assert_nonnull (dialog);
  kk_test_respond (dialog, "discard");
  kk_test_wait_until (sm_is_free, NULL);

  kk_test_remove_tree (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GThread) thread = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  thread = sm_start ();

  g_test_add_func ("/session/unsaved-changes-inhibit-logout", test_unsaved_changes_inhibit_logout);

  status = g_test_run ();
  g_main_loop_quit (sm.loop);
  g_thread_join (g_steal_pointer (&thread));
  g_main_loop_unref (sm.loop);
  g_free (sm.app_id);
  g_free (sm.reason);
  return status;
}
