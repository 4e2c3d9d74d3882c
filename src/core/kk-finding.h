/* kk-finding.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "kk-program.h"
#include "kk-types.h"

G_BEGIN_DECLS

#define KK_TYPE_FINDING (kk_finding_get_type ())

G_DECLARE_FINAL_TYPE (KkFinding, kk_finding, KK, FINDING, GObject)

KkFinding  *kk_finding_new          (const char *check,
                                     KkSeverity  severity,
                                     KkProgram  *program,
                                     GObject    *subject,
                                     const char *field,
                                     const char *place,
                                     const char *message);
const char *kk_finding_get_check    (KkFinding  *self);
KkSeverity  kk_finding_get_severity (KkFinding  *self);
KkProgram  *kk_finding_get_program  (KkFinding  *self);
GObject    *kk_finding_get_subject  (KkFinding  *self);
const char *kk_finding_get_field    (KkFinding  *self);
const char *kk_finding_get_place    (KkFinding  *self);
const char *kk_finding_get_message  (KkFinding  *self);

G_END_DECLS
