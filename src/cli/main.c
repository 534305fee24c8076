/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>


#include "pl-cli.h"
#include "pl-i18n.h"

static const PlCliEntry commands[] = {
  { "new", N_("Create a strategy from the standard template"), pl_cli_new },
  { "demo", N_("Write the example strategy (or the big benchmark document)"), pl_cli_demo },
  { "info", N_("Describe a document: title, status, schema version, counts"), pl_cli_info },
  { "check", N_("Check a document’s integrity and schema"), pl_cli_check },
  { "export", N_("Export to Markdown, HTML, DOCX, ODT, XLSX or CSV"), pl_cli_export },
  { "import", N_("Make a new strategy from a DOCX, ODT or Markdown draft"), pl_cli_import },
  { "language", N_("Show or set the strategy’s language, which exports declare"), pl_cli_language },
  { "search", N_("Full-text search over narrative and feedback"), pl_cli_search },
  { "pillar", N_("List, add, change or remove pillars"), pl_cli_pillar },
  { "objective", N_("List, add, change or remove objectives"), pl_cli_objective },
  { "action", N_("List, add, change or remove actions"), pl_cli_action },
  { "feedback", N_("Capture, list and answer feedback"), pl_cli_feedback },
  { "workshop", N_("List, add and change workshops"), pl_cli_workshop },
  { "stakeholder", N_("List, add, change and fold stakeholders"), pl_cli_stakeholder },
  { "snapshot", N_("Take, list, compare, restore and delete snapshots"), pl_cli_snapshot },
  { "merge", N_("Merge copies made on other computers into a master"), pl_cli_merge },
  { "import-feedback", N_("Add the comments of a comment matrix (CSV)"), pl_cli_import_feedback },
  { "import-review", N_("Add the comments and tracked changes of returned review copies (DOCX, ODT)"), pl_cli_import_review },
};

static void
print_help (FILE *out)
{
  int width = 0;

  fprintf (out, "%s\n\n", _("Usage: pillars-cli COMMAND [OPTIONS] FILE …"));
  fprintf (out, "%s\n\n", _("Draft a national cybersecurity strategy and validate it with stakeholders."));
  /* The summaries in one column, however long the longest name. */
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-*s  %s\n", width, commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “pillars-cli COMMAND --help” for the options of a command."));
  fprintf (out, "%s\n", _("Exit status: 0 success, 1 a problem with the document or data, 2 bad usage."));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  pl_i18n_bind_textdomain ();
  g_set_prgname ("pillars-cli");

  if (argc < 2)
    {
      print_help (stderr);
      return PL_CLI_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return PL_CLI_OK;
    }
  if (g_str_equal (argv[1], "--version") || g_str_equal (argv[1], "-V"))
    {
      g_print ("pillars-cli %s (document format %d)\n", PACKAGE_VERSION, PL_SCHEMA_VERSION);
      return PL_CLI_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”. Run “pillars-cli --help” for the list."), argv[1]);

    pl_cli_message (message);
  }
  return PL_CLI_USAGE;
}
