/* test-search.c: finding programs by what clerks remember of them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kk-plan-file.h"
#include "kk-search.h"

static gboolean
program_matches (KkProgram  *program,
                 const char *query)
{
  g_autofree char *text = kk_program_dup_search_text (program);
  g_auto(GStrv) words = kk_search_split_query (query);

  return kk_search_text_matches (text, (const char * const *)words);
}

static guint
count_matches (KkPlan     *plan,
               const char *query)
{
  GListModel *programs = kk_plan_get_programs (plan);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      count += program_matches (program, query);
    }
  return count;
}

static void
test_widths_and_case_fold (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgram *program = kk_plan_find_program (plan, 1);

  g_assert_true (program_matches (program, "よろず"));
  g_assert_true (program_matches (program, "１"));
  /* Half-width katakana and full-width Latin find their usual forms. */
  g_assert_true (program_matches (kk_plan_find_program (plan, 14), "ﾓﾉﾂﾞｸﾘ"));
  g_assert_false (program_matches (program, "存在しない言葉"));
}

/* What kk_search_normalize() promises, the slow way round. */
static char *
fold_slowly (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (normalized, -1);
  GString *result = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (result, c >= 0x30A1 && c <= 0x30F6 ? c - 0x60 : c);
    }
  return g_string_free (result, FALSE);
}

static void
assert_folds_as_normalization (const char *text)
{
  g_autofree char *fast = kk_search_normalize (text);
  g_autofree char *slow = fold_slowly (text);

  g_assert_cmpstr (fast, ==, slow);
}

/* Every character of the Basic Multilingual Plane, where all the characters
 * folded the fast way are, alone and beside the neighbours it might combine
 * with, folds as full NFKC and case folding would have it; so do characters
 * beyond it that normalization changes. */
static void
test_every_character_folds_as_normalization (void)
{
  static const char * const contexts[] = {
    "%s", "か%s", "%s\u3099", "ｶ%sﾞ", "A%sZ", "漢%s字", "%s\u0301", "\u1100%s\u1161",
  };

  for (gunichar c = 1; c < 0x10000; c++)
    {
      char utf8[7] = { 0 };

      if (!g_unichar_validate (c))
        continue;
      g_unichar_to_utf8 (c, utf8);
      for (guint i = 0; i < G_N_ELEMENTS (contexts); i++)
        {
          g_autofree char *text = g_strdup_printf (contexts[i], utf8);

          assert_folds_as_normalization (text);
        }
    }
  assert_folds_as_normalization ("ﾓﾉﾂﾞｸﾘ（１）ＡＢＣ　がギ\u30AB\u3099ヴ①㈱ｱｲｳ");
  assert_folds_as_normalization ("𠮷野家の\U0001D400\U0001D7CF\U0001F600\U0002F800件");
}

static void
test_every_word_must_match (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  guint either = count_matches (plan, "事業承継");
  guint both = count_matches (plan, "事業承継　ネットワーク");

  g_assert_cmpuint (both, >, 0);
  g_assert_cmpuint (both, <, either);
  g_assert_cmpuint (count_matches (plan, "   "), ==, g_list_model_get_n_items (kk_plan_get_programs (plan)));
}

static void
test_sheet_texts_divisions_and_partners (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(KkPlan) plan = kk_plan_load_file (file, NULL, NULL);

  /* Related bodies, KPI names and texts are found; shared sheets for all
   * their programs. */
  g_assert_cmpuint (count_matches (plan, "工業振興課"), ==, 2);
  g_assert_cmpuint (count_matches (plan, "相談件数"), ==, 1);
  g_assert_cmpuint (count_matches (plan, "共有の概要"), ==, 2);
  g_assert_cmpuint (count_matches (plan, "旧設備"), ==, 1);
  g_assert_cmpuint (count_matches (plan, "総務企画課"), ==, 2);
}

static gboolean
query_implies (const char *query,
               const char *other)
{
  g_auto(GStrv) words = kk_search_split_query (query);
  g_auto(GStrv) other_words = kk_search_split_query (other);

  return kk_search_words_imply ((const char * const *)words, (const char * const *)other_words);
}

/* The list only checks again the rows it shows when a query narrows. */
static void
test_narrowing_queries (void)
{
  g_assert_true (query_implies ("事業承継", "事業"));
  g_assert_true (query_implies ("事業 相談", "事業"));
  g_assert_true (query_implies ("事業", ""));
  g_assert_false (query_implies ("事業", "事業承継"));
  g_assert_false (query_implies ("", "事業"));
  g_assert_false (query_implies ("事業", "相談"));
  /* A voiced mark typed after a half-width kana makes a different letter:
   * ガ does not have カ in it. */
  g_assert_false (query_implies ("ｶﾞ", "ｶ"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/widths-and-case", test_widths_and_case_fold);
  g_test_add_func ("/search/folding", test_every_character_folds_as_normalization);
  g_test_add_func ("/search/every-word", test_every_word_must_match);
  g_test_add_func ("/search/sheets", test_sheet_texts_divisions_and_partners);
  g_test_add_func ("/search/narrowing", test_narrowing_queries);

  return g_test_run ();
}
