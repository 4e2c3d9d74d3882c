/* kk-json-reader.c: JSON text to a json-glib tree, strictly and fast
 *
 * json-glib's parser reports syntax errors at the token before the fault,
 * wraps integers too large for 64 bits, accepts single quotes, lets the last
 * of two equal member names win, recurses once per level of nesting, and
 * reads a plan of 10,000 programs in half a second. Here a first pass checks
 * the text against RFC 8259 exactly, so that every fault a clerk can make in
 * a text editor is reported where it is, in words of ours; a second pass,
 * over text known to be good, builds the json-glib tree the loader reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kk-core-private.h"
#include "kk-json-reader.h"
#include "kk-plan-file.h"

/* Integers of more digits may not fit in 64 bits. */
#define KK_JSON_MAX_INTEGER_DIGITS 18

typedef enum
{
  KK_EXPECT_VALUE,
  KK_EXPECT_VALUE_OR_CLOSE,
  KK_EXPECT_KEY,
  KK_EXPECT_KEY_OR_CLOSE,
  KK_EXPECT_COLON,
  KK_EXPECT_SEPARATOR,
  KK_EXPECT_END,
} KkExpect;

/* Objects of a plan have a dozen members: they are compared where they
 * stand in the text. Only an object of many members gets a hash table. */
#define KK_KEYS_LINEAR_MAX 24

typedef struct
{
  const char *start;
  gsize length;
} KkSlice;

typedef struct
{
  GArray *slices;
  GHashTable *many;
} KkKeys;

static void
kk_keys_clear (KkKeys *keys)
{
  g_clear_pointer (&keys->slices, g_array_unref);
  g_clear_pointer (&keys->many, g_hash_table_unref);
}

static void
kk_keys_reset (KkKeys *keys)
{
  if (keys->slices == NULL)
    keys->slices = g_array_new (FALSE, FALSE, sizeof (KkSlice));
  g_array_set_size (keys->slices, 0);
  g_clear_pointer (&keys->many, g_hash_table_unref);
}

static void
kk_keys_grow (KkKeys *keys)
{
  keys->many = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < keys->slices->len; i++)
    {
      KkSlice *slice = &g_array_index (keys->slices, KkSlice, i);

      g_hash_table_add (keys->many, g_strndup (slice->start, slice->length));
    }
}

/* @name: (transfer full) (nullable): the key read, when it has escapes
 *
 * Returns: %FALSE when the object has the key already */
static gboolean
kk_keys_add (KkKeys      *keys,
             const char  *start,
             gsize        length,
             char        *name)
{
  KkSlice slice = { start, length };

  /* "a" and "\u0061" are one name: names with escapes are compared as read. */
  if (name != NULL && keys->many == NULL)
    kk_keys_grow (keys);
  if (keys->many != NULL)
    return g_hash_table_add (keys->many, name != NULL ? name : g_strndup (start, length));

  for (guint i = 0; i < keys->slices->len; i++)
    {
      KkSlice *other = &g_array_index (keys->slices, KkSlice, i);

      if (other->length == length && memcmp (other->start, start, length) == 0)
        return FALSE;
    }
  g_array_append_val (keys->slices, slice);
  if (keys->slices->len > KK_KEYS_LINEAR_MAX)
    kk_keys_grow (keys);
  return TRUE;
}

/* The builder (below), here for the checker, which reads a member name
 * with escapes as the builder will. */
typedef struct
{
  const char *text;
  gsize length;
  gsize pos;
} KkJsonBuilder;

static char *kk_json_builder_string (KkJsonBuilder *self);

/* The string at @pos, which the checker accepted, as the builder reads it. */
static char *
kk_json_read_string (const char *text,
                     gsize       length,
                     gsize       pos)
{
  KkJsonBuilder builder = { text, length, pos };

  return kk_json_builder_string (&builder);
}

typedef struct
{
  const char *text;
  gsize length;
  gsize pos;
  KkExpect expect;
  guint depth;
  char containers[KK_JSON_MAX_DEPTH];
  /* The member names of each open object, to find one written twice. */
  KkKeys keys[KK_JSON_MAX_DEPTH];
  GError **error;
} KkJsonChecker;

G_GNUC_PRINTF (4, 5)
static gboolean
kk_json_checker_fail (KkJsonChecker *self,
                      int            code,
                      gsize          offset,
                      const char    *format,
                      ...)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gsize line_start = 0;
  guint line = 1;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* A token quoted from the text may hold control characters. */
  message = kk_dup_printable (text);

  for (gsize i = 0; i < offset; i++)
    if (self->text[i] == '\n')
      {
        line++;
        line_start = i + 1;
      }
  /* Columns count characters, as text editors do, not bytes. */
  g_set_error (self->error, KK_PLAN_FILE_ERROR, code,
               /* TRANSLATORS: a place in a file and what is wrong there */
               _("line %u, column %u: %s"), line,
               (guint)g_utf8_strlen (self->text + line_start, offset - line_start) + 1,
               message);
  return FALSE;
}

static gboolean
kk_is_json_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* A switch: this runs for every byte of a file of tens of megabytes. */
static gboolean
kk_is_delimiter (char c)
{
  switch (c)
    {
    case '{': case '}': case '[': case ']': case ',': case ':': case '"': case '\'':
    case ' ': case '\n': case '\r': case '\t': case '\v': case '\f':
      return TRUE;
    default:
      return FALSE;
    }
}

/* The token at @offset as the user sees it: a word, or one character. */
static char *
kk_json_checker_dup_token (KkJsonChecker *self,
                           gsize          offset)
{
  const gsize max_bytes = 24;
  const char *start = self->text + offset;
  const char *end = start;
  const char *limit = self->text + MIN (self->length, offset + max_bytes);

  if (*start == '"')
    {
      const char *quote = memchr (start + 1, '"', limit - start - 1 > 0 ? limit - start - 1 : 0);

      if (quote != NULL)
        return g_strndup (start, quote + 1 - start);
    }
  while (end < limit && !kk_is_delimiter (*end))
    end = g_utf8_next_char (end);
  if (end == start)
    end = g_utf8_next_char (start);
  if (end > self->text + self->length)
    end = self->text + self->length;
  return g_strndup (start, end - start);
}

static gboolean
kk_json_checker_unexpected (KkJsonChecker *self,
                            const char    *expected)
{
  g_autofree char *token = kk_json_checker_dup_token (self, self->pos);

  /* TRANSLATORS: what the file should have at a place, and what it has */
  return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, self->pos,
                               _("expected %s, found “%s”"), expected, token);
}

static gboolean
kk_json_checker_check_escape (KkJsonChecker *self,
                              gsize         *pos,
                              gunichar      *high_surrogate)
{
  const char *text = self->text;
  gsize start = *pos;
  gunichar code = 0;

  if (*pos + 1 < self->length && strchr ("\"\\/bfnrt", text[*pos + 1]))
    {
      *pos += 2;
      return *high_surrogate == 0 ||
             kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, start,
                                   _("a text has half of a character escaped as \\u"));
    }
  if (*pos + 5 >= self->length || text[*pos + 1] != 'u')
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, start,
                                 _("a backslash must be followed by one of \" \\ / b f n r t u"));
  for (guint i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (text[*pos + i]);

      if (digit < 0)
        return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, start,
                                     _("\\u must be followed by four hexadecimal digits"));
      code = code * 16 + digit;
    }
  *pos += 6;

  if (code == 0)
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, start,
                                 _("a text must not contain the character \\u0000"));
  if ((*high_surrogate != 0) != (code >= 0xDC00 && code <= 0xDFFF))
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, start,
                                 _("a text has half of a character escaped as \\u"));
  *high_surrogate = (code >= 0xD800 && code <= 0xDBFF) ? code : 0;
  return TRUE;
}

/* Leaves pos after the closing quote. */
static gboolean
kk_json_checker_check_string (KkJsonChecker *self)
{
  gsize start = self->pos;
  gsize pos = start + 1;
  gunichar high_surrogate = 0;

  while (pos < self->length && self->text[pos] != '"')
    {
      guchar c = self->text[pos];

      if (c < 0x20)
        return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, start,
                                     _("a text is not closed with \" on its line"));
      if (c == '\\')
        {
          if (!kk_json_checker_check_escape (self, &pos, &high_surrogate))
            return FALSE;
          continue;
        }
      if (high_surrogate != 0)
        return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, pos,
                                     _("a text has half of a character escaped as \\u"));
      pos++;
    }
  if (pos >= self->length)
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, start,
                                 _("a text is not closed with \" on its line"));
  if (high_surrogate != 0)
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, pos,
                                 _("a text has half of a character escaped as \\u"));
  if (pos - start - 1 > KK_JSON_MAX_STRING)
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_TOO_LARGE, start,
                                 _("a text is longer than 1 MiB"));
  self->pos = pos + 1;
  return TRUE;
}

static gsize
kk_json_checker_skip_digits (KkJsonChecker *self,
                             gsize          pos)
{
  while (pos < self->length && g_ascii_isdigit (self->text[pos]))
    pos++;
  return pos;
}

/* strtod and strtoll read a number up to the delimiter after it. A number
 * that ends the text has none, and the bytes after the text are not ours:
 * such a number is read from a copy, freed with *copy. */
static const char *
kk_json_number_text (const char  *start,
                     const char  *end,
                     const char  *text_end,
                     char       **copy)
{
  *copy = end == text_end ? g_strndup (start, end - start) : NULL;
  return *copy != NULL ? *copy : start;
}

/* Only an exponent or some 309 digits before the point make a number
 * overflow a double; it would be infinite, which no file can hold. */
static gboolean
kk_json_checker_check_finite (KkJsonChecker *self,
                              gsize          start,
                              gsize          end,
                              gsize          integer_digits,
                              gboolean       exponent)
{
  g_autofree char *copy = NULL;
  const char *number;

  if (!exponent && integer_digits < 300)
    return TRUE;
  number = kk_json_number_text (self->text + start, self->text + end,
                                self->text + self->length, &copy);
  if (isfinite (g_ascii_strtod (number, NULL)))
    return TRUE;
  return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_INVALID, start,
                               _("the number is too large"));
}

static gboolean
kk_json_checker_check_number (KkJsonChecker *self)
{
  const char *text = self->text;
  gsize start = self->pos;
  gsize pos = start;
  gsize digits_start;
  gsize integer_digits;
  gboolean integral = TRUE;
  gboolean exponent = FALSE;

  if (text[pos] == '-')
    pos++;
  digits_start = pos;
  pos = kk_json_checker_skip_digits (self, pos);
  integer_digits = pos - digits_start;
  if (integer_digits == 0 || (text[digits_start] == '0' && integer_digits > 1))
    return kk_json_checker_unexpected (self, _("a value"));

  if (pos < self->length && text[pos] == '.')
    {
      gsize fraction_start = ++pos;

      integral = FALSE;
      pos = kk_json_checker_skip_digits (self, pos);
      if (pos == fraction_start)
        return kk_json_checker_unexpected (self, _("a value"));
    }
  if (pos < self->length && (text[pos] == 'e' || text[pos] == 'E'))
    {
      gsize exponent_start;

      integral = FALSE;
      exponent = TRUE;
      pos++;
      if (pos < self->length && (text[pos] == '+' || text[pos] == '-'))
        pos++;
      exponent_start = pos;
      pos = kk_json_checker_skip_digits (self, pos);
      if (pos == exponent_start)
        return kk_json_checker_unexpected (self, _("a value"));
    }
  if (pos < self->length && !kk_is_delimiter (text[pos]))
    return kk_json_checker_unexpected (self, _("a value"));
  if (integral && integer_digits > KK_JSON_MAX_INTEGER_DIGITS)
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_INVALID, start,
                                 _("the number is too large"));
  if (!integral && !kk_json_checker_check_finite (self, start, pos, integer_digits, exponent))
    return FALSE;
  self->pos = pos;
  return TRUE;
}

static gboolean
kk_json_checker_check_literal (KkJsonChecker *self)
{
  static const char * const literals[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (literals); i++)
    {
      gsize length = strlen (literals[i]);
      gsize end = self->pos + length;

      if (end <= self->length &&
          strncmp (self->text + self->pos, literals[i], length) == 0 &&
          (end == self->length || kk_is_delimiter (self->text[end])))
        {
          self->pos = end;
          return TRUE;
        }
    }
  return kk_json_checker_unexpected (self, _("a value"));
}

static void
kk_json_checker_after_value (KkJsonChecker *self)
{
  self->expect = self->depth == 0 ? KK_EXPECT_END : KK_EXPECT_SEPARATOR;
}

static gboolean
kk_json_checker_open (KkJsonChecker *self,
                      char           container)
{
  if (self->depth == KK_JSON_MAX_DEPTH)
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, self->pos,
                                 _("the data is nested more than 32 levels deep"));
  if (container == '{')
    kk_keys_reset (&self->keys[self->depth]);
  self->containers[self->depth++] = container;
  self->expect = container == '{' ? KK_EXPECT_KEY_OR_CLOSE : KK_EXPECT_VALUE_OR_CLOSE;
  self->pos++;
  return TRUE;
}

static void
kk_json_checker_close (KkJsonChecker *self)
{
  self->depth--;
  self->pos++;
  kk_json_checker_after_value (self);
}

static gboolean
kk_json_checker_value (KkJsonChecker *self)
{
  char c = self->text[self->pos];

  if (c == '{' || c == '[')
    return kk_json_checker_open (self, c);
  if (c == ']' && self->expect == KK_EXPECT_VALUE_OR_CLOSE)
    {
      kk_json_checker_close (self);
      return TRUE;
    }
  if (c == '"')
    {
      if (!kk_json_checker_check_string (self))
        return FALSE;
    }
  else if (c == '-' || g_ascii_isdigit (c))
    {
      if (!kk_json_checker_check_number (self))
        return FALSE;
    }
  else if (!kk_json_checker_check_literal (self))
    return FALSE;
  kk_json_checker_after_value (self);
  return TRUE;
}

static gboolean
kk_json_checker_key (KkJsonChecker *self)
{
  gsize start = self->pos;

  if (self->text[start] == '}' && self->expect == KK_EXPECT_KEY_OR_CLOSE)
    {
      kk_json_checker_close (self);
      return TRUE;
    }
  if (self->text[start] != '"')
    return kk_json_checker_unexpected (self, _("a member name in double quotes"));
  if (!kk_json_checker_check_string (self))
    return FALSE;

  if (!kk_keys_add (&self->keys[self->depth - 1], self->text + start + 1, self->pos - start - 2,
                    memchr (self->text + start, '\\', self->pos - start) != NULL
                    ? kk_json_read_string (self->text, self->length, start) : NULL))
    {
      g_autofree char *key = g_strndup (self->text + start + 1, self->pos - start - 2);

      return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, start,
                                   _("the member “%s” is written twice in one object"), key);
    }
  self->expect = KK_EXPECT_COLON;
  return TRUE;
}

static gboolean
kk_json_checker_separator (KkJsonChecker *self)
{
  char container = self->containers[self->depth - 1];
  char close = container == '{' ? '}' : ']';
  char c = self->text[self->pos];

  if (c == ',')
    {
      self->expect = container == '{' ? KK_EXPECT_KEY : KK_EXPECT_VALUE;
      self->pos++;
      return TRUE;
    }
  if (c == close)
    {
      kk_json_checker_close (self);
      return TRUE;
    }
  return kk_json_checker_unexpected (self, container == '{' ? _("“,” or “}”") : _("“,” or “]”"));
}

static gboolean
kk_json_checker_token (KkJsonChecker *self)
{
  switch (self->expect)
    {
    case KK_EXPECT_VALUE:
    case KK_EXPECT_VALUE_OR_CLOSE:
      return kk_json_checker_value (self);
    case KK_EXPECT_KEY:
    case KK_EXPECT_KEY_OR_CLOSE:
      return kk_json_checker_key (self);
    case KK_EXPECT_COLON:
      if (self->text[self->pos] != ':')
        return kk_json_checker_unexpected (self, _("“:” after the member name"));
      self->expect = KK_EXPECT_VALUE;
      self->pos++;
      return TRUE;
    case KK_EXPECT_SEPARATOR:
      return kk_json_checker_separator (self);
    case KK_EXPECT_END:
    default:
      return kk_json_checker_unexpected (self, _("the end of the file"));
    }
}

static gboolean
kk_json_checker_run (KkJsonChecker *self)
{
  while (TRUE)
    {
      while (self->pos < self->length && kk_is_json_space (self->text[self->pos]))
        self->pos++;
      if (self->pos == self->length)
        break;
      if (!kk_json_checker_token (self))
        return FALSE;
    }
  if (self->expect != KK_EXPECT_END)
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, self->length,
                                 _("the file ends before the plan is complete"));
  return TRUE;
}

static gboolean
kk_json_check (const char  *text,
               gsize        length,
               GError     **error)
{
  KkJsonChecker checker = {
    .text = text,
    .length = length,
    .expect = KK_EXPECT_VALUE,
    .error = error,
  };
  const char *invalid;
  gboolean ok;

  if (!g_utf8_validate_len (text, length, &invalid))
    return kk_json_checker_fail (&checker, KK_PLAN_FILE_ERROR_ENCODING, invalid - text,
                                 _("the file is not UTF-8 text"));

  ok = kk_json_checker_run (&checker);
  for (guint i = 0; i < KK_JSON_MAX_DEPTH; i++)
    kk_keys_clear (&checker.keys[i]);
  return ok;
}

/* ------------------------------------------------------------------------ */
/* Building, from text the checker accepted                                 */

static JsonNode *kk_json_builder_value (KkJsonBuilder *self);

static void
kk_json_builder_skip_space (KkJsonBuilder *self)
{
  while (kk_is_json_space (self->text[self->pos]))
    self->pos++;
}

static gunichar
kk_json_builder_hex4 (KkJsonBuilder *self)
{
  gunichar code = 0;

  for (guint i = 0; i < 4; i++)
    code = code * 16 + g_ascii_xdigit_value (self->text[self->pos++]);
  return code;
}

static void
kk_json_builder_escape (KkJsonBuilder *self,
                        GString       *out)
{
  char c = self->text[++self->pos];
  gunichar code;

  self->pos++;
  switch (c)
    {
    case 'b': g_string_append_c (out, '\b'); return;
    case 'f': g_string_append_c (out, '\f'); return;
    case 'n': g_string_append_c (out, '\n'); return;
    case 'r': g_string_append_c (out, '\r'); return;
    case 't': g_string_append_c (out, '\t'); return;
    case 'u': break;
    default: g_string_append_c (out, c); return;
    }
  code = kk_json_builder_hex4 (self);
  /* The checker let surrogates through only in pairs. */
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      self->pos += 2;
      code = 0x10000 + ((code - 0xD800) << 10) + (kk_json_builder_hex4 (self) - 0xDC00);
    }
  g_string_append_unichar (out, code);
}

/* Leaves pos after the closing quote. */
static char *
kk_json_builder_string (KkJsonBuilder *self)
{
  const char *start = self->text + self->pos + 1;
  const char *end = start;
  GString *out;

  while (*end != '"' && *end != '\\')
    end++;
  if (*end == '"')
    {
      self->pos = end + 1 - self->text;
      return g_strndup (start, end - start);
    }

  out = g_string_new_len (start, end - start);
  self->pos = end - self->text;
  while (self->text[self->pos] != '"')
    {
      if (self->text[self->pos] == '\\')
        kk_json_builder_escape (self, out);
      else
        g_string_append_c (out, self->text[self->pos++]);
    }
  self->pos++;
  return g_string_free (out, FALSE);
}

static JsonNode *
kk_json_builder_number (KkJsonBuilder *self)
{
  const char *start = self->text + self->pos;
  const char *end = start;
  const char *limit = self->text + self->length;
  g_autofree char *copy = NULL;
  const char *number;
  gboolean integral = TRUE;

  while (end < limit && !kk_is_delimiter (*end))
    {
      if (*end == '.' || *end == 'e' || *end == 'E')
        integral = FALSE;
      end++;
    }
  self->pos = end - self->text;
  number = kk_json_number_text (start, end, limit, &copy);
  if (integral)
    return json_node_init_int (json_node_alloc (), g_ascii_strtoll (number, NULL, 10));
  return json_node_init_double (json_node_alloc (), g_ascii_strtod (number, NULL));
}

static JsonNode *
kk_json_builder_object (KkJsonBuilder *self)
{
  JsonObject *object = json_object_new ();
  JsonNode *node;

  self->pos++;
  kk_json_builder_skip_space (self);
  while (self->text[self->pos] != '}')
    {
      g_autofree char *name = kk_json_builder_string (self);

      kk_json_builder_skip_space (self);
      self->pos++;
      json_object_set_member (object, name, kk_json_builder_value (self));
      kk_json_builder_skip_space (self);
      if (self->text[self->pos] == ',')
        {
          self->pos++;
          kk_json_builder_skip_space (self);
        }
    }
  self->pos++;
  node = json_node_init (json_node_alloc (), JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

static JsonNode *
kk_json_builder_array (KkJsonBuilder *self)
{
  JsonArray *array = json_array_new ();
  JsonNode *node;

  self->pos++;
  kk_json_builder_skip_space (self);
  while (self->text[self->pos] != ']')
    {
      json_array_add_element (array, kk_json_builder_value (self));
      kk_json_builder_skip_space (self);
      if (self->text[self->pos] == ',')
        {
          self->pos++;
          kk_json_builder_skip_space (self);
        }
    }
  self->pos++;
  node = json_node_init (json_node_alloc (), JSON_NODE_ARRAY);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
kk_json_builder_value (KkJsonBuilder *self)
{
  JsonNode *node;
  char *string;

  kk_json_builder_skip_space (self);
  switch (self->text[self->pos])
    {
    case '{':
      return kk_json_builder_object (self);
    case '[':
      return kk_json_builder_array (self);
    case '"':
      string = kk_json_builder_string (self);
      node = json_node_init_string (json_node_alloc (), string);
      g_free (string);
      return node;
    case 't':
      self->pos += strlen ("true");
      return json_node_init_boolean (json_node_alloc (), TRUE);
    case 'f':
      self->pos += strlen ("false");
      return json_node_init_boolean (json_node_alloc (), FALSE);
    case 'n':
      self->pos += strlen ("null");
      return json_node_init_null (json_node_alloc ());
    default:
      return kk_json_builder_number (self);
    }
}

/**
 * kk_json_read:
 * @text: the text of a file, of @length bytes
 * @error: where to say what is wrong and where
 *
 * Reads @text, which must be UTF-8 and one JSON value within our limits of
 * nesting and size.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL with @error set
 */
JsonNode *
kk_json_read (const char  *text,
              gsize        length,
              GError     **error)
{
  KkJsonBuilder builder = { text, length, 0 };

  g_return_val_if_fail (text != NULL, NULL);

  if (!kk_json_check (text, length, error))
    return NULL;
  return kk_json_builder_value (&builder);
}
