/* test-window.c: the window on the embedded plan, with real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "kk-application.h"
#include "kk-format.h"
#include "kk-plan-file.h"
#include "kk-totals.h"
#include "kk-window.h"

static KkApplication *app;

static void
run_until_idle (void)
{
  for (guint i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

/* The first mapped label below @widget whose text starts with @prefix. */
static GtkLabel *
find_label (GtkWidget  *widget,
            const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, prefix);

      if (label != NULL)
        return label;
    }
  return NULL;
}

static KkWindow *
open_window (KkPlan *plan)
{
  KkWindow *window = kk_window_new (app, plan, NULL);

  gtk_window_present (GTK_WINDOW (window));
  run_until_idle ();
  return window;
}

static void
test_lists_every_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(KkProgram) first = g_list_model_get_item (programs, 0);
  GtkLabel *label;

  g_assert_cmpuint (g_list_model_get_n_items (programs), >, 0);
  label = find_label (GTK_WIDGET (window), kk_program_get_name (first));
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, kk_program_get_name (first));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, kk_plan_get_title (plan));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_shows_totals (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkTotals totals = kk_totals_for_plan (plan);
  g_autofree char *budget = kk_format_thousand_yen (totals.budget);
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("%u programs · budget %s · ", totals.n_programs, budget);
  g_assert_nonnull (find_label (GTK_WIDGET (window), expected));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);

  app = g_object_new (KK_TYPE_APPLICATION,
                      "application-id", "io.github.keikaku.Keikaku.Test",
                      "flags", G_APPLICATION_NON_UNIQUE,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/lists-every-program", test_lists_every_program);
  g_test_add_func ("/window/shows-totals", test_shows_totals);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
