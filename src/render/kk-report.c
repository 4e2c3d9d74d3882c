/* kk-report.c: a printable report of the plan, drawn page by page on any
 * cairo_t
 *
 * A KkReport builds its document from the plan when first asked, and lays
 * it out for a size of paper when asked for that size; an edit of the plan
 * or a change of what the report shows drops both and says so with
 * ::changed. Printing, the preview and the PDF export all draw the pages
 * through kk_report_draw_page(), so they show the same pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "kk-core-private.h"
#include "kk-report-book.h"
#include "kk-report-budget.h"
#include "kk-report-divisions.h"
#include "kk-report-private.h"
#include "kk-report-words.h"
#include "kk-totals.h"

struct _KkReport
{
  GObject parent_instance;

  KkPlan *plan;
  KkReportKind kind;
  KkDivision *division;

  KkHistory *watched_history;
  gulong history_changed_id;

  KkReportDocument *document;
  double paper_width;
  double paper_height;
};

G_DEFINE_FINAL_TYPE (KkReport, kk_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_KIND,
  PROP_DIVISION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The pages are stale: build and lay them out again when next asked. */
static void
kk_report_invalidate (KkReport *self)
{
  g_clear_object (&self->document);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Every edit, undo and redo of the plan passes its history. */
static void
kk_report_history_changed_cb (KkReport   *self,
                              GObject    *object,
                              GParamSpec *pspec,
                              KkHistory  *history)
{
  kk_report_invalidate (self);
}

static void
kk_report_watch_history (KkReport *self)
{
  if (self->watched_history != NULL)
    g_clear_signal_handler (&self->history_changed_id, self->watched_history);
  g_clear_object (&self->watched_history);
  if (self->plan == NULL)
    return;
  self->watched_history = g_object_ref (kk_plan_get_history (self->plan));
  self->history_changed_id =
    g_signal_connect_object (self->watched_history, "changed",
                             G_CALLBACK (kk_report_history_changed_cb), self, G_CONNECT_SWAPPED);
}

/* The plan's title, marked 案 until every program is confirmed, so that
 * no page of an unfinished plan passes for the final one. */
static char *
kk_report_dup_header_title (KkReport *self)
{
  KkTotals totals = kk_totals_for_plan (self->plan);

  if (totals.n_confirmed < totals.n_programs)
    return g_strdup_printf (KK_WORD_DRAFT_TITLE_FORMAT, kk_plan_get_title (self->plan));
  return g_strdup (kk_plan_get_title (self->plan));
}

static KkReportDocument *
kk_report_build_document (KkReport *self)
{
  g_autofree char *title = kk_report_dup_header_title (self);
  KkReportDocument *document = kk_report_document_new (kk_plan_get_organization (self->plan),
                                                       title);

  switch (self->kind)
    {
    case KK_REPORT_KIND_DIVISIONS:
      kk_report_divisions_build (document, self->plan, self->division);
      break;
    case KK_REPORT_KIND_BOOK:
      kk_report_book_build (document, self->plan);
      break;
    case KK_REPORT_KIND_BUDGET:
      kk_report_budget_build (document, self->plan);
      break;
    default:
      g_assert_not_reached ();
    }
  return document;
}

/**
 * kk_report_get_document:
 *
 * Returns: (transfer none) (nullable): the document laid out on paper of
 *   that size; %NULL without a plan
 */
KkReportDocument *
kk_report_get_document (KkReport *self,
                        double    paper_width,
                        double    paper_height)
{
  g_return_val_if_fail (KK_IS_REPORT (self), NULL);

  if (self->plan == NULL)
    return NULL;
  if (self->document != NULL && self->paper_width == paper_width &&
      self->paper_height == paper_height)
    return self->document;
  if (self->document == NULL)
    self->document = kk_report_build_document (self);
  self->paper_width = paper_width;
  self->paper_height = paper_height;
  kk_report_document_paginate (self->document, paper_width, paper_height);
  return self->document;
}

static void
kk_report_dispose (GObject *object)
{
  KkReport *self = (KkReport *)object;

  if (self->watched_history != NULL)
    g_clear_signal_handler (&self->history_changed_id, self->watched_history);
  g_clear_object (&self->watched_history);
  g_clear_object (&self->document);
  g_clear_object (&self->plan);
  g_clear_object (&self->division);

  G_OBJECT_CLASS (kk_report_parent_class)->dispose (object);
}

static void
kk_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KkReport *self = KK_REPORT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DIVISION:
      g_value_set_object (value, self->division);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KkReport *self = KK_REPORT (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kk_report_set_plan (self, g_value_get_object (value));
      break;
    case PROP_KIND:
      kk_report_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_DIVISION:
      kk_report_set_division (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_class_init (KkReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kk_report_dispose;
  object_class->get_property = kk_report_get_property;
  object_class->set_property = kk_report_set_property;

  /**
   * KkReport:plan:
   *
   * The plan reported on; without one the report has no pages.
   */
  properties[PROP_PLAN] = g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN, flags);

  /**
   * KkReport:kind:
   *
   * Which report: the division summaries, the plan book or the budget table.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, KK_TYPE_REPORT_KIND, KK_REPORT_KIND_DIVISIONS, flags);

  /**
   * KkReport:division:
   *
   * The one division of the plan the division summaries show, without the
   * cover; %NULL for the cover and every division. Other reports ignore it.
   */
  properties[PROP_DIVISION] =
    g_param_spec_object ("division", NULL, NULL, KK_TYPE_DIVISION, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KkReport::changed:
   *
   * Emitted when the pages changed: the plan was edited or a property was
   * set. Ask for the number of pages again and redraw, but not from the
   * handler: an edit of several steps (deleting a program) emits it at each
   * step, when the plan is half edited; count the pages once it is whole,
   * from an idle callback.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
kk_report_init (KkReport *self)
{
}

/**
 * kk_report_new:
 * @plan: (nullable): the plan to report on
 *
 * Returns: (transfer full): a report of @plan
 */
KkReport *
kk_report_new (KkPlan       *plan,
               KkReportKind  kind)
{
  g_return_val_if_fail (plan == NULL || KK_IS_PLAN (plan), NULL);

  return g_object_new (KK_TYPE_REPORT, "plan", plan, "kind", kind, NULL);
}

KkPlan *
kk_report_get_plan (KkReport *self)
{
  g_return_val_if_fail (KK_IS_REPORT (self), NULL);
  return self->plan;
}

void
kk_report_set_plan (KkReport *self,
                    KkPlan   *plan)
{
  g_return_if_fail (KK_IS_REPORT (self));
  g_return_if_fail (plan == NULL || KK_IS_PLAN (plan));

  if (!g_set_object (&self->plan, plan))
    return;
  kk_report_watch_history (self);
  kk_report_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

KkReportKind
kk_report_get_kind (KkReport *self)
{
  g_return_val_if_fail (KK_IS_REPORT (self), KK_REPORT_KIND_DIVISIONS);
  return self->kind;
}

void
kk_report_set_kind (KkReport     *self,
                    KkReportKind  kind)
{
  g_return_if_fail (KK_IS_REPORT (self));
  g_return_if_fail (kind <= KK_REPORT_KIND_BUDGET);

  if (self->kind == kind)
    return;
  self->kind = kind;
  kk_report_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

KkDivision *
kk_report_get_division (KkReport *self)
{
  g_return_val_if_fail (KK_IS_REPORT (self), NULL);
  return self->division;
}

void
kk_report_set_division (KkReport   *self,
                        KkDivision *division)
{
  g_return_if_fail (KK_IS_REPORT (self));
  g_return_if_fail (division == NULL || KK_IS_DIVISION (division));

  if (!g_set_object (&self->division, division))
    return;
  kk_report_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIVISION]);
}

/**
 * kk_report_dup_title:
 *
 * Returns: (transfer full): what the report is called, for a print job or
 *   the name of an exported file
 */
char *
kk_report_dup_title (KkReport *self)
{
  const char *plan_title;

  g_return_val_if_fail (KK_IS_REPORT (self), NULL);

  switch (self->kind)
    {
    case KK_REPORT_KIND_DIVISIONS:
      if (self->division != NULL)
        return g_strdup_printf (KK_WORD_DIVISION_SUMMARY_FORMAT, kk_division_get_name (self->division));
      return g_strdup (KK_WORD_DIVISION_SUMMARIES);
    case KK_REPORT_KIND_BOOK:
      plan_title = self->plan ? kk_plan_get_title (self->plan) : NULL;
      return g_strdup (plan_title && *plan_title ? plan_title : KK_WORD_BUSINESS_PLAN);
    case KK_REPORT_KIND_BUDGET:
      return g_strdup (KK_WORD_BUDGET_SUMMARY);
    default:
      g_assert_not_reached ();
    }
}

/**
 * kk_report_get_n_pages:
 * @paper_width: the width of the paper in points, held for portrait, as
 *   a page setup's paper size gives it: %KK_REPORT_A4_WIDTH
 * @paper_height: its height: %KK_REPORT_A4_HEIGHT
 *
 * Lays the report out on that paper, unless it already is.
 *
 * Returns: the number of pages; 0 without a plan
 */
guint
kk_report_get_n_pages (KkReport *self,
                       double    paper_width,
                       double    paper_height)
{
  KkReportDocument *document;

  g_return_val_if_fail (KK_IS_REPORT (self), 0);

  document = kk_report_get_document (self, paper_width, paper_height);
  return document ? kk_report_document_get_n_pages (document) : 0;
}

/**
 * kk_report_get_page_landscape:
 * @page: from 0
 *
 * A page whose table is too wide for portrait is set landscape: the page
 * is as wide as the paper is high. A print operation turns that page.
 *
 * Returns: whether @page is landscape
 */
gboolean
kk_report_get_page_landscape (KkReport *self,
                              double    paper_width,
                              double    paper_height,
                              guint     page)
{
  g_return_val_if_fail (page < kk_report_get_n_pages (self, paper_width, paper_height), FALSE);

  return kk_report_document_get_page_landscape (self->document, page);
}

/**
 * kk_report_draw_page:
 * @cr: where to draw: one unit a point, the page's top left corner at 0, 0,
 *   turned for a landscape page; any surface and any scale
 * @page: from 0
 *
 * Draws the page, margins included, without painting a background.
 */
void
kk_report_draw_page (KkReport *self,
                     cairo_t  *cr,
                     double    paper_width,
                     double    paper_height,
                     guint     page)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < kk_report_get_n_pages (self, paper_width, paper_height));

  kk_report_document_draw_page (self->document, cr, page);
}

static cairo_status_t
kk_report_write_to_stream (void                *stream,
                           const unsigned char *data,
                           unsigned int         length)
{
  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, NULL))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/* The plan's title and the report's, as a reader's list of files or a
 * viewer's title bar shows the document; the book is the plan's title. */
static char *
kk_report_dup_document_title (KkReport *self)
{
  g_autofree char *title = kk_report_dup_title (self);
  const char *plan_title = kk_plan_get_title (self->plan);

  if (self->kind == KK_REPORT_KIND_BOOK || plan_title == NULL || *plan_title == '\0')
    return g_steal_pointer (&title);
  return g_strdup_printf ("%s %s", plan_title, title);
}

/**
 * kk_report_describe_pdf:
 * @surface: the surface the pages are drawn on, from the first, before it
 *   is finished: the PDF export's, or a print job's when it prints to a
 *   PDF file; any other surface is left as it is
 * @paper_width: as for kk_report_get_n_pages()
 * @with_outline: whether the pages go to the file in order, one a sheet,
 *   so that the outline can lead to them
 *
 * Gives the PDF the report's document properties: its title, the plan's
 * organization as author, Keikaku as creator; and its outline.
 */
void
kk_report_describe_pdf (KkReport        *self,
                        cairo_surface_t *surface,
                        double           paper_width,
                        double           paper_height,
                        gboolean         with_outline)
{
  g_autofree char *title = NULL;
  KkReportDocument *document;

  g_return_if_fail (KK_IS_REPORT (self));
  g_return_if_fail (surface != NULL);

  document = kk_report_get_document (self, paper_width, paper_height);
  if (document == NULL || cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  title = kk_report_dup_document_title (self);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  kk_plan_get_organization (self->plan));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Keikaku");
  if (with_outline)
    kk_report_document_add_pdf_outline (document, surface);
}

/* Each page at its own size, so that landscape pages read upright. */
static gboolean
kk_report_draw_pdf_pages (KkReport         *self,
                          cairo_surface_t  *surface,
                          GCancellable     *cancellable,
                          GError          **error)
{
  cairo_t *cr = cairo_create (surface);
  guint n_pages = kk_report_document_get_n_pages (self->document);
  gboolean drawn = TRUE;

  for (guint i = 0; i < n_pages; i++)
    {
      double width;
      double height;

      drawn = !g_cancellable_set_error_if_cancelled (cancellable, error);
      if (!drawn)
        break;
      kk_report_document_get_page_size (self->document, i, &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      kk_report_document_draw_page (self->document, cr, i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  return drawn;
}

static gboolean
kk_report_check_surface (cairo_surface_t  *surface,
                         GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s"),
               cairo_status_to_string (status));
  return FALSE;
}

/**
 * kk_report_render_pdf:
 * @paper_width: as for kk_report_get_n_pages()
 *
 * Draws every page into a PDF document; the texts stay text and the
 * fonts are embedded.
 *
 * Returns: (transfer full) (nullable): the contents of the PDF file
 */
GBytes *
kk_report_render_pdf (KkReport      *self,
                      double         paper_width,
                      double         paper_height,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  cairo_surface_t *surface;
  gboolean drawn;

  g_return_val_if_fail (KK_IS_REPORT (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (kk_report_get_n_pages (self, paper_width, paper_height) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The report has no pages"));
      return NULL;
    }
  stream = g_memory_output_stream_new_resizable ();
  surface = cairo_pdf_surface_create_for_stream (kk_report_write_to_stream, stream, paper_width,
                                                 paper_height);
  kk_report_describe_pdf (self, surface, paper_width, paper_height, TRUE);
  drawn = kk_report_draw_pdf_pages (self, surface, cancellable, error);
  /* Finishing writes the fonts and the rest of the file. */
  cairo_surface_finish (surface);
  drawn = drawn && kk_report_check_surface (surface, error);
  cairo_surface_destroy (surface);
  if (!drawn || !g_output_stream_close (stream, cancellable, error))
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/**
 * kk_report_export_pdf:
 *
 * Writes the report as a PDF document to @file, replacing it whole: on
 * failure no partial file is left and an earlier file stays as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
kk_report_export_pdf (KkReport      *self,
                      GFile         *file,
                      double         paper_width,
                      double         paper_height,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KK_IS_REPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = kk_report_render_pdf (self, paper_width, paper_height, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  return kk_file_replace_bytes (file, bytes, NULL, FALSE, NULL, cancellable, error);
}

/**
 * kk_report_kind_from_name:
 * @name: divisions, book or budget, as the command line names them
 * @kind: (out): the report of that name
 *
 * Returns: %FALSE for a name that is not a report's
 */
gboolean
kk_report_kind_from_name (const char   *name,
                          KkReportKind *kind)
{
  int value;

  g_return_val_if_fail (name != NULL && kind != NULL, FALSE);

  if (!kk_enum_from_nick (KK_TYPE_REPORT_KIND, name, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

/**
 * kk_report_dup_kind_names:
 *
 * Returns: (transfer full): the names of the reports, for messages:
 *   "divisions, book, budget"
 */
char *
kk_report_dup_kind_names (void)
{
  return kk_enum_dup_nicks (KK_TYPE_REPORT_KIND);
}
