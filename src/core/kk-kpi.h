/* kk-kpi.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-kpi-value.h"
#include "kk-types.h"

G_BEGIN_DECLS

#define KK_TYPE_KPI (kk_kpi_get_type ())

G_DECLARE_FINAL_TYPE (KkKpi, kk_kpi, KK, KPI, GObject)

KkKpi        *kk_kpi_new             (const char   *name,
                                      const char   *unit);
const char   *kk_kpi_get_label       (KkKpi        *self);
void          kk_kpi_set_label       (KkKpi        *self,
                                      const char   *label);
const char   *kk_kpi_get_name        (KkKpi        *self);
void          kk_kpi_set_name        (KkKpi        *self,
                                      const char   *name);
const char   *kk_kpi_get_group       (KkKpi        *self);
void          kk_kpi_set_group       (KkKpi        *self,
                                      const char   *group);
const char   *kk_kpi_get_unit        (KkKpi        *self);
void          kk_kpi_set_unit        (KkKpi        *self,
                                      const char   *unit);
KkComparator  kk_kpi_get_comparator  (KkKpi        *self);
void          kk_kpi_set_comparator  (KkKpi        *self,
                                      KkComparator  comparator);
const char   *kk_kpi_get_note        (KkKpi        *self);
void          kk_kpi_set_note        (KkKpi        *self,
                                      const char   *note);
GListModel   *kk_kpi_get_values      (KkKpi        *self);
void          kk_kpi_append_value    (KkKpi        *self,
                                      KkKpiValue   *value);
KkKpiValue   *kk_kpi_find_value      (KkKpi        *self,
                                      int           fiscal_year,
                                      KkKpiKind     kind);
KkKpiValue   *kk_kpi_find_goal       (KkKpi        *self,
                                      int           fiscal_year);
char         *kk_kpi_dup_figure      (KkKpi        *self,
                                      KkKpiValue   *value);
char         *kk_kpi_dup_number      (KkKpi        *self,
                                      KkKpiValue   *value);
gboolean      kk_kpi_get_achievement (KkKpi        *self,
                                      int           fiscal_year,
                                      double       *ratio);

G_END_DECLS
