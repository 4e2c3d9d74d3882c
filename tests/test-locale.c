/* test-locale.c: under a Japanese locale the window speaks Japanese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "kk-application.h"
#include "kk-plan-file.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static void
test_window_is_japanese (void)
{
  static const char * const pages[] = { "事業一覧", "担当課", "グラフ" };
  static const char * const columns[] = {
    "番号", "事業名", "施策の柱", "財源", "事業費", "前年度", "増減", "継続/新規", "確認", "担当課",
  };
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_window_new (app, plan, NULL);
  g_autoptr(GtkSelectionModel) page_model = NULL;
  GListModel *column_model;
  g_autofree char *summary = NULL;

  gtk_window_present (GTK_WINDOW (window));
  kk_test_run_until_idle ();

  page_model = adw_view_stack_get_pages (ADW_VIEW_STACK (kk_test_find_type (GTK_WIDGET (window),
                                                                    ADW_TYPE_VIEW_STACK)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (page_model)), ==, G_N_ELEMENTS (pages));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (page_model), i);

      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, pages[i]);
    }

  column_model = gtk_column_view_get_columns (GTK_COLUMN_VIEW (kk_test_find_type (GTK_WIDGET (window),
                                                                          GTK_TYPE_COLUMN_VIEW)));
  g_assert_cmpuint (g_list_model_get_n_items (column_model), ==, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (column_model, i);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, columns[i]);
    }

  summary = g_strdup_printf ("%u 事業 · 事業費 ", g_list_model_get_n_items (kk_plan_get_programs (plan)));
  g_assert_true (has_label (GTK_WIDGET (window), summary));
  g_assert_true (has_label (GTK_WIDGET (window), "すべての担当課"));
  g_assert_true (has_label (GTK_WIDGET (window), "すべての柱"));

  /* The Japanese menu has its own access keys, none twice. */
  kk_test_assert_unique_access_keys (gtk_menu_button_get_menu_model (
    GTK_MENU_BUTTON (kk_test_find_type (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON))));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *po_dir = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* build-aux/test generates the locale; without it this must fail. */
  g_assert_nonnull (setlocale (LC_ALL, "ja_JP.UTF-8"));
  po_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, po_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = g_object_new (KK_TYPE_APPLICATION,
                      "application-id", "io.github.keikaku.Keikaku.TestLocale",
                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                      NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/locale/window-is-japanese", test_window_is_japanese);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
