/* test-format.c: figures and years as the plan writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <math.h>

#include "kk-format.h"
#include "kk-kpi.h"

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
  assert_format (kk_format_thousand_yen (999999999999), "999,999,999,999");
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
    { "999,999,999,999", G_GINT64_CONSTANT (999999999999) },
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

/* The editor shows this message as it is: it must say the limit. */
static void
test_parse_says_the_maximum (void)
{
  g_autoptr(GError) error = NULL;
  gint64 amount = 42;

  g_assert_false (kk_parse_thousand_yen ("１，０００，０００，０００，０００", &amount, &error));
  g_assert_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_RANGE);
  g_assert_cmpstr (error->message, ==, "The amount is larger than 999,999,999,999 thousand yen");
  g_assert_cmpint (amount, ==, 42);
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
    { "1,000,000,000,000", KK_PARSE_ERROR_RANGE },
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

static void
test_parse_number_accepts_what_clerks_type (void)
{
  static const struct { const char *text; double value; } cases[] = {
    { "1234", 1234 },
    { "1,234.5", 1234.5 },
    { "-3", -3 },
    { "－１２", -12 },
    { "−7", -7 },
    { "１２３．４", 123.4 },
    { "１，２３４", 1234 },
    { " 0.25 ", 0.25 },
    { "220.6", 220.6 },
    { "1,000,000,000,000,000", 1e15 },
    { "-1,000,000,000,000,000", -1e15 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 42;

      g_assert_true (kk_parse_number (cases[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (value, ==, cases[i].value);
    }
}

static void
test_parse_number_has_no_negative_zero (void)
{
  double value = 42;

  g_assert_true (kk_parse_number ("-0", &value, NULL));
  g_assert_cmpfloat (value, ==, 0);
  g_assert_false (signbit (value));
}

static void
test_parse_number_refuses_the_rest (void)
{
  g_autofree char *huge = g_strnfill (400, '9');
  const struct { const char *text; int code; } cases[] = {
    { "", KK_PARSE_ERROR_INVALID },
    { "   ", KK_PARSE_ERROR_INVALID },
    { "12a", KK_PARSE_ERROR_INVALID },
    { "-", KK_PARSE_ERROR_INVALID },
    { "--1", KK_PARSE_ERROR_INVALID },
    { "1-", KK_PARSE_ERROR_INVALID },
    { "1.2.3", KK_PARSE_ERROR_INVALID },
    { "1.", KK_PARSE_ERROR_INVALID },
    { ".5", KK_PARSE_ERROR_INVALID },
    { "1.234,5", KK_PARSE_ERROR_INVALID },
    { "1 234", KK_PARSE_ERROR_INVALID },
    { "1e5", KK_PARSE_ERROR_INVALID },
    { "▲ 5", KK_PARSE_ERROR_INVALID },
    { "nan", KK_PARSE_ERROR_INVALID },
    { "1,000,000,000,000,001", KK_PARSE_ERROR_RANGE },
    { huge, KK_PARSE_ERROR_RANGE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double value = 42;

      g_assert_false (kk_parse_number (cases[i].text, &value, &error));
      g_assert_error (error, KK_PARSE_ERROR, cases[i].code);
      g_assert_cmpfloat (value, ==, 42);
    }
}

static void
test_parse_date (void)
{
  static const struct { const char *text; const char *iso; } good[] = {
    { "2024-01-31", "2024-01-31" },
    { "2024/1/31", "2024-01-31" },
    { "２０２４－０１－３１", "2024-01-31" },
    { " 2024-02-29 ", "2024-02-29" },
    /* As the plan and a Japanese interface write dates. */
    { "令和6年1月31日", "2024-01-31" },
    { "令和６年１月３１日", "2024-01-31" },
    { "令和元年5月1日", "2019-05-01" },
    { "平成31年4月30日", "2019-04-30" },
    { "昭和64年1月7日", "1989-01-07" },
    { "2024年1月31日", "2024-01-31" },
  };
  static const char * const bad[] = {
    "", "2023-02-29", "2024-13-01", "2024-00-10", "2024-01-32", "24-01-31", "02024-01-31",
    "2024-01/31", "2024-01-31x", "2024-001-31", "2024-01",
    /* Days their era does not hold, or not written whole. */
    "平成31年5月1日", "令和元年4月30日", "令和6年2月30日", "令和6年1月31", "令和年1月31日",
    "令和100年1月1日", "24年1月31日", "令和6年1月31日現在",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *iso = NULL;

      g_assert_true (kk_parse_date (good[i].text, &iso, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      char *iso = NULL;

      g_assert_false (kk_parse_date (bad[i], &iso, &error));
      g_assert_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID);
      g_assert_null (iso);
    }
}

static void
test_parse_fiscal_year (void)
{
  static const struct { const char *text; int year; } good[] = {
    { "2024", 2024 },
    { "２０２４", 2024 },
    { "2024年度", 2024 },
    { "令和6年度", 2024 },
    { "令和６", 2024 },
    { "令和元年度", 2019 },
    { "R6", 2024 },
    { "ｒ６", 2024 },
    { "H30", 2018 },
    { "平成31年度", 2019 },
    { "昭和2年度", 1927 },
    { "1年度", 1 },
  };
  static const char * const bad[] = {
    "", "0", "10000", "令和", "令和0年度", "令和6年", "X6", "R", "令和6.5", "-2024", "令和9999",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 0;

      g_assert_true (kk_parse_fiscal_year (good[i].text, &year, &error));
      g_assert_no_error (error);
      g_assert_cmpint (year, ==, good[i].year);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      int year = 42;

      g_assert_false (kk_parse_fiscal_year (bad[i], &year, &error));
      g_assert_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID);
      g_assert_cmpint (year, ==, 42);
    }
}

/* What the spin buttons of the KPI editor show, they read back. */
static void
test_parse_fiscal_year_reads_what_is_written (void)
{
  for (int year = 1; year <= 9999; year++)
    {
      g_autofree char *full = kk_format_fiscal_year (year);
      g_autofree char *brief = kk_format_fiscal_year_short (year);
      int parsed = 0;

      g_assert_true (kk_parse_fiscal_year (full, &parsed, NULL));
      g_assert_cmpint (parsed, ==, year);
      g_assert_true (kk_parse_fiscal_year (brief, &parsed, NULL));
      g_assert_cmpint (parsed, ==, year);
    }
}

static void
test_percent (void)
{
  assert_format (kk_format_percent (1.286), "128.6%");
  assert_format (kk_format_percent (1), "100.0%");
  assert_format (kk_format_percent (0.6074), "60.7%");
  assert_format (kk_format_percent (0), "0.0%");
}

static void
assert_date (const char *iso,
             const char *expected)
{
  g_autofree char *text = kk_format_date (iso);

  g_assert_cmpstr (text, ==, expected);
}

/* As-of dates print in the era the day falls in, as the plan writes them. */
static void
test_date_japanese_era (void)
{
  assert_date ("2024-01-31", "令和6年1月31日");
  assert_date ("2023-11-30", "令和5年11月30日");
  assert_date ("2019-05-01", "令和元年5月1日");
  assert_date ("2019-04-30", "平成31年4月30日");
  assert_date ("1989-01-08", "平成元年1月8日");
  assert_date ("1989-01-07", "昭和64年1月7日");
  assert_date ("1912-07-29", "1912年7月29日");
  assert_date ("2024-02-30", NULL);
  assert_date ("2024-1-31", NULL);
}

static char *
dup_figure (KkComparator comparator,
            KkKpiKind    kind,
            double       number)
{
  g_autoptr(KkKpi) kpi = kk_kpi_new ("出展回数", "回");
  g_autoptr(KkKpiValue) value = kk_kpi_value_new (2023, kind);

  kk_kpi_set_comparator (kpi, comparator);
  kk_kpi_value_set_value (value, number);
  return kk_kpi_dup_figure (kpi, value);
}

static void
assert_figure (KkComparator  comparator,
               KkKpiKind     kind,
               double        number,
               const char   *expected)
{
  g_autofree char *figure = dup_figure (comparator, kind, number);

  g_assert_cmpstr (figure, ==, expected);
}

/* 以上/以下 qualify what the plan aims at, never what happened: 【6】 prints
 * 2回以上 and 70回以上 as targets, 3回 and 58回 as actuals, 75回 as its
 * forecast. */
static void
test_kpi_figure_comparator (void)
{
  assert_figure (KK_COMPARATOR_AT_LEAST, KK_KPI_KIND_TARGET, 70, "70回以上");
  assert_figure (KK_COMPARATOR_AT_LEAST, KK_KPI_KIND_PLAN, 2, "2回以上");
  assert_figure (KK_COMPARATOR_AT_LEAST, KK_KPI_KIND_ACTUAL, 58, "58回");
  assert_figure (KK_COMPARATOR_AT_LEAST, KK_KPI_KIND_FORECAST, 75, "75回");
  assert_figure (KK_COMPARATOR_AT_MOST, KK_KPI_KIND_TARGET, 20, "20回以下");
  assert_figure (KK_COMPARATOR_AT_MOST, KK_KPI_KIND_ACTUAL, 25, "25回");
  assert_figure (KK_COMPARATOR_EXACT, KK_KPI_KIND_TARGET, 2878, "2,878回");
  assert_figure (KK_COMPARATOR_AT_LEAST, KK_KPI_KIND_TARGET, 220.6, "220.6回以上");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/thousand-yen/grouping", test_thousand_yen_grouping);
  g_test_add_func ("/format/parse/accepts", test_parse_accepts_what_clerks_type);
  g_test_add_func ("/format/parse/refuses", test_parse_refuses_the_rest);
  g_test_add_func ("/format/parse/says-the-maximum", test_parse_says_the_maximum);
  g_test_add_func ("/format/thousand-yen/decrease", test_thousand_yen_decrease);
  g_test_add_func ("/format/grouped/minus", test_grouped_minus);
  g_test_add_func ("/format/fiscal-year/reiwa", test_fiscal_year_reiwa);
  g_test_add_func ("/format/fiscal-year/heisei", test_fiscal_year_heisei);
  g_test_add_func ("/format/fiscal-year/short", test_fiscal_year_short);
  g_test_add_func ("/format/fiscal-year/western", test_fiscal_year_western);
  g_test_add_func ("/format/number/shortest", test_number_shortest);
  g_test_add_func ("/format/number/parse-accepts", test_parse_number_accepts_what_clerks_type);
  g_test_add_func ("/format/number/parse-no-negative-zero",
                   test_parse_number_has_no_negative_zero);
  g_test_add_func ("/format/number/parse-refuses", test_parse_number_refuses_the_rest);
  g_test_add_func ("/format/date/parse", test_parse_date);
  g_test_add_func ("/format/fiscal-year/parse", test_parse_fiscal_year);
  g_test_add_func ("/format/fiscal-year/parse-what-is-written",
                   test_parse_fiscal_year_reads_what_is_written);
  g_test_add_func ("/format/percent/one-decimal", test_percent);
  g_test_add_func ("/format/date/japanese-era", test_date_japanese_era);
  g_test_add_func ("/format/kpi-figure/comparator", test_kpi_figure_comparator);

  return g_test_run ();
}
