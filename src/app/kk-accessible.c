/* kk-accessible.c: names that a screen reader says as a person would
 *
 * GTK 4.8 names a button with an access key by its label as written,
 * underscore and all, followed by the name of the label it is labelled by
 * ("保存(_S) 保存(S)"), and gives the button inside a GtkDropDown, which is
 * what takes the focus, no name at all: Orca then says "GtkToggleButton".
 * A name is the label property and the names of the labelled-by relation
 * joined (gtk_at_context_get_name() in gtkatcontext.c), so a widget given
 * a name of ours drops that relation, or its name is said twice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "kk-accessible.h"

/**
 * kk_accessible_strip_mnemonic:
 * @label: a label with an access key: "_Save", "保存(_S)"
 *
 * Returns: (transfer full): @label as it is said: "Save", "保存"
 */
char *
kk_accessible_strip_mnemonic (const char *label)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (label != NULL, NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      /* Japanese writes the key apart, in parentheses after the word. */
      if (p[0] == '(' && p[1] == '_' && p[2] != '\0' && p[3] == ')')
        p += 3;
      else if (p[0] == '_' && p[1] == '_')
        g_string_append_c (text, *p++);
      else if (p[0] != '_')
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

/**
 * kk_accessible_set_name:
 * @name: what a screen reader says
 *
 * Names @widget by @name alone, without the labels it is labelled by.
 */
/* AdwButtonContent makes its label name the button when it is added to a
 * window (gtk_label_set_mnemonic_widget() in adw_button_content_root()),
 * which GTK says after our name: "Add Figure to KPI 件数 Add Figure".
 * GTK notifies the button's root after its children's. */
static void
kk_accessible_keep_name (GtkWidget *widget)
{
  if (gtk_widget_get_root (widget) != NULL)
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

void
kk_accessible_set_name (GtkWidget  *widget,
                        const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, kk_accessible_keep_name,
                             NULL) == 0)
    g_signal_connect (widget, "notify::root", G_CALLBACK (kk_accessible_keep_name), NULL);
}

/* "_Pillar" is said "Pillar". */
static char *
kk_row_dup_title (AdwPreferencesRow *row)
{
  const char *title = adw_preferences_row_get_title (row);

  return adw_preferences_row_get_use_underline (row) ? kk_accessible_strip_mnemonic (title)
                                                     : g_strdup (title);
}

/**
 * kk_accessible_name_lists:
 * @name: what the lists hold: "Targets"
 *
 * Names every list inside @widget, which GTK names "GtkListView" and
 * "GtkListBox": the choices of a combo row and the rows of an expander
 * row by the title of their row, the others by @name.
 */
void
kk_accessible_name_lists (GtkWidget  *widget,
                          const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (name != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_COMBO_ROW (child) || ADW_IS_EXPANDER_ROW (child))
        {
          g_autofree char *title = kk_row_dup_title (ADW_PREFERENCES_ROW (child));

          kk_accessible_name_lists (child, title);
          continue;
        }
      if (GTK_IS_LIST_BOX (child) || GTK_IS_LIST_VIEW (child))
        kk_accessible_set_name (child, name);
      kk_accessible_name_lists (child, name);
    }
}

static const char *
kk_button_get_mnemonic_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  return NULL;
}

/**
 * kk_accessible_name_buttons:
 *
 * Names @widget and every button inside it whose label has an access key
 * by that label without its key. A label changed later needs another call.
 */
void
kk_accessible_name_buttons (GtkWidget *widget)
{
  const char *label;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  label = kk_button_get_mnemonic_label (widget);
  if (label != NULL)
    {
      g_autofree char *name = kk_accessible_strip_mnemonic (label);

      kk_accessible_set_name (widget, name);
      /* A menu button's button inside, which takes the focus, is said as
       * the label shows: "書き出し(E)". */
      if (GTK_IS_MENU_BUTTON (widget))
        kk_accessible_set_name (gtk_widget_get_first_child (widget), name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kk_accessible_name_buttons (child);
}

/**
 * kk_accessible_tell_entry_row_focus:
 * @row: an entry row not yet in a window
 *
 * Has @row tell a screen reader when it takes the focus. The GtkText it
 * types into, which takes the focus, is not an object of its own (its role
 * is none), and GTK 4.8 tells the focus of such a widget to its parent
 * only (gtk_accessible_platform_changed()), in libadwaita 1.2 an AdwGizmo
 * that is never focused: Orca heard nothing. As a text box, the GtkText
 * tells its focus itself; it is named as its row (kk_field_new() names it).
 * A role can be changed only before GTK shows it to a screen reader.
 */
void
kk_accessible_tell_entry_row_focus (AdwEntryRow *row)
{
  GtkEditable *text;

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (gtk_widget_get_root (GTK_WIDGET (row)) == NULL);

  text = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (text != NULL)
    g_object_set (text, "accessible-role", GTK_ACCESSIBLE_ROLE_TEXT_BOX, NULL);
}

/* The row an AdwExpanderRow shows as its header, which takes the focus:
 * the first row of the list it holds first (libadwaita 1.2). */
static GtkWidget *
kk_expander_row_get_header (AdwExpanderRow *row)
{
  GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (row));
  GtkWidget *list = box != NULL ? gtk_widget_get_first_child (box) : NULL;
  GtkWidget *header = GTK_IS_LIST_BOX (list) ? gtk_widget_get_first_child (list) : NULL;

  return GTK_IS_LIST_BOX_ROW (header) ? header : NULL;
}

static void
kk_expander_row_update_state (AdwExpanderRow *row)
{
  GtkWidget *header = kk_expander_row_get_header (row);

  if (header != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (header), GTK_ACCESSIBLE_STATE_EXPANDED,
                                 adw_expander_row_get_expanded (row), -1);
}

/**
 * kk_accessible_follow_expander_row:
 *
 * Has the header of @row say whether it is expanded, when it takes the
 * focus and when that changes: libadwaita 1.2 says neither, and a screen
 * reader's user does not know that Space opened it.
 */
void
kk_accessible_follow_expander_row (AdwExpanderRow *row)
{
  g_return_if_fail (ADW_IS_EXPANDER_ROW (row));

  g_signal_connect (row, "notify::expanded", G_CALLBACK (kk_expander_row_update_state), NULL);
  kk_expander_row_update_state (row);
}

/**
 * kk_accessible_name_by_content:
 * @button: a button showing an AdwButtonContent
 *
 * Names @button by the label of its content without its access key, which
 * the Japanese label shows in parentheses: "成果指標を追加(K)" is said
 * "成果指標を追加".
 */
void
kk_accessible_name_by_content (GtkButton *button)
{
  GtkWidget *content;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_BUTTON (button));
  content = gtk_button_get_child (button);
  g_return_if_fail (ADW_IS_BUTTON_CONTENT (content));

  name = kk_accessible_strip_mnemonic (adw_button_content_get_label (ADW_BUTTON_CONTENT (content)));
  kk_accessible_set_name (GTK_WIDGET (button), name);
}

/**
 * kk_accessible_name_column_view:
 * @name: what the rows are: "Programs"
 *
 * Names the row of column titles of @column_view and its list of rows,
 * which GTK names by their types, "GtkListItemWidget" and
 * "GtkColumnListView".
 */
void
kk_accessible_name_column_view (GtkColumnView *column_view,
                                const char    *name)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (name != NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kk_accessible_set_name (child, GTK_IS_LIST_VIEW (child) ? name : _("Column titles"));
}

static void
kk_window_added (GListModel *windows,
                 guint       position,
                 guint       removed,
                 guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (windows, i);

      if (g_signal_handler_find (window, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                 kk_accessible_name_buttons, NULL) == 0)
        g_signal_connect (window, "show", G_CALLBACK (kk_accessible_name_buttons), NULL);
    }
}

/**
 * kk_accessible_name_dialog_buttons:
 *
 * Names the buttons of every window, message dialogs' responses
 * ("_Discard") included, by their labels without access keys when the
 * window is shown.
 */
void
kk_accessible_name_dialog_buttons (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  if (g_signal_handler_find (windows, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, kk_window_added, NULL) != 0)
    return;
  kk_window_added (windows, 0, 0, g_list_model_get_n_items (windows));
  g_signal_connect (windows, "items-changed", G_CALLBACK (kk_window_added), NULL);
}

static GtkWidget *
kk_drop_down_get_button (GtkDropDown *drop_down)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      return child;
  return NULL;
}

static void
kk_drop_down_update_name (GtkDropDown *drop_down)
{
  const char *name = g_object_get_data (G_OBJECT (drop_down), "kk-accessible-name");
  GtkWidget *button = kk_drop_down_get_button (drop_down);
  GObject *item = gtk_drop_down_get_selected_item (drop_down);
  g_autofree char *label = NULL;

  if (button == NULL)
    return;
  if (GTK_IS_STRING_OBJECT (item))
    /* Translators: how a screen reader says a drop-down: its name and
     * its choice, "Pillar: All pillars" */
    label = g_strdup_printf (C_("drop-down", "%s: %s"), name,
                             gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  else
    label = g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/* A choice as GTK shows it, a label and, in the drop-down's list, a check
 * mark on the chosen one; its row, in the list and in the button, says the
 * choice: GTK's own rows are said "GtkListItemWidget". */
static void
kk_choice_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_bind_property (item, "selected", check, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, box);
}

/* The row holding the choice is the parent of the item's child. */
static void
kk_choice_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *row = gtk_widget_get_parent (box);
  GObject *choice = gtk_list_item_get_item (item);
  const char *text = GTK_IS_STRING_OBJECT (choice)
                     ? gtk_string_object_get_string (GTK_STRING_OBJECT (choice)) : "";

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  if (row != NULL)
    kk_accessible_set_name (row, text);
}

/**
 * kk_accessible_name_drop_down:
 * @name: what the drop-down chooses: "Pillar"
 *
 * Names @drop_down and the button inside it, which takes the focus, by
 * @name and its choice, following the choice. Called again, it changes
 * the name.
 */
void
kk_accessible_name_drop_down (GtkDropDown *drop_down,
                              const char  *name)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  gboolean named;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  named = g_object_get_data (G_OBJECT (drop_down), "kk-accessible-name") != NULL;
  g_object_set_data_full (G_OBJECT (drop_down), "kk-accessible-name", g_strdup (name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  kk_drop_down_update_name (drop_down);
  if (named)
    return;
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (kk_drop_down_update_name),
                    NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (kk_choice_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (kk_choice_bind), NULL);
  gtk_drop_down_set_factory (drop_down, factory);
}

/* As AdwComboRow shows a choice: cut short at about 20 characters. */
static void
kk_combo_choice_setup (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  GtkWidget *label;

  kk_choice_setup (factory, item);
  label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
}

/* The choice as the row writes it, by its expression or as a string. */
static void
kk_combo_choice_bind (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      AdwComboRow              *combo_row)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *row = gtk_widget_get_parent (box);
  GObject *choice = gtk_list_item_get_item (item);
  GtkExpression *expression = adw_combo_row_get_expression (combo_row);
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text = "";

  if (expression != NULL && gtk_expression_evaluate (expression, choice, &value))
    text = g_value_get_string (&value);
  else if (GTK_IS_STRING_OBJECT (choice))
    text = gtk_string_object_get_string (GTK_STRING_OBJECT (choice));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  if (row != NULL)
    kk_accessible_set_name (row, text != NULL ? text : "");
}

/**
 * kk_accessible_name_combo_row:
 *
 * Names @combo_row by its title without its access key, which a screen
 * reader said as the Japanese label shows it: "達成の基準(W)". Shows its
 * choices as it does, in rows that say their choice: GTK leaves them
 * unnamed.
 */
void
kk_accessible_name_combo_row (AdwComboRow *combo_row)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (combo_row));

  title = kk_row_dup_title (ADW_PREFERENCES_ROW (combo_row));
  kk_accessible_set_name (GTK_WIDGET (combo_row), title);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (kk_combo_choice_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (kk_combo_choice_bind), combo_row);
  adw_combo_row_set_factory (combo_row, factory);
}
