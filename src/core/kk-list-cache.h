/* kk-list-cache.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KK_TYPE_LIST_CACHE (kk_list_cache_get_type ())

G_DECLARE_FINAL_TYPE (KkListCache, kk_list_cache, KK, LIST_CACHE, GObject)

KkListCache *kk_list_cache_new (GListModel *model);

G_END_DECLS
