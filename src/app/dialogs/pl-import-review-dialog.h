/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-document.h"
#include "pl-review-import.h"

G_BEGIN_DECLS

/*
 * PlImportReviewDialog: the returned review copies before anything is
 * written — what will be added, per reviewer and per pillar, each item
 * with where it goes (and whether it was placed by its text because the
 * copy lost its anchors), what was left out, and the organisation of
 * reviewers new to the registry. "Import" adds everything in one step
 * (one Undo) and emits "imported" (a translated summary) before closing;
 * × and Esc close it with nothing written.
 */
#define PL_TYPE_IMPORT_REVIEW_DIALOG (pl_import_review_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlImportReviewDialog, pl_import_review_dialog, PL, IMPORT_REVIEW_DIALOG, AdwWindow)

GtkWidget  *pl_import_review_dialog_new   (GtkWindow       *parent,
                                           PlDocument      *document,
                                           PlReviewImport  *import,
                                           const char      *subtitle);

G_END_DECLS
