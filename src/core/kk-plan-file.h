/* kk-plan-file.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_PLAN_FILE_ERROR (kk_plan_file_error_quark ())

/**
 * KkPlanFileError:
 * @KK_PLAN_FILE_ERROR_SYNTAX: the text is not JSON
 * @KK_PLAN_FILE_ERROR_ENCODING: the text is not UTF-8
 * @KK_PLAN_FILE_ERROR_INVALID: the JSON is not a valid plan
 * @KK_PLAN_FILE_ERROR_VERSION: the file is of a newer major version
 * @KK_PLAN_FILE_ERROR_TOO_LARGE: the file or one of its strings is too large
 */
typedef enum
{
  KK_PLAN_FILE_ERROR_SYNTAX,
  KK_PLAN_FILE_ERROR_ENCODING,
  KK_PLAN_FILE_ERROR_INVALID,
  KK_PLAN_FILE_ERROR_VERSION,
  KK_PLAN_FILE_ERROR_TOO_LARGE,
} KkPlanFileError;

/**
 * KkPlanLoadFlags:
 * @KK_PLAN_LOAD_DEFAULT: read plans of this major version only
 * @KK_PLAN_LOAD_NEWER_VERSION: read a plan of a newer major version too,
 *   as far as this version understands it
 */
typedef enum
{
  KK_PLAN_LOAD_DEFAULT = 0,
  KK_PLAN_LOAD_NEWER_VERSION = 1 << 0,
} KkPlanLoadFlags;

#define KK_PLAN_FORMAT "keikaku-plan"
#define KK_PLAN_VERSION_MAJOR 1
#define KK_PLAN_VERSION_MINOR 2
/* The largest file read as a plan, or as a table of one. */
#define KK_PLAN_FILE_MAX_SIZE (256 * 1024 * 1024)
/* The highest number of a program, a pillar or a sheet's program. */
#define KK_PLAN_MAX_NUMBER 999999
#define KK_PLAN_DEFAULT_RESOURCE "/io/github/keikaku/Keikaku/plans/fy2024.json"

GQuark   kk_plan_file_error_quark (void);
KkPlan  *kk_plan_load_bytes       (GBytes        *bytes,
                                   GError       **error);
KkPlan  *kk_plan_load_bytes_full  (GBytes           *bytes,
                                   KkPlanLoadFlags   flags,
                                   GError          **error);
KkPlan  *kk_plan_load_file_full   (GFile            *file,
                                   KkPlanLoadFlags   flags,
                                   char            **etag,
                                   GCancellable     *cancellable,
                                   GError          **error);
KkPlan  *kk_plan_load_file        (GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);
KkPlan  *kk_plan_load_default     (void);
GBytes  *kk_plan_to_bytes         (KkPlan        *plan);
gboolean kk_plan_save_file        (KkPlan        *plan,
                                   GFile         *file,
                                   const char    *etag,
                                   char         **new_etag,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
