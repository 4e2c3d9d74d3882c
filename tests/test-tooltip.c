/* test-tooltip.c: tooltips that show when the clerk points, and cover nothing
 *
 * The pointer is the X server's own, moved with XWarpPointer: Xvfb sends
 * the window real motions, and GTK's tooltips follow them as they follow
 * a hand on the mouse.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "kk-application.h"
#include "kk-plan-file.h"
#include "kk-test-ui.h"
#include "kk-window.h"

static KkApplication *app;

/* The X server shows @native: a pointer moved into it sends it motions. */
static gboolean
is_viewable (gpointer native)
{
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (native));
  XWindowAttributes attributes;

  return XGetWindowAttributes (display, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                               &attributes) &&
         attributes.map_state == IsViewable;
}

/* Moves the pointer to the middle of @widget, @dx to the right of it. */
static void
move_pointer_to (GtkWidget *widget,
                 int        dx)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *display = gdk_x11_display_get_xdisplay (gtk_widget_get_display (widget));
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f + dx,
                                                 gtk_widget_get_height (widget) / 2.f);
  graphene_point_t point;
  double surface_x, surface_y;

  kk_test_wait_until (is_viewable, native);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &point));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XWarpPointer (display, None, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                0, 0, 0, 0, point.x + surface_x, point.y + surface_y);
  XFlush (display);
}

/* The tooltip GTK shows in @window, if one is shown. */
static GtkWidget *
shown_tooltip (KkWindow *window)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (window));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (G_OBJECT_TYPE_NAME (child), "GtkTooltipWindow") == 0 &&
        gtk_widget_get_visible (child))
      return child;
  return NULL;
}

static gboolean
tooltip_shown (gpointer window)
{
  return shown_tooltip (window) != NULL;
}

static gboolean
tooltip_hidden (gpointer window)
{
  return shown_tooltip (window) == NULL;
}

/* What GTK asks @widget when the pointer rests in its middle. */
static gboolean
query_tooltip (GtkWidget *widget)
{
  g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shows = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip",
                         gtk_widget_get_width (widget) / 2, gtk_widget_get_height (widget) / 2,
                         FALSE, tooltip, &shows);
  return shows;
}

static GtkWidget *
first_name_cell (KkWindow   *window,
                 const char *name)
{
  GtkWidget *cell = kk_test_find_label (GTK_WIDGET (kk_window_get_program_list (window)), name);

  g_assert_true (GTK_IS_INSCRIPTION (cell));
  return cell;
}

/* The pointer rests over a name cut short where the window opens: no
 * tooltip appears by itself; once the pointer moves, the whole name does. */
static void
test_none_at_start_over_the_list (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  g_autoptr(GString) name = g_string_new (NULL);
  KkWindow *window;
  GtkWidget *cell;

  for (guint i = 0; i < 20; i++)
    g_string_append (name, "とても長い事業名");
  kk_test_rename_first_program (plan, name->str);
  window = kk_test_open_window (app, plan);
  move_pointer_to (first_name_cell (window, name->str), 0);
  gtk_window_destroy (GTK_WINDOW (window));
  kk_test_run_until_idle ();

  window = kk_test_open_window (app, plan);
  cell = first_name_cell (window, name->str);
  g_assert_false (query_tooltip (cell));

  move_pointer_to (cell, 8);
  kk_test_wait_until (tooltip_shown, window);
  g_assert_nonnull (kk_test_find_label (shown_tooltip (window), name->str));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A drop-down's tooltip, below it, would cover its list: while the list
 * is open, the drop-down has none. */
static void
test_none_over_an_open_drop_down (void)
{
  g_autoptr(KkPlan) plan = kk_plan_load_default ();
  KkWindow *window = kk_test_open_window (app, plan);
  GtkWidget *drop_down = kk_test_find_type (GTK_WIDGET (kk_window_get_program_list (window)),
                                            GTK_TYPE_DROP_DOWN);
  GtkWidget *button = kk_test_find_type (drop_down, GTK_TYPE_TOGGLE_BUTTON);
  GtkWidget *popover = kk_test_find_type (drop_down, GTK_TYPE_POPOVER);

  move_pointer_to (drop_down, 0);
  kk_test_wait_until (tooltip_shown, window);
  g_assert_nonnull (kk_test_find_label (shown_tooltip (window),
                                        gtk_widget_get_tooltip_text (drop_down)));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  kk_test_run_until_idle ();
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_false (query_tooltip (drop_down));
  move_pointer_to (drop_down, 4);
  kk_test_wait_until (tooltip_hidden, window);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  kk_test_run_until_idle ();
  g_assert_true (query_tooltip (drop_down));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(KkApplication) application = NULL;

  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tooltip/none-at-start-over-the-list", test_none_at_start_over_the_list);
  g_test_add_func ("/tooltip/none-over-an-open-drop-down", test_none_over_an_open_drop_down);
  application = app = kk_test_application_new ();
  return g_test_run ();
}
