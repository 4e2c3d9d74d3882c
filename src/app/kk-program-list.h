/* kk-program-list.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_PROGRAM_LIST (kk_program_list_get_type ())

G_DECLARE_FINAL_TYPE (KkProgramList, kk_program_list, KK, PROGRAM_LIST, AdwBin)

KkPlan     *kk_program_list_get_plan             (KkProgramList *self);
void        kk_program_list_set_plan             (KkProgramList *self,
                                                  KkPlan        *plan);
KkProgram  *kk_program_list_get_selected_program (KkProgramList *self);
void        kk_program_list_set_selected_program (KkProgramList *self,
                                                  KkProgram     *program);
GListModel *kk_program_list_get_programs         (KkProgramList *self);
GListModel *kk_program_list_get_rows             (KkProgramList *self);
void        kk_program_list_sort_by              (KkProgramList *self,
                                                  const char    *column_id,
                                                  GtkSortType    order);
void        kk_program_list_focus_search         (KkProgramList *self);
void        kk_program_list_focus_rows           (KkProgramList *self);
gboolean    kk_program_list_get_beside_editor    (KkProgramList *self);
void        kk_program_list_set_beside_editor    (KkProgramList *self,
                                                  gboolean       beside_editor);
void        kk_program_list_filter_by            (KkProgramList *self,
                                                  GObject       *choice);

G_END_DECLS
