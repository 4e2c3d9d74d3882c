/* kk-focus.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean kk_focus_widget (GtkWidget  *widget);
gboolean kk_focus_named  (GtkWidget  *root,
                          const char *name);

G_END_DECLS
