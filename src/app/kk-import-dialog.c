/* kk-import-dialog.c: the preview of a CSV import, before anything changes
 *
 * Lists every change the file makes (program, field, before, after) and
 * every cell that cannot be read (line, column, reason). Apply makes the
 * changes as one step of undo; it stays off while a cell cannot be read or
 * nothing would change. Cancel, Escape or closing leave the plan as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kk-import-dialog.h"

struct _KkImportDialog
{
  AdwWindow parent_instance;

  KkCsvImport *import;

  AdwWindowTitle *window_title;
  GtkWidget *apply_button;
  GtkLabel *summary_label;
  GtkWidget *problems_box;
  GtkColumnView *problems_view;
  GtkNoSelection *problems_selection;
  GtkWidget *changes_box;
  GtkColumnView *changes_view;
  GtkNoSelection *changes_selection;
};

G_DEFINE_FINAL_TYPE (KkImportDialog, kk_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_IMPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A column showing @property of the rows' items, of type @type_name. */
static void
kk_import_dialog_add_column (GtkColumnView *view,
                             const char    *title,
                             const char    *type_name,
                             const char    *property,
                             gboolean       expand)
{
  g_autofree char *ui = g_strdup_printf (
    "<interface><template class=\"GtkListItem\"><property name=\"child\">"
    "<object class=\"GtkLabel\"><property name=\"xalign\">%s</property>"
    "<property name=\"wrap\">true</property><property name=\"wrap-mode\">word-char</property>"
    "<binding name=\"label\"><lookup name=\"%s\" type=\"%s\">"
    "<lookup name=\"item\">GtkListItem</lookup></lookup></binding>"
    "</object></property></template></interface>",
    expand ? "0" : "1", property, type_name);
  gsize length = strlen (ui);
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&ui), length);
  g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_bytes (NULL, bytes);
  g_autoptr(GtkColumnViewColumn) column = gtk_column_view_column_new (title, g_object_ref (factory));

  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (view, column);
}

/* What the clerk reads first: whether Apply will do anything, and if not
 * why. */
static char *
kk_import_dialog_dup_summary (KkImportDialog *self)
{
  guint n_problems = g_list_model_get_n_items (kk_csv_import_get_problems (self->import));
  guint n_changes = g_list_model_get_n_items (kk_csv_import_get_changes (self->import));

  if (n_problems > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u cell cannot be read. Correct the file and import it "
                                         "again: nothing is changed until every cell is read.",
                                         "%u cells cannot be read. Correct the file and import it "
                                         "again: nothing is changed until every cell is read.",
                                         n_problems),
                            n_problems);
  if (n_changes == 0)
    return g_strdup (_("The file holds what the plan holds: there is nothing to change."));
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Apply makes %u change, which Undo takes back at once.",
                                       "Apply makes %u changes, which Undo takes back at once.",
                                       n_changes),
                          n_changes);
}

static void
kk_import_dialog_show_import (KkImportDialog *self)
{
  GListModel *problems = kk_csv_import_get_problems (self->import);
  GListModel *changes = kk_csv_import_get_changes (self->import);
  g_autofree char *summary = kk_import_dialog_dup_summary (self);

  gtk_no_selection_set_model (self->problems_selection, problems);
  gtk_no_selection_set_model (self->changes_selection, changes);
  gtk_widget_set_visible (self->problems_box, g_list_model_get_n_items (problems) > 0);
  gtk_widget_set_visible (self->changes_box, g_list_model_get_n_items (changes) > 0);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_sensitive (self->apply_button, kk_csv_import_get_can_apply (self->import));
}

static void
kk_import_dialog_apply (KkImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!kk_csv_import_apply (self->import, &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
kk_import_dialog_cancel (KkImportDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
kk_import_dialog_dispose (GObject *object)
{
  KkImportDialog *self = KK_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_IMPORT_DIALOG);
  g_clear_object (&self->import);

  G_OBJECT_CLASS (kk_import_dialog_parent_class)->dispose (object);
}

static void
kk_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KkImportDialog *self = KK_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      g_value_set_object (value, self->import);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_import_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KkImportDialog *self = KK_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_IMPORT:
      self->import = g_value_dup_object (value);
      kk_import_dialog_show_import (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_import_dialog_class_init (KkImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_import_dialog_dispose;
  object_class->get_property = kk_import_dialog_get_property;
  object_class->set_property = kk_import_dialog_set_property;

  /**
   * KkImportDialog:import:
   *
   * The import the dialog shows and applies.
   */
  properties[PROP_IMPORT] =
    g_param_spec_object ("import", NULL, NULL, KK_TYPE_CSV_IMPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KK_TYPE_IMPORT_CHANGE);
  g_type_ensure (KK_TYPE_IMPORT_PROBLEM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, changes_box);
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, changes_selection);
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, changes_view);
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, problems_selection);
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KkImportDialog, window_title);
  gtk_widget_class_bind_template_callback (widget_class, kk_import_dialog_apply);
  gtk_widget_class_bind_template_callback (widget_class, kk_import_dialog_cancel);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kk_import_dialog_init (KkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  kk_import_dialog_add_column (self->changes_view, _("Program"), "KkImportChange",
                               "program-label", TRUE);
  kk_import_dialog_add_column (self->changes_view, _("Field"), "KkImportChange", "field", TRUE);
  kk_import_dialog_add_column (self->changes_view, _("Before"), "KkImportChange", "old-value",
                               TRUE);
  kk_import_dialog_add_column (self->changes_view, _("After"), "KkImportChange", "new-value",
                               TRUE);
  kk_import_dialog_add_column (self->problems_view, _("Line"), "KkImportProblem", "line", FALSE);
  kk_import_dialog_add_column (self->problems_view, _("Column"), "KkImportProblem", "column",
                               FALSE);
  kk_import_dialog_add_column (self->problems_view, _("Reason"), "KkImportProblem", "reason",
                               TRUE);
}

/**
 * kk_import_dialog_new:
 * @file_name: the imported file's name, shown under the title
 *
 * Returns: (transfer none): the dialog, modal over @parent; present it
 */
KkImportDialog *
kk_import_dialog_new (GtkWindow   *parent,
                      KkCsvImport *import,
                      const char  *file_name)
{
  KkImportDialog *self;

  g_return_val_if_fail (KK_IS_CSV_IMPORT (import), NULL);

  self = g_object_new (KK_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "import", import,
                       NULL);
  adw_window_title_set_subtitle (self->window_title, file_name);
  return self;
}

KkCsvImport *
kk_import_dialog_get_import (KkImportDialog *self)
{
  g_return_val_if_fail (KK_IS_IMPORT_DIALOG (self), NULL);
  return self->import;
}
