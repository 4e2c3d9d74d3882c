/* bench-report.c: how fast the reports are made
 *
 * Each figure is the median of several runs of what the export does: build
 * the report from the plan, lay it out on A4 and write every page to PDF
 * in memory, fonts embedded. The first run, which loads the fonts once per
 * process, is left out. Targets: the division summaries of the embedded
 * plan in under 300 ms, of a 1,000-program plan in under 5 s.
 *
 * Then whole processes, as a clerk or a script runs them: keikaku
 * --export-pdf of each report of the embedded plan (time and peak memory),
 * against LibreOffice converting the programs table from CSV to PDF, the
 * nearest thing an office suite does. Target: keikaku's division summaries
 * in at most 0.1 times LibreOffice's time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "kk-plan-file.h"
#include "kk-report.h"
#include "kk-synthetic-plan.h"

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
export_ms (KkPlan       *plan,
           KkReportKind  kind,
           guint        *n_pages,
           gsize        *size)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr(KkReport) report = kk_report_new (plan, kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = kk_report_render_pdf (report, KK_REPORT_A4_WIDTH, KK_REPORT_A4_HEIGHT,
                                                NULL, &error);
  double elapsed = (g_get_monotonic_time () - start) / 1000.0;

  g_assert_no_error (error);
  *n_pages = kk_report_get_n_pages (report, KK_REPORT_A4_WIDTH, KK_REPORT_A4_HEIGHT);
  *size = g_bytes_get_size (pdf);
  return elapsed;
}

static void
bench_report (const char   *plan_name,
              KkPlan       *plan,
              KkReportKind  kind,
              guint         runs,
              double        target_ms)
{
  g_autoptr(GEnumClass) kinds = g_type_class_ref (KK_TYPE_REPORT_KIND);
  double *times = g_new (double, runs);
  guint n_pages;
  gsize size;

  export_ms (plan, kind, &n_pages, &size);
  for (guint i = 0; i < runs; i++)
    times[i] = export_ms (plan, kind, &n_pages, &size);
  qsort (times, runs, sizeof (double), compare_doubles);
  g_print ("%-15s %-10s %4u pages %6zu kB %8.1f ms", plan_name,
           g_enum_get_value (kinds, kind)->value_nick, n_pages, size / 1024, times[runs / 2]);
  if (target_ms > 0)
    g_print (" (target < %.0f ms)", target_ms);
  g_print ("\n");
  g_free (times);
}

/* A process that was run: how long it took, its peak of memory and the
 * size of the file it wrote. */
typedef struct
{
  double ms;
  long max_rss_kb;
  goffset size;
} Run;

static Run
run_process (const char * const *argv,
             const char         *output)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GStatBuf buf;
  int status;
  GPid pid;
  gint64 start = g_get_monotonic_time ();
  Run run;

  g_spawn_async (NULL, (char **)argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  run.ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  run.max_rss_kb = usage.ru_maxrss;
  g_assert_cmpint (g_stat (output, &buf), ==, 0);
  run.size = buf.st_size;
  return run;
}

static int
compare_runs (gconstpointer a,
              gconstpointer b)
{
  return compare_doubles (&((const Run *)a)->ms, &((const Run *)b)->ms);
}

/* The median run of @n_runs, after one left out that fills the caches. */
static Run
median_run (const char * const *argv,
            const char         *output,
            guint               n_runs)
{
  g_autofree Run *runs = g_new (Run, n_runs);

  run_process (argv, output);
  for (guint i = 0; i < n_runs; i++)
    runs[i] = run_process (argv, output);
  qsort (runs, n_runs, sizeof (Run), compare_runs);
  return runs[n_runs / 2];
}

static Run
bench_export_process (const char *keikaku,
                      const char *folder,
                      const char *report)
{
  g_autofree char *output = g_build_filename (folder, "report.pdf", NULL);
  g_autofree char *export = g_strconcat ("--export-pdf=", output, NULL);
  g_autofree char *kind = g_strconcat ("--report=", report, NULL);
  const char *argv[] = { keikaku, export, kind, NULL };
  Run run = median_run (argv, output, 7);

  g_print ("keikaku --export-pdf %-10s %7.1f ms %6.1f MB %6.1f kB\n", report, run.ms,
           run.max_rss_kb / 1024.0, run.size / 1024.0);
  return run;
}

/* LibreOffice in a profile of its own, which the run left out creates. */
static gboolean
bench_libreoffice (const char *keikaku,
                   const char *folder,
                   Run        *run)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *csv = g_build_filename (folder, "programs.csv", NULL);
  g_autofree char *pdf = g_build_filename (folder, "programs.pdf", NULL);
  g_autofree char *export = g_strconcat ("--export-csv=", csv, NULL);
  g_autofree char *profile = g_build_filename (folder, "profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *installation = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  const char *export_argv[] = { keikaku, export, NULL };
  const char *argv[] = {
    soffice, installation, "--headless", "--convert-to", "pdf", "--infilter=CSV:44,34,76",
    "--outdir", folder, csv, NULL,
  };

  if (soffice == NULL)
    {
      g_print ("soffice not found: install libreoffice-calc-nogui to compare with LibreOffice\n");
      return FALSE;
    }
  run_process (export_argv, csv);
  *run = median_run (argv, pdf, 5);
  g_print ("soffice --convert-to pdf programs.csv %7.1f ms %16.1f kB\n", run->ms, run->size / 1024.0);
  return TRUE;
}

static void
bench_processes (void)
{
  const char *keikaku = g_getenv ("KEIKAKU");
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("bench-report-XXXXXX", &error);
  const char *remove_argv[] = { "rm", "-rf", folder, NULL };
  Run divisions;
  Run libreoffice;

  g_assert_no_error (error);
  g_assert_nonnull (keikaku);
  divisions = bench_export_process (keikaku, folder, "divisions");
  bench_export_process (keikaku, folder, "book");
  bench_export_process (keikaku, folder, "budget");
  if (bench_libreoffice (keikaku, folder, &libreoffice))
    g_print ("division summaries / LibreOffice: %.3f (target <= 0.1)\n",
             divisions.ms / libreoffice.ms);
  /* LibreOffice's profile is a tree of folders. */
  g_assert_true (g_spawn_sync (NULL, (char **)remove_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KkPlan) embedded = NULL;
  g_autoptr(KkPlan) large = NULL;

  /* First, while this process is small: a child's peak of memory counts
   * what it was forked from. */
  bench_processes ();
  embedded = kk_plan_load_default ();
  large = kk_synthetic_plan_new (1000, 1);
  bench_report ("embedded", embedded, KK_REPORT_KIND_DIVISIONS, 21, 300);
  bench_report ("embedded", embedded, KK_REPORT_KIND_BOOK, 11, 0);
  bench_report ("embedded", embedded, KK_REPORT_KIND_BUDGET, 21, 0);
  bench_report ("1000 programs", large, KK_REPORT_KIND_DIVISIONS, 5, 5000);
  bench_report ("1000 programs", large, KK_REPORT_KIND_BOOK, 3, 0);
  return EXIT_SUCCESS;
}
