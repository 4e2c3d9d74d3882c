/* kk-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-application.h"
#include "kk-document.h"
#include "kk-plan.h"
#include "kk-program-editor.h"
#include "kk-program-list.h"
#include "kk-report.h"
#include "kk-table-export.h"

G_BEGIN_DECLS

#define KK_TYPE_WINDOW (kk_window_get_type ())

G_DECLARE_FINAL_TYPE (KkWindow, kk_window, KK, WINDOW, AdwApplicationWindow)

KkWindow   *kk_window_new              (KkApplication *application,
                                        KkPlan        *plan,
                                        GFile         *file);
KkWindow   *kk_window_new_for_document (KkApplication *application,
                                        KkDocument    *document);
KkDocument *kk_window_get_document     (KkWindow      *self);
KkPlan     *kk_window_get_plan         (KkWindow      *self);
GFile      *kk_window_get_file         (KkWindow      *self);
void        kk_window_save_to          (KkWindow      *self,
                                        GFile         *file);
void        kk_window_import_csv       (KkWindow      *self,
                                        GFile         *file);
void        kk_window_destroy_when_idle (KkWindow *self);
void        kk_window_keep_aside       (KkWindow      *self);
KkProgramList   *kk_window_get_program_list   (KkWindow *self);
KkProgramEditor *kk_window_get_program_editor (KkWindow *self);
KkReport        *kk_window_get_report         (KkWindow *self);
GtkPageSetup    *kk_window_get_page_setup     (KkWindow *self);
void             kk_window_print_report       (KkWindow                *self,
                                               GtkPrintOperationAction  action,
                                               const char              *export_filename);
gboolean         kk_window_export_pdf         (KkWindow *self,
                                               GFile    *file);
gboolean         kk_window_export_table       (KkWindow          *self,
                                               KkTableExportKind  kind,
                                               GFile             *file);

G_END_DECLS
