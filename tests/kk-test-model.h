/* kk-test-model.h: what the tests of list models share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The last "items-changed" a model emitted, and how many it did. */
typedef struct
{
  guint calls;
  guint position;
  guint removed;
  guint added;
} KkTestChange;

void kk_test_record_changes (GListModel   *model,
                             KkTestChange *change);

G_END_DECLS
