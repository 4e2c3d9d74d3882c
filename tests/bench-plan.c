/* bench-plan.c: how fast a large plan loads, saves and adds up
 *
 *   bench-plan N   measures a synthetic plan of N programs
 *
 * Loading is measured as a clerk meets it, in a fresh process that opens
 * the file, so that its time and peak memory are not those of a process
 * that has built and freed the same plan before. Python's json.load of the
 * same file is timed in turn with it, run for run, so that a busy machine
 * slows both alike: the ratio is the target (at most 1). Every figure is
 * the median of several runs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "kk-division.h"
#include "kk-kpi.h"
#include "kk-pillar.h"
#include "kk-plan-file.h"
#include "kk-sheet.h"
#include "kk-synthetic-plan.h"
#include "kk-totals.h"

#define RUNS 5

typedef void (*BenchFunc) (gpointer data);

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The median time of @func in milliseconds. */
static double
measure (BenchFunc func,
         gpointer  data)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      func (data);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
    }
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

/* bench-plan --load FILE: the child that opens the file and says how long
 * it took and its peak of memory, the text of the file with the rest. */
static int
load_once (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(KkPlan) plan = kk_plan_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_print ("%f %f\n", (g_get_monotonic_time () - start) / 1000.0, peak_rss_mib ());
  return 0;
}

/* The figure a child prints of itself, without the cost of starting it;
 * @second (optional): the figure after it. */
static double
run_child (const char * const *argv,
           double             *second)
{
  char *end;
  g_autofree char *output = NULL;
  g_autoptr(GError) error = NULL;
  double first;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &output, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  first = g_ascii_strtod (output, &end);
  if (second != NULL)
    *second = g_ascii_strtod (end, NULL);
  return first;
}

static double
median (double *times)
{
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

/* The medians of opening the file here and of json.load in Python, in
 * milliseconds (*python is 0 without python3), and the largest peak of
 * memory of opening it here, in MiB. */
static double
measure_load (const char *self,
              GFile      *file,
              double     *python,
              double     *peak)
{
  const char *path = g_file_peek_path (file);
  const char *ours[] = { self, "--load", path, NULL };
  const char *theirs[] = {
    "python3", "-c",
    "import json, sys, time\n"
    "start = time.perf_counter()\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    json.load(f)\n"
    "print((time.perf_counter() - start) * 1000)\n",
    path, NULL
  };
  g_autofree char *python3 = g_find_program_in_path ("python3");
  double times[RUNS];
  double python_times[RUNS] = { 0 };

  *peak = 0;
  for (guint i = 0; i < RUNS; i++)
    {
      double child_peak;

      times[i] = run_child (ours, &child_peak);
      *peak = MAX (*peak, child_peak);
      if (python3 != NULL)
        python_times[i] = run_child (theirs, NULL);
    }
  *python = median (python_times);
  return median (times);
}

typedef struct
{
  KkPlan *plan;
  GFile *file;
} SaveData;

static void
bench_save (gpointer data)
{
  SaveData *save = data;
  g_autoptr(GError) error = NULL;

  kk_plan_save_file (save->plan, save->file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
bench_to_bytes (gpointer data)
{
  g_autoptr(GBytes) bytes = kk_plan_to_bytes (data);
}

static void
add_achievements (KkSheet  *sheet,
                  double   *sum)
{
  GListModel *kpis = kk_sheet_get_kpis (sheet);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);
      double achievement;

      if (kk_kpi_get_achievement (kpi, 2023, &achievement))
        *sum += achievement;
    }
}

/* Everything the window, the charts and the reports add up. */
static void
bench_aggregate (gpointer data)
{
  KkPlan *plan = data;
  GListModel *pillars = kk_plan_get_pillars (plan);
  GListModel *divisions = kk_plan_get_divisions (plan);
  GListModel *sheets = kk_plan_get_sheets (plan);
  g_auto(GStrv) labels = kk_plan_dup_funding_labels (plan);
  gint64 sum = kk_totals_for_plan (plan).budget;
  double achievements = 0;

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(KkPillar) pillar = g_list_model_get_item (pillars, i);

      sum += kk_totals_for_pillar (plan, pillar).budget;
    }
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);

      sum += kk_totals_for_division (plan, division).budget;
    }
  for (guint i = 0; labels[i] != NULL; i++)
    sum += kk_totals_for_funding (plan, labels[i]).budget;
  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);

      add_achievements (sheet, &achievements);
    }
  g_assert_cmpint (sum, >, 0);
}

/* The plan is written once and let go: what is measured is what a clerk's
 * machine does with a file of that size. */
static GFile *
write_synthetic_plan (guint        n_programs,
                      const char  *dir,
                      gsize       *size)
{
  g_autoptr(KkPlan) synthetic = kk_synthetic_plan_new (n_programs, 2024);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  kk_plan_save_file (synthetic, file, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);
  *size = g_file_info_get_size (info);
  return file;
}

int
main (int   argc,
      char *argv[])
{
  guint n_programs;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("keikaku-bench-XXXXXX", &error);
  g_autofree char *backup = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KkPlan) plan = NULL;
  SaveData save;
  gsize size;
  double load, python, peak, save_ms, to_bytes, aggregate;

  if (argc == 3 && g_str_equal (argv[1], "--load"))
    return load_once (argv[2]);
  n_programs = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 1000;

  g_assert_no_error (error);
  file = write_synthetic_plan (n_programs, dir, &size);
  load = measure_load (argv[0], file, &python, &peak);

  plan = kk_plan_load_file (file, NULL, &error);
  g_assert_no_error (error);
  save = (SaveData) { plan, file };
  save_ms = measure (bench_save, &save);
  to_bytes = measure (bench_to_bytes, plan);
  aggregate = measure (bench_aggregate, plan);

  g_print ("| programs | file | open and validate | Python json.load | ratio "
           "| peak memory opening | peak / file | save | write to memory | aggregate |\n");
  g_print ("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
  g_print ("| %u | %.1f MB | %.0f ms | %.0f ms | %.2f | %.0f MB | %.2f | %.0f ms | %.0f ms | %.1f ms |\n",
           n_programs, size / 1e6, load, python, python > 0 ? load / python : 0, peak,
           peak * 1024 * 1024 / size, save_ms, to_bytes, aggregate);

  backup = g_strconcat (g_file_peek_path (file), "~", NULL);
  g_unlink (g_file_peek_path (file));
  g_unlink (backup);
  g_rmdir (dir);
  return 0;
}
