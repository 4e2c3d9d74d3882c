/* kk-wrap-box.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KK_TYPE_WRAP_BOX (kk_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (KkWrapBox, kk_wrap_box, KK, WRAP_BOX, GtkWidget)

G_END_DECLS
