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

#include "kk-chart.h"
#include "kk-check.h"
#include "kk-command-line.h"
#include "kk-csv-import.h"
#include "kk-csv.h"
#include "kk-plan-file.h"
#include "kk-report.h"
#include "kk-xlsx.h"

/* An exported chart is as wide as a slide's picture; its height is what its
 * rows need, up to the largest size, unless --size says otherwise. */
#define KK_CHART_WIDTH 960
#define KK_CHART_MIN_SIZE 100
#define KK_CHART_MAX_SIZE 8192

typedef struct
{
  char *export_csv;
  char *table;
  char *export_xlsx;
  char *export_chart;
  char *chart;
  char *size;
  char *export_pdf;
  char *report;
  char *division;
  gboolean check;
  char *import_csv;
  char *save_as;
  char *next_year;
  char **files;
} KkOptions;

static void
kk_options_clear (KkOptions *options)
{
  g_clear_pointer (&options->export_csv, g_free);
  g_clear_pointer (&options->table, g_free);
  g_clear_pointer (&options->export_xlsx, g_free);
  g_clear_pointer (&options->export_chart, g_free);
  g_clear_pointer (&options->chart, g_free);
  g_clear_pointer (&options->size, g_free);
  g_clear_pointer (&options->export_pdf, g_free);
  g_clear_pointer (&options->report, g_free);
  g_clear_pointer (&options->division, g_free);
  g_clear_pointer (&options->import_csv, g_free);
  g_clear_pointer (&options->save_as, g_free);
  g_clear_pointer (&options->next_year, g_free);
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

/* Loads FILE, or the embedded plan without one; says why it could not. */
static KkPlan *
kk_load_plan (KkOptions *options)
{
  const char *path = options->files ? options->files[0] : NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  KkPlan *plan;

  if (path == NULL)
    return kk_plan_load_default ();
  file = g_file_new_for_commandline_arg (path);
  plan = kk_plan_load_file (file, NULL, &error);
  if (plan == NULL)
    kk_usage_error ("%s: %s", path, error->message);
  return plan;
}

static int
kk_export_csv (KkOptions *options)
{
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  KkCsvTable table = KK_CSV_TABLE_PROGRAMS;

  if (options->table && !kk_csv_table_from_name (options->table, &table))
    return kk_usage_error (_("unknown table “%s”: use programs or kpis"), options->table);

  plan = kk_load_plan (options);
  if (plan == NULL)
    return KK_EXIT_USAGE;

  out = g_file_new_for_commandline_arg (options->export_csv);
  if (!kk_csv_export_file (plan, table, out, NULL, &error))
    return kk_usage_error ("%s: %s", options->export_csv, error->message);
  return EXIT_SUCCESS;
}

static int
kk_export_xlsx (KkOptions *options)
{
  g_autoptr(KkPlan) plan = kk_load_plan (options);
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;

  if (plan == NULL)
    return KK_EXIT_USAGE;
  out = g_file_new_for_commandline_arg (options->export_xlsx);
  if (!kk_xlsx_export_file (plan, out, NULL, &error))
    return kk_usage_error ("%s: %s", options->export_xlsx, error->message);
  return EXIT_SUCCESS;
}

/* The charts the command line draws: all but the KPI chart, which needs a
 * KPI chosen in the window. */
static gboolean
kk_chart_kind_exportable (const GEnumValue *value)
{
  return value->value != KK_CHART_KIND_KPI;
}

/* "programs, pillars, …, achievement", for messages. */
static char *
kk_dup_chart_names (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KK_TYPE_CHART_KIND);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (!kk_chart_kind_exportable (&klass->values[i]))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, klass->values[i].value_nick);
    }
  return g_string_free (names, FALSE);
}

static gboolean
kk_chart_kind_from_name (const char  *name,
                         KkChartKind *kind)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (KK_TYPE_CHART_KIND);
  GEnumValue *value = g_enum_get_value_by_nick (klass, name);

  if (value == NULL || !kk_chart_kind_exportable (value))
    return FALSE;
  *kind = value->value;
  return TRUE;
}

static gboolean
kk_parse_dimension (const char *text,
                    int        *dimension)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, KK_CHART_MIN_SIZE, KK_CHART_MAX_SIZE, &value, NULL))
    return FALSE;
  *dimension = (int)value;
  return TRUE;
}

/* WIDTHxHEIGHT, such as 1200x800. */
static gboolean
kk_parse_size (const char *size,
               int        *width,
               int        *height)
{
  g_auto(GStrv) parts = g_strsplit (size, "x", -1);

  return g_strv_length (parts) == 2
         && kk_parse_dimension (parts[0], width)
         && kk_parse_dimension (parts[1], height);
}

static int
kk_export_chart (KkOptions *options)
{
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(KkChart) chart = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *names = kk_dup_chart_names ();
  KkChartKind kind;
  KkChartFormat format;
  int width = KK_CHART_WIDTH;
  int height = 0;

  if (options->chart == NULL)
    return kk_usage_error (_("--export-chart needs --chart: use %s"), names);
  if (!kk_chart_kind_from_name (options->chart, &kind))
    return kk_usage_error (_("unknown chart “%s”: use %s"), options->chart, names);
  if (!kk_chart_format_for_filename (options->export_chart, &format))
    return kk_usage_error (_("%s: unknown file type: use .png, .svg or .pdf"),
                           options->export_chart);
  if (options->size && !kk_parse_size (options->size, &width, &height))
    return kk_usage_error (_("invalid size “%s”: use WIDTHxHEIGHT, each from %d to %d"),
                           options->size, KK_CHART_MIN_SIZE, KK_CHART_MAX_SIZE);

  plan = kk_load_plan (options);
  if (plan == NULL)
    return KK_EXIT_USAGE;

  chart = kk_chart_new (plan, kind);
  if (height == 0)
    height = MIN (kk_chart_get_natural_height (chart, width), KK_CHART_MAX_SIZE);
  out = g_file_new_for_commandline_arg (options->export_chart);
  if (!kk_chart_export (chart, out, format, width, height, NULL, &error))
    return kk_usage_error ("%s: %s", options->export_chart, error->message);
  return EXIT_SUCCESS;
}

/* "総務課, 経営支援課, …", for the message of an unknown division. */
static char *
kk_dup_division_names (KkPlan *plan)
{
  GListModel *divisions = kk_plan_get_divisions (plan);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (divisions); i++)
    {
      g_autoptr(KkDivision) division = g_list_model_get_item (divisions, i);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, kk_division_get_name (division));
    }
  return g_string_free (names, FALSE);
}

static int
kk_export_pdf (KkOptions *options)
{
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(KkReport) report = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;
  KkReportKind kind = KK_REPORT_KIND_DIVISIONS;
  KkDivision *division = NULL;

  if (options->report && !kk_report_kind_from_name (options->report, &kind))
    {
      g_autofree char *names = kk_report_dup_kind_names ();

      return kk_usage_error (_("unknown report “%s”: use %s"), options->report, names);
    }
  if (options->division && kind != KK_REPORT_KIND_DIVISIONS)
    return kk_usage_error (_("--division goes with the divisions report"));

  plan = kk_load_plan (options);
  if (plan == NULL)
    return KK_EXIT_USAGE;
  if (options->division && (division = kk_plan_find_division (plan, options->division)) == NULL)
    {
      g_autofree char *names = kk_dup_division_names (plan);

      return kk_usage_error (_("unknown division “%s”: use one of %s"), options->division, names);
    }

  report = kk_report_new (plan, kind);
  kk_report_set_division (report, division);
  out = g_file_new_for_commandline_arg (options->export_pdf);
  if (!kk_report_export_pdf (report, out, KK_REPORT_A4_WIDTH, KK_REPORT_A4_HEIGHT, NULL, &error))
    return kk_usage_error ("%s: %s", options->export_pdf, error->message);
  return EXIT_SUCCESS;
}

static const char *
kk_severity_word (KkSeverity severity)
{
  switch (severity)
    {
    case KK_SEVERITY_ERROR: return _("error");
    case KK_SEVERITY_WARNING: return _("warning");
    case KK_SEVERITY_NOTE: return _("note");
    default: g_assert_not_reached ();
    }
}

/* One finding a line, "PLACE: SEVERITY: MESSAGE" as compilers write theirs,
 * so that editors and scripts read it; the status says whether any. */
static int
kk_check (KkOptions *options)
{
  g_autoptr(KkPlan) plan = kk_load_plan (options);
  g_autoptr(GListModel) findings = NULL;
  guint n;

  if (plan == NULL)
    return KK_EXIT_USAGE;
  findings = kk_check_plan (plan);
  n = g_list_model_get_n_items (findings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkFinding) finding = g_list_model_get_item (findings, i);

      g_print ("%s: %s: %s\n", kk_finding_get_place (finding),
               kk_severity_word (kk_finding_get_severity (finding)),
               kk_finding_get_message (finding));
    }
  return n > 0 ? KK_EXIT_FINDINGS : EXIT_SUCCESS;
}

/* Applies the programs table to the plan and saves the result, or names
 * the first cell that cannot be read and writes nothing. */
static int
kk_import_csv (KkOptions *options)
{
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(KkCsvImport) import = NULL;
  g_autoptr(KkImportProblem) problem = NULL;
  g_autoptr(GFile) in = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;

  plan = kk_load_plan (options);
  if (plan == NULL)
    return KK_EXIT_USAGE;

  in = g_file_new_for_commandline_arg (options->import_csv);
  import = kk_csv_import_new_for_file (plan, in, &error);
  if (import == NULL)
    return kk_usage_error ("%s: %s", options->import_csv, error->message);
  problem = g_list_model_get_item (kk_csv_import_get_problems (import), 0);
  if (problem != NULL)
    {
      g_autofree char *message = kk_import_problem_dup_message (problem);

      return kk_usage_error ("%s: %s", options->import_csv, message);
    }
  if (!kk_csv_import_apply (import, &error))
    return kk_usage_error ("%s: %s", options->import_csv, error->message);

  out = g_file_new_for_commandline_arg (options->save_as);
  if (!kk_plan_save_file (plan, out, NULL, NULL, NULL, &error))
    return kk_usage_error ("%s: %s", options->save_as, error->message);
  return EXIT_SUCCESS;
}

static int
kk_write_next_year (KkOptions *options)
{
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(KkPlan) next = NULL;
  g_autoptr(GFile) out = NULL;
  g_autoptr(GError) error = NULL;

  plan = kk_load_plan (options);
  if (plan == NULL)
    return KK_EXIT_USAGE;
  /* Only a file can hold a plan of the last year there is. */
  next = kk_plan_new_next_year (plan, &error);
  if (next == NULL)
    return kk_usage_error ("%s: %s", options->files[0], error->message);

  out = g_file_new_for_commandline_arg (options->next_year);
  if (!kk_plan_save_file (next, out, NULL, NULL, NULL, &error))
    return kk_usage_error ("%s: %s", options->next_year, error->message);
  return EXIT_SUCCESS;
}

/* Options that only make sense with another; returns the first misused. */
static const char *
kk_find_orphan_option (KkOptions *options)
{
  if (options->table && !options->export_csv)
    return _("--table goes with --export-csv");
  if (options->chart && !options->export_chart)
    return _("--chart goes with --export-chart");
  if (options->size && !options->export_chart)
    return _("--size goes with --export-chart");
  if (options->report && !options->export_pdf)
    return _("--report goes with --export-pdf");
  if (options->division && !options->export_pdf)
    return _("--division goes with --export-pdf");
  if (options->import_csv && !options->save_as)
    return _("--import-csv needs --save-as");
  if (options->save_as && !options->import_csv)
    return _("--save-as goes with --import-csv");
  if ((options->export_csv != NULL) + (options->export_xlsx != NULL) +
      (options->export_chart != NULL) + (options->export_pdf != NULL) +
      (options->next_year != NULL) > 1)
    return _("give one of --export-csv, --export-xlsx, --export-chart, --export-pdf and "
             "--next-year");
  if (options->check && (options->export_csv || options->export_xlsx || options->export_chart ||
                         options->export_pdf || options->next_year))
    return _("--check goes without an export");
  if (options->import_csv && (options->export_csv || options->export_xlsx ||
                              options->export_chart || options->export_pdf || options->check ||
                              options->next_year))
    return _("--import-csv goes without an export or --check");
  return NULL;
}

/**
 * kk_command_line_run:
 * @arguments: the program's arguments, argv[0] first
 * @exit_status: (out): set when the command line was handled here
 *
 * Parses the command line strictly. Bad usage, any export and the check end here with
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
  const char *orphan;
  const GOptionEntry entries[] = {
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &options.export_csv,
      N_("Write a table of the plan as CSV to OUT"), N_("OUT") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &options.table,
      N_("The table to export: programs (default) or kpis"), N_("TABLE") },
    { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, &options.export_xlsx,
      N_("Write both tables of the plan as an Excel workbook (.xlsx) to OUT"), N_("OUT") },
    { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, &options.export_chart,
      N_("Draw a chart of the plan to OUT, a .png, .svg or .pdf file"), N_("OUT") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &options.chart,
      N_("The chart to draw: programs, pillars, divisions, funding, change or achievement"),
      N_("CHART") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &options.size,
      N_("The size of the chart in pixels (points for PDF), e.g. 1200x800"),
      N_("WIDTHxHEIGHT") },
    { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, &options.export_pdf,
      N_("Write a report of the plan as PDF to OUT"), N_("OUT") },
    { "report", 0, 0, G_OPTION_ARG_STRING, &options.report,
      N_("The report to write: divisions (default), book or budget"), N_("REPORT") },
    { "division", 0, 0, G_OPTION_ARG_STRING, &options.division,
      N_("Only this division's summary, without the cover"), N_("NAME") },
    { "check", 0, 0, G_OPTION_ARG_NONE, &options.check,
      N_("Check the plan and list what looks wrong; exit 1 if anything does"), NULL },
    { "import-csv", 0, 0, G_OPTION_ARG_FILENAME, &options.import_csv,
      N_("Apply a programs table in CSV, as --export-csv writes it, to the plan"), N_("IN") },
    { "save-as", 0, 0, G_OPTION_ARG_FILENAME, &options.save_as,
      N_("Where --import-csv saves the plan it changed"), N_("OUT") },
    { "next-year", 0, 0, G_OPTION_ARG_FILENAME, &options.next_year,
      N_("Write the next year's plan, carried from this one, to OUT"), N_("OUT") },
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
  orphan = kk_find_orphan_option (&options);
  if (orphan != NULL)
    {
      *exit_status = kk_usage_error ("%s", orphan);
      return TRUE;
    }
  if (options.export_csv)
    {
      *exit_status = kk_export_csv (&options);
      return TRUE;
    }
  if (options.export_xlsx)
    {
      *exit_status = kk_export_xlsx (&options);
      return TRUE;
    }
  if (options.export_chart)
    {
      *exit_status = kk_export_chart (&options);
      return TRUE;
    }
  if (options.export_pdf)
    {
      *exit_status = kk_export_pdf (&options);
      return TRUE;
    }
  if (options.check)
    {
      *exit_status = kk_check (&options);
      return TRUE;
    }
  if (options.import_csv)
    {
      *exit_status = kk_import_csv (&options);
      return TRUE;
    }
  if (options.next_year)
    {
      *exit_status = kk_write_next_year (&options);
      return TRUE;
    }
  return FALSE;
}
