/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "pl-document.h"
#include "pl-import-matrix.h"

G_BEGIN_DECLS

/*
 * PlImportCommentsDialog: a comment matrix before anything is written —
 * its encoding and separator, what each column became (and which are left
 * out), the first rows as they will read, and what importing will add.
 * "Import" writes the comments in one transaction and emits "imported"
 * (a translated one-line summary) before closing; × and Esc close it with
 * nothing written.
 */
#define PL_TYPE_IMPORT_COMMENTS_DIALOG (pl_import_comments_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlImportCommentsDialog, pl_import_comments_dialog, PL, IMPORT_COMMENTS_DIALOG, AdwWindow)

GtkWidget  *pl_import_comments_dialog_new   (GtkWindow       *parent,
                                             PlDocument      *document,
                                             PlImportMatrix  *matrix,
                                             const char      *file_name);

G_END_DECLS
