/* kk-chart-data.c: the figures a chart shows, derived from the plan
 *
 * Everything here is worked out once per change of the plan, the filter or
 * the chart's settings, never per frame: labels, tooltips and the table are
 * written as the clerk reads them (千円, ▲, 令和5年度) and the values are
 * those of kk-totals, so that a chart always agrees with the lists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "Keikaku"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kk-chart-data.h"
#include "kk-format.h"
#include "kk-sheet.h"
#include "kk-totals.h"

/* A pillar, division or funding combination and what its programs add up to. */
typedef struct
{
  char *label;
  guint order;
  guint first;
  KkChartColor color;
  KkTotals totals;
} KkGroup;

static void
kk_group_free (KkGroup *group)
{
  g_free (group->label);
  g_free (group);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KkGroup, kk_group_free)

typedef void (*KkDescribeGroup) (const KkChartData *data,
                                 KkPlan            *plan,
                                 KkProgram         *program,
                                 KkGroup           *group);

static void
kk_chart_item_free (KkChartItem *item)
{
  g_free (item->label);
  g_free (item->value_label);
  g_free (item->tooltip);
  g_strfreev (item->cells);
  g_clear_object (&item->program);
  g_free (item);
}

static void
kk_chart_legend_entry_free (KkChartLegendEntry *entry)
{
  g_free (entry->label);
  g_free (entry);
}

void
kk_chart_data_free (KkChartData *data)
{
  g_free (data->unit);
  g_free (data->title);
  g_free (data->subtitle);
  g_free (data->note);
  g_free (data->empty_message);
  g_strfreev (data->headers);
  g_ptr_array_unref (data->items);
  g_ptr_array_unref (data->legend);
  g_free (data);
}

/* Takes @label; the caller fills in the texts. */
static KkChartItem *
kk_chart_data_add_item (KkChartData  *data,
                        char         *label,
                        double        value,
                        KkChartColor  color,
                        KkProgram    *program)
{
  KkChartItem *item = g_new0 (KkChartItem, 1);

  item->label = label;
  item->value = value;
  item->color = color;
  g_set_object (&item->program, program);
  g_ptr_array_add (data->items, item);
  return item;
}

static void
kk_chart_data_add_legend (KkChartData  *data,
                          const char   *label,
                          KkChartColor  color,
                          gboolean      is_line)
{
  KkChartLegendEntry *entry = g_new0 (KkChartLegendEntry, 1);

  entry->label = g_strdup (label);
  entry->color = color;
  entry->is_line = is_line;
  g_ptr_array_add (data->legend, entry);
}

static gboolean
kk_chart_data_has_color (KkChartData  *data,
                         KkChartColor  color)
{
  for (guint i = 0; i < data->items->len; i++)
    if (((KkChartItem *)g_ptr_array_index (data->items, i))->color == color)
      return TRUE;
  return FALSE;
}

/* A legend entry only for colours that some bar has. */
static void
kk_chart_data_add_legend_if_used (KkChartData  *data,
                                  const char   *label,
                                  KkChartColor  color)
{
  if (kk_chart_data_has_color (data, color))
    kk_chart_data_add_legend (data, label, color, FALSE);
}

/* Appends @line on a line of its own. */
static void
kk_chart_data_add_note (KkChartData *data,
                        const char  *line)
{
  char *note = data->note ? g_strconcat (data->note, "\n", line, NULL) : g_strdup (line);

  g_free (data->note);
  data->note = note;
}

static char ** G_GNUC_NULL_TERMINATED
kk_strv_new (const char *first,
             ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *s = first; s != NULL; s = va_arg (args, const char *))
    g_strv_builder_add (builder, s);
  va_end (args);
  return g_strv_builder_end (builder);
}

/* A word the chart draws: @word, translated, on screen; in a printed
 * document @plan_word, the plan's own (Japanese) whatever the interface
 * language, as every word of a report is (DESIGN §6). Tooltips and the
 * table of figures are only on screen and keep @word. */
static const char *
kk_word (const KkChartData *data,
         const char        *word,
         const char        *plan_word)
{
  return data->printed ? plan_word : word;
}

static char *
kk_dup_money (const KkChartData *data,
              gint64             amount)
{
  g_autofree char *figure = kk_format_thousand_yen (amount);

  /* Translators: an amount in thousand yen as the plan prints it: 319,750千円 */
  return g_strdup_printf (kk_word (data, _("%s k¥"), "%s千円"), figure);
}

static char *
kk_dup_percent (double ratio)
{
  return g_strdup_printf ("%.1f%%", ratio * 100);
}

static char *
kk_dup_share (gint64 part,
              gint64 whole)
{
  if (whole <= 0)
    return g_strdup ("—");
  return kk_dup_percent ((double)part / whole);
}

static char *
kk_dup_program_label (KkProgram *program)
{
  /* 【13】 is how the plan refers to its programs. */
  return g_strdup_printf ("【%u】%s", kk_program_get_number (program),
                          kk_program_get_name (program));
}

static char *
kk_dup_plan_name (KkPlan *plan)
{
  const char *title = kk_plan_get_title (plan);

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  return kk_format_fiscal_year (kk_plan_get_fiscal_year (plan));
}

static guint
kk_list_position (GListModel *list,
                  gpointer    item)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (list, i);

      if (object == item)
        return i;
    }
  return G_MAXUINT;
}

static GPtrArray *
kk_dup_programs (GListModel *model)
{
  guint n = model ? g_list_model_get_n_items (model) : 0;
  GPtrArray *programs = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (programs, g_list_model_get_item (model, i));
  return programs;
}

static int
kk_compare_amounts (gint64 a,
                    gint64 b)
{
  return (a < b) - (a > b);
}

static int
kk_compare_numbers (KkProgram *a,
                    KkProgram *b)
{
  guint na = kk_program_get_number (a);
  guint nb = kk_program_get_number (b);

  return (na > nb) - (na < nb);
}

/* Largest budget first; equal budgets in the plan's order. */
static int
kk_compare_budgets (gconstpointer a,
                    gconstpointer b)
{
  KkProgram *pa = *(KkProgram **)a;
  KkProgram *pb = *(KkProgram **)b;
  int order = kk_compare_amounts (kk_program_get_budget (pa), kk_program_get_budget (pb));

  return order != 0 ? order : kk_compare_numbers (pa, pb);
}

static int
kk_compare_differences (gconstpointer a,
                        gconstpointer b)
{
  KkProgram *pa = *(KkProgram **)a;
  KkProgram *pb = *(KkProgram **)b;
  int order = kk_compare_amounts (kk_program_get_difference (pa), kk_program_get_difference (pb));

  return order != 0 ? order : kk_compare_numbers (pa, pb);
}

static int
kk_compare_changes (gconstpointer a,
                    gconstpointer b)
{
  KkProgram *pa = *(KkProgram **)a;
  KkProgram *pb = *(KkProgram **)b;
  int order = kk_compare_amounts (ABS (kk_program_get_difference (pa)),
                                  ABS (kk_program_get_difference (pb)));

  return order != 0 ? order : kk_compare_numbers (pa, pb);
}

/* How many of @n programs get a bar of their own: an "others" bar for a
 * single program would only hide its name. */
static guint
kk_n_shown (guint n,
            guint max_bars)
{
  return max_bars == 0 || n <= max_bars + 1 ? n : max_bars;
}

static char *
kk_dup_pillar_label (const KkChartData *data,
                     KkPillar          *pillar)
{
  return pillar ? kk_pillar_dup_label (pillar)
                : g_strdup (kk_word (data, _("No pillar"), "施策の柱なし"));
}

static KkChartColor
kk_pillar_color (KkPlan   *plan,
                 KkPillar *pillar)
{
  guint position = pillar ? kk_list_position (kk_plan_get_pillars (plan), pillar) : G_MAXUINT;

  return position == G_MAXUINT ? KK_CHART_COLOR_OTHERS : kk_chart_color_for_series (position);
}

static char *
kk_dup_budget_subtitle (const KkChartData *data,
                        KkPlan            *plan,
                        const KkTotals    *totals)
{
  g_autofree char *name = kk_dup_plan_name (plan);
  g_autofree char *total = kk_format_thousand_yen (totals->budget);

  /* Translators: the plan's title, its total budget in thousand yen and its
   * number of programs */
  return g_strdup_printf (kk_word (data, ngettext ("%s: total %s k¥ in %u program",
                                                   "%s: total %s k¥ in %u programs",
                                                   totals->n_programs),
                                   "%s　合計 %s千円（%u事業）"),
                          name, total, totals->n_programs);
}

static gboolean
kk_chart_data_check_budgets (KkChartData    *data,
                             const KkTotals *totals)
{
  if (totals->n_programs == 0)
    data->empty_message = g_strdup (kk_word (data, _("No programs to show"),
                                             "表示する事業がありません"));
  else if (totals->budget == 0)
    data->empty_message = g_strdup (kk_word (data, _("Every budget is zero"),
                                             "事業費がすべて0です"));
  return data->empty_message == NULL;
}

static KkTotals
kk_totals_of_range (GPtrArray *programs,
                    guint      first)
{
  KkTotals totals = { 0 };

  for (guint i = first; i < programs->len; i++)
    kk_totals_add (&totals, g_ptr_array_index (programs, i));
  return totals;
}

/* One bar for the programs that have none of their own; @line_format
 * writes its amount in the tooltip. */
static KkChartItem *
kk_chart_data_add_others (KkChartData    *data,
                          const KkTotals *rest,
                          gint64          amount,
                          const char     *line_format)
{
  g_autofree char *money = kk_dup_money (data, amount);
  g_autofree char *amount_line = g_strdup_printf (line_format, money);
  g_autofree char *note = NULL;
  KkChartItem *item;
  char *label;

  label = g_strdup_printf (kk_word (data, ngettext ("Others (%u program)", "Others (%u programs)",
                                                    rest->n_programs),
                                    "その他（%u事業）"),
                           rest->n_programs);
  item = kk_chart_data_add_item (data, label, amount, KK_CHART_COLOR_OTHERS, NULL);
  item->is_others = TRUE;
  item->value_label = g_steal_pointer (&money);
  item->tooltip = g_strjoin ("\n", label, amount_line, NULL);

  note = g_strdup_printf (kk_word (data,
                                   ngettext ("Others adds up the %u program not shown on its own.",
                                             "Others adds up the %u programs not shown on their own.",
                                             rest->n_programs),
                                   "「その他」は個別に表示していない%u事業の合計です。"),
                          rest->n_programs);
  kk_chart_data_add_note (data, note);
  return item;
}

static void
kk_chart_data_add_program (KkChartData *data,
                           KkPlan      *plan,
                           KkProgram   *program)
{
  KkPillar *pillar = kk_program_get_pillar (program);
  gint64 budget = kk_program_get_budget (program);
  g_autofree char *pillar_label = kk_dup_pillar_label (data, pillar);
  g_autofree char *money = kk_dup_money (data, budget);
  g_autofree char *figure = kk_format_thousand_yen (budget);
  g_autofree char *number = g_strdup_printf ("%u", kk_program_get_number (program));
  g_autofree char *pillar_line = g_strdup_printf (_("Pillar: %s"), pillar_label);
  g_autofree char *budget_line = g_strdup_printf (_("Budget: %s"), money);
  KkChartItem *item;

  item = kk_chart_data_add_item (data, kk_dup_program_label (program), budget,
                                 kk_pillar_color (plan, pillar), program);
  item->value_label = g_steal_pointer (&money);
  item->tooltip = g_strjoin ("\n", item->label, pillar_line, budget_line, NULL);
  item->cells = kk_strv_new (number, kk_program_get_name (program), pillar_label, figure, NULL);
}

static gboolean
kk_chart_data_shows_pillar (KkChartData *data,
                            KkPillar    *pillar)
{
  for (guint i = 0; i < data->items->len; i++)
    {
      KkChartItem *item = g_ptr_array_index (data->items, i);

      if (item->program && kk_program_get_pillar (item->program) == pillar)
        return TRUE;
    }
  return FALSE;
}

/* The pillars whose colours the bars show, in the plan's order. */
static void
kk_chart_data_add_pillar_legend (KkChartData *data,
                                 KkPlan      *plan)
{
  GListModel *pillars = kk_plan_get_pillars (plan);
  guint n = g_list_model_get_n_items (pillars);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkPillar) pillar = g_list_model_get_item (pillars, i);
      g_autofree char *label = NULL;

      if (!kk_chart_data_shows_pillar (data, pillar))
        continue;
      label = kk_pillar_dup_label (pillar);
      kk_chart_data_add_legend (data, label, kk_chart_color_for_series (i), FALSE);
    }
  if (kk_chart_data_shows_pillar (data, NULL))
    kk_chart_data_add_legend (data, kk_word (data, _("No pillar"), "施策の柱なし"),
                              KK_CHART_COLOR_OTHERS, FALSE);
}

static void
kk_chart_data_fill_programs (KkChartData *data,
                             KkPlan      *plan,
                             GListModel  *model,
                             guint        max_bars)
{
  g_autoptr(GPtrArray) programs = kk_dup_programs (model);
  KkTotals totals = kk_totals_of_range (programs, 0);
  guint n_shown;

  data->title = g_strdup (kk_word (data, _("Budget by Program"), "事業別の事業費"));
  data->subtitle = kk_dup_budget_subtitle (data, plan, &totals);
  data->headers = kk_strv_new (_("Number"), _("Program"), _("Pillar"), _("Budget (k¥)"), NULL);
  if (!kk_chart_data_check_budgets (data, &totals))
    return;

  g_ptr_array_sort (programs, kk_compare_budgets);
  n_shown = kk_n_shown (programs->len, max_bars);
  for (guint i = 0; i < n_shown; i++)
    kk_chart_data_add_program (data, plan, g_ptr_array_index (programs, i));
  kk_chart_data_add_pillar_legend (data, plan);

  if (n_shown < programs->len)
    {
      KkTotals rest = kk_totals_of_range (programs, n_shown);
      KkChartItem *others = kk_chart_data_add_others (data, &rest, rest.budget, _("Budget: %s"));
      g_autofree char *figure = kk_format_thousand_yen (rest.budget);

      others->cells = kk_strv_new ("", others->label, "", figure, NULL);
      kk_chart_data_add_legend (data, kk_word (data, _("Others"), "その他"),
                                KK_CHART_COLOR_OTHERS, FALSE);
    }
}

static void
kk_describe_pillar (const KkChartData *data,
                    KkPlan            *plan,
                    KkProgram         *program,
                    KkGroup           *group)
{
  KkPillar *pillar = kk_program_get_pillar (program);

  group->label = kk_dup_pillar_label (data, pillar);
  group->order = pillar ? kk_list_position (kk_plan_get_pillars (plan), pillar) : G_MAXUINT;
  group->color = kk_pillar_color (plan, pillar);
}

/* Each program counts once, under the division that leads it. Divisions
 * and funding combinations have no order of their own that a reader would
 * look for: the largest come first. */
static void
kk_describe_division (const KkChartData *data,
                      KkPlan            *plan,
                      KkProgram         *program,
                      KkGroup           *group)
{
  KkDivision *division = kk_program_get_lead_division (program);

  group->label = g_strdup (division ? kk_division_get_name (division)
                                    : kk_word (data, _("No lead division"), "担当課なし"));
  group->order = 0;
  group->color = KK_CHART_COLOR_BLUE;
}

static void
kk_describe_funding (const KkChartData *data,
                     KkPlan            *plan,
                     KkProgram         *program,
                     KkGroup           *group)
{
  char *label = kk_program_dup_funding_label (program, "・");

  if (*label == '\0')
    {
      g_free (label);
      label = g_strdup (kk_word (data, _("No funding"), "財源なし"));
    }
  group->label = label;
  group->order = 0;
  group->color = KK_CHART_COLOR_BLUE;
}

static int
kk_compare_groups (gconstpointer a,
                   gconstpointer b)
{
  const KkGroup *ga = *(KkGroup **)a;
  const KkGroup *gb = *(KkGroup **)b;
  int order;

  if (ga->order != gb->order)
    return ga->order < gb->order ? -1 : 1;
  order = kk_compare_amounts (ga->totals.budget, gb->totals.budget);
  return order != 0 ? order : (ga->first > gb->first) - (ga->first < gb->first);
}

static GPtrArray *
kk_dup_groups (const KkChartData *data,
               KkPlan            *plan,
               GPtrArray         *programs,
               KkDescribeGroup    describe)
{
  g_autoptr(GHashTable) by_label = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify)kk_group_free);

  for (guint i = 0; i < programs->len; i++)
    {
      KkProgram *program = g_ptr_array_index (programs, i);
      g_autoptr(KkGroup) found = g_new0 (KkGroup, 1);
      KkGroup *group;

      describe (data, plan, program, found);
      group = g_hash_table_lookup (by_label, found->label);
      if (group == NULL)
        {
          group = g_steal_pointer (&found);
          group->first = groups->len;
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_label, group->label, group);
        }
      kk_totals_add (&group->totals, program);
    }
  g_ptr_array_sort (groups, kk_compare_groups);
  return groups;
}

static void
kk_chart_data_add_group (KkChartData    *data,
                         const KkGroup  *group,
                         const KkTotals *totals)
{
  g_autofree char *money = kk_dup_money (data, group->totals.budget);
  g_autofree char *figure = kk_format_thousand_yen (group->totals.budget);
  g_autofree char *share = kk_dup_share (group->totals.budget, totals->budget);
  g_autofree char *count = g_strdup_printf ("%u", group->totals.n_programs);
  g_autofree char *budget_line = g_strdup_printf (_("Budget: %s"), money);
  g_autofree char *share_line = g_strdup_printf (_("Share: %s"), share);
  g_autofree char *count_line = NULL;
  KkChartItem *item;

  count_line = g_strdup_printf (ngettext ("%u program", "%u programs", group->totals.n_programs),
                                group->totals.n_programs);
  item = kk_chart_data_add_item (data, g_strdup (group->label), group->totals.budget,
                                 group->color, NULL);
  /* Translators: an amount and its share of the total: 319,750千円（27.9%） */
  item->value_label = g_strdup_printf (kk_word (data, C_("amount and share", "%s (%s)"),
                                                "%s（%s）"),
                                       money, share);
  item->tooltip = g_strjoin ("\n", group->label, budget_line, share_line, count_line, NULL);
  item->cells = kk_strv_new (group->label, count, figure, share, NULL);
}

static void
kk_chart_data_fill_groups (KkChartData     *data,
                           KkPlan          *plan,
                           GListModel      *model,
                           const char      *title,
                           const char      *header,
                           KkDescribeGroup  describe)
{
  g_autoptr(GPtrArray) programs = kk_dup_programs (model);
  g_autoptr(GPtrArray) groups = NULL;
  KkTotals totals = kk_totals_of_range (programs, 0);

  data->title = g_strdup (title);
  data->subtitle = kk_dup_budget_subtitle (data, plan, &totals);
  data->headers = kk_strv_new (header, _("Number of programs"), _("Budget (k¥)"), _("Share"),
                               NULL);
  if (!kk_chart_data_check_budgets (data, &totals))
    return;

  groups = kk_dup_groups (data, plan, programs, describe);
  for (guint i = 0; i < groups->len; i++)
    kk_chart_data_add_group (data, g_ptr_array_index (groups, i), &totals);
}

static KkChartColor
kk_change_color (KkProgram *program)
{
  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW)
    return KK_CHART_COLOR_GREEN;
  return kk_program_get_difference (program) < 0 ? KK_CHART_COLOR_VERMILLION : KK_CHART_COLOR_BLUE;
}

/* 前年度: last year's budget, or 新規 for a program that had none. */
static char *
kk_dup_previous_line (const KkChartData *data,
                      KkProgram         *program)
{
  g_autofree char *money = NULL;

  if (kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW)
    return g_strdup (_("New program"));
  money = kk_dup_money (data, kk_program_get_previous_budget (program));
  return g_strdup_printf (_("Last year: %s"), money);
}

static void
kk_chart_data_add_change (KkChartData *data,
                          KkProgram   *program)
{
  gboolean is_new = kk_program_get_status (program) == KK_PROGRAM_STATUS_NEW;
  gint64 difference = kk_program_get_difference (program);
  g_autofree char *number = g_strdup_printf ("%u", kk_program_get_number (program));
  g_autofree char *budget = kk_format_thousand_yen (kk_program_get_budget (program));
  g_autofree char *previous = is_new ? g_strdup ("") :
                              kk_format_thousand_yen (kk_program_get_previous_budget (program));
  g_autofree char *change = kk_format_thousand_yen (difference);
  g_autofree char *money = kk_dup_money (data, difference);
  g_autofree char *budget_money = kk_dup_money (data, kk_program_get_budget (program));
  g_autofree char *budget_line = g_strdup_printf (_("Budget: %s"), budget_money);
  g_autofree char *previous_line = kk_dup_previous_line (data, program);
  g_autofree char *change_line = g_strdup_printf (_("Change: %s"), money);
  const char *status = is_new ? C_("program status", "New") : C_("program status", "Continuing");
  KkChartItem *item;

  item = kk_chart_data_add_item (data, kk_dup_program_label (program), difference,
                                 kk_change_color (program), program);
  /* Translators: the figure at the bar of a new program (新規), whose whole
   * budget is its change */
  item->value_label = is_new ? g_strdup_printf (kk_word (data, _("New: %s"), "新規 %s"), money)
                             : g_strdup (money);
  item->tooltip = g_strjoin ("\n", item->label, budget_line, previous_line, change_line, NULL);
  item->cells = kk_strv_new (number, kk_program_get_name (program), status, budget, previous,
                             change, NULL);
}

static char *
kk_dup_change_subtitle (const KkChartData *data,
                        KkPlan            *plan,
                        const KkTotals    *totals)
{
  g_autofree char *name = kk_dup_plan_name (plan);
  g_autofree char *previous = kk_format_thousand_yen (totals->previous_budget);
  g_autofree char *budget = kk_format_thousand_yen (totals->budget);
  g_autofree char *change = kk_format_thousand_yen (totals->difference);

  /* Translators: the plan's title, then totals in thousand yen */
  return g_strdup_printf (kk_word (data, _("%s: last year %s k¥, this year %s k¥, change %s k¥"),
                                   "%s　前年度 %s千円 → 本年度 %s千円（増減 %s千円）"),
                          name, previous, budget, change);
}

static gboolean
kk_programs_changed (GPtrArray *programs)
{
  for (guint i = 0; i < programs->len; i++)
    if (kk_program_get_difference (g_ptr_array_index (programs, i)) != 0)
      return TRUE;
  return FALSE;
}

static void
kk_chart_data_fill_change (KkChartData *data,
                           KkPlan      *plan,
                           GListModel  *model,
                           guint        max_bars)
{
  g_autoptr(GPtrArray) programs = kk_dup_programs (model);
  KkTotals totals = kk_totals_of_range (programs, 0);
  guint n_shown;

  data->title = g_strdup (kk_word (data, _("Change from Last Year"), "前年度からの増減"));
  data->subtitle = kk_dup_change_subtitle (data, plan, &totals);
  data->headers = kk_strv_new (_("Number"), _("Program"), _("Status"), _("Budget (k¥)"),
                               _("Last year (k¥)"), _("Change (k¥)"), NULL);
  if (programs->len == 0)
    data->empty_message = g_strdup (kk_word (data, _("No programs to show"),
                                             "表示する事業がありません"));
  else if (!kk_programs_changed (programs))
    data->empty_message = g_strdup (kk_word (data, _("No budget changed from last year"),
                                             "前年度から事業費の変わった事業はありません"));
  if (data->empty_message != NULL)
    return;

  /* The largest changes either way get bars; shown, they read from the
   * largest increase down to the largest decrease. */
  g_ptr_array_sort (programs, kk_compare_changes);
  n_shown = kk_n_shown (programs->len, max_bars);
  {
    g_autoptr(GPtrArray) shown = g_ptr_array_new_full (n_shown, NULL);

    for (guint i = 0; i < n_shown; i++)
      g_ptr_array_add (shown, g_ptr_array_index (programs, i));
    g_ptr_array_sort (shown, kk_compare_differences);
    for (guint i = 0; i < n_shown; i++)
      kk_chart_data_add_change (data, g_ptr_array_index (shown, i));
  }

  kk_chart_data_add_legend_if_used (data, kk_word (data, _("Increase"), "増額"),
                                    KK_CHART_COLOR_BLUE);
  kk_chart_data_add_legend_if_used (data, kk_word (data, _("Decrease"), "減額"),
                                    KK_CHART_COLOR_VERMILLION);
  /* The word the bars of new programs begin with (New: %s). */
  kk_chart_data_add_legend_if_used (data, kk_word (data, C_("program status", "New"), "新規"),
                                    KK_CHART_COLOR_GREEN);
  if (kk_chart_data_has_color (data, KK_CHART_COLOR_GREEN))
    kk_chart_data_add_note (data, kk_word (data, _("A new program’s change is its whole budget."),
                                           "新規事業の増減は事業費の全額です。"));

  if (n_shown < programs->len)
    {
      KkTotals rest = kk_totals_of_range (programs, n_shown);
      KkChartItem *others = kk_chart_data_add_others (data, &rest, rest.difference,
                                                      _("Change: %s"));
      g_autofree char *budget = kk_format_thousand_yen (rest.budget);
      g_autofree char *previous = kk_format_thousand_yen (rest.previous_budget);
      g_autofree char *change = kk_format_thousand_yen (rest.difference);

      others->cells = kk_strv_new ("", others->label, "", budget, previous, change, NULL);
      kk_chart_data_add_legend (data, kk_word (data, _("Others"), "その他"),
                                KK_CHART_COLOR_OTHERS, FALSE);
    }
}

static char *
kk_dup_kpi_name (KkKpi *kpi)
{
  const char *group = kk_kpi_get_group (kpi);

  if (group == NULL || *group == '\0')
    return g_strdup (kk_kpi_get_name (kpi));
  return g_strdup_printf ("%s %s", group, kk_kpi_get_name (kpi));
}

/* The date a figure stands at: in the era, as the plan prints it, on
 * paper and in a Japanese interface; 2024-01-31 in another. */
static char *
kk_dup_as_of (KkChartData *data,
              KkKpiValue  *value)
{
  const char *as_of = kk_kpi_value_get_as_of (value);
  char *date;

  if (as_of == NULL)
    return NULL;
  date = data->printed ? kk_format_date (as_of) : kk_format_date_for_interface (as_of);
  return date != NULL ? date : g_strdup (as_of);
}

/* A figure as the plan prints it, with the date it stands at:
 * 123件（令和6年1月31日現在）. */
static char *
kk_dup_figure_as_of (KkChartData *data,
                     KkKpi       *kpi,
                     KkKpiValue  *value)
{
  g_autofree char *figure = kk_kpi_dup_figure (kpi, value);
  g_autofree char *as_of = kk_dup_as_of (data, value);

  if (as_of == NULL)
    return g_steal_pointer (&figure);
  /* Translators: a figure and the date it stands at: 123件（2024年1月31日現在） */
  return g_strdup_printf (_("%s (as of %s)"), figure, as_of);
}

static void
kk_chart_data_add_achievement (KkChartData *data,
                               KkSheet     *sheet,
                               KkProgram   *program,
                               KkKpi       *kpi,
                               int          fiscal_year,
                               double       ratio)
{
  KkKpiValue *target = kk_kpi_find_goal (kpi, fiscal_year);
  KkKpiValue *actual = kk_kpi_find_value (kpi, fiscal_year, KK_KPI_KIND_ACTUAL);
  const char *unit = kk_kpi_get_unit (kpi);
  g_autofree char *numbers = kk_sheet_dup_numbers_label (sheet, "・");
  g_autofree char *name = kk_dup_kpi_name (kpi);
  g_autofree char *year = kk_format_fiscal_year (fiscal_year);
  g_autofree char *target_text = kk_kpi_dup_figure (kpi, target);
  g_autofree char *target_cell = kk_kpi_dup_number (kpi, target);
  g_autofree char *actual_text = kk_dup_figure_as_of (data, kpi, actual);
  g_autofree char *actual_cell = kk_kpi_dup_number (kpi, actual);
  g_autofree char *percent = kk_dup_percent (ratio);
  g_autofree char *target_line = kk_kpi_value_get_kind (target) == KK_KPI_KIND_PLAN
                                 ? g_strdup_printf (_("Plan for %s: %s"), year, target_text)
                                 : g_strdup_printf (_("Target for %s: %s"), year, target_text);
  g_autofree char *actual_line = g_strdup_printf (_("Actual: %s"), actual_text);
  g_autofree char *achievement_line = g_strdup_printf (_("Achievement: %s"), percent);
  KkChartColor color = ratio >= 1 ? KK_CHART_COLOR_BLUE : KK_CHART_COLOR_ORANGE;
  KkChartItem *item;

  item = kk_chart_data_add_item (data, g_strdup_printf ("【%s】%s", numbers, name), ratio, color,
                                 program);
  item->value_label = g_steal_pointer (&percent);
  item->tooltip = g_strjoin ("\n", item->label, target_line, actual_line, achievement_line, NULL);
  item->cells = kk_strv_new (numbers, name, unit, target_cell, actual_cell, item->value_label,
                             NULL);
}

/* Adds the sheet's KPIs that have last year's goal and actual; returns
 * how many have not. */
static guint
kk_chart_data_add_sheet_achievements (KkChartData *data,
                                      KkSheet     *sheet,
                                      KkProgram   *program,
                                      int          fiscal_year)
{
  GListModel *kpis = kk_sheet_get_kpis (sheet);
  guint n = g_list_model_get_n_items (kpis);
  guint n_left_out = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KkKpi) kpi = g_list_model_get_item (kpis, i);
      double ratio;

      if (kk_kpi_get_achievement (kpi, fiscal_year, &ratio) && isfinite (ratio))
        kk_chart_data_add_achievement (data, sheet, program, kpi, fiscal_year, ratio);
      else
        n_left_out++;
    }
  return n_left_out;
}

static void
kk_chart_data_fill_achievement (KkChartData *data,
                                KkPlan      *plan,
                                GListModel  *model)
{
  g_autoptr(GPtrArray) programs = kk_dup_programs (model);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int fiscal_year = kk_plan_get_fiscal_year (plan) - 1;
  g_autofree char *year = kk_format_fiscal_year (fiscal_year);
  g_autofree char *name = kk_dup_plan_name (plan);
  guint n_left_out = 0;

  data->scale = KK_CHART_SCALE_PERCENT;
  data->min_step = 0.01;
  data->has_reference = TRUE;
  data->title = g_strdup (kk_word (data, _("Achievement of Targets"), "成果目標の達成率"));
  /* Translators: the plan's title and last fiscal year: 令和5年度 */
  data->subtitle = g_strdup_printf (kk_word (data, _("%s: actuals of %s against their targets"),
                                             "%s　%sの目標に対する実績"),
                                    name, year);
  data->headers = kk_strv_new (_("Program numbers"), _("KPI"), _("Unit"), _("Target"), _("Actual"),
                               _("Achievement"), NULL);

  /* A shared sheet counts once, with the first of its programs shown. */
  for (guint i = 0; i < programs->len; i++)
    {
      KkProgram *program = g_ptr_array_index (programs, i);
      KkSheet *sheet = kk_program_get_sheet (program);

      if (sheet != NULL && g_hash_table_add (seen, sheet))
        n_left_out += kk_chart_data_add_sheet_achievements (data, sheet, program, fiscal_year);
    }

  if (programs->len == 0)
    data->empty_message = g_strdup (kk_word (data, _("No programs to show"),
                                             "表示する事業がありません"));
  else if (data->items->len == 0)
    data->empty_message = g_strdup_printf (kk_word (data,
                                                    _("No KPI has both a target and an actual for %s"),
                                                    "%sの目標と実績がそろった成果指標がありません"),
                                           year);
  else
    {
      kk_chart_data_add_legend_if_used (data, kk_word (data, _("Target met"), "達成"),
                                        KK_CHART_COLOR_BLUE);
      kk_chart_data_add_legend_if_used (data, kk_word (data, _("Target not met"), "未達成"),
                                        KK_CHART_COLOR_ORANGE);
      kk_chart_data_add_legend (data, kk_word (data, _("Target (100%)"), "目標（100%）"),
                                KK_CHART_COLOR_TEXT, TRUE);
    }
  if (n_left_out > 0)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (kk_word (data,
                                       ngettext ("%u KPI without both a target and an actual "
                                                 "for %s is not shown.",
                                                 "%u KPIs without both a target and an actual "
                                                 "for %s are not shown.",
                                                 n_left_out),
                                       "成果指標%u件は%sの目標と実績がそろわないため表示していません。"),
                              n_left_out, year);
      kk_chart_data_add_note (data, note);
    }
}

static const char *
kk_kpi_kind_name (const KkChartData *data,
                  KkKpiKind          kind)
{
  switch (kind)
    {
    case KK_KPI_KIND_PLAN:
      return kk_word (data, C_("KPI figure", "Plan"), "計画");
    case KK_KPI_KIND_TARGET:
      return kk_word (data, C_("KPI figure", "Target"), "目標");
    case KK_KPI_KIND_ACTUAL:
      return kk_word (data, C_("KPI figure", "Actual"), "実績");
    case KK_KPI_KIND_FORECAST:
      return kk_word (data, C_("KPI figure", "Forecast"), "見込");
    default:
      g_assert_not_reached ();
    }
}

static KkChartColor
kk_kpi_kind_color (KkKpiKind kind)
{
  static const KkChartColor colors[] = {
    [KK_KPI_KIND_PLAN] = KK_CHART_COLOR_SKY,
    [KK_KPI_KIND_TARGET] = KK_CHART_COLOR_ORANGE,
    [KK_KPI_KIND_ACTUAL] = KK_CHART_COLOR_BLUE,
    [KK_KPI_KIND_FORECAST] = KK_CHART_COLOR_PURPLE,
  };

  return colors[kind];
}

static int
kk_compare_kpi_values (gconstpointer a,
                       gconstpointer b)
{
  KkKpiValue *va = *(KkKpiValue **)a;
  KkKpiValue *vb = *(KkKpiValue **)b;
  int ya = kk_kpi_value_get_fiscal_year (va);
  int yb = kk_kpi_value_get_fiscal_year (vb);

  if (ya != yb)
    return (ya > yb) - (ya < yb);
  return (int)kk_kpi_value_get_kind (va) - (int)kk_kpi_value_get_kind (vb);
}

static void
kk_chart_data_add_kpi_value (KkChartData *data,
                             KkKpi       *kpi,
                             KkKpiValue  *value)
{
  KkKpiKind kind = kk_kpi_value_get_kind (value);
  const char *note = kk_kpi_value_get_note (value);
  g_autofree char *year = kk_format_fiscal_year (kk_kpi_value_get_fiscal_year (value));
  g_autofree char *figure = kk_dup_figure_as_of (data, kpi, value);
  g_autofree char *number = kk_kpi_dup_number (kpi, value);
  g_autofree char *as_of = kk_dup_as_of (data, value);
  KkChartItem *item;
  char *label;

  /* Translators: a fiscal year and the kind of a figure: 令和5年度 実績 */
  label = g_strdup_printf (kk_word (data, C_("KPI figure", "%s %s"), "%s %s"), year,
                           kk_kpi_kind_name (data, kind));
  item = kk_chart_data_add_item (data, label, kk_kpi_value_get_value (value),
                                 kk_kpi_kind_color (kind), NULL);
  item->value_label = kk_kpi_dup_figure (kpi, value);
  item->tooltip = g_strjoin ("\n", label, figure, note, NULL);
  item->cells = kk_strv_new (year, kk_kpi_kind_name (data, kind), number, as_of ? as_of : "",
                             note ? note : "", NULL);
}

static void
kk_chart_data_add_kind_legend (KkChartData *data)
{
  for (KkKpiKind kind = KK_KPI_KIND_PLAN; kind <= KK_KPI_KIND_FORECAST; kind++)
    kk_chart_data_add_legend_if_used (data, kk_kpi_kind_name (data, kind),
                                      kk_kpi_kind_color (kind));
}

static gboolean
kk_all_whole (GPtrArray *values)
{
  for (guint i = 0; i < values->len; i++)
    {
      double value = kk_kpi_value_get_value (g_ptr_array_index (values, i));

      if (value != trunc (value))
        return FALSE;
    }
  return TRUE;
}

static void
kk_chart_data_fill_kpi (KkChartData *data,
                        KkKpi       *kpi)
{
  GListModel *values = kpi ? kk_kpi_get_values (kpi) : NULL;
  guint n = values ? g_list_model_get_n_items (values) : 0;
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_words = 0;

  data->scale = KK_CHART_SCALE_NUMBER;
  data->headers = kk_strv_new (_("Fiscal year"), _("Kind"), _("Value"), _("As of"), _("Note"),
                               NULL);
  if (kpi == NULL)
    {
      data->title = g_strdup (kk_word (data, _("KPI"), "成果指標"));
      data->subtitle = g_strdup ("");
      data->empty_message = g_strdup (kk_word (data, _("Choose a KPI to chart"),
                                               "グラフにする成果指標を選んでください"));
      return;
    }

  data->title = kk_dup_kpi_name (kpi);
  data->unit = g_strdup (kk_kpi_get_unit (kpi));
  data->subtitle = *data->unit ? g_strdup_printf (kk_word (data, _("Unit: %s"), "単位：%s"),
                                                   data->unit)
                                : g_strdup ("");
  for (guint i = 0; i < n; i++)
    {
      KkKpiValue *value = g_list_model_get_item (values, i);

      if (kk_kpi_value_get_has_value (value) && isfinite (kk_kpi_value_get_value (value)))
        g_ptr_array_add (figures, value);
      else
        {
          n_words++;
          g_object_unref (value);
        }
    }
  g_ptr_array_sort (figures, kk_compare_kpi_values);
  data->min_step = kk_all_whole (figures) ? 1 : 0.001;
  for (guint i = 0; i < figures->len; i++)
    kk_chart_data_add_kpi_value (data, kpi, g_ptr_array_index (figures, i));
  kk_chart_data_add_kind_legend (data);

  if (figures->len == 0)
    data->empty_message = g_strdup (kk_word (data, _("This KPI has no figures"),
                                             "この成果指標には数値がありません"));
  if (n_words > 0)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (kk_word (data,
                                       ngettext ("%u figure given only in words is not shown.",
                                                 "%u figures given only in words are not shown.",
                                                 n_words),
                                       "数値でなく言葉だけで示された%u件は表示していません。"),
                              n_words);
      kk_chart_data_add_note (data, note);
    }
}

/**
 * kk_chart_data_new:
 * @plan: (nullable): the plan; without one the chart is empty
 * @programs: (nullable): the programs to show; the plan's when %NULL
 * @kpi: (nullable): the KPI of a %KK_CHART_KIND_KPI chart
 * @max_bars: how many programs get a bar of their own, 0 for all
 * @subject: (nullable): whose programs they are, which heads the title
 * @printed: for a printed document: in the plan's words, whatever the
 *   interface language
 *
 * Returns: (transfer full): what the chart shows
 */
KkChartData *
kk_chart_data_new (KkPlan      *plan,
                   GListModel  *programs,
                   KkChartKind  kind,
                   KkKpi       *kpi,
                   guint        max_bars,
                   const char  *subject,
                   gboolean     printed)
{
  KkChartData *data = g_new0 (KkChartData, 1);
  g_autoptr(KkPlan) empty_plan = NULL;

  data->items = g_ptr_array_new_with_free_func ((GDestroyNotify)kk_chart_item_free);
  data->legend = g_ptr_array_new_with_free_func ((GDestroyNotify)kk_chart_legend_entry_free);
  data->scale = KK_CHART_SCALE_MONEY;
  data->min_step = 1;
  data->printed = printed;

  if (plan == NULL)
    plan = empty_plan = kk_plan_new ();
  if (programs == NULL)
    programs = kk_plan_get_programs (plan);

  switch (kind)
    {
    case KK_CHART_KIND_PROGRAMS:
      kk_chart_data_fill_programs (data, plan, programs, max_bars);
      break;
    case KK_CHART_KIND_PILLARS:
      kk_chart_data_fill_groups (data, plan, programs,
                                 kk_word (data, _("Budget by Pillar"), "施策の柱別の事業費"),
                                 _("Pillar"), kk_describe_pillar);
      break;
    case KK_CHART_KIND_DIVISIONS:
      kk_chart_data_fill_groups (data, plan, programs,
                                 kk_word (data, _("Budget by Lead Division"), "担当課別の事業費"),
                                 _("Lead division"), kk_describe_division);
      break;
    case KK_CHART_KIND_FUNDING:
      kk_chart_data_fill_groups (data, plan, programs,
                                 kk_word (data, _("Budget by Funding"), "財源別の事業費"),
                                 _("Funding"), kk_describe_funding);
      break;
    case KK_CHART_KIND_CHANGE:
      kk_chart_data_fill_change (data, plan, programs, max_bars);
      break;
    case KK_CHART_KIND_ACHIEVEMENT:
      kk_chart_data_fill_achievement (data, plan, programs);
      break;
    case KK_CHART_KIND_KPI:
      kk_chart_data_fill_kpi (data, kpi);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert ((data->empty_message != NULL) == (data->items->len == 0));
  if (subject != NULL)
    {
      char *title = data->title;

      /* Translators: whose programs a chart shows, then what it shows:
       * 経営支援課　事業別の事業費 */
      data->title = g_strdup_printf (kk_word (data, C_("chart title", "%s: %s"), "%s　%s"),
                                     subject, title);
      g_free (title);
    }
  return data;
}
