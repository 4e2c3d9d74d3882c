/* test-csv.c: the CSV tables, cell by cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "kk-csv.h"
#include "kk-plan-file.h"

static KkPlan *
load_small_plan (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  KkPlan *plan = kk_plan_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

/* A strict reader of RFC 4180 text: rows end in CRLF, quoted cells double
 * their quotes. It fails the test on anything else. */
static GPtrArray *
parse_csv (GBytes *bytes)
{
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);
  const char *end = text + len;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p;

  g_assert_true (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0);
  for (p = text + 3; p < end;)
    {
      g_string_truncate (cell, 0);
      if (*p == '"')
        {
          for (p++; p < end; p++)
            {
              if (*p == '"' && p + 1 < end && p[1] == '"')
                g_string_append_c (cell, *p++);
              else if (*p == '"')
                break;
              else
                g_string_append_c (cell, *p);
            }
          g_assert_true (p < end);
          p++;
        }
      else
        {
          for (; p < end && *p != ',' && *p != '\r' && *p != '\n'; p++)
            g_string_append_c (cell, *p);
        }
      g_strv_builder_add (row, cell->str);
      g_assert_true (p < end);
      if (*p == ',')
        {
          p++;
          continue;
        }
      g_assert_cmpint (*p, ==, '\r');
      g_assert_cmpint (p[1], ==, '\n');
      p += 2;
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }
  return rows;
}

static GPtrArray *
export_rows (KkPlan     *plan,
             KkCsvTable  table)
{
  g_autoptr(GBytes) bytes = kk_csv_export (plan, table);

  return parse_csv (bytes);
}

static void
assert_row (GPtrArray          *rows,
            guint               index,
            const char * const *expected)
{
  const char * const *row = g_ptr_array_index (rows, index);

  g_assert_cmpuint (g_strv_length ((char **)row), ==, g_strv_length ((char **)expected));
  for (guint i = 0; expected[i]; i++)
    g_assert_cmpstr (row[i], ==, expected[i]);
}

static void
test_programs_header (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  g_autoptr(GPtrArray) rows = export_rows (plan, KK_CSV_TABLE_PROGRAMS);
  const char * const header[] = {
    "number", "name", "pillar", "funding", "budget", "previous_name", "previous_budget",
    "difference", "status", "review_state", "lead_division", "divisions", "partners", NULL
  };

  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows, 0, header);
}

static void
test_programs_continuing (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  g_autoptr(GPtrArray) rows = export_rows (plan, KK_CSV_TABLE_PROGRAMS);
  const char * const first[] = {
    "1", "相談事業", "経営基盤の強化", "国", "1000", "", "1200", "-200", "continuing",
    "confirmed", "経営支援課", "経営支援課", "経済産業省 中部経済産業局", NULL
  };
  const char * const renamed[] = {
    "3", "設備事業", "経営基盤の強化", "自", "300", "旧設備事業", "250", "50", "continuing",
    "confirmed", "総務企画課", "総務企画課;経営支援課", "四日市市 工業振興課;雇用経済部", NULL
  };

  assert_row (rows, 1, first);
  assert_row (rows, 3, renamed);
}

/* Each review state as the plan file names it. */
static void
test_programs_review_state (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  g_autoptr(GPtrArray) rows = NULL;

  kk_program_set_review_state (kk_plan_find_program (plan, 1), KK_REVIEW_STATE_DRAFT);
  kk_program_set_review_state (kk_plan_find_program (plan, 2), KK_REVIEW_STATE_PENDING);
  rows = export_rows (plan, KK_CSV_TABLE_PROGRAMS);
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 1))[9], ==, "draft");
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 2))[9], ==, "pending");
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 3))[9], ==, "confirmed");
}

static void
test_programs_new (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  g_autoptr(GPtrArray) rows = export_rows (plan, KK_CSV_TABLE_PROGRAMS);
  const char * const fresh[] = {
    "2", "販路, \"開拓\" 事業", "販路拡大", "県;自", "500", "", "", "500", "new",
    "confirmed", "総務企画課", "総務企画課;経営支援課", "四日市市 工業振興課;雇用経済部", NULL
  };

  assert_row (rows, 2, fresh);
}

static void
test_quoting (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *name = "一行目, \"二\"\r\n三行目\n四";

  kk_plan_edit (plan, kk_plan_find_program (plan, 1), "name", name);
  bytes = kk_csv_export (plan, KK_CSV_TABLE_PROGRAMS);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  ",\"一行目, \"\"二\"\"\r\n三行目\n四\","));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  "\r\n2,\"販路, \"\"開拓\"\" 事業\",販路拡大,"));
  rows = parse_csv (bytes);
  g_assert_cmpstr (((char **)g_ptr_array_index (rows, 1))[1], ==, name);
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  return g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text) != NULL;
}

/* LibreOffice's CSV import splits on ";" and tabs besides commas unless the
 * cell is quoted, which would shift every cell after a joined list. */
static void
test_quoting_separators (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  g_autoptr(GBytes) programs = NULL;
  g_autoptr(GBytes) kpis = NULL;
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 3));
  g_autoptr(KkKpi) kpi = kk_kpi_new ("受講者数", "人");
  g_autoptr(KkKpiValue) value = kk_kpi_value_new (2024, KK_KPI_KIND_TARGET);

  kk_plan_edit (plan, kk_plan_find_program (plan, 1), "name", "相談\t事業");
  kk_kpi_append_value (kpi, value);
  kk_sheet_append_kpi (sheet, kpi);
  programs = kk_csv_export (plan, KK_CSV_TABLE_PROGRAMS);
  kpis = kk_csv_export (plan, KK_CSV_TABLE_KPIS);

  g_assert_true (bytes_contain (programs, "\r\n1,\"相談\t事業\",経営基盤の強化,国,1000,"));
  g_assert_true (bytes_contain (programs, ",販路拡大,\"県;自\",500,,,500,new,confirmed,総務企画課,"
                                          "\"総務企画課;経営支援課\","
                                          "\"四日市市 工業振興課;雇用経済部\"\r\n"));
  g_assert_true (bytes_contain (kpis, "\r\n\"2;3\",受講者数,,人,exact,2024,target,,,\r\n"));
  g_assert_false (bytes_contain (programs, "\"国\""));
}

static void
test_kpis (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  g_autoptr(GPtrArray) rows = export_rows (plan, KK_CSV_TABLE_KPIS);
  const char * const header[] = {
    "programs", "kpi", "group", "unit", "comparator", "fiscal_year", "kind", "value",
    "as_of", "note", NULL
  };
  const char * const dated[] = {
    "1", "相談件数", "", "件", "at_least", "2023", "actual", "123", "2024-01-31", "", NULL
  };
  const char * const undecided[] = {
    "1", "相談件数", "", "件", "at_least", "2024", "target", "", "", "未定", NULL
  };
  const char * const decimal[] = {
    "1", "平均残業時間", "", "時間", "at_most", "2024", "target", "220.6", "", "", NULL
  };

  g_assert_cmpuint (rows->len, ==, 7);
  assert_row (rows, 0, header);
  assert_row (rows, 2, dated);
  assert_row (rows, 3, undecided);
  assert_row (rows, 6, decimal);
}

static void
test_kpis_shared_sheet (void)
{
  g_autoptr(KkPlan) plan = load_small_plan ();
  KkSheet *sheet = kk_program_get_sheet (kk_plan_find_program (plan, 3));
  g_autoptr(KkKpi) kpi = kk_kpi_new ("受講者数", "人");
  g_autoptr(KkKpiValue) value = kk_kpi_value_new (2024, KK_KPI_KIND_FORECAST);
  g_autoptr(GPtrArray) rows = NULL;
  const char * const shared[] = {
    "2;3", "受講者数", "講座", "人", "exact", "2024", "forecast", "25", "", "", NULL
  };

  kk_kpi_set_group (kpi, "講座");
  kk_kpi_value_set_value (value, 25);
  kk_kpi_append_value (kpi, value);
  kk_sheet_append_kpi (sheet, kpi);
  rows = export_rows (plan, KK_CSV_TABLE_KPIS);
  assert_row (rows, rows->len - 1, shared);
}

static void
test_table_names (void)
{
  KkCsvTable table = KK_CSV_TABLE_PROGRAMS;

  g_assert_true (kk_csv_table_from_name ("kpis", &table));
  g_assert_cmpint (table, ==, KK_CSV_TABLE_KPIS);
  g_assert_true (kk_csv_table_from_name ("programs", &table));
  g_assert_cmpint (table, ==, KK_CSV_TABLE_PROGRAMS);
  g_assert_false (kk_csv_table_from_name ("budget", &table));
  g_assert_false (kk_csv_table_from_name (NULL, &table));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/programs/header", test_programs_header);
  g_test_add_func ("/csv/programs/continuing", test_programs_continuing);
  g_test_add_func ("/csv/programs/new", test_programs_new);
  g_test_add_func ("/csv/programs/review-state", test_programs_review_state);
  g_test_add_func ("/csv/programs/quoting", test_quoting);
  g_test_add_func ("/csv/quoting/separators", test_quoting_separators);
  g_test_add_func ("/csv/kpis/rows", test_kpis);
  g_test_add_func ("/csv/kpis/shared-sheet", test_kpis_shared_sheet);
  g_test_add_func ("/csv/table-names", test_table_names);

  return g_test_run ();
}
