/* kk-tooltip.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *kk_tooltip_label_new (const char *text);
void       kk_tooltip_set_text  (GtkTooltip *tooltip,
                                 const char *text);
void       kk_tooltip_fit       (GtkWidget  *widget);
void       kk_tooltip_follow_pointer (GtkWidget *widget);
gboolean   kk_tooltip_pointer_moved  (GtkWidget *widget);

G_END_DECLS
