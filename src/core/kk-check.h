/* kk-check.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-finding.h"
#include "kk-plan.h"

G_BEGIN_DECLS

GListModel *kk_check_plan (KkPlan *plan);

G_END_DECLS
