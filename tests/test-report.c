/* test-report.c: the printed reports, read back from their PDF as a clerk
 * reads the paper: the text of each page with pdftotext, the fonts with
 * pdffonts, the outline with qpdf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "kk-chart.h"
#include "kk-format.h"
#include "kk-plan-file.h"
#include "kk-report-parts.h"
#include "kk-report-private.h"
#include "kk-report-words.h"
#include "kk-sheet.h"
#include "kk-synthetic-plan.h"
#include "kk-test-locale.h"
#include "kk-totals.h"

#define PAPER_WIDTH KK_REPORT_A4_WIDTH
#define PAPER_HEIGHT KK_REPORT_A4_HEIGHT

/* A report's PDF and what can be read from it. */
typedef struct
{
  char *path;
  guint n_pages;
  GStrv pages;
} Pdf;

static void
pdf_free (Pdf *pdf)
{
  if (pdf->path != NULL)
    g_unlink (pdf->path);
  g_free (pdf->path);
  g_strfreev (pdf->pages);
  g_free (pdf);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Pdf, pdf_free)

/* Runs one of poppler's tools, which build-aux/setup.sh installs. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;

  g_autofree char *program = g_find_program_in_path (argv[0]);

  g_assert_nonnull (program);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return output;
}

/* Lines wrap where the layout chose: compare texts without white space. */
static char *
squash (const char *text)
{
  GString *squashed = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (squashed, c);
    }
  return g_string_free (squashed, FALSE);
}

/* Writes the report as the export does and reads every page's text. */
static Pdf *
pdf_new (KkReport *report)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  Pdf *pdf = g_new0 (Pdf, 1);
  int fd = g_file_open_tmp ("keikaku-report-XXXXXX.pdf", &pdf->path, &error);

  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (pdf->path);
  g_assert_true (kk_report_export_pdf (report, file, PAPER_WIDTH, PAPER_HEIGHT, NULL, &error));
  g_assert_no_error (error);
  text = run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf->path, "-", NULL });
  /* Every page ends with a form feed. */
  g_assert_true (g_str_has_suffix (text, "\f"));
  pages = g_strsplit (text, "\f", -1);
  pdf->n_pages = g_strv_length (pages) - 1;
  pdf->pages = g_new0 (char *, pdf->n_pages + 1);
  for (guint i = 0; i < pdf->n_pages; i++)
    pdf->pages[i] = squash (pages[i]);
  return pdf;
}

/* Returns the first page from @from that shows @text, or -1. */
static int
pdf_find (Pdf        *pdf,
          const char *text,
          guint       from)
{
  g_autofree char *needle = squash (text);

  for (guint i = from; i < pdf->n_pages; i++)
    if (strstr (pdf->pages[i], needle) != NULL)
      return i;
  return -1;
}

static void
assert_pdf_shows (Pdf        *pdf,
                  const char *text)
{
  if (pdf_find (pdf, text, 0) < 0)
    g_error ("“%s” is on no page of the report", text);
}

static Pdf *
pdf_new_for_plan (KkPlan       *plan,
                  KkReportKind  kind,
                  KkDivision   *division)
{
  g_autoptr(KkReport) report = kk_report_new (plan, kind);

  kk_report_set_division (report, division);
  return pdf_new (report);
}

static guint
report_count_pages (KkPlan       *plan,
                    KkReportKind  kind,
                    KkDivision   *division)
{
  g_autoptr(KkReport) report = kk_report_new (plan, kind);

  kk_report_set_division (report, division);
  return kk_report_get_n_pages (report, PAPER_WIDTH, PAPER_HEIGHT);
}

static KkPlan *
embedded_plan (void)
{
  KkPlan *plan = kk_plan_load_default ();

  g_assert_nonnull (plan);
  return plan;
}

/* n / m at the foot of every page from @first; a cover has no number. */
static void
assert_pages_numbered (Pdf   *pdf,
                       guint  first)
{
  for (guint i = first; i < pdf->n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u/%u", i + 1, pdf->n_pages);

      g_assert_nonnull (strstr (pdf->pages[i], number));
    }
}

static void
assert_program_names_shown (Pdf    *pdf,
                            KkPlan *plan)
{
  GListModel *programs = kk_plan_get_programs (plan);

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      assert_pdf_shows (pdf, kk_program_get_name (program));
    }
}

/* The cover lists every division with its total, then each division's pages
 * follow in the plan's order, each from a new page, with its subtotal. */
static void
assert_division_summaries (KkPlan *plan)
{
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_DIVISIONS, NULL);
  GListModel *divisions = kk_plan_get_divisions (plan);
  KkTotals plan_totals = kk_totals_for_plan (plan);
  g_autofree char *plan_total = kk_format_thousand_yen (plan_totals.budget);
  guint page = pdf->n_pages;

  g_assert_cmpuint (pdf->n_pages, ==, report_count_pages (plan, KK_REPORT_KIND_DIVISIONS, NULL));
  assert_pages_numbered (pdf, 0);
  assert_program_names_shown (pdf, plan);
  assert_pdf_shows (pdf, plan_total);
  for (guint i = g_list_model_get_n_items (divisions); i-- > 0;)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);
      KkTotals totals = kk_totals_for_division (plan, division);
      g_autofree char *total = kk_format_thousand_yen (totals.budget);
      g_autofree char *name = squash (kk_division_get_name (division));

      page -= report_count_pages (plan, KK_REPORT_KIND_DIVISIONS, division);
      g_assert_nonnull (strstr (pdf->pages[page], name));
      g_assert_cmpint (pdf_find (pdf, total, page), >=, (int)page);
      g_assert_cmpint (pdf_find (pdf, total, 0), <, (int)page);
    }
  /* What comes before the first division is the cover. */
  g_assert_cmpuint (page, >=, 1);
}

static void
test_divisions_embedded (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();

  assert_division_summaries (plan);
}

static void
test_divisions_synthetic (void)
{
  g_autoptr(KkPlan) plan = kk_synthetic_plan_new (200, 7);

  assert_division_summaries (plan);
}

/* One division alone: its pages only, no cover, the others absent. */
static void
test_divisions_one (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  GListModel *divisions = kk_plan_get_divisions (plan);
  g_autoptr(KkDivision) division = g_list_model_get_item (divisions, 0);
  g_autoptr(KkDivision) other = g_list_model_get_item (divisions, 1);
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_DIVISIONS, division);
  GListModel *programs = kk_plan_get_programs (plan);

  g_assert_cmpuint (pdf->n_pages, <, report_count_pages (plan, KK_REPORT_KIND_DIVISIONS, NULL));
  g_assert_cmpint (pdf_find (pdf, kk_division_get_name (division), 0), ==, 0);
  g_assert_cmpint (pdf_find (pdf, kk_division_get_name (other), 0), <, 0);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      if (kk_program_get_lead_division (program) == division)
        assert_pdf_shows (pdf, kk_program_get_name (program));
    }
}

/* A word of a page as pdftotext reads it, with its box in points. */
typedef struct
{
  char *text;
  double x0, y0, x1, y1;
} PdfWord;

static void
pdf_word_free (PdfWord *word)
{
  g_free (word->text);
  g_free (word);
}

static double
pdf_word_x (const PdfWord *word)
{
  return (word->x0 + word->x1) / 2;
}

static double
pdf_word_y (const PdfWord *word)
{
  return (word->y0 + word->y1) / 2;
}

/* The words of every page, each page an array of PdfWord. */
static GPtrArray *
pdf_read_words (Pdf *pdf)
{
  g_autofree char *html = run_tool ((const char *[]) { "pdftotext", "-bbox", "-enc", "UTF-8",
                                                       pdf->path, "-", NULL });
  g_autoptr(GRegex) regex = g_regex_new ("<page |<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" "
                                         "xMax=\"([0-9.]+)\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);

  for (g_regex_match (regex, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);
      PdfWord *word;

      if (g_str_has_prefix (whole, "<page"))
        {
          g_ptr_array_add (pages, g_ptr_array_new_with_free_func ((GDestroyNotify)pdf_word_free));
          continue;
        }
      word = g_new0 (PdfWord, 1);
      for (guint i = 0; i < 4; i++)
        {
          g_autofree char *number = g_match_info_fetch (match, i + 1);
          double *coordinates[] = { &word->x0, &word->y0, &word->x1, &word->y1 };

          *coordinates[i] = g_ascii_strtod (number, NULL);
        }
      word->text = g_match_info_fetch (match, 5);
      g_ptr_array_add (g_ptr_array_index (pages, pages->len - 1), word);
    }
  g_assert_cmpuint (pages->len, ==, pdf->n_pages);
  return pages;
}

/* Finds @label, maybe several words, on @words; returns its box's centre. */
static gboolean
pdf_words_find_label (GPtrArray  *words,
                      const char *label,
                      double     *x,
                      double     *y)
{
  g_auto(GStrv) parts = g_strsplit (label, " ", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + n <= words->len; i++)
    {
      PdfWord *first = g_ptr_array_index (words, i);
      PdfWord *last = g_ptr_array_index (words, i + n - 1);
      gboolean found = TRUE;

      for (guint k = 0; k < n && found; k++)
        found = g_str_equal (((PdfWord *)g_ptr_array_index (words, i + k))->text, parts[k]);
      if (found)
        {
          *x = (first->x0 + last->x1) / 2;
          *y = (pdf_word_y (first) + pdf_word_y (last)) / 2;
          return TRUE;
        }
    }
  return FALSE;
}

/* A figure of a division's KPI table: the column it stands in (a kind of
 * figure, or -1 for 達成率), its year's label and its text. */
typedef struct
{
  int column;
  char *year;
  char *text;
} KpiCell;

static void
kpi_cell_free (KpiCell *cell)
{
  g_free (cell->year);
  g_free (cell->text);
  g_free (cell);
}

static void
kpi_cells_add (GPtrArray  *cells,
               int         column,
               int         fiscal_year,
               const char *text)
{
  KpiCell *cell = g_new0 (KpiCell, 1);
  g_auto(GStrv) words = g_strsplit (text, " ", 2);

  cell->column = column;
  cell->year = kk_format_fiscal_year (fiscal_year);
  cell->text = g_strdup (words[0]);
  g_ptr_array_add (cells, cell);
}

#define ACHIEVEMENT_COLUMN (-1)
#define OTHER_COLUMN (-2)

/* The column under whose header @word stands, the headers found at @xs. */
static int
kpi_table_column_at (const double *xs,
                     const int    *columns,
                     guint         n_columns,
                     PdfWord      *word)
{
  int column = OTHER_COLUMN;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < n_columns; i++)
    if (fabs (pdf_word_x (word) - xs[i]) < best)
      {
        best = fabs (pdf_word_x (word) - xs[i]);
        column = columns[i];
      }
  return column;
}

/* The year of the row @word stands in: the year cell nearest to it. */
static const char *
kpi_table_year_of (GPtrArray *years,
                   PdfWord   *word)
{
  const char *year = NULL;
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < years->len; i++)
    {
      PdfWord *cell = g_ptr_array_index (years, i);

      if (fabs (pdf_word_y (cell) - pdf_word_y (word)) < best)
        {
          best = fabs (pdf_word_y (cell) - pdf_word_y (word));
          year = cell->text;
        }
    }
  return year;
}

/* Reads the cells of the KPI table on one page: each word under a figure
 * or 達成率 header, with the year of its row. */
static void
kpi_table_read_page (GPtrArray *words,
                     GPtrArray *found)
{
  static const KkKpiKind kinds[] = {
    KK_KPI_KIND_PLAN, KK_KPI_KIND_TARGET, KK_KPI_KIND_ACTUAL, KK_KPI_KIND_FORECAST,
  };
  double xs[G_N_ELEMENTS (kinds) + 3];
  int columns[G_N_ELEMENTS (kinds) + 3];
  guint n_columns = 0;
  double header_y;
  double y;
  g_autoptr(GPtrArray) years = g_ptr_array_new ();

  if (!pdf_words_find_label (words, KK_WORD_FISCAL_YEAR, &xs[0], &header_y))
    return;
  columns[n_columns++] = OTHER_COLUMN;
  if (pdf_words_find_label (words, KK_WORD_KPI, &xs[n_columns], &y))
    columns[n_columns++] = OTHER_COLUMN;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (pdf_words_find_label (words, kk_report_get_kind_label (kinds[k]), &xs[n_columns], &y) &&
        fabs (y - header_y) < 4)
      columns[n_columns++] = kinds[k];
  if (pdf_words_find_label (words, KK_WORD_ACHIEVEMENT, &xs[n_columns], &y) &&
      fabs (y - header_y) < 4)
    columns[n_columns++] = ACHIEVEMENT_COLUMN;

  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);

      if (pdf_word_y (word) > header_y + 4 && g_str_has_suffix (word->text, "年度") &&
          fabs (pdf_word_x (word) - xs[0]) < 4)
        g_ptr_array_add (years, word);
    }
  for (guint i = 0; i < words->len && years->len > 0; i++)
    {
      PdfWord *word = g_ptr_array_index (words, i);
      int column = kpi_table_column_at (xs, columns, n_columns, word);
      KpiCell *cell;

      if (pdf_word_y (word) <= header_y + 4 || column == OTHER_COLUMN)
        continue;
      cell = g_new0 (KpiCell, 1);
      cell->column = column;
      cell->year = g_strdup (kpi_table_year_of (years, word));
      cell->text = g_strdup (word->text);
      g_ptr_array_add (found, cell);
    }
}

/* Every figure the plan holds for @kpi, where it must stand, and its
 * achievement in every year that has one. */
static void
kpi_cells_add_expected (GPtrArray *expected,
                        KkKpi     *kpi)
{
  GListModel *values = kk_kpi_get_values (kpi);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);
      int year = kk_kpi_value_get_fiscal_year (value);
      double number = kk_kpi_value_get_value (value);
      g_autofree char *digits = number == trunc (number) ? kk_format_grouped ((gint64)number)
                                                         : kk_format_number (number);
      g_autofree char *figure = NULL;
      g_autofree char *percent = NULL;
      double ratio;

      if (kk_kpi_value_get_has_value (value))
        figure = g_strconcat (digits, kk_kpi_get_unit (kpi), NULL);
      else if (kk_kpi_value_get_note (value) != NULL)
        figure = g_strdup (kk_kpi_value_get_note (value));
      if (figure != NULL)
        kpi_cells_add (expected, kk_kpi_value_get_kind (value), year, figure);
      /* A year's achievement once, with its actual. */
      if (kk_kpi_value_get_kind (value) == KK_KPI_KIND_ACTUAL &&
          kk_kpi_find_value (kpi, year, KK_KPI_KIND_ACTUAL) == value &&
          kk_kpi_get_achievement (kpi, year, &ratio))
        {
          percent = kk_format_percent (ratio);
          kpi_cells_add (expected, ACHIEVEMENT_COLUMN, year, percent);
        }
    }
}

static gboolean
kpi_cells_take (GPtrArray     *found,
                const KpiCell *wanted)
{
  for (guint i = 0; i < found->len; i++)
    {
      KpiCell *cell = g_ptr_array_index (found, i);

      if (cell->column == wanted->column && g_strcmp0 (cell->year, wanted->year) == 0 &&
          g_str_has_prefix (cell->text, wanted->text))
        {
          g_ptr_array_remove_index (found, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether @words hold @text's words on one line, left to right. */
static gboolean
pdf_words_show_line (GPtrArray  *words,
                     const char *text)
{
  g_auto(GStrv) parts = g_regex_split_simple ("\\s+", text, 0, 0);

  for (guint i = 0; i < words->len; i++)
    {
      PdfWord *previous = g_ptr_array_index (words, i);
      guint k = 1;

      if (!g_str_equal (previous->text, parts[0]))
        continue;
      for (guint j = 0; j < words->len && parts[k] != NULL; j++)
        {
          PdfWord *word = g_ptr_array_index (words, j);

          if (g_str_equal (word->text, parts[k]) && word->x0 > previous->x1 &&
              fabs (pdf_word_y (word) - pdf_word_y (previous)) < 2)
            {
              previous = word;
              k++;
              j = 0;
            }
        }
      if (parts[k] == NULL)
        return TRUE;
    }
  return FALSE;
}

/* The dates a KPI's figures stand at, in the notes under the table. */
static void
assert_as_of_dates_shown (Pdf   *pdf,
                          KkKpi *kpi)
{
  GListModel *values = kk_kpi_get_values (kpi);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);
      g_autofree char *as_of = kk_report_dup_as_of (value);

      if (as_of != NULL)
        assert_pdf_shows (pdf, as_of);
    }
}

/* The chart of a division's budgets is titled with the division's name. */
static void
assert_division_chart_named (GPtrArray  *pages,
                             KkPlan     *plan,
                             KkDivision *division)
{
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  g_autofree char *title = NULL;

  kk_chart_set_subject (chart, kk_division_get_name (division));
  kk_chart_set_printed (chart, TRUE);
  title = kk_chart_dup_title (chart);
  for (guint i = 0; i < pages->len; i++)
    if (pdf_words_show_line (g_ptr_array_index (pages, i), title))
      return;
  g_error ("“%s” is on no page of the division", title);
}

/* Each figure of each KPI of the programs @division leads stands on its
 * pages in the column of its kind and the row of its year, and so does
 * every achievement the plan allows. Each cell read answers one figure.
 * The chart, where it leads programs, names the division. */
static void
assert_division_kpis_shown (KkPlan     *plan,
                            KkDivision *division)
{
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_DIVISIONS, division);
  g_autoptr(GPtrArray) pages = pdf_read_words (pdf);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)kpi_cell_free);
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func ((GDestroyNotify)kpi_cell_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GListModel *programs = kk_plan_get_programs (plan);
  gboolean leads = FALSE;

  for (guint i = 0; i < pages->len; i++)
    kpi_table_read_page (g_ptr_array_index (pages, i), found);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      KkSheet *sheet = kk_program_get_sheet (program);
      GListModel *kpis;

      if (kk_program_get_lead_division (program) != division)
        continue;
      leads = TRUE;
      if (sheet == NULL || !g_hash_table_add (seen, sheet))
        continue;
      kpis = kk_sheet_get_kpis (sheet);
      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, k);
          guint first = expected->len;

          kpi_cells_add_expected (expected, kpi);
          assert_as_of_dates_shown (pdf, kpi);
          for (guint e = first; e < expected->len; e++)
            {
              KpiCell *wanted = g_ptr_array_index (expected, e);

              if (!kpi_cells_take (found, wanted))
                g_error ("%s: %s of 【%u】 %s, %s, column %d, is not in its cell",
                         kk_division_get_name (division), wanted->text,
                         kk_program_get_number (program), kk_kpi_get_name (kpi), wanted->year,
                         wanted->column);
            }
        }
    }
  if (leads)
    assert_division_chart_named (pages, plan, division);
}

static void
assert_every_division_kpi_shown (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  GListModel *divisions = kk_plan_get_divisions (plan);

  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);

      assert_division_kpis_shown (plan, division);
    }
}

static void
test_divisions_every_kpi_figure (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_every_division_kpi_shown);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_every_division_kpi_shown);
}

/* The text of a program's row in the division tables: 番号 then 事業名. */
static char *
program_row_text (KkProgram *program)
{
  return g_strdup_printf ("%u%s", kk_program_get_number (program), kk_program_get_name (program));
}

/* A division leading many programs has a table over several pages: each
 * page with a row of it shows the table's header again. */
static void
test_divisions_header_repeats (void)
{
  g_autoptr(KkPlan) plan = kk_synthetic_plan_new (200, 7);
  g_autoptr(KkDivision) division = g_list_model_get_item (kk_plan_get_divisions (plan), 0);
  g_autoptr(Pdf) pdf = NULL;
  /* pdftotext reads a table by columns: its header's words, one by one. */
  static const char * const header[] = { "番号", "事業名", "財源", "前年度", "継続・新規" };
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(GHashTable) pages = g_hash_table_new (NULL, NULL);
  guint continued = 0;

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      kk_program_set_lead_division (program, division);
    }
  pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_DIVISIONS, division);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      g_autofree char *row = program_row_text (program);
      int page = pdf_find (pdf, row, 0);

      g_assert_cmpint (page, >=, 0);
      g_hash_table_add (pages, GINT_TO_POINTER (page));
    }
  for (guint page = 0; page < pdf->n_pages; page++)
    {
      if (!g_hash_table_contains (pages, GINT_TO_POINTER (page)))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (header); i++)
        g_assert_nonnull (strstr (pdf->pages[page], header[i]));
      if (strstr (pdf->pages[page], "主担当の事業") == NULL)
        continued++;
    }
  g_assert_cmpuint (continued, >, 0);
}

static void
test_budget (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_BUDGET, NULL);
  GListModel *pillars = kk_plan_get_pillars (plan);
  g_auto(GStrv) fundings = kk_plan_dup_funding_labels (plan);
  KkTotals totals = kk_totals_for_plan (plan);
  g_autofree char *total = kk_format_thousand_yen (totals.budget);
  g_autofree char *previous = kk_format_thousand_yen (totals.previous_budget);
  g_autofree char *difference = kk_format_thousand_yen (totals.difference);

  g_assert_cmpuint (pdf->n_pages, ==, 1);
  assert_pdf_shows (pdf, total);
  assert_pdf_shows (pdf, previous);
  assert_pdf_shows (pdf, difference);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(KkPillar) pillar = g_list_model_get_item (pillars, i);
      KkTotals pillar_totals = kk_totals_for_pillar (plan, pillar);
      g_autofree char *row = g_strdup_printf ("%s", kk_pillar_get_name (pillar));
      g_autofree char *amount = kk_format_thousand_yen (pillar_totals.budget);

      assert_pdf_shows (pdf, row);
      assert_pdf_shows (pdf, amount);
    }
  for (guint i = 0; fundings[i] != NULL; i++)
    {
      KkTotals funding_totals = kk_totals_for_funding (plan, fundings[i]);
      g_autofree char *amount = kk_format_thousand_yen (funding_totals.budget);

      assert_pdf_shows (pdf, amount);
    }
}

/* The first words of a text, to find where it starts. */
static char *
dup_text_start (const char *text)
{
  g_autofree char *squashed = squash (text);

  return g_utf8_substring (squashed, 0, MIN (30, g_utf8_strlen (squashed, -1)));
}

/* The page where @text ends, from @from: the page of its last words, or
 * of fewer of them where a page break cuts them. */
static int
pdf_find_end (Pdf        *pdf,
              const char *text,
              guint       from)
{
  g_autofree char *squashed = squash (text);
  glong length = g_utf8_strlen (squashed, -1);

  for (glong n = MIN (30, length); n >= MIN (8, length); n--)
    {
      g_autofree char *last_words = g_utf8_substring (squashed, length - n, length);
      int page = pdf_find (pdf, last_words, from);

      if (page >= 0)
        return page;
    }
  return -1;
}

/* The pages a sheet starts and ends on, from its purpose to its activities. */
static void
find_sheet_pages (Pdf     *pdf,
                  KkSheet *sheet,
                  guint    from,
                  int     *start,
                  int     *end)
{
  g_autofree char *first_words = dup_text_start (kk_sheet_get_purpose (sheet));

  *start = pdf_find (pdf, first_words, from);
  g_assert_cmpint (*start, >=, (int)from);
  *end = pdf_find_end (pdf, kk_sheet_get_activities (sheet), *start);
  g_assert_cmpint (*end, >=, *start);
}

static gsize
sheet_text_length (KkSheet *sheet)
{
  return strlen (kk_sheet_get_purpose (sheet)) + strlen (kk_sheet_get_overview (sheet)) +
         strlen (kk_sheet_get_activities (sheet));
}

/* The book: cover, index, divisions, then each sheet from a new page; a
 * sheet of little text on one page. */
static void
test_book_embedded (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_BOOK, NULL);
  GListModel *sheets = kk_plan_get_sheets (plan);
  KkSheet *shortest = NULL;
  int shortest_start;
  int shortest_end;
  /* The cover, the index, then the divisions, on the index's page where
   * they fit, come first; the division table ends with 庶務経理課. */
  int end = pdf_find (pdf, "庶務経理課8,9,10", 1);

  g_assert_cmpint (end, >=, 1);
  assert_program_names_shown (pdf, plan);
  assert_pages_numbered (pdf, 1);
  assert_pdf_shows (pdf, kk_plan_get_organization (plan));
  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);
      int previous_end = end;
      int start;

      find_sheet_pages (pdf, sheet, 0, &start, &end);
      g_assert_cmpint (start, ==, previous_end + 1);
      if (shortest == NULL || sheet_text_length (sheet) < sheet_text_length (shortest))
        shortest = sheet;
    }
  g_assert_cmpuint (end + 1, ==, pdf->n_pages);
  find_sheet_pages (pdf, shortest, 0, &shortest_start, &shortest_end);
  g_assert_cmpint (shortest_start, ==, shortest_end);
}

/* A sheet whose activities fill more than a page goes on over the next,
 * and the sheet after it still starts on a page of its own. */
static void
test_book_long_sheet (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(KkSheet) sheet = g_list_model_get_item (kk_plan_get_sheets (plan), 0);
  g_autoptr(KkSheet) next = g_list_model_get_item (kk_plan_get_sheets (plan), 1);
  guint n_pages = report_count_pages (plan, KK_REPORT_KIND_BOOK, NULL);
  g_autoptr(GString) activities = g_string_new (NULL);
  g_autoptr(Pdf) pdf = NULL;
  int first;
  int last;
  int next_start;
  int next_end;

  for (guint i = 1; i <= 80; i++)
    g_string_append_printf (activities, "%u 取組第%u項として、関係機関と連携し県内中小企業の"
                            "経営課題の解決に向けた伴走型の支援を実施する。\n", i, i);
  kk_sheet_set_activities (sheet, activities->str);
  pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_BOOK, NULL);
  first = pdf_find (pdf, "取組第1項として", 0);
  last = pdf_find (pdf, "取組第80項として", 0);
  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (last, >, first);
  g_assert_cmpuint (pdf->n_pages, ==, n_pages + last - first);
  find_sheet_pages (pdf, next, last, &next_start, &next_end);
  g_assert_cmpint (next_start, ==, last + 1);
  assert_pages_numbered (pdf, 1);
}

/* A report whose KPI table, with notes under it, comes lower and lower
 * down its page as a text above it grows a line at a time. */
typedef struct
{
  KkPlan *plan;
  KkReportKind kind;
  KkDivision *division;
  const char *note;
  const char *last_row;
  GObject *lengthened;
  const char *property;
  char *text;
} NoteTrial;

/* The page where @trial's first note starts with @n_lines more lines
 * above it, which must show the table's last row before the note. */
static int
note_trial_find_page (NoteTrial *trial,
                      guint      n_lines)
{
  g_autoptr(GString) text = g_string_new (trial->text);
  g_autoptr(Pdf) pdf = NULL;
  g_autofree char *row = squash (trial->last_row);
  g_autofree char *note_text = squash (trial->note);
  const char *note;
  const char *shown;
  int page;

  for (guint i = 0; i < n_lines; i++)
    g_string_append (text, "\n追加の行");
  g_object_set (trial->lengthened, trial->property, text->str, NULL);
  pdf = pdf_new_for_plan (trial->plan, trial->kind, trial->division);
  page = pdf_find (pdf, trial->note, 0);
  g_assert_cmpint (page, >=, 0);
  note = strstr (pdf->pages[page], note_text);
  shown = strstr (pdf->pages[page], row);
  if (shown == NULL || shown > note)
    g_error ("the note under the table starts page %d, away from the row “%s”", page + 1,
             trial->last_row);
  return page;
}

/* A note under a KPI table never starts a page away from its table: with
 * more and more lines above it, the table's end comes to the foot of a
 * page, where the note goes over first; there its last row goes over with
 * it. A line above is shorter than a line of notes and the space above
 * it, so some number of lines leaves room for the table and not its note:
 * the first that moves the note on, which a bisection finds. */
static void
assert_note_keeps_with_table (NoteTrial *trial)
{
  guint low = 0;
  guint high = 60;
  int first_page;

  trial->text = NULL;
  g_object_get (trial->lengthened, trial->property, &trial->text, NULL);
  first_page = note_trial_find_page (trial, low);
  g_assert_cmpint (note_trial_find_page (trial, high), >, first_page);
  while (high - low > 1)
    {
      guint middle = (low + high) / 2;

      if (note_trial_find_page (trial, middle) > first_page)
        high = middle;
      else
        low = middle;
    }
  /* Each try checked that the row went with the note, @high too. */
  g_assert_cmpuint (high, <, 60);
  g_free (trial->text);
}

/* The name of the last KPI of @program's sheet: its rows come last. */
static const char *
get_last_kpi_name (KkProgram *program)
{
  GListModel *kpis = kk_sheet_get_kpis (kk_program_get_sheet (program));
  g_autoptr(KkKpi) last = g_list_model_get_item (kpis, g_list_model_get_n_items (kpis) - 1);

  return kk_kpi_get_name (last);
}

/* 【11】's notes (注1: …) under its KPI table in the book, with more and
 * more lines in its purpose. */
static void
test_book_note_keeps_with_table (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  KkProgram *program = kk_plan_find_program (plan, 11);
  GListModel *programs = kk_plan_get_programs (plan);
  NoteTrial trial = {
    plan, KK_REPORT_KIND_BOOK, NULL, "注1:", get_last_kpi_name (program),
    G_OBJECT (kk_program_get_sheet (program)), "purpose", NULL,
  };

  /* 【11】 alone, so that each try prints a few pages. */
  for (guint i = g_list_model_get_n_items (programs); i-- > 0;)
    {
      g_autoptr(KkProgram) other = g_list_model_get_item (programs, i);

      if (other != program)
        kk_plan_delete_program (plan, other);
    }
  assert_note_keeps_with_table (&trial);
}

/* The division of 【11】 and 【12】: its KPI table ends with 【12】's
 * ポスコロ事業, its note (※1 令和5年12月31日現在) under it, and its table
 * of programs above grows with 【11】's name. */
static void
test_divisions_note_keeps_with_table (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  KkProgram *program = kk_plan_find_program (plan, 11);
  NoteTrial trial = {
    plan, KK_REPORT_KIND_DIVISIONS, kk_program_get_lead_division (program),
    "※1 令和5年12月31日現在", get_last_kpi_name (kk_plan_find_program (plan, 12)),
    G_OBJECT (program), "name", NULL,
  };

  g_assert_true (kk_program_get_lead_division (kk_plan_find_program (plan, 12)) == trial.division);
  assert_note_keeps_with_table (&trial);
}

static void
test_book_synthetic (void)
{
  g_autoptr(KkPlan) plan = kk_synthetic_plan_new (200, 11);
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_BOOK, NULL);

  g_assert_cmpuint (pdf->n_pages, ==, report_count_pages (plan, KK_REPORT_KIND_BOOK, NULL));
  g_assert_cmpuint (pdf->n_pages, >, g_list_model_get_n_items (kk_plan_get_sheets (plan)));
  assert_program_names_shown (pdf, plan);
  assert_pages_numbered (pdf, 1);
}

/* Every font is in the file, so that the paper looks the same anywhere. */
static void
assert_fonts_embedded (KkReport *report)
{
  g_autoptr(Pdf) pdf = pdf_new (report);
  g_autofree char *fonts = run_tool ((const char *[]) { "pdffonts", pdf->path, NULL });
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  guint n_fonts = 0;

  g_assert_cmpuint (g_strv_length (lines), >, 2);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint j = 0; fields[j] != NULL; j++)
        if (*fields[j] != '\0')
          g_ptr_array_add (words, fields[j]);
      if (words->len == 0)
        continue;
      /* name type… encoding emb sub uni object ID */
      g_assert_cmpuint (words->len, >=, 7);
      g_assert_cmpstr (g_ptr_array_index (words, words->len - 5), ==, "yes");
      n_fonts++;
    }
  g_assert_cmpuint (n_fonts, >, 0);
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b)
{
  /* A hair of tolerance for the rounding of positions. */
  const double epsilon = 0.01;

  return a->x + a->width > b->x + epsilon && b->x + b->width > a->x + epsilon &&
         a->y + a->height > b->y + epsilon && b->y + b->height > a->y + epsilon;
}

static gboolean
rect_inside (const cairo_rectangle_t *inner,
             const cairo_rectangle_t *outer)
{
  const double epsilon = 0.01;

  return inner->x >= outer->x - epsilon && inner->y >= outer->y - epsilon &&
         inner->x + inner->width <= outer->x + outer->width + epsilon &&
         inner->y + inner->height <= outer->y + outer->height + epsilon;
}

/* Every part of every page inside the body, none over another, the body
 * clear of the running header and the footer. */
static void
assert_nothing_clipped_or_overlapping (KkReport *report)
{
  KkReportDocument *document = kk_report_get_document (report, PAPER_WIDTH, PAPER_HEIGHT);

  for (guint page = 0; page < kk_report_document_get_n_pages (document); page++)
    {
      g_autoptr(GArray) rects = kk_report_document_dup_part_rects (document, page);
      cairo_rectangle_t header;
      cairo_rectangle_t body;
      cairo_rectangle_t footer;

      kk_report_document_get_frame (document, page, &header, &body, &footer);
      g_assert_false (rects_overlap (&header, &body));
      g_assert_false (rects_overlap (&body, &footer));
      g_assert_cmpuint (rects->len, >, 0);
      for (guint i = 0; i < rects->len; i++)
        {
          const cairo_rectangle_t *rect = &g_array_index (rects, cairo_rectangle_t, i);

          g_assert_true (rect_inside (rect, &body));
          for (guint j = 0; j < i; j++)
            g_assert_false (rects_overlap (rect, &g_array_index (rects, cairo_rectangle_t, j)));
        }
    }
}

typedef void (*ReportCheck) (KkReport *report);

/* Every report of the embedded plan and of a large synthetic one. */
static void
check_every_report (ReportCheck check)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(KkPlan) synthetic = kk_synthetic_plan_new (200, 3);

  for (KkReportKind kind = KK_REPORT_KIND_DIVISIONS; kind <= KK_REPORT_KIND_BUDGET; kind++)
    {
      g_autoptr(KkReport) report = kk_report_new (plan, kind);
      g_autoptr(KkReport) synthetic_report = kk_report_new (synthetic, kind);

      check (report);
      check (synthetic_report);
    }
}

static void
test_fonts_embedded (void)
{
  check_every_report (assert_fonts_embedded);
}

static void
test_layout (void)
{
  check_every_report (assert_nothing_clipped_or_overlapping);
}

static void
count_changes (KkReport *report,
               guint    *n_changes)
{
  (*n_changes)++;
}

/* An edit of the plan shows in the pages, and undoing it too. */
static void
test_follows_edits (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(KkReport) report = kk_report_new (plan, KK_REPORT_KIND_DIVISIONS);
  g_autoptr(KkProgram) program = g_list_model_get_item (kk_plan_get_programs (plan), 0);
  g_autofree char *name = g_strdup (kk_program_get_name (program));
  g_auto(GValue) value = G_VALUE_INIT;
  guint n_changes = 0;

  g_signal_connect (report, "changed", G_CALLBACK (count_changes), &n_changes);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, "改名後の事業");
  kk_report_get_n_pages (report, PAPER_WIDTH, PAPER_HEIGHT);
  g_assert_true (kk_plan_edit_value (plan, program, "name", &value));
  g_assert_cmpuint (n_changes, ==, 1);
  {
    g_autoptr(Pdf) pdf = pdf_new (report);

    assert_pdf_shows (pdf, "改名後の事業");
    g_assert_cmpint (pdf_find (pdf, name, 0), <, 0);
  }
  kk_history_undo (kk_plan_get_history (plan));
  g_assert_cmpuint (n_changes, ==, 2);
  {
    g_autoptr(Pdf) pdf = pdf_new (report);

    assert_pdf_shows (pdf, name);
  }
}

static void
kpi_add_figure (KkKpi     *kpi,
                int        fiscal_year,
                KkKpiKind  kind,
                double     number)
{
  g_autoptr(KkKpiValue) value = kk_kpi_value_new (fiscal_year, kind);

  kk_kpi_value_set_value (value, number);
  kk_kpi_append_value (kpi, value);
}

/* A KPI with figures of every kind over three years, this year's actual
 * among them: the division's table holds them all, this year's achievement
 * too, and nothing overflows the page. */
static void
test_divisions_kpi_every_kind (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  KkProgram *program = kk_plan_find_program (plan, 13);
  KkDivision *division = kk_program_get_lead_division (program);
  g_autoptr(KkKpi) kpi = g_list_model_get_item (kk_sheet_get_kpis (kk_program_get_sheet (program)),
                                                0);
  g_autoptr(KkReport) report = kk_report_new (plan, KK_REPORT_KIND_DIVISIONS);
  g_autoptr(Pdf) pdf = NULL;
  double ratio;

  /* 交付決定件数: 119件 actual in 令和6年度 */
  kpi_add_figure (kpi, 2024, KK_KPI_KIND_TARGET, 100);
  kpi_add_figure (kpi, 2024, KK_KPI_KIND_FORECAST, 125);
  kpi_add_figure (kpi, 2023, KK_KPI_KIND_PLAN, 90);
  kpi_add_figure (kpi, 2023, KK_KPI_KIND_ACTUAL, 95);
  kpi_add_figure (kpi, 2022, KK_KPI_KIND_FORECAST, 80);
  g_assert_true (kk_kpi_get_achievement (kpi, 2024, &ratio));
  assert_division_kpis_shown (plan, division);
  kk_report_set_division (report, division);
  pdf = pdf_new (report);
  assert_pdf_shows (pdf, "119.0%");
  assert_nothing_clipped_or_overlapping (report);
}

/* An entry of a PDF's outline, its bookmarks: what it says, the page it
 * leads to, from 0, and the index of the entry it is under, or -1. */
typedef struct
{
  char *title;
  guint page;
  int parent;
} OutlineEntry;

static void
outline_entry_clear (OutlineEntry *entry)
{
  g_free (entry->title);
}

/* Appends @entries and their children, depth first, as a viewer lists them. */
static void
outline_add_entries (GArray    *outline,
                     JsonArray *entries,
                     int        parent)
{
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *object = json_array_get_object_element (entries, i);
      OutlineEntry entry = {
        g_strdup (json_object_get_string_member (object, "title")),
        json_object_get_int_member (object, "destpageposfrom1") - 1,
        parent,
      };

      g_array_append_val (outline, entry);
      outline_add_entries (outline, json_object_get_array_member (object, "kids"),
                           outline->len - 1);
    }
}

/* The entries of the outline, in order, as qpdf reads them. */
static GArray *
pdf_dup_outline (Pdf *pdf)
{
  g_autofree char *json = run_tool ((const char *[]) {
    "qpdf", "--json", "--json-key=outlines", pdf->path, NULL });
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GArray *outline = g_array_new (FALSE, FALSE, sizeof (OutlineEntry));

  g_array_set_clear_func (outline, (GDestroyNotify)outline_entry_clear);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  outline_add_entries (outline,
                       json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                     "outlines"),
                       -1);
  return outline;
}

/* A printed plan's words are Japanese whatever the interface language. */
static void
assert_japanese (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalpha (*p))
      g_error ("“%s” is not a Japanese word", text);
}

/* The entry leads to a page that shows @text. */
static void
assert_entry_leads_to (Pdf                *pdf,
                       const OutlineEntry *entry,
                       const char         *text)
{
  g_autofree char *needle = squash (text);

  g_assert_cmpuint (entry->page, <, pdf->n_pages);
  if (strstr (pdf->pages[entry->page], needle) == NULL)
    g_error ("the entry “%s” leads to page %u, which does not show “%s”", entry->title,
             entry->page + 1, text);
}

/* An entry for a part of a report, such as the index: it says the part's
 * title, in Japanese, and leads to @page, where the title shows. */
static void
assert_part_entry (Pdf                *pdf,
                   const OutlineEntry *entry,
                   guint               page)
{
  assert_japanese (entry->title);
  g_assert_cmpuint (entry->page, ==, page);
  assert_entry_leads_to (pdf, entry, entry->title);
}

/* A line of pdfinfo's: "Title:  令和6年度 事業計画書". */
static void
assert_pdf_property (const char *info,
                     const char *name,
                     const char *value)
{
  g_autofree char *line = g_strdup_printf ("\n%s:", name);
  const char *found = strstr (info, line);
  g_autofree char *shown = NULL;

  g_assert_nonnull (found);
  found += strlen (line);
  shown = g_strndup (found, strcspn (found, "\n"));
  g_assert_cmpstr (g_strstrip (shown), ==, value);
}

/* Title, author and creator, as a viewer's document properties show them. */
static void
assert_pdf_properties (Pdf        *pdf,
                       KkPlan     *plan,
                       const char *title)
{
  g_autofree char *info = run_tool ((const char *[]) { "pdfinfo", pdf->path, NULL });
  g_autofree char *lines = g_strconcat ("\n", info, NULL);

  assert_japanese (title);
  assert_pdf_property (lines, "Title", title);
  assert_pdf_property (lines, "Author", kk_plan_get_organization (plan));
  assert_pdf_property (lines, "Creator", "Keikaku");
}

/* The division summaries: their cover, then each division at the page
 * where its summary starts. */
static void
assert_divisions_outline (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  GListModel *divisions = kk_plan_get_divisions (plan);
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_DIVISIONS, NULL);
  g_autoptr(GArray) outline = pdf_dup_outline (pdf);
  const OutlineEntry *cover = &g_array_index (outline, OutlineEntry, 0);
  g_autofree char *title = NULL;

  g_assert_cmpuint (outline->len, ==, 1 + g_list_model_get_n_items (divisions));
  assert_part_entry (pdf, cover, 0);
  g_assert_cmpint (cover->parent, ==, -1);
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);
      const OutlineEntry *entry = &g_array_index (outline, OutlineEntry, i + 1);
      const OutlineEntry *previous = &g_array_index (outline, OutlineEntry, i);

      /* Under the part they make up. */
      g_assert_cmpint (entry->parent, ==, 0);
      g_assert_cmpstr (entry->title, ==, kk_division_get_name (division));
      g_assert_cmpuint (entry->page, >, previous->page);
      assert_entry_leads_to (pdf, entry, kk_division_get_name (division));
    }
  title = g_strdup_printf ("%s %s", kk_plan_get_title (plan), cover->title);
  assert_pdf_properties (pdf, plan, title);
}

/* One division's pages: its entry alone, at the top. */
static void
assert_division_alone_outline (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(KkDivision) division = g_list_model_get_item (kk_plan_get_divisions (plan), 1);
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_DIVISIONS, division);
  g_autoptr(GArray) outline = pdf_dup_outline (pdf);
  const OutlineEntry *entry = &g_array_index (outline, OutlineEntry, 0);

  g_assert_cmpuint (outline->len, ==, 1);
  g_assert_cmpstr (entry->title, ==, kk_division_get_name (division));
  g_assert_cmpint (entry->parent, ==, -1);
  g_assert_cmpuint (entry->page, ==, 0);
}

/* The book: the index and the division table, then the part of the sheets
 * and under it every program as the plan refers to it, 【13】 and its name,
 * at its sheet. */
static void
assert_book_outline (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_BOOK, NULL);
  g_autoptr(GArray) outline = pdf_dup_outline (pdf);
  const guint n_parts = 3;
  const OutlineEntry *sheets = &g_array_index (outline, OutlineEntry, n_parts - 1);

  g_assert_cmpuint (outline->len, ==, n_parts + g_list_model_get_n_items (programs));
  /* After the cover, which the document's title names. */
  for (guint i = 0; i + 1 < n_parts; i++)
    {
      assert_part_entry (pdf, &g_array_index (outline, OutlineEntry, i), i + 1);
      g_assert_cmpint (g_array_index (outline, OutlineEntry, i).parent, ==, -1);
    }
  /* The sheets' part has no title on paper: it leads to the first sheet. */
  g_assert_cmpstr (sheets->title, ==, KK_WORD_PROGRAM_SHEETS);
  g_assert_cmpint (sheets->parent, ==, -1);
  g_assert_cmpuint (sheets->page, ==, g_array_index (outline, OutlineEntry, n_parts).page);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      const OutlineEntry *entry = &g_array_index (outline, OutlineEntry, n_parts + i);
      const OutlineEntry *previous = &g_array_index (outline, OutlineEntry, n_parts + i - 1);
      g_autofree char *title = g_strdup_printf ("【%u】%s", kk_program_get_number (program),
                                                kk_program_get_name (program));
      g_autofree char *purpose_start = dup_text_start (kk_sheet_get_purpose (kk_program_get_sheet (program)));

      g_assert_cmpstr (entry->title, ==, title);
      g_assert_cmpint (entry->parent, ==, n_parts - 1);
      g_assert_cmpuint (entry->page, >=, previous->page);
      assert_entry_leads_to (pdf, entry, kk_program_get_name (program));
      assert_entry_leads_to (pdf, entry, purpose_start);
    }
  assert_pdf_properties (pdf, plan, kk_plan_get_title (plan));
}

static void
assert_budget_outline (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_BUDGET, NULL);
  g_autoptr(GArray) outline = pdf_dup_outline (pdf);
  const OutlineEntry *entry = &g_array_index (outline, OutlineEntry, 0);
  g_autofree char *title = NULL;

  g_assert_cmpuint (outline->len, ==, 1);
  assert_part_entry (pdf, entry, 0);
  title = g_strdup_printf ("%s %s", kk_plan_get_title (plan), entry->title);
  assert_pdf_properties (pdf, plan, title);
}

static void
assert_every_outline (void)
{
  assert_divisions_outline ();
  assert_division_alone_outline ();
  assert_book_outline ();
  assert_budget_outline ();
}

/* Bookmarks lead to each part, sheet and division, in Japanese in either
 * interface language, and the document properties name the report. */
static void
test_outline (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_every_outline);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_every_outline);
}

/* The fonts a report embeds: only the faces the reports are set in, so that
 * an export stays fast and small (see kk-report-style.h). */
static void
assert_report_fonts (KkReport *report)
{
  static const char * const faces[] = {
    "BIZUDGothic-Regular", "BIZUDGothic-Bold", "BIZUDPMincho-Regular", NULL,
  };
  g_autoptr(Pdf) pdf = pdf_new (report);
  g_autofree char *fonts = run_tool ((const char *[]) { "pdffonts", pdf->path, NULL });
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);

  for (guint i = 2; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      /* A subset's name: six letters, +, the face's PostScript name. */
      const char *plus = strchr (lines[i], '+');
      g_autofree char *face = NULL;

      g_assert_nonnull (plus);
      face = g_strndup (plus + 1, strcspn (plus + 1, " "));
      if (!g_strv_contains (faces, face))
        g_error ("the report embeds %s", face);
    }
}

static void
assert_every_report_font (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();

  for (KkReportKind kind = KK_REPORT_KIND_DIVISIONS; kind <= KK_REPORT_KIND_BUDGET; kind++)
    {
      g_autoptr(KkReport) report = kk_report_new (plan, kind);

      assert_report_fonts (report);
    }
}

static void
test_fonts_expected (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_every_report_font);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_every_report_font);
}

static gsize
report_pdf_size (KkPlan       *plan,
                 KkReportKind  kind,
                 const char   *locale)
{
  g_autoptr(KkReport) report = kk_report_new (plan, kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_nonnull (setlocale (LC_ALL, locale));
  bytes = kk_report_render_pdf (report, PAPER_WIDTH, PAPER_HEIGHT, NULL, &error);
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
  g_assert_no_error (error);
  return g_bytes_get_size (bytes);
}

/* The interface language changes neither the words, the charts' included,
 * nor so the font subsets: a PDF is no larger under C.UTF-8 than under
 * ja_JP.UTF-8. */
static void
test_size_same_in_any_locale (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();

  for (KkReportKind kind = KK_REPORT_KIND_DIVISIONS; kind <= KK_REPORT_KIND_BUDGET; kind++)
    g_assert_cmpuint (report_pdf_size (plan, kind, "C.UTF-8"), <=,
                      report_pdf_size (plan, kind, "ja_JP.UTF-8"));
}

/* A report's text as pdftotext -layout sets it, a line of the page a line
 * of text: a table row's figures stand on one line. */
static GStrv
report_layout_lines (KkPlan       *plan,
                     KkReportKind  kind)
{
  g_autoptr(KkReport) report = kk_report_new (plan, kind);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = kk_report_render_pdf (report, PAPER_WIDTH, PAPER_HEIGHT, NULL, &error);
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  int fd = g_file_open_tmp ("keikaku-book-XXXXXX.pdf", &path, &error);

  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), &error));
  text = run_tool ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL });
  g_unlink (path);
  return g_strsplit (text, "\n", -1);
}

/* Whether a line holds @cells in this order, each a whole word of it, or
 * with a remark in parentheses after it when @remarks: 160件(123.1%). */
static gboolean
lines_show_cells (GStrv               lines,
                  const char * const *cells,
                  gboolean            remarks)
{
  g_autoptr(GString) pattern = g_string_new ("(^|\\s)");
  g_autoptr(GRegex) regex = NULL;

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *escaped = g_regex_escape_string (cells[i], -1);

      g_string_append_printf (pattern, "%s%s%s", i > 0 ? "\\s+" : "", escaped,
                              remarks ? "(\\([^)]*\\))?" : "");
    }
  g_string_append (pattern, "(\\s|$)");
  regex = g_regex_new (pattern->str, 0, 0, NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_regex_match (regex, lines[i], 0, NULL))
      return TRUE;
  return FALSE;
}

static gboolean
lines_show_row (GStrv               lines,
                const char * const *cells)
{
  return lines_show_cells (lines, cells, FALSE);
}

static void
assert_book_row (GStrv               lines,
                 const char * const *cells)
{
  if (!lines_show_row (lines, cells))
    {
      g_autofree char *row = g_strjoinv (" | ", (char **)cells);

      g_error ("the book has no row “%s”", row);
    }
}

/* Every KPI row of the embedded plan prints its figures in the order of
 * its columns, each alone in its cell, with 以上/以下 on targets and plans
 * only. */
static void
assert_book_kpi_rows_from_model (KkPlan *plan,
                                 GStrv   lines)
{
  GListModel *sheets = kk_plan_get_sheets (plan);

  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);
      GListModel *kpis = kk_sheet_get_kpis (sheet);

      for (guint k = 0; k < g_list_model_get_n_items (kpis); k++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, k);
          GListModel *values = kk_kpi_get_values (kpi);
          g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

          for (guint v = 0; v < g_list_model_get_n_items (values); v++)
            {
              g_autoptr(KkKpiValue) value = g_list_model_get_item (values, v);
              KkKpiKind kind = kk_kpi_value_get_kind (value);
              g_autofree char *figure = kk_kpi_dup_figure (kpi, value);

              g_assert_true (kind == KK_KPI_KIND_TARGET || kind == KK_KPI_KIND_PLAN ||
                             (!g_str_has_suffix (figure, "以上") &&
                              !g_str_has_suffix (figure, "以下")));
              g_ptr_array_add (cells, g_steal_pointer (&figure));
            }
          /* The embedded plan lists each KPI's figures in column order. */
          g_ptr_array_add (cells, NULL);
          if (cells->len > 1 && !lines_show_cells (lines, (const char * const *)cells->pdata, TRUE))
            g_error ("the figures of %s are not a row of the book", kk_kpi_get_name (kpi));
        }
    }
}

/* Rows as the source document prints them (seed, 成果目標値). */
static void
assert_book_kpi_rows_from_source (GStrv lines)
{
  /* 【2】: the rows keep their numbers, so that ※1. 2. 3. 4. 6 refers to them. */
  assert_book_row (lines, (const char *[]) { "(1)", "1次対応相談件数(親族内)", "130件", "112件", NULL });
  assert_book_row (lines, (const char *[]) { "(5)", "事業承継診断件数", "2,878件", "2,159件", NULL });
  assert_book_row (lines, (const char *[]) { "(6)", "エリアCO掘り起し件数", "165件", "174件", NULL });
  /* 【4】 */
  assert_book_row (lines, (const char *[]) { "1", "計画認定件数", "500件", "643件", "500件", NULL });
  /* 【6】: 以上 after the targets, not after the actual 3回, 58回 or the forecast 75回. */
  assert_book_row (lines, (const char *[]) { "ビジネスフェア等への出展回数", "2回以上", "3回", "2回以上",
                                             NULL });
  assert_book_row (lines, (const char *[]) { "フォローアップ活動回数", "70回以上", "58回", "75回",
                                             "70回以上", NULL });
  /* 【11】: the achievement beside the figure, 未定 in its cell. */
  assert_book_row (lines, (const char *[]) { "相談件数", "130件", "160件(123.1%)", "未定", NULL });
  assert_book_row (lines, (const char *[]) { "支援完了件数", "89件", "54件(60.7%)", "未定", NULL });
  /* 【12】: the total prints no 令和6年度 target, as the source prints none. */
  assert_book_row (lines, (const char *[]) { "合計利用申請件数", "70件", "30件", "40件", NULL });
  g_assert_false (lines_show_row (lines, (const char *[]) { "合計利用申請件数", "70件", "30件", "40件",
                                                            "70件", NULL }));
  /* 【14】, 【25】 */
  assert_book_row (lines, (const char *[]) { "1", "中小企業個別支援企業数", "5件", "5件", "5件", NULL });
  assert_book_row (lines, (const char *[]) { "2", "理事会", "3回", "3回", "3回", NULL });
  /* 【20】 */
  assert_book_row (lines, (const char *[]) { "②", "月平均所定外労働時間", "20時間以下", NULL });
}

static void
assert_book_notes_under_tables (GStrv lines)
{
  g_autofree char *text = g_strjoinv ("\n", lines);
  const char *table_end = strstr (text, "54件(60.7%)");
  const char *note = strstr (text, "注1: 相談件数=事前58件、一次102件");
  const char *table_start = strstr (text, "(1) 1次対応相談件数(親族内)");
  const char *remark = strstr (text, "※1. 2. 3. 4. 6は令和6年1月末現在の実績");

  /* Notes are never joined to a figure, and follow their table. */
  g_assert_null (strstr (text, "; 注"));
  g_assert_nonnull (note);
  g_assert_true (table_end != NULL && table_end < note);
  g_assert_true (table_start != NULL && remark != NULL && table_start < remark);
  /* As-of dates in the Japanese era, in the column they date. */
  g_assert_nonnull (strstr (text, "令和6年1月31日現在"));
  g_assert_nonnull (strstr (text, "令和5年12月31日現在"));
  g_assert_null (strstr (text, "2024年"));
  g_assert_null (strstr (text, "2023年"));
}

static void
assert_book_kpi_tables (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_auto(GStrv) lines = report_layout_lines (plan, KK_REPORT_KIND_BOOK);

  assert_book_kpi_rows_from_model (plan, lines);
  assert_book_kpi_rows_from_source (lines);
  assert_book_notes_under_tables (lines);
}

/* The KPI tables of the book against the source, in either interface
 * language. */
static void
test_book_kpi_tables (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_book_kpi_tables);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_book_kpi_tables);
}

/* Each page a sheet runs onto repeats its number and name with （続き）. */
static void
test_book_continued (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(Pdf) pdf = pdf_new_for_plan (plan, KK_REPORT_KIND_BOOK, NULL);
  GListModel *sheets = kk_plan_get_sheets (plan);
  guint continued = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);
      g_autoptr(KkProgram) program = g_list_model_get_item (kk_sheet_get_programs (sheet), 0);
      g_autofree char *title = g_strdup_printf ("【%u】%s", kk_program_get_number (program),
                                                kk_program_get_name (program));
      g_autofree char *heading = squash (title);
      int start;
      int end;

      find_sheet_pages (pdf, sheet, 0, &start, &end);
      g_assert_null (strstr (pdf->pages[start], "（続き）"));
      for (int page = start + 1; page <= end; page++, continued++)
        {
          g_assert_nonnull (strstr (pdf->pages[page], heading));
          g_assert_nonnull (strstr (pdf->pages[page], "（続き）"));
        }
    }
  g_assert_cmpuint (continued, >, 0);
}

/* A line of a page as pdftotext -bbox-layout reads it: its words joined,
 * where it starts, the block (a paragraph, a cell) it belongs to, and its
 * words (PdfWord). */
typedef struct
{
  char *text;
  double x;
  guint block;
  GPtrArray *words;
} PdfLine;

static void
pdf_line_clear (PdfLine *line)
{
  g_free (line->text);
  g_ptr_array_unref (line->words);
}

static void
pdf_line_add_word (PdfLine    *line,
                   const char *text,
                   double      x0,
                   double      x1)
{
  PdfWord *word = g_new0 (PdfWord, 1);
  char *joined = g_strconcat (line->text, text, NULL);

  word->text = g_strdup (text);
  word->x0 = x0;
  word->x1 = x1;
  g_ptr_array_add (line->words, word);
  g_free (line->text);
  line->text = joined;
}

static GArray *
report_read_lines (KkPlan       *plan,
                   KkReportKind  kind)
{
  g_autoptr(KkReport) report = kk_report_new (plan, kind);
  g_autoptr(Pdf) pdf = pdf_new (report);
  g_autofree char *html = run_tool ((const char *[]) { "pdftotext", "-bbox-layout", "-enc", "UTF-8",
                                                       pdf->path, "-", NULL });
  g_autoptr(GRegex) regex = g_regex_new ("<block |<line xMin=\"([0-9.]+)\"|"
                                         "<word xMin=\"([0-9.]+)\" [^>]* xMax=\"([0-9.]+)\"[^>]*>"
                                         "([^<]*)</word>",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (PdfLine));
  guint block = 0;

  g_array_set_clear_func (lines, (GDestroyNotify)pdf_line_clear);
  for (g_regex_match (regex, html, 0, &match); g_match_info_matches (match);
       g_match_info_next (match, NULL))
    {
      g_autofree char *whole = g_match_info_fetch (match, 0);
      g_autofree char *x = g_match_info_fetch (match, 1);
      g_autofree char *x0 = g_match_info_fetch (match, 2);
      g_autofree char *x1 = g_match_info_fetch (match, 3);
      g_autofree char *word = g_match_info_fetch (match, 4);

      if (g_str_has_prefix (whole, "<block"))
        block++;
      else if (g_str_has_prefix (whole, "<line"))
        g_array_append_val (lines, ((PdfLine) {
          g_strdup (""), g_ascii_strtod (x, NULL), block,
          g_ptr_array_new_with_free_func ((GDestroyNotify)pdf_word_free) }));
      else
        pdf_line_add_word (&g_array_index (lines, PdfLine, lines->len - 1), word,
                           g_ascii_strtod (x0, NULL), g_ascii_strtod (x1, NULL));
    }
  return lines;
}

/* No line starts with a closing mark, a prolonged sound mark, a wave dash
 * or a small kana, none ends with an opening mark (kinsoku). */
static void
assert_line_breaks_japanese (GArray *lines)
{
  static const char forbidden_start[] = "。、」）)〜ーぁぃぅぇぉっゃゅょァィゥェォッャュョ";
  static const char forbidden_end[] = "「（(";

  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = g_array_index (lines, PdfLine, i).text;
      gunichar first = g_utf8_get_char (text);
      gunichar last = g_utf8_get_char (g_utf8_find_prev_char (text, text + strlen (text)));

      g_assert_true (*text != '\0');
      if (g_utf8_strchr (forbidden_start, -1, first) != NULL)
        g_error ("a line starts with “%s”", text);
      if (g_utf8_strchr (forbidden_end, -1, last) != NULL)
        g_error ("a line ends with “%s”", text);
    }
}

/* Every paragraph of the sheets' texts, without white space. */
static GPtrArray *
dup_sheet_paragraphs (KkPlan *plan)
{
  GListModel *sheets = kk_plan_get_sheets (plan);
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);
      const char *texts[] = {
        kk_sheet_get_purpose (sheet), kk_sheet_get_overview (sheet),
        kk_sheet_get_targets_text (sheet), kk_sheet_get_targets_notes (sheet),
        kk_sheet_get_activities (sheet),
      };

      for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
        {
          g_auto(GStrv) lines = g_strsplit (texts[j] ? texts[j] : "", "\n", -1);

          for (guint k = 0; lines[k] != NULL; k++)
            g_ptr_array_add (paragraphs, squash (lines[k]));
        }
    }
  return paragraphs;
}

/* Whether @first and @next are the first two lines of a paragraph. */
static gboolean
paragraph_starts_with (GPtrArray     *paragraphs,
                       const PdfLine *first,
                       const PdfLine *next)
{
  g_autofree char *start = g_strconcat (first->text, next->text, NULL);
  g_autofree char *squashed = squash (start);

  for (guint i = 0; i < paragraphs->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (paragraphs, i), squashed))
      return TRUE;
  return FALSE;
}

static gboolean
starts_list_item (const char *text)
{
  gunichar first = g_utf8_get_char (text);

  return first == 0x30FB /* ・ */ || first == 0x25CB /* ○ */ ||
         (first >= 0x2460 && first <= 0x2473) /* ①…⑳ */ ||
         (first == '(' && g_ascii_isdigit (text[1]));
}

/* A list item's second line starts under its text, not under its mark;
 * returns how many items of more than one line there are. */
static guint
assert_list_items_hang (GArray    *lines,
                        GPtrArray *paragraphs)
{
  guint n_items = 0;

  for (guint i = 0; i + 1 < lines->len; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);
      const PdfLine *next = &g_array_index (lines, PdfLine, i + 1);

      if (next->block != line->block || !starts_list_item (line->text) ||
          !paragraph_starts_with (paragraphs, line, next))
        continue;
      if (next->x < line->x + 3)
        g_error ("“%s” goes on under its mark: “%s”", line->text, next->text);
      n_items++;
    }
  return n_items;
}

static void
assert_book_typeset (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(GArray) lines = report_read_lines (plan, KK_REPORT_KIND_BOOK);
  g_autoptr(GPtrArray) paragraphs = dup_sheet_paragraphs (plan);

  assert_line_breaks_japanese (lines);
  g_assert_cmpuint (assert_list_items_hang (lines, paragraphs), >=, 20);
}

/* The book's lines break by the Japanese rules, and list items keep their
 * indentation, in either interface language. */
static void
test_book_typeset (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_book_typeset);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_book_typeset);
}

/* The widest a space of running text may be: a third of an em, as BIZ
 * UDPMincho sets it (KK_REPORT_FONT_BODY, 9.5 points), and what a
 * justified line adds after each of its characters, less than a tenth of an
 * em: the line lacks less than a character's width and has some forty. */
#define BODY_SPACE_MAX (9.5 / 3 + 0.95)

/* Whether @line is a line of running text of the sheets: its words, two or
 * more, read together as part of a paragraph of them. A table's row is
 * not: its cells come from several texts. */
static gboolean
is_paragraph_line (GPtrArray     *paragraphs,
                   const PdfLine *line)
{
  g_autofree char *squashed = squash (line->text);

  if (line->words->len < 2)
    return FALSE;
  for (guint i = 0; i < paragraphs->len; i++)
    if (strstr (g_ptr_array_index (paragraphs, i), squashed) != NULL)
      return TRUE;
  return FALSE;
}

/* 1, 1., 1), (1): a list item's number before its space. */
static gboolean
is_list_number (const char *word)
{
  return g_regex_match_simple ("^(\\(?[0-9]+[).]?)$", word, 0, 0);
}

/* In running text a space is no wider than the font sets it, however the
 * line is justified; after a list item's number it is the same on every
 * line. Returns how many list numbers there are. */
static guint
assert_spaces_fixed (GArray    *lines,
                     GPtrArray *paragraphs)
{
  double number_gap = -1;
  guint n_numbers = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const PdfLine *line = &g_array_index (lines, PdfLine, i);

      if (!is_paragraph_line (paragraphs, line))
        continue;
      for (guint w = 0; w + 1 < line->words->len; w++)
        {
          const PdfWord *word = g_ptr_array_index (line->words, w);
          const PdfWord *next = g_ptr_array_index (line->words, w + 1);
          double gap = next->x0 - word->x1;

          if (gap > BODY_SPACE_MAX)
            g_error ("“%s” is stretched to %.2f points after “%s”", line->text, gap, word->text);
          if (w > 0 || !is_list_number (word->text))
            continue;
          if (number_gap < 0)
            number_gap = gap;
          if (fabs (gap - number_gap) > 0.01)
            g_error ("“%s” has %.2f points after its number, others %.2f", line->text, gap,
                     number_gap);
          n_numbers++;
        }
    }
  return n_numbers;
}

static void
assert_book_spaces_fixed (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_autoptr(GArray) lines = report_read_lines (plan, KK_REPORT_KIND_BOOK);
  g_autoptr(GPtrArray) paragraphs = dup_sheet_paragraphs (plan);

  g_assert_cmpuint (assert_spaces_fixed (lines, paragraphs), >=, 40);
}

/* Justifying a line widens no ASCII space of it (1 国が設置した…, 講師:二木
 * 貴 氏), in either interface language. */
static void
test_book_spaces_fixed (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_book_spaces_fixed);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_book_spaces_fixed);
}

/* The budget table's funding columns follow the legend: 国・県・市・自, then
 * the combinations in the same order. */
static void
test_budget_funding_order (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  g_auto(GStrv) lines = report_layout_lines (plan, KK_REPORT_KIND_BUDGET);

  assert_book_row (lines, (const char *[]) { "施策の柱", "国", "県", "市", "自", "県・市", "県・自",
                                             "市・自", "事業費", NULL });
}

/* Whether each page with a running header (a page number at its foot;
 * a cover has neither) shows @title. */
static void
assert_running_title (Pdf        *pdf,
                      const char *title)
{
  g_autofree char *squashed = squash (title);
  guint n_headers = 0;

  for (guint i = 0; i < pdf->n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u/%u", i + 1, pdf->n_pages);

      if (strstr (pdf->pages[i], number) == NULL)
        continue;
      if (strstr (pdf->pages[i], squashed) == NULL)
        g_error ("page %u has no running header “%s”", i + 1, title);
      n_headers++;
    }
  g_assert_cmpuint (n_headers, >, 0);
}

/* While a program is not confirmed, every report says 案 after the title
 * in its running header; once all are, none says it. */
static void
assert_draft_in_running_header (void)
{
  g_autoptr(KkPlan) plan = embedded_plan ();
  KkProgram *program = kk_plan_find_program (plan, 25);
  g_autofree char *draft = g_strdup_printf ("%s（案）", kk_plan_get_title (plan));

  for (KkReportKind kind = KK_REPORT_KIND_DIVISIONS; kind <= KK_REPORT_KIND_BUDGET; kind++)
    {
      g_autoptr(Pdf) confirmed = pdf_new_for_plan (plan, kind, NULL);
      g_autoptr(Pdf) pending = NULL;
      g_autoptr(Pdf) confirmed_again = NULL;

      assert_running_title (confirmed, kk_plan_get_title (plan));
      g_assert_cmpint (pdf_find (confirmed, "（案）", 0), <, 0);

      kk_plan_edit (plan, program, "review-state", KK_REVIEW_STATE_PENDING);
      pending = pdf_new_for_plan (plan, kind, NULL);
      assert_running_title (pending, draft);

      kk_plan_edit (plan, program, "review-state", KK_REVIEW_STATE_CONFIRMED);
      confirmed_again = pdf_new_for_plan (plan, kind, NULL);
      g_assert_cmpint (pdf_find (confirmed_again, "（案）", 0), <, 0);
    }
}

static void
test_draft_in_running_header (void)
{
  kk_test_run_in_locale ("C.UTF-8", assert_draft_in_running_header);
  kk_test_run_in_locale ("ja_JP.UTF-8", assert_draft_in_running_header);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  kk_test_bind_translations ();

  g_test_add_func ("/report/divisions/embedded", test_divisions_embedded);
  g_test_add_func ("/report/divisions/synthetic", test_divisions_synthetic);
  g_test_add_func ("/report/divisions/one", test_divisions_one);
  g_test_add_func ("/report/divisions/header-repeats", test_divisions_header_repeats);
  g_test_add_func ("/report/divisions/every-kpi-figure", test_divisions_every_kpi_figure);
  g_test_add_func ("/report/divisions/kpi-every-kind", test_divisions_kpi_every_kind);
  g_test_add_func ("/report/divisions/note-keeps-with-table", test_divisions_note_keeps_with_table);
  g_test_add_func ("/report/budget", test_budget);
  g_test_add_func ("/report/book/embedded", test_book_embedded);
  g_test_add_func ("/report/book/kpi-tables", test_book_kpi_tables);
  g_test_add_func ("/report/book/continued", test_book_continued);
  g_test_add_func ("/report/book/typeset", test_book_typeset);
  g_test_add_func ("/report/book/spaces-fixed", test_book_spaces_fixed);
  g_test_add_func ("/report/budget/funding-order", test_budget_funding_order);
  g_test_add_func ("/report/book/long-sheet", test_book_long_sheet);
  g_test_add_func ("/report/book/note-keeps-with-table", test_book_note_keeps_with_table);
  g_test_add_func ("/report/book/synthetic", test_book_synthetic);
  g_test_add_func ("/report/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/report/fonts-expected", test_fonts_expected);
  g_test_add_func ("/report/outline", test_outline);
  g_test_add_func ("/report/size-same-in-any-locale", test_size_same_in_any_locale);
  g_test_add_func ("/report/layout", test_layout);
  g_test_add_func ("/report/follows-edits", test_follows_edits);
  g_test_add_func ("/report/draft-in-running-header", test_draft_in_running_header);

  return g_test_run ();
}
