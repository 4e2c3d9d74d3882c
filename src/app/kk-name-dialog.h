/* kk-name-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KK_TYPE_NAME_DIALOG (kk_name_dialog_get_type ())

G_DECLARE_FINAL_TYPE (KkNameDialog, kk_name_dialog, KK, NAME_DIALOG, AdwMessageDialog)

KkNameDialog *kk_name_dialog_new        (GtkWindow    *parent,
                                         const char   *heading,
                                         GListModel   *names,
                                         gboolean      rename);
const char   *kk_name_dialog_get_name   (KkNameDialog *self);
gpointer      kk_name_dialog_get_choice (KkNameDialog *self);

G_END_DECLS
