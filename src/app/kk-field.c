/* kk-field.c: what every field of the editors does about undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-field.h"
#include "kk-plan.h"

/* Leaving a field ends its typing: coming back to it is a new undo step. */
static void
kk_field_left (GObject *editor)
{
  g_autoptr(KkPlan) plan = NULL;

  g_object_get (editor, "plan", &plan, NULL);
  if (plan != NULL)
    kk_history_seal (kk_plan_get_history (plan));
}

/**
 * kk_field_watch:
 * @field: an entry, entry row or text view of an editor
 * @editor: the editor, whose "plan" the field edits
 *
 * Makes @field's typing an undo step of the plan's of its own, ended when
 * the focus leaves it, and turns off the field's own undo: Ctrl+Z always
 * undoes the plan, the same in a field as anywhere else in the window.
 */
void
kk_field_watch (GtkWidget *field,
                GObject   *editor)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (G_IS_OBJECT (editor));

  g_signal_connect_object (focus, "leave", G_CALLBACK (kk_field_left), editor, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (field, focus);
  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_enable_undo (GTK_EDITABLE (field), FALSE);
  else if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), FALSE);
}
