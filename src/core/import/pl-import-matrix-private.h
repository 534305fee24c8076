/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "pl-import-matrix.h"

G_BEGIN_DECLS

/* The cell of @row in the column recognised as @role, or "". */
const char *_pl_import_matrix_cell_of (PlImportMatrix *self,
                                       guint           row,
                                       PlMatrixColumn  role);
/* The line of the file @row starts on, for messages. */
guint       _pl_import_matrix_line_of (PlImportMatrix *self,
                                       guint           row);

G_END_DECLS
