/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pl-feedback.h"
#include "pl-store-private.h"

/* The feedback pane's queries: one WHERE clause built from a
 * PlFeedbackQuery serves pages of ids, pages of rows, counts, membership
 * and rank, so that they always agree. */

static void
build_feedback_where (const PlFeedbackQuery *query,
                      GString               *sql,
                      GPtrArray             *binds)
{
  g_string_append (sql, " WHERE f.deleted = 0");
  if (query->pillar_id > 0)
    {
      g_string_append (sql, " AND f.pillar_id = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->pillar_id)));
    }
  if (query->workshop_id > 0)
    {
      g_string_append (sql, " AND f.workshop_id = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->workshop_id)));
    }
  if (query->stakeholder_id > 0)
    {
      g_string_append (sql, " AND f.stakeholder_id = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->stakeholder_id)));
    }
  if (query->kind >= 0)
    {
      g_string_append (sql, " AND f.kind = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (pl_enum_to_nick (PL_TYPE_FEEDBACK_KIND, query->kind))));
    }
  if (query->disposition >= 0)
    {
      g_string_append (sql, " AND f.disposition = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (pl_enum_to_nick (PL_TYPE_DISPOSITION, query->disposition))));
    }
  if (query->sector >= 0)
    {
      g_string_append (sql, " AND f.stakeholder_id IN (SELECT id FROM stakeholders WHERE sector = ?)");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (pl_enum_to_nick (PL_TYPE_SECTOR, query->sector))));
    }
  if (query->orphaned >= 0)
    {
      g_string_append (sql, " AND f.orphaned = ?");
      g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_int64 (query->orphaned ? 1 : 0)));
    }
  if (query->text != NULL && query->text[0] != '\0')
    {
      g_autofree char *fts = pl_store_fts_query (query->text);

      if (fts != NULL)
        {
          g_string_append (sql, " AND f.id IN (SELECT rowid FROM feedback_index WHERE feedback_index MATCH ?)");
          g_ptr_array_add (binds, g_variant_ref_sink (g_variant_new_string (fts)));
        }
    }
}

static void
bind_variants (sqlite3_stmt *stmt,
               GPtrArray    *binds,
               int           first)
{
  for (guint i = 0; i < binds->len; i++)
    {
      GVariant *v = g_ptr_array_index (binds, i);

      if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
        sqlite3_bind_int64 (stmt, first + i, g_variant_get_int64 (v));
      else
        sqlite3_bind_text (stmt, first + i, g_variant_get_string (v, NULL), -1, SQLITE_STATIC);
    }
}

GArray *
pl_store_query_feedback_range (PlStore               *store,
                               const PlFeedbackQuery *query,
                               guint                  offset,
                               guint                  limit,
                               GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT f.id FROM feedback f");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit);
  sqlite3_stmt *stmt;
  int rc;

  build_feedback_where (query, sql, binds);
  g_string_append (sql, " ORDER BY f.captured_at DESC, f.id DESC LIMIT ? OFFSET ?");
  if (!(stmt = _pl_store_prepare (store, sql->str, error)))
    return NULL;
  bind_variants (stmt, binds, 1);
  sqlite3_bind_int64 (stmt, binds->len + 1, limit);
  sqlite3_bind_int64 (stmt, binds->len + 2, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("search"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GArray *
pl_store_query_feedback_ids (PlStore               *store,
                             const PlFeedbackQuery *query,
                             guint                 *open_count,
                             GError               **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT f.id, f.disposition = 'open' FROM feedback f");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint open = 0;
  int rc;

  build_feedback_where (query, sql, binds);
  g_string_append (sql, " ORDER BY f.captured_at DESC, f.id DESC");
  if (!(stmt = _pl_store_prepare (store, sql->str, error)))
    return NULL;
  bind_variants (stmt, binds, 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
      open += sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("search"));
      return NULL;
    }
  *open_count = open;
  return g_steal_pointer (&ids);
}

gboolean
pl_store_feedback_readable (PlStore  *store,
                            GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = _pl_store_prepare (store, "SELECT max(id) FROM feedback", error)))
    return FALSE;
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("count"));
      return FALSE;
    }
  return TRUE;
}

GHashTable *
pl_store_feedback_text_ids (PlStore     *store,
                            const char  *text,
                            gboolean    *any,
                            GError     **error)
{
  g_autofree char *fts = text != NULL && text[0] != '\0' ? pl_store_fts_query (text) : NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  /* The same condition as build_feedback_where's. */
  *any = fts == NULL;
  if (fts == NULL)
    return g_steal_pointer (&ids);
  if (!(stmt = _pl_store_prepare (store, "SELECT rowid FROM feedback_index WHERE feedback_index MATCH ?", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("search"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
pl_store_load_feedback_range (PlStore               *store,
                              const PlFeedbackQuery *query,
                              guint                  offset,
                              guint                  limit,
                              GError               **error)
{
  PlRecordClass *klass = g_type_class_ref (PL_TYPE_FEEDBACK);
  g_autofree char *base = _pl_store_select_sql (klass, "f.");
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt;

  g_type_class_unref (klass);
  /* select_sql names the table itself; alias it for the shared WHERE. */
  g_string_append_printf (sql, "%s f", base);
  build_feedback_where (query, sql, binds);
  g_string_append (sql, " ORDER BY f.captured_at DESC, f.id DESC LIMIT ? OFFSET ?");
  if (!(stmt = _pl_store_prepare (store, sql->str, error)))
    return NULL;
  bind_variants (stmt, binds, 1);
  sqlite3_bind_int64 (stmt, binds->len + 1, limit);
  sqlite3_bind_int64 (stmt, binds->len + 2, offset);
  return _pl_store_load_rows (store, PL_TYPE_FEEDBACK, stmt, error);
}

static gboolean
query_is_everything (const PlFeedbackQuery *q)
{
  return q->pillar_id <= 0 && q->workshop_id <= 0 && q->stakeholder_id <= 0 &&
         q->kind < 0 && q->disposition < 0 && q->sector < 0 && q->orphaned < 0 &&
         (q->text == NULL || q->text[0] == '\0');
}

gboolean
pl_store_count_feedback (PlStore               *store,
                         const PlFeedbackQuery *query,
                         guint                 *n_items,
                         guint                 *open_count,
                         GError               **error)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (query_is_everything (query))
    sql = g_string_new ("SELECT live, open FROM feedback_stats WHERE id = 1");
  else
    {
      sql = g_string_new ("SELECT count(*), coalesce (sum (f.disposition = 'open'), 0) FROM feedback f");
      build_feedback_where (query, sql, binds);
    }
  if (!(stmt = _pl_store_prepare (store, sql->str, error)))
    return FALSE;
  bind_variants (stmt, binds, 1);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *n_items = (guint) sqlite3_column_int64 (stmt, 0);
      *open_count = (guint) sqlite3_column_int64 (stmt, 1);
      rc = SQLITE_DONE;
    }
  else if (rc == SQLITE_DONE)
    *n_items = *open_count = 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _pl_store_set_sqlite_error (store, error, rc, _("count"));
      return FALSE;
    }
  return TRUE;
}

gboolean
pl_store_feedback_matches (PlStore               *store,
                           const PlFeedbackQuery *query,
                           gint64                 id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT 1 FROM feedback f");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt;
  gboolean match;

  build_feedback_where (query, sql, binds);
  g_string_append (sql, " AND f.id = ?");
  if (!(stmt = _pl_store_prepare (store, sql->str, NULL)))
    return FALSE;
  bind_variants (stmt, binds, 1);
  sqlite3_bind_int64 (stmt, binds->len + 1, id);
  match = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return match;
}

guint
pl_store_feedback_rank (PlStore               *store,
                        const PlFeedbackQuery *query,
                        const char            *captured_at,
                        gint64                 id)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM feedback f");
  g_autoptr(GPtrArray) binds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  sqlite3_stmt *stmt;
  guint rank = 0;
  int n;

  build_feedback_where (query, sql, binds);
  g_string_append (sql, " AND (f.captured_at > ? OR (f.captured_at = ? AND f.id > ?))");
  if (!(stmt = _pl_store_prepare (store, sql->str, NULL)))
    return 0;
  bind_variants (stmt, binds, 1);
  n = binds->len;
  sqlite3_bind_text (stmt, n + 1, captured_at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, n + 2, captured_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, n + 3, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    rank = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return rank;
}
