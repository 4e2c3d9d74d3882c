/* kk-check.c: the consistency check of a plan
 *
 * A plan that loads is well formed; this finds what is well formed and yet
 * most likely wrong, the mistakes a clerk checking the whole plan looks for.
 * The checks are one table, kk_checks[]: each entry names its check, says
 * how much its findings matter, and gives a function called on every item
 * of one scope (each program, each KPI, each figure, or the plan once).
 * Adding a check is adding a function and a line to the table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "kk-check.h"
#include "kk-format.h"

typedef enum
{
  KK_SCOPE_PLAN,
  KK_SCOPE_PROGRAM,
  KK_SCOPE_KPI,
  KK_SCOPE_VALUE,
} KkScope;

typedef struct _KkChecker KkChecker;

typedef void (*KkCheckFunc) (KkChecker *checker,
                             gpointer   item);

typedef struct
{
  const char *name;
  KkSeverity severity;
  KkScope scope;
  KkCheckFunc run;
} KkCheck;

/* A finding and the order it was found in, which breaks ties. */
typedef struct
{
  KkFinding *finding;
  guint number;
  guint sequence;
} KkFound;

struct _KkChecker
{
  KkPlan *plan;
  GArray *found;
  const KkCheck *check;
  /* Where the KPI and value checks are: the sheet, its first program and
   * the place of the KPI in words. */
  KkSheet *sheet;
  KkProgram *sheet_program;
  KkKpi *kpi;
  char *kpi_place;
  /* The pillars, divisions and funding sources some program uses, made
   * when a check first asks. */
  GHashTable *used;
};

/* ------------------------------------------------------------------------ */
/* Findings                                                                 */

static void
kk_checker_add (KkChecker  *checker,
                KkProgram  *program,
                gpointer    subject,
                const char *field,
                const char *place,
                const char *message)
{
  KkFound found = {
    .finding = kk_finding_new (checker->check->name, checker->check->severity, program, subject,
                               field, place, message),
    /* The plan's lists go last. */
    .number = program ? kk_program_get_number (program) : G_MAXUINT,
    .sequence = checker->found->len,
  };

  g_array_append_val (checker->found, found);
}

static void
kk_checker_add_program (KkChecker  *checker,
                        KkProgram  *program,
                        const char *field,
                        const char *label,
                        const char *message)
{
  g_autofree char *place = g_strdup_printf ("【%u】 %s", kk_program_get_number (program), label);

  kk_checker_add (checker, program, program, field, place, message);
}

static void
kk_checker_add_kpi (KkChecker  *checker,
                    const char *field,
                    const char *label,
                    const char *message)
{
  g_autofree char *place = g_strdup_printf ("%s › %s", checker->kpi_place, label);

  kk_checker_add (checker, checker->sheet_program, checker->kpi, field, place, message);
}

static const char *
kk_kind_label (KkKpiKind kind)
{
  switch (kind)
    {
    case KK_KPI_KIND_PLAN: return C_("KPI figure", "Plan");
    case KK_KPI_KIND_TARGET: return C_("KPI figure", "Target");
    case KK_KPI_KIND_ACTUAL: return C_("KPI figure", "Actual");
    case KK_KPI_KIND_FORECAST: return C_("KPI figure", "Forecast");
    default: g_assert_not_reached ();
    }
}

static void
kk_checker_add_value (KkChecker  *checker,
                      KkKpiValue *value,
                      const char *field,
                      const char *label,
                      const char *message)
{
  g_autofree char *year = kk_format_fiscal_year (kk_kpi_value_get_fiscal_year (value));
  g_autofree char *place = g_strdup_printf ("%s › %s %s › %s", checker->kpi_place, year,
                                            kk_kind_label (kk_kpi_value_get_kind (value)), label);

  kk_checker_add (checker, checker->sheet_program, value, field, place, message);
}

/* ------------------------------------------------------------------------ */
/* Programs                                                                 */

static void
kk_check_previous_budget_missing (KkChecker *checker,
                                  gpointer   item)
{
  KkProgram *program = item;

  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_CONTINUING &&
      kk_program_get_previous_budget (program) == 0)
    kk_checker_add_program (checker, program, "previous-budget", _("Last year’s budget"),
                            _("A continuing program has no budget for last year."));
}

static void
kk_check_budget_zero (KkChecker *checker,
                      gpointer   item)
{
  KkProgram *program = item;

  if (kk_program_get_budget (program) == 0)
    kk_checker_add_program (checker, program, "budget", _("Budget"), _("The budget is 0."));
}

static void
kk_check_new_with_previous_budget (KkChecker *checker,
                                   gpointer   item)
{
  KkProgram *program = item;

  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW &&
      kk_program_get_previous_budget (program) != 0)
    kk_checker_add_program (checker, program, "previous-budget", _("Last year’s budget"),
                            _("A new program has a budget for last year, which is neither "
                              "counted nor saved: make the program continuing or clear it."));
}

/* The plan prints 同上 for a name that did not change: the field stays
 * empty for it (docs/file-format.md), rather than repeating the name or
 * holding the word. */
static void
kk_check_previous_name_same (KkChecker *checker,
                             gpointer   item)
{
  KkProgram *program = item;
  const char *previous_name = kk_program_get_previous_name (program);

  if (previous_name == NULL || *previous_name == '\0')
    return;
  if (g_strcmp0 (previous_name, kk_program_get_name (program)) == 0 ||
      g_strcmp0 (previous_name, "同上") == 0)
    kk_checker_add_program (checker, program, "previous-name",
                            _("Last year’s name"),
                            _("Last year’s name is the name itself: leave it empty, and the "
                              "plan prints 同上."));
}

static void
kk_check_lead_division_on_sheet (KkChecker *checker,
                                 gpointer   item)
{
  KkProgram *program = item;
  KkDivision *lead = kk_program_get_lead_division (program);
  GPtrArray *divisions = kk_sheet_get_divisions (kk_program_get_sheet (program));
  g_autofree char *message = NULL;

  if (lead == NULL || g_ptr_array_find (divisions, lead, NULL))
    return;
  message = g_strdup_printf (_("The lead division %s is not among the divisions of the sheet."),
                             kk_division_get_name (lead));
  kk_checker_add_program (checker, program, "lead-division", _("Lead division"), message);
}

static void
kk_check_not_confirmed (KkChecker *checker,
                        gpointer   item)
{
  KkProgram *program = item;

  if (kk_program_get_review_state (program) != KK_REVIEW_STATE_CONFIRMED)
    kk_checker_add_program (checker, program, "review-state", C_("finding", "Review state"),
                            _("The program is not confirmed yet."));
}

/* ------------------------------------------------------------------------ */
/* The plan                                                                 */

static char *
kk_dup_numbers_label (GPtrArray *programs)
{
  GString *label = g_string_new (NULL);

  for (guint i = 0; i < programs->len; i++)
    g_string_append_printf (label, "%s%u", i > 0 ? "・" : "",
                            kk_program_get_number (g_ptr_array_index (programs, i)));
  return g_string_free (label, FALSE);
}

/* Each program whose name another has too. */
static void
kk_check_duplicate_names (KkChecker *checker,
                          gpointer   item)
{
  GListModel *programs = kk_plan_get_programs (checker->plan);
  guint n = g_list_model_get_n_items (programs);
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      const char *name = kk_program_get_name (program);
      GPtrArray *same = g_hash_table_lookup (by_name, name);

      if (same == NULL)
        {
          same = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_name, (gpointer)name, same);
        }
      g_ptr_array_add (same, g_object_ref (program));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      GPtrArray *same = g_hash_table_lookup (by_name, kk_program_get_name (program));
      g_autofree char *numbers = NULL;
      g_autofree char *message = NULL;

      if (same->len < 2)
        continue;
      numbers = kk_dup_numbers_label (same);
      message = g_strdup_printf (_("Programs %s have the same name."), numbers);
      kk_checker_add_program (checker, program, "name", _("Name"), message);
    }
}

static GHashTable *
kk_checker_get_used (KkChecker *checker)
{
  GListModel *programs = kk_plan_get_programs (checker->plan);

  if (checker->used != NULL)
    return checker->used;
  checker->used = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (programs); i++)
    {
      g_autoptr(KkProgram) program = g_list_model_get_item (programs, i);
      GPtrArray *funding = kk_program_get_funding (program);
      GPtrArray *divisions = kk_sheet_get_divisions (kk_program_get_sheet (program));

      g_hash_table_add (checker->used, kk_program_get_pillar (program));
      g_hash_table_add (checker->used, kk_program_get_lead_division (program));
      for (guint j = 0; j < funding->len; j++)
        g_hash_table_add (checker->used, g_ptr_array_index (funding, j));
      for (guint j = 0; j < divisions->len; j++)
        g_hash_table_add (checker->used, g_ptr_array_index (divisions, j));
    }
  return checker->used;
}

static void
kk_checker_find_unused (KkChecker   *checker,
                        GListModel  *choices,
                        const char  *field,
                        char      *(*dup_place) (gpointer choice),
                        const char  *message)
{
  GHashTable *used = kk_checker_get_used (checker);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (choices, i);
      g_autofree char *place = NULL;

      if (g_hash_table_contains (used, choice))
        continue;
      place = dup_place (choice);
      kk_checker_add (checker, NULL, choice, field, place, message);
    }
}

static char *
kk_dup_pillar_place (gpointer pillar)
{
  return g_strdup_printf (_("Pillar %u %s"), kk_pillar_get_number (pillar),
                          kk_pillar_get_name (pillar));
}

static char *
kk_dup_division_place (gpointer division)
{
  return g_strdup_printf (_("Division %s"), kk_division_get_name (division));
}

static char *
kk_dup_funding_place (gpointer funding)
{
  return g_strdup_printf (_("Funding %s (%s)"), kk_funding_get_code (funding),
                          kk_funding_get_name (funding));
}

static void
kk_check_unused_pillars (KkChecker *checker,
                         gpointer   item)
{
  kk_checker_find_unused (checker, kk_plan_get_pillars (checker->plan), "name",
                          kk_dup_pillar_place, _("No program is under this pillar."));
}

static void
kk_check_unused_divisions (KkChecker *checker,
                           gpointer   item)
{
  kk_checker_find_unused (checker, kk_plan_get_divisions (checker->plan), "name",
                          kk_dup_division_place, _("No program is in this division’s charge."));
}

static void
kk_check_unused_funding (KkChecker *checker,
                         gpointer   item)
{
  kk_checker_find_unused (checker, kk_plan_get_funding_sources (checker->plan), "name",
                          kk_dup_funding_place, _("No program is funded from this source."));
}

/* ------------------------------------------------------------------------ */
/* KPIs and their figures                                                   */

static gboolean
kk_kpi_has_value (KkKpi   *kpi,
                  gboolean (*matches) (KkKpiValue *value, int fiscal_year),
                  int      fiscal_year)
{
  GListModel *values = kk_kpi_get_values (kpi);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) value = g_list_model_get_item (values, i);

      if (matches (value, fiscal_year))
        return TRUE;
    }
  return FALSE;
}

static gboolean
kk_value_is_of_year (KkKpiValue *value,
                     int         fiscal_year)
{
  return kk_kpi_value_get_fiscal_year (value) == fiscal_year;
}

static gboolean
kk_value_is_goal (KkKpiValue *value)
{
  KkKpiKind kind = kk_kpi_value_get_kind (value);

  return kind == KK_KPI_KIND_TARGET || kind == KK_KPI_KIND_PLAN;
}

static gboolean
kk_value_is_goal_of_year (KkKpiValue *value,
                          int         fiscal_year)
{
  return kk_value_is_goal (value) && kk_value_is_of_year (value, fiscal_year);
}

static gboolean
kk_value_is_any_goal (KkKpiValue *value,
                      int         fiscal_year)
{
  return kk_value_is_goal (value);
}

/* A KPI with figures of the plan's year (an actual already known, a
 * forecast) and no target or plan for it: the year's column lacks what the
 * plan is for. KPIs that stop at an earlier year are left alone: the plan
 * may state this year's aim in words (programs 2 and 3 of the FY2024
 * plan do, under the table). A target written only in words (未定) is a
 * target. */
static void
kk_check_missing_target (KkChecker *checker,
                         gpointer   item)
{
  KkKpi *kpi = item;
  int fiscal_year = kk_plan_get_fiscal_year (checker->plan);
  g_autofree char *year = NULL;
  g_autofree char *message = NULL;

  if (!kk_kpi_has_value (kpi, kk_value_is_of_year, fiscal_year) ||
      kk_kpi_has_value (kpi, kk_value_is_goal_of_year, fiscal_year))
    return;
  year = kk_format_fiscal_year (fiscal_year);
  message = g_strdup_printf (_("The KPI has figures for %s but no target for it."), year);
  kk_checker_add_kpi (checker, "values", _("Figures"), message);
}

/* 以上 and 以下 say how a target or a plan is met; on a KPI with neither
 * they would qualify its actuals. */
static void
kk_check_comparator_without_target (KkChecker *checker,
                                    gpointer   item)
{
  KkKpi *kpi = item;

  if (kk_kpi_get_comparator (kpi) == KK_COMPARATOR_EXACT ||
      kk_kpi_has_value (kpi, kk_value_is_any_goal, 0))
    return;
  kk_checker_add_kpi (checker, "comparator", _("How a target is met"),
                      _("“At least” and “at most” qualify targets and plans, and this KPI has "
                        "only actuals and forecasts."));
}

/* An actual or a forecast is the figure reached; 以上/以下 typed beside it
 * is a target's word in the wrong column. */
static void
kk_check_comparator_on_actual (KkChecker *checker,
                               gpointer   item)
{
  KkKpiValue *value = item;
  const char *note = kk_kpi_value_get_note (value);

  if (kk_value_is_goal (value) || note == NULL ||
      (strstr (note, "以上") == NULL && strstr (note, "以下") == NULL))
    return;
  kk_checker_add_value (checker, value, "note", _("Note"),
                        _("An actual or a forecast is what was reached: 以上 and 以下 belong to "
                          "targets and plans."));
}

/* A KPI has one figure of each year and kind: of two, a table prints both
 * and achievement reads only the first. Changing a figure's year or kind
 * may make one twice, which the editor allows on the way to another. */
static void
kk_check_figure_twice (KkChecker *checker,
                       gpointer   item)
{
  KkKpiValue *value = item;
  GListModel *values = kk_kpi_get_values (checker->kpi);

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(KkKpiValue) other = g_list_model_get_item (values, i);

      if (other == value)
        return;
      if (kk_kpi_value_get_fiscal_year (other) == kk_kpi_value_get_fiscal_year (value) &&
          kk_kpi_value_get_kind (other) == kk_kpi_value_get_kind (value))
        {
          kk_checker_add_value (checker, value, "kind", _("Kind of figure"),
                                _("The KPI has another figure of this year and kind."));
          return;
        }
    }
}

/* Figures stand at a date of the year before the plan's, when the plan is
 * written (令和6年1月末現在 in the FY2024 plan). */
static void
kk_check_as_of_in_previous_year (KkChecker *checker,
                                 gpointer   item)
{
  KkKpiValue *value = item;
  const char *as_of = kk_kpi_value_get_as_of (value);
  int previous = kk_plan_get_fiscal_year (checker->plan) - 1;
  g_autofree char *first = g_strdup_printf ("%04d-04-01", previous);
  g_autofree char *last = g_strdup_printf ("%04d-03-31", previous + 1);
  g_autofree char *year = NULL;
  g_autofree char *message = NULL;

  /* Dates are YYYY-MM-DD: their order is that of their text. */
  if (as_of == NULL || (strcmp (as_of, first) >= 0 && strcmp (as_of, last) <= 0))
    return;
  year = kk_format_fiscal_year (previous);
  message = g_strdup_printf (_("The figure is dated outside %s, the year before the plan's."),
                             year);
  kk_checker_add_value (checker, value, "as-of", _("As of"), message);
}

static void
kk_check_as_of_after_issue (KkChecker *checker,
                            gpointer   item)
{
  KkKpiValue *value = item;
  const char *as_of = kk_kpi_value_get_as_of (value);
  const char *issued = kk_plan_get_issued (checker->plan);

  /* YYYY-MM-DD after YYYY-MM: its month is later. */
  if (as_of == NULL || issued == NULL || strncmp (as_of, issued, strlen (issued)) <= 0)
    return;
  kk_checker_add_value (checker, value, "as-of", _("As of"),
                        _("The figure is dated after the month the plan is issued."));
}

/* ------------------------------------------------------------------------ */
/* The table                                                                */

static const KkCheck kk_checks[] = {
  { "previous-budget-missing", KK_SEVERITY_WARNING, KK_SCOPE_PROGRAM,
    kk_check_previous_budget_missing },
  { "budget-zero", KK_SEVERITY_WARNING, KK_SCOPE_PROGRAM, kk_check_budget_zero },
  { "new-with-previous-budget", KK_SEVERITY_ERROR, KK_SCOPE_PROGRAM,
    kk_check_new_with_previous_budget },
  { "previous-name-same", KK_SEVERITY_WARNING, KK_SCOPE_PROGRAM, kk_check_previous_name_same },
  { "lead-division-not-on-sheet", KK_SEVERITY_ERROR, KK_SCOPE_PROGRAM,
    kk_check_lead_division_on_sheet },
  { "not-confirmed", KK_SEVERITY_NOTE, KK_SCOPE_PROGRAM, kk_check_not_confirmed },
  { "duplicate-name", KK_SEVERITY_ERROR, KK_SCOPE_PLAN, kk_check_duplicate_names },
  { "unused-pillar", KK_SEVERITY_NOTE, KK_SCOPE_PLAN, kk_check_unused_pillars },
  { "unused-division", KK_SEVERITY_NOTE, KK_SCOPE_PLAN, kk_check_unused_divisions },
  { "unused-funding", KK_SEVERITY_NOTE, KK_SCOPE_PLAN, kk_check_unused_funding },
  { "missing-target", KK_SEVERITY_WARNING, KK_SCOPE_KPI, kk_check_missing_target },
  { "comparator-without-target", KK_SEVERITY_WARNING, KK_SCOPE_KPI,
    kk_check_comparator_without_target },
  { "comparator-on-actual", KK_SEVERITY_WARNING, KK_SCOPE_VALUE, kk_check_comparator_on_actual },
  { "as-of-outside-previous-year", KK_SEVERITY_WARNING, KK_SCOPE_VALUE,
    kk_check_as_of_in_previous_year },
  { "as-of-after-issue", KK_SEVERITY_WARNING, KK_SCOPE_VALUE, kk_check_as_of_after_issue },
  { "figure-twice", KK_SEVERITY_ERROR, KK_SCOPE_VALUE, kk_check_figure_twice },
};

/* Runs every check of @scope on @item. */
static void
kk_checker_run_scope (KkChecker *checker,
                      KkScope    scope,
                      gpointer   item)
{
  for (guint i = 0; i < G_N_ELEMENTS (kk_checks); i++)
    {
      if (kk_checks[i].scope != scope)
        continue;
      checker->check = &kk_checks[i];
      kk_checks[i].run (checker, item);
    }
}

static void
kk_checker_walk_list (KkChecker  *checker,
                      GListModel *list,
                      KkScope     scope)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      kk_checker_run_scope (checker, scope, item);
    }
}

/* 【2】 1次対応相談件数(親族内) */
static void
kk_checker_enter_kpi (KkChecker *checker,
                      KkKpi     *kpi)
{
  g_autofree char *numbers = kk_sheet_dup_numbers_label (checker->sheet, "・");

  checker->kpi = kpi;
  g_free (checker->kpi_place);
  checker->kpi_place = g_strdup_printf ("【%s】 %s", numbers, kk_kpi_get_name (kpi));
}

static void
kk_checker_walk_sheet (KkChecker *checker,
                       KkSheet   *sheet)
{
  GListModel *kpis = kk_sheet_get_kpis (sheet);
  g_autoptr(KkProgram) first = g_list_model_get_item (kk_sheet_get_programs (sheet), 0);

  checker->sheet = sheet;
  checker->sheet_program = first;
  for (guint i = 0; i < g_list_model_get_n_items (kpis); i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);

      kk_checker_enter_kpi (checker, kpi);
      kk_checker_run_scope (checker, KK_SCOPE_KPI, kpi);
      kk_checker_walk_list (checker, kk_kpi_get_values (kpi), KK_SCOPE_VALUE);
    }
  checker->sheet = NULL;
  checker->sheet_program = NULL;
  checker->kpi = NULL;
  g_clear_pointer (&checker->kpi_place, g_free);
}

/* By program, the order found within a program. */
static int
kk_found_compare (gconstpointer a,
                  gconstpointer b)
{
  const KkFound *found_a = a;
  const KkFound *found_b = b;

  if (found_a->number != found_b->number)
    return found_a->number < found_b->number ? -1 : 1;
  return (found_a->sequence > found_b->sequence) - (found_a->sequence < found_b->sequence);
}

/**
 * kk_check_plan:
 * @plan: the plan to check
 *
 * Runs every check on @plan.
 *
 * Returns: (transfer full): a #GListStore of #KkFinding, by program
 */
GListModel *
kk_check_plan (KkPlan *plan)
{
  KkChecker checker = { .plan = plan };
  GListModel *sheets;
  GListStore *store;

  g_return_val_if_fail (KK_IS_PLAN (plan), NULL);

  checker.found = g_array_new (FALSE, FALSE, sizeof (KkFound));
  kk_checker_run_scope (&checker, KK_SCOPE_PLAN, plan);
  kk_checker_walk_list (&checker, kk_plan_get_programs (plan), KK_SCOPE_PROGRAM);
  sheets = kk_plan_get_sheets (plan);
  for (guint i = 0; i < g_list_model_get_n_items (sheets); i++)
    {
      g_autoptr(KkSheet) sheet = g_list_model_get_item (sheets, i);

      kk_checker_walk_sheet (&checker, sheet);
    }
  g_array_sort (checker.found, kk_found_compare);

  store = g_list_store_new (KK_TYPE_FINDING);
  for (guint i = 0; i < checker.found->len; i++)
    {
      g_autoptr(KkFinding) finding = g_array_index (checker.found, KkFound, i).finding;

      g_list_store_append (store, finding);
    }
  g_array_unref (checker.found);
  g_clear_pointer (&checker.used, g_hash_table_unref);
  return G_LIST_MODEL (store);
}
