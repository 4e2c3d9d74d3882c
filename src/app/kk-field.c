/* kk-field.c: one field of an editor, between what the clerk types and the plan
 *
 * A value reaches the plan only whole and valid. While the clerk types into
 * an entry, the text is checked and a message says what is wrong and that
 * the plan keeps its value; Enter or leaving the field applies the text as
 * one step of undo and shows it the way the plan writes it, and Escape puts
 * the plan's value back. A multi-line text is always valid: it is applied as
 * it is typed, and one visit of the field is one step of undo.
 *
 * Every field shows its error the same way: its own style and accessible
 * state, and the message in a label its editor shares between fields.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-accessible.h"
#include "kk-field.h"
#include "kk-format.h"

/* The largest program number the editor takes. */
#define KK_PROGRAM_NUMBER_MAX 999999

struct _KkField
{
  GObject parent_instance;

  GtkWidget *widget;
  KkFieldKind kind;
  char *property;
  char *label;

  KkPlan *plan;
  GObject *object;

  KkFieldCheck check;
  gpointer check_data;
  KkFieldApply apply;
  gpointer apply_data;

  char *error;
  /* The text was typed since the plan's value was last shown. */
  gboolean pending;
  /* Set while the field writes its own text, which is no typing. */
  gboolean showing;
};

G_DEFINE_FINAL_TYPE (KkField, kk_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Text                                                                     */

static gboolean
kk_field_is_text_view (KkField *self)
{
  return GTK_IS_TEXT_VIEW (self->widget);
}

static char *
kk_field_dup_text (KkField *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (!kk_field_is_text_view (self))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->widget)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
kk_field_put_text (KkField    *self,
                   const char *text)
{
  g_autofree char *shown = kk_field_dup_text (self);

  if (g_strcmp0 (shown, text) == 0)
    return;
  self->showing = TRUE;
  if (kk_field_is_text_view (self))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (self->widget), text);
  self->showing = FALSE;
}

/**
 * kk_field_text_is_blank:
 * @text: (nullable): a text
 *
 * Returns: whether @text is missing, empty or only spaces, full-width too
 */
gboolean
kk_field_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* Items one a line; blank lines are no items. */
static GStrv
kk_lines_from_text (const char *text)
{
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

/* The plan's value as the field writes it. */
static char *
kk_field_dup_plan_text (KkField *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean has_value = TRUE;
  char **lines;

  g_object_get_property (self->object, self->property, &value);
  switch (self->kind)
    {
    case KK_FIELD_LINES:
      lines = g_value_get_boxed (&value);
      return lines ? g_strjoinv ("\n", lines) : g_strdup ("");
    case KK_FIELD_AMOUNT:
      return kk_format_grouped (g_value_get_int64 (&value));
    case KK_FIELD_NUMBER:
      return g_strdup_printf ("%u", g_value_get_uint (&value));
    case KK_FIELD_FIGURE:
      g_object_get (self->object, "has-value", &has_value, NULL);
      return has_value ? kk_format_number (g_value_get_double (&value)) : g_strdup ("");
    case KK_FIELD_DATE:
      /* 令和6年1月31日 in a Japanese interface; either form is read back. */
      if (g_value_get_string (&value) != NULL)
        return kk_format_date_for_interface (g_value_get_string (&value));
      return g_strdup ("");
    case KK_FIELD_TEXT:
    case KK_FIELD_NAME:
    case KK_FIELD_OPTIONAL_TEXT:
    default:
      return g_strdup (g_value_get_string (&value) ? g_value_get_string (&value) : "");
    }
}

/* What @text means, as a value of the field's property; a blank figure
 * leaves @value unset. */
static gboolean
kk_field_parse (KkField     *self,
                const char  *text,
                GValue      *value,
                GError     **error)
{
  gint64 amount;
  double number;
  char *date = NULL;

  switch (self->kind)
    {
    case KK_FIELD_NAME:
      if (kk_field_text_is_blank (text))
        {
          g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                       /* Translators: %s is the field, such as 事業名 */
                       _("%s cannot be left blank."), self->label);
          return FALSE;
        }
      G_GNUC_FALLTHROUGH;
    case KK_FIELD_TEXT:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, text);
      return TRUE;
    case KK_FIELD_OPTIONAL_TEXT:
      g_value_init (value, G_TYPE_STRING);
      g_value_set_string (value, kk_field_text_is_blank (text) ? NULL : text);
      return TRUE;
    case KK_FIELD_LINES:
      g_value_init (value, G_TYPE_STRV);
      g_value_take_boxed (value, kk_lines_from_text (text));
      return TRUE;
    case KK_FIELD_AMOUNT:
      if (!kk_parse_thousand_yen (text, &amount, error))
        return FALSE;
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, amount);
      return TRUE;
    case KK_FIELD_NUMBER:
      if (!kk_parse_number (text, &number, NULL) || number != (guint)number ||
          number < 1 || number > KK_PROGRAM_NUMBER_MAX)
        {
          g_set_error (error, KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID,
                       _("“%s” is no program number: type a whole number from 1 to %d."),
                       text, KK_PROGRAM_NUMBER_MAX);
          return FALSE;
        }
      g_value_init (value, G_TYPE_UINT);
      g_value_set_uint (value, number);
      return TRUE;
    case KK_FIELD_FIGURE:
      if (kk_field_text_is_blank (text))
        return TRUE;
      if (!kk_parse_number (text, &number, error))
        return FALSE;
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, number);
      return TRUE;
    case KK_FIELD_DATE:
    default:
      if (!kk_field_text_is_blank (text) && !kk_parse_date (text, &date, error))
        return FALSE;
      g_value_init (value, G_TYPE_STRING);
      g_value_take_string (value, date);
      return TRUE;
    }
}

/* ------------------------------------------------------------------------ */
/* Errors                                                                   */

/**
 * kk_field_mark_invalid:
 * @widget: a field's widget
 * @invalid: whether what it holds is refused
 *
 * Shows a refused text as every field shows it, to the eye and to a
 * screen reader; for a widget that is no #KkField, such as a spin button.
 */
void
kk_field_mark_invalid (GtkWidget *widget,
                       gboolean   invalid)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (invalid)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
kk_field_set_error (KkField    *self,
                    const char *message)
{
  if (g_strcmp0 (self->error, message) == 0)
    return;
  g_free (self->error);
  self->error = g_strdup (message);
  kk_field_mark_invalid (self->widget, message != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* The parsers' messages are phrases, as GErrors are, and the fields' own
 * are sentences: before another sentence each ends as one. */
static char *
kk_field_dup_sentence (const char *text)
{
  if (g_str_has_suffix (text, ".") || g_str_has_suffix (text, "。"))
    return g_strdup (text);
  /* Translators: ends a message as a sentence, before the next one */
  return g_strdup_printf (C_("sentence", "%s."), text);
}

/**
 * kk_field_dup_refusal:
 * @error: what is wrong with the text typed
 * @kept: the value the plan keeps, as shown, or ""
 *
 * Returns: (transfer full): the message of a refused text: what is wrong,
 *   and that the plan holds what it held
 */
char *
kk_field_dup_refusal (const GError *error,
                      const char   *kept)
{
  g_autofree char *wrong = kk_field_dup_sentence (error->message);

  if (*kept == '\0')
    return g_strdup_printf (_("%s Nothing was changed."), wrong);
  /* Translators: the first %s says what is wrong with what was typed, the
   * second is the value the plan keeps, such as 319,750 */
  return g_strdup_printf (_("%s Nothing was changed: the plan keeps %s."), wrong, kept);
}

static void
kk_field_refuse (KkField *self,
                 GError  *error)
{
  g_autofree char *kept = kk_field_dup_plan_text (self);
  g_autofree char *message = kk_field_dup_refusal (error, kept);

  kk_field_set_error (self, message);
}

/* Whether the text is a value the plan may take here, saying why not. */
static gboolean
kk_field_check (KkField *self,
                GValue  *value)
{
  g_autofree char *text = kk_field_dup_text (self);
  g_autoptr(GError) error = NULL;

  if (!kk_field_parse (self, text, value, &error) ||
      (self->check != NULL && !self->check (self->check_data, value, &error)))
    {
      kk_field_refuse (self, error);
      return FALSE;
    }
  kk_field_set_error (self, NULL);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Writing to the plan                                                      */

static void
kk_field_write (KkField      *self,
                const GValue *value,
                gboolean      typing)
{
  if (self->apply != NULL)
    self->apply (self->apply_data, value);
  else if (typing)
    kk_plan_edit_typing (self->plan, self->object, self->property, value);
  else
    kk_plan_edit_value (self->plan, self->object, self->property, value);
}

static gboolean
kk_field_is_live (KkField *self)
{
  return self->object != NULL && !self->showing;
}

static void
kk_field_edited (KkField *self)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (!kk_field_is_live (self))
    return;
  if (kk_field_is_text_view (self))
    {
      if (kk_field_check (self, &value))
        kk_field_write (self, &value, TRUE);
      return;
    }
  self->pending = TRUE;
  kk_field_check (self, &value);
}

/* Leaving a field ends its edit: coming back to it is a new undo step. */
static void
kk_field_left (KkField *self)
{
  if (self->plan == NULL)
    return;
  if (kk_field_is_text_view (self))
    kk_history_seal (kk_plan_get_history (self->plan));
  else
    kk_field_commit (self);
}

static gboolean
kk_field_key_pressed (KkField         *self,
                      guint            keyval,
                      guint            keycode,
                      GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape || (!self->pending && self->error == NULL))
    return GDK_EVENT_PROPAGATE;
  kk_field_reset (self);
  return GDK_EVENT_STOP;
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

static void
kk_field_watch_widget (KkField *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkTextBuffer *buffer;
  GtkEditable *delegate;

  g_signal_connect_object (focus, "leave", G_CALLBACK (kk_field_left), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->widget, focus);

  /* Ctrl+Z undoes the plan, the same in a field as anywhere in the window. */
  if (kk_field_is_text_view (self))
    {
      buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->widget));
      gtk_text_buffer_set_enable_undo (buffer, FALSE);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (kk_field_edited), self,
                               G_CONNECT_SWAPPED);
      return;
    }
  gtk_editable_set_enable_undo (GTK_EDITABLE (self->widget), FALSE);
  g_signal_connect_object (self->widget, "changed", G_CALLBACK (kk_field_edited), self,
                           G_CONNECT_SWAPPED);
  /* Entries and entry rows type into a GtkText, which Enter activates. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->widget));
  g_signal_connect_object (delegate ? GTK_WIDGET (delegate) : self->widget, "activate",
                           G_CALLBACK (kk_field_commit), self, G_CONNECT_SWAPPED);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (kk_field_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (self->widget, keys);
}

/* A screen reader names the field by its label wherever the focus is in
 * it, and hears when an entry row's text takes the focus. */
static void
kk_field_name_widget (KkField *self)
{
  GtkEditable *delegate = GTK_IS_EDITABLE (self->widget)
                          ? gtk_editable_get_delegate (GTK_EDITABLE (self->widget)) : NULL;

  kk_accessible_set_name (self->widget, self->label);
  if (delegate != NULL)
    kk_accessible_set_name (GTK_WIDGET (delegate), self->label);
  if (ADW_IS_ENTRY_ROW (self->widget))
    kk_accessible_tell_entry_row_focus (ADW_ENTRY_ROW (self->widget));
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
kk_field_dispose (GObject *object)
{
  KkField *self = KK_FIELD (object);

  g_clear_object (&self->widget);
  g_clear_object (&self->plan);
  g_clear_object (&self->object);

  G_OBJECT_CLASS (kk_field_parent_class)->dispose (object);
}

static void
kk_field_finalize (GObject *object)
{
  KkField *self = KK_FIELD (object);

  g_free (self->property);
  g_free (self->label);
  g_free (self->error);

  G_OBJECT_CLASS (kk_field_parent_class)->finalize (object);
}

static void
kk_field_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KkField *self = KK_FIELD (object);

  switch (prop_id)
    {
    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_field_class_init (KkFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kk_field_dispose;
  object_class->finalize = kk_field_finalize;
  object_class->get_property = kk_field_get_property;

  /**
   * KkField:error:
   *
   * Why the field's text is not applied, or %NULL when it may be.
   */
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_field_init (KkField *self)
{
}

/**
 * kk_field_new:
 * @widget: an entry, an entry row or, for %KK_FIELD_TEXT and
 *   %KK_FIELD_LINES, a text view
 * @property: the property of the target object the field edits
 * @label: the field's label as shown, with its access key
 *
 * Returns: (transfer full): a field without a target, until
 *   kk_field_set_target()
 */
KkField *
kk_field_new (GtkWidget   *widget,
              KkFieldKind  kind,
              const char  *property,
              const char  *label)
{
  KkField *self;

  g_return_val_if_fail (GTK_IS_EDITABLE (widget) || GTK_IS_TEXT_VIEW (widget), NULL);
  g_return_val_if_fail (property != NULL && label != NULL, NULL);

  self = g_object_new (KK_TYPE_FIELD, NULL);
  self->widget = g_object_ref (widget);
  self->kind = kind;
  self->property = g_strdup (property);
  self->label = kk_accessible_strip_mnemonic (label);
  kk_field_watch_widget (self);
  kk_field_name_widget (self);
  return self;
}

GtkWidget *
kk_field_get_widget (KkField *self)
{
  g_return_val_if_fail (KK_IS_FIELD (self), NULL);
  return self->widget;
}

/**
 * kk_field_set_target:
 * @plan: (nullable): the plan whose history records the edits
 * @object: (nullable): the object of @plan the field edits
 *
 * Shows @object's value, dropping what was typed for the one before.
 */
void
kk_field_set_target (KkField  *self,
                     KkPlan   *plan,
                     gpointer  object)
{
  g_return_if_fail (KK_IS_FIELD (self));
  g_return_if_fail ((plan == NULL) == (object == NULL));

  g_set_object (&self->plan, plan);
  g_set_object (&self->object, object);
  kk_field_reset (self);
}

void
kk_field_set_check (KkField      *self,
                    KkFieldCheck  check,
                    gpointer      data)
{
  g_return_if_fail (KK_IS_FIELD (self));
  self->check = check;
  self->check_data = data;
}

void
kk_field_set_apply (KkField      *self,
                    KkFieldApply  apply,
                    gpointer      data)
{
  g_return_if_fail (KK_IS_FIELD (self));
  self->apply = apply;
  self->apply_data = data;
}

const char *
kk_field_get_error (KkField *self)
{
  g_return_val_if_fail (KK_IS_FIELD (self), NULL);
  return self->error;
}

/**
 * kk_field_get_pending:
 *
 * Returns: whether the field holds typing not applied to the plan
 */
gboolean
kk_field_get_pending (KkField *self)
{
  g_return_val_if_fail (KK_IS_FIELD (self), FALSE);
  return self->pending;
}

/**
 * kk_field_show:
 *
 * Shows the plan's value, unless the clerk is typing another one. Related
 * bodies typed with a blank line between them are left as typed: the plan
 * holds them without it.
 */
void
kk_field_show (KkField *self)
{
  g_autofree char *text = NULL;
  g_autofree char *shown = NULL;

  g_return_if_fail (KK_IS_FIELD (self));

  if (self->object == NULL || self->pending)
    return;
  text = kk_field_dup_plan_text (self);
  shown = kk_field_dup_text (self);
  if (self->kind == KK_FIELD_LINES)
    {
      g_auto(GStrv) shown_lines = kk_lines_from_text (shown);
      g_auto(GStrv) lines = kk_lines_from_text (text);

      if (g_strv_equal ((const char * const *)shown_lines, (const char * const *)lines))
        return;
    }
  kk_field_put_text (self, text);
}

/**
 * kk_field_reset:
 *
 * Drops what was typed and its message, and shows the plan's value.
 */
void
kk_field_reset (KkField *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (KK_IS_FIELD (self));

  self->pending = FALSE;
  kk_field_set_error (self, NULL);
  text = self->object ? kk_field_dup_plan_text (self) : g_strdup ("");
  kk_field_put_text (self, text);
}

/**
 * kk_field_commit:
 *
 * Applies what was typed, when it is valid, as one step of undo, and shows
 * it as the plan writes it.
 *
 * Returns: %FALSE when the text is refused and stays in the field
 */
gboolean
kk_field_commit (KkField *self)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_return_val_if_fail (KK_IS_FIELD (self), FALSE);

  if (!self->pending || self->object == NULL)
    return TRUE;
  if (!kk_field_check (self, &value))
    return FALSE;
  self->pending = FALSE;
  kk_field_write (self, &value, FALSE);
  text = kk_field_dup_plan_text (self);
  kk_field_put_text (self, text);
  return TRUE;
}

/**
 * kk_field_retry:
 *
 * Applies a text refused for the sake of another field (no value without a
 * note) once that field changed.
 */
void
kk_field_retry (KkField *self)
{
  g_return_if_fail (KK_IS_FIELD (self));

  if (self->pending && self->error != NULL)
    kk_field_commit (self);
}

/**
 * kk_fields_commit:
 *
 * kk_field_commit() for each of @fields, as an editor does before its
 * fields show another object or the plan is saved.
 */
void
kk_fields_commit (KkField **fields,
                  guint     n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    kk_field_commit (fields[i]);
}

/**
 * kk_fields_reset:
 *
 * kk_field_reset() for each of @fields, as an editor does after an undo or
 * a redo.
 */
void
kk_fields_reset (KkField **fields,
                 guint     n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    kk_field_reset (fields[i]);
}

/**
 * kk_field_show_first_error:
 * @container: shown only while there is a message
 * @label: where the message goes
 * @other: (nullable): a message about no single field, shown when no field
 *   has one
 *
 * Shows the message of the first of @fields that has one: the one message
 * line that several fields of an editor share.
 */
void
kk_field_show_first_error (GtkWidget   *container,
                           GtkLabel    *label,
                           KkField    **fields,
                           guint        n_fields,
                           const char  *other)
{
  const char *message = NULL;

  for (guint i = 0; i < n_fields && message == NULL; i++)
    message = fields[i]->error;
  if (message == NULL)
    message = other;
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (container, message != NULL);
}
