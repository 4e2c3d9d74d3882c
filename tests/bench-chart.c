/* bench-chart.c: how fast the charts draw
 *
 * Two figures per chart, each the median of many runs on an image surface:
 * "after an edit", when the figures and the layout are worked out again and
 * drawn, and "redraw", when only the painting is repeated, as when the
 * pointer moves over the chart. Targets: any chart of the embedded plan in
 * under 4 ms, the programs chart of a 1,000-program plan in under 16 ms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include "kk-chart.h"
#include "kk-plan-file.h"
#include "kk-sheet.h"
#include "kk-synthetic-plan.h"

#define RUNS 201
#define WIDTH 960

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *times)
{
  qsort (times, RUNS, sizeof (double), compare_doubles);
  return times[RUNS / 2];
}

static double
draw_ms (KkChart *chart,
         cairo_t *cr,
         int      height)
{
  gint64 start = g_get_monotonic_time ();

  kk_chart_draw (chart, cr, WIDTH, height);
  cairo_surface_flush (cairo_get_target (cr));
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Setting a property stales the figures as an edit of the plan does,
 * without growing the plan's undo history over the runs. */
static void
stale (KkChart *chart,
       guint    run)
{
  kk_chart_set_max_bars (chart, run % 2 ? 30 : 31);
}

/* @height: 0 for the height the chart asks for */
static void
bench_chart (const char *plan_name,
             const char *chart_name,
             KkChart    *chart,
             int         height,
             double      target_ms)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double edited[RUNS];
  double redrawn[RUNS];

  if (height == 0)
    height = kk_chart_get_natural_height (chart, WIDTH);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, height);
  cr = cairo_create (surface);
  /* The first draw loads the fonts, once per process. */
  draw_ms (chart, cr, height);
  for (guint i = 0; i < RUNS; i++)
    {
      stale (chart, i);
      edited[i] = draw_ms (chart, cr, height);
      redrawn[i] = draw_ms (chart, cr, height);
    }
  g_print ("%-15s %-12s %dx%-5d after an edit %6.2f ms, redraw %6.2f ms (target < %.0f ms)\n",
           plan_name, chart_name, WIDTH, height, median (edited), median (redrawn), target_ms);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The KPI with the most figures, to chart across years. */
static KkKpi *
find_busiest_kpi (KkPlan *plan)
{
  GListModel *sheets = kk_plan_get_sheets (plan);
  KkKpi *busiest = NULL;
  guint most = 0;

  for (guint s = 0; s < g_list_model_get_n_items (sheets); s++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, s);
      GListModel *kpis = kk_sheet_get_kpis (sheet);

      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, k);
          guint n = g_list_model_get_n_items (kk_kpi_get_values (kpi));

          if (n > most)
            {
              most = n;
              g_set_object (&busiest, kpi);
            }
        }
    }
  return busiest;
}

/* Every chart of the embedded plan at the height it asks for; every chart
 * of a plan as large as the design allows for at a window's height, where
 * the achievement chart has rows too thin for labels. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(KkPlan) embedded = kk_plan_load_default ();
  g_autoptr(KkPlan) large = kk_synthetic_plan_new (1000, 1);
  g_autoptr(KkKpi) kpi = find_busiest_kpi (embedded);
  g_autoptr(GEnumClass) kinds = g_type_class_ref (KK_TYPE_CHART_KIND);

  for (guint i = 0; i < kinds->n_values; i++)
    {
      g_autoptr(KkChart) chart = kk_chart_new (embedded, kinds->values[i].value);

      kk_chart_set_kpi (chart, kpi);
      bench_chart ("embedded plan", kinds->values[i].value_nick, chart, 0, 4);
    }
  for (guint i = 0; i < kinds->n_values; i++)
    {
      g_autoptr(KkChart) chart = kk_chart_new (large, kinds->values[i].value);

      if (kinds->values[i].value != KK_CHART_KIND_KPI)
        bench_chart ("1,000 programs", kinds->values[i].value_nick, chart, 900, 16);
    }
  return EXIT_SUCCESS;
}
