/* kk-report-page.c: one page of a report, as it comes out of the printer
 *
 * The page is scaled to the width it is given and is as tall as the paper
 * makes it: white, with a shadow, on whatever lies behind. It is drawn by
 * the report's own code, only when it is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-report-page.h"
#include "kk-report-print.h"

/* Narrower than that, a page is no more than a grey blur. */
#define KK_REPORT_PAGE_MIN_WIDTH 160

struct _KkReportPage
{
  GtkWidget parent_instance;

  KkReport *report;
  guint page;
  GtkPageSetup *page_setup;
};

G_DEFINE_FINAL_TYPE (KkReportPage, kk_report_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_PAGE,
  PROP_PAGE_SETUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The paper, and the page's size on it in points: a landscape page is as
 * wide as the paper is high. FALSE while there is no such page (the report
 * may have become shorter than the list showing it). */
static gboolean
kk_report_page_get_size (KkReportPage *self,
                         double       *paper_width,
                         double       *paper_height,
                         double       *page_width,
                         double       *page_height)
{
  if (self->report == NULL || self->page_setup == NULL)
    return FALSE;
  kk_report_print_get_paper (self->page_setup, paper_width, paper_height);
  if (self->page >= kk_report_get_n_pages (self->report, *paper_width, *paper_height))
    return FALSE;
  if (kk_report_get_page_landscape (self->report, *paper_width, *paper_height, self->page))
    {
      *page_width = *paper_height;
      *page_height = *paper_width;
    }
  else
    {
      *page_width = *paper_width;
      *page_height = *paper_height;
    }
  return TRUE;
}

static void
kk_report_page_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  KkReportPage *self = KK_REPORT_PAGE (widget);
  double paper_width, paper_height, page_width, page_height;

  if (!kk_report_page_get_size (self, &paper_width, &paper_height, &page_width, &page_height))
    {
      *minimum = *natural = 0;
      return;
    }
  /* At its natural size a point is a pixel: the page at its real size. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = KK_REPORT_PAGE_MIN_WIDTH;
      *natural = MAX (KK_REPORT_PAGE_MIN_WIDTH, (int) page_width);
      return;
    }
  if (for_size < 0)
    for_size = MAX (KK_REPORT_PAGE_MIN_WIDTH, (int) page_width);
  *minimum = *natural = (int) (for_size * page_height / page_width);
}

static GtkSizeRequestMode
kk_report_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* The sheet itself: white in the light and the dark style alike, lifted
 * from the background by a shadow. */
static void
kk_report_page_snapshot_sheet (GtkSnapshot           *snapshot,
                               const graphene_rect_t *bounds)
{
  static const GdkRGBA shadow = { 0, 0, 0, 0.3 };
  static const GdkRGBA paper = { 1, 1, 1, 1 };
  GskRoundedRect outline;

  gsk_rounded_rect_init_from_rect (&outline, bounds, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 6);
  gtk_snapshot_append_color (snapshot, &paper, bounds);
}

static void
kk_report_page_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  KkReportPage *self = KK_REPORT_PAGE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  double paper_width, paper_height, page_width, page_height;
  cairo_t *cr;

  if (width <= 0 || height <= 0 ||
      !kk_report_page_get_size (self, &paper_width, &paper_height, &page_width, &page_height))
    return;
  kk_report_page_snapshot_sheet (snapshot, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_scale (cr, width / page_width, width / page_width);
  kk_report_draw_page (self->report, cr, paper_width, paper_height, self->page);
  cairo_destroy (cr);
}

/* An edit may turn the page, or move another one to its place. */
static void
kk_report_page_report_changed (KkReportPage *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
kk_report_page_dispose (GObject *object)
{
  KkReportPage *self = KK_REPORT_PAGE (object);

  kk_report_page_set_report (self, NULL);
  g_clear_object (&self->page_setup);

  G_OBJECT_CLASS (kk_report_page_parent_class)->dispose (object);
}

static void
kk_report_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KkReportPage *self = KK_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_PAGE_SETUP:
      g_value_set_object (value, self->page_setup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KkReportPage *self = KK_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      kk_report_page_set_report (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      kk_report_page_set_page (self, g_value_get_uint (value));
      break;
    case PROP_PAGE_SETUP:
      kk_report_page_set_page_setup (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_page_class_init (KkReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_report_page_dispose;
  object_class->get_property = kk_report_page_get_property;
  object_class->set_property = kk_report_page_set_property;
  widget_class->measure = kk_report_page_measure;
  widget_class->get_request_mode = kk_report_page_get_request_mode;
  widget_class->snapshot = kk_report_page_snapshot;

  /**
   * KkReportPage:report:
   *
   * The report the page belongs to.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, KK_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkReportPage:page:
   *
   * Which page of the report, from 0.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkReportPage:page-setup:
   *
   * The paper the report is laid out on.
   */
  properties[PROP_PAGE_SETUP] =
    g_param_spec_object ("page-setup", NULL, NULL, GTK_TYPE_PAGE_SETUP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "kk-report-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

/* Screen readers tell the pages apart by their numbers. */
static void
kk_report_page_update_label (KkReportPage *self)
{
  /* TRANSLATORS: how a screen reader names a page of the print preview */
  g_autofree char *label = g_strdup_printf (_("Page %u"), self->page + 1);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
kk_report_page_init (KkReportPage *self)
{
  kk_report_page_update_label (self);
}

GtkWidget *
kk_report_page_new (void)
{
  return g_object_new (KK_TYPE_REPORT_PAGE, NULL);
}

KkReport *
kk_report_page_get_report (KkReportPage *self)
{
  g_return_val_if_fail (KK_IS_REPORT_PAGE (self), NULL);
  return self->report;
}

void
kk_report_page_set_report (KkReportPage *self,
                           KkReport     *report)
{
  g_return_if_fail (KK_IS_REPORT_PAGE (self));
  g_return_if_fail (report == NULL || KK_IS_REPORT (report));

  if (self->report == report)
    return;
  if (self->report != NULL)
    g_signal_handlers_disconnect_by_func (self->report, kk_report_page_report_changed, self);
  g_set_object (&self->report, report);
  if (report != NULL)
    g_signal_connect_swapped (report, "changed", G_CALLBACK (kk_report_page_report_changed), self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

guint
kk_report_page_get_page (KkReportPage *self)
{
  g_return_val_if_fail (KK_IS_REPORT_PAGE (self), 0);
  return self->page;
}

void
kk_report_page_set_page (KkReportPage *self,
                         guint         page)
{
  g_return_if_fail (KK_IS_REPORT_PAGE (self));

  if (self->page == page)
    return;
  self->page = page;
  kk_report_page_update_label (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

GtkPageSetup *
kk_report_page_get_page_setup (KkReportPage *self)
{
  g_return_val_if_fail (KK_IS_REPORT_PAGE (self), NULL);
  return self->page_setup;
}

void
kk_report_page_set_page_setup (KkReportPage *self,
                               GtkPageSetup *page_setup)
{
  g_return_if_fail (KK_IS_REPORT_PAGE (self));
  g_return_if_fail (page_setup == NULL || GTK_IS_PAGE_SETUP (page_setup));

  if (!g_set_object (&self->page_setup, page_setup))
    return;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SETUP]);
}
