/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-test-app.h"

G_BEGIN_DECLS

/* Helpers of the versions tests (snapshots view, compare view, lock). */

/* The visible AdwMessageDialog whose heading is @heading, or NULL. */
AdwMessageDialog *pl_test_find_message_dialog (const char *heading);
/* Sends @keys ("Escape", "ctrl+alt+s") to @window with xdotool, as a
 * person would type them; FALSE when xdotool or X11 is not there. */
gboolean          pl_test_xdotool_key         (GtkWindow  *window,
                                               const char *keys);
/* The first GtkEntry under @root. */
GtkWidget        *pl_test_find_entry          (GtkWidget  *root);

G_END_DECLS
