/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "pl-document.h"
#include "pl-import-csv.h"

G_BEGIN_DECLS

/* What a column of a comment matrix holds. */
typedef enum {
  PL_MATRIX_COLUMN_NONE,             /* not used: listed as unmatched */
  PL_MATRIX_COLUMN_COMMENT,
  PL_MATRIX_COLUMN_COMMENTER,
  PL_MATRIX_COLUMN_ORGANISATION,
  PL_MATRIX_COLUMN_SECTOR,
  PL_MATRIX_COLUMN_SECTION,          /* section, clause, pillar: "2.1" or a title */
  PL_MATRIX_COLUMN_LINE,             /* line or paragraph */
  PL_MATRIX_COLUMN_TYPE,
  PL_MATRIX_COLUMN_PROPOSED_CHANGE,
  PL_MATRIX_COLUMN_RESPONSE,
  PL_MATRIX_COLUMN_DISPOSITION,
  PL_MATRIX_N_COLUMNS
} PlMatrixColumn;

/* What importing did (or, for a dry run, would do). */
typedef struct {
  guint added;                 /* comments added */
  guint already_there;         /* rows imported before: skipped */
  guint stakeholders_created;
  guint stakeholders_matched;
  guint unplaced;              /* section column named nothing in the strategy */
  guint empty;                 /* rows without a comment: skipped */
} PlMatrixReport;

/*
 * PlImportMatrix: a comment matrix (CSV) read and its columns recognised
 * by their names in English, French, Spanish and Portuguese; nothing is
 * written until pl_import_matrix_apply().
 *
 * Re-importing the same rows adds nothing, with no record of past imports
 * in the file: a row is already there when the document holds a comment
 * with the same text from the same stakeholder about the same part (the
 * second of two identical rows matches the second such comment).
 */
#define PL_TYPE_IMPORT_MATRIX (pl_import_matrix_get_type ())
G_DECLARE_FINAL_TYPE (PlImportMatrix, pl_import_matrix, PL, IMPORT_MATRIX, GObject)

PlImportMatrix *pl_import_matrix_new_from_data  (const char      *data,
                                                 gsize            size,
                                                 GError         **error);
PlImportMatrix *pl_import_matrix_new_for_file   (GFile           *file,
                                                 GCancellable    *cancellable,
                                                 GError         **error);

PlCsvEncoding   pl_import_matrix_get_encoding   (PlImportMatrix  *self);
char            pl_import_matrix_get_separator  (PlImportMatrix  *self);
guint           pl_import_matrix_get_n_columns  (PlImportMatrix  *self);
const char     *pl_import_matrix_get_header     (PlImportMatrix  *self,
                                                 guint            column);
PlMatrixColumn  pl_import_matrix_get_role       (PlImportMatrix  *self,
                                                 guint            column);
/* Rows below the header. */
guint           pl_import_matrix_get_n_rows     (PlImportMatrix  *self);
/* The cell, trimmed; "" past the end of a short row. */
const char     *pl_import_matrix_get_cell       (PlImportMatrix  *self,
                                                 guint            row,
                                                 guint            column);
/* The headers of the columns that match nothing (transfer full). */
GStrv           pl_import_matrix_dup_unmatched  (PlImportMatrix  *self);
/* "Comment", "Commenter", … (translated). */
const char     *pl_matrix_column_get_label      (PlMatrixColumn   role);

/* Adds the comments to @doc in one transaction, under @workshop if given;
 * with @dry_run nothing is written and @report says what would be. On
 * error nothing is written; the message names the row. */
gboolean        pl_import_matrix_apply          (PlImportMatrix  *self,
                                                 PlDocument      *doc,
                                                 PlWorkshop      *workshop,
                                                 gboolean         dry_run,
                                                 PlMatrixReport  *report,
                                                 GError         **error);

G_END_DECLS
