/* kk-division.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KK_TYPE_DIVISION (kk_division_get_type ())

G_DECLARE_FINAL_TYPE (KkDivision, kk_division, KK, DIVISION, GObject)

KkDivision *kk_division_new      (const char *name);
const char *kk_division_get_name (KkDivision *self);
void        kk_division_set_name (KkDivision *self,
                                  const char *name);

G_END_DECLS
