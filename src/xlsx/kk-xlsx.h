/* kk-xlsx.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-plan.h"

G_BEGIN_DECLS

GBytes  *kk_xlsx_export      (KkPlan        *plan,
                              GError       **error);
gboolean kk_xlsx_export_file (KkPlan        *plan,
                              GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
