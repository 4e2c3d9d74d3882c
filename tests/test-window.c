/* test-window.c: the window on the embedded plan, with real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kk-application.h"
#include "kk-chart-area.h"
#include "kk-chart-view.h"
#include "kk-division.h"
#include "kk-format.h"
#include "kk-plan-file.h"
#include "kk-row.h"
#include "kk-search.h"
#include "kk-sheet.h"
#include "kk-synthetic-plan.h"
#include "kk-totals.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

static char *
summary_for (GListModel *programs)
{
  KkTotals totals = kk_totals_for_programs (programs, NULL, NULL);

  return kk_totals_dup_summary (&totals);
}

static KkPlan *
load_fixture_copy (GFile **file)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_dir_make_tmp ("keikaku-window-XXXXXX", NULL);
  g_autofree char *copy = g_build_filename (dir, "plan.json", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (copy, contents, length, NULL));
  *file = g_file_new_for_path (copy);
  return kk_plan_load_file (*file, NULL, NULL);
}

static void
test_lists_every_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(KkProgram) first = g_list_model_get_item (programs, 0);
  GtkWidget *label;

  g_assert_cmpuint (g_list_model_get_n_items (programs), >, 0);
  label = kk_test_find_label (GTK_WIDGET (window), kk_program_get_name (first));
  g_assert_nonnull (label);
  g_assert_cmpstr (kk_test_widget_text (label), ==, kk_program_get_name (first));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, kk_plan_get_title (plan));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Under any interface language the cells are as tall as the Japanese they
 * show: an English desktop's fonts would size them for Latin text and cut
 * the kanji short. */
static void
test_japanese_cells_are_not_clipped (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgram *program = kk_plan_find_program (plan, 1);
  GtkWidget *cell = kk_test_find_label (GTK_WIDGET (window), kk_program_get_name (program));
  g_autoptr(PangoLayout) layout = NULL;
  int text_height;

  g_assert_true (GTK_IS_INSCRIPTION (cell));
  layout = pango_layout_new (gtk_widget_get_pango_context (cell));
  pango_layout_set_text (layout, kk_program_get_name (program), -1);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  g_assert_cmpint (gtk_widget_get_height (cell), >=, text_height);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shows_totals (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkTotals totals = kk_totals_for_plan (plan);
  g_autofree char *budget = kk_format_thousand_yen (totals.budget);
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("%u programs · budget %s · ", totals.n_programs, budget);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), expected));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sort_by_budget_puts_the_largest_first (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgramList *list = kk_window_get_program_list (window);
  GListModel *rows = kk_program_list_get_rows (list);
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(KkProgram) first = NULL;
  gint64 largest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      largest = MAX (largest, kk_program_get_budget (program));
    }

  kk_program_list_sort_by (list, "budget", GTK_SORT_ASCENDING);
  kk_test_run_until_idle ();
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpint (kk_program_get_budget (first), ==, largest);
  for (guint i = 1; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(KkProgram) above = g_list_model_get_item (rows, i - 1);
      g_autoptr(KkProgram) below = g_list_model_get_item (rows, i);

      g_assert_cmpint (kk_program_get_budget (above), >=, kk_program_get_budget (below));
    }
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), kk_program_get_name (first)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Types @query into the list's search, as a clerk would, and returns how
 * many rows it leaves. */
static guint
search_for (KkProgramList *list,
            const char    *query)
{
  kk_test_search (kk_test_find_type (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY), query);
  return g_list_model_get_n_items (kk_program_list_get_rows (list));
}

static gboolean
program_matches (KkProgram  *program,
                 const char *query)
{
  g_autofree char *text = kk_program_dup_search_text (program);
  g_auto(GStrv) words = kk_search_split_query (query);

  return kk_search_text_matches (text, (const char * const *)words);
}

static void
test_search_narrows_the_rows (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgramList *list = kk_window_get_program_list (window);
  GListModel *rows = kk_program_list_get_rows (list);
  GtkWidget *search = kk_test_find_type (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(KkProgram) first = g_list_model_get_item (kk_plan_get_programs (plan), 0);
  g_autofree char *expected = NULL;
  guint n_matching = 0;

  for (guint i = 0; i < g_list_model_get_n_items (kk_plan_get_programs (plan)); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (kk_plan_get_programs (plan), i);

      n_matching += program_matches (program, "事業承継");
    }
  g_assert_cmpuint (n_matching, >, 0);
  g_assert_cmpuint (n_matching, <, g_list_model_get_n_items (kk_plan_get_programs (plan)));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (window))));
  search_for (list, "事業承継");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_matching);
  expected = summary_for (rows);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), expected));

  search_for (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==,
                    g_list_model_get_n_items (kk_plan_get_programs (plan)));
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), kk_program_get_name (first)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The program of the row the table shows selected. */
static KkProgram *
selected_row_program (KkProgramList *list)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (kk_test_find_type (GTK_WIDGET (list), GTK_TYPE_COLUMN_VIEW));
  GtkSelectionModel *model = gtk_column_view_get_model (view);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  g_autoptr(KkRow) row = NULL;

  if (gtk_bitset_is_empty (selected))
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (model), gtk_bitset_get_minimum (selected));
  return kk_row_get_program (row);
}

/* Whether a cell could show @name for another program's, whose name starts with it. */
static gboolean
name_begins_a_match (GListModel *programs,
                     const char *name,
                     const char *query)
{
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      if (program_matches (program, query) && g_str_has_prefix (kk_program_get_name (program), name))
        return TRUE;
    }
  return FALSE;
}

/* The rows stay in place while a search or a sort moves the programs below
 * them: each must show the program now at its place, and the selection
 * stay with the program the clerk selected. */
static void
test_rows_and_selection_follow_the_programs (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  GListModel *programs = kk_plan_get_programs (plan);
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgramList *list = kk_window_get_program_list (window);
  const char *query = "事業承継";
  g_autoptr(KkProgram) kept = NULL;
  g_autoptr(KkProgram) hidden = NULL;
  guint kept_position = 0;
  guint n_matching = 0;

  /* The last match moves up once the search drops the programs before it;
   * a program it drops must leave no cell behind. */
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      if (program_matches (program, query))
        {
          g_set_object (&kept, program);
          kept_position = i;
          n_matching++;
        }
      else if (hidden == NULL && !name_begins_a_match (programs, kk_program_get_name (program), query))
        hidden = g_object_ref (program);
    }
  g_assert_nonnull (kept);
  g_assert_nonnull (hidden);
  g_assert_cmpuint (kept_position, >=, n_matching);

  kk_program_list_set_selected_program (list, kept);
  search_for (list, query);
  g_assert_true (kk_program_list_get_selected_program (list) == kept);
  g_assert_true (selected_row_program (list) == kept);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (list), kk_program_get_name (kept)));
  g_assert_null (kk_test_find_label (GTK_WIDGET (list), kk_program_get_name (hidden)));

  kk_program_list_sort_by (list, "budget", GTK_SORT_DESCENDING);
  kk_test_run_until_idle ();
  g_assert_true (kk_program_list_get_selected_program (list) == kept);
  g_assert_true (selected_row_program (list) == kept);

  search_for (list, "存在しない言葉");
  g_assert_null (kk_program_list_get_selected_program (list));
  g_assert_null (selected_row_program (list));
  g_assert_null (kk_test_find_label (GTK_WIDGET (list), kk_program_get_name (kept)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The list keeps rows off screen, unmapped, ready for scrolling: an edit
 * made while a program's row is away shows once the row comes into view. */
static void
test_rows_off_screen_catch_up (void)
{
  g_autoptr(KkPlan) plan = kk_synthetic_plan_new (300, 7);
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgramList *list = kk_window_get_program_list (window);
  g_autoptr(KkProgram) program = g_list_model_get_item (kk_plan_get_programs (plan), 150);

  g_assert_null (kk_test_find_label (GTK_WIDGET (list), kk_program_get_name (program)));
  kk_plan_edit (plan, program, "budget", (gint64) 4321987);
  kk_test_run_until_idle ();

  kk_program_list_set_selected_program (list, program);
  kk_test_run_until_idle ();
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (list), "4,321,987"));

  gtk_window_destroy (GTK_WINDOW (window));
}

static KkProgram *
select_program (KkWindow *window,
                guint     number)
{
  KkProgram *program = kk_plan_find_program (kk_window_get_plan (window), number);

  kk_program_list_set_selected_program (kk_window_get_program_list (window), program);
  kk_test_run_until_idle ();
  g_assert_true (kk_program_editor_get_program (kk_window_get_program_editor (window)) == program);
  return program;
}

static void
test_typing_a_budget_updates_list_and_totals (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgram *program = select_program (window, 4);
  GtkWidget *budget = kk_test_find_named (GTK_WIDGET (window), "budget");
  gint64 original = kk_program_get_budget (program);
  g_autofree char *original_summary = summary_for (kk_plan_get_programs (plan));
  g_autofree char *summary = NULL;

  gtk_editable_set_text (GTK_EDITABLE (budget), "１２，３４５");
  kk_test_press_enter (budget);
  g_assert_cmpint (kk_program_get_budget (program), ==, 12345);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (kk_window_get_program_list (window)), "12,345"));
  summary = summary_for (kk_plan_get_programs (plan));
  g_assert_cmpstr (summary, !=, original_summary);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), summary));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_program_get_budget (program), ==, original);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), original_summary));
  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_program_get_budget (program), ==, 12345);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), summary));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "12,345");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* What a clerk just typed into a name or a sheet text is found by the next
 * search, after earlier searches went over the whole plan. */
static void
test_search_finds_what_was_just_typed (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgramList *list = kk_window_get_program_list (window);
  GtkWidget *editor = GTK_WIDGET (kk_window_get_program_editor (window));
  GtkWidget *name = kk_test_find_named (editor, "name");
  GtkWidget *purpose = kk_test_find_named (editor, "purpose");
  KkProgram *program;
  g_autofree char *renamed = NULL;

  g_assert_cmpuint (search_for (list, "ｶｲｾﾞﾝ"), ==, 0);
  g_assert_cmpuint (search_for (list, ""), ==, g_list_model_get_n_items (kk_plan_get_programs (plan)));
  program = select_program (window, 4);
  renamed = g_strconcat (kk_program_get_name (program), "カイゼン", NULL);

  gtk_editable_set_text (GTK_EDITABLE (name), renamed);
  kk_test_press_enter (name);
  g_assert_cmpstr (kk_program_get_name (program), ==, renamed);
  g_assert_cmpuint (search_for (list, "ｶｲｾﾞﾝ"), ==, 1);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (list), renamed));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (purpose)), "羊羹の販路開拓", -1);
  kk_test_run_until_idle ();
  g_assert_cmpuint (search_for (list, "羊羹"), ==,
                    g_list_model_get_n_items (kk_sheet_get_programs (kk_program_get_sheet (program))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_invalid_budget_changes_nothing (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgram *program = select_program (window, 4);
  GtkWidget *budget = kk_test_find_named (GTK_WIDGET (window), "budget");
  GtkWidget *error = kk_test_find_named (GTK_WIDGET (window), "budget-error");
  gint64 original = kk_program_get_budget (program);

  gtk_editable_set_text (GTK_EDITABLE (budget), "12a");
  kk_test_press_enter (budget);
  g_assert_cmpint (kk_program_get_budget (program), ==, original);
  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "12a"));
  /* What the clerk typed stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (budget)), ==, "12a");

  gtk_editable_set_text (GTK_EDITABLE (budget), "12");
  kk_test_press_enter (budget);
  g_assert_cmpint (kk_program_get_budget (program), ==, 12);
  g_assert_false (gtk_widget_get_visible (error));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_save_and_reopen (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(KkPlan) plan = load_fixture_copy (&file);
  KkWindow *window = kk_test_open_window_on_file (app, plan, file);
  GtkWidget *name;
  g_autoptr(KkPlan) reopened = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) reopened_bytes = NULL;

  select_program (window, 2);
  name = kk_test_find_named (GTK_WIDGET (window), "name");
  gtk_editable_set_text (GTK_EDITABLE (name), "販路開拓事業（改）");
  kk_test_press_enter (name);
  g_assert_true (kk_plan_get_dirty (plan));

  kk_test_save (window);
  g_assert_false (kk_plan_get_dirty (plan));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  reopened = kk_plan_load_file (file, NULL, NULL);
  g_assert_nonnull (reopened);
  g_assert_cmpstr (kk_program_get_name (kk_plan_find_program (reopened, 2)), ==, "販路開拓事業（改）");
  saved = kk_plan_to_bytes (plan);
  reopened_bytes = kk_plan_to_bytes (reopened);
  g_assert_true (g_bytes_equal (saved, reopened_bytes));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_title_shown (KkWindow   *window,
                    const char *title,
                    const char *subtitle)
{
  AdwWindowTitle *window_title = ADW_WINDOW_TITLE (kk_test_find_type (GTK_WIDGET (window),
                                                                      ADW_TYPE_WINDOW_TITLE));

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window_title)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window_title)), >, 0);
  g_assert_cmpstr (adw_window_title_get_title (window_title), ==, title);
  g_assert_cmpstr (adw_window_title_get_subtitle (window_title), ==, subtitle);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window_title), title));
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window_title), subtitle));
}

/* Whether one of the view switchers below @widget, wide or narrow, is on
 * the screen. */
static gboolean
has_switcher_mapped (GtkWidget *widget)
{
  if (ADW_IS_VIEW_SWITCHER (widget) && gtk_widget_get_mapped (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_switcher_mapped (child))
      return TRUE;
  return FALSE;
}

/* The view switcher is in the header bar, or else in the bar below. */
static void
assert_one_switcher_shown (KkWindow *window)
{
  GtkWidget *header = kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (kk_test_find_type (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_SWITCHER_BAR));

  g_assert_true (adw_view_switcher_bar_get_reveal (bar) != has_switcher_mapped (header));
}

/* The title, the file and the unsaved mark are in the window itself, at
 * its full and at its smallest width, not only in the window manager's
 * title; Save stands out while there is something to save. */
static void
test_title_shows_the_file_and_unsaved_mark (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(KkPlan) plan = load_fixture_copy (&file);
  KkWindow *window = kk_test_open_window_on_file (app, plan, file);
  g_autofree char *dirty_title = g_strdup_printf ("• %s", kk_plan_get_title (plan));
  GtkWidget *save = kk_test_find_label (GTK_WIDGET (window), "Save");

  save = gtk_widget_get_ancestor (save, GTK_TYPE_BUTTON);
  assert_title_shown (window, kk_plan_get_title (plan), "plan.json");
  g_assert_false (gtk_widget_has_css_class (save, "suggested-action"));
  assert_one_switcher_shown (window);

  kk_plan_edit (plan, kk_plan_find_program (plan, 2), "budget", (gint64) 1234);
  kk_test_run_until_idle ();
  assert_title_shown (window, dirty_title, "plan.json");
  g_assert_true (gtk_widget_has_css_class (save, "suggested-action"));

  kk_test_shrink_window (window);
  assert_title_shown (window, dirty_title, "plan.json");
  assert_one_switcher_shown (window);

  kk_test_save (window);
  assert_title_shown (window, kk_plan_get_title (plan), "plan.json");
  g_assert_false (gtk_widget_has_css_class (save, "suggested-action"));
  kk_test_wait_for_label (GTK_WIDGET (window), "Saved “plan.json”");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_title_of_a_plan_never_saved (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);

  assert_title_shown (window, kk_plan_get_title (plan), "Not saved to a file yet");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_add_duplicate_delete_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) original = kk_plan_to_bytes (plan);
  g_autoptr(GBytes) undone = NULL;
  KkWindow *window = kk_test_open_window (app, plan);
  KkProgramList *list = kk_window_get_program_list (window);
  KkProgramEditor *editor = kk_window_get_program_editor (window);
  GListModel *rows = kk_program_list_get_rows (list);
  guint n_rows = g_list_model_get_n_items (rows);
  KkProgram *added;

  select_program (window, 5);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.add-program", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows + 1);
  added = kk_program_list_get_selected_program (list);
  g_assert_true (kk_program_editor_get_program (editor) == added);
  g_assert_cmpuint (kk_program_get_number (added), ==, n_rows + 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kk_test_find_named (GTK_WIDGET (window), "name"))),
                   ==, kk_program_get_name (added));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.duplicate-program", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows + 2);
  g_assert_true (kk_program_list_get_selected_program (list) != added);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-program", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows + 1);

  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n_rows);
  undone = kk_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (original, undone));
  g_assert_false (kk_plan_get_dirty (plan));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_rename_division (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  g_autoptr(KkDivision) first = g_list_model_get_item (kk_plan_get_divisions (plan), 0);
  g_autoptr(KkDivision) second = g_list_model_get_item (kk_plan_get_divisions (plan), 1);
  g_autofree char *old_name = g_strdup (kk_division_get_name (first));
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (kk_window_get_program_list (window)), old_name));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-division", NULL);
  kk_test_run_until_idle ();
  dialog = ADW_MESSAGE_DIALOG (kk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);
  entry = kk_test_find_type (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, old_name);

  /* A name another division has is refused. */
  gtk_editable_set_text (GTK_EDITABLE (entry), kk_division_get_name (second));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "apply"));

  gtk_editable_set_text (GTK_EDITABLE (entry), "よろず支援課");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "apply"));
  adw_message_dialog_response (dialog, "apply");
  kk_test_run_until_idle ();
  g_assert_cmpstr (kk_division_get_name (first), ==, "よろず支援課");
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (kk_window_get_program_list (window)), "よろず支援課"));
  g_assert_null (kk_test_find_label (GTK_WIDGET (kk_window_get_program_list (window)), old_name));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpstr (kk_division_get_name (first), ==, old_name);

  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_type (GtkWidget *widget,
            GType      type)
{
  guint count = G_TYPE_CHECK_INSTANCE_TYPE (widget, type);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count += count_type (child, type);
  return count;
}

static void
test_editor_offers_new_divisions (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  GtkWidget *divisions;
  guint n_divisions = g_list_model_get_n_items (kk_plan_get_divisions (plan));

  select_program (window, 1);
  divisions = kk_test_find_named (GTK_WIDGET (window), "sheet-divisions");
  g_assert_cmpuint (count_type (divisions, GTK_TYPE_CHECK_BUTTON), ==, n_divisions);
  kk_plan_create_division (plan, "広報課");
  kk_test_run_until_idle ();
  g_assert_cmpuint (count_type (divisions, GTK_TYPE_CHECK_BUTTON), ==, n_divisions + 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  kk_test_run_until_idle ();
  g_assert_cmpuint (count_type (divisions, GTK_TYPE_CHECK_BUTTON), ==, n_divisions);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_closing_with_changes_asks (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  g_autoptr(GtkWidget) guard = g_object_ref (GTK_WIDGET (window));
  AdwMessageDialog *dialog;

  select_program (window, 1);
  gtk_editable_set_text (GTK_EDITABLE (kk_test_find_named (GTK_WIDGET (window), "budget")), "1");
  kk_test_run_until_idle ();

  gtk_window_close (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  dialog = ADW_MESSAGE_DIALOG (kk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  g_assert_nonnull (dialog);

  adw_message_dialog_response (dialog, "cancel");
  kk_test_run_until_idle ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (kk_plan_get_dirty (plan));

  gtk_window_close (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  dialog = ADW_MESSAGE_DIALOG (kk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));
  adw_message_dialog_response (dialog, "discard");
  kk_test_run_until_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
}

static void
test_closing_unchanged_does_not_ask (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  g_autoptr(GtkWidget) guard = g_object_ref (GTK_WIDGET (window));

  gtk_window_close (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (ADW_MESSAGE_DIALOG (kk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window))));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

static KkChartView *
show_charts (KkWindow *window)
{
  AdwViewStack *stack = ADW_VIEW_STACK (kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  adw_view_stack_set_visible_child_name (stack, "charts");
  kk_test_run_until_idle ();
  return KK_CHART_VIEW (kk_test_find_type (GTK_WIDGET (window), KK_TYPE_CHART_VIEW));
}

static void
test_clicking_a_bar_selects_its_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkChartView *view = show_charts (window);
  KkChart *chart = kk_chart_view_get_chart (view);
  GtkWidget *area = kk_test_find_named (GTK_WIDGET (view), "chart");
  GtkEventController *click = find_controller (area, GTK_TYPE_GESTURE_CLICK);
  GtkEventController *keys = find_controller (area, GTK_TYPE_EVENT_CONTROLLER_KEY);
  KkProgramList *list = kk_window_get_program_list (window);
  AdwViewStack *stack = ADW_VIEW_STACK (kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  cairo_rectangle_t rect;
  gboolean handled;

  g_assert_cmpuint (kk_chart_get_n_items (chart), ==,
                    g_list_model_get_n_items (kk_plan_get_programs (plan)));
  g_assert_true (kk_chart_get_item_rect (chart, gtk_widget_get_width (area),
                                         gtk_widget_get_height (area), 2, &rect));
  g_signal_emit_by_name (click, "pressed", 1, rect.x + rect.width / 2, rect.y + rect.height / 2);
  kk_test_run_until_idle ();
  g_assert_true (kk_program_list_get_selected_program (list) == kk_chart_get_item_program (chart, 2));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "programs");

  /* The next bar, with the keyboard. */
  adw_view_stack_set_visible_child_name (stack, "charts");
  kk_test_run_until_idle ();
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Down, 0, 0, &handled);
  g_assert_true (handled);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  kk_test_run_until_idle ();
  g_assert_true (kk_program_list_get_selected_program (list) == kk_chart_get_item_program (chart, 3));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_chart_of_one_kpi (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkChartView *view = show_charts (window);
  KkChart *chart = kk_chart_view_get_chart (view);
  GtkWidget *toolbar = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (view)));
  GtkWidget *kind = kk_test_find_type (toolbar, GTK_TYPE_DROP_DOWN);
  GtkWidget *kpi_choice = gtk_widget_get_next_sibling (kind);

  g_assert_false (gtk_widget_get_visible (kpi_choice));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kind), KK_CHART_KIND_KPI);
  kk_test_run_until_idle ();
  g_assert_true (gtk_widget_get_visible (kpi_choice));
  g_assert_cmpint (kk_chart_get_kind (chart), ==, KK_CHART_KIND_KPI);
  g_assert_nonnull (kk_chart_get_kpi (chart));
  g_assert_cmpuint (kk_chart_get_n_items (chart), >, 0);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kpi_choice), 1);
  kk_test_run_until_idle ();
  g_assert_nonnull (kk_chart_get_kpi (chart));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each division's chart in the 担当課 view is titled with its name. */
static void
test_division_charts_name_their_division (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  AdwViewStack *stack = ADW_VIEW_STACK (kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *group;
  guint n_charts = 0;

  adw_view_stack_set_visible_child_name (stack, "divisions");
  kk_test_run_until_idle ();
  group = kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_GROUP);
  for (; group != NULL; group = gtk_widget_get_next_sibling (group))
    {
      const char *name = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
      GtkWidget *area = kk_test_find_type (group, KK_TYPE_CHART_AREA);
      g_autofree char *title = NULL;

      if (area == NULL)
        continue;
      title = kk_chart_dup_title (kk_chart_area_get_chart (KK_CHART_AREA (area)));
      g_assert_true (g_str_has_prefix (title, name));
      n_charts++;
    }
  g_assert_cmpuint (n_charts, ==, g_list_model_get_n_items (kk_plan_get_divisions (plan)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_charts_follow_the_search (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  KkChartView *view = show_charts (window);
  KkChart *chart = kk_chart_view_get_chart (view);
  KkProgramList *list = kk_window_get_program_list (window);

  search_for (list, "事業承継");
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==,
                    g_list_model_get_n_items (kk_program_list_get_programs (list)));
  g_assert_cmpuint (kk_chart_get_n_items (chart), <,
                    g_list_model_get_n_items (kk_plan_get_programs (plan)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_new_plan_for_the_next_year (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  GList *windows;
  KkWindow *next_window = NULL;
  KkPlan *next;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-plan", NULL);
  kk_test_run_until_idle ();
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  for (GList *l = windows; l != NULL; l = l->next)
    if (KK_IS_WINDOW (l->data) && l->data != window)
      next_window = l->data;
  g_assert_nonnull (next_window);
  next = kk_window_get_plan (next_window);
  g_assert_cmpint (kk_plan_get_fiscal_year (next), ==, kk_plan_get_fiscal_year (plan) + 1);
  g_assert_cmpstr (kk_plan_get_title (next), ==, "令和7年度 事業計画書");
  g_assert_cmpstr (kk_plan_get_organization (next), ==, kk_plan_get_organization (plan));
  g_assert_cmpint (kk_plan_get_origin_fiscal_year (next), ==, kk_plan_get_fiscal_year (plan));
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_programs (next)), ==,
                    g_list_model_get_n_items (kk_plan_get_programs (plan)));
  g_assert_cmpint (kk_program_get_previous_budget (kk_plan_find_program (next, 2)), ==,
                   kk_program_get_budget (kk_plan_find_program (plan, 2)));
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (next, 2)), ==,
                   KK_REVIEW_STATE_DRAFT);
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_divisions (next)), ==,
                    g_list_model_get_n_items (kk_plan_get_divisions (plan)));
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_pillars (next)), ==,
                    g_list_model_get_n_items (kk_plan_get_pillars (plan)));
  g_assert_true (kk_plan_get_dirty (next));
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (next)));
  g_assert_null (kk_window_get_file (next_window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (next_window)), ==, "• 令和7年度 事業計画書");

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
}

static KkWindow *
find_window_on (GFile *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (KK_IS_WINDOW (l->data) && kk_window_get_file (l->data) != NULL &&
        g_file_equal (kk_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

static void
test_reopens_the_last_file (void)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(KkPlan) plan = load_fixture_copy (&file);
  KkWindow *window = kk_test_open_window_on_file (app, plan, file);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.keikaku.Keikaku");
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *last = NULL;
  KkWindow *reopened;

  kk_test_save (window);
  last = g_settings_get_string (settings, "last-file");
  g_assert_cmpstr (last, ==, uri);
  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_run_until_idle ();

  g_application_activate (G_APPLICATION (app));
  kk_test_wait_opened (app);
  reopened = find_window_on (file);
  g_assert_nonnull (reopened);
  g_assert_cmpstr (kk_program_get_name (kk_plan_find_program (kk_window_get_plan (reopened), 1)), ==,
                   kk_program_get_name (kk_plan_find_program (plan, 1)));
  gtk_window_destroy (GTK_WINDOW (reopened));
}

static void
test_forgets_a_last_file_that_is_gone (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.keikaku.Keikaku");
  g_autofree char *last = NULL;
  GList *windows;

  g_settings_set_string (settings, "last-file", "file:///nonexistent/plan.json");
  g_application_activate (G_APPLICATION (app));
  kk_test_run_until_idle ();
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_nonnull (windows);
  g_assert_true (KK_IS_WINDOW (windows->data));
  g_assert_null (kk_window_get_file (windows->data));
  last = g_settings_get_string (settings, "last-file");
  g_assert_cmpstr (last, ==, "");
  gtk_window_destroy (GTK_WINDOW (windows->data));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Recent files and settings go to a directory of each test's own. */
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  app = kk_test_application_new ();

  g_test_add_func ("/window/lists-every-program", test_lists_every_program);
  g_test_add_func ("/window/shows-totals", test_shows_totals);
  g_test_add_func ("/window/sort-by-budget", test_sort_by_budget_puts_the_largest_first);
  g_test_add_func ("/window/search", test_search_narrows_the_rows);
  g_test_add_func ("/window/search/after-typing", test_search_finds_what_was_just_typed);
  g_test_add_func ("/window/japanese-cells", test_japanese_cells_are_not_clipped);
  g_test_add_func ("/window/rows-off-screen", test_rows_off_screen_catch_up);
  g_test_add_func ("/window/rows-follow-programs", test_rows_and_selection_follow_the_programs);
  g_test_add_func ("/window/editor/budget", test_typing_a_budget_updates_list_and_totals);
  g_test_add_func ("/window/editor/invalid-budget", test_invalid_budget_changes_nothing);
  g_test_add_func ("/window/save-and-reopen", test_save_and_reopen);
  g_test_add_func ("/window/title/file-and-mark", test_title_shows_the_file_and_unsaved_mark);
  g_test_add_func ("/window/title/never-saved", test_title_of_a_plan_never_saved);
  g_test_add_func ("/window/close/asks", test_closing_with_changes_asks);
  g_test_add_func ("/window/structure/programs", test_add_duplicate_delete_program);
  g_test_add_func ("/window/structure/rename-division", test_rename_division);
  g_test_add_func ("/window/structure/editor-divisions", test_editor_offers_new_divisions);
  g_test_add_func ("/window/charts/click-selects", test_clicking_a_bar_selects_its_program);
  g_test_add_func ("/window/charts/follow-search", test_charts_follow_the_search);
  g_test_add_func ("/window/charts/one-kpi", test_chart_of_one_kpi);
  g_test_add_func ("/window/charts/division-named", test_division_charts_name_their_division);
  g_test_add_func ("/window/files/new-plan", test_new_plan_for_the_next_year);
  g_test_add_func ("/window/files/reopen-last", test_reopens_the_last_file);
  g_test_add_func ("/window/files/last-gone", test_forgets_a_last_file_that_is_gone);
  g_test_add_func ("/window/close/unchanged", test_closing_unchanged_does_not_ask);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
