/* bench-window.c: how fast the window opens and follows a search
 *
 *   bench-window           prints the figures as a Markdown table
 *   bench-window --first bare|floor|keikaku
 *                          the child that opens one first window and says
 *                          how long it took from the start of main()
 *
 * A first window is measured in fresh processes, because what a clerk waits
 * for at start is mostly GTK's own start-up: a bare libadwaita window, the
 * floor (the same 25 programs in the toolkit's own GtkColumnView, nine
 * columns of labels and nothing else) and Keikaku's on the embedded plan. The large-plan figures are measured in
 * this process on a synthetic plan of 10,000 programs. Times run until the
 * frame that shows the result has been painted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "kk-application.h"
#include "kk-division.h"
#include "kk-format.h"
#include "kk-pillar.h"
#include "kk-plan-file.h"
#include "kk-program.h"
#include "kk-synthetic-plan.h"
#include "kk-test-ui.h"
#include "kk-window.h"

#define RUNS 5
#define LARGE_PLAN 10000

static gint64 main_start;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* ------------------------------------------------------------------------ */
/* Waiting for a painted frame                                              */

static void
painted (GdkFrameClock *clock,
         gboolean      *done)
{
  *done = TRUE;
}

static void
wait_for_paint (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean done = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted), &done);

  gtk_widget_queue_draw (widget);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static void
wait_for_first_paint (GtkWindow *window)
{
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_paint (GTK_WIDGET (window));
}

static GtkApplication *
register_application (GType       type,
                      const char *id)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *application = g_object_new (type,
                                               "application-id", id,
                                               "flags", G_APPLICATION_NON_UNIQUE,
                                               NULL);

  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);
  return application;
}

/* ------------------------------------------------------------------------ */
/* The first window, in a child process                                     */

static GtkWindow *
bare_window_new (GtkApplication *application)
{
  GtkWidget *window = adw_application_window_new (application);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), gtk_label_new ("令和6年度 事業計画書"));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  return GTK_WINDOW (window);
}

/* The floor: what GTK itself costs to show these rows, set as plainly as
 * the toolkit allows. */
typedef char *(*FloorText) (KkProgram *program);

static char *
floor_number (KkProgram *program)
{
  return g_strdup_printf ("%u", kk_program_get_number (program));
}

static char *
floor_name (KkProgram *program)
{
  return g_strdup (kk_program_get_name (program));
}

static char *
floor_pillar (KkProgram *program)
{
  return g_strdup (kk_pillar_get_name (kk_program_get_pillar (program)));
}

static char *
floor_funding (KkProgram *program)
{
  return kk_program_dup_funding_label (program, "・");
}

static char *
floor_budget (KkProgram *program)
{
  return kk_format_thousand_yen (kk_program_get_budget (program));
}

static char *
floor_previous_budget (KkProgram *program)
{
  return kk_format_thousand_yen (kk_program_get_previous_budget (program));
}

static char *
floor_difference (KkProgram *program)
{
  return kk_format_thousand_yen (kk_program_get_difference (program));
}

static char *
floor_status (KkProgram *program)
{
  return g_strdup (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW ? "新規" : "継続");
}

static char *
floor_division (KkProgram *program)
{
  return g_strdup (kk_division_get_name (kk_program_get_lead_division (program)));
}

static void
floor_setup (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  gtk_list_item_set_child (item, gtk_label_new (NULL));
}

static void
floor_bind (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            FloorText                 text)
{
  g_autofree char *label = text (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), label);
}

static GtkWidget *
floor_column_view_new (KkPlan *plan)
{
  static const struct { const char *title; FloorText text; } columns[] = {
    { "番号", floor_number }, { "事業名", floor_name }, { "柱", floor_pillar },
    { "財源", floor_funding }, { "予算額", floor_budget }, { "前年度", floor_previous_budget },
    { "増減", floor_difference }, { "区分", floor_status }, { "担当課", floor_division },
  };
  GListModel *programs = g_object_ref (kk_plan_get_programs (plan));
  GtkWidget *view = gtk_column_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (programs)));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (floor_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (floor_bind), columns[i].text);
      column = gtk_column_view_column_new (columns[i].title, factory);
      gtk_column_view_column_set_expand (column, columns[i].text == floor_name);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  return view;
}

static GtkWindow *
floor_window_new (GtkApplication *application,
                  KkPlan         *plan)
{
  GtkWindow *window = bare_window_new (application);
  GtkWidget *box = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), floor_column_view_new (plan));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  return window;
}

static int
first_window (const char *kind)
{
  g_autoptr(GtkApplication) application = NULL;
  g_autoptr(KkPlan) plan = NULL;
  GtkWindow *window;

  if (g_str_equal (kind, "bare"))
    {
      adw_init ();
      application = register_application (ADW_TYPE_APPLICATION, "io.github.keikaku.BenchBare");
      window = bare_window_new (application);
    }
  else if (g_str_equal (kind, "floor"))
    {
      adw_init ();
      application = register_application (ADW_TYPE_APPLICATION, "io.github.keikaku.BenchFloor");
      plan = kk_plan_load_default ();
      window = floor_window_new (application, plan);
    }
  else
    {
      application = register_application (KK_TYPE_APPLICATION, "io.github.keikaku.BenchKeikaku");
      plan = kk_plan_load_default ();
      window = GTK_WINDOW (kk_window_new (KK_APPLICATION (application), plan, NULL));
    }
  wait_for_first_paint (window);
  g_print ("%f\n", ms_since (main_start));
  return 0;
}

static double
measure_first_window (const char *self,
                      const char *kind)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      const char *argv[] = { self, "--first", kind, NULL };
      g_autofree char *output = NULL;
      g_autoptr(GError) error = NULL;
      int status;

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                    &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      times[i] = g_ascii_strtod (output, NULL);
    }
  return median (times, RUNS);
}

/* ------------------------------------------------------------------------ */
/* A large plan                                                             */

static GFile *
write_large_plan (const char *dir)
{
  g_autoptr(KkPlan) plan = kk_synthetic_plan_new (LARGE_PLAN, 2024);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  kk_plan_save_file (plan, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static void
search_changed (GtkSearchEntry *entry,
                gboolean       *changed)
{
  *changed = TRUE;
}

/* The frame clock starts a frame no sooner than a refresh interval after
 * the last one began (min_next_frame_time, gdk/gdkframeclockidle.c): a key
 * typed before then would wait for that turn. */
static gboolean
frame_clock_ready (gpointer widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  GdkFrameTimings *last = gdk_frame_clock_get_current_timings (clock);
  gint64 interval;
  gint64 presentation;

  if (last == NULL)
    return TRUE;
  gdk_frame_clock_get_refresh_info (clock, 0, &interval, &presentation);
  return g_get_monotonic_time () >= gdk_frame_timings_get_frame_time (last) + interval;
}

/* Types into @editable the way a clerk does: what was added at the end, or
 * back-spaced over, or, for anything else, the whole text anew. */
static void
type_text (GtkEditable *editable,
           const char  *text)
{
  const char *current = gtk_editable_get_text (editable);
  int position = g_utf8_strlen (current, -1);

  if (g_str_has_prefix (text, current) && *current != '\0')
    gtk_editable_insert_text (editable, text + strlen (current), -1, &position);
  else if (g_str_has_prefix (current, text) && *text != '\0')
    gtk_editable_delete_text (editable, g_utf8_strlen (text, -1), -1);
  else
    gtk_editable_set_text (editable, text);
}

/* From a key typed to the frame that shows the rows it leaves. Keys come as
 * a fast typist's would, a frame or more apart: the time is the window's
 * own work, not a wait for the frame clock's next turn. */
static double
measure_search (KkWindow *window)
{
  static const char * const typed[] = {
    "事", "事業", "事業承", "事業承継", "事業承継支", "事業承継支援", "事業承継", "事業", "",
    "相", "相談", "相談件数", "", "経", "経営", "経営革新", "",
  };
  GtkWidget *search = kk_test_find_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  GtkSearchEntry *entry = GTK_SEARCH_ENTRY (search);
  double times[G_N_ELEMENTS (typed)];
  gboolean changed = FALSE;

  gtk_search_entry_set_search_delay (entry, 0);
  g_signal_connect (entry, "search-changed", G_CALLBACK (search_changed), &changed);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gint64 start;

      kk_test_wait_until (frame_clock_ready, window);
      start = g_get_monotonic_time ();
      changed = FALSE;
      type_text (GTK_EDITABLE (entry), typed[i]);
      while (!changed)
        g_main_context_iteration (NULL, TRUE);
      wait_for_paint (GTK_WIDGET (window));
      times[i] = ms_since (start);
    }
  return median (times, G_N_ELEMENTS (typed));
}

static int
measure_all (const char *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("keikaku-bench-XXXXXX", &error);
  g_autofree char *backup = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GtkApplication) application = NULL;
  g_autoptr(KkPlan) plan = NULL;
  double bare, floor, keikaku, load, open, search;
  gint64 start;
  KkWindow *window;

  g_assert_no_error (error);
  bare = measure_first_window (self, "bare");
  floor = measure_first_window (self, "floor");
  keikaku = measure_first_window (self, "keikaku");

  file = write_large_plan (dir);
  application = register_application (KK_TYPE_APPLICATION, "io.github.keikaku.BenchLarge");
  start = g_get_monotonic_time ();
  plan = kk_plan_load_file (file, NULL, &error);
  g_assert_no_error (error);
  load = ms_since (start);
  window = kk_window_new (KK_APPLICATION (application), plan, file);
  wait_for_first_paint (GTK_WINDOW (window));
  open = ms_since (start);
  search = measure_search (window);
  gtk_window_destroy (GTK_WINDOW (window));

  g_print ("| measure | time |\n| --- | ---: |\n");
  g_print ("| first window, bare libadwaita window with a header bar and a label | %.0f ms |\n", bare);
  g_print ("| first window, the floor: the 25 programs in a plain GtkColumnView | %.0f ms |\n",
           floor);
  g_print ("| first window, Keikaku on the embedded plan | %.0f ms (%.2f× the floor) |\n",
           keikaku, keikaku / floor);
  g_print ("| %u programs: open the file and show the window | %.0f ms (of which reading %.0f ms) |\n",
           LARGE_PLAN, open, load);
  g_print ("| %u programs: a key typed into the search until the rows are drawn, median | %.1f ms |\n",
           LARGE_PLAN, search);

  backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_unlink (g_file_peek_path (file));
  g_unlink (backup);
  g_rmdir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  main_start = g_get_monotonic_time ();
  gtk_init ();

  if (argc == 3 && g_str_equal (argv[1], "--first"))
    return first_window (argv[2]);
  return measure_all (argv[0]);
}
