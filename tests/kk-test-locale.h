/* kk-test-locale.h: running a check with the interface in another language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void kk_test_bind_translations (void);
void kk_test_run_in_locale     (const char  *locale,
                                void       (*check) (void));

G_END_DECLS
