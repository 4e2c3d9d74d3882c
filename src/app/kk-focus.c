/* kk-focus.c: focusing a field by the name its widget carries
 *
 * The editors name each field's widget after the property it edits
 * (`previous-budget`, `kpi-comparator`, `figure-as-of`), for tests and
 * for what opens a field from elsewhere, such as a finding of the check.
 * A field focused so is scrolled into view.
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

/* Moves @widget's scrolled window by as little as shows the whole of it,
 * or its top if it is taller than the window.
 * Returns: whether it was in view already */
static gboolean
kk_focus_scroll_into_view (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double page, top, bottom, shift = 0;

  if (scrolled == NULL ||
      !gtk_widget_compute_bounds (widget,
                                  gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                  &bounds))
    return TRUE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y;
  bottom = top + bounds.size.height;
  if (top < 0 || bounds.size.height > page)
    shift = top;
  else if (bottom > page)
    shift = bottom - page;
  if (G_APPROX_VALUE (shift, 0, 0.5))
    return TRUE;
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + shift);
  return FALSE;
}

/* Whether @widget is drawn where it stays: a revealer it is in (a KPI
 * that opens) moves it frame by frame until its transition ends. */
static gboolean
kk_focus_is_settled (GtkWidget *widget)
{
  for (GtkWidget *ancestor = widget; ancestor != NULL; ancestor = gtk_widget_get_parent (ancestor))
    if (GTK_IS_REVEALER (ancestor) && !gtk_revealer_get_child_revealed (GTK_REVEALER (ancestor)))
      return FALSE;
  return gtk_widget_get_mapped (widget);
}

static void
kk_focus_scroll_after_layout (GdkFrameClock *clock,
                              GtkWidget     *widget)
{
  gboolean focused = (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;

  if (!focused || (kk_focus_scroll_into_view (widget) && kk_focus_is_settled (widget)))
    g_signal_handlers_disconnect_by_func (clock, kk_focus_scroll_after_layout, widget);
}

/* GTK 4.8's viewport scrolls to the focus when it moves (focus_change_handler
 * in gtk/gtkviewport.c), from the bounds the focused widget has at that
 * moment: a field of the program just opened, or inside a KPI just
 * expanded, has not been laid out yet, and a field that had the focus
 * already is not scrolled to at all (gtk_window_root_set_focus does not
 * notify then). So the field is scrolled to after each layout, until it is
 * in view where it stays, while it keeps the focus. */
static void
kk_focus_keep_in_view (GtkWidget *widget)
{
  /* A field in a KPI that is still closed has no frame clock of its own. */
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (gtk_widget_get_native (widget)));

  if (clock == NULL)
    return;
  g_signal_handlers_disconnect_by_func (clock, kk_focus_scroll_after_layout, widget);
  g_signal_connect_object (clock, "layout", G_CALLBACK (kk_focus_scroll_after_layout), widget,
                           G_CONNECT_AFTER);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

/**
 * kk_focus_widget:
 * @widget: a field
 *
 * Moves the keyboard focus to @widget and scrolls it into view once it is
 * laid out.
 *
 * Returns: whether the focus went there
 */
gboolean
kk_focus_widget (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  if (!gtk_widget_grab_focus (widget))
    return FALSE;
  kk_focus_keep_in_view (widget);
  return TRUE;
}

/**
 * kk_focus_named:
 * @root: where to look
 * @name: the widget name of the field
 *
 * kk_focus_widget() for the first widget named @name inside @root.
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
  return widget != NULL && kk_focus_widget (widget);
}
