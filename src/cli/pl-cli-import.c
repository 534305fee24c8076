/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-import-draft.h"

/* pillars-cli import NEW.pillars DRAFT [--map ENTRY]... [--dry-run] */
int
pl_cli_import (int    argc,
               char **argv)
{
  g_auto(GStrv) maps = NULL;
  gboolean dry_run = FALSE;
  const GOptionEntry entries[] = {
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Steer detection: pillar=LEVEL, objective=LEVEL (heading levels), or HEADING=ROLE with ROLE section, pillar, objective, action or text; repeatable"), N_("ENTRY") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Print the detected outline and what would be left out; write nothing"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("NEW.pillars DRAFT.docx|.odt|.md — make a new strategy from an existing draft"));
  g_autoptr(PlImportDraft) draft = NULL;
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *report;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, _("Give the new strategy file and the draft to import, in that order"));
  if (!dry_run && g_file_test (argv[1], G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” already exists; import makes a new file and never replaces one. Choose another name."), argv[1]);
      pl_cli_message (message);
      return PL_CLI_ERROR;
    }
  if (!(draft = pl_import_draft_new_from_file (argv[2], &error)))
    return pl_cli_fail (error);
  for (guint i = 0; maps && maps[i]; i++)
    if (!pl_import_draft_apply_map (draft, maps[i], &error))
      return pl_cli_usage (ctx, error->message);

  if (dry_run)
    {
      g_autofree char *outline = pl_import_draft_to_outline_text (draft);
      g_auto(GStrv) lines = g_strsplit (outline, "\n", -1);

      /* Headings come from the draft: escaped line by line for the terminal. */
      for (guint i = 0; lines[i] && (lines[i][0] || lines[i + 1]); i++)
        {
          g_autofree char *escaped = pl_cli_escape (lines[i], PL_CLI_ESCAPE_MESSAGE);
          g_print ("%s\n", escaped);
        }
      return PL_CLI_OK;
    }
  if (!(doc = pl_import_draft_write (draft, argv[1], &error)))
    return pl_cli_fail (error);
  g_print (_("Imported “%s”: %u sections, %u pillars, %u objectives, %u actions\n"),
           pl_import_draft_get_title (draft),
           pl_import_draft_count (draft, PL_IMPORT_ROLE_SECTION),
           pl_import_draft_count (draft, PL_IMPORT_ROLE_PILLAR),
           pl_import_draft_count (draft, PL_IMPORT_ROLE_OBJECTIVE),
           pl_import_draft_count (draft, PL_IMPORT_ROLE_ACTION));
  report = pl_import_draft_get_report (draft);
  for (guint i = 0; report[i]; i++)
    {
      g_autofree char *line = g_strdup_printf (_("Left out: %s"), report[i]);
      pl_cli_message (line);
    }
  pl_document_close (doc);
  return PL_CLI_OK;
}
