/* test-xlsx.c: a workbook that cannot be written says why and leaves
 * nothing behind
 *
 * What the workbook holds is read back by test-xlsx-workbook.py; here, the
 * failures: a text longer than a cell holds, a folder that is missing or
 * that the clerk may not write. libxlsxwriter writes the workbook in a
 * temporary folder first, which must be gone afterwards too: the tests
 * give it a TMPDIR of their own to look into.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "kk-test-files.h"
#include "kk-xlsx.h"

/* Where the tests write (the folder of the workbooks) and the TMPDIR
 * the export writes aside in. */
static char *base_dir;
static char *tmp_dir;

typedef struct
{
  char *dir;
  char *path;
  GFile *file;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = g_build_filename (base_dir, "out", NULL);
  g_assert_cmpint (g_mkdir (fixture->dir, 0755), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "令和6年度.xlsx", NULL);
  fixture->file = g_file_new_for_path (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  kk_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_clear_object (&fixture->file);
}

static void
assert_empty_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  name = g_dir_read_name (dir);
  if (name != NULL)
    g_error ("“%s” was left in %s", name, path);
}

static void
test_writes_a_zip (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_test_load_plan ("small.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *backup = g_strconcat (fixture->path, "~", NULL);
  gsize len;

  g_assert_true (g_file_set_contents (fixture->path, "an earlier export", -1, NULL));
  g_assert_true (kk_xlsx_export_file (plan, fixture->file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (contents, 4, "PK\x03\x04", 4);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  assert_empty_dir (tmp_dir);
}

/* Excel refuses a cell of more than 32,767 characters; a plan may hold a
 * longer text, which is then named rather than cut. */
static void
test_text_too_long_for_a_cell (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_test_load_plan ("small.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strnfill (32768, 'x');
  g_autofree char *contents = NULL;

  g_assert_true (kk_plan_edit (plan, kk_plan_find_program (plan, 2), "name", name));
  g_assert_true (g_file_set_contents (fixture->path, "an earlier export", -1, NULL));
  g_assert_false (kk_xlsx_export_file (plan, fixture->file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "B3"));
  g_assert_nonnull (strstr (error->message, "事業一覧"));
  g_assert_nonnull (strstr (error->message, "32767"));
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an earlier export");
  assert_empty_dir (tmp_dir);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(KkPlan) plan = kk_test_load_plan ("small.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "消えた", "plan.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_false (kk_xlsx_export_file (plan, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, path));
  assert_empty_dir (fixture->dir);
  assert_empty_dir (tmp_dir);
}

static gboolean
export_small_plan (gpointer   data,
                   GError   **error)
{
  g_autoptr(KkPlan) plan = kk_test_load_plan ("small.json");

  return kk_xlsx_export_file (plan, data, NULL, error);
}

/* A folder the clerk may read but not write, as a colleague's on a shared
 * drive: the export fails with the reason and leaves nothing there. */
static void
test_unwritable_folder (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *message = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("Writing as another user needs root, as on CI");
      return;
    }
  message = kk_test_run_as_nobody (export_small_plan, fixture->file);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, fixture->path));
  g_assert_nonnull (strstr (message, g_strerror (EACCES)));
  assert_empty_dir (fixture->dir);
  assert_empty_dir (tmp_dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  base_dir = g_strdup ("/tmp/keikaku-test-xlsx-XXXXXX");
  g_assert_nonnull (g_mkdtemp (base_dir));
  g_assert_cmpint (g_chmod (base_dir, 0755), ==, 0);
  tmp_dir = g_build_filename (base_dir, "tmp", NULL);
  /* Everyone's, as /tmp is, so that nobody writes aside there too. */
  g_assert_cmpint (g_mkdir (tmp_dir, 01777), ==, 0);
  g_assert_cmpint (g_chmod (tmp_dir, 01777), ==, 0);
  g_setenv ("TMPDIR", tmp_dir, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/xlsx/export/writes-a-zip", Fixture, NULL,
              fixture_set_up, test_writes_a_zip, fixture_tear_down);
  g_test_add ("/xlsx/export/text-too-long", Fixture, NULL,
              fixture_set_up, test_text_too_long_for_a_cell, fixture_tear_down);
  g_test_add ("/xlsx/export/missing-folder", Fixture, NULL,
              fixture_set_up, test_missing_folder, fixture_tear_down);
  g_test_add ("/xlsx/export/unwritable-folder", Fixture, NULL,
              fixture_set_up, test_unwritable_folder, fixture_tear_down);

  status = g_test_run ();
  kk_test_remove_tree (base_dir);
  g_free (tmp_dir);
  g_free (base_dir);
  return status;
}
