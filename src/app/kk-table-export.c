/* kk-table-export.c: the plan's tables written from the window for a spreadsheet
 *
 * The programs table or the KPI table as CSV, or both as the sheets of one
 * Excel workbook: what `keikaku --export-csv` and `--export-xlsx` write,
 * offered under the plan's title in a file chooser. The file is written the
 * way a plan is saved (kk_file_replace_bytes()), so that a failed export
 * leaves no partial file and an existing file as it was; the window writes
 * it when "chosen" is emitted, and says how it went.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-csv.h"
#include "kk-format.h"
#include "kk-report-words.h"
#include "kk-table-export.h"
#include "kk-xlsx.h"

struct _KkTableExport
{
  GObject parent_instance;

  KkPlan *plan;
  KkTableExportKind kind;
};

G_DEFINE_FINAL_TYPE (KkTableExport, kk_table_export, G_TYPE_OBJECT)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const kind_names[] = { "programs", "kpis", "workbook", NULL };

static GtkFileFilter *
kk_table_export_filter_new (KkTableExport *self)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (self->kind == KK_TABLE_EXPORT_WORKBOOK)
    {
      gtk_file_filter_set_name (filter, _("Excel workbooks"));
      gtk_file_filter_add_suffix (filter, "xlsx");
      gtk_file_filter_add_mime_type (filter,
                                     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV tables"));
      gtk_file_filter_add_suffix (filter, "csv");
      gtk_file_filter_add_mime_type (filter, "text/csv");
    }
  return filter;
}

static const char *
kk_table_export_get_title (KkTableExport *self)
{
  switch (self->kind)
    {
    case KK_TABLE_EXPORT_PROGRAMS:
      return _("Export the Programs Table");
    case KK_TABLE_EXPORT_KPIS:
      return _("Export the KPI Table");
    case KK_TABLE_EXPORT_WORKBOOK:
      return _("Export an Excel Workbook");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
kk_table_export_response (KkTableExport        *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  g_autoptr(KkTableExport) owned = self;
  g_autoptr(GtkFileChooserNative) owned_chooser = chooser;
  g_autoptr(GFile) file = response == GTK_RESPONSE_ACCEPT
                          ? gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser)) : NULL;

  if (file != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, file);
}

static void
kk_table_export_dispose (GObject *object)
{
  KkTableExport *self = KK_TABLE_EXPORT (object);

  g_clear_object (&self->plan);

  G_OBJECT_CLASS (kk_table_export_parent_class)->dispose (object);
}

static void
kk_table_export_class_init (KkTableExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kk_table_export_dispose;

  /**
   * KkTableExport::chosen:
   * @file: where the clerk chose to write
   *
   * Emitted when the chooser of kk_table_export_choose() is accepted; not
   * when it is cancelled.
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
}

static void
kk_table_export_init (KkTableExport *self)
{
}

/**
 * kk_table_export_kind_from_name:
 * @name: "programs", "kpis" or "workbook"
 *
 * Returns: %FALSE when @name is not a kind of export
 */
gboolean
kk_table_export_kind_from_name (const char        *name,
                                KkTableExportKind *kind)
{
  for (guint i = 0; kind_names[i]; i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

KkTableExport *
kk_table_export_new (KkPlan            *plan,
                     KkTableExportKind  kind)
{
  KkTableExport *self;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (kind <= KK_TABLE_EXPORT_WORKBOOK, NULL);

  self = g_object_new (KK_TYPE_TABLE_EXPORT, NULL);
  self->plan = g_object_ref (plan);
  self->kind = kind;
  return self;
}

KkTableExportKind
kk_table_export_get_kind (KkTableExport *self)
{
  g_return_val_if_fail (KK_IS_TABLE_EXPORT (self), KK_TABLE_EXPORT_PROGRAMS);

  return self->kind;
}

/**
 * kk_table_export_dup_file_name:
 *
 * The name the file chooser offers: the plan's title, with the sheet's
 * name for one table (令和6年度 事業計画書 事業一覧.csv), as the workbook
 * names its sheets whatever the interface language.
 *
 * Returns: (transfer full): a file name with its extension
 */
char *
kk_table_export_dup_file_name (KkTableExport *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (KK_IS_TABLE_EXPORT (self), NULL);

  title = kk_format_file_name (kk_plan_get_title (self->plan));
  switch (self->kind)
    {
    case KK_TABLE_EXPORT_PROGRAMS:
      return g_strconcat (title, " " KK_WORD_XLSX_PROGRAMS_SHEET ".csv", NULL);
    case KK_TABLE_EXPORT_KPIS:
      return g_strconcat (title, " " KK_WORD_TARGETS ".csv", NULL);
    case KK_TABLE_EXPORT_WORKBOOK:
      return g_strconcat (title, ".xlsx", NULL);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * kk_table_export_get_error_heading:
 *
 * Returns: the heading of the dialog that says why the export failed
 */
const char *
kk_table_export_get_error_heading (KkTableExport *self)
{
  g_return_val_if_fail (KK_IS_TABLE_EXPORT (self), NULL);

  if (self->kind == KK_TABLE_EXPORT_WORKBOOK)
    return _("Could Not Export the Workbook");
  return _("Could Not Export the Table");
}

/**
 * kk_table_export_choose:
 * @parent: the window the chooser belongs to
 * @folder: (nullable): the folder to offer, the plan's own
 *
 * Asks where to write, offering kk_table_export_dup_file_name(); "chosen"
 * says where when the clerk accepts. The export stays alive until the
 * chooser is answered.
 */
void
kk_table_export_choose (KkTableExport *self,
                        GtkWindow     *parent,
                        GFile         *folder)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  g_return_if_fail (KK_IS_TABLE_EXPORT (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  filter = kk_table_export_filter_new (self);
  name = kk_table_export_dup_file_name (self);
  /* GTK's dialog asks before it replaces a file. */
  chooser = gtk_file_chooser_native_new (kk_table_export_get_title (self), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_swapped (chooser, "response", G_CALLBACK (kk_table_export_response),
                            g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * kk_table_export_write:
 * @file: where to write
 *
 * Writes the table or the workbook to @file, replacing it whole: on
 * failure no partial file is left and an existing @file is as it was.
 *
 * Returns: %TRUE when it was written
 */
gboolean
kk_table_export_write (KkTableExport  *self,
                       GFile          *file,
                       GError        **error)
{
  g_return_val_if_fail (KK_IS_TABLE_EXPORT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  switch (self->kind)
    {
    case KK_TABLE_EXPORT_PROGRAMS:
      return kk_csv_export_file (self->plan, KK_CSV_TABLE_PROGRAMS, file, NULL, error);
    case KK_TABLE_EXPORT_KPIS:
      return kk_csv_export_file (self->plan, KK_CSV_TABLE_KPIS, file, NULL, error);
    case KK_TABLE_EXPORT_WORKBOOK:
      return kk_xlsx_export_file (self->plan, file, NULL, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}
