/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pl-cli.h"
#include "pl-diff.h"
#include "pl-document-snapshots.h"

/* snapshot create|list|show|diff|restore|rename|delete: named, frozen copies
 * of the draft, compared and restored from a script. A snapshot is named by
 * its number in "snapshot list", its name or its UUID. */

static int
open_and_find (const char  *path,
               const char  *ref,
               gboolean     read_only,
               PlDocument **doc,
               PlSnapshot **snapshot)
{
  g_autoptr(GError) error = NULL;

  if (!(*doc = pl_cli_open (path, read_only, &error)))
    return pl_cli_fail (error);
  if (ref != NULL && !(*snapshot = pl_document_find_snapshot (*doc, ref, &error)))
    return pl_cli_fail (error);
  return PL_CLI_OK;
}

static guint
number_of (PlDocument *doc,
           PlSnapshot *snapshot)
{
  GListModel *list = pl_document_get_snapshots (doc);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlSnapshot) s = g_list_model_get_item (list, i);

      if (s == snapshot)
        return i + 1;
    }
  return 0;
}

static int
snapshot_create (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE LABEL — take a snapshot of the draft (prints its number)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, argc < 3 ? _("FILE and LABEL are needed") : _("Too many arguments"));
  if ((code = open_and_find (argv[1], NULL, FALSE, &doc, NULL)) != PL_CLI_OK)
    return code;
  if (!(snapshot = pl_document_take_snapshot (doc, argv[2], &error)))
    return pl_cli_fail (error);
  g_print ("%u\n", number_of (doc, snapshot));
  return PL_CLI_OK;
}

static int
snapshot_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — list snapshots: number, taken at, status, automatic or manual, name, UUID"));
  g_autoptr(PlDocument) doc = NULL;
  GListModel *list;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return pl_cli_usage (ctx, argc < 2 ? _("FILE is missing") : _("Too many arguments"));
  if ((code = open_and_find (argv[1], NULL, TRUE, &doc, NULL)) != PL_CLI_OK)
    return code;
  list = pl_document_get_snapshots (doc);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PlSnapshot) s = g_list_model_get_item (list, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *row[] = { number, pl_record_get_created_at (PL_RECORD (s)),
                            pl_enum_to_nick (PL_TYPE_LIFECYCLE, pl_snapshot_get_status (s)),
                            pl_snapshot_get_automatic (s) ? "automatic" : "manual",
                            pl_snapshot_get_name (s), pl_record_get_uuid (PL_RECORD (s)), NULL };

      pl_cli_print_row (row);
    }
  return PL_CLI_OK;
}

static int
snapshot_show (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE SNAPSHOT — describe a snapshot and what it holds"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlSnapshot) s = NULL;
  g_autoptr(PlDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  guint n_objectives = 0;
  GPtrArray *pillars;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, argc < 3 ? _("FILE and SNAPSHOT are needed") : _("Too many arguments"));
  if ((code = open_and_find (argv[1], argv[2], TRUE, &doc, &s)) != PL_CLI_OK)
    return code;
  if (!(draft = pl_document_load_draft (doc, s, &error)))
    return pl_cli_fail (error);
  pillars = pl_draft_get_pillars (draft);
  for (guint i = 0; i < pillars->len; i++)
    n_objectives += pl_draft_get_objectives (draft, pl_record_get_uuid (g_ptr_array_index (pillars, i)))->len;
  name = pl_cli_escape (pl_snapshot_get_name (s), PL_CLI_ESCAPE_MESSAGE);
  g_print ("%-15s %u\n", _("Number:"), number_of (doc, s));
  g_print ("%-15s %s\n", _("Name:"), name);
  g_print ("%-15s %s\n", _("Taken:"), pl_record_get_created_at (PL_RECORD (s)));
  g_print ("%-15s %s\n", _("Status:"), pl_enum_to_label (PL_TYPE_LIFECYCLE, pl_snapshot_get_status (s)));
  g_print ("%-15s %s\n", _("Taken by:"), pl_snapshot_get_automatic (s) ? _("Pillars (automatic)") : _("a person"));
  g_print ("%-15s %s\n", _("UUID:"), pl_record_get_uuid (PL_RECORD (s)));
  {
    g_autofree char *title = pl_cli_escape (pl_strategy_get_title (pl_draft_get_strategy (draft)), PL_CLI_ESCAPE_MESSAGE);

    g_print ("%-15s %s\n", _("Title:"), title);
  }
  g_print ("%-15s %u\n", _("Sections:"), pl_draft_get_sections (draft)->len);
  g_print ("%-15s %u\n", _("Pillars:"), pillars->len);
  g_print ("%-15s %u\n", _("Objectives:"), n_objectives);
  g_print ("%-15s %u\n", _("Actions:"), pl_draft_count_actions (draft));
  return PL_CLI_OK;
}

static int
snapshot_diff (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE SNAPSHOT [OTHER] — what changed since SNAPSHOT (in the draft, or in snapshot OTHER)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlSnapshot) old = NULL;
  g_autoptr(PlSnapshot) new = NULL;
  g_autoptr(PlDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *report = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *heading = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3 && argc != 4)
    return pl_cli_usage (ctx, argc < 3 ? _("FILE and SNAPSHOT are needed") : _("Too many arguments"));
  if ((code = open_and_find (argv[1], argv[2], TRUE, &doc, &old)) != PL_CLI_OK)
    return code;
  if (argc == 4 && !(new = pl_document_find_snapshot (doc, argv[3], &error)))
    return pl_cli_fail (error);
  if (!(diff = pl_diff_compare (doc, old, new, &error)))
    return pl_cli_fail (error);
  if (new != NULL)
    heading = g_strdup_printf (_("Changes from “%s” to “%s”"), pl_snapshot_get_name (old), pl_snapshot_get_name (new));
  else
    heading = g_strdup_printf (_("Changes since “%s” in the current draft"), pl_snapshot_get_name (old));
  {
    g_autofree char *text = pl_diff_to_text (diff);

    report = g_strconcat (heading, "\n", text, NULL);
  }
  {
    /* Line by line: a message escapes newlines too. */
    g_auto(GStrv) lines = g_strsplit (report, "\n", -1);
    GString *out = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      {
        g_autofree char *line = pl_cli_escape (lines[i], PL_CLI_ESCAPE_MESSAGE);

        g_string_append (out, line);
        if (lines[i + 1] != NULL)
          g_string_append_c (out, '\n');
      }
    escaped = g_string_free (out, FALSE);
  }
  fputs (escaped, stdout);
  return PL_CLI_OK;
}

static int
snapshot_restore (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE SNAPSHOT — make the draft equal to SNAPSHOT (the draft before is kept as a snapshot)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlSnapshot) s = NULL;
  g_autoptr(PlSnapshot) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, argc < 3 ? _("FILE and SNAPSHOT are needed") : _("Too many arguments"));
  if ((code = open_and_find (argv[1], argv[2], FALSE, &doc, &s)) != PL_CLI_OK)
    return code;
  if (!(before = pl_document_restore_snapshot (doc, s, &error)))
    return pl_cli_fail (error);
  message = g_strdup_printf (_("Restored “%s”. The draft as it was is snapshot %u; restore it to undo."),
                             pl_snapshot_get_name (s), number_of (doc, before));
  {
    g_autofree char *escaped = pl_cli_escape (message, PL_CLI_ESCAPE_MESSAGE);

    g_print ("%s\n", escaped);
  }
  return PL_CLI_OK;
}

static int
snapshot_rename (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE SNAPSHOT LABEL — rename a snapshot"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlSnapshot) s = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 4)
    return pl_cli_usage (ctx, argc < 4 ? _("FILE, SNAPSHOT and LABEL are needed") : _("Too many arguments"));
  if ((code = open_and_find (argv[1], argv[2], FALSE, &doc, &s)) != PL_CLI_OK)
    return code;
  if (!pl_document_rename_snapshot (doc, s, argv[3], &error))
    return pl_cli_fail (error);
  return PL_CLI_OK;
}

int
pl_cli_snapshot (int    argc,
                 char **argv)
{
  static const char subcommands[] = "create, list, show, diff, restore, rename, delete";

  if (argc < 2)
    return pl_cli_sub_usage ("snapshot", subcommands);
  if (g_str_equal (argv[1], "create"))
    return snapshot_create (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return snapshot_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "show"))
    return snapshot_show (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "diff"))
    return snapshot_diff (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "restore"))
    return snapshot_restore (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "rename"))
    return snapshot_rename (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "delete"))
    return pl_cli_remove (argc - 1, argv + 1, "SNAPSHOT", (PlCliFinder) pl_document_find_snapshot);
  return pl_cli_sub_usage ("snapshot", subcommands);
}
