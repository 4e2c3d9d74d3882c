/* kk-command-line.c: exports run from the command line, without a window
 *
 * Exports never reach a running instance: they are handled in the process
 * that was started, before GApplication registers, and need no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>

#include "kk-command-line.h"
#include "kk-csv.h"
#include "kk-plan-file.h"

typedef struct
{
  char *export_csv;
  char *table;
  char **files;
} KkOptions;

static void
kk_options_clear (KkOptions *options)
{
  g_clear_pointer (&options->export_csv, g_free);
  g_clear_pointer (&options->table, g_free);
  g_clear_pointer (&options->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KkOptions, kk_options_clear)

static int
kk_usage_error (const char *format,
                ...) G_GNUC_PRINTF (1, 2);

static int
kk_usage_error (const char *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("keikaku: %s\n", message);
  return KK_EXIT_USAGE;
}

static KkPlan *
kk_load_plan (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return kk_plan_load_default ();
  file = g_file_new_for_commandline_arg (path);
  return kk_plan_load_file (file, NULL, error);
}

static int
kk_export_csv (KkOptions *options)
{
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = options->files ? options->files[0] : NULL;
  KkCsvTable table = KK_CSV_TABLE_PROGRAMS;

  if (options->table && !kk_csv_table_from_name (options->table, &table))
    return kk_usage_error (_("unknown table “%s”: use programs or kpis"), options->table);

  plan = kk_load_plan (path, &error);
  if (plan == NULL)
    return kk_usage_error ("%s: %s", path, error->message);

  out = g_file_new_for_commandline_arg (options->export_csv);
  if (!kk_csv_export_file (plan, table, out, NULL, &error))
    return kk_usage_error ("%s: %s", options->export_csv, error->message);
  return EXIT_SUCCESS;
}

/**
 * kk_command_line_run:
 * @arguments: the program's arguments, argv[0] first
 * @exit_status: (out): set when the command line was handled here
 *
 * Parses the command line strictly. Bad usage, and any export, end here with
 * @exit_status set; otherwise the application goes on to open its window.
 *
 * Returns: %TRUE when the command line was handled and the process should exit
 */
gboolean
kk_command_line_run (char **arguments,
                     int   *exit_status)
{
  g_auto(KkOptions) options = { 0 };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_strdupv (arguments);
  const GOptionEntry entries[] = {
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &options.export_csv,
      N_("Write a table of the plan as CSV to OUT"), N_("OUT") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &options.table,
      N_("The table to export: programs (default) or kpis"), N_("TABLE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files, NULL, N_("[FILE]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Write, print and review the annual business plan."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      *exit_status = kk_usage_error ("%s", error->message);
      return TRUE;
    }
  if (options.files && g_strv_length (options.files) > 1)
    {
      *exit_status = kk_usage_error (_("give at most one plan file"));
      return TRUE;
    }
  if (options.table && !options.export_csv)
    {
      *exit_status = kk_usage_error (_("--table goes with --export-csv"));
      return TRUE;
    }
  if (options.export_csv)
    {
      *exit_status = kk_export_csv (&options);
      return TRUE;
    }
  return FALSE;
}
