/* kk-synthetic-plan.h: plans of any size that look like real ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-plan.h"

G_BEGIN_DECLS

KkPlan *kk_synthetic_plan_new (guint   n_programs,
                               guint32 seed);

G_END_DECLS
