/* kk-document.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "kk-plan.h"

G_BEGIN_DECLS

#define KK_TYPE_DOCUMENT (kk_document_get_type ())

G_DECLARE_FINAL_TYPE (KkDocument, kk_document, KK, DOCUMENT, GObject)

KkDocument *kk_document_new            (KkPlan       *plan,
                                        GFile        *file);
void        kk_document_load_async     (GFile               *file,
                                        gboolean             read_only,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
KkDocument *kk_document_load_finish    (GAsyncResult        *result,
                                        GError             **newer_error,
                                        GError             **error);
KkPlan     *kk_document_get_plan       (KkDocument   *self);
GFile      *kk_document_get_file       (KkDocument   *self);
const char *kk_document_get_etag       (KkDocument   *self);
gboolean    kk_document_get_read_only  (KkDocument   *self);
void        kk_document_set_file_state (KkDocument   *self,
                                        const char   *etag,
                                        gboolean      read_only);
void        kk_document_save_async     (KkDocument          *self,
                                        GFile               *file,
                                        gboolean             overwrite,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    kk_document_save_finish    (KkDocument          *self,
                                        GAsyncResult        *result,
                                        GError             **error);
gboolean    kk_document_get_busy       (KkDocument   *self);
void        kk_document_set_test_delay (guint         delay_ms);
const char *kk_document_get_recovery_error (KkDocument *self);
gboolean    kk_document_take_over_lock (KkDocument   *self,
                                        GError      **error);
void        kk_document_unlock         (KkDocument   *self);
gboolean    kk_document_keep_aside     (KkDocument   *self,
                                        GError      **error);
void        kk_document_discard        (KkDocument   *self);

G_END_DECLS
