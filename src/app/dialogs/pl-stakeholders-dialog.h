/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-document.h"

G_BEGIN_DECLS

/* PlStakeholdersDialog: the registry of stakeholders (add, edit, delete,
 * and merge a duplicate into another, moving its feedback). */
#define PL_TYPE_STAKEHOLDERS_DIALOG (pl_stakeholders_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlStakeholdersDialog, pl_stakeholders_dialog, PL, STAKEHOLDERS_DIALOG, AdwPreferencesWindow)

GtkWidget  *pl_stakeholders_dialog_new      (PlDocument           *document);

G_END_DECLS
