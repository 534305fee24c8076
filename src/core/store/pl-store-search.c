/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "pl-action.h"
#include "pl-feedback.h"
#include "pl-objective.h"
#include "pl-pillar.h"
#include "pl-search-hit.h"
#include "pl-section.h"
#include "pl-store-private.h"

/* Full-text search (FTS5): user words made into a safe query, the
 * narrative index and the feedback index. */

char *
pl_store_fts_query (const char *words)
{
  g_autoptr(GString) q = g_string_new (NULL);
  g_autoptr(GHashTable) seen = NULL;
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (words == NULL)
    return NULL;
  /* Each term is matched on its own by FTS5: a query of 20,000 repeated
   * words took 20 seconds. Repeats add nothing, and a person searches with
   * a few words, so terms are kept once each, and bounded in number and
   * length. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parts = g_strsplit_set (words, " \t\n\r", -1);
  for (guint i = 0; parts[i] != NULL && n < PL_STORE_FTS_MAX_TERMS; i++)
    {
      g_autoptr(GString) token = g_string_new (NULL);
      guint chars = 0;

      /* Keep letters, digits and inner punctuation; quote as an FTS string
       * so operators in user text are never interpreted. */
      for (const char *p = parts[i]; *p && chars < PL_STORE_FTS_MAX_TERM_CHARS; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalnum (c) || c == '_' || c == '-' || c == '\'' || c == '.')
            {
              if (c == '\'' || c == '.' || c == '-')
                g_string_append_c (token, ' ');
              else
                g_string_append_unichar (token, c);
              chars++;
            }
        }
      g_strstrip (token->str);
      token->len = strlen (token->str);
      if (token->len == 0 || g_hash_table_contains (seen, token->str))
        continue;
      if (n++ > 0)
        g_string_append_c (q, ' ');
      g_string_append_printf (q, "\"%s\"", token->str);
      g_hash_table_add (seen, g_string_free (g_steal_pointer (&token), FALSE));
    }
  if (n == 0)
    return NULL;
  /* The last word always matches as a prefix, for search-as-you-type. */
  if (q->str[q->len - 1] != '*')
    g_string_append_c (q, '*');
  return g_string_free (g_steal_pointer (&q), FALSE);
}

static gboolean
collect_hits (PlStore     *store,
              const char  *sql,
              const char  *fts,
              guint        limit,
              gboolean     feedback,
              GPtrArray   *hits,
              GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _pl_store_prepare (store, sql, error)))
    return FALSE;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, (guint) G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      PlSearchHit *hit = g_new0 (PlSearchHit, 1);

      if (feedback)
        {
          hit->type = PL_TYPE_FEEDBACK;
          hit->id = rowid;
        }
      else
        {
          switch (rowid % 8)
            {
            case 1: hit->type = PL_TYPE_SECTION; break;
            case 2: hit->type = PL_TYPE_PILLAR; break;
            case 3: hit->type = PL_TYPE_OBJECTIVE; break;
            case 4: hit->type = PL_TYPE_ACTION; break;
            default: hit->type = G_TYPE_INVALID; break;
            }
          hit->id = rowid / 8;
        }
      hit->title = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      hit->snippet = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (hits, hit);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("search"));
      return FALSE;
    }
  return TRUE;
}

/* The narrative by relevance, then feedback newest first. When both have
 * more than @limit hits, feedback gets at most half of the places. */
GPtrArray *
pl_store_search (PlStore     *store,
                 const char  *query,
                 guint        limit,
                 GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_search_hit_free);
  g_autoptr(GPtrArray) narrative = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_search_hit_free);
  g_autoptr(GPtrArray) feedback = g_ptr_array_new_with_free_func ((GDestroyNotify) pl_search_hit_free);
  g_autofree char *fts = pl_store_fts_query (query);
  guint n_feedback, n_narrative;

  if (limit == 0)
    limit = G_MAXINT;
  if (fts == NULL)
    return g_steal_pointer (&hits);
  if (!collect_hits (store, "SELECT rowid, title, snippet (text_index, 1, char (2), char (3), '…', 12) "
                     "FROM text_index WHERE text_index MATCH ?1 ORDER BY rank LIMIT ?2",
                     fts, limit, FALSE, narrative, error) ||
      !collect_hits (store, "SELECT rowid, quote, snippet (feedback_index, 1, char (2), char (3), '…', 12) "
                     "FROM feedback_index WHERE feedback_index MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
                     fts, limit, TRUE, feedback, error))
    return NULL;

  n_feedback = MIN (feedback->len, narrative->len >= limit / 2 ? limit / 2 : limit - narrative->len);
  n_narrative = MIN (narrative->len, limit - n_feedback);
  for (guint i = 0; i < n_narrative; i++)
    g_ptr_array_add (hits, g_steal_pointer (&g_ptr_array_index (narrative, i)));
  for (guint i = 0; i < n_feedback; i++)
    g_ptr_array_add (hits, g_steal_pointer (&g_ptr_array_index (feedback, i)));
  return g_steal_pointer (&hits);
}
