/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-import-matrix.h"

/* import-feedback: the comment matrix of a consultation held before
 * Pillars, brought into the document it commented on. */

static void
print_columns (PlImportMatrix *matrix)
{
  g_auto(GStrv) unmatched = pl_import_matrix_dup_unmatched (matrix);
  guint n = pl_import_matrix_get_n_columns (matrix);

  g_print ("%s\n", _("Columns:"));
  for (guint c = 0; c < n; c++)
    {
      PlMatrixColumn role = pl_import_matrix_get_role (matrix, c);
      g_autofree char *header = NULL;

      if (role == PL_MATRIX_COLUMN_NONE)
        continue;
      header = pl_cli_escape (pl_import_matrix_get_header (matrix, c), PL_CLI_ESCAPE_MESSAGE);
      /* TRANSLATORS: a field of a comment and the column of the matrix it comes from */
      g_print (_("  %s ← “%s”\n"), pl_matrix_column_get_label (role), header);
    }
  if (unmatched[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv ("”, “", unmatched);
      g_autofree char *escaped = pl_cli_escape (joined, PL_CLI_ESCAPE_MESSAGE);

      g_print (_("Not imported: “%s”\n"), escaped);
    }
}

static void
print_report (const PlMatrixReport *r,
              gboolean              dry_run)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line,
                          dry_run ? ngettext ("Would add %u comment", "Would add %u comments", r->added)
                                  : ngettext ("Added %u comment", "Added %u comments", r->added),
                          r->added);
  if (r->already_there)
    g_string_append_printf (line, ngettext ("; %u was already there", "; %u were already there", r->already_there),
                            r->already_there);
  if (r->empty)
    g_string_append_printf (line, ngettext ("; %u row without a comment skipped", "; %u rows without a comment skipped", r->empty),
                            r->empty);
  g_print ("%s.\n", line->str);
  if (r->stakeholders_created || r->stakeholders_matched)
    {
      g_autofree char *created = g_strdup_printf (dry_run ? ngettext ("%u new stakeholder would be added", "%u new stakeholders would be added", r->stakeholders_created)
                                                          : ngettext ("%u new stakeholder added", "%u new stakeholders added", r->stakeholders_created),
                                                  r->stakeholders_created);
      g_print (ngettext ("Stakeholders: %s, %u row matched the registry.\n",
                         "Stakeholders: %s, %u rows matched the registry.\n", r->stakeholders_matched),
               created, r->stakeholders_matched);
    }
  if (r->unplaced)
    g_print (ngettext ("%u comment names a part not in the strategy; it is about the strategy as a whole.\n",
                       "%u comments name a part not in the strategy; they are about the strategy as a whole.\n",
                       r->unplaced),
             r->unplaced);
}

int
pl_cli_import_feedback (int    argc,
                        char **argv)
{
  g_autofree char *workshop = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop, N_("The comments were made at this workshop (id or title)"), N_("WORKSHOP") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show the columns and what would be added; write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE MATRIX.csv — add the comments of a comment matrix (CSV: comma, semicolon or tab)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlWorkshop) w = NULL;
  g_autoptr(PlImportMatrix) matrix = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  PlMatrixReport report;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, _("FILE and MATRIX.csv are needed"));

  file = g_file_new_for_commandline_arg (argv[2]);
  if (!(matrix = pl_import_matrix_new_for_file (file, NULL, &error)))
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", argv[2], error->message);

      pl_cli_message (message);
      return PL_CLI_ERROR;
    }
  if (!(doc = pl_cli_open (argv[1], dry_run, &error)))
    return pl_cli_fail (error);
  if (workshop && !(w = pl_cli_find_workshop (doc, workshop, &error)))
    return pl_cli_fail (error);

  {
    g_autofree char *name = pl_cli_escape (argv[2], PL_CLI_ESCAPE_MESSAGE);

    g_print (ngettext ("%s: %s, %s-separated, %u row.\n", "%s: %s, %s-separated, %u rows.\n",
                       pl_import_matrix_get_n_rows (matrix)),
             name, pl_csv_encoding_name (pl_import_matrix_get_encoding (matrix)),
             pl_csv_separator_name (pl_import_matrix_get_separator (matrix)),
             pl_import_matrix_get_n_rows (matrix));
  }
  print_columns (matrix);
  if (!pl_import_matrix_apply (matrix, doc, w, dry_run, &report, &error))
    return pl_cli_fail (error);
  print_report (&report, dry_run);
  return PL_CLI_OK;
}
