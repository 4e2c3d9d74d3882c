/* kk-json-writer.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "kk-json-reader.h"

G_BEGIN_DECLS

typedef struct _KkJsonWriter KkJsonWriter;

KkJsonWriter *kk_json_writer_new          (void);
GBytes       *kk_json_writer_free_to_bytes (KkJsonWriter *self);
void          kk_json_writer_begin_object (KkJsonWriter *self);
void          kk_json_writer_end_object   (KkJsonWriter *self);
void          kk_json_writer_begin_array  (KkJsonWriter *self);
void          kk_json_writer_end_array    (KkJsonWriter *self);
void          kk_json_writer_member       (KkJsonWriter *self,
                                           const char   *name);
void          kk_json_writer_string       (KkJsonWriter *self,
                                           const char   *value);
void          kk_json_writer_int          (KkJsonWriter *self,
                                           gint64        value);
void          kk_json_writer_double       (KkJsonWriter *self,
                                           double        value);
void          kk_json_writer_value        (KkJsonWriter *self,
                                           KkJsonTree   *tree,
                                           KkJsonRef     ref);

G_END_DECLS
