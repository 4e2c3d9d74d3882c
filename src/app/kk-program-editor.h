/* kk-program-editor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_PROGRAM_EDITOR (kk_program_editor_get_type ())

G_DECLARE_FINAL_TYPE (KkProgramEditor, kk_program_editor, KK, PROGRAM_EDITOR, AdwBin)

GtkWidget *kk_program_editor_new         (void);
KkPlan    *kk_program_editor_get_plan    (KkProgramEditor *self);
void       kk_program_editor_set_plan    (KkProgramEditor *self,
                                          KkPlan          *plan);
KkProgram *kk_program_editor_get_program (KkProgramEditor *self);
void       kk_program_editor_set_program (KkProgramEditor *self,
                                          KkProgram       *program);
void       kk_program_editor_commit      (KkProgramEditor *self);
gboolean   kk_program_editor_focus_field (KkProgramEditor *self,
                                          GObject         *subject,
                                          const char      *field);

G_END_DECLS
