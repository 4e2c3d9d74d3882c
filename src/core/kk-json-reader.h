/* kk-json-checker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define KK_JSON_MAX_DEPTH 32
#define KK_JSON_MAX_STRING (1024 * 1024)

JsonNode *kk_json_read (const char  *text,
                        gsize        length,
                        GError     **error);

G_END_DECLS
