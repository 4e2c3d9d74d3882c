/* bench-import.c: how fast a programs table of many new programs is imported
 *
 *   bench-import N   imports a programs table of N new programs into the
 *                    embedded plan of 25
 *
 * The table is the programs table of a synthetic plan, numbered from 26 on,
 * as a spreadsheet of next year's programs would bring them. Reading (the
 * preview the window shows) and applying (one step of undo) are timed
 * apart, each the median of several runs on a fresh plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-csv-import.h"
#include "kk-csv.h"
#include "kk-plan-file.h"
#include "kk-program.h"
#include "kk-synthetic-plan.h"

/* median() takes the middle of three. */
#define RUNS 3
#define EMBEDDED_PROGRAMS 25

static double
median (const double times[RUNS])
{
  return MAX (MIN (times[0], times[1]), MIN (MAX (times[0], times[1]), times[2]));
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KkPlan) source = NULL;
  g_autoptr(GBytes) table = NULL;
  GListModel *programs;
  double read_times[RUNS];
  double apply_times[RUNS];
  guint n_programs;

  n_programs = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 1000;
  source = kk_synthetic_plan_new (n_programs, 7);
  programs = kk_plan_get_programs (source);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      kk_program_set_number (program, kk_program_get_number (program) + EMBEDDED_PROGRAMS);
    }
  table = kk_csv_export (source, KK_CSV_TABLE_PROGRAMS);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(KkPlan) plan = kk_plan_load_default ();
      g_autoptr(KkCsvImport) import = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      import = kk_csv_import_new (plan, table, &error);
      g_assert_no_error (error);
      read_times[i] = elapsed_ms (start);
      g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);

      start = g_get_monotonic_time ();
      g_assert_true (kk_csv_import_apply (import, &error));
      apply_times[i] = elapsed_ms (start);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_programs (plan)), ==,
                        EMBEDDED_PROGRAMS + n_programs);
    }

  g_print ("| new programs | read and compare | apply |\n");
  g_print ("| ---: | ---: | ---: |\n");
  g_print ("| %u | %.0f ms | %.0f ms |\n", n_programs, median (read_times),
           median (apply_times));
  return 0;
}
