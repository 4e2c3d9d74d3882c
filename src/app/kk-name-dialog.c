/* kk-name-dialog.c: asks for the name of a new or renamed division or pillar
 *
 * The names of a plan's divisions identify them in its file, so a name must
 * be new: Apply stays off while the name is empty or taken.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-field.h"
#include "kk-name-dialog.h"

struct _KkNameDialog
{
  AdwMessageDialog parent_instance;

  /* The divisions or pillars; each has a "name". */
  GListModel *names;

  GtkDropDown *choice_drop_down;
  GtkEntry *name_entry;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (KkNameDialog, kk_name_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
kk_item_dup_name (gpointer item)
{
  char *name = NULL;

  g_object_get (item, "name", &name, NULL);
  return name;
}

static gboolean
kk_name_dialog_is_taken (KkNameDialog *self,
                         const char   *name)
{
  g_autoptr(GObject) choice = kk_name_dialog_get_choice (self);

  for (guint i = 0; i < g_list_model_get_n_items (self->names); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->names, i);
      g_autofree char *item_name = kk_item_dup_name (item);

      if (item != choice && g_strcmp0 (item_name, name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
kk_name_dialog_validate (KkNameDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  gboolean taken = kk_name_dialog_is_taken (self, name);

  gtk_label_set_text (self->error_label, taken ? _("This name is taken already") : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), taken);
  kk_field_mark_invalid (GTK_WIDGET (self->name_entry), taken);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "apply",
                                           *name != '\0' && !taken);
}

static void
kk_name_dialog_choice_changed (KkNameDialog *self)
{
  g_autoptr(GObject) choice = kk_name_dialog_get_choice (self);
  g_autofree char *name = choice ? kk_item_dup_name (choice) : NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), name ? name : "");
  kk_name_dialog_validate (self);
}

static void
kk_name_dialog_dispose (GObject *object)
{
  KkNameDialog *self = KK_NAME_DIALOG (object);

  g_clear_object (&self->names);

  G_OBJECT_CLASS (kk_name_dialog_parent_class)->dispose (object);
}

static void
kk_name_dialog_class_init (KkNameDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_name_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-name-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KkNameDialog, choice_drop_down);
  gtk_widget_class_bind_template_child (widget_class, KkNameDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, KkNameDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, kk_name_dialog_validate);
  gtk_widget_class_bind_template_callback (widget_class, kk_name_dialog_choice_changed);
}

static void
kk_name_dialog_init (KkNameDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * kk_name_dialog_new:
 * @names: the items whose names are taken, each with a "name" property
 * @rename: whether to choose one of @names and rename it
 *
 * Returns: (transfer none): the dialog; connect to its "response" and present it
 */
KkNameDialog *
kk_name_dialog_new (GtkWindow  *parent,
                    const char *heading,
                    GListModel *names,
                    gboolean    rename)
{
  KkNameDialog *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (names), NULL);

  self = g_object_new (KK_TYPE_NAME_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       NULL);
  self->names = g_object_ref (names);
  if (rename)
    {
      gtk_drop_down_set_expression (self->choice_drop_down,
                                    gtk_property_expression_new (g_list_model_get_item_type (names),
                                                                 NULL, "name"));
      gtk_drop_down_set_model (self->choice_drop_down, names);
      gtk_widget_set_visible (GTK_WIDGET (self->choice_drop_down), TRUE);
      kk_name_dialog_choice_changed (self);
    }
  return self;
}

/**
 * kk_name_dialog_get_name:
 *
 * Returns: the name typed
 */
const char *
kk_name_dialog_get_name (KkNameDialog *self)
{
  g_return_val_if_fail (KK_IS_NAME_DIALOG (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
}

/**
 * kk_name_dialog_get_choice:
 *
 * Returns: (transfer full) (nullable): the item to rename
 */
gpointer
kk_name_dialog_get_choice (KkNameDialog *self)
{
  gpointer choice;

  g_return_val_if_fail (KK_IS_NAME_DIALOG (self), NULL);

  choice = gtk_drop_down_get_selected_item (self->choice_drop_down);
  if (!gtk_widget_get_visible (GTK_WIDGET (self->choice_drop_down)) || choice == NULL)
    return NULL;
  return g_object_ref (choice);
}
