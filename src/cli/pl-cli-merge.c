/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-merge.h"

/* pillars-cli merge MASTER OTHER…: brings the captures and edits of copies
 * made on other laptops into MASTER, and prints what it did. */

int
pl_cli_merge (int    argc,
              char **argv)
{
  gboolean dry_run = FALSE, json = FALSE, fold = FALSE, other_strategy = FALSE;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Show the report without changing MASTER"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the report as JSON"), NULL },
    { "fold-duplicates", 0, 0, G_OPTION_ARG_NONE, &fold,
      N_("Fold stakeholders with the same name and organisation into one"), NULL },
    { "other-strategy", 0, 0, G_OPTION_ARG_NONE, &other_strategy,
      N_("Take only workshops, stakeholders and feedback from copies of another strategy"), NULL },
    { NULL },
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("MASTER OTHER… — merge copies made on other computers"));
  g_autoptr(PlMergeReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PlMergeFlags flags = 0;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc < 3)
    return pl_cli_usage (ctx, _("give the master document and at least one copy to merge into it"));

  if (dry_run)
    flags |= PL_MERGE_DRY_RUN;
  if (fold)
    flags |= PL_MERGE_FOLD_DUPLICATES;
  if (other_strategy)
    flags |= PL_MERGE_OTHER_STRATEGY;

  if (!(report = pl_merge_files (argv[1], (const char *const *) argv + 2, flags, &error)))
    {
      pl_cli_message (error->message);
      return PL_CLI_ERROR;
    }
  if (json)
    {
      /* The JSON escapes every control character itself. */
      text = pl_merge_report_to_json (report);
      fputs (text, stdout);
      return PL_CLI_OK;
    }
  text = pl_merge_report_to_text (report);
  {
    g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

    /* Values from the documents are escaped line by line, so no control
     * character reaches the terminal and the layout stays. */
    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_autofree char *line = pl_cli_escape (lines[i], PL_CLI_ESCAPE_MESSAGE);

        if (lines[i + 1] != NULL || *line)
          printf ("%s\n", line);
      }
  }
  return PL_CLI_OK;
}
