/* kk-tooltip.c: tooltips that keep Japanese on one line
 *
 * GTK 4.8 wraps a tooltip's text at as many "characters" as it has, each
 * as wide as an average Latin letter (update_label_width() in
 * gtktooltipwindow.c): a Japanese character is about twice that, so 継続
 * wraps after 継. Our tooltips show their text in a label of their own,
 * on one line up to a width that still reads well, and wrapped beyond it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include "kk-tooltip.h"

/* About 30 Japanese or 50 Latin characters. */
#define KK_TOOLTIP_MAX_WIDTH_CHARS 50

static GQuark
kk_tooltip_pointer_moved_quark (void)
{
  return g_quark_from_static_string ("kk-tooltip-pointer-moved");
}

/**
 * kk_tooltip_label_new:
 * @text: what a tooltip says
 *
 * Returns: a label showing @text on one line when it is short enough,
 *   wrapped at about 30 Japanese characters when it is longer
 */
GtkWidget *
kk_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), KK_TOOLTIP_MAX_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

/**
 * kk_tooltip_set_text:
 * @text: what the tooltip says
 *
 * Sets the text of @tooltip, in a label of kk_tooltip_label_new().
 */
void
kk_tooltip_set_text (GtkTooltip *tooltip,
                     const char *text)
{
  g_return_if_fail (GTK_IS_TOOLTIP (tooltip));

  gtk_tooltip_set_custom (tooltip, kk_tooltip_label_new (text));
}

static void
kk_tooltip_pointer_motion (GtkEventControllerMotion *motion)
{
  GtkEventController *controller = GTK_EVENT_CONTROLLER (motion);

  /* GTK follows a window that opens or moves under a resting pointer
   * with motions of its own, stamped with no time (gtk/gtkmain.c), which
   * its tooltips ignore too (gtk/gtktooltip.c). */
  if (gtk_event_controller_get_current_event_time (controller) == GDK_CURRENT_TIME)
    return;
  g_object_set_qdata (G_OBJECT (gtk_event_controller_get_widget (controller)),
                      kk_tooltip_pointer_moved_quark (), GINT_TO_POINTER (TRUE));
}

/**
 * kk_tooltip_follow_pointer:
 *
 * Notes when the pointer first moves over @widget, for
 * kk_tooltip_pointer_moved().
 */
void
kk_tooltip_follow_pointer (GtkWidget *widget)
{
  GtkEventController *motion;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (kk_tooltip_pointer_motion), NULL);
  gtk_widget_add_controller (widget, motion);
}

/**
 * kk_tooltip_pointer_moved:
 *
 * Whether the pointer has moved over @widget, which kk_tooltip_follow_pointer()
 * follows. A tooltip shows only then: the GTK of Debian 12 shows one
 * also where the pointer rests when the window opens under it, which is
 * a tooltip that appears by itself.
 */
gboolean
kk_tooltip_pointer_moved (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  return g_object_get_qdata (G_OBJECT (widget), kk_tooltip_pointer_moved_quark ()) != NULL;
}

/* A popover of @widget is open, such as a drop-down's list. */
static gboolean
kk_tooltip_popover_open (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
        return TRUE;
      if (!GTK_IS_NATIVE (child) && kk_tooltip_popover_open (child))
        return TRUE;
    }
  return FALSE;
}

/* A tooltip stands below its widget: over the list of a drop-down that is
 * open. The pointer over that list is inside the popover, not in the
 * widget: the search for a tooltip then goes on with the widget's
 * parents. */
static gboolean
kk_tooltip_may_show (GtkWidget *widget,
                     int        x,
                     int        y,
                     gboolean   keyboard)
{
  if (keyboard)
    return !kk_tooltip_popover_open (widget);
  return gtk_widget_contains (widget, x, y) && !kk_tooltip_popover_open (widget) &&
         kk_tooltip_pointer_moved (widget);
}

/* Runs before GTK's own handler, which would set the text again. */
static gboolean
kk_tooltip_query (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL || !kk_tooltip_may_show (widget, x, y, keyboard))
    {
      g_signal_stop_emission_by_name (widget, "query-tooltip");
      return FALSE;
    }
  kk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * kk_tooltip_fit:
 *
 * Gives @widget and every widget inside it that has a tooltip text a
 * tooltip made by kk_tooltip_set_text(), which no open drop-down's list
 * shows under, and which shows only once the pointer moved over its
 * widget. Widgets added later need a call of their own.
 */
void
kk_tooltip_fit (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_tooltip_text (widget) != NULL &&
      g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, kk_tooltip_query, NULL) == 0)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (kk_tooltip_query), NULL);
      kk_tooltip_follow_pointer (widget);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kk_tooltip_fit (child);
}
