/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-document.h"

G_BEGIN_DECLS

/* PlWorkshopsDialog: the registry of validation workshops (add, edit, delete). */
#define PL_TYPE_WORKSHOPS_DIALOG (pl_workshops_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlWorkshopsDialog, pl_workshops_dialog, PL, WORKSHOPS_DIALOG, AdwPreferencesWindow)

GtkWidget  *pl_workshops_dialog_new          (PlDocument        *document);

G_END_DECLS
