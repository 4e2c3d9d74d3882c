/* fuzz-csv.c: libFuzzer target of the CSV writer
 *
 * Keikaku writes CSV and reads none, so every plan the fuzzer makes load is
 * exported as both tables, and each is read back here as RFC 4180 says and
 * strictly: valid UTF-8 after a byte order mark, records ending in CRLF,
 * quotes around whole fields only and doubled inside them, every record of
 * as many fields as the header, one record a program or a KPI figure. The
 * programs table must give back each program's number and name as they are.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "kk-csv.h"
#include "kk-fuzz.h"

#define KK_BOM "\xEF\xBB\xBF"

typedef struct
{
  const char *pos;
  const char *end;
} KkCsvReader;

/* Leaves pos after the closing quote. */
static void
kk_csv_read_quoted (KkCsvReader *reader,
                    GString     *field)
{
  for (reader->pos++; ; reader->pos++)
    {
      if (reader->pos == reader->end)
        kk_fuzz_fail ("CSV: a quoted field is not closed");
      if (*reader->pos == '"')
        {
          if (reader->pos + 1 == reader->end || reader->pos[1] != '"')
            break;
          reader->pos++;
        }
      g_string_append_c (field, *reader->pos);
    }
  reader->pos++;
}

static void
kk_csv_read_plain (KkCsvReader *reader,
                   GString     *field)
{
  for (; reader->pos < reader->end && !strchr (",\r\n", *reader->pos); reader->pos++)
    {
      if (*reader->pos == '"')
        kk_fuzz_fail ("CSV: a quote inside a field that is not quoted");
      g_string_append_c (field, *reader->pos);
    }
}

/* Returns: (transfer full): the fields of the record at pos, which is left
 * at the next record */
static GStrv
kk_csv_read_record (KkCsvReader *reader)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();

  while (TRUE)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (reader->pos < reader->end && *reader->pos == '"')
        kk_csv_read_quoted (reader, field);
      else
        kk_csv_read_plain (reader, field);
      g_strv_builder_add (fields, field->str);

      if (reader->pos < reader->end && *reader->pos == ',')
        reader->pos++;
      else if (reader->end - reader->pos >= 2 && memcmp (reader->pos, "\r\n", 2) == 0)
        {
          reader->pos += 2;
          return g_strv_builder_end (fields);
        }
      else
        kk_fuzz_fail ("CSV: a field is followed by neither a comma nor CRLF");
    }
}

/* Returns: (transfer full) (element-type GStrv): the records, header first */
static GPtrArray *
kk_csv_read (GBytes *csv)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  gsize size;
  const char *text = g_bytes_get_data (csv, &size);
  KkCsvReader reader;

  if (!g_utf8_validate_len (text, size, NULL))
    kk_fuzz_fail ("CSV: not UTF-8");
  if (size < strlen (KK_BOM) || memcmp (text, KK_BOM, strlen (KK_BOM)) != 0)
    kk_fuzz_fail ("CSV: no byte order mark");
  reader = (KkCsvReader) { text + strlen (KK_BOM), text + size };

  while (reader.pos < reader.end)
    {
      GStrv record = kk_csv_read_record (&reader);

      if (records->len > 0 &&
          g_strv_length (record) != g_strv_length (g_ptr_array_index (records, 0)))
        kk_fuzz_fail ("CSV: record %u has %u fields, the header %u", records->len,
                      g_strv_length (record), g_strv_length (g_ptr_array_index (records, 0)));
      g_ptr_array_add (records, record);
    }
  return records;
}

static GPtrArray *
kk_fuzz_export (KkPlan     *plan,
                KkCsvTable  table,
                guint       n_rows)
{
  g_autoptr(GBytes) csv = kk_csv_export (plan, table);
  GPtrArray *records = kk_csv_read (csv);

  if (records->len != n_rows + 1)
    kk_fuzz_fail ("CSV: %u records for %u rows and the header", records->len, n_rows);
  return records;
}

static void
kk_fuzz_check_programs (KkPlan *plan)
{
  GListModel *programs = kk_plan_get_programs (plan);
  guint n = g_list_model_get_n_items (programs);
  g_autoptr(GPtrArray) records = kk_fuzz_export (plan, KK_CSV_TABLE_PROGRAMS, n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      GStrv record = g_ptr_array_index (records, i + 1);
      g_autofree char *number = g_strdup_printf ("%u", kk_program_get_number (program));

      if (!g_str_equal (record[0], number) ||
          !g_str_equal (record[1], kk_program_get_name (program)))
        kk_fuzz_fail ("CSV: row %u reads as program %s “%s”", i + 1, record[0], record[1]);
    }
}

static guint
kk_fuzz_count_figures (KkPlan *plan)
{
  GListModel *sheets = kk_plan_get_sheets (plan);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);
      GListModel *kpis = kk_sheet_get_kpis (sheet);

      for (guint j = 0; j < g_list_model_get_n_items (kpis); j++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, j);

          n += g_list_model_get_n_items (kk_kpi_get_values (kpi));
        }
    }
  return n;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(KkPlan) plan = kk_fuzz_load (data, size);

  if (plan == NULL)
    return 0;

  kk_fuzz_check_programs (plan);
  g_ptr_array_unref (kk_fuzz_export (plan, KK_CSV_TABLE_KPIS, kk_fuzz_count_figures (plan)));
  return 0;
}
