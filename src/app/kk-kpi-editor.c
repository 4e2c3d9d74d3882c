/* kk-kpi-editor.c: the KPIs of a sheet (成果目標値) and their figures
 *
 * One expander row a KPI, holding its fields and one row a figure. As in the
 * program editor, every field writes through kk_plan_edit() or, while the
 * clerk types, kk_plan_edit_typing(), and adding, removing and moving KPIs
 * and figures goes through the plan's history, so that each change is one
 * step of undo. The rows follow the model: they are rebuilt when a list
 * changes and refreshed on notify, a field only rewritten when it means
 * something else than the model holds, so that typing is never disturbed.
 * What a plan file may not hold (a KPI without a name, a figure with neither
 * a value nor a note, a date not written YYYY-MM-DD) stays in its field with
 * a message, and the model is left as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kk-field.h"
#include "kk-format.h"
#include "kk-kpi-editor.h"

typedef struct
{
  const char *property;
  const char *title;
  const char *widget_name;
  /* Why a blank field is refused, as a plan file refuses an empty name; or
   * %NULL when it may be blank (a unit may be, the file format says). */
  const char *blank_message;
  /* An empty field means no text (NULL) rather than an empty one. */
  gboolean nullable;
} KkKpiTextField;

static const KkKpiTextField kk_kpi_text_fields[] = {
  { "name", N_("Na_me"), "kpi-name", N_("A KPI needs a name"), FALSE },
  { "label", N_("_Number as printed, such as (1)"), "kpi-label", NULL, TRUE },
  { "group", N_("_Group heading, shared with other KPIs"), "kpi-group", NULL, TRUE },
  { "unit", N_("Un_it"), "kpi-unit", NULL, FALSE },
  { "note", N_("R_emark on the KPI"), "kpi-note", NULL, TRUE },
};

/* In the order of KkComparator and KkKpiKind. */
static const char * const kk_comparator_names[] = {
  N_("Exactly"),
  N_("At least"),
  N_("At most"),
};

static const char * const kk_kind_names[] = {
  NC_("KPI figure", "Plan"),
  NC_("KPI figure", "Target"),
  NC_("KPI figure", "Actual"),
  NC_("KPI figure", "Forecast"),
};

typedef struct _KkKpiRow KkKpiRow;

/* The fields of one figure, owned by its row. */
typedef struct
{
  KkKpiRow *kpi_row;
  KkKpiValue *value;
  GtkWidget *row;
  GtkSpinButton *year_spin;
  GtkDropDown *kind_drop;
  GtkEntry *figure_entry;
  GtkLabel *unit_label;
  GtkEntry *as_of_entry;
  GtkEntry *note_entry;
  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkLabel *error_label;
} KkValueRow;

/* The fields of one KPI, owned by its expander row. */
struct _KkKpiRow
{
  KkKpiEditor *editor;
  KkKpi *kpi;
  AdwExpanderRow *row;
  AdwEntryRow *text_rows[G_N_ELEMENTS (kk_kpi_text_fields)];
  AdwComboRow *comparator_row;
  GtkWidget *error_row;
  GtkLabel *error_label;
  GtkWidget *up_button;
  GtkWidget *down_button;
  /* The fields and figures are built when the row is first expanded: a
   * program's sheet is shown each time it is selected, mostly collapsed. */
  gboolean built;
  /* The rows of the figures, in the order of the KPI's values, and the row
   * after them that adds one: rebuilt together when the values change. */
  GPtrArray *value_rows;
  GtkWidget *add_value_row;
  /* Every value, built or not: any may change last year's achievement. */
  GPtrArray *watched_values;
};

struct _KkKpiEditor
{
  AdwBin parent_instance;

  KkPlan *plan;
  KkSheet *sheet;
  /* Set while the fields are filled from the model, so that they do not
   * write back what they were just given. */
  gboolean refreshing;

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

static void kk_value_row_figure_changed (KkValueRow *vr);
static void kk_value_row_note_changed   (KkValueRow *vr);

/* ------------------------------------------------------------------------ */
/* Messages                                                                 */

static gboolean
kk_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static gboolean
kk_field_has_error (gpointer field)
{
  return g_object_get_data (G_OBJECT (field), "kk-error") != NULL;
}

/* Marks @field as holding what the model cannot take, with @message, or as
 * accepted when @message is %NULL. */
static void
kk_field_set_error (gpointer    field,
                    const char *message)
{
  g_object_set_data_full (G_OBJECT (field), "kk-error", g_strdup (message), g_free);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (field), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (field), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows the message of the first of @fields in error in @label, and
 * @container only while there is one. */
static void
kk_show_first_error (GtkWidget  *container,
                     GtkLabel   *label,
                     gpointer   *fields,
                     guint       n_fields)
{
  const char *message = NULL;

  for (guint i = 0; i < n_fields && message == NULL; i++)
    message = g_object_get_data (G_OBJECT (fields[i]), "kk-error");
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (container, message != NULL);
}

static void
kk_kpi_row_set_error (KkKpiRow   *kr,
                      gpointer    field,
                      const char *message)
{
  kk_field_set_error (field, message);
  kk_show_first_error (kr->error_row, kr->error_label, (gpointer *)kr->text_rows,
                       G_N_ELEMENTS (kr->text_rows));
}

static void
kk_value_row_set_error (KkValueRow *vr,
                        gpointer    field,
                        const char *message)
{
  gpointer fields[] = { vr->figure_entry, vr->as_of_entry, vr->note_entry };

  kk_field_set_error (field, message);
  kk_show_first_error (GTK_WIDGET (vr->error_label), vr->error_label, fields,
                       G_N_ELEMENTS (fields));
}

/* ------------------------------------------------------------------------ */
/* Reading from the model                                                   */

/* A field in error keeps what the clerk typed until it is corrected. */
static void
kk_editable_show_text (GtkEditable *editable,
                       const char  *text)
{
  if (!kk_field_has_error (editable) &&
      g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

static void
kk_editable_show_figure (GtkEditable *editable,
                         KkKpiValue  *value)
{
  const char *shown = gtk_editable_get_text (editable);
  g_autofree char *text = NULL;
  double number;

  if (kk_field_has_error (editable))
    return;
  if (!kk_kpi_value_get_has_value (value))
    {
      if (!kk_text_is_blank (shown))
        gtk_editable_set_text (editable, "");
      return;
    }
  /* 1,000 and １０００ are what the model holds as much as 1000 is. */
  if (kk_parse_number (shown, &number, NULL) && number == kk_kpi_value_get_value (value))
    return;
  text = kk_format_number (kk_kpi_value_get_value (value));
  gtk_editable_set_text (editable, text);
}

/* What a date field means: %NULL when blank, the date as YYYY-MM-DD, or
 * FALSE when it is no date. */
static gboolean
kk_as_of_from_text (const char  *text,
                    char       **as_of,
                    GError     **error)
{
  *as_of = NULL;
  return kk_text_is_blank (text) || kk_parse_date (text, as_of, error);
}

static void
kk_editable_show_as_of (GtkEditable *editable,
                        const char  *as_of)
{
  g_autofree char *shown = NULL;

  if (kk_field_has_error (editable) ||
      (kk_as_of_from_text (gtk_editable_get_text (editable), &shown, NULL) &&
       g_strcmp0 (shown, as_of) == 0))
    return;
  gtk_editable_set_text (editable, as_of ? as_of : "");
}

static void
kk_value_row_show (KkValueRow *vr)
{
  KkKpiValue *value = vr->value;

  if (gtk_spin_button_get_value_as_int (vr->year_spin) != kk_kpi_value_get_fiscal_year (value))
    gtk_spin_button_set_value (vr->year_spin, kk_kpi_value_get_fiscal_year (value));
  gtk_drop_down_set_selected (vr->kind_drop, kk_kpi_value_get_kind (value));
  kk_editable_show_figure (GTK_EDITABLE (vr->figure_entry), value);
  gtk_label_set_text (vr->unit_label, kk_kpi_get_unit (vr->kpi_row->kpi));
  kk_editable_show_as_of (GTK_EDITABLE (vr->as_of_entry), kk_kpi_value_get_as_of (value));
  kk_editable_show_text (GTK_EDITABLE (vr->note_entry), kk_kpi_value_get_note (value));
}

/* The title names the KPI as the plan prints it, under its group heading;
 * the subtitle says what a collapsed row hides: its unit, how its target is
 * met and last year's achievement. */
static void
kk_kpi_row_show_summary (KkKpiRow *kr)
{
  KkKpi *kpi = kr->kpi;
  const char *group = kk_kpi_get_group (kpi);
  const char *unit = kk_kpi_get_unit (kpi);
  KkComparator comparator = kk_kpi_get_comparator (kpi);
  int last_year = kk_plan_get_fiscal_year (kr->editor->plan) - 1;
  g_autofree char *year = kk_format_fiscal_year (last_year);
  g_autofree char *title = NULL;
  g_autofree char *percent = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  double ratio;

  if (group != NULL && *group != '\0')
    title = g_strdup_printf ("%s %s", group, kk_kpi_get_name (kpi));
  else
    title = g_strdup (kk_kpi_get_name (kpi));

  if (*unit != '\0')
    g_ptr_array_add (parts, g_strdup_printf (_("Unit: %s"), unit));
  if (comparator != KK_COMPARATOR_EXACT)
    g_ptr_array_add (parts, g_strdup (_(kk_comparator_names[comparator])));
  if (kk_kpi_get_achievement (kpi, last_year, &ratio) && isfinite (ratio))
    percent = kk_format_percent (ratio);
  else
    percent = g_strdup ("—");
  /* Translators: last fiscal year's achievement: 令和5年度の達成率：128.6% */
  g_ptr_array_add (parts, g_strdup_printf (_("Achievement in %s: %s"), year, percent));
  g_ptr_array_add (parts, NULL);
  subtitle = g_strjoinv (" · ", (char **)parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kr->row), title);
  adw_expander_row_set_subtitle (kr->row, subtitle);
}

static void
kk_kpi_row_show (KkKpiRow *kr)
{
  kk_kpi_row_show_summary (kr);
  if (!kr->built)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kk_kpi_text_fields); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (kr->kpi, kk_kpi_text_fields[i].property, &text, NULL);
      kk_editable_show_text (GTK_EDITABLE (kr->text_rows[i]), text);
    }
  adw_combo_row_set_selected (kr->comparator_row, kk_kpi_get_comparator (kr->kpi));
  for (guint i = 0; i < kr->value_rows->len; i++)
    {
      KkValueRow *vr = g_object_get_data (g_ptr_array_index (kr->value_rows, i), "kk-value-row");

      gtk_label_set_text (vr->unit_label, kk_kpi_get_unit (kr->kpi));
    }
}

static void
kk_kpi_row_notified (GtkWidget *row)
{
  KkKpiRow *kr = g_object_get_data (G_OBJECT (row), "kk-kpi-row");

  kr->editor->refreshing = TRUE;
  kk_kpi_row_show (kr);
  kr->editor->refreshing = FALSE;
}

static void
kk_value_row_notified (GtkWidget *row)
{
  KkValueRow *vr = g_object_get_data (G_OBJECT (row), "kk-value-row");
  KkKpiEditor *self = vr->kpi_row->editor;

  self->refreshing = TRUE;
  kk_value_row_show (vr);
  self->refreshing = FALSE;
}

static void
kk_kpi_row_value_notified (GtkWidget *row)
{
  kk_kpi_row_show_summary (g_object_get_data (G_OBJECT (row), "kk-kpi-row"));
}

static void
kk_kpi_row_watch_values (KkKpiRow *kr)
{
  GListModel *values = kk_kpi_get_values (kr->kpi);

  for (guint i = 0; i < kr->watched_values->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (kr->watched_values, i),
                                          kk_kpi_row_value_notified, kr->row);
  g_ptr_array_set_size (kr->watched_values, 0);
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      KkKpiValue *value = g_list_model_get_item (values, i);

      g_signal_connect_object (value, "notify", G_CALLBACK (kk_kpi_row_value_notified), kr->row,
                               G_CONNECT_SWAPPED);
      g_ptr_array_add (kr->watched_values, value);
    }
}

/* ------------------------------------------------------------------------ */
/* Writing to the model                                                     */

static gboolean
kk_kpi_editor_is_editing (KkKpiEditor *self)
{
  return self->sheet != NULL && !self->refreshing;
}

static void
kk_kpi_editor_type_string (KkKpiEditor *self,
                           gpointer     object,
                           const char  *property,
                           const char  *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  kk_plan_edit_typing (self->plan, object, property, &value);
}

/* A figure that had no value gains one in the same step as its number, so
 * that undo takes it back to none: has-value first, as undo goes backwards
 * and clearing it must come after the number is put back. */
static void
kk_kpi_editor_type_number (KkKpiEditor *self,
                           KkKpiValue  *value,
                           double       number)
{
  KkHistory *history = kk_plan_get_history (self->plan);
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, number);
  if (kk_kpi_value_get_has_value (value))
    {
      kk_plan_edit_typing (self->plan, value, "value", &gvalue);
      return;
    }
  kk_history_begin_group (history);
  kk_plan_edit (self->plan, value, "has-value", TRUE);
  kk_plan_edit_value (self->plan, value, "value", &gvalue);
  kk_history_end_group (history);
}

static void
kk_kpi_row_text_changed (KkKpiRow    *kr,
                         GtkEditable *editable)
{
  const KkKpiTextField *field = g_object_get_data (G_OBJECT (editable), "kk-field");
  const char *text = gtk_editable_get_text (editable);

  if (!kk_kpi_editor_is_editing (kr->editor))
    return;
  if (field->blank_message != NULL && kk_text_is_blank (text))
    {
      kk_kpi_row_set_error (kr, editable, _(field->blank_message));
      return;
    }
  kk_kpi_row_set_error (kr, editable, NULL);
  kk_kpi_editor_type_string (kr->editor, kr->kpi, field->property,
                             field->nullable && *text == '\0' ? NULL : text);
}

static void
kk_kpi_row_comparator_changed (KkKpiRow *kr)
{
  if (kk_kpi_editor_is_editing (kr->editor))
    kk_plan_edit (kr->editor->plan, kr->kpi, "comparator",
                  adw_combo_row_get_selected (kr->comparator_row));
}

static void
kk_value_row_year_changed (KkValueRow *vr)
{
  if (kk_kpi_editor_is_editing (vr->kpi_row->editor))
    kk_plan_edit (vr->kpi_row->editor->plan, vr->value, "fiscal-year",
                  gtk_spin_button_get_value_as_int (vr->year_spin));
}

static void
kk_value_row_kind_changed (KkValueRow *vr)
{
  if (kk_kpi_editor_is_editing (vr->kpi_row->editor))
    kk_plan_edit (vr->kpi_row->editor->plan, vr->value, "kind",
                  gtk_drop_down_get_selected (vr->kind_drop));
}

/* A plan says 未定 where it sets no figure: the note stands for the value. */
static const char *
kk_no_value_message (void)
{
  return _("A figure without a value needs a note, such as 未定");
}

static void
kk_value_row_figure_changed (KkValueRow *vr)
{
  KkKpiEditor *self = vr->kpi_row->editor;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (vr->figure_entry));
  g_autoptr(GError) error = NULL;
  double number;

  if (!kk_kpi_editor_is_editing (self))
    return;
  if (kk_text_is_blank (text))
    {
      if (kk_text_is_blank (kk_kpi_value_get_note (vr->value)))
        {
          kk_value_row_set_error (vr, vr->figure_entry, kk_no_value_message ());
          return;
        }
      kk_value_row_set_error (vr, vr->figure_entry, NULL);
      kk_plan_edit (self->plan, vr->value, "has-value", FALSE);
    }
  else if (!kk_parse_number (text, &number, &error))
    {
      kk_value_row_set_error (vr, vr->figure_entry, error->message);
      return;
    }
  else
    {
      kk_value_row_set_error (vr, vr->figure_entry, NULL);
      kk_kpi_editor_type_number (self, vr->value, number);
    }
  /* A note cleared while there was no value may go now. */
  if (kk_field_has_error (vr->note_entry))
    kk_value_row_note_changed (vr);
}

static void
kk_value_row_note_changed (KkValueRow *vr)
{
  KkKpiEditor *self = vr->kpi_row->editor;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (vr->note_entry));

  if (!kk_kpi_editor_is_editing (self))
    return;
  if (!kk_kpi_value_get_has_value (vr->value) && kk_text_is_blank (text))
    {
      kk_value_row_set_error (vr, vr->note_entry, kk_no_value_message ());
      return;
    }
  kk_value_row_set_error (vr, vr->note_entry, NULL);
  kk_kpi_editor_type_string (self, vr->value, "note", *text != '\0' ? text : NULL);
  /* A value cleared while there was no note may go now. */
  if (kk_field_has_error (vr->figure_entry))
    kk_value_row_figure_changed (vr);
}

static void
kk_value_row_as_of_changed (KkValueRow *vr)
{
  KkKpiEditor *self = vr->kpi_row->editor;
  g_autoptr(GError) error = NULL;
  g_autofree char *as_of = NULL;

  if (!kk_kpi_editor_is_editing (self))
    return;
  if (!kk_as_of_from_text (gtk_editable_get_text (GTK_EDITABLE (vr->as_of_entry)), &as_of, &error))
    {
      kk_value_row_set_error (vr, vr->as_of_entry, error->message);
      return;
    }
  kk_value_row_set_error (vr, vr->as_of_entry, NULL);
  kk_kpi_editor_type_string (self, vr->value, "as-of", as_of);
}

/* ------------------------------------------------------------------------ */
/* Adding, removing and moving                                              */

static guint
kk_store_position (GListModel *store,
                   gpointer    item)
{
  guint position = 0;
  gboolean found = g_list_store_find (G_LIST_STORE (store), item, &position);

  g_assert (found);
  return position;
}

/* Moves @item by @offset places, as one step of undo. */
static guint
kk_kpi_editor_move_item (KkKpiEditor *self,
                         GListModel  *store,
                         gpointer     item,
                         int          offset)
{
  KkHistory *history = kk_plan_get_history (self->plan);
  g_autoptr(GObject) moved = g_object_ref (item);
  guint position = kk_store_position (store, item);
  guint target = position + offset;

  g_assert (target < g_list_model_get_n_items (store));
  kk_history_begin_group (history);
  kk_history_remove_item (history, G_LIST_STORE (store), position);
  kk_history_insert_item (history, G_LIST_STORE (store), target, moved);
  kk_history_end_group (history);
  return target;
}

/* Up for the first and down for the last make no sense. */
static void
kk_update_move_buttons (GtkWidget *up_button,
                        GtkWidget *down_button,
                        guint      position,
                        guint      n_items)
{
  gtk_widget_set_sensitive (up_button, position > 0);
  gtk_widget_set_sensitive (down_button, position + 1 < n_items);
}

/* After a move the rows are new: keyboard focus goes back to the button
 * pressed, or to the other one at the end of the list. */
static void
kk_focus_move_button (GtkWidget *up_button,
                      GtkWidget *down_button,
                      int        offset)
{
  GtkWidget *pressed = offset < 0 ? up_button : down_button;

  gtk_widget_grab_focus (gtk_widget_get_sensitive (pressed) ? pressed
                         : offset < 0 ? down_button : up_button);
}

static KkKpiRow *
kk_kpi_editor_get_kpi_row (KkKpiEditor *self,
                           guint        position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->kpi_list, position);

  return row ? g_object_get_data (G_OBJECT (row), "kk-kpi-row") : NULL;
}

static KkValueRow *
kk_kpi_row_get_value_row (KkKpiRow *kr,
                          guint     position)
{
  return g_object_get_data (g_ptr_array_index (kr->value_rows, position), "kk-value-row");
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
  adw_expander_row_set_expanded (added->row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (added->text_rows[0]));
}

static void
kk_kpi_row_remove (KkKpiRow *kr)
{
  KkKpiEditor *self = kr->editor;
  GListModel *kpis = kk_sheet_get_kpis (self->sheet);
  guint position = kk_store_position (kpis, kr->kpi);
  guint n_left;

  /* The row and kr go with the KPI. */
  kk_history_remove_item (kk_plan_get_history (self->plan), G_LIST_STORE (kpis), position);
  n_left = g_list_model_get_n_items (kpis);
  if (n_left == 0)
    gtk_widget_grab_focus (self->add_kpi_button);
  else
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->kpi_list,
                                                                      MIN (position, n_left - 1))));
}

static void
kk_kpi_row_move (KkKpiRow *kr,
                 int       offset)
{
  KkKpiEditor *self = kr->editor;
  gboolean expanded = adw_expander_row_get_expanded (kr->row);
  KkKpiRow *moved;
  guint position;

  /* The row and kr go with the move; a new row stands for the KPI. */
  position = kk_kpi_editor_move_item (self, kk_sheet_get_kpis (self->sheet), kr->kpi, offset);
  moved = kk_kpi_editor_get_kpi_row (self, position);
  adw_expander_row_set_expanded (moved->row, expanded);
  kk_focus_move_button (moved->up_button, moved->down_button, offset);
}

static void
kk_kpi_row_move_up (KkKpiRow *kr)
{
  kk_kpi_row_move (kr, -1);
}

static void
kk_kpi_row_move_down (KkKpiRow *kr)
{
  kk_kpi_row_move (kr, 1);
}

/* A new figure is this year's target: what a plan sets most. It starts at
 * 0 rather than without a value, which would need a note. */
static void
kk_kpi_row_add_value (KkKpiRow *kr)
{
  KkKpiEditor *self = kr->editor;
  GListModel *values = kk_kpi_get_values (kr->kpi);
  guint position = g_list_model_get_n_items (values);
  g_autoptr(KkKpiValue) value = kk_kpi_value_new (kk_plan_get_fiscal_year (self->plan),
                                                  KK_KPI_KIND_TARGET);

  kk_kpi_value_set_value (value, 0);
  kk_history_insert_item (kk_plan_get_history (self->plan), G_LIST_STORE (values), position, value);
  gtk_widget_grab_focus (GTK_WIDGET (kk_kpi_row_get_value_row (kr, position)->year_spin));
}

static void
kk_value_row_remove (KkValueRow *vr)
{
  KkKpiRow *kr = vr->kpi_row;
  GListModel *values = kk_kpi_get_values (kr->kpi);
  guint position = kk_store_position (values, vr->value);
  guint n_left;

  /* The row and vr go with the figure. */
  kk_history_remove_item (kk_plan_get_history (kr->editor->plan), G_LIST_STORE (values), position);
  n_left = g_list_model_get_n_items (values);
  if (n_left == 0)
    gtk_widget_grab_focus (gtk_widget_get_first_child (kr->add_value_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (kk_kpi_row_get_value_row (kr, MIN (position, n_left - 1))
                                       ->year_spin));
}

static void
kk_value_row_move (KkValueRow *vr,
                   int         offset)
{
  KkKpiRow *kr = vr->kpi_row;
  KkValueRow *moved;
  guint position;

  /* The row and vr go with the move. */
  position = kk_kpi_editor_move_item (kr->editor, kk_kpi_get_values (kr->kpi), vr->value, offset);
  moved = kk_kpi_row_get_value_row (kr, position);
  kk_focus_move_button (moved->up_button, moved->down_button, offset);
}

static void
kk_value_row_move_up (KkValueRow *vr)
{
  kk_value_row_move (vr, -1);
}

static void
kk_value_row_move_down (KkValueRow *vr)
{
  kk_value_row_move (vr, 1);
}

static void
kk_kpi_editor_kpis_changed (KkKpiEditor *self)
{
  GListModel *kpis = kk_sheet_get_kpis (self->sheet);
  guint n = g_list_model_get_n_items (kpis);

  for (guint i = 0; i < n; i++)
    {
      KkKpiRow *kr = kk_kpi_editor_get_kpi_row (self, i);

      kk_update_move_buttons (kr->up_button, kr->down_button, i, n);
    }
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

static GListModel *
kk_translated_list_new (const char         *context,
                        const char * const *names,
                        guint               n_names)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_names; i++)
    gtk_string_list_append (list, context ? g_dpgettext2 (GETTEXT_PACKAGE, context, names[i])
                                          : _(names[i]));
  return G_LIST_MODEL (list);
}

static void
kk_widget_set_label (gpointer    widget,
                     const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* An icon button says what it does in its tooltip and to screen readers. */
static GtkWidget *
kk_icon_button_new (const char *name,
                    const char *icon_name,
                    const char *label,
                    GCallback   callback,
                    gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  kk_widget_set_label (button, label);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

static GtkLabel *
kk_error_label_new (const char *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  return GTK_LABEL (label);
}

/* A row that only holds fields: Tab goes straight to them. */
static void
kk_list_box_row_hold (GtkWidget *row)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
}

static GtkWidget *
kk_entry_new (KkKpiEditor *self,
              const char  *name,
              const char  *label,
              const char  *placeholder,
              GCallback    changed,
              gpointer     data)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_name (entry, name);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_tooltip_text (entry, label);
  kk_widget_set_label (entry, label);
  g_signal_connect_swapped (entry, "changed", changed, data);
  kk_field_watch (GTK_WIDGET (entry), G_OBJECT (self));
  return entry;
}

/* The fiscal year spin button shows and reads 令和6年度. */
static gboolean
kk_year_spin_output (GtkSpinButton *spin)
{
  g_autofree char *text = kk_format_fiscal_year (gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
kk_year_spin_input (GtkSpinButton *spin,
                    double        *new_value)
{
  int year;

  if (!kk_parse_fiscal_year (gtk_editable_get_text (GTK_EDITABLE (spin)), &year, NULL))
    return GTK_INPUT_ERROR;
  *new_value = year;
  return TRUE;
}

static GtkWidget *
kk_year_spin_new (void)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 9999, 1);

  gtk_widget_set_name (spin, "figure-year");
  /* A numeric spin button drops what is not a digit, 令和 too. */
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), FALSE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 8);
  gtk_widget_set_tooltip_text (spin, _("Fiscal year"));
  kk_widget_set_label (spin, _("Fiscal year"));
  g_signal_connect (spin, "output", G_CALLBACK (kk_year_spin_output), NULL);
  g_signal_connect (spin, "input", G_CALLBACK (kk_year_spin_input), NULL);
  return spin;
}

static void
kk_value_row_free (KkValueRow *vr)
{
  g_clear_object (&vr->value);
  g_free (vr);
}

/* Two lines: what the figure is (year, kind, number and unit), then when
 * it stands and what the plan says beside it, with the buttons. */
static GtkWidget *
kk_value_row_new (KkKpiRow   *kr,
                  KkKpiValue *value)
{
  KkKpiEditor *self = kr->editor;
  KkValueRow *vr = g_new0 (KkValueRow, 1);
  GListModel *kinds;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *what = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *when = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  vr->kpi_row = kr;
  vr->value = g_object_ref (value);
  vr->row = gtk_list_box_row_new ();
  gtk_widget_set_name (vr->row, "figure");
  kk_list_box_row_hold (vr->row);
  g_object_set_data_full (G_OBJECT (vr->row), "kk-value-row", vr,
                          (GDestroyNotify)kk_value_row_free);
  g_object_set (box, "margin-top", 8, "margin-bottom", 8, "margin-start", 12, "margin-end", 6,
                NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (vr->row), box);

  vr->year_spin = GTK_SPIN_BUTTON (kk_year_spin_new ());
  g_signal_connect_swapped (vr->year_spin, "value-changed",
                            G_CALLBACK (kk_value_row_year_changed), vr);
  gtk_box_append (GTK_BOX (what), GTK_WIDGET (vr->year_spin));

  kinds = kk_translated_list_new ("KPI figure", kk_kind_names, G_N_ELEMENTS (kk_kind_names));
  vr->kind_drop = GTK_DROP_DOWN (gtk_drop_down_new (kinds, NULL));
  gtk_widget_set_name (GTK_WIDGET (vr->kind_drop), "figure-kind");
  gtk_widget_set_tooltip_text (GTK_WIDGET (vr->kind_drop), _("Kind of figure"));
  kk_widget_set_label (vr->kind_drop, _("Kind of figure"));
  g_signal_connect_swapped (vr->kind_drop, "notify::selected",
                            G_CALLBACK (kk_value_row_kind_changed), vr);
  gtk_box_append (GTK_BOX (what), GTK_WIDGET (vr->kind_drop));

  vr->figure_entry = GTK_ENTRY (kk_entry_new (self, "figure-value", _("Value"), _("No value"),
                                              G_CALLBACK (kk_value_row_figure_changed), vr));
  gtk_entry_set_input_purpose (vr->figure_entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_alignment (vr->figure_entry, 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (vr->figure_entry), 6);
  gtk_widget_set_hexpand (GTK_WIDGET (vr->figure_entry), TRUE);
  gtk_box_append (GTK_BOX (what), GTK_WIDGET (vr->figure_entry));

  vr->unit_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (vr->unit_label), "dim-label");
  gtk_box_append (GTK_BOX (what), GTK_WIDGET (vr->unit_label));

  vr->as_of_entry = GTK_ENTRY (kk_entry_new (self, "figure-as-of", _("As of, written YYYY-MM-DD"),
                                             _("As of"), G_CALLBACK (kk_value_row_as_of_changed),
                                             vr));
  gtk_editable_set_width_chars (GTK_EDITABLE (vr->as_of_entry), 10);
  gtk_box_append (GTK_BOX (when), GTK_WIDGET (vr->as_of_entry));

  vr->note_entry = GTK_ENTRY (kk_entry_new (self, "figure-note", _("Note"), _("Note"),
                                            G_CALLBACK (kk_value_row_note_changed), vr));
  gtk_editable_set_width_chars (GTK_EDITABLE (vr->note_entry), 6);
  gtk_widget_set_hexpand (GTK_WIDGET (vr->note_entry), TRUE);
  gtk_box_append (GTK_BOX (when), GTK_WIDGET (vr->note_entry));

  vr->up_button = kk_icon_button_new ("move-figure-up", "go-up-symbolic", _("Move Figure Up"),
                                      G_CALLBACK (kk_value_row_move_up), vr);
  gtk_box_append (GTK_BOX (when), vr->up_button);
  vr->down_button = kk_icon_button_new ("move-figure-down", "go-down-symbolic",
                                        _("Move Figure Down"),
                                        G_CALLBACK (kk_value_row_move_down), vr);
  gtk_box_append (GTK_BOX (when), vr->down_button);
  gtk_box_append (GTK_BOX (when),
                  kk_icon_button_new ("remove-figure", "user-trash-symbolic", _("Remove Figure"),
                                      G_CALLBACK (kk_value_row_remove), vr));

  vr->error_label = kk_error_label_new ("figure-error");
  gtk_widget_set_visible (GTK_WIDGET (vr->error_label), FALSE);

  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (vr->error_label));

  g_signal_connect_object (value, "notify", G_CALLBACK (kk_value_row_notified), vr->row,
                           G_CONNECT_SWAPPED);
  kk_value_row_show (vr);
  return vr->row;
}

static GtkWidget *
kk_add_value_row_new (KkKpiRow *kr)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  kk_list_box_row_hold (row);
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Add _Figure"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_name (button, "add-figure");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  g_object_set (button, "margin-top", 6, "margin-bottom", 6, "margin-start", 6, NULL);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (kk_kpi_row_add_value), kr);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), button);
  return row;
}

/* Rebuilt whole: a KPI has a handful of figures. */
static void
kk_kpi_row_fill_values (KkKpiRow *kr)
{
  GListModel *values = kk_kpi_get_values (kr->kpi);
  guint n = g_list_model_get_n_items (values);
  gboolean refreshing = kr->editor->refreshing;

  for (guint i = 0; i < kr->value_rows->len; i++)
    adw_expander_row_remove (kr->row, g_ptr_array_index (kr->value_rows, i));
  g_ptr_array_set_size (kr->value_rows, 0);
  if (kr->add_value_row != NULL)
    adw_expander_row_remove (kr->row, kr->add_value_row);

  kr->editor->refreshing = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);
      GtkWidget *row = kk_value_row_new (kr, value);
      KkValueRow *vr = g_object_get_data (G_OBJECT (row), "kk-value-row");

      kk_update_move_buttons (vr->up_button, vr->down_button, i, n);
      adw_expander_row_add_row (kr->row, row);
      g_ptr_array_add (kr->value_rows, row);
    }
  kr->editor->refreshing = refreshing;
  kr->add_value_row = kk_add_value_row_new (kr);
  adw_expander_row_add_row (kr->row, kr->add_value_row);
}

static void
kk_kpi_row_values_changed (GtkWidget *row)
{
  KkKpiRow *kr = g_object_get_data (G_OBJECT (row), "kk-kpi-row");

  kk_kpi_row_watch_values (kr);
  kk_kpi_row_show_summary (kr);
  if (kr->built)
    kk_kpi_row_fill_values (kr);
}

static void
kk_kpi_row_free (KkKpiRow *kr)
{
  g_clear_object (&kr->kpi);
  g_clear_pointer (&kr->value_rows, g_ptr_array_unref);
  g_clear_pointer (&kr->watched_values, g_ptr_array_unref);
  g_free (kr);
}

static void
kk_kpi_row_add_error_row (KkKpiRow *kr)
{
  kr->error_label = kk_error_label_new ("kpi-error");
  g_object_set (kr->error_label, "margin-top", 8, "margin-bottom", 8, "margin-start", 12,
                "margin-end", 12, NULL);
  kr->error_row = gtk_list_box_row_new ();
  kk_list_box_row_hold (kr->error_row);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (kr->error_row), GTK_WIDGET (kr->error_label));
  gtk_widget_set_visible (kr->error_row, FALSE);
  adw_expander_row_add_row (kr->row, kr->error_row);
}

static void
kk_kpi_row_add_fields (KkKpiRow *kr)
{
  g_autoptr(GListModel) comparators = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kk_kpi_text_fields); i++)
    {
      const KkKpiTextField *field = &kk_kpi_text_fields[i];
      GtkWidget *entry = adw_entry_row_new ();

      gtk_widget_set_name (entry, field->widget_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(field->title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (entry), TRUE);
      g_object_set_data (G_OBJECT (entry), "kk-field", (gpointer)field);
      g_signal_connect_swapped (entry, "changed", G_CALLBACK (kk_kpi_row_text_changed), kr);
      kk_field_watch (entry, G_OBJECT (kr->editor));
      adw_expander_row_add_row (kr->row, entry);
      kr->text_rows[i] = ADW_ENTRY_ROW (entry);
      /* Right below the one field that can be refused, the name. */
      if (field->blank_message != NULL)
        kk_kpi_row_add_error_row (kr);
    }

  comparators = kk_translated_list_new (NULL, kk_comparator_names,
                                        G_N_ELEMENTS (kk_comparator_names));
  kr->comparator_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (kr->comparator_row), "kpi-comparator");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kr->comparator_row),
                                 _("_When the target is met"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (kr->comparator_row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (kr->comparator_row),
                               _("How an actual compares with its target"));
  adw_combo_row_set_model (kr->comparator_row, comparators);
  g_signal_connect_swapped (kr->comparator_row, "notify::selected",
                            G_CALLBACK (kk_kpi_row_comparator_changed), kr);
  adw_expander_row_add_row (kr->row, GTK_WIDGET (kr->comparator_row));
}

static void
kk_kpi_row_expanded (KkKpiRow *kr)
{
  KkKpiEditor *self = kr->editor;
  gboolean refreshing = self->refreshing;

  if (kr->built || !adw_expander_row_get_expanded (kr->row))
    return;
  self->refreshing = TRUE;
  kk_kpi_row_add_fields (kr);
  kk_kpi_row_fill_values (kr);
  kr->built = TRUE;
  kk_kpi_row_show (kr);
  self->refreshing = refreshing;
}

static GtkWidget *
kk_kpi_editor_create_row (gpointer item,
                          gpointer user_data)
{
  KkKpiEditor *self = user_data;
  KkKpiRow *kr = g_new0 (KkKpiRow, 1);

  kr->editor = self;
  kr->kpi = g_object_ref (item);
  kr->value_rows = g_ptr_array_new ();
  kr->watched_values = g_ptr_array_new_with_free_func (g_object_unref);
  kr->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  gtk_widget_set_name (GTK_WIDGET (kr->row), "kpi");
  /* Names are the plan's text, not markup: 研究開発&実証 stays as it is. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (kr->row), FALSE);
  g_object_set_data_full (G_OBJECT (kr->row), "kk-kpi-row", kr, (GDestroyNotify)kk_kpi_row_free);

  kr->up_button = kk_icon_button_new ("move-kpi-up", "go-up-symbolic", _("Move KPI Up"),
                                      G_CALLBACK (kk_kpi_row_move_up), kr);
  kr->down_button = kk_icon_button_new ("move-kpi-down", "go-down-symbolic", _("Move KPI Down"),
                                        G_CALLBACK (kk_kpi_row_move_down), kr);
  /* Each action goes before the ones added already. */
  adw_expander_row_add_action (kr->row,
                               kk_icon_button_new ("remove-kpi", "user-trash-symbolic",
                                                   _("Remove KPI"),
                                                   G_CALLBACK (kk_kpi_row_remove), kr));
  adw_expander_row_add_action (kr->row, kr->down_button);
  adw_expander_row_add_action (kr->row, kr->up_button);
  g_signal_connect_swapped (kr->row, "notify::expanded", G_CALLBACK (kk_kpi_row_expanded), kr);

  kk_kpi_row_watch_values (kr);
  kk_kpi_row_show_summary (kr);
  g_signal_connect_object (kr->kpi, "notify", G_CALLBACK (kk_kpi_row_notified), kr->row,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (kk_kpi_get_values (kr->kpi), "items-changed",
                           G_CALLBACK (kk_kpi_row_values_changed), kr->row, G_CONNECT_SWAPPED);
  return GTK_WIDGET (kr->row);
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
  g_set_object (&self->plan, plan);
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
