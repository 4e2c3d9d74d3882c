/* kk-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-correction.h"
#include "kk-division.h"
#include "kk-funding.h"
#include "kk-history.h"
#include "kk-pillar.h"
#include "kk-program.h"
#include "kk-sheet.h"

G_BEGIN_DECLS

#define KK_TYPE_PLAN (kk_plan_get_type ())
#define KK_PLAN_ERROR (kk_plan_error_quark ())

/* The fiscal years a plan can be of. */
#define KK_FISCAL_YEAR_MIN 1
#define KK_FISCAL_YEAR_MAX 9999

/**
 * KkPlanError:
 * @KK_PLAN_ERROR_NO_NEXT_YEAR: the plan is of the last fiscal year a plan
 *   can be of, so no plan follows it
 */
typedef enum
{
  KK_PLAN_ERROR_NO_NEXT_YEAR,
} KkPlanError;

G_DECLARE_FINAL_TYPE (KkPlan, kk_plan, KK, PLAN, GObject)

/**
 * KkKpiValueFunc:
 * @sheet: the sheet the KPI is on
 * @kpi: the KPI
 * @value: one of its figures
 */
typedef void (*KkKpiValueFunc) (KkSheet    *sheet,
                                KkKpi      *kpi,
                                KkKpiValue *value,
                                gpointer    user_data);

GQuark       kk_plan_error_quark          (void);
KkPlan      *kk_plan_new                  (void);
KkPlan      *kk_plan_new_next_year        (KkPlan       *plan,
                                           GError      **error);
char        *kk_plan_dup_default_title    (int           fiscal_year);
int          kk_plan_get_fiscal_year      (KkPlan       *self);
void         kk_plan_set_fiscal_year      (KkPlan       *self,
                                           int           fiscal_year);
const char  *kk_plan_get_organization     (KkPlan       *self);
void         kk_plan_set_organization     (KkPlan       *self,
                                           const char   *organization);
const char  *kk_plan_get_title            (KkPlan       *self);
void         kk_plan_set_title            (KkPlan       *self,
                                           const char   *title);
const char  *kk_plan_get_issued           (KkPlan       *self);
void         kk_plan_set_issued           (KkPlan       *self,
                                           const char   *issued);
int          kk_plan_get_origin_fiscal_year (KkPlan     *self);
void         kk_plan_set_origin_fiscal_year (KkPlan     *self,
                                           int           fiscal_year);
const char  *kk_plan_get_origin_title     (KkPlan       *self);
void         kk_plan_set_origin_title     (KkPlan       *self,
                                           const char   *title);
GListModel  *kk_plan_get_funding_sources  (KkPlan       *self);
GListModel  *kk_plan_get_pillars          (KkPlan       *self);
GListModel  *kk_plan_get_divisions        (KkPlan       *self);
GListModel  *kk_plan_get_programs         (KkPlan       *self);
GListModel  *kk_plan_get_sheets           (KkPlan       *self);
GListModel  *kk_plan_get_corrections      (KkPlan       *self);
void         kk_plan_add_funding          (KkPlan       *self,
                                           KkFunding    *funding);
void         kk_plan_add_pillar           (KkPlan       *self,
                                           KkPillar     *pillar);
void         kk_plan_add_division         (KkPlan       *self,
                                           KkDivision   *division);
void         kk_plan_add_program          (KkPlan       *self,
                                           KkProgram    *program);
void         kk_plan_add_sheet            (KkPlan       *self,
                                           KkSheet      *sheet);
void         kk_plan_add_correction       (KkPlan       *self,
                                           KkCorrection *correction);
KkFunding   *kk_plan_find_funding         (KkPlan       *self,
                                           const char   *code);
KkPillar    *kk_plan_find_pillar          (KkPlan       *self,
                                           guint         number);
KkDivision  *kk_plan_find_division        (KkPlan       *self,
                                           const char   *name);
KkProgram   *kk_plan_find_program         (KkPlan       *self,
                                           guint         number);
void         kk_plan_foreach_kpi_value    (KkPlan       *self,
                                           KkKpiValueFunc func,
                                           gpointer      user_data);
KkHistory   *kk_plan_get_history          (KkPlan       *self);
gboolean     kk_plan_get_dirty            (KkPlan       *self);
gboolean     kk_plan_edit_value           (KkPlan       *self,
                                           gpointer      object,
                                           const char   *property,
                                           const GValue *value);
gboolean     kk_plan_edit_typing          (KkPlan       *self,
                                           gpointer      object,
                                           const char   *property,
                                           const GValue *value);
gboolean     kk_plan_edit                 (KkPlan       *self,
                                           gpointer      object,
                                           const char   *property,
                                           ...);

gboolean     kk_plan_is_choice            (KkPlan       *self,
                                           GObject      *object);
guint        kk_plan_get_next_program_number (KkPlan     *self);
KkProgram   *kk_plan_create_program       (KkPlan       *self,
                                           KkProgram    *after,
                                           const char   *name);
KkProgram   *kk_plan_create_program_numbered (KkPlan     *self,
                                              KkProgram  *after,
                                              guint       number,
                                              const char *name);
KkProgram   *kk_plan_duplicate_program    (KkPlan       *self,
                                           KkProgram    *program,
                                           const char   *name);
void         kk_plan_delete_program       (KkPlan       *self,
                                           KkProgram    *program);
void         kk_plan_renumber_programs    (KkPlan       *self);
KkDivision  *kk_plan_create_division      (KkPlan       *self,
                                           const char   *name);
KkPillar    *kk_plan_create_pillar        (KkPlan       *self,
                                           const char   *name);

G_END_DECLS
