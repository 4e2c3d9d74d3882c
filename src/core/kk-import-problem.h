/* kk-import-problem.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KK_TYPE_IMPORT_PROBLEM (kk_import_problem_get_type ())

G_DECLARE_FINAL_TYPE (KkImportProblem, kk_import_problem, KK, IMPORT_PROBLEM, GObject)

KkImportProblem *kk_import_problem_new         (guint            line,
                                                guint            column,
                                                const char      *reason);
guint            kk_import_problem_get_line    (KkImportProblem *self);
guint            kk_import_problem_get_column  (KkImportProblem *self);
const char      *kk_import_problem_get_reason  (KkImportProblem *self);
char            *kk_import_problem_dup_message (KkImportProblem *self);

G_END_DECLS
