/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"

/* pillars-cli language FILE [TAG]: the language the exports declare (HTML
 * lang, the DOCX and ODT document language). */

int
pl_cli_language (int    argc,
                 char **argv)
{
  gboolean reset = FALSE;
  const GOptionEntry entries[] = {
    { "default", 0, 0, G_OPTION_ARG_NONE, &reset, N_("Use the user interface’s language again"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE [TAG] — show or set the strategy’s language (a BCP 47 tag: en-GB, fr, ar)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc < 2 || argc > 3 || (reset && argc == 3))
    return pl_cli_usage (ctx, _("FILE is needed, then a language tag or --default"));
  if (argc == 3 && !pl_language_tag_is_valid (argv[2]))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a language tag; give one like en-GB, fr or ar"), argv[2]);

      return pl_cli_usage (ctx, message);
    }

  if (!(doc = pl_cli_open (argv[1], argc == 2 && !reset, &error)))
    return pl_cli_fail (error);
  if (argc == 2 && !reset)
    {
      g_autofree char *language = pl_strategy_dup_document_language (pl_document_get_strategy (doc));

      g_print ("%s\n", language);
      return PL_CLI_OK;
    }
  if (!pl_document_begin (doc, &error))
    return pl_cli_fail (error);
  if (!pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error,
                      "language", reset ? "" : argv[2], NULL))
    {
      pl_document_rollback (doc);
      return pl_cli_fail (error);
    }
  if (!pl_document_commit (doc, &error))
    return pl_cli_fail (error);
  return PL_CLI_OK;
}
