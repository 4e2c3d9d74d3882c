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

/* Runs before GTK's own handler, which would set the text again. */
static gboolean
kk_tooltip_query (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  /* The pointer is over a popup of the widget, such as a drop-down's
   * list: its tooltip would cover the choices. The search for a tooltip
   * goes on with the widget's parents. */
  if (text == NULL || (!keyboard && !gtk_widget_contains (widget, x, y)))
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
 * tooltip made by kk_tooltip_set_text(), which no drop-down's list shows
 * under. Widgets added later need a call of their own.
 */
void
kk_tooltip_fit (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (gtk_widget_get_tooltip_text (widget) != NULL &&
      g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, kk_tooltip_query, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (kk_tooltip_query), NULL);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kk_tooltip_fit (child);
}
