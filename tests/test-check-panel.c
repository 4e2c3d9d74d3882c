/* test-check-panel.c: the check's panel follows edits and opens a finding's
 * field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kk-check-panel.h"
#include "kk-division.h"
#include "kk-funding.h"
#include "kk-pillar.h"
#include "kk-plan-file.h"
#include "kk-test-ui.h"

static KkApplication *app;

typedef struct
{
  KkWindow *window;
  KkPlan *plan;
  KkCheckPanel *panel;
  GListModel *findings;
} Fixture;

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->plan = kk_plan_load_default ();
  if (data != NULL)
    ((void (*) (KkPlan *))data) (fixture->plan);
  fixture->window = kk_window_new (app, fixture->plan, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  kk_test_wait_until (is_mapped, fixture->window);
  kk_test_run_until_idle ();
  fixture->panel = KK_CHECK_PANEL (kk_test_find_type (GTK_WIDGET (fixture->window),
                                                      KK_TYPE_CHECK_PANEL));
  /* Checked as soon as the main loop is idle: the test waits for that. */
  kk_check_panel_set_delay (fixture->panel, 0);
  fixture->findings = kk_check_panel_get_findings (fixture->panel);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  kk_test_run_until_idle ();
  g_object_unref (fixture->plan);
}

typedef struct
{
  GListModel *findings;
  guint n;
} Count;

static gboolean
has_count (gpointer data)
{
  Count *count = data;

  return g_list_model_get_n_items (count->findings) == count->n;
}

static void
wait_for_count (Fixture *fixture,
                guint    n)
{
  Count count = { fixture->findings, n };

  kk_test_wait_until (has_count, &count);
}

static gboolean
is_unmapped (gpointer widget)
{
  return !gtk_widget_get_mapped (widget);
}

static guint
position_of (GListModel *findings,
             const char *check)
{
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(KkFinding) finding = g_list_model_get_item (findings, i);

      if (g_strcmp0 (kk_finding_get_check (finding), check) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
open_panel_with (Fixture *fixture,
                 guint    n_findings)
{
  GtkWidget *list = kk_test_find_named (GTK_WIDGET (fixture->panel), "findings");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-check", NULL);
  kk_test_run_until_idle ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->panel)));
  g_assert_true (gtk_widget_has_focus (list) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), list));
  wait_for_count (fixture, n_findings);
}

static void
open_panel (Fixture *fixture)
{
  /* The embedded plan's own: program 13 sets no targets. */
  open_panel_with (fixture, 2);
}

static void
select_program (Fixture *fixture,
                guint    number)
{
  kk_program_list_set_selected_program (kk_window_get_program_list (fixture->window),
                                        kk_plan_find_program (fixture->plan, number));
  kk_test_run_until_idle ();
}

static void
activate_finding (Fixture *fixture,
                  guint    position)
{
  GtkWidget *list = kk_test_find_named (GTK_WIDGET (fixture->panel), "findings");

  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (list, "activate", position);
  kk_test_run_until_idle ();
}

static gboolean
focus_is_in (Fixture    *fixture,
             const char *name)
{
  GtkWidget *field = kk_test_find_named (GTK_WIDGET (fixture->window), name);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));

  return focus != NULL && (focus == field || gtk_widget_is_ancestor (focus, field));
}

/* Typing last year's name as the name adds a finding; choosing it opens
 * that field of that program; emptying the field removes the finding. */
static void
test_edit_adds_finding_that_opens_its_field (Fixture       *fixture,
                                             gconstpointer  data)
{
  KkProgram *program = kk_plan_find_program (fixture->plan, 4);
  GtkWidget *previous_name;

  open_panel (fixture);
  select_program (fixture, 4);
  previous_name = kk_test_find_named (GTK_WIDGET (fixture->window), "previous-name");
  gtk_editable_set_text (GTK_EDITABLE (previous_name), kk_program_get_name (program));
  kk_test_press_enter (previous_name);
  wait_for_count (fixture, 3);
  g_assert_cmpuint (position_of (fixture->findings, "previous-name-same"), ==, 0);
  g_assert_nonnull (kk_test_wait_for_label (GTK_WIDGET (fixture->panel), "【4】"));

  select_program (fixture, 1);
  g_assert_false (focus_is_in (fixture, "previous-name"));
  activate_finding (fixture, position_of (fixture->findings, "previous-name-same"));
  g_assert_true (kk_program_list_get_selected_program (kk_window_get_program_list (fixture->window))
                 == program);
  g_assert_true (focus_is_in (fixture, "previous-name"));

  gtk_editable_set_text (GTK_EDITABLE (previous_name), "");
  kk_test_press_enter (previous_name);
  wait_for_count (fixture, 2);
  g_assert_cmpuint (position_of (fixture->findings, "previous-name-same"), ==,
                    GTK_INVALID_LIST_POSITION);
}

/* A KPI without this year's target opens on the button that adds one;
 * Ctrl+K then Enter opens the first finding. */
static void
test_kpi_finding_opens_the_kpi (Fixture       *fixture,
                                gconstpointer  data)
{
  open_panel (fixture);
  kk_test_press_key (GTK_WINDOW (fixture->window), GDK_KEY_Return, 0);
  g_assert_cmpuint (kk_program_get_number (
                      kk_program_list_get_selected_program (
                        kk_window_get_program_list (fixture->window))), ==, 13);
  g_assert_true (focus_is_in (fixture, "add-figure"));
}

/* Undo is an edit too; a hidden panel catches up when shown. */
static void
test_follows_undo_and_catches_up_when_shown (Fixture       *fixture,
                                             gconstpointer  data)
{
  KkProgram *program = kk_plan_find_program (fixture->plan, 2);

  open_panel (fixture);
  kk_plan_edit (fixture->plan, program, "budget", (gint64)0);
  wait_for_count (fixture, 3);
  g_assert_cmpuint (position_of (fixture->findings, "budget-zero"), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  wait_for_count (fixture, 2);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-check", NULL);
  kk_test_wait_until (is_unmapped, fixture->panel);
  kk_plan_edit (fixture->plan, program, "budget", (gint64)0);
  kk_test_run_until_idle ();
  g_assert_cmpuint (g_list_model_get_n_items (fixture->findings), ==, 2);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-check", NULL);
  wait_for_count (fixture, 3);
}

/* Ctrl+K then Enter at once, before the panel slides in: the panel and the
 * row with the focus are neither realized nor mapped yet, and GTK drops a
 * key there (kk_test_press_key does as GTK does); Enter opens the finding
 * all the same. */
static void
test_enter_before_panel_is_drawn (Fixture       *fixture,
                                  gconstpointer  data)
{
  GtkWidget *list = kk_test_find_named (GTK_WIDGET (fixture->panel), "findings");
  KkProgram *selected;
  GtkWidget *focus;

  /* The tests turn animations off; the panel slides in only with them. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.toggle-check", NULL);
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_true (gtk_widget_get_parent (focus) == list);
  g_assert_false (gtk_widget_get_mapped (focus));
  kk_test_press_key (GTK_WINDOW (fixture->window), GDK_KEY_Return, 0);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  selected = kk_program_list_get_selected_program (kk_window_get_program_list (fixture->window));
  g_assert_nonnull (selected);
  g_assert_cmpuint (kk_program_get_number (selected), ==, 13);
  g_assert_true (focus_is_in (fixture, "add-figure"));
}

/* Whether the focused widget is whole inside its scrolled window, and its
 * KPI is open (no longer moving it). */
static gboolean
focus_is_in_view (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (window);
  GtkWidget *scrolled = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkWidget *revealer = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_REVEALER) : NULL;
  graphene_rect_t bounds;

  return scrolled != NULL && gtk_widget_get_mapped (focus) &&
         (revealer == NULL || gtk_revealer_get_child_revealed (GTK_REVEALER (revealer))) &&
         gtk_widget_compute_bounds (focus, scrolled, &bounds) && bounds.origin.y >= 0 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scrolled);
}

static GtkAdjustment *
editor_adjustment (Fixture *fixture)
{
  GtkWidget *editor = GTK_WIDGET (kk_window_get_program_editor (fixture->window));

  return gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (kk_test_find_type (editor, GTK_TYPE_SCROLLED_WINDOW)));
}

/* The last KPI of 【13】 is far below the top of its editor: opening its
 * finding scrolls it into view, also when it has the focus already. */
static void
test_finding_scrolls_its_field_into_view (Fixture       *fixture,
                                          gconstpointer  data)
{
  guint last;

  open_panel (fixture);
  last = g_list_model_get_n_items (fixture->findings) - 1;
  select_program (fixture, 13);
  g_assert_cmpfloat (gtk_adjustment_get_value (editor_adjustment (fixture)), ==, 0);
  activate_finding (fixture, last);
  g_assert_cmpstr (gtk_widget_get_name (gtk_root_get_focus (GTK_ROOT (fixture->window))), ==,
                   "add-figure");
  kk_test_wait_until (focus_is_in_view, fixture->window);
  g_assert_cmpfloat (gtk_adjustment_get_value (editor_adjustment (fixture)), >, 0);

  gtk_adjustment_set_value (editor_adjustment (fixture), 0);
  kk_test_run_until_idle ();
  g_assert_false (focus_is_in_view (fixture->window));
  activate_finding (fixture, last);
  kk_test_wait_until (focus_is_in_view, fixture->window);
}

/* A pillar, a division and a funding source that no program uses. */
static void
add_unused_choices (KkPlan *plan)
{
  g_autoptr(KkPillar) pillar = kk_pillar_new (7, "広報の充実");
  g_autoptr(KkDivision) division = kk_division_new ("広報課");
  g_autoptr(KkFunding) funding = kk_funding_new ("寄", "寄附金");

  kk_plan_add_pillar (plan, pillar);
  kk_plan_add_division (plan, division);
  kk_plan_add_funding (plan, funding);
}

/* What the drop-down that has the focus shows. */
static const char *
focused_choice (Fixture *fixture)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  GtkWidget *drop_down = gtk_widget_get_ancestor (focus, GTK_TYPE_DROP_DOWN);

  g_assert_nonnull (drop_down);
  return gtk_string_object_get_string (
    gtk_drop_down_get_selected_item (GTK_DROP_DOWN (drop_down)));
}

static gboolean
focus_is_named (Fixture    *fixture,
                const char *name)
{
  return g_strcmp0 (gtk_widget_get_name (gtk_root_get_focus (GTK_ROOT (fixture->window))),
                    name) == 0;
}

/* Nothing to open in a program: an unused division shows in the 担当課
 * view, an unused pillar or funding source as the list's filter, which
 * then shows no program. */
static void
test_unused_choice_opens_where_it_is (Fixture       *fixture,
                                      gconstpointer  data)
{
  KkProgramList *list = kk_window_get_program_list (fixture->window);
  GtkWidget *stack = kk_test_find_type (GTK_WIDGET (fixture->window), ADW_TYPE_VIEW_STACK);
  GtkWidget *focus;

  open_panel_with (fixture, 5);
  activate_finding (fixture, position_of (fixture->findings, "unused-division"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==,
                   "divisions");
  g_assert_true (focus_is_named (fixture, "division-preview"));
  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (focus), ==, "Print Preview of 広報課");
  kk_test_wait_until (focus_is_in_view, fixture->window);

  activate_finding (fixture, position_of (fixture->findings, "unused-pillar"));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (stack)), ==,
                   "programs");
  g_assert_cmpstr (focused_choice (fixture), ==, "7 広報の充実");
  g_assert_cmpuint (g_list_model_get_n_items (kk_program_list_get_programs (list)), ==, 0);

  activate_finding (fixture, position_of (fixture->findings, "unused-funding"));
  g_assert_cmpstr (focused_choice (fixture), ==, "寄附金");
  g_assert_cmpuint (g_list_model_get_n_items (kk_program_list_get_programs (list)), ==, 0);
}

/* A finding whose program the search hides says so instead of opening. */
static void
test_hidden_program_is_told (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *search = kk_test_find_type (GTK_WIDGET (kk_window_get_program_list (fixture->window)),
                                         GTK_TYPE_SEARCH_ENTRY);

  open_panel (fixture);
  kk_test_search (search, "よろず支援拠点事業");
  g_assert_cmpuint (g_list_model_get_n_items (kk_program_list_get_programs (kk_window_get_program_list (fixture->window))),
                    ==, 1);
  activate_finding (fixture, 0);
  g_assert_null (kk_program_list_get_selected_program (kk_window_get_program_list (fixture->window)));
  g_assert_nonnull (kk_test_wait_for_label (GTK_WIDGET (fixture->window), "Program 13 is hidden"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  app = kk_test_application_new ();

  g_test_add ("/check-panel/edit-adds-finding", Fixture, NULL, fixture_set_up,
              test_edit_adds_finding_that_opens_its_field, fixture_tear_down);
  g_test_add ("/check-panel/kpi-finding", Fixture, NULL, fixture_set_up,
              test_kpi_finding_opens_the_kpi, fixture_tear_down);
  g_test_add ("/check-panel/enter-before-drawn", Fixture, NULL, fixture_set_up,
              test_enter_before_panel_is_drawn, fixture_tear_down);
  g_test_add ("/check-panel/scrolls-into-view", Fixture, NULL, fixture_set_up,
              test_finding_scrolls_its_field_into_view, fixture_tear_down);
  g_test_add ("/check-panel/unused-choice", Fixture, add_unused_choices, fixture_set_up,
              test_unused_choice_opens_where_it_is, fixture_tear_down);
  g_test_add ("/check-panel/undo-and-hidden", Fixture, NULL, fixture_set_up,
              test_follows_undo_and_catches_up_when_shown, fixture_tear_down);
  g_test_add ("/check-panel/hidden-program", Fixture, NULL, fixture_set_up,
              test_hidden_program_is_told, fixture_tear_down);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
