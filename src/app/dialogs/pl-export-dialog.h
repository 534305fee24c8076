/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-export.h"

G_BEGIN_DECLS

/*
 * PlExportDialog: chooses what to export (format, parts, annex of
 * recommendations with its filters, anonymisation, classification marking),
 * then asks where to save it and writes it with pl_export_to_file().
 */
#define PL_TYPE_EXPORT_DIALOG (pl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlExportDialog, pl_export_dialog, PL, EXPORT_DIALOG, AdwWindow)

GtkWidget *pl_export_dialog_new         (GtkWindow             *parent,
                                         PlDocument            *document);
void       pl_export_dialog_set_format  (PlExportDialog        *self,
                                         PlExportFormat         format);
/* The options the dialog's fields describe. */
void       pl_export_dialog_get_options (PlExportDialog        *self,
                                         PlExportOptions       *options);
/* Writes the export to @path (what the Export button does after the file
 * chooser); on failure shows the error and returns FALSE. */
gboolean   pl_export_dialog_export_to   (PlExportDialog        *self,
                                         const char            *path,
                                         GError               **error);

G_END_DECLS
