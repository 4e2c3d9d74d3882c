/* kk-format.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *kk_format_thousand_yen     (gint64 amount);
char *kk_format_grouped          (gint64 number);
char *kk_format_fiscal_year      (int    fiscal_year);
char *kk_format_fiscal_year_short (int   fiscal_year);
char *kk_format_western_fiscal_year (int fiscal_year);
char *kk_format_number           (double value);

G_END_DECLS
