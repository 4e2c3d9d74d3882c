/* test-kpi-editor.c: the KPI editor on the embedded plan, with real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <locale.h>

#include "kk-format.h"
#include "kk-kpi-editor.h"
#include "kk-kpi-row.h"
#include "kk-plan-file.h"
#include "kk-program-editor.h"
#include "kk-test-locale.h"
#include "kk-test-ui.h"

typedef struct
{
  KkPlan *plan;
  GBytes *original;
  GtkWindow *window;
  KkKpiEditor *editor;
  KkSheet *sheet;
  /* A KPI of the sheet with last year's achievement, and its position. */
  KkKpi *kpi;
  guint kpi_position;
} Fixture;

/* Dispatches what is ready. The editor follows the plan in its signal
 * handlers, so that nothing is left to wait for once they have run. */
static void
run_until_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Shows @window and waits until it is on the screen. */
static void
present (GtkWindow *window)
{
  gtk_window_present (window);
  kk_test_wait_until (is_mapped, window);
  run_until_idle ();
}

static void
collect_named (GtkWidget  *widget,
               const char *name,
               GPtrArray  *found)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_named (child, name, found);
}

/* The @index-th widget named @name below @widget, in the order shown. */
static gpointer
find_named (gpointer    widget,
            const char *name,
            guint       index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_named (widget, name, found);
  g_assert_cmpuint (index, <, found->len);
  return g_ptr_array_index (found, index);
}

static AdwExpanderRow *
kpi_row (Fixture *fixture,
         guint    position)
{
  GtkListBox *list = find_named (fixture->editor, "kpis", 0);

  return ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (list, position));
}

/* Its fields are built when it is first expanded, as a clerk opens it. */
static AdwExpanderRow *
expand_kpi_row (Fixture *fixture,
                guint    position)
{
  AdwExpanderRow *row = kpi_row (fixture, position);

  adw_expander_row_set_expanded (row, TRUE);
  run_until_idle ();
  return row;
}

static guint
n_kpi_rows (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_named (find_named (fixture->editor, "kpis", 0), "kpi", rows);
  return rows->len;
}

static gboolean
has_focus_within (Fixture  *fixture,
                  gpointer  widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
click (gpointer button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  run_until_idle ();
}

static void
type_into (gpointer    editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  run_until_idle ();
}

/* Types @text and presses Enter. */
static void
enter_into (gpointer    editable,
            const char *text)
{
  type_into (editable, text);
  kk_test_press_enter (editable);
}

static void
undo (Fixture *fixture)
{
  g_assert_true (kk_history_undo (kk_plan_get_history (fixture->plan)));
  run_until_idle ();
}

static void
assert_plan_is (Fixture *fixture,
                GBytes  *expected)
{
  g_autoptr(GBytes) now = kk_plan_to_bytes (fixture->plan);

  g_assert_true (g_bytes_equal (now, expected));
}

static void
assert_plan_unchanged (Fixture *fixture)
{
  assert_plan_is (fixture, fixture->original);
}

static guint
position_in (GListModel *model,
             gpointer    item)
{
  guint position = G_MAXUINT;

  g_assert_true (g_list_store_find (G_LIST_STORE (model), item, &position));
  return position;
}

/* (transfer none): the sheet keeps it. */
static KkKpi *
kpi_at (Fixture *fixture,
        guint    position)
{
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kk_sheet_get_kpis (fixture->sheet), position);

  return kpi;
}

static guint
count_figures (KkKpi     *kpi,
               int        fiscal_year,
               KkKpiKind  kind)
{
  GListModel *values = kk_kpi_get_values (kpi);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);

      n += kk_kpi_value_get_fiscal_year (value) == fiscal_year &&
           kk_kpi_value_get_kind (value) == kind;
    }
  return n;
}

static int
last_year (Fixture *fixture)
{
  return kk_plan_get_fiscal_year (fixture->plan) - 1;
}

static char *
dup_achievement (Fixture *fixture,
                 KkKpi   *kpi)
{
  double ratio;

  g_assert_true (kk_kpi_get_achievement (kpi, last_year (fixture), &ratio));
  return kk_format_percent (ratio);
}

/* The first sheet with several KPIs, one of which has a target and an
 * actual for last year, so that moves and achievement can both be seen. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *sheets;
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  fixture->plan = kk_plan_load_default ();
  fixture->original = kk_plan_to_bytes (fixture->plan);
  sheets = kk_plan_get_sheets (fixture->plan);
  for (guint i = 0; i < g_list_model_get_n_items (sheets) && fixture->kpi == NULL; i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);
      GListModel *kpis = kk_sheet_get_kpis (sheet);
      guint n_kpis = g_list_model_get_n_items (kpis);

      for (guint j = 0; j < n_kpis && n_kpis > 1; j++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, j);
          double ratio;

          /* The plan keeps both. */
          if (kk_kpi_get_achievement (kpi, last_year (fixture), &ratio) && ratio > 0)
            {
              fixture->sheet = sheet;
              fixture->kpi = kpi;
              fixture->kpi_position = j;
              break;
            }
        }
    }
  g_assert_nonnull (fixture->kpi);

  fixture->editor = KK_KPI_EDITOR (kk_kpi_editor_new ());
  kk_kpi_editor_set_plan (fixture->editor, fixture->plan);
  kk_kpi_editor_set_sheet (fixture->editor, fixture->sheet);
  g_assert_true (kk_kpi_editor_get_sheet (fixture->editor) == fixture->sheet);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 480, 800);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (fixture->editor));
  gtk_window_set_child (fixture->window, scrolled);
  present (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  run_until_idle ();
  g_bytes_unref (fixture->original);
  g_object_unref (fixture->plan);
}

static void
test_shows_every_kpi (Fixture       *fixture,
                      gconstpointer  data)
{
  GListModel *kpis = kk_sheet_get_kpis (fixture->sheet);
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  g_autofree char *percent = dup_achievement (fixture, fixture->kpi);
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();

  g_assert_cmpuint (n_kpi_rows (fixture), ==, g_list_model_get_n_items (kpis));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            kk_kpi_get_name (fixture->kpi)));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), percent));
  g_assert_cmpstr (gtk_editable_get_text (find_named (row, "kpi-name", 0)), ==,
                   kk_kpi_get_name (fixture->kpi));
  collect_named (GTK_WIDGET (row), "figure", figures);
  g_assert_cmpuint (figures->len, ==, g_list_model_get_n_items (kk_kpi_get_values (fixture->kpi)));
  g_assert_false (gtk_widget_is_sensitive (find_named (kpi_row (fixture, 0), "move-kpi-up", 0)));
}

/* A collapsed row has no figures yet, and its summary follows the model. */
static void
test_collapsed_row_follows_the_model (Fixture       *fixture,
                                      gconstpointer  data)
{
  AdwExpanderRow *row = kpi_row (fixture, fixture->kpi_position);
  KkKpiValue *actual = kk_kpi_find_value (fixture->kpi, last_year (fixture), KK_KPI_KIND_ACTUAL);
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();
  g_autofree char *percent = NULL;

  collect_named (GTK_WIDGET (row), "figure", figures);
  g_assert_cmpuint (figures->len, ==, 0);

  kk_plan_edit (fixture->plan, actual, "value", kk_kpi_value_get_value (actual) * 3);
  run_until_idle ();
  percent = dup_achievement (fixture, fixture->kpi);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), percent));
  /* Names and units are the plan's text, never markup. */
  kk_plan_edit (fixture->plan, fixture->kpi, "name", "研究開発&実証 <件数>");
  kk_plan_edit (fixture->plan, fixture->kpi, "unit", "<件>");
  run_until_idle ();
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "<件>"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "研究開発&実証 <件数>");

  row = expand_kpi_row (fixture, fixture->kpi_position);
  g_assert_cmpstr (gtk_editable_get_text (find_named (row, "kpi-name", 0)), ==,
                   "研究開発&実証 <件数>");
}

/* @row's summary and @label beside the actual say this year's achievement:
 * @at_least of a target to reach, @at_most of one not to pass. */
static void
assert_achievement (AdwExpanderRow *row,
                    GtkWidget      *label,
                    int             this_year,
                    double          at_least,
                    double          at_most)
{
  KkKpi *kpi = kk_kpi_row_get_kpi (KK_KPI_ROW (row));
  double ratio = kk_kpi_get_comparator (kpi) == KK_COMPARATOR_AT_MOST ? at_most : at_least;
  g_autofree char *year = kk_format_fiscal_year (this_year);
  g_autofree char *percent = kk_format_percent (ratio);
  g_autofree char *summary = g_strdup_printf ("Achievement in %s: %s", year, percent);
  g_autofree char *beside = g_strdup_printf ("Achievement %s", percent);

  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), summary));
  g_assert_true (gtk_widget_get_visible (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, beside);
}

/* This year's actual shows its achievement against this year's target,
 * beside the figure and in the row's summary, from when it is typed. */
static void
test_this_years_actual_shows_achievement (Fixture       *fixture,
                                          gconstpointer  data)
{
  int this_year = kk_plan_get_fiscal_year (fixture->plan);
  GListModel *values = kk_kpi_get_values (fixture->kpi);
  g_autoptr(KkKpiValue) target = kk_kpi_value_new (this_year, KK_KPI_KIND_TARGET);
  g_autoptr(KkKpiValue) actual = kk_kpi_value_new (this_year, KK_KPI_KIND_ACTUAL);
  KkHistory *history = kk_plan_get_history (fixture->plan);
  guint n = g_list_model_get_n_items (values);
  AdwExpanderRow *row = NULL;
  GtkWidget *achievement;

  /* The fixture's KPI has last year's figures; this year's come here. */
  g_assert_null (kk_kpi_find_value (fixture->kpi, this_year, KK_KPI_KIND_ACTUAL));
  kk_kpi_value_set_value (target, 40);
  kk_kpi_value_set_value (actual, 10);
  g_assert_true (kk_history_insert_item (history, G_LIST_STORE (values), n, target));
  g_assert_true (kk_history_insert_item (history, G_LIST_STORE (values), n + 1, actual));
  row = expand_kpi_row (fixture, fixture->kpi_position);
  achievement = find_named (row, "figure-achievement", n + 1);
  assert_achievement (row, achievement, this_year, 0.25, 4.0);

  /* The clerk types this year's actual: 30 of 40. */
  enter_into (find_named (row, "figure-value", n + 1), "30");
  g_assert_cmpfloat (kk_kpi_value_get_value (actual), ==, 30);
  assert_achievement (row, achievement, this_year, 0.75, 40.0 / 30);
  /* A target shows none. */
  g_assert_false (gtk_widget_get_visible (find_named (row, "figure-achievement", n)));

  while (kk_history_get_can_undo (history))
    undo (fixture);
  assert_plan_unchanged (fixture);
}

static void
test_target_changes_achievement (Fixture       *fixture,
                                 gconstpointer  data)
{
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  KkKpiValue *target = kk_kpi_find_value (fixture->kpi, last_year (fixture), KK_KPI_KIND_TARGET);
  guint position = position_in (kk_kpi_get_values (fixture->kpi), target);
  double doubled = kk_kpi_value_get_value (target) * 2;
  g_autofree char *original_text = kk_format_number (kk_kpi_value_get_value (target));
  g_autofree char *original_percent = dup_achievement (fixture, fixture->kpi);
  g_autofree char *typed = kk_format_number (doubled);
  g_autofree char *percent = NULL;
  GtkWidget *figure = find_named (row, "figure-value", position);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (figure)), ==, original_text);

  type_into (figure, typed);
  /* Nothing reaches the plan before Enter. */
  assert_plan_unchanged (fixture);
  kk_test_press_enter (figure);
  g_assert_cmpfloat (kk_kpi_value_get_value (target), ==, doubled);
  g_assert_true (kk_plan_get_dirty (fixture->plan));
  percent = dup_achievement (fixture, fixture->kpi);
  g_assert_cmpstr (percent, !=, original_percent);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), percent));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (figure)), ==, typed);

  undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), original_percent));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (figure)), ==, original_text);
}

static void
assert_refused (Fixture    *fixture,
                GtkWidget  *field,
                const char *text,
                GtkWidget  *error)
{
  enter_into (field, text);
  assert_plan_unchanged (fixture);
  g_assert_false (kk_plan_get_dirty (fixture->plan));
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (fixture->plan)));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "Nothing was changed"));
  g_assert_true (gtk_widget_has_css_class (field, "error"));
  /* What the clerk typed stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, text);
}

static void
test_invalid_input_changes_nothing (Fixture       *fixture,
                                    gconstpointer  data)
{
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  GtkWidget *figure = find_named (row, "figure-value", 0);
  GtkWidget *as_of = find_named (row, "figure-as-of", 0);
  GtkWidget *figure_error = find_named (row, "figure-error", 0);
  g_autoptr(KkKpiValue) value = g_list_model_get_item (kk_kpi_get_values (fixture->kpi), 0);
  g_autofree char *formatted = kk_format_number (1234.5);
  g_autofree char *shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (figure)));

  assert_refused (fixture, figure, "12a", figure_error);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (figure_error)), "12a"));
  /* Escape gives the plan's figure back, and its message goes. */
  g_assert_true (kk_test_press_escape (figure));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (figure)), ==, shown);
  g_assert_false (gtk_widget_get_visible (figure_error));
  assert_refused (fixture, figure, "12a", figure_error);
  assert_refused (fixture, as_of, "2024-02-30", figure_error);
  assert_refused (fixture, find_named (row, "kpi-name", 0), "", find_named (row, "kpi-error", 0));

  enter_into (figure, "１，２３４．５");
  g_assert_cmpfloat (kk_kpi_value_get_value (value), ==, 1234.5);
  g_assert_false (gtk_widget_has_css_class (figure, "error"));
  /* The date is still wrong, and its message stays. */
  g_assert_true (gtk_widget_get_visible (figure_error));

  enter_into (as_of, "２０２４／３／１");
  g_assert_cmpstr (kk_kpi_value_get_as_of (value), ==, "2024-03-01");
  g_assert_false (gtk_widget_get_visible (figure_error));
  /* Applied, the date and the figure are shown as the plan writes them. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (as_of)), ==, "2024-03-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (figure)), ==, formatted);
}

/* After an undo and a redo the KPI's fields show the plan again: a figure
 * and a date refused before are no longer red, nor is their message
 * shown. */
static void
test_undo_and_redo_refresh_the_fields (Fixture       *fixture,
                                       gconstpointer  data)
{
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  GtkWidget *name = find_named (row, "kpi-name", 0);
  GtkWidget *figure = find_named (row, "figure-value", 0);
  GtkWidget *as_of = find_named (row, "figure-as-of", 0);
  GtkWidget *figure_error = find_named (row, "figure-error", 0);
  g_autofree char *original = g_strdup (kk_kpi_get_name (fixture->kpi));
  g_autofree char *renamed = g_strconcat (original, "（改）", NULL);
  g_autofree char *figure_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (figure)));
  g_autofree char *as_of_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (as_of)));
  KkHistory *history = kk_plan_get_history (fixture->plan);

  enter_into (name, renamed);
  enter_into (find_named (row, "figure-year", 1), "12a");
  type_into (figure, "12a");
  type_into (as_of, "2024-02-30");
  g_assert_true (gtk_widget_get_visible (figure_error));
  g_assert_true (gtk_widget_get_visible (find_named (row, "figure-error", 1)));

  undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, original);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (figure)), ==, figure_text);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (as_of)), ==, as_of_text);
  g_assert_false (gtk_widget_has_css_class (figure, "error"));
  g_assert_false (gtk_widget_has_css_class (as_of, "error"));
  g_assert_false (gtk_widget_get_visible (figure_error));
  g_assert_false (gtk_widget_get_visible (find_named (row, "figure-error", 1)));

  type_into (figure, "7");
  g_assert_true (kk_history_redo (history));
  run_until_idle ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, renamed);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (figure)), ==, figure_text);
}

/* A year typed wrong changes nothing and says so; typed right, it is
 * applied on Enter, in one step of undo. */
static void
test_year_applies_whole_values (Fixture       *fixture,
                                gconstpointer  data)
{
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  GtkWidget *year = find_named (row, "figure-year", 0);
  GtkWidget *figure_error = find_named (row, "figure-error", 0);
  g_autoptr(KkKpiValue) value = g_list_model_get_item (kk_kpi_get_values (fixture->kpi), 0);
  g_autofree char *shown = g_strdup (gtk_editable_get_text (GTK_EDITABLE (year)));

  enter_into (year, "12a");
  assert_plan_unchanged (fixture);
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (fixture->plan)));
  g_assert_true (gtk_widget_get_visible (figure_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (figure_error)), "“12a” is not a fiscal year"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (figure_error)), shown));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, shown);
  g_assert_true (gtk_widget_has_css_class (year, "error"));

  enter_into (year, "2030");
  g_assert_cmpint (kk_kpi_value_get_fiscal_year (value), ==, 2030);
  g_assert_false (gtk_widget_get_visible (figure_error));
  g_assert_false (gtk_widget_has_css_class (year, "error"));
  undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, shown);
}

/* A Japanese interface writes an as-of date in the era, as the plan prints
 * it, and reads it typed either way; another language writes YYYY-MM-DD. */
static void
test_as_of_in_the_japanese_era (Fixture       *fixture,
                                gconstpointer  data)
{
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  GtkWidget *as_of = find_named (row, "figure-as-of", 0);
  g_autoptr(KkKpiValue) value = g_list_model_get_item (kk_kpi_get_values (fixture->kpi), 0);

  g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));
  enter_into (as_of, "令和6年3月1日");
  g_assert_cmpstr (kk_kpi_value_get_as_of (value), ==, "2024-03-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (as_of)), ==, "令和6年3月1日");
  enter_into (as_of, "2024-03-02");
  g_assert_cmpstr (kk_kpi_value_get_as_of (value), ==, "2024-03-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (as_of)), ==, "令和6年3月2日");

  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  enter_into (as_of, "令和6年3月3日");
  g_assert_cmpstr (kk_kpi_value_get_as_of (value), ==, "2024-03-03");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (as_of)), ==, "2024-03-03");
}

/* A screen reader says the button that adds a KPI and the row of the rule
 * for meeting the target by their labels, without the access key the
 * Japanese label shows: 達成の基準, not 達成の基準(W). */
static void
test_said_without_access_keys (Fixture       *fixture,
                                         gconstpointer  data)
{
  g_autoptr(GtkWidget) editor = NULL;

  g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));
  editor = g_object_ref_sink (kk_kpi_editor_new ());
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_named (editor, "add-kpi", 0)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "成果指標を追加");
  kk_kpi_editor_set_sheet (fixture->editor, NULL);
  kk_kpi_editor_set_sheet (fixture->editor, fixture->sheet);
  run_until_idle ();
  gtk_test_accessible_assert_property (
    GTK_ACCESSIBLE (find_named (kpi_row (fixture, fixture->kpi_position), "kpi-comparator", 0)),
    GTK_ACCESSIBLE_PROPERTY_LABEL, "達成の基準");
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}

/* A figure the plan gives in words (未定) gains a number and loses it again
 * in one step of undo. */
static void
test_figure_without_value (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *values = kk_kpi_get_values (fixture->kpi);
  g_autoptr(KkKpiValue) value = g_list_model_get_item (values, 0);
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  GtkWidget *figure = find_named (row, "figure-value", 0);
  GtkWidget *note = find_named (row, "figure-note", 0);
  GtkWidget *error = find_named (row, "figure-error", 0);
  g_autofree char *original_note = g_strdup (kk_kpi_value_get_note (value));
  g_autoptr(GBytes) without_value = NULL;

  /* No value without a note: refused until there is one. */
  enter_into (note, "");
  enter_into (figure, "");
  g_assert_true (kk_kpi_value_get_has_value (value));
  g_assert_true (gtk_widget_get_visible (error));
  enter_into (note, "未定");
  g_assert_false (kk_kpi_value_get_has_value (value));
  g_assert_cmpstr (kk_kpi_value_get_note (value), ==, "未定");
  g_assert_false (gtk_widget_get_visible (error));
  /* Nor a note cleared while there is no value. */
  enter_into (note, "");
  g_assert_cmpstr (kk_kpi_value_get_note (value), ==, "未定");
  g_assert_true (gtk_widget_get_visible (error));
  enter_into (note, "未定");
  g_assert_false (gtk_widget_get_visible (error));

  without_value = kk_plan_to_bytes (fixture->plan);
  enter_into (figure, "5");
  g_assert_true (kk_kpi_value_get_has_value (value));
  g_assert_cmpfloat (kk_kpi_value_get_value (value), ==, 5);
  undo (fixture);
  g_assert_false (kk_kpi_value_get_has_value (value));
  assert_plan_is (fixture, without_value);

  while (kk_history_get_can_undo (kk_plan_get_history (fixture->plan)))
    undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_cmpstr (kk_kpi_value_get_note (value), ==, original_note);
}

static void
test_typing_a_name_is_one_step (Fixture       *fixture,
                                gconstpointer  data)
{
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  GtkWidget *name = find_named (row, "kpi-name", 0);
  g_autofree char *original = g_strdup (kk_kpi_get_name (fixture->kpi));
  g_autofree char *longer = g_strconcat (original, "数", NULL);
  g_autofree char *longest = g_strconcat (original, "数値", NULL);

  type_into (name, longer);
  type_into (name, longest);
  g_assert_cmpstr (kk_kpi_get_name (fixture->kpi), ==, original);
  kk_test_press_enter (name);
  g_assert_cmpstr (kk_kpi_get_name (fixture->kpi), ==, longest);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), longest));
  undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, original);
}

static void
test_comparator_and_kind (Fixture       *fixture,
                          gconstpointer  data)
{
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  AdwComboRow *comparator = find_named (row, "kpi-comparator", 0);
  GtkDropDown *kind = find_named (row, "figure-kind", 0);
  GtkSpinButton *year = find_named (row, "figure-year", 0);
  g_autoptr(KkKpiValue) value = g_list_model_get_item (kk_kpi_get_values (fixture->kpi), 0);
  KkComparator other = (kk_kpi_get_comparator (fixture->kpi) + 1) % 3;
  g_autofree char *year_text = kk_format_fiscal_year (kk_kpi_value_get_fiscal_year (value));

  g_assert_cmpuint (adw_combo_row_get_selected (comparator), ==,
                    kk_kpi_get_comparator (fixture->kpi));
  g_assert_cmpuint (gtk_drop_down_get_selected (kind), ==, kk_kpi_value_get_kind (value));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, year_text);

  adw_combo_row_set_selected (comparator, other);
  run_until_idle ();
  g_assert_cmpint (kk_kpi_get_comparator (fixture->kpi), ==, other);
  gtk_drop_down_set_selected (kind, (kk_kpi_value_get_kind (value) + 1) % 4);
  gtk_spin_button_set_value (year, kk_kpi_value_get_fiscal_year (value) + 1);
  run_until_idle ();
  /* A year typed as the plan writes it, or shortly. */
  gtk_editable_set_text (GTK_EDITABLE (year), "R7");
  gtk_spin_button_update (year);
  run_until_idle ();
  g_assert_cmpint (kk_kpi_value_get_fiscal_year (value), ==, 2025);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, "令和7年度");

  for (guint i = 0; i < 4; i++)
    undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_cmpuint (adw_combo_row_get_selected (comparator), ==,
                    kk_kpi_get_comparator (fixture->kpi));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (year)), ==, year_text);
}

static void
test_add_kpi (Fixture       *fixture,
              gconstpointer  data)
{
  GListModel *kpis = kk_sheet_get_kpis (fixture->sheet);
  guint n = g_list_model_get_n_items (kpis);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KkPlan) reloaded = NULL;
  AdwExpanderRow *added;

  click (find_named (fixture->editor, "add-kpi", 0));
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, n + 1);
  g_assert_cmpuint (n_kpi_rows (fixture), ==, n + 1);
  added = kpi_row (fixture, n);
  g_assert_true (adw_expander_row_get_expanded (added));
  g_assert_cmpstr (gtk_editable_get_text (find_named (added, "kpi-name", 0)), ==,
                   kk_kpi_get_name (kpi_at (fixture, n)));
  /* Ready for the clerk to type its name. */
  g_assert_true (has_focus_within (fixture, find_named (added, "kpi-name", 0)));
  /* What the editor adds, a plan file may hold. */
  bytes = kk_plan_to_bytes (fixture->plan);
  reloaded = kk_plan_load_bytes (bytes, NULL);
  g_assert_nonnull (reloaded);

  undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_cmpuint (n_kpi_rows (fixture), ==, n);
}

static void
test_remove_kpi (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *kpis = kk_sheet_get_kpis (fixture->sheet);
  guint n = g_list_model_get_n_items (kpis);
  KkKpi *second = kpi_at (fixture, 1);

  click (find_named (kpi_row (fixture, 0), "remove-kpi", 0));
  g_assert_cmpuint (g_list_model_get_n_items (kpis), ==, n - 1);
  g_assert_true (kpi_at (fixture, 0) == second);
  g_assert_cmpuint (n_kpi_rows (fixture), ==, n - 1);

  undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_cmpuint (n_kpi_rows (fixture), ==, n);
}

static void
test_move_kpi_up (Fixture       *fixture,
                  gconstpointer  data)
{
  KkKpi *first = kpi_at (fixture, 0);
  KkKpi *second = kpi_at (fixture, 1);
  AdwExpanderRow *moved;

  click (find_named (expand_kpi_row (fixture, 1), "move-kpi-up", 0));
  g_assert_true (kpi_at (fixture, 0) == second);
  g_assert_true (kpi_at (fixture, 1) == first);
  /* The moved row stays open, and the keyboard stays on it. */
  moved = kpi_row (fixture, 0);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (moved)),
                            kk_kpi_get_name (second)));
  g_assert_true (adw_expander_row_get_expanded (moved));
  g_assert_false (gtk_widget_is_sensitive (find_named (moved, "move-kpi-up", 0)));
  g_assert_true (has_focus_within (fixture, moved));

  /* One step of undo for the removal and insertion a move is. */
  undo (fixture);
  assert_plan_unchanged (fixture);
  g_assert_true (kpi_at (fixture, 0) == first);
}

static void
test_add_and_remove_figure (Fixture       *fixture,
                            gconstpointer  data)
{
  GListModel *values = kk_kpi_get_values (fixture->kpi);
  guint n = g_list_model_get_n_items (values);
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  g_autoptr(KkKpiValue) first = g_list_model_get_item (values, 0);
  g_autoptr(KkKpiValue) added = NULL;
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();

  click (find_named (row, "add-figure", 0));
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, n + 1);
  added = g_list_model_get_item (values, n);
  /* A figure the KPI did not have yet. */
  g_assert_cmpuint (count_figures (fixture->kpi, kk_kpi_value_get_fiscal_year (added),
                                   kk_kpi_value_get_kind (added)), ==, 1);
  g_assert_true (kk_kpi_value_get_has_value (added));
  collect_named (GTK_WIDGET (row), "figure", figures);
  g_assert_cmpuint (figures->len, ==, n + 1);
  g_assert_true (has_focus_within (fixture, find_named (row, "figure-year", n)));
  undo (fixture);
  assert_plan_unchanged (fixture);

  click (find_named (row, "remove-figure", 0));
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, n - 1);
  g_assert_false (g_list_store_find (G_LIST_STORE (values), first, NULL));
  undo (fixture);
  assert_plan_unchanged (fixture);
  g_ptr_array_set_size (figures, 0);
  collect_named (GTK_WIDGET (row), "figure", figures);
  g_assert_cmpuint (figures->len, ==, n);
}

/* 「数値を追加」 offers this year's target first, and once the KPI has it,
 * the next figure it lacks, never one it has. */
static void
test_add_figure_offers_a_missing_one (Fixture       *fixture,
                                      gconstpointer  data)
{
  GListModel *values = kk_kpi_get_values (fixture->kpi);
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  int this_year = kk_plan_get_fiscal_year (fixture->plan);

  if (count_figures (fixture->kpi, this_year, KK_KPI_KIND_TARGET) == 0)
    {
      g_autoptr(KkKpiValue) first = NULL;

      click (find_named (row, "add-figure", 0));
      first = g_list_model_get_item (values, g_list_model_get_n_items (values) - 1);
      g_assert_cmpint (kk_kpi_value_get_fiscal_year (first), ==, this_year);
      g_assert_cmpint (kk_kpi_value_get_kind (first), ==, KK_KPI_KIND_TARGET);
    }
  g_assert_cmpuint (count_figures (fixture->kpi, this_year, KK_KPI_KIND_TARGET), ==, 1);
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(KkKpiValue) added = NULL;

      click (find_named (row, "add-figure", 0));
      added = g_list_model_get_item (values, g_list_model_get_n_items (values) - 1);
      g_assert_cmpuint (count_figures (fixture->kpi, kk_kpi_value_get_fiscal_year (added),
                                       kk_kpi_value_get_kind (added)), ==, 1);
    }
}

static void
test_move_figure_down (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *values = kk_kpi_get_values (fixture->kpi);
  AdwExpanderRow *row = expand_kpi_row (fixture, fixture->kpi_position);
  g_autoptr(KkKpiValue) first = g_list_model_get_item (values, 0);

  g_assert_false (gtk_widget_is_sensitive (find_named (row, "move-figure-up", 0)));
  click (find_named (row, "move-figure-down", 0));
  g_assert_cmpuint (position_in (values, first), ==, 1);
  undo (fixture);
  assert_plan_unchanged (fixture);
}

/* The program editor shows the KPIs of the program's sheet. */
static void
test_program_editor_shows_the_sheet (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  GtkWidget *window = gtk_window_new ();
  KkProgramEditor *program_editor = KK_PROGRAM_EDITOR (kk_program_editor_new ());
  KkProgram *first = kk_plan_find_program (plan, 1);
  guint n_programs = g_list_model_get_n_items (kk_plan_get_programs (plan));
  KkProgram *last = kk_plan_find_program (plan, n_programs);
  KkKpiEditor *editor;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (program_editor));
  kk_program_editor_set_plan (program_editor, plan);
  kk_program_editor_set_program (program_editor, first);
  present (GTK_WINDOW (window));

  editor = find_named (program_editor, "kpi-editor", 0);
  g_assert_true (kk_kpi_editor_get_plan (editor) == plan);
  g_assert_true (kk_kpi_editor_get_sheet (editor) == kk_program_get_sheet (first));
  kk_program_editor_set_program (program_editor, last);
  g_assert_true (kk_kpi_editor_get_sheet (editor) == kk_program_get_sheet (last));
  kk_program_editor_set_program (program_editor, NULL);
  g_assert_null (kk_kpi_editor_get_sheet (editor));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
add_test (const char *path,
          void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  /* The tests' environment turns accessibility off; these tests read it. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  kk_test_bind_translations ();

  add_test ("/kpi-editor/shows-every-kpi", test_shows_every_kpi);
  add_test ("/kpi-editor/collapsed-row-follows-the-model", test_collapsed_row_follows_the_model);
  add_test ("/kpi-editor/target-changes-achievement", test_target_changes_achievement);
  add_test ("/kpi-editor/this-years-actual-shows-achievement",
            test_this_years_actual_shows_achievement);
  add_test ("/kpi-editor/invalid-input-changes-nothing", test_invalid_input_changes_nothing);
  add_test ("/kpi-editor/undo-and-redo-refresh-the-fields", test_undo_and_redo_refresh_the_fields);
  add_test ("/kpi-editor/year-applies-whole-values", test_year_applies_whole_values);
  add_test ("/kpi-editor/figure-without-value", test_figure_without_value);
  add_test ("/kpi-editor/as-of-in-the-japanese-era", test_as_of_in_the_japanese_era);
  add_test ("/kpi-editor/said-without-access-keys", test_said_without_access_keys);
  add_test ("/kpi-editor/typing-a-name-is-one-step", test_typing_a_name_is_one_step);
  add_test ("/kpi-editor/comparator-kind-and-year", test_comparator_and_kind);
  add_test ("/kpi-editor/structure/add-kpi", test_add_kpi);
  add_test ("/kpi-editor/structure/remove-kpi", test_remove_kpi);
  add_test ("/kpi-editor/structure/move-kpi-up", test_move_kpi_up);
  add_test ("/kpi-editor/structure/add-and-remove-figure", test_add_and_remove_figure);
  add_test ("/kpi-editor/structure/add-figure-offers-a-missing-one",
            test_add_figure_offers_a_missing_one);
  add_test ("/kpi-editor/structure/move-figure-down", test_move_figure_down);
  g_test_add_func ("/kpi-editor/program-editor-shows-the-sheet",
                   test_program_editor_shows_the_sheet);

  return g_test_run ();
}
