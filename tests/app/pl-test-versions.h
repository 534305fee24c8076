/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-test-app.h"
#include "pl-test-input.h"

G_BEGIN_DECLS

/* Helpers of the versions tests (snapshots view, compare view, lock). */

/* The visible AdwMessageDialog whose heading is @heading, or NULL. */
AdwMessageDialog *pl_test_find_message_dialog (const char *heading);
/* The first GtkEntry under @root. */
GtkWidget        *pl_test_find_entry          (GtkWidget  *root);

G_END_DECLS
