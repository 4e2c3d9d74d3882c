/* kk-report-parts.c: the pieces the reports share: texts of cells, titles,
 * headings and notes
 *
 * Figures are written as the plan prints them: amounts in thousand yen
 * with ▲ for decreases, fiscal years in the Japanese era, targets with
 * 以上 or 以下.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-format.h"
#include "kk-report-parts.h"
#include "kk-report-text.h"
#include "kk-report-words.h"

#define TITLE_SPACE 4.0
/* Above a title that follows something on its page; none at a page's top. */
#define TITLE_SPACE_BEFORE 24.0
#define HEADING_SPACE 12.0
#define PARAGRAPH_SPACE 3.0
#define PARAGRAPH_INDENT 8.0
#define CAPTION_SPACE 8.0
#define TABLE_SPACE 3.0

static const char * const kind_labels[] = {
  [KK_KPI_KIND_PLAN] = KK_WORD_KIND_PLAN,
  [KK_KPI_KIND_TARGET] = KK_WORD_KIND_TARGET,
  [KK_KPI_KIND_ACTUAL] = KK_WORD_KIND_ACTUAL,
  [KK_KPI_KIND_FORECAST] = KK_WORD_KIND_FORECAST,
};

/* (国), or (県・市) for a program of several sources, as the index marks it. */
char *
kk_report_dup_funding_mark (KkProgram *program)
{
  g_autofree char *label = kk_program_dup_funding_label (program, "・");

  return g_strconcat ("(", label, ")", NULL);
}

const char *
kk_report_get_status_label (KkProgram *program)
{
  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW)
    return KK_WORD_STATUS_NEW;
  return KK_WORD_STATUS_CONTINUING;
}

/* Last year's name: the plan's 同上 when unchanged, — for a new program. */
char *
kk_report_dup_previous_name (KkProgram *program)
{
  const char *name = kk_program_get_previous_name (program);

  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW)
    return g_strdup ("—");
  if (name == NULL || *name == '\0')
    return g_strdup (KK_WORD_UNCHANGED);
  return g_strdup (name);
}

char *
kk_report_dup_previous_budget (KkProgram *program)
{
  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW)
    return g_strdup ("—");
  return kk_format_thousand_yen (kk_program_get_previous_budget (program));
}

/**
 * kk_report_dup_issued:
 *
 * The era of a calendar year is the era of the fiscal year that starts in
 * it, except before 1 May 2019 and 8 January 1989 in those years, which a
 * plan written today does not print.
 *
 * Returns: (transfer full) (nullable): the month of issue: 令和6年3月
 */
char *
kk_report_dup_issued (KkPlan *plan)
{
  const char *issued = kk_plan_get_issued (plan);
  g_autofree char *year_label = NULL;
  int year;
  int month;

  if (issued == NULL || sscanf (issued, "%d-%d", &year, &month) != 2)
    return NULL;
  year_label = kk_format_fiscal_year (year);
  if (g_str_has_suffix (year_label, "度"))
    year_label[strlen (year_label) - strlen ("度")] = '\0';
  return g_strdup_printf ("%s%d月", year_label, month);
}

/* 計画, 目標, 実績 or 見込. */
const char *
kk_report_get_kind_label (KkKpiKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_labels), "");
  return kind_labels[kind];
}

/* 令和5年度 over 目標, for the header of a column of figures. */
char *
kk_report_dup_year_kind_label (int       fiscal_year,
                               KkKpiKind kind)
{
  g_autofree char *year = kk_format_fiscal_year (fiscal_year);

  return g_strconcat (year, "\n", kk_report_get_kind_label (kind), NULL);
}

/**
 * kk_report_find_kpi_value:
 *
 * Unlike kk_kpi_find_value(), finds figures given only in words (未定) too.
 *
 * Returns: (transfer none) (nullable): the KPI's figure of that year and kind
 */
KkKpiValue *
kk_report_find_kpi_value (KkKpi     *kpi,
                          int        fiscal_year,
                          KkKpiKind  kind)
{
  GListModel *values = kk_kpi_get_values (kpi);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);

      if (kk_kpi_value_get_fiscal_year (value) == fiscal_year && kk_kpi_value_get_kind (value) == kind)
        return value;
    }
  return NULL;
}

/**
 * kk_report_dup_kpi_figure:
 * @value: (nullable): a figure of @kpi
 *
 * Returns: (transfer full): the figure as the plan states it (see
 *   kk_kpi_dup_figure()); — without a figure
 */
char *
kk_report_dup_kpi_figure (KkKpi      *kpi,
                          KkKpiValue *value)
{
  if (value == NULL)
    return g_strdup ("—");
  if (!kk_kpi_value_get_has_value (value) && kk_kpi_value_get_note (value) == NULL)
    return g_strdup ("—");
  return kk_kpi_dup_figure (kpi, value);
}

/**
 * kk_report_dup_as_of:
 *
 * Returns: (transfer full) (nullable): the date the figure stands at:
 *   令和6年1月31日現在
 */
char *
kk_report_dup_as_of (KkKpiValue *value)
{
  const char *as_of = kk_kpi_value_get_as_of (value);
  g_autofree char *date = as_of ? kk_format_date (as_of) : NULL;

  if (as_of == NULL)
    return NULL;
  return g_strdup_printf (KK_WORD_AS_OF_FORMAT, date ? date : as_of);
}

/* 事業費, 前年度 and 増減, in thousand yen. */
void
kk_report_add_amount_columns (KkReportTable *table)
{
  kk_report_table_add_column (table, KK_WORD_BUDGET, KK_REPORT_COLUMN_NUMBER);
  kk_report_table_add_column (table, KK_WORD_LAST_YEAR, KK_REPORT_COLUMN_NUMBER);
  kk_report_table_add_column (table, KK_WORD_CHANGE, KK_REPORT_COLUMN_NUMBER);
}

/* A name, 事業数 and the amounts, for a table of totals by some grouping. */
void
kk_report_add_count_columns (KkReportTable *table,
                             const char    *title)
{
  kk_report_table_add_column (table, title, KK_REPORT_COLUMN_EXPAND);
  kk_report_table_add_column (table, KK_WORD_PROGRAM_COUNT, KK_REPORT_COLUMN_NUMBER);
  kk_report_add_amount_columns (table);
}

void
kk_report_add_count_row (KkReportTable    *table,
                         KkReportRowFlags  flags,
                         const char       *name,
                         const KkTotals   *totals)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (name));
  g_ptr_array_add (cells, g_strdup_printf ("%u", totals->n_programs));
  kk_report_append_amounts (cells, totals);
  kk_report_add_row (table, flags, cells);
}

/**
 * kk_report_append_amounts:
 * @cells: (element-type utf8): the cells of a row, each freed with g_free()
 *
 * Appends the cells of the columns of kk_report_add_amount_columns().
 */
void
kk_report_append_amounts (GPtrArray      *cells,
                          const KkTotals *totals)
{
  g_ptr_array_add (cells, kk_format_thousand_yen (totals->budget));
  g_ptr_array_add (cells, kk_format_thousand_yen (totals->previous_budget));
  g_ptr_array_add (cells, kk_format_thousand_yen (totals->difference));
}

/**
 * kk_report_add_row:
 * @cells: (element-type utf8): one text for each column of @table
 */
void
kk_report_add_row (KkReportTable    *table,
                   KkReportRowFlags  flags,
                   GPtrArray        *cells)
{
  g_return_if_fail (cells->len > 0);
  kk_report_table_add_row (table, flags, (const char * const *)cells->pdata);
}

static KkReportBlock *
kk_report_text_new_spaced (KkReportFont  font,
                           const char   *text,
                           double        space_before)
{
  KkReportBlock *block = kk_report_text_new (font, text);

  kk_report_block_set_space_before (block, space_before);
  return block;
}

/**
 * kk_report_add_title:
 * @parent: the outline entry of the part this one belongs to, or
 *   %KK_REPORT_OUTLINE_ROOT
 * @subtitle: (nullable): a line under the rule
 *
 * Adds the title of a part of a report: a division, a sheet, the index;
 * the outline of the document names the part by it.
 *
 * Returns: the part's outline entry, to add entries under it
 */
guint
kk_report_add_title (KkReportDocument *document,
                     guint             parent,
                     const char       *title,
                     const char       *subtitle)
{
  KkReportBlock *block = kk_report_text_new_spaced (KK_REPORT_FONT_TITLE, title, TITLE_SPACE_BEFORE);
  guint entry = kk_report_document_add_outline_entry (document, parent, title);

  kk_report_text_set_decoration (KK_REPORT_TEXT (block), KK_REPORT_TEXT_UNDERLINE);
  kk_report_block_set_keep_with_next (block, TRUE);
  kk_report_document_take_block (document, block);
  if (subtitle == NULL)
    return entry;
  block = kk_report_text_new_spaced (KK_REPORT_FONT_NOTE, subtitle, TITLE_SPACE);
  kk_report_text_set_color (KK_REPORT_TEXT (block), KK_REPORT_COLOR_TEXT_DIM);
  kk_report_block_set_keep_with_next (block, TRUE);
  kk_report_document_take_block (document, block);
  return entry;
}

/* A heading never ends a page: it goes with the start of what it heads. */
void
kk_report_add_heading (KkReportDocument *document,
                       const char       *heading)
{
  KkReportBlock *block = kk_report_text_new_spaced (KK_REPORT_FONT_HEADING, heading, HEADING_SPACE);

  kk_report_text_set_decoration (KK_REPORT_TEXT (block), KK_REPORT_TEXT_BAR);
  kk_report_block_set_keep_with_next (block, TRUE);
  kk_report_document_take_block (document, block);
}

/**
 * kk_report_add_paragraph:
 * @text: running text, not empty; each line of it a paragraph
 *
 * Adds @text justified, a block for each paragraph, so that a list item
 * (・, (1), ①…) hangs its lines under its own text (see kk-report-text.c).
 *
 * Returns: (transfer none): the last paragraph's block, to set how it breaks
 */
KkReportBlock *
kk_report_add_paragraph (KkReportDocument *document,
                         const char       *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n", -1);
  KkReportBlock *block = NULL;

  g_return_val_if_fail (paragraphs[0] != NULL, NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      block = kk_report_text_new_spaced (KK_REPORT_FONT_BODY, paragraphs[i],
                                         i == 0 ? PARAGRAPH_SPACE : 0);
      kk_report_text_set_indent (KK_REPORT_TEXT (block), PARAGRAPH_INDENT);
      kk_report_text_set_justify (KK_REPORT_TEXT (block), TRUE);
      kk_report_document_take_block (document, block);
    }
  return block;
}

/* (単位:千円) at the right, above a table of amounts. */
void
kk_report_add_unit_caption (KkReportDocument *document)
{
  KkReportBlock *block = kk_report_text_new_spaced (KK_REPORT_FONT_NOTE, KK_WORD_UNIT_CAPTION,
                                                    CAPTION_SPACE);

  kk_report_text_set_alignment (KK_REPORT_TEXT (block), PANGO_ALIGN_RIGHT);
  kk_report_block_set_keep_with_next (block, TRUE);
  kk_report_document_take_block (document, block);
}

/**
 * kk_report_add_note:
 *
 * Returns: (transfer none): the note's block, to set how it breaks
 */
KkReportBlock *
kk_report_add_note (KkReportDocument *document,
                    const char       *note)
{
  KkReportBlock *block = kk_report_text_new_spaced (KK_REPORT_FONT_NOTE, note, PARAGRAPH_SPACE);

  kk_report_text_set_color (KK_REPORT_TEXT (block), KK_REPORT_COLOR_TEXT_DIM);
  kk_report_document_take_block (document, block);
  return block;
}

/**
 * kk_report_add_notes_under:
 * @table: the table the notes remark on, the last block added
 * @notes: (element-type utf8): the notes: 注1: …, ※1 …
 *
 * Adds each of @notes as a block under @table, so that no note starts a
 * page away from it: the table keeps its last row with the first note,
 * each note keeps with the next.
 *
 * Returns: (transfer none): the last note's block, or @table when there
 *   are none, to keep with what follows
 */
KkReportBlock *
kk_report_add_notes_under (KkReportDocument *document,
                           KkReportBlock    *table,
                           GPtrArray        *notes)
{
  KkReportBlock *previous = table;

  for (guint i = 0; i < notes->len; i++)
    {
      kk_report_block_set_keep_with_next (previous, TRUE);
      previous = kk_report_add_note (document, g_ptr_array_index (notes, i));
    }
  return previous;
}

/**
 * kk_report_add_table:
 * @table: (transfer full): a #KkReportTable
 */
void
kk_report_add_table (KkReportDocument *document,
                     KkReportBlock    *table)
{
  kk_report_block_set_space_before (table, TABLE_SPACE);
  kk_report_document_take_block (document, table);
}

/* (国) 国費　(県) 県費 …, what the funding marks stand for. */
void
kk_report_add_funding_legend (KkReportDocument *document,
                              KkPlan           *plan)
{
  GListModel *sources = kk_plan_get_funding_sources (plan);
  g_autoptr(GString) legend = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(KkFunding) funding = g_list_model_get_item (sources, i);

      g_string_append_printf (legend, "%s(%s) %s", i > 0 ? "　" : "", kk_funding_get_code (funding),
                              kk_funding_get_name (funding));
    }
  if (legend->len > 0)
    kk_report_add_note (document, legend->str);
}
