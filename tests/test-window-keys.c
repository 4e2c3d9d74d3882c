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

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = kk_test_application_new ();

  g_test_add_func ("/window-keys/undo-takes-back-what-was-typed",
                   test_undo_takes_back_what_was_typed);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
