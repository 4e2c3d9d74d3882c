/* kk-pillar.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KK_TYPE_PILLAR (kk_pillar_get_type ())

G_DECLARE_FINAL_TYPE (KkPillar, kk_pillar, KK, PILLAR, GObject)

KkPillar   *kk_pillar_new        (guint       number,
                                  const char *name);
guint       kk_pillar_get_number (KkPillar   *self);
const char *kk_pillar_get_name   (KkPillar   *self);
void        kk_pillar_set_name   (KkPillar   *self,
                                  const char *name);
char       *kk_pillar_dup_label  (KkPillar   *self);

G_END_DECLS
