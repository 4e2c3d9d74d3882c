/* fuzz-plan.c: libFuzzer target of the plan loader and writer
 *
 * Any bytes either load or fail with one line that says what is wrong. A
 * plan that loads is saved, loaded from what was saved and saved again: the
 * writer must write only what the loader accepts, and the second text must
 * be the first, or a plan would change each time it is opened and saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "kk-fuzz.h"
#include "kk-plan-file.h"

/* Shows where two saved texts part, with some text before. */
static void
kk_fuzz_fail_differ (GBytes *first,
                     GBytes *second)
{
  gsize first_size, second_size;
  const char *a = g_bytes_get_data (first, &first_size);
  const char *b = g_bytes_get_data (second, &second_size);
  gsize at = 0;
  gsize from;

  while (at < first_size && at < second_size && a[at] == b[at])
    at++;
  from = at > 60 ? at - 60 : 0;
  kk_fuzz_fail ("the plan saved again differs at byte %" G_GSIZE_FORMAT ":\n"
                "first:  %.*s\nsecond: %.*s", at,
                (int)(MIN (first_size, at + 60) - from), a + from,
                (int)(MIN (second_size, at + 60) - from), b + from);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(KkPlan) plan = kk_fuzz_load (data, size);
  g_autoptr(KkPlan) reloaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;

  if (plan == NULL)
    return 0;

  first = kk_plan_to_bytes (plan);
  reloaded = kk_plan_load_bytes (first, &error);
  if (reloaded == NULL)
    kk_fuzz_fail ("the saved plan does not load: %s", error->message);
  second = kk_plan_to_bytes (reloaded);
  if (!g_bytes_equal (first, second))
    kk_fuzz_fail_differ (first, second);
  return 0;
}
