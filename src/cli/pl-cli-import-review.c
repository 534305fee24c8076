/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-review.h"
#include "pl-review-import.h"
#include "pl-document-history.h"

/* import-review: the review copies the ministries sent back (exported with
 * `export --for-review`), their Word comments and tracked changes added as
 * feedback — comments and amendments — by reviewer and pillar. */

/* Line by line: the terminal escaping would show the line breaks. */
static void
print_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *escaped = pl_cli_escape (lines[i], PL_CLI_ESCAPE_MESSAGE);

      if (lines[i + 1] != NULL || *escaped)
        g_print ("%s\n", escaped);
    }
}

/* A dry run lists every item, so what will happen can be checked. */
static void
list_items (PlDocument     *doc,
            PlReviewImport *import)
{
  guint n = pl_review_import_get_n_items (import);

  for (guint i = 0; i < n; i++)
    {
      const PlReviewItem *item = pl_review_import_get_item (import, i);
      g_autofree char *where = item->target ? pl_document_describe_record (item->target)
                                            : g_strdup (_("the strategy"));
      g_autofree char *quote = pl_cli_escape (item->quote, PL_CLI_ESCAPE_FIELD);
      g_autofree char *what = NULL;
      g_autofree char *line = NULL;

      if (item->kind == PL_FEEDBACK_AMENDMENT)
        {
          g_autofree char *proposal = pl_cli_escape (item->proposal, PL_CLI_ESCAPE_FIELD);

          switch (item->operation)
            {
            case PL_AMENDMENT_INSERT_AFTER:
              what = g_strdup_printf (_("insert “%s” after “%s”"), proposal, quote);
              break;
            case PL_AMENDMENT_DELETE:
              what = g_strdup_printf (_("delete “%s”"), quote);
              break;
            case PL_AMENDMENT_REPLACE:
            default:
              what = g_strdup_printf (_("replace “%s” with “%s”"), quote, proposal);
              break;
            }
        }
      else
        {
          g_autofree char *text = pl_cli_escape (item->text, PL_CLI_ESCAPE_FIELD);

          if (*quote)
            what = g_strdup_printf (_("“%s” on “%s”"), text, quote);
          else
            what = g_strdup_printf (_("“%s”"), text);
        }
      if (item->already_there)
        /* Translators: a dry run's list: "- Ana Lopes, objective “…”: … (imported before)" */
        line = g_strdup_printf (_("- %s, %s: %s (imported before)"), item->author, where, what);
      else if (item->placement == PL_REVIEW_PLACED_BY_TEXT || item->placement == PL_REVIEW_PLACED_BY_HEADING)
        line = g_strdup_printf (_("- %s, %s: %s (placed by its text)"), item->author, where, what);
      else
        line = g_strdup_printf (_("- %s, %s: %s"), item->author, where, what);
      print_lines (line);
    }
}

int
pl_cli_import_review (int    argc,
                      char **argv)
{
  g_autofree char *workshop = NULL;
  g_autofree char *organisation = NULL;
  gboolean dry_run = FALSE, force = FALSE;
  const GOptionEntry entries[] = {
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop, N_("File the comments under this workshop (id or title)"), N_("WORKSHOP") },
    { "organisation", 'o', 0, G_OPTION_ARG_STRING, &organisation, N_("The organisation of reviewers new to the stakeholder registry"), N_("ORGANISATION") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Show what would be added; write nothing"), NULL },
    { "force-other-strategy", 0, 0, G_OPTION_ARG_NONE, &force, N_("Import a copy made from another strategy, placing its items by their text"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE REVIEWED.docx… — add the comments and tracked changes of returned review copies (DOCX or ODT)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlWorkshop) w = NULL;
  g_autoptr(PlReviewImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;
  guint added = 0;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc < 3)
    return pl_cli_usage (ctx, _("FILE and at least one returned copy (REVIEWED.docx) are needed"));

  if (!(doc = pl_cli_open (argv[1], dry_run, &error)))
    return pl_cli_fail (error);
  if (workshop && !(w = pl_cli_find_workshop (doc, workshop, &error)))
    return pl_cli_fail (error);

  import = pl_review_import_new (doc);
  pl_review_import_set_organisation (import, organisation);
  pl_review_import_set_workshop (import, w);
  pl_review_import_set_force_other_strategy (import, force);
  for (int i = 2; i < argc; i++)
    if (!pl_review_import_add_file (import, argv[i], &error))
      {
        if (g_error_matches (error, PL_REVIEW_ERROR, PL_REVIEW_ERROR_OTHER_STRATEGY))
          {
            g_autofree char *message = g_strdup_printf ("%s %s", error->message,
                                                        _("(To import it anyway: --force-other-strategy.)"));
            pl_cli_message (message);
            return PL_CLI_ERROR;
          }
        return pl_cli_fail (error);
      }

  preview = pl_review_import_format_preview (import);
  print_lines (preview);
  if (dry_run)
    {
      list_items (doc, import);
      return PL_CLI_OK;
    }
  if (!pl_review_import_apply (import, &added, &error))
    return pl_cli_fail (error);
  if (added > 0)
    g_print (ngettext ("Added %u item.\n", "Added %u items.\n", added), added);
  return PL_CLI_OK;
}
