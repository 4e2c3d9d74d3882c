/* kk-sheet.c: the description and targets of one or more programs
 *
 * Several programs may share one sheet (8–10, 22–24 in the FY2024 plan):
 * editing its texts or targets edits them for every program it covers, and
 * the plan book prints it once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-core-private.h"
#include "kk-sheet.h"

struct _KkSheet
{
  GObject parent_instance;
  GListStore *programs;
  char *purpose;
  char *overview;
  char *targets_text;
  char *targets_notes;
  char *activities;
  GPtrArray *divisions;
  char **partners;
  GListStore *kpis;
};

G_DEFINE_FINAL_TYPE (KkSheet, kk_sheet, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRAMS,
  PROP_PURPOSE,
  PROP_OVERVIEW,
  PROP_TARGETS_TEXT,
  PROP_TARGETS_NOTES,
  PROP_ACTIVITIES,
  PROP_DIVISIONS,
  PROP_PARTNERS,
  PROP_KPIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
kk_sheet_text_field (KkSheet *self,
                     guint    prop_id)
{
  switch (prop_id)
    {
    case PROP_PURPOSE: return &self->purpose;
    case PROP_OVERVIEW: return &self->overview;
    case PROP_TARGETS_TEXT: return &self->targets_text;
    case PROP_TARGETS_NOTES: return &self->targets_notes;
    case PROP_ACTIVITIES: return &self->activities;
    default: return NULL;
    }
}

static void
kk_sheet_set_text (KkSheet    *self,
                   guint       prop_id,
                   const char *text)
{
  kk_update_string (self, kk_sheet_text_field (self, prop_id), text, properties[prop_id]);
}

static void
kk_sheet_dispose (GObject *object)
{
  KkSheet *self = (KkSheet *)object;

  g_clear_object (&self->programs);
  g_clear_object (&self->kpis);
  g_clear_pointer (&self->divisions, g_ptr_array_unref);

  G_OBJECT_CLASS (kk_sheet_parent_class)->dispose (object);
}

static void
kk_sheet_finalize (GObject *object)
{
  KkSheet *self = (KkSheet *)object;

  for (guint prop_id = PROP_PURPOSE; prop_id <= PROP_ACTIVITIES; prop_id++)
    g_clear_pointer (kk_sheet_text_field (self, prop_id), g_free);
  g_clear_pointer (&self->partners, g_strfreev);

  G_OBJECT_CLASS (kk_sheet_parent_class)->finalize (object);
}

static void
kk_sheet_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  KkSheet *self = KK_SHEET (object);

  switch (prop_id)
    {
    case PROP_PROGRAMS:
      g_value_set_object (value, self->programs);
      break;
    case PROP_PURPOSE:
    case PROP_OVERVIEW:
    case PROP_TARGETS_TEXT:
    case PROP_TARGETS_NOTES:
    case PROP_ACTIVITIES:
      g_value_set_string (value, *kk_sheet_text_field (self, prop_id));
      break;
    case PROP_DIVISIONS:
      g_value_set_boxed (value, self->divisions);
      break;
    case PROP_PARTNERS:
      g_value_set_boxed (value, self->partners);
      break;
    case PROP_KPIS:
      g_value_set_object (value, self->kpis);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_sheet_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  KkSheet *self = KK_SHEET (object);

  switch (prop_id)
    {
    case PROP_PURPOSE:
    case PROP_OVERVIEW:
    case PROP_TARGETS_TEXT:
    case PROP_TARGETS_NOTES:
    case PROP_ACTIVITIES:
      kk_sheet_set_text (self, prop_id, g_value_get_string (value));
      break;
    case PROP_DIVISIONS:
      kk_sheet_set_divisions (self, g_value_get_boxed (value));
      break;
    case PROP_PARTNERS:
      kk_sheet_set_partners (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_sheet_class_init (KkSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kk_sheet_dispose;
  object_class->finalize = kk_sheet_finalize;
  object_class->get_property = kk_sheet_get_property;
  object_class->set_property = kk_sheet_set_property;

  /**
   * KkSheet:programs:
   *
   * The programs the sheet covers, a #GListModel of #KkProgram.
   */
  properties[PROP_PROGRAMS] =
    g_param_spec_object ("programs", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  /**
   * KkSheet:purpose:
   *
   * 事業の目的.
   */
  properties[PROP_PURPOSE] = g_param_spec_string ("purpose", NULL, NULL, "", rw);

  /**
   * KkSheet:overview:
   *
   * 事業概要.
   */
  properties[PROP_OVERVIEW] = g_param_spec_string ("overview", NULL, NULL, "", rw);

  /**
   * KkSheet:targets-text:
   *
   * The prose of 成果目標値 that is not a figure, or %NULL.
   */
  properties[PROP_TARGETS_TEXT] = g_param_spec_string ("targets-text", NULL, NULL, NULL, rw);

  /**
   * KkSheet:targets-notes:
   *
   * The prose of 成果目標値 printed under the KPI table, or %NULL: its
   * footnotes (※…, 注1…) and what follows the table. The texts keep the
   * source's order around the table, so that a note can refer to its rows.
   */
  properties[PROP_TARGETS_NOTES] = g_param_spec_string ("targets-notes", NULL, NULL, NULL, rw);

  /**
   * KkSheet:activities:
   *
   * 取組内容.
   */
  properties[PROP_ACTIVITIES] = g_param_spec_string ("activities", NULL, NULL, "", rw);

  /**
   * KkSheet:divisions:
   *
   * 担当課 as the sheet prints it, lead first: a #GPtrArray of #KkDivision.
   */
  properties[PROP_DIVISIONS] =
    g_param_spec_boxed ("divisions", NULL, NULL, G_TYPE_PTR_ARRAY, rw);

  /**
   * KkSheet:partners:
   *
   * 関係機関等, one body each.
   */
  properties[PROP_PARTNERS] = g_param_spec_boxed ("partners", NULL, NULL, G_TYPE_STRV, rw);

  /**
   * KkSheet:kpis:
   *
   * The targets, a #GListModel of #KkKpi.
   */
  properties[PROP_KPIS] = g_param_spec_object ("kpis", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* A program knows its sheet by being in its list, however it got there:
 * loading, a new program, or undoing the deletion of one. */
static void
kk_sheet_programs_changed (KkSheet    *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *programs)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      kk_program_set_sheet (program, self);
    }
}

static void
kk_sheet_init (KkSheet *self)
{
  self->programs = g_list_store_new (KK_TYPE_PROGRAM);
  g_signal_connect_object (self->programs, "items-changed",
                           G_CALLBACK (kk_sheet_programs_changed), self, G_CONNECT_SWAPPED);
  self->kpis = g_list_store_new (KK_TYPE_KPI);
  self->divisions = g_ptr_array_new_with_free_func (g_object_unref);
  self->partners = g_new0 (char *, 1);
  self->purpose = g_strdup ("");
  self->overview = g_strdup ("");
  self->activities = g_strdup ("");
}

KkSheet *
kk_sheet_new (void)
{
  return g_object_new (KK_TYPE_SHEET, NULL);
}

GListModel *
kk_sheet_get_programs (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return G_LIST_MODEL (self->programs);
}

void
kk_sheet_add_program (KkSheet   *self,
                      KkProgram *program)
{
  g_return_if_fail (KK_IS_SHEET (self));
  g_return_if_fail (KK_IS_PROGRAM (program));
  g_return_if_fail (kk_program_get_sheet (program) == NULL);

  g_list_store_append (self->programs, program);
}

/**
 * kk_sheet_dup_numbers_label:
 * @separator: what joins the numbers: "・" for people, ";" in CSV
 *
 * Returns: (transfer full): the numbers of the programs it covers
 */
char *
kk_sheet_dup_numbers_label (KkSheet    *self,
                            const char *separator)
{
  GString *label = g_string_new (NULL);
  guint n;

  g_return_val_if_fail (KK_IS_SHEET (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->programs));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (G_LIST_MODEL (self->programs), i);

      if (i > 0)
        g_string_append (label, separator);
      g_string_append_printf (label, "%u", kk_program_get_number (program));
    }
  return g_string_free (label, FALSE);
}

const char *
kk_sheet_get_purpose (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return self->purpose;
}

void
kk_sheet_set_purpose (KkSheet    *self,
                      const char *purpose)
{
  g_return_if_fail (KK_IS_SHEET (self));
  g_return_if_fail (purpose != NULL);
  kk_sheet_set_text (self, PROP_PURPOSE, purpose);
}

const char *
kk_sheet_get_overview (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return self->overview;
}

void
kk_sheet_set_overview (KkSheet    *self,
                       const char *overview)
{
  g_return_if_fail (KK_IS_SHEET (self));
  g_return_if_fail (overview != NULL);
  kk_sheet_set_text (self, PROP_OVERVIEW, overview);
}

const char *
kk_sheet_get_targets_text (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return self->targets_text;
}

void
kk_sheet_set_targets_text (KkSheet    *self,
                           const char *targets_text)
{
  g_return_if_fail (KK_IS_SHEET (self));
  kk_sheet_set_text (self, PROP_TARGETS_TEXT, targets_text);
}

const char *
kk_sheet_get_targets_notes (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return self->targets_notes;
}

void
kk_sheet_set_targets_notes (KkSheet    *self,
                            const char *targets_notes)
{
  g_return_if_fail (KK_IS_SHEET (self));
  kk_sheet_set_text (self, PROP_TARGETS_NOTES, targets_notes);
}

const char *
kk_sheet_get_activities (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return self->activities;
}

void
kk_sheet_set_activities (KkSheet    *self,
                         const char *activities)
{
  g_return_if_fail (KK_IS_SHEET (self));
  g_return_if_fail (activities != NULL);
  kk_sheet_set_text (self, PROP_ACTIVITIES, activities);
}

/**
 * kk_sheet_get_divisions:
 *
 * Returns: (transfer none) (element-type KkDivision): the divisions, lead first
 */
GPtrArray *
kk_sheet_get_divisions (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return self->divisions;
}

void
kk_sheet_set_divisions (KkSheet   *self,
                        GPtrArray *divisions)
{
  g_return_if_fail (KK_IS_SHEET (self));

  if (kk_ptr_array_equal (self->divisions, divisions))
    return;
  g_ptr_array_unref (self->divisions);
  self->divisions = kk_object_array_copy (divisions);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIVISIONS]);
}

/**
 * kk_sheet_dup_divisions_label:
 *
 * Returns: (transfer full): the division names joined by @separator
 */
char *
kk_sheet_dup_divisions_label (KkSheet    *self,
                              const char *separator)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_val_if_fail (KK_IS_SHEET (self), NULL);

  for (guint i = 0; i < self->divisions->len; i++)
    g_strv_builder_add (names, kk_division_get_name (g_ptr_array_index (self->divisions, i)));
  strv = g_strv_builder_end (names);
  return g_strjoinv (separator, strv);
}

const char * const *
kk_sheet_get_partners (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return (const char * const *)self->partners;
}

void
kk_sheet_set_partners (KkSheet            *self,
                       const char * const *partners)
{
  g_return_if_fail (KK_IS_SHEET (self));

  if (kk_strv_equal0 ((const char * const *)self->partners, partners))
    return;
  g_strfreev (self->partners);
  self->partners = partners ? g_strdupv ((char **)partners) : g_new0 (char *, 1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTNERS]);
}

GListModel *
kk_sheet_get_kpis (KkSheet *self)
{
  g_return_val_if_fail (KK_IS_SHEET (self), NULL);
  return G_LIST_MODEL (self->kpis);
}

void
kk_sheet_append_kpi (KkSheet *self,
                     KkKpi   *kpi)
{
  g_return_if_fail (KK_IS_SHEET (self));
  g_return_if_fail (KK_IS_KPI (kpi));
  g_list_store_append (self->kpis, kpi);
}
