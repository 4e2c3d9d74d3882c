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
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->empty->len; i++)
    g_string_append (self->out, "  ");
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

static void
kk_json_writer_quoted (KkJsonWriter *self,
                       const char   *text)
{
  g_string_append_c (self->out, '"');
  for (const guchar *p = (const guchar *)text; *p; p++)
    {
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

/* Writes a node kept from a newer file version, as it was read. */
void
kk_json_writer_node (KkJsonWriter *self,
                     JsonNode     *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        kk_json_writer_begin_object (self);
        for (GList *l = members; l; l = l->next)
          {
            kk_json_writer_member (self, l->data);
            kk_json_writer_node (self, json_object_get_member (object, l->data));
          }
        kk_json_writer_end_object (self);
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        kk_json_writer_begin_array (self);
        for (guint i = 0; i < n; i++)
          kk_json_writer_node (self, json_array_get_element (array, i));
        kk_json_writer_end_array (self);
      }
      break;

    case JSON_NODE_NULL:
      kk_json_writer_next (self);
      g_string_append (self->out, "null");
      break;

    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          kk_json_writer_next (self);
          g_string_append (self->out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_INT64:
          kk_json_writer_int (self, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          kk_json_writer_double (self, json_node_get_double (node));
          break;
        default:
          kk_json_writer_string (self, json_node_get_string (node));
          break;
        }
      break;
    }
}
