/* kk-plan-file.c: reading and writing plan files (docs/file-format.md)
 *
 * Loading checks the whole file before it builds anything a caller sees, and
 * fails as a whole with an error that names the place: line and column for
 * the text, the member path for the content. Members of a newer minor version
 * are kept on the object they belong to and written back after ours.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kk-core-private.h"
#include "kk-enums.h"
#include "kk-format.h"
#include "kk-json-reader.h"
#include "kk-json-writer.h"
#include "kk-plan-file.h"
#include "kk-plans-resources.h"


G_DEFINE_QUARK (kk-plan-file-error-quark, kk_plan_file_error)

/* Members a newer minor version added, kept on the object they belong to. */
static GQuark
kk_extra_members_quark (void)
{
  return g_quark_from_static_string ("kk-plan-file-extra-members");
}

/* ------------------------------------------------------------------------ */
/* The content                                                              */

/* The loader reads the top object's scalars from @root, then each item of
 * its lists (a program, a sheet) into @items, which the next item reuses;
 * @tree is the one being read. */
typedef struct
{
  GString *path;
  GError **error;
  GCancellable *cancellable;
  KkPlan *plan;
  KkJsonTree *root;
  KkJsonTree *items;
  KkJsonTree *tree;
  /* Names are looked up in balanced trees: a file can make names share one
   * hash value, and a hash table of them would take quadratic time. */
  GTree *funding;
  GHashTable *pillars;
  GTree *divisions;
  GHashTable *programs;
  KkPlanLoadFlags flags;
} KkLoader;

static gsize
kk_loader_enter (KkLoader   *self,
                 const char *member)
{
  gsize mark = self->path->len;

  if (mark > 0)
    g_string_append_c (self->path, '.');
  g_string_append (self->path, member);
  return mark;
}

static gsize
kk_loader_enter_index (KkLoader *self,
                       guint     index)
{
  gsize mark = self->path->len;

  g_string_append_printf (self->path, "[%u]", index);
  return mark;
}

static void
kk_loader_leave (KkLoader *self,
                 gsize     mark)
{
  g_string_truncate (self->path, mark);
}

G_GNUC_PRINTF (3, 4)
static gboolean
kk_loader_fail (KkLoader   *self,
                const char *member,
                const char *format,
                ...)
{
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  gsize mark = member ? kk_loader_enter (self, member) : self->path->len;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  /* Texts of the file quoted in the message may hold line breaks. */
  message = kk_dup_printable (text);

  if (self->path->len == 0)
    g_set_error_literal (self->error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_INVALID, message);
  else
    /* TRANSLATORS: a member path such as programs[3].budget, and what is wrong */
    g_set_error (self->error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_INVALID,
                 _("%s: %s"), self->path->str, message);
  kk_loader_leave (self, mark);
  return FALSE;
}

static const char *
kk_json_kind_name (KkJsonKind kind)
{
  switch (kind)
    {
    case KK_JSON_OBJECT: return _("an object");
    case KK_JSON_ARRAY: return _("a list");
    case KK_JSON_NULL: return _("null");
    case KK_JSON_STRING: return _("a text");
    case KK_JSON_BOOLEAN: return _("true or false");
    case KK_JSON_INTEGER:
    case KK_JSON_DOUBLE:
    default:
      return _("a number");
    }
}

static const char *
kk_loader_kind_name (KkLoader  *self,
                     KkJsonRef  node)
{
  return kk_json_kind_name (kk_json_kind (self->tree, node));
}

/* Looks up a member; a missing one is an error when it is required. */
static gboolean
kk_loader_member (KkLoader   *self,
                  KkJsonRef   object,
                  const char *member,
                  gboolean    required,
                  KkJsonRef  *node)
{
  if (kk_json_lookup (self->tree, object, member, node))
    return TRUE;
  if (required)
    kk_loader_fail (self, member, _("is missing"));
  return FALSE;
}

static gboolean
kk_loader_string_node (KkLoader    *self,
                       KkJsonRef    node,
                       const char  *member,
                       const char **out)
{
  if (kk_json_kind (self->tree, node) != KK_JSON_STRING)
    return kk_loader_fail (self, member, _("must be a text, not %s"),
                           kk_loader_kind_name (self, node));
  *out = kk_json_string (self->tree, node);
  return TRUE;
}

/* @out stays NULL when an optional member is absent. */
static gboolean
kk_loader_string (KkLoader    *self,
                  KkJsonRef    object,
                  const char  *member,
                  gboolean     required,
                  const char **out)
{
  KkJsonRef node;

  *out = NULL;
  if (!kk_loader_member (self, object, member, required, &node))
    return !required;
  return kk_loader_string_node (self, node, member, out);
}

static gboolean
kk_loader_name (KkLoader    *self,
                KkJsonRef    object,
                const char  *member,
                const char **out)
{
  if (!kk_loader_string (self, object, member, TRUE, out))
    return FALSE;
  if ((*out)[0] == '\0')
    return kk_loader_fail (self, member, _("must not be empty"));
  return TRUE;
}

static gboolean
kk_loader_int_node (KkLoader   *self,
                    KkJsonRef   node,
                    const char *member,
                    gint64      min,
                    gint64      max,
                    gint64     *out)
{
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *found = NULL;

  if (kk_json_kind (self->tree, node) != KK_JSON_INTEGER)
    found = g_strdup (kk_loader_kind_name (self, node));
  else if ((*out = kk_json_int (self->tree, node)) < min || *out > max)
    found = kk_format_grouped (*out);
  else
    return TRUE;

  min_text = kk_format_grouped (min);
  max_text = kk_format_grouped (max);
  return kk_loader_fail (self, member, _("must be a whole number from %s to %s, not %s"),
                         min_text, max_text, found);
}

/* @present (nullable): set for an optional member; required when %NULL */
static gboolean
kk_loader_int (KkLoader   *self,
               KkJsonRef   object,
               const char *member,
               gint64      min,
               gint64      max,
               gint64     *out,
               gboolean   *present)
{
  KkJsonRef node;
  gboolean found = kk_loader_member (self, object, member, present == NULL, &node);

  if (present)
    *present = found;
  if (!found)
    return present != NULL;
  return kk_loader_int_node (self, node, member, min, max, out);
}

static gboolean
kk_loader_number (KkLoader   *self,
                  KkJsonRef   object,
                  const char *member,
                  double     *out,
                  gboolean   *present)
{
  KkJsonRef node;
  KkJsonKind kind;

  *present = kk_loader_member (self, object, member, FALSE, &node);
  if (!*present)
    return TRUE;
  kind = kk_json_kind (self->tree, node);
  if (kind != KK_JSON_INTEGER && kind != KK_JSON_DOUBLE)
    return kk_loader_fail (self, member, _("must be a number, not %s"),
                           kk_loader_kind_name (self, node));
  *out = kk_json_double (self->tree, node);
  if (fabs (*out) > 1e15)
    return kk_loader_fail (self, member, _("the number is too large"));
  return TRUE;
}

/* An optional member that is absent leaves @out as it was, its default. */
static gboolean
kk_loader_enum (KkLoader   *self,
                KkJsonRef   object,
                const char *member,
                GType       enum_type,
                gboolean    required,
                int        *out)
{
  const char *text;
  g_autofree char *choices = NULL;

  if (!kk_loader_string (self, object, member, required, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (kk_enum_from_nick (enum_type, text, out))
    return TRUE;
  choices = kk_enum_dup_nicks (enum_type);
  return kk_loader_fail (self, member, _("must be one of %s, not “%s”"), choices, text);
}

/* @present (out) (optional): whether an optional list is there */
static gboolean
kk_loader_container (KkLoader   *self,
                     KkJsonRef   object,
                     const char *member,
                     gboolean    required,
                     KkJsonRef  *out,
                     gboolean   *present)
{
  gboolean found = kk_loader_member (self, object, member, required, out);

  if (present)
    *present = found;
  if (!found)
    return !required;
  if (kk_json_kind (self->tree, *out) != KK_JSON_ARRAY)
    return kk_loader_fail (self, member, _("must be a list, not %s"),
                           kk_loader_kind_name (self, *out));
  return TRUE;
}

static gboolean
kk_loader_object_node (KkLoader  *self,
                       KkJsonRef  node)
{
  if (kk_json_kind (self->tree, node) != KK_JSON_OBJECT)
    return kk_loader_fail (self, NULL, _("must be an object, not %s"),
                           kk_loader_kind_name (self, node));
  return TRUE;
}

/* Keeps the members a newer minor version added, as their text, to write
 * them back: name and text follow each other in the array. */
static void
kk_loader_keep_unknown (KkLoader           *self,
                        KkJsonRef           object,
                        const char * const *known,
                        gpointer            target)
{
  g_autoptr(GPtrArray) extra = NULL;
  guint n = kk_json_n_children (self->tree, object);
  KkJsonRef child = object + 1;

  for (guint i = 0; i < n; i++, child = kk_json_next (self->tree, child))
    {
      const char *name = kk_json_name (self->tree, child);
      const char *text;
      gsize length;

      if (g_strv_contains (known, name))
        continue;
      if (extra == NULL)
        extra = g_ptr_array_new_with_free_func (g_free);
      text = kk_json_text (self->tree, child, &length);
      g_ptr_array_add (extra, g_strdup (name));
      g_ptr_array_add (extra, g_strndup (text, length));
    }
  if (extra)
    g_object_set_qdata_full (target, kk_extra_members_quark (),
                             g_steal_pointer (&extra), (GDestroyNotify)g_ptr_array_unref);
}

typedef gboolean (*KkLoadItemFunc) (KkLoader *self, KkJsonRef object);

/* Calls @load_item on each object of the top object's list @member, with
 * the path set, reading one item at a time. */
static gboolean
kk_loader_each (KkLoader       *self,
                const char     *member,
                gboolean        required,
                KkLoadItemFunc  load_item)
{
  KkJsonRef list;
  KkJsonIter iter;
  gboolean present;
  gboolean ok = TRUE;
  gsize mark;

  if (!kk_loader_container (self, 0, member, required, &list, &present))
    return FALSE;
  if (!present)
    return TRUE;

  mark = kk_loader_enter (self, member);
  kk_json_iter_init (&iter, self->root, list, self->items);
  self->tree = self->items;
  for (guint i = 0; ok && kk_json_iter_next (&iter); i++)
    {
      gsize item_mark = kk_loader_enter_index (self, i);

      ok = !g_cancellable_set_error_if_cancelled (self->cancellable, self->error) &&
           kk_loader_object_node (self, 0) &&
           load_item (self, 0);
      kk_loader_leave (self, item_mark);
    }
  self->tree = self->root;
  kk_loader_leave (self, mark);
  return ok;
}

static gboolean
kk_loader_load_funding (KkLoader  *self,
                        KkJsonRef  object)
{
  static const char * const known[] = { "code", "name", NULL };
  g_autoptr(KkFunding) funding = NULL;
  const char *code;
  const char *name;

  if (!kk_loader_name (self, object, "code", &code) ||
      !kk_loader_name (self, object, "name", &name))
    return FALSE;
  if (g_tree_lookup (self->funding, code) != NULL)
    return kk_loader_fail (self, "code", _("funding “%s” is listed twice"), code);

  funding = kk_funding_new (code, name);
  kk_loader_keep_unknown (self, object, known, funding);
  g_tree_insert (self->funding, (char *)kk_funding_get_code (funding), funding);
  kk_plan_add_funding (self->plan, funding);
  return TRUE;
}

static gboolean
kk_loader_load_pillar (KkLoader  *self,
                       KkJsonRef  object)
{
  static const char * const known[] = { "number", "name", NULL };
  g_autoptr(KkPillar) pillar = NULL;
  gint64 number;
  const char *name;

  if (!kk_loader_int (self, object, "number", 1, KK_PLAN_MAX_NUMBER, &number, NULL) ||
      !kk_loader_name (self, object, "name", &name))
    return FALSE;
  if (g_hash_table_contains (self->pillars, GINT_TO_POINTER (number)))
    return kk_loader_fail (self, "number", _("pillar %d is listed twice"), (int)number);

  pillar = kk_pillar_new (number, name);
  kk_loader_keep_unknown (self, object, known, pillar);
  g_hash_table_insert (self->pillars, GINT_TO_POINTER (number), pillar);
  kk_plan_add_pillar (self->plan, pillar);
  return TRUE;
}

static gboolean
kk_loader_load_division (KkLoader  *self,
                         KkJsonRef  object)
{
  static const char * const known[] = { "name", NULL };
  g_autoptr(KkDivision) division = NULL;
  const char *name;

  if (!kk_loader_name (self, object, "name", &name))
    return FALSE;
  if (g_tree_lookup (self->divisions, name) != NULL)
    return kk_loader_fail (self, "name", _("division “%s” is listed twice"), name);

  division = kk_division_new (name);
  kk_loader_keep_unknown (self, object, known, division);
  g_tree_insert (self->divisions, (char *)kk_division_get_name (division), division);
  kk_plan_add_division (self->plan, division);
  return TRUE;
}

static gboolean
kk_loader_division_ref (KkLoader    *self,
                        KkJsonRef    node,
                        const char  *member,
                        KkDivision **out)
{
  const char *name;

  if (!kk_loader_string_node (self, node, member, &name))
    return FALSE;
  *out = g_tree_lookup (self->divisions, name);
  if (*out == NULL)
    return kk_loader_fail (self, member, _("there is no division “%s”"), name);
  return TRUE;
}

static gboolean
kk_loader_division_member (KkLoader    *self,
                           KkJsonRef    object,
                           const char  *member,
                           KkDivision **out)
{
  KkJsonRef node;

  return kk_loader_member (self, object, member, TRUE, &node) &&
         kk_loader_division_ref (self, node, member, out);
}

typedef gboolean (*KkLoadElementFunc) (KkLoader  *self,
                                       KkJsonRef  element,
                                       gpointer   data);

/* Calls @load_element on each element of the list @member of an item,
 * with the path set. @required lists must name at least one element. */
static gboolean
kk_loader_elements (KkLoader          *self,
                    KkJsonRef          object,
                    const char        *member,
                    const char        *empty_message,
                    KkLoadElementFunc  load_element,
                    gpointer           data)
{
  KkJsonRef list;
  KkJsonRef element;
  guint n;
  gsize mark;

  if (!kk_loader_container (self, object, member, TRUE, &list, NULL))
    return FALSE;
  n = kk_json_n_children (self->tree, list);
  if (n == 0 && empty_message != NULL)
    return kk_loader_fail (self, member, "%s", empty_message);

  mark = kk_loader_enter (self, member);
  element = list + 1;
  for (guint i = 0; i < n; i++, element = kk_json_next (self->tree, element))
    {
      gsize item_mark = kk_loader_enter_index (self, i);

      if (!load_element (self, element, data))
        return FALSE;
      kk_loader_leave (self, item_mark);
    }
  kk_loader_leave (self, mark);
  return TRUE;
}

/* The objects a list names, each once: a file may list thousands, and
 * finding one twice must not scan the list. */
typedef struct
{
  GPtrArray *items;
  GHashTable *named;
} KkNamedList;

G_GNUC_PRINTF (4, 5)
static gboolean
kk_loader_add_named (KkLoader    *self,
                     KkNamedList *list,
                     gpointer     item,
                     const char  *twice_format,
                     ...)
{
  g_autofree char *twice = NULL;
  va_list args;

  if (g_hash_table_add (list->named, item))
    {
      g_ptr_array_add (list->items, item);
      return TRUE;
    }
  va_start (args, twice_format);
  twice = g_strdup_vprintf (twice_format, args);
  va_end (args);
  return kk_loader_fail (self, NULL, "%s", twice);
}

/* Returns: (transfer container) (nullable): the objects the list @member
 *   names, each found by @load_element */
static GPtrArray *
kk_loader_named_list (KkLoader          *self,
                      KkJsonRef          object,
                      const char        *member,
                      const char        *empty_message,
                      KkLoadElementFunc  load_element)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  KkNamedList list = { items, named };

  if (!kk_loader_elements (self, object, member, empty_message, load_element, &list))
    return NULL;
  return g_steal_pointer (&items);
}

static gboolean
kk_loader_funding_element (KkLoader  *self,
                           KkJsonRef  element,
                           gpointer   list)
{
  const char *code;
  KkFunding *source;

  if (!kk_loader_string_node (self, element, NULL, &code))
    return FALSE;
  source = g_tree_lookup (self->funding, code);
  if (source == NULL)
    return kk_loader_fail (self, NULL, _("there is no funding source “%s”"), code);
  return kk_loader_add_named (self, list, source, _("funding “%s” is named twice"), code);
}

static gboolean
kk_loader_program_funding (KkLoader  *self,
                           KkJsonRef  object,
                           KkProgram *program)
{
  g_autoptr(GPtrArray) funding =
    kk_loader_named_list (self, object, "funding", _("must name at least one funding source"),
                          kk_loader_funding_element);

  if (funding == NULL)
    return FALSE;
  kk_program_set_funding (program, funding);
  return TRUE;
}

static gboolean
kk_loader_program_previous (KkLoader  *self,
                            KkJsonRef  object,
                            KkProgram *program)
{
  const char *previous_name;
  gint64 previous_budget = 0;
  gboolean has_previous_budget;
  gboolean is_new = kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW;

  if (!kk_loader_string (self, object, "previous_name", FALSE, &previous_name) ||
      !kk_loader_int (self, object, "previous_budget", 0, KK_BUDGET_MAX,
                      &previous_budget, &has_previous_budget))
    return FALSE;
  if (is_new && has_previous_budget)
    return kk_loader_fail (self, "previous_budget", _("must be absent for a new program"));
  if (!is_new && !has_previous_budget)
    return kk_loader_fail (self, "previous_budget",
                           _("is missing: a continuing program has last year’s budget"));

  kk_program_set_previous_name (program, previous_name);
  kk_program_set_previous_budget (program, previous_budget);
  return TRUE;
}

static gboolean
kk_loader_load_program (KkLoader  *self,
                        KkJsonRef  object)
{
  static const char * const known[] = {
    "number", "name", "pillar", "funding", "budget", "status",
    "previous_name", "previous_budget", "lead_division", "review_state", NULL
  };
  g_autoptr(KkProgram) program = NULL;
  gint64 number, pillar_number, budget;
  const char *name;
  int status;
  int review_state = KK_REVIEW_STATE_CONFIRMED;
  KkPillar *pillar;
  KkDivision *lead;

  if (!kk_loader_int (self, object, "number", 1, KK_PLAN_MAX_NUMBER, &number, NULL) ||
      !kk_loader_name (self, object, "name", &name) ||
      !kk_loader_int (self, object, "pillar", 1, KK_PLAN_MAX_NUMBER, &pillar_number, NULL))
    return FALSE;
  if (g_hash_table_contains (self->programs, GINT_TO_POINTER (number)))
    return kk_loader_fail (self, "number", _("program %d is listed twice"), (int)number);
  pillar = g_hash_table_lookup (self->pillars, GINT_TO_POINTER (pillar_number));
  if (pillar == NULL)
    return kk_loader_fail (self, "pillar", _("there is no pillar %d"), (int)pillar_number);

  program = kk_program_new (number, name);
  kk_program_set_pillar (program, pillar);
  if (!kk_loader_program_funding (self, object, program) ||
      !kk_loader_int (self, object, "budget", 0, KK_BUDGET_MAX, &budget, NULL) ||
      !kk_loader_enum (self, object, "status", KK_TYPE_PROGRAM_STATUS, TRUE, &status))
    return FALSE;
  kk_program_set_budget (program, budget);
  kk_program_set_status (program, status);
  if (!kk_loader_program_previous (self, object, program) ||
      !kk_loader_division_member (self, object, "lead_division", &lead))
    return FALSE;
  kk_program_set_lead_division (program, lead);
  /* Files older than 1.2 have no review: their programs are final. */
  if (!kk_loader_enum (self, object, "review_state", KK_TYPE_REVIEW_STATE, FALSE, &review_state))
    return FALSE;
  kk_program_set_review_state (program, review_state);

  kk_loader_keep_unknown (self, object, known, program);
  g_hash_table_insert (self->programs, GINT_TO_POINTER (number), program);
  kk_plan_add_program (self->plan, program);
  return TRUE;
}

static gboolean
kk_loader_load_value (KkLoader  *self,
                      KkJsonRef  object,
                      gpointer   kpi)
{
  static const char * const known[] = {
    "fiscal_year", "kind", "value", "as_of", "note", NULL
  };
  g_autoptr(KkKpiValue) value = NULL;
  gint64 fiscal_year;
  int kind;
  double number = 0;
  gboolean has_number;
  const char *as_of;
  const char *note;

  if (!kk_loader_object_node (self, object) ||
      !kk_loader_int (self, object, "fiscal_year", 1, 9999, &fiscal_year, NULL) ||
      !kk_loader_enum (self, object, "kind", KK_TYPE_KPI_KIND, TRUE, &kind) ||
      !kk_loader_number (self, object, "value", &number, &has_number) ||
      !kk_loader_string (self, object, "as_of", FALSE, &as_of) ||
      !kk_loader_string (self, object, "note", FALSE, &note))
    return FALSE;
  if (as_of != NULL)
    {
      int y, m, d;
      char end;

      if (sscanf (as_of, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 || strlen (as_of) != 10 ||
          !g_date_valid_dmy (d, m, y))
        return kk_loader_fail (self, "as_of", _("must be a date written YYYY-MM-DD, not “%s”"),
                               as_of);
    }
  if (!has_number && (note == NULL || note[0] == '\0'))
    return kk_loader_fail (self, "note", _("is required when a figure has no value"));

  value = kk_kpi_value_new (fiscal_year, kind);
  if (has_number)
    kk_kpi_value_set_value (value, number);
  kk_kpi_value_set_as_of (value, as_of);
  kk_kpi_value_set_note (value, note);
  kk_loader_keep_unknown (self, object, known, value);
  kk_kpi_append_value (kpi, value);
  return TRUE;
}

static gboolean
kk_loader_load_kpi (KkLoader  *self,
                    KkJsonRef  object,
                    gpointer   sheet)
{
  static const char * const known[] = {
    "label", "name", "group", "unit", "comparator", "note", "values", NULL
  };
  g_autoptr(KkKpi) kpi = NULL;
  const char *label, *name, *group, *unit, *note;
  int comparator;
  KkJsonRef values;

  if (!kk_loader_object_node (self, object) ||
      !kk_loader_string (self, object, "label", FALSE, &label) ||
      !kk_loader_name (self, object, "name", &name) ||
      !kk_loader_string (self, object, "group", FALSE, &group) ||
      !kk_loader_string (self, object, "unit", TRUE, &unit) ||
      !kk_loader_enum (self, object, "comparator", KK_TYPE_COMPARATOR, TRUE, &comparator) ||
      !kk_loader_string (self, object, "note", FALSE, &note) ||
      !kk_loader_container (self, object, "values", TRUE, &values, NULL))
    return FALSE;

  kpi = kk_kpi_new (name, unit);
  kk_kpi_set_label (kpi, label);
  kk_kpi_set_group (kpi, group);
  kk_kpi_set_comparator (kpi, comparator);
  kk_kpi_set_note (kpi, note);
  if (!kk_loader_elements (self, object, "values", NULL, kk_loader_load_value, kpi))
    return FALSE;

  kk_loader_keep_unknown (self, object, known, kpi);
  kk_sheet_append_kpi (sheet, kpi);
  return TRUE;
}

static gboolean
kk_loader_sheet_program (KkLoader  *self,
                         KkJsonRef  element,
                         gpointer   sheet)
{
  KkProgram *program;
  gint64 number;

  if (!kk_loader_int_node (self, element, NULL, 1, KK_PLAN_MAX_NUMBER, &number))
    return FALSE;
  program = g_hash_table_lookup (self->programs, GINT_TO_POINTER (number));
  if (program == NULL)
    return kk_loader_fail (self, NULL, _("there is no program %d"), (int)number);
  if (kk_program_get_sheet (program) != NULL)
    return kk_loader_fail (self, NULL, _("program %d is on another sheet too"), (int)number);
  kk_sheet_add_program (sheet, program);
  return TRUE;
}

static gboolean
kk_loader_sheet_division (KkLoader  *self,
                          KkJsonRef  element,
                          gpointer   list)
{
  KkDivision *division;

  if (!kk_loader_division_ref (self, element, NULL, &division))
    return FALSE;
  return kk_loader_add_named (self, list, division, _("division “%s” is named twice"),
                              kk_division_get_name (division));
}

static gboolean
kk_loader_sheet_divisions (KkLoader  *self,
                           KkJsonRef  object,
                           KkSheet   *sheet)
{
  g_autoptr(GPtrArray) divisions =
    kk_loader_named_list (self, object, "divisions", NULL, kk_loader_sheet_division);

  if (divisions == NULL)
    return FALSE;
  kk_sheet_set_divisions (sheet, divisions);
  return TRUE;
}

static gboolean
kk_loader_partner (KkLoader  *self,
                   KkJsonRef  element,
                   gpointer   partners)
{
  const char *name;

  if (!kk_loader_string_node (self, element, NULL, &name))
    return FALSE;
  g_strv_builder_add (partners, name);
  return TRUE;
}

static gboolean
kk_loader_sheet_partners (KkLoader  *self,
                          KkJsonRef  object,
                          KkSheet   *sheet)
{
  g_autoptr(GStrvBuilder) partners = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  if (!kk_loader_elements (self, object, "partners", NULL, kk_loader_partner, partners))
    return FALSE;
  strv = g_strv_builder_end (partners);
  kk_sheet_set_partners (sheet, (const char * const *)strv);
  return TRUE;
}

static gboolean
kk_loader_load_sheet (KkLoader  *self,
                      KkJsonRef  object)
{
  static const char * const known[] = {
    "programs", "purpose", "overview", "targets_text", "kpis", "targets_notes", "activities",
    "divisions", "partners", NULL
  };
  g_autoptr(KkSheet) sheet = kk_sheet_new ();
  const char *purpose, *overview, *targets_text, *targets_notes, *activities;

  if (!kk_loader_elements (self, object, "programs", _("must name at least one program"),
                           kk_loader_sheet_program, sheet) ||
      !kk_loader_string (self, object, "purpose", TRUE, &purpose) ||
      !kk_loader_string (self, object, "overview", TRUE, &overview) ||
      !kk_loader_string (self, object, "targets_text", FALSE, &targets_text) ||
      !kk_loader_elements (self, object, "kpis", NULL, kk_loader_load_kpi, sheet) ||
      !kk_loader_string (self, object, "targets_notes", FALSE, &targets_notes) ||
      !kk_loader_string (self, object, "activities", TRUE, &activities) ||
      !kk_loader_sheet_divisions (self, object, sheet) ||
      !kk_loader_sheet_partners (self, object, sheet))
    return FALSE;

  kk_sheet_set_purpose (sheet, purpose);
  kk_sheet_set_overview (sheet, overview);
  kk_sheet_set_targets_text (sheet, targets_text);
  kk_sheet_set_targets_notes (sheet, targets_notes);
  kk_sheet_set_activities (sheet, activities);
  kk_loader_keep_unknown (self, object, known, sheet);
  kk_plan_add_sheet (self->plan, sheet);
  return TRUE;
}

static gboolean
kk_loader_load_correction (KkLoader  *self,
                           KkJsonRef  object)
{
  static const char * const known[] = { "where", "printed", "resolved", "evidence", NULL };
  g_autoptr(KkCorrection) correction = NULL;
  const char *where, *printed, *resolved, *evidence;

  if (!kk_loader_string (self, object, "where", TRUE, &where) ||
      !kk_loader_string (self, object, "printed", TRUE, &printed) ||
      !kk_loader_string (self, object, "resolved", TRUE, &resolved) ||
      !kk_loader_string (self, object, "evidence", TRUE, &evidence))
    return FALSE;

  correction = kk_correction_new (where, printed, resolved, evidence);
  kk_loader_keep_unknown (self, object, known, correction);
  kk_plan_add_correction (self->plan, correction);
  return TRUE;
}

static gboolean
kk_loader_check_version (KkLoader *self)
{
  const char *format;
  const char *version;
  guint major, minor;
  char end;

  if (!kk_loader_string (self, 0, "format", TRUE, &format))
    return FALSE;
  if (!g_str_equal (format, KK_PLAN_FORMAT))
    return kk_loader_fail (self, "format", _("is “%s”, not “%s”: this is not a Keikaku plan"),
                           format, KK_PLAN_FORMAT);
  if (!kk_loader_string (self, 0, "version", TRUE, &version))
    return FALSE;
  if (sscanf (version, "%u.%u%c", &major, &minor, &end) != 2)
    return kk_loader_fail (self, "version", _("must be written MAJOR.MINOR, not “%s”"), version);
  if (major > KK_PLAN_VERSION_MAJOR && !(self->flags & KK_PLAN_LOAD_NEWER_VERSION))
    {
      g_autofree char *printable = kk_dup_printable (version);

      g_set_error (self->error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_VERSION,
                   _("The plan was written in format version %s by a newer Keikaku; "
                     "this version reads format %d.x"),
                   printable, KK_PLAN_VERSION_MAJOR);
      return FALSE;
    }
  if (major < 1)
    return kk_loader_fail (self, "version", _("%s is not a version of the format"), version);
  return TRUE;
}

static gboolean
kk_loader_check_sheets_cover (KkLoader *self)
{
  GListModel *programs = kk_plan_get_programs (self->plan);

  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      if (kk_program_get_sheet (program) == NULL)
        {
          gsize mark = kk_loader_enter (self, "programs");

          kk_loader_enter_index (self, i);
          kk_loader_fail (self, NULL, _("program %u is on no sheet"),
                          kk_program_get_number (program));
          kk_loader_leave (self, mark);
          return FALSE;
        }
    }
  return TRUE;
}

/* The plan it was carried from (1.2): both members or neither. */
static gboolean
kk_loader_load_origin (KkLoader *self)
{
  const char *title;
  gint64 fiscal_year = 0;
  gboolean has_origin;

  if (!kk_loader_int (self, 0, "origin_fiscal_year", KK_FISCAL_YEAR_MIN, KK_FISCAL_YEAR_MAX,
                      &fiscal_year, &has_origin) ||
      !kk_loader_string (self, 0, "origin_title", has_origin, &title))
    return FALSE;
  if (title != NULL && !has_origin)
    return kk_loader_fail (self, "origin_fiscal_year", _("is missing"));

  kk_plan_set_origin_fiscal_year (self->plan, fiscal_year);
  kk_plan_set_origin_title (self->plan, title);
  return TRUE;
}

static gboolean
kk_loader_load_header (KkLoader *self)
{
  const char *organization, *title, *issued;
  gint64 fiscal_year;
  int y, m;
  char end;

  if (!kk_loader_int (self, 0, "fiscal_year", KK_FISCAL_YEAR_MIN, KK_FISCAL_YEAR_MAX,
                      &fiscal_year, NULL) ||
      !kk_loader_string (self, 0, "organization", TRUE, &organization) ||
      !kk_loader_string (self, 0, "title", TRUE, &title) ||
      !kk_loader_string (self, 0, "issued", FALSE, &issued))
    return FALSE;
  if (issued && (strlen (issued) != 7 ||
                 sscanf (issued, "%4d-%2d%c", &y, &m, &end) != 2 || m < 1 || m > 12))
    return kk_loader_fail (self, "issued", _("must be a month written YYYY-MM, not “%s”"), issued);

  kk_plan_set_fiscal_year (self->plan, fiscal_year);
  kk_plan_set_organization (self->plan, organization);
  kk_plan_set_title (self->plan, title);
  kk_plan_set_issued (self->plan, issued);
  return kk_loader_load_origin (self);
}

static gboolean
kk_loader_load (KkLoader *self)
{
  static const char * const known[] = {
    "format", "version", "fiscal_year", "organization", "title", "issued",
    "origin_fiscal_year", "origin_title", "funding_sources", "pillars", "divisions", "programs", "sheets", "corrections", NULL
  };

  if (!kk_loader_check_version (self) ||
      !kk_loader_load_header (self) ||
      !kk_loader_each (self, "funding_sources", TRUE, kk_loader_load_funding) ||
      !kk_loader_each (self, "pillars", TRUE, kk_loader_load_pillar) ||
      !kk_loader_each (self, "divisions", TRUE, kk_loader_load_division) ||
      !kk_loader_each (self, "programs", TRUE, kk_loader_load_program) ||
      !kk_loader_each (self, "sheets", TRUE, kk_loader_load_sheet) ||
      !kk_loader_check_sheets_cover (self) ||
      !kk_loader_each (self, "corrections", FALSE, kk_loader_load_correction))
    return FALSE;

  kk_loader_keep_unknown (self, 0, known, self->plan);
  return TRUE;
}

static int
kk_compare_names (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return strcmp (a, b);
}

/* Reads a plan from @text, checked whole first, then one item at a time.
 * @discard_read: whether @text is mapped for the loader alone, which may
 *   give back the memory of what it has read */
static KkPlan *
kk_plan_load_text (const char       *text,
                   gsize             length,
                   gboolean          discard_read,
                   KkPlanLoadFlags   flags,
                   GCancellable     *cancellable,
                   GError          **error)
{
  g_autoptr(KkJsonTree) root = NULL;
  g_autoptr(KkJsonTree) items = NULL;
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GTree) funding = NULL;
  g_autoptr(GHashTable) pillars = NULL;
  g_autoptr(GTree) divisions = NULL;
  g_autoptr(GHashTable) programs = NULL;
  KkLoader loader;

  if (length == 0)
    {
      g_set_error_literal (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_SYNTAX,
                           _("The file is empty"));
      return NULL;
    }
  if (length > KK_PLAN_FILE_MAX_SIZE)
    {
      g_set_error_literal (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_TOO_LARGE,
                           _("The file is larger than 256 MiB"));
      return NULL;
    }
  root = kk_json_tree_new (text, length);
  if (!kk_json_tree_read_root (root, error))
    return NULL;
  if (kk_json_kind (root, 0) != KK_JSON_OBJECT)
    {
      g_set_error (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_INVALID,
                   _("The file holds %s, not a plan"), kk_json_kind_name (kk_json_kind (root, 0)));
      return NULL;
    }

  items = kk_json_tree_new (text, length);
  kk_json_tree_set_discard_read (items, discard_read);
  plan = kk_plan_new ();
  path = g_string_new (NULL);
  funding = g_tree_new_full (kk_compare_names, NULL, NULL, NULL);
  pillars = g_hash_table_new (NULL, NULL);
  divisions = g_tree_new_full (kk_compare_names, NULL, NULL, NULL);
  programs = g_hash_table_new (NULL, NULL);
  loader = (KkLoader) {
    .path = path,
    .error = error,
    .cancellable = cancellable,
    .plan = plan,
    .root = root,
    .items = items,
    .tree = root,
    .funding = funding,
    .pillars = pillars,
    .divisions = divisions,
    .programs = programs,
    .flags = flags,
  };
  if (!kk_loader_load (&loader))
    return NULL;

  return g_steal_pointer (&plan);
}

/**
 * kk_plan_load_bytes_full:
 * @flags: %KK_PLAN_LOAD_NEWER_VERSION to read a file of a newer major
 *   version as far as this version understands it, keeping what it does
 *   not; the caller then shows it read-only
 *
 * Reads a plan from the text of a plan file.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
KkPlan *
kk_plan_load_bytes_full (GBytes           *bytes,
                         KkPlanLoadFlags   flags,
                         GError          **error)
{
  gsize length;
  const char *text;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (bytes, &length);
  return kk_plan_load_text (text, length, FALSE, flags, NULL, error);
}

/**
 * kk_plan_load_bytes:
 *
 * Reads a plan of this major version from the text of a plan file.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
KkPlan *
kk_plan_load_bytes (GBytes  *bytes,
                    GError **error)
{
  return kk_plan_load_bytes_full (bytes, KK_PLAN_LOAD_DEFAULT, error);
}

/* ------------------------------------------------------------------------ */
/* The file                                                                 */

static gboolean
kk_refuse_file_type (GFileType   type,
                     gsize       size,
                     GError    **error)
{
  if (type == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("The file is a folder, not a plan"));
      return TRUE;
    }
  if (type != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("The file is a pipe, a socket or a device, not a plan: "
                             "only regular files are read"));
      return TRUE;
    }
  if (size > KK_PLAN_FILE_MAX_SIZE)
    {
      g_set_error_literal (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_TOO_LARGE,
                           _("The file is larger than 256 MiB"));
      return TRUE;
    }
  return FALSE;
}

static GFileType
kk_file_type_of_mode (mode_t mode)
{
  if (S_ISREG (mode))
    return G_FILE_TYPE_REGULAR;
  if (S_ISDIR (mode))
    return G_FILE_TYPE_DIRECTORY;
  return G_FILE_TYPE_SPECIAL;
}

static gboolean
kk_set_error_from_errno (GError **error,
                         int      saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not read the file: %s"), g_strerror (saved_errno));
  return FALSE;
}

/* Reads @size bytes, fewer if the file is shorter by now. */
static gboolean
kk_read_fd (int            fd,
            char          *buffer,
            gsize          size,
            gsize         *length,
            GCancellable  *cancellable,
            GError       **error)
{
  const gsize chunk = 4 * 1024 * 1024;

  *length = 0;
  while (*length < size)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      n = read (fd, buffer + *length, MIN (chunk, size - *length));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return kk_set_error_from_errno (error, errno);
      if (n == 0)
        break;
      *length += n;
    }
  return TRUE;
}

/* The version GIO gives the file now, if it is still the file read (the
 * same inode, size and time); else an etag no file has, so that saving
 * over it asks first. */
static char *
kk_dup_etag_of_read (GFile             *file,
                     const struct stat *read)
{
  g_autoptr(GFileInfo) info =
    g_file_query_info (file,
                       G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_UNIX_DEVICE ","
                       G_FILE_ATTRIBUTE_UNIX_INODE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                       G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC,
                       G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL && g_file_info_get_etag (info) != NULL &&
      g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_DEVICE) == (guint32)read->st_dev &&
      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_UNIX_INODE) == (guint64)read->st_ino &&
      g_file_info_get_size (info) == read->st_size &&
      g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) == (guint64)read->st_mtim.tv_sec &&
      g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC) == (guint32)(read->st_mtim.tv_nsec / 1000))
    return g_strdup (g_file_info_get_etag (info));
  return g_strdup ("");
}

typedef struct
{
  void *data;
  gsize size;
} KkMapping;

static void
kk_mapping_free (gpointer data)
{
  KkMapping *mapping = data;

  munmap (mapping->data, mapping->size);
  g_free (mapping);
}

/* Memory of the text alone, mapped anonymously rather than allocated, so
 * that the loader can give its pages back as it reads them. */
static KkMapping *
kk_mapping_new (gsize    size,
                GError **error)
{
  KkMapping *mapping = g_new (KkMapping, 1);

  mapping->size = MAX (size, 1);
  mapping->data = mmap (NULL, mapping->size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
  if (mapping->data == MAP_FAILED)
    {
      kk_set_error_from_errno (error, errno);
      g_free (mapping);
      return NULL;
    }
  return mapping;
}

/* A named pipe would block open() and a device would be read without end:
 * the file is opened without waiting, and only a regular file within the
 * size limit is read, exactly as large as it is. */
static GBytes *
kk_read_local_file (GFile         *file,
                    char         **etag,
                    GCancellable  *cancellable,
                    GError       **error)
{
  int fd = g_open (g_file_peek_path (file), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  KkMapping *mapping;
  struct stat st;
  gsize length;
  gboolean ok;

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not open the file: %s"), g_strerror (saved_errno));
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      kk_set_error_from_errno (error, errno);
      g_close (fd, NULL);
      return NULL;
    }
  if (kk_refuse_file_type (kk_file_type_of_mode (st.st_mode), st.st_size, error))
    {
      g_close (fd, NULL);
      return NULL;
    }
  /* Only for pipes and devices: a regular file reads the same without it. */
  fcntl (fd, F_SETFL, fcntl (fd, F_GETFL) & ~O_NONBLOCK);
  mapping = kk_mapping_new (st.st_size, error);
  ok = mapping != NULL && kk_read_fd (fd, mapping->data, st.st_size, &length, cancellable, error);
  g_close (fd, NULL);
  if (!ok)
    {
      g_clear_pointer (&mapping, kk_mapping_free);
      return NULL;
    }
  if (etag != NULL)
    *etag = kk_dup_etag_of_read (file, &st);
  return g_bytes_new_with_free_func (mapping->data, length, kk_mapping_free, mapping);
}

/* Files of other GIO backends (a network share not mounted as a path)
 * are checked before they are read, as far as the backend says. */
static GBytes *
kk_read_remote_file (GFile         *file,
                     char         **etag,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file,
                                                 G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                                 G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, cancellable, error);

  if (info == NULL ||
      kk_refuse_file_type (g_file_info_get_file_type (info), g_file_info_get_size (info), error))
    return NULL;
  return g_file_load_bytes (file, cancellable, etag, error);
}

/**
 * kk_plan_load_file_full:
 * @flags: as for kk_plan_load_bytes_full()
 * @etag: (out) (optional): the version of the file read, to detect a
 *   change by someone else when saving over it
 * @cancellable: (nullable): cancels reading and loading, from another
 *   thread; @error is then %G_IO_ERROR_CANCELLED
 *
 * Reads a plan file. A folder, a pipe or a device is refused before it is
 * read, as is a file larger than 256 MiB.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
KkPlan *
kk_plan_load_file_full (GFile            *file,
                        KkPlanLoadFlags   flags,
                        char            **etag,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *file_etag = NULL;
  const char *text;
  gsize length;
  KkPlan *plan;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (g_file_peek_path (file) != NULL)
    bytes = kk_read_local_file (file, etag ? &file_etag : NULL, cancellable, error);
  else
    bytes = kk_read_remote_file (file, etag ? &file_etag : NULL, cancellable, error);
  if (bytes == NULL)
    return NULL;
  text = g_bytes_get_data (bytes, &length);
  plan = kk_plan_load_text (text, length, g_file_peek_path (file) != NULL, flags, cancellable,
                            error);
  if (plan != NULL && etag != NULL)
    *etag = g_steal_pointer (&file_etag);
  return plan;
}

/**
 * kk_plan_load_file:
 *
 * Returns: (transfer full): the plan of this major version in @file, or
 *   %NULL with @error set
 */
KkPlan *
kk_plan_load_file (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return kk_plan_load_file_full (file, KK_PLAN_LOAD_DEFAULT, NULL, cancellable, error);
}

/**
 * kk_plan_load_default:
 *
 * Returns: (transfer full): the plan built into the application, the FY2024
 * plan of the reference document
 */
KkPlan *
kk_plan_load_default (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  KkPlan *plan = NULL;

  bytes = g_resource_lookup_data (kk_plans_get_resource (), KK_PLAN_DEFAULT_RESOURCE, 0, &error);
  if (bytes != NULL)
    plan = kk_plan_load_bytes (bytes, &error);
  if (bytes == NULL || plan == NULL)
    g_error ("The embedded plan is broken: %s", error->message);
  return plan;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

static void
kk_write_string (KkJsonWriter *writer,
                 const char   *member,
                 const char   *value)
{
  kk_json_writer_member (writer, member);
  kk_json_writer_string (writer, value);
}

static void
kk_write_optional_string (KkJsonWriter *writer,
                          const char   *member,
                          const char   *value)
{
  if (value != NULL)
    kk_write_string (writer, member, value);
}

static void
kk_write_int (KkJsonWriter *writer,
              const char   *member,
              gint64        value)
{
  kk_json_writer_member (writer, member);
  kk_json_writer_int (writer, value);
}

static void
kk_write_unknown (KkJsonWriter *writer,
                  gpointer      object)
{
  GPtrArray *extra = g_object_get_qdata (object, kk_extra_members_quark ());

  if (extra == NULL)
    return;
  for (guint i = 0; i < extra->len; i += 2)
    {
      const char *text = g_ptr_array_index (extra, i + 1);
      g_autoptr(KkJsonTree) tree = kk_json_tree_new (text, strlen (text));

      kk_json_tree_read (tree, 0);
      kk_json_writer_member (writer, g_ptr_array_index (extra, i));
      kk_json_writer_value (writer, tree, 0);
    }
}

static void
kk_write_end_object (KkJsonWriter *writer,
                     gpointer      object)
{
  kk_write_unknown (writer, object);
  kk_json_writer_end_object (writer);
}

typedef void (*KkWriteItemFunc) (KkJsonWriter *writer, gpointer item);

static void
kk_write_list (KkJsonWriter    *writer,
               const char      *member,
               GListModel      *list,
               KkWriteItemFunc  write_item)
{
  guint n = g_list_model_get_n_items (list);

  kk_json_writer_member (writer, member);
  kk_json_writer_begin_array (writer);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      write_item (writer, item);
    }
  kk_json_writer_end_array (writer);
}

static void
kk_write_funding (KkJsonWriter *writer,
                  gpointer      item)
{
  kk_json_writer_begin_object (writer);
  kk_write_string (writer, "code", kk_funding_get_code (item));
  kk_write_string (writer, "name", kk_funding_get_name (item));
  kk_write_end_object (writer, item);
}

static void
kk_write_pillar (KkJsonWriter *writer,
                 gpointer      item)
{
  kk_json_writer_begin_object (writer);
  kk_write_int (writer, "number", kk_pillar_get_number (item));
  kk_write_string (writer, "name", kk_pillar_get_name (item));
  kk_write_end_object (writer, item);
}

static void
kk_write_division (KkJsonWriter *writer,
                   gpointer      item)
{
  kk_json_writer_begin_object (writer);
  kk_write_string (writer, "name", kk_division_get_name (item));
  kk_write_end_object (writer, item);
}

static void
kk_write_program (KkJsonWriter *writer,
                  gpointer      item)
{
  KkProgram *program = item;
  GPtrArray *funding = kk_program_get_funding (program);

  kk_json_writer_begin_object (writer);
  kk_write_int (writer, "number", kk_program_get_number (program));
  kk_write_string (writer, "name", kk_program_get_name (program));
  kk_write_int (writer, "pillar", kk_pillar_get_number (kk_program_get_pillar (program)));
  kk_json_writer_member (writer, "funding");
  kk_json_writer_begin_array (writer);
  for (guint i = 0; i < funding->len; i++)
    kk_json_writer_string (writer, kk_funding_get_code (g_ptr_array_index (funding, i)));
  kk_json_writer_end_array (writer);
  kk_write_int (writer, "budget", kk_program_get_budget (program));
  kk_write_string (writer, "status", kk_enum_get_nick (KK_TYPE_PROGRAM_STATUS, kk_program_get_status (program)));
  kk_write_optional_string (writer, "previous_name", kk_program_get_previous_name (program));
  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_CONTINUING)
    kk_write_int (writer, "previous_budget", kk_program_get_previous_budget (program));
  kk_write_string (writer, "lead_division",
                   kk_division_get_name (kk_program_get_lead_division (program)));
  if (kk_program_get_review_state (program) != KK_REVIEW_STATE_CONFIRMED)
    kk_write_string (writer, "review_state",
                     kk_enum_get_nick (KK_TYPE_REVIEW_STATE, kk_program_get_review_state (program)));
  kk_write_end_object (writer, program);
}

static void
kk_write_value (KkJsonWriter *writer,
                gpointer      item)
{
  KkKpiValue *value = item;

  kk_json_writer_begin_object (writer);
  kk_write_int (writer, "fiscal_year", kk_kpi_value_get_fiscal_year (value));
  kk_write_string (writer, "kind", kk_enum_get_nick (KK_TYPE_KPI_KIND, kk_kpi_value_get_kind (value)));
  if (kk_kpi_value_get_has_value (value))
    {
      kk_json_writer_member (writer, "value");
      kk_json_writer_double (writer, kk_kpi_value_get_value (value));
    }
  kk_write_optional_string (writer, "as_of", kk_kpi_value_get_as_of (value));
  kk_write_optional_string (writer, "note", kk_kpi_value_get_note (value));
  kk_write_end_object (writer, value);
}

static void
kk_write_kpi (KkJsonWriter *writer,
              gpointer      item)
{
  KkKpi *kpi = item;

  kk_json_writer_begin_object (writer);
  kk_write_optional_string (writer, "label", kk_kpi_get_label (kpi));
  kk_write_string (writer, "name", kk_kpi_get_name (kpi));
  kk_write_optional_string (writer, "group", kk_kpi_get_group (kpi));
  kk_write_string (writer, "unit", kk_kpi_get_unit (kpi));
  kk_write_string (writer, "comparator", kk_enum_get_nick (KK_TYPE_COMPARATOR, kk_kpi_get_comparator (kpi)));
  kk_write_optional_string (writer, "note", kk_kpi_get_note (kpi));
  kk_write_list (writer, "values", kk_kpi_get_values (kpi), kk_write_value);
  kk_write_end_object (writer, kpi);
}

static void
kk_write_sheet (KkJsonWriter *writer,
                gpointer      item)
{
  KkSheet *sheet = item;
  GListModel *programs = kk_sheet_get_programs (sheet);
  GPtrArray *divisions = kk_sheet_get_divisions (sheet);
  const char * const *partners = kk_sheet_get_partners (sheet);

  kk_json_writer_begin_object (writer);
  kk_json_writer_member (writer, "programs");
  kk_json_writer_begin_array (writer);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      kk_json_writer_int (writer, kk_program_get_number (program));
    }
  kk_json_writer_end_array (writer);
  kk_write_string (writer, "purpose", kk_sheet_get_purpose (sheet));
  kk_write_string (writer, "overview", kk_sheet_get_overview (sheet));
  kk_write_optional_string (writer, "targets_text", kk_sheet_get_targets_text (sheet));
  kk_write_list (writer, "kpis", kk_sheet_get_kpis (sheet), kk_write_kpi);
  kk_write_optional_string (writer, "targets_notes", kk_sheet_get_targets_notes (sheet));
  kk_write_string (writer, "activities", kk_sheet_get_activities (sheet));
  kk_json_writer_member (writer, "divisions");
  kk_json_writer_begin_array (writer);
  for (guint i = 0; i < divisions->len; i++)
    kk_json_writer_string (writer, kk_division_get_name (g_ptr_array_index (divisions, i)));
  kk_json_writer_end_array (writer);
  kk_json_writer_member (writer, "partners");
  kk_json_writer_begin_array (writer);
  for (guint i = 0; partners[i]; i++)
    kk_json_writer_string (writer, partners[i]);
  kk_json_writer_end_array (writer);
  kk_write_end_object (writer, sheet);
}

static void
kk_write_correction (KkJsonWriter *writer,
                     gpointer      item)
{
  kk_json_writer_begin_object (writer);
  kk_write_string (writer, "where", kk_correction_get_where (item));
  kk_write_string (writer, "printed", kk_correction_get_printed (item));
  kk_write_string (writer, "resolved", kk_correction_get_resolved (item));
  kk_write_string (writer, "evidence", kk_correction_get_evidence (item));
  kk_write_end_object (writer, item);
}

/**
 * kk_plan_to_bytes:
 *
 * Returns: (transfer full): the plan as the text of a plan file
 */
GBytes *
kk_plan_to_bytes (KkPlan *plan)
{
  KkJsonWriter *writer;
  g_autofree char *version = NULL;
  GListModel *corrections;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);

  writer = kk_json_writer_new ();
  version = g_strdup_printf ("%d.%d", KK_PLAN_VERSION_MAJOR, KK_PLAN_VERSION_MINOR);
  kk_json_writer_begin_object (writer);
  kk_write_string (writer, "format", KK_PLAN_FORMAT);
  kk_write_string (writer, "version", version);
  kk_write_int (writer, "fiscal_year", kk_plan_get_fiscal_year (plan));
  kk_write_string (writer, "organization", kk_plan_get_organization (plan));
  kk_write_string (writer, "title", kk_plan_get_title (plan));
  kk_write_optional_string (writer, "issued", kk_plan_get_issued (plan));
  if (kk_plan_get_origin_fiscal_year (plan) > 0 && kk_plan_get_origin_title (plan) != NULL)
    {
      kk_write_int (writer, "origin_fiscal_year", kk_plan_get_origin_fiscal_year (plan));
      kk_write_string (writer, "origin_title", kk_plan_get_origin_title (plan));
    }
  kk_write_list (writer, "funding_sources", kk_plan_get_funding_sources (plan), kk_write_funding);
  kk_write_list (writer, "pillars", kk_plan_get_pillars (plan), kk_write_pillar);
  kk_write_list (writer, "divisions", kk_plan_get_divisions (plan), kk_write_division);
  kk_write_list (writer, "programs", kk_plan_get_programs (plan), kk_write_program);
  kk_write_list (writer, "sheets", kk_plan_get_sheets (plan), kk_write_sheet);
  corrections = kk_plan_get_corrections (plan);
  if (g_list_model_get_n_items (corrections) > 0)
    kk_write_list (writer, "corrections", corrections, kk_write_correction);
  kk_write_end_object (writer, plan);
  return kk_json_writer_free_to_bytes (writer);
}

/**
 * kk_plan_save_file:
 * @etag: (nullable): the version of @file the plan was read from or last
 *   saved to; %NULL to replace whatever is there
 * @new_etag: (out) (optional): the version of @file now written
 *
 * Writes the plan to @file safely (kk_file_replace_bytes()): the text goes
 * to a file beside it, synced to disk and renamed over @file, whose previous
 * version is kept as a backup (name~). On success the plan is no longer dirty; on failure
 * @file is as it was. When @file is no longer the version @etag names,
 * someone else saved it meanwhile: nothing is written and @error is
 * %G_IO_ERROR_WRONG_ETAG.
 *
 * Returns: %TRUE on success
 */
gboolean
kk_plan_save_file (KkPlan        *plan,
                   GFile         *file,
                   const char    *etag,
                   char         **new_etag,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (KK_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = kk_plan_to_bytes (plan);
  if (!kk_file_replace_bytes (file, bytes, etag, TRUE, new_etag, cancellable, error))
    return FALSE;
  kk_history_mark_saved (kk_plan_get_history (plan));
  return TRUE;
}
