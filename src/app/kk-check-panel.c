/* kk-check-panel.c: the findings of the consistency check, as the plan is
 * edited
 *
 * The check runs again a moment after each change (KkCheckPanel:delay), so
 * that typing is never held up by it, and only while the panel is shown: a
 * hidden panel notes that it is out of date and checks when it is shown.
 * Activating a finding emits ::finding-activated; the window opens its
 * field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-check-panel.h"
#include "kk-check.h"

/* Long enough to let a burst of edits (undoing several steps) pass. */
#define KK_CHECK_DELAY_MS 300

struct _KkCheckPanel
{
  AdwBin parent_instance;

  KkPlan *plan;
  GListStore *findings;
  guint delay;
  guint run_id;
  /* The plan changed while the panel was hidden. */
  gboolean stale;

  GtkLabel *summary_label;
  GtkListView *list_view;
};

G_DEFINE_FINAL_TYPE (KkCheckPanel, kk_check_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  PROP_FINDINGS,
  PROP_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Running the check                                                        */

static void
kk_check_panel_show_summary (KkCheckPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  g_autofree char *summary = NULL;

  if (n == 0)
    summary = g_strdup (_("Nothing found: the plan is consistent."));
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
  gtk_label_set_text (self->summary_label, summary);
}

static void
kk_check_panel_run (KkCheckPanel *self)
{
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->findings));

  self->stale = FALSE;
  if (self->plan != NULL)
    {
      findings = kk_check_plan (self->plan);
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        g_ptr_array_add (items, g_list_model_get_item (findings, i));
    }
  g_list_store_splice (self->findings, 0, n_old, items->pdata, items->len);
  kk_check_panel_show_summary (self);
}

static void
kk_check_panel_refresh (KkCheckPanel *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kk_check_panel_run (self);
  else
    self->stale = TRUE;
}

static gboolean
kk_check_panel_run_cb (gpointer user_data)
{
  KkCheckPanel *self = user_data;

  self->run_id = 0;
  kk_check_panel_refresh (self);
  return G_SOURCE_REMOVE;
}

static void
kk_check_panel_schedule (KkCheckPanel *self)
{
  g_clear_handle_id (&self->run_id, g_source_remove);
  if (self->delay == 0)
    self->run_id = g_idle_add (kk_check_panel_run_cb, self);
  else
    self->run_id = g_timeout_add (self->delay, kk_check_panel_run_cb, self);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                     */

static void
kk_check_panel_setup_row (GtkSignalListItemFactory *factory,
                          GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *place = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_wrap (GTK_LABEL (place), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (place), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (place, "heading");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (texts), place);
  gtk_box_append (GTK_BOX (texts), message);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

typedef struct
{
  const char *icon_name;
  const char *style_class;
  const char *name;
} KkSeverityLook;

static const KkSeverityLook *
kk_severity_look (KkSeverity severity)
{
  static const KkSeverityLook looks[] = {
    [KK_SEVERITY_ERROR] = { "dialog-error-symbolic", "error", N_("Error") },
    [KK_SEVERITY_WARNING] = { "dialog-warning-symbolic", "warning", N_("Warning") },
    [KK_SEVERITY_NOTE] = { "dialog-information-symbolic", "accent", N_("Note") },
  };

  g_assert ((guint)severity < G_N_ELEMENTS (looks));
  return &looks[severity];
}

static void
kk_check_panel_bind_row (GtkSignalListItemFactory *factory,
                         GtkListItem              *item)
{
  KkFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *icon = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *place = gtk_widget_get_first_child (gtk_widget_get_next_sibling (icon));
  GtkWidget *message = gtk_widget_get_next_sibling (place);
  const KkSeverityLook *look = kk_severity_look (kk_finding_get_severity (finding));

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), look->icon_name);
  gtk_widget_set_css_classes (icon, (const char *[]) { look->style_class, NULL });
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _(look->name), -1);
  gtk_label_set_text (GTK_LABEL (place), kk_finding_get_place (finding));
  gtk_label_set_text (GTK_LABEL (message), kk_finding_get_message (finding));
}

static void
kk_check_panel_activate (KkCheckPanel *self,
                         guint         position)
{
  g_autoptr(KkFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), position);

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

/* Enter on a row reaches here only when the row's own binding let it pass:
 * GtkShortcutController skips the shortcuts of a widget that is not mapped
 * (gtk/gtkshortcutcontroller.c in GTK 4.8), and the row that Ctrl+K gives
 * the focus to is mapped only once the revealer has started to show the
 * panel, a frame or more later (0.6 s on a busy machine, as the views above
 * shrink). Enter typed in between is the clerk's Enter all the same. */
static gboolean
kk_check_panel_key_pressed (KkCheckPanel    *self,
                            guint            keyval,
                            guint            keycode,
                            GdkModifierType  state)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || focus == NULL ||
      gtk_widget_get_parent (focus) != GTK_WIDGET (self->list_view))
    return FALSE;
  return gtk_widget_activate (focus);
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
kk_check_panel_map (GtkWidget *widget)
{
  KkCheckPanel *self = KK_CHECK_PANEL (widget);

  GTK_WIDGET_CLASS (kk_check_panel_parent_class)->map (widget);
  if (self->stale)
    kk_check_panel_run (self);
}

static void
kk_check_panel_dispose (GObject *object)
{
  KkCheckPanel *self = KK_CHECK_PANEL (object);

  kk_check_panel_set_plan (self, NULL);
  g_clear_handle_id (&self->run_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_CHECK_PANEL);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (kk_check_panel_parent_class)->dispose (object);
}

static void
kk_check_panel_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  KkCheckPanel *self = KK_CHECK_PANEL (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    case PROP_FINDINGS:
      g_value_set_object (value, self->findings);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_check_panel_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  KkCheckPanel *self = KK_CHECK_PANEL (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kk_check_panel_set_plan (self, g_value_get_object (value));
      break;
    case PROP_DELAY:
      kk_check_panel_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_check_panel_class_init (KkCheckPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_check_panel_dispose;
  object_class->get_property = kk_check_panel_get_property;
  object_class->set_property = kk_check_panel_set_property;
  widget_class->map = kk_check_panel_map;

  /**
   * KkCheckPanel:plan:
   *
   * The plan checked.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * KkCheckPanel:findings:
   *
   * The #KkFinding<!-- -->s of the last run: always the same list, whose
   * items change.
   */
  properties[PROP_FINDINGS] =
    g_param_spec_object ("findings", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * KkCheckPanel:delay:
   *
   * How long after a change of the plan the check runs again, in
   * milliseconds; 0 runs it as soon as the main loop is idle (tests).
   */
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXUINT, KK_CHECK_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KkCheckPanel::finding-activated:
   * @finding: the finding clicked or chosen with Enter
   *
   * The clerk wants to open the field of @finding.
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, KK_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-check-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KkCheckPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, KkCheckPanel, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, kk_check_panel_activate);
  gtk_widget_class_set_css_name (widget_class, "kk-check-panel");
}

static void
kk_check_panel_init (KkCheckPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkSingleSelection *selection;
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->delay = KK_CHECK_DELAY_MS;
  self->findings = g_list_store_new (KK_TYPE_FINDING);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->findings)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (kk_check_panel_setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (kk_check_panel_bind_row), NULL);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (kk_check_panel_key_pressed),
                            self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (factory);
  g_object_unref (selection);
  kk_check_panel_show_summary (self);
}

GtkWidget *
kk_check_panel_new (void)
{
  return g_object_new (KK_TYPE_CHECK_PANEL, NULL);
}

KkPlan *
kk_check_panel_get_plan (KkCheckPanel *self)
{
  g_return_val_if_fail (KK_IS_CHECK_PANEL (self), NULL);
  return self->plan;
}

void
kk_check_panel_set_plan (KkCheckPanel *self,
                         KkPlan       *plan)
{
  g_return_if_fail (KK_IS_CHECK_PANEL (self));
  g_return_if_fail (plan == NULL || KK_IS_PLAN (plan));

  if (self->plan == plan)
    return;
  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (kk_plan_get_history (self->plan), self);
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      /* An undo or a redo is a change too. */
      g_signal_connect_object (kk_plan_get_history (plan), "changed",
                               G_CALLBACK (kk_check_panel_schedule), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (kk_plan_get_history (plan), "replayed",
                               G_CALLBACK (kk_check_panel_schedule), self, G_CONNECT_SWAPPED);
    }
  g_clear_handle_id (&self->run_id, g_source_remove);
  kk_check_panel_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * kk_check_panel_get_findings:
 *
 * Returns: (transfer none): the #KkFinding<!-- -->s of the last run
 */
GListModel *
kk_check_panel_get_findings (KkCheckPanel *self)
{
  g_return_val_if_fail (KK_IS_CHECK_PANEL (self), NULL);
  return G_LIST_MODEL (self->findings);
}

guint
kk_check_panel_get_delay (KkCheckPanel *self)
{
  g_return_val_if_fail (KK_IS_CHECK_PANEL (self), 0);
  return self->delay;
}

void
kk_check_panel_set_delay (KkCheckPanel *self,
                          guint         delay)
{
  g_return_if_fail (KK_IS_CHECK_PANEL (self));

  if (self->delay == delay)
    return;
  self->delay = delay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/**
 * kk_check_panel_focus_list:
 *
 * Moves the keyboard focus to the findings, as when the panel is opened
 * from the keyboard.
 */
void
kk_check_panel_focus_list (KkCheckPanel *self)
{
  GtkWidget *focus;

  g_return_if_fail (KK_IS_CHECK_PANEL (self));

  /* The findings first: the list takes the focus on its first row, which
   * it has only once they are in. */
  if (self->stale)
    kk_check_panel_run (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  /* GTK stops a key event at the first widget on its way to the focus that
   * is not realized (gtk_propagate_event_internal in gtk/gtkmain.c), and the
   * revealer realizes the panel only when it starts to show it: realized
   * now, the panel gets the keys typed before it is drawn. */
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    gtk_widget_realize (focus);
}
