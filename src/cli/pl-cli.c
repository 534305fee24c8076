/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pl-cli.h"

/* Characters that reorder what follows them on screen (embeddings,
 * overrides, isolates and the invisible marks): "file.txt" shown as
 * "txt.exe" with U+202E. Legitimate right-to-left text needs none of them
 * in a terminal, so they are always shown as escapes. */
static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
         c == 0x200E || c == 0x200F || c == 0x061C;
}

char *
pl_cli_escape (const char    *text,
               PlCliEscaping  how)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (text) + 8);
  end = text + strlen (text);
  for (p = text; p < end;)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: the byte, shown, never sent to the terminal. */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        {
          /* A field drops it (CRLF text reads as LF); a message shows it. */
          if (how == PL_CLI_ESCAPE_MESSAGE)
            g_string_append (out, "\\r");
        }
      else if (c == '\\')
        g_string_append (out, how == PL_CLI_ESCAPE_FIELD ? "\\\\" : "\\");
      else if (c < 0x20 || c == 0x7F)
        g_string_append_printf (out, "\\x%02x", c);
      else if ((c >= 0x80 && c <= 0x9F) || is_bidi_control (c))
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

void
pl_cli_message (const char *message)
{
  g_autofree char *safe = pl_cli_escape (message, PL_CLI_ESCAPE_MESSAGE);

  g_printerr ("pillars-cli: %s\n", safe);
}

int
pl_cli_fail (const GError *error)
{
  pl_cli_message (error->message);
  return PL_CLI_ERROR;
}

int
pl_cli_usage (GOptionContext *context,
              const char     *message)
{
  g_autofree char *help = context ? g_option_context_get_help (context, TRUE, NULL) : NULL;

  if (message)
    pl_cli_message (message);
  if (help)
    g_printerr ("\n%s", help);
  return PL_CLI_USAGE;
}

gboolean
pl_cli_parse (GOptionContext   *context,
              int              *argc,
              char           ***argv,
              int              *exit_code)
{
  g_autoptr(GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *exit_code = pl_cli_usage (context, error->message);
      return FALSE;
    }
  /* GOption stops at "--" but leaves it in argv when an argument after it
   * looks like an option; it ends the options, so it is not an argument
   * itself: without this, text beginning with "-" (a feedback item "-5%
   * is too low") could not be entered at all. */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        /* Not freed: argv is main()'s. */
        memmove (*argv + i, *argv + i + 1, (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }
  return TRUE;
}

PlDocument *
pl_cli_open (const char  *path,
             gboolean     read_only,
             GError     **error)
{
  PlDocument *doc = pl_document_open (path, read_only ? PL_DOCUMENT_OPEN_READ_ONLY : PL_DOCUMENT_OPEN_DEFAULT, error);

  if (doc != NULL && !read_only && pl_document_is_read_only (doc))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” is read-only (%s) and cannot be changed."),
                   path, pl_document_get_read_only_reason (doc));
      g_object_unref (doc);
      return NULL;
    }
  /* Say so: older versions of Pillars cannot open an upgraded file. */
  if (doc != NULL && !read_only && pl_document_get_upgraded_from (doc) > 0)
    g_printerr (_("Note: “%s” is in document format %d; saving this change upgrades it to format %d, "
                  "which older versions of Pillars cannot open.\n"),
                path, pl_document_get_upgraded_from (doc), PL_SCHEMA_VERSION);
  return doc;
}

char *
pl_cli_read_text (const char  *path,
                  GError     **error)
{
  char *text = NULL;
  gsize len = 0;

  if (g_strcmp0 (path, "-") == 0)
    {
      GString *s = g_string_new (NULL);
      char buf[65536];
      size_t n;

      while ((n = fread (buf, 1, sizeof buf, stdin)) > 0)
        g_string_append_len (s, buf, n);
      len = s->len;
      text = g_string_free (s, FALSE);
    }
  else if (!g_file_get_contents (path, &text, &len, error))
    return NULL;

  if (memchr (text, '\0', len) != NULL || !g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_INVALID_TEXT,
                   _("“%s” is not UTF-8 text; convert it to UTF-8 and try again."),
                   g_strcmp0 (path, "-") == 0 ? _("standard input") : path);
      g_free (text);
      return NULL;
    }
  return text;
}

gboolean
pl_cli_parse_enum (GType        type,
                   const char  *option,
                   const char  *value,
                   int         *out,
                   GError     **error)
{
  g_autofree char *choices = NULL;

  if (pl_enum_from_nick (type, value, out))
    return TRUE;
  choices = pl_enum_list_nicks (type);
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--%s must be one of: %s (not “%s”)"), option, choices, value);
  return FALSE;
}

static gboolean
parse_index (const char *s,
             guint      *out)
{
  char *end = NULL;
  guint64 v;

  if (s == NULL || !g_ascii_isdigit (*s))
    return FALSE;
  v = g_ascii_strtoull (s, &end, 10);
  if (*end != '\0' || v == 0 || v > G_MAXINT)
    return FALSE;
  *out = (guint) v;
  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = g_utf8_casefold (a, -1);
  g_autofree char *fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

PlPillar *
pl_cli_find_pillar (PlDocument  *doc,
                    const char  *ref,
                    GError     **error)
{
  GListModel *pillars = pl_document_get_pillars (doc);
  guint n = g_list_model_get_n_items (pillars);
  guint index;

  if (parse_index (ref, &index) && index <= n)
    return g_list_model_get_item (pillars, index - 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlPillar) p = g_list_model_get_item (pillars, i);

      if (same_text (pl_pillar_get_title (p), ref) || g_strcmp0 (pl_record_get_uuid (PL_RECORD (p)), ref) == 0)
        return g_steal_pointer (&p);
    }
  g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
               _("No pillar “%s” in “%s”; give its number (1–%u), title or UUID (see “pillars-cli pillar list”)."),
               ref, pl_document_get_path (doc), n);
  return NULL;
}

PlObjective *
pl_cli_find_objective (PlDocument  *doc,
                       const char  *ref,
                       GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (ref, ".", -1);
  guint p, o;

  if (g_strv_length (parts) == 2 && parse_index (parts[0], &p) && parse_index (parts[1], &o))
    {
      GListModel *pillars = pl_document_get_pillars (doc);

      if (p <= g_list_model_get_n_items (pillars))
        {
          g_autoptr(PlPillar) pillar = g_list_model_get_item (pillars, p - 1);
          GListModel *objectives = pl_document_get_objectives (doc, pillar);

          if (o <= g_list_model_get_n_items (objectives))
            return g_list_model_get_item (objectives, o - 1);
        }
    }
  else
    {
      PlRecord *r = pl_document_lookup_uuid (doc, PL_TYPE_OBJECTIVE, ref, NULL);

      if (r != NULL)
        return PL_OBJECTIVE (r);
    }
  g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
               _("No objective “%s” in “%s”; give it as PILLAR.OBJECTIVE, e.g. 2.1, or its UUID (see “pillars-cli objective list”)."),
               ref, pl_document_get_path (doc));
  return NULL;
}

PlAction *
pl_cli_find_action (PlDocument  *doc,
                    const char  *ref,
                    GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (ref, ".", -1);
  guint a;

  if (g_strv_length (parts) == 3 && parse_index (parts[2], &a))
    {
      g_autofree char *oref = g_strdup_printf ("%s.%s", parts[0], parts[1]);
      g_autoptr(PlObjective) objective = pl_cli_find_objective (doc, oref, NULL);

      if (objective != NULL)
        {
          GListModel *actions = pl_document_get_actions (doc, objective);

          if (a <= g_list_model_get_n_items (actions))
            return g_list_model_get_item (actions, a - 1);
        }
    }
  else
    {
      PlRecord *r = pl_document_lookup_uuid (doc, PL_TYPE_ACTION, ref, NULL);

      if (r != NULL)
        return PL_ACTION (r);
    }
  g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
               _("No action “%s” in “%s”; give it as PILLAR.OBJECTIVE.ACTION, e.g. 2.1.3, or its UUID (see “pillars-cli action list”)."),
               ref, pl_document_get_path (doc));
  return NULL;
}

static PlRecord *
find_by_id_or_text (PlDocument *doc,
                    GListModel *model,
                    GType       type,
                    const char *property,
                    const char *ref)
{
  guint n = g_list_model_get_n_items (model);
  guint64 id;
  char *end = NULL;

  if (ref && g_ascii_isdigit (*ref))
    {
      id = g_ascii_strtoull (ref, &end, 10);
      if (*end == '\0')
        {
          PlRecord *r = pl_document_lookup (doc, type, (gint64) id, NULL);

          /* A number that is no id may still be a name ("2026 Summit"). */
          if (r != NULL)
            return r;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) r = g_list_model_get_item (model, i);

      if (same_text (pl_record_get_string (r, property), ref) || g_strcmp0 (pl_record_get_uuid (r), ref) == 0)
        return g_steal_pointer (&r);
    }
  return NULL;
}

PlWorkshop *
pl_cli_find_workshop (PlDocument  *doc,
                      const char  *ref,
                      GError     **error)
{
  PlRecord *r = find_by_id_or_text (doc, pl_document_get_workshops (doc), PL_TYPE_WORKSHOP, "title", ref);

  if (r == NULL)
    g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                 _("No workshop “%s” in “%s”; give its id or title (see “pillars-cli workshop list”)."),
                 ref, pl_document_get_path (doc));
  return (PlWorkshop *) r;
}

PlStakeholder *
pl_cli_find_stakeholder (PlDocument  *doc,
                         const char  *ref,
                         GError     **error)
{
  PlRecord *r = find_by_id_or_text (doc, pl_document_get_stakeholders (doc), PL_TYPE_STAKEHOLDER, "name", ref);

  if (r == NULL)
    g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                 _("No stakeholder “%s” in “%s”; give their id or name (see “pillars-cli stakeholder list”)."),
                 ref, pl_document_get_path (doc));
  return (PlStakeholder *) r;
}

PlFeedback *
pl_cli_find_feedback (PlDocument  *doc,
                      const char  *ref,
                      GError     **error)
{
  const char *s = ref && ref[0] == '#' ? ref + 1 : ref;
  char *end = NULL;
  guint64 id = s ? g_ascii_strtoull (s, &end, 10) : 0;
  PlRecord *r = NULL;

  if (s && g_ascii_isdigit (*s) && *end == '\0')
    r = pl_document_lookup (doc, PL_TYPE_FEEDBACK, (gint64) id, NULL);
  else if (s)
    r = pl_document_lookup_uuid (doc, PL_TYPE_FEEDBACK, s, NULL);
  if (r == NULL)
    g_set_error (error, PL_DOCUMENT_ERROR, PL_DOCUMENT_ERROR_NO_RECORD,
                 _("No feedback “%s” in “%s”; give its number (see “pillars-cli feedback list”)."),
                 ref, pl_document_get_path (doc));
  return (PlFeedback *) r;
}

void
pl_cli_print_row (const char * const *fields)
{
  GString *line = g_string_new (NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *safe = pl_cli_escape (fields[i], PL_CLI_ESCAPE_FIELD);

      if (i > 0)
        g_string_append_c (line, '\t');
      g_string_append (line, safe);
    }
  g_string_append_c (line, '\n');
  fwrite (line->str, 1, line->len, stdout);
  g_string_free (line, TRUE);
}

int
pl_cli_remove (int          argc,
               char       **argv,
               const char  *what,
               PlCliFinder  find)
{
  g_autofree char *summary = g_strdup_printf (_("FILE %s — remove it (and what lies under it)"), what);
  g_autoptr(GOptionContext) ctx = g_option_context_new (summary);
  g_autoptr(PlDocument) doc = NULL;
  g_autoptr(PlRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  if (!pl_cli_parse (ctx, &argc, &argv, &code))
    return code;
  if (argc != 3)
    return pl_cli_usage (ctx, _("FILE and the item are needed"));
  if (!(doc = pl_cli_open (argv[1], FALSE, &error)))
    return pl_cli_fail (error);
  if (!(record = find (doc, argv[2], &error)) || !pl_document_delete (doc, record, &error))
    return pl_cli_fail (error);
  return PL_CLI_OK;
}

gboolean
pl_cli_set_strings (PlRecord           *record,
                    const PlCliString  *strings,
                    guint               n,
                    GError            **error)
{
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) v = G_VALUE_INIT;

      if (*strings[i].value == NULL)
        continue;
      g_value_init (&v, G_TYPE_STRING);
      g_value_set_string (&v, *strings[i].value);
      if (!pl_record_set_value (record, strings[i].property, &v, error))
        return FALSE;
    }
  return TRUE;
}

int
pl_cli_sub_usage (const char *command,
                  const char *subcommands)
{
  g_autofree char *message = g_strdup_printf (_("%s needs a subcommand: %s. Run “pillars-cli %s SUBCOMMAND --help”."),
                                              command, subcommands, command);

  pl_cli_message (message);
  return PL_CLI_USAGE;
}
