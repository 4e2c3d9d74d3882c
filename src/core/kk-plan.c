/* kk-plan.c: a year's business plan (事業計画書)
 *
 * The plan owns every object of the model and the history that records edits.
 * Views read its list models and bind to the objects' properties; every change
 * a user makes goes through kk_plan_edit(), which records it for undo and
 * marks the plan dirty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>

#include "kk-core-private.h"
#include "kk-format.h"
#include "kk-plan.h"

struct _KkPlan
{
  GObject parent_instance;
  int fiscal_year;
  char *organization;
  char *title;
  char *issued;
  int origin_fiscal_year;
  char *origin_title;
  GListStore *funding_sources;
  GListStore *pillars;
  GListStore *divisions;
  GListStore *programs;
  GListStore *sheets;
  GListStore *corrections;
  KkHistory *history;
};

G_DEFINE_FINAL_TYPE (KkPlan, kk_plan, G_TYPE_OBJECT)

G_DEFINE_QUARK (kk-plan-error-quark, kk_plan_error)

enum {
  PROP_0,
  PROP_FISCAL_YEAR,
  PROP_ORGANIZATION,
  PROP_TITLE,
  PROP_ISSUED,
  PROP_ORIGIN_FISCAL_YEAR,
  PROP_ORIGIN_TITLE,
  PROP_FUNDING_SOURCES,
  PROP_PILLARS,
  PROP_DIVISIONS,
  PROP_PROGRAMS,
  PROP_SHEETS,
  PROP_CORRECTIONS,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_plan_history_dirty_cb (KkPlan *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
kk_plan_dispose (GObject *object)
{
  KkPlan *self = (KkPlan *)object;

  g_clear_object (&self->history);
  g_clear_object (&self->corrections);
  g_clear_object (&self->sheets);
  g_clear_object (&self->programs);
  g_clear_object (&self->divisions);
  g_clear_object (&self->pillars);
  g_clear_object (&self->funding_sources);

  G_OBJECT_CLASS (kk_plan_parent_class)->dispose (object);
}

static void
kk_plan_finalize (GObject *object)
{
  KkPlan *self = (KkPlan *)object;

  g_clear_pointer (&self->organization, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->issued, g_free);
  g_clear_pointer (&self->origin_title, g_free);

  G_OBJECT_CLASS (kk_plan_parent_class)->finalize (object);
}

static void
kk_plan_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  KkPlan *self = KK_PLAN (object);

  switch (prop_id)
    {
    case PROP_FISCAL_YEAR:
      g_value_set_int (value, self->fiscal_year);
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ISSUED:
      g_value_set_string (value, self->issued);
      break;
    case PROP_ORIGIN_FISCAL_YEAR:
      g_value_set_int (value, self->origin_fiscal_year);
      break;
    case PROP_ORIGIN_TITLE:
      g_value_set_string (value, self->origin_title);
      break;
    case PROP_FUNDING_SOURCES:
      g_value_set_object (value, self->funding_sources);
      break;
    case PROP_PILLARS:
      g_value_set_object (value, self->pillars);
      break;
    case PROP_DIVISIONS:
      g_value_set_object (value, self->divisions);
      break;
    case PROP_PROGRAMS:
      g_value_set_object (value, self->programs);
      break;
    case PROP_SHEETS:
      g_value_set_object (value, self->sheets);
      break;
    case PROP_CORRECTIONS:
      g_value_set_object (value, self->corrections);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, kk_plan_get_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_plan_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  KkPlan *self = KK_PLAN (object);

  switch (prop_id)
    {
    case PROP_FISCAL_YEAR:
      kk_plan_set_fiscal_year (self, g_value_get_int (value));
      break;
    case PROP_ORGANIZATION:
      kk_plan_set_organization (self, g_value_get_string (value));
      break;
    case PROP_TITLE:
      kk_plan_set_title (self, g_value_get_string (value));
      break;
    case PROP_ISSUED:
      kk_plan_set_issued (self, g_value_get_string (value));
      break;
    case PROP_ORIGIN_FISCAL_YEAR:
      kk_plan_set_origin_fiscal_year (self, g_value_get_int (value));
      break;
    case PROP_ORIGIN_TITLE:
      kk_plan_set_origin_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
kk_plan_list_pspec (const char *name)
{
  return g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL,
                              G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
kk_plan_class_init (KkPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kk_plan_dispose;
  object_class->finalize = kk_plan_finalize;
  object_class->get_property = kk_plan_get_property;
  object_class->set_property = kk_plan_set_property;

  /**
   * KkPlan:fiscal-year:
   *
   * The fiscal year as its starting calendar year: 2024 is 令和6年度.
   */
  properties[PROP_FISCAL_YEAR] =
    g_param_spec_int ("fiscal-year", NULL, NULL, KK_FISCAL_YEAR_MIN, KK_FISCAL_YEAR_MAX, 2024, rw);

  /**
   * KkPlan:organization:
   *
   * The organization that issues the plan.
   */
  properties[PROP_ORGANIZATION] = g_param_spec_string ("organization", NULL, NULL, "", rw);

  /**
   * KkPlan:title:
   *
   * The plan's title, e.g. 令和6年度 事業計画書.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", rw);

  /**
   * KkPlan:issued:
   *
   * The month of issue as YYYY-MM, or %NULL.
   */
  properties[PROP_ISSUED] = g_param_spec_string ("issued", NULL, NULL, NULL, rw);

  /**
   * KkPlan:origin-fiscal-year:
   *
   * The fiscal year of the plan this one was carried from, or 0 for a
   * plan that was not.
   */
  properties[PROP_ORIGIN_FISCAL_YEAR] =
    g_param_spec_int ("origin-fiscal-year", NULL, NULL, 0, KK_FISCAL_YEAR_MAX, 0, rw);

  /**
   * KkPlan:origin-title:
   *
   * The title of the plan this one was carried from, or %NULL.
   */
  properties[PROP_ORIGIN_TITLE] = g_param_spec_string ("origin-title", NULL, NULL, NULL, rw);

  /**
   * KkPlan:funding-sources:
   *
   * The #KkFunding marks in index order.
   */
  properties[PROP_FUNDING_SOURCES] = kk_plan_list_pspec ("funding-sources");

  /**
   * KkPlan:pillars:
   *
   * The #KkPillar of the index, in order.
   */
  properties[PROP_PILLARS] = kk_plan_list_pspec ("pillars");

  /**
   * KkPlan:divisions:
   *
   * The #KkDivision in the order of the division table.
   */
  properties[PROP_DIVISIONS] = kk_plan_list_pspec ("divisions");

  /**
   * KkPlan:programs:
   *
   * The #KkProgram in number order.
   */
  properties[PROP_PROGRAMS] = kk_plan_list_pspec ("programs");

  /**
   * KkPlan:sheets:
   *
   * The #KkSheet in document order.
   */
  properties[PROP_SHEETS] = kk_plan_list_pspec ("sheets");

  /**
   * KkPlan:corrections:
   *
   * The #KkCorrection records of errors resolved in the source document.
   */
  properties[PROP_CORRECTIONS] = kk_plan_list_pspec ("corrections");

  /**
   * KkPlan:dirty:
   *
   * Whether the plan has changes that are not saved.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_plan_init (KkPlan *self)
{
  self->fiscal_year = 2024;
  self->organization = g_strdup ("");
  self->title = g_strdup ("");
  self->funding_sources = g_list_store_new (KK_TYPE_FUNDING);
  self->pillars = g_list_store_new (KK_TYPE_PILLAR);
  self->divisions = g_list_store_new (KK_TYPE_DIVISION);
  self->programs = g_list_store_new (KK_TYPE_PROGRAM);
  self->sheets = g_list_store_new (KK_TYPE_SHEET);
  self->corrections = g_list_store_new (KK_TYPE_CORRECTION);
  self->history = kk_history_new ();
  g_signal_connect_object (self->history, "notify::dirty",
                           G_CALLBACK (kk_plan_history_dirty_cb), self, G_CONNECT_SWAPPED);
}

KkPlan *
kk_plan_new (void)
{
  return g_object_new (KK_TYPE_PLAN, NULL);
}

static void
kk_plan_copy_items (GListStore *from,
                    GListStore *to)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (from)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (from), i);
      g_autoptr(GObject) copy = kk_object_copy (item);

      g_list_store_append (to, copy);
    }
}

static KkSheet *
kk_sheet_copy (KkSheet *source)
{
  KkSheet *copy = kk_object_copy (source);
  GListModel *kpis = kk_sheet_get_kpis (source);

  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);
      g_autoptr(KkKpi) kpi_copy = kk_object_copy (kpi);
      GListModel *values = kk_kpi_get_values (kpi);

      for (guint j = 0; j < g_list_model_get_n_items (values); j++)
        {
          g_autoptr(KkKpiValue) value = g_list_model_get_item (values, j);
          g_autoptr(KkKpiValue) value_copy = kk_object_copy (value);

          kk_kpi_append_value (kpi_copy, value_copy);
        }
      kk_sheet_append_kpi (copy, kpi_copy);
    }
  return copy;
}

/**
 * kk_plan_dup_default_title:
 * @fiscal_year: the starting calendar year
 *
 * The document's own title, as data: it is the same in every language.
 *
 * Returns: (transfer full): the title of a plan of @fiscal_year, such as
 *   令和7年度 事業計画書 for 2025
 */
char *
kk_plan_dup_default_title (int fiscal_year)
{
  g_autofree char *year = kk_format_fiscal_year (fiscal_year);

  return g_strdup_printf ("%s 事業計画書", year);
}

/* The item of @to at the place of @item in @from: its copy, when @to holds
 * copies of the items of @from. */
static gpointer
kk_store_get_copy (GListStore *from,
                   GListStore *to,
                   gpointer    item)
{
  guint position;
  gboolean found = g_list_store_find (from, item, &position);

  g_assert (found);
  return g_list_model_get_item (G_LIST_MODEL (to), position);
}

static GPtrArray *
kk_store_get_copies (GListStore *from,
                     GListStore *to,
                     GPtrArray  *items)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (copies, kk_store_get_copy (from, to, g_ptr_array_index (items, i)));
  return copies;
}

/* @program of @plan as it starts the next year in @self, the next year's
 * plan: this year's budget is the new year's previous budget and the figure
 * to revise, under the same name (同上), not yet reviewed for the new year. */
static KkProgram *
kk_plan_carry_program (KkPlan    *self,
                       KkPlan    *plan,
                       KkProgram *program)
{
  KkProgram *carried = kk_object_copy (program);
  g_autoptr(KkPillar) pillar =
    kk_store_get_copy (plan->pillars, self->pillars, kk_program_get_pillar (program));
  g_autoptr(KkDivision) lead =
    kk_store_get_copy (plan->divisions, self->divisions, kk_program_get_lead_division (program));
  g_autoptr(GPtrArray) funding =
    kk_store_get_copies (plan->funding_sources, self->funding_sources,
                         kk_program_get_funding (program));

  kk_program_set_pillar (carried, pillar);
  kk_program_set_funding (carried, funding);
  kk_program_set_lead_division (carried, lead);
  kk_program_set_status (carried, KK_PROGRAM_STATUS_CONTINUING);
  kk_program_set_previous_name (carried, NULL);
  kk_program_set_previous_budget (carried, kk_program_get_budget (program));
  kk_program_set_review_state (carried, KK_REVIEW_STATE_DRAFT);
  return carried;
}

/* Adds to @self a copy of @sheet of @plan with its programs carried, noting
 * in @carried the copy of each program. */
static void
kk_plan_carry_sheet (KkPlan     *self,
                     KkPlan     *plan,
                     KkSheet    *sheet,
                     GHashTable *carried)
{
  g_autoptr(KkSheet) copy = kk_sheet_copy (sheet);
  g_autoptr(GPtrArray) divisions =
    kk_store_get_copies (plan->divisions, self->divisions, kk_sheet_get_divisions (sheet));
  GListModel *programs = kk_sheet_get_programs (sheet);

  kk_sheet_set_divisions (copy, divisions);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      g_autoptr(KkProgram) program_copy = kk_plan_carry_program (self, plan, program);

      kk_sheet_add_program (copy, program_copy);
      g_hash_table_insert (carried, program, program_copy);
    }
  g_list_store_append (self->sheets, copy);
}

/**
 * kk_plan_new_next_year:
 * @plan: this year's plan
 *
 * The plan of the next fiscal year, carried from @plan as clerks start it:
 * titled as the year's plan (kk_plan_dup_default_title()), of the same
 * organization, funding sources, pillars and divisions, with every program
 * and sheet of @plan. A program keeps its number, name, pillar, funding,
 * divisions, texts and every KPI figure; it continues, under the same name,
 * with this year's budget as its previous budget and as its budget until
 * revised, and is a draft (作成中) until reviewed for the new year.
 * Programs that share a sheet share its copy. The new plan records
 * @plan as its origin. Neither the month of issue nor the corrections of
 * @plan's source document are carried: they belong to @plan's document.
 *
 * Returns: (transfer full): the new plan, with nothing to undo, or %NULL
 *   when @plan is of the last fiscal year a plan can be of
 */
KkPlan *
kk_plan_new_next_year (KkPlan  *plan,
                       GError **error)
{
  g_autoptr(KkPlan) self = NULL;
  g_autoptr(GHashTable) carried = NULL;
  g_autofree char *title = NULL;
  GListModel *sheets;
  GListModel *programs;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (plan->fiscal_year >= KK_FISCAL_YEAR_MAX)
    {
      g_set_error (error, KK_PLAN_ERROR, KK_PLAN_ERROR_NO_NEXT_YEAR,
                   _("The plan is of fiscal year %d, the last one a plan can be of"),
                   plan->fiscal_year);
      return NULL;
    }

  self = kk_plan_new ();
  title = kk_plan_dup_default_title (plan->fiscal_year + 1);
  kk_plan_set_fiscal_year (self, plan->fiscal_year + 1);
  kk_plan_set_organization (self, plan->organization);
  kk_plan_set_title (self, title);
  kk_plan_set_origin_fiscal_year (self, plan->fiscal_year);
  kk_plan_set_origin_title (self, plan->title);
  kk_plan_copy_items (plan->funding_sources, self->funding_sources);
  kk_plan_copy_items (plan->pillars, self->pillars);
  kk_plan_copy_items (plan->divisions, self->divisions);

  carried = g_hash_table_new (NULL, NULL);
  sheets = G_LIST_MODEL (plan->sheets);
  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);

      kk_plan_carry_sheet (self, plan, sheet, carried);
    }
  programs = G_LIST_MODEL (plan->programs);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      g_list_store_append (self->programs, g_hash_table_lookup (carried, program));
    }
  return g_steal_pointer (&self);
}

int
kk_plan_get_fiscal_year (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), 0);
  return self->fiscal_year;
}

void
kk_plan_set_fiscal_year (KkPlan *self,
                         int     fiscal_year)
{
  g_return_if_fail (KK_IS_PLAN (self));

  if (self->fiscal_year == fiscal_year)
    return;
  self->fiscal_year = fiscal_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FISCAL_YEAR]);
}

const char *
kk_plan_get_organization (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return self->organization;
}

void
kk_plan_set_organization (KkPlan     *self,
                          const char *organization)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (organization != NULL);
  kk_update_string (self, &self->organization, organization, properties[PROP_ORGANIZATION]);
}

const char *
kk_plan_get_title (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return self->title;
}

void
kk_plan_set_title (KkPlan     *self,
                   const char *title)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (title != NULL);
  kk_update_string (self, &self->title, title, properties[PROP_TITLE]);
}

const char *
kk_plan_get_issued (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return self->issued;
}

void
kk_plan_set_issued (KkPlan     *self,
                    const char *issued)
{
  g_return_if_fail (KK_IS_PLAN (self));
  kk_update_string (self, &self->issued, issued, properties[PROP_ISSUED]);
}

int
kk_plan_get_origin_fiscal_year (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), 0);
  return self->origin_fiscal_year;
}

void
kk_plan_set_origin_fiscal_year (KkPlan *self,
                                int     fiscal_year)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (fiscal_year >= 0 && fiscal_year <= KK_FISCAL_YEAR_MAX);

  if (self->origin_fiscal_year == fiscal_year)
    return;
  self->origin_fiscal_year = fiscal_year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORIGIN_FISCAL_YEAR]);
}

const char *
kk_plan_get_origin_title (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return self->origin_title;
}

void
kk_plan_set_origin_title (KkPlan     *self,
                          const char *title)
{
  g_return_if_fail (KK_IS_PLAN (self));
  kk_update_string (self, &self->origin_title, title, properties[PROP_ORIGIN_TITLE]);
}

GListModel *
kk_plan_get_funding_sources (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->funding_sources);
}

GListModel *
kk_plan_get_pillars (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->pillars);
}

GListModel *
kk_plan_get_divisions (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->divisions);
}

GListModel *
kk_plan_get_programs (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->programs);
}

GListModel *
kk_plan_get_sheets (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->sheets);
}

GListModel *
kk_plan_get_corrections (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return G_LIST_MODEL (self->corrections);
}

void
kk_plan_add_funding (KkPlan    *self,
                     KkFunding *funding)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (KK_IS_FUNDING (funding));
  g_list_store_append (self->funding_sources, funding);
}

void
kk_plan_add_pillar (KkPlan   *self,
                    KkPillar *pillar)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (KK_IS_PILLAR (pillar));
  g_list_store_append (self->pillars, pillar);
}

void
kk_plan_add_division (KkPlan     *self,
                      KkDivision *division)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (KK_IS_DIVISION (division));
  g_list_store_append (self->divisions, division);
}

void
kk_plan_add_program (KkPlan    *self,
                     KkProgram *program)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (KK_IS_PROGRAM (program));
  g_list_store_append (self->programs, program);
}

void
kk_plan_add_sheet (KkPlan  *self,
                   KkSheet *sheet)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (KK_IS_SHEET (sheet));
  g_list_store_append (self->sheets, sheet);
}

void
kk_plan_add_correction (KkPlan       *self,
                        KkCorrection *correction)
{
  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (KK_IS_CORRECTION (correction));
  g_list_store_append (self->corrections, correction);
}

typedef gboolean (*KkMatchFunc) (gpointer item, gconstpointer key);

/* The plans are small (tens of programs), so look-ups scan the lists. */
static gpointer
kk_plan_find (GListStore    *store,
              KkMatchFunc    match,
              gconstpointer  key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);

      if (match (item, key))
        return item;
    }
  return NULL;
}

static gboolean
kk_funding_has_code (gpointer      item,
                     gconstpointer code)
{
  return g_strcmp0 (kk_funding_get_code (item), code) == 0;
}

static gboolean
kk_pillar_has_number (gpointer      item,
                      gconstpointer number)
{
  return kk_pillar_get_number (item) == GPOINTER_TO_UINT (number);
}

static gboolean
kk_division_has_name (gpointer      item,
                      gconstpointer name)
{
  return g_strcmp0 (kk_division_get_name (item), name) == 0;
}

static gboolean
kk_program_has_number (gpointer      item,
                       gconstpointer number)
{
  return kk_program_get_number (item) == GPOINTER_TO_UINT (number);
}

/**
 * kk_plan_find_funding:
 *
 * Returns: (transfer none) (nullable): the funding source with that code
 */
KkFunding *
kk_plan_find_funding (KkPlan     *self,
                      const char *code)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return kk_plan_find (self->funding_sources, kk_funding_has_code, code);
}

/**
 * kk_plan_find_pillar:
 *
 * Returns: (transfer none) (nullable): the pillar with that number
 */
KkPillar *
kk_plan_find_pillar (KkPlan *self,
                     guint   number)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return kk_plan_find (self->pillars, kk_pillar_has_number, GUINT_TO_POINTER (number));
}

/**
 * kk_plan_find_division:
 *
 * Returns: (transfer none) (nullable): the division with that name
 */
KkDivision *
kk_plan_find_division (KkPlan     *self,
                       const char *name)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return kk_plan_find (self->divisions, kk_division_has_name, name);
}

/**
 * kk_plan_find_program:
 *
 * Returns: (transfer none) (nullable): the program with that number
 */
KkProgram *
kk_plan_find_program (KkPlan *self,
                      guint   number)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return kk_plan_find (self->programs, kk_program_has_number, GUINT_TO_POINTER (number));
}

/**
 * kk_plan_foreach_kpi_value:
 * @func: (scope call): called for each figure
 *
 * Calls @func for every figure of every KPI, sheet by sheet in the plan's
 * order, each KPI's figures in their order: the rows of a table of figures.
 */
void
kk_plan_foreach_kpi_value (KkPlan         *self,
                           KkKpiValueFunc  func,
                           gpointer        user_data)
{
  GListModel *sheets;

  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (func != NULL);

  sheets = G_LIST_MODEL (self->sheets);
  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);
      GListModel *kpis = kk_sheet_get_kpis (sheet);

      for (guint j = 0; j < g_list_model_get_n_items (kpis); j++)
        {
          g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, j);
          GListModel *values = kk_kpi_get_values (kpi);

          for (guint k = 0; k < g_list_model_get_n_items (values); k++)
            {
              g_autoptr(KkKpiValue) value = g_list_model_get_item (values, k);

              func (sheet, kpi, value, user_data);
            }
        }
    }
}

/**
 * kk_plan_get_history:
 *
 * Returns: (transfer none): the record of edits, for undo and redo
 */
KkHistory *
kk_plan_get_history (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  return self->history;
}

gboolean
kk_plan_get_dirty (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), FALSE);
  return kk_history_get_dirty (self->history);
}

/**
 * kk_plan_edit_value:
 * @object: the plan or one of its objects
 *
 * Changes a property the way a user does: the change is recorded for undo and
 * marks the plan dirty.
 *
 * Returns: %TRUE when the value changed
 */
gboolean
kk_plan_edit_value (KkPlan       *self,
                    gpointer      object,
                    const char   *property,
                    const GValue *value)
{
  g_return_val_if_fail (KK_IS_PLAN (self), FALSE);
  return kk_history_set_property (self->history, object, property, value, KK_HISTORY_STEP);
}

/**
 * kk_plan_edit_typing:
 *
 * kk_plan_edit_value() for a value being typed: as long as the typing goes on
 * into the same property, undo takes it back as one step.
 *
 * Returns: %TRUE when the value changed
 */
gboolean
kk_plan_edit_typing (KkPlan       *self,
                     gpointer      object,
                     const char   *property,
                     const GValue *value)
{
  g_return_val_if_fail (KK_IS_PLAN (self), FALSE);
  return kk_history_set_property (self->history, object, property, value, KK_HISTORY_MERGE);
}

/**
 * kk_plan_edit:
 * @...: the new value, of the property's type
 *
 * kk_plan_edit_value() with the value given as in g_object_set().
 */
gboolean
kk_plan_edit (KkPlan     *self,
              gpointer    object,
              const char *property,
              ...)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *error = NULL;
  GParamSpec *pspec;
  va_list args;

  g_return_val_if_fail (KK_IS_PLAN (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_return_val_if_fail (pspec != NULL, FALSE);

  va_start (args, property);
  G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &error);
  va_end (args);
  g_return_val_if_fail (error == NULL, FALSE);

  return kk_plan_edit_value (self, object, property, &value);
}

/**
 * kk_plan_is_choice:
 * @object: an object a #KkHistory::changed names
 *
 * Whether a change to @object changes the pillars or divisions a program
 * can be given: one of them, or the list of them. Views that offer them as
 * choices fill them again.
 *
 * Returns: %TRUE for a pillar, a division or the plan's lists of them
 */
gboolean
kk_plan_is_choice (KkPlan  *self,
                   GObject *object)
{
  g_return_val_if_fail (KK_IS_PLAN (self), FALSE);

  return KK_IS_PILLAR (object) || KK_IS_DIVISION (object) ||
         object == G_OBJECT (self->pillars) || object == G_OBJECT (self->divisions);
}

/* ------------------------------------------------------------------------ */
/* Changes of structure, each one step of undo                              */

static void
kk_plan_insert (KkPlan     *self,
                GListStore *store,
                guint       position,
                gpointer    item)
{
  kk_history_insert_item (self->history, store, position, item);
}

static guint
kk_plan_position_after (GListStore *store,
                        gpointer    item)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GObject) last = n_items > 0 ? g_list_model_get_item (G_LIST_MODEL (store),
                                                                  n_items - 1) : NULL;
  guint position;

  /* Programs added one after the other (a CSV import of thousands) each go
   * after the last: found without walking the others. */
  if (item == NULL || item == (gpointer)last)
    return n_items;
  if (g_list_store_find (store, item, &position))
    return position + 1;
  return n_items;
}

/* One more than the highest "number" of the items of @store. */
static guint
kk_store_next_number (GListStore *store)
{
  guint highest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      guint number;

      g_object_get (item, "number", &number, NULL);
      highest = MAX (highest, number);
    }
  return highest + 1;
}

/**
 * kk_plan_get_next_program_number:
 *
 * Returns: a number higher than that of every program
 */
guint
kk_plan_get_next_program_number (KkPlan *self)
{
  g_return_val_if_fail (KK_IS_PLAN (self), 1);
  return kk_store_next_number (self->programs);
}

/* Adds @program after @after, on @sheet of its own placed after the sheet of
 * @after, as one step. */
static void
kk_plan_insert_program (KkPlan    *self,
                        KkProgram *program,
                        KkSheet   *sheet,
                        KkProgram *after)
{
  KkSheet *after_sheet = after ? kk_program_get_sheet (after) : NULL;

  kk_sheet_add_program (sheet, program);
  kk_history_begin_group (self->history);
  kk_plan_insert (self, self->programs, kk_plan_position_after (self->programs, after), program);
  kk_plan_insert (self, self->sheets, kk_plan_position_after (self->sheets, after_sheet), sheet);
  kk_history_end_group (self->history);
}

static gpointer
kk_plan_first (GListStore *store)
{
  return g_list_model_get_n_items (G_LIST_MODEL (store)) > 0
         ? g_list_model_get_item (G_LIST_MODEL (store), 0) : NULL;
}

/**
 * kk_plan_create_program_numbered:
 * @after: (nullable): the program after which the new one goes, whose pillar,
 *   funding and division it takes; %NULL for the end and the first of each
 * @number: the new program's number, which no program of the plan has
 * @name: the new program's name
 *
 * Adds a new program with a sheet of its own, as a draft (作成中) of the
 * year's review.
 *
 * Returns: (transfer none) (nullable): the new program, or %NULL when the
 *   plan has no pillar, funding source or division to give it
 */
KkProgram *
kk_plan_create_program_numbered (KkPlan     *self,
                                 KkProgram  *after,
                                 guint       number,
                                 const char *name)
{
  g_autoptr(KkPillar) first_pillar = NULL;
  g_autoptr(KkFunding) first_funding = NULL;
  g_autoptr(KkDivision) first_division = NULL;
  g_autoptr(KkProgram) program = NULL;
  g_autoptr(KkSheet) sheet = NULL;
  g_autoptr(GPtrArray) funding = NULL;
  g_autoptr(GPtrArray) divisions = NULL;
  KkDivision *lead;

  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  g_return_val_if_fail (after == NULL || KK_IS_PROGRAM (after), NULL);
  g_return_val_if_fail (number > 0, NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  first_pillar = kk_plan_first (self->pillars);
  first_funding = kk_plan_first (self->funding_sources);
  first_division = kk_plan_first (self->divisions);
  if (first_pillar == NULL || first_funding == NULL || first_division == NULL)
    return NULL;

  program = kk_program_new (number, name);
  kk_program_set_status (program, KK_PROGRAM_STATUS_NEW);
  kk_program_set_review_state (program, KK_REVIEW_STATE_DRAFT);
  kk_program_set_pillar (program, after ? kk_program_get_pillar (after) : first_pillar);
  funding = after ? kk_object_array_copy (kk_program_get_funding (after)) : g_ptr_array_new ();
  if (after == NULL)
    g_ptr_array_add (funding, first_funding);
  kk_program_set_funding (program, funding);
  lead = after ? kk_program_get_lead_division (after) : first_division;
  kk_program_set_lead_division (program, lead);

  sheet = kk_sheet_new ();
  divisions = g_ptr_array_new ();
  g_ptr_array_add (divisions, lead);
  kk_sheet_set_divisions (sheet, divisions);

  kk_plan_insert_program (self, program, sheet, after);
  return program;
}

/**
 * kk_plan_create_program:
 *
 * kk_plan_create_program_numbered() with a number after all others.
 *
 * Returns: (transfer none) (nullable): the new program, or %NULL when the
 *   plan has no pillar, funding source or division to give it
 */
KkProgram *
kk_plan_create_program (KkPlan     *self,
                        KkProgram  *after,
                        const char *name)
{
  g_return_val_if_fail (KK_IS_PLAN (self), NULL);

  return kk_plan_create_program_numbered (self, after, kk_plan_get_next_program_number (self),
                                          name);
}

/**
 * kk_plan_duplicate_program:
 * @name: the copy's name
 *
 * Adds a copy of @program after it, with the next free number, as a draft
 * (作成中) of the year's review, and a copy of its sheet with every text and
 * KPI.
 *
 * Returns: (transfer none): the copy
 */
KkProgram *
kk_plan_duplicate_program (KkPlan     *self,
                           KkProgram  *program,
                           const char *name)
{
  g_autoptr(KkProgram) copy = NULL;
  g_autoptr(KkSheet) sheet = NULL;

  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  g_return_val_if_fail (KK_IS_PROGRAM (program), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  copy = kk_object_copy (program);
  kk_program_set_number (copy, kk_plan_get_next_program_number (self));
  kk_program_set_name (copy, name);
  kk_program_set_review_state (copy, KK_REVIEW_STATE_DRAFT);
  sheet = kk_sheet_copy (kk_program_get_sheet (program));

  kk_plan_insert_program (self, copy, sheet, program);
  return copy;
}

static void
kk_plan_remove (KkPlan     *self,
                GListStore *store,
                gpointer    item)
{
  guint position;

  if (g_list_store_find (store, item, &position))
    kk_history_remove_item (self->history, store, position);
}

/**
 * kk_plan_delete_program:
 *
 * Removes @program from the plan and from its sheet, and the sheet too when
 * no other program shares it, as one step.
 */
void
kk_plan_delete_program (KkPlan    *self,
                        KkProgram *program)
{
  KkSheet *sheet;

  g_return_if_fail (KK_IS_PLAN (self));
  g_return_if_fail (KK_IS_PROGRAM (program));

  sheet = kk_program_get_sheet (program);
  kk_history_begin_group (self->history);
  kk_plan_remove (self, self->programs, program);
  if (sheet != NULL)
    {
      kk_plan_remove (self, G_LIST_STORE (kk_sheet_get_programs (sheet)), program);
      if (g_list_model_get_n_items (kk_sheet_get_programs (sheet)) == 0)
        kk_plan_remove (self, self->sheets, sheet);
    }
  kk_history_end_group (self->history);
}

/**
 * kk_plan_renumber_programs:
 *
 * Numbers the programs 1, 2, 3… in the order of the plan, as one step.
 */
void
kk_plan_renumber_programs (KkPlan *self)
{
  GListModel *programs;

  g_return_if_fail (KK_IS_PLAN (self));

  programs = G_LIST_MODEL (self->programs);
  kk_history_begin_group (self->history);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);

      kk_plan_edit (self, program, "number", i + 1);
    }
  kk_history_end_group (self->history);
}

/**
 * kk_plan_create_division:
 * @name: a name no division of the plan has
 *
 * Returns: (transfer none): the new division, last in the plan's list
 */
KkDivision *
kk_plan_create_division (KkPlan     *self,
                         const char *name)
{
  g_autoptr(KkDivision) division = NULL;

  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);
  g_return_val_if_fail (kk_plan_find_division (self, name) == NULL, NULL);

  division = kk_division_new (name);
  kk_plan_insert (self, self->divisions, g_list_model_get_n_items (G_LIST_MODEL (self->divisions)),
                  division);
  return division;
}

/**
 * kk_plan_create_pillar:
 * @name: the pillar's name
 *
 * Returns: (transfer none): the new pillar, numbered after all others
 */
KkPillar *
kk_plan_create_pillar (KkPlan     *self,
                       const char *name)
{
  g_autoptr(KkPillar) pillar = NULL;

  g_return_val_if_fail (KK_IS_PLAN (self), NULL);
  g_return_val_if_fail (name != NULL && *name != '\0', NULL);

  pillar = kk_pillar_new (kk_store_next_number (self->pillars), name);
  kk_plan_insert (self, self->pillars, g_list_model_get_n_items (G_LIST_MODEL (self->pillars)),
                  pillar);
  return pillar;
}
