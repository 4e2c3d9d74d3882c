/* kk-json-writer.c: JSON text in the plan file's canonical layout
 *
 * JsonGenerator writes doubles with 17 significant digits (220.6 becomes
 * 220.59999999999999) and cannot be told the member order we promise, so the
 * plan file is written here: two-space indentation, one member or element a
 * line, UTF-8 as is, and numbers in their shortest exact form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-format.h"
#include "kk-json-writer.h"

struct _KkJsonWriter
{
  GString *out;
  /* For each open container, whether nothing was written into it yet. */
  GArray *empty;
  /* A member name was just written: the value follows on the same line. */
  gboolean after_member;
};

KkJsonWriter *
kk_json_writer_new (void)
{
  KkJsonWriter *self = g_new0 (KkJsonWriter, 1);

  self->out = g_string_sized_new (64 * 1024);
  self->empty = g_array_new (FALSE, FALSE, sizeof (gboolean));
  return self;
}

/**
 * kk_json_writer_free_to_bytes:
 *
 * Returns: (transfer full): the text written, ending in a newline
 */
GBytes *
kk_json_writer_free_to_bytes (KkJsonWriter *self)
{
  GBytes *bytes;

  g_assert (self->empty->len == 0);

  g_string_append_c (self->out, '\n');
  g_array_unref (self->empty);
  bytes = g_string_free_to_bytes (g_steal_pointer (&self->out));
  g_free (self);
  return bytes;
}

static void
kk_json_writer_newline (KkJsonWriter *self)
{
  static const char spaces[] = "                                                                ";
  gsize indent = 2 * self->empty->len;

  g_string_append_c (self->out, '\n');
  for (; indent > sizeof spaces - 1; indent -= sizeof spaces - 1)
    g_string_append_len (self->out, spaces, sizeof spaces - 1);
  g_string_append_len (self->out, spaces, indent);
}

/* Separates a new value or member from what came before in its container. */
static void
kk_json_writer_next (KkJsonWriter *self)
{
  gboolean *empty;

  if (self->after_member)
    {
      self->after_member = FALSE;
      return;
    }
  if (self->empty->len == 0)
    return;

  empty = &g_array_index (self->empty, gboolean, self->empty->len - 1);
  if (!*empty)
    g_string_append_c (self->out, ',');
  *empty = FALSE;
  kk_json_writer_newline (self);
}

static void
kk_json_writer_open (KkJsonWriter *self,
                     char          bracket)
{
  gboolean empty = TRUE;

  kk_json_writer_next (self);
  g_string_append_c (self->out, bracket);
  g_array_append_val (self->empty, empty);
}

static void
kk_json_writer_close (KkJsonWriter *self,
                      char          bracket)
{
  gboolean empty = g_array_index (self->empty, gboolean, self->empty->len - 1);

  g_array_set_size (self->empty, self->empty->len - 1);
  if (!empty)
    kk_json_writer_newline (self);
  g_string_append_c (self->out, bracket);
}

void
kk_json_writer_begin_object (KkJsonWriter *self)
{
  kk_json_writer_open (self, '{');
}

void
kk_json_writer_end_object (KkJsonWriter *self)
{
  kk_json_writer_close (self, '}');
}

void
kk_json_writer_begin_array (KkJsonWriter *self)
{
  kk_json_writer_open (self, '[');
}

void
kk_json_writer_end_array (KkJsonWriter *self)
{
  kk_json_writer_close (self, ']');
}

static gboolean
kk_json_needs_escape (guchar c)
{
  return c < 0x20 || c == '"' || c == '\\';
}

static void
kk_json_writer_quoted (KkJsonWriter *self,
                       const char   *text)
{
  g_string_append_c (self->out, '"');
  for (const guchar *p = (const guchar *)text; *p; p++)
    {
      const guchar *run = p;

      /* Texts are copied in runs: most of their bytes need no escape. */
      while (*run != '\0' && !kk_json_needs_escape (*run))
        run++;
      g_string_append_len (self->out, (const char *)p, run - p);
      p = run;
      if (*p == '\0')
        break;
      switch (*p)
        {
        case '"': g_string_append (self->out, "\\\""); break;
        case '\\': g_string_append (self->out, "\\\\"); break;
        case '\n': g_string_append (self->out, "\\n"); break;
        case '\r': g_string_append (self->out, "\\r"); break;
        case '\t': g_string_append (self->out, "\\t"); break;
        case '\b': g_string_append (self->out, "\\b"); break;
        case '\f': g_string_append (self->out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (self->out, "\\u%04x", *p);
          else
            g_string_append_c (self->out, *p);
        }
    }
  g_string_append_c (self->out, '"');
}

void
kk_json_writer_member (KkJsonWriter *self,
                       const char   *name)
{
  kk_json_writer_next (self);
  kk_json_writer_quoted (self, name);
  g_string_append (self->out, ": ");
  self->after_member = TRUE;
}

void
kk_json_writer_string (KkJsonWriter *self,
                       const char   *value)
{
  kk_json_writer_next (self);
  kk_json_writer_quoted (self, value);
}

void
kk_json_writer_int (KkJsonWriter *self,
                    gint64        value)
{
  kk_json_writer_next (self);
  g_string_append_printf (self->out, "%" G_GINT64_FORMAT, value);
}

void
kk_json_writer_double (KkJsonWriter *self,
                       double        value)
{
  g_autofree char *text = kk_format_number (value);

  kk_json_writer_next (self);
  g_string_append (self->out, text);
}

/* Writes a value kept from a newer file version, as it was read. */
void
kk_json_writer_value (KkJsonWriter *self,
                      KkJsonTree   *tree,
                      KkJsonRef     ref)
{
  KkJsonKind kind = kk_json_kind (tree, ref);
  guint n;
  KkJsonRef child;

  switch (kind)
    {
    case KK_JSON_OBJECT:
    case KK_JSON_ARRAY:
      n = kk_json_n_children (tree, ref);
      child = ref + 1;
      if (kind == KK_JSON_OBJECT)
        kk_json_writer_begin_object (self);
      else
        kk_json_writer_begin_array (self);
      for (guint i = 0; i < n; i++, child = kk_json_next (tree, child))
        {
          if (kind == KK_JSON_OBJECT)
            kk_json_writer_member (self, kk_json_name (tree, child));
          kk_json_writer_value (self, tree, child);
        }
      if (kind == KK_JSON_OBJECT)
        kk_json_writer_end_object (self);
      else
        kk_json_writer_end_array (self);
      break;
    case KK_JSON_NULL:
      kk_json_writer_next (self);
      g_string_append (self->out, "null");
      break;
    case KK_JSON_BOOLEAN:
      kk_json_writer_next (self);
      g_string_append (self->out, kk_json_boolean (tree, ref) ? "true" : "false");
      break;
    case KK_JSON_INTEGER:
      kk_json_writer_int (self, kk_json_int (tree, ref));
      break;
    case KK_JSON_DOUBLE:
      kk_json_writer_double (self, kk_json_double (tree, ref));
      break;
    case KK_JSON_STRING:
    default:
      kk_json_writer_string (self, kk_json_string (tree, ref));
      break;
    }
}
