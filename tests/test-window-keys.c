/* test-window-keys.c: the window's keys, as a clerk who works by keyboard
 * uses them while a field is being typed into, and as the shortcuts window
 * lists them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kk-application.h"
#include "kk-plan-file.h"
#include "kk-program-editor.h"
#include "kk-program-list.h"
#include "kk-report-preview.h"
#include "kk-test-locale.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

/* Opens 【13】 in the editor, with its budget field focused. */
static GtkWidget *
open_budget_of_13 (KkWindow *window)
{
  KkPlan *plan = kk_window_get_plan (window);
  KkProgram *program = kk_plan_find_program (plan, 13);
  GtkWidget *budget;

  kk_program_list_set_selected_program (kk_window_get_program_list (window), program);
  kk_test_run_until_idle ();
  g_assert_true (kk_program_editor_get_program (kk_window_get_program_editor (window)) == program);
  budget = kk_test_find_named (GTK_WIDGET (kk_window_get_program_editor (window)), "budget");
  gtk_widget_grab_focus (budget);
  kk_test_run_until_idle ();
  return budget;
}

static const char *
text_of (GtkWidget *editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

/* Ctrl+Z while a value is typed and not applied takes back that value,
 * not an older edit, and Ctrl+Shift+Z brings it again: what was typed is
 * not lost, as it is not when a click on Undo takes the focus. */
static void
test_undo_takes_back_what_was_typed (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgram *program = kk_plan_find_program (plan, 13);
  KkProgram *other = kk_plan_find_program (plan, 2);
  gint64 other_budget = kk_program_get_budget (other);
  GtkWidget *budget;

  /* An older edit, of another program, which Ctrl+Z must leave alone. */
  kk_plan_edit (plan, other, "budget", other_budget + 1);
  budget = open_budget_of_13 (window);
  gtk_editable_set_text (GTK_EDITABLE (budget), "500");
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_program_get_budget (program), ==, 319750);

  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpint (kk_program_get_budget (program), ==, 319750);
  g_assert_cmpint (kk_program_get_budget (other), ==, other_budget + 1);
  g_assert_cmpstr (text_of (budget), ==, "319,750");

  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_z,
                                    GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpint (kk_program_get_budget (program), ==, 500);
  g_assert_cmpstr (text_of (budget), ==, "500");

  /* Typed after an undo, a value is a new edit, which ends what there
   * was to redo: Ctrl+Shift+Z applies it and redoes nothing. */
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpint (kk_program_get_budget (program), ==, 319750);
  gtk_editable_set_text (GTK_EDITABLE (budget), "600");
  kk_test_run_until_idle ();
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_z,
                                    GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpint (kk_program_get_budget (program), ==, 600);
  g_assert_cmpstr (text_of (budget), ==, "600");
  g_assert_false (kk_history_get_can_redo (kk_plan_get_history (plan)));

  /* A text that is no value cannot be applied: the last edit is undone,
   * and the field shows the plan again. */
  gtk_editable_set_text (GTK_EDITABLE (budget), "12a");
  kk_test_run_until_idle ();
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_z, GDK_CONTROL_MASK));
  g_assert_cmpint (kk_program_get_budget (program), ==, 319750);
  g_assert_cmpstr (text_of (budget), ==, "319,750");
  g_assert_false (gtk_widget_has_css_class (budget, "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_run_until_idle ();
}

/* "<Control>z" as GTK names it, whichever way it was written. */
static char *
dup_accelerator_name (guint           keyval,
                      GdkModifierType modifiers)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), modifiers);
}

static void
add_accelerators (GHashTable         *keys,
                  const char * const *accelerators)
{
  for (guint i = 0; accelerators[i] != NULL; i++)
    {
      guint keyval;
      GdkModifierType modifiers;

      g_assert_true (gtk_accelerator_parse (accelerators[i], &keyval, &modifiers));
      g_hash_table_add (keys, dup_accelerator_name (keyval, modifiers));
    }
}

/* The keys the shortcuts window shows: its own, and those of the actions
 * it names, which it asks the application for. */
static void
collect_listed_keys (GtkWidget  *widget,
                     GHashTable *keys)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action = NULL;

      g_object_get (widget, "accelerator", &accelerator, "action-name", &action, NULL);
      if (accelerator != NULL)
        {
          g_auto(GStrv) accelerators = g_strsplit (accelerator, " ", -1);

          add_accelerators (keys, (const char * const *)accelerators);
        }
      if (action != NULL)
        {
          g_auto(GStrv) accelerators = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                              action);

          add_accelerators (keys, (const char * const *)accelerators);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed_keys (child, keys);
}

static void
assert_listed (GHashTable *listed,
               const char *key,
               const char *where)
{
  if (!g_hash_table_contains (listed, key))
    g_error ("%s (%s) is not in the shortcuts window", key, where);
}

static void
assert_trigger_listed (GHashTable         *listed,
                       GtkShortcutTrigger *trigger,
                       const char         *where)
{
  g_autofree char *key = NULL;
  const char *keyval_name;

  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    {
      assert_trigger_listed (listed, gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)), where);
      assert_trigger_listed (listed, gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)), where);
      return;
    }
  /* Access keys are the labels' business. */
  if (!GTK_IS_KEYVAL_TRIGGER (trigger))
    return;
  keyval_name = gdk_keyval_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)));
  /* The keypad's Tab does what Tab does, which is listed. */
  if (g_str_has_prefix (keyval_name, "KP_"))
    return;
  key = dup_accelerator_name (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
  assert_listed (listed, key, where);
}

/* Our shortcuts on @widget: those of our own classes' bindings, which are
 * named actions (GTK's own there are signals), and those of controllers we
 * add, which GTK's own name "gtk-…". The menu's items repeat the
 * application's accelerators. */
static void
assert_shortcuts_listed (GtkWidget  *widget,
                         GHashTable *listed)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean ours = g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Kk");

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      const char *name = gtk_event_controller_get_name (controller);
      gboolean class_bindings = g_strcmp0 (name, "gtk-widget-class-shortcuts") == 0;

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkModelButton") ||
          (name != NULL && !(ours && class_bindings)))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (!class_bindings || GTK_IS_NAMED_ACTION (gtk_shortcut_get_action (shortcut)))
            assert_trigger_listed (listed, gtk_shortcut_get_trigger (shortcut),
                                   G_OBJECT_TYPE_NAME (widget));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_shortcuts_listed (child, listed);
}

/* Every key the application and our widgets install is in the shortcuts
 * window: the accelerators of actions, the window's Alt+1…3, the list's
 * Delete and Tab, and the print preview's. */
static void
test_shortcuts_window_lists_every_key (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  /* The application finds it under its resource base path, which the test
   * application's id does not give. */
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GtkWindow *preview;

  g_assert_nonnull (overlay);
  collect_listed_keys (overlay, listed);
  g_assert_cmpuint (g_hash_table_size (listed), >=, 20);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accelerators = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                          actions[i]);

      for (guint j = 0; accelerators[j] != NULL; j++)
        {
          guint keyval;
          GdkModifierType modifiers;
          g_autofree char *key = NULL;

          g_assert_true (gtk_accelerator_parse (accelerators[j], &keyval, &modifiers));
          key = dup_accelerator_name (keyval, modifiers);
          assert_listed (listed, key, actions[i]);
        }
    }

  assert_shortcuts_listed (GTK_WIDGET (window), listed);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-preview", NULL);
  kk_test_run_until_idle ();
  preview = kk_test_find_toplevel (KK_TYPE_REPORT_PREVIEW, GTK_WINDOW (window));
  g_assert_nonnull (preview);
  assert_shortcuts_listed (GTK_WIDGET (preview), listed);

  gtk_window_destroy (preview);
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_run_until_idle ();
}

static void
assert_sensitive (GtkWidget  *widget,
                  const char *what,
                  gboolean    can)
{
  if (widget == NULL)
    g_error ("no button or item for %s", what);
  if (gtk_widget_is_sensitive (widget) != can)
    g_error ("%s is %s", what, can ? "disabled" : "enabled");
}

/* The header bar's button for @action. */
static void
assert_can (KkWindow   *window,
            const char *action,
            gboolean    can)
{
  assert_sensitive (kk_test_find_actionable (GTK_WIDGET (window), action), action, can);
}

/* The main menu's item labelled @label, as the open menu shows it. */
static void
assert_menu_can (KkWindow   *window,
                 const char *label,
                 gboolean    can)
{
  GtkMenuButton *menu = GTK_MENU_BUTTON (kk_test_find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON));

  gtk_menu_button_popup (menu);
  kk_test_run_until_idle ();
  assert_sensitive (kk_test_find_label (GTK_WIDGET (window), label), label, can);
  gtk_menu_button_popdown (menu);
  kk_test_run_until_idle ();
}

/* What can be done follows the window's state: the selection, the
 * history, and whether there is anything to save. */
static void
test_actions_follow_the_state (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  GtkWidget *save = kk_test_find_actionable (GTK_WIDGET (window), "win.save");

  assert_can (window, "win.undo", FALSE);
  assert_can (window, "win.redo", FALSE);
  assert_menu_can (window, "Duplicate Program", FALSE);
  assert_menu_can (window, "Delete Program", FALSE);
  assert_can (window, "win.save", TRUE);
  g_assert_false (gtk_widget_has_css_class (save, "suggested-action"));

  kk_program_list_set_selected_program (kk_window_get_program_list (window),
                                        kk_plan_find_program (plan, 13));
  kk_test_run_until_idle ();
  assert_menu_can (window, "Duplicate Program", TRUE);
  assert_menu_can (window, "Delete Program", TRUE);

  kk_plan_edit (plan, kk_plan_find_program (plan, 13), "budget", (gint64) 1);
  kk_test_run_until_idle ();
  assert_can (window, "win.undo", TRUE);
  assert_can (window, "win.redo", FALSE);
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  kk_test_run_until_idle ();
  assert_can (window, "win.undo", FALSE);
  assert_can (window, "win.redo", TRUE);
  g_assert_false (gtk_widget_has_css_class (save, "suggested-action"));

  kk_program_list_set_selected_program (kk_window_get_program_list (window), NULL);
  kk_test_run_until_idle ();
  assert_menu_can (window, "Duplicate Program", FALSE);
  assert_menu_can (window, "Delete Program", FALSE);

  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_run_until_idle ();
}

static void
collect_menus (GtkWidget *widget,
               GPtrArray *menus)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    g_ptr_array_add (menus, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menus (child, menus);
}

/* The main menu and the charts' Export menu, each item with a key of its
 * own in each submenu. */
/* The label of the first item of @menu's first section. */
static char *
dup_first_label (GMenuModel *menu)
{
  g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
  char *label = NULL;

  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

static void
check_menu_access_keys (const char *first_label)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();
  g_autofree char *label = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "charts");
  kk_test_run_until_idle ();
  collect_menus (GTK_WIDGET (window), menus);
  g_assert_cmpuint (menus->len, ==, 2);
  label = dup_first_label (g_ptr_array_index (menus, 0));
  g_assert_cmpstr (label, ==, first_label);
  for (guint i = 0; i < menus->len; i++)
    kk_test_assert_unique_access_keys (g_ptr_array_index (menus, i));

  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_run_until_idle ();
}

static void
check_menu_access_keys_in_english (void)
{
  check_menu_access_keys ("_New Program");
}

static void
check_menu_access_keys_in_japanese (void)
{
  check_menu_access_keys ("新しい事業(_N)");
}

static void
test_menu_access_keys_are_unique (void)
{
  check_menu_access_keys_in_english ();
  kk_test_run_in_locale ("ja_JP.UTF-8", check_menu_access_keys_in_japanese);
}

/* With a program open, the header bar, its bars and the editor beside
 * share the window's access keys: none is had twice. */
static void
check_window_access_keys (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);

  open_budget_of_13 (window);
  g_assert_cmpuint (kk_test_assert_unique_label_access_keys (GTK_WIDGET (window)), >=, 15);
  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_run_until_idle ();
}

static void
test_window_access_keys_are_unique (void)
{
  check_window_access_keys ();
  kk_test_run_in_locale ("ja_JP.UTF-8", check_window_access_keys);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = kk_test_application_new ();
  kk_test_bind_translations ();

  g_test_add_func ("/window-keys/undo-takes-back-what-was-typed",
                   test_undo_takes_back_what_was_typed);

  g_test_add_func ("/window-keys/shortcuts-window-lists-every-key",
                   test_shortcuts_window_lists_every_key);
  g_test_add_func ("/window-keys/menu-access-keys-are-unique", test_menu_access_keys_are_unique);
  g_test_add_func ("/window-keys/window-access-keys-are-unique",
                   test_window_access_keys_are_unique);
  g_test_add_func ("/window-keys/actions-follow-the-state", test_actions_follow_the_state);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
