/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pl-cli.h"
#include "pl-document-snapshots.h"
#include "pl-demo.h"
#include "pl-export.h"

#define NEED_FILE(ctx, argc) \
  if ((argc) != 2) \
    return pl_cli_usage ((ctx), (argc) < 2 ? _("FILE is missing") : _("Too many arguments"));

int
pl_cli_new (int    argc,
            char **argv)
{
  g_autofree char *title = NULL;
  g_autofree char *country = NULL;
  gboolean empty = FALSE;
  const GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("Title of the strategy"), N_("TITLE") },
    { "country", 'c', 0, G_OPTION_ARG_STRING, &country, N_("Country"), N_("COUNTRY") },
    { "empty", 0, 0, G_OPTION_ARG_NONE, &empty, N_("Start without the template’s sections and pillars"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — create a new strategy"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  NEED_FILE (ctx, argc);

  if (!(doc = pl_document_create (argv[1], empty ? PL_TEMPLATE_EMPTY : PL_TEMPLATE_STANDARD, &error)))
    return pl_cli_fail (error);
  if ((title || country) &&
      !pl_record_set (PL_RECORD (pl_document_get_strategy (doc)), &error,
                      "title", title ? title : pl_strategy_get_title (pl_document_get_strategy (doc)),
                      "country", country ? country : "",
                      NULL))
    {
      pl_document_close (doc);
      g_unlink (argv[1]);
      return pl_cli_fail (error);
    }
  pl_document_close (doc);
  return PL_CLI_OK;
}

int
pl_cli_demo (int    argc,
             char **argv)
{
  g_autofree char *size = NULL;
  const GOptionEntry entries[] = {
    { "size", 's', 0, G_OPTION_ARG_STRING, &size, N_("small (the example strategy, default) or big (the benchmark document)"), N_("SIZE") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — write the example strategy of the Republic of the Kestrel Islands"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  PlDemoSize demo_size = PL_DEMO_SMALL;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  NEED_FILE (ctx, argc);
  if (size == NULL || g_str_equal (size, "small"))
    demo_size = PL_DEMO_SMALL;
  else if (g_str_equal (size, "big"))
    demo_size = PL_DEMO_BIG;
  else
    return pl_cli_usage (ctx, _("--size must be small or big"));

  if (!(doc = pl_demo_create (argv[1], demo_size, &error)))
    return pl_cli_fail (error);
  pl_document_close (doc);
  return PL_CLI_OK;
}

/* "Label:   value", the value escaped for the terminal. */
static void
print_field (const char *label,
             const char *value)
{
  g_autofree char *safe = pl_cli_escape (value, PL_CLI_ESCAPE_MESSAGE);

  g_print ("%-15s %s\n", label, safe);
}

int
pl_cli_info (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — describe a document"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const counts[][2] = {
    { "sections", N_("Sections") }, { "pillars", N_("Pillars") }, { "objectives", N_("Objectives") },
    { "actions", N_("Actions") }, { "workshops", N_("Workshops") }, { "stakeholders", N_("Stakeholders") },
    { "feedback", N_("Feedback") }, { "snapshots", N_("Snapshots") },
  };
  PlStrategy *s;
  g_autoptr(PlFeedbackList) open_list = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  NEED_FILE (ctx, argc);

  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);
  s = pl_document_get_strategy (doc);
  print_field (_("Title:"), pl_strategy_get_title (s));
  print_field (_("Country:"), pl_strategy_get_country (s));
  print_field (_("Version:"), pl_strategy_get_version_label (s));
  print_field (_("Status:"), pl_enum_to_label (PL_TYPE_LIFECYCLE, pl_strategy_get_status (s)));
  print_field (_("Lead agency:"), pl_strategy_get_lead_agency (s));
  print_field (_("Marking:"), pl_strategy_get_classification (s));
  {
    g_autofree char *language = pl_strategy_dup_document_language (s);
    /* Translators: a language tag that is the user interface's, the strategy having none. */
    g_autofree char *shown = *pl_strategy_get_language (s) ? g_strdup (language)
                             : g_strdup_printf (_("%s (the user interface’s)"), language);

    print_field (_("Language:"), shown);
  }
  g_print ("%-15s %d\n", _("Schema:"), pl_document_get_schema_version (doc));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *label = g_strdup_printf ("%s:", _(counts[i][1]));
      g_print ("%-15s %" G_GINT64_FORMAT "\n", label, pl_document_count (doc, counts[i][0]));
    }
  open_list = pl_feedback_list_new (doc, NULL);
  g_print ("%-15s %u\n", _("Open feedback:"), pl_feedback_list_get_open_count (open_list));
  return PL_CLI_OK;
}

int
pl_cli_check (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — check integrity and schema"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *path = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  NEED_FILE (ctx, argc);

  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);
  if (!pl_document_check (doc, &problems, &error))
    return pl_cli_fail (error);
  path = pl_cli_escape (argv[1], PL_CLI_ESCAPE_MESSAGE);
  if (problems[0] == NULL)
    {
      g_print (_("%s: no problems found (document format %d)\n"), path, pl_document_get_schema_version (doc));
      return PL_CLI_OK;
    }
  for (guint i = 0; problems[i]; i++)
    {
      g_autofree char *problem = pl_cli_escape (problems[i], PL_CLI_ESCAPE_MESSAGE);

      g_printerr ("%s: %s\n", path, problem);
    }
  g_printerr (_("pillars-cli: “%s” has %u problem(s); open a backup copy, or export what can be read.\n"),
              path, g_strv_length (problems));
  return PL_CLI_ERROR;
}

int
pl_cli_export (int    argc,
               char **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *anonymise = NULL;
  g_autofree char *workshop = NULL;
  g_autofree char *disposition = NULL;
  g_autofree char *classification = NULL;
  g_autofree char *date = NULL;
  g_autofree char *compare = NULL;
  g_autofree char *deadline = NULL;
  gboolean for_review = FALSE;
  gboolean annex = FALSE, no_title = FALSE, no_front = FALSE, no_pillars = FALSE, no_plan = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("md, html, docx, odt, or the recommendations matrix as xlsx (a spreadsheet) or csv (for scripts)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Where to write (default: standard output for md, html and csv; FILE with the format’s extension for docx, odt and xlsx)"), N_("OUT") },
    { "annex", 'a', 0, G_OPTION_ARG_NONE, &annex, N_("Add the annex of recommendations and dispositions"), NULL },
    { "anonymise", 0, 0, G_OPTION_ARG_STRING, &anonymise, N_("named, organisation (default) or anonymous"), N_("HOW") },
    { "workshop", 'w', 0, G_OPTION_ARG_STRING, &workshop, N_("Only feedback from this workshop (id or title)"), N_("WORKSHOP") },
    { "disposition", 'd', 0, G_OPTION_ARG_STRING, &disposition, N_("Only feedback with this disposition"), N_("DISPOSITION") },
    { "classification", 0, 0, G_OPTION_ARG_STRING, &classification, N_("Classification marking for this export"), N_("MARKING") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date on the title page (default: today)"), N_("DATE") },
    { "no-title-page", 0, 0, G_OPTION_ARG_NONE, &no_title, N_("Leave out the title page"), NULL },
    { "no-front-matter", 0, 0, G_OPTION_ARG_NONE, &no_front, N_("Leave out the vision and front-matter sections"), NULL },
    { "no-pillars", 0, 0, G_OPTION_ARG_NONE, &no_pillars, N_("Leave out the pillars"), NULL },
    { "no-plan", 0, 0, G_OPTION_ARG_NONE, &no_plan, N_("Leave out the implementation plan"), NULL },
    { "compare", 'c', 0, G_OPTION_ARG_STRING, &compare, N_("Redline: the changes since this snapshot as tracked changes (docx, odt, html)"), N_("SNAPSHOT") },
    { "for-review", 0, 0, G_OPTION_ARG_NONE, &for_review, N_("A review copy for the ministries (docx, odt): hidden anchors, a cover note, only comments and tracked changes allowed"), NULL },
    { "deadline", 0, 0, G_OPTION_ARG_STRING, &deadline, N_("Return-by date on a review copy’s cover note"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE — export the strategy, or its matrix of recommendations"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  PlExportOptions options;
  PlExportReport report = { { 0 } };
  gboolean ok;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  NEED_FILE (ctx, argc);

  pl_export_options_init (&options);
  if (format == NULL)
    return pl_cli_usage (ctx, _("--format is required (md, html, docx, odt, xlsx or csv)"));
  if (!pl_export_format_from_string (format, &options.format))
    return pl_cli_usage (ctx, _("--format must be md, html, docx, odt, xlsx or csv"));
  if (compare && options.format != PL_EXPORT_DOCX && options.format != PL_EXPORT_ODT && options.format != PL_EXPORT_HTML)
    return pl_cli_usage (ctx, _("--compare works with --format docx, odt or html"));
  if (for_review && options.format != PL_EXPORT_DOCX && options.format != PL_EXPORT_ODT)
    return pl_cli_usage (ctx, _("--for-review works with --format docx or odt"));
  if (for_review && (compare || no_pillars))
    return pl_cli_usage (ctx, _("A review copy holds the pillars as they are now: leave out --compare and --no-pillars"));
  if (deadline && !for_review)
    return pl_cli_usage (ctx, _("--deadline goes on a review copy’s cover note: add --for-review"));
  if (anonymise && !pl_anonymise_from_string (anonymise, &options.anonymise))
    return pl_cli_usage (ctx, _("--anonymise must be named, organisation or anonymous"));
  if (disposition && !pl_cli_parse_enum (PL_TYPE_DISPOSITION, "disposition", disposition, &options.disposition, &error))
    return pl_cli_usage (ctx, error->message);
  options.annex = annex || options.format == PL_EXPORT_CSV || options.format == PL_EXPORT_XLSX;
  options.title_page = !no_title;
  options.front_matter = !no_front;
  options.pillars = !no_pillars;
  options.implementation_plan = !no_plan;
  options.classification = g_steal_pointer (&classification);
  options.date = g_steal_pointer (&date);
  options.for_review = for_review;
  options.review_deadline = g_steal_pointer (&deadline);
  options.report = &report;

  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    {
      pl_export_options_clear (&options);
      return pl_cli_fail (error);
    }
  if (compare && !(options.compare = pl_document_find_snapshot (doc, compare, &error)))
    {
      pl_export_options_clear (&options);
      return pl_cli_fail (error);
    }
  if (workshop)
    {
      g_autoptr(PlWorkshop) w = pl_cli_find_workshop (doc, workshop, &error);

      if (w == NULL)
        {
          pl_export_options_clear (&options);
          return pl_cli_fail (error);
        }
      options.workshop_id = pl_record_get_id (PL_RECORD (w));
    }

  if (output == NULL && (options.format == PL_EXPORT_DOCX || options.format == PL_EXPORT_ODT
                         || options.format == PL_EXPORT_XLSX))
    {
      g_autofree char *base = g_strdup (argv[1]);
      char *dot = strrchr (base, '.');

      if (dot && strchr (dot, '/') == NULL)
        *dot = '\0';
      output = g_strdup_printf ("%s.%s", base, pl_export_format_extension (options.format));
    }

  if (output == NULL || g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      ok = pl_export_to_stream (doc, &options, out, NULL, &error) &&
           g_output_stream_close (out, NULL, &error);
    }
  else
    ok = pl_export_to_file (doc, &options, output, NULL, &error);

  pl_export_options_clear (&options);
  if (!ok)
    return pl_cli_fail (error);
  /* What the export could not carry over, a line per kind, on standard
   * error (standard output may be the export itself). Still a success. */
  for (guint kind = 0; kind < PL_EXPORT_N_LEFT_OUT; kind++)
    {
      g_autofree char *line = pl_export_report_describe (&report, kind);

      if (line != NULL)
        {
          g_autofree char *warning = g_strdup_printf (_("warning: %s"), line);

          pl_cli_message (warning);
        }
    }
  /* The document and its records are freed on return, like every other
   * command's: a static that only kept them "reachable" was optimised away
   * in release builds, and every export then leaked the whole document. */
  return PL_CLI_OK;
}

int
pl_cli_search (int    argc,
               char **argv)
{
  int limit = 20;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N results (default 20)"), N_("N") },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new (_("FILE WORDS… — full-text search"));
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;
  int code;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc < 3)
    return pl_cli_usage (ctx, _("FILE and WORDS are needed"));
  if (limit <= 0)
    return pl_cli_usage (ctx, _("--limit must be positive"));

  if (!(doc = pl_cli_open (argv[1], TRUE, &error)))
    return pl_cli_fail (error);
  query = g_strjoinv (" ", argv + 2);
  if (!(hits = pl_document_search (doc, query, limit, &error)))
    return pl_cli_fail (error);
  for (guint i = 0; i < hits->len; i++)
    {
      PlSearchHit *hit = g_ptr_array_index (hits, i);
      const char *kind = hit->type == PL_TYPE_SECTION ? "section" :
                         hit->type == PL_TYPE_PILLAR ? "pillar" :
                         hit->type == PL_TYPE_OBJECTIVE ? "objective" :
                         hit->type == PL_TYPE_ACTION ? "action" : "feedback";
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, hit->id);
      g_autofree char *snippet = g_strdup (hit->snippet ? hit->snippet : "");
      const char *row[] = { kind, id, hit->title ? hit->title : "", snippet, NULL };

      /* The matched words in brackets, for a terminal. */
      g_strdelimit (snippet, PL_SEARCH_MATCH_START, '[');
      g_strdelimit (snippet, PL_SEARCH_MATCH_END, ']');

      pl_cli_print_row (row);
    }
  return PL_CLI_OK;
}
