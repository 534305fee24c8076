/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "pl-cli.h"

/* feedback, workshop and stakeholder: what a facilitator scripts at a
 * validation workshop and a drafting lead answers afterwards. */

/* Resolves --pillar/--objective/--action/--strategy to a target. */
static gboolean
resolve_target (PlDocument  *doc,
                const char  *pillar,
                const char  *objective,
                const char  *action,
                PlRecord   **target,
                GError     **error)
{
  guint given = (pillar != NULL) + (objective != NULL) + (action != NULL);

  *target = NULL;
  if (given > 1)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Give only one of --pillar, --objective and --action"));
      return FALSE;
    }
  if (pillar)
    *target = (PlRecord *) pl_cli_find_pillar (doc, pillar, error);
  else if (objective)
    *target = (PlRecord *) pl_cli_find_objective (doc, objective, error);
  else if (action)
    *target = (PlRecord *) pl_cli_find_action (doc, action, error);
  else
    return TRUE;
  return *target != NULL;
}

/* ---- feedback ---- */

static int
feedback_add (int argc, char **argv)
{
  g_autofree char *kind = NULL, *stakeholder = NULL, *organisation = NULL, *sector = NULL;
  g_autofree char *workshop = NULL, *pillar = NULL, *objective = NULL, *action = NULL;
  g_autofree char *quote = NULL, *priority = NULL, *proposal = NULL, *operation = NULL;
  gboolean named = FALSE;
  const GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("comment (default), question, recommendation, objection, support or amendment"), N_("KIND") },
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder, N_("Who said it (id or name; a new name adds a stakeholder)"), N_("NAME") },
    { "organisation", 'O', 0, G_OPTION_ARG_STRING, &organisation, N_("Organisation of a new stakeholder"), N_("ORG") },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("Sector of a new stakeholder"), N_("SECTOR") },
    { "named", 0, 0, G_OPTION_ARG_NONE, &named, N_("A new stakeholder agrees to be named in exports"), NULL },
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop, N_("Workshop (id or title)"), N_("WORKSHOP") },
    { "pillar", 'p', 0, G_OPTION_ARG_STRING, &pillar, N_("About this pillar (number or title)"), N_("PILLAR") },
    { "objective", 0, 0, G_OPTION_ARG_STRING, &objective, N_("About this objective (e.g. 2.1)"), N_("OBJECTIVE") },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, N_("About this action (e.g. 2.1.3)"), N_("ACTION") },
    { "quote", 'q', 0, G_OPTION_ARG_STRING, &quote, N_("The passage of the text it is about"), N_("TEXT") },
    { "priority", 'P', 0, G_OPTION_ARG_STRING, &priority, N_("none, low, medium or high"), N_("PRIORITY") },
    { "proposal", 0, 0, G_OPTION_ARG_STRING, &proposal, N_("Proposed wording for the quoted passage (makes an amendment)"), N_("TEXT") },
    { "operation", 0, 0, G_OPTION_ARG_STRING, &operation, N_("What the proposal does: replace (default), insert-after or delete"), N_("OPERATION") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE TEXT — capture a comment, question or recommendation (prints its number)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(PlWorkshop) w = NULL;
  g_autoptr(PlStakeholder) s = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  g_autoptr(GError) error = NULL;
  int k = PL_FEEDBACK_COMMENT, sec = PL_SECTOR_GOVERNMENT, pr = -1, op = PL_AMENDMENT_REPLACE;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, _("FILE and TEXT are needed"));
  if ((kind && !pl_cli_parse_enum (PL_TYPE_FEEDBACK_KIND, "kind", kind, &k, &error)) ||
      (sector && !pl_cli_parse_enum (PL_TYPE_SECTOR, "sector", sector, &sec, &error)) ||
      (priority && !pl_cli_parse_enum (PL_TYPE_PRIORITY, "priority", priority, &pr, &error)) ||
      (operation && !pl_cli_parse_enum (PL_TYPE_AMENDMENT_OPERATION, "operation", operation, &op, &error)))
    return pl_cli_usage (ctx, error->message);
  if (!pl_cli_check_amendment_options (&k, kind != NULL, quote, proposal, op, &error))
    return pl_cli_usage (ctx, error->message);
  if (!(doc = pl_cli_open (argv[1], FALSE, &error)))
    return pl_cli_fail (error);
  if (!resolve_target (doc, pillar, objective, action, &target, &error))
    return pl_cli_fail (error);
  if (workshop && !(w = pl_cli_find_workshop (doc, workshop, &error)))
    return pl_cli_fail (error);
  if (!pl_document_begin (doc, &error))
    return pl_cli_fail (error);
  if (stakeholder)
    {
      s = pl_cli_find_stakeholder (doc, stakeholder, &error);
      /* A number is meant as an id: one that matches nobody is a mistake,
       * not the name of a new stakeholder. */
      if (s == NULL && stakeholder[strspn (stakeholder, "0123456789")] == '\0')
        goto fail;
      g_clear_error (&error);
      if (s == NULL)
        s = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error,
                             "name", stakeholder,
                             "organisation", organisation ? organisation : "",
                             "sector", sec,
                             "may-be-named", (int) named,
                             NULL);
      if (s == NULL)
        goto fail;
    }
  fb = pl_document_add_feedback (doc, k, argv[2], target, quote, w, s, &error);
  if (fb == NULL || (pr >= 0 && !pl_record_set (PL_RECORD (fb), &error, "priority", pr, NULL)) ||
      (k == PL_FEEDBACK_AMENDMENT &&
       !pl_record_set (PL_RECORD (fb), &error, "proposal", proposal ? proposal : "", "operation", op, NULL)))
    goto fail;
  if (!pl_document_commit (doc, &error))
    return pl_cli_fail (error);
  g_print ("%" G_GINT64_FORMAT "\n", pl_record_get_id (PL_RECORD (fb)));
  return PL_CLI_OK;

fail:
  pl_document_rollback (doc);
  return pl_cli_fail (error);
}

static int
feedback_list (int argc, char **argv)
{
  g_autofree char *pillar = NULL, *workshop = NULL, *kind = NULL, *disposition = NULL;
  g_autofree char *sector = NULL, *search = NULL, *stakeholder = NULL;
  gboolean orphaned = FALSE, count_only = FALSE;
  const GOptionEntry entries[] = {
    { "pillar", 'p', 0, G_OPTION_ARG_STRING, &pillar, N_("About this pillar or anything in it"), N_("PILLAR") },
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop, N_("From this workshop"), N_("WORKSHOP") },
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder, N_("From this stakeholder"), N_("NAME") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("Of this kind"), N_("KIND") },
    { "disposition", 'd', 0, G_OPTION_ARG_STRING, &disposition, N_("With this disposition"), N_("DISPOSITION") },
    { "sector", 0, 0, G_OPTION_ARG_STRING, &sector, N_("From stakeholders of this sector"), N_("SECTOR") },
    { "search", 'S', 0, G_OPTION_ARG_STRING, &search, N_("Containing these words"), N_("WORDS") },
    { "orphaned", 0, 0, G_OPTION_ARG_NONE, &orphaned, N_("Only items whose quoted passage is no longer in the text"), NULL },
    { "count", 'c', 0, G_OPTION_ARG_NONE, &count_only, N_("Print only “N open of M”"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — list feedback, newest first: number, captured, kind, disposition, stakeholder, organisation, about, text, response"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlFeedbackList) list = NULL;
  g_autoptr(GError) error = NULL;
  PlFeedbackQuery query;
  guint n;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return pl_cli_usage (ctx, _("FILE is missing"));
  pl_feedback_query_init (&query);
  if ((kind && !pl_cli_parse_enum (PL_TYPE_FEEDBACK_KIND, "kind", kind, &query.kind, &error)) ||
      (disposition && !pl_cli_parse_enum (PL_TYPE_DISPOSITION, "disposition", disposition, &query.disposition, &error)) ||
      (sector && !pl_cli_parse_enum (PL_TYPE_SECTOR, "sector", sector, &query.sector, &error)))
    return pl_cli_usage (ctx, error->message);
  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);
  if (pillar)
    {
      g_autoptr(PlPillar) p = pl_cli_find_pillar (doc, pillar, &error);
      if (!p)
        return pl_cli_fail (error);
      query.pillar_id = pl_record_get_id (PL_RECORD (p));
    }
  if (workshop)
    {
      g_autoptr(PlWorkshop) w = pl_cli_find_workshop (doc, workshop, &error);
      if (!w)
        return pl_cli_fail (error);
      query.workshop_id = pl_record_get_id (PL_RECORD (w));
    }
  if (stakeholder)
    {
      g_autoptr(PlStakeholder) s = pl_cli_find_stakeholder (doc, stakeholder, &error);
      if (!s)
        return pl_cli_fail (error);
      query.stakeholder_id = pl_record_get_id (PL_RECORD (s));
    }
  if (orphaned)
    query.orphaned = 1;
  query.text = g_steal_pointer (&search);

  list = pl_feedback_list_new (doc, &query);
  pl_feedback_query_clear (&query);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (count_only)
    {
      g_print (_("%u open of %u\n"), pl_feedback_list_get_open_count (list), n);
      return PL_CLI_OK;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlFeedback) fb = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(PlRecord) target = pl_document_get_feedback_target (doc, fb);
      g_autoptr(PlStakeholder) s = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, pl_record_get_id (PL_RECORD (fb)));
      g_autofree char *about = NULL;
      gint64 sid = pl_feedback_get_stakeholder_id (fb);

      if (sid)
        s = (PlStakeholder *) pl_document_lookup (doc, PL_TYPE_STAKEHOLDER, sid, NULL);
      if (target == NULL)
        about = g_strdup (_("strategy"));
      else
        about = g_strdup_printf ("%s: %s", pl_enum_to_nick (PL_TYPE_TARGET_KIND, pl_feedback_get_target_kind (fb)),
                                 pl_record_get_string (target, "title"));
      {
        const char *row[] = {
          id, pl_feedback_get_captured_at (fb),
          pl_enum_to_nick (PL_TYPE_FEEDBACK_KIND, pl_feedback_get_kind (fb)),
          pl_enum_to_nick (PL_TYPE_DISPOSITION, pl_feedback_get_disposition (fb)),
          s ? pl_stakeholder_get_name (s) : "",
          s ? pl_stakeholder_get_organisation (s) : "",
          about, pl_feedback_get_body (fb), pl_feedback_get_response (fb), NULL
        };
        pl_cli_print_row (row);
      }
    }
  return PL_CLI_OK;
}

static int
feedback_set (int argc, char **argv)
{
  g_autofree char *disposition = NULL, *response = NULL, *response_file = NULL, *priority = NULL;
  g_autofree char *kind = NULL, *text = NULL, *pillar = NULL, *objective = NULL, *action = NULL;
  g_autofree char *workshop = NULL, *stakeholder = NULL;
  gboolean whole = FALSE;
  const GOptionEntry entries[] = {
    { "disposition", 'd', 0, G_OPTION_ARG_STRING, &disposition, N_("open, accepted, partly-accepted, rejected, deferred or addressed"), N_("DISPOSITION") },
    { "response", 'r', 0, G_OPTION_ARG_STRING, &response, N_("The drafting team’s response (Markdown)"), N_("TEXT") },
    { "response-file", 0, 0, G_OPTION_ARG_FILENAME, &response_file, N_("Read the response from a file (- for standard input)"), N_("PATH") },
    { "priority", 'P', 0, G_OPTION_ARG_STRING, &priority, N_("none, low, medium or high"), N_("PRIORITY") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("Change the kind"), N_("KIND") },
    { "text", 't', 0, G_OPTION_ARG_STRING, &text, N_("Correct the text"), N_("TEXT") },
    { "pillar", 'p', 0, G_OPTION_ARG_STRING, &pillar, N_("Move it to this pillar"), N_("PILLAR") },
    { "objective", 0, 0, G_OPTION_ARG_STRING, &objective, N_("Move it to this objective"), N_("OBJECTIVE") },
    { "action", 0, 0, G_OPTION_ARG_STRING, &action, N_("Move it to this action"), N_("ACTION") },
    { "strategy", 0, 0, G_OPTION_ARG_NONE, &whole, N_("Move it to the strategy as a whole"), NULL },
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop, N_("Change the workshop"), N_("WORKSHOP") },
    { "stakeholder", 's', 0, G_OPTION_ARG_STRING, &stakeholder, N_("Change who said it"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE NUMBER — answer or correct a feedback item"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlFeedback) fb = NULL;
  g_autoptr(PlRecord) target = NULL;
  g_autoptr(GError) error = NULL;
  int d = -1, pr = -1, k = -1;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, _("FILE and NUMBER are needed"));
  if ((disposition && !pl_cli_parse_enum (PL_TYPE_DISPOSITION, "disposition", disposition, &d, &error)) ||
      (priority && !pl_cli_parse_enum (PL_TYPE_PRIORITY, "priority", priority, &pr, &error)) ||
      (kind && !pl_cli_parse_enum (PL_TYPE_FEEDBACK_KIND, "kind", kind, &k, &error)))
    return pl_cli_usage (ctx, error->message);
  if (response_file)
    {
      g_free (response);
      if (!(response = pl_cli_read_text (response_file, &error)))
        return pl_cli_fail (error);
    }
  if (!(doc = pl_cli_open (argv[1], FALSE, &error)))
    return pl_cli_fail (error);
  if (!(fb = pl_cli_find_feedback (doc, argv[2], &error)))
    return pl_cli_fail (error);
  if (!resolve_target (doc, pillar, objective, action, &target, &error))
    return pl_cli_fail (error);
  if (!pl_document_begin (doc, &error))
    return pl_cli_fail (error);
  {
    PlCliString strings[] = { { "response", &response }, { "body", &text } };

    if (!pl_cli_set_strings (PL_RECORD (fb), strings, G_N_ELEMENTS (strings), &error))
      goto fail;
  }
  if ((d >= 0 && !pl_record_set (PL_RECORD (fb), &error, "disposition", d, NULL)) ||
      (pr >= 0 && !pl_record_set (PL_RECORD (fb), &error, "priority", pr, NULL)) ||
      (k >= 0 && !pl_record_set (PL_RECORD (fb), &error, "kind", k, NULL)) ||
      ((target || whole) && !pl_document_retarget_feedback (doc, fb, target, &error)))
    goto fail;
  if (workshop)
    {
      g_autoptr(PlWorkshop) w = pl_cli_find_workshop (doc, workshop, &error);

      if (!w || !pl_record_set (PL_RECORD (fb), &error, "workshop-id", pl_record_get_id (PL_RECORD (w)), NULL))
        goto fail;
    }
  if (stakeholder)
    {
      g_autoptr(PlStakeholder) s = pl_cli_find_stakeholder (doc, stakeholder, &error);

      if (!s || !pl_record_set (PL_RECORD (fb), &error, "stakeholder-id", pl_record_get_id (PL_RECORD (s)), NULL))
        goto fail;
    }
  if (!pl_document_commit (doc, &error))
    return pl_cli_fail (error);
  return PL_CLI_OK;

fail:
  pl_document_rollback (doc);
  return pl_cli_fail (error);
}

int
pl_cli_feedback (int argc, char **argv)
{
  if (argc < 2)
    return pl_cli_sub_usage ("feedback", "add, list, show, set, accept, remove");
  if (g_str_equal (argv[1], "show"))
    return pl_cli_feedback_show (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "accept"))
    return pl_cli_feedback_accept (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "add"))
    return feedback_add (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "list"))
    return feedback_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "set"))
    return feedback_set (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "remove"))
    return pl_cli_remove (argc - 1, argv + 1, "NUMBER", (PlCliFinder) pl_cli_find_feedback);
  return pl_cli_sub_usage ("feedback", "add, list, show, set, accept, remove");
}

/* ---- workshop ---- */

static int
workshop_add_or_set (int argc, char **argv, gboolean add)
{
  g_autofree char *title = NULL, *region = NULL, *location = NULL, *partner = NULL;
  g_autofree char *start = NULL, *end = NULL, *notes = NULL;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("New title"), N_("TITLE") },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &region, N_("Region"), N_("REGION") },
    { "location", 'l', 0, G_OPTION_ARG_STRING, &location, N_("Location (venue, town)"), N_("PLACE") },
    { "partner", 'p', 0, G_OPTION_ARG_STRING, &partner, N_("Partner organisation (e.g. ITU, OAS)"), N_("ORG") },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start, N_("First day (YYYY-MM-DD)"), N_("DATE") },
    { "end", 0, 0, G_OPTION_ARG_STRING, &end, N_("Last day (YYYY-MM-DD)"), N_("DATE") },
    { "notes", 'n', 0, G_OPTION_ARG_STRING, &notes, N_("Notes"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (add ? _("FILE TITLE — add a workshop (prints its id)")
                                                            : _("FILE WORKSHOP — change a workshop (id or title)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlWorkshop) w = NULL;
  g_autoptr(GError) error = NULL;
  const char *dates[2];
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, add ? _("FILE and TITLE are needed") : _("FILE and WORKSHOP are needed"));
  dates[0] = start;
  dates[1] = end;
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      const char *const *d = &dates[i];
      g_autoptr(GDate) date = NULL;

      /* Only --end given: the start is NULL, and the end still checked. */
      if (*d == NULL)
        continue;
      date = g_date_new ();
      g_date_set_parse (date, *d);
      if (strlen (*d) != 10 || !g_date_valid (date))
        {
          g_autofree char *msg = g_strdup_printf (_("“%s” is not a date; write it as YYYY-MM-DD"), *d);
          return pl_cli_usage (ctx, msg);
        }
    }
  if (!(doc = pl_cli_open (argv[1], FALSE, &error)))
    return pl_cli_fail (error);
  if (!pl_document_begin (doc, &error))
    return pl_cli_fail (error);
  if (add)
    w = pl_document_add (doc, PL_TYPE_WORKSHOP, NULL, -1, &error, "title", argv[2], NULL);
  else
    w = pl_cli_find_workshop (doc, argv[2], &error);
  {
    PlCliString strings[] = { { "title", &title }, { "region", &region }, { "location", &location },
                               { "partner", &partner }, { "start-date", &start }, { "end-date", &end },
                               { "notes", &notes } };

    if (w == NULL || !pl_cli_set_strings (PL_RECORD (w), strings, G_N_ELEMENTS (strings), &error))
      {
        pl_document_rollback (doc);
        return pl_cli_fail (error);
      }
  }
  if (!pl_document_commit (doc, &error))
    return pl_cli_fail (error);
  if (add)
    g_print ("%" G_GINT64_FORMAT "\n", pl_record_get_id (PL_RECORD (w)));
  return PL_CLI_OK;
}

static int
workshop_list (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — list workshops: id, title, region, location, partner, start, end, feedback"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *workshops;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return pl_cli_usage (ctx, _("FILE is missing"));
  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);
  workshops = pl_document_get_workshops (doc);
  for (guint i = 0; i < g_list_model_get_n_items (workshops); i++)
    {
      g_autoptr(PlWorkshop) w = g_list_model_get_item (workshops, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, pl_record_get_id (PL_RECORD (w)));
      g_autofree char *count = NULL;
      g_autoptr(PlFeedbackList) list = NULL;
      PlFeedbackQuery q;

      pl_feedback_query_init (&q);
      q.workshop_id = pl_record_get_id (PL_RECORD (w));
      list = pl_feedback_list_new (doc, &q);
      count = g_strdup_printf ("%u", g_list_model_get_n_items (G_LIST_MODEL (list)));
      {
        const char *row[] = { id, pl_workshop_get_title (w), pl_workshop_get_region (w),
                              pl_workshop_get_location (w), pl_workshop_get_partner (w),
                              pl_workshop_get_start_date (w), pl_workshop_get_end_date (w), count, NULL };
        pl_cli_print_row (row);
      }
    }
  return PL_CLI_OK;
}

int
pl_cli_workshop (int argc, char **argv)
{
  if (argc < 2)
    return pl_cli_sub_usage ("workshop", "add, list, set, remove");
  if (g_str_equal (argv[1], "add"))
    return workshop_add_or_set (argc - 1, argv + 1, TRUE);
  if (g_str_equal (argv[1], "list"))
    return workshop_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "set"))
    return workshop_add_or_set (argc - 1, argv + 1, FALSE);
  if (g_str_equal (argv[1], "remove"))
    return pl_cli_remove (argc - 1, argv + 1, "WORKSHOP", (PlCliFinder) pl_cli_find_workshop);
  return pl_cli_sub_usage ("workshop", "add, list, set, remove");
}

/* ---- stakeholder ---- */

static int
stakeholder_add_or_set (int argc, char **argv, gboolean add)
{
  g_autofree char *name = NULL, *organisation = NULL, *sector = NULL, *contact = NULL;
  gboolean named = FALSE, not_named = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("New name"), N_("NAME") },
    { "organisation", 'O', 0, G_OPTION_ARG_STRING, &organisation, N_("Organisation"), N_("ORG") },
    { "sector", 's', 0, G_OPTION_ARG_STRING, &sector, N_("government, private-sector, academia, civil-society, technical-community or international-partner"), N_("SECTOR") },
    { "contact", 'c', 0, G_OPTION_ARG_STRING, &contact, N_("E-mail or phone"), N_("CONTACT") },
    { "named", 0, 0, G_OPTION_ARG_NONE, &named, N_("May be named in exports"), NULL },
    { "not-named", 0, 0, G_OPTION_ARG_NONE, &not_named, N_("Must not be named in exports"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (add ? _("FILE NAME — add a stakeholder (prints the id)")
                                                            : _("FILE STAKEHOLDER — change a stakeholder (id or name)"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlStakeholder) s = NULL;
  g_autoptr(GError) error = NULL;
  int sec = -1;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, add ? _("FILE and NAME are needed") : _("FILE and STAKEHOLDER are needed"));
  if (named && not_named)
    return pl_cli_usage (ctx, _("Give --named or --not-named, not both"));
  if (sector && !pl_cli_parse_enum (PL_TYPE_SECTOR, "sector", sector, &sec, &error))
    return pl_cli_usage (ctx, error->message);
  if (!(doc = pl_cli_open (argv[1], FALSE, &error)))
    return pl_cli_fail (error);
  if (!pl_document_begin (doc, &error))
    return pl_cli_fail (error);
  if (add)
    s = pl_document_add (doc, PL_TYPE_STAKEHOLDER, NULL, -1, &error, "name", argv[2], NULL);
  else
    s = pl_cli_find_stakeholder (doc, argv[2], &error);
  {
    PlCliString strings[] = { { "name", &name }, { "organisation", &organisation }, { "contact", &contact } };

    if (s == NULL || !pl_cli_set_strings (PL_RECORD (s), strings, G_N_ELEMENTS (strings), &error) ||
        (sec >= 0 && !pl_record_set (PL_RECORD (s), &error, "sector", sec, NULL)) ||
        ((named || not_named) && !pl_record_set (PL_RECORD (s), &error, "may-be-named", (int) named, NULL)))
      {
        pl_document_rollback (doc);
        return pl_cli_fail (error);
      }
  }
  if (!pl_document_commit (doc, &error))
    return pl_cli_fail (error);
  if (add)
    g_print ("%" G_GINT64_FORMAT "\n", pl_record_get_id (PL_RECORD (s)));
  return PL_CLI_OK;
}

static int
stakeholder_list (int argc, char **argv)
{
  g_autofree char *sector = NULL;
  const GOptionEntry entries[] = {
    { "sector", 's', 0, G_OPTION_ARG_STRING, &sector, N_("Only this sector"), N_("SECTOR") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — list stakeholders: id, name, organisation, sector, contact, named"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *stakeholders;
  int sec = -1;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 2)
    return pl_cli_usage (ctx, _("FILE is missing"));
  if (sector && !pl_cli_parse_enum (PL_TYPE_SECTOR, "sector", sector, &sec, &error))
    return pl_cli_usage (ctx, error->message);
  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);
  stakeholders = pl_document_get_stakeholders (doc);
  for (guint i = 0; i < g_list_model_get_n_items (stakeholders); i++)
    {
      g_autoptr(PlStakeholder) s = g_list_model_get_item (stakeholders, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, pl_record_get_id (PL_RECORD (s)));

      if (sec >= 0 && (int) pl_stakeholder_get_sector (s) != sec)
        continue;
      {
        const char *row[] = { id, pl_stakeholder_get_name (s), pl_stakeholder_get_organisation (s),
                              pl_enum_to_nick (PL_TYPE_SECTOR, pl_stakeholder_get_sector (s)),
                              pl_stakeholder_get_contact (s),
                              pl_stakeholder_get_may_be_named (s) ? "named" : "not-named", NULL };
        pl_cli_print_row (row);
      }
    }
  return PL_CLI_OK;
}

static int
stakeholder_fold (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE DUPLICATE INTO — move DUPLICATE’s feedback to INTO and remove DUPLICATE"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlStakeholder) dup = NULL;
  g_autoptr(PlStakeholder) into = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 4)
    return pl_cli_usage (ctx, _("FILE, DUPLICATE and INTO are needed"));
  if (!(doc = pl_cli_open (argv[1], FALSE, &error)))
    return pl_cli_fail (error);
  if (!(dup = pl_cli_find_stakeholder (doc, argv[2], &error)) ||
      !(into = pl_cli_find_stakeholder (doc, argv[3], &error)) ||
      !pl_document_fold_stakeholder (doc, dup, into, &error))
    return pl_cli_fail (error);
  return PL_CLI_OK;
}

int
pl_cli_stakeholder (int argc, char **argv)
{
  if (argc < 2)
    return pl_cli_sub_usage ("stakeholder", "add, list, set, fold, remove");
  if (g_str_equal (argv[1], "add"))
    return stakeholder_add_or_set (argc - 1, argv + 1, TRUE);
  if (g_str_equal (argv[1], "list"))
    return stakeholder_list (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "set"))
    return stakeholder_add_or_set (argc - 1, argv + 1, FALSE);
  if (g_str_equal (argv[1], "fold"))
    return stakeholder_fold (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "remove"))
    return pl_cli_remove (argc - 1, argv + 1, "STAKEHOLDER", (PlCliFinder) pl_cli_find_stakeholder);
  return pl_cli_sub_usage ("stakeholder", "add, list, set, fold, remove");
}
