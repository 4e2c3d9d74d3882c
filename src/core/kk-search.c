/* kk-search.c: finding programs by what clerks remember of them
 *
 * Japanese text arrives in many widths and forms: ＡＢＣ and ABC, ｶﾀｶﾅ and
 * カタカナ, １２３ and 123, ものづくり and モノヅクリ. Both the text searched
 * and the query are folded with NFKC, case folding and katakana to hiragana,
 * so that each form finds the others.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kk-division.h"
#include "kk-kpi.h"
#include "kk-search.h"
#include "kk-sheet.h"

/* Characters that NFKC and case folding leave alone (but for A..Z) and that
 * never combine with a neighbour: nearly all of a Japanese text. Folding
 * them one by one gives what the full normalization would, many times
 * faster, which matters when a first search folds a whole large plan. */
static gboolean
kk_search_is_stable (gunichar c)
{
  return c < 0x80
         || (c >= 0x3001 && c <= 0x3011)   /* 、。 々 〇 「」 【】 */
         || (c >= 0x3041 && c <= 0x3096)   /* hiragana */
         || (c >= 0x30A1 && c <= 0x30FC)   /* katakana, ・ and ー */
         || (c >= 0x3400 && c <= 0x4DBF)   /* CJK ideographs, extension A */
         || (c >= 0x4E00 && c <= 0x9FFF);  /* CJK ideographs */
}

static void
kk_search_append_folded (GString  *result,
                         gunichar  c)
{
  if (c >= 'A' && c <= 'Z')
    c += 'a' - 'A';
  /* ァ..ヶ sit 0x60 above ぁ..ゖ. */
  else if (c >= 0x30A1 && c <= 0x30F6)
    c -= 0x60;
  g_string_append_unichar (result, c);
}

static void
kk_search_append_normalized (GString    *result,
                             const char *text,
                             gssize      length)
{
  g_autofree char *normalized = g_utf8_normalize (text, length, G_NORMALIZE_NFKC);
  g_autofree char *folded = g_utf8_casefold (normalized, -1);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    kk_search_append_folded (result, g_utf8_get_char (p));
}

/**
 * kk_search_normalize:
 *
 * Returns: (transfer full): @text folded for searching
 */
char *
kk_search_normalize (const char *text)
{
  GString *result = g_string_sized_new (strlen (text));
  const char *p = text;
  gunichar c = g_utf8_get_char (p);

  /* The final NUL counts as stable, as it combines with nothing. */
  while (c != 0)
    {
      const char *next = g_utf8_next_char (p);
      gunichar following = g_utf8_get_char (next);
      const char *end = next;

      if (kk_search_is_stable (c) && kk_search_is_stable (following))
        {
          kk_search_append_folded (result, c);
          p = next;
          c = following;
          continue;
        }
      /* What follows may combine with p (か and a voiced mark), so both go
       * the slow way, up to the next stable character, which starts afresh. */
      while (!kk_search_is_stable (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      kk_search_append_normalized (result, p, end - p);
      p = end;
      c = g_utf8_get_char (p);
    }
  return g_string_free (result, FALSE);
}

static void
kk_append_line (GString    *text,
                const char *line)
{
  if (line == NULL || *line == '\0')
    return;
  g_string_append (text, line);
  g_string_append_c (text, '\n');
}

static void
kk_append_sheet (GString *text,
                 KkSheet *sheet)
{
  GPtrArray *divisions = kk_sheet_get_divisions (sheet);
  const char * const *partners = kk_sheet_get_partners (sheet);
  GListModel *kpis = kk_sheet_get_kpis (sheet);

  kk_append_line (text, kk_sheet_get_purpose (sheet));
  kk_append_line (text, kk_sheet_get_overview (sheet));
  kk_append_line (text, kk_sheet_get_targets_text (sheet));
  kk_append_line (text, kk_sheet_get_targets_notes (sheet));
  kk_append_line (text, kk_sheet_get_activities (sheet));
  for (guint i = 0; i < divisions->len; i++)
    kk_append_line (text, kk_division_get_name (g_ptr_array_index (divisions, i)));
  for (guint i = 0; partners != NULL && partners[i] != NULL; i++)
    kk_append_line (text, partners[i]);
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);

      kk_append_line (text, kk_kpi_get_name (kpi));
    }
}

/**
 * kk_program_dup_search_text:
 *
 * Everything a search looks at: the number, the names, the texts of the
 * sheet, its divisions, related bodies and KPIs, one per line and folded.
 *
 * Returns: (transfer full): the text to match queries against
 */
char *
kk_program_dup_search_text (KkProgram *program)
{
  g_autoptr(GString) text = g_string_new (NULL);
  KkDivision *lead = kk_program_get_lead_division (program);
  KkSheet *sheet = kk_program_get_sheet (program);

  g_return_val_if_fail (KK_IS_PROGRAM (program), NULL);

  g_string_append_printf (text, "%u\n", kk_program_get_number (program));
  kk_append_line (text, kk_program_get_name (program));
  kk_append_line (text, kk_program_get_previous_name (program));
  if (lead != NULL)
    kk_append_line (text, kk_division_get_name (lead));
  if (sheet != NULL)
    kk_append_sheet (text, sheet);
  return kk_search_normalize (text->str);
}

/**
 * kk_search_split_query:
 * @query: what was typed into a search entry
 *
 * Returns: (transfer full): the folded words of @query; empty when there are none
 */
GStrv
kk_search_split_query (const char *query)
{
  g_autofree char *normalized = kk_search_normalize (query);
  g_auto(GStrv) parts = g_strsplit_set (normalized, " \t\n", -1);
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (words, parts[i]);
  return g_strv_builder_end (words);
}

/**
 * kk_search_text_matches:
 * @words: from kk_search_split_query()
 *
 * Returns: whether every word is in @search_text
 */
gboolean
kk_search_text_matches (const char         *search_text,
                        const char * const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (search_text, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * kk_search_words_imply:
 * @words: from kk_search_split_query()
 * @other: from kk_search_split_query()
 *
 * Tells whether each text that has all of @words has all of @other: a
 * search that only grows its words finds no text the search before missed.
 *
 * Returns: whether each word of @other is part of a word of @words
 */
gboolean
kk_search_words_imply (const char * const *words,
                       const char * const *other)
{
  for (guint i = 0; other[i] != NULL; i++)
    {
      guint j = 0;

      while (words[j] != NULL && strstr (words[j], other[i]) == NULL)
        j++;
      if (words[j] == NULL)
        return FALSE;
    }
  return TRUE;
}
