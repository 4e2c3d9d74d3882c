/* kk-program-editor.c: every field of one program and its sheet
 *
 * Each field writes through kk_plan_edit() or, while the clerk types,
 * kk_plan_edit_typing(), so that undo takes a field's typing back in one
 * step. The model is the truth: a notify from the program or its sheet
 * refreshes the fields, and a field is only rewritten when what it shows
 * means something else than the model holds, so that typing is never
 * disturbed. What cannot be a value (a budget typed as 12a) stays in the
 * field with a message and the model is left as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kk-division.h"
#include "kk-field.h"
#include "kk-format.h"
#include "kk-funding.h"
#include "kk-kpi-editor.h"
#include "kk-pillar.h"
#include "kk-program-editor.h"
#include "kk-sheet.h"

typedef struct
{
  const char *property;
  const char *title;
  /* A list of texts, one a line, rather than one text. */
  gboolean lines;
} KkTextField;

static const KkTextField kk_text_fields[] = {
  { "purpose", N_("P_urpose"), FALSE },
  { "overview", N_("_Overview"), FALSE },
  { "targets-text", N_("_Targets, where no figure is set"), FALSE },
  { "targets-notes", N_("Targets: _notes under the table"), FALSE },
  { "activities", N_("_Activities"), FALSE },
  { "partners", N_("_Related bodies, one a line"), TRUE },
};

struct _KkProgramEditor
{
  AdwBin parent_instance;

  KkPlan *plan;
  KkProgram *program;
  KkSheet *sheet;
  /* Set while the fields are filled from the model, so that they do not
   * write back what they were just given. */
  gboolean refreshing;

  GtkTextView *text_views[G_N_ELEMENTS (kk_text_fields)];
  GPtrArray *funding_checks;
  GPtrArray *division_checks;
  GPtrArray *division_rows;

  GtkInfoBar *shared_bar;
  GtkLabel *shared_label;
  GtkSpinButton *number_spin;
  AdwEntryRow *name_row;
  AdwComboRow *pillar_row;
  GtkBox *funding_box;
  AdwComboRow *status_row;
  GtkLabel *program_error;
  AdwEntryRow *budget_row;
  AdwEntryRow *previous_name_row;
  AdwEntryRow *previous_budget_row;
  GtkLabel *difference_label;
  GtkLabel *budget_error;
  AdwComboRow *lead_row;
  AdwExpanderRow *divisions_row;
  GtkLabel *divisions_error;
  GtkBox *texts_box;
  KkKpiEditor *kpi_editor;
};

G_DEFINE_FINAL_TYPE (KkProgramEditor, kk_program_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_PROGRAM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void kk_program_editor_refresh (KkProgramEditor *self);

/* ------------------------------------------------------------------------ */
/* Messages                                                                 */

static void
kk_show_error (GtkLabel   *label,
               GtkWidget  *field,
               const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
  if (field == NULL)
    return;
  if (message != NULL)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
}

/* ------------------------------------------------------------------------ */
/* Writing to the model                                                     */

static gboolean
kk_program_editor_is_editing (KkProgramEditor *self)
{
  return self->program != NULL && !self->refreshing;
}

static void
kk_program_editor_type_string (KkProgramEditor *self,
                               gpointer         object,
                               const char      *property,
                               const char      *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  kk_plan_edit_typing (self->plan, object, property, &value);
}

/* Parses an amount field and, when it is one, types it into @property. */
static void
kk_program_editor_type_amount (KkProgramEditor *self,
                               AdwEntryRow     *row,
                               const char      *property)
{
  g_autoptr(GError) error = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gint64 amount;

  if (!kk_parse_thousand_yen (gtk_editable_get_text (GTK_EDITABLE (row)), &amount, &error))
    {
      kk_show_error (self->budget_error, GTK_WIDGET (row), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  /* The message stays while the other amount is still wrong. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->budget_row), "error") &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->previous_budget_row), "error"))
    kk_show_error (self->budget_error, NULL, NULL);
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, amount);
  kk_plan_edit_typing (self->plan, self->program, property, &value);
}

static void
kk_program_editor_number_changed (KkProgramEditor *self)
{
  guint number = gtk_spin_button_get_value_as_int (self->number_spin);
  KkProgram *other;

  if (!kk_program_editor_is_editing (self))
    return;
  other = kk_plan_find_program (self->plan, number);
  if (other != NULL && other != self->program)
    {
      g_autofree char *message = g_strdup_printf (_("Program %u already exists: choose another number"),
                                                  number);

      kk_show_error (self->program_error, GTK_WIDGET (self->number_spin), message);
      return;
    }
  kk_show_error (self->program_error, GTK_WIDGET (self->number_spin), NULL);
  kk_plan_edit (self->plan, self->program, "number", number);
}

static void
kk_program_editor_name_changed (KkProgramEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

  if (!kk_program_editor_is_editing (self))
    return;
  if (*text == '\0')
    {
      kk_show_error (self->program_error, GTK_WIDGET (self->name_row),
                     _("A program needs a name"));
      return;
    }
  kk_show_error (self->program_error, GTK_WIDGET (self->name_row), NULL);
  kk_program_editor_type_string (self, self->program, "name", text);
}

static void
kk_program_editor_pillar_changed (KkProgramEditor *self)
{
  g_autoptr(KkPillar) pillar = NULL;
  guint selected = adw_combo_row_get_selected (self->pillar_row);

  if (!kk_program_editor_is_editing (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  pillar = g_list_model_get_item (kk_plan_get_pillars (self->plan), selected);
  kk_plan_edit (self->plan, self->program, "pillar", pillar);
}

static void
kk_program_editor_funding_toggled (KkProgramEditor *self)
{
  g_autoptr(GPtrArray) funding = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *sources = kk_plan_get_funding_sources (self->plan);

  if (!kk_program_editor_is_editing (self))
    return;
  for (guint i = 0; i < self->funding_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->funding_checks, i)))
      g_ptr_array_add (funding, g_list_model_get_item (sources, i));
  if (funding->len == 0)
    {
      kk_show_error (self->program_error, NULL,
                     _("A program needs at least one source of funding"));
      kk_program_editor_refresh (self);
      return;
    }
  kk_show_error (self->program_error, NULL, NULL);
  kk_plan_edit (self->plan, self->program, "funding", funding);
}

static void
kk_program_editor_status_changed (KkProgramEditor *self)
{
  KkProgramStatus status = adw_combo_row_get_selected (self->status_row) == 1
                           ? KK_PROGRAM_STATUS_NEW : KK_PROGRAM_STATUS_CONTINUING;

  if (kk_program_editor_is_editing (self))
    kk_plan_edit (self->plan, self->program, "status", status);
}

static void
kk_program_editor_budget_changed (KkProgramEditor *self)
{
  if (kk_program_editor_is_editing (self))
    kk_program_editor_type_amount (self, self->budget_row, "budget");
}

static void
kk_program_editor_previous_budget_changed (KkProgramEditor *self)
{
  if (kk_program_editor_is_editing (self))
    kk_program_editor_type_amount (self, self->previous_budget_row, "previous-budget");
}

static void
kk_program_editor_previous_name_changed (KkProgramEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->previous_name_row));

  /* An empty field is the document's 同上: the name did not change. */
  if (kk_program_editor_is_editing (self))
    kk_program_editor_type_string (self, self->program, "previous-name",
                                   *text != '\0' ? text : NULL);
}

static void
kk_program_editor_lead_changed (KkProgramEditor *self)
{
  g_autoptr(KkDivision) division = NULL;
  guint selected = adw_combo_row_get_selected (self->lead_row);

  if (!kk_program_editor_is_editing (self) || selected == GTK_INVALID_LIST_POSITION)
    return;
  division = g_list_model_get_item (kk_plan_get_divisions (self->plan), selected);
  kk_plan_edit (self->plan, self->program, "lead-division", division);
}

/* The sheet keeps its divisions in the order it had them; a division ticked
 * anew goes last. */
static void
kk_program_editor_division_toggled (KkProgramEditor *self)
{
  GListModel *divisions = kk_plan_get_divisions (self->plan);
  GPtrArray *current;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);

  if (!kk_program_editor_is_editing (self))
    return;
  current = kk_sheet_get_divisions (self->sheet);
  for (guint i = 0; i < current->len; i++)
    {
      guint position;

      if (g_list_store_find (G_LIST_STORE (divisions), g_ptr_array_index (current, i), &position) &&
          gtk_check_button_get_active (g_ptr_array_index (self->division_checks, position)))
        g_ptr_array_add (chosen, g_object_ref (g_ptr_array_index (current, i)));
    }
  for (guint i = 0; i < self->division_checks->len; i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);

      if (gtk_check_button_get_active (g_ptr_array_index (self->division_checks, i)) &&
          !g_ptr_array_find (chosen, division, NULL))
        g_ptr_array_add (chosen, g_object_ref (division));
    }
  if (chosen->len == 0)
    {
      kk_show_error (self->divisions_error, NULL, _("A sheet needs at least one division"));
      kk_program_editor_refresh (self);
      return;
    }
  kk_show_error (self->divisions_error, NULL, NULL);
  kk_plan_edit (self->plan, self->sheet, "divisions", chosen);
}

static char *
kk_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Related bodies one a line; blank lines are not bodies. */
static GStrv
kk_text_view_dup_lines (GtkTextView *view)
{
  g_autofree char *text = kk_text_view_dup_text (view);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static void
kk_program_editor_text_changed (KkProgramEditor *self,
                                GtkTextBuffer   *buffer)
{
  const KkTextField *field = g_object_get_data (G_OBJECT (buffer), "kk-field");
  GtkTextView *view = self->text_views[field - kk_text_fields];
  g_auto(GValue) value = G_VALUE_INIT;

  if (!kk_program_editor_is_editing (self))
    return;
  if (field->lines)
    {
      g_value_init (&value, G_TYPE_STRV);
      g_value_take_boxed (&value, kk_text_view_dup_lines (view));
    }
  else
    {
      g_value_init (&value, G_TYPE_STRING);
      g_value_take_string (&value, kk_text_view_dup_text (view));
    }
  kk_plan_edit_typing (self->plan, self->sheet, field->property, &value);
}

/* ------------------------------------------------------------------------ */
/* Reading from the model                                                   */

static void
kk_editable_show_text (GtkEditable *editable,
                       const char  *text)
{
  if (g_strcmp0 (gtk_editable_get_text (editable), text ? text : "") != 0)
    gtk_editable_set_text (editable, text ? text : "");
}

/* A field in error keeps what was typed until the clerk corrects it. */
static void
kk_editable_show_amount (GtkEditable *editable,
                         gint64       amount)
{
  gint64 shown;
  g_autofree char *text = NULL;

  if (gtk_widget_has_css_class (GTK_WIDGET (editable), "error") ||
      (kk_parse_thousand_yen (gtk_editable_get_text (editable), &shown, NULL) && shown == amount))
    return;
  text = kk_format_grouped (amount);
  gtk_editable_set_text (editable, text);
}

static void
kk_text_view_show (GtkTextView       *view,
                   const KkTextField *field,
                   KkSheet           *sheet)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autofree char *shown = NULL;
  g_autofree char *text = NULL;

  if (field->lines)
    {
      g_auto(GStrv) lines = NULL;
      g_auto(GStrv) shown_lines = kk_text_view_dup_lines (view);

      g_object_get (sheet, field->property, &lines, NULL);
      if (g_strv_equal ((const char * const *)shown_lines, (const char * const *)lines))
        return;
      text = g_strjoinv ("\n", lines);
    }
  else
    g_object_get (sheet, field->property, &text, NULL);

  shown = kk_text_view_dup_text (view);
  if (g_strcmp0 (shown, text ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static void
kk_combo_row_show (AdwComboRow *row,
                   GListModel  *choices,
                   gpointer     choice)
{
  guint position;

  if (choice != NULL && g_list_store_find (G_LIST_STORE (choices), choice, &position))
    adw_combo_row_set_selected (row, position);
  else
    adw_combo_row_set_selected (row, GTK_INVALID_LIST_POSITION);
}

static void
kk_program_editor_show_header (KkProgramEditor *self)
{
  KkProgram *program = self->program;
  gint64 difference = kk_program_get_difference (program);
  g_autofree char *difference_text = kk_format_thousand_yen (difference);
  gboolean is_new = kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW;
  GListModel *sources = kk_plan_get_funding_sources (self->plan);

  gtk_spin_button_set_value (self->number_spin, kk_program_get_number (program));
  kk_editable_show_text (GTK_EDITABLE (self->name_row), kk_program_get_name (program));
  kk_combo_row_show (self->pillar_row, kk_plan_get_pillars (self->plan),
                     kk_program_get_pillar (program));
  for (guint i = 0; i < self->funding_checks->len; i++)
    {
      g_autoptr(KkFunding) funding = g_list_model_get_item (sources, i);

      gtk_check_button_set_active (g_ptr_array_index (self->funding_checks, i),
                                   kk_program_has_funding (program, funding));
    }
  adw_combo_row_set_selected (self->status_row, is_new ? 1 : 0);

  kk_editable_show_amount (GTK_EDITABLE (self->budget_row), kk_program_get_budget (program));
  kk_editable_show_text (GTK_EDITABLE (self->previous_name_row),
                         kk_program_get_previous_name (program));
  kk_editable_show_amount (GTK_EDITABLE (self->previous_budget_row),
                           kk_program_get_previous_budget (program));
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_budget_row), !is_new);
  gtk_label_set_text (self->difference_label, difference_text);
  if (difference < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->difference_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->difference_label), "error");
}

static void
kk_program_editor_show_sheet (KkProgramEditor *self)
{
  GListModel *covered = kk_sheet_get_programs (self->sheet);
  GListModel *divisions = kk_plan_get_divisions (self->plan);
  GPtrArray *sheet_divisions = kk_sheet_get_divisions (self->sheet);
  guint n_covered = g_list_model_get_n_items (covered);

  kk_combo_row_show (self->lead_row, divisions, kk_program_get_lead_division (self->program));
  for (guint i = 0; i < self->division_checks->len; i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);

      gtk_check_button_set_active (g_ptr_array_index (self->division_checks, i),
                                   g_ptr_array_find (sheet_divisions, division, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (kk_text_fields); i++)
    kk_text_view_show (self->text_views[i], &kk_text_fields[i], self->sheet);

  gtk_info_bar_set_revealed (self->shared_bar, n_covered > 1);
  if (n_covered > 1)
    {
      g_autofree char *numbers = kk_sheet_dup_numbers_label (self->sheet, "・");
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("This sheet is shared by programs %s: its texts, divisions "
                                   "and targets are theirs too."), numbers);
      gtk_label_set_text (self->shared_label, message);
    }
}

static void
kk_program_editor_refresh (KkProgramEditor *self)
{
  if (self->program == NULL)
    return;

  self->refreshing = TRUE;
  kk_program_editor_show_header (self);
  kk_program_editor_show_sheet (self);
  self->refreshing = FALSE;
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

static void
kk_program_editor_add_texts (KkProgramEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (kk_text_fields); i++)
    {
      const KkTextField *field = &kk_text_fields[i];
      GtkWidget *label = gtk_label_new_with_mnemonic (_(field->title));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, 12);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
      gtk_widget_set_name (view, field->property);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      g_object_set (view, "top-margin", 8, "bottom-margin", 8, "left-margin", 8,
                    "right-margin", 8, NULL);
      gtk_widget_set_size_request (view, -1, 72);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (view),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_object_set_data (G_OBJECT (buffer), "kk-field", (gpointer)field);
      g_signal_connect_swapped (buffer, "changed",
                                G_CALLBACK (kk_program_editor_text_changed), self);
      kk_field_watch (view, G_OBJECT (self));

      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (self->texts_box, label);
      gtk_box_append (self->texts_box, frame);
      self->text_views[i] = GTK_TEXT_VIEW (view);
    }
}

static void
kk_program_editor_fill_funding (KkProgramEditor *self)
{
  GListModel *sources = kk_plan_get_funding_sources (self->plan);

  for (guint i = 0; i < self->funding_checks->len; i++)
    gtk_box_remove (self->funding_box, g_ptr_array_index (self->funding_checks, i));
  g_ptr_array_set_size (self->funding_checks, 0);

  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(KkFunding) funding = g_list_model_get_item (sources, i);
      GtkWidget *check = gtk_check_button_new_with_label (kk_funding_get_code (funding));

      gtk_widget_set_tooltip_text (check, kk_funding_get_name (funding));
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      kk_funding_get_name (funding), -1);
      g_signal_connect_swapped (check, "toggled",
                                G_CALLBACK (kk_program_editor_funding_toggled), self);
      gtk_box_append (self->funding_box, check);
      g_ptr_array_add (self->funding_checks, check);
    }
}

static void
kk_program_editor_fill_divisions (KkProgramEditor *self)
{
  GListModel *divisions = kk_plan_get_divisions (self->plan);

  for (guint i = 0; i < self->division_rows->len; i++)
    adw_expander_row_remove (self->divisions_row, g_ptr_array_index (self->division_rows, i));
  g_ptr_array_set_size (self->division_rows, 0);
  g_ptr_array_set_size (self->division_checks, 0);

  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kk_division_get_name (division));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled",
                                G_CALLBACK (kk_program_editor_division_toggled), self);
      adw_expander_row_add_row (self->divisions_row, row);
      g_ptr_array_add (self->division_rows, row);
      g_ptr_array_add (self->division_checks, check);
    }
}

static GtkExpression *
kk_name_expression (GType type)
{
  return gtk_property_expression_new (type, NULL, type == KK_TYPE_PILLAR ? "label" : "name");
}

static void
kk_program_editor_fill_choices (KkProgramEditor *self)
{
  self->refreshing = TRUE;
  adw_combo_row_set_expression (self->pillar_row, kk_name_expression (KK_TYPE_PILLAR));
  adw_combo_row_set_model (self->pillar_row, kk_plan_get_pillars (self->plan));
  adw_combo_row_set_expression (self->lead_row, kk_name_expression (KK_TYPE_DIVISION));
  adw_combo_row_set_model (self->lead_row, kk_plan_get_divisions (self->plan));
  kk_program_editor_fill_funding (self);
  kk_program_editor_fill_divisions (self);
  self->refreshing = FALSE;
}

/* A new or renamed pillar or division is offered at once. */
static void
kk_program_editor_plan_changed (KkProgramEditor *self,
                                GObject         *object)
{
  if (!kk_plan_is_choice (self->plan, object))
    return;
  adw_combo_row_set_model (self->pillar_row, NULL);
  adw_combo_row_set_model (self->lead_row, NULL);
  kk_program_editor_fill_choices (self);
  kk_program_editor_refresh (self);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
kk_program_editor_dispose (GObject *object)
{
  KkProgramEditor *self = KK_PROGRAM_EDITOR (object);

  kk_program_editor_set_program (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_PROGRAM_EDITOR);
  g_clear_object (&self->plan);

  G_OBJECT_CLASS (kk_program_editor_parent_class)->dispose (object);
}

static void
kk_program_editor_finalize (GObject *object)
{
  KkProgramEditor *self = KK_PROGRAM_EDITOR (object);

  g_clear_pointer (&self->funding_checks, g_ptr_array_unref);
  g_clear_pointer (&self->division_checks, g_ptr_array_unref);
  g_clear_pointer (&self->division_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (kk_program_editor_parent_class)->finalize (object);
}

static void
kk_program_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  KkProgramEditor *self = KK_PROGRAM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_PROGRAM:
      g_value_set_object (value, self->program);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_program_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  KkProgramEditor *self = KK_PROGRAM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kk_program_editor_set_plan (self, g_value_get_object (value));
      break;
    case PROP_PROGRAM:
      kk_program_editor_set_program (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_program_editor_class_init (KkProgramEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_program_editor_dispose;
  object_class->finalize = kk_program_editor_finalize;
  object_class->get_property = kk_program_editor_get_property;
  object_class->set_property = kk_program_editor_set_property;

  /**
   * KkProgramEditor:plan:
   *
   * The plan the program belongs to, whose lists the choices come from.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkProgramEditor:program:
   *
   * The program being edited, or %NULL.
   */
  properties[PROP_PROGRAM] =
    g_param_spec_object ("program", NULL, NULL, KK_TYPE_PROGRAM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KK_TYPE_KPI_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-program-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, shared_bar);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, shared_label);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, number_spin);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, pillar_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, funding_box);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, program_error);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, budget_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, previous_name_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, previous_budget_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, difference_label);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, budget_error);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, divisions_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, divisions_error);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, texts_box);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, kpi_editor);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_number_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_pillar_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_status_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_budget_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_previous_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_previous_budget_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_lead_changed);
  gtk_widget_class_set_css_name (widget_class, "kk-program-editor");
}

static void
kk_program_editor_init (KkProgramEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->funding_checks = g_ptr_array_new ();
  self->division_checks = g_ptr_array_new ();
  self->division_rows = g_ptr_array_new ();
  kk_program_editor_add_texts (self);
  kk_field_watch (GTK_WIDGET (self->name_row), G_OBJECT (self));
  kk_field_watch (GTK_WIDGET (self->budget_row), G_OBJECT (self));
  kk_field_watch (GTK_WIDGET (self->previous_name_row), G_OBJECT (self));
  kk_field_watch (GTK_WIDGET (self->previous_budget_row), G_OBJECT (self));
  kk_program_editor_refresh (self);
}

GtkWidget *
kk_program_editor_new (void)
{
  return g_object_new (KK_TYPE_PROGRAM_EDITOR, NULL);
}

KkPlan *
kk_program_editor_get_plan (KkProgramEditor *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM_EDITOR (self), NULL);
  return self->plan;
}

void
kk_program_editor_set_plan (KkProgramEditor *self,
                            KkPlan          *plan)
{
  g_return_if_fail (KK_IS_PROGRAM_EDITOR (self));
  g_return_if_fail (plan == NULL || KK_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  kk_program_editor_set_program (self, NULL);
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_func (kk_plan_get_history (self->plan),
                                          kk_program_editor_plan_changed, self);
  g_set_object (&self->plan, plan);
  kk_kpi_editor_set_plan (self->kpi_editor, plan);
  if (plan != NULL)
    {
      kk_program_editor_fill_choices (self);
      g_signal_connect_object (kk_plan_get_history (plan), "changed",
                               G_CALLBACK (kk_program_editor_plan_changed), self,
                               G_CONNECT_SWAPPED);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

KkProgram *
kk_program_editor_get_program (KkProgramEditor *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM_EDITOR (self), NULL);
  return self->program;
}

void
kk_program_editor_set_program (KkProgramEditor *self,
                               KkProgram       *program)
{
  g_return_if_fail (KK_IS_PROGRAM_EDITOR (self));
  g_return_if_fail (program == NULL || (KK_IS_PROGRAM (program) && self->plan != NULL));

  if (self->program == program)
    return;

  if (self->program != NULL)
    g_signal_handlers_disconnect_by_func (self->program, kk_program_editor_refresh, self);
  if (self->sheet != NULL)
    g_signal_handlers_disconnect_by_func (self->sheet, kk_program_editor_refresh, self);
  if (self->plan != NULL)
    kk_history_seal (kk_plan_get_history (self->plan));

  g_set_object (&self->program, program);
  g_set_object (&self->sheet, (program ? kk_program_get_sheet (program) : NULL));
  kk_kpi_editor_set_sheet (self->kpi_editor, self->sheet);
  if (self->program != NULL)
    g_signal_connect_swapped (self->program, "notify", G_CALLBACK (kk_program_editor_refresh), self);
  if (self->sheet != NULL)
    g_signal_connect_swapped (self->sheet, "notify", G_CALLBACK (kk_program_editor_refresh), self);

  kk_show_error (self->program_error, GTK_WIDGET (self->name_row), NULL);
  kk_show_error (self->budget_error, GTK_WIDGET (self->budget_row), NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->previous_budget_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->number_spin), "error");
  kk_show_error (self->divisions_error, NULL, NULL);
  kk_program_editor_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}
