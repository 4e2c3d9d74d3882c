/* test-editor.c: the program editor's fields, as a clerk and a screen reader use them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "kk-format.h"
#include "kk-kpi-row.h"
#include "kk-kpi-value-row.h"
#include "kk-plan-file.h"
#include "kk-program-editor.h"
#include "kk-test-locale.h"
#include "kk-test-ui.h"

/* 【13】, whose budget the issue typed 12a into. */
#define PROGRAM_NUMBER 13

typedef struct
{
  KkPlan *plan;
  GBytes *original;
  KkProgram *program;
  GtkWindow *window;
  KkProgramEditor *editor;
  GtkWidget *budget;
  GtkWidget *budget_error;
  GtkWidget *name;
  char *budget_text;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->plan = kk_plan_load_default ();
  fixture->original = kk_plan_to_bytes (fixture->plan);
  fixture->program = kk_plan_find_program (fixture->plan, PROGRAM_NUMBER);
  g_assert_nonnull (fixture->program);
  fixture->budget_text = kk_format_grouped (kk_program_get_budget (fixture->program));

  fixture->editor = KK_PROGRAM_EDITOR (kk_program_editor_new ());
  kk_program_editor_set_plan (fixture->editor, fixture->plan);
  kk_program_editor_set_program (fixture->editor, fixture->program);
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 640, 900);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  kk_test_run_until_idle ();

  fixture->budget = kk_test_find_named (GTK_WIDGET (fixture->editor), "budget");
  fixture->budget_error = kk_test_find_named (GTK_WIDGET (fixture->editor), "budget-error");
  fixture->name = kk_test_find_named (GTK_WIDGET (fixture->editor), "name");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->budget)), ==,
                   fixture->budget_text);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  kk_test_run_until_idle ();
  g_free (fixture->budget_text);
  g_bytes_unref (fixture->original);
  g_object_unref (fixture->plan);
}

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  kk_test_run_until_idle ();
}

static void
assert_plan_and_history_unchanged (Fixture *fixture)
{
  g_autoptr(GBytes) now = kk_plan_to_bytes (fixture->plan);

  g_assert_true (g_bytes_equal (now, fixture->original));
  g_assert_false (kk_plan_get_dirty (fixture->plan));
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (fixture->plan)));
}

static void
assert_shows_the_plan (Fixture *fixture)
{
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->budget)), ==,
                   fixture->budget_text);
  g_assert_false (gtk_widget_has_css_class (fixture->budget, "error"));
  g_assert_false (gtk_widget_get_visible (fixture->budget_error));
}

/* Typing 12a goes through 1 and 12, each a number: none reaches the plan,
 * nor its history, and the message says the plan keeps its budget. */
static void
test_invalid_budget_changes_nothing (Fixture       *fixture,
                                     gconstpointer  data)
{
  const char *message;

  type_into (fixture->budget, "1");
  type_into (fixture->budget, "12");
  assert_plan_and_history_unchanged (fixture);
  g_assert_false (gtk_widget_get_visible (fixture->budget_error));

  type_into (fixture->budget, "12a");
  assert_plan_and_history_unchanged (fixture);
  g_assert_true (gtk_widget_get_visible (fixture->budget_error));
  g_assert_true (gtk_widget_has_css_class (fixture->budget, "error"));
  message = gtk_label_get_text (GTK_LABEL (fixture->budget_error));
  /* Two sentences: what is wrong, and what the plan keeps. */
  g_assert_cmpstr (message, ==, "“12a” is not a whole number of thousand yen. "
                   "Nothing was changed: the plan keeps 319,750.");

  kk_test_press_enter (fixture->budget);
  assert_plan_and_history_unchanged (fixture);
  /* What the clerk typed stays, to be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->budget)), ==, "12a");
}

/* An amount larger than any budget is refused by the same parsing, with
 * its message. */
static void
test_huge_budget_is_refused (Fixture       *fixture,
                             gconstpointer  data)
{
  type_into (fixture->budget, "99999999999999999999999");
  kk_test_press_enter (fixture->budget);
  assert_plan_and_history_unchanged (fixture);
  g_assert_true (gtk_widget_get_visible (fixture->budget_error));
}

static void
test_enter_applies_once (Fixture       *fixture,
                         gconstpointer  data)
{
  KkHistory *history = kk_plan_get_history (fixture->plan);

  type_into (fixture->budget, "３２０，０００");
  assert_plan_and_history_unchanged (fixture);
  kk_test_press_enter (fixture->budget);
  g_assert_cmpint (kk_program_get_budget (fixture->program), ==, 320000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->budget)), ==, "320,000");
  g_assert_true (kk_plan_get_dirty (fixture->plan));

  /* One step of undo takes it all back. */
  g_assert_true (kk_history_undo (history));
  kk_test_run_until_idle ();
  assert_plan_and_history_unchanged (fixture);
  assert_shows_the_plan (fixture);
}

static void
test_leaving_applies (Fixture       *fixture,
                      gconstpointer  data)
{
  gtk_widget_grab_focus (fixture->budget);
  type_into (fixture->budget, "320000");
  g_assert_cmpint (kk_program_get_budget (fixture->program), !=, 320000);
  gtk_widget_grab_focus (fixture->name);
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_program_get_budget (fixture->program), ==, 320000);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->budget)), ==, "320,000");
}

static void
test_escape_restores (Fixture       *fixture,
                      gconstpointer  data)
{
  type_into (fixture->budget, "12a");
  g_assert_true (kk_test_press_escape (fixture->budget));
  assert_plan_and_history_unchanged (fixture);
  assert_shows_the_plan (fixture);

  type_into (fixture->budget, "5");
  g_assert_true (kk_test_press_escape (fixture->budget));
  kk_test_press_enter (fixture->budget);
  assert_plan_and_history_unchanged (fixture);
  assert_shows_the_plan (fixture);
}

/* After an undo and a redo the fields show the plan, with no stale error. */
static void
test_undo_and_redo_refresh_the_fields (Fixture       *fixture,
                                       gconstpointer  data)
{
  KkHistory *history = kk_plan_get_history (fixture->plan);
  g_autofree char *name = g_strdup (kk_program_get_name (fixture->program));
  g_autofree char *renamed = g_strconcat (name, "（改）", NULL);

  type_into (fixture->name, renamed);
  kk_test_press_enter (fixture->name);
  g_assert_cmpstr (kk_program_get_name (fixture->program), ==, renamed);
  type_into (fixture->budget, "12a");
  g_assert_true (gtk_widget_get_visible (fixture->budget_error));

  g_assert_true (kk_history_undo (history));
  kk_test_run_until_idle ();
  assert_shows_the_plan (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->name)), ==, name);

  type_into (fixture->budget, "7");
  g_assert_true (kk_history_redo (history));
  kk_test_run_until_idle ();
  assert_shows_the_plan (fixture);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (fixture->name)), ==, renamed);
}

/* Each kind of one-line field: what it refuses (NULL: nothing), what a
 * clerk may type and how the plan writes it back. */
static const struct
{
  const char *field;
  const char *refused;
  const char *typed;
  const char *shown;
} one_line_fields[] = {
  { "number", "1a", "９９", "99" },
  { "name", "　", "事業の新しい名前", "事業の新しい名前" },
  { "previous-name", NULL, "前年度の名前", "前年度の名前" },
  { "budget", "12a", "３２０，０００", "320,000" },
  { "previous-budget", "▲", "1234", "1,234" },
};

/* Every kind of field takes a value only whole and valid: a refused text
 * changes nothing, Escape puts the plan's value back, Enter applies a
 * valid one as the plan writes it, in one step of undo. */
static void
test_every_field_applies_whole_values (Fixture       *fixture,
                                       gconstpointer  data)
{
  KkHistory *history = kk_plan_get_history (fixture->plan);

  for (guint i = 0; i < G_N_ELEMENTS (one_line_fields); i++)
    {
      GtkWidget *field = kk_test_find_named (GTK_WIDGET (fixture->editor), one_line_fields[i].field);
      g_autofree char *original = g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));

      if (one_line_fields[i].refused != NULL)
        {
          type_into (field, one_line_fields[i].refused);
          kk_test_press_enter (field);
          assert_plan_and_history_unchanged (fixture);
          g_assert_true (gtk_widget_has_css_class (field, "error"));
          g_assert_true (kk_test_press_escape (field));
          g_assert_false (gtk_widget_has_css_class (field, "error"));
          g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, original);
        }

      type_into (field, one_line_fields[i].typed);
      assert_plan_and_history_unchanged (fixture);
      kk_test_press_enter (field);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, one_line_fields[i].shown);
      g_assert_true (kk_history_undo (history));
      kk_test_run_until_idle ();
      assert_plan_and_history_unchanged (fixture);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (field)), ==, original);
    }
}

/* The review state is chosen from a list, one step of undo a choice, and
 * the list follows the plan's undo. */
static void
test_review_state_is_one_step (Fixture       *fixture,
                               gconstpointer  data)
{
  KkHistory *history = kk_plan_get_history (fixture->plan);
  AdwComboRow *row = ADW_COMBO_ROW (kk_test_find_named (GTK_WIDGET (fixture->editor), "review-state"));

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Review state");
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, KK_REVIEW_STATE_CONFIRMED);
  g_assert_cmpstr (gtk_string_object_get_string (adw_combo_row_get_selected_item (row)), ==,
                   "Confirmed");

  adw_combo_row_set_selected (row, KK_REVIEW_STATE_DRAFT);
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_program_get_review_state (fixture->program), ==, KK_REVIEW_STATE_DRAFT);
  adw_combo_row_set_selected (row, KK_REVIEW_STATE_PENDING);
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_program_get_review_state (fixture->program), ==, KK_REVIEW_STATE_PENDING);

  g_assert_true (kk_history_undo (history));
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_program_get_review_state (fixture->program), ==, KK_REVIEW_STATE_DRAFT);
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, KK_REVIEW_STATE_DRAFT);
  g_assert_true (kk_history_undo (history));
  kk_test_run_until_idle ();
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, KK_REVIEW_STATE_CONFIRMED);
  assert_plan_and_history_unchanged (fixture);
}

/* The first check button below @widget labelled @label. */
static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* One undo takes back one choice, and the widget shows the plan again. */
static void
undo_one_choice (Fixture *fixture)
{
  g_assert_true (kk_plan_get_dirty (fixture->plan));
  g_assert_true (kk_history_undo (kk_plan_get_history (fixture->plan)));
  kk_test_run_until_idle ();
  assert_plan_and_history_unchanged (fixture);
}

/* Every choice (pillar, status, lead division, a funding source) is one
 * step of undo, after which its widget shows the plan's value again, and
 * a new program's last year's budget cannot be typed into. */
static void
test_every_choice_is_one_step (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const combo_rows[] = { "pillar", "status", "lead-division" };
  GtkWidget *previous_budget = kk_test_find_named (GTK_WIDGET (fixture->editor), "previous-budget");
  GtkCheckButton *national = find_check (GTK_WIDGET (fixture->editor), "国");

  for (guint i = 0; i < G_N_ELEMENTS (combo_rows); i++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (kk_test_find_named (GTK_WIDGET (fixture->editor),
                                                            combo_rows[i]));
      guint shown = adw_combo_row_get_selected (row);

      adw_combo_row_set_selected (row, shown == 0 ? 1 : 0);
      kk_test_run_until_idle ();
      if (g_str_equal (combo_rows[i], "status"))
        g_assert_false (gtk_widget_get_sensitive (previous_budget));
      undo_one_choice (fixture);
      g_assert_cmpuint (adw_combo_row_get_selected (row), ==, shown);
      g_assert_true (gtk_widget_get_sensitive (previous_budget));
    }

  g_assert_nonnull (national);
  g_assert_false (gtk_check_button_get_active (national));
  gtk_check_button_set_active (national, TRUE);
  kk_test_run_until_idle ();
  undo_one_choice (fixture);
  g_assert_false (gtk_check_button_get_active (national));
}

/* 【13】 is funded by the prefecture alone: its last source cannot be
 * taken away, and the editor says why and shows it ticked again. */
static void
test_last_funding_is_kept (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkCheckButton *prefecture = find_check (GTK_WIDGET (fixture->editor), "県");
  GtkWidget *error = kk_test_find_named (GTK_WIDGET (fixture->editor), "program-error");

  g_assert_nonnull (prefecture);
  g_assert_true (gtk_check_button_get_active (prefecture));
  gtk_check_button_set_active (prefecture, FALSE);
  kk_test_run_until_idle ();
  assert_plan_and_history_unchanged (fixture);
  g_assert_true (gtk_check_button_get_active (prefecture));
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==,
                   "A program needs at least one source of funding");
}

static void
test_blank_name_and_taken_number_are_refused (Fixture       *fixture,
                                              gconstpointer  data)
{
  GtkWidget *number = kk_test_find_named (GTK_WIDGET (fixture->editor), "number");
  GtkWidget *error = kk_test_find_named (GTK_WIDGET (fixture->editor), "program-error");
  g_autofree char *other = g_strdup_printf ("%d", PROGRAM_NUMBER + 1);

  type_into (fixture->name, "  ");
  kk_test_press_enter (fixture->name);
  assert_plan_and_history_unchanged (fixture);
  g_assert_true (gtk_widget_get_visible (error));

  type_into (number, other);
  kk_test_press_enter (number);
  assert_plan_and_history_unchanged (fixture);
  g_assert_true (gtk_widget_has_css_class (number, "error"));
}

/* A multi-line text is applied as typed, one visit of the field one step. */
static void
test_text_is_one_step (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *purpose = kk_test_find_named (GTK_WIDGET (fixture->editor), "purpose");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (purpose));
  GtkTextIter end;

  gtk_widget_grab_focus (purpose);
  for (guint i = 0; i < 3; i++)
    {
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, "あ", -1);
    }
  kk_test_run_until_idle ();
  g_assert_true (g_str_has_suffix (kk_sheet_get_purpose (kk_program_get_sheet (fixture->program)),
                                   "あああ"));
  gtk_widget_grab_focus (fixture->name);
  g_assert_true (kk_history_undo (kk_plan_get_history (fixture->plan)));
  kk_test_run_until_idle ();
  assert_plan_and_history_unchanged (fixture);
}

/* ------------------------------------------------------------------------ */
/* Screen readers                                                           */

static void
collect_type (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_type (child, type, found);
}

static GPtrArray *
find_all (gpointer widget,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect_type (widget, type, found);
  g_assert_cmpuint (found->len, >, 0);
  return found;
}

static char *
without_mnemonic (const char *label)
{
  g_autoptr(GString) text = g_string_new (label);

  g_string_replace (text, "_", "", 0);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
expand_every_kpi (Fixture *fixture)
{
  g_autoptr(GPtrArray) rows = find_all (fixture->editor, KK_TYPE_KPI_ROW);

  for (guint i = 0; i < rows->len; i++)
    adw_expander_row_set_expanded (g_ptr_array_index (rows, i), TRUE);
  kk_test_run_until_idle ();
}

/* Entry rows type into a GtkText: that is what has the focus, and it says
 * the field's label, once. */
static void
test_entry_rows_say_their_label (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  expand_every_kpi (fixture);
  rows = find_all (fixture->editor, ADW_TYPE_ENTRY_ROW);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      g_autofree char *label = without_mnemonic (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
      GtkAccessible *text = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row)));

      gtk_test_accessible_assert_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL, label);
      g_assert_false (gtk_test_accessible_has_relation (text, GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, label);
    }
}

/* The six texts are named by their headings, not "GtkTextView", and only
 * once: GTK would add the name of a label they are labelled by. */
static void
test_texts_say_their_heading (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) views = find_all (fixture->editor, GTK_TYPE_TEXT_VIEW);

  g_assert_cmpuint (views->len, ==, 6);
  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);
      GtkWidget *heading = gtk_widget_get_prev_sibling (gtk_widget_get_parent (view));
      g_autofree char *label = without_mnemonic (gtk_label_get_label (GTK_LABEL (heading)));

      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_TEXT_BOX);
      g_assert_false (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (view),
                                                        GTK_ACCESSIBLE_RELATION_LABELLED_BY));
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, label);
    }
}

static void
assert_named (gpointer widget)
{
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
}

static void
assert_name (gpointer    container,
             const char *widget_name,
             const char *name)
{
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (kk_test_find_named (container, widget_name)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, name);
}

/* A figure's buttons and fields say which figure, by its year and kind as
 * shown, of which KPI. */
static void
assert_figure_buttons_named (KkKpiValueRow *row)
{
  KkKpiValue *value = kk_kpi_value_row_get_value (row);
  KkKpiRow *kpi_row = KK_KPI_ROW (gtk_widget_get_ancestor (GTK_WIDGET (row), KK_TYPE_KPI_ROW));
  g_autofree char *year = kk_format_fiscal_year (kk_kpi_value_get_fiscal_year (value));
  GtkDropDown *kind = GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (row), "figure-kind"));
  const char *kind_name = gtk_string_object_get_string (gtk_drop_down_get_selected_item (kind));
  g_autofree char *figure = g_strdup_printf ("%s %s of KPI %s", year, kind_name,
                                             kk_kpi_get_name (kk_kpi_row_get_kpi (kpi_row)));
  g_autofree char *up = g_strdup_printf ("Move Figure %s Up", figure);
  g_autofree char *down = g_strdup_printf ("Move Figure %s Down", figure);
  g_autofree char *remove = g_strdup_printf ("Remove Figure %s", figure);
  g_autofree char *number = g_strdup_printf ("Value, %s", figure);

  assert_name (row, "move-figure-up", up);
  assert_name (row, "move-figure-down", down);
  assert_name (row, "remove-figure", remove);
  assert_name (row, "figure-value", number);
}

/* Every button, check, spin button, drop-down and entry of the editor has
 * a name; buttons that act on a KPI or figure name it. */
static void
test_every_control_has_a_name (Fixture       *fixture,
                               gconstpointer  data)
{
  static const char * const named_types[] = {
    "GtkCheckButton", "GtkSpinButton", "GtkDropDown", "GtkEntry",
  };
  g_autoptr(GPtrArray) kpi_rows = NULL;
  g_autoptr(GPtrArray) figures = NULL;
  g_autoptr(GPtrArray) buttons = NULL;

  expand_every_kpi (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (named_types); i++)
    {
      g_autoptr(GPtrArray) controls = find_all (fixture->editor, g_type_from_name (named_types[i]));

      for (guint j = 0; j < controls->len; j++)
        if (gtk_widget_get_focusable (g_ptr_array_index (controls, j)))
          assert_named (g_ptr_array_index (controls, j));
    }

  /* A button of ours (GTK's own inside spin buttons and drop-downs are
   * GTK's business) shows its label, or a screen reader reads its name. */
  buttons = find_all (fixture->editor, GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (button));

      if (g_str_has_prefix (gtk_widget_get_name (button), "Gtk"))
        continue;
      if (gtk_widget_get_focusable (button) && gtk_widget_get_visible (button) &&
          !GTK_IS_LABEL (child) && !ADW_IS_BUTTON_CONTENT (child) &&
          !gtk_test_accessible_has_property (GTK_ACCESSIBLE (button),
                                             GTK_ACCESSIBLE_PROPERTY_LABEL))
        g_error ("the button %s has no name", gtk_widget_get_name (button));
    }

  kpi_rows = find_all (fixture->editor, KK_TYPE_KPI_ROW);
  for (guint i = 0; i < kpi_rows->len; i++)
    {
      KkKpiRow *row = g_ptr_array_index (kpi_rows, i);
      g_autofree char *remove = g_strdup_printf ("Remove KPI %s", kk_kpi_get_name (kk_kpi_row_get_kpi (row)));
      g_autofree char *up = g_strdup_printf ("Move KPI %s Up", kk_kpi_get_name (kk_kpi_row_get_kpi (row)));

      g_autofree char *down = g_strdup_printf ("Move KPI %s Down", kk_kpi_get_name (kk_kpi_row_get_kpi (row)));
      g_autofree char *add = g_strdup_printf ("Add Figure to KPI %s", kk_kpi_get_name (kk_kpi_row_get_kpi (row)));

      assert_name (row, "remove-kpi", remove);
      assert_name (row, "move-kpi-up", up);
      assert_name (row, "move-kpi-down", down);
      assert_name (row, "add-figure", add);
    }

  figures = find_all (fixture->editor, KK_TYPE_KPI_VALUE_ROW);
  for (guint i = 0; i < figures->len; i++)
    assert_figure_buttons_named (g_ptr_array_index (figures, i));
}

/* ------------------------------------------------------------------------ */
/* Access keys                                                              */

static void
assert_access_keys_unique (Fixture *fixture)
{
  expand_every_kpi (fixture);
  g_assert_cmpuint (kk_test_assert_unique_label_access_keys (GTK_WIDGET (fixture->editor)), >=, 15);
}

static void
test_access_keys_are_unique (Fixture       *fixture,
                             gconstpointer  data)
{
  assert_access_keys_unique (fixture);
}

/* The editor is made anew under the Japanese locale, which has its own
 * labels and the same keys. */
static void
check_access_keys_in_japanese (void)
{
  Fixture fixture = { 0 };

  fixture_set_up (&fixture, NULL);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fixture.budget)), ==,
                   "事業費(_B)");
  assert_access_keys_unique (&fixture);
  fixture_tear_down (&fixture, NULL);
}

static void
test_access_keys_are_unique_in_japanese (void)
{
  kk_test_run_in_locale ("ja_JP.UTF-8", check_access_keys_in_japanese);
}

/* The message is two sentences in Japanese too, each ending with 。 */
static void
check_refusal_in_japanese (void)
{
  Fixture fixture = { 0 };

  fixture_set_up (&fixture, NULL);
  type_into (fixture.budget, "12a");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (fixture.budget_error)), ==,
                   "「12a」は千円単位の整数ではありません。計画は変更せず、319,750 のままです。");
  type_into (fixture.name, "");
  kk_test_press_enter (fixture.name);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (kk_test_find_named (GTK_WIDGET (fixture.editor),
                                                                      "program-error"))), ==,
                   "事業名は空欄にできません。計画は変更せず、生産性向上・業態転換支援補助金事業 のままです。");
  fixture_tear_down (&fixture, NULL);
}

static void
test_refusal_in_japanese (void)
{
  kk_test_run_in_locale ("ja_JP.UTF-8", check_refusal_in_japanese);
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
  adw_init ();
  kk_test_bind_translations ();

  add_test ("/editor/invalid-budget-changes-nothing", test_invalid_budget_changes_nothing);
  add_test ("/editor/huge-budget-is-refused", test_huge_budget_is_refused);
  add_test ("/editor/enter-applies-once", test_enter_applies_once);
  add_test ("/editor/leaving-applies", test_leaving_applies);
  add_test ("/editor/escape-restores", test_escape_restores);
  add_test ("/editor/every-field-applies-whole-values", test_every_field_applies_whole_values);
  add_test ("/editor/undo-and-redo-refresh-the-fields", test_undo_and_redo_refresh_the_fields);
  add_test ("/editor/review-state-is-one-step", test_review_state_is_one_step);
  add_test ("/editor/every-choice-is-one-step", test_every_choice_is_one_step);
  add_test ("/editor/last-funding-is-kept", test_last_funding_is_kept);
  add_test ("/editor/blank-name-and-taken-number", test_blank_name_and_taken_number_are_refused);
  add_test ("/editor/text-is-one-step", test_text_is_one_step);
  add_test ("/editor/a11y/entry-rows-say-their-label", test_entry_rows_say_their_label);
  add_test ("/editor/a11y/texts-say-their-heading", test_texts_say_their_heading);
  add_test ("/editor/a11y/every-control-has-a-name", test_every_control_has_a_name);
  add_test ("/editor/access-keys/unique", test_access_keys_are_unique);
  g_test_add_func ("/editor/access-keys/unique-in-japanese", test_access_keys_are_unique_in_japanese);
  g_test_add_func ("/editor/invalid-budget-in-japanese", test_refusal_in_japanese);

  return g_test_run ();
}
