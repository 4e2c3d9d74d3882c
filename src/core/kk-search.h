/* kk-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-program.h"

G_BEGIN_DECLS

char     *kk_search_normalize        (const char *text);
char     *kk_program_dup_search_text (KkProgram  *program);
GStrv     kk_search_split_query       (const char *query);
gboolean  kk_search_text_matches     (const char         *search_text,
                                      const char * const *words);
gboolean  kk_search_words_imply      (const char * const *words,
                                      const char * const *other);

G_END_DECLS
