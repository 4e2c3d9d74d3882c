/* kk-program.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kk-division.h"
#include "kk-funding.h"
#include "kk-pillar.h"
#include "kk-types.h"

G_BEGIN_DECLS

#define KK_TYPE_PROGRAM (kk_program_get_type ())

G_DECLARE_FINAL_TYPE (KkProgram, kk_program, KK, PROGRAM, GObject)

typedef struct _KkSheet KkSheet;

KkProgram       *kk_program_new                 (guint            number,
                                                 const char      *name);
guint            kk_program_get_number          (KkProgram       *self);
void             kk_program_set_number          (KkProgram       *self,
                                                 guint            number);
const char      *kk_program_get_name            (KkProgram       *self);
void             kk_program_set_name            (KkProgram       *self,
                                                 const char      *name);
KkPillar        *kk_program_get_pillar          (KkProgram       *self);
void             kk_program_set_pillar          (KkProgram       *self,
                                                 KkPillar        *pillar);
GPtrArray       *kk_program_get_funding         (KkProgram       *self);
void             kk_program_set_funding         (KkProgram       *self,
                                                 GPtrArray       *funding);
char            *kk_program_dup_funding_label   (KkProgram       *self,
                                                 const char      *separator);
gint64           kk_program_get_budget          (KkProgram       *self);
void             kk_program_set_budget          (KkProgram       *self,
                                                 gint64           budget);
KkProgramStatus  kk_program_get_status          (KkProgram       *self);
void             kk_program_set_status          (KkProgram       *self,
                                                 KkProgramStatus  status);
const char      *kk_program_get_previous_name   (KkProgram       *self);
void             kk_program_set_previous_name   (KkProgram       *self,
                                                 const char      *previous_name);
gint64           kk_program_get_previous_budget (KkProgram       *self);
void             kk_program_set_previous_budget (KkProgram       *self,
                                                 gint64           previous_budget);
gint64           kk_program_get_difference      (KkProgram       *self);
KkDivision      *kk_program_get_lead_division   (KkProgram       *self);
void             kk_program_set_lead_division   (KkProgram       *self,
                                                 KkDivision      *division);
KkReviewState    kk_program_get_review_state    (KkProgram       *self);
void             kk_program_set_review_state    (KkProgram       *self,
                                                 KkReviewState    review_state);
KkSheet         *kk_program_get_sheet           (KkProgram       *self);
gboolean         kk_program_has_funding         (KkProgram       *self,
                                                 KkFunding       *funding);

G_END_DECLS
