/* kk-correction.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KK_TYPE_CORRECTION (kk_correction_get_type ())

G_DECLARE_FINAL_TYPE (KkCorrection, kk_correction, KK, CORRECTION, GObject)

KkCorrection *kk_correction_new          (const char   *where,
                                          const char   *printed,
                                          const char   *resolved,
                                          const char   *evidence);
const char   *kk_correction_get_where    (KkCorrection *self);
const char   *kk_correction_get_printed  (KkCorrection *self);
const char   *kk_correction_get_resolved (KkCorrection *self);
const char   *kk_correction_get_evidence (KkCorrection *self);

G_END_DECLS
