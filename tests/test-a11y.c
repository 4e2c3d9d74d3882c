/* test-a11y.c: what a screen reader is told about the window, outside the
 * editors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kk-application.h"
#include "kk-division.h"
#include "kk-format.h"
#include "kk-name-dialog.h"
#include "kk-pillar.h"
#include "kk-plan-file.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

static KkWindow *
open_window (KkPlan *plan)
{
  KkWindow *window = kk_window_new (app, plan, NULL);

  gtk_window_present (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  return window;
}

static GtkWidget *
get_column_view (KkWindow *window)
{
  return kk_test_find_type (GTK_WIDGET (kk_window_get_program_list (window)), GTK_TYPE_COLUMN_VIEW);
}

/* The row whose number cell reads @number. */
static GtkWidget *
find_row (KkWindow *window,
          guint     number)
{
  GtkWidget *list_view = kk_test_find_type (get_column_view (window), GTK_TYPE_LIST_VIEW);
  g_autofree char *text = g_strdup_printf ("%u", number);

  for (GtkWidget *row = gtk_widget_get_first_child (list_view); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *cell = gtk_widget_get_first_child (row);

      if (cell != NULL && GTK_IS_INSCRIPTION (gtk_widget_get_first_child (cell)) &&
          g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (gtk_widget_get_first_child (cell))),
                     text) == 0)
        return row;
    }
  return NULL;
}

/* A row is one sentence: number, name, review state, budget, and a
 * decrease in words. */
static void
test_rows_read_as_sentences (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkProgram *program = kk_plan_find_program (plan, 13);
  g_autofree char *budget = kk_format_thousand_yen (kk_program_get_budget (program));
  g_autofree char *decrease = kk_format_thousand_yen (-kk_program_get_difference (program));
  g_autofree char *change = g_strdup_printf ("decrease of %s", decrease);
  g_autofree char *sentence = NULL;
  g_autofree char *shown = kk_format_thousand_yen (kk_program_get_difference (program));
  GtkWidget *row = find_row (window, 13);
  GtkWidget *cell;

  g_assert_cmpint (kk_program_get_difference (program), <, 0);
  g_assert_nonnull (row);
  sentence = g_strdup_printf ("13 %s, Confirmed, budget %s, %s", kk_program_get_name (program),
                              budget, change);
  gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL, sentence);
  cell = kk_test_find_label (row, shown);
  g_assert_nonnull (cell);
  g_assert_true (g_str_has_prefix (shown, "▲"));
  gtk_test_accessible_assert_property (cell, GTK_ACCESSIBLE_PROPERTY_LABEL, change);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_list_is_named_and_described (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GtkWidget *column_view = get_column_view (window);
  GtkWidget *summary = kk_test_find_label (GTK_WIDGET (window), "25 programs");

  g_assert_nonnull (summary);
  gtk_test_accessible_assert_property (column_view, GTK_ACCESSIBLE_PROPERTY_LABEL, "Programs");
  gtk_test_accessible_assert_relation (column_view, GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, summary,
                                       NULL);
  gtk_test_accessible_assert_property (kk_test_find_type (GTK_WIDGET (window),
                                                          GTK_TYPE_SEARCH_ENTRY),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search programs");

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
drop_down_button (GtkWidget *drop_down)
{
  GtkWidget *button = kk_test_find_type (drop_down, GTK_TYPE_TOGGLE_BUTTON);

  g_assert_nonnull (button);
  gtk_test_accessible_assert_role (button, GTK_ACCESSIBLE_ROLE_BUTTON);
  return button;
}

/* The button inside each filter, which takes the focus, says the filter
 * and its choice, not "GtkToggleButton". */
static void
test_filters_say_their_choice (void)
{
  static const char * const names[] = {
    "Pillar: All pillars", "Division: All divisions", "Funding: All funding",
    "Status: Continuing and new", "Review: All states",
  };
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GtkWidget *filter = kk_test_find_type (GTK_WIDGET (kk_window_get_program_list (window)),
                                         GTK_TYPE_DROP_DOWN);
  g_autoptr(KkPillar) pillar = g_list_model_get_item (kk_plan_get_pillars (plan), 0);
  g_autofree char *label = NULL;
  g_autofree char *chosen = NULL;
  guint i = 0;

  g_object_get (pillar, "label", &label, NULL);
  chosen = g_strdup_printf ("Pillar: %s", label);

  for (GtkWidget *widget = filter; widget != NULL; widget = gtk_widget_get_next_sibling (widget))
    if (GTK_IS_DROP_DOWN (widget))
      gtk_test_accessible_assert_property (drop_down_button (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           names[i++]);
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (names));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (filter), 1);
  gtk_test_accessible_assert_property (drop_down_button (filter), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       chosen);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Names are said as words, without the underscore of their access key. */
static void
test_buttons_say_clean_names (void)
{
  static const struct { const char *action; const char *name; } buttons[] = {
    { "win.save", "Save" },
    { "win.save-as", "Save As…" },
    { "win.add-program", "New Program" },
    { "win.undo", "Undo" },
  };
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);

  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = kk_test_find_actionable (GTK_WIDGET (window), buttons[i].action);

      g_assert_nonnull (button);
      gtk_test_accessible_assert_role (button, GTK_ACCESSIBLE_ROLE_BUTTON);
      gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, buttons[i].name);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each of the 担当課 view's preview buttons says its division. */
static void
test_division_buttons_say_their_division (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GListModel *divisions = kk_plan_get_divisions (plan);
  guint n_buttons = 0;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "divisions");
  kk_test_run_until_idle ();
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);
      g_autofree char *name = g_strdup_printf ("Print Preview of %s", kk_division_get_name (division));
      GtkWidget *group = kk_test_find_label (GTK_WIDGET (window), kk_division_get_name (division));
      GtkWidget *button;

      g_assert_nonnull (group);
      group = gtk_widget_get_ancestor (group, ADW_TYPE_PREFERENCES_GROUP);
      button = kk_test_find_actionable (group, "win.preview-division");
      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      n_buttons++;
    }
  g_assert_cmpuint (n_buttons, ==, 8);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A name that is taken is marked in the name dialog as a refused field is
 * in the editors, to the eye and to a screen reader. */
static void
test_name_dialog_marks_a_taken_name (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  g_autoptr(KkDivision) division = g_list_model_get_item (kk_plan_get_divisions (plan), 0);
  GtkWindow *dialog;
  GtkWidget *entry;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-division", NULL);
  kk_test_run_until_idle ();
  dialog = kk_test_find_toplevel (KK_TYPE_NAME_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  entry = kk_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), kk_division_get_name (division));
  kk_test_run_until_idle ();
  g_assert_true (gtk_widget_has_css_class (entry, "error"));
  gtk_test_accessible_assert_state (entry, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), "新しい課");
  kk_test_run_until_idle ();
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  app = kk_test_application_new ();

  g_test_add_func ("/a11y/list/rows", test_rows_read_as_sentences);
  g_test_add_func ("/a11y/list/named", test_list_is_named_and_described);
  g_test_add_func ("/a11y/filters", test_filters_say_their_choice);
  g_test_add_func ("/a11y/buttons", test_buttons_say_clean_names);
  g_test_add_func ("/a11y/division-buttons", test_division_buttons_say_their_division);
  g_test_add_func ("/a11y/name-dialog/taken", test_name_dialog_marks_a_taken_name);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
