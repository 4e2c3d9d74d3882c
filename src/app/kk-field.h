/* kk-field.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "kk-plan.h"

G_BEGIN_DECLS

/**
 * KkFieldKind:
 * @KK_FIELD_TEXT: any text, a string property
 * @KK_FIELD_NAME: a text that may not be blank
 * @KK_FIELD_OPTIONAL_TEXT: a text whose blank is %NULL
 * @KK_FIELD_LINES: a text view of one item a line, a #GStrv property
 * @KK_FIELD_AMOUNT: thousand yen, a #gint64 property
 * @KK_FIELD_NUMBER: a program number from 1, a #guint property
 * @KK_FIELD_FIGURE: a KPI's figure, a #gdouble property; blank is no value
 * @KK_FIELD_DATE: a date stored as YYYY-MM-DD; blank is %NULL
 *
 * What a field holds, which decides how its text is read and written.
 */
typedef enum
{
  KK_FIELD_TEXT,
  KK_FIELD_NAME,
  KK_FIELD_OPTIONAL_TEXT,
  KK_FIELD_LINES,
  KK_FIELD_AMOUNT,
  KK_FIELD_NUMBER,
  KK_FIELD_FIGURE,
  KK_FIELD_DATE,
} KkFieldKind;

#define KK_TYPE_FIELD (kk_field_get_type ())

G_DECLARE_FINAL_TYPE (KkField, kk_field, KK, FIELD, GObject)

/**
 * KkFieldCheck:
 * @value: what the field's text means; unset for a blank figure
 *
 * Refuses a value the field's kind accepts but the plan may not hold here
 * (a program number another program has).
 *
 * Returns: %FALSE with @error set to say why
 */
typedef gboolean (*KkFieldCheck) (gpointer      data,
                                  const GValue *value,
                                  GError      **error);

/**
 * KkFieldApply:
 * @value: what the field's text means; unset for a blank figure
 *
 * Writes @value to the plan, in place of setting the field's property.
 */
typedef void (*KkFieldApply) (gpointer      data,
                              const GValue *value);

KkField     *kk_field_new          (GtkWidget    *widget,
                                    KkFieldKind   kind,
                                    const char   *property,
                                    const char   *label);
GtkWidget   *kk_field_get_widget   (KkField      *self);
void         kk_field_set_target   (KkField      *self,
                                    KkPlan       *plan,
                                    gpointer      object);
void         kk_field_set_check    (KkField      *self,
                                    KkFieldCheck  check,
                                    gpointer      data);
void         kk_field_set_apply    (KkField      *self,
                                    KkFieldApply  apply,
                                    gpointer      data);
const char  *kk_field_get_error    (KkField      *self);
gboolean     kk_field_get_pending  (KkField      *self);
void         kk_field_show         (KkField      *self);
void         kk_field_reset        (KkField      *self);
gboolean     kk_field_commit       (KkField      *self);
void         kk_field_retry        (KkField      *self);

gboolean     kk_field_text_is_blank (const char *text);
char        *kk_field_dup_refusal  (const GError *error,
                                    const char   *kept);
void         kk_field_mark_invalid (GtkWidget    *widget,
                                    gboolean      invalid);
void         kk_fields_commit      (KkField     **fields,
                                    guint         n_fields);
void         kk_fields_reset       (KkField     **fields,
                                    guint         n_fields);
void         kk_field_show_first_error (GtkWidget *container,
                                        GtkLabel  *label,
                                        KkField  **fields,
                                        guint      n_fields,
                                        const char *other);

G_END_DECLS
