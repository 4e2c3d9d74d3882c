/* test-command-line.c: keikaku --export-csv, run as a clerk's script would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <pwd.h>
#include <string.h>
#include <unistd.h>

#include "kk-csv.h"
#include "kk-plan-file.h"

typedef struct
{
  char *dir;
  char *out;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_dir_make_tmp ("keikaku-cli-XXXXXX", NULL);
  fixture->out = g_build_filename (fixture->dir, "out.csv", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->out);
}

/* Runs keikaku without a display, in @locale unless %NULL; returns its
 * exit status. What it prints goes to @output, unless %NULL. */
static int
run_keikaku_full (const char * const  *arguments,
                  const char          *locale,
                  char               **output,
                  char               **error_output)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_strv_builder_add (builder, g_getenv ("KEIKAKU"));
  g_strv_builder_addv (builder, (const char **)arguments);
  argv = g_strv_builder_end (builder);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  if (locale != NULL)
    {
      envp = g_environ_setenv (envp, "LC_ALL", locale, TRUE);
      envp = g_environ_setenv (envp, "LANG", locale, TRUE);
      envp = g_environ_unsetenv (envp, "LANGUAGE");
    }

  g_spawn_sync (NULL, argv, envp, output ? 0 : G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, output,
                error_output, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
run_keikaku_in_locale (const char * const  *arguments,
                       const char          *locale,
                       char               **error_output)
{
  return run_keikaku_full (arguments, locale, NULL, error_output);
}

static int
run_keikaku (const char * const  *arguments,
             char               **error_output)
{
  return run_keikaku_in_locale (arguments, NULL, error_output);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static void
assert_one_line_error (const char *error_output,
                       const char *expected)
{
  const char *newline = strchr (error_output, '\n');

  g_assert_true (g_str_has_prefix (error_output, "keikaku: "));
  g_assert_nonnull (strstr (error_output, expected));
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline, ==, "\n");
}

static void
assert_file_equals_export (const char *out,
                           KkPlan     *plan,
                           KkCsvTable  table)
{
  g_autoptr(GBytes) expected = kk_csv_export (plan, table);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_embedded_programs (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *option = g_strconcat ("--export-csv=", fixture->out, NULL);
  const char * const args[] = { option, NULL };
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_keikaku (args, &error_output), ==, 0);
  g_assert_cmpstr (error_output, ==, "");
  assert_file_equals_export (fixture->out, plan, KK_CSV_TABLE_PROGRAMS);
}

static void
test_file_kpis (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *option = g_strconcat ("--export-csv=", fixture->out, NULL);
  g_autofree char *path = fixture_path ("small.json");
  const char * const args[] = { option, "--table=kpis", path, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KkPlan) plan = kk_plan_load_file (file, NULL, NULL);
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_keikaku (args, &error_output), ==, 0);
  assert_file_equals_export (fixture->out, plan, KK_CSV_TABLE_KPIS);
}

static void
test_missing_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *option = g_strconcat ("--export-csv=", fixture->out, NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.keikaku", NULL);
  const char * const args[] = { option, missing, NULL };
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_keikaku (args, &error_output), ==, 2);
  assert_one_line_error (error_output, missing);
  g_assert_false (g_file_test (fixture->out, G_FILE_TEST_EXISTS));
}

static void
test_invalid_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *option = g_strconcat ("--export-csv=", fixture->out, NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.keikaku", NULL);
  const char * const args[] = { option, bad, NULL };
  g_autofree char *error_output = NULL;

  g_assert_true (g_file_set_contents (bad, "{\n  \"format\": \"keikaku-plan\",\n  oops\n}", -1, NULL));
  g_assert_cmpint (run_keikaku (args, &error_output), ==, 2);
  assert_one_line_error (error_output, bad);
  assert_one_line_error (error_output, ": line ");
  g_assert_false (g_file_test (fixture->out, G_FILE_TEST_EXISTS));
}

static void
test_existing_out_kept_on_failure (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *option = g_strconcat ("--export-csv=", fixture->out, NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "empty.keikaku", NULL);
  const char * const args[] = { option, bad, NULL };
  g_autofree char *error_output = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  g_assert_true (g_file_set_contents (fixture->out, "earlier export", -1, NULL));
  g_assert_cmpint (run_keikaku (args, &error_output), ==, 2);
  assert_one_line_error (error_output, "empty");
  g_assert_true (g_file_get_contents (fixture->out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier export");
}

static void
test_unwritable_out (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "no-such-dir", "out.csv", NULL);
  g_autofree char *option = g_strconcat ("--export-csv=", out, NULL);
  const char * const args[] = { option, NULL };
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_keikaku (args, &error_output), ==, 2);
  assert_one_line_error (error_output, out);
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *option = g_strconcat ("--export-csv=", fixture->out, NULL);
  g_autofree char *path = fixture_path ("small.json");
  const char * const unknown_option[] = { option, "--frobnicate", NULL };
  const char * const unknown_table[] = { option, "--table=budget", NULL };
  const char * const two_files[] = { option, path, path, NULL };
  const char * const table_alone[] = { "--table=kpis", NULL };
  const char * const *cases[] = { unknown_option, unknown_table, two_files, table_alone };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *error_output = NULL;

      g_assert_cmpint (run_keikaku (cases[i], &error_output), ==, 2);
      assert_one_line_error (error_output, "");
      g_assert_false (g_file_test (fixture->out, G_FILE_TEST_EXISTS));
    }
}

/* Each command line of @cases is bad usage: status 2, one line saying so,
 * and neither @out nor @csv_out written. */
static void
assert_each_refused (const char * const * const *cases,
                     guint                       n_cases,
                     const char                 *out,
                     const char                 *csv_out)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *error_output = NULL;

      g_assert_cmpint (run_keikaku (cases[i], &error_output), ==, 2);
      assert_one_line_error (error_output, "");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      g_assert_false (g_file_test (csv_out, G_FILE_TEST_EXISTS));
    }
}

static void
test_xlsx_embedded (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "plan.xlsx", NULL);
  g_autofree char *option = g_strconcat ("--export-xlsx=", out, NULL);
  const char * const args[] = { option, NULL };
  g_autofree char *error_output = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_cmpint (run_keikaku (args, &error_output), ==, 0);
  g_assert_cmpstr (error_output, ==, "");
  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
}

static void
test_xlsx_bad_file (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "plan.xlsx", NULL);
  g_autofree char *option = g_strconcat ("--export-xlsx=", out, NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.json", NULL);
  const char * const args[] = { option, missing, NULL };
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_keikaku (args, &error_output), ==, 2);
  assert_one_line_error (error_output, missing);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
drop_to_nobody (gpointer data)
{
  struct passwd *nobody = data;

  if (setgroups (0, NULL) != 0 || setgid (nobody->pw_gid) != 0 || setuid (nobody->pw_uid) != 0)
    _exit (3);
}

/* A folder the clerk may not write (run as nobody, in a folder of root's):
 * status 2, the reason on one line, and nothing left in the folder. */
static void
test_xlsx_unwritable_folder (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "plan.xlsx", NULL);
  g_autofree char *option = g_strconcat ("--export-xlsx=", out, NULL);
  const char *argv[] = { g_getenv ("KEIKAKU"), option, NULL };
  g_auto(GStrv) envp = g_environ_unsetenv (g_get_environ (), "DISPLAY");
  g_autofree char *error_output = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  int status = 0;

  if (geteuid () != 0)
    {
      g_test_skip ("Running as another user needs root, as on CI");
      return;
    }
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_spawn_sync (NULL, (char **)argv, envp, G_SPAWN_STDOUT_TO_DEV_NULL, drop_to_nobody,
                getpwnam ("nobody"), NULL, &error_output, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  assert_one_line_error (error_output, out);
  assert_one_line_error (error_output, g_strerror (EACCES));
  dir = g_dir_open (fixture->dir, 0, NULL);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_xlsx_bad_usage (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "plan.xlsx", NULL);
  g_autofree char *option = g_strconcat ("--export-xlsx=", out, NULL);
  g_autofree char *csv_option = g_strconcat ("--export-csv=", fixture->out, NULL);
  const char * const with_csv[] = { option, csv_option, NULL };
  const char * const with_table[] = { option, "--table=kpis", NULL };
  const char * const with_check[] = { option, "--check", NULL };
  const char * const *cases[] = { with_csv, with_table, with_check };

  assert_each_refused (cases, G_N_ELEMENTS (cases), out, fixture->out);
}

/* The charts and formats the command line promises (README). */
static const char * const chart_names[] = {
  "programs", "pillars", "divisions", "funding", "change", "achievement",
};

static char *
fixture_out (Fixture    *fixture,
             const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       magic_len)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, magic_len);
  g_assert_cmpmem (contents, magic_len, magic, magic_len);
}

static void
assert_png_size (const char *path,
                 guint32     width,
                 guint32     height)
{
  g_autofree char *contents = NULL;
  guint32 size[2];
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  memcpy (size, contents + 16, sizeof size);
  g_assert_cmpuint (GUINT32_FROM_BE (size[0]), ==, width);
  g_assert_cmpuint (GUINT32_FROM_BE (size[1]), ==, height);
}

static int
run_export_chart (const char  *out,
                  const char  *chart,
                  const char  *extra,
                  char       **error_output)
{
  g_autofree char *out_option = g_strconcat ("--export-chart=", out, NULL);
  g_autofree char *chart_option = g_strconcat ("--chart=", chart, NULL);
  const char * const args[] = { out_option, chart_option, extra, NULL };

  return run_keikaku (args, error_output);
}

static void
test_chart_every_chart (Fixture       *fixture,
                        gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (chart_names); i++)
    {
      g_autofree char *name = g_strconcat (chart_names[i], ".png", NULL);
      g_autofree char *out = fixture_out (fixture, name);
      g_autofree char *error_output = NULL;

      g_assert_cmpint (run_export_chart (out, chart_names[i], NULL, &error_output), ==, 0);
      g_assert_cmpstr (error_output, ==, "");
      assert_file_starts_with (out, "\x89PNG\r\n\x1a\n", 8);
    }
}

/* The extension, in any case, chooses the format. */
static void
test_chart_formats (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct
  {
    const char *name;
    const char *magic;
  } formats[] = {
    { "chart.png", "\x89PNG\r\n\x1a\n" },
    { "chart.svg", "<?xml" },
    { "chart.PDF", "%PDF-" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *out = fixture_out (fixture, formats[i].name);
      g_autofree char *error_output = NULL;

      g_assert_cmpint (run_export_chart (out, "pillars", NULL, &error_output), ==, 0);
      g_assert_cmpstr (error_output, ==, "");
      assert_file_starts_with (out, formats[i].magic, strlen (formats[i].magic));
    }
}

static void
test_chart_size_and_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "chart.png");
  g_autofree char *path = fixture_path ("small.json");
  g_autofree char *out_option = g_strconcat ("--export-chart=", out, NULL);
  const char * const args[] = { out_option, "--chart=change", "--size=640x480", path, NULL };
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_keikaku (args, &error_output), ==, 0);
  g_assert_cmpstr (error_output, ==, "");
  assert_png_size (out, 640, 480);
}

static void
test_chart_unknown_chart (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "chart.png");
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_export_chart (out, "budget", NULL, &error_output), ==, 2);
  assert_one_line_error (error_output, "budget");
  for (guint i = 0; i < G_N_ELEMENTS (chart_names); i++)
    assert_one_line_error (error_output, chart_names[i]);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_chart_unknown_extension (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const names[] = { "chart.jpg", "chart", "chart.png.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = fixture_out (fixture, names[i]);
      g_autofree char *error_output = NULL;

      g_assert_cmpint (run_export_chart (out, "programs", NULL, &error_output), ==, 2);
      assert_one_line_error (error_output, out);
      assert_one_line_error (error_output, ".png");
      assert_one_line_error (error_output, ".svg");
      assert_one_line_error (error_output, ".pdf");
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
test_chart_bad_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "chart.pdf");
  g_autofree char *out_option = g_strconcat ("--export-chart=", out, NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.keikaku", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.keikaku", NULL);
  const char * const *cases[] = {
    (const char *[]) { out_option, "--chart=programs", missing, NULL },
    (const char *[]) { out_option, "--chart=programs", bad, NULL },
  };

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"keikaku-plan\", oops }", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *error_output = NULL;

      g_assert_cmpint (run_keikaku (cases[i], &error_output), ==, 2);
      assert_one_line_error (error_output, cases[i][2]);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
test_chart_existing_out_kept (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "chart.svg");
  g_autofree char *out_option = g_strconcat ("--export-chart=", out, NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "empty.keikaku", NULL);
  const char * const args[] = { out_option, "--chart=funding", bad, NULL };
  g_autofree char *error_output = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  g_assert_true (g_file_set_contents (out, "earlier export", -1, NULL));
  g_assert_cmpint (run_keikaku (args, &error_output), ==, 2);
  assert_one_line_error (error_output, bad);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier export");
}

static void
test_chart_bad_usage (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "chart.png");
  g_autofree char *option = g_strconcat ("--export-chart=", out, NULL);
  g_autofree char *csv_option = g_strconcat ("--export-csv=", fixture->out, NULL);
  const char * const no_chart[] = { option, NULL };
  const char * const chart_alone[] = { "--chart=programs", NULL };
  const char * const size_alone[] = { "--size=800x600", NULL };
  const char * const kpi_chart[] = { option, "--chart=kpi", NULL };
  const char * const bad_sizes[][4] = {
    { option, "--chart=programs", "--size=800", NULL },
    { option, "--chart=programs", "--size=800x", NULL },
    { option, "--chart=programs", "--size=0x600", NULL },
    { option, "--chart=programs", "--size=800x-600", NULL },
    { option, "--chart=programs", "--size=100000x600", NULL },
  };
  const char * const both[] = { option, "--chart=programs", csv_option, NULL };
  const char * const *cases[] = {
    no_chart, chart_alone, size_alone, kpi_chart,
    bad_sizes[0], bad_sizes[1], bad_sizes[2], bad_sizes[3], bad_sizes[4], both,
  };

  assert_each_refused (cases, G_N_ELEMENTS (cases), out, fixture->out);
}

static int
run_export_pdf (const char  *out,
                const char  *extra,
                const char  *more,
                char       **error_output)
{
  g_autofree char *out_option = g_strconcat ("--export-pdf=", out, NULL);
  const char * const args[] = { out_option, extra, more, NULL };

  return run_keikaku (args, error_output);
}

static void
test_pdf_every_report (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char * const reports[] = { NULL, "--report=divisions", "--report=book",
                                          "--report=budget" };

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u.pdf", i);
      g_autofree char *out = fixture_out (fixture, name);
      g_autofree char *error_output = NULL;

      g_assert_cmpint (run_export_pdf (out, reports[i], NULL, &error_output), ==, 0);
      g_assert_cmpstr (error_output, ==, "");
      assert_file_starts_with (out, "%PDF-", 5);
    }
}

static char *
run_tool_output (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *output = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &output, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return output;
}

typedef struct
{
  char *text;
  char *fonts;
  goffset size;
} PdfSummary;

static void
pdf_summary_clear (PdfSummary *summary)
{
  g_free (summary->text);
  g_free (summary->fonts);
}

/* What a reader of @report exported under @locale sees: its text, its
 * fonts and its size. */
static void
export_pdf_in_locale (Fixture    *fixture,
                      const char *report,
                      const char *locale,
                      PdfSummary *summary)
{
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", report + strlen ("--report="), locale);
  g_autofree char *out = fixture_out (fixture, name);
  g_autofree char *out_option = g_strconcat ("--export-pdf=", out, NULL);
  g_autofree char *error_output = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (out);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *fonts = NULL;
  g_autoptr(GRegex) subset_tag = g_regex_new ("[A-Z]{6}\\+", 0, 0, NULL);

  g_assert_cmpint (run_keikaku_in_locale ((const char *[]) { out_option, report, NULL }, locale,
                                          &error_output), ==, 0);
  g_assert_cmpstr (error_output, ==, "");
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  summary->size = g_file_info_get_size (info);
  summary->text = run_tool_output ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8",
                                                      out, "-", NULL });
  fonts = run_tool_output ((const char *[]) { "pdffonts", out, NULL });
  /* The subset tag (ABCDEF+) is random; the fonts and their kinds are not. */
  summary->fonts = g_regex_replace (subset_tag, fonts, -1, 0, "", 0, NULL);
}

/* A printed plan is a Japanese document whatever the interface language:
 * under C.UTF-8 a report reads as under ja_JP.UTF-8, word for word, in the
 * same fonts and at the same size. (The division summaries join this list
 * when their charts take the document's words.) */
static void
test_pdf_independent_of_locale (Fixture       *fixture,
                                gconstpointer  data)
{
  static const char * const reports[] = { "--report=book", "--report=budget" };
  static const char * const english[] = { "Purpose", "Targets", "Unchanged", "Total",
                                          "Program", "Budget", "Division", "as of" };

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      PdfSummary japanese = { 0 };
      PdfSummary c = { 0 };

      export_pdf_in_locale (fixture, reports[i], "ja_JP.UTF-8", &japanese);
      export_pdf_in_locale (fixture, reports[i], "C.UTF-8", &c);
      g_assert_cmpstr (c.text, ==, japanese.text);
      g_assert_cmpstr (c.fonts, ==, japanese.fonts);
      g_assert_cmpint (c.size, ==, japanese.size);
      for (guint j = 0; j < G_N_ELEMENTS (english); j++)
        g_assert_null (strstr (c.text, english[j]));
      pdf_summary_clear (&japanese);
      pdf_summary_clear (&c);
    }
}

/* One division's summary is smaller than all of them, and a plan file
 * given names its own divisions. */
static void
test_pdf_division (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *all = fixture_out (fixture, "all.pdf");
  g_autofree char *one = fixture_out (fixture, "one.pdf");
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkDivision) division = g_list_model_get_item (kk_plan_get_divisions (plan), 0);
  g_autofree char *option = g_strconcat ("--division=", kk_division_get_name (division), NULL);
  g_autofree char *all_contents = NULL;
  g_autofree char *one_contents = NULL;
  gsize all_len;
  gsize one_len;

  g_assert_cmpint (run_export_pdf (all, NULL, NULL, NULL), ==, 0);
  g_assert_cmpint (run_export_pdf (one, option, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (all, &all_contents, &all_len, NULL));
  g_assert_true (g_file_get_contents (one, &one_contents, &one_len, NULL));
  g_assert_cmpuint (one_len, <, all_len);
  assert_file_starts_with (one, "%PDF-", 5);
}

/* The message names every division of the plan, so the clerk can retype. */
static void
test_pdf_unknown_division (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "report.pdf");
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  GListModel *divisions = kk_plan_get_divisions (plan);
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_export_pdf (out, "--division=存在しない課", NULL, &error_output), ==, 2);
  assert_one_line_error (error_output, "存在しない課");
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);

      assert_one_line_error (error_output, kk_division_get_name (division));
    }
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_pdf_bad_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "report.pdf");
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.keikaku", NULL);
  g_autofree char *error_output = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"keikaku-plan\", oops }", -1, NULL));
  g_assert_true (g_file_set_contents (out, "earlier export", -1, NULL));
  g_assert_cmpint (run_export_pdf (out, "--report=book", bad, &error_output), ==, 2);
  assert_one_line_error (error_output, bad);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier export");
}

static void
test_pdf_bad_usage (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "report.pdf");
  g_autofree char *option = g_strconcat ("--export-pdf=", out, NULL);
  g_autofree char *csv_option = g_strconcat ("--export-csv=", fixture->out, NULL);
  const char * const unknown_report[] = { option, "--report=charts", NULL };
  const char * const division_of_book[] = { option, "--report=book", "--division=経営支援課", NULL };
  const char * const report_alone[] = { "--report=book", NULL };
  const char * const division_alone[] = { "--division=経営支援課", NULL };
  const char * const both[] = { option, csv_option, NULL };
  const char * const *cases[] = {
    unknown_report, division_of_book, report_alone, division_alone, both,
  };

  assert_each_refused (cases, G_N_ELEMENTS (cases), out, fixture->out);
}

static int
run_next_year (const char  *out,
               const char  *file,
               char       **error_output)
{
  g_autofree char *option = g_strconcat ("--next-year=", out, NULL);
  const char * const args[] = { option, file, NULL };

  return run_keikaku (args, error_output);
}

static KkPlan *
load_plan_file (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KkPlan *plan = kk_plan_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* The file written is next year's plan as the window starts it. */
static void
test_next_year_embedded (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "r7.json");
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) expected = kk_plan_new_next_year (plan, NULL);
  g_autoptr(GBytes) expected_text = kk_plan_to_bytes (expected);
  g_autofree char *error_output = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(KkPlan) next = NULL;
  gsize len;

  g_assert_cmpint (run_next_year (out, NULL, &error_output), ==, 0);
  g_assert_cmpstr (error_output, ==, "");
  next = load_plan_file (out);
  g_assert_cmpint (kk_plan_get_fiscal_year (next), ==, 2025);
  g_assert_cmpstr (kk_plan_get_title (next), ==, "令和7年度 事業計画書");
  g_assert_cmpint (kk_plan_get_origin_fiscal_year (next), ==, 2024);
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_programs (next)), ==, 25);
  g_assert_true (g_file_get_contents (out, &contents, &len, NULL));
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected_text, NULL),
                   g_bytes_get_size (expected_text));
}

static void
test_next_year_of_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "next.json");
  g_autofree char *path = fixture_path ("small.json");
  g_autoptr(KkPlan) plan = load_plan_file (path);
  g_autofree char *error_output = NULL;
  g_autoptr(KkPlan) next = NULL;
  KkProgram *program;

  g_assert_cmpint (run_next_year (out, path, &error_output), ==, 0);
  g_assert_cmpstr (error_output, ==, "");
  next = load_plan_file (out);
  g_assert_cmpstr (kk_plan_get_origin_title (next), ==, kk_plan_get_title (plan));
  program = kk_plan_find_program (next, 1);
  g_assert_cmpint (kk_program_get_previous_budget (program), ==,
                   kk_program_get_budget (kk_plan_find_program (plan, 1)));
  g_assert_cmpint (kk_program_get_status (program), ==, KK_PROGRAM_STATUS_CONTINUING);
  g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_DRAFT);
}

/* A plan that cannot be read, or has no next year, writes nothing. */
static void
test_next_year_bad_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "next.json");
  g_autofree char *bad = fixture_out (fixture, "bad.keikaku");
  g_autofree char *missing = fixture_out (fixture, "missing.keikaku");
  g_autofree char *last = fixture_out (fixture, "last.keikaku");
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GFile) last_file = g_file_new_for_path (last);
  g_autofree char *error_output = NULL;
  g_autofree char *missing_output = NULL;
  g_autofree char *last_output = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (bad, "{ \"format\": \"keikaku-plan\", oops }", -1, NULL));
  kk_plan_set_fiscal_year (plan, 9999);
  g_assert_true (kk_plan_save_file (plan, last_file, NULL, NULL, NULL, NULL));

  g_assert_cmpint (run_next_year (out, bad, &error_output), ==, 2);
  assert_one_line_error (error_output, bad);
  g_assert_cmpint (run_next_year (out, missing, &missing_output), ==, 2);
  assert_one_line_error (missing_output, missing);
  g_assert_cmpint (run_next_year (out, last, &last_output), ==, 2);
  assert_one_line_error (last_output, last);
  assert_one_line_error (last_output, "9999");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_assert_true (g_file_set_contents (out, "earlier plan", -1, NULL));
  g_clear_pointer (&error_output, g_free);
  g_assert_cmpint (run_next_year (out, bad, &error_output), ==, 2);
  g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "earlier plan");
}

static void
test_next_year_unwritable_out (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *out = g_build_filename (fixture->dir, "no-such-dir", "next.json", NULL);
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_next_year (out, NULL, &error_output), ==, 2);
  assert_one_line_error (error_output, out);
}

static void
test_next_year_bad_usage (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = fixture_out (fixture, "next.json");
  g_autofree char *option = g_strconcat ("--next-year=", out, NULL);
  g_autofree char *csv_option = g_strconcat ("--export-csv=", fixture->out, NULL);
  g_autofree char *path = fixture_path ("small.json");
  const char * const with_export[] = { option, csv_option, NULL };
  const char * const two_files[] = { option, path, path, NULL };
  const char * const with_table[] = { option, "--table=kpis", NULL };
  const char * const with_check[] = { option, "--check", NULL };
  const char * const *cases[] = { with_export, two_files, with_table, with_check };

  assert_each_refused (cases, G_N_ELEMENTS (cases), out, fixture->out);
}

/* The embedded plan's one irregularity: program 13 sets no targets. */
static void
test_check_findings (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const args[] = { "--check", NULL };
  g_autofree char *output = NULL;
  g_autofree char *error_output = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_keikaku_full (args, NULL, &output, &error_output), ==, 1);
  g_assert_cmpstr (error_output, ==, "");
  lines = g_strsplit (output, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, "【13】 交付決定件数 › Figures: warning: "
                                 "The KPI has figures for 令和6年度 but no target for it.");
  g_assert_true (g_str_has_prefix (lines[1], "【13】 交付決定額 › Figures: warning: "));
  g_assert_cmpstr (lines[2], ==, "");
}

static void
test_check_clean (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = fixture_path ("small.json");
  const char * const args[] = { "--check", path, NULL };
  g_autofree char *output = NULL;
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_keikaku_full (args, NULL, &output, &error_output), ==, 0);
  g_assert_cmpstr (output, ==, "");
  g_assert_cmpstr (error_output, ==, "");
}

static void
test_check_unreadable (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing.json", NULL);
  const char * const missing[] = { "--check", path, NULL };
  const char * const with_export[] = { "--check", "--export-csv=out.csv", NULL };
  g_autofree char *output = NULL;
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_keikaku_full (missing, NULL, &output, &error_output), ==, 2);
  g_assert_cmpstr (output, ==, "");
  assert_one_line_error (error_output, "missing.json");
  g_clear_pointer (&error_output, g_free);
  g_assert_cmpint (run_keikaku (with_export, &error_output), ==, 2);
  assert_one_line_error (error_output, "--check");
}

/* The programs table as the embedded plan exports it, with program 3's
 * budget (line 4, column E) replaced by @budget, written to the fixture's
 * in.csv. */
static char *
write_import_csv (Fixture    *fixture,
                  const char *budget)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) bytes = kk_csv_export (plan, KK_CSV_TABLE_PROGRAMS);
  g_autofree char *csv = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) parts = g_strsplit (csv, ",3797,,3797,", -1);
  g_autofree char *cell = g_strdup_printf (",%s,,3797,", budget);
  g_autofree char *edited = NULL;
  char *path = g_build_filename (fixture->dir, "in.csv", NULL);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  edited = g_strjoinv (cell, parts);
  g_assert_true (g_file_set_contents (path, edited, -1, NULL));
  return path;
}

/* Runs keikaku --import-csv=in.csv --save-as=out.json on the table with
 * program 3's budget @budget; returns its exit status. */
static int
run_import (Fixture     *fixture,
            const char  *budget,
            char       **in,
            char       **out,
            char       **error_output)
{
  g_autofree char *import_option = NULL;
  g_autofree char *save_option = NULL;

  *in = write_import_csv (fixture, budget);
  *out = g_build_filename (fixture->dir, "out.json", NULL);
  import_option = g_strconcat ("--import-csv=", *in, NULL);
  save_option = g_strconcat ("--save-as=", *out, NULL);
  return run_keikaku ((const char * const []) { import_option, save_option, NULL }, error_output);
}

static void
test_import_csv (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autofree char *error_output = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (run_import (fixture, "\"4,000\"", &in, &out, &error_output), ==, 0);
  g_assert_cmpstr (error_output, ==, "");
  file = g_file_new_for_path (out);
  plan = kk_plan_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kk_program_get_budget (kk_plan_find_program (plan, 3)), ==, 4000);
  g_assert_cmpint (kk_program_get_budget (kk_plan_find_program (plan, 4)), ==, 13840);
}

static void
test_import_csv_bad_row (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *in = NULL;
  g_autofree char *out = NULL;
  g_autofree char *import_option = NULL;
  g_autofree char *error_output = NULL;

  g_assert_cmpint (run_import (fixture, "37a97", &in, &out, &error_output), ==, 2);
  assert_one_line_error (error_output, in);
  assert_one_line_error (error_output, "line 4, column 5");
  assert_one_line_error (error_output, "37a97");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  g_clear_pointer (&error_output, g_free);
  import_option = g_strconcat ("--import-csv=", in, NULL);
  g_assert_cmpint (run_keikaku ((const char * const []) { import_option, NULL }, &error_output),
                   ==, 2);
  assert_one_line_error (error_output, "--save-as");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/command-line/export-csv/embedded", Fixture, NULL,
              fixture_set_up, test_embedded_programs, fixture_tear_down);
  g_test_add ("/command-line/export-csv/file-kpis", Fixture, NULL,
              fixture_set_up, test_file_kpis, fixture_tear_down);
  g_test_add ("/command-line/export-csv/missing-file", Fixture, NULL,
              fixture_set_up, test_missing_file, fixture_tear_down);
  g_test_add ("/command-line/export-csv/invalid-file", Fixture, NULL,
              fixture_set_up, test_invalid_file, fixture_tear_down);
  g_test_add ("/command-line/export-csv/existing-out-kept", Fixture, NULL,
              fixture_set_up, test_existing_out_kept_on_failure, fixture_tear_down);
  g_test_add ("/command-line/export-csv/unwritable-out", Fixture, NULL,
              fixture_set_up, test_unwritable_out, fixture_tear_down);
  g_test_add ("/command-line/export-xlsx/embedded", Fixture, NULL,
              fixture_set_up, test_xlsx_embedded, fixture_tear_down);
  g_test_add ("/command-line/export-xlsx/bad-file", Fixture, NULL,
              fixture_set_up, test_xlsx_bad_file, fixture_tear_down);
  g_test_add ("/command-line/export-xlsx/unwritable-folder", Fixture, NULL,
              fixture_set_up, test_xlsx_unwritable_folder, fixture_tear_down);
  g_test_add ("/command-line/export-xlsx/bad-usage", Fixture, NULL,
              fixture_set_up, test_xlsx_bad_usage, fixture_tear_down);
  g_test_add ("/command-line/bad-usage", Fixture, NULL,
              fixture_set_up, test_bad_usage, fixture_tear_down);
  g_test_add ("/command-line/export-chart/every-chart", Fixture, NULL,
              fixture_set_up, test_chart_every_chart, fixture_tear_down);
  g_test_add ("/command-line/export-chart/formats", Fixture, NULL,
              fixture_set_up, test_chart_formats, fixture_tear_down);
  g_test_add ("/command-line/export-chart/size-and-file", Fixture, NULL,
              fixture_set_up, test_chart_size_and_file, fixture_tear_down);
  g_test_add ("/command-line/export-chart/unknown-chart", Fixture, NULL,
              fixture_set_up, test_chart_unknown_chart, fixture_tear_down);
  g_test_add ("/command-line/export-chart/unknown-extension", Fixture, NULL,
              fixture_set_up, test_chart_unknown_extension, fixture_tear_down);
  g_test_add ("/command-line/export-chart/bad-file", Fixture, NULL,
              fixture_set_up, test_chart_bad_file, fixture_tear_down);
  g_test_add ("/command-line/export-chart/existing-out-kept", Fixture, NULL,
              fixture_set_up, test_chart_existing_out_kept, fixture_tear_down);
  g_test_add ("/command-line/export-chart/bad-usage", Fixture, NULL,
              fixture_set_up, test_chart_bad_usage, fixture_tear_down);
  g_test_add ("/command-line/export-pdf/every-report", Fixture, NULL,
              fixture_set_up, test_pdf_every_report, fixture_tear_down);
  g_test_add ("/command-line/export-pdf/independent-of-locale", Fixture, NULL,
              fixture_set_up, test_pdf_independent_of_locale, fixture_tear_down);
  g_test_add ("/command-line/export-pdf/division", Fixture, NULL,
              fixture_set_up, test_pdf_division, fixture_tear_down);
  g_test_add ("/command-line/export-pdf/unknown-division", Fixture, NULL,
              fixture_set_up, test_pdf_unknown_division, fixture_tear_down);
  g_test_add ("/command-line/export-pdf/bad-file", Fixture, NULL,
              fixture_set_up, test_pdf_bad_file, fixture_tear_down);
  g_test_add ("/command-line/export-pdf/bad-usage", Fixture, NULL,
              fixture_set_up, test_pdf_bad_usage, fixture_tear_down);
  g_test_add ("/command-line/check/findings", Fixture, NULL,
              fixture_set_up, test_check_findings, fixture_tear_down);
  g_test_add ("/command-line/check/clean", Fixture, NULL,
              fixture_set_up, test_check_clean, fixture_tear_down);
  g_test_add ("/command-line/check/unreadable", Fixture, NULL,
              fixture_set_up, test_check_unreadable, fixture_tear_down);
  g_test_add ("/command-line/import-csv/applied", Fixture, NULL,
              fixture_set_up, test_import_csv, fixture_tear_down);
  g_test_add ("/command-line/import-csv/bad-row", Fixture, NULL,
              fixture_set_up, test_import_csv_bad_row, fixture_tear_down);
  g_test_add ("/command-line/next-year/embedded", Fixture, NULL,
              fixture_set_up, test_next_year_embedded, fixture_tear_down);
  g_test_add ("/command-line/next-year/file", Fixture, NULL,
              fixture_set_up, test_next_year_of_file, fixture_tear_down);
  g_test_add ("/command-line/next-year/bad-file", Fixture, NULL,
              fixture_set_up, test_next_year_bad_file, fixture_tear_down);
  g_test_add ("/command-line/next-year/unwritable-out", Fixture, NULL,
              fixture_set_up, test_next_year_unwritable_out, fixture_tear_down);
  g_test_add ("/command-line/next-year/bad-usage", Fixture, NULL,
              fixture_set_up, test_next_year_bad_usage, fixture_tear_down);

  return g_test_run ();
}
