/* kk-window.c: the main window, showing one plan
 *
 * The window shows a document: a plan and the file it lives in; the views
 * below it only show and edit the plan. Saving never closes anything before the file
 * is safely written, and closing with unsaved changes always asks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-accessible.h"
#include "kk-chart-view.h"
#include "kk-check-panel.h"
#include "kk-division-view.h"
#include "kk-division.h"
#include "kk-document.h"
#include "kk-format.h"
#include "kk-import-dialog.h"
#include "kk-name-dialog.h"
#include "kk-pillar.h"
#include "kk-plan-file.h"
#include "kk-program-editor.h"
#include "kk-program-list.h"
#include "kk-report-preview.h"
#include "kk-report-print.h"
#include "kk-table-export.h"
#include "kk-tooltip.h"
#include "kk-window.h"

struct _KkWindow
{
  AdwApplicationWindow parent_instance;

  KkDocument *document;
  /* The document's plan, which the views edit. */
  KkPlan *plan;
  GSettings *settings;
  /* The clerk chose Save in the closing prompt: close once saved. */
  gboolean close_after_save;
  /* What Print, Print Preview and Export PDF put out: the report last
   * chosen in the preview, on the paper last set up. */
  KkReport *report;
  GtkPageSetup *page_setup;
  GtkPrintSettings *print_settings;
  /* The print preview while it is open. */
  KkReportPreview *preview;

  GMenu *recent_menu;
  AdwWindowTitle *window_title;
  AdwSqueezer *switcher_squeezer;
  GtkWidget *switcher_gone;
  AdwViewSwitcherBar *switcher_bar;
  GtkWidget *save_button;
  GtkToggleButton *check_button;
  KkCheckPanel *check_panel;
  GtkPaned *editor_paned;
  GtkInfoBar *read_only_bar;
  GtkInfoBar *recovery_bar;
  GtkLabel *recovery_label;
  GtkInfoBar *saving_bar;
  GtkLabel *saving_label;
  GtkSpinner *saving_spinner;
  /* Shows the saving bar once a save has taken a while. */
  guint saving_bar_id;
  /* The application that asks the session to hold off logging out while
   * the plan has unsaved changes, and the session's cookie for that. */
  GtkApplication *inhibiting;
  guint inhibit_cookie;
  AdwToastOverlay *toast_overlay;
  AdwViewStack *view_stack;
  KkProgramList *program_list;
  GtkStack *editor_stack;
  AdwBin *divisions_bin;
  AdwBin *charts_bin;
  /* The views not shown at first are made when first shown: they are most
   * of what a first window would cost. */
  KkProgramEditor *program_editor;
  KkDivisionView *division_view;
  KkChartView *chart_view;
};

G_DEFINE_FINAL_TYPE (KkWindow, kk_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Title and actions                                                        */

static char *
kk_window_dup_file_label (KkWindow *self)
{
  GFile *file = kk_document_get_file (self->document);
  g_autofree char *name = NULL;

  if (file == NULL)
    return g_strdup (_("Not saved to a file yet"));
  name = g_file_get_basename (file);
  if (kk_document_get_read_only (self->document))
    /* Translators: the file name of a plan opened read-only */
    return g_strdup_printf (_("%s (read-only)"), name);
  return g_steal_pointer (&name);
}

/* The file, and for a plan carried from last year's the year it came from:
 * where the clerk looks first. */
static char *
kk_window_dup_subtitle (KkWindow *self)
{
  g_autofree char *file_label = kk_window_dup_file_label (self);
  g_autofree char *origin_year = NULL;

  if (kk_plan_get_origin_title (self->plan) == NULL)
    return g_steal_pointer (&file_label);
  origin_year = kk_format_fiscal_year (kk_plan_get_origin_fiscal_year (self->plan));
  /* Translators: the file name of a plan, and the fiscal year of the plan it
   * was carried from, 令和6年度 */
  return g_strdup_printf (_("%s · carried from %s"), file_label, origin_year);
}

/* The plan this one was carried from, by its title; %NULL for a plan of
 * its own. */
static char *
kk_window_dup_origin_tooltip (KkWindow *self)
{
  const char *origin = kk_plan_get_origin_title (self->plan);
  g_autofree char *origin_year = NULL;

  if (origin == NULL)
    return NULL;
  origin_year = kk_format_fiscal_year (kk_plan_get_origin_fiscal_year (self->plan));
  /* A title names its year, as the plan's own do: 令和6年度 事業計画書. */
  if (strstr (origin, origin_year) != NULL)
    return g_strdup_printf (_("Carried from the plan “%s”"), origin);
  /* Translators: the title of the plan this one was carried from, and its
   * fiscal year, 令和6年度 */
  return g_strdup_printf (_("Carried from the plan “%s” of %s"), origin, origin_year);
}

/* The whole path of the plan's file, which a narrow header bar cuts, and
 * the plan it was carried from; %NULL for neither. */
static char *
kk_window_dup_title_tooltip (KkWindow *self)
{
  GFile *file = kk_document_get_file (self->document);
  g_autofree char *origin = kk_window_dup_origin_tooltip (self);
  g_autofree char *path = file != NULL ? g_file_get_parse_name (file) : NULL;

  if (path != NULL && origin != NULL)
    return g_strjoin ("\n", path, origin, NULL);
  return g_strdup (path != NULL ? path : origin);
}

static void
kk_window_update_title (KkWindow *self)
{
  g_autofree char *subtitle = kk_window_dup_subtitle (self);
  g_autofree char *tooltip = kk_window_dup_title_tooltip (self);
  g_autofree char *title = NULL;

  /* The dot is GNOME's mark of a document with unsaved changes. */
  if (kk_plan_get_dirty (self->plan))
    title = g_strdup_printf ("• %s", kk_plan_get_title (self->plan));
  else
    title = g_strdup (kk_plan_get_title (self->plan));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), tooltip);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The switcher gave way to the title: the bar below takes its place. */
static void
kk_window_switcher_squeezed (KkWindow *self)
{
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_squeezer_get_visible_child (self->switcher_squeezer) ==
                                    self->switcher_gone);
}

/* Dialogs and notices go where the clerk is looking: over the print
 * preview while it is open. */
static GtkWindow *
kk_window_get_front (KkWindow *self)
{
  return self->preview != NULL ? GTK_WINDOW (self->preview) : GTK_WINDOW (self);
}

static void
kk_window_add_toast (KkWindow *self,
                     AdwToast *toast)
{
  if (self->preview != NULL)
    kk_report_preview_add_toast (self->preview, toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
kk_window_show_error (KkWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (kk_window_get_front (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file that could not be written: which one, and why. */
static void
kk_window_show_file_error (KkWindow   *self,
                           const char *heading,
                           GFile      *file,
                           GError     *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", name, error->message);

  kk_window_show_error (self, heading, body);
}

static void
kk_window_exported (KkWindow *self,
                    GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);

  kk_window_add_toast (self, adw_toast_new_format (_("Exported “%s”"), name));
}

/* What the clerk can do follows from the plan's history and the selected
 * program, here and nowhere else; so does what asks for attention. */
static void
kk_window_update_actions (KkWindow *self)
{
  KkHistory *history = kk_plan_get_history (self->plan);
  gboolean selected = kk_program_list_get_selected_program (self->program_list) != NULL;
  gboolean busy = kk_document_get_busy (self->document);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", kk_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", kk_history_get_can_redo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.duplicate-program", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-program", selected);
  /* One save at a time: Save waits for the one under way. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", !busy);
  if (kk_plan_get_dirty (self->plan))
    gtk_widget_add_css_class (self->save_button, "suggested-action");
  else
    gtk_widget_remove_css_class (self->save_button, "suggested-action");
}

static void
kk_window_end_inhibit (KkWindow *self)
{
  if (self->inhibit_cookie != 0)
    gtk_application_uninhibit (self->inhibiting, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  g_clear_object (&self->inhibiting);
}

/* While the plan has unsaved changes, logging out asks first, and GNOME's
 * logout dialog names the plan. */
static void
kk_window_update_inhibit (KkWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  gboolean unsaved = application != NULL && self->plan != NULL && kk_plan_get_dirty (self->plan);
  GFile *file;
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;

  if (unsaved == (self->inhibiting != NULL))
    return;
  if (!unsaved)
    {
      kk_window_end_inhibit (self);
      return;
    }
  /* A plan not saved yet is named by its title. */
  file = kk_document_get_file (self->document);
  name = file ? g_file_get_basename (file) : g_strdup (kk_plan_get_title (self->plan));
  reason = g_strdup_printf (_("“%s” has unsaved changes"), name);
  self->inhibiting = g_object_ref (application);
  self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self),
                                                  GTK_APPLICATION_INHIBIT_LOGOUT, reason);
}

static void
kk_window_history_changed (KkWindow *self)
{
  kk_window_update_title (self);
  kk_window_update_actions (self);
  kk_window_update_inhibit (self);
}

/* What the clerk typed into a field but did not apply yet is part of the
 * plan to save. */
static void
kk_window_apply_typing (KkWindow *self)
{
  if (self->program_editor != NULL)
    kk_program_editor_commit (self->program_editor);
}

/* A value typed and not applied yet is the latest edit, as when a click
 * on Undo or Redo takes the focus from the field: undo takes it back and
 * redo brings it again; being new, it ends what there was to redo. The
 * typing is never dropped for another step. */
static void
kk_window_undo (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  kk_window_apply_typing (self);
  kk_history_undo (kk_plan_get_history (self->plan));
}

static void
kk_window_redo (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  kk_window_apply_typing (self);
  kk_history_redo (kk_plan_get_history (self->plan));
}

static void
kk_window_find (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "programs");
  kk_program_list_focus_search (self->program_list);
}

static void
kk_window_ensure_editor (KkWindow *self)
{
  GtkWidget *editor;

  if (self->program_editor != NULL)
    return;
  editor = kk_program_editor_new ();
  kk_program_editor_set_plan (KK_PROGRAM_EDITOR (editor), self->plan);
  kk_tooltip_fit (editor);
  gtk_stack_add_named (self->editor_stack, editor, "editor");
  self->program_editor = KK_PROGRAM_EDITOR (editor);
}

static void
kk_window_selection_changed (KkWindow *self)
{
  KkProgram *program = kk_program_list_get_selected_program (self->program_list);

  if (program != NULL)
    kk_window_ensure_editor (self);
  if (self->program_editor != NULL)
    kk_program_editor_set_program (self->program_editor, program);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_stack), program != NULL);
  kk_window_update_actions (self);
}

static void
kk_window_show_view (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  const char *page = g_variant_get_string (parameter, NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, page);
  /* The keys go on in the view the clerk asked for: left where they were,
   * hidden with the view before, GTK gives them to the first button of
   * the window, New Program, which Enter would then press. */
  if (g_strcmp0 (page, "programs") == 0)
    kk_program_list_focus_rows (self->program_list);
  else
    gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack),
                            GTK_DIR_TAB_FORWARD);
}

/* ------------------------------------------------------------------------ */
/* Programs, divisions and pillars                                          */

static void
kk_window_show_program (KkWindow  *self,
                        KkProgram *program)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "programs");
  kk_program_list_set_selected_program (self->program_list, program);
}

/* A finding of the plan's lists (a division no program leads) has no
 * program: a division shows in the 担当課 view, a pillar or a funding source
 * as the filter of the list, which then says that it shows no program. */
static void
kk_window_open_choice (KkWindow *self,
                       GObject  *choice)
{
  if (KK_IS_DIVISION (choice))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "divisions");
      kk_division_view_show_division (self->division_view, KK_DIVISION (choice));
    }
  else
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "programs");
      kk_program_list_filter_by (self->program_list, choice);
    }
}

/* Opens the program of a finding of the check, and in its editor the field. */
static void
kk_window_open_finding (KkWindow  *self,
                        KkFinding *finding)
{
  KkProgram *program = kk_finding_get_program (finding);

  if (program == NULL)
    {
      kk_window_open_choice (self, kk_finding_get_subject (finding));
      return;
    }
  kk_window_show_program (self, program);
  if (kk_program_list_get_selected_program (self->program_list) != program)
    {
      g_autofree char *message = g_strdup_printf (_("Program %u is hidden by the search or the "
                                                    "filters: clear them to open it."),
                                                  kk_program_get_number (program));

      kk_window_add_toast (self, adw_toast_new (message));
      return;
    }
  kk_program_editor_focus_field (self->program_editor, kk_finding_get_subject (finding),
                                 kk_finding_get_field (finding));
}

static void
kk_window_toggle_check (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  gboolean shown = !gtk_toggle_button_get_active (self->check_button);

  gtk_toggle_button_set_active (self->check_button, shown);
  if (shown)
    kk_check_panel_focus_list (self->check_panel);
}

static void
kk_window_ensure_division_view (KkWindow *self)
{
  if (self->division_view != NULL)
    return;
  self->division_view = g_object_new (KK_TYPE_DIVISION_VIEW, "plan", self->plan, NULL);
  adw_bin_set_child (self->divisions_bin, GTK_WIDGET (self->division_view));
}

static void
kk_window_ensure_chart_view (KkWindow *self)
{
  if (self->chart_view != NULL)
    return;
  /* The charts show what the list shows: a search or filter narrows both. */
  self->chart_view = g_object_new (KK_TYPE_CHART_VIEW,
                                   "plan", self->plan,
                                   "programs", kk_program_list_get_programs (self->program_list),
                                   NULL);
  g_signal_connect_swapped (self->chart_view, "program-activated",
                            G_CALLBACK (kk_window_show_program), self);
  adw_bin_set_child (self->charts_bin, GTK_WIDGET (self->chart_view));
}

static void
kk_window_page_shown (KkWindow *self)
{
  const char *page = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (page, "divisions") == 0)
    kk_window_ensure_division_view (self);
  else if (g_strcmp0 (page, "charts") == 0)
    kk_window_ensure_chart_view (self);
}

static void
kk_window_add_program (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  KkProgram *selected = kk_program_list_get_selected_program (self->program_list);
  KkProgram *program = kk_plan_create_program (self->plan, selected, _("New program"));

  if (program == NULL)
    {
      kk_window_show_error (self, _("Could Not Add a Program"),
                            _("A program needs a pillar, a source of funding and a division: "
                              "add them to the plan first."));
      return;
    }
  kk_window_show_program (self, program);
}

static void
kk_window_duplicate_program (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  KkProgram *program = kk_program_list_get_selected_program (self->program_list);
  g_autofree char *name = NULL;

  g_return_if_fail (program != NULL);

  /* TRANSLATORS: the name of a copy of the program named %s */
  name = g_strdup_printf (_("%s (copy)"), kk_program_get_name (program));
  kk_window_show_program (self, kk_plan_duplicate_program (self->plan, program, name));
}

static void
kk_window_delete_program (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  KkProgram *program = kk_program_list_get_selected_program (self->program_list);
  AdwToast *toast;

  g_return_if_fail (program != NULL);

  toast = adw_toast_new_format (_("Program %u deleted"), kk_program_get_number (program));
  kk_plan_delete_program (self->plan, program);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Next year's plan, carried from this one, opens unsaved in a window of its
 * own, so that this year's stays as it is beside it. */
static void
kk_window_new_plan (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  g_autoptr(KkPlan) plan = kk_plan_new_next_year (self->plan, &error);

  if (plan == NULL)
    {
      kk_window_show_error (self, _("Could Not Start the Next Year’s Plan"), error->message);
      return;
    }
  /* A whole year's plan that is on no disk yet: closing it asks first. */
  kk_history_mark_unsaved (kk_plan_get_history (plan));
  gtk_window_present (GTK_WINDOW (kk_window_new (KK_APPLICATION (application), plan, NULL)));
}

static void
kk_window_renumber_programs (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  kk_plan_renumber_programs (KK_WINDOW (widget)->plan);
}

static void
kk_window_name_response (KkWindow     *self,
                         const char   *response,
                         KkNameDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (kk_name_dialog_get_name (dialog)));
  g_autoptr(GObject) choice = kk_name_dialog_get_choice (dialog);
  GType type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "kk-type"));

  if (g_strcmp0 (response, "apply") != 0)
    return;
  if (choice != NULL)
    kk_plan_edit (self->plan, choice, "name", name);
  else if (type == KK_TYPE_DIVISION)
    kk_plan_create_division (self->plan, name);
  else
    kk_plan_create_pillar (self->plan, name);
}

static void
kk_window_ask_name (KkWindow   *self,
                    const char *heading,
                    GListModel *names,
                    gboolean    rename)
{
  KkNameDialog *dialog = kk_name_dialog_new (GTK_WINDOW (self), heading, names, rename);

  g_object_set_data (G_OBJECT (dialog), "kk-type",
                     GSIZE_TO_POINTER (g_list_model_get_item_type (names)));
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (kk_window_name_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
kk_window_add_division (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  kk_window_ask_name (self, _("New Division"), kk_plan_get_divisions (self->plan), FALSE);
}

static void
kk_window_rename_division (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  kk_window_ask_name (self, _("Rename Division"), kk_plan_get_divisions (self->plan), TRUE);
}

static void
kk_window_add_pillar (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  kk_window_ask_name (self, _("New Pillar"), kk_plan_get_pillars (self->plan), FALSE);
}

static void
kk_window_rename_pillar (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  kk_window_ask_name (self, _("Rename Pillar"), kk_plan_get_pillars (self->plan), TRUE);
}

/* ------------------------------------------------------------------------ */
/* Saving                                                                   */

static void
kk_window_saved (KkWindow *self)
{
  GFile *file = kk_document_get_file (self->document);
  g_autofree char *name = g_file_get_basename (file);

  kk_application_remember_file (KK_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                                file);
  kk_window_update_title (self);
  kk_window_update_actions (self);
  kk_window_add_toast (self, adw_toast_new_format (_("Saved “%s”"), name));
  /* A change made while the file was written is not in it: the window
   * stays, and closing it asks again. */
  if (self->close_after_save && !kk_plan_get_dirty (self->plan))
    kk_window_destroy_when_idle (self);
  self->close_after_save = FALSE;
}

/* Until a write aside succeeds again, the clerk knows that a crash would
 * lose the changes, and why. */
static void
kk_window_recovery_error_changed (KkWindow *self)
{
  const char *error = kk_document_get_recovery_error (self->document);
  g_autofree char *label = NULL;

  if (error != NULL)
    {
      label = g_strdup_printf (_("Your changes cannot be kept safe until you save them: %s"),
                               error);
      gtk_label_set_label (self->recovery_label, label);
    }
  gtk_info_bar_set_revealed (self->recovery_bar, error != NULL);
}

static void
kk_window_read_only_changed (KkWindow *self)
{
  gtk_info_bar_set_revealed (self->read_only_bar, kk_document_get_read_only (self->document));
  kk_window_update_title (self);
}

static void kk_window_save_over (KkWindow *self,
                                 GFile    *file,
                                 gboolean  overwrite);

static void
kk_window_conflict_response (KkWindow         *self,
                             const char       *response,
                             AdwMessageDialog *dialog)
{
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  GFile *file = kk_document_get_file (self->document);

  if (g_strcmp0 (response, "overwrite") == 0)
    {
      kk_window_save_over (self, file, TRUE);
      return;
    }
  self->close_after_save = FALSE;
  if (g_strcmp0 (response, "save-as") == 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.save-as", NULL);
  else if (g_strcmp0 (response, "reload") == 0)
    {
      kk_document_unlock (self->document);
      g_application_open (application, &file, 1, "");
      kk_document_discard (self->document);
      kk_window_destroy_when_idle (self);
    }
}

/* Another clerk saved the file since it was opened here: theirs is not
 * overwritten unless the clerk here says so. */
static void
kk_window_ask_about_conflict (KkWindow *self)
{
  g_autofree char *name = g_file_get_basename (kk_document_get_file (self->document));
  GtkWidget *dialog = adw_message_dialog_new (kk_window_get_front (self),
                                              _("The Plan Changed on Disk"), NULL);

  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("Someone saved “%s” after you opened it. Overwrite their "
                                    "version with yours, save yours under another name, or "
                                    "reload theirs and lose your changes."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "overwrite", _("_Overwrite"),
                                    "save-as", _("Save _As…"),
                                    NULL);
  /* The last response takes the focus when the buttons stand in a column:
   * Enter must not overwrite a colleague's work. */
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (kk_window_conflict_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  KkWindow *window;
  GFile *file;
} KkWindowSave;

static void
kk_window_save_free (KkWindowSave *save)
{
  g_object_unref (save->window);
  g_object_unref (save->file);
  g_free (save);
}

static void
kk_window_save_done (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  KkWindowSave *save = user_data;
  KkWindow *self = save->window;
  g_autoptr(GError) error = NULL;

  if (kk_document_save_finish (KK_DOCUMENT (object), result, &error))
    kk_window_saved (self);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    kk_window_ask_about_conflict (self);
  else
    {
      self->close_after_save = FALSE;
      kk_window_show_file_error (self, _("Could Not Save the Plan"), save->file, error);
    }
  kk_window_save_free (save);
}

static void
kk_window_save_over (KkWindow *self,
                     GFile    *file,
                     gboolean  overwrite)
{
  KkWindowSave *save;

  if (kk_document_get_busy (self->document))
    return;
  kk_window_apply_typing (self);
  save = g_new0 (KkWindowSave, 1);
  save->window = g_object_ref (self);
  save->file = g_object_ref (file);
  kk_document_save_async (self->document, file, overwrite, NULL, kk_window_save_done, save);
}

static gboolean
kk_window_show_saving (gpointer user_data)
{
  KkWindow *self = user_data;
  g_autofree char *name = kk_window_dup_file_label (self);
  g_autofree char *label = g_strdup_printf (_("Saving “%s”…"), name);

  self->saving_bar_id = 0;
  gtk_label_set_label (self->saving_label, label);
  gtk_spinner_start (self->saving_spinner);
  gtk_info_bar_set_revealed (self->saving_bar, TRUE);
  return G_SOURCE_REMOVE;
}

/* A save that takes long says so; a quick one does not flash a bar. */
static void
kk_window_busy_changed (KkWindow *self)
{
  gboolean busy = kk_document_get_busy (self->document);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  guint delay_ms = KK_IS_APPLICATION (application) ?
                   kk_application_get_progress_delay (KK_APPLICATION (application)) : 0;

  kk_window_update_actions (self);
  g_clear_handle_id (&self->saving_bar_id, g_source_remove);
  if (busy)
    {
      self->saving_bar_id = g_timeout_add (delay_ms, kk_window_show_saving, self);
      return;
    }
  gtk_spinner_stop (self->saving_spinner);
  gtk_info_bar_set_revealed (self->saving_bar, FALSE);
}

static void
kk_window_replace_response (KkWindow         *self,
                            const char       *response,
                            AdwMessageDialog *dialog)
{
  self->close_after_save = FALSE;
  if (g_strcmp0 (response, "replace") == 0)
    kk_window_save_over (self, g_object_get_data (G_OBJECT (dialog), "file"), TRUE);
}

/* Save As onto a plan another clerk has open, or onto the plan open here
 * read-only: GTK's dialog asked about replacing a file, not about their
 * work. @holder says who has it, if anyone. */
static void
kk_window_ask_about_replacing (KkWindow   *self,
                               GFile      *file,
                               const char *holder)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog = adw_message_dialog_new (kk_window_get_front (self),
                                              _("Replace the Plan?"), NULL);

  if (holder != NULL)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s %s", holder,
                                    _("Replacing it now overwrites their work, and their next "
                                      "save overwrites yours."));
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("“%s” is open here read-only. Replacing it may lose what "
                                      "only a newer version of Keikaku understands, or what "
                                      "someone else saved in it."), name);
  /* The last response takes the focus when the buttons stand in a column:
   * Enter must not overwrite a colleague's work. */
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "replace", _("_Replace"),
                                    "cancel", _("_Cancel"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (kk_window_replace_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * kk_window_save_to:
 * @file: where to save the plan
 *
 * Starts saving the plan to @file, which becomes the window's file once
 * written. A failure is shown to the clerk; the plan then stays as it was,
 * unsaved. Saving over the window's own file that someone else saved
 * meanwhile, over a file another clerk has open, or over the window's own
 * file open read-only asks first.
 */
void
kk_window_save_to (KkWindow *self,
                   GFile    *file)
{
  GFile *own_file;
  g_autoptr(KkLock) other = NULL;
  g_autofree char *holder = NULL;

  g_return_if_fail (KK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  own_file = kk_document_get_file (self->document);
  if (own_file != NULL && g_file_equal (file, own_file) &&
      !kk_document_get_read_only (self->document))
    {
      kk_window_save_over (self, file, FALSE);
      return;
    }
  other = kk_lock_find_other (file);
  if (other != NULL)
    holder = kk_application_describe_lock (other, file);
  if (holder != NULL || (own_file != NULL && g_file_equal (file, own_file)))
    kk_window_ask_about_replacing (self, file, holder);
  else
    kk_window_save_over (self, file, FALSE);
}

static void
kk_window_save_as_response (KkWindow             *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    kk_window_save_to (self, file);
  else
    self->close_after_save = FALSE;
  g_object_unref (chooser);
}

static GtkFileFilter *
kk_plan_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Keikaku plans"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

/* A save dialog for files of @filter, offering @name. GTK's dialog asks
 * before it replaces a file. The caller shows it and frees it in its
 * response. */
static GtkFileChooserNative *
kk_window_save_chooser_new (KkWindow      *self,
                            const char    *title,
                            GtkFileFilter *filter,
                            const char    *name)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, kk_window_get_front (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  return chooser;
}

static void
kk_window_save_as (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = kk_plan_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("%s.json", kk_plan_get_title (self->plan));
  GtkFileChooserNative *chooser;

  chooser = kk_window_save_chooser_new (self, _("Save Plan"), filter, name);
  if (kk_document_get_file (self->document) != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), kk_document_get_file (self->document),
                               NULL);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (kk_window_save_as_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
kk_window_save (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  GFile *file = kk_document_get_file (self->document);

  if (file == NULL || kk_document_get_read_only (self->document))
    kk_window_save_as (widget, "win.save-as", NULL);
  else
    kk_window_save_to (self, file);
}

/* ------------------------------------------------------------------------ */
/* Printing and PDF                                                         */

static void
kk_window_restore_print_setup (KkWindow *self)
{
  g_autoptr(GVariant) page_setup = g_settings_get_value (self->settings, "page-setup");
  g_autoptr(GVariant) print_settings = g_settings_get_value (self->settings, "print-settings");

  /* A4 until the clerk sets up other paper, whatever the locale's paper. */
  if (g_variant_n_children (page_setup) > 0)
    self->page_setup = gtk_page_setup_new_from_gvariant (page_setup);
  else
    self->page_setup = kk_report_print_page_setup_new ();
  self->print_settings = gtk_print_settings_new_from_gvariant (print_settings);
}

static void
kk_window_set_page_setup (KkWindow     *self,
                          GtkPageSetup *page_setup)
{
  g_set_object (&self->page_setup, page_setup);
  g_settings_set_value (self->settings, "page-setup", gtk_page_setup_to_gvariant (page_setup));
  if (self->preview != NULL)
    kk_report_preview_set_page_setup (self->preview, page_setup);
}

/* The printer and its options are offered again at the next print. */
static void
kk_window_set_print_settings (KkWindow         *self,
                              GtkPrintSettings *print_settings)
{
  g_clear_object (&self->print_settings);
  self->print_settings = gtk_print_settings_copy (print_settings);
  g_settings_set_value (self->settings, "print-settings",
                        gtk_print_settings_to_gvariant (print_settings));
}

static void
kk_window_page_setup_done (GtkPageSetup *page_setup,
                           gpointer      data)
{
  g_autoptr(KkWindow) self = data;

  /* No page setup: the clerk cancelled. */
  if (page_setup != NULL)
    kk_window_set_page_setup (self, page_setup);
}

static void
kk_window_page_setup (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  gtk_print_run_page_setup_dialog_async (kk_window_get_front (self), self->page_setup,
                                         self->print_settings, kk_window_page_setup_done,
                                         g_object_ref (self));
}

static void
kk_window_print_done (KkWindow                *self,
                      GtkPrintOperationResult  result,
                      GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    kk_window_set_print_settings (self, gtk_print_operation_get_print_settings (operation));
  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  kk_window_show_error (self, _("Could Not Print"),
                        error != NULL ? error->message : _("The printing system gave no reason."));
}

/**
 * kk_window_print_report:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to let the clerk choose
 *   the printer first; %GTK_PRINT_OPERATION_ACTION_EXPORT to write
 *   @export_filename
 * @export_filename: (nullable): the PDF file to write for an export
 *
 * Prints the report of the window as the print preview shows it. The job
 * may go on after this returns; a failure is shown to the clerk, and the
 * printer and options the clerk chose are kept for the next time.
 */
void
kk_window_print_report (KkWindow                *self,
                        GtkPrintOperationAction  action,
                        const char              *export_filename)
{
  g_autoptr(KkReportPrint) print = NULL;

  g_return_if_fail (KK_IS_WINDOW (self));

  print = kk_report_print_new (self->report, self->page_setup, self->print_settings);
  if (export_filename != NULL)
    gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (print), export_filename);
  g_signal_connect_object (print, "done", G_CALLBACK (kk_window_print_done), self,
                           G_CONNECT_SWAPPED);
  gtk_print_operation_run (GTK_PRINT_OPERATION (print), action, kk_window_get_front (self), NULL);
}

static void
kk_window_print (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  kk_window_print_report (KK_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

/**
 * kk_window_export_pdf:
 * @file: where to write
 *
 * Writes the report of the window to @file as PDF, on the paper of the page
 * setup, and says so in a notice. A failure is shown to the clerk; @file is
 * then left as it was.
 *
 * Returns: %TRUE when the PDF was written
 */
gboolean
kk_window_export_pdf (KkWindow *self,
                      GFile    *file)
{
  g_autoptr(GError) error = NULL;
  double paper_width, paper_height;

  g_return_val_if_fail (KK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  kk_report_print_get_paper (self->page_setup, &paper_width, &paper_height);
  if (!kk_report_export_pdf (self->report, file, paper_width, paper_height, NULL, &error))
    {
      kk_window_show_file_error (self, _("Could Not Export the PDF"), file, error);
      return FALSE;
    }
  kk_window_exported (self, file);
  return TRUE;
}

static void
kk_window_export_pdf_response (KkWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    kk_window_export_pdf (self, file);
  g_object_unref (chooser);
}

static GtkFileFilter *
kk_pdf_file_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  return filter;
}

static void
kk_window_choose_pdf (KkWindow *self)
{
  g_autoptr(GtkFileFilter) filter = kk_pdf_file_filter_new ();
  g_autofree char *base_name = kk_report_print_dup_file_name (self->report);
  g_autofree char *name = g_strconcat (base_name, ".pdf", NULL);
  GtkFileChooserNative *chooser;

  chooser = kk_window_save_chooser_new (self, _("Export PDF"), filter, name);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (kk_window_export_pdf_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
kk_window_export_pdf_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  kk_window_choose_pdf (KK_WINDOW (widget));
}

static void
kk_window_preview_print (KkWindow *self)
{
  kk_window_print_report (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL);
}

static void
kk_window_print_preview (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);

  /* From the 担当課 view the summaries of the divisions are what is wanted. */
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "divisions") == 0 &&
      g_strcmp0 (action_name, "win.print-preview") == 0)
    {
      kk_report_set_kind (self->report, KK_REPORT_KIND_DIVISIONS);
      kk_report_set_division (self->report, NULL);
    }
  if (self->preview == NULL)
    {
      self->preview = kk_report_preview_new (GTK_WINDOW (self), self->report, self->page_setup);
      g_object_add_weak_pointer (G_OBJECT (self->preview), (gpointer *) &self->preview);
      g_signal_connect_object (self->preview, "print", G_CALLBACK (kk_window_preview_print), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->preview, "export-pdf", G_CALLBACK (kk_window_choose_pdf), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->preview));
}

/* The summary of the division named @parameter, from the 担当課 view. */
static void
kk_window_preview_division (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  kk_report_set_kind (self->report, KK_REPORT_KIND_DIVISIONS);
  kk_report_set_division (self->report, kk_plan_find_division (self->plan, name));
  kk_window_print_preview (widget, "win.preview-division", NULL);
}

/* The report last chosen in the preview, kept for the next start. */
static void
kk_window_remember_report (KkWindow *self)
{
  GEnumClass *kinds = g_type_class_ref (KK_TYPE_REPORT_KIND);
  GEnumValue *kind = g_enum_get_value (kinds, kk_report_get_kind (self->report));

  g_settings_set_string (self->settings, "report", kind->value_nick);
  g_type_class_unref (kinds);
}

static KkReport *
kk_window_report_new (KkWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "report");
  KkReportKind kind = KK_REPORT_KIND_BOOK;
  KkReport *report;

  kk_report_kind_from_name (name, &kind);
  report = kk_report_new (self->plan, kind);
  g_signal_connect_object (report, "notify::kind", G_CALLBACK (kk_window_remember_report), self,
                           G_CONNECT_SWAPPED);
  return report;
}

/**
 * kk_window_export_table:
 * @kind: the table, or the workbook of both
 * @file: where to write
 *
 * Writes the table of the plan as the clerk sees it to @file, and says so
 * in a notice. A failure is shown to the clerk; @file is then left as it
 * was.
 *
 * Returns: %TRUE when it was written
 */
gboolean
kk_window_export_table (KkWindow          *self,
                        KkTableExportKind  kind,
                        GFile             *file)
{
  g_autoptr(KkTableExport) export = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (KK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  kk_window_apply_typing (self);
  export = kk_table_export_new (self->plan, kind);
  if (!kk_table_export_write (export, file, &error))
    {
      kk_window_show_file_error (self, kk_table_export_get_error_heading (export), file, error);
      return FALSE;
    }
  kk_window_exported (self, file);
  return TRUE;
}

static void
kk_window_table_chosen (KkWindow      *self,
                        GFile         *file,
                        KkTableExport *export)
{
  kk_window_export_table (self, kk_table_export_get_kind (export), file);
}

/* A table for a spreadsheet, @parameter naming it (KkTableExportKind),
 * offered in the plan's folder. */
static void
kk_window_choose_table_export (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  KkWindow *self = KK_WINDOW (widget);
  GFile *file = kk_document_get_file (self->document);
  g_autoptr(GFile) folder = file != NULL ? g_file_get_parent (file) : NULL;
  g_autoptr(KkTableExport) export = NULL;
  KkTableExportKind kind;

  if (!kk_table_export_kind_from_name (g_variant_get_string (parameter, NULL), &kind))
    g_return_if_reached ();
  export = kk_table_export_new (self->plan, kind);
  g_signal_connect_object (export, "chosen", G_CALLBACK (kk_window_table_chosen), self,
                           G_CONNECT_SWAPPED);
  kk_table_export_choose (export, kk_window_get_front (self), folder);
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */

static void
kk_window_open_response (KkWindow             *self,
                         int                   response,
                         GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  /* The application opens it in a window of its own, or says why not; this
   * window and its plan stay as they are either way. */
  if (file != NULL)
    g_application_open (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                        &file, 1, "");
  g_object_unref (chooser);
}

/* Shows a dialog choosing a file of @filter to read; @response gets the
 * chooser and frees it. */
static void
kk_window_choose_file (KkWindow      *self,
                       const char    *title,
                       const char    *accept_label,
                       GtkFileFilter *filter,
                       GCallback      response)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect_swapped (chooser, "response", response, self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
kk_window_open (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = kk_plan_file_filter_new ();

  kk_window_choose_file (KK_WINDOW (widget), _("Open Plan"), _("_Open"), filter,
                         G_CALLBACK (kk_window_open_response));
}

/**
 * kk_window_import_csv:
 * @file: a programs table as the CSV export writes it
 *
 * Reads @file and shows what it would change in a preview, whose Apply
 * makes the changes as one step of undo. A file that is not a programs
 * table is said in a dialog; the plan stays as it was.
 */
void
kk_window_import_csv (KkWindow *self,
                      GFile    *file)
{
  g_autoptr(KkCsvImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (KK_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* The preview compares the file with the plan as the clerk sees it. */
  kk_window_apply_typing (self);
  import = kk_csv_import_new_for_file (self->plan, file, &error);
  if (import == NULL)
    {
      kk_window_show_file_error (self, _("Could Not Import the File"), file, error);
      return;
    }
  name = g_file_get_basename (file);
  gtk_window_present (GTK_WINDOW (kk_import_dialog_new (GTK_WINDOW (self), import, name)));
}

static void
kk_window_import_csv_response (KkWindow             *self,
                               int                   response,
                               GtkFileChooserNative *chooser)
{
  g_autoptr(GtkFileChooserNative) owned = chooser;
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  if (file != NULL)
    kk_window_import_csv (self, file);
}

static void
kk_window_choose_csv (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("CSV tables"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  kk_window_choose_file (KK_WINDOW (widget), _("Import CSV"), _("_Import"), filter,
                         G_CALLBACK (kk_window_import_csv_response));
}

static gboolean
kk_window_drop (KkWindow      *self,
                const GValue  *value,
                double         x,
                double         y)
{
  GSList *files = g_value_get_boxed (value);
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  for (GSList *l = files; l != NULL; l = l->next)
    g_application_open (application, (GFile **)&l->data, 1, "");
  return files != NULL;
}

/* ------------------------------------------------------------------------ */
/* Closing                                                                  */

static gboolean
kk_window_destroy_cb (gpointer window)
{
  gtk_window_destroy (window);
  return G_SOURCE_REMOVE;
}

/**
 * kk_window_destroy_when_idle:
 *
 * Destroys the window once the dialog over it, whose response asked for
 * it, is gone: destroying it from the response leaves the dialog a dead
 * parent.
 */
void
kk_window_destroy_when_idle (KkWindow *self)
{
  g_return_if_fail (KK_IS_WINDOW (self));

  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, kk_window_destroy_cb, g_object_ref (self),
                   g_object_unref);
}

static void
kk_window_close_response (KkWindow          *self,
                          const char        *response,
                          AdwMessageDialog  *dialog)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      kk_document_discard (self->document);
      kk_window_destroy_when_idle (self);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      self->close_after_save = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.save", NULL);
    }
}

static gboolean
kk_window_close_request (GtkWindow *window)
{
  KkWindow *self = KK_WINDOW (window);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  kk_window_apply_typing (self);
  if (!kk_plan_get_dirty (self->plan))
    return GTK_WINDOW_CLASS (kk_window_parent_class)->close_request (window);

  name = kk_window_dup_file_label (self);
  dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” has unsaved changes. Changes which are not saved "
                                    "will be lost."), name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_swapped (dialog, "response", G_CALLBACK (kk_window_close_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
kk_window_constructed (GObject *object)
{
  KkWindow *self = KK_WINDOW (object);

  G_OBJECT_CLASS (kk_window_parent_class)->constructed (object);

  self->plan = g_object_ref (kk_document_get_plan (self->document));
  g_signal_connect_object (self->document, "notify::read-only",
                           G_CALLBACK (kk_window_read_only_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::file", G_CALLBACK (kk_window_update_title),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::busy", G_CALLBACK (kk_window_busy_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "notify::recovery-error",
                           G_CALLBACK (kk_window_recovery_error_changed), self,
                           G_CONNECT_SWAPPED);
  kk_window_read_only_changed (self);
  kk_program_list_set_plan (self->program_list, self->plan);
  kk_check_panel_set_plan (self->check_panel, self->plan);
  self->report = kk_window_report_new (self);
  g_signal_connect_object (kk_plan_get_history (self->plan), "changed",
                           G_CALLBACK (kk_window_history_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (kk_plan_get_history (self->plan), "notify",
                           G_CALLBACK (kk_window_history_changed), self, G_CONNECT_SWAPPED);
  kk_window_history_changed (self);
  kk_window_selection_changed (self);
  /* Not on a button that acts: Enter at once must change nothing. */
  kk_program_list_focus_rows (self->program_list);
}

static void
kk_window_dispose (GObject *object)
{
  KkWindow *self = KK_WINDOW (object);

  g_clear_handle_id (&self->saving_bar_id, g_source_remove);
  kk_window_end_inhibit (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KK_TYPE_WINDOW);
  g_clear_object (&self->plan);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_object (&self->report);
  g_clear_object (&self->page_setup);
  g_clear_object (&self->print_settings);
  g_clear_weak_pointer (&self->preview);

  G_OBJECT_CLASS (kk_window_parent_class)->dispose (object);
}

static void
kk_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KkWindow *self = KK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KkWindow *self = KK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_window_class_init (KkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = kk_window_constructed;
  object_class->dispose = kk_window_dispose;
  object_class->get_property = kk_window_get_property;
  object_class->set_property = kk_window_set_property;
  window_class->close_request = kk_window_close_request;

  /**
   * KkWindow:document:
   *
   * The document the window shows: its plan, and the file the plan lives
   * in.
   */
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, KK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KK_TYPE_CHECK_PANEL);
  g_type_ensure (KK_TYPE_PROGRAM_LIST);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/kk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KkWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, switcher_squeezer);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, switcher_gone);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, check_button);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, check_panel);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, editor_paned);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, read_only_bar);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, recovery_bar);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, recovery_label);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, saving_bar);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, saving_label);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, saving_spinner);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, program_list);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, divisions_bin);
  gtk_widget_class_bind_template_child (widget_class, KkWindow, charts_bin);
  gtk_widget_class_bind_template_callback (widget_class, kk_window_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, kk_window_page_shown);
  gtk_widget_class_bind_template_callback (widget_class, kk_window_open_finding);
  gtk_widget_class_bind_template_callback (widget_class, kk_window_switcher_squeezed);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, kk_window_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, kk_window_redo);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, kk_window_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, kk_window_save_as);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, kk_window_open);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, kk_window_choose_csv);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, kk_window_print);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL,
                                   kk_window_print_preview);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL,
                                   kk_window_export_pdf_action);
  gtk_widget_class_install_action (widget_class, "win.export-table", "s",
                                   kk_window_choose_table_export);
  gtk_widget_class_install_action (widget_class, "win.page-setup", NULL, kk_window_page_setup);
  gtk_widget_class_install_action (widget_class, "win.preview-division", "s",
                                   kk_window_preview_division);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, kk_window_new_plan);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, kk_window_find);
  gtk_widget_class_install_action (widget_class, "win.toggle-check", NULL, kk_window_toggle_check);
  gtk_widget_class_install_action (widget_class, "win.add-program", NULL, kk_window_add_program);
  gtk_widget_class_install_action (widget_class, "win.duplicate-program", NULL,
                                   kk_window_duplicate_program);
  gtk_widget_class_install_action (widget_class, "win.delete-program", NULL,
                                   kk_window_delete_program);
  gtk_widget_class_install_action (widget_class, "win.renumber-programs", NULL,
                                   kk_window_renumber_programs);
  gtk_widget_class_install_action (widget_class, "win.add-division", NULL, kk_window_add_division);
  gtk_widget_class_install_action (widget_class, "win.rename-division", NULL,
                                   kk_window_rename_division);
  gtk_widget_class_install_action (widget_class, "win.add-pillar", NULL, kk_window_add_pillar);
  gtk_widget_class_install_action (widget_class, "win.rename-pillar", NULL,
                                   kk_window_rename_pillar);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", kk_window_show_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK,
                                       "win.show-view", "s", "programs");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK,
                                       "win.show-view", "s", "divisions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK,
                                       "win.show-view", "s", "charts");
}

/* The window opens at the size the clerk left it. */
static void
kk_window_bind_size (KkWindow *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "editor-position", self->editor_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
}

/* The application is set after construction; its recent plans come with it. */
static void
kk_window_application_set (KkWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  g_menu_remove_all (self->recent_menu);
  if (KK_IS_APPLICATION (application))
    g_menu_append_section (self->recent_menu, NULL,
                           kk_application_get_recent_menu (KK_APPLICATION (application)));
  kk_window_update_inhibit (self);
}

static void
kk_window_accept_drops (KkWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_swapped (target, "drop", G_CALLBACK (kk_window_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

static void
kk_window_init (KkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  kk_window_bind_size (self);
  kk_window_restore_print_setup (self);
  kk_window_accept_drops (self);
  kk_tooltip_fit (GTK_WIDGET (self));
  kk_accessible_name_buttons (GTK_WIDGET (self));
  g_signal_connect (self, "notify::application", G_CALLBACK (kk_window_application_set), NULL);
  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

/**
 * kk_window_new:
 * @plan: the plan to show
 * @file: (nullable): the file @plan was read from, writable
 *
 * Returns: (transfer none): a window of a new document of @plan in @file
 */
KkWindow *
kk_window_new (KkApplication *application,
               KkPlan        *plan,
               GFile         *file)
{
  g_autoptr(KkDocument) document = NULL;

  g_return_val_if_fail (KK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);

  document = kk_document_new (plan, file);
  return kk_window_new_for_document (application, document);
}

/**
 * kk_window_keep_aside:
 *
 * The application ends without asking the clerk: what was typed goes into
 * the plan, and the plan's unsaved changes are written aside for the next
 * start to offer.
 */
void
kk_window_keep_aside (KkWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (KK_IS_WINDOW (self));

  kk_window_apply_typing (self);
  if (!kk_document_keep_aside (self->document, &error))
    g_message ("Could not write the unsaved changes aside: %s", error->message);
}

/**
 * kk_window_new_for_document:
 *
 * Returns: (transfer none): a window showing @document
 */
KkWindow *
kk_window_new_for_document (KkApplication *application,
                            KkDocument    *document)
{
  g_return_val_if_fail (KK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (KK_IS_DOCUMENT (document), NULL);

  return g_object_new (KK_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

/**
 * kk_window_get_document:
 *
 * Returns: (transfer none): the document the window shows
 */
KkDocument *
kk_window_get_document (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);
  return self->document;
}

/**
 * kk_window_get_report:
 *
 * Returns: (transfer none): what Print, Print Preview and Export PDF put out
 */
KkReport *
kk_window_get_report (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);
  return self->report;
}

/**
 * kk_window_get_page_setup:
 *
 * Returns: (transfer none): the paper the reports are printed on
 */
GtkPageSetup *
kk_window_get_page_setup (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);
  return self->page_setup;
}

KkPlan *
kk_window_get_plan (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);
  return self->plan;
}

GFile *
kk_window_get_file (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);
  return kk_document_get_file (self->document);
}

/**
 * kk_window_get_program_list:
 *
 * Returns: (transfer none): the list of the programs view
 */
KkProgramList *
kk_window_get_program_list (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);
  return self->program_list;
}

/**
 * kk_window_get_program_editor:
 *
 * Returns: (transfer none): the editor beside the list
 */
KkProgramEditor *
kk_window_get_program_editor (KkWindow *self)
{
  g_return_val_if_fail (KK_IS_WINDOW (self), NULL);

  kk_window_ensure_editor (self);
  return self->program_editor;
}
