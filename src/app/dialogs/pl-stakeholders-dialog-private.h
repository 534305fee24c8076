/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-stakeholders-dialog.h"

G_BEGIN_DECLS

/* For tests. */
/* The row editing @stakeholder (an AdwExpanderRow), or NULL. */
GtkWidget  *pl_stakeholders_dialog_get_row  (PlStakeholdersDialog *self,
                                             PlStakeholder        *stakeholder);

G_END_DECLS
