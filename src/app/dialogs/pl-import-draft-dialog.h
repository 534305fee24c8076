/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-import-draft.h"

G_BEGIN_DECLS

/*
 * PlImportDraftDialog: the outline detected in a Word, LibreOffice or
 * Markdown draft, before anything is written. The drafter picks which
 * heading levels are pillars and objectives and what any one heading
 * becomes (section, pillar, objective, action or part of the text above);
 * each choice re-runs detection at once. "Create Strategy…" asks where to
 * save the new .pillars file, writes it and emits "created" (its path).
 * × and Esc close it with nothing written.
 */
#define PL_TYPE_IMPORT_DRAFT_DIALOG (pl_import_draft_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlImportDraftDialog, pl_import_draft_dialog, PL, IMPORT_DRAFT_DIALOG, AdwWindow)

GtkWidget  *pl_import_draft_dialog_new        (GtkWindow           *parent,
                                               PlImportDraft       *draft,
                                               const char          *file_name);
PlImportDraft *pl_import_draft_dialog_get_draft (PlImportDraftDialog *self);
/* Writes the strategy to @path as "Create Strategy…" does once a file is
 * chosen (emits "created" and closes on success). */
gboolean    pl_import_draft_dialog_create_at  (PlImportDraftDialog *self,
                                               const char          *path,
                                               GError             **error);

G_END_DECLS
