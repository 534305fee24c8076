/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pl-cli.h"

/* pillar, objective and action: the structure of the strategy. */

static gboolean
read_body (char       **body,
           const char  *body_file,
           GError     **error)
{
  if (body_file == NULL)
    return TRUE;
  g_free (*body);
  *body = pl_cli_read_text (body_file, error);
  return *body != NULL;
}

static gboolean
move_to (PlDocument  *doc,
         PlRecord    *record,
         int          position,
         GError     **error)
{
  if (position <= 0)
    return TRUE;
  return pl_document_move (doc, record, position - 1, error);
}

/* ---- pillar ---- */

static int
pillar_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — list the pillars (number, title, objectives, actions, summary)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *pillars;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return pl_cli_usage (ctx, _("FILE is missing"));
  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);

  pillars = pl_document_get_pillars (doc);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (doc, p);
      guint n_obj = g_list_model_get_n_items (objectives), n_act = 0;
      g_autofree char *num = g_strdup_printf ("%u", i + 1);
      g_autofree char *obj = g_strdup_printf ("%u", n_obj);
      g_autofree char *act = NULL;

      for (guint j = 0; j < n_obj; j++)
        {
          g_autoptr(PlObjective) o = g_list_model_get_item (objectives, j);
          n_act += g_list_model_get_n_items (pl_document_get_actions (doc, o));
        }
      act = g_strdup_printf ("%u", n_act);
      {
        const char *row[] = { num, pl_pillar_get_title (p), obj, act, pl_pillar_get_summary (p), NULL };
        pl_cli_print_row (row);
      }
    }
  return PL_CLI_OK;
}

static int
pillar_add_or_set (int argc, char **argv, gboolean add)
{
  g_autofree char *title = NULL, *summary = NULL, *body = NULL, *body_file = NULL;
  int position = 0;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("New title"), N_("TITLE") },
    { "summary", 's', 0, G_OPTION_ARG_STRING, &summary, N_("One-line summary"), N_("TEXT") },
    { "body", 'b', 0, G_OPTION_ARG_STRING, &body, N_("Narrative (Markdown)"), N_("MARKDOWN") },
    { "body-file", 'B', 0, G_OPTION_ARG_FILENAME, &body_file, N_("Read the narrative from a file (- for standard input)"), N_("PATH") },
    { "position", 'p', 0, G_OPTION_ARG_INT, &position, N_("Put it at this position (1 = first)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (add ? _("FILE TITLE — add a pillar")
                                                            : _("FILE PILLAR — change a pillar (PILLAR: number, title or UUID)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlPillar) pillar = NULL;
  g_autoptr(GError) error = NULL;
  const PlCliString strings[] = { { "title", &title }, { "summary", &summary }, { "body", &body } };
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, add ? _("FILE and TITLE are needed") : _("FILE and PILLAR are needed"));
  if (position < 0)
    return pl_cli_usage (ctx, _("--position must be 1 or more"));
  if (!read_body (&body, body_file, &error) ||
      !(doc = pl_cli_open (argv[1], FALSE, &error)) ||
      !pl_document_begin (doc, &error))
    return pl_cli_fail (error);
  if (add)
    {
      pillar = pl_document_add (doc, PL_TYPE_PILLAR, NULL, position > 0 ? position - 1 : -1, &error,
                                "title", argv[2], NULL);
      g_clear_pointer (&title, g_free);
    }
  else
    pillar = pl_cli_find_pillar (doc, argv[2], &error);
  /* Added and changed in one transaction: a bad value adds nothing. */
  if (pillar == NULL ||
      !pl_cli_set_strings (PL_RECORD (pillar), strings, G_N_ELEMENTS (strings), &error) ||
      (!add && !move_to (doc, PL_RECORD (pillar), position, &error)))
    {
      pl_document_rollback (doc);
      return pl_cli_fail (error);
    }
  if (!pl_document_commit (doc, &error))
    return pl_cli_fail (error);
  if (add)
    g_print ("%" G_GINT64_FORMAT "\n", pl_record_get_position (PL_RECORD (pillar)) + 1);
  return PL_CLI_OK;
}

int
pl_cli_pillar (int argc, char **argv)
{
  if (argc < 2)
    return pl_cli_sub_usage ("pillar", "list, add, set, remove");
  if (g_str_equal (argv[1], "list"))
    return pillar_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "add"))
    return pillar_add_or_set (argc - 1, argv + 1, TRUE);
  if (g_str_equal (argv[1], "set"))
    return pillar_add_or_set (argc - 1, argv + 1, FALSE);
  if (g_str_equal (argv[1], "remove"))
    return pl_cli_remove (argc - 1, argv + 1, "PILLAR", (PlCliFinder) pl_cli_find_pillar);
  return pl_cli_sub_usage ("pillar", "list, add, set, remove");
}

/* ---- objective ---- */

static int
objective_list (int argc, char **argv)
{
  g_autofree char *pillar_ref = NULL;
  const GOptionEntry entries[] = {
    { "pillar", 'p', 0, G_OPTION_ARG_STRING, &pillar_ref, N_("Only this pillar"), N_("PILLAR") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — list objectives (number, title, actions)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlPillar) only = NULL;
  GListModel *pillars;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return pl_cli_usage (ctx, _("FILE is missing"));
  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);
  if (pillar_ref && !(only = pl_cli_find_pillar (doc, pillar_ref, &error)))
    return pl_cli_fail (error);

  pillars = pl_document_get_pillars (doc);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);
      GListModel *objectives;

      if (only && only != p)
        continue;
      objectives = pl_document_get_objectives (doc, p);
      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) o = g_list_model_get_item (objectives, j);
          g_autofree char *num = g_strdup_printf ("%u.%u", i + 1, j + 1);
          g_autofree char *n_act = g_strdup_printf ("%u", g_list_model_get_n_items (pl_document_get_actions (doc, o)));
          const char *row[] = { num, pl_objective_get_title (o), n_act, NULL };

          pl_cli_print_row (row);
        }
    }
  return PL_CLI_OK;
}

static int
objective_add_or_set (int argc, char **argv, gboolean add)
{
  g_autofree char *title = NULL, *description = NULL, *description_file = NULL;
  int position = 0;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("New title"), N_("TITLE") },
    { "description", 'D', 0, G_OPTION_ARG_STRING, &description, N_("Description (Markdown)"), N_("MARKDOWN") },
    { "description-file", 0, 0, G_OPTION_ARG_FILENAME, &description_file, N_("Read the description from a file (- for standard input)"), N_("PATH") },
    { "position", 'p', 0, G_OPTION_ARG_INT, &position, N_("Put it at this position within its pillar (1 = first)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (add ? _("FILE PILLAR TITLE — add an objective to a pillar")
                                                            : _("FILE OBJECTIVE — change an objective (OBJECTIVE: e.g. 2.1)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlObjective) objective = NULL;
  g_autoptr(GError) error = NULL;
  const PlCliString strings[] = { { "title", &title }, { "description", &description } };
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != (add ? 4 : 3) || position < 0)
    return pl_cli_usage (ctx, add ? _("FILE, PILLAR and TITLE are needed") : _("FILE and OBJECTIVE are needed"));
  if (!read_body (&description, description_file, &error) ||
      !(doc = pl_cli_open (argv[1], FALSE, &error)) ||
      !pl_document_begin (doc, &error))
    return pl_cli_fail (error);
  if (add)
    {
      g_autoptr(PlPillar) pillar = pl_cli_find_pillar (doc, argv[2], &error);

      if (pillar)
        objective = pl_document_add (doc, PL_TYPE_OBJECTIVE, PL_RECORD (pillar), position > 0 ? position - 1 : -1,
                                     &error, "title", argv[3], NULL);
      g_clear_pointer (&title, g_free);
    }
  else
    objective = pl_cli_find_objective (doc, argv[2], &error);
  if (objective == NULL ||
      !pl_cli_set_strings (PL_RECORD (objective), strings, G_N_ELEMENTS (strings), &error) ||
      (!add && !move_to (doc, PL_RECORD (objective), position, &error)))
    {
      pl_document_rollback (doc);
      return pl_cli_fail (error);
    }
  if (!pl_document_commit (doc, &error))
    return pl_cli_fail (error);
  return PL_CLI_OK;
}

int
pl_cli_objective (int argc, char **argv)
{
  if (argc < 2)
    return pl_cli_sub_usage ("objective", "list, add, set, remove");
  if (g_str_equal (argv[1], "list"))
    return objective_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "add"))
    return objective_add_or_set (argc - 1, argv + 1, TRUE);
  if (g_str_equal (argv[1], "set"))
    return objective_add_or_set (argc - 1, argv + 1, FALSE);
  if (g_str_equal (argv[1], "remove"))
    return pl_cli_remove (argc - 1, argv + 1, "OBJECTIVE", (PlCliFinder) pl_cli_find_objective);
  return pl_cli_sub_usage ("objective", "list, add, set, remove");
}

/* ---- action ---- */

static int
action_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — the implementation plan: number, action, lead agency, timeframe, priority, indicator, cost, status"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *pillars;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return pl_cli_usage (ctx, _("FILE is missing"));
  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);

  pillars = pl_document_get_pillars (doc);
  for (guint i = 0; i < g_list_model_get_n_items (pillars); i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);
      GListModel *objectives = pl_document_get_objectives (doc, p);

      for (guint j = 0; j < g_list_model_get_n_items (objectives); j++)
        {
          g_autoptr(PlObjective) o = g_list_model_get_item (objectives, j);
          GListModel *actions = pl_document_get_actions (doc, o);

          for (guint k = 0; k < g_list_model_get_n_items (actions); k++)
            {
              g_autoptr(PlAction) a = g_list_model_get_item (actions, k);
              g_autofree char *num = g_strdup_printf ("%u.%u.%u", i + 1, j + 1, k + 1);
              const char *row[] = {
                num, pl_action_get_title (a), pl_action_get_lead_agency (a),
                pl_enum_to_nick (PL_TYPE_TIMEFRAME, pl_action_get_timeframe (a)),
                pl_enum_to_nick (PL_TYPE_PRIORITY, pl_action_get_priority (a)),
                pl_action_get_indicator (a), pl_action_get_cost (a),
                pl_enum_to_nick (PL_TYPE_ACTION_STATUS, pl_action_get_status (a)), NULL
              };
              pl_cli_print_row (row);
            }
        }
    }
  return PL_CLI_OK;
}

static int
action_add_or_set (int argc, char **argv, gboolean add)
{
  g_autofree char *title = NULL, *lead = NULL, *partners = NULL, *start = NULL, *end = NULL;
  g_autofree char *indicator = NULL, *cost = NULL;
  g_autofree char *timeframe = NULL;
  g_autofree char *priority = NULL;
  g_autofree char *status = NULL;
  int position = 0;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("New title"), N_("TITLE") },
    { "lead", 'l', 0, G_OPTION_ARG_STRING, &lead, N_("Lead agency"), N_("AGENCY") },
    { "partners", 0, 0, G_OPTION_ARG_STRING, &partners, N_("Partner agencies"), N_("TEXT") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("Start (YYYY or YYYY-MM-DD)"), N_("DATE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("End (YYYY or YYYY-MM-DD)"), N_("DATE") },
    { "indicator", 'i', 0, G_OPTION_ARG_STRING, &indicator, N_("Indicator (KPI)"), N_("TEXT") },
    { "cost", 0, 0, G_OPTION_ARG_STRING, &cost, N_("Estimated cost"), N_("TEXT") },
    { "timeframe", 'T', 0, G_OPTION_ARG_STRING, &timeframe, N_("short, medium, long, ongoing or unset"), N_("TIMEFRAME") },
    { "priority", 'P', 0, G_OPTION_ARG_STRING, &priority, N_("none, low, medium or high"), N_("PRIORITY") },
    { "status", 'S', 0, G_OPTION_ARG_STRING, &status, N_("planned, in-progress, completed, delayed or cancelled"), N_("STATUS") },
    { "position", 'p', 0, G_OPTION_ARG_INT, &position, N_("Put it at this position within its objective (1 = first)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (add ? _("FILE OBJECTIVE TITLE — add an action to an objective (e.g. 2.1)")
                                                            : _("FILE ACTION — change an action (ACTION: e.g. 2.1.3)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlAction) action = NULL;
  g_autoptr(GError) error = NULL;
  const PlCliString strings[] = { { "title", &title }, { "lead-agency", &lead }, { "partners", &partners },
                                  { "start-date", &start }, { "end-date", &end }, { "indicator", &indicator },
                                  { "cost", &cost } };
  int tf = -1, pr = -1, st = -1;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != (add ? 4 : 3) || position < 0)
    return pl_cli_usage (ctx, add ? _("FILE, OBJECTIVE and TITLE are needed") : _("FILE and ACTION are needed"));
  if ((timeframe && !pl_cli_parse_enum (PL_TYPE_TIMEFRAME, "timeframe", timeframe, &tf, &error)) ||
      (priority && !pl_cli_parse_enum (PL_TYPE_PRIORITY, "priority", priority, &pr, &error)) ||
      (status && !pl_cli_parse_enum (PL_TYPE_ACTION_STATUS, "status", status, &st, &error)))
    return pl_cli_usage (ctx, error->message);
  if (!(doc = pl_cli_open (argv[1], FALSE, &error)) ||
      !pl_document_begin (doc, &error))
    return pl_cli_fail (error);
  if (add)
    {
      g_autoptr(PlObjective) objective = pl_cli_find_objective (doc, argv[2], &error);

      if (objective)
        action = pl_document_add (doc, PL_TYPE_ACTION, PL_RECORD (objective), position > 0 ? position - 1 : -1,
                                  &error, "title", argv[3], NULL);
      g_clear_pointer (&title, g_free);
    }
  else
    action = pl_cli_find_action (doc, argv[2], &error);
  if (action == NULL ||
      !pl_cli_set_strings (PL_RECORD (action), strings, G_N_ELEMENTS (strings), &error) ||
      (tf >= 0 && !pl_record_set (PL_RECORD (action), &error, "timeframe", tf, NULL)) ||
      (pr >= 0 && !pl_record_set (PL_RECORD (action), &error, "priority", pr, NULL)) ||
      (st >= 0 && !pl_record_set (PL_RECORD (action), &error, "status", st, NULL)) ||
      (!add && !move_to (doc, PL_RECORD (action), position, &error)))
    {
      pl_document_rollback (doc);
      return pl_cli_fail (error);
    }
  if (!pl_document_commit (doc, &error))
    return pl_cli_fail (error);
  return PL_CLI_OK;
}

int
pl_cli_action (int argc, char **argv)
{
  if (argc < 2)
    return pl_cli_sub_usage ("action", "list, add, set, remove");
  if (g_str_equal (argv[1], "list"))
    return action_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "add"))
    return action_add_or_set (argc - 1, argv + 1, TRUE);
  if (g_str_equal (argv[1], "set"))
    return action_add_or_set (argc - 1, argv + 1, FALSE);
  if (g_str_equal (argv[1], "remove"))
    return pl_cli_remove (argc - 1, argv + 1, "ACTION", (PlCliFinder) pl_cli_find_action);
  return pl_cli_sub_usage ("action", "list, add, set, remove");
}
