/* test-malformed.c: every broken or hostile file fails whole, saying where and what
 *
 * Most cases are one textual edit of the small fixture, so that each
 * exercises exactly one fault in an otherwise valid plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "kk-plan-file.h"

typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  int code;
  const char *message;
} KkMalformedCase;

static const KkMalformedCase edit_cases[] = {
  /* Syntax, with the place of the fault. */
  { "missing-comma", "\"fiscal_year\": 2024,", "\"fiscal_year\": 2024",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 5, column 3: expected “,” or “}”, found “\"organization\"”" },
  { "double-comma", "\"issued\": \"2024-03\",", "\"issued\": \"2024-03\",,",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 7, column 23: expected a member name in double quotes, found “,”" },
  { "trailing-comma", "\"国\"\n      ]", "\"国\",\n      ]",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 47, column 7: expected a value, found “]”" },
  { "missing-colon", "\"organization\": ", "\"organization\" ",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 5, column 18: expected “:” after the member name, found “\"テスト財団\"”" },
  { "unclosed-string", "\"テスト財団\"", "\"テスト財団",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 5, column 19: a text is not closed with \" on its line" },
  { "single-quotes", "\"2024-03\"", "'2024-03'",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 7, column 13: expected a value, found “'”" },
  { "bare-word", "\"continuing\",\n      \"previous_budget\": 1200", "continuing,\n      \"previous_budget\": 1200",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 49, column 17: expected a value, found “continuing”" },
  { "unclosed-list", "\"kpis\": [],", "\"kpis\": [",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 152, column 19: expected “,” or “]”, found “:”" },
  { "text-after-end", "  ]\n}", "  ]\n}\n}",
    KK_PLAN_FILE_ERROR_SYNTAX, "expected the end of the file, found “}”" },
  { "nan", "\"budget\": 1000", "\"budget\": NaN",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 48, column 17: expected a value, found “NaN”" },
  { "leading-zero", "\"budget\": 1000", "\"budget\": 01000",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 48, column 17: expected a value, found “01000”" },
  { "duplicate-member", "\"budget\": 1000,", "\"budget\": 1000,\n      \"budget\": 2000,",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 49, column 7: the member “budget” is written twice in one object" },
  { "duplicate-member-escaped", "\"budget\": 1000,", "\"budget\": 1000,\n      \"budg\\u0065t\": 2000,",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 49, column 7: the member “budg\\u0065t” is written twice in one object" },
  { "bad-escape", "\"概要\"", "\"概要\\x\"",
    KK_PLAN_FILE_ERROR_SYNTAX, "a backslash must be followed by one of" },
  { "short-unicode-escape", "\"概要\"", "\"概要\\u12\"",
    KK_PLAN_FILE_ERROR_SYNTAX, "\\u must be followed by four hexadecimal digits" },
  { "lone-surrogate", "\"概要\"", "\"概要\\ud800\"",
    KK_PLAN_FILE_ERROR_SYNTAX, "a text has half of a character escaped as \\u" },
  { "escaped-nul", "\"概要\"", "\"概\\u0000要\"",
    KK_PLAN_FILE_ERROR_SYNTAX, "must not contain the character \\u0000" },
  /* Messages quote the file, but stay one line and drive no terminal. */
  { "control-character-in-token", "\"budget\": 1000", "\"budget\": \x1b[2J",
    KK_PLAN_FILE_ERROR_SYNTAX, "line 48, column 17: expected a value, found “\\u001b”" },

  /* The header. */
  { "other-format", "\"keikaku-plan\"", "\"spreadsheet\"",
    KK_PLAN_FILE_ERROR_INVALID, "format: is “spreadsheet”, not “keikaku-plan”" },
  { "newer-major-version", "\"1.2\"", "\"2.0\"",
    KK_PLAN_FILE_ERROR_VERSION, "2.0" },
  { "bad-version", "\"1.2\"", "\"one\"",
    KK_PLAN_FILE_ERROR_INVALID, "version: must be written MAJOR.MINOR" },
  { "line-break-in-version", "\"1.2\"", "\"\\n2.0\"",
    KK_PLAN_FILE_ERROR_VERSION, "format version \\u000a2.0 by a newer Keikaku" },
  { "line-break-in-format", "\"keikaku-plan\"", "\"keikaku\\r\\nplan\"",
    KK_PLAN_FILE_ERROR_INVALID, "format: is “keikaku\\u000d\\u000aplan”, not “keikaku-plan”" },
  { "year-as-text", "\"fiscal_year\": 2024", "\"fiscal_year\": \"2024\"",
    KK_PLAN_FILE_ERROR_INVALID, "fiscal_year: must be a whole number" },
  { "missing-title", "\"title\": \"令和6年度 事業計画書\",", "",
    KK_PLAN_FILE_ERROR_INVALID, "title: is missing" },
  { "bad-issued", "\"2024-03\"", "\"March 2024\"",
    KK_PLAN_FILE_ERROR_INVALID, "issued: must be a month written YYYY-MM" },
  { "origin-title-alone", "\"issued\": \"2024-03\",",
    "\"issued\": \"2024-03\",\n  \"origin_title\": \"令和5年度 事業計画書\",",
    KK_PLAN_FILE_ERROR_INVALID, "origin_fiscal_year: is missing" },
  { "origin-year-alone", "\"issued\": \"2024-03\",",
    "\"issued\": \"2024-03\",\n  \"origin_fiscal_year\": 2023,",
    KK_PLAN_FILE_ERROR_INVALID, "origin_title: is missing" },
  { "origin-year-zero", "\"issued\": \"2024-03\",",
    "\"issued\": \"2024-03\",\n  \"origin_fiscal_year\": 0,\n  \"origin_title\": \"前年度\",",
    KK_PLAN_FILE_ERROR_INVALID, "origin_fiscal_year: must be a whole number from 1 to 9,999, not 0" },

  /* Lists of the plan. */
  { "duplicate-funding", "\"code\": \"自\"", "\"code\": \"国\"",
    KK_PLAN_FILE_ERROR_INVALID, "funding_sources[2].code: funding “国” is listed twice" },
  { "duplicate-pillar", "\"number\": 2,\n      \"name\": \"販路拡大\"", "\"number\": 1,\n      \"name\": \"販路拡大\"",
    KK_PLAN_FILE_ERROR_INVALID, "pillars[1].number: pillar 1 is listed twice" },
  { "duplicate-division", "\"name\": \"総務企画課\"\n    }", "\"name\": \"経営支援課\"\n    }",
    KK_PLAN_FILE_ERROR_INVALID, "divisions[1].name: division “経営支援課” is listed twice" },
  { "pillars-not-a-list", "\"pillars\": [", "\"pillars\": {},\n  \"old_pillars\": [",
    KK_PLAN_FILE_ERROR_INVALID, "pillars: must be a list, not an object" },

  /* Programs. */
  { "negative-budget", "\"budget\": 1000", "\"budget\": -1000",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].budget: must be a whole number from 0 to" },
  { "fractional-budget", "\"budget\": 1000", "\"budget\": 1000.5",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].budget: must be a whole number" },
  { "budget-over-limit", "\"budget\": 1000", "\"budget\": 1000000000000",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].budget: must be a whole number from 0 to 999,999,999,999, not 1,000,000,000,000" },
  /* 9,300 budgets of 10^15 once added up to a negative total. */
  { "budget-of-a-quadrillion", "\"budget\": 1000", "\"budget\": 1000000000000000",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].budget: must be a whole number from 0 to 999,999,999,999" },
  { "previous-budget-over-limit", "\"previous_budget\": 1200", "\"previous_budget\": 1000000000000",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].previous_budget: must be a whole number from 0 to 999,999,999,999" },
  { "budget-overflows-int64", "\"budget\": 1000", "\"budget\": 99999999999999999999",
    KK_PLAN_FILE_ERROR_INVALID, "the number is too large" },
  { "budget-as-text", "\"budget\": 1000", "\"budget\": \"1,000\"",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].budget: must be a whole number from 0 to 999,999,999,999, not a text" },
  { "budget-null", "\"budget\": 1000", "\"budget\": null",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].budget: must be a whole number" },
  { "budget-infinite", "\"budget\": 1000", "\"budget\": 1e400",
    KK_PLAN_FILE_ERROR_INVALID, "line 48, column 17: the number is too large" },
  { "duplicate-program", "\"number\": 3,", "\"number\": 2,",
    KK_PLAN_FILE_ERROR_INVALID, "programs[2].number: program 2 is listed twice" },
  { "unknown-pillar", "\"pillar\": 2,", "\"pillar\": 7,",
    KK_PLAN_FILE_ERROR_INVALID, "programs[1].pillar: there is no pillar 7" },
  { "unknown-funding", "\"県\",\n        \"自\"", "\"府\",\n        \"自\"",
    KK_PLAN_FILE_ERROR_INVALID, "programs[1].funding[0]: there is no funding source “府”" },
  { "funding-twice", "\"県\",\n        \"自\"", "\"自\",\n        \"自\"",
    KK_PLAN_FILE_ERROR_INVALID, "programs[1].funding[1]: funding “自” is named twice" },
  { "no-funding", "\"funding\": [\n        \"国\"\n      ]", "\"funding\": []",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].funding: must name at least one funding source" },
  { "unknown-division", "\"lead_division\": \"経営支援課\"", "\"lead_division\": \"広報課\"",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].lead_division: there is no division “広報課”" },
  { "unknown-status", "\"status\": \"new\"", "\"status\": \"abolished\"",
    KK_PLAN_FILE_ERROR_INVALID, "programs[1].status: must be one of" },
  { "unknown-review-state", "\"lead_division\": \"経営支援課\"",
    "\"lead_division\": \"経営支援課\", \"review_state\": \"approved\"",
    KK_PLAN_FILE_ERROR_INVALID,
    "programs[0].review_state: must be one of draft, pending, confirmed, not “approved”" },
  { "review-state-not-text", "\"lead_division\": \"経営支援課\"",
    "\"lead_division\": \"経営支援課\", \"review_state\": 2",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].review_state: must be a text, not a number" },
  { "new-with-previous-budget", "\"status\": \"new\",", "\"status\": \"new\", \"previous_budget\": 1,",
    KK_PLAN_FILE_ERROR_INVALID, "programs[1].previous_budget: must be absent for a new program" },
  { "continuing-without-previous", "\"previous_budget\": 1200,", "",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].previous_budget: is missing" },
  { "empty-name", "\"name\": \"相談事業\"", "\"name\": \"\"",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0].name: must not be empty" },
  { "program-not-an-object", "\"programs\": [\n", "\"programs\": [\n    42,\n",
    KK_PLAN_FILE_ERROR_INVALID, "programs[0]: must be an object, not a number" },

  /* Sheets and their figures. */
  { "sheet-unknown-program", "\"programs\": [\n        1\n      ]", "\"programs\": [\n        9\n      ]",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[0].programs[0]: there is no program 9" },
  { "program-on-two-sheets", "\"programs\": [\n        2,\n        3\n      ]", "\"programs\": [\n        2,\n        1\n      ]",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[1].programs[1]: program 1 is on another sheet too" },
  { "program-on-no-sheet", "\"programs\": [\n        2,\n        3\n      ]", "\"programs\": [\n        2\n      ]",
    KK_PLAN_FILE_ERROR_INVALID, "program 3 is on no sheet" },
  { "sheet-division-twice", "\"総務企画課\",\n        \"経営支援課\"", "\"総務企画課\",\n        \"総務企画課\"",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[1].divisions[1]: division “総務企画課” is named twice" },
  { "sheet-unknown-division", "\"総務企画課\",\n        \"経営支援課\"", "\"総務企画課\",\n        \"企画課\"",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[1].divisions[1]: there is no division “企画課”" },
  { "unknown-comparator", "\"at_most\"", "\"below\"",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[0].kpis[1].comparator: must be one of" },
  { "unknown-kind", "\"kind\": \"actual\",\n              \"value\": 123", "\"kind\": \"result\",\n              \"value\": 123",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[0].kpis[0].values[1].kind: must be one of" },
  { "bad-as-of", "\"2024-01-31\"", "\"2024/01/31\"",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[0].kpis[0].values[1].as_of: must be a date written YYYY-MM-DD" },
  { "value-without-note", "\"note\": \"未定\"", "\"comment\": \"未定\"",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[0].kpis[0].values[2].note: is required when a figure has no value" },
  { "value-as-text", "\"value\": 220.6", "\"value\": \"220.6\"",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[0].kpis[1].values[2].value: must be a number, not a text" },
  { "value-infinite", "\"value\": 220.6", "\"value\": -1e400",
    KK_PLAN_FILE_ERROR_INVALID, "line 129, column 24: the number is too large" },
  /* Kept to be written back, where an infinite number cannot be written. */
  { "unknown-member-infinite", "\"issued\": \"2024-03\",", "\"issued\": \"2024-03\", \"extra\": [1e999],",
    KK_PLAN_FILE_ERROR_INVALID, "line 7, column 34: the number is too large" },
  { "partners-not-texts", "\"雇用経済部\"", "true",
    KK_PLAN_FILE_ERROR_INVALID, "sheets[1].partners[1]: must be a text, not true or false" },
};

typedef struct
{
  const char *name;
  const char *text;
  gssize length;
  int code;
  const char *message;
} KkWholeCase;

static const KkWholeCase whole_cases[] = {
  { "empty", "", 0, KK_PLAN_FILE_ERROR_SYNTAX, "The file is empty" },
  /* strtod and strtoll read past the end of a number that ends the text. */
  { "a-fraction", "4.5", -1, KK_PLAN_FILE_ERROR_INVALID, "The file holds a number, not a plan" },
  { "infinite", "-1e400", -1, KK_PLAN_FILE_ERROR_INVALID, "line 1, column 1: the number is too large" },
  { "whitespace", " \n\t\n", -1, KK_PLAN_FILE_ERROR_SYNTAX, "line 3, column 1: the file ends before the plan is complete" },
  { "a-list", "[1, 2, 3]", -1, KK_PLAN_FILE_ERROR_INVALID, "The file holds a list, not a plan" },
  { "a-number", "42", -1, KK_PLAN_FILE_ERROR_INVALID, "The file holds a number, not a plan" },
  { "empty-object", "{}", -1, KK_PLAN_FILE_ERROR_INVALID, "format: is missing" },
  { "nul-byte", "{\"format\": \"keikaku\0plan\"}", 26, KK_PLAN_FILE_ERROR_ENCODING, "line 1, column 20" },
  { "latin-1", "{\"organization\": \"Caf\xe9\"}", -1, KK_PLAN_FILE_ERROR_ENCODING,
    "line 1, column 22: the file is not UTF-8 text" },
  { "shift-jis", "{\n\"title\": \"\x8c\x76\x89\xe6\"}", -1, KK_PLAN_FILE_ERROR_ENCODING,
    "line 2, column 11: the file is not UTF-8 text" },
  { "overlong-utf8", "{\"title\": \"\xc0\xaf\"}", -1, KK_PLAN_FILE_ERROR_ENCODING, "not UTF-8" },
  { "binary", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, KK_PLAN_FILE_ERROR_ENCODING, "not UTF-8" },
};

static GBytes *
load_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_load_fails (GBytes     *bytes,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_plan_load_bytes (bytes, &error);

  g_assert_null (plan);
  g_assert_nonnull (error);
  if (strstr (error->message, message) == NULL)
    g_test_message ("message: %s", error->message);
  g_assert_error (error, KK_PLAN_FILE_ERROR, code);
  g_assert_nonnull (strstr (error->message, message));
  /* One line: the window and the command line show it as it is. */
  g_assert_null (strchr (error->message, '\n'));
}

static void
test_fixture_loads (void)
{
  g_autoptr(GBytes) bytes = load_fixture ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_plan_load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (plan);
}

static void
test_edit_case (gconstpointer data)
{
  const KkMalformedCase *test_case = data;
  g_autoptr(GBytes) original = load_fixture ();
  const char *text = g_bytes_get_data (original, NULL);
  const char *found = strstr (text, test_case->find);
  g_autoptr(GString) edited = NULL;
  g_autoptr(GBytes) bytes = NULL;

  /* A case whose text is not in the fixture would test nothing. */
  g_assert_nonnull (found);
  edited = g_string_new_len (text, found - text);
  g_string_append (edited, test_case->replace);
  g_string_append (edited, found + strlen (test_case->find));
  bytes = g_bytes_new (edited->str, edited->len);

  assert_load_fails (bytes, test_case->code, test_case->message);
}

static void
test_whole_case (gconstpointer data)
{
  const KkWholeCase *test_case = data;
  gsize length = test_case->length < 0 ? strlen (test_case->text) : (gsize)test_case->length;
  /* A copy of exactly its length, without the NUL of the literal after it,
   * so that valgrind and the sanitizers see any read past the end. */
  g_autoptr(GBytes) bytes = g_bytes_new (test_case->text, length);

  assert_load_fails (bytes, test_case->code, test_case->message);
}

static void
test_deep_nesting (void)
{
  const guint depth = 100000;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"keikaku-plan\", \"x\": ");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  assert_load_fails (bytes, KK_PLAN_FILE_ERROR_SYNTAX, "line 1, column 64: the data is nested more than 32 levels deep");
}

static void
test_huge_string (void)
{
  const gsize size = 2 * 1024 * 1024;
  g_autoptr(GString) text = g_string_new ("{\n  \"format\": \"keikaku-plan\",\n  \"title\": \"");
  g_autoptr(GBytes) bytes = NULL;

  for (gsize i = 0; i < size / 3; i++)
    g_string_append (text, "計");
  g_string_append (text, "\"\n}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  assert_load_fails (bytes, KK_PLAN_FILE_ERROR_TOO_LARGE, "line 3, column 12: a text is longer than 1 MiB");
}

/* A file cut short anywhere, as by a full disk or an interrupted copy. */
static void
test_every_truncation_fails (void)
{
  g_autoptr(GBytes) original = load_fixture ();
  gsize length;
  const char *text = g_bytes_get_data (original, &length);

  for (gsize cut = 1; cut < length - 1; cut++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (text, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(KkPlan) plan = kk_plan_load_bytes (bytes, &error);

      g_assert_null (plan);
      if (!g_error_matches (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_ENCODING))
        g_assert_error (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_SYNTAX);
    }
}

/* Objects of many members are checked another way than small ones. */
static void
test_duplicate_in_a_wide_object (void)
{
  g_autoptr(GString) text = g_string_new ("{\n  \"format\": \"keikaku-plan\",\n");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (text, "  \"extra_%u\": %u,\n", i, i);
  g_string_append (text, "  \"extra_7\": 0\n}\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  assert_load_fails (bytes, KK_PLAN_FILE_ERROR_SYNTAX,
                     "line 43, column 3: the member “extra_7” is written twice in one object");
}

static void
test_many_small_errors_report_the_first (void)
{
  g_autoptr(GBytes) original = load_fixture ();
  g_autofree char *text = g_strndup (g_bytes_get_data (original, NULL), g_bytes_get_size (original));
  g_autoptr(GRegex) budgets = g_regex_new ("\"budget\": \\d+", 0, 0, NULL);
  char *edited = g_regex_replace_literal (budgets, text, -1, 0, "\"budget\": -5", 0, NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_take (edited, strlen (edited));

  assert_load_fails (bytes, KK_PLAN_FILE_ERROR_INVALID, "programs[0].budget");
}

static void
test_missing_file_names_the_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/plan.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_plan_load_file (file, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* The fixture with @member inserted as the first member of the top object
 * (@in_program FALSE) or of the first program. */
static GBytes *
fixture_with_member (const char *member,
                     gboolean    in_program)
{
  g_autoptr(GBytes) original = load_fixture ();
  const char *text = g_bytes_get_data (original, NULL);
  const char *anchor = in_program ? "\"number\": 1," : "\"format\": \"keikaku-plan\",";
  const char *at = strstr (text, anchor);
  GString *edited;

  g_assert_nonnull (at);
  at += strlen (anchor);
  edited = g_string_new_len (text, at - text);
  g_string_append_printf (edited, " %s,", member);
  g_string_append (edited, at);
  return g_string_free_to_bytes (edited);
}

/* Names of 2 × @n_blocks characters made of the blocks "Ez" and "FY", which
 * g_str_hash (33 h + c) gives one value: 2^n_blocks names that once took
 * quadratic time to check for a repeated one. */
static char *
colliding_name (guint index,
                guint n_blocks)
{
  GString *name = g_string_new (NULL);

  for (guint b = 0; b < n_blocks; b++)
    g_string_append (name, (index >> b) & 1 ? "FY" : "Ez");
  return g_string_free (name, FALSE);
}

static char *
object_of_colliding_names (guint    n_blocks,
                           gboolean repeat_last)
{
  GString *object = g_string_new ("\"extra\": {");
  guint n = 1u << n_blocks;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = colliding_name (i, n_blocks);

      g_string_append_printf (object, "%s\n\"%s\": %u", i > 0 ? "," : "", name, i);
    }
  if (repeat_last)
    {
      g_autofree char *name = colliding_name (n - 1, n_blocks);

      g_string_append_printf (object, ",\n\"%s\": 0", name);
    }
  g_string_append (object, "}");
  return g_string_free (object, FALSE);
}

static void
test_colliding_names (void)
{
  const guint n_blocks = 16;
  g_autofree char *first = colliding_name (0, n_blocks);
  g_autofree char *last = colliding_name ((1u << n_blocks) - 1, n_blocks);
  g_autofree char *object = object_of_colliding_names (n_blocks, FALSE);
  g_autoptr(GBytes) bytes = fixture_with_member (object, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(GBytes) saved = NULL;

  /* The test means what it says: the names share one hash value. */
  g_assert_cmpuint (g_str_hash (first), ==, g_str_hash (last));

  plan = kk_plan_load_bytes (bytes, &error);
  g_assert_no_error (error);
  /* Kept as a newer version's member, and written back. */
  saved = kk_plan_to_bytes (plan);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved), last));
}

static void
test_colliding_names_repeated (void)
{
  const guint n_blocks = 16;
  g_autofree char *object = object_of_colliding_names (n_blocks, TRUE);
  g_autoptr(GBytes) bytes = fixture_with_member (object, FALSE);
  g_autofree char *last = colliding_name ((1u << n_blocks) - 1, n_blocks);
  g_autofree char *message = g_strdup_printf ("line %u, column 1: the member “%s” is written "
                                              "twice in one object", 2 + (1u << n_blocks) + 1,
                                              last);

  assert_load_fails (bytes, KK_PLAN_FILE_ERROR_SYNTAX, message);
}

static void
test_deep_objects (void)
{
  const guint depth = 100000;
  g_autoptr(GString) text = g_string_new ("{\"format\": \"keikaku-plan\", \"x\": ");
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < depth; i++)
    g_string_append (text, "{\"a\": ");
  g_string_append (text, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '}');
  g_string_append_c (text, '}');
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  assert_load_fails (bytes, KK_PLAN_FILE_ERROR_SYNTAX, "the data is nested more than 32 levels deep");
}

/* ru_maxrss is in kilobytes. */
static gsize
peak_memory (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gsize)usage.ru_maxrss * 1024;
}

/* Memory is measured in a process of its own, from its peak before and
 * after; the sanitizers and valgrind have memory of their own. */
static gboolean
memory_is_measurable (void)
{
#if defined(__SANITIZE_ADDRESS__)
  return FALSE;
#else
  const char *preload = g_getenv ("LD_PRELOAD");

  return preload == NULL || strstr (preload, "vgpreload") == NULL;
#endif
}

/* The child loads the file the parent wrote, from its own start: its
 * peak of memory is then what loading takes, the text of the file too. */
static void
assert_child_loads_within (gsize size,
                           guint times)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("KK_TEST_PLAN"));
  g_autoptr(GError) error = NULL;
  gsize before = peak_memory ();
  g_autoptr(KkPlan) plan = kk_plan_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_test_message ("%" G_GSIZE_FORMAT " bytes of {} took %" G_GSIZE_FORMAT " bytes at the peak",
                  size, peak_memory () - before);
  g_assert_cmpuint (peak_memory () - before, <, times * size);
}

/* 25 MB of {} once took 2.5 GB to load. As a member of the top object, the
 * list is kept as its text; inside a program, it is read into the
 * program's tree of values first, some 32 bytes for each {}. */
static void
assert_empty_objects_load_within (const char *test_path,
                                  gboolean    in_program,
                                  guint       times)
{
  const gsize size = 10 * 1000 * 1000;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) list = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (!memory_is_measurable ())
    {
      g_test_skip ("memory is not measured under a sanitizer or valgrind");
      return;
    }
  if (g_test_subprocess ())
    {
      assert_child_loads_within (size, times);
      return;
    }

  list = g_string_sized_new (size + 16);
  g_string_append (list, "\"extra\": [{}");
  while (list->len < size)
    g_string_append (list, ",{}");
  g_string_append (list, "]");
  bytes = fixture_with_member (list->str, in_program);
  dir = g_dir_make_tmp ("keikaku-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "plan.json", NULL);
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  g_setenv ("KK_TEST_PLAN", path, TRUE);
  g_test_trap_subprocess (test_path, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("KK_TEST_PLAN");
  g_unlink (path);
  g_rmdir (dir);
  g_test_trap_assert_passed ();
}

static void
test_many_empty_objects (void)
{
  assert_empty_objects_load_within ("/malformed/many-empty-objects/top", FALSE, 3);
}

static void
test_many_empty_objects_in_a_program (void)
{
  assert_empty_objects_load_within ("/malformed/many-empty-objects/program", TRUE, 16);
}

static void
assert_file_refused (const char *path,
                     GQuark      domain,
                     int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_plan_load_file (file, NULL, &error);

  g_assert_null (plan);
  g_assert_error (error, domain, code);
  g_assert_null (strchr (error->message, '\n'));
}

/* A named pipe without a writer once blocked open() for ever. */
static void
test_named_pipe_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("keikaku-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  assert_file_refused (path, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_unlink (path);
  g_rmdir (dir);
}

/* A link to /dev/zero once read 4 GB before the size limit refused it. */
static void
test_device_behind_link_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("keikaku-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);

  g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
  assert_file_refused (path, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_folder_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("keikaku-test-XXXXXX", NULL);

  assert_file_refused (dir, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_rmdir (dir);
}

/* A sparse file: its size is refused before a byte of it is read. */
static void
test_file_over_the_limit_refused (void)
{
  g_autofree char *dir = g_dir_make_tmp ("keikaku-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.json", NULL);
  FILE *stream = g_fopen (path, "w");

  g_assert_nonnull (stream);
  g_assert_cmpint (ftruncate (fileno (stream), 256 * 1024 * 1024 + 1), ==, 0);
  fclose (stream);
  assert_file_refused (path, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_TOO_LARGE);
  g_unlink (path);
  g_rmdir (dir);
}

static void
add_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/malformed/edit/%s", edit_cases[i].name);
      g_test_add_data_func (path, &edit_cases[i], test_edit_case);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (whole_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/malformed/whole/%s", whole_cases[i].name);
      g_test_add_data_func (path, &whole_cases[i], test_whole_case);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/malformed/fixture-loads", test_fixture_loads);
  add_cases ();
  g_test_add_func ("/malformed/deep-nesting", test_deep_nesting);
  g_test_add_func ("/malformed/huge-string", test_huge_string);
  g_test_add_func ("/malformed/every-truncation", test_every_truncation_fails);
  g_test_add_func ("/malformed/wide-object", test_duplicate_in_a_wide_object);
  g_test_add_func ("/malformed/first-error", test_many_small_errors_report_the_first);
  g_test_add_func ("/malformed/missing-file", test_missing_file_names_the_file);
  g_test_add_func ("/malformed/colliding-names", test_colliding_names);
  g_test_add_func ("/malformed/colliding-names-repeated", test_colliding_names_repeated);
  g_test_add_func ("/malformed/deep-objects", test_deep_objects);
  g_test_add_func ("/malformed/many-empty-objects/top", test_many_empty_objects);
  g_test_add_func ("/malformed/many-empty-objects/program", test_many_empty_objects_in_a_program);
  g_test_add_func ("/malformed/named-pipe", test_named_pipe_refused);
  g_test_add_func ("/malformed/device-behind-link", test_device_behind_link_refused);
  g_test_add_func ("/malformed/folder", test_folder_refused);
  g_test_add_func ("/malformed/over-the-limit", test_file_over_the_limit_refused);

  return g_test_run ();
}
