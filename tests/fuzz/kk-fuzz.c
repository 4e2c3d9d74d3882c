/* kk-fuzz.c: what the fuzz targets share
 *
 * A finding must end the run with abort(), whose signal libFuzzer catches to
 * save the input: sanitizer reports, criticals and warnings of GLib, and the
 * targets' own checks all go that way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "kk-fuzz.h"
#include "kk-plan-file.h"

/* UBSan reports and goes on unless told otherwise: a report is a finding. */
const char *__ubsan_default_options (void);

const char *
__ubsan_default_options (void)
{
  return "halt_on_error=1:print_stacktrace=1";
}

static GLogWriterOutput
kk_fuzz_log_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_writer_func (kk_fuzz_log_writer, NULL, NULL);
  return 0;
}

void
kk_fuzz_fail (const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  fputs ("keikaku fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  abort ();
}

/* The window and the command line show the message as it is, on one line. */
static void
kk_fuzz_check_error (const GError *error)
{
  if (error == NULL || error->domain != KK_PLAN_FILE_ERROR)
    kk_fuzz_fail ("the load failed without a plan file error");
  if (error->message[0] == '\0' || !g_utf8_validate (error->message, -1, NULL))
    kk_fuzz_fail ("the error message is empty or not UTF-8");
  for (const char *p = error->message; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      kk_fuzz_fail ("the error message has the control character U+%04X: %s",
                    g_utf8_get_char (p), error->message);
}

/**
 * kk_fuzz_load:
 *
 * Loads the bytes as a plan file; a failure must say what is wrong.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL when the bytes are
 * not a valid plan
 */
KkPlan *
kk_fuzz_load (const uint8_t *data,
              size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  KkPlan *plan = kk_plan_load_bytes (bytes, &error);

  if (plan == NULL)
    kk_fuzz_check_error (error);
  return plan;
}
