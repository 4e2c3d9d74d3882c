/* kk-field.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kk_field_watch (GtkWidget *field,
                     GObject   *editor);

G_END_DECLS
