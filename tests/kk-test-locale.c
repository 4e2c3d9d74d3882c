/* kk-test-locale.c: running a check with the interface in another language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kk-test-locale.h"

/* The translations of the build directory, which tests read without
 * installing them. */
void
kk_test_bind_translations (void)
{
  g_autofree char *po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);

  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/* Runs @check with the interface in @locale, then back in C.UTF-8, as the
 * tests run. build-aux/test generates ja_JP.UTF-8; without it this fails. */
void
kk_test_run_in_locale (const char *locale,
               void      (*check) (void))
{
  g_assert_nonnull (setlocale (LC_ALL, locale));
  check ();
  g_assert_nonnull (setlocale (LC_ALL, "C.UTF-8"));
}
