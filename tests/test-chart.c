/* test-chart.c: charts drawn on image surfaces, checked as a clerk would
 * read them: bars as long as their figures, labels readable and inside,
 * colours by pillar, the bar under the pointer, and the edge cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "kk-chart-private.h"
#include "kk-chart-style.h"
#include "kk-format.h"
#include "kk-kpi.h"
#include "kk-plan-file.h"
#include "kk-sheet.h"
#include "kk-test-locale.h"
#include "kk-totals.h"

#define WIDTH 960
#define HEIGHT 720

/* Every chart that draws a whole plan, as the command line names them. */
static const KkChartKind plan_kinds[] = {
  KK_CHART_KIND_PROGRAMS,
  KK_CHART_KIND_PILLARS,
  KK_CHART_KIND_DIVISIONS,
  KK_CHART_KIND_FUNDING,
  KK_CHART_KIND_CHANGE,
  KK_CHART_KIND_ACHIEVEMENT,
};

/* Sizes a chart is shown at: 0 is the height the chart asks for. */
static const struct
{
  int width;
  int height;
} sizes[] = {
  { 960, 0 },
  { 960, 540 },
  { 1600, 900 },
  { 420, 700 },
  { 320, 240 },
};

/* A program of a plan built in memory; previous -1 is a new program. */
typedef struct
{
  gint64 budget;
  gint64 previous;
  guint pillar;
} ProgramSpec;

static KkPlan *
load_small_plan (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KkPlan *plan = kk_plan_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static KkSheet *
plan_add_program (KkPlan            *plan,
                  guint              number,
                  const ProgramSpec *spec)
{
  g_autofree char *name = g_strdup_printf ("テスト事業%u", number);
  g_autoptr(KkProgram) program = kk_program_new (number, name);
  g_autoptr(KkSheet) sheet = kk_sheet_new ();
  g_autoptr(GPtrArray) funding = g_ptr_array_new ();

  g_ptr_array_add (funding, kk_plan_find_funding (plan, "県"));
  kk_program_set_pillar (program, kk_plan_find_pillar (plan, spec->pillar));
  kk_program_set_funding (program, funding);
  kk_program_set_lead_division (program, kk_plan_find_division (plan, "経営支援課"));
  kk_program_set_budget (program, spec->budget);
  kk_program_set_status (program, spec->previous < 0 ? KK_PROGRAM_STATUS_NEW
                                                     : KK_PROGRAM_STATUS_CONTINUING);
  kk_program_set_previous_budget (program, MAX (spec->previous, 0));
  kk_plan_add_program (plan, program);
  kk_sheet_add_program (sheet, program);
  kk_plan_add_sheet (plan, sheet);
  return sheet;
}

/* A plan of two pillars and one division whose programs are @specs. */
static KkPlan *
plan_new (const ProgramSpec *specs,
          guint              n_specs)
{
  KkPlan *plan = kk_plan_new ();
  g_autoptr(KkPillar) first = kk_pillar_new (1, "経営基盤の強化");
  g_autoptr(KkPillar) second = kk_pillar_new (2, "販路拡大・販路開拓");
  g_autoptr(KkDivision) division = kk_division_new ("経営支援課");
  g_autoptr(KkFunding) funding = kk_funding_new ("県", "県費");

  kk_plan_set_title (plan, "令和6年度 事業計画書");
  kk_plan_add_pillar (plan, first);
  kk_plan_add_pillar (plan, second);
  kk_plan_add_division (plan, division);
  kk_plan_add_funding (plan, funding);
  for (guint i = 0; i < n_specs; i++)
    plan_add_program (plan, i + 1, &specs[i]);
  return plan;
}

/* An increase, a new program and a decrease. */
static const ProgramSpec increase_new_decrease[] = {
  { 1000, 800, 1 },
  { 500, -1, 2 },
  { 300, 400, 1 },
};
#define N_INCREASE_NEW_DECREASE G_N_ELEMENTS (increase_new_decrease)

static KkKpi *
kpi_new (const char   *name,
         KkComparator  comparator)
{
  KkKpi *kpi = kk_kpi_new (name, "件");

  kk_kpi_set_comparator (kpi, comparator);
  return kpi;
}

static void
kpi_add_value (KkKpi      *kpi,
               int         fiscal_year,
               KkKpiKind   kind,
               double      value)
{
  g_autoptr(KkKpiValue) figure = kk_kpi_value_new (fiscal_year, kind);

  kk_kpi_value_set_value (figure, value);
  kk_kpi_append_value (kpi, figure);
}

static void
kpi_add_words (KkKpi     *kpi,
               int        fiscal_year,
               KkKpiKind  kind,
               const char *note)
{
  g_autoptr(KkKpiValue) figure = kk_kpi_value_new (fiscal_year, kind);

  kk_kpi_value_set_note (figure, note);
  kk_kpi_append_value (kpi, figure);
}

static int
natural_height (KkChart *chart,
                int      width,
                int      height)
{
  return height > 0 ? height : kk_chart_get_natural_height (chart, width);
}

static cairo_surface_t *
draw_chart (KkChart *chart,
            int      width,
            int      height,
            double   scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int)(width * scale),
                                                         (int)(height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  kk_chart_draw (chart, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The colour at a point of the chart, 0xRRGGBB. */
static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  double scale_x;
  double scale_y;
  const guchar *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_get_device_scale (surface, &scale_x, &scale_y);
  return ((const guint32 *)(data + (int)(y * scale_y) * stride))[(int)(x * scale_x)] & 0xffffff;
}

static guint32
color_rgb (KkChartColor color,
           gboolean     dark)
{
  const KkChartRgb *rgb = kk_chart_color_get_rgb (color, dark);

  return (guint32)round (rgb->red * 255) << 16 | (guint32)round (rgb->green * 255) << 8
         | (guint32)round (rgb->blue * 255);
}

static void
assert_same_color (guint32 actual,
                   guint32 expected)
{
  for (int shift = 0; shift <= 16; shift += 8)
    g_assert_cmpint (ABS ((int)((actual >> shift) & 0xff) - (int)((expected >> shift) & 0xff)),
                     <=, 1);
}

static cairo_rectangle_t
item_rect (KkChart *chart,
           int      width,
           int      height,
           guint    position)
{
  cairo_rectangle_t rect;

  g_assert_true (kk_chart_get_item_rect (chart, width, height, position, &rect));
  return rect;
}

static guint
list_position (GListModel *list,
               gpointer    item)
{
  guint position;

  g_assert_true (g_list_store_find (G_LIST_STORE (list), item, &position));
  return position;
}

static gboolean
rect_is_finite (const cairo_rectangle_t *rect)
{
  return isfinite (rect->x) && isfinite (rect->y) && isfinite (rect->width)
         && isfinite (rect->height) && rect->width >= 0 && rect->height >= 0;
}

static double
overlap (const cairo_rectangle_t *a,
         const cairo_rectangle_t *b)
{
  double width = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double height = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return MAX (width, 0) * MAX (height, 0);
}

/* Every text inside the chart and clear of every other; every figure of
 * the layout a number. */
static void
assert_layout_sound (KkChart *chart,
                     int      width,
                     int      height)
{
  KkChartLayout *layout = kk_chart_get_layout (chart, width, height);

  g_assert_cmpint (layout->height, ==, height);
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const KkChartText *text = &g_array_index (layout->texts, KkChartText, i);
      const cairo_rectangle_t *extents = &text->extents;

      g_assert_true (rect_is_finite (extents));
      g_assert_cmpfloat (extents->x, >=, -0.5);
      g_assert_cmpfloat (extents->y, >=, -0.5);
      g_assert_cmpfloat (extents->x + extents->width, <=, width + 0.5);
      g_assert_cmpfloat (extents->y + extents->height, <=, height + 0.5);
      for (guint j = i + 1; j < layout->texts->len; j++)
        {
          const KkChartText *other = &g_array_index (layout->texts, KkChartText, j);

          if (overlap (extents, &other->extents) > 1)
            g_error ("“%s” overlaps “%s” at %dx%d", pango_layout_get_text (text->layout),
                     pango_layout_get_text (other->layout), width, height);
        }
    }
  for (guint i = 0; i < layout->bars->len; i++)
    g_assert_true (rect_is_finite (&g_array_index (layout->bars, KkChartBox, i).rect));
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const KkChartLine *line = &g_array_index (layout->lines, KkChartLine, i);

      g_assert_true (isfinite (line->x0) && isfinite (line->y0));
      g_assert_true (isfinite (line->x1) && isfinite (line->y1));
    }
}

/* Whatever is drawn, in ink, stays on the surface. */
static void
assert_ink_inside (KkChart *chart,
                   int      width,
                   int      height)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (recording);
  double x, y, ink_width, ink_height;

  kk_chart_draw (chart, cr, width, height);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (recording, &x, &y, &ink_width, &ink_height);
  cairo_surface_destroy (recording);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x + ink_width, <=, width);
  g_assert_cmpfloat (y + ink_height, <=, height);
}

/* Largest budget first, equal budgets by number: the order a clerk reads. */
static int
compare_budgets (gconstpointer a,
                 gconstpointer b)
{
  KkProgram *pa = *(KkProgram **)a;
  KkProgram *pb = *(KkProgram **)b;
  gint64 ba = kk_program_get_budget (pa);
  gint64 bb = kk_program_get_budget (pb);

  if (ba != bb)
    return ba > bb ? -1 : 1;
  return (int)kk_program_get_number (pa) - (int)kk_program_get_number (pb);
}

static GPtrArray *
programs_by_budget (KkPlan *plan)
{
  GListModel *programs = kk_plan_get_programs (plan);
  GPtrArray *sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (programs, i));
  g_ptr_array_sort (sorted, compare_budgets);
  return sorted;
}

static void
test_programs_order_and_lengths (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  g_autoptr(GPtrArray) expected = programs_by_budget (plan);
  KkTotals totals = kk_totals_for_plan (plan);
  cairo_rectangle_t first = item_rect (chart, WIDTH, HEIGHT, 0);
  double per_unit = first.width / kk_chart_get_item_value (chart, 0);
  double sum = 0;

  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      KkProgram *program = g_ptr_array_index (expected, i);
      cairo_rectangle_t rect = item_rect (chart, WIDTH, HEIGHT, i);
      double value = kk_chart_get_item_value (chart, i);

      g_assert_true (kk_chart_get_item_program (chart, i) == program);
      g_assert_cmpfloat (value, ==, kk_program_get_budget (program));
      /* Bars grow from one baseline, as long as their figures. */
      g_assert_cmpfloat_with_epsilon (rect.x, first.x, 0.5);
      g_assert_cmpfloat_with_epsilon (rect.width, value * per_unit, 1.0);
      sum += value;
    }
  g_assert_cmpfloat (sum, ==, totals.budget);
}

static void
test_programs_colored_by_pillar (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  GListModel *pillars = kk_plan_get_pillars (plan);

  for (int dark = FALSE; dark <= TRUE; dark++)
    {
      cairo_surface_t *surface;

      kk_chart_set_dark (chart, dark);
      surface = draw_chart (chart, WIDTH, HEIGHT, 1);
      assert_same_color (pixel_at (surface, 1, 1), color_rgb (KK_CHART_COLOR_BACKGROUND, dark));
      for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
        {
          KkPillar *pillar = kk_program_get_pillar (kk_chart_get_item_program (chart, i));
          KkChartColor color = kk_chart_color_for_series (list_position (pillars, pillar));
          cairo_rectangle_t rect = item_rect (chart, WIDTH, HEIGHT, i);

          if (rect.width < 3)
            continue;
          assert_same_color (pixel_at (surface, rect.x + rect.width / 2, rect.y + rect.height / 2),
                             color_rgb (color, dark));
        }
      cairo_surface_destroy (surface);
    }
}

/* The pillars have colours that differ, in both styles. */
static void
test_pillar_colors_distinct (void)
{
  for (int dark = FALSE; dark <= TRUE; dark++)
    for (guint i = 0; i < 7; i++)
      for (guint j = i + 1; j < 7; j++)
        g_assert_cmpuint (color_rgb (kk_chart_color_for_series (i), dark), !=,
                          color_rgb (kk_chart_color_for_series (j), dark));
}

static void
test_hit_test (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  for (guint k = 0; k < G_N_ELEMENTS (plan_kinds); k++)
    {
      g_autoptr(KkChart) chart = kk_chart_new (plan, plan_kinds[k]);

      for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
        {
          cairo_rectangle_t rect = item_rect (chart, WIDTH, HEIGHT, i);
          double middle = rect.y + rect.height / 2;
          double center = rect.x + rect.width / 2;

          g_assert_cmpint (kk_chart_hit_test (chart, WIDTH, HEIGHT, center, middle), ==, (int)i);
          /* The label belongs to the bar as well. */
          g_assert_cmpint (kk_chart_hit_test (chart, WIDTH, HEIGHT, 20, middle), ==, (int)i);
        }
      g_assert_cmpint (kk_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0, 5), ==, -1);
      g_assert_cmpint (kk_chart_hit_test (chart, WIDTH, HEIGHT, WIDTH / 2.0, HEIGHT - 2), ==, -1);
      g_assert_cmpint (kk_chart_hit_test (chart, WIDTH, HEIGHT, -10, HEIGHT / 2.0), ==, -1);
    }
}

static void
test_labels_inside_and_apart (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  for (guint k = 0; k < G_N_ELEMENTS (plan_kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(KkChart) chart = kk_chart_new (plan, plan_kinds[k]);
        int height = natural_height (chart, sizes[s].width, sizes[s].height);

        assert_layout_sound (chart, sizes[s].width, height);
        assert_ink_inside (chart, sizes[s].width, height);
      }
}

/* At its natural height every row has its label, whole or ellipsized, and
 * the tooltip gives the whole text. */
static void
test_labels_ellipsized_with_tooltip (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  int height = kk_chart_get_natural_height (chart, 420);
  KkChartLayout *layout = kk_chart_get_layout (chart, 420, height);
  guint n_ellipsized = 0;

  for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
    {
      g_autofree char *label = kk_chart_dup_item_label (chart, i);
      g_autofree char *tooltip = kk_chart_dup_item_tooltip (chart, i);
      gboolean found = FALSE;

      g_assert_true (g_str_has_prefix (tooltip, label));
      for (guint t = 0; t < layout->texts->len; t++)
        {
          const KkChartText *text = &g_array_index (layout->texts, KkChartText, t);

          if (g_strcmp0 (pango_layout_get_text (text->layout), label) != 0)
            continue;
          found = TRUE;
          n_ellipsized += pango_layout_is_ellipsized (text->layout);
        }
      g_assert_true (found);
    }
  g_assert_cmpuint (n_ellipsized, >, 0);
}

typedef KkTotals (*GroupTotals) (KkPlan *plan, gpointer group);

static KkTotals
pillar_totals (KkPlan   *plan,
               gpointer  pillar)
{
  return kk_totals_for_pillar (plan, pillar);
}

static KkTotals
division_totals (KkPlan   *plan,
                 gpointer  division)
{
  return kk_totals_for_division (plan, division);
}

static KkTotals
funding_totals (KkPlan   *plan,
                gpointer  label)
{
  return kk_totals_for_funding (plan, label);
}

/* Each group's bar is the total of its programs, and the shares add up. */
static void
assert_group_totals (KkPlan      *plan,
                     KkChartKind  kind,
                     GStrv        labels,
                     GroupTotals  totals_of,
                     gpointer    *groups)
{
  g_autoptr(KkChart) chart = kk_chart_new (plan, kind);
  KkTotals plan_totals = kk_totals_for_plan (plan);
  double sum = 0;

  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, g_strv_length (labels));
  for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
    {
      g_autofree char *label = kk_chart_dup_item_label (chart, i);
      guint position;

      for (position = 0; labels[position] != NULL; position++)
        if (g_str_equal (labels[position], label))
          break;
      g_assert_nonnull (labels[position]);
      g_assert_cmpfloat (kk_chart_get_item_value (chart, i), ==,
                         totals_of (plan, groups[position]).budget);
      g_assert_null (kk_chart_get_item_program (chart, i));
      sum += kk_chart_get_item_value (chart, i);
    }
  g_assert_cmpfloat (sum, ==, plan_totals.budget);
}

static void
test_group_totals (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  GListModel *pillars = kk_plan_get_pillars (plan);
  GListModel *divisions = kk_plan_get_divisions (plan);
  g_auto(GStrv) funding = kk_plan_dup_funding_labels (plan);
  g_autoptr(GStrvBuilder) pillar_labels = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) division_labels = g_strv_builder_new ();
  g_autoptr(GPtrArray) pillar_objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) division_objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) pillar_strv = NULL;
  g_auto(GStrv) division_strv = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      KkPillar *pillar = g_list_model_get_item (pillars, i);
      g_autofree char *label = kk_pillar_dup_label (pillar);

      g_strv_builder_add (pillar_labels, label);
      g_ptr_array_add (pillar_objects, pillar);
    }
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      KkDivision *division = g_list_model_get_item (divisions, i);

      /* Every division of the embedded plan leads a program. */
      g_assert_cmpuint (kk_totals_for_division (plan, division).n_programs, >, 0);
      g_strv_builder_add (division_labels, kk_division_get_name (division));
      g_ptr_array_add (division_objects, division);
    }
  pillar_strv = g_strv_builder_end (pillar_labels);
  division_strv = g_strv_builder_end (division_labels);

  assert_group_totals (plan, KK_CHART_KIND_PILLARS, pillar_strv,
                       pillar_totals, pillar_objects->pdata);
  assert_group_totals (plan, KK_CHART_KIND_DIVISIONS, division_strv,
                       division_totals, division_objects->pdata);
  assert_group_totals (plan, KK_CHART_KIND_FUNDING, funding, funding_totals, (gpointer *)funding);
}

static void
test_change (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_CHANGE);
  g_auto(GStrv) headers = kk_chart_dup_table_headers (chart);
  guint n = kk_chart_get_n_items (chart);
  double zero_x = -1;
  double previous = G_MAXDOUBLE;

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (kk_plan_get_programs (plan)));
  for (guint i = 0; i < n; i++)
    {
      KkProgram *program = kk_chart_get_item_program (chart, i);
      gint64 difference = kk_program_get_difference (program);
      cairo_rectangle_t rect = item_rect (chart, WIDTH, HEIGHT, i);
      g_auto(GStrv) row = kk_chart_dup_table_row (chart, i);
      g_autofree char *tooltip = kk_chart_dup_item_tooltip (chart, i);
      g_autofree char *figure = kk_format_thousand_yen (difference);

      g_assert_cmpfloat (kk_chart_get_item_value (chart, i), ==, difference);
      /* From the largest increase down to the largest decrease. */
      g_assert_cmpfloat (difference, <=, previous);
      previous = difference;
      /* Decreases to the left of the baseline, increases to the right. */
      if (difference != 0)
        {
          double base = difference > 0 ? rect.x : rect.x + rect.width;

          if (zero_x < 0)
            zero_x = base;
          g_assert_cmpfloat_with_epsilon (base, zero_x, 0.5);
        }
      g_assert_cmpstr (row[g_strv_length (headers) - 1], ==, figure);
      g_assert_nonnull (strstr (tooltip, figure));
      if (difference < 0)
        g_assert_true (g_str_has_prefix (figure, "▲"));
    }
}

/* A KPI's figures read in the chart as the plan prints them (70回以上 for
 * a target, 58回 for an actual), dated in the era in a Japanese interface
 * and YYYY-MM-DD in another. */
static void
assert_kpi_figures_as_printed (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkSheet) sheet = g_list_model_get_item (kk_plan_get_sheets (plan), 1);
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kk_sheet_get_kpis (sheet), 0);
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_KPI);
  GListModel *values = kk_kpi_get_values (kpi);
  gboolean japanese = g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "ja");
  g_autoptr(GString) tooltips = g_string_new (NULL);

  kk_kpi_set_comparator (kpi, KK_COMPARATOR_AT_LEAST);
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);

      kk_kpi_value_set_as_of (value, "2024-01-31");
    }
  kk_chart_set_kpi (chart, kpi);
  g_assert_cmpuint (kk_chart_get_n_items (chart), >, 1);
  for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
    {
      g_autofree char *tooltip = kk_chart_dup_item_tooltip (chart, i);

      g_string_append_printf (tooltips, "%s\n", tooltip);
      g_assert_nonnull (strstr (tooltip, japanese ? "令和6年1月31日" : "2024-01-31"));
    }
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);
      g_autofree char *figure = kk_kpi_dup_figure (kpi, value);

      if (kk_kpi_value_get_has_value (value) && strstr (tooltips->str, figure) == NULL)
        g_error ("no tooltip says %s: %s", figure, tooltips->str);
    }
}

static void
test_kpi_figures_as_printed (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_kpi_figures_as_printed);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_kpi_figures_as_printed);
}

/* A new program is marked, in colour and in words, apart from increases
 * and decreases. */
static void
test_change_new_program_marked (void)
{
  const ProgramSpec *specs = increase_new_decrease;
  g_autoptr(KkPlan) plan = plan_new (specs, N_INCREASE_NEW_DECREASE);
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_CHANGE);
  KkChartLayout *layout = kk_chart_get_layout (chart, WIDTH, HEIGHT);
  KkChartColor colors[N_INCREASE_NEW_DECREASE];
  char *status[N_INCREASE_NEW_DECREASE];

  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, N_INCREASE_NEW_DECREASE);
  for (guint i = 0; i < N_INCREASE_NEW_DECREASE; i++)
    {
      guint number = kk_program_get_number (kk_chart_get_item_program (chart, i));
      g_auto(GStrv) row = kk_chart_dup_table_row (chart, i);

      colors[number - 1] = g_array_index (layout->bars, KkChartBox, i).color;
      status[number - 1] = g_strdup (row[2]);
    }
  g_assert_cmpint (colors[1], !=, colors[0]);
  g_assert_cmpint (colors[1], !=, colors[2]);
  g_assert_cmpint (colors[0], !=, colors[2]);
  g_assert_cmpstr (status[1], !=, status[0]);
  g_assert_cmpstr (status[0], ==, status[2]);
  for (guint i = 0; i < N_INCREASE_NEW_DECREASE; i++)
    g_free (status[i]);
}

static void
test_change_only_decreases (void)
{
  static const ProgramSpec specs[] = {
    { 1000, 1200, 1 },
    { 10, 20, 2 },
    { 0, 350, 1 },
  };
  g_autoptr(KkPlan) plan = plan_new (specs, G_N_ELEMENTS (specs));
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_CHANGE);
  cairo_rectangle_t first = item_rect (chart, WIDTH, HEIGHT, 0);

  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      cairo_rectangle_t rect = item_rect (chart, WIDTH, HEIGHT, i);

      g_assert_cmpfloat (kk_chart_get_item_value (chart, i), <, 0);
      g_assert_cmpfloat_with_epsilon (rect.x + rect.width, first.x + first.width, 0.5);
    }
  assert_layout_sound (chart, WIDTH, HEIGHT);
  assert_ink_inside (chart, WIDTH, HEIGHT);
}

static gboolean
find_achievement (GArray *ratios,
                  double  ratio)
{
  for (guint i = 0; i < ratios->len; i++)
    if (g_array_index (ratios, double, i) == ratio)
      {
        g_array_remove_index_fast (ratios, i);
        return TRUE;
      }
  return FALSE;
}

/* Last year's achievement of every KPI that has one, each sheet once. */
static GArray *
plan_achievements (KkPlan *plan,
                   guint  *n_without)
{
  GListModel *sheets = kk_plan_get_sheets (plan);
  GArray *ratios = g_array_new (FALSE, FALSE, sizeof (double));

  *n_without = 0;
  for (guint s = 0; s < g_list_model_get_n_items (sheets); s++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, s);
      GListModel *kpis = kk_sheet_get_kpis (sheet);

      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, k);
          double ratio;

          if (kk_kpi_get_achievement (kpi, kk_plan_get_fiscal_year (plan) - 1, &ratio))
            g_array_append_val (ratios, ratio);
          else
            (*n_without)++;
        }
    }
  return ratios;
}

static void
test_achievement (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_ACHIEVEMENT);
  guint n_without;
  g_autoptr(GArray) ratios = plan_achievements (plan, &n_without);
  KkChartLayout *layout = kk_chart_get_layout (chart, WIDTH, HEIGHT);
  double reference_x = -1;
  guint n_met = 0;

  g_assert_cmpuint (n_without, >, 0);
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, ratios->len);
  for (guint i = 0; i < layout->lines->len; i++)
    if (g_array_index (layout->lines, KkChartLine, i).dashed)
      reference_x = g_array_index (layout->lines, KkChartLine, i).x0;
  g_assert_cmpfloat (reference_x, >, 0);

  for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
    {
      double value = kk_chart_get_item_value (chart, i);
      cairo_rectangle_t rect = item_rect (chart, WIDTH, HEIGHT, i);

      g_assert_true (find_achievement (ratios, value));
      g_assert_nonnull (kk_chart_get_item_program (chart, i));
      /* A target exactly met ends at the 100 % line. */
      if (value == 1)
        {
          g_assert_cmpfloat_with_epsilon (rect.x + rect.width, reference_x, 1.0);
          n_met++;
        }
    }
  g_assert_cmpuint (ratios->len, ==, 0);
  g_assert_cmpuint (n_met, >, 0);
}

/* An at-most KPI is achieved by staying below its target. */
static void
test_achievement_comparator (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_ACHIEVEMENT);
  guint n_at_most = 0;

  for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
    {
      KkSheet *sheet = kk_program_get_sheet (kk_chart_get_item_program (chart, i));
      GListModel *kpis = kk_sheet_get_kpis (sheet);
      g_autofree char *label = kk_chart_dup_item_label (chart, i);

      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, k);
          KkKpiValue *target = kk_kpi_find_value (kpi, 2023, KK_KPI_KIND_TARGET);
          KkKpiValue *actual = kk_kpi_find_value (kpi, 2023, KK_KPI_KIND_ACTUAL);

          if (kk_kpi_get_comparator (kpi) != KK_COMPARATOR_AT_MOST
              || !g_str_has_suffix (label, kk_kpi_get_name (kpi)))
            continue;
          g_assert_cmpfloat (kk_chart_get_item_value (chart, i), ==,
                             kk_kpi_value_get_value (target) / kk_kpi_value_get_value (actual));
          n_at_most++;
        }
    }
  g_assert_cmpuint (n_at_most, ==, 1);
}

static int
compare_kpi_values (gconstpointer a,
                    gconstpointer b)
{
  KkKpiValue *va = *(KkKpiValue **)a;
  KkKpiValue *vb = *(KkKpiValue **)b;

  if (kk_kpi_value_get_fiscal_year (va) != kk_kpi_value_get_fiscal_year (vb))
    return kk_kpi_value_get_fiscal_year (va) - kk_kpi_value_get_fiscal_year (vb);
  return (int)kk_kpi_value_get_kind (va) - (int)kk_kpi_value_get_kind (vb);
}

/* One bar per figure, year by year; words (未定) have none. */
static void
test_kpi_across_years (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 1));
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kk_sheet_get_kpis (sheet), 0);
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_KPI);
  GListModel *values = kk_kpi_get_values (kpi);
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);

  kk_chart_set_kpi (chart, kpi);
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      KkKpiValue *value = g_list_model_get_item (values, i);

      if (kk_kpi_value_get_has_value (value))
        g_ptr_array_add (figures, value);
      else
        g_object_unref (value);
    }
  g_ptr_array_sort (figures, compare_kpi_values);
  g_assert_cmpuint (figures->len, <, g_list_model_get_n_items (values));
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, figures->len);
  for (guint i = 0; i < figures->len; i++)
    {
      KkKpiValue *value = g_ptr_array_index (figures, i);
      g_autofree char *year = kk_format_fiscal_year (kk_kpi_value_get_fiscal_year (value));
      g_auto(GStrv) row = kk_chart_dup_table_row (chart, i);

      g_assert_cmpfloat (kk_chart_get_item_value (chart, i), ==, kk_kpi_value_get_value (value));
      g_assert_cmpstr (row[0], ==, year);
    }
  assert_layout_sound (chart, WIDTH, HEIGHT);
}

static void
assert_empty_chart (KkChart *chart)
{
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, 0);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      int height = natural_height (chart, sizes[s].width, sizes[s].height);
      cairo_rectangle_t rect;
      KkChartLayout *layout = kk_chart_get_layout (chart, sizes[s].width, height);

      assert_layout_sound (chart, sizes[s].width, height);
      assert_ink_inside (chart, sizes[s].width, height);
      g_assert_false (kk_chart_get_item_rect (chart, sizes[s].width, height, 0, &rect));
      g_assert_cmpint (kk_chart_hit_test (chart, sizes[s].width, height, sizes[s].width / 2.0,
                                          height / 2.0), ==, -1);
      /* The title and a message that says why nothing is drawn. */
      g_assert_cmpuint (layout->texts->len, >=, 2);
    }
}

static void
test_empty_plan (void)
{
  g_autoptr(KkPlan) plan = kk_plan_new ();

  for (KkChartKind kind = KK_CHART_KIND_PROGRAMS; kind <= KK_CHART_KIND_KPI; kind++)
    {
      g_autoptr(KkChart) chart = kk_chart_new (plan, kind);
      g_autoptr(KkChart) no_plan = kk_chart_new (NULL, kind);

      assert_empty_chart (chart);
      assert_empty_chart (no_plan);
    }
}

static void
test_zero_budgets (void)
{
  static const ProgramSpec specs[] = {
    { 0, 0, 1 },
    { 0, -1, 2 },
  };
  g_autoptr(KkPlan) plan = plan_new (specs, G_N_ELEMENTS (specs));

  for (KkChartKind kind = KK_CHART_KIND_PROGRAMS; kind <= KK_CHART_KIND_CHANGE; kind++)
    {
      g_autoptr(KkChart) chart = kk_chart_new (plan, kind);

      assert_empty_chart (chart);
    }
}

static void
test_single_program (void)
{
  static const ProgramSpec specs[] = { { 1234, 1000, 1 } };
  g_autoptr(KkPlan) plan = plan_new (specs, G_N_ELEMENTS (specs));

  for (KkChartKind kind = KK_CHART_KIND_PROGRAMS; kind <= KK_CHART_KIND_CHANGE; kind++)
    {
      g_autoptr(KkChart) chart = kk_chart_new (plan, kind);

      g_assert_cmpuint (kk_chart_get_n_items (chart), ==, 1);
      g_assert_cmpfloat (item_rect (chart, WIDTH, HEIGHT, 0).width, >, 0);
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        {
          int height = natural_height (chart, sizes[s].width, sizes[s].height);

          assert_layout_sound (chart, sizes[s].width, height);
          assert_ink_inside (chart, sizes[s].width, height);
        }
    }
}

/* A target of 0 and a KPI given only in words have no achievement: they
 * are left out, and with nothing left the chart says so. */
static void
test_achievement_without_figures (void)
{
  static const ProgramSpec specs[] = { { 1000, 900, 1 } };
  g_autoptr(KkPlan) plan = plan_new (specs, G_N_ELEMENTS (specs));
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 1));
  g_autoptr(KkKpi) zero = kpi_new ("相談件数", KK_COMPARATOR_EXACT);
  g_autoptr(KkKpi) words = kpi_new ("支援件数", KK_COMPARATOR_AT_LEAST);
  g_autoptr(KkChart) chart = NULL;
  g_autoptr(KkChart) kpi_chart = NULL;

  kpi_add_value (zero, 2023, KK_KPI_KIND_TARGET, 0);
  kpi_add_value (zero, 2023, KK_KPI_KIND_ACTUAL, 5);
  kpi_add_words (words, 2023, KK_KPI_KIND_TARGET, "未定");
  kpi_add_words (words, 2023, KK_KPI_KIND_ACTUAL, "集計中");
  kk_sheet_append_kpi (sheet, zero);
  kk_sheet_append_kpi (sheet, words);

  chart = kk_chart_new (plan, KK_CHART_KIND_ACHIEVEMENT);
  assert_empty_chart (chart);

  kpi_chart = kk_chart_new (plan, KK_CHART_KIND_KPI);
  kk_chart_set_kpi (kpi_chart, words);
  assert_empty_chart (kpi_chart);
  kk_chart_set_kpi (kpi_chart, zero);
  g_assert_cmpuint (kk_chart_get_n_items (kpi_chart), ==, 2);
}

static void
count_changed (KkChart *chart,
               guint   *n_changed)
{
  (*n_changed)++;
}

static void
test_follows_edits (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  KkProgram *smallest = kk_plan_find_program (plan, 9);
  KkProgram *largest = kk_chart_get_item_program (chart, 0);
  gint64 budget = kk_program_get_budget (largest) + 1;
  guint n_changed = 0;

  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &n_changed);
  kk_plan_edit (plan, smallest, "budget", budget);
  g_assert_cmpuint (n_changed, >, 0);
  g_assert_true (kk_chart_get_item_program (chart, 0) == smallest);
  g_assert_cmpfloat (kk_chart_get_item_value (chart, 0), ==, budget);

  n_changed = 0;
  g_assert_true (kk_history_undo (kk_plan_get_history (plan)));
  g_assert_cmpuint (n_changed, >, 0);
  g_assert_true (kk_chart_get_item_program (chart, 0) == largest);
}

/* The chart shows the programs of a window's filtered list, and follows it. */
static void
test_follows_filter (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PILLARS);
  g_autoptr(GListStore) shown = g_list_store_new (KK_TYPE_PROGRAM);
  guint n_changed = 0;
  KkTotals totals;

  g_list_store_append (shown, kk_plan_find_program (plan, 1));
  g_list_store_append (shown, kk_plan_find_program (plan, 14));
  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &n_changed);
  kk_chart_set_programs (chart, G_LIST_MODEL (shown));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, 2);

  g_list_store_append (shown, kk_plan_find_program (plan, 16));
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, 3);
  totals = kk_totals_for_programs (G_LIST_MODEL (shown), NULL, NULL);
  g_assert_cmpfloat (kk_chart_get_item_value (chart, 0) + kk_chart_get_item_value (chart, 1)
                     + kk_chart_get_item_value (chart, 2), ==, totals.budget);

  kk_chart_set_programs (chart, NULL);
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==,
                    g_list_model_get_n_items (kk_plan_get_pillars (plan)));
}

/* The dark style changes colours, never the place of anything. */
static void
test_dark_keeps_layout (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  cairo_rectangle_t light = item_rect (chart, WIDTH, HEIGHT, 3);
  cairo_rectangle_t dark;
  guint n_changed = 0;

  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &n_changed);
  kk_chart_set_dark (chart, TRUE);
  kk_chart_set_dark (chart, TRUE);
  g_assert_cmpuint (n_changed, ==, 1);
  dark = item_rect (chart, WIDTH, HEIGHT, 3);
  g_assert_cmpmem (&light, sizeof light, &dark, sizeof dark);
}

static void
test_max_bars (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  g_autoptr(GPtrArray) expected = programs_by_budget (plan);
  KkTotals totals = kk_totals_for_plan (plan);
  guint max_bars = 10;
  double rest = 0;

  kk_chart_set_max_bars (chart, max_bars);
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, max_bars + 1);
  for (guint i = 0; i < max_bars; i++)
    g_assert_true (kk_chart_get_item_program (chart, i) == g_ptr_array_index (expected, i));
  for (guint i = max_bars; i < expected->len; i++)
    rest += kk_program_get_budget (g_ptr_array_index (expected, i));
  g_assert_null (kk_chart_get_item_program (chart, max_bars));
  g_assert_cmpfloat (kk_chart_get_item_value (chart, max_bars), ==, rest);
  assert_layout_sound (chart, WIDTH, HEIGHT);

  /* One program alone is never hidden in "others". */
  kk_chart_set_max_bars (chart, expected->len - 1);
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, expected->len);
  kk_chart_set_max_bars (chart, 0);
  g_assert_cmpuint (kk_chart_get_n_items (chart), ==, totals.n_programs);
}

/* An "others" bar larger than every program does not shrink the programs
 * to slivers: it is drawn broken at the end of the axis. */
static void
test_others_drawn_broken (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  guint max_bars = 3;
  cairo_rectangle_t largest;
  cairo_rectangle_t others;
  double per_unit;

  kk_chart_set_max_bars (chart, max_bars);
  largest = item_rect (chart, WIDTH, HEIGHT, 0);
  others = item_rect (chart, WIDTH, HEIGHT, max_bars);
  per_unit = largest.width / kk_chart_get_item_value (chart, 0);
  g_assert_cmpfloat (kk_chart_get_item_value (chart, max_bars), >,
                     kk_chart_get_item_value (chart, 0));
  for (guint i = 1; i < max_bars; i++)
    g_assert_cmpfloat_with_epsilon (item_rect (chart, WIDTH, HEIGHT, i).width,
                                    kk_chart_get_item_value (chart, i) * per_unit, 1.0);
  g_assert_cmpfloat (others.width, >=, largest.width);
  g_assert_cmpfloat (others.width, <, kk_chart_get_item_value (chart, max_bars) * per_unit - 1);
  assert_layout_sound (chart, WIDTH, HEIGHT);
  assert_ink_inside (chart, WIDTH, HEIGHT);
}

static void
test_table (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  for (guint k = 0; k < G_N_ELEMENTS (plan_kinds); k++)
    {
      g_autoptr(KkChart) chart = kk_chart_new (plan, plan_kinds[k]);
      g_auto(GStrv) headers = kk_chart_dup_table_headers (chart);

      g_assert_cmpuint (g_strv_length (headers), >=, 2);
      for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
        {
          g_auto(GStrv) row = kk_chart_dup_table_row (chart, i);
          KkProgram *program = kk_chart_get_item_program (chart, i);
          g_autofree char *budget = NULL;

          g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (headers));
          if (plan_kinds[k] != KK_CHART_KIND_PROGRAMS)
            continue;
          budget = kk_format_thousand_yen (kk_program_get_budget (program));
          g_assert_cmpstr (row[3], ==, budget);
        }
    }
}

/* Drawn at twice the device scale, the bars land on twice the pixels. */
static void
test_device_scale (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PILLARS);
  cairo_surface_t *surface = draw_chart (chart, WIDTH, HEIGHT, 2);

  for (guint i = 0; i < kk_chart_get_n_items (chart); i++)
    {
      cairo_rectangle_t rect = item_rect (chart, WIDTH, HEIGHT, i);
      KkChartLayout *layout = kk_chart_get_layout (chart, WIDTH, HEIGHT);
      KkChartColor color = g_array_index (layout->bars, KkChartBox, i).color;

      assert_same_color (pixel_at (surface, rect.x + 1, rect.y + 1), color_rgb (color, FALSE));
      assert_same_color (pixel_at (surface, rect.x + rect.width - 1, rect.y + rect.height - 1),
                         color_rgb (color, FALSE));
    }
  cairo_surface_destroy (surface);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (needle);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, needle, length) == 0)
      return TRUE;
  return FALSE;
}

/* Vector exports hold no bitmap; PDF keeps its text as text. */
static void
test_render_formats (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = kk_chart_render (chart, KK_CHART_FORMAT_PNG, 800, 600, &error);
  g_autoptr(GBytes) svg = kk_chart_render (chart, KK_CHART_FORMAT_SVG, 800, 600, &error);
  g_autoptr(GBytes) pdf = kk_chart_render (chart, KK_CHART_FORMAT_PDF, 800, 600, &error);
  const guint8 *header;
  guint32 size[2];

  g_assert_no_error (error);
  header = g_bytes_get_data (png, NULL);
  g_assert_cmpmem (header, 8, "\x89PNG\r\n\x1a\n", 8);
  memcpy (size, header + 16, sizeof size);
  g_assert_cmpuint (GUINT32_FROM_BE (size[0]), ==, 800);
  g_assert_cmpuint (GUINT32_FROM_BE (size[1]), ==, 600);

  g_assert_true (bytes_contain (svg, "<svg"));
  g_assert_false (bytes_contain (svg, "<image"));

  g_assert_true (bytes_contain (pdf, "%PDF-"));
  g_assert_true (bytes_contain (pdf, "/ToUnicode"));
  g_assert_true (bytes_contain (pdf, "/FontFile"));
  g_assert_false (bytes_contain (pdf, "/Image"));
}

static void
test_format_for_filename (void)
{
  static const struct
  {
    const char *filename;
    gboolean known;
    KkChartFormat format;
  } cases[] = {
    { "chart.png", TRUE, KK_CHART_FORMAT_PNG },
    { "/tmp/予算.SVG", TRUE, KK_CHART_FORMAT_SVG },
    { "dir.pdf/chart.Pdf", TRUE, KK_CHART_FORMAT_PDF },
    { "chart.jpg", FALSE },
    { "dir.png/chart", FALSE },
    { "chart.", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KkChartFormat format = G_MAXINT;

      g_assert_cmpint (kk_chart_format_for_filename (cases[i].filename, &format), ==,
                       cases[i].known);
      if (cases[i].known)
        g_assert_cmpint (format, ==, cases[i].format);
    }
}

static gboolean
is_round (double step)
{
  double mantissa = step / pow (10, floor (log10 (step)));

  return fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9;
}

/* Ticks fall on 1, 2 or 5 times a power of ten, cover the values, and
 * count whole thousand yen, the unit of the bars' figures, however large. */
static void
test_axis_round_ticks (void)
{
  static const struct
  {
    KkChartScale scale;
    double low;
    double high;
    double min_step;
  } cases[] = {
    { KK_CHART_SCALE_MONEY, 0, 319750, 1 },
    { KK_CHART_SCALE_MONEY, -7133, 38845, 1 },
    { KK_CHART_SCALE_MONEY, -1200, 0, 1 },
    { KK_CHART_SCALE_MONEY, 0, 28, 1 },
    { KK_CHART_SCALE_MONEY, 0, 1, 1 },
    { KK_CHART_SCALE_MONEY, 0, 1e15, 1 },
    { KK_CHART_SCALE_PERCENT, 0, 1.5, 0.01 },
    { KK_CHART_SCALE_PERCENT, 0, 57.3, 0.01 },
    { KK_CHART_SCALE_NUMBER, 0, 220.6, 0.001 },
    { KK_CHART_SCALE_NUMBER, 0, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint max_ticks = 3; max_ticks <= 11; max_ticks++)
      {
        KkChartAxis axis;

        kk_chart_axis_init (&axis, cases[i].scale, cases[i].low, cases[i].high,
                            cases[i].min_step, max_ticks);
        g_assert_true (is_round (axis.step));
        g_assert_cmpfloat (axis.step, >=, cases[i].min_step);
        g_assert_cmpfloat (axis.min, <=, MIN (cases[i].low, 0));
        g_assert_cmpfloat (axis.max, >=, cases[i].high);
        g_assert_cmpfloat (axis.max, >, axis.min);
        g_assert_cmpuint (axis.n_ticks, >=, 2);
        g_assert_cmpuint (axis.n_ticks, <=, max_ticks);
        for (guint t = 0; t < axis.n_ticks; t++)
          {
            double tick = kk_chart_axis_get_tick (&axis, t);
            g_autofree char *label = kk_chart_axis_dup_tick_label (&axis, t);
            g_autofree char *expected = NULL;

            g_assert_cmpfloat (fabs (tick / axis.step - round (tick / axis.step)), <, 1e-9);
            if (cases[i].scale != KK_CHART_SCALE_MONEY)
              continue;
            g_assert_cmpfloat (tick, ==, round (tick));
            expected = kk_format_thousand_yen ((gint64)tick);
            g_assert_cmpstr (label, ==, expected);
          }
      }
}

/* The charts of amounts, in thousand yen. */
static const KkChartKind money_kinds[] = {
  KK_CHART_KIND_PROGRAMS,
  KK_CHART_KIND_PILLARS,
  KK_CHART_KIND_DIVISIONS,
  KK_CHART_KIND_FUNDING,
  KK_CHART_KIND_CHANGE,
};

/* A tick label: a whole number of the axis' unit, ▲ for a negative one. */
static gboolean
parse_tick (const char *text,
            double     *number)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean negative = g_str_has_prefix (text, "▲");

  for (const char *p = negative ? text + strlen ("▲") : text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
    else if (*p != ',' && *p != ' ')
      return FALSE;
  if (digits->len == 0)
    return FALSE;
  *number = g_ascii_strtod (digits->str, NULL) * (negative ? -1 : 1);
  return TRUE;
}

static gboolean
layout_shows (KkChartLayout *layout,
              const char    *text)
{
  for (guint i = 0; i < layout->texts->len; i++)
    if (g_strcmp0 (pango_layout_get_text (g_array_index (layout->texts, KkChartText, i).layout),
                   text) == 0)
      return TRUE;
  return FALSE;
}

/* One unit on the axis and at the bars: the axis is titled with the unit
 * every figure at a bar is written in, and its ticks count that unit, so
 * they reach the longest bar's figure. */
static void
assert_one_unit (KkChart *chart,
                 int      width)
{
  KkChartData *data = kk_chart_get_data (chart);
  int height = kk_chart_get_natural_height (chart, width);
  KkChartLayout *layout = kk_chart_get_layout (chart, width, height);
  g_autofree char *unit = kk_chart_axis_dup_title (&(KkChartAxis) { .scale = KK_CHART_SCALE_MONEY },
                                                   NULL, data->printed);
  double largest = 0;
  double highest_tick = 0;
  guint n_ticks = 0;

  g_assert_true (layout_shows (layout, unit));
  for (guint i = 0; i < data->items->len; i++)
    {
      const KkChartItem *item = g_ptr_array_index (data->items, i);

      if (strstr (item->value_label, unit) == NULL)
        g_error ("“%s” at a bar is not in the axis' unit, %s", item->value_label, unit);
      if (!item->is_others)
        largest = MAX (largest, fabs (item->value));
    }
  for (guint i = 0; i < layout->texts->len; i++)
    {
      const char *text = pango_layout_get_text (g_array_index (layout->texts, KkChartText,
                                                               i).layout);
      double tick;

      if (parse_tick (text, &tick))
        {
          highest_tick = MAX (highest_tick, fabs (tick));
          n_ticks++;
        }
    }
  g_assert_cmpuint (n_ticks, >=, 2);
  g_assert_cmpfloat (highest_tick, >=, largest / 2);
  g_assert_cmpfloat (highest_tick, <=, 2 * largest);
}

static void
assert_every_chart_one_unit (void)
{
  static const ProgramSpec large[] = {
    { 2500000, 2000000, 1 },
    { 900000, -1, 2 },
    { 120, 4000, 1 },
  };
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) large_plan = plan_new (large, G_N_ELEMENTS (large));

  for (guint k = 0; k < G_N_ELEMENTS (money_kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(KkChart) chart = kk_chart_new (plan, money_kinds[k]);
        g_autoptr(KkChart) large_chart = kk_chart_new (large_plan, money_kinds[k]);

        assert_one_unit (chart, sizes[s].width);
        assert_one_unit (large_chart, sizes[s].width);
      }
}

static void
test_one_unit (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_every_chart_one_unit);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_every_chart_one_unit);
}

/* No text of @chart laid out @width wide ends in …, and all are clear of
 * each other. */
static void
assert_texts_whole (KkChart *chart,
                    int      width)
{
  int height = kk_chart_get_natural_height (chart, width);
  KkChartLayout *layout = kk_chart_get_layout (chart, width, height);

  for (guint i = 0; i < layout->texts->len; i++)
    {
      PangoLayout *text = g_array_index (layout->texts, KkChartText, i).layout;

      if (pango_layout_is_ellipsized (text))
        g_error ("“%s” of chart %d is cut at %d wide", pango_layout_get_text (text),
                 kk_chart_get_kind (chart), width);
    }
  assert_layout_sound (chart, width, height);
}

/* Wide enough for the bars, their figures and the longest name, no text
 * is cut: every chart of the embedded plan from 760 wide (a report's
 * chart), the programs chart from 600 wide. */
static void
test_labels_whole_where_room (void)
{
  static const int widths[] = { 600, 760, 960, 1600 };
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  for (guint k = 0; k < G_N_ELEMENTS (plan_kinds); k++)
    for (guint w = plan_kinds[k] == KK_CHART_KIND_PROGRAMS ? 0 : 1; w < G_N_ELEMENTS (widths); w++)
      {
        g_autoptr(KkChart) chart = kk_chart_new (plan, plan_kinds[k]);

        assert_texts_whole (chart, widths[w]);
      }
}

/* Widths the charts are shown at: a report's chart, and the window's
 * charts in a window at its narrowest (880) and at its default (1280). */
static const int shown_widths[] = { 760, 840, 1260 };

/* A report's chart, and the 担当課 view's, which sets its charts in a
 * clamp: about 700 wide in the narrowest window, 840 at most. */
static const int division_widths[] = { 700, 760, 840 };

/* A division's chart as its summary page and the 担当課 view set it. */
static void
assert_division_charts_whole (KkPlan   *plan,
                              gboolean  printed)
{
  GListModel *divisions = kk_plan_get_divisions (plan);
  GListModel *programs = kk_plan_get_programs (plan);

  for (guint d = 0; d < g_list_model_get_n_items (divisions); d++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, d);
      g_autoptr(GListStore) led = g_list_store_new (KK_TYPE_PROGRAM);

      for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
        {
          g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

          if (kk_program_get_lead_division (program) == division)
            g_list_store_append (led, program);
        }
      for (guint w = 0; w < G_N_ELEMENTS (division_widths); w++)
        {
          g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);

          kk_chart_set_programs (chart, G_LIST_MODEL (led));
          kk_chart_set_subject (chart, kk_division_get_name (division));
          kk_chart_set_printed (chart, printed);
          assert_texts_whole (chart, division_widths[w]);
        }
    }
}

/* Each KPI's chart, titled with its group and name. */
static void
assert_kpi_charts_whole (KkPlan *plan)
{
  GListModel *sheets = kk_plan_get_sheets (plan);

  for (guint s = 0; s < g_list_model_get_n_items (sheets); s++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, s);
      GListModel *kpis = kk_sheet_get_kpis (sheet);

      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        for (guint w = 0; w < G_N_ELEMENTS (shown_widths); w++)
          {
            g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, k);
            g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_KPI);

            kk_chart_set_kpi (chart, kpi);
            assert_texts_whole (chart, shown_widths[w]);
          }
    }
}

static void
assert_shown_charts_whole (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();

  for (guint k = 0; k < G_N_ELEMENTS (plan_kinds); k++)
    for (guint w = 0; w < G_N_ELEMENTS (shown_widths); w++)
      for (int printed = FALSE; printed <= TRUE; printed++)
        {
          g_autoptr(KkChart) chart = kk_chart_new (plan, plan_kinds[k]);

          kk_chart_set_printed (chart, printed);
          assert_texts_whole (chart, shown_widths[w]);
        }
  assert_division_charts_whole (plan, FALSE);
  assert_division_charts_whole (plan, TRUE);
  assert_kpi_charts_whole (plan);
}

/* Every chart of the embedded plan that the window or a report shows, at
 * the widths they show it, has every label whole, in either interface
 * language: the plan's charts, each division's, each KPI's (a long title
 * wraps). */
static void
test_labels_whole_as_shown (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_shown_charts_whole);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_shown_charts_whole);
}

/* The legend names a new program's colour with the word its bar begins
 * with (新規). */
static void
assert_new_program_words (void)
{
  g_autoptr(KkPlan) plan = plan_new (increase_new_decrease, N_INCREASE_NEW_DECREASE);
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_CHANGE);
  KkChartData *data = kk_chart_get_data (chart);
  guint n_new = 0;

  for (guint i = 0; i < data->items->len; i++)
    {
      const KkChartItem *item = g_ptr_array_index (data->items, i);
      gboolean named = FALSE;

      if (kk_program_get_status (item->program) != KK_PROGRAM_STATUS_NEW)
        continue;
      n_new++;
      for (guint l = 0; l < data->legend->len; l++)
        {
          const KkChartLegendEntry *entry = g_ptr_array_index (data->legend, l);

          if (entry->color == item->color)
            named = g_str_has_prefix (item->value_label, entry->label);
        }
      if (!named)
        g_error ("the legend does not name “%s” with its word", item->value_label);
    }
  g_assert_cmpuint (n_new, ==, 1);
}

static void
test_change_legend_words (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_new_program_words);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_new_program_words);
}

/* A chart of a division's programs names the division in its title. */
static void
test_subject_in_title (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  g_autofree char *plain = kk_chart_dup_title (chart);
  g_autofree char *title = NULL;
  KkChartLayout *layout;
  guint n_changed = 0;

  g_signal_connect (chart, "changed", G_CALLBACK (count_changed), &n_changed);
  kk_chart_set_subject (chart, "経営支援課");
  g_assert_cmpuint (n_changed, ==, 1);
  title = kk_chart_dup_title (chart);
  g_assert_true (g_str_has_prefix (title, "経営支援課"));
  g_assert_true (g_str_has_suffix (title, plain));
  layout = kk_chart_get_layout (chart, WIDTH, 0);
  g_assert_true (layout_shows (layout, title));
  kk_chart_set_subject (chart, "経営支援課");
  g_assert_cmpuint (n_changed, ==, 1);
}

/* Every text a chart draws, one a line, as it is laid out at @width. */
static char *
dup_drawn_texts (KkChart *chart,
                 int      width)
{
  KkChartLayout *layout = kk_chart_get_layout (chart, width, kk_chart_get_natural_height (chart,
                                                                                         width));
  GString *texts = g_string_new (NULL);

  for (guint i = 0; i < layout->texts->len; i++)
    g_string_append_printf (texts, "%s\n",
                            pango_layout_get_text (g_array_index (layout->texts, KkChartText,
                                                                  i).layout));
  return g_string_free (texts, FALSE);
}

/* The charts of the embedded plan, of one KPI and of an empty plan. */
static GPtrArray *
every_chart_new (KkPlan *plan,
                 KkPlan *empty)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func (g_object_unref);
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 11));
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kk_sheet_get_kpis (sheet), 0);

  for (guint k = 0; k < G_N_ELEMENTS (plan_kinds); k++)
    {
      g_ptr_array_add (charts, kk_chart_new (plan, plan_kinds[k]));
      g_ptr_array_add (charts, kk_chart_new (empty, plan_kinds[k]));
    }
  g_ptr_array_add (charts, kk_chart_new (plan, KK_CHART_KIND_KPI));
  kk_chart_set_kpi (g_ptr_array_index (charts, charts->len - 1), kpi);
  g_ptr_array_add (charts, kk_chart_new (plan, KK_CHART_KIND_KPI));
  for (guint i = 0; i < charts->len; i++)
    {
      kk_chart_set_subject (g_ptr_array_index (charts, i), "経営支援課");
      kk_chart_set_max_bars (g_ptr_array_index (charts, i), 10);
    }
  return charts;
}

/* What @charts draw, in @locale, printed or not. */
static GStrv
dup_every_chart_texts (GPtrArray  *charts,
                       const char *locale,
                       gboolean    printed)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv texts;

  g_assert_nonnull (setlocale (LC_ALL, locale));
  for (guint i = 0; i < charts->len; i++)
    {
      KkChart *chart = g_ptr_array_index (charts, i);
      g_autofree char *drawn = NULL;

      /* Words are chosen when the figures are worked out: anew here. */
      kk_chart_set_printed (chart, !printed);
      kk_chart_set_printed (chart, printed);
      drawn = dup_drawn_texts (chart, 760);
      g_strv_builder_add (builder, drawn);
    }
  texts = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  return texts;
}

/* A printed chart draws the plan's words whatever the interface language:
 * under C.UTF-8 exactly what the Japanese interface shows. */
static void
test_printed_words (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) empty = kk_plan_new ();
  g_autoptr(GPtrArray) charts = every_chart_new (plan, empty);
  g_auto(GStrv) japanese = dup_every_chart_texts (charts, "ja_JP.UTF-8", FALSE);
  g_auto(GStrv) printed_c = dup_every_chart_texts (charts, "C.UTF-8", TRUE);
  g_auto(GStrv) printed_ja = dup_every_chart_texts (charts, "ja_JP.UTF-8", TRUE);
  g_auto(GStrv) english = dup_every_chart_texts (charts, "C.UTF-8", FALSE);

  for (guint i = 0; i < charts->len; i++)
    {
      g_assert_cmpstr (printed_c[i], ==, japanese[i]);
      g_assert_cmpstr (printed_ja[i], ==, japanese[i]);
    }
  /* The interface's own words stay translated. */
  g_assert_cmpstr (english[0], !=, japanese[0]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kk_test_bind_translations ();

  g_test_add_func ("/chart/programs/order-and-lengths", test_programs_order_and_lengths);
  g_test_add_func ("/chart/programs/colored-by-pillar", test_programs_colored_by_pillar);
  g_test_add_func ("/chart/programs/max-bars", test_max_bars);
  g_test_add_func ("/chart/programs/others-drawn-broken", test_others_drawn_broken);
  g_test_add_func ("/chart/colors/distinct", test_pillar_colors_distinct);
  g_test_add_func ("/chart/hit-test", test_hit_test);
  g_test_add_func ("/chart/labels/inside-and-apart", test_labels_inside_and_apart);
  g_test_add_func ("/chart/labels/ellipsized-with-tooltip", test_labels_ellipsized_with_tooltip);
  g_test_add_func ("/chart/kpi/figures-as-printed", test_kpi_figures_as_printed);
  g_test_add_func ("/chart/groups/totals", test_group_totals);
  g_test_add_func ("/chart/change/differences", test_change);
  g_test_add_func ("/chart/change/new-program-marked", test_change_new_program_marked);
  g_test_add_func ("/chart/change/only-decreases", test_change_only_decreases);
  g_test_add_func ("/chart/achievement/ratios", test_achievement);
  g_test_add_func ("/chart/achievement/comparator", test_achievement_comparator);
  g_test_add_func ("/chart/achievement/without-figures", test_achievement_without_figures);
  g_test_add_func ("/chart/kpi/across-years", test_kpi_across_years);
  g_test_add_func ("/chart/empty/no-programs", test_empty_plan);
  g_test_add_func ("/chart/empty/zero-budgets", test_zero_budgets);
  g_test_add_func ("/chart/single-program", test_single_program);
  g_test_add_func ("/chart/follows/edits", test_follows_edits);
  g_test_add_func ("/chart/follows/filter", test_follows_filter);
  g_test_add_func ("/chart/dark/keeps-layout", test_dark_keeps_layout);
  g_test_add_func ("/chart/table", test_table);
  g_test_add_func ("/chart/device-scale", test_device_scale);
  g_test_add_func ("/chart/render/formats", test_render_formats);
  g_test_add_func ("/chart/render/format-for-filename", test_format_for_filename);
  g_test_add_func ("/chart/axis/round-ticks", test_axis_round_ticks);
  g_test_add_func ("/chart/axis/one-unit", test_one_unit);
  g_test_add_func ("/chart/labels/whole-where-room", test_labels_whole_where_room);
  g_test_add_func ("/chart/labels/whole-as-shown", test_labels_whole_as_shown);
  g_test_add_func ("/chart/change/legend-words", test_change_legend_words);
  g_test_add_func ("/chart/subject-in-title", test_subject_in_title);
  g_test_add_func ("/chart/printed-words", test_printed_words);

  return g_test_run ();
}
