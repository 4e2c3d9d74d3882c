/* bench-report.c: how fast the reports are made
 *
 * Each figure is the median of several runs of what the export does: build
 * the report from the plan, lay it out on A4 and write every page to PDF
 * in memory, fonts embedded. The first run, which loads the fonts once per
 * process, is left out. Targets: the division summaries of the embedded
 * plan in under 300 ms, of a 1,000-program plan in under 5 s.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KkPlan) embedded = kk_plan_load_default ();
  g_autoptr(KkPlan) large = kk_synthetic_plan_new (1000, 1);

  bench_report ("embedded", embedded, KK_REPORT_KIND_DIVISIONS, 21, 300);
  bench_report ("embedded", embedded, KK_REPORT_KIND_BOOK, 11, 0);
  bench_report ("embedded", embedded, KK_REPORT_KIND_BUDGET, 21, 0);
  bench_report ("1000 programs", large, KK_REPORT_KIND_DIVISIONS, 5, 5000);
  bench_report ("1000 programs", large, KK_REPORT_KIND_BOOK, 3, 0);
  return EXIT_SUCCESS;
}
