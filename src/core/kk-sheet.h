/* kk-sheet.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-division.h"
#include "kk-kpi.h"
#include "kk-program.h"

G_BEGIN_DECLS

#define KK_TYPE_SHEET (kk_sheet_get_type ())

G_DECLARE_FINAL_TYPE (KkSheet, kk_sheet, KK, SHEET, GObject)

KkSheet            *kk_sheet_new              (void);
GListModel         *kk_sheet_get_programs     (KkSheet            *self);
void                kk_sheet_add_program      (KkSheet            *self,
                                               KkProgram          *program);
char               *kk_sheet_dup_numbers_label (KkSheet           *self,
                                               const char         *separator);
const char         *kk_sheet_get_purpose      (KkSheet            *self);
void                kk_sheet_set_purpose      (KkSheet            *self,
                                               const char         *purpose);
const char         *kk_sheet_get_overview     (KkSheet            *self);
void                kk_sheet_set_overview     (KkSheet            *self,
                                               const char         *overview);
const char         *kk_sheet_get_targets_text (KkSheet            *self);
void                kk_sheet_set_targets_text (KkSheet            *self,
                                               const char         *targets_text);
const char         *kk_sheet_get_targets_notes (KkSheet           *self);
void                kk_sheet_set_targets_notes (KkSheet           *self,
                                               const char         *targets_notes);
const char         *kk_sheet_get_activities   (KkSheet            *self);
void                kk_sheet_set_activities   (KkSheet            *self,
                                               const char         *activities);
GPtrArray          *kk_sheet_get_divisions    (KkSheet            *self);
void                kk_sheet_set_divisions    (KkSheet            *self,
                                               GPtrArray          *divisions);
char               *kk_sheet_dup_divisions_label (KkSheet         *self,
                                               const char         *separator);
const char * const *kk_sheet_get_partners     (KkSheet            *self);
void                kk_sheet_set_partners     (KkSheet            *self,
                                               const char * const *partners);
GListModel         *kk_sheet_get_kpis         (KkSheet            *self);
void                kk_sheet_append_kpi       (KkSheet            *self,
                                               KkKpi              *kpi);

G_END_DECLS
