/* test-layout.c: the programs' names and the header read whole at every width
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kk-application.h"
#include "kk-format.h"
#include "kk-plan-file.h"
#include "kk-program-list.h"
#include "kk-test-files.h"
#include "kk-test-locale.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

static GtkColumnViewColumn *
find_column (GtkColumnView *view,
             const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return column;
    }
  g_error ("no column %s", title);
}

static const char *
longest_name (KkPlan *plan)
{
  GListModel *programs = kk_plan_get_programs (plan);
  const char *longest = "";

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      if (g_utf8_strlen (kk_program_get_name (program), -1) > g_utf8_strlen (longest, -1))
        longest = kk_program_get_name (program);
    }
  return longest;
}

/* No column is out of sight to the right. */
static void
assert_columns_fit (GtkColumnView *view)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (view));

  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), <=,
                     gtk_adjustment_get_page_size (adjustment));
}

/* A window on the embedded plan, and its list of programs. */
static KkWindow *
open_list (KkPlan         *plan,
           KkProgramList **list,
           GtkColumnView **view)
{
  KkWindow *window = kk_test_open_window (app, plan);

  *list = kk_window_get_program_list (window);
  *view = GTK_COLUMN_VIEW (kk_test_find_type (GTK_WIDGET (*list), GTK_TYPE_COLUMN_VIEW));
  return window;
}

/* At the size a window first opens, 1280×800, with a program open in the
 * editor: the list leaves out what the editor shows, every column is in
 * sight and the longest name of the embedded plan is not cut. */
static void
check_names_whole_beside_editor (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(PangoLayout) longest = NULL;
  KkProgramList *list;
  GtkColumnView *view;
  KkWindow *window = open_list (plan, &list, &view);
  GtkWidget *cell;
  int width, height, needed;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1280);
  g_assert_cmpint (height, ==, 800);
  g_assert_false (kk_program_list_get_beside_editor (list));
  g_assert_true (gtk_column_view_column_get_visible (find_column (view, _("Lead Division"))));

  kk_program_list_set_selected_program (list, kk_plan_find_program (plan, 1));
  kk_test_run_until_idle ();
  g_assert_true (kk_program_list_get_beside_editor (list));
  g_assert_false (gtk_column_view_column_get_visible (find_column (view, _("Lead Division"))));
  g_assert_true (gtk_column_view_column_get_visible (find_column (view, _("Budget"))));
  assert_columns_fit (view);

  cell = kk_test_find_label (GTK_WIDGET (view), kk_program_get_name (kk_plan_find_program (plan, 1)));
  g_assert_nonnull (cell);
  longest = gtk_widget_create_pango_layout (cell, longest_name (plan));
  pango_layout_get_pixel_size (longest, &needed, NULL);
  g_assert_cmpint (needed, <=, gtk_widget_get_width (cell));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_names_whole_beside_editor (void)
{
  kk_test_run_in_locale ("C.UTF-8", check_names_whole_beside_editor);
}

static void
test_names_whole_beside_editor_in_japanese (void)
{
  kk_test_run_in_locale ("ja_JP.UTF-8", check_names_whole_beside_editor);
}

/* Each name of @items that a cell of @view shows reads whole in it. */
static void
assert_names_whole (GtkColumnView *view,
                    GListModel    *items,
                    const char    *(*get_name) (gpointer item))
{
  guint checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);
      const char *name = get_name (item);
      GtkWidget *cell = kk_test_find_label (GTK_WIDGET (view), name);
      g_autoptr(PangoLayout) layout = NULL;
      int needed;

      if (cell == NULL)
        continue;
      layout = gtk_widget_create_pango_layout (cell, name);
      pango_layout_get_pixel_size (layout, &needed, NULL);
      g_assert_cmpint (needed, <=, gtk_widget_get_width (cell));
      checked++;
    }
  g_assert_cmpuint (checked, >, 1);
}

/* With no program open, the list has the window's width: the pillars and
 * the lead divisions of the plan read whole in their columns, not cut
 * beside a name column with room to spare. */
static void
check_plan_names_whole (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgramList *list;
  GtkColumnView *view;
  KkWindow *window = open_list (plan, &list, &view);

  g_assert_false (kk_program_list_get_beside_editor (list));
  assert_columns_fit (view);
  assert_names_whole (view, kk_plan_get_pillars (plan), (gpointer)kk_pillar_get_name);
  assert_names_whole (view, kk_plan_get_divisions (plan), (gpointer)kk_division_get_name);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_plan_names_whole (void)
{
  kk_test_run_in_locale ("C.UTF-8", check_plan_names_whole);
  kk_test_run_in_locale ("ja_JP.UTF-8", check_plan_names_whole);
}

static gboolean
pillar_hidden (gpointer view)
{
  return !gtk_column_view_column_get_visible (find_column (view, _("Pillar")));
}

static gboolean
is_wide_again (gpointer view)
{
  return !pillar_hidden (view);
}

/* At the window's smallest width the list is too narrow for every column
 * and a name: it leaves out what it leaves out beside the editor, every
 * column left is in sight, and the names have room to be read. Wide
 * again, it shows every column. */
static void
check_narrow_window (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgramList *list;
  GtkColumnView *view;
  KkWindow *window = open_list (plan, &list, &view);
  GtkWidget *name = kk_test_find_label (GTK_WIDGET (view), kk_program_get_name (kk_plan_find_program (plan, 8)));
  g_autoptr(PangoLayout) layout = NULL;
  int needed;

  g_assert_nonnull (name);
  g_assert_false (pillar_hidden (view));
  kk_test_shrink_window (window);
  kk_test_wait_until (pillar_hidden, view);
  kk_test_run_until_idle ();
  g_assert_false (gtk_column_view_column_get_visible (find_column (view, _("Lead Division"))));
  assert_columns_fit (view);
  layout = gtk_widget_create_pango_layout (name, kk_program_get_name (kk_plan_find_program (plan, 8)));
  pango_layout_get_pixel_size (layout, &needed, NULL);
  g_assert_cmpint (needed, <=, gtk_widget_get_width (name));

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  kk_test_wait_until (is_wide_again, view);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow_window (void)
{
  kk_test_run_in_locale ("C.UTF-8", check_narrow_window);
  kk_test_run_in_locale ("ja_JP.UTF-8", check_narrow_window);
}

/* No label of @widget or below it, as shown, is cut short with "…". */
static void
assert_labels_whole (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_labels_whole (child);
}

/* Every control of @bar is shown, and within it. */
static void
assert_controls_within (GtkWidget *bar)
{
  guint shown = 0;

  for (GtkWidget *control = gtk_widget_get_first_child (bar); control != NULL;
       control = gtk_widget_get_next_sibling (control))
    {
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_get_mapped (control));
      g_assert_true (gtk_widget_compute_bounds (control, bar, &bounds));
      g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (bar));
      shown++;
    }
  g_assert_cmpuint (shown, ==, 6);
}

/* At the window's smallest width, with a change not saved, opening a
 * program leaves the window as wide as it was: the search and filters take
 * two rows beside the editor, each read whole, the search's hint too, and
 * the header bar shows the title, the unsaved mark, the file and the views
 * whole. */
static void
check_narrow_window_with_editor (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgramList *list;
  GtkColumnView *view;
  KkWindow *window = open_list (plan, &list, &view);
  GtkWidget *search = kk_test_find_type (GTK_WIDGET (list), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *filters = gtk_widget_get_parent (search);
  GtkWidget *review = kk_test_find_named (filters, "review-filter");
  int min_width, min_width_beside_editor;

  kk_plan_edit (plan, kk_plan_find_program (plan, 2), "budget", (gint64) 1234);
  min_width = kk_test_shrink_window (window);

  kk_program_list_set_selected_program (list, kk_plan_find_program (plan, 1));
  kk_test_run_until_idle ();
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width_beside_editor, NULL, NULL, NULL);
  g_assert_cmpint (min_width_beside_editor, <=, min_width);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (kk_window_get_program_editor (window))));
  assert_controls_within (filters);
  assert_labels_whole (filters);
  g_assert_cmpint (gtk_widget_get_height (filters), >=, 2 * gtk_widget_get_height (review));
  assert_labels_whole (kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (window), _("Not saved to a file yet")));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow_window_with_editor (void)
{
  kk_test_run_in_locale ("C.UTF-8", check_narrow_window_with_editor);
  kk_test_run_in_locale ("ja_JP.UTF-8", check_narrow_window_with_editor);
}

/* A file name too long for the header bar of a narrow window is cut
 * there; the title's tooltip says the whole path. */
static void
test_long_file_name_in_tooltip (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) contents = kk_plan_to_bytes (plan);
  g_autofree char *dir = g_dir_make_tmp ("keikaku-layout-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "令和6年度 事業計画書 最終版（総務課と経営支援課の確認済み）.json",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KkWindow *window;
  GtkWidget *title;
  GtkWidget *subtitle;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (contents, NULL),
                                      g_bytes_get_size (contents), NULL));
  window = kk_test_open_window_on_file (app, plan, file);
  kk_test_shrink_window (window);

  title = kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);
  subtitle = kk_test_find_label (title, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)));
  g_assert_true (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (subtitle))));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (title), ==, path);

  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_remove_tree (dir);
}

/* A program cut to almost nothing shows its whole decrease, as large as
 * its budget was, beside the editor as in the full list. */
static void
check_largest_decrease_whole (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgram *program = kk_plan_find_program (plan, 13);
  KkProgramList *list;
  GtkColumnView *view;
  KkWindow *window = open_list (plan, &list, &view);
  g_autofree char *decrease = NULL;

  kk_plan_edit (plan, program, "budget", (gint64) 1);
  decrease = kk_format_thousand_yen (kk_program_get_difference (program));
  g_assert_true (g_str_has_prefix (decrease, "▲"));
  for (guint beside_editor = 0; beside_editor < 2; beside_editor++)
    {
      GtkWidget *cell;
      g_autoptr(PangoLayout) layout = NULL;
      int needed;

      kk_program_list_set_beside_editor (list, beside_editor);
      kk_test_run_until_idle ();
      cell = kk_test_find_label (GTK_WIDGET (view), decrease);
      g_assert_nonnull (cell);
      layout = gtk_widget_create_pango_layout (cell, decrease);
      pango_layout_get_pixel_size (layout, &needed, NULL);
      g_assert_cmpint (needed, <=, gtk_widget_get_width (cell));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_largest_decrease_whole (void)
{
  kk_test_run_in_locale ("C.UTF-8", check_largest_decrease_whole);
  kk_test_run_in_locale ("ja_JP.UTF-8", check_largest_decrease_whole);
}

/* A column hidden beside the editor comes back at the width the clerk
 * dragged it to, and hiding it is no drag to keep. */
static void
test_hidden_column_keeps_its_width (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgramList *list;
  GtkColumnView *view;
  KkWindow *window = open_list (plan, &list, &view);
  GtkColumnViewColumn *division = find_column (view, "Lead Division");
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GVariant) widths = NULL;
  int kept;

  gtk_column_view_column_set_fixed_width (division, 222);
  kk_program_list_set_beside_editor (list, TRUE);
  kk_test_run_until_idle ();
  g_assert_false (gtk_column_view_column_get_visible (division));
  widths = g_settings_get_value (settings, "column-widths");
  g_assert_true (g_variant_lookup (widths, "division", "i", &kept));
  g_assert_cmpint (kept, ==, 222);

  kk_program_list_set_beside_editor (list, FALSE);
  kk_test_run_until_idle ();
  g_assert_true (gtk_column_view_column_get_visible (division));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (division), ==, 222);

  g_settings_reset (settings, "column-widths");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  kk_test_bind_translations ();
  app = kk_test_application_new ();

  g_test_add_func ("/layout/names-whole-beside-editor", test_names_whole_beside_editor);
  g_test_add_func ("/layout/names-whole-beside-editor-in-japanese",
                   test_names_whole_beside_editor_in_japanese);
  g_test_add_func ("/layout/hidden-column-keeps-its-width", test_hidden_column_keeps_its_width);
  g_test_add_func ("/layout/plan-names-whole", test_plan_names_whole);
  g_test_add_func ("/layout/narrow-window", test_narrow_window);
  g_test_add_func ("/layout/narrow-window-with-editor", test_narrow_window_with_editor);
  g_test_add_func ("/layout/long-file-name-in-tooltip", test_long_file_name_in_tooltip);
  g_test_add_func ("/layout/largest-decrease-whole", test_largest_decrease_whole);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
