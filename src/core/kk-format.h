/* kk-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "kk-types.h"

G_BEGIN_DECLS

#define KK_PARSE_ERROR (kk_parse_error_quark ())

/**
 * KkParseError:
 * @KK_PARSE_ERROR_INVALID: the text is not what was asked for
 * @KK_PARSE_ERROR_RANGE: the value is out of range
 */
typedef enum
{
  KK_PARSE_ERROR_INVALID,
  KK_PARSE_ERROR_RANGE,
} KkParseError;

/* The largest magnitude of a KPI's figure; plan files refuse larger ones. */
#define KK_NUMBER_MAX 1e15

GQuark kk_parse_error_quark (void);

gboolean kk_parse_thousand_yen   (const char  *text,
                                  gint64      *amount,
                                  GError     **error);
gboolean kk_parse_number         (const char  *text,
                                  double      *value,
                                  GError     **error);
gboolean kk_parse_date           (const char  *text,
                                  char       **iso,
                                  GError     **error);
gboolean kk_parse_fiscal_year    (const char  *text,
                                  int         *fiscal_year,
                                  GError     **error);

char *kk_format_thousand_yen     (gint64 amount);
char *kk_format_grouped          (gint64 number);
char *kk_format_fiscal_year      (int    fiscal_year);
char *kk_format_date             (const char *iso);
char *kk_format_date_for_interface (const char *iso);
char *kk_format_fiscal_year_short (int   fiscal_year);
char *kk_format_western_fiscal_year (int fiscal_year);
char *kk_format_number           (double value);
char *kk_format_percent          (double ratio);
char *kk_format_file_name        (const char *title);

const char *kk_format_review_state (KkReviewState state);

G_END_DECLS
