/* kk-window.c: the main window, showing one plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-format.h"
#include "kk-totals.h"
#include "kk-window.h"

struct _KkWindow
{
  AdwApplicationWindow parent_instance;

  KkPlan *plan;
  GFile *file;
  GSettings *settings;

  AdwWindowTitle *window_title;
  GtkColumnView *program_view;
  GtkLabel *summary_label;
};

G_DEFINE_FINAL_TYPE (KkWindow, kk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef char *(*KkCellTextFunc) (KkProgram *program);

typedef struct
{
  const char *title;
  float xalign;
  gboolean expand;
  KkCellTextFunc text;
} KkColumn;

static char *
kk_cell_number (KkProgram *program)
{
  return g_strdup_printf ("%u", kk_program_get_number (program));
}

static char *
kk_cell_name (KkProgram *program)
{
  return g_strdup (kk_program_get_name (program));
}

static char *
kk_cell_funding (KkProgram *program)
{
  return kk_program_dup_funding_label (program, "・");
}

static char *
kk_cell_budget (KkProgram *program)
{
  return kk_format_thousand_yen (kk_program_get_budget (program));
}

static char *
kk_cell_difference (KkProgram *program)
{
  return kk_format_thousand_yen (kk_program_get_difference (program));
}

static char *
kk_cell_division (KkProgram *program)
{
  return g_strdup (kk_division_get_name (kk_program_get_lead_division (program)));
}

static void
kk_window_setup_cell (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      const KkColumn           *column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column->xalign);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column->xalign > 0.5)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
kk_window_bind_cell (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     const KkColumn           *column)
{
  g_autofree char *text = column->text (gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
kk_window_add_columns (KkWindow *self)
{
  static const KkColumn columns[] = {
    { N_("No."), 1.0, FALSE, kk_cell_number },
    { N_("Program"), 0.0, TRUE, kk_cell_name },
    { N_("Funding"), 0.0, FALSE, kk_cell_funding },
    { N_("Budget"), 1.0, FALSE, kk_cell_budget },
    { N_("Change"), 1.0, FALSE, kk_cell_difference },
    { N_("Division"), 0.0, FALSE, kk_cell_division },
  };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (kk_window_setup_cell), (gpointer)&columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (kk_window_bind_cell), (gpointer)&columns[i]);
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_append_column (self->program_view, column);
    }
}

static void
kk_window_update_summary (KkWindow *self)
{
  KkTotals totals = kk_totals_for_plan (self->plan);
  g_autofree char *budget = kk_format_thousand_yen (totals.budget);
  g_autofree char *previous = kk_format_thousand_yen (totals.previous_budget);
  g_autofree char *difference = kk_format_thousand_yen (totals.difference);
  g_autofree char *text = NULL;

  text = g_strdup_printf (ngettext ("%u program · budget %s · last year %s · change %s "
                                    "(thousand yen)",
                                    "%u programs · budget %s · last year %s · change %s "
                                    "(thousand yen)",
                                    totals.n_programs),
                          totals.n_programs, budget, previous, difference);
  gtk_label_set_text (self->summary_label, text);
}

static void
kk_window_show_plan (KkWindow *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autofree char *subtitle = NULL;

  selection = gtk_no_selection_new (g_object_ref (kk_plan_get_programs (self->plan)));
  gtk_column_view_set_model (self->program_view, GTK_SELECTION_MODEL (selection));

  if (self->file != NULL)
    subtitle = g_file_get_basename (self->file);
  else
    subtitle = g_strdup (kk_plan_get_organization (self->plan));
  adw_window_title_set_title (self->window_title, kk_plan_get_title (self->plan));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), kk_plan_get_title (self->plan));
  kk_window_update_summary (self);
}

static void
kk_window_constructed (GObject *object)
{
  KkWindow *self = KK_WINDOW (object);

  G_OBJECT_CLASS (kk_window_parent_class)->constructed (object);

  kk_window_show_plan (self);
}

static void
kk_window_dispose (GObject *object)
{
  KkWindow *self = KK_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (kk_window_parent_class)->dispose (object);
}

static void
kk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KkWindow *self = KK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KkWindow *self = KK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      self->plan = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_window_class_init (KkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = kk_window_constructed;
  object_class->dispose = kk_window_dispose;
  object_class->get_property = kk_window_get_property;
  object_class->set_property = kk_window_set_property;

  /**
   * KkWindow:plan:
   *
   * The plan the window shows.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * KkWindow:file:
   *
   * The file the plan was opened from, or %NULL for the embedded plan.
   */
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KkWindow, program_view);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, window_title);
}

/* The window opens at the size the clerk left it. */
static void
kk_window_bind_size (KkWindow *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
kk_window_init (KkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kk_window_add_columns (self);
  kk_window_bind_size (self);
}

KkWindow *
kk_window_new (KkApplication *application,
               KkPlan        *plan,
               GFile         *file)
{
  g_return_val_if_fail (KK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);

  return g_object_new (KK_TYPE_WINDOW,
                       "application", application,
                       "plan", plan,
                       "file", file,
                       NULL);
}

KkPlan *
kk_window_get_plan (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);
  return self->plan;
}

GFile *
kk_window_get_file (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);
  return self->file;
}
