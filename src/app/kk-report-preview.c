/* kk-report-preview.c: the pages of a report before they are printed
 *
 * The preview shows the very pages the printer and the PDF export get,
 * drawn by the report's own code. A report may have many pages, so they sit
 * in a list view: only the pages on screen are drawn. The clerk chooses the
 * report and the division here; printing and exporting are the window's,
 * which is asked through the ::print and ::export-pdf signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-division.h"
#include "kk-report-page.h"
#include "kk-report-preview.h"
#include "kk-report-print.h"

struct _KkReportPreview
{
  AdwWindow parent_instance;

  KkReport *report;
  GtkPageSetup *page_setup;
  guint update_source;

  GtkDropDown *kind_dropdown;
  GtkDropDown *division_dropdown;
  AdwWindowTitle *window_title;
  AdwToastOverlay *toast_overlay;
  GtkScrolledWindow *scrolled_window;
  /* One item a page, the page being the item's position: only the number of
   * items matters. */
  GtkStringList *pages;
};

G_DEFINE_FINAL_TYPE (KkReportPreview, kk_report_preview, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_PAGE_SETUP,
  N_PROPS
};

enum {
  PRINT,
  EXPORT_PDF,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Pages                                                                    */

static void
kk_report_preview_update_subtitle (KkReportPreview *self,
                                   guint            n_pages)
{
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u page", "%u pages", n_pages), n_pages);

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* The pages the report still has draw themselves again; only the pages past
 * the end come and go, so the list keeps its place while the plan is edited. */
static void
kk_report_preview_update_pages (KkReportPreview *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->pages));
  double paper_width, paper_height;
  guint n_pages;

  kk_report_print_get_paper (self->page_setup, &paper_width, &paper_height);
  n_pages = kk_report_get_n_pages (self->report, paper_width, paper_height);
  if (n_pages < n_shown)
    gtk_string_list_splice (self->pages, n_pages, n_shown - n_pages, NULL);
  for (guint i = n_shown; i < n_pages; i++)
    gtk_string_list_append (self->pages, "");
  kk_report_preview_update_subtitle (self, n_pages);
}

static gboolean
kk_report_preview_update_idle (gpointer data)
{
  KkReportPreview *self = data;

  self->update_source = 0;
  kk_report_preview_update_pages (self);
  return G_SOURCE_REMOVE;
}

/* An edit of the plan may come as several changes, each announced: the
 * pages are counted again once the edit is whole. */
static void
kk_report_preview_report_changed (KkReportPreview *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add (kk_report_preview_update_idle, self);
}

/* Another report, another division or other paper: all pages are new, and
 * the clerk starts reading from the first. */
static void
kk_report_preview_reload_pages (KkReportPreview *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->pages));

  gtk_string_list_splice (self->pages, 0, n_shown, NULL);
  kk_report_preview_update_pages (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

static void
kk_report_preview_setup_page (KkReportPreview *self,
                              GtkListItem     *item)
{
  GtkWidget *page = kk_report_page_new ();

  gtk_widget_set_margin_start (page, 24);
  gtk_widget_set_margin_end (page, 24);
  gtk_widget_set_margin_top (page, 12);
  gtk_widget_set_margin_bottom (page, 12);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, page);
}

static void
kk_report_preview_bind_page (KkReportPreview *self,
                             GtkListItem     *item)
{
  KkReportPage *page = KK_REPORT_PAGE (gtk_list_item_get_child (item));

  kk_report_page_set_report (page, self->report);
  kk_report_page_set_page_setup (page, self->page_setup);
  kk_report_page_set_page (page, gtk_list_item_get_position (item));
}

/* ------------------------------------------------------------------------ */
/* The report and the division                                              */

static void
kk_report_preview_kind_selected (KkReportPreview *self)
{
  /* The dropdown lists the kinds in the order of KkReportKind. */
  KkReportKind kind = gtk_drop_down_get_selected (self->kind_dropdown);

  /* Only the division summaries come one division at a time. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->division_dropdown),
                            kind == KK_REPORT_KIND_DIVISIONS);
  if (self->report == NULL || kind == kk_report_get_kind (self->report))
    return;
  kk_report_set_kind (self->report, kind);
  kk_report_preview_reload_pages (self);
}

static void
kk_report_preview_division_selected (KkReportPreview *self)
{
  gpointer item = gtk_drop_down_get_selected_item (self->division_dropdown);
  KkDivision *division = KK_IS_DIVISION (item) ? item : NULL;

  if (self->report == NULL || division == kk_report_get_division (self->report))
    return;
  kk_report_set_division (self->report, division);
  kk_report_preview_reload_pages (self);
}

/* The name of a choice of the division dropdown: "All divisions", or a
 * division of the plan. */
static char *
kk_report_preview_dup_choice_name (GObject *choice)
{
  if (KK_IS_DIVISION (choice))
    return g_strdup (kk_division_get_name (KK_DIVISION (choice)));
  return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (choice)));
}

/* The names are read as the dropdown shows them: the preview is modal, so
 * no division is renamed while it is open. */
static void
kk_report_preview_init_division_names (KkReportPreview *self)
{
  g_autoptr(GtkExpression) name = NULL;

  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (kk_report_preview_dup_choice_name), NULL, NULL);
  gtk_drop_down_set_expression (self->division_dropdown, name);
}

/* "All divisions", then the plan's divisions as they come and go. */
static GListModel *
kk_report_preview_division_model_new (KkPlan *plan)
{
  const char *all[] = { _("All divisions"), NULL };
  g_autoptr(GtkStringList) everything = gtk_string_list_new (all);
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (models, everything);
  g_list_store_append (models, kk_plan_get_divisions (plan));
  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
}

/* Where @division is among the choices; "All divisions" when it is not. */
static guint
kk_report_preview_find_division (GListModel *choices,
                                 KkDivision *division)
{
  for (guint i = 1; division != NULL && i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (choices, i);

      if (choice == G_OBJECT (division))
        return i;
    }
  return 0;
}

/* The dropdowns start at the report the window printed last. */
static void
kk_report_preview_show_choice (KkReportPreview *self)
{
  KkPlan *plan = kk_report_get_plan (self->report);
  g_autoptr(GListModel) choices = kk_report_preview_division_model_new (plan);
  guint position = kk_report_preview_find_division (choices, kk_report_get_division (self->report));

  gtk_drop_down_set_model (self->division_dropdown, choices);
  gtk_drop_down_set_selected (self->division_dropdown, position);
  gtk_drop_down_set_selected (self->kind_dropdown, kk_report_get_kind (self->report));
  kk_report_preview_kind_selected (self);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                  */

static void
kk_report_preview_print (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_signal_emit (widget, signals[PRINT], 0);
}

static void
kk_report_preview_export_pdf (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  g_signal_emit (widget, signals[EXPORT_PDF], 0);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
kk_report_preview_constructed (GObject *object)
{
  KkReportPreview *self = KK_REPORT_PREVIEW (object);

  G_OBJECT_CLASS (kk_report_preview_parent_class)->constructed (object);

  if (self->page_setup == NULL)
    self->page_setup = kk_report_print_page_setup_new ();
  kk_report_preview_show_choice (self);
  g_signal_connect_object (self->report, "changed",
                           G_CALLBACK (kk_report_preview_report_changed), self, G_CONNECT_SWAPPED);
  kk_report_preview_update_pages (self);
}

static void
kk_report_preview_dispose (GObject *object)
{
  KkReportPreview *self = KK_REPORT_PREVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_REPORT_PREVIEW);
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_object (&self->report);
  g_clear_object (&self->page_setup);

  G_OBJECT_CLASS (kk_report_preview_parent_class)->dispose (object);
}

static void
kk_report_preview_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KkReportPreview *self = KK_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_PAGE_SETUP:
      g_value_set_object (value, self->page_setup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_preview_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KkReportPreview *self = KK_REPORT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    case PROP_PAGE_SETUP:
      kk_report_preview_set_page_setup (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_report_preview_class_init (KkReportPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kk_report_preview_constructed;
  object_class->dispose = kk_report_preview_dispose;
  object_class->get_property = kk_report_preview_get_property;
  object_class->set_property = kk_report_preview_set_property;

  /**
   * KkReportPreview:report:
   *
   * The report shown. Choosing another report or division in the preview
   * sets it on this report.
   */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, KK_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KkReportPreview:page-setup:
   *
   * The paper the pages are laid out on.
   */
  properties[PROP_PAGE_SETUP] =
    g_param_spec_object ("page-setup", NULL, NULL, GTK_TYPE_PAGE_SETUP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KkReportPreview::print:
   *
   * Emitted when the clerk asks to print the report shown.
   */
  signals[PRINT] =
    g_signal_new ("print", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * KkReportPreview::export-pdf:
   *
   * Emitted when the clerk asks to export the report shown as PDF.
   */
  signals[EXPORT_PDF] =
    g_signal_new ("export-pdf", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-report-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, KkReportPreview, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KkReportPreview, division_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KkReportPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, KkReportPreview, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KkReportPreview, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, KkReportPreview, pages);
  gtk_widget_class_bind_template_callback (widget_class, kk_report_preview_setup_page);
  gtk_widget_class_bind_template_callback (widget_class, kk_report_preview_bind_page);
  gtk_widget_class_bind_template_callback (widget_class, kk_report_preview_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, kk_report_preview_division_selected);

  gtk_widget_class_install_action (widget_class, "preview.print", NULL, kk_report_preview_print);
  gtk_widget_class_install_action (widget_class, "preview.export-pdf", NULL,
                                   kk_report_preview_export_pdf);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "preview.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kk_report_preview_init (KkReportPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kk_report_preview_init_division_names (self);
}

/**
 * kk_report_preview_new:
 * @parent: the window the preview belongs to
 * @page_setup: (nullable): the paper; A4 when %NULL
 *
 * Returns: (transfer none): a preview of @report, not yet shown
 */
KkReportPreview *
kk_report_preview_new (GtkWindow    *parent,
                       KkReport     *report,
                       GtkPageSetup *page_setup)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (KK_IS_REPORT (report), NULL);

  return g_object_new (KK_TYPE_REPORT_PREVIEW,
                       "transient-for", parent,
                       "report", report,
                       "page-setup", page_setup,
                       NULL);
}

KkReport *
kk_report_preview_get_report (KkReportPreview *self)
{
  g_return_val_if_fail (KK_IS_REPORT_PREVIEW (self), NULL);
  return self->report;
}

GtkPageSetup *
kk_report_preview_get_page_setup (KkReportPreview *self)
{
  g_return_val_if_fail (KK_IS_REPORT_PREVIEW (self), NULL);
  return self->page_setup;
}

/**
 * kk_report_preview_set_page_setup:
 * @page_setup: (nullable): other paper to lay the report out on; %NULL
 *   keeps the paper
 */
void
kk_report_preview_set_page_setup (KkReportPreview *self,
                                  GtkPageSetup    *page_setup)
{
  g_return_if_fail (KK_IS_REPORT_PREVIEW (self));
  g_return_if_fail (page_setup == NULL || GTK_IS_PAGE_SETUP (page_setup));

  if (page_setup == NULL || !g_set_object (&self->page_setup, page_setup))
    return;
  kk_report_preview_reload_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_SETUP]);
}

/**
 * kk_report_preview_add_toast:
 * @toast: (transfer full): a notice, such as where a PDF was written
 */
void
kk_report_preview_add_toast (KkReportPreview *self,
                             AdwToast        *toast)
{
  g_return_if_fail (KK_IS_REPORT_PREVIEW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
