/* kk-test-model.c: what the tests of list models share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-test-model.h"

static void
kk_test_record_change (GListModel   *model,
                       guint         position,
                       guint         removed,
                       guint         added,
                       KkTestChange *change)
{
  change->calls++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

/* Keeps in @change the last change @model tells of. */
void
kk_test_record_changes (GListModel   *model,
                        KkTestChange *change)
{
  g_signal_connect (model, "items-changed", G_CALLBACK (kk_test_record_change), change);
}
