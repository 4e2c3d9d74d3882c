/* kk-report-print.c: a print job of one report
 *
 * The printer gets the very pages of the PDF export and the preview: the
 * report lays itself out on the paper the clerk chose and draws each page,
 * margins included, on the whole sheet. The pages it sets landscape are
 * turned here, one by one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-format.h"
#include "kk-report-print.h"

struct _KkReportPrint
{
  GtkPrintOperation parent_instance;

  KkReport *report;
  /* The paper of this job, from the page setup the dialog ends with. */
  double paper_width;
  double paper_height;
  /* Whether the file printed to has the report's properties already. */
  gboolean described;
};

G_DEFINE_FINAL_TYPE (KkReportPrint, kk_report_print, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_report_print_begin_print (GtkPrintOperation *operation,
                             GtkPrintContext   *context)
{
  KkReportPrint *self = KK_REPORT_PRINT (operation);

  kk_report_print_get_paper (gtk_print_context_get_page_setup (context),
                             &self->paper_width, &self->paper_height);
  gtk_print_operation_set_n_pages (operation,
                                   MAX (1, kk_report_get_n_pages (self->report, self->paper_width,
                                                                  self->paper_height)));
}

/* The plan may be edited while a long job prints: a page that is no longer
 * there is left blank rather than drawn from nothing. */
static gboolean
kk_report_print_has_page (KkReportPrint *self,
                          int            page)
{
  return page < (int) kk_report_get_n_pages (self->report, self->paper_width, self->paper_height);
}

static void
kk_report_print_request_page_setup (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    int                page,
                                    GtkPageSetup      *page_setup)
{
  KkReportPrint *self = KK_REPORT_PRINT (operation);
  gboolean landscape = kk_report_print_has_page (self, page) &&
                       kk_report_get_page_landscape (self->report, self->paper_width,
                                                     self->paper_height, page);

  gtk_page_setup_set_orientation (page_setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

/* The job puts every page of the report on a sheet of its own, in order,
 * so that the n-th page of the file is the report's: the outline of the
 * export leads to the right pages. */
static gboolean
kk_report_print_keeps_pages (KkReportPrint *self)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));

  return settings == NULL ||
         (gtk_print_settings_get_print_pages (settings) == GTK_PRINT_PAGES_ALL &&
          gtk_print_settings_get_page_set (settings) == GTK_PAGE_SET_ALL &&
          !gtk_print_settings_get_reverse (settings) &&
          gtk_print_settings_get_number_up (settings) <= 1 &&
          (gtk_print_settings_get_n_copies (settings) <= 1 ||
           gtk_print_settings_get_collate (settings)));
}

static void
kk_report_print_draw_page (GtkPrintOperation *operation,
                           GtkPrintContext   *context,
                           int                page)
{
  KkReportPrint *self = KK_REPORT_PRINT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  /* Printing to a PDF file gives it what the export gives its file. */
  if (!self->described)
    kk_report_describe_pdf (self->report, cairo_get_target (cr), self->paper_width,
                            self->paper_height, kk_report_print_keeps_pages (self));
  self->described = TRUE;
  if (kk_report_print_has_page (self, page))
    kk_report_draw_page (self->report, cr, self->paper_width, self->paper_height, page);
}

/* The settings the clerk printed with last, but printed to a file the
 * report is offered under its own name, in the folder printed to last:
 * never over the file printed last. */
static void
kk_report_print_offer_settings (KkReportPrint    *self,
                                GtkPrintSettings *remembered)
{
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *name = kk_report_print_dup_file_name (self->report);
  const char *uri;

  settings = remembered != NULL ? gtk_print_settings_copy (remembered) : gtk_print_settings_new ();
  uri = gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
  if (uri != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uri);
      g_autoptr(GFile) folder = g_file_get_parent (file);
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, path);
      gtk_print_settings_unset (settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
    }
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, name);
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
}

static void
kk_report_print_constructed (GObject *object)
{
  KkReportPrint *self = KK_REPORT_PRINT (object);
  g_autofree char *title = kk_report_dup_title (self->report);

  G_OBJECT_CLASS (kk_report_print_parent_class)->constructed (object);

  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);
  /* The report draws its own margins, in points, from the sheet's corner. */
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
}

static void
kk_report_print_dispose (GObject *object)
{
  KkReportPrint *self = KK_REPORT_PRINT (object);

  g_clear_object (&self->report);

  G_OBJECT_CLASS (kk_report_print_parent_class)->dispose (object);
}

static void
kk_report_print_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  KkReportPrint *self = KK_REPORT_PRINT (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_print_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  KkReportPrint *self = KK_REPORT_PRINT (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_print_class_init (KkReportPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = kk_report_print_constructed;
  object_class->dispose = kk_report_print_dispose;
  object_class->get_property = kk_report_print_get_property;
  object_class->set_property = kk_report_print_set_property;
  operation_class->begin_print = kk_report_print_begin_print;
  operation_class->request_page_setup = kk_report_print_request_page_setup;
  operation_class->draw_page = kk_report_print_draw_page;

  /**
   * KkReportPrint:report:
   *
   * The report printed.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, KK_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_report_print_init (KkReportPrint *self)
{
  self->paper_width = KK_REPORT_A4_WIDTH;
  self->paper_height = KK_REPORT_A4_HEIGHT;
}

/**
 * kk_report_print_new:
 * @page_setup: (nullable): the paper to offer first
 * @print_settings: (nullable): the printer and options to offer first
 *
 * Returns: (transfer full): a job that prints @report, not yet run
 */
KkReportPrint *
kk_report_print_new (KkReport         *report,
                     GtkPageSetup     *page_setup,
                     GtkPrintSettings *print_settings)
{
  KkReportPrint *self;

  g_return_val_if_fail (KK_IS_REPORT (report), NULL);
  g_return_val_if_fail (page_setup == NULL || GTK_IS_PAGE_SETUP (page_setup), NULL);
  g_return_val_if_fail (print_settings == NULL || GTK_IS_PRINT_SETTINGS (print_settings), NULL);

  self = g_object_new (KK_TYPE_REPORT_PRINT,
                       "report", report,
                       "default-page-setup", page_setup,
                       NULL);
  kk_report_print_offer_settings (self, print_settings);
  return self;
}

KkReport *
kk_report_print_get_report (KkReportPrint *self)
{
  g_return_val_if_fail (KK_IS_REPORT_PRINT (self), NULL);
  return self->report;
}

/**
 * kk_report_print_dup_file_name:
 *
 * Returns: (transfer full): the title of @report as a file name, without
 *   an extension
 */
char *
kk_report_print_dup_file_name (KkReport *report)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (KK_IS_REPORT (report), NULL);

  title = kk_report_dup_title (report);
  return kk_format_file_name (title);
}

/**
 * kk_report_print_page_setup_new:
 *
 * The reports are made for A4, whatever paper the locale prefers.
 *
 * Returns: (transfer full): a page setup for portrait A4
 */
GtkPageSetup *
kk_report_print_page_setup_new (void)
{
  GtkPageSetup *page_setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
  gtk_paper_size_free (a4);
  return page_setup;
}

/**
 * kk_report_print_get_paper:
 * @width: (out): the width of the paper in points, held for portrait
 * @height: (out): its height
 *
 * The paper as the report lays itself out on it. The report sets each page
 * portrait or landscape itself, so the orientation of @page_setup is not
 * taken into account.
 */
void
kk_report_print_get_paper (GtkPageSetup *page_setup,
                           double       *width,
                           double       *height)
{
  GtkPaperSize *paper;

  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));

  paper = gtk_page_setup_get_paper_size (page_setup);
  *width = gtk_paper_size_get_width (paper, GTK_UNIT_POINTS);
  *height = gtk_paper_size_get_height (paper, GTK_UNIT_POINTS);
}
