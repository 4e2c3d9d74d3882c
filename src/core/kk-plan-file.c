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

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kk-core-private.h"
#include "kk-enums.h"
#include "kk-format.h"
#include "kk-json-reader.h"
#include "kk-json-writer.h"
#include "kk-plan-file.h"
#include "kk-plans-resources.h"

#define KK_MAX_FILE_SIZE (256 * 1024 * 1024)
#define KK_MAX_NUMBER 999999

G_DEFINE_QUARK (kk-plan-file-error-quark, kk_plan_file_error)

/* Members a newer minor version added, kept on the object they belong to. */
static GQuark
kk_extra_members_quark (void)
{
  return g_quark_from_static_string ("kk-plan-file-extra-members");
}

/* ------------------------------------------------------------------------ */
/* The text                                                                 */

/* ------------------------------------------------------------------------ */
/* The content                                                              */

typedef struct
{
  GString *path;
  GError **error;
  KkPlan *plan;
  GHashTable *funding;
  GHashTable *pillars;
  GHashTable *divisions;
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
kk_node_kind (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return _("an object");
    case JSON_NODE_ARRAY: return _("a list");
    case JSON_NODE_NULL: return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING: return _("a text");
        case G_TYPE_BOOLEAN: return _("true or false");
        default: return _("a number");
        }
    }
}

/* Looks up a member; a missing one is an error when it is required. */
static JsonNode *
kk_loader_member (KkLoader   *self,
                  JsonObject *object,
                  const char *member,
                  gboolean    required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL && required)
    kk_loader_fail (self, member, _("is missing"));
  return node;
}

static gboolean
kk_loader_string_node (KkLoader    *self,
                       JsonNode    *node,
                       const char  *member,
                       const char **out)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return kk_loader_fail (self, member, _("must be a text, not %s"), kk_node_kind (node));
  *out = json_node_get_string (node);
  return TRUE;
}

/* @out stays NULL when an optional member is absent. */
static gboolean
kk_loader_string (KkLoader    *self,
                  JsonObject  *object,
                  const char  *member,
                  gboolean     required,
                  const char **out)
{
  JsonNode *node = kk_loader_member (self, object, member, required);

  *out = NULL;
  if (node == NULL)
    return !required;
  return kk_loader_string_node (self, node, member, out);
}

static gboolean
kk_loader_name (KkLoader    *self,
                JsonObject  *object,
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
                    JsonNode   *node,
                    const char *member,
                    gint64      min,
                    gint64      max,
                    gint64     *out)
{
  g_autofree char *min_text = NULL;
  g_autofree char *max_text = NULL;
  g_autofree char *found = NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    found = g_strdup (kk_node_kind (node));
  else if ((*out = json_node_get_int (node)) < min || *out > max)
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
               JsonObject *object,
               const char *member,
               gint64      min,
               gint64      max,
               gint64     *out,
               gboolean   *present)
{
  JsonNode *node = kk_loader_member (self, object, member, present == NULL);

  if (present)
    *present = node != NULL;
  if (node == NULL)
    return present != NULL;
  return kk_loader_int_node (self, node, member, min, max, out);
}

static gboolean
kk_loader_number (KkLoader   *self,
                  JsonObject *object,
                  const char *member,
                  double     *out,
                  gboolean   *present)
{
  JsonNode *node = kk_loader_member (self, object, member, FALSE);
  GType type;

  *present = node != NULL;
  if (node == NULL)
    return TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return kk_loader_fail (self, member, _("must be a number, not %s"), kk_node_kind (node));
  *out = json_node_get_double (node);
  if (fabs (*out) > 1e15)
    return kk_loader_fail (self, member, _("the number is too large"));
  return TRUE;
}

static gboolean
kk_loader_enum (KkLoader   *self,
                JsonObject *object,
                const char *member,
                GType       enum_type,
                int        *out)
{
  const char *text;
  g_autofree char *choices = NULL;

  if (!kk_loader_string (self, object, member, TRUE, &text))
    return FALSE;
  if (kk_enum_from_nick (enum_type, text, out))
    return TRUE;
  choices = kk_enum_dup_nicks (enum_type);
  return kk_loader_fail (self, member, _("must be one of %s, not “%s”"), choices, text);
}

static gboolean
kk_loader_container (KkLoader    *self,
                     JsonObject  *object,
                     const char  *member,
                     gboolean     required,
                     JsonArray  **out)
{
  JsonNode *node = kk_loader_member (self, object, member, required);

  *out = NULL;
  if (node == NULL)
    return !required;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return kk_loader_fail (self, member, _("must be a list, not %s"), kk_node_kind (node));
  *out = json_node_get_array (node);
  return TRUE;
}

static gboolean
kk_loader_object_node (KkLoader    *self,
                       JsonNode    *node,
                       JsonObject **out)
{
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return kk_loader_fail (self, NULL, _("must be an object, not %s"), kk_node_kind (node));
  *out = json_node_get_object (node);
  return TRUE;
}

/* Keeps the members a newer minor version added, to write them back. */
static void
kk_loader_keep_unknown (JsonObject         *object,
                        const char * const *known,
                        gpointer            target)
{
  g_autoptr(JsonObject) extra = NULL;
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l; l = l->next)
    {
      if (g_strv_contains (known, l->data))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, l->data,
                              json_node_copy (json_object_get_member (object, l->data)));
    }
  if (extra)
    g_object_set_qdata_full (target, kk_extra_members_quark (),
                             g_steal_pointer (&extra), (GDestroyNotify)json_object_unref);
}

typedef gboolean (*KkLoadItemFunc) (KkLoader *self, JsonObject *object);

/* Calls @load_item on each object of the list @member, with the path set. */
static gboolean
kk_loader_each (KkLoader       *self,
                JsonObject     *object,
                const char     *member,
                gboolean        required,
                KkLoadItemFunc  load_item)
{
  JsonArray *array;
  gsize mark;
  guint n;

  if (!kk_loader_container (self, object, member, required, &array))
    return FALSE;
  if (array == NULL)
    return TRUE;

  mark = kk_loader_enter (self, member);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      gsize item_mark = kk_loader_enter_index (self, i);
      JsonObject *item;

      if (!kk_loader_object_node (self, json_array_get_element (array, i), &item) ||
          !load_item (self, item))
        return FALSE;
      /* The tree of a plan is several times the size of its model: an item
       * goes as soon as it is loaded, to keep the peak of memory low. */
      json_node_init_null (json_array_get_element (array, i));
      kk_loader_leave (self, item_mark);
    }
  kk_loader_leave (self, mark);
  return TRUE;
}

static gboolean
kk_loader_load_funding (KkLoader   *self,
                        JsonObject *object)
{
  static const char * const known[] = { "code", "name", NULL };
  g_autoptr(KkFunding) funding = NULL;
  const char *code;
  const char *name;

  if (!kk_loader_name (self, object, "code", &code) ||
      !kk_loader_name (self, object, "name", &name))
    return FALSE;
  if (g_hash_table_contains (self->funding, code))
    return kk_loader_fail (self, "code", _("funding “%s” is listed twice"), code);

  funding = kk_funding_new (code, name);
  kk_loader_keep_unknown (object, known, funding);
  g_hash_table_insert (self->funding, (char *)kk_funding_get_code (funding), funding);
  kk_plan_add_funding (self->plan, funding);
  return TRUE;
}

static gboolean
kk_loader_load_pillar (KkLoader   *self,
                       JsonObject *object)
{
  static const char * const known[] = { "number", "name", NULL };
  g_autoptr(KkPillar) pillar = NULL;
  gint64 number;
  const char *name;

  if (!kk_loader_int (self, object, "number", 1, KK_MAX_NUMBER, &number, NULL) ||
      !kk_loader_name (self, object, "name", &name))
    return FALSE;
  if (g_hash_table_contains (self->pillars, GINT_TO_POINTER (number)))
    return kk_loader_fail (self, "number", _("pillar %d is listed twice"), (int)number);

  pillar = kk_pillar_new (number, name);
  kk_loader_keep_unknown (object, known, pillar);
  g_hash_table_insert (self->pillars, GINT_TO_POINTER (number), pillar);
  kk_plan_add_pillar (self->plan, pillar);
  return TRUE;
}

static gboolean
kk_loader_load_division (KkLoader   *self,
                         JsonObject *object)
{
  static const char * const known[] = { "name", NULL };
  g_autoptr(KkDivision) division = NULL;
  const char *name;

  if (!kk_loader_name (self, object, "name", &name))
    return FALSE;
  if (g_hash_table_contains (self->divisions, name))
    return kk_loader_fail (self, "name", _("division “%s” is listed twice"), name);

  division = kk_division_new (name);
  kk_loader_keep_unknown (object, known, division);
  g_hash_table_insert (self->divisions, (char *)kk_division_get_name (division), division);
  kk_plan_add_division (self->plan, division);
  return TRUE;
}

static gboolean
kk_loader_division_ref (KkLoader    *self,
                        JsonNode    *node,
                        const char  *member,
                        KkDivision **out)
{
  const char *name;

  if (!kk_loader_string_node (self, node, member, &name))
    return FALSE;
  *out = g_hash_table_lookup (self->divisions, name);
  if (*out == NULL)
    return kk_loader_fail (self, member, _("there is no division “%s”"), name);
  return TRUE;
}

static gboolean
kk_loader_division_member (KkLoader    *self,
                           JsonObject  *object,
                           const char  *member,
                           KkDivision **out)
{
  JsonNode *node = kk_loader_member (self, object, member, TRUE);

  return node != NULL && kk_loader_division_ref (self, node, member, out);
}

static gboolean
kk_loader_program_funding (KkLoader   *self,
                           JsonObject *object,
                           KkProgram  *program)
{
  g_autoptr(GPtrArray) funding = g_ptr_array_new ();
  /* A file may list thousands: finding one twice must not scan the list. */
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  JsonArray *codes;
  gsize mark;

  if (!kk_loader_container (self, object, "funding", TRUE, &codes))
    return FALSE;
  if (json_array_get_length (codes) == 0)
    return kk_loader_fail (self, "funding", _("must name at least one funding source"));

  mark = kk_loader_enter (self, "funding");
  for (guint i = 0; i < json_array_get_length (codes); i++)
    {
      gsize item_mark = kk_loader_enter_index (self, i);
      const char *code;
      KkFunding *source;

      if (!kk_loader_string_node (self, json_array_get_element (codes, i), NULL, &code))
        return FALSE;
      source = g_hash_table_lookup (self->funding, code);
      if (source == NULL)
        return kk_loader_fail (self, NULL, _("there is no funding source “%s”"), code);
      if (!g_hash_table_add (named, source))
        return kk_loader_fail (self, NULL, _("funding “%s” is named twice"), code);
      g_ptr_array_add (funding, source);
      kk_loader_leave (self, item_mark);
    }
  kk_loader_leave (self, mark);
  kk_program_set_funding (program, funding);
  return TRUE;
}

static gboolean
kk_loader_program_previous (KkLoader   *self,
                            JsonObject *object,
                            KkProgram  *program)
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
kk_loader_load_program (KkLoader   *self,
                        JsonObject *object)
{
  static const char * const known[] = {
    "number", "name", "pillar", "funding", "budget", "status",
    "previous_name", "previous_budget", "lead_division", NULL
  };
  g_autoptr(KkProgram) program = NULL;
  gint64 number, pillar_number, budget;
  const char *name;
  int status;
  KkPillar *pillar;
  KkDivision *lead;

  if (!kk_loader_int (self, object, "number", 1, KK_MAX_NUMBER, &number, NULL) ||
      !kk_loader_name (self, object, "name", &name) ||
      !kk_loader_int (self, object, "pillar", 1, KK_MAX_NUMBER, &pillar_number, NULL))
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
      !kk_loader_enum (self, object, "status", KK_TYPE_PROGRAM_STATUS, &status))
    return FALSE;
  kk_program_set_budget (program, budget);
  kk_program_set_status (program, status);
  if (!kk_loader_program_previous (self, object, program) ||
      !kk_loader_division_member (self, object, "lead_division", &lead))
    return FALSE;
  kk_program_set_lead_division (program, lead);

  kk_loader_keep_unknown (object, known, program);
  g_hash_table_insert (self->programs, GINT_TO_POINTER (number), program);
  kk_plan_add_program (self->plan, program);
  return TRUE;
}

static gboolean
kk_loader_load_value (KkLoader   *self,
                      JsonObject *object,
                      KkKpi      *kpi)
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

  if (!kk_loader_int (self, object, "fiscal_year", 1, 9999, &fiscal_year, NULL) ||
      !kk_loader_enum (self, object, "kind", KK_TYPE_KPI_KIND, &kind) ||
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
  kk_loader_keep_unknown (object, known, value);
  kk_kpi_append_value (kpi, value);
  return TRUE;
}

static gboolean
kk_loader_load_kpi (KkLoader   *self,
                    JsonObject *object,
                    KkSheet    *sheet)
{
  static const char * const known[] = {
    "label", "name", "group", "unit", "comparator", "note", "values", NULL
  };
  g_autoptr(KkKpi) kpi = NULL;
  const char *label, *name, *group, *unit, *note;
  int comparator;
  JsonArray *values;
  gsize mark;

  if (!kk_loader_string (self, object, "label", FALSE, &label) ||
      !kk_loader_name (self, object, "name", &name) ||
      !kk_loader_string (self, object, "group", FALSE, &group) ||
      !kk_loader_string (self, object, "unit", TRUE, &unit) ||
      !kk_loader_enum (self, object, "comparator", KK_TYPE_COMPARATOR, &comparator) ||
      !kk_loader_string (self, object, "note", FALSE, &note) ||
      !kk_loader_container (self, object, "values", TRUE, &values))
    return FALSE;

  kpi = kk_kpi_new (name, unit);
  kk_kpi_set_label (kpi, label);
  kk_kpi_set_group (kpi, group);
  kk_kpi_set_comparator (kpi, comparator);
  kk_kpi_set_note (kpi, note);

  mark = kk_loader_enter (self, "values");
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      gsize item_mark = kk_loader_enter_index (self, i);
      JsonObject *item;

      if (!kk_loader_object_node (self, json_array_get_element (values, i), &item) ||
          !kk_loader_load_value (self, item, kpi))
        return FALSE;
      kk_loader_leave (self, item_mark);
    }
  kk_loader_leave (self, mark);

  kk_loader_keep_unknown (object, known, kpi);
  kk_sheet_append_kpi (sheet, kpi);
  return TRUE;
}

static gboolean
kk_loader_sheet_programs (KkLoader   *self,
                          JsonObject *object,
                          KkSheet    *sheet)
{
  JsonArray *numbers;
  gsize mark;

  if (!kk_loader_container (self, object, "programs", TRUE, &numbers))
    return FALSE;
  if (json_array_get_length (numbers) == 0)
    return kk_loader_fail (self, "programs", _("must name at least one program"));

  mark = kk_loader_enter (self, "programs");
  for (guint i = 0; i < json_array_get_length (numbers); i++)
    {
      gsize item_mark = kk_loader_enter_index (self, i);
      KkProgram *program;
      gint64 number;

      if (!kk_loader_int_node (self, json_array_get_element (numbers, i), NULL,
                               1, KK_MAX_NUMBER, &number))
        return FALSE;
      program = g_hash_table_lookup (self->programs, GINT_TO_POINTER (number));
      if (program == NULL)
        return kk_loader_fail (self, NULL, _("there is no program %d"), (int)number);
      if (kk_program_get_sheet (program) != NULL)
        return kk_loader_fail (self, NULL, _("program %d is on another sheet too"), (int)number);
      kk_sheet_add_program (sheet, program);
      kk_loader_leave (self, item_mark);
    }
  kk_loader_leave (self, mark);
  return TRUE;
}

static gboolean
kk_loader_sheet_divisions (KkLoader   *self,
                           JsonObject *object,
                           KkSheet    *sheet)
{
  g_autoptr(GPtrArray) divisions = g_ptr_array_new ();
  /* As for funding: a list of thousands must not be scanned for each. */
  g_autoptr(GHashTable) named = g_hash_table_new (NULL, NULL);
  JsonArray *names;
  gsize mark;

  if (!kk_loader_container (self, object, "divisions", TRUE, &names))
    return FALSE;

  mark = kk_loader_enter (self, "divisions");
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      gsize item_mark = kk_loader_enter_index (self, i);
      KkDivision *division;

      if (!kk_loader_division_ref (self, json_array_get_element (names, i), NULL, &division))
        return FALSE;
      if (!g_hash_table_add (named, division))
        return kk_loader_fail (self, NULL, _("division “%s” is named twice"),
                               kk_division_get_name (division));
      g_ptr_array_add (divisions, division);
      kk_loader_leave (self, item_mark);
    }
  kk_loader_leave (self, mark);
  kk_sheet_set_divisions (sheet, divisions);
  return TRUE;
}

static gboolean
kk_loader_sheet_partners (KkLoader   *self,
                          JsonObject *object,
                          KkSheet    *sheet)
{
  g_autoptr(GStrvBuilder) partners = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;
  JsonArray *names;
  gsize mark;

  if (!kk_loader_container (self, object, "partners", TRUE, &names))
    return FALSE;

  mark = kk_loader_enter (self, "partners");
  for (guint i = 0; i < json_array_get_length (names); i++)
    {
      gsize item_mark = kk_loader_enter_index (self, i);
      const char *name;

      if (!kk_loader_string_node (self, json_array_get_element (names, i), NULL, &name))
        return FALSE;
      g_strv_builder_add (partners, name);
      kk_loader_leave (self, item_mark);
    }
  kk_loader_leave (self, mark);
  strv = g_strv_builder_end (partners);
  kk_sheet_set_partners (sheet, (const char * const *)strv);
  return TRUE;
}

static gboolean
kk_loader_sheet_kpis (KkLoader   *self,
                      JsonObject *object,
                      KkSheet    *sheet)
{
  JsonArray *kpis;
  gsize mark;

  if (!kk_loader_container (self, object, "kpis", TRUE, &kpis))
    return FALSE;

  mark = kk_loader_enter (self, "kpis");
  for (guint i = 0; i < json_array_get_length (kpis); i++)
    {
      gsize item_mark = kk_loader_enter_index (self, i);
      JsonObject *item;

      if (!kk_loader_object_node (self, json_array_get_element (kpis, i), &item) ||
          !kk_loader_load_kpi (self, item, sheet))
        return FALSE;
      kk_loader_leave (self, item_mark);
    }
  kk_loader_leave (self, mark);
  return TRUE;
}

static gboolean
kk_loader_load_sheet (KkLoader   *self,
                      JsonObject *object)
{
  static const char * const known[] = {
    "programs", "purpose", "overview", "targets_text", "kpis", "targets_notes", "activities",
    "divisions", "partners", NULL
  };
  g_autoptr(KkSheet) sheet = kk_sheet_new ();
  const char *purpose, *overview, *targets_text, *targets_notes, *activities;

  if (!kk_loader_sheet_programs (self, object, sheet) ||
      !kk_loader_string (self, object, "purpose", TRUE, &purpose) ||
      !kk_loader_string (self, object, "overview", TRUE, &overview) ||
      !kk_loader_string (self, object, "targets_text", FALSE, &targets_text) ||
      !kk_loader_sheet_kpis (self, object, sheet) ||
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
  kk_loader_keep_unknown (object, known, sheet);
  kk_plan_add_sheet (self->plan, sheet);
  return TRUE;
}

static gboolean
kk_loader_load_correction (KkLoader   *self,
                           JsonObject *object)
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
  kk_loader_keep_unknown (object, known, correction);
  kk_plan_add_correction (self->plan, correction);
  return TRUE;
}

static gboolean
kk_loader_check_version (KkLoader   *self,
                         JsonObject *root)
{
  const char *format;
  const char *version;
  guint major, minor;
  char end;

  if (!kk_loader_string (self, root, "format", TRUE, &format))
    return FALSE;
  if (!g_str_equal (format, KK_PLAN_FORMAT))
    return kk_loader_fail (self, "format", _("is “%s”, not “%s”: this is not a Keikaku plan"),
                           format, KK_PLAN_FORMAT);
  if (!kk_loader_string (self, root, "version", TRUE, &version))
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

static gboolean
kk_loader_load_header (KkLoader   *self,
                       JsonObject *root)
{
  const char *organization, *title, *issued;
  gint64 fiscal_year;
  int y, m;
  char end;

  if (!kk_loader_int (self, root, "fiscal_year", 1, 9999, &fiscal_year, NULL) ||
      !kk_loader_string (self, root, "organization", TRUE, &organization) ||
      !kk_loader_string (self, root, "title", TRUE, &title) ||
      !kk_loader_string (self, root, "issued", FALSE, &issued))
    return FALSE;
  if (issued && (strlen (issued) != 7 ||
                 sscanf (issued, "%4d-%2d%c", &y, &m, &end) != 2 || m < 1 || m > 12))
    return kk_loader_fail (self, "issued", _("must be a month written YYYY-MM, not “%s”"), issued);

  kk_plan_set_fiscal_year (self->plan, fiscal_year);
  kk_plan_set_organization (self->plan, organization);
  kk_plan_set_title (self->plan, title);
  kk_plan_set_issued (self->plan, issued);
  return TRUE;
}

static gboolean
kk_loader_load (KkLoader   *self,
                JsonObject *root)
{
  static const char * const known[] = {
    "format", "version", "fiscal_year", "organization", "title", "issued",
    "funding_sources", "pillars", "divisions", "programs", "sheets", "corrections", NULL
  };

  if (!kk_loader_check_version (self, root) ||
      !kk_loader_load_header (self, root) ||
      !kk_loader_each (self, root, "funding_sources", TRUE, kk_loader_load_funding) ||
      !kk_loader_each (self, root, "pillars", TRUE, kk_loader_load_pillar) ||
      !kk_loader_each (self, root, "divisions", TRUE, kk_loader_load_division) ||
      !kk_loader_each (self, root, "programs", TRUE, kk_loader_load_program) ||
      !kk_loader_each (self, root, "sheets", TRUE, kk_loader_load_sheet) ||
      !kk_loader_check_sheets_cover (self) ||
      !kk_loader_each (self, root, "corrections", FALSE, kk_loader_load_correction))
    return FALSE;

  kk_loader_keep_unknown (root, known, self->plan);
  return TRUE;
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
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(KkPlan) plan = NULL;
  g_autoptr(GString) path = NULL;
  g_autoptr(GHashTable) funding = NULL;
  g_autoptr(GHashTable) pillars = NULL;
  g_autoptr(GHashTable) divisions = NULL;
  g_autoptr(GHashTable) programs = NULL;
  KkLoader loader;
  gsize len;
  const char *text = g_bytes_get_data (bytes, &len);

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (len == 0)
    {
      g_set_error_literal (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_SYNTAX,
                           _("The file is empty"));
      return NULL;
    }
  if (len > KK_MAX_FILE_SIZE)
    {
      g_set_error_literal (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_TOO_LARGE,
                           _("The file is larger than 256 MiB"));
      return NULL;
    }
  root = kk_json_read (text, len, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, KK_PLAN_FILE_ERROR, KK_PLAN_FILE_ERROR_INVALID,
                   _("The file holds %s, not a plan"), kk_node_kind (root));
      return NULL;
    }

  plan = kk_plan_new ();
  path = g_string_new (NULL);
  funding = g_hash_table_new (g_str_hash, g_str_equal);
  pillars = g_hash_table_new (NULL, NULL);
  divisions = g_hash_table_new (g_str_hash, g_str_equal);
  programs = g_hash_table_new (NULL, NULL);
  loader = (KkLoader) {
    .path = path,
    .error = error,
    .plan = plan,
    .funding = funding,
    .pillars = pillars,
    .divisions = divisions,
    .programs = programs,
    .flags = flags,
  };
  if (!kk_loader_load (&loader, json_node_get_object (root)))
    return NULL;

  return g_steal_pointer (&plan);
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

/**
 * kk_plan_load_file_full:
 * @flags: as for kk_plan_load_bytes_full()
 * @etag: (out) (optional): the version of the file read, to detect a
 *   change by someone else when saving over it
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
  KkPlan *plan;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, &file_etag, error);
  if (bytes == NULL)
    return NULL;
  plan = kk_plan_load_bytes_full (bytes, flags, error);
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
  JsonObject *extra = g_object_get_qdata (object, kk_extra_members_quark ());
  g_autoptr(GList) members = NULL;

  if (extra == NULL)
    return;
  members = json_object_get_members (extra);
  for (GList *l = members; l; l = l->next)
    {
      kk_json_writer_member (writer, l->data);
      kk_json_writer_node (writer, json_object_get_member (extra, l->data));
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
