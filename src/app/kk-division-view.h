/* kk-division-view.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "kk-division.h"
#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_DIVISION_VIEW (kk_division_view_get_type ())

G_DECLARE_FINAL_TYPE (KkDivisionView, kk_division_view, KK, DIVISION_VIEW, AdwBin)

KkPlan *kk_division_view_get_plan      (KkDivisionView *self);
void    kk_division_view_set_plan      (KkDivisionView *self,
                                        KkPlan         *plan);
void    kk_division_view_show_division (KkDivisionView *self,
                                        KkDivision     *division);

G_END_DECLS
