/* kk-format.c: figures and years written the way the plan writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kk-format.h"
#include "kk-types.h"

G_DEFINE_QUARK (kk-parse-error-quark, kk_parse_error)

/* A digit as clerks type it: ASCII, or full-width from a Japanese input method. */
static int
kk_digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

static gboolean
kk_is_group_separator (gunichar c)
{
  return c == ',' || c == 0xFF0C /* ， */ || c == 0x3001 /* 、 */;
}

/**
 * kk_parse_thousand_yen:
 * @text: an amount as typed: 12345, 12,345 or １２，３４５
 * @amount: (out): where to store the amount
 *
 * Reads an amount of thousand yen from 0 to %KK_BUDGET_MAX.
 *
 * Returns: %TRUE when @text is such an amount
 */
gboolean
kk_parse_thousand_yen (const char  *text,
                       gint64      *amount,
                       GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gint64 value = 0;
  gboolean after_digit = FALSE;

  g_return_val_if_fail (text != NULL && amount != NULL, FALSE);

  for (const char *p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = kk_digit_value (c);

      if (digit < 0 && !(after_digit && kk_is_group_separator (c) &&
                         kk_digit_value (g_utf8_get_char (g_utf8_next_char (p))) >= 0))
        {
          g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                       _("“%s” is not a whole number of thousand yen"), stripped);
          return FALSE;
        }
      after_digit = digit >= 0;
      if (digit < 0)
        continue;
      if (value > (KK_BUDGET_MAX - digit) / 10)
        {
          g_autofree char *max = kk_format_grouped (KK_BUDGET_MAX);

          g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_RANGE,
                       _("The amount is larger than %s thousand yen"), max);
          return FALSE;
        }
      value = value * 10 + digit;
    }
  if (!after_digit)
    {
      g_set_error_literal (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                           _("Enter an amount in thousand yen"));
      return FALSE;
    }
  *amount = value;
  return TRUE;
}

/**
 * kk_format_grouped:
 *
 * Returns: (transfer full): @number with digit grouping, "-1,234" below zero
 */
char *
kk_format_grouped (gint64 number)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                             number < 0 ? -(guint64)number : (guint64)number);
  gsize len = strlen (digits);
  GString *out = g_string_sized_new (len + len / 3 + 2);

  if (number < 0)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * kk_format_thousand_yen:
 *
 * Formats an amount of thousand yen as the plan prints it: digit grouping,
 * and a decrease marked with ▲ and a space instead of a minus sign
 * (▲ 7,133).
 *
 * Returns: (transfer full): the amount as text
 */
char *
kk_format_thousand_yen (gint64 amount)
{
  g_autofree char *grouped = NULL;

  if (amount >= 0)
    return kk_format_grouped (amount);

  grouped = kk_format_grouped (amount);
  return g_strconcat ("▲ ", grouped + 1, NULL);
}

typedef struct
{
  int first_fiscal_year;
  int first_year;
  const char *name;
  char letter;
} KkEra;

/* Fiscal years start in April and take the era of that April, except that an
 * era beginning during a fiscal year names it from its start: Reiwa began on
 * 1 May 2019 and FY2019 is 令和元年度, FY1989 平成元年度. Showa began on
 * 25 December 1926, so FY1926 stays 大正15年度 and FY1927 is 昭和2年度. */
static const KkEra eras[] = {
  { 2019, 2019, "令和", 'R' },
  { 1989, 1989, "平成", 'H' },
  { 1927, 1926, "昭和", 'S' },
  { 1912, 1912, "大正", 'T' },
};

static const KkEra *
kk_era_for_fiscal_year (int fiscal_year)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    if (fiscal_year >= eras[i].first_fiscal_year)
      return &eras[i];
  return NULL;
}


/**
 * kk_format_fiscal_year:
 * @fiscal_year: the starting calendar year
 *
 * Returns: (transfer full): the Japanese fiscal year: 令和6年度 for 2024,
 * 令和元年度 for 2019, 平成30年度 for 2018
 */
char *
kk_format_fiscal_year (int fiscal_year)
{
  const KkEra *era = kk_era_for_fiscal_year (fiscal_year);
  int year;

  if (era == NULL)
    return g_strdup_printf ("%d年度", fiscal_year);
  year = fiscal_year - era->first_year + 1;
  if (year == 1)
    return g_strconcat (era->name, "元年度", NULL);
  return g_strdup_printf ("%s%d年度", era->name, year);
}

/**
 * kk_format_fiscal_year_short:
 *
 * Returns: (transfer full): the short form of table headers: R6 for 2024,
 * H30 for 2018
 */
char *
kk_format_fiscal_year_short (int fiscal_year)
{
  const KkEra *era = kk_era_for_fiscal_year (fiscal_year);

  if (era == NULL)
    return g_strdup_printf ("%d", fiscal_year);
  return g_strdup_printf ("%c%d", era->letter, fiscal_year - era->first_year + 1);
}

/**
 * kk_format_western_fiscal_year:
 *
 * Returns: (transfer full): FY2024
 */
char *
kk_format_western_fiscal_year (int fiscal_year)
{
  return g_strdup_printf ("FY%d", fiscal_year);
}

/**
 * kk_format_number:
 *
 * Whole numbers that a double holds exactly are written without a fraction,
 * others with the fewest digits that read back as the same double: 220.6,
 * never 220.59999999999999.
 *
 * Returns: (transfer full): @value in C locale notation
 */
char *
kk_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (isfinite (value), g_strdup ("0"));

  if (value == trunc (value) && fabs (value) < 9007199254740992.0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)value);

  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return g_strdup (buffer);
}
