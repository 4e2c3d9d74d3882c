/* kk-chart-view.c: the charts of the グラフ view, to look at, explore and take away
 *
 * The drawing is KkChart's, the same as in exports and reports; this widget
 * adds what a screen can: the exact figures of the bar under the pointer, a
 * focused bar walked with the arrow keys, a click or Enter that opens the
 * program, the same figures as a table, and export and copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-accessible.h"
#include "kk-chart-area.h"
#include "kk-chart-view.h"
#include "kk-chart.h"
#include "kk-render-enums.h"

#include "kk-kpi.h"
#include "kk-sheet.h"
#include "kk-tooltip.h"

struct _KkChartView
{
  AdwBin parent_instance;

  KkChart *chart;
  /* The KPIs of the plan, in the order of the KPI drop-down. */
  GPtrArray *kpis;

  GtkDropDown *kind_drop_down;
  GtkDropDown *kpi_drop_down;
  GtkToggleButton *table_toggle;
  GtkStack *stack;
  KkChartArea *chart_area;
  GtkColumnView *table_view;
};

G_DEFINE_FINAL_TYPE (KkChartView, kk_chart_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_PROGRAMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PROGRAM_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Pointing                                                                 */

static gboolean
kk_chart_view_query_tooltip (KkChartView *self,
                             int          x,
                             int          y,
                             gboolean     keyboard,
                             GtkTooltip  *tooltip)
{
  int item = keyboard ? kk_chart_area_get_focus_item (self->chart_area)
                      : kk_chart_area_hit_test (self->chart_area, x, y);
  g_autofree char *text = NULL;
  cairo_rectangle_t rect;

  if (item < 0)
    return FALSE;
  text = kk_chart_dup_item_tooltip (self->chart, item);
  kk_tooltip_set_text (tooltip, text);
  /* Moving to the next bar asks again. */
  if (kk_chart_area_get_item_rect (self->chart_area, item, &rect))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { rect.x, rect.y, rect.width, rect.height });
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Activating and walking                                                   */

static void
kk_chart_view_activate_item (KkChartView *self,
                             int          item)
{
  KkProgram *program;

  if (item < 0)
    return;
  program = kk_chart_get_item_program (self->chart, item);
  if (program != NULL)
    g_signal_emit (self, signals[PROGRAM_ACTIVATED], 0, program);
}

/* The bar walked to with the keyboard comes into view, however long the
 * chart; GtkViewport scrolls to the focused widget, the whole chart. */
static void
kk_chart_view_scroll_to_item (KkChartView *self,
                              int          item)
{
  GtkWidget *area = GTK_WIDGET (self->chart_area);
  GtkWidget *scrolled = gtk_widget_get_ancestor (area, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport = gtk_widget_get_parent (area);
  GtkAdjustment *adjustment;
  cairo_rectangle_t rect;
  graphene_point_t point;

  if (scrolled == NULL || viewport == NULL ||
      !kk_chart_area_get_item_rect (self->chart_area, item, &rect) ||
      !gtk_widget_compute_point (area, viewport, &GRAPHENE_POINT_INIT (0, rect.y), &point))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  /* The viewport shows its content from the adjustment's value down. */
  point.y += gtk_adjustment_get_value (adjustment);
  gtk_adjustment_clamp_page (adjustment, point.y, point.y + rect.height);
}

static void
kk_chart_view_set_focus_item (KkChartView *self,
                              int          item)
{
  GtkWidget *area = GTK_WIDGET (self->chart_area);
  g_autofree char *label = NULL;

  kk_chart_area_set_focus_item (self->chart_area, item);
  if (item < 0)
    return;
  kk_chart_view_scroll_to_item (self, item);
  /* Screen readers say the bar that has the focus. */
  label = kk_chart_dup_item_tooltip (self->chart, item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  label, -1);
}

static void
kk_chart_view_clicked (KkChartView *self,
                       int          n_press,
                       double       x,
                       double       y)
{
  int item = kk_chart_area_hit_test (self->chart_area, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self->chart_area));
  kk_chart_view_set_focus_item (self, item);
  kk_chart_view_activate_item (self, item);
}

static int
kk_chart_view_next_item (KkChartView *self,
                         guint        keyval)
{
  int n_items = kk_chart_get_n_items (self->chart);
  int item = kk_chart_area_get_focus_item (self->chart_area);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Right:
      return MIN (item + 1, n_items - 1);
    case GDK_KEY_Up:
    case GDK_KEY_Left:
      return MAX (item - 1, 0);
    case GDK_KEY_Home:
      return 0;
    case GDK_KEY_End:
      return n_items - 1;
    default:
      return -2;
    }
}

static gboolean
kk_chart_view_key_pressed (KkChartView     *self,
                           guint            keyval,
                           guint            keycode,
                           GdkModifierType  state)
{
  int next;

  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_space)
    {
      kk_chart_view_activate_item (self, kk_chart_area_get_focus_item (self->chart_area));
      return TRUE;
    }
  next = kk_chart_view_next_item (self, keyval);
  if (next < -1 || kk_chart_get_n_items (self->chart) == 0)
    return FALSE;
  kk_chart_view_set_focus_item (self, next);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The table                                                                */

static void
kk_table_cell_setup (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_list_item_set_child (item, label);
}

/* A row of the table is said as its cells, "令和5年度, 120, 128.6%", not as
 * GTK names it, "GtkListItemWidget": the row holds the cell that holds
 * @label. */
static void
kk_table_row_name (GtkWidget     *label,
                   GtkStringList *row)
{
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkWidget *row_widget = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  g_auto(GStrv) texts = NULL;
  g_autofree char *name = NULL;

  if (row_widget == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (row)); i++)
    g_strv_builder_add (cells, gtk_string_list_get_string (row, i));
  texts = g_strv_builder_end (cells);
  name = g_strjoinv (", ", texts);
  kk_accessible_set_name (row_widget, name);
}

static void
kk_table_cell_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  column)
{
  GtkStringList *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_list_get_string (row, GPOINTER_TO_UINT (column)));
  if (GPOINTER_TO_UINT (column) == 0)
    kk_table_row_name (label, row);
}

static void
kk_chart_view_fill_columns (KkChartView *self)
{
  g_auto(GStrv) headers = kk_chart_dup_table_headers (self->chart);
  GListModel *columns = gtk_column_view_get_columns (self->table_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->table_view, column);
    }
  for (guint i = 0; headers[i] != NULL; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (kk_table_cell_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (kk_table_cell_bind), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (headers[i], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table_view, column);
    }
}

static void
kk_chart_view_fill_table (KkChartView *self)
{
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  g_autoptr(GtkNoSelection) selection = NULL;

  kk_chart_view_fill_columns (self);
  for (guint i = 0; i < kk_chart_get_n_items (self->chart); i++)
    {
      g_auto(GStrv) cells = kk_chart_dup_table_row (self->chart, i);
      g_autoptr(GtkStringList) row = gtk_string_list_new ((const char * const *)cells);

      g_list_store_append (rows, row);
    }
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (selection));
}

/* ------------------------------------------------------------------------ */
/* Following the plan, the choices and the style                            */

/* A chart not on screen is not worked out: a search in the list would
 * otherwise rebuild it at every key. It catches up when it is shown. */
static void
kk_chart_view_chart_changed (KkChartView *self)
{
  int n_items;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  n_items = kk_chart_get_n_items (self->chart);
  if (kk_chart_area_get_focus_item (self->chart_area) >= n_items)
    kk_chart_area_set_focus_item (self->chart_area, n_items - 1);
  if (gtk_toggle_button_get_active (self->table_toggle))
    kk_chart_view_fill_table (self);
}

/* A KPI is known by its sheet's programs and its name: 【22・23・24】相談件数. */
static char *
kk_kpi_dup_choice_label (KkSheet *sheet,
                         KkKpi   *kpi)
{
  g_autofree char *numbers = kk_sheet_dup_numbers_label (sheet, "・");

  return g_strdup_printf ("【%s】%s", numbers, kk_kpi_get_name (kpi));
}

static void
kk_chart_view_fill_kpis (KkChartView *self)
{
  KkPlan *plan = kk_chart_get_plan (self->chart);
  GListModel *sheets = plan ? kk_plan_get_sheets (plan) : NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  KkKpi *chosen = kk_chart_get_kpi (self->chart);
  guint position = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->kpis, 0);
  for (guint i = 0; sheets != NULL && i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);
      GListModel *kpis = kk_sheet_get_kpis (sheet);

      for (guint j = 0; j < g_list_model_get_n_items (kpis); j++)
        {
          KkKpi *kpi = g_list_model_get_item (kpis, j);
          g_autofree char *label = kk_kpi_dup_choice_label (sheet, kpi);

          if (kpi == chosen)
            position = self->kpis->len;
          g_ptr_array_add (self->kpis, kpi);
          gtk_string_list_append (labels, label);
        }
    }
  gtk_drop_down_set_model (self->kpi_drop_down, G_LIST_MODEL (labels));
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->kpi_drop_down, position);
}

static void
kk_chart_view_kpi_changed (KkChartView *self)
{
  guint selected = gtk_drop_down_get_selected (self->kpi_drop_down);

  kk_chart_set_kpi (self->chart, selected < self->kpis->len
                                 ? g_ptr_array_index (self->kpis, selected) : NULL);
}

static void
kk_chart_view_kind_changed (KkChartView *self)
{
  KkChartKind kind = gtk_drop_down_get_selected (self->kind_drop_down);
  gboolean one_kpi = kind == KK_CHART_KIND_KPI;

  kk_chart_area_set_focus_item (self->chart_area, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->kpi_drop_down), one_kpi);
  if (one_kpi)
    {
      kk_chart_view_fill_kpis (self);
      kk_chart_view_kpi_changed (self);
    }
  kk_chart_set_kind (self->chart, kind);
}

static void
kk_chart_view_table_toggled (KkChartView *self)
{
  gboolean table = gtk_toggle_button_get_active (self->table_toggle);

  if (table)
    kk_chart_view_fill_table (self);
  gtk_stack_set_visible_child_name (self->stack, table ? "table" : "chart");
}

static void
kk_chart_view_style_changed (KkChartView *self)
{
  kk_chart_set_dark (self->chart, adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* ------------------------------------------------------------------------ */
/* Export and copy                                                          */

static void
kk_chart_view_show_error (KkChartView  *self,
                          const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              _("Could Not Export the Chart"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Exports are drawn at the width shown, or a slide's width when hidden. */
static int
kk_chart_view_export_width (KkChartView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->chart_area));

  return width > 0 ? width : 960;
}

/* In the window's notices, as its own saving and exporting say theirs. */
static void
kk_chart_view_say_exported (KkChartView *self,
                            GFile       *file)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = g_file_get_basename (file);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                 adw_toast_new_format (_("Exported “%s”"), name));
}

static void
kk_chart_view_export_response (KkChartView          *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  KkChartFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kk-format"));
  int width = kk_chart_view_export_width (self);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL &&
      !kk_chart_export (self->chart, file, format, width,
                        kk_chart_get_natural_height (self->chart, width), NULL, &error))
    kk_chart_view_show_error (self, error);
  else if (file != NULL)
    kk_chart_view_say_exported (self, file);
  g_object_unref (chooser);
}

static void
kk_chart_view_export (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KkChartView *self = KK_CHART_VIEW (widget);
  const char *extension = g_variant_get_string (parameter, NULL);
  g_autofree char *title = kk_chart_dup_title (self->chart);
  g_autofree char *name = g_strdup_printf ("%s.%s", title, extension);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  KkChartFormat format;

  g_return_if_fail (kk_chart_format_for_filename (name, &format));

  chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "kk-format", GINT_TO_POINTER (format));
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (kk_chart_view_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
kk_chart_view_copy (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KkChartView *self = KK_CHART_VIEW (widget);
  int width = kk_chart_view_export_width (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = kk_chart_render (self->chart, KK_CHART_FORMAT_PNG, width,
                                           kk_chart_get_natural_height (self->chart, width),
                                           &error);
  g_autoptr(GdkTexture) texture = NULL;

  if (png != NULL)
    texture = gdk_texture_new_from_bytes (png, &error);
  if (texture == NULL)
    {
      kk_chart_view_show_error (self, error);
      return;
    }
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
kk_chart_view_dispose (GObject *object)
{
  KkChartView *self = KK_CHART_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_CHART_VIEW);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->kpis, g_ptr_array_unref);

  G_OBJECT_CLASS (kk_chart_view_parent_class)->dispose (object);
}

static void
kk_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KkChartView *self = KK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, kk_chart_get_plan (self->chart));
      break;
    case PROP_PROGRAMS:
      g_value_set_object (value, kk_chart_get_programs (self->chart));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KkChartView *self = KK_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kk_chart_view_set_plan (self, g_value_get_object (value));
      break;
    case PROP_PROGRAMS:
      kk_chart_view_set_programs (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_chart_view_class_init (KkChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_chart_view_dispose;
  object_class->get_property = kk_chart_view_get_property;
  object_class->set_property = kk_chart_view_set_property;

  /**
   * KkChartView:plan:
   *
   * The plan whose figures are drawn.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkChartView:programs:
   *
   * The programs to chart, such as those a search lets through; %NULL for
   * all of the plan's.
   */
  properties[PROP_PROGRAMS] =
    g_param_spec_object ("programs", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KkChartView::program-activated:
   * @program: the program of the bar clicked or chosen with Enter
   */
  signals[PROGRAM_ACTIVATED] =
    g_signal_new ("program-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, KK_TYPE_PROGRAM);

  g_type_ensure (KK_TYPE_CHART_AREA);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kk-chart-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KkChartView, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KkChartView, kpi_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KkChartView, table_toggle);
  gtk_widget_class_bind_template_child (widget_class, KkChartView, stack);
  gtk_widget_class_bind_template_child (widget_class, KkChartView, chart_area);
  gtk_widget_class_bind_template_child (widget_class, KkChartView, table_view);
  gtk_widget_class_bind_template_callback (widget_class, kk_chart_view_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_chart_view_kpi_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_chart_view_table_toggled);
  gtk_widget_class_bind_template_callback (widget_class, kk_chart_view_query_tooltip);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", kk_chart_view_export);
  gtk_widget_class_install_action (widget_class, "chart.copy", NULL, kk_chart_view_copy);
}

static void
kk_chart_view_add_controllers (KkChartView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_swapped (click, "pressed", G_CALLBACK (kk_chart_view_clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart_area), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (kk_chart_view_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->chart_area), keys);
}

static void
kk_chart_view_init (KkChartView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->kpis = g_ptr_array_new_with_free_func (g_object_unref);
  self->chart = kk_chart_new (NULL, KK_CHART_KIND_PROGRAMS);
  kk_chart_area_set_chart (self->chart_area, self->chart);
  g_signal_connect_object (self->chart, "changed", G_CALLBACK (kk_chart_view_chart_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (kk_chart_view_chart_changed), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (kk_chart_view_style_changed), self, G_CONNECT_SWAPPED);
  kk_chart_view_style_changed (self);
  kk_chart_view_add_controllers (self);
  /* The view scrolls to the focused bar; GtkViewport's own scrolling to
   * the focused widget, the whole chart, would undo it. */
  gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_widget_get_parent (GTK_WIDGET (self->chart_area))),
                                    FALSE);
  kk_accessible_name_drop_down (self->kind_drop_down, _("Chart"));
  kk_accessible_name_drop_down (self->kpi_drop_down, _("KPI"));
  kk_accessible_name_buttons (GTK_WIDGET (self));
  kk_accessible_name_column_view (self->table_view, _("Figures of the chart"));
  kk_tooltip_fit (GTK_WIDGET (self));
}

void
kk_chart_view_set_plan (KkChartView *self,
                        KkPlan      *plan)
{
  g_return_if_fail (KK_IS_CHART_VIEW (self));
  g_return_if_fail (plan == NULL || KK_IS_PLAN (plan));

  if (kk_chart_get_plan (self->chart) == plan)
    return;
  kk_chart_set_plan (self->chart, plan);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

void
kk_chart_view_set_programs (KkChartView *self,
                            GListModel  *programs)
{
  g_return_if_fail (KK_IS_CHART_VIEW (self));
  g_return_if_fail (programs == NULL || G_IS_LIST_MODEL (programs));

  if (kk_chart_get_programs (self->chart) == programs)
    return;
  kk_chart_set_programs (self->chart, programs);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAMS]);
}

/**
 * kk_chart_view_get_chart:
 *
 * Returns: (transfer none): the chart drawn
 */
KkChart *
kk_chart_view_get_chart (KkChartView *self)
{
  g_return_val_if_fail (KK_IS_CHART_VIEW (self), NULL);
  return self->chart;
}
