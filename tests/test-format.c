/* test-format.c: figures and years as the plan writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "kk-format.h"

static void
assert_format (char       *formatted,
               const char *expected)
{
  g_assert_cmpstr (formatted, ==, expected);
  g_free (formatted);
}

static void
test_thousand_yen_grouping (void)
{
  assert_format (kk_format_thousand_yen (0), "0");
  assert_format (kk_format_thousand_yen (50), "50");
  assert_format (kk_format_thousand_yen (999), "999");
  assert_format (kk_format_thousand_yen (1000), "1,000");
  assert_format (kk_format_thousand_yen (74990), "74,990");
  assert_format (kk_format_thousand_yen (319750), "319,750");
  assert_format (kk_format_thousand_yen (1234567), "1,234,567");
  assert_format (kk_format_thousand_yen (1000000000000000), "1,000,000,000,000,000");
}

static void
test_thousand_yen_decrease (void)
{
  assert_format (kk_format_thousand_yen (-8), "▲ 8");
  assert_format (kk_format_thousand_yen (-7133), "▲ 7,133");
  assert_format (kk_format_thousand_yen (-1000000), "▲ 1,000,000");
  assert_format (kk_format_thousand_yen (G_MININT64), "▲ 9,223,372,036,854,775,808");
}

static void
test_grouped_minus (void)
{
  assert_format (kk_format_grouped (-4738), "-4,738");
  assert_format (kk_format_grouped (123), "123");
}

static void
test_fiscal_year_reiwa (void)
{
  assert_format (kk_format_fiscal_year (2024), "令和6年度");
  assert_format (kk_format_fiscal_year (2023), "令和5年度");
  assert_format (kk_format_fiscal_year (2020), "令和2年度");
  assert_format (kk_format_fiscal_year (2019), "令和元年度");
}

static void
test_fiscal_year_heisei (void)
{
  assert_format (kk_format_fiscal_year (2018), "平成30年度");
  assert_format (kk_format_fiscal_year (1990), "平成2年度");
  assert_format (kk_format_fiscal_year (1989), "平成元年度");
  assert_format (kk_format_fiscal_year (1988), "昭和63年度");
  assert_format (kk_format_fiscal_year (1927), "昭和2年度");
  assert_format (kk_format_fiscal_year (1926), "大正15年度");
}

static void
test_fiscal_year_short (void)
{
  assert_format (kk_format_fiscal_year_short (2024), "R6");
  assert_format (kk_format_fiscal_year_short (2019), "R1");
  assert_format (kk_format_fiscal_year_short (2018), "H30");
}

static void
test_fiscal_year_western (void)
{
  assert_format (kk_format_western_fiscal_year (2024), "FY2024");
}

static void
test_number_shortest (void)
{
  assert_format (kk_format_number (220.6), "220.6");
  assert_format (kk_format_number (123.1), "123.1");
  assert_format (kk_format_number (0.1 + 0.2), "0.30000000000000004");
  assert_format (kk_format_number (30217), "30217");
  assert_format (kk_format_number (-2), "-2");
  assert_format (kk_format_number (1e20), "1e+20");
}

static void
test_parse_accepts_what_clerks_type (void)
{
  static const struct { const char *text; gint64 amount; } cases[] = {
    { "12345", 12345 },
    { "12,345", 12345 },
    { "１２，３４５", 12345 },
    { "１２３４５", 12345 },
    { "  7,133 ", 7133 },
    { "0", 0 },
    { "1,000,000,000,000,000", G_GINT64_CONSTANT (1000000000000000) },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 amount = -1;

      g_assert_true (kk_parse_thousand_yen (cases[i].text, &amount, &error));
      g_assert_no_error (error);
      g_assert_cmpint (amount, ==, cases[i].amount);
    }
}

static void
test_parse_refuses_the_rest (void)
{
  static const struct { const char *text; int code; } cases[] = {
    { "12a", KK_PARSE_ERROR_INVALID },
    { "", KK_PARSE_ERROR_INVALID },
    { "   ", KK_PARSE_ERROR_INVALID },
    { "-5", KK_PARSE_ERROR_INVALID },
    { "▲ 5", KK_PARSE_ERROR_INVALID },
    { "1.5", KK_PARSE_ERROR_INVALID },
    { ",123", KK_PARSE_ERROR_INVALID },
    { "123,", KK_PARSE_ERROR_INVALID },
    { "1,,234", KK_PARSE_ERROR_INVALID },
    { "1 234", KK_PARSE_ERROR_INVALID },
    { "1,000,000,000,000,001", KK_PARSE_ERROR_RANGE },
    { "99999999999999999999999", KK_PARSE_ERROR_RANGE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 amount = 42;

      g_assert_false (kk_parse_thousand_yen (cases[i].text, &amount, &error));
      g_assert_error (error, KK_PARSE_ERROR, cases[i].code);
      g_assert_cmpint (amount, ==, 42);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/thousand-yen/grouping", test_thousand_yen_grouping);
  g_test_add_func ("/format/parse/accepts", test_parse_accepts_what_clerks_type);
  g_test_add_func ("/format/parse/refuses", test_parse_refuses_the_rest);
  g_test_add_func ("/format/thousand-yen/decrease", test_thousand_yen_decrease);
  g_test_add_func ("/format/grouped/minus", test_grouped_minus);
  g_test_add_func ("/format/fiscal-year/reiwa", test_fiscal_year_reiwa);
  g_test_add_func ("/format/fiscal-year/heisei", test_fiscal_year_heisei);
  g_test_add_func ("/format/fiscal-year/short", test_fiscal_year_short);
  g_test_add_func ("/format/fiscal-year/western", test_fiscal_year_western);
  g_test_add_func ("/format/number/shortest", test_number_shortest);

  return g_test_run ();
}
