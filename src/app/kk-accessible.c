/* kk-accessible.c: names that a screen reader says as a person would
 *
 * GTK 4.8 names a button with an access key by its label as written,
 * underscore and all ("保存(_S)"), and gives the button inside a
 * GtkDropDown, which is what takes the focus, no name at all: Orca then
 * says "GtkToggleButton".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

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

      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kk_accessible_name_buttons (child);
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

/**
 * kk_accessible_name_drop_down:
 * @name: what the drop-down chooses: "Pillar"
 *
 * Names @drop_down and the button inside it, which takes the focus, by
 * @name and its choice, following the choice.
 */
void
kk_accessible_name_drop_down (GtkDropDown *drop_down,
                              const char  *name)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (name != NULL);

  g_object_set_data_full (G_OBJECT (drop_down), "kk-accessible-name", g_strdup (name), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (drop_down), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (kk_drop_down_update_name),
                    NULL);
  kk_drop_down_update_name (drop_down);
}
