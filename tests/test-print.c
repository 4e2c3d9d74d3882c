/* test-print.c: printing, the print preview and the PDF export of the window
 *
 * Real windows on the embedded plan; the PDF files written are read back
 * with pdfinfo and qpdf.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "kk-application.h"
#include "kk-division.h"
#include "kk-plan-file.h"
#include "kk-report-page.h"
#include "kk-report-preview.h"
#include "kk-report-print.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

/* Each test starts from the report a first start shows, whatever the one
 * before chose. */
static KkWindow *
open_window (KkPlan *plan)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.keikaku.Keikaku");
  KkWindow *window;

  g_settings_reset (settings, "report");
  window = kk_window_new (app, plan, NULL);

  gtk_window_present (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  return window;
}

static char *
make_temp_path (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("keikaku-print-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static char *
pdfinfo (const char *path)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "1000", path, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static guint
pdf_n_pages (const char *path)
{
  g_autofree char *info = pdfinfo (path);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:"), NULL, 10);
}

/* Whether page @page (from 0) of the PDF pdfinfo told of is wider than high. */
static gboolean
pdf_page_landscape (const char *info,
                    guint       page)
{
  g_autofree char *key = g_strdup_printf ("Page %4u size:", page + 1);
  const char *size = strstr (info, key);
  char *end;
  double width, height;

  g_assert_nonnull (size);
  width = g_ascii_strtod (size + strlen (key), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  height = g_ascii_strtod (end + 3, NULL);
  return width > height;
}

static void
window_paper (KkWindow *window,
              double   *width,
              double   *height)
{
  kk_report_print_get_paper (kk_window_get_page_setup (window), width, height);
}

static guint
window_n_pages (KkWindow *window)
{
  double width, height;

  window_paper (window, &width, &height);
  return kk_report_get_n_pages (kk_window_get_report (window), width, height);
}

/* Page setups are remembered for the next window: each test starts on A4. */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "page-setup");
  g_settings_reset (settings, "print-settings");
}

static void
remember_paper (const char *paper_name)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
  GtkPaperSize *paper = gtk_paper_size_new (paper_name);

  gtk_page_setup_set_paper_size (page_setup, paper);
  gtk_paper_size_free (paper);
  g_settings_set_value (settings, "page-setup", gtk_page_setup_to_gvariant (page_setup));
}

/* ------------------------------------------------------------------------ */
/* Export PDF                                                               */

static void
test_export_pdf_writes_every_page (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  g_autofree char *path = make_temp_path ("plan.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KkReport *report = kk_window_get_report (window);

  g_assert_cmpint (kk_report_get_kind (report), ==, KK_REPORT_KIND_BOOK);
  g_assert_true (kk_window_export_pdf (window, file));
  kk_test_wait_for_label (GTK_WIDGET (window), "Exported “plan.pdf”");
  g_assert_cmpuint (window_n_pages (window), >, 1);
  g_assert_cmpuint (pdf_n_pages (path), ==, window_n_pages (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_pdf_of_one_division (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  g_autofree char *path = make_temp_path ("division.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KkReport *report = kk_window_get_report (window);
  g_autoptr(KkDivision) division = g_list_model_get_item (kk_plan_get_divisions (plan), 0);
  guint n_all;

  kk_report_set_kind (report, KK_REPORT_KIND_DIVISIONS);
  n_all = window_n_pages (window);
  kk_report_set_division (report, division);
  g_assert_cmpuint (window_n_pages (window), <, n_all);

  g_assert_true (kk_window_export_pdf (window, file));
  g_assert_cmpuint (pdf_n_pages (path), ==, window_n_pages (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_pdf_failure_is_shown (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  g_autofree char *dir = make_temp_path ("missing");
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *dialog;

  g_assert_false (kk_window_export_pdf (window, file));
  kk_test_run_until_idle ();
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  dialog = kk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Export the PDF");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), path));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------ */
/* Print preview                                                            */

static KkReportPreview *
open_preview (KkWindow *window)
{
  GtkWindow *preview;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.print-preview", NULL);
  kk_test_run_until_idle ();
  preview = kk_test_find_toplevel (KK_TYPE_REPORT_PREVIEW, GTK_WINDOW (window));
  g_assert_nonnull (preview);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preview)));
  return KK_REPORT_PREVIEW (preview);
}

static guint
preview_n_pages (KkReportPreview *preview)
{
  GtkListView *list = GTK_LIST_VIEW (kk_test_find_named (GTK_WIDGET (preview), "pages"));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list)));
}

/* The preview lists as many pages as the report has, and says how many. */
static void
assert_preview_shows (KkReportPreview *preview,
                      KkWindow        *window)
{
  guint n_pages = window_n_pages (window);
  g_autofree char *label = g_strdup_printf (n_pages == 1 ? "%u page" : "%u pages", n_pages);

  g_assert_cmpuint (preview_n_pages (preview), ==, n_pages);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (preview), label));
}

static void
test_preview_shows_the_pages (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkReportPreview *preview = open_preview (window);
  KkReportPage *page;

  g_assert_true (kk_report_preview_get_report (preview) == kk_window_get_report (window));
  assert_preview_shows (preview, window);
  g_assert_cmpuint (preview_n_pages (preview), >, 10);

  /* Only the pages on screen are made. */
  page = KK_REPORT_PAGE (kk_test_find_type (GTK_WIDGET (preview), KK_TYPE_REPORT_PAGE));
  g_assert_nonnull (page);
  g_assert_cmpuint (kk_report_page_get_page (page), ==, 0);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (page)), >, 0);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (page)), >,
                   gtk_widget_get_width (GTK_WIDGET (page)));

  gtk_window_close (GTK_WINDOW (preview));
  kk_test_run_until_idle ();
  g_assert_null (kk_test_find_toplevel (KK_TYPE_REPORT_PREVIEW, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preview_follows_the_dropdowns (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkReportPreview *preview = open_preview (window);
  KkReport *report = kk_window_get_report (window);
  GtkDropDown *kind = GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview), "report-kind"));
  GtkDropDown *division = GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview), "report-division"));
  g_autoptr(KkDivision) first = g_list_model_get_item (kk_plan_get_divisions (plan), 0);
  guint n_book = preview_n_pages (preview);
  guint n_all;

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (division)));

  gtk_drop_down_set_selected (kind, KK_REPORT_KIND_BUDGET);
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_report_get_kind (report), ==, KK_REPORT_KIND_BUDGET);
  assert_preview_shows (preview, window);
  g_assert_cmpuint (preview_n_pages (preview), <, n_book);

  gtk_drop_down_set_selected (kind, KK_REPORT_KIND_DIVISIONS);
  kk_test_run_until_idle ();
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (division)));
  assert_preview_shows (preview, window);
  n_all = preview_n_pages (preview);

  /* The first choice is every division; the plan's divisions follow. */
  gtk_drop_down_set_selected (division, 1);
  kk_test_run_until_idle ();
  g_assert_true (kk_report_get_division (report) == first);
  assert_preview_shows (preview, window);
  g_assert_cmpuint (preview_n_pages (preview), <, n_all);

  gtk_drop_down_set_selected (division, 0);
  kk_test_run_until_idle ();
  g_assert_null (kk_report_get_division (report));
  g_assert_cmpuint (preview_n_pages (preview), ==, n_all);

  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  g_assert_null (kk_test_find_toplevel (KK_TYPE_REPORT_PREVIEW, NULL));
}

/* A preview opened again shows the report chosen last. */
static void
test_preview_opens_on_the_last_choice (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkReport *report = kk_window_get_report (window);
  g_autoptr(KkDivision) second = g_list_model_get_item (kk_plan_get_divisions (plan), 1);
  KkReportPreview *preview;
  GtkDropDown *division;

  kk_report_set_kind (report, KK_REPORT_KIND_DIVISIONS);
  kk_report_set_division (report, second);
  preview = open_preview (window);
  division = GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview), "report-division"));
  g_assert_cmpuint (gtk_drop_down_get_selected (division), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview),
                                                                           "report-kind"))),
                    ==, KK_REPORT_KIND_DIVISIONS);
  assert_preview_shows (preview, window);
  g_assert_nonnull (kk_test_find_label (GTK_WIDGET (division), kk_division_get_name (second)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The report chosen in one window's preview is the next window's. */
static void
test_preview_remembers_the_report (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkReportPreview *preview = open_preview (window);
  GtkDropDown *kind = GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview), "report-kind"));

  g_assert_cmpint (kk_report_get_kind (kk_window_get_report (window)), ==, KK_REPORT_KIND_BOOK);
  gtk_drop_down_set_selected (kind, KK_REPORT_KIND_BUDGET);
  kk_test_run_until_idle ();
  gtk_window_destroy (GTK_WINDOW (window));

  window = kk_window_new (app, plan, NULL);
  gtk_window_present (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  g_assert_cmpint (kk_report_get_kind (kk_window_get_report (window)), ==, KK_REPORT_KIND_BUDGET);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* From the 担当課 view, Print Preview shows the summaries of every division. */
static void
test_preview_from_the_division_view (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkReport *report = kk_window_get_report (window);
  KkReportPreview *preview;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "divisions");
  kk_test_run_until_idle ();
  preview = open_preview (window);
  g_assert_cmpint (kk_report_get_kind (report), ==, KK_REPORT_KIND_DIVISIONS);
  g_assert_null (kk_report_get_division (report));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview),
                                                                           "report-kind"))),
                    ==, KK_REPORT_KIND_DIVISIONS);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_signal (guint *count)
{
  (*count)++;
}

static void
test_preview_follows_edits (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkReportPreview *preview = open_preview (window);
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(KkProgram) program = g_list_model_get_item (programs, 0);
  guint n_book = preview_n_pages (preview);
  guint changes = 0;

  g_signal_connect_swapped (kk_window_get_report (window), "changed",
                            G_CALLBACK (count_signal), &changes);
  kk_plan_edit (plan, G_OBJECT (program), "name", "名前を変えた事業");
  kk_test_run_until_idle ();
  g_assert_cmpuint (changes, >, 0);
  assert_preview_shows (preview, window);

  /* Fewer programs, fewer pages: the list loses the pages past the end. */
  while (g_list_model_get_n_items (programs) > 5)
    {
      g_autoptr(KkProgram) last = g_list_model_get_item (programs,
                                                         g_list_model_get_n_items (programs) - 1);

      kk_plan_delete_program (plan, last);
    }
  kk_test_run_until_idle ();
  g_assert_cmpuint (preview_n_pages (preview), <, n_book);
  assert_preview_shows (preview, window);

  while (kk_history_get_can_undo (kk_plan_get_history (plan)))
    kk_history_undo (kk_plan_get_history (plan));
  kk_test_run_until_idle ();
  g_assert_cmpuint (preview_n_pages (preview), ==, n_book);
  assert_preview_shows (preview, window);

  g_signal_handlers_disconnect_by_func (kk_window_get_report (window), count_signal, &changes);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each division of the 担当課 view offers its own summary. */
static void
test_division_view_previews_one_division (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  AdwViewStack *stack = ADW_VIEW_STACK (kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_autoptr(KkDivision) second = g_list_model_get_item (kk_plan_get_divisions (plan), 1);
  KkReport *report = kk_window_get_report (window);
  KkReportPreview *preview;
  GtkWidget *group;
  GtkWidget *button;

  adw_view_stack_set_visible_child_name (stack, "divisions");
  kk_test_run_until_idle ();
  group = kk_test_find_type (GTK_WIDGET (window), ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (group);
  group = gtk_widget_get_next_sibling (group);
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)), ==,
                   kk_division_get_name (second));
  /* The header holds the division's review progress, then the button. */
  button = kk_test_find_type (adw_preferences_group_get_header_suffix (ADW_PREFERENCES_GROUP (group)),
                              GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  kk_test_run_until_idle ();

  preview = KK_REPORT_PREVIEW (kk_test_find_toplevel (KK_TYPE_REPORT_PREVIEW, GTK_WINDOW (window)));
  g_assert_nonnull (preview);
  g_assert_cmpint (kk_report_get_kind (report), ==, KK_REPORT_KIND_DIVISIONS);
  g_assert_true (kk_report_get_division (report) == second);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview),
                                                                           "report-division"))),
                    ==, 2);
  assert_preview_shows (preview, window);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Export from the preview: the notice shows in the preview, over the pages. */
static void
test_preview_notices (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkReportPreview *preview = open_preview (window);
  g_autofree char *path = make_temp_path ("budget.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview), "report-kind")),
                              KK_REPORT_KIND_BUDGET);
  g_assert_true (kk_window_export_pdf (window, file));
  kk_test_wait_for_label (GTK_WIDGET (preview), "Exported “budget.pdf”");
  g_assert_null (kk_test_find_label (GTK_WIDGET (window), "Exported"));
  g_assert_cmpuint (pdf_n_pages (path), ==, window_n_pages (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The preview's buttons ask the window, whose dialogs open over the preview:
 * the file chooser offers the report's title as the name. */
static void
test_preview_export_button (void)
{
  g_autoptr(KkPlan) plan = NULL;
  KkWindow *window;
  KkReportPreview *preview;
  g_autofree char *title = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *name = NULL;
  GtkWindow *dialog;

  plan = kk_plan_load_default ();
  window = open_window (plan);
  preview = open_preview (window);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kk_test_find_named (GTK_WIDGET (preview), "report-kind")),
                              KK_REPORT_KIND_BUDGET);
  title = kk_report_dup_title (kk_window_get_report (window));
  expected = g_strconcat (title, ".pdf", NULL);

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.export-pdf", NULL);
  kk_test_run_until_idle ();
  dialog = kk_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, GTK_WINDOW (preview));
  g_assert_nonnull (dialog);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog));
  g_assert_cmpstr (name, ==, expected);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  kk_test_run_until_idle ();

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_preview_print_button (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  KkReportPreview *preview = open_preview (window);
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.print", NULL);
  kk_test_run_until_idle ();
  dialog = kk_test_find_toplevel (GTK_TYPE_DIALOG, GTK_WINDOW (preview));
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  kk_test_run_until_idle ();
  g_assert_null (kk_test_find_toplevel (GTK_TYPE_DIALOG, NULL));
  g_assert_null (kk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------ */
/* Page setup and printing                                                  */

static void
test_page_setup_is_restored (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window;
  KkReportPreview *preview;
  g_autofree char *path = make_temp_path ("a5.pdf");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double width, height;

  remember_paper (GTK_PAPER_NAME_A5);
  window = open_window (plan);
  window_paper (window, &width, &height);
  g_assert_cmpfloat_with_epsilon (width, 148 / 25.4 * 72, 0.5);
  g_assert_cmpfloat_with_epsilon (height, 210 / 25.4 * 72, 0.5);

  /* The preview and the export lay the report out on that paper. */
  preview = open_preview (window);
  g_assert_cmpuint (preview_n_pages (preview), >,
                    kk_report_get_n_pages (kk_window_get_report (window),
                                           KK_REPORT_A4_WIDTH, KK_REPORT_A4_HEIGHT));
  assert_preview_shows (preview, window);
  g_assert_true (kk_window_export_pdf (window, file));
  g_assert_cmpuint (pdf_n_pages (path), ==, window_n_pages (window));

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

static void
test_page_setup_dialog_is_remembered (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GVariant) saved = NULL;
  g_autoptr(GtkPageSetup) restored = NULL;
  GtkWindow *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.page-setup", NULL);
  kk_test_run_until_idle ();
  dialog = kk_test_find_toplevel (GTK_TYPE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  kk_test_run_until_idle ();

  saved = g_settings_get_value (settings, "page-setup");
  g_assert_cmpuint (g_variant_n_children (saved), >, 0);
  restored = gtk_page_setup_new_from_gvariant (saved);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (restored)), ==,
                   GTK_PAPER_NAME_A4);

  gtk_window_destroy (GTK_WINDOW (window));
  reset_settings ();
}

typedef struct
{
  GtkPrintOperationResult result;
  gboolean done;
} PrintResult;

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            PrintResult             *print)
{
  print->result = result;
  print->done = TRUE;
}

static guint
count_landscape_pages (KkReport     *report,
                       GtkPageSetup *page_setup)
{
  double width, height;
  guint n_pages, n_landscape = 0;

  kk_report_print_get_paper (page_setup, &width, &height);
  n_pages = kk_report_get_n_pages (report, width, height);
  for (guint page = 0; page < n_pages; page++)
    n_landscape += kk_report_get_page_landscape (report, width, height, page);
  return n_landscape;
}

/* A report with portrait and landscape pages: on small paper, some of the
 * reports turn their wide tables. */
static GtkPageSetup *
find_mixed_orientation (KkReport *report)
{
  static const char *papers[] = { GTK_PAPER_NAME_A5, "iso_a6", GTK_PAPER_NAME_A4 };
  static const KkReportKind kinds[] = { KK_REPORT_KIND_DIVISIONS, KK_REPORT_KIND_BOOK,
                                        KK_REPORT_KIND_BUDGET };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
      {
        g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();
        GtkPaperSize *paper = gtk_paper_size_new (papers[i]);
        double width, height;
        guint n_landscape;

        gtk_page_setup_set_paper_size (page_setup, paper);
        gtk_paper_size_free (paper);
        kk_report_set_kind (report, kinds[k]);
        kk_report_print_get_paper (page_setup, &width, &height);
        n_landscape = count_landscape_pages (report, page_setup);
        if (n_landscape > 0 && n_landscape < kk_report_get_n_pages (report, width, height))
          return g_steal_pointer (&page_setup);
      }
  return NULL;
}

/* The printer gets the pages of the preview, each turned as the report
 * sets it. */
static void
test_print_turns_landscape_pages (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *path = make_temp_path ("printed.pdf");
  g_autoptr(KkReport) report = kk_report_new (plan, KK_REPORT_KIND_DIVISIONS);
  g_autoptr(GtkPageSetup) page_setup = find_mixed_orientation (report);
  g_autoptr(KkReportPrint) print = NULL;
  PrintResult result = { GTK_PRINT_OPERATION_RESULT_ERROR, FALSE };
  g_autofree char *info = NULL;
  double width, height;
  guint n_pages;

  g_assert_nonnull (page_setup);
  kk_report_print_get_paper (page_setup, &width, &height);
  print = kk_report_print_new (report, page_setup, NULL);
  g_signal_connect (print, "done", G_CALLBACK (print_done), &result);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), path);
  gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT,
                           NULL, NULL);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (result.result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  n_pages = kk_report_get_n_pages (report, width, height);
  g_assert_cmpuint (pdf_n_pages (path), ==, n_pages);
  info = pdfinfo (path);
  for (guint page = 0; page < n_pages; page++)
    g_assert_cmpint (pdf_page_landscape (info, page), ==,
                     kk_report_get_page_landscape (report, width, height, page));
}

/* Each bookmark of @entries and those under it, indented under it. */
static void
describe_outline (GString   *description,
                  JsonArray *entries,
                  guint      depth)
{
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      g_string_append_printf (description, "%*s%s: page %" G_GINT64_FORMAT "\n", depth * 2, "",
                              json_object_get_string_member (entry, "title"),
                              json_object_get_int_member (entry, "destpageposfrom1"));
      describe_outline (description, json_object_get_array_member (entry, "kids"), depth + 1);
    }
}

/* What a PDF viewer shows of a file besides its pages: the document
 * properties a report sets, then each bookmark's title and page. */
static char *
dup_pdf_description (const char *path)
{
  const char *argv[] = { "qpdf", "--json", "--json-key=outlines", path, NULL };
  g_autofree char *info = pdfinfo (path);
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  GString *description = g_string_new (NULL);
  int status;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Title:") || g_str_has_prefix (lines[i], "Author:") ||
        g_str_has_prefix (lines[i], "Creator:"))
      g_string_append_printf (description, "%s\n", lines[i]);
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &json, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  describe_outline (description,
                    json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                                  "outlines"),
                    0);
  return g_string_free (description, FALSE);
}

/* Printing to a PDF file gives the file what the export gives its own:
 * title, author and creator, and bookmarks to the same pages. */
static void
test_print_to_file_describes_the_pdf (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autofree char *printed = make_temp_path ("printed.pdf");
  g_autofree char *exported = make_temp_path ("exported.pdf");
  g_autoptr(GFile) exported_file = g_file_new_for_path (exported);
  g_autoptr(KkReport) report = kk_report_new (plan, KK_REPORT_KIND_DIVISIONS);
  g_autoptr(GtkPageSetup) page_setup = kk_report_print_page_setup_new ();
  g_autoptr(KkReportPrint) print = kk_report_print_new (report, page_setup, NULL);
  g_autoptr(GError) error = NULL;
  PrintResult result = { GTK_PRINT_OPERATION_RESULT_ERROR, FALSE };
  g_autofree char *printed_description = NULL;
  g_autofree char *exported_description = NULL;

  g_signal_connect (print, "done", G_CALLBACK (print_done), &result);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), printed);
  gtk_print_operation_run (GTK_PRINT_OPERATION (print), GTK_PRINT_OPERATION_ACTION_EXPORT,
                           NULL, NULL);
  while (!result.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (result.result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_true (kk_report_export_pdf (report, exported_file, KK_REPORT_A4_WIDTH,
                                       KK_REPORT_A4_HEIGHT, NULL, &error));
  g_assert_no_error (error);

  printed_description = dup_pdf_description (printed);
  exported_description = dup_pdf_description (exported);
  g_assert_cmpstr (printed_description, ==, exported_description);
  g_assert_nonnull (strstr (printed_description, "Creator:         Keikaku\n"));
  g_assert_nonnull (strstr (printed_description, ": page 2\n"));
}

/* The window prints its report on its paper; the job is named after it. */
static void
test_print_from_the_window (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  g_autofree char *path = make_temp_path ("window.pdf");

  kk_window_print_report (window, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
  kk_test_run_until_idle ();
  g_assert_cmpuint (pdf_n_pages (path), ==, window_n_pages (window));
  g_assert_null (kk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_print_failure_is_shown (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = open_window (plan);
  g_autofree char *dir = make_temp_path ("missing");
  g_autofree char *path = g_build_filename (dir, "plan.pdf", NULL);
  GtkWindow *dialog;

  kk_window_print_report (window, GTK_PRINT_OPERATION_ACTION_EXPORT, path);
  kk_test_run_until_idle ();
  dialog = kk_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG, GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Could Not Print");

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The job, and the file it may be printed to, are named after the report;
 * the file is not the one printed to last, but in its folder. */
static void
test_print_job_is_named_after_the_report (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(KkReport) report = kk_report_new (plan, KK_REPORT_KIND_DIVISIONS);
  g_autoptr(KkDivision) division = g_list_model_get_item (kk_plan_get_divisions (plan), 0);
  g_autoptr(GtkPrintSettings) remembered = gtk_print_settings_new ();
  g_autoptr(KkReportPrint) print = NULL;
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *job_name = NULL;
  GtkPrintSettings *settings;

  kk_report_set_division (report, division);
  title = kk_report_dup_title (report);
  file_name = kk_report_print_dup_file_name (report);
  g_assert_nonnull (strchr (title, ':'));
  g_assert_null (strchr (file_name, ':'));
  g_assert_cmpuint (strlen (file_name), ==, strlen (title));

  gtk_print_settings_set (remembered, GTK_PRINT_SETTINGS_OUTPUT_URI, "file:///srv/plans/old.pdf");
  print = kk_report_print_new (report, NULL, remembered);
  g_object_get (print, "job-name", &job_name, NULL);
  g_assert_cmpstr (job_name, ==, title);

  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (print));
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   file_name);
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR), ==,
                   "/srv/plans");
  g_assert_null (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
  g_assert_nonnull (gtk_print_settings_get (remembered, GTK_PRINT_SETTINGS_OUTPUT_URI));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  app = kk_test_application_new ();

  g_test_add_func ("/print/export/every-page", test_export_pdf_writes_every_page);
  g_test_add_func ("/print/export/one-division", test_export_pdf_of_one_division);
  g_test_add_func ("/print/export/failure", test_export_pdf_failure_is_shown);
  g_test_add_func ("/print/preview/pages", test_preview_shows_the_pages);
  g_test_add_func ("/print/preview/dropdowns", test_preview_follows_the_dropdowns);
  g_test_add_func ("/print/preview/last-choice", test_preview_opens_on_the_last_choice);
  g_test_add_func ("/print/preview/remembered", test_preview_remembers_the_report);
  g_test_add_func ("/print/preview/from-divisions", test_preview_from_the_division_view);
  g_test_add_func ("/print/preview/edits", test_preview_follows_edits);
  g_test_add_func ("/print/preview/notices", test_preview_notices);
  g_test_add_func ("/print/preview/division-view", test_division_view_previews_one_division);
  g_test_add_func ("/print/preview/print-button", test_preview_print_button);
  g_test_add_func ("/print/preview/export-button", test_preview_export_button);
  g_test_add_func ("/print/page-setup/restored", test_page_setup_is_restored);
  g_test_add_func ("/print/page-setup/dialog", test_page_setup_dialog_is_remembered);
  g_test_add_func ("/print/print/landscape", test_print_turns_landscape_pages);
  g_test_add_func ("/print/print/to-file", test_print_to_file_describes_the_pdf);
  g_test_add_func ("/print/print/window", test_print_from_the_window);
  g_test_add_func ("/print/print/failure", test_print_failure_is_shown);
  g_test_add_func ("/print/print/job-name", test_print_job_is_named_after_the_report);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
