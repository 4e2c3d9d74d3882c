/* kk-json-reader.c: JSON text read strictly, one part of a plan at a time
 *
 * json-glib's parser reports syntax errors at the token before the fault,
 * wraps integers too large for 64 bits, accepts single quotes, lets the last
 * of two equal member names win, recurses once per level of nesting, and
 * builds the tree of the whole file, several times its size, before the
 * loader can look at it. Here a first pass checks the text against RFC 8259
 * exactly, so that every fault a clerk can make in a text editor is reported
 * where it is, in words of ours, and notes where each member of the top
 * object is. The loader then reads, from text known to be good, one value at
 * a time into a small tree of its own (a program, a sheet) that the next
 * one reuses: the memory of loading is the text, the plan and one item.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kk-core-private.h"
#include "kk-json-reader.h"
#include "kk-plan-file.h"

/* Integers of more digits may not fit in 64 bits. */
#define KK_JSON_MAX_INTEGER_DIGITS 18

#define KK_JSON_NO_NAME G_MAXUINT32

/* Offsets are 32 bits: the loader refuses files of more than 256 MiB. */
typedef struct
{
  KkJsonKind kind;
  /* The values of its subtree, itself included: the next sibling is there. */
  guint32 size;
  guint32 n_children;
  /* Where its member name is in the tree's strings, or KK_JSON_NO_NAME. */
  guint32 name;
  /* Where it is in the text. */
  guint32 start;
  guint32 end;
  union
  {
    gint64 integer;
    double number;
    guint32 string;
    gboolean boolean;
  } value;
} KkJsonNode;

/* The members of the top object are read as they are needed: a list of
 * them stays text (its values are read one by one with a KkJsonIter). */
struct _KkJsonTree
{
  const char *text;
  gsize length;
  GArray *nodes;
  /* The texts of the values and names, decoded, each ending in NUL. */
  GString *strings;
  /* The text is memory of our own that may be given back as it is read. */
  gboolean discard_read;
};

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

static gboolean
kk_is_json_space (char c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static gsize
kk_skip_space (const char *text,
               gsize       length,
               gsize       pos)
{
  while (pos < length && kk_is_json_space (text[pos]))
    pos++;
  return pos;
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

/* ------------------------------------------------------------------------ */
/* Decoding texts the checker accepted                                      */

static gunichar
kk_json_hex4 (const char *text)
{
  gunichar code = 0;

  for (guint i = 0; i < 4; i++)
    code = code * 16 + g_ascii_xdigit_value (text[i]);
  return code;
}

/* Appends the character escaped at @pos (a backslash); returns the
 * position after it. */
static gsize
kk_json_unescape (const char *text,
                  gsize       pos,
                  GString    *out)
{
  char c = text[pos + 1];
  gunichar code;

  switch (c)
    {
    case 'b': g_string_append_c (out, '\b'); return pos + 2;
    case 'f': g_string_append_c (out, '\f'); return pos + 2;
    case 'n': g_string_append_c (out, '\n'); return pos + 2;
    case 'r': g_string_append_c (out, '\r'); return pos + 2;
    case 't': g_string_append_c (out, '\t'); return pos + 2;
    case 'u': break;
    default: g_string_append_c (out, c); return pos + 2;
    }
  code = kk_json_hex4 (text + pos + 2);
  pos += 6;
  /* The checker let surrogates through only in pairs. */
  if (code >= 0xD800 && code <= 0xDBFF)
    {
      code = 0x10000 + ((code - 0xD800) << 10) + (kk_json_hex4 (text + pos + 2) - 0xDC00);
      pos += 6;
    }
  g_string_append_unichar (out, code);
  return pos;
}

/* Appends the text of the string that opens at @pos, and a NUL; returns
 * the position after its closing quote. */
static gsize
kk_json_decode_string (const char *text,
                       gsize       length,
                       gsize       pos,
                       GString    *out)
{
  const char *start = text + pos + 1;
  const char *quote = memchr (start, '"', length - pos - 1);
  const char *backslash = memchr (start, '\\', quote - start);

  /* Most texts have no escape: they are copied as they are. */
  if (backslash == NULL)
    {
      g_string_append_len (out, start, quote - start);
      g_string_append_c (out, '\0');
      return quote + 1 - text;
    }

  g_string_append_len (out, start, backslash - start);
  pos = backslash - text;
  while (text[pos] != '"')
    {
      gsize run = pos;

      if (text[pos] == '\\')
        {
          pos = kk_json_unescape (text, pos, out);
          continue;
        }
      while (text[run] != '"' && text[run] != '\\')
        run++;
      g_string_append_len (out, text + pos, run - pos);
      pos = run;
    }
  g_string_append_c (out, '\0');
  return pos + 1;
}

/* The position of the closing quote of the string that opens at @pos. */
static gsize
kk_json_string_end (const char *text,
                    gsize       pos)
{
  for (pos++; text[pos] != '"'; pos++)
    if (text[pos] == '\\')
      pos++;
  return pos;
}

/* ------------------------------------------------------------------------ */
/* Checking                                                                 */

/* Objects of a plan have a dozen members: each name is compared with those
 * before it. An object of more members (a file made to hurt can have
 * millions) is checked when it closes by sorting its names, in time
 * n log n that no choice of names can make worse, where a hash table would
 * take quadratic time on names made to share one hash value. */
#define KK_KEYS_LINEAR_MAX 24

typedef struct
{
  /* Where the name is in the text, or in the decoded names. */
  guint32 offset;
  guint32 length;
  /* Where the name's opening quote is in the text. */
  guint32 position;
  gboolean decoded;
} KkKey;

typedef struct
{
  const char *text;
  GArray *keys;
  /* Names written with escapes, decoded: "a" and "\u0061" are one name. */
  GString *decoded;
} KkKeys;

static void
kk_keys_clear (KkKeys *self)
{
  g_clear_pointer (&self->keys, g_array_unref);
  if (self->decoded != NULL)
    g_string_free (g_steal_pointer (&self->decoded), TRUE);
}

static void
kk_keys_reset (KkKeys     *self,
               const char *text)
{
  self->text = text;
  if (self->keys == NULL)
    self->keys = g_array_new (FALSE, FALSE, sizeof (KkKey));
  g_array_set_size (self->keys, 0);
  if (self->decoded != NULL)
    g_string_truncate (self->decoded, 0);
}

static const char *
kk_keys_name (const KkKeys *self,
              const KkKey  *key)
{
  return (key->decoded ? self->decoded->str : self->text) + key->offset;
}

static gboolean
kk_keys_equal (const KkKeys *self,
               const KkKey  *a,
               const KkKey  *b)
{
  return a->length == b->length &&
         memcmp (kk_keys_name (self, a), kk_keys_name (self, b), a->length) == 0;
}

/* Returns: %FALSE when a small object has the name already */
static gboolean
kk_keys_add (KkKeys *self,
             gsize   length,
             gsize   position,
             gsize   end)
{
  KkKey key = { position + 1, end - position - 2, position, FALSE };
  const KkKey *added;

  if (memchr (self->text + key.offset, '\\', key.length) != NULL)
    {
      if (self->decoded == NULL)
        self->decoded = g_string_new (NULL);
      key.decoded = TRUE;
      key.offset = self->decoded->len;
      kk_json_decode_string (self->text, length, position, self->decoded);
      key.length = self->decoded->len - key.offset - 1;
    }
  g_array_append_val (self->keys, key);
  if (self->keys->len > KK_KEYS_LINEAR_MAX)
    return TRUE;

  added = &g_array_index (self->keys, KkKey, self->keys->len - 1);
  for (guint i = 0; i + 1 < self->keys->len; i++)
    if (kk_keys_equal (self, &g_array_index (self->keys, KkKey, i), added))
      return FALSE;
  return TRUE;
}

static int
kk_key_compare (gconstpointer a,
                gconstpointer b,
                gpointer      keys)
{
  const KkKey *x = a;
  const KkKey *y = b;
  int order = memcmp (kk_keys_name (keys, x), kk_keys_name (keys, y), MIN (x->length, y->length));

  if (order != 0)
    return order;
  if (x->length != y->length)
    return x->length < y->length ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

/* Returns: where the first name written a second time is in the text, or
 * G_MAXSIZE when each name of a large object is written once */
static gsize
kk_keys_find_repeated (KkKeys *self)
{
  gsize first = G_MAXSIZE;

  if (self->keys->len <= KK_KEYS_LINEAR_MAX)
    return G_MAXSIZE;
  g_qsort_with_data (self->keys->data, self->keys->len, sizeof (KkKey), kk_key_compare, self);
  for (guint i = 1; i < self->keys->len; i++)
    {
      const KkKey *key = &g_array_index (self->keys, KkKey, i);

      if (kk_keys_equal (self, key - 1, key))
        first = MIN (first, key->position);
    }
  return first;
}

/* Where a member of the top object is in the text. */
typedef struct
{
  gsize name;
  gsize start;
  gsize end;
} KkJsonSpan;

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
  GArray *spans;
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

/* @position: where the name written a second time opens */
static gboolean
kk_json_checker_repeated (KkJsonChecker *self,
                          gsize          position)
{
  g_autofree char *key = g_strndup (self->text + position + 1,
                                    kk_json_string_end (self->text, position) - position - 1);

  return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, position,
                               _("the member “%s” is written twice in one object"), key);
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

static gboolean
kk_is_plain_text (guchar c)
{
  return c >= 0x20 && c != '"' && c != '\\';
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
      guchar c;

      /* Most of a file's bytes are in texts: these take the short way. */
      while (high_surrogate == 0 && pos < self->length && kk_is_plain_text (self->text[pos]))
        pos++;
      if (pos == self->length || self->text[pos] == '"')
        break;
      c = self->text[pos];

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
  if (self->depth == 1 && self->containers[0] == '{')
    g_array_index (self->spans, KkJsonSpan, self->spans->len - 1).end = self->pos;
}

static gboolean
kk_json_checker_open (KkJsonChecker *self,
                      char           container)
{
  if (self->depth == KK_JSON_MAX_DEPTH)
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_SYNTAX, self->pos,
                                 _("the data is nested more than 32 levels deep"));
  if (container == '{')
    kk_keys_reset (&self->keys[self->depth], self->text);
  self->containers[self->depth++] = container;
  self->expect = container == '{' ? KK_EXPECT_KEY_OR_CLOSE : KK_EXPECT_VALUE_OR_CLOSE;
  self->pos++;
  return TRUE;
}

static gboolean
kk_json_checker_close (KkJsonChecker *self)
{
  if (self->containers[self->depth - 1] == '{')
    {
      gsize repeated = kk_keys_find_repeated (&self->keys[self->depth - 1]);

      if (repeated != G_MAXSIZE)
        return kk_json_checker_repeated (self, repeated);
    }
  self->depth--;
  self->pos++;
  kk_json_checker_after_value (self);
  return TRUE;
}

static gboolean
kk_json_checker_value (KkJsonChecker *self)
{
  char c = self->text[self->pos];

  if (c == ']' && self->expect == KK_EXPECT_VALUE_OR_CLOSE)
    return kk_json_checker_close (self);
  if (self->depth == 1 && self->containers[0] == '{')
    g_array_index (self->spans, KkJsonSpan, self->spans->len - 1).start = self->pos;
  if (c == '{' || c == '[')
    return kk_json_checker_open (self, c);
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
    return kk_json_checker_close (self);
  if (self->text[start] != '"')
    return kk_json_checker_unexpected (self, _("a member name in double quotes"));
  if (!kk_json_checker_check_string (self))
    return FALSE;

  if (!kk_keys_add (&self->keys[self->depth - 1], self->length, start, self->pos))
    return kk_json_checker_repeated (self, start);
  if (self->depth == 1)
    {
      KkJsonSpan span = { start, 0, 0 };

      g_array_append_val (self->spans, span);
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
    return kk_json_checker_close (self);
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
kk_has_high_or_nul_byte (guint64 word)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

  return (word & highs) != 0 || ((word - ones) & ~word & highs) != 0;
}

/* As g_utf8_validate_len(), which reads byte by byte, where most bytes of
 * a plan file are ASCII (indentation, names, numbers): those are skipped a
 * word at a time, and each run of other bytes is validated by GLib. */
static gboolean
kk_utf8_validate (const char  *text,
                  gsize        length,
                  const char **invalid)
{
  gsize pos = 0;

  while (pos < length)
    {
      gsize run;

      for (guint64 word; pos + sizeof word <= length; pos += sizeof word)
        {
          memcpy (&word, text + pos, sizeof word);
          if (kk_has_high_or_nul_byte (word))
            break;
        }
      while (pos < length && (guchar)text[pos] < 0x80 && text[pos] != '\0')
        pos++;
      if (pos < length && text[pos] == '\0')
        {
          *invalid = text + pos;
          return FALSE;
        }
      for (run = pos; run < length && (guchar)text[run] >= 0x80; run++)
        ;
      if (!g_utf8_validate_len (text + pos, run - pos, invalid))
        return FALSE;
      pos = run;
    }
  return TRUE;
}

static gboolean
kk_json_check (KkJsonChecker *self)
{
  const char *invalid;

  if (!kk_utf8_validate (self->text, self->length, &invalid))
    return kk_json_checker_fail (self, KK_PLAN_FILE_ERROR_ENCODING, invalid - self->text,
                                 _("the file is not UTF-8 text"));
  return kk_json_checker_run (self);
}

/* ------------------------------------------------------------------------ */
/* Reading into a tree, from text the checker accepted                      */

static KkJsonNode *
kk_json_tree_node (KkJsonTree *self,
                   KkJsonRef   ref)
{
  g_assert (ref < self->nodes->len);
  return &g_array_index (self->nodes, KkJsonNode, ref);
}

static guint32
kk_json_tree_add_string (KkJsonTree *self,
                         gsize      *pos)
{
  guint32 offset = self->strings->len;

  *pos = kk_json_decode_string (self->text, self->length, *pos, self->strings);
  return offset;
}

/* Integers have at most 18 digits: they are read without a copy. */
static gint64
kk_json_parse_integer (const char *text,
                       gsize       start,
                       gsize       end)
{
  gboolean negative = text[start] == '-';
  gint64 value = 0;

  for (gsize i = start + negative; i < end; i++)
    value = value * 10 + (text[i] - '0');
  return negative ? -value : value;
}

static void
kk_json_tree_number (KkJsonTree *self,
                     KkJsonNode *node,
                     gsize      *pos)
{
  gsize end = *pos;
  gboolean integral = TRUE;
  g_autofree char *copy = NULL;

  while (end < self->length && !kk_is_delimiter (self->text[end]))
    {
      if (self->text[end] == '.' || self->text[end] == 'e' || self->text[end] == 'E')
        integral = FALSE;
      end++;
    }
  if (integral)
    {
      node->kind = KK_JSON_INTEGER;
      node->value.integer = kk_json_parse_integer (self->text, *pos, end);
    }
  else
    {
      /* strtod reads up to the delimiter after the number; one that ends
       * the text has none, and the bytes after the text are not ours. */
      if (end == self->length)
        copy = g_strndup (self->text + *pos, end - *pos);
      node->kind = KK_JSON_DOUBLE;
      node->value.number = g_ascii_strtod (copy != NULL ? copy : self->text + *pos, NULL);
    }
  *pos = end;
}

static void kk_json_tree_value (KkJsonTree *self,
                                gsize      *pos,
                                guint32     name);

static guint32
kk_json_tree_children (KkJsonTree *self,
                       gsize      *pos,
                       char        close)
{
  guint32 n = 0;

  (*pos)++;
  *pos = kk_skip_space (self->text, self->length, *pos);
  while (self->text[*pos] != close)
    {
      guint32 name = KK_JSON_NO_NAME;

      if (close == '}')
        {
          name = kk_json_tree_add_string (self, pos);
          *pos = kk_skip_space (self->text, self->length, *pos) + 1;
        }
      kk_json_tree_value (self, pos, name);
      n++;
      *pos = kk_skip_space (self->text, self->length, *pos);
      if (self->text[*pos] == ',')
        *pos = kk_skip_space (self->text, self->length, *pos + 1);
    }
  (*pos)++;
  return n;
}

static void
kk_json_tree_value (KkJsonTree *self,
                    gsize      *pos,
                    guint32     name)
{
  guint index = self->nodes->len;
  KkJsonNode node = { .name = name };
  char c;

  *pos = kk_skip_space (self->text, self->length, *pos);
  node.start = *pos;
  c = self->text[*pos];
  g_array_append_val (self->nodes, node);
  switch (c)
    {
    case '{':
    case '[':
      {
        guint32 n = kk_json_tree_children (self, pos, c == '{' ? '}' : ']');

        kk_json_tree_node (self, index)->kind = c == '{' ? KK_JSON_OBJECT : KK_JSON_ARRAY;
        kk_json_tree_node (self, index)->n_children = n;
      }
      break;
    case '"':
      {
        guint32 string = kk_json_tree_add_string (self, pos);

        kk_json_tree_node (self, index)->kind = KK_JSON_STRING;
        kk_json_tree_node (self, index)->value.string = string;
      }
      break;
    case 't':
    case 'f':
      kk_json_tree_node (self, index)->kind = KK_JSON_BOOLEAN;
      kk_json_tree_node (self, index)->value.boolean = c == 't';
      *pos += c == 't' ? strlen ("true") : strlen ("false");
      break;
    case 'n':
      kk_json_tree_node (self, index)->kind = KK_JSON_NULL;
      *pos += strlen ("null");
      break;
    default:
      kk_json_tree_number (self, kk_json_tree_node (self, index), pos);
      break;
    }
  kk_json_tree_node (self, index)->end = *pos;
  kk_json_tree_node (self, index)->size = self->nodes->len - index;
}

static void
kk_json_tree_reset (KkJsonTree *self)
{
  g_array_set_size (self->nodes, 0);
  g_string_truncate (self->strings, 0);
}

/* A list or an object of the top object stays text, to be read in parts. */
static void
kk_json_tree_add_unread (KkJsonTree *self,
                         gsize       start,
                         gsize       end,
                         guint32     name)
{
  KkJsonNode node = {
    .kind = self->text[start] == '{' ? KK_JSON_OBJECT : KK_JSON_ARRAY,
    .size = 1,
    .name = name,
    .start = start,
    .end = end,
  };

  g_array_append_val (self->nodes, node);
}

static void
kk_json_tree_add_member (KkJsonTree       *self,
                         const KkJsonSpan *span)
{
  gsize pos = span->name;
  guint32 name = kk_json_tree_add_string (self, &pos);

  if (self->text[span->start] == '{' || self->text[span->start] == '[')
    {
      kk_json_tree_add_unread (self, span->start, span->end, name);
      return;
    }
  pos = span->start;
  kk_json_tree_value (self, &pos, name);
}

static void
kk_json_tree_read_top (KkJsonTree *self,
                       GArray     *spans)
{
  gsize start = kk_skip_space (self->text, self->length, 0);
  KkJsonNode *root;

  kk_json_tree_reset (self);
  if (self->text[start] != '{')
    {
      if (self->text[start] == '[')
        kk_json_tree_add_unread (self, start, self->length, KK_JSON_NO_NAME);
      else
        kk_json_tree_value (self, &start, KK_JSON_NO_NAME);
      return;
    }
  kk_json_tree_add_unread (self, start, self->length, KK_JSON_NO_NAME);
  for (guint i = 0; i < spans->len; i++)
    kk_json_tree_add_member (self, &g_array_index (spans, KkJsonSpan, i));
  root = kk_json_tree_node (self, 0);
  root->n_children = spans->len;
  root->size = self->nodes->len;
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

/**
 * kk_json_tree_new:
 * @text: (array length=length): the text the tree reads, which must stay
 *   as it is while the tree is used
 *
 * Returns: (transfer full): an empty tree over @text
 */
KkJsonTree *
kk_json_tree_new (const char *text,
                  gsize       length)
{
  KkJsonTree *self;

  /* Offsets in the text are 32 bits. */
  g_return_val_if_fail (length < G_MAXUINT32, NULL);

  self = g_new0 (KkJsonTree, 1);
  self->text = text;
  self->length = length;
  self->nodes = g_array_new (FALSE, FALSE, sizeof (KkJsonNode));
  self->strings = g_string_new (NULL);
  return self;
}

void
kk_json_tree_free (KkJsonTree *self)
{
  g_array_unref (self->nodes);
  g_string_free (self->strings, TRUE);
  g_free (self);
}

/**
 * kk_json_tree_read_root:
 * @error: where to say what is wrong and where
 *
 * Checks that the whole text is UTF-8 and one JSON value within our
 * limits of nesting and size, then reads its top value: the scalar members
 * of an object, and where its lists and objects are, to read them later
 * with kk_json_iter_init() or kk_json_tree_read().
 *
 * Returns: %TRUE when the text is good; the root is then at ref 0
 */
gboolean
kk_json_tree_read_root (KkJsonTree  *self,
                        GError     **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (KkJsonSpan));
  KkJsonChecker checker = {
    .text = self->text,
    .length = self->length,
    .expect = KK_EXPECT_VALUE,
    .spans = spans,
    .error = error,
  };
  gboolean ok = kk_json_check (&checker);

  for (guint i = 0; i < KK_JSON_MAX_DEPTH; i++)
    kk_keys_clear (&checker.keys[i]);
  if (ok)
    kk_json_tree_read_top (self, spans);
  return ok;
}

/**
 * kk_json_tree_read:
 * @start: where a value begins in text that kk_json_tree_read_root() of a
 *   tree over the same text accepted
 *
 * Reads the value at @start, as the value at ref 0, in place of what the
 * tree held.
 */
void
kk_json_tree_read (KkJsonTree *self,
                   gsize       start)
{
  kk_json_tree_reset (self);
  kk_json_tree_value (self, &start, KK_JSON_NO_NAME);
}

KkJsonKind
kk_json_kind (KkJsonTree *self,
              KkJsonRef   ref)
{
  return kk_json_tree_node (self, ref)->kind;
}

/* Not for a list or an object of the top that is read in parts. */
guint
kk_json_n_children (KkJsonTree *self,
                    KkJsonRef   ref)
{
  return kk_json_tree_node (self, ref)->n_children;
}

/* Returns: the first child of @ref, which must have one */
KkJsonRef
kk_json_first (KkJsonTree *self,
               KkJsonRef   ref)
{
  g_assert (kk_json_tree_node (self, ref)->size > 1);
  return ref + 1;
}

/* Returns: the value after @ref in its object or list */
KkJsonRef
kk_json_next (KkJsonTree *self,
              KkJsonRef   ref)
{
  return ref + kk_json_tree_node (self, ref)->size;
}

/**
 * kk_json_lookup:
 * @out: (out): the member's value
 *
 * Returns: %TRUE when the object @object has the member @name
 */
gboolean
kk_json_lookup (KkJsonTree *self,
                KkJsonRef   object,
                const char *name,
                KkJsonRef  *out)
{
  KkJsonNode *node = kk_json_tree_node (self, object);
  KkJsonRef child = object + 1;

  g_assert (node->kind == KK_JSON_OBJECT);
  for (guint i = 0; i < node->n_children; i++, child = kk_json_next (self, child))
    if (strcmp (kk_json_name (self, child), name) == 0)
      {
        *out = child;
        return TRUE;
      }
  return FALSE;
}

/* Returns: the member name of @ref, a value of an object */
const char *
kk_json_name (KkJsonTree *self,
              KkJsonRef   ref)
{
  guint32 name = kk_json_tree_node (self, ref)->name;

  g_assert (name != KK_JSON_NO_NAME);
  return self->strings->str + name;
}

/* Reading a value as another kind than it is would be a bug of ours. */
static KkJsonNode *
kk_json_tree_node_of_kind (KkJsonTree *self,
                           KkJsonRef   ref,
                           KkJsonKind  kind)
{
  KkJsonNode *node = kk_json_tree_node (self, ref);

  g_assert (node->kind == kind);
  return node;
}

const char *
kk_json_string (KkJsonTree *self,
                KkJsonRef   ref)
{
  return self->strings->str + kk_json_tree_node_of_kind (self, ref, KK_JSON_STRING)->value.string;
}

gint64
kk_json_int (KkJsonTree *self,
             KkJsonRef   ref)
{
  return kk_json_tree_node_of_kind (self, ref, KK_JSON_INTEGER)->value.integer;
}

/* Returns: the number, integer or not */
double
kk_json_double (KkJsonTree *self,
                KkJsonRef   ref)
{
  KkJsonNode *node = kk_json_tree_node (self, ref);

  g_assert (node->kind == KK_JSON_INTEGER || node->kind == KK_JSON_DOUBLE);
  return node->kind == KK_JSON_INTEGER ? node->value.integer : node->value.number;
}

gboolean
kk_json_boolean (KkJsonTree *self,
                 KkJsonRef   ref)
{
  return kk_json_tree_node_of_kind (self, ref, KK_JSON_BOOLEAN)->value.boolean;
}

/* Returns: the text of the value @ref, of *@length bytes, not NUL-terminated */
const char *
kk_json_text (KkJsonTree *self,
              KkJsonRef   ref,
              gsize      *length)
{
  KkJsonNode *node = kk_json_tree_node (self, ref);

  *length = node->end - node->start;
  return self->text + node->start;
}

/**
 * kk_json_iter_init:
 * @root: the tree of kk_json_tree_read_root()
 * @array: a list of @root
 * @items: a tree over the same text, which holds one item after another
 *
 * Prepares to read the items of @array one at a time.
 */
void
kk_json_iter_init (KkJsonIter *iter,
                   KkJsonTree *root,
                   KkJsonRef   array,
                   KkJsonTree *items)
{
  KkJsonNode *node = kk_json_tree_node (root, array);

  g_assert (node->kind == KK_JSON_ARRAY && items->text == root->text);
  kk_json_tree_reset (items);
  iter->tree = items;
  iter->pos = node->start + 1;
  iter->kept = iter->pos;
  iter->end = node->end;
}

/* Gives the whole pages of text from @iter's first item not given back
 * yet to @end back to the system: a list's items are read once, and the
 * plan built from them is larger than their text, so that holding both
 * would double the memory of loading. */
static void
kk_json_iter_discard (KkJsonIter *iter,
                      gsize       end)
{
  const char *text = iter->tree->text;
  gsize page = sysconf (_SC_PAGESIZE);
  guintptr first = ((guintptr)(text + iter->kept) + page - 1) / page * page;
  guintptr last = (guintptr)(text + end) / page * page;

  /* In steps of a megabyte: a system call for each item would cost more
   * time than reading it. */
  if (!iter->tree->discard_read || last < first + 1024 * 1024)
    return;
  madvise ((void *)first, last - first, MADV_DONTNEED);
  iter->kept = (const char *)last - text;
}

/**
 * kk_json_tree_set_discard_read:
 *
 * Says that the tree's text is memory mapped anonymously for it alone,
 * whose pages a #KkJsonIter gives back once their item is read: the text
 * of the items of the top object's lists must not be read again.
 */
void
kk_json_tree_set_discard_read (KkJsonTree *self,
                               gboolean    discard_read)
{
  self->discard_read = discard_read;
}

/* Returns: %TRUE when the next item is read into the iterator's tree, at
 *   ref 0; %FALSE at the end of the list */
gboolean
kk_json_iter_next (KkJsonIter *iter)
{
  KkJsonTree *tree = iter->tree;

  if (tree->nodes->len > 0)
    kk_json_iter_discard (iter, kk_json_tree_node (tree, 0)->end);

  iter->pos = kk_skip_space (tree->text, iter->end, iter->pos);
  if (tree->text[iter->pos] == ',')
    iter->pos = kk_skip_space (tree->text, iter->end, iter->pos + 1);
  if (tree->text[iter->pos] == ']')
    return FALSE;
  kk_json_tree_read (tree, iter->pos);
  iter->pos = kk_json_tree_node (tree, 0)->end;
  return TRUE;
}
