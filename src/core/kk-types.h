/* kk-types.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * KkProgramStatus:
 * @KK_PROGRAM_STATUS_CONTINUING: 継続, carried over from last year
 * @KK_PROGRAM_STATUS_NEW: 新規, started this year
 */
typedef enum
{
  KK_PROGRAM_STATUS_CONTINUING,
  KK_PROGRAM_STATUS_NEW,
} KkProgramStatus;

/**
 * KkComparator:
 * @KK_COMPARATOR_EXACT: the target is met by reaching it
 * @KK_COMPARATOR_AT_LEAST: 以上
 * @KK_COMPARATOR_AT_MOST: 以下, smaller is better
 */
typedef enum
{
  KK_COMPARATOR_EXACT,
  KK_COMPARATOR_AT_LEAST, /*< nick=at_least >*/
  KK_COMPARATOR_AT_MOST, /*< nick=at_most >*/
} KkComparator;

/**
 * KkKpiKind:
 * @KK_KPI_KIND_PLAN: 計画
 * @KK_KPI_KIND_TARGET: 目標
 * @KK_KPI_KIND_ACTUAL: 実績
 * @KK_KPI_KIND_FORECAST: 見込
 */
typedef enum
{
  KK_KPI_KIND_PLAN,
  KK_KPI_KIND_TARGET,
  KK_KPI_KIND_ACTUAL,
  KK_KPI_KIND_FORECAST,
} KkKpiKind;

/**
 * KkReviewState:
 * @KK_REVIEW_STATE_DRAFT: 作成中, the division is still writing it
 * @KK_REVIEW_STATE_PENDING: 確認待ち, written and waiting to be checked
 * @KK_REVIEW_STATE_CONFIRMED: 確定, checked and final for the year
 *
 * Where a program stands in the year's review cycle.
 */
typedef enum
{
  KK_REVIEW_STATE_DRAFT,
  KK_REVIEW_STATE_PENDING,
  KK_REVIEW_STATE_CONFIRMED,
} KkReviewState;

/**
 * KkSeverity:
 * @KK_SEVERITY_ERROR: the plan is wrong: a figure will be lost or misread
 * @KK_SEVERITY_WARNING: most likely a mistake, to be looked at
 * @KK_SEVERITY_NOTE: worth knowing, often on purpose
 *
 * How much a finding of the consistency check matters.
 */
typedef enum
{
  KK_SEVERITY_ERROR,
  KK_SEVERITY_WARNING,
  KK_SEVERITY_NOTE,
} KkSeverity;

G_END_DECLS

G_BEGIN_DECLS

/* The largest amount of thousand yen a budget may hold (just under 10^12
 * thousand yen, a thousand trillion yen): far above any real plan, and small
 * enough that a sum over the 999,999 programs a plan can number stays under
 * 10^18, well within 64 bits (docs/file-format.md). */
#define KK_BUDGET_MAX G_GINT64_CONSTANT (999999999999)

G_END_DECLS
