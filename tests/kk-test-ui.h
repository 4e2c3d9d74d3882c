/* kk-test-ui.h: what the window tests do as a clerk would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-application.h"
#include "kk-window.h"

G_BEGIN_DECLS

typedef gboolean (*KkTestCondition) (gpointer data);

KkApplication    *kk_test_application_new (void);
void              kk_test_wait_until      (KkTestCondition   done,
                                           gpointer          data);
void              kk_test_run_until_idle  (void);
void              kk_test_search          (GtkWidget        *search,
                                           const char       *query);
AdwMessageDialog *kk_test_find_dialog     (const char       *heading);
AdwMessageDialog *kk_test_wait_for_dialog (const char       *heading);
void              kk_test_respond         (AdwMessageDialog *dialog,
                                           const char       *response);
const char       *kk_test_widget_text     (GtkWidget        *widget);
GtkWidget        *kk_test_find_label      (GtkWidget        *widget,
                                           const char       *prefix);
GtkWidget        *kk_test_wait_for_label  (GtkWidget        *widget,
                                           const char       *prefix);
GtkWidget        *kk_test_find_named      (GtkWidget        *widget,
                                           const char       *name);
GtkWidget        *kk_test_find_type       (GtkWidget        *widget,
                                           GType             type);
GtkWidget        *kk_test_find_actionable (GtkWidget        *widget,
                                           const char       *action);
GtkWindow        *kk_test_find_toplevel   (GType             type,
                                           GtkWindow        *parent);
KkWindow         *kk_test_open_window     (KkApplication    *app,
                                           KkPlan           *plan);
KkWindow         *kk_test_open_window_on_file (KkApplication *app,
                                               KkPlan        *plan,
                                               GFile         *file);
int               kk_test_shrink_window   (KkWindow         *window);
void              kk_test_wait_opened     (KkApplication    *app);
void              kk_test_save            (KkWindow         *window);
void              kk_test_wait_saved      (KkWindow         *window);
void              kk_test_rename_first_program (KkPlan     *plan,
                                                const char *name);
guint             kk_test_assert_unique_label_access_keys (GtkWidget *widget);
void              kk_test_assert_unique_access_keys (GMenuModel *menu);
gboolean          kk_test_press_key       (GtkWindow        *window,
                                           guint             keyval,
                                           GdkModifierType   modifiers);
void              kk_test_press_enter     (GtkWidget        *editable);
gboolean          kk_test_press_escape    (GtkWidget        *widget);

G_END_DECLS
