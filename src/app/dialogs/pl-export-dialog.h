/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-export.h"

G_BEGIN_DECLS

/*
 * PlExportDialog: chooses what to export (format, parts, annex of
 * recommendations with its filters, anonymisation, classification marking),
 * then asks where to save it and writes it with pl_export_to_file().
 *
 * Property "document" (construct-only). Signal "exported" (const char
 * *path): the file was written and the dialog closes.
 */
#define PL_TYPE_EXPORT_DIALOG (pl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlExportDialog, pl_export_dialog, PL, EXPORT_DIALOG, AdwWindow)

GtkWidget *pl_export_dialog_new         (GtkWindow             *parent,
                                         PlDocument            *document);
/* A review copy for the ministries (Word unless OpenDocument was chosen):
 * what "Export for Review…" opens. */
void       pl_export_dialog_set_for_review (PlExportDialog     *self,
                                            gboolean            for_review);
/* What the last export left out (for the "exported" signal's handler). */
const PlExportReport *pl_export_dialog_get_report (PlExportDialog *self);

G_END_DECLS
