/* kk-xlsx.c: the plan's two tables as an Excel workbook
 *
 * The programs table and the KPI table of the CSV export (kk-csv.c), as two
 * sheets of one Office Open XML workbook, which is what the prefecture's
 * offices exchange. libxlsxwriter writes the workbook: a zip of XML parts
 * that Excel checks strictly, which a library that does only that does
 * better than code of ours.
 *
 * The CSV is for reading back; the workbook is for people. Its column titles
 * and words are the plan's (Japanese whatever the interface language, as in
 * a printed report, kk-report-words.h) and its amounts are numbers that a
 * spreadsheet sums, shown as the plan prints them: 1,234 and ▲ 1,234.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <xlsxwriter.h>

#include "kk-core-private.h"
#include "kk-format.h"
#include "kk-report-parts.h"
#include "kk-report-words.h"
#include "kk-xlsx.h"

/* The offices run Excel on Japanese Windows, whose default face is
 * 游ゴシック; we choose BIZ UDゴシック, which Windows has shipped since
 * Windows 10 version 1809 and Debian packages (fonts-morisawa-bizud-gothic):
 * the face of our printed reports, a universal-design face Morisawa made for
 * official documents, and fixed-pitch, so that a column sized by counting
 * half-width and full-width characters fits its text. This is the name
 * Japanese Windows gives the face; fontconfig knows it too. */
#define KK_XLSX_FONT "BIZ UDゴシック"
#define KK_XLSX_FONT_SIZE 11.0
/* A row tall enough for 11 pt Japanese text: the default of 15 pt is made
 * for Calibri, whose lines are lower. */
#define KK_XLSX_ROW_HEIGHT 18.0
/* The plan's #,##0;▲ #,##0 as Excel stores a number format: literal text
 * in quotes. */
#define KK_XLSX_AMOUNT_FORMAT "#,##0;\"▲ \"#,##0"
#define KK_XLSX_HEADER_COLOR 0xDDEBF7
/* Column widths count half-width characters; a longer text is cut at the
 * column's edge rather than make a column wider than a screen. */
#define KK_XLSX_MAX_WIDTH 60
/* Room beside a column's title for the button of the header's filter. */
#define KK_XLSX_FILTER_BUTTON 3
/* Figures of KPIs get a format with as many decimals as they have, up to
 * this; others (1e-07) are shown as Excel's General format shows them. */
#define KK_XLSX_MAX_DECIMALS 6
/* The most characters a cell of Excel holds. */
#define KK_XLSX_CELL_MAX 32767
#define KK_XLSX_PAPER_A4 9

typedef enum
{
  KK_XLSX_TEXT,
  KK_XLSX_COUNT,
  KK_XLSX_AMOUNT,
  KK_XLSX_FIGURE,
} KkXlsxKind;

typedef struct
{
  const char *title;
  KkXlsxKind kind;
} KkXlsxColumn;

/* The columns of the CSV's programs table, in its order. */
static const KkXlsxColumn program_columns[] = {
  { KK_WORD_NUMBER, KK_XLSX_COUNT },
  { KK_WORD_PROGRAM, KK_XLSX_TEXT },
  { KK_WORD_PILLAR, KK_XLSX_TEXT },
  { KK_WORD_FUNDING, KK_XLSX_TEXT },
  { KK_WORD_XLSX_BUDGET, KK_XLSX_AMOUNT },
  { KK_WORD_PREVIOUS_NAME, KK_XLSX_TEXT },
  { KK_WORD_XLSX_PREVIOUS_BUDGET, KK_XLSX_AMOUNT },
  { KK_WORD_XLSX_CHANGE, KK_XLSX_AMOUNT },
  { KK_WORD_STATUS, KK_XLSX_TEXT },
  { KK_WORD_XLSX_REVIEW_STATE, KK_XLSX_TEXT },
  { KK_WORD_XLSX_LEAD_DIVISION, KK_XLSX_TEXT },
  { KK_WORD_DIVISION, KK_XLSX_TEXT },
  { KK_WORD_RELATED_BODIES, KK_XLSX_TEXT },
};

/* The columns of the CSV's KPI table, in its order. */
static const KkXlsxColumn kpi_columns[] = {
  { KK_WORD_PROGRAM_NUMBERS, KK_XLSX_TEXT },
  { KK_WORD_KPI, KK_XLSX_TEXT },
  { KK_WORD_XLSX_GROUP, KK_XLSX_TEXT },
  { KK_WORD_XLSX_UNIT, KK_XLSX_TEXT },
  { KK_WORD_XLSX_COMPARATOR, KK_XLSX_TEXT },
  { KK_WORD_FISCAL_YEAR, KK_XLSX_TEXT },
  { KK_WORD_XLSX_KIND, KK_XLSX_TEXT },
  { KK_WORD_XLSX_FIGURE, KK_XLSX_FIGURE },
  { KK_WORD_XLSX_AS_OF, KK_XLSX_TEXT },
  { KK_WORD_XLSX_NOTE, KK_XLSX_TEXT },
};

typedef struct
{
  lxw_workbook *workbook;
  lxw_format *header;
  lxw_format *formats[KK_XLSX_FIGURE + 1];
  lxw_format *decimals[KK_XLSX_MAX_DECIMALS + 1];
  /* The first cell that could not be written. */
  GError *error;
} KkXlsx;

typedef struct
{
  KkXlsx *xlsx;
  lxw_worksheet *worksheet;
  const char *name;
  const KkXlsxColumn *columns;
  guint n_columns;
  /* The widest text of each column, in half-width characters. */
  guint *widths;
  lxw_row_t row;
  lxw_col_t col;
} KkXlsxSheet;

/* How wide @text shows in a Japanese face, in half-width characters: two
 * for a wide character, East Asian ambiguous ones such as ▲ and ○
 * included, none for a combining mark. Of several lines, the longest. */
static guint
kk_xlsx_text_width (const char *text)
{
  guint widest = 0;
  guint width = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        width = 0;
      else if (g_unichar_iswide_cjk (c))
        width += 2;
      else if (!g_unichar_iszerowidth (c))
        width += 1;
      widest = MAX (widest, width);
    }
  return widest;
}

/* The width Excel gives a column, in its unit: the digit width of the
 * workbook's default face (Calibri 11, 7 pixels) with 5 pixels of padding.
 * A half-width character of BIZ UDゴシック at 11 pt is 7.33 pixels; a few
 * more keep the text off the cell's border. */
static double
kk_xlsx_column_width (guint half_widths)
{
  return (MIN (half_widths, KK_XLSX_MAX_WIDTH) * 22.0 / 3.0 + 6.0) / 7.0;
}

static lxw_format *
kk_xlsx_add_format (KkXlsx     *xlsx,
                    const char *number_format)
{
  lxw_format *format = workbook_add_format (xlsx->workbook);

  format_set_font_name (format, KK_XLSX_FONT);
  format_set_font_size (format, KK_XLSX_FONT_SIZE);
  format_set_align (format, LXW_ALIGN_VERTICAL_CENTER);
  if (number_format != NULL)
    format_set_num_format (format, number_format);
  return format;
}

static void
kk_xlsx_add_formats (KkXlsx *xlsx)
{
  xlsx->header = kk_xlsx_add_format (xlsx, NULL);
  format_set_bold (xlsx->header);
  format_set_align (xlsx->header, LXW_ALIGN_CENTER);
  format_set_bg_color (xlsx->header, KK_XLSX_HEADER_COLOR);
  format_set_border (xlsx->header, LXW_BORDER_THIN);

  xlsx->formats[KK_XLSX_TEXT] = kk_xlsx_add_format (xlsx, "@");
  xlsx->formats[KK_XLSX_COUNT] = kk_xlsx_add_format (xlsx, "0");
  xlsx->formats[KK_XLSX_AMOUNT] = kk_xlsx_add_format (xlsx, KK_XLSX_AMOUNT_FORMAT);
  xlsx->formats[KK_XLSX_FIGURE] = kk_xlsx_add_format (xlsx, NULL);
  for (guint i = 0; i <= KK_XLSX_MAX_DECIMALS; i++)
    {
      g_autofree char *zeros = g_strnfill (i, '0');
      g_autofree char *number_format = g_strconcat ("#,##0", i > 0 ? "." : "", zeros, NULL);

      xlsx->decimals[i] = kk_xlsx_add_format (xlsx, number_format);
    }
}

/* Keeps the first failure, naming its cell. */
static void
kk_xlsx_fail (KkXlsxSheet *sheet,
              const char  *reason)
{
  char cell[LXW_MAX_CELL_NAME_LENGTH];

  if (sheet->xlsx->error != NULL)
    return;
  lxw_rowcol_to_cell (cell, sheet->row, sheet->col);
  g_set_error (&sheet->xlsx->error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cell %s of the sheet “%s” could not be written: %s"), cell, sheet->name, reason);
}

static void
kk_xlsx_check (KkXlsxSheet *sheet,
               lxw_error    error)
{
  if (error != LXW_NO_ERROR)
    kk_xlsx_fail (sheet, lxw_strerror (error));
}

/* Moves to the next cell, widening its column to @text. */
static void
kk_xlsx_next_cell (KkXlsxSheet *sheet,
                   const char  *text)
{
  sheet->widths[sheet->col] = MAX (sheet->widths[sheet->col], kk_xlsx_text_width (text));
  sheet->col++;
}

static void
kk_xlsx_write_text (KkXlsxSheet *sheet,
                    lxw_format  *format,
                    const char  *text)
{
  if (g_utf8_strlen (text, -1) > KK_XLSX_CELL_MAX)
    {
      g_autofree char *reason = g_strdup_printf (_("its text is longer than the %d characters "
                                                   "a cell holds"),
                                                 KK_XLSX_CELL_MAX);

      kk_xlsx_fail (sheet, reason);
    }
  else
    kk_xlsx_check (sheet, worksheet_write_string (sheet->worksheet, sheet->row, sheet->col, text,
                                                  format));
  kk_xlsx_next_cell (sheet, text);
}

/* A cell of text; %NULL or "" leaves it empty. */
static void
kk_xlsx_text (KkXlsxSheet *sheet,
              const char  *text)
{
  if (text == NULL || *text == '\0')
    kk_xlsx_next_cell (sheet, "");
  else
    kk_xlsx_write_text (sheet, sheet->xlsx->formats[KK_XLSX_TEXT], text);
}

static void
kk_xlsx_take_text (KkXlsxSheet *sheet,
                   char        *text)
{
  kk_xlsx_text (sheet, text);
  g_free (text);
}

static void
kk_xlsx_number (KkXlsxSheet *sheet,
                lxw_format  *format,
                double       number,
                char        *shown)
{
  kk_xlsx_check (sheet, worksheet_write_number (sheet->worksheet, sheet->row, sheet->col, number,
                                                format));
  kk_xlsx_next_cell (sheet, shown);
  g_free (shown);
}

static void
kk_xlsx_count (KkXlsxSheet *sheet,
               gint64       count)
{
  kk_xlsx_number (sheet, sheet->xlsx->formats[KK_XLSX_COUNT], count,
                  g_strdup_printf ("%" G_GINT64_FORMAT, count));
}

static void
kk_xlsx_amount (KkXlsxSheet *sheet,
                gint64       amount)
{
  kk_xlsx_number (sheet, sheet->xlsx->formats[KK_XLSX_AMOUNT], amount,
                  kk_format_thousand_yen (amount));
}

/* A KPI's figure with the decimals it has: 2,878 or 220.6. */
static void
kk_xlsx_figure (KkXlsxSheet *sheet,
                double       figure)
{
  g_autofree char *text = kk_format_number (figure);
  const char *point = strchr (text, '.');
  gsize decimals = point ? strlen (point + 1) : 0;
  g_autofree char *whole = NULL;

  if (strchr (text, 'e') != NULL || decimals > KK_XLSX_MAX_DECIMALS)
    {
      kk_xlsx_number (sheet, sheet->xlsx->formats[KK_XLSX_FIGURE], figure, g_steal_pointer (&text));
      return;
    }
  whole = kk_format_grouped ((gint64)trunc (figure));
  kk_xlsx_number (sheet, sheet->xlsx->decimals[decimals], figure,
                  g_strconcat (whole, point, NULL));
}

static void
kk_xlsx_end_row (KkXlsxSheet *sheet)
{
  sheet->row++;
  sheet->col = 0;
}

static void
kk_xlsx_begin_sheet (KkXlsxSheet        *sheet,
                     KkXlsx             *xlsx,
                     const char         *name,
                     const KkXlsxColumn *columns,
                     guint               n_columns)
{
  sheet->xlsx = xlsx;
  sheet->name = name;
  sheet->columns = columns;
  sheet->n_columns = n_columns;
  sheet->widths = g_new0 (guint, n_columns);
  sheet->row = 0;
  sheet->col = 0;
  sheet->worksheet = workbook_add_worksheet (xlsx->workbook, name);
  g_assert (sheet->worksheet != NULL);

  worksheet_set_default_row (sheet->worksheet, KK_XLSX_ROW_HEIGHT, LXW_FALSE);
  for (guint i = 0; i < n_columns; i++)
    kk_xlsx_write_text (sheet, xlsx->header, columns[i].title);
  for (guint i = 0; i < n_columns; i++)
    sheet->widths[i] += KK_XLSX_FILTER_BUTTON;
  kk_xlsx_end_row (sheet);
}

/* Sizes the columns to their texts, and gives them their cells' format,
 * so that what a clerk adds below looks like the rest. */
static void
kk_xlsx_end_sheet (KkXlsxSheet *sheet)
{
  lxw_worksheet *worksheet = sheet->worksheet;

  for (guint i = 0; i < sheet->n_columns; i++)
    kk_xlsx_check (sheet, worksheet_set_column (worksheet, i, i,
                                                kk_xlsx_column_width (sheet->widths[i]),
                                                sheet->xlsx->formats[sheet->columns[i].kind]));
  worksheet_freeze_panes (worksheet, 1, 0);
  kk_xlsx_check (sheet, worksheet_autofilter (worksheet, 0, 0, MAX (sheet->row, 1) - 1,
                                              sheet->n_columns - 1));
  /* Printed too, so that a number is not read with the text beside it. */
  worksheet_gridlines (worksheet, LXW_SHOW_ALL_GRIDLINES);
  worksheet_set_paper (worksheet, KK_XLSX_PAPER_A4);
  worksheet_set_landscape (worksheet);
  worksheet_fit_to_pages (worksheet, 1, 0);
  kk_xlsx_check (sheet, worksheet_repeat_rows (worksheet, 0, 0));
  g_clear_pointer (&sheet->widths, g_free);
}

/* 作成中, 確認待ち or 確定. */
static const char *
kk_xlsx_review_word (KkReviewState state)
{
  static const char * const words[] = {
    KK_WORD_XLSX_REVIEW_DRAFT, KK_WORD_XLSX_REVIEW_PENDING, KK_WORD_XLSX_REVIEW_CONFIRMED
  };

  g_return_val_if_fail (state < G_N_ELEMENTS (words), NULL);
  return words[state];
}

static void
kk_xlsx_program_row (KkXlsxSheet *sheet,
                     KkProgram   *program)
{
  KkSheet *plan_sheet = kk_program_get_sheet (program);
  const char * const *partners = plan_sheet ? kk_sheet_get_partners (plan_sheet) : NULL;

  kk_xlsx_count (sheet, kk_program_get_number (program));
  kk_xlsx_text (sheet, kk_program_get_name (program));
  kk_xlsx_text (sheet, kk_pillar_get_name (kk_program_get_pillar (program)));
  kk_xlsx_take_text (sheet, kk_program_dup_funding_label (program, "・"));
  kk_xlsx_amount (sheet, kk_program_get_budget (program));
  kk_xlsx_take_text (sheet, kk_report_dup_previous_name (program));
  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW)
    kk_xlsx_text (sheet, NULL);
  else
    kk_xlsx_amount (sheet, kk_program_get_previous_budget (program));
  kk_xlsx_amount (sheet, kk_program_get_difference (program));
  kk_xlsx_text (sheet, kk_report_get_status_label (program));
  kk_xlsx_text (sheet, kk_xlsx_review_word (kk_program_get_review_state (program)));
  kk_xlsx_text (sheet, kk_division_get_name (kk_program_get_lead_division (program)));
  kk_xlsx_take_text (sheet, plan_sheet ? kk_sheet_dup_divisions_label (plan_sheet, "・") : NULL);
  kk_xlsx_take_text (sheet, partners ? g_strjoinv ("、", (char **)partners) : NULL);
  kk_xlsx_end_row (sheet);
}

static void
kk_xlsx_programs (KkXlsx *xlsx,
                  KkPlan *plan)
{
  GListModel *programs = kk_plan_get_programs (plan);
  KkXlsxSheet sheet;

  kk_xlsx_begin_sheet (&sheet, xlsx, KK_WORD_XLSX_PROGRAMS_SHEET, program_columns,
                       G_N_ELEMENTS (program_columns));
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      kk_xlsx_program_row (&sheet, program);
    }
  kk_xlsx_end_sheet (&sheet);
}

/* 以上 or 以下, or nothing for a KPI that is met exactly. */
static const char *
kk_xlsx_comparator_word (KkComparator comparator)
{
  if (comparator == KK_COMPARATOR_AT_LEAST)
    return KK_WORD_AT_LEAST;
  if (comparator == KK_COMPARATOR_AT_MOST)
    return KK_WORD_AT_MOST;
  return NULL;
}

static void
kk_xlsx_value_row (KkSheet    *plan_sheet,
                   KkKpi      *kpi,
                   KkKpiValue *value,
                   gpointer    user_data)
{
  KkXlsxSheet *sheet = user_data;

  kk_xlsx_take_text (sheet, kk_sheet_dup_numbers_label (plan_sheet, "・"));
  kk_xlsx_text (sheet, kk_kpi_get_name (kpi));
  kk_xlsx_text (sheet, kk_kpi_get_group (kpi));
  kk_xlsx_text (sheet, kk_kpi_get_unit (kpi));
  kk_xlsx_text (sheet, kk_xlsx_comparator_word (kk_kpi_get_comparator (kpi)));
  kk_xlsx_take_text (sheet, kk_format_fiscal_year (kk_kpi_value_get_fiscal_year (value)));
  kk_xlsx_text (sheet, kk_report_get_kind_label (kk_kpi_value_get_kind (value)));
  if (kk_kpi_value_get_has_value (value))
    kk_xlsx_figure (sheet, kk_kpi_value_get_value (value));
  else
    kk_xlsx_text (sheet, NULL);
  kk_xlsx_take_text (sheet, kk_report_dup_as_of (value));
  kk_xlsx_text (sheet, kk_kpi_value_get_note (value));
  kk_xlsx_end_row (sheet);
}

static void
kk_xlsx_kpis (KkXlsx *xlsx,
              KkPlan *plan)
{
  KkXlsxSheet sheet;

  kk_xlsx_begin_sheet (&sheet, xlsx, KK_WORD_TARGETS, kpi_columns, G_N_ELEMENTS (kpi_columns));
  kk_plan_foreach_kpi_value (plan, kk_xlsx_value_row, &sheet);
  kk_xlsx_end_sheet (&sheet);
}

/* Writes the workbook of @plan to @path; libxlsxwriter keeps its parts in
 * @tmpdir until it zips them. */
static gboolean
kk_xlsx_write (KkPlan      *plan,
               const char  *path,
               const char  *tmpdir,
               GError     **error)
{
  lxw_workbook_options options = { .tmpdir = (char *)tmpdir };
  lxw_doc_properties properties = {
    .title = (char *)kk_plan_get_title (plan),
    .company = (char *)kk_plan_get_organization (plan),
  };
  KkXlsx xlsx = { 0 };
  lxw_error closed;

  xlsx.workbook = workbook_new_opt (path, &options);
  if (xlsx.workbook == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The workbook could not be created"));
      return FALSE;
    }
  workbook_set_properties (xlsx.workbook, &properties);
  kk_xlsx_add_formats (&xlsx);
  kk_xlsx_programs (&xlsx, plan);
  kk_xlsx_kpis (&xlsx, plan);
  closed = workbook_close (xlsx.workbook);
  if (xlsx.error != NULL)
    {
      g_propagate_error (error, xlsx.error);
      return FALSE;
    }
  if (closed != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The workbook could not be written: %s"),
                   lxw_strerror (closed));
      return FALSE;
    }
  return TRUE;
}

/**
 * kk_xlsx_export:
 *
 * Writes the workbook in a folder of its own in the temporary folder, and
 * removes it after reading it back.
 *
 * Returns: (transfer full) (nullable): the workbook's bytes, or %NULL with
 *   @error set when it could not be written
 */
GBytes *
kk_xlsx_export (KkPlan  *plan,
                GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length;
  gboolean written;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_dir_make_tmp ("keikaku-xlsx-XXXXXX", error);
  if (dir == NULL)
    return NULL;
  path = g_build_filename (dir, "plan.xlsx", NULL);
  written = kk_xlsx_write (plan, path, dir, error)
            && g_file_get_contents (path, &contents, &length, error);
  g_unlink (path);
  g_rmdir (dir);
  if (!written)
    return NULL;
  return g_bytes_new_take (contents, length);
}

/**
 * kk_xlsx_export_file:
 *
 * Writes the workbook to @file, replacing it whole: on failure no partial
 * file is left and an existing @file is as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
kk_xlsx_export_file (KkPlan        *plan,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = kk_xlsx_export (plan, error);
  if (bytes == NULL)
    return FALSE;
  return kk_file_replace_bytes (file, bytes, NULL, FALSE, NULL, cancellable, error);
}
