/* kk-accessible.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char *kk_accessible_strip_mnemonic (const char  *label);
void  kk_accessible_set_name       (GtkWidget   *widget,
                                    const char  *name);
void  kk_accessible_name_lists     (GtkWidget   *widget,
                                    const char  *name);
void  kk_accessible_name_buttons   (GtkWidget   *widget);
void  kk_accessible_name_dialog_buttons (void);
void  kk_accessible_name_drop_down (GtkDropDown *drop_down,
                                    const char  *name);
void  kk_accessible_name_combo_row (AdwComboRow *combo_row);
void  kk_accessible_follow_expander_row (AdwExpanderRow *row);
void  kk_accessible_tell_entry_row_focus (AdwEntryRow *row);
void  kk_accessible_name_by_content (GtkButton *button);
void  kk_accessible_name_column_view (GtkColumnView *column_view,
                                      const char    *name);

G_END_DECLS
