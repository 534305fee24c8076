/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pl-action.h"
#include "pl-search-format.h"

typedef struct {
  GRegex *heading;   /* "## ", "> ", "- " at the start of a line */
  GRegex *rule;      /* a table's |---|:--| row */
  GRegex *link;      /* [text](target) → text */
  GRegex *autolink;  /* <https://…> → https://… */
  GRegex *emphasis;  /* **, __, ~~, `, and a lone * */
  GRegex *spaces;
} Patterns;

static const Patterns *
patterns (void)
{
  static gsize once;
  static Patterns p;

  if (g_once_init_enter (&once))
    {
      p.heading = g_regex_new ("^\\s*(?:(?:#{1,6}|>|[-*+])\\s+)+", G_REGEX_OPTIMIZE, 0, NULL);
      p.rule = g_regex_new ("^\\s*\\|?\\s*:?-+:?\\s*(?:\\|\\s*:?-+:?\\s*)*\\|?\\s*$", G_REGEX_OPTIMIZE, 0, NULL);
      p.link = g_regex_new ("!?\\[([^\\]]*)\\]\\((?:<[^>]*>|[^)]*)\\)", G_REGEX_OPTIMIZE, 0, NULL);
      p.autolink = g_regex_new ("<((?:https?://|mailto:)[^>\\s]*)>", G_REGEX_OPTIMIZE, 0, NULL);
      p.emphasis = g_regex_new ("\\*\\*|__|~~|`|\\*", G_REGEX_OPTIMIZE, 0, NULL);
      p.spaces = g_regex_new ("[ \\t\\r\\f\\v]+", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&once, 1);
    }
  return &p;
}

static char *
replace (GRegex     *regex,
         const char *text,
         const char *with)
{
  return g_regex_replace (regex, text, -1, 0, with, 0, NULL);
}

/* One line of Markdown as plain text, trimmed; NULL for a table rule. */
static char *
plain_line (const char *line)
{
  const Patterns *p = patterns ();
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  if (g_regex_match (p->rule, line, 0, NULL))
    return NULL;
  a = replace (p->heading, line, "");
  b = replace (p->link, a, "\\1");
  c = replace (p->autolink, b, "\\1");
  d = replace (p->emphasis, c, "");
  g_strdelimit (d, "|", ' ');
  return g_strstrip (replace (p->spaces, d, " "));
}

static char *
plain_snippet (const PlSearchHit *hit)
{
  g_auto(GStrv) lines = g_strsplit (hit->snippet ? hit->snippet : "", "\n", -1);
  /* An action's indexed text is its fields, one per line. */
  const char *joint = hit->type == PL_TYPE_ACTION ? " · " : " ";
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      g_autofree char *line = plain_line (lines[i]);

      /* A line that is only a marker or an ellipsis joins without a dot. */
      if (line == NULL || *line == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, g_str_equal (line, "…") || g_str_equal (out->str, "…") ? " " : joint);
      g_string_append (out, line);
    }
  return g_string_free (out, FALSE);
}

char *
pl_search_format_snippet (const PlSearchHit  *hit,
                          char              **plain,
                          char              **match)
{
  g_autofree char *text = plain_snippet (hit);
  GString *markup = g_string_new (NULL);
  GString *bare = g_string_new (NULL);
  const char *p = text;

  *match = NULL;
  while (*p != '\0')
    {
      const char *open = strstr (p, PL_SEARCH_MATCH_START);
      const char *close = open ? strstr (open, PL_SEARCH_MATCH_END) : NULL;
      g_autofree char *before = NULL, *inside = NULL, *esc_before = NULL, *esc_inside = NULL;

      if (open == NULL || close == NULL)
        {
          g_autofree char *rest = g_markup_escape_text (p, -1);

          g_string_append (markup, rest);
          g_string_append (bare, p);
          break;
        }
      before = g_strndup (p, open - p);
      inside = g_strndup (open + 1, close - open - 1);
      esc_before = g_markup_escape_text (before, -1);
      esc_inside = g_markup_escape_text (inside, -1);
      g_string_append_printf (markup, "%s<b>%s</b>", esc_before, esc_inside);
      g_string_append (bare, before);
      g_string_append (bare, inside);
      if (*match == NULL && *inside != '\0')
        *match = g_strdup (inside);
      p = close + 1;
    }
  *plain = g_string_free (bare, FALSE);
  return g_string_free (markup, FALSE);
}
