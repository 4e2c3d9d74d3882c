/* kk-kpi-value-row.c: one figure of a KPI (令和6年度 目標 120件)
 *
 * The number, the date and the note are KkFields: each reaches the plan
 * whole and valid, as one step of undo. The year and the kind apply at once.
 * An actual shows its achievement against the same year's target. Moving
 * and removing are the KPI's business: the row asks with its signals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kk-accessible.h"
#include "kk-field.h"
#include "kk-format.h"
#include "kk-kpi-value-row.h"

enum {
  FIELD_FIGURE,
  FIELD_AS_OF,
  FIELD_NOTE,
  N_FIELDS
};

struct _KkKpiValueRow
{
  GtkListBoxRow parent_instance;

  KkPlan *plan;
  KkKpi *kpi;
  KkKpiValue *value;
  /* In the order their errors are told. */
  KkField *fields[N_FIELDS];
  /* Set while the year and kind are shown, so that they do not write back. */
  gboolean showing;
  /* Why the year typed was refused, until one is taken. */
  char *year_error;

  GtkSpinButton *year_spin;
  GtkDropDown *kind_drop;
  GtkEntry *figure_entry;
  GtkLabel *unit_label;
  GtkLabel *achievement_label;
  GtkEntry *as_of_entry;
  GtkEntry *note_entry;
  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkWidget *remove_button;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (KkKpiValueRow, kk_kpi_value_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  MOVE,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Reading from the model                                                   */

/* Which figure of which KPI: 令和6年度 目標 of 計画認定件数. */
static char *
kk_kpi_value_row_dup_title (KkKpiValueRow *self)
{
  g_autofree char *year = kk_format_fiscal_year (kk_kpi_value_get_fiscal_year (self->value));
  GtkStringObject *kind = gtk_drop_down_get_selected_item (self->kind_drop);

  /* Translators: a figure of a KPI, as a screen reader names it:
   * 成果指標「計画認定件数」の令和6年度 目標 */
  return g_strdup_printf (_("%s %s of KPI %s"), year,
                          kind ? gtk_string_object_get_string (kind) : "",
                          kk_kpi_get_name (self->kpi));
}

/* A field is said by its label and the figure it is of. */
static void
kk_kpi_value_row_name_field (GtkWidget  *field,
                             const char *label,
                             const char *title)
{
  /* Translators: a field of a KPI's figure as a screen reader says it: its
   * label, then the figure: 数値（成果指標「計画認定件数」の令和6年度 目標） */
  g_autofree char *name = g_strdup_printf (C_("figure field", "%s, %s"), label, title);

  if (GTK_IS_DROP_DOWN (field))
    kk_accessible_name_drop_down (GTK_DROP_DOWN (field), name);
  else
    kk_accessible_set_name (field, name);
}

/* The fields and the buttons say which figure of which KPI they are of:
 * each row has the same. The row, which never has the focus, is left
 * unnamed: its fields say the figure already. */
static void
kk_kpi_value_row_name_controls (KkKpiValueRow *self)
{
  g_autofree char *title = kk_kpi_value_row_dup_title (self);
  g_autofree char *up = g_strdup_printf (_("Move Figure %s Up"), title);
  g_autofree char *down = g_strdup_printf (_("Move Figure %s Down"), title);
  g_autofree char *remove = g_strdup_printf (_("Remove Figure %s"), title);

  kk_kpi_value_row_name_field (GTK_WIDGET (self->year_spin), _("Fiscal year"), title);
  kk_kpi_value_row_name_field (GTK_WIDGET (self->kind_drop), _("Kind of figure"), title);
  kk_kpi_value_row_name_field (GTK_WIDGET (self->figure_entry), _("Value"), title);
  kk_kpi_value_row_name_field (GTK_WIDGET (self->as_of_entry), _("As of"), title);
  kk_kpi_value_row_name_field (GTK_WIDGET (self->note_entry), _("Note"), title);
  kk_accessible_set_name (GTK_WIDGET (self->up_button), up);
  kk_accessible_set_name (GTK_WIDGET (self->down_button), down);
  kk_accessible_set_name (GTK_WIDGET (self->remove_button), remove);
}

/**
 * kk_kpi_value_row_show_kpi:
 *
 * Shows what the figure takes from its KPI and the KPI's other figures: the
 * unit, for an actual its achievement against the year's target, and the
 * KPI's name in the names a screen reader says.
 */
void
kk_kpi_value_row_show_kpi (KkKpiValueRow *self)
{
  gboolean actual = kk_kpi_value_get_kind (self->value) == KK_KPI_KIND_ACTUAL;
  double ratio;

  g_return_if_fail (KK_IS_KPI_VALUE_ROW (self));

  gtk_label_set_text (self->unit_label, kk_kpi_get_unit (self->kpi));
  if (actual && kk_kpi_get_achievement (self->kpi, kk_kpi_value_get_fiscal_year (self->value),
                                        &ratio) && isfinite (ratio))
    {
      g_autofree char *percent = kk_format_percent (ratio);
      /* Translators: the achievement of an actual against its target: 達成率 95.0% */
      g_autofree char *text = g_strdup_printf (_("Achievement %s"), percent);

      gtk_label_set_text (self->achievement_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->achievement_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->achievement_label), FALSE);
  kk_kpi_value_row_name_controls (self);
}

static void
kk_kpi_value_row_show (KkKpiValueRow *self)
{
  KkKpiValue *value = self->value;

  self->showing = TRUE;
  if (gtk_spin_button_get_value_as_int (self->year_spin) != kk_kpi_value_get_fiscal_year (value))
    gtk_spin_button_set_value (self->year_spin, kk_kpi_value_get_fiscal_year (value));
  gtk_drop_down_set_selected (self->kind_drop, kk_kpi_value_get_kind (value));
  self->showing = FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    kk_field_show (self->fields[i]);
  kk_kpi_value_row_show_kpi (self);
}

/* A figure refused for want of a note goes in once the note is there, and
 * the other way round. */
static void
kk_kpi_value_row_value_notified (KkKpiValueRow *self)
{
  kk_kpi_value_row_show (self);
  kk_field_retry (self->fields[FIELD_FIGURE]);
  kk_field_retry (self->fields[FIELD_NOTE]);
}

static void
kk_kpi_value_row_show_errors (KkKpiValueRow *self)
{
  kk_field_show_first_error (GTK_WIDGET (self->error_label), self->error_label, self->fields,
                             G_N_ELEMENTS (self->fields), self->year_error);
}

static void
kk_kpi_value_row_set_year_error (KkKpiValueRow *self,
                                 const GError  *error)
{
  g_autofree char *kept = NULL;

  g_clear_pointer (&self->year_error, g_free);
  if (error != NULL)
    {
      kept = kk_format_fiscal_year (kk_kpi_value_get_fiscal_year (self->value));
      self->year_error = kk_field_dup_refusal (error, kept);
    }
  kk_field_mark_invalid (GTK_WIDGET (self->year_spin), error != NULL);
  kk_kpi_value_row_show_errors (self);
}

/* ------------------------------------------------------------------------ */
/* Writing to the model                                                     */

/* A plan says 未定 where it sets no figure: the note stands for the value. */
static gboolean
kk_kpi_value_row_refuse_no_value (GError **error)
{
  g_set_error_literal (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                       _("A figure without a value needs a note, such as 未定."));
  return FALSE;
}

static gboolean
kk_kpi_value_row_check_figure (KkKpiValueRow  *self,
                               const GValue   *value,
                               GError        **error)
{
  if (G_IS_VALUE (value) || !kk_field_text_is_blank (kk_kpi_value_get_note (self->value)))
    return TRUE;
  return kk_kpi_value_row_refuse_no_value (error);
}

static gboolean
kk_kpi_value_row_check_note (KkKpiValueRow  *self,
                             const GValue   *value,
                             GError        **error)
{
  if (kk_kpi_value_get_has_value (self->value) || g_value_get_string (value) != NULL)
    return TRUE;
  return kk_kpi_value_row_refuse_no_value (error);
}

/* A figure that had no value gains one in the same step as its number, so
 * that undo takes it back to none: has-value first, as undo goes backwards
 * and clearing it must come after the number is put back. */
static void
kk_kpi_value_row_apply_figure (KkKpiValueRow *self,
                               const GValue  *value)
{
  KkHistory *history = kk_plan_get_history (self->plan);

  if (!G_IS_VALUE (value))
    {
      kk_plan_edit (self->plan, self->value, "has-value", FALSE);
      return;
    }
  kk_history_begin_group (history);
  kk_plan_edit (self->plan, self->value, "has-value", TRUE);
  kk_plan_edit_value (self->plan, self->value, "value", value);
  kk_history_end_group (history);
}

static void
kk_kpi_value_row_year_changed (KkKpiValueRow *self)
{
  if (!self->showing)
    kk_plan_edit (self->plan, self->value, "fiscal-year",
                  gtk_spin_button_get_value_as_int (self->year_spin));
}

static void
kk_kpi_value_row_kind_changed (KkKpiValueRow *self)
{
  if (!self->showing)
    kk_plan_edit (self->plan, self->value, "kind", gtk_drop_down_get_selected (self->kind_drop));
}

/* The fiscal year spin button shows and reads 令和6年度. */
static gboolean
kk_kpi_value_row_year_output (GtkSpinButton *spin)
{
  g_autofree char *text = kk_format_fiscal_year (gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* A year that cannot be read is refused, and says so: the spin button
 * updates only with a valid one, where it would put its lowest. */
static int
kk_kpi_value_row_year_input (GtkSpinButton *spin,
                             double        *new_value,
                             KkKpiValueRow *self)
{
  g_autoptr(GError) error = NULL;
  int year;

  if (!kk_parse_fiscal_year (gtk_editable_get_text (GTK_EDITABLE (spin)), &year, &error))
    {
      kk_kpi_value_row_set_year_error (self, error);
      return GTK_INPUT_ERROR;
    }
  kk_kpi_value_row_set_year_error (self, NULL);
  *new_value = year;
  return TRUE;
}

static void
kk_kpi_value_row_move_up (KkKpiValueRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
kk_kpi_value_row_move_down (KkKpiValueRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, 1);
}

static void
kk_kpi_value_row_remove (KkKpiValueRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static KkField *
kk_kpi_value_row_add_field (KkKpiValueRow *self,
                            GtkEntry      *entry,
                            KkFieldKind    kind,
                            const char    *property)
{
  KkField *field = kk_field_new (GTK_WIDGET (entry), kind, property,
                                 gtk_widget_get_tooltip_text (GTK_WIDGET (entry)));

  g_signal_connect_object (field, "notify::error", G_CALLBACK (kk_kpi_value_row_show_errors),
                           self, G_CONNECT_SWAPPED);
  kk_field_set_target (field, self->plan, self->value);
  return field;
}

static void
kk_kpi_value_row_dispose (GObject *object)
{
  KkKpiValueRow *self = KK_KPI_VALUE_ROW (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->fields); i++)
    g_clear_object (&self->fields[i]);
  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_KPI_VALUE_ROW);
  g_clear_object (&self->value);
  g_clear_object (&self->kpi);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (kk_kpi_value_row_parent_class)->dispose (object);
}

static void
kk_kpi_value_row_finalize (GObject *object)
{
  KkKpiValueRow *self = KK_KPI_VALUE_ROW (object);

  g_free (self->year_error);

  G_OBJECT_CLASS (kk_kpi_value_row_parent_class)->finalize (object);
}

static void
kk_kpi_value_row_class_init (KkKpiValueRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_kpi_value_row_dispose;
  object_class->finalize = kk_kpi_value_row_finalize;

  /**
   * KkKpiValueRow::move:
   * @offset: -1 to move the figure up, 1 down
   *
   * The clerk asks to move the figure among the KPI's.
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * KkKpiValueRow::remove:
   *
   * The clerk asks to remove the figure.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-kpi-value-row.ui");
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, achievement_label);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, figure_entry);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, kind_drop);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, unit_label);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, KkKpiValueRow, year_spin);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_value_row_kind_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_value_row_move_down);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_value_row_move_up);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_value_row_remove);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_value_row_year_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_value_row_year_input);
  gtk_widget_class_bind_template_callback (widget_class, kk_kpi_value_row_year_output);
}

static void
kk_kpi_value_row_init (KkKpiValueRow *self)
{
  self->showing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->showing = FALSE;
}

/**
 * kk_kpi_value_row_new:
 * @kpi: the KPI @value is a figure of
 *
 * Returns: a row editing @value in @plan
 */
GtkWidget *
kk_kpi_value_row_new (KkPlan     *plan,
                      KkKpi      *kpi,
                      KkKpiValue *value)
{
  KkKpiValueRow *self;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (KK_IS_KPI (kpi), NULL);
  g_return_val_if_fail (KK_IS_KPI_VALUE (value), NULL);

  self = g_object_new (KK_TYPE_KPI_VALUE_ROW, NULL);
  self->plan = g_object_ref (plan);
  self->kpi = g_object_ref (kpi);
  self->value = g_object_ref (value);
  self->fields[FIELD_FIGURE] = kk_kpi_value_row_add_field (self, self->figure_entry, KK_FIELD_FIGURE,
                                                   "value");
  kk_field_set_check (self->fields[FIELD_FIGURE], (KkFieldCheck)kk_kpi_value_row_check_figure, self);
  kk_field_set_apply (self->fields[FIELD_FIGURE], (KkFieldApply)kk_kpi_value_row_apply_figure, self);
  self->fields[FIELD_AS_OF] = kk_kpi_value_row_add_field (self, self->as_of_entry, KK_FIELD_DATE, "as-of");
  self->fields[FIELD_NOTE] = kk_kpi_value_row_add_field (self, self->note_entry, KK_FIELD_OPTIONAL_TEXT,
                                                 "note");
  kk_field_set_check (self->fields[FIELD_NOTE], (KkFieldCheck)kk_kpi_value_row_check_note, self);
  g_signal_connect_object (value, "notify", G_CALLBACK (kk_kpi_value_row_value_notified), self,
                           G_CONNECT_SWAPPED);
  kk_kpi_value_row_show (self);
  return GTK_WIDGET (self);
}

KkKpiValue *
kk_kpi_value_row_get_value (KkKpiValueRow *self)
{
  g_return_val_if_fail (KK_IS_KPI_VALUE_ROW (self), NULL);
  return self->value;
}

/**
 * kk_move_buttons_update:
 *
 * Up for the first and down for the last make no sense.
 */
void
kk_move_buttons_update (GtkWidget *up_button,
                        GtkWidget *down_button,
                        guint      position,
                        guint      n_items)
{
  gtk_widget_set_sensitive (up_button, position > 0);
  gtk_widget_set_sensitive (down_button, position + 1 < n_items);
}

/**
 * kk_move_buttons_focus:
 * @offset: the move just made
 *
 * After a move the rows are new: keyboard focus goes back to the button
 * pressed, or to the other one at the end of the list.
 */
void
kk_move_buttons_focus (GtkWidget *up_button,
                       GtkWidget *down_button,
                       int        offset)
{
  GtkWidget *pressed = offset < 0 ? up_button : down_button;

  gtk_widget_grab_focus (gtk_widget_get_sensitive (pressed) ? pressed
                         : offset < 0 ? down_button : up_button);
}

void
kk_kpi_value_row_set_position (KkKpiValueRow *self,
                               guint          position,
                               guint          n_values)
{
  g_return_if_fail (KK_IS_KPI_VALUE_ROW (self));
  kk_move_buttons_update (self->up_button, self->down_button, position, n_values);
}

void
kk_kpi_value_row_focus_year (KkKpiValueRow *self)
{
  g_return_if_fail (KK_IS_KPI_VALUE_ROW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->year_spin));
}

void
kk_kpi_value_row_focus_move (KkKpiValueRow *self,
                             int            offset)
{
  g_return_if_fail (KK_IS_KPI_VALUE_ROW (self));
  kk_move_buttons_focus (self->up_button, self->down_button, offset);
}

/**
 * kk_kpi_value_row_reset:
 *
 * Shows the plan's figure again in every field, after an undo or a redo.
 */
void
kk_kpi_value_row_reset (KkKpiValueRow *self)
{
  g_return_if_fail (KK_IS_KPI_VALUE_ROW (self));
  kk_fields_reset (self->fields, G_N_ELEMENTS (self->fields));
  kk_kpi_value_row_set_year_error (self, NULL);
}

void
kk_kpi_value_row_commit (KkKpiValueRow *self)
{
  g_return_if_fail (KK_IS_KPI_VALUE_ROW (self));
  kk_fields_commit (self->fields, G_N_ELEMENTS (self->fields));
}
