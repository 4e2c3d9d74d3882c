/* kk-program.c: a program (事業) of the plan and its sheet header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "kk-core-private.h"
#include "kk-enums.h"
#include "kk-program.h"
#include "kk-sheet.h"

struct _KkProgram
{
  GObject parent_instance;
  guint number;
  char *name;
  KkPillar *pillar;
  GPtrArray *funding;
  gint64 budget;
  KkProgramStatus status;
  char *previous_name;
  gint64 previous_budget;
  KkDivision *lead_division;
  KkReviewState review_state;
  KkSheet *sheet;
};

G_DEFINE_FINAL_TYPE (KkProgram, kk_program, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_NAME,
  PROP_PILLAR,
  PROP_FUNDING,
  PROP_FUNDING_LABEL,
  PROP_BUDGET,
  PROP_STATUS,
  PROP_PREVIOUS_NAME,
  PROP_PREVIOUS_BUDGET,
  PROP_DIFFERENCE,
  PROP_LEAD_DIVISION,
  PROP_REVIEW_STATE,
  PROP_SHEET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kk_program_notify (KkProgram *self,
                   guint      prop_id)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* A renamed pillar or division is shown anew wherever the program is. */
static void
kk_program_pillar_renamed (KkProgram *self)
{
  kk_program_notify (self, PROP_PILLAR);
}

static void
kk_program_division_renamed (KkProgram *self)
{
  kk_program_notify (self, PROP_LEAD_DIVISION);
}

static void
kk_program_follow_name (KkProgram *self,
                        gpointer   old_object,
                        gpointer   new_object,
                        GCallback  renamed)
{
  if (old_object != NULL)
    g_signal_handlers_disconnect_by_func (old_object, renamed, self);
  if (new_object != NULL)
    g_signal_connect_object (new_object, "notify::name", renamed, self, G_CONNECT_SWAPPED);
}

static void
kk_program_dispose (GObject *object)
{
  KkProgram *self = (KkProgram *)object;

  g_clear_object (&self->pillar);
  g_clear_object (&self->lead_division);
  g_clear_pointer (&self->funding, g_ptr_array_unref);
  g_clear_weak_pointer (&self->sheet);

  G_OBJECT_CLASS (kk_program_parent_class)->dispose (object);
}

static void
kk_program_finalize (GObject *object)
{
  KkProgram *self = (KkProgram *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->previous_name, g_free);

  G_OBJECT_CLASS (kk_program_parent_class)->finalize (object);
}

static void
kk_program_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  KkProgram *self = KK_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_PILLAR:
      g_value_set_object (value, self->pillar);
      break;
    case PROP_FUNDING:
      g_value_set_boxed (value, self->funding);
      break;
    case PROP_FUNDING_LABEL:
      g_value_take_string (value, kk_program_dup_funding_label (self, "・"));
      break;
    case PROP_BUDGET:
      g_value_set_int64 (value, self->budget);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_PREVIOUS_NAME:
      g_value_set_string (value, self->previous_name);
      break;
    case PROP_PREVIOUS_BUDGET:
      g_value_set_int64 (value, self->previous_budget);
      break;
    case PROP_DIFFERENCE:
      g_value_set_int64 (value, kk_program_get_difference (self));
      break;
    case PROP_LEAD_DIVISION:
      g_value_set_object (value, self->lead_division);
      break;
    case PROP_REVIEW_STATE:
      g_value_set_enum (value, self->review_state);
      break;
    case PROP_SHEET:
      g_value_set_object (value, self->sheet);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_program_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  KkProgram *self = KK_PROGRAM (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      kk_program_set_number (self, g_value_get_uint (value));
      break;
    case PROP_NAME:
      kk_program_set_name (self, g_value_get_string (value));
      break;
    case PROP_PILLAR:
      kk_program_set_pillar (self, g_value_get_object (value));
      break;
    case PROP_FUNDING:
      kk_program_set_funding (self, g_value_get_boxed (value));
      break;
    case PROP_BUDGET:
      kk_program_set_budget (self, g_value_get_int64 (value));
      break;
    case PROP_STATUS:
      kk_program_set_status (self, g_value_get_enum (value));
      break;
    case PROP_PREVIOUS_NAME:
      kk_program_set_previous_name (self, g_value_get_string (value));
      break;
    case PROP_PREVIOUS_BUDGET:
      kk_program_set_previous_budget (self, g_value_get_int64 (value));
      break;
    case PROP_LEAD_DIVISION:
      kk_program_set_lead_division (self, g_value_get_object (value));
      break;
    case PROP_REVIEW_STATE:
      kk_program_set_review_state (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kk_program_class_init (KkProgramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = kk_program_dispose;
  object_class->finalize = kk_program_finalize;
  object_class->get_property = kk_program_get_property;
  object_class->set_property = kk_program_set_property;

  /**
   * KkProgram:number:
   *
   * The program's number 【n】, unique within the plan.
   */
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 1, G_MAXUINT, 1, rw);

  /**
   * KkProgram:name:
   *
   * 事業名, the program's name this year.
   */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);

  /**
   * KkProgram:pillar:
   *
   * The policy pillar that lists the program in the index.
   */
  properties[PROP_PILLAR] = g_param_spec_object ("pillar", NULL, NULL, KK_TYPE_PILLAR, rw);

  /**
   * KkProgram:funding:
   *
   * The funding sources in printed order, a #GPtrArray of #KkFunding.
   */
  properties[PROP_FUNDING] = g_param_spec_boxed ("funding", NULL, NULL, G_TYPE_PTR_ARRAY, rw);

  /**
   * KkProgram:funding-label:
   *
   * The funding codes as the sheet prints them: 県・市.
   */
  properties[PROP_FUNDING_LABEL] = g_param_spec_string ("funding-label", NULL, NULL, "", ro);

  /**
   * KkProgram:budget:
   *
   * 事業費 in thousand yen.
   */
  properties[PROP_BUDGET] = g_param_spec_int64 ("budget", NULL, NULL, 0, KK_BUDGET_MAX, 0, rw);

  /**
   * KkProgram:status:
   *
   * Continuing (継続) or new (新規).
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, KK_TYPE_PROGRAM_STATUS,
                       KK_PROGRAM_STATUS_CONTINUING, rw);

  /**
   * KkProgram:previous-name:
   *
   * Last year's name when it differs (同上 otherwise), or %NULL.
   */
  properties[PROP_PREVIOUS_NAME] = g_param_spec_string ("previous-name", NULL, NULL, NULL, rw);

  /**
   * KkProgram:previous-budget:
   *
   * Last year's 事業費 in thousand yen; 0 and unused for a new program.
   */
  properties[PROP_PREVIOUS_BUDGET] =
    g_param_spec_int64 ("previous-budget", NULL, NULL, 0, KK_BUDGET_MAX, 0, rw);

  /**
   * KkProgram:difference:
   *
   * 前年度比: budget less last year's, or the whole budget of a new program.
   */
  properties[PROP_DIFFERENCE] =
    g_param_spec_int64 ("difference", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);

  /**
   * KkProgram:lead-division:
   *
   * The division that leads the program, as the index assigns it.
   */
  properties[PROP_LEAD_DIVISION] =
    g_param_spec_object ("lead-division", NULL, NULL, KK_TYPE_DIVISION, rw);

  /**
   * KkProgram:review-state:
   *
   * Where the program stands in the year's review: 作成中, 確認待ち or 確定.
   * Confirmed unless set otherwise, as plans written before the review
   * existed are final.
   */
  properties[PROP_REVIEW_STATE] =
    g_param_spec_enum ("review-state", NULL, NULL, KK_TYPE_REVIEW_STATE,
                       KK_REVIEW_STATE_CONFIRMED, rw);

  /**
   * KkProgram:sheet:
   *
   * The sheet that describes the program, shared with others or not.
   */
  properties[PROP_SHEET] = g_param_spec_object ("sheet", NULL, NULL, KK_TYPE_SHEET, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kk_program_init (KkProgram *self)
{
  self->number = 1;
  self->name = g_strdup ("");
  self->review_state = KK_REVIEW_STATE_CONFIRMED;
  self->funding = g_ptr_array_new_with_free_func (g_object_unref);
}

KkProgram *
kk_program_new (guint       number,
                const char *name)
{
  g_return_val_if_fail (number > 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (KK_TYPE_PROGRAM, "number", number, "name", name, NULL);
}

guint
kk_program_get_number (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), 0);
  return self->number;
}

void
kk_program_set_number (KkProgram *self,
                       guint      number)
{
  g_return_if_fail (KK_IS_PROGRAM (self));
  g_return_if_fail (number > 0);

  if (self->number == number)
    return;
  self->number = number;
  kk_program_notify (self, PROP_NUMBER);
}

const char *
kk_program_get_name (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), NULL);
  return self->name;
}

void
kk_program_set_name (KkProgram  *self,
                     const char *name)
{
  g_return_if_fail (KK_IS_PROGRAM (self));
  g_return_if_fail (name != NULL);

  kk_update_string (self, &self->name, name, properties[PROP_NAME]);
}

KkPillar *
kk_program_get_pillar (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), NULL);
  return self->pillar;
}

void
kk_program_set_pillar (KkProgram *self,
                       KkPillar  *pillar)
{
  g_return_if_fail (KK_IS_PROGRAM (self));
  g_return_if_fail (!pillar || KK_IS_PILLAR (pillar));

  if (self->pillar == pillar)
    return;
  kk_program_follow_name (self, self->pillar, pillar, G_CALLBACK (kk_program_pillar_renamed));
  g_set_object (&self->pillar, pillar);
  kk_program_notify (self, PROP_PILLAR);
}

/**
 * kk_program_get_funding:
 *
 * Returns: (transfer none) (element-type KkFunding): the funding sources
 */
GPtrArray *
kk_program_get_funding (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), NULL);
  return self->funding;
}

void
kk_program_set_funding (KkProgram *self,
                        GPtrArray *funding)
{
  g_return_if_fail (KK_IS_PROGRAM (self));

  if (kk_ptr_array_equal (self->funding, funding))
    return;
  g_ptr_array_unref (self->funding);
  self->funding = kk_object_array_copy (funding);
  kk_program_notify (self, PROP_FUNDING);
  kk_program_notify (self, PROP_FUNDING_LABEL);
}

/**
 * kk_program_dup_funding_label:
 * @separator: what stands between two codes: "・" as printed, ";" in CSV
 *
 * Returns: (transfer full): the funding codes in order, e.g. 県・市
 */
char *
kk_program_dup_funding_label (KkProgram  *self,
                              const char *separator)
{
  GString *label = g_string_new (NULL);

  g_return_val_if_fail (KK_IS_PROGRAM (self), NULL);

  for (guint i = 0; i < self->funding->len; i++)
    {
      if (i > 0)
        g_string_append (label, separator);
      g_string_append (label, kk_funding_get_code (g_ptr_array_index (self->funding, i)));
    }
  return g_string_free (label, FALSE);
}

gboolean
kk_program_has_funding (KkProgram *self,
                        KkFunding *funding)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), FALSE);
  return g_ptr_array_find (self->funding, funding, NULL);
}

gint64
kk_program_get_budget (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), 0);
  return self->budget;
}

void
kk_program_set_budget (KkProgram *self,
                       gint64     budget)
{
  g_return_if_fail (KK_IS_PROGRAM (self));
  g_return_if_fail (budget >= 0 && budget <= KK_BUDGET_MAX);

  if (!kk_set_int64 (&self->budget, budget))
    return;
  kk_program_notify (self, PROP_BUDGET);
  kk_program_notify (self, PROP_DIFFERENCE);
}

KkProgramStatus
kk_program_get_status (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), KK_PROGRAM_STATUS_CONTINUING);
  return self->status;
}

void
kk_program_set_status (KkProgram       *self,
                       KkProgramStatus  status)
{
  g_return_if_fail (KK_IS_PROGRAM (self));

  if (self->status == status)
    return;
  self->status = status;
  kk_program_notify (self, PROP_STATUS);
  kk_program_notify (self, PROP_DIFFERENCE);
}

const char *
kk_program_get_previous_name (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), NULL);
  return self->previous_name;
}

void
kk_program_set_previous_name (KkProgram  *self,
                              const char *previous_name)
{
  g_return_if_fail (KK_IS_PROGRAM (self));

  kk_update_string (self, &self->previous_name, previous_name, properties[PROP_PREVIOUS_NAME]);
}

gint64
kk_program_get_previous_budget (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), 0);
  return self->previous_budget;
}

void
kk_program_set_previous_budget (KkProgram *self,
                                gint64     previous_budget)
{
  g_return_if_fail (KK_IS_PROGRAM (self));
  g_return_if_fail (previous_budget >= 0 && previous_budget <= KK_BUDGET_MAX);

  if (!kk_set_int64 (&self->previous_budget, previous_budget))
    return;
  kk_program_notify (self, PROP_PREVIOUS_BUDGET);
  kk_program_notify (self, PROP_DIFFERENCE);
}

/**
 * kk_program_get_difference:
 *
 * Returns: 前年度比 in thousand yen; a new program's whole budget
 */
gint64
kk_program_get_difference (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), 0);

  if (self->status == KK_PROGRAM_STATUS_NEW)
    return self->budget;
  return self->budget - self->previous_budget;
}

KkDivision *
kk_program_get_lead_division (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), NULL);
  return self->lead_division;
}

void
kk_program_set_lead_division (KkProgram  *self,
                              KkDivision *division)
{
  g_return_if_fail (KK_IS_PROGRAM (self));
  g_return_if_fail (!division || KK_IS_DIVISION (division));

  if (self->lead_division == division)
    return;
  kk_program_follow_name (self, self->lead_division, division,
                          G_CALLBACK (kk_program_division_renamed));
  g_set_object (&self->lead_division, division);
  kk_program_notify (self, PROP_LEAD_DIVISION);
}

KkReviewState
kk_program_get_review_state (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), KK_REVIEW_STATE_CONFIRMED);
  return self->review_state;
}

void
kk_program_set_review_state (KkProgram     *self,
                             KkReviewState  review_state)
{
  g_return_if_fail (KK_IS_PROGRAM (self));

  if (self->review_state == review_state)
    return;
  self->review_state = review_state;
  kk_program_notify (self, PROP_REVIEW_STATE);
}

/**
 * kk_program_get_sheet:
 *
 * Returns: (transfer none) (nullable): the sheet that covers the program
 */
KkSheet *
kk_program_get_sheet (KkProgram *self)
{
  g_return_val_if_fail (KK_IS_PROGRAM (self), NULL);
  return self->sheet;
}

void
kk_program_set_sheet (KkProgram *self,
                      KkSheet   *sheet)
{
  g_return_if_fail (KK_IS_PROGRAM (self));

  if (g_set_weak_pointer (&self->sheet, sheet))
    kk_program_notify (self, PROP_SHEET);
}
