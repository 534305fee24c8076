/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fuzz target: arbitrary bytes as a comment matrix (CSV in any encoding),
 * read, its columns recognised, every cell read back, and a dry run
 * against a small strategy (the matching of sections and stakeholders). */

#include <string.h>

#include "pl-document.h"
#include "pl-import-matrix.h"
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PlDocument *document;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *path = g_build_filename (fuzz_scratch_dir (), "matrix.pillars", NULL);
  g_autoptr(GError) error = NULL;

  document = pl_document_create (path, PL_TEMPLATE_STANDARD, &error);
  if (document == NULL)
    g_error ("cannot create %s: %s", path, error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlImportMatrix) matrix = pl_import_matrix_new_from_data ((const char *) data, size, &error);
  g_auto(GStrv) unmatched = NULL;
  PlMatrixReport report;

  if (matrix == NULL)
    {
      /* Every refusal says why. */
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
      return 0;
    }
  for (guint r = 0; r < pl_import_matrix_get_n_rows (matrix); r++)
    for (guint c = 0; c < pl_import_matrix_get_n_columns (matrix) + 1; c++)
      if (!g_utf8_validate (pl_import_matrix_get_cell (matrix, r, c), -1, NULL))
        abort ();
  unmatched = pl_import_matrix_dup_unmatched (matrix);
  if (!pl_import_matrix_apply (matrix, document, NULL, TRUE, &report, &error))
    abort ();
  return 0;
}
