/* test-row-model.c: the program list's rows keep their places
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-plan-file.h"
#include "kk-row.h"
#include "kk-row-model.h"
#include "kk-test-model.h"

static KkProgram *
row_program (KkRowModel *rows,
             guint       position)
{
  g_autoptr(KkRow) row = g_list_model_get_item (G_LIST_MODEL (rows), position);

  return kk_row_get_program (row);
}

/* The first @n programs of the embedded plan, in a store of their own. */
static GListStore *
store_of_programs (KkPlan *plan,
                   guint   n)
{
  GListStore *store = g_list_store_new (KK_TYPE_PROGRAM);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (kk_plan_get_programs (plan), i);

      g_list_store_append (store, program);
    }
  return store;
}

static void
test_rows_take_the_programs_at_their_places (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GListStore) store = store_of_programs (plan, 5);
  g_autoptr(KkRowModel) rows = kk_row_model_new (G_LIST_MODEL (store));
  g_autoptr(KkRow) first = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_autoptr(KkProgram) second = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_autoptr(KkProgram) other = g_list_model_get_item (kk_plan_get_programs (plan), 7);
  g_autoptr(KkRow) first_again = NULL;
  KkTestChange change = { 0 };

  kk_test_record_changes (G_LIST_MODEL (rows), &change);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 5);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rows)) == KK_TYPE_ROW);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (rows), 5));

  /* A program in place of another: the same row shows it, nothing moves. */
  g_list_store_splice (store, 0, 1, (gpointer *)&other, 1);
  g_assert_cmpuint (change.calls, ==, 0);
  g_assert_true (kk_row_get_program (first) == other);

  /* One program fewer: the rows move up, the last one goes. */
  g_list_store_remove (store, 0);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  first_again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (first_again == first);
  g_assert_true (kk_row_get_program (first) == second);

  /* One more: a row is added at the end. */
  g_list_store_insert (store, 0, other);
  g_assert_cmpuint (change.calls, ==, 2);
  g_assert_cmpuint (change.position, ==, 4);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (G_LIST_MODEL (store), i);

      g_assert_true (row_program (rows, i) == program);
    }
}

static void
notified (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* A row says when it shows another program, and only then. */
static void
test_row_notifies_a_new_program (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgram *one = kk_plan_find_program (plan, 1);
  KkProgram *two = kk_plan_find_program (plan, 2);
  g_autoptr(KkRow) row = kk_row_new (one);
  guint count = 0;

  g_signal_connect (row, "notify::program", G_CALLBACK (notified), &count);
  kk_row_set_program (row, one);
  g_assert_cmpuint (count, ==, 0);
  kk_row_set_program (row, two);
  g_assert_cmpuint (count, ==, 1);
  g_assert_true (kk_row_get_program (row) == two);
}

static void
counted (gpointer  object,
         guint    *count)
{
  (*count)++;
}

/* A row tells its cells when what they show may have changed: another
 * program, or an edit of its own program, and not of the one it left. */
static void
test_row_tells_of_changes (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkProgram *one = kk_plan_find_program (plan, 1);
  KkProgram *two = kk_plan_find_program (plan, 2);
  KkRow *row = kk_row_new (one);
  guint count = 0;

  g_signal_connect (row, "changed", G_CALLBACK (counted), &count);
  kk_program_set_budget (one, kk_program_get_budget (one) + 1);
  g_assert_cmpuint (count, >, 0);
  count = 0;
  kk_row_set_program (row, two);
  g_assert_cmpuint (count, ==, 1);
  count = 0;
  kk_program_set_budget (one, kk_program_get_budget (one) + 1);
  g_assert_cmpuint (count, ==, 0);
  kk_program_set_name (two, "新しい名前");
  g_assert_cmpuint (count, ==, 1);

  g_object_unref (row);
  kk_program_set_name (two, "もう一つの名前");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-model/places", test_rows_take_the_programs_at_their_places);
  g_test_add_func ("/row-model/row-notifies", test_row_notifies_a_new_program);
  g_test_add_func ("/row-model/row-changed", test_row_tells_of_changes);

  return g_test_run ();
}
