/* kk-funding.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KK_TYPE_FUNDING (kk_funding_get_type ())

G_DECLARE_FINAL_TYPE (KkFunding, kk_funding, KK, FUNDING, GObject)

KkFunding  *kk_funding_new      (const char *code,
                                 const char *name);
const char *kk_funding_get_code (KkFunding  *self);
const char *kk_funding_get_name (KkFunding  *self);

G_END_DECLS
