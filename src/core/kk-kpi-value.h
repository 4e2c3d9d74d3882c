/* kk-kpi-value.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kk-types.h"

G_BEGIN_DECLS

#define KK_TYPE_KPI_VALUE (kk_kpi_value_get_type ())

G_DECLARE_FINAL_TYPE (KkKpiValue, kk_kpi_value, KK, KPI_VALUE, GObject)

KkKpiValue *kk_kpi_value_new             (int         fiscal_year,
                                          KkKpiKind   kind);
int         kk_kpi_value_get_fiscal_year (KkKpiValue *self);
void        kk_kpi_value_set_fiscal_year (KkKpiValue *self,
                                          int         fiscal_year);
KkKpiKind   kk_kpi_value_get_kind        (KkKpiValue *self);
void        kk_kpi_value_set_kind        (KkKpiValue *self,
                                          KkKpiKind   kind);
gboolean    kk_kpi_value_get_has_value   (KkKpiValue *self);
double      kk_kpi_value_get_value       (KkKpiValue *self);
void        kk_kpi_value_set_value       (KkKpiValue *self,
                                          double      value);
void        kk_kpi_value_clear_value     (KkKpiValue *self);
const char *kk_kpi_value_get_as_of       (KkKpiValue *self);
void        kk_kpi_value_set_as_of       (KkKpiValue *self,
                                          const char *as_of);
const char *kk_kpi_value_get_note        (KkKpiValue *self);
void        kk_kpi_value_set_note        (KkKpiValue *self,
                                          const char *note);

G_END_DECLS
