/* kk-program-editor.c: every field of one program and its sheet
 *
 * The typed fields are KkFields: a value reaches the plan whole and valid,
 * on Enter or when the field is left, as one step of undo, and what cannot
 * be a value (a budget typed as 12a) stays in the field with a message while
 * the plan keeps what it had. Choices (pillar, funding, status, review state,
 * divisions)
 * apply at once through kk_plan_edit(). The model is the truth: a notify
 * from the program or its sheet refreshes the fields, and an undo or a redo
 * shows the plan's values again in every field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kk-accessible.h"
#include "kk-division.h"
#include "kk-field.h"
#include "kk-focus.h"
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

/* Access keys are unique within the editor, the KPI editor's included. */
static const KkTextField kk_text_fields[] = {
  { "purpose", N_("Purpos_e"), FALSE },
  { "overview", N_("_Overview"), FALSE },
  { "targets-text", N_("_Targets, where no figure is set"), FALSE },
  { "targets-notes", N_("Targets: te_xt under the table"), FALSE },
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

  KkField *number_field;
  KkField *name_field;
  KkField *budget_field;
  KkField *previous_name_field;
  KkField *previous_budget_field;
  KkField *text_fields[G_N_ELEMENTS (kk_text_fields)];
  /* Every field above, for what is done to all of them. */
  GPtrArray *fields;
  /* Why the last change of funding or divisions was refused, until the next. */
  const char *funding_message;
  const char *divisions_message;

  GPtrArray *funding_checks;
  GPtrArray *division_checks;
  GPtrArray *division_rows;

  GtkInfoBar *shared_bar;
  GtkLabel *shared_label;
  AdwEntryRow *number_row;
  AdwEntryRow *name_row;
  AdwComboRow *pillar_row;
  GtkBox *funding_box;
  AdwComboRow *status_row;
  AdwComboRow *review_row;
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

/* Each message line shows the first of its fields' errors, or what was
 * refused of the choices above it. */
static void
kk_program_editor_show_errors (KkProgramEditor *self)
{
  KkField *program_fields[] = { self->number_field, self->name_field };
  KkField *budget_fields[] = { self->budget_field, self->previous_budget_field };

  kk_field_show_first_error (GTK_WIDGET (self->program_error), self->program_error,
                             program_fields, G_N_ELEMENTS (program_fields),
                             self->funding_message);
  kk_field_show_first_error (GTK_WIDGET (self->budget_error), self->budget_error,
                             budget_fields, G_N_ELEMENTS (budget_fields), NULL);
  kk_field_show_first_error (GTK_WIDGET (self->divisions_error), self->divisions_error,
                             NULL, 0, self->divisions_message);
}

/* ------------------------------------------------------------------------ */
/* Writing to the model                                                     */

static gboolean
kk_program_editor_is_editing (KkProgramEditor *self)
{
  return self->program != NULL && !self->refreshing;
}

static gboolean
kk_program_editor_check_number (KkProgramEditor  *self,
                                const GValue     *value,
                                GError          **error)
{
  guint number = g_value_get_uint (value);
  KkProgram *other = kk_plan_find_program (self->plan, number);

  if (other == NULL || other == self->program)
    return TRUE;
  g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
               _("Program %u already exists: choose another number."), number);
  return FALSE;
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
  self->funding_message = funding->len == 0 ? _("A program needs at least one source of funding")
                                            : NULL;
  kk_program_editor_show_errors (self);
  if (funding->len == 0)
    {
      kk_program_editor_refresh (self);
      return;
    }
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

/* The states are offered in their order, so a position is a state. */
static void
kk_program_editor_review_changed (KkProgramEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->review_row);

  if (kk_program_editor_is_editing (self) && selected != GTK_INVALID_LIST_POSITION)
    kk_plan_edit (self->plan, self->program, "review-state", (KkReviewState)selected);
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
  self->divisions_message = chosen->len == 0 ? _("A sheet needs at least one division") : NULL;
  kk_program_editor_show_errors (self);
  if (chosen->len == 0)
    {
      kk_program_editor_refresh (self);
      return;
    }
  kk_plan_edit (self->plan, self->sheet, "divisions", chosen);
}

/* ------------------------------------------------------------------------ */
/* Reading from the model                                                   */

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

  kk_field_show (self->number_field);
  kk_field_show (self->name_field);
  kk_combo_row_show (self->pillar_row, kk_plan_get_pillars (self->plan),
                     kk_program_get_pillar (program));
  for (guint i = 0; i < self->funding_checks->len; i++)
    {
      g_autoptr(KkFunding) funding = g_list_model_get_item (sources, i);

      gtk_check_button_set_active (g_ptr_array_index (self->funding_checks, i),
                                   kk_program_has_funding (program, funding));
    }
  adw_combo_row_set_selected (self->status_row, is_new ? 1 : 0);
  adw_combo_row_set_selected (self->review_row, kk_program_get_review_state (program));

  kk_field_show (self->budget_field);
  kk_field_show (self->previous_name_field);
  kk_field_show (self->previous_budget_field);
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
    kk_field_show (self->text_fields[i]);

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

static KkField *
kk_program_editor_add_field (KkProgramEditor *self,
                             gpointer         widget,
                             KkFieldKind      kind,
                             const char      *property,
                             const char      *label)
{
  KkField *field = kk_field_new (GTK_WIDGET (widget), kind, property, label);

  g_signal_connect_object (field, "notify::error", G_CALLBACK (kk_program_editor_show_errors),
                           self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->fields, field);
  return field;
}

static KkField *
kk_program_editor_add_row_field (KkProgramEditor *self,
                                 AdwEntryRow     *row,
                                 KkFieldKind      kind,
                                 const char      *property)
{
  return kk_program_editor_add_field (self, row, kind, property,
                                      adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
kk_program_editor_add_texts (KkProgramEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (kk_text_fields); i++)
    {
      const KkTextField *field = &kk_text_fields[i];
      GtkWidget *label = gtk_label_new_with_mnemonic (_(field->title));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();

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
      self->text_fields[i] = kk_program_editor_add_field (self, view,
                                                          field->lines ? KK_FIELD_LINES
                                                                       : KK_FIELD_TEXT,
                                                          field->property, _(field->title));

      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_box_append (self->texts_box, label);
      gtk_box_append (self->texts_box, frame);
    }
}

/* Each combo row is said by its title once, and its choices and the
 * divisions of the sheet as lists of their row, not as "GtkListView". */
static void
kk_program_editor_name_rows (KkProgramEditor *self)
{
  AdwPreferencesRow *rows[] = {
    ADW_PREFERENCES_ROW (self->pillar_row), ADW_PREFERENCES_ROW (self->status_row),
    ADW_PREFERENCES_ROW (self->review_row), ADW_PREFERENCES_ROW (self->lead_row),
    ADW_PREFERENCES_ROW (self->divisions_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *title = kk_accessible_strip_mnemonic (adw_preferences_row_get_title (rows[i]));

      kk_accessible_set_name (GTK_WIDGET (rows[i]), title);
      kk_accessible_name_lists (GTK_WIDGET (rows[i]), title);
      if (ADW_IS_COMBO_ROW (rows[i]))
        kk_accessible_name_combo_row (ADW_COMBO_ROW (rows[i]));
    }
  kk_accessible_follow_expander_row (self->divisions_row);
}

static void
kk_program_editor_add_review_states (KkProgramEditor *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  for (KkReviewState state = KK_REVIEW_STATE_DRAFT; state <= KK_REVIEW_STATE_CONFIRMED; state++)
    gtk_string_list_append (states, kk_format_review_state (state));
  adw_combo_row_set_model (self->review_row, G_LIST_MODEL (states));
}

static void
kk_program_editor_add_header_fields (KkProgramEditor *self)
{
  self->number_field = kk_program_editor_add_row_field (self, self->number_row, KK_FIELD_NUMBER,
                                                        "number");
  kk_field_set_check (self->number_field, (KkFieldCheck)kk_program_editor_check_number, self);
  self->name_field = kk_program_editor_add_row_field (self, self->name_row, KK_FIELD_NAME, "name");
  self->budget_field = kk_program_editor_add_row_field (self, self->budget_row, KK_FIELD_AMOUNT,
                                                        "budget");
  self->previous_name_field = kk_program_editor_add_row_field (self, self->previous_name_row,
                                                               KK_FIELD_OPTIONAL_TEXT,
                                                               "previous-name");
  self->previous_budget_field = kk_program_editor_add_row_field (self, self->previous_budget_row,
                                                                 KK_FIELD_AMOUNT,
                                                                 "previous-budget");
}

/* Points the fields at the program and its sheet. */
static void
kk_program_editor_target_fields (KkProgramEditor *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      KkField *field = g_ptr_array_index (self->fields, i);
      gboolean on_sheet = FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (self->text_fields); j++)
        on_sheet |= field == self->text_fields[j];
      kk_field_set_target (field, self->program ? self->plan : NULL,
                           on_sheet ? (gpointer)self->sheet : (gpointer)self->program);
    }
}

/* After an undo or a redo every field shows the plan's value again. */
static void
kk_program_editor_replayed (KkProgramEditor *self)
{
  kk_fields_reset ((KkField **)self->fields->pdata, self->fields->len);
  self->funding_message = NULL;
  self->divisions_message = NULL;
  kk_program_editor_show_errors (self);
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
      kk_accessible_set_name (check, kk_division_get_name (division));
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
  g_clear_pointer (&self->fields, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, pillar_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, funding_box);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, KkProgramEditor, review_row);
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
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_lead_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_pillar_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_review_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_program_editor_status_changed);
  gtk_widget_class_set_css_name (widget_class, "kk-program-editor");
}

static void
kk_program_editor_init (KkProgramEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->funding_checks = g_ptr_array_new ();
  self->division_checks = g_ptr_array_new ();
  self->division_rows = g_ptr_array_new ();
  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  kk_program_editor_add_header_fields (self);
  kk_program_editor_add_review_states (self);
  kk_program_editor_add_texts (self);
  kk_program_editor_name_rows (self);
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
    {
      g_signal_handlers_disconnect_by_func (kk_plan_get_history (self->plan),
                                            kk_program_editor_plan_changed, self);
      g_signal_handlers_disconnect_by_func (kk_plan_get_history (self->plan),
                                            kk_program_editor_replayed, self);
    }
  g_set_object (&self->plan, plan);
  kk_kpi_editor_set_plan (self->kpi_editor, plan);
  if (plan != NULL)
    {
      kk_program_editor_fill_choices (self);
      g_signal_connect_object (kk_plan_get_history (plan), "changed",
                               G_CALLBACK (kk_program_editor_plan_changed), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (kk_plan_get_history (plan), "replayed",
                               G_CALLBACK (kk_program_editor_replayed), self,
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

  /* What was typed for the program shown before goes to it, when valid. */
  kk_program_editor_commit (self);
  if (self->program != NULL)
    g_signal_handlers_disconnect_by_func (self->program, kk_program_editor_refresh, self);
  if (self->sheet != NULL)
    g_signal_handlers_disconnect_by_func (self->sheet, kk_program_editor_refresh, self);

  g_set_object (&self->program, program);
  g_set_object (&self->sheet, (program ? kk_program_get_sheet (program) : NULL));
  kk_program_editor_target_fields (self);
  if (self->plan != NULL)
    kk_history_seal (kk_plan_get_history (self->plan));
  kk_kpi_editor_set_sheet (self->kpi_editor, self->sheet);
  if (self->program != NULL)
    g_signal_connect_swapped (self->program, "notify", G_CALLBACK (kk_program_editor_refresh), self);
  if (self->sheet != NULL)
    g_signal_connect_swapped (self->sheet, "notify", G_CALLBACK (kk_program_editor_refresh), self);

  self->funding_message = NULL;
  self->divisions_message = NULL;
  kk_program_editor_show_errors (self);
  kk_program_editor_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRAM]);
}

/**
 * kk_program_editor_commit:
 *
 * Applies what is typed into the fields but not yet applied, where it is
 * valid, as Enter would: before the plan is saved or its window closed.
 */
void
kk_program_editor_commit (KkProgramEditor *self)
{
  g_return_if_fail (KK_IS_PROGRAM_EDITOR (self));

  kk_fields_commit ((KkField **)self->fields->pdata, self->fields->len);
  kk_kpi_editor_commit (self->kpi_editor);
}

/**
 * kk_program_editor_focus_field:
 * @subject: the program shown, its sheet, or one of the sheet's KPIs or
 *   their figures
 * @field: the property of @subject, as a finding of the check names it
 *
 * Moves the keyboard focus to the field that edits @field of @subject,
 * opening its KPI if need be. Last year's budget of a new program cannot be
 * edited: its status, which makes it editable, gets the focus instead.
 *
 * Returns: whether the focus went to the field
 */
gboolean
kk_program_editor_focus_field (KkProgramEditor *self,
                               GObject         *subject,
                               const char      *field)
{
  g_return_val_if_fail (KK_IS_PROGRAM_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (subject), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (self->program == NULL)
    return FALSE;
  if (subject != G_OBJECT (self->program) && subject != G_OBJECT (self->sheet))
    return kk_kpi_editor_focus_field (self->kpi_editor, subject, field);
  if (g_str_equal (field, "previous-budget") &&
      !gtk_widget_is_sensitive (GTK_WIDGET (self->previous_budget_row)))
    field = "status";
  return kk_focus_named (GTK_WIDGET (self), field);
}
