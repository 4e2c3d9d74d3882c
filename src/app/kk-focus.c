/* kk-focus.c: focusing a field by the name its widget carries
 *
 * The editors name each field's widget after the property it edits
 * (`previous-budget`, `kpi-comparator`, `figure-as-of`), for tests and
 * for what opens a field from elsewhere, such as a finding of the check.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-focus.h"

static GtkWidget *
kk_find_named (GtkWidget  *widget,
               const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kk_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * kk_focus_named:
 * @root: where to look
 * @name: the widget name of the field
 *
 * Moves the keyboard focus to the first widget named @name inside @root.
 *
 * Returns: whether the focus went there
 */
gboolean
kk_focus_named (GtkWidget  *root,
                const char *name)
{
  GtkWidget *widget;

  g_return_val_if_fail (GTK_IS_WIDGET (root), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  widget = kk_find_named (root, name);
  return widget != NULL && gtk_widget_grab_focus (widget);
}
