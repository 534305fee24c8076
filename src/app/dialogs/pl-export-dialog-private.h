/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-export-dialog.h"

G_BEGIN_DECLS

/* For tests: drive the dialog without its file chooser. */
void       pl_export_dialog_set_format  (PlExportDialog        *self,
                                         PlExportFormat         format);
/* "Changes since" @snapshot (NULL: a clean copy). */
void       pl_export_dialog_set_compare (PlExportDialog        *self,
                                         PlSnapshot            *snapshot);
/* The options the dialog's fields describe. */
void       pl_export_dialog_get_options (PlExportDialog        *self,
                                         PlExportOptions       *options);
/* Writes the export to @path (what the Export button does after the file
 * chooser); on failure shows the error and returns FALSE. */
gboolean   pl_export_dialog_export_to   (PlExportDialog        *self,
                                         const char            *path,
                                         GError               **error);

G_END_DECLS
