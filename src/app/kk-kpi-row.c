/* kk-kpi-row.c: one KPI of a sheet, its fields and its figures
 *
 * The title names the KPI as the plan prints it and the subtitle says what
 * a collapsed row hides. The typed fields are KkFields, so that a name
 * reaches the plan whole, never blank, as one step of undo. The figures are
 * KkKpiValueRows, made when the row is first expanded (a sheet is shown each
 * time a program is selected, mostly collapsed) and made again when the
 * KPI's figures change. Moving and removing the KPI are the sheet's
 * business: the row asks with its signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kk-accessible.h"
#include "kk-field.h"
#include "kk-focus.h"
#include "kk-format.h"
#include "kk-kpi-row.h"
#include "kk-kpi-value-row.h"

/* In the order of KkComparator, as the subtitle says them. */
static const char * const kk_comparator_names[] = {
  N_("Exactly"),
  N_("At least"),
  N_("At most"),
};

struct _KkKpiRow
{
  AdwExpanderRow parent_instance;

  KkPlan *plan;
  KkKpi *kpi;
  KkField *fields[5];
  /* Set while the comparator is shown, so that it does not write back. */
  gboolean showing;
  /* The rows of the figures, in the order of the KPI's values, once the row
   * was expanded. */
  GPtrArray *value_rows;
  gboolean built;
  /* Every value: any may change an achievement. */
  GPtrArray *watched_values;

  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkWidget *remove_button;
  AdwEntryRow *name_row;
  GtkWidget *error_row;
  GtkLabel *error_label;
  AdwEntryRow *label_row;
  AdwEntryRow *group_row;
  AdwEntryRow *unit_row;
  AdwEntryRow *note_row;
  AdwComboRow *comparator_row;
  GtkWidget *add_value_row;
  GtkWidget *add_value_button;
};

G_DEFINE_FINAL_TYPE (KkKpiRow, kk_kpi_row, ADW_TYPE_EXPANDER_ROW)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Reading from the model                                                   */

/* "Achievement in 令和5年度: 128.6%", or nothing when the year has no
 * actual and target to compare. */
static char *
kk_kpi_row_dup_achievement (KkKpiRow *self,
                            int       fiscal_year)
{
  g_autofree char *year = kk_format_fiscal_year (fiscal_year);
  g_autofree char *percent = NULL;
  double ratio;

  if (!kk_kpi_get_achievement (self->kpi, fiscal_year, &ratio) || !isfinite (ratio))
    return NULL;
  percent = kk_format_percent (ratio);
  /* Translators: a fiscal year's achievement: 令和5年度の達成率：128.6% */
  return g_strdup_printf (_("Achievement in %s: %s"), year, percent);
}

/* The title names the KPI as the plan prints it, under its group heading;
 * the subtitle says what a collapsed row hides: its unit, how its target is
 * met and the achievement of last year and, where the plan has this year's
 * actual, of this year. */
static void
kk_kpi_row_show_summary (KkKpiRow *self)
{
  KkKpi *kpi = self->kpi;
  const char *group = kk_kpi_get_group (kpi);
  const char *unit = kk_kpi_get_unit (kpi);
  KkComparator comparator = kk_kpi_get_comparator (kpi);
  int this_year = kk_plan_get_fiscal_year (self->plan);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  char *achieved;

  if (group != NULL && *group != '\0')
    title = g_strdup_printf ("%s %s", group, kk_kpi_get_name (kpi));
  else
    title = g_strdup (kk_kpi_get_name (kpi));

  if (*unit != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Unit: %s"), unit));
  if (comparator != KK_COMPARATOR_EXACT)
    g_ptr_array_add (parts, g_strdup (_(kk_comparator_names[comparator])));
  achieved = kk_kpi_row_dup_achievement (self, this_year - 1);
  if (achieved == NULL)
    {
      g_autofree char *year = kk_format_fiscal_year (this_year - 1);

      achieved = g_strdup_printf (_("Achievement in %s: %s"), year, "—");
    }
  g_ptr_array_add (parts, achieved);
  achieved = kk_kpi_row_dup_achievement (self, this_year);
  if (achieved != NULL)
    g_ptr_array_add (parts, achieved);
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **)parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

/* The buttons say which KPI they act on. */
static void
kk_kpi_row_name_buttons (KkKpiRow *self)
{
  const char *name = kk_kpi_get_name (self->kpi);
  g_autofree char *up = g_strdup_printf (_("Move KPI %s Up"), name);
  g_autofree char *down = g_strdup_printf (_("Move KPI %s Down"), name);
  g_autofree char *remove = g_strdup_printf (_("Remove KPI %s"), name);
  g_autofree char *add = g_strdup_printf (_("Add Figure to KPI %s"), name);

  kk_accessible_set_name (GTK_WIDGET (self->up_button), up);
  kk_accessible_set_name (GTK_WIDGET (self->down_button), down);
  kk_accessible_set_name (GTK_WIDGET (self->remove_button), remove);
  kk_accessible_set_name (GTK_WIDGET (self->add_value_button), add);
  /* The row in the editor's list of KPIs, which GTK leaves unnamed. */
  kk_accessible_set_name (GTK_WIDGET (self), name);
  kk_accessible_name_lists (GTK_WIDGET (self), name);
}

static void
kk_kpi_row_show (KkKpiRow *self)
{
  kk_kpi_row_show_summary (self);
  kk_kpi_row_name_buttons (self);
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    kk_field_show (self->fields[i]);
  self->showing = TRUE;
  adw_combo_row_set_selected (self->comparator_row, kk_kpi_get_comparator (self->kpi));
  self->showing = FALSE;
  for (guint i = 0; i < self->value_rows->len; i++)
    kk_kpi_value_row_show_kpi (g_ptr_array_index (self->value_rows, i));
}

static void
kk_kpi_row_value_notified (KkKpiRow *self)
{
  kk_kpi_row_show_summary (self);
  for (guint i = 0; i < self->value_rows->len; i++)
    kk_kpi_value_row_show_kpi (g_ptr_array_index (self->value_rows, i));
}

static void
kk_kpi_row_watch_values (KkKpiRow *self)
{
  GListModel *values = kk_kpi_get_values (self->kpi);

  for (guint i = 0; i < self->watched_values->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched_values, i),
                                          kk_kpi_row_value_notified, self);
  g_ptr_array_set_size (self->watched_values, 0);
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      KkKpiValue *value = g_list_model_get_item (values, i);

      g_signal_connect_object (value, "notify", G_CALLBACK (kk_kpi_row_value_notified), self,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (self->watched_values, value);
    }
}

static void
kk_kpi_row_show_errors (KkKpiRow *self)
{
  kk_field_show_first_error (self->error_row, self->error_label, self->fields,
                             G_N_ELEMENTS (self->fields), NULL);
}

/* ------------------------------------------------------------------------ */
/* Adding, removing and moving figures                                      */

static guint
kk_store_position (GListModel *store,
                   gpointer    item)
{
  guint position = 0;
  gboolean found = g_list_store_find (G_LIST_STORE (store), item, &position);

  g_assert (found);
  return position;
}

static KkKpiValueRow *
kk_kpi_row_get_value_row (KkKpiRow *self,
                          guint     position)
{
  return g_ptr_array_index (self->value_rows, position);
}

/* Whether the KPI has a figure of that year and kind, with a number or
 * only words (未定). */
static gboolean
kk_kpi_row_has_figure (KkKpiRow  *self,
                       int        fiscal_year,
                       KkKpiKind  kind)
{
  GListModel *values = kk_kpi_get_values (self->kpi);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);

      if (kk_kpi_value_get_fiscal_year (value) == fiscal_year &&
          kk_kpi_value_get_kind (value) == kind)
        return TRUE;
    }
  return FALSE;
}

/* The figure a plan most likely lacks: this year's target, then last
 * year's target and actual, then the years further back and ahead. A KPI
 * has a handful of figures, so that one is found within a few years. */
static KkKpiValue *
kk_kpi_row_new_missing_value (KkKpiRow *self)
{
  static const KkKpiKind kinds[] = {
    KK_KPI_KIND_TARGET, KK_KPI_KIND_ACTUAL, KK_KPI_KIND_PLAN, KK_KPI_KIND_FORECAST,
  };
  int this_year = kk_plan_get_fiscal_year (self->plan);

  for (int distance = 0; ; distance++)
    {
      int year = this_year + (distance % 2 == 0 ? -distance / 2 : (distance + 1) / 2);

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (!kk_kpi_row_has_figure (self, year, kinds[i]))
          return kk_kpi_value_new (year, kinds[i]);
    }
}

/* A new figure starts at 0 rather than without a value, which would need a
 * note. */
static void
kk_kpi_row_add_value (KkKpiRow *self)
{
  GListModel *values = kk_kpi_get_values (self->kpi);
  guint position = g_list_model_get_n_items (values);
  g_autoptr(KkKpiValue) value = kk_kpi_row_new_missing_value (self);

  kk_kpi_value_set_value (value, 0);
  kk_history_insert_item (kk_plan_get_history (self->plan), G_LIST_STORE (values), position, value);
  kk_kpi_value_row_focus_year (kk_kpi_row_get_value_row (self, position));
}

static void
kk_kpi_row_remove_value (KkKpiRow      *self,
                         KkKpiValueRow *row)
{
  GListModel *values = kk_kpi_get_values (self->kpi);
  guint position = kk_store_position (values, kk_kpi_value_row_get_value (row));
  guint n_left;

  /* The row goes with the figure. */
  kk_history_remove_item (kk_plan_get_history (self->plan), G_LIST_STORE (values), position);
  n_left = g_list_model_get_n_items (values);
  if (n_left == 0)
    gtk_widget_grab_focus (self->add_value_button);
  else
    kk_kpi_value_row_focus_year (kk_kpi_row_get_value_row (self, MIN (position, n_left - 1)));
}

static void
kk_kpi_row_move_value (KkKpiRow      *self,
                       int            offset,
                       KkKpiValueRow *row)
{
  GListModel *values = kk_kpi_get_values (self->kpi);
  guint position = kk_store_position (values, kk_kpi_value_row_get_value (row));

  /* The row goes with the move; a new one stands for the figure. */
  kk_history_move_item (kk_plan_get_history (self->plan), G_LIST_STORE (values), position,
                        position + offset);
  kk_kpi_value_row_focus_move (kk_kpi_row_get_value_row (self, position + offset), offset);
}

/* Made whole again: a KPI has a handful of figures. The row that adds one
 * stays last. */
static void
kk_kpi_row_fill_values (KkKpiRow *self)
{
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);
  GListModel *values = kk_kpi_get_values (self->kpi);
  guint n = g_list_model_get_n_items (values);
  g_autoptr(GtkWidget) add_value_row = g_object_ref (self->add_value_row);

  for (guint i = 0; i < self->value_rows->len; i++)
    adw_expander_row_remove (expander, g_ptr_array_index (self->value_rows, i));
  g_ptr_array_set_size (self->value_rows, 0);
  adw_expander_row_remove (expander, add_value_row);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);
      GtkWidget *row = kk_kpi_value_row_new (self->plan, self->kpi, value);

      kk_kpi_value_row_set_position (KK_KPI_VALUE_ROW (row), i, n);
      g_signal_connect_object (row, "move", G_CALLBACK (kk_kpi_row_move_value), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "remove", G_CALLBACK (kk_kpi_row_remove_value), self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (expander, row);
      g_ptr_array_add (self->value_rows, row);
    }
  adw_expander_row_add_row (expander, add_value_row);
  self->built = TRUE;
}

static void
kk_kpi_row_values_changed (KkKpiRow *self)
{
  kk_kpi_row_watch_values (self);
  kk_kpi_row_show_summary (self);
  if (self->built)
    kk_kpi_row_fill_values (self);
}

static void
kk_kpi_row_expanded (KkKpiRow *self)
{
  if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self)) && !self->built)
    kk_kpi_row_fill_values (self);
}

/* ------------------------------------------------------------------------ */
/* Writing to the model                                                     */

static void
kk_kpi_row_comparator_changed (KkKpiRow *self)
{
  if (self->kpi != NULL && !self->showing)
    kk_plan_edit (self->plan, self->kpi, "comparator",
                  adw_combo_row_get_selected (self->comparator_row));
}

static void
kk_kpi_row_move_up (KkKpiRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
kk_kpi_row_move_down (KkKpiRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
kk_kpi_row_remove (KkKpiRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static KkField *
kk_kpi_row_add_field (KkKpiRow    *self,
                      AdwEntryRow *row,
                      KkFieldKind  kind,
                      const char  *property)
{
  KkField *field = kk_field_new (GTK_WIDGET (row), kind, property,
                                 adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));

  g_signal_connect_object (field, "notify::error", G_CALLBACK (kk_kpi_row_show_errors), self,
                           G_CONNECT_SWAPPED);
  kk_field_set_target (field, self->plan, self->kpi);
  return field;
}

static void
kk_kpi_row_dispose (GObject *object)
{
  KkKpiRow *self = KK_KPI_ROW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    g_clear_object (&self->fields[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_KPI_ROW);
  g_clear_pointer (&self->value_rows, g_ptr_array_unref);
  g_clear_pointer (&self->watched_values, g_ptr_array_unref);
  g_clear_object (&self->kpi);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (kk_kpi_row_parent_class)->dispose (object);
}

static void
kk_kpi_row_class_init (KkKpiRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_kpi_row_dispose;

  /**
   * KkKpiRow::move:
   * @offset: -1 to move the KPI up, 1 down
   *
   * The clerk asks to move the KPI among the sheet's.
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * KkKpiRow::remove:
   *
   * The clerk asks to remove the KPI.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kk-kpi-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, add_value_button);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, add_value_row);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, comparator_row);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, error_row);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, group_row);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, label_row);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, name_row);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, note_row);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, unit_row);
  gtk_widget_class_bind_template_child (widget_class, KkKpiRow, up_button);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_row_add_value);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_row_comparator_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_row_move_down);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_row_move_up);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_row_remove);
}

static void
kk_kpi_row_init (KkKpiRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kk_accessible_name_combo_row (self->comparator_row);
  kk_accessible_follow_expander_row (ADW_EXPANDER_ROW (self));
  self->value_rows = g_ptr_array_new ();
  self->watched_values = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * kk_kpi_row_new:
 * @kpi: a KPI of a sheet of @plan
 *
 * Returns: a collapsed row editing @kpi
 */
GtkWidget *
kk_kpi_row_new (KkPlan *plan,
                KkKpi  *kpi)
{
  KkKpiRow *self;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (KK_IS_KPI (kpi), NULL);

  self = g_object_new (KK_TYPE_KPI_ROW, NULL);
  self->plan = g_object_ref (plan);
  self->kpi = g_object_ref (kpi);
  self->fields[0] = kk_kpi_row_add_field (self, self->name_row, KK_FIELD_NAME, "name");
  self->fields[1] = kk_kpi_row_add_field (self, self->label_row, KK_FIELD_OPTIONAL_TEXT, "label");
  self->fields[2] = kk_kpi_row_add_field (self, self->group_row, KK_FIELD_OPTIONAL_TEXT, "group");
  self->fields[3] = kk_kpi_row_add_field (self, self->unit_row, KK_FIELD_TEXT, "unit");
  self->fields[4] = kk_kpi_row_add_field (self, self->note_row, KK_FIELD_OPTIONAL_TEXT, "note");
  kk_kpi_row_show (self);
  kk_kpi_row_watch_values (self);
  g_signal_connect_object (kpi, "notify", G_CALLBACK (kk_kpi_row_show), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kk_kpi_get_values (kpi), "items-changed",
                           G_CALLBACK (kk_kpi_row_values_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::expanded", G_CALLBACK (kk_kpi_row_expanded), NULL);
  return GTK_WIDGET (self);
}

KkKpi *
kk_kpi_row_get_kpi (KkKpiRow *self)
{
  g_return_val_if_fail (KK_IS_KPI_ROW (self), NULL);
  return self->kpi;
}

void
kk_kpi_row_set_position (KkKpiRow *self,
                         guint     position,
                         guint     n_kpis)
{
  g_return_if_fail (KK_IS_KPI_ROW (self));
  kk_move_buttons_update (self->up_button, self->down_button, position, n_kpis);
}

void
kk_kpi_row_focus_name (KkKpiRow *self)
{
  g_return_if_fail (KK_IS_KPI_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

/**
 * kk_kpi_row_focus_field:
 * @value: (nullable): the figure whose field it is, or %NULL for the KPI's
 * @field: the property of @value, or of the KPI: `values` is its figures
 *
 * Opens the row and moves the keyboard focus to the field; for the KPI's
 * figures, to the button that adds one.
 *
 * Returns: whether the focus went there
 */
gboolean
kk_kpi_row_focus_field (KkKpiRow   *self,
                        KkKpiValue *value,
                        const char *field)
{
  g_autofree char *name = NULL;
  guint position;

  g_return_val_if_fail (KK_IS_KPI_ROW (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
  if (value == NULL && g_str_equal (field, "values"))
    return kk_focus_widget (self->add_value_button);
  if (value == NULL)
    {
      name = g_strconcat ("kpi-", field, NULL);
      return kk_focus_named (GTK_WIDGET (self), name);
    }
  if (!g_list_store_find (G_LIST_STORE (kk_kpi_get_values (self->kpi)), value, &position))
    return FALSE;
  name = g_strconcat ("figure-", field, NULL);
  return kk_focus_named (GTK_WIDGET (kk_kpi_row_get_value_row (self, position)), name);
}

void
kk_kpi_row_focus_move (KkKpiRow *self,
                       int       offset)
{
  g_return_if_fail (KK_IS_KPI_ROW (self));
  kk_move_buttons_focus (self->up_button, self->down_button, offset);
}

/**
 * kk_kpi_row_reset:
 *
 * Shows the plan's values again in every field, after an undo or a redo.
 */
void
kk_kpi_row_reset (KkKpiRow *self)
{
  g_return_if_fail (KK_IS_KPI_ROW (self));

  kk_fields_reset (self->fields, G_N_ELEMENTS (self->fields));
  for (guint i = 0; i < self->value_rows->len; i++)
    kk_kpi_value_row_reset (g_ptr_array_index (self->value_rows, i));
}

/**
 * kk_kpi_row_commit:
 *
 * Applies what was typed into the row's fields, where it is valid.
 */
void
kk_kpi_row_commit (KkKpiRow *self)
{
  g_return_if_fail (KK_IS_KPI_ROW (self));

  kk_fields_commit (self->fields, G_N_ELEMENTS (self->fields));
  for (guint i = 0; i < self->value_rows->len; i++)
    kk_kpi_value_row_commit (g_ptr_array_index (self->value_rows, i));
}
