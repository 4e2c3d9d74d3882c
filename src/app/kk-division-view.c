/* kk-division-view.c: each division with the programs it leads and their totals
 *
 * The groups are built again after a change, and only while the view is on
 * screen: a plan of many programs costs nothing while the clerk types in the
 * program list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kk-chart-area.h"
#include "kk-division-view.h"
#include "kk-division.h"
#include "kk-focus.h"
#include "kk-format.h"
#include "kk-tooltip.h"
#include "kk-totals.h"

struct _KkDivisionView
{
  AdwBin parent_instance;

  KkPlan *plan;
  gboolean stale;

  GtkBox *groups_box;
};

G_DEFINE_FINAL_TYPE (KkDivisionView, kk_division_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PLAN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A program row says how far its review is, unless it is confirmed. */
static GtkWidget *
kk_program_row_new (KkProgram *program)
{
  KkReviewState state = kk_program_get_review_state (program);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%u  %s", kk_program_get_number (program),
                                            kk_program_get_name (program));
  g_autofree char *budget = kk_format_thousand_yen (kk_program_get_budget (program));
  GtkWidget *amount = gtk_label_new (budget);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (state != KK_REVIEW_STATE_CONFIRMED)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kk_format_review_state (state));
  gtk_widget_add_css_class (amount, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), amount);
  return row;
}

/* The budget of a division's programs at a glance, drawn as in the グラフ view
 * and titled with the division's name, as its printed summary is. */
static GtkWidget *
kk_division_chart_new (KkPlan     *plan,
                       KkDivision *division,
                       GListModel *programs)
{
  g_autoptr(KkChart) chart = kk_chart_new (plan, KK_CHART_KIND_PROGRAMS);
  GtkWidget *area;

  kk_chart_set_programs (chart, programs);
  kk_chart_set_subject (chart, kk_division_get_name (division));
  kk_chart_set_dark (chart, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  area = kk_chart_area_new (chart);
  gtk_widget_add_css_class (area, "card");
  gtk_widget_set_margin_top (area, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Budget by program"), -1);
  return area;
}

/* How many of the division's programs are confirmed, e.g. 確定 5/8. */
static GtkWidget *
kk_division_progress_new (const KkTotals *totals)
{
  /* Translators: the programs of a division confirmed in the year's
   * review, of all it leads: Confirmed 5/8 */
  g_autofree char *text = g_strdup_printf (_("Confirmed %u/%u"), totals->n_confirmed,
                                           totals->n_programs);
  /* Translators: what a screen reader says for Confirmed 5/8 */
  g_autofree char *spoken = g_strdup_printf (_("%u of %u programs confirmed"),
                                             totals->n_confirmed, totals->n_programs);
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_name (label, "review-progress");
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, totals->n_confirmed == totals->n_programs ? "success"
                                                                               : "warning");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spoken, -1);
  return label;
}

/* The division's printable summary, a click away: the window previews it. */
static GtkWidget *
kk_division_preview_button_new (KkDivision *division)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-print-preview-symbolic");
  /* Eight such buttons: a screen reader names the division of each. */
  /* Translators: %s is the name of a division */
  g_autofree char *label = g_strdup_printf (_("Print Preview of %s"),
                                            kk_division_get_name (division));

  gtk_widget_set_name (button, "division-preview");
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  kk_tooltip_fit (button);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.preview-division");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", kk_division_get_name (division));
  return button;
}

static GtkWidget *
kk_division_group_new (KkPlan     *plan,
                       KkDivision *division)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  KkTotals totals = kk_totals_for_division (plan, division);
  g_autofree char *summary = kk_totals_dup_summary (&totals);
  GListModel *programs = kk_plan_get_programs (plan);
  g_autoptr(GListStore) led = g_list_store_new (KK_TYPE_PROGRAM);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), kk_division_get_name (division));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), summary);
  gtk_box_append (GTK_BOX (header), kk_division_progress_new (&totals));
  gtk_box_append (GTK_BOX (header), kk_division_preview_button_new (division));
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), header);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      if (kk_program_get_lead_division (program) != division)
        continue;
      g_list_store_append (led, program);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), kk_program_row_new (program));
    }
  if (g_list_model_get_n_items (G_LIST_MODEL (led)) > 0)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                               kk_division_chart_new (plan, division, G_LIST_MODEL (led)));
  return group;
}

static void
kk_division_view_rebuild (KkDivisionView *self)
{
  GtkWidget *child;
  GListModel *divisions;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
  self->stale = FALSE;
  if (self->plan == NULL)
    return;

  divisions = kk_plan_get_divisions (self->plan);
  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);

      gtk_box_append (self->groups_box, kk_division_group_new (self->plan, division));
    }
}

static void
kk_division_view_plan_changed (KkDivisionView *self)
{
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    kk_division_view_rebuild (self);
}

static void
kk_division_view_map (GtkWidget *widget)
{
  KkDivisionView *self = KK_DIVISION_VIEW (widget);

  if (self->stale)
    kk_division_view_rebuild (self);
  GTK_WIDGET_CLASS (kk_division_view_parent_class)->map (widget);
}

static void
kk_division_view_dispose (GObject *object)
{
  KkDivisionView *self = KK_DIVISION_VIEW (object);

  kk_division_view_set_plan (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_DIVISION_VIEW);

  G_OBJECT_CLASS (kk_division_view_parent_class)->dispose (object);
}

static void
kk_division_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  KkDivisionView *self = KK_DIVISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      g_value_set_object (value, self->plan);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_division_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  KkDivisionView *self = KK_DIVISION_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAN:
      kk_division_view_set_plan (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_division_view_class_init (KkDivisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kk_division_view_dispose;
  object_class->get_property = kk_division_view_get_property;
  object_class->set_property = kk_division_view_set_property;
  widget_class->map = kk_division_view_map;

  /**
   * KkDivisionView:plan:
   *
   * The plan whose divisions are shown.
   */
  properties[PROP_PLAN] =
    g_param_spec_object ("plan", NULL, NULL, KK_TYPE_PLAN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/kk-division-view.ui");
  gtk_widget_class_bind_template_child (widget_class, KkDivisionView, groups_box);
  gtk_widget_class_set_css_name (widget_class, "kk-division-view");
}

static void
kk_division_view_init (KkDivisionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

KkPlan *
kk_division_view_get_plan (KkDivisionView *self)
{
  g_return_val_if_fail (KK_IS_DIVISION_VIEW (self), NULL);
  return self->plan;
}

void
kk_division_view_set_plan (KkDivisionView *self,
                           KkPlan         *plan)
{
  g_return_if_fail (KK_IS_DIVISION_VIEW (self));
  g_return_if_fail (plan == NULL || KK_IS_PLAN (plan));

  if (self->plan == plan)
    return;

  if (self->plan != NULL)
    {
      g_signal_handlers_disconnect_by_func (kk_plan_get_history (self->plan),
                                            kk_division_view_plan_changed, self);
      g_signal_handlers_disconnect_by_func (kk_plan_get_programs (self->plan),
                                            kk_division_view_plan_changed, self);
      g_signal_handlers_disconnect_by_func (kk_plan_get_divisions (self->plan),
                                            kk_division_view_plan_changed, self);
    }
  g_set_object (&self->plan, plan);
  if (plan != NULL)
    {
      g_signal_connect_swapped (kk_plan_get_history (plan), "changed",
                                G_CALLBACK (kk_division_view_plan_changed), self);
      g_signal_connect_swapped (kk_plan_get_programs (plan), "items-changed",
                                G_CALLBACK (kk_division_view_plan_changed), self);
      g_signal_connect_swapped (kk_plan_get_divisions (plan), "items-changed",
                                G_CALLBACK (kk_division_view_plan_changed), self);
    }
  kk_division_view_plan_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAN]);
}

/**
 * kk_division_view_show_division:
 * @division: a division of the plan
 *
 * Scrolls to @division's programs and moves the keyboard focus to its
 * heading (the button that previews its summary). The view must be shown.
 */
void
kk_division_view_show_division (KkDivisionView *self,
                                KkDivision     *division)
{
  GListModel *divisions;
  GtkWidget *group;

  g_return_if_fail (KK_IS_DIVISION_VIEW (self));
  g_return_if_fail (KK_IS_DIVISION (division));

  if (self->plan == NULL)
    return;
  if (self->stale)
    kk_division_view_rebuild (self);
  /* One group a division, in the plan's order. */
  divisions = kk_plan_get_divisions (self->plan);
  group = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box));
  for (guint i = 0; group != NULL && i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) item = g_list_model_get_item (divisions, i);

      if (item == division)
        {
          kk_focus_named (group, "division-preview");
          return;
        }
      group = gtk_widget_get_next_sibling (group);
    }
}
