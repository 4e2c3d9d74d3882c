/* kk-report-parts.h: the pieces the reports share: texts of cells, titles,
 * headings and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-plan.h"
#include "kk-report-document.h"
#include "kk-report-table.h"
#include "kk-totals.h"

G_BEGIN_DECLS

char          *kk_report_dup_funding_mark    (KkProgram        *program);
const char    *kk_report_get_status_label    (KkProgram        *program);
char          *kk_report_dup_previous_name   (KkProgram        *program);
char          *kk_report_dup_previous_budget (KkProgram        *program);
char          *kk_report_dup_issued          (KkPlan           *plan);
const char    *kk_report_get_kind_label      (KkKpiKind         kind);
char          *kk_report_dup_year_kind_label (int               fiscal_year,
                                              KkKpiKind         kind);
KkKpiValue    *kk_report_find_kpi_value      (KkKpi            *kpi,
                                              int               fiscal_year,
                                              KkKpiKind         kind);
char          *kk_report_dup_kpi_figure      (KkKpi            *kpi,
                                              KkKpiValue       *value);
char          *kk_report_dup_as_of           (KkKpiValue       *value);

void           kk_report_add_amount_columns  (KkReportTable    *table);
void           kk_report_append_amounts      (GPtrArray        *cells,
                                              const KkTotals   *totals);
void           kk_report_add_count_columns   (KkReportTable    *table,
                                              const char       *title);
void           kk_report_add_count_row       (KkReportTable    *table,
                                              KkReportRowFlags  flags,
                                              const char       *name,
                                              const KkTotals   *totals);
void           kk_report_add_row             (KkReportTable    *table,
                                              KkReportRowFlags  flags,
                                              GPtrArray        *cells);

guint          kk_report_add_title           (KkReportDocument *document,
                                              guint             parent,
                                              const char       *title,
                                              const char       *subtitle);
void           kk_report_add_heading         (KkReportDocument *document,
                                              const char       *heading);
KkReportBlock *kk_report_add_paragraph       (KkReportDocument *document,
                                              const char       *text);
void           kk_report_add_unit_caption    (KkReportDocument *document);
KkReportBlock *kk_report_add_note            (KkReportDocument *document,
                                              const char       *note);
KkReportBlock *kk_report_add_notes_under     (KkReportDocument *document,
                                              KkReportBlock    *table,
                                              GPtrArray        *notes);
void           kk_report_add_table           (KkReportDocument *document,
                                              KkReportBlock    *table);
void           kk_report_add_funding_legend  (KkReportDocument *document,
                                              KkPlan           *plan);

G_END_DECLS
