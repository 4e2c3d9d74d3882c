/* kk-test-ui.c: what the window tests do as a clerk would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "kk-test-ui.h"

/* An application of its own, not the one a clerk may have running. */
KkApplication *
kk_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  KkApplication *app = g_object_new (KK_TYPE_APPLICATION,
                                     "application-id", "io.github.keikaku.Keikaku.Test",
                                     "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN,
                                     NULL);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* Transitions end at once: a test waits for what they show, never for
   * how long they take. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return app;
}

static void
kk_test_run_ready_sources (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * kk_test_wait_until:
 * @done: tells whether what the test waits for happened
 *
 * Runs the main loop until @done says so, as the clerk waits for a worker
 * to finish; fails the test after a minute.
 */
void
kk_test_wait_until (KkTestCondition done,
                    gpointer        data)
{
  gint64 end = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct
{
  GtkWidget     *window;
  GdkFrameClock *clock;
  gulong         handler;
  gboolean       painted;
} KkFrameWait;

static void
kk_frame_wait_painted (GdkFrameClock *clock,
                       KkFrameWait   *wait)
{
  wait->painted = TRUE;
}

static void
kk_frame_wait_free (KkFrameWait *wait)
{
  g_clear_signal_handler (&wait->handler, wait->clock);
  g_clear_object (&wait->clock);
  g_clear_object (&wait->window);
  g_free (wait);
}

/* Each window on the screen, with its frame clock asked for a frame. */
static GPtrArray *
kk_test_request_frames (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *waits = g_ptr_array_new_with_free_func ((GDestroyNotify) kk_frame_wait_free);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
      KkFrameWait *wait;

      if (!gtk_widget_get_mapped (window) || clock == NULL)
        continue;
      wait = g_new0 (KkFrameWait, 1);
      wait->window = g_steal_pointer (&window);
      wait->clock = g_object_ref (clock);
      wait->handler = g_signal_connect (clock, "after-paint",
                                        G_CALLBACK (kk_frame_wait_painted), wait);
      gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
      g_ptr_array_add (waits, wait);
    }
  return waits;
}

/* A window closed meanwhile draws no more frames. */
static gboolean
kk_test_frames_painted (gpointer data)
{
  GPtrArray *waits = data;

  for (guint i = 0; i < waits->len; i++)
    {
      KkFrameWait *wait = waits->pdata[i];

      if (!wait->painted && gtk_widget_get_mapped (wait->window))
        return FALSE;
    }
  return TRUE;
}

/**
 * kk_test_run_until_idle:
 *
 * Runs what is ready in the main loop, then until every window on the
 * screen has drawn a frame: what an action queued (a layout, a notice, a
 * dialog it presented) is then laid out and drawn. What waits for a
 * worker or a timer needs kk_test_wait_until().
 */
void
kk_test_run_until_idle (void)
{
  g_autoptr(GPtrArray) waits = NULL;

  kk_test_run_ready_sources ();
  waits = kk_test_request_frames ();
  kk_test_wait_until (kk_test_frames_painted, waits);
  kk_test_run_ready_sources ();
}

typedef struct
{
  const char *query;
  gboolean    applied;
} KkSearchWait;

static void
kk_search_wait_changed (GtkEditable  *search,
                        KkSearchWait *wait)
{
  if (g_str_equal (gtk_editable_get_text (search), wait->query))
    wait->applied = TRUE;
}

static gboolean
kk_search_wait_applied (gpointer data)
{
  KkSearchWait *wait = data;

  return wait->applied;
}

/**
 * kk_test_search:
 * @search: a #GtkSearchEntry
 * @query: what the clerk types
 *
 * Types @query into @search and waits until what searches with it (the
 * program list, in its #GtkSearchEntry::search-changed handler) has
 * searched for it and the windows are drawn again. The entry's search
 * delay, the clerk's pause in typing, is set to nothing for the test not
 * to wait it out.
 *
 * gtk_editable_set_text() deletes the old text, then inserts the new one
 * (gtk/gtkeditable.c), and the entry says #GtkSearchEntry::search-changed
 * at once when it is left empty, only after its delay for a text
 * (gtk/gtksearchentry.c): replacing one query with another first searches
 * for nothing and shows every program. Only the emission made with
 * @query in the entry is the search for it.
 */
void
kk_test_search (GtkWidget  *search,
                const char *query)
{
  KkSearchWait wait = { query, FALSE };
  gulong handler;

  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  /* The same text again changes nothing: no search comes. */
  if (g_str_equal (gtk_editable_get_text (GTK_EDITABLE (search)), query))
    return;
  gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (search), 0);
  /* After every handler, the list's too. */
  handler = g_signal_connect_after (search, "search-changed",
                                    G_CALLBACK (kk_search_wait_changed), &wait);
  gtk_editable_set_text (GTK_EDITABLE (search), query);
  kk_test_wait_until (kk_search_wait_applied, &wait);
  g_signal_handler_disconnect (search, handler);
  kk_test_run_until_idle ();
}

/**
 * kk_test_find_dialog:
 * @heading: (nullable): the dialog's heading; %NULL for any
 *
 * Returns: (transfer none) (nullable): the message dialog shown
 */
AdwMessageDialog *
kk_test_find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          (heading == NULL ||
           g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
kk_test_dialog_shown (gpointer heading)
{
  return kk_test_find_dialog (heading) != NULL;
}

/**
 * kk_test_wait_for_dialog:
 * @heading: (nullable): the dialog's heading; %NULL for any
 *
 * Waits until a message dialog is shown, such as one presented once a
 * worker is done; fails the test after a minute.
 *
 * Returns: (transfer none): the dialog
 */
AdwMessageDialog *
kk_test_wait_for_dialog (const char *heading)
{
  kk_test_wait_until (kk_test_dialog_shown, (gpointer) heading);
  kk_test_run_until_idle ();
  return kk_test_find_dialog (heading);
}

/* As a click on the response's button does: the response, then the dialog
 * closes. */
void
kk_test_respond (AdwMessageDialog *dialog,
                 const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The text a label or a list cell shows. */
const char *
kk_test_widget_text (GtkWidget *widget)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (widget))
    text = gtk_label_get_text (GTK_LABEL (widget));
  else if (GTK_IS_INSCRIPTION (widget))
    text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return text ? text : "";
}

/* The first mapped label or cell below @widget whose text starts with @prefix. */
GtkWidget *
kk_test_find_label (GtkWidget  *widget,
                    const char *prefix)
{
  if ((GTK_IS_LABEL (widget) || GTK_IS_INSCRIPTION (widget)) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (kk_test_widget_text (widget), prefix))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = kk_test_find_label (child, prefix);

      if (label != NULL)
        return label;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *widget;
  const char *prefix;
  GtkWidget  *label;
} KkLabelSearch;

static gboolean
kk_test_label_found (gpointer data)
{
  KkLabelSearch *search = data;

  search->label = kk_test_find_label (search->widget, search->prefix);
  return search->label != NULL;
}

/**
 * kk_test_wait_for_label:
 * @widget: where to look
 * @prefix: how the label's text starts
 *
 * Waits until a label under @widget shows a text that starts with @prefix,
 * such as a notice that is drawn a frame or more after the action that
 * raised it; fails the test after a minute.
 *
 * Returns: (transfer none): the label
 */
GtkWidget *
kk_test_wait_for_label (GtkWidget  *widget,
                        const char *prefix)
{
  KkLabelSearch search = { widget, prefix, NULL };

  kk_test_wait_until (kk_test_label_found, &search);
  return search.label;
}

GtkWidget *
kk_test_find_named (GtkWidget  *widget,
                    const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kk_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
kk_test_find_type (GtkWidget *widget,
                   GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kk_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first button or menu item below @widget acting with @action. */
GtkWidget *
kk_test_find_actionable (GtkWidget  *widget,
                         const char *action)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kk_test_find_actionable (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first toplevel of @type, transient for @parent unless it is %NULL. */
GtkWindow *
kk_test_find_toplevel (GType      type,
                       GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          (parent == NULL || gtk_window_get_transient_for (toplevel) == parent))
        return toplevel;
    }
  return NULL;
}

/* The settings keep the size a test before shrank its window to: a window
 * a test opens starts at the size a clerk's first window does. */
static void
kk_test_forget_window_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");
}

/* A window of @app on @plan, read from @file or from nowhere, shown and
 * drawn. */
KkWindow *
kk_test_open_window_on_file (KkApplication *app,
                             KkPlan        *plan,
                             GFile         *file)
{
  KkWindow *window;

  kk_test_forget_window_size ();
  window = kk_window_new (app, plan, file);
  gtk_window_present (GTK_WINDOW (window));
  kk_test_run_until_idle ();
  return window;
}

KkWindow *
kk_test_open_window (KkApplication *app,
                     KkPlan        *plan)
{
  return kk_test_open_window_on_file (app, plan, NULL);
}

static gboolean
kk_test_is_at_its_smallest (gpointer window)
{
  int min_width;

  gtk_widget_measure (window, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  return gtk_widget_get_width (window) <= min_width;
}

/* Makes @window as narrow as it goes, as a clerk drags it, and returns
 * that width. */
int
kk_test_shrink_window (KkWindow *window)
{
  int min_width;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL,
                      NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), min_width, 600);
  /* The X server takes its time on a busy machine. */
  kk_test_wait_until (kk_test_is_at_its_smallest, window);
  kk_test_run_until_idle ();
  return min_width;
}

static gboolean
kk_test_nothing_opening (gpointer app)
{
  return !kk_application_get_opening (app);
}

/* Waits until @app has read the plans it was asked to open. */
void
kk_test_wait_opened (KkApplication *app)
{
  kk_test_wait_until (kk_test_nothing_opening, app);
  kk_test_run_until_idle ();
}

static gboolean
kk_test_document_idle (gpointer window)
{
  return !kk_document_get_busy (kk_window_get_document (window));
}

/* Waits until the save under way, if any, is done. */
void
kk_test_wait_saved (KkWindow *window)
{
  kk_test_wait_until (kk_test_document_idle, window);
  kk_test_run_until_idle ();
}

/* Saves as Ctrl+S does, and waits until the file is written. */
void
kk_test_save (KkWindow *window)
{
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  kk_test_wait_saved (window);
}

/* Types @name as the first program's name, as the editor does. */
void
kk_test_rename_first_program (KkPlan     *plan,
                              const char *name)
{
  g_autoptr(KkProgram) program = g_list_model_get_item (kk_plan_get_programs (plan), 0);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_set_string (g_value_init (&value, G_TYPE_STRING), name);
  g_assert_true (kk_plan_edit_value (plan, program, "name", &value));
}

static gboolean
trigger_is_key (GtkShortcutTrigger *trigger,
                guint               keyval,
                GdkModifierType     modifiers)
{
  if (GTK_IS_ALTERNATIVE_TRIGGER (trigger))
    return trigger_is_key (gtk_alternative_trigger_get_first (GTK_ALTERNATIVE_TRIGGER (trigger)),
                           keyval, modifiers) ||
           trigger_is_key (gtk_alternative_trigger_get_second (GTK_ALTERNATIVE_TRIGGER (trigger)),
                           keyval, modifiers);
  return GTK_IS_KEYVAL_TRIGGER (trigger) &&
         gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers;
}

/* Runs the first shortcut of @widget's controllers of @phase for the key,
 * or gives it to the widget's own key controllers: ours, not GTK's. */
static gboolean
activate_shortcut (GtkWidget       *widget,
                   GtkPropagationPhase phase,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Kk"))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
          if (handled)
            return TRUE;
        }
      /* GtkShortcutController skips a widget that is not mapped or not
       * sensitive (gtk/gtkshortcutcontroller.c). */
      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) || !gtk_widget_get_mapped (widget) ||
          !gtk_widget_is_sensitive (widget))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (trigger_is_key (gtk_shortcut_get_trigger (shortcut), keyval, modifiers) &&
              gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                            GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                            gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * kk_test_press_key:
 *
 * Presses a key in @window as GTK would deliver it to the shortcuts of
 * the focused widget and its ancestors (their own bindings, the
 * application's accelerators) and to the key controllers of our own
 * widgets, capture phase first: Xvfb has no way in for a synthesized key.
 *
 * Returns: whether a shortcut took the key
 */
gboolean
kk_test_press_key (GtkWindow       *window,
                   guint            keyval,
                   GdkModifierType  modifiers)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  gboolean done = FALSE;

  for (GtkWidget *widget = focus != NULL ? focus : GTK_WIDGET (window);
       widget != NULL;
       widget = gtk_widget_get_parent (widget))
    g_ptr_array_add (chain, widget);
  for (guint i = chain->len; !done && i > 0; i--)
    {
      /* GTK stops a key at a widget that is not realized (gtkmain.c). */
      if (!gtk_widget_get_realized (chain->pdata[i - 1]))
        {
          kk_test_run_until_idle ();
          return FALSE;
        }
      done = activate_shortcut (chain->pdata[i - 1], GTK_PHASE_CAPTURE, keyval, modifiers);
    }
  for (guint i = 0; !done && i < chain->len; i++)
    done = activate_shortcut (chain->pdata[i], GTK_PHASE_BUBBLE, keyval, modifiers);
  kk_test_run_until_idle ();
  return done;
}

/* Ends typing into an entry or an entry row as Enter does: the GtkText it
 * types into is activated. */
void
kk_test_press_enter (GtkWidget *editable)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (editable));

  g_signal_emit_by_name (delegate ? GTK_WIDGET (delegate) : editable, "activate");
  kk_test_run_until_idle ();
}

/**
 * kk_test_press_escape:
 *
 * Gives Escape to the key controllers of @widget, as GTK does when @widget
 * has the focus.
 *
 * Returns: whether a controller took it
 */
gboolean
kk_test_press_escape (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", GDK_KEY_Escape, 0, 0, &handled);
    }
  kk_test_run_until_idle ();
  return handled;
}

static void
assert_unique_keys_of_level (GMenuModel *menu,
                             GHashTable *keys)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);
      g_autofree char *label = NULL;
      const char *underscore;

      if (section != NULL)
        assert_unique_keys_of_level (section, keys);
      if (submenu != NULL)
        kk_test_assert_unique_access_keys (submenu);
      if (!g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        continue;
      underscore = strchr (label, '_');
      g_assert_nonnull (underscore);
      g_assert_false (g_hash_table_contains (keys, GUINT_TO_POINTER (g_ascii_tolower (underscore[1]))));
      g_hash_table_add (keys, GUINT_TO_POINTER (g_ascii_tolower (underscore[1])));
    }
}

static void
kk_test_collect_label_access_keys (GtkWidget  *widget,
                                   GHashTable *keys)
{
  /* A menu's keys act only while it is open: kk_test_assert_unique_access_keys()
   * checks them by menu. */
  if (GTK_IS_POPOVER (widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      const char *other = g_hash_table_lookup (keys, GUINT_TO_POINTER (key));

      /* Each KPI row has the same fields: one label a key, wherever it repeats. */
      if (other != NULL && g_strcmp0 (other, text) != 0)
        g_error ("“%s” and “%s” have the same access key", other, text);
      g_hash_table_insert (keys, GUINT_TO_POINTER (key), (gpointer)text);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kk_test_collect_label_access_keys (child, keys);
}

/**
 * kk_test_assert_unique_label_access_keys:
 *
 * Fails the test when two labels below @widget, menus left out, have the
 * same access key; a label that repeats with the same text has its key
 * once.
 *
 * Returns: how many access keys there are
 */
guint
kk_test_assert_unique_label_access_keys (GtkWidget *widget)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);

  kk_test_collect_label_access_keys (widget, keys);
  return g_hash_table_size (keys);
}

/**
 * kk_test_assert_unique_access_keys:
 *
 * Asserts that every item of @menu has an access key, none the same as
 * another's at its level (sections are one level with their menu).
 */
void
kk_test_assert_unique_access_keys (GMenuModel *menu)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);

  g_assert_nonnull (menu);
  assert_unique_keys_of_level (menu, keys);
}
