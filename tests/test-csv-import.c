/* test-csv-import.c: the programs table read back from a spreadsheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>

#include "kk-csv-import.h"
#include "kk-csv.h"
#include "kk-plan-file.h"

static const char header[] =
  "number,name,pillar,funding,budget,previous_name,previous_budget,difference,status,"
  "lead_division,divisions,partners\r\n";

static char *
export_programs (KkPlan *plan)
{
  g_autoptr(GBytes) bytes = kk_csv_export (plan, KK_CSV_TABLE_PROGRAMS);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
plan_text (KkPlan *plan)
{
  g_autoptr(GBytes) bytes = kk_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static KkCsvImport *
import_text (KkPlan     *plan,
             const char *text,
             gssize      length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);
  g_autoptr(GError) error = NULL;
  KkCsvImport *import = kk_csv_import_new (plan, bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  g_assert_null (strstr (at + 1, old));
  return g_strdup_printf ("%.*s%s%s", (int)(at - text), text, new, at + strlen (old));
}

static KkImportChange *
find_change (KkCsvImport *import,
             guint        number,
             const char  *field)
{
  GListModel *changes = kk_csv_import_get_changes (import);

  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(KkImportChange) change = g_list_model_get_item (changes, i);

      if (kk_import_change_get_number (change) == number &&
          g_str_equal (kk_import_change_get_field (change), field))
        return change;
    }
  g_assert_not_reached ();
}

static void
assert_change (KkCsvImport *import,
               guint        number,
               const char  *field,
               const char  *old_value,
               const char  *new_value)
{
  KkImportChange *change = find_change (import, number, field);

  g_assert_cmpstr (kk_import_change_get_old_value (change), ==, old_value);
  g_assert_cmpstr (kk_import_change_get_new_value (change), ==, new_value);
}

static void
assert_problem (KkCsvImport *import,
                guint        index,
                guint        line,
                guint        column,
                const char  *reason_part)
{
  g_autoptr(KkImportProblem) problem =
    g_list_model_get_item (kk_csv_import_get_problems (import), index);

  g_assert_nonnull (problem);
  g_assert_cmpuint (kk_import_problem_get_line (problem), ==, line);
  g_assert_cmpuint (kk_import_problem_get_column (problem), ==, column);
  g_assert_nonnull (strstr (kk_import_problem_get_reason (problem), reason_part));
}

/* Refused whole: nothing applied, the plan as it was. */
static void
assert_refused (KkPlan      *plan,
                KkCsvImport *import)
{
  g_autofree char *before = plan_text (plan);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (kk_csv_import_get_can_apply (import));
  g_assert_false (kk_csv_import_apply (import, &error));
  g_assert_error (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_PROBLEMS);
  after = plan_text (plan);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (kk_history_get_can_undo (kk_plan_get_history (plan)));
}

static void
test_unchanged (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *csv = export_programs (plan);
  g_autoptr(KkCsvImport) import = import_text (plan, csv, -1);

  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_changes (import)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  g_assert_false (kk_csv_import_get_can_apply (import));
}

typedef enum
{
  ENCODING_UTF8_BOM,
  ENCODING_UTF8,
  ENCODING_UTF8_LF,
  ENCODING_CP932,
} Encoding;

/* The table as a spreadsheet may save it again. */
static char *
encode (const char *csv,
        Encoding    encoding,
        gsize      *length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *lf = NULL;
  g_autoptr(GRegex) crlf = NULL;
  char *text;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  switch (encoding)
    {
    case ENCODING_UTF8_BOM:
      text = g_strdup (csv);
      break;
    case ENCODING_UTF8:
      text = g_strdup (csv + 3);
      break;
    case ENCODING_UTF8_LF:
      lf = g_strdup (csv + 3);
      crlf = g_regex_new ("\r\n", 0, 0, NULL);
      text = g_regex_replace_literal (crlf, lf, -1, 0, "\n", 0, NULL);
      break;
    case ENCODING_CP932:
    default:
      text = g_convert (csv + 3, -1, "CP932", "UTF-8", NULL, length, &error);
      g_assert_no_error (error);
      return text;
    }
  *length = strlen (text);
  return text;
}

/* The clerk's edits in a spreadsheet, made on a second copy of the plan
 * whose table is then read into the first. */
static void
edit_in_spreadsheet (KkPlan *copy)
{
  KkProgram *budget = kk_plan_find_program (copy, 3);
  KkProgram *renamed = kk_plan_find_program (copy, 5);
  KkProgram *shared = kk_plan_find_program (copy, 23);
  const char * const partners[] = { "雇用経済部", "四日市市, 工業振興課", NULL };

  kk_program_set_budget (budget, 4000);
  kk_program_set_name (renamed, "プロ人材①㈱ \"拠点\"");
  kk_program_set_previous_name (renamed, "旧事業～名＼");
  kk_sheet_set_partners (kk_program_get_sheet (shared), partners);
  kk_program_set_status (kk_plan_find_program (copy, 15), KK_PROGRAM_STATUS_CONTINUING);
  kk_program_set_previous_budget (kk_plan_find_program (copy, 15), 1200);
}

static void
test_round_trip (gconstpointer data)
{
  Encoding encoding = GPOINTER_TO_INT (data);
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkPlan) copy = kk_plan_load_default ();
  g_autofree char *original = plan_text (plan);
  g_autofree char *original_csv = export_programs (plan);
  g_autofree char *edited_csv = NULL;
  g_autofree char *text = NULL;
  g_autofree char *after_csv = NULL;
  g_autofree char *undone = NULL;
  g_autoptr(KkCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  KkHistory *history = kk_plan_get_history (plan);
  gsize length;

  edit_in_spreadsheet (copy);
  edited_csv = export_programs (copy);
  text = encode (edited_csv, encoding, &length);
  import = import_text (plan, text, length);

  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  assert_change (import, 3, "Budget", "3,797", "4,000");
  assert_change (import, 5, "Program", "プロフェッショナル人材戦略拠点運営事業",
                 "プロ人材①㈱ \"拠点\"");
  assert_change (import, 5, "Last Year’s Name", NULL, "旧事業～名＼");
  /* The sheet of 22 to 24 changes once, with the first of its rows. */
  assert_change (import, 22, "Related Bodies", "雇用経済部 中小企業・サービス産業振興課",
                 "雇用経済部;四日市市, 工業振興課");
  assert_change (import, 15, "Status", "New", "Continuing");
  assert_change (import, 15, "Last Year", NULL, "1,200");
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_changes (import)), ==, 6);
  /* Reading changed nothing. */
  undone = plan_text (plan);
  g_assert_cmpstr (undone, ==, original);
  g_clear_pointer (&undone, g_free);

  g_assert_true (kk_csv_import_get_can_apply (import));
  g_assert_true (kk_csv_import_apply (import, &error));
  g_assert_no_error (error);
  after_csv = export_programs (plan);
  g_assert_cmpstr (after_csv, ==, edited_csv);
  g_assert_true (kk_plan_get_dirty (plan));

  /* One step of undo takes it all back. */
  g_assert_true (kk_history_undo (history));
  g_assert_false (kk_history_get_can_undo (history));
  undone = plan_text (plan);
  g_assert_cmpstr (undone, ==, original);
  g_clear_pointer (&after_csv, g_free);
  after_csv = export_programs (plan);
  g_assert_cmpstr (after_csv, ==, original_csv);
}

/* A review state changed in the spreadsheet, in the file's word or the
 * plan's, comes back; one Undo takes it back. */
static void
test_review_state (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkHistory *history = kk_plan_get_history (plan);
  g_autofree char *csv = export_programs (plan);
  g_autofree char *pending = replace (csv, "\n1,よろず支援拠点事業,経営基盤の強化,国,74990,,74990,0,"
                                      "continuing,confirmed,",
                                      "\n1,よろず支援拠点事業,経営基盤の強化,国,74990,,74990,0,"
                                      "continuing,pending,");
  g_autofree char *edited = replace (pending, ",3797,,3797,0,continuing,confirmed,",
                                     ",3797,,3797,0,continuing,作成中,");
  g_autoptr(KkCsvImport) import = import_text (plan, edited, -1);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_changes (import)), ==, 2);
  assert_change (import, 1, "Review State", "Confirmed", "Pending");
  assert_change (import, 3, "Review State", "Confirmed", "Draft");
  g_assert_true (kk_csv_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (plan, 1)), ==,
                   KK_REVIEW_STATE_PENDING);
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (plan, 3)), ==,
                   KK_REVIEW_STATE_DRAFT);

  g_assert_true (kk_history_undo (history));
  g_assert_false (kk_history_get_can_undo (history));
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (plan, 1)), ==,
                   KK_REVIEW_STATE_CONFIRMED);
  g_assert_cmpint (kk_program_get_review_state (kk_plan_find_program (plan, 3)), ==,
                   KK_REVIEW_STATE_CONFIRMED);
}

/* A state that is none of the three is refused with its line and column
 * (program 2 on line 3, the review state in column J). */
static void
test_review_state_unknown (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *csv = export_programs (plan);
  g_autofree char *edited = replace (csv, ",95249,,102382,-7133,continuing,confirmed,",
                                     ",95249,,102382,-7133,continuing,済み,");
  g_autoptr(KkCsvImport) import = import_text (plan, edited, -1);

  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 1);
  assert_problem (import, 0, 3, 10, "“済み”");
  assert_refused (plan, import);
}

/* Shift_JIS as Windows reads it: 0x5C is a backslash, NEC's ① and ㈱ are
 * characters, ～ is the full-width tilde. */
static void
test_cp932_characters (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *row = g_strconcat (header, "1,①㈱\\~～,経営基盤の強化,国,74990,,74990,0,"
                                      "continuing,よろず支援・事業承継課,よろず支援・事業承継課,"
                                      "経済産業省 中部経済産業局\r\n", NULL);
  g_autofree char *cp932 = NULL;
  g_autoptr(KkCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  cp932 = g_convert (row, -1, "CP932", "UTF-8", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (cp932, "1,\x87\x40\x87\x8a\x5c\x7e\x81\x60,"));
  import = import_text (plan, cp932, -1);
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  assert_change (import, 1, "Program", "よろず支援拠点事業", "①㈱\\~～");
}

static void
test_quoted (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *csv = export_programs (plan);
  g_autofree char *edited = replace (csv, "\n1,よろず支援拠点事業,",
                                     "\n1,\"よろず, \"\"支援\"\"\r\n拠点\",");
  g_autoptr(KkCsvImport) import = import_text (plan, edited, -1);

  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  assert_change (import, 1, "Program", "よろず支援拠点事業", "よろず, \"支援\"\n拠点");
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_changes (import)), ==, 1);
}

/* Amounts as a spreadsheet or a Japanese input method writes them. */
static void
test_amounts (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *csv = export_programs (plan);
  g_autofree char *edited = replace (csv, ",74990,,74990,", ",\"75,000\",,７４，９９０,");
  g_autoptr(KkCsvImport) import = import_text (plan, edited, -1);

  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  assert_change (import, 1, "Budget", "74,990", "75,000");
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_changes (import)), ==, 1);
}

static void
test_bad_row (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *csv = export_programs (plan);
  g_autofree char *bad_budget = replace (csv, ",3797,,3797,", ",37a97,,3797,");
  g_autofree char *edited = replace (bad_budget, ",13840,,13840,", ",13841,,13840,");
  g_autoptr(KkCsvImport) import = import_text (plan, edited, -1);

  /* Program 3 is on line 4; its budget in column E. */
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 1);
  assert_problem (import, 0, 4, 5, "37a97");
  /* What could be read is shown, but nothing is applied. */
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_changes (import)), ==, 1);
  assert_refused (plan, import);
}

static void
test_bad_cells (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkCsvImport) import = NULL;
  g_autofree char *csv = g_strconcat (header,
    "1,A,経営基盤の強化,国,1,,1,0,continuing,経営支援課,経営支援課,\r\n"
    "1,A,経営基盤の強化,国,1,,1,0,continuing,経営支援課,経営支援課,\r\n"
    "2,B,no pillar,国;県;国,1,,,0,continuing,no division,経営支援課,\r\n"
    "3,C,経営基盤の強化,国,1\r\n"
    ",,,,,,,,,,,\r\n"
    "15,D,経営基盤の強化,国,1,,5,0,new,経営支援課,経営支援課,\r\n"
    "22,E,情報収集・発信,県,1,,1,0,continuing,総務企画課,総務企画課,x\r\n"
    "23,F,情報収集・発信,県,1,,1,0,continuing,総務企画課,総務企画課,y\r\n"
    "0,G,経営基盤の強化,国,1,,1,0,continuing,経営支援課,経営支援課,\r\n"
    "4,\"H\r\n", NULL);

  import = import_text (plan, csv, -1);
  assert_problem (import, 0, 3, 1, "line 2");
  assert_problem (import, 1, 4, 3, "no pillar");
  assert_problem (import, 2, 4, 4, "named twice");
  assert_problem (import, 3, 4, 10, "no division");
  assert_problem (import, 4, 4, 7, "last year");
  assert_problem (import, 5, 5, 6, "5 cells");
  assert_problem (import, 6, 7, 7, "leave the cell empty");
  assert_problem (import, 7, 9, 12, "22, 23, 24");
  assert_problem (import, 8, 10, 1, "“0”");
  assert_problem (import, 9, 11, 2, "never closed");
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 10);
  assert_refused (plan, import);
}

static void
test_header (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkCsvImport) import = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("\xEF\xBB\xBF", 3);
  g_autoptr(GBytes) no_number = g_bytes_new_static ("name,budget\r\nA,1\r\n", 18);
  g_autoptr(GBytes) binary = g_bytes_new_static ("number\r\n\0", 9);
  g_autoptr(GError) error = NULL;

  g_assert_null (kk_csv_import_new (plan, empty, &error));
  g_assert_error (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_HEADER);
  g_clear_error (&error);
  g_assert_null (kk_csv_import_new (plan, no_number, &error));
  g_assert_error (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_HEADER);
  g_clear_error (&error);
  g_assert_null (kk_csv_import_new (plan, binary, &error));
  g_assert_error (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_ENCODING);
  g_clear_error (&error);

  /* Any order, the difference ignored, a column nobody knows refused. */
  import = import_text (plan, "budget,difference,number,memo\n4000,123,3,x\n", -1);
  assert_change (import, 3, "Budget", "3,797", "4,000");
  assert_problem (import, 0, 1, 4, "memo");
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 1);
}

static void
test_not_cp932 (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("number,name\n1,A\n2,\x85\x40\n", 21);
  g_autoptr(GError) error = NULL;

  g_assert_null (kk_csv_import_new (plan, bytes, &error));
  g_assert_error (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_new_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *original = plan_text (plan);
  g_autofree char *csv = export_programs (plan);
  g_autofree char *added = g_strconcat (csv,
    "26,新しい事業,人材確保・育成,県;市,\"1,500\",,,1500,new,確認待ち,技術支援課,,研究所\r\n", NULL);
  g_autoptr(KkCsvImport) import = import_text (plan, added, -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  KkProgram *program;
  KkSheet *sheet;
  GPtrArray *divisions;

  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  assert_change (import, 26, "Program", NULL, "新しい事業");
  assert_change (import, 26, "Budget", NULL, "1,500");
  g_assert_null (kk_plan_find_program (plan, 26));

  g_assert_true (kk_csv_import_apply (import, &error));
  g_assert_no_error (error);
  program = kk_plan_find_program (plan, 26);
  g_assert_nonnull (program);
  g_assert_cmpstr (kk_program_get_name (program), ==, "新しい事業");
  g_assert_cmpstr (kk_pillar_get_name (kk_program_get_pillar (program)), ==, "人材確保・育成");
  g_assert_cmpuint (kk_program_get_funding (program)->len, ==, 2);
  g_assert_cmpint (kk_program_get_budget (program), ==, 1500);
  g_assert_cmpint (kk_program_get_status (program), ==, KK_PROGRAM_STATUS_NEW);
  g_assert_cmpint (kk_program_get_review_state (program), ==, KK_REVIEW_STATE_PENDING);
  g_assert_cmpstr (kk_division_get_name (kk_program_get_lead_division (program)), ==, "技術支援課");
  sheet = kk_program_get_sheet (program);
  divisions = kk_sheet_get_divisions (sheet);
  g_assert_cmpuint (divisions->len, ==, 1);
  g_assert_true (g_ptr_array_index (divisions, 0) == kk_program_get_lead_division (program));
  g_assert_cmpstr (kk_sheet_get_partners (sheet)[0], ==, "研究所");
  /* Last in the plan, as it is numbered. */
  g_assert_cmpuint (g_list_model_get_n_items (kk_plan_get_programs (plan)), ==, 26);

  g_assert_true (kk_history_undo (kk_plan_get_history (plan)));
  undone = plan_text (plan);
  g_assert_cmpstr (undone, ==, original);
}

/* Each program the file adds goes after the one numbered just below it,
 * also one added before it. */
static void
test_new_programs_in_order (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *csv = NULL;
  g_autofree char *added = NULL;
  g_autoptr(KkCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *programs = kk_plan_get_programs (plan);
  const guint order[] = { 24, 26, 30, 40, 41 };

  kk_plan_edit (plan, kk_plan_find_program (plan, 25), "number", 40);
  csv = export_programs (plan);
  added = g_strconcat (csv,
    "30,三十,人材確保・育成,県,100,,,100,new,作成中,技術支援課,,\r\n",
    "41,四十一,人材確保・育成,県,100,,,100,new,作成中,技術支援課,,\r\n",
    "26,二十六,人材確保・育成,県,100,,,100,new,作成中,技術支援課,,\r\n", NULL);
  import = import_text (plan, added, -1);
  g_assert_cmpuint (g_list_model_get_n_items (kk_csv_import_get_problems (import)), ==, 0);
  g_assert_true (kk_csv_import_apply (import, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (programs), ==, 28);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, 23 + i);

      g_assert_cmpuint (kk_program_get_number (program), ==, order[i]);
    }
}

/* A program the file adds needs what a plan file needs. */
static void
test_new_program_incomplete (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkCsvImport) import = import_text (plan, "number,budget\n26,100\n", -1);

  assert_problem (import, 0, 2, 1, "Program 26 is not in the plan");
  assert_refused (plan, import);
}

static void
test_file (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *dir = g_dir_make_tmp ("keikaku-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "programs.csv", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KkCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (kk_csv_import_new_for_file (plan, folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (path, "number,budget\r\n3,4000\r\n", -1, &error));
  import = kk_csv_import_new_for_file (plan, file, &error);
  g_assert_no_error (error);
  assert_change (import, 3, "Budget", "3,797", "4,000");

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-import/unchanged", test_unchanged);
  g_test_add_data_func ("/csv-import/round-trip/utf-8-bom", GINT_TO_POINTER (ENCODING_UTF8_BOM),
                        test_round_trip);
  g_test_add_data_func ("/csv-import/round-trip/utf-8", GINT_TO_POINTER (ENCODING_UTF8),
                        test_round_trip);
  g_test_add_data_func ("/csv-import/round-trip/lf", GINT_TO_POINTER (ENCODING_UTF8_LF),
                        test_round_trip);
  g_test_add_data_func ("/csv-import/round-trip/cp932", GINT_TO_POINTER (ENCODING_CP932),
                        test_round_trip);
  g_test_add_func ("/csv-import/new-programs-in-order", test_new_programs_in_order);
  g_test_add_func ("/csv-import/review-state", test_review_state);
  g_test_add_func ("/csv-import/review-state-unknown", test_review_state_unknown);
  g_test_add_func ("/csv-import/cp932-characters", test_cp932_characters);
  g_test_add_func ("/csv-import/quoted", test_quoted);
  g_test_add_func ("/csv-import/amounts", test_amounts);
  g_test_add_func ("/csv-import/bad-row", test_bad_row);
  g_test_add_func ("/csv-import/bad-cells", test_bad_cells);
  g_test_add_func ("/csv-import/header", test_header);
  g_test_add_func ("/csv-import/not-cp932", test_not_cp932);
  g_test_add_func ("/csv-import/new-program", test_new_program);
  g_test_add_func ("/csv-import/new-program-incomplete", test_new_program_incomplete);
  g_test_add_func ("/csv-import/file", test_file);

  return g_test_run ();
}
