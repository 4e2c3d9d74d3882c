/* kk-format.c: figures and years written the way the plan writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static gboolean
kk_is_decimal_point (gunichar c)
{
  return c == '.' || c == 0xFF0E /* ． */;
}

static gboolean
kk_is_minus (gunichar c)
{
  return c == '-' || c == 0xFF0D /* － */ || c == 0x2212 /* − */;
}

static gboolean
kk_is_digit_at (const char *p)
{
  return *p != '\0' && kk_digit_value (g_utf8_get_char (p)) >= 0;
}

/* Rewrites a number as clerks type it into ASCII that g_ascii_strtod() and
 * friends read: １２，３４５ becomes 12345. A separator or a point stands
 * between digits only; @fraction admits a leading minus and a decimal point.
 * Returns FALSE for anything else, and for text without a digit. */
static gboolean
kk_number_to_ascii (const char *text,
                    gboolean    fraction,
                    GString    *ascii)
{
  gboolean after_digit = FALSE;
  gboolean after_point = FALSE;
  const char *p = text;

  if (fraction && kk_is_minus (g_utf8_get_char (p)))
    {
      g_string_append_c (ascii, '-');
      p = g_utf8_next_char (p);
    }
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int digit = kk_digit_value (c);
      gboolean between_digits = after_digit && kk_is_digit_at (g_utf8_next_char (p));

      after_digit = digit >= 0;
      if (digit >= 0)
        g_string_append_c (ascii, '0' + digit);
      else if (fraction && !after_point && between_digits && kk_is_decimal_point (c))
        {
          g_string_append_c (ascii, '.');
          after_point = TRUE;
        }
      else if (!(between_digits && !after_point && kk_is_group_separator (c)))
        return FALSE;
    }
  return after_digit;
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
  g_autofree char *stripped = NULL;
  g_autoptr(GString) digits = NULL;
  gint64 value = 0;

  g_return_val_if_fail (text != NULL && amount != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                           _("Enter an amount in thousand yen"));
      return FALSE;
    }
  digits = g_string_new (NULL);
  if (!kk_number_to_ascii (stripped, FALSE, digits))
    {
      g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                   _("“%s” is not a whole number of thousand yen"), stripped);
      return FALSE;
    }
  for (gsize i = 0; i < digits->len; i++)
    {
      int digit = digits->str[i] - '0';

      if (value > (KK_BUDGET_MAX - digit) / 10)
        {
          g_autofree char *max = kk_format_grouped (KK_BUDGET_MAX);

          g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_RANGE,
                       _("The amount is larger than %s thousand yen"), max);
          return FALSE;
        }
      value = value * 10 + digit;
    }
  *amount = value;
  return TRUE;
}

/**
 * kk_parse_number:
 * @text: a figure as typed: 1234, 1,234.5, -3, －１２ or １２３．４
 * @value: (out): where to store the number
 *
 * Reads a KPI's figure: digits, ASCII or full-width, with or without digit
 * grouping, a decimal point and a leading minus, of a magnitude up to
 * %KK_NUMBER_MAX.
 *
 * Returns: %TRUE when @text is such a number
 */
gboolean
kk_parse_number (const char  *text,
                 double      *value,
                 GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GString) ascii = NULL;
  double number;

  g_return_val_if_fail (text != NULL && value != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID, _("Enter a number"));
      return FALSE;
    }
  ascii = g_string_new (NULL);
  if (!kk_number_to_ascii (stripped, TRUE, ascii))
    {
      g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                   _("“%s” is not a number"), stripped);
      return FALSE;
    }
  /* Adding zero turns −0 into 0, which a plan file writes as it reads. */
  number = g_ascii_strtod (ascii->str, NULL) + 0.0;
  /* Written so that an infinity from a very long number is refused too. */
  if (!(fabs (number) <= KK_NUMBER_MAX))
    {
      g_autofree char *max = kk_format_grouped ((gint64)KK_NUMBER_MAX);

      g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_RANGE,
                   _("The number must lie between -%s and %s"), max, max);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

/* Reads the digits at *@p, ASCII or full-width, and moves past them. */
static guint
kk_read_digits (const char **p,
                int         *number)
{
  guint n = 0;

  *number = 0;
  for (; kk_is_digit_at (*p) && n < 9; *p = g_utf8_next_char (*p), n++)
    *number = *number * 10 + kk_digit_value (g_utf8_get_char (*p));
  return n;
}

/* @first_year, @first_month, @first_day: the day the era began */
typedef struct
{
  int first_fiscal_year;
  int first_year;
  int first_month;
  int first_day;
  const char *name;
  char letter;
} KkEra;

/* Fiscal years start in April and take the era of that April, except that an
 * era beginning during a fiscal year names it from its start: Reiwa began on
 * 1 May 2019 and FY2019 is 令和元年度, FY1989 平成元年度. Showa began on
 * 25 December 1926, so FY1926 stays 大正15年度 and FY1927 is 昭和2年度. */
static const KkEra eras[] = {
  { 2019, 2019, 5, 1, "令和", 'R' },
  { 1989, 1989, 1, 8, "平成", 'H' },
  { 1927, 1926, 12, 25, "昭和", 'S' },
  { 1912, 1912, 7, 30, "大正", 'T' },
};

/* YYYYMMDD, to compare days. */
static int
kk_day_key (int year,
            int month,
            int day)
{
  return year * 10000 + month * 100 + day;
}

/* The era of @text's start (令和…), moving @p past its name, or NULL. */
static const KkEra *
kk_read_era (const char **p)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    if (g_str_has_prefix (*p, eras[i].name))
      {
        *p += strlen (eras[i].name);
        return &eras[i];
      }
  return NULL;
}

/* Reads @suffix (年, 月, 日) at *@p and moves past it. */
static gboolean
kk_read_suffix (const char **p,
                const char  *suffix)
{
  if (!g_str_has_prefix (*p, suffix))
    return FALSE;
  *p += strlen (suffix);
  return TRUE;
}

/* Reads one or two digits, then @suffix: 1月, 31日, 6年 of an era. */
static gboolean
kk_read_date_part (const char **p,
                   int         *number,
                   const char  *suffix)
{
  guint n_digits = kk_read_digits (p, number);

  return n_digits >= 1 && n_digits <= 2 && kk_read_suffix (p, suffix);
}

/* The year of 令和6年, 令和元年 or 2024年, in the western calendar. */
static gboolean
kk_read_written_year (const char  **p,
                      const KkEra **era,
                      int          *year)
{
  *era = kk_read_era (p);
  if (*era == NULL)
    return kk_read_digits (p, year) == 4 && kk_read_suffix (p, "年");
  if (kk_read_suffix (p, "元年"))
    *year = 1;
  else if (!kk_read_date_part (p, year, "年"))
    return FALSE;
  *year += (*era)->first_year - 1;
  return TRUE;
}

/* A date as the plan prints it, 令和6年1月31日 or 令和元年5月1日, or
 * 2024年1月31日; a day its era does not hold (平成31年5月1日) is none. */
static gboolean
kk_parse_written_date (const char *text,
                       int         parts[3])
{
  const char *p = text;
  const KkEra *era;
  int key;

  if (!kk_read_written_year (&p, &era, &parts[0]) || !kk_read_date_part (&p, &parts[1], "月") ||
      !kk_read_date_part (&p, &parts[2], "日") || *p != '\0' ||
      !g_date_valid_dmy (parts[2], parts[1], parts[0]))
    return FALSE;
  if (era == NULL)
    return TRUE;
  key = kk_day_key (parts[0], parts[1], parts[2]);
  return key >= kk_day_key (era->first_year, era->first_month, era->first_day) &&
         (era == eras || key < kk_day_key (era[-1].first_year, era[-1].first_month,
                                           era[-1].first_day));
}

static gboolean
kk_is_date_separator (gunichar c)
{
  return c == '-' || c == '/' || c == 0xFF0D /* － */ || c == 0xFF0F /* ／ */;
}

/**
 * kk_parse_date:
 * @text: a date as typed: 2024-01-31, 2024/1/31 or ２０２４－０１－３１, or
 *   as the plan prints it: 令和6年1月31日, 2024年1月31日
 * @iso: (out) (transfer full): the date written YYYY-MM-DD, as plan files
 *   hold it
 *
 * Returns: %TRUE when @text is a date that exists
 */
gboolean
kk_parse_date (const char  *text,
               char       **iso,
               GError     **error)
{
  g_autofree char *stripped = NULL;
  const char *p;
  int parts[3];
  gunichar separator = 0;

  g_return_val_if_fail (text != NULL && iso != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (kk_parse_written_date (stripped, parts))
    {
      *iso = g_strdup_printf ("%04d-%02d-%02d", parts[0], parts[1], parts[2]);
      return TRUE;
    }
  p = stripped;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      guint n_digits = kk_read_digits (&p, &parts[i]);
      gboolean width_ok = i == 0 ? n_digits == 4 : n_digits >= 1 && n_digits <= 2;

      if (!width_ok)
        break;
      if (i == G_N_ELEMENTS (parts) - 1)
        {
          if (*p == '\0' && g_date_valid_dmy (parts[2], parts[1], parts[0]))
            {
              *iso = g_strdup_printf ("%04d-%02d-%02d", parts[0], parts[1], parts[2]);
              return TRUE;
            }
          break;
        }
      /* Both separators alike: 2024-01/31 is more likely a slip. */
      if (!kk_is_date_separator (g_utf8_get_char (p)) ||
          (separator != 0 && g_utf8_get_char (p) != separator))
        break;
      separator = g_utf8_get_char (p);
      p = g_utf8_next_char (p);
    }
  g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
               _("“%s” is not a date: write 2024-01-31 or 令和6年1月31日"), stripped);
  return FALSE;
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
 * kk_format_date:
 * @iso: a date written YYYY-MM-DD, as plan files hold it
 *
 * A day takes the era it falls in: 2019-04-30 is 平成31年4月30日 and
 * 2019-05-01 令和元年5月1日.
 *
 * Returns: (transfer full) (nullable): the date in the Japanese era, as the
 *   plan prints it: 令和6年1月31日; %NULL when @iso is not a date
 */
char *
kk_format_date (const char *iso)
{
  int year, month, day;
  char end;

  g_return_val_if_fail (iso != NULL, NULL);

  if (sscanf (iso, "%4d-%2d-%2d%c", &year, &month, &day, &end) != 3 || strlen (iso) != 10 ||
      !g_date_valid_dmy (day, month, year))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      const KkEra *era = &eras[i];
      int era_year = year - era->first_year + 1;

      if (kk_day_key (year, month, day) < kk_day_key (era->first_year, era->first_month,
                                                      era->first_day))
        continue;
      if (era_year == 1)
        return g_strdup_printf ("%s元年%d月%d日", era->name, month, day);
      return g_strdup_printf ("%s%d年%d月%d日", era->name, era_year, month, day);
    }
  return g_strdup_printf ("%d年%d月%d日", year, month, day);
}

/**
 * kk_format_date_for_interface:
 * @iso: a date written YYYY-MM-DD, as plan files hold it
 *
 * The window writes dates in the Japanese era in Japanese, as the plan
 * prints them, and YYYY-MM-DD in other languages; kk_parse_date() reads
 * either.
 *
 * Returns: (transfer full): @iso as the interface shows it: 令和6年1月31日
 *   or 2024-01-31; @iso itself where it is not a date
 */
char *
kk_format_date_for_interface (const char *iso)
{
  /* Translators: how the window writes a date: "wareki" for the Japanese
   * era (令和6年1月31日), "iso" for 2024-01-31; no other word */
  const char *style = C_("date style", "iso");
  char *date = NULL;

  g_return_val_if_fail (iso != NULL, NULL);

  if (g_str_equal (style, "wareki"))
    date = kk_format_date (iso);
  return date != NULL ? date : g_strdup (iso);
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

/* The era's name or its letter, in either case and width: 令和, R, ｒ. */
static const char *
kk_skip_era (const char  *text,
             const KkEra *era)
{
  gunichar c = g_unichar_toupper (g_utf8_get_char (text));

  if (g_str_has_prefix (text, era->name))
    return text + strlen (era->name);
  if (c >= 0xFF21 && c <= 0xFF3A) /* Ａ–Ｚ */
    c = c - 0xFF21 + 'A';
  if (c == (gunichar)era->letter)
    return g_utf8_next_char (text);
  return NULL;
}

/* The year of an era as printed after its name, 6, ６ or 元; returns the
 * fiscal year or 0. */
static int
kk_parse_era_year (const char  *p,
                   const KkEra *era)
{
  int year;

  if (strcmp (p, "元") == 0)
    year = 1;
  else if (kk_read_digits (&p, &year) == 0 || *p != '\0' || year < 1 || year > 9999)
    return 0;
  return era->first_year + year - 1;
}

/**
 * kk_parse_fiscal_year:
 * @text: a fiscal year as typed: 2024, 令和6年度, 令和6, R6, 令和元年度
 * @fiscal_year: (out): its starting calendar year
 *
 * Reads a fiscal year written as kk_format_fiscal_year() and
 * kk_format_fiscal_year_short() write it, or as a western year.
 *
 * Returns: %TRUE when @text is a fiscal year from 1 to 9999
 */
gboolean
kk_parse_fiscal_year (const char  *text,
                      int         *fiscal_year,
                      GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *year_text = NULL;
  g_autoptr(GString) digits = NULL;
  int year = 0;

  g_return_val_if_fail (text != NULL && fiscal_year != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  year_text = g_strndup (stripped, strlen (stripped) -
                                   (g_str_has_suffix (stripped, "年度") ? strlen ("年度") : 0));
  digits = g_string_new (NULL);
  if (kk_number_to_ascii (year_text, FALSE, digits))
    year = digits->len <= 4 ? atoi (digits->str) : 0;
  else
    for (guint i = 0; i < G_N_ELEMENTS (eras) && year == 0; i++)
      {
        const char *rest = kk_skip_era (year_text, &eras[i]);

        if (rest != NULL)
          year = kk_parse_era_year (rest, &eras[i]);
      }

  if (year < 1 || year > 9999)
    {
      g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                   _("“%s” is not a fiscal year: write 2024 or 令和6年度"), stripped);
      return FALSE;
    }
  *fiscal_year = year;
  return TRUE;
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

/**
 * kk_format_percent:
 * @ratio: 1.0 for 100 %
 *
 * Returns: (transfer full): @ratio as the plan prints an achievement, with
 * one decimal: 123.1%
 */
char *
kk_format_percent (double ratio)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (isfinite (ratio), g_strdup ("—"));

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", ratio * 100);
  return g_strconcat (buffer, "%", NULL);
}

/**
 * kk_format_file_name:
 * @title: a title, a plan's or a report's
 *
 * Returns: (transfer full): @title as a file name, without an extension
 */
char *
kk_format_file_name (const char *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  /* The title of a division's summary has a colon, and a division's name
   * may have a slash: USB sticks and Windows shares refuse both. */
  return g_strdelimit (g_strdup (title), "\\/:*?\"<>|", '_');
}

/**
 * kk_format_review_state:
 *
 * Returns: where a program stands in the review, as the window says it:
 *   作成中, 確認待ち, 確定
 */
const char *
kk_format_review_state (KkReviewState state)
{
  switch (state)
    {
    case KK_REVIEW_STATE_DRAFT:
      return _("Draft");
    case KK_REVIEW_STATE_PENDING:
      return _("Pending");
    case KK_REVIEW_STATE_CONFIRMED:
      return _("Confirmed");
    default:
      g_return_val_if_reached (NULL);
    }
}
