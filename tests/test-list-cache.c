/* test-list-cache.c: a list model's items, held in an array
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-list-cache.h"
#include "kk-test-model.h"

static void
assert_same_items (GListModel *model,
                   GListModel *cache)
{
  g_assert_cmpuint (g_list_model_get_n_items (cache), ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) expected = g_list_model_get_item (model, i);
      g_autoptr(GObject) item = g_list_model_get_item (cache, i);

      g_assert_true (item == expected);
    }
  g_assert_null (g_list_model_get_item (cache, g_list_model_get_n_items (model)));
}

static GListStore *
store_of_objects (guint n)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (store, object);
    }
  return store;
}

/* Whatever is spliced into the model, where, and how much: the cache holds
 * the same items and tells of the change as the model did. */
static void
test_follows_every_change (void)
{
  g_autoptr(GListStore) store = store_of_objects (0);
  g_autoptr(KkListCache) cache = kk_list_cache_new (G_LIST_MODEL (store));
  KkTestChange from_store = { 0 };
  KkTestChange from_cache = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2024);

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (cache)) == G_TYPE_OBJECT);
  assert_same_items (G_LIST_MODEL (store), G_LIST_MODEL (cache));
  kk_test_record_changes (G_LIST_MODEL (store), &from_store);
  kk_test_record_changes (G_LIST_MODEL (cache), &from_cache);

  for (guint step = 0; step < 500; step++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint position = g_rand_int_range (rand, 0, n + 1);
      guint removed = g_rand_int_range (rand, 0, MIN (n - position, 6) + 1);
      guint added = g_rand_int_range (rand, 0, 6);
      g_autoptr(GListStore) new_items = store_of_objects (added);
      g_autoptr(GPtrArray) additions = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < added; i++)
        g_ptr_array_add (additions, g_list_model_get_item (G_LIST_MODEL (new_items), i));
      g_list_store_splice (store, position, removed, additions->pdata, added);

      g_assert_cmpuint (from_cache.calls, ==, from_store.calls);
      g_assert_cmpuint (from_cache.position, ==, from_store.position);
      g_assert_cmpuint (from_cache.removed, ==, from_store.removed);
      g_assert_cmpuint (from_cache.added, ==, from_store.added);
      assert_same_items (G_LIST_MODEL (store), G_LIST_MODEL (cache));
    }
}

/* The cache keeps its items alive while it holds them, and lets them go
 * when the model drops them. */
static void
test_holds_items_while_they_are_in_the_model (void)
{
  g_autoptr(GListStore) store = store_of_objects (3);
  g_autoptr(KkListCache) cache = kk_list_cache_new (G_LIST_MODEL (store));
  GObject *item = g_list_model_get_item (G_LIST_MODEL (store), 1);

  g_object_add_weak_pointer (item, (gpointer *)&item);
  g_object_unref (item);
  g_assert_nonnull (item);
  g_list_store_remove (store, 1);
  g_assert_null (item);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (cache)), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-cache/follows-every-change", test_follows_every_change);
  g_test_add_func ("/list-cache/holds-items", test_holds_items_while_they_are_in_the_model);

  return g_test_run ();
}
