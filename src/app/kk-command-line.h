/* kk-command-line.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit status of --check when it found something. */
#define KK_EXIT_FINDINGS 1
/* Exit status for bad usage or an unreadable file. */
#define KK_EXIT_USAGE 2

gboolean kk_command_line_run (char **arguments,
                              int   *exit_status);

G_END_DECLS
