/* kk-synthetic-plan.c: plans of any size that look like real ones
 *
 * Benchmarks and tests of large plans need plans of thousands of programs
 * whose texts are as long and as Japanese as the real ones: names, purposes
 * and overviews are composed from the vocabulary of business-support plans,
 * one program in twelve shares its sheet with the one before, every sheet
 * has four KPIs with targets and actuals of two years, and one program in
 * ten is new. The same seed gives the same plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-division.h"
#include "kk-funding.h"
#include "kk-kpi-value.h"
#include "kk-kpi.h"
#include "kk-pillar.h"
#include "kk-sheet.h"
#include "kk-synthetic-plan.h"

#define KK_SYNTHETIC_KPIS 4

static const char * const subjects[] = {
  "中小企業", "小規模事業者", "創業者", "ものづくり企業", "サービス産業", "海外展開企業",
  "地域産業", "成長分野", "医療・介護関連産業", "食品関連産業", "観光関連産業", "伝統産業",
};
static const char * const actions[] = {
  "経営革新", "販路開拓", "事業承継", "人材育成", "設備導入", "研究開発", "情報発信",
  "デジタル化", "生産性向上", "資金調達", "知的財産活用", "脱炭素化",
};
static const char * const kinds[] = {
  "支援事業", "促進事業", "推進事業", "強化事業", "拠点運営事業", "補助金事業",
};
static const char * const sentences[] = {
  "県内中小企業の経営課題の解決に向けて、専門家による相談対応を行う。",
  "関係機関と連携し、地域の実情に応じたきめ細かな支援を実施する。",
  "セミナーや個別相談会を開催し、経営者の意識啓発と事業計画の策定を支援する。",
  "補助金の交付により、新たな設備の導入や生産性の向上を後押しする。",
  "商談会や展示会への出展を支援し、県内外への販路の拡大を図る。",
  "成果を広く周知し、支援策の活用を一層促進する。",
  "支援機関のネットワークを活かし、切れ目のない伴走型の支援を行う。",
  "若手人材の確保と定着に向け、企業と求職者のマッチングを進める。",
};
static const char * const kpi_names[] = {
  "相談件数", "支援企業数", "セミナー参加者数", "商談成立件数", "補助金交付件数",
  "専門家派遣回数", "計画認定件数", "成約件数",
};
static const char * const units[] = { "件", "社", "人", "回" };
static const char * const divisions[] = {
  "総務企画課", "経営支援課", "よろず支援・事業承継課", "中小企業支援課", "技術支援課",
  "庶務経理課", "雇用プロジェクト推進課", "中小企業活性化協議会",
};
static const char * const pillars[] = {
  "経営基盤の強化", "販路拡大・販路開拓", "新事業・新技術の創出", "人材確保・育成",
  "情報収集・発信", "法人会計",
};
static const char * const funding[][2] = {
  { "国", "国庫補助金等" }, { "県", "県補助金等" }, { "市", "市補助金等" }, { "自", "自主財源" },
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
kk_synthetic_add_lists (KkPlan *plan)
{
  for (guint i = 0; i < G_N_ELEMENTS (funding); i++)
    {
      g_autoptr(KkFunding) source = kk_funding_new (funding[i][0], funding[i][1]);

      kk_plan_add_funding (plan, source);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pillars); i++)
    {
      g_autoptr(KkPillar) pillar = kk_pillar_new (i + 1, pillars[i]);

      kk_plan_add_pillar (plan, pillar);
    }
  for (guint i = 0; i < G_N_ELEMENTS (divisions); i++)
    {
      g_autoptr(KkDivision) division = kk_division_new (divisions[i]);

      kk_plan_add_division (plan, division);
    }
}

static char *
kk_synthetic_text (GRand *rand,
                   guint  n_sentences)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_sentences; i++)
    g_string_append (text, PICK (rand, sentences));
  return g_string_free (text, FALSE);
}

static gpointer
kk_synthetic_item (GRand      *rand,
                   GListModel *model)
{
  return g_list_model_get_item (model, g_rand_int_range (rand, 0, g_list_model_get_n_items (model)));
}

static KkProgram *
kk_synthetic_program (KkPlan *plan,
                      GRand  *rand,
                      guint   number)
{
  g_autofree char *name = g_strdup_printf ("%s%s%s", PICK (rand, subjects), PICK (rand, actions),
                                           PICK (rand, kinds));
  KkProgram *program = kk_program_new (number, name);
  g_autoptr(KkPillar) pillar = kk_synthetic_item (rand, kk_plan_get_pillars (plan));
  g_autoptr(KkDivision) lead = kk_synthetic_item (rand, kk_plan_get_divisions (plan));
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 budget = g_rand_int_range (rand, 1, 400000);

  g_ptr_array_add (sources, kk_synthetic_item (rand, kk_plan_get_funding_sources (plan)));
  kk_program_set_pillar (program, pillar);
  kk_program_set_funding (program, sources);
  kk_program_set_lead_division (program, lead);
  kk_program_set_budget (program, budget);
  if (g_rand_int_range (rand, 0, 10) == 0)
    kk_program_set_status (program, KK_PROGRAM_STATUS_NEW);
  else
    {
      gint64 previous = budget + g_rand_int_range (rand, -20000, 20000);

      kk_program_set_previous_budget (program, MAX (previous, 0));
    }
  return program;
}

static KkKpi *
kk_synthetic_kpi (GRand *rand,
                  int    fiscal_year)
{
  KkKpi *kpi = kk_kpi_new (PICK (rand, kpi_names), PICK (rand, units));

  if (g_rand_boolean (rand))
    kk_kpi_set_comparator (kpi, KK_COMPARATOR_AT_LEAST);
  for (int year = fiscal_year - 1; year <= fiscal_year; year++)
    {
      g_autoptr(KkKpiValue) target = kk_kpi_value_new (year, KK_KPI_KIND_TARGET);
      double goal = g_rand_int_range (rand, 10, 2000);

      kk_kpi_value_set_value (target, goal);
      kk_kpi_append_value (kpi, target);
      if (year < fiscal_year)
        {
          g_autoptr(KkKpiValue) actual = kk_kpi_value_new (year, KK_KPI_KIND_ACTUAL);

          kk_kpi_value_set_value (actual, goal * g_rand_double_range (rand, 0.6, 1.4));
          kk_kpi_value_set_as_of (actual, "2024-01-31");
          kk_kpi_append_value (kpi, actual);
        }
    }
  return kpi;
}

static KkSheet *
kk_synthetic_sheet (KkPlan    *plan,
                    GRand     *rand,
                    KkProgram *program)
{
  KkSheet *sheet = kk_sheet_new ();
  g_autofree char *purpose = kk_synthetic_text (rand, 3);
  g_autofree char *overview = kk_synthetic_text (rand, 5);
  g_autofree char *activities = kk_synthetic_text (rand, 4);
  g_autoptr(GPtrArray) sheet_divisions = g_ptr_array_new ();
  const char * const partners[] = { "経済産業省 中部経済産業局", PICK (rand, subjects), NULL };

  kk_sheet_set_purpose (sheet, purpose);
  kk_sheet_set_overview (sheet, overview);
  kk_sheet_set_activities (sheet, activities);
  g_ptr_array_add (sheet_divisions, kk_program_get_lead_division (program));
  kk_sheet_set_divisions (sheet, sheet_divisions);
  kk_sheet_set_partners (sheet, partners);
  for (guint i = 0; i < KK_SYNTHETIC_KPIS; i++)
    {
      g_autoptr(KkKpi) kpi = kk_synthetic_kpi (rand, kk_plan_get_fiscal_year (plan));

      kk_sheet_append_kpi (sheet, kpi);
    }
  kk_plan_add_sheet (plan, sheet);
  return sheet;
}

/**
 * kk_synthetic_plan_new:
 * @n_programs: how many programs
 * @seed: the same seed gives the same plan
 *
 * Returns: (transfer full): a plan that saves and loads like a real one
 */
KkPlan *
kk_synthetic_plan_new (guint   n_programs,
                       guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  KkPlan *plan = kk_plan_new ();
  KkSheet *sheet = NULL;

  kk_plan_set_fiscal_year (plan, 2024);
  kk_plan_set_organization (plan, "公益財団法人テスト産業支援センター");
  kk_plan_set_title (plan, "令和6年度 事業計画書");
  kk_plan_set_issued (plan, "2024-03");
  kk_synthetic_add_lists (plan);

  for (guint i = 1; i <= n_programs; i++)
    {
      g_autoptr(KkProgram) program = kk_synthetic_program (plan, rand, i);

      kk_plan_add_program (plan, program);
      if (sheet == NULL || g_rand_int_range (rand, 0, 12) != 0)
        sheet = kk_synthetic_sheet (plan, rand, program);
      kk_sheet_add_program (sheet, program);
    }
  return plan;
}
