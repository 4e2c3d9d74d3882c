/* kk-kpi-editor.c: the KPIs of a sheet (成果目標値) and their figures
 *
 * One KkKpiRow a KPI, bound to the sheet's list of KPIs. Adding, removing
 * and moving KPIs go through the plan's history, so that each is one step
 * of undo; after an undo or a redo every field shows the plan again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-accessible.h"
#include "kk-kpi-editor.h"
#include "kk-kpi-row.h"

struct _KkKpiEditor
{
  AdwBin parent_instance;

  KkPlan *plan;
  KkSheet *sheet;

  GtkListBox *kpi_list;
  GtkWidget *add_kpi_button;
};

G_DEFINE_FINAL_TYPE (KkKpiEditor, kk_kpi_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_SHEET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static KkKpiRow *
kk_kpi_editor_get_kpi_row (KkKpiEditor *self,
                           guint        position)
{
  return KK_KPI_ROW (gtk_list_box_get_row_at_index (self->kpi_list, position));
}

static void
kk_kpi_editor_add_kpi (KkKpiEditor *self)
{
  GListModel *kpis = kk_sheet_get_kpis (self->sheet);
  guint position = g_list_model_get_n_items (kpis);
  g_autoptr(KkKpi) kpi = kk_kpi_new (_("New KPI"), "");
  KkKpiRow *added;

  kk_history_insert_item (kk_plan_get_history (self->plan), G_LIST_STORE (kpis), position, kpi);
  added = kk_kpi_editor_get_kpi_row (self, position);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (added), TRUE);
  kk_kpi_row_focus_name (added);
}

static void
kk_kpi_editor_remove_kpi (KkKpiEditor *self,
                          KkKpiRow    *row)
{
  GListModel *kpis = kk_sheet_get_kpis (self->sheet);
  guint position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  guint n_left;

  /* The row goes with the KPI. */
  kk_history_remove_item (kk_plan_get_history (self->plan), G_LIST_STORE (kpis), position);
  n_left = g_list_model_get_n_items (kpis);
  if (n_left == 0)
    gtk_widget_grab_focus (self->add_kpi_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (kk_kpi_editor_get_kpi_row (self, MIN (position, n_left - 1))));
}

static void
kk_kpi_editor_move_kpi (KkKpiEditor *self,
                        int          offset,
                        KkKpiRow    *row)
{
  gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row));
  guint position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  KkKpiRow *moved;

  /* The row goes with the move; a new row stands for the KPI. */
  kk_history_move_item (kk_plan_get_history (self->plan),
                        G_LIST_STORE (kk_sheet_get_kpis (self->sheet)), position,
                        position + offset);
  moved = kk_kpi_editor_get_kpi_row (self, position + offset);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (moved), expanded);
  kk_kpi_row_focus_move (moved, offset);
}

static void
kk_kpi_editor_kpis_changed (KkKpiEditor *self)
{
  guint n = g_list_model_get_n_items (kk_sheet_get_kpis (self->sheet));

  for (guint i = 0; i < n; i++)
    kk_kpi_row_set_position (kk_kpi_editor_get_kpi_row (self, i), i, n);
}

static void
kk_kpi_editor_foreach_row (KkKpiEditor *self,
                           void       (*func) (KkKpiRow *row))
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->kpi_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (KK_IS_KPI_ROW (row))
      func (KK_KPI_ROW (row));
}

/* After an undo or a redo every field shows the plan's value again. */
static void
kk_kpi_editor_replayed (KkKpiEditor *self)
{
  kk_kpi_editor_foreach_row (self, kk_kpi_row_reset);
}

static GtkWidget *
kk_kpi_editor_create_row (gpointer item,
                          gpointer user_data)
{
  KkKpiEditor *self = user_data;
  GtkWidget *row = kk_kpi_row_new (self->plan, item);

  g_signal_connect_object (row, "move", G_CALLBACK (kk_kpi_editor_move_kpi), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (kk_kpi_editor_remove_kpi), self,
                           G_CONNECT_SWAPPED);
  return row;
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
kk_kpi_editor_dispose (GObject *object)
{
  KkKpiEditor *self = KK_KPI_EDITOR (object);

  kk_kpi_editor_set_sheet (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_KPI_EDITOR);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (kk_kpi_editor_parent_class)->dispose (object);
}

static void
kk_kpi_editor_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KkKpiEditor *self = KK_KPI_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_SHEET:
      g_value_set_object (value, self->sheet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_kpi_editor_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  KkKpiEditor *self = KK_KPI_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kk_kpi_editor_set_plan (self, g_value_get_object (value));
      break;
    case PROP_SHEET:
      kk_kpi_editor_set_sheet (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_kpi_editor_class_init (KkKpiEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_kpi_editor_dispose;
  object_class->get_property = kk_kpi_editor_get_property;
  object_class->set_property = kk_kpi_editor_set_property;

  /**
   * KkKpiEditor:plan:
   *
   * The plan the sheet belongs to, whose history records the edits.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkKpiEditor:sheet:
   *
   * The sheet whose KPIs are edited, or %NULL.
   */
  properties[PROP_SHEET] =
    g_param_spec_object ("sheet", NULL, NULL, KK_TYPE_SHEET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-kpi-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KkKpiEditor, add_kpi_button);
  gtk_widget_class_bind_template_child (widget_class, KkKpiEditor, kpi_list);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_editor_add_kpi);
  gtk_widget_class_set_css_name (widget_class, "kk-kpi-editor");
}

static void
kk_kpi_editor_init (KkKpiEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kk_accessible_name_by_content (GTK_BUTTON (self->add_kpi_button));
  gtk_widget_set_sensitive (self->add_kpi_button, FALSE);
}

GtkWidget *
kk_kpi_editor_new (void)
{
  return g_object_new (KK_TYPE_KPI_EDITOR, NULL);
}

KkPlan *
kk_kpi_editor_get_plan (KkKpiEditor *self)
{
  g_return_val_if_fail (KK_IS_KPI_EDITOR (self), NULL);
  return self->plan;
}

void
kk_kpi_editor_set_plan (KkKpiEditor *self,
                        KkPlan      *plan)
{
  g_return_if_fail (KK_IS_KPI_EDITOR (self));
  g_return_if_fail (plan == NULL || KK_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  kk_kpi_editor_set_sheet (self, NULL);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (kk_plan_get_history (self->plan),
                                          kk_kpi_editor_replayed, self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    g_signal_connect_object (kk_plan_get_history (plan), "replayed",
                             G_CALLBACK (kk_kpi_editor_replayed), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

KkSheet *
kk_kpi_editor_get_sheet (KkKpiEditor *self)
{
  g_return_val_if_fail (KK_IS_KPI_EDITOR (self), NULL);
  return self->sheet;
}

/**
 * kk_kpi_editor_set_sheet:
 * @sheet: (nullable): a sheet of the editor's plan
 *
 * Shows the KPIs of @sheet for editing.
 */
void
kk_kpi_editor_set_sheet (KkKpiEditor *self,
                         KkSheet     *sheet)
{
  GListModel *kpis;

  g_return_if_fail (KK_IS_KPI_EDITOR (self));
  g_return_if_fail (sheet == NULL || (KK_IS_SHEET (sheet) && self->plan != NULL));

  if (self->sheet == sheet)
    return;

  if (self->sheet != NULL)
    g_signal_handlers_disconnect_by_func (kk_sheet_get_kpis (self->sheet),
                                          kk_kpi_editor_kpis_changed, self);
  /* What was typed for the sheet shown before goes to it, when valid. */
  kk_kpi_editor_commit (self);
  if (self->plan != NULL)
    kk_history_seal (kk_plan_get_history (self->plan));

  g_set_object (&self->sheet, sheet);
  kpis = sheet ? kk_sheet_get_kpis (sheet) : NULL;
  gtk_list_box_bind_model (self->kpi_list, kpis, kpis ? kk_kpi_editor_create_row : NULL, self,
                           NULL);
  /* After the list box's own handler, so that the rows are there. */
  if (kpis != NULL)
    {
      g_signal_connect_object (kpis, "items-changed", G_CALLBACK (kk_kpi_editor_kpis_changed),
                               self, G_CONNECT_SWAPPED);
      kk_kpi_editor_kpis_changed (self);
    }
  gtk_widget_set_sensitive (self->add_kpi_button, sheet != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

/**
 * kk_kpi_editor_commit:
 *
 * Applies what is typed into the fields but not yet applied, where it is
 * valid, as Enter would.
 */
void
kk_kpi_editor_commit (KkKpiEditor *self)
{
  g_return_if_fail (KK_IS_KPI_EDITOR (self));
  kk_kpi_editor_foreach_row (self, kk_kpi_row_commit);
}

/* Where the KPI that holds @subject is: @subject itself, or a figure's KPI. */
static gboolean
kk_kpi_editor_find_kpi (KkKpiEditor *self,
                        GObject     *subject,
                        guint       *position)
{
  GListModel *kpis = kk_sheet_get_kpis (self->sheet);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);
      guint value_position;

      if ((GObject *)kpi == subject ||
          (KK_IS_KPI_VALUE (subject) &&
           g_list_store_find (G_LIST_STORE (kk_kpi_get_values (kpi)), subject, &value_position)))
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * kk_kpi_editor_focus_field:
 * @subject: a KPI of the sheet, or a figure of one
 * @field: the property of @subject
 *
 * Opens the KPI and moves the keyboard focus to the field.
 *
 * Returns: whether the focus went there
 */
gboolean
kk_kpi_editor_focus_field (KkKpiEditor *self,
                           GObject     *subject,
                           const char  *field)
{
  guint position;

  g_return_val_if_fail (KK_IS_KPI_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (subject), FALSE);

  if (self->sheet == NULL || !kk_kpi_editor_find_kpi (self, subject, &position))
    return FALSE;
  return kk_kpi_row_focus_field (kk_kpi_editor_get_kpi_row (self, position),
                                 KK_IS_KPI_VALUE (subject) ? KK_KPI_VALUE (subject) : NULL, field);
}
