/* test-keyboard.c: the window used with the keyboard alone, and its list's
 * columns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kk-application.h"
#include "kk-chart-area.h"
#include "kk-plan-file.h"
#include "kk-row.h"
#include "kk-test-ui.h"
#include "kk-tooltip.h"
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
get_focus (KkWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static GtkColumnView *
get_column_view (KkWindow *window)
{
  return GTK_COLUMN_VIEW (kk_test_find_type (GTK_WIDGET (kk_window_get_program_list (window)),
                                             GTK_TYPE_COLUMN_VIEW));
}

static gboolean
focus_is_in (KkWindow  *window,
             GtkWidget *widget)
{
  GtkWidget *focus = get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* The row widget the focus is on, and the program it shows. */
static KkProgram *
focused_program (KkWindow *window)
{
  for (GtkWidget *widget = get_focus (window); widget != NULL; widget = gtk_widget_get_parent (widget))
    for (GtkWidget *cell = gtk_widget_get_first_child (widget); cell != NULL;
         cell = gtk_widget_get_next_sibling (cell))
      if (GTK_IS_INSCRIPTION (gtk_widget_get_first_child (cell)))
        {
          const char *number = gtk_inscription_get_text (GTK_INSCRIPTION (gtk_widget_get_first_child (cell)));

          return kk_plan_find_program (kk_window_get_plan (window), atoi (number));
        }
  return NULL;
}

/* Enter at start must not act: the focus is on the rows, or the search. */
static void
test_focus_starts_in_the_list (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  guint n_programs = g_list_model_get_n_items (kk_plan_get_programs (plan));

  g_assert_true (focus_is_in (window, GTK_WIDGET (kk_window_get_program_list (window))));
  kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_programs (plan)), ==, n_programs);
  g_assert_false (kk_plan_get_dirty (plan));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_enter_and_space_open_a_row (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkProgramList *list = kk_window_get_program_list (window);
  KkProgram *program;

  kk_program_list_focus_rows (list);
  kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Down, 0);
  program = focused_program (window);
  g_assert_nonnull (program);
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_true (kk_program_list_get_selected_program (list) == program);
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_space, 0));
  g_assert_true (kk_program_list_get_selected_program (list) == program);
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Return, 0));
  g_assert_true (kk_program_list_get_selected_program (list) == program);
  g_assert_true (kk_program_editor_get_program (kk_window_get_program_editor (window)) == program);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_tab_leaves_the_list_at_once (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkProgramList *list = kk_window_get_program_list (window);
  GtkWidget *column_view = GTK_WIDGET (get_column_view (window));

  kk_program_list_set_selected_program (list, kk_plan_find_program (plan, 2));
  kk_program_list_focus_rows (list);
  kk_test_run_until_idle ();
  g_assert_true (focus_is_in (window, column_view));
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, 0));
  g_assert_nonnull (get_focus (window));
  g_assert_false (focus_is_in (window, column_view));
  g_assert_true (focus_is_in (window, GTK_WIDGET (kk_window_get_program_editor (window))));

  kk_program_list_focus_rows (list);
  g_assert_true (focus_is_in (window, column_view));
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Tab, GDK_SHIFT_MASK));
  g_assert_false (focus_is_in (window, column_view));
  g_assert_true (focus_is_in (window, GTK_WIDGET (list)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_escape_clears_the_search (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkProgramList *list = kk_window_get_program_list (window);
  GtkWidget *search = kk_test_find_type (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY);
  guint n_programs = g_list_model_get_n_items (kk_plan_get_programs (plan));

  kk_program_list_focus_search (list);
  kk_test_search (search, "事業承継");
  g_assert_cmpuint (g_list_model_get_n_items (kk_program_list_get_rows (list)), <, n_programs);
  /* An emptied search applies at once, without the entry's delay. */
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Escape, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (kk_program_list_get_rows (list)), ==, n_programs);
  /* Escape in an empty search goes back to the rows. */
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Escape, 0));
  g_assert_true (focus_is_in (window, GTK_WIDGET (get_column_view (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Alt+1, Alt+2 and Alt+3 show the three views, and the keys go on in the
 * view shown, the list's rows for the list. */
static void
test_alt_number_switches_views (void)
{
  static const char * const pages[] = { "programs", "divisions", "charts" };
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  AdwViewStack *stack = ADW_VIEW_STACK (kk_test_find_type (GTK_WIDGET (window),
                                                           ADW_TYPE_VIEW_STACK));

  for (guint i = G_N_ELEMENTS (pages); i > 0; i--)
    {
      g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_0 + i, GDK_ALT_MASK));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, pages[i - 1]);
      g_assert_true (focus_is_in (window, adw_view_stack_get_visible_child (stack)));
    }
  g_assert_true (focus_is_in (window, GTK_WIDGET (get_column_view (window))));

  gtk_window_destroy (GTK_WINDOW (window));
}

#define SHORT_HEIGHT 480

/* Where the chart shows its bars now: the scrolled window shows its new
 * place once laid out, at the frame kk_test_press_key() waits for. */
static gboolean
bar_is_in_view (GtkWidget *area)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (area, GTK_TYPE_SCROLLED_WINDOW);
  int item = kk_chart_area_get_focus_item (KK_CHART_AREA (area));
  cairo_rectangle_t rect;
  graphene_point_t top, bottom;

  g_assert_true (kk_chart_area_get_item_rect (KK_CHART_AREA (area), item, &rect));
  g_assert_true (gtk_widget_compute_point (area, scrolled, &GRAPHENE_POINT_INIT (0, rect.y), &top));
  g_assert_true (gtk_widget_compute_point (area, scrolled,
                                           &GRAPHENE_POINT_INIT (0, rect.y + rect.height), &bottom));
  return top.y >= 0 && bottom.y <= gtk_widget_get_height (scrolled);
}

/* The X server gives the window its new size a round trip later. */
static gboolean
is_short (gpointer window)
{
  return gtk_widget_get_height (window) <= SHORT_HEIGHT;
}

/* A bar walked to with the keys scrolls into view, on a chart taller than
 * the window. */
static void
test_focused_bar_scrolls_into_view (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.keikaku.Keikaku");
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GtkWidget *area;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, SHORT_HEIGHT);
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_3, GDK_ALT_MASK));
  area = kk_test_find_named (GTK_WIDGET (window), "chart");
  kk_test_wait_until (is_short, window);
  kk_test_run_until_idle ();
  g_assert_cmpint (gtk_widget_get_height (area), >,
                   gtk_widget_get_height (gtk_widget_get_ancestor (area, GTK_TYPE_SCROLLED_WINDOW)));

  gtk_widget_grab_focus (area);
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_End, 0));
  g_assert_cmpint (kk_chart_area_get_focus_item (KK_CHART_AREA (area)), >, 0);
  g_assert_true (bar_is_in_view (area));
  g_assert_true (kk_test_press_key (GTK_WINDOW (window), GDK_KEY_Home, 0));
  g_assert_cmpint (kk_chart_area_get_focus_item (KK_CHART_AREA (area)), ==, 0);
  g_assert_true (bar_is_in_view (area));

  gtk_window_destroy (GTK_WINDOW (window));
  /* The next window opens at the usual size again. */
  g_settings_reset (settings, "window-height");
}

static GtkColumnViewColumn *
get_column (KkWindow   *window,
            const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (get_column_view (window));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_assert_not_reached ();
}

/* A drag on a column's edge sets its fixed width; the next window has it. */
static void
test_columns_keep_their_widths (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GtkColumnViewColumn *pillar = get_column (window, "Pillar");
  int width = gtk_column_view_column_get_fixed_width (pillar) + 57;

  g_assert_true (gtk_column_view_column_get_expand (get_column (window, "Program")));
  g_assert_true (gtk_column_view_column_get_resizable (pillar));
  gtk_column_view_column_set_fixed_width (pillar, width);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (plan);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (get_column (window, "Pillar")), ==, width);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor, with the program selected in it. */
static GtkWidget *
open_editor (KkWindow *window,
             KkPlan   *plan)
{
  GtkWidget *paned = kk_test_find_type (GTK_WIDGET (window), GTK_TYPE_PANED);

  kk_program_list_set_selected_program (kk_window_get_program_list (window),
                                        kk_plan_find_program (plan, 13));
  kk_test_run_until_idle ();
  return gtk_paned_get_end_child (GTK_PANED (paned));
}

/* The divider between the list and the editor stays where the clerk put
 * it, in the next window too. */
static void
test_divider_keeps_its_place (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.keikaku.Keikaku");
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GtkWidget *editor = open_editor (window, plan);
  GtkWidget *paned = gtk_widget_get_parent (editor);
  /* Wider: the list is as narrow as it can be by default. */
  int position = gtk_paned_get_position (GTK_PANED (paned)) + 41;

  gtk_paned_set_position (GTK_PANED (paned), position);
  kk_test_run_until_idle ();
  g_assert_cmpint (gtk_widget_get_width (gtk_paned_get_start_child (GTK_PANED (paned))), ==,
                   position);
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window (plan);
  paned = gtk_widget_get_parent (open_editor (window, plan));
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (paned)), ==, position);
  g_assert_cmpint (gtk_widget_get_width (gtk_paned_get_start_child (GTK_PANED (paned))), ==,
                   position);
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "editor-position");
}

/* Until a program is selected the list has the whole width, and the
 * programs' names read whole in it; then it gives the editor its room. */
static void
test_list_has_the_width_until_a_program_is_chosen (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GtkWidget *list = GTK_WIDGET (kk_window_get_program_list (window));
  const char *text = kk_program_get_name (kk_plan_find_program (plan, 2));
  GtkWidget *name = kk_test_find_label (list, text);
  g_autoptr(PangoLayout) layout = NULL;
  int needed;

  g_assert_nonnull (name);
  g_assert_cmpint (gtk_widget_get_width (list), ==,
                   gtk_widget_get_width (gtk_widget_get_parent (list)));
  layout = gtk_widget_create_pango_layout (name, text);
  pango_layout_get_pixel_size (layout, &needed, NULL);
  g_assert_cmpint (needed, <=, gtk_widget_get_width (name));
  g_assert_true (gtk_widget_get_visible (open_editor (window, plan)));
  g_assert_cmpint (gtk_widget_get_width (list), <, gtk_widget_get_width (gtk_widget_get_parent (list)));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The width of @label when it is given all it asks for, and its height
 * then. */
static void
measure_label (GtkWidget *label,
               int       *width,
               int       *height)
{
  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, width, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, *width, NULL, height, NULL, NULL);
}

/* A short Japanese tooltip stays on one line (GTK's own broke 継続 after
 * 継); a long one wraps at about 30 of its characters. */
static void
test_tooltips_fit_japanese (void)
{
  GtkWidget *line = g_object_ref_sink (gtk_label_new ("継"));
  GtkWidget *status = g_object_ref_sink (kk_tooltip_label_new ("継続"));
  GtkWidget *menu = g_object_ref_sink (kk_tooltip_label_new ("メインメニュー"));
  g_autoptr(GString) long_text = g_string_new (NULL);
  GtkWidget *sentence;
  int line_width, line_height, width, height;

  for (guint i = 0; i < 6; i++)
    g_string_append (long_text, "事業の目的と概要、");
  sentence = g_object_ref_sink (kk_tooltip_label_new (long_text->str));
  measure_label (line, &line_width, &line_height);
  measure_label (status, &width, &height);
  g_assert_cmpint (width, >=, 2 * line_width);
  g_assert_cmpint (height, ==, line_height);
  measure_label (menu, &width, &height);
  g_assert_cmpint (width, >=, 7 * line_width);
  g_assert_cmpint (height, ==, line_height);
  /* 54 characters: on two or three lines of at most about 30. */
  measure_label (sentence, &width, &height);
  g_assert_cmpint (width, <=, 32 * line_width);
  g_assert_cmpint (width, >=, 20 * line_width);
  g_assert_cmpint (height, >, line_height);
  g_assert_cmpint (height, <=, 3 * line_height);

  g_object_unref (sentence);
  g_object_unref (menu);
  g_object_unref (status);
  g_object_unref (line);
}

/* Every word of the status column and every amount shows whole. */
static void
test_columns_fit_their_words (void)
{
  static const char * const texts[] = { "Continuing", "New", "319,750", "▲ 7,133" };
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkWidget *cell = kk_test_find_label (GTK_WIDGET (window), texts[i]);
      g_autoptr(PangoLayout) layout = NULL;
      int width;

      g_assert_nonnull (cell);
      layout = gtk_widget_create_pango_layout (cell, texts[i]);
      pango_layout_get_pixel_size (layout, &width, NULL);
      g_assert_cmpint (width, <=, gtk_widget_get_width (cell));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The titles of amounts stand at the right, over their figures. */
static void
test_amount_titles_are_right_aligned (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (get_column_view (window)));
  GtkWidget *budget = kk_test_find_label (header, "Budget");
  GtkWidget *cell = kk_test_find_label (GTK_WIDGET (window), "319,750");
  graphene_rect_t title_bounds, cell_bounds;

  g_assert_nonnull (budget);
  g_assert_true (gtk_widget_compute_bounds (budget, GTK_WIDGET (window), &title_bounds));
  g_assert_true (gtk_widget_compute_bounds (cell, GTK_WIDGET (window), &cell_bounds));
  /* The title ends within a few pixels of the figures' right edge. */
  g_assert_cmpfloat (fabs (graphene_rect_get_x (&title_bounds) + graphene_rect_get_width (&title_bounds)
                           - (graphene_rect_get_x (&cell_bounds) + graphene_rect_get_width (&cell_bounds))),
                     <, 16);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  app = kk_test_application_new ();

  g_test_add_func ("/keyboard/focus-at-start", test_focus_starts_in_the_list);
  g_test_add_func ("/keyboard/enter-and-space", test_enter_and_space_open_a_row);
  g_test_add_func ("/keyboard/tab-leaves-list", test_tab_leaves_the_list_at_once);
  g_test_add_func ("/keyboard/escape-clears-search", test_escape_clears_the_search);
  g_test_add_func ("/keyboard/alt-number-views", test_alt_number_switches_views);
  g_test_add_func ("/keyboard/chart-bar-in-view", test_focused_bar_scrolls_into_view);
  g_test_add_func ("/list/columns/keep-widths", test_columns_keep_their_widths);
  g_test_add_func ("/list/columns/fit-words", test_columns_fit_their_words);
  g_test_add_func ("/list/divider-keeps-its-place", test_divider_keeps_its_place);
  g_test_add_func ("/list/whole-width-until-chosen", test_list_has_the_width_until_a_program_is_chosen);
  g_test_add_func ("/tooltips/fit-japanese", test_tooltips_fit_japanese);
  g_test_add_func ("/list/columns/amount-titles", test_amount_titles_are_right_aligned);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
