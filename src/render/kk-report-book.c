/* kk-report-book.c: the plan book (事業計画書) in the document's own order
 *
 * A cover; the index of the programs by pillar with their funding marks,
 * and the table of the divisions and the programs they lead; then every
 * sheet from a new page: the header rows of each program it covers (a
 * shared sheet once, with all its programs), its purpose, overview, targets
 * as a table, activities, divisions and related bodies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-format.h"
#include "kk-report-book.h"
#include "kk-report-parts.h"
#include "kk-report-table.h"
#include "kk-report-text.h"
#include "kk-report-words.h"
#include "kk-sheet.h"

#define COVER_GAP 48.0
#define COVER_LINE_GAP 14.0
#define FOOT_TABLE_SPACE 14.0

static void
kk_report_book_add_cover_line (KkReportDocument *document,
                               KkReportFont      font,
                               const char       *text,
                               double            space_before)
{
  KkReportBlock *block = kk_report_text_new (font, text);

  kk_report_text_set_alignment (KK_REPORT_TEXT (block), PANGO_ALIGN_CENTER);
  kk_report_block_set_space_before (block, space_before);
  kk_report_document_take_block (document, block);
}

static void
kk_report_book_add_cover (KkReportDocument *document,
                          KkPlan           *plan)
{
  const char *title = kk_plan_get_title (plan);
  g_autofree char *issued = kk_report_dup_issued (plan);

  kk_report_document_begin_section (document, KK_REPORT_SECTION_COVER);
  kk_report_book_add_cover_line (document, KK_REPORT_FONT_COVER_TITLE,
                                 title && *title ? title : KK_WORD_BUSINESS_PLAN, 0);
  kk_report_book_add_cover_line (document, KK_REPORT_FONT_COVER, kk_plan_get_organization (plan),
                                 COVER_GAP);
  if (issued != NULL)
    kk_report_book_add_cover_line (document, KK_REPORT_FONT_COVER, issued, COVER_LINE_GAP);
}

/* 【1】 (国) よろず支援拠点事業, for each program of @pillar, under its
 * heading. */
static void
kk_report_book_add_pillar (KkReportTable *table,
                           KkPlan        *plan,
                           KkPillar      *pillar)
{
  GListModel *programs = kk_plan_get_programs (plan);
  g_autofree char *label = kk_pillar_dup_label (pillar);

  kk_report_table_add_row (table, KK_REPORT_ROW_SPAN | KK_REPORT_ROW_KEEP_WITH_NEXT,
                           (const char *[]) { label });
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      g_autofree char *number = NULL;
      g_autofree char *mark = NULL;

      if (kk_program_get_pillar (program) != pillar)
        continue;
      number = g_strdup_printf ("【%u】", kk_program_get_number (program));
      mark = kk_report_dup_funding_mark (program);
      kk_report_table_add_row (table, KK_REPORT_ROW_NORMAL,
                               (const char *[]) { number, mark, kk_program_get_name (program) });
    }
}

/* The numbers of the programs each division leads: 4,6,7,13,15,21. */
static char *
kk_report_dup_led_numbers (KkPlan     *plan,
                           KkDivision *division)
{
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(GString) numbers = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      if (kk_program_get_lead_division (program) == division)
        g_string_append_printf (numbers, "%s%u", numbers->len > 0 ? "," : "",
                                kk_program_get_number (program));
    }
  return g_strdup (numbers->str);
}

static void
kk_report_book_add_division_table (KkReportDocument *document,
                                   KkPlan           *plan)
{
  GListModel *divisions = kk_plan_get_divisions (plan);
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);

  /* It follows the index on its page, as in the source, where it fits. */
  kk_report_add_title (document, KK_REPORT_OUTLINE_ROOT, KK_WORD_DIVISION_TABLE, NULL);
  kk_report_table_add_column (table, KK_WORD_DIVISION, KK_REPORT_COLUMN_TEXT);
  kk_report_table_add_column (table, KK_WORD_PROGRAM_NUMBERS, KK_REPORT_COLUMN_EXPAND);
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);
      g_autofree char *numbers = kk_report_dup_led_numbers (plan, division);

      /* A short table, never split: on the index's page or the next. */
      kk_report_table_add_row (table, i + 1 < g_list_model_get_n_items (divisions)
                                      ? KK_REPORT_ROW_KEEP_WITH_NEXT : KK_REPORT_ROW_NORMAL,
                               (const char *[]) { kk_division_get_name (division), numbers });
    }
  kk_report_add_table (document, block);
}

/* One table for every pillar, so that the marks and names line up. */
static void
kk_report_book_add_index (KkReportDocument *document,
                          KkPlan           *plan)
{
  GListModel *pillars = kk_plan_get_pillars (plan);
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);

  kk_report_document_begin_section (document, KK_REPORT_SECTION_PLAIN);
  kk_report_add_title (document, KK_REPORT_OUTLINE_ROOT, KK_WORD_PROGRAMS_BY_PILLAR, NULL);
  kk_report_table_set_ruled (table, FALSE);
  kk_report_table_add_column (table, NULL, KK_REPORT_COLUMN_NUMBER);
  kk_report_table_add_column (table, NULL, KK_REPORT_COLUMN_TEXT);
  kk_report_table_add_column (table, NULL, KK_REPORT_COLUMN_EXPAND);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(KkPillar) pillar = g_list_model_get_item (pillars, i);

      kk_report_book_add_pillar (table, plan, pillar);
    }
  kk_report_add_table (document, block);
  kk_report_add_funding_legend (document, plan);
}

/* As the sheet prints them: the program's row, then last year's under a
 * header of its own, kept together on one page. */
static void
kk_report_book_add_program_rows (KkReportTable *table,
                                 KkPlan        *plan,
                                 KkProgram     *program)
{
  g_autofree char *year = kk_format_fiscal_year (kk_plan_get_fiscal_year (plan));
  g_autofree char *number = g_strdup_printf ("%u", kk_program_get_number (program));
  g_autofree char *funding = kk_program_dup_funding_label (program, "・");
  g_autofree char *budget = kk_format_thousand_yen (kk_program_get_budget (program));
  g_autofree char *previous_name = kk_report_dup_previous_name (program);
  g_autofree char *previous_budget = kk_report_dup_previous_budget (program);
  g_autofree char *difference = kk_format_thousand_yen (kk_program_get_difference (program));
  KkReportRowFlags keep = KK_REPORT_ROW_KEEP_WITH_NEXT;

  kk_report_table_add_row (table, keep, (const char *[]) {
    year, number, funding, kk_program_get_name (program), budget,
    kk_report_get_status_label (program),
  });
  kk_report_table_add_row (table, KK_REPORT_ROW_HEADER | keep, (const char *[]) {
    NULL, NULL, NULL, KK_WORD_PREVIOUS_NAME, KK_WORD_BUDGET, KK_WORD_CHANGE_FROM_LAST_YEAR,
  });
  kk_report_table_add_row (table, KK_REPORT_ROW_NORMAL, (const char *[]) {
    NULL, NULL, NULL, previous_name, previous_budget, difference,
  });
}

static void
kk_report_book_add_sheet_header (KkReportDocument *document,
                                 KkPlan           *plan,
                                 KkSheet          *sheet)
{
  GListModel *programs = kk_sheet_get_programs (sheet);
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);

  kk_report_table_add_column (table, KK_WORD_FISCAL_YEAR, KK_REPORT_COLUMN_CENTER);
  kk_report_table_add_column (table, KK_WORD_NUMBER, KK_REPORT_COLUMN_CENTER);
  kk_report_table_add_column (table, KK_WORD_FUNDING, KK_REPORT_COLUMN_CENTER);
  kk_report_table_add_column (table, KK_WORD_PROGRAM, KK_REPORT_COLUMN_EXPAND);
  kk_report_table_add_column (table, KK_WORD_BUDGET, KK_REPORT_COLUMN_NUMBER);
  kk_report_table_add_column (table, KK_WORD_STATUS, KK_REPORT_COLUMN_CENTER);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      kk_report_book_add_program_rows (table, plan, program);
    }
  kk_report_add_unit_caption (document);
  kk_report_add_table (document, block);
}

static KkReportBlock *
kk_report_book_add_section (KkReportDocument *document,
                            const char       *heading,
                            const char       *text)
{
  kk_report_add_heading (document, heading);
  return kk_report_add_paragraph (document, text && *text ? text : "—");
}

static int
kk_compare_ints (gconstpointer a,
                 gconstpointer b)
{
  return *(const int *)a - *(const int *)b;
}

/* A column of the KPI table: the figures of one fiscal year and kind.
 * What all of them share, the date they stand at (令和6年1月31日現在) or a
 * remark ((予定)), its header says once, as the source's headers do
 * (R5年度(12月までの実績), R6年度 目標(予定)). */
typedef struct
{
  int fiscal_year;
  KkKpiKind kind;
  char *as_of;
  char *note;
} KkFigureColumn;

static void
kk_figure_column_clear (KkFigureColumn *column)
{
  g_clear_pointer (&column->as_of, g_free);
  g_clear_pointer (&column->note, g_free);
}

/* The text every figure of the column shares, or NULL: a figure without
 * a number shares nothing, its words are its figure. */
static char *
kk_figure_column_dup_shared (GListModel  *kpis,
                             int          fiscal_year,
                             KkKpiKind    kind,
                             const char *(*get) (KkKpiValue *))
{
  const char *shared = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);
      KkKpiValue *value = kk_report_find_kpi_value (kpi, fiscal_year, kind);

      if (value == NULL || !kk_kpi_value_get_has_value (value))
        continue;
      if (get (value) == NULL || (shared != NULL && !g_str_equal (shared, get (value))))
        return NULL;
      shared = get (value);
    }
  return g_strdup (shared);
}

/* The fiscal years and kinds the sheet's figures have, in order: each
 * is a column of the table, 令和5年度 目標 before 令和5年度 実績. */
static GArray *
kk_report_dup_figure_columns (GListModel *kpis)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (int));
  GArray *columns = g_array_new (FALSE, TRUE, sizeof (KkFigureColumn));

  g_array_set_clear_func (columns, (GDestroyNotify)kk_figure_column_clear);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);
      GListModel *values = kk_kpi_get_values (kpi);

      for (guint j = 0; j < g_list_model_get_n_items (values); j++)
        {
          g_autoptr(KkKpiValue) value = g_list_model_get_item (values, j);
          int key = kk_kpi_value_get_fiscal_year (value) * 4 + (int)kk_kpi_value_get_kind (value);

          if (g_hash_table_add (seen, GINT_TO_POINTER (key)))
            g_array_append_val (keys, key);
        }
    }
  g_array_sort (keys, kk_compare_ints);
  for (guint i = 0; i < keys->len; i++)
    {
      int key = g_array_index (keys, int, i);
      KkFigureColumn column = { key / 4, key % 4 };

      column.as_of = kk_figure_column_dup_shared (kpis, column.fiscal_year, column.kind,
                                                  kk_kpi_value_get_as_of);
      column.note = kk_figure_column_dup_shared (kpis, column.fiscal_year, column.kind,
                                                 kk_kpi_value_get_note);
      g_array_append_val (columns, column);
    }
  return columns;
}

/* 令和5年度 / 実績 / 令和5年12月31日現在, or 令和6年度 / 目標(予定). */
static char *
kk_figure_column_dup_title (const KkFigureColumn *column)
{
  g_autofree char *title = kk_report_dup_year_kind_label (column->fiscal_year, column->kind);
  GString *text = g_string_new (title);

  if (column->note != NULL)
    g_string_append (g_string_append (text, column->note[0] == '(' ? "" : "\n"), column->note);
  if (column->as_of != NULL)
    {
      g_autofree char *date = kk_format_date (column->as_of);

      g_string_append_c (text, '\n');
      g_string_append_printf (text, KK_WORD_AS_OF_FORMAT, date ? date : column->as_of);
    }
  return g_string_free (text, FALSE);
}

/* The row's label and name as the source prints them: (1) 1次対応相談件数(親族内). */
static char *
kk_report_dup_kpi_title (KkKpi *kpi)
{
  const char *label = kk_kpi_get_label (kpi);

  if (label == NULL || *label == '\0')
    return g_strdup (kk_kpi_get_name (kpi));
  return g_strconcat (label, " ", kk_kpi_get_name (kpi), NULL);
}

/* Under the table, what a figure's header does not say for it: 注1: (5)
 * 事業承継診断件数 令和5年度実績: 令和5年11月30日現在. The dates are left to
 * the sheet's own notes where it has them, as every sheet of the source
 * dates its figures in its own words. */
static void
kk_report_add_figure_notes (GPtrArray            *notes,
                            KkKpi                *kpi,
                            KkKpiValue           *value,
                            const KkFigureColumn *column,
                            gboolean              dates_noted)
{
  g_autofree char *title = kk_report_dup_kpi_title (kpi);
  g_autofree char *year = kk_format_fiscal_year (column->fiscal_year);
  const char *note = kk_kpi_value_get_note (value);
  g_autofree char *as_of = NULL;
  g_autofree char *remarks = NULL;

  if (column->as_of == NULL && !dates_noted)
    as_of = kk_report_dup_as_of (value);
  if (column->note != NULL || (note != NULL && note[0] == '('))
    note = NULL;
  if (as_of == NULL && note == NULL)
    return;
  remarks = as_of && note ? g_strjoin (" ", as_of, note, NULL) : g_strdup (as_of ? as_of : note);
  g_ptr_array_add (notes, g_strdup_printf (KK_WORD_NOTE_MARK_FORMAT ": %s %s%s: %s", notes->len + 1,
                                           title, year, kk_report_get_kind_label (column->kind),
                                           remarks));
}

/* The figure alone, or with the remark the source prints beside it:
 * 160件(123.1%). */
static char *
kk_report_dup_figure_cell (KkKpi                *kpi,
                           KkKpiValue           *value,
                           const KkFigureColumn *column)
{
  const char *note = kk_kpi_value_get_note (value);
  g_autofree char *figure = kk_report_dup_kpi_figure (kpi, value);

  if (kk_kpi_value_get_has_value (value) && column->note == NULL && note != NULL &&
      note[0] == '(')
    return g_strconcat (figure, note, NULL);
  return g_steal_pointer (&figure);
}

static void
kk_report_book_add_kpi_row (KkReportTable *table,
                            KkKpi         *kpi,
                            GArray        *columns,
                            GPtrArray     *notes,
                            gboolean       dates_noted)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint row;

  g_ptr_array_add (cells, kk_report_dup_kpi_title (kpi));
  for (guint i = 0; i < columns->len; i++)
    {
      const KkFigureColumn *column = &g_array_index (columns, KkFigureColumn, i);
      KkKpiValue *value = kk_report_find_kpi_value (kpi, column->fiscal_year, column->kind);

      /* A figure the plan does not print stays blank, as in the source. */
      g_ptr_array_add (cells, value ? kk_report_dup_figure_cell (kpi, value, column) : g_strdup (""));
      if (value != NULL && kk_kpi_value_get_has_value (value))
        kk_report_add_figure_notes (notes, kpi, value, column, dates_noted);
    }
  row = kk_report_table_add_row (table, KK_REPORT_ROW_NORMAL, (const char * const *)cells->pdata);
  kk_report_table_set_note (table, row, 0, kk_kpi_get_note (kpi));
}

/* 成果目標値 as the source sets it: a row for each KPI, under the heading
 * of its group, a column for each year and kind of figure, each column as
 * wide as its content; the remarks that are not a figure's go to @notes. */
static KkReportBlock *
kk_report_book_kpi_table_new (GListModel *kpis,
                              GPtrArray  *notes,
                              gboolean    dates_noted)
{
  g_autoptr(GArray) columns = kk_report_dup_figure_columns (kpis);
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);
  const char *group = NULL;

  kk_report_table_add_column (table, NULL, KK_REPORT_COLUMN_FIT);
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *title = kk_figure_column_dup_title (&g_array_index (columns, KkFigureColumn, i));

      kk_report_table_add_column (table, title, KK_REPORT_COLUMN_NUMBER);
    }
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);
      const char *kpi_group = kk_kpi_get_group (kpi);

      if (kpi_group != NULL && g_strcmp0 (kpi_group, group) != 0)
        kk_report_table_add_row (table, KK_REPORT_ROW_SPAN | KK_REPORT_ROW_KEEP_WITH_NEXT,
                                 (const char *[]) { kpi_group });
      group = kpi_group;
      kk_report_book_add_kpi_row (table, kpi, columns, notes, dates_noted);
    }
  return block;
}

static gboolean
kk_text_is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* In the source's order: what it prints before the table, the table, the
 * notes of its figures, then its own notes and what follows the table. A
 * note never starts a page away from its table, nor do the sheet's own
 * notes (※…) start a page away from the notes before them. */
static void
kk_report_book_add_targets (KkReportDocument *document,
                            KkSheet          *sheet)
{
  GListModel *kpis = kk_sheet_get_kpis (sheet);
  const char *text = kk_sheet_get_targets_text (sheet);
  const char *notes_text = kk_sheet_get_targets_notes (sheet);
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  gboolean has_kpis = g_list_model_get_n_items (kpis) > 0;
  KkReportBlock *previous = NULL;

  kk_report_add_heading (document, KK_WORD_TARGETS);
  if (kk_text_is_set (text) || (!has_kpis && !kk_text_is_set (notes_text)))
    kk_report_add_paragraph (document, kk_text_is_set (text) ? text : "—");
  if (has_kpis)
    {
      KkReportBlock *table = kk_report_book_kpi_table_new (kpis, notes, kk_text_is_set (notes_text));

      kk_report_add_table (document, table);
      previous = kk_report_add_notes_under (document, table, notes);
    }
  if (kk_text_is_set (notes_text))
    {
      if (previous != NULL)
        kk_report_block_set_keep_with_next (previous, TRUE);
      kk_report_add_paragraph (document, notes_text);
    }
}

/* 担当課 and 関係機関等, side by side, as the sheet ends. */
static void
kk_report_book_add_sheet_foot (KkReportDocument *document,
                               KkSheet          *sheet)
{
  KkReportBlock *block = kk_report_table_new ();
  KkReportTable *table = KK_REPORT_TABLE (block);
  g_autofree char *divisions = kk_sheet_dup_divisions_label (sheet, "・");
  g_autofree char *partners = g_strjoinv ("\n", (char **)kk_sheet_get_partners (sheet));

  kk_report_table_add_column (table, KK_WORD_DIVISION, KK_REPORT_COLUMN_EXPAND);
  kk_report_table_add_column (table, KK_WORD_RELATED_BODIES, KK_REPORT_COLUMN_EXPAND);
  kk_report_table_add_row (table, KK_REPORT_ROW_NORMAL, (const char *[]) { divisions, partners });
  kk_report_block_set_space_before (block, FOOT_TABLE_SPACE);
  kk_report_document_take_block (document, block);
}

/* The outline names a sheet as the plan refers to its programs, 【13】 and
 * the name, once for each program a shared sheet covers, under @part. */
static void
kk_report_book_add_sheet_outline (KkReportDocument *document,
                                  guint             part,
                                  KkSheet          *sheet)
{
  GListModel *programs = kk_sheet_get_programs (sheet);
  g_autoptr(GString) continued = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      g_autofree char *entry = g_strdup_printf ("【%u】%s", kk_program_get_number (program),
                                                kk_program_get_name (program));

      kk_report_document_add_outline_entry (document, part, entry);
      g_string_append (g_string_append (continued, i > 0 ? "　" : ""), entry);
    }
  /* A sheet that runs onto another page says whose page it is. */
  kk_report_document_set_continued (document, g_string_append (continued, KK_WORD_CONTINUED)->str);
}

static void
kk_report_book_add_sheet (KkReportDocument *document,
                          KkPlan           *plan,
                          guint             part,
                          KkSheet          *sheet)
{
  KkReportBlock *activities;

  kk_report_book_add_sheet_outline (document, part, sheet);
  kk_report_book_add_sheet_header (document, plan, sheet);
  kk_report_book_add_section (document, KK_WORD_PURPOSE, kk_sheet_get_purpose (sheet));
  kk_report_book_add_section (document, KK_WORD_OVERVIEW, kk_sheet_get_overview (sheet));
  kk_report_book_add_targets (document, sheet);
  activities = kk_report_book_add_section (document, KK_WORD_ACTIVITIES,
                                           kk_sheet_get_activities (sheet));
  /* The 担当課 table never stands alone on a page. */
  kk_report_block_set_keep_with_next (activities, TRUE);
  kk_report_book_add_sheet_foot (document, sheet);
}

/* Each sheet from a new page, in the outline under a part of their own,
 * which leads to the first. */
static void
kk_report_book_add_sheets (KkReportDocument *document,
                           KkPlan           *plan)
{
  GListModel *sheets = kk_plan_get_sheets (plan);
  guint part = KK_REPORT_OUTLINE_ROOT;

  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);

      kk_report_document_begin_section (document, KK_REPORT_SECTION_PLAIN);
      if (i == 0)
        part = kk_report_document_add_outline_entry (document, KK_REPORT_OUTLINE_ROOT,
                                                     KK_WORD_PROGRAM_SHEETS);
      kk_report_book_add_sheet (document, plan, part, sheet);
    }
}

/**
 * kk_report_book_build:
 *
 * Adds the plan book of @plan to @document.
 */
void
kk_report_book_build (KkReportDocument *document,
                      KkPlan           *plan)
{
  kk_report_book_add_cover (document, plan);
  kk_report_book_add_index (document, plan);
  kk_report_book_add_division_table (document, plan);
  kk_report_book_add_sheets (document, plan);
}
