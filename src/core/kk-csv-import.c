/* kk-csv-import.c: the programs table read back from a spreadsheet
 *
 * Reads what kk_csv_export() writes for the programs, as a spreadsheet saves
 * it again: UTF-8 with or without a byte order mark, or CP932 (Shift_JIS as
 * Excel writes it on Japanese Windows); LF, CRLF or CR line ends; quoted as
 * RFC 4180 says. Columns are found by their header, in any order; the
 * difference is computed, so its column is not read.
 *
 * Reading compares the file with the plan and leaves the plan alone: what
 * would change, and every cell that cannot be read. Applying makes all the
 * changes as one step of undo, and only when every cell was read: a half
 * imported table would be worse than none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kk-core-private.h"
#include "kk-csv-import.h"
#include "kk-csv.h"
#include "kk-enums.h"
#include "kk-format.h"
#include "kk-plan-file.h"

struct _KkCsvImport
{
  GObject parent_instance;
  KkPlan *plan;
  GListStore *changes;
  GListStore *problems;
  /* What applying does, in order (KkImportEdit). */
  GPtrArray *edits;
  /* The programs the file adds (KkImportAdded), added before the edits. */
  GPtrArray *added;
  /* While reading: the plan's programs by number, as a table of thousands
   * of rows would take long to find them one by one. */
  GHashTable *programs;
  gboolean applied;
};

G_DEFINE_FINAL_TYPE (KkCsvImport, kk_csv_import, G_TYPE_OBJECT)

G_DEFINE_QUARK (kk-csv-import-error-quark, kk_csv_import_error)

enum {
  PROP_0,
  PROP_CHANGES,
  PROP_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  /* The program or sheet to edit; %NULL for a program the file adds, the
   * one at @added in the list of those. */
  GObject *object;
  guint added;
  gboolean on_sheet;
  const char *property;
  GValue value;
} KkImportEdit;

typedef struct
{
  guint number;
  char *name;
} KkImportAdded;

static void
kk_import_edit_free (KkImportEdit *edit)
{
  g_clear_object (&edit->object);
  g_value_unset (&edit->value);
  g_free (edit);
}

static void
kk_import_added_free (KkImportAdded *added)
{
  g_free (added->name);
  g_free (added);
}

/* ------------------------------------------------------------------------ */
/* The columns                                                              */

typedef gboolean (*KkCellParse) (KkCsvImport  *self,
                                 const char   *cell,
                                 GValue       *value,
                                 GError      **error);
typedef char *(*KkValueFormat) (const GValue *value);

typedef struct
{
  /* The header, as kk_csv_export() writes it. */
  const char *name;
  /* The field in the interface's words, for the preview. */
  const char *label;
  /* The property of the program, or of its sheet; %NULL for a column that
   * is not read. */
  const char *property;
  gboolean on_sheet;
  KkCellParse parse;
  KkValueFormat format;
} KkImportColumn;

static void
kk_set_parse_error (GError    **error,
                    const char *format,
                    ...) G_GNUC_PRINTF (2, 3);

static void
kk_set_parse_error (GError    **error,
                    const char *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  *error = g_error_new_valist (KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID, format, args);
  va_end (args);
}

static gboolean
kk_parse_name (KkCsvImport  *self,
               const char   *cell,
               GValue       *value,
               GError      **error)
{
  if (*cell == '\0')
    {
      kk_set_parse_error (error, _("A program needs a name"));
      return FALSE;
    }
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, cell);
  return TRUE;
}

/* Empty is none: the previous name of a program that kept its name. */
static gboolean
kk_parse_optional_text (KkCsvImport  *self,
                        const char   *cell,
                        GValue       *value,
                        GError      **error)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, *cell ? cell : NULL);
  return TRUE;
}

static gboolean
kk_parse_amount (KkCsvImport  *self,
                 const char   *cell,
                 GValue       *value,
                 GError      **error)
{
  gint64 amount;

  if (!kk_parse_thousand_yen (cell, &amount, error))
    return FALSE;
  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, amount);
  return TRUE;
}

typedef gpointer (*KkFindFunc) (KkPlan     *plan,
                                const char *name);

static gpointer
kk_find_pillar_named (KkPlan     *plan,
                      const char *name)
{
  GListModel *pillars = kk_plan_get_pillars (plan);

  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(KkPillar) pillar = g_list_model_get_item (pillars, i);

      if (g_strcmp0 (kk_pillar_get_name (pillar), name) == 0)
        return pillar;
    }
  return NULL;
}

/* The object of the plan that @find finds for the cell's text. */
static gboolean
kk_parse_found (KkCsvImport  *self,
                const char   *cell,
                KkFindFunc    find,
                GType         type,
                const char   *unknown_format,
                GValue       *value,
                GError      **error)
{
  g_autofree char *name = g_strstrip (g_strdup (cell));
  gpointer object = find (self->plan, name);

  if (object == NULL)
    {
      *error = g_error_new (KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID, unknown_format, name);
      return FALSE;
    }
  g_value_init (value, type);
  g_value_set_object (value, object);
  return TRUE;
}

static gboolean
kk_parse_pillar (KkCsvImport  *self,
                 const char   *cell,
                 GValue       *value,
                 GError      **error)
{
  return kk_parse_found (self, cell, kk_find_pillar_named, KK_TYPE_PILLAR,
                         _("There is no pillar “%s”"), value, error);
}

static gboolean
kk_parse_division (KkCsvImport  *self,
                   const char   *cell,
                   GValue       *value,
                   GError      **error)
{
  return kk_parse_found (self, cell, (KkFindFunc)kk_plan_find_division, KK_TYPE_DIVISION,
                         _("There is no division “%s”"), value, error);
}

/* The values of a cell that holds several, split where @separators (a
 * regular expression) match: 県;市. */
static GStrv
kk_split_list (const char *cell,
               const char *separators)
{
  g_auto(GStrv) parts = g_regex_split_simple (separators, cell, 0, 0);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_strstrip (parts[i]);
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

/* Each of @names as @find finds it in the plan, once: a list of objects. */
static gboolean
kk_parse_found_list (KkCsvImport         *self,
                     const char * const  *names,
                     KkFindFunc           find,
                     const char          *unknown_format,
                     GValue              *value,
                     GError             **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; names[i]; i++)
    {
      gpointer object = find (self->plan, names[i]);

      if (object == NULL)
        {
          *error = g_error_new (KK_PARSE_ERROR, KK_PARSE_ERROR_INVALID, unknown_format, names[i]);
          return FALSE;
        }
      if (g_ptr_array_find (found, object, NULL))
        {
          kk_set_parse_error (error, _("“%s” is named twice"), names[i]);
          return FALSE;
        }
      g_ptr_array_add (found, g_object_ref (object));
    }
  g_value_init (value, G_TYPE_PTR_ARRAY);
  g_value_take_boxed (value, g_steal_pointer (&found));
  return TRUE;
}

static gboolean
kk_parse_funding (KkCsvImport  *self,
                  const char   *cell,
                  GValue       *value,
                  GError      **error)
{
  /* The window's 県・市 too, as a clerk may type it: no code holds a ・. */
  g_auto(GStrv) codes = kk_split_list (cell, "[" KK_CSV_JOIN "・]");

  if (codes[0] == NULL)
    {
      kk_set_parse_error (error, _("A program needs at least one funding source"));
      return FALSE;
    }
  return kk_parse_found_list (self, (const char * const *)codes,
                              (KkFindFunc)kk_plan_find_funding,
                              /* Translators: %s is a funding source's code, such as 県 */
                              _("There is no funding source “%s”"), value, error);
}

static gboolean
kk_parse_divisions (KkCsvImport  *self,
                    const char   *cell,
                    GValue       *value,
                    GError      **error)
{
  g_auto(GStrv) names = kk_split_list (cell, KK_CSV_JOIN);

  return kk_parse_found_list (self, (const char * const *)names,
                              (KkFindFunc)kk_plan_find_division,
                              _("There is no division “%s”"), value, error);
}

static gboolean
kk_parse_partners (KkCsvImport  *self,
                   const char   *cell,
                   GValue       *value,
                   GError      **error)
{
  g_value_init (value, G_TYPE_STRV);
  g_value_take_boxed (value, kk_split_list (cell, KK_CSV_JOIN));
  return TRUE;
}

/* One of the values of @enum_type: its nick, as the export writes it, or
 * the plan's own word for it, @words in the order of the values. */
static gboolean
kk_parse_choice (const char         *cell,
                 GType               enum_type,
                 const char * const *words,
                 const char         *unknown,
                 GValue             *value,
                 GError            **error)
{
  g_autofree char *word = g_strstrip (g_strdup (cell));
  int choice = -1;

  for (int i = 0; words[i] != NULL; i++)
    if (g_str_equal (word, words[i]))
      choice = i;
  if (choice < 0 && !kk_enum_from_nick (enum_type, word, &choice))
    {
      kk_set_parse_error (error, unknown, word);
      return FALSE;
    }
  g_value_init (value, enum_type);
  g_value_set_enum (value, choice);
  return TRUE;
}

static gboolean
kk_parse_status (KkCsvImport  *self,
                 const char   *cell,
                 GValue       *value,
                 GError      **error)
{
  static const char * const words[] = { "継続", "新規", NULL };

  return kk_parse_choice (cell, KK_TYPE_PROGRAM_STATUS, words,
                          _("The status must be continuing or new, not “%s”"), value, error);
}

static gboolean
kk_parse_review_state (KkCsvImport  *self,
                       const char   *cell,
                       GValue       *value,
                       GError      **error)
{
  static const char * const words[] = { "作成中", "確認待ち", "確定", NULL };

  return kk_parse_choice (cell, KK_TYPE_REVIEW_STATE, words,
                          _("The review state must be draft, pending or confirmed "
                            "(作成中, 確認待ち, 確定), not “%s”"), value, error);
}

static char *
kk_format_text (const GValue *value)
{
  return g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
}

static char *
kk_format_amount (const GValue *value)
{
  return kk_format_grouped (g_value_get_int64 (value));
}

static char *
kk_format_named (const GValue *value)
{
  GObject *object = g_value_get_object (value);
  char *name = NULL;

  if (object != NULL)
    g_object_get (object, "name", &name, NULL);
  return name ? name : g_strdup ("");
}

static char *
kk_format_status (const GValue *value)
{
  return g_strdup (g_value_get_enum (value) == KK_PROGRAM_STATUS_NEW ? _("New") : _("Continuing"));
}

static char *
kk_format_review (const GValue *value)
{
  return g_strdup (kk_format_review_state (g_value_get_enum (value)));
}

/* Several values as the file writes them: 県;市. */
static char *
kk_format_objects (const GValue *value,
                   const char   *property)
{
  GPtrArray *objects = g_value_get_boxed (value);
  GString *text = g_string_new (NULL);

  for (guint i = 0; objects && i < objects->len; i++)
    {
      g_autofree char *name = NULL;

      g_object_get (g_ptr_array_index (objects, i), property, &name, NULL);
      if (i > 0)
        g_string_append (text, KK_CSV_JOIN);
      g_string_append (text, name);
    }
  return g_string_free (text, FALSE);
}

static char *
kk_format_funding (const GValue *value)
{
  return kk_format_objects (value, "code");
}

static char *
kk_format_divisions (const GValue *value)
{
  return kk_format_objects (value, "name");
}

static char *
kk_format_partners (const GValue *value)
{
  const char * const *partners = g_value_get_boxed (value);

  return partners ? g_strjoinv (KK_CSV_JOIN, (char **)partners) : g_strdup ("");
}

enum {
  COLUMN_NUMBER,
  COLUMN_NAME,
  COLUMN_PILLAR,
  COLUMN_FUNDING,
  COLUMN_BUDGET,
  COLUMN_PREVIOUS_NAME,
  COLUMN_PREVIOUS_BUDGET,
  COLUMN_DIFFERENCE,
  COLUMN_STATUS,
  COLUMN_REVIEW_STATE,
  COLUMN_LEAD_DIVISION,
  COLUMN_DIVISIONS,
  COLUMN_PARTNERS,
  N_COLUMNS
};

/* In the order of the export, which is also the order of the changes: the
 * status before the previous budget it decides. */
static const KkImportColumn kk_import_columns[N_COLUMNS] = {
  { "number", N_("No."), NULL, FALSE, NULL, NULL },
  { "name", N_("Program"), "name", FALSE, kk_parse_name, kk_format_text },
  { "pillar", N_("Pillar"), "pillar", FALSE, kk_parse_pillar, kk_format_named },
  { "funding", N_("Funding"), "funding", FALSE, kk_parse_funding, kk_format_funding },
  { "budget", N_("Budget"), "budget", FALSE, kk_parse_amount, kk_format_amount },
  { "previous_name", N_("Last Year’s Name"), "previous-name", FALSE, kk_parse_optional_text,
    kk_format_text },
  { "previous_budget", N_("Last Year"), "previous-budget", FALSE, kk_parse_amount,
    kk_format_amount },
  { "difference", NULL, NULL, FALSE, NULL, NULL },
  { "status", N_("Status"), "status", FALSE, kk_parse_status, kk_format_status },
  { "review_state", N_("Review State"), "review-state", FALSE, kk_parse_review_state,
    kk_format_review },
  { "lead_division", N_("Lead Division"), "lead-division", FALSE, kk_parse_division,
    kk_format_named },
  { "divisions", N_("Divisions on the Sheet"), "divisions", TRUE, kk_parse_divisions,
    kk_format_divisions },
  { "partners", N_("Related Bodies"), "partners", TRUE, kk_parse_partners, kk_format_partners },
};

/* ------------------------------------------------------------------------ */
/* The text                                                                 */

/* Excel on a Japanese desktop saves CSV in CP932 unless told otherwise, and
 * a text in CP932 is almost never valid UTF-8: what is not UTF-8 is read as
 * CP932. glibc's iconv maps it as Windows does: 0x5C is \ and 0x7E ~ (not ¥
 * and ‾ as in Shift_JIS proper), and NEC's ① and ㈱ are read. */
static char *
kk_csv_decode (GBytes  *bytes,
               gsize   *length,
               GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autoptr(GError) convert_error = NULL;
  gsize bytes_read = 0;
  char *text;

  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      size -= 3;
    }
  if (size > 0 && memchr (data, '\0', size) != NULL)
    {
      g_set_error_literal (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_ENCODING,
                           _("The file is not a CSV text: it holds a zero byte"));
      return NULL;
    }
  if (g_utf8_validate_len (data, size, NULL))
    {
      *length = size;
      return g_strndup (data, size);
    }
  text = g_convert (data, size, "UTF-8", "CP932", &bytes_read, length, &convert_error);
  if (text == NULL)
    {
      guint line = 1;

      /* A line feed is never the second byte of a CP932 character. */
      for (gsize i = 0; i < bytes_read && i < size; i++)
        line += data[i] == '\n';
      g_set_error (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_ENCODING,
                   _("Line %u is neither UTF-8 nor Shift_JIS (CP932) text"), line);
    }
  return text;
}

typedef struct
{
  const char *p;
  const char *end;
  guint line;
} KkCsvScanner;

typedef struct
{
  char *text;
  /* Where the cell starts, for problems. */
  guint line;
} KkCsvCell;

static void
kk_csv_cell_clear (KkCsvCell *cell)
{
  g_clear_pointer (&cell->text, g_free);
}

static gboolean
kk_csv_at_line_end (KkCsvScanner *s)
{
  return s->p < s->end && (*s->p == '\n' || *s->p == '\r');
}

/* CRLF, LF or CR alone, as old Mac spreadsheets wrote. */
static void
kk_csv_skip_line_end (KkCsvScanner *s)
{
  if (*s->p == '\r' && s->p + 1 < s->end && s->p[1] == '\n')
    s->p++;
  s->p++;
  s->line++;
}

/* From after the opening quote to after the closing one: "" is a quote,
 * a line break becomes \n. FALSE when the quote is never closed. */
static gboolean
kk_csv_read_quoted (KkCsvScanner *s,
                    GString      *out)
{
  while (s->p < s->end)
    {
      if (*s->p == '"')
        {
          s->p++;
          if (s->p >= s->end || *s->p != '"')
            return TRUE;
          g_string_append_c (out, '"');
          s->p++;
        }
      else if (kk_csv_at_line_end (s))
        {
          kk_csv_skip_line_end (s);
          g_string_append_c (out, '\n');
        }
      else
        g_string_append_c (out, *s->p++);
    }
  return FALSE;
}

static gboolean
kk_csv_read_field (KkCsvScanner *s,
                   GString      *out)
{
  g_string_truncate (out, 0);
  if (s->p < s->end && *s->p == '"')
    {
      s->p++;
      if (!kk_csv_read_quoted (s, out))
        return FALSE;
    }
  /* A field without quotes, or text after the closing quote, is read as it
   * stands, as spreadsheets read it. */
  while (s->p < s->end && *s->p != ',' && !kk_csv_at_line_end (s))
    g_string_append_c (out, *s->p++);
  return TRUE;
}

typedef enum
{
  KK_CSV_RECORD,
  KK_CSV_END,
  /* The last cell read opens a quote that never closes. */
  KK_CSV_UNCLOSED,
} KkCsvRead;

static KkCsvRead
kk_csv_read_record (KkCsvScanner *s,
                    GArray       *cells)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_array_set_size (cells, 0);
  if (s->p >= s->end)
    return KK_CSV_END;
  for (;;)
    {
      KkCsvCell cell = { NULL, s->line };
      gboolean closed = kk_csv_read_field (s, text);

      cell.text = g_strndup (text->str, text->len);
      g_array_append_val (cells, cell);
      if (!closed)
        return KK_CSV_UNCLOSED;
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          continue;
        }
      if (s->p < s->end)
        kk_csv_skip_line_end (s);
      return KK_CSV_RECORD;
    }
}

static gboolean
kk_csv_record_is_blank (GArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *text = g_array_index (cells, KkCsvCell, i).text;

      for (; *text; text++)
        if (!g_ascii_isspace (*text))
          return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Reading the rows                                                         */

static void
kk_csv_import_add_problem (KkCsvImport *self,
                           guint        line,
                           guint        column,
                           const char  *reason)
{
  g_autoptr(KkImportProblem) problem = kk_import_problem_new (line, column, reason);

  g_list_store_append (self->problems, problem);
}

/* Where each column of the table is in the file (its index), or -1. */
typedef struct
{
  int at[N_COLUMNS];
  guint n_cells;
} KkCsvHeader;

static gboolean
kk_csv_import_read_header (KkCsvImport  *self,
                           GArray       *cells,
                           KkCsvHeader  *header,
                           GError      **error)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    header->at[c] = -1;
  header->n_cells = cells->len;

  for (guint i = 0; i < cells->len; i++)
    {
      KkCsvCell *cell = &g_array_index (cells, KkCsvCell, i);
      g_autofree char *name = g_strstrip (g_strdup (cell->text));
      g_autofree char *reason = NULL;
      guint c;

      /* An empty column a spreadsheet keeps at the right is no column. */
      if (*name == '\0')
        continue;
      for (c = 0; c < N_COLUMNS && !g_str_equal (name, kk_import_columns[c].name); c++)
        ;
      if (c == N_COLUMNS)
        reason = g_strdup_printf (_("There is no column “%s” in the programs table"), name);
      else if (header->at[c] >= 0)
        reason = g_strdup_printf (_("The column “%s” is there twice"), name);
      else
        header->at[c] = i;
      if (reason != NULL)
        kk_csv_import_add_problem (self, cell->line, i + 1, reason);
    }
  if (header->at[COLUMN_NUMBER] < 0)
    {
      g_set_error_literal (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_HEADER,
                           _("The first line does not name the columns of the programs table: "
                             "there is no column “number”"));
      return FALSE;
    }
  return TRUE;
}

/* One row of the file while it is read. */
typedef struct
{
  KkCsvImport *self;
  KkCsvHeader *header;
  GArray *cells;
  guint number;
  /* The program of that number, or %NULL for one the file adds. */
  KkProgram *program;
  /* The cells read, unset where the file has no column or an empty
   * previous budget. */
  GValue values[N_COLUMNS];
  gboolean failed;
} KkImportRow;

static void
kk_import_row_clear (KkImportRow *row)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    if (G_IS_VALUE (&row->values[c]))
      g_value_unset (&row->values[c]);
}

static KkCsvCell *
kk_import_row_cell (KkImportRow *row,
                    guint        column)
{
  int at = row->header->at[column];

  return at >= 0 ? &g_array_index (row->cells, KkCsvCell, at) : NULL;
}

static void
kk_import_row_fail (KkImportRow *row,
                    guint        column,
                    const char  *reason)
{
  KkCsvCell *cell = kk_import_row_cell (row, column);

  kk_csv_import_add_problem (row->self, cell->line, row->header->at[column] + 1, reason);
  row->failed = TRUE;
}

static gboolean
kk_import_row_has (KkImportRow *row,
                   guint        column)
{
  return G_IS_VALUE (&row->values[column]);
}

/* The number identifies the row: without one, nothing else is read. */
static gboolean
kk_import_row_read_number (KkImportRow *row,
                           GHashTable  *lines)
{
  KkCsvCell *cell = kk_import_row_cell (row, COLUMN_NUMBER);
  g_autofree char *reason = NULL;
  gint64 number;
  guint first_line;

  if (!kk_parse_thousand_yen (cell->text, &number, NULL) || number < 1 ||
      number > KK_PLAN_MAX_NUMBER)
    reason = g_strdup_printf (_("“%s” is not a program number from 1 to %d"), cell->text,
                              KK_PLAN_MAX_NUMBER);
  else if ((first_line = GPOINTER_TO_UINT (g_hash_table_lookup (lines,
                                                                GUINT_TO_POINTER (number)))))
    reason = g_strdup_printf (_("Program %u is on line %u already"), (guint)number, first_line);
  if (reason != NULL)
    {
      kk_import_row_fail (row, COLUMN_NUMBER, reason);
      return FALSE;
    }
  g_hash_table_insert (lines, GUINT_TO_POINTER (number), GUINT_TO_POINTER (cell->line));
  row->number = number;
  row->program = g_hash_table_lookup (row->self->programs, GUINT_TO_POINTER (number));
  return TRUE;
}

static void
kk_import_row_read_cells (KkImportRow *row)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const KkImportColumn *column = &kk_import_columns[c];
      KkCsvCell *cell = kk_import_row_cell (row, c);
      g_autoptr(GError) error = NULL;

      if (cell == NULL || column->parse == NULL)
        continue;
      /* An empty previous budget is that of a new program. */
      if (c == COLUMN_PREVIOUS_BUDGET && g_strstrip (cell->text)[0] == '\0')
        continue;
      if (!column->parse (row->self, cell->text, &row->values[c], &error))
        kk_import_row_fail (row, c, error->message);
    }
}

static KkProgramStatus
kk_import_row_status (KkImportRow *row)
{
  if (kk_import_row_has (row, COLUMN_STATUS))
    return g_value_get_enum (&row->values[COLUMN_STATUS]);
  return row->program ? kk_program_get_status (row->program) : KK_PROGRAM_STATUS_NEW;
}

/* As a plan file has it: a continuing program has last year's budget, a
 * new one none. */
static void
kk_import_row_check_previous_budget (KkImportRow *row)
{
  KkCsvCell *cell = kk_import_row_cell (row, COLUMN_PREVIOUS_BUDGET);
  gboolean is_new = kk_import_row_status (row) == KK_PROGRAM_STATUS_NEW;

  if (cell == NULL)
    return;
  if (is_new && kk_import_row_has (row, COLUMN_PREVIOUS_BUDGET))
    kk_import_row_fail (row, COLUMN_PREVIOUS_BUDGET,
                        _("A new program has no budget last year: leave the cell empty"));
  else if (!is_new && *cell->text == '\0')
    kk_import_row_fail (row, COLUMN_PREVIOUS_BUDGET,
                        _("A continuing program needs last year’s budget"));
}

/* A program the file adds needs what the plan file needs of it; its sheet
 * names its lead division unless the file names others. */
static void
kk_import_row_check_added (KkImportRow *row)
{
  static const guint needed[] = { COLUMN_NAME, COLUMN_PILLAR, COLUMN_FUNDING,
                                  COLUMN_LEAD_DIVISION };
  GPtrArray *divisions;

  if (row->program != NULL || row->failed)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (!kk_import_row_has (row, needed[i]))
      {
        g_autofree char *reason =
          g_strdup_printf (_("Program %u is not in the plan: to add it, the file must give its "
                             "name, pillar, funding and lead division"), row->number);

        kk_import_row_fail (row, COLUMN_NUMBER, reason);
        return;
      }
  divisions = kk_import_row_has (row, COLUMN_DIVISIONS)
              ? g_value_get_boxed (&row->values[COLUMN_DIVISIONS]) : NULL;
  if (divisions == NULL || divisions->len == 0)
    {
      GPtrArray *lead = g_ptr_array_new_with_free_func (g_object_unref);

      g_ptr_array_add (lead, g_value_dup_object (&row->values[COLUMN_LEAD_DIVISION]));
      if (G_IS_VALUE (&row->values[COLUMN_DIVISIONS]))
        g_value_unset (&row->values[COLUMN_DIVISIONS]);
      g_value_init (&row->values[COLUMN_DIVISIONS], G_TYPE_PTR_ARRAY);
      g_value_take_boxed (&row->values[COLUMN_DIVISIONS], lead);
    }
}

/* ------------------------------------------------------------------------ */
/* Comparing with the plan                                                  */

/* The value the plan has, as the preview shows it; %NULL where there is
 * none: a program the file adds, the previous budget of a new program. */
static char *
kk_import_row_dup_old (KkImportRow *row,
                       guint        column)
{
  const KkImportColumn *info = &kk_import_columns[column];
  g_auto(GValue) value = G_VALUE_INIT;
  GObject *object;

  if (row->program == NULL ||
      (column == COLUMN_PREVIOUS_BUDGET &&
       kk_program_get_status (row->program) == KK_PROGRAM_STATUS_NEW))
    return NULL;
  object = info->on_sheet ? G_OBJECT (kk_program_get_sheet (row->program))
                          : G_OBJECT (row->program);
  g_object_get_property (object, info->property, &value);
  return info->format (&value);
}

static char *
kk_import_row_dup_label (KkImportRow *row)
{
  const char *name = row->program ? kk_program_get_name (row->program)
                                  : g_value_get_string (&row->values[COLUMN_NAME]);

  return g_strdup_printf ("【%u】%s", row->number, name);
}

static void
kk_csv_import_add_edit (KkCsvImport *self,
                        KkImportRow *row,
                        guint        column)
{
  const KkImportColumn *info = &kk_import_columns[column];
  KkImportEdit *edit = g_new0 (KkImportEdit, 1);

  edit->on_sheet = info->on_sheet;
  edit->property = info->property;
  if (row->program != NULL)
    edit->object = g_object_ref (info->on_sheet ? G_OBJECT (kk_program_get_sheet (row->program))
                                                : G_OBJECT (row->program));
  else
    edit->added = self->added->len - 1;
  g_value_init (&edit->value, G_VALUE_TYPE (&row->values[column]));
  g_value_copy (&row->values[column], &edit->value);
  g_ptr_array_add (self->edits, edit);
}

/* Programs sharing a sheet share its divisions and related bodies: the
 * first row of the sheet's programs gives them, the others must agree.
 * @sheets holds, for each sheet and column, the first row's value.
 * Returns: whether @row is the first. */
static gboolean
kk_import_row_gives_sheet (KkImportRow *row,
                               guint        column,
                               const char  *value,
                               GHashTable  *sheets)
{
  g_autofree char *key = NULL;
  const char *first;

  if (row->program == NULL)
    return TRUE;
  key = g_strdup_printf ("%p/%u", (gpointer)kk_program_get_sheet (row->program), column);
  first = g_hash_table_lookup (sheets, key);
  if (first == NULL)
    {
      g_hash_table_insert (sheets, g_steal_pointer (&key), g_strdup (value));
      return TRUE;
    }
  if (!g_str_equal (first, value))
    {
      g_autofree char *numbers = kk_sheet_dup_numbers_label (kk_program_get_sheet (row->program),
                                                             ", ");
      g_autofree char *reason =
        g_strdup_printf (_("Programs %s share a sheet, but their rows give it different values"),
                         numbers);

      kk_import_row_fail (row, column, reason);
    }
  return FALSE;
}

static void
kk_csv_import_compare_row (KkCsvImport *self,
                           KkImportRow *row,
                           GHashTable  *sheets)
{
  g_autofree char *label = NULL;

  if (row->program == NULL)
    {
      KkImportAdded *added = g_new0 (KkImportAdded, 1);

      added->number = row->number;
      added->name = g_value_dup_string (&row->values[COLUMN_NAME]);
      g_ptr_array_add (self->added, added);
    }
  label = kk_import_row_dup_label (row);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const KkImportColumn *info = &kk_import_columns[c];
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autoptr(KkImportChange) change = NULL;

      if (!kk_import_row_has (row, c) || info->property == NULL)
        continue;
      new_text = info->format (&row->values[c]);
      if (info->on_sheet && !kk_import_row_gives_sheet (row, c, new_text, sheets))
        continue;
      old_text = kk_import_row_dup_old (row, c);
      if (g_strcmp0 (old_text ? old_text : "", new_text) == 0)
        continue;
      /* Empty is no value, as the preview shows it. */
      change = kk_import_change_new (row->number, label, _(info->label),
                                     old_text && *old_text ? old_text : NULL,
                                     *new_text ? new_text : NULL);
      g_list_store_append (self->changes, change);
      kk_csv_import_add_edit (self, row, c);
    }
}

static void
kk_csv_import_read_row (KkCsvImport *self,
                        KkCsvHeader *header,
                        GArray      *cells,
                        GHashTable  *lines,
                        GHashTable  *sheets)
{
  KkImportRow row = { self, header, cells, 0, NULL, { G_VALUE_INIT }, FALSE };
  guint line = g_array_index (cells, KkCsvCell, 0).line;

  if (cells->len != header->n_cells)
    {
      g_autofree char *reason =
        g_strdup_printf (_("The row has %u cells, the first line %u"), cells->len,
                         header->n_cells);

      kk_csv_import_add_problem (self, line, MIN (cells->len, header->n_cells) + 1, reason);
      return;
    }
  if (kk_import_row_read_number (&row, lines))
    {
      kk_import_row_read_cells (&row);
      kk_import_row_check_previous_budget (&row);
      kk_import_row_check_added (&row);
      if (!row.failed)
        kk_csv_import_compare_row (self, &row, sheets);
    }
  kk_import_row_clear (&row);
}

static void
kk_csv_import_index_programs (KkCsvImport *self)
{
  GListModel *programs = kk_plan_get_programs (self->plan);

  self->programs = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      KkProgram *program = g_list_model_get_item (programs, i);

      g_hash_table_insert (self->programs, GUINT_TO_POINTER (kk_program_get_number (program)),
                           program);
    }
}

static gboolean
kk_csv_import_read (KkCsvImport  *self,
                    const char   *text,
                    gsize         length,
                    GError      **error)
{
  KkCsvScanner scanner = { text, text + length, 1 };
  g_autoptr(GArray) cells = g_array_new (FALSE, TRUE, sizeof (KkCsvCell));
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  KkCsvHeader header;
  KkCsvRead read;

  g_array_set_clear_func (cells, (GDestroyNotify)kk_csv_cell_clear);
  kk_csv_import_index_programs (self);
  read = kk_csv_read_record (&scanner, cells);
  if (read == KK_CSV_END)
    {
      g_set_error_literal (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_HEADER,
                           _("The file is empty"));
      return FALSE;
    }
  if (!kk_csv_import_read_header (self, cells, &header, error))
    return FALSE;
  while (read == KK_CSV_RECORD && (read = kk_csv_read_record (&scanner, cells)) == KK_CSV_RECORD)
    if (!kk_csv_record_is_blank (cells))
      kk_csv_import_read_row (self, &header, cells, lines, sheets);
  if (read == KK_CSV_UNCLOSED)
    {
      KkCsvCell *cell = &g_array_index (cells, KkCsvCell, cells->len - 1);

      kk_csv_import_add_problem (self, cell->line, cells->len,
                                 _("The quote that opens this cell is never closed"));
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The object                                                               */

static void
kk_csv_import_dispose (GObject *object)
{
  KkCsvImport *self = KK_CSV_IMPORT (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->changes);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->edits, g_ptr_array_unref);
  g_clear_pointer (&self->added, g_ptr_array_unref);

  G_OBJECT_CLASS (kk_csv_import_parent_class)->dispose (object);
}

static void
kk_csv_import_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  KkCsvImport *self = KK_CSV_IMPORT (object);

  switch (prop_id)
    {
    case PROP_CHANGES:
      g_value_set_object (value, self->changes);
      break;
    case PROP_PROBLEMS:
      g_value_set_object (value, self->problems);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_csv_import_class_init (KkCsvImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kk_csv_import_dispose;
  object_class->get_property = kk_csv_import_get_property;

  /**
   * KkCsvImport:changes:
   *
   * The #KkImportChange of every value the file changes, row by row.
   */
  properties[PROP_CHANGES] = g_param_spec_object ("changes", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  /**
   * KkCsvImport:problems:
   *
   * The #KkImportProblem of every cell that cannot be read.
   */
  properties[PROP_PROBLEMS] = g_param_spec_object ("problems", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_csv_import_init (KkCsvImport *self)
{
  self->changes = g_list_store_new (KK_TYPE_IMPORT_CHANGE);
  self->problems = g_list_store_new (KK_TYPE_IMPORT_PROBLEM);
  self->edits = g_ptr_array_new_with_free_func ((GDestroyNotify)kk_import_edit_free);
  self->added = g_ptr_array_new_with_free_func ((GDestroyNotify)kk_import_added_free);
}

/**
 * kk_csv_import_new:
 * @plan: the plan to compare the table with; it is not changed
 * @bytes: the programs table as CSV
 *
 * Reads the table and compares it with @plan. Cells that cannot be read are
 * listed in #KkCsvImport:problems.
 *
 * Returns: (transfer full): the import, or %NULL with @error set when the
 *   text is not a programs table at all
 */
KkCsvImport *
kk_csv_import_new (KkPlan  *plan,
                   GBytes  *bytes,
                   GError **error)
{
  g_autoptr(KkCsvImport) self = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gboolean read;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  text = kk_csv_decode (bytes, &length, error);
  if (text == NULL)
    return NULL;
  self = g_object_new (KK_TYPE_CSV_IMPORT, NULL);
  self->plan = g_object_ref (plan);
  read = kk_csv_import_read (self, text, length, error);
  g_clear_pointer (&self->programs, g_hash_table_unref);
  if (!read)
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * kk_csv_import_new_for_file:
 * @file: a file on this computer
 *
 * kk_csv_import_new() for a file, read as a plan file is: a folder, a pipe
 * or a device is refused, as is a file larger than a plan file may be.
 *
 * Returns: (transfer full): the import, or %NULL with @error set
 */
KkCsvImport *
kk_csv_import_new_for_file (KkPlan  *plan,
                            GFile   *file,
                            GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_peek_path (file) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only files on this computer can be imported"));
      return NULL;
    }
  bytes = kk_file_read_regular (g_file_peek_path (file), KK_PLAN_FILE_MAX_SIZE, error);
  if (bytes == NULL)
    return NULL;
  return kk_csv_import_new (plan, bytes, error);
}

/**
 * kk_csv_import_get_changes:
 *
 * Returns: (transfer none): the #KkImportChange of every value that changes
 */
GListModel *
kk_csv_import_get_changes (KkCsvImport *self)
{
  g_return_val_if_fail (KK_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->changes);
}

/**
 * kk_csv_import_get_problems:
 *
 * Returns: (transfer none): the #KkImportProblem of every cell that cannot
 *   be read, in the order of the file
 */
GListModel *
kk_csv_import_get_problems (KkCsvImport *self)
{
  g_return_val_if_fail (KK_IS_CSV_IMPORT (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/**
 * kk_csv_import_get_can_apply:
 *
 * Returns: whether applying changes the plan: every cell was read and
 *   something changes
 */
gboolean
kk_csv_import_get_can_apply (KkCsvImport *self)
{
  g_return_val_if_fail (KK_IS_CSV_IMPORT (self), FALSE);

  return !self->applied &&
         g_list_model_get_n_items (G_LIST_MODEL (self->problems)) == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->changes)) > 0;
}

static int
kk_compare_numbers (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  guint x = GPOINTER_TO_UINT (a);
  guint y = GPOINTER_TO_UINT (b);

  return (x > y) - (x < y);
}

/* The plan's programs by number, in a balanced tree: each program the file
 * adds goes after the one numbered just below it, found in log n steps, so
 * that thousands of new programs do not each walk every program. */
static GTree *
kk_csv_import_dup_numbered (KkCsvImport *self)
{
  GListModel *programs = kk_plan_get_programs (self->plan);
  GTree *numbered = g_tree_new_full (kk_compare_numbers, NULL, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      g_tree_insert (numbered, GUINT_TO_POINTER (kk_program_get_number (program)), program);
    }
  return numbered;
}

/* Adds a program with its own sheet after the one numbered just below it. */
static KkProgram *
kk_csv_import_add_program (KkCsvImport   *self,
                           KkImportAdded *added,
                           GTree         *numbered)
{
  GTreeNode *above = g_tree_lower_bound (numbered, GUINT_TO_POINTER (added->number));
  GTreeNode *below = above != NULL ? g_tree_node_previous (above) : g_tree_node_last (numbered);
  KkProgram *program;

  program = kk_plan_create_program_numbered (self->plan,
                                             below ? g_tree_node_value (below) : NULL,
                                             added->number, added->name);
  g_tree_insert (numbered, GUINT_TO_POINTER (added->number), program);
  return program;
}

/**
 * kk_csv_import_apply:
 *
 * Makes every change to the plan, as one step of undo. Nothing is changed
 * when a cell could not be read.
 *
 * Returns: %TRUE when the changes were made
 */
gboolean
kk_csv_import_apply (KkCsvImport  *self,
                     GError      **error)
{
  KkHistory *history;
  g_autoptr(GPtrArray) programs = NULL;
  g_autoptr(GTree) numbered = NULL;
  guint n_problems;

  g_return_val_if_fail (KK_IS_CSV_IMPORT (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);

  n_problems = g_list_model_get_n_items (G_LIST_MODEL (self->problems));
  if (n_problems > 0)
    {
      g_set_error (error, KK_CSV_IMPORT_ERROR, KK_CSV_IMPORT_ERROR_PROBLEMS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u cell cannot be read: nothing was changed",
                                "%u cells cannot be read: nothing was changed", n_problems),
                   n_problems);
      return FALSE;
    }

  self->applied = TRUE;
  history = kk_plan_get_history (self->plan);
  programs = g_ptr_array_new ();
  numbered = kk_csv_import_dup_numbered (self);
  kk_history_begin_group (history);
  for (guint i = 0; i < self->added->len; i++)
    g_ptr_array_add (programs, kk_csv_import_add_program (self, g_ptr_array_index (self->added, i),
                                                          numbered));
  for (guint i = 0; i < self->edits->len; i++)
    {
      KkImportEdit *edit = g_ptr_array_index (self->edits, i);
      gpointer object = edit->object;

      if (object == NULL)
        {
          object = g_ptr_array_index (programs, edit->added);
          if (edit->on_sheet)
            object = kk_program_get_sheet (object);
        }
      kk_plan_edit_value (self->plan, object, edit->property, &edit->value);
    }
  kk_history_end_group (history);
  return TRUE;
}
