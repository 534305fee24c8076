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
/* Opens at once saying it is reading @file_name, reads @path in a thread
 * (cancelled when the dialog closes), then shows the outline — or, if the
 * file cannot be imported, why, in the dialog. Create is disabled until
 * the outline is there. */
GtkWidget  *pl_import_draft_dialog_new_for_file (GtkWindow         *parent,
                                                 const char        *path,
                                                 const char        *file_name);
/* NULL while the file is still being read, or if it could not be. */
PlImportDraft *pl_import_draft_dialog_get_draft (PlImportDraftDialog *self);
/* TRUE until the outline is shown (also when reading failed). */
gboolean    pl_import_draft_dialog_is_reading (PlImportDraftDialog *self);
/* Writes the strategy to @path as "Create Strategy…" does once a file is
 * chosen (emits "created" and closes on success). */
gboolean    pl_import_draft_dialog_create_at  (PlImportDraftDialog *self,
                                               const char          *path,
                                               GError             **error);

G_END_DECLS
