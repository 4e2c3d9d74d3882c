/* kk-chart.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "kk-plan.h"
#include "kk-render-enums.h"
#include "kk-render-types.h"

G_BEGIN_DECLS

#define KK_TYPE_CHART (kk_chart_get_type ())

G_DECLARE_FINAL_TYPE (KkChart, kk_chart, KK, CHART, GObject)

KkChart     *kk_chart_new                 (KkPlan             *plan,
                                           KkChartKind         kind);
KkPlan      *kk_chart_get_plan            (KkChart            *self);
void         kk_chart_set_plan            (KkChart            *self,
                                           KkPlan             *plan);
GListModel  *kk_chart_get_programs        (KkChart            *self);
void         kk_chart_set_programs        (KkChart            *self,
                                           GListModel         *programs);
KkChartKind  kk_chart_get_kind            (KkChart            *self);
void         kk_chart_set_kind            (KkChart            *self,
                                           KkChartKind         kind);
KkKpi       *kk_chart_get_kpi             (KkChart            *self);
void         kk_chart_set_kpi             (KkChart            *self,
                                           KkKpi              *kpi);
gboolean     kk_chart_get_dark            (KkChart            *self);
void         kk_chart_set_dark            (KkChart            *self,
                                           gboolean            dark);
guint        kk_chart_get_max_bars        (KkChart            *self);
void         kk_chart_set_max_bars        (KkChart            *self,
                                           guint               max_bars);
const char  *kk_chart_get_subject         (KkChart            *self);
void         kk_chart_set_subject         (KkChart            *self,
                                           const char         *subject);
gboolean     kk_chart_get_printed         (KkChart            *self);
void         kk_chart_set_printed         (KkChart            *self,
                                           gboolean            printed);
char        *kk_chart_dup_title           (KkChart            *self);
int          kk_chart_get_natural_height  (KkChart            *self,
                                           int                 width);
void         kk_chart_draw                (KkChart            *self,
                                           cairo_t            *cr,
                                           int                 width,
                                           int                 height);
int          kk_chart_hit_test            (KkChart            *self,
                                           int                 width,
                                           int                 height,
                                           double              x,
                                           double              y);
gboolean     kk_chart_get_item_rect       (KkChart            *self,
                                           int                 width,
                                           int                 height,
                                           guint               position,
                                           cairo_rectangle_t  *rect);
guint        kk_chart_get_n_items         (KkChart            *self);
char        *kk_chart_dup_item_label      (KkChart            *self,
                                           guint               position);
KkProgram   *kk_chart_get_item_program    (KkChart            *self,
                                           guint               position);
double       kk_chart_get_item_value      (KkChart            *self,
                                           guint               position);
char        *kk_chart_dup_item_tooltip    (KkChart            *self,
                                           guint               position);
GStrv        kk_chart_dup_table_headers   (KkChart            *self);
GStrv        kk_chart_dup_table_row       (KkChart            *self,
                                           guint               position);
gboolean     kk_chart_format_for_filename (const char         *filename,
                                           KkChartFormat      *format);
GBytes      *kk_chart_render              (KkChart            *self,
                                           KkChartFormat       format,
                                           int                 width,
                                           int                 height,
                                           GError            **error);
gboolean     kk_chart_export              (KkChart            *self,
                                           GFile              *file,
                                           KkChartFormat       format,
                                           int                 width,
                                           int                 height,
                                           GCancellable       *cancellable,
                                           GError            **error);

G_END_DECLS
