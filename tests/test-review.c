/* test-review.c: the review state in the window: the list's column and
 * filter, and each division's progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kk-application.h"
#include "kk-plan-file.h"
#include "kk-program-editor.h"
#include "kk-test-ui.h"
#include "kk-totals.h"
#include "kk-window.h"

static KkApplication *app;

static void
choose_review_filter (KkProgramList *list,
                      const char    *choice)
{
  GtkDropDown *filter = GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (list), "review-filter"));
  GListModel *choices = gtk_drop_down_get_model (filter);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), choice) == 0)
      {
        gtk_drop_down_set_selected (filter, i);
        kk_test_run_until_idle ();
        return;
      }
  g_error ("the review filter offers no “%s”", choice);
}

/* The first rows show the programs of these numbers, in this order. */
static void
assert_rows_begin (GListModel *rows,
                   guint       n_numbers,
                   ...)
{
  va_list numbers;

  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, n_numbers);
  va_start (numbers, n_numbers);
  for (guint i = 0; i < n_numbers; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (rows, i);

      g_assert_cmpuint (kk_program_get_number (program), ==, va_arg (numbers, guint));
    }
  va_end (numbers);
}

/* The clerk sees each program's state in its row, finds the drafts with the
 * filter, and sorts the unfinished ones to the top. */
static void
test_list_shows_and_filters_the_state (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgramList *list = kk_window_get_program_list (window);
  GListModel *rows = kk_program_list_get_rows (list);
  guint n_programs = g_list_model_get_n_items (kk_plan_get_programs (plan));

  kk_plan_edit (plan, kk_plan_find_program (plan, 5), "review-state", KK_REVIEW_STATE_DRAFT);
  kk_plan_edit (plan, kk_plan_find_program (plan, 12), "review-state", KK_REVIEW_STATE_PENDING);
  kk_plan_edit (plan, kk_plan_find_program (plan, 20), "review-state", KK_REVIEW_STATE_DRAFT);
  kk_test_run_until_idle ();
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (list), "Draft"));
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (list), "Pending"));

  choose_review_filter (list, "Draft");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  assert_rows_begin (rows, 2, 5, 20);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), "2 programs"));
  choose_review_filter (list, "Not confirmed");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  assert_rows_begin (rows, 3, 5, 12, 20);
  choose_review_filter (list, "Confirmed");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_programs - 3);
  choose_review_filter (list, "All states");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_programs);

  kk_program_list_sort_by (list, "review-state", GTK_SORT_ASCENDING);
  kk_test_run_until_idle ();
  assert_rows_begin (rows, 4, 5, 20, 12, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_rows (KkProgramList *list)
{
  return g_list_model_get_n_items (kk_program_list_get_rows (list));
}

static guint
selected_number (KkProgramList *list)
{
  KkProgram *selected = kk_program_list_get_selected_program (list);

  g_assert_nonnull (selected);
  return kk_program_get_number (selected);
}

/* A program that an edit takes out of the filter leaves the list and one
 * it brings in joins it, at once; the program selected for editing stays
 * under the editor until another one is selected. */
static void
test_edits_refilter_the_list (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgramList *list = kk_window_get_program_list (window);

  choose_review_filter (list, "Not confirmed");
  g_assert_cmpuint (n_rows (list), ==, 0);
  kk_plan_edit (plan, kk_plan_find_program (plan, 5), "review-state", KK_REVIEW_STATE_DRAFT);
  kk_plan_edit (plan, kk_plan_find_program (plan, 7), "review-state", KK_REVIEW_STATE_PENDING);
  kk_test_run_until_idle ();
  g_assert_cmpuint (n_rows (list), ==, 2);
  assert_rows_begin (kk_program_list_get_rows (list), 2, 5, 7);

  kk_program_list_set_selected_program (list, kk_plan_find_program (plan, 5));
  kk_test_run_until_idle ();
  kk_plan_edit (plan, kk_plan_find_program (plan, 5), "review-state", KK_REVIEW_STATE_CONFIRMED);
  kk_test_run_until_idle ();
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_assert_cmpuint (selected_number (list), ==, 5);
  g_assert_cmpuint (kk_program_get_number (
                      kk_program_editor_get_program (kk_window_get_program_editor (window))), ==, 5);

  kk_plan_edit (plan, kk_plan_find_program (plan, 7), "review-state", KK_REVIEW_STATE_CONFIRMED);
  kk_test_run_until_idle ();
  assert_rows_begin (kk_program_list_get_rows (list), 1, 5);
  g_assert_cmpuint (n_rows (list), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_assert_cmpuint (selected_number (list), ==, 5);

  kk_program_list_set_selected_program (list, kk_plan_find_program (plan, 7));
  kk_test_run_until_idle ();
  assert_rows_begin (kk_program_list_get_rows (list), 1, 7);
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_cmpuint (selected_number (list), ==, 7);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), "1 program"));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The progress label of @division in the 担当課 view, which builds its
 * groups anew after each change. */
static const char *
division_progress (KkWindow   *window,
                   KkDivision *division)
{
  GtkWidget *title = kk_test_find_label (GTK_WIDGET (window), kk_division_get_name (division));
  GtkWidget *group;

  g_assert_nonnull (title);
  group = gtk_widget_get_ancestor (title, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  return gtk_label_get_text (GTK_LABEL (kk_test_find_named (group, "review-progress")));
}

/* Each division shows how many of its programs are confirmed, and follows
 * a change of state, and its undo, at once. */
static void
test_division_progress_follows_the_review (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgram *program = kk_plan_find_program (plan, 4);
  KkDivision *division = kk_program_get_lead_division (program);
  guint n = kk_totals_for_division (plan, division).n_programs;
  g_autofree char *all = g_strdup_printf ("Confirmed %u/%u", n, n);
  g_autofree char *one_less = g_strdup_printf ("Confirmed %u/%u", n - 1, n);

  g_assert_cmpuint (n, >, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "divisions");
  kk_test_run_until_idle ();
  g_assert_cmpstr (division_progress (window, division), ==, all);

  kk_plan_edit (plan, program, "review-state", KK_REVIEW_STATE_PENDING);
  kk_test_run_until_idle ();
  g_assert_cmpstr (division_progress (window, division), ==, one_less);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), "Pending"));

  g_assert_true (kk_history_undo (kk_plan_get_history (plan)));
  kk_test_run_until_idle ();
  g_assert_cmpstr (division_progress (window, division), ==, all);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  app = kk_test_application_new ();

  g_test_add_func ("/review/list", test_list_shows_and_filters_the_state);
  g_test_add_func ("/review/edits-refilter", test_edits_refilter_the_list);
  g_test_add_func ("/review/division-progress", test_division_progress_follows_the_review);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
